//! The note editor's core: cosmic-text's `Editor` (shaping, bidi, hit-testing) driven by
//! [`Command`]s, with undo/redo and caret motion that follows what the eye sees. The egui widget
//! only translates events into commands and paints the buffer.

use super::fonts::ARABIC_FAMILY;
use cosmic_text::{
    Action, Attrs, Buffer, Change, Cursor, Edit, Editor, Family, FontSystem, Metrics, Motion,
    Selection, Shaping,
};

/// What the user asked the editor to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Typed or committed (IME) text.
    Insert(String),
    Enter,
    Backspace,
    Delete,
    /// Move one character to the left or right on screen; `select` extends the selection.
    Left {
        select: bool,
    },
    Right {
        select: bool,
    },
    Up {
        select: bool,
    },
    Down {
        select: bool,
    },
    Home {
        select: bool,
    },
    End {
        select: bool,
    },
    SelectAll,
    Undo,
    Redo,
    Copy,
    Cut,
    Paste(String),
    /// Pointer press at a point in editor coordinates.
    Click {
        x: f32,
        y: f32,
    },
    /// Pointer drag to a point in editor coordinates.
    Drag {
        x: f32,
        y: f32,
    },
}

/// A multi-line editor for notes in Arabic, English or both.
pub struct NoteEditor {
    editor: Editor<'static>,
    undo: Vec<Change>,
    redo: Vec<Change>,
    /// Bumped on every change of text, selection or caret (repaint key).
    pub revision: u64,
}

impl NoteEditor {
    /// An editor holding `text`, wrapping at `width` points with `size`-point text.
    pub fn new(fonts: &mut FontSystem, text: &str, width: f32, size: f32) -> NoteEditor {
        let mut buffer = Buffer::new(fonts, Metrics::new(size, (size * 1.6).round()));
        buffer.set_size(Some(width.max(20.0)), None);
        let attrs = Attrs::new().family(Family::Name(ARABIC_FAMILY));
        buffer.set_text(
            &qarar_util::cap_bidi_depth(text),
            &attrs,
            Shaping::Advanced,
            None,
        );
        let mut editor = Editor::new(buffer);
        editor.shape_as_needed(fonts, false);
        NoteEditor {
            editor,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
        }
    }

