//! Everything a user can do in the window, as one list.
//!
//! A [`Command`] knows its label, its keyboard shortcuts and the keyboard scopes in which they
//! act. Menus, tooltips and the keyboard handler are generated from it, so a shortcut is
//! written once. Panes push commands into a [`Commands`] queue; the app applies them in one
//! place (`ReaderApp::run`).

use super::document::{LoadRequest, Side};
use super::i18n::{arg, t, ta};
use super::popup::Popup;
use super::view::Scroll;
use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};
use qarar_annotations::Color;
use qarar_document::Language;
use std::borrow::Cow;
use std::path::PathBuf;

/// A user action.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    // File
    /// Ask for a file with the system dialog.
    Open,
    /// Open this file in place of the current document (recent files, a dropped file).
    OpenFile(PathBuf),
    /// Load a document where the request says (library, popups, details window).
    Load(LoadRequest),
    OpenBundled,
    ClearRecent,
    /// Close the tab shown.
    CloseTab,
    CloseTabAt(usize),
    SwitchTab(usize),
    NextTab,
    PreviousTab,
    ChooseLibraryFolder,
    /// Use this folder as the library (a folder dropped on the window).
    SetLibraryFolder(PathBuf),
    ForgetLibraryFolder,
    RefreshLibrary,
    CancelIndexing,
    /// Export an annotated copy (asks for the file).
    Export,
    /// Export an annotated copy to this file (its extension names the format).
    ExportTo(PathBuf),
    ImportAnnotations,
    ExportAnnotations,
    ToggleDetails,
    ShowParserNotes,
    /// Compare the document shown with a file (asks for it).
    CompareWith,
    /// Compare the document shown with this file.
    CompareWithFile(PathBuf),
    /// Compare the document shown with its earlier version in the library.
    CompareWithPrevious,
    Quit,
    // Edit
    Find,
    FindNext,
    FindPrevious,
    CloseFind,
    SearchLibrary,
    Copy,
    SelectAll,
    Undo,
    Redo,
    // View
    ToggleOutline,
    ToggleAnnotations,
    ToggleLibrary,
    ToggleJustify,
    ToggleDark,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    /// Read the resolution in another language, at the same paragraph.
    ReadIn(Language),
    /// Show another language of the resolution beside it.
    ShowBeside(Language),
    CloseBeside,
    /// Settings → Language: the language of the interface (not of the document).
    SetInterfaceLanguage(qarar_i18n::Lang),
    // Document
    Highlight(Color),
    /// Highlight the selection in the last colour used and open its note.
    HighlightWithNote,
    AnnotateParagraph {
        paragraph: String,
        note: bool,
    },
    OpenNote(String),
    DeleteAnnotation(String),
    GoToAnnotation(String),
    CopyCitation {
        side: Side,
        paragraph: String,
    },
    /// Scroll the main column to a block and flash it.
    GoToBlock(usize),
    /// Scroll a column to a paragraph and flash it.
    GoToParagraph {
        side: Side,
        paragraph: String,
    },
    OutlinePrevious,
    OutlineNext,
    /// Keyboard scrolling of the document (both columns side by side).
    Scroll(Scroll),
    /// Open a footnote or reference popup (a click on a marker or a reference, or on a
    /// reference inside a popup, which replaces it).
    OpenPopup(Box<Popup>),
    /// Close the popup; the keyboard goes back to the marker that opened it.
    ClosePopup,
    /// Close the popup because the user went elsewhere (a click outside it, a link in it
    /// followed): the keyboard stays where that took it.
    LeavePopup,
    /// Esc in the document: close the messages window, else the find bar.
    Dismiss,
    /// The messages window's OK.
    DismissMessages,
    // Compare view
    NextChange,
    PreviousChange,
    ToggleSubstantiveOnly,
    /// Inline or side by side.
    ToggleCompareLayout,
    /// Close the compare view (back to the reader).
    CloseCompare,
    /// Save the comparison (asks for the file; its extension names the format).
    ExportComparison,
    /// Save the comparison to this file.
    ExportComparisonTo(PathBuf),
    // Library pane (its filter field)
    LibraryPreviousRow,
    LibraryNextRow,
    LibraryOpenRow,
}

