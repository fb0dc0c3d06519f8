//! DOCX export: a WordprocessingML package with right-to-left paragraphs and runs, footnotes
//! as Word footnotes, references as hyperlinks to undocs.org and annotations as Word comments
//! anchored to exactly the highlighted text (plus a highlight on the annotated runs).
//!
//! Parts written: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml`,
//! `word/document.xml`, `word/_rels/document.xml.rels`, `word/styles.xml`,
//! `word/settings.xml`, `word/footnotes.xml`, `word/_rels/footnotes.xml.rels`,
//! `word/comments.xml`.

use super::url_path;
use crate::annotations::{Annotation, Color};
use crate::document::{Direction, Document, Paragraph, ParagraphKind, ReferenceKind, Run, RunKind};
use crate::export::placed::{ExportError, Placed};
use crate::text::display::paragraph_prefix;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{Cursor, Write as _};
use std::ops::Range;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_HYPERLINK: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

/// Heading of the closing section that lists annotations whose passage was not found.
pub const ORPHANS_HEADING: &str = "Annotations whose passage was not found";

/// Export `doc` with its placed annotations as a .docx file.
pub fn export(doc: &Document, placed: &[Placed]) -> Result<Vec<u8>, ExportError> {
    let rtl = doc.meta.direction == Direction::Rtl;
    let mut body = Body::new(doc, rtl);
    let document_xml = body.document(placed);
    let comments_xml = comments_xml(&body.comments);
    let (footnotes_xml, footnote_rels) = footnotes_xml(doc, rtl);
    let document_rels = body.rels.xml(&[
        (
            "rIdStyles",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
            "styles.xml",
        ),
        (
            "rIdSettings",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings",
            "settings.xml",
        ),
        (
            "rIdFootnotes",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
            "footnotes.xml",
        ),
        (
            "rIdComments",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
            "comments.xml",
        ),
    ]);
    let parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("docProps/core.xml", core_xml(doc)),
        ("word/document.xml", document_xml),
        ("word/_rels/document.xml.rels", document_rels),
        ("word/styles.xml", styles_xml(doc)),
        ("word/settings.xml", SETTINGS.to_string()),
        ("word/footnotes.xml", footnotes_xml),
        ("word/_rels/footnotes.xml.rels", footnote_rels.xml(&[])),
        ("word/comments.xml", comments_xml),
    ];
    zip_parts(&parts)
}

fn zip_parts(parts: &[(&str, String)]) -> Result<Vec<u8>, ExportError> {
    let err = |e: &dyn std::fmt::Display| ExportError::Build {
        format: "DOCX",
        message: e.to_string(),
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(*name, options).map_err(|e| err(&e))?;
        zip.write_all(content.as_bytes()).map_err(|e| err(&e))?;
    }
    let cursor = zip.finish().map_err(|e| err(&e))?;
    Ok(cursor.into_inner())
}

// ---------------------------------------------------------------------------------------------
// XML helpers

/// True for characters allowed in XML 1.0 documents.
fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escape `& < > " '` and drop characters XML 1.0 does not allow.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if xml_allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && !is_arabic(c)
}

