//! [`ReaderApp::run`]: the one place where a user's command changes the app.

use super::{NoteEditing, Pick, ReaderApp};
use crate::ui::command::Command;
use crate::ui::document::{LoadRequest, Side, Target};
use crate::ui::library_pane::Mode;
use crate::ui::note_widget::NoteMesh;
use crate::ui::text_painter::LabelCache;
use eframe::egui;
use qarar_annotations::{Annotation, Color};
use qarar_text::note_editor::NoteEditor;

impl ReaderApp {
    /// Apply a command.
    pub fn run(&mut self, command: Command, ctx: &egui::Context) {
        use Command as C;
        let now = ctx.input(|i| i.time);
        match command {
            C::Open => self.pick(ctx, Pick::Open),
            C::CompareWith => self.pick(ctx, Pick::Compare),
            C::CompareWithFile(path) => self.compare_with_file(path, Vec::new(), ctx),
            C::CompareWithPrevious => self.compare_with_previous(ctx),
            C::ExportComparison => self.pick(ctx, Pick::ExportComparison),
            C::ExportComparisonTo(path) => self.export_comparison(&path),
            C::NextChange
            | C::PreviousChange
            | C::ToggleSubstantiveOnly
            | C::ToggleCompareLayout
            | C::CloseCompare => self.run_compare(&command),
            C::OpenFile(path) => self.open_path(path, ctx),
            C::Load(request) => self.open(request, ctx),
            C::OpenBundled => self.open_seed(),
            C::ClearRecent => self.settings.recent.clear(),
            C::CloseTab => self.close_tab(self.tabs.active()),
            C::CloseTabAt(i) => self.close_tab(i),
            C::SwitchTab(i) => self.switch_tab(i),
            C::NextTab | C::PreviousTab => {
                let n = self.tabs.len();
                if n > 1 {
                    let step = if command == C::NextTab { 1 } else { n - 1 };
                    self.switch_tab((self.tabs.active() + step) % n);
                }
            }
            C::ChooseLibraryFolder => self.pick(ctx, Pick::LibraryFolder),
            C::SetLibraryFolder(path) => self.set_library_folder(path, ctx),
            C::ForgetLibraryFolder => {
                self.settings.library = None;
                self.settings.show_library = false;
                self.library.forget();
            }
            C::RefreshLibrary => self.library.refresh(ctx),
            C::CancelIndexing => self.library.cancel(),
            C::Export => self.pick(ctx, Pick::Export),
            C::ExportTo(path) => self.export_copy(&path),
            C::ImportAnnotations => self.pick(ctx, Pick::ImportAnnotations),
            C::ExportAnnotations => self.pick(ctx, Pick::ExportAnnotations),
            C::ToggleDetails => self.windows.details = !self.windows.details,
            C::ShowParserNotes => self.windows.parser_notes = true,
            C::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            C::Find => self.search.open(),
            C::FindNext | C::FindPrevious => {
                if let Some(cur) = self.tabs.current_mut() {
                    cur.view.step_match(command == C::FindNext);
                    // The outline follows the view again (not the entry last pressed).
                    cur.outline.unfocus();
                }
            }
            C::CloseFind => {
                self.search.open = false;
                if let Some(cur) = self.tabs.current_mut() {
                    cur.view.clear_matches();
                }
            }
            C::SearchLibrary => {
                self.settings.show_library = true;
                self.library_pane.mode = Mode::Search;
                self.library_pane.focus_search = true;
            }
            C::Copy => self.copy_selection(ctx),
            C::SelectAll => {
                if let Some(c) = self.tabs.current_mut() {
                    c.view.select_all();
                }
            }
            C::Undo | C::Redo => {
                if let Some(cur) = self.tabs.current_mut() {
                    if command == C::Redo {
                        cur.annotations.redo(&cur.doc);
                    } else {
                        cur.annotations.undo(&cur.doc);
                    }
                }
            }
            C::ToggleOutline => self.settings.show_outline = !self.settings.show_outline,
            C::ToggleAnnotations => {
                self.settings.show_annotations = !self.settings.show_annotations
            }
            C::ToggleLibrary => self.settings.show_library = !self.settings.show_library,
            C::ToggleJustify => self.settings.justify = !self.settings.justify,
            C::ToggleDark => self.set_dark(ctx, !self.settings.dark),
            C::SetInterfaceLanguage(lang) => {
                // Remembered with the settings; the rest of this frame and the next speak it.
                self.settings.language = Some(lang);
                crate::ui::i18n::set_language(lang);
                crate::ui::i18n::install_fonts(ctx, lang);
                ctx.request_repaint();
            }
            C::ZoomIn => self.settings.zoom_in(),
            C::ZoomOut => self.settings.zoom_out(),
            C::ZoomReset => self.settings.zoom = 1.0,
            C::ReadIn(l) => self.switch_language(l, ctx),
            C::ShowBeside(l) => self.open_beside(l, ctx),
            C::CloseBeside => {
                if let Some(cur) = self.tabs.current_mut() {
                    cur.close_beside();
                }
                self.windows.close_popup();
            }
            C::Highlight(c) => self.highlight_selection(c, false),
            C::HighlightWithNote => {
                let c = self
                    .current()
                    .map(|c| c.annotations.last_color())
                    .unwrap_or(Color::Yellow);
                self.highlight_selection(c, true);
            }
            C::AnnotateParagraph { paragraph, note } => self.annotate_paragraph(&paragraph, note),
            C::OpenNote(id) => self.open_note(&id),
            C::DeleteAnnotation(id) => self.delete_annotation(&id),
            C::GoToAnnotation(id) => self.go_to_annotation(&id, now),
            C::CopyCitation { side, paragraph } => {
                let doc = self.current().map(|c| &c.column(side).doc);
                if let Some(text) = doc.and_then(|d| qarar_library::citation_text(d, &paragraph)) {
                    ctx.copy_text(text);
                }
            }
            C::GoToBlock(block) => {
                if let Some(cur) = self.tabs.current_mut() {
                    cur.go_to_block(block, now);
                }
            }
            C::GoToParagraph { side, paragraph } => {
                if let Some(cur) = self.tabs.current_mut() {
                    match (side, cur.beside.as_deref_mut()) {
                        (Side::Beside, Some(b)) => b.go_to_paragraph(&paragraph, now),
                        _ => cur.go_to_paragraph(&paragraph, now),
                    }
                }
            }
            C::OutlinePrevious | C::OutlineNext => {
                if let Some(cur) = self.tabs.current_mut() {
                    cur.step_outline(command == C::OutlineNext, now);
                }
            }
            C::Scroll(scroll) => {
                // Side by side, both columns move with the main one's scroll.
                if let Some(cur) = self.tabs.current_mut() {
                    cur.view.request_scroll(scroll);
                }
            }
            C::OpenPopup(popup) => self.windows.popup = Some(*popup),
            C::ClosePopup => {
                // The keyboard goes back to the marker that opened it.
                if let Some(id) = self.windows.close_popup().and_then(|p| p.return_focus) {
                    ctx.memory_mut(|m| m.request_focus(id));
                }
            }
            C::LeavePopup => {
                self.windows.close_popup();
            }
            C::DismissMessages => self.status.clear(),
            C::Dismiss => {
                if !self.status.is_empty() {
                    self.status.clear();
                } else if self.search.open {
                    self.run(C::CloseFind, ctx);
                }
            }
            // The library pane's filter field moves its own cursor (see `LibraryPane::ui`).
            C::LibraryPreviousRow | C::LibraryNextRow | C::LibraryOpenRow => {}
        }
    }

