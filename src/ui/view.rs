//! The document view: laid-out blocks painted as meshes, only those in the viewport, with
//! selection, search and flash highlights, and AccessKit nodes for paragraphs, footnote
//! markers and references.

mod access;
mod grid;
pub(crate) mod links;
mod names;

use super::text_painter::{LabelStyle, Palette, TextPainter, placed};
use eframe::egui::{self, Color32, CursorIcon, Id, Mesh, Pos2, Rect, Sense, pos2, vec2};
use links::{LinkPart, link_id, link_parts};
pub(crate) use names::link_label;
pub(crate) use names::{block_label, paragraph_label};
use qarar_document::{Direction, Document};
use qarar_text::display::{self, Block, Link};
use qarar_text::layout::{DocumentLayout, Typography};
use std::collections::HashMap;
use std::ops::Range;

/// Comfortable measure for reading (points at zoom 1).
pub(crate) const MAX_COLUMN: f32 = 760.0;
pub const MARGIN: f32 = 28.0;

/// A position in the document: block index and byte offset in its display text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TextPos {
    pub block: usize,
    pub offset: usize,
}

/// An annotation's highlight, in display coordinates of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    pub block: usize,
    pub range: Range<usize>,
    pub color: Color32,
    pub id: String,
    pub has_note: bool,
}

/// What the user did in the view this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewEvent {
    /// A highlight or its margin mark was clicked.
    HighlightClicked { id: String, at: Pos2 },
    /// "Highlight paragraph" / "Add note to paragraph" from a paragraph's context menu.
    ParagraphAction { paragraph: String, note: bool },
    /// "Copy citation" from a paragraph's context menu.
    CopyCitation { paragraph: String },
    /// A footnote marker or reference was clicked; `at` is where (screen coordinates).
    LinkClicked { block: usize, link: Link, at: Pos2 },
    /// A click on text that is not a link span.
    ClickedText,
}

#[derive(Clone, Copy, PartialEq)]
struct MeshKey {
    width: u32,
    ppp: u32,
    generation: u64,
    palette: [u8; 4],
    zoom: u32,
}

struct CachedMesh {
    key: MeshKey,
    mesh: Mesh,
    /// Rectangles (block coordinates) of each link span's parts.
    links: Vec<LinkPart>,
}

/// A keyboard scroll of the document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scroll {
    /// A screen less a line, down (1) or up (−1).
    Pages(f32),
    /// A line of body text, down (1) or up (−1).
    Lines(f32),
    Top,
    End,
}

/// The laid-out document and what the view remembers between frames.
pub struct DocumentView {
    pub layout: Option<DocumentLayout>,
    blocks: Vec<Block>,
    meshes: HashMap<usize, CachedMesh>,
    pub selection: Option<(TextPos, TextPos)>,
    drag_anchor: Option<TextPos>,
    /// Search matches (block, display range) and the current one.
    pub matches: Vec<(usize, Range<usize>)>,
    pub(crate) current_match: Option<usize>,
    /// Block to flash and when the flash started.
    pub(crate) flash: Option<(usize, f64)>,
    /// Scroll so that this block's top is at the top of the view on the next frame.
    pub(crate) scroll_to_block: Option<usize>,
    /// Block at the top of the viewport in the last frame.
    pub top_block: Option<usize>,
    /// The block of the last search jump: the reader is there until they scroll on (the
    /// outline highlights it).
    jump: Option<usize>,
    pub direction: Direction,
    /// Canonical targets of the document's references, for AccessKit labels.
    ref_targets: Vec<String>,
    /// Footnote texts by id, for the hover preview.
    footnote_texts: HashMap<String, String>,
    preview_labels: super::text_painter::LabelCache,
    /// Annotation highlights, rebuilt when the annotations change.
    pub highlights: Vec<Highlight>,
    pub(crate) highlights_generation: u64,
    /// Where the selection ends on screen (for the highlight toolbar), last frame.
    pub(crate) selection_tip: Option<Pos2>,
    /// Number of frames painted with the document visible.
    pub(crate) frames_painted: u64,
    /// Distinguishes this view's widgets from another view's in the same window (parallel view).
    pub(crate) salt: u64,
    /// Its own scroll position (each tab keeps where the reader was).
    scroll_id: u64,
    /// Coloured bars in the margin beside blocks (the other language's annotations).
    pub margin_marks: Vec<(usize, Color32)>,
    /// A scroll asked for from the keyboard, applied on the next frame.
    scroll_request: Option<Scroll>,
    /// The visible part of the column in the last frame (content coordinates).
    last_viewport: Rect,
    /// The passages of the last selection asked about.
    passages_cache: std::cell::RefCell<Option<PassagesCache>>,
    /// The document's accessibility nodes, built once per block layout.
    access: access::AccessTree,
}

