//! Drawing pages with krilla: the glyphs of every line placed on a page (grouped so that
//! clusters stay whole, with clean text behind them), reference link rectangles and their
//! link annotations, and the page number.

use super::{FOOTER, Fonts, MARGIN, MARKER_RAISE, Placement, one_style_block, style_rgb};
use crate::url_path;
use cosmic_text::{FontSystem, LayoutGlyph, LayoutRun};
use krilla::action::LinkAction;
use krilla::annotation::{Annotation as PdfLink, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::Page;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use qarar_document::{Direction, Document, ReferenceKind};
use qarar_text::display::{Block, BlockKind, DisplayText, Link, SpanStyle, protect};
use qarar_text::layout::{BlockLayout, Line, Typography, layout_block, unpack_metadata};
use qarar_util::script::is_arabic_letter;

/// A reference link drawn on a page: (reference index, left, right), top, height.
pub(super) type LinkBox = ((usize, f32, f32), f32, f32);

/// What goes on a run of pages, worked out once for the blocks held (not per page and block,
/// which made a paragraph spanning many pages quadratic): the lines of every page and the
/// clean text of every block's pieces, and the grids of tables. Both PDF writers draw from it.
pub(crate) struct PageLines<'a> {
    /// The pages covered, from `first`.
    first: usize,
    /// Per page: (block index, line, vertical shift), in block and line order.
    lines: Vec<Vec<(usize, Line<'a>, f32)>>,
    /// The clean text behind each piece's glyphs, per block: (piece's display offset, text).
    clean: Vec<Vec<(usize, CleanText)>>,
    /// Per page: rectangles (x0, y0, x1, y1) to fill under the text, with their grey.
    grids: Vec<Vec<([f32; 4], u8)>>,
}

/// Grey of a table's rules and of its header rows' tint.
const RULE_GREY: u8 = 140;
const HEADER_GREY: u8 = 236;

impl<'a> PageLines<'a> {
    pub(crate) fn new(
        all: &[Block],
        layouts: &'a [BlockLayout],
        placements: &[Placement],
        pages: std::ops::Range<usize>,
    ) -> PageLines<'a> {
        let first = pages.start;
        let mut lines: Vec<Vec<(usize, Line<'a>, f32)>> =
            pages.clone().map(|_| Vec::new()).collect();
        let mut grids: Vec<Vec<([f32; 4], u8)>> = pages.map(|_| Vec::new()).collect();
        for (i, (l, pl)) in layouts.iter().zip(placements).enumerate() {
            for (line, &(lp, dy)) in l.lines().into_iter().zip(&pl.lines) {
                if let Some(page) = lp.checked_sub(first).and_then(|k| lines.get_mut(k)) {
                    page.push((i, line, dy));
                }
            }
            if let Some(t) = &l.table {
                let (left, right) = t.span_x();
                for (r, (row, &(lp, dy))) in t.rows.iter().zip(&pl.bands).enumerate() {
                    let Some(page) = lp.checked_sub(first).and_then(|k| grids.get_mut(k)) else {
                        continue;
                    };
                    let at = |x: f32, y: f32| (MARGIN + x, y + dy);
                    if row.header {
                        let (x0, y0) = at(left, row.top);
                        let (x1, y1) = at(right, row.top + row.height);
                        page.push(([x0, y0, x1, y1], HEADER_GREY));
                    }
                    for [x, y, w, h] in t.row_rules(r, 0.5) {
                        let (x0, y0) = at(x, y);
                        page.push(([x0, y0, x0 + w, y0 + h], RULE_GREY));
                    }
                }
            }
        }
        let clean = all
            .iter()
            .zip(layouts)
            .map(|(b, l)| {
                l.pieces()
                    .iter()
                    .map(|p| {
                        let text = b.display.text.get(p.range()).unwrap_or("");
                        (p.base, CleanText::new(text))
                    })
                    .collect()
            })
            .collect();
        PageLines {
            first,
            lines,
            clean,
            grids,
        }
    }

    /// The lines placed on page `p`, in block and line order: (block index, line, vertical
    /// shift from block to page, the clean text of the line's piece).
    pub(crate) fn on_page(
        &self,
        p: usize,
    ) -> impl Iterator<Item = (usize, &Line<'a>, f32, &CleanText)> + '_ {
        self.lines
            .get(p.wrapping_sub(self.first))
            .into_iter()
            .flatten()
            .filter_map(|(i, line, dy)| {
                let pieces = self.clean.get(*i)?;
                // Pieces (a table's cells) stand in text order: found by halving, not by
                // reading every cell for each line (then by reading, should they not).
                let base = line.piece.base;
                let (_, clean) = pieces
                    .binary_search_by_key(&base, |(b, _)| *b)
                    .ok()
                    .and_then(|k| pieces.get(k))
                    .or_else(|| pieces.iter().find(|(b, _)| *b == base))?;
                Some((*i, line, *dy, clean))
            })
    }
}

/// Draw the lines of every block that fall on page `p` (over the grids of tables); returns
/// the rectangles of the reference links drawn.
pub(super) fn draw_blocks(
    surface: &mut Surface<'_>,
    p: usize,
    all: &[Block],
    layouts: &[BlockLayout],
    pages: &PageLines<'_>,
    fonts: &Fonts,
) -> Vec<LinkBox> {
    let grid = pages.grids.get(p.wrapping_sub(pages.first));
    for &([x0, y0, x1, y1], grey) in grid.into_iter().flatten() {
        fill_rect(surface, [x0, y0, x1, y1], (grey, grey, grey));
    }
    let mut links = Vec::new();
    for (i, line, dy, clean) in pages.on_page(p) {
        let (Some(b), Some(l)) = (all.get(i), layouts.get(i)) else {
            continue;
        };
        draw_line(surface, line, dy, (b, l), clean, fonts, &mut links);
    }
    links
}

/// Fill a rectangle (x0, y0, x1, y1) in a colour.
pub(crate) fn fill_rect(
    surface: &mut Surface<'_>,
    [x0, y0, x1, y1]: [f32; 4],
    (r, g, b): (u8, u8, u8),
) {
    let Some(rect) = Rect::from_ltrb(x0, y0, x1.max(x0 + 0.1), y1.max(y0 + 0.1)) else {
        return;
    };
    let mut path = PathBuilder::new();
    path.push_rect(rect);
    let Some(path) = path.finish() else {
        return;
    };
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(r, g, b).into(),
        ..Fill::default()
    }));
    surface.draw_path(&path);
}

