//! PDF export: the document laid out with the reader's cosmic-text code and drawn with `krilla`
//! (subset fonts with ToUnicode, so copying and `pdftotext` give logical Arabic), with page
//! numbers, bookmarks, links to undocs.org and footnotes as endnotes. krilla 0.8 writes only
//! link annotations, so highlights (`/Highlight` with `/QuadPoints`, a `/Popup`) and margin
//! notes (`/Text`) are appended afterwards as a small incremental update ([`annots`]).
//! The comparison's PDF ([`crate::compare::pdf`]) is laid out, paginated ([`Pager`]) and
//! written page by page ([`stream`], [`PageLines`]) by the same code, from blocks built
//! alike ([`one_style_block`]).

mod annots;
mod draw;
mod stream;

use super::labels::labels;
use crate::ExportError;
use crate::placed::Placed;
use annots::{PdfAnnot, PdfAnnotKind};
use cosmic_text::{FontSystem, fontdb};
pub(crate) use draw::PageLines;
pub(crate) use draw::{CleanText, draw_glyphs};
use draw::{PageNumber, add_links, draw_blocks, draw_page_number};
pub(crate) use draw::{fill_rect, glyph_group_end};
use krilla::Document as PdfDocument;
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::text::Font;
use qarar_document::{Direction, Document};
use qarar_text::display::{
    Block, BlockKind, DisplayText, Span, SpanStyle, block_direction, blocks, dir_mark, protect,
};
use qarar_text::fonts::{ARABIC_FAMILY, CJK_FAMILY, font_data, font_system};
use qarar_text::layout::{BlockLayout, Typography, layout_block};
use std::collections::HashMap;
pub(crate) use stream::{Pager, Steps, stream};

/// Paper sizes.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.0, 842.0),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PdfOptions {
    pub paper: Paper,
}

/// The page margin on every side (points), in both PDF writers.
pub(crate) const MARGIN: f32 = 56.0;
/// Space kept for the page number at the foot.
pub(crate) const FOOTER: f32 = 24.0;
/// How far footnote markers are raised, as a fraction of the body size (as on screen).
use qarar_text::layout::MARKER_RAISE;

/// How the text of both PDF writers is set: 12-point body, 1.7 line height, justified.
pub(crate) fn page_typography() -> Typography {
    Typography {
        body_size: 12.0,
        line_height: 1.7,
        zoom: 1.0,
        indent: 22.0,
        justify: true,
    }
}

fn style_rgb(style: SpanStyle) -> (u8, u8, u8) {
    match style {
        SpanStyle::Body | SpanStyle::Emphasis | SpanStyle::Verb => (0x12, 0x12, 0x12),
        SpanStyle::Opener => (0x1F, 0x4E, 0x8C),
        SpanStyle::Number => (0x55, 0x55, 0x55),
        SpanStyle::Marker => (0xB0, 0x4A, 0x00),
        SpanStyle::Reference => (0x0B, 0x5C, 0xC4),
        SpanStyle::Meta => (0x4A, 0x4A, 0x4A),
        SpanStyle::Title => (0x0C, 0x0C, 0x0C),
    }
}

/// The bundled fonts as krilla fonts, and which one each fontdb face is.
pub(crate) struct Fonts {
    krilla: Vec<Font>,
    faces: Vec<(fontdb::ID, usize)>,
}

impl Fonts {
    pub(crate) fn new(fs: &FontSystem) -> Result<Fonts, ExportError> {
        let mut krilla = Vec::new();
        for data in font_data() {
            let data: &'static [u8] = data;
            krilla.push(
                Font::new(data.into(), 0).ok_or_else(|| ExportError::pdf("cannot read a font"))?,
            );
        }
        let mut faces = Vec::new();
        for face in fs.db().faces() {
            let family = |name: &str| face.families.iter().any(|(n, _)| n == name);
            let bold = face.weight.0 >= 600;
            let italic = face.style != fontdb::Style::Normal;
            // Indices into `font_data()`.
            let index = match (family(ARABIC_FAMILY), family(CJK_FAMILY), bold, italic) {
                (_, true, _, _) => 5,
                (true, _, false, _) => 0,
                (true, _, true, _) => 1,
                (false, _, false, false) => 2,
                (false, _, true, _) => 3,
                (false, _, false, true) => 4,
            };
            faces.push((face.id, index));
        }
        Ok(Fonts { krilla, faces })
    }

