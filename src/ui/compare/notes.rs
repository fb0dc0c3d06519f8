//! The annotations of both documents in the compare view: each version's annotations, anchored
//! by the reader's own code (`ui::annotate::Annotations`: the store, then anchoring on the
//! document), mapped from paragraph text to the compare view's blocks (whose text is made of
//! the word diff's pieces) and painted as the reader paints them (`view::Highlight`,
//! `view::highlight_fill`); a note shows on hover, shaped by cosmic-text.

use super::Version;
use crate::ui::annotate::Annotations;
use crate::ui::view::Highlight;
use crate::ui::view::highlight_fill;
use eframe::egui::{self, Color32, Pos2, Rect, pos2, vec2};
use qarar_compare::{Change, Ids};
use qarar_document::Document;
use qarar_text::display::is_helper;
use qarar_text::layout::BlockLayout;
use std::collections::HashMap;
use std::ops::Range;

/// An annotation anchored on a paragraph of one version.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchored {
    pub paragraph: String,
    /// Code points of the paragraph's text.
    pub chars: Range<usize>,
    pub color: Color32,
    pub id: String,
    /// The note (empty for a bare highlight).
    pub note: String,
}

/// The anchored annotations of a document (orphans left out).
pub(super) fn anchored(a: &Annotations) -> Vec<Anchored> {
    a.list
        .iter()
        .filter_map(|x| {
            let anchor = a.anchors.get(&x.id)?;
            let (pid, chars) = (anchor.paragraph()?, anchor.range()?);
            let [r, g, b] = x.color.rgb();
            Some(Anchored {
                paragraph: pid.to_string(),
                chars,
                color: Color32::from_rgb(r, g, b),
                id: x.id.clone(),
                note: x.note.clone(),
            })
        })
        .collect()
}

/// A stretch of a compare block's display text made from one edit: where it starts in the
/// old and in the new version's text (`None` for the version it is not part of).
#[derive(Debug, Clone)]
pub(super) struct Piece {
    pub old: Option<usize>,
    pub new: Option<usize>,
    /// The edit it shows (index in `Change::edits`).
    pub edit: usize,
    pub dst: Range<usize>,
}

/// Byte offset in the white-space-collapsed text (as comparison units hold it) of every
/// code point of `text` (and of its end).
fn collapsed_offsets(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let (mut len, mut pending, mut started) = (0usize, false, false);
    for c in text.chars() {
        if c.is_whitespace() {
            pending = started;
            out.push(len);
            continue;
        }
        if pending {
            len += 1;
            pending = false;
        }
        out.push(len);
        len += c.len_utf8();
        started = true;
    }
    out.push(len);
    out
}

/// The range of a version's compared text (its units joined by a space) that code points
/// `chars` of paragraph `pid` cover, when `pid` is one of `ids`.
fn side_range(doc: &Document, ids: &Ids, pid: &str, chars: &Range<usize>) -> Option<Range<usize>> {
    let list: Vec<&str> = match ids {
        Ids::One(id) => vec![id.as_str()],
        Ids::Many(v) => v.iter().map(String::as_str).collect(),
    };
    let mut base = 0;
    for id in list {
        let p = doc.paragraph(id)?;
        let map = collapsed_offsets(&p.text());
        let end = map.last().copied().unwrap_or(0);
        if id == pid {
            if p.table.is_some() {
                return None;
            }
            let at = |c: usize| map.get(c).copied().unwrap_or(end);
            return Some(base + at(chars.start)..base + at(chars.end));
        }
        base += end + 1;
    }
    None
}

/// Display offset of `n` code points (display helpers not counted) into `text`.
fn skip_chars(text: &str, n: usize) -> usize {
    let mut left = n;
    for (i, c) in text.char_indices() {
        if is_helper(c) {
            continue;
        }
        if left == 0 {
            return i;
        }
        left -= 1;
    }
    text.len()
}

/// Code points (helpers not counted) of `text` before byte `b`.
fn count_chars(text: &str, b: usize) -> usize {
    let mut b = b.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].chars().filter(|c| !is_helper(*c)).count()
}

/// The display ranges of a block showing `range` of a version's text.
fn display_ranges(
    change: &Change,
    pieces: &[Piece],
    display: &str,
    version: Version,
    range: Range<usize>,
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for p in pieces {
        let Some(start) = (match version {
            Version::Old => p.old,
            Version::New => p.new,
        }) else {
            continue;
        };
        let Some(text) = change.edits.get(p.edit).map(|e| e.text.as_str()) else {
            continue;
        };
        let (a, b) = (range.start.max(start), range.end.min(start + text.len()));
        if a >= b {
            continue;
        }
        let Some(shown) = display.get(p.dst.clone()) else {
            continue;
        };
        let from = p.dst.start + skip_chars(shown, count_chars(text, a - start));
        let to = p.dst.start + skip_chars(shown, count_chars(text, b - start));
        match out.last_mut() {
            Some(last) if last.end == from => last.end = to,
            _ if to > from => out.push(from..to),
            _ => {}
        }
    }
    out
}