/// Draw one line of block `b`, shifted down by `dy`, group by group, and add the rectangles
/// of its reference links to `links`.
fn draw_line(
    surface: &mut Surface<'_>,
    line: &Line<'_>,
    dy: f32,
    (b, l): (&Block, &BlockLayout),
    clean: &CleanText,
    fonts: &Fonts,
    links: &mut Vec<LinkBox>,
) {
    let run = &line.run;
    // Where the line's x = 0 is on the page, and its shift from the piece's buffer.
    let x = MARGIN + line.x();
    let dy = dy + line.piece.dy;
    let mut link: Option<(usize, f32, f32)> = None;
    let glyphs = run.glyphs;
    let mut i = 0;
    while i < glyphs.len() {
        // A group: consecutive glyphs with the same face, size and style, drawn
        // in one call so that krilla sees whole clusters (ligatures, marks).
        let g0 = &glyphs[i];
        let style = unpack_metadata(g0.metadata).style;
        let j = group_end(glyphs, i);
        let group = &glyphs[i..j];
        i = j;
        let Some(font) = fonts.get(g0.font_id) else {
            continue;
        };
        draw_group(surface, group, style, font, (run, x, dy), l, clean);
        for g in group {
            link = follow_link(link, g, &b.display, (run, x, dy), links);
        }
    }
    if let Some(done) = link {
        links.push((done, run.line_top + dy, run.line_height));
    }
}

/// End of the group of glyphs starting at `i`: the glyphs after it with the same face,
/// size, baseline and style.
fn group_end(glyphs: &[LayoutGlyph], i: usize) -> usize {
    glyph_group_end(glyphs, i, |a, b| {
        unpack_metadata(a).style == unpack_metadata(b).style
    })
}

