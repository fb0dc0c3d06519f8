//! The interface language of the window, and interface text that may be Arabic.
//!
//! The messages live in the window-free `qarar_i18n` crate; here is the language of this
//! window's thread ([`set_language`], set by the app at the start of every frame from its
//! settings, so a change shows in the next frame) and the shorthand [`t`] / [`ta`] the panes
//! use for every string they show.
//!
//! egui's own text has neither bidi nor Arabic shaping, and its fonts have no Arabic or
//! Chinese. So interface text with a right-to-left character goes through cosmic-text like
//! the document: [`text`] shapes it once (cached by string and size), paints it as an egui
//! [`egui::Atom`] inside any widget (button, menu, check box, label), and the `*_named`
//! helpers keep its AccessKit name. Chinese, which needs no bidi, is set by egui in the CJK
//! face of `fonts/` ([`install_fonts`]).

use super::text_painter::{LabelCache, LabelStyle, TextPainter, placed};
use eframe::egui::{self, Atom, Color32, Response, Ui};
use qarar_i18n::{Lang, Tr, Value};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

pub use qarar_i18n::{number, text as arg};

thread_local! {
    static CURRENT: RefCell<Option<Rc<Tr>>> = const { RefCell::new(None) };
    static LOADED: RefCell<Vec<Rc<Tr>>> = const { RefCell::new(Vec::new()) };
    /// The shaper of interface text, for the context whose texture holds its glyphs.
    static SHAPER: RefCell<Option<(egui::Context, TextPainter, LabelCache)>> =
        const { RefCell::new(None) };
}

/// Use `lang` for the interface text of this thread (the window's) from now on.
pub fn set_language(lang: Lang) {
    let tr = LOADED.with_borrow_mut(|loaded| {
        if let Some(t) = loaded.iter().find(|t| t.lang() == lang) {
            return t.clone();
        }
        let t = Rc::new(Tr::new(lang));
        loaded.push(t.clone());
        t
    });
    CURRENT.with_borrow_mut(|c| *c = Some(tr));
}

fn with_tr<R>(f: impl FnOnce(&Tr) -> R) -> R {
    if let Some(tr) = CURRENT.with_borrow(|c| c.clone()) {
        return f(&tr);
    }
    set_language(Lang::En);
    let tr = CURRENT
        .with_borrow(|c| c.clone())
        .unwrap_or_else(|| Rc::new(Tr::new(Lang::En)));
    f(&tr)
}

/// The interface language of this thread.
pub fn language() -> Lang {
    with_tr(|t| t.lang())
}

/// Is the interface laid out right to left?
pub fn rtl() -> bool {
    language().is_rtl()
}

/// A message of the interface.
pub fn t(id: &str) -> String {
    with_tr(|tr| tr.get(id))
}

