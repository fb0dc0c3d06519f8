//! The interface in the six UN languages: Arabic from the system locale, the library folder
//! and a file dropped on the window, then driven by Arabic AccessKit names (search a
//! two-word phrase, compare with previous, export); a switch of language shows in the next
//! frame; no English word left in the main window, the compare view or the errors of the
//! readers, the comparer and the library in any other language.

use crate::common::window::{corpus_file as corpus, names, names_with_menus, reader, texts};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qarar::ui::i18n::{self, t};
use qarar::ui::{Command, ReaderApp, StartOptions};
use qarar_i18n::Lang;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn temp_dir(tag: &str) -> PathBuf {
    qarar_testkit::temp_dir("i18n", tag)
}

/// A file dropped on the window, as the desktop hands it to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drop `path` on the window (a file opens, a folder becomes the library).
fn drop_file(h: &mut Harness<'static, ReaderApp>, path: PathBuf) {
    h.input_mut().dropped_files.push(Arc::new(Dropped(path)));
    h.run_ok();
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
        "zip",
        "Akoma",
        "Ntoso",
    ];
    s.split_whitespace()
        // A path or file name inside a message (word/document.xml) is not a sentence's word.
        .filter(|token| {
            let inner = token.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            !inner.contains(['/', '.'])
        })
        .flat_map(|token| token.split(|c: char| !c.is_ascii_alphabetic()))
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
        data_dir: Some(temp_dir("data")),
        locale: Some("ar-EG".into()),
        ..StartOptions::default()
    });
    h.run_ok();
    assert_eq!(i18n::language(), Lang::Ar);
    assert_eq!(h.state().interface_language(), Lang::Ar);
    // The user drops the library folder, then the resolution, on the window.
    if series {
        drop_file(&mut h, folder.clone());
        h.state_mut().finish_loading();
        drop_file(&mut h, folder.join("79_136_A.xml"));
        h.state_mut().finish_loading();
        h.run_ok();
        let shown = h.state().current().and_then(|c| c.doc.meta.symbol.clone());
        assert_eq!(
            shown.as_deref(),
            Some("A/RES/79/136"),
            "the dropped file is shown"
        );
    }
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
        h.query_by_label_contains("تم التصدير إلى").is_some(),
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
        for n in names_with_menus(&mut h) {
            if lang == Lang::Fr || lang == Lang::Es || n.contains("A-RES") {
                continue;
            }
            assert!(english_words(&n).is_empty(), "{lang:?}: {n:?}");
        }
    }
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

/// A zip archive holding one part (not a Word document).
fn zip_without_word() -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("content.xml", options).expect("zip part");
    zip.write_all(b"<x/>").expect("zip write");
    zip.finish().expect("zip end");
    out.into_inner()
}

#[test]
fn errors_of_the_readers_the_comparer_and_the_library_are_in_the_interface_language() {
    let other_language = corpus("77_20_E.xml");
    let folder = temp_dir("broken");
    // Names without English words: the file name is part of the message.
    std::fs::write(folder.join("e1.txt"), "").expect("empty file");
    std::fs::write(folder.join("r1.txt"), "{\\rtf1\\ansi x}").expect("RTF file");
    std::fs::write(folder.join("z1.docx"), zip_without_word()).expect("zip file");
    std::fs::write(
        folder.join("b1.txt"),
        [0u8, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7, 0, 0],
    )
    .expect("binary file");
    let mut h = reader(StartOptions {
        data_dir: Some(temp_dir("broken-data")),
        library: Some(folder.clone()),
        ..StartOptions::default()
    });
    h.state_mut().settings.show_library = true;
    h.run_ok();
    h.state_mut().finish_loading();
    h.run_ok();
    let mut english = Vec::new();
    for lang in [Lang::En, Lang::Ar, Lang::Zh, Lang::Ru] {
        h.state_mut().push(Command::SetInterfaceLanguage(lang));
        h.run_ok();
        h.state_mut().status.clear();
        for f in ["e1.txt", "r1.txt", "z1.docx", "b1.txt", "gone.xml"] {
            h.state_mut().push(Command::OpenFile(folder.join(f)));
            h.run_ok();
            h.state_mut().finish_loading();
        }
        if other_language.exists() {
            h.state_mut().compare_with(other_language.clone());
            h.run_ok();
            h.state_mut().finish_comparing();
        }
        h.run_ok();
        let said: Vec<String> = h
            .state()
            .status
            .messages()
            .iter()
            .map(|m| m.text.clone())
            .collect();
        assert_eq!(
            said.len(),
            5 + usize::from(other_language.exists()),
            "{said:?}"
        );
        if lang == Lang::En {
            english = said;
            continue;
        }
        for (m, en) in said.iter().zip(&english) {
            assert!(english_words(m).is_empty(), "{lang:?}: English in {m:?}");
            assert_ne!(m, en, "{lang:?}");
        }
        // The library pane lists the files it could not read, with why, in the language.
        h.state_mut().status.clear();
        h.run_ok();
        if lang != Lang::Ar {
            let shown = texts(&h);
            let header = i18n::ta("library-unreadable", &[("count", i18n::number(4))]);
            assert!(shown.contains(&header), "{lang:?}: {shown:?}");
            // Each file's reason, in the interface language (the library keeps it typed); a
            // long one is shortened with an ellipsis.
            for reason in ["load-empty", "load-rtf", "load-zip-not-word", "load-binary"] {
                let want = t(reason);
                assert!(
                    shown
                        .iter()
                        .any(|n| !n.is_empty() && want.starts_with(n.trim_end_matches('…'))),
                    "{lang:?}: {want:?} not in {shown:?}"
                );
            }
        }
    }
    assert!(
        english.iter().any(|m| m.contains("two languages")) || !other_language.exists(),
        "{english:?}"
    );
}
