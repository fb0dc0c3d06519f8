//! The interface in the six UN languages: Arabic from the system locale, driven by Arabic
//! AccessKit names (open, search a two-word phrase, compare with previous, export); a switch
//! of language shows in the next frame; no English word left in the main window or the
//! compare view in any other language.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use qarar::ui::i18n::{self, t};
use qarar::ui::{Command, ReaderApp, StartOptions};
use qarar_i18n::Lang;
use std::path::PathBuf;

fn corpus(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/akn")
        .join(name)
}

fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("qarar-i18n-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    let _ = std::fs::create_dir_all(&d);
    d
}

fn reader(start: StartOptions) -> Harness<'static, ReaderApp> {
    let app = ReaderApp::new(&egui::Context::default(), None, start);
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut ReaderApp| app.frame(ui), app)
}

/// Every AccessKit name of the window now.
fn names(h: &Harness<'static, ReaderApp>) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![h.root()];
    while let Some(n) = stack.pop() {
        if let Some(l) = n.accesskit_node().label() {
            out.push(l);
        }
        stack.extend(n.children());
    }
    out
}

/// Latin words of an interface string that are not symbols, codes, shortcuts or file
/// names: words a translator would have translated.
fn english_words(s: &str) -> Vec<String> {
    const ALLOWED: &[&str] = &[
        "PDF",
        "A4",
        "Letter",
        "Ctrl",
        "Shift",
        "Alt",
        "Enter",
        "Esc",
        "Tab",
        "Word",
        "Web",
        "Annotations",
        "undocs",
        "org",
        "OK",
        "Qarar",
        "hamza",
        "tatweel",
        "Home",
        "End",
        "PageUp",
        "PageDown",
        "Space",
        "Up",
        "Down",
        "Plus",
        "Minus",
        "pdf",
        "html",
        "docx",
        "md",
        "json",
        "txt",
        "ar",
        "xml",
    ];
    s.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1 && !ALLOWED.contains(w))
        // Symbols and ids (RES, A/75/L.20) are upper case; words are not.
        .filter(|w| w.chars().any(|c| c.is_ascii_lowercase()))
        .map(str::to_string)
        .collect()
}

#[test]
fn arabic_from_the_locale_drives_the_reader_by_arabic_names() {
    let folder = temp_dir("library");
    let names_ = ["75_10_A.xml", "77_20_A.xml", "79_136_A.xml"];
    let series = names_.iter().all(|n| corpus(n).exists());
    if series {
        for n in names_ {
            std::fs::copy(corpus(n), folder.join(n)).expect("copy the series");
        }
    }
    let mut h = reader(StartOptions {
        file: series.then(|| folder.join("79_136_A.xml")),
        library: series.then(|| folder.clone()),
        data_dir: Some(temp_dir("data")),
        locale: Some("ar-EG".into()),
        ..StartOptions::default()
    });
    h.run_ok();
    assert_eq!(i18n::language(), Lang::Ar);
    assert_eq!(h.state().interface_language(), Lang::Ar);
    // The menus by their Arabic names.
    h.get_by_label("ملف").click();
    h.run_ok();
    assert!(h.query_by_label("فتح…").is_some());
    assert!(h.query_by_label("خروج").is_some());
    h.key_press(egui::Key::Escape);
    h.run_ok();
    // Search a two-word Arabic phrase in the document.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_ok();
    h.get_by_label("بحث").click();
    h.run_ok();
    h.get_by_label("بحث").type_text("الجمعية العامة");
    h.run_ok();
    let found = h
        .state()
        .current()
        .map(|c| c.view.matches.len())
        .unwrap_or(0);
    assert!(found > 0, "the phrase is found");
    h.key_press(egui::Key::Escape);
    h.run_ok();
    if !series {
        return;
    }
    // Compare with previous, through the Arabic File menu.
    h.state_mut().finish_loading();
    h.run_ok();
    h.get_by_label("ملف").click();
    h.run_ok();
    h.get_by_label("مقارنة بالصيغة السابقة").click();
    h.run_ok();
    h.state_mut().finish_comparing();
    h.run_ok();
    assert!(
        h.state().compare_view().is_some(),
        "the compare view is shown"
    );
    assert!(h.query_by_label("صيغ سابقة أخرى").is_some());
    assert!(h.query_by_label("إغلاق المقارنة").is_some());
    // The compare view's names are Arabic too.
    for n in names(&h) {
        assert!(
            english_words(&n).is_empty(),
            "English in the compare view: {n:?}"
        );
    }
    // Export the comparison (the file named directly, as the save dialog would).
    let out = folder.join("comparison.html");
    h.state_mut().push(Command::ExportComparisonTo(out.clone()));
    h.run_ok();
    h.state_mut().finish_exports();
    h.run_ok();
    assert!(out.exists(), "the comparison is written");
    assert!(
        h.query_by_label_contains("صُدِّر إلى").is_some(),
        "the notice is Arabic"
    );
}

