//! A table's grid under its text: the header rows tinted, thin rules around every cell, in
//! the theme's colours.

use eframe::egui::{self, Pos2, Rect, pos2, vec2};
use qarar_text::layout::BlockLayout;

/// Paint the grid of block `l` (a table) with its top-left corner at `origin`.
pub(super) fn paint(ui: &egui::Ui, l: &BlockLayout, origin: Pos2) {
    let Some(t) = &l.table else {
        return;
    };
    let v = ui.visuals();
    let rule = v.widgets.noninteractive.bg_stroke.color;
    let tint = v.text_color().gamma_multiply(0.07);
    let (left, right) = t.span_x();
    let painter = ui.painter();
    // Only the rows on screen.
    let clip = painter.clip_rect();
    let (y0, y1) = (clip.min.y - origin.y, clip.max.y - origin.y);
    for (r, row) in t.rows.iter().enumerate() {
        if row.top > y1 || row.top + row.height < y0 {
            continue;
        }
        if row.header {
            painter.rect_filled(
                Rect::from_min_size(origin + vec2(left, row.top), vec2(right - left, row.height)),
                0.0,
                tint,
            );
        }
        for [x, y, w, h] in t.row_rules(r, 1.0) {
            painter.rect_filled(
                Rect::from_min_size(pos2(origin.x + x, origin.y + y), vec2(w, h)),
                0.0,
                rule,
            );
        }
    }
}
