//! PDF export of the annotated seed: fonts embedded, Arabic extractable in logical order, one
//! real `/Highlight` per annotated passage.

use qarar_annotations::{Annotation, Color};
use qarar_export::pdf::{Paper, PdfOptions, export};
use qarar_export::placed::place;
use qarar_util::fold::fold_str;
use std::path::Path;
use std::process::Command;

fn seed() -> qarar_document::Document {
    qarar_document::load_path(Path::new(concat!(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
        "/assets/A-RES-75-10.ar.txt"
    )))
    .expect("seed loads")
}

fn annotations(doc: &qarar_document::Document) -> Vec<Annotation> {
    let mut a = Annotation::new_on_passage(doc, "para_13", 0..20, Color::Green).expect("passage");
    a.set_note("<script>alert('x')</script> ملاحظة");
    let first = doc.operative[0].id.clone();
    let len = doc.operative[0].text().chars().count();
    let mut b = Annotation::new_on_passage(doc, &first, 5..len.min(160), Color::Yellow)
        .expect("second passage");
    b.set_note("يمتد على أكثر من سطر");
    b.set_tags(["متابعة"]);
    let mut c = Annotation::new_on_paragraph(doc, "para_13", Color::Blue).expect("paragraph");
    c.set_note("ملاحظة على الفقرة كلها");
    vec![a, b, c]
}

fn tool(name: &str) -> bool {
    Command::new(name).arg("-v").output().is_ok()
}

/// poppler reorders the two letters of a lam-alef ligature glyph in right-to-left text (one
/// glyph, two code points in ToUnicode), so order is checked on words without one.
fn has_lam_alef(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    c.windows(2)
        .any(|p| p[0] == 'ل' && matches!(p[1], 'ا' | 'أ' | 'إ' | 'آ'))
}

