//! Tables laid out as grids: every cell its own cosmic-text `Buffer`, shaped once in its own
//! direction; columns as wide as their cells ask within the column of text (long cells wrap);
//! rows as tall as their tallest cell. Re-wrapping at another width reuses the shaping.

use super::display::{Block, Cell};
use super::layout::{GlyphTag, attrs_for, is_cjk, measure};
use cosmic_text::{Align, Buffer, FontSystem, Metrics, Shaping};
use qarar_document::Direction;
use std::ops::Range;

/// Size of table text relative to the body.
pub(crate) const TABLE_SCALE: f32 = 0.88;
/// Line height of table text as a multiple of its size.
const TABLE_LINE: f32 = 1.4;

/// One laid-out cell.
pub struct CellLayout {
    pub buffer: Buffer,
    /// Byte range of its text in the block's display text.
    pub range: Range<usize>,
    pub row: usize,
    pub col: usize,
    /// Columns and rows it covers (1 × 1 unless spanned).
    pub cols: usize,
    pub rows: usize,
    /// Where its text box stands (block coordinates).
    pub dx: f32,
    pub dy: f32,
    /// Narrowest width without breaking a word, and width on one line (text only).
    min: f32,
    max: f32,
}

/// A row of the grid (block coordinates).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowBox {
    pub top: f32,
    pub height: f32,
    pub header: bool,
}

/// A laid-out table.
pub struct TableLayout {
    /// In reading order, as the block's [`Cell`]s.
    pub cells: Vec<CellLayout>,
    /// Each column's left edge and width, in logical order (block coordinates).
    pub columns: Vec<(f32, f32)>,
    pub rows: Vec<RowBox>,
    /// When some cell spans columns or rows: the cell covering each grid position, row by
    /// row (for the rules, without a search per position); empty otherwise.
    cover: Vec<Vec<Option<usize>>>,
    /// Space between a cell's edge and its text.
    pad_x: f32,
    pad_y: f32,
    line: f32,
}

/// Shape every cell of a table block (then [`TableLayout::place`] places them).
pub(super) fn layout_table(fonts: &mut FontSystem, block: &Block, body_size: f32) -> TableLayout {
    let size = body_size * TABLE_SCALE;
    let line = (size * TABLE_LINE).round().max(1.0);
    let d = &block.display;
    // Same byte offsets as `d.text`, never too deeply nested for cosmic-text's bidi.
    let text = qarar_util::cap_bidi_depth(&d.text);
    let cells = d
        .cells
        .iter()
        .map(|c| shape_cell(fonts, block, c, &text, size, line))
        .collect();
    let count = d.cells.iter().map(|c| c.row + 1).max().unwrap_or(0);
    let mut rows = vec![
        RowBox {
            top: 0.0,
            height: 0.0,
            header: false,
        };
        count
    ];
    // In one pass over the cells (not a pass per row).
    for c in d.cells.iter().filter(|c| c.header) {
        if let Some(r) = rows.get_mut(c.row) {
            r.header = true;
        }
    }
    TableLayout {
        cells,
        columns: Vec::new(),
        rows,
        cover: Vec::new(),
        pad_x: (size * 0.5).round(),
        pad_y: (size * 0.3).round(),
        line,
    }
}

