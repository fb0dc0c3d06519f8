//! Inline content of an Akoma Ntoso paragraph turned into [`Run`]s: text, styled spans,
//! footnotes (`<authorialNote>`), references (`<a href>`, `<ref href>`).

use super::Ctx;
use super::tree::{Element, Node};
use crate::ids;
use crate::model::{Diagnostic, Footnote, Reference, Run, RunKind};
use crate::refs;
use std::ops::Range;

/// A run being collected, with the styled span it came from (for lead detection).
#[derive(Debug, Clone)]
pub(super) struct Piece {
    pub run: Run,
    /// Index of the outermost bold/italic span holding this piece.
    pub span: Option<usize>,
}

impl Piece {
    /// True for pieces made of text (plain or emphasis), which may be trimmed and merged.
    fn is_text(&self) -> bool {
        matches!(self.run.kind, RunKind::Plain | RunKind::Emphasis)
    }
}

/// Style inherited from enclosing elements.
#[derive(Debug, Clone, Copy, Default)]
struct Style {
    span: Option<usize>,
    italic: bool,
}

/// Collects the pieces of one paragraph (or footnote body).
pub(super) struct Collector<'c> {
    ctx: &'c mut Ctx,
    pub pieces: Vec<Piece>,
    spans: usize,
    /// Leave `<table>`s out (the caller reads them as tables of their own).
    pub(crate) skip_tables: bool,
}

impl<'c> Collector<'c> {
    pub(super) fn new(ctx: &'c mut Ctx) -> Collector<'c> {
        Collector {
            ctx,
            pieces: Vec::new(),
            spans: 0,
            skip_tables: false,
        }
    }

    /// Collect the inline content of `e` (its children).
    pub(super) fn element(&mut self, e: &Element) {
        self.children(e, Style::default());
    }

    fn children(&mut self, e: &Element, style: Style) {
        for node in &e.children {
            match node {
                Node::Text { text, range } => self.text(text, Some(range.clone()), style),
                Node::Element(child) => self.child(child, style),
            }
        }
    }

    fn text(&mut self, text: &str, source: Option<Range<usize>>, style: Style) {
        let kind = if style.italic {
            RunKind::Emphasis
        } else {
            RunKind::Plain
        };
        self.pieces.push(Piece {
            run: Run::new(kind, text, source),
            span: style.span,
        });
    }

    fn child(&mut self, e: &Element, style: Style) {
        match e.name() {
            "authorialNote" | "note" => self.footnote(e),
            "table" if self.skip_tables => {}
            "sup" if is_marker_wrapper(e) => {}
            "a" | "ref" => self.reference(e, style),
            "span" | "i" | "b" | "em" | "strong" | "u" => self.styled(e, style),
            "eol" | "br" | "eop" => self.text(" ", None, style),
            "img" | "meta" | "num" if e.children.is_empty() => {}
            "p" | "blockList" | "item" | "listIntroduction" | "listWrapUp" => {
                self.children(e, style);
                self.text(" ", None, style);
            }
            _ => self.children(e, style),
        }
    }

    /// A `span` (or `i`/`b`): bold or italic classes open a styled span.
    fn styled(&mut self, e: &Element, style: Style) {
        let class = e.attr("class").unwrap_or_default();
        let italic = class.contains("italic") || matches!(e.name(), "i" | "em");
        let bold = class.contains("bold") || matches!(e.name(), "b" | "strong");
        let mut inner = style;
        if (italic || bold) && style.span.is_none() {
            self.spans += 1;
            inner.span = Some(self.spans);
        }
        inner.italic |= italic;
        self.children(e, inner);
    }

    /// An `<authorialNote>`: a marker run here, the note in `doc.footnotes`.
    fn footnote(&mut self, e: &Element) {
        self.ctx.footnotes += 1;
        let id = ids::footnote_id(self.ctx.footnotes);
        let marker = e
            .attr("marker")
            .map(|m| m.trim().to_string())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| self.ctx.footnotes.to_string());
        // Reserve the slot so that nested notes keep reading order.
        let slot = self.ctx.doc.footnotes.len();
        self.ctx.doc.footnotes.push(Footnote {
            id: id.clone(),
            marker: marker.clone(),
            paragraph: None,
            runs: Vec::new(),
            source: e.range.clone(),
        });
        let mut body = Collector::new(self.ctx);
        body.element(e);
        let mut pieces = std::mem::take(&mut body.pieces);
        collapse(&mut pieces);
        strip_note_placeholder(&mut pieces);
        let runs = into_runs(pieces);
        if let Some(note) = self.ctx.doc.footnotes.get_mut(slot) {
            note.runs = runs;
        }
        self.pieces.push(Piece {
            run: Run::new(
                RunKind::FootnoteMarker { footnote: id },
                marker,
                Some(e.range.clone()),
            ),
            span: None,
        });
    }