#[test]
fn switching_the_language_changes_the_menus_in_the_next_frame() {
    let mut h = reader(StartOptions {
        data_dir: Some(temp_dir("switch")),
        ..StartOptions::default()
    });
    h.run_ok();
    assert!(h.query_by_label("File").is_some());
    h.state_mut().push(Command::SetInterfaceLanguage(Lang::Fr));
    h.step();
    h.step();
    assert!(h.query_by_label("Fichier").is_some());
    assert!(h.query_by_label("File").is_none());
    assert_eq!(h.state().settings.language, Some(Lang::Fr), "remembered");
    h.state_mut().push(Command::SetInterfaceLanguage(Lang::Ar));
    h.step();
    h.step();
    assert!(h.query_by_label("ملف").is_some());
    assert!(h.query_by_label("Fichier").is_none());
}

#[test]
fn no_english_words_in_commands_or_the_main_window_in_other_languages() {
    let mut h = reader(StartOptions {
        data_dir: Some(temp_dir("walk")),
        ..StartOptions::default()
    });
    for lang in [Lang::Ar, Lang::Zh, Lang::Fr, Lang::Ru, Lang::Es] {
        h.state_mut().push(Command::SetInterfaceLanguage(lang));
        h.state_mut().settings.show_annotations = true;
        h.run_ok();
        let mut commands: Vec<Command> = Command::keyed().to_vec();
        commands.extend([
            Command::Open,
            Command::OpenBundled,
            Command::CompareWith,
            Command::CompareWithPrevious,
            Command::ToggleSubstantiveOnly,
            Command::ToggleCompareLayout,
            Command::ExportComparison,
            Command::ImportAnnotations,
            Command::ExportAnnotations,
            Command::ToggleJustify,
            Command::ToggleDark,
            Command::CloseBeside,
            Command::ChooseLibraryFolder,
            Command::ForgetLibraryFolder,
            Command::ClearRecent,
            Command::ShowParserNotes,
            Command::DismissMessages,
        ]);
        for c in &commands {
            let label = c.label();
            assert!(!label.is_empty(), "{c:?}");
            if lang != Lang::Fr && lang != Lang::Es {
                // French and Spanish share words with English ("Annotations", "Note").
                assert!(english_words(&label).is_empty(), "{lang:?} {c:?}: {label}");
            }
            if matches!(lang, Lang::Ar | Lang::Zh | Lang::Ru) {
                i18n::set_language(Lang::En);
                let en = c.label();
                i18n::set_language(lang);
                assert_ne!(label, en, "{lang:?} {c:?} is English");
            }
        }
        // Open each menu of the bar and read every name of the window.
        for menu in [
            "menu-file",
            "menu-edit",
            "menu-view",
            "menu-settings",
            "menu-help",
        ] {
            h.get_by_label(&t(menu)).click();
            h.run_ok();
            for n in names(&h) {
                if lang == Lang::Fr || lang == Lang::Es || n.contains("A-RES") {
                    continue;
                }
                assert!(english_words(&n).is_empty(), "{lang:?}: {n:?}");
            }
            h.key_press(egui::Key::Escape);
            h.run_ok();
        }
    }
}

/// Every name of the window with each menu of the bar opened in turn.
fn names_with_menus(h: &mut Harness<'static, ReaderApp>) -> std::collections::BTreeSet<String> {
    let mut all: std::collections::BTreeSet<String> = names(h).into_iter().collect();
    for menu in [
        "menu-file",
        "menu-edit",
        "menu-view",
        "menu-settings",
        "menu-help",
    ] {
        h.get_by_label(&t(menu)).click();
        h.run_ok();
        all.extend(names(h));
        // Closed by its button again (Escape would also close the comparison).
        h.get_by_label(&t(menu)).click();
        h.run_ok();
    }
    all
}

#[test]
fn the_menus_and_the_compare_view_have_no_english_name_in_the_other_five() {
    let newer = corpus("77_20_A.xml");
    if !newer.exists() {
        return;
    }
    let mut h = reader(StartOptions {
        data_dir: Some(temp_dir("walk-compare")),
        ..StartOptions::default()
    });
    h.run_ok();
    h.state_mut().compare_with(newer);
    h.run_ok();
    h.state_mut().finish_comparing();
    h.run_ok();
    assert!(h.state().compare_view().is_some(), "the compare view");
    // In English first: a name left untranslated is one of these.
    let english = names_with_menus(&mut h);
    assert!(english.contains("Next change"), "{english:?}");
    for lang in [Lang::Ar, Lang::Zh, Lang::Fr, Lang::Ru, Lang::Es] {
        h.state_mut().push(Command::SetInterfaceLanguage(lang));
        h.run_ok();
        assert!(h.state().compare_view().is_some(), "still comparing");
        let shown = names_with_menus(&mut h);
        assert!(shown.contains(&t("cmd-next-change")), "{lang:?}");
        for n in &shown {
            if english_words(n).is_empty() || n.contains("A/RES") {
                continue;
            }
            // French and Spanish share words with English ("Annotations", "Version"): there,
            // only a whole name the same as an English one is a leak.
            let leak = match lang {
                Lang::Fr | Lang::Es => english.contains(n),
                _ => true,
            };
            assert!(!leak, "{lang:?}: English name {n:?}");
        }
    }
}
