//! The library in the reader window, driven through AccessKit: the pane lists the corpus,
//! the language switcher finds the same paragraph in English, the side-by-side view lines
//! paragraphs up, and a reference to a resolution in the folder shows its real title.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use qarar::ui::{ReaderApp, StartOptions};
use qarar_document::Language;
use std::path::PathBuf;

use crate::common::corpus;

fn temp_dir(name: &str) -> PathBuf {
    crate::common::temp_dir("libreader", name)
}

/// The reader window at 1280×800, stepping at most `steps` frames per run.
fn window(app: ReaderApp, steps: u64) -> Harness<'static, ReaderApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(steps)
        .build_ui_state(|ui, app: &mut ReaderApp| app.frame(ui), app)
}

/// The reader on `file` with `library` as its library folder, everything loaded.
fn reader(name: &str, file: PathBuf, library: PathBuf) -> Harness<'static, ReaderApp> {
    let start = StartOptions {
        file: Some(file),
        data_dir: Some(temp_dir(&format!("{name}-data"))),
        library: Some(library),
        ..StartOptions::default()
    };
    let mut app = ReaderApp::new(&egui::Context::default(), None, start);
    app.finish_loading();
    let mut h = window(app, 40);
    h.run_ok();
    h
}

/// Let background loads finish, then let the window settle.
fn settle(h: &mut Harness<'static, ReaderApp>) {
    h.run_ok();
    h.state_mut().finish_loading();
    h.run_ok();
}

/// Jump to a paragraph as the outline would.
fn go_to(h: &mut Harness<'static, ReaderApp>, paragraph: &str) {
    let cur = h.state_mut().current_mut().expect("a document is open");
    let b = cur.block_of(paragraph).expect("the paragraph exists");
    cur.go_to_block(b, 0.0);
    h.run_ok();
}

fn text_of(h: &Harness<'static, ReaderApp>, label: &str) -> String {
    h.get_by_label(label)
        .accesskit_node()
        .value()
        .unwrap_or_default()
}

#[test]
fn the_library_pane_lists_every_file_with_its_symbol_language_and_title() {
    let Some(dir) = corpus() else { return };
    let h = reader("pane", dir.join("75_10_A.xml"), dir.clone());
    let index = h
        .state()
        .library
        .index
        .clone()
        .expect("the folder is indexed");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "xml"))
        .collect();
    assert_eq!(index.entries.len(), files.len());
    for e in &index.entries {
        let symbol = e.symbol.as_deref().expect("every file has a symbol");
        let lang = e.language.expect("every file has a language");
        let name = qarar::ui::library_pane::language_name(lang);
        assert!(
            h.query_by_label(&format!("Open {symbol} in {name}"))
                .is_some(),
            "{} is listed as {symbol} in {name}",
            e.path.display()
        );
    }
    // Each row names the symbol, its languages and its title (here in Arabic, the language
    // of the open document).
    let row = h.get_by_label_contains("A/RES/75/10 (ar, en, fr, es, ru, zh):");
    let label = row.accesskit_node().label().unwrap_or_default();
    assert!(label.contains("الإنتربول"), "row: {label}");
    assert!(
        h.query_by_label_contains("A/RES/75/239 (ar, en):")
            .is_some()
    );
}

#[test]
fn switching_75_10_from_arabic_to_english_keeps_paragraph_13_b() {
    let Some(dir) = corpus() else { return };
    let mut h = reader("switch", dir.join("75_10_A.xml"), dir.clone());
    go_to(&mut h, "para_13_b");
    let arabic = text_of(&h, "Paragraph 13 (b)");
    assert!(arabic.contains("الإنتربول"), "Arabic 13 (b): {arabic}");
    h.get_by_label("Language: English").click();
    settle(&mut h);
    let cur = h.state().current().expect("a document is open");
    assert_eq!(cur.doc.meta.language, Language::En);
    assert_eq!(
        h.state().tabs.len(),
        1,
        "the language replaces the document"
    );
    let english = text_of(&h, "Paragraph 13 (b)");
    assert!(english.contains("INTERPOL"), "English 13 (b): {english}");
    let p = h.get_by_label("Paragraph 13 (b)").rect();
    assert!(
        p.top() > 20.0 && p.top() < 760.0,
        "13 (b) is in view: {p:?}"
    );
}

