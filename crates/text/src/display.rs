//! What the reader shows, before any font is involved: the document as a list of display
//! blocks (header lines, title, paragraphs), each a string in logical order with styled spans.
//!
//! Display strings differ from the model's text only by invisible helpers (a direction mark,
//! word joiners after `/` inside Latin symbols, isolates around footnote markers) and by the
//! printed number or label; [`DisplayText::logical`] strips them again for copy and search.

use qarar_document::{
    Direction, Document, Paragraph, ParagraphKind, Reference, RunKind, runs_text,
};
use qarar_util::script;
use std::ops::Range;

/// Right-to-left mark: forces the paragraph direction of Arabic paragraphs.
pub(crate) const RLM: char = '\u{200F}';
/// Left-to-right mark.
pub(crate) const LRM: char = '\u{200E}';
/// Word joiner: no line break here (after `/` in `A/75/L.20`).
pub(crate) const WJ: char = '\u{2060}';
/// First-strong isolate and pop-directional isolate around footnote markers.
pub const FSI: char = '\u{2068}';
pub const PDI: char = '\u{2069}';
/// Left-to-right isolate: a number group or range inside right-to-left text, kept in one
/// bidi run (so that nothing breaks inside it).
pub const LRI: char = '\u{2066}';

/// How a span is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpanStyle {
    Body,
    /// Operative verb: bold.
    Verb,
    /// Preambular opener: set apart in colour (Arabic has no true italic).
    Opener,
    Emphasis,
    /// Paragraph number or sub-paragraph label.
    Number,
    /// Raised, smaller footnote marker.
    Marker,
    Reference,
    /// Header lines (symbol, date, session): small and muted.
    Meta,
    Title,
}

/// A link inside a block: a footnote marker (opens the footnote) or a reference to another
/// document or paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Footnote { id: String, marker: String },
    Reference { index: usize },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte range in [`DisplayText::text`].
    pub range: Range<usize>,
    pub style: SpanStyle,
    /// Index + 1 into [`DisplayText::links`]; 0 for none.
    pub link: usize,
    /// A comparison's mark of these words (`qarar_compare::Mark` as a number: inserted,
    /// deleted …); 0 for none (the reader's text).
    pub mark: u8,
}

/// A display string with styled spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DisplayText {
    pub text: String,
    pub spans: Vec<Span>,
    pub links: Vec<Link>,
    /// Display byte offset where the paragraph's own text (`Paragraph::text()`) begins and the
    /// pairs (display offset, text offset) at every point where helpers were inserted, so that
    /// positions in the display string map back to positions in the paragraph text.
    pub text_start: usize,
    /// The cells of a table, in reading order (row by row, each row's cells in logical order);
    /// empty for any other block. Cells are separated by a tab, rows by a line break.
    pub cells: Vec<Cell>,
}

/// One cell of a table block: where its text is in the display string and how it is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Byte range in [`DisplayText::text`] (its direction mark first).
    pub range: Range<usize>,
    pub row: usize,
    /// Column, in logical order (0 is the reading start: left, or right in right-to-left text).
    pub col: usize,
    /// Columns and rows it covers (1 × 1 unless the table spans it).
    pub cols: usize,
    pub rows: usize,
    /// A header row's cell (bold, tinted).
    pub header: bool,
    /// Right to left when it holds a right-to-left letter, left to right otherwise.
    pub direction: Direction,
    /// Only figures (amounts, counts, dashes): set flush right so that the digits line up.
    pub(crate) numeric: bool,
}

impl DisplayText {
    fn push(&mut self, s: &str, style: SpanStyle, link: Option<Link>) {
        if s.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(s);
        let link = match link {
            Some(h) => {
                self.links.push(h);
                self.links.len()
            }
            None => 0,
        };
        // Merge with the previous span when nothing differs.
        if let Some(last) = self.spans.last_mut()
            && last.style == style
            && last.link == 0
            && last.mark == 0
            && link == 0
            && last.range.end == start
        {
            last.range.end = self.text.len();
            return;
        }
        self.spans.push(Span {
            range: start..self.text.len(),
            style,
            link,
            mark: 0,
        });
    }