/// The annotations of both versions, by paragraph, for one frame's worth of blocks.
pub(super) struct Sources<'a> {
    pub(crate) old_doc: &'a Document,
    pub(crate) new_doc: &'a Document,
    pub old: HashMap<&'a str, Vec<&'a Anchored>>,
    pub new: HashMap<&'a str, Vec<&'a Anchored>>,
}

impl<'a> Sources<'a> {
    pub(super) fn new(
        old_doc: &'a Document,
        new_doc: &'a Document,
        old: &'a [Anchored],
        new: &'a [Anchored],
    ) -> Sources<'a> {
        let by = |list: &'a [Anchored]| {
            let mut m: HashMap<&'a str, Vec<&'a Anchored>> = HashMap::new();
            for a in list {
                m.entry(a.paragraph.as_str()).or_default().push(a);
            }
            m
        };
        Sources {
            old_doc,
            new_doc,
            old: by(old),
            new: by(new),
        }
    }

    /// The highlights of a block of change `row` holding `versions` of its text.
    pub(super) fn highlights(
        &self,
        row: usize,
        change: &Change,
        pieces: &[Piece],
        display: &str,
        versions: &[Version],
    ) -> Vec<Highlight> {
        let mut out = Vec::new();
        for &v in versions {
            let (ids, doc, by) = match v {
                Version::Old => (&change.old, self.old_doc, &self.old),
                Version::New => (&change.new, self.new_doc, &self.new),
            };
            let Some(ids) = ids else {
                continue;
            };
            let list: Vec<&str> = match ids {
                Ids::One(id) => vec![id.as_str()],
                Ids::Many(v) => v.iter().map(String::as_str).collect(),
            };
            for pid in list {
                for a in by.get(pid).into_iter().flatten() {
                    let Some(r) = side_range(doc, ids, pid, &a.chars) else {
                        continue;
                    };
                    for range in display_ranges(change, pieces, display, v, r) {
                        out.push(Highlight {
                            block: row,
                            range,
                            color: a.color,
                            id: a.id.clone(),
                            has_note: !a.note.trim().is_empty(),
                        });
                    }
                }
            }
        }
        out
    }
}

/// Paint the highlights of a block placed at `pos` (before its glyphs, as the reader does);
/// returns each highlight with its rectangles on screen.
pub(super) fn paint_highlights<'a>(
    ui: &egui::Ui,
    lay: &BlockLayout,
    pos: Pos2,
    highlights: &'a [Highlight],
    dark: bool,
) -> Vec<(&'a Highlight, Vec<Rect>)> {
    let mut out = Vec::with_capacity(highlights.len());
    for h in highlights {
        let fill = highlight_fill(h.color, dark);
        let rects: Vec<Rect> = lay
            .highlight_rects(h.range.clone())
            .into_iter()
            .map(|[x, y, w, hh]| Rect::from_min_size(pos2(pos.x + x, pos.y + y), vec2(w, hh)))
            .collect();
        for r in &rects {
            ui.painter().rect_filled(*r, 2.0, fill);
        }
        out.push((h, rects));
    }
    out
}

/// The annotation `id` of either version: which, and where it was made.
pub(super) fn find<'a>(notes: &'a [Vec<Anchored>; 2], id: &str) -> Option<(Version, &'a Anchored)> {
    [Version::Old, Version::New]
        .into_iter()
        .zip(notes)
        .find_map(|(v, list)| list.iter().find(|a| a.id == id).map(|a| (v, a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapsed_offsets_follow_the_collapsed_text() {
        let m = collapsed_offsets("  a  bc ");
        // "a bc": a at 0, b at 2, c at 3, end 4.
        assert_eq!(m[2], 0);
        assert_eq!(m[5], 2);
        assert_eq!(m[6], 3);
        assert_eq!(*m.last().unwrap_or(&0), 4);
    }

    #[test]
    fn helpers_are_skipped_when_counting() {
        let shown = "\u{2066}12\u{2069} ب";
        assert_eq!(&shown[skip_chars(shown, 3)..], "ب");
        assert_eq!(count_chars("12 ب", 3), 3);
    }
}
