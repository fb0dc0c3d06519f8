//! The open document's annotations: loaded from the store, anchored on the document, changed
//! by the user with undo, and saved in the background within a second of every change.

use super::status::Message;
use crate::annotations::{Anchor, Anchorer, Annotation, Color, DocumentIdentity, Loaded, Store};
use crate::document::Document;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// Saves wait this long for more changes, so typing does not write on every key.
const SAVE_DELAY: Duration = Duration::from_millis(400);

struct SaveJob {
    generation: u64,
    annotations: Vec<Annotation>,
    deleted: Vec<String>,
}

type SaveResult = (u64, Result<Loaded, String>);

/// One undoable state.
#[derive(Clone)]
struct Snapshot {
    list: Vec<Annotation>,
    deleted: Vec<String>,
}

pub struct Annotations {
    pub identity: DocumentIdentity,
    store: Option<Store>,
    pub list: Vec<Annotation>,
    deleted: Vec<String>,
    /// Where each annotation sits in the open document, by id.
    pub anchors: HashMap<String, Anchor>,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// Bumped on every change (the view rebuilds its highlights when it changes).
    pub generation: u64,
    saved_generation: u64,
    changed_at: Option<Instant>,
    jobs: Option<Sender<SaveJob>>,
    results: Option<Receiver<SaveResult>>,
    worker: Option<std::thread::JoinHandle<()>>,
    /// Messages for the user (damaged file set aside, save failed).
    pub messages: Vec<Message>,
}

impl Annotations {
    /// Load the document's annotations from the store in `data_dir` (or the user's data
    /// directory) and anchor them.
    pub fn open(doc: &Document, data_dir: Option<&PathBuf>) -> Annotations {
        let identity = DocumentIdentity::of(doc);
        let mut messages = Vec::new();
        let store = match data_dir {
            Some(d) => Store::open(d.clone()),
            None => Store::open_default(),
        };
        let store = match store {
            Ok(s) => Some(s),
            Err(e) => {
                messages.push(Message::error(format!("Annotations cannot be kept: {e}")));
                None
            }
        };
        let mut list = Vec::new();
        let mut deleted = Vec::new();
        if let Some(s) = &store {
            match s.load(&identity) {
                Ok(loaded) => {
                    messages.extend(
                        loaded
                            .warnings
                            .iter()
                            .map(|w| Message::error(w.to_string())),
                    );
                    list = loaded.annotations;
                    deleted = loaded.deleted.into_iter().map(|t| t.id).collect();
                }
                Err(e) => messages.push(Message::error(format!(
                    "Annotations could not be read: {e}"
                ))),
            }
        }
        let mut me = Annotations {
            identity,
            store,
            list,
            deleted,
            anchors: HashMap::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            generation: 1,
            saved_generation: 1,
            changed_at: None,
            jobs: None,
            results: None,
            worker: None,
            messages,
        };
        me.reanchor(doc);
        me
    }

