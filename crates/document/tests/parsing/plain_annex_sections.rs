//! Section headings inside an annex ("I. Introduction", "الفرع الأول") read from plain text
//! as the Akoma Ntoso reader reads them: headings `annex_1.sec_K`, numbered paragraphs
//! under them (`annex_1.sec_2.para_1` when the numbering starts again), unnumbered text
//! `annex_1.p_K`. Held-out-style documents written for the test (tests/fixtures/
//! annex_sections): the same resolution as Akoma Ntoso XML and as Word's "save as text".

use qarar_document::model::{Document, Paragraph, ParagraphKind};
use qarar_document::{akn, plain};
use std::path::Path;

use crate::plain_shape;
use plain_shape::{shape, wrapped};

fn fixture(file: &str) -> String {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/annex_sections")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every annex paragraph (children too) as (id, kind, text).
fn annex_outline(doc: &Document) -> Vec<(String, ParagraphKind, String)> {
    fn add(ps: &[Paragraph], out: &mut Vec<(String, ParagraphKind, String)>) {
        for p in ps {
            out.push((p.id.clone(), p.kind, p.text().trim().to_string()));
            add(&p.children, out);
        }
    }
    let mut out = Vec::new();
    for a in &doc.annexes {
        add(&a.paragraphs, &mut out);
    }
    out
}

fn xml(lang: &str) -> Document {
    akn::parse(&fixture(&format!("programme_{lang}.xml")))
        .unwrap_or_else(|e| panic!("programme_{lang}.xml: {e}"))
}

fn word(lang: &str) -> String {
    fixture(&format!("programme_{lang}.word.txt"))
}

#[test]
fn annex_section_headings_in_word_text_get_the_ids_of_the_xml() {
    for lang in ["E", "A"] {
        let want = xml(lang);
        let got = plain::parse(&word(lang));
        assert_eq!(shape(&got), shape(&want), "{lang}");
        // Same ids, kinds and texts: the headings are headings, with their text.
        assert_eq!(annex_outline(&got), annex_outline(&want), "{lang}");
        let headings: Vec<String> = annex_outline(&got)
            .into_iter()
            .filter(|(_, kind, _)| *kind == ParagraphKind::Heading)
            .map(|(id, _, text)| format!("{id} {text}"))
            .collect();
        let expected = if lang == "E" {
            [
                "annex_1.sec_1 I. Introduction",
                "annex_1.sec_2 II. Implementation",
            ]
        } else {
            ["annex_1.sec_1 الفرع الأول", "annex_1.sec_2 الفرع الثاني"]
        };
        assert_eq!(headings, expected, "{lang}");
    }
}

#[test]
fn numbering_that_starts_again_under_a_heading_is_kept_apart() {
    let got = plain::parse(&word("A"));
    let ids: Vec<String> = annex_outline(&got).into_iter().map(|(id, ..)| id).collect();
    assert!(
        ids.contains(&"annex_1.sec_2.para_1".to_string())
            && ids.contains(&"annex_1.sec_2.para_2".to_string()),
        "{ids:?}"
    );
    // The sub-paragraphs stay under paragraph 2 of the first section.
    assert!(ids.contains(&"annex_1.para_2_c".to_string()), "{ids:?}");
}

#[test]
fn annex_section_headings_survive_wrapping_and_blank_lines() {
    for lang in ["E", "A"] {
        let want = shape(&xml(lang));
        let text = word(lang);
        let gapped = text.replace("\r\n", "\r\n\r\n");
        assert_eq!(
            shape(&plain::parse(&gapped)),
            want,
            "{lang} with blank lines"
        );
        for width in [60, 80] {
            let got = shape(&plain::parse(&wrapped(&text, width)));
            assert_eq!(got, want, "{lang} wrapped at {width} columns");
        }
    }
}
