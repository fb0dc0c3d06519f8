//! The annotation session of one open document, without a window: its annotations loaded from
//! the [`Store`], anchored on the document, changed by the user with undo and redo, and saved
//! by a background writer thread once changes pause for [`SAVE_DELAY`]; import, export and the
//! colour of the last highlight.
//!
//! The window drives it: [`Session::tick`] once a frame (it starts the saves and takes in
//! finished ones), [`Session::set_repaint`] so that the writer can wake the window when a
//! save is done, and [`Session::messages`] taken and shown in its status line.
//!
//! ```no_run
//! use qarar_annotations::{Annotation, Color, Session};
//! # fn demo(doc: &qarar_document::model::Document) -> Result<(), Box<dyn std::error::Error>> {
//! let mut session = Session::open(doc, Some("/tmp/qarar-data"));
//! session.set_repaint(|| { /* ask the window to draw again */ });
//! let id = session.add(doc, Annotation::new_on_passage(doc, "para_1", 0..10, Color::Yellow)?);
//! session.update(doc, &id, |a| a.set_note("to check"));
//! session.undo(doc); // the note is gone again
//! while session.tick(doc) {
//!     // each frame, until the change is on disk
//! #   break;
//! }
//! session.flush(); // closing: save now and wait
//! for message in session.messages.drain(..) {
//!     eprintln!("{}", message.text());
//! }
//! # Ok(()) }
//! ```

use crate::filter::{self, ListItem};
use crate::model::now_rfc3339;
use crate::w3c::Tombstone;
use crate::{Anchor, Anchorer, Annotation, Color, DocumentIdentity, Loaded, Store};
use qarar_document::Document;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a save waits after the last change for more changes (0.4 s), so that typing a
/// note does not write the file on every key. This is the one save delay: the window ticks
/// the session at least every 100 ms while a change waits, so the save starts between 0.4 and
/// 0.5 s after the last change.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

/// Something the user should be told, in words ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Something went wrong: the annotations could not be kept, read, saved, imported or
    /// exported, or a damaged file was set aside.
    Error(String),
    /// Something the user asked for was done (imported, exported).
    Notice(String),
}

impl Message {
    /// The words of the message.
    pub fn text(&self) -> &str {
        match self {
            Message::Error(t) | Message::Notice(t) => t,
        }
    }
}

/// Asks the window to draw again, so that it calls [`Session::tick`]; called on the writer
/// thread when a save is done.
type Repaint = Arc<dyn Fn() + Send + Sync>;

/// A save for the writer thread: the list as it was at `generation`.
struct SaveJob {
    generation: u64,
    annotations: Vec<Annotation>,
    deleted: Vec<Tombstone>,
}

/// What the writer sends back: the generation saved and the merged state (or why not).
type SaveResult = (u64, Result<Loaded, String>);

/// The writer thread: a long-lived queue of saves, started by the first save.
struct Writer {
    jobs: Sender<SaveJob>,
    results: Receiver<SaveResult>,
    thread: JoinHandle<()>,
}

/// What one change did to one annotation: its version before and after (`None`: absent).
/// Undo and redo re-apply one side as a *new* edit (new `modified` time, or a new tombstone),
/// so that the store's merge — the latest edit wins — keeps it whatever the timing of saves,
/// and annotations the change did not touch (another window's among them) are left alone.
#[derive(Debug)]
struct Change {
    id: String,
    /// Where the annotation was (or went) in the list, to put it back there.
    index: usize,
    before: Option<Annotation>,
    after: Option<Annotation>,
}

/// One undoable step: the annotations one user action changed.
type Edit = Vec<Change>;

/// The annotations of one open document and everything done to them.
///
/// Read `list`, `anchors` and `generation`; change the annotations only through
/// [`add`](Session::add), [`update`](Session::update), [`delete`](Session::delete),
/// [`undo`](Session::undo), [`redo`](Session::redo) and [`import`](Session::import), so that
/// undo and saving follow.
pub struct Session {
    /// The document the annotations belong to (names their file in the store).
    pub identity: DocumentIdentity,
    /// `None` when the store could not be opened (the user was told).
    store: Option<Store>,
    /// The annotations, in the order they were made (the store's file order).
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
    writer: Option<Writer>,
    repaint: Option<Repaint>,
    /// Messages for the user (damaged file set aside, save failed, imported), to be taken
    /// and shown.
    pub messages: Vec<Message>,
}

