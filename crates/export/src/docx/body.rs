//! `word/document.xml`: cover, title, paragraphs with footnote references, hyperlinks and
//! annotation comment ranges, and the closing section of orphaned annotations.

use super::rels::{Rels, reference_url};
use super::xml::{RunFmt, ppr, rpr, text_runs};
use super::{R_NS, W_NS};
use crate::labels::{has_italics, labels};
use crate::placed::Placed;
use qarar_annotations::{Annotation, Color};
use qarar_document::{Document, Language, Paragraph, ParagraphKind, Run, RunKind};
use qarar_text::display::paragraph_prefix;
use qarar_util::script;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::ops::Range;

/// An annotation range on one paragraph.
struct Mark {
    /// Word comment id, when the annotation is a comment (has a note or tags).
    comment: Option<usize>,
    range: Range<usize>,
    highlight: &'static str,
}

/// One Word comment to write.
pub(super) struct Comment {
    pub(super) author_date: Option<String>,
    /// The quoted passage, for orphans.
    pub(super) quote: Option<String>,
    pub(super) annotation: Annotation,
}

pub(super) struct Body<'a> {
    doc: &'a Document,
    rtl: bool,
    pub(super) rels: Rels,
    footnote_ids: HashMap<&'a str, usize>,
    used_footnotes: HashSet<usize>,
    pub(super) comments: Vec<Comment>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MarkState {
    Pending,
    Open,
    Closed,
}

/// Word highlight colour nearest to an annotation colour.
/// How leads, emphasis and preambular openers are set: bold for operative leads; italic
/// where the script has italics, otherwise colour (openers) or weight (emphasis).
pub(super) fn emphasis_fmt(language: Language, lead: bool, emphasis: bool, opener: bool) -> RunFmt {
    let italics = has_italics(language);
    RunFmt {
        bold: lead || (emphasis && !italics),
        italic: (emphasis || opener) && italics,
        color: (opener && !italics).then_some("1F4E8C"),
        ..RunFmt::default()
    }
}

fn highlight_name(color: Color) -> &'static str {
    match color {
        Color::Yellow => "yellow",
        Color::Green => "green",
        Color::Blue => "cyan",
        Color::Pink => "magenta",
        Color::Orange => "darkYellow",
        Color::Purple => "darkMagenta",
    }
}

