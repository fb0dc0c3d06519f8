//! The reader application: window layout, menus, shortcuts, opening files, and the glue
//! between the document view, the outline, popups and search.

use super::annotate::Annotations;
use super::annotations_pane::{AnnotationsPane, PaneAction, PaneItem};
use super::library::LibraryState;
use super::library_pane::{LibraryAction, language_name};
use super::note_widget::{NoteMesh, note_editor_ui};
use super::outline::{self, Outline};
use super::parallel::Side;
use super::popup::{self, Popup, PopupAction, PopupKind};
use super::search::{Search, SearchAction};
use super::settings::{STORAGE_KEY, Settings};
use super::text_painter::{LabelCache, TextPainter};
use super::view::{DocumentView, ViewEvent};
use crate::annotations::{Annotation, Color};
use crate::document::{self, Direction, Document, Language, LoadError};
use crate::text::display::Hot;
use crate::text::layout::Typography;
use crate::text::note_editor::NoteEditor;
use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

/// The bundled default document, A/RES/75/10 in Arabic.
pub const SEED: &[u8] = include_bytes!("../../assets/A-RES-75-10.ar.txt");
pub const SEED_NAME: &str = "A-RES-75-10.ar.txt";

/// An open document and everything derived from it.
pub struct OpenDocument {
    pub path: Option<PathBuf>,
    pub doc: Document,
    pub view: DocumentView,
    pub outline: Outline,
    pub annotations: Annotations,
    /// The same resolution in another language, shown side by side.
    pub beside: Option<Box<OpenDocument>>,
    /// Column widths and annotation generations the side-by-side alignment was made for.
    pub(crate) aligned_for: Option<(u32, u32, u64, u64, u64)>,
    /// The annotations pane's items and the annotation generation they were made for.
    pane_cache: Option<(u64, std::sync::Arc<Vec<PaneItem>>)>,
}

impl OpenDocument {
    pub fn new(doc: Document, path: Option<PathBuf>, data_dir: Option<&PathBuf>) -> OpenDocument {
        let annotations = Annotations::open(&doc, data_dir);
        OpenDocument::with_annotations(doc, path, annotations)
    }

    /// A document whose annotations were already loaded (in the loader thread).
    pub fn with_annotations(
        doc: Document,
        path: Option<PathBuf>,
        annotations: Annotations,
    ) -> OpenDocument {
        let view = DocumentView::new(&doc);
        let outline = Outline::new(outline::entries(&doc, view.blocks()));
        OpenDocument {
            path,
            doc,
            view,
            outline,
            annotations,
            beside: None,
            aligned_for: None,
            pane_cache: None,
        }
    }

    /// [`OpenDocument::pane_items`], rebuilt only when the annotations changed.
    pub fn pane_items_cached(&mut self) -> std::sync::Arc<Vec<PaneItem>> {
        let generation = self.annotations.generation;
        match &self.pane_cache {
            Some((g, items)) if *g == generation => items.clone(),
            _ => {
                let items = std::sync::Arc::new(self.pane_items());
                self.pane_cache = Some((generation, items.clone()));
                items
            }
        }
    }

    /// Short name for a tab: symbol and language (`A/RES/75/10 · AR`).
    pub fn tab_title(&self) -> String {
        format!(
            "{} · {}",
            self.name(),
            self.doc.meta.language.code().to_uppercase()
        )
    }

    /// Block index of a paragraph, without needing the layout.
    pub fn block_of(&self, paragraph: &str) -> Option<usize> {
        self.view
            .blocks()
            .iter()
            .position(|b| b.paragraph_id() == Some(paragraph))
    }

    /// Id of the paragraph at the top of the view (or the nearest one after it).
    pub fn top_paragraph(&self) -> Option<String> {
        let top = self.view.top_block?;
        self.view.blocks()[top.min(self.view.blocks().len().saturating_sub(1))..]
            .iter()
            .find_map(|b| b.paragraph_id())
            .map(str::to_string)
    }

    /// Annotations in document order (orphans last), for the pane.
    pub fn pane_items(&self) -> Vec<PaneItem> {
        let mut items: Vec<(usize, usize, PaneItem)> = self
            .annotations
            .list
            .iter()
            .map(|a| {
                let anchor = self.annotations.anchors.get(&a.id);
                let paragraph = anchor.and_then(|x| x.paragraph()).map(str::to_string);
                let block = paragraph
                    .as_deref()
                    .and_then(|p| {
                        self.view
                            .blocks()
                            .iter()
                            .position(|b| b.paragraph_id() == Some(p))
                    })
                    .unwrap_or(usize::MAX);
                let start = anchor.and_then(|x| x.range()).map(|r| r.start).unwrap_or(0);
                let orphan = anchor.is_none_or(|x| x.is_orphan());
                (
                    block,
                    start,
                    PaneItem {
                        id: a.id.clone(),
                        color: a.color,
                        quote: a.quote.exact.clone(),
                        note: a.note.clone(),
                        tags: a.tags.clone(),
                        paragraph,
                        orphan,
                    },
                )
            })
            .collect();
        items.sort_by_key(|(b, s, _)| (*b, *s));
        items.into_iter().map(|(_, _, i)| i).collect()
    }

    pub fn name(&self) -> String {
        self.doc
            .meta
            .symbol
            .clone()
            .or_else(|| {
                self.path
                    .as_ref()
                    .and_then(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| "Untitled".into())
    }

    /// Scroll to a paragraph and flash it.
    pub fn go_to_block(&mut self, block: usize, now: f64) {
        self.view.scroll_to_block = Some(block);
        self.view.flash = Some((block, now));
    }
}

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
}

/// Where a document being loaded will go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// In place of the current document (File → Open, language switch).
    Replace,
    /// In a new tab.
    NewTab,
    /// Beside the current document (parallel view).
    Beside,
}

/// A document to load, where it goes, and the paragraph to show first.
#[derive(Debug, Clone)]
pub struct LoadRequest {
    pub path: PathBuf,
    pub target: Target,
    pub at: Option<String>,
    /// The tab that asked (set by [`ReaderApp::open`]): a document for `Replace` or `Beside`
    /// goes to that tab even if another one is shown by the time it has loaded.
    pub tab: Option<u64>,
}

impl LoadRequest {
    pub fn new(path: PathBuf, target: Target, at: Option<String>) -> LoadRequest {
        LoadRequest {
            path,
            target,
            at,
            tab: None,
        }
    }
}

/// A tab. The active tab's document lives in `ReaderApp::current`; the others are parked here.
#[derive(Default)]
pub struct Tab {
    /// Stable identity (tabs move when others close).
    pub id: u64,
    pub parked: Option<OpenDocument>,
}

/// A document read in the background, with its stored annotations already anchored.
type LoadResult = (LoadRequest, Result<(Document, Annotations), LoadError>);

/// What a file dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    Open,
    ImportAnnotations,
    ExportAnnotations,
    /// An annotated copy in another format (File → Export…).
    Export,
    /// The library folder (Settings → Library folder…).
    LibraryFolder,
}

pub struct ReaderApp {
    pub painter: TextPainter,
    pub current: Option<OpenDocument>,
    pub settings: Settings,
    /// Message shown in an error window (file that could not be opened, …).
    pub error: Option<String>,
    pub popup: Option<Popup>,
    popup_rect: Option<egui::Rect>,
    popup_labels: LabelCache,
    pub search: Search,
    loading: Vec<Receiver<LoadResult>>,
    picking: Option<(Pick, Receiver<Option<PathBuf>>)>,
    start: StartOptions,
    show_notes: bool,
    frame_count: u64,
    title: String,
    /// The note being edited, if any.
    pub editing: Option<NoteEditing>,
    pane: AnnotationsPane,
    /// All tabs, in order; `active` is the one shown (its document is `current`).
    pub tabs: Vec<Tab>,
    next_tab_id: u64,
    pub active: usize,
    pub library: LibraryState,
    pub library_pane: super::library_pane::LibraryPane,
    /// The document information window (metadata, votes, cited by).
    pub show_info: bool,
    /// Annotated copies being written (File → Export…).
    exporting: Vec<Receiver<String>>,
    /// "Cited by" of the details window, and what it was worked out for.
    cited: Option<CitedBy>,
}

/// (library generation, symbol, language) and the citing documents (label, path).
type CitedBy = ((u64, String, Language), Vec<(String, PathBuf)>);