type PassagesCache = ((TextPos, TextPos), Vec<(String, Range<usize>)>);

impl DocumentView {
    pub fn new(doc: &Document) -> DocumentView {
        DocumentView {
            layout: None,
            blocks: display::blocks(doc),
            meshes: HashMap::new(),
            selection: None,
            drag_anchor: None,
            matches: Vec::new(),
            current_match: None,
            flash: None,
            scroll_to_block: None,
            top_block: None,
            jump: None,
            direction: doc.meta.direction,
            ref_targets: doc.references.iter().map(|r| r.target.clone()).collect(),
            footnote_texts: doc
                .footnotes
                .iter()
                .map(|f| (f.id.clone(), f.text()))
                .collect(),
            preview_labels: Default::default(),
            highlights: Vec::new(),
            highlights_generation: 0,
            selection_tip: None,
            frames_painted: 0,
            salt: 0,
            scroll_id: {
                static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
            margin_marks: Vec::new(),
            scroll_request: None,
            last_viewport: Rect::NOTHING,
            passages_cache: Default::default(),
            access: Default::default(),
        }
    }

    /// Rebuild highlights from anchored annotations.
    /// Scroll so that `block` is at the top on the next frame, and flash it.
    pub fn go_to(&mut self, block: usize, now: f64) {
        self.jump = None;
        self.scroll_to_block = Some(block);
        self.flash = Some((block, now));
    }

    /// Scroll to `block` on the next frame (or not at all), without a flash.
    pub(crate) fn scroll_to(&mut self, block: Option<usize>) {
        self.jump = None;
        self.scroll_to_block = block;
    }

    /// New search matches (none is current yet).
    pub(crate) fn set_matches(&mut self, matches: Vec<(usize, Range<usize>)>) {
        self.matches = matches;
        self.current_match = None;
    }

    pub(crate) fn clear_matches(&mut self) {
        self.set_matches(Vec::new());
    }

    /// Make the next (or previous) match current and scroll to it; wraps around.
    pub(crate) fn step_match(&mut self, forward: bool) {
        let n = self.matches.len();
        if n == 0 {
            return;
        }
        let next = match (self.current_match, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
        self.current_match = Some(next);
        self.jump = Some(self.matches[next].0);
        // Scroll only when the match is not in view already.
        if !self.match_in_view(next) {
            self.scroll_to_block = Some(self.matches[next].0);
        }
        self.flash = None;
    }

    /// The block the reader is at: the last search jump's until the view scrolls on, else
    /// the one at the top of the view.
    pub(crate) fn reading_block(&self) -> Option<usize> {
        self.jump.or(self.top_block)
    }

    pub(crate) fn clear_selection(&mut self) {
        self.selection = None;
    }

    /// Which column of the side-by-side view this view is (0 main, 1 beside); a view that
    /// changes column forgets the other column's margin marks and alignment padding.
    pub(crate) fn set_column(&mut self, salt: u64) {
        self.salt = salt;
        self.leave_side_by_side();
    }

    /// Bars in the margin beside blocks (the other language's annotations).
    pub(crate) fn set_margin_marks(&mut self, marks: Vec<(usize, Color32)>) {
        self.margin_marks = marks;
    }

    /// Drop what the side-by-side view added (margin marks, alignment padding).
    pub(crate) fn leave_side_by_side(&mut self) {
        self.margin_marks.clear();
        if let Some(l) = self.layout.as_mut() {
            l.set_padding(Vec::new());
        }
    }

    pub(crate) fn set_highlights(
        &mut self,
        doc: &Document,
        annotations: &super::annotate::Annotations,
    ) {
        self.highlights.clear();
        for a in &annotations.list {
            let Some(anchor) = annotations.anchors.get(&a.id) else {
                continue;
            };
            let (Some(pid), Some(chars)) = (anchor.paragraph(), anchor.range()) else {
                continue;
            };
            let Some(block) = self
                .blocks
                .iter()
                .position(|b| b.paragraph_id() == Some(pid))
            else {
                continue;
            };
            let Some(p) = doc.paragraph(pid) else {
                continue;
            };
            let text = p.text();
            let byte = |c: usize| qarar_util::byte_of_char(&text, c);
            let d = &self.blocks[block].display;
            let range = d.display_offset(byte(chars.start))..d.display_offset(byte(chars.end));
            let [r, g, b] = a.color.rgb();
            self.highlights.push(Highlight {
                block,
                range,
                color: Color32::from_rgb(r, g, b),
                id: a.id.clone(),
                has_note: a.has_note(),
            });
        }
        self.highlights_generation = annotations.generation;
    }

    /// The selection as passages of paragraphs: (paragraph id, code-point range in its text).
    /// Asked every frame while a selection exists (toolbar, shortcuts): computed once per
    /// selection.
    pub(crate) fn selected_passages(&self, doc: &Document) -> Vec<(String, Range<usize>)> {
        let Some(sel) = self.selection else {
            return Vec::new();
        };
        if let Some((key, passages)) = &*self.passages_cache.borrow()
            && *key == sel
        {
            return passages.clone();
        }
        let passages = self.compute_passages(doc, sel);
        *self.passages_cache.borrow_mut() = Some((sel, passages.clone()));
        passages
    }

    fn compute_passages(
        &self,
        doc: &Document,
        (a, b): (TextPos, TextPos),
    ) -> Vec<(String, Range<usize>)> {
        let (start, end) = if a <= b { (a, b) } else { (b, a) };
        let mut out = Vec::new();
        for block in start.block..=end.block.min(self.blocks.len().saturating_sub(1)) {
            let Some(r) = self.selection_in(block) else {
                continue;
            };
            let b = &self.blocks[block];
            let Some(pid) = b.paragraph_id() else {
                continue;
            };
            let Some(p) = doc.paragraph(pid) else {
                continue;
            };
            let text = p.text();
            let d = &b.display;
            let from = d.text_offset(r.start.max(d.text_start)).unwrap_or(0);
            let to = d.text_offset(r.end.max(d.text_start)).unwrap_or(text.len());
            let to_char = |byte: usize| text[..byte.min(text.len())].chars().count();
            if !text.is_char_boundary(from.min(text.len()))
                || !text.is_char_boundary(to.min(text.len()))
            {
                continue;
            }
            let (cs, ce) = (to_char(from), to_char(to));
            if ce > cs {
                out.push((pid.to_string(), cs..ce));
            }
        }
        out
    }

    /// True while the user is dragging out a selection.
    pub(crate) fn is_selecting(&self) -> bool {
        self.drag_anchor.is_some()
    }

    /// Highlight under a display offset of a block.
    fn highlight_at(&self, block: usize, offset: usize) -> Option<&Highlight> {
        self.highlights
            .iter()
            .rev()
            .find(|h| h.block == block && h.range.start <= offset && offset < h.range.end)
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Make sure the layout matches the column width and typography (re-wrap or reshape only
    /// when they changed).
    pub(crate) fn ensure_layout(
        &mut self,
        painter: &mut TextPainter,
        typo: Typography,
        column: f32,
    ) {
        match &mut self.layout {
            Some(l) => {
                l.update(&mut painter.fonts, typo, column);
            }
            None => {
                self.layout = Some(DocumentLayout::lazy(self.blocks.clone(), typo, column));
            }
        }
    }

    /// The selected text in logical order (what Ctrl+C copies).
    pub fn selected_text(&self) -> Option<String> {
        let (a, b) = self.selection?;
        let (start, end) = if a <= b { (a, b) } else { (b, a) };
        if start == end {
            return None;
        }
        let mut parts = Vec::new();
        for block in start.block..=end.block.min(self.blocks.len().saturating_sub(1)) {
            let d = &self.blocks[block].display;
            let from = if block == start.block {
                start.offset
            } else {
                0
            };
            let to = if block == end.block {
                end.offset
            } else {
                d.text.len()
            };
            let s = d.logical(from..to.max(from));
            if !s.trim().is_empty() {
                parts.push(s.trim().to_string());
            }
        }
        (!parts.is_empty()).then(|| parts.join("\n\n"))
    }

    pub(crate) fn select_all(&mut self) {
        if let Some(last) = self.blocks.len().checked_sub(1) {
            self.selection = Some((
                TextPos {
                    block: 0,
                    offset: 0,
                },
                TextPos {
                    block: last,
                    offset: self.blocks[last].display.text.len(),
                },
            ));
        }
    }

    /// Selected display range within one block, if any.
    fn selection_in(&self, block: usize) -> Option<Range<usize>> {
        let (a, b) = self.selection?;
        let (start, end) = if a <= b { (a, b) } else { (b, a) };
        if block < start.block || block > end.block || start == end {
            return None;
        }
        let len = self.blocks[block].display.text.len();
        let from = if block == start.block {
            start.offset
        } else {
            0
        };
        let to = if block == end.block { end.offset } else { len };
        (to > from).then_some(from..to)
    }

    fn column_geometry(&self, avail: Rect, zoom: f32) -> (f32, f32) {
        let column = (avail.width() - 2.0 * MARGIN).clamp(120.0, MAX_COLUMN * zoom);
        let left =
            avail.left() + ((avail.width() - column) / 2.0).max(MARGIN.min(avail.width() / 8.0));
        (left, column)
    }

    /// Lay out for a column of `column` points, and, when a jump is pending, everything above
    /// its target (so it lands exactly in a viewport `view_height` high).
    pub fn prepare(
        &mut self,
        painter: &mut TextPainter,
        typo: Typography,
        column: f32,
        view_height: f32,
    ) {
        self.ensure_layout(painter, typo, column);
        if let Some(b) = self.scroll_to_block
            && let Some(layout) = self.layout.as_mut()
        {
            let y = layout.tops.get(b).copied().unwrap_or(0.0);
            layout.ensure_visible(&mut painter.fonts, 0.0, y + view_height);
            let y = layout.tops.get(b).copied().unwrap_or(0.0);
            layout.ensure_visible(&mut painter.fonts, 0.0, y + view_height);
        }
    }

    /// Scroll from the keyboard on the next frame.
    pub(crate) fn request_scroll(&mut self, scroll: Scroll) {
        self.jump = None;
        self.scroll_request = Some(scroll);
    }

    /// The scroll offset that puts a pending jump target at the top (and forgets the jump),
    /// or that a keyboard scroll asks for.
    pub(crate) fn take_scroll_target(&mut self) -> Option<f32> {
        if let Some(s) = self.scroll_request.take() {
            return self.keyboard_offset(s);
        }
        let b = self.scroll_to_block.take()?;
        let top = self.layout.as_ref()?.tops.get(b).copied()?;
        Some((top + MARGIN - 12.0).max(0.0))
    }

    /// Where a keyboard scroll goes from the last frame's position.
    fn keyboard_offset(&self, s: Scroll) -> Option<f32> {
        let layout = self.layout.as_ref()?;
        let view = self.last_viewport;
        if !view.is_positive() {
            return None;
        }
        let t = layout.typography;
        let line = t.body_size * t.zoom * t.line_height;
        let max = (self.content_height() - view.height()).max(0.0);
        let y = match s {
            Scroll::Pages(n) => view.top() + n * (view.height() - line).max(line),
            Scroll::Lines(n) => view.top() + n * line,
            Scroll::Top => 0.0,
            Scroll::End => max,
        };
        Some(y.clamp(0.0, max))
    }

    /// Identity of this view's scroll position.
    pub(crate) fn scroll_id(&self) -> u64 {
        self.scroll_id
    }

    /// Height of the whole column, margins included.
    pub(crate) fn content_height(&self) -> f32 {
        self.layout
            .as_ref()
            .map(|l| l.total_height + 2.0 * MARGIN)
            .unwrap_or(0.0)
    }

    /// Show the view in the remaining space of `ui`. Returns what the user did.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        typo: Typography,
    ) -> Vec<ViewEvent> {
        let mut events = Vec::new();
        let avail = ui.available_rect_before_wrap();
        let (_, column) = self.column_geometry(avail, typo.zoom);
        self.prepare(painter, typo, column, avail.height());
        if self.layout.is_none() {
            return events;
        }
        let total = self.content_height();
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt(("document", self.scroll_id))
            .auto_shrink([false, false]);
        if let Some(y) = self.take_scroll_target() {
            scroll = scroll.vertical_scroll_offset(y);
        }
        let palette = Palette::for_visuals(ui.visuals().dark_mode);
        scroll.show_viewport(ui, |ui, viewport| {
            ui.set_min_height(total);
            ui.set_min_width(ui.available_width());
            let content = ui.max_rect();
            let (col_left, _) = self.column_geometry(content, typo.zoom);
            let origin = pos2(col_left, content.top() + MARGIN);
            self.paint_visible(ui, painter, &palette, origin, viewport, &mut events);
        });
        events
    }

    /// Paint the blocks inside `viewport` (content coordinates, as `show_viewport` gives it),
    /// with the column's top-left corner at `origin`; collect what the user did.
    pub(crate) fn paint_visible(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        palette: &Palette,
        origin: Pos2,
        viewport: Rect,
        events: &mut Vec<ViewEvent>,
    ) {
        self.access_requests(ui);
        self.last_viewport = viewport;
        let y0 = viewport.top() - MARGIN;
        let y1 = viewport.bottom() - MARGIN;
        // The layout is taken out while painting (the blocks' state is changed beside it).
        let Some(mut layout) = self.layout.take() else {
            return;
        };
        layout.ensure_visible(&mut painter.fonts, y0, y1);
        if !layout.is_complete() {
            // Lay out the rest a little at a time, so heights become exact without a stall.
            layout.layout_some(&mut painter.fonts, std::time::Duration::from_millis(4));
            layout.ensure_visible(&mut painter.fonts, y0, y1);
            ui.ctx().request_repaint();
        }
        self.selection_tip = None;
        let top_block =
            (0..layout.tops.len()).find(|&i| layout.tops[i] + layout.height(i) > y0 + 4.0);
        // Scrolling by hand (wheel, scroll bar) leaves the place of a search jump.
        let scrolled = ui.input(|i| {
            i.smooth_scroll_delta().y != 0.0
                || (i.pointer.primary_down() && i.pointer.is_decidedly_dragging())
        });
        if scrolled {
            self.jump = None;
        }
        if top_block != self.top_block {
            // The outline, drawn before the view, highlights the entry of the top block.
            self.top_block = top_block;
            ui.ctx().request_repaint();
        }
        let key = MeshKey {
            width: layout.column_width.to_bits(),
            ppp: ui.ctx().pixels_per_point().to_bits(),
            generation: painter.atlas.generation,
            palette: palette.body.to_array(),
            zoom: layout.typography.zoom.to_bits(),
        };
        for i in layout.visible(y0, y1) {
            let Some(l) = layout.block(i) else {
                continue;
            };
            let block_origin = origin + vec2(0.0, layout.tops[i]);
            let block_rect = Rect::from_min_size(block_origin, vec2(layout.column_width, l.height));
            // Painting a block may start a new glyph atlas: the generation is read each time.
            let key = MeshKey {
                generation: painter.atlas.generation,
                ..key
            };
            if self.meshes.get(&i).is_none_or(|c| c.key != key) {
                let mesh = painter.block_mesh(ui.ctx(), l, palette);
                let links = link_parts(l);
                let key = MeshKey {
                    generation: painter.atlas.generation,
                    ..key
                };
                self.meshes.insert(i, CachedMesh { key, mesh, links });
            }
            grid::paint(ui, l, block_origin);
            self.paint_backgrounds(ui, &layout, i, block_rect, events);
            if let Some(c) = self.meshes.get(&i) {
                ui.painter()
                    .add(egui::Shape::mesh(placed(&c.mesh, block_origin)));
            }
            self.interact_block(ui, &layout, i, block_rect, events);
            self.interact_links(ui, painter, i, block_origin, events);
        }
        self.extend_drag(ui, &layout, origin);
        let painted = layout.visible(y0, y1);
        self.access
            .emit(ui, self.salt, &layout, &self.ref_targets, origin, painted);
        self.layout = Some(layout);
        self.frames_painted += 1;
    }

    /// What lies under a block's glyphs: the flash of a jump, search matches, annotation
    /// highlights (with their note marks), the other language's bars, the selection.
    fn paint_backgrounds(
        &mut self,
        ui: &mut egui::Ui,
        layout: &DocumentLayout,
        i: usize,
        block_rect: Rect,
        events: &mut Vec<ViewEvent>,
    ) {
        let block_origin = block_rect.min;
        let fill = |ui: &egui::Ui, [x, y, w, h]: [f32; 4], radius: f32, color: Color32| {
            ui.painter().rect_filled(
                Rect::from_min_size(block_origin + vec2(x, y), vec2(w, h)),
                radius,
                color,
            );
        };
        if let Some((b, t0)) = self.flash
            && b == i
        {
            let age = (ui.input(|i| i.time) - t0) as f32;
            if age < 1.6 {
                let a = ((1.6 - age) / 1.6 * 70.0) as u8;
                ui.painter().rect_filled(
                    block_rect.expand(6.0),
                    4.0,
                    Color32::from_rgba_unmultiplied(255, 210, 60, a),
                );
                ui.ctx().request_repaint();
            } else {
                self.flash = None;
            }
        }
        let match_color = Color32::from_rgba_unmultiplied(255, 200, 0, 90);
        let current_color = Color32::from_rgba_unmultiplied(255, 140, 0, 150);
        for (n, (b, r)) in self.matches.iter().enumerate() {
            if *b == i {
                let color = if Some(n) == self.current_match {
                    current_color
                } else {
                    match_color
                };
                for rect in layout.highlight_rects(i, r.clone()) {
                    fill(ui, rect, 2.0, color);
                }
            }
        }
        let dark = ui.visuals().dark_mode;
        for h in self.highlights.iter().filter(|h| h.block == i) {
            let color = highlight_fill(h.color, dark);
            let rects = layout.highlight_rects(i, h.range.clone());
            for rect in &rects {
                fill(ui, *rect, 2.0, color);
            }
            // A margin mark on the reading-start side shows where notes are.
            if h.has_note
                && let Some([_, y, _, hh]) = rects.first()
            {
                let x = match self.direction {
                    Direction::Rtl => block_rect.right() + 10.0,
                    Direction::Ltr => block_rect.left() - 16.0,
                };
                let mark =
                    Rect::from_min_size(pos2(x, block_origin.y + y + 4.0), vec2(6.0, hh - 8.0));
                ui.painter().rect_filled(mark, 3.0, h.color);
                let mid = Id::unique(("qarar-note-mark", self.salt, &h.id));
                let mr = ui.interact(mark.expand(4.0), mid, Sense::click());
                let label = crate::ui::i18n::ta(
                    "view-note-on",
                    &[("block", crate::ui::i18n::arg(block_label(&self.blocks[i])))],
                );
                mr.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &label)
                });
                if mr.on_hover_cursor(CursorIcon::PointingHand).clicked() {
                    events.push(ViewEvent::HighlightClicked {
                        id: h.id.clone(),
                        at: mark.right_bottom(),
                    });
                }
            }
        }
        // The other language's annotations on this paragraph: a bar in the margin.
        for (n, (_, color)) in self
            .margin_marks
            .iter()
            .filter(|(b, _)| *b == i)
            .enumerate()
        {
            let x = match self.direction {
                Direction::Rtl => block_rect.right() + 10.0 + n as f32 * 5.0,
                Direction::Ltr => block_rect.left() - 14.0 - n as f32 * 5.0,
            };
            let bar = Rect::from_min_size(
                pos2(x, block_rect.top() + 4.0),
                vec2(3.0, (block_rect.height() - 8.0).max(6.0)),
            );
            ui.painter().rect_filled(bar, 1.5, *color);
        }
        if let Some(r) = self.selection_in(i) {
            let rects = layout.highlight_rects(i, r);
            if let Some([x, y, w, hh]) = rects.last() {
                self.selection_tip = Some(block_origin + vec2(x + w / 2.0, y + hh));
            }
            let sel_color = ui.visuals().selection.bg_fill.gamma_multiply(0.55);
            for rect in rects {
                fill(ui, rect, 0.0, sel_color);
            }
        }
    }