/// A message with placeables: `ta("menu-tab", &[("title", arg(name))])`.
pub fn ta(id: &str, args: &[(&str, Value<'_>)]) -> String {
    with_tr(|tr| tr.args(id, args))
}

/// The name of a document language in the interface language ("Arabic", "العربية" …).
pub fn language_name(l: qarar_document::Language) -> String {
    t(&format!("language-{}", l.code()))
}

/// Does the string need cosmic-text (a right-to-left letter: egui would set it backwards
/// and unjoined)?
pub fn needs_shaping(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
}

/// How much larger interface Arabic is set than egui's Latin text of the same style.
const ARABIC_SCALE: f32 = 1.15;

/// Interface text as an atom of any egui widget: plain egui text, or shaped by cosmic-text
/// and painted in the widget's text colour when it holds right-to-left letters.
pub fn text(ui: &Ui, s: &str) -> Atom<'static> {
    if !needs_shaping(s) {
        return Atom::from(s.to_string());
    }
    // Arabic letters are small for their size beside Latin ones: set a sixth larger, so a
    // menu reads as easily as its Latin shortcut (and Tesseract reads it, see the README).
    let size = (egui::TextStyle::Button.resolve(ui.style()).size + 2.0) * ARABIC_SCALE;
    shaped_atom(ui.ctx(), s, size)
}

/// A shaped right-to-left string of `size` points as an atom of its own size.
pub fn shaped_atom(ctx: &egui::Context, s: &str, size: f32) -> Atom<'static> {
    let (mesh, width, height) = SHAPER.with_borrow_mut(|shaper| {
        if shaper.as_ref().is_some_and(|(c, _, _)| c != ctx) {
            *shaper = None;
        }
        let (_, painter, cache) = shaper
            .get_or_insert_with(|| (ctx.clone(), TextPainter::default(), LabelCache::default()));
        let room = 4000.0;
        let style = LabelStyle::new(size, Color32::WHITE, qarar_document::Direction::Rtl, room)
            .line_height(1.3);
        let label = painter.label(ctx, cache, s, style);
        // The line is set at the right end of the room: move it to the atom's origin.
        let mut mesh = (*label.mesh).clone();
        mesh.translate(egui::vec2(label.line_width - room, 0.0));
        (Arc::new(mesh), label.line_width.ceil(), label.size.y)
    });
    Atom::paint(egui::vec2(width, height), move |ui, args| {
        let color = args.fallback_text_color;
        let mut m = placed(
            &mesh,
            args.rect.left_center() - egui::vec2(0.0, height / 2.0),
        );
        for v in &mut m.vertices {
            // Colour emoji keep their own colours; glyph masks take the widget's.
            if v.color == Color32::WHITE {
                v.color = color;
            }
        }
        ui.painter().add(egui::Shape::mesh(m));
    })
}

/// Give a widget whose text was shaped its AccessKit name (egui reads names from text atoms).
pub fn named(resp: Response, role: egui::accesskit::Role, name: &str) -> Response {
    let enabled = resp.enabled();
    let name = name.to_string();
    resp.widget_info(move || egui::WidgetInfo::labeled(role, enabled, &name));
    resp
}

/// [`named`] for a widget with a state (a check box, a toggle, a radio button): its name and
/// whether it is on.
pub fn named_selected(
    resp: Response,
    role: egui::accesskit::Role,
    selected: bool,
    name: &str,
) -> Response {
    let enabled = resp.enabled();
    let name = name.to_string();
    resp.widget_info(move || egui::WidgetInfo::selected(role, enabled, selected, &name));
    resp
}

/// A button with interface text.
pub fn button(ui: &mut Ui, s: &str) -> Response {
    let a = text(ui, s);
    named(ui.button(a), egui::accesskit::Role::Button, s)
}

/// A label with interface text (right-aligned words in the right order when Arabic).
pub fn label(ui: &mut Ui, s: &str) -> Response {
    if !needs_shaping(s) {
        return ui.label(s);
    }
    let a = text(ui, s);
    let resp = ui.add(
        egui::Button::new(a)
            .frame(false)
            .sense(egui::Sense::hover()),
    );
    named(resp, egui::accesskit::Role::Label, s)
}

/// A weak (grey) label with interface text.
pub fn weak(ui: &mut Ui, s: &str) -> Response {
    if !needs_shaping(s) {
        return ui.weak(s);
    }
    let a = text(ui, s);
    let color = ui.visuals().weak_text_color();
    let resp = ui.scope(|ui| {
        ui.visuals_mut().override_text_color = Some(color);
        ui.add(
            egui::Button::new(a)
                .frame(false)
                .sense(egui::Sense::hover()),
        )
    });
    named(resp.inner, egui::accesskit::Role::Label, s)
}

/// A strong (heading-like) label with interface text.
pub fn strong(ui: &mut Ui, s: &str) -> Response {
    if !needs_shaping(s) {
        return ui.strong(s);
    }
    let a = text(ui, s);
    let color = ui.visuals().strong_text_color();
    let resp = ui.scope(|ui| {
        ui.visuals_mut().override_text_color = Some(color);
        ui.add(
            egui::Button::new(a)
                .frame(false)
                .sense(egui::Sense::hover()),
        )
    });
    named(resp.inner, egui::accesskit::Role::Label, s)
}

