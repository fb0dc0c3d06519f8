//! Footnote and reference popups: opened by clicking a marker or reference, closed with Esc
//! or a click elsewhere.

mod rich;

pub(crate) use rich::RichText;

use super::command::Command;
use super::i18n::{self, Hover, arg, t, ta};
use super::library::LibraryState;
use super::text_painter::{LabelCache, LabelStyle, TextPainter, paint_label};
use super::view::paragraph_label;
use eframe::egui::{self, Pos2, Rect, Sense};
use qarar_document::{Direction, Document, ReferenceKind, catalogue};

/// What a popup shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PopupKind {
    Footnote { id: String },
    Reference { index: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Popup {
    pub kind: PopupKind,
    /// Screen position it opens at (just below the clicked text).
    pub at: Pos2,
    /// Frame it was opened on (the opening click must not close it).
    pub(crate) opened_frame: u64,
    /// It belongs to the document shown beside the current one (parallel view).
    pub beside: bool,
    /// The widget that had it opened (a footnote marker): keyboard focus goes back to it when
    /// the popup closes.
    pub(crate) return_focus: Option<egui::Id>,
}

/// What the user asked for from a popup.
#[derive(Debug, Clone, PartialEq)]
pub enum PopupAction {
    Close,
    GoTo(String),
    /// A reference inside a footnote was clicked: show its popup at `at`.
    Reference {
        index: usize,
        at: Pos2,
    },
    /// Open a library document (in a new tab), at a paragraph if given.
    Open {
        path: std::path::PathBuf,
        at: Option<String>,
    },
}

const WIDTH: f32 = 400.0;

/// What the parts of a popup share: the painter, its label cache, the body text style.
struct Cx<'a> {
    painter: &'a mut TextPainter,
    labels: &'a mut LabelCache,
    rich: &'a mut RichText,
    body: LabelStyle,
}

impl Cx<'_> {
    fn text(&mut self, ui: &mut egui::Ui, text: &str, style: LabelStyle, what: &str) {
        body_text(ui, self.painter, self.labels, text, style, what);
    }
}

/// What a popup is called (its dialog's name, as its heading reads).
fn title(popup: &Popup, doc: &Document) -> String {
    match &popup.kind {
        PopupKind::Footnote { id } => doc
            .footnote(id)
            .map(|f| ta("link-footnote", &[("marker", arg(f.marker.clone()))]))
            .unwrap_or_else(|| t("popup-footnote")),
        PopupKind::Reference { index } => doc
            .references
            .get(*index)
            .map(|r| {
                ta(
                    "popup-heading",
                    &[
                        ("kind", arg(kind_name(r.kind))),
                        ("target", arg(r.target.clone())),
                    ],
                )
            })
            .unwrap_or_else(|| t("popup-reference")),
    }
}

/// The popup's parts that last between frames.
pub struct PopupParts<'a> {
    pub painter: &'a mut TextPainter,
    pub labels: &'a mut LabelCache,
    pub(crate) rich: &'a mut RichText,
}

/// Show the popup, a dialog that takes the keyboard focus when it opens; returns an action
/// when one was taken. `rect_out` receives the popup's rect (clicks inside it do not close
/// it).
pub fn show(
    ctx: &egui::Context,
    popup: &Popup,
    doc: &Document,
    library: &LibraryState,
    parts: PopupParts,
    rect_out: &mut Option<Rect>,
) -> Option<PopupAction> {
    let mut action = None;
    let mut dialog = None;
    let area = egui::Area::new(egui::Id::unique("qarar-popup"))
        .order(egui::Order::Foreground)
        .fixed_pos(popup.at)
        .constrain(true)
        .show(ctx, |ui| {
            // Focusable, so that the focus stays on it (egui drops focus from a widget that
            // cannot have it).
            let builder = egui::UiBuilder::new()
                .sense(Sense::focusable_noninteractive())
                .accessibility_role(egui::accesskit::Role::Dialog)
                .accessibility_label(title(popup, doc));
            ui.scope_builder(builder, |ui| {
                dialog = Some(ui.unique_id());
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_width(WIDTH);
                    let body =
                        LabelStyle::new(17.0, ui.visuals().text_color(), doc.meta.direction, WIDTH)
                            .line_height(1.6);
                    let mut cx = Cx {
                        painter: parts.painter,
                        labels: parts.labels,
                        rich: parts.rich,
                        body,
                    };
                    action = match &popup.kind {
                        PopupKind::Footnote { id } => footnote(ui, &mut cx, doc, id),
                        PopupKind::Reference { index } => {
                            reference(ui, &mut cx, doc, library, *index)
                        }
                    };
                });
            });
        });
    *rect_out = Some(area.response.rect);
    // The dialog takes the keyboard focus once, when it opens (a screen reader announces it).
    if let Some(dialog) = dialog {
        let key = egui::Id::unique("qarar-popup-focused");
        let opened = (popup.opened_frame, popup.kind.clone());
        // Not in the frame of the click that opened it: egui takes the focus away from a
        // widget when the pointer clicks elsewhere (on the marker).
        let clicking = ctx.input(|i| i.pointer.any_click() || i.pointer.any_pressed());
        if !clicking && ctx.data(|d| d.get_temp::<(u64, PopupKind)>(key)) != Some(opened.clone()) {
            ctx.memory_mut(|m| m.request_focus(dialog));
            ctx.data_mut(|d| d.insert_temp(key, opened));
        }
    }
    if ctx.input_mut(|i| Command::ClosePopup.consume(i)) {
        action = Some(PopupAction::Close);
    }
    action
}

