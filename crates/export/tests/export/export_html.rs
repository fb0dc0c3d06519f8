//! HTML export of the annotated seed: structure, links, escaping, highlights, no network.

use qarar_annotations::{Annotation, Color};
use qarar_document::Document;
use qarar_export::html;
use qarar_export::placed::{Placed, place};
use std::collections::BTreeMap;
use std::path::Path;

const SCRIPT_NOTE: &str = "انتبه <script>alert(1)</script> & \"quotes\" 'here'";
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

/// Annotations a user would make: a highlight with a hostile note, an Arabic note naming a
/// symbol, a passage across a footnote marker, a whole paragraph, and an orphan.
fn annotations(doc: &Document) -> Vec<Annotation> {
    let mut out = Vec::new();
    let mut a = Annotation::new_on_passage(doc, "para_13", 0..20, Color::Green).expect("para_13");
    a.set_note(SCRIPT_NOTE);
    a.set_tags(["أمن", "interpol <b>"]);
    out.push(a);

    let mut b =
        Annotation::new_on_passage(doc, "preamble_1", 5..60, Color::Yellow).expect("preamble_1");
    b.set_note(ARABIC_NOTE);
    out.push(b);

    // Across the footnote marker of preamble_2 (the marker is not in the text).
    let p2 = doc.paragraph("preamble_2").expect("preamble_2").text();
    let at = p2
        .find("الإنترپول")
        .map(|i| p2[..i].chars().count())
        .unwrap_or(10);
    let len = p2.chars().count();
    let c = Annotation::new_on_passage(doc, "preamble_2", at..(at + 30).min(len), Color::Blue)
        .expect("preamble_2");
    out.push(c);

    let d = Annotation::new_on_paragraph(doc, "para_2", Color::Pink).expect("para_2");
    out.push(d);

    let mut e = Annotation::new_on_passage(doc, "para_3", 0..15, Color::Orange).expect("para_3");
    e.quote.exact = ORPHAN_QUOTE.to_string();
    e.quote.prefix = "لا شيء".to_string();
    e.quote.suffix = "ولا شيء".to_string();
    e.target = "para_999".to_string();
    e.position = None;
    e.set_note(ORPHAN_NOTE);
    out.push(e);
    out
}

