//! The clause outline pane: the document's outline ([`qarar_document::outline`]: enacting
//! formula, preambular paragraphs named by their opener, operative paragraphs with number and
//! verb, parts, annexes) with its view state: the block each entry goes to, sub-paragraphs
//! collapsible, the keyboard's entry, compare marks.

use super::text_painter::{LabelCache, LabelStyle, TextPainter, paint_label};
use super::view::paragraph_label;
use eframe::egui::accesskit::{Action, NodeId, Role};
use eframe::egui::{self, Color32, CursorIcon, Id, Rect, Sense, pos2, vec2};
use qarar_compare::{Class, Status};
use qarar_document::outline::{self, Kind, Section};
use qarar_document::{Direction, Document};
use qarar_text::display::Block;
use std::collections::HashSet;

/// One line of the outline.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// Paragraph id (`para_13_b`), or a section key (`section_preamble`).
    pub id: String,
    /// Display block to go to.
    pub block: usize,
    pub depth: usize,
    /// What the line shows (Arabic or the document's language).
    pub text: String,
    /// AccessKit label: "Outline: Paragraph 13".
    pub label: String,
    /// Index of the parent entry.
    pub parent: Option<usize>,
    pub has_children: bool,
    pub section: bool,
}

/// Outline entries of a document, in reading order: the entries of the document's outline
/// ([`qarar_document::outline`]) that a brief outline lists, each going to its block (a
/// section's heading to the block of its first heading line). An entry without a block is
/// left out with what stands under it.
pub fn entries(doc: &Document, blocks: &[Block]) -> Vec<OutlineEntry> {
    // Each paragraph's first block, looked up once (a search per entry made 100,000
    // annexes quadratic).
    let mut first: std::collections::HashMap<&str, usize> =
        std::collections::HashMap::with_capacity(blocks.len());
    for (i, b) in blocks.iter().enumerate() {
        if let Some(id) = b.paragraph_id() {
            first.entry(id).or_insert(i);
        }
    }
    let block_of = |id: &str| first.get(id).copied();
    let model = outline::outline(doc);
    // Where each entry of the model went (None: left out).
    let mut kept: Vec<Option<usize>> = Vec::with_capacity(model.len());
    let mut out = Vec::new();
    for e in &model {
        let parent = e.parent.map(|p| kept.get(p).copied().flatten());
        let block = e
            .target
            .as_deref()
            .filter(|_| e.in_brief && parent.is_none_or(|p| p.is_some()))
            .and_then(block_of)
            .map(|b| b.saturating_sub(e.lines_before));
        let Some(block) = block else {
            kept.push(None);
            continue;
        };
        kept.push(Some(out.len()));
        let section = matches!(e.kind, Kind::Section(_));
        out.push(OutlineEntry {
            id: if section {
                format!("section_{}", e.id)
            } else {
                e.id.clone()
            },
            block,
            depth: e.depth,
            text: fit(&e.brief),
            label: access_label(e),
            parent: parent.flatten(),
            has_children: e.has_children,
            section,
        });
    }
    out
}

/// An entry's AccessKit name: "Outline: Paragraph 13", "Outline: Part A", "Outline: Annex 1".
fn access_label(e: &outline::Entry) -> String {
    use crate::ui::i18n::{arg, t, ta};
    let name = match e.kind {
        Kind::Formula => t("outline-formula"),
        Kind::Section(Section::Preamble) => t("outline-preamble"),
        Kind::Section(Section::Operative) => t("outline-operative"),
        Kind::Section(Section::Part) => ta(
            "outline-part",
            &[("n", arg(e.id.trim_start_matches("part_")))],
        ),
        Kind::Section(Section::Annex) => ta(
            "outline-annex",
            &[("n", arg(e.id.trim_start_matches("annex_")))],
        ),
        Kind::Paragraph(_) => paragraph_label(&e.id),
    };
    ta("outline-entry", &[("name", arg(name))])
}

/// The name inside an entry's AccessKit label ("Paragraph 13" of "Outline: Paragraph 13").
fn entry_name(label: &str) -> String {
    let frame = crate::ui::i18n::ta("outline-entry", &[("name", crate::ui::i18n::arg("\u{0}"))]);
    let (prefix, suffix) = frame.split_once('\u{0}').unwrap_or(("", ""));
    label
        .strip_prefix(prefix)
        .and_then(|l| l.strip_suffix(suffix))
        .unwrap_or(label)
        .to_string()
}

/// Longest entry in a script written without spaces (Chinese): about two lines of the pane.
const MAX_CJK: usize = 22;

