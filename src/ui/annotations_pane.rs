//! The annotations pane: every annotation of the document in document order, as cards
//! (colour, quote, note, tags, paragraph), filtered by text (Arabic folding), colour and tag.
//! Pressing a card asks the view to go to the passage; each card has Edit and Delete. The
//! list and its filter are the annotations crate's ([`qarar_annotations::filter`]); this file
//! draws them.
//!
//! Everything that may hold Arabic (quotes, notes, tags, the filter field) is shaped by
//! cosmic-text through [`TextPainter`]; only Latin chrome (header, button captions, paragraph
//! names) goes through egui's own text. Every row is an AccessKit node with a label.

use super::text_painter::{Label, LabelCache, LabelStyle, TextPainter, paint_label};
use super::view::paragraph_label;
use crate::ui::i18n::{self, Hover, arg, number, t, ta};
use eframe::egui::accesskit::Role;
use eframe::egui::{
    self, Align2, Color32, CursorIcon, FontId, Id, Rect, Sense, Stroke, pos2, vec2,
};
use qarar_annotations::Color;
use qarar_annotations::filter::{Filter, tags_present};
use qarar_document::Direction;
use qarar_text::display::text_direction;
use qarar_util::first_words;
use std::collections::HashMap;

/// AccessKit label of the text filter field.
pub const FILTER_LABEL: &str = "Filter annotations";
/// Shown instead of the list when the document has no annotation.
pub const EMPTY_TEXT: &str = "No annotations yet. Select a passage and press 1–6 to highlight it.";
/// Shown in place of the paragraph name for an annotation whose passage was not found.
pub const ORPHAN_TEXT: &str = "Orphan — passage not found";

/// Lines of the quote shown on a card before it is cut with "…".
const QUOTE_LINES: usize = 2;
/// Lines of the note shown on a card before it is cut with "…".
const NOTE_LINES: usize = 4;
/// Words tried at most when fitting a long text (a whole-paragraph quote) into a card.
const MAX_FIT_WORDS: usize = 120;
/// Inner margin of a card.
const PAD: f32 = 8.0;
/// Width of the colour swatch on a card's leading edge.
const SWATCH: f32 = 6.0;
/// Height of a card's footer (paragraph name and buttons).
const FOOTER: f32 = 22.0;
/// Fitted texts kept before the cache is emptied.
const FIT_CACHE_LIMIT: usize = 2000;

/// One annotation as the pane shows it (the annotations crate's list item).
pub use qarar_annotations::filter::ListItem as PaneItem;

/// What the pane asks of the window.
#[derive(Debug, Clone, PartialEq)]
pub enum PaneAction {
    /// Go to the annotation's passage (its card was pressed).
    GoTo(String),
    /// Open the annotation's editor.
    Edit(String),
    /// Delete the annotation (the window keeps it for undo).
    Delete(String),
}

/// Key of a fitted text: the text, the wrap width, the font size and the line count.
type FitKey = (String, u32, u32, usize);

/// The pane's state: filters and caches of shaped text.
#[derive(Default)]
pub struct AnnotationsPane {
    /// What the list shows (text, colours, tag).
    pub filter: Filter,
    labels: LabelCache,
    fitted: HashMap<FitKey, String>,
}

