//! Two languages of one resolution side by side: one scroll area, two columns, each in its
//! own direction (the right-to-left one on the right), paragraphs with the same id starting
//! at the same height, so that scrolling moves both together.

use super::document::{OpenDocument, Side};
use super::text_painter::{Palette, TextPainter};
use super::view::{MARGIN, MAX_COLUMN, ViewEvent};
use eframe::egui::{self, Color32, pos2};
use qarar_document::Direction;
use qarar_text::align;
use qarar_text::layout::Typography;

/// Space between the two columns.
const GUTTER: f32 = 36.0;

/// Show `cur` and the document beside it. `typo_of` gives each language its typography.
pub fn ui(
    ui: &mut egui::Ui,
    painter: &mut TextPainter,
    cur: &mut OpenDocument,
    typo_of: &dyn Fn(Direction) -> Typography,
) -> Vec<(Side, ViewEvent)> {
    let mut events = Vec::new();
    let Some(other) = cur.beside.as_deref_mut() else {
        return events;
    };
    let avail = ui.available_rect_before_wrap();
    let typo_main = typo_of(cur.doc.meta.direction);
    let typo_other = typo_of(other.doc.meta.direction);
    let half = ((avail.width() - GUTTER) / 2.0).max(100.0);
    let column = (half - MARGIN).clamp(100.0, MAX_COLUMN * typo_main.zoom);
    let h = avail.height();
    cur.view.prepare(painter, typo_main, column, h);
    other.view.prepare(painter, typo_other, column, h);
    // Alignment needs exact heights: lay out both completely (once per width or zoom).
    // Anything that changes heights: width, zoom, justification, font sizes.
    let key = (
        column.to_bits(),
        typo_main.zoom.to_bits(),
        (typo_main.justify as u64) << 32
            | u64::from(typo_main.body_size.to_bits() ^ typo_other.body_size.to_bits()),
        cur.annotations.generation,
        other.annotations.generation,
    );
    if cur.aligned_for != Some(key) {
        if let (Some(a), Some(b)) = (cur.view.layout.as_mut(), other.view.layout.as_mut()) {
            a.layout_all(&mut painter.fonts);
            b.layout_all(&mut painter.fonts);
            let (pa, pb) = align::padding(a, b);
            a.set_padding(pa);
            b.set_padding(pb);
        }
        // Each side shows the other's annotations as bars beside the paragraph.
        other.view.set_margin_marks(marks(&cur.view, &other.view));
        cur.view.set_margin_marks(marks(&other.view, &cur.view));
        cur.aligned_for = Some(key);
    }
    // One selection at a time: starting one in a column clears the other's (Ctrl+C copies
    // what was selected last).
    if cur.view.is_selecting() {
        other.view.clear_selection();
    } else if other.view.is_selecting() {
        cur.view.clear_selection();
    }
    let total = cur.view.content_height().max(other.view.content_height());
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt(("parallel", cur.view.scroll_id()))
        .auto_shrink([false, false]);
    if let Some(y) = cur
        .view
        .take_scroll_target()
        .or(other.view.take_scroll_target())
    {
        scroll = scroll.vertical_scroll_offset(y);
    }
    let palette = Palette::for_visuals(ui.visuals().dark_mode);
    scroll.show_viewport(ui, |ui, viewport| {
        ui.set_min_height(total);
        ui.set_min_width(ui.available_width());
        let content = ui.max_rect();
        let left_half = content.left();
        let right_half = content.left() + half + GUTTER;
        let inset = ((half - column) / 2.0).max(0.0);
        let (main_x, other_x) = match cur.doc.meta.direction {
            Direction::Rtl => (right_half + inset, left_half + inset),
            Direction::Ltr => (left_half + inset, right_half + inset),
        };
        let y = content.top() + MARGIN;
        let mut main_events = Vec::new();
        cur.view.paint_visible(
            ui,
            painter,
            &palette,
            pos2(main_x, y),
            viewport,
            &mut main_events,
        );
        let mut other_events = Vec::new();
        other.view.paint_visible(
            ui,
            painter,
            &palette,
            pos2(other_x, y),
            viewport,
            &mut other_events,
        );
        let x = content.left() + half + GUTTER / 2.0;
        let top = content.top() + viewport.top();
        ui.painter().vline(
            x,
            top..=top + viewport.height(),
            ui.visuals().widgets.noninteractive.bg_stroke,
        );
        events.extend(main_events.into_iter().map(|e| (Side::Main, e)));
        events.extend(other_events.into_iter().map(|e| (Side::Beside, e)));
    });
    events
}

/// Bars for `to`'s blocks whose paragraph has an annotation in `from` (matched by id).
fn marks(
    from: &super::view::DocumentView,
    to: &super::view::DocumentView,
) -> Vec<(usize, Color32)> {
    let mut out: Vec<(usize, Color32)> = Vec::new();
    for h in &from.highlights {
        let Some(pid) = from.blocks().get(h.block).and_then(|b| b.paragraph_id()) else {
            continue;
        };
        let Some(b) = to
            .blocks()
            .iter()
            .position(|b| b.paragraph_id() == Some(pid))
        else {
            continue;
        };
        if !out.iter().any(|(x, c)| *x == b && *c == h.color) {
            out.push((b, h.color));
        }
    }
    out
}
