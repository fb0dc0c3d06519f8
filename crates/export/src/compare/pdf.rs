//! A comparison as PDF, drawn with krilla like the reader's PDF export: a summary page (the
//! two documents and the counts), then every unit with its inserted words in green and
//! underlined and its deleted words in red and struck through (mechanical and orthographic
//! changes in quieter colours). Laid out by the reader's cosmic-text code, so Arabic runs
//! right to left with the marks exactly on the glyphs; the bundled fonts are embedded and
//! subset with ToUnicode, so copying and `pdftotext` give the logical text. Laid out and
//! paginated by the reader's PDF code ([`crate::pdf::Pager`]), and written page by page
//! ([`crate::pdf::stream`]).

use super::{Labels, change_ids, change_kind, counts, labels, side_name, summary_line};
use crate::ExportError;
use crate::pdf::{
    CleanText, FOOTER, Fonts, MARGIN, PageLines, Pager, Paper, Placement, Steps, block_start,
    draw_glyphs, fill_rect, glyph_group_end, one_style_block, page_typography, push_span, stream,
};
use cosmic_text::FontSystem;
use cosmic_text::{LayoutGlyph, LayoutRun};
use krilla::Document as PdfDocument;
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::surface::Surface;
use qarar_compare::{Comparison, Mark};
use qarar_document::Direction;
use qarar_text::display::{Block, BlockKind, DisplayText, SpanStyle, dir_mark, protect_symbols};
use qarar_text::fonts::font_system;
use qarar_text::layout::{BlockLayout, layout_block, unpack_metadata};

/// A colour, red, green and blue.
type Rgb = (u8, u8, u8);

/// Text colour, and the tint behind the text, of a mark in the PDF.
fn colours(mark: Mark) -> Option<(Rgb, Rgb)> {
    match mark {
        Mark::Plain => None,
        Mark::Inserted => Some(((0x0B, 0x6B, 0x2E), (0xDC, 0xF5, 0xE0))),
        Mark::Deleted => Some(((0xB3, 0x1B, 0x1B), (0xFB, 0xE0, 0xE0))),
        Mark::MinorInserted => Some(((0x1F, 0x4E, 0x8C), (0xE6, 0xEE, 0xFA))),
        Mark::MinorDeleted => Some(((0x6A, 0x4A, 0x8C), (0xF0, 0xEA, 0xF6))),
    }
}

/// A block and whether it starts a new page.
struct Item {
    block: Block,
    new_page: bool,
}

/// A block of one style (title, meta line, plain text), its symbols and numbers kept whole
/// ([`protect_symbols`]).
fn plain(kind: BlockKind, text: &str, style: SpanStyle, direction: Direction) -> Block {
    one_style_block(kind, &protect_symbols(text), style, direction)
}

/// The blocks of the whole file: the summary page, then a heading and the marked text of
/// every unit; and the bookmarks (item, title): the summary, then each changed unit.
fn items(cmp: &Comparison, l: &Labels) -> (Vec<Item>, Vec<(usize, String)>) {
    let dir = cmp.new.language.direction();
    let mut out = Vec::new();
    let mut bookmarks = Vec::new();
    let mut add = |block: Block, new_page: bool| {
        out.push(Item { block, new_page });
        out.len() - 1
    };
    let pair = format!(
        "{} → {}",
        side_name(&cmp.old, "old"),
        side_name(&cmp.new, "new")
    );
    add(
        plain(
            BlockKind::Title,
            &format!("{}: {pair}", l.comparison),
            SpanStyle::Title,
            dir,
        ),
        false,
    );
    for (word, side) in [(l.old, &cmp.old), (l.new, &cmp.new)] {
        let what = [side.symbol.as_deref(), side.file.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" — ");
        add(
            plain(
                BlockKind::Meta,
                &format!("{word}: {what}"),
                SpanStyle::Meta,
                dir,
            ),
            false,
        );
    }
    let at = add(
        plain(BlockKind::Title, l.summary, SpanStyle::Title, dir),
        false,
    );
    bookmarks.push((at, l.summary.to_string()));
    add(
        plain(BlockKind::Formula, &summary_line(cmp), SpanStyle::Body, dir),
        false,
    );
    for (word, n) in counts(cmp) {
        add(
            plain(
                BlockKind::Formula,
                &format!("{word}: {n}"),
                SpanStyle::Body,
                dir,
            ),
            false,
        );
    }
    let mut first = true;
    for c in &cmp.changes {
        let at = add(
            plain(
                BlockKind::Meta,
                &format!("{} — {}", change_ids(c), change_kind(c, l)),
                SpanStyle::Meta,
                dir,
            ),
            first,
        );
        first = false;
        if c.status != qarar_compare::Status::Unchanged {
            bookmarks.push((at, bookmark_title(c, l)));
        }
        let mut d = DisplayText::default();
        push_span(&mut d, &dir_mark(dir).to_string(), SpanStyle::Body, 0);
        if !c.label.is_empty() {
            push_span(&mut d, &format!("{} ", c.label), SpanStyle::Number, 0);
        }
        d.text_start = d.text.len();
        for e in &c.edits {
            let mark = Mark::of(e.op, e.class);
            push_span(
                &mut d,
                &protect_symbols(&e.text),
                SpanStyle::Body,
                mark.code(),
            );
        }
        let id = c
            .new
            .as_ref()
            .or(c.old.as_ref())
            .map(|i| i.joined())
            .unwrap_or_default();
        add(
            Block {
                kind: BlockKind::Paragraph { id, depth: 0 },
                display: d,
                direction: dir,
            },
            false,
        );
    }
    (out, bookmarks)
}