impl AnnotationsPane {
    /// Show the pane: header, filters and the list of cards. Returns what was pressed.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        items: &[PaneItem],
        direction: Direction,
    ) -> Option<PaneAction> {
        // An Arabic interface mirrors the pane: title and chips from the right (the cards
        // follow their document's direction).
        if i18n::rtl() {
            let column = egui::Layout::top_down(egui::Align::Max);
            return ui
                .with_layout(column, |ui| self.pane(ui, painter, items, direction))
                .inner;
        }
        self.pane(ui, painter, items, direction)
    }

    fn pane(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        items: &[PaneItem],
        direction: Direction,
    ) -> Option<PaneAction> {
        i18n::strong(
            ui,
            &ta("annotations-title", &[("count", number(items.len()))]),
        );
        if items.is_empty() {
            ui.add_space(8.0);
            i18n::label(ui, &t("annotations-empty"));
            return None;
        }
        self.filter_row(ui, painter, items);
        let shown = self.filter.filtered(items);
        if self.filter.is_filtering() {
            i18n::weak(
                ui,
                &ta(
                    "annotations-showing",
                    &[
                        ("shown", number(shown.len())),
                        ("total", number(items.len())),
                    ],
                ),
            );
        }
        ui.separator();
        if shown.is_empty() {
            i18n::label(ui, &t("annotations-no-match"));
            if i18n::button(ui, &t("annotations-clear-filters")).clicked() {
                self.filter.clear();
            }
            return None;
        }
        self.list(ui, painter, &shown, direction)
    }

    /// The text field, the colour chips and the tag chips.
    fn filter_row(&mut self, ui: &mut egui::Ui, painter: &mut TextPainter, items: &[PaneItem]) {
        let width = ui.available_width().clamp(120.0, 420.0);
        filter_field(ui, painter, &mut self.labels, &mut self.filter.text, width);
        ui.add_space(4.0);
        self.color_chips(ui);
        let tags = tags_present(items);
        self.filter.forget_absent_tag(&tags);
        if !tags.is_empty() {
            self.tag_chips(ui, painter, &tags);
        }
    }

    /// "All" and one toggle per colour; several colours may be on at once.
    fn color_chips(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            i18n::label(ui, &t("annotations-colour"));
            let every = self.filter.colors.is_empty();
            if text_chip(
                ui,
                &t("annotations-all"),
                every,
                &t("annotations-filter-all-colours"),
            )
            .clicked()
            {
                self.filter.colors.clear();
            }
            for color in Color::ALL {
                let on = self.filter.colors.contains(&color);
                if color_chip(ui, color, on).clicked() {
                    self.filter.toggle_color(color);
                }
            }
        });
    }

    /// "All tags" and one toggle per tag present (tags may be Arabic: shaped by cosmic-text).
    fn tag_chips(&mut self, ui: &mut egui::Ui, painter: &mut TextPainter, tags: &[String]) {
        ui.horizontal_wrapped(|ui| {
            i18n::label(ui, &t("annotations-tag"));
            let every = self.filter.tag.is_none();
            if text_chip(
                ui,
                &t("annotations-all-tags"),
                every,
                &t("annotations-filter-all-tags"),
            )
            .clicked()
            {
                self.filter.tag = None;
            }
            for tag in tags {
                let on = self.filter.tag.as_deref() == Some(tag.as_str());
                if tag_chip(ui, painter, &mut self.labels, tag, on).clicked() {
                    self.filter.toggle_tag(tag);
                }
            }
        });
    }

    /// The scrollable list of cards.
    fn list(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        shown: &[&PaneItem],
        direction: Direction,
    ) -> Option<PaneAction> {
        let mut action = None;
        egui::ScrollArea::vertical()
            .id_salt("annotations-pane")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = ui.available_width();
                for item in shown {
                    if let Some(a) = self.card(ui, painter, item, direction, width) {
                        action = Some(a);
                    }
                    ui.add_space(6.0);
                }
            });
        action
    }

    /// One card: swatch, quote, note, tags, paragraph name, Edit and Delete.
    fn card(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        item: &PaneItem,
        direction: Direction,
        width: f32,
    ) -> Option<PaneAction> {
        let rtl = direction == Direction::Rtl;
        let column = (width - 2.0 * PAD - SWATCH - PAD).max(60.0);
        let texts = self.card_texts(ui, painter, item, column);
        let body: f32 = texts.iter().map(|l| l.size.y + 4.0).sum();
        let height = PAD + body + FOOTER + PAD;
        let (rect, resp) = ui.allocate_exact_size(vec2(width, height), Sense::click());
        let access = access_label(item);
        resp.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, &access));
        let resp = resp.on_hover_cursor(CursorIcon::PointingHand);
        paint_card_frame(ui, rect, item.color, resp.hovered(), rtl);
        let left = if rtl {
            rect.left() + PAD
        } else {
            rect.left() + PAD + SWATCH + PAD
        };
        let mut y = rect.top() + PAD;
        for label in &texts {
            paint_label(ui.painter(), label, pos2(left, y));
            y += label.size.y + 4.0;
        }
        let footer = Rect::from_min_max(
            pos2(rect.left() + PAD, rect.bottom() - PAD - FOOTER),
            pos2(rect.right() - PAD, rect.bottom() - PAD),
        );
        let pressed = card_footer(ui, item, footer, rtl);
        if pressed.is_some() {
            return pressed;
        }
        resp.clicked().then(|| PaneAction::GoTo(item.id.clone()))
    }

    /// The shaped quote, note and tags of a card (empty ones left out), `column` wide.
    fn card_texts(
        &mut self,
        ui: &egui::Ui,
        painter: &mut TextPainter,
        item: &PaneItem,
        column: f32,
    ) -> Vec<Label> {
        let visuals = ui.visuals();
        let (strong, body, weak) = (
            visuals.strong_text_color(),
            visuals.text_color(),
            visuals.weak_text_color(),
        );
        let ctx = ui.ctx().clone();
        let mut out = Vec::new();
        let quote = text_style(&item.quote, 15.0, strong, column);
        out.push(self.fitted_label(&ctx, painter, &item.quote, quote, QUOTE_LINES));
        if !item.note.trim().is_empty() {
            let note = text_style(&item.note, 14.0, body, column);
            out.push(self.fitted_label(&ctx, painter, &item.note, note, NOTE_LINES));
        }
        if !item.tags.is_empty() {
            let tags = join_tags(&item.tags);
            let style = text_style(&tags, 13.0, weak, column);
            out.push(painter.label(&ctx, &mut self.labels, &tags, style));
        }
        out
    }

    /// `text` laid out in `style`, cut after whole words with "…" to at most `max_lines`.
    fn fitted_label(
        &mut self,
        ctx: &egui::Context,
        painter: &mut TextPainter,
        text: &str,
        style: LabelStyle,
        max_lines: usize,
    ) -> Label {
        let key: FitKey = (
            text.to_string(),
            style.width.to_bits(),
            style.size.to_bits(),
            max_lines,
        );
        let shown = match self.fitted.get(&key) {
            Some(s) => s.clone(),
            None => {
                let limit = (style.size * style.line_height).round() * max_lines as f32 + 0.5;
                let labels = &mut self.labels;
                let s = fit_words(text, |candidate| {
                    painter.label(ctx, labels, candidate, style).size.y <= limit
                });
                if self.fitted.len() > FIT_CACHE_LIMIT {
                    self.fitted.clear();
                }
                self.fitted.insert(key, s.clone());
                s
            }
        };
        painter.label(ctx, &mut self.labels, &shown, style)
    }
}

