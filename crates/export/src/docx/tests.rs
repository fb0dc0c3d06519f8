//! Unit tests of the DOCX writer's helpers: escaping, script chunks, URLs, dates.

use super::body::word_date;
use super::xml::{escape, script_chunks};
use crate::url_path;

#[test]
fn escapes_and_strips() {
    assert_eq!(
        escape("a<b>&\"'\u{1}\u{0}\tz\u{FFFF}"),
        "a&lt;b&gt;&amp;&quot;&apos;\tz"
    );
}

#[test]
fn latin_symbols_are_ltr_chunks() {
    let chunks = script_chunks("دون الإحالة (A/75/L.20) و");
    let ltr: Vec<&str> = chunks
        .iter()
        .filter(|(_, rtl)| !rtl)
        .map(|(s, _)| s.as_str())
        .collect();
    assert_eq!(ltr, vec!["A/75/L.20"]);
    let all: String = chunks.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(all, "دون الإحالة (A/75/L.20) و");
    let chunks = script_chunks("United Nations, Treaty Series, vol. 1");
    assert_eq!(chunks[0].0, "United Nations, Treaty Series, vol");
}

#[test]
fn urls_are_encoded() {
    assert_eq!(url_path("S/RES/2250 (2015)"), "S/RES/2250%20%282015%29");
}

#[test]
fn word_dates() {
    assert_eq!(
        word_date("2026-11-29T08:23:31.123456Z").as_deref(),
        Some("2026-11-29T08:23:31Z")
    );
    assert_eq!(word_date("yesterday"), None);
}
