//! Page-by-page writing for both PDF writers: blocks are laid out in order and paginated as
//! they come ([`Pager`]); a page is drawn as soon as no later block can reach it, and a
//! block's layout is dropped once its last page is drawn. Memory so holds the layouts of about
//! one page, not of the whole document (issue 30: a 5,000-row table, 100,000 annexes or a
//! 20,000-unit comparison kept every cosmic-text buffer alive, gigabytes).

use super::{FOOTER, MARGIN, PageLines, Placement};
use cosmic_text::FontSystem;
use qarar_text::display::Block;
use qarar_text::layout::{BlockLayout, Typography};

/// Pagination one block at a time: break between bands (a line, a table's row) when one does
/// not fit, and before a block that asks for a new page unless its page is still empty.
pub(crate) struct Pager<'t> {
    typo: &'t Typography,
    bottom: f32,
    page: usize,
    y: f32,
}

impl<'t> Pager<'t> {
    pub(crate) fn new(typo: &'t Typography, page_h: f32) -> Pager<'t> {
        Pager {
            typo,
            bottom: page_h - MARGIN - FOOTER,
            page: 0,
            y: MARGIN,
        }
    }

    /// The page the next block starts on (from 0).
    pub(crate) fn page(&self) -> usize {
        self.page
    }

    /// Place the next block `b`, laid out as `l`; `new_page` when it must start a page.
    pub(crate) fn place(&mut self, b: &Block, l: &BlockLayout, new_page: bool) -> Placement {
        if new_page && self.y > MARGIN + 0.5 {
            self.page += 1;
            self.y = MARGIN;
        }
        let mut dy = self.y;
        let mut bands = Vec::new();
        let mut end = self.y;
        // A line, or a table's row, goes whole to the next page when it does not fit.
        for (band_top, band_h) in l.bands() {
            let top = band_top + dy;
            if top + band_h > self.bottom && top > MARGIN + 0.5 {
                self.page += 1;
                dy = MARGIN - band_top;
            }
            bands.push((self.page, dy));
            end = band_top + band_h + dy;
        }
        let page = self.page;
        let lines = l
            .lines()
            .iter()
            .map(|line| bands.get(line.band).copied().unwrap_or((page, dy)))
            .collect();
        self.y = end + self.typo.gap_after(&b.kind);
        Placement { lines, bands }
    }
}

/// How [`stream`] lays out, notes and draws: `lay(fs, i)` lays out block `i`; `placed(i, l,
/// pl)` sees each block once placed (bookmarks, annotations); `draw(fs, page, lines, blocks,
/// layouts)` draws one page from the blocks still held (`lines` indexes into `blocks` and
/// `layouts`).
pub(crate) struct Steps<L, P, D> {
    pub(crate) lay: L,
    pub(crate) placed: P,
    pub(crate) draw: D,
}

/// Lay out, paginate and draw `all` page by page (see the module doc); `new_page(i)` when
/// block `i` must start a page. Returns the number of pages drawn (at least one).
pub(crate) fn stream<L, P, D, E>(
    fs: &mut FontSystem,
    all: &[Block],
    pager: &mut Pager<'_>,
    new_page: impl Fn(usize) -> bool,
    steps: Steps<L, P, D>,
) -> Result<usize, E>
where
    L: FnMut(&mut FontSystem, usize) -> BlockLayout,
    P: FnMut(usize, &BlockLayout, &Placement),
    D: FnMut(&mut FontSystem, usize, &PageLines<'_>, &[Block], &[BlockLayout]) -> Result<(), E>,
{
    let Steps {
        mut lay,
        mut placed,
        mut draw,
    } = steps;
    // The blocks held: from `lo`, with their layouts, placements and last pages.
    let mut lo = 0usize;
    let mut layouts: Vec<BlockLayout> = Vec::new();
    let mut placements: Vec<Placement> = Vec::new();
    let mut last: Vec<usize> = Vec::new();
    // The first page not yet drawn.
    let mut next = 0usize;
    let mut flush = |fs: &mut FontSystem,
                     lo: &mut usize,
                     layouts: &mut Vec<BlockLayout>,
                     placements: &mut Vec<Placement>,
                     last: &mut Vec<usize>,
                     next: &mut usize,
                     upto: usize|
     -> Result<(), E> {
        if *next >= upto {
            return Ok(());
        }
        {
            let hi = *lo + layouts.len();
            let window = &all[*lo..hi];
            let lines = PageLines::new(window, layouts, placements, *next..upto);
            for p in *next..upto {
                draw(fs, p, &lines, window, layouts)?;
            }
        }
        *next = upto;
        // Drop the blocks whose every line is drawn.
        let done = last.iter().take_while(|&&p| p < upto).count();
        layouts.drain(..done);
        placements.drain(..done);
        last.drain(..done);
        *lo += done;
        Ok(())
    };
    for (i, b) in all.iter().enumerate() {
        let l = lay(fs, i);
        let pl = pager.place(b, &l, new_page(i));
        placed(i, &l, &pl);
        last.push(pl.bands.last().map_or(pager.page(), |&(p, _)| p));
        layouts.push(l);
        placements.push(pl);
        // Pages before the current one are complete: no later block reaches them.
        let upto = pager.page();
        flush(
            fs,
            &mut lo,
            &mut layouts,
            &mut placements,
            &mut last,
            &mut next,
            upto,
        )?;
    }
    let count = pager.page() + 1;
    flush(
        fs,
        &mut lo,
        &mut layouts,
        &mut placements,
        &mut last,
        &mut next,
        count,
    )?;
    Ok(count)
}
