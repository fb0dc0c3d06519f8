//! The plain-text parser on the bundled seed (A/RES/75/10 in Arabic, converted from PDF)
//! and on small synthetic resolutions in other encodings, languages and numbering styles.

use qarar_document::plain::parse;
use qarar_document::{
    Direction, Document, Language, Paragraph, ParagraphKind, RunKind, SourceFormat, load_bytes,
    load_path,
};
use std::path::Path;

const SEED: &str = qarar_testkit::SEED_TEXT;

fn seed() -> Document {
    parse(SEED)
}

fn para<'a>(doc: &'a Document, id: &str) -> &'a Paragraph {
    doc.paragraph(id)
        .unwrap_or_else(|| panic!("paragraph {id} missing"))
}

fn ids(ps: &[Paragraph]) -> Vec<String> {
    ps.iter().map(|p| p.id.clone()).collect()
}

#[test]
fn seed_has_21_preambular_and_16_operative_paragraphs() {
    let doc = seed();
    assert_eq!(doc.format, SourceFormat::PlainText);
    assert_eq!(doc.preamble.len(), 21);
    assert_eq!(doc.operative.len(), 16);
    let expected: Vec<String> = (1..=21).map(|n| format!("preamble_{n}")).collect();
    assert_eq!(ids(&doc.preamble), expected);
    for (i, p) in doc.operative.iter().enumerate() {
        assert_eq!(p.id, format!("para_{}", i + 1));
        assert_eq!(p.number, Some(i as u32 + 1));
        assert_eq!(p.kind, ParagraphKind::Operative);
    }
    assert!(
        doc.preamble
            .iter()
            .all(|p| p.kind == ParagraphKind::Preamble)
    );
    assert!(doc.body.is_empty());
    let formula = doc.enacting_formula.as_ref().expect("enacting formula");
    assert_eq!(formula.id, "enacting_formula");
    assert_eq!(formula.text(), "إن الجمعية العامة،");
}

#[test]
fn seed_metadata() {
    let doc = seed();
    let m = &doc.meta;
    assert_eq!(m.symbol.as_deref(), Some("A/RES/75/10"));
    assert_eq!(m.language, Language::Ar);
    assert_eq!(m.direction, Direction::Rtl);
    assert_eq!(m.organ.as_deref(), Some("الجمعية العامة"));
    assert_eq!(m.session, Some(75));
    assert_eq!(m.agenda_item.as_deref(), Some("130 (ذ)"));
    assert_eq!(m.adopted.as_deref(), Some("2020-11-23"));
    assert_eq!(m.issued.as_deref(), Some("2020-11-30"));
    assert_eq!(m.originating, vec!["A/75/L.20", "A/75/L.20/Add.1"]);
    assert_eq!(
        m.title.as_deref(),
        Some("التعاون بين الأمم المتحدة والمنظمة الدولية للشرطة الجنائية (الإنترپول)")
    );
    assert!(
        doc.title_line
            .as_deref()
            .unwrap_or("")
            .starts_with("10/75 - التعاون")
    );
    let closing = doc.closing.as_ref().expect("closing");
    assert_eq!(closing.meeting.as_deref(), Some("الجلسة العامة 30"));
    assert_eq!(closing.date.as_deref(), Some("2020-11-23"));
}

#[test]
fn seed_paragraph_13_has_five_subparagraphs_on_their_own_lines() {
    let doc = seed();
    let p = para(&doc, "para_13");
    assert_eq!(
        ids(&p.children),
        [
            "para_13_a",
            "para_13_b",
            "para_13_c",
            "para_13_d",
            "para_13_e"
        ]
    );
    let labels: Vec<&str> = p
        .children
        .iter()
        .filter_map(|c| c.label.as_deref())
        .collect();
    assert_eq!(labels, ["أ", "ب", "ج", "د", "هـ"]);
    assert!(p.text().ends_with("في الإنتربول:"));
    assert!(
        para(&doc, "para_13_a")
            .text()
            .starts_with("منظومة الإنتربول العالمية")
    );
    assert!(
        p.children
            .iter()
            .all(|c| c.kind == ParagraphKind::SubParagraph)
    );
}