/// Where the keyboard is: a key means one thing in one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the window, whatever has the keyboard.
    Window,
    /// The document view (no text field, popup or outline has the keyboard).
    Document,
    /// The outline pane, once it has the keyboard.
    Outline,
    /// A footnote or reference popup is open.
    Popup,
    /// The find field.
    FindField,
    /// The library pane's filter field.
    LibraryFilter,
    /// The note editor.
    NoteEditor,
    /// The compare view (no text field has the keyboard).
    Compare,
}

impl Scope {
    /// Every scope but `Window` (which is part of each of them).
    #[cfg(test)]
    const FOCUSED: [Scope; 7] = [
        Scope::Document,
        Scope::Outline,
        Scope::Popup,
        Scope::FindField,
        Scope::LibraryFilter,
        Scope::NoteEditor,
        Scope::Compare,
    ];
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}
const NONE: Modifiers = Modifiers::NONE;
const CMD: Modifiers = Modifiers::COMMAND;
const ALT: Modifiers = Modifiers::ALT;
const SHIFT: Modifiers = Modifiers::SHIFT;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// Keys a text field handles itself (editing, moving the cursor), in every text field
/// (find, filters, tags, the note editor). No window-wide command may use one.
pub const FIELD_KEYS: &[KeyboardShortcut] = &[
    key(CMD, Key::A),
    key(CMD, Key::C),
    key(CMD, Key::X),
    key(CMD, Key::V),
    key(CMD, Key::Z),
    key(CMD_SHIFT, Key::Z),
    key(CMD, Key::Y),
    key(NONE, Key::ArrowLeft),
    key(NONE, Key::ArrowRight),
    key(NONE, Key::Home),
    key(NONE, Key::End),
    key(NONE, Key::Backspace),
    key(NONE, Key::Delete),
];

/// The scopes where a command is bound to keys.
const DOCUMENT_LIKE: &[Scope] = &[Scope::Document, Scope::Outline, Scope::Popup];

