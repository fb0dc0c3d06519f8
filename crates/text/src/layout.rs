//! Layout with cosmic-text: one `Buffer` per display block, shaped once and re-wrapped when
//! the width changes. Pure: no window, no GPU; the reader paints what this lays out.

use super::display::{Block, BlockKind, Span, SpanStyle, no_break_before};
use super::fonts::{ARABIC_FAMILY, LATIN_FAMILY};
use super::table::{TableLayout, layout_table};
use cosmic_text::{
    Align, Attrs, Buffer, Family, FontSystem, LayoutRun, Metrics, Shaping, Style, Weight,
};
use qarar_document::Direction;

/// What a glyph carries from its span through cosmic-text (packed in the glyph's metadata):
/// the span's style, its link and a comparison's mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GlyphTag {
    pub style: SpanStyle,
    /// Index + 1 into the block's [`links`](super::display::DisplayText::links); 0 for none.
    pub link: usize,
    /// The comparison's mark of the words (`qarar_compare::Mark` as a number); 0 for none.
    pub mark: u8,
}

impl GlyphTag {
    /// The tag of text of one style, with no link and no mark.
    pub fn plain(style: SpanStyle) -> GlyphTag {
        GlyphTag {
            style,
            link: 0,
            mark: 0,
        }
    }

    /// The tag of a span's glyphs.
    pub fn of(span: &Span) -> GlyphTag {
        GlyphTag {
            style: span.style,
            link: span.link,
            mark: span.mark,
        }
    }
}

/// Glyph metadata: the style in the low byte, the mark in the next, the link above them.
pub fn pack_metadata(tag: GlyphTag) -> usize {
    (tag.link << 16) | (usize::from(tag.mark) << 8) | style_code(tag.style)
}

/// The tag a glyph's metadata carries (see [`pack_metadata`]).
pub fn unpack_metadata(metadata: usize) -> GlyphTag {
    GlyphTag {
        style: style_from_code(metadata & 0xff),
        link: metadata >> 16,
        mark: ((metadata >> 8) & 0xff) as u8,
    }
}

/// How far footnote markers are raised, as a fraction of the body size (the view and the
/// PDF export raise them alike).
pub const MARKER_RAISE: f32 = 0.38;

const STYLES: [SpanStyle; 9] = [
    SpanStyle::Body,
    SpanStyle::Verb,
    SpanStyle::Opener,
    SpanStyle::Emphasis,
    SpanStyle::Number,
    SpanStyle::Marker,
    SpanStyle::Reference,
    SpanStyle::Meta,
    SpanStyle::Title,
];

fn style_code(style: SpanStyle) -> usize {
    STYLES.iter().position(|s| *s == style).unwrap_or(0)
}

fn style_from_code(code: usize) -> SpanStyle {
    STYLES.get(code).copied().unwrap_or(SpanStyle::Body)
}

/// Typographic settings of the document view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Typography {
    /// Body font size in points at zoom 1.
    pub body_size: f32,
    /// Line height as a multiple of the font size.
    pub line_height: f32,
    /// Zoom factor (Ctrl +/−).
    pub zoom: f32,
    /// Indentation per sub-paragraph level, in points at zoom 1.
    pub indent: f32,
    /// Justify paragraphs (otherwise aligned to the reading start).
    pub justify: bool,
}

impl Default for Typography {
    fn default() -> Self {
        Typography {
            body_size: 19.0,
            line_height: 1.75,
            zoom: 1.0,
            indent: 34.0,
            justify: true,
        }
    }
}

/// Levels of nesting that each indent a block further (real resolutions use four or five).
pub const MAX_INDENT_DEPTH: usize = 6;

impl Typography {
    pub(crate) fn size_of(&self, kind: &BlockKind) -> f32 {
        let base = self.body_size * self.zoom;
        match kind {
            BlockKind::Meta | BlockKind::Closing => base * 0.75,
            BlockKind::Title => base * 1.2,
            _ => base,
        }
    }