    pub(crate) fn get(&self, id: fontdb::ID) -> Option<&Font> {
        let index = self.faces.iter().find(|(f, _)| *f == id)?.1;
        self.krilla.get(index)
    }
}

/// Where each line of a block (as [`BlockLayout::lines`] gives them) goes: page and vertical
/// shift from block to page; and the same for each of its bands (lines, or a table's rows).
pub(crate) struct Placement {
    lines: Vec<(usize, f32)>,
    bands: Vec<(usize, f32)>,
}

/// Append `text` to `d` in `style` with comparison mark `mark` (0 for none): a span of its
/// own, or the end of the last span when that is set alike (no link, same style and mark)
/// and `text` does not begin the paragraph's own text.
pub(crate) fn push_span(d: &mut DisplayText, text: &str, style: SpanStyle, mark: u8) {
    if text.is_empty() {
        return;
    }
    let start = d.text.len();
    d.text.push_str(text);
    // Never across the start of the paragraph's own text (offsets are mapped from there).
    if let Some(last) = d.spans.last_mut()
        && last.range.end == start
        && start != d.text_start
        && last.style == style
        && last.mark == mark
        && last.link == 0
    {
        last.range.end = d.text.len();
        return;
    }
    d.spans.push(Span {
        range: start..d.text.len(),
        style,
        link: 0,
        mark,
    });
}

/// A block of one style (a title, a meta line, an endnote, a page number): the direction
/// mark, then `text`, which the caller has protected ([`protect`]) as it needs.
pub(crate) fn one_style_block(
    kind: BlockKind,
    text: &str,
    style: SpanStyle,
    direction: Direction,
) -> Block {
    let mut display = DisplayText::default();
    push_span(&mut display, &dir_mark(direction).to_string(), style, 0);
    display.text_start = display.text.len();
    push_span(&mut display, text, style, 0);
    Block {
        kind,
        display,
        direction,
    }
}

/// Footnotes as endnotes, after the closing.
fn endnote_blocks(doc: &Document) -> Vec<Block> {
    let dir = doc.meta.direction;
    let mut out = Vec::new();
    if doc.footnotes.is_empty() {
        return out;
    }
    let heading = labels(doc.meta.language).footnotes;
    out.push(one_style_block(
        BlockKind::Title,
        &protect(heading, dir),
        SpanStyle::Title,
        dir,
    ));
    for f in &doc.footnotes {
        let text = format!("({}) {}", f.marker, f.text());
        let dir = block_direction(dir, &text);
        out.push(one_style_block(
            BlockKind::Closing,
            &protect(&text, dir),
            SpanStyle::Body,
            dir,
        ));
    }
    out
}