/// Tags joined with the Arabic comma when the first tag is Arabic, else with ", ".
pub fn join_tags(tags: &[String]) -> String {
    let arabic = tags
        .first()
        .is_some_and(|t| text_direction(t) == Direction::Rtl);
    tags.join(if arabic { "، " } else { ", " })
}

/// AccessKit label of a card: `Annotation: ` and the first words of the quote (or note).
pub fn access_label(item: &PaneItem) -> String {
    let source = if item.quote.trim().is_empty() {
        &item.note
    } else {
        &item.quote
    };
    ta("annotations-item", &[("text", arg(first_words(source, 6)))])
}

/// The longest run of whole words of `text` (followed by " …") for which `fits` holds; the
/// whole text (white space collapsed) when it fits; at least one word.
pub fn fit_words(text: &str, mut fits: impl FnMut(&str) -> bool) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let cut = |n: usize| format!("{} …", words[..n].join(" "));
    if words.len() <= MAX_FIT_WORDS {
        let whole = words.join(" ");
        if words.len() <= 1 || fits(&whole) {
            return whole;
        }
    }
    // Largest n in 1..hi whose cut fits (1 when none does).
    let (mut lo, mut hi) = (1usize, words.len().min(MAX_FIT_WORDS));
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if fits(&cut(mid)) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    cut(lo)
}

/// Label style for card text: direction (and so font and alignment) from the text itself.
fn text_style(text: &str, size: f32, color: Color32, width: f32) -> LabelStyle {
    LabelStyle {
        size,
        bold: false,
        color,
        direction: text_direction(text),
        width,
        line_height: 1.45,
    }
}

/// The egui colour of a highlight colour.
fn color32(color: Color) -> Color32 {
    let [r, g, b] = color.rgb();
    Color32::from_rgb(r, g, b)
}

