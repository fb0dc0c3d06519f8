//! Opening documents (in the background), tabs, languages, file dialogs and exports.

use super::{LoadResult, ReaderApp};
use crate::ui::annotate::Annotations;
use crate::ui::document::{LoadRequest, OpenDocument, Target};
use crate::ui::i18n::{self, arg, language_name, t, ta};
use crate::ui::jobs::Event;
use crate::ui::status::Message;
use eframe::egui;
use qarar_document::Language;
use std::path::{Path, PathBuf};

/// What a file dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pick {
    Open,
    ImportAnnotations,
    ExportAnnotations,
    /// An annotated copy in another format (File → Export…).
    Export,
    /// The library folder (Settings → Library folder…).
    LibraryFolder,
    /// A file to compare the document shown with (File → Compare with…).
    Compare,
    /// Where to save the comparison shown.
    ExportComparison,
}

impl ReaderApp {
    /// Open a file in the background; the current document stays until it has loaded.
    pub fn open_path(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.open(LoadRequest::new(path, Target::Replace, None), ctx);
    }

    /// Load a document in the background and put it where the request says.
    pub fn open(&mut self, mut request: LoadRequest, ctx: &egui::Context) {
        request.tab = self.tabs.active_id();
        // A document already open in a tab is shown there, not loaded twice (two copies of
        // its annotations would drift apart).
        if request.target == Target::NewTab
            && let Some(i) = self.tab_holding(&request.path)
        {
            self.switch_tab(i);
            let now = ctx.input(|i| i.time);
            if let (Some(cur), Some(at)) = (self.tabs.current_mut(), request.at.as_deref()) {
                cur.go_to_paragraph(at, now);
            }
            return;
        }
        let data_dir = self.start.data_dir.clone();
        self.jobs.loading.spawn_one(ctx, move || {
            // Parsing, reading the annotation store and anchoring stay off the UI thread; so
            // does resolving the path (open documents are compared by their canonical path).
            let mut request = request;
            request.path = qarar_util::canonical_path(&request.path);
            let result = qarar_document::load_path(&request.path).map(|doc| {
                let annotations = Annotations::open(&doc, data_dir.as_ref());
                (doc, annotations)
            });
            (request, result)
        });
    }

    /// True while a file is being loaded.
    pub fn is_loading(&self) -> bool {
        self.jobs.loading.is_busy()
    }

    /// Take what background jobs sent: loaded documents, dialog answers, finished exports,
    /// the library index.
    pub(super) fn poll_jobs(&mut self, ctx: &egui::Context) {
        for e in self.jobs.loading.poll() {
            self.loaded_event(e);
        }
        for e in self.jobs.picking.poll() {
            if let Event::Message((kind, Some(path))) = e {
                self.picked(kind, path, ctx);
            }
        }
        for e in self.jobs.exporting.poll() {
            self.exported(e);
        }
        for e in self.jobs.comparing.poll() {
            self.compared(e);
        }
        if let Some(m) = self.library.poll() {
            self.library.problem = Some(m);
        }
        // `--beside`: once the library is read, show the other language.
        if let Some(l) = self.start.beside
            && self.library.index.is_some()
            && self.current().is_some()
        {
            self.start.beside = None;
            self.open_beside(l, ctx);
        }
    }

    /// Wait for every document being loaded and for the library index, and place them (tests).
    pub fn finish_loading(&mut self) {
        for e in self.jobs.loading.wait() {
            self.loaded_event(e);
        }
        if let Some(m) = self.library.wait() {
            self.status.error(m);
        }
    }

    fn loaded_event(&mut self, e: Event<LoadResult>) {
        match e {
            Event::Message(r) => self.loaded(r),
            Event::Lost => self.status.error(t("msg-loader-stopped")),
        }
    }