#[test]
fn seed_paragraph_1_has_two_inline_subparagraphs() {
    let doc = seed();
    let p = para(&doc, "para_1");
    assert_eq!(ids(&p.children), ["para_1_a", "para_1_b"]);
    assert!(p.text().ends_with("على ما يلي:"), "{}", p.text());
    let a = para(&doc, "para_1_a");
    assert_eq!(a.label.as_deref(), Some("أ"));
    assert!(a.text().starts_with("منع ومكافحة الجريمة"));
    assert!(a.text().ends_with("حيثما ينطبق؛"));
    assert!(
        para(&doc, "para_1_b")
            .text()
            .starts_with("منع الإرهاب ومكافحته")
    );
}

#[test]
fn seed_footnotes_attach_to_the_paragraphs_their_markers_stand_in() {
    let doc = seed();
    let got: Vec<(String, String, Option<String>)> = doc
        .footnotes
        .iter()
        .map(|f| (f.id.clone(), f.marker.clone(), f.paragraph.clone()))
        .collect();
    let expected = [
        ("fn_1", "1", "preamble_2"),
        ("fn_2", "2", "preamble_10"),
        ("fn_3", "3", "preamble_10"),
        ("fn_4", "4", "preamble_14"),
        ("fn_5", "5", "preamble_16"),
        ("fn_6", "6", "preamble_17"),
        ("fn_7", "7", "para_9"),
    ];
    let expected: Vec<(String, String, Option<String>)> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), Some(c.to_string())))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(
        doc.footnote("fn_1").map(|f| f.text()).as_deref(),
        Some("United Nations, Treaty Series, vol. 1996, No. 1200")
    );
    let fn1 = doc.footnote("fn_1").expect("fn_1");
    assert!(
        fn1.runs
            .iter()
            .any(|r| r.kind == RunKind::Emphasis && r.text == "Treaty Series")
    );
    let markers: Vec<(&str, &str)> = para(&doc, "preamble_10")
        .runs
        .iter()
        .filter_map(|r| match &r.kind {
            RunKind::FootnoteMarker { footnote } => Some((footnote.as_str(), r.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(markers, [("fn_2", "2"), ("fn_3", "3")]);
}

#[test]
fn seed_paragraphs_split_by_page_breaks_and_footnotes_are_joined() {
    let doc = seed();
    assert!(
        para(&doc, "preamble_19")
            .text()
            .contains("بسبل منها تقديم المساعدة التقنية")
    );
    assert!(para(&doc, "para_2").text().contains("بهذا الشأن"));
    assert!(para(&doc, "para_13_b").text().contains("وفي إطار الاحترام"));
    assert!(
        para(&doc, "preamble_2")
            .text()
            .contains("والإنترپول وسائر اتفاقات")
    );
    for (_, p) in doc.paragraphs() {
        assert!(
            !p.text().contains("(4) القرار"),
            "{} holds a footnote body",
            p.id
        );
    }
}

#[test]
fn seed_texts_are_clean_prose() {
    let doc = seed();
    for (_, p) in doc.paragraphs() {
        let t = p.text();
        assert!(!t.contains('*'), "{}: {t}", p.id);
        assert!(
            !t.contains(['⁽', '⁾', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷']),
            "{}",
            p.id
        );
        assert!(!t.contains('\n') && !t.contains("  "), "{}", p.id);
        assert_eq!(t.trim(), t, "{}", p.id);
    }
    for f in &doc.footnotes {
        assert!(!f.text().contains('*'), "{}", f.id);
    }
}

#[test]
fn seed_leads_are_whole_phrases_as_written() {
    let doc = seed();
    let cases = [
        ("preamble_1", "إنه تشير"),
        ("preamble_2", "وإنه تشير أيضا"),
        ("preamble_4", "وإنّ تقرّر"),
        ("preamble_12", "وإنّ ترهب"),
        ("preamble_19", "وإنّ يساورها القلق"),
        ("preamble_21", "واقترعا منها"),
        ("para_1", "تدعو"),
        ("para_6", "تعيد تأكيد"),
        ("para_7", "تعيد أيضا تأكيد"),
        ("para_9", "تشجيع"),
    ];
    for (id, lead) in cases {
        let p = para(&doc, id);
        assert_eq!(p.lead.as_deref(), Some(lead), "{id}");
        let first = &p.runs[0];
        assert_eq!(first.kind, RunKind::Lead, "{id}");
        assert_eq!(first.text, lead, "{id}");
        assert!(p.text().starts_with(lead), "{id}");
    }
    assert!(doc.preamble.iter().all(|p| p.lead.is_some()));
    assert!(doc.operative.iter().all(|p| p.lead.is_some()));
}

#[test]
fn seed_misspelled_openers_get_diagnostics_naming_the_intended_opener() {
    let doc = seed();
    let messages: Vec<&str> = doc.diagnostics.iter().map(|d| d.message.as_str()).collect();
    let has = |s: &str| messages.iter().any(|m| m.contains(s));
    assert!(
        has("preamble_1: opener `إنه تشير` looks like a misspelling of `إذ تشير`"),
        "{messages:#?}"
    );
    assert!(has(
        "preamble_2: opener `وإنه تشير أيضا` looks like a misspelling of `وإذ تشير أيضا`"
    ));
    assert!(has(
        "preamble_12: opener `وإنّ ترهب` looks like a misspelling of `وإذ ترحب`"
    ));
    assert!(has(
        "preamble_21: opener `واقترعا منها` looks like a misspelling of `واقتناعا منها`"
    ));
}

#[test]
fn seed_runs_keep_their_source_ranges() {
    let doc = seed();
    for (_, p) in doc.paragraphs() {
        assert!(p.source.end <= doc.source_text.len());
        for r in &p.runs {
            let Some(src) = &r.source else { continue };
            let slice = &doc.source_text[src.clone()];
            match r.kind {
                RunKind::FootnoteMarker { .. } => assert!(
                    slice.contains(['⁽', '¹', '²', '³'])
                        || slice
                            .chars()
                            .any(|c| ('\u{2074}'..='\u{2079}').contains(&c))
                ),
                _ => assert_eq!(slice.replace('\n', " "), r.text, "{}", p.id),
            }
        }
    }
}

#[test]
fn seed_loads_from_disk_and_through_crlf_identically() {
    let from_disk = load_path(Path::new(qarar_testkit::SEED_PATH)).expect("seed loads");
    assert_eq!(from_disk.encoding, "UTF-8");
    assert_eq!(from_disk.operative.len(), 16);
    let crlf = SEED.replace('\n', "\r\n");
    let doc = load_bytes(crlf.as_bytes(), Path::new("crlf.txt")).expect("crlf loads");
    assert_eq!(ids(&doc.preamble), ids(&from_disk.preamble));
    assert_eq!(ids(&doc.operative), ids(&from_disk.operative));
    assert_eq!(doc.footnotes.len(), 7);
    assert_eq!(
        para(&doc, "para_2").text(),
        para(&from_disk, "para_2").text()
    );
}

/// A short Arabic resolution with plain `(N)` footnote markers (as in a windows-1256 file,
/// whose code page has no superscripts), Arabic-Indic numbers and second-level items.
const SMALL_AR: &str = "الجمعية العامة\n\nالدورة السادسة والسبعون\n\nالبند 12 من جدول الأعمال\n\n\
قرار اتخذته الجمعية العامة في 5 كانون الأول/ديسمبر 2021\n\n\
5/76 - قرار تجريبي عن الإنترپول\n\n\
إن الجمعية العامة،\n\n\
إذ تشير إلى المادة 2 (4) من الميثاق وإلى قرارها 1/51(1)، \n\n\
وإذ تلاحظ مع التقدير عمل المنظمة في هذا\n\n\
(1) انظر القرار 1/51.\n\n\
المجال،\n\n\
١ - **تدعو** الدول إلى ما يلي:\n\n\
(أ) التعاون؛\n\n\
(ب) تعزيز القدرات بما يلي:\n\n\
'1' التدريب؛\n\n\
'2' التمويل؛\n\n\
٢ - **تقرر** أن تبقي المسألة قيد نظرها.\n\n\
الجلسة العامة 50\n\n5 كانون الأول/ديسمبر 2021\n";

fn check_small_ar(doc: &Document) {
    assert_eq!(doc.meta.symbol.as_deref(), Some("A/RES/76/5"));
    assert_eq!(doc.meta.session, Some(76));
    assert_eq!(doc.meta.adopted.as_deref(), Some("2021-12-05"));
    assert_eq!(doc.preamble.len(), 2);
    assert_eq!(para(doc, "preamble_1").lead.as_deref(), Some("إذ تشير"));
    assert_eq!(
        para(doc, "preamble_2").lead.as_deref(),
        Some("وإذ تلاحظ مع التقدير")
    );
    assert!(para(doc, "preamble_2").text().ends_with("في هذا المجال،"));
    assert!(
        para(doc, "preamble_1")
            .text()
            .contains("المادة 2 (4) من الميثاق")
    );
    assert!(!para(doc, "preamble_1").text().contains("(1)"));
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].paragraph.as_deref(), Some("preamble_1"));
    assert_eq!(ids(&doc.operative), ["para_1", "para_2"]);
    assert_eq!(para(doc, "para_1").lead.as_deref(), Some("تدعو"));
    assert_eq!(ids(&para(doc, "para_1").children), ["para_1_a", "para_1_b"]);
    assert_eq!(
        ids(&para(doc, "para_1_b").children),
        ["para_1_b_i", "para_1_b_ii"]
    );
    assert_eq!(para(doc, "para_1_b_ii").label.as_deref(), Some("2"));
    assert_eq!(para(doc, "para_1_b_ii").text(), "التمويل؛");
    assert_eq!(
        doc.closing.as_ref().and_then(|c| c.date.as_deref()),
        Some("2021-12-05")
    );
}

#[test]
fn plain_paren_markers_arabic_indic_numbers_and_second_level_items() {
    check_small_ar(&parse(SMALL_AR));
}

#[test]
fn windows_1256_file_decodes_and_parses() {
    // windows-1256 has no Arabic-Indic digits; files in it number with ASCII digits.
    let text = SMALL_AR.replace('١', "1").replace('٢', "2");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&text);
    assert!(!unmappable);
    let doc = load_bytes(&bytes, Path::new("small-1256.txt")).expect("loads");
    assert_eq!(doc.encoding, "windows-1256");
    check_small_ar(&doc);
}

#[test]
fn utf16le_without_bom_decodes_and_parses() {
    let bytes: Vec<u8> = SMALL_AR.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let doc = load_bytes(&bytes, Path::new("small-utf16.txt")).expect("loads");
    assert_eq!(doc.encoding, "UTF-16LE");
    check_small_ar(&doc);
}

const ENGLISH: &str = "Distr.: General\n30 November 2020\n\nGeneral Assembly\n\nSeventy-fifth session\n\n\
Agenda item 130 (y)\n\nResolution adopted by the General Assembly on 23 November 2020\n\n\
[without reference to a Main Committee (A/75/L.20 and A/75/L.20/Add.1)]\n\n\
75/10. Cooperation between the United Nations and the International Criminal Police \
Organization (INTERPOL)\n\nThe General Assembly,\n\n\
*Recalling* its resolution 51/1 of 15 October 1996,\n\n\
*Recalling also* the Cooperation Agreement of 1997,¹\n\n\
Noting with appreciation the work of INTERPOL in\n\n\
¹ United Nations, *Treaty Series*, vol. 1996, No. 1200.\n\n\
this field,\n\n\
1. *Calls for* strengthened cooperation in:\n\n\
(a) preventing crime;\n\n\
(b) countering terrorism, including:\n\n\
(i) travel;\n\n\
(ii) financing;\n\n\
2. *Requests* the Secretary-General to report, in accordance with Article 2 (4) of the Charter.\n\n\
30th plenary meeting\n23 November 2020\n";

#[test]
fn english_resolution() {
    let doc = parse(ENGLISH);
    let m = &doc.meta;
    assert_eq!(m.language, Language::En);
    assert_eq!(m.direction, Direction::Ltr);
    assert_eq!(m.symbol.as_deref(), Some("A/RES/75/10"));
    assert_eq!(m.session, Some(75));
    assert_eq!(m.agenda_item.as_deref(), Some("130 (y)"));
    assert_eq!(m.adopted.as_deref(), Some("2020-11-23"));
    assert_eq!(m.issued.as_deref(), Some("2020-11-30"));
    assert_eq!(m.organ.as_deref(), Some("General Assembly"));
    assert_eq!(m.originating, vec!["A/75/L.20", "A/75/L.20/Add.1"]);
    assert_eq!(doc.preamble.len(), 3);
    assert_eq!(para(&doc, "preamble_1").lead.as_deref(), Some("Recalling"));
    assert_eq!(
        para(&doc, "preamble_2").lead.as_deref(),
        Some("Recalling also")
    );
    assert_eq!(
        para(&doc, "preamble_3").lead.as_deref(),
        Some("Noting with appreciation")
    );
    assert_eq!(
        para(&doc, "preamble_3").text(),
        "Noting with appreciation the work of INTERPOL in this field,"
    );
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].paragraph.as_deref(), Some("preamble_2"));
    assert_eq!(ids(&doc.operative), ["para_1", "para_2"]);
    assert_eq!(para(&doc, "para_1").lead.as_deref(), Some("Calls for"));
    assert_eq!(
        ids(&para(&doc, "para_1_b").children),
        ["para_1_b_i", "para_1_b_ii"]
    );
    assert!(para(&doc, "para_2").children.is_empty());
    assert_eq!(
        doc.closing.as_ref().and_then(|c| c.meeting.as_deref()),
        Some("30th plenary meeting")
    );
}