    /// The logical text of a display range: helpers removed (what Ctrl+C copies).
    pub fn logical(&self, range: Range<usize>) -> String {
        let start = floor_boundary(&self.text, range.start);
        let end = floor_boundary(&self.text, range.end.max(start));
        strip_helpers(&self.text[start..end])
    }

    /// Offset in the paragraph's plain text (as in `Paragraph::text()`, in bytes) of a display
    /// offset; `None` when it falls in the number/label prefix or in a footnote marker.
    pub fn text_offset(&self, display: usize) -> Option<usize> {
        if display < self.text_start {
            return None;
        }
        let mut out = 0;
        let mut pos = self.text_start;
        for span in self.spans.iter().filter(|s| s.range.end > self.text_start) {
            if span.style == SpanStyle::Marker {
                if display >= span.range.start && display < span.range.end {
                    return None;
                }
                pos = span.range.end;
                continue;
            }
            let r = span.range.start.max(pos)..span.range.end;
            if display <= r.end && display >= r.start {
                return Some(out + strip_helpers(&self.text[r.start..display]).len());
            }
            out += strip_helpers(&self.text[r.clone()]).len();
            pos = r.end;
        }
        Some(out)
    }

    /// Display offset of an offset in the paragraph's plain text (inverse of `text_offset`).
    pub fn display_offset(&self, text_offset: usize) -> usize {
        let mut remaining = text_offset;
        for span in self
            .spans
            .iter()
            .filter(|s| s.range.start >= self.text_start)
        {
            if span.style == SpanStyle::Marker {
                continue;
            }
            for (i, c) in self.text[span.range.clone()].char_indices() {
                if is_helper(c) {
                    continue;
                }
                if remaining == 0 {
                    return span.range.start + i;
                }
                remaining = remaining.saturating_sub(c.len_utf8());
            }
            if remaining == 0 {
                return span.range.end;
            }
        }
        self.text.len()
    }
}

