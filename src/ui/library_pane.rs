//! The library pane: the folder's resolutions by session, each with its languages, filtered by
//! symbol or title words (Arabic folding); indexing progress with Cancel; full-text search
//! across the library. Pressing a row opens the document in a new tab.
//!
//! Titles and snippets (Arabic, French, …) are shaped by cosmic-text; symbols, language codes,
//! buttons and counts are Latin chrome drawn by egui. Only the visible rows are drawn.

use super::command::Command;
use super::i18n::{self, Hover, arg, number, t, ta};
use super::library::LibraryState;
use super::search::line_edit_labeled;
use super::text_painter::{LabelCache, LabelStyle, TextPainter, paint_label};
use super::view::paragraph_label;
use eframe::egui::{self, Rect, Sense, UiBuilder, pos2, vec2};
use qarar_document::{Direction, Language};
use qarar_library::{Entry, LibraryIndex};
use std::collections::BTreeMap;
use std::path::PathBuf;

const SESSION_ROW: f32 = 28.0;
const DOC_ROW: f32 = 74.0;
const HIT_ROW: f32 = 70.0;
const ERROR_ROW: f32 = 40.0;

/// What the pane asks of the window.
#[derive(Debug, Clone, PartialEq)]
pub enum LibraryAction {
    /// Open a file in a new tab, at a paragraph if given.
    Open {
        path: PathBuf,
        at: Option<String>,
    },
    ChooseFolder,
    Refresh,
    Cancel,
}

/// Browse the index, or search the text of every document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Browse,
    Search,
}

/// One row of the browse list.
#[derive(Debug, Clone)]
enum Row {
    Session {
        session: Option<u32>,
        count: usize,
    },
    Doc {
        symbol: String,
        files: Vec<(Language, PathBuf)>,
        title: String,
        title_dir: Direction,
    },
    ErrorsHeader(usize),
    Error {
        path: PathBuf,
        /// Translated when drawn, so it follows the interface language.
        error: qarar_document::LoadReason,
    },
}

impl Row {
    fn height(&self) -> f32 {
        match self {
            Row::Session { .. } | Row::ErrorsHeader(_) => SESSION_ROW,
            Row::Doc { .. } => DOC_ROW,
            Row::Error { .. } => ERROR_ROW,
        }
    }
}

/// The pane's state.
#[derive(Default)]
pub struct LibraryPane {
    pub mode: Mode,
    pub filter: String,
    pub language: Option<Language>,
    pub query: String,
    /// Give the search field the keyboard on the next frame.
    pub(crate) focus_search: bool,
    rows: Vec<Row>,
    tops: Vec<f32>,
    /// The row chosen with ↑/↓ from the filter field.
    cursor: Option<usize>,
    /// The filter field had the keyboard in the last frame.
    pub(crate) filter_focused: bool,
    rows_key: Option<(u64, String, Option<Language>, Language)>,
    labels: LabelCache,
}

/// The name of a language in the interface's language.
pub fn language_name(l: Language) -> String {
    super::i18n::language_name(l)
}

pub(crate) const ALL_LANGUAGES: [Language; 6] = [
    Language::Ar,
    Language::En,
    Language::Fr,
    Language::Es,
    Language::Ru,
    Language::Zh,
];

/// `A/RES/75/125` → (75, 125) for ordering; other symbols sort after, by text.
fn symbol_order(symbol: &str) -> (u32, u32, String) {
    let nums: Vec<u32> = symbol
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|p| p.parse().ok())
        .collect();
    (
        nums.first().copied().unwrap_or(u32::MAX),
        nums.get(1).copied().unwrap_or(u32::MAX),
        symbol.to_string(),
    )
}

/// A symbol and its files (one per language).
type SymbolFiles<'a> = (String, Vec<&'a Entry>);