/// End of the run of glyphs starting at `i` that can be drawn in one call (so that krilla
/// sees whole clusters): the same face, size and baseline, and metadata that `same` (first
/// glyph's, this glyph's) accepts.
pub(crate) fn glyph_group_end(
    glyphs: &[LayoutGlyph],
    i: usize,
    same: impl Fn(usize, usize) -> bool,
) -> usize {
    let Some(g0) = glyphs.get(i) else {
        return i;
    };
    let mut j = i + 1;
    while j < glyphs.len() {
        let g = &glyphs[j];
        if g.font_id != g0.font_id
            || g.font_size.to_bits() != g0.font_size.to_bits()
            || g.y.to_bits() != g0.y.to_bits()
            || !same(g0.metadata, g.metadata)
        {
            break;
        }
        j += 1;
    }
    j
}

/// Draw one group of glyphs of a line (of `run`, shifted down by `dy`) in one call.
fn draw_group(
    surface: &mut Surface<'_>,
    group: &[LayoutGlyph],
    style: SpanStyle,
    font: &Font,
    (run, x, dy): (&LayoutRun<'_>, f32, f32),
    l: &BlockLayout,
    clean: &CleanText,
) {
    let raise = if style == SpanStyle::Marker {
        l.font_size * MARKER_RAISE
    } else {
        0.0
    };
    draw_glyphs(
        surface,
        group,
        font,
        clean,
        (x, run.line_y + dy - raise),
        style_rgb(style),
    );
}

/// Draw a group of glyphs of one face, size and colour in one call, with the clean text
/// behind them so that copying and extraction give logical text: `origin` is where the
/// line's x = 0 and baseline are on the page. Used by every PDF the program writes.
pub(crate) fn draw_glyphs(
    surface: &mut Surface<'_>,
    group: &[LayoutGlyph],
    font: &Font,
    clean: &CleanText,
    (x0, baseline): (f32, f32),
    (r, gr, bl): (u8, u8, u8),
) {
    // Glyphs that stand for display helpers only (direction marks, word joiners, isolates:
    // shaped as zero-width spaces) carry no text; drawn, they would give the space glyph two
    // meanings, which krilla then wraps in `/ActualText` spans that poppler misplaces.
    let range = |g: &LayoutGlyph| clean.at(g.start)..clean.at(g.end);
    let mut group: Vec<&LayoutGlyph> = group
        .iter()
        .filter(|g| !range(g).is_empty() || g.w > 0.01)
        .collect();
    // cosmic-text lists the glyphs of a right-to-left line in logical order, right to left;
    // a PDF text run goes left to right (as every PDF writer draws Arabic), so that text
    // extractors see each glyph after its left neighbour and put words in order themselves.
    group.sort_by(|a, b| a.x.total_cmp(&b.x));
    let (text, ranges) = extraction_text(clean, merged_ranges(&group, clean, range));
    let Some(g0) = group.first().copied() else {
        return;
    };
    let size = g0.font_size.max(0.01);
    // The text behind each glyph, without the display helpers (word
    // joiners, direction marks): copying from the PDF gives clean text.
    let kg: Vec<KrillaGlyph> = group
        .iter()
        .enumerate()
        .map(|(k, g)| {
            let advance = match group.get(k + 1) {
                Some(n) => n.x - g.x,
                None => g.w,
            };
            KrillaGlyph::new(
                GlyphId::new(u32::from(g.glyph_id)),
                advance / size,
                g.x_offset,
                g.y_offset,
                0.0,
                ranges[k].clone(),
                None,
            )
        })
        .collect();
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(r, gr, bl).into(),
        ..Fill::default()
    }));
    surface.draw_glyphs(
        Point::from_xy(x0 + g0.x, baseline + g0.y),
        &kg,
        font.clone(),
        &text,
        size,
        false,
    );
}

