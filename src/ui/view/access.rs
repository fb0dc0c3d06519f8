//! The whole document in the accessibility tree (AccessKit, hence AT-SPI, UIA, NSAccessibility).
//!
//! Every block is a node (heading for the title, list item for a sub-paragraph, paragraph
//! otherwise) named as people call it ("Paragraph 13"), holding one text node whose `TextRun`
//! children carry the text with its character lengths, positions and widths from the
//! cosmic-text layout. AccessKit exposes the Text interface on a `Label`, `Document` or
//! `Terminal` with text runs; the text node is a `Document` because test queries by label
//! read a `Label`'s value as its name and would find the document's text everywhere.
//! Footnote markers and references are `Link`s among the runs, in reading order.
//!
//! Blocks not laid out yet are there too, with one run per stretch of text and their estimated
//! rectangle. Nodes are built once per block layout and cloned into each frame's tree; only the
//! block's rectangle and its text's offset change when the view scrolls.

use super::links::{LinkPart, link_id, link_parts};
use super::names::{block_label, link_label};
use eframe::egui::accesskit::{self as ak, Action, Node, NodeId, Role, TextDirection};
use eframe::egui::{self, Id, Pos2, Rect};
use qarar_text::display::{Block, BlockKind, is_helper};
use qarar_text::layout::{BlockLayout, DocumentLayout};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The node (and widget) id of block `i`.
pub(crate) fn block_id(salt: u64, i: usize) -> Id {
    Id::unique(("qarar-block", salt, i))
}

fn text_id(salt: u64, i: usize) -> Id {
    Id::unique(("qarar-block-text", salt, i))
}

fn run_id(salt: u64, i: usize, n: usize) -> Id {
    Id::unique(("qarar-run", salt, i, n))
}

/// Longest text run (character lengths and word starts are bytes in AccessKit).
const MAX_RUN: usize = 240;

/// What the nodes were built for; a change rebuilds them all.
#[derive(Debug, Clone, Copy, PartialEq)]
struct TreeKey {
    salt: u64,
    blocks: usize,
    width: u32,
    zoom: u32,
    body: u32,
    justify: bool,
    /// The blocks' names are in the interface language.
    lang: qarar_i18n::Lang,
}

/// One block's nodes.
struct BlockNodes {
    /// Built from the block's layout (else from its estimate).
    laid_out: bool,
    block: Node,
    text: Node,
    /// Links and runs under the text, with their ids.
    children: Vec<(Id, Node)>,
    size: egui::Vec2,
    /// Not sent since it was built.
    fresh: bool,
    /// The top it was last sent at.
    sent_top: Option<f32>,
}

/// The document's nodes, kept between frames.
///
/// egui sends a whole tree each frame, but AccessKit keeps the nodes an update leaves out as
/// long as they are still referenced: after a frame that sent them all, a frame sends only the
/// document node (its offset changes as the view scrolls), the painted blocks (egui made bare
/// nodes for their widgets) and what changed (a block laid out, a block moved).
#[derive(Default)]
pub(crate) struct AccessTree {
    key: Option<TreeKey>,
    blocks: Vec<Option<BlockNodes>>,
    block_ids: Vec<NodeId>,
    /// Block of each node of the tree.
    owner: HashMap<NodeId, usize>,
    /// Blocks and links: the nodes egui also makes for painted widgets.
    widgets: HashSet<NodeId>,
    /// The pass that last sent the nodes.
    last_pass: Option<u64>,
}

/// The node holding the blocks (moved by the scroll offset).
fn doc_id(salt: u64) -> Id {
    Id::unique(("qarar-document", salt))
}

impl AccessTree {
    /// The block a node belongs to.
    pub(super) fn block_of(&self, node: NodeId) -> Option<usize> {
        self.owner.get(&node).copied()
    }