/// A check box with interface text.
pub fn checkbox(ui: &mut Ui, on: &mut bool, s: &str) -> Response {
    let a = text(ui, s);
    let resp = ui.checkbox(on, a);
    named_selected(resp, egui::accesskit::Role::CheckBox, *on, s)
}

/// A selectable label (a toggle shown as a button) with interface text.
pub fn selectable(ui: &mut Ui, selected: bool, s: &str) -> Response {
    let a = text(ui, s);
    let resp = ui.selectable_label(selected, a);
    named_selected(resp, egui::accesskit::Role::Button, selected, s)
}

/// A radio button with interface text; right to left its circle stands at the right.
pub fn radio(ui: &mut Ui, selected: bool, s: &str) -> Response {
    let a = text(ui, s);
    let resp = if rtl() {
        ui.add(egui::Button::new((Atom::grow(), a, radio_mark(selected))).frame(false))
    } else {
        ui.radio(selected, a)
    };
    named_selected(resp, egui::accesskit::Role::RadioButton, selected, s)
}

/// A radio button's circle (filled when chosen), as an atom to stand right of its name.
fn radio_mark(on: bool) -> Atom<'static> {
    let side = 14.0;
    Atom::paint(egui::vec2(side, side), move |ui, args| {
        let color = args.fallback_text_color;
        let c = args.rect.center();
        let painter = ui.painter();
        painter.circle_stroke(c, side / 2.0 - 1.0, egui::Stroke::new(1.2, color));
        if on {
            painter.circle_filled(c, side / 4.0, color);
        }
    })
}

/// A menu (or sub-menu) button with interface text. Right to left, a sub-menu's name stands
/// at the right and its arrow at the left, pointing the way the menu reads.
pub fn menu_button<R>(
    ui: &mut Ui,
    s: &str,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> egui::InnerResponse<Option<R>> {
    let a = text(ui, s);
    let contents = |ui: &mut Ui| {
        if rtl() {
            // Items right-aligned, as an Arabic menu reads.
            ui.with_layout(
                egui::Layout::top_down_justified(egui::Align::Max),
                add_contents,
            )
            .inner
        } else {
            add_contents(ui)
        }
    };
    let r = if rtl() && egui::containers::menu::is_in_menu(ui) {
        let button = egui::Button::new((left_arrow(), Atom::grow(), a));
        let (response, inner) =
            egui::containers::menu::SubMenuButton::from_button(button).ui(ui, contents);
        egui::InnerResponse::new(inner.map(|i| i.inner), response)
    } else {
        ui.menu_button(a, contents)
    };
    let response = named(r.response, egui::accesskit::Role::Button, s);
    egui::InnerResponse::new(r.inner, response)
}

/// A sub-menu's arrow pointing left (egui's points right), in the text colour.
fn left_arrow() -> Atom<'static> {
    let side = 14.0;
    Atom::paint(egui::vec2(side, side), move |ui, args| {
        let r =
            egui::Rect::from_center_size(args.rect.center(), egui::vec2(side * 0.55, side * 0.35));
        ui.painter().add(egui::Shape::rotated_triangle(
            r,
            std::f32::consts::TAU / 4.0,
            args.fallback_text_color,
        ));
    })
}