/// Rows of the browse list: sessions (newest first), their resolutions in number order, then
/// the files that could not be read.
fn build_rows(
    index: &LibraryIndex,
    filter: &str,
    language: Option<Language>,
    prefer: Language,
) -> Vec<Row> {
    let matching: Vec<&Entry> = index.filter(filter);
    let mut by_symbol: BTreeMap<String, Vec<&Entry>> = BTreeMap::new();
    for e in matching.iter().filter(|e| e.is_ok()) {
        let Some(symbol) = &e.symbol else { continue };
        by_symbol.entry(symbol.clone()).or_default().push(e);
    }
    let mut sessions: BTreeMap<std::cmp::Reverse<Option<u32>>, Vec<SymbolFiles>> = BTreeMap::new();
    for (symbol, entries) in by_symbol {
        if let Some(l) = language
            && !entries.iter().any(|e| e.language == Some(l))
        {
            continue;
        }
        let session = entries.iter().find_map(|e| e.session);
        sessions
            .entry(std::cmp::Reverse(session))
            .or_default()
            .push((symbol, entries));
    }
    let mut rows = Vec::new();
    for (std::cmp::Reverse(session), mut docs) in sessions {
        docs.sort_by_key(|(s, _)| symbol_order(s));
        rows.push(Row::Session {
            session,
            count: docs.len(),
        });
        for (symbol, mut entries) in docs {
            entries.sort_by_key(|e| {
                ALL_LANGUAGES
                    .iter()
                    .position(|l| Some(*l) == e.language)
                    .unwrap_or(9)
            });
            let shown = language.unwrap_or(prefer);
            let titled = entries
                .iter()
                .find(|e| e.language == Some(shown) && e.title.is_some())
                .or_else(|| {
                    entries
                        .iter()
                        .find(|e| e.language == Some(Language::En) && e.title.is_some())
                })
                .or_else(|| entries.iter().find(|e| e.title.is_some()));
            let (title, title_dir) = match titled {
                Some(e) => (
                    e.title.clone().unwrap_or_default(),
                    e.language.unwrap_or(Language::En).direction(),
                ),
                None => (String::new(), Direction::Ltr),
            };
            rows.push(Row::Doc {
                symbol,
                files: entries
                    .iter()
                    .filter_map(|e| e.language.map(|l| (l, e.path.clone())))
                    .collect(),
                title,
                title_dir,
            });
        }
    }
    let errors: Vec<&&Entry> = matching.iter().filter(|e| !e.is_ok()).collect();
    if !errors.is_empty() {
        rows.push(Row::ErrorsHeader(errors.len()));
        for e in errors {
            if let Some(error) = e.error.clone() {
                rows.push(Row::Error {
                    path: e.path.clone(),
                    error,
                });
            }
        }
    }
    rows
}

/// A clickable row of a list: highlighted under the pointer.
fn list_row(ui: &egui::Ui, rect: Rect, id: egui::Id) -> egui::Response {
    let resp = ui.interact(rect, id, Sense::click());
    if resp.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    resp
}

/// The layout of what stands at the far end of a row: the right end, or the left one when
/// the interface reads right to left.
fn far_end() -> egui::Layout {
    if i18n::rtl() {
        egui::Layout::left_to_right(egui::Align::Center)
    } else {
        egui::Layout::right_to_left(egui::Align::Center)
    }
}

/// The thin rule under a row.
fn row_rule(ui: &egui::Ui, rect: Rect) {
    ui.painter().hline(
        rect.x_range(),
        rect.bottom() - 0.5,
        ui.visuals().widgets.noninteractive.bg_stroke,
    );
}

/// A snippet that starts a few words before its first match (so that the match shows in two
/// lines), with the match ranges moved along.
fn around_first_mark(
    snippet: &str,
    marks: &[std::ops::Range<usize>],
) -> (String, Vec<std::ops::Range<usize>>) {
    let lead = snippet.len() - snippet.trim_start().len();
    let text = snippet.trim();
    let marks: Vec<std::ops::Range<usize>> = marks
        .iter()
        .filter(|r| r.start >= lead && r.end >= r.start)
        .map(|r| r.start - lead..r.end - lead)
        .filter(|r| {
            r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
        })
        .collect();
    let Some(first) = marks.iter().map(|r| r.start).min() else {
        return (text.to_string(), marks);
    };
    if first <= 60 {
        return (text.to_string(), marks);
    }
    // Five words before the match.
    let before = &text[..first];
    let cut = before
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(4)
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    if cut == 0 {
        return (text.to_string(), marks);
    }
    let prefix = "… ";
    let out = format!("{prefix}{}", &text[cut..]);
    let moved = marks
        .into_iter()
        .filter(|r| r.start >= cut)
        .map(|r| r.start - cut + prefix.len()..r.end - cut + prefix.len())
        .collect();
    (out, moved)
}

