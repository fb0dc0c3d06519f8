//! Issue 12 leftovers: resolutions re-wrapped as a PDF wraps them. Word variants of corpus
//! resolutions (made with ../shared/tools/text-variants, kept in tests/fixtures/variants)
//! hard-wrapped keep the paragraph starts of their Akoma Ntoso XML.

use qarar_document::model::Document;
use qarar_document::{akn, plain};
use std::path::Path;

use crate::plain_shape;
use plain_shape::wrapped;

fn fixture(name: &str) -> String {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/variants")
        .join(format!("{name}.word.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The XML parse of a corpus file, or None when the corpus is not there.
fn xml(name: &str) -> Option<Document> {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join(format!("../shared/corpus/akn/{name}.xml"));
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipping {name}: no corpus");
        return None;
    };
    Some(akn::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}")))
}

/// The first characters of each preambular paragraph.
fn starts(doc: &Document) -> Vec<String> {
    doc.preamble
        .iter()
        .map(|p| p.text().trim().chars().take(24).collect())
        .collect()
}

/// An Arabic clause that may open a paragraph or continue one after a comma (`وإذ تؤكد`,
/// `وإدراكا منها`): after a wrapped line that ends in a comma, only the page layout could
/// tell which, and it does not.
fn is_clause_opener(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let first = words.next().unwrap_or_default();
    first == "وإذ" || (first.starts_with('و') && words.next() == Some("منها"))
}

/// Arabic hard-wrapped at 60 to 100 columns loses no paragraph start and cuts no
/// paragraph mid-sentence. Before: a wrapped line ending in a comma that names the Security
/// Council (`… قرارات مجلس الأمن وبياناته الرئاسية،`, `وبيانات رئيس المجلس ذات الصلة،`)
/// was read as an enacting formula and cut a paragraph in two; an opener missing from the
/// list (`وإذ تعرب عن عميق أسفها`) at the start of a line after a comma ran its paragraph
/// into the one before.
#[test]
fn issue_12_arabic_rewrapped_keeps_every_paragraph_start_and_cuts_none_mid_sentence() {
    for name in ["75_125_A", "75_59_A"] {
        let Some(want) = xml(name) else { return };
        let want = starts(&want);
        let text = fixture(name);
        for width in [60, 70, 80, 100] {
            let got = starts(&plain::parse(&wrapped(&text, width)));
            for s in &want {
                assert!(
                    got.contains(s),
                    "{name} at {width}: lost the paragraph `{s}`"
                );
            }
            for s in got.iter().filter(|s| !want.contains(s)) {
                assert!(
                    is_clause_opener(s),
                    "{name} at {width}: a paragraph starts mid-sentence: `{s}`"
                );
            }
        }
    }
}

/// Chinese as a PDF wraps it: anywhere, without spaces.
fn wrapped_anywhere(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        for chunk in chars.chunks(width) {
            out.extend(chunk);
            out.push('\n');
        }
    }
    out
}

/// Chinese has no spaces: its openers (`回顾`, `又确认`, `注意到`) are found as the start
/// of a wrapped line, so a paragraph whose last line fills the page is not run into the
/// next one.
#[test]
fn issue_12_chinese_wrapped_anywhere_keeps_its_preambular_paragraphs() {
    let Some(want) = xml("75_10_C") else { return };
    let text = fixture("75_10_C");
    for width in [30, 40, 50, 70] {
        let got = plain::parse(&wrapped_anywhere(&text, width));
        assert_eq!(starts(&got), starts(&want), "wrapped at {width}");
        let leads = |d: &Document| -> Vec<Option<String>> {
            d.preamble.iter().map(|p| p.lead.clone()).collect()
        };
        assert_eq!(leads(&got), leads(&want), "leads, wrapped at {width}");
    }
}
