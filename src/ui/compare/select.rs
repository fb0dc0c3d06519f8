//! Selecting text in a unit of the compare view (dragging across its words, as in the
//! reader): the selection is painted under the glyphs, and a "Copy citation" button at its
//! end copies the citation of the version the selected words belong to; Ctrl+C (Edit →
//! Copy) copies the selected words of that version.

use super::notes::Piece;
use super::pick::Units;
use super::{CompareView, Version};
use eframe::egui::{self, Pos2, Rect, pos2, vec2};
use qarar_compare::{Change, Ids};
use qarar_text::layout::BlockLayout;
use std::ops::Range;

/// Text selected in one laid-out block of the compare view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Selection {
    /// The change (row) and its block (0: inline or old, 1: new).
    pub row: usize,
    pub slot: usize,
    /// Display byte offsets where the drag started and where it is.
    pub anchor: usize,
    pub focus: usize,
    pub(crate) dragging: bool,
}

impl Selection {
    pub(crate) fn range(&self) -> Range<usize> {
        self.anchor.min(self.focus)..self.anchor.max(self.focus)
    }
}

/// The display offset under a point of a block placed at `pos`.
fn offset_at(lay: &BlockLayout, pos: Pos2, p: Pos2) -> usize {
    let y = (p.y - pos.y).clamp(0.0, (lay.height - 1.0).max(0.0));
    lay.buffer
        .hit(p.x - pos.x - lay.x_offset, y)
        .map_or(0, |c| c.index)
}

impl Units {
    /// Follow a drag on block `slot` of row `i` (laid out as `lay` at `pos`).
    pub(crate) fn track(
        &mut self,
        ui: &egui::Ui,
        resp: &egui::Response,
        (i, slot): (usize, usize),
        lay: &BlockLayout,
        pos: Pos2,
    ) {
        if resp.drag_started()
            && let Some(p) = ui.input(|i| i.pointer.press_origin())
        {
            let at = offset_at(lay, pos, p);
            self.selection = Some(Selection {
                row: i,
                slot,
                anchor: at,
                focus: at,
                dragging: true,
            });
        }
        let Some(sel) = self.selection.as_mut() else {
            return;
        };
        if (sel.row, sel.slot) != (i, slot) {
            return;
        }
        if resp.dragged()
            && let Some(p) = resp.interact_pointer_pos()
        {
            sel.focus = offset_at(lay, pos, p);
        }
        if resp.drag_stopped() {
            sel.dragging = false;
        }
        if resp.clicked() {
            self.selection = None;
        }
    }

    /// Paint the selection of block `slot` of row `i` (under its glyphs) and remember where
    /// it ends for the button.
    pub(crate) fn paint_selection(
        &mut self,
        ui: &egui::Ui,
        (i, slot): (usize, usize),
        lay: &BlockLayout,
        pos: Pos2,
    ) {
        let Some(sel) = self.selection.filter(|s| (s.row, s.slot) == (i, slot)) else {
            return;
        };
        let colour = ui.visuals().selection.bg_fill.gamma_multiply(0.55);
        let rects = lay.highlight_rects(sel.range());
        for [x, y, w, h] in &rects {
            let r = Rect::from_min_size(pos2(pos.x + x, pos.y + y), vec2(*w, *h));
            ui.painter().rect_filled(r, 0.0, colour);
        }
        if let Some([x, y, w, h]) = rects.last() {
            self.tip = Some(pos2(pos.x + x + w / 2.0, pos.y + y + h));
        }
    }
}

/// The version a selection in a block belongs to: side by side its column's; inline the
/// version of the words where it starts (a deleted word is the old one's).
fn version_of(sel: &Selection, side: bool, change: &Change, pieces: &[Piece]) -> Version {
    if side {
        return if sel.slot == 0 {
            Version::Old
        } else {
            Version::New
        };
    }
    let at = sel.range().start;
    match pieces.iter().find(|p| p.dst.start <= at && at < p.dst.end) {
        Some(p) if p.new.is_none() => Version::Old,
        Some(_) => Version::New,
        None if change.new.is_some() => Version::New,
        None => Version::Old,
    }
}

