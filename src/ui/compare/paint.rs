//! The compare view's text: every unit laid out by the reader's cosmic-text code (right to
//! left for Arabic), inserted and deleted words carried through layout in the glyphs'
//! metadata and marked on their glyph rectangles — a tint behind, a line under insertions,
//! a line through deletions — in one scroll area, inline or in two columns.

use super::notes::{Piece, Sources, paint_highlights};
use super::pick::Units;
use super::{CompareView, Layout, Version};
use crate::ui::text_painter::{Palette, TextPainter, placed};
use crate::ui::view::Highlight;
use eframe::egui::{self, Color32, Pos2, Rect, Stroke, pos2, vec2};
use qarar_compare::{Change, Class, Mark, Op, Status};
use qarar_document::Direction;
use qarar_text::display::{Block, BlockKind, DisplayText, Span, SpanStyle, protect_symbols};
use qarar_text::layout::{BlockLayout, Typography, layout_block, unpack_metadata};

/// Widest column of text (points at zoom 1).
const MAX_COLUMN: f32 = 820.0;
const MARGIN: f32 = 24.0;
const GUTTER: f32 = 32.0;
/// Space between units.
const GAP: f32 = 14.0;
/// Width of the bar beside a changed unit.
const STRIPE: f32 = 4.0;

/// Line colour and the tint behind the text of a mark in the window.
fn colours(mark: Mark, dark: bool) -> Option<(Color32, Color32)> {
    let (line, tint) = match mark {
        Mark::Plain => return None,
        Mark::Inserted => ((0x0B, 0x8B, 0x3E), (0x2E, 0xB8, 0x5C)),
        Mark::Deleted => ((0xC3, 0x1B, 0x1B), (0xE0, 0x40, 0x40)),
        Mark::MinorInserted => ((0x1F, 0x5E, 0xAC), (0x5A, 0x8A, 0xE0)),
        Mark::MinorDeleted => ((0x7A, 0x4A, 0x9C), (0xA0, 0x70, 0xC8)),
    };
    let alpha = if dark { 70 } else { 45 };
    Some((
        Color32::from_rgb(line.0, line.1, line.2),
        Color32::from_rgba_unmultiplied(tint.0, tint.1, tint.2, alpha),
    ))
}

/// The mark of an edit; with `substantive_only`, minor changes read as the new text.
fn mark_of(op: Op, class: Option<Class>, substantive_only: bool) -> Option<Mark> {
    if substantive_only && Mark::is_minor_class(class) {
        return match op {
            Op::Delete => None,
            _ => Some(Mark::Plain),
        };
    }
    Some(Mark::of(op, class))
}

/// Which text of a change a block holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Text {
    /// Both, marked.
    Inline,
    /// The old text (equal and deleted words).
    Old,
    /// The new text (equal and inserted words).
    New,
}

fn push(d: &mut DisplayText, text: &str, style: SpanStyle, mark: Mark) {
    if text.is_empty() {
        return;
    }
    let start = d.text.len();
    d.text.push_str(text);
    d.spans.push(Span {
        range: start..d.text.len(),
        style,
        link: 0,
        mark: mark.code(),
    });
}

/// The block of one change, or `None` when that side has no text; `pieces` gets where each
/// edit shown stands in it (for the annotations, `notes.rs`).
fn block(
    c: &Change,
    which: Text,
    dir: Direction,
    substantive_only: bool,
    pieces: &mut Vec<Piece>,
) -> Option<Block> {
    match which {
        Text::Old if c.old.is_none() => return None,
        Text::New if c.new.is_none() => return None,
        _ => {}
    }
    let mut d = DisplayText::default();
    let mark = match dir {
        Direction::Rtl => '\u{200F}',
        Direction::Ltr => '\u{200E}',
    };
    push(&mut d, &mark.to_string(), SpanStyle::Body, Mark::Plain);
    if !c.label.is_empty() {
        push(
            &mut d,
            &format!("{} ", c.label),
            SpanStyle::Number,
            Mark::Plain,
        );
    }
    d.text_start = d.text.len();
    let mut last: Option<Op> = None;
    let (mut old_at, mut new_at) = (0, 0);
    for (k, e) in c.edits.iter().enumerate() {
        let (old, new) = (
            (e.op != Op::Insert).then_some(old_at),
            (e.op != Op::Delete).then_some(new_at),
        );
        old_at += old.map_or(0, |_| e.text.len());
        new_at += new.map_or(0, |_| e.text.len());
        let keep = !matches!(
            (which, e.op),
            (Text::Old, Op::Insert) | (Text::New, Op::Delete)
        );
        if !keep {
            continue;
        }
        let Some(m) = mark_of(e.op, e.class, substantive_only) else {
            continue;
        };
        // A deleted word and the word that replaces it stand apart (the diff keeps the
        // space in the words they share).
        let joined =
            d.text.ends_with(char::is_whitespace) || e.text.starts_with(char::is_whitespace);
        if last.is_some_and(|l| l != Op::Equal && l != e.op) && !joined {
            push(&mut d, " ", SpanStyle::Body, Mark::Plain);
        }
        last = Some(e.op);
        let start = d.text.len();
        push(&mut d, &protect_symbols(&e.text), SpanStyle::Body, m);
        pieces.push(Piece {
            old,
            new,
            edit: k,
            dst: start..d.text.len(),
        });
    }
    Some(Block {
        kind: BlockKind::Paragraph {
            id: String::new(),
            depth: 0,
        },
        display: d,
        direction: dir,
    })
}

