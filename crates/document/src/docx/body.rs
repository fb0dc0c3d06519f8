//! The text of `word/document.xml` and `word/footnotes.xml`: paragraphs with their printed
//! numbering labels, tables as rows of cells (a merged cell's continuation left empty), and
//! footnote references in reading order. Deleted text, field instructions, the old values of
//! tracked formatting changes, drawings and alternate content are skipped; inserted text and
//! field results are kept.

use super::numbering::Numbering;
use super::xml::{Step, attr, local, on, walk};
use std::collections::HashMap;

/// A block of the body in reading order.
#[derive(Debug, PartialEq)]
pub(super) enum Block {
    /// A paragraph: its numbering label (if automatic) and text, footnote references
    /// written as [`NOTE_MARK`] characters.
    Paragraph { label: Option<String>, text: String },
    /// A table row: its cells' texts and the columns each spans (a spanning cell is
    /// written followed by empty cells).
    Row(Vec<(String, usize)>),
    /// The end of a table.
    TableEnd,
}

/// Stands for a footnote reference in a paragraph's text until the notes are numbered.
pub(super) const NOTE_MARK: char = '\u{e000}';

/// Elements whose whole content is not part of the text a reader sees.
const SKIPPED: &[&[u8]] = &[
    b"del",
    b"moveFrom",
    b"instrText",
    b"delInstrText",
    b"pPrChange",
    b"rPrChange",
    b"sectPrChange",
    b"tblPrChange",
    b"trPrChange",
    b"tcPrChange",
    b"numberingChange",
    b"Fallback",
    b"sdtPr",
    b"drawing",
    b"pict",
    b"object",
    b"rPr",
    b"sectPr",
    b"tblPr",
    b"tblGrid",
    b"trPr",
    b"footnotePr",
    b"endnotePr",
];

#[derive(Default)]
struct Paragraph {
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    text: String,
}

#[derive(Default)]
struct Table {
    row: Vec<(String, usize)>,
    /// The cell being read (its paragraphs joined by spaces).
    cell: Option<String>,
    span: usize,
    merged: bool,
}

/// What one walk over a part gathers.
#[derive(Default)]
pub(super) struct Body {
    pub(super) blocks: Vec<Block>,
    /// The footnote ids referred to, in reading order.
    pub(super) notes: Vec<String>,
}

struct Walker<'n> {
    numbering: Option<&'n mut Numbering>,
    body: Body,
    /// Depth inside a skipped element (0: reading).
    skip: usize,
    paragraphs: Vec<Paragraph>,
    tables: Vec<Table>,
    in_ppr: usize,
    in_run: usize,
    in_text: bool,
    /// Open complex fields: true while their instruction is being read.
    fields: Vec<bool>,
    /// How many of `fields` are in their instruction (text is hidden while any is).
    instructions: usize,
    /// Paragraph and table starts beyond the nesting kept, whose ends are ignored too.
    flattened_paragraphs: usize,
    flattened_tables: usize,
}

/// Nesting kept for paragraphs (a text box's inside a paragraph) and tables (a table in a
/// cell); deeper ones are read as part of the innermost kept one, so that hostile nesting
/// costs linear time.
const MAX_NESTING: usize = 8;

/// Read a body part. `numbering` is given for the main document only (footnotes do not
/// advance the lists).
pub(super) fn read(xml: &str, numbering: Option<&mut Numbering>) -> Result<Body, String> {
    let mut w = Walker {
        numbering,
        body: Body::default(),
        skip: 0,
        paragraphs: Vec::new(),
        tables: Vec::new(),
        in_ppr: 0,
        in_run: 0,
        in_text: false,
        fields: Vec::new(),
        instructions: 0,
        flattened_paragraphs: 0,
        flattened_tables: 0,
    };
    walk(xml, |step| w.step(step))?;
    while !w.paragraphs.is_empty() {
        w.end_paragraph();
    }
    while !w.tables.is_empty() {
        w.end_table();
    }
    Ok(w.body)
}

