//! What the library tests share: the Akoma Ntoso corpus beside the checkout, and temporary
//! folders (fresh, or holding a writable copy of the corpus).

#![allow(dead_code)]

use std::path::PathBuf;

pub mod window;

/// `../shared/corpus/akn`, the UN's Akoma Ntoso files (CI has it beside the clone).
pub const AKN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/akn");

/// The files of the library tests: the session-75 resolutions (twenty files, six languages
/// of 75/10) and their UN metadata. The corpus also holds documents added for other features
/// (annexes, multi-part resolutions, plain-text shapes); the library tests count files,
/// sessions and hits, so they read this fixed set.
fn in_library_set(name: &str) -> bool {
    (name.starts_with("75_") && name.ends_with(".xml")) || name == "data_extract_75.jsonl"
}

/// A folder holding the library tests' set of corpus files (copied once per test binary), or
/// `None` (with a note) when the corpus is absent: the test then skips.
pub fn corpus() -> Option<PathBuf> {
    static SET: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let p = PathBuf::from(AKN);
        if !p.is_dir() {
            eprintln!("skipping: corpus folder {AKN} is absent");
            return None;
        }
        let dst = temp_dir("corpus", "set");
        copy_set(&p, &dst);
        Some(dst)
    })
    .clone()
}

fn copy_set(src: &std::path::Path, dst: &std::path::Path) {
    for entry in std::fs::read_dir(src).expect("read corpus").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_file() && in_library_set(&name) {
            let bytes = std::fs::read(entry.path()).expect("read");
            std::fs::write(dst.join(&name), bytes).expect("write copy");
        }
    }
}

/// A fresh, empty temporary folder, distinct per test binary (`suite`) and test (`name`).
pub fn temp_dir(suite: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qarar-{suite}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// A temporary folder holding a copy of the library tests' set (the copies are writable).
pub fn temp_copy(suite: &str, name: &str) -> Option<PathBuf> {
    let src = corpus()?;
    let dst = temp_dir(suite, name);
    copy_set(&src, &dst);
    Some(dst)
}
