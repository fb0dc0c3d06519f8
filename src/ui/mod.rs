//! The reader window (egui/eframe). Arabic text is shaped and laid out by cosmic-text
//! (`qarar_text`) and painted here as meshes over a glyph atlas.
//!
//! `app` holds the window's state and applies [`command::Command`]s; the panes and windows
//! each keep their own state and push commands.

pub mod annotate;
pub mod annotations_pane;
pub mod app;
pub mod atlas;
pub mod command;
pub mod compare;
pub mod document;
pub mod i18n;
pub(crate) mod jobs;
pub mod library;
pub mod library_pane;
pub mod load_message;
pub(crate) mod note_widget;
pub mod outline;
pub mod parallel;
pub mod popup;
pub mod search;
pub mod settings;
pub mod status;
pub mod tabs;
pub mod text_painter;
pub mod view;
pub(crate) mod widgets;

pub use app::{ReaderApp, StartOptions};
pub use command::{Command, Scope};
pub use document::{LoadRequest, OpenDocument, Side, Target};

/// Open the reader window.
pub fn run(start: StartOptions) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("Qarar")
            .with_app_id("qarar")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([480.0, 320.0])
            .with_drag_and_drop(true)
            .with_icon(std::sync::Arc::new(crate::build_info::window_icon())),
        ..Default::default()
    };
    eframe::run_native(
        "Qarar",
        options,
        Box::new(move |cc| Ok(Box::new(ReaderApp::new(&cc.egui_ctx, cc.storage, start)))),
    )
}
