//! The list of changes beside the compare view (where the reader's outline stands): every
//! change navigation goes through, numbered, with its label and kind in the documents'
//! language (shaped by cosmic-text), coloured by kind; a click goes to it.

use super::CompareView;
use crate::ui::text_painter::{LabelStyle, TextPainter};
use eframe::egui::{self, Color32};
use qarar_compare::{Class, Status};
use qarar_export::compare::{change_ids, change_kind, labels};

/// The colour of a change's entry: inserted green, deleted red, moved, split and merged
/// amber, substantive rewording orange, minor changes blue.
pub(crate) fn kind_colour(status: Status, class: Option<Class>, dark: bool) -> Color32 {
    let (light, darker) = match (status, class) {
        (Status::Inserted, _) => ((0x1E, 0x8A, 0x40), (0x6C, 0xD0, 0x8C)),
        (Status::Deleted, _) => ((0xB8, 0x2A, 0x2A), (0xF0, 0x80, 0x80)),
        (Status::Moved | Status::Split | Status::Merged, _) => {
            ((0x9A, 0x60, 0x08), (0xE8, 0xB0, 0x50))
        }
        (_, Some(Class::Substantive)) => ((0xB0, 0x60, 0x10), (0xF0, 0xA0, 0x50)),
        _ => ((0x30, 0x5C, 0xA8), (0x8F, 0xB4, 0xF0)),
    };
    let (r, g, b) = if dark { darker } else { light };
    Color32::from_rgb(r, g, b)
}

impl CompareView {
    /// The list entry of the `k`-th change navigation goes through ("3. 12 — changed,
    /// substantive"), in the documents' language; direction marks keep the number, an id in
    /// Latin letters and the kind apart in right-to-left text.
    pub fn entry_text(&self, k: usize) -> Option<String> {
        let i = *self.navigable().get(k)?;
        let c = self.comparison.changes.get(i)?;
        // A numbered unit by its number; an unnumbered one (a preambular paragraph) by its
        // first words as the outline names it; ids (Latin) only when there is no text.
        let name = match c.name(3) {
            words if words.is_empty() => change_ids(c),
            name => name,
        };
        // Isolated, so that Latin ids or a bracketed label keep their own order.
        let name = format!("\u{2068}{name}\u{2069}");
        let mark = match self.direction() {
            qarar_document::Direction::Rtl => '\u{200F}',
            qarar_document::Direction::Ltr => '\u{200E}',
        };
        let kind = change_kind(c, labels(self.language()));
        Some(format!("{}.{mark} {name}{mark} — {kind}", k + 1))
    }

    /// The list of changes; a click makes a change current and brings it into view.
    pub(crate) fn changes_list(&mut self, ui: &mut egui::Ui, painter: &mut TextPainter) {
        let nav = self.navigable();
        let dir = self.direction();
        let dark = ui.visuals().dark_mode;
        let selected = ui.visuals().selection.bg_fill;
        let mut clicked = None;
        crate::ui::i18n::strong(
            ui,
            &crate::ui::i18n::ta(
                "compare-changes",
                &[("count", crate::ui::i18n::number(nav.len()))],
            ),
        );
        // The entries' texts, made once per filter (not every frame).
        if self.list_texts.as_ref().map(|(only, _)| *only) != Some(self.substantive_only) {
            let texts = (0..nav.len())
                .map(|k| self.entry_text(k).unwrap_or_default())
                .collect();
            self.list_texts = Some((self.substantive_only, texts));
        }
        let texts = self.list_texts.take().map(|(_, t)| t).unwrap_or_default();
        egui::ScrollArea::vertical()
            .id_salt("qarar-compare-list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = ui.available_width();
                for (k, &i) in nav.iter().enumerate() {
                    let (Some(c), Some(text)) = (self.comparison.changes.get(i), texts.get(k))
                    else {
                        continue;
                    };
                    let colour = kind_colour(c.status, c.class, dark);
                    let style = LabelStyle::new(14.0, colour, dir, width).line_height(1.4);
                    let label = painter.label(ui.ctx(), &mut self.labels, text, style);
                    let (rect, resp) = ui.allocate_exact_size(label.size, egui::Sense::click());
                    if self.current == Some(k) {
                        ui.painter().rect_filled(rect, 3.0, selected);
                    }
                    crate::ui::text_painter::paint_label(ui.painter(), &label, rect.min);
                    resp.widget_info(move || {
                        egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, text)
                    });
                    if resp.clicked() {
                        clicked = Some(k);
                    }
                }
            });
        self.list_texts = Some((self.substantive_only, texts));
        if let Some(k) = clicked {
            self.current = Some(k);
            self.scroll_to = nav.get(k).copied();
        }
    }
}
