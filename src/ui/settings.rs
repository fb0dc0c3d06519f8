//! What the reader remembers between runs (eframe persistence).

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

pub(crate) const STORAGE_KEY: &str = "qarar-settings";
const MAX_RECENT: usize = 12;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub(crate) recent: Vec<PathBuf>,
    pub(crate) dark: bool,
    pub zoom: f32,
    pub show_outline: bool,
    pub show_annotations: bool,
    pub justify: bool,
    /// The library folder (Settings → Library folder…, or `--library DIR`).
    pub library: Option<PathBuf>,
    pub show_library: bool,
    /// Paper size of PDF exports (the reader's and the comparison's).
    pub paper: qarar_export::pdf::Paper,
    /// The interface language (Settings → Language); `None` until chosen: the system
    /// locale's then decides (`Lang::from_locale`). Independent of the document's language.
    pub language: Option<qarar_i18n::Lang>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            dark: false,
            zoom: 1.0,
            // The outline is the point of a resolution reader: it is open on a first start
            // (the window starts at 1280×800); once closed (F7 or the Outline button) it stays
            // closed, as the settings are remembered.
            show_outline: true,
            show_annotations: false,
            justify: true,
            library: None,
            show_library: false,
            paper: qarar_export::pdf::Paper::A4,
            language: None,
        }
    }
}

impl Settings {
    /// Put `path` first in the recent files, without duplicates.
    pub(crate) fn add_recent(&mut self, path: PathBuf) {
        let canon = qarar_util::canonical_path(&path);
        self.recent.retain(|p| p != &canon);
        self.recent.insert(0, canon);
        self.recent.truncate(MAX_RECENT);
    }

    pub(crate) fn zoom_in(&mut self) {
        self.zoom = (self.zoom * 1.1).min(3.0);
    }

    pub(crate) fn zoom_out(&mut self) {
        self.zoom = (self.zoom / 1.1).max(0.5);
    }
}
