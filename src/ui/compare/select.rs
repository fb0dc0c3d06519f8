//! Selecting text in a unit of the compare view (dragging across its words, as in the
//! reader): the selection is painted under the glyphs, and a "Copy citation" button at its
//! end copies the citation of the version the selected words belong to.

use super::notes::Piece;
use super::pick::Units;
use super::{CompareView, Version};
use crate::compare::{Change, Ids};
use crate::text::layout::BlockLayout;
use eframe::egui::{self, Pos2, Rect, pos2, vec2};
use std::ops::Range;

/// Text selected in one laid-out block of the compare view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// The change (row) and its block (0: inline or old, 1: new).
    pub row: usize,
    pub slot: usize,
    /// Display byte offsets where the drag started and where it is.
    pub anchor: usize,
    pub focus: usize,
    pub dragging: bool,
}

impl Selection {
    pub fn range(&self) -> Range<usize> {
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
    pub fn track(
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
    pub fn paint_selection(
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

impl CompareView {
    /// The "Copy citation" button at the end of the selection made (not while dragging).
    pub(super) fn selection_button(&mut self, ctx: &egui::Context, tip: Option<Pos2>) {
        let (Some(sel), Some(tip)) = (self.selection, tip) else {
            return;
        };
        if sel.dragging || sel.anchor == sel.focus {
            return;
        }
        let Some(change) = self.comparison.changes.get(sel.row) else {
            return;
        };
        let pieces = self
            .layouts
            .pieces
            .get(sel.row)
            .map_or(&[][..], |p| &p[sel.slot][..]);
        let side = self.layout == super::Layout::SideBySide;
        let version = version_of(&sel, side, change, pieces);
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
                    if ui.button("Copy citation").clicked() {
                        if let Some(t) = crate::library::citation_text(doc, pid) {
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
