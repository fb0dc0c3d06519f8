//! Comparing the document shown with another version: File → Compare with… (any file in the
//! same language) and Compare with previous (its earlier version in the library folder),
//! worked out in a background job and shown in the compare view over the tab.

use super::ReaderApp;
use crate::ui::command::{Command, menu_item};
use crate::ui::compare::{CompareView, Layout, Prepared};
use crate::ui::i18n::{self, arg, t, ta};
use crate::ui::jobs::Event;
use crate::ui::status::Message;
use eframe::egui;
use qarar_export::compare::{CompareFormat, render_with};
use qarar_library::predecessor::Subject;
use qarar_util::normalise_symbol;
use std::path::{Path, PathBuf};

impl ReaderApp {
    /// The compare view, when it is over the tab shown.
    pub fn compare_view(&self) -> Option<&CompareView> {
        self.compare
            .as_ref()
            .filter(|c| c.tab == self.tabs.active_id())
    }

    pub(super) fn compare_shown(&self) -> bool {
        self.compare_view().is_some()
    }

    /// Compare the document shown with `path` (tests; File → Compare with… asks for it).
    pub fn compare_with(&mut self, path: PathBuf) {
        self.push(Command::CompareWithFile(path));
    }

    /// Wait for the comparison being worked out and show it (tests).
    pub fn finish_comparing(&mut self) {
        for e in self.jobs.comparing.wait() {
            self.compared(e);
        }
    }

    /// The earlier versions of the document shown in the library folder, newest first
    /// (name, file); empty when it is not a document of the folder. No file system call:
    /// the document's path was made canonical when it was loaded and the index holds the
    /// paths under the (canonical) folder; a document reached through another name is
    /// found by its symbol and language. Worked out once per document and index.
    pub fn previous_versions(&self) -> Vec<(String, PathBuf)> {
        let (Some(cur), Some(index)) = (self.current(), self.library.index.as_ref()) else {
            return Vec::new();
        };
        let Some(path) = cur.path.as_deref() else {
            return Vec::new();
        };
        let key = (path.to_path_buf(), self.library.generation);
        if let Some((k, found)) = &*self.previous_cache.borrow()
            && *k == key
        {
            return found.clone();
        }
        let symbol = cur.doc.meta.symbol.as_deref().map(normalise_symbol);
        let language = Some(cur.doc.meta.language);
        let entry = index.entries.iter().find(|e| e.path == path).or_else(|| {
            index.entries.iter().find(|e| {
                symbol.is_some()
                    && e.language == language
                    && e.symbol.as_deref().map(normalise_symbol) == symbol
            })
        });
        let found: Vec<(String, PathBuf)> = match entry {
            None => Vec::new(),
            Some(entry) => index
                .predecessors(&Subject::of_document(&cur.doc), Some(&entry.path))
                .into_iter()
                .map(|p| {
                    let name = p
                        .entry
                        .symbol
                        .clone()
                        .unwrap_or_else(|| p.entry.path.display().to_string());
                    (name, p.entry.path.clone())
                })
                .collect(),
        };
        *self.previous_cache.borrow_mut() = Some((key, found.clone()));
        found
    }

    pub(super) fn compare_with_file(
        &mut self,
        path: PathBuf,
        others: Vec<(String, PathBuf)>,
        ctx: &egui::Context,
    ) {
        let Some(cur) = self.current() else {
            self.status.error(t("msg-open-to-compare"));
            return;
        };
        if self.jobs.comparing.is_busy() {
            return;
        }
        let doc = cur.doc.clone();
        let own = cur.path.clone();
        let tab = self.tabs.active_id();
        let data_dir = self.start.data_dir.clone();
        // The worker's messages (a file that cannot be read) in the interface language.
        let lang = crate::ui::i18n::language();
        self.jobs.comparing.spawn_one(ctx, move || {
            crate::ui::i18n::set_language(lang);
            crate::ui::compare::prepare(&doc, own.as_deref(), &path, others, tab, data_dir.as_ref())
        });
    }

    pub(super) fn compare_with_previous(&mut self, ctx: &egui::Context) {
        let mut found = self.previous_versions();
        if found.is_empty() {
            self.status.error(t("msg-no-earlier-version"));
            return;
        }
        let (_, newest) = found.remove(0);
        self.compare_with_file(newest, found, ctx);
    }