impl Session {
    /// Load the document's annotations from the store in `data_dir` (`None`: the user's data
    /// directory, see [`Store::open_default`]) and anchor them. A store that cannot be opened
    /// or read leaves the session empty, with a message saying so.
    pub fn open(doc: &Document, data_dir: Option<impl AsRef<Path>>) -> Session {
        let identity = DocumentIdentity::of(doc);
        let mut messages = Vec::new();
        let store = match data_dir {
            Some(d) => Store::open(d.as_ref()),
            None => Store::open_default(),
        };
        let store = match store {
            Ok(s) => Some(s),
            Err(e) => {
                messages.push(Message::Error(format!("Annotations cannot be kept: {e}")));
                None
            }
        };
        let mut list = Vec::new();
        let mut deleted = Vec::new();
        if let Some(s) = &store {
            match s.load(&identity) {
                Ok(loaded) => {
                    messages.extend(warnings(&loaded));
                    list = loaded.annotations;
                    deleted = loaded.deleted;
                }
                Err(e) => messages.push(Message::Error(format!(
                    "Annotations could not be read: {e}"
                ))),
            }
        }
        let mut me = Session {
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
            writer: None,
            repaint: None,
            messages,
        };
        me.reanchor(doc);
        me
    }

    /// Call `repaint` (on the writer thread) whenever a background save is done, so that the
    /// window draws again and [`tick`](Session::tick) takes the save in. Give it before the
    /// first change is saved: the writer thread takes it when it starts.
    pub fn set_repaint(&mut self, repaint: impl Fn() + Send + Sync + 'static) {
        self.repaint = Some(Arc::new(repaint));
    }

    /// True once [`set_repaint`](Session::set_repaint) was called.
    pub fn has_repaint(&self) -> bool {
        self.repaint.is_some()
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

    /// The annotation with id `id`.
    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.list.iter().find(|a| a.id == id)
    }

    /// The annotations as a list shows them, in document order (see
    /// [`filter::in_document_order`]): `position` gives a paragraph's place in the document.
    pub fn list_items(&self, position: impl Fn(&str) -> Option<usize>) -> Vec<ListItem> {
        filter::in_document_order(&self.list, &self.anchors, position)
    }

    /// Record what changed since `before` as one undoable step; the change is saved after
    /// [`SAVE_DELAY`].
    fn changed(&mut self, doc: &Document, before: &[Annotation]) {
        let edit = diff(before, &self.list);
        if !edit.is_empty() {
            self.undo.push(edit);
            self.redo.clear();
        }
        self.generation += 1;
        self.changed_at = Some(Instant::now());
        self.reanchor(doc);
    }

    /// Add an annotation (a new highlight); returns its id.
    pub fn add(&mut self, doc: &Document, annotation: Annotation) -> String {
        let before = self.list.clone();
        let id = annotation.id.clone();
        self.list.push(annotation);
        self.changed(doc, &before);
        id
    }

    /// Change one annotation with `f` (note, tags, colour); nothing when `f` changes nothing.
    pub fn update(&mut self, doc: &Document, id: &str, f: impl FnOnce(&mut Annotation)) {
        let before = self.list.clone();
        let Some(a) = self.list.iter_mut().find(|a| a.id == id) else {
            return;
        };
        let old = a.clone();
        f(a);
        if *a != old {
            self.changed(doc, &before);
        }
    }

    /// Delete annotation `id` (undoable; the deletion is saved, so other windows drop it too).
    pub fn delete(&mut self, doc: &Document, id: &str) {
        let before = self.list.clone();
        let n = self.list.len();
        self.list.retain(|a| a.id != id);
        if self.list.len() != n {
            self.bury(id);
            self.changed(doc, &before);
        }
    }

    /// True when there is a change to undo.
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