/// Cut a title to about `chars` characters at a word boundary.
fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    // Byte index of the `chars`-th character: the text is cut there or before, in place, so
    // that byte offsets into it (search highlights) stay valid.
    let limit = text
        .char_indices()
        .nth(chars.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..limit];
    // At the last white space when there is one (words stay whole); text without spaces
    // (Chinese) is cut at the character.
    let at_word_end = text[limit..].starts_with(char::is_whitespace);
    let cut = if at_word_end {
        limit
    } else {
        head.char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(limit, |(i, _)| i)
    };
    let cut = if cut == 0 { limit } else { cut };
    format!("{}…", head[..cut].trim_end())
}

impl LibraryPane {
    /// Show the pane. `prefer` is the language titles are shown in when there is a choice.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        library: &mut LibraryState,
        prefer: Language,
    ) -> Option<LibraryAction> {
        // An Arabic interface mirrors the pane: its runs start at the right.
        if i18n::rtl() {
            let column = egui::Layout::top_down(egui::Align::Max);
            return ui
                .with_layout(column, |ui| self.pane(ui, painter, library, prefer))
                .inner;
        }
        self.pane(ui, painter, library, prefer)
    }

    fn pane(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        library: &mut LibraryState,
        prefer: Language,
    ) -> Option<LibraryAction> {
        let mut action = None;
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            i18n::strong(ui, &t("pane-library"));
            ui.with_layout(far_end(), |ui| {
                if i18n::button(ui, &t("library-choose-folder")).clicked() {
                    action = Some(LibraryAction::ChooseFolder);
                }
                if library.folder.is_some()
                    && !library.is_indexing()
                    && i18n::button(ui, &t("cmd-refresh"))
                        .hover(t("library-refresh-help"))
                        .clicked()
                {
                    action = Some(LibraryAction::Refresh);
                }
            });
        });
        let Some(folder) = library.folder.clone() else {
            ui.add_space(8.0);
            i18n::label(ui, &t("library-no-folder-yet"));
            return action;
        };
        i18n::weak(ui, &folder.display().to_string()).hover(t("library-folder-help"));
        if let Some((phase, done, total)) = library.progress() {
            ui.horizontal(|ui| {
                let frac = if total == 0 {
                    0.0
                } else {
                    done as f32 / total as f32
                };
                let text = match phase {
                    0 => ta(
                        "library-reading-files",
                        &[("done", number(done)), ("total", number(total))],
                    ),
                    _ => ta(
                        "library-indexing",
                        &[("done", number(done)), ("total", number(total))],
                    ),
                };
                let bar = egui::ProgressBar::new(frac);
                if i18n::needs_shaping(&text) {
                    // egui sets a bar's text without shaping: the words beside it instead.
                    i18n::weak(ui, &text);
                    ui.add(bar.desired_width(ui.available_width() - 70.0));
                } else {
                    ui.add(bar.desired_width(ui.available_width() - 70.0).text(text));
                }
                if i18n::button(ui, &t("cmd-cancel")).clicked() {
                    action = Some(LibraryAction::Cancel);
                }
            });
        } else if let Some(status) = &library.status {
            i18n::weak(ui, status);
        }
        if let Some(problem) = &library.problem {
            i18n::colored(ui, ui.visuals().warn_fg_color, problem);
        }
        ui.horizontal(|ui| {
            if i18n::selectable(ui, self.mode == Mode::Browse, &t("library-browse")).clicked() {
                self.mode = Mode::Browse;
            }
            if i18n::selectable(ui, self.mode == Mode::Search, &t("library-search-text"))
                .hover(t("library-search-help"))
                .clicked()
            {
                self.mode = Mode::Search;
                self.focus_search = true;
            }
        });
        ui.separator();
        let Some(index) = library.index.clone() else {
            i18n::weak(ui, &t("library-reading-folder"));
            return action;
        };
        let found = match self.mode {
            Mode::Browse => self.browse(ui, painter, &index, library.generation, prefer),
            Mode::Search => self.search(ui, painter, library),
        };
        action.or(found)
    }

    fn browse(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        index: &LibraryIndex,
        generation: u64,
        prefer: Language,
    ) -> Option<LibraryAction> {
        let mut action = None;
        let width = ui.available_width();
        let field = line_edit_labeled(
            ui,
            painter,
            &mut self.labels,
            &mut self.filter,
            width,
            &t("library-filter"),
        )
        .hover(t("library-filter-help"));
        // From the filter field, ↑/↓ move through the resolutions and Enter opens one.
        let mut moved = false;
        self.filter_focused = field.has_focus();
        if field.has_focus() {
            // The filter's keys, as the command list binds them.
            let (up, down, enter) = ui.input_mut(|i| {
                (
                    Command::LibraryPreviousRow.consume(i),
                    Command::LibraryNextRow.consume(i),
                    Command::LibraryOpenRow.consume(i),
                )
            });
            let docs: Vec<usize> = (0..self.rows.len())
                .filter(|&i| matches!(self.rows[i], Row::Doc { .. }))
                .collect();
            let at = self.cursor.and_then(|c| docs.iter().position(|&d| d == c));
            let next = match (at, up, down) {
                (None, _, true) => docs.first().copied(),
                (Some(a), _, true) => docs.get(a + 1).or(docs.last()).copied(),
                (Some(a), true, _) => docs.get(a.saturating_sub(1)).copied(),
                _ => self.cursor,
            };
            moved = next != self.cursor;
            self.cursor = next;
            if enter
                && let Some(Row::Doc { files, .. }) = self
                    .cursor
                    .or(docs.first().copied())
                    .and_then(|c| self.rows.get(c))
            {
                let preferred = files
                    .iter()
                    .find(|(l, _)| Some(*l) == self.language)
                    .or_else(|| files.iter().find(|(l, _)| *l == prefer))
                    .or_else(|| files.first());
                if let Some((_, path)) = preferred {
                    action = Some(LibraryAction::Open {
                        path: path.clone(),
                        at: None,
                    });
                }
            }
        }
        self.language_chips(ui);
        let key = (generation, self.filter.clone(), self.language, prefer);
        if self.rows_key.as_ref() != Some(&key) {
            self.rows = build_rows(index, &self.filter, self.language, prefer);
            self.tops.clear();
            let mut y = 0.0;
            for r in &self.rows {
                self.tops.push(y);
                y += r.height();
            }
            self.tops.push(y);
            self.rows_key = Some(key);
            self.cursor = None;
        }
        if self.rows.is_empty() {
            ui.add_space(8.0);
            i18n::weak(
                ui,
                &t(if self.filter.trim().is_empty() {
                    "library-empty"
                } else {
                    "library-no-match"
                }),
            );
            return None;
        }
        let total = self.tops.last().copied().unwrap_or(0.0);
        // Borrowed, not cloned, while rows are drawn (drawing needs `&mut self`).
        let rows = std::mem::take(&mut self.rows);
        egui::ScrollArea::vertical()
            .id_salt("library-rows")
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                ui.set_min_height(total);
                let content = ui.max_rect();
                // Keep the row chosen with the keyboard in view.
                if moved
                    && let Some(c) = self.cursor
                    && let (Some(top), Some(row)) = (self.tops.get(c), rows.get(c))
                {
                    ui.scroll_to_rect(
                        Rect::from_min_size(
                            pos2(content.left(), content.top() + top),
                            vec2(content.width(), row.height()),
                        ),
                        None,
                    );
                }
                let first = self.tops.partition_point(|&t| t <= viewport.top());
                let first = first.saturating_sub(1);
                for (i, row) in rows.iter().enumerate().skip(first) {
                    let top = self.tops[i];
                    if top > viewport.bottom() {
                        break;
                    }
                    let rect = Rect::from_min_size(
                        pos2(content.left(), content.top() + top),
                        vec2(content.width(), row.height()),
                    );
                    if Some(i) == self.cursor {
                        ui.painter().rect_filled(
                            rect,
                            3.0,
                            ui.visuals().selection.bg_fill.gamma_multiply(0.35),
                        );
                    }
                    if let Some(a) = self.row(ui, painter, row, rect, prefer) {
                        action = Some(a);
                    }
                }
            });
        self.rows = rows;
        action
    }

    /// All / AR / EN / …: keep one language in the list and in search results.
    fn language_chips(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            if i18n::selectable(ui, self.language.is_none(), &t("library-all")).clicked() {
                self.language = None;
            }
            for l in ALL_LANGUAGES {
                ui.selectable_value(&mut self.language, Some(l), l.code().to_uppercase())
                    .hover(language_name(l));
            }
        });
    }

    fn row(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        row: &Row,
        rect: Rect,
        prefer: Language,
    ) -> Option<LibraryAction> {
        let mut action = None;
        // Right to left, a row is mirrored: right-aligned, and its horizontal runs start at
        // the right (egui's `horizontal` follows a right-aligned column).
        let rtl = i18n::rtl();
        let column = if rtl {
            egui::Layout::top_down(egui::Align::Max)
        } else {
            egui::Layout::top_down(egui::Align::Min)
        };
        let mut child = ui.new_child(UiBuilder::new().max_rect(rect).layout(column));
        let ui = &mut child;
        match row {
            Row::Session { session, count } => {
                ui.add_space(6.0);
                let name = match session {
                    Some(s) => ta("library-session", &[("session", arg(s.to_string()))]),
                    None => t("library-other-documents"),
                };
                ui.horizontal(|ui| {
                    i18n::strong(ui, &name);
                    i18n::weak(ui, &ta("library-count", &[("count", number(*count))]));
                });
            }
            Row::ErrorsHeader(n) => {
                ui.add_space(6.0);
                i18n::strong(ui, &ta("library-unreadable", &[("count", number(*n))]));
            }
            Row::Error { path, error } => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                i18n::colored(ui, ui.visuals().error_fg_color, &name)
                    .hover(path.display().to_string());
                let error = super::load_message::load_reason(error);
                i18n::weak(ui, &shorten(&error, 70)).hover(error);
            }
            Row::Doc {
                symbol,
                files,
                title,
                title_dir,
            } => {
                let resp = list_row(ui, rect, egui::Id::unique(("qarar-library-doc", symbol)));
                let langs: Vec<&str> = files.iter().map(|(l, _)| l.code()).collect();
                let label = format!("{symbol} ({}): {title}", langs.join(", "));
                resp.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::accesskit::Role::ListItem, true, &label)
                });
                ui.horizontal(|ui| {
                    ui.add_space(4.0);
                    ui.strong(symbol);
                    // The language buttons at the other end of the row.
                    ui.with_layout(far_end(), |ui| {
                        // Clear of the scroll bar (and of the pane's edge).
                        ui.add_space(if rtl { 4.0 } else { 8.0 });
                        ui.spacing_mut().item_spacing.x = 2.0;
                        ui.spacing_mut().button_padding = vec2(3.0, 0.0);
                        for (l, path) in files.iter().rev() {
                            let text = egui::RichText::new(l.code().to_uppercase()).size(10.5);
                            let b = ui.add(egui::Button::new(text).small()).hover(ta(
                                "library-open-in",
                                &[("language", arg(language_name(*l)))],
                            ));
                            let name = ta(
                                "library-open-symbol-in",
                                &[
                                    ("symbol", arg(symbol.to_string())),
                                    ("language", arg(language_name(*l))),
                                ],
                            );
                            b.widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::accesskit::Role::Button,
                                    true,
                                    &name,
                                )
                            });
                            if b.clicked() {
                                action = Some(LibraryAction::Open {
                                    path: path.clone(),
                                    at: None,
                                });
                            }
                        }
                    });
                });
                if !title.is_empty() {
                    let style = LabelStyle {
                        size: 14.0,
                        bold: false,
                        color: ui.visuals().text_color(),
                        direction: *title_dir,
                        width: rect.width() - 12.0,
                        line_height: 1.35,
                    };
                    let mut shown = shorten(title, 110);
                    let mut l = painter.label(ui.ctx(), &mut self.labels, &shown, style);
                    // Two lines at most: cut further, a few words at a time, until it fits.
                    while l.size.y > 14.0 * 1.35 * 2.5 && shown.chars().count() > 12 {
                        shown = shorten(&shown, shown.chars().count() * 9 / 10);
                        l = painter.label(ui.ctx(), &mut self.labels, &shown, style);
                    }
                    paint_label(ui.painter(), &l, pos2(rect.left() + 6.0, rect.top() + 24.0));
                }
                if action.is_none()
                    && resp
                        .on_hover_cursor(egui::CursorIcon::PointingHand)
                        .clicked()
                {
                    // The chosen language, else the one being read, else the first.
                    let preferred = files
                        .iter()
                        .find(|(l, _)| Some(*l) == self.language)
                        .or_else(|| files.iter().find(|(l, _)| *l == prefer))
                        .or_else(|| files.first());
                    if let Some((_, path)) = preferred {
                        action = Some(LibraryAction::Open {
                            path: path.clone(),
                            at: None,
                        });
                    }
                }
                row_rule(ui, rect);
            }
        }
        action
    }

    fn search(
        &mut self,
        ui: &mut egui::Ui,
        painter: &mut TextPainter,
        library: &mut LibraryState,
    ) -> Option<LibraryAction> {
        let mut action = None;
        let width = ui.available_width();
        let resp = line_edit_labeled(
            ui,
            painter,
            &mut self.labels,
            &mut self.query,
            width,
            &t("cmd-search-library"),
        );
        if std::mem::take(&mut self.focus_search) {
            resp.request_focus();
        }
        self.language_chips(ui);
        if resp.has_focus() || !self.query.is_empty() {
            library.search(&self.query, self.language, ui.ctx());
        }
        let Some(results) = library.results() else {
            i18n::weak(
                ui,
                &if library.is_searching() {
                    t("library-searching")
                } else {
                    t("library-search-forms")
                },
            );
            return None;
        };
        if let Some(e) = &results.error {
            i18n::colored(ui, ui.visuals().error_fg_color, e);
            return None;
        }
        // The language chip is part of the query: no filtering (or copying) here.
        let hits = &results.hits;
        let found = match hits.len() {
            0 => t("library-no-paragraph"),
            n if n >= super::library::SEARCH_LIMIT => {
                ta("library-first-paragraphs", &[("count", number(n))])
            }
            n => ta("library-paragraphs-found", &[("count", number(n))]),
        };
        i18n::weak(ui, &found);
        let total = hits.len() as f32 * HIT_ROW;
        egui::ScrollArea::vertical()
            .id_salt("library-hits")
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                ui.set_min_height(total);
                let content = ui.max_rect();
                let first = (viewport.top() / HIT_ROW).floor().max(0.0) as usize;
                let last = ((viewport.bottom() / HIT_ROW).ceil() as usize).min(hits.len());
                for (i, hit) in hits.iter().enumerate().take(last).skip(first) {
                    let rect = Rect::from_min_size(
                        pos2(content.left(), content.top() + i as f32 * HIT_ROW),
                        vec2(content.width(), HIT_ROW),
                    );
                    let resp = list_row(ui, rect, egui::Id::unique(("qarar-library-hit", i)));
                    let symbol = hit.symbol.clone().unwrap_or_else(|| {
                        hit.path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default()
                    });
                    let lang = hit
                        .language
                        .map(|l| l.code().to_uppercase())
                        .unwrap_or_default();
                    let head = format!("{symbol} · {lang} · {}", paragraph_label(&hit.paragraph));
                    let a11y = format!("{head}: {}", hit.snippet);
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::accesskit::Role::ListItem, true, &a11y)
                    });
                    ui.painter().text(
                        rect.left_top() + vec2(6.0, 4.0),
                        egui::Align2::LEFT_TOP,
                        &head,
                        egui::FontId::proportional(13.0),
                        ui.visuals().strong_text_color(),
                    );
                    let style = LabelStyle {
                        size: 14.0,
                        bold: false,
                        color: ui.visuals().text_color(),
                        direction: hit
                            .language
                            .map(Language::direction)
                            .unwrap_or(Direction::Ltr),
                        width: rect.width() - 12.0,
                        line_height: 1.35,
                    };
                    // The matched words in bold and colour, as the index found them.
                    let (snippet, marks) = around_first_mark(&hit.snippet, &hit.highlights);
                    let mark_color = if ui.visuals().dark_mode {
                        egui::Color32::from_rgb(255, 190, 90)
                    } else {
                        egui::Color32::from_rgb(170, 70, 0)
                    };
                    let mut shown = shorten(&snippet, 130);
                    let mut l = painter.label_marked(
                        ui.ctx(),
                        &mut self.labels,
                        &shown,
                        style,
                        &marks,
                        mark_color,
                    );
                    // Two lines at most, cut at a word.
                    while l.size.y > 14.0 * 1.35 * 2.5 && shown.chars().count() > 12 {
                        shown = shorten(&shown, shown.chars().count() * 9 / 10);
                        l = painter.label_marked(
                            ui.ctx(),
                            &mut self.labels,
                            &shown,
                            style,
                            &marks,
                            mark_color,
                        );
                    }
                    let clip = Rect::from_min_max(
                        pos2(rect.left(), rect.top() + 22.0),
                        pos2(rect.right(), rect.bottom() - 4.0),
                    );
                    paint_label(
                        &ui.painter().with_clip_rect(clip.intersect(ui.clip_rect())),
                        &l,
                        pos2(rect.left() + 6.0, rect.top() + 24.0),
                    );
                    if resp
                        .on_hover_cursor(egui::CursorIcon::PointingHand)
                        .clicked()
                    {
                        action = Some(LibraryAction::Open {
                            path: hit.path.clone(),
                            at: Some(hit.paragraph.clone()),
                        });
                    }
                    row_rule(ui, rect);
                }
            });
        action
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_sort_by_number_not_text() {
        let mut v = vec!["A/RES/75/125", "A/RES/75/10", "A/RES/75/1", "A/RES/75/59"];
        v.sort_by_key(|s| symbol_order(s));
        assert_eq!(
            v,
            ["A/RES/75/1", "A/RES/75/10", "A/RES/75/59", "A/RES/75/125"]
        );
    }

    #[test]
    fn snippets_start_a_few_words_before_the_match() {
        let text =
            "one two three four five six seven eight nine ten eleven twelve thirteen INTERPOL end";
        let at = text.find("INTERPOL").unwrap_or(0);
        let found = at..at + 8;
        let (shown, marks) = around_first_mark(text, std::slice::from_ref(&found));
        assert!(shown.starts_with("… "), "{shown}");
        assert_eq!(&shown[marks[0].clone()], "INTERPOL");
        assert!(shown.len() < text.len());
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        assert_eq!(shorten("one two three four", 10), "one two…");
        assert_eq!(shorten("short", 10), "short");
        // Offsets before the cut stay valid: the text is cut in place, spaces kept as they are.
        assert_eq!(
            shorten("générale\u{a0}: INTERPOL and more words", 20),
            "générale\u{a0}: INTERPOL…"
        );
        // Chinese has no spaces: cut at the character.
        assert_eq!(shorten("联合国同国际刑事警察组织的合作", 6), "联合国同国…");
    }
}
