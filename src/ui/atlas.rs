//! Glyph atlas: glyphs rasterized by swash (through cosmic-text's `SwashCache`) into one egui
//! texture, uploaded with partial updates. When the atlas is full it is cleared and its
//! generation bumped, so cached meshes know to rebuild.

use cosmic_text::{CacheKey, FontSystem, SwashCache, SwashContent};
use eframe::egui::{self, Color32, ColorImage, TextureHandle, TextureOptions};
use std::collections::HashMap;

const SIZE: usize = 2048;
const PAD: usize = 1;

/// Where a glyph sits in the atlas and how to place it relative to its origin.
#[derive(Debug, Clone, Copy)]
pub struct AtlasGlyph {
    /// Texel rectangle in the atlas: x, y, w, h.
    pub(crate) texel: [usize; 4],
    pub left: i32,
    pub top: i32,
    /// Colour glyph (emoji): not tinted.
    pub color: bool,
}

pub struct GlyphAtlas {
    texture: Option<TextureHandle>,
    swash: SwashCache,
    glyphs: HashMap<CacheKey, Option<AtlasGlyph>>,
    cursor_x: usize,
    cursor_y: usize,
    row_height: usize,
    /// Bumped every time the atlas is cleared.
    pub(crate) generation: u64,
}

impl Default for GlyphAtlas {
    fn default() -> Self {
        GlyphAtlas {
            texture: None,
            swash: SwashCache::new(),
            glyphs: HashMap::new(),
            cursor_x: 0,
            cursor_y: 0,
            row_height: 0,
            generation: 0,
        }
    }
}

impl GlyphAtlas {
    pub(crate) fn texture_id(&mut self, ctx: &egui::Context) -> egui::TextureId {
        self.texture(ctx).id()
    }

    fn texture(&mut self, ctx: &egui::Context) -> &mut TextureHandle {
        self.texture.get_or_insert_with(|| {
            ctx.load_texture(
                "qarar-glyph-atlas",
                ColorImage::filled([SIZE, SIZE], Color32::TRANSPARENT),
                TextureOptions::LINEAR,
            )
        })
    }

    pub fn size(&self) -> f32 {
        SIZE as f32
    }

    /// The atlas entry of a glyph, rasterizing and uploading it on first use. `None` for
    /// glyphs with no ink (spaces). Returns `Err(())` when the atlas had to be cleared: the
    /// caller should rebuild what it was drawing.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        fonts: &mut FontSystem,
        key: CacheKey,
    ) -> Result<Option<AtlasGlyph>, AtlasFull> {
        if let Some(g) = self.glyphs.get(&key) {
            return Ok(*g);
        }
        let Some(image) = self.swash.get_image_uncached(fonts, key) else {
            self.glyphs.insert(key, None);
            return Ok(None);
        };
        let w = image.placement.width as usize;
        let h = image.placement.height as usize;
        if w == 0 || h == 0 || w + PAD > SIZE || h + PAD > SIZE {
            self.glyphs.insert(key, None);
            return Ok(None);
        }
        if self.cursor_x + w + PAD > SIZE {
            self.cursor_x = 0;
            self.cursor_y += self.row_height + PAD;
            self.row_height = 0;
        }
        if self.cursor_y + h + PAD > SIZE {
            self.clear();
            return Err(AtlasFull);
        }
        let (x, y) = (self.cursor_x, self.cursor_y);
        self.cursor_x += w + PAD;
        self.row_height = self.row_height.max(h);
        let mut pixels = Vec::with_capacity(w * h);
        let color = match image.content {
            SwashContent::Mask => {
                for &a in &image.data {
                    pixels.push(Color32::from_rgba_premultiplied(a, a, a, a));
                }
                false
            }
            SwashContent::Color => {
                for px in image.data.chunks_exact(4) {
                    pixels.push(Color32::from_rgba_unmultiplied(px[0], px[1], px[2], px[3]));
                }
                true
            }
            SwashContent::SubpixelMask => {
                for px in image.data.chunks_exact(4) {
                    let a = ((px[0] as u16 + px[1] as u16 + px[2] as u16) / 3) as u8;
                    pixels.push(Color32::from_rgba_premultiplied(a, a, a, a));
                }
                false
            }
        };
        if pixels.len() != w * h {
            self.glyphs.insert(key, None);
            return Ok(None);
        }
        let img = ColorImage::new([w, h], pixels);
        self.texture(ctx)
            .set_partial([x, y], img, TextureOptions::LINEAR);
        let g = AtlasGlyph {
            texel: [x, y, w, h],
            left: image.placement.left,
            top: image.placement.top,
            color,
        };
        self.glyphs.insert(key, Some(g));
        Ok(Some(g))
    }

    fn clear(&mut self) {
        self.glyphs.clear();
        self.cursor_x = 0;
        self.cursor_y = 0;
        self.row_height = 0;
        self.generation += 1;
    }
}

/// The atlas was full and has been cleared.
#[derive(Debug, Clone, Copy)]
pub struct AtlasFull;