    pub(super) fn compared(&mut self, e: Event<Result<Prepared, String>>) {
        match e {
            Event::Message(Ok(p)) => {
                let layout = self.compare.as_ref().map(|c| c.layout);
                let mut view = CompareView::new(p);
                if let Some(l) = layout {
                    view.layout = l;
                }
                self.compare = Some(view);
                self.windows.close_popup();
            }
            Event::Message(Err(m)) => self
                .status
                .error(ta("msg-cannot-compare", &[("reason", arg(m))])),
            Event::Lost => self.status.error(t("msg-compare-stopped")),
        }
    }

    /// The compare view's own commands.
    pub(super) fn run_compare(&mut self, command: &Command) {
        if !self.compare_shown() {
            return;
        }
        let Some(view) = self.compare.as_mut() else {
            return;
        };
        match command {
            Command::NextChange => view.step(true),
            Command::PreviousChange => view.step(false),
            Command::ToggleSubstantiveOnly => view.toggle_substantive(),
            Command::ToggleCompareLayout => {
                view.layout = match view.layout {
                    Layout::Inline => Layout::SideBySide,
                    Layout::SideBySide => Layout::Inline,
                };
                // Stay at the change gone to.
                let nav = view.navigable();
                view.scroll_to = view.current.and_then(|k| nav.get(k).copied());
            }
            Command::CloseCompare => self.compare = None,
            _ => {}
        }
    }

    /// Save the comparison shown; the file's extension names the format (pdf, html, docx,
    /// md, json). Rendered and written in the background.
    pub(crate) fn export_comparison(&mut self, path: &Path) {
        let Some(view) = self.compare_view() else {
            self.status.error(t("msg-nothing-to-export"));
            return;
        };
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let format = match ext.as_str() {
            "pdf" => CompareFormat::Pdf,
            "html" | "htm" => CompareFormat::Html,
            "docx" => CompareFormat::Docx,
            "md" => CompareFormat::Md,
            "json" => CompareFormat::Json,
            _ => {
                self.status.error(ta(
                    "msg-unknown-compare-format",
                    &[("file", arg(path.display().to_string()))],
                ));
                return;
            }
        };
        let cmp = view.comparison.clone();
        let paper = self.settings.paper;
        let path = path.to_path_buf();
        let ctx = self.ctx.clone();
        let lang = i18n::language();
        self.jobs.exporting.spawn_one(&ctx, move || {
            // The message is written in the interface's language.
            i18n::set_language(lang);
            let now = time::OffsetDateTime::now_utc();
            let now = now.replace_nanosecond(0).unwrap_or(now);
            let date = now
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_string());
            let result = render_with(&cmp, format, &date, paper).and_then(|bytes| {
                qarar_export::write_atomic(&path, &bytes, true).map_err(|e| e.to_string())
            });
            match result {
                Ok(()) => Message::notice(ta(
                    "msg-exported",
                    &[("path", arg(path.display().to_string()))],
                )),
                Err(e) => Message::error(ta("msg-export-failed", &[("reason", arg(e))])),
            }
        });
    }

    /// File menu: Compare with… and Compare with previous.
    pub(super) fn compare_menu(&mut self, ui: &mut egui::Ui) {
        let has_doc = self.current().is_some();
        let previous = !self.previous_versions().is_empty();
        let q = &mut self.commands;
        menu_item(ui, q, Command::CompareWith, has_doc);
        menu_item(ui, q, Command::CompareWithPrevious, previous);
    }

    /// The compare view in the central panel.
    pub(super) fn compare_panel(&mut self, ui: &mut egui::Ui) {
        let Some(direction) = self.compare.as_ref().map(|c| c.direction()) else {
            return;
        };
        let typo = self.typography_for(direction);
        let Some(view) = self.compare.as_mut() else {
            return;
        };
        // The tab's document is one of the versions: its annotations, as they are now.
        if let Some(cur) = self.tabs.current() {
            view.sync_annotations(&cur.annotations);
        }
        if self.settings.show_outline {
            let panel = match direction {
                qarar_document::Direction::Rtl => egui::Panel::right("compare-changes"),
                qarar_document::Direction::Ltr => egui::Panel::left("compare-changes"),
            };
            panel
                .resizable(true)
                .default_size(250.0)
                .min_size(160.0)
                .show(ui, |ui| {
                    // The new document's outline, marked, above the list of changes.
                    let size = egui::vec2(ui.available_width(), ui.available_height() * 0.5);
                    ui.allocate_ui(size, |ui| view.outline_pane(ui, &mut self.painter));
                    ui.separator();
                    view.changes_list(ui, &mut self.painter);
                });
            i18n::name_resize_handle(ui, "compare-changes", &t("pane-resize-changes"));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            view.bars(ui, &mut self.painter, &mut self.commands);
            view.body(ui, &mut self.painter, typo);
        });
    }
}