impl Walker<'_> {
    fn step(&mut self, step: Step<'_, '_>) {
        match step {
            Step::Start(e) => {
                let name = local(e);
                if self.skip > 0 {
                    if SKIPPED.contains(&name) {
                        self.skip += 1;
                    }
                    return;
                }
                if SKIPPED.contains(&name) {
                    self.skip = 1;
                    return;
                }
                match name {
                    b"p" if self.paragraphs.len() >= MAX_NESTING => self.flattened_paragraphs += 1,
                    b"p" => self.paragraphs.push(Paragraph::default()),
                    b"pPr" => self.in_ppr += 1,
                    b"pStyle" if self.in_ppr > 0 => {
                        self.with_paragraph(|p| p.style = attr(e, b"val"));
                    }
                    b"numId" if self.in_ppr > 0 => {
                        self.with_paragraph(|p| p.num_id = attr(e, b"val"));
                    }
                    b"ilvl" if self.in_ppr > 0 => {
                        let level = attr(e, b"val").and_then(|v| v.parse().ok());
                        self.with_paragraph(|p| p.ilvl = level);
                    }
                    b"r" => self.in_run += 1,
                    b"t" if self.in_run > 0 => self.in_text = true,
                    b"tab" | b"ptab" if self.in_run > 0 && self.in_ppr == 0 => {
                        self.push(if self.tables.is_empty() { "\t" } else { " " });
                    }
                    b"br" | b"cr" if self.in_run > 0 => {
                        let kind = attr(e, b"type");
                        if !matches!(kind.as_deref(), Some("page" | "column")) {
                            self.push(if self.tables.is_empty() { "\n" } else { " " });
                        }
                    }
                    b"noBreakHyphen" if self.in_run > 0 => self.push("-"),
                    b"fldChar" => match attr(e, b"fldCharType").as_deref() {
                        Some("begin") => {
                            self.fields.push(true);
                            self.instructions += 1;
                        }
                        Some("separate") => {
                            if let Some(f) = self.fields.last_mut()
                                && *f
                            {
                                *f = false;
                                self.instructions -= 1;
                            }
                        }
                        Some("end") if self.fields.pop() == Some(true) => {
                            self.instructions -= 1;
                        }
                        _ => {}
                    },
                    b"footnoteReference" if self.in_run > 0 && self.visible() => {
                        if let Some(id) = attr(e, b"id") {
                            self.body.notes.push(id);
                            let mut mark = [0; 4];
                            self.push(NOTE_MARK.encode_utf8(&mut mark));
                        }
                    }
                    b"tbl" if self.tables.len() >= MAX_NESTING => self.flattened_tables += 1,
                    b"tbl" => self.tables.push(Table::default()),
                    b"tr" => {
                        if let Some(t) = self.tables.last_mut() {
                            t.row.clear();
                        }
                    }
                    b"tc" => {
                        if let Some(t) = self.tables.last_mut().filter(|t| t.cell.is_none()) {
                            t.cell = Some(String::new());
                            t.span = 1;
                            t.merged = false;
                        }
                    }
                    b"gridSpan" => {
                        let span = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        if let Some(t) = self.tables.last_mut() {
                            t.span = usize::clamp(span, 1, 64);
                        }
                    }
                    b"vMerge" => {
                        let continues = attr(e, b"val").is_none_or(|v| v == "continue");
                        if let Some(t) = self.tables.last_mut() {
                            t.merged = continues && on(e);
                        }
                    }
                    _ => {}
                }
            }
            Step::End(name) => {
                if self.skip > 0 {
                    if SKIPPED.contains(&name) {
                        self.skip -= 1;
                    }
                    return;
                }
                match name {
                    b"p" if self.flattened_paragraphs > 0 => self.flattened_paragraphs -= 1,
                    b"p" => self.end_paragraph(),
                    b"pPr" => self.in_ppr = self.in_ppr.saturating_sub(1),
                    b"r" => self.in_run = self.in_run.saturating_sub(1),
                    b"t" => self.in_text = false,
                    b"tc" => self.end_cell(),
                    b"tr" => self.end_row(),
                    b"tbl" if self.flattened_tables > 0 => self.flattened_tables -= 1,
                    b"tbl" => self.end_table(),
                    _ => {}
                }
            }
            Step::Text(text) => {
                if self.skip == 0 && self.in_text && self.visible() {
                    self.push(text);
                }
            }
        }
    }

    /// False inside a field's instruction.
    fn visible(&self) -> bool {
        self.instructions == 0
    }

    fn with_paragraph(&mut self, f: impl FnOnce(&mut Paragraph)) {
        if let Some(p) = self.paragraphs.last_mut() {
            f(p);
        }
    }

    fn push(&mut self, s: &str) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.text.push_str(s);
        }
    }

    fn end_paragraph(&mut self) {
        let Some(p) = self.paragraphs.pop() else {
            return;
        };
        let label = match self.numbering.as_deref_mut() {
            Some(n) if !p.text.trim().is_empty() => {
                n.label(p.style.as_deref(), p.num_id.as_deref(), p.ilvl)
            }
            _ => None,
        };
        let text = p.text;
        if let Some(outer) = self.paragraphs.last_mut() {
            // A paragraph inside another (a text box's): its text joins the outer one.
            outer.text.push(' ');
            outer.text.push_str(&text);
        } else if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            if !cell.is_empty() && !text.trim().is_empty() {
                cell.push(' ');
            }
            if let Some(label) = label {
                cell.push_str(&label);
                cell.push(' ');
            }
            cell.push_str(text.trim());
        } else {
            self.body.blocks.push(Block::Paragraph { label, text });
        }
    }

    fn end_cell(&mut self) {
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        let Some(cell) = t.cell.take() else { return };
        let cell = if t.merged { String::new() } else { cell };
        let text = cell.replace(['\t', '\n'], " ");
        t.row.push((text, t.span));
    }

    fn end_row(&mut self) {
        let depth = self.tables.len();
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        let row = std::mem::take(&mut t.row);
        if depth == 1 {
            if row.iter().any(|(c, _)| !c.trim().is_empty()) {
                self.body.blocks.push(Block::Row(row));
            }
        } else {
            // A nested table's row joins the cell that holds the table.
            let text: Vec<&str> = row.iter().map(|(c, _)| c.trim()).collect();
            let text = text.join(" ");
            if let Some(cell) = self
                .tables
                .iter_mut()
                .rev()
                .nth(1)
                .and_then(|t| t.cell.as_mut())
            {
                cell.push(' ');
                cell.push_str(text.trim());
            }
        }
    }

    fn end_table(&mut self) {
        if self.tables.pop().is_some() && self.tables.is_empty() {
            self.body.blocks.push(Block::TableEnd);
        }
    }
}

