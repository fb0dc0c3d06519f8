//! Inputs that must not make the loader panic or hang: empty, binary, damaged, huge,
//! directories and missing paths. Every error names the file and the problem.

use qarar_document::{LoadError, MAX_FILE_SIZE, load_bytes, load_path};
use std::path::{Path, PathBuf};

const SEED: &str = qarar_testkit::SEED_TEXT;

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qarar-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

fn write(dir: &Path, file: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

/// The error message names the file and contains `problem`.
fn assert_message(err: &LoadError, path: &Path, problem: &str) {
    let msg = err.to_string();
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(msg.contains(problem), "{msg}");
}

#[test]
fn empty_file_is_refused_with_its_name() {
    let dir = scratch("empty");
    let path = write(&dir, "empty.txt", b"");
    let err = load_path(&path).expect_err("empty file");
    assert!(matches!(err, LoadError::Empty { .. }));
    assert_message(&err, &path, "empty");
    let path = write(&dir, "blank.txt", b" \n\r\n\t\n");
    assert!(matches!(load_path(&path), Err(LoadError::Empty { .. })));
}

#[test]
fn binary_junk_is_refused() {
    let dir = scratch("binary");
    // A deterministic pseudo-random byte soup with NULs and control bytes.
    let mut x: u32 = 0x1234_5678;
    let junk: Vec<u8> = (0..100_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect();
    let path = write(&dir, "junk.bin", &junk);
    let err = load_path(&path).expect_err("binary file");
    assert!(matches!(err, LoadError::Binary { .. }), "{err}");
    assert_message(&err, &path, "binary");
    // An ELF-like header full of NULs.
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    elf.extend(std::iter::repeat_n(0u8, 4096));
    assert!(load_bytes(&elf, Path::new("a.out")).is_err());
}

#[test]
fn invalid_utf8_in_the_middle_still_opens() {
    let mut bytes = SEED.as_bytes().to_vec();
    let mut mid = bytes.len() / 2;
    while mid < bytes.len() && bytes[mid] != b'\n' {
        mid += 1;
    }
    bytes.splice(mid..mid, [0xFF, 0xFE, 0xC3]);
    let doc = load_bytes(&bytes, Path::new("damaged.txt")).expect("damaged file opens");
    assert_eq!(doc.operative.len(), 16);
    assert!(doc.encoding.starts_with("UTF-8"));
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.message.contains("invalid UTF-8"))
    );
}

#[test]
fn directory_is_refused_with_its_name() {
    let dir = scratch("directory");
    let err = load_path(&dir).expect_err("directory");
    assert!(matches!(err, LoadError::Directory { .. }));
    assert_message(&err, &dir, "directory");
}

#[test]
fn missing_path_is_refused_with_its_name() {
    let dir = scratch("missing");
    let path = dir.join("no-such-file.txt");
    let err = load_path(&path).expect_err("missing file");
    assert!(matches!(err, LoadError::Io { .. }));
    assert_message(&err, &path, "cannot read");
}

