//! Cross-reference detection (issue 2, "References") on hand-built documents: the real
//! sentences of the seed (Arabic plain text, numbers in reading order) and English
//! sentences as in the Akoma Ntoso files (natural order).

use proptest::prelude::*;
use qarar_document::catalogue;
use qarar_document::refs::{METADATA_PARAGRAPH, classify_symbol, detect};
use qarar_document::{
    Document, Footnote, Language, Paragraph, ParagraphKind, Reference, ReferenceKind, Run, RunKind,
    SourceFormat, runs_text,
};

const SEED: &str = qarar_testkit::SEED_TEXT;

/// The preambular paragraph of the seed citing 51/1, 71/19 and 73/11.
const PREAMBLE_1: &str = "إنه تشير إلى قرارها 1/51 المؤرخ 15 تشرين الأول/أكتوبر 1996، الذي دعت فيه المنظمة الدولية للشرطة الجنائية (الإنترپول) إلى المشاركة بصفة مراقب في دوراتها وأعمالها، وإلى قرارها 19/71 المؤرخ 21 تشرين الثاني/نوفمبر 2016 و 11/73 المؤرخ 26 تشرين الثاني/نوفمبر 2018 عن التعاون بين الأمم المتحدة والإنترپول، وإذ تدعو إلى تعزيز التعاون بين الأمم المتحدة والإنترپول،";

/// The preambular paragraph of the seed citing 73/187, 74/247 and ECOSOC 2019/19, 2019/20.
const PREAMBLE_CYBER: &str = "وإنّ يساورها القلق إزاء الاتجاه المتنامي للجريمة السيبرانية وإساءة استعمال تكنولوجيا المعلومات والاتصالات في أشكال متعددة من الإجرام، وإذ تشير إلى قراراتها 187/73 المؤرخ 17 كانون الأول/ديسمبر 2018 و 247/74 المؤرخ 27 كانون الأول/ديسمبر 2019، وكذلك قراري المجلس الاقتصادي والاجتماعي 19/2019 و 20/2019، المؤرخين 23 تموز/يوليه 2019، وإذ تلاحظ ضرورة تعزيز التنسيق والتعاون بين الأمم المتحدة";

/// The seed's footnotes.
const FOOTNOTES: [&str; 7] = [
    "United Nations, *Treaty Series*, vol. 1996, No. 1200",
    "القرار 288/60.",
    "انظر القرار 284/72.",
    "القرار 1/70.",
    "القرار 1/72.",
    "انظر المقرر 519/60 و A/60/88 و A/60/88/Corr.2، المرفق.",
    "تقرير مؤتمر الأمم المتحدة المعني بالاتجار غير المشروع بالأسلحة الصغيرة والأسلحة الخفيفة من جميع جوانبه، نيويورك، 20-9 تموز/يوليه 2001 (A/CONF.192/15)، الفصل الرابع، الفقرة 24.",
];

/// Sentences of the seed that hold slash numbers, years and names but no reference.
const NO_REFERENCES: [&str; 4] = [
    "(أ) منظومة الإنتربول العالمية للاتصالات الشرطية المأمونة I-24/7، التي تمكن المستعملين المأذون لهم من تبادل المعلومات",
    "وإنّ تقرّر بما تسببه جائحة مرض فيروس كورونا (كوفيد-19) من أضرار غير مسبوقه في مجال الصحة العامة",
    "وإنّ تسلّم بإسهام التعاون بين الأمم المتحدة والإنتربول في تنفيذ خطة التنمية المستدامة لعام 2030، من خلال الأنشطة المشتركة",
    "قرار اتخذته الجمعية العامة في 23 تشرين الثاني/نوفمبر 2020",
];

/// A document of plain paragraphs and footnotes.
fn document(
    format: SourceFormat,
    language: Language,
    paragraphs: &[&str],
    footnotes: &[&str],
) -> Document {
    let mut doc = Document {
        format,
        ..Document::default()
    };
    doc.meta.language = language;
    for (i, text) in paragraphs.iter().enumerate() {
        let mut p = Paragraph::new(format!("preamble_{}", i + 1), ParagraphKind::Preamble);
        p.runs.push(Run::plain(*text));
        doc.preamble.push(p);
    }
    for (i, text) in footnotes.iter().enumerate() {
        doc.footnotes.push(Footnote {
            id: format!("fn_{}", i + 1),
            marker: (i + 1).to_string(),
            paragraph: None,
            runs: vec![Run::plain(*text)],
            source: 0..0,
        });
    }
    doc
}

