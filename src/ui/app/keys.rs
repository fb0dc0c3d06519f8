//! The keyboard, generated from the [`Command`] list: the scope the keyboard is in decides
//! which commands' shortcuts act. Also files dropped on the window.

use super::ReaderApp;
use crate::ui::command::{Command, Scope};
use eframe::egui;
use std::path::PathBuf;

impl ReaderApp {
    /// Where the keyboard is this frame.
    pub(crate) fn keyboard_scope(&self, ctx: &egui::Context) -> Scope {
        if self.editing.is_some() {
            return Scope::NoteEditor;
        }
        // A text field (find, library filter, tags) has the keyboard.
        if ctx.memory(|m| m.focused().is_some()) {
            return if self.settings.show_library && self.library_pane.filter_focused {
                Scope::LibraryFilter
            } else {
                // The find field, or another one-line field (tags, library search) that
                // has the same keys.
                Scope::FindField
            };
        }
        if self.windows.popup.is_some() {
            return Scope::Popup;
        }
        if self.compare_shown() {
            return Scope::Compare;
        }
        if self.current().is_some_and(|c| c.outline.focused) {
            return Scope::Outline;
        }
        Scope::Document
    }

    /// Turn this frame's key presses into commands. The fields and the popup handle the keys
    /// of their own scope where they are drawn; here are the window's and the document's.
    pub(super) fn keyboard(&mut self, ctx: &egui::Context) {
        let scope = self.keyboard_scope(ctx);
        let has_selection = self
            .current()
            .is_some_and(|c| !c.view.selected_passages(&c.doc).is_empty());
        let pressed: Vec<Command> = ctx.input_mut(|input| {
            Command::keyed()
                .iter()
                .filter(|c| c.acts_in(scope) && !handled_where_drawn(c))
                // Highlight keys act on a selection only (otherwise 1–6 and N are free).
                .filter(|c| {
                    has_selection
                        || !matches!(c, Command::Highlight(_) | Command::HighlightWithNote)
                })
                .filter(|c| c.consume(input))
                .cloned()
                .collect()
        });
        for command in pressed {
            self.push(command);
        }
        // Ctrl+C usually arrives as a copy event rather than as a key.
        let copy = ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)));
        if copy && Command::Copy.acts_in(scope) && !self.commands.contains(&Command::Copy) {
            self.push(Command::Copy);
        }
    }

    /// Files dropped on the window: a folder becomes the library, a file is opened.
    pub(super) fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.push(if path.is_dir() {
                Command::SetLibraryFolder(path)
            } else {
                Command::OpenFile(path)
            });
        }
    }
}

/// Commands whose keys the widget of their scope reads where it is drawn (the find field,
/// the library filter, the popup).
fn handled_where_drawn(c: &Command) -> bool {
    matches!(
        c,
        Command::FindNext
            | Command::FindPrevious
            | Command::CloseFind
            | Command::LibraryPreviousRow
            | Command::LibraryNextRow
            | Command::LibraryOpenRow
            | Command::ClosePopup
    )
}
