//! Small widgets shared by the panes and windows.

use eframe::egui;

/// Which pane a toolbar toggle opens.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum PaneIcon {
    Outline,
    Annotations,
    Library,
}

/// A small toolbar toggle drawn as an icon (a nested list, or a highlighted line), announced
/// to screen readers by name.
pub(crate) fn pane_toggle(ui: &mut egui::Ui, on: bool, icon: PaneIcon) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(26.0, 18.0), egui::Sense::click());
    let v = ui.visuals();
    let fill = if on {
        v.selection.bg_fill
    } else if resp.hovered() {
        v.widgets.hovered.weak_bg_fill
    } else {
        egui::Color32::TRANSPARENT
    };
    let ink = if on {
        v.selection.stroke.color
    } else {
        v.text_color()
    };
    let p = ui.painter();
    p.rect_filled(rect, 3.0, fill);
    let stroke = egui::Stroke::new(1.6, ink);
    let (l, r, t) = (rect.left() + 6.0, rect.right() - 6.0, rect.top() + 5.0);
    match icon {
        PaneIcon::Outline => {
            for (i, indent) in [0.0, 4.0, 4.0].into_iter().enumerate() {
                let y = t + i as f32 * 4.0;
                p.line_segment([egui::pos2(l + indent, y), egui::pos2(r, y)], stroke);
            }
        }
        PaneIcon::Library => {
            // Three books on a shelf.
            for (i, h) in [9.0, 11.0, 8.0].into_iter().enumerate() {
                let x = l + i as f32 * 5.0;
                let book = egui::Rect::from_min_max(
                    egui::pos2(x, rect.bottom() - 4.0 - h),
                    egui::pos2(x + 3.0, rect.bottom() - 4.0),
                );
                p.rect_stroke(book, 0.5, stroke, egui::StrokeKind::Inside);
            }
            p.line_segment(
                [
                    egui::pos2(l - 1.0, rect.bottom() - 3.5),
                    egui::pos2(r, rect.bottom() - 3.5),
                ],
                stroke,
            );
        }
        PaneIcon::Annotations => {
            let band = egui::Rect::from_min_max(egui::pos2(l, t - 1.0), egui::pos2(r, t + 4.0));
            p.rect_filled(band, 1.0, egui::Color32::from_rgb(250, 220, 80));
            for i in 0..2 {
                let y = t + 1.5 + i as f32 * 5.0;
                p.line_segment([egui::pos2(l, y), egui::pos2(r, y)], stroke);
            }
        }
    }
    let name = super::i18n::t(match icon {
        PaneIcon::Outline => "pane-outline",
        PaneIcon::Annotations => "pane-annotations",
        PaneIcon::Library => "pane-library",
    });
    let selected = on;
    resp.widget_info(|| {
        egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, selected, &name)
    });
    resp
}