    /// An `<a href>` or `<ref href>`: a reference run when the target is a UN symbol.
    fn reference(&mut self, e: &Element, style: Style) {
        let text = collapse_str(&e.text());
        let symbol = e.attr("href").and_then(symbol_from_href);
        let Some(symbol) = symbol else {
            self.children(e, style);
            return;
        };
        if self.preceded_by_latin_hyphen() {
            self.ctx.doc.diagnostics.push(Diagnostic::warning(
                format!("link on \"{text}\" to {symbol} ignored: it follows a letter and a hyphen (a name such as I-24/7, not a document)"),
                Some(e.range.clone()),
            ));
            self.children(e, style);
            return;
        }
        let Some((kind, target)) = refs::classify_symbol(&symbol) else {
            self.children(e, style);
            return;
        };
        let index = self.ctx.doc.references.len();
        self.ctx.doc.references.push(Reference {
            kind,
            target,
            text: text.clone(),
            paragraph: String::new(),
        });
        self.pieces.push(Piece {
            run: Run::new(
                RunKind::Reference { reference: index },
                text,
                Some(e.range.clone()),
            ),
            span: style.span,
        });
    }

    /// True when the text collected so far ends with a Latin letter and a hyphen (`I-`).
    fn preceded_by_latin_hyphen(&self) -> bool {
        let Some(last) = self.pieces.iter().rev().find(|p| !p.run.text.is_empty()) else {
            return false;
        };
        let mut chars = last.run.text.chars().rev();
        let hyphen = chars
            .next()
            .is_some_and(|c| matches!(c, '-' | '\u{2010}' | '\u{2011}'));
        hyphen && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
    }
}

/// `<sup>(</sup>` or `<sup>)</sup>` around a footnote marker in Arabic files.
fn is_marker_wrapper(e: &Element) -> bool {
    matches!(e.text().trim(), "(" | ")" | "" | "()")
}

/// The UN symbol an `undocs.org` link points to (`https://undocs.org/ar/A/RES/51/1` →
/// `A/RES/51/1`); `None` for other links.
pub(super) fn symbol_from_href(href: &str) -> Option<String> {
    let rest = href
        .trim()
        .strip_prefix("https://")
        .or_else(|| href.trim().strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/')?;
    let host = host.trim_start_matches("www.");
    if host != "undocs.org" && host != "documents.un.org" {
        return None;
    }
    let path = percent_decode(path);
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.first().is_some_and(|s| is_language_segment(s)) {
        segments.remove(0);
    }
    let symbol = segments.join("/");
    (!symbol.is_empty()).then_some(symbol)
}

/// `ar`, `en`, `fr`, `es`, `ru`, `zh`, and `ch` as undocs.org writes Chinese.
fn is_language_segment(s: &str) -> bool {
    matches!(s, "ar" | "en" | "fr" | "es" | "ru" | "zh" | "ch")
}

/// Decode `%20`-style escapes (invalid sequences stay as written).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// White space collapsed inside XML text: tab, newline, carriage return, space.
fn is_collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Collapse runs of tabs/newlines/spaces to one space and drop U+2029, in one string.
pub(super) fn collapse_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    collapse_into(s, &mut out, &mut space);
    let end = out.trim_end().len();
    out.truncate(end);
    out
}