impl Command {
    /// The commands that have keyboard shortcuts, most specific shortcuts first (so that
    /// Ctrl+Shift+Z is tried before Ctrl+Z, which would also match it).
    pub fn keyed() -> &'static [Command] {
        static KEYED: std::sync::OnceLock<Vec<Command>> = std::sync::OnceLock::new();
        KEYED.get_or_init(Command::list_keyed)
    }

    fn list_keyed() -> Vec<Command> {
        let mut all = vec![
            Command::Open,
            Command::Export,
            Command::ToggleDetails,
            Command::CloseTab,
            Command::NextTab,
            Command::PreviousTab,
            Command::Quit,
            Command::Find,
            Command::SearchLibrary,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomReset,
            Command::ToggleOutline,
            Command::ToggleAnnotations,
            Command::ToggleLibrary,
            Command::Copy,
            Command::SelectAll,
            Command::Undo,
            Command::Redo,
            Command::HighlightWithNote,
            Command::OutlinePrevious,
            Command::OutlineNext,
            Command::Scroll(Scroll::Pages(1.0)),
            Command::Scroll(Scroll::Pages(-1.0)),
            Command::Scroll(Scroll::Lines(1.0)),
            Command::Scroll(Scroll::Lines(-1.0)),
            Command::Scroll(Scroll::Top),
            Command::Scroll(Scroll::End),
            Command::ClosePopup,
            Command::Dismiss,
            Command::FindNext,
            Command::FindPrevious,
            Command::CloseFind,
            Command::LibraryPreviousRow,
            Command::LibraryNextRow,
            Command::LibraryOpenRow,
            Command::NextChange,
            Command::PreviousChange,
            Command::CloseCompare,
        ];
        all.extend(Color::ALL.into_iter().map(Command::Highlight));
        all.sort_by_key(|c| {
            std::cmp::Reverse(
                c.shortcuts()
                    .iter()
                    .map(|s| modifier_count(s.modifiers))
                    .max()
                    .unwrap_or(0),
            )
        });
        all
    }

    /// The keyboard shortcuts of the command (the first one is shown in menus).
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        use Command as C;
        match self {
            C::Open => const { &[key(CMD, Key::O)] },
            C::Export => const { &[key(CMD, Key::E)] },
            C::ToggleDetails => const { &[key(CMD, Key::I)] },
            C::CloseTab => const { &[key(CMD, Key::W)] },
            C::NextTab => const { &[key(CMD, Key::Tab), key(CMD, Key::PageDown)] },
            C::PreviousTab => const { &[key(CMD_SHIFT, Key::Tab), key(CMD, Key::PageUp)] },
            C::Quit => const { &[key(CMD, Key::Q)] },
            C::Find => const { &[key(CMD, Key::F)] },
            C::SearchLibrary => const { &[key(CMD_SHIFT, Key::F)] },
            C::ZoomIn => const { &[key(CMD, Key::Plus), key(CMD, Key::Equals)] },
            C::ZoomOut => const { &[key(CMD, Key::Minus)] },
            C::ZoomReset => const { &[key(CMD, Key::Num0)] },
            C::ToggleOutline => const { &[key(NONE, Key::F7)] },
            C::ToggleAnnotations => const { &[key(NONE, Key::F8)] },
            C::ToggleLibrary => const { &[key(NONE, Key::F9)] },
            C::Copy => const { &[key(CMD, Key::C)] },
            C::SelectAll => const { &[key(CMD, Key::A)] },
            C::Undo => const { &[key(CMD, Key::Z)] },
            C::Redo => const { &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)] },
            C::Highlight(c) => match c {
                Color::Yellow => const { &[key(NONE, Key::Num1)] },
                Color::Green => const { &[key(NONE, Key::Num2)] },
                Color::Blue => const { &[key(NONE, Key::Num3)] },
                Color::Pink => const { &[key(NONE, Key::Num4)] },
                Color::Orange => const { &[key(NONE, Key::Num5)] },
                Color::Purple => const { &[key(NONE, Key::Num6)] },
            },
            C::HighlightWithNote => const { &[key(NONE, Key::N)] },
            C::Scroll(Scroll::Pages(n)) if *n > 0.0 => {
                const { &[key(NONE, Key::PageDown), key(NONE, Key::Space)] }
            }
            C::Scroll(Scroll::Pages(_)) => {
                const { &[key(NONE, Key::PageUp), key(SHIFT, Key::Space)] }
            }
            C::Scroll(Scroll::Lines(n)) if *n > 0.0 => const { &[key(NONE, Key::ArrowDown)] },
            C::Scroll(Scroll::Lines(_)) => const { &[key(NONE, Key::ArrowUp)] },
            C::Scroll(Scroll::Top) => const { &[key(NONE, Key::Home), key(CMD, Key::Home)] },
            C::Scroll(Scroll::End) => const { &[key(NONE, Key::End), key(CMD, Key::End)] },
            C::OutlinePrevious | C::LibraryPreviousRow => const { &[key(NONE, Key::ArrowUp)] },
            C::OutlineNext | C::LibraryNextRow => const { &[key(NONE, Key::ArrowDown)] },
            C::ClosePopup | C::CloseFind | C::Dismiss => const { &[key(NONE, Key::Escape)] },
            C::FindNext | C::LibraryOpenRow => const { &[key(NONE, Key::Enter)] },
            C::FindPrevious => const { &[key(SHIFT, Key::Enter)] },
            C::NextChange => const { &[key(ALT, Key::ArrowDown)] },
            C::PreviousChange => const { &[key(ALT, Key::ArrowUp)] },
            C::CloseCompare => const { &[key(NONE, Key::Escape)] },
            _ => &[],
        }
    }

    /// The scopes in which the command's shortcuts act.
    pub(crate) fn scopes(&self) -> &'static [Scope] {
        use Command as C;
        match self {
            // The compare view's selection is copied too.
            C::Copy => &[
                Scope::Document,
                Scope::Outline,
                Scope::Popup,
                Scope::Compare,
            ],
            C::SelectAll | C::Undo | C::Redo | C::Highlight(_) | C::HighlightWithNote => {
                DOCUMENT_LIKE
            }
            C::OutlinePrevious | C::OutlineNext => &[Scope::Outline],
            C::Scroll(_) => &[Scope::Document],
            C::ClosePopup => &[Scope::Popup],
            C::Dismiss => &[Scope::Document, Scope::Outline],
            C::FindNext | C::FindPrevious | C::CloseFind => &[Scope::FindField],
            C::LibraryPreviousRow | C::LibraryNextRow | C::LibraryOpenRow => {
                &[Scope::LibraryFilter]
            }
            C::NextChange | C::PreviousChange | C::CloseCompare => &[Scope::Compare],
            _ => &[Scope::Window],
        }
    }

    /// Does the command act in `scope` (the window-wide ones act everywhere)?
    pub(crate) fn acts_in(&self, scope: Scope) -> bool {
        self.scopes()
            .iter()
            .any(|s| *s == scope || *s == Scope::Window)
    }

    /// The message id of the command's name in menus and buttons (`None`: it has no name of
    /// its own, or is named by its file).
    pub fn label_id(&self) -> Option<&'static str> {
        use Command as C;
        Some(match self {
            C::Open => "cmd-open",
            C::OpenBundled => "cmd-open-bundled",
            C::ClearRecent => "cmd-clear-recent",
            C::CloseTab | C::CloseTabAt(_) => "cmd-close-tab",
            C::NextTab => "cmd-next-tab",
            C::PreviousTab => "cmd-previous-tab",
            C::ChooseLibraryFolder => "cmd-library-folder",
            C::ForgetLibraryFolder => "cmd-forget-library-folder",
            C::RefreshLibrary => "cmd-refresh",
            C::CancelIndexing => "cmd-cancel",
            C::Export => "cmd-export",
            C::ImportAnnotations => "cmd-import-annotations",
            C::ExportAnnotations => "cmd-export-annotations",
            C::ToggleDetails => "cmd-details",
            C::ShowParserNotes => "cmd-parser-notes",
            C::CompareWith => "cmd-compare-with",
            C::CompareWithPrevious => "cmd-compare-previous",
            C::NextChange => "cmd-next-change",
            C::PreviousChange => "cmd-previous-change",
            C::ToggleSubstantiveOnly => "cmd-substantive-only",
            C::ToggleCompareLayout => "cmd-compare-layout",
            C::CloseCompare => "cmd-close-compare",
            C::ExportComparison => "cmd-export-comparison",
            C::Quit => "cmd-quit",
            C::Find => "cmd-find",
            C::FindNext => "cmd-find-next",
            C::FindPrevious => "cmd-find-previous",
            C::CloseFind | C::Dismiss => "cmd-close",
            C::SearchLibrary => "cmd-search-library",
            C::Copy => "cmd-copy",
            C::SelectAll => "cmd-select-all",
            C::Undo => "cmd-undo",
            C::Redo => "cmd-redo",
            C::ToggleOutline => "cmd-outline-pane",
            C::ToggleAnnotations => "cmd-annotations-pane",
            C::ToggleLibrary => "cmd-library-pane",
            C::ToggleJustify => "cmd-justify",
            C::ToggleDark => "cmd-dark",
            C::ZoomIn => "cmd-zoom-in",
            C::ZoomOut => "cmd-zoom-out",
            C::ZoomReset => "cmd-zoom-reset",
            C::CloseBeside => "cmd-close-beside",
            C::Highlight(_) => "cmd-highlight",
            C::HighlightWithNote => "cmd-note",
            C::OutlinePrevious => "cmd-outline-previous",
            C::OutlineNext => "cmd-outline-next",
            C::Scroll(Scroll::Pages(n)) if *n > 0.0 => "cmd-page-down",
            C::Scroll(Scroll::Pages(_)) => "cmd-page-up",
            C::Scroll(Scroll::Lines(n)) if *n > 0.0 => "cmd-line-down",
            C::Scroll(Scroll::Lines(_)) => "cmd-line-up",
            C::Scroll(Scroll::Top) => "cmd-top",
            C::Scroll(Scroll::End) => "cmd-end",
            C::ClosePopup | C::LeavePopup => "cmd-close-popup",
            C::OpenPopup(_) => "cmd-open-popup",
            C::DismissMessages => "cmd-ok",
            C::LibraryPreviousRow => "cmd-library-previous-row",
            C::LibraryNextRow => "cmd-library-next-row",
            C::LibraryOpenRow => "cmd-library-open-row",
            C::CopyCitation { .. } => "cmd-copy-citation",
            C::ReadIn(_) | C::ShowBeside(_) | C::SetInterfaceLanguage(_) => "cmd-language",
            C::OpenFile(_)
            | C::CompareWithFile(_)
            | C::ExportComparisonTo(_)
            | C::Load(_)
            | C::SwitchTab(_)
            | C::SetLibraryFolder(_)
            | C::ExportTo(_)
            | C::AnnotateParagraph { .. }
            | C::OpenNote(_)
            | C::DeleteAnnotation(_)
            | C::GoToAnnotation(_)
            | C::GoToBlock(_)
            | C::GoToParagraph { .. } => return None,
        })
    }

    /// The name of the command in menus and buttons, in the interface language.
    pub fn label(&self) -> Cow<'static, str> {
        use Command as C;
        match self {
            C::OpenFile(p) | C::CompareWithFile(p) | C::ExportComparisonTo(p) => {
                Cow::Owned(p.display().to_string())
            }
            C::Highlight(c) => Cow::Owned(ta(
                "cmd-highlight",
                &[("colour", arg(t(&format!("colour-{}", c.name()))))],
            )),
            _ => match self.label_id() {
                Some(id) => Cow::Owned(t(id)),
                None => Cow::Borrowed(""),
            },
        }
    }

    /// What the command does, for tooltips (defaults to the label).
    fn help(&self) -> Cow<'static, str> {
        use Command as C;
        let id = match self {
            C::ToggleOutline => "help-outline",
            C::ToggleLibrary => "help-library",
            C::ToggleAnnotations => "help-annotations",
            C::FindNext => "help-find-next",
            C::FindPrevious => "help-find-previous",
            C::HighlightWithNote => "help-note",
            C::CompareWithPrevious => "help-compare-previous",
            _ => return self.label(),
        };
        Cow::Owned(t(id))
    }

    /// The first shortcut as this platform writes it (⌘ on a Mac), if the command has one.
    pub(crate) fn shortcut_text(&self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|s| ctx.format_shortcut(s))
    }

    /// Tooltip: what the command does and its shortcut (`Outline: … (F7)`).
    pub(crate) fn tooltip(&self, ctx: &egui::Context) -> String {
        match self.shortcut_text(ctx) {
            Some(k) => ta(
                "tooltip-with-key",
                &[("help", arg(self.help())), ("key", arg(k))],
            ),
            None => self.help().into_owned(),
        }
    }

    /// Was one of the command's shortcuts pressed this frame? (Consumes it.) Extra Shift
    /// and Alt are ignored as egui does, which is why [`Command::keyed`] lists the most
    /// specific shortcuts first.
    pub(crate) fn consume(&self, input: &mut egui::InputState) -> bool {
        self.shortcuts().iter().any(|s| input.consume_shortcut(s))
    }
}

