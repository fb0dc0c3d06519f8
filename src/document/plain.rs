//! Parser for resolutions as plain text (converted from PDF or Word).
//!
//! The text is read line by line once. The cover page (everything before the enacting
//! formula) gives the metadata; after it, structure decides: unnumbered blocks before the
//! first numbered paragraph are preambular, `1 -`/`1.` blocks are operative, `(أ)`/`(a)`
//! lines are sub-paragraphs, `(4) …`/`⁴ …` blocks are footnote bodies, and a paragraph that
//! does not end in `،` `؛` `.` `:` continues after page breaks and footnote blocks.

mod inline;
mod lexicon;
mod meta;

use super::ids;
use super::model::{
    Closing, Diagnostic, Document, Footnote, Paragraph, ParagraphKind, Run, RunKind, SourceFormat,
};
use inline::{MarkerState, Piece, Style};
use lexicon::LeadList;
use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;

/// How many lines are searched for the enacting formula or the first paragraph.
const HEADER_SEARCH_LINES: usize = 400;
/// Lines longer than this are not examined as cover-page metadata.
const MAX_META_LINE: usize = 2_000;
/// A lead written in bold or italic longer than this is not a lead.
const MAX_LEAD_CHARS: usize = 60;

/// Parse a plain-text resolution. Never fails: a text that is not a resolution becomes plain
/// paragraphs with a diagnostic.
pub fn parse(text: &str) -> Document {
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
        read_header(text, &lines[..start.header_end], &mut doc);
        if let Some(i) = start.formula {
            doc.enacting_formula = Some(formula_paragraph(text, &lines[i]));
        }
        let mut parser = Parser::new(text, &lines[start.body_start..]);
        parser.run();
        parser.finish(&mut doc);
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
    let formula =
        (0..limit).find(|&i| alone(i) && meta::is_enacting_formula(&text[lines[i].range.clone()]));
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

/// Fill the metadata from the cover page.
fn read_header(text: &str, lines: &[Line], doc: &mut Document) {
    let mut title: Option<(u32, u32)> = None;
    let mut i = 0;
    while i < lines.len() {
        let s = &text[lines[i].range.clone()];
        i += 1;
        if s.len() > MAX_META_LINE {
            continue;
        }
        let m = &mut doc.meta;
        if m.organ.is_none()
            && let Some(o) = meta::organ(s)
        {
            m.organ = Some(o);
        } else if m.session.is_none() && meta::is_session_line(s) {
            m.session = meta::parse_session(s);
        } else if m.agenda_item.is_none()
            && let Some(item) = meta::agenda_item(s)
        {
            m.agenda_item = Some(item);
        } else if meta::is_adoption_line(s) {
            m.adopted = meta::parse_date(s);
        } else if s.starts_with('[') {
            m.originating.extend(meta::symbols_in(s));
        } else if title.is_none()
            && let Some((a, b, offset)) = meta::title_number(s)
        {
            // The title may wrap onto the following lines of its block.
            let line_start = lines[i - 1].range.start;
            let mut end = lines[i - 1].range.end;
            while i < lines.len() && !lines[i].new_block {
                end = lines[i].range.end;
                i += 1;
            }
            doc.title_line = Some(collapse(&text[line_start..end]));
            m.title = Some(collapse(text.get(line_start + offset..end).unwrap_or("")));
            title = Some((a, b));
        } else if m.issued.is_none() && m.adopted.is_none() && meta::is_date_line(s) {
            m.issued = meta::parse_date(s);
        } else if doc.meta.symbol.is_none() && s.contains("/RES/") && meta::is_page_furniture(s) {
            doc.meta.symbol = s
                .split_whitespace()
                .find(|t| t.contains("/RES/"))
                .map(str::to_string);
        }
    }
    if let Some((a, b)) = title {
        set_symbol(doc, a, b);
    }
    doc.meta.cover = cover_blocks(text, lines);
}

/// The cover page as printed: one string per block of lines, up to the title line.
fn cover_blocks(text: &str, lines: &[Line]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in lines {
        let s = text.get(line.range.clone()).unwrap_or("").trim();
        if s.len() > MAX_META_LINE || meta::title_number(s).is_some() {
            break;
        }
        if line.new_block && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if s.is_empty() || meta::is_page_furniture(s) {
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(s);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Collapse white space (line breaks of a wrapped title) to single spaces.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Derive the symbol from the title numbers: `10/75` in Arabic reads as 75/10; the number
/// equal to the session is the session.
fn set_symbol(doc: &mut Document, a: u32, b: u32) {
    let m = &mut doc.meta;
    let (session, number) = match m.session {
        Some(s) if b == s && a != s => (b, a),
        Some(s) if a == s => (a, b),
        _ if m.language == super::model::Language::Ar => (b, a),
        _ => (a, b),
    };
    if m.session.is_none() {
        m.session = Some(session);
    }
    let prefix = meta::resolution_prefix(m.organ.as_deref());
    m.symbol = Some(format!("{prefix}{session}/{number}"));
}

/// A paragraph under construction.
#[derive(Debug)]
struct Node {
    kind: ParagraphKind,
    id: String,
    number: Option<u32>,
    label: Option<String>,
    /// Position of a sub-paragraph label in its sequence.
    position: usize,
    start: usize,
    segments: Vec<Range<usize>>,
    children: Vec<Node>,
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

    fn end(&self) -> usize {
        let own = self.segments.last().map_or(self.start, |s| s.end);
        self.children.iter().map(Node::end).fold(own, usize::max)
    }
}

/// A footnote body under construction.
#[derive(Debug)]
struct NoteBody {
    number: u32,
    source: Range<usize>,
    segments: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Preamble,
    Operative,
    After,
}

/// The body parser: one pass over the lines after the enacting formula.
struct Parser<'a> {
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
    fn new(text: &'a str, lines: &'a [Line]) -> Parser<'a> {
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
    fn run(&mut self) {
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
    fn finish(self, doc: &mut Document) {
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

/// Builds model paragraphs and footnotes from nodes: runs, leads, markers.
struct Builder<'a> {
    text: &'a str,
    notes: &'a [NoteBody],
    markers: MarkerState,
    /// Unclaimed footnote indices by marker number.
    queues: HashMap<u32, VecDeque<usize>>,
    /// Paragraph id of each footnote, by index.
    owners: Vec<Option<String>>,
    /// Footnotes for markers without a body.
    orphans: Vec<Footnote>,
    language: super::model::Language,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Builder<'a> {
    fn new(
        text: &'a str,
        notes: &'a [NoteBody],
        plain_markers: bool,
        language: super::model::Language,
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
    fn paragraph(&mut self, node: &Node, depth: usize) -> Paragraph {
        let mut p = Paragraph::new(node.id.clone(), node.kind);
        p.number = node.number;
        p.label = node.label.clone();
        p.source = node.start..node.end();
        let (own, inline_children) = if depth == 0 && node.children.is_empty() {
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

    /// Inline sub-paragraphs `(أ) … (ب) …` split out of a paragraph's text.
    fn split_inline(&mut self, node: &Node) -> (Vec<Range<usize>>, Vec<Paragraph>) {
        let mut own: Vec<Range<usize>> = Vec::new();
        let mut subs: Vec<(String, usize, usize, Vec<Range<usize>>)> = Vec::new();
        let mut found_any = false;
        for seg in &node.segments {
            let s = &self.text[seg.clone()];
            let labels = if found_any {
                Vec::new()
            } else {
                inline::inline_labels(s)
            };
            if labels.is_empty() {
                match subs.last_mut() {
                    Some(sub) => sub.3.push(seg.clone()),
                    None => own.push(seg.clone()),
                }
                continue;
            }
            found_any = true;
            let first = labels[0].0;
            let head = trim_range(self.text, seg.start..seg.start + first);
            if !head.is_empty() {
                own.push(head);
            }
            for (k, (_, content, label, pos)) in labels.iter().enumerate() {
                let end = labels.get(k + 1).map_or(s.len(), |next| next.0);
                let range = trim_range(self.text, seg.start + content..seg.start + end);
                subs.push((label.clone(), *pos, seg.start + labels[k].0, vec![range]));
            }
        }
        if subs.is_empty() {
            return (node.segments.clone(), Vec::new());
        }
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

    /// Runs of a list of segments, joined by single spaces.
    fn runs(&mut self, segments: &[Range<usize>], owner: &str) -> Vec<Run> {
        let mut runs = Vec::new();
        let mut pieces = Vec::new();
        for (i, seg) in segments.iter().enumerate() {
            if i > 0 {
                runs.push(Run::new(RunKind::Plain, " ", None));
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
        let arabic = self.language == super::model::Language::Ar;
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
            None if self.language == super::model::Language::Zh => return None,
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
    fn footnotes(&mut self) -> Vec<Footnote> {
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

/// A range without surrounding white space.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = text.get(range.clone()).unwrap_or("");
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.start + s.trim_end().len();
    start..end.max(start)
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

/// A plain body paragraph `p_N` over a block.
fn plain_paragraph(text: &str, n: usize, range: Range<usize>) -> Paragraph {
    let mut p = Paragraph::new(format!("p_{n}"), ParagraphKind::Plain);
    p.runs.push(Run::new(
        RunKind::Plain,
        text[range.clone()].replace('\n', " "),
        Some(range.clone()),
    ));
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