/// An Arabic plain-text document.
fn arabic(paragraphs: &[&str], footnotes: &[&str]) -> Document {
    document(SourceFormat::PlainText, Language::Ar, paragraphs, footnotes)
}

/// An English Akoma Ntoso document.
fn english(paragraphs: &[&str]) -> Document {
    document(SourceFormat::AkomaNtoso, Language::En, paragraphs, &[])
}

/// Targets in order.
fn targets(doc: &Document) -> Vec<&str> {
    doc.references.iter().map(|r| r.target.as_str()).collect()
}

/// Surface texts in order.
fn surfaces(doc: &Document) -> Vec<&str> {
    doc.references.iter().map(|r| r.text.as_str()).collect()
}

/// Every paragraph's and footnote's text, for checking that detection keeps it.
fn all_texts(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = doc.paragraphs().iter().map(|(_, p)| p.text()).collect();
    out.extend(doc.footnotes.iter().map(|f| f.text()));
    out
}

/// Check that every reference run points to a reference whose surface is the run's text.
fn assert_runs_consistent(doc: &Document) {
    let runs = doc
        .paragraphs()
        .into_iter()
        .flat_map(|(_, p)| p.runs.iter())
        .chain(doc.footnotes.iter().flat_map(|f| f.runs.iter()));
    for run in runs {
        if let RunKind::Reference { reference } = run.kind {
            assert_eq!(doc.references[reference].text, run.text);
        }
    }
}

/// The seed cut at blank lines, footnote blocks `(n) …` as footnotes (a stand-in for the
/// plain-text parser).
fn seed_document() -> Document {
    let mut doc = arabic(&[], &[]);
    for (i, block) in SEED.split("\n\n").map(str::trim).enumerate() {
        if block.is_empty() {
            continue;
        }
        let footnote = block
            .strip_prefix('(')
            .and_then(|rest| rest.split_once(") "))
            .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()));
        if let Some((n, text)) = footnote {
            doc.footnotes.push(Footnote {
                id: format!("fn_{n}"),
                marker: n.to_string(),
                paragraph: None,
                runs: vec![Run::plain(text)],
                source: 0..0,
            });
        } else {
            let mut p = Paragraph::new(format!("p_{i}"), ParagraphKind::Plain);
            p.runs.push(Run::plain(block));
            doc.body.push(p);
        }
    }
    doc.meta.originating = vec!["A/75/L.20".into(), "A/75/L.20/Add.1".into()];
    doc
}

#[test]
fn seed_preamble_lists_carry_the_cue_and_numbers_read_right_to_left() {
    let mut doc = arabic(&[PREAMBLE_1], &[]);
    detect(&mut doc);
    assert_eq!(targets(&doc), ["A/RES/51/1", "A/RES/71/19", "A/RES/73/11"]);
    assert_eq!(surfaces(&doc), ["1/51", "19/71", "11/73"]);
    assert!(doc.references.iter().all(|r| r.paragraph == "preamble_1"));
    assert!(
        doc.references
            .iter()
            .all(|r| r.kind == ReferenceKind::Resolution)
    );
    assert_eq!(doc.preamble[0].text(), PREAMBLE_1);
    assert_runs_consistent(&doc);
}

#[test]
fn seed_ecosoc_resolutions_follow_a_plural_cue_with_an_organ() {
    let mut doc = arabic(&[PREAMBLE_CYBER], &[]);
    detect(&mut doc);
    assert_eq!(
        targets(&doc),
        [
            "A/RES/73/187",
            "A/RES/74/247",
            "E/RES/2019/19",
            "E/RES/2019/20"
        ]
    );
    assert_eq!(surfaces(&doc), ["187/73", "247/74", "19/2019", "20/2019"]);
}

