//! The window's side of the annotation session ([`qarar_annotations::Session`]: the open
//! document's annotations, undo and redo, saving in the background once changes pause for
//! [`qarar_annotations::SAVE_DELAY`]): ticking it every frame with egui's repaints, and its
//! messages as the status line's.

use super::status::Message;
use eframe::egui;
use qarar_annotations::session;
use qarar_document::Document;
use std::time::Duration;

/// The open document's annotations (the window's name for the session).
pub type Annotations = qarar_annotations::Session;

/// How often the window ticks a session whose changes are not on disk yet (to start the save
/// once [`qarar_annotations::SAVE_DELAY`] has passed, and to take in the finished one).
const PENDING_TICK: Duration = Duration::from_millis(100);

/// Once a frame: the session saves in the background, and the window draws again while a
/// change is not on disk (and as soon as the writer has saved one).
pub fn tick(annotations: &mut Annotations, doc: &Document, ctx: &egui::Context) {
    if !annotations.has_repaint() {
        let ctx = ctx.clone();
        annotations.set_repaint(move || ctx.request_repaint());
    }
    if annotations.tick(doc) {
        ctx.request_repaint_after(PENDING_TICK);
    }
}

impl From<session::Message> for Message {
    fn from(m: session::Message) -> Message {
        match m {
            session::Message::Error(text) => Message::error(text),
            session::Message::Notice(text) => Message::notice(text),
        }
    }
}
