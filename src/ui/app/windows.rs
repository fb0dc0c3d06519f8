//! The windows over the document: the note editor, the highlight bar under a selection,
//! resolution details and parser notes.

use super::run::in_new_tab;
use super::{CitedBy, ReaderApp};
use crate::ui::command::{Command, Commands, with_tooltip};
use crate::ui::i18n::{self, arg, number, t, ta};
use crate::ui::note_widget::note_editor_ui;
use crate::ui::text_painter::{LabelCache, LabelStyle, TextPainter};
use eframe::egui;
use qarar_annotations::Color;
use qarar_document::{Direction, Language};
use qarar_library::LibraryIndex;
use std::path::PathBuf;

fn tr(id: &str) -> String {
    t(id)
}

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
        let mut closed = false;
        let title = t("note-window");
        i18n::window(&title)
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_pos(ctx.content_rect().right_top() + egui::vec2(-420.0, 80.0))
            .show(ctx, |ui| {
                i18n::title_row(ui, &title, Some(&mut closed));
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
                    &t("note-text"),
                );
                if e.focus {
                    resp.request_focus();
                    e.focus = false;
                }
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    i18n::label(ui, &t("note-tags"));
                    crate::ui::search::line_edit_labeled(
                        ui,
                        &mut self.painter,
                        &mut e.labels,
                        &mut e.tags,
                        300.0,
                        &t("note-tags-field"),
                    );
                });
                recolor = colour_swatches(ui, color);
                ui.separator();
                ui.horizontal(|ui| {
                    done = i18n::button(ui, &t("note-done")).clicked();
                    delete = i18n::button(ui, &t("note-delete-highlight")).clicked();
                });
            });
        if let (Some(c), Some(cur)) = (recolor, self.tabs.current_mut()) {
            cur.annotations.update(&cur.doc, &id, |a| a.set_color(c));
        }
        if delete {
            self.commands.push(Command::DeleteAnnotation(id));
        } else if done || !open || closed {
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
        let mut closed = false;
        let title = t("parser-notes-window");
        i18n::window(&title)
            .open(&mut open)
            .default_width(520.0)
            .show(ctx, |ui| {
                i18n::title_row(ui, &title, Some(&mut closed));
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
        if !open || closed {
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
        let mut closed = false;
        let heading = t("details-window");
        i18n::window(&heading)
            .open(&mut open)
            .default_width(460.0)
            .default_height(max_height.min(620.0))
            .max_height(max_height)
            .vscroll(true)
            .show(ctx, |ui| {
                i18n::title_row(ui, &heading, Some(&mut closed));
                let Some(symbol) = symbol else {
                    i18n::weak(ui, &t("details-no-symbol"));
                    return;
                };
                ui.strong(&symbol);
                let width = ui.available_width().max(300.0);
                if let Some(t) = &title {
                    let style = LabelStyle::new(16.0, ui.visuals().text_color(), direction, width);
                    painter.show_label(ui, labels, t, style);
                }
                let Some(index) = index else {
                    i18n::weak(ui, &t("details-choose-library"));
                    return;
                };
                metadata_grid(ui, painter, labels, &index, &symbol);
                ui.separator();
                let key = (library_generation, symbol.clone(), language);
                let citing = cited_by(cited, &index, key);
                cited_by_list(ui, q, citing);
            });
        if !open || closed {
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
        let mut closed = false;
        let title = t("about-window");
        i18n::window(&title)
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                i18n::title_row(ui, &title, Some(&mut closed));
                i18n::strong(ui, &t("about-name"));
                i18n::label(ui, &t("about-tagline"));
                egui::Grid::new("about").num_columns(2).show(ui, |ui| {
                    for (id, value) in [
                        ("about-version", crate::build_info::VERSION),
                        ("about-commit", crate::build_info::COMMIT),
                        ("about-target", crate::build_info::TARGET),
                    ] {
                        i18n::label(ui, &t(id));
                        ui.label(value);
                        ui.end_row();
                    }
                });
            });
        if !open || closed {
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
            let colour = t(&format!("colour-{}", c.name()));
            let resp = ui.add(swatch).on_hover_ui(|ui| {
                i18n::label(ui, &colour);
            });
            let name = ta("note-colour", &[("colour", arg(colour))]);
            resp.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name)
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
    if with_tooltip(i18n::button(ui, &note.label()), &note).clicked() {
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
    let mut rows: Vec<(String, String)> = Vec::new();
    match index.metadata.get(symbol) {
        Some(m) => {
            if let Some(t) = &m.title {
                rows.push((tr("details-title"), t.clone()));
            }
            if let Some(d) = m.adoption_date.as_ref().or(m.adoption_date_iso.as_ref()) {
                rows.push((tr("details-adopted"), d.clone()));
            }
            if let Some(mt) = &m.adoption_meeting {
                rows.push((tr("details-meeting"), mt.clone()));
            }
            match (&m.votes, &m.adoption_type) {
                (Some(v), _) => rows.push((
                    tr("details-vote"),
                    ta(
                        "details-votes",
                        &[
                            ("yes", arg(v.in_favour.to_string())),
                            ("no", arg(v.against.to_string())),
                            ("abstaining", arg(v.abstaining.to_string())),
                        ],
                    ),
                )),
                (None, Some(t)) => rows.push((tr("details-adoption"), t.clone())),
                _ => {}
            }
            if let Some(a) = &m.agenda_item {
                let name = m.agenda_item_name.clone().unwrap_or_default();
                rows.push((
                    tr("details-agenda-item"),
                    format!("{a} {name}").trim().to_string(),
                ));
            }
            if let Some(c) = &m.committee {
                rows.push((tr("details-committee"), c.clone()));
            }
            if let Some(o) = &m.originating_document {
                rows.push((tr("details-draft"), o.clone()));
            }
            let mut sponsors = m.sponsors.clone();
            sponsors.extend(m.additional_sponsors.iter().cloned());
            if !sponsors.is_empty() {
                rows.push((
                    tr("details-sponsors"),
                    format!("{} ({})", sponsors.join(", "), sponsors.len()),
                ));
            }
        }
        None => rows.push((tr("details-un-metadata"), tr("details-not-in-library"))),
    }
    let langs: Vec<String> = index
        .languages_of(symbol)
        .iter()
        .map(|l| l.code().to_uppercase())
        .collect();
    if !langs.is_empty() {
        rows.push((tr("details-languages"), langs.join(" ")));
    }
    egui::Grid::new("resolution-meta")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (k, v) in rows {
                i18n::weak(ui, &k);
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
    i18n::strong(
        ui,
        &ta("details-cited-by", &[("count", number(citing.len()))]),
    );
    if citing.is_empty() {
        i18n::weak(ui, &t("details-not-cited"));
    }
    egui::ScrollArea::vertical()
        .max_height(220.0)
        .show(ui, |ui| {
            for (label, path) in citing {
                if i18n::button(ui, label).clicked() {
                    q.push(in_new_tab(path.clone(), None));
                }
            }
        });
}
