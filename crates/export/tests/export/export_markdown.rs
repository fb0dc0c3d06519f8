//! Markdown export of the annotated seed: structure, footnotes, passages, notes, escaping.

use qarar_annotations::{Annotation, Color};
use qarar_document::Document;
use qarar_export::markdown;
use qarar_export::placed::{Placed, place};
use std::path::Path;

const SCRIPT_NOTE: &str = "انتبه <script>alert(1)</script> *هنا* [x](y)";
const ARABIC_NOTE: &str = "راجع الوثيقة A/75/L.20 قبل الجلسة";
const ORPHAN_NOTE: &str = "ملاحظة يتيمة";
const ORPHAN_QUOTE: &str = "نص لا وجود له في هذا القرار مطلقا، ولا يشبه أي فقرة فيه XYZ";

fn seed() -> Document {
    qarar_document::load_path(Path::new(concat!(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
        "/assets/A-RES-75-10.ar.txt"
    )))
    .expect("seed parses")
}

fn exported() -> (Document, Vec<Placed>, String) {
    let doc = seed();
    let mut anns = Vec::new();
    let mut a = Annotation::new_on_passage(&doc, "para_13", 0..20, Color::Green).expect("para_13");
    a.set_note(SCRIPT_NOTE);
    a.set_tags(["أمن", "interpol cooperation"]);
    anns.push(a);
    let mut b =
        Annotation::new_on_passage(&doc, "preamble_1", 5..60, Color::Yellow).expect("preamble_1");
    b.set_note(ARABIC_NOTE);
    anns.push(b);
    let mut e = Annotation::new_on_passage(&doc, "para_3", 0..15, Color::Orange).expect("para_3");
    e.quote.exact = ORPHAN_QUOTE.to_string();
    e.quote.prefix = "لا شيء".to_string();
    e.quote.suffix = "ولا شيء".to_string();
    e.target = "para_999".to_string();
    e.position = None;
    e.set_note(ORPHAN_NOTE);
    anns.push(e);
    let placed = place(&doc, &anns);
    let md = markdown::export(&doc, &placed);
    // For looking at the result: QARAR_EXPORT_DIR=/tmp/x cargo test --test export_markdown
    if let Some(dir) = std::env::var_os("QARAR_EXPORT_DIR") {
        let _ = std::fs::write(Path::new(&dir).join("seed-annotated.md"), &md);
    }
    (doc, placed, md)
}

#[test]
fn structure_and_footnotes() {
    let (doc, _, md) = exported();
    assert!(md.starts_with("# 10/75 - "), "{}", &md[..200.min(md.len())]);
    // Section names and labels in the document's language.
    assert!(md.contains("**الرمز:** A/RES/75/10"));
    assert!(md.contains("## الديباجة"));
    assert!(md.contains("## المنطوق"));
    for english in [
        "Symbol",
        "Preamble",
        "Operative",
        "Note",
        "Tags",
        "Highlight",
        "green",
    ] {
        assert!(
            !md.contains(english),
            "{english} in an Arabic document's Markdown"
        );
    }
    assert!(md.contains("\n13 - "));
    assert_eq!(doc.footnotes.len(), 7);
    for n in 1..=7 {
        assert!(md.contains(&format!("[^{n}]")), "marker {n}");
        assert_eq!(
            md.matches(&format!("\n[^{n}]: ")).count(),
            1,
            "definition {n}"
        );
    }
    assert!(md.contains("](https://undocs.org/ar/A/RES/"));
    // Spaces around bold leads and links are kept.
    assert!(md.contains("](https://undocs.org/ar/A/RES/51/1) "));
    assert!(!md.contains("**إلى"), "a lead lost its space");
    // Arabic in logical order, no bidi controls added.
    let p1 = doc.paragraph("preamble_1").expect("preamble_1").text();
    let words: String = p1.chars().take(8).collect();
    assert!(md.contains(&words));
    assert!(!md.contains('\u{200F}') && !md.contains('\u{2068}'));
}

#[test]
fn passages_notes_and_tags() {
    let (doc, placed, md) = exported();
    for p in placed.iter().filter(|p| !p.is_orphan()) {
        let id = p.paragraph.as_deref().expect("placed");
        let text = doc.paragraph(id).expect("paragraph").text();
        let passage = &text[p.byte_range(&text).expect("range")];
        assert!(md.contains(&format!("> {passage}\n")), "{passage}");
    }
    assert!(md.contains("**ملاحظة (أخضر):** "));
    assert!(md.contains("**ملاحظة (أصفر):** راجع الوثيقة A/75/L.20 قبل الجلسة"));
    assert!(md.contains("الوسوم: #أمن #interpol_cooperation"));
    // Escaped: the note shows as text, never as HTML, emphasis or a link.
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(md.contains("\\*هنا\\*"));
    assert!(md.contains("\\[x\\](y)"));
    assert!(!md.contains("<script>"));
    // The passage comes right after its paragraph, before the next one.
    let p13 = md.find("\n13 - ").expect("para 13");
    let note = md.find("**ملاحظة (أخضر):**").expect("note");
    let p14 = md.find("\n14 - ").unwrap_or(md.len());
    assert!(p13 < note && note < p14);
}

#[test]
fn orphans_listed_with_quote_and_note() {
    let (_, placed, md) = exported();
    assert_eq!(placed.iter().filter(|p| p.is_orphan()).count(), 1);
    let at = md.find("## تعليقات لم يُعثر على موضعها").expect("orphans");
    assert!(md[at..].contains("> نص لا وجود له في هذا القرار مطلقا، ولا يشبه أي فقرة فيه XYZ"));
    assert!(md[at..].contains(&format!("**ملاحظة (برتقالي):** {ORPHAN_NOTE}")));
}

#[test]
fn escape_neutralises_markdown() {
    assert_eq!(markdown::escape("# heading"), "\\# heading");
    assert_eq!(markdown::escape("- item"), "\\- item");
    assert_eq!(markdown::escape("12. item"), "12\\. item");
    assert_eq!(markdown::escape("a_b*c`d"), "a\\_b\\*c\\`d");
    assert_eq!(markdown::escape("<b>&amp;"), "\\<b\\>\\&amp;");
    assert_eq!(markdown::escape("> quote\n    code"), "\\> quote\ncode");
    assert_eq!(markdown::escape("الفقرة 13 (ب)"), "الفقرة 13 (ب)");
}
