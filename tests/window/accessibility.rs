//! What a screen reader gets from the reader window, read through AccessKit as egui_kittest
//! sees it: the text of every block, the whole document, the window's name, Tab from paragraph
//! to paragraph, footnote popups as focused dialogs, the outline as a tree.

use eframe::egui::{self, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use qarar::ui::{ReaderApp, StartOptions};

fn reader() -> Harness<'static, ReaderApp> {
    let start = StartOptions {
        data_dir: Some(
            std::env::temp_dir().join(format!("qarar-a11y-test-{}", std::process::id())),
        ),
        ..StartOptions::default()
    };
    let mut app = ReaderApp::new(&egui::Context::default(), None, start);
    app.settings.show_outline = true;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut ReaderApp| app.frame(ui), app);
    h.run_ok();
    h
}

/// The document view's visible area on a 1280×800 window (below the menu, above the status).
fn in_view(rect: egui::Rect) -> bool {
    rect.top() >= 20.0 && rect.bottom() <= 770.0
}

fn is_arabic(s: &str) -> bool {
    s.chars()
        .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
        .count()
        > 10
}

/// The text a screen reader reads from a block: its text node's runs, in order.
fn text_of(h: &Harness<'static, ReaderApp>, label: &str) -> String {
    let block = h.get_by_label(label);
    let node = block.accesskit_node();
    let text = node
        .children()
        .find(|c| c.role() == Role::Document)
        .expect("a block holds a text node");
    text.value().unwrap_or_default()
}

#[test]
fn at_start_preambular_paragraph_2_holds_its_arabic_text_in_text_runs() {
    let h = reader();
    let p2 = h.get_by_label("Preambular paragraph 2");
    assert!(
        is_arabic(&p2.value().unwrap_or_default()),
        "{:?}",
        p2.value()
    );
    let text = text_of(&h, "Preambular paragraph 2");
    assert!(is_arabic(&text), "{text:?}");
    // Each run gives every character its length, position and width (from the layout).
    let node = p2.accesskit_node();
    let doc = node
        .children()
        .find(|c| c.role() == Role::Document)
        .expect("text node");
    let runs: Vec<_> = doc
        .children()
        .filter(|c| c.role() == Role::TextRun)
        .collect();
    assert!(runs.len() >= 2, "one run per line at least");
    for r in &runs {
        let data = r.data();
        let n = data.character_lengths().len();
        assert!(n > 0);
        assert_eq!(data.character_positions().map(<[f32]>::len), Some(n));
        assert_eq!(data.character_widths().map(<[f32]>::len), Some(n));
        let bytes: usize = data.character_lengths().iter().map(|l| *l as usize).sum();
        assert_eq!(bytes, data.value().unwrap_or_default().len());
    }
    // No invisible display helpers reach the reader.
    assert!(!text.contains(['\u{200F}', '\u{2068}', '\u{2069}', '\u{2060}']));
}

#[test]
fn the_title_is_a_heading_and_the_window_is_named() {
    let h = reader();
    let title = h.get_by_label("Title");
    assert_eq!(title.accesskit_node().role(), Role::Heading);
    assert!(in_view(title.rect()));
    let root = h.root();
    assert_eq!(
        root.accesskit_node().label().as_deref(),
        Some("A/RES/75/10 — Qarar")
    );
}

#[test]
fn paragraph_16_is_in_the_tree_off_screen_with_its_text() {
    let h = reader();
    let p16 = h.get_by_label("Paragraph 16");
    assert!(
        p16.rect().top() > 800.0,
        "below the window: {:?}",
        p16.rect()
    );
    assert!(is_arabic(&text_of(&h, "Paragraph 16")));
    // The last block of the document too.
    let blocks = h.state().current().expect("open").view.blocks().len();
    assert!(blocks > 40);
    let paragraphs = h
        .query_all(
            by().role(Role::Document)
                .predicate(|n| n.value().is_some_and(|v| is_arabic(&v))),
        )
        .count();
    assert!(paragraphs >= 40, "{paragraphs} blocks expose Arabic text");
}