impl<'a> Body<'a> {
    pub(super) fn new(doc: &'a Document, rtl: bool) -> Body<'a> {
        let footnote_ids = doc
            .footnotes
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.as_str(), i + 1))
            .collect();
        Body {
            doc,
            rtl,
            rels: Rels::default(),
            footnote_ids,
            used_footnotes: HashSet::new(),
            comments: Vec::new(),
        }
    }

    fn add_comment(&mut self, annotation: &Annotation, quote: Option<String>) -> usize {
        self.comments.push(Comment {
            author_date: word_date(&annotation.created),
            quote,
            annotation: annotation.clone(),
        });
        self.comments.len() - 1
    }

    pub(super) fn document(&mut self, placed: &[Placed]) -> String {
        let doc = self.doc;
        let rtl = self.rtl;
        let mut out = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>"
        );
        // Cover lines and title.
        let m = &doc.meta;
        if !m.cover.is_empty() {
            for line in &m.cover {
                self.simple_paragraph(&mut out, "Cover", line, None);
            }
        } else if let Some(s) = &m.symbol {
            self.simple_paragraph(&mut out, "Cover", s, None);
        }
        if let Some(t) = doc.title_line.as_ref().or(m.title.as_ref()) {
            self.simple_paragraph(&mut out, "Title", t, Some("center"));
        }
        // Annotations by paragraph.
        let mut marks: HashMap<&str, Vec<Mark>> = HashMap::new();
        let mut orphans = Vec::new();
        for p in placed {
            let a = &p.annotation;
            match (&p.paragraph, &p.range) {
                (Some(id), Some(range)) => {
                    let comment =
                        (a.has_note() || !a.tags.is_empty()).then(|| self.add_comment(a, None));
                    marks.entry(id.as_str()).or_default().push(Mark {
                        comment,
                        range: range.clone(),
                        highlight: highlight_name(a.color),
                    });
                }
                _ => orphans.push(a),
            }
        }
        let mut headings = section_headings(doc);
        for (depth, p) in doc.paragraphs() {
            if depth == 0
                && let Some(lines) = headings.remove(p.id.as_str())
            {
                for line in lines {
                    self.simple_paragraph(&mut out, "Heading2", &line, None);
                }
            }
            if let Some(t) = &p.table {
                let m = marks.remove(p.id.as_str()).unwrap_or_default();
                self.table(&mut out, t, &m);
                continue;
            }
            let style = match p.kind {
                ParagraphKind::EnactingFormula => Some("Formula"),
                ParagraphKind::Heading => Some("Heading2"),
                _ => None,
            };
            let m = marks.remove(p.id.as_str()).unwrap_or_default();
            self.paragraph(&mut out, p, depth, style, &m);
        }
        // Annotations on paragraphs that do not exist in this document are orphans too.
        let mut leftover: Vec<Mark> = marks.into_values().flatten().collect();
        leftover.sort_by_key(|m| m.comment);
        if let Some(c) = &doc.closing {
            for line in [c.meeting.as_deref(), c.date_text.as_deref()]
                .into_iter()
                .flatten()
            {
                self.simple_paragraph(&mut out, "Closing", line, None);
            }
        }
        if !orphans.is_empty() || leftover.iter().any(|m| m.comment.is_some()) {
            out.push_str("<w:p>");
            ppr(&mut out, Some("Heading2"), rtl, 0, None);
            let heading = labels(self.doc.meta.language).orphans;
            text_runs(&mut out, heading, RunFmt::default(), rtl);
            out.push_str("</w:p>");
            for m in leftover.iter() {
                if let Some(c) = m.comment {
                    let a = self.comments[c].annotation.clone();
                    self.orphan_paragraph(&mut out, &a, Some(c));
                }
            }
            for a in orphans {
                self.orphan_paragraph(&mut out, a, None);
            }
        }
        out.push_str("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1247\" w:bottom=\"1440\" w:left=\"1247\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>");
        if rtl {
            out.push_str("<w:bidi/>");
        }
        out.push_str("</w:sectPr></w:body></w:document>");
        out
    }

    /// A Word table: one row per row, one cell per cell, thin borders. `marks` are annotations
    /// anchored in the table (code points of [`qarar_document::Table::text`]): each cell is
    /// highlighted where they cross it; a comment stands in the cell where its passage starts.
    fn table(&mut self, out: &mut String, t: &qarar_document::Table, marks: &[Mark]) {
        let columns = t.columns();
        if columns == 0 {
            return;
        }
        out.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/>");
        if self.rtl {
            out.push_str("<w:bidiVisual/>");
        }
        out.push_str("<w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            out.push_str(&format!(
                "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
            ));
        }
        out.push_str("</w:tblBorders></w:tblPr><w:tblGrid>");
        for _ in 0..columns {
            out.push_str("<w:gridCol/>");
        }
        out.push_str("</w:tblGrid>");
        let starts = t.cell_starts();
        // The last cell holding text takes what lies past the end of the text.
        let last = starts.iter().enumerate().rev().find_map(|(r, s)| {
            s.as_ref()
                .and_then(|s| s.len().checked_sub(1))
                .map(|c| (r, c))
        });
        let grid = t.grid();
        // Grid positions covered by a cell from a row above: (row, column) → its columns.
        let mut below: HashMap<(usize, usize), usize> = HashMap::new();
        for (r, cells) in grid.iter().enumerate() {
            for g in cells {
                for k in 1..g.rows {
                    below.insert((r + k, g.col), g.cols);
                }
            }
        }
        let span_pr = |out: &mut String, cols: usize, merge: Option<&str>| {
            out.push_str("<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/>");
            if cols > 1 {
                let _ = write!(out, "<w:gridSpan w:val=\"{cols}\"/>");
            }
            match merge {
                Some("restart") => out.push_str("<w:vMerge w:val=\"restart\"/>"),
                Some(_) => out.push_str("<w:vMerge/>"),
                None => {}
            }
            out.push_str("</w:tcPr>");
        };
        for (r, row) in t.rows.iter().enumerate() {
            out.push_str("<w:tr>");
            let mut col = 0;
            let mut next = 0;
            while col < columns {
                let starts_here = grid[r].get(next).filter(|g| g.col == col).copied();
                let Some(g) = starts_here else {
                    // A position covered from above (continue the merge), or left empty.
                    let cols = below.get(&(r, col)).copied();
                    span_pr(out, cols.unwrap_or(1), cols.map(|_| "continue"));
                    out.push_str("<w:p/></w:tc>");
                    col += cols.unwrap_or(1);
                    continue;
                };
                let i = next;
                next += 1;
                col += g.cols;
                span_pr(out, g.cols, (g.rows > 1).then_some("restart"));
                out.push_str("<w:p>");
                ppr(out, None, self.rtl, 0, None);
                let fmt = RunFmt {
                    bold: row.header,
                    ..RunFmt::default()
                };
                let cell: &[Run] = row.cells.get(i).map(Vec::as_slice).unwrap_or_default();
                let base = starts[r].as_ref().and_then(|s| s.get(i)).copied();
                let cell_marks = match base {
                    Some(base) => {
                        let len = qarar_document::runs_text(cell).chars().count();
                        // A passage starting on the separator after this cell starts here.
                        let bound = if last == Some((r, i)) {
                            usize::MAX
                        } else {
                            base + len + 1
                        };
                        cell_marks(marks, base, len, bound)
                    }
                    None => Vec::new(),
                };
                let mut state = vec![MarkState::Pending; cell_marks.len()];
                let mut pos = 0usize;
                for run in cell {
                    if let RunKind::FootnoteMarker { footnote } = &run.kind {
                        close_marks(out, &cell_marks, &mut state, pos);
                        self.footnote_reference(out, footnote, &run.text);
                        continue;
                    }
                    pieces(out, &run.text, pos, fmt, &cell_marks, &mut state, self.rtl);
                    pos += run.text.chars().count();
                }
                finish_marks(out, &cell_marks, &mut state, pos);
                out.push_str("</w:p></w:tc>");
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
    }

    fn simple_paragraph(&mut self, out: &mut String, style: &str, text: &str, jc: Option<&str>) {
        out.push_str("<w:p>");
        ppr(out, Some(style), self.rtl, 0, jc);
        text_runs(out, text, RunFmt::default(), self.rtl);
        out.push_str("</w:p>");
    }

    fn orphan_paragraph(&mut self, out: &mut String, a: &Annotation, comment: Option<usize>) {
        let quote = if a.quote.exact.trim().is_empty() {
            "—".to_string()
        } else {
            a.quote.exact.clone()
        };
        let comment = match comment {
            Some(c) => {
                self.comments[c].quote = Some(quote.clone());
                c
            }
            None => self.add_comment(a, Some(quote.clone())),
        };
        let rtl = quote.chars().any(script::is_rtl);
        let mut p = Paragraph::new(String::new(), ParagraphKind::Plain);
        p.runs = vec![Run::plain(quote.clone())];
        let len = quote.chars().count();
        let marks = [Mark {
            comment: Some(comment),
            range: 0..len,
            highlight: highlight_name(a.color),
        }];
        let saved = self.rtl;
        self.rtl = rtl;
        self.paragraph(out, &p, 0, None, &marks);
        self.rtl = saved;
    }

    fn paragraph(
        &mut self,
        out: &mut String,
        p: &Paragraph,
        depth: usize,
        style: Option<&str>,
        marks: &[Mark],
    ) {
        let rtl = self.rtl;
        out.push_str("<w:p>");
        ppr(out, style, rtl, depth, None);
        let prefix = paragraph_prefix(p, self.doc.meta.direction);
        text_runs(out, &prefix, RunFmt::default(), rtl);
        let mut state = vec![MarkState::Pending; marks.len()];
        let mut pos = 0usize;
        for run in &p.runs {
            match &run.kind {
                RunKind::FootnoteMarker { footnote } => {
                    close_marks(out, marks, &mut state, pos);
                    self.footnote_reference(out, footnote, &run.text);
                }
                RunKind::Reference { reference } => {
                    let len = run.text.chars().count();
                    match reference_url(self.doc, *reference) {
                        Some(url) => {
                            let id = self.rels.link(url);
                            let _ = write!(out, "<w:hyperlink r:id=\"{id}\" w:history=\"1\">");
                            let fmt = RunFmt {
                                style: Some("Hyperlink"),
                                ..RunFmt::default()
                            };
                            pieces(out, &run.text, pos, fmt, marks, &mut state, rtl);
                            out.push_str("</w:hyperlink>");
                        }
                        None => pieces(
                            out,
                            &run.text,
                            pos,
                            RunFmt::default(),
                            marks,
                            &mut state,
                            rtl,
                        ),
                    }
                    pos += len;
                }
                kind => {
                    let opener = *kind == RunKind::Lead && p.kind == ParagraphKind::Preamble;
                    let fmt = emphasis_fmt(
                        self.doc.meta.language,
                        *kind == RunKind::Lead && !opener,
                        *kind == RunKind::Emphasis,
                        opener,
                    );
                    pieces(out, &run.text, pos, fmt, marks, &mut state, rtl);
                    pos += run.text.chars().count();
                }
            }
        }
        finish_marks(out, marks, &mut state, pos);
        out.push_str("</w:p>");
    }

    fn footnote_reference(&mut self, out: &mut String, footnote: &str, marker: &str) {
        let rtl = self.rtl;
        match self.footnote_ids.get(footnote).copied() {
            Some(id) if self.used_footnotes.insert(id) => {
                out.push_str("<w:r>");
                rpr(
                    out,
                    RunFmt {
                        style: Some("FootnoteReference"),
                        ..RunFmt::default()
                    },
                    rtl,
                    rtl,
                );
                let _ = write!(out, "<w:footnoteReference w:id=\"{id}\"/></w:r>");
            }
            _ => {
                // Unknown or already referenced footnote: the marker as raised text.
                let fmt = RunFmt {
                    style: Some("FootnoteReference"),
                    ..RunFmt::default()
                };
                text_runs(out, marker.trim(), fmt, rtl);
            }
        }
    }
}

