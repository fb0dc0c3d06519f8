//! The reader application: its state, and one frame of the window.
//!
//! A frame reads the keyboard and what background jobs sent, draws the panes and windows
//! (which push [`Command`]s), then applies the commands in [`ReaderApp::run`] — the one place
//! that changes state across modules.

mod comparing;
mod keys;
mod loading;
mod menus;
mod panes;
mod run;
mod windows;

use super::annotations_pane::AnnotationsPane;
use super::command::{Command, Commands};
use super::document::{LoadRequest, OpenDocument, SEED, SEED_NAME};
use super::jobs::Jobs;
use super::library::LibraryState;
use super::library_pane::LibraryPane;
use super::note_widget::NoteMesh;
use super::popup::Popup;
use super::search::Search;
use super::settings::{STORAGE_KEY, Settings};
use super::status::Status;
use super::tabs::Tabs;
use super::text_painter::{LabelCache, TextPainter};
use eframe::egui;
use qarar_document::{Direction, Document, Language, LoadError};
use qarar_text::layout::Typography;
use qarar_text::note_editor::NoteEditor;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub(crate) use loading::Pick;

type PreviousVersions = ((PathBuf, u64), Vec<(String, PathBuf)>);

/// Start-up options from the command line.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    pub file: Option<PathBuf>,
    pub exit_after_first_frame: bool,
    pub started: Option<Instant>,
    /// Where annotations are kept (default: the user's data directory, or `QARAR_DATA_DIR`).
    pub data_dir: Option<PathBuf>,
    /// Library folder to index (`--library DIR`); otherwise the one in the settings.
    pub library: Option<PathBuf>,
    /// Language to show beside the first document once the library is read (`--beside`).
    pub beside: Option<Language>,
    /// The system locale (`ar-EG`, `fr_CA.UTF-8`): the interface language at first start,
    /// until one is chosen in Settings → Language. `None` (tests): English.
    pub locale: Option<String>,
}

/// A document read in the background, with its stored annotations already anchored.
type LoadResult = (
    LoadRequest,
    Result<(Document, super::annotate::Annotations), LoadError>,
);

/// Work the window waits for in the background.
#[derive(Default)]
struct Background {
    loading: Jobs<LoadResult>,
    /// A file dialog (one at a time).
    picking: Jobs<(Pick, Option<PathBuf>)>,
    /// Annotated copies being written (File → Export…): the message for the user.
    exporting: Jobs<super::status::Message>,
    /// A comparison being worked out (File → Compare with…).
    comparing: Jobs<Result<super::compare::Prepared, String>>,
}

impl Background {
    fn is_busy(&self) -> bool {
        self.loading.is_busy()
            || self.picking.is_busy()
            || self.exporting.is_busy()
            || self.comparing.is_busy()
    }
}

/// The small windows over the document and what they remember.
#[derive(Default)]
struct Windows {
    popup: Option<Popup>,
    popup_rect: Option<egui::Rect>,
    labels: LabelCache,
    /// The footnote text of the popup, laid out.
    rich: super::popup::RichText,
    /// The resolution details window (metadata, votes, cited by).
    details: bool,
    /// The parser notes window (what the parser noticed in the document).
    parser_notes: bool,
    /// The About window (version, commit, target).
    about: bool,
    /// "Cited by" of the details window, and what it was worked out for.
    cited: Option<CitedBy>,
}

impl Windows {
    /// Close the footnote or reference popup (a command closed it, or the document under
    /// it went away); the popup it was.
    fn close_popup(&mut self) -> Option<Popup> {
        self.popup_rect = None;
        self.popup.take()
    }
}

/// (library generation, symbol, language) and the citing documents (label, path).
type CitedBy = ((u64, String, Language), Vec<(String, PathBuf)>);

/// The note window's state.
pub(crate) struct NoteEditing {
    pub id: String,
    pub editor: NoteEditor,
    mesh: NoteMesh,
    pub tags: String,
    labels: LabelCache,
    focus: bool,
}

