//! The cover page: the metadata read from the lines before the enacting formula (organ,
//! session, agenda item, dates, originating documents, title and symbol) and the cover
//! blocks as printed.

use super::{Line, meta};
use crate::model::{Document, Language};

/// Lines longer than this are not examined as cover-page metadata.
const MAX_META_LINE: usize = 2_000;

/// Fill the metadata from the cover page.
pub(super) fn read_header(text: &str, lines: &[Line], doc: &mut Document) {
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
        _ if m.language == Language::Ar => (b, a),
        _ => (a, b),
    };
    if m.session.is_none() {
        m.session = Some(session);
    }
    let prefix = meta::resolution_prefix(m.organ.as_deref());
    m.symbol = Some(format!("{prefix}{session}/{number}"));
}
