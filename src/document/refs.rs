//! Cross-reference detection: resolutions, decisions, document symbols, treaties and
//! internal references ("paragraph 2 above").

use super::model::{Document, ReferenceKind};

/// Find references in every paragraph and footnote of `doc`, splitting plain runs into
/// reference runs and filling `doc.references`.
pub fn detect(doc: &mut Document) {
    let _ = doc;
}

/// Kind and canonical form of a UN symbol (`A/RES/60/288`, `A/60/88/Corr.2`, …).
pub fn classify_symbol(symbol: &str) -> Option<(ReferenceKind, String)> {
    let s = symbol.trim();
    if s.is_empty() {
        return None;
    }
    let kind = if s.contains("/RES/") {
        ReferenceKind::Resolution
    } else if s.contains("/DEC/") {
        ReferenceKind::Decision
    } else {
        ReferenceKind::Document
    };
    Some((kind, s.to_string()))
}
