//! The menu bar, the toolbar at its end, and the tab strip. Every entry pushes a
//! [`Command`]; labels, shortcuts and tooltips come from the command list.

use super::ReaderApp;
use crate::ui::command::{Command, Commands, menu_item, menu_toggle, with_tooltip};
use crate::ui::i18n::{self, Hover, arg, language_name, number, t, ta};
use crate::ui::widgets::{PaneIcon, pane_toggle};
use eframe::egui;

impl ReaderApp {
    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            if i18n::rtl() {
                // An Arabic interface: the menus from the right, the toolbar at the left.
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    self.menus(ui);
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        self.toolbar(ui)
                    });
                });
            } else {
                self.menus(ui);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    self.toolbar(ui)
                });
            }
        });
    }

    fn menus(&mut self, ui: &mut egui::Ui) {
        i18n::menu_button(ui, &t("menu-file"), |ui| self.file_menu(ui));
        i18n::menu_button(ui, &t("menu-edit"), |ui| {
            let q = &mut self.commands;
            menu_item(ui, q, Command::Find, true);
            menu_item(ui, q, Command::Copy, true);
            menu_item(ui, q, Command::SelectAll, true);
            ui.separator();
            menu_item(ui, q, Command::Undo, true);
            menu_item(ui, q, Command::Redo, true);
        });
        i18n::menu_button(ui, &t("menu-view"), |ui| self.view_menu(ui));
        i18n::menu_button(ui, &t("menu-settings"), |ui| self.settings_menu(ui));
        i18n::menu_button(ui, &t("menu-help"), |ui| {
            if i18n::button(ui, &t("menu-about")).clicked() {
                self.windows.about = true;
            }
        });
    }

    fn file_menu(&mut self, ui: &mut egui::Ui) {
        menu_item(ui, &mut self.commands, Command::Open, true);
        i18n::menu_button(ui, &t("menu-open-recent"), |ui| {
            if self.settings.recent.is_empty() {
                i18n::weak(ui, &t("menu-no-recent"));
            }
            for p in &self.settings.recent {
                menu_item(ui, &mut self.commands, Command::OpenFile(p.clone()), true);
            }
            if !self.settings.recent.is_empty() {
                menu_item(ui, &mut self.commands, Command::ClearRecent, true);
            }
        });
        let q = &mut self.commands;
        menu_item(ui, q, Command::OpenBundled, true);
        menu_item(ui, q, Command::CloseTab, self.tabs.len() > 1);
        ui.separator();
        menu_item(ui, q, Command::ChooseLibraryFolder, true);
        ui.separator();
        self.compare_menu(ui);
        let q = &mut self.commands;
        ui.separator();
        menu_item(ui, q, Command::Export, true);
        menu_item(ui, q, Command::ImportAnnotations, true);
        menu_item(ui, q, Command::ExportAnnotations, true);
        ui.separator();
        i18n::menu_button(ui, &t("menu-document-information"), |ui| {
            self.document_menu(ui)
        });
        let q = &mut self.commands;
        menu_item(ui, q, Command::ToggleDetails, true);
        ui.separator();
        menu_item(ui, q, Command::Quit, true);
    }

    fn view_menu(&mut self, ui: &mut egui::Ui) {
        let s = &self.settings;
        let q = &mut self.commands;
        menu_toggle(ui, q, Command::ToggleOutline, s.show_outline);
        menu_toggle(ui, q, Command::ToggleAnnotations, s.show_annotations);
        menu_toggle(ui, q, Command::ToggleLibrary, s.show_library);
        self.language_menu(ui);
        let s = &self.settings;
        let q = &mut self.commands;
        menu_toggle(ui, q, Command::ToggleJustify, s.justify);
        menu_toggle(ui, q, Command::ToggleDark, s.dark);
        ui.separator();
        menu_item(ui, q, Command::ZoomIn, true);
        menu_item(ui, q, Command::ZoomOut, true);
        menu_item(ui, q, Command::ZoomReset, true);
    }

    fn settings_menu(&mut self, ui: &mut egui::Ui) {
        let q = &mut self.commands;
        menu_item(ui, q, Command::ChooseLibraryFolder, true);
        match &self.library.folder {
            Some(f) => {
                i18n::weak(ui, &f.display().to_string());
                menu_item(ui, q, Command::ForgetLibraryFolder, true);
            }
            None => {
                i18n::weak(ui, &t("menu-no-library-folder"));
            }
        }
        ui.separator();
        menu_toggle(ui, q, Command::ToggleDark, self.settings.dark);
        menu_toggle(ui, q, Command::ToggleJustify, self.settings.justify);
        ui.separator();
        // Paper of PDF exports (the reader's and the comparison's).
        use qarar_export::pdf::Paper;
        for (paper, name) in [
            (Paper::A4, "menu-paper-a4"),
            (Paper::Letter, "menu-paper-letter"),
        ] {
            if i18n::radio(ui, self.settings.paper == paper, &t(name)).clicked() {
                self.settings.paper = paper;
            }
        }
        ui.separator();
        // The interface language, each named in itself; the document keeps its own.
        let current = self.interface_language();
        let q = &mut self.commands;
        i18n::menu_button(ui, &t("settings-interface-language"), |ui| {
            for lang in qarar_i18n::Lang::ALL {
                if i18n::radio(ui, lang == current, lang.native_name()).clicked() {
                    q.push(Command::SetInterfaceLanguage(lang));
                    ui.close();
                }
            }
        });
    }

    /// Pane toggles, languages, zoom and a spinner, from the right end of the menu bar.
    fn toolbar(&mut self, ui: &mut egui::Ui) {
        let s = &self.settings;
        let toggles = [
            (Command::ToggleOutline, s.show_outline, PaneIcon::Outline),
            (Command::ToggleLibrary, s.show_library, PaneIcon::Library),
            (
                Command::ToggleAnnotations,
                s.show_annotations,
                PaneIcon::Annotations,
            ),
        ];
        for (command, on, icon) in toggles {
            if with_tooltip(pane_toggle(ui, on, icon), &command).clicked() {
                self.commands.push(command);
            }
        }
        self.language_switcher(ui);
        if (self.settings.zoom - 1.0).abs() > 0.01 {
            let keys: Vec<String> = [Command::ZoomIn, Command::ZoomOut, Command::ZoomReset]
                .iter()
                .filter_map(|c| c.shortcut_text(ui.ctx()))
                .collect();
            ui.weak(format!("{:.0}%", self.settings.zoom * 100.0))
                .hover(ta("menu-zoom-keys", &[("keys", arg(keys.join(", ")))]));
        }
        if self.jobs.loading.is_busy() || self.jobs.picking.is_busy() {
            ui.spinner();
        }
    }

    /// The strip of tabs (shown when more than one document is open).
    pub(super) fn tab_bar(&mut self, ui: &mut egui::Ui) {
        let titles = self.tabs.titles();
        let active = self.tabs.active();
        let q = &mut self.commands;
        // Many tabs scroll sideways instead of running off the window.
        egui::ScrollArea::horizontal()
            .id_salt("tabs")
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    for (i, title) in titles.iter().enumerate() {
                        tab(ui, q, i, title, i == active);
                    }
                });
            });
    }

    /// Language buttons for the current resolution (the languages the library has).
    fn language_switcher(&mut self, ui: &mut egui::Ui) {
        let languages = self.languages();
        if languages.len() < 2 {
            return;
        }
        let Some(cur) = self.current() else {
            return;
        };
        let current = cur.doc.meta.language;
        let beside = cur.beside.as_ref().map(|b| b.doc.meta.language);
        // Right-to-left layout: add in reverse so that they read AR EN FR … from the left.
        for l in languages.iter().rev() {
            let r = ui
                .selectable_label(*l == current, l.code().to_uppercase())
                .on_hover_ui(|ui| {
                    let tip = ta("menu-read-in", &[("language", arg(language_name(*l)))]);
                    i18n::label(ui, &tip);
                });
            let name = ta(
                "menu-language-button",
                &[("language", arg(language_name(*l)))],
            );
            let selected = *l == current || Some(*l) == beside;
            let r = i18n::named_selected(r, egui::accesskit::Role::Button, selected, &name);
            if r.clicked() && *l != current {
                self.commands.push(Command::ReadIn(*l));
            }
        }
        ui.weak("|");
    }

    /// View → Side by side: another language of the resolution in a second column.
    fn language_menu(&mut self, ui: &mut egui::Ui) {
        let languages = self.languages();
        let Some(cur) = self.tabs.current() else {
            return;
        };
        let current = cur.doc.meta.language;
        let beside = cur.beside.as_ref().map(|b| b.doc.meta.language);
        let q = &mut self.commands;
        i18n::menu_button(ui, &t("menu-side-by-side"), |ui| {
            if languages.len() < 2 {
                i18n::weak(ui, &t("menu-no-other-language"));
            }
            for l in languages.iter().filter(|l| **l != current) {
                if i18n::radio(ui, beside == Some(*l), &language_name(*l)).clicked() {
                    q.push(Command::ShowBeside(*l));
                    ui.close();
                }
            }
            if beside.is_some() {
                menu_item(ui, q, Command::CloseBeside, true);
            }
        });
    }

    /// The document menu: what the parser knows and noticed.
    fn document_menu(&mut self, ui: &mut egui::Ui) {
        let Some(c) = self.tabs.current() else {
            i18n::weak(ui, &t("menu-no-document"));
            return;
        };
        let d = &c.doc;
        let m = &d.meta;
        let source = match &c.path {
            Some(p) => p.display().to_string(),
            None => t("info-bundled"),
        };
        let rows = [
            (
                "info-symbol",
                m.symbol.clone().unwrap_or_else(|| t("info-unknown")),
            ),
            ("info-language", m.language.code().to_string()),
            (
                "info-adopted",
                m.adopted.clone().unwrap_or_else(|| t("info-unknown")),
            ),
            (
                "info-paragraphs",
                ta(
                    "info-paragraph-counts",
                    &[
                        ("preambular", number(d.preamble.len())),
                        ("operative", number(d.operative.len())),
                    ],
                ),
            ),
            ("info-footnotes", d.footnotes.len().to_string()),
            ("info-references", d.references.len().to_string()),
            ("info-source", source),
        ];
        egui::Grid::new("doc-info").num_columns(2).show(ui, |ui| {
            for (k, v) in rows {
                if i18n::rtl() {
                    i18n::label(ui, &v);
                    i18n::weak(ui, &t(k));
                } else {
                    i18n::weak(ui, &t(k));
                    i18n::label(ui, &v);
                }
                ui.end_row();
            }
        });
        ui.separator();
        let notes = d.diagnostics.len();
        let text = ta("menu-parser-notes-count", &[("count", number(notes))]);
        let button = egui::Button::new(i18n::text(ui, &text));
        let resp = ui.add_enabled(notes > 0, button);
        if i18n::named(resp, egui::accesskit::Role::Button, &text).clicked() {
            self.commands.push(Command::ShowParserNotes);
            ui.close();
        }
    }
}

/// One tab of the strip: its title (click to show, middle click to close) and ×.
fn tab(ui: &mut egui::Ui, q: &mut Commands, i: usize, title: &str, selected: bool) {
    let frame = egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(6, 2))
        .corner_radius(4.0)
        .fill(if selected {
            ui.visuals().selection.bg_fill.gamma_multiply(0.5)
        } else {
            egui::Color32::TRANSPARENT
        });
    frame.show(ui, |ui| {
        let r = i18n::selectable(ui, selected, title);
        let name = ta("menu-tab", &[("title", arg(title))]);
        let r = i18n::named_selected(r, egui::accesskit::Role::Tab, selected, &name);
        if r.clicked() {
            q.push(Command::SwitchTab(i));
        }
        if r.middle_clicked() {
            q.push(Command::CloseTabAt(i));
        }
        let x = with_tooltip(ui.small_button("×"), &Command::CloseTab);
        let name = ta("menu-close-tab-named", &[("title", arg(title))]);
        let x = i18n::named(x, egui::accesskit::Role::Button, &name);
        if x.clicked() {
            q.push(Command::CloseTabAt(i));
        }
    });
}