    fn refresh(&mut self, salt: u64, layout: &DocumentLayout, targets: &[String]) {
        let t = layout.typography;
        let key = TreeKey {
            salt,
            blocks: layout.blocks.len(),
            width: layout.column_width.to_bits(),
            zoom: t.zoom.to_bits(),
            body: t.body_size.to_bits(),
            justify: t.justify,
            lang: crate::ui::i18n::language(),
        };
        if self.key != Some(key) {
            self.key = Some(key);
            self.blocks = (0..key.blocks).map(|_| None).collect();
            self.block_ids = (0..key.blocks)
                .map(|i| block_id(salt, i).accesskit_id())
                .collect();
            self.owner.clear();
            self.widgets.clear();
            for (i, id) in self.block_ids.iter().enumerate() {
                self.owner.insert(*id, i);
                self.widgets.insert(*id);
            }
        }
        for i in 0..self.blocks.len() {
            let laid_out = layout.block(i).is_some();
            let stale = match &self.blocks[i] {
                Some(b) => b.laid_out != laid_out,
                None => true,
            };
            if stale {
                let nodes = build(salt, i, &layout.blocks[i], layout, targets);
                for (id, n) in &nodes.children {
                    self.owner.insert(id.accesskit_id(), i);
                    if n.role() == Role::Link {
                        self.widgets.insert(id.accesskit_id());
                    }
                }
                self.owner.insert(text_id(salt, i).accesskit_id(), i);
                self.blocks[i] = Some(nodes);
            }
        }
    }

    /// Put the document's nodes into this frame's tree, under the node of `ui` (the scrolled
    /// content), with the column's top-left corner at `origin` (screen coordinates); the
    /// blocks in `painted` had widgets this frame.
    pub(super) fn emit(
        &mut self,
        ui: &egui::Ui,
        salt: u64,
        layout: &DocumentLayout,
        targets: &[String],
        origin: Pos2,
        painted: Range<usize>,
    ) {
        let ctx = ui.ctx();
        let root = egui::accesskit_root_id();
        // Nodes that egui has not seen hang from the root: remember where they start.
        let Some(root_children) = ctx.accesskit_node_builder(root, |r| r.children().len()) else {
            self.last_pass = None; // AccessKit is off.
            return;
        };
        self.refresh(salt, layout, targets);
        // Only what the last delivered update holds may be left out: after a pass that sent
        // the nodes, in the first pass of a frame (a second pass's update replaces the first).
        let pass = ctx.cumulative_pass_nr();
        let full = ctx.current_pass_index() > 0 || self.last_pass.is_none_or(|p| p + 1 != pass);
        self.last_pass = Some(pass);
        let mut loose = Vec::new();
        for (i, nodes) in self.blocks.iter_mut().enumerate() {
            let Some(nodes) = nodes else {
                continue;
            };
            let top = layout.tops.get(i).copied().unwrap_or(0.0);
            let whole = full || nodes.fresh || painted.contains(&i);
            if whole || nodes.sent_top != Some(top) {
                let rect = Rect::from_min_size(egui::pos2(0.0, top), nodes.size);
                write(ctx, block_id(salt, i), &nodes.block, &mut loose, |n| {
                    n.set_bounds(ak_rect(rect));
                });
                write(ctx, text_id(salt, i), &nodes.text, &mut loose, |n| {
                    n.set_transform(ak::Affine::translate((0.0, f64::from(top))));
                });
            }
            if whole {
                for (id, c) in &nodes.children {
                    write(ctx, *id, c, &mut loose, |_| {});
                }
            }
            nodes.fresh = false;
            nodes.sent_top = Some(top);
        }
        let block_ids = &self.block_ids;
        let size = egui::vec2(layout.column_width, layout.total_height);
        ctx.accesskit_node_builder(doc_id(salt), |n| {
            n.set_role(Role::GenericContainer);
            n.set_children(block_ids.clone());
            n.set_bounds(ak_rect(Rect::from_min_size(Pos2::ZERO, size)));
            n.set_transform(ak::Affine::translate((
                f64::from(origin.x),
                f64::from(origin.y),
            )));
        });
        ctx.accesskit_node_builder(root, |r| {
            let kept: Vec<NodeId> = r.children().iter().take(root_children).copied().collect();
            r.set_children(kept);
        });
        let widgets = &self.widgets;
        let doc = doc_id(salt).accesskit_id();
        ctx.accesskit_node_builder(ui.unique_id(), |n| {
            let mut kids = vec![doc];
            kids.extend(
                n.children()
                    .iter()
                    .filter(|c| **c != doc && !widgets.contains(c)),
            );
            kids.extend(loose);
            n.set_children(kids);
        });
    }
}

