//! DOCX export of the annotated seed: package parts, well-formed XML, comments anchored to
//! ranges, right-to-left markup, footnotes and text order; LibreOffice conversion when present.

use qarar_annotations::{Annotation, Color};
use qarar_document::Document;
use qarar_export::docx;
use qarar_export::placed::{Placed, place};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

const NOTE_SCRIPT: &str = "<script>alert(1)</script> & \"quotes\" 'single'";
const NOTE_ARABIC: &str = "ملاحظة: انظر الوثيقة A/75/L.20 قبل الجلسة";
const NOTE_PLAIN: &str = "Check the wording of this paragraph";

fn seed() -> Document {
    qarar_document::load_path(Path::new(concat!(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
        "/assets/A-RES-75-10.ar.txt"
    )))
    .expect("seed parses")
}

fn annotated(doc: &Document) -> (Vec<Annotation>, Vec<Placed>) {
    let mut a1 = Annotation::new_on_passage(doc, "para_13", 0..20, Color::Green).expect("a1");
    a1.set_note(NOTE_SCRIPT);
    a1.set_tags(["security", "إرهاب"]);
    let first_preamble = doc.preamble[0].id.clone();
    let mut a2 =
        Annotation::new_on_passage(doc, &first_preamble, 5..40, Color::Purple).expect("a2");
    a2.set_note(NOTE_ARABIC);
    let mut a3 = Annotation::new_on_paragraph(doc, "para_1", Color::Blue).expect("a3");
    a3.set_note(NOTE_PLAIN);
    // A bare highlight (no comment) overlapping a1.
    let a4 = Annotation::new_on_passage(doc, "para_13", 10..30, Color::Yellow).expect("a4");
    // An orphan: its passage does not exist in this document.
    let mut a5 = Annotation::new_on_passage(doc, "para_2", 0..10, Color::Pink).expect("a5");
    a5.quote.exact = "نص غير موجود في هذه الوثيقة إطلاقا xyz".into();
    a5.quote.prefix = "لا شيء".into();
    a5.quote.suffix = "ولا هذا".into();
    a5.target = "para_999".into();
    a5.position = None;
    a5.set_note("orphan note <b>");
    let anns = vec![a1, a2, a3, a4, a5];
    let placed = place(doc, &anns);
    (anns, placed)
}

fn export_seed() -> (Document, Vec<Annotation>, Vec<Placed>, Vec<u8>) {
    let doc = seed();
    let (anns, placed) = annotated(&doc);
    let bytes = docx::export(&doc, &placed).expect("export");
    (doc, anns, placed, bytes)
}

fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        let mut s = String::new();
        f.read_to_string(&mut s).expect("utf-8 part");
        out.insert(f.name().to_string(), s);
    }
    out
}

/// A parsed element or text event, flattened.
#[derive(Debug, Clone)]
enum Ev {
    Start(String, Vec<(String, String)>),
    End(String),
    Text(String),
}

