//! The new document's outline while comparing: every entry the comparison touches carries
//! a mark (changed, inserted, moved, split, merged), and each deleted unit (only in the old
//! document) gets an entry of its own after the entry of the unit it followed, marked
//! deleted.

use crate::ui::outline::{EntryMark, Outline, OutlineEntry, entries};
use crate::ui::text_painter::TextPainter;
use crate::ui::view::paragraph_label;
use eframe::egui;
use qarar_compare::{Comparison, Ids, Status};
use qarar_document::Document;
use qarar_text::display;
use qarar_util::first_words;
use std::collections::HashMap;

fn first_id(ids: &Option<Ids>) -> Option<&str> {
    match ids.as_ref()? {
        Ids::One(id) => Some(id),
        Ids::Many(list) => list.first().map(String::as_str),
    }
}

fn all_ids(ids: &Option<Ids>) -> Vec<&str> {
    match ids {
        Some(Ids::One(id)) => vec![id],
        Some(Ids::Many(list)) => list.iter().map(String::as_str).collect(),
        None => Vec::new(),
    }
}

/// What the comparison did to a unit, in the interface language ("changed", "inserted" …).
pub(crate) fn status_word(s: Status) -> String {
    crate::ui::i18n::t(&format!("compare-status-{}", s.as_str()))
}

/// The outline of `new` with the marks of `cmp` (from `old` to `new`).
pub(super) fn marked(cmp: &Comparison, old: &Document, new: &Document) -> Outline {
    let list = entries(new, &display::blocks(new));
    let old_list = entries(old, &display::blocks(old));
    let old_entry: HashMap<&str, &OutlineEntry> =
        old_list.iter().map(|e| (e.id.as_str(), e)).collect();
    let index: HashMap<&str, usize> = list
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    // The change of each new unit, and the deleted units after each entry (None: first).
    let mut mark_of: HashMap<usize, usize> = HashMap::new();
    let mut deleted: Vec<(Option<usize>, usize)> = Vec::new();
    let mut last: Option<usize> = None;
    for (k, c) in cmp.changes.iter().enumerate() {
        if c.status == Status::Deleted {
            deleted.push((last, k));
            continue;
        }
        for id in all_ids(&c.new) {
            if let Some(&i) = index.get(id) {
                mark_of.insert(i, k);
                last = Some(last.map_or(i, |l: usize| l.max(i)));
            }
        }
    }
    let mark = |k: usize, id: &str| {
        let c = cmp.changes.get(k)?;
        (c.status != Status::Unchanged).then(|| EntryMark {
            status: c.status,
            class: c.class,
            change: k,
            label: crate::ui::i18n::ta(
                "compare-unit-status",
                &[
                    ("name", crate::ui::i18n::arg(paragraph_label(id))),
                    ("status", crate::ui::i18n::arg(status_word(c.status))),
                ],
            ),
        })
    };
    let deleted_entry = |k: usize, after: Option<&OutlineEntry>| {
        let c = cmp.changes.get(k)?;
        let id = first_id(&c.old)?;
        let text = old_entry
            .get(id)
            .map(|e| e.text.clone())
            .unwrap_or_else(|| {
                let t: String = c.edits.iter().map(|e| e.text.as_str()).collect();
                first_words(&t, 4)
            });
        let entry = OutlineEntry {
            id: format!("deleted:{id}"),
            block: after.map_or(0, |e| e.block),
            depth: after.map_or(0, |e| e.depth),
            text,
            label: crate::ui::i18n::ta(
                "outline-deleted",
                &[("name", crate::ui::i18n::arg(paragraph_label(id)))],
            ),
            parent: after.and_then(|e| e.parent),
            has_children: false,
            section: false,
        };
        Some((entry, mark(k, id)?))
    };
    let mut out: Vec<OutlineEntry> = Vec::with_capacity(list.len() + deleted.len());
    let mut marks: Vec<Option<EntryMark>> = Vec::with_capacity(out.capacity());
    let mut moved_to: Vec<usize> = Vec::with_capacity(list.len());
    let mut pending = deleted.iter().peekable();
    // Deleted units before any kept one come first.
    while let Some(&&(None, k)) = pending.peek() {
        if let Some((e, m)) = deleted_entry(k, None) {
            out.push(e);
            marks.push(Some(m));
        }
        pending.next();
    }
    for (i, e) in list.iter().enumerate() {
        moved_to.push(out.len());
        let mut e = e.clone();
        e.parent = e.parent.and_then(|p| moved_to.get(p).copied());
        let m = mark_of.get(&i).and_then(|&k| mark(k, &e.id));
        let after = e.clone();
        out.push(e);
        marks.push(m);
        while let Some(&&(Some(at), k)) = pending.peek() {
            if at != i {
                break;
            }
            if let Some((d, m)) = deleted_entry(k, Some(&after)) {
                out.push(d);
                marks.push(Some(m));
            }
            pending.next();
        }
    }
    for &(_, k) in pending {
        if let Some((d, m)) = deleted_entry(k, None) {
            out.push(d);
            marks.push(Some(m));
        }
    }
    let mut outline = Outline::new(out);
    outline.marks = marks;
    outline
}

impl super::CompareView {
    /// The marked outline in the side pane; pressing an entry goes to its unit's change.
    pub(crate) fn outline_pane(&mut self, ui: &mut egui::Ui, painter: &mut TextPainter) {
        let nav = self.navigable();
        let current = self.current.and_then(|k| nav.get(k).copied());
        // The entry of the change gone to is the outline's current one.
        if let Some(c) = current {
            let at = self
                .outline
                .marks
                .iter()
                .position(|m| m.as_ref().is_some_and(|m| m.change == c));
            if at.is_some() && at != self.outline.cursor {
                self.outline.cursor = at;
                self.outline.cursor_moved = true;
            }
            self.outline.focused = at.is_some();
        }
        let direction = self.direction();
        self.outline.ui(ui, painter, direction, None);
        let Some(i) = self.outline.pressed.take() else {
            return;
        };
        let change = match self.outline.marks.get(i).and_then(Option::as_ref) {
            Some(m) => Some(m.change),
            None => self.outline.entries.get(i).and_then(|e| {
                self.comparison
                    .changes
                    .iter()
                    .position(|c| all_ids(&c.new).contains(&e.id.as_str()))
            }),
        };
        if let Some(c) = change {
            self.scroll_to = Some(c);
            if let Some(k) = nav.iter().position(|&j| j == c) {
                self.current = Some(k);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qarar_compare::compare_files;
    use std::path::Path;

    #[test]
    fn the_seed_against_77_20_marks_its_changes_and_keeps_parents() {
        let load = |n: &str| {
            qarar_document::load_path(
                &Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../shared/corpus/akn")
                    .join(n),
            )
            .ok()
        };
        let (Some(a), Some(b)) = (load("75_10_A.xml"), load("77_20_A.xml")) else {
            return;
        };
        let cmp = compare_files(&a, None, &b, None);
        let o = marked(&cmp, &a, &b);
        assert_eq!(o.entries.len(), o.marks.len());
        let kinds: Vec<Status> = o.marks.iter().flatten().map(|m| m.status).collect();
        assert!(kinds.contains(&Status::Changed), "{kinds:?}");
        for (i, e) in o.entries.iter().enumerate() {
            if let Some(p) = e.parent {
                assert!(p < i && o.entries[p].has_children, "{e:?}");
            }
        }
    }
}
