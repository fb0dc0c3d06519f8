//! What the window tests share: a corpus file when it is there, the reader in a headless
//! harness, every AccessKit name of the window (with each menu opened in turn), what the
//! window copied (and, from `qarar-testkit`, corpus files and zip parts).

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use qarar::ui::{ReaderApp, StartOptions};
use std::collections::BTreeSet;
use std::path::PathBuf;

pub(crate) use qarar_testkit::{akn_file, zip_part};

/// A file of the Akoma Ntoso corpus by name (the path even when the corpus is absent: the
/// tests check `exists()` and return early).
pub(crate) fn corpus_file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/akn")
        .join(name)
}

/// The reader started with `start` in a 1280 × 800 window, before its first frame; its
/// annotations and settings in a temporary folder unless `start` names one.
pub(crate) fn reader(mut start: StartOptions) -> Harness<'static, ReaderApp> {
    start.data_dir.get_or_insert_with(|| {
        std::env::temp_dir().join(format!("qarar-window-data-{}", std::process::id()))
    });
    let app = ReaderApp::new(&egui::Context::default(), None, start);
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut ReaderApp| app.frame(ui), app)
}

/// The reader on `file` (the bundled resolution without one) in a 1280 × 800 window, its
/// annotations and settings in `data_dir`, after its first frames.
pub(crate) fn reader_on(file: Option<PathBuf>, data_dir: PathBuf) -> Harness<'static, ReaderApp> {
    let mut h = reader(StartOptions {
        file,
        data_dir: Some(data_dir),
        ..StartOptions::default()
    });
    h.run_ok();
    h
}

/// Every AccessKit name of the window now.
pub(crate) fn names(h: &Harness<'static, ReaderApp>) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![h.root()];
    while let Some(n) = stack.pop() {
        if let Some(l) = n.accesskit_node().label() {
            out.push(l);
        }
        stack.extend(n.children());
    }
    out
}

/// Every AccessKit name and value of the window now (a label's text is its value).
pub(crate) fn texts(h: &Harness<'static, ReaderApp>) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![h.root()];
    while let Some(n) = stack.pop() {
        let node = n.accesskit_node();
        out.extend(node.label());
        out.extend(node.value());
        stack.extend(n.children());
    }
    out
}

/// The menus of the bar, by message id.
pub(crate) const MENUS: [&str; 5] = [
    "menu-file",
    "menu-edit",
    "menu-view",
    "menu-settings",
    "menu-help",
];

/// Every name of the window with each menu of the bar opened in turn (in the interface
/// language of the moment).
pub(crate) fn names_with_menus(h: &mut Harness<'static, ReaderApp>) -> BTreeSet<String> {
    let mut all: BTreeSet<String> = names(h).into_iter().collect();
    for menu in MENUS {
        let label = qarar::ui::i18n::t(menu);
        h.get_by_label(&label).click();
        h.run_ok();
        all.extend(names(h));
        // Closed by its button again (Escape would also close a comparison).
        h.get_by_label(&label).click();
        h.run_ok();
    }
    all
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
