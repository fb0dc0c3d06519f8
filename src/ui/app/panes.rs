//! The panes around the document (outline, library, annotations), the document itself
//! (with the find bar, one column or two) and the footnote and reference popups. Each gets
//! its own state and pushes commands for the rest.

use super::ReaderApp;
use super::run::{in_new_tab, side_of};
use crate::ui::annotations_pane::PaneAction;
use crate::ui::command::Command;
use crate::ui::document::Side;
use crate::ui::i18n::{self, t};
use crate::ui::library_pane::LibraryAction;
use crate::ui::popup::{self, Popup, PopupAction, PopupKind};
use crate::ui::search::SearchAction;
use crate::ui::view::ViewEvent;
use eframe::egui;
use qarar_document::Direction;
use qarar_text::display::Link;
use qarar_text::layout::Typography;

impl From<LibraryAction> for Command {
    fn from(a: LibraryAction) -> Command {
        match a {
            LibraryAction::Open { path, at } => in_new_tab(path, at),
            LibraryAction::ChooseFolder => Command::ChooseLibraryFolder,
            LibraryAction::Refresh => Command::RefreshLibrary,
            LibraryAction::Cancel => Command::CancelIndexing,
        }
    }
}

impl From<PaneAction> for Command {
    fn from(a: PaneAction) -> Command {
        match a {
            PaneAction::GoTo(id) => Command::GoToAnnotation(id),
            PaneAction::Edit(id) => Command::OpenNote(id),
            PaneAction::Delete(id) => Command::DeleteAnnotation(id),
        }
    }
}

impl ReaderApp {
    /// Outline (on the reading side), library and annotations (on the other).
    pub(super) fn side_panes(&mut self, ui: &mut egui::Ui) {
        let direction = self.direction();
        type Side = fn(&'static str) -> egui::Panel;
        let (start, end): (Side, Side) = match direction {
            Direction::Rtl => (|id| egui::Panel::right(id), |id| egui::Panel::left(id)),
            Direction::Ltr => (|id| egui::Panel::left(id), |id| egui::Panel::right(id)),
        };
        // The compare view shows its list of changes where the outline stands.
        if self.settings.show_outline
            && !self.compare_shown()
            && let Some(cur) = self.tabs.current_mut()
        {
            let top = cur.view.reading_block();
            let go = start("outline")
                .resizable(true)
                .default_size(250.0)
                .min_size(160.0)
                .show(ui, |ui| {
                    cur.outline.ui(ui, &mut self.painter, direction, top)
                })
                .inner;
            i18n::name_resize_handle(ui, "outline", &t("pane-resize-outline"));
            self.commands.extend(go.map(Command::GoToBlock));
        }
        if self.settings.show_library {
            let prefer = self
                .current()
                .map(|c| c.doc.meta.language)
                .unwrap_or_default();
            let action = end("library")
                .resizable(true)
                .default_size(320.0)
                .min_size(220.0)
                .show(ui, |ui| {
                    self.library_pane
                        .ui(ui, &mut self.painter, &mut self.library, prefer)
                })
                .inner;
            i18n::name_resize_handle(ui, "library", &t("pane-resize-library"));
            self.commands.extend(action.map(Command::from));
        }
        if self.settings.show_annotations
            && let Some(cur) = self.tabs.current_mut()
        {
            let items = cur.pane_items_cached();
            let action = end("annotations")
                .resizable(true)
                .default_size(300.0)
                .min_size(200.0)
                .show(ui, |ui| {
                    self.pane.ui(ui, &mut self.painter, &items, direction)
                })
                .inner;
            i18n::name_resize_handle(ui, "annotations", &t("pane-resize-annotations"));
            self.commands.extend(action.map(Command::from));
        }
    }

    /// The document (one column, or two side by side) under the find bar.
    pub(super) fn central_panel(&mut self, ui: &mut egui::Ui) {
        let typo = self.typography_for(self.direction());
        let mut events = Vec::new();
        if self.compare_shown() {
            self.compare_panel(ui);
            return;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(cur) = self.tabs.current_mut() else {
                ui.centered_and_justified(|ui| {
                    crate::ui::i18n::label(ui, &crate::ui::i18n::t("empty-open-hint"))
                });
                return;
            };
            if self.search.open {
                let count = (cur.view.current_match, cur.view.matches.len());
                for a in self
                    .search
                    .ui(ui, &mut self.painter, cur.view.blocks(), count)
                {
                    match a {
                        SearchAction::Matches(m) => cur.view.set_matches(m),
                        SearchAction::Next => self.commands.push(Command::FindNext),
                        SearchAction::Previous => self.commands.push(Command::FindPrevious),
                        SearchAction::Close => self.commands.push(Command::CloseFind),
                    }
                }
                ui.separator();
            }
            events = if cur.beside.is_some() {
                let typo_of = |d: Direction| Typography {
                    body_size: if d == Direction::Ltr { 17.0 } else { 20.0 },
                    ..typo
                };
                crate::ui::parallel::ui(ui, &mut self.painter, cur, &typo_of)
            } else {
                cur.view
                    .ui(ui, &mut self.painter, typo)
                    .into_iter()
                    .map(|e| (Side::Main, e))
                    .collect()
            };
        });
        for (side, e) in events {
            self.view_event(side, e);
        }
    }