impl super::DocumentView {
    /// What assistive technology and the keyboard ask of the blocks: focus or scroll to a
    /// block (also one not painted), and Tab / Shift+Tab from a block to the next or previous.
    pub(super) fn access_requests(&mut self, ui: &egui::Ui) {
        let n = self.blocks.len();
        if n == 0 {
            return;
        }
        let ctx = ui.ctx().clone();
        let (tab, shift, requests) = ui.input(|i| {
            let m = i.modifiers;
            let tab = i.key_pressed(egui::Key::Tab) && (m.is_none() || m.shift_only());
            let requests: Vec<(Action, NodeId)> = i
                .events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::AccessKitActionRequest(r) => Some((r.action, r.target_node)),
                    _ => None,
                })
                .collect();
            (tab, m.shift, requests)
        });
        for (action, node) in requests {
            let Some(b) = self.access.block_of(node) else {
                continue;
            };
            match action {
                Action::Focus => {
                    ctx.memory_mut(|m| m.request_focus(block_id(self.salt, b)));
                    self.reveal(b);
                }
                Action::ScrollIntoView => self.reveal(b),
                _ => {}
            }
        }
        if !tab {
            return;
        }
        let focused = ctx.memory(|m| m.focused());
        let Some(b) = focused.and_then(|id| self.access.block_of(id.accesskit_id())) else {
            return;
        };
        let next = if shift {
            b.checked_sub(1)
        } else {
            (b + 1 < n).then_some(b + 1)
        };
        if let Some(next) = next {
            ctx.memory_mut(|m| {
                m.request_focus(block_id(self.salt, next));
                m.move_focus(egui::FocusDirection::None);
            });
            self.reveal(next);
        }
    }

    /// The widget of link span `link` of block `block` (its first part), to give the keyboard
    /// back to when its popup closes.
    pub(crate) fn link_widget(&self, block: usize, link: &qarar_text::display::Link) -> Option<Id> {
        let index = self
            .blocks
            .get(block)?
            .display
            .links
            .iter()
            .position(|h| h == link)?;
        Some(link_id(self.salt, block, index + 1, 0))
    }

    /// Whether search match `n` is wholly inside the last frame's viewport.
    pub(super) fn match_in_view(&self, n: usize) -> bool {
        let (Some(layout), Some((b, r))) = (&self.layout, self.matches.get(n)) else {
            return false;
        };
        let view = self.last_viewport;
        let top = layout.tops.get(*b).copied().unwrap_or(0.0);
        let rects = layout.highlight_rects(*b, r.clone());
        let m = super::MARGIN;
        view.is_positive()
            && !rects.is_empty()
            && rects
                .iter()
                .all(|[_, y, _, h]| top + y >= view.top() - m && top + y + h <= view.bottom() - m)
    }

    /// Scroll block `b` into view unless it is wholly in view already.
    fn reveal(&mut self, b: usize) {
        let Some(layout) = &self.layout else {
            return;
        };
        let top = layout.tops.get(b).copied().unwrap_or(0.0);
        let bottom = top + layout.height(b);
        let view = self.last_viewport;
        let m = super::MARGIN;
        let seen = view.is_positive() && top >= view.top() - m && bottom <= view.bottom() - m;
        if !seen {
            self.scroll_to_block = Some(b);
        }
    }
}

/// Write a kept node into this frame's tree. The children egui gave it this frame (a
/// paragraph's context menu, a marker's hover preview) are in screen coordinates: they go to
/// `loose`, to hang beside the document rather than under its offset.
fn write(
    ctx: &egui::Context,
    id: Id,
    kept: &Node,
    loose: &mut Vec<NodeId>,
    adjust: impl FnOnce(&mut Node),
) {
    ctx.accesskit_node_builder(id, |n| {
        loose.extend_from_slice(n.children());
        n.clone_from(kept);
        adjust(n);
    });
}

