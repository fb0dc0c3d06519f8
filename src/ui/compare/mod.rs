//! The compare view (issue 17): two versions of a resolution, compared by `crate::compare`,
//! shown over the tab that asked for it — inline (one text, insertions and deletions marked
//! on the glyphs) or side by side (old and new columns, pair by pair) — with a summary bar,
//! a "substantive only" filter and change navigation (Alt+↓ / Alt+↑, "3 / 17").
//!
//! The comparison is worked out in a background job ([`prepare`]); [`CompareView`] keeps
//! what is shown and where the user is. Closing it returns to the reader.

mod bar;
mod list;
mod paint;

use crate::compare::{Class, Comparison, Status, check_languages, compare_files};
use crate::document::{self, Direction, Document, Language};
use crate::export::compare::labels;
use std::path::{Path, PathBuf};

pub use paint::Layouts;

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
    pub old_name: String,
    pub new_name: String,
    /// Other earlier versions the user may compare with instead (name, file).
    pub others: Vec<(String, PathBuf)>,
    /// The tab that asked.
    pub tab: Option<u64>,
}

/// The compare view's state.
pub struct CompareView {
    pub comparison: Comparison,
    pub old_name: String,
    pub new_name: String,
    pub others: Vec<(String, PathBuf)>,
    pub tab: Option<u64>,
    pub layout: Layout,
    pub substantive_only: bool,
    /// Position in [`CompareView::navigable`] of the change last gone to.
    pub current: Option<usize>,
    /// A change (index in `comparison.changes`) to bring into view next frame.
    pub(crate) scroll_to: Option<usize>,
    pub(crate) layouts: Layouts,
    pub(crate) labels: super::text_painter::LabelCache,
}

impl CompareView {
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
        }
    }

    pub fn language(&self) -> Language {
        self.comparison.new.language
    }

    pub fn direction(&self) -> Direction {
        self.language().direction()
    }

    /// Does change `i` count for navigation (a difference, substantive when filtered)?
    pub fn is_navigable(&self, i: usize) -> bool {
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
    pub fn count_text(&self) -> String {
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
    pub fn toggle_substantive(&mut self) {
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
    pub fn summary_text(&self) -> String {
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
/// background: the earlier session is the old side (the file is, when that is unknown).
pub fn prepare(
    current: &Document,
    current_path: Option<&Path>,
    other: &Path,
    others: Vec<(String, PathBuf)>,
    tab: Option<u64>,
) -> Result<Prepared, String> {
    let loaded = document::load_path(other).map_err(|e| e.to_string())?;
    check_languages(&loaded, current)?;
    let current_is_old =
        matches!((session(current), session(&loaded)), (Some(a), Some(b)) if a < b);
    let file = |p: Option<&Path>| p.map(|p| p.display().to_string());
    let (old, old_path, new, new_path) = if current_is_old {
        (current, current_path, &loaded, Some(other))
    } else {
        (&loaded, Some(other), current, current_path)
    };
    let comparison = compare_files(old, file(old_path), new, file(new_path));
    Ok(Prepared {
        comparison,
        old_name: name_of(old, old_path),
        new_name: name_of(new, new_path),
        others,
        tab,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(name: &str) -> Option<Document> {
        let p = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/corpus/akn")
            .join(name);
        document::load_path(&p).ok()
    }

    #[test]
    fn navigation_counts_and_the_filter_lower_the_count() {
        let (Some(a), Some(b)) = (load("75_10_A.xml"), load("77_20_A.xml")) else {
            return;
        };
        let cmp = compare_files(&a, None, &b, None);
        let mut v = CompareView::new(Prepared {
            comparison: cmp,
            old_name: "a".into(),
            new_name: "b".into(),
            others: Vec::new(),
            tab: None,
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