/// A changed unit's bookmark: its number (or first words) and what happened to it.
fn bookmark_title(c: &qarar_compare::Change, l: &Labels) -> String {
    let name = c.name(4);
    format!("{name} — {}", change_kind(c, l))
}

/// The bookmarks, each at the first line of its item (`starts`, by item).
fn outline(bookmarks: &[(usize, String)], starts: &[Option<(usize, f32)>]) -> Outline {
    let mut outline = Outline::new();
    for (item, title) in bookmarks {
        if let Some((p, y)) = starts.get(*item).copied().flatten() {
            outline.push_child(OutlineNode::new(
                title.clone(),
                XyzDestination::new(p, Point::from_xy(0.0, y)),
            ));
        }
    }
    outline
}

/// How much display text the first pass keeps laid out for the second (bytes): a comparison
/// of ordinary size is laid out once, a larger one twice rather than held whole.
const KEEP_LAID_OUT: usize = 4 << 20;

/// Export `cmp` as PDF bytes. The page numbers give the page count, so a first pass lays out
/// and paginates to count the pages (keeping the layouts of the first [`KEEP_LAID_OUT`]
/// bytes), and the second writes page by page ([`stream`]).
pub fn export(cmp: &Comparison, paper: Paper) -> Result<Vec<u8>, ExportError> {
    let l = labels(cmp.new.language);
    let (page_w, page_h) = paper.size();
    let text_w = page_w - 2.0 * MARGIN;
    let typo = page_typography();
    let mut fs = font_system();
    let fonts = Fonts::new(&fs)?;
    let (items, bookmarks) = items(cmp, l);
    let (all, new_page): (Vec<Block>, Vec<bool>) =
        items.into_iter().map(|it| (it.block, it.new_page)).unzip();
    let starts_page = |i: usize| new_page.get(i).copied().unwrap_or(false);
    // First pass: the page count.
    let mut kept: Vec<Option<BlockLayout>> = Vec::new();
    let mut budget = KEEP_LAID_OUT;
    let mut pager = Pager::new(&typo, page_h);
    for (i, b) in all.iter().enumerate() {
        let layout = layout_block(&mut fs, b, &typo, text_w);
        pager.place(b, &layout, starts_page(i));
        if budget >= b.display.text.len() && kept.len() == i {
            budget -= b.display.text.len();
            kept.push(Some(layout));
        }
    }
    let count = pager.page() + 1;

    let mut pdf = PdfDocument::new();
    let mut starts: Vec<Option<(usize, f32)>> = Vec::with_capacity(all.len());
    let steps = Steps {
        lay: |fs: &mut FontSystem, i: usize| {
            kept.get_mut(i)
                .and_then(Option::take)
                .unwrap_or_else(|| layout_block(fs, &all[i], &typo, text_w))
        },
        placed: |_: usize, l: &BlockLayout, pl: &Placement| starts.push(block_start(l, pl)),
        draw: |fs: &mut FontSystem,
               p: usize,
               lines: &PageLines<'_>,
               _: &[Block],
               _: &[BlockLayout]|
         -> Result<(), ExportError> {
            let settings = PageSettings::from_wh(page_w, page_h)
                .ok_or_else(|| ExportError::pdf("invalid page size"))?;
            let mut page = pdf.start_page_with(settings);
            let mut surface = page.surface();
            for (_, line, dy, clean) in lines.on_page(p) {
                let (x, dy) = (MARGIN + line.x(), dy + line.piece.dy);
                draw_line(&mut surface, &line.run, (x, dy), clean, &fonts);
            }
            // Page number, centred at the foot.
            let number = plain(
                BlockKind::Meta,
                &format!("{} / {count}", p + 1),
                SpanStyle::Meta,
                Direction::Ltr,
            );
            let nl = layout_block(fs, &number, &typo, text_w);
            let clean = CleanText::new(&number.display.text);
            for run in nl.buffer.layout_runs() {
                let x = (page_w - run.line_w) / 2.0;
                draw_line(
                    &mut surface,
                    &run,
                    (x, page_h - MARGIN - FOOTER / 2.0),
                    &clean,
                    &fonts,
                );
            }
            surface.finish();
            page.finish();
            Ok(())
        },
    };
    let mut pager = Pager::new(&typo, page_h);
    stream(&mut fs, &all, &mut pager, starts_page, steps)?;
    pdf.set_outline(outline(&bookmarks, &starts));
    pdf.finish()
        .map_err(|e| ExportError::pdf(format!("krilla: {e:?}")))
}