#[test]
fn side_by_side_lines_up_paragraph_13_b_in_arabic_and_english() {
    let Some(dir) = corpus() else { return };
    let mut h = reader("beside", dir.join("75_10_A.xml"), dir.clone());
    h.state_mut().settings.show_library = false;
    let ctx = h.ctx.clone();
    h.state_mut().open_beside(Language::En, &ctx);
    settle(&mut h);
    go_to(&mut h, "para_13_b");
    let both = h.get_all_by_label("Paragraph 13 (b)").collect::<Vec<_>>();
    assert_eq!(both.len(), 2, "13 (b) shows in both columns");
    let (a, b) = (both[0].rect(), both[1].rect());
    assert!((a.top() - b.top()).abs() < 1.0, "tops line up: {a:?} {b:?}");
    let (arabic, english) = if a.left() > b.left() { (a, b) } else { (b, a) };
    assert!(arabic.left() > english.right(), "Arabic on the right");
    let texts: Vec<String> = both
        .iter()
        .map(|n| n.accesskit_node().value().unwrap_or_default())
        .collect();
    assert!(texts.iter().any(|t| t.contains("INTERPOL")));
    assert!(texts.iter().any(|t| t.contains("الإنتربول")));
    // A highlight made on the Arabic paragraph marks the English one too (by paragraph id).
    {
        let app = h.state_mut();
        let cur = app.current_mut().expect("open");
        let a = qarar_annotations::Annotation::new_on_paragraph(
            &cur.doc,
            "para_13_b",
            qarar_annotations::Color::Green,
        )
        .expect("annotation");
        cur.annotations.add(&cur.doc, a);
    }
    h.run_ok();
    let cur = h.state().current().expect("open");
    let beside = cur.beside.as_ref().expect("side by side");
    let b13 = beside.block_of("para_13_b").expect("13 (b) in English");
    assert!(
        beside.view.margin_marks.iter().any(|(b, _)| *b == b13),
        "the English 13 (b) carries the mark"
    );
    // Choosing English, shown beside, swaps the columns: nothing is loaded again.
    h.get_by_label("Language: English").click();
    h.run_ok();
    assert!(
        !h.state().is_loading(),
        "no second copy of the English text"
    );
    let cur = h.state().current().expect("open");
    assert_eq!(cur.doc.meta.language, Language::En);
    assert_eq!(
        cur.beside.as_ref().map(|b| b.doc.meta.language),
        Some(Language::Ar)
    );
    assert_eq!(h.get_all_by_label("Paragraph 13 (b)").count(), 2);
}