    fn loaded(&mut self, (request, result): LoadResult) {
        let (doc, annotations) = match result {
            Ok(x) => x,
            Err(e) => {
                self.status.error(crate::ui::load_message::load_error(&e));
                return;
            }
        };
        let mut open = OpenDocument::with_annotations(doc, Some(request.path.clone()), annotations);
        if let Some(at) = &request.at {
            open.view.scroll_to(open.block_of(at));
        }
        // The tab that asked (it may not be the one shown any more, or be closed).
        let asking = request.tab.and_then(|id| self.tabs.position(id));
        let asked = asking.unwrap_or(self.tabs.active());
        let gone = request.tab.is_some() && asking.is_none();
        let mut target = request.target;
        if target == Target::Beside && gone {
            return;
        }
        if target == Target::Replace && (asked != self.tabs.active() || gone) {
            target = Target::NewTab;
        }
        // Opened meanwhile in a tab (a double click, a second request): show that one.
        if target == Target::NewTab
            && let Some(i) = self.tab_holding(&request.path)
        {
            self.switch_tab(i);
            return;
        }
        match target {
            Target::Replace => self.replace_current(open, request.path),
            Target::NewTab => {
                self.settings.add_recent(request.path);
                self.place_in_new_tab(open);
            }
            Target::Beside => {
                // Only beside the resolution it is a language of.
                let Some(cur) = self
                    .tabs
                    .get_mut(asked)
                    .filter(|c| c.same_resolution(&open))
                else {
                    return;
                };
                cur.set_beside(open);
                if asked == self.tabs.active() {
                    self.windows.close_popup();
                }
            }
        }
    }

    /// Show `open` in place of the document shown (whose annotations are saved first; when
    /// they cannot be, it stays and `open` gets a tab of its own).
    fn replace_current(&mut self, mut open: OpenDocument, path: PathBuf) {
        self.settings.add_recent(path);
        self.close_note();
        if let Some(mut old) = self.tabs.replace_current(None) {
            if !self.save_before_closing(&mut old) {
                self.tabs.replace_current(Some(old));
                self.place_in_new_tab(open);
                return;
            }
            // Side by side stays for another language of the same resolution.
            open.inherit_beside(&mut old);
        }
        self.tabs.replace_current(Some(open));
        self.windows.close_popup();
        self.search.query.clear();
    }

    /// Show a document in a new tab (or in the current one when it is empty).
    fn place_in_new_tab(&mut self, open: OpenDocument) {
        self.close_note();
        if let Some(cur) = self.tabs.current_mut() {
            cur.flush();
            self.tabs.push(open);
        } else {
            self.tabs.replace_current(Some(open));
        }
        self.windows.close_popup();
        self.search.query.clear();
    }

    /// Show tab `i`.
    pub fn switch_tab(&mut self, i: usize) {
        if i == self.tabs.active() || i >= self.tabs.len() {
            return;
        }
        self.close_note();
        if let Some(cur) = self.tabs.current_mut() {
            cur.flush();
        }
        self.tabs.show(i);
        self.windows.close_popup();
        if let Some(cur) = self.tabs.current_mut() {
            cur.view.clear_matches();
        }
        self.search.open = false;
    }

    /// Close tab `i` (its annotations are saved first; when they cannot be, the tab stays and
    /// says why). The last tab stays.
    pub(crate) fn close_tab(&mut self, i: usize) {
        if self.tabs.len() <= 1 || i >= self.tabs.len() {
            return;
        }
        if i == self.tabs.active() {
            self.close_note();
        }
        if let Some(mut doc) = self.tabs.take(i)
            && !self.save_before_closing(&mut doc)
        {
            self.tabs.put_back(i, doc);
            return;
        }
        let was_active = i == self.tabs.active();
        self.tabs.remove(i);
        if was_active {
            self.windows.close_popup();
        }
    }

    /// Save a document's annotations (and those of the document beside it) before it goes
    /// away. When they cannot be saved, the reason is shown and `false` returned: the caller
    /// keeps the document, so nothing the user made is lost.
    fn save_before_closing(&mut self, doc: &mut OpenDocument) -> bool {
        let problems = doc.flush_for_closing();
        if problems.is_empty() {
            return true;
        }
        self.status.error(ta(
            "msg-kept-open-unsaved",
            &[
                ("name", arg(doc.name())),
                ("reason", arg(problems.join("; "))),
            ],
        ));
        false
    }