    /// The note as typed (logical order).
    pub fn text(&self) -> String {
        self.editor.with_buffer(|b| {
            b.lines
                .iter()
                .map(|l| l.text())
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    pub fn set_width(&mut self, fonts: &mut FontSystem, width: f32) {
        self.editor
            .with_buffer_mut(|b| b.set_size(Some(width.max(20.0)), None));
        self.editor.shape_as_needed(fonts, false);
    }

    /// Height of the laid-out text.
    pub fn height(&self) -> f32 {
        self.editor.with_buffer(|b| {
            b.layout_runs()
                .last()
                .map(|r| r.line_top + r.line_height)
                .unwrap_or(b.metrics().line_height)
        })
    }

    /// Read access to the laid-out buffer (for painting).
    pub fn with_buffer<T>(&self, f: impl FnOnce(&Buffer) -> T) -> T {
        self.editor.with_buffer(f)
    }

    pub fn cursor(&self) -> Cursor {
        self.editor.cursor()
    }

    /// The caret as (x, top, height) in editor coordinates.
    pub fn caret(&self) -> Option<(f32, f32, f32)> {
        let cursor = self.editor.cursor();
        self.editor.with_buffer(|b| {
            for run in b.layout_runs() {
                if run.line_i != cursor.line {
                    continue;
                }
                if let Some(x) = run.cursor_position(&cursor) {
                    return Some((x, run.line_top, run.line_height));
                }
            }
            b.layout_runs().find(|r| r.line_i == cursor.line).map(|r| {
                (
                    if r.rtl { r.line_w } else { 0.0 },
                    r.line_top,
                    r.line_height,
                )
            })
        })
    }

    /// Selection rectangles (x, y, w, h) in editor coordinates.
    pub fn selection_rects(&self) -> Vec<[f32; 4]> {
        let Some((start, end)) = self.editor.selection_bounds() else {
            return Vec::new();
        };
        self.editor.with_buffer(|b| {
            let mut out = Vec::new();
            for run in b.layout_runs() {
                for (x, w) in run.highlight(start, end) {
                    out.push([x, run.line_top, w, run.line_height]);
                }
            }
            out
        })
    }

    /// Apply a command. Returns text for the clipboard (Copy and Cut).
    pub fn apply(&mut self, fonts: &mut FontSystem, command: Command) -> Option<String> {
        self.revision += 1;
        let mut clipboard = None;
        match command {
            Command::Insert(text) | Command::Paste(text) => {
                self.edit(fonts, |e, _| {
                    e.delete_selection();
                    e.insert_string(&text, None);
                });
            }
            Command::Enter => self.edit(fonts, |e, f| e.action(f, Action::Enter)),
            Command::Backspace => self.edit(fonts, |e, f| e.action(f, Action::Backspace)),
            Command::Delete => self.edit(fonts, |e, f| e.action(f, Action::Delete)),
            Command::Left { select } => self.visual_move(fonts, false, select),
            Command::Right { select } => self.visual_move(fonts, true, select),
            Command::Up { select } => self.motion(fonts, Motion::Up, select),
            Command::Down { select } => self.motion(fonts, Motion::Down, select),
            Command::Home { select } => self.motion(fonts, Motion::Home, select),
            Command::End { select } => self.motion(fonts, Motion::End, select),
            Command::SelectAll => {
                self.editor.set_cursor(Cursor::new(0, 0));
                self.editor
                    .set_selection(Selection::Normal(Cursor::new(0, 0)));
                self.editor.action(fonts, Action::Motion(Motion::BufferEnd));
            }
            Command::Undo => self.undo_redo(fonts, true),
            Command::Redo => self.undo_redo(fonts, false),
            Command::Copy => clipboard = self.editor.copy_selection(),
            Command::Cut => {
                clipboard = self.editor.copy_selection();
                if clipboard.is_some() {
                    self.edit(fonts, |e, _| {
                        e.delete_selection();
                    });
                }
            }
            Command::Click { x, y } => {
                self.editor.set_selection(Selection::None);
                self.editor.action(
                    fonts,
                    Action::Click {
                        x: x as i32,
                        y: y as i32,
                    },
                );
            }
            Command::Drag { x, y } => self.editor.action(
                fonts,
                Action::Drag {
                    x: x as i32,
                    y: y as i32,
                },
            ),
        }
        self.editor.shape_as_needed(fonts, false);
        clipboard
    }

    /// A change to the text, recorded for undo.
    fn edit(
        &mut self,
        fonts: &mut FontSystem,
        f: impl FnOnce(&mut Editor<'static>, &mut FontSystem),
    ) {
        self.editor.start_change();
        f(&mut self.editor, fonts);
        if let Some(change) = self.editor.finish_change()
            && !change.items.is_empty()
        {
            self.undo.push(change);
            self.redo.clear();
        }
    }

    fn undo_redo(&mut self, fonts: &mut FontSystem, undo: bool) {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(mut change) = from.pop() else {
            return;
        };
        if undo {
            change.reverse();
        }
        self.editor.set_selection(Selection::None);
        self.editor.apply_change(&change);
        if undo {
            change.reverse();
        }
        to.push(change);
        self.editor.shape_as_needed(fonts, false);
    }

    fn motion(&mut self, fonts: &mut FontSystem, motion: Motion, select: bool) {
        self.begin_motion(select);
        self.editor.action(fonts, Action::Motion(motion));
    }

    fn begin_motion(&mut self, select: bool) {
        if select {
            if self.editor.selection() == Selection::None {
                let c = self.editor.cursor();
                self.editor.set_selection(Selection::Normal(c));
            }
        } else {
            self.editor.set_selection(Selection::None);
        }
    }

    /// Move the caret to the nearest caret position to the left or right on screen, across
    /// direction changes (Latin symbols inside Arabic); at a line's edge, move to the next or
    /// previous line as the paragraph reads.
    fn visual_move(&mut self, fonts: &mut FontSystem, right: bool, select: bool) {
        self.begin_motion(select);
        let cursor = self.editor.cursor();
        let target = self.editor.with_buffer(|b| {
            let run = b
                .layout_runs()
                .find(|r| r.line_i == cursor.line && r.cursor_position(&cursor).is_some())?;
            let x = run.cursor_position(&cursor)?;
            // Every caret position on this visual line: both edges of each glyph.
            let mut best: Option<(f32, usize)> = None;
            for g in run.glyphs {
                let rtl = g.level.is_rtl();
                let edges = [
                    (g.x, if rtl { g.end } else { g.start }),
                    (g.x + g.w, if rtl { g.start } else { g.end }),
                ];
                for (ex, index) in edges {
                    let d = if right { ex - x } else { x - ex };
                    if d > 0.5 && best.is_none_or(|(bd, _)| d < bd) {
                        best = Some((d, index));
                    }
                }
            }
            best.map(|(_, index)| Cursor::new(cursor.line, index))
        });
        match target {
            Some(c) => self.editor.set_cursor(c),
            None => {
                // At the edge of the line: fall back to cosmic-text's paragraph-level motion.
                let m = if right { Motion::Right } else { Motion::Left };
                self.editor.action(fonts, Action::Motion(m));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor(text: &str) -> (FontSystem, NoteEditor) {
        let mut fonts = crate::fonts::font_system();
        let e = NoteEditor::new(&mut fonts, text, 300.0, 16.0);
        (fonts, e)
    }

    #[test]
    fn typing_arabic_with_a_latin_symbol_keeps_logical_order() {
        let (mut f, mut e) = editor("");
        for part in ["انظر ", "A/75/L.20", " أعلاه"] {
            e.apply(&mut f, Command::Insert(part.into()));
        }
        assert_eq!(e.text(), "انظر A/75/L.20 أعلاه");
    }

    #[test]
    fn undo_and_redo_restore_the_text() {
        let (mut f, mut e) = editor("");
        e.apply(&mut f, Command::Insert("ملاحظة".into()));
        e.apply(&mut f, Command::Insert(" مهمة".into()));
        e.apply(&mut f, Command::Undo);
        assert_eq!(e.text(), "ملاحظة");
        e.apply(&mut f, Command::Redo);
        assert_eq!(e.text(), "ملاحظة مهمة");
        e.apply(&mut f, Command::Backspace);
        assert_eq!(e.text(), "ملاحظة مهم");
        e.apply(&mut f, Command::Undo);
        assert_eq!(e.text(), "ملاحظة مهمة");
    }

    #[test]
    fn select_all_and_cut_give_the_text_to_the_clipboard() {
        let (mut f, mut e) = editor("نص\ntext");
        e.apply(&mut f, Command::SelectAll);
        let cut = e.apply(&mut f, Command::Cut);
        assert_eq!(cut.as_deref(), Some("نص\ntext"));
        assert_eq!(e.text(), "");
    }

    #[test]
    fn left_arrow_in_arabic_moves_forward_in_reading_order() {
        let (mut f, mut e) = editor("مرحبا");
        e.apply(&mut f, Command::Home { select: false });
        let start = e.cursor().index;
        e.apply(&mut f, Command::Left { select: false });
        assert!(
            e.cursor().index > start,
            "Left reads on in right-to-left text"
        );
        e.apply(&mut f, Command::Right { select: false });
        assert_eq!(e.cursor().index, start);
    }

    #[test]
    fn shift_arrows_select_and_typing_replaces_the_selection() {
        let (mut f, mut e) = editor("abc");
        e.apply(&mut f, Command::End { select: false });
        e.apply(&mut f, Command::Left { select: true });
        let copied = e.apply(&mut f, Command::Copy);
        assert_eq!(copied.as_deref(), Some("c"));
        e.apply(&mut f, Command::Insert("X".into()));
        assert_eq!(e.text(), "abX");
    }
}
