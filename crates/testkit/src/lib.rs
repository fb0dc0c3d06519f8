//! What the test binaries of every crate share, defined once: where the repository and the
//! corpus beside the checkout are, the bundled seed resolution, corpus files when they are
//! there, temporary folders (fresh, or holding a writable copy of the library tests' set), and
//! a part of a written zip (DOCX). Dev-only: no crate depends on it outside its tests.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The repository's root (this crate sits in `crates/testkit`).
pub const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// `../shared/corpus/akn`, the UN's Akoma Ntoso files (CI has it beside the clone).
pub const AKN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/akn");

/// `../shared/corpus`, the whole corpus (Akoma Ntoso, plain text, more).
pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

/// The bundled Arabic seed, A/RES/75/10 as plain text.
pub const SEED_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/A-RES-75-10.ar.txt"
);

/// The seed's text.
pub const SEED_TEXT: &str = include_str!("../../../assets/A-RES-75-10.ar.txt");

/// A file of the repository, by its path from the root (`tests/fixtures/…`).
pub fn repo(path: &str) -> PathBuf {
    Path::new(ROOT).join(path)
}

/// The seed resolution, loaded as the reader loads it.
pub fn seed() -> qarar_document::Document {
    qarar_document::load_path(Path::new(SEED_PATH)).expect("the seed loads")
}

/// `../shared/corpus/akn/NAME` when it is there (the test then skips without it).
pub fn akn_file(name: &str) -> Option<PathBuf> {
    let p = PathBuf::from(AKN).join(name);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: {} is absent", p.display());
        None
    }
}

/// `../shared/corpus/akn/NAME` loaded, when it is there.
pub fn akn_document(name: &str) -> Option<qarar_document::Document> {
    akn_file(name)
        .map(|p| qarar_document::load_path(&p).unwrap_or_else(|e| panic!("{name} loads: {e}")))
}

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

fn copy_set(src: &Path, dst: &Path) {
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

/// The part `name` of a zip file (a DOCX) as text.
pub fn zip_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut f = zip.by_name(name).expect("part");
    let mut s = String::new();
    f.read_to_string(&mut s).expect("utf-8");
    s
}