/// The laid-out units, kept while the width, zoom, filter, layout and annotations stay the
/// same.
#[derive(Default)]
pub(crate) struct Layouts {
    key: Option<(u32, u32, u32, bool, bool, bool, u64)>,
    /// Per change: its first (inline, or old) and second (new) layouts.
    pub(super) rows: Vec<(Option<BlockLayout>, Option<BlockLayout>)>,
    /// Per change: the annotation highlights of its first and second layouts.
    pub(super) highlights: Vec<[Vec<Highlight>; 2]>,
    /// Per change: where each edit stands in its first and second blocks.
    pub(super) pieces: Vec<[Vec<Piece>; 2]>,
    /// Top of each row in the scroll area, and the total height.
    tops: Vec<f32>,
    height: f32,
}

impl CompareView {
    fn prepare(&mut self, painter: &mut TextPainter, typo: &Typography, width: f32) -> f32 {
        let side = self.layout == Layout::SideBySide;
        let column = if side {
            ((width - 2.0 * MARGIN - GUTTER) / 2.0).max(80.0)
        } else {
            (width - 2.0 * MARGIN).clamp(80.0, MAX_COLUMN * typo.zoom)
        };
        let key = (
            column.to_bits(),
            typo.zoom.to_bits(),
            typo.body_size.to_bits(),
            typo.justify,
            self.substantive_only,
            side,
            self.notes_generation,
        );
        if self.layouts.key != Some(key) {
            let dir = self.direction();
            let only = self.substantive_only;
            let sources =
                Sources::new(&self.old_doc, &self.new_doc, &self.notes[0], &self.notes[1]);
            let mut lay = |i: usize, c: &Change, which: Text| {
                let mut pieces = Vec::new();
                let Some(b) = block(c, which, dir, only, &mut pieces) else {
                    return (None, (Vec::new(), Vec::new()));
                };
                let versions: &[Version] = match which {
                    Text::Inline => &[Version::Old, Version::New],
                    Text::Old => &[Version::Old],
                    Text::New => &[Version::New],
                };
                let marks = sources.highlights(i, c, &pieces, &b.display.text, versions);
                (
                    Some(layout_block(&mut painter.fonts, &b, typo, column)),
                    (marks, pieces),
                )
            };
            let mut rows = Vec::with_capacity(self.comparison.changes.len());
            let mut highlights = Vec::with_capacity(rows.capacity());
            let mut pieces = Vec::with_capacity(rows.capacity());
            for (i, c) in self.comparison.changes.iter().enumerate() {
                let (a, b) = if side {
                    (lay(i, c, Text::Old), lay(i, c, Text::New))
                } else {
                    (lay(i, c, Text::Inline), (None, (Vec::new(), Vec::new())))
                };
                rows.push((a.0, b.0));
                highlights.push([a.1.0, b.1.0]);
                pieces.push([a.1.1, b.1.1]);
            }
            self.layouts.rows = rows;
            self.layouts.highlights = highlights;
            self.layouts.pieces = pieces;
            // Offsets in the old blocks mean nothing in the new ones.
            self.selection = None;
            let mut y = 0.0;
            self.layouts.tops.clear();
            for (a, b) in &self.layouts.rows {
                self.layouts.tops.push(y);
                let h = a
                    .as_ref()
                    .map_or(0.0, |l| l.height)
                    .max(b.as_ref().map_or(0.0, |l| l.height));
                y += h + GAP;
            }
            self.layouts.height = y;
            self.layouts.key = Some(key);
        }
        column
    }