/// Footnote id → text, from `footnotes.xml` (separators and continuation notices left out).
pub(super) fn footnotes(xml: &str) -> Result<HashMap<String, String>, String> {
    let mut notes = HashMap::new();
    if xml.is_empty() {
        return Ok(notes);
    }
    // Each note is cut out of the part and read as a body of its own.
    let mut current: Option<(String, usize)> = None;
    let mut spans: Vec<(String, usize, usize)> = Vec::new();
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        let before = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| format!("malformed XML at byte {}: {e}", reader.error_position()))?;
        let after = reader.buffer_position();
        match event {
            quick_xml::events::Event::Start(e) if e.local_name().as_ref() == b"footnote" => {
                let kind = attr(&e, b"type");
                let normal = kind.is_none_or(|k| k == "normal");
                current = attr(&e, b"id")
                    .filter(|_| normal)
                    .map(|id| (id, usize::try_from(after).unwrap_or(usize::MAX)));
            }
            quick_xml::events::Event::End(e) if e.local_name().as_ref() == b"footnote" => {
                if let Some((id, start)) = current.take() {
                    spans.push((id, start, usize::try_from(before).unwrap_or(usize::MAX)));
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    for (id, start, end) in spans {
        let Some(inner) = xml.get(start..end) else {
            continue;
        };
        let body = read(inner, None)?;
        let text = body
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { text, .. } => Some(text.trim().to_string()),
                Block::Row(cells) => {
                    let cells: Vec<&str> = cells.iter().map(|(c, _)| c.as_str()).collect();
                    Some(cells.join(" "))
                }
                Block::TableEnd => None,
            })
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        notes.insert(id, text.replace(['\t', '\n'], " "));
    }
    Ok(notes)
}
