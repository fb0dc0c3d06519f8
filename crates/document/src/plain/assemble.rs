//! Paragraph assembly: model paragraphs (runs, leads, inline sub-paragraphs) and footnotes
//! built from the body parser's nodes, with footnote markers matched to their bodies.

use super::body::{Node, NoteBody};
use super::inline::{self, MarkerState, Piece, Style};
use super::lexicon::{self, LeadList};
use crate::ids;
use crate::model::{Diagnostic, Footnote, Language, Paragraph, ParagraphKind, Run, RunKind};
use std::collections::{HashMap, VecDeque};
use std::ops::Range;

/// A lead written in bold or italic longer than this is not a lead.
const MAX_LEAD_CHARS: usize = 60;

/// Builds model paragraphs and footnotes from nodes: runs, leads, markers.
pub(super) struct Builder<'a> {
    text: &'a str,
    notes: &'a [NoteBody],
    markers: MarkerState,
    /// Unclaimed footnote indices by marker number.
    queues: HashMap<u32, VecDeque<usize>>,
    /// Paragraph id of each footnote, by index.
    owners: Vec<Option<String>>,
    /// Footnotes for markers without a body.
    orphans: Vec<Footnote>,
    language: Language,
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(
        text: &'a str,
        notes: &'a [NoteBody],
        plain_markers: bool,
        language: Language,
    ) -> Builder<'a> {
        let mut queues: HashMap<u32, VecDeque<usize>> = HashMap::new();
        for (i, note) in notes.iter().enumerate() {
            queues.entry(note.number).or_default().push_back(i);
        }
        Builder {
            text,
            notes,
            markers: MarkerState {
                plain: plain_markers,
                bodies: notes.iter().map(|n| n.number).collect(),
                next: 1,
            },
            queues,
            owners: vec![None; notes.len()],
            orphans: Vec::new(),
            language,
            diagnostics: Vec::new(),
        }
    }

    /// A model paragraph (with its children) from a node.
    pub(super) fn paragraph(&mut self, node: &Node, depth: usize) -> Paragraph {
        let mut p = Paragraph::new(node.id.clone(), node.kind);
        p.number = node.number;
        p.label = node.label.clone();
        p.source = node.start..node.end();
        if node.kind == ParagraphKind::Table {
            let mut table = super::table::build(self.text, &node.segments);
            super::table::mark_header(&mut table);
            p.table = Some(table);
            return p;
        }
        let (own, inline_children) =
            if depth == 0 && node.kind != ParagraphKind::Heading && node.subs().next().is_none() {
                self.split_inline(node)
            } else {
                (node.segments.clone(), Vec::new())
            };
        p.runs = self.runs(&own, &node.id);
        if matches!(
            node.kind,
            ParagraphKind::Preamble | ParagraphKind::Operative
        ) {
            p.lead = self.lead(&mut p.runs, node);
        }
        p.children = inline_children;
        for child in &node.children {
            let c = self.paragraph(child, depth + 1);
            p.children.push(c);
        }
        p
    }

    /// Inline sub-paragraphs `(أ) … (ب) …` split out of a paragraph's text. The sequence is
    /// looked for across the paragraph's lines, since a label may fall on any line of text
    /// wrapped at a page width (`…以期：(a) …` on one line, `…；(b) …` on the next).
    fn split_inline(&mut self, node: &Node) -> (Vec<Range<usize>>, Vec<Paragraph>) {
        // The segments joined by newlines, with where each starts in the joined text.
        let mut joined = String::new();
        let mut starts = Vec::with_capacity(node.segments.len());
        for seg in &node.segments {
            if !joined.is_empty() {
                joined.push('\n');
            }
            starts.push(joined.len());
            joined.push_str(&self.text[seg.clone()]);
        }
        let labels = inline::inline_labels(&joined);
        if labels.is_empty() {
            return (node.segments.clone(), Vec::new());
        }
        // The source ranges (one a segment, trimmed, non-empty) of a joined range.
        let ranges = |from: usize, to: usize| -> Vec<Range<usize>> {
            node.segments
                .iter()
                .zip(&starts)
                .filter_map(|(seg, &at)| {
                    let a = from.max(at);
                    let b = to.min(at + seg.len());
                    (a < b)
                        .then(|| trim_range(self.text, seg.start + a - at..seg.start + b - at))
                        .filter(|r| !r.is_empty())
                })
                .collect()
        };
        let source = |offset: usize| {
            let i = starts.partition_point(|&at| at <= offset).saturating_sub(1);
            node.segments[i].start + offset - starts[i]
        };
        let own = ranges(0, labels[0].0);
        let subs: Vec<(String, usize, usize, Vec<Range<usize>>)> = labels
            .iter()
            .enumerate()
            .map(|(k, (at, content, label, pos))| {
                let end = labels.get(k + 1).map_or(joined.len(), |next| next.0);
                (label.clone(), *pos, source(*at), ranges(*content, end))
            })
            .collect();
        let children = subs
            .into_iter()
            .map(|(label, pos, start, segments)| {
                let child = Node {
                    kind: ParagraphKind::SubParagraph,
                    id: ids::sub_id(&node.id, 1, pos),
                    number: None,
                    label: Some(label),
                    position: pos,
                    start,
                    segments,
                    children: Vec::new(),
                };
                self.paragraph(&child, 1)
            })
            .collect();
        (own, children)
    }

    /// Runs of a list of segments, joined by single spaces (by nothing between Chinese
    /// characters, which are written without spaces).
    fn runs(&mut self, segments: &[Range<usize>], owner: &str) -> Vec<Run> {
        let mut runs = Vec::new();
        let mut pieces = Vec::new();
        for (i, seg) in segments.iter().enumerate() {
            if i > 0 {
                let before = self.text[segments[i - 1].clone()].chars().next_back();
                let after = self.text[seg.clone()].chars().next();
                if !lexicon::joins_tight(before, after) {
                    runs.push(Run::new(RunKind::Plain, " ", None));
                }
            }
            pieces.clear();
            inline::tokenize(self.text, seg.clone(), &mut self.markers, &mut pieces);
            for (k, piece) in pieces.iter().enumerate() {
                let bold_lead = i == 0 && k == 0;
                runs.push(self.piece_run(piece, owner, bold_lead));
            }
        }
        runs
    }

    /// One run from one piece. A bold piece opening the paragraph is kept as `Lead`
    /// (decided later); other bold text is emphasis.
    fn piece_run(&mut self, piece: &Piece, owner: &str, first: bool) -> Run {
        match piece {
            Piece::Text { style, range } => {
                let kind = match style {
                    Style::Plain => RunKind::Plain,
                    Style::Bold if first => RunKind::Lead,
                    Style::Italic if first => RunKind::Lead,
                    _ => RunKind::Emphasis,
                };
                let text = self.text[range.clone()].replace('\n', " ");
                Run::new(kind, text, Some(range.clone()))
            }
            Piece::Marker { number, range } => {
                let id = self.claim_footnote(*number, owner);
                Run::new(
                    RunKind::FootnoteMarker { footnote: id },
                    number.to_string(),
                    Some(range.clone()),
                )
            }
        }
    }

    /// The footnote a marker points to; a marker without a body gets an empty footnote.
    fn claim_footnote(&mut self, number: u32, owner: &str) -> String {
        if let Some(i) = self.queues.get_mut(&number).and_then(VecDeque::pop_front) {
            self.owners[i] = Some(owner.to_string());
            return ids::footnote_id(i + 1);
        }
        let id = ids::footnote_id(self.notes.len() + self.orphans.len() + 1);
        self.diagnostics.push(Diagnostic::warning(
            format!("{owner}: footnote marker {number} has no footnote text"),
            None,
        ));
        self.orphans.push(Footnote {
            id: id.clone(),
            marker: number.to_string(),
            paragraph: Some(owner.to_string()),
            runs: Vec::new(),
            source: 0..0,
        });
        id
    }

    /// Find and mark the lead (opener or verb) at the start of the runs.
    fn lead(&mut self, runs: &mut Vec<Run>, node: &Node) -> Option<String> {
        let list = if node.kind == ParagraphKind::Preamble {
            LeadList::Openers
        } else {
            LeadList::Verbs
        };
        let first = runs.first_mut()?;
        if first.kind == RunKind::Lead {
            let lead = first.text.trim().to_string();
            if lead.chars().count() <= MAX_LEAD_CHARS && !lead.is_empty() {
                self.check_spelling(&lead, list, &node.id);
                return Some(lead);
            }
            first.kind = RunKind::Emphasis;
        }
        if first.kind != RunKind::Plain {
            return None;
        }
        let arabic = self.language == Language::Ar;
        let found = lexicon::match_lead(&first.text, list, arabic);
        let len = match &found {
            Some(m) => {
                if let Some(intended) = &m.intended {
                    let written = first.text.get(..m.len).unwrap_or("");
                    self.diagnostics.push(misspelling(
                        &node.id,
                        list,
                        written,
                        intended,
                        first.source.clone(),
                    ));
                }
                m.len
            }
            None if self.language == Language::Zh => return None,
            None => lexicon::fallback_lead(&first.text)?,
        };
        split_lead(runs, len)
    }

    /// A diagnostic when a bold lead is not in the list but close to a phrase that is.
    fn check_spelling(&mut self, lead: &str, list: LeadList, id: &str) {
        if let Some(intended) = lexicon::misspelling_of(lead, list) {
            self.diagnostics
                .push(misspelling(id, list, lead, &intended, None));
        }
    }

    /// The footnotes, in the order of their bodies, then those missing a body.
    pub(super) fn footnotes(&mut self) -> Vec<Footnote> {
        let mut out = Vec::with_capacity(self.notes.len() + self.orphans.len());
        let mut plain = MarkerState::default();
        for (i, note) in self.notes.iter().enumerate() {
            let mut pieces = Vec::new();
            let mut runs = Vec::new();
            for (k, seg) in note.segments.iter().enumerate() {
                if k > 0 {
                    runs.push(Run::new(RunKind::Plain, " ", None));
                }
                pieces.clear();
                inline::tokenize(self.text, seg.clone(), &mut plain, &mut pieces);
                runs.extend(pieces.iter().filter_map(|p| match p {
                    Piece::Text { style, range } => Some(Run::new(
                        if *style == Style::Plain {
                            RunKind::Plain
                        } else {
                            RunKind::Emphasis
                        },
                        self.text[range.clone()].replace('\n', " "),
                        Some(range.clone()),
                    )),
                    Piece::Marker { .. } => None,
                }));
            }
            let id = ids::footnote_id(i + 1);
            if self.owners[i].is_none() {
                self.diagnostics.push(Diagnostic::warning(
                    format!("{id}: footnote {} has no marker in the text", note.number),
                    Some(note.source.clone()),
                ));
            }
            out.push(Footnote {
                id,
                marker: note.number.to_string(),
                paragraph: self.owners[i].clone(),
                runs,
                source: note.source.clone(),
            });
        }
        out.append(&mut self.orphans);
        out
    }
}