/// "Yellow" for [`Color::Yellow`] and so on.
fn title_name(color: Color) -> String {
    let name = color.name();
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The text filter: the search field's line editor, announced as [`FILTER_LABEL`].
fn filter_field(
    ui: &mut egui::Ui,
    painter: &mut TextPainter,
    labels: &mut LabelCache,
    text: &mut String,
    width: f32,
) -> egui::Response {
    let resp = crate::ui::search::line_edit_labeled(
        ui,
        painter,
        labels,
        text,
        width,
        &t("annotations-filter"),
    );
    resp.hover(t("annotations-filter-help"))
}

/// A round colour toggle announced as "Filter yellow" etc.
fn color_chip(ui: &mut egui::Ui, color: Color, on: bool) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(vec2(20.0, 20.0), Sense::click());
    let ring = if on {
        Stroke::new(2.5, ui.visuals().strong_text_color())
    } else if resp.hovered() {
        Stroke::new(1.5, ui.visuals().text_color())
    } else {
        Stroke::new(1.0, Color32::GRAY)
    };
    let painter = ui.painter();
    painter.circle(rect.center(), 8.0, color32(color), ring);
    let label = ta(
        "annotations-filter-colour",
        &[("colour", arg(t(&format!("colour-{}", color.name()))))],
    );
    resp.widget_info(|| egui::WidgetInfo::selected(Role::CheckBox, true, on, &label));
    resp.hover(title_name(color))
}

/// A Latin chip with egui text (chrome), announced as `access`.
fn text_chip(ui: &mut egui::Ui, text: &str, on: bool, access: &str) -> egui::Response {
    let font = FontId::proportional(13.0);
    let galley = ui
        .painter()
        .layout_no_wrap(text.to_string(), font.clone(), Color32::PLACEHOLDER);
    let size = vec2(galley.size().x + 14.0, 22.0);
    let (rect, resp) = ui.allocate_exact_size(size, Sense::click());
    let color = paint_chip(ui, rect, on, &resp);
    ui.painter()
        .text(rect.center(), Align2::CENTER_CENTER, text, font, color);
    resp.widget_info(|| egui::WidgetInfo::selected(Role::CheckBox, true, on, access));
    resp
}

/// A tag chip, its text shaped by cosmic-text, announced as "Filter tag {tag}".
fn tag_chip(
    ui: &mut egui::Ui,
    painter: &mut TextPainter,
    labels: &mut LabelCache,
    tag: &str,
    on: bool,
) -> egui::Response {
    let max = 240.0;
    let text_color = if on {
        ui.visuals().selection.stroke.color
    } else {
        ui.visuals().text_color()
    };
    let style = LabelStyle {
        size: 13.0,
        color: text_color,
        width: max,
        line_height: 1.3,
        ..text_style(tag, 13.0, text_color, max)
    };
    let label = painter.label(ui.ctx(), labels, tag, style);
    let inner = label.line_width.min(max);
    let size = vec2(inner + 14.0, label.size.y.max(18.0) + 4.0);
    let (rect, resp) = ui.allocate_exact_size(size, Sense::click());
    paint_chip(ui, rect, on, &resp);
    // A right-aligned label's text ends at its box's right edge: shift it into the chip.
    let shift = if style.direction == Direction::Rtl {
        max - inner
    } else {
        0.0
    };
    let top = rect.center().y - label.size.y / 2.0;
    paint_label(ui.painter(), &label, pos2(rect.left() + 7.0 - shift, top));
    let access = ta("annotations-filter-tag", &[("tag", arg(tag.to_string()))]);
    resp.widget_info(|| egui::WidgetInfo::selected(Role::CheckBox, true, on, &access));
    resp
}

/// Paint a chip's background; returns the colour for its text.
fn paint_chip(ui: &egui::Ui, rect: Rect, on: bool, resp: &egui::Response) -> Color32 {
    let visuals = ui.visuals();
    let (fill, stroke, text) = if on {
        (
            visuals.selection.bg_fill,
            visuals.selection.stroke,
            visuals.selection.stroke.color,
        )
    } else {
        let w = visuals.widgets.style(resp);
        (w.weak_bg_fill, w.bg_stroke, w.text_color())
    };
    ui.painter()
        .rect(rect, 9.0, fill, stroke, egui::StrokeKind::Inside);
    text
}

/// A card's background, border and colour swatch (on the leading edge).
fn paint_card_frame(ui: &egui::Ui, rect: Rect, color: Color, hovered: bool, rtl: bool) {
    let visuals = ui.visuals();
    let fill = if hovered {
        visuals.widgets.hovered.weak_bg_fill
    } else {
        visuals.faint_bg_color
    };
    let stroke = visuals.widgets.noninteractive.bg_stroke;
    let painter = ui.painter();
    painter.rect(rect, 6.0, fill, stroke, egui::StrokeKind::Inside);
    let x = if rtl {
        rect.right() - PAD - SWATCH
    } else {
        rect.left() + PAD
    };
    let swatch = Rect::from_min_max(
        pos2(x, rect.top() + PAD),
        pos2(x + SWATCH, rect.bottom() - PAD),
    );
    painter.rect_filled(swatch, 3.0, color32(color));
}