    /// The block as a widget: selection by dragging, a click (on a highlight or on text),
    /// its context menu, and its AccessKit paragraph node.
    fn interact_block(
        &mut self,
        ui: &mut egui::Ui,
        layout: &DocumentLayout,
        i: usize,
        block_rect: Rect,
        events: &mut Vec<ViewEvent>,
    ) {
        let block_origin = block_rect.min;
        let pointer = ui.input(|i| i.pointer.interact_pos());
        let block = &self.blocks[i];
        // Its accessibility node is the one `access` keeps for the block.
        let id = access::block_id(self.salt, i);
        let resp = ui.interact(block_rect, id, Sense::click_and_drag());
        if resp.hovered() {
            ui.ctx().set_cursor_icon(CursorIcon::Text);
        }
        if let Some(pid) = block.paragraph_id() {
            paragraph_menu(&resp, pid, events);
        }
        if resp.drag_started()
            && let Some(p) = ui.input(|i| i.pointer.press_origin()).or(pointer)
        {
            let pos = pos_at(layout, i, block_origin, p);
            self.drag_anchor = Some(pos);
            self.selection = Some((pos, pos));
        }
        if resp.clicked() {
            self.selection = None;
            let hit = pointer.and_then(|p| {
                let pos = pos_at(layout, i, block_origin, p);
                self.highlight_at(i, pos.offset).map(|h| (h.id.clone(), p))
            });
            events.push(match hit {
                Some((id, at)) => ViewEvent::HighlightClicked { id, at },
                None => ViewEvent::ClickedText,
            });
        }
    }

