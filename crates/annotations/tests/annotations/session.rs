//! The annotation session without a window, on the seed resolution with a store in a temporary
//! folder: adding, changing and deleting annotations, undo and redo, saving (now, and in the
//! background once changes pause) then opening the document again, import and export.

use qarar_annotations::session::Message;
use qarar_annotations::{Anchor, Annotation, Color, SAVE_DELAY, Session, Store, w3c};
use qarar_document::model::Document;
use std::path::PathBuf;
use std::sync::mpsc::channel;
use std::time::Duration;

/// A fresh store folder for test `name`.
fn data_dir(name: &str) -> PathBuf {
    qarar_testkit::temp_dir("annotations-session", name)
}

/// The ids of the first two paragraphs of the seed.
fn two_paragraphs(doc: &Document) -> (String, String) {
    let ids: Vec<String> = doc
        .paragraphs()
        .into_iter()
        .filter(|(_, p)| p.text().chars().count() > 20)
        .take(2)
        .map(|(_, p)| p.id.clone())
        .collect();
    (ids[0].clone(), ids[1].clone())
}

/// A highlight of the first ten characters of paragraph `id`.
fn highlight(doc: &Document, id: &str, color: Color) -> Annotation {
    Annotation::new_on_passage(doc, id, 0..10, color).expect("the passage exists")
}

fn notes(session: &Session) -> Vec<String> {
    session.list.iter().map(|a| a.note.clone()).collect()
}

fn ids(session: &Session) -> Vec<String> {
    session.list.iter().map(|a| a.id.clone()).collect()
}

fn texts(messages: &[Message]) -> Vec<&str> {
    messages.iter().map(Message::text).collect()
}