/// Parse the whole part, failing on any well-formedness error.
fn events(xml: &str) -> Vec<Ev> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut out = Vec::new();
    let attrs = |e: &quick_xml::events::BytesStart| -> Vec<(String, String)> {
        e.attributes()
            .map(|a| {
                let a = a.expect("attribute");
                (
                    String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                    a.unescape_value().expect("attribute value").into_owned(),
                )
            })
            .collect()
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => out.push(Ev::Start(
                String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                attrs(&e),
            )),
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                out.push(Ev::Start(name.clone(), attrs(&e)));
                out.push(Ev::End(name));
            }
            Event::End(e) => out.push(Ev::End(
                String::from_utf8_lossy(e.name().as_ref()).into_owned(),
            )),
            Event::Text(t) => out.push(Ev::Text(t.decode().expect("text").into_owned())),
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let s = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                };
                out.push(Ev::Text(s.to_string()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let depth = out.iter().fold(0i64, |d, e| match e {
        Ev::Start(..) => d + 1,
        Ev::End(_) => d - 1,
        _ => d,
    });
    assert_eq!(depth, 0, "balanced elements");
    out
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Concatenated `w:t` text of each `w:p`.
fn texts(evs: &[Ev]) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_t = false;
    let mut cur = String::new();
    for e in evs {
        match e {
            Ev::Start(n, _) if n == "w:p" => cur.clear(),
            Ev::End(n) if n == "w:p" => out.push(std::mem::take(&mut cur)),
            Ev::Start(n, _) if n == "w:t" => in_t = true,
            Ev::End(n) if n == "w:t" => in_t = false,
            Ev::Text(t) if in_t => cur.push_str(t),
            _ => {}
        }
    }
    out
}

/// Concatenated `w:t` text of a slice of events.
fn run_text(evs: &[Ev]) -> String {
    let mut out = String::new();
    let mut in_t = false;
    for e in evs {
        match e {
            Ev::Start(n, _) if n == "w:t" => in_t = true,
            Ev::End(n) if n == "w:t" => in_t = false,
            Ev::Text(t) if in_t => out.push_str(t),
            _ => {}
        }
    }
    out
}

fn ids_of(evs: &[Ev], element: &str) -> Vec<String> {
    evs.iter()
        .filter_map(|e| match e {
            Ev::Start(n, a) if n == element => attr(a, "w:id").map(str::to_string),
            _ => None,
        })
        .collect()
}

#[test]
fn all_parts_present_and_well_formed() {
    let (_, _, _, bytes) = export_seed();
    let parts = parts(&bytes);
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/footnotes.xml",
        "word/comments.xml",
        "docProps/core.xml",
    ] {
        assert!(parts.contains_key(name), "missing {name}");
    }
    for (name, xml) in &parts {
        events(xml);
        assert!(xml.starts_with("<?xml"), "{name}");
    }
    assert!(parts["docProps/core.xml"].contains("<dc:title>A/RES/75/10</dc:title>"));
    let styles = &parts["word/styles.xml"];
    assert!(styles.contains("w:cs=\"Noto Naskh Arabic\""));
    assert!(styles.contains("w:styleId=\"Heading1\""));
    let rels = &parts["word/_rels/document.xml.rels"];
    assert!(
        rels.contains("https://undocs.org/ar/"),
        "hyperlinks: {rels}"
    );
    assert!(rels.contains("TargetMode=\"External\""));
}