#[test]
fn seed_footnotes_resolve_resolutions_decisions_documents_and_the_treaty() {
    let mut doc = arabic(&[], &FOOTNOTES);
    detect(&mut doc);
    let found: Vec<(&str, &str, ReferenceKind)> = doc
        .references
        .iter()
        .map(|r| (r.paragraph.as_str(), r.target.as_str(), r.kind))
        .collect();
    use ReferenceKind::*;
    assert_eq!(
        found,
        [
            ("fn_1", "UNTS vol. 1996, No. 1200", Treaty),
            ("fn_2", "A/RES/60/288", Resolution),
            ("fn_3", "A/RES/72/284", Resolution),
            ("fn_4", "A/RES/70/1", Resolution),
            ("fn_5", "A/RES/72/1", Resolution),
            ("fn_6", "A/DEC/60/519", Decision),
            ("fn_6", "A/60/88", Document),
            ("fn_6", "A/60/88/Corr.2", Document),
            ("fn_7", "A/CONF.192/15", Document),
        ]
    );
    assert_eq!(doc.references[1].text, "288/60");
    assert_eq!(doc.references[5].text, "519/60");
    // Text is unchanged and the surface of the treaty is the whole citation.
    assert_eq!(
        doc.references[0].text,
        "United Nations, *Treaty Series*, vol. 1996, No. 1200"
    );
    for (f, original) in doc.footnotes.iter().zip(FOOTNOTES) {
        assert_eq!(f.text(), original);
    }
    assert_runs_consistent(&doc);
}

#[test]
fn interpol_network_covid_and_years_are_not_references() {
    let mut doc = arabic(&NO_REFERENCES, &[]);
    detect(&mut doc);
    assert!(doc.references.is_empty(), "{:?}", doc.references);
}

#[test]
fn the_seed_yields_every_expected_reference_and_nothing_else() {
    let mut doc = seed_document();
    let before = all_texts(&doc);
    detect(&mut doc);
    assert_eq!(all_texts(&doc), before);
    let mut found: Vec<&str> = targets(&doc);
    found.sort_unstable();
    found.dedup();
    let mut expected = vec![
        "A/RES/51/1",
        "A/RES/71/19",
        "A/RES/73/11",
        "A/RES/60/288",
        "A/RES/72/284",
        "A/RES/70/1",
        "A/RES/72/1",
        "A/DEC/60/519",
        "A/60/88",
        "A/60/88/Corr.2",
        "A/RES/73/187",
        "A/RES/74/247",
        "E/RES/2019/19",
        "E/RES/2019/20",
        "A/CONF.192/15",
        "A/75/L.20",
        "A/75/L.20/Add.1",
        "UNTS vol. 1996, No. 1200",
    ];
    expected.sort_unstable();
    assert_eq!(found, expected);
    assert_runs_consistent(&doc);
}

#[test]
fn every_seed_reference_is_in_the_catalogue() {
    let mut doc = seed_document();
    detect(&mut doc);
    for r in &doc.references {
        let entry = catalogue::lookup(&r.target);
        assert!(entry.is_some(), "{} is not in the catalogue", r.target);
        assert_eq!(entry.map(|e| e.kind), Some(r.kind), "{}", r.target);
    }
}

#[test]
fn catalogue_symbols_are_canonical() {
    for e in catalogue::ENTRIES {
        if e.kind == ReferenceKind::Treaty {
            continue;
        }
        assert_eq!(
            classify_symbol(e.symbol),
            Some((e.kind, e.symbol.to_string()))
        );
        assert!(e.date.is_empty() || e.date.len() == 10, "{}", e.symbol);
    }
    let strategy = catalogue::lookup("a/res/60/288").unwrap();
    assert_eq!(strategy.date, "2006-09-08");
    assert_eq!(
        strategy.title(Language::Ar),
        "استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب"
    );
    assert_eq!(
        catalogue::url("A/RES/60/288", Language::Ar),
        "https://undocs.org/ar/A/RES/60/288"
    );
}