/// Collapse white space across pieces (a space at the end of one piece swallows spaces at
/// the start of the next); drops U+2029.
pub(super) fn collapse(pieces: &mut [Piece]) {
    let mut space = false;
    for piece in pieces.iter_mut() {
        if !piece.is_text() {
            space = false;
            continue;
        }
        let text = &piece.run.text;
        if is_collapsed(text, space) {
            // Nothing to change (most text): keep the string as it is.
            if let Some(last) = text.as_bytes().last() {
                space = *last == b' ';
            }
            continue;
        }
        let mut out = String::with_capacity(text.len());
        collapse_into(text, &mut out, &mut space);
        piece.run.text = out;
    }
}

/// True when [`collapse_into`] would copy `text` unchanged: no tab, newline, carriage
/// return, U+2029 or double space, and no leading space after a space.
fn is_collapsed(text: &str, space: bool) -> bool {
    let bytes = text.as_bytes();
    if space && bytes.first() == Some(&b' ') {
        return false;
    }
    // Is byte `a`, followed by `b` and `c`, where a change starts?
    let change = |a: u8, b: u8, c: u8| {
        (a == b'\t')
            | (a == b'\n')
            | (a == b'\r')
            | ((a == b' ') & (b == b' '))
            | ((a == 0xE2) & (b == 0x80) & (c == 0xA9))
    };
    // The last two bytes, followed by zeros.
    let n = bytes.len();
    let tail = n.saturating_sub(2);
    let mut padded = [0u8; 4];
    padded[..n - tail].copy_from_slice(&bytes[tail..]);
    if (0..n - tail).any(|k| change(padded[k], padded[k + 1], padded[k + 2])) {
        return false;
    }
    // Every other byte with the two after it, in blocks checked without an early exit
    // inside them (so that the loop vectorises).
    let (a, b, c) = (&bytes[..tail], &bytes[1.min(n)..], &bytes[2.min(n)..]);
    a.chunks(BLOCK)
        .zip(b.chunks(BLOCK))
        .zip(c.chunks(BLOCK))
        .all(|((a, b), c)| {
            !a.iter()
                .zip(b)
                .zip(c)
                .fold(false, |found, ((&a, &b), &c)| found | change(a, b, c))
        })
}

/// Bytes checked at a time by [`is_collapsed`].
const BLOCK: usize = 64;

/// Append `text` to `out` with runs of collapsible white space as one space (none when
/// `space` says the text before ended with one) and U+2029 dropped; `space` is updated.
fn collapse_into(text: &str, out: &mut String, space: &mut bool) {
    let bytes = text.as_bytes();
    // Start of the bytes not yet copied; always a char boundary (after an ASCII byte or
    // after U+2029).
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if is_collapsible(char::from(b)) {
            out.push_str(&text[start..i]);
            if !*space {
                out.push(' ');
            }
            *space = true;
            i += 1;
            start = i;
        } else if b == 0xE2 && bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA9]) {
            out.push_str(&text[start..i]);
            i += 3;
            start = i;
        } else {
            *space = false;
            i += 1;
        }
    }
    out.push_str(&text[start..]);
}

/// The text at the start of the paragraph, up to the first marker or reference.
pub(super) fn leading_text(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for p in pieces {
        if !p.is_text() || out.len() > 64 {
            break;
        }
        out.push_str(&p.run.text);
    }
    out
}

/// Remove the first `n` bytes of text (a number or label prefix) from the pieces.
pub(super) fn strip_bytes(pieces: &mut [Piece], mut n: usize) {
    for p in pieces.iter_mut() {
        if n == 0 || !p.is_text() {
            return;
        }
        let len = p.run.text.len();
        if n >= len {
            p.run.text.clear();
            n -= len;
        } else {
            let cut = floor_boundary(&p.run.text, n);
            p.run.text.drain(..cut);
            return;
        }
    }
}