#[test]
fn add_update_delete_and_undo_redo_each_step() {
    let doc = qarar_testkit::seed();
    let dir = data_dir("undo");
    let (p1, p2) = two_paragraphs(&doc);
    let mut session = Session::open(&doc, Some(&dir));
    assert!(session.list.is_empty() && session.messages.is_empty());
    assert!(!session.can_undo());
    assert_eq!(session.last_color(), Color::Yellow, "the default colour");

    let first = session.add(&doc, highlight(&doc, &p1, Color::Green));
    let second = session.add(&doc, highlight(&doc, &p2, Color::Blue));
    assert_eq!(ids(&session), [first.as_str(), second.as_str()]);
    assert_eq!(
        session.last_color(),
        Color::Blue,
        "the next highlight's colour"
    );
    assert!(matches!(
        session.anchors.get(&first),
        Some(Anchor::Exact { paragraph, range }) if *paragraph == p1 && *range == (0..10)
    ));
    session.update(&doc, &first, |a| a.set_note("راجع الفقرة"));
    assert_eq!(notes(&session), ["راجع الفقرة", ""]);
    let generation = session.generation;
    session.update(&doc, &first, |_| {});
    assert_eq!(session.generation, generation, "no change, no step");
    session.delete(&doc, &second);
    assert_eq!(ids(&session), [first.as_str()]);
    assert!(!session.anchors.contains_key(&second));

    session.undo(&doc);
    assert_eq!(
        ids(&session),
        [first.as_str(), second.as_str()],
        "back in place"
    );
    session.undo(&doc);
    assert_eq!(notes(&session), ["", ""], "the note undone");
    session.undo(&doc);
    assert_eq!(ids(&session), [first.as_str()]);
    session.redo(&doc);
    assert_eq!(ids(&session), [first.as_str(), second.as_str()]);
    session.redo(&doc);
    assert_eq!(notes(&session), ["راجع الفقرة", ""], "the note again");
    // A new change forgets what could be redone.
    session.update(&doc, &second, |a| a.set_color(Color::Pink));
    session.redo(&doc);
    assert_eq!(ids(&session).len(), 2, "the deletion is not redone");
    assert_eq!(session.last_color(), Color::Pink);
    while session.can_undo() {
        session.undo(&doc);
    }
    assert!(session.list.is_empty() && session.anchors.is_empty());
    drop(session);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn saved_changes_are_there_when_the_document_opens_again() {
    let doc = qarar_testkit::seed();
    let dir = data_dir("reopen");
    let (p1, p2) = two_paragraphs(&doc);
    let mut session = Session::open(&doc, Some(&dir));
    let kept = session.add(&doc, highlight(&doc, &p1, Color::Orange));
    session.update(&doc, &kept, |a| a.set_tags(["أمن", "تعاون"]));
    let gone = session.add(&doc, highlight(&doc, &p2, Color::Yellow));
    session.delete(&doc, &gone);
    assert!(!session.is_saved());
    session.flush();
    assert!(session.is_saved() && session.messages.is_empty());
    drop(session);

    let again = Session::open(&doc, Some(&dir));
    assert!(again.messages.is_empty(), "{:?}", again.messages);
    assert_eq!(ids(&again), [kept.as_str()], "the deletion is kept too");
    assert_eq!(again.list[0].tags, ["أمن", "تعاون"]);
    assert_eq!(again.list[0].color, Color::Orange);
    assert_eq!(
        again.anchors.get(&kept).and_then(Anchor::paragraph),
        Some(p1.as_str())
    );
    assert!(!again.can_undo(), "undo is the session's, not the file's");
    drop(again);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_undone_deletion_holds_once_saved() {
    let doc = qarar_testkit::seed();
    let dir = data_dir("undo-saved");
    let (p1, _) = two_paragraphs(&doc);
    let mut session = Session::open(&doc, Some(&dir));
    let id = session.add(&doc, highlight(&doc, &p1, Color::Green));
    session.flush();
    session.delete(&doc, &id);
    session.flush();
    assert!(
        Session::open(&doc, Some(&dir)).list.is_empty(),
        "deleted on disk"
    );
    session.undo(&doc);
    session.flush();
    assert_eq!(
        ids(&Session::open(&doc, Some(&dir))),
        [id.as_str()],
        "back on disk"
    );
    session.redo(&doc);
    session.flush();
    assert!(
        Session::open(&doc, Some(&dir)).list.is_empty(),
        "deleted again"
    );
    drop(session);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_writer_saves_in_the_background_once_changes_pause_and_wakes_the_window() {
    let doc = qarar_testkit::seed();
    let dir = data_dir("background");
    let (p1, _) = two_paragraphs(&doc);
    let mut session = Session::open(&doc, Some(&dir));
    let (woken, wake) = channel();
    session.set_repaint(move || {
        let _ = woken.send(());
    });
    assert!(session.has_repaint());
    assert!(!session.tick(&doc), "nothing to save");
    let id = session.add(&doc, highlight(&doc, &p1, Color::Purple));
    assert!(session.tick(&doc), "a change waits to be saved");
    std::thread::sleep(SAVE_DELAY);
    assert!(session.tick(&doc), "the save is started, not done");
    // The writer calls the repaint once the file is written (the bound only stops a broken
    // writer from hanging the test).
    assert!(wake.recv_timeout(Duration::from_secs(60)).is_ok(), "woken");
    assert!(!session.tick(&doc), "the save taken in");
    assert!(session.is_saved() && session.messages.is_empty());
    let store = Store::open(&dir).expect("store");
    let on_disk = store.load(&session.identity).expect("readable");
    assert_eq!(on_disk.annotations.len(), 1);
    assert_eq!(on_disk.annotations[0].id, id);
    drop(session);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_merges_a_file_undoably_and_export_writes_one() {
    let doc = qarar_testkit::seed();
    let dir = data_dir("import");
    let (p1, p2) = two_paragraphs(&doc);
    let mut session = Session::open(&doc, Some(&dir));
    let mine = session.add(&doc, highlight(&doc, &p1, Color::Yellow));

    // A file from elsewhere: one annotation of its own, and a deletion of mine.
    let theirs = highlight(&doc, &p2, Color::Blue);
    let deletion = w3c::Tombstone {
        id: mine.clone(),
        deleted: "2999-01-01T00:00:00Z".into(),
    };
    let file = dir.join("from-a-colleague.jsonld");
    let page = w3c::to_page_string(
        &session.identity,
        std::slice::from_ref(&theirs),
        &[deletion],
    );
    std::fs::write(&file, page).expect("write the file");
    session.import(&doc, &file);
    assert_eq!(
        ids(&session),
        [mine.as_str(), theirs.id.as_str()],
        "merged by id"
    );
    assert_eq!(
        texts(&session.messages),
        [
            format!("Imported 1 annotations from {}", file.display()),
            "1 deletion in the file was not applied (importing never deletes)".to_string(),
        ]
    );
    assert_eq!(
        session.anchors.get(&theirs.id).and_then(Anchor::paragraph),
        Some(p2.as_str())
    );
    session.messages.clear();
    session.undo(&doc);
    assert_eq!(ids(&session), [mine.as_str()], "the import undone");

    let out = dir.join("out.jsonld");
    session.export(&out);
    assert_eq!(
        texts(&session.messages),
        [format!("Exported 1 annotations to {}", out.display())]
    );
    let parsed = w3c::parse_str(&std::fs::read_to_string(&out).expect("written")).expect("W3C");
    assert_eq!(parsed.annotations.len(), 1);
    assert_eq!(parsed.annotations[0].id, mine);
    session.messages.clear();

    session.import(&doc, &dir.join("missing.jsonld"));
    assert!(matches!(
        session.messages.as_slice(),
        [Message::Error(e)] if e.starts_with("Cannot import: ")
    ));
    drop(session);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_store_that_cannot_be_opened_is_said_and_changes_stay_in_the_session() {
    let doc = qarar_testkit::seed();
    let dir = data_dir("no-store");
    let blocked = dir.join("a-file");
    std::fs::write(&blocked, "not a folder").expect("write");
    let mut session = Session::open(&doc, Some(blocked.join("data")));
    assert!(matches!(
        session.messages.as_slice(),
        [Message::Error(e)] if e.starts_with("Annotations cannot be kept: ")
    ));
    let (p1, _) = two_paragraphs(&doc);
    session.add(&doc, highlight(&doc, &p1, Color::Green));
    assert!(!session.tick(&doc), "nothing to wait for");
    assert!(session.is_saved(), "nowhere to save: the user was told");
    drop(session);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn list_items_follow_the_document_not_the_order_of_making() {
    let doc = qarar_testkit::seed();
    let dir = data_dir("order");
    let (p1, p2) = two_paragraphs(&doc);
    let mut session = Session::open(&doc, Some(&dir));
    let later = session.add(&doc, highlight(&doc, &p2, Color::Blue));
    let earlier = session.add(&doc, highlight(&doc, &p1, Color::Green));
    let order: Vec<&str> = doc
        .paragraphs()
        .iter()
        .map(|(_, p)| p.id.as_str())
        .collect();
    let items = session.list_items(|p| order.iter().position(|x| *x == p));
    let listed: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(listed, [earlier.as_str(), later.as_str()]);
    assert_eq!(items[0].paragraph.as_deref(), Some(p1.as_str()));
    assert!(!items[0].orphan);
    drop(session);
    let _ = std::fs::remove_dir_all(&dir);
}