    /// Call every frame: takes in finished saves (adopting what other windows saved) and
    /// starts a background save once changes have paused for [`SAVE_DELAY`]. Returns true
    /// while a change is not yet on disk (tick again soon); false when it is, or when there
    /// is no store to keep it in.
    pub fn tick(&mut self, doc: &Document) -> bool {
        let finished: Vec<SaveResult> = match &self.writer {
            Some(w) => w.results.try_iter().collect(),
            None => Vec::new(),
        };
        for (generation, result) in finished {
            match result {
                Ok(loaded) => {
                    self.saved_generation = self.saved_generation.max(generation);
                    self.messages.extend(warnings(&loaded));
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
                    .push(Message::Error(format!("Annotations not saved: {e}"))),
            }
        }
        // Without a store there is nothing to wait for (the user was told at opening).
        let pending = !self.is_saved();
        if pending && self.changed_at.is_some_and(|t| t.elapsed() >= SAVE_DELAY) {
            self.changed_at = None;
            self.send_job();
        }
        pending
    }

    /// Hand the list as it is now to the writer thread (started here the first time).
    fn send_job(&mut self) {
        let Some(store) = self.store.clone() else {
            return;
        };
        let writer = self.writer.get_or_insert_with(|| {
            let (jobs, rx) = channel::<SaveJob>();
            let (rtx, results) = channel::<SaveResult>();
            let identity = self.identity.clone();
            let repaint = self.repaint.clone();
            let thread = std::thread::spawn(move || {
                while let Ok(job) = rx.recv() {
                    let result = store
                        .save(&identity, &job.annotations, &job.deleted)
                        .map_err(|e| e.to_string());
                    let _ = rtx.send((job.generation, result));
                    if let Some(repaint) = &repaint {
                        repaint();
                    }
                }
            });
            Writer {
                jobs,
                results,
                thread,
            }
        });
        let _ = writer.jobs.send(SaveJob {
            generation: self.generation,
            annotations: self.list.clone(),
            deleted: self.deleted.clone(),
        });
    }

    /// True when every change is on disk (or there is no store to keep them in, which the
    /// user was told when the document opened).
    pub fn is_saved(&self) -> bool {
        self.store.is_none() || self.saved_generation >= self.generation
    }

    /// Save now and wait (closing the window or the document): the writer finishes what it
    /// has, then what is left is saved on this thread. A failure is put in `messages`.
    pub fn flush(&mut self) {
        if let Some(Writer {
            jobs,
            results,
            thread,
        }) = self.writer.take()
        {
            // Closing the queue ends the thread once it has saved what it has.
            drop(jobs);
            let _ = thread.join();
            while let Ok((generation, Ok(_))) = results.try_recv() {
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
                    .push(Message::Error(format!("Annotations not saved: {e}"))),
            }
        }
    }

    /// Import an annotation file, merging by id (undoable; importing never deletes).
    pub fn import(&mut self, doc: &Document, path: &Path) {
        self.flush();
        let Some(store) = &self.store else {
            return;
        };
        match store.import(&self.identity, path) {
            Ok(loaded) => {
                let before = std::mem::take(&mut self.list);
                let n = loaded.annotations.len().saturating_sub(before.len());
                let ignored = loaded.ignored_deletions;
                self.list = loaded.annotations;
                self.deleted = loaded.deleted;
                self.changed(doc, &before);
                self.messages.push(Message::Notice(format!(
                    "Imported {n} annotations from {}",
                    path.display()
                )));
                if ignored > 0 {
                    self.messages.push(Message::Notice(format!(
                        "{ignored} deletion{} in the file {} not applied (importing never deletes)",
                        if ignored == 1 { "" } else { "s" },
                        if ignored == 1 { "was" } else { "were" },
                    )));
                }
            }
            Err(e) => self
                .messages
                .push(Message::Error(format!("Cannot import: {e}"))),
        }
    }

    /// Write the document's annotations (saved first) to a file others can read.
    pub fn export(&mut self, path: &Path) {
        self.flush();
        let Some(store) = &self.store else {
            return;
        };
        match store.export(&self.identity, path) {
            Ok(n) => self.messages.push(Message::Notice(format!(
                "Exported {n} annotations to {}",
                path.display()
            ))),
            Err(e) => self
                .messages
                .push(Message::Error(format!("Cannot export: {e}"))),
        }
    }

    /// Colour of the most recent highlight (the default for the next one).
    pub fn last_color(&self) -> Color {
        self.list.last().map(|a| a.color).unwrap_or(Color::Yellow)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.flush();
    }
}

/// The store's warnings (a damaged file set aside) as messages.
fn warnings(loaded: &Loaded) -> impl Iterator<Item = Message> + '_ {
    loaded
        .warnings
        .iter()
        .map(|w| Message::Error(w.to_string()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Quote;

    fn ann(id: &str, note: &str) -> Annotation {
        Annotation {
            id: id.into(),
            created: "2025-01-01T00:00:01Z".into(),
            modified: "2025-01-01T00:00:01Z".into(),
            color: Color::Yellow,
            note: note.into(),
            note_language: None,
            tags: vec![],
            target: "para_1".into(),
            quote: Quote {
                exact: "نص".into(),
                ..Quote::default()
            },
            position: Some(0..2),
            whole_paragraph: false,
        }
    }

    #[test]
    fn diff_names_each_added_changed_and_removed_annotation_once() {
        let before = [ann("a", ""), ann("b", ""), ann("c", "")];
        let after = [ann("a", ""), ann("c", "new note"), ann("d", "")];
        let edit = diff(&before, &after);
        let seen: Vec<(&str, usize, bool, bool)> = edit
            .iter()
            .map(|c| {
                let (before, after) = (c.before.is_some(), c.after.is_some());
                (c.id.as_str(), c.index, before, after)
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("b", 1, true, false),
                ("c", 2, true, true),
                ("d", 2, false, true)
            ]
        );
        assert_eq!(
            edit[1].after.as_ref().map(|a| a.note.as_str()),
            Some("new note")
        );
        assert!(diff(&after, &after).is_empty(), "no change, no step");
    }
}