    /// Space below a block.
    pub fn gap_after(&self, kind: &BlockKind) -> f32 {
        let base = self.body_size * self.zoom;
        match kind {
            BlockKind::Meta => base * 0.35,
            BlockKind::Title => base * 1.0,
            _ => base * 0.7,
        }
    }

    /// How far a block is indented: one step per level of nesting, up to
    /// [`MAX_INDENT_DEPTH`] levels (deeper levels stand with the deepest, so that 200 nested
    /// levels stay on the page, in the window and the PDF alike).
    pub(crate) fn indent_of(&self, kind: &BlockKind) -> f32 {
        match kind {
            BlockKind::Paragraph { depth, .. } => {
                (*depth).min(MAX_INDENT_DEPTH) as f32 * self.indent * self.zoom
            }
            _ => 0.0,
        }
    }
}

/// One laid-out block.
pub struct BlockLayout {
    /// The block's text, at `x_offset`; empty for a table, whose cells are in `table`. Read
    /// through [`BlockLayout::pieces`] or [`BlockLayout::lines`], which give both alike.
    pub buffer: Buffer,
    /// Wrap width (points).
    pub width: f32,
    /// Height of the laid-out text (points).
    pub height: f32,
    /// Horizontal offset of the text box within the column (indentation side).
    pub x_offset: f32,
    pub font_size: f32,
    /// A table's grid of cells.
    pub table: Option<TableLayout>,
}

/// A part of a block laid out in one buffer: the whole block, or a cell of a table.
#[derive(Clone, Copy)]
pub struct Piece<'a> {
    pub buffer: &'a Buffer,
    /// Where the buffer's origin stands in block coordinates.
    pub dx: f32,
    pub dy: f32,
    /// Display byte offset of the buffer's text: glyph offsets are relative to it.
    pub base: usize,
    /// Byte length of its text.
    pub len: usize,
    /// The table row it stands in.
    row: Option<usize>,
}

impl Piece<'_> {
    /// Its display byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.base..self.base + self.len
    }
}

/// A visual line of a block: a layout run of one of its pieces.
pub struct Line<'a> {
    pub piece: Piece<'a>,
    pub run: LayoutRun<'a>,
    /// The band it belongs to (see [`BlockLayout::bands`]).
    pub band: usize,
}

impl Line<'_> {
    /// Top of the line (block coordinates).
    pub fn top(&self) -> f32 {
        self.piece.dy + self.run.line_top
    }

    /// Its baseline (block coordinates).
    pub fn baseline(&self) -> f32 {
        self.piece.dy + self.run.line_y
    }

    /// Where x = 0 of its glyphs is (block coordinates).
    pub fn x(&self) -> f32 {
        self.piece.dx
    }
}

impl BlockLayout {
    /// The parts laid out on their own, in reading order: the block's buffer, or the cells
    /// of a table row by row.
    pub fn pieces(&self) -> Vec<Piece<'_>> {
        match &self.table {
            None => vec![Piece {
                buffer: &self.buffer,
                dx: self.x_offset,
                dy: 0.0,
                base: 0,
                len: self.buffer.lines.iter().map(|l| l.text().len()).sum(),
                row: None,
            }],
            Some(t) => t
                .cells
                .iter()
                .map(|c| Piece {
                    buffer: &c.buffer,
                    dx: c.dx,
                    dy: c.dy,
                    base: c.range.start,
                    len: c.range.len(),
                    row: Some(c.row),
                })
                .collect(),
        }
    }

    /// Every visual line of the block in reading order (a table: cell after cell).
    pub fn lines(&self) -> Vec<Line<'_>> {
        let mut out = Vec::new();
        for piece in self.pieces() {
            for run in piece.buffer.layout_runs() {
                let band = piece.row.unwrap_or(out.len());
                out.push(Line { piece, run, band });
            }
        }
        out
    }

    /// Rectangles (x, y, w, h in block coordinates) covering display range `range`.
    pub fn highlight_rects(&self, range: std::ops::Range<usize>) -> Vec<[f32; 4]> {
        let mut out = Vec::new();
        for line in self.lines() {
            let p = line.piece;
            let (lo, hi) = (range.start.max(p.base), range.end.min(p.base + p.len));
            if lo >= hi {
                continue;
            }
            let start = cosmic_text::Cursor::new(0, lo - p.base);
            let end = cosmic_text::Cursor::new(0, hi - p.base);
            for (x, w) in line.run.highlight(start, end) {
                out.push([x + p.dx, line.top(), w, line.run.line_height]);
            }
        }
        out
    }

    /// What a page break must not cut, top down, as (top, height) in block coordinates: each
    /// line of text, each row of a table.
    pub fn bands(&self) -> Vec<(f32, f32)> {
        match &self.table {
            Some(t) => t.rows.iter().map(|r| (r.top, r.height)).collect(),
            None => self
                .buffer
                .layout_runs()
                .map(|r| (r.line_top, r.line_height))
                .collect(),
        }
    }
}