/// An entry's text as a line of the outline: Chinese cut to about two lines like the others
/// (its "first words" are a whole sentence), and the ellipsis kept with the word before it.
pub fn fit(text: &str) -> String {
    let cjk = |c: char| matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x9FFF | 0xFF00..=0xFFEF);
    let mut s = if text.chars().filter(|c| cjk(*c)).count() > MAX_CJK {
        let cut: String = text
            .trim_end_matches([' ', '…'])
            .chars()
            .take(MAX_CJK - 1)
            .collect();
        format!("{}…", cut.trim_end())
    } else {
        text.to_string()
    };
    // A no-break space: "…" never wraps onto a line of its own.
    if let Some(stripped) = s.strip_suffix(" …") {
        s = format!("{stripped}\u{a0}…");
    }
    s
}

/// While comparing, what the comparison did to an entry's unit.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryMark {
    pub status: Status,
    pub class: Option<Class>,
    /// The change (index in `Comparison::changes`).
    pub change: usize,
    /// Its AccessKit label: "Paragraph 3, changed".
    pub label: String,
}

/// Width of the coloured bar of a marked entry.
const MARK_W: f32 = 4.0;

/// The outline pane's state.
#[derive(Default)]
pub struct Outline {
    pub entries: Vec<OutlineEntry>,
    /// While comparing, each entry's mark (empty otherwise).
    pub marks: Vec<Option<EntryMark>>,
    /// The entry pressed in the last frame.
    pub pressed: Option<usize>,
    pub collapsed: HashSet<String>,
    /// Entry the keyboard is on.
    pub cursor: Option<usize>,
    /// Keyboard focus is in the outline (arrow keys move in it).
    pub focused: bool,
    /// The keyboard moved the cursor this frame (scroll the entry into view).
    pub cursor_moved: bool,
    labels: LabelCache,
}

impl Outline {
    /// The keyboard left the outline (a click in the document).
    pub fn unfocus(&mut self) {
        self.focused = false;
    }

    pub fn new(entries: Vec<OutlineEntry>) -> Outline {
        Outline {
            entries,
            ..Outline::default()
        }
    }

    /// Whether an entry is shown (no collapsed ancestor).
    pub fn is_visible(&self, i: usize) -> bool {
        visible(&self.entries, &self.collapsed, i)
    }