fn modifier_count(m: Modifiers) -> usize {
    [m.alt, m.shift, m.command || m.ctrl || m.mac_cmd]
        .into_iter()
        .filter(|b| *b)
        .count()
}

/// Commands pushed by panes and windows during a frame, applied by the app afterwards.
#[derive(Debug, Default)]
pub struct Commands(Vec<Command>);

impl Commands {
    pub fn push(&mut self, c: Command) {
        self.0.push(c);
    }

    pub fn contains(&self, c: &Command) -> bool {
        self.0.contains(c)
    }

    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.0)
    }
}

impl Extend<Command> for Commands {
    fn extend<T: IntoIterator<Item = Command>>(&mut self, iter: T) {
        self.0.extend(iter);
    }
}

/// Show the command's tooltip when the widget is hovered (worked out only then).
pub(crate) fn with_tooltip(resp: egui::Response, cmd: &Command) -> egui::Response {
    resp.on_hover_ui(|ui| {
        let tip = cmd.tooltip(ui.ctx());
        super::i18n::label(ui, &tip);
    })
}

/// A menu entry for `cmd`, with its shortcut; pushes the command when chosen. Right to left
/// (an Arabic interface): the name at the right, the shortcut at the left.
pub(crate) fn menu_item(ui: &mut egui::Ui, queue: &mut Commands, cmd: Command, enabled: bool) {
    let label = cmd.label();
    let name = super::i18n::text(ui, &label);
    let key = cmd.shortcut_text(ui.ctx());
    let button = match (&key, super::i18n::rtl()) {
        // Right to left the shortcut stands at the left, in the text colour: egui's faint
        // shortcut grey beside shaped Arabic is hard to read (Tesseract misread it as
        // letters).
        (Some(k), true) => egui::Button::new((
            egui::RichText::new(k.clone()).size(ui_size(ui) + 2.0),
            egui::Atom::grow(),
            name,
        )),
        (Some(k), false) => egui::Button::new(name).shortcut_text(k.clone()),
        (None, true) => egui::Button::new((egui::Atom::grow(), name)),
        (None, false) => egui::Button::new(name),
    };
    let resp = ui.add_enabled(enabled, button);
    let resp = super::i18n::named(resp, egui::accesskit::Role::Button, &label);
    if resp.clicked() {
        queue.push(cmd);
        ui.close();
    }
}

