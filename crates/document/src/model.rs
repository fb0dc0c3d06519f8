//! The resolution model: one structure for every source format and language.
//!
//! Text is stored once, in logical order, as inline [`Run`]s that know what they are.
//! Every element keeps its byte range in the (decoded, LF-normalised) source text.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Languages of the United Nations (and a fallback).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Ar,
    En,
    Fr,
    Es,
    Ru,
    Zh,
}

impl Language {
    /// ISO 639-1 code, as used in `https://undocs.org/{code}/SYMBOL`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::Ru => "ru",
            Language::Zh => "zh",
        }
    }

    /// Parse `ar`, `ara`, `en`, `eng`, `fra`, `fre`, … (case-insensitive).
    pub fn from_code(code: &str) -> Option<Language> {
        Some(match code.trim().to_ascii_lowercase().as_str() {
            "ar" | "ara" | "arabic" => Language::Ar,
            "en" | "eng" | "english" => Language::En,
            "fr" | "fra" | "fre" | "french" => Language::Fr,
            "es" | "spa" | "spanish" => Language::Es,
            "ru" | "rus" | "russian" => Language::Ru,
            "zh" | "zho" | "chi" | "chinese" => Language::Zh,
            _ => return None,
        })
    }

    pub fn direction(self) -> Direction {
        match self {
            Language::Ar => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Rtl,
    Ltr,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Rtl => "rtl",
            Direction::Ltr => "ltr",
        }
    }
}

/// Which parser produced the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    #[default]
    PlainText,
    AkomaNtoso,
    /// A PDF's text layer, read by position (`crate::pdf`).
    Pdf,
    /// A Word (.docx) file (`crate::docx`).
    Docx,
}

impl SourceFormat {
    /// The short name shown beside a tab's title and written in exports ("TXT", "XML", …).
    pub fn short_name(self) -> &'static str {
        match self {
            SourceFormat::PlainText => "TXT",
            SourceFormat::AkomaNtoso => "XML",
            SourceFormat::Pdf => "PDF",
            SourceFormat::Docx => "DOCX",
        }
    }
}

/// Document metadata (cover page and preface).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Canonical symbol, e.g. `A/RES/75/10`.
    pub symbol: Option<String>,
    pub language: Language,
    pub direction: Direction,
    /// Issuing organ as written, e.g. `الجمعية العامة`.
    pub organ: Option<String>,
    /// Session number, e.g. 75.
    pub session: Option<u32>,
    /// Agenda item as written without the word "item", e.g. `130 (ذ)` or `130 (y)`.
    pub agenda_item: Option<String>,
    /// Adoption date, ISO 8601 (`2020-11-23`).
    pub adopted: Option<String>,
    /// Issue (distribution) date, ISO 8601 (`2020-11-30`).
    pub issued: Option<String>,
    /// Originating documents, e.g. `A/75/L.20`, `A/75/L.20/Add.1`.
    pub originating: Vec<String>,
    /// Resolution title (without the number).
    pub title: Option<String>,
    /// The cover page as written, one entry per printed block (distribution line, date,
    /// organ, session, agenda item, adoption line, origin), in order.
    #[serde(default)]
    pub cover: Vec<String>,
}

/// What an inline run of text is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RunKind {
    Plain,
    /// Preambular opener or operative verb.
    Lead,
    Emphasis,
    /// A footnote marker; the run's text is the marker as displayed (`1`).
    FootnoteMarker {
        footnote: String,
    },
    /// A cross-reference; index into [`Document::references`].
    Reference {
        reference: usize,
    },
}

/// A piece of text that knows what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub kind: RunKind,
    pub text: String,
    /// Byte range in the source text, when the run maps to one place.
    pub source: Option<Range<usize>>,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            kind: RunKind::Plain,
            text: text.into(),
            source: None,
        }
    }

    pub fn new(kind: RunKind, text: impl Into<String>, source: Option<Range<usize>>) -> Run {
        Run {
            kind,
            text: text.into(),
            source,
        }
    }

    pub fn is_marker(&self) -> bool {
        matches!(self.kind, RunKind::FootnoteMarker { .. })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    EnactingFormula,
    Preamble,
    Operative,
    SubParagraph,
    /// A paragraph of a text that is not (recognisably) a resolution, or unnumbered text.
    Plain,
    /// A heading inside an annex (a section or chapter title).
    Heading,
    /// A table; its rows are in [`Paragraph::table`].
    Table,
}

