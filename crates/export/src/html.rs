//! Self-contained HTML export: one file, fonts embedded as data URLs, no script, no network.
//!
//! Structure: a `<header>` with the cover lines and the title, `<h2>` headings for the
//! preamble and the operative part, one `<div class="para" id="…">` per paragraph (the
//! model's ids; sub-paragraphs nested inside their parent), footnotes as an endnote list with
//! links both ways, references linked to `https://undocs.org/{lang}/{target}` (paragraph
//! references to `#para_N`, treaties unlinked).
//!
//! Annotations: a highlight becomes one `<mark>` **per fragment**: the passage is cut wherever
//! it crosses a run (lead, emphasis, reference link) or a footnote marker, so that marks always
//! nest inside the run's element and never straddle it. Every fragment carries
//! `data-ann="N"` (N = 1-based index in `placed`); the first one also has `id="ann_N"`. The text
//! of all fragments of one annotation, in order, is exactly the annotated passage. Notes and
//! tags are `<aside role="note">` beside their paragraph (margin notes on wide screens,
//! inline on narrow screens and in print, by CSS alone). Orphans are listed at the end.
//!
//! Every string from the document or the user goes through [`escape`].

use super::labels::{Labels, labels};
use super::url_path;
use crate::ExportError;
use crate::placed::Placed;
use base64::Engine;
use qarar_document::{Direction, Document, Paragraph, ParagraphKind, ReferenceKind, Run, RunKind};
use qarar_text::display::paragraph_prefix;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::ops::Range;

