//! The search bar (Ctrl+F): an Arabic-capable line field, Arabic folding, all matches
//! highlighted, Enter / Shift+Enter to move, "3 / 12", Esc to close.

use super::command::{Command, with_tooltip};
use super::text_painter::{LabelCache, LabelStyle, TextPainter, paint_label};
use eframe::egui::{self, Event, Key, Sense, pos2, vec2};
use qarar_text::display::{Block, text_direction};
use qarar_util::fold;
use std::ops::Range;

#[derive(Default)]
pub struct Search {
    pub open: bool,
    pub query: String,
    /// Query the matches were computed for.
    searched: Option<String>,
    pub(crate) request_focus: bool,
    /// The field had the keyboard in the last frame.
    pub focused: bool,
    labels: LabelCache,
}

/// What the search bar asks of the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchAction {
    /// New matches for a changed query.
    Matches(Vec<(usize, Range<usize>)>),
    Next,
    Previous,
    Close,
}

/// Every match of `query` (folded) in the blocks, in reading order.
pub fn find(blocks: &[Block], query: &str) -> Vec<(usize, Range<usize>)> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        for r in fold::find_all(&b.display.text, query) {
            out.push((i, r));
        }
    }
    out
}

impl Search {
    pub fn open(&mut self) {
        self.open = true;
        self.request_focus = true;
    }

    /// Show the bar; `count` is (current, total) for the label.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        blocks: &[Block],
        count: (Option<usize>, usize),
    ) -> Vec<SearchAction> {
        let mut actions = Vec::new();
        ui.horizontal(|ui| {
            super::i18n::label(ui, &super::i18n::t("find-label"));
            let resp = line_edit(
                ui,
                painter,
                &mut self.labels,
                &mut self.query,
                "search-field",
                320.0,
            );
            if self.request_focus {
                resp.request_focus();
                self.request_focus = false;
            }
            let focused = resp.has_focus();
            let (current, total) = count;
            let text = match (current, total) {
                (_, 0) if self.query.trim().is_empty() => String::new(),
                (_, 0) => super::i18n::t("find-no-matches"),
                (Some(c), t) => format!("{} / {t}", c + 1),
                (None, t) => super::i18n::ta("find-matches", &[("count", super::i18n::number(t))]),
            };
            super::i18n::label(ui, &text);
            if with_tooltip(
                super::i18n::button(ui, &Command::FindPrevious.label()),
                &Command::FindPrevious,
            )
            .clicked()
            {
                actions.push(SearchAction::Previous);
            }
            if with_tooltip(
                super::i18n::button(ui, &Command::FindNext.label()),
                &Command::FindNext,
            )
            .clicked()
            {
                actions.push(SearchAction::Next);
            }
            if with_tooltip(
                super::i18n::button(ui, &Command::CloseFind.label()),
                &Command::CloseFind,
            )
            .clicked()
            {
                actions.push(SearchAction::Close);
            }
            self.focused = focused;
            if focused {
                // The find field's keys, as the command list binds them (most specific first).
                ui.input_mut(|i| {
                    if Command::FindPrevious.consume(i) {
                        actions.push(SearchAction::Previous);
                    } else if Command::FindNext.consume(i) {
                        actions.push(SearchAction::Next);
                    } else if Command::CloseFind.consume(i) {
                        actions.push(SearchAction::Close);
                    }
                });
            }
        });
        if self.searched.as_deref() != Some(self.query.as_str()) {
            self.searched = Some(self.query.clone());
            actions.insert(0, SearchAction::Matches(find(blocks, &self.query)));
        }
        actions
    }
}

/// A one-line text field whose text is shaped by cosmic-text (Arabic joins and reads right to
/// left). Takes typed text, paste, Backspace and Ctrl+Backspace while focused.
pub(crate) fn line_edit(
    ui: &mut egui::Ui,
    painter: &mut TextPainter,
    labels: &mut LabelCache,
    text: &mut String,
    id_salt: &str,
    width: f32,
) -> egui::Response {
    let _ = id_salt;
    line_edit_labeled(
        ui,
        painter,
        labels,
        text,
        width,
        &super::i18n::t("find-field"),
    )
}

/// [`line_edit`] with its own AccessKit label.
pub(crate) fn line_edit_labeled(
    ui: &mut egui::Ui,
    painter: &mut TextPainter,
    labels: &mut LabelCache,
    text: &mut String,
    width: f32,
    a11y_label: &str,
) -> egui::Response {
    let height = 30.0;
    let (rect, resp) = ui.allocate_exact_size(vec2(width, height), Sense::click());
    let id = resp.id;
    if resp.clicked() {
        resp.request_focus();
    }
    let focused = resp.has_focus();
    if focused {
        // Arrow keys belong to the field (and its list), not to egui's focus navigation.
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            )
        });
        let events = ui.input(|i| i.events.clone());
        for e in events {
            match e {
                Event::Text(t) | Event::Paste(t) => {
                    text.push_str(&t.replace(['\n', '\r'], " "));
                }
                Event::Key {
                    key: Key::Backspace,
                    pressed: true,
                    modifiers,
                    ..
                } => {
                    if modifiers.command {
                        let trimmed = text.trim_end().len();
                        text.truncate(trimmed);
                        let cut = text.rfind(char::is_whitespace).map(|i| i + 1).unwrap_or(0);
                        text.truncate(cut);
                    } else {
                        text.pop();
                    }
                }
                _ => {}
            }
        }
    }
    super::text_painter::field_frame(ui, rect, focused);
    let visuals = ui.visuals();
    let dir = text_direction(text);
    let style = LabelStyle {
        size: 16.0,
        bold: false,
        color: visuals.text_color(),
        direction: dir,
        width: width - 16.0,
        line_height: 1.3,
    };
    let caret_color = visuals.text_cursor.stroke.color;
    let label = painter.label(ui.ctx(), labels, text, style);
    let top = rect.center().y - label.size.y / 2.0;
    paint_label(ui.painter(), &label, pos2(rect.left() + 8.0, top));
    if focused {
        let w = label.line_width.min(width - 16.0);
        let x = match dir {
            qarar_document::Direction::Rtl => rect.right() - 8.0 - w - 1.0,
            qarar_document::Direction::Ltr => rect.left() + 8.0 + w + 1.0,
        };
        ui.painter().line_segment(
            [pos2(x, rect.top() + 6.0), pos2(x, rect.bottom() - 6.0)],
            egui::Stroke::new(1.5, caret_color),
        );
    }
    let value = text.clone();
    resp.widget_info(|| {
        let role = if a11y_label == super::i18n::t("find-field") {
            egui::accesskit::Role::SearchInput
        } else {
            egui::accesskit::Role::TextInput
        };
        let mut info = egui::WidgetInfo::labeled(role, true, a11y_label);
        info.current_text_value = Some(value.clone());
        info
    });
    let _ = id;
    resp
}