/// The words of `version` in `range` of a compare block's display text: inline, the words
/// of the other version only (deleted or inserted ones) are left out; display helpers are
/// removed and the spaces left where words were taken out are made one.
fn version_text(text: &str, range: Range<usize>, pieces: &[Piece], version: Version) -> String {
    let other = |p: &Piece| match version {
        Version::Old => p.old.is_none(),
        Version::New => p.new.is_none(),
    };
    let mut out = String::new();
    let mut at = range.start;
    let mut cuts: Vec<&Piece> = pieces
        .iter()
        .filter(|p| other(p) && p.dst.start < range.end && p.dst.end > range.start)
        .collect();
    cuts.sort_by_key(|p| p.dst.start);
    for p in cuts {
        if let Some(t) = text.get(at..p.dst.start.max(at)) {
            out.push_str(t);
        }
        at = at.max(p.dst.end);
    }
    if let Some(t) = text.get(at..range.end.max(at)) {
        out.push_str(t);
    }
    let clean = qarar_text::display::strip_helpers(&out);
    let mut joined = String::with_capacity(clean.len());
    for word in clean.split(' ').filter(|w| !w.is_empty()) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    joined
}

impl CompareView {
    /// The selection when it holds something: with its change, the pieces of its block and
    /// the version its words belong to.
    fn selected(&self) -> Option<(Selection, &Change, &[Piece], Version)> {
        let sel = self.selection.filter(|s| s.anchor != s.focus)?;
        let change = self.comparison.changes.get(sel.row)?;
        let pieces = self
            .layouts
            .pieces
            .get(sel.row)
            .map_or(&[][..], |p| &p[sel.slot][..]);
        let side = self.layout == super::Layout::SideBySide;
        Some((sel, change, pieces, version_of(&sel, side, change, pieces)))
    }

    /// The selected words, of the version they belong to, in logical order (what Ctrl+C
    /// copies); `None` without a selection.
    pub fn selected_text(&self) -> Option<String> {
        let (sel, _, pieces, version) = self.selected()?;
        let (a, b) = self.layouts.rows.get(sel.row)?;
        let lay = if sel.slot == 0 { a } else { b };
        let text = lay.as_ref()?.buffer.lines.first()?.text();
        let range = sel.range();
        let start = (0..=range.start)
            .rev()
            .find(|&i| text.is_char_boundary(i))?;
        let end = (range.end.min(text.len())..=text.len()).find(|&i| text.is_char_boundary(i))?;
        let words = version_text(text, start..end, pieces, version);
        (!words.is_empty()).then_some(words)
    }

    /// The "Copy citation" button at the end of the selection made (not while dragging).
    pub(super) fn selection_button(&mut self, ctx: &egui::Context, tip: Option<Pos2>) {
        let (Some(sel), Some(tip)) = (self.selection, tip) else {
            return;
        };
        if sel.dragging {
            return;
        }
        let Some((_, change, _, version)) = self.selected() else {
            return;
        };
        let (ids, doc) = match version {
            Version::Old => (&change.old, &self.old_doc),
            Version::New => (&change.new, &self.new_doc),
        };
        let pid = match ids {
            Some(Ids::One(id)) => Some(id.as_str()),
            Some(Ids::Many(list)) => list.first().map(String::as_str),
            None => None,
        };
        let Some(pid) = pid else {
            return;
        };
        let mut done = false;
        egui::Area::new(egui::Id::unique("qarar-compare-selection"))
            .order(egui::Order::Foreground)
            .fixed_pos(tip + vec2(-50.0, 6.0))
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    if crate::ui::i18n::button(ui, &crate::ui::i18n::t("cmd-copy-citation"))
                        .clicked()
                    {
                        if let Some(t) = qarar_library::citation_text(doc, pid) {
                            ui.ctx().copy_text(t);
                        }
                        done = true;
                    }
                });
            });
        if done {
            self.selection = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Piece, Version, version_text};

    #[test]
    fn a_copy_holds_the_words_of_one_version_without_helpers() {
        // "Urges Encourages States": "Urges " deleted, "Encourages " inserted.
        let text = "\u{200F}Urges Encourages\u{2060} \u{2068}States\u{2069}";
        let urges = text.find("Urges").unwrap_or(0);
        let enc = text.find("Encourages").unwrap_or(0);
        let states = text.find(" \u{2068}States").unwrap_or(0);
        let pieces = vec![
            Piece {
                old: Some(0),
                new: None,
                edit: 0,
                dst: urges..enc,
            },
            Piece {
                old: None,
                new: Some(0),
                edit: 1,
                dst: enc..states,
            },
            Piece {
                old: Some(6),
                new: Some(11),
                edit: 2,
                dst: states..text.len(),
            },
        ];
        let all = 0..text.len();
        assert_eq!(
            version_text(text, all.clone(), &pieces, Version::New),
            "Encourages States"
        );
        assert_eq!(
            version_text(text, all, &pieces, Version::Old),
            "Urges States"
        );
    }
}