pub(super) fn attrs_for(
    tag: GlyphTag,
    direction: Direction,
    size: f32,
    line: f32,
) -> Attrs<'static> {
    let style = tag.style;
    let family = match direction {
        Direction::Rtl => Family::Name(ARABIC_FAMILY),
        Direction::Ltr => Family::Name(LATIN_FAMILY),
    };
    let mut a = Attrs::new().family(family).metadata(pack_metadata(tag));
    match style {
        SpanStyle::Verb | SpanStyle::Title => a = a.weight(Weight::BOLD),
        SpanStyle::Opener | SpanStyle::Emphasis if direction == Direction::Ltr => {
            a = a.style(Style::Italic)
        }
        SpanStyle::Marker => a = a.metrics(Metrics::new(size * 0.68, line)),
        _ => {}
    }
    a
}

/// Han characters and CJK punctuation.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Shape and lay out one block at a width.
pub fn layout_block(
    fonts: &mut FontSystem,
    block: &Block,
    typo: &Typography,
    column_width: f32,
) -> BlockLayout {
    let size = typo.size_of(&block.kind);
    let line = (size * typo.line_height).round().max(1.0);
    let indent = typo.indent_of(&block.kind);
    let width = (column_width - indent).max(40.0);
    if !block.display.cells.is_empty() {
        let mut table = layout_table(fonts, block, size);
        let height = table.place(fonts, block.direction, width, indent);
        return BlockLayout {
            buffer: Buffer::new_empty(Metrics::new(size, line)),
            width,
            height,
            x_offset: table.span_x().0,
            font_size: size * super::table::TABLE_SCALE,
            table: Some(table),
        };
    }
    let mut buffer = Buffer::new(fonts, Metrics::new(size, line));
    buffer.set_size(Some(width), None);
    let default = attrs_for(
        GlyphTag::plain(SpanStyle::Body),
        block.direction,
        size,
        line,
    );
    let d = &block.display;
    // Same byte offsets as `d.text`, never too deeply nested for cosmic-text's bidi.
    let text = qarar_util::cap_bidi_depth(&d.text);
    let spans = d.spans.iter().filter_map(|s| {
        text.get(s.range.clone()).map(|t| {
            let mut a = attrs_for(GlyphTag::of(s), block.direction, size, line);
            // Chinese has no italics: never slanted (no synthetic oblique).
            if t.chars().any(is_cjk) {
                a = a.style(Style::Normal);
            }
            (t, a)
        })
    });
    let align = match (&block.kind, block.direction) {
        (BlockKind::Paragraph { .. }, _) if typo.justify => Align::Justified,
        (_, Direction::Rtl) => Align::Right,
        (_, Direction::Ltr) => Align::Left,
    };
    buffer.set_rich_text(spans, &default, Shaping::Advanced, Some(align));
    buffer.shape_until_scroll(fonts, false);
    let wrapped = keep_together(fonts, &mut buffer, block, width);
    let height = measure(&buffer);
    let x_offset = x_offset_of(block, indent, width, wrapped);
    BlockLayout {
        buffer,
        width,
        height,
        x_offset,
        font_size: size,
        table: None,
    }
}

