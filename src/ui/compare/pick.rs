//! What the user does on the compare view's units: a click makes a change the current one
//! (side by side, it marks the pair of the unit clicked in the other column), a right click
//! offers "Copy citation" of that version's paragraph, and a highlight tells its note on
//! hover (shaped by cosmic-text) and to AccessKit.

use super::notes::{Anchored, find};
use super::select::Selection;
use super::{CompareView, Version};
use crate::ui::text_painter::{LabelCache, LabelStyle, TextPainter};
use crate::ui::view::{Highlight, paragraph_label};
use eframe::egui::{self, Id, Pos2, Rect, Sense, Stroke, accesskit::Role, pos2};
use qarar_compare::{Change, Ids};
use qarar_document::{Direction, Document};
use qarar_text::layout::BlockLayout;
use std::sync::Arc;

impl Version {
    /// "old" or "new", in the interface's language.
    pub fn word(self) -> String {
        crate::ui::i18n::t(match self {
            Version::Old => "compare-old-version",
            Version::New => "compare-new-version",
        })
    }

    fn other(self) -> Version {
        match self {
            Version::Old => Version::New,
            Version::New => Version::Old,
        }
    }
}

/// The units' interactions of one frame, applied to the view at its end.
pub(super) struct Units {
    old_doc: Arc<Document>,
    new_doc: Arc<Document>,
    picked: Option<(usize, Version)>,
    direction: Direction,
    /// (row, its place in navigation, the version clicked in side by side).
    clicked: Option<(usize, Option<usize>, Option<Version>)>,
    /// The text selected, as this frame's drags leave it, and where its end is drawn.
    pub(super) selection: Option<Selection>,
    pub(super) tip: Option<Pos2>,
}

/// A unit's block on screen: its box, its layout and where that is placed.
pub(super) type Placed<'a> = (Rect, &'a BlockLayout, Pos2);

impl Units {
    pub(super) fn new(v: &CompareView) -> Units {
        Units {
            old_doc: v.old_doc.clone(),
            new_doc: v.new_doc.clone(),
            picked: v.picked,
            direction: v.direction(),
            clicked: None,
            selection: v.selection,
            tip: None,
        }
    }

