//! The harder official files (`../shared/corpus/akn-more/`): omnibus resolutions made of
//! sections (each its own preamble and operative part) in six languages, damaged XML read
//! past with a note, and operative numbers as the file writes them.

use qarar_document::model::Document;
use std::collections::HashMap;

/// `akn-more/NAME` loaded as the reader loads it, when the corpus is there.
fn more(name: &str) -> Option<(Document, String)> {
    let path = qarar_testkit::akn_file(&format!("../akn-more/{name}"))?;
    let text = std::fs::read_to_string(&path).expect("read");
    let doc = qarar_document::load_path(&path).unwrap_or_else(|e| panic!("{name} opens: {e}"));
    Some((doc, text))
}

/// The words of a text (letters and digits; each Chinese character a word), counted.
fn words(text: &str, into: &mut HashMap<String, usize>) {
    let cjk = |c: char| ('\u{3400}'..='\u{9fff}').contains(&c);
    let mut spaced = String::with_capacity(text.len());
    for c in text.chars() {
        if cjk(c) {
            spaced.push(' ');
            spaced.push(c);
            spaced.push(' ');
        } else {
            spaced.push(c);
        }
    }
    for w in spaced
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *into.entry(w.to_string()).or_default() += 1;
    }
}

/// The words of the XML outside `<meta>` (tags left out, `&amp;` and the like as one word).
fn xml_words(xml: &str) -> HashMap<String, usize> {
    let mut body = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<meta") {
        body.push_str(&rest[..i]);
        rest = rest[i..]
            .find("</meta>")
            .map_or("", |j| &rest[i + j + "</meta>".len()..]);
    }
    body.push_str(rest);
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    let mut out = HashMap::new();
    words(&text, &mut out);
    out
}

/// The words the reader keeps: cover, title, paragraphs, parts' labels and titles,
/// footnotes, annexes' headings, the closing block.
fn doc_words(doc: &Document) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    let m = &doc.meta;
    for t in m.cover.iter().chain(&doc.title_line).chain(&m.title) {
        words(t, &mut out);
    }
    for (_, p) in doc.paragraphs() {
        words(&p.text(), &mut out);
        if let Some(l) = &p.label {
            words(l, &mut out);
        }
        if let Some(n) = p.number {
            words(&n.to_string(), &mut out);
        }
    }
    for part in &doc.parts {
        words(&part.label, &mut out);
        words(part.title.as_deref().unwrap_or_default(), &mut out);
    }
    for a in &doc.annexes {
        for t in a.heading.iter().chain(&a.title) {
            words(t, &mut out);
        }
    }
    for f in &doc.footnotes {
        words(&f.text(), &mut out);
        words(&f.marker, &mut out);
    }
    if let Some(c) = &doc.closing {
        for t in c.meeting.iter().chain(&c.date_text) {
            words(t, &mut out);
        }
    }
    out
}

/// Share of the XML's words the document keeps.
fn kept(doc: &Document, xml: &str) -> f64 {
    let want = xml_words(xml);
    let have = doc_words(doc);
    let total: usize = want.values().sum();
    let found: usize = want
        .iter()
        .map(|(w, n)| (*n).min(have.get(w).copied().unwrap_or(0)))
        .sum();
    found as f64 / total.max(1) as f64
}

/// The ids of every section's preambular and operative paragraphs and unnumbered text.
fn ids(doc: &Document) -> Vec<String> {
    doc.parts
        .iter()
        .flat_map(|p| p.tops())
        .map(|p| p.id.clone())
        .collect()
}

/// Preambular and operative counts of each section.
fn counts(doc: &Document) -> Vec<(String, usize, usize)> {
    doc.parts
        .iter()
        .map(|p| (p.letter.clone(), p.preamble.len(), p.operative.len()))
        .collect()
}

#[test]
fn omnibus_80_243_reads_its_sections_in_six_languages() {
    let mut first: Option<Vec<String>> = None;
    for lang in ["A", "C", "E", "F", "R", "S"] {
        let Some((doc, xml)) = more(&format!("80_243_{lang}.xml")) else {
            return;
        };
        let share = kept(&doc, &xml);
        assert!(
            share >= 0.995,
            "80/243 {lang}: {:.2}% of words kept",
            share * 100.0
        );
        let c = counts(&doc);
        assert_eq!(c.len(), 24, "80/243 {lang}: sections {c:?}");
        // Section I: three preambular and three operative paragraphs; IV: two and fifteen.
        assert_eq!(c[0], ("I".to_string(), 3, 3), "{lang}");
        assert_eq!(c[3], ("IV".to_string(), 2, 15), "{lang}");
        assert!(
            doc.parts[0].title.is_some(),
            "{lang}: section I has its title"
        );
        assert!(doc.paragraph("IV.para_3").is_some(), "{lang}");
        assert!(doc.paragraph("I.preamble_2").is_some(), "{lang}");
        let these = ids(&doc);
        match &first {
            None => first = Some(these),
            Some(f) => assert_eq!(f, &these, "80/243 {lang}: ids differ from Arabic"),
        }
    }
}

