//! The body parser: one pass over the lines after the enacting formula that sorts them
//! into preambular and operative paragraphs, sub-paragraphs, footnote bodies and the
//! closing lines.

use super::inline::{self, MarkerState, Piece};
use super::lexicon::{self, LeadList};
use super::table;
use super::{Line, meta, structure};
use crate::ids;
use crate::model::{Closing, Diagnostic, ParagraphKind};
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
    /// A table takes no text after its rows: it goes to the paragraph holding the table.
    fn deepest_mut(&mut self) -> &mut Node {
        match self.children.last() {
            None => return self,
            Some(last) if last.kind == ParagraphKind::Table => return self,
            Some(_) => {}
        }
        let last = self.children.len() - 1;
        self.children[last].deepest_mut()
    }

    fn deepest(&self) -> &Node {
        match self.children.last() {
            Some(last) if last.kind != ParagraphKind::Table => last.deepest(),
            _ => self,
        }
    }

    /// Add a line: extend the last segment when it continues the same block.
    fn push_line(&mut self, range: Range<usize>, same_block: bool) {
        match self.segments.last_mut() {
            Some(last) if same_block => last.end = range.end,
            _ => self.segments.push(range),
        }
    }

    /// Give the node a new id, and its descendants ids under it.
    pub(super) fn rename(&mut self, id: &str) {
        let old = std::mem::replace(&mut self.id, id.to_string());
        for c in &mut self.children {
            if let Some(rest) = c.id.strip_prefix(&old) {
                let new = format!("{id}{rest}");
                c.rename(&new);
            }
        }
    }

    /// Its sub-paragraphs (not the unnumbered text between or after them).
    pub(super) fn subs(&self) -> impl Iterator<Item = &Node> {
        self.children
            .iter()
            .filter(|c| c.kind == ParagraphKind::SubParagraph)
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

/// What the lines read are: a resolution (or one part of one) or an annex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Resolution,
    /// Numbered paragraphs, sub-paragraphs and unnumbered paragraphs (`p_N`) in reading
    /// order, all in `operative`.
    Annex,
}

/// What one parser read, before paragraphs are built.
pub(super) struct Parsed {
    pub(super) preamble: Vec<Node>,
    pub(super) operative: Vec<Node>,
    /// Unnumbered text before the first operative paragraph (`text_1`).
    pub(super) loose: Vec<Node>,
    pub(super) notes: Vec<NoteBody>,
    pub(super) closing: Closing,
    pub(super) trailing: Vec<Range<usize>>,
    pub(super) diagnostics: Vec<Diagnostic>,
}

/// Footnote marker numbers seen in the text: superscript ones and inline `(N)` ones.
pub(super) struct Markers {
    pub(super) superscripts: HashSet<u32>,
    pub(super) inline_plain: HashSet<u32>,
}

impl Markers {
    pub(super) fn scan(text: &str, lines: &[Line]) -> Markers {
        let (superscripts, inline_plain) = scan_markers(text, lines);
        Markers {
            superscripts,
            inline_plain,
        }
    }
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
    markers: &'a Markers,
    mode: Mode,
    /// Prefix of every id (`A.`, `annex_1.`, or nothing).
    prefix: String,
    /// Unnumbered paragraphs of an annex so far.
    plain_count: usize,
    /// Section headings of an annex so far (`annex_1.sec_2`).
    sections: usize,
    /// Tables so far (annex or body), and where the one being read is.
    tables: usize,
    open_table: Option<TableAt>,
    /// The open table's columns, as tab-separated fields (0 when its rows have no tabs).
    table_columns: usize,
    /// Tables before the first operative paragraph (`table_1`, with the loose text).
    loose_tables: Vec<Node>,
}

/// Where the table being read is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableAt {
    /// The last child of the last operative paragraph (`para_2_table_1`).
    Child,
    /// The last top-level paragraph (`annex_1.table_1`).
    Top,
    /// The last loose table.
    Loose,
}

