//! The windows over the document: the note editor, the highlight bar under a selection,
//! resolution details and parser notes.

use super::run::in_new_tab;
use super::{CitedBy, ReaderApp};
use crate::ui::command::{Command, Commands, with_tooltip};
use crate::ui::note_widget::note_editor_ui;
use crate::ui::text_painter::{LabelCache, LabelStyle, TextPainter};
use eframe::egui;
use qarar_annotations::Color;
use qarar_document::{Direction, Language};
use qarar_library::LibraryIndex;
use std::path::PathBuf;

impl ReaderApp {
    pub(super) fn note_window(&mut self, ctx: &egui::Context) {
        let Some(id) = self.editing.as_ref().map(|e| e.id.clone()) else {
            return;
        };
        let Some((quote, color)) = self
            .current()
            .and_then(|c| c.annotations.get(&id))
            .map(|a| (a.quote.exact.clone(), a.color))
        else {
            self.editing = None;
            return;
        };
        let direction = self.direction();
        let mut open = true;
        let mut done = false;
        let mut delete = false;
        let mut recolor = None;
        egui::Window::new("Note")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_pos(ctx.content_rect().right_top() + egui::vec2(-420.0, 80.0))
            .show(ctx, |ui| {
                let Some(e) = self.editing.as_mut() else {
                    return;
                };
                let style = LabelStyle::new(15.0, ui.visuals().weak_text_color(), direction, 356.0);
                let q = qarar_util::first_words(&quote, 24);
                self.painter.show_label(ui, &mut e.labels, &q, style);
                ui.add_space(4.0);
                let resp = note_editor_ui(
                    ui,
                    &mut self.painter,
                    &mut e.editor,
                    &mut e.mesh,
                    356.0,
                    "Note text",
                );
                if e.focus {
                    resp.request_focus();
                    e.focus = false;
                }
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    ui.label("Tags:");
                    crate::ui::search::line_edit_labeled(
                        ui,
                        &mut self.painter,
                        &mut e.labels,
                        &mut e.tags,
                        300.0,
                        "Tags",
                    );
                });
                recolor = colour_swatches(ui, color);
                ui.separator();
                ui.horizontal(|ui| {
                    done = ui.button("Done").clicked();
                    delete = ui.button("Delete highlight").clicked();
                });
            });
        if let (Some(c), Some(cur)) = (recolor, self.tabs.current_mut()) {
            cur.annotations.update(&cur.doc, &id, |a| a.set_color(c));
        }
        if delete {
            self.commands.push(Command::DeleteAnnotation(id));
        } else if done || !open {
            self.close_note();
        }
    }

    /// The colours under a selection (keys 1–6) and *Note…* (N).
    pub(super) fn selection_toolbar(&mut self, ctx: &egui::Context) {
        let Some(cur) = self.current() else {
            return;
        };
        let dragging = cur.view.is_selecting();
        let Some(tip) = cur
            .view
            .selection_tip
            .filter(|_| !dragging && self.editing.is_none())
        else {
            return;
        };
        if cur.view.selected_passages(&cur.doc).is_empty() {
            return;
        }
        let q = &mut self.commands;
        egui::Area::new(egui::Id::unique("qarar-highlight-bar"))
            .order(egui::Order::Foreground)
            .fixed_pos(tip + egui::vec2(-110.0, 6.0))
            .constrain(true)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| highlight_bar(ui, q));
                });
            });
    }

    pub(super) fn parser_notes_window(&mut self, ctx: &egui::Context) {
        if !self.windows.parser_notes {
            return;
        }
        let Some(c) = self.tabs.current() else {
            self.windows.parser_notes = false;
            return;
        };
        let mut open = true;
        let painter = &mut self.painter;
        let labels = &mut self.windows.labels;
        egui::Window::new("Parser notes")
            .open(&mut open)
            .default_width(520.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(400.0)
                    .show(ui, |ui| {
                        for d in &c.doc.diagnostics {
                            // Notes quote Arabic text: shape them like the document.
                            let style = LabelStyle::new(
                                15.0,
                                ui.visuals().text_color(),
                                Direction::Ltr,
                                ui.available_width(),
                            );
                            painter.show_label(ui, labels, &d.message, style);
                            ui.separator();
                        }
                    });
            });
        if !open {
            self.windows.parser_notes = false;
        }
    }

    /// Resolution details: what the library's UN metadata says, and who cites it.
    pub(super) fn details_window(&mut self, ctx: &egui::Context) {
        if !self.windows.details {
            return;
        }
        let Some(cur) = self.tabs.current() else {
            return;
        };
        let symbol = cur.doc.meta.symbol.clone();
        let language = cur.doc.meta.language;
        let direction = cur.doc.meta.direction;
        let title = cur.doc.meta.title.clone();
        let mut open = true;
        let index = self.library.index.clone();
        let library_generation = self.library.generation;
        let painter = &mut self.painter;
        let labels = &mut self.windows.labels;
        let cited = &mut self.windows.cited;
        let q = &mut self.commands;
        let max_height = (ctx.content_rect().height() - 80.0).max(200.0);
        egui::Window::new("Resolution details")
            .open(&mut open)
            .default_width(460.0)
            .default_height(max_height.min(620.0))
            .max_height(max_height)
            .vscroll(true)
            .show(ctx, |ui| {
                let Some(symbol) = symbol else {
                    ui.weak("This document has no symbol.");
                    return;
                };
                ui.strong(&symbol);
                let width = ui.available_width().max(300.0);
                if let Some(t) = &title {
                    let style = LabelStyle::new(16.0, ui.visuals().text_color(), direction, width);
                    painter.show_label(ui, labels, t, style);
                }
                let Some(index) = index else {
                    ui.weak(
                        "Choose a library folder to see votes, sponsors and citing resolutions.",
                    );
                    return;
                };
                metadata_grid(ui, painter, labels, &index, &symbol);
                ui.separator();
                let key = (library_generation, symbol.clone(), language);
                let citing = cited_by(cited, &index, key);
                cited_by_list(ui, q, citing);
            });
        if !open {
            self.windows.details = false;
        }
    }

    /// About Qarar: what the program is, its version, and the commit and target it was built
    /// from (the same lines as `qarar --version`).
    pub(super) fn about_window(&mut self, ctx: &egui::Context) {
        if !self.windows.about {
            return;
        }
        let mut open = true;
        egui::Window::new("About Qarar")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.strong("Qarar");
                ui.label("A reader for United Nations resolutions, Arabic first.");
                egui::Grid::new("about").num_columns(2).show(ui, |ui| {
                    ui.label("Version");
                    ui.label(crate::build_info::VERSION);
                    ui.end_row();
                    ui.label("Commit");
                    ui.label(crate::build_info::COMMIT);
                    ui.end_row();
                    ui.label("Target");
                    ui.label(crate::build_info::TARGET);
                    ui.end_row();
                });
            });
        if !open {
            self.windows.about = false;
        }
    }
}