#[test]
fn originating_documents_come_from_the_metadata_once() {
    let mut doc = arabic(&[], &[]);
    doc.meta.originating = vec!["A/75/L.20".into(), "A/75/L.20/Add.1".into()];
    detect(&mut doc);
    detect(&mut doc);
    assert_eq!(targets(&doc), ["A/75/L.20", "A/75/L.20/Add.1"]);
    assert!(
        doc.references
            .iter()
            .all(|r| r.paragraph == METADATA_PARAGRAPH)
    );
    assert!(
        doc.references
            .iter()
            .all(|r| r.kind == ReferenceKind::Document)
    );
}

#[test]
fn english_sentences_read_numbers_in_natural_order() {
    let mut doc = english(&[
        "Recalling its resolution 51/1 of 15 October 1996, in which it invited the International Criminal Police Organization (INTERPOL) to participate as an observer in its sessions and work, and its resolutions 71/19 of 21 November 2016 and 73/11 of 26 November 2018 concerning the cooperation",
        "recalling its resolutions 73/187 of 17 December 2018 and 74/247 of 27 December 2019, as well as Economic and Social Council resolutions 2019/19 and 2019/20 of 23 July 2019, and noting",
        "See decision 60/519 and A/60/88 and A/60/88/Corr.2, annex.",
        "Resolution 60/288.",
    ]);
    detect(&mut doc);
    assert_eq!(
        targets(&doc),
        [
            "A/RES/51/1",
            "A/RES/71/19",
            "A/RES/73/11",
            "A/RES/73/187",
            "A/RES/74/247",
            "E/RES/2019/19",
            "E/RES/2019/20",
            "A/DEC/60/519",
            "A/60/88",
            "A/60/88/Corr.2",
            "A/RES/60/288",
        ]
    );
    assert_eq!(doc.references[0].text, "51/1");
}

#[test]
fn security_council_resolutions_in_both_languages() {
    let mut doc = english(&[
        "Recalling Security Council resolutions 2250 (2015) and 2419 (2018), and S/RES/2535(2020),",
    ]);
    detect(&mut doc);
    assert_eq!(
        targets(&doc),
        [
            "S/RES/2250 (2015)",
            "S/RES/2419 (2018)",
            "S/RES/2535 (2020)"
        ]
    );
    assert_eq!(doc.references[0].text, "2250 (2015)");

    let mut doc = arabic(&["وإذ تشير إلى قرار مجلس الأمن 2250 (2015)،"], &[]);
    detect(&mut doc);
    assert_eq!(targets(&doc), ["S/RES/2250 (2015)"]);
}

#[test]
fn arabic_decisions_and_organs() {
    let mut doc = arabic(
        &[
            "وإذ تشير إلى المقرر 519/60،",
            "وإذ تشير إلى قرار الجمعية العامة 288/60،",
            "وإذ تشير إلى قرار مجلس حقوق الإنسان 12/43،",
            "وبالقرار ١/٥١ وللقرار 2/51",
        ],
        &[],
    );
    detect(&mut doc);
    assert_eq!(
        targets(&doc),
        [
            "A/DEC/60/519",
            "A/RES/60/288",
            "A/HRC/RES/43/12",
            "A/RES/51/1",
            "A/RES/51/2"
        ]
    );
    assert_eq!(doc.references[3].text, "١/٥١");
}

#[test]
fn arabic_plain_text_in_latin_order_falls_back_when_reading_order_is_impossible() {
    // 60/288 read right to left would be session 288: not a General Assembly session.
    let mut doc = arabic(&["القرار 60/288،"], &[]);
    detect(&mut doc);
    assert_eq!(targets(&doc), ["A/RES/60/288"]);
}

#[test]
fn early_general_assembly_resolutions_with_roman_sessions() {
    let mut doc = english(&["Recalling General Assembly resolution 2625 (XXV),"]);
    detect(&mut doc);
    assert_eq!(targets(&doc), ["A/RES/2625(XXV)"]);
    let mut doc = arabic(&["وإذ تشير إلى القرار 2625 (د-25)،"], &[]);
    detect(&mut doc);
    assert_eq!(targets(&doc), ["A/RES/2625(XXV)"]);
}

