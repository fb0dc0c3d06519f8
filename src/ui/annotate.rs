//! The open document's annotations: loaded from the store, anchored on the document, changed
//! by the user with undo, and saved in the background within a second of every change.

use super::status::Message;
use qarar_annotations::model::now_rfc3339;
use qarar_annotations::w3c::Tombstone;
use qarar_annotations::{Anchor, Anchorer, Annotation, Color, DocumentIdentity, Loaded, Store};
use qarar_document::Document;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// Saves wait this long for more changes, so typing does not write on every key.
const SAVE_DELAY: Duration = Duration::from_millis(400);

struct SaveJob {
    generation: u64,
    annotations: Vec<Annotation>,
    deleted: Vec<Tombstone>,
}

type SaveResult = (u64, Result<Loaded, String>);

/// What one change did to one annotation: its version before and after (`None`: absent).
/// Undo and redo re-apply one side as a *new* edit (new `modified` time, or a new tombstone),
/// so that the store's merge — the latest edit wins — keeps it whatever the timing of saves,
/// and annotations the change did not touch (another window's among them) are left alone.
struct Change {
    id: String,
    /// Where the annotation was (or went) in the list, to put it back there.
    index: usize,
    before: Option<Annotation>,
    after: Option<Annotation>,
}

/// One undoable step: the annotations one user action changed.
type Edit = Vec<Change>;

/// The annotations before a change, to work out what it changed.
type Snapshot = Vec<Annotation>;

pub struct Annotations {
    pub identity: DocumentIdentity,
    store: Option<Store>,
    pub list: Vec<Annotation>,
    /// Deletions, each with the time it was made (sent with every save).
    deleted: Vec<Tombstone>,
    /// Where each annotation sits in the open document, by id.
    pub anchors: HashMap<String, Anchor>,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
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
                    deleted = loaded.deleted;
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
        // The anchoring index (every paragraph folded) is only worth building for annotations.
        if self.list.is_empty() {
            self.anchors.clear();
            return;
        }
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
        self.list.clone()
    }

    fn changed(&mut self, doc: &Document, before: Snapshot) {
        let edit = diff(&before, &self.list);
        if !edit.is_empty() {
            self.undo.push(edit);
            self.redo.clear();
        }
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
            self.bury(id);
            self.changed(doc, before);
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Undo the last change (Ctrl+Z): a new edit that puts back what the change replaced.
    pub fn undo(&mut self, doc: &Document) {
        if let Some(edit) = self.undo.pop() {
            self.apply(doc, &edit, false);
            self.redo.push(edit);
        }
    }

    /// Redo (Ctrl+Shift+Z): a new edit that makes the undone change again.
    pub fn redo(&mut self, doc: &Document) {
        if let Some(edit) = self.redo.pop() {
            self.apply(doc, &edit, true);
            self.undo.push(edit);
        }
    }

    /// Give each annotation of `edit` its version after (`forward`) or before the change, as
    /// an edit made now.
    fn apply(&mut self, doc: &Document, edit: &Edit, forward: bool) {
        for change in edit.iter().rev() {
            let wanted = if forward {
                &change.after
            } else {
                &change.before
            };
            let at = self.list.iter().position(|a| a.id == change.id);
            match (wanted, at) {
                (Some(version), at) => {
                    let mut a = version.clone();
                    // Newer than the version shown (and than its deletion): the latest edit.
                    if let Some(i) = at {
                        a.modified.clone_from(&self.list[i].modified);
                    }
                    a.touch();
                    self.deleted.retain(|t| t.id != change.id);
                    match at {
                        Some(i) => self.list[i] = a,
                        None => self.list.insert(change.index.min(self.list.len()), a),
                    }
                }
                (None, Some(i)) => {
                    self.list.remove(i);
                    self.bury(&change.id);
                }
                (None, None) => {}
            }
        }
        self.generation += 1;
        self.changed_at = Some(Instant::now());
        self.reanchor(doc);
    }

    /// Record the deletion of `id`, made now.
    fn bury(&mut self, id: &str) {
        self.deleted.retain(|t| t.id != id);
        self.deleted.push(Tombstone {
            id: id.to_string(),
            deleted: now_rfc3339(),
        });
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
                            self.deleted = loaded.deleted;
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
                let ignored = loaded.ignored_deletions;
                self.list = loaded.annotations;
                self.deleted = loaded.deleted;
                self.changed(doc, before);
                self.messages.push(Message::notice(format!(
                    "Imported {n} annotations from {}",
                    path.display()
                )));
                if ignored > 0 {
                    self.messages.push(Message::notice(format!(
                        "{ignored} deletion{} in the file {} not applied (importing never deletes)",
                        if ignored == 1 { "" } else { "s" },
                        if ignored == 1 { "was" } else { "were" },
                    )));
                }
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

/// What changed from `before` to `after`, annotation by annotation (linear: ids hashed).
fn diff(before: &[Annotation], after: &[Annotation]) -> Edit {
    let old: HashMap<&str, (usize, &Annotation)> = before
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), (i, a)))
        .collect();
    let new: HashMap<&str, &Annotation> = after.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut edit = Vec::new();
    for (i, a) in before.iter().enumerate() {
        match new.get(a.id.as_str()) {
            Some(b) if *b == a => {}
            b => edit.push(Change {
                id: a.id.clone(),
                index: i,
                before: Some(a.clone()),
                after: b.map(|b| (*b).clone()),
            }),
        }
    }
    for (i, b) in after.iter().enumerate() {
        if !old.contains_key(b.id.as_str()) {
            edit.push(Change {
                id: b.id.clone(),
                index: i,
                before: None,
                after: Some(b.clone()),
            });
        }
    }
    edit
}