/// The note window's state.
pub struct NoteEditing {
    pub id: String,
    pub editor: NoteEditor,
    mesh: NoteMesh,
    pub tags: String,
    labels: LabelCache,
    focus: bool,
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
        ctx.set_visuals(if settings.dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        let mut app = ReaderApp {
            painter: TextPainter::default(),
            current: None,
            settings,
            error: None,
            popup: None,
            popup_rect: None,
            popup_labels: LabelCache::default(),
            search: Search::default(),
            loading: Vec::new(),
            picking: None,
            start: start.clone(),
            show_notes: false,
            frame_count: 0,
            editing: None,
            pane: AnnotationsPane::default(),
            title: String::new(),
            tabs: vec![Tab {
                id: 1,
                parked: None,
            }],
            next_tab_id: 1,
            active: 0,
            library: LibraryState::new(start.data_dir.as_ref()),
            library_pane: Default::default(),
            show_info: false,
            exporting: Vec::new(),
            cited: None,
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
            Some(path) => match document::load_path(path) {
                Ok(doc) => {
                    app.settings.add_recent(path.clone());
                    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
                    app.current = Some(OpenDocument::new(doc, Some(path), start.data_dir.as_ref()));
                }
                Err(e) => {
                    app.error = Some(e.to_string());
                    app.open_seed();
                }
            },
            None => app.open_seed(),
        }
        app
    }

    fn open_seed(&mut self) {
        self.close_note();
        match document::load_bytes(SEED, Path::new(SEED_NAME)) {
            Ok(doc) => {
                self.current = Some(OpenDocument::new(doc, None, self.start.data_dir.as_ref()))
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Open a file in the background; the current document stays until it has loaded.
    pub fn open_path(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.open(LoadRequest::new(path, Target::Replace, None), ctx);
    }

    /// Load a document in the background and put it where the request says.
    pub fn open(&mut self, mut request: LoadRequest, ctx: &egui::Context) {
        request.tab = self.tabs.get(self.active).map(|t| t.id);
        // A document already open in a tab is shown there, not loaded twice (two copies of
        // its annotations would drift apart).
        if request.target == Target::NewTab
            && let Some(i) = self.tab_holding(&request.path)
        {
            self.switch_tab(i);
            if let Some(cur) = &mut self.current
                && let Some(b) = request.at.as_deref().and_then(|p| cur.block_of(p))
            {
                let now = ctx.input(|i| i.time);
                cur.go_to_block(b, now);
            }
            return;
        }
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let data_dir = self.start.data_dir.clone();
        std::thread::spawn(move || {
            // Parsing, reading the annotation store and anchoring stay off the UI thread; so
            // does resolving the path (open documents are compared by their canonical path).
            let mut request = request;
            if let Ok(p) = std::fs::canonicalize(&request.path) {
                request.path = p;
            }
            let result = document::load_path(&request.path).map(|doc| {
                let annotations = Annotations::open(&doc, data_dir.as_ref());
                (doc, annotations)
            });
            let _ = tx.send((request, result));
            ctx.request_repaint();
        });
        self.loading.push(rx);
    }

    /// True while a file is being loaded.
    pub fn is_loading(&self) -> bool {
        !self.loading.is_empty()
    }

    fn poll_loading(&mut self) {
        let mut still = Vec::new();
        for rx in std::mem::take(&mut self.loading) {
            match rx.try_recv() {
                Ok(result) => self.loaded(result),
                Err(std::sync::mpsc::TryRecvError::Empty) => still.push(rx),
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.error = Some("the file could not be loaded (the loader stopped)".into());
                }
            }
        }
        self.loading = still;
    }

    /// Wait for every document being loaded and for the library index, and place them (tests).
    pub fn finish_loading(&mut self) {
        for rx in std::mem::take(&mut self.loading) {
            match rx.recv() {
                Ok(result) => self.loaded(result),
                Err(_) => {
                    self.error = Some("the file could not be loaded (the loader stopped)".into())
                }
            }
        }
        if let Some(m) = self.library.wait() {
            self.error = Some(m);
        }
    }

    fn loaded(&mut self, (request, result): LoadResult) {
        let (doc, annotations) = match result {
            Ok(x) => x,
            Err(e) => {
                self.error = Some(e.to_string());
                return;
            }
        };
        let mut open = OpenDocument::with_annotations(doc, Some(request.path.clone()), annotations);
        if let Some(at) = &request.at
            && let Some(b) = open.block_of(at)
        {
            open.view.scroll_to_block = Some(b);
        }
        // The tab that asked (it may not be the one shown any more, or be closed).
        let asking = request
            .tab
            .and_then(|id| self.tabs.iter().position(|t| t.id == id));
        let asked = asking.unwrap_or(self.active);
        let gone = request.tab.is_some() && asking.is_none();
        let mut target = request.target;
        if target == Target::Beside && gone {
            return;
        }
        if target == Target::Replace && (asked != self.active || gone) {
            target = Target::NewTab;
        }
        // Opened meanwhile in a tab (a double click, a second request): show that one.
        if target == Target::NewTab
            && let Some(i) = self.tab_holding(&request.path)
        {
            self.switch_tab(i);
            return;
        }
        match target {
            Target::Replace => {
                self.settings.add_recent(request.path);
                self.close_note();
                if let Some(mut old) = self.current.take() {
                    if !self.save_before_closing(&mut old) {
                        // Keep the old document (its annotations are not saved): the new one
                        // opens in a tab of its own.
                        self.current = Some(old);
                        self.place_in_new_tab(open);
                        return;
                    }
                    // Side by side stays for another language of the same resolution.
                    open.beside = old.beside.take().filter(|b| {
                        b.doc.meta.language != open.doc.meta.language
                            && b.doc.meta.symbol.is_some()
                            && b.doc.meta.symbol == open.doc.meta.symbol
                    });
                }
                self.current = Some(open);
                self.popup = None;
                self.search.query.clear();
            }
            Target::NewTab => {
                self.settings.add_recent(request.path);
                self.place_in_new_tab(open);
            }
            Target::Beside => {
                let cur = if asked == self.active {
                    self.current.as_mut()
                } else {
                    self.tabs[asked].parked.as_mut()
                };
                // Only beside the resolution it is a language of.
                let Some(cur) = cur.filter(|c| {
                    c.doc.meta.symbol.is_some() && c.doc.meta.symbol == open.doc.meta.symbol
                }) else {
                    return;
                };
                open.view.salt = 1;
                open.view.scroll_to_block = None;
                if let Some(mut old) = cur.beside.take() {
                    old.annotations.flush();
                }
                cur.beside = Some(Box::new(open));
                cur.aligned_for = None;
                // Both columns start at the paragraph the reader was at.
                if let Some(top) = cur.view.top_block {
                    cur.view.scroll_to_block = Some(top);
                }
                if asked == self.active {
                    self.popup = None;
                }
            }
        }
    }

    /// Show a document in a new tab (or in the current one when it is empty).
    fn place_in_new_tab(&mut self, open: OpenDocument) {
        self.close_note();
        if self.current.is_some() {
            self.park_current();
            let id = self.new_tab_id();
            self.tabs.push(Tab { id, parked: None });
            self.active = self.tabs.len() - 1;
        }
        self.current = Some(open);
        self.popup = None;
        self.search.query.clear();
    }

    /// Put the current document into its tab's slot (before showing another tab).
    fn park_current(&mut self) {
        if let Some(cur) = &mut self.current {
            cur.annotations.flush();
        }
        if let Some(tab) = self.tabs.get_mut(self.active) {
            tab.parked = self.current.take();
        }
    }

    /// Show tab `i`.
    pub fn switch_tab(&mut self, i: usize) {
        if i == self.active || i >= self.tabs.len() {
            return;
        }
        self.close_note();
        self.park_current();
        self.active = i;
        self.current = self.tabs[i].parked.take();
        self.popup = None;
        if let Some(cur) = &mut self.current {
            cur.view.matches.clear();
            cur.view.current_match = None;
        }
        self.search.open = false;
    }

    /// Close tab `i` (its annotations are saved first; when they cannot be, the tab stays and
    /// says why). The last tab stays.
    pub fn close_tab(&mut self, i: usize) {
        if self.tabs.len() <= 1 || i >= self.tabs.len() {
            return;
        }
        if i == self.active {
            self.close_note();
            if let Some(mut cur) = self.current.take()
                && !self.save_before_closing(&mut cur)
            {
                self.current = Some(cur);
                return;
            }
            self.tabs.remove(i);
            self.active = i.min(self.tabs.len() - 1);
            self.current = self.tabs[self.active].parked.take();
            self.popup = None;
        } else {
            if let Some(mut doc) = self.tabs[i].parked.take()
                && !self.save_before_closing(&mut doc)
            {
                self.tabs[i].parked = Some(doc);
                return;
            }
            self.tabs.remove(i);
            if i < self.active {
                self.active -= 1;
            }
        }
    }

    /// Save a document's annotations (and those of the document beside it) before it goes
    /// away. When they cannot be saved, the reason is shown and `false` returned: the caller
    /// keeps the document, so nothing the user made is lost.
    fn save_before_closing(&mut self, doc: &mut OpenDocument) -> bool {
        let mut problems = Vec::new();
        for a in std::iter::once(&mut doc.annotations)
            .chain(doc.beside.as_deref_mut().map(|b| &mut b.annotations))
        {
            a.flush();
            if !a.is_saved() {
                problems.append(&mut a.messages);
            }
        }
        if problems.is_empty() {
            return true;
        }
        self.error = Some(format!(
            "The annotations of {} could not be saved, so it stays open ({}). Free some space \
             or check the data folder's permissions, or keep them with File → Export \
             annotations….",
            doc.name(),
            problems.join("; ")
        ));
        false
    }

    /// Index of the tab showing `path`, if one does.
    fn tab_holding(&self, path: &Path) -> Option<usize> {
        // One system call for the path asked about (on a user action), none per tab.
        let want = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        (0..self.tabs.len()).find(|&i| {
            let doc = if i == self.active {
                self.current.as_ref()
            } else {
                self.tabs[i].parked.as_ref()
            };
            // Open documents hold canonical paths (resolved when they were loaded).
            let same = |d: &OpenDocument| d.path.as_ref() == Some(&want);
            doc.is_some_and(|d| same(d) || d.beside.as_deref().is_some_and(same))
        })
    }

    fn new_tab_id(&mut self) -> u64 {
        self.next_tab_id += 1;
        self.next_tab_id
    }

    /// Titles of the tabs, in order.
    pub fn tab_titles(&self) -> Vec<String> {
        self.tabs
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let doc = if i == self.active {
                    self.current.as_ref()
                } else {
                    t.parked.as_ref()
                };
                doc.map(OpenDocument::tab_title)
                    .unwrap_or_else(|| "Empty".into())
            })
            .collect()
    }