#[test]
fn omnibus_79_258_reads_headed_sections() {
    let mut first: Option<Vec<String>> = None;
    for lang in ["A", "E"] {
        let Some((doc, xml)) = more(&format!("79_258_{lang}.xml")) else {
            return;
        };
        let share = kept(&doc, &xml);
        assert!(share >= 0.995, "79/258 {lang}: {:.2}% kept", share * 100.0);
        let c = counts(&doc);
        assert_eq!(c.len(), 25, "79/258 {lang}: {c:?}");
        assert_eq!(c[0].0, "I");
        assert_eq!((c[0].1, c[0].2), (2, c[0].2), "{lang}: {c:?}");
        assert!(c[0].2 >= 2, "{lang}: {c:?}");
        // Section XIX: no preamble and one unnumbered operative paragraph.
        assert_eq!((c[18].1, c[18].2), (0, 1), "{lang}: {c:?}");
        assert!(
            doc.operative.is_empty() && doc.preamble.is_empty(),
            "{lang}"
        );
        for p in &doc.parts {
            assert!(
                p.title.is_some(),
                "{lang}: section {} has a title",
                p.letter
            );
            for op in &p.operative {
                for ch in &op.children {
                    assert_ne!(ch.label.as_deref(), Some("?"), "{lang}: {}", ch.id);
                }
            }
        }
        let these = ids(&doc);
        match &first {
            None => first = Some(these),
            Some(f) => assert_eq!(f, &these, "79/258 {lang}: ids differ"),
        }
    }
}

#[test]
fn damaged_files_open_with_a_note_naming_the_byte() {
    for (name, byte) in [
        ("75_251_B_S.damaged.xml", 8211usize),
        ("77_104_S.damaged.xml", 58074),
    ] {
        let Some((doc, xml)) = more(name) else { return };
        assert!(doc.is_resolution(), "{name}");
        let note = doc
            .diagnostics
            .iter()
            .find(|d| d.message.contains("damaged XML"))
            .unwrap_or_else(|| panic!("{name}: no note"));
        let at = note.source.clone().map_or(0, |s| s.start);
        assert!(
            at.abs_diff(byte) < 400,
            "{name}: note at {at}: {}",
            note.message
        );
        let share = kept(&doc, &xml);
        if share < 0.98 {
            let want = xml_words(&xml);
            let have = doc_words(&doc);
            let lost: Vec<_> = want
                .iter()
                .filter(|(w, n)| have.get(*w).copied().unwrap_or(0) < **n)
                .take(40)
                .collect();
            panic!("{name}: {:.2}% kept; lost {lost:?}", share * 100.0);
        }
    }
}

#[test]
fn operative_numbers_are_the_files_own() {
    // 79/252 A and 80/236 A number 1 to 18 (1 to 15), then sections whose numbering starts
    // again at 1: those are sections of the part, not more paragraphs of it.
    for (name, count) in [("79_252_E.xml", 18u32), ("80_236AB_E.xml", 15)] {
        let Some((doc, xml)) = more(name) else { return };
        let a = &doc.parts[0];
        let numbers: Vec<u32> = a.operative.iter().filter_map(|p| p.number).collect();
        assert_eq!(numbers, (1..=count).collect::<Vec<_>>(), "{name}");
        let all = doc.paragraphs();
        let mut seen = std::collections::HashSet::new();
        for (_, p) in &all {
            assert!(seen.insert(p.id.clone()), "{name}: {} twice", p.id);
        }
        // Known gap: each part's own closing block ("55th plenary meeting") is read once
        // for the document, and 79/252's last lettered section loses some words.
        let share = kept(&doc, &xml);
        if share < 0.975 {
            let want = xml_words(&xml);
            let have = doc_words(&doc);
            let lost: Vec<_> = want
                .iter()
                .filter(|(w, n)| have.get(*w).copied().unwrap_or(0) < **n)
                .take(40)
                .collect();
            panic!("{name}: {:.2}% kept; lost {lost:?}", share * 100.0);
        }
    }
}