fn footnote(ui: &mut egui::Ui, cx: &mut Cx, doc: &Document, id: &str) -> Option<PopupAction> {
    let Some(f) = doc.footnote(id) else {
        i18n::label(ui, &t("popup-footnote-missing"));
        return None;
    };
    ui.horizontal(|ui| {
        i18n::strong(
            ui,
            &ta("link-footnote", &[("marker", arg(f.marker.clone()))]),
        );
        if let Some(p) = &f.paragraph {
            i18n::weak(
                ui,
                &ta(
                    "popup-in-paragraph",
                    &[("paragraph", arg(paragraph_label(p)))],
                ),
            );
        }
    });
    ui.separator();
    // Its references are links, as in the body.
    rich::footnote_text(ui, cx.painter, cx.rich, doc, f, WIDTH)
        .map(|(index, at)| PopupAction::Reference { index, at })
}

fn kind_name(kind: ReferenceKind) -> String {
    t(match kind {
        ReferenceKind::Resolution => "popup-kind-resolution",
        ReferenceKind::Decision => "popup-kind-decision",
        ReferenceKind::Document => "popup-kind-document",
        ReferenceKind::Treaty => "popup-kind-treaty",
        ReferenceKind::Paragraph => "popup-kind-paragraph",
    })
}

fn reference(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    doc: &Document,
    library: &LibraryState,
    index: usize,
) -> Option<PopupAction> {
    let Some(r) = doc.references.get(index) else {
        i18n::label(ui, &t("popup-reference-missing"));
        return None;
    };
    let kind = kind_name(r.kind);
    if r.kind == ReferenceKind::Paragraph {
        i18n::strong(
            ui,
            &ta(
                "popup-paragraph-heading",
                &[
                    ("kind", arg(kind.clone())),
                    ("paragraph", arg(paragraph_label(&r.target))),
                ],
            ),
        );
        ui.separator();
        let Some(p) = doc.paragraph(&r.target) else {
            i18n::label(ui, &t("popup-paragraph-missing"));
            return None;
        };
        let text = qarar_util::first_words(&p.text(), 80);
        cx.text(ui, &text, cx.body, &t("popup-paragraph-text"));
        return i18n::button(ui, &t("popup-go-to-paragraph"))
            .clicked()
            .then(|| PopupAction::GoTo(r.target.clone()));
    }
    i18n::strong(
        ui,
        &ta(
            "popup-heading",
            &[("kind", arg(kind)), ("target", arg(r.target.clone()))],
        ),
    );
    let meta = library
        .index
        .as_ref()
        .and_then(|i| i.metadata.get(&r.target));
    if let Some(entry) = library.find_any(&r.target, doc.meta.language) {
        return in_library(ui, cx, doc, index, r, entry, meta);
    }
    if let Some(m) = meta {
        if let Some(t) = &m.title {
            let style = LabelStyle {
                direction: qarar_text::display::text_direction(t),
                ..cx.body
            };
            cx.text(ui, t, style, &i18n::t("popup-title"));
        }
        if let Some(d) = &m.adoption_date {
            i18n::weak(ui, d);
        }
    } else if let Some(e) = catalogue::lookup(&r.target) {
        if !e.title_en.is_empty() {
            ui.label(e.title_en);
        }
        if !e.date.is_empty() {
            ui.weak(e.date);
        }
    } else {
        i18n::weak(ui, &t("popup-not-in-catalogue"));
    }
    ui.separator();
    ui.horizontal(|ui| {
        if r.kind != ReferenceKind::Treaty {
            let lang = doc.meta.language.code();
            let url = format!("https://undocs.org/{lang}/{}", r.target);
            if i18n::button(ui, &t("popup-open-undocs"))
                .hover(&url)
                .clicked()
            {
                ui.ctx().open_url(egui::OpenUrl::new_tab(url));
            }
        }
        if i18n::button(ui, &t("popup-copy-symbol")).clicked() {
            ui.ctx().copy_text(r.target.clone());
        }
    });
    None
}

