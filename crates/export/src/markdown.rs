//! Markdown export for note-taking apps: the text in logical order, footnotes as `[^N]`
//! Markdown footnotes, references as links, and after each annotated paragraph the annotated
//! passages as block quotes with their notes and tags. Orphans are listed at the end.
//!
//! Every string from the document or the user is escaped with [`escape`] (inline Markdown
//! syntax, and block syntax at line starts), so that a note can never turn into a heading,
//! a list, a link or raw HTML.

use super::labels::{colon, labels};
use super::placed::Placed;
use super::url_path;
use qarar_document::{Document, Language, Paragraph, ReferenceKind, RunKind};
use qarar_text::display::paragraph_prefix;
use std::fmt::Write as _;

/// Escape text for inline Markdown (CommonMark): backslash-escape ASCII punctuation that can
/// start syntax (`\ ` * _ [ ] < > # | ~ & !`), and list/heading/quote markers at line starts.
/// Line breaks are kept.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&escape_line(line));
    }
    out
}

fn escape_line(line: &str) -> String {
    // Leading white space would make an indented code block: drop it.
    let line = line.trim_start();
    let (guard, rest) = line_start_guard(line);
    let mut out = String::with_capacity(line.len() + 4);
    out.push_str(&guard);
    out.push_str(&escape_inline(rest));
    out
}

/// Neutralise a block marker at the start of a line (`- `, `+ `, `=`, `1. `, `1) `): the
/// escaped marker, and the rest of the line.
fn line_start_guard(line: &str) -> (String, &str) {
    let mut out = String::new();
    let mut rest = line;
    // Block markers at the line start: `- `, `+ `, `1. `, `1) `, `=`.
    if let Some(c) = rest.chars().next()
        && matches!(c, '-' | '+' | '=')
    {
        out.push('\\');
        out.push(c);
        rest = &rest[1..];
    } else {
        let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 {
            let after = rest[digits..].chars().next();
            if matches!(after, Some('.') | Some(')')) {
                out.push_str(&rest[..digits]);
                out.push('\\');
                rest = &rest[digits..];
            }
        }
    }
    (out, rest)
}

/// Escape inline Markdown syntax only (white space and line starts untouched).
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A footnote label: the printed marker if it is a plain word, else the footnote's position.
fn footnote_label(doc: &Document, id: &str) -> String {
    let position = doc.footnotes.iter().position(|f| f.id == id);
    match doc.footnotes.iter().find(|f| f.id == id) {
        Some(f)
            if !f.marker.trim().is_empty()
                && f.marker.trim().chars().all(|c| c.is_alphanumeric()) =>
        {
            f.marker.trim().to_string()
        }
        _ => position
            .map(|i| (i + 1).to_string())
            .unwrap_or_else(|| id.chars().filter(|c| c.is_alphanumeric()).collect()),
    }
}

/// A tag as a hashtag note-taking apps accept: letters, digits, `_`, `-`, `/`.
fn hashtag(tag: &str) -> String {
    let t: String = tag
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '_' | '-' | '/') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("#{t}")
}