#[test]
fn a_reference_to_a_resolution_in_the_folder_shows_its_title_and_opens_it() {
    let Some(dir) = corpus() else { return };
    // A folder with 75/1 and an English 75/10 whose "73/11" became "paragraph 5 of
    // resolution 75/1".
    let lib = temp_dir("refs");
    for f in ["75_1_A.xml", "75_1_E.xml"] {
        std::fs::copy(dir.join(f), lib.join(f)).expect("copy");
    }
    let text = std::fs::read_to_string(dir.join("75_10_E.xml")).expect("read");
    let link = r#"<a href="https://undocs.org/en/A/RES/73/11">"#;
    assert!(text.contains(link), "the English 75/10 links 73/11");
    let text = text
        .replace(link, &format!("paragraph 5 of resolution {link}"))
        .replace("73/11", "75/1");
    std::fs::write(lib.join("75_10_E.xml"), text).expect("write");
    let mut h = reader("refs", lib.join("75_10_E.xml"), lib.clone());
    h.state_mut().settings.show_library = false;
    h.run_ok();
    h.get_by_label("Reference A/RES/75/1").click();
    h.run_ok();
    assert!(
        h.query_by_label_contains(
            "Declaration on the commemoration of the seventy-fifth anniversary"
        )
        .is_some(),
        "the popup shows the title of 75/1 as the folder has it"
    );
    assert!(
        h.query_by_label_contains("Adopted").is_some(),
        "and its date"
    );
    h.get_by_label("Open at Paragraph 5 (EN)").click();
    settle(&mut h);
    assert_eq!(h.state().tabs.len(), 2, "it opens in a new tab");
    let p5 = h.get_by_label("Paragraph 5").rect();
    assert!(
        p5.top() > 20.0 && p5.top() < 300.0,
        "at paragraph 5: {p5:?}"
    );
    assert_eq!(
        h.state()
            .current()
            .and_then(|c| c.doc.meta.symbol.clone())
            .as_deref(),
        Some("A/RES/75/1")
    );
    // Its details list the library documents that cite it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::I);
    h.run_ok();
    assert!(h.query_by_label("Cited by (1)").is_some());
    assert!(h.query_by_label("A/RES/75/10 · EN").is_some());
    // Ctrl+W closes it and the first tab comes back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    h.run_ok();
    assert_eq!(h.state().tabs.len(), 1);
    assert_eq!(
        h.state()
            .current()
            .and_then(|c| c.doc.meta.symbol.clone())
            .as_deref(),
        Some("A/RES/75/10")
    );
}

#[test]
fn searching_the_library_without_hamza_opens_the_paragraph_found() {
    let Some(dir) = corpus() else { return };
    let mut h = reader("search", dir.join("75_1_E.xml"), dir.clone());
    h.get_by_label("Search text").click();
    h.run_ok();
    h.get_by_label("Search the library").click();
    h.run_ok();
    h.get_by_label("Search the library").type_text("الانتربول");
    h.run_ok();
    h.state_mut().library.wait_search();
    h.run_ok();
    // Paragraphs of the Arabic 75/10 are found although they spell الإنتربول.
    let first = h
        .get_all_by_label_contains("A/RES/75/10 · AR · ")
        .next()
        .expect("an Arabic paragraph of 75/10 is found");
    let label = first.accesskit_node().label().unwrap_or_default();
    assert!(label.contains("الإنتربول"), "result: {label}");
    first.click();
    settle(&mut h);
    let app = h.state();
    assert_eq!(app.tabs.len(), 2, "the result opens in a new tab");
    let cur = app.current().expect("open");
    assert_eq!(cur.doc.meta.symbol.as_deref(), Some("A/RES/75/10"));
    assert_eq!(cur.doc.meta.language, Language::Ar);
}

#[test]
fn indexing_shows_progress_and_cancel_keeps_what_was_read() {
    let Some(dir) = corpus() else { return };
    // A folder big enough to take a moment: the corpus copied 15 times (300 files).
    let lib = temp_dir("cancel");
    for k in 0..15 {
        for e in std::fs::read_dir(&dir).expect("corpus").flatten() {
            if e.path().extension().is_some_and(|x| x == "xml") {
                let name = format!("{k}_{}", e.file_name().to_string_lossy());
                std::fs::copy(e.path(), lib.join(name)).expect("copy");
            }
        }
    }
    let start = StartOptions {
        data_dir: Some(temp_dir("cancel-data")),
        library: Some(lib.clone()),
        ..StartOptions::default()
    };
    let app = ReaderApp::new(&egui::Context::default(), None, start);
    let mut h = window(app, 4);
    h.step();
    assert!(
        h.state().library.is_indexing(),
        "indexing runs in the background"
    );
    h.get_by_label("Cancel").click();
    h.step();
    h.state_mut().finish_loading();
    h.step();
    let index = h
        .state()
        .library
        .index
        .clone()
        .expect("what was read is kept");
    assert!(index.stats.cancelled, "the scan stopped");
    assert!(
        index.entries.len() < 300,
        "{} files read",
        index.entries.len()
    );
    assert!(
        h.query_by_label_contains("stopped before the end")
            .is_some()
    );
    // Refresh finishes the job, reading only what is left.
    h.get_by_label("Refresh").click();
    h.step();
    h.state_mut().finish_loading();
    h.step();
    let index = h.state().library.index.clone().expect("index");
    assert_eq!(index.entries.len(), 300);
    assert!(!index.stats.cancelled);
    assert!(index.stats.reused > 0 || index.entries.len() == index.stats.parsed);
}