    /// Languages the library holds for the current document's symbol.
    pub fn languages(&self) -> Vec<Language> {
        self.current
            .as_ref()
            .and_then(|c| c.doc.meta.symbol.as_deref())
            .map(|s| self.library.languages_of(s))
            .unwrap_or_default()
    }

    /// Read the current resolution in another language (from the library), at the same
    /// paragraph.
    pub fn switch_language(&mut self, language: Language, ctx: &egui::Context) {
        self.open_language(language, Target::Replace, ctx);
    }

    /// Show another language of the current resolution beside it.
    pub fn open_beside(&mut self, language: Language, ctx: &egui::Context) {
        self.open_language(language, Target::Beside, ctx);
    }

    fn open_language(&mut self, language: Language, target: Target, ctx: &egui::Context) {
        // The language shown beside becomes the main one (the columns swap): no second copy
        // of it, and its place is kept.
        let swap = target == Target::Replace
            && self
                .current
                .as_ref()
                .and_then(|c| c.beside.as_ref())
                .is_some_and(|b| b.doc.meta.language == language);
        if swap {
            self.close_note();
            if let Some(mut cur) = self.current.take() {
                match cur.beside.take() {
                    Some(mut other) => {
                        cur.view.salt = 1;
                        other.view.salt = 0;
                        for v in [&mut cur.view, &mut other.view] {
                            v.margin_marks.clear();
                            if let Some(l) = v.layout.as_mut() {
                                l.set_padding(Vec::new());
                            }
                        }
                        other.view.scroll_to_block =
                            cur.top_paragraph().and_then(|p| other.block_of(&p));
                        other.beside = Some(Box::new(cur));
                        other.aligned_for = None;
                        self.current = Some(*other);
                    }
                    None => self.current = Some(cur),
                }
            }
            self.popup = None;
            return;
        }
        let Some(cur) = &self.current else {
            return;
        };
        let Some(symbol) = cur.doc.meta.symbol.clone() else {
            return;
        };
        let Some(entry) = self.library.find(&symbol, language) else {
            self.error = Some(format!(
                "The library has no {} text of {symbol}.",
                language_name(language)
            ));
            return;
        };
        let path = entry.path.clone();
        let at = cur.top_paragraph();
        self.open(LoadRequest::new(path, target, at), ctx);
    }

    /// Ask for a file with the system dialog, without freezing the window.
    pub fn pick_file(&mut self, ctx: &egui::Context) {
        self.pick(ctx, Pick::Open);
    }