impl<'a> Parser<'a> {
    pub(super) fn new(
        text: &'a str,
        lines: &'a [Line],
        markers: &'a Markers,
        mode: Mode,
        prefix: &str,
    ) -> Parser<'a> {
        Parser {
            text,
            lines,
            section: if mode == Mode::Annex {
                Section::Operative
            } else {
                Section::Preamble
            },
            preamble: Vec::new(),
            operative: Vec::new(),
            notes: Vec::new(),
            in_note: false,
            expected: 1,
            closing: Closing::default(),
            trailing: Vec::new(),
            diagnostics: Vec::new(),
            markers,
            mode,
            prefix: prefix.to_string(),
            plain_count: 0,
            sections: 0,
            tables: 0,
            open_table: None,
            table_columns: 0,
            loose_tables: Vec::new(),
        }
    }

    fn line_text(&self, line: &Line) -> &'a str {
        &self.text[line.range.clone()]
    }

    /// A line with the white space it was trimmed of (the tabs of a row's empty cells).
    fn raw_line(&self, line: &Line) -> &'a str {
        let start = self.text[..line.range.start]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let end = self.text[line.range.end..]
            .find('\n')
            .map_or(self.text.len(), |i| line.range.end + i);
        &self.text[start..end]
    }

    /// Read every line.
    pub(super) fn run(&mut self) {
        for idx in 0..self.lines.len() {
            let line = self.lines[idx].clone();
            if line.new_block {
                self.in_note = false;
            }
            let s = self.line_text(&line);
            if meta::is_page_furniture(s) || super::reflow::is_rule(s) {
                continue;
            }
            if line.new_block
                && self.section != Section::After
                && self.lines.get(idx + 1).is_none_or(|l| l.new_block)
                && meta::is_division_heading(s)
            {
                continue;
            }
            if self.in_note {
                // A footnote block may hold several footnotes, one a line.
                if self.note_start(s).is_some() && self.footnote_body(&line, s) {
                    continue;
                }
                let end = line.range.start + without_backlink(s).len();
                if let Some(note) = self.notes.last_mut() {
                    note.source.end = line.range.end;
                    if let Some(seg) = note.segments.last_mut() {
                        seg.end = end;
                    }
                }
                continue;
            }
            if self.footnote_body(&line, s) {
                continue;
            }
            if self.section != Section::After && self.table_row(idx, &line, s) {
                continue;
            }
            self.open_table = None;
            match self.section {
                Section::After => self.after_line(&line, s),
                _ => self.body_line(idx, &line, s),
            }
        }
    }

    /// A table row (cells separated by tabs or spaces): the next row of the table being
    /// read, or the first of a new one when the next line is a row too.
    fn table_row(&mut self, idx: usize, line: &Line, s: &str) -> bool {
        let columns = self.table_columns;
        let raw = self.raw_line(line);
        let row = table::cells(s).is_some();
        if let Some(at) = self.open_table
            && (row || table::continues(raw, columns))
            && let Some(t) = self.table_mut(at)
        {
            t.segments.push(line.range.clone());
            self.table_columns = columns.max(table::tab_fields(raw));
            return true;
        }
        if !row {
            return false;
        }
        let next_is_row = self.lines.get(idx + 1).is_some_and(|l| {
            table::cells(self.line_text(l)).is_some()
                || table::continues(self.raw_line(l), table::tab_fields(raw))
        });
        if !next_is_row {
            return false;
        }
        self.tables += 1;
        let mut node = Node::new(
            ParagraphKind::Table,
            String::new(),
            line.range.start,
            line.range.clone(),
        );
        let at = if self.mode == Mode::Annex {
            node.id = format!("{}table_{}", self.prefix, self.tables);
            self.operative.push(node);
            TableAt::Top
        } else if self.section == Section::Operative
            && let Some(parent) = self.operative.last_mut()
        {
            let k = parent
                .children
                .iter()
                .filter(|c| c.kind == ParagraphKind::Table)
                .count();
            node.id = format!("{}_table_{}", parent.id, k + 1);
            parent.children.push(node);
            TableAt::Child
        } else {
            node.id = format!("{}table_{}", self.prefix, self.loose_tables.len() + 1);
            self.loose_tables.push(node);
            TableAt::Loose
        };
        self.open_table = Some(at);
        self.table_columns = table::tab_fields(raw);
        true
    }

    fn table_mut(&mut self, at: TableAt) -> Option<&mut Node> {
        match at {
            TableAt::Child => self.operative.last_mut()?.children.last_mut(),
            TableAt::Top => self.operative.last_mut(),
            TableAt::Loose => self.loose_tables.last_mut(),
        }
        .filter(|n| n.kind == ParagraphKind::Table)
    }

    /// Where a footnote body starts: `(4) …`, `⁴ …`, or after the closing lines an endnote
    /// `4. (4) …`; (number, offset of the text).
    fn note_start(&self, s: &str) -> Option<(u32, usize)> {
        inline::footnote_start(s).or_else(|| {
            (self.section == Section::After)
                .then(|| inline::endnote_start(s))
                .flatten()
        })
    }

    /// A footnote body line (`(4) …`, `⁴ …`) starts a note.
    fn footnote_body(&mut self, line: &Line, s: &str) -> bool {
        let Some((n, offset)) = self.note_start(s) else {
            return false;
        };
        let superscript = !s[..offset].contains('(');
        let known = if superscript {
            true
        } else if self.markers.superscripts.is_empty() {
            self.markers.inline_plain.contains(&n)
        } else {
            self.markers.superscripts.contains(&n)
        };
        if !known {
            return false;
        }
        let start = line.range.start + offset;
        let content = start..(line.range.start + without_backlink(s).len()).max(start);
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
        // The meeting line closes the resolution, also where it stands after an annex (as
        // exports of the resolution write it).
        if self.section != Section::After && !pending && line.new_block && meta::is_meeting_line(s)
        {
            self.closing.meeting = Some(s.to_string());
            self.section = Section::After;
            return;
        }
        // A date alone after the operative paragraphs, where the meeting line is missing,
        // is the closing date (not a heading of the last paragraph).
        if self.section == Section::Operative
            && !pending
            && line.new_block
            && self.lines.get(idx + 1).is_none_or(|l| l.new_block)
            && meta::is_date_line(s)
        {
            self.closing.date_text = Some(s.to_string());
            self.closing.date = meta::parse_date(s);
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
                let id = format!(
                    "{}{}",
                    self.prefix,
                    ids::preamble_id(self.preamble.len() + 1)
                );
                let node = Node::new(
                    ParagraphKind::Preamble,
                    id,
                    line.range.start,
                    line.range.clone(),
                );
                self.preamble.push(node);
            }
            _ => {
                let alone = self.lines.get(idx + 1).is_none_or(|l| l.new_block);
                self.orphan(line, s, alone)
            }
        }
    }

    /// Text in the operative part that neither continues nor starts a paragraph. A short
    /// line without closing punctuation (a heading, a separator `* * *`) is a plain child
    /// `para_6_text_1` of the paragraph before it, as the Akoma Ntoso parser gives it, so
    /// the numbering is not broken; other text is joined to the paragraph before it. In an
    /// annex, a heading line alone in its block is a heading (`annex_1.sec_2`) and other
    /// unnumbered text a paragraph of its own (`annex_1.p_3`).
    fn orphan(&mut self, line: &Line, s: &str, alone: bool) {
        if self.mode == Mode::Annex
            && line.new_block
            && alone
            && structure::is_annex_section_heading(s)
        {
            self.sections += 1;
            let id = format!("{}sec_{}", self.prefix, self.sections);
            let node = Node::new(
                ParagraphKind::Heading,
                id,
                line.range.start,
                line.range.clone(),
            );
            self.operative.push(node);
            return;
        }
        if self.mode == Mode::Annex {
            self.plain_count += 1;
            let id = format!("{}p_{}", self.prefix, self.plain_count);
            let node = Node::new(
                ParagraphKind::Plain,
                id,
                line.range.start,
                line.range.clone(),
            );
            self.operative.push(node);
            return;
        }
        // A long line is text, unless it is the title under a section's numeral (`XII`).
        let after_heading = self
            .current()
            .map(Node::deepest)
            .is_some_and(|n| n.kind == ParagraphKind::Plain);
        if (s.split_whitespace().count() > 12 && !(after_heading && s.chars().count() <= 200))
            || ends_terminal(s)
        {
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
            return;
        }
        let Some(parent) = self.current_mut() else {
            return;
        };
        let k = parent
            .children
            .iter()
            .filter(|c| c.kind == ParagraphKind::Plain)
            .count()
            + 1;
        let id = format!("{}_text_{k}", parent.id);
        parent.children.push(Node::new(
            ParagraphKind::Plain,
            id,
            line.range.start,
            line.range.clone(),
        ));
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
        // In an annex, numbering may start again after a section heading.
        if n == 1
            && self.mode == Mode::Annex
            && self
                .operative
                .last()
                .is_some_and(|p| p.kind == ParagraphKind::Heading)
        {
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
        let mut id = format!("{}{}", self.prefix, ids::operative_id(n));
        // Numbering that starts again in an annex's section keeps ids unique, as the Akoma
        // Ntoso reader makes them (`annex_1.sec_2.para_1`).
        if self.mode == Mode::Annex && self.operative.iter().any(|p| p.id == id) {
            id = format!(
                "{}sec_{}.{}",
                self.prefix,
                self.sections,
                ids::operative_id(n)
            );
        }
        let mut node = Node::new(ParagraphKind::Operative, id, line.range.start, content);
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
        let expected = parent.subs().count() + 1;
        (label.is_letter(expected) && (expected > 1 || opens(parent))).then_some((1, expected))
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
            .filter(|n| n.kind != ParagraphKind::Heading)
            .map(Node::deepest)
            // A section's numeral between operative paragraphs (`II`, `para_9_text_1`) is a
            // block of its own: its title after it does not continue it.
            .filter(|n| {
                !(n.kind == ParagraphKind::Plain
                    && self.mode == Mode::Resolution
                    && is_numeral(self.text, n))
            })
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

    /// What was read: unnumbered text led by an operative verb just before the first
    /// numbered paragraph is loose text (`text_1`, "Adopts the following declaration:"),
    /// and a resolution whose only operative paragraph is unnumbered has it as `para_1`.
    pub(super) fn finish(self) -> Parsed {
        let Parser {
            text,
            mut preamble,
            mut operative,
            notes,
            closing,
            trailing,
            mut diagnostics,
            prefix,
            mode,
            loose_tables,
            ..
        } = self;
        let mut loose = Vec::new();
        if mode == Mode::Resolution {
            // Text that introduces the paragraphs rather than precedes them ("Adopts the
            // following declaration:"), with the title of what it introduces after it.
            loop {
                let n = preamble.len();
                let take = if preamble
                    .last()
                    .is_some_and(|n| is_loose(text, n) || is_section_heading(text, n))
                {
                    1
                } else if n >= 2
                    && is_title_node(text, &preamble[n - 1])
                    && is_loose(text, &preamble[n - 2])
                {
                    2
                } else {
                    break;
                };
                for node in preamble.drain(n - take..).rev() {
                    loose.insert(0, node);
                }
            }
            for (i, node) in loose.iter_mut().enumerate() {
                node.kind = ParagraphKind::Plain;
                node.rename(&format!("{prefix}text_{}", i + 1));
            }
            if operative.is_empty() && loose.len() == 1 {
                for mut node in loose.drain(..) {
                    node.kind = ParagraphKind::Operative;
                    node.rename(&format!("{prefix}{}", ids::operative_id(1)));
                    operative.push(node);
                }
            }
        }
        loose.extend(loose_tables);
        if mode == Mode::Resolution && operative.is_empty() && !preamble.is_empty() {
            diagnostics.push(Diagnostic::warning(
                "no numbered operative paragraphs found",
                None,
            ));
        }
        Parsed {
            preamble,
            operative,
            loose,
            notes,
            closing,
            trailing,
            diagnostics,
        }
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

/// A line without the link back to the text that ends a printed endnote (`↩`).
fn without_backlink(s: &str) -> &str {
    s.trim_end_matches(['↩', '↑', '\u{fe0e}', ' ', '\u{a0}'])
}

/// A section's heading (`I`, then its title), standing before paragraph 1: not preambular.
fn is_section_heading(text: &str, node: &Node) -> bool {
    let mut joined = String::new();
    for seg in &node.segments {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(text[seg.clone()].trim());
        if joined.len() > 400 {
            return false;
        }
    }
    structure::is_labelled_heading(&joined)
}

/// A node holding only a Roman numeral (`II`, `XII.`) or an Arabic ordinal: a section's
/// number.
fn is_numeral(text: &str, node: &Node) -> bool {
    let [only] = node.segments.as_slice() else {
        return false;
    };
    let t = text[only.clone()].trim().trim_end_matches('.');
    let roman = !t.is_empty() && t.len() <= 8 && t.chars().all(|c| "IVXLC".contains(c));
    // An ordinal alone numbers Arabic sections: `ثانيا`, from eleven on `حادي عشر`.
    let words: Vec<&str> = t.split_whitespace().collect();
    let teen = words.len() == 2 && words[1].starts_with("عشر");
    roman || teen || (words.len() == 1 && t.len() <= 24 && structure::is_labelled_heading(t))
}

/// A title: one short line without punctuation at its end.
fn is_title_node(text: &str, node: &Node) -> bool {
    let [only] = node.segments.as_slice() else {
        return false;
    };
    let s = trim_end_residue(&text[only.clone()]);
    !s.is_empty()
        && s.chars().count() <= 200
        && !s.ends_with([
            '.', ',', ';', ':', '،', '؛', '。', '，', '；', '：', '!', '?', '؟',
        ])
        && !starts_with_opener(s)
}

/// Unnumbered text at the end of the preamble that is not preambular: it starts with an
/// operative verb, or it ends in a colon or full stop where preambular paragraphs end in a
/// comma ("Resolves that, for 2023:", "Adopts the following declaration:", "正式决定，对于2023年：";
/// `正式决定` "resolves" is no preambular opener, as "Resolves" is none).
fn is_loose(text: &str, node: &Node) -> bool {
    let first = node.segments.first().map_or("", |r| &text[r.clone()]);
    if starts_with_opener(first) {
        return false;
    }
    let last = node.segments.last().map_or("", |r| &text[r.clone()]);
    lexicon::match_lead(first, LeadList::Verbs, false).is_some()
        || trim_end_residue(last).ends_with([':', '.', '：', '。'])
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
