//! The compare view's bars: the two documents, the summary (in the documents' language,
//! shaped by cosmic-text), the layout and filter toggles, change navigation and its count.

use super::{CompareView, Layout};
use crate::ui::command::{Command, Commands, with_tooltip};
use crate::ui::text_painter::{LabelStyle, TextPainter, paint_label};
use eframe::egui::{self, accesskit::Role};

impl CompareView {
    /// The bars above the text; pushes the commands chosen.
    pub(crate) fn bars(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        queue: &mut Commands,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("Old: {} · New: {}", self.old_name, self.new_name));
            ui.separator();
            let inline = self.layout == Layout::Inline;
            if ui.selectable_label(inline, "Inline").clicked() && !inline {
                queue.push(Command::ToggleCompareLayout);
            }
            if ui.selectable_label(!inline, "Side by side").clicked() && inline {
                queue.push(Command::ToggleCompareLayout);
            }
            ui.separator();
            let mut only = self.substantive_only;
            let resp = ui.checkbox(&mut only, "Substantive only");
            if resp.changed() {
                queue.push(Command::ToggleSubstantiveOnly);
            }
            ui.separator();
            for (cmd, text) in [
                (Command::PreviousChange, "Previous change"),
                (Command::NextChange, "Next change"),
            ] {
                let resp = with_tooltip(ui.button(text), &cmd);
                if resp.clicked() {
                    queue.push(cmd);
                }
            }
            let count = self.count_text();
            let resp = ui.label(&count);
            ui.ctx().accesskit_node_builder(resp.id, |n| {
                n.set_role(Role::Status);
                n.set_label("Change count");
                n.set_value(count.clone());
            });
            if !self.others.is_empty() {
                ui.separator();
                ui.menu_button("Other earlier versions", |ui| {
                    for (name, path) in &self.others {
                        if ui.button(name).clicked() {
                            queue.push(Command::CompareWithFile(path.clone()));
                            ui.close();
                        }
                    }
                });
            }
            ui.separator();
            if ui.button("Export comparison…").clicked() {
                queue.push(Command::ExportComparison);
            }
            let resp = with_tooltip(ui.button("Close comparison"), &Command::CloseCompare);
            if resp.clicked() {
                queue.push(Command::CloseCompare);
            }
        });
        self.summary_bar(ui, painter);
    }

    /// "4 substantive · 2 mechanical · 1 moved …", in the documents' language and direction.
    fn summary_bar(&mut self, ui: &mut egui::Ui, painter: &mut TextPainter) {
        let text = self.summary_text();
        let dir = self.direction();
        let width = ui.available_width();
        let style = LabelStyle::new(15.0, ui.visuals().text_color(), dir, width).line_height(1.4);
        let label = painter.label(ui.ctx(), &mut self.labels, &text, style);
        let (rect, resp) = ui.allocate_exact_size(label.size, egui::Sense::hover());
        // A right-to-left label is set against the right edge of its box.
        paint_label(ui.painter(), &label, rect.min);
        ui.ctx().accesskit_node_builder(resp.id, |n| {
            n.set_role(Role::Status);
            n.set_label("Compare summary");
            n.set_value(text.clone());
        });
        ui.separator();
    }
}
