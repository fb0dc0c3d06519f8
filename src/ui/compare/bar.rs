//! The compare view's bars: the two documents, the summary (in the documents' language,
//! shaped by cosmic-text), the layout and filter toggles, change navigation and its count.

use super::{CompareView, Layout};
use crate::ui::command::{Command, Commands, with_tooltip};
use crate::ui::i18n::{self, arg, t, ta};
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
        let layout = if i18n::rtl() {
            egui::Layout::right_to_left(egui::Align::Center).with_main_wrap(true)
        } else {
            egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true)
        };
        // One row high to start with, as `horizontal_wrapped` (`with_layout` would take the
        // whole height and leave the changes none).
        let row = egui::vec2(
            ui.available_size_before_wrap().x,
            ui.spacing().interact_size.y,
        );
        ui.allocate_ui_with_layout(row, layout, |ui| {
            let names = ta(
                "compare-old-new",
                &[
                    ("old", arg(self.old_name.clone())),
                    ("new", arg(self.new_name.clone())),
                ],
            );
            i18n::strong(ui, &names);
            ui.separator();
            let inline = self.layout == Layout::Inline;
            if i18n::selectable(ui, inline, &t("compare-inline")).clicked() && !inline {
                queue.push(Command::ToggleCompareLayout);
            }
            if i18n::selectable(ui, !inline, &t("compare-side-by-side")).clicked() && inline {
                queue.push(Command::ToggleCompareLayout);
            }
            ui.separator();
            let mut only = self.substantive_only;
            let resp = i18n::checkbox(ui, &mut only, &Command::ToggleSubstantiveOnly.label());
            if resp.changed() {
                queue.push(Command::ToggleSubstantiveOnly);
            }
            ui.separator();
            for cmd in [Command::PreviousChange, Command::NextChange] {
                let resp = with_tooltip(i18n::button(ui, &cmd.label()), &cmd);
                if resp.clicked() {
                    queue.push(cmd);
                }
            }
            let count = self.count_text();
            let resp = ui.label(&count);
            ui.ctx().accesskit_node_builder(resp.id, |n| {
                n.set_role(Role::Status);
                n.set_label(t("compare-change-count"));
                n.set_value(count.clone());
            });
            if !self.others.is_empty() {
                ui.separator();
                i18n::menu_button(ui, &t("compare-other-versions"), |ui| {
                    for (name, path) in &self.others {
                        if i18n::button(ui, name).clicked() {
                            queue.push(Command::CompareWithFile(path.clone()));
                            ui.close();
                        }
                    }
                });
            }
            ui.separator();
            if i18n::button(ui, &Command::ExportComparison.label()).clicked() {
                queue.push(Command::ExportComparison);
            }
            let resp = with_tooltip(
                i18n::button(ui, &Command::CloseCompare.label()),
                &Command::CloseCompare,
            );
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
            n.set_label(t("compare-summary"));
            n.set_value(text.clone());
        });
        ui.separator();
    }
}