/// The marks of a table cell whose text is `base..base + len` of the table's text, in the
/// cell's own code points: every mark crossing it (clipped) highlights it; a comment goes
/// with the cell where its passage starts (`base..bound`).
fn cell_marks(marks: &[Mark], base: usize, len: usize, bound: usize) -> Vec<Mark> {
    let end = base + len;
    marks
        .iter()
        .filter_map(|m| {
            let here = m.range.start >= base && m.range.start < bound;
            let (s, e) = (m.range.start.max(base), m.range.end.min(end));
            if s >= e && !here {
                return None;
            }
            let s = s.min(end) - base;
            Some(Mark {
                comment: m.comment.filter(|_| here),
                range: s..(e.max(base) - base).max(s),
                highlight: m.highlight,
            })
        })
        .collect()
}

/// Close every mark still open at the end of a paragraph (`pos`, its length); a mark never
/// opened (a range past the end of the text) gets an empty comment range there.
fn finish_marks(out: &mut String, marks: &[Mark], state: &mut [MarkState], pos: usize) {
    close_marks(out, marks, state, pos);
    for (i, m) in marks.iter().enumerate() {
        if let Some(c) = m.comment {
            if state[i] == MarkState::Pending {
                let _ = write!(out, "<w:commentRangeStart w:id=\"{c}\"/>");
            }
            if state[i] != MarkState::Closed {
                comment_end(out, c);
            }
        }
    }
}