    /// Index of the tab showing `path`, if one does.
    fn tab_holding(&self, path: &Path) -> Option<usize> {
        // One system call for the path asked about (on a user action), none per tab: open
        // documents hold canonical paths (resolved when they were loaded).
        let want = qarar_util::canonical_path(path);
        self.tabs.holding(&want)
    }

    /// Languages the library holds for the current document's symbol.
    pub fn languages(&self) -> Vec<Language> {
        self.current()
            .and_then(|c| c.doc.meta.symbol.as_deref())
            .map(|s| self.library.languages_of(s))
            .unwrap_or_default()
    }

    /// Read the current resolution in another language (from the library), at the same
    /// paragraph.
    pub fn switch_language(&mut self, language: Language, ctx: &egui::Context) {
        self.open_language(language, Target::Replace, ctx);
    }

    /// Show another language of the current resolution beside it.
    pub fn open_beside(&mut self, language: Language, ctx: &egui::Context) {
        self.open_language(language, Target::Beside, ctx);
    }

    fn open_language(&mut self, language: Language, target: Target, ctx: &egui::Context) {
        // The language shown beside becomes the main one (the columns swap): no second copy
        // of it, and its place is kept.
        let swap = target == Target::Replace
            && self
                .current()
                .and_then(|c| c.beside.as_ref())
                .is_some_and(|b| b.doc.meta.language == language);
        if swap {
            self.close_note();
            if let Some(cur) = self.tabs.replace_current(None) {
                self.tabs.replace_current(Some(cur.swap_columns()));
            }
            self.windows.close_popup();
            return;
        }
        let Some(cur) = self.tabs.current() else {
            return;
        };
        let Some(symbol) = cur.doc.meta.symbol.clone() else {
            return;
        };
        let at = cur.top_paragraph();
        let Some(path) = self.library.find(&symbol, language).map(|e| e.path.clone()) else {
            self.status.error(ta(
                "msg-no-text-in-language",
                &[
                    ("language", arg(language_name(language))),
                    ("symbol", arg(symbol)),
                ],
            ));
            return;
        };
        self.open(LoadRequest::new(path, target, at), ctx);
    }

    pub(super) fn pick(&mut self, ctx: &egui::Context, kind: Pick) {
        if self.jobs.picking.is_busy() {
            return;
        }
        let default_name = self
            .current()
            .map(|c| {
                format!(
                    "{}.annotations.jsonld",
                    c.annotations.identity.storage_key()
                )
            })
            .unwrap_or_else(|| "annotations.jsonld".into());
        let export_stem = self
            .current()
            .map(|c| c.name().replace('/', "-"))
            .unwrap_or_else(|| "resolution".into());
        let compare_stem = self
            .compare_view()
            .map(|v| format!("{}-{}", v.old_name, v.new_name).replace('/', "-"))
            .unwrap_or_else(|| "comparison".into());
        let lang = i18n::language();
        self.jobs.picking.spawn_one(ctx, move || {
            // The dialog's titles and filters in the interface's language.
            i18n::set_language(lang);
            let dialog = rfd::FileDialog::new();
            let file = match kind {
                Pick::LibraryFolder => dialog.set_title(t("dialog-library-folder")).pick_folder(),
                Pick::ExportComparison => dialog
                    .set_title(t("dialog-export-comparison"))
                    .add_filter("PDF", &["pdf"])
                    .add_filter("HTML", &["html"])
                    .add_filter(t("filter-word-tracked"), &["docx"])
                    .add_filter("Markdown", &["md"])
                    .add_filter("JSON", &["json"])
                    .set_file_name(format!("{compare_stem}.pdf"))
                    .save_file(),
                Pick::Compare => dialog
                    .set_title(t("dialog-compare-with"))
                    .add_filter(
                        t("filter-resolutions"),
                        qarar_document::load::DOCUMENT_EXTENSIONS,
                    )
                    .add_filter(t("filter-all-files"), &["*"])
                    .pick_file(),
                Pick::Open => dialog
                    .set_title(t("dialog-open"))
                    .add_filter(
                        t("filter-resolutions"),
                        qarar_document::load::DOCUMENT_EXTENSIONS,
                    )
                    .add_filter(t("filter-all-files"), &["*"])
                    .pick_file(),
                Pick::ImportAnnotations => dialog
                    .set_title(t("dialog-import-annotations"))
                    .add_filter(t("filter-web-annotations"), &["jsonld", "json"])
                    .add_filter(t("filter-all-files"), &["*"])
                    .pick_file(),
                Pick::ExportAnnotations => dialog
                    .set_title(t("dialog-export-annotations"))
                    .add_filter(t("filter-web-annotations"), &["jsonld"])
                    .set_file_name(&default_name)
                    .save_file(),
                Pick::Export => {
                    let mut d = dialog.set_title(t("dialog-export-copy"));
                    for f in qarar_export::Format::all() {
                        d = d.add_filter(f.extension().to_uppercase(), &[f.extension()]);
                    }
                    let first = qarar_export::Format::all()
                        .first()
                        .map(|f| f.extension())
                        .unwrap_or("json");
                    d.set_file_name(format!("{export_stem}.{first}"))
                        .save_file()
                }
            };
            (kind, file)
        });
    }

