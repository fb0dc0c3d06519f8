//! Turns cosmic-text layouts into egui meshes over the glyph atlas. Everything Arabic on
//! screen (document, outline, popups, search field) is painted through here.

use super::atlas::GlyphAtlas;
use cosmic_text::{Buffer, FontSystem};
use eframe::egui::{self, Color32, Mesh, Pos2, Rect, Vec2, pos2};
use qarar_text::display::SpanStyle;
use qarar_text::layout::{BlockLayout, unpack_metadata};

/// Colours for each span style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Palette {
    pub body: Color32,
    pub opener: Color32,
    pub verb: Color32,
    pub number: Color32,
    pub marker: Color32,
    pub reference: Color32,
    pub meta: Color32,
    pub title: Color32,
}

impl Palette {
    pub(crate) fn for_visuals(dark: bool) -> Palette {
        if dark {
            Palette {
                body: Color32::from_rgb(0xE6, 0xE2, 0xDA),
                opener: Color32::from_rgb(0x8F, 0xC1, 0xE8),
                verb: Color32::from_rgb(0xF2, 0xEE, 0xE6),
                number: Color32::from_rgb(0xB0, 0xAA, 0xA0),
                marker: Color32::from_rgb(0xF0, 0xA0, 0x60),
                reference: Color32::from_rgb(0x7F, 0xB8, 0xFF),
                meta: Color32::from_rgb(0xA0, 0x9A, 0x90),
                title: Color32::from_rgb(0xF5, 0xF2, 0xEC),
            }
        } else {
            Palette {
                body: Color32::from_rgb(0x12, 0x12, 0x12),
                opener: Color32::from_rgb(0x1F, 0x4E, 0x8C),
                verb: Color32::from_rgb(0x10, 0x10, 0x10),
                number: Color32::from_rgb(0x55, 0x55, 0x55),
                marker: Color32::from_rgb(0xB0, 0x4A, 0x00),
                reference: Color32::from_rgb(0x0B, 0x5C, 0xC4),
                meta: Color32::from_rgb(0x4A, 0x4A, 0x4A),
                title: Color32::from_rgb(0x0C, 0x0C, 0x0C),
            }
        }
    }

    /// Every style in one colour (UI labels, the note editor).
    pub(crate) fn uniform(color: Color32) -> Palette {
        Palette {
            body: color,
            opener: color,
            verb: color,
            number: color,
            marker: color,
            reference: color,
            meta: color,
            title: color,
        }
    }

    pub(crate) fn color(&self, style: SpanStyle) -> Color32 {
        match style {
            SpanStyle::Body | SpanStyle::Emphasis => self.body,
            SpanStyle::Verb => self.verb,
            SpanStyle::Opener => self.opener,
            SpanStyle::Number => self.number,
            SpanStyle::Marker => self.marker,
            SpanStyle::Reference => self.reference,
            SpanStyle::Meta => self.meta,
            SpanStyle::Title => self.title,
        }
    }
}

pub use qarar_text::layout::MARKER_RAISE;

/// Owns the font system and the atlas.
pub struct TextPainter {
    pub fonts: FontSystem,
    pub atlas: GlyphAtlas,
}

impl Default for TextPainter {
    fn default() -> Self {
        TextPainter {
            fonts: qarar_text::fonts::font_system(),
            atlas: GlyphAtlas::default(),
        }
    }
}

impl TextPainter {
    /// A mesh of a laid-out buffer in local coordinates (points, origin at the buffer's
    /// top-left plus `x_offset`). `font_size` is used to raise footnote markers.
    pub(crate) fn mesh(
        &mut self,
        ctx: &egui::Context,
        buffer: &Buffer,
        x_offset: f32,
        font_size: f32,
        palette: &Palette,
    ) -> Mesh {
        loop {
            let generation = self.atlas.generation;
            let mesh = self.try_mesh(ctx, buffer, x_offset, font_size, palette);
            if generation == self.atlas.generation {
                return mesh;
            }
            // The atlas was cleared while building: build again into the fresh atlas.
            if self.atlas.generation > generation + 1 {
                return mesh;
            }
        }
    }

    /// A mesh of a laid-out block, every piece of it (a table's cells) in place, in block
    /// coordinates.
    pub(crate) fn block_mesh(
        &mut self,
        ctx: &egui::Context,
        l: &BlockLayout,
        palette: &Palette,
    ) -> Mesh {
        loop {
            let generation = self.atlas.generation;
            let mut mesh = Mesh::with_texture(self.atlas.texture_id(ctx));
            for p in l.pieces() {
                self.add_glyphs(ctx, &mut mesh, p.buffer, (p.dx, p.dy), l.font_size, palette);
            }
            if generation == self.atlas.generation || self.atlas.generation > generation + 1 {
                return mesh;
            }
        }
    }