fn squash(s: &str) -> String {
    fold_str(s).chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn seed_exports_to_pdf_with_highlights() {
    let doc = seed();
    let anns = annotations(&doc);
    let placed = place(&doc, &anns);
    let started = std::time::Instant::now();
    let pdf = export(&doc, &placed, &PdfOptions { paper: Paper::A4 }).expect("export");
    eprintln!("PDF export: {} bytes in {:?}", pdf.len(), started.elapsed());
    assert!(pdf.starts_with(b"%PDF-"));
    if let Ok(out) = std::env::var("QARAR_PDF_OUT") {
        // For looking at the result: `QARAR_PDF_OUT=/tmp/seed.pdf cargo test …`.
        std::fs::write(out, &pdf).expect("write QARAR_PDF_OUT");
    }
    let text = String::from_utf8_lossy(&pdf);
    let passages = anns.iter().filter(|a| !a.whole_paragraph).count();
    // lopdf writes names without a space between them (`/Subtype/Highlight`).
    let text = text.replace("/Subtype /", "/Subtype/");
    let highlights = text.matches("/Subtype/Highlight").count();
    assert!(highlights >= passages, "{highlights} highlights");
    assert!(text.contains("/Subtype/Text"), "margin note");
    assert!(text.contains("/Subtype/Popup"));

    let dir = std::env::temp_dir().join(format!("qarar-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("seed.pdf");
    std::fs::write(&path, &pdf).expect("write");

    if tool("pdfinfo") {
        let out = Command::new("pdfinfo")
            .arg(&path)
            .output()
            .expect("pdfinfo");
        let info = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "pdfinfo: {info}");
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("page count");
        assert!(pages >= 2, "{pages} pages");
        assert!(info.contains("595 x 842"), "{info}");
    } else {
        eprintln!("pdfinfo not found: page count not checked by poppler");
        assert!(text.matches("/Type/Page/").count() >= 2);
    }

    if tool("pdffonts") {
        let out = Command::new("pdffonts")
            .arg(&path)
            .output()
            .expect("pdffonts");
        let list = String::from_utf8_lossy(&out.stdout);
        let rows: Vec<&str> = list.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{list}");
        for row in rows {
            // name type encoding emb sub uni object-id
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert!(n >= 7, "{row}");
            assert_eq!(cols[n - 5], "yes", "not embedded: {row}");
            assert_eq!(cols[n - 3], "yes", "no ToUnicode: {row}");
        }
    } else {
        eprintln!("pdffonts not found: embedding not checked");
    }

    if tool("pdftotext") {
        let out = Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext");
        let extracted = squash(&String::from_utf8_lossy(&out.stdout));
        let first: String = doc.operative[0]
            .text()
            .split_whitespace()
            .take_while(|w| !has_lam_alef(w))
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            extracted.contains(&squash(&first)),
            "first operative words not found in logical order: {first}"
        );
        assert!(first.split_whitespace().count() >= 3, "{first}");
        assert!(extracted.contains(&squash("المنظمة الدولية للشرطة الجنائية")));
        assert!(extracted.contains(&squash("الحواشي")) || doc.footnotes.is_empty());
        // Copying a symbol from the PDF gives the symbol: the reader's invisible helpers
        // (word joiners, direction marks, isolates) are not in the text.
        let raw = String::from_utf8_lossy(&out.stdout);
        assert!(raw.contains("A/75/L.20"), "symbols are copied whole");
        for helper in ['\u{2060}', '\u{200E}', '\u{200F}', '\u{2068}', '\u{2069}'] {
            assert!(
                !raw.contains(helper),
                "U+{:04X} in the PDF text",
                helper as u32
            );
        }
    } else {
        eprintln!("pdftotext not found: text extraction not checked");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn letter_paper_and_no_annotations() {
    let doc = seed();
    let pdf = export(
        &doc,
        &[],
        &PdfOptions {
            paper: Paper::Letter,
        },
    )
    .expect("export");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&pdf);
    assert!(!text.contains("/Highlight"));
    assert!(text.contains("612"), "Letter width");
}

/// Text in the document that looks like a PDF object (here in the first words of operative
/// paragraphs, which become bookmark titles) never becomes an object of the exported file:
/// the annotations are added through the PDF's object model, not by searching its bytes.
#[test]
fn document_text_that_looks_like_a_pdf_object_stays_text() {
    use lopdf::Object;
    let mut doc = seed();
    let template = doc.operative[0].clone();
    let payload = "<</Type/Page/Annots[]/AA<</O<</S/JavaScript/JS(app.alert(1))>>>>>>";
    doc.operative.clear();
    for k in 1..=150u32 {
        let mut p = template.clone();
        p.id = format!("para_{k}");
        p.number = Some(k);
        p.children.clear();
        // Six ASCII words: the bookmark title is written as a plain (not UTF-16) string.
        p.runs.insert(
            0,
            // Object numbers around those of the pages and the catalog (after the outline's).
            qarar_document::model::Run::plain(format!("{} 0 obj {payload} endobj x ", 250 + k)),
        );
        doc.operative.push(p);
    }
    let mut list = Vec::new();
    for k in [1u32, 40, 80, 120, 150] {
        let mut a = Annotation::new_on_passage(&doc, &format!("para_{k}"), 60..90, Color::Green)
            .expect("passage");
        a.set_note(format!("note {k} ) >> endobj 99 0 obj << /JS (x) >>"));
        list.push(a);
    }
    let placed = place(&doc, &list);
    let pdf = export(&doc, &placed, &PdfOptions { paper: Paper::A4 }).expect("export");
    if let Ok(out) = std::env::var("QARAR_PDF_OUT") {
        std::fs::write(out, &pdf).expect("write QARAR_PDF_OUT");
    }
    let parsed = lopdf::Document::load_mem(&pdf).expect("a valid PDF");
    let mut highlights = 0;
    for (page_number, page_id) in parsed.get_pages() {
        let page = parsed.get_dictionary(page_id).expect("page dictionary");
        assert!(
            !page.has(b"AA"),
            "page {page_number}: document text became the page dictionary"
        );
        let Ok(Object::Array(annots)) = page.get(b"Annots") else {
            continue;
        };
        for r in annots {
            let Ok(id) = r.as_reference() else { continue };
            let annot = parsed.get_dictionary(id).expect("annotation");
            if annot.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Highlight") {
                highlights += 1;
            }
        }
    }
    assert_eq!(highlights, list.len(), "every passage highlighted");
    for (id, object) in &parsed.objects {
        if let Ok(dict) = object.as_dict() {
            assert!(
                !dict.has(b"JS") && !dict.has(b"AA"),
                "object {id:?} came from the document's text: {dict:?}"
            );
        }
    }
}

/// The words of `s` for comparing texts: folded (no diacritics, one alef), split at anything
/// that is not a letter or a digit, and between digits and letters: poppler puts the space
/// after a number inside Arabic text on its other side (the number runs into the next word),
/// in Chromium's PDF of the same text as in ours; the words are there, in order.
fn words_of(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in fold_str(s).chars() {
        let continues = word
            .chars()
            .last()
            .is_some_and(|p| p.is_numeric() == c.is_numeric());
        if (!c.is_alphanumeric() || !continues) && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The document's own text in reading order: every paragraph, then the footnotes.
fn source_text(doc: &qarar_document::Document) -> String {
    let mut out = String::new();
    for (_, p) in doc.paragraphs() {
        out.push_str(&p.text());
        out.push('\n');
    }
    for f in &doc.footnotes {
        out.push_str(&f.text());
        out.push('\n');
    }
    out
}

/// Share of the source's words found in the extracted text (as a multiset) and share of the
/// source's consecutive word pairs found consecutive in it.
fn recall(source: &str, extracted: &str) -> (f64, f64) {
    use std::collections::HashMap;
    let (s, e) = (words_of(source), words_of(extracted));
    let mut have: HashMap<&str, usize> = HashMap::new();
    for w in &e {
        *have.entry(w).or_default() += 1;
    }
    let found = s
        .iter()
        .filter(|w| {
            have.get_mut(w.as_str())
                .filter(|n| **n > 0)
                .map(|n| *n -= 1)
                .is_some()
        })
        .count();
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
    for p in e.windows(2) {
        *pairs.entry((&p[0], &p[1])).or_default() += 1;
    }
    let in_order = s
        .windows(2)
        .filter(|p| {
            pairs
                .get_mut(&(p[0].as_str(), p[1].as_str()))
                .filter(|n| **n > 0)
                .map(|n| *n -= 1)
                .is_some()
        })
        .count();
    (
        found as f64 / s.len().max(1) as f64,
        in_order as f64 / s.len().saturating_sub(1).max(1) as f64,
    )
}

/// `pdftotext` of the exported PDF gives the document's words back in reading order (at least
/// 97% of the words and 90% of the word pairs, as well as Chromium's PDF of the same text).
fn text_comes_back(name: &str, doc: &qarar_document::Document) {
    if !tool("pdftotext") {
        eprintln!("pdftotext not found: text extraction of {name} not measured");
        return;
    }
    let pdf = export(doc, &[], &PdfOptions { paper: Paper::A4 }).expect("export");
    let dir = std::env::temp_dir().join(format!("qarar-pdftext-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("doc.pdf");
    std::fs::write(&path, &pdf).expect("write");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    let extracted = String::from_utf8_lossy(&out.stdout).into_owned();
    if let Ok(dump) = std::env::var("QARAR_PDFTEXT_OUT") {
        std::fs::write(format!("{dump}.{name}.pdftotext.txt"), &extracted).expect("write");
        std::fs::write(format!("{dump}.{name}.source.txt"), source_text(doc)).expect("write");
        std::fs::write(format!("{dump}.{name}.pdf"), &pdf).expect("write");
    }
    let _ = std::fs::remove_dir_all(&dir);
    let (words, pairs) = recall(&source_text(doc), &extracted);
    eprintln!(
        "{name}: pdftotext gives {:.1}% of the words, {:.1}% of the word pairs in order",
        words * 100.0,
        pairs * 100.0
    );
    assert!(words >= 0.97, "{name}: {:.1}% of the words", words * 100.0);
    assert!(
        pairs >= 0.90,
        "{name}: {:.1}% of the word pairs",
        pairs * 100.0
    );
}

#[test]
fn pdftotext_gives_the_seed_back_in_reading_order() {
    text_comes_back("seed", &seed());
}

#[test]
fn pdftotext_gives_an_english_resolution_back_in_reading_order() {
    let path = Path::new(concat!(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
        "/../shared/corpus/akn/75_10_E.xml"
    ));
    if !path.is_file() {
        eprintln!("skipping: corpus absent");
        return;
    }
    let doc = qarar_document::load_path(path).expect("loads");
    text_comes_back("75_10_E", &doc);
}