fn shape_cell(
    fonts: &mut FontSystem,
    block: &Block,
    cell: &Cell,
    text: &str,
    size: f32,
    line: f32,
) -> CellLayout {
    let d = &block.display;
    let range = cell.range.clone();
    let own = text.get(range.clone()).unwrap_or("");
    // Arabic letters in Naskh; figures in the document's face.
    let family = if own.chars().any(char::is_alphabetic) {
        cell.direction
    } else {
        block.direction
    };
    let mut buffer = Buffer::new_empty(Metrics::new(size, line));
    // Header cells in bold, whatever their spans say.
    let bold = |a: cosmic_text::Attrs<'static>| {
        if cell.header {
            a.weight(cosmic_text::Weight::BOLD)
        } else {
            a
        }
    };
    // The spans over the cell: spans stand in text order, so the first is found by halving
    // (reading every span of the table for each cell was quadratic).
    let first = d.spans.partition_point(|s| s.range.end <= range.start);
    let within = d.spans[first..]
        .iter()
        .take_while(|s| s.range.start < range.end);
    let spans = within.filter_map(|s| {
        let start = s.range.start.max(range.start);
        let end = s.range.end.min(range.end);
        (start < end).then(|| {
            let t = text.get(start..end).unwrap_or("");
            let mut a = bold(attrs_for(GlyphTag::of(s), family, size, line));
            // Chinese has no italics: never slanted (no synthetic oblique).
            if t.chars().any(is_cjk) {
                a = a.style(cosmic_text::Style::Normal);
            }
            (t, a)
        })
    });
    let align = match cell.direction {
        _ if cell.numeric => Align::Right,
        Direction::Rtl => Align::Right,
        Direction::Ltr => Align::Left,
    };
    let default = bold(attrs_for(
        GlyphTag::plain(super::display::SpanStyle::Body),
        family,
        size,
        line,
    ));
    buffer.set_rich_text(spans, &default, Shaping::Advanced, Some(align));
    buffer.set_size(None, None);
    buffer.shape_until_scroll(fonts, false);
    let (min, max) = content_widths(&buffer, own);
    CellLayout {
        buffer,
        range,
        row: cell.row,
        col: cell.col,
        cols: cell.cols.max(1),
        rows: cell.rows.max(1),
        dx: 0.0,
        dy: 0.0,
        min,
        max,
    }
}

/// The widest word and the whole width of a cell laid out on one line.
fn content_widths(buffer: &Buffer, text: &str) -> (f32, f32) {
    let mut max: f32 = 0.0;
    let mut min: f32 = 0.0;
    for run in buffer.layout_runs() {
        max = max.max(run.line_w);
        let mut word = 0.0;
        for g in run.glyphs {
            let blank = text
                .get(g.start..g.end)
                .is_some_and(|t| t.chars().all(char::is_whitespace));
            if blank {
                min = min.max(word);
                word = 0.0;
            } else {
                word += g.w;
            }
        }
        min = min.max(word);
    }
    (min.ceil(), max.max(min).ceil())
}

/// Column widths within `avail`: as wide as their longest cell when the table fits, else
/// each given its narrowest width and the rest of the room shared by how much more each
/// asks; narrower than the narrowest when even those do not fit (words then break).
fn column_widths(mins: &[f32], maxs: &[f32], avail: f32) -> Vec<f32> {
    let smin: f32 = mins.iter().sum();
    let smax: f32 = maxs.iter().sum();
    if smax <= avail {
        return maxs.to_vec();
    }
    if smin >= avail {
        let k = if smin > 0.0 { avail / smin } else { 0.0 };
        return mins.iter().map(|m| m * k).collect();
    }
    let k = (avail - smin) / (smax - smin);
    mins.iter()
        .zip(maxs)
        .map(|(a, b)| a + (b - a) * k)
        .collect()
}

