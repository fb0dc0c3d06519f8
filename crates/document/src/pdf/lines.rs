//! Glyphs → lines → words. Glyphs whose baselines lie within half a font size of each other
//! make one line (a raised footnote marker joins the line it is raised from); a line is cut
//! where a gap wider than three font sizes separates two stretches (the two columns of a cover
//! page, a table's cells). Inside a stretch, a gap wider than a fifth of the size is a space;
//! raised, smaller digits become superscript digits (the footnote markers the plain reader
//! knows). The order of glyphs in the file plays no part: a line is read by position, then
//! put in logical order by [`super::bidi`].

use super::bidi;
use super::glyphs::Glyph;

/// A line of text as read from one page.
#[derive(Debug, Clone)]
pub(super) struct Line {
    /// In logical order.
    pub text: String,
    /// Left and right edges of the line's glyphs.
    pub x0: f32,
    pub x1: f32,
    /// Baseline of the line's body glyphs.
    pub y: f32,
    /// The size of most of its glyphs.
    pub size: f32,
    /// Whether the line reads right to left.
    pub rtl: bool,
    /// Whether its first glyphs are raised and small (a footnote's marker).
    pub starts_raised: bool,
}

impl Line {
    /// The edge a line starts from: the left for left-to-right, the right for right-to-left
    /// (as distance from the page's right edge, so that larger is further in).
    pub(super) fn start(&self, width: f32) -> f32 {
        if self.rtl { width - self.x1 } else { self.x0 }
    }
    /// How far from the end margin the line stops (distance from the page edge it runs to).
    pub(super) fn end(&self, width: f32) -> f32 {
        if self.rtl { width - self.x0 } else { self.x1 }
    }
}

/// Gap, in font sizes, that cuts a line in two.
const COLUMN_GAP: f32 = 3.0;

/// The lines of one page, top to bottom (lines on one baseline left to right).
pub(super) fn page_lines(glyphs: &[Glyph], doc_rtl: bool) -> Vec<Line> {
    let mut order: Vec<usize> = (0..glyphs.len()).collect();
    order.sort_by(|&a, &b| glyphs[a].y.total_cmp(&glyphs[b].y));
    let mut out = Vec::new();
    let mut group: Vec<usize> = Vec::new();
    let (mut ref_y, mut ref_size) = (0.0f32, 0.0f32);
    for i in order {
        let g = &glyphs[i];
        let joins = !group.is_empty() && (g.y - ref_y).abs() <= 0.5 * ref_size.max(g.size);
        if !joins && !group.is_empty() {
            split_line(glyphs, &mut group, doc_rtl, &mut out);
            group.clear();
        }
        if group.is_empty() || g.size > ref_size * 1.05 {
            ref_y = g.y;
            ref_size = g.size;
        }
        group.push(i);
    }
    if !group.is_empty() {
        split_line(glyphs, &mut group, doc_rtl, &mut out);
    }
    out
}

/// Sort one baseline's glyphs left to right, cut it at column gaps and read each stretch.
fn split_line(glyphs: &[Glyph], group: &mut [usize], doc_rtl: bool, out: &mut Vec<Line>) {
    group.sort_by(|&a, &b| glyphs[a].x0.total_cmp(&glyphs[b].x0));
    // The size of most glyphs and their baseline.
    let mut sizes: Vec<f32> = group.iter().map(|&i| glyphs[i].size).collect();
    sizes.sort_by(f32::total_cmp);
    let size = sizes[sizes.len() / 2];
    let mut start = 0;
    let mut right = f32::MIN;
    for k in 0..group.len() {
        let g = &glyphs[group[k]];
        if k > start && g.x0 - right > COLUMN_GAP * size && !g.text.trim().is_empty() {
            out.extend(read_stretch(glyphs, &group[start..k], size, doc_rtl));
            start = k;
        }
        if !g.text.trim().is_empty() {
            right = right.max(g.x1);
        }
    }
    out.extend(read_stretch(glyphs, &group[start..], size, doc_rtl));
}

/// Whether a character is a combining mark drawn over its base (Arabic harakat and the like).
pub(super) fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}'
        | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{08D3}'..='\u{08FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}'
    )
}

