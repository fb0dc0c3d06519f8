//! What the library tests share: the Akoma Ntoso corpus beside the checkout, and temporary
//! folders (fresh, or holding a writable copy of the corpus).

#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared/corpus/akn`, the UN's Akoma Ntoso files (CI has it beside the clone).
pub const AKN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/akn");

/// The corpus folder, or `None` (with a note) when it is absent: the test then skips.
pub fn corpus() -> Option<PathBuf> {
    let p = PathBuf::from(AKN);
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: corpus folder {AKN} is absent");
        None
    }
}

/// A fresh, empty temporary folder, distinct per test binary (`suite`) and test (`name`).
pub fn temp_dir(suite: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qarar-{suite}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// A temporary folder holding a copy of the corpus (the copies are writable).
pub fn temp_copy(suite: &str, name: &str) -> Option<PathBuf> {
    let src = corpus()?;
    let dst = temp_dir(suite, name);
    for entry in std::fs::read_dir(&src).expect("read corpus").flatten() {
        if entry.path().is_file() {
            let bytes = std::fs::read(entry.path()).expect("read");
            std::fs::write(dst.join(entry.file_name()), bytes).expect("write copy");
        }
    }
    Some(dst)
}
