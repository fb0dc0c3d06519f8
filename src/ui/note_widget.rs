//! The note editor widget: egui events in, [`Command`]s out to the cosmic-text editor core,
//! its buffer painted like the document (Arabic shaped, right to left where it reads so).

use super::text_painter::{Palette, TextPainter, placed};
use eframe::egui::{self, Color32, Event, Key, Mesh, Rect, Sense, Stroke, pos2, vec2};
use qarar_text::note_editor::{Command, NoteEditor};

/// A mesh of the editor's text, rebuilt only when the text or its layout changed.
#[derive(Default)]
pub(crate) struct NoteMesh {
    key: Option<(u64, u64, [u8; 4])>,
    mesh: Mesh,
}

/// Show the editor, `width` points wide; takes keyboard input while focused.
pub(crate) fn note_editor_ui(
    ui: &mut egui::Ui,
    painter: &mut TextPainter,
    editor: &mut NoteEditor,
    cache: &mut NoteMesh,
    width: f32,
    label: &str,
) -> egui::Response {
    let pad = 8.0;
    let height = (editor.height() + 2.0 * pad).max(96.0);
    let (rect, resp) = ui.allocate_exact_size(vec2(width, height), Sense::click_and_drag());
    if resp.clicked() || resp.drag_started() {
        resp.request_focus();
    }
    let focused = resp.has_focus();
    let origin = rect.min + vec2(pad, pad);
    if focused {
        // Keep the focus on Tab and arrows: this widget uses them.
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                resp.id,
                egui::EventFilter {
                    tab: false,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: false,
                },
            )
        });
        let events = ui.input(|i| i.events.clone());
        for e in events {
            if let Some(command) = command_for(&e)
                && let Some(text) = editor.apply(&mut painter.fonts, command)
            {
                ui.ctx().copy_text(text);
            }
        }
    }
    if let Some(p) = resp.interact_pointer_pos() {
        let local = p - origin;
        if resp.drag_started() || (resp.clicked() && !resp.dragged()) {
            editor.apply(
                &mut painter.fonts,
                Command::Click {
                    x: local.x,
                    y: local.y,
                },
            );
        } else if resp.dragged() {
            editor.apply(
                &mut painter.fonts,
                Command::Drag {
                    x: local.x,
                    y: local.y,
                },
            );
        }
    }
    editor.set_width(&mut painter.fonts, width - 2.0 * pad);

    let visuals = ui.visuals().clone();
    super::text_painter::field_frame(ui, rect, focused);
    for [x, y, w, h] in editor.selection_rects() {
        ui.painter().rect_filled(
            Rect::from_min_size(origin + vec2(x, y), vec2(w, h)),
            0.0,
            visuals.selection.bg_fill.gamma_multiply(0.6),
        );
    }
    let color = visuals.text_color();
    let key = (editor.revision, painter.atlas.generation, color.to_array());
    if cache.key != Some(key) {
        let palette = Palette::uniform(color);
        let size = editor.with_buffer(|b| b.metrics().font_size);
        cache.mesh = editor.with_buffer(|b| painter.mesh(ui.ctx(), b, 0.0, size, &palette));
        cache.key = Some((editor.revision, painter.atlas.generation, color.to_array()));
    }
    ui.painter()
        .add(egui::Shape::mesh(placed(&cache.mesh, origin)));
    if focused && let Some((x, top, h)) = editor.caret() {
        let x = origin.x + x;
        let caret = [
            pos2(x, origin.y + top + 2.0),
            pos2(x, origin.y + top + h - 2.0),
        ];
        ui.painter()
            .line_segment(caret, Stroke::new(1.5, visuals.text_cursor.stroke.color));
        ui.ctx().output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                purpose: Default::default(),
                rect,
                cursor_rect: Rect::from_two_pos(caret[0], caret[1]),
                should_interrupt_composition: false,
            })
        });
    }
    if editor.text().is_empty() && !focused {
        ui.painter().text(
            rect.left_top() + vec2(pad, pad),
            egui::Align2::LEFT_TOP,
            crate::ui::i18n::t("note-placeholder"),
            egui::FontId::proportional(14.0),
            Color32::GRAY,
        );
    }
    let value = editor.text();
    let label = label.to_string();
    resp.widget_info(|| {
        let mut info =
            egui::WidgetInfo::labeled(egui::accesskit::Role::MultilineTextInput, true, &label);
        info.current_text_value = Some(value.clone());
        info
    });
    resp
}

/// The editor command for an egui event, if any.
fn command_for(e: &Event) -> Option<Command> {
    match e {
        Event::Text(t) => Some(Command::Insert(t.clone())),
        Event::Paste(t) => Some(Command::Paste(t.clone())),
        Event::Copy => Some(Command::Copy),
        Event::Cut => Some(Command::Cut),
        Event::Ime(egui::ImeEvent::Commit(t)) => Some(Command::Insert(t.clone())),
        Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => {
            let select = modifiers.shift;
            Some(match key {
                Key::Backspace => Command::Backspace,
                Key::Delete => Command::Delete,
                Key::Enter => Command::Enter,
                Key::ArrowLeft => Command::Left { select },
                Key::ArrowRight => Command::Right { select },
                Key::ArrowUp => Command::Up { select },
                Key::ArrowDown => Command::Down { select },
                Key::Home => Command::Home { select },
                Key::End => Command::End { select },
                Key::Z if modifiers.command && modifiers.shift => Command::Redo,
                Key::Z if modifiers.command => Command::Undo,
                Key::Y if modifiers.command => Command::Redo,
                Key::A if modifiers.command => Command::SelectAll,
                _ => return None,
            })
        }
        _ => None,
    }
}