/// Re-wrap an already shaped block at a new width (no reshaping).
pub fn rewrap(
    fonts: &mut FontSystem,
    layout: &mut BlockLayout,
    block: &Block,
    typo: &Typography,
    column_width: f32,
) {
    let indent = typo.indent_of(&block.kind);
    let width = (column_width - indent).max(40.0);
    if (width - layout.width).abs() < 0.5 {
        return;
    }
    if let Some(table) = layout.table.as_mut() {
        layout.height = table.place(fonts, block.direction, width, indent);
        layout.width = width;
        layout.x_offset = table.span_x().0;
        return;
    }
    layout.buffer.set_size(Some(width), None);
    layout.buffer.shape_until_scroll(fonts, false);
    let wrapped = keep_together(fonts, &mut layout.buffer, block, width);
    layout.width = width;
    layout.x_offset = x_offset_of(block, indent, width, wrapped);
    layout.height = measure(&layout.buffer);
}

/// Where the text box of a block starts: after the indentation in left-to-right text; in
/// right-to-left text, so that its right edge stays put when it was wrapped narrower.
fn x_offset_of(block: &Block, indent: f32, width: f32, wrapped: f32) -> f32 {
    match block.direction {
        Direction::Rtl => width - wrapped,
        Direction::Ltr => indent,
    }
}

/// cosmic-text breaks lines between words, and also wherever the bidi level changes (between
/// an Arabic word and a number, a footnote marker or a Latin symbol), even where the display
/// text glues them ([`no_break_before`]). When a line would begin where it must not, the block
/// is wrapped a little narrower, so that the word before moves down with what follows it (at
/// most a few times, and never by more than a fifth of the width; otherwise as it was). Returns
/// the width the buffer is wrapped at.
fn keep_together(fonts: &mut FontSystem, buffer: &mut Buffer, block: &Block, width: f32) -> f32 {
    let mut wrapped = width;
    let mut best = (bad_breaks(buffer, block).len(), width);
    for _ in 0..12 {
        let bad = bad_breaks(buffer, block);
        if bad.len() < best.0 {
            best = (bad.len(), wrapped);
        }
        // The first break that a slightly narrower box can mend.
        let Some(shrink) = bad.into_iter().find(|w| *w < width * 0.2) else {
            break;
        };
        wrapped -= shrink.max(1.0);
        if wrapped < width * 0.8 {
            break;
        }
        buffer.set_size(Some(wrapped), None);
        buffer.shape_until_scroll(fonts, false);
    }
    let bad = bad_breaks(buffer, block).len();
    if bad < best.0 {
        best = (bad, wrapped);
    }
    if best.1 != wrapped {
        buffer.set_size(Some(best.1), None);
        buffer.shape_until_scroll(fonts, false);
    }
    best.1
}

/// The lines of `buffer` that begin where they must not, each as how much narrower the block
/// must be for the last word of the line before to move down with it.
fn bad_breaks(buffer: &Buffer, block: &Block) -> Vec<f32> {
    let mut out = Vec::new();
    let d = &block.display;
    let runs: Vec<cosmic_text::LayoutRun<'_>> = buffer.layout_runs().collect();
    for pair in runs.windows(2) {
        let (line, next) = (&pair[0], &pair[1]);
        // Offsets are per buffer line; only the first holds prose (tables have a line a row).
        if line.line_i != 0 || next.line_i != 0 {
            continue;
        }
        let Some(at) = next.glyphs.iter().map(|g| g.start).min() else {
            continue;
        };
        if !no_break_before(d, at) {
            continue;
        }
        let blank = |g: &cosmic_text::LayoutGlyph| {
            d.text
                .get(g.start..g.end)
                .is_some_and(|t| t.chars().all(char::is_whitespace))
        };
        // The word that did not fit (up to the next space): the line before had less room
        // than that, so a box narrower by its width leaves no room for the word before it.
        let tail_end = next
            .glyphs
            .iter()
            .filter(|g| g.start > at && blank(g))
            .map(|g| g.start)
            .min()
            .unwrap_or(usize::MAX);
        let word: f32 = next
            .glyphs
            .iter()
            .filter(|g| g.start < tail_end && !blank(g))
            .map(|g| g.w)
            .sum();
        out.push(word + 1.0);
    }
    out
}