    /// Copy the selection (of either column, or of the compare view) as logical text.
    fn copy_selection(&self, ctx: &egui::Context) {
        if let Some(view) = self.compare_view() {
            if let Some(text) = view.selected_text() {
                ctx.copy_text(text);
            }
            return;
        }
        let selected = self.current().and_then(|c| {
            c.view
                .selected_text()
                .or_else(|| c.beside.as_ref().and_then(|b| b.view.selected_text()))
        });
        if let Some(text) = selected {
            ctx.copy_text(text);
        }
    }

    fn delete_annotation(&mut self, id: &str) {
        if self.editing.as_ref().is_some_and(|e| e.id == id) {
            self.editing = None;
        }
        if let Some(cur) = self.tabs.current_mut() {
            cur.annotations.delete(&cur.doc, id);
        }
    }

    fn go_to_annotation(&mut self, id: &str, now: f64) {
        if let Some(cur) = self.tabs.current_mut() {
            let block = cur.view.highlights.iter().find(|h| h.id == id);
            if let Some(b) = block.map(|h| h.block) {
                cur.go_to_block(b, now);
            }
        }
    }

    /// Highlight the selected passages in `color`; with `note`, open the note editor on the
    /// (first) new highlight.
    pub(crate) fn highlight_selection(&mut self, color: Color, note: bool) {
        let Some(cur) = self.tabs.current_mut() else {
            return;
        };
        let passages = cur.view.selected_passages(&cur.doc);
        let mut first = None;
        for (pid, chars) in passages {
            match Annotation::new_on_passage(&cur.doc, &pid, chars, color) {
                Ok(a) => {
                    let id = cur.annotations.add(&cur.doc, a);
                    first.get_or_insert(id);
                }
                Err(e) => self.status.error(crate::ui::i18n::ta(
                    "msg-cannot-highlight",
                    &[("reason", crate::ui::i18n::arg(e.to_string()))],
                )),
            }
        }
        cur.view.clear_selection();
        if note && let Some(id) = first {
            self.open_note(&id);
        }
    }