/// A paragraph of any kind. Operative and sub-paragraphs nest through `children`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Stable id shared across languages: `preamble_3`, `para_13`, `para_13_b`, `para_2_b_ii`.
    pub id: String,
    pub kind: ParagraphKind,
    /// Operative paragraph number.
    pub number: Option<u32>,
    /// Sub-paragraph label as written (`أ`, `b`, `ii`, `1`).
    pub label: Option<String>,
    /// Opener or verb as written.
    pub lead: Option<String>,
    pub runs: Vec<Run>,
    pub children: Vec<Paragraph>,
    /// Byte range of the whole paragraph in the source.
    pub source: Range<usize>,
    /// The source file's own identifier (`eId`), when it has one.
    pub source_id: Option<String>,
    /// The rows of a [`ParagraphKind::Table`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
}

/// A table: rows of cells, each cell a piece of inline text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub rows: Vec<TableRow>,
    /// Cells that cover more than one column or row (`colspan`/`rowspan`); every other cell
    /// covers one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<CellSpan>,
}

/// At most this many columns or rows are covered by one cell (a hostile `colspan` must not
/// make a grid of millions of positions).
pub(crate) const MAX_CELL_SPAN: usize = 64;

/// A declared span clamped to [`MAX_CELL_SPAN`] each way.
fn clamp_span(s: &CellSpan) -> (usize, usize) {
    (
        s.cols.clamp(1, MAX_CELL_SPAN),
        s.rows.clamp(1, MAX_CELL_SPAN),
    )
}

/// A cell covering more than one grid position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellSpan {
    /// Index of the row in [`Table::rows`] and of the cell in its row.
    pub row: usize,
    pub cell: usize,
    /// Columns and rows covered (each at least 1).
    pub cols: usize,
    pub rows: usize,
}

/// Where a cell stands in a table's grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridCell {
    /// First grid column, in logical order.
    pub col: usize,
    /// Columns and rows covered (each at least 1).
    pub cols: usize,
    pub rows: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    /// A header row (its cells are `<th>`).
    pub header: bool,
    pub cells: Vec<Vec<Run>>,
}