    /// Draw the units in a scroll area; the change asked for is brought to the top third.
    pub fn body(&mut self, ui: &mut egui::Ui, painter: &mut TextPainter, typo: Typography) {
        let width = ui.available_width();
        let column = self.prepare(painter, &typo, width);
        let mut area = egui::ScrollArea::vertical()
            .id_salt("qarar-compare")
            .auto_shrink([false, false]);
        if let Some(i) = self.scroll_to.take()
            && let Some(top) = self.layouts.tops.get(i)
        {
            area = area.vertical_scroll_offset((top - 40.0).max(0.0));
        }
        let dark = ui.visuals().dark_mode;
        let palette = Palette::for_visuals(dark);
        let nav = self.navigable();
        let current = self.current.and_then(|k| nav.get(k).copied());
        let side = self.layout == Layout::SideBySide;
        let rtl = self.direction() == Direction::Rtl;
        let mut units = Units::new(self);
        area.show_viewport(ui, |ui, viewport| {
            let (rect, _) =
                ui.allocate_exact_size(vec2(width, self.layouts.height), egui::Sense::hover());
            let origin = rect.min;
            let total = if side { 2.0 * column + GUTTER } else { column };
            let left = origin.x + ((width - total) / 2.0).max(MARGIN);
            for (i, (a, b)) in self.layouts.rows.iter().enumerate() {
                let top = self.layouts.tops.get(i).copied().unwrap_or(0.0);
                let h = a
                    .as_ref()
                    .map_or(0.0, |l| l.height)
                    .max(b.as_ref().map_or(0.0, |l| l.height));
                if top + h < viewport.min.y || top > viewport.max.y {
                    continue;
                }
                let y = origin.y + top;
                let Some(change) = self.comparison.changes.get(i) else {
                    continue;
                };
                // Old first in reading order: on the right in a right-to-left language.
                let (x_first, x_second) = if side && rtl {
                    (left + column + GUTTER, left)
                } else {
                    (left, left + column + GUTTER)
                };
                let marks = self.layouts.highlights.get(i);
                let mut boxes = [None, None];
                let mut placed = Vec::new();
                for (s, (lay, x)) in [(a, x_first), (b, x_second)].into_iter().enumerate() {
                    let Some(l) = lay else {
                        continue;
                    };
                    let pos = pos2(x, y);
                    let hls = marks.map_or(&[][..], |m| &m[s][..]);
                    placed.push(paint_highlights(ui, l, pos, hls, dark));
                    units.paint_selection(ui, (i, s), l, pos);
                    paint_block(ui, painter, l, pos, &palette, dark);
                    let r = Rect::from_min_size(pos, vec2(column, h.max(1.0)));
                    boxes[s] = Some((r, l, pos));
                }
                let row = Rect::from_min_size(pos2(left, y), vec2(total, h.max(1.0)));
                if change.status != Status::Unchanged {
                    stripe(ui, row, change, rtl, current == Some(i));
                }
                let k = nav.iter().position(|&j| j == i);
                units.row(ui, i, k, (row, boxes[0]), change, !side);
                if side {
                    units.sides(ui, i, k, boxes, change);
                }
                // The notes over the units (hovering them shows the note).
                for p in &placed {
                    units.notes(ui, painter, &mut self.labels, p, &self.notes);
                }
            }
        });
        let tip = units.tip;
        units.finish(self);
        self.selection_button(ui.ctx(), tip);
    }
}

/// The bar beside a changed unit (on its starting side), coloured by its class; the change
/// gone to gets a frame.
fn stripe(ui: &egui::Ui, row: Rect, c: &Change, rtl: bool, current: bool) {
    let color = match (c.status, c.class) {
        (Status::Inserted, _) => Color32::from_rgb(0x2E, 0xA0, 0x50),
        (Status::Deleted, _) => Color32::from_rgb(0xD0, 0x40, 0x40),
        (Status::Moved | Status::Split | Status::Merged, _) => Color32::from_rgb(0xB0, 0x70, 0x10),
        (_, Some(Class::Substantive)) => Color32::from_rgb(0xD0, 0x80, 0x20),
        _ => Color32::from_rgb(0x60, 0x80, 0xC0),
    };
    let x = if rtl {
        row.right() + 8.0
    } else {
        row.left() - 8.0 - STRIPE
    };
    let bar = Rect::from_min_max(pos2(x, row.top()), pos2(x + STRIPE, row.bottom()));
    ui.painter().rect_filled(bar, 1.0, color);
    if current {
        ui.painter().rect_stroke(
            row.expand2(vec2(4.0, 3.0)),
            3.0,
            Stroke::new(1.5, ui.visuals().selection.stroke.color),
            egui::StrokeKind::Outside,
        );
    }
}

/// One horizontal stretch of marked glyphs on a line.
struct Segment {
    mark: Mark,
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    baseline: f32,
    size: f32,
}