/// A reference to a resolution the library has: its own title, date and first operative
/// paragraph, in its language, and buttons to open it (at the cited paragraph).
fn in_library(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    doc: &Document,
    index: usize,
    r: &qarar_document::Reference,
    entry: &qarar_library::Entry,
    meta: Option<&qarar_library::ResolutionMeta>,
) -> Option<PopupAction> {
    let direction = match entry.language {
        Some(qarar_document::Language::Ar) => Direction::Rtl,
        _ => Direction::Ltr,
    };
    let style = LabelStyle {
        direction,
        ..cx.body
    };
    if let Some(t) = entry
        .title
        .as_deref()
        .or(meta.and_then(|m| m.title.as_deref()))
    {
        cx.text(
            ui,
            t,
            LabelStyle {
                bold: true,
                ..style
            },
            &i18n::t("popup-title"),
        );
    }
    let date = entry
        .adopted
        .clone()
        .or_else(|| meta.and_then(|m| m.adoption_date.clone()));
    if let Some(d) = date {
        i18n::weak(ui, &ta("popup-adopted", &[("date", arg(d))]));
    }
    if let Some(v) = meta.and_then(|m| m.vote_summary.clone()) {
        i18n::weak(ui, &v);
    }
    if let Some(first) = &entry.first_operative {
        ui.add_space(4.0);
        cx.text(
            ui,
            first,
            LabelStyle {
                size: 15.0,
                ..style
            },
            &i18n::t("popup-first-operative"),
        );
    }
    // "paragraph 5 of resolution …": it can open there.
    let at = qarar_document::pinpoint::pinpoint(doc, index)
        .filter(|id| entry.paragraph_ids.iter().any(|p| p == id));
    ui.separator();
    let mut action = None;
    ui.horizontal(|ui| {
        let lang = entry
            .language
            .map(|l| l.code().to_uppercase())
            .unwrap_or_default();
        if let Some(at) = &at
            && i18n::button(
                ui,
                &ta(
                    "popup-open-at",
                    &[
                        ("paragraph", arg(paragraph_label(at))),
                        ("language", arg(lang.clone())),
                    ],
                ),
            )
            .hover(t("popup-open-at-help"))
            .clicked()
        {
            action = Some(PopupAction::Open {
                path: entry.path.clone(),
                at: Some(at.clone()),
            });
        }
        if i18n::button(ui, &ta("popup-open", &[("language", arg(lang))]))
            .hover(t("popup-open-help"))
            .clicked()
        {
            action = Some(PopupAction::Open {
                path: entry.path.clone(),
                at: None,
            });
        }
        if i18n::button(ui, &t("popup-copy-symbol")).clicked() {
            ui.ctx().copy_text(r.target.clone());
        }
    });
    action
}

fn body_text(
    ui: &mut egui::Ui,
    painter: &mut TextPainter,
    labels: &mut LabelCache,
    text: &str,
    style: LabelStyle,
    what: &str,
) {
    let label = painter.label(ui.ctx(), labels, text, style);
    let (rect, resp) = ui.allocate_exact_size(label.size, Sense::hover());
    paint_label(ui.painter(), &label, rect.min);
    let text = text.to_string();
    let what = what.to_string();
    resp.widget_info(move || {
        let mut info = egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, &text);
        info.hint_text = Some(what.clone());
        info
    });
}