/// The footer: paragraph name (or the orphan notice) on the leading side, Edit and Delete on
/// the trailing side. Returns the button pressed.
fn card_footer(ui: &mut egui::Ui, item: &PaneItem, rect: Rect, rtl: bool) -> Option<PaneAction> {
    let (place, color) = match (&item.paragraph, item.orphan) {
        (Some(p), false) => (paragraph_label(p), ui.visuals().weak_text_color()),
        _ => (t("annotations-orphan"), ui.visuals().warn_fg_color),
    };
    let font = FontId::proportional(12.0);
    let (anchor, at) = if rtl {
        (
            Align2::RIGHT_CENTER,
            rect.right_center() - vec2(SWATCH + PAD, 0.0),
        )
    } else {
        (
            Align2::LEFT_CENTER,
            rect.left_center() + vec2(SWATCH + PAD, 0.0),
        )
    };
    ui.painter().text(at, anchor, place, font, color);
    // Delete at the trailing edge, Edit next to it.
    let (edit_text, delete_text) = (t("annotations-edit"), t("annotations-delete"));
    let delete = button_rect(ui, &delete_text, rect, 0.0, rtl);
    let offset = delete.width() + 6.0;
    let edit = button_rect(ui, &edit_text, rect, offset, rtl);
    let edit_id = ui.scope_id().with(("annotation-edit", &item.id));
    let delete_id = ui.scope_id().with(("annotation-delete", &item.id));
    if small_button(ui, edit_id, edit, &edit_text, &t("annotations-edit-help")).clicked() {
        return Some(PaneAction::Edit(item.id.clone()));
    }
    if small_button(
        ui,
        delete_id,
        delete,
        &delete_text,
        &t("annotations-delete-help"),
    )
    .clicked()
    {
        return Some(PaneAction::Delete(item.id.clone()));
    }
    None
}

/// Where a small button with `text` goes in the footer, `offset` from the trailing edge.
fn button_rect(ui: &egui::Ui, text: &str, footer: Rect, offset: f32, rtl: bool) -> Rect {
    let galley = ui.painter().layout_no_wrap(
        text.to_string(),
        FontId::proportional(12.0),
        Color32::PLACEHOLDER,
    );
    let width = galley.size().x + 14.0;
    let (left, right) = if rtl {
        let left = footer.left() + offset;
        (left, left + width)
    } else {
        let right = footer.right() - offset;
        (right - width, right)
    };
    Rect::from_min_max(pos2(left, footer.top()), pos2(right, footer.bottom()))
}

/// A small egui-text button over a card, announced as `access`.
fn small_button(ui: &mut egui::Ui, id: Id, rect: Rect, text: &str, access: &str) -> egui::Response {
    let resp = ui.interact(rect, id, Sense::click());
    let w = ui.visuals().widgets.style(&resp);
    let painter = ui.painter();
    painter.rect(
        rect,
        4.0,
        w.weak_bg_fill,
        w.bg_stroke,
        egui::StrokeKind::Inside,
    );
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        text,
        FontId::proportional(12.0),
        w.text_color(),
    );
    resp.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, access));
    resp.on_hover_cursor(CursorIcon::PointingHand)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_words_keeps_whole_text_that_fits() {
        assert_eq!(fit_words("a  b\nc", |_| true), "a b c");
    }

    #[test]
    fn fit_words_cuts_after_whole_words() {
        let text = "one two three four five six";
        let fitted = fit_words(text, |s| s.chars().count() <= 15);
        assert_eq!(fitted, "one two three …");
    }

    #[test]
    fn fit_words_keeps_one_word_at_least() {
        assert_eq!(fit_words("long words here", |_| false), "long …");
        assert_eq!(fit_words("", |_| false), "");
    }

    #[test]
    fn tags_join_with_arabic_comma_when_arabic() {
        let tags = vec!["أمن".to_string(), "إرهاب".to_string()];
        assert_eq!(join_tags(&tags), "أمن، إرهاب");
        let tags = vec!["security".to_string(), "crime".to_string()];
        assert_eq!(join_tags(&tags), "security, crime");
    }
}
