//! Annotating in the reader window, driven through AccessKit: highlight a passage, write an
//! Arabic note with a Latin symbol, close, reopen: it is all still there.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qarar::ui::{ReaderApp, StartOptions};
use std::path::Path;

fn reader(data_dir: &Path) -> Harness<'static, ReaderApp> {
    let start = StartOptions {
        data_dir: Some(data_dir.to_path_buf()),
        ..StartOptions::default()
    };
    let app = ReaderApp::new(&egui::Context::default(), None, start);
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut ReaderApp| app.frame(ui), app)
}

fn settle(h: &mut Harness<'static, ReaderApp>) {
    h.run_ok();
}

/// Drag across the first line of a paragraph, from its reading start (right) leftwards.
fn select_first_line(h: &mut Harness<'static, ReaderApp>, label: &str) {
    let r = h.get_by_label(label).rect();
    let y = r.top() + 14.0;
    let from = egui::pos2(r.right() - 2.0, y);
    let to = egui::pos2(r.right() - 260.0, y);
    h.hover_at(from);
    h.drag_at(from);
    h.step();
    h.hover_at(to);
    h.step();
    h.drop_at(to);
    settle(h);
}

#[test]
fn a_highlight_and_its_arabic_note_survive_closing_and_reopening() {
    let dir = std::env::temp_dir().join(format!("qarar-annotate-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let note = "انظر الوثيقة A/75/L.20 قبل الجلسة";
    let (paragraph, range) = {
        let mut h = reader(&dir);
        settle(&mut h);
        select_first_line(&mut h, "Preambular paragraph 1");
        h.get_by_label("Highlight green").click();
        settle(&mut h);
        let app = h.state();
        let cur = app.current().expect("document");
        assert_eq!(cur.annotations.list.len(), 1, "one highlight made");
        let a = &cur.annotations.list[0];
        assert_eq!(a.color.name(), "green");
        assert_eq!(a.target, "preamble_1");
        assert!(
            a.quote.exact.chars().count() > 5,
            "quote: {}",
            a.quote.exact
        );
        let id = a.id.clone();
        // Clicking the highlight opens its note.
        h.state_mut().open_note(&id);
        settle(&mut h);
        h.get_by_label("Note text").click();
        settle(&mut h);
        h.get_by_label("Note text").type_text(note);
        settle(&mut h);
        h.get_by_label("Done").click();
        settle(&mut h);
        let cur = h.state().current().expect("document");
        let a = &cur.annotations.list[0];
        assert_eq!(a.note, note);
        let anchor = cur.annotations.anchors.get(&a.id).expect("anchored");
        (anchor.paragraph().map(str::to_string), anchor.range())
        // The harness and the app are dropped here: the window closes and saves.
    };
    let mut h = reader(&dir);
    settle(&mut h);
    let cur = h.state().current().expect("document");
    assert_eq!(
        cur.annotations.list.len(),
        1,
        "the highlight is still there"
    );
    let a = &cur.annotations.list[0];
    assert_eq!(a.note, note, "the note is still there");
    let anchor = cur.annotations.anchors.get(&a.id).expect("anchored");
    assert_eq!(anchor.paragraph().map(str::to_string), paragraph);
    assert_eq!(anchor.range(), range, "in the same place");
    // The note shows in the margin of its paragraph.
    assert!(h.query_by_label("Note on Preambular paragraph 1").is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn undo_removes_a_highlight_and_redo_brings_it_back() {
    let dir = std::env::temp_dir().join(format!("qarar-annotate-undo-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut h = reader(&dir);
    settle(&mut h);
    select_first_line(&mut h, "Enacting formula");
    h.key_press(egui::Key::Num3);
    settle(&mut h);
    let count = |h: &Harness<'static, ReaderApp>| {
        h.state()
            .current()
            .map(|c| c.annotations.list.len())
            .unwrap_or(0)
    };
    assert_eq!(count(&h), 1, "key 3 highlights the selection");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(count(&h), 0, "Ctrl+Z removes it");
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    settle(&mut h);
    assert_eq!(count(&h), 1, "Ctrl+Shift+Z brings it back");
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn file_export_writes_an_annotated_copy_without_blocking_the_window() {
    let dir = std::env::temp_dir().join(format!("qarar-gui-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut h = reader(&dir.join("data"));
    h.run_ok();
    let out = dir.join("copy.html");
    h.state_mut().export_copy(&out);
    h.state_mut().finish_exports();
    h.run_ok();
    let html = std::fs::read_to_string(&out).expect("the copy is written");
    assert!(html.contains("الإنتربول"));
    assert!(h.query_by_label_contains("Exported to").is_some());
    // An unknown extension is refused with a message naming the file.
    h.state_mut().export_copy(&dir.join("copy.xyz"));
    h.run_ok();
    assert!(
        h.query_by_label_contains("copy.xyz: unknown export format")
            .is_some()
    );
}

/// Let the reader's background save run (it waits for changes to settle), until everything is
/// on disk.
fn wait_for_the_save(h: &mut Harness<'static, ReaderApp>) {
    for _ in 0..100 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.step();
        if h.state()
            .current()
            .is_some_and(|c| c.annotations.is_saved())
        {
            break;
        }
    }
    assert!(
        h.state()
            .current()
            .is_some_and(|c| c.annotations.is_saved()),
        "the changes were saved"
    );
    settle(h);
}

/// The ids in the document's annotation file on disk.
fn ids_on_disk(h: &Harness<'static, ReaderApp>, dir: &Path) -> Vec<String> {
    let identity = h
        .state()
        .current()
        .expect("document")
        .annotations
        .identity
        .clone();
    let store = qarar_annotations::Store::open(dir.to_path_buf()).expect("store");
    store
        .load(&identity)
        .expect("readable")
        .annotations
        .into_iter()
        .map(|a| a.id)
        .collect()
}

fn ids_shown(h: &Harness<'static, ReaderApp>) -> Vec<String> {
    h.state()
        .current()
        .map(|c| c.annotations.list.iter().map(|a| a.id.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn undo_survives_autosave_for_a_deletion_and_a_new_highlight() {
    let dir = std::env::temp_dir().join(format!("qarar-undo-autosave-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut h = reader(&dir);
    h.state_mut().settings.show_annotations = true;
    settle(&mut h);
    select_first_line(&mut h, "Preambular paragraph 1");
    h.get_by_label("Highlight green").click();
    settle(&mut h);
    wait_for_the_save(&mut h);
    let first = ids_shown(&h);
    assert_eq!(first.len(), 1);
    assert_eq!(ids_on_disk(&h, &dir), first);

    // Delete it from the annotations pane; the deletion is saved; undo brings it back, on
    // screen and — after the next save — on disk.
    h.get_by_label("Delete annotation").click();
    settle(&mut h);
    assert!(ids_shown(&h).is_empty(), "deleted");
    wait_for_the_save(&mut h);
    assert!(ids_on_disk(&h, &dir).is_empty(), "the deletion is saved");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(ids_shown(&h), first, "undo brings it back");
    wait_for_the_save(&mut h);
    assert_eq!(ids_shown(&h), first, "still back after the save");
    assert!(h.query_by_label("Delete annotation").is_some(), "on screen");
    assert_eq!(ids_on_disk(&h, &dir), first, "and on disk");

    // A new highlight, saved, then undone: gone on screen and on disk after the next save.
    select_first_line(&mut h, "Preambular paragraph 2");
    h.get_by_label("Highlight green").click();
    settle(&mut h);
    assert_eq!(ids_shown(&h).len(), 2);
    wait_for_the_save(&mut h);
    assert_eq!(ids_on_disk(&h, &dir).len(), 2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(ids_shown(&h), first, "undo removes the new highlight");
    wait_for_the_save(&mut h);
    assert_eq!(ids_shown(&h), first, "it stays removed after the save");
    assert_eq!(ids_on_disk(&h, &dir), first, "and on disk");

    // Redo after the saves makes it again, and that holds too.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    settle(&mut h);
    wait_for_the_save(&mut h);
    assert_eq!(ids_shown(&h).len(), 2, "redo holds after the save");
    assert_eq!(ids_on_disk(&h, &dir).len(), 2);
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
}