/// The six colour swatches of the note window; the colour chosen, if one was.
fn colour_swatches(ui: &mut egui::Ui, current: Color) -> Option<Color> {
    let mut chosen = None;
    ui.horizontal(|ui| {
        for c in Color::ALL {
            let [r, g, b] = c.rgb();
            let swatch = egui::Button::new("  ")
                .fill(egui::Color32::from_rgb(r, g, b))
                .selected(c == current);
            let resp = ui.add(swatch).on_hover_text(c.name());
            resp.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::accesskit::Role::Button,
                    true,
                    format!("Colour {}", c.name()),
                )
            });
            if resp.clicked() {
                chosen = Some(c);
            }
        }
    });
    chosen
}

/// The buttons of the highlight bar: a swatch per colour, then *Note…*.
fn highlight_bar(ui: &mut egui::Ui, q: &mut Commands) {
    for c in Color::ALL {
        let command = Command::Highlight(c);
        let [r, g, b] = c.rgb();
        let swatch = egui::Button::new("  ").fill(egui::Color32::from_rgb(r, g, b));
        let resp = with_tooltip(ui.add(swatch), &command);
        let name = command.label();
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name));
        if resp.clicked() {
            q.push(command);
        }
    }
    let note = Command::HighlightWithNote;
    if with_tooltip(ui.button(note.label()), &note).clicked() {
        q.push(note);
    }
}