pub(super) fn measure(buffer: &Buffer) -> f32 {
    buffer
        .layout_runs()
        .last()
        .map(|r| r.line_top + r.line_height)
        .unwrap_or(0.0)
}

/// The whole document in one column: block layouts (made lazily, the visible ones first) and
/// their vertical positions. Blocks not laid out yet have an estimated height.
pub struct DocumentLayout {
    pub blocks: Vec<Block>,
    pub layouts: Vec<Option<BlockLayout>>,
    /// Height of each block: real when laid out, estimated otherwise.
    heights: Vec<f32>,
    /// Extra space above each block (parallel view alignment; empty = none).
    pad_before: Vec<f32>,
    /// Top of each block (points, from the top of the column).
    pub tops: Vec<f32>,
    pub total_height: f32,
    pub column_width: f32,
    pub typography: Typography,
}

impl DocumentLayout {
    /// Shape and lay out every block.
    pub fn new(
        fonts: &mut FontSystem,
        blocks: Vec<Block>,
        typography: Typography,
        column_width: f32,
    ) -> Self {
        let mut me = Self::lazy(blocks, typography, column_width);
        me.layout_all(fonts);
        me
    }

    /// Nothing shaped yet: heights are estimates until blocks are laid out.
    pub fn lazy(blocks: Vec<Block>, typography: Typography, column_width: f32) -> Self {
        let n = blocks.len();
        let mut me = DocumentLayout {
            blocks,
            layouts: (0..n).map(|_| None).collect(),
            heights: vec![0.0; n],
            pad_before: Vec::new(),
            tops: Vec::new(),
            total_height: 0.0,
            column_width,
            typography,
        };
        me.estimate_all();
        me.stack();
        me
    }

    fn estimate(&self, i: usize) -> f32 {
        let b = &self.blocks[i];
        let size = self.typography.size_of(&b.kind);
        let line = (size * self.typography.line_height).round();
        let width = (self.column_width - self.typography.indent_of(&b.kind)).max(40.0);
        // Average advance of Naskh and Latin text is about half the font size.
        let chars = b.display.text.chars().count() as f32;
        let lines = (chars * size * 0.46 / width).ceil().max(1.0);
        // A table: a row of cells is at least a line.
        let rows = b.display.cells.iter().map(|c| c.row + 1).max().unwrap_or(0) as f32;
        lines.max(rows) * line
    }

    fn estimate_all(&mut self) {
        for i in 0..self.blocks.len() {
            self.heights[i] = match &self.layouts[i] {
                Some(l) => l.height,
                None => self.estimate(i),
            };
        }
    }

    fn stack(&mut self) {
        self.tops.clear();
        let mut y = 0.0;
        for (i, (b, h)) in self.blocks.iter().zip(&self.heights).enumerate() {
            y += self.pad_before.get(i).copied().unwrap_or(0.0);
            self.tops.push(y);
            y += h + self.typography.gap_after(&b.kind);
        }
        self.total_height = y;
    }

    fn layout_one(&mut self, fonts: &mut FontSystem, i: usize) {
        if self.layouts[i].is_none() {
            let l = layout_block(fonts, &self.blocks[i], &self.typography, self.column_width);
            self.heights[i] = l.height;
            self.layouts[i] = Some(l);
        }
    }

    /// Lay out every block now.
    pub fn layout_all(&mut self, fonts: &mut FontSystem) {
        for i in 0..self.blocks.len() {
            self.layout_one(fonts, i);
        }
        self.stack();
    }

    /// True when every block is laid out (heights are exact).
    pub fn is_complete(&self) -> bool {
        self.layouts.iter().all(Option::is_some)
    }

    /// Lay out the blocks intersecting `[y0, y1)` (and re-stack until the range is stable).
    pub fn ensure_visible(&mut self, fonts: &mut FontSystem, y0: f32, y1: f32) {
        for _ in 0..4 {
            let range = self.visible(y0, y1);
            let missing: Vec<usize> = range.filter(|&i| self.layouts[i].is_none()).collect();
            if missing.is_empty() {
                return;
            }
            for i in missing {
                self.layout_one(fonts, i);
            }
            self.stack();
        }
    }

