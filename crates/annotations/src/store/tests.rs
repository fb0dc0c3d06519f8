//! Unit tests of the annotation store: saving, merging, recovery.

use super::*;
use crate::model::{Color, Quote, now_rfc3339};
use qarar_document::model::Language;

fn identity() -> DocumentIdentity {
    DocumentIdentity {
        symbol: Some("A/RES/75/10".into()),
        language: Language::Ar,
        content_hash: "0f".repeat(32),
    }
}

fn ann(id: &str, modified: &str, note: &str) -> Annotation {
    Annotation {
        id: id.into(),
        created: "2025-01-01T00:00:00Z".into(),
        modified: modified.into(),
        color: Color::Yellow,
        note: note.into(),
        note_language: None,
        tags: vec![],
        target: "para_1".into(),
        quote: Quote {
            exact: "نص".into(),
            ..Quote::default()
        },
        position: Some(0..2),
        whole_paragraph: false,
    }
}

fn temp_store(name: &str) -> Store {
    let dir = std::env::temp_dir().join(format!(
        "qarar-store-{name}-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    Store::open(dir).unwrap()
}

#[test]
fn env_override_and_default_dir() {
    assert_eq!(
        default_dir(Some("/tmp/q".into())),
        Some(PathBuf::from("/tmp/q/annotations"))
    );
    // Empty means unset: the platform directory (if the platform has one).
    if let Some(d) = default_dir(Some(OsString::new())) {
        assert!(d.ends_with("annotations"));
    }
}

#[test]
fn merge_newer_wins_and_tombstones_win() {
    let base = vec![
        ann("a", "2025-01-01T00:00:01Z", "old"),
        ann("b", "2025-01-01T00:00:01Z", ""),
    ];
    let incoming = vec![
        ann("a", "2025-01-01T00:00:02+01:00", "older by offset"),
        ann("c", "2025-01-01T00:00:01Z", ""),
    ];
    let tomb = vec![Tombstone {
        id: "b".into(),
        deleted: "2025-01-01T00:00:03Z".into(),
    }];
    let (m, d) = merge(&base, &[], &incoming, &tomb);
    let ids: Vec<&str> = m.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(m[0].note, "old"); // 00:00:02+01:00 is earlier than 00:00:01Z
    assert_eq!(d.len(), 1);
}

#[test]
fn save_load_backup_and_damaged_file() {
    let store = temp_store("damaged");
    let id = identity();
    store
        .save(&id, &[ann("a", "2025-01-01T00:00:01Z", "1")], &[])
        .unwrap();
    assert!(
        !store.backup_path_for(&id).exists(),
        "no previous version yet"
    );
    store
        .save(&id, &[ann("b", "2025-01-01T00:00:01Z", "2")], &[])
        .unwrap();
    let bak = fs::read_to_string(store.backup_path_for(&id)).unwrap();
    let bak = w3c::parse_str(&bak).unwrap();
    assert_eq!(
        bak.annotations.len(),
        1,
        "the .bak holds the previous version"
    );

    // Damage the file: it is set aside, reported, and the backup restored.
    let path = store.path_for(&id);
    fs::write(&path, b"{\"type\": \"AnnotationPage\", \"items\": [").unwrap();
    let loaded = store.load(&id).unwrap();
    assert_eq!(loaded.warnings.len(), 1);
    let StoreWarning::DamagedFileSetAside {
        moved_to,
        restored_from_backup,
        ..
    } = &loaded.warnings[0]
    else {
        panic!("{:?}", loaded.warnings)
    };
    assert!(*restored_from_backup);
    assert_eq!(
        fs::read(moved_to).unwrap(),
        b"{\"type\": \"AnnotationPage\", \"items\": [",
        "the damaged file is kept as it was"
    );
    assert!(loaded.warnings[0].to_string().contains("damaged-"));
    assert_eq!(loaded.annotations.len(), 1);
    assert!(w3c::parse_str(&fs::read_to_string(&path).unwrap()).is_ok());
    // Loading again: no more warnings.
    assert!(store.load(&id).unwrap().warnings.is_empty());

    // Valid JSON that is not annotations, and no usable backup.
    fs::write(&path, b"{\"hello\": 1}").unwrap();
    fs::write(store.backup_path_for(&id), b"garbage").unwrap();
    let saved = store
        .save(&id, &[ann("c", "2025-01-01T00:00:01Z", "")], &[])
        .unwrap();
    assert_eq!(saved.warnings.len(), 1);
    assert_eq!(saved.annotations.len(), 1);
    let damaged: Vec<_> = fs::read_dir(store.dir())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(damaged.len(), 2, "both damaged files kept");
    let _ = fs::remove_dir_all(store.dir());
}

#[test]
fn recovery_never_leaves_the_file_missing_and_a_missing_file_comes_back_from_the_backup() {
    let store = temp_store("recovery");
    let id = identity();
    store
        .save(&id, &[ann("a", "2025-01-01T00:00:01Z", "")], &[])
        .unwrap();
    store
        .save(&id, &[ann("b", "2025-01-01T00:00:01Z", "")], &[])
        .unwrap();
    // A recovery interrupted by an older version: the file gone, the backup good.
    fs::remove_file(store.path_for(&id)).unwrap();
    let loaded = store.load(&id).unwrap();
    assert_eq!(loaded.annotations.len(), 1, "the backup's annotation");
    assert!(matches!(
        loaded.warnings[..],
        [StoreWarning::MissingFileRestored { .. }]
    ));
    assert!(
        loaded.warnings[0]
            .to_string()
            .contains("restored from the backup")
    );
    assert!(store.path_for(&id).exists());
    assert!(store.load(&id).unwrap().warnings.is_empty());
    let _ = fs::remove_dir_all(store.dir());
}

fn tombstone(id: &str, at: &str) -> Tombstone {
    Tombstone {
        id: id.into(),
        deleted: at.into(),
    }
}

#[test]
fn deletions_do_not_come_back_unless_edited_later() {
    let store = temp_store("tomb");
    let id = identity();
    let a = ann("urn:uuid:a", "2025-01-01T00:00:01Z", "");
    let b = ann("urn:uuid:b", "2025-01-01T00:00:01Z", "");
    // Two windows both hold a and b.
    store.save(&id, &[a.clone(), b.clone()], &[]).unwrap();
    // Window 1 deletes a.
    let after = store
        .save(
            &id,
            std::slice::from_ref(&b),
            &[tombstone("urn:uuid:a", "2025-01-01T00:00:05Z")],
        )
        .unwrap();
    assert_eq!(after.annotations.len(), 1);
    // Window 2 still has a as it was and saves everything: a stays deleted.
    let after = store.save(&id, &[a.clone(), b.clone()], &[]).unwrap();
    assert_eq!(after.annotations.len(), 1);
    assert_eq!(after.annotations[0].id, "urn:uuid:b");
    let loaded = store.load(&id).unwrap();
    assert_eq!(loaded.annotations.len(), 1);
    assert_eq!(loaded.deleted.len(), 1);
    // An edit made after the deletion (an undo) is the latest edit: a is back, its
    // tombstone gone.
    let mut a2 = a.clone();
    a2.modified = "2025-01-01T00:00:06Z".into();
    let after = store.save(&id, &[a2, b], &[]).unwrap();
    assert_eq!(after.annotations.len(), 2);
    assert!(after.deleted.is_empty());
    let _ = fs::remove_dir_all(store.dir());
}

#[test]
fn undo_survives_saves_the_latest_edit_wins_both_ways() {
    let a = ann("a", "2025-01-01T00:00:01Z", "");
    // Deleted at 2, restored (undo) at 3, deleted again (redo) at 4: whatever the order
    // in which the versions meet, the latest edit decides.
    let del2 = tombstone("a", "2025-01-01T00:00:02Z");
    let mut back3 = a.clone();
    back3.modified = "2025-01-01T00:00:03Z".into();
    let del4 = tombstone("a", "2025-01-01T00:00:04Z");
    let (m, d) = merge(
        &[],
        std::slice::from_ref(&del2),
        std::slice::from_ref(&back3),
        &[],
    );
    assert_eq!((m.len(), d.len()), (1, 0), "undone deletion: back");
    let (m, d) = merge(
        std::slice::from_ref(&back3),
        &[],
        &[],
        std::slice::from_ref(&del2),
    );
    assert_eq!((m.len(), d.len()), (1, 0), "a stale deletion does not win");
    let (m, d) = merge(std::slice::from_ref(&back3), &[del2], &[a], &[del4]);
    assert_eq!((m.len(), d.len()), (0, 1), "redone deletion: gone");
    assert_eq!(d[0].deleted, "2025-01-01T00:00:04Z");
}

#[test]
fn import_never_deletes_and_counts_the_deletions_it_ignored() {
    let store = temp_store("import-del");
    let id = identity();
    let mine = [
        ann("urn:x:1", "2025-01-01T00:00:01Z", ""),
        ann("urn:x:2", "2025-01-01T00:00:01Z", ""),
    ];
    store.save(&id, &mine, &[]).unwrap();
    let file = store.dir().join("in.jsonld");
    let dels = [
        tombstone("urn:x:1", "2030-01-01T00:00:00Z"),
        tombstone("urn:x:2", "2030-01-01T00:00:00Z"),
        tombstone("urn:x:9", "2030-01-01T00:00:00Z"),
    ];
    fs::write(&file, w3c::to_page_string(&id, &[], &dels)).unwrap();
    let merged = store.import(&id, &file).unwrap();
    assert_eq!(merged.annotations.len(), 2, "nothing deleted");
    assert_eq!(merged.ignored_deletions, 3);
    assert_eq!(store.load(&id).unwrap().annotations.len(), 2);
    let _ = fs::remove_dir_all(store.dir());
}

#[test]
fn a_very_long_symbol_is_kept_under_a_short_file_name() {
    let store = temp_store("long-symbol");
    let long = |tail: &str| DocumentIdentity {
        symbol: Some(format!("A/RES/{}{tail}", "75/".repeat(400))),
        ..identity()
    };
    let (one, two) = (long("1"), long("2"));
    assert_ne!(one.storage_key(), two.storage_key(), "still told apart");
    assert!(one.storage_key().len() <= 130, "{}", one.storage_key());
    store
        .save(&one, &[ann("a", "2025-01-01T00:00:01Z", "")], &[])
        .unwrap();
    store
        .save(&one, &[ann("b", "2025-01-01T00:00:01Z", "")], &[])
        .unwrap();
    assert_eq!(store.load(&one).unwrap().annotations.len(), 2);
    assert!(store.load(&two).unwrap().annotations.is_empty());
    let _ = fs::remove_dir_all(store.dir());
}

#[test]
fn annotation_files_and_imports_have_the_document_size_limit_and_must_be_regular_files() {
    let store = temp_store("limits");
    let id = identity();
    // A (sparse) file one byte over the limit: refused by its size, not parsed.
    let big = store.dir().join("big.jsonld");
    File::create(&big)
        .unwrap()
        .set_len(qarar_document::MAX_FILE_SIZE + 1)
        .unwrap();
    let err = store.import(&id, &big).unwrap_err().to_string();
    assert!(err.contains("more than the limit"), "{err}");
    fs::rename(&big, store.path_for(&id)).unwrap();
    let err = store.load(&id).unwrap_err().to_string();
    assert!(err.contains("more than the limit"), "{err}");
    fs::remove_file(store.path_for(&id)).unwrap();
    // A directory is refused at once.
    let err = store.import(&id, store.dir()).unwrap_err().to_string();
    assert!(err.contains("a directory"), "{err}");
    #[cfg(unix)]
    {
        // A FIFO would block a reader forever: refused at once.
        let fifo = store.dir().join("fifo.jsonld");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = store.import(&id, &fifo).unwrap_err().to_string();
            assert!(err.contains("not a regular file"), "{err}");
        }
    }
    let _ = fs::remove_dir_all(store.dir());
}

#[test]
fn two_windows_save_concurrently_and_lose_nothing() {
    let store = temp_store("concurrent");
    let dir = store.dir().to_path_buf();
    let id = identity();
    let threads: Vec<_> = (0..2)
        .map(|w| {
            let dir = dir.clone();
            let id = id.clone();
            std::thread::spawn(move || {
                // Each "window" has its own Store and its own list.
                let store = Store::open(dir).unwrap();
                let mut mine = Vec::new();
                for i in 0..40 {
                    let mut a = ann(&format!("urn:w{w}:{i}"), &now_rfc3339(), "");
                    a.note = format!("window {w} #{i}");
                    mine.push(a);
                    // Only this window's list: the other window's are on disk only.
                    store.save(&id, &mine, &[]).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let loaded = store.load(&id).unwrap();
    assert_eq!(loaded.annotations.len(), 80);
    assert!(loaded.warnings.is_empty());
    let _ = fs::remove_dir_all(store.dir());
}

#[test]
fn import_and_export_merge_by_id() {
    let store = temp_store("import");
    let id = identity();
    store
        .save(&id, &[ann("urn:x:1", "2025-01-01T00:00:01Z", "mine")], &[])
        .unwrap();
    let file = store.dir().join("in.json");
    let other = [
        ann("urn:x:1", "2025-01-01T00:00:05Z", "theirs, newer"),
        ann("urn:x:2", "2025-01-01T00:00:01Z", "new"),
    ];
    fs::write(&file, w3c::to_page_string(&id, &other, &[])).unwrap();
    let merged = store.import(&id, &file).unwrap();
    assert_eq!(merged.annotations.len(), 2);
    assert_eq!(merged.annotations[0].note, "theirs, newer");
    let out = store.dir().join("out.jsonld");
    assert_eq!(store.export(&id, &out).unwrap(), 2);
    assert_eq!(
        w3c::parse_str(&fs::read_to_string(&out).unwrap())
            .unwrap()
            .annotations
            .len(),
        2
    );
    fs::write(&file, b"not json").unwrap();
    assert!(matches!(
        store.import(&id, &file),
        Err(StoreError::Import { .. })
    ));
    let _ = fs::remove_dir_all(store.dir());
}

#[test]
fn duplicate_ids_keep_the_latest_and_say_so_and_reading_leaves_no_lock() {
    let store = temp_store("dupes");
    let id = identity();
    let older = ann("a1", "2025-01-01T00:00:00Z", "old note");
    let newer = ann("a1", "2025-02-01T00:00:00Z", "new note");
    let text = w3c::to_page_string(
        &id,
        &[newer, older, ann("a2", "2025-01-01T00:00:00Z", "")],
        &[],
    );
    fs::write(store.path_for(&id), text).unwrap();
    let loaded = store.load(&id).unwrap();
    assert_eq!(loaded.annotations.len(), 2);
    assert_eq!(loaded.annotations[0].note, "new note");
    assert!(matches!(
        loaded.warnings[..],
        [StoreWarning::DuplicateIdsMerged { count: 1, .. }]
    ));
    // Reading (an export) took no lock file.
    let names: Vec<String> = fs::read_dir(store.dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".lock")), "{names:?}");
    let out = store.dir().join("out.jsonld");
    assert_eq!(store.export(&id, &out).unwrap(), 2);
    assert!(
        !store
            .dir()
            .read_dir()
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".lock"))
    );
    let _ = fs::remove_dir_all(store.dir());
}
