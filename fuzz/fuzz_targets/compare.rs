//! Comparing two arbitrary versions of a resolution, each read from bytes as plain text or
//! Akoma Ntoso (the first byte chooses), then every comparison format but PDF written:
//! never a panic, every unit in exactly one change, and the HTML keeps its policy.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qarar_export::compare::{CompareFormat, render};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Some((&how, rest)) = data.split_first() else {
        return;
    };
    // The two versions are separated by the first NUL (else the halves).
    let cut = rest.iter().position(|&b| b == 0).unwrap_or(rest.len() / 2);
    let (a, b) = (&rest[..cut], &rest[(cut + 1).min(rest.len())..]);
    let name = |bit: u8| if how & bit == 0 { "old.txt" } else { "old.xml" };
    let (Ok(old), Ok(new)) = (
        qarar_document::load_bytes(a, Path::new(name(1))),
        qarar_document::load_bytes(b, Path::new(name(2))),
    ) else {
        return;
    };
    let cmp = qarar_compare::compare(&old, &new);
    let units = |doc: &qarar_document::Document| qarar_compare::units(doc).len();
    let old_seen: usize = cmp.changes.iter().map(|c| ids(&c.old)).sum();
    let new_seen: usize = cmp.changes.iter().map(|c| ids(&c.new)).sum();
    assert_eq!(old_seen, units(&old));
    assert_eq!(new_seen, units(&new));
    for format in [
        CompareFormat::Json,
        CompareFormat::Html,
        CompareFormat::Markdown,
    ] {
        let out = render(&cmp, format, "2026-01-01").expect("renders");
        if matches!(format, CompareFormat::Html) {
            let html = String::from_utf8(out).expect("UTF-8");
            assert!(html.contains("Content-Security-Policy"));
            assert!(!html.to_ascii_lowercase().contains("<script"));
        }
    }
});

fn ids(ids: &Option<qarar_compare::Ids>) -> usize {
    match ids {
        Some(qarar_compare::Ids::One(_)) => 1,
        Some(qarar_compare::Ids::Many(v)) => v.len(),
        None => 0,
    }
}