#[test]
fn french_russian_and_chinese_numbering() {
    let fr = "L’Assemblée générale,\n\nRappelant sa résolution 73/11,\n\n1. Demande ce qui suit :\n\na) premier point;\n\nb) second point;\n\n2. Décide de rester saisie.\n";
    let doc = parse(fr);
    assert_eq!(doc.meta.language, Language::Fr);
    assert_eq!(ids(&doc.operative), ["para_1", "para_2"]);
    assert_eq!(
        ids(&para(&doc, "para_1").children),
        ["para_1_a", "para_1_b"]
    );
    let ru = "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 73/11,\n\n1. призывает к следующему:\n\nа) первое;\n\nб) второе;\n\n2. постановляет продолжить.\n";
    let doc = parse(ru);
    assert_eq!(doc.meta.language, Language::Ru);
    assert_eq!(
        ids(&para(&doc, "para_1").children),
        ["para_1_a", "para_1_b"]
    );
    let zh = "大会，\n\n回顾其第73/11号决议，\n\n1. 呼吁加强以下合作：\n\n(a) 预防犯罪；\n\n(b) 打击恐怖主义；\n\n2. 决定继续处理此案。\n";
    let doc = parse(zh);
    assert_eq!(doc.meta.language, Language::Zh);
    assert_eq!(doc.preamble.len(), 1);
    assert_eq!(
        ids(&para(&doc, "para_1").children),
        ["para_1_a", "para_1_b"]
    );
}

#[test]
fn text_that_is_not_a_resolution_opens_as_plain_paragraphs() {
    let doc = parse("Shopping list\n\nEggs and milk.\nBread.\n\nCall the bank");
    assert!(!doc.is_resolution());
    assert_eq!(ids(&doc.body), ["p_1", "p_2", "p_3"]);
    assert!(doc.body.iter().all(|p| p.kind == ParagraphKind::Plain));
    assert_eq!(doc.body[1].text(), "Eggs and milk. Bread.");
    assert!(!doc.diagnostics.is_empty());
}