#[test]
fn tab_from_the_last_visible_paragraph_moves_to_the_next_and_scrolls() {
    let mut h = reader();
    let labels: Vec<String> = h
        .query_all(by().predicate(|n| {
            matches!(n.role(), Role::Paragraph | Role::ListItem)
                && n.label()
                    .is_some_and(|l| l.starts_with("Preambular paragraph"))
        }))
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    let last_visible = labels
        .iter()
        .filter(|l| in_view(h.get_by_label(l).rect()))
        .last()
        .cloned()
        .expect("a preambular paragraph in view");
    let k = labels
        .iter()
        .position(|l| *l == last_visible)
        .expect("listed");
    let next = labels.get(k + 1).cloned().expect("a next paragraph");
    assert!(
        !in_view(h.get_by_label(&next).rect()),
        "{next} starts out of view"
    );
    h.get_by_label(&last_visible).focus();
    h.run_ok();
    assert!(h.get_by_label(&last_visible).is_focused());
    h.key_press(egui::Key::Tab);
    h.run_ok();
    let n = h.get_by_label(&next);
    assert!(n.is_focused(), "{next} has focus after Tab");
    assert!(
        in_view(n.rect()),
        "{next} scrolled into view: {:?}",
        n.rect()
    );
    // Shift+Tab goes back.
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    h.run_ok();
    assert!(h.get_by_label(&last_visible).is_focused());
}

#[test]
fn focusing_an_off_screen_paragraph_scrolls_to_it() {
    let mut h = reader();
    h.get_by_label("Paragraph 16").focus();
    h.run_ok();
    let p = h.get_by_label("Paragraph 16");
    assert!(in_view(p.rect()), "{:?}", p.rect());
    assert!(p.is_focused());
}

#[test]
fn footnote_markers_are_links_inside_their_paragraph() {
    let mut h = reader();
    // Preambular paragraph 10 holds footnote 2; nothing needs to be scrolled for the tree.
    let marker = h.get_by_label("Footnote 2");
    assert_eq!(marker.accesskit_node().role(), Role::Link);
    let mut parent = marker.accesskit_node().parent();
    let mut owner = None;
    while let Some(p) = parent {
        if p.role() == Role::Paragraph {
            owner = p.label();
            break;
        }
        parent = p.parent();
    }
    assert_eq!(owner.as_deref(), Some("Preambular paragraph 10"));
    // The marker's text is part of the paragraph's text, in reading order.
    assert!(text_of(&h, "Preambular paragraph 10").contains("(2)"));
    h.run_ok();
}

/// Scroll the outline to an entry, as a person would, and press it.
fn press_outline(h: &mut Harness<'static, ReaderApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_ok();
    h.get_by_label(label).click();
    h.run_ok();
}

#[test]
fn pressing_footnote_2_gives_a_focused_dialog_holding_its_text_and_esc_returns_to_the_marker() {
    let mut h = reader();
    press_outline(&mut h, "Outline: Preambular paragraph 10");
    h.get_by_label("Footnote 2").click();
    h.run_ok();
    let dialog = h.get_by_role(Role::Dialog);
    assert!(dialog.is_focused(), "the dialog takes the focus");
    assert_eq!(
        dialog.accesskit_node().label().as_deref(),
        Some("Footnote 2")
    );
    let text = dialog
        .query_all(by().role(Role::Label))
        .filter_map(|n| n.accesskit_node().value().or(n.accesskit_node().label()))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("288/60"), "{text}");
    h.key_press(egui::Key::Escape);
    h.run_ok();
    assert!(h.query_by_role(Role::Dialog).is_none());
    assert!(
        h.get_by_label("Footnote 2").is_focused(),
        "focus back on the marker"
    );
}

#[test]
fn a_reference_inside_a_footnote_popup_opens_its_own_popup() {
    let mut h = reader();
    press_outline(&mut h, "Outline: Preambular paragraph 10");
    h.get_by_label("Footnote 2").click();
    h.run_ok();
    let link = h
        .get_by_role(Role::Dialog)
        .get(by().role(Role::Link).label_contains("60/288"));
    assert!(link.rect().width() > 5.0);
    link.click();
    h.run_ok();
    let dialog = h.get_by_role(Role::Dialog);
    assert_eq!(
        dialog.accesskit_node().label().as_deref(),
        Some("Resolution A/RES/60/288")
    );
    assert!(dialog.is_focused());
}

