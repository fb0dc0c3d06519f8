//! Resolutions with parts and annexes as people get them in plain text: Word "save as text"
//! variants of corpus resolutions (made with ../shared/tools/text-variants, kept in
//! tests/fixtures/variants) and the same hard-wrapped at 80 columns give the ids of their
//! Akoma Ntoso XML: parts `A.para_1`, annexes `annex_1.para_14`, sub-paragraphs written
//! `a)` in French and Russian, the lone unnumbered operative paragraph `para_1`.

use qarar_document::model::{Document, Paragraph};
use qarar_document::{akn, plain};
use qarar_util::fold::fold_str;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

use crate::plain_shape;
use plain_shape::{all, shape, wrapped};

fn fixture(name: &str) -> String {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/variants")
        .join(format!("{name}.word.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn xml_path(name: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join(format!("../shared/corpus/akn/{name}.xml"))
}

/// The XML parse of a corpus file, or None when the corpus is not there.
fn xml(name: &str) -> Option<Document> {
    let Ok(text) = std::fs::read_to_string(xml_path(name)) else {
        eprintln!("skipping {name}: no corpus");
        return None;
    };
    Some(akn::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}")))
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Words of 3+ letters after NFKC and Arabic folding, Chinese as pairs of characters.
fn words(text: &str) -> HashMap<String, usize> {
    let folded = fold_str(&text.nfkc().collect::<String>());
    let mut out: HashMap<String, usize> = HashMap::new();
    for token in folded.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = token.chars().collect();
        let mut rest = String::new();
        for (i, c) in chars.iter().enumerate() {
            if is_han(*c) {
                if let Some(d) = chars.get(i + 1).filter(|d| is_han(**d)) {
                    *out.entry(format!("{c}{d}")).or_default() += 1;
                }
            } else {
                rest.push(*c);
            }
        }
        if rest.chars().count() >= 3 && !rest.chars().all(char::is_numeric) {
            *out.entry(rest).or_default() += 1;
        }
    }
    out
}

/// The text of every paragraph of the resolution (parts and annexes included) and of its
/// footnotes.
fn body_text(doc: &Document) -> String {
    fn add(ps: &[Paragraph], out: &mut String) {
        for p in ps {
            out.push_str(&p.text());
            out.push(' ');
            add(&p.children, out);
        }
    }
    let mut out = String::new();
    add(&doc.preamble, &mut out);
    add(&doc.operative, &mut out);
    for part in &doc.parts {
        add(&part.preamble, &mut out);
        add(&part.body, &mut out);
        add(&part.operative, &mut out);
    }
    for annex in &doc.annexes {
        out.push_str(&annex.heading_text());
        out.push(' ');
        add(&annex.paragraphs, &mut out);
    }
    for f in &doc.footnotes {
        out.push_str(&qarar_document::model::runs_text(&f.runs));
        out.push(' ');
    }
    out
}

/// Share of the XML's words (with multiplicity) found in the plain-text parse.
fn coverage(want: &Document, got: &Document) -> f64 {
    let source = words(&body_text(want));
    let shown = words(&body_text(got));
    let total: usize = source.values().sum();
    let found: usize = source
        .iter()
        .map(|(w, n)| shown.get(w).copied().unwrap_or(0).min(*n))
        .sum();
    found as f64 / total.max(1) as f64
}

#[test]
fn word_variants_give_the_ids_of_their_xml() {
    for name in ["76_7_A", "76_7_C", "75_10_F", "75_10_R", "75_1_A"] {
        let Some(want) = xml(name) else { return };
        let got = plain::parse(&fixture(name));
        assert_eq!(shape(&got), shape(&want), "{name}");
    }
}

#[test]
fn the_declaration_of_76_7_is_an_annex_in_plain_text_with_all_its_words() {
    for name in ["76_7_A", "76_7_C"] {
        let got = plain::parse(&fixture(name));
        assert_eq!(
            got.operative.len(),
            1,
            "{name}: the lone operative paragraph"
        );
        assert_eq!(got.operative[0].id, "para_1");
        assert_eq!(got.operative[0].number, None);
        assert_eq!(got.annexes.len(), 1, "{name}: one annex");
        let annex = &got.annexes[0];
        assert!(annex.title.is_some(), "{name}: the annex has its title");
        assert!(
            annex.paragraphs.iter().any(|p| p.id == "annex_1.para_14"),
            "{name}: annex paragraph 14"
        );
        let Some(want) = xml(name) else { return };
        assert_eq!(annex.title, want.annexes[0].title, "{name}: annex title");
        let share = coverage(&want, &got);
        assert!(share >= 0.995, "{name}: {share:.4} of the words kept");
    }
}

#[test]
fn the_parts_of_77_264_come_from_their_headings() {
    for name in ["77_264_A", "77_264_E"] {
        let got = plain::parse(&fixture(name));
        let letters: Vec<&str> = got.parts.iter().map(|p| p.letter.as_str()).collect();
        assert_eq!(letters, ["A", "B", "C"], "{name}");
        assert!(
            got.operative.is_empty() && got.preamble.is_empty(),
            "{name}"
        );
        let b = &got.parts[1];
        assert_eq!(
            all(&b.operative),
            ["B.para_1", "B.para_2", "B.para_3"],
            "{name}"
        );
        assert_eq!(
            b.body.len(),
            1,
            "{name}: 'Resolves that, for 2023:' is B.text_1"
        );
        assert_eq!(b.body[0].id, "B.text_1");
        assert!(
            b.enacting_formula.is_some(),
            "{name}: each part has its formula"
        );
        let Some(want) = xml(name) else { return };
        for (g, w) in got.parts.iter().zip(&want.parts) {
            assert_eq!(g.title, w.title, "{name}: title of part {}", g.letter);
            // The variant tool leaves tables and the text after them out.
            let numbered = |ps: &[Paragraph]| -> Vec<String> {
                all(ps)
                    .into_iter()
                    .filter(|id| !id.contains("_text_") && !id.contains("table"))
                    .collect()
            };
            if g.letter != "C" {
                assert_eq!(numbered(&g.operative), numbered(&w.operative), "{name}");
            }
        }
    }
}

#[test]
fn hard_wrapped_variants_keep_their_parts_and_annexes() {
    for name in ["76_7_A", "77_264_A", "77_264_E", "75_10_F", "75_10_R"] {
        let text = fixture(name);
        let base = shape(&plain::parse(&text));
        let got = shape(&plain::parse(&wrapped(&text, 80)));
        assert_eq!(got, base, "{name} wrapped at 80 columns");
    }
}

/// The text as from a PDF: wrapped at 90 columns, a running header (page counter, form
/// feed, symbol, title, print date and time) every 40 lines.
fn with_page_headers(text: &str) -> String {
    let body = wrapped(text.trim_start_matches('\u{feff}'), 90);
    let mut out = String::new();
    let mut page = 1;
    for (i, line) in body.lines().enumerate() {
        if i > 0 && i % 40 == 0 {
            page += 1;
            out.push_str(&format!(
                "\n{page}/9\n\u{c}A/RES/76/7\nPolitical declaration\n01/12/2026 10:{page:02}\n\n"
            ));
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[test]
fn pdf_shaped_variants_with_running_headers_keep_their_parts_and_annexes() {
    for name in ["76_7_A", "77_264_E", "77_264_A"] {
        let text = fixture(name);
        let base = plain::parse(&text);
        let got = plain::parse(&with_page_headers(&text));
        assert_eq!(shape(&got), shape(&base), "{name} as from a PDF");
        let annex_text: String = got
            .annexes
            .iter()
            .flat_map(|a| a.paragraphs.iter().map(Paragraph::text))
            .collect();
        assert!(
            !annex_text.contains("A/RES/76/7") && !annex_text.contains("10:0"),
            "{name}: no running header inside an annex paragraph"
        );
    }
}

/// As a PDF prints them: the part letter spelled out in Arabic on a line of its own, the
/// title on the next line.
#[test]
fn arabic_part_letters_on_their_own_lines_start_parts() {
    let text = fixture("77_264_A")
        .replace("\nA اعتمادات", "\nألف\nاعتمادات")
        .replace("\nB تقديرات", "\nباء\nتقديرات")
        .replace("\nC تمويل", "\nجيم\nتمويل");
    let doc = plain::parse(&text);
    let parts: Vec<(&str, &str)> = doc
        .parts
        .iter()
        .map(|p| (p.letter.as_str(), p.label.as_str()))
        .collect();
    assert_eq!(parts, [("A", "ألف"), ("B", "باء"), ("C", "جيم")]);
    assert_eq!(
        doc.parts[1].title.as_deref(),
        Some("تقديرات الإيرادات لعام 2023")
    );
    assert_eq!(
        all(&doc.parts[1].operative),
        ["B.para_1", "B.para_2", "B.para_3"]
    );
}

/// A resolution in sections (as 78/253): "I", "II" headings with their titles, each section
/// with its own preamble and paragraphs numbered from 1, gives parts I and II.
#[test]
fn sections_numbered_from_one_again_are_parts() {
    let text = "A/RES/78/999\nGeneral Assembly\n78/999. Special subjects\nThe General Assembly,\n\
I Enterprise resource planning project, Umoja\n\
Recalling section II of its resolution 60/283,\n\
Having considered the report of the Secretary-General,\n\
1. Takes note of the report of the Secretary-General;\n\
2. Endorses the conclusions of the Advisory Committee;\n\
II\nFinancial performance report on the programme budget for 2022\n\
Recalling its resolution 72/266 A,\n\
1. Takes note of the report;\n\
2. Decides to keep the matter under review;\n\
3. Requests a report at its next session.\n\
50th plenary meeting\n22 December 2023\n";
    let doc = plain::parse(text);
    let parts: Vec<(&str, Option<&str>)> = doc
        .parts
        .iter()
        .map(|p| (p.letter.as_str(), p.title.as_deref()))
        .collect();
    assert_eq!(
        parts,
        [
            ("I", Some("Enterprise resource planning project, Umoja")),
            (
                "II",
                Some("Financial performance report on the programme budget for 2022")
            )
        ]
    );
    assert_eq!(
        all(&doc.parts[0].preamble),
        ["I.preamble_1", "I.preamble_2"]
    );
    assert_eq!(all(&doc.parts[0].operative), ["I.para_1", "I.para_2"]);
    assert_eq!(
        all(&doc.parts[1].operative),
        ["II.para_1", "II.para_2", "II.para_3"]
    );
    assert!(doc.preamble.is_empty() && doc.operative.is_empty());
    assert!(doc.enacting_formula.is_some());
}

/// Tables as Word saves them (cells separated by tabs) and as pdftotext lays them out
/// (runs of spaces): rows of cells with the Akoma Ntoso reader's ids, `para_1_table_1`
/// under the paragraph they follow, `annex_1.table_1` in an annex.
#[test]
fn tables_in_plain_text_are_rows_of_cells() {
    let text = "The General Assembly,\n\
Recalling its resolution 76/245,\n\
1. Approves the appropriations for the following purposes:\n\
Section\tAmount (United States dollars)\n\
1\tOverall policymaking, direction and coordination\t86 769 400\n\
2\tGeneral Assembly and Economic and Social Council affairs\t59 345 200\n\
2. Decides to keep the matter under review.\n\
50th plenary meeting\n22 December 2023\n\
Annex\n\
Scale of assessments\n\
Member State      Rate (per cent)\n\
Afghanistan       0.006\n\
Albania           0.008\n";
    let doc = plain::parse(text);
    assert_eq!(all(&doc.operative), ["para_1", "para_1_table_1", "para_2"]);
    let table = doc.operative[0].children[0]
        .table
        .as_ref()
        .expect("the table's rows");
    assert_eq!(
        table.texts(),
        [
            vec!["Section", "Amount (United States dollars)"],
            vec![
                "1",
                "Overall policymaking, direction and coordination",
                "86 769 400"
            ],
            vec![
                "2",
                "General Assembly and Economic and Social Council affairs",
                "59 345 200"
            ],
        ]
    );
    assert!(
        doc.operative[0].text().ends_with("following purposes:"),
        "no row in the paragraph's text"
    );
    assert_eq!(doc.annexes.len(), 1);
    let annex = &doc.annexes[0];
    assert_eq!(all(&annex.paragraphs), ["annex_1.table_1"]);
    let rows = annex.paragraphs[0].table.as_ref().map(|t| t.texts());
    assert_eq!(
        rows,
        Some(vec![
            vec!["Member State".to_string(), "Rate (per cent)".to_string()],
            vec!["Afghanistan".to_string(), "0.006".to_string()],
            vec!["Albania".to_string(), "0.008".to_string()],
        ])
    );
}

/// A footnote block holding several footnotes one a line (`¹ …`, `(1) …`) gives one
/// footnote each, with its own text, in all six languages.
#[test]
fn footnote_blocks_split_one_footnote_a_line_in_every_language() {
    let cases = [
        (
            "The General Assembly,",
            "Recalling its resolution 74/1",
            "1. Decides to remain seized of the matter.",
            "Resolution 74/1.",
            "See A/75/100.",
        ),
        (
            "إن الجمعية العامة،",
            "إذ تشير إلى قرارها 74/1",
            "1 - تقرر أن تبقي المسألة قيد نظرها.",
            "القرار 74/1.",
            "انظر A/75/100.",
        ),
        (
            "L’Assemblée générale,",
            "Rappelant sa résolution 74/1",
            "1. Décide de rester saisie de la question.",
            "Résolution 74/1.",
            "Voir A/75/100.",
        ),
        (
            "La Asamblea General,",
            "Recordando su resolución 74/1",
            "1. Decide seguir ocupándose de la cuestión.",
            "Resolución 74/1.",
            "Véase A/75/100.",
        ),
        (
            "Генеральная Ассамблея,",
            "ссылаясь на свою резолюцию 74/1",
            "1. постановляет продолжать заниматься этим вопросом.",
            "Резолюция 74/1.",
            "См. A/75/100.",
        ),
        (
            "大会，",
            "回顾其第74/1号决议",
            "1. 决定继续处理此事项。",
            "第74/1号决议。",
            "见A/75/100。",
        ),
    ];
    for (formula, opener, para, first, second) in cases {
        for (m1, m2, b1, b2) in [("¹", "²", "¹ ", "² "), ("(1)", "(2)", "(1) ", "(2) ")] {
            let text = format!(
                "{formula}\n\n{opener},{m1}\n\n{opener} 75/2,{m2}\n\n{para}\n\n__________________\n{b1}{first}\n{b2}{second}\n"
            );
            let doc = plain::parse(&text);
            let notes: Vec<String> = doc
                .footnotes
                .iter()
                .map(|f| f.text().trim().to_string())
                .collect();
            assert_eq!(notes, [first, second], "{formula} {b1}");
            assert!(
                doc.footnotes.iter().all(|f| f.paragraph.is_some()),
                "{formula} {b1}: each footnote has its marker"
            );
        }
    }
}