/// The diagnostic for a misspelled lead.
fn misspelling(
    id: &str,
    list: LeadList,
    written: &str,
    intended: &str,
    source: Option<Range<usize>>,
) -> Diagnostic {
    let what = if list == LeadList::Openers {
        "opener"
    } else {
        "verb"
    };
    Diagnostic::warning(
        format!("{id}: {what} `{written}` looks like a misspelling of `{intended}`"),
        source,
    )
}

/// Split the first (plain) run at byte `len` into a lead run and the rest.
fn split_lead(runs: &mut Vec<Run>, len: usize) -> Option<String> {
    let first = runs.first_mut()?;
    if len == 0 || len > first.text.len() || !first.text.is_char_boundary(len) {
        return None;
    }
    let rest = first.text.split_off(len);
    first.kind = RunKind::Lead;
    let lead = first.text.clone();
    let rest_source = first.source.as_ref().map(|s| s.start + len..s.end);
    if let Some(src) = first.source.as_mut() {
        src.end = src.start + len;
    }
    if !rest.is_empty() {
        runs.insert(1, Run::new(RunKind::Plain, rest, rest_source));
    }
    Some(lead)
}

/// A range without surrounding white space.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = text.get(range.clone()).unwrap_or("");
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.start + s.trim_end().len();
    start..end.max(start)
}