#[test]
fn document_symbols_are_normalised() {
    let mut doc = english(&[
        "Having considered A/75/L.20/Add.1, S/2020/123, E/CN.15/2019/L.1 and A/60/88/Rev.1.",
    ]);
    detect(&mut doc);
    assert_eq!(
        targets(&doc),
        [
            "A/75/L.20/Add.1",
            "S/2020/123",
            "E/CN.15/2019/L.1",
            "A/60/88/Rev.1"
        ]
    );
    assert!(
        doc.references
            .iter()
            .all(|r| r.kind == ReferenceKind::Document)
    );
}

#[test]
fn internal_references_point_to_paragraph_ids() {
    let mut doc = english(&[
        "Requests the Secretary-General to report on paragraph 1 above and on paragraphs 3 and 4 below, and on paragraph 13 (b) of the present resolution;",
        "as set out in paragraph 24 of the report,",
    ]);
    detect(&mut doc);
    assert_eq!(targets(&doc), ["para_1", "para_3", "para_4", "para_13_b"]);
    assert_eq!(surfaces(&doc), ["1", "3", "4", "13 (b)"]);
    assert!(
        doc.references
            .iter()
            .all(|r| r.kind == ReferenceKind::Paragraph)
    );

    let mut doc = arabic(
        &["على النحو المبين في الفقرة 2 أعلاه والفقرتين 3 و 4 أدناه وفي الفقرة 13 (ب) أعلاه؛"],
        &[],
    );
    detect(&mut doc);
    assert_eq!(targets(&doc), ["para_2", "para_3", "para_4", "para_13_b"]);
}

#[test]
fn treaty_citation_across_an_emphasis_run_keeps_the_volume_and_number() {
    let mut doc = english(&[]);
    let mut p = Paragraph::new("fn_body", ParagraphKind::Plain);
    p.runs = vec![
        Run::plain("United Nations, "),
        Run::new(RunKind::Emphasis, "Treaty Series", None),
        Run::plain(", vol. 1996, No. 1200."),
    ];
    doc.body.push(p);
    detect(&mut doc);
    assert_eq!(targets(&doc), ["UNTS vol. 1996, No. 1200"]);
    assert_eq!(surfaces(&doc), ["vol. 1996, No. 1200"]);
    assert_eq!(
        doc.body[0].text(),
        "United Nations, Treaty Series, vol. 1996, No. 1200."
    );
    assert_eq!(doc.body[0].runs[1].kind, RunKind::Emphasis);
}

#[test]
fn arabic_treaty_citation() {
    let mut doc = arabic(
        &["الأمم المتحدة، مجموعة المعاهدات، المجلد 1996، الرقم 1200."],
        &[],
    );
    detect(&mut doc);
    assert_eq!(targets(&doc), ["UNTS vol. 1996, No. 1200"]);
}

#[test]
fn splitting_keeps_source_ranges_consistent() {
    let text = "وإذ تشير إلى قرارها 1/51 المؤرخ 15 تشرين الأول/أكتوبر 1996،";
    let mut doc = arabic(&[], &[]);
    let mut p = Paragraph::new("preamble_1", ParagraphKind::Preamble);
    p.runs = vec![Run::new(
        RunKind::Plain,
        text,
        Some(1000..1000 + text.len()),
    )];
    doc.preamble.push(p);
    detect(&mut doc);
    let runs = &doc.preamble[0].runs;
    assert_eq!(runs.len(), 3);
    let mut at = 1000;
    for run in runs {
        let source = run.source.clone().expect("exact source kept");
        assert_eq!(source.start, at);
        assert_eq!(source.len(), run.text.len());
        assert_eq!(&text[source.start - 1000..source.end - 1000], run.text);
        at = source.end;
    }
    assert_eq!(runs[1].kind, RunKind::Reference { reference: 0 });
    assert_eq!(runs[1].text, "1/51");
}

#[test]
fn inexact_source_ranges_become_none() {
    let mut doc = arabic(&[], &[]);
    let mut p = Paragraph::new("preamble_1", ParagraphKind::Preamble);
    p.runs = vec![Run::new(RunKind::Plain, "القرار 288/60", Some(0..5))];
    doc.preamble.push(p);
    detect(&mut doc);
    assert!(doc.preamble[0].runs.iter().all(|r| r.source.is_none()));
}