/// Export `doc` with its placed annotations as PDF bytes, written page by page ([`stream`]).
pub fn export(
    doc: &Document,
    placed: &[Placed],
    options: &PdfOptions,
) -> Result<Vec<u8>, ExportError> {
    let (page_w, page_h) = options.paper.size();
    let text_w = page_w - 2.0 * MARGIN;
    let typo = page_typography();
    let mut fs = font_system();
    let fonts = Fonts::new(&fs)?;
    let mut all = blocks(doc);
    all.extend(endnote_blocks(doc));
    let block_of = first_blocks(&all);
    // The placed annotations of each block, drawn when it is laid out.
    let mut notes_of: HashMap<usize, Vec<&Placed>> = HashMap::new();
    for pa in placed {
        if let Some(&bi) = pa.paragraph.as_deref().and_then(|id| block_of.get(id)) {
            notes_of.entry(bi).or_default().push(pa);
        }
    }
    let mut starts: Vec<Option<(usize, f32)>> = Vec::with_capacity(all.len());
    let mut extra: Vec<Vec<PdfAnnot>> = Vec::new();
    let mut pdf = PdfDocument::new();
    let mut pager = Pager::new(&typo, page_h);
    let steps = Steps {
        lay: |fs: &mut FontSystem, i: usize| layout_block(fs, &all[i], &typo, text_w),
        placed: |i: usize, l: &BlockLayout, pl: &Placement| {
            starts.push(block_start(l, pl));
            for pa in notes_of.get(&i).into_iter().flatten() {
                annotate(doc, pa, &all[i], (l, pl), page_w, &mut extra);
            }
        },
        draw: |fs: &mut FontSystem,
               p: usize,
               lines: &PageLines<'_>,
               window: &[Block],
               layouts: &[BlockLayout]|
         -> Result<(), ExportError> {
            let settings = PageSettings::from_wh(page_w, page_h)
                .ok_or_else(|| ExportError::pdf("invalid page size"))?;
            let mut page = pdf.start_page_with(settings);
            let mut surface = page.surface();
            let links = draw_blocks(&mut surface, p, window, layouts, lines, &fonts);
            let number = PageNumber {
                page: p,
                page_w,
                page_h,
                text_w,
            };
            draw_page_number(&mut surface, fs, &fonts, &typo, &number);
            surface.finish();
            add_links(&mut page, doc, links);
            page.finish();
            Ok(())
        },
    };
    let page_count = stream(&mut fs, &all, &mut pager, |_| false, steps)?;
    extra.resize_with(page_count.max(extra.len()), Vec::new);
    let mut outline = Outline::new();
    outline_nodes(doc, &all, &block_of, &starts, &mut outline);
    pdf.set_outline(outline);
    let bytes = pdf
        .finish()
        .map_err(|e| ExportError::pdf(format!("krilla: {e:?}")))?;
    annots::append(bytes, &extra, page_h).map_err(ExportError::pdf)
}

/// Lay out every block at the text width (the tests' whole-document layout).
#[cfg(test)]
pub(crate) fn lay_out(
    fs: &mut FontSystem,
    all: &[Block],
    typo: &Typography,
    text_w: f32,
) -> Vec<BlockLayout> {
    all.iter()
        .map(|b| layout_block(fs, b, typo, text_w))
        .collect()
}

/// Paginate every block at once with [`Pager`], before every block `i` for which
/// `new_page(i)` holds; returns where every block's lines go and the number of pages.
#[cfg(test)]
pub(crate) fn paginate(
    all: &[Block],
    layouts: &[BlockLayout],
    typo: &Typography,
    page_h: f32,
    new_page: impl Fn(usize) -> bool,
) -> (Vec<Placement>, usize) {
    let mut pager = Pager::new(typo, page_h);
    let placements = all
        .iter()
        .zip(layouts)
        .enumerate()
        .map(|(i, (b, l))| pager.place(b, l, new_page(i)))
        .collect();
    (placements, pager.page() + 1)
}

/// First position (page, y) of a block: where its bookmark points.
pub(crate) fn block_start(l: &BlockLayout, pl: &Placement) -> Option<(usize, f32)> {
    let (top, _) = l.bands().first().copied()?;
    let &(p, dy) = pl.bands.first()?;
    Some((p, top + dy))
}

