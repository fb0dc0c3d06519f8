//! Cross-reference detection: resolutions, decisions, document symbols, treaties and
//! internal references ("paragraph 2 above").
//!
//! Detection works on the text of one paragraph (or footnote) at a time. The text is cut
//! into tokens (words, numbers, punctuation and Latin UN symbols such as `A/60/88/Corr.2`)
//! and a small state machine follows cue words:
//!
//! - a resolution or decision cue (`القرار`, `قرارها`, `قراري`, `المقرر`, `resolution`,
//!   `decisions`, …), optionally with an organ (`مجلس الأمن`, `Economic and Social Council`),
//!   makes the following `a/b` number a reference; the cue carries over a list joined by
//!   `و`, `and` or commas, across date phrases (`المؤرخ 21 تشرين الثاني/نوفمبر 2016`);
//! - in Arabic plain text the numbers are in right-to-left reading order (`288/60` is
//!   60/288), elsewhere in natural order;
//! - slash numbers without a cue (`I-24/7`, dates) and numbers inside symbols are ignored;
//! - `Treaty Series, vol. N, No. M` is a treaty citation; `paragraph 2 above` and
//!   `الفقرة 2 أعلاه` point to `para_2`.
//!
//! Matches become [`RunKind::Reference`] runs, split out of plain and emphasis runs.
//!
//! [`RunKind::Reference`]: super::model::RunKind::Reference

mod runs;
mod scanner;
mod symbols;
#[cfg(test)]
mod tests;
mod tokens;
mod words;

use super::model::{
    Document, Footnote, Language, Metadata, Paragraph, Reference, ReferenceKind, SourceFormat,
};
use runs::detect_runs;
use symbols::{canonical_symbol, strip_undocs, symbol_kind};
use tokens::{Tok, tokenize};

/// Paragraph id given to references that stand on the cover page (originating documents
/// listed in [`Metadata::originating`]).
pub const METADATA_PARAGRAPH: &str = "meta";

/// Find references in every paragraph and footnote of `doc`, splitting plain runs into
/// reference runs and filling `doc.references`. References already present are kept and
/// text already inside reference runs is not detected again; running it twice changes
/// nothing.
pub fn detect(doc: &mut Document) {
    let reversed = doc.format == SourceFormat::PlainText && doc.meta.language == Language::Ar;
    let mut refs = std::mem::take(&mut doc.references);
    let (formulas, lists) = doc.sections_mut();
    for p in formulas {
        detect_paragraph(p, reversed, &mut refs);
    }
    for list in lists {
        for p in list.iter_mut() {
            detect_paragraph(p, reversed, &mut refs);
        }
    }
    for f in doc.footnotes.iter_mut() {
        detect_footnote(f, reversed, &mut refs);
    }
    add_metadata_references(&doc.meta, &mut refs);
    doc.references = refs;
}

/// Kind and canonical form of a UN symbol (`A/RES/60/288`, `A/60/88/Corr.2`, …). Accepts
/// an `undocs.org` address too. Segments are upper-cased except the suffixes `Add.`,
/// `Corr.`, `Rev.` and `Amend.`, which are written that way; Security Council resolutions
/// are written `S/RES/2250 (2015)`.
pub fn classify_symbol(symbol: &str) -> Option<(ReferenceKind, String)> {
    let s = strip_undocs(symbol.trim());
    if s.is_empty() {
        return None;
    }
    let canonical = canonical_symbol(s);
    let kind = symbol_kind(&canonical);
    Some((kind, canonical))
}

/// Detect in a paragraph and, recursively, its sub-paragraphs.
fn detect_paragraph(p: &mut Paragraph, reversed: bool, refs: &mut Vec<Reference>) {
    detect_runs(&mut p.runs, &p.id, reversed, refs);
    for child in p.children.iter_mut() {
        detect_paragraph(child, reversed, refs);
    }
}

/// Detect in a footnote body.
fn detect_footnote(f: &mut Footnote, reversed: bool, refs: &mut Vec<Reference>) {
    detect_runs(&mut f.runs, &f.id, reversed, refs);
}

/// Originating documents (`A/75/L.20`) stand on the cover page, which has no paragraph.
/// Only the UN symbols written in each entry are taken (`A/75/478/Add.2، الفقرة 89` gives
/// `A/75/478/Add.2`).
fn add_metadata_references(meta: &Metadata, refs: &mut Vec<Reference>) {
    for entry in &meta.originating {
        for token in tokenize(entry).iter().filter(|t| t.tok == Tok::Symbol) {
            let written = &entry[token.range()];
            let Some((kind, target)) = classify_symbol(written) else {
                continue;
            };
            let known = refs
                .iter()
                .any(|r| r.target == target && r.paragraph == METADATA_PARAGRAPH);
            if !known {
                refs.push(Reference {
                    kind,
                    target,
                    text: written.to_string(),
                    paragraph: METADATA_PARAGRAPH.to_string(),
                });
            }
        }
    }
}