    fn try_mesh(
        &mut self,
        ctx: &egui::Context,
        buffer: &Buffer,
        x_offset: f32,
        font_size: f32,
        palette: &Palette,
    ) -> Mesh {
        let mut mesh = Mesh::with_texture(self.atlas.texture_id(ctx));
        self.add_glyphs(ctx, &mut mesh, buffer, (x_offset, 0.0), font_size, palette);
        mesh
    }

    /// Add the glyphs of `buffer` to `mesh`, its origin at `(dx, dy)`.
    fn add_glyphs(
        &mut self,
        ctx: &egui::Context,
        mesh: &mut Mesh,
        buffer: &Buffer,
        (dx, dy): (f32, f32),
        font_size: f32,
        palette: &Palette,
    ) {
        let ppp = ctx.pixels_per_point();
        let atlas_size = self.atlas.size();
        for run in buffer.layout_runs() {
            for glyph in run.glyphs {
                let style = unpack_metadata(glyph.metadata).style;
                let raise = if style == SpanStyle::Marker {
                    font_size * MARKER_RAISE
                } else {
                    0.0
                };
                let physical = glyph.physical((dx, dy + run.line_y - raise), ppp);
                let Ok(Some(g)) = self.atlas.get(ctx, &mut self.fonts, physical.cache_key) else {
                    continue;
                };
                let x = (physical.x + g.left) as f32 / ppp;
                let y = (physical.y - g.top) as f32 / ppp;
                let [tx, ty, tw, th] = g.texel;
                let rect =
                    Rect::from_min_size(pos2(x, y), Vec2::new(tw as f32 / ppp, th as f32 / ppp));
                let uv = Rect::from_min_max(
                    pos2(tx as f32 / atlas_size, ty as f32 / atlas_size),
                    pos2((tx + tw) as f32 / atlas_size, (ty + th) as f32 / atlas_size),
                );
                let color = if g.color {
                    Color32::WHITE
                } else {
                    palette.color(style)
                };
                mesh.add_rect_with_uv(rect, uv, color);
            }
        }
    }
}

/// Translate a cached mesh to a screen position.
pub fn placed(mesh: &Mesh, origin: Pos2) -> Mesh {
    let mut m = mesh.clone();
    m.translate(origin.to_vec2());
    m
}

/// How to set a small piece of UI text (outline entry, popup, search field).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelStyle {
    pub size: f32,
    pub bold: bool,
    pub color: Color32,
    pub direction: qarar_document::Direction,
    /// Wrap width; the box is this wide.
    pub width: f32,
    pub line_height: f32,
}

impl LabelStyle {
    /// Regular text at `size`, 1.5 lines apart, wrapped at `width`.
    pub fn new(
        size: f32,
        color: Color32,
        direction: qarar_document::Direction,
        width: f32,
    ) -> LabelStyle {
        LabelStyle {
            size,
            bold: false,
            color,
            direction,
            width,
            line_height: 1.5,
        }
    }

    pub fn line_height(self, line_height: f32) -> LabelStyle {
        LabelStyle {
            line_height,
            ..self
        }
    }
}

/// A laid-out label: its mesh in local coordinates and its size.
#[derive(Clone)]
pub struct Label {
    pub(crate) mesh: std::sync::Arc<Mesh>,
    pub size: Vec2,
    /// Width of the longest line.
    pub(crate) line_width: f32,
}

type LabelKey = (String, [u32; 4], bool, [u8; 4], bool, u64);

/// Cache of labels, so that UI text is shaped once.
#[derive(Default)]
pub struct LabelCache {
    map: std::collections::HashMap<LabelKey, Label>,
}

impl TextPainter {
    /// Lay out and cache a label. Text goes through cosmic-text like the document.
    pub fn label(
        &mut self,
        ctx: &egui::Context,
        cache: &mut LabelCache,
        text: &str,
        style: LabelStyle,
    ) -> Label {
        self.label_marked(ctx, cache, text, style, &[], style.color)
    }

