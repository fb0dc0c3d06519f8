//! Word (.docx) files of corpus resolutions read as their Akoma Ntoso XML: made by LibreOffice
//! from a flat ODT with real footnotes, automatic (or, in Arabic, typed) numbering, a running
//! header and footer and right-to-left paragraphs, and by Qarar's own DOCX export
//! (`scripts/make-docx-fixtures`; the small ones kept in tests/fixtures/docx). Each gives the
//! XML's preamble, operative, part and annex ids and footnote count, at least 99.5% of the
//! XML's words in the XML's order, and its footnotes at the paragraphs of their markers.
//! `DOCX_DIR=folder` checks every `NAME.*.docx` in another folder the same way.

use qarar_document::load::load_path;
use qarar_document::model::{Document, Paragraph, SourceFormat, runs_text};
use qarar_util::fold::fold_str;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

use crate::plain_shape::{first_difference, shape, shared};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx")
}

/// The corpus XML of a fixture named `NAME.producer.docx`.
fn xml(name: &str) -> Option<Document> {
    let stem = name.split('.').next()?;
    let path = shared().join("corpus/akn").join(format!("{stem}.xml"));
    let text = std::fs::read_to_string(path).ok()?;
    Some(qarar_document::akn::parse(&text).expect("corpus XML parses"))
}

/// Words as a reader compares them: NFKC, folded, Chinese characters one by one.
fn words(text: &str) -> Vec<String> {
    let folded = fold_str(&text.nfkc().collect::<String>());
    let mut out = Vec::new();
    for token in folded.split(|c: char| !c.is_alphanumeric()) {
        let mut rest = String::new();
        for c in token.chars() {
            if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                out.push(c.to_string());
            } else {
                rest.push(c);
            }
        }
        if !rest.is_empty() {
            out.push(rest);
        }
    }
    out
}

/// Every paragraph (all depths, parts and annexes), annex headings and footnotes, in order.
fn body_text(doc: &Document) -> String {
    fn add(ps: &[Paragraph], out: &mut String) {
        for p in ps {
            out.push_str(&p.text());
            out.push(' ');
            add(&p.children, out);
        }
    }
    let mut out = String::new();
    add(&doc.preamble, &mut out);
    add(&doc.operative, &mut out);
    for part in &doc.parts {
        add(&part.preamble, &mut out);
        add(&part.body, &mut out);
        add(&part.operative, &mut out);
    }
    for annex in &doc.annexes {
        out.push_str(&annex.heading_text());
        out.push(' ');
        add(&annex.paragraphs, &mut out);
    }
    for f in &doc.footnotes {
        out.push_str(&runs_text(&f.runs));
        out.push(' ');
    }
    out
}

/// Share of the XML's words found in the read document in the XML's order: each word is
/// looked for a little ahead of the last one found.
fn in_order(want: &Document, got: &Document) -> f64 {
    let source = words(&body_text(want));
    let shown = words(&body_text(got));
    let mut at = 0;
    let mut found = 0;
    for w in &source {
        if let Some(i) = shown[at.min(shown.len())..]
            .iter()
            .take(40)
            .position(|s| s == w)
        {
            at += i + 1;
            found += 1;
        }
    }
    found as f64 / source.len().max(1) as f64
}

/// The paragraph each footnote stands in.
fn note_places(doc: &Document) -> Vec<Option<String>> {
    doc.footnotes.iter().map(|f| f.paragraph.clone()).collect()
}

/// What differs between a .docx and its XML, or `None` when it reads as the XML.
fn check(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let want = xml(name)?;
    let got = match load_path(path) {
        Ok(doc) => doc,
        Err(e) => return Some(format!("{name}: {e}")),
    };
    if got.format != SourceFormat::Docx {
        return Some(format!("{name}: read as {:?}", got.format));
    }
    let (g, w) = (shape(&got), shape(&want));
    if g != w {
        return Some(format!("{name}: {}", first_difference(&g, &w)));
    }
    let share = in_order(&want, &got);
    if share < 0.995 {
        return Some(format!("{name}: {share:.4} of the words in order"));
    }
    if note_places(&got) != note_places(&want) {
        return Some(format!("{name}: footnotes not at their markers"));
    }
    None
}

fn docx_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "docx"));
    files.sort();
    files
}

#[test]
fn kept_docx_fixtures_read_as_their_xml() {
    let files = docx_files(&fixtures());
    assert!(files.len() >= 10, "{files:?}");
    if xml("75_10_E").is_none() {
        eprintln!("skipping: no corpus");
        return;
    }
    let differing: Vec<String> = files.iter().filter_map(|p| check(p)).collect();
    assert!(differing.is_empty(), "{differing:#?}");
}

/// `DOCX_DIR=/tmp/out cargo test … docx_folder -- --nocapture` after
/// `scripts/make-docx-fixtures /tmp/out`: the whole corpus, every producer.
#[test]
fn docx_folder_reads_as_its_xml() {
    let Ok(dir) = std::env::var("DOCX_DIR") else {
        return;
    };
    let files = docx_files(Path::new(&dir));
    let differing: Vec<String> = files.iter().filter_map(|p| check(p)).collect();
    eprintln!(
        "{}/{} read as their XML; differing:",
        files.len() - differing.len(),
        files.len()
    );
    for d in &differing {
        eprintln!("  {d}");
    }
}