#[test]
fn a_document_loaded_after_the_reader_moved_on_does_not_land_in_the_wrong_tab() {
    let Some(dir) = corpus() else { return };
    let mut h = reader("tabs", dir.join("75_10_A.xml"), dir.clone());
    h.state_mut().settings.show_library = false;
    let ctx = h.ctx.clone();
    // Side by side with English, then File → Open another resolution: the English 75/10
    // column does not stay beside 75/1.
    h.state_mut().open_beside(Language::En, &ctx);
    settle(&mut h);
    assert!(h.state().current().is_some_and(|c| c.beside.is_some()));
    h.state_mut().open_path(dir.join("75_1_A.xml"), &ctx);
    settle(&mut h);
    let cur = h.state().current().expect("open");
    assert_eq!(cur.doc.meta.symbol.as_deref(), Some("A/RES/75/1"));
    assert!(
        cur.beside.is_none(),
        "no other resolution's column beside 75/1"
    );
    // Ask for 75/1 in English, then show another tab before it has loaded: the English text
    // does not replace the other tab's document.
    h.state_mut().open(
        qarar::ui::LoadRequest::new(dir.join("75_59_A.xml"), qarar::ui::Target::NewTab, None),
        &ctx,
    );
    settle(&mut h);
    assert_eq!(h.state().tabs.len(), 2);
    h.state_mut().switch_tab(0);
    h.state_mut().switch_language(Language::En, &ctx);
    h.state_mut().switch_tab(1);
    settle(&mut h);
    let titles = h.state().tab_titles();
    assert!(
        titles.contains(&"A/RES/75/59 · AR".to_string()),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"A/RES/75/1 · EN".to_string()),
        "{titles:?}"
    );
}

#[test]
fn a_missing_library_folder_is_named_in_the_pane_and_the_document_stays() {
    let missing = std::env::temp_dir().join(format!("qarar-no-such-folder-{}", std::process::id()));
    let start = StartOptions {
        data_dir: Some(temp_dir("missing-data")),
        library: Some(missing.clone()),
        ..StartOptions::default()
    };
    let mut app = ReaderApp::new(&egui::Context::default(), None, start);
    app.finish_loading();
    let mut h = window(app, 40);
    h.run_ok();
    assert!(
        h.query_by_label_contains("cannot be read").is_some(),
        "the pane says the folder cannot be read"
    );
    assert!(
        h.query_by_label("Title").is_some(),
        "the bundled resolution is shown"
    );
}

#[test]
fn the_library_filter_takes_arrows_and_enter() {
    let Some(dir) = corpus() else { return };
    let mut h = reader("keys", dir.join("75_1_E.xml"), dir.clone());
    h.get_by_label("Filter library").click();
    h.run_ok();
    h.get_by_label("Filter library").type_text("interpol");
    h.run_ok();
    assert!(h.query_by_label_contains("A/RES/75/10 (").is_some());
    assert!(
        h.query_by_label_contains("A/RES/75/1 (").is_none(),
        "filtered out"
    );
    h.key_press(egui::Key::ArrowDown);
    h.run_ok();
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    let app = h.state();
    assert_eq!(app.tabs.len(), 2, "Enter opens the resolution in a tab");
    let cur = app.current().expect("open");
    assert_eq!(cur.doc.meta.symbol.as_deref(), Some("A/RES/75/10"));
    assert_eq!(
        cur.doc.meta.language,
        Language::En,
        "in the language being read"
    );
}
