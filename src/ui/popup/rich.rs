//! A footnote's text in its popup as it reads in the body: shaped by cosmic-text, with its
//! references painted and clickable (links for assistive technology), laid out once.

use crate::ui::text_painter::{Palette, TextPainter, placed};
use crate::ui::view::link_label;
use crate::ui::view::links::{LinkPart, link_parts};
use eframe::egui::{self, CursorIcon, Id, Mesh, Sense, vec2};
use qarar_document::{Document, Footnote, Paragraph, ParagraphKind};
use qarar_text::display::{Block, BlockKind, Link, paragraph_display};
use qarar_text::layout::{BlockLayout, Typography, layout_block};

/// What was laid out, for which footnote, width, glyph atlas and theme.
struct Cached {
    key: (String, u32, u64, bool),
    layout: BlockLayout,
    mesh: Mesh,
    parts: Vec<LinkPart>,
    links: Vec<Link>,
    /// The text as read (for assistive technology).
    text: String,
}

/// The popup's laid-out footnote text, kept while the same footnote is shown.
#[derive(Default)]
pub(crate) struct RichText {
    cached: Option<Cached>,
}

/// Show footnote `f` `width` points wide; returns the reference clicked in it, if any, and
/// where (screen coordinates).
pub(super) fn footnote_text(
    ui: &mut egui::Ui,
    painter: &mut TextPainter,
    rich: &mut RichText,
    doc: &Document,
    f: &Footnote,
    width: f32,
) -> Option<(usize, egui::Pos2)> {
    let dark = ui.visuals().dark_mode;
    let key = |generation| (f.id.clone(), width.to_bits(), generation, dark);
    if rich
        .cached
        .as_ref()
        .is_none_or(|c| c.key != key(painter.atlas.generation))
    {
        let p = Paragraph {
            id: f.id.clone(),
            kind: ParagraphKind::Plain,
            number: None,
            label: None,
            lead: None,
            runs: f.runs.clone(),
            children: Vec::new(),
            source: 0..0,
            source_id: None,
            table: None,
        };
        let display = paragraph_display(&p, &doc.references, doc.meta.direction);
        let text = display.logical(0..display.text.len());
        let block = Block {
            kind: BlockKind::Paragraph {
                id: f.id.clone(),
                depth: 0,
            },
            display,
            direction: doc.meta.direction,
        };
        let typo = Typography {
            body_size: 17.0,
            line_height: 1.6,
            zoom: 1.0,
            indent: 0.0,
            justify: false,
        };
        let layout = layout_block(&mut painter.fonts, &block, &typo, width);
        let palette = Palette::for_visuals(dark);
        let mesh = painter.block_mesh(ui.ctx(), &layout, &palette);
        rich.cached = Some(Cached {
            key: key(painter.atlas.generation),
            parts: link_parts(&layout),
            links: block.display.links.clone(),
            layout,
            mesh,
            text,
        });
    }
    let c = rich.cached.as_ref()?;
    let (rect, resp) = ui.allocate_exact_size(vec2(width, c.layout.height), Sense::hover());
    ui.painter()
        .add(egui::Shape::mesh(placed(&c.mesh, rect.min)));
    resp.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, &c.text);
        info.hint_text = Some(crate::ui::i18n::t("popup-footnote-text"));
        info
    });
    let targets: Vec<String> = doc.references.iter().map(|r| r.target.clone()).collect();
    let mut clicked = None;
    for part in &c.parts {
        let Some(link) = c.links.get(part.link - 1) else {
            continue;
        };
        let r = part.rect.translate(rect.min.to_vec2());
        let id = Id::unique(("qarar-popup-link", &f.id, part.link, part.part));
        let resp = ui.interact(r, id, Sense::click());
        let label = link_label(link, &targets);
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Link, true, &label));
        if resp.on_hover_cursor(CursorIcon::PointingHand).clicked()
            && let Link::Reference { index } = link
        {
            clicked = Some((*index, r.left_bottom()));
        }
    }
    clicked
}
