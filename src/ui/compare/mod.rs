//! The compare view (issue 17): two versions of a resolution, compared by `qarar_compare`,
//! shown over the tab that asked for it — inline (one text, insertions and deletions marked
//! on the glyphs) or side by side (old and new columns, pair by pair) — with a summary bar,
//! a "substantive only" filter and change navigation (Alt+↓ / Alt+↑, "3 / 17").
//!
//! The annotations of both versions show on their text (`notes.rs`), a unit's context menu
//! copies either version's citation and, side by side, a click marks the unit's pair
//! (`pick.rs`); the new document's outline marks what changed (`outline.rs`).
//!
//! The comparison is worked out in a background job ([`prepare`]); [`CompareView`] keeps
//! what is shown and where the user is. Closing it returns to the reader.

mod bar;
mod list;
mod notes;
mod outline;
mod paint;
mod pick;
mod select;

use crate::ui::annotate::Annotations;
use qarar_compare::{Class, Comparison, Status, check_languages, compare_files};
use qarar_document::{Direction, Document, Language};
use qarar_export::compare::labels;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub(crate) use list::kind_colour;
pub(crate) use notes::Anchored;
pub(crate) use paint::Layouts;

/// One of the two versions compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Version {
    Old,
    New,
}

/// How the two versions are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One text with insertions and deletions marked.
    Inline,
    /// Old and new in two columns, pair by pair.
    SideBySide,
}

/// A comparison worked out in the background, ready to show.
pub struct Prepared {
    pub comparison: Comparison,
    pub(crate) old_name: String,
    pub(crate) new_name: String,
    /// Other earlier versions the user may compare with instead (name, file).
    pub others: Vec<(String, PathBuf)>,
    /// The tab that asked.
    pub tab: Option<u64>,
    pub(crate) old_doc: Arc<Document>,
    pub(crate) new_doc: Arc<Document>,
    /// Which version the tab's document is (its annotations are the tab's, kept live).
    pub(crate) tab_version: Version,
    /// The annotations of the other version, from its own annotation store.
    pub(crate) other_notes: Vec<Anchored>,
    /// The new document's outline with the comparison's marks.
    pub outline: crate::ui::outline::Outline,
}

/// The compare view's state.
pub struct CompareView {
    pub comparison: Comparison,
    pub(crate) old_name: String,
    pub(crate) new_name: String,
    pub others: Vec<(String, PathBuf)>,
    pub tab: Option<u64>,
    pub layout: Layout,
    pub(crate) substantive_only: bool,
    /// Position in [`CompareView::navigable`] of the change last gone to.
    pub current: Option<usize>,
    /// A change (index in `comparison.changes`) to bring into view next frame.
    pub(crate) scroll_to: Option<usize>,
    pub(crate) layouts: Layouts,
    pub(crate) labels: super::text_painter::LabelCache,
    pub(crate) old_doc: Arc<Document>,
    pub(crate) new_doc: Arc<Document>,
    pub(crate) tab_version: Version,
    /// The anchored annotations of the old and of the new version.
    pub notes: [Vec<Anchored>; 2],
    /// Bumped when `notes` change (the blocks' highlights are made again).
    pub(crate) notes_generation: u64,
    /// The generation of the tab's annotations last taken.
    tab_generation: Option<u64>,
    /// Side by side, the unit last clicked (change, version): its pair is marked.
    pub(crate) picked: Option<(usize, Version)>,
    /// The new document's outline, marked.
    pub outline: crate::ui::outline::Outline,
    /// The list of changes' entries, for the filter they were made with.
    list_texts: Option<(bool, Vec<String>)>,
    /// Text selected in a unit.
    pub(crate) selection: Option<select::Selection>,
}

impl CompareView {
    /// The interface language changed: the outline's names and marks, and the list of
    /// changes, are made again in it.
    pub fn relabel(&mut self) {
        let marked = outline::marked(&self.comparison, &self.old_doc, &self.new_doc);
        let collapsed = std::mem::take(&mut self.outline.collapsed);
        self.outline = marked;
        self.outline.collapsed = collapsed;
        self.list_texts = None;
    }