fn ak_rect(r: Rect) -> ak::Rect {
    ak::Rect {
        x0: r.min.x.into(),
        y0: r.min.y.into(),
        x1: r.max.x.into(),
        y1: r.max.y.into(),
    }
}

fn role_of(block: &Block) -> Role {
    match &block.kind {
        BlockKind::Title => Role::Heading,
        BlockKind::Paragraph { id, depth } if *depth > 0 || is_sub(id) => Role::ListItem,
        _ => Role::Paragraph,
    }
}

/// `para_13_b`, `annex_1.para_2_a`: a sub-paragraph.
fn is_sub(id: &str) -> bool {
    let last = id.rsplit('.').next().unwrap_or(id);
    last.strip_prefix("para_")
        .is_some_and(|rest| rest.contains('_'))
}

fn build(
    salt: u64,
    i: usize,
    block: &Block,
    layout: &DocumentLayout,
    targets: &[String],
) -> BlockNodes {
    let size = egui::vec2(layout.column_width, layout.height(i));
    let d = &block.display;
    let mut out = Out {
        salt,
        block: i,
        children: Vec::new(),
        top: Vec::new(),
    };
    let laid_out = match layout.block(i) {
        Some(l) => {
            line_runs(&mut out, block, l, targets);
            true
        }
        None => {
            let rtl = block.direction == qarar_document::Direction::Rtl;
            let graphemes = graphemes(&d.text, 0..d.text.len());
            for chunk in chunks(&d.text, &graphemes) {
                let g: Vec<Grapheme> = chunk.to_vec();
                out.run(
                    &d.text,
                    &g,
                    Rect::from_min_size(Pos2::ZERO, size),
                    rtl,
                    None,
                );
            }
            false
        }
    };
    out.end_paragraph();
    let mut node = Node::new(role_of(block));
    // Nothing announced carries control characters (offsets kept: see `printable`).
    node.set_label(qarar_util::printable(&block_label(block)).into_owned());
    node.set_value(qarar_util::printable(&d.logical(0..d.text.len())).into_owned());
    if block.kind == BlockKind::Title {
        node.set_level(1);
    }
    node.add_action(Action::Focus);
    node.add_action(Action::ScrollIntoView);
    node.set_children(vec![text_id(salt, i).accesskit_id()]);
    // A `Document` (not a `Label`, whose value label queries would match) exposes the text.
    let mut text = Node::new(Role::Document);
    text.set_bounds(ak_rect(Rect::from_min_size(Pos2::ZERO, size)));
    text.set_children(out.top);
    BlockNodes {
        laid_out,
        block: node,
        text,
        children: out.children,
        size,
        fresh: true,
        sent_top: None,
    }
}

/// One character as a reader selects it: a base and its marks (bytes of the display text),
/// with where it is painted (x range in block coordinates) when known.
#[derive(Debug, Clone)]
struct Grapheme {
    range: Range<usize>,
    x: Option<(f32, f32)>,
}

/// Combining marks (Arabic harakat, Latin accents) and joiners stay with their base.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8
        | 0x06EA..=0x06ED | 0x08D3..=0x08FF | 0x200C | 0x200D | 0xFE00..=0xFE0F)
}

/// The graphemes of `text[range]`, display helpers left out.
fn graphemes(text: &str, range: Range<usize>) -> Vec<Grapheme> {
    let mut out: Vec<Grapheme> = Vec::new();
    let Some(s) = text.get(range.clone()) else {
        return out;
    };
    for (o, c) in s.char_indices() {
        if is_helper(c) {
            continue;
        }
        let at = range.start + o;
        let end = at + c.len_utf8();
        match out.last_mut() {
            Some(g) if is_mark(c) && g.range.end == at && end - g.range.start < 200 => {
                g.range.end = end;
            }
            _ => out.push(Grapheme {
                range: at..end,
                x: None,
            }),
        }
    }
    out
}