    /// A dialog answered: do what it was opened for.
    fn picked(&mut self, kind: Pick, path: PathBuf, ctx: &egui::Context) {
        match kind {
            Pick::Open => self.open_path(path, ctx),
            Pick::Compare => self.compare_with_file(path, Vec::new(), ctx),
            Pick::ExportComparison => self.export_comparison(&path),
            Pick::ImportAnnotations => {
                if let Some(cur) = self.tabs.current_mut() {
                    cur.annotations.import(&cur.doc, &path);
                }
            }
            Pick::ExportAnnotations => {
                if let Some(cur) = self.tabs.current_mut() {
                    cur.annotations.export(&path);
                }
            }
            Pick::Export => self.export_copy(&path),
            Pick::LibraryFolder => self.set_library_folder(path, ctx),
        }
    }

    pub(super) fn set_library_folder(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.settings.library = Some(path.clone());
        self.settings.show_library = true;
        self.library.set_folder(path, ctx);
    }

    /// Write an annotated copy; the format comes from the file name's extension.
    pub fn export_copy(&mut self, path: &Path) {
        let Some(cur) = self.tabs.current() else {
            return;
        };
        let Some(format) = qarar_export::Format::from_path(path) else {
            let known: Vec<&str> = qarar_export::Format::all()
                .iter()
                .map(|f| f.extension())
                .collect();
            self.status.error(ta(
                "msg-unknown-export-format",
                &[
                    ("file", arg(path.display().to_string())),
                    ("formats", arg(known.join(", "))),
                ],
            ));
            return;
        };
        // Rendering (PDF: tens of milliseconds) and writing happen off the UI thread. The save
        // dialog already asked before replacing an existing file.
        let doc = cur.doc.clone();
        let list = cur.annotations.list.clone();
        let paper = self.settings.paper;
        let path = path.to_path_buf();
        let ctx = self.ctx.clone();
        let lang = i18n::language();
        self.jobs.exporting.spawn_one(&ctx, move || {
            i18n::set_language(lang);
            let result = qarar_export::render_with(format, &doc, &list, paper).and_then(|bytes| {
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

    fn exported(&mut self, e: Event<Message>) {
        match e {
            Event::Message(m) => self.status.push_message(m),
            Event::Lost => self.status.error(t("msg-exporter-stopped")),
        }
    }

    /// Wait for exports in progress and report them (tests).
    pub fn finish_exports(&mut self) {
        for e in self.jobs.exporting.wait() {
            self.exported(e);
        }
    }
}