/// The size of egui's button text.
fn ui_size(ui: &egui::Ui) -> f32 {
    egui::TextStyle::Button.resolve(ui.style()).size
}

/// A menu check box for a toggle command (`Outline pane (F7)`); right to left, the box
/// stands at the right of its name.
pub(crate) fn menu_toggle(ui: &mut egui::Ui, queue: &mut Commands, cmd: Command, on: bool) {
    let label = match cmd.shortcut_text(ui.ctx()) {
        Some(k) => ta(
            "tooltip-with-key",
            &[("help", arg(cmd.label())), ("key", arg(k))],
        ),
        None => cmd.label().into_owned(),
    };
    let mut checked = on;
    let changed = if super::i18n::rtl() {
        let name = super::i18n::text(ui, &label);
        let mark = super::i18n::check_mark(on);
        let resp = ui.add(egui::Button::new((egui::Atom::grow(), name, mark)));
        super::i18n::named_selected(resp, egui::accesskit::Role::CheckBox, on, &label).clicked()
    } else {
        super::i18n::checkbox(ui, &mut checked, &label).changed()
    };
    if changed {
        queue.push(cmd);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &KeyboardShortcut, b: &KeyboardShortcut) -> bool {
        a.logical_key == b.logical_key
            && a.modifiers.shift == b.modifiers.shift
            && a.modifiers.alt == b.modifiers.alt
            && (a.modifiers.command || a.modifiers.ctrl)
                == (b.modifiers.command || b.modifiers.ctrl)
    }

    #[test]
    fn no_two_commands_share_a_shortcut_in_one_scope() {
        let keyed = Command::keyed();
        for scope in Scope::FOCUSED {
            let active: Vec<&Command> = keyed.iter().filter(|c| c.acts_in(scope)).collect();
            for (i, a) in active.iter().enumerate() {
                for b in &active[i + 1..] {
                    for sa in a.shortcuts() {
                        assert!(
                            !b.shortcuts().iter().any(|sb| same(sa, sb)),
                            "{a:?} and {b:?} share {sa:?} in {scope:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn window_wide_shortcuts_leave_text_editing_keys_to_text_fields() {
        for c in Command::keyed() {
            if c.scopes().contains(&Scope::Window) {
                for s in c.shortcuts() {
                    assert!(
                        !FIELD_KEYS.iter().any(|f| same(f, s)),
                        "{c:?} takes {s:?} from text fields"
                    );
                }
            }
        }
    }

    #[test]
    fn every_keyed_command_has_a_label_and_a_scope() {
        for c in Command::keyed() {
            assert!(!c.label().is_empty(), "{c:?}");
            assert!(!c.scopes().is_empty(), "{c:?}");
            assert!(!c.shortcuts().is_empty(), "{c:?}");
        }
    }
}
