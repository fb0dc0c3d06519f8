//! The reader window driven through AccessKit, as a person (or a screen reader) would.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qarar::ui::{ReaderApp, StartOptions};

fn reader(mut start: StartOptions) -> Harness<'static, ReaderApp> {
    // Keep the tests' annotation stores out of the user's data directory.
    start.data_dir.get_or_insert_with(|| {
        std::env::temp_dir().join(format!("qarar-reader-test-{}", std::process::id()))
    });
    let mut app = ReaderApp::new(&egui::Context::default(), None, start);
    app.settings.show_outline = true;
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut ReaderApp| app.frame(ui), app)
}

fn settle(h: &mut Harness<'static, ReaderApp>) {
    h.run_ok();
}

/// Scroll the outline to an entry, as a person would, and press it.
fn press_outline(h: &mut Harness<'static, ReaderApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    settle(h);
    h.get_by_label(label).click();
    settle(h);
}

/// The document view's visible area on a 1280×800 window (below the menu, above the status).
fn in_view(rect: egui::Rect) -> bool {
    rect.top() >= 20.0 && rect.top() < 760.0
}

#[test]
fn bundled_resolution_opens_with_its_first_paragraphs_visible() {
    let mut h = reader(StartOptions::default());
    settle(&mut h);
    let title = h.get_by_label("Title");
    assert!(in_view(title.rect()));
    assert!(h.query_by_label("Enacting formula").is_some());
    assert!(h.query_by_label("Preambular paragraph 1").is_some());
}

#[test]
fn pressing_footnote_2_shows_a_popup_with_resolution_288_60() {
    let mut h = reader(StartOptions::default());
    settle(&mut h);
    // Footnote 2 stands in preambular paragraph 10: go there with the outline first.
    press_outline(&mut h, "Outline: Preambular paragraph 10");
    h.get_by_label("Footnote 2").click();
    settle(&mut h);
    let popup = h.get_by_label_contains("288/60");
    assert!(popup.rect().width() > 50.0);
    // Esc closes it.
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    assert!(h.query_by_label_contains("288/60").is_none());
}

#[test]
fn pressing_the_outline_entry_of_paragraph_13_brings_its_first_line_into_view() {
    let mut h = reader(StartOptions::default());
    settle(&mut h);
    assert!(
        !in_view(h.get_by_label("Paragraph 13").rect()),
        "paragraph 13 starts out of view"
    );
    press_outline(&mut h, "Outline: Paragraph 13");
    let p13 = h.get_by_label("Paragraph 13");
    assert!(in_view(p13.rect()), "paragraph 13 at {:?}", p13.rect());
}

#[test]
fn searching_interpol_without_hamza_finds_every_spelling() {
    let mut h = reader(StartOptions::default());
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    settle(&mut h);
    h.get_by_label("Search").click();
    settle(&mut h);
    h.get_by_label("Search").type_text("الانتربول");
    settle(&mut h);
    let app = h.state();
    let cur = app.current().expect("a document is open");
    let blocks = cur.view.blocks();
    // Every written form in the displayed text is found: with hamza, with ب and with پ.
    let mut expected = 0;
    for b in blocks {
        let t = b.display.logical(0..b.display.text.len());
        expected += t.matches("الإنتربول").count() + t.matches("الإنترپول").count();
    }
    assert!(
        expected >= 10,
        "the seed spells INTERPOL often ({expected})"
    );
    assert_eq!(cur.view.matches.len(), expected);
    let found_persian = cur
        .view
        .matches
        .iter()
        .any(|(b, r)| blocks[*b].display.text[r.clone()].contains('پ'));
    assert!(found_persian, "the Persian-پ spelling is found too");
    // Enter moves to the first match and the count reads "1 / N".
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    assert!(h.query_by_label(&format!("1 / {expected}")).is_some());
}

#[test]
fn copying_a_selection_with_a_latin_symbol_gives_logical_order() {
    let mut h = reader(StartOptions::default());
    settle(&mut h);
    // Drag across the whole header line holding the originating documents.
    let info = h
        .get_all_by_label("Document information")
        .last()
        .map(|n| n.rect());
    let rect = info.expect("header lines are shown");
    h.hover_at(rect.right_center() + egui::vec2(-1.0, 0.0));
    h.drag_at(rect.right_center() + egui::vec2(-1.0, 0.0));
    h.step();
    h.hover_at(rect.left_center() + egui::vec2(1.0, 0.0));
    h.step();
    h.drop_at(rect.left_center() + egui::vec2(1.0, 0.0));
    h.step();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::C);
    h.event(egui::Event::Copy);
    h.step();
    let copied = h.state().current().and_then(|c| c.view.selected_text());
    let copied = copied.expect("something is selected");
    assert!(copied.contains("A/75/L.20"), "copied: {copied}");
    let a = copied.find("A/75/L.20").unwrap_or(usize::MAX);
    let b = copied.find("A/75/L.20/Add.1").unwrap_or(0);
    assert!(a < b, "logical order kept: {copied}");
    assert!(
        !copied.contains('\u{2060}'),
        "no display helpers in copied text"
    );
}

