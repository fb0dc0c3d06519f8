//! Parser for resolutions as plain text (converted from PDF or Word).

use super::model::{Diagnostic, Document, Paragraph, ParagraphKind, Run};

/// Parse a plain-text resolution. Never fails: a text that is not a resolution becomes plain
/// paragraphs with a diagnostic.
pub fn parse(text: &str) -> Document {
    // Placeholder until the full parser lands: blank-line separated paragraphs.
    let mut doc = Document {
        source_text: text.to_string(),
        ..Document::default()
    };
    let mut offset = 0;
    for (i, block) in text.split("\n\n").enumerate() {
        let start = offset;
        offset += block.len() + 2;
        let t = block.trim();
        if t.is_empty() {
            continue;
        }
        let mut p = Paragraph::new(format!("p_{}", i + 1), ParagraphKind::Plain);
        p.runs.push(Run::plain(t));
        p.source = start..start + block.len();
        doc.body.push(p);
    }
    doc.diagnostics
        .push(Diagnostic::warning("not recognised as a resolution", None));
    doc
}