/// Largest char boundary of `s` not above `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Turn the leading bold/italic span (after white space) into a lead; returns its text.
pub(super) fn take_lead(pieces: &mut Vec<Piece>) -> Option<String> {
    let first = pieces
        .iter()
        .position(|p| !(p.is_text() && p.run.text.trim().is_empty()))?;
    let span = pieces.get(first)?.span?;
    if !pieces[first].is_text() {
        return None;
    }
    let mut end = first;
    while pieces
        .get(end)
        .is_some_and(|p| p.span == Some(span) && p.is_text())
    {
        end += 1;
    }
    let raw: String = pieces[first..end]
        .iter()
        .map(|p| p.run.text.as_str())
        .collect();
    let lead = raw.trim().to_string();
    if lead.is_empty() {
        return None;
    }
    let source = union(pieces[first..end].iter().map(|p| p.run.source.clone()));
    let trailing_space = raw.ends_with(char::is_whitespace);
    let lead_piece = Piece {
        run: Run::new(RunKind::Lead, lead.clone(), source),
        span: None,
    };
    pieces.splice(first..end, [lead_piece]);
    if trailing_space {
        pieces.insert(
            first + 1,
            Piece {
                run: Run::plain(" "),
                span: None,
            },
        );
    }
    Some(lead)
}

/// Smallest range covering all the given ranges.
pub(super) fn union(ranges: impl Iterator<Item = Option<Range<usize>>>) -> Option<Range<usize>> {
    ranges
        .flatten()
        .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
}

/// Drop the `()` placeholder (and tabs) at the start of a footnote body.
fn strip_note_placeholder(pieces: &mut [Piece]) {
    let lead = leading_text(pieces);
    let trimmed = lead.trim_start();
    let mut n = lead.len() - trimmed.len();
    if let Some(rest) = trimmed.strip_prefix("()") {
        n += 2 + (rest.len() - rest.trim_start().len());
    }
    strip_bytes(pieces, n);
}

/// Final runs: trimmed at both ends, empty text dropped, neighbours of one kind merged.
pub(super) fn into_runs(pieces: Vec<Piece>) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for p in pieces {
        if p.is_text() && p.run.text.is_empty() {
            continue;
        }
        match runs.last_mut() {
            Some(last)
                if last.kind == p.run.kind
                    && matches!(p.run.kind, RunKind::Plain | RunKind::Emphasis) =>
            {
                if last.text.ends_with(' ') && p.run.text.starts_with(' ') {
                    last.text.push_str(&p.run.text[1..]);
                } else {
                    last.text.push_str(&p.run.text);
                }
                last.source = union([last.source.clone(), p.run.source].into_iter());
            }
            _ => runs.push(p.run),
        }
    }
    trim_runs(&mut runs);
    runs
}

/// Trim white space at the start of the first text run and the end of the last one.
pub(super) fn trim_runs(runs: &mut Vec<Run>) {
    if let Some(first) = runs.first_mut().filter(|r| is_text_run(r)) {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = runs.last_mut().filter(|r| is_text_run(r)) {
        last.text = last.text.trim_end().to_string();
    }
    runs.retain(|r| !(is_text_run(r) && r.text.is_empty()));
    // A run may have become empty at one end, exposing spaces on the next one.
    if runs
        .first()
        .is_some_and(|r| is_text_run(r) && r.text.starts_with(' '))
        || runs
            .last()
            .is_some_and(|r| is_text_run(r) && r.text.ends_with(' '))
    {
        trim_runs(runs);
    }
}

/// Plain or emphasis run.
fn is_text_run(r: &Run) -> bool {
    matches!(r.kind, RunKind::Plain | RunKind::Emphasis)
}
