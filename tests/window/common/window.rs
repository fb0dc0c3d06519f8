//! What the window tests share: a corpus file when it is there, the reader in a headless
//! harness, what the window copied (and, from `qarar-testkit`, corpus files and zip parts).

use eframe::egui;
use egui_kittest::Harness;
use qarar::ui::{ReaderApp, StartOptions};
use std::path::PathBuf;

pub(crate) use qarar_testkit::{akn_file, zip_part};

/// The reader on `file` (the bundled resolution without one) in a 1280 × 800 window, its
/// annotations and settings in `data_dir`, after its first frames.
pub(crate) fn reader_on(file: Option<PathBuf>, data_dir: PathBuf) -> Harness<'static, ReaderApp> {
    let start = StartOptions {
        file,
        data_dir: Some(data_dir),
        ..StartOptions::default()
    };
    let app = ReaderApp::new(&egui::Context::default(), None, start);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut ReaderApp| app.frame(ui), app);
    h.run_ok();
    h
}

/// The text the last frame copied to the clipboard, if any.
pub(crate) fn copied(h: &Harness<'static, ReaderApp>) -> Option<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .next_back()
}