    /// Each footnote marker and reference of a block: a link (AccessKit), a pointer, a
    /// preview of the footnote on hover, a popup on click.
    fn interact_links(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        i: usize,
        block_origin: Pos2,
        events: &mut Vec<ViewEvent>,
    ) {
        let links = self
            .meshes
            .get(&i)
            .map(|c| c.links.clone())
            .unwrap_or_default();
        let block = &self.blocks[i];
        for part in links {
            let Some(link) = block.display.links.get(part.link - 1) else {
                continue;
            };
            let rect = part.rect.translate(block_origin.to_vec2());
            // Its accessibility node (a link inside the block's text) comes from `access`.
            let hid = link_id(self.salt, i, part.link, part.part);
            let r = ui.interact(rect, hid, Sense::click());
            let mut r = r.on_hover_cursor(CursorIcon::PointingHand);
            // Hovering a footnote marker previews the footnote.
            if let Link::Footnote { id, .. } = link
                && let Some(text) = self.footnote_texts.get(id)
            {
                let labels = &mut self.preview_labels;
                let direction = self.direction;
                r = r.on_hover_ui(|ui| {
                    let style = LabelStyle::new(16.0, ui.visuals().text_color(), direction, 320.0);
                    painter.show_label(ui, labels, text, style);
                });
            }
            if r.clicked() {
                events.push(ViewEvent::LinkClicked {
                    block: i,
                    link: link.clone(),
                    at: rect.left_bottom(),
                });
            }
        }
    }