/// The text behind each glyph of a group. A letter drawn as a glyph without advance (the
/// alef of a lam-alef, which Naskh fonts draw as a wide lam and an empty alef) gives its text
/// to the glyph of the letter before it, so that the pair is one glyph with the text "لا"
/// for extractors: a zero-width letter of its own is taken for a separate word and poppler
/// moves it out of its line.
fn merged_ranges(
    group: &[&LayoutGlyph],
    clean: &CleanText,
    range: impl Fn(&LayoutGlyph) -> std::ops::Range<usize>,
) -> Vec<std::ops::Range<usize>> {
    let mut ranges: Vec<std::ops::Range<usize>> = group.iter().map(|g| range(g)).collect();
    split_clusters(group, clean, &mut ranges);
    for k in 0..group.len() {
        let r = ranges[k].clone();
        // One letter, in a cluster of its own (not a mark sharing its letter's cluster).
        let letter = clean.text.get(r.clone()).is_some_and(|t| {
            let mut c = t.chars();
            c.next().is_some_and(is_arabic_letter) && c.next().is_none()
        });
        if group[k].w > 0.01 || r.is_empty() || !letter {
            continue;
        }
        let before = (0..group.len()).find(|&j| {
            j != k && ranges[j].end == r.start && !ranges[j].is_empty() && group[j].w > 0.01
        });
        if let Some(j) = before {
            ranges[j] = ranges[j].start..r.end;
            ranges[k] = r.end..r.end;
        }
    }
    ranges
}

/// Glyphs of one cluster (a letter and its marks: "نّ", "اً") each get their own character,
/// the spacing glyph the first: krilla would otherwise wrap the cluster in `/ActualText`,
/// which poppler takes for a word of its own. A cluster with more or fewer glyphs than
/// characters gives all its text to its widest glyph.
fn split_clusters(
    group: &[&LayoutGlyph],
    clean: &CleanText,
    ranges: &mut [std::ops::Range<usize>],
) {
    let mut done = vec![false; group.len()];
    for k in 0..group.len() {
        if done[k] || ranges[k].is_empty() {
            continue;
        }
        let r = ranges[k].clone();
        let mut members: Vec<usize> = (k..group.len()).filter(|&j| ranges[j] == r).collect();
        for &j in &members {
            done[j] = true;
        }
        if members.len() < 2 {
            continue;
        }
        // The spacing glyph first, then the marks in drawing order.
        members.sort_by(|&a, &b| group[b].w.total_cmp(&group[a].w).then(a.cmp(&b)));
        let text = clean.text.get(r.clone()).unwrap_or("");
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        if chars.len() == members.len() {
            for (m, (i, c)) in members.iter().zip(chars) {
                ranges[*m] = r.start + i..r.start + i + c.len_utf8();
            }
        } else {
            for (n, m) in members.iter().enumerate() {
                ranges[*m] = if n == 0 { r.clone() } else { r.end..r.end };
            }
        }
    }
}

/// poppler places the letters of a glyph that stands for several letters left to right,
/// then reads a right-to-left line from the right: so the text behind a merged Arabic glyph
/// is given in reverse ("أل" for the glyph of "لأ"), appended to the group's text. Returns
/// the text to hand to krilla and the ranges into it.
fn extraction_text(
    clean: &CleanText,
    ranges: Vec<std::ops::Range<usize>>,
) -> (std::borrow::Cow<'_, str>, Vec<std::ops::Range<usize>>) {
    let merged = |r: &std::ops::Range<usize>| {
        clean
            .text
            .get(r.clone())
            .is_some_and(|t| t.chars().count() > 1 && t.chars().all(is_arabic_letter))
    };
    if !ranges.iter().any(merged) {
        return (std::borrow::Cow::Borrowed(&clean.text), ranges);
    }
    let mut own = clean.text.clone();
    let ranges = ranges
        .into_iter()
        .map(|r| {
            if !merged(&r) {
                return r;
            }
            let start = own.len();
            let reversed: String = clean.text[r].chars().rev().collect();
            own.push_str(&reversed);
            start..own.len()
        })
        .collect();
    (std::borrow::Cow::Owned(own), ranges)
}