impl Table {
    /// The table as one text, as the reader shows it: rows holding any text, one after the
    /// other separated by a line break, each row's cells separated by a tab (footnote markers
    /// left out). Offsets into it (see [`Table::cell_starts`]) anchor annotations in cells.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut first = true;
        for row in &self.rows {
            let texts: Vec<String> = row.cells.iter().map(|c| runs_text(c)).collect();
            if texts.iter().all(|t| t.trim().is_empty()) {
                continue;
            }
            if !first {
                out.push('\n');
            }
            first = false;
            out.push_str(&texts.join("\t"));
        }
        out
    }

    /// Where each cell's text starts in [`Table::text`], in code points: one entry per row,
    /// `None` for a row without any text (it is not part of the text), else one start per cell.
    pub fn cell_starts(&self) -> Vec<Option<Vec<usize>>> {
        let mut at = 0usize;
        let mut first = true;
        self.rows
            .iter()
            .map(|row| {
                let lens: Vec<(usize, bool)> = row
                    .cells
                    .iter()
                    .map(|c| {
                        let t = runs_text(c);
                        (t.chars().count(), t.trim().is_empty())
                    })
                    .collect();
                if lens.iter().all(|&(_, empty)| empty) {
                    return None;
                }
                if !first {
                    at += 1;
                }
                first = false;
                let mut starts = Vec::with_capacity(lens.len());
                for (i, (len, _)) in lens.iter().enumerate() {
                    if i > 0 {
                        at += 1;
                    }
                    starts.push(at);
                    at += len;
                }
                Some(starts)
            })
            .collect()
    }

    /// Columns and rows covered by cell `cell` of row `row` (1 × 1 unless spanned), as
    /// declared (clamped to [`MAX_CELL_SPAN`]). One cell's lookup; for every cell use
    /// [`Table::grid`], which also fits the spans to the table.
    pub fn span(&self, row: usize, cell: usize) -> (usize, usize) {
        self.spans
            .iter()
            .find(|s| s.row == row && s.cell == cell)
            .map_or((1, 1), clamp_span)
    }

    /// Every cell's place in the grid, row by row: cells of a row fill the columns left free
    /// by cells spanning down from the rows above, as in HTML. The grid is bounded by the
    /// table's real width, and its time is linear in the number of cells:
    /// * no row reaches past the widest row as written (the sum of its cells' columns): a
    ///   cell spanning down is cut short at the row whose own cells would otherwise be pushed
    ///   past it (HTML would widen the table instead, so that rowspans on every cell make a
    ///   grid of hundreds of thousands of columns);
    /// * columns at which no cell begins or ends are merged into their neighbour, as a browser
    ///   gives them no width (a `colspan` of 64 on every cell of a 60-column table leaves 60
    ///   columns).
    pub fn grid(&self) -> Vec<Vec<GridCell>> {
        // Declared spans, looked up in constant time (the first entry for a cell counts).
        let mut declared: std::collections::HashMap<(usize, usize), (usize, usize)> =
            std::collections::HashMap::with_capacity(self.spans.len());
        for s in &self.spans {
            declared
                .entry((s.row, s.cell))
                .or_insert_with(|| clamp_span(s));
        }
        let span = |r: usize, c: usize| declared.get(&(r, c)).copied().unwrap_or((1, 1));
        let width = (0..self.rows.len())
            .map(|r| {
                (0..self.rows[r].cells.len())
                    .map(|c| span(r, c).0)
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0);
        /// A cell spanning down into later rows.
        struct Down {
            col: usize,
            cols: usize,
            /// First row it no longer covers.
            until: usize,
            row: usize,
            cell: usize,
        }
        // Sorted by first column.
        let mut active: Vec<Down> = Vec::new();
        let mut grid: Vec<Vec<GridCell>> = Vec::with_capacity(self.rows.len());
        for (r, row) in self.rows.iter().enumerate() {
            active.retain(|a| a.until > r);
            let own: Vec<(usize, usize)> = (0..row.cells.len())
                .map(|c| {
                    let (cols, rows) = span(r, c);
                    // A span never reaches past the table's last row.
                    (cols, rows.min(self.rows.len() - r))
                })
                .collect();
            let need: usize = own.iter().map(|s| s.0).sum();
            let mut covered: usize = active.iter().map(|a| a.cols).sum();
            // Cut the cells spanning down from above, rightmost first, until this row fits.
            while covered + need > width {
                let Some(a) = active.pop() else { break };
                covered -= a.cols;
                grid[a.row][a.cell].rows = r - a.row;
            }
            let mut cells = Vec::with_capacity(own.len());
            let mut fresh = Vec::new();
            let (mut col, mut k) = (0, 0);
            for (c, (cols, rows)) in own.into_iter().enumerate() {
                // Skip the positions taken by cells from above (sorted by first column; the
                // column only moves right, so each is passed once).
                while let Some(a) = active.get(k) {
                    if a.col + a.cols <= col {
                        k += 1;
                    } else if a.col <= col {
                        col = a.col + a.cols;
                        k += 1;
                    } else {
                        break;
                    }
                }
                if rows > 1 {
                    fresh.push(Down {
                        col,
                        cols,
                        until: r + rows,
                        row: r,
                        cell: c,
                    });
                }
                cells.push(GridCell { col, cols, rows });
                col += cols;
            }
            grid.push(cells);
            if !fresh.is_empty() {
                active.extend(fresh);
                active.sort_by_key(|a| a.col);
            }
        }
        // Merge the columns no cell begins or ends at.
        let mut edges: Vec<usize> = grid
            .iter()
            .flatten()
            .flat_map(|g| [g.col, g.col + g.cols])
            .collect();
        edges.sort_unstable();
        edges.dedup();
        let at = |x: usize| edges.binary_search(&x).unwrap_or_else(|i| i);
        for g in grid.iter_mut().flatten() {
            let (start, end) = (at(g.col), at(g.col + g.cols));
            g.col = start;
            g.cols = (end - start).max(1);
        }
        grid
    }

    /// Number of grid columns.
    pub fn columns(&self) -> usize {
        self.grid()
            .iter()
            .flatten()
            .map(|g| g.col + g.cols)
            .max()
            .unwrap_or(0)
    }

    /// Every cell's text, row by row.
    pub fn texts(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| runs_text(c)).collect())
            .collect()
    }
}

/// One part of a multi-part resolution ("Resolution A", "B", …), with its own preamble and
/// operative paragraphs. Its paragraph ids start with its Latin letter and a dot
/// (`A.preamble_2`, `B.para_3_a`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// `A`, `B`, … in document order (the same in every language).
    pub letter: String,
    /// The part's letter as written (`A`, `ألف`, `甲`).
    pub label: String,
    pub title: Option<String>,
    pub enacting_formula: Option<Paragraph>,
    pub preamble: Vec<Paragraph>,
    pub operative: Vec<Paragraph>,
    /// Unnumbered text before the first operative paragraph.
    pub body: Vec<Paragraph>,
}

