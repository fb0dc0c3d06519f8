//! The tabs: each holds its document in place, one is shown.

use super::document::OpenDocument;
use std::path::Path;

/// A tab. Its id stays while tabs around it open and close.
pub struct Tab {
    pub id: u64,
    pub doc: Option<OpenDocument>,
}

/// The tabs in order and the one shown.
pub struct Tabs {
    list: Vec<Tab>,
    active: usize,
    next_id: u64,
}

impl Default for Tabs {
    fn default() -> Self {
        Tabs {
            list: vec![Tab { id: 1, doc: None }],
            active: 0,
            next_id: 1,
        }
    }
}

impl Tabs {
    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Index of the tab shown.
    pub fn active(&self) -> usize {
        self.active
    }

    pub(crate) fn active_id(&self) -> Option<u64> {
        self.list.get(self.active).map(|t| t.id)
    }

    /// The document of the tab shown.
    pub fn current(&self) -> Option<&OpenDocument> {
        self.list.get(self.active).and_then(|t| t.doc.as_ref())
    }

    pub fn current_mut(&mut self) -> Option<&mut OpenDocument> {
        self.list.get_mut(self.active).and_then(|t| t.doc.as_mut())
    }

    /// Put a document in the tab shown, returning the one it held.
    pub(crate) fn replace_current(&mut self, doc: Option<OpenDocument>) -> Option<OpenDocument> {
        match self.list.get_mut(self.active) {
            Some(t) => std::mem::replace(&mut t.doc, doc),
            None => doc,
        }
    }

    pub fn get(&self, i: usize) -> Option<&OpenDocument> {
        self.list.get(i).and_then(|t| t.doc.as_ref())
    }

    pub fn get_mut(&mut self, i: usize) -> Option<&mut OpenDocument> {
        self.list.get_mut(i).and_then(|t| t.doc.as_mut())
    }

    /// Index of the tab with this id (it may have closed).
    pub fn position(&self, id: u64) -> Option<usize> {
        self.list.iter().position(|t| t.id == id)
    }

    /// Open a new tab after the others, holding `doc`, and show it.
    pub fn push(&mut self, doc: OpenDocument) {
        self.next_id += 1;
        self.list.push(Tab {
            id: self.next_id,
            doc: Some(doc),
        });
        self.active = self.list.len() - 1;
    }

    /// Show tab `i` (no check that the documents' annotations are saved: the caller does).
    pub fn show(&mut self, i: usize) {
        if i < self.list.len() {
            self.active = i;
        }
    }

    /// Remove tab `i` (never the last one); the tab shown stays shown when it can.
    pub fn remove(&mut self, i: usize) -> Option<OpenDocument> {
        if self.list.len() <= 1 || i >= self.list.len() {
            return None;
        }
        let tab = self.list.remove(i);
        if i < self.active || self.active >= self.list.len() {
            self.active = self.active.saturating_sub(1);
        }
        tab.doc
    }

    /// Put a document back into tab `i` (closing it failed).
    pub(crate) fn put_back(&mut self, i: usize, doc: OpenDocument) {
        if let Some(t) = self.list.get_mut(i) {
            t.doc = Some(doc);
        }
    }

    /// Take the document out of tab `i` (to close it).
    pub fn take(&mut self, i: usize) -> Option<OpenDocument> {
        self.list.get_mut(i).and_then(|t| t.doc.take())
    }

    pub(crate) fn documents_mut(&mut self) -> impl Iterator<Item = &mut OpenDocument> {
        self.list.iter_mut().filter_map(|t| t.doc.as_mut())
    }

    /// Index of the tab showing `path` (canonical), in either column.
    pub fn holding(&self, path: &Path) -> Option<usize> {
        self.list.iter().position(|t| {
            let same = |d: &OpenDocument| d.path.as_deref() == Some(path);
            t.doc
                .as_ref()
                .is_some_and(|d| same(d) || d.beside.as_deref().is_some_and(same))
        })
    }

    /// Titles of the tabs, in order. Two tabs that would read the same (the same resolution
    /// from its text and its XML) say what differs: the format, else the file name.
    pub fn titles(&self) -> Vec<String> {
        let base: Vec<String> = self
            .list
            .iter()
            .map(|t| {
                t.doc
                    .as_ref()
                    .map(OpenDocument::tab_title)
                    .unwrap_or_else(|| super::i18n::t("empty-tab"))
            })
            .collect();
        let with = |f: &dyn Fn(&OpenDocument) -> String, titles: &[String]| -> Vec<String> {
            titles
                .iter()
                .zip(&self.list)
                .map(|(title, t)| {
                    let twin = titles.iter().filter(|x| *x == title).count() > 1;
                    match (&t.doc, twin) {
                        (Some(d), true) => format!("{title} · {}", f(d)),
                        _ => title.clone(),
                    }
                })
                .collect()
        };
        let by_format = with(&|d| d.doc.format.short_name().into(), &base);
        with(
            &|d| {
                d.path
                    .as_ref()
                    .and_then(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "bundled".into())
            },
            &by_format,
        )
    }
}