#[test]
fn file_above_the_size_limit_is_refused_with_its_name() {
    let dir = scratch("too-large");
    let path = dir.join("huge.txt");
    let file = std::fs::File::create(&path).expect("create");
    // A sparse file: nothing is written, so the test is cheap.
    file.set_len(MAX_FILE_SIZE + 1).expect("set_len");
    let err = load_path(&path).expect_err("too large");
    assert!(matches!(err, LoadError::TooLarge { .. }));
    assert_message(&err, &path, "limit");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fifty_megabyte_file_finishes() {
    let dir = scratch("fifty-mb");
    let mut text = String::with_capacity(51 * 1024 * 1024);
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(SEED);
    }
    let path = write(&dir, "big.txt", text.as_bytes());
    drop(text);
    let doc = load_path(&path).expect("50 MB file opens");
    assert_eq!(doc.operative.len(), 16);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn twenty_megabyte_single_line_finishes() {
    let dir = scratch("one-line");
    let one = SEED.replace('\n', " ");
    let line = one.repeat(20 * 1024 * 1024 / one.len() + 1);
    let path = write(&dir, "line.txt", line.as_bytes());
    let doc = load_path(&path).expect("one long line opens");
    assert!(!doc.paragraphs().is_empty());
    // The same without any space: one 10 MB word.
    let word = "ب".repeat(5 * 1024 * 1024);
    let doc = load_bytes(word.as_bytes(), Path::new("word.txt")).expect("one long word opens");
    assert_eq!(doc.body.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A 20 MB line that opens like a preamble and is dense with markers, emphasis, labels
/// and references: one paragraph with very many runs and references.
#[test]
fn twenty_megabyte_line_dense_with_markup_finishes() {
    let unit = "إذ تشير (أ) 288/60 ⁽¹⁾ **غامق** *مائل* (4) A/75/L.20 ";
    let line = unit.repeat(20 * 1024 * 1024 / unit.len());
    let doc = load_bytes(line.as_bytes(), Path::new("dense.txt")).expect("opens");
    assert!(!doc.paragraphs().is_empty());
    // Every unit's symbol is found (`288/60` has no cue: not a reference).
    assert_eq!(doc.references.len(), line.len() / unit.len());
    assert!(doc.references.iter().all(|r| r.target == "A/75/L.20"));
}

#[test]
fn many_short_lines_and_brackets_finish() {
    let text = "(أ)\n(1)\n¹\n1 -\n**\n*\n⁽\n⁾\n(\n".repeat(200_000);
    let _ = load_bytes(text.as_bytes(), Path::new("lines.txt"));
}

#[test]
fn truncated_and_mangled_seeds_never_panic() {
    let bytes = SEED.as_bytes();
    // Cut the seed at many byte offsets (including inside multi-byte characters).
    for cut in (0..bytes.len()).step_by(97) {
        let _ = load_bytes(&bytes[..cut], Path::new("cut.txt"));
        let _ = load_bytes(&bytes[cut..], Path::new("tail.txt"));
    }
    // Remove every blank line, then every line break.
    let _ = qarar_document::plain::parse(&SEED.replace("\n\n", "\n"));
    let _ = qarar_document::plain::parse(&SEED.replace('\n', " "));
    let _ = qarar_document::plain::parse(&SEED.replace('\n', "\r"));
}

mod properties {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The parser never panics on text made of the characters it looks at.
        #[test]
        fn parse_never_panics(s in "[\\n ()'‘’*⁽⁾¹²³⁴0-9١٢أبجدهـa-z.:؛،,\\-إذنهوتشيرA/RES]{0,200}") {
            let _ = qarar_document::plain::parse(&s);
        }

        /// Nor on any string at all.
        #[test]
        fn parse_never_panics_on_any_string(s in any::<String>()) {
            let _ = qarar_document::plain::parse(&s);
        }

        /// Nor does decoding on any bytes.
        #[test]
        fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = qarar_document::load::decode(&bytes);
        }
    }
}

#[test]
fn a_stray_nul_byte_is_dropped_and_reported_not_a_refusal() {
    let mut bytes = SEED.as_bytes().to_vec();
    let at = SEED.find("الإنتربول").expect("a word of the seed");
    bytes.insert(at, 0);
    let doc = load_bytes(&bytes, Path::new("nul.txt")).expect("the text still opens");
    let clean = load_bytes(SEED.as_bytes(), Path::new("seed.txt")).expect("seed");
    assert_eq!(doc.operative.len(), clean.operative.len());
    assert_eq!(doc.preamble.len(), clean.preamble.len());
    assert!(
        doc.paragraphs()
            .iter()
            .all(|(_, p)| !p.text().contains('\0')),
        "the NUL is gone"
    );
    assert!(
        doc.diagnostics.iter().any(|d| d.message.contains("NUL")),
        "and the user is told"
    );
}

#[test]
fn a_huge_operative_number_does_not_wrap_the_next_expected_one() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">
<mainBody>
<paragraph eId="para_1"><num>4294967295.</num><content><p>Decides first.</p></content></paragraph>
<paragraph eId="para_2"><num>1.</num><content><p>Decides second.</p></content></paragraph>
</mainBody></statement></akomaNtoso>"#;
    let doc = load_bytes(xml.as_bytes(), Path::new("huge.xml")).expect("opens");
    let messages: Vec<&str> = doc.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("where 4294967296 was expected")),
        "{messages:?}"
    );
    assert!(
        !messages.iter().any(|m| m.contains("where 0 was expected")),
        "{messages:?}"
    );
}

#[test]
fn a_missing_file_is_said_to_not_exist_in_plain_words() {
    let dir = scratch("missing-words");
    let path = dir.join("no-such-file.txt");
    let err = load_path(&path).expect_err("missing file").to_string();
    assert!(err.contains("does not exist"), "{err}");
    assert!(!err.contains("os error"), "{err}");
}

/// An old binary Word file gets a message that says what to do, naming the file.
#[test]
fn word_97_doc_is_refused_with_advice() {
    let dir = scratch("doc97");
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend(std::iter::repeat_n(0u8, 2048));
    let path = write(&dir, "draft.doc", &bytes);
    let err = load_path(&path).expect_err(".doc is not read");
    assert!(matches!(err, LoadError::Format { .. }), "{err}");
    assert_message(&err, &path, "save it as .docx or PDF");
}