    /// The entry to highlight for the block at the top of the view.
    pub fn current_for_block(&self, top_block: Option<usize>) -> Option<usize> {
        let top = top_block?;
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.section && e.block <= top)
            .map(|(i, _)| i)
            .next_back()
    }

    /// Next or previous visible entry from `from`.
    pub fn step(&self, from: Option<usize>, forward: bool) -> Option<usize> {
        let n = self.entries.len();
        if n == 0 {
            return None;
        }
        let mut i = from.unwrap_or(if forward { usize::MAX } else { n });
        loop {
            i = if forward {
                i.wrapping_add(1)
            } else {
                i.checked_sub(1)?
            };
            if i >= n {
                return None;
            }
            if self.is_visible(i) {
                return Some(i);
            }
        }
    }

    /// Show the pane; returns the block to navigate to when an entry was pressed.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        direction: Direction,
        top_block: Option<usize>,
    ) -> Option<usize> {
        let mut go = None;
        let current = self
            .cursor
            .filter(|_| self.focused)
            .or(self.current_for_block(top_block));
        let text_color = ui.visuals().text_color();
        let strong = ui.visuals().strong_text_color();
        let hl = ui.visuals().selection.bg_fill.gamma_multiply(0.45);
        let rtl = direction == Direction::Rtl;
        let requests = access_requests(ui);
        let dark = ui.visuals().dark_mode;
        // Room for the marks on the trailing side while comparing.
        let mark_room = if self.marks.is_empty() { 0.0 } else { 10.0 };
        // Borrowed, not cloned, while the rest of `self` is updated.
        let entries = std::mem::take(&mut self.entries);
        let marks = std::mem::take(&mut self.marks);
        egui::ScrollArea::vertical()
            .id_salt("outline")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = ui.available_width();
                let ctx = ui.ctx().clone();
                let mut names = Vec::new();
                for (i, e) in entries.iter().enumerate() {
                    if !visible(&entries, &self.collapsed, i) {
                        continue;
                    }
                    let indent = 14.0 * e.depth as f32 + 18.0;
                    let style = LabelStyle {
                        size: 15.0,
                        bold: e.section,
                        color: if e.section { strong } else { text_color },
                        direction,
                        width: (width - indent - 6.0 - mark_room).max(40.0),
                        line_height: 1.45,
                    };
                    let label = painter.label(ui.ctx(), &mut self.labels, &e.text, style);
                    let (rect, resp) =
                        ui.allocate_exact_size(vec2(width, label.size.y + 2.0), Sense::click());
                    let text_left = if rtl {
                        rect.left() + 4.0 + mark_room
                    } else {
                        rect.left() + indent
                    };
                    // Only what is in view is painted (75/239 has hundreds of entries).
                    if ui.is_rect_visible(rect) {
                        if Some(i) == current {
                            ui.painter().rect_filled(rect, 3.0, hl);
                        } else if resp.hovered() {
                            ui.painter().rect_filled(
                                rect,
                                3.0,
                                ui.visuals().widgets.hovered.weak_bg_fill,
                            );
                        }
                        paint_label(ui.painter(), &label, pos2(text_left, rect.top() + 1.0));
                    }
                    let mark = marks.get(i).and_then(Option::as_ref);
                    if let Some(m) = mark {
                        entry_mark(ui, rect, rtl, m, dark);
                    }
                    let collapsed = self.collapsed.contains(&e.id);
                    let (name, mark_node) = tree_item(
                        &ctx,
                        &resp,
                        e,
                        Some(i) == current,
                        e.has_children.then_some(!collapsed),
                        mark,
                    );
                    names.extend(mark_node);
                    let asked = requests.iter().filter(|(_, id)| *id == name.accesskit_id());
                    let mut clicked_by_name = false;
                    for (action, _) in asked {
                        match action {
                            Action::ScrollIntoView => ui.scroll_to_rect(rect, None),
                            Action::Click => clicked_by_name = true,
                            _ => {}
                        }
                    }
                    names.push(name.accesskit_id());
                    let resp = resp.on_hover_cursor(CursorIcon::PointingHand);
                    // Collapse toggle on the leading side.
                    let mut toggled = false;
                    if e.has_children {
                        let cx = if rtl {
                            rect.right() - indent + 9.0
                        } else {
                            rect.left() + indent - 9.0
                        };
                        let trect =
                            Rect::from_center_size(pos2(cx, rect.center().y), vec2(16.0, 16.0));
                        let tresp =
                            ui.interact(trect, Id::unique(("outline-toggle", i)), Sense::click());
                        tresp.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::accesskit::Role::Button,
                                true,
                                crate::ui::i18n::ta(
                                    if collapsed {
                                        "outline-expand"
                                    } else {
                                        "outline-collapse"
                                    },
                                    &[("name", crate::ui::i18n::arg(entry_name(&e.label)))],
                                ),
                            )
                        });
                        let c = if tresp.hovered() {
                            strong
                        } else {
                            Color32::GRAY
                        };
                        let ctr = trect.center();
                        let pts = if !collapsed {
                            vec![
                                ctr + vec2(-4.5, -2.5),
                                ctr + vec2(4.5, -2.5),
                                ctr + vec2(0.0, 3.5),
                            ]
                        } else if rtl {
                            vec![
                                ctr + vec2(3.0, -4.5),
                                ctr + vec2(3.0, 4.5),
                                ctr + vec2(-3.5, 0.0),
                            ]
                        } else {
                            vec![
                                ctr + vec2(-3.0, -4.5),
                                ctr + vec2(-3.0, 4.5),
                                ctr + vec2(3.5, 0.0),
                            ]
                        };
                        ui.painter()
                            .add(egui::Shape::convex_polygon(pts, c, egui::Stroke::NONE));
                        if tresp.clicked() {
                            toggled = true;
                            if collapsed {
                                self.collapsed.remove(&e.id);
                            } else {
                                self.collapsed.insert(e.id.clone());
                            }
                        }
                    }
                    if (resp.clicked() || clicked_by_name) && !toggled {
                        self.cursor = Some(i);
                        self.focused = true;
                        self.pressed = Some(i);
                        go = Some(e.block);
                    }
                    if Some(i) == self.cursor && self.focused && self.cursor_moved {
                        resp.scroll_to_me(None);
                    }
                }
                adopt_names(&ctx, ui.unique_id(), &names);
            });
        self.entries = entries;
        self.marks = marks;
        self.cursor_moved = false;
        go
    }
}