#[test]
fn existing_references_are_kept_and_not_detected_again() {
    // As the Akoma Ntoso parser leaves it: the first number is already a link.
    let mut doc = document(SourceFormat::AkomaNtoso, Language::Ar, &[], &[]);
    doc.references.push(Reference {
        kind: ReferenceKind::Resolution,
        target: "E/RES/2019/19".into(),
        text: "2019/19".into(),
        paragraph: "preamble_1".into(),
    });
    let mut p = Paragraph::new("preamble_1", ParagraphKind::Preamble);
    p.runs = vec![
        Run::plain("وكذلك قراري المجلس الاقتصادي والاجتماعي "),
        Run::new(RunKind::Reference { reference: 0 }, "2019/19", None),
        Run::plain(" و 2019/20، المؤرخين 23 تموز/يوليه 2019"),
    ];
    doc.preamble.push(p);
    detect(&mut doc);
    assert_eq!(targets(&doc), ["E/RES/2019/19", "E/RES/2019/20"]);
    assert_eq!(
        doc.preamble[0].runs[1].kind,
        RunKind::Reference { reference: 0 }
    );
    let again = doc.clone();
    detect(&mut doc);
    assert_eq!(doc, again);
}

#[test]
fn footnote_markers_do_not_glue_to_numbers() {
    let mut doc = arabic(&[], &[]);
    let mut p = Paragraph::new("preamble_1", ParagraphKind::Preamble);
    p.runs = vec![
        Run::plain("وإذ تشير إلى القرار 288/60"),
        Run::new(
            RunKind::FootnoteMarker {
                footnote: "fn_2".into(),
            },
            "2",
            None,
        ),
        Run::plain("، وإلى القرار 1/70"),
    ];
    doc.preamble.push(p);
    detect(&mut doc);
    assert_eq!(targets(&doc), ["A/RES/60/288", "A/RES/70/1"]);
}

#[test]
fn sub_paragraphs_are_walked() {
    let mut doc = arabic(&[], &[]);
    let mut p = Paragraph::new("para_1", ParagraphKind::Operative);
    let mut child = Paragraph::new("para_1_a", ParagraphKind::SubParagraph);
    child.runs.push(Run::plain("وفقا للقرار 288/60؛"));
    p.children.push(child);
    doc.operative.push(p);
    detect(&mut doc);
    assert_eq!(targets(&doc), ["A/RES/60/288"]);
    assert_eq!(doc.references[0].paragraph, "para_1_a");
}

#[test]
fn classify_symbol_normalises_and_classifies() {
    use ReferenceKind::*;
    let c = |s| classify_symbol(s);
    assert_eq!(c("A/RES/60/288"), Some((Resolution, "A/RES/60/288".into())));
    assert_eq!(
        c(" a/60/88/corr.2 "),
        Some((Document, "A/60/88/Corr.2".into()))
    );
    assert_eq!(c("A/DEC/60/519"), Some((Decision, "A/DEC/60/519".into())));
    assert_eq!(
        c("S/RES/2250(2015)"),
        Some((Resolution, "S/RES/2250 (2015)".into()))
    );
    assert_eq!(
        c("https://undocs.org/ar/E/RES/2019/19"),
        Some((Resolution, "E/RES/2019/19".into()))
    );
    assert_eq!(c("A/CONF.192/15"), Some((Document, "A/CONF.192/15".into())));
    assert_eq!(c("  "), None);
}

#[test]
fn a_twenty_megabyte_paragraph_is_scanned_quickly() {
    let mut text = String::new();
    while text.len() < 20 * 1024 * 1024 {
        text.push_str(PREAMBLE_1);
        text.push(' ');
    }
    let copies = text.matches(PREAMBLE_1).count();
    let mut doc = arabic(&[&text], &[]);
    let start = std::time::Instant::now();
    detect(&mut doc);
    let elapsed = start.elapsed();
    assert!(elapsed.as_secs() < 20, "took {elapsed:?}");
    // Three references per copy; a list cut by a 64 KiB chunk boundary may lose some.
    let chunks = text.len() / (64 * 1024) + 1;
    assert!(doc.references.len() + 3 * chunks >= 3 * copies);
    assert_eq!(doc.preamble[0].text().len(), text.len());

    let long_line = "1/2,".repeat(5 * 1024 * 1024);
    let mut doc = arabic(&[&long_line], &[]);
    detect(&mut doc);
    assert!(doc.references.is_empty());
}