    /// Lay out pending blocks in reading order for about `budget`; returns true when done.
    pub fn layout_some(&mut self, fonts: &mut FontSystem, budget: std::time::Duration) -> bool {
        let start = std::time::Instant::now();
        let mut changed = false;
        for i in 0..self.blocks.len() {
            if self.layouts[i].is_none() {
                self.layout_one(fonts, i);
                changed = true;
                if start.elapsed() >= budget {
                    break;
                }
            }
        }
        if changed {
            self.stack();
        }
        self.is_complete()
    }

    /// Adapt to a new column width and typography: re-wrap when only the width changed,
    /// reshape when the sizes changed. Returns true when anything changed.
    pub fn update(
        &mut self,
        fonts: &mut FontSystem,
        typography: Typography,
        column_width: f32,
    ) -> bool {
        if typography == self.typography && (column_width - self.column_width).abs() < 0.5 {
            return false;
        }
        if typography != self.typography {
            self.typography = typography;
            self.column_width = column_width;
            for l in self.layouts.iter_mut() {
                *l = None;
            }
        } else {
            self.column_width = column_width;
            for (b, l) in self.blocks.iter().zip(self.layouts.iter_mut()) {
                if let Some(l) = l {
                    rewrap(fonts, l, b, &typography, column_width);
                }
            }
        }
        self.estimate_all();
        self.stack();
        true
    }

    /// Extra space above each block, by index (used to line up two languages side by side).
    /// An empty vector removes all padding.
    pub fn set_padding(&mut self, pad_before: Vec<f32>) {
        if pad_before != self.pad_before {
            self.pad_before = pad_before;
            self.stack();
        }
    }

    /// Top of block `i` as it would be without padding.
    pub(crate) fn natural_top(&self, i: usize) -> f32 {
        let pad: f32 = self.pad_before.iter().take(i + 1).sum();
        self.tops.get(i).copied().unwrap_or(0.0) - pad
    }

    /// Laid-out block `i`, if it is laid out.
    pub fn block(&self, i: usize) -> Option<&BlockLayout> {
        self.layouts.get(i).and_then(Option::as_ref)
    }

    /// Height of block `i` (estimated when not laid out yet).
    pub fn height(&self, i: usize) -> f32 {
        self.heights.get(i).copied().unwrap_or(0.0)
    }

    /// Blocks intersecting the vertical range `[y0, y1)`.
    pub fn visible(&self, y0: f32, y1: f32) -> std::ops::Range<usize> {
        let start = self.tops.partition_point(|&t| t < y0).saturating_sub(1);
        let end = self.tops.partition_point(|&t| t < y1);
        start..end.max(start)
    }

    /// Index of the block holding paragraph `id`.
    pub fn block_of(&self, id: &str) -> Option<usize> {
        self.blocks
            .iter()
            .position(|b| b.paragraph_id() == Some(id))
    }

    /// Byte offset in the block's display text nearest to a point in block coordinates.
    pub fn offset_at(&self, block: usize, x: f32, y: f32) -> Option<usize> {
        let l = self.block(block)?;
        if let Some(t) = &l.table {
            let c = t.cells.get(t.cell_at(x, y)?)?;
            let h = measure(&c.buffer);
            let y = (y - c.dy).clamp(0.0, (h - 1.0).max(0.0));
            let at = c.buffer.hit(x - c.dx, y).map_or(0, |c| c.index);
            return Some(c.range.start + at.min(c.range.len()));
        }
        let y = y.clamp(0.0, (l.height - 1.0).max(0.0));
        l.buffer.hit(x - l.x_offset, y).map(|c| c.index)
    }

    /// Rectangles (x, y, w, h in block coordinates) covering display range `range` of a block.
    pub fn highlight_rects(&self, block: usize, range: std::ops::Range<usize>) -> Vec<[f32; 4]> {
        self.block(block)
            .map(|l| l.highlight_rects(range))
            .unwrap_or_default()
    }
}