/// The bookmarks, from where each block starts (`starts`, by block) and the first block of
/// each paragraph (`block_of`, looked up once: a document may have 100,000 annexes).
fn outline_nodes(
    doc: &Document,
    all: &[Block],
    block_of: &HashMap<&str, usize>,
    starts: &[Option<(usize, f32)>],
    outline: &mut Outline,
) {
    let names = labels(doc.meta.language);
    let start = |i: usize| starts.get(i).copied().flatten();
    let find = |id: &str| block_of.get(id).and_then(|&i| start(i));
    if let Some(first) = doc.preamble.first()
        && let Some((p, y)) = find(&first.id)
    {
        outline.push_child(OutlineNode::new(
            names.preamble.to_string(),
            XyzDestination::new(p, Point::from_xy(0.0, y)),
        ));
    }
    for para in &doc.operative {
        let Some((p, y)) = find(&para.id) else {
            continue;
        };
        let words: String = para
            .text()
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        let label = match para.number {
            Some(n) => format!("{n} - {words}"),
            None => words,
        };
        outline.push_child(OutlineNode::new(
            label,
            XyzDestination::new(p, Point::from_xy(0.0, y)),
        ));
    }
    // Each part and annex: a bookmark at its heading (the title block before its first
    // paragraph).
    let heading_before = |first: Option<&qarar_document::Paragraph>, lines: usize| {
        let at = *block_of.get(first?.id.as_str())?;
        start(at.checked_sub(lines)?)
    };
    for part in &doc.parts {
        if let Some((p, y)) = heading_before(part.first_paragraph(), 1) {
            outline.push_child(OutlineNode::new(
                part.heading(),
                XyzDestination::new(p, Point::from_xy(0.0, y)),
            ));
        }
    }
    for annex in &doc.annexes {
        let lines = annex.heading_lines().count();
        if let Some((p, y)) = heading_before(annex.paragraphs.first(), lines) {
            outline.push_child(OutlineNode::new(
                annex.heading_text(),
                XyzDestination::new(p, Point::from_xy(0.0, y)),
            ));
        }
    }
    let notes = all
        .iter()
        .rposition(|b| b.kind == BlockKind::Title && b.display.text.contains(names.footnotes));
    if let Some(i) = notes
        && i + 1 < all.len()
        && !doc.footnotes.is_empty()
        && let Some((p, y)) = start(i)
    {
        outline.push_child(OutlineNode::new(
            names.footnotes.to_string(),
            XyzDestination::new(p, Point::from_xy(0.0, y)),
        ));
    }
}

/// The index of the first block of each paragraph, by paragraph id.
fn first_blocks(all: &[Block]) -> HashMap<&str, usize> {
    let mut map = HashMap::with_capacity(all.len());
    for (i, b) in all.iter().enumerate() {
        if let Some(id) = b.paragraph_id() {
            map.entry(id).or_insert(i);
        }
    }
    map
}