/// Graphemes cut into runs of at most [`MAX_RUN`], at a space when there is one.
fn chunks<'a>(text: &str, g: &'a [Grapheme]) -> Vec<&'a [Grapheme]> {
    let mut out = Vec::new();
    let mut rest = g;
    while rest.len() > MAX_RUN {
        let cut = (MAX_RUN / 2..MAX_RUN)
            .rev()
            .find(|&k| text.get(rest[k - 1].range.clone()) == Some(" "))
            .unwrap_or(MAX_RUN);
        let (a, b) = rest.split_at(cut);
        out.push(a);
        rest = b;
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// The nodes being built for one block.
struct Out {
    salt: u64,
    block: usize,
    /// Every node under the block's text, with its id.
    children: Vec<(Id, Node)>,
    /// The text's own children (runs and links), in reading order.
    top: Vec<NodeId>,
}

impl Out {
    /// A text run of `g` on a line `line` (block coordinates); inside a link when `link`
    /// gives its id, name and rectangle.
    fn run(
        &mut self,
        text: &str,
        g: &[Grapheme],
        line: Rect,
        rtl: bool,
        link: Option<(Id, String, Rect)>,
    ) {
        if g.is_empty() {
            return;
        }
        let rid = run_id(self.salt, self.block, self.children.len());
        let id = rid.accesskit_id();
        let (x0, x1) = g
            .iter()
            .filter_map(|g| g.x)
            .fold(None, |acc: Option<(f32, f32)>, (a, b)| match acc {
                Some((lo, hi)) => Some((lo.min(a), hi.max(b))),
                None => Some((a, b)),
            })
            .unwrap_or((line.left(), line.right()));
        let mut value = String::new();
        let mut lengths = Vec::with_capacity(g.len());
        let mut positions = Vec::with_capacity(g.len());
        let mut widths = Vec::with_capacity(g.len());
        let mut words = Vec::new();
        let mut prev_space = false;
        let mut last_end = 0.0;
        for (k, gr) in g.iter().enumerate() {
            let s = text.get(gr.range.clone()).unwrap_or("");
            value.push_str(s);
            lengths.push(u8::try_from(s.len()).unwrap_or(u8::MAX));
            let space = s.chars().all(char::is_whitespace);
            if k > 0 && prev_space && !space {
                words.push(u8::try_from(k).unwrap_or(u8::MAX));
            }
            prev_space = space;
            let (p, w) = match gr.x {
                Some((a, b)) if rtl => (x1 - b, b - a),
                Some((a, b)) => (a - x0, b - a),
                None => (last_end, 0.0),
            };
            last_end = p + w;
            positions.push(p);
            widths.push(w);
        }
        let mut n = Node::new(Role::TextRun);
        n.set_value(qarar_util::printable(&value).into_owned());
        n.set_character_lengths(lengths);
        n.set_character_positions(positions);
        n.set_character_widths(widths);
        n.set_word_starts(words);
        n.set_text_direction(if rtl {
            TextDirection::RightToLeft
        } else {
            TextDirection::LeftToRight
        });
        n.set_bounds(ak_rect(Rect::from_min_max(
            egui::pos2(x0, line.top()),
            egui::pos2(x1.max(x0), line.bottom()),
        )));
        match link {
            Some((link_id, name, rect)) => {
                let lid = link_id.accesskit_id();
                let mut l = Node::new(Role::Link);
                l.set_label(qarar_util::printable(&name).into_owned());
                l.set_bounds(ak_rect(rect));
                l.add_action(Action::Click);
                l.add_action(Action::Focus);
                l.set_children(vec![id]);
                self.top.push(lid);
                self.children.push((link_id, l));
            }
            None => self.top.push(id),
        }
        self.children.push((rid, n));
    }

    /// End the block's text with a line break, as AccessKit asks of a paragraph's last run.
    fn end_paragraph(&mut self) {
        let Some((_, last)) = self
            .children
            .iter_mut()
            .rev()
            .find(|(_, n)| n.role() == Role::TextRun)
        else {
            return;
        };
        let mut value = last.value().unwrap_or_default().to_string();
        if value.ends_with('\n') {
            return;
        }
        value.push('\n');
        last.set_value(value);
        let mut lengths = last.character_lengths().to_vec();
        lengths.push(1);
        last.set_character_lengths(lengths);
        let mut positions = last.character_positions().unwrap_or_default().to_vec();
        let mut widths = last.character_widths().unwrap_or_default().to_vec();
        let end = positions
            .last()
            .zip(widths.last())
            .map_or(0.0, |(p, w)| p + w);
        positions.push(end);
        widths.push(0.0);
        last.set_character_positions(positions);
        last.set_character_widths(widths);
    }
}

/// Runs (and links) of a laid-out block: one per visual line and link span.
fn line_runs(out: &mut Out, block: &Block, l: &BlockLayout, targets: &[String]) {
    let d = &block.display;
    let text = &d.text;
    let links: Vec<(Range<usize>, usize)> = d
        .spans
        .iter()
        .filter(|s| s.link != 0)
        .map(|s| (s.range.clone(), s.link))
        .collect();
    let parts: Vec<LinkPart> = link_parts(l);
    // Every line of every piece (a table's cells one after the other), in reading order.
    let lines = l.lines();
    // Display range of each visual line: from its first glyph to the next line's.
    let starts: Vec<usize> = lines
        .iter()
        .map(|ln| ln.piece.base + ln.run.glyphs.iter().map(|g| g.start).min().unwrap_or(0))
        .collect();
    for (k, ln) in lines.iter().enumerate() {
        let run = &ln.run;
        let base = ln.piece.base;
        let start = if k == 0 { 0 } else { starts[k] };
        // The last line of a cell takes the tab or line break after it.
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        if end <= start {
            continue;
        }
        let mut g = graphemes(text, start..end);
        // Glyph clusters of the line in logical order: (display start, end, x0, x1).
        let mut glyphs: Vec<(usize, usize, f32, f32)> = run
            .glyphs
            .iter()
            .map(|gl| {
                let x = gl.x + ln.x();
                (base + gl.start, base + gl.end, x, x + gl.w)
            })
            .collect();
        glyphs.sort_by_key(|g| g.0);
        for gr in &mut g {
            let upto = glyphs.partition_point(|g| g.0 < gr.range.end);
            let mut x: Option<(f32, f32)> = None;
            for &(gs, ge, a, b) in glyphs[..upto].iter().rev().take(8) {
                if gr.range.start < ge.max(gs + 1) {
                    x = Some(match x {
                        Some((lo, hi)) => (lo.min(a), hi.max(b)),
                        None => (a, b),
                    });
                }
            }
            gr.x = x;
        }
        let line = Rect::from_min_size(
            egui::pos2(ln.x(), ln.top()),
            egui::vec2(run.line_w.max(1.0), run.line_height),
        );
        // Cut the line at link span boundaries, in reading order.
        let mut piece: Vec<Grapheme> = Vec::new();
        let mut piece_link = 0;
        let link_at = |b: usize| {
            links
                .iter()
                .find(|(r, _)| r.start <= b && b < r.end)
                .map_or(0, |(_, h)| *h)
        };
        for gr in g {
            let h = link_at(gr.range.start);
            if h != piece_link && !piece.is_empty() {
                flush(
                    out, text, &piece, line, run.rtl, piece_link, k, &parts, d, targets,
                );
                piece.clear();
            }
            piece_link = h;
            piece.push(gr);
        }
        flush(
            out, text, &piece, line, run.rtl, piece_link, k, &parts, d, targets,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn flush(
    out: &mut Out,
    text: &str,
    piece: &[Grapheme],
    line: Rect,
    rtl: bool,
    link: usize,
    line_index: usize,
    parts: &[LinkPart],
    d: &qarar_text::display::DisplayText,
    targets: &[String],
) {
    let anchor = (link != 0)
        .then(|| {
            parts
                .iter()
                .find(|p| p.link == link && p.line == line_index)
                .zip(d.links.get(link - 1))
        })
        .flatten()
        .map(|(p, h)| {
            (
                link_id(out.salt, out.block, link, p.part),
                link_label(h, targets),
                p.rect,
            )
        });
    for chunk in chunks(text, piece) {
        out.run(text, chunk, line, rtl, anchor.clone());
    }
}
