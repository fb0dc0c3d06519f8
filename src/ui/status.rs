//! One channel for what the window tells the user: errors (a file that cannot be opened,
//! annotations that cannot be saved) and notices (an export written). Every part of the app
//! reports here, and the messages are shown the same way: one window, newest last, closed
//! with OK or Esc.

use super::command::{Command, Commands};
use super::text_painter::{LabelCache, LabelStyle, TextPainter};
use eframe::egui;
use qarar_document::Direction;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Notice,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub level: Level,
    pub text: String,
}

impl Message {
    pub fn error(text: impl Into<String>) -> Message {
        Message {
            level: Level::Error,
            text: text.into(),
        }
    }

    pub(crate) fn notice(text: impl Into<String>) -> Message {
        Message {
            level: Level::Notice,
            text: text.into(),
        }
    }
}

/// Messages waiting for the user to read them.
#[derive(Default)]
pub struct Status {
    messages: Vec<Message>,
    labels: LabelCache,
}

impl Status {
    pub fn error(&mut self, text: impl Into<String>) {
        self.push(Level::Error, text.into());
    }

    /// Add a message (the same text twice in a row, a retry, is said once).
    pub(crate) fn push_message(&mut self, message: Message) {
        if self.messages.last().is_some_and(|m| m.text == message.text) {
            return;
        }
        self.messages.push(message);
    }

    fn push(&mut self, level: Level, text: String) {
        self.push_message(Message { level, text });
    }

    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    pub fn clear(&mut self) {
        self.messages.clear();
    }

    /// The messages window (nothing when there are none). File names may be Arabic: the
    /// messages are shaped by cosmic-text like the document.
    pub fn ui(&mut self, ctx: &egui::Context, painter: &mut TextPainter, queue: &mut Commands) {
        if self.messages.is_empty() {
            return;
        }
        let title = super::i18n::t(if self.messages.iter().any(|m| m.level == Level::Error) {
            "status-problem"
        } else {
            "status-done"
        });
        super::i18n::window(&title)
            .id(egui::Id::unique("qarar-status"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .show(ctx, |ui| {
                super::i18n::title_row(ui, &title, None);
                let direction = if super::i18n::rtl() {
                    Direction::Rtl
                } else {
                    Direction::Ltr
                };
                for m in &self.messages {
                    let color = match m.level {
                        Level::Error => ui.visuals().error_fg_color,
                        Level::Notice => ui.visuals().text_color(),
                    };
                    let style = LabelStyle::new(15.0, color, direction, 420.0);
                    painter.show_label(ui, &mut self.labels, &m.text, style);
                    ui.add_space(4.0);
                }
                ui.add_space(4.0);
                if super::i18n::button(ui, &Command::DismissMessages.label()).clicked() {
                    queue.push(Command::DismissMessages);
                }
            });
    }
}