fn exported() -> (Document, Vec<Placed>, String) {
    let doc = seed();
    let placed = place(&doc, &annotations(&doc));
    let bytes = html::export(&doc, &placed).expect("export");
    let html = String::from_utf8(bytes).expect("utf-8");
    // For looking at the result: QARAR_EXPORT_DIR=/tmp/x cargo test --test export_html
    if let Some(dir) = std::env::var_os("QARAR_EXPORT_DIR") {
        let _ = std::fs::write(Path::new(&dir).join("seed-annotated.html"), &html);
    }
    (doc, placed, html)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Text of every `<mark … data-ann="N">` fragment (marks may nest), joined per annotation.
fn marks(html: &str) -> (usize, BTreeMap<usize, String>) {
    let mut count = 0;
    let mut texts: BTreeMap<usize, String> = BTreeMap::new();
    let mut rest = html;
    while let Some(i) = rest.find("<mark") {
        count += 1;
        let tag_end = rest[i..].find('>').map(|e| i + e + 1).expect("tag closes");
        let tag = &rest[i..tag_end];
        let n: usize = tag
            .split("data-ann=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok())
            .expect("data-ann");
        // Find the matching </mark>, counting nested marks.
        let mut depth = 1;
        let mut j = tag_end;
        while depth > 0 {
            let open = rest[j..].find("<mark").map(|x| j + x);
            let close = rest[j..]
                .find("</mark>")
                .map(|x| j + x)
                .expect("mark closes");
            match open {
                Some(o) if o < close => {
                    depth += 1;
                    j = o + 5;
                }
                _ => {
                    depth -= 1;
                    if depth == 0 {
                        texts
                            .entry(n)
                            .or_default()
                            .push_str(&unescape(&strip_tags(&rest[tag_end..close])));
                    }
                    j = close + 7;
                }
            }
        }
        rest = &rest[tag_end..];
    }
    (count, texts)
}

#[test]
fn page_is_arabic_rtl_and_self_contained() {
    let (_, _, html) = exported();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains(
        "content=\"default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:\""
    ));
    assert_eq!(
        html.matches("@font-face").count(),
        3,
        "Naskh R+B and Serif R"
    );
    assert!(html.contains("font-family:\"Noto Naskh Arabic\";src:url(data:font/ttf;base64,"));
    // No resource from the network: the only absolute URLs are undocs.org links.
    assert!(!html.contains("http://"));
    for (i, _) in html.match_indices("https://") {
        assert!(
            html[i..].starts_with("https://undocs.org/"),
            "unexpected URL at {i}: {}",
            &html[i..(i + 60).min(html.len())]
        );
        assert!(html[..i].ends_with("href=\""), "URL used outside a link");
    }
    for bad in [
        "src=\"", "<link", "<iframe", "<object", "<embed", "<img", "@import",
    ] {
        assert!(!html.contains(bad), "{bad} in page");
    }
    assert!(!html.to_ascii_lowercase().contains("<script"));
}

#[test]
fn every_paragraph_id_once_and_structure() {
    let (doc, _, html) = exported();
    for (_, p) in doc.paragraphs() {
        let attr = format!("id=\"{}\"", p.id);
        assert_eq!(html.matches(&attr).count(), 1, "{}", p.id);
    }
    assert!(html.contains("<h1>"));
    assert!(html.contains("<h2>الديباجة</h2>"));
    assert!(html.contains("<h2>المنطوق</h2>"));
    assert!(html.contains("<span class=\"num\">13 - </span>"));
    assert!(html.contains("<em class=\"opener\">"));
    assert!(html.contains("<strong class=\"verb\">"));
    // Sub-paragraphs sit inside their parent.
    if let Some(parent) = doc.operative.iter().find(|p| !p.children.is_empty()) {
        let start = html.find(&format!("id=\"{}\"", parent.id)).expect("parent");
        let child = html
            .find(&format!("id=\"{}\"", parent.children[0].id))
            .expect("child");
        let next = doc
            .operative
            .iter()
            .skip_while(|p| p.id != parent.id)
            .nth(1)
            .and_then(|n| html.find(&format!("id=\"{}\"", n.id)))
            .unwrap_or(html.len());
        assert!(start < child && child < next);
    }
    // Latin symbols inside Arabic are isolated.
    assert!(html.contains("<bdi>A/75/L.20</bdi>"));
}

#[test]
fn footnotes_linked_both_ways() {
    let (doc, _, html) = exported();
    assert_eq!(doc.footnotes.len(), 7);
    for f in &doc.footnotes {
        let n = f.id.strip_prefix("fn_").expect("fn_ id");
        assert_eq!(
            html.matches(&format!("id=\"fnref_{n}\"")).count(),
            1,
            "{}",
            f.id
        );
        assert!(html.contains(&format!("<a href=\"#fn_{n}\" id=\"fnref_{n}\"")));
        assert_eq!(html.matches(&format!("<li id=\"fn_{n}\"")).count(), 1);
        assert!(html.contains(&format!("href=\"#fnref_{n}\"")));
    }
}

#[test]
fn references_link_to_undocs() {
    let (doc, _, html) = exported();
    let linked = doc
        .references
        .iter()
        .filter(|r| {
            !matches!(
                r.kind,
                qarar_document::ReferenceKind::Treaty | qarar_document::ReferenceKind::Paragraph
            )
        })
        .count();
    assert!(linked > 0);
    assert!(html.contains("href=\"https://undocs.org/ar/A/RES/"));
}

#[test]
fn user_strings_are_escaped() {
    let (_, _, html) = exported();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&amp; &quot;quotes&quot; &#39;here&#39;"));
    assert!(html.contains("#interpol &lt;b&gt;"));
    assert!(!html.to_ascii_lowercase().contains("<script"));
    assert!(!html.contains("<b>"));
}

#[test]
fn marks_cover_exactly_the_annotated_passages() {
    let (doc, placed, html) = exported();
    let (count, texts) = marks(&html);
    let placed_count = placed.iter().filter(|p| !p.is_orphan()).count();
    assert_eq!(placed_count, 4, "{placed:#?}");
    assert_eq!(texts.len(), placed_count);
    // One <mark> per fragment: a passage is cut only where it crosses a run or a marker.
    assert!(count >= placed_count);
    for (i, p) in placed.iter().enumerate() {
        let Some(id) = &p.paragraph else { continue };
        let text = doc.paragraph(id).expect("paragraph").text();
        let range = p.byte_range(&text).expect("range");
        assert_eq!(
            texts.get(&(i + 1)),
            Some(&text[range].to_string()),
            "annotation {}",
            i + 1
        );
        assert_eq!(html.matches(&format!("id=\"ann_{}\"", i + 1)).count(), 1);
    }
    // Same-run passages are one mark: the para_13 highlight stays in its runs.
    assert!(html.contains("<mark class=\"hl-green\" id=\"ann_"));
    assert!(html.contains("style=\"background:#9be08e\""));
}

#[test]
fn notes_beside_passages_and_orphans_listed() {
    let (_, placed, html) = exported();
    let with_note = placed
        .iter()
        .filter(|p| !p.annotation.note.is_empty() || !p.annotation.tags.is_empty())
        .count();
    assert_eq!(html.matches("<aside role=\"note\"").count(), with_note);
    assert!(html.contains("راجع الوثيقة <bdi>A/75/L.20</bdi>") || html.contains(ARABIC_NOTE));
    let orphans = html.find("class=\"orphans\"").expect("orphan section");
    assert!(html[orphans..].contains(ORPHAN_NOTE));
    assert!(html[orphans..].contains("نص لا وجود له"));
    // The note for para_13 stands inside para_13's block.
    let p13 = html.find("id=\"para_13\"").expect("para_13");
    let script = html.find("&lt;script&gt;").expect("note");
    assert!(script > p13 && script < html[p13..].find("<p>").map(|x| p13 + x).unwrap_or(0));
    // Margin notes on wide screens, inline in print: CSS only.
    assert!(html.contains("@media (min-width:62em)"));
    assert!(html.contains("@media print"));
}

#[test]
fn renders_in_headless_chromium_without_running_notes() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("skipped: /usr/bin/chromium not installed");
        return;
    }
    let (_, _, html) = exported();
    let dir = std::env::temp_dir().join(format!("qarar-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("annotated.html");
    std::fs::write(&file, &html).expect("write");
    let output = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-dev-shm-usage",
            &format!("--user-data-dir={}", dir.join("profile").display()),
            "--dump-dom",
        ])
        .arg(format!("file://{}", file.display()))
        .output();
    let _ = std::fs::remove_file(&file);
    let output = match output {
        Ok(o) => o,
        Err(e) => {
            eprintln!("skipped: chromium did not start: {e}");
            return;
        }
    };
    let _ = std::fs::remove_dir_all(&dir);
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "note text missing from the DOM: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!dom.to_ascii_lowercase().contains("<script"));
    assert!(dom.contains(ARABIC_NOTE) || dom.contains("راجع الوثيقة"));
    assert!(dom.contains("id=\"para_13_b\"") || dom.contains("id=\"para_13\""));
}

