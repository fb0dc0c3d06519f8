//! The Akoma Ntoso parser on the UN's own files (`../shared/corpus/akn/`): structure,
//! metadata, footnotes and references as a reader would see them, alignment across the six
//! languages, and robustness against malformed and hostile XML.

use qarar_document::model::{Document, Language, ParagraphKind, RunKind, SourceFormat};
use qarar_document::{akn, plain};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Directory of the Akoma Ntoso corpus.
fn corpus_dir() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("../shared/corpus/akn")
}

/// Read and parse one corpus file.
fn parse_file(name: &str) -> Document {
    let path = corpus_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    akn::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every paragraph id at every depth, in reading order.
fn all_ids(doc: &Document) -> Vec<String> {
    doc.paragraphs()
        .into_iter()
        .map(|(_, p)| p.id.clone())
        .collect()
}

/// Footnote ids in order.
fn footnote_ids(doc: &Document) -> Vec<String> {
    doc.footnotes.iter().map(|f| f.id.clone()).collect()
}

/// Highest paragraph number written in the file's main body, whether in `<num>` (`1.`) or
/// at the start of the paragraph text (`1 -`).
fn highest_number_in_file(text: &str) -> u32 {
    let Some(start) = text.find("<mainBody") else {
        return 0;
    };
    let end = text.find("</mainBody>").unwrap_or(text.len());
    let body = &text[start..end];
    let mut best = 0;
    for chunk in body.split("<num>").skip(1) {
        best = best.max(leading_number(chunk).unwrap_or(0));
    }
    for chunk in body.split("<p xml:space=\"preserve\">").skip(1) {
        let chunk = chunk.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{200f}');
        let digits: String = chunk.chars().take_while(char::is_ascii_digit).collect();
        let after = chunk[digits.len()..].trim_start_matches(['\u{200f}', ' ']);
        if !digits.is_empty() && after.starts_with('-') {
            best = best.max(digits.parse().unwrap_or(0));
        }
    }
    best
}

/// Number at the start of a `<num>` element's text.
fn leading_number(s: &str) -> Option<u32> {
    let digits: String = s
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[test]
fn every_corpus_file_parses_with_consecutive_operative_numbers() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("corpus directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "corpus has {} files", files.len());
    for path in files {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let text = std::fs::read_to_string(&path).expect("readable corpus file");
        let doc = akn::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.format, SourceFormat::AkomaNtoso, "{name}");
        if !doc.parts.is_empty() {
            // A multi-part resolution: each part is numbered from 1.
            for part in &doc.parts {
                let numbers: Vec<u32> = part.operative.iter().filter_map(|p| p.number).collect();
                let expected: Vec<u32> = (1..=numbers.len() as u32).collect();
                assert_eq!(numbers, expected, "{name} part {}", part.letter);
            }
            assert!(
                doc.is_resolution(),
                "{name}: not recognised as a resolution"
            );
            continue;
        }
        let numbers: Vec<u32> = doc.operative.iter().filter_map(|p| p.number).collect();
        let expected: Vec<u32> = (1..=numbers.len() as u32).collect();
        assert_eq!(numbers, expected, "{name}: operative numbers not 1..=N");
        assert_eq!(
            numbers.len() as u32,
            highest_number_in_file(&text),
            "{name}: operative count differs from the file's numbering"
        );
        assert!(
            doc.is_resolution(),
            "{name}: not recognised as a resolution"
        );
        assert!(
            doc.enacting_formula.is_some(),
            "{name}: no enacting formula"
        );
        assert!(doc.meta.symbol.is_some(), "{name}: no symbol");
        for (_, p) in doc.paragraphs() {
            assert!(
                !p.text().trim().is_empty() || !p.children.is_empty(),
                "{name}: {} is empty",
                p.id
            );
        }
    }
}

#[test]
fn arabic_75_10_has_the_structure_of_the_printed_resolution() {
    let doc = parse_file("75_10_A.xml");
    assert_eq!(doc.preamble.len(), 21);
    assert_eq!(doc.operative.len(), 16);
    let p13 = doc.paragraph("para_13").expect("paragraph 13");
    let children: Vec<&str> = p13.children.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        children,
        [
            "para_13_a",
            "para_13_b",
            "para_13_c",
            "para_13_d",
            "para_13_e"
        ]
    );
    assert_eq!(p13.children[0].label.as_deref(), Some("أ"));
    assert_eq!(p13.lead.as_deref(), Some("تشجع"));
    assert_eq!(doc.preamble[0].lead.as_deref(), Some("إذ تشير"));
    assert_eq!(doc.preamble[1].source_id.as_deref(), Some("container_3"));
    assert_eq!(doc.operative[0].source_id.as_deref(), Some("para_23"));
    assert!(
        !doc.operative[0].text().starts_with('1'),
        "the number is not part of the text"
    );
    assert!(
        doc.enacting_formula
            .as_ref()
            .is_some_and(|f| f.text() == "إن الجمعية العامة،")
    );
}