/// Reference links: one rectangle per run of a link span. Extends the open `link` with
/// glyph `g`, or closes it (into `links`) and opens the next one.
fn follow_link(
    link: Option<(usize, f32, f32)>,
    g: &LayoutGlyph,
    display: &DisplayText,
    (run, x, dy): (&LayoutRun<'_>, f32, f32),
    links: &mut Vec<LinkBox>,
) -> Option<(usize, f32, f32)> {
    let target = unpack_metadata(g.metadata).link;
    let href = match display.links.get(target.wrapping_sub(1)) {
        Some(Link::Reference { index }) if target > 0 => Some(*index),
        _ => None,
    };
    let gx0 = x + g.x;
    let gx1 = gx0 + g.w;
    match (link, href) {
        (Some((i, a, z)), Some(h)) if i == h => Some((i, a.min(gx0), z.max(gx1))),
        (prev, h) => {
            if let Some(done) = prev {
                links.push((done, run.line_top + dy, run.line_height));
            }
            h.map(|i| (i, gx0, gx1))
        }
    }
}

/// Which page number to draw and where: the page (from 0), the page size and the text
/// width.
pub(super) struct PageNumber {
    pub(super) page: usize,
    pub(super) page_w: f32,
    pub(super) page_h: f32,
    pub(super) text_w: f32,
}

/// Page number at the foot.
pub(super) fn draw_page_number(
    surface: &mut Surface<'_>,
    fs: &mut FontSystem,
    fonts: &Fonts,
    typo: &Typography,
    at: &PageNumber,
) {
    let number = one_style_block(
        BlockKind::Meta,
        &protect(&(at.page + 1).to_string(), Direction::Ltr),
        SpanStyle::Meta,
        Direction::Ltr,
    );
    let nl = layout_block(fs, &number, typo, at.text_w);
    let clean = CleanText::new(&number.display.text);
    for run in nl.buffer.layout_runs() {
        let w = run.line_w;
        let shift = (at.page_w - w) / 2.0;
        for g in run.glyphs {
            let Some(font) = fonts.get(g.font_id) else {
                continue;
            };
            let (r, gr, bl) = style_rgb(SpanStyle::Meta);
            surface.set_fill(Some(Fill {
                paint: rgb::Color::new(r, gr, bl).into(),
                ..Fill::default()
            }));
            let glyph = KrillaGlyph::new(
                GlyphId::new(u32::from(g.glyph_id)),
                g.w / g.font_size.max(0.01),
                0.0,
                0.0,
                0.0,
                clean.map[g.start.min(clean.map.len() - 1)]
                    ..clean.map[g.end.min(clean.map.len() - 1)],
                None,
            );
            surface.draw_glyphs(
                Point::from_xy(shift + g.x, at.page_h - MARGIN + run.line_y - FOOTER / 2.0),
                &[glyph],
                font.clone(),
                &clean.text,
                g.font_size,
                false,
            );
        }
    }
}

/// Link annotations to undocs.org over the reference rectangles drawn on `page` (not for
/// treaties and internal references).
pub(super) fn add_links(page: &mut Page<'_>, doc: &Document, links: Vec<LinkBox>) {
    for ((index, x0, x1), top, h) in links {
        let Some(r) = doc.references.get(index) else {
            continue;
        };
        if matches!(r.kind, ReferenceKind::Treaty | ReferenceKind::Paragraph) {
            continue;
        }
        let Some(rect) = Rect::from_ltrb(x0, top, x1, top + h) else {
            continue;
        };
        let uri = format!(
            "https://undocs.org/{}/{}",
            doc.meta.language.code(),
            url_path(&r.target)
        );
        page.add_annotation(PdfLink::new_link(
            LinkAnnotation::new(rect, Target::Action(LinkAction::new(uri).into())),
            None,
        ));
    }
}

/// A display text without its helper characters, and where each of its byte offsets lands.
pub(crate) struct CleanText {
    text: String,
    /// `map[i]` is the offset in `text` of display byte offset `i` (`0..=len`).
    map: Vec<usize>,
}

impl CleanText {
    pub(crate) fn new(display: &str) -> CleanText {
        let mut text = String::with_capacity(display.len());
        let mut map = Vec::with_capacity(display.len() + 1);
        for c in display.chars() {
            for _ in 0..c.len_utf8() {
                map.push(text.len());
            }
            if !qarar_text::display::is_helper(c) {
                text.push(c);
            }
        }
        map.push(text.len());
        CleanText { text, map }
    }

    /// The offset in the clean text of display byte offset `display`.
    pub(crate) fn at(&self, display: usize) -> usize {
        self.map
            .get(display)
            .or(self.map.last())
            .copied()
            .unwrap_or(0)
    }
}