/// Whether a line must not begin at display offset `at`: next to a word joiner (symbols,
/// numbers, a day and its month, a word and its footnote marker), after an opening bracket,
/// before a closing one or before a footnote marker. The spaces a break swallows are skipped.
pub(crate) fn no_break_before(d: &DisplayText, at: usize) -> bool {
    let text = &d.text;
    if at == 0 || at >= text.len() || !text.is_char_boundary(at) {
        return false;
    }
    let mut joined = false;
    let mut prev = None;
    for c in text[..at].chars().rev() {
        if c == WJ {
            joined = true;
        } else if !(c.is_whitespace() || is_helper(c)) {
            prev = Some(c);
            break;
        }
    }
    let mut next = None;
    for (i, c) in text[at..].char_indices() {
        if c == WJ {
            joined = true;
        } else if !(c.is_whitespace() || is_helper(c)) {
            next = Some((at + i, c));
            break;
        }
    }
    let Some((next_at, next)) = next else {
        return false;
    };
    // Spans stand in text order: the one holding `next_at` is found by halving (a scan of
    // every span for each line was quadratic in a paragraph of many spans).
    let marker = d
        .spans
        .get(d.spans.partition_point(|s| s.range.end <= next_at))
        .is_some_and(|s| s.style == SpanStyle::Marker && s.range.contains(&next_at));
    joined || marker || matches!(prev, Some('(' | '[' | '{')) || matches!(next, ')' | ']' | '}')
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub fn is_helper(c: char) -> bool {
    matches!(c, RLM | LRM | WJ | FSI | PDI | LRI)
}

/// Remove the invisible display helpers.
pub fn strip_helpers(s: &str) -> String {
    s.chars().filter(|c| !is_helper(*c)).collect()
}

/// Insert word joiners where a line must not break: after `/` inside a symbol or a pair of
/// names (`A/75/L.20`, `الثاني/نوفمبر`), inside a number with its separators (`1 200`,
/// `2019–2023`) and between a day and its month (`30 November`); also replace U+2029 (trips
/// cosmic-text 0.19). Helpers only: [`strip_helpers`] gives the text back.
pub fn protect_symbols(s: &str) -> String {
    protect(s, Direction::Ltr)
}

/// [`protect_symbols`] for a block of direction `direction`: in right-to-left text, number
/// groups and ranges are also isolated left to right, so that they stay one bidi run.
pub fn protect(s: &str, direction: Direction) -> String {
    let chars: Vec<char> = s
        .chars()
        .map(|c| {
            if matches!(c, '\u{2029}' | '\u{2028}' | '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut out = String::with_capacity(s.len() + 8);
    let rtl = direction == Direction::Rtl;
    // For right-to-left text, found in one pass each (not searched from every bracket): the
    // next `)` at or after each position, and running counts of right-to-left letters and
    // ASCII letters or digits, so that what a bracket pair encloses is judged at once.
    let (mut next_close, mut rtl_before, mut alnum_before) = (Vec::new(), Vec::new(), Vec::new());
    if rtl {
        next_close = vec![None; chars.len() + 1];
        for (j, &c) in chars.iter().enumerate().rev() {
            next_close[j] = if c == ')' { Some(j) } else { next_close[j + 1] };
        }
        let (mut r, mut a) = (0usize, 0usize);
        for &c in &chars {
            rtl_before.push(r);
            alnum_before.push(a);
            r += usize::from(script::is_rtl(c));
            a += usize::from(c.is_ascii_alphanumeric());
        }
        rtl_before.push(r);
        alnum_before.push(a);
    }
    let mut isolated = false;
    // End of a bracketed Latin symbol or number isolated in right-to-left text.
    let mut bracket_end = None;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        // "(A/75/L.20)" in Arabic text: one left-to-right run, brackets included, so that the
        // line never breaks between a bracket and what it encloses.
        if rtl
            && c == '('
            && bracket_end.is_none()
            && !isolated
            && let Some(j) = next_close.get(i + 1).copied().flatten()
        {
            // What `chars[i + 1..j]` holds.
            let count = |before: &[usize]| before[j] - before[i + 1];
            if count(&rtl_before) == 0 && count(&alnum_before) > 0 {
                out.push(LRI);
                bracket_end = Some(j);
            }
        }
        // A number group or range starts here (right-to-left text: isolate it).
        if rtl && !isolated && c.is_ascii_digit() && !digit(prev) && number_unit_end(&chars, i) > 0
        {
            out.push(LRI);
            isolated = true;
        }
        out.push(c);
        if isolated && !c.is_ascii_digit() && !number_joiner(c) {
            // Cannot happen: the unit ends on a digit.
            isolated = false;
        }
        if isolated && c.is_ascii_digit() && !continues_number(&chars, i) {
            out.push(PDI);
            isolated = false;
        }
        let glue = match c {
            '/' | '-' => {
                prev.is_some_and(|p| is_symbol_char(p) || p.is_alphabetic())
                    && next.is_some_and(|n| is_symbol_char(n) || n.is_alphabetic())
            }
            // Range of numbers: 2019–2023.
            '–' | '—' => digit(prev) && digit(next),
            // Thousands: 1 200; a day and its month: 30 November, 30 نوفمبر.
            ' ' | '\u{00A0}' | '\u{202F}' => {
                digit(prev)
                    && (thousands_group(&chars, i + 1) || starts_with_month(&chars[i + 1..]))
            }
            _ => false,
        };
        if glue {
            out.push(WJ);
        }
        if bracket_end == Some(i) {
            if isolated {
                out.push(PDI);
                isolated = false;
            }
            out.push(PDI);
            bracket_end = None;
        }
    }
    if isolated {
        out.push(PDI);
    }
    if bracket_end.is_some() {
        out.push(PDI);
    }
    out
}

/// `c` may sit inside a number unit (thousands space, range dash).
fn number_joiner(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '–' | '—')
}

/// After digit `i`, the number unit goes on (a thousands group or a range follows).
fn continues_number(chars: &[char], i: usize) -> bool {
    match chars.get(i + 1) {
        Some(c) if c.is_ascii_digit() => true,
        Some(' ' | '\u{00A0}' | '\u{202F}') => thousands_group(chars, i + 2),
        Some('–' | '—') => chars.get(i + 2).is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Length of the number unit (group or range, more than a plain number) starting at `i`, 0 if
/// it is a plain number.
fn number_unit_end(chars: &[char], i: usize) -> usize {
    let mut j = i;
    let mut joined = false;
    while j < chars.len() && chars[j].is_ascii_digit() {
        if continues_number(chars, j) && !chars[j + 1].is_ascii_digit() {
            joined = true;
            j += 2;
            continue;
        }
        j += 1;
    }
    if joined { j - i } else { 0 }
}

/// Three digits at `i`, then no digit: a thousands group (`1 200`).
fn thousands_group(chars: &[char], i: usize) -> bool {
    chars.len() >= i + 3
        && chars[i..i + 3].iter().all(|c| c.is_ascii_digit())
        && !chars.get(i + 3).is_some_and(|c| c.is_ascii_digit())
}

/// The text at `rest` begins with a month name (a day's month follows).
fn starts_with_month(rest: &[char]) -> bool {
    let word: String = rest
        .iter()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>();
    qarar_util::months::is_month(&word)
}

fn is_symbol_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.' || c.is_ascii_digit()
}

/// What a block is, for layout and the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// Header line (symbol, dates, session, agenda item, origin).
    Meta,
    Title,
    Formula,
    Paragraph {
        id: String,
        depth: usize,
    },
    Closing,
}

/// One display block of the document view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub display: DisplayText,
    pub direction: Direction,
}

impl Block {
    pub fn paragraph_id(&self) -> Option<&str> {
        match &self.kind {
            BlockKind::Paragraph { id, .. } => Some(id),
            BlockKind::Formula => Some("enacting_formula"),
            _ => None,
        }
    }
}

/// The invisible mark that opens a block of direction `direction` ([`RLM`] or [`LRM`]), so
/// that a block starting with a number or a Latin symbol still runs in its own direction.
/// The reader's blocks begin with it, and so do those the PDF exports build.
pub fn dir_mark(direction: Direction) -> char {
    match direction {
        Direction::Rtl => RLM,
        Direction::Ltr => LRM,
    }
}

/// The base direction of a block: left to right when a block of a right-to-left document has
/// no right-to-left letter but Latin ones (the cover's "30 November 2020"), the document's
/// otherwise.
pub fn block_direction(document: Direction, text: &str) -> Direction {
    if document == Direction::Rtl
        && !text.chars().any(script::is_rtl)
        && text.chars().any(|c| c.is_alphabetic())
    {
        Direction::Ltr
    } else {
        document
    }
}

fn simple_block(kind: BlockKind, text: &str, style: SpanStyle, direction: Direction) -> Block {
    let direction = block_direction(direction, text);
    let mut d = DisplayText::default();
    d.push(&dir_mark(direction).to_string(), style, None);
    d.text_start = d.text.len();
    d.push(&protect(text, direction), style, None);
    Block {
        kind,
        display: d,
        direction,
    }
}

/// The printed prefix of a paragraph: `13 - ` / `13. ` / `(ب) `.
pub fn paragraph_prefix(p: &Paragraph, direction: Direction) -> String {
    match p.kind {
        ParagraphKind::Operative => match (p.number, direction) {
            (Some(n), Direction::Rtl) => format!("{n} - "),
            (Some(n), Direction::Ltr) => format!("{n}. "),
            (None, _) => String::new(),
        },
        ParagraphKind::SubParagraph => match &p.label {
            Some(l) if l.chars().all(|c| c.is_ascii_digit()) && direction == Direction::Rtl => {
                format!("'{l}' ")
            }
            Some(l) => format!("({l}) "),
            None => String::new(),
        },
        _ => String::new(),
    }
}

/// Display text of one paragraph.
pub fn paragraph_display(
    p: &Paragraph,
    references: &[Reference],
    direction: Direction,
) -> DisplayText {
    let mut d = DisplayText::default();
    d.push(&dir_mark(direction).to_string(), SpanStyle::Body, None);
    d.push(&paragraph_prefix(p, direction), SpanStyle::Number, None);
    d.text_start = d.text.len();
    let plain = if p.kind == ParagraphKind::Heading {
        SpanStyle::Verb
    } else {
        SpanStyle::Body
    };
    if let Some(table) = &p.table {
        table_display(&mut d, table, references);
    }
    push_runs(&mut d, &p.runs, plain, p.kind, references, direction);
    d
}

/// The inline runs of a paragraph or a table cell.
fn push_runs(
    d: &mut DisplayText,
    runs: &[qarar_document::Run],
    plain: SpanStyle,
    kind: ParagraphKind,
    references: &[Reference],
    direction: Direction,
) {
    for run in runs {
        match &run.kind {
            RunKind::Plain => d.push(&protect(&run.text, direction), plain, None),
            RunKind::Emphasis => d.push(&protect(&run.text, direction), SpanStyle::Emphasis, None),
            RunKind::Lead => {
                let style = if kind == ParagraphKind::Preamble {
                    SpanStyle::Opener
                } else {
                    SpanStyle::Verb
                };
                d.push(&protect(&run.text, direction), style, None);
            }
            RunKind::FootnoteMarker { footnote } => {
                let marker = run.text.trim();
                // Glued to its word (word joiner). Isolated only in right-to-left text,
                // where the digits are a bidi run of their own anyway: an isolate in
                // left-to-right text would make one, and cosmic-text may break between runs.
                let shown = match direction {
                    Direction::Rtl => format!("{WJ}{FSI}({marker}){PDI}"),
                    Direction::Ltr => format!("{WJ}({marker})"),
                };
                d.push(
                    &shown,
                    SpanStyle::Marker,
                    Some(Link::Footnote {
                        id: footnote.clone(),
                        marker: marker.to_string(),
                    }),
                );
            }
            RunKind::Reference { reference } => {
                let link = references
                    .get(*reference)
                    .map(|_| Link::Reference { index: *reference });
                let style = if link.is_some() {
                    SpanStyle::Reference
                } else {
                    SpanStyle::Body
                };
                d.push(&protect(&run.text, direction), style, link);
            }
        }
    }
}

/// The rows of a table, row after row (a line break between rows, a tab between cells), each
/// cell's text set in its own direction; rows without any text are left out.
fn table_display(d: &mut DisplayText, table: &qarar_document::Table, references: &[Reference]) {
    let grid = table.grid();
    let texts: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| row.cells.iter().map(|c| runs_text(c)).collect())
        .collect();
    let shown: Vec<bool> = texts
        .iter()
        .map(|t| !t.iter().all(|c| c.trim().is_empty()))
        .collect();
    let mut row_n = 0;
    for (r, row) in table.rows.iter().enumerate() {
        if !shown[r] {
            continue;
        }
        if row_n > 0 {
            d.push("\n", SpanStyle::Body, None);
        }
        let plain = if row.header {
            SpanStyle::Verb
        } else {
            SpanStyle::Body
        };
        for (i, (runs, text)) in row.cells.iter().zip(&texts[r]).enumerate() {
            if i > 0 {
                d.push("\t", SpanStyle::Body, None);
            }
            let direction = if text.chars().any(script::is_rtl) {
                Direction::Rtl
            } else {
                Direction::Ltr
            };
            let start = d.text.len();
            d.push(&dir_mark(direction).to_string(), plain, None);
            push_runs(d, runs, plain, ParagraphKind::Plain, references, direction);
            let numeric = !text.trim().is_empty()
                && text
                    .chars()
                    .all(|c| c.is_ascii_digit() || c.is_whitespace() || ".,–—-−%$()".contains(c));
            let g = grid[r][i];
            // Rows left out (without any text) are not covered.
            let rows = (r..r + g.rows).filter(|&k| shown[k]).count().max(1);
            d.cells.push(Cell {
                range: start..d.text.len(),
                row: row_n,
                col: g.col,
                cols: g.cols,
                rows,
                header: row.header,
                direction,
                numeric,
            });
        }
        row_n += 1;
    }
}