/// The mark of an entry while comparing: a bar on the trailing side, coloured by kind (a
/// deleted unit's bar hollow). Its AccessKit node comes with the entry's ([`tree_item`]).
fn entry_mark(ui: &egui::Ui, rect: Rect, rtl: bool, m: &EntryMark, dark: bool) {
    let bar = mark_rect(rect, rtl);
    if !ui.is_rect_visible(bar) {
        return;
    }
    let colour = super::compare::kind_colour(m.status, m.class, dark);
    if m.status == Status::Deleted {
        ui.painter().rect_stroke(
            bar,
            1.5,
            egui::Stroke::new(1.5, colour),
            egui::StrokeKind::Inside,
        );
    } else {
        ui.painter().rect_filled(bar, 1.5, colour);
    }
}

/// Where an entry's mark stands.
fn mark_rect(rect: Rect, rtl: bool) -> Rect {
    let x = if rtl {
        rect.left() + 2.0
    } else {
        rect.right() - 2.0 - MARK_W
    };
    Rect::from_min_size(
        pos2(x, rect.top() + 3.0),
        vec2(MARK_W, (rect.height() - 6.0).max(4.0)),
    )
}

/// An entry is shown when none of its ancestors is collapsed.
fn visible(
    entries: &[OutlineEntry],
    collapsed: &std::collections::HashSet<String>,
    i: usize,
) -> bool {
    let mut p = entries.get(i).and_then(|e| e.parent);
    while let Some(pi) = p {
        let Some(e) = entries.get(pi) else {
            break;
        };
        if collapsed.contains(&e.id) {
            return false;
        }
        p = e.parent;
    }
    true
}

/// AccessKit requests of this frame (action, target node).
fn access_requests(ui: &egui::Ui) -> Vec<(Action, NodeId)> {
    ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::AccessKitActionRequest(r) => Some((r.action, r.target_node)),
                _ => None,
            })
            .collect()
    })
}

/// An entry in the accessibility tree: a tree item named as shown (in the document's
/// language), with its selected and expanded states and its level, holding a link named
/// "Outline: Paragraph 13" over the same rectangle (the name tests and navigation use).
/// While comparing, the entry's mark is an image node beside the link ("Paragraph 3,
/// changed"). Returns the link's id and the mark's node.
fn tree_item(
    ctx: &egui::Context,
    resp: &egui::Response,
    e: &OutlineEntry,
    selected: bool,
    expanded: Option<bool>,
    mark: Option<&EntryMark>,
) -> (Id, Option<NodeId>) {
    let name = Id::unique(("qarar-outline-name", &e.id));
    let mark_id = Id::unique(("qarar-outline-mark", &e.id));
    let done = ctx.accesskit_node_builder(resp.id, |n| {
        n.set_role(Role::TreeItem);
        n.set_label(e.text.clone());
        n.set_selected(selected);
        if let Some(x) = expanded {
            n.set_expanded(x);
        }
        n.set_level(e.depth + 1);
        n.push_child(name.accesskit_id());
        if mark.is_some() {
            n.push_child(mark_id.accesskit_id());
        }
    });
    let mut mark_node = None;
    if let (Some(_), Some(m)) = (done, mark) {
        child_node(ctx, mark_id, resp.rect, Role::Image, m.label.clone(), false);
        mark_node = Some(mark_id.accesskit_id());
    }
    if done.is_some() {
        child_node(ctx, name, resp.rect, Role::Link, e.label.clone(), true);
    }
    (name, mark_node)
}

/// A node beside a tree item over its rectangle: its link (clickable) or its mark.
fn child_node(ctx: &egui::Context, id: Id, r: Rect, role: Role, label: String, link: bool) {
    ctx.accesskit_node_builder(id, |n| {
        n.set_role(role);
        n.set_label(label);
        n.set_bounds(egui::accesskit::Rect {
            x0: r.min.x.into(),
            y0: r.min.y.into(),
            x1: r.max.x.into(),
            y1: r.max.y.into(),
        });
        if link {
            n.add_action(Action::Click);
            n.add_action(Action::ScrollIntoView);
        }
    });
}

/// The name links are children of their tree items, not of the window (where egui puts a
/// node it has no parent for); the list holding the items is the tree.
fn adopt_names(ctx: &egui::Context, list: Id, names: &[NodeId]) {
    if names.is_empty() {
        return;
    }
    let mine: HashSet<NodeId> = names.iter().copied().collect();
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |r| {
        let kept: Vec<NodeId> = r
            .children()
            .iter()
            .filter(|c| !mine.contains(c))
            .copied()
            .collect();
        r.set_children(kept);
    });
    ctx.accesskit_node_builder(list, |n| {
        n.set_role(Role::Tree);
        n.set_label(crate::ui::i18n::t("outline-tree"));
    });
}