/// The annotated copy as Markdown.
pub fn export(doc: &Document, placed: &[Placed]) -> String {
    let mut out = String::new();
    let m = &doc.meta;
    let title = doc
        .title_line
        .clone()
        .or_else(|| m.title.clone())
        .or_else(|| m.symbol.clone())
        .unwrap_or_default();
    if !title.is_empty() {
        let _ = writeln!(out, "# {}\n", escape(&title));
    }
    let l = labels(m.language);
    // "**Symbol:** …": the colon inside the bold label, the space after it.
    let c = colon(m.language).trim_end();
    let mut meta = Vec::new();
    if let Some(s) = &m.symbol {
        meta.push(format!("**{}{c}** {}", l.symbol, escape(s)));
    }
    if let Some(o) = &m.organ {
        meta.push(format!("**{}{c}** {}", l.organ, escape(o)));
    }
    if let Some(s) = m.session {
        meta.push(format!("**{}{c}** {s}", l.session));
    }
    if let Some(a) = &m.agenda_item {
        meta.push(format!("**{}{c}** {}", l.agenda_item, escape(a)));
    }
    if let Some(d) = &m.adopted {
        meta.push(format!("**{}{c}** {}", l.adopted, escape(d)));
    }
    if let Some(d) = &m.issued {
        meta.push(format!("**{}{c}** {}", l.issued, escape(d)));
    }
    if !m.originating.is_empty() {
        let docs: Vec<String> = m
            .originating
            .iter()
            .map(|d| {
                format!(
                    "[{}](https://undocs.org/{}/{})",
                    escape(d),
                    m.language.code(),
                    url_path(d)
                )
            })
            .collect();
        meta.push(format!("**{}{c}** {}", l.originating, docs.join(", ")));
    }
    meta.push(format!("**{}{c}** {}", l.language, m.language.code()));
    if !meta.is_empty() {
        // Hard line breaks (two trailing spaces) keep one metadata item per line.
        out.push_str(&meta.join("  \n"));
        out.push_str("\n\n");
    }

    if let Some(f) = &doc.enacting_formula {
        paragraph(&mut out, doc, placed, f);
    }
    if !doc.preamble.is_empty() {
        let _ = writeln!(out, "## {}\n", l.preamble);
        for p in &doc.preamble {
            paragraph(&mut out, doc, placed, p);
        }
    }
    for top in &doc.body {
        for (_, p) in top.walk() {
            paragraph(&mut out, doc, placed, p);
        }
    }
    if !doc.operative.is_empty() {
        let _ = writeln!(out, "## {}\n", l.operative);
        for top in &doc.operative {
            for (_, p) in top.walk() {
                paragraph(&mut out, doc, placed, p);
            }
        }
    }
    for part in &doc.parts {
        let _ = writeln!(out, "## {}\n", escape(&part.heading()));
        for top in part.tops() {
            for (_, p) in top.walk() {
                paragraph(&mut out, doc, placed, p);
            }
        }
    }
    for annex in &doc.annexes {
        let _ = writeln!(out, "## {}\n", escape(&annex.heading_text()));
        for top in &annex.paragraphs {
            for (_, p) in top.walk() {
                paragraph(&mut out, doc, placed, p);
            }
        }
    }
    if let Some(c) = &doc.closing {
        let lines: Vec<String> = [c.meeting.as_deref(), c.date_text.as_deref()]
            .into_iter()
            .flatten()
            .map(escape)
            .collect();
        if !lines.is_empty() {
            let _ = writeln!(out, "*{}*\n", lines.join(" · "));
        }
    }

    let orphans: Vec<&Placed> = placed.iter().filter(|p| p.is_orphan()).collect();
    if !orphans.is_empty() {
        let _ = writeln!(out, "## {}\n", l.orphans);
        for p in orphans {
            annotation(&mut out, m.language, p, &p.annotation.quote.exact);
        }
    }

    if !doc.footnotes.is_empty() {
        out.push_str("---\n\n");
        for f in &doc.footnotes {
            let _ = writeln!(
                out,
                "[^{}]: {}",
                footnote_label(doc, &f.id),
                runs(doc, &f.runs).replace('\n', " ")
            );
        }
        out.push('\n');
    }
    out
}

/// Inline Markdown of runs: markers as `[^N]`, references as links, leads in bold.
fn runs(doc: &Document, runs: &[qarar_document::Run]) -> String {
    let mut out = String::new();
    for run in runs {
        let text = escape_inline(&run.text.replace('\n', " "));
        match &run.kind {
            RunKind::Plain => out.push_str(&text),
            RunKind::Lead | RunKind::Emphasis if run.text.trim().is_empty() => {
                out.push_str(&text);
            }
            RunKind::Lead => {
                // Keep surrounding spaces outside the delimiters (CommonMark flanking rules).
                let (lead, core, trail) = split_spaces(&text);
                let _ = write!(out, "{lead}**{core}**{trail}");
            }
            RunKind::Emphasis => {
                let (lead, core, trail) = split_spaces(&text);
                let _ = write!(out, "{lead}*{core}*{trail}");
            }
            RunKind::FootnoteMarker { footnote } => {
                let _ = write!(out, "[^{}]", footnote_label(doc, footnote));
            }
            RunKind::Reference { reference } => match doc.references.get(*reference) {
                Some(r) if r.kind == ReferenceKind::Paragraph => {
                    let _ = write!(out, "[{text}](#{})", url_path(&r.target));
                }
                Some(r) if r.kind != ReferenceKind::Treaty => {
                    let _ = write!(
                        out,
                        "[{text}](https://undocs.org/{}/{})",
                        doc.meta.language.code(),
                        url_path(&r.target)
                    );
                }
                _ => out.push_str(&text),
            },
        }
    }
    out
}