/// The document as display blocks, in reading order.
pub fn blocks(doc: &Document) -> Vec<Block> {
    let dir = doc.meta.direction;
    let m = &doc.meta;
    let mut out = Vec::new();
    let ar = dir == Direction::Rtl;
    if !m.cover.is_empty() {
        // The cover page as printed.
        for line in &m.cover {
            out.push(simple_block(BlockKind::Meta, line, SpanStyle::Meta, dir));
        }
    } else {
        let mut header = Vec::new();
        if let Some(s) = &m.symbol {
            header.push(s.clone());
        }
        if let Some(o) = &m.organ {
            header.push(o.clone());
        }
        if let Some(s) = m.session {
            header.push(if ar {
                format!("الدورة {s}")
            } else {
                format!("Session {s}")
            });
        }
        if let Some(a) = &m.agenda_item {
            header.push(if ar {
                format!("البند {a} من جدول الأعمال")
            } else {
                format!("Agenda item {a}")
            });
        }
        if let Some(d) = &m.adopted {
            header.push(if ar {
                format!("اعتُمد في {d}")
            } else {
                format!("Adopted {d}")
            });
        }
        if !header.is_empty() {
            out.push(simple_block(
                BlockKind::Meta,
                &header.join("  ·  "),
                SpanStyle::Meta,
                dir,
            ));
        }
        if !m.originating.is_empty() {
            let joiner = if ar { " و " } else { " and " };
            let label = if ar {
                "الوثائق الأصلية: "
            } else {
                "Originating documents: "
            };
            out.push(simple_block(
                BlockKind::Meta,
                &format!("{label}{}", m.originating.join(joiner)),
                SpanStyle::Meta,
                dir,
            ));
        }
    }
    let title = doc.title_line.clone().or_else(|| m.title.clone());
    if let Some(t) = title {
        out.push(simple_block(BlockKind::Title, &t, SpanStyle::Title, dir));
    }
    if let Some(f) = &doc.enacting_formula {
        out.push(Block {
            kind: BlockKind::Formula,
            display: paragraph_display(f, &doc.references, dir),
            direction: dir,
        });
    }
    let paragraph_blocks = |out: &mut Vec<Block>, tops: &mut dyn Iterator<Item = &Paragraph>| {
        for top in tops {
            for (depth, p) in top.walk() {
                let dir = block_direction(dir, &p.text());
                out.push(Block {
                    kind: BlockKind::Paragraph {
                        id: p.id.clone(),
                        depth,
                    },
                    display: paragraph_display(p, &doc.references, dir),
                    direction: dir,
                });
            }
        }
    };
    paragraph_blocks(
        &mut out,
        &mut doc.preamble.iter().chain(&doc.body).chain(&doc.operative),
    );
    for part in &doc.parts {
        let heading = part.heading();
        out.push(simple_block(
            BlockKind::Title,
            &heading,
            SpanStyle::Title,
            dir,
        ));
        paragraph_blocks(&mut out, &mut part.tops());
    }
    for annex in &doc.annexes {
        for line in annex.heading_lines() {
            out.push(simple_block(BlockKind::Title, line, SpanStyle::Title, dir));
        }
        paragraph_blocks(&mut out, &mut annex.paragraphs.iter());
    }
    if let Some(c) = &doc.closing {
        let lines: Vec<&str> = [c.meeting.as_deref(), c.date_text.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !lines.is_empty() {
            out.push(simple_block(
                BlockKind::Closing,
                &lines.join("  ·  "),
                SpanStyle::Meta,
                dir,
            ));
        }
    }
    out
}

/// Direction of a text by its first strong character (search field, notes, details).
pub fn text_direction(text: &str) -> Direction {
    for c in text.chars() {
        if script::is_rtl(c) {
            return Direction::Rtl;
        }
        if c.is_alphabetic() {
            return Direction::Ltr;
        }
    }
    Direction::Rtl
}

#[cfg(test)]
mod tests;