#[test]
fn overlapping_highlights_nest_and_stay_exact() {
    let doc = seed();
    let a = Annotation::new_on_passage(&doc, "para_13", 2..40, Color::Green).expect("a");
    let b = Annotation::new_on_passage(&doc, "para_13", 10..60, Color::Purple).expect("b");
    let c = Annotation::new_on_paragraph(&doc, "para_13", Color::Yellow).expect("c");
    let placed = place(&doc, &[a, b, c]);
    let html = String::from_utf8(html::export(&doc, &placed).expect("export")).expect("utf-8");
    assert_eq!(
        html.matches("<mark").count(),
        html.matches("</mark>").count()
    );
    let (_, texts) = marks(&html);
    let text = doc.paragraph("para_13").expect("para_13").text();
    for (i, p) in placed.iter().enumerate() {
        let range = p.byte_range(&text).expect("placed");
        assert_eq!(texts.get(&(i + 1)), Some(&text[range].to_string()));
    }
}

#[test]
fn only_well_formed_note_language_tags_reach_the_lang_attribute() {
    let doc = seed();
    let mut list = Vec::new();
    for (para, tag) in [
        ("para_1", "en-GB"),
        ("para_4", "not a tag\" onfocus=\"x"),
        ("para_5", "ar_EG!"),
        ("para_6", ""),
    ] {
        let mut a = Annotation::new_on_passage(&doc, para, 0..10, Color::Green).expect(para);
        a.set_note("note");
        a.note_language = Some(tag.to_string());
        list.push(a);
    }
    let placed = place(&doc, &list);
    let html = String::from_utf8(html::export(&doc, &placed).expect("export")).expect("utf-8");
    assert!(html.contains(" lang=\"en-GB\""));
    assert!(!html.contains("lang=\"not a tag"), "malformed tag dropped");
    assert!(!html.contains("lang=\"ar_EG"), "malformed tag dropped");
    assert!(!html.contains("lang=\"\""), "empty tag dropped");
}
