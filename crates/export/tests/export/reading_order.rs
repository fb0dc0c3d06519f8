//! Text a resolution holds before its first numbered operative paragraph (`Adopts the
//! following declaration:`, a heading over the paragraphs) is written there by every export,
//! not after the last paragraph: read back, the PDF and Word files give the XML's operative
//! paragraphs and nothing after them.

use qarar_export::{Format, render};
use std::path::Path;

fn operative_ids(doc: &qarar_document::Document) -> Vec<String> {
    doc.operative.iter().map(|p| p.id.clone()).collect()
}

#[test]
fn text_before_the_numbered_paragraphs_stays_before_them_in_every_export() {
    let Some(doc) = qarar_testkit::akn_document("75_1_E.xml") else {
        return;
    };
    let intro = "following declaration";
    let first = "Heads of State and Government";
    assert!(!doc.body.is_empty(), "the XML has text before paragraph 1");
    for format in [Format::Html, Format::Md, Format::Akn] {
        let out = String::from_utf8(render(format, &doc, &[]).expect("renders")).expect("UTF-8");
        let (Some(a), Some(b)) = (out.find(intro), out.find(first)) else {
            panic!("{format:?}: both texts written");
        };
        assert!(a < b, "{format:?}: the introduction comes first");
    }
    for format in [Format::Pdf, Format::Docx] {
        let bytes = render(format, &doc, &[]).expect("renders");
        let name = format!("75_1_E.{}", format.extension());
        let back = qarar_document::load_bytes(&bytes, Path::new(&name)).expect("reads back");
        assert_eq!(
            operative_ids(&back),
            operative_ids(&doc),
            "{format:?}: the same operative paragraphs, nothing after the last"
        );
    }
}