pub struct ReaderApp {
    pub painter: TextPainter,
    /// The open documents, one per tab.
    pub tabs: Tabs,
    pub settings: Settings,
    /// Errors and notices for the user.
    pub status: Status,
    pub search: Search,
    pub library: LibraryState,
    pub library_pane: LibraryPane,
    /// The note being edited, if any.
    pub(crate) editing: Option<NoteEditing>,
    /// The compare view, over the tab that asked for it.
    compare: Option<super::compare::CompareView>,
    /// "Compare with previous": the earlier versions found for (document path, library
    /// generation), so that the File menu asks the index once, not every frame.
    previous_cache: std::cell::RefCell<Option<PreviousVersions>>,
    pane: AnnotationsPane,
    windows: Windows,
    jobs: Background,
    commands: Commands,
    /// The window's context (background jobs started outside a frame wake it up).
    ctx: egui::Context,
    start: StartOptions,
    frame_count: u64,
    /// The interface language the names of the open documents were made in.
    labelled_in: Option<qarar_i18n::Lang>,
    title: String,
}

impl ReaderApp {
    /// Create the app; `storage` gives back the settings of the last run.
    pub fn new(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        start: StartOptions,
    ) -> ReaderApp {
        let settings: Settings = storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let lang = settings.language.unwrap_or_else(|| {
            start
                .locale
                .as_deref()
                .map(qarar_i18n::Lang::from_locale)
                .unwrap_or_default()
        });
        super::i18n::set_language(lang);
        super::i18n::install_fonts(ctx, lang);
        ctx.set_visuals(if settings.dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        let mut app = ReaderApp {
            painter: TextPainter::default(),
            tabs: Tabs::default(),
            settings,
            status: Status::default(),
            search: Search::default(),
            library: LibraryState::new(start.data_dir.as_ref()),
            library_pane: LibraryPane::default(),
            editing: None,
            compare: None,
            previous_cache: Default::default(),
            pane: AnnotationsPane::default(),
            windows: Windows::default(),
            jobs: Background::default(),
            commands: Commands::default(),
            ctx: ctx.clone(),
            start: start.clone(),
            frame_count: 0,
            labelled_in: None,
            title: String::new(),
        };
        let folder = start.library.clone().or(app.settings.library.clone());
        if let Some(folder) = folder {
            if start.library.is_some() {
                app.settings.show_library = true;
            }
            app.settings.library = Some(folder.clone());
            app.library.set_folder(folder, ctx);
        }
        match &start.file {
            // The first document loads before the first frame: it is what the user asked to see.
            Some(path) => match qarar_document::load_path(path) {
                Ok(doc) => {
                    app.settings.add_recent(path.clone());
                    let path = qarar_util::canonical_path(path);
                    let open = OpenDocument::new(doc, Some(path), start.data_dir.as_ref());
                    app.tabs.replace_current(Some(open));
                }
                Err(e) => {
                    app.status.error(super::load_message::load_error(&e));
                    app.open_seed();
                }
            },
            None => app.open_seed(),
        }
        app
    }

    /// The document shown.
    pub fn current(&self) -> Option<&OpenDocument> {
        self.tabs.current()
    }

    pub fn current_mut(&mut self) -> Option<&mut OpenDocument> {
        self.tabs.current_mut()
    }

    /// Titles of the tabs, in order.
    pub fn tab_titles(&self) -> Vec<String> {
        self.tabs.titles()
    }

    /// The footnote or reference popup shown, if any.
    pub fn popup(&self) -> Option<&Popup> {
        self.windows.popup.as_ref()
    }

    fn open_seed(&mut self) {
        self.close_note();
        match qarar_document::load_bytes(SEED, Path::new(SEED_NAME)) {
            Ok(doc) => {
                let open = OpenDocument::new(doc, None, self.start.data_dir.as_ref());
                if let Some(mut old) = self.tabs.replace_current(Some(open)) {
                    old.flush();
                }
            }
            Err(e) => self.status.error(super::load_message::load_error(&e)),
        }
    }

    /// Push a command; it is applied later in this frame (or the next).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Apply the commands pushed so far.
    fn run_queued(&mut self, ctx: &egui::Context) {
        // A command may push others (a dialog's answer): loop until none is left.
        for _ in 0..8 {
            let queued = self.commands.take();
            if queued.is_empty() {
                break;
            }
            for c in queued {
                self.run(c, ctx);
            }
        }
    }

    /// Arabic is set larger than Latin text at the same zoom.
    fn typography_for(&self, direction: Direction) -> Typography {
        let lang_size = match direction {
            Direction::Ltr => 17.0,
            Direction::Rtl => 20.0,
        };
        Typography {
            body_size: lang_size,
            zoom: self.settings.zoom,
            justify: self.settings.justify,
            ..Typography::default()
        }
    }

    /// The interface language: the one chosen in the settings, else the system locale's.
    pub fn interface_language(&self) -> qarar_i18n::Lang {
        self.settings.language.unwrap_or_else(|| {
            self.start
                .locale
                .as_deref()
                .map(qarar_i18n::Lang::from_locale)
                .unwrap_or_default()
        })
    }

    fn direction(&self) -> Direction {
        self.current()
            .map(|c| c.doc.meta.direction)
            .unwrap_or_default()
    }

    fn set_dark(&mut self, ctx: &egui::Context, dark: bool) {
        self.settings.dark = dark;
        ctx.set_visuals(if dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
    }

    /// One frame of the whole window.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.frame_count += 1;
        let lang = self.interface_language();
        super::i18n::set_language(lang);
        super::i18n::install_fonts(&ctx, lang);
        if self.labelled_in != Some(lang) {
            if self.labelled_in.is_some() {
                for d in self.tabs.documents_mut() {
                    d.relabel();
                }
                if let Some(c) = self.compare.as_mut() {
                    c.relabel();
                }
            }
            self.labelled_in = Some(lang);
        }
        self.poll_jobs(&ctx);
        if self.jobs.is_busy() || self.library.is_indexing() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        self.keyboard(&ctx);
        self.dropped_files(&ctx);
        self.run_queued(&ctx);
        if let Some(cur) = self.tabs.current_mut() {
            cur.tick(&ctx);
            for m in cur.take_messages() {
                self.status.push_message(m);
            }
        }
        self.window_title(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        if self.tabs.len() > 1 {
            egui::Panel::top("tabs").show(ui, |ui| self.tab_bar(ui));
        }
        self.side_panes(ui);
        self.central_panel(ui);
        self.popups(&ctx);
        self.selection_toolbar(&ctx);
        self.note_window(&ctx);
        self.status.ui(&ctx, &mut self.painter, &mut self.commands);
        self.parser_notes_window(&ctx);
        self.details_window(&ctx);
        self.about_window(&ctx);
        self.run_queued(&ctx);
        self.exit_after_first_frame(&ctx);
    }

    fn window_title(&mut self, ctx: &egui::Context) {
        let title = match self.current() {
            Some(c) => format!("{} — Qarar", c.name()),
            None => "Qarar".into(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        // The window's name for assistive technology ("A/RES/75/10 — Qarar").
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |n| {
            n.set_label(self.title.clone())
        });
    }

    /// `--exit-after-first-frame`: report the time to the first painted document and close.
    fn exit_after_first_frame(&mut self, ctx: &egui::Context) {
        if self.start.exit_after_first_frame
            && self.current().is_some_and(|c| c.view.frames_painted > 0)
        {
            let ms = self
                .start
                .started
                .map(|s| s.elapsed().as_secs_f64() * 1000.0)
                .unwrap_or(0.0);
            eprintln!("first frame: {ms:.0} ms");
            self.start.exit_after_first_frame = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

impl eframe::App for ReaderApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.close_note();
        for doc in self.tabs.documents_mut() {
            doc.flush();
        }
    }
}