    /// Dragging across blocks extends the selection to wherever the pointer is.
    fn extend_drag(&mut self, ui: &egui::Ui, layout: &DocumentLayout, origin: Pos2) {
        let Some(anchor) = self.drag_anchor else {
            return;
        };
        let (down, pointer) = ui.input(|i| (i.pointer.primary_down(), i.pointer.interact_pos()));
        if let Some(p) = pointer {
            let y = p.y - origin.y;
            let block = layout
                .tops
                .partition_point(|&t| t <= y)
                .saturating_sub(1)
                .min(self.blocks.len().saturating_sub(1));
            let block_origin = origin + vec2(0.0, layout.tops[block]);
            let focus = pos_at(layout, block, block_origin, p);
            self.selection = Some((anchor, focus));
        }
        if !down {
            self.drag_anchor = None;
        }
    }
}

/// The text position under a point (a block's text, by its layout).
fn pos_at(layout: &DocumentLayout, block: usize, block_origin: Pos2, p: Pos2) -> TextPos {
    let offset = layout
        .offset_at(block, p.x - block_origin.x, p.y - block_origin.y)
        .unwrap_or(0);
    TextPos { block, offset }
}

/// The fill of an annotation's highlight (the reader's and the compare view's).
pub(crate) fn highlight_fill(color: Color32, dark: bool) -> Color32 {
    color.gamma_multiply(if dark { 0.45 } else { 0.5 })
}

/// A paragraph's context menu: highlight it, add a note to it, copy its citation.
fn paragraph_menu(resp: &egui::Response, pid: &str, events: &mut Vec<ViewEvent>) {
    resp.context_menu(|ui| {
        use crate::ui::i18n::{button, t};
        if button(ui, &t("view-highlight-paragraph")).clicked() {
            events.push(ViewEvent::ParagraphAction {
                paragraph: pid.to_string(),
                note: false,
            });
            ui.close();
        }
        if button(ui, &t("view-note-paragraph")).clicked() {
            events.push(ViewEvent::ParagraphAction {
                paragraph: pid.to_string(),
                note: true,
            });
            ui.close();
        }
        ui.separator();
        if button(ui, &t("cmd-copy-citation")).clicked() {
            events.push(ViewEvent::CopyCitation {
                paragraph: pid.to_string(),
            });
            ui.close();
        }
    });
}
