//! Held-out-style conversions of the corpus resolutions, made independently of Qarar:
//! Word "save as text" (`../shared/tools/text-variants`, run here with python3 when it is
//! there) and pdftotext of the PDF chromium prints from the tool's page.html (kept in
//! tests/fixtures/plain_pdf, Arabic and English). Each is read as its Akoma Ntoso XML:
//! the same preamble and operative ids, parts, annexes and footnote count.

use qarar_document::plain;
use std::path::Path;

use crate::plain_shape;
use plain_shape::{check_variants, corpus_names, first_difference, shape, shared, xml_shape};

/// pdftotext of chromium's PDF of text-variants' page.html, Arabic and English, including
/// the right-to-left scrambles of extraction (`- - 1تدعو`, `يلي( :أ)`, `،)⁴(2012`, lone
/// hamza lines, the lam-alef ligature written `ال`).
#[test]
fn pdftotext_of_printed_resolutions_reads_as_their_xml() {
    let dir =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/plain_pdf");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 6, "{names:?}");
    for file in names {
        let name = file.split('.').next().unwrap_or_default().to_string();
        let text = std::fs::read_to_string(dir.join(&file)).expect("fixture");
        let doc = plain::parse(&text);
        assert!(
            doc.diagnostics
                .iter()
                .any(|d| d.message.contains("joined") && d.message.contains("wrapped lines")),
            "{file}: a diagnostic names the repair"
        );
        let Some(want) = xml_shape(&name) else {
            eprintln!("skipping {file}: no corpus");
            continue;
        };
        let got = shape(&doc);
        assert!(got == want, "{file}: {}", first_difference(&got, &want));
    }
}

/// The Word shape of every corpus resolution (all six languages) gives its XML's ids. Made
/// with the variant tool when python3 and the tool are there, else skipped.
#[test]
fn word_variants_of_every_corpus_resolution_read_as_their_xml() {
    let tool = shared().join("tools/text-variants");
    let Some(names) = corpus_names() else {
        eprintln!("skipping: no corpus");
        return;
    };
    if !tool.is_file()
        || std::process::Command::new("python3")
            .arg("-V")
            .output()
            .is_err()
    {
        eprintln!("skipping: python3 or {} is absent", tool.display());
        return;
    }
    let akn_dir = shared().join("corpus/akn");
    let out = std::env::temp_dir().join(format!("qarar-plain-variants-{}", std::process::id()));
    check_variants("Word variants", &names, 22, |name| {
        let dir = out.join(name);
        let _ = std::process::Command::new("python3")
            .arg(&tool)
            .arg(akn_dir.join(format!("{name}.xml")))
            .arg(&dir)
            .status();
        std::fs::read_to_string(dir.join("word.txt"))
            .map_err(|_| "the tool made no word.txt".to_string())
    });
    let _ = std::fs::remove_dir_all(&out);
}