/// Emit `commentRangeEnd` + reference for every open mark ending at or before `pos`.
fn close_marks(out: &mut String, marks: &[Mark], state: &mut [MarkState], pos: usize) {
    for (i, m) in marks.iter().enumerate() {
        if let Some(c) = m.comment
            && state[i] == MarkState::Open
            && m.range.end <= pos
        {
            comment_end(out, c);
            state[i] = MarkState::Closed;
        }
    }
}

/// Emit `commentRangeStart` for every pending mark starting at or before `pos`.
fn open_marks(out: &mut String, marks: &[Mark], state: &mut [MarkState], pos: usize) {
    for (i, m) in marks.iter().enumerate() {
        if let Some(c) = m.comment
            && state[i] == MarkState::Pending
            && m.range.start <= pos
        {
            let _ = write!(out, "<w:commentRangeStart w:id=\"{c}\"/>");
            if m.range.end <= pos {
                comment_end(out, c);
                state[i] = MarkState::Closed;
            } else {
                state[i] = MarkState::Open;
            }
        }
    }
}

fn comment_end(out: &mut String, c: usize) {
    let _ = write!(
        out,
        "<w:commentRangeEnd w:id=\"{c}\"/><w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"{c}\"/></w:r>"
    );
}

/// Write the text of one run starting at code point `start` of the paragraph text, split at
/// annotation boundaries, with comment range markers and highlights.
fn pieces(
    out: &mut String,
    text: &str,
    start: usize,
    fmt: RunFmt,
    marks: &[Mark],
    state: &mut [MarkState],
    rtl: bool,
) {
    let chars: Vec<char> = text.chars().collect();
    let end = start + chars.len();
    if chars.is_empty() {
        return;
    }
    let cuts = crate::placed::cut_points(start, end, marks.iter().map(|m| &m.range));
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        close_marks(out, marks, state, a);
        open_marks(out, marks, state, a);
        let highlight = marks
            .iter()
            .rev()
            .find(|m| m.range.start <= a && m.range.end >= b)
            .map(|m| m.highlight);
        let piece: String = chars[a - start..b - start].iter().collect();
        text_runs(out, &piece, RunFmt { highlight, ..fmt }, rtl);
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` from an RFC 3339 UTC time, when it looks like one.
pub(super) fn word_date(s: &str) -> Option<String> {
    let head = s.get(..19)?;
    let ok = head.chars().enumerate().all(|(i, c)| match i {
        4 | 7 => c == '-',
        10 => c == 'T',
        13 | 16 => c == ':',
        _ => c.is_ascii_digit(),
    });
    ok.then(|| format!("{head}Z"))
}

/// The headings that open each part and annex, by the id of their first paragraph.
fn section_headings(doc: &Document) -> HashMap<&str, Vec<String>> {
    let mut out: HashMap<&str, Vec<String>> = HashMap::new();
    for part in &doc.parts {
        if let Some(p) = part.first_paragraph() {
            out.entry(p.id.as_str()).or_default().push(part.heading());
        }
    }
    for annex in &doc.annexes {
        if let Some(p) = annex.paragraphs.first() {
            let lines = annex.heading_lines().map(str::to_string);
            out.entry(p.id.as_str()).or_default().extend(lines);
        }
    }
    out
}