    pub fn new(p: Prepared) -> CompareView {
        CompareView {
            comparison: p.comparison,
            old_name: p.old_name,
            new_name: p.new_name,
            others: p.others,
            tab: p.tab,
            layout: Layout::Inline,
            substantive_only: false,
            current: None,
            scroll_to: None,
            layouts: Layouts::default(),
            labels: Default::default(),
            notes: match p.tab_version {
                Version::Old => [Vec::new(), p.other_notes],
                Version::New => [p.other_notes, Vec::new()],
            },
            old_doc: p.old_doc,
            new_doc: p.new_doc,
            tab_version: p.tab_version,
            notes_generation: 0,
            tab_generation: None,
            picked: None,
            outline: p.outline,
            list_texts: None,
            selection: None,
        }
    }

    /// Take the tab's annotations (its document is one of the versions) when they changed.
    pub(crate) fn sync_annotations(&mut self, tab: &Annotations) {
        if self.tab_generation == Some(tab.generation) {
            return;
        }
        self.tab_generation = Some(tab.generation);
        let slot = match self.tab_version {
            Version::Old => 0,
            Version::New => 1,
        };
        self.notes[slot] = notes::anchored(tab);
        self.notes_generation += 1;
    }

    /// How many highlights of annotations the compare view shows, of each version.
    pub fn highlight_count(&self, version: Version) -> usize {
        let list = match version {
            Version::Old => &self.notes[0],
            Version::New => &self.notes[1],
        };
        self.layouts
            .highlights
            .iter()
            .flatten()
            .flatten()
            .filter(|h| list.iter().any(|a| a.id == h.id))
            .count()
    }

    pub fn language(&self) -> Language {
        self.comparison.new.language
    }

    pub fn direction(&self) -> Direction {
        self.language().direction()
    }

    /// Does change `i` count for navigation (a difference, substantive when filtered)?
    pub(crate) fn is_navigable(&self, i: usize) -> bool {
        self.comparison.changes.get(i).is_some_and(|c| {
            c.status != Status::Unchanged
                && (!self.substantive_only || c.class == Some(Class::Substantive))
        })
    }

    /// The changes navigation goes through, as indices into `comparison.changes`.
    pub fn navigable(&self) -> Vec<usize> {
        (0..self.comparison.changes.len())
            .filter(|&i| self.is_navigable(i))
            .collect()
    }

    /// How many changes navigation goes through (the N of "3 / N").
    pub fn count(&self) -> usize {
        self.navigable().len()
    }

    /// The count as shown: "3 / 17", or "- / 17" before the first move.
    pub(crate) fn count_text(&self) -> String {
        let n = self.count();
        match self.current {
            Some(k) if k < n => format!("{} / {n}", k + 1),
            _ => format!("- / {n}"),
        }
    }

    /// Go to the next (`forward`) or previous change and bring it into view.
    pub fn step(&mut self, forward: bool) {
        let n = self.count();
        if n == 0 {
            self.current = None;
            return;
        }
        let k = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(k), true) => (k + 1).min(n - 1),
            (Some(k), false) => k.saturating_sub(1),
        };
        self.current = Some(k);
        self.scroll_to = self.navigable().get(k).copied();
    }

    /// Show only substantive changes (or all of them again).
    pub(crate) fn toggle_substantive(&mut self) {
        let at = self.current.and_then(|k| self.navigable().get(k).copied());
        self.substantive_only = !self.substantive_only;
        // Keep the place: the change gone to, or the first one after it.
        self.current = at.and_then(|i| {
            let nav = self.navigable();
            nav.iter().position(|&j| j >= i)
        });
    }

    /// The summary bar's text in the documents' language ("4 substantive · 2 mechanical ·
    /// 1 moved · 1 inserted · 1 deleted").
    pub(crate) fn summary_text(&self) -> String {
        let s = &self.comparison.summary;
        let l = labels(self.language());
        let items = [
            (l.class(Class::Substantive), s.substantive),
            (l.class(Class::Mechanical), s.mechanical),
            (l.class(Class::Orthographic), s.orthographic),
            (l.status(Status::Moved), s.moved),
            (l.status(Status::Inserted), s.inserted),
            (l.status(Status::Deleted), s.deleted),
            (l.status(Status::Split), s.split),
            (l.status(Status::Merged), s.merged),
        ];
        let text: Vec<String> = items
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(w, n)| format!("{n} {w}"))
            .collect();
        if text.is_empty() {
            l.status(Status::Unchanged).to_string()
        } else {
            text.join(" · ")
        }
    }
}

