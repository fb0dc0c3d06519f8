//! Nothing of a resolution is dropped: annexes, multi-part resolutions, tables and lists are
//! read, kept in the model with stable ids, and carried by the structure JSON.

use qarar_document::model::{Document, ParagraphKind};
use qarar_document::{akn, plain};
use qarar_util::fold::fold_str;
use quick_xml::events::Event;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/akn")
}

fn corpus_files() -> Vec<PathBuf> {
    let Ok(dir) = std::fs::read_dir(corpus_dir()) else {
        eprintln!("skipping: no corpus");
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = dir
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();
    files
}

fn parse(name: &str) -> Option<Document> {
    let path = corpus_dir().join(name);
    let text = std::fs::read_to_string(&path).ok()?;
    Some(akn::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}")))
}

/// The text of the resolution itself: everything outside `<meta>`, `<coverPage>`,
/// `<preface>` and `<conclusions>`.
fn resolution_text(xml: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut skip = 0usize;
    let mut out = String::new();
    let skipped = |name: &[u8]| {
        let local = name.rsplit(|b| *b == b':').next().unwrap_or(name);
        matches!(local, b"meta" | b"coverPage" | b"preface" | b"conclusions")
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if skip > 0 || skipped(e.name().as_ref()) => skip += 1,
            Ok(Event::End(_)) => skip = skip.saturating_sub(1),
            Ok(Event::Empty(_)) => out.push(' '),
            Ok(Event::Text(t)) if skip == 0 => {
                let raw = String::from_utf8_lossy(t.as_ref()).into_owned();
                out.push_str(&raw.replace("&amp;", "&"));
                out.push(' ');
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Words of 3+ letters after NFKC and Arabic folding (numbers left out), Chinese as pairs
/// of adjacent characters, counted with multiplicity.
fn words(text: &str) -> HashMap<String, usize> {
    let folded = fold_str(&text.nfkc().collect::<String>());
    let mut out: HashMap<String, usize> = HashMap::new();
    let mut add = |w: String| *out.entry(w).or_default() += 1;
    for token in folded.split(|c: char| !c.is_alphanumeric()) {
        if token.is_empty() || token.chars().all(|c| c.is_numeric()) {
            continue;
        }
        let chars: Vec<char> = token.chars().collect();
        let mut latin = String::new();
        for (i, c) in chars.iter().enumerate() {
            if is_han(*c) {
                if chars.get(i + 1).is_some_and(|d| is_han(*d)) {
                    add(format!("{c}{}", chars[i + 1]));
                }
            } else {
                latin.push(*c);
            }
        }
        if latin.chars().count() >= 3 && !latin.chars().all(|c| c.is_numeric()) {
            add(latin);
        }
    }
    out
}

fn json_strings(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push(' ');
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| json_strings(x, out)),
        _ => {}
    }
}

/// Share of the source's words (with multiplicity) found in `qarar outline --json`.
fn kept(path: &Path) -> (f64, Vec<(String, usize)>) {
    let xml = std::fs::read_to_string(path).expect("read");
    let source = words(&resolution_text(&xml));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qarar"))
        .args(["outline", "--json"])
        .arg(path)
        .output()
        .expect("run qarar");
    assert!(out.status.success(), "{}: outline failed", path.display());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut text = String::new();
    json_strings(&value, &mut text);
    let shown = words(&text);
    let total: usize = source.values().sum();
    let mut missing = Vec::new();
    let mut found = 0;
    for (w, n) in &source {
        let have = shown.get(w).copied().unwrap_or(0);
        found += have.min(*n);
        if have < *n {
            missing.push((w.clone(), n - have));
        }
    }
    missing.sort_by_key(|m| std::cmp::Reverse(m.1));
    (found as f64 / total.max(1) as f64, missing)
}

#[test]
fn every_corpus_file_keeps_its_words_in_the_structure_json() {
    for path in corpus_files() {
        let (share, missing) = kept(&path);
        eprintln!("{}: {:.2}%", path.display(), share * 100.0);
        assert!(
            share >= 0.995,
            "{}: only {:.2}% of the words kept; missing: {:?}",
            path.display(),
            share * 100.0,
            &missing[..missing.len().min(20)]
        );
    }
}

#[test]
fn resolution_76_7_has_its_declaration_as_an_annex_in_six_languages() {
    let mut shapes = Vec::new();
    for lang in ["A", "C", "E", "F", "R", "S"] {
        let Some(doc) = parse(&format!("76_7_{lang}.xml")) else {
            return;
        };
        assert!(doc.is_resolution(), "76_7_{lang}");
        assert_eq!(
            doc.operative.len(),
            1,
            "76_7_{lang}: one operative paragraph"
        );
        assert_eq!(doc.operative[0].id, "para_1");
        assert_eq!(doc.operative[0].number, None);
        assert_eq!(doc.annexes.len(), 1, "76_7_{lang}: the declaration");
        let annex = &doc.annexes[0];
        assert_eq!(annex.id, "annex_1");
        assert!(annex.heading.is_some(), "76_7_{lang}: annex heading");
        let ids: Vec<String> = annex
            .paragraphs
            .iter()
            .flat_map(|p| p.walk())
            .map(|(_, p)| p.id.clone())
            .collect();
        assert!(ids.contains(&"annex_1.para_14".to_string()), "{ids:?}");
        assert!(doc.paragraph("annex_1.para_14").is_some());
        shapes.push(ids);
    }
    for s in &shapes[1..] {
        assert_eq!(s, &shapes[0], "the same ids in every language");
    }
}

#[test]
fn resolution_77_264_has_parts_a_b_c_in_six_languages() {
    let mut counts = Vec::new();
    for lang in ["A", "C", "E", "F", "R", "S"] {
        let Some(doc) = parse(&format!("77_264_{lang}.xml")) else {
            return;
        };
        assert!(doc.is_resolution(), "77_264_{lang}");
        let letters: Vec<&str> = doc.parts.iter().map(|p| p.letter.as_str()).collect();
        assert_eq!(letters, ["A", "B", "C"], "77_264_{lang}");
        for part in &doc.parts {
            assert!(!part.operative.is_empty(), "77_264_{lang} {}", part.letter);
            for p in &part.operative {
                assert!(
                    p.id.starts_with(&format!("{}.para_", part.letter)),
                    "{}",
                    p.id
                );
            }
        }
        counts.push(
            doc.parts
                .iter()
                .map(|p| (p.preamble.len(), p.operative.len()))
                .collect::<Vec<_>>(),
        );
    }
    for c in &counts[1..] {
        assert_eq!(c, &counts[0], "the same parts in every language");
    }
}

#[test]
fn a_table_of_78_253_has_its_rows_and_cells() {
    let Some(doc) = parse("78_253_E.xml") else {
        return;
    };
    let tables: Vec<_> = doc
        .paragraphs()
        .into_iter()
        .filter(|(_, p)| p.kind == ParagraphKind::Table)
        .map(|(_, p)| p)
        .collect();
    assert!(!tables.is_empty(), "78/253 has tables");
    let t = tables[0].table.as_ref().expect("rows");
    assert!(t.rows.len() >= 2, "rows: {}", t.rows.len());
    assert!(t.rows.iter().any(|r| r.cells.len() >= 2), "cells");
}

/// "A. Pension Administration" beside a table of 78/253 is sub-paragraph A of paragraph 6 of
/// section VII, labelled "A", and keeps its id and label through an AKN export and reopening.
#[test]
fn a_capital_letter_item_of_78_253_keeps_its_label_through_akn_export() {
    let Some(doc) = parse("78_253_E.xml") else {
        return;
    };
    let find = |d: &Document| {
        d.paragraphs()
            .into_iter()
            .map(|(_, p)| p)
            .find(|p| p.id == "VII.para_6_a")
            .map(|p| (p.label.clone(), p.text()))
    };
    let (label, text) = find(&doc).expect("VII.para_6_a");
    assert_eq!(label.as_deref(), Some("A"));
    assert!(text.contains("Pension Administration"), "{text}");
    let xml = qarar_export::akn::export(&doc, &[]).expect("export");
    let again = akn::parse(&String::from_utf8_lossy(&xml)).expect("reopens");
    assert_eq!(find(&again), find(&doc));
    let ids = |d: &Document| -> Vec<String> {
        d.paragraphs()
            .into_iter()
            .map(|(_, p)| p.id.clone())
            .collect()
    };
    assert_eq!(ids(&again), ids(&doc), "the same ids after the round trip");
}

/// An annex whose second line ends like a sentence has no title guessed from it.
#[test]
fn an_annex_paragraph_is_not_taken_for_its_title() {
    let xml = r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">
<preamble><p>The General Assembly,</p></preamble>
<mainBody><paragraph eId="para_1"><num>1.</num><content><p>Adopts the text annexed to the present resolution;</p></content></paragraph></mainBody>
<attachments><attachment><doc name="annex"><mainBody>
<paragraph eId="a1"><content><p>Annex</p></content></paragraph>
<paragraph eId="a2"><content><p>The Conference adopted the following recommendations.</p></content></paragraph>
<paragraph eId="a3"><num>1.</num><content><p>First recommendation.</p></content></paragraph>
</mainBody></doc></attachment></attachments></statement></akomaNtoso>"#;
    let doc = akn::parse(xml).expect("parses");
    let annex = &doc.annexes[0];
    assert_eq!(annex.heading.as_deref(), Some("Annex"));
    assert_eq!(annex.title, None);
    assert_eq!(annex.paragraphs[0].id, "annex_1.p_1");
    assert_eq!(annex.paragraphs[1].id, "annex_1.para_1");
}

#[test]
fn simple_resolutions_keep_their_ids() {
    let Some(doc) = parse("75_10_E.xml") else {
        return;
    };
    assert!(doc.parts.is_empty() && doc.annexes.is_empty());
    let seed = plain::parse(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/A-RES-75-10.ar.txt"),
        )
        .expect("seed"),
    );
    let ids = |d: &Document| -> Vec<String> {
        d.paragraphs()
            .into_iter()
            .map(|(_, p)| p.id.clone())
            .collect()
    };
    assert_eq!(ids(&doc), ids(&seed));
}

#[test]
fn a_citation_names_the_annex() {
    let (Some(en), Some(ar)) = (parse("76_7_E.xml"), parse("76_7_A.xml")) else {
        return;
    };
    let c = qarar_library::citation(&en, "annex_1.para_14").expect("a citation");
    assert_eq!(c.text_en, "A/RES/76/7, annex, para. 14");
    let c = qarar_library::citation(&ar, "annex_1.para_14").expect("a citation");
    assert_eq!(c.text_ar, "القرار 76/7، المرفق، الفقرة 14");
}

/// Every bookmark title of a PDF (outline items, top level and below).
fn bookmark_titles(pdf: &[u8]) -> Vec<String> {
    use lopdf::Object;
    let doc = lopdf::Document::load_mem(pdf).expect("a valid PDF");
    let decode = |bytes: &[u8]| -> String {
        if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            bytes.iter().map(|b| char::from(*b)).collect()
        }
    };
    let mut titles = Vec::new();
    let Ok(catalog) = doc.catalog() else {
        return titles;
    };
    let mut stack: Vec<lopdf::ObjectId> = Vec::new();
    if let Ok(outlines) = catalog.get(b"Outlines").and_then(Object::as_reference)
        && let Ok(first) = doc
            .get_dictionary(outlines)
            .and_then(|d| d.get(b"First"))
            .and_then(Object::as_reference)
    {
        stack.push(first);
    }
    let mut seen = 0;
    while let Some(id) = stack.pop() {
        seen += 1;
        if seen > 10_000 {
            break;
        }
        let Ok(item) = doc.get_dictionary(id) else {
            continue;
        };
        if let Ok(Object::String(bytes, _)) = item.get(b"Title") {
            titles.push(decode(bytes));
        }
        for key in [b"Next".as_slice(), b"First".as_slice()] {
            if let Ok(next) = item.get(key).and_then(Object::as_reference) {
                stack.push(next);
            }
        }
    }
    titles
}

#[test]
fn the_pdf_of_76_7_has_the_annex_and_a_bookmark_for_it() {
    let Some(doc) = parse("76_7_E.xml") else {
        return;
    };
    let pdf = qarar_export::render(qarar_export::Format::Pdf, &doc, &[]).expect("PDF");
    let titles = bookmark_titles(&pdf);
    assert!(
        titles.iter().any(|t| t.starts_with("Annex")),
        "bookmarks: {titles:?}"
    );
    let html = qarar_export::render(qarar_export::Format::Html, &doc, &[]).expect("HTML");
    let html = String::from_utf8_lossy(&html);
    assert!(html.contains("id=\"annex_1\"") && html.contains("annex_1.para_14"));
    let docx = qarar_export::render(qarar_export::Format::Docx, &doc, &[]).expect("DOCX");
    assert!(docx.len() > 1000);
}