/// Fallback faces behind egui's own fonts, installed once per context (and again when the
/// interface first turns Chinese): the Arabic face of `fonts/` always, last, so that an
/// Arabic string that slips past [`text`] into egui's text shows as unjoined letters instead
/// of panicking (Arabic is meant to be shaped by cosmic-text: the tests look for such slips);
/// the CJK face when the interface is Chinese, which egui sets well without bidi.
pub fn install_fonts(ctx: &egui::Context, lang: Lang) {
    let key = egui::Id::unique("qarar-interface-fonts");
    let want_cjk = lang == Lang::Zh;
    let installed: Option<bool> = ctx.data(|d| d.get_temp::<bool>(key));
    if installed.is_some_and(|cjk| cjk || !want_cjk) {
        return;
    }
    let data = qarar_text::fonts::font_data();
    // The CJK face is the one font of several megabytes (the others are a few hundred kB);
    // the Arabic regular face is the first.
    let cjk = data.iter().copied().find(|b| b.len() > 2_000_000);
    let arabic = data.first().copied();
    let mut fonts = egui::FontDefinitions::default();
    let mut add = |name: &str, bytes: &'static [u8]| {
        fonts
            .font_data
            .insert(name.into(), Arc::new(egui::FontData::from_static(bytes)));
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts.families.entry(family).or_default().push(name.into());
        }
    };
    if want_cjk && let Some(bytes) = cjk {
        add("noto-serif-cjk", bytes);
    }
    if let Some(bytes) = arabic {
        add("noto-naskh-arabic", bytes);
    }
    ctx.set_fonts(fonts);
    ctx.data_mut(|d| d.insert_temp(key, want_cjk));
}

/// A window with an interface title. egui draws window titles with its own text (no Arabic),
/// so in a right-to-left interface the window has no title bar of its own: call
/// [`title_row`] first thing in its contents.
pub fn window<'a>(title: &str) -> egui::Window<'a> {
    let w = egui::Window::new(title.to_string());
    if rtl() { w.title_bar(false) } else { w }
}

/// The title row of a [`window`] in a right-to-left interface: its title at the right, a
/// close button at the left (`open` set to false when pressed). Nothing left to right.
pub fn title_row(ui: &mut Ui, title: &str, open: Option<&mut bool>) {
    if !rtl() {
        return;
    }
    ui.horizontal(|ui| {
        if let Some(open) = open {
            let close = named(
                ui.small_button("×"),
                egui::accesskit::Role::Button,
                &t("cmd-close"),
            );
            if close.clicked() {
                *open = false;
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            strong(ui, title);
        });
    });
    ui.separator();
}

/// egui names the drag handle of every resizable panel "Resize panel", in English: name the
/// handle of the panel `salt` (shown in `parent`) in the interface language, after it is shown.
pub fn name_resize_handle(parent: &Ui, salt: &'static str, name: &str) {
    let id = parent
        .scope_id()
        .with_salt(egui::IdSalt::new(salt))
        .with("__resize");
    if parent.ctx().has_accesskit_node(id) {
        parent
            .ctx()
            .accesskit_node_builder(id, |n| n.set_label(name));
    }
}

/// A label in `color` with interface text.
pub fn colored(ui: &mut Ui, color: Color32, s: &str) -> Response {
    ui.scope(|ui| {
        ui.visuals_mut().override_text_color = Some(color);
        label(ui, s)
    })
    .inner
}

/// Tooltips with interface text: egui's `on_hover_text` sets Arabic unshaped and backwards.
pub trait Hover {
    fn hover(self, s: impl AsRef<str>) -> Response;
}

impl Hover for Response {
    fn hover(self, s: impl AsRef<str>) -> Response {
        let s = s.as_ref();
        if needs_shaping(s) {
            let s = s.to_string();
            self.on_hover_ui(move |ui| {
                label(ui, &s);
            })
        } else {
            self.on_hover_text(s)
        }
    }
}

/// A check box's box as an atom (ticked when `on`), drawn rather than written: egui's fonts
/// have no ☑.
pub fn check_mark(on: bool) -> Atom<'static> {
    let side = 14.0;
    Atom::paint(egui::vec2(side, side), move |ui, args| {
        let color = args.fallback_text_color;
        let r =
            egui::Rect::from_center_size(args.rect.center(), egui::vec2(side, side)).shrink(1.0);
        let painter = ui.painter();
        painter.rect_stroke(
            r,
            2.0,
            egui::Stroke::new(1.2, color),
            egui::StrokeKind::Inside,
        );
        if on {
            let p = |x: f32, y: f32| r.min + egui::vec2(x * r.width(), y * r.height());
            painter.line(
                vec![p(0.2, 0.5), p(0.42, 0.72), p(0.8, 0.28)],
                egui::Stroke::new(1.8, color),
            );
        }
    })
}