#[test]
fn a_hostile_file_shows_an_error_and_the_window_keeps_working() {
    let mut h = reader(StartOptions::default());
    settle(&mut h);
    let dir = std::env::temp_dir().join(format!("qarar-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let junk = dir.join("junk.txt");
    std::fs::write(
        &junk,
        [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 255, 0, 0].repeat(100),
    )
    .expect("write");
    let ctx = h.ctx.clone();
    h.state_mut().open_path(junk.clone(), &ctx);
    for _ in 0..100 {
        h.step();
        if !h.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    settle(&mut h);
    let message = h.get_by_label_contains("junk.txt");
    assert!(message.rect().width() > 10.0);
    h.get_by_label("OK").click();
    settle(&mut h);
    assert!(h.query_by_label_contains("junk.txt").is_none());
    // The resolution is still there and still navigable.
    press_outline(&mut h, "Outline: Paragraph 13");
    assert!(h.query_by_label("Paragraph 13").is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn f7_and_the_outline_button_show_and_hide_the_outline() {
    let start = StartOptions {
        data_dir: Some(std::env::temp_dir().join(format!("qarar-f7-test-{}", std::process::id()))),
        ..StartOptions::default()
    };
    let mut app = ReaderApp::new(&egui::Context::default(), None, start);
    app.settings.show_outline = false;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut ReaderApp| app.frame(ui), app);
    settle(&mut h);
    assert!(h.query_by_label("Outline: Paragraph 1").is_none());
    h.key_press(egui::Key::F7);
    settle(&mut h);
    assert!(h.query_by_label("Outline: Paragraph 1").is_some());
    h.get_by_label("Outline").click();
    settle(&mut h);
    assert!(h.query_by_label("Outline: Paragraph 1").is_none());
}

#[test]
fn an_english_resolution_reads_left_to_right_with_the_outline_on_the_left() {
    let english =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/akn/75_10_E.xml");
    if !english.exists() {
        return; // the shared corpus is not beside this checkout
    }
    let mut h = reader(StartOptions {
        file: Some(english),
        ..StartOptions::default()
    });
    settle(&mut h);
    let doc = &h.state().current().expect("opened").doc;
    assert_eq!(doc.meta.language.code(), "en");
    let entry = h.get_by_label("Outline: Paragraph 1").rect();
    let para = h.get_by_label("Enacting formula").rect();
    assert!(
        entry.center().x < para.left(),
        "outline on the left of the text"
    );
}

#[test]
fn copy_citation_on_a_paragraph_gives_the_arabic_convention_and_the_link() {
    let mut h = reader(StartOptions::default());
    settle(&mut h);
    press_outline(&mut h, "Outline: Paragraph 13 (b)");
    h.get_by_label("Paragraph 13 (b)").click_secondary();
    settle(&mut h);
    h.get_by_label("Copy citation").click();
    h.step();
    let text = crate::common::window::copied(&h).expect("something was copied");
    assert!(text.contains("القرار 75/10، الفقرة 13 (ب)"), "{text}");
    assert!(text.contains("https://undocs.org/ar/A/RES/75/10"), "{text}");
}

#[test]
fn page_down_space_arrows_home_and_end_scroll_the_document() {
    let mut h = reader(StartOptions::default());
    settle(&mut h);
    let top = |h: &Harness<'static, ReaderApp>| {
        h.state()
            .current()
            .and_then(|c| c.view.top_block)
            .unwrap_or(0)
    };
    let start = top(&h);
    h.key_press(egui::Key::PageDown);
    settle(&mut h);
    let after_page = top(&h);
    assert!(after_page > start + 2, "Page Down: {start} → {after_page}");
    h.key_press(egui::Key::Space);
    settle(&mut h);
    assert!(top(&h) > after_page, "Space goes on");
    let before_line = top(&h);
    h.key_press(egui::Key::PageUp);
    settle(&mut h);
    assert!(top(&h) < before_line, "Page Up goes back");
    h.key_press(egui::Key::End);
    settle(&mut h);
    let blocks = h
        .state()
        .current()
        .map(|c| c.view.blocks().len())
        .unwrap_or(0);
    assert!(
        top(&h) + 15 > blocks,
        "End shows the end ({} of {blocks})",
        top(&h)
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Home);
    settle(&mut h);
    assert_eq!(top(&h), start, "Ctrl+Home goes back to the top");
    h.key_press(egui::Key::ArrowDown);
    h.key_press(egui::Key::ArrowDown);
    h.key_press(egui::Key::ArrowDown);
    settle(&mut h);
    assert!(top(&h) >= start, "↓ moves down a line at a time");
}

#[test]
fn the_outline_is_open_on_a_first_start() {
    let start = StartOptions {
        data_dir: Some(std::env::temp_dir().join(format!("qarar-first-{}", std::process::id()))),
        ..StartOptions::default()
    };
    // No stored settings: a first start.
    let app = ReaderApp::new(&egui::Context::default(), None, start);
    assert!(app.settings.show_outline);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut ReaderApp| app.frame(ui), app);
    settle(&mut h);
    assert!(h.query_by_label("Outline: Paragraph 1").is_some());
}

#[test]
fn the_same_resolution_as_text_and_as_xml_gets_two_tab_titles_that_differ() {
    let arabic =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/akn/75_10_A.xml");
    if !arabic.exists() {
        return; // the shared corpus is not beside this checkout
    }
    let mut h = reader(StartOptions::default());
    settle(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut().open(
        qarar::ui::LoadRequest::new(arabic, qarar::ui::Target::NewTab, None),
        &ctx,
    );
    h.state_mut().finish_loading();
    settle(&mut h);
    let titles = h.state().tab_titles();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert_ne!(titles[0], titles[1], "{titles:?}");
    assert!(titles.iter().any(|t| t.ends_with("· XML")), "{titles:?}");
}