/// A document's session: its metadata, else its symbol's (`A/RES/75/10` → 75).
fn session(doc: &Document) -> Option<u32> {
    doc.meta.session.or_else(|| {
        let sym = doc.meta.symbol.as_deref()?;
        let mut parts = sym.split('/').skip_while(|p| *p != "RES").skip(1);
        parts.next()?.trim().parse().ok()
    })
}

fn name_of(doc: &Document, path: Option<&Path>) -> String {
    doc.meta
        .symbol
        .clone()
        .or_else(|| {
            path.and_then(|p| p.file_name())
                .map(|f| f.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "—".into())
}

/// Compare the document shown (`current`, from `current_path`) with the file `other`, in the
/// background: the earlier session is the old side (the file is, when that is unknown). The
/// file's annotations come from the store in `data_dir` (the user's data directory when
/// `None`), loaded and anchored as the reader does.
pub fn prepare(
    current: &Document,
    current_path: Option<&Path>,
    other: &Path,
    others: Vec<(String, PathBuf)>,
    tab: Option<u64>,
    data_dir: Option<&PathBuf>,
) -> Result<Prepared, String> {
    let loaded =
        qarar_document::load_path(other).map_err(|e| crate::ui::load_message::load_error(&e))?;
    check_languages(&loaded, current)
        .map_err(|e| crate::ui::load_message::language_mismatch(&e))?;
    let other_notes = notes::anchored(&Annotations::open(&loaded, data_dir));
    let current_is_old =
        matches!((session(current), session(&loaded)), (Some(a), Some(b)) if a < b);
    let file = |p: Option<&Path>| p.map(|p| p.display().to_string());
    let (old, old_path, new, new_path) = if current_is_old {
        (current, current_path, &loaded, Some(other))
    } else {
        (&loaded, Some(other), current, current_path)
    };
    let comparison = compare_files(old, file(old_path), new, file(new_path));
    let outline = outline::marked(&comparison, old, new);
    Ok(Prepared {
        old_name: name_of(old, old_path),
        new_name: name_of(new, new_path),
        others,
        tab,
        old_doc: Arc::new(old.clone()),
        new_doc: Arc::new(new.clone()),
        tab_version: if current_is_old {
            Version::Old
        } else {
            Version::New
        },
        other_notes,
        outline,
        comparison,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(name: &str) -> Option<Document> {
        let p = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/corpus/akn")
            .join(name);
        qarar_document::load_path(&p).ok()
    }

    #[test]
    fn navigation_counts_and_the_filter_lower_the_count() {
        let (Some(a), Some(b)) = (load("75_10_A.xml"), load("77_20_A.xml")) else {
            return;
        };
        let cmp = compare_files(&a, None, &b, None);
        let mut v = CompareView::new(Prepared {
            outline: outline::marked(&cmp, &a, &b),
            comparison: cmp,
            old_name: "a".into(),
            new_name: "b".into(),
            others: Vec::new(),
            tab: None,
            old_doc: Arc::new(a),
            new_doc: Arc::new(b),
            tab_version: Version::New,
            other_notes: Vec::new(),
        });
        let all = v.count();
        assert!(all > 0);
        v.step(true);
        assert_eq!(v.count_text(), format!("1 / {all}"));
        v.step(false);
        assert_eq!(v.current, Some(0));
        v.toggle_substantive();
        assert!(v.count() < all, "{} < {all}", v.count());
        assert!(v.summary_text().contains(" · "));
    }

    #[test]
    fn the_session_comes_from_the_symbol() {
        let mut d = Document::default();
        d.meta.symbol = Some("A/RES/77/20".into());
        assert_eq!(session(&d), Some(77));
    }
}