const SUPERSCRIPT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// One stretch of glyphs (left to right) as a line.
fn read_stretch(glyphs: &[Glyph], idx: &[usize], size: f32, doc_rtl: bool) -> Option<Line> {
    let body: Vec<&Glyph> = idx
        .iter()
        .map(|&i| &glyphs[i])
        .filter(|g| !g.text.trim().is_empty())
        .collect();
    let first = body.first()?;
    // The baseline of the body-size glyphs.
    let base = body
        .iter()
        .filter(|g| g.size >= size * 0.9)
        .map(|g| g.y)
        .fold(f32::NAN, f32::max);
    let base = if base.is_nan() { first.y } else { base };
    // Units in visual order: a glyph's text (marks attached to their base) or a space.
    let mut units: Vec<(String, f32, f32)> = Vec::with_capacity(body.len());
    let mut right = f32::MIN;
    let mut raised_at_start = false;
    let mut last_raised = false;
    for (k, g) in body.iter().enumerate() {
        // A glyph painted twice over itself (fake bold) is read once.
        if let Some(prev) = units.last()
            && prev.0 == g.text
            && (prev.1 - g.x0).abs() < 0.3
        {
            continue;
        }
        if g.text.chars().all(is_mark)
            && let Some(prev) = units.last_mut()
            && (g.x0 <= prev.2 + 0.1 * size)
        {
            prev.0.push_str(&g.text);
            continue;
        }
        let raised = g.size < size * 0.85 && g.y < base - 0.15 * size;
        // A digit glued between two Arabic letters is a justification kashida whose glyph
        // the producer mapped to no letter (LibreOffice).
        let arabic = |c: Option<char>| {
            c.is_some_and(|c| matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}'))
        };
        if !raised
            && g.text.len() == 1
            && g.text.as_bytes()[0].is_ascii_digit()
            && arabic(units.last().and_then(|u| u.0.chars().last()))
            && arabic(body.get(k + 1).and_then(|n| n.text.chars().next()))
            && g.x0 - right < 0.1 * size
            && body.get(k + 1).is_some_and(|n| n.x0 - g.x1 < 0.1 * size)
        {
            continue;
        }
        // Brackets raised with a marker (`⁽⁸⁾` as a browser prints `<sup>(8)</sup>`) go.
        if raised && matches!(g.text.as_str(), "(" | ")" | "[" | "]") {
            continue;
        }
        let mut text = g.text.clone();
        if raised && text.chars().all(|c| c.is_ascii_digit()) {
            text = text
                .chars()
                .map(|c| SUPERSCRIPT[c as usize - '0' as usize])
                .collect();
        }
        if k == 0 {
            raised_at_start = raised;
        }
        if let Some(prev) = units.last() {
            let gap = g.x0 - right;
            let both_cjk = prev.0.chars().last().is_some_and(is_cjk)
                || text.chars().next().is_some_and(is_cjk);
            let limit = if both_cjk { 0.6 } else { 0.18 };
            // A marker run ends where full-size text resumes: a space after a raised marker
            // at the line's start ("¹ United Nations").
            let after_marker = last_raised && !raised && k > 0 && raised_at_start;
            if (gap > limit * g.size.max(size * 0.8) || after_marker) && prev.0 != " " {
                units.push((" ".into(), right, g.x0));
            }
        }
        last_raised = raised;
        right = right.max(g.x1);
        units.push((text, g.x0, g.x1));
    }
    let x0 = body.iter().map(|g| g.x0).fold(f32::MAX, f32::min);
    let x1 = body.iter().map(|g| g.x1).fold(f32::MIN, f32::max);
    let texts: Vec<String> = units.into_iter().map(|u| u.0).collect();
    let (text, rtl) = bidi::logical(texts, doc_rtl);
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(Line {
        text,
        x0,
        x1,
        y: base,
        size,
        rtl,
        starts_raised: raised_at_start,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x0: f32, y: f32, size: f32) -> Glyph {
        let w = size * 0.5 * text.chars().count() as f32;
        Glyph {
            text: text.into(),
            x0,
            x1: x0 + w,
            y,
            size,
        }
    }

    #[test]
    fn words_by_gaps_and_raised_digits_as_markers() {
        let glyphs = vec![
            g("o", 16.0, 100.0, 12.0),
            g("N", 10.0, 100.0, 12.0),
            g("1", 22.5, 96.0, 7.0),
            g("y", 40.0, 100.0, 12.0),
            g("e", 46.0, 100.0, 12.0),
            g("s", 52.0, 100.0, 12.0),
            g("n", 10.0, 114.0, 12.0),
        ];
        let lines = page_lines(&glyphs, false);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "No¹ yes");
        assert_eq!(lines[1].text, "n");
    }
}
