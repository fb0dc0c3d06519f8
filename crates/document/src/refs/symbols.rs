//! UN symbols written out (`A/60/88/Corr.2`): where one starts in running text, its
//! canonical spelling and its kind.

use super::tokens::span_len;
use crate::model::{Language, ReferenceKind};

/// First segments of the symbols recognised in running text.
const SERIES: &[&str] = &[
    "A", "E", "S", "ST", "TD", "DP", "UNEP", "CCPR", "CRC", "CEDAW", "CERD", "CRPD", "CAT", "CMW",
];

/// Suffix segments written in title case (`Add.1`).
const SUFFIXES: &[&str] = &["Add", "Corr", "Rev", "Amend"];

/// Length of the UN symbol starting at `pos`, if one does.
pub(super) fn symbol_at(text: &str, pos: usize) -> Option<usize> {
    let rest = text.get(pos..)?;
    if !rest.starts_with(|c: char| c.is_ascii_uppercase()) || attached_before(text, pos) {
        return None;
    }
    let series_len = span_len(rest, |c| c.is_ascii_uppercase());
    if !SERIES.contains(&&rest[..series_len]) {
        return None;
    }
    let mut len = series_len;
    while rest[len..].starts_with('/') {
        let seg = span_len(&rest[len + 1..], is_symbol_char);
        if seg == 0 {
            break;
        }
        len += 1 + seg;
    }
    let body = rest[..len].trim_end_matches(['.', '-']);
    let body = body.trim_end_matches('/');
    let has_digit = body.bytes().any(|b| b.is_ascii_digit());
    if !has_digit || !body[series_len..].starts_with('/') {
        return None;
    }
    Some(body.len() + security_council_year(&rest[body.len()..], body))
}

/// Characters of a symbol segment.
fn is_symbol_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.' || c == '-'
}

/// True when the character before `pos` glues it to a word or number (`I-24/7`, `x/60`).
pub(super) fn attached_before(text: &str, pos: usize) -> bool {
    text.get(..pos)
        .and_then(|s| s.chars().next_back())
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '.' | '_'))
}

/// Length of ` (2015)` after `S/RES/2250`, or 0.
fn security_council_year(after: &str, body: &str) -> usize {
    if !body.starts_with("S/RES/") {
        return 0;
    }
    let trimmed = after.trim_start_matches(' ');
    let skipped = after.len() - trimmed.len();
    let bytes = trimmed.as_bytes();
    let year = bytes.len() >= 6
        && bytes[0] == b'('
        && bytes[1..5].iter().all(u8::is_ascii_digit)
        && bytes[5] == b')';
    if year && skipped <= 1 { skipped + 6 } else { 0 }
}

/// `https://undocs.org/ar/A/RES/51/1` → `A/RES/51/1`; other text unchanged.
pub(super) fn strip_undocs(s: &str) -> &str {
    let Some(rest) = s
        .strip_prefix("https://undocs.org/")
        .or_else(|| s.strip_prefix("http://undocs.org/"))
    else {
        return s;
    };
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    match rest.split_once('/') {
        Some((lang, symbol)) if Language::from_code(lang).is_some() => symbol,
        _ => rest,
    }
}

/// Canonical spelling of a symbol: no inner spaces, series upper-cased, suffixes in title
/// case; Security Council years as ` (2015)`, early General Assembly sessions as `(XXV)`.
pub(super) fn canonical_symbol(s: &str) -> String {
    let (body, paren) = match s.split_once('(') {
        Some((b, p)) => (b, Some(p.trim_end_matches(')').trim())),
        None => (s, None),
    };
    let body: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    let body = body.trim_end_matches(['.', ',']);
    let segments: Vec<String> = body.split('/').map(canonical_segment).collect();
    let mut out = segments.join("/");
    if let Some(paren) = paren.filter(|p| !p.is_empty()) {
        let space = if out.starts_with("S/") { " " } else { "" };
        out.push_str(&format!("{space}({})", paren.to_uppercase()));
    }
    out
}

/// `add.1` → `Add.1`, `conf.192` → `CONF.192`.
fn canonical_segment(segment: &str) -> String {
    let (head, tail) = segment.split_once('.').unwrap_or((segment, ""));
    match SUFFIXES.iter().find(|s| s.eq_ignore_ascii_case(head)) {
        Some(suffix) if segment.contains('.') => format!("{suffix}.{tail}"),
        _ => segment.to_uppercase(),
    }
}

/// Resolution, decision or document, by the `RES`/`DEC` segment.
pub(super) fn symbol_kind(canonical: &str) -> ReferenceKind {
    let body = canonical.split(' ').next().unwrap_or(canonical);
    if body.split('/').any(|s| s == "RES") {
        ReferenceKind::Resolution
    } else if body.split('/').any(|s| s == "DEC") {
        ReferenceKind::Decision
    } else {
        ReferenceKind::Document
    }
}