/// End of a group of glyphs drawn in one call: the same face, size, baseline and metadata
/// (style and mark).
fn group_end(glyphs: &[LayoutGlyph], i: usize) -> usize {
    glyph_group_end(glyphs, i, |a, b| a == b)
}

/// Draw one line at horizontal offset `x` and vertical shift `dy`: the tints behind marked
/// words, the glyphs group by group, then the underlines and strike-throughs.
fn draw_line(
    surface: &mut Surface<'_>,
    run: &LayoutRun<'_>,
    (x, dy): (f32, f32),
    clean: &CleanText,
    fonts: &Fonts,
) {
    let glyphs = run.glyphs;
    let mut groups = Vec::new();
    let mut i = 0;
    while i < glyphs.len() {
        let j = group_end(glyphs, i);
        groups.push(i..j);
        i = j;
    }
    let extent = |r: &std::ops::Range<usize>| {
        let g = &glyphs[r.clone()];
        let x0 = g.iter().map(|g| g.x).fold(f32::MAX, f32::min);
        let x1 = g.iter().map(|g| g.x + g.w).fold(f32::MIN, f32::max);
        (x + x0, x + x1)
    };
    let top = run.line_top + dy;
    let baseline = run.line_y + dy;
    for r in &groups {
        let mark = Mark::from_code(unpack_metadata(glyphs[r.start].metadata).mark);
        if let Some((_, tint)) = colours(mark) {
            let (x0, x1) = extent(r);
            fill_rect(
                surface,
                [x0, top + 1.0, x1, top + run.line_height - 1.0],
                tint,
            );
        }
    }
    for r in &groups {
        let group = &glyphs[r.clone()];
        let g0 = &group[0];
        let tag = unpack_metadata(g0.metadata);
        let (style, mark) = (tag.style, tag.mark);
        let Some(font) = fonts.get(g0.font_id) else {
            continue;
        };
        let colour = match colours(Mark::from_code(mark)) {
            Some((c, _)) => c,
            None => match style {
                SpanStyle::Meta | SpanStyle::Number => (0x55, 0x55, 0x55),
                _ => (0x12, 0x12, 0x12),
            },
        };
        draw_glyphs(surface, group, font, clean, (x, baseline), colour);
    }
    for r in &groups {
        let g0 = &glyphs[r.start];
        let mark = Mark::from_code(unpack_metadata(g0.metadata).mark);
        let Some((colour, _)) = colours(mark) else {
            continue;
        };
        let (x0, x1) = extent(r);
        let size = g0.font_size;
        let thick = (size * 0.07).max(0.6);
        let y = if mark.is_deleted() {
            // Through the middle of the x-height.
            baseline - size * 0.3
        } else {
            baseline + size * 0.16
        };
        fill_rect(surface, [x0, y - thick / 2.0, x1, y + thick / 2.0], colour);
    }
}