    /// A label whose byte ranges `marks` (matches of a search) are set in bold, in
    /// `mark_color`.
    pub(crate) fn label_marked(
        &mut self,
        ctx: &egui::Context,
        cache: &mut LabelCache,
        text: &str,
        style: LabelStyle,
        marks: &[std::ops::Range<usize>],
        mark_color: Color32,
    ) -> Label {
        let ppp = ctx.pixels_per_point();
        // Clean, ordered, non-overlapping marks on character boundaries.
        let mut clean: Vec<std::ops::Range<usize>> = Vec::new();
        let mut sorted = marks.to_vec();
        sorted.sort_by_key(|r| r.start);
        for r in sorted {
            let start = r.start.max(clean.last().map_or(0, |l| l.end));
            let end = r.end.min(text.len());
            if start < end && text.is_char_boundary(start) && text.is_char_boundary(end) {
                clean.push(start..end);
            }
        }
        let key_text = if clean.is_empty() {
            text.to_string()
        } else {
            format!("{text}\u{0}{clean:?}{:?}", mark_color.to_array())
        };
        let key: LabelKey = (
            key_text,
            [
                style.size.to_bits(),
                style.width.to_bits(),
                ppp.to_bits(),
                style.line_height.to_bits(),
            ],
            style.bold,
            style.color.to_array(),
            style.direction == qarar_document::Direction::Rtl,
            self.atlas.generation,
        );
        if let Some(l) = cache.map.get(&key) {
            return l.clone();
        }
        if cache.map.len() > 4000 {
            cache.map.clear();
        }
        let rtl = style.direction == qarar_document::Direction::Rtl;
        let family = if rtl {
            cosmic_text::Family::Name(qarar_text::fonts::ARABIC_FAMILY)
        } else {
            cosmic_text::Family::Name(qarar_text::fonts::LATIN_FAMILY)
        };
        let mut attrs = cosmic_text::Attrs::new().family(family);
        if style.bold {
            attrs = attrs.weight(cosmic_text::Weight::BOLD);
        }
        let line = (style.size * style.line_height).round();
        let mut buffer = Buffer::new(&mut self.fonts, cosmic_text::Metrics::new(style.size, line));
        buffer.set_size(Some(style.width.max(10.0)), None);
        let mark = if rtl { '\u{200F}' } else { '\u{200E}' };
        let align = if rtl {
            cosmic_text::Align::Right
        } else {
            cosmic_text::Align::Left
        };
        // Plain and marked pieces, each protected (no break inside a symbol).
        let mut pieces: Vec<(String, bool)> = Vec::new();
        let mut at = 0;
        for r in &clean {
            pieces.push((text[at..r.start].to_string(), false));
            pieces.push((text[r.clone()].to_string(), true));
            at = r.end;
        }
        pieces.push((text[at..].to_string(), false));
        let marked_attrs = attrs.clone().weight(cosmic_text::Weight::BOLD).metadata(
            qarar_text::layout::pack_metadata(qarar_text::layout::GlyphTag::plain(
                qarar_text::display::SpanStyle::Reference,
            )),
        );
        let shown: Vec<(String, bool)> = pieces
            .into_iter()
            .enumerate()
            .map(|(i, (t, m))| {
                let t = qarar_text::display::protect_symbols(&t);
                let t = qarar_util::cap_bidi_depth(&t).into_owned();
                (if i == 0 { format!("{mark}{t}") } else { t }, m)
            })
            .collect();
        buffer.set_rich_text(
            shown.iter().map(|(t, m)| {
                (
                    t.as_str(),
                    if *m {
                        marked_attrs.clone()
                    } else {
                        attrs.clone()
                    },
                )
            }),
            &attrs,
            cosmic_text::Shaping::Advanced,
            Some(align),
        );
        buffer.shape_until_scroll(&mut self.fonts, false);
        let height = buffer
            .layout_runs()
            .last()
            .map(|r| r.line_top + r.line_height)
            .unwrap_or(line);
        let line_width = buffer.layout_runs().map(|r| r.line_w).fold(0.0, f32::max);
        let palette = Palette {
            reference: mark_color,
            ..Palette::uniform(style.color)
        };
        let mesh = self.mesh(ctx, &buffer, 0.0, style.size, &palette);
        let label = Label {
            mesh: std::sync::Arc::new(mesh),
            size: Vec2::new(style.width, height),
            line_width,
        };
        let key = (key.0, key.1, key.2, key.3, key.4, self.atlas.generation);
        cache.map.insert(key, label.clone());
        label
    }
}

impl TextPainter {
    /// Shape a label (cached), give it its room in `ui` and paint it there. Screen readers
    /// read it by its text.
    pub(crate) fn show_label(
        &mut self,
        ui: &mut egui::Ui,
        cache: &mut LabelCache,
        text: &str,
        style: LabelStyle,
    ) -> egui::Response {
        let label = self.label(ui.ctx(), cache, text, style);
        let (rect, resp) = ui.allocate_exact_size(label.size, egui::Sense::hover());
        paint_label(ui.painter(), &label, rect.min);
        let text = text.to_string();
        resp.widget_info(move || {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, &text)
        });
        resp
    }
}

/// Paint a label with its top-left at `pos`.
pub(crate) fn paint_label(painter: &egui::Painter, label: &Label, pos: Pos2) {
    painter.add(egui::Shape::mesh(placed(&label.mesh, pos)));
}

/// The frame of a text field (note editor, search and filter fields): the field background
/// and a border that shows keyboard focus.
pub(crate) fn field_frame(ui: &egui::Ui, rect: egui::Rect, focused: bool) {
    let visuals = ui.visuals();
    let stroke = if focused {
        visuals.selection.stroke
    } else {
        visuals.widgets.inactive.bg_stroke
    };
    ui.painter().rect(
        rect,
        4.0,
        visuals.extreme_bg_color,
        stroke,
        egui::StrokeKind::Inside,
    );
}