#[test]
fn arabic_75_10_metadata() {
    let doc = parse_file("75_10_A.xml");
    let m = &doc.meta;
    assert_eq!(m.symbol.as_deref(), Some("A/RES/75/10"));
    assert_eq!(m.language, Language::Ar);
    assert_eq!(m.direction.as_str(), "rtl");
    assert_eq!(m.adopted.as_deref(), Some("2020-11-23"));
    assert_eq!(m.issued.as_deref(), Some("2020-11-30"));
    assert_eq!(m.session, Some(75));
    assert_eq!(m.agenda_item.as_deref(), Some("130 (ذ)"));
    assert_eq!(m.organ.as_deref(), Some("الجمعية العامة"));
    assert_eq!(m.originating, ["A/75/L.20", "A/75/L.20/Add.1"]);
    assert_eq!(
        m.title.as_deref(),
        Some("التعاون بين الأمم المتحدة والمنظمة الدولية للشرطة الجنائية (الإنتربول)")
    );
    let closing = doc.closing.as_ref().expect("closing");
    assert_eq!(closing.meeting.as_deref(), Some("الجلسة العامة 30"));
    assert_eq!(closing.date.as_deref(), Some("2020-11-23"));
}

#[test]
fn arabic_75_10_footnotes_stand_where_their_markers_are() {
    let doc = parse_file("75_10_A.xml");
    assert_eq!(doc.footnotes.len(), 7);
    let at = |id: &str| doc.footnote(id).and_then(|f| f.paragraph.clone());
    assert_eq!(at("fn_1").as_deref(), Some("preamble_2"));
    assert_eq!(at("fn_2").as_deref(), Some("preamble_10"));
    assert_eq!(at("fn_3").as_deref(), Some("preamble_10"));
    assert_eq!(at("fn_7").as_deref(), Some("para_9"));
    assert!(doc.footnotes.iter().all(|f| f.paragraph.is_some()));
    let fn1 = doc.footnote("fn_1").expect("fn_1");
    assert_eq!(fn1.marker, "1");
    assert!(fn1.text().starts_with("United Nations"), "{:?}", fn1.text());
    let p2 = &doc.preamble[1];
    assert!(p2.runs.iter().any(|r| r.kind
        == RunKind::FootnoteMarker {
            footnote: "fn_1".into()
        }
        && r.text == "1"));
    assert!(
        !p2.text().contains('('),
        "sup wrappers dropped: {}",
        p2.text()
    );
}

#[test]
fn arabic_75_10_references_are_linked_except_interpol_network() {
    let doc = parse_file("75_10_A.xml");
    let targets: Vec<&str> = doc.references.iter().map(|r| r.target.as_str()).collect();
    assert!(targets.contains(&"A/RES/51/1"), "{targets:?}");
    let r60 = doc
        .references
        .iter()
        .find(|r| r.target == "A/RES/60/288")
        .expect("A/RES/60/288");
    assert_eq!(r60.paragraph, "fn_2");
    assert!(
        !targets.contains(&"A/RES/24/7"),
        "I-24/7 is not a resolution"
    );
    assert!(
        doc.diagnostics.iter().any(|d| d.message.contains("24/7")),
        "the wrong link is reported"
    );
    let p13a = doc.paragraph("para_13_a").expect("para_13_a");
    assert!(p13a.text().contains("I-24/7"), "{}", p13a.text());
    // Every reference run points at a reference standing in that paragraph.
    for (_, p) in doc.paragraphs() {
        for r in &p.runs {
            if let RunKind::Reference { reference } = r.kind {
                assert_eq!(doc.references[reference].paragraph, p.id);
            }
        }
    }
}

