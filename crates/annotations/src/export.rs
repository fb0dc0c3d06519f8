//! The `annotations` entries of the structure JSON export
//! (`qarar export FILE --annotations ANN.jsonld --format json`).

use super::anchor::{Anchor, Anchorer};
use super::model::Annotation;
use qarar_document::model::Document;
use serde_json::{Value, json};

/// One entry per annotation, re-anchored on `doc` (whatever the annotations' `source`):
/// `{ "id", "paragraph", "quote", "note", "tags", "color", "orphan" }`.
///
/// `paragraph` is where the annotation landed (the paragraph it names when orphaned, `null`
/// if it names none); `quote` is the text it covers in `doc` (the stored quote when
/// orphaned). Entries are in document order (paragraph, then start), orphans last in input
/// order.
pub fn entries(doc: &Document, annotations: &[Annotation]) -> Vec<Value> {
    // The anchoring index (every paragraph folded) is only worth building for annotations.
    if annotations.is_empty() {
        return Vec::new();
    }
    let anchorer = Anchorer::new(doc);
    let order: std::collections::HashMap<&str, usize> = doc
        .paragraphs()
        .into_iter()
        .enumerate()
        .map(|(i, (_, p))| (p.id.as_str(), i))
        .collect();
    let mut placed: Vec<(usize, usize, usize, Value)> = annotations
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let anchor = anchorer.anchor(a);
            let (paragraph, quote, key) = match (&anchor, anchor.paragraph(), anchor.range()) {
                (Anchor::Exact { .. } | Anchor::Fuzzy { .. }, Some(p), Some(r)) => {
                    let text: String = doc
                        .paragraph(p)
                        .map(|para| para.text().chars().skip(r.start).take(r.len()).collect())
                        .unwrap_or_default();
                    let at = order.get(p).copied().unwrap_or(usize::MAX - 1);
                    (Some(p.to_string()), text, (at, r.start))
                }
                _ => (
                    (!a.target.is_empty()).then(|| a.target.clone()),
                    a.quote.exact.clone(),
                    (usize::MAX, 0),
                ),
            };
            let value = json!({
                "id": a.id,
                "paragraph": paragraph,
                "quote": quote,
                "note": a.note,
                "tags": a.tags,
                "color": a.color.name(),
                "orphan": anchor.is_orphan(),
            });
            (key.0, key.1, i, value)
        })
        .collect();
    placed.sort_by_key(|(p, s, i, _)| (*p, *s, *i));
    placed.into_iter().map(|(_, _, _, v)| v).collect()
}