/// The marked stretches of a layout, in its local coordinates: touching glyphs with one
/// mark on one line run together (so a mixed-direction line gives one stretch per visual
/// piece, exactly over its glyphs).
fn segments(lay: &BlockLayout) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for run in lay.buffer.layout_runs() {
        let mut line: Vec<Segment> = Vec::new();
        for g in run.glyphs {
            let mark = Mark::from_code(unpack_metadata(g.metadata).mark);
            if mark == Mark::Plain {
                continue;
            }
            let (x0, x1) = (lay.x_offset + g.x, lay.x_offset + g.x + g.w);
            if let Some(s) = line
                .iter_mut()
                .rev()
                .find(|s| s.mark == mark && x0 <= s.x1 + 1.0 && x1 >= s.x0 - 1.0)
            {
                s.x0 = s.x0.min(x0);
                s.x1 = s.x1.max(x1);
                continue;
            }
            line.push(Segment {
                mark,
                x0,
                x1,
                top: run.line_top,
                bottom: run.line_top + run.line_height,
                baseline: run.line_y,
                size: g.font_size,
            });
        }
        out.extend(line);
    }
    out
}

/// Paint a laid-out unit at `pos`: tints, glyphs, then the lines over them.
fn paint_block(
    ui: &egui::Ui,
    painter: &mut TextPainter,
    lay: &BlockLayout,
    pos: Pos2,
    palette: &Palette,
    dark: bool,
) {
    let segs = segments(lay);
    let p = ui.painter();
    for s in &segs {
        if let Some((_, tint)) = colours(s.mark, dark) {
            let r = Rect::from_min_max(
                pos2(pos.x + s.x0, pos.y + s.top),
                pos2(pos.x + s.x1, pos.y + s.bottom),
            );
            p.rect_filled(r.shrink2(vec2(0.0, 2.0)), 2.0, tint);
        }
    }
    let mesh = painter.mesh(ui.ctx(), &lay.buffer, lay.x_offset, lay.font_size, palette);
    p.add(egui::Shape::mesh(placed(&mesh, pos)));
    for s in &segs {
        let Some((line, _)) = colours(s.mark, dark) else {
            continue;
        };
        let y = if s.mark.is_deleted() {
            // Through the middle of the letters (Arabic letters sit on the baseline).
            pos.y + s.baseline - s.size * 0.3
        } else {
            pos.y + s.baseline + (s.size * 0.18).max(2.0)
        };
        p.line_segment(
            [pos2(pos.x + s.x0, y), pos2(pos.x + s.x1, y)],
            Stroke::new((s.size / 14.0).clamp(1.0, 2.0), line),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qarar_compare::{Edit, Ids};

    fn change() -> Change {
        let e = |op, text: &str, class| Edit {
            op,
            text: text.into(),
            class,
        };
        Change {
            old: Some(Ids::One("p1".into())),
            new: Some(Ids::One("p1".into())),
            status: Status::Changed,
            class: Some(Class::Substantive),
            edits: vec![
                e(Op::Equal, "تقرر ", None),
                e(Op::Delete, "السابعة", Some(Class::Mechanical)),
                e(Op::Insert, "التاسعة", Some(Class::Mechanical)),
                e(Op::Equal, " أن ", None),
                e(Op::Insert, "تواصل", Some(Class::Substantive)),
            ],
            label: "1".into(),
        }
    }

    #[test]
    fn marks_sit_on_their_glyphs_and_the_filter_drops_minor_deletions() {
        let mut fonts = qarar_text::fonts::font_system();
        let typo = Typography::default();
        let b = block(
            &change(),
            Text::Inline,
            Direction::Rtl,
            false,
            &mut Vec::new(),
        );
        let Some(b) = b else {
            panic!("a block");
        };
        let lay = layout_block(&mut fonts, &b, &typo, 600.0);
        let segs = segments(&lay);
        assert!(segs.iter().any(|s| s.mark == Mark::MinorDeleted));
        assert!(segs.iter().any(|s| s.mark == Mark::Inserted));
        // Right to left: the inserted last word stands left of the deleted one.
        let ins = segs.iter().find(|s| s.mark == Mark::Inserted).map(|s| s.x0);
        let del = segs
            .iter()
            .find(|s| s.mark == Mark::MinorDeleted)
            .map(|s| s.x0);
        assert!(ins < del, "{ins:?} {del:?}");
        let filtered = block(
            &change(),
            Text::Inline,
            Direction::Rtl,
            true,
            &mut Vec::new(),
        );
        assert!(filtered.is_some_and(|b| !b.display.text.contains("السابعة")));
        let old = block(&change(), Text::Old, Direction::Rtl, false, &mut Vec::new());
        assert!(old.is_some_and(|b| !b.display.text.contains("تواصل")));
    }
}