#[test]
fn one_comment_per_note_anchored_to_its_range() {
    let (doc, anns, placed, bytes) = export_seed();
    let parts = parts(&bytes);
    let comments = events(&parts["word/comments.xml"]);
    let document = events(&parts["word/document.xml"]);
    let with_notes = anns.iter().filter(|a| a.has_note()).count();
    let comment_ids = ids_of(&comments, "w:comment");
    assert_eq!(comment_ids.len(), with_notes, "one comment per note");
    // Each comment's text holds its note, unescaped equal to the original.
    let mut comment_text: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current = None;
    let mut para: Vec<Ev> = Vec::new();
    for e in &comments {
        match e {
            Ev::Start(n, a) if n == "w:comment" => {
                current = attr(a, "w:id").map(str::to_string);
            }
            Ev::Start(n, _) if n == "w:p" => para = vec![e.clone()],
            Ev::End(n) if n == "w:p" => {
                para.push(e.clone());
                if let Some(id) = &current {
                    comment_text
                        .entry(id.clone())
                        .or_default()
                        .extend(texts(&para));
                }
            }
            other => para.push(other.clone()),
        }
    }
    for note in [NOTE_SCRIPT, NOTE_ARABIC, NOTE_PLAIN, "orphan note <b>"] {
        assert!(
            comment_text
                .values()
                .any(|lines| lines.iter().any(|l| l == note)),
            "note {note:?} in comments: {comment_text:?}"
        );
    }
    assert!(
        comment_text
            .values()
            .any(|l| l.iter().any(|l| l == "الوسوم: security, إرهاب")),
        "tags line in the document's language: {comment_text:?}"
    );
    assert!(
        comment_text
            .values()
            .all(|l| l.iter().any(|l| l.starts_with("اللون: "))),
        "colour line in the document's language"
    );
    assert!(!parts["word/comments.xml"].contains("Colour"));
    assert!(parts["word/comments.xml"].contains("&lt;script&gt;"));
    assert!(!parts["word/comments.xml"].contains("<script>"));
    // Every comment has a start, an end after it and a reference after the end.
    for id in &comment_ids {
        let pos = |el: &str| {
            document.iter().position(
                |e| matches!(e, Ev::Start(n, a) if n == el && attr(a, "w:id") == Some(id)),
            )
        };
        let s = pos("w:commentRangeStart").expect("start");
        let e = pos("w:commentRangeEnd").expect("end");
        let r = pos("w:commentReference").expect("reference");
        assert!(s < e && e < r, "comment {id}: {s} {e} {r}");
        for el in [
            "w:commentRangeStart",
            "w:commentRangeEnd",
            "w:commentReference",
        ] {
            assert_eq!(
                document
                    .iter()
                    .filter(
                        |e| matches!(e, Ev::Start(n, a) if n == el && attr(a, "w:id") == Some(id))
                    )
                    .count(),
                1,
                "{el} {id}"
            );
        }
        // The text between start and end is exactly the annotated passage.
        let mut inside = String::new();
        let mut in_t = false;
        for ev in &document[s..e] {
            match ev {
                Ev::Start(n, _) if n == "w:t" => in_t = true,
                Ev::End(n) if n == "w:t" => in_t = false,
                Ev::Text(t) if in_t => inside.push_str(t),
                _ => {}
            }
        }
        let expected = placed
            .iter()
            .filter(|p| p.annotation.has_note())
            .map(|p| match (&p.paragraph, &p.range) {
                (Some(pid), Some(r)) => {
                    let text = doc.paragraph(pid).expect("paragraph").text();
                    text.chars().skip(r.start).take(r.len()).collect::<String>()
                }
                _ => p.annotation.quote.exact.clone(),
            })
            .collect::<Vec<_>>();
        assert!(
            expected.contains(&inside),
            "comment {id} covers {inside:?}, expected one of {expected:?}"
        );
    }
    // Highlights in the nearest Word colours.
    let xml = &parts["word/document.xml"];
    for h in ["green", "cyan", "darkMagenta", "yellow", "magenta"] {
        assert!(
            xml.contains(&format!("<w:highlight w:val=\"{h}\"/>")),
            "highlight {h}"
        );
    }
    assert!(xml.contains(qarar_export::labels::labels(doc.meta.language).orphans));
}

