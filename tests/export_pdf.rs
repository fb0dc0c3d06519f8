//! PDF export of the annotated seed: fonts embedded, Arabic extractable in logical order, one
//! real `/Highlight` per annotated passage.

use qarar::annotations::{Annotation, Color};
use qarar::export::pdf::{Paper, PdfOptions, export};
use qarar::export::placed::place;
use qarar::util::fold::fold_str;
use std::path::Path;
use std::process::Command;

fn seed() -> qarar::document::Document {
    qarar::document::load_path(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/A-RES-75-10.ar.txt"
    )))
    .expect("seed loads")
}

fn annotations(doc: &qarar::document::Document) -> Vec<Annotation> {
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
            qarar::document::model::Run::plain(format!("{} 0 obj {payload} endobj x ", 250 + k)),
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
