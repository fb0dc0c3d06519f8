//! Drawing pages with krilla: the glyphs of every line placed on a page (grouped so that
//! clusters stay whole, with clean text behind them), reference link rectangles and their
//! link annotations, and the page number.

use super::{FOOTER, Fonts, MARGIN, MARKER_RAISE, Placement, simple_display, style_rgb};
use crate::document::{Direction, Document, ReferenceKind};
use crate::export::url_path;
use crate::text::display::{Block, BlockKind, DisplayText, Hot, SpanStyle};
use crate::text::layout::{BlockLayout, Typography, layout_block, unpack_metadata};
use cosmic_text::{FontSystem, LayoutGlyph, LayoutRun};
use krilla::action::LinkAction;
use krilla::annotation::{Annotation as PdfLink, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::geom::{Point, Rect};
use krilla::page::Page;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

/// A reference link drawn on a page: (reference index, left, right), top, height.
pub(super) type LinkBox = ((usize, f32, f32), f32, f32);

/// What goes on each page, worked out once for the whole export (not per page and block,
/// which made a paragraph spanning many pages quadratic): the lines of every page and the
/// clean text of every block.
pub(super) struct PageLines<'a> {
    /// Per page: (block index, line, vertical shift), in block and line order.
    lines: Vec<Vec<(usize, LayoutRun<'a>, f32)>>,
    /// The clean text behind each block's glyphs.
    clean: Vec<CleanText>,
}

impl<'a> PageLines<'a> {
    pub(super) fn new(
        all: &[Block],
        layouts: &'a [BlockLayout],
        placements: &[Placement],
        page_count: usize,
    ) -> PageLines<'a> {
        let mut lines: Vec<Vec<(usize, LayoutRun<'a>, f32)>> =
            (0..page_count).map(|_| Vec::new()).collect();
        for (i, (l, pl)) in layouts.iter().zip(placements).enumerate() {
            for (run, &(lp, dy)) in l.buffer.layout_runs().zip(&pl.lines) {
                if let Some(page) = lines.get_mut(lp) {
                    page.push((i, run, dy));
                }
            }
        }
        let clean = all
            .iter()
            .map(|b| CleanText::new(&b.display.text))
            .collect();
        PageLines { lines, clean }
    }
}

/// Draw the lines of every block that fall on page `p`; returns the rectangles of the
/// reference links drawn.
pub(super) fn draw_blocks(
    surface: &mut Surface<'_>,
    p: usize,
    all: &[Block],
    layouts: &[BlockLayout],
    pages: &PageLines<'_>,
    fonts: &Fonts,
) -> Vec<LinkBox> {
    let mut links = Vec::new();
    for (i, run, dy) in pages.lines.get(p).into_iter().flatten() {
        let (Some(b), Some(l), Some(clean)) = (all.get(*i), layouts.get(*i), pages.clean.get(*i))
        else {
            continue;
        };
        draw_line(surface, run, *dy, (b, l), clean, fonts, &mut links);
    }
    links
}

/// Draw one line (layout run) of block `b`, shifted down by `dy`, group by group, and add
/// the rectangles of its reference links to `links`.
fn draw_line(
    surface: &mut Surface<'_>,
    run: &LayoutRun<'_>,
    dy: f32,
    (b, l): (&Block, &BlockLayout),
    clean: &CleanText,
    fonts: &Fonts,
    links: &mut Vec<LinkBox>,
) {
    let mut link: Option<(usize, f32, f32)> = None;
    let glyphs = run.glyphs;
    let mut i = 0;
    while i < glyphs.len() {
        // A group: consecutive glyphs with the same face, size and style, drawn
        // in one call so that krilla sees whole clusters (ligatures, marks).
        let g0 = &glyphs[i];
        let (style, _) = unpack_metadata(g0.metadata);
        let j = group_end(glyphs, i);
        let group = &glyphs[i..j];
        i = j;
        let Some(font) = fonts.get(g0.font_id) else {
            continue;
        };
        draw_group(surface, group, style, font, (run, dy), l, clean);
        for g in group {
            link = follow_link(link, g, &b.display, l, (run, dy), links);
        }
    }
    if let Some(done) = link {
        links.push((done, run.line_top + dy, run.line_height));
    }
}

/// End of the group of glyphs starting at `i`: the glyphs after it with the same face,
/// size, baseline and style.
fn group_end(glyphs: &[LayoutGlyph], i: usize) -> usize {
    let g0 = &glyphs[i];
    let (style, _) = unpack_metadata(g0.metadata);
    let mut j = i + 1;
    while j < glyphs.len() {
        let g = &glyphs[j];
        if g.font_id != g0.font_id
            || g.font_size.to_bits() != g0.font_size.to_bits()
            || g.y.to_bits() != g0.y.to_bits()
            || unpack_metadata(g.metadata).0 != style
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
    (run, dy): (&LayoutRun<'_>, f32),
    l: &BlockLayout,
    clean: &CleanText,
) {
    let g0 = &group[0];
    let raise = if style == SpanStyle::Marker {
        l.font_size * MARKER_RAISE
    } else {
        0.0
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
                clean.map[g.start.min(clean.map.len() - 1)]
                    ..clean.map[g.end.min(clean.map.len() - 1)],
                None,
            )
        })
        .collect();
    let (r, gr, bl) = style_rgb(style);
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(r, gr, bl).into(),
        ..Fill::default()
    }));
    surface.draw_glyphs(
        Point::from_xy(MARGIN + l.x_offset + g0.x, run.line_y + dy + g0.y - raise),
        &kg,
        font.clone(),
        &clean.text,
        size,
        false,
    );
}

/// Reference links: one rectangle per run of a hot span. Extends the open `link` with
/// glyph `g`, or closes it (into `links`) and opens the next one.
fn follow_link(
    link: Option<(usize, f32, f32)>,
    g: &LayoutGlyph,
    display: &DisplayText,
    l: &BlockLayout,
    (run, dy): (&LayoutRun<'_>, f32),
    links: &mut Vec<LinkBox>,
) -> Option<(usize, f32, f32)> {
    let (_, hot) = unpack_metadata(g.metadata);
    let href = match display.hots.get(hot.wrapping_sub(1)) {
        Some(Hot::Reference { index }) if hot > 0 => Some(*index),
        _ => None,
    };
    let gx0 = MARGIN + l.x_offset + g.x;
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
    let number = Block {
        kind: BlockKind::Meta,
        display: simple_display(&(at.page + 1).to_string(), SpanStyle::Meta, Direction::Ltr),
        direction: Direction::Ltr,
    };
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
struct CleanText {
    text: String,
    /// `map[i]` is the offset in `text` of display byte offset `i` (`0..=len`).
    map: Vec<usize>,
}

impl CleanText {
    fn new(display: &str) -> CleanText {
        let mut text = String::with_capacity(display.len());
        let mut map = Vec::with_capacity(display.len() + 1);
        for c in display.chars() {
            for _ in 0..c.len_utf8() {
                map.push(text.len());
            }
            if !crate::text::display::is_helper(c) {
                text.push(c);
            }
        }
        map.push(text.len());
        CleanText { text, map }
    }
}