    fn pick(&mut self, ctx: &egui::Context, kind: Pick) {
        if self.picking.is_some() {
            return;
        }
        let default_name = self
            .current
            .as_ref()
            .map(|c| {
                format!(
                    "{}.annotations.jsonld",
                    c.annotations.identity.storage_key()
                )
            })
            .unwrap_or_else(|| "annotations.jsonld".into());
        let export_stem = self
            .current
            .as_ref()
            .map(|c| c.name().replace('/', "-"))
            .unwrap_or_else(|| "resolution".into());
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new();
            let file = match kind {
                Pick::LibraryFolder => dialog.set_title("Choose the library folder").pick_folder(),
                Pick::Open => dialog
                    .set_title("Open a resolution")
                    .add_filter("Resolutions", &["txt", "xml", "akn"])
                    .add_filter("All files", &["*"])
                    .pick_file(),
                Pick::ImportAnnotations => dialog
                    .set_title("Import annotations")
                    .add_filter("Web Annotations", &["jsonld", "json"])
                    .add_filter("All files", &["*"])
                    .pick_file(),
                Pick::ExportAnnotations => dialog
                    .set_title("Export annotations")
                    .add_filter("Web Annotations", &["jsonld"])
                    .set_file_name(&default_name)
                    .save_file(),
                Pick::Export => {
                    let mut d = dialog.set_title("Export an annotated copy");
                    for f in crate::export::Format::all() {
                        d = d.add_filter(f.extension().to_uppercase(), &[f.extension()]);
                    }
                    let first = crate::export::Format::all()
                        .first()
                        .map(|f| f.extension())
                        .unwrap_or("json");
                    d.set_file_name(format!("{export_stem}.{first}"))
                        .save_file()
                }
            };
            let _ = tx.send(file);
            ctx.request_repaint();
        });
        self.picking = Some((kind, rx));
    }

    fn poll_picking(&mut self, ctx: &egui::Context) {
        let Some((kind, rx)) = &self.picking else {
            return;
        };
        let kind = *kind;
        match rx.try_recv() {
            Ok(Some(path)) => {
                self.picking = None;
                match kind {
                    Pick::Open => self.open_path(path, ctx),
                    Pick::ImportAnnotations => {
                        if let Some(cur) = &mut self.current {
                            cur.annotations.import(&cur.doc, &path);
                        }
                    }
                    Pick::ExportAnnotations => {
                        if let Some(cur) = &mut self.current {
                            cur.annotations.export(&path);
                        }
                    }
                    Pick::Export => self.export_copy(&path),
                    Pick::LibraryFolder => {
                        self.settings.library = Some(path.clone());
                        self.settings.show_library = true;
                        self.library.set_folder(path, ctx);
                    }
                }
            }
            Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => self.picking = None,
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
    }

    /// Write an annotated copy; the format comes from the file name's extension.
    pub fn export_copy(&mut self, path: &Path) {
        let Some(cur) = &mut self.current else {
            return;
        };
        let Some(format) = crate::export::Format::from_path(path) else {
            let known: Vec<&str> = crate::export::Format::all()
                .iter()
                .map(|f| f.extension())
                .collect();
            cur.annotations.messages.push(format!(
                "{}: unknown export format (use one of: {})",
                path.display(),
                known.join(", ")
            ));
            return;
        };
        // Rendering (PDF: tens of milliseconds) and writing happen off the UI thread. The save
        // dialog already asked before replacing an existing file.
        let doc = cur.doc.clone();
        let list = cur.annotations.list.clone();
        let path = path.to_path_buf();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let result = crate::export::render(format, &doc, &list).and_then(|bytes| {
                crate::export::write_atomic(&path, &bytes, true).map_err(|e| e.to_string())
            });
            let _ = tx.send(match result {
                Ok(()) => format!("Exported to {}", path.display()),
                Err(e) => format!("Export failed: {e}"),
            });
        });
        self.exporting.push(rx);
    }

    /// Report finished exports (in the current document's message window).
    fn poll_exports(&mut self) {
        let mut still = Vec::new();
        for rx in std::mem::take(&mut self.exporting) {
            let message = match rx.try_recv() {
                Ok(m) => m,
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    still.push(rx);
                    continue;
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    "Export failed: the exporter stopped".to_string()
                }
            };
            match &mut self.current {
                Some(cur) => cur.annotations.messages.push(message),
                None => self.error = Some(message),
            }
        }
        self.exporting = still;
    }

    /// Wait for exports in progress and report them (tests).
    pub fn finish_exports(&mut self) {
        for rx in std::mem::take(&mut self.exporting) {
            let message = rx
                .recv()
                .unwrap_or_else(|_| "Export failed: the exporter stopped".to_string());
            match &mut self.current {
                Some(cur) => cur.annotations.messages.push(message),
                None => self.error = Some(message),
            }
        }
    }

    /// Highlight the selected passages in `color`; with `note`, open the note editor on the
    /// (first) new highlight.
    pub fn highlight_selection(&mut self, color: Color, note: bool) {
        let Some(cur) = &mut self.current else {
            return;
        };
        let passages = cur.view.selected_passages(&cur.doc);
        let mut first = None;
        for (pid, chars) in passages {
            match Annotation::new_on_passage(&cur.doc, &pid, chars, color) {
                Ok(a) => {
                    let id = cur.annotations.add(&cur.doc, a);
                    first.get_or_insert(id);
                }
                Err(e) => cur
                    .annotations
                    .messages
                    .push(format!("Cannot highlight: {e}")),
            }
        }
        cur.view.selection = None;
        if note && let Some(id) = first {
            self.open_note(&id);
        }
    }

    fn annotate_paragraph(&mut self, paragraph: &str, note: bool) {
        let Some(cur) = &mut self.current else {
            return;
        };
        let color = cur.annotations.last_color();
        match Annotation::new_on_paragraph(&cur.doc, paragraph, color) {
            Ok(a) => {
                let id = cur.annotations.add(&cur.doc, a);
                if note {
                    self.open_note(&id);
                }
            }
            Err(e) => cur
                .annotations
                .messages
                .push(format!("Cannot annotate: {e}")),
        }
    }

    /// Open the note editor on an annotation.
    pub fn open_note(&mut self, id: &str) {
        self.close_note();
        let Some(cur) = &self.current else {
            return;
        };
        let Some(a) = cur.annotations.get(id) else {
            return;
        };
        let editor = NoteEditor::new(&mut self.painter.fonts, &a.note, 340.0, 17.0);
        self.editing = Some(NoteEditing {
            id: id.to_string(),
            editor,
            mesh: NoteMesh::default(),
            tags: a.tags.join("، "),
            labels: LabelCache::default(),
            focus: true,
        });
    }

    /// Apply the note editor's text and tags to its annotation and close it.
    pub fn close_note(&mut self) {
        let Some(e) = self.editing.take() else {
            return;
        };
        let Some(cur) = &mut self.current else {
            return;
        };
        let note = e.editor.text();
        let tags: Vec<String> = e
            .tags
            .split(['،', ',', ';', '؛'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        cur.annotations.update(&cur.doc, &e.id, |a| {
            if a.note != note {
                a.set_note(note.clone());
            }
            if a.tags != tags {
                a.set_tags(tags.iter().map(String::as_str));
            }
        });
    }

    fn note_window(&mut self, ctx: &egui::Context) {
        let Some(id) = self.editing.as_ref().map(|e| e.id.clone()) else {
            return;
        };
        let (quote, color) = match self.current.as_ref().and_then(|c| c.annotations.get(&id)) {
            Some(a) => (a.quote.exact.clone(), a.color),
            None => {
                self.editing = None;
                return;
            }
        };
        let direction = self
            .current
            .as_ref()
            .map(|c| c.doc.meta.direction)
            .unwrap_or_default();
        let mut open = true;
        let mut done = false;
        let mut delete = false;
        let mut recolor = None;
        egui::Window::new("Note")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_pos(ctx.content_rect().right_top() + egui::vec2(-420.0, 80.0))
            .show(ctx, |ui| {
                let Some(e) = self.editing.as_mut() else {
                    return;
                };
                let style = super::text_painter::LabelStyle {
                    size: 15.0,
                    bold: false,
                    color: ui.visuals().weak_text_color(),
                    direction,
                    width: 356.0,
                    line_height: 1.5,
                };
                let q = crate::util::first_words(&quote, 24);
                let label = self.painter.label(ctx, &mut e.labels, &q, style);
                let (rect, _) = ui.allocate_exact_size(label.size, egui::Sense::hover());
                super::text_painter::paint_label(ui.painter(), &label, rect.min);
                ui.add_space(4.0);
                let resp = note_editor_ui(
                    ui,
                    &mut self.painter,
                    &mut e.editor,
                    &mut e.mesh,
                    356.0,
                    "Note text",
                );
                if e.focus {
                    resp.request_focus();
                    e.focus = false;
                }
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    ui.label("Tags:");
                    super::search::line_edit_labeled(
                        ui,
                        &mut self.painter,
                        &mut e.labels,
                        &mut e.tags,
                        300.0,
                        "Tags",
                    );
                });
                ui.horizontal(|ui| {
                    for c in Color::ALL {
                        let [r, g, b] = c.rgb();
                        let selected = c == color;
                        let swatch = egui::Button::new("  ")
                            .fill(egui::Color32::from_rgb(r, g, b))
                            .selected(selected);
                        let resp = ui.add(swatch).on_hover_text(c.name());
                        resp.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::accesskit::Role::Button,
                                true,
                                format!("Colour {}", c.name()),
                            )
                        });
                        if resp.clicked() {
                            recolor = Some(c);
                        }
                    }
                });
                ui.separator();
                ui.horizontal(|ui| {
                    if ui.button("Done").clicked() {
                        done = true;
                    }
                    if ui.button("Delete highlight").clicked() {
                        delete = true;
                    }
                });
            });
        if let (Some(c), Some(cur)) = (recolor, self.current.as_mut()) {
            cur.annotations.update(&cur.doc, &id, |a| a.set_color(c));
        }
        if delete {
            self.editing = None;
            if let Some(cur) = &mut self.current {
                cur.annotations.delete(&cur.doc, &id);
            }
        } else if done || !open {
            self.close_note();
        }
    }

    fn selection_toolbar(&mut self, ctx: &egui::Context) {
        let Some(cur) = &self.current else {
            return;
        };
        let dragging = cur.view.is_selecting();
        let Some(tip) = cur
            .view
            .selection_tip
            .filter(|_| !dragging && self.editing.is_none())
        else {
            return;
        };
        if cur.view.selected_passages(&cur.doc).is_empty() {
            return;
        }
        let mut chosen = None;
        egui::Area::new(egui::Id::unique("qarar-highlight-bar"))
            .order(egui::Order::Foreground)
            .fixed_pos(tip + egui::vec2(-110.0, 6.0))
            .constrain(true)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        for (n, c) in Color::ALL.into_iter().enumerate() {
                            let [r, g, b] = c.rgb();
                            let resp = ui
                                .add(egui::Button::new("  ").fill(egui::Color32::from_rgb(r, g, b)))
                                .on_hover_text(format!("Highlight {} ({})", c.name(), n + 1));
                            resp.widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::accesskit::Role::Button,
                                    true,
                                    format!("Highlight {}", c.name()),
                                )
                            });
                            if resp.clicked() {
                                chosen = Some((c, false));
                            }
                        }
                        if ui
                            .button("Note…")
                            .on_hover_text("Highlight and add a note (N)")
                            .clicked()
                        {
                            chosen = Some((Color::Yellow, true));
                        }
                    });
                });
            });
        if let Some((c, note)) = chosen {
            let c = if note {
                self.current
                    .as_ref()
                    .map(|c| c.annotations.last_color())
                    .unwrap_or(c)
            } else {
                c
            };
            self.highlight_selection(c, note);
        }
    }

    fn annotation_shortcuts(&mut self, ctx: &egui::Context) {
        let text_focus = ctx.memory(|m| m.focused().is_some());
        if text_focus || self.editing.is_some() {
            return;
        }
        let has_selection = self
            .current
            .as_ref()
            .is_some_and(|c| !c.view.selected_passages(&c.doc).is_empty());
        if has_selection {
            let keys = [
                Key::Num1,
                Key::Num2,
                Key::Num3,
                Key::Num4,
                Key::Num5,
                Key::Num6,
            ];
            for (k, c) in keys.into_iter().zip(Color::ALL) {
                if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, k)) {
                    self.highlight_selection(c, false);
                    return;
                }
            }
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::N)) {
                let c = self
                    .current
                    .as_ref()
                    .map(|c| c.annotations.last_color())
                    .unwrap_or(Color::Yellow);
                self.highlight_selection(c, true);
                return;
            }
        }
        // Redo first: Ctrl+Z would also match Ctrl+Shift+Z.
        let redo = ctx.input_mut(|i| {
            i.consume_shortcut(&KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Z,
            )) || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
        });
        let undo = ctx
            .input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)));
        if let Some(cur) = &mut self.current {
            if redo {
                cur.annotations.redo(&cur.doc);
            } else if undo {
                cur.annotations.undo(&cur.doc);
            }
        }
    }

    fn annotation_messages(&mut self, ctx: &egui::Context) {
        let Some(cur) = &mut self.current else {
            return;
        };
        if cur.annotations.messages.is_empty() {
            return;
        }
        let mut close = false;
        egui::Window::new("Annotations")
            .collapsible(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .show(ctx, |ui| {
                for m in &cur.annotations.messages {
                    ui.label(m);
                }
                if ui.button("OK").clicked() {
                    close = true;
                }
            });
        if close {
            cur.annotations.messages.clear();
        }
    }

    fn typography(&self) -> Typography {
        self.typography_for(
            self.current
                .as_ref()
                .map(|c| c.doc.meta.direction)
                .unwrap_or_default(),
        )
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

    fn set_dark(&mut self, ctx: &egui::Context, dark: bool) {
        self.settings.dark = dark;
        ctx.set_visuals(if dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let cmd = |k| KeyboardShortcut::new(Modifiers::COMMAND, k);
        if ctx.input_mut(|i| i.consume_shortcut(&cmd(Key::O))) {
            self.pick_file(ctx);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&cmd(Key::E))) {
            self.pick(ctx, Pick::Export);
        }
        let library_search = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
        if ctx.input_mut(|i| i.consume_shortcut(&library_search)) {
            self.settings.show_library = true;
            self.library_pane.mode = super::library_pane::Mode::Search;
            self.library_pane.focus_search = true;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&cmd(Key::F))) {
            self.search.open();
        }
        if ctx.input_mut(|i| {
            i.consume_shortcut(&cmd(Key::Plus)) || i.consume_shortcut(&cmd(Key::Equals))
        }) {
            self.settings.zoom_in();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&cmd(Key::Minus))) {
            self.settings.zoom_out();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&cmd(Key::Num0))) {
            self.settings.zoom = 1.0;
        }
        if ctx.input(|i| i.key_pressed(Key::F7)) {
            self.settings.show_outline = !self.settings.show_outline;
        }
        if ctx.input(|i| i.key_pressed(Key::F8)) {
            self.settings.show_annotations = !self.settings.show_annotations;
        }
        if ctx.input(|i| i.key_pressed(Key::F9)) {
            self.settings.show_library = !self.settings.show_library;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&cmd(Key::I))) {
            self.show_info = !self.show_info;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&cmd(Key::W))) {
            self.close_tab(self.active);
        }
        let n = self.tabs.len();
        let (next, previous) = ctx.input_mut(|i| {
            let prev = i.consume_shortcut(&KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Tab,
            )) || i.consume_shortcut(&cmd(Key::PageUp));
            let next =
                i.consume_shortcut(&cmd(Key::Tab)) || i.consume_shortcut(&cmd(Key::PageDown));
            (next, prev)
        });
        if n > 1 && next {
            self.switch_tab((self.active + 1) % n);
        }
        if n > 1 && previous {
            self.switch_tab((self.active + n - 1) % n);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&cmd(Key::Q))) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let (select_all, copy) = ctx.input(|i| {
            let select_all = i.modifiers.command && i.key_pressed(Key::A);
            let copy = i.events.iter().any(|e| matches!(e, egui::Event::Copy));
            (select_all, copy)
        });
        // A text field (search, library filter, note) has the keyboard.
        let searching = ctx.memory(|m| m.focused().is_some());
        if let Some(cur) = &mut self.current {
            if select_all && !searching {
                cur.view.select_all();
            }
            let selected = cur
                .view
                .selected_text()
                .or_else(|| cur.beside.as_ref().and_then(|b| b.view.selected_text()));
            if copy && let Some(text) = selected {
                ctx.copy_text(text);
            }
            // Arrow keys move in the outline when it has the keyboard.
            if cur.outline.focused && self.popup.is_none() && !searching {
                let (up, down) =
                    ctx.input(|i| (i.key_pressed(Key::ArrowUp), i.key_pressed(Key::ArrowDown)));
                if up || down {
                    let from = cur
                        .outline
                        .cursor
                        .or(cur.outline.current_for_block(cur.view.top_block));
                    if let Some(next) = cur.outline.step(from, down) {
                        cur.outline.cursor = Some(next);
                        cur.outline.cursor_moved = true;
                        let block = cur.outline.entries[next].block;
                        let now = ctx.input(|i| i.time);
                        cur.go_to_block(block, now);
                    }
                }
            }
        }
        // Files dropped on the window.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            // A folder dropped on the window becomes the library.
            if path.is_dir() {
                self.settings.library = Some(path.clone());
                self.settings.show_library = true;
                self.library.set_folder(path, ctx);
            } else {
                self.open_path(path, ctx);
            }
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("Open…").shortcut_text("Ctrl+O"))
                    .clicked()
                {
                    self.pick_file(ui.ctx());
                    ui.close();
                }
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.weak("No recent files");
                    }
                    let mut chosen = None;
                    for p in &self.settings.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            chosen = Some(p.clone());
                        }
                    }
                    if let Some(p) = chosen {
                        self.open_path(p, ui.ctx());
                        ui.close();
                    }
                    if !self.settings.recent.is_empty() && ui.button("Clear recent files").clicked()
                    {
                        self.settings.recent.clear();
                        ui.close();
                    }
                });
                if ui.button("Open bundled resolution A/RES/75/10").clicked() {
                    self.open_seed();
                    ui.close();
                }
                if ui
                    .add_enabled(
                        self.tabs.len() > 1,
                        egui::Button::new("Close tab").shortcut_text("Ctrl+W"),
                    )
                    .clicked()
                {
                    self.close_tab(self.active);
                    ui.close();
                }
                ui.separator();
                if ui.button("Library folder…").clicked() {
                    self.pick(ui.ctx(), Pick::LibraryFolder);
                    ui.close();
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Export…").shortcut_text("Ctrl+E"))
                    .clicked()
                {
                    self.pick(ui.ctx(), Pick::Export);
                    ui.close();
                }
                if ui.button("Import annotations…").clicked() {
                    self.pick(ui.ctx(), Pick::ImportAnnotations);
                    ui.close();
                }
                if ui.button("Export annotations…").clicked() {
                    self.pick(ui.ctx(), Pick::ExportAnnotations);
                    ui.close();
                }
                ui.separator();
                ui.menu_button("Document information", |ui| self.document_menu(ui));
                if ui
                    .add(egui::Button::new("Resolution details…").shortcut_text("Ctrl+I"))
                    .clicked()
                {
                    self.show_info = true;
                    ui.close();
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Quit").shortcut_text("Ctrl+Q"))
                    .clicked()
                {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                if ui
                    .add(egui::Button::new("Find…").shortcut_text("Ctrl+F"))
                    .clicked()
                {
                    self.search.open();
                    ui.close();
                }
                if ui
                    .add(egui::Button::new("Copy").shortcut_text("Ctrl+C"))
                    .clicked()
                {
                    if let Some(t) = self.current.as_ref().and_then(|c| c.view.selected_text()) {
                        ui.ctx().copy_text(t);
                    }
                    ui.close();
                }
                if ui
                    .add(egui::Button::new("Select all").shortcut_text("Ctrl+A"))
                    .clicked()
                {
                    if let Some(c) = &mut self.current {
                        c.view.select_all();
                    }
                    ui.close();
                }
            });
            ui.menu_button("View", |ui| {
                ui.checkbox(&mut self.settings.show_outline, "Outline pane (F7)");
                ui.checkbox(&mut self.settings.show_annotations, "Annotations pane (F8)");
                ui.checkbox(&mut self.settings.show_library, "Library pane (F9)");
                self.language_menu(ui);
                ui.checkbox(&mut self.settings.justify, "Justify paragraphs");
                let mut dark = self.settings.dark;
                if ui.checkbox(&mut dark, "Dark theme").changed() {
                    self.set_dark(ui.ctx(), dark);
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Zoom in").shortcut_text("Ctrl++"))
                    .clicked()
                {
                    self.settings.zoom_in();
                }
                if ui
                    .add(egui::Button::new("Zoom out").shortcut_text("Ctrl+−"))
                    .clicked()
                {
                    self.settings.zoom_out();
                }
                if ui
                    .add(egui::Button::new("Actual size").shortcut_text("Ctrl+0"))
                    .clicked()
                {
                    self.settings.zoom = 1.0;
                }
            });
            ui.menu_button("Settings", |ui| {
                if ui.button("Library folder…").clicked() {
                    self.pick(ui.ctx(), Pick::LibraryFolder);
                    ui.close();
                }
                match &self.library.folder {
                    Some(f) => {
                        ui.weak(f.display().to_string());
                        if ui.button("Forget the library folder").clicked() {
                            self.settings.library = None;
                            self.settings.show_library = false;
                            self.library.forget();
                            ui.close();
                        }
                    }
                    None => {
                        ui.weak("No library folder");
                    }
                }
                ui.separator();
                let mut dark = self.settings.dark;
                if ui.checkbox(&mut dark, "Dark theme").changed() {
                    self.set_dark(ui.ctx(), dark);
                }
                ui.checkbox(&mut self.settings.justify, "Justify paragraphs");
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                pane_toggle(ui, &mut self.settings.show_outline, PaneIcon::Outline)
                    .on_hover_text("Outline: show or hide the clause outline (F7)");
                pane_toggle(ui, &mut self.settings.show_library, PaneIcon::Library)
                    .on_hover_text("Library: the resolutions of your library folder (F9)");
                pane_toggle(
                    ui,
                    &mut self.settings.show_annotations,
                    PaneIcon::Annotations,
                )
                .on_hover_text("Annotations: show or hide them (F8)");
                self.language_switcher(ui);
                if (self.settings.zoom - 1.0).abs() > 0.01 {
                    ui.weak(format!("{:.0}%", self.settings.zoom * 100.0))
                        .on_hover_text("Zoom: Ctrl +, Ctrl −, Ctrl 0");
                }
                if self.is_loading() || self.picking.is_some() {
                    ui.spinner();
                }
            });
        });
    }

    /// The strip of tabs (shown when more than one document is open).
    fn tab_bar(&mut self, ui: &mut egui::Ui) {
        let titles = self.tab_titles();
        let mut switch = None;
        let mut close = None;
        // Many tabs scroll sideways instead of running off the window.
        egui::ScrollArea::horizontal()
            .id_salt("tabs")
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    for (i, title) in titles.iter().enumerate() {
                        let selected = i == self.active;
                        let frame = egui::Frame::new()
                            .inner_margin(egui::Margin::symmetric(6, 2))
                            .corner_radius(4.0)
                            .fill(if selected {
                                ui.visuals().selection.bg_fill.gamma_multiply(0.5)
                            } else {
                                egui::Color32::TRANSPARENT
                            });
                        frame.show(ui, |ui| {
                            let r = ui.selectable_label(selected, title);
                            let name = format!("Tab {title}");
                            r.widget_info(|| {
                                egui::WidgetInfo::selected(
                                    egui::accesskit::Role::Tab,
                                    true,
                                    selected,
                                    &name,
                                )
                            });
                            if r.clicked() {
                                switch = Some(i);
                            }
                            if r.middle_clicked() {
                                close = Some(i);
                            }
                            let x = ui.small_button("×").on_hover_text("Close tab (Ctrl+W)");
                            let name = format!("Close tab {title}");
                            x.widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::accesskit::Role::Button,
                                    true,
                                    &name,
                                )
                            });
                            if x.clicked() {
                                close = Some(i);
                            }
                        });
                    }
                });
            });
        if let Some(i) = switch {
            self.switch_tab(i);
        }
        if let Some(i) = close {
            self.close_tab(i);
        }
    }

    /// Language buttons for the current resolution (the languages the library has).
    fn language_switcher(&mut self, ui: &mut egui::Ui) {
        let languages = self.languages();
        if languages.len() < 2 {
            return;
        }
        let Some(cur) = &self.current else {
            return;
        };
        let current = cur.doc.meta.language;
        let beside = cur.beside.as_ref().map(|b| b.doc.meta.language);
        let mut chosen = None;
        // Right-to-left layout: add in reverse so that they read AR EN FR … from the left.
        for l in languages.iter().rev() {
            let r = ui
                .selectable_label(*l == current, l.code().to_uppercase())
                .on_hover_text(format!(
                    "Read in {} (the same paragraph)",
                    language_name(*l)
                ));
            let name = format!("Language: {}", language_name(*l));
            let selected = *l == current || Some(*l) == beside;
            r.widget_info(|| {
                egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, selected, &name)
            });
            if r.clicked() && *l != current {
                chosen = Some(*l);
            }
        }
        ui.weak("|");
        if let Some(l) = chosen {
            self.switch_language(l, ui.ctx());
        }
    }

    /// View → Side by side: another language of the resolution in a second column.
    fn language_menu(&mut self, ui: &mut egui::Ui) {
        let languages = self.languages();
        let Some(cur) = &self.current else {
            return;
        };
        let current = cur.doc.meta.language;
        let beside = cur.beside.as_ref().map(|b| b.doc.meta.language);
        let mut chosen = None;
        let mut close = false;
        ui.menu_button("Side by side with", |ui| {
            if languages.len() < 2 {
                ui.weak("The library has no other language of this resolution.");
            }
            for l in languages.iter().filter(|l| **l != current) {
                if ui.radio(beside == Some(*l), language_name(*l)).clicked() {
                    chosen = Some(*l);
                    ui.close();
                }
            }
            if beside.is_some() && ui.button("Close side by side").clicked() {
                close = true;
                ui.close();
            }
        });
        if let Some(l) = chosen {
            self.open_beside(l, ui.ctx());
        }
        if close && let Some(cur) = &mut self.current {
            if let Some(mut b) = cur.beside.take() {
                b.annotations.flush();
            }
            self.popup = None;
            cur.aligned_for = None;
            if let Some(l) = cur.view.layout.as_mut() {
                l.set_padding(Vec::new());
            }
            cur.view.margin_marks.clear();
        }
    }

    /// Resolution details: what the library's UN metadata says, and who cites it.
    fn info_window(&mut self, ctx: &egui::Context) -> Option<LoadRequest> {
        if !self.show_info {
            return None;
        }
        let cur = self.current.as_ref()?;
        let symbol = cur.doc.meta.symbol.clone();
        let language = cur.doc.meta.language;
        let mut open = true;
        let mut request = None;
        let index = self.library.index.clone();
        let painter = &mut self.painter;
        let labels = &mut self.popup_labels;
        let cited = &mut self.cited;
        let library_generation = self.library.generation;
        let max_height = (ctx.content_rect().height() - 80.0).max(200.0);
        egui::Window::new("Resolution details")
            .open(&mut open)
            .default_width(460.0)
            .default_height(max_height.min(620.0))
            .max_height(max_height)
            .vscroll(true)
            .show(ctx, |ui| {
                let Some(symbol) = symbol else {
                    ui.weak("This document has no symbol.");
                    return;
                };
                ui.strong(&symbol);
                let width = ui.available_width().max(300.0);
                let style = super::text_painter::LabelStyle {
                    size: 16.0,
                    bold: false,
                    color: ui.visuals().text_color(),
                    direction: cur.doc.meta.direction,
                    width,
                    line_height: 1.5,
                };
                if let Some(t) = &cur.doc.meta.title {
                    let label = painter.label(ctx, labels, t, style);
                    let (rect, _) = ui.allocate_exact_size(label.size, egui::Sense::hover());
                    super::text_painter::paint_label(ui.painter(), &label, rect.min);
                }
                let Some(index) = index else {
                    ui.weak(
                        "Choose a library folder to see votes, sponsors and citing resolutions.",
                    );
                    return;
                };
                let meta = index.metadata.get(&symbol);
                egui::Grid::new("resolution-meta")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        // Values may be Arabic (titles, agenda items as written): shaped by
                        // cosmic-text like the document.
                        let mut row = |ui: &mut egui::Ui, k: &str, v: String| {
                            ui.weak(k);
                            let arabic = v.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
                            let style = super::text_painter::LabelStyle {
                                size: 14.0,
                                bold: false,
                                color: ui.visuals().text_color(),
                                direction: if arabic {
                                    Direction::Rtl
                                } else {
                                    Direction::Ltr
                                },
                                width: 300.0,
                                line_height: 1.4,
                            };
                            let l = painter.label(ctx, labels, &v, style);
                            let (rect, resp) = ui.allocate_exact_size(l.size, egui::Sense::hover());
                            super::text_painter::paint_label(ui.painter(), &l, rect.min);
                            resp.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, &v)
                            });
                            ui.end_row();
                        };
                        if let Some(m) = meta {
                            if let Some(t) = &m.title {
                                row(ui, "Title (UN)", t.clone());
                            }
                            if let Some(d) =
                                m.adoption_date.as_ref().or(m.adoption_date_iso.as_ref())
                            {
                                row(ui, "Adopted", d.clone());
                            }
                            if let Some(mt) = &m.adoption_meeting {
                                row(ui, "Meeting", mt.clone());
                            }
                            match (&m.votes, &m.adoption_type) {
                                (Some(v), _) => row(
                                    ui,
                                    "Vote",
                                    format!(
                                        "{} in favour, {} against, {} abstaining",
                                        v.in_favour, v.against, v.abstaining
                                    ),
                                ),
                                (None, Some(t)) => row(ui, "Adoption", t.clone()),
                                _ => {}
                            }
                            if let Some(a) = &m.agenda_item {
                                let name = m.agenda_item_name.clone().unwrap_or_default();
                                row(ui, "Agenda item", format!("{a} {name}").trim().to_string());
                            }
                            if let Some(c) = &m.committee {
                                row(ui, "Committee", c.clone());
                            }
                            if let Some(o) = &m.originating_document {
                                row(ui, "Draft", o.clone());
                            }
                            let mut sponsors = m.sponsors.clone();
                            sponsors.extend(m.additional_sponsors.iter().cloned());
                            if !sponsors.is_empty() {
                                row(
                                    ui,
                                    "Sponsors",
                                    format!("{} ({})", sponsors.join(", "), sponsors.len()),
                                );
                            }
                        } else {
                            row(ui, "UN metadata", "not in the library folder".into());
                        }
                        let langs: Vec<String> = index
                            .languages_of(&symbol)
                            .iter()
                            .map(|l| l.code().to_uppercase())
                            .collect();
                        if !langs.is_empty() {
                            row(ui, "Languages", langs.join(" "));
                        }
                    });
                ui.separator();
                // One line per citing resolution, in the language being read when there
                // (worked out once per index and document, not every frame).
                let key = (library_generation, symbol.clone(), language);
                if cited.as_ref().is_none_or(|(k, _)| *k != key) {
                    let mut citing: Vec<&crate::library::Entry> = Vec::new();
                    for e in index.cited_by(&symbol) {
                        match citing.iter_mut().find(|c| c.symbol == e.symbol) {
                            Some(c) if e.language == Some(language) => *c = e,
                            Some(_) => {}
                            None => citing.push(e),
                        }
                    }
                    let list = citing
                        .iter()
                        .map(|e| {
                            let sym = e.symbol.clone().unwrap_or_default();
                            let lang = e
                                .language
                                .map(|l| l.code().to_uppercase())
                                .unwrap_or_default();
                            (format!("{sym} · {lang}"), e.path.clone())
                        })
                        .collect();
                    *cited = Some((key, list));
                }
                let citing: &[(String, PathBuf)] =
                    cited.as_ref().map(|(_, l)| l.as_slice()).unwrap_or(&[]);
                ui.strong(format!("Cited by ({})", citing.len()));
                if citing.is_empty() {
                    ui.weak("No resolution of the library cites this one.");
                }
                egui::ScrollArea::vertical()
                    .max_height(220.0)
                    .show(ui, |ui| {
                        for (label, path) in citing {
                            if ui.button(label).clicked() {
                                request =
                                    Some(LoadRequest::new(path.clone(), Target::NewTab, None));
                            }
                        }
                    });
            });
        if !open {
            self.show_info = false;
        }
        request
    }

    /// The document menu: what the parser knows and noticed.
    fn document_menu(&mut self, ui: &mut egui::Ui) {
        let Some(c) = &self.current else {
            ui.weak("No document");
            return;
        };
        let d = &c.doc;
        let m = &d.meta;
        egui::Grid::new("doc-info").num_columns(2).show(ui, |ui| {
            ui.weak("Symbol");
            ui.label(m.symbol.as_deref().unwrap_or("unknown"));
            ui.end_row();
            ui.weak("Language");
            ui.label(m.language.code());
            ui.end_row();
            ui.weak("Adopted");
            ui.label(m.adopted.as_deref().unwrap_or("unknown"));
            ui.end_row();
            ui.weak("Paragraphs");
            ui.label(format!(
                "{} preambular, {} operative",
                d.preamble.len(),
                d.operative.len()
            ));
            ui.end_row();
            ui.weak("Footnotes");
            ui.label(d.footnotes.len().to_string());
            ui.end_row();
            ui.weak("References");
            ui.label(d.references.len().to_string());
            ui.end_row();
            ui.weak("Source");
            ui.label(match &c.path {
                Some(p) => p.display().to_string(),
                None => "bundled A-RES-75-10.ar.txt".into(),
            });
            ui.end_row();
        });
        ui.separator();
        if ui
            .add_enabled(
                !d.diagnostics.is_empty(),
                egui::Button::new(format!("Parser notes ({})…", d.diagnostics.len())),
            )
            .clicked()
        {
            self.show_notes = true;
            ui.close();
        }
    }

    fn notes_window(&mut self, ctx: &egui::Context) {
        if !self.show_notes {
            return;
        }
        let Some(c) = &self.current else {
            self.show_notes = false;
            return;
        };
        let mut open = true;
        egui::Window::new("Parser notes")
            .open(&mut open)
            .default_width(520.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(400.0)
                    .show(ui, |ui| {
                        for d in &c.doc.diagnostics {
                            // Notes quote Arabic text: shape them like the document.
                            let style = super::text_painter::LabelStyle {
                                size: 15.0,
                                bold: false,
                                color: ui.visuals().text_color(),
                                direction: Direction::Ltr,
                                width: ui.available_width(),
                                line_height: 1.5,
                            };
                            let label =
                                self.painter
                                    .label(ctx, &mut self.popup_labels, &d.message, style);
                            let (rect, resp) =
                                ui.allocate_exact_size(label.size, egui::Sense::hover());
                            super::text_painter::paint_label(ui.painter(), &label, rect.min);
                            let msg = d.message.clone();
                            resp.widget_info(move || {
                                egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, &msg)
                            });
                            ui.separator();
                        }
                    });
            });
        if !open {
            self.show_notes = false;
        }
    }

    fn error_window(&mut self, ctx: &egui::Context) {
        let Some(message) = self.error.clone() else {
            return;
        };
        let mut close = false;
        egui::Window::new("Cannot open file")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(&message);
                ui.add_space(6.0);
                if ui.button("OK").clicked() {
                    close = true;
                }
            });
        if close || ctx.input(|i| i.key_pressed(Key::Escape)) {
            self.error = None;
        }
    }

    /// One frame of the whole window.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.frame_count += 1;
        self.poll_loading();
        self.poll_picking(&ctx);
        self.poll_exports();
        if let Some(m) = self.library.poll() {
            self.library.problem = Some(m);
        }
        if let Some(l) = self.start.beside
            && self.library.index.is_some()
            && self.current.is_some()
        {
            self.start.beside = None;
            self.open_beside(l, &ctx);
        }
        if self.is_loading()
            || self.picking.is_some()
            || self.library.is_indexing()
            || !self.exporting.is_empty()
        {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        self.shortcuts(&ctx);
        self.annotation_shortcuts(&ctx);
        if let Some(cur) = &mut self.current {
            cur.annotations.tick(&cur.doc, &ctx);
            if cur.view.highlights_generation != cur.annotations.generation {
                cur.view.set_highlights(&cur.doc, &cur.annotations);
            }
            if let Some(b) = cur.beside.as_deref_mut() {
                b.annotations.tick(&b.doc, &ctx);
                if b.view.highlights_generation != b.annotations.generation {
                    b.view.set_highlights(&b.doc, &b.annotations);
                }
            }
        }
        let title = match &self.current {
            Some(c) => format!("{} — Qarar", c.name()),
            None => "Qarar".into(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        if self.tabs.len() > 1 {
            egui::Panel::top("tabs").show(ui, |ui| self.tab_bar(ui));
        }
        let typo = self.typography();
        let direction = self
            .current
            .as_ref()
            .map(|c| c.doc.meta.direction)
            .unwrap_or_default();
        if self.settings.show_outline
            && let Some(cur) = &mut self.current
        {
            let panel = match direction {
                Direction::Rtl => egui::Panel::right("outline"),
                Direction::Ltr => egui::Panel::left("outline"),
            };
            let top = cur.view.top_block;
            let go = panel
                .resizable(true)
                .default_size(250.0)
                .min_size(160.0)
                .show(ui, |ui| {
                    cur.outline.ui(ui, &mut self.painter, direction, top)
                })
                .inner;
            if let Some(block) = go {
                let now = ctx.input(|i| i.time);
                cur.go_to_block(block, now);
            }
        }
        if self.settings.show_library {
            let panel = match direction {
                Direction::Rtl => egui::Panel::left("library"),
                Direction::Ltr => egui::Panel::right("library"),
            };
            let prefer = self
                .current
                .as_ref()
                .map(|c| c.doc.meta.language)
                .unwrap_or_default();
            let action = panel
                .resizable(true)
                .default_size(320.0)
                .min_size(220.0)
                .show(ui, |ui| {
                    self.library_pane
                        .ui(ui, &mut self.painter, &mut self.library, prefer)
                })
                .inner;
            match action {
                Some(LibraryAction::Open { path, at }) => {
                    self.open(LoadRequest::new(path, Target::NewTab, at), &ctx)
                }
                Some(LibraryAction::ChooseFolder) => self.pick(&ctx, Pick::LibraryFolder),
                Some(LibraryAction::Refresh) => self.library.refresh(&ctx),
                Some(LibraryAction::Cancel) => self.library.cancel(),
                None => {}
            }
        }
        let mut pane_action = None;
        if self.settings.show_annotations
            && let Some(cur) = &mut self.current
        {
            let panel = match direction {
                Direction::Rtl => egui::Panel::left("annotations"),
                Direction::Ltr => egui::Panel::right("annotations"),
            };
            let items = cur.pane_items_cached();
            pane_action = panel
                .resizable(true)
                .default_size(300.0)
                .min_size(200.0)
                .show(ui, |ui| {
                    self.pane.ui(ui, &mut self.painter, &items, direction)
                })
                .inner;
        }
        match pane_action {
            Some(PaneAction::GoTo(id)) => {
                if let Some(cur) = &mut self.current {
                    let block = cur
                        .view
                        .highlights
                        .iter()
                        .find(|h| h.id == id)
                        .map(|h| h.block);
                    if let Some(b) = block {
                        let now = ctx.input(|i| i.time);
                        cur.go_to_block(b, now);
                    }
                }
            }
            Some(PaneAction::Edit(id)) => self.open_note(&id),
            Some(PaneAction::Delete(id)) => {
                if self.editing.as_ref().is_some_and(|e| e.id == id) {
                    self.editing = None;
                }
                if let Some(cur) = &mut self.current {
                    cur.annotations.delete(&cur.doc, &id);
                }
            }
            None => {}
        }
        let mut hot_clicked = None;
        let mut clicked_text = false;
        let mut view_events = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(cur) = &mut self.current else {
                ui.centered_and_justified(|ui| {
                    ui.label("Open a resolution with File → Open (Ctrl+O).")
                });
                return;
            };
            if self.search.open {
                let count = (cur.view.current_match, cur.view.matches.len());
                let actions = self
                    .search
                    .ui(ui, &mut self.painter, cur.view.blocks(), count);
                let now = ctx.input(|i| i.time);
                for a in actions {
                    match a {
                        SearchAction::Matches(m) => {
                            cur.view.matches = m;
                            cur.view.current_match = None;
                        }
                        SearchAction::Next | SearchAction::Previous => {
                            let n = cur.view.matches.len();
                            if n > 0 {
                                let next = match (cur.view.current_match, a == SearchAction::Next) {
                                    (None, true) => 0,
                                    (None, false) => n - 1,
                                    (Some(c), true) => (c + 1) % n,
                                    (Some(c), false) => (c + n - 1) % n,
                                };
                                cur.view.current_match = Some(next);
                                let block = cur.view.matches[next].0;
                                cur.go_to_block(block, now);
                                cur.view.flash = None;
                            }
                        }
                        SearchAction::Close => {
                            self.search.open = false;
                            cur.view.matches.clear();
                            cur.view.current_match = None;
                        }
                    }
                }
                ui.separator();
            }
            let events: Vec<(Side, ViewEvent)> = if cur.beside.is_some() {
                let typo_of = |d: Direction| Typography {
                    body_size: if d == Direction::Ltr { 17.0 } else { 20.0 },
                    ..typo
                };
                super::parallel::ui(ui, &mut self.painter, cur, &typo_of)
            } else {
                cur.view
                    .ui(ui, &mut self.painter, typo)
                    .into_iter()
                    .map(|e| (Side::Main, e))
                    .collect()
            };
            for (side, e) in events {
                match e {
                    ViewEvent::HotClicked { hot, at, .. } => hot_clicked = Some((side, hot, at)),
                    ViewEvent::ClickedText => clicked_text = true,
                    // The other language's own highlights are edited in its own tab.
                    ViewEvent::HighlightClicked { .. } if side == Side::Beside => {}
                    other => view_events.push((side, other)),
                }
            }
        });
        if clicked_text && let Some(cur) = &mut self.current {
            cur.outline.focused = false;
        }
        // Popups.
        if let Some((side, hot, at)) = hot_clicked {
            let kind = match hot {
                Hot::Footnote { id, .. } => PopupKind::Footnote { id },
                Hot::Reference { index } => PopupKind::Reference { index },
            };
            self.popup = Some(Popup {
                kind,
                at,
                opened_frame: self.frame_count,
                beside: side == Side::Beside,
            });
        } else if let Some(p) = &self.popup {
            let pressed_outside = ctx.input(|i| {
                i.pointer.any_pressed()
                    && i.pointer
                        .interact_pos()
                        .is_some_and(|pos| !self.popup_rect.is_some_and(|r| r.contains(pos)))
            });
            if pressed_outside && p.opened_frame != self.frame_count {
                self.popup = None;
            }
        }
        let mut open_request = None;
        if let (Some(p), Some(cur)) = (self.popup.clone(), self.current.as_mut()) {
            let mut rect = None;
            let shown = match cur.beside.as_deref_mut() {
                Some(b) if p.beside => b,
                _ => cur,
            };
            match popup::show(
                &ctx,
                &p,
                &shown.doc,
                &self.library,
                &mut self.painter,
                &mut self.popup_labels,
                &mut rect,
            ) {
                Some(PopupAction::Close) => self.popup = None,
                Some(PopupAction::GoTo(id)) => {
                    self.popup = None;
                    if let Some(b) = shown.block_of(&id) {
                        let now = ctx.input(|i| i.time);
                        shown.go_to_block(b, now);
                    }
                }
                Some(PopupAction::Open { path, at }) => {
                    self.popup = None;
                    open_request = Some(LoadRequest::new(path, Target::NewTab, at));
                }
                None => {}
            }
            self.popup_rect = rect;
        }
        if let Some(r) = open_request {
            self.open(r, &ctx);
        }
        for (side, e) in view_events {
            match e {
                ViewEvent::HighlightClicked { id, .. } => self.open_note(&id),
                ViewEvent::ParagraphAction { paragraph, note } => {
                    self.annotate_paragraph(&paragraph, note)
                }
                ViewEvent::CopyCitation { paragraph } => {
                    let doc = self.current.as_ref().map(|c| match (&c.beside, side) {
                        (Some(b), Side::Beside) => &b.doc,
                        _ => &c.doc,
                    });
                    if let Some(text) =
                        doc.and_then(|d| crate::library::citation_text(d, &paragraph))
                    {
                        ctx.copy_text(text);
                    }
                }
                _ => {}
            }
        }
        self.selection_toolbar(&ctx);
        self.note_window(&ctx);
        self.annotation_messages(&ctx);
        self.error_window(&ctx);
        self.notes_window(&ctx);
        if let Some(a) = self.info_window(&ctx) {
            self.open(a, &ctx);
        }

        if self.start.exit_after_first_frame
            && self
                .current
                .as_ref()
                .is_some_and(|c| c.view.frames_painted > 0)
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

/// Which pane a toolbar toggle opens.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PaneIcon {
    Outline,
    Annotations,
    Library,
}

