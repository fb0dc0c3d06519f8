//! The body parser: one pass over the lines after the enacting formula that sorts them
//! into preambular and operative paragraphs, sub-paragraphs, footnote bodies and the
//! closing lines.

use super::assemble::Builder;
use super::inline::{self, MarkerState, Piece};
use super::lexicon::{self, LeadList};
use super::{Line, meta, plain_paragraph};
use crate::document::ids;
use crate::document::model::{Closing, Diagnostic, Document, ParagraphKind};
use std::collections::HashSet;
use std::ops::Range;

/// A paragraph under construction.
#[derive(Debug)]
pub(super) struct Node {
    pub(super) kind: ParagraphKind,
    pub(super) id: String,
    pub(super) number: Option<u32>,
    pub(super) label: Option<String>,
    /// Position of a sub-paragraph label in its sequence.
    pub(super) position: usize,
    pub(super) start: usize,
    pub(super) segments: Vec<Range<usize>>,
    pub(super) children: Vec<Node>,
}

impl Node {
    fn new(kind: ParagraphKind, id: String, start: usize, content: Range<usize>) -> Node {
        Node {
            kind,
            id,
            number: None,
            label: None,
            position: 0,
            start,
            segments: vec![content],
            children: Vec::new(),
        }
    }

    /// The deepest last descendant (where continuation text goes).
    fn deepest_mut(&mut self) -> &mut Node {
        if self.children.is_empty() {
            return self;
        }
        let last = self.children.len() - 1;
        self.children[last].deepest_mut()
    }

    fn deepest(&self) -> &Node {
        self.children.last().map_or(self, Node::deepest)
    }

    /// Add a line: extend the last segment when it continues the same block.
    fn push_line(&mut self, range: Range<usize>, same_block: bool) {
        match self.segments.last_mut() {
            Some(last) if same_block => last.end = range.end,
            _ => self.segments.push(range),
        }
    }

    pub(super) fn end(&self) -> usize {
        let own = self.segments.last().map_or(self.start, |s| s.end);
        self.children.iter().map(Node::end).fold(own, usize::max)
    }
}

/// A footnote body under construction.
#[derive(Debug)]
pub(super) struct NoteBody {
    pub(super) number: u32,
    pub(super) source: Range<usize>,
    pub(super) segments: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Preamble,
    Operative,
    After,
}

/// The body parser: one pass over the lines after the enacting formula.
pub(super) struct Parser<'a> {
    text: &'a str,
    lines: &'a [Line],
    section: Section,
    preamble: Vec<Node>,
    operative: Vec<Node>,
    notes: Vec<NoteBody>,
    in_note: bool,
    expected: u32,
    closing: Closing,
    trailing: Vec<Range<usize>>,
    diagnostics: Vec<Diagnostic>,
    superscripts: HashSet<u32>,
    inline_plain: HashSet<u32>,
}