    fn view_event(&mut self, side: Side, e: ViewEvent) {
        match e {
            ViewEvent::LinkClicked { block, link, at } => {
                let return_focus = self
                    .tabs
                    .current()
                    .and_then(|c| c.column(side).view.link_widget(block, &link));
                let kind = match link {
                    Link::Footnote { id, .. } => PopupKind::Footnote { id },
                    Link::Reference { index } => PopupKind::Reference { index },
                };
                self.commands.push(Command::OpenPopup(Box::new(Popup {
                    kind,
                    at,
                    opened_frame: self.frame_count,
                    beside: side == Side::Beside,
                    return_focus,
                })));
            }
            ViewEvent::ClickedText => {
                if let Some(cur) = self.tabs.current_mut() {
                    cur.outline.unfocus();
                }
            }
            // The other language's own highlights are edited in its own tab.
            ViewEvent::HighlightClicked { .. } if side == Side::Beside => {}
            ViewEvent::HighlightClicked { id, .. } => self.commands.push(Command::OpenNote(id)),
            ViewEvent::ParagraphAction { paragraph, note } => self
                .commands
                .push(Command::AnnotateParagraph { paragraph, note }),
            ViewEvent::CopyCitation { paragraph } => self
                .commands
                .push(Command::CopyCitation { side, paragraph }),
        }
    }

    /// The footnote or reference popup: closed by a click elsewhere, Esc or its actions.
    pub(super) fn popups(&mut self, ctx: &egui::Context) {
        if let Some(p) = &self.windows.popup {
            let pressed_outside = ctx.input(|i| {
                i.pointer.any_pressed()
                    && i.pointer.interact_pos().is_some_and(|pos| {
                        !self.windows.popup_rect.is_some_and(|r| r.contains(pos))
                    })
            });
            if pressed_outside && p.opened_frame != self.frame_count {
                self.commands.push(Command::LeavePopup);
                return;
            }
        }
        let (Some(p), Some(cur)) = (self.windows.popup.clone(), self.tabs.current()) else {
            return;
        };
        let side = side_of(p.beside);
        let mut rect = None;
        let parts = popup::PopupParts {
            painter: &mut self.painter,
            labels: &mut self.windows.labels,
            rich: &mut self.windows.rich,
        };
        let action = popup::show(
            ctx,
            &p,
            &cur.column(side).doc,
            &self.library,
            parts,
            &mut rect,
        );
        self.windows.popup_rect = rect;
        match action {
            Some(PopupAction::Close) => self.commands.push(Command::ClosePopup),
            Some(PopupAction::Reference { index, at }) => {
                self.commands.push(Command::OpenPopup(Box::new(Popup {
                    kind: PopupKind::Reference { index },
                    at,
                    opened_frame: self.frame_count,
                    ..p
                })));
            }
            Some(PopupAction::GoTo(paragraph)) => {
                self.commands.push(Command::LeavePopup);
                self.commands
                    .push(Command::GoToParagraph { side, paragraph });
            }
            Some(PopupAction::Open { path, at }) => {
                self.commands.push(Command::LeavePopup);
                self.commands.push(in_new_tab(path, at));
            }
            None => {}
        }
    }
}