impl TableLayout {
    /// Fit the columns to `width` and wrap the cells (no reshaping); returns the height.
    pub(super) fn place(
        &mut self,
        fonts: &mut FontSystem,
        direction: Direction,
        width: f32,
        indent: f32,
    ) -> f32 {
        let ncols = self.cells.iter().map(|c| c.col + c.cols).max().unwrap_or(0);
        let chrome = 2.0 * self.pad_x + 1.0;
        let mut mins = vec![0.0f32; ncols];
        let mut maxs = vec![0.0f32; ncols];
        for c in self.cells.iter().filter(|c| c.cols == 1) {
            mins[c.col] = mins[c.col].max(c.min + chrome);
            maxs[c.col] = maxs[c.col].max(c.max + chrome);
        }
        // A cell across several columns widens them evenly where they are too narrow for it.
        for c in self.cells.iter().filter(|c| c.cols > 1) {
            let cols = c.col..(c.col + c.cols).min(ncols);
            let n = cols.len().max(1) as f32;
            for (want, list) in [(c.min + chrome, &mut mins), (c.max + chrome, &mut maxs)] {
                let have: f32 = list[cols.clone()].iter().sum();
                if want > have {
                    for w in &mut list[cols.clone()] {
                        *w += (want - have) / n;
                    }
                }
            }
        }
        let widths = column_widths(&mins, &maxs, width);
        let total: f32 = widths.iter().sum();
        // The table starts on the reading-start side, after the indentation.
        let mut x = match direction {
            Direction::Ltr => indent,
            Direction::Rtl => width - total,
        };
        let mut columns = vec![(0.0, 0.0); ncols];
        let order: Vec<usize> = match direction {
            Direction::Ltr => (0..ncols).collect(),
            Direction::Rtl => (0..ncols).rev().collect(),
        };
        for c in order {
            columns[c] = (x, widths[c]);
            x += widths[c];
        }
        for r in self.rows.iter_mut() {
            r.height = self.line + 2.0 * self.pad_y;
        }
        for c in self.cells.iter_mut() {
            let (_, w) = cell_box(&columns, c.col, c.cols);
            c.buffer
                .set_size(Some((w - 2.0 * self.pad_x).max(1.0)), None);
            c.buffer.shape_until_scroll(fonts, false);
            if c.rows == 1
                && let Some(r) = self.rows.get_mut(c.row)
            {
                r.height = r.height.max(measure(&c.buffer) + 2.0 * self.pad_y);
            }
        }
        // A cell down several rows makes the last of them taller when they are too short.
        for c in self.cells.iter().filter(|c| c.rows > 1) {
            let last = (c.row + c.rows).min(self.rows.len());
            let have: f32 = self.rows[c.row.min(last)..last]
                .iter()
                .map(|r| r.height)
                .sum();
            let want = measure(&c.buffer) + 2.0 * self.pad_y;
            if want > have
                && let Some(r) = self.rows.get_mut(last.saturating_sub(1))
            {
                r.height += want - have;
            }
        }
        let mut y = 0.0;
        for r in self.rows.iter_mut() {
            r.top = y;
            y += r.height;
        }
        for c in self.cells.iter_mut() {
            c.dx = cell_box(&columns, c.col, c.cols).0 + self.pad_x;
            c.dy = self.rows.get(c.row).map_or(0.0, |r| r.top) + self.pad_y;
        }
        self.columns = columns;
        self.cover.clear();
        if self.cells.iter().any(|c| c.cols > 1 || c.rows > 1) {
            self.cover = vec![vec![None; ncols]; self.rows.len()];
            for (i, c) in self.cells.iter().enumerate() {
                for row in self.cover.iter_mut().skip(c.row).take(c.rows) {
                    for slot in row.iter_mut().skip(c.col).take(c.cols) {
                        *slot = Some(i);
                    }
                }
            }
        }
        y
    }

    /// The table's left and right edges (block coordinates).
    pub fn span_x(&self) -> (f32, f32) {
        let left = self.columns.iter().map(|c| c.0).fold(f32::MAX, f32::min);
        let right = self
            .columns
            .iter()
            .map(|c| c.0 + c.1)
            .fold(f32::MIN, f32::max);
        if left <= right {
            (left, right)
        } else {
            (0.0, 0.0)
        }
    }