impl<'a> Parser<'a> {
    pub(super) fn new(text: &'a str, lines: &'a [Line]) -> Parser<'a> {
        let (superscripts, inline_plain) = scan_markers(text, lines);
        Parser {
            text,
            lines,
            section: Section::Preamble,
            preamble: Vec::new(),
            operative: Vec::new(),
            notes: Vec::new(),
            in_note: false,
            expected: 1,
            closing: Closing::default(),
            trailing: Vec::new(),
            diagnostics: Vec::new(),
            superscripts,
            inline_plain,
        }
    }

    fn line_text(&self, line: &Line) -> &'a str {
        &self.text[line.range.clone()]
    }

    /// Read every line.
    pub(super) fn run(&mut self) {
        for idx in 0..self.lines.len() {
            let line = self.lines[idx].clone();
            if line.new_block {
                self.in_note = false;
            }
            let s = self.line_text(&line);
            if meta::is_page_furniture(s) {
                continue;
            }
            if self.in_note {
                // A footnote block may hold several footnotes, one a line.
                if inline::footnote_start(s).is_some() && self.footnote_body(&line, s) {
                    continue;
                }
                if let Some(note) = self.notes.last_mut() {
                    note.source.end = line.range.end;
                    if let Some(seg) = note.segments.last_mut() {
                        seg.end = line.range.end;
                    }
                }
                continue;
            }
            if self.footnote_body(&line, s) {
                continue;
            }
            match self.section {
                Section::After => self.after_line(&line, s),
                _ => self.body_line(idx, &line, s),
            }
        }
    }

    /// A footnote body line (`(4) …`, `⁴ …`) starts a note.
    fn footnote_body(&mut self, line: &Line, s: &str) -> bool {
        let Some((n, offset)) = inline::footnote_start(s) else {
            return false;
        };
        let superscript = !s.starts_with('(');
        let known = if superscript {
            true
        } else if self.superscripts.is_empty() {
            self.inline_plain.contains(&n)
        } else {
            self.superscripts.contains(&n)
        };
        if !known {
            return false;
        }
        let content = line.range.start + offset..line.range.end;
        self.notes.push(NoteBody {
            number: n,
            source: line.range.clone(),
            segments: vec![content],
        });
        self.in_note = true;
        true
    }

    /// A line of the preamble or operative part.
    fn body_line(&mut self, idx: usize, line: &Line, s: &str) {
        let pending = self.pending();
        if let Some((n, offset)) = inline::number_prefix(s)
            && self.accept_number(n, pending)
        {
            self.start_operative(n, line, offset);
            return;
        }
        if let Some(label) = inline::sub_label(s)
            && let Some((depth, position)) = self.fit_label(&label, pending)
        {
            self.start_sub(depth, position, label, line);
            return;
        }
        if self.section == Section::Operative
            && !pending
            && line.new_block
            && meta::is_meeting_line(s)
        {
            self.closing.meeting = Some(s.to_string());
            self.section = Section::After;
            return;
        }
        let continues = self.current().is_some()
            && if line.new_block {
                pending && !(self.section == Section::Preamble && starts_with_opener(s))
            } else {
                !(self.section == Section::Preamble
                    && self.prev_terminal(idx)
                    && starts_with_opener(s))
            };
        if continues {
            if let Some(node) = self.current_mut() {
                node.deepest_mut()
                    .push_line(line.range.clone(), !line.new_block);
            }
            return;
        }
        match self.section {
            Section::Preamble => {
                let id = ids::preamble_id(self.preamble.len() + 1);
                let node = Node::new(
                    ParagraphKind::Preamble,
                    id,
                    line.range.start,
                    line.range.clone(),
                );
                self.preamble.push(node);
            }
            _ => self.orphan(line, s),
        }
    }

    /// Text in the operative part that neither continues nor starts a paragraph.
    fn orphan(&mut self, line: &Line, s: &str) {
        if s.split_whitespace().count() <= 12 && !ends_terminal(s) {
            self.diagnostics.push(Diagnostic::info(
                format!(
                    "heading or stray line `{}` is not part of any paragraph",
                    preview(s)
                ),
                Some(line.range.clone()),
            ));
            return;
        }
        let id = self.current().map(|n| n.deepest().id.clone());
        if let Some(node) = self.current_mut() {
            node.deepest_mut().push_line(line.range.clone(), false);
        }
        if let Some(id) = id {
            self.diagnostics.push(Diagnostic::info(
                format!(
                    "{id}: unnumbered text `{}` joined to the paragraph before it",
                    preview(s)
                ),
                Some(line.range.clone()),
            ));
        }
    }

    /// A line after the closing meeting line: the closing date, then anything else.
    fn after_line(&mut self, line: &Line, s: &str) {
        if self.closing.date.is_none() && meta::is_date_line(s) {
            self.closing.date_text = Some(s.to_string());
            self.closing.date = meta::parse_date(s);
            return;
        }
        match self.trailing.last_mut() {
            Some(last) if !line.new_block => last.end = line.range.end,
            _ => self.trailing.push(line.range.clone()),
        }
    }

    /// Whether a numbered line starts operative paragraph `n`.
    fn accept_number(&mut self, n: u32, pending: bool) -> bool {
        if n == self.expected {
            return true;
        }
        if n > self.expected
            && n <= self.expected + 2
            && !pending
            && self.section == Section::Operative
        {
            self.diagnostics.push(Diagnostic::warning(
                format!(
                    "operative numbering jumps from {} to {n}",
                    self.expected - 1
                ),
                None,
            ));
            return true;
        }
        false
    }

    fn start_operative(&mut self, n: u32, line: &Line, offset: usize) {
        let content = line.range.start + offset..line.range.end;
        let mut node = Node::new(
            ParagraphKind::Operative,
            ids::operative_id(n),
            line.range.start,
            content,
        );
        node.number = Some(n);
        self.operative.push(node);
        self.expected = n + 1;
        self.section = Section::Operative;
    }

    /// Depth (1 or 2) and position of a sub-paragraph label, when it fits the sequence.
    fn fit_label(&self, label: &inline::Label, pending: bool) -> Option<(usize, usize)> {
        let parent = self.current()?;
        let opens = |n: &Node| self.ends_with_colon(n) || pending;
        if let (Some(second), Some(child)) = (label.second, parent.children.last()) {
            let expected = child.children.len() + 1;
            if second == expected && (expected > 1 || opens(child)) {
                return Some((2, second));
            }
        }
        let letter = label.letter?;
        let expected = parent.children.len() + 1;
        (letter == expected && (expected > 1 || opens(parent))).then_some((1, letter))
    }

    fn start_sub(&mut self, depth: usize, position: usize, label: inline::Label, line: &Line) {
        let content = line.range.start + label.content..line.range.end;
        let Some(parent) = self.current_mut() else {
            return;
        };
        let target = if depth == 1 {
            parent
        } else {
            match parent.children.last_mut() {
                Some(child) => child,
                None => return,
            }
        };
        let id = ids::sub_id(&target.id, depth, position);
        let mut node = Node::new(ParagraphKind::SubParagraph, id, line.range.start, content);
        node.label = Some(label.text);
        node.position = position;
        target.children.push(node);
    }

    /// The top-level paragraph being built.
    fn current(&self) -> Option<&Node> {
        match self.section {
            Section::Preamble => self.preamble.last(),
            _ => self.operative.last(),
        }
    }

    fn current_mut(&mut self) -> Option<&mut Node> {
        match self.section {
            Section::Preamble => self.preamble.last_mut(),
            _ => self.operative.last_mut(),
        }
    }

    /// The current paragraph does not end in punctuation, so the next block continues it.
    fn pending(&self) -> bool {
        self.current()
            .map(Node::deepest)
            .and_then(|n| n.segments.last())
            .is_some_and(|seg| !ends_terminal(&self.text[seg.clone()]))
    }

    fn ends_with_colon(&self, node: &Node) -> bool {
        node.segments
            .last()
            .is_some_and(|seg| trim_end_residue(&self.text[seg.clone()]).ends_with([':', '：']))
    }

    /// The line before `idx` ends in punctuation.
    fn prev_terminal(&self, idx: usize) -> bool {
        idx.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .is_some_and(|l| ends_terminal(self.line_text(l)))
    }

    /// Turn what was read into the document.
    pub(super) fn finish(self, doc: &mut Document) {
        let Parser {
            text,
            preamble,
            operative,
            notes,
            closing,
            trailing,
            mut diagnostics,
            superscripts,
            ..
        } = self;
        let mut b = Builder::new(text, &notes, superscripts.is_empty(), doc.meta.language);
        doc.preamble = preamble.iter().map(|n| b.paragraph(n, 0)).collect();
        doc.operative = operative.iter().map(|n| b.paragraph(n, 0)).collect();
        doc.footnotes = b.footnotes();
        diagnostics.append(&mut b.diagnostics);
        if closing.meeting.is_some() || closing.date.is_some() {
            doc.closing = Some(closing);
        }
        for (i, range) in trailing.iter().enumerate() {
            doc.body.push(plain_paragraph(text, i + 1, range.clone()));
        }
        if !trailing.is_empty() {
            diagnostics.push(Diagnostic::info(
                "text after the closing lines kept as plain paragraphs",
                trailing.first().cloned(),
            ));
        }
        if doc.operative.is_empty() && !doc.preamble.is_empty() {
            diagnostics.push(Diagnostic::warning(
                "no numbered operative paragraphs found",
                None,
            ));
        }
        doc.diagnostics.append(&mut diagnostics);
    }
}