/// A small toolbar toggle drawn as an icon (a nested list, or a highlighted line), announced
/// to screen readers by name.
fn pane_toggle(ui: &mut egui::Ui, on: &mut bool, icon: PaneIcon) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(26.0, 18.0), egui::Sense::click());
    if resp.clicked() {
        *on = !*on;
    }
    let v = ui.visuals();
    let fill = if *on {
        v.selection.bg_fill
    } else if resp.hovered() {
        v.widgets.hovered.weak_bg_fill
    } else {
        egui::Color32::TRANSPARENT
    };
    let ink = if *on {
        v.selection.stroke.color
    } else {
        v.text_color()
    };
    let p = ui.painter();
    p.rect_filled(rect, 3.0, fill);
    let stroke = egui::Stroke::new(1.6, ink);
    let (l, r, t) = (rect.left() + 6.0, rect.right() - 6.0, rect.top() + 5.0);
    match icon {
        PaneIcon::Outline => {
            for (i, indent) in [0.0, 4.0, 4.0].into_iter().enumerate() {
                let y = t + i as f32 * 4.0;
                p.line_segment([egui::pos2(l + indent, y), egui::pos2(r, y)], stroke);
            }
        }
        PaneIcon::Library => {
            // Three books on a shelf.
            for (i, h) in [9.0, 11.0, 8.0].into_iter().enumerate() {
                let x = l + i as f32 * 5.0;
                let book = egui::Rect::from_min_max(
                    egui::pos2(x, rect.bottom() - 4.0 - h),
                    egui::pos2(x + 3.0, rect.bottom() - 4.0),
                );
                p.rect_stroke(book, 0.5, stroke, egui::StrokeKind::Inside);
            }
            p.line_segment(
                [
                    egui::pos2(l - 1.0, rect.bottom() - 3.5),
                    egui::pos2(r, rect.bottom() - 3.5),
                ],
                stroke,
            );
        }
        PaneIcon::Annotations => {
            let band = egui::Rect::from_min_max(egui::pos2(l, t - 1.0), egui::pos2(r, t + 4.0));
            p.rect_filled(band, 1.0, egui::Color32::from_rgb(250, 220, 80));
            for i in 0..2 {
                let y = t + 1.5 + i as f32 * 5.0;
                p.line_segment([egui::pos2(l, y), egui::pos2(r, y)], stroke);
            }
        }
    }
    let name = match icon {
        PaneIcon::Outline => "Outline",
        PaneIcon::Annotations => "Annotations",
        PaneIcon::Library => "Library",
    };
    let selected = *on;
    resp.widget_info(|| {
        egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, selected, name)
    });
    resp
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
        if let Some(cur) = &mut self.current {
            cur.annotations.flush();
        }
        for t in &mut self.tabs {
            if let Some(doc) = &mut t.parked {
                doc.annotations.flush();
            }
        }
    }
}
