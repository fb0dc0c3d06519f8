//! A small built-in catalogue of documents cited by the bundled resolution (public record).

/// What is known about a cited document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub symbol: &'static str,
    /// ISO 8601 date of adoption or issue.
    pub date: &'static str,
    pub title_en: &'static str,
}

/// Look up a canonical target (`A/RES/60/288`).
pub fn lookup(target: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.symbol.eq_ignore_ascii_case(target.trim()))
}

pub static ENTRIES: &[Entry] = &[];