/// Numbers of superscript markers and of inline `(N)` markers (not at a line start).
fn scan_markers(text: &str, lines: &[Line]) -> (HashSet<u32>, HashSet<u32>) {
    let mut sup = HashSet::new();
    let mut plain = HashSet::new();
    for line in lines {
        let s = &text[line.range.clone()];
        let mut pieces = Vec::new();
        let mut st = MarkerState::default();
        if s.chars().any(|c| inline::superscript_value(c).is_some()) {
            inline::tokenize(s, 0..s.len(), &mut st, &mut pieces);
            for p in &pieces {
                if let Piece::Marker { number, range } = p
                    && range.start > 0
                {
                    sup.insert(*number);
                }
            }
        }
        // Skip the first character: a `(N)` at the line start is a footnote body.
        let mut from = s.chars().next().map_or(0, char::len_utf8);
        while let Some(off) = s.get(from..).and_then(|r| r.find('(')) {
            let at = from + off;
            from = at + 1;
            let digits: String = s[at + 1..]
                .chars()
                .take_while(|c| inline::digit_value(*c).is_some())
                .take(4)
                .collect();
            let close = at + 1 + digits.len();
            if digits.chars().count() <= 3
                && s[close..].starts_with(')')
                && let Some(n) = ids::parse_number(&digits)
            {
                plain.insert(n);
            }
        }
    }
    (sup, plain)
}

/// True when the text starts with an exactly written opener.
fn starts_with_opener(s: &str) -> bool {
    lexicon::match_lead(s, LeadList::Openers, false).is_some()
}

/// The text without trailing markers, markup residue and quotes.
fn trim_end_residue(s: &str) -> &str {
    s.trim_end_matches(|c: char| {
        c.is_whitespace()
            || inline::superscript_value(c).is_some()
            || matches!(c, '\u{207D}' | '\u{207E}' | '*' | '"' | '”' | '»' | '’')
    })
}

/// True when a paragraph text ends in punctuation that closes a paragraph.
fn ends_terminal(s: &str) -> bool {
    trim_end_residue(s).ends_with([
        '،', '؛', '.', ':', ';', ',', '。', '：', '；', '，', '!', '?', '؟',
    ])
}

/// A short preview of a line for messages.
fn preview(s: &str) -> String {
    let short: String = s.chars().take(40).collect();
    if short.len() < s.len() {
        format!("{short}…")
    } else {
        short
    }
}