/// Split a right-to-left paragraph's text into (chunk, is_rtl): Latin stretches (`A/75/L.20`,
/// `United Nations, Treaty Series`) are left-to-right runs, the rest right-to-left.
fn script_chunks(text: &str) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<(String, bool)> = Vec::new();
    let push = |s: &[char], rtl: bool, out: &mut Vec<(String, bool)>| {
        if s.is_empty() {
            return;
        }
        match out.last_mut() {
            Some((t, r)) if *r == rtl => t.extend(s),
            _ => out.push((s.iter().collect(), rtl)),
        }
    };
    let next_strong = |from: usize| chars[from..].iter().find(|c| c.is_alphabetic()).copied();
    let mut i = 0;
    let mut start = 0;
    while i < chars.len() {
        if is_latin_letter(chars[i]) {
            push(&chars[start..i], true, &mut out);
            let mut j = i;
            let mut last_strong = i;
            while j < chars.len() {
                let c = chars[j];
                if is_latin_letter(c) {
                    last_strong = j;
                } else if is_arabic(c) || !next_strong(j).is_some_and(is_latin_letter) {
                    break;
                }
                j += 1;
            }
            // Numbers and symbol punctuation right after the last Latin letter (`L.20`).
            let mut end = last_strong + 1;
            let mut k = end;
            while k < chars.len()
                && (chars[k].is_ascii_digit() || matches!(chars[k], '.' | '/' | '-'))
            {
                k += 1;
                if chars[k - 1].is_ascii_digit() {
                    end = k;
                }
            }
            push(&chars[i..end], false, &mut out);
            i = end;
            start = end;
        } else {
            i += 1;
        }
    }
    push(&chars[start..], true, &mut out);
    out
}

/// Format of one text run.
#[derive(Debug, Clone, Copy, Default)]
struct RunFmt {
    style: Option<&'static str>,
    bold: bool,
    italic: bool,
    highlight: Option<&'static str>,
}

/// Word highlight colour nearest to an annotation colour.
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

fn rpr(out: &mut String, fmt: RunFmt, rtl: bool, bidi_lang: bool) {
    if fmt.style.is_none()
        && !fmt.bold
        && !fmt.italic
        && fmt.highlight.is_none()
        && !rtl
        && !bidi_lang
    {
        return;
    }
    out.push_str("<w:rPr>");
    if let Some(s) = fmt.style {
        let _ = write!(out, "<w:rStyle w:val=\"{s}\"/>");
    }
    if fmt.bold {
        out.push_str("<w:b/><w:bCs/>");
    }
    if fmt.italic {
        out.push_str("<w:i/><w:iCs/>");
    }
    if let Some(h) = fmt.highlight {
        let _ = write!(out, "<w:highlight w:val=\"{h}\"/>");
    }
    if rtl {
        out.push_str("<w:rtl/>");
    }
    if bidi_lang {
        out.push_str("<w:lang w:bidi=\"ar-SA\"/>");
    }
    out.push_str("</w:rPr>");
}

/// Write `text` as one or more runs (split by script in right-to-left paragraphs; line breaks
/// and tabs as `w:br`/`w:tab`).
fn text_runs(out: &mut String, text: &str, fmt: RunFmt, rtl_paragraph: bool) {
    if text.is_empty() {
        return;
    }
    let chunks = if rtl_paragraph {
        script_chunks(text)
    } else {
        vec![(text.to_string(), false)]
    };
    for (chunk, rtl) in chunks {
        out.push_str("<w:r>");
        rpr(out, fmt, rtl, rtl_paragraph);
        let mut pending = String::new();
        let flush = |out: &mut String, pending: &mut String| {
            if !pending.is_empty() {
                let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", escape(pending));
                pending.clear();
            }
        };
        for c in chunk.chars() {
            match c {
                '\n' | '\u{2028}' | '\u{2029}' => {
                    flush(out, &mut pending);
                    out.push_str("<w:br/>");
                }
                '\t' => {
                    flush(out, &mut pending);
                    out.push_str("<w:tab/>");
                }
                '\r' => {}
                c => pending.push(c),
            }
        }
        flush(out, &mut pending);
        out.push_str("</w:r>");
    }
}

fn ppr(out: &mut String, style: Option<&str>, rtl: bool, indent_levels: usize, jc: Option<&str>) {
    out.push_str("<w:pPr>");
    if let Some(s) = style {
        let _ = write!(out, "<w:pStyle w:val=\"{s}\"/>");
    }
    if rtl {
        out.push_str("<w:bidi/>");
    }
    if indent_levels > 0 {
        // Word and LibreOffice read `w:left`/`w:right` visually even in bidi paragraphs (and
        // LibreOffice maps `w:start` to the left), so the start side is `w:right` in RTL.
        let side = if rtl { "right" } else { "left" };
        let _ = write!(out, "<w:ind w:{side}=\"{}\"/>", 720 * indent_levels);
    }
    if let Some(j) = jc {
        let _ = write!(out, "<w:jc w:val=\"{j}\"/>");
    }
    out.push_str("</w:pPr>");
}

