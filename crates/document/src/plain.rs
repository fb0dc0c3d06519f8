//! Parser for resolutions as plain text (converted from PDF or Word).
//!
//! The text is read line by line once. The cover page (everything before the enacting
//! formula) gives the metadata; after it, structure decides: unnumbered blocks before the
//! first numbered paragraph are preambular, `1 -`/`1.` blocks are operative, `(أ)`/`(a)`
//! lines are sub-paragraphs, `(4) …`/`⁴ …` blocks are footnote bodies, and a paragraph that
//! does not end in `،` `؛` `.` `:` continues after page breaks and footnote blocks.

mod assemble;
mod body;
mod cover;
mod inline;
mod lexicon;
mod meta;
mod reflow;
mod structure;
mod table;
mod visual_order;

use super::model::{Diagnostic, Document, Paragraph, ParagraphKind, Run, RunKind, SourceFormat};
use lexicon::LeadList;
use std::ops::Range;

/// How many lines are searched for the enacting formula or the first paragraph.
const HEADER_SEARCH_LINES: usize = 400;

/// Parse a plain-text resolution. Never fails: a text that is not a resolution becomes plain
/// paragraphs with a diagnostic.
pub fn parse(text: &str) -> Document {
    let (prepared, repairs) = reflow::prepare(text);
    let mut doc = parse_prepared(&prepared);
    if let Some(what) = repairs.describe() {
        doc.diagnostics.insert(0, Diagnostic::info(what, None));
    }
    doc
}

/// Parse a text whose paragraphs are separated by blank lines.
fn parse_prepared(text: &str) -> Document {
    let language = meta::detect_language(text);
    let mut doc = Document {
        source_text: text.to_string(),
        format: SourceFormat::PlainText,
        ..Document::default()
    };
    doc.meta.language = language;
    doc.meta.direction = language.direction();
    let lines = split_lines(text);
    if let Some(start) = find_start(text, &lines) {
        structure::read(
            text,
            &lines,
            start.formula,
            start.header_end,
            start.body_start,
            &mut doc,
        );
        if start.formula.is_none() {
            doc.diagnostics.push(Diagnostic::warning(
                "no enacting formula found; structure taken from the first paragraphs",
                None,
            ));
        }
    }
    if !doc.is_resolution() {
        plain_body(text, &lines, &mut doc);
    }
    super::refs::detect(&mut doc);
    doc
}

/// A non-blank line: its trimmed byte range and whether a blank line (or the start of the
/// text) precedes it.
#[derive(Debug, Clone)]
struct Line {
    range: Range<usize>,
    new_block: bool,
}

/// Characters trimmed from line ends besides white space: bidi marks and the BOM.
fn is_trim_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{feff}' | '\u{061c}')
}

/// Split the text into non-blank trimmed lines.
fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut offset = 0;
    let mut new_block = true;
    for raw in text.split('\n') {
        let start = offset;
        offset += raw.len() + 1;
        let trimmed_start = raw.trim_start_matches(is_trim_char);
        let t = trimmed_start.trim_end_matches(is_trim_char);
        if t.is_empty() {
            new_block = true;
            continue;
        }
        let s = start + (raw.len() - trimmed_start.len());
        lines.push(Line {
            range: s..s + t.len(),
            new_block,
        });
        new_block = false;
    }
    lines
}

/// Where the resolution body starts.
struct Start {
    /// Index of the enacting formula line, if any.
    formula: Option<usize>,
    /// Lines before this are the cover page.
    header_end: usize,
    /// First line of the body (after the formula).
    body_start: usize,
}

/// Find the enacting formula, or else the first opener or `1 -` paragraph.
fn find_start(text: &str, lines: &[Line]) -> Option<Start> {
    let limit = lines.len().min(HEADER_SEARCH_LINES);
    let alone = |i: usize| lines[i].new_block && lines.get(i + 1).is_none_or(|l| l.new_block);
    let formula = (0..limit)
        .find(|&i| alone(i) && meta::is_enacting_formula(&text[lines[i].range.clone()]))
        .or_else(|| {
            // Without its comma ("The General Assembly") the formula reads like the cover's
            // "General Assembly" line: the last such line before the first paragraph is it.
            let first = (0..limit)
                .find(|&i| {
                    let s = &text[lines[i].range.clone()];
                    lines[i].new_block && inline::number_prefix(s).is_some_and(|(n, _)| n == 1)
                })
                .unwrap_or(limit);
            // When the cover's numbered title line (`77/264. …`) is there, the formula is
            // the first such line after it (Chinese `大会` is also the cover's organ line,
            // and paragraph 1 may be written without its number).
            let bare = |i: &usize| {
                lines[*i].new_block && meta::is_bare_formula(&text[lines[*i].range.clone()])
            };
            let title =
                (0..first).find(|&i| meta::title_number(&text[lines[i].range.clone()]).is_some());
            title
                .and_then(|t| (t + 1..first).find(bare))
                .or_else(|| (0..first).rev().find(bare))
        });
    if let Some(i) = formula {
        return Some(Start {
            formula: Some(i),
            header_end: i,
            body_start: i + 1,
        });
    }
    let first = (0..limit).find(|&i| {
        let s = &text[lines[i].range.clone()];
        lines[i].new_block
            && (inline::number_prefix(s).is_some_and(|(n, _)| n == 1)
                || lexicon::match_lead(s, LeadList::Openers, false).is_some())
    })?;
    Some(Start {
        formula: None,
        header_end: first,
        body_start: first,
    })
}

/// The enacting formula as a paragraph.
fn formula_paragraph(text: &str, line: &Line) -> Paragraph {
    let mut p = Paragraph::new("enacting_formula", ParagraphKind::EnactingFormula);
    p.runs.push(Run::new(
        RunKind::Plain,
        &text[line.range.clone()],
        Some(line.range.clone()),
    ));
    p.source = line.range.clone();
    p
}

/// A plain body paragraph `p_N` over a block.
fn plain_paragraph(text: &str, n: usize, range: Range<usize>) -> Paragraph {
    let mut p = Paragraph::new(format!("p_{n}"), ParagraphKind::Plain);
    // One run, allocated for one (a push would reserve four: 700,000 one-label lines).
    p.runs = vec![Run::new(
        RunKind::Plain,
        text[range.clone()].replace('\n', " "),
        Some(range.clone()),
    )];
    p.source = range;
    p
}

/// A text that is not a resolution: one plain paragraph per block.
fn plain_body(text: &str, lines: &[Line], doc: &mut Document) {
    doc.preamble.clear();
    doc.operative.clear();
    doc.enacting_formula = None;
    doc.body.clear();
    let mut blocks: Vec<Range<usize>> = Vec::new();
    for line in lines {
        match blocks.last_mut() {
            Some(last) if !line.new_block => last.end = line.range.end,
            _ => blocks.push(line.range.clone()),
        }
    }
    doc.body = blocks
        .into_iter()
        .enumerate()
        .map(|(i, r)| plain_paragraph(text, i + 1, r))
        .collect();
    doc.diagnostics.push(Diagnostic::warning(
        "not recognised as a resolution (no enacting formula or numbered paragraphs); shown as plain paragraphs",
        None,
    ));
}