#[test]
fn arabic_and_english_75_10_align_paragraph_for_paragraph() {
    let ar = parse_file("75_10_A.xml");
    let en = parse_file("75_10_E.xml");
    assert_eq!(all_ids(&ar), all_ids(&en));
    assert_eq!(footnote_ids(&ar), footnote_ids(&en));
    assert_eq!(en.meta.language, Language::En);
    assert_eq!(en.meta.agenda_item.as_deref(), Some("130 (y)"));
    assert_eq!(en.operative[0].lead.as_deref(), Some("Calls for"));
    assert_eq!(en.preamble[0].lead.as_deref(), Some("Recalling"));
    let fn_ar: Vec<_> = ar.footnotes.iter().map(|f| f.paragraph.clone()).collect();
    let fn_en: Vec<_> = en.footnotes.iter().map(|f| f.paragraph.clone()).collect();
    assert_eq!(fn_ar, fn_en);
}

#[test]
fn all_six_languages_of_75_10_give_the_same_ids() {
    let ar = parse_file("75_10_A.xml");
    for (file, lang) in [
        ("75_10_E.xml", Language::En),
        ("75_10_F.xml", Language::Fr),
        ("75_10_S.xml", Language::Es),
        ("75_10_R.xml", Language::Ru),
        ("75_10_C.xml", Language::Zh),
    ] {
        let doc = parse_file(file);
        assert_eq!(doc.meta.language, lang, "{file}");
        assert_eq!(all_ids(&doc), all_ids(&ar), "{file}");
        assert_eq!(footnote_ids(&doc), footnote_ids(&ar), "{file}");
        assert_eq!(doc.meta.symbol.as_deref(), Some("A/RES/75/10"), "{file}");
        assert_eq!(doc.meta.originating.len(), 2, "{file}");
        assert!(
            doc.operative.iter().all(|p| p.lead.is_some()),
            "{file}: leads"
        );
    }
}

#[test]
fn arabic_and_english_pairs_align_across_the_corpus() {
    for base in [
        "75_1", "75_59", "75_125", "75_188", "75_197", "75_239", "75_251",
    ] {
        let ar = parse_file(&format!("{base}_A.xml"));
        let en = parse_file(&format!("{base}_E.xml"));
        let op = |d: &Document| -> Vec<String> {
            d.paragraphs()
                .into_iter()
                .filter(|(_, p)| p.kind != ParagraphKind::Plain)
                .map(|(_, p)| p.id.clone())
                .collect()
        };
        assert_eq!(op(&ar), op(&en), "{base}");
    }
}

#[test]
fn xml_ids_match_the_plain_text_seed() {
    // Depends on the plain-text parser (`plain::parse`), written in parallel.
    let seed = std::fs::read_to_string(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("assets/A-RES-75-10.ar.txt"),
    )
    .expect("bundled seed");
    let from_text = plain::parse(&seed);
    let from_xml = parse_file("75_10_A.xml");
    assert_eq!(all_ids(&from_text), all_ids(&from_xml));
    assert_eq!(footnote_ids(&from_text), footnote_ids(&from_xml));
}

/// Parse on a thread and fail if it takes longer than `limit` (catches hangs and panics).
fn parse_quickly(xml: String, limit: Duration) -> Result<Document, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(akn::parse(&xml).map_err(|e| e.to_string()));
    });
    let started = Instant::now();
    let result = rx.recv_timeout(limit).expect("parser hung or panicked");
    assert!(started.elapsed() < limit);
    result
}

#[test]
fn malformed_xml_is_an_error_with_a_position() {
    for bad in [
        "<akomaNtoso><statement><preamble></statement></akomaNtoso>",
        "<akomaNtoso><statement>",
        "<akomaNtoso attr=\"x></akomaNtoso>",
        "</akomaNtoso>",
        "\u{0}\u{1}binary\u{ff}",
    ] {
        let err = akn::parse(bad).expect_err(bad);
        assert!(!err.message.is_empty());
    }
    let err = akn::parse("<akomaNtoso><a></b></akomaNtoso>").expect_err("mismatch");
    assert!(err.position.is_some(), "{err}");
}

#[test]
fn xml_that_is_not_akoma_ntoso_is_refused() {
    let err = akn::parse("<html><body><p>hello</p></body></html>").expect_err("html");
    assert!(
        err.to_string().contains("not an Akoma Ntoso document"),
        "{err}"
    );
    assert!(akn::parse("").is_err());
}