impl Part {
    /// The part's top-level paragraphs in reading order (formula, preamble, unnumbered
    /// text, operative).
    pub fn tops(&self) -> impl Iterator<Item = &Paragraph> {
        self.enacting_formula
            .iter()
            .chain(&self.preamble)
            .chain(&self.body)
            .chain(&self.operative)
    }

    /// Its first paragraph (the heading stands just before it).
    pub fn first_paragraph(&self) -> Option<&Paragraph> {
        self.tops().next()
    }

    /// The heading as shown: `A — Budget appropriations for 2023`, or the label alone.
    pub fn heading(&self) -> String {
        match &self.title {
            Some(t) => format!("{} — {t}", self.label),
            None => self.label.clone(),
        }
    }
}

impl Annex {
    /// The heading lines as shown before its paragraphs (heading, then title).
    pub fn heading_lines(&self) -> impl Iterator<Item = &str> {
        self.heading.iter().chain(&self.title).map(String::as_str)
    }

    /// Heading and title on one line (`Annex — 2021 Political Declaration …`), or the id.
    pub fn heading_text(&self) -> String {
        let lines: Vec<&str> = self.heading_lines().collect();
        if lines.is_empty() {
            self.id.clone()
        } else {
            lines.join(" — ")
        }
    }
}

/// An annex: its heading ("Annex", "المرفق"), title and paragraphs (headings, numbered and
/// unnumbered paragraphs, sub-paragraphs, tables). Ids start with `annex_N.`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Annex {
    /// `annex_1`, `annex_2`, … in document order.
    pub id: String,
    /// The heading as written (`Annex`, `Annex II`, `المرفق`).
    pub heading: Option<String>,
    pub title: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

impl Paragraph {
    pub fn new(id: impl Into<String>, kind: ParagraphKind) -> Paragraph {
        Paragraph {
            id: id.into(),
            kind,
            number: None,
            label: None,
            lead: None,
            runs: Vec::new(),
            children: Vec::new(),
            source: 0..0,
            source_id: None,
            table: None,
        }
    }

    /// The paragraph's whole plain text: lead included, footnote markers removed. A table's
    /// text is its cells in reading order ([`Table::text`]), so that annotations, search and
    /// the library index reach inside it.
    pub fn text(&self) -> String {
        match &self.table {
            Some(t) => t.text() + &runs_text(&self.runs),
            None => runs_text(&self.runs),
        }
    }

    /// This paragraph and all its descendants, depth first, with their depth (0 = self).
    pub fn walk(&self) -> Vec<(usize, &Paragraph)> {
        let mut out = Vec::new();
        fn go<'a>(p: &'a Paragraph, depth: usize, out: &mut Vec<(usize, &'a Paragraph)>) {
            out.push((depth, p));
            for c in &p.children {
                go(c, depth + 1, out);
            }
        }
        go(self, 0, &mut out);
        out
    }
}

/// Concatenate runs, leaving footnote markers out.
pub fn runs_text(runs: &[Run]) -> String {
    runs.iter()
        .filter(|r| !r.is_marker())
        .map(|r| r.text.as_str())
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    /// `fn_1` …
    pub id: String,
    /// The marker as printed (`1`).
    pub marker: String,
    /// Id of the paragraph whose text holds the marker.
    pub paragraph: Option<String>,
    pub runs: Vec<Run>,
    pub source: Range<usize>,
}

impl Footnote {
    pub fn text(&self) -> String {
        runs_text(&self.runs)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    Resolution,
    Decision,
    Document,
    Treaty,
    Paragraph,
}

impl ReferenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReferenceKind::Resolution => "resolution",
            ReferenceKind::Decision => "decision",
            ReferenceKind::Document => "document",
            ReferenceKind::Treaty => "treaty",
            ReferenceKind::Paragraph => "paragraph",
        }
    }
}

/// A cross-reference found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    pub kind: ReferenceKind,
    /// Canonical target: `A/RES/60/288`, `E/RES/2019/19`, `S/RES/2250 (2015)`,
    /// `A/DEC/60/519`, `A/60/88/Corr.2`, a treaty citation, or a paragraph id (`para_2`).
    pub target: String,
    /// Surface text as written (`288/60`).
    pub text: String,
    /// Id of the paragraph or footnote the reference stands in.
    pub paragraph: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    Info,
    Warning,
    Error,
}

/// Something the parser noticed and the reader may want to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub(crate) severity: Severity,
    pub message: String,
    pub source: Option<Range<usize>>,
}

