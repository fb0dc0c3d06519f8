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

/// The chunker as it was, searching forward from every character for the next letter: the
/// reference the one-pass version must agree with.
fn script_chunks_by_search(text: &str) -> Vec<(String, bool)> {
    use qarar_util::script;
    let is_latin_letter = |c: char| c.is_alphabetic() && script::is_ltr(c);
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<(String, bool)> = Vec::new();
    let push = |s: &[char], rtl: bool, out: &mut Vec<(String, bool)>| {
        if s.is_empty() {
            return;
        }
        match out.last_mut() {
            Some((t, r)) if *r == rtl => t.extend(s),
            _ => out.push((s.iter().collect(), rtl)),
        }
    };
    let next_strong = |from: usize| chars[from..].iter().find(|c| c.is_alphabetic()).copied();
    let (mut i, mut start) = (0, 0);
    while i < chars.len() {
        if is_latin_letter(chars[i]) {
            push(&chars[start..i], true, &mut out);
            let (mut j, mut last_strong) = (i, i);
            while j < chars.len() {
                let c = chars[j];
                if is_latin_letter(c) {
                    last_strong = j;
                } else if script::is_rtl(c) || !next_strong(j).is_some_and(is_latin_letter) {
                    break;
                }
                j += 1;
            }
            let mut end = last_strong + 1;
            let mut k = end;
            while k < chars.len()
                && (chars[k].is_ascii_digit() || matches!(chars[k], '.' | '/' | '-'))
            {
                k += 1;
                if chars[k - 1].is_ascii_digit() {
                    end = k;
                }
            }
            push(&chars[i..end], false, &mut out);
            i = end;
            start = end;
        } else {
            i += 1;
        }
    }
    push(&chars[start..], true, &mut out);
    out
}

#[test]
fn script_chunks_in_one_pass_are_those_of_the_search() {
    // Every sequence of up to 4 pieces of Arabic, Latin, digits, marks and punctuation.
    let pieces = [
        "ب", "a", "1", " ", ".", "/", "-", "(", ")", "\u{064E}", "中", "Ж", "٣", "،",
    ];
    let mut texts = vec![String::new()];
    for _ in 0..4 {
        let mut next = Vec::new();
        for t in &texts {
            for p in pieces {
                next.push(format!("{t}{p}"));
            }
        }
        texts.extend(next);
    }
    texts.extend([
        "دون الإحالة (A/75/L.20) و".to_string(),
        "United Nations, Treaty Series, vol. 1 عربي".to_string(),
        format!("عربي A {} B عربي", "1 ".repeat(300)),
        format!("A {} عربي", "- ".repeat(300)),
    ]);
    for t in &texts {
        assert_eq!(script_chunks(t), script_chunks_by_search(t), "{t:?}");
    }
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