    fn reanchor(&mut self, doc: &Document) {
        let anchorer = Anchorer::new(doc);
        self.anchors = self
            .list
            .iter()
            .map(|a| (a.id.clone(), anchorer.anchor(a)))
            .collect();
    }

    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.list.iter().find(|a| a.id == id)
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            list: self.list.clone(),
            deleted: self.deleted.clone(),
        }
    }

    fn changed(&mut self, doc: &Document, before: Snapshot) {
        self.undo.push(before);
        self.redo.clear();
        self.generation += 1;
        self.changed_at = Some(Instant::now());
        self.reanchor(doc);
    }

    /// Add an annotation (a new highlight).
    pub fn add(&mut self, doc: &Document, annotation: Annotation) -> String {
        let before = self.snapshot();
        let id = annotation.id.clone();
        self.list.push(annotation);
        self.changed(doc, before);
        id
    }

    /// Change one annotation with `f` (note, tags, colour).
    pub fn update(&mut self, doc: &Document, id: &str, f: impl FnOnce(&mut Annotation)) {
        let before = self.snapshot();
        let Some(a) = self.list.iter_mut().find(|a| a.id == id) else {
            return;
        };
        let old = a.clone();
        f(a);
        if *a != old {
            self.changed(doc, before);
        }
    }

    pub fn delete(&mut self, doc: &Document, id: &str) {
        let before = self.snapshot();
        let n = self.list.len();
        self.list.retain(|a| a.id != id);
        if self.list.len() != n {
            self.deleted.push(id.to_string());
            self.changed(doc, before);
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Undo the last change (Ctrl+Z).
    pub fn undo(&mut self, doc: &Document) {
        if let Some(s) = self.undo.pop() {
            self.redo.push(self.snapshot());
            self.restore(doc, s);
        }
    }

    /// Redo (Ctrl+Shift+Z).
    pub fn redo(&mut self, doc: &Document) {
        if let Some(s) = self.redo.pop() {
            self.undo.push(self.snapshot());
            self.restore(doc, s);
        }
    }

    fn restore(&mut self, doc: &Document, s: Snapshot) {
        // An undone deletion must not stay a tombstone, or the store would drop it again.
        let ids: Vec<String> = s.list.iter().map(|a| a.id.clone()).collect();
        self.list = s.list;
        self.deleted = s.deleted;
        self.deleted.retain(|d| !ids.contains(d));
        // Restored annotations count as changed now, so the merge keeps them.
        for a in &mut self.list {
            a.touch();
        }
        self.generation += 1;
        self.changed_at = Some(Instant::now());
        self.reanchor(doc);
    }

    /// Call every frame: starts a background save when changes have settled and takes in
    /// finished saves. Returns true while something is pending (keep repainting).
    pub fn tick(&mut self, doc: &Document, ctx: &eframe::egui::Context) -> bool {
        let finished: Vec<SaveResult> = match &self.results {
            Some(rx) => rx.try_iter().collect(),
            None => Vec::new(),
        };
        {
            for (generation, result) in finished {
                match result {
                    Ok(loaded) => {
                        self.saved_generation = self.saved_generation.max(generation);
                        self.messages.extend(
                            loaded
                                .warnings
                                .iter()
                                .map(|w| Message::error(w.to_string())),
                        );
                        // Adopt what other windows saved, unless the user changed more since.
                        if generation == self.generation && loaded.annotations != self.list {
                            self.list = loaded.annotations;
                            self.reanchor(doc);
                            self.generation += 1;
                            self.saved_generation = self.generation;
                        }
                    }
                    Err(e) => self
                        .messages
                        .push(Message::error(format!("Annotations not saved: {e}"))),
                }
            }
        }
        let pending = self.saved_generation < self.generation;
        if pending && self.changed_at.is_some_and(|t| t.elapsed() >= SAVE_DELAY) {
            self.changed_at = None;
            self.send_job(ctx.clone());
        }
        if pending {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        pending
    }

    fn send_job(&mut self, ctx: eframe::egui::Context) {
        let Some(store) = self.store.clone() else {
            return;
        };
        if self.jobs.is_none() {
            let (tx, rx) = channel::<SaveJob>();
            let (rtx, rrx) = channel::<SaveResult>();
            let identity = self.identity.clone();
            let handle = std::thread::spawn(move || {
                while let Ok(job) = rx.recv() {
                    let result = store
                        .save(&identity, &job.annotations, &job.deleted)
                        .map_err(|e| e.to_string());
                    let _ = rtx.send((job.generation, result));
                    ctx.request_repaint();
                }
            });
            self.jobs = Some(tx);
            self.results = Some(rrx);
            self.worker = Some(handle);
        }
        if let Some(tx) = &self.jobs {
            let _ = tx.send(SaveJob {
                generation: self.generation,
                annotations: self.list.clone(),
                deleted: self.deleted.clone(),
            });
        }
    }

    /// Save now and wait (closing the window or the document).
    /// True when every change is on disk (or there is no store to keep them in, which the
    /// user was told when the document opened).
    pub fn is_saved(&self) -> bool {
        self.store.is_none() || self.saved_generation >= self.generation
    }

    pub fn flush(&mut self) {
        // Let the worker finish what it has.
        self.jobs = None;
        if let Some(h) = self.worker.take() {
            let _ = h.join();
        }
        if let Some(rx) = self.results.take() {
            while let Ok((generation, Ok(_))) = rx.try_recv() {
                self.saved_generation = self.saved_generation.max(generation);
            }
        }
        if self.saved_generation < self.generation
            && let Some(store) = &self.store
        {
            match store.save(&self.identity, &self.list, &self.deleted) {
                Ok(_) => self.saved_generation = self.generation,
                Err(e) => self
                    .messages
                    .push(Message::error(format!("Annotations not saved: {e}"))),
            }
        }
    }

    /// Import an annotation file, merging by id (undoable).
    pub fn import(&mut self, doc: &Document, path: &std::path::Path) {
        self.flush();
        let Some(store) = &self.store else {
            return;
        };
        match store.import(&self.identity, path) {
            Ok(loaded) => {
                let before = self.snapshot();
                let n = loaded.annotations.len().saturating_sub(self.list.len());
                self.list = loaded.annotations;
                self.deleted = loaded.deleted.into_iter().map(|t| t.id).collect();
                self.changed(doc, before);
                self.messages.push(Message::notice(format!(
                    "Imported {n} annotations from {}",
                    path.display()
                )));
            }
            Err(e) => self
                .messages
                .push(Message::error(format!("Cannot import: {e}"))),
        }
    }

    /// Write the document's annotations to a file others can read.
    pub fn export(&mut self, path: &std::path::Path) {
        self.flush();
        let Some(store) = &self.store else {
            return;
        };
        match store.export(&self.identity, path) {
            Ok(n) => self.messages.push(Message::notice(format!(
                "Exported {n} annotations to {}",
                path.display()
            ))),
            Err(e) => self
                .messages
                .push(Message::error(format!("Cannot export: {e}"))),
        }
    }

    /// Colour of the most recent highlight (the default for the next one).
    pub fn last_color(&self) -> Color {
        self.list.last().map(|a| a.color).unwrap_or(Color::Yellow)
    }
}

impl Drop for Annotations {
    fn drop(&mut self) {
        self.flush();
    }
}