#[test]
fn decisions_and_resolutions_of_other_bodies_are_not_taken_for_the_assembly() {
    // Akoma Ntoso Arabic (natural order): a decision of a Conference of the Parties and a
    // resolution of the Environment Assembly (2nd session).
    let mut doc = document(
        SourceFormat::AkomaNtoso,
        Language::Ar,
        &[
            "انظر A/51/312، المرفق الثاني، المقرر 2/10.",
            "في الفقرة 6 من قرارها 2/10 المؤرخ 27 أيار/مايو 2016",
        ],
        &[],
    );
    detect(&mut doc);
    assert_eq!(targets(&doc), ["A/51/312"]);
    let mut doc =
        english(&["See decision 9/16 of the Conference of the Parties and decision 74/543."]);
    detect(&mut doc);
    assert_eq!(targets(&doc), ["A/DEC/74/543"]);
}

#[test]
fn only_symbols_are_taken_from_originating_documents() {
    let mut doc = arabic(&[], &[]);
    doc.meta.originating = vec!["A/75/478/Add.2، الفقرة 89".into(), "para. 89".into()];
    detect(&mut doc);
    assert_eq!(targets(&doc), ["A/75/478/Add.2"]);
    assert_eq!(surfaces(&doc), ["A/75/478/Add.2"]);
}

#[test]
fn french_spanish_and_russian_sentences_of_the_corpus() {
    let sentences = [
        "Rappelant sa résolution 51/1 du 15 octobre 1996, dans laquelle elle a invité l’Organisation, et ses résolutions 71/19 du 21 novembre 2016 et 73/11 du 26 novembre 2018 concernant la coopération",
        "Recordando su resolución 51/1 , de 15 de octubre de 1996, en que invitó, y sus resoluciones 71/19 , de 21 de noviembre de 2016, y 73/11 , de 26 noviembre de 2018, relativas a la",
        "ссылаясь на свою резолюцию 51/1 от 15 октября 1996 года, в которой она постановила, и свои резолюции 71/19 от 21 ноября 2016 года и 73/11 от 26 ноября 2018 года, касающиеся",
    ];
    for sentence in sentences {
        let mut doc = english(&[sentence]);
        detect(&mut doc);
        assert_eq!(
            targets(&doc),
            ["A/RES/51/1", "A/RES/71/19", "A/RES/73/11"],
            "{sentence}"
        );
    }
    let mut doc = english(&[
        "así como las resoluciones del Consejo Económico y Social 2019/19 y 2019/20, de 23 de julio de 2019",
        "Voir décision 60/519 et A/60/88, A/60/88/Corr.1 et A/60/88/Corr.2, annexe.",
        "а также резолюции Экономического и Социального Совета 2019/19 и 2019/20 от 23 июля 2019 года",
    ]);
    detect(&mut doc);
    assert_eq!(
        targets(&doc),
        [
            "E/RES/2019/19",
            "E/RES/2019/20",
            "A/DEC/60/519",
            "A/60/88",
            "A/60/88/Corr.1",
            "A/60/88/Corr.2",
            "E/RES/2019/19",
            "E/RES/2019/20",
        ]
    );
}

#[test]
fn treaty_citations_in_their_variants() {
    let mut doc = english(&[
        "United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.",
        "United Nations, Treaty Series, vol. 75, Nos. 970–973.",
        "Naciones Unidas, Treaty Series, vol. 1996, núm. 1200.",
        "Nations Unies, Recueil des Traités, vol.\u{a0}1996, no\u{a0}1200.",
        "United Nations, Treaty Series, vol. 1577, p. 3.",
        "United Nations, Treaty Series, vol. 1996, № 1200.",
    ]);
    detect(&mut doc);
    assert_eq!(
        targets(&doc),
        [
            "UNTS vol. 2225, No. 39574",
            "UNTS vol. 75, Nos. 970–973",
            "UNTS vol. 1996, No. 1200",
            "UNTS vol. 1996, No. 1200",
            "UNTS vol. 1577, p. 3",
            "UNTS vol. 1996, No. 1200",
        ]
    );
    assert_eq!(
        doc.references[0].text,
        "United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574"
    );
}