// ---------------------------------------------------------------------------------------------
// Relationships

#[derive(Default)]
struct Rels {
    links: Vec<String>,
    by_url: HashMap<String, usize>,
}

impl Rels {
    /// Relationship id of an external hyperlink.
    fn link(&mut self, url: String) -> String {
        let n = match self.by_url.get(&url) {
            Some(n) => *n,
            None => {
                self.links.push(url.clone());
                self.by_url.insert(url, self.links.len());
                self.links.len()
            }
        };
        format!("rIdLink{n}")
    }

    fn xml(&self, fixed: &[(&str, &str, &str)]) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
        );
        for (id, ty, target) in fixed {
            let _ = write!(
                out,
                "<Relationship Id=\"{id}\" Type=\"{ty}\" Target=\"{target}\"/>"
            );
        }
        for (i, url) in self.links.iter().enumerate() {
            let _ = write!(
                out,
                "<Relationship Id=\"rIdLink{}\" Type=\"{REL_HYPERLINK}\" Target=\"{}\" TargetMode=\"External\"/>",
                i + 1,
                escape(url)
            );
        }
        out.push_str("</Relationships>");
        out
    }
}

/// The undocs.org address of a reference, when it has one.
fn reference_url(doc: &Document, index: usize) -> Option<String> {
    let r = doc.references.get(index)?;
    match r.kind {
        ReferenceKind::Paragraph | ReferenceKind::Treaty => None,
        _ if r.target.trim().is_empty() => None,
        _ => Some(format!(
            "https://undocs.org/{}/{}",
            doc.meta.language.code(),
            url_path(&r.target)
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// Document body

/// An annotation range on one paragraph.
struct Mark {
    /// Word comment id, when the annotation is a comment (has a note or tags).
    comment: Option<usize>,
    range: Range<usize>,
    highlight: &'static str,
}

/// One Word comment to write.
struct Comment {
    author_date: Option<String>,
    /// The quoted passage, for orphans.
    quote: Option<String>,
    annotation: Annotation,
}

struct Body<'a> {
    doc: &'a Document,
    rtl: bool,
    rels: Rels,
    footnote_ids: HashMap<&'a str, usize>,
    used_footnotes: HashSet<usize>,
    comments: Vec<Comment>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MarkState {
    Pending,
    Open,
    Closed,
}

impl<'a> Body<'a> {
    fn new(doc: &'a Document, rtl: bool) -> Body<'a> {
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

    fn document(&mut self, placed: &[Placed]) -> String {
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
        for (depth, p) in doc.paragraphs() {
            let style = match p.kind {
                ParagraphKind::EnactingFormula => Some("Formula"),
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
            ppr(&mut out, Some("Heading2"), false, 0, None);
            text_runs(&mut out, ORPHANS_HEADING, RunFmt::default(), false);
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
        let rtl = quote.chars().any(is_arabic);
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
                    let fmt = RunFmt {
                        bold: *kind == RunKind::Lead && p.kind != ParagraphKind::Preamble,
                        italic: *kind == RunKind::Emphasis
                            || (*kind == RunKind::Lead && p.kind == ParagraphKind::Preamble),
                        ..RunFmt::default()
                    };
                    pieces(out, &run.text, pos, fmt, marks, &mut state, rtl);
                    pos += run.text.chars().count();
                }
            }
        }
        close_marks(out, marks, &mut state, pos);
        // Anything not placed yet (a range past the end of the text): an empty comment range.
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
    let cuts = super::placed::cut_points(start, end, marks.iter().map(|m| &m.range));
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
fn word_date(s: &str) -> Option<String> {
    let head = s.get(..19)?;
    let ok = head.chars().enumerate().all(|(i, c)| match i {
        4 | 7 => c == '-',
        10 => c == 'T',
        13 | 16 => c == ':',
        _ => c.is_ascii_digit(),
    });
    ok.then(|| format!("{head}Z"))
}

// ---------------------------------------------------------------------------------------------
// Comments

fn comments_xml(comments: &[Comment]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">"
    );
    for (id, c) in comments.iter().enumerate() {
        let a = &c.annotation;
        let _ = write!(
            out,
            "<w:comment w:id=\"{id}\" w:author=\"Qarar\" w:initials=\"Q\""
        );
        if let Some(d) = &c.author_date {
            let _ = write!(out, " w:date=\"{d}\"");
        }
        out.push('>');
        let mut lines: Vec<String> = Vec::new();
        if let Some(q) = &c.quote {
            lines.push(format!("«{q}»"));
        }
        if a.has_note() {
            lines.extend(a.note.lines().map(str::to_string));
        }
        if !a.tags.is_empty() {
            lines.push(format!("Tags: {}", a.tags.join(", ")));
        }
        lines.push(format!("Colour: {}", a.color.name()));
        for (i, line) in lines.iter().enumerate() {
            let rtl = line.chars().any(is_arabic)
                && crate::annotations::model::guess_language(line) == Some("ar");
            out.push_str("<w:p>");
            ppr(&mut out, Some("CommentText"), rtl, 0, None);
            if i == 0 {
                out.push_str(
                    "<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:annotationRef/></w:r>",
                );
            }
            text_runs(&mut out, line, RunFmt::default(), rtl);
            out.push_str("</w:p>");
        }
        out.push_str("</w:comment>");
    }
    out.push_str("</w:comments>");
    out
}

// ---------------------------------------------------------------------------------------------
// Footnotes

fn footnotes_xml(doc: &Document, doc_rtl: bool) -> (String, Rels) {
    let mut rels = Rels::default();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">\
<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>\
<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    );
    for (i, f) in doc.footnotes.iter().enumerate() {
        let text = f.text();
        let rtl = doc_rtl && text.chars().any(is_arabic);
        let _ = write!(out, "<w:footnote w:id=\"{}\"><w:p>", i + 1);
        ppr(&mut out, Some("FootnoteText"), rtl, 0, None);
        out.push_str("<w:r>");
        rpr(
            &mut out,
            RunFmt {
                style: Some("FootnoteReference"),
                ..RunFmt::default()
            },
            rtl,
            rtl,
        );
        out.push_str("<w:footnoteRef/></w:r>");
        text_runs(&mut out, " ", RunFmt::default(), rtl);
        for run in &f.runs {
            match &run.kind {
                RunKind::FootnoteMarker { .. } => {}
                RunKind::Reference { reference } => match reference_url(doc, *reference) {
                    Some(url) => {
                        let id = rels.link(url);
                        let _ = write!(out, "<w:hyperlink r:id=\"{id}\" w:history=\"1\">");
                        let fmt = RunFmt {
                            style: Some("Hyperlink"),
                            ..RunFmt::default()
                        };
                        text_runs(&mut out, &run.text, fmt, rtl);
                        out.push_str("</w:hyperlink>");
                    }
                    None => text_runs(&mut out, &run.text, RunFmt::default(), rtl),
                },
                kind => {
                    let fmt = RunFmt {
                        italic: matches!(kind, RunKind::Emphasis),
                        bold: matches!(kind, RunKind::Lead),
                        ..RunFmt::default()
                    };
                    text_runs(&mut out, &run.text, fmt, rtl);
                }
            }
        }
        out.push_str("</w:p></w:footnote>");
    }
    out.push_str("</w:footnotes>");
    (out, rels)
}

// ---------------------------------------------------------------------------------------------
// Fixed parts

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>\
<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
</Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>";

const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>";

fn core_xml(doc: &Document) -> String {
    let title = doc
        .meta
        .symbol
        .clone()
        .or_else(|| doc.meta.title.clone())
        .unwrap_or_default();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    );
    let _ = write!(out, "<dc:title>{}</dc:title>", escape(&title));
    if let Some(t) = &doc.meta.title {
        let _ = write!(out, "<dc:subject>{}</dc:subject>", escape(t));
    }
    out.push_str("<dc:creator>Qarar</dc:creator>");
    let _ = write!(
        out,
        "<dc:language>{}</dc:language>",
        doc.meta.language.code()
    );
    if let Some(d) = &doc.meta.adopted
        && d.len() == 10
        && d.chars().all(|c| c.is_ascii_digit() || c == '-')
    {
        let _ = write!(
            out,
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{d}T00:00:00Z</dcterms:created>"
        );
    }
    out.push_str("</cp:coreProperties>");
    out
}

fn styles_xml(doc: &Document) -> String {
    let lang = match doc.meta.language.code() {
        "ar" => "ar-SA",
        "fr" => "fr-FR",
        "es" => "es-ES",
        "ru" => "ru-RU",
        "zh" => "zh-CN",
        _ => "en-US",
    };
    let bidi = doc.meta.direction == Direction::Rtl;
    let pbidi = if bidi { "<w:bidi/>" } else { "" };
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"{W_NS}\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Noto Naskh Arabic\"/>\
<w:sz w:val=\"22\"/><w:szCs w:val=\"26\"/><w:lang w:val=\"{}\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>",
        if lang == "ar-SA" { "en-US" } else { lang }
    );
    let _ = write!(
        out,
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>\
<w:pPr>{pbidi}<w:jc w:val=\"both\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Noto Naskh Arabic\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"240\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"30\"/><w:szCs w:val=\"34\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:jc w:val=\"start\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:jc w:val=\"start\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Cover\"><w:name w:val=\"Cover\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:after=\"60\"/><w:jc w:val=\"start\"/></w:pPr><w:rPr><w:color w:val=\"555555\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Formula\"><w:name w:val=\"Formula\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:before=\"120\" w:after=\"120\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Closing\"><w:name w:val=\"Closing\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:spacing w:before=\"240\"/><w:jc w:val=\"end\"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/>\
<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>\
<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/>\
<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"CommentText\"><w:name w:val=\"annotation text\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/>\
<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"start\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>\
<w:style w:type=\"character\" w:styleId=\"CommentReference\"><w:name w:val=\"annotation reference\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/>\
<w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>\
<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/>\
<w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr></w:style>"
    );
    out.push_str("</w:styles>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_strips() {
        assert_eq!(
            escape("a<b>&\"'\u{1}\u{0}\tz\u{FFFF}"),
            "a&lt;b&gt;&amp;&quot;&apos;\tz"
        );
    }

    #[test]
    fn latin_symbols_are_ltr_chunks() {
        let chunks = script_chunks("دون الإحالة (A/75/L.20) و");
        let ltr: Vec<&str> = chunks
            .iter()
            .filter(|(_, rtl)| !rtl)
            .map(|(s, _)| s.as_str())
            .collect();
        assert_eq!(ltr, vec!["A/75/L.20"]);
        let all: String = chunks.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(all, "دون الإحالة (A/75/L.20) و");
        let chunks = script_chunks("United Nations, Treaty Series, vol. 1");
        assert_eq!(chunks[0].0, "United Nations, Treaty Series, vol");
    }

    #[test]
    fn urls_are_encoded() {
        assert_eq!(url_path("S/RES/2250 (2015)"), "S/RES/2250%20%282015%29");
    }

    #[test]
    fn word_dates() {
        assert_eq!(
            word_date("2026-11-29T08:23:31.123456Z").as_deref(),
            Some("2026-11-29T08:23:31Z")
        );
        assert_eq!(word_date("yesterday"), None);
    }
}
