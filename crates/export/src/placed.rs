//! Annotations placed on the document being exported: re-anchored once, shared by every
//! exporter.

use qarar_annotations::{Anchorer, Annotation};
use qarar_document::Document;
use std::ops::Range;

/// An annotation and where it sits in the exported document.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub annotation: Annotation,
    /// Paragraph id, `None` for an orphan.
    pub paragraph: Option<String>,
    /// Code-point range in the paragraph's `text()`, `None` for an orphan.
    pub range: Option<Range<usize>>,
}

impl Placed {
    pub fn is_orphan(&self) -> bool {
        self.paragraph.is_none()
    }

    /// Byte range in the paragraph's `text()` (for slicing), if placed.
    pub fn byte_range(&self, paragraph_text: &str) -> Option<Range<usize>> {
        let r = self.range.clone()?;
        let byte = |c: usize| {
            paragraph_text
                .char_indices()
                .nth(c)
                .map(|(i, _)| i)
                .unwrap_or(paragraph_text.len())
        };
        Some(byte(r.start)..byte(r.end))
    }
}

/// Where a run of text `start..end` (code points) must be cut so that no annotation range
/// begins or ends inside a piece: `start`, every range boundary strictly inside, `end`.
pub(crate) fn cut_points<'a>(
    start: usize,
    end: usize,
    ranges: impl IntoIterator<Item = &'a Range<usize>>,
) -> Vec<usize> {
    let mut cuts = vec![start, end];
    for r in ranges {
        for b in [r.start, r.end] {
            if b > start && b < end {
                cuts.push(b);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// Re-anchor `annotations` on `doc`, in document order (orphans last).
pub fn place(doc: &Document, annotations: &[Annotation]) -> Vec<Placed> {
    // The anchoring index (every paragraph folded) is only worth building for annotations.
    if annotations.is_empty() {
        return Vec::new();
    }
    let anchorer = Anchorer::new(doc);
    // Document position of each paragraph id (the first, if an id repeats).
    let mut order: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, (_, p)) in doc.paragraphs().into_iter().enumerate() {
        order.entry(p.id.as_str()).or_insert(i);
    }
    let mut placed: Vec<Placed> = annotations
        .iter()
        .map(|a| {
            let anchor = anchorer.anchor(a);
            Placed {
                annotation: a.clone(),
                paragraph: anchor.paragraph().map(str::to_string),
                range: anchor.range(),
            }
        })
        .collect();
    placed.sort_by_key(|p| {
        let index = p
            .paragraph
            .as_ref()
            .and_then(|id| order.get(id.as_str()).copied())
            .unwrap_or(usize::MAX);
        (index, p.range.as_ref().map(|r| r.start).unwrap_or(0))
    });
    placed
}
