//! Positioned glyphs out of a PDF: every page's content interpreted by `hayro-interpret`,
//! each painted glyph kept with its Unicode text, its left and right edge, its baseline and
//! its size, in page coordinates with y growing downwards. Horizontal rules (thin filled or
//! stroked shapes) are kept too: the footnote separator is one.

use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect, Shape, Vec2};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps,
    InterpreterCache, InterpreterSettings, SoftMask, interpret_page,
};

/// The most glyphs read from one file; the rest is left out with a notice.
pub(super) const MAX_GLYPHS: usize = 2_000_000;
/// The most pages read from one file.
pub(super) const MAX_PAGES: usize = 2_000;
/// A page whose decoded content is larger than this is skipped (a content bomb).
const MAX_PAGE_STREAM: usize = 32 * 1024 * 1024;

/// One painted glyph.
#[derive(Debug, Clone)]
pub(super) struct Glyph {
    pub text: String,
    /// Left and right edges (the advance), in points from the page's left.
    pub x0: f32,
    pub x1: f32,
    /// Baseline, in points from the page's top.
    pub y: f32,
    /// Font size in points.
    pub size: f32,
}

/// A page: its glyphs in painting order, its horizontal rules and its size.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub glyphs: Vec<Glyph>,
    /// Horizontal rules: (x0, x1, y).
    pub rules: Vec<(f32, f32, f32)>,
    pub width: f32,
    pub height: f32,
    /// Images painted on the page (a scanned page is one).
    pub images: usize,
}

/// What was read from the file.
#[derive(Debug, Default)]
pub(super) struct Pages {
    pub pages: Vec<Page>,
    /// Whether a limit cut the reading short.
    pub truncated: bool,
}

/// Interpret every page of `pdf`, within the limits above.
pub(super) fn read(pdf: &Pdf) -> Pages {
    let mut out = Pages::default();
    let settings = InterpreterSettings::default();
    let cache = InterpreterCache::new();
    let mut total = 0usize;
    for (index, page) in pdf.pages().iter().enumerate() {
        if index >= MAX_PAGES || total >= MAX_GLYPHS {
            out.truncated = true;
            break;
        }
        let (width, height) = page.render_dimensions();
        let mut collector = Collector {
            page: Page {
                width,
                height,
                ..Page::default()
            },
            budget: MAX_GLYPHS - total,
            truncated: false,
            spans: Vec::new(),
        };
        if page
            .page_stream()
            .is_some_and(|s| s.len() > MAX_PAGE_STREAM)
        {
            out.truncated = true;
        } else {
            let mut context = Context::new(
                Affine::new(page.initial_transform(true).as_coeffs()),
                Rect::new(0.0, 0.0, f64::from(width), f64::from(height)),
                &cache,
                pdf.xref(),
                settings.clone(),
            );
            interpret_page(page, &mut context, &mut collector);
        }
        total += collector.page.glyphs.len();
        out.truncated |= collector.truncated;
        out.pages.push(collector.page);
    }
    out
}

/// The device that records glyphs and rules.
struct Collector {
    page: Page,
    budget: usize,
    truncated: bool,
    /// Open marked-content sequences: the ActualText of each (if any) and the index of its
    /// first glyph.
    spans: Vec<(Option<String>, usize)>,
}

/// A PDF text string: UTF-16 with its byte-order mark, else PDFDocEncoding (read as Latin-1,
/// which it equals for the letters an ActualText holds).
fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

impl Collector {
    fn rule(&mut self, bbox: Rect) {
        let (w, h) = (bbox.width(), bbox.height());
        if w > 20.0 && h < 2.5 && w.is_finite() && h.is_finite() {
            self.page
                .rules
                .push((bbox.x0 as f32, bbox.x1 as f32, bbox.center().y as f32));
        }
    }
}

impl<'a> Device<'a> for Collector {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, _: &DrawMode) {
        if self.page.rules.len() < 10_000 {
            self.rule((props.transform * path.clone()).bounding_box());
        }
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
        for glyph in run.glyphs() {
            if self.budget == 0 {
                self.truncated = true;
                return;
            }
            let Some(text) = glyph.as_unicode().map(|u| match u {
                BfString::Char(c) => c.to_string(),
                BfString::String(s) => s,
            }) else {
                continue;
            };
            let full: Affine = props.transform * glyph.transform();
            let origin = full * Point::ZERO;
            // Glyph space is 1000 units to the em.
            let em: Vec2 = full * Point::new(0.0, 1000.0) - origin;
            let size = em.hypot() as f32;
            let advance = match &**glyph {
                hayro_interpret::font::Glyph::Outline(g) => g.advance_width(),
                hayro_interpret::font::Glyph::Type3(g) => g.advance_width(),
            }
            .unwrap_or(500.0);
            let end = full * Point::new(f64::from(advance), 0.0);
            let (x0, x1) = (origin.x.min(end.x) as f32, origin.x.max(end.x) as f32);
            let y = origin.y as f32;
            if !(x0.is_finite() && x1.is_finite() && y.is_finite() && size.is_finite())
                || size < 0.5
                || text.chars().all(char::is_control)
            {
                continue;
            }
            self.budget -= 1;
            self.page.glyphs.push(Glyph {
                text,
                x0,
                x1,
                y,
                size,
            });
        }
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.page.images += 1;
    }

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}

    fn begin_marked_content(
        &mut self,
        _: &[u8],
        properties: Option<&hayro_interpret::hayro_syntax::object::Dict<'_>>,
    ) {
        if self.spans.len() >= 64 {
            return;
        }
        let actual = properties
            .and_then(|p| p.get::<hayro_interpret::hayro_syntax::object::String>(b"ActualText"))
            .map(|s| text_string(s.as_bytes()));
        self.spans.push((actual, self.page.glyphs.len()));
    }

    /// The glyphs of a span with an ActualText become one glyph carrying that text, over
    /// the span's extent (the producer's word for what its glyphs mean).
    fn end_marked_content(&mut self) {
        let Some((Some(actual), start)) = self.spans.pop() else {
            return;
        };
        let glyphs = &mut self.page.glyphs;
        if start >= glyphs.len() {
            return;
        }
        let (x0, x1) = glyphs[start..]
            .iter()
            .fold((f32::MAX, f32::MIN), |(a, b), g| (a.min(g.x0), b.max(g.x1)));
        glyphs.truncate(start + 1);
        let g = &mut glyphs[start];
        g.text = actual;
        g.x0 = x0;
        g.x1 = x1;
    }

    fn draw_rect(&mut self, rect: &Rect, props: DrawProps<'a>, _: &DrawMode) {
        self.rule((props.transform * rect.to_path(0.1)).bounding_box());
    }
}