#[test]
fn the_outline_is_a_tree_named_as_shown_with_the_current_entry_selected() {
    let mut h = reader();
    let items: Vec<(String, bool)> = h
        .query_all(by().role(Role::TreeItem))
        .map(|n| {
            let a = n.accesskit_node();
            (a.label().unwrap_or_default(), a.is_selected() == Some(true))
        })
        .collect();
    assert!(items.len() > 30, "{} entries", items.len());
    // Named as shown: in Arabic, like the document.
    assert!(
        items
            .iter()
            .filter(|(l, _)| is_arabic(l) || l.contains('ـ'))
            .count()
            > 20
            || {
                items
                    .iter()
                    .filter(|(l, _)| l.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)))
                    .count()
                    > 20
            }
    );
    // At start the view shows the header: no clause is current yet.
    assert!(items.iter().filter(|(_, s)| *s).count() <= 1);
    // The entry of paragraph 13 is a tree item holding the link tests and navigation use.
    press_outline(&mut h, "Outline: Paragraph 13");
    let selected = h
        .query_all(by().role(Role::TreeItem))
        .filter(|n| n.accesskit_node().is_selected() == Some(true))
        .count();
    assert_eq!(selected, 1, "one selected entry");
    let link = h.get_by_label("Outline: Paragraph 13");
    let item = link.accesskit_node().parent().expect("in a tree item");
    assert_eq!(item.role(), Role::TreeItem);
    assert_eq!(item.is_selected(), Some(true));
    assert!(
        item.label().is_some_and(|l| l.starts_with("13")),
        "{:?}",
        item.label()
    );
    // Paragraph 13 has sub-paragraphs: its entry says whether it is expanded.
    assert_eq!(item.data().is_expanded(), Some(true));
}

#[test]
fn the_outline_highlight_follows_a_search_jump() {
    let mut h = reader();
    press_outline(&mut h, "Outline: Preambular paragraph 2");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_ok();
    h.get_by_label("Search").click();
    h.run_ok();
    // A word of paragraph 16 only (the last operative paragraph).
    let p16 = text_of(&h, "Paragraph 16");
    let word = p16
        .split_whitespace()
        .filter(|w| w.chars().count() >= 6)
        .find(|w| {
            let blocks = h.state().current().expect("open").view.blocks();
            blocks
                .iter()
                .filter(|b| b.display.logical(0..b.display.text.len()).contains(w))
                .count()
                == 1
        })
        .expect("a word found only in paragraph 16")
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_string();
    h.get_by_label("Search").type_text(&word);
    h.run_ok();
    h.key_press(egui::Key::Enter);
    h.run_ok();
    let selected: Vec<String> = h
        .query_all(by().role(Role::TreeItem))
        .filter(|n| n.accesskit_node().is_selected() == Some(true))
        .flat_map(|n| {
            n.accesskit_node()
                .children()
                .filter_map(|c| c.label())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(selected, vec!["Outline: Paragraph 16".to_string()]);
}

#[test]
fn enter_in_search_does_not_scroll_when_the_next_match_is_in_view() {
    let mut h = reader();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_ok();
    h.get_by_label("Search").click();
    h.run_ok();
    // The first word of the title: in view at start.
    let title = text_of(&h, "Title");
    let word = title
        .split_whitespace()
        .find(|w| w.chars().count() >= 4)
        .expect("a word")
        .to_string();
    h.get_by_label("Search").type_text(&word);
    h.run_ok();
    let before = h.get_by_label("Title").rect();
    h.key_press(egui::Key::Enter);
    h.run_ok();
    let after = h.get_by_label("Title").rect();
    assert_eq!(before, after, "the view did not move");
}

#[test]
fn chinese_outline_entries_are_cut_like_the_others_and_the_ellipsis_keeps_its_word() {
    let akn = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/akn");
    let Ok(zh) = qarar_document::load_path(&akn.join("76_7_C.xml")) else {
        eprintln!("skipping: corpus absent");
        return;
    };
    let blocks = qarar_text::display::blocks(&zh);
    let entries = qarar::ui::outline::entries(&zh, &blocks);
    assert!(entries.len() > 5);
    for e in &entries {
        let n = e.text.chars().count();
        assert!(n <= 24, "{n} characters: {}", e.text);
    }
    assert!(
        entries.iter().any(|e| e.text.ends_with('…')),
        "long ones are cut"
    );
    // "… " never stands alone: it is glued to the word before it.
    let ar = qarar::ui::outline::fit("وإذ تشير إلى قرارها …");
    assert!(ar.ends_with("\u{a0}…"), "{ar:?}");
    assert!(!ar.contains(" …"));
    assert_eq!(qarar::ui::outline::fit("13 - يقرر"), "13 - يقرر");
}