    fn annotate_paragraph(&mut self, paragraph: &str, note: bool) {
        let Some(cur) = self.tabs.current_mut() else {
            return;
        };
        let color = cur.annotations.last_color();
        match Annotation::new_on_paragraph(&cur.doc, paragraph, color) {
            Ok(a) => {
                let id = cur.annotations.add(&cur.doc, a);
                if note {
                    self.open_note(&id);
                }
            }
            Err(e) => self.status.error(crate::ui::i18n::ta(
                "msg-cannot-annotate",
                &[("reason", crate::ui::i18n::arg(e.to_string()))],
            )),
        }
    }

    /// Open the note editor on an annotation.
    pub fn open_note(&mut self, id: &str) {
        self.close_note();
        let Some(a) = self.current().and_then(|c| c.annotations.get(id)) else {
            return;
        };
        let (note, tags) = (a.note.clone(), a.tags.join("، "));
        let editor = NoteEditor::new(&mut self.painter.fonts, &note, 340.0, 17.0);
        self.editing = Some(NoteEditing {
            id: id.to_string(),
            editor,
            mesh: NoteMesh::default(),
            tags,
            labels: LabelCache::default(),
            focus: true,
        });
    }

    /// Apply the note editor's text and tags to its annotation and close it.
    pub(crate) fn close_note(&mut self) {
        let Some(e) = self.editing.take() else {
            return;
        };
        let Some(cur) = self.tabs.current_mut() else {
            return;
        };
        let note = e.editor.text();
        let tags: Vec<String> = e
            .tags
            .split(['،', ',', ';', '؛'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        cur.annotations.update(&cur.doc, &e.id, |a| {
            if a.note != note {
                a.set_note(note.clone());
            }
            if a.tags != tags {
                a.set_tags(tags.iter().map(String::as_str));
            }
        });
    }
}

/// A document to open in a new tab (library rows, popups, the details window).
pub(super) fn in_new_tab(path: std::path::PathBuf, at: Option<String>) -> Command {
    Command::Load(LoadRequest::new(path, Target::NewTab, at))
}

/// Which column a view event came from, as the commands name it.
pub(super) fn side_of(beside: bool) -> Side {
    if beside { Side::Beside } else { Side::Main }
}