#[test]
fn entity_bombs_are_not_expanded() {
    let mut bomb =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    bomb.push_str("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
    for i in 2..=9 {
        let prev = format!("&lol{};", i - 1);
        bomb.push_str(&format!("<!ENTITY lol{i} \"{}\">\n", prev.repeat(10)));
    }
    bomb.push_str("]>\n<akomaNtoso><statement name=\"resolution\"><preamble>");
    bomb.push_str("<container eId=\"c\"><p><span class=\"italic\">Recalling</span> &lol9; and &amp;</p></container>");
    bomb.push_str("</preamble><mainBody><paragraph eId=\"p\" title=\"&lol9;\"><num>1.</num><content><p>Decides &lol9;</p></content></paragraph></mainBody></statement></akomaNtoso>");
    match parse_quickly(bomb, Duration::from_secs(2)) {
        Ok(doc) => {
            let text = doc.preamble[0].text();
            assert!(text.len() < 100, "entity expanded: {} bytes", text.len());
            assert_eq!(doc.operative.len(), 1);
        }
        Err(message) => assert!(!message.is_empty()),
    }
}

#[test]
fn deep_nesting_and_garbage_do_not_panic() {
    let deep = format!(
        "{}{}",
        "<akomaNtoso>".repeat(100_000),
        "</akomaNtoso>".repeat(100_000)
    );
    let _ = parse_quickly(deep, Duration::from_secs(5));
    let garbage: String = (0..20_000u32)
        .map(|i| char::from_u32(i * 7919 % 0x2FFF).unwrap_or('<'))
        .collect();
    let _ = parse_quickly(garbage, Duration::from_secs(5));
    let half = std::fs::read_to_string(corpus_dir().join("75_10_A.xml")).unwrap_or_default();
    let mut cut = half.len() / 2;
    while !half.is_char_boundary(cut) {
        cut -= 1;
    }
    // A file cut in half opens with what it holds and says where it ends.
    let doc = parse_quickly(half[..cut].to_string(), Duration::from_secs(5)).expect("half opens");
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.message.contains("damaged XML") && d.message.contains("not closed")),
        "{:?}",
        doc.diagnostics
    );
}

/// A minimal AKN resolution around the given main body.
fn minimal(main_body: &str) -> String {
    format!(
        "<akomaNtoso><statement name=\"resolution\"><meta><identification><FRBRExpression>\
         <FRBRlanguage language=\"eng\"/></FRBRExpression></identification></meta>\
         <preamble><formula name=\"enactingFormula\"><p>The General Assembly,</p></formula>\
         <container eId=\"c1\"><p><span class=\"italic\">Recalling</span> its work,</p></container>\
         </preamble><mainBody>{main_body}</mainBody></statement></akomaNtoso>"
    )
}

#[test]
fn second_level_items_nest_under_the_sub_paragraph_before_them() {
    let xml = minimal(
        "<paragraph eId=\"p1\"><num>1.</num><content><p><span class=\"italic\">Decides</span>:</p></content></paragraph>\
         <paragraph eId=\"p2\"><content><p>\t(a)\tFirst;</p></content></paragraph>\
         <paragraph eId=\"p3\"><content><p>\t(i)\tOne;</p></content></paragraph>\
         <paragraph eId=\"p4\"><content><p>\t(ii)\tTwo;</p></content></paragraph>\
         <paragraph eId=\"p5\"><content><p>\t(b)\tSecond;</p></content></paragraph>\
         <paragraph eId=\"p6\"><content><p>Closing words of paragraph 1.</p></content></paragraph>\
         <paragraph eId=\"p7\"><num>2.</num><content><p><span class=\"italic\">Requests</span> x</p></content>\
         <subparagraph eId=\"s1\"><num>(a)</num><content><p>nested</p></content></subparagraph></paragraph>",
    );
    let doc = akn::parse(&xml).expect("parses");
    assert_eq!(
        all_ids(&doc),
        [
            "enacting_formula",
            "preamble_1",
            "para_1",
            "para_1_a",
            "para_1_a_i",
            "para_1_a_ii",
            "para_1_b",
            "para_1_text_1",
            "para_2",
            "para_2_a",
        ]
    );
    assert_eq!(doc.operative.len(), 2);
    assert_eq!(doc.operative[0].lead.as_deref(), Some("Decides"));
    assert_eq!(
        doc.paragraph("para_1_a_ii").map(|p| p.text()).as_deref(),
        Some("Two;")
    );
}
