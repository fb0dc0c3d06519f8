//! Plain text as people get it: Word "save as text" and pdftotext conversions of the corpus
//! resolutions give the same structure as their Akoma Ntoso XML.

use qarar::document::{Document, Paragraph, akn, load_path};
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

fn all_ids(ps: &[Paragraph], out: &mut Vec<String>) {
    for p in ps {
        out.push(p.id.clone());
        all_ids(&p.children, out);
    }
}

/// Preamble ids, operative ids (with sub-paragraphs) and the footnote count.
fn shape(doc: &Document) -> (Vec<String>, Vec<String>, usize) {
    let mut pre = Vec::new();
    all_ids(&doc.preamble, &mut pre);
    let mut op = Vec::new();
    all_ids(&doc.operative, &mut op);
    (pre, op, doc.footnotes.len())
}

#[test]
fn corpus_text_files_match_their_xml() {
    let dir = corpus().join("text");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: no corpus at {}", dir.display());
        return;
    };
    let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    let mut failures = Vec::new();
    for path in names {
        let file = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let Some(stem) = file.split('.').next() else {
            continue;
        };
        let xml_path = corpus().join("akn").join(format!("{stem}.xml"));
        let Ok(xml) = std::fs::read_to_string(&xml_path) else {
            continue;
        };
        let want = shape(&akn::parse(&xml).expect("xml parses"));
        let doc = load_path(&path).expect("text loads");
        let got = shape(&doc);
        let ok = got == want;
        eprintln!(
            "{file}: preamble {}/{} operative ids {}/{} footnotes {}/{} {}",
            got.0.len(),
            want.0.len(),
            got.1.len(),
            want.1.len(),
            got.2,
            want.2,
            if ok { "ok" } else { "MISMATCH" }
        );
        if !ok {
            let diff_pre: Vec<_> = got
                .0
                .iter()
                .zip(&want.0)
                .filter(|(a, b)| a != b)
                .take(3)
                .collect();
            let diff_op: Vec<_> = got
                .1
                .iter()
                .zip(&want.1)
                .filter(|(a, b)| a != b)
                .take(3)
                .collect();
            eprintln!("  first differences: {diff_pre:?} {diff_op:?}");
            failures.push(file);
        }
    }
    assert!(failures.is_empty(), "differ from their XML: {failures:?}");
}
