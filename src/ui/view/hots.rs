//! Where the footnote markers and references of a laid-out block are: one rectangle per hot
//! span and line, shared by hit-testing, painting and the accessibility tree.

use crate::text::display::SpanStyle;
use crate::text::layout::{BlockLayout, unpack_metadata};
use crate::ui::text_painter::MARKER_RAISE;
use eframe::egui::{Id, Rect, Vec2, pos2, vec2};

/// One line's part of a hot span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct HotPart {
    /// Index + 1 into the block's hots.
    pub hot: usize,
    /// Visual line (layout run) it stands on.
    pub line: usize,
    /// Its number among the parts of the same hot (0 on its first line).
    pub part: usize,
    /// Block coordinates.
    pub rect: Rect,
}

/// The widget (and accessibility node) id of a hot span's part.
pub(crate) fn hot_id(salt: u64, block: usize, hot: usize, part: usize) -> Id {
    Id::unique(("qarar-hot", salt, block, hot, part))
}

/// Rectangles of hot spans in block coordinates, merged per line.
pub(crate) fn hot_parts(l: &BlockLayout) -> Vec<HotPart> {
    let mut out: Vec<HotPart> = Vec::new();
    for (line, ln) in l.lines().iter().enumerate() {
        let run = &ln.run;
        let mut line_rects: Vec<(usize, Rect)> = Vec::new();
        for g in run.glyphs {
            let (style, hot) = unpack_metadata(g.metadata);
            if hot == 0 {
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
            match line_rects.iter_mut().find(|(h, _)| *h == hot) {
                Some((_, existing)) => *existing = existing.union(r),
                None => line_rects.push((hot, r)),
            }
        }
        for (hot, r) in line_rects {
            // Markers are small: give them a comfortable target.
            let rect = if r.width() < 14.0 {
                r.expand2(vec2((14.0 - r.width()) / 2.0, 0.0))
            } else {
                r
            };
            let part = out.iter().filter(|p| p.hot == hot).count();
            out.push(HotPart {
                hot,
                line,
                part,
                rect,
            });
        }
    }
    out
}