#[test]
fn right_to_left_markup_footnotes_and_text_order() {
    let (doc, _, _, bytes) = export_seed();
    let parts = parts(&bytes);
    let xml = &parts["word/document.xml"];
    let document = events(xml);
    let paragraphs = document
        .iter()
        .filter(|e| matches!(e, Ev::Start(n, _) if n == "w:p"))
        .count();
    let bidi = document
        .iter()
        .filter(|e| matches!(e, Ev::Start(n, _) if n == "w:bidi"))
        .count();
    assert!(
        bidi >= paragraphs - 2,
        "w:bidi on paragraphs ({bidi}/{paragraphs})"
    );
    assert!(xml.contains("<w:rtl/>"));
    assert!(xml.contains("<w:lang w:bidi=\"ar-SA\"/>"));
    // Sub-paragraphs indented from the start (right) side.
    assert!(xml.contains("<w:ind w:right=\"720\"/>"));
    // Preambular opener in colour (Arabic has no italics: never slanted), operative verb in
    // bold.
    assert!(xml.contains("<w:color w:val=\"1F4E8C\"/>"));
    assert!(
        !xml.contains("<w:i/>"),
        "synthetic italic in an Arabic document"
    );
    assert!(!parts["word/styles.xml"].contains("<w:i/>"));
    assert!(xml.contains("<w:b/><w:bCs/>"));
    // Footnotes: 7 real ones, each referenced once from the body.
    let footnotes = events(&parts["word/footnotes.xml"]);
    let ids: Vec<i64> = ids_of(&footnotes, "w:footnote")
        .iter()
        .filter_map(|s| s.parse().ok())
        .collect();
    assert_eq!(doc.footnotes.len(), 7);
    let real: Vec<i64> = ids.iter().copied().filter(|i| *i > 0).collect();
    assert_eq!(real, (1..=7).collect::<Vec<_>>());
    assert!(ids.contains(&-1) && ids.contains(&0));
    let mut refs: Vec<i64> = ids_of(&document, "w:footnoteReference")
        .iter()
        .filter_map(|s| s.parse().ok())
        .collect();
    refs.sort_unstable();
    assert_eq!(refs, real, "every footnote referenced once");
    // The document text holds every paragraph's text, in order.
    let all: String = texts(&document).concat();
    let mut from = 0;
    for (_, p) in doc.paragraphs() {
        let t = p.text();
        let found = all[from..]
            .find(&t)
            .unwrap_or_else(|| panic!("paragraph {} not found in order: {t}", p.id));
        from += found + t.len();
    }
    // Footnote texts appear in footnotes.xml.
    let fn_text: String = texts(&footnotes).concat();
    for f in &doc.footnotes {
        assert!(fn_text.contains(f.text().trim()), "footnote {}", f.id);
    }
}

#[test]
fn hostile_strings_are_escaped_and_stripped() {
    let doc = seed();
    let mut a = Annotation::new_on_passage(&doc, "para_1", 0..5, Color::Orange).expect("a");
    a.set_note("bad \u{1}\u{8}chars ]]> <w:p> & done");
    let placed = place(&doc, &[a]);
    let bytes = docx::export(&doc, &placed).expect("export");
    let parts = parts(&bytes);
    let comments = events(&parts["word/comments.xml"]);
    let text = texts(&comments).concat();
    assert!(text.contains("bad chars ]]> <w:p> & done"), "{text}");
    assert!(parts["word/document.xml"].contains("darkYellow"));
}