    /// The row of change `i` (`k`-th in navigation when it counts): a click makes it the
    /// current change; inline, its context menu copies either version's citation.
    pub(super) fn row(
        &mut self,
        ui: &mut egui::Ui,
        i: usize,
        k: Option<usize>,
        (row, first): (Rect, Option<Placed<'_>>),
        change: &Change,
        inline: bool,
    ) {
        let sense = if inline {
            Sense::click_and_drag()
        } else {
            Sense::click()
        };
        let resp = ui.interact(row, Id::unique(("qarar-change", i)), sense);
        if inline && let Some((_, lay, pos)) = first {
            self.track(ui, &resp, (i, 0), lay, pos);
        }
        if let Some(k) = k {
            let label =
                crate::ui::i18n::ta("compare-change", &[("n", crate::ui::i18n::number(k + 1))]);
            resp.widget_info(move || egui::WidgetInfo::labeled(Role::Article, true, &label));
        }
        if inline {
            self.citation_menu(&resp, change, &[Version::New, Version::Old]);
        }
        if resp.clicked() {
            self.clicked = Some((i, k, None));
        }
    }

    /// Side by side, each version's unit: a click marks its pair in the other column; its
    /// context menu copies its citation.
    pub(super) fn sides(
        &mut self,
        ui: &mut egui::Ui,
        i: usize,
        k: Option<usize>,
        boxes: [Option<Placed<'_>>; 2],
        change: &Change,
    ) {
        for (s, (v, b)) in [Version::Old, Version::New]
            .into_iter()
            .zip(boxes)
            .enumerate()
        {
            let Some((rect, lay, pos)) = b else {
                continue;
            };
            let resp = ui.interact(
                rect,
                Id::unique(("qarar-change-side", i, v)),
                Sense::click_and_drag(),
            );
            self.track(ui, &resp, (i, s), lay, pos);
            let paired = self.picked == Some((i, v.other()));
            if paired {
                let colour = ui.visuals().selection.stroke.color;
                let r = rect.expand(4.0);
                ui.painter().rect_stroke(
                    r,
                    3.0,
                    Stroke::new(2.0, colour),
                    egui::StrokeKind::Outside,
                );
            }
            if let Some(k) = k {
                let label = crate::ui::i18n::ta(
                    "compare-change-version",
                    &[
                        ("n", crate::ui::i18n::number(k + 1)),
                        ("version", crate::ui::i18n::arg(v.word())),
                    ],
                );
                resp.widget_info(move || egui::WidgetInfo::labeled(Role::Article, true, &label));
                ui.ctx()
                    .accesskit_node_builder(resp.id, |n| n.set_selected(paired));
            }
            self.citation_menu(&resp, change, &[v]);
            if resp.clicked() {
                self.clicked = Some((i, k, Some(v)));
            }
        }
    }

    /// "Copy citation" of the paragraph each of `versions` has in this change.
    fn citation_menu(&self, resp: &egui::Response, change: &Change, versions: &[Version]) {
        let present: Vec<(Version, &str)> = versions
            .iter()
            .filter_map(|&v| {
                let ids = match v {
                    Version::Old => change.old.as_ref(),
                    Version::New => change.new.as_ref(),
                }?;
                let first = match ids {
                    Ids::One(id) => id.as_str(),
                    Ids::Many(list) => list.first()?.as_str(),
                };
                Some((v, first))
            })
            .collect();
        if present.is_empty() {
            return;
        }
        resp.context_menu(|ui| {
            for (n, (v, pid)) in present.iter().enumerate() {
                let text = if n == 0 {
                    crate::ui::i18n::t("cmd-copy-citation")
                } else {
                    crate::ui::i18n::ta(
                        "compare-copy-citation-of",
                        &[("version", crate::ui::i18n::arg(v.word()))],
                    )
                };
                if crate::ui::i18n::button(ui, &text).clicked() {
                    let doc = match v {
                        Version::Old => &self.old_doc,
                        Version::New => &self.new_doc,
                    };
                    if let Some(t) = qarar_library::citation_text(doc, pid) {
                        ui.ctx().copy_text(t);
                    }
                    ui.close();
                }
            }
        });
    }

    /// Each highlight of a block: an AccessKit mark ("Note (new): Paragraph 3", its note as
    /// value), a dot where a note is, and the note on hover.
    pub(super) fn notes(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        labels: &mut LabelCache,
        placed: &[(&Highlight, Vec<Rect>)],
        notes: &[Vec<Anchored>; 2],
    ) {
        // One mark per annotation, over all its pieces (a passage may be cut by deletions).
        for (n, (h, _)) in placed.iter().enumerate() {
            if placed[..n].iter().any(|(g, _)| g.id == h.id) {
                continue;
            }
            let rects: Vec<Rect> = placed
                .iter()
                .filter(|(g, _)| g.id == h.id)
                .flat_map(|(_, r)| r.iter().copied())
                .collect();
            let (Some(first), Some((v, a))) = (rects.first(), find(notes, &h.id)) else {
                continue;
            };
            let area = rects.iter().fold(*first, |r, x| r.union(*x));
            let id = Id::unique(("qarar-compare-note", &h.id, h.block, n));
            let resp = ui.interact(area, id, Sense::hover());
            let what = crate::ui::i18n::t(if h.has_note {
                "compare-note"
            } else {
                "compare-highlight"
            });
            let label = crate::ui::i18n::ta(
                "compare-mark",
                &[
                    ("what", crate::ui::i18n::arg(what)),
                    ("version", crate::ui::i18n::arg(v.word())),
                    (
                        "paragraph",
                        crate::ui::i18n::arg(paragraph_label(&a.paragraph)),
                    ),
                ],
            );
            let value = a.note.clone();
            ui.ctx().accesskit_node_builder(resp.id, |node| {
                node.set_role(Role::Mark);
                node.set_label(label);
                if !value.is_empty() {
                    node.set_value(value);
                }
            });
            if !h.has_note {
                continue;
            }
            // A dot at the start of the passage says a note is there.
            let x = match self.direction {
                Direction::Rtl => first.right(),
                Direction::Ltr => first.left(),
            };
            let dot = pos2(x, first.top() + 4.0);
            let ring = Stroke::new(1.5, ui.visuals().strong_text_color());
            ui.painter().circle(dot, 5.0, h.color, ring);
            let direction =
                qarar_annotations::model::guess_language(&a.note).map_or(self.direction, |l| {
                    if l == "ar" {
                        Direction::Rtl
                    } else {
                        Direction::Ltr
                    }
                });
            resp.on_hover_ui(|ui| {
                let style = LabelStyle::new(15.0, ui.visuals().text_color(), direction, 320.0);
                painter.show_label(ui, labels, &a.note, style);
            });
        }
    }

    /// Apply the click of this frame.
    pub(super) fn finish(self, view: &mut CompareView) {
        if let Some((i, k, v)) = self.clicked {
            if k.is_some() {
                view.current = k;
            }
            view.picked = v.map(|v| (i, v));
        }
        view.selection = self.selection;
    }
}
