//! An open document and everything the window derives from it (view, outline, annotations,
//! the language shown beside it), and the requests that load one.

use super::annotate::Annotations;
use super::annotations_pane::PaneItem;
use super::outline::{self, Outline};
use super::view::DocumentView;
use qarar_document::Document;
use std::collections::HashMap;
use std::path::PathBuf;

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

    /// The interface language changed: the names made when the document was opened (the
    /// outline's entries, the annotation pane's items) are made again in it.
    pub fn relabel(&mut self) {
        let fresh = outline::entries(&self.doc, self.view.blocks());
        for (e, f) in self.outline.entries.iter_mut().zip(fresh) {
            e.label = f.label;
        }
        self.pane_cache = None;
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
        // A paragraph's place is its first block.
        let mut blocks: HashMap<&str, usize> = HashMap::new();
        for (i, b) in self.view.blocks().iter().enumerate() {
            if let Some(p) = b.paragraph_id() {
                blocks.entry(p).or_insert(i);
            }
        }
        self.annotations.list_items(|p| blocks.get(p).copied())
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
            .unwrap_or_else(|| super::i18n::t("untitled"))
    }

    /// Scroll to a paragraph and flash it.
    pub fn go_to_block(&mut self, block: usize, now: f64) {
        self.view.go_to(block, now);
    }

    /// Scroll to paragraph `id` and flash it (nothing if the document has no such paragraph).
    pub fn go_to_paragraph(&mut self, id: &str, now: f64) {
        if let Some(b) = self.block_of(id) {
            self.go_to_block(b, now);
        }
    }

    /// The document in a column: the main one, or the one beside it (when there is one).
    pub fn column(&self, side: Side) -> &OpenDocument {
        match (side, self.beside.as_deref()) {
            (Side::Beside, Some(b)) => b,
            _ => self,
        }
    }

    /// Show `other` (another language of this resolution) beside this document, both at
    /// the paragraph the reader was at. The annotations of one shown before are saved.
    pub fn set_beside(&mut self, mut other: OpenDocument) {
        other.view.set_column(1);
        other.view.scroll_to(None);
        if let Some(mut old) = self.beside.take() {
            old.annotations.flush();
        }
        self.beside = Some(Box::new(other));
        self.aligned_for = None;
        if let Some(top) = self.view.top_block {
            self.view.scroll_to(Some(top));
        }
    }

    /// Back to one column (the annotations of the other language are saved).
    pub fn close_beside(&mut self) {
        if let Some(mut b) = self.beside.take() {
            b.annotations.flush();
        }
        self.aligned_for = None;
        self.view.leave_side_by_side();
    }

    /// The language shown beside becomes the main one and this one goes beside it, at the
    /// same paragraph.
    pub fn swap_columns(mut self) -> OpenDocument {
        let Some(mut other) = self.beside.take() else {
            return self;
        };
        self.view.set_column(1);
        other.view.set_column(0);
        other
            .view
            .scroll_to(self.top_paragraph().and_then(|p| other.block_of(&p)));
        other.beside = Some(Box::new(self));
        other.aligned_for = None;
        *other
    }

    /// Take over the column beside `old` when it shows another language of this resolution
    /// (a language switch keeps side by side).
    pub fn inherit_beside(&mut self, old: &mut OpenDocument) {
        let language = self.doc.meta.language;
        let symbol = self.doc.meta.symbol.clone();
        self.beside = old.beside.take().filter(|b| {
            b.doc.meta.language != language
                && b.doc.meta.symbol.is_some()
                && b.doc.meta.symbol == symbol
        });
    }

    /// Is `other` another text of the same resolution (same symbol)?
    pub fn same_resolution(&self, other: &OpenDocument) -> bool {
        self.doc.meta.symbol.is_some() && self.doc.meta.symbol == other.doc.meta.symbol
    }

    /// Save the annotations now (and those of the document beside).
    pub fn flush(&mut self) {
        self.annotations.flush();
        if let Some(b) = self.beside.as_deref_mut() {
            b.annotations.flush();
        }
    }

    /// Save the annotations before the document goes away; what went wrong, if they could
    /// not be saved (the caller then keeps the document).
    pub fn flush_for_closing(&mut self) -> Vec<String> {
        let mut problems = Vec::new();
        for a in std::iter::once(&mut self.annotations)
            .chain(self.beside.as_deref_mut().map(|b| &mut b.annotations))
        {
            a.flush();
            if !a.is_saved() {
                if a.messages.is_empty() {
                    problems.push("they were not written".to_string());
                }
                problems.extend(a.messages.drain(..).map(|m| m.text().to_string()));
            }
        }
        problems
    }

    /// Once a frame: background saving, and highlights rebuilt when annotations changed.
    pub fn tick(&mut self, ctx: &eframe::egui::Context) {
        fn one(d: &mut OpenDocument, ctx: &eframe::egui::Context) {
            super::annotate::tick(&mut d.annotations, &d.doc, ctx);
            if d.view.highlights_generation != d.annotations.generation {
                d.view.set_highlights(&d.doc, &d.annotations);
            }
        }
        one(self, ctx);
        if let Some(b) = self.beside.as_deref_mut() {
            one(b, ctx);
        }
    }

    /// Move the outline's keyboard cursor one entry up or down and go there.
    pub fn step_outline(&mut self, down: bool, now: f64) {
        let from = self
            .outline
            .cursor
            .or(self.outline.current_for_block(self.view.reading_block()));
        if let Some(next) = self.outline.step(from, down) {
            self.outline.cursor = Some(next);
            self.outline.cursor_moved = true;
            let block = self.outline.entries[next].block;
            self.go_to_block(block, now);
        }
    }

    /// Messages of the annotation store, taken to be shown.
    pub fn take_messages(&mut self) -> Vec<super::status::Message> {
        let mut out: Vec<_> = self
            .annotations
            .messages
            .drain(..)
            .map(Into::into)
            .collect();
        if let Some(b) = self.beside.as_deref_mut() {
            out.extend(b.annotations.messages.drain(..).map(Into::into));
        }
        out
    }
}

/// Which column of the side-by-side view something belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Main,
    Beside,
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
#[derive(Debug, Clone, PartialEq)]
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