#[test]
fn libreoffice_converts_it() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|b| {
        std::process::Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(soffice) = soffice else {
        eprintln!("skipped: soffice (LibreOffice) is not installed");
        return;
    };
    let (_, _, _, bytes) = export_seed();
    let dir = std::env::temp_dir().join(format!("qarar-docx-{}", std::process::id()));
    let profile = dir.join("profile");
    std::fs::create_dir_all(&profile).expect("temp dir");
    let input = dir.join("seed.docx");
    std::fs::write(&input, &bytes).expect("write docx");
    // For looking at the result by hand: QARAR_DOCX_OUT=/tmp/seed.docx.
    if let Some(out) = std::env::var_os("QARAR_DOCX_OUT") {
        std::fs::write(out, &bytes).expect("write QARAR_DOCX_OUT");
    }
    let status = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "odt", "--outdir"])
        .arg(&dir)
        .arg(&input)
        .output()
        .expect("run soffice");
    let odt = dir.join("seed.odt");
    assert!(
        status.status.success() && odt.exists(),
        "soffice failed: {}\n{}",
        String::from_utf8_lossy(&status.stdout),
        String::from_utf8_lossy(&status.stderr)
    );
    // The comments survive: the ODT's content holds them as office:annotation.
    let file = std::fs::File::open(&odt).expect("odt");
    let mut zip = zip::ZipArchive::new(file).expect("odt zip");
    let mut content = String::new();
    zip.by_name("content.xml")
        .expect("content.xml")
        .read_to_string(&mut content)
        .expect("read content");
    let annotations = content.matches("<office:annotation").count()
        - content.matches("<office:annotation-end").count();
    assert_eq!(annotations, 4, "comments kept by LibreOffice");
    let mut plain = String::new();
    let mut in_tag = false;
    for c in content.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    assert!(plain.contains(NOTE_ARABIC), "Arabic note kept");
    assert!(
        plain.contains("&lt;script&gt;"),
        "escaped note kept as text"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn left_to_right_document_with_annotation_across_a_link() {
    use qarar_document::{
        Direction, Footnote, Language, Paragraph, ParagraphKind, Reference, ReferenceKind, Run,
        RunKind,
    };
    let mut doc = Document::default();
    doc.meta.language = Language::En;
    doc.meta.direction = Direction::Ltr;
    doc.meta.symbol = Some("A/RES/1/1".into());
    doc.title_line = Some("1/1. A test".into());
    doc.references.push(Reference {
        kind: ReferenceKind::Resolution,
        target: "A/RES/60/288".into(),
        text: "60/288".into(),
        paragraph: "para_1".into(),
    });
    let mut p = Paragraph::new("para_1", ParagraphKind::Operative);
    p.number = Some(1);
    p.runs = vec![
        Run::new(RunKind::Lead, "Recalls", None),
        Run::plain(" resolution "),
        Run::new(RunKind::Reference { reference: 0 }, "60/288", None),
        Run::new(
            RunKind::FootnoteMarker {
                footnote: "fn_1".into(),
            },
            "1",
            None,
        ),
        Run::plain(" of 2006;"),
    ];
    let mut sub = Paragraph::new("para_1_a", ParagraphKind::SubParagraph);
    sub.label = Some("a".into());
    sub.runs = vec![Run::plain("first point")];
    p.children.push(sub);
    doc.operative.push(p);
    doc.footnotes.push(Footnote {
        id: "fn_1".into(),
        marker: "1".into(),
        paragraph: Some("para_1".into()),
        runs: vec![Run::plain("See above.")],
        source: 0..0,
    });
    // "resolution 60/2" : starts in a plain run, ends inside the link.
    let text = doc.operative[0].text();
    let start = text.find("resolution").expect("word");
    let start = text[..start].chars().count();
    let mut a = Annotation::new_on_passage(&doc, "para_1", start..start + 15, Color::Blue)
        .expect("annotation");
    a.set_note("across the link");
    let placed = place(&doc, &[a]);
    let bytes = docx::export(&doc, &placed).expect("export");
    let parts = parts(&bytes);
    let xml = &parts["word/document.xml"];
    let document = events(xml);
    assert!(!xml.contains("<w:bidi/>") && !xml.contains("<w:rtl/>"));
    assert!(
        xml.contains("<w:ind w:left=\"720\"/>"),
        "sub-paragraph indented"
    );
    assert!(parts["word/_rels/document.xml.rels"].contains("https://undocs.org/en/A/RES/60/288"));
    // The comment range ends inside the hyperlink, which stays one element holding the whole
    // reference text.
    let link = document
        .iter()
        .position(|e| matches!(e, Ev::Start(n, _) if n == "w:hyperlink"))
        .expect("hyperlink");
    let link_end = document[link..]
        .iter()
        .position(|e| matches!(e, Ev::End(n) if n == "w:hyperlink"))
        .expect("hyperlink end")
        + link;
    let end = document
        .iter()
        .position(|e| matches!(e, Ev::Start(n, _) if n == "w:commentRangeEnd"))
        .expect("range end");
    assert!(link < end && end < link_end);
    assert_eq!(run_text(&document[link..=link_end]), "60/288");
    let all = texts(&document).concat();
    assert!(
        all.contains("1. Recalls resolution 60/288 of 2006;"),
        "{all}"
    );
    assert!(all.contains("(a) first point"));
    assert_eq!(ids_of(&document, "w:footnoteReference"), vec!["1"]);
}
