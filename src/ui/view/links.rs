//! Where the footnote markers and references of a laid-out block are: one rectangle per link
//! span and line, shared by hit-testing, painting and the accessibility tree.

use crate::ui::text_painter::MARKER_RAISE;
use eframe::egui::{Id, Rect, Vec2, pos2, vec2};
use qarar_text::display::SpanStyle;
use qarar_text::layout::{BlockLayout, unpack_metadata};

/// One line's part of a link span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LinkPart {
    /// Index + 1 into the block's links.
    pub link: usize,
    /// Visual line (layout run) it stands on.
    pub line: usize,
    /// Its number among the parts of the same link (0 on its first line).
    pub part: usize,
    /// Block coordinates.
    pub rect: Rect,
}

/// The widget (and accessibility node) id of a link span's part.
pub(crate) fn link_id(salt: u64, block: usize, link: usize, part: usize) -> Id {
    Id::unique(("qarar-link", salt, block, link, part))
}

/// Rectangles of link spans in block coordinates, merged per line.
pub(crate) fn link_parts(l: &BlockLayout) -> Vec<LinkPart> {
    let mut out: Vec<LinkPart> = Vec::new();
    for (line, ln) in l.lines().iter().enumerate() {
        let run = &ln.run;
        let mut line_rects: Vec<(usize, Rect)> = Vec::new();
        for g in run.glyphs {
            let qarar_text::layout::GlyphTag { style, link, .. } = unpack_metadata(g.metadata);
            if link == 0 {
                continue;
            }
            let raise = if style == SpanStyle::Marker {
                l.font_size * MARKER_RAISE
            } else {
                0.0
            };
            let r = Rect::from_min_size(
                pos2(g.x + ln.x(), ln.top() + run.line_height * 0.15 - raise),
                Vec2::new(g.w.max(1.0), run.line_height * 0.75),
            );
            match line_rects.iter_mut().find(|(h, _)| *h == link) {
                Some((_, existing)) => *existing = existing.union(r),
                None => line_rects.push((link, r)),
            }
        }
        for (link, r) in line_rects {
            // Markers are small: give them a comfortable target.
            let rect = if r.width() < 14.0 {
                r.expand2(vec2((14.0 - r.width()) / 2.0, 0.0))
            } else {
                r
            };
            let part = out.iter().filter(|p| p.link == link).count();
            out.push(LinkPart {
                link,
                line,
                part,
                rect,
            });
        }
    }
    out
}