fn split_spaces(s: &str) -> (&str, &str, &str) {
    let core_start = s.len() - s.trim_start().len();
    let core_end = s.trim_end().len();
    if core_start >= core_end {
        return (s, "", "");
    }
    (&s[..core_start], &s[core_start..core_end], &s[core_end..])
}

fn paragraph(out: &mut String, doc: &Document, placed: &[Placed], p: &Paragraph) {
    if let Some(t) = &p.table {
        // A pipe table; the first row is the header row Markdown requires. Pipe tables have
        // no spans: a spanned cell stands in its first column, the others covered are empty.
        let (grid, columns) = (t.grid(), t.columns().max(1));
        for (i, (row, places)) in t.texts().iter().zip(&grid).enumerate() {
            let mut cells = vec![String::new(); columns];
            for (text, g) in row.iter().zip(places) {
                if let Some(c) = cells.get_mut(g.col) {
                    *c = escape(text).replace('|', "\\|");
                }
            }
            let _ = writeln!(out, "| {} |", cells.join(" | "));
            if i == 0 {
                let _ = writeln!(out, "|{}", " --- |".repeat(columns));
            }
        }
        out.push('\n');
        notes(out, doc, placed, p);
        return;
    }
    if p.kind == qarar_document::ParagraphKind::Heading {
        let _ = writeln!(out, "### {}\n", escape(p.text().trim()));
        notes(out, doc, placed, p);
        return;
    }
    let prefix = paragraph_prefix(p, doc.meta.direction);
    let body = runs(doc, &p.runs);
    let body = body.trim_start();
    let line = if prefix.is_empty() {
        // The paragraph's own text starts the line: keep it from reading as a list or heading.
        let (guard, rest) = line_start_guard(body);
        format!("{guard}{rest}")
    } else {
        format!("{}{body}", escape(&prefix))
    };
    let _ = writeln!(out, "{line}\n");
    notes(out, doc, placed, p);
}

/// The annotations anchored in `p`, each after it with its passage.
fn notes(out: &mut String, doc: &Document, placed: &[Placed], p: &Paragraph) {
    let text = p.text();
    for pl in placed
        .iter()
        .filter(|pl| pl.paragraph.as_deref() == Some(p.id.as_str()))
    {
        let passage = pl
            .byte_range(&text)
            .and_then(|r| text.get(r))
            .filter(|s| !s.is_empty())
            .unwrap_or(pl.annotation.quote.exact.as_str());
        // A passage across table cells: cells and rows apart on one line.
        let passage = passage.replace('\t', " | ").replace('\n', " / ");
        annotation(out, doc.meta.language, pl, &passage);
    }
}

fn annotation(out: &mut String, language: Language, pl: &Placed, passage: &str) {
    let a = &pl.annotation;
    let (l, c) = (labels(language), colon(language));
    let bold_colon = c.trim_end();
    let colour = l.colour_name(a.color);
    for line in passage.split('\n') {
        let _ = writeln!(out, "> {}", escape(line));
    }
    out.push('\n');
    let mut lines = Vec::new();
    if !a.note.trim().is_empty() {
        let note = a
            .note
            .trim()
            .split('\n')
            .map(escape)
            .collect::<Vec<_>>()
            .join("  \n");
        lines.push(format!("**{} ({colour}){bold_colon}** {}", l.note, note));
    } else {
        lines.push(format!("*{} ({colour})*", l.highlight));
    }
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| hashtag(t)).collect();
        lines.push(format!("{}{c}{}", l.tags, tags.join(" ")));
    }
    out.push_str(&lines.join("  \n"));
    out.push_str("\n\n");
}