/// Escape `& < > " '` for text and attribute values. NUL and other C0 controls except tab and
/// newline are dropped (they are not allowed in HTML).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escape text and wrap Latin stretches (`A/75/L.20`) in `<bdi>` when the page is RTL.
fn text_html(s: &str, rtl: bool) -> String {
    if !rtl {
        return escape(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_alphabetic() {
            // Extend over ASCII (no line breaks), then back to the last letter or digit.
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii() && chars[j] != '\n' {
                j += 1;
            }
            let mut end = j;
            while end > i && !chars[end - 1].is_ascii_alphanumeric() {
                end -= 1;
            }
            let latin: String = chars[i..end].iter().collect();
            out.push_str("<bdi>");
            out.push_str(&escape(&latin));
            out.push_str("</bdi>");
            i = end;
        } else {
            let mut j = i;
            while j < chars.len() && !chars[j].is_ascii_alphabetic() {
                j += 1;
            }
            let other: String = chars[i..j].iter().collect();
            out.push_str(&escape(&other));
            i = j;
        }
    }
    out
}

fn hex(rgb: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

const CSS: &str = r#"
:root{color-scheme:light}
html{font-size:18px}
body{margin:0 auto;max-width:44em;padding:1.5em 1.2em;line-height:1.8;color:#1a1a1a;background:#fff;font-family:var(--body-font)}
header .meta{margin:0;color:#555;font-size:.85em}
header h1{font-size:1.4em;margin:.8em 0 1em}
h2{font-size:1.15em;margin:1.6em 0 .6em;border-bottom:1px solid #ccc}
.para{margin:.2em 0 .7em}
.para p{margin:0}
.para .para{margin-inline-start:2em}
.num{font-weight:bold}
.opener{font-style:normal;color:#1d4f7a}
.verb{font-weight:bold}
mark{color:inherit;border-radius:.15em;padding:0 .05em}
sup.fnref{font-size:.7em;line-height:0}
a{color:#1d4f7a}
aside.note{display:block;margin:1em 0 .15em;padding:.3em .6em;border-inline-start:.3em solid var(--hl);background:#f7f7f4;font-size:.85em;line-height:1.5}
aside.note .note-text{white-space:pre-wrap}
aside.note .tags{display:block;color:#555}
aside.note .to-mark{text-decoration:none}
.footnotes li,.orphans li{margin:.4em 0}
.orphans blockquote{margin:.3em 1em;padding:0 .6em;border-inline-start:.3em solid var(--hl)}
.closing{margin-top:1.5em;color:#555}
@media (min-width:62em){
 body{max-width:44em;padding-inline-end:19em}
 aside.note{float:inline-end;clear:inline-end;width:15em;margin-inline-end:-17.5em;margin-top:0}
 .orphans aside.note{float:none;width:auto;margin:.3em 0}
}
@media print{
 body{max-width:none;padding:0}
 aside.note{float:none;width:auto;margin:1em 0 .15em;break-inside:avoid;break-after:avoid}
 a{color:inherit;text-decoration:none}
 mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"#;

/// One placed annotation inside a paragraph.
struct Hit {
    /// 1-based index in `placed`.
    n: usize,
    range: Range<usize>,
    placed: usize,
}

struct Ctx<'a> {
    doc: &'a Document,
    placed: &'a [Placed],
    rtl: bool,
    labels: &'static Labels,
    /// Annotations whose first fragment was written (they got `id="ann_N"`).
    seen: HashSet<usize>,
    /// Footnotes whose first marker was written (it got `id="fnref_…"`).
    marked: HashSet<String>,
}

/// The Content-Security-Policy of every HTML file written: nothing is fetched or run, only
/// the page's own style and embedded fonts and images are used (the reader's export and
/// the comparison's alike).
pub(crate) const CSP_META: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:\">";

/// The annotated copy as one self-contained HTML file (UTF-8).
pub fn export(doc: &Document, placed: &[Placed]) -> Result<Vec<u8>, ExportError> {
    let rtl = doc.meta.direction == Direction::Rtl;
    let mut ctx = Ctx {
        doc,
        placed,
        rtl,
        labels: labels(doc.meta.language),
        seen: HashSet::new(),
        marked: HashSet::new(),
    };
    let mut out = String::with_capacity(2_000_000);
    let lang = doc.meta.language.code();
    let dir = doc.meta.direction.as_str();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         {CSP_META}\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Qarar\">\n"
    );
    let title = [doc.meta.symbol.clone(), doc.meta.title.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" — ");
    let title = if title.is_empty() {
        doc.title_line.clone().unwrap_or_default()
    } else {
        title
    };
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    out.push_str("<style>\n");
    fonts_css(&mut out, rtl);
    out.push_str(CSS);
    out.push_str(&highlight_css());
    out.push_str("</style>\n</head>\n<body>\n");

    header(&mut out, doc, rtl);
    out.push_str("<main>\n");
    if let Some(f) = &doc.enacting_formula {
        paragraph(&mut out, &mut ctx, f, "formula");
    }
    let preamble = ctx.labels.preamble;
    let operative = ctx.labels.operative;
    for (class, heading, paragraphs, kind) in [
        ("preamble", Some(preamble), &doc.preamble, "preamble"),
        ("body", None, &doc.body, "plain"),
        ("operative", Some(operative), &doc.operative, "operative"),
    ] {
        if paragraphs.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<section class=\"{class}\">");
        if let Some(h) = heading {
            let _ = writeln!(out, "<h2>{h}</h2>");
        }
        for p in paragraphs {
            paragraph(&mut out, &mut ctx, p, kind);
        }
        out.push_str("</section>\n");
    }
    parts_and_annexes(&mut out, &mut ctx, doc);
    if let Some(c) = &doc.closing {
        let lines: Vec<String> = [c.meeting.as_deref(), c.date_text.as_deref()]
            .into_iter()
            .flatten()
            .map(|l| text_html(l, rtl))
            .collect();
        if !lines.is_empty() {
            let _ = writeln!(out, "<p class=\"closing\">{}</p>", lines.join("<br>"));
        }
    }
    out.push_str("</main>\n");
    footnotes(&mut out, &mut ctx);
    orphans(&mut out, &ctx);
    out.push_str("</body>\n</html>\n");
    Ok(out.into_bytes())
}

fn fonts_css(out: &mut String, rtl: bool) {
    let data = qarar_text::fonts::font_data();
    // Indices into `font_data()`: 0 Naskh Regular, 1 Naskh Bold, 2 Serif Regular,
    // 3 Serif Bold, 4 Serif Italic.
    let faces: &[(usize, &str, u16, &str)] = if rtl {
        &[
            (0, "Noto Naskh Arabic", 400, "normal"),
            (1, "Noto Naskh Arabic", 700, "normal"),
            (2, "Noto Serif", 400, "normal"),
        ]
    } else {
        &[
            (2, "Noto Serif", 400, "normal"),
            (3, "Noto Serif", 700, "normal"),
            (4, "Noto Serif", 400, "italic"),
        ]
    };
    let engine = base64::engine::general_purpose::STANDARD;
    for &(i, family, weight, style) in faces {
        let Some(bytes) = data.get(i) else { continue };
        let _ = writeln!(
            out,
            "@font-face{{font-family:\"{family}\";src:url(data:font/ttf;base64,{}) format(\"truetype\");font-weight:{weight};font-style:{style};font-display:block}}",
            engine.encode(bytes)
        );
    }
    let stack = if rtl {
        "\"Noto Naskh Arabic\",\"Noto Serif\",serif"
    } else {
        "\"Noto Serif\",serif"
    };
    let _ = writeln!(out, ":root{{--body-font:{stack}}}");
}

fn highlight_css() -> String {
    let mut css = String::new();
    for c in qarar_annotations::Color::ALL {
        let _ = writeln!(css, ".hl-{}{{--hl:{}}}", c.name(), hex(c.rgb()));
    }
    css
}

fn header(out: &mut String, doc: &Document, rtl: bool) {
    let m = &doc.meta;
    out.push_str("<header>\n");
    if !m.cover.is_empty() {
        for line in &m.cover {
            let _ = writeln!(out, "<p class=\"meta\">{}</p>", text_html(line, rtl));
        }
    } else {
        if let Some(s) = &m.symbol {
            let _ = writeln!(out, "<p class=\"meta\">{}</p>", text_html(s, rtl));
        }
        if let Some(o) = &m.organ {
            let _ = writeln!(out, "<p class=\"meta\">{}</p>", text_html(o, rtl));
        }
        if !m.originating.is_empty() {
            let docs: Vec<String> = m.originating.iter().map(|d| text_html(d, rtl)).collect();
            let _ = writeln!(out, "<p class=\"meta\">{}</p>", docs.join(" · "));
        }
    }
    if let Some(t) = doc.title_line.as_ref().or(m.title.as_ref()) {
        let _ = writeln!(out, "<h1>{}</h1>", text_html(t, rtl));
    }
    out.push_str("</header>\n");
}

/// Annotations placed in paragraph `id`, in order.
fn hits(placed: &[Placed], id: &str, len: usize) -> Vec<Hit> {
    placed
        .iter()
        .enumerate()
        .filter(|(_, p)| p.paragraph.as_deref() == Some(id))
        .filter_map(|(i, p)| {
            let r = p.range.clone()?;
            let r = r.start.min(len)..r.end.min(len);
            Some(Hit {
                n: i + 1,
                range: r,
                placed: i,
            })
        })
        .collect()
}

/// The parts of a multi-part resolution and the annexes, each a `<section>` with its
/// heading.
fn parts_and_annexes(out: &mut String, ctx: &mut Ctx, doc: &Document) {
    for part in &doc.parts {
        let _ = writeln!(
            out,
            "<section class=\"part\" id=\"part_{}\">",
            escape(&part.letter)
        );
        let _ = writeln!(out, "<h2>{}</h2>", text_html(&part.heading(), ctx.rtl));
        if let Some(f) = &part.enacting_formula {
            paragraph(out, ctx, f, "formula");
        }
        for p in &part.preamble {
            paragraph(out, ctx, p, "preamble");
        }
        for p in &part.body {
            paragraph(out, ctx, p, "plain");
        }
        for p in &part.operative {
            paragraph(out, ctx, p, "operative");
        }
        out.push_str("</section>\n");
    }
    for annex in &doc.annexes {
        let _ = writeln!(
            out,
            "<section class=\"annex\" id=\"{}\">",
            escape(&annex.id)
        );
        if let Some(h) = &annex.heading {
            let _ = writeln!(out, "<h2>{}</h2>", text_html(h, ctx.rtl));
        }
        if let Some(t) = &annex.title {
            let _ = writeln!(out, "<h3>{}</h3>", text_html(t, ctx.rtl));
        }
        for p in &annex.paragraphs {
            let class = match p.kind {
                ParagraphKind::Operative => "operative",
                ParagraphKind::Heading => "heading",
                _ => "plain",
            };
            paragraph(out, ctx, p, class);
        }
        out.push_str("</section>\n");
    }
}

/// A table as an HTML table, each cell in the document's direction, with the highlights of
/// annotations anchored in its cells (`hits` are code points of [`qarar_document::Table::text`]).
fn table(out: &mut String, ctx: &mut Ctx, t: &qarar_document::Table, hits: &[Hit]) {
    out.push_str("<table>\n");
    let grid = t.grid();
    for (r, (row, starts)) in t.rows.iter().zip(t.cell_starts()).enumerate() {
        out.push_str("<tr>");
        let tag = if row.header { "th" } else { "td" };
        for (i, cell) in row.cells.iter().enumerate() {
            let (cols, rows) = grid[r].get(i).map_or((1, 1), |g| (g.cols, g.rows));
            let _ = write!(out, "<{tag}");
            if cols > 1 {
                let _ = write!(out, " colspan=\"{cols}\"");
            }
            if rows > 1 {
                let _ = write!(out, " rowspan=\"{rows}\"");
            }
            out.push('>');
            match starts.as_ref().and_then(|s| s.get(i)) {
                Some(&base) => runs(out, ctx, cell, ParagraphKind::Plain, hits, base),
                None => runs(out, ctx, cell, ParagraphKind::Plain, &[], 0),
            }
            let _ = write!(out, "</{tag}>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

fn paragraph(out: &mut String, ctx: &mut Ctx, p: &Paragraph, class: &str) {
    let text_len = p.text().chars().count();
    let hits = hits(ctx.placed, &p.id, text_len);
    if let Some(t) = &p.table {
        let _ = writeln!(out, "<div class=\"para table\" id=\"{}\">", escape(&p.id));
        for h in &hits {
            aside(out, ctx, h);
        }
        table(out, ctx, t, &hits);
        out.push_str("</div>\n");
        return;
    }
    let _ = writeln!(out, "<div class=\"para {class}\" id=\"{}\">", escape(&p.id));
    for h in &hits {
        aside(out, ctx, h);
    }
    out.push_str("<p>");
    let prefix = paragraph_prefix(p, ctx.doc.meta.direction);
    if !prefix.is_empty() {
        let _ = write!(
            out,
            "<span class=\"num\">{}</span>",
            text_html(&prefix, ctx.rtl)
        );
    }
    runs(out, ctx, &p.runs, p.kind, &hits, 0);
    out.push_str("</p>\n");
    for c in &p.children {
        paragraph(out, ctx, c, "sub");
    }
    out.push_str("</div>\n");
}

fn aside(out: &mut String, ctx: &Ctx, h: &Hit) {
    let Some(pl) = ctx.placed.get(h.placed) else {
        return;
    };
    let a = &pl.annotation;
    if a.note.trim().is_empty() && a.tags.is_empty() {
        return;
    }
    let color = a.color.name();
    let lang = lang_attribute(a.note_language.as_deref());
    let _ = write!(
        out,
        "<aside role=\"note\" class=\"note hl-{color}\" id=\"note_{n}\" aria-label=\"{label}\">",
        n = h.n,
        label = ctx.labels.note,
    );
    if !h.range.is_empty() {
        let _ = write!(
            out,
            "<a class=\"to-mark\" href=\"#ann_{}\" title=\"{}\">↑</a> ",
            h.n, ctx.labels.to_passage
        );
    }
    if !a.note.trim().is_empty() {
        let _ = write!(
            out,
            "<span class=\"note-text\" dir=\"auto\"{lang}>{}</span>",
            escape(&a.note)
        );
    }
    if !a.tags.is_empty() {
        let tags: Vec<String> = a
            .tags
            .iter()
            .map(|t| format!("<bdi>#{}</bdi>", escape(t)))
            .collect();
        let _ = write!(
            out,
            "<span class=\"tags\" aria-label=\"{}\">{}</span>",
            ctx.labels.tags,
            tags.join(" ")
        );
    }
    out.push_str("</aside>\n");
}

/// The paragraph's runs, with marks cut at run boundaries (see the module doc).
/// Inline runs whose text starts at code point `base` of their paragraph's text (a table
/// cell's start, else 0), with the highlights of `hits`.
fn runs(
    out: &mut String,
    ctx: &mut Ctx,
    runs: &[Run],
    kind: ParagraphKind,
    hits: &[Hit],
    base: usize,
) {
    let mut pos = base;
    for run in runs {
        let (open, close) = match &run.kind {
            RunKind::FootnoteMarker { footnote } => {
                footnote_marker(out, ctx, footnote, &run.text);
                continue;
            }
            RunKind::Plain => (String::new(), ""),
            RunKind::Emphasis => ("<em>".to_string(), "</em>"),
            RunKind::Lead => {
                if kind == ParagraphKind::Preamble {
                    ("<em class=\"opener\">".to_string(), "</em>")
                } else {
                    ("<strong class=\"verb\">".to_string(), "</strong>")
                }
            }
            RunKind::Reference { reference } => reference_open(ctx, *reference),
        };
        let chars: Vec<char> = run.text.chars().collect();
        let (start, end) = (pos, pos + chars.len());
        out.push_str(&open);
        let cuts = super::placed::cut_points(start, end, hits.iter().map(|h| &h.range));
        for w in cuts.windows(2) {
            let (s, e) = (w[0], w[1]);
            if s >= e {
                continue;
            }
            let active: Vec<&Hit> = hits
                .iter()
                .filter(|h| h.range.start <= s && e <= h.range.end)
                .collect();
            for h in &active {
                let color = ctx
                    .placed
                    .get(h.placed)
                    .map(|p| p.annotation.color)
                    .unwrap_or_default();
                let id = if ctx.seen.insert(h.n) {
                    format!(" id=\"ann_{}\"", h.n)
                } else {
                    String::new()
                };
                let _ = write!(
                    out,
                    "<mark class=\"hl-{name}\"{id} data-ann=\"{n}\" style=\"background:{bg}\">",
                    name = color.name(),
                    n = h.n,
                    bg = hex(color.rgb()),
                );
            }
            let seg: String = chars[s - start..e - start].iter().collect();
            out.push_str(&text_html(&seg, ctx.rtl));
            for _ in &active {
                out.push_str("</mark>");
            }
        }
        out.push_str(close);
        pos = end;
    }
}

fn reference_open(ctx: &Ctx, index: usize) -> (String, &'static str) {
    let Some(r) = ctx.doc.references.get(index) else {
        return (String::new(), "");
    };
    match r.kind {
        ReferenceKind::Treaty => (
            format!(
                "<cite class=\"ref treaty\" title=\"{}\">",
                escape(&r.target)
            ),
            "</cite>",
        ),
        ReferenceKind::Paragraph => (
            format!("<a class=\"ref\" href=\"#{}\">", escape(&r.target)),
            "</a>",
        ),
        _ => (
            format!(
                "<a class=\"ref\" href=\"https://undocs.org/{}/{}\" title=\"{}\">",
                ctx.doc.meta.language.code(),
                escape(&url_path(&r.target)),
                escape(&r.target)
            ),
            "</a>",
        ),
    }
}

fn footnote_marker(out: &mut String, ctx: &mut Ctx, footnote: &str, text: &str) {
    let marker = text.trim();
    let id = if ctx.marked.insert(footnote.to_string()) {
        format!(" id=\"fnref_{}\"", escape(fn_suffix(footnote)))
    } else {
        String::new()
    };
    let _ = write!(
        out,
        "<sup class=\"fnref\"><a href=\"#{}\"{id} role=\"doc-noteref\">({})</a></sup>",
        escape(footnote),
        escape(marker)
    );
}

/// `fn_2` → `2` (so the back-link target is `fnref_2`).
fn fn_suffix(id: &str) -> &str {
    id.strip_prefix("fn_").unwrap_or(id)
}

fn footnotes(out: &mut String, ctx: &mut Ctx) {
    let doc = ctx.doc;
    if doc.footnotes.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"footnotes\" role=\"doc-endnotes\">\n<h2>{}</h2>\n<ol>",
        ctx.labels.footnotes
    );
    for f in &doc.footnotes {
        let _ = write!(
            out,
            "<li id=\"{}\"{}><span class=\"fn-marker\">({})</span> ",
            escape(&f.id),
            f.marker
                .trim()
                .parse::<u32>()
                .map(|n| format!(" value=\"{n}\""))
                .unwrap_or_default(),
            escape(f.marker.trim())
        );
        let mut html = String::new();
        runs(&mut html, ctx, &f.runs, ParagraphKind::Plain, &[], 0);
        out.push_str(&html);
        if ctx.marked.contains(&f.id) {
            let _ = write!(
                out,
                " <a href=\"#fnref_{}\" class=\"fn-back\" role=\"doc-backlink\" title=\"{}\">↩</a>",
                escape(fn_suffix(&f.id)),
                ctx.labels.back
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}

fn orphans(out: &mut String, ctx: &Ctx) {
    let orphans: Vec<(usize, &Placed)> = ctx
        .placed
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_orphan())
        .collect();
    if orphans.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"orphans\">\n<h2>{}</h2>\n<p>{}</p>\n<ul>",
        ctx.labels.orphans, ctx.labels.orphans_intro
    );
    for (i, p) in orphans {
        let a = &p.annotation;
        let _ = write!(
            out,
            "<li class=\"hl-{}\" id=\"note_{}\"><blockquote dir=\"auto\">{}</blockquote>",
            a.color.name(),
            i + 1,
            text_html(&a.quote.exact, ctx.rtl)
        );
        if !a.note.trim().is_empty() {
            let lang = lang_attribute(a.note_language.as_deref());
            let _ = write!(
                out,
                "<aside role=\"note\" class=\"note hl-{}\" aria-label=\"{}\"><span class=\"note-text\" dir=\"auto\"{lang}>{}</span>",
                a.color.name(),
                ctx.labels.note,
                escape(&a.note)
            );
        } else {
            let _ = write!(
                out,
                "<aside role=\"note\" class=\"note hl-{}\" aria-label=\"{}\">",
                a.color.name(),
                ctx.labels.annotations
            );
        }
        if !a.tags.is_empty() {
            let tags: Vec<String> = a
                .tags
                .iter()
                .map(|t| format!("<bdi>#{}</bdi>", escape(t)))
                .collect();
            let _ = write!(out, "<span class=\"tags\">{}</span>", tags.join(" "));
        }
        out.push_str("</aside></li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

/// ` lang="…"` for a note's language when it is a well-formed BCP 47 tag (`ar`, `en-GB`,
/// `zh-Hant-TW`: letters, then subtags of 1–8 letters or digits), else nothing: a malformed
/// tag from an imported file would only mislead screen readers and spell checkers.
fn lang_attribute(tag: Option<&str>) -> String {
    let Some(tag) = tag.map(str::trim) else {
        return String::new();
    };
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if primary_ok && rest_ok && tag.len() <= 64 {
        format!(" lang=\"{tag}\"")
    } else {
        String::new()
    }
}