impl Diagnostic {
    pub fn warning(message: impl Into<String>, source: Option<Range<usize>>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            message: message.into(),
            source,
        }
    }

    pub fn info(message: impl Into<String>, source: Option<Range<usize>>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Info,
            message: message.into(),
            source,
        }
    }
}

/// Closing block: meeting and date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Closing {
    /// As written, e.g. `الجلسة العامة 30` / `30th plenary meeting`.
    pub meeting: Option<String>,
    /// As written.
    pub date_text: Option<String>,
    /// ISO 8601.
    pub date: Option<String>,
}

/// A parsed resolution (or any text, as plain paragraphs).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub meta: Metadata,
    pub format: SourceFormat,
    /// The decoded, LF-normalised source text that byte ranges point into.
    #[serde(skip)]
    pub source_text: String,
    /// Name of the encoding the file was decoded from (`UTF-8`, `windows-1256`, …).
    pub encoding: String,
    /// The title line as written with its number, e.g. `10/75 - التعاون …`.
    pub title_line: Option<String>,
    pub enacting_formula: Option<Paragraph>,
    pub preamble: Vec<Paragraph>,
    pub operative: Vec<Paragraph>,
    /// Unnumbered text: of a resolution, what stands before its first numbered operative
    /// paragraph (`Adopts the following declaration:`, a heading), read before them; else
    /// the paragraphs of a text that is not a resolution.
    pub body: Vec<Paragraph>,
    pub footnotes: Vec<Footnote>,
    pub references: Vec<Reference>,
    pub closing: Option<Closing>,
    pub diagnostics: Vec<Diagnostic>,
    /// The parts of a multi-part resolution (empty for a simple one).
    #[serde(default)]
    pub parts: Vec<Part>,
    /// The annexes, in document order.
    #[serde(default)]
    pub annexes: Vec<Annex>,
}

impl Document {
    /// Every paragraph in reading order (enacting formula, preamble, unnumbered body text,
    /// operative with their sub-paragraphs depth first, then each part the same way, then
    /// the annexes), with nesting depth.
    pub fn paragraphs(&self) -> Vec<(usize, &Paragraph)> {
        let mut out = Vec::new();
        for (formula, lists) in self.sections() {
            if let Some(f) = formula {
                out.push((0, f));
            }
            for list in lists {
                for p in list {
                    out.extend(p.walk());
                }
            }
        }
        out
    }

    /// The document's sections in reading order: each with its enacting formula and its
    /// lists of top-level paragraphs (preamble, body, operative; a part's; an annex's).
    pub fn sections(&self) -> Vec<(Option<&Paragraph>, Vec<&[Paragraph]>)> {
        let mut out = vec![(
            self.enacting_formula.as_ref(),
            vec![
                self.preamble.as_slice(),
                self.body.as_slice(),
                self.operative.as_slice(),
            ],
        )];
        for part in &self.parts {
            out.push((
                part.enacting_formula.as_ref(),
                vec![
                    part.preamble.as_slice(),
                    part.body.as_slice(),
                    part.operative.as_slice(),
                ],
            ));
        }
        for annex in &self.annexes {
            out.push((None, vec![annex.paragraphs.as_slice()]));
        }
        out
    }

    /// Every enacting formula and list of top-level paragraphs, to change them in place.
    pub fn sections_mut(&mut self) -> (Vec<&mut Paragraph>, Vec<&mut Vec<Paragraph>>) {
        let mut formulas: Vec<&mut Paragraph> = self.enacting_formula.iter_mut().collect();
        let mut lists = vec![&mut self.preamble, &mut self.body, &mut self.operative];
        for part in &mut self.parts {
            formulas.extend(part.enacting_formula.iter_mut());
            lists.push(&mut part.preamble);
            lists.push(&mut part.body);
            lists.push(&mut part.operative);
        }
        for annex in &mut self.annexes {
            lists.push(&mut annex.paragraphs);
        }
        (formulas, lists)
    }

    /// Find a paragraph (at any depth) by id.
    pub fn paragraph(&self, id: &str) -> Option<&Paragraph> {
        self.paragraphs()
            .into_iter()
            .map(|(_, p)| p)
            .find(|p| p.id == id)
    }

    pub fn footnote(&self, id: &str) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.id == id)
    }

    /// True when the text was recognised as a resolution (it has preamble or operative parts).
    pub fn is_resolution(&self) -> bool {
        !self.preamble.is_empty()
            || !self.operative.is_empty()
            || self
                .parts
                .iter()
                .any(|p| !p.preamble.is_empty() || !p.operative.is_empty())
    }
}