/// The highlight or margin note of placed annotation `pa` on block `block` (laid out and
/// placed as `at`), added to its pages' lists in `out` (top-down coordinates).
fn annotate(
    doc: &Document,
    pa: &Placed,
    block: &Block,
    at: (&BlockLayout, &Placement),
    page_w: f32,
    out: &mut Vec<Vec<PdfAnnot>>,
) {
    let (Some(pid), Some(chars)) = (pa.paragraph.as_deref(), pa.range.clone()) else {
        return;
    };
    let Some(p) = doc.paragraph(pid) else {
        return;
    };
    let (l, pl) = at;
    let a = &pa.annotation;
    let mut contents = a.note.clone();
    if !a.tags.is_empty() {
        if !contents.is_empty() {
            contents.push('\n');
        }
        contents.push_str(
            &a.tags
                .iter()
                .map(|t| format!("#{t}"))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    let [r, g, b] = a.color.rgb();
    let color = [r, g, b].map(|c| f32::from(c) / 255.0);
    if a.whole_paragraph && a.has_note() {
        if let Some((page, y)) = block_start(l, pl) {
            let list = page_list(out, page);
            let x = match doc.meta.direction {
                Direction::Rtl => page_w - MARGIN + 14.0,
                Direction::Ltr => MARGIN - 32.0,
            };
            list.push(PdfAnnot {
                kind: PdfAnnotKind::Text,
                rect: [x, y, x + 18.0, y + 18.0],
                quads: Vec::new(),
                color,
                contents,
                id: a.id.clone(),
            });
        }
        return;
    }
    let text = p.text();
    let byte = |c: usize| qarar_util::byte_of_char(&text, c);
    let d = &block.display;
    let start = d.display_offset(byte(chars.start));
    let end = d.display_offset(byte(chars.end));
    // Quads grouped per page: one per line fragment.
    let mut per_page: Vec<(usize, Vec<[f32; 4]>)> = Vec::new();
    for (line, &(page, dy)) in l.lines().iter().zip(&pl.lines) {
        // The part of the range in this line's piece (a table's cell), in its offsets.
        let r = line.piece.range();
        let (lo, hi) = (start.max(r.start), end.min(r.end));
        if lo >= hi {
            continue;
        }
        let (cs, ce) = (
            cosmic_text::Cursor::new(0, lo - r.start),
            cosmic_text::Cursor::new(0, hi - r.start),
        );
        for (x, w) in line.run.highlight(cs, ce) {
            if w <= 0.0 {
                continue;
            }
            let x0 = MARGIN + line.x() + x;
            let q = [
                x0,
                line.top() + dy,
                x0 + w,
                line.top() + dy + line.run.line_height,
            ];
            match per_page.iter_mut().find(|(p, _)| *p == page) {
                Some((_, v)) => v.push(q),
                None => per_page.push((page, vec![q])),
            }
        }
    }
    for (page, quads) in per_page {
        let list = page_list(out, page);
        let rect = quads
            .iter()
            .fold([f32::MAX, f32::MAX, f32::MIN, f32::MIN], |acc, q| {
                [
                    acc[0].min(q[0]),
                    acc[1].min(q[1]),
                    acc[2].max(q[2]),
                    acc[3].max(q[3]),
                ]
            });
        list.push(PdfAnnot {
            kind: PdfAnnotKind::Highlight,
            rect,
            quads,
            color,
            contents: contents.clone(),
            id: a.id.clone(),
        });
    }
}

/// The annotation list of page `page`, made when the first annotation reaches it.
fn page_list(out: &mut Vec<Vec<PdfAnnot>>, page: usize) -> &mut Vec<PdfAnnot> {
    if out.len() <= page {
        out.resize_with(page + 1, Vec::new);
    }
    &mut out[page]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` one-line blocks.
    fn short_blocks(n: usize) -> Vec<Block> {
        (0..n)
            .map(|i| {
                let text = format!("Line {i}");
                one_style_block(BlockKind::Meta, &text, SpanStyle::Meta, Direction::Ltr)
            })
            .collect()
    }

    #[test]
    fn a_block_that_must_start_a_page_starts_one_but_never_leaves_a_blank_page() {
        let typo = page_typography();
        let (page_w, page_h) = Paper::A4.size();
        let mut fs = font_system();
        let all = short_blocks(6);
        let layouts = lay_out(&mut fs, &all, &typo, page_w - 2.0 * MARGIN);
        // Nothing asks for a page: all on the first one.
        let (placements, count) = paginate(&all, &layouts, &typo, page_h, |_| false);
        assert_eq!(count, 1);
        for (l, pl) in layouts.iter().zip(&placements) {
            assert_eq!(block_start(l, pl).map(|(p, _)| p), Some(0));
        }
        // The first block asks for a new page: it is already at the top of one.
        let (placements, count) = paginate(&all, &layouts, &typo, page_h, |i| i == 0);
        assert_eq!(count, 1);
        assert_eq!(block_start(&layouts[0], &placements[0]), Some((0, MARGIN)));
        // The fourth and the fifth do: each at the top of a page of its own, the blocks
        // after them following on its page.
        let (placements, count) = paginate(&all, &layouts, &typo, page_h, |i| i == 3 || i == 4);
        assert_eq!(count, 3);
        let at = |i: usize| block_start(&layouts[i], &placements[i]);
        assert_eq!(at(2).map(|(p, _)| p), Some(0));
        assert_eq!(at(3), Some((1, MARGIN)));
        assert_eq!(at(4), Some((2, MARGIN)));
        assert!(at(5).is_some_and(|(p, y)| p == 2 && y > MARGIN));
    }
}