    /// The rules of row `r` as thin rectangles (x, y, w, h): its top and bottom and each
    /// column's edges, `thick` wide — except where a cell spans across them.
    pub fn row_rules(&self, r: usize, thick: f32) -> Vec<[f32; 4]> {
        let Some(row) = self.rows.get(r) else {
            return Vec::new();
        };
        let (left, right) = self.span_x();
        let half = thick / 2.0;
        if self.cover.is_empty() {
            let mut out = vec![
                [left - half, row.top - half, right - left + thick, thick],
                [
                    left - half,
                    row.top + row.height - half,
                    right - left + thick,
                    thick,
                ],
            ];
            let mut edges: Vec<f32> = self.columns.iter().map(|c| c.0).collect();
            edges.push(right);
            for x in edges {
                out.push([x - half, row.top, thick, row.height]);
            }
            return out;
        }
        // The cell covering grid position (r, col), if any.
        let covering = |r: usize, col: usize| {
            self.cover
                .get(r)
                .and_then(|row| row.get(col))
                .copied()
                .flatten()
        };
        let mut out = Vec::new();
        for (col, &(x, w)) in self.columns.iter().enumerate() {
            let here = covering(r, col);
            // Top rule unless the same cell covers the row above; bottom likewise below.
            let above = r.checked_sub(1).and_then(|a| covering(a, col));
            if r == 0 || here.is_none() || above != here {
                out.push([x - half, row.top - half, w + thick, thick]);
            }
            let below = covering(r + 1, col);
            if r + 1 >= self.rows.len() || here.is_none() || below != here {
                out.push([x - half, row.top + row.height - half, w + thick, thick]);
            }
        }
        // The table's outer edges, and the edge between neighbouring columns unless one
        // cell covers both sides (columns stand side by side in logical order, either way).
        out.push([left - half, row.top, thick, row.height]);
        out.push([right - half, row.top, thick, row.height]);
        for e in 1..self.columns.len() {
            let (a, b) = (covering(r, e - 1), covering(r, e));
            if a.is_some() && a == b {
                continue;
            }
            let x = self.columns[e - 1].0.max(self.columns[e].0);
            out.push([x - half, row.top, thick, row.height]);
        }
        out
    }

    /// The cell under a point (block coordinates): the nearest one of the nearest row.
    pub(crate) fn cell_at(&self, x: f32, y: f32) -> Option<usize> {
        let row = self.rows.iter().rposition(|r| r.top <= y).unwrap_or(0);
        // How far `x` is from a cell's columns (0 inside them).
        let away = |c: &CellLayout| {
            let (l, w) = cell_box(&self.columns, c.col, c.cols);
            (l - x).max(x - l - w).max(0.0)
        };
        self.cells
            .iter()
            .enumerate()
            .filter(|(_, c)| (c.row..c.row + c.rows).contains(&row))
            .min_by(|a, b| away(a.1).total_cmp(&away(b.1)))
            .map(|(i, _)| i)
    }
}

/// The left edge and width of the columns `col..col + cols` together.
pub fn cell_box(columns: &[(f32, f32)], col: usize, cols: usize) -> (f32, f32) {
    let end = (col + cols.max(1)).min(columns.len());
    let span = columns.get(col..end).unwrap_or_default();
    let left = span.iter().map(|c| c.0).fold(f32::MAX, f32::min);
    let right = span.iter().map(|c| c.0 + c.1).fold(f32::MIN, f32::max);
    if left <= right {
        (left, right - left)
    } else {
        (0.0, 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::column_widths;

    #[test]
    fn columns_fit_the_room() {
        assert_eq!(
            column_widths(&[10.0, 10.0], &[50.0, 30.0], 200.0),
            [50.0, 30.0]
        );
        let w = column_widths(&[10.0, 10.0], &[110.0, 30.0], 100.0);
        assert!((w.iter().sum::<f32>() - 100.0).abs() < 0.01, "{w:?}");
        assert!(w[0] > w[1]);
        let w = column_widths(&[100.0, 100.0], &[200.0, 200.0], 100.0);
        assert_eq!(w, [50.0, 50.0]);
        assert!(column_widths(&[], &[], 100.0).is_empty());
    }
}