/// What the library's UN metadata says of `symbol`, in a grid. Values may be Arabic (titles,
/// agenda items as written): shaped by cosmic-text like the document.
fn metadata_grid(
    ui: &mut egui::Ui,
    painter: &mut TextPainter,
    labels: &mut LabelCache,
    index: &LibraryIndex,
    symbol: &str,
) {
    let mut rows: Vec<(&str, String)> = Vec::new();
    match index.metadata.get(symbol) {
        Some(m) => {
            if let Some(t) = &m.title {
                rows.push(("Title (UN)", t.clone()));
            }
            if let Some(d) = m.adoption_date.as_ref().or(m.adoption_date_iso.as_ref()) {
                rows.push(("Adopted", d.clone()));
            }
            if let Some(mt) = &m.adoption_meeting {
                rows.push(("Meeting", mt.clone()));
            }
            match (&m.votes, &m.adoption_type) {
                (Some(v), _) => rows.push((
                    "Vote",
                    format!(
                        "{} in favour, {} against, {} abstaining",
                        v.in_favour, v.against, v.abstaining
                    ),
                )),
                (None, Some(t)) => rows.push(("Adoption", t.clone())),
                _ => {}
            }
            if let Some(a) = &m.agenda_item {
                let name = m.agenda_item_name.clone().unwrap_or_default();
                rows.push(("Agenda item", format!("{a} {name}").trim().to_string()));
            }
            if let Some(c) = &m.committee {
                rows.push(("Committee", c.clone()));
            }
            if let Some(o) = &m.originating_document {
                rows.push(("Draft", o.clone()));
            }
            let mut sponsors = m.sponsors.clone();
            sponsors.extend(m.additional_sponsors.iter().cloned());
            if !sponsors.is_empty() {
                rows.push((
                    "Sponsors",
                    format!("{} ({})", sponsors.join(", "), sponsors.len()),
                ));
            }
        }
        None => rows.push(("UN metadata", "not in the library folder".into())),
    }
    let langs: Vec<String> = index
        .languages_of(symbol)
        .iter()
        .map(|l| l.code().to_uppercase())
        .collect();
    if !langs.is_empty() {
        rows.push(("Languages", langs.join(" ")));
    }
    egui::Grid::new("resolution-meta")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (k, v) in rows {
                ui.weak(k);
                let arabic = qarar_util::script::has_rtl(&v);
                let direction = if arabic {
                    Direction::Rtl
                } else {
                    Direction::Ltr
                };
                let style = LabelStyle::new(14.0, ui.visuals().text_color(), direction, 300.0)
                    .line_height(1.4);
                painter.show_label(ui, labels, &v, style);
                ui.end_row();
            }
        });
}

/// The library documents citing a resolution, one line per resolution, in the language
/// being read when there (worked out once per index and document, not every frame).
fn cited_by<'a>(
    cited: &'a mut Option<CitedBy>,
    index: &LibraryIndex,
    key: (u64, String, Language),
) -> &'a [(String, PathBuf)] {
    if cited.as_ref().is_none_or(|(k, _)| *k != key) {
        let (_, symbol, language) = &key;
        let mut citing: Vec<&qarar_library::Entry> = Vec::new();
        for e in index.cited_by(symbol) {
            match citing.iter_mut().find(|c| c.symbol == e.symbol) {
                Some(c) if e.language == Some(*language) => *c = e,
                Some(_) => {}
                None => citing.push(e),
            }
        }
        let list = citing
            .iter()
            .map(|e| {
                let sym = e.symbol.clone().unwrap_or_default();
                let lang = e
                    .language
                    .map(|l| l.code().to_uppercase())
                    .unwrap_or_default();
                (format!("{sym} · {lang}"), e.path.clone())
            })
            .collect();
        *cited = Some((key, list));
    }
    cited.as_ref().map(|(_, l)| l.as_slice()).unwrap_or(&[])
}

fn cited_by_list(ui: &mut egui::Ui, q: &mut Commands, citing: &[(String, PathBuf)]) {
    ui.strong(format!("Cited by ({})", citing.len()));
    if citing.is_empty() {
        ui.weak("No resolution of the library cites this one.");
    }
    egui::ScrollArea::vertical()
        .max_height(220.0)
        .show(ui, |ui| {
            for (label, path) in citing {
                if ui.button(label).clicked() {
                    q.push(in_new_tab(path.clone(), None));
                }
            }
        });
}