#[test]
fn early_assembly_symbols_keep_their_session_attached() {
    assert_eq!(
        classify_symbol("A/RES/217 (III)"),
        Some((ReferenceKind::Resolution, "A/RES/217(III)".into()))
    );
    assert_eq!(
        classify_symbol("A/RES/2200(XXI)"),
        Some((ReferenceKind::Resolution, "A/RES/2200(XXI)".into()))
    );
}

/// Arbitrary text, with pieces that look like references mixed in.
fn texty() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("القرار ".to_string()),
        Just("قراري المجلس الاقتصادي والاجتماعي ".to_string()),
        Just("288/60".to_string()),
        Just(" و ".to_string()),
        Just("، ".to_string()),
        Just("I-24/7".to_string()),
        Just("A/60/88/Corr.2".to_string()),
        Just("S/RES/2250 (".to_string()),
        Just("Treaty Series, vol. ".to_string()),
        Just("الفقرة 2 (ب) ".to_string()),
        Just("أعلاه".to_string()),
        Just("(د-".to_string()),
        "[0-9/() .,-]{0,6}",
        "\\PC{0,6}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(pieces, 0..16).prop_map(|v| v.concat())
}

/// A document whose one paragraph holds `pieces` as runs of mixed kinds.
fn runs_document(pieces: &[(String, u8)], reversed: bool) -> Document {
    let mut doc = if reversed {
        arabic(&[], &[])
    } else {
        english(&[])
    };
    let mut p = Paragraph::new("preamble_1", ParagraphKind::Preamble);
    let mut at = 0;
    for (text, kind) in pieces {
        let kind = match kind % 4 {
            0 | 1 => RunKind::Plain,
            2 => RunKind::Emphasis,
            _ => RunKind::Lead,
        };
        p.runs
            .push(Run::new(kind, text.clone(), Some(at..at + text.len())));
        at += text.len();
    }
    doc.preamble.push(p);
    doc
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn detection_never_changes_the_text(
        pieces in proptest::collection::vec((texty(), any::<u8>()), 0..6),
        reversed in any::<bool>(),
    ) {
        let mut doc = runs_document(&pieces, reversed);
        let before = runs_text(&doc.preamble[0].runs);
        detect(&mut doc);
        prop_assert_eq!(runs_text(&doc.preamble[0].runs), before);
        for run in &doc.preamble[0].runs {
            if let Some(source) = &run.source {
                prop_assert_eq!(source.len(), run.text.len());
            }
            if let RunKind::Reference { reference } = run.kind {
                prop_assert!(!run.text.is_empty());
                prop_assert_eq!(&doc.references[reference].text, &run.text);
            }
        }
    }

    #[test]
    fn detection_never_panics_on_arbitrary_strings(s in any::<String>(), reversed in any::<bool>()) {
        let mut doc = runs_document(&[(s.clone(), 0)], reversed);
        detect(&mut doc);
        prop_assert_eq!(doc.preamble[0].text(), s);
    }

    #[test]
    fn latin_resolution_symbols_are_found_as_written(
        before in texty(),
        after in texty(),
        session in 1u32..200,
        number in 1u32..2000,
        reversed in any::<bool>(),
    ) {
        let symbol = format!("A/RES/{session}/{number}");
        let text = format!("{before} {symbol} {after}");
        let mut doc = runs_document(&[(text, 0)], reversed);
        detect(&mut doc);
        let found = doc.references.iter().find(|r| r.text == symbol);
        prop_assert!(found.is_some(), "{:?}", doc.references);
        prop_assert_eq!(&found.unwrap().target, &symbol);
        prop_assert_eq!(found.unwrap().kind, ReferenceKind::Resolution);
    }

    #[test]
    fn cued_arabic_numbers_are_read_right_to_left(session in 31u32..100, number in 1u32..400) {
        let text = format!("وإذ تشير إلى قرارها {number}/{session}،");
        let mut doc = arabic(&[&text], &[]);
        detect(&mut doc);
        prop_assert_eq!(targets(&doc), [format!("A/RES/{session}/{number}")]);
    }
}
