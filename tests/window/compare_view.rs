//! The compare view driven through AccessKit: the seed (A/RES/75/10) against A/RES/77/20,
//! its summary, change navigation and the substantive filter; Compare with previous in a
//! library folder holding the series.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use qarar::ui::{Command, ReaderApp, StartOptions};
use std::path::PathBuf;

use crate::common::window::{copied, corpus_file as corpus, reader};

fn temp_dir(tag: &str) -> PathBuf {
    qarar_testkit::temp_dir("compare", tag)
}

fn value_of(h: &Harness<'static, ReaderApp>, label: &str) -> String {
    h.get_by_label(label).value().unwrap_or_default()
}

fn in_view(rect: egui::Rect) -> bool {
    rect.top() >= 40.0 && rect.top() < 760.0
}

#[test]
fn the_seed_against_77_20_shows_its_summary_and_steps_through_the_changes() {
    let newer = corpus("77_20_A.xml");
    if !newer.exists() {
        return;
    }
    let mut h = reader(StartOptions::default());
    h.run_ok();
    h.state_mut().compare_with(newer);
    h.run_ok();
    h.state_mut().finish_comparing();
    h.run_ok();
    let (summary, all) = {
        let view = h.state().compare_view().expect("the compare view is shown");
        assert_eq!(view.comparison.old.symbol.as_deref(), Some("A/RES/75/10"));
        assert_eq!(view.comparison.new.symbol.as_deref(), Some("A/RES/77/20"));
        (view.comparison.summary.clone(), view.count())
    };
    assert!(all > 1, "{all} changes");
    // The summary bar reads the counts (in Arabic words, with the figures).
    let text = value_of(&h, "Compare summary");
    assert!(text.contains(" · "), "{text}");
    assert!(
        text.contains(&format!("{} ", summary.substantive)),
        "{text}"
    );
    assert!(text.contains("جوهري"), "{text}");
    assert_eq!(value_of(&h, "Change count"), format!("- / {all}"));

    h.get_by_label("Next change").click();
    h.run_ok();
    assert_eq!(value_of(&h, "Change count"), format!("1 / {all}"));
    let first = h.get_by_label("Change 1");
    assert!(in_view(first.rect()), "change 1 at {:?}", first.rect());

    // Alt+↓ goes on to the second change.
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    h.run_ok();
    assert_eq!(value_of(&h, "Change count"), format!("2 / {all}"));

    // The list of changes (where the outline stands) goes to the change clicked.
    h.state_mut().settings.show_outline = true;
    h.run_ok();
    let entry = h
        .state()
        .compare_view()
        .and_then(|v| v.entry_text(2))
        .expect("a third change");
    assert!(entry.starts_with("3."), "{entry}");
    h.get_by_label(&entry).click();
    h.run_ok();
    assert_eq!(value_of(&h, "Change count"), format!("3 / {all}"));
    assert!(in_view(h.get_by_label("Change 3").rect()));

    h.get_by_label("Substantive only").click();
    h.run_ok();
    let fewer = h.state().compare_view().map(|v| v.count()).unwrap_or(0);
    assert!(fewer < all && fewer > 0, "{fewer} of {all}");
    assert!(value_of(&h, "Change count").ends_with(&format!(" / {fewer}")));

    // Saved as PDF (summary page, marks) from the view.
    let out = temp_dir("export").join("comparison.pdf");
    h.state_mut().push(Command::ExportComparisonTo(out.clone()));
    h.run_ok();
    h.state_mut().finish_exports();
    let bytes = std::fs::read(&out).unwrap_or_default();
    assert!(bytes.starts_with(b"%PDF"), "{} bytes", bytes.len());

    // Side by side keeps the view; closing returns to the reader.
    h.get_by_label("Side by side").click();
    h.run_ok();
    assert!(h.query_by_label("Compare summary").is_some());
    h.get_by_label("Close comparison").click();
    h.run_ok();
    assert!(h.state().compare_view().is_none());
    assert!(h.query_by_label("Compare summary").is_none());
    assert!(h.query_by_label("Title").is_some());
}

#[test]
fn a_file_in_another_language_is_refused_with_a_message() {
    let english = corpus("77_20_E.xml");
    if !english.exists() {
        return;
    }
    let mut h = reader(StartOptions::default());
    h.run_ok();
    h.state_mut().compare_with(english);
    h.run_ok();
    h.state_mut().finish_comparing();
    h.run_ok();
    assert!(h.state().compare_view().is_none());
    let messages: Vec<String> = h
        .state()
        .status
        .messages()
        .iter()
        .map(|m| m.text.clone())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("two languages")),
        "{messages:?}"
    );
}

#[test]
fn compare_with_previous_on_79_136_opens_77_20_against_it() {
    let names = ["75_10_A.xml", "77_20_A.xml", "79_136_A.xml"];
    if names.iter().any(|n| !corpus(n).exists()) {
        return;
    }
    let folder = temp_dir("library");
    for n in names {
        std::fs::copy(corpus(n), folder.join(n)).expect("copy the series");
    }
    let mut h = reader(StartOptions {
        file: Some(folder.join("79_136_A.xml")),
        library: Some(folder.clone()),
        data_dir: Some(temp_dir("library-data")),
        ..StartOptions::default()
    });
    h.run_ok();
    h.state_mut().finish_loading();
    h.run_ok();
    let found = h.state().previous_versions();
    assert_eq!(
        found.first().map(|(n, _)| n.as_str()),
        Some("A/RES/77/20"),
        "{found:?}"
    );
    // Through the File menu, as a user does.
    h.get_by_label("File").click();
    h.run_ok();
    h.get_by_label("Compare with previous").click();
    h.run_ok();
    h.state_mut().finish_comparing();
    h.run_ok();
    let view = h.state().compare_view().expect("the compare view is shown");
    assert_eq!(view.comparison.old.symbol.as_deref(), Some("A/RES/77/20"));
    assert_eq!(view.comparison.new.symbol.as_deref(), Some("A/RES/79/136"));
    // The older one is offered too.
    assert!(
        view.others.iter().any(|(n, _)| n == "A/RES/75/10"),
        "{:?}",
        view.others
    );
    assert!(h.query_by_label("Other earlier versions").is_some());
    // Esc returns to the reader.
    h.key_press(egui::Key::Escape);
    h.run_ok();
    assert!(h.state().compare_view().is_none());
}

/// A reader on `file` with its annotations in `data`, the comparison with `other` shown.
fn comparing(file: &str, other: &str, data: PathBuf) -> Harness<'static, ReaderApp> {
    let mut h = reader(StartOptions {
        file: Some(corpus(file)),
        data_dir: Some(data),
        ..StartOptions::default()
    });
    h.run_ok();
    h.state_mut().finish_loading();
    h.run_ok();
    h.state_mut().compare_with(corpus(other));
    h.run_ok();
    h.state_mut().finish_comparing();
    h.run_ok();
    h
}

#[test]
fn annotations_of_both_versions_show_and_copy_citation_works_on_either_side() {
    use qarar::ui::compare::Version;
    use qarar_annotations::{Annotation, Color, DocumentIdentity, Store};
    if !corpus("75_10_A.xml").exists() || !corpus("77_20_A.xml").exists() {
        return;
    }
    let data = temp_dir("notes-data");
    // A note on the old version (A/RES/75/10), saved in its annotation store.
    let old = qarar_document::load_path(&corpus("75_10_A.xml")).expect("loads");
    let mut a = Annotation::new_on_passage(&old, "preamble_2", 0..12, Color::Green).expect("a");
    a.set_note("ملاحظة على النص القديم");
    Store::open(data.clone())
        .and_then(|s| s.save(&DocumentIdentity::of(&old), &[a], &[]))
        .expect("saved");
    let mut h = reader(StartOptions {
        file: Some(corpus("77_20_A.xml")),
        data_dir: Some(data),
        ..StartOptions::default()
    });
    h.run_ok();
    h.state_mut().finish_loading();
    h.run_ok();
    // A highlight with a note made on the new version in the reader.
    h.state_mut().push(Command::AnnotateParagraph {
        paragraph: "preamble_1".into(),
        note: false,
    });
    h.run_ok();
    {
        let cur = h.state_mut().current_mut().expect("a document");
        let id = cur.annotations.list[0].id.clone();
        cur.annotations
            .update(&cur.doc, &id, |a| a.set_note("ملاحظة جديدة"));
    }
    h.state_mut().compare_with(corpus("75_10_A.xml"));
    h.run_ok();
    h.state_mut().finish_comparing();
    h.run_ok();
    let view = h.state().compare_view().expect("the compare view");
    assert_eq!(view.comparison.new.symbol.as_deref(), Some("A/RES/77/20"));
    // Inline: the old note on the old text of preamble 2, the new one on preamble 1.
    assert_eq!(view.highlight_count(Version::Old), 1);
    assert!(view.highlight_count(Version::New) >= 1);
    let old_note = h.get_by_label("Note (old): Preambular paragraph 2");
    assert_eq!(old_note.value().as_deref(), Some("ملاحظة على النص القديم"));
    let new_note = h.get_by_label("Note (new): Preambular paragraph 1");
    assert_eq!(new_note.value().as_deref(), Some("ملاحظة جديدة"));

    // Inline, a unit's menu copies the citation of either version.
    h.get_by_label("Change 1").click_secondary();
    h.run_ok();
    h.get_by_label("Copy citation").click();
    h.step();
    let text = copied(&h).expect("a citation");
    assert!(
        text.contains("77/20") && text.contains("undocs.org/ar/A/RES/77/20"),
        "{text}"
    );
    h.get_by_label("Change 1").click_secondary();
    h.run_ok();
    h.get_by_label("Copy citation of the old version").click();
    h.step();
    let text = copied(&h).expect("a citation");
    assert!(
        text.contains("75/10") && text.contains("undocs.org/ar/A/RES/75/10"),
        "{text}"
    );

    // Side by side: both versions' notes still show, each in its column; the old
    // column's menu cites the old version.
    h.get_by_label("Side by side").click();
    h.run_ok();
    let view = h.state().compare_view().expect("the compare view");
    assert_eq!(view.highlight_count(Version::Old), 1);
    assert!(view.highlight_count(Version::New) >= 1);
    assert!(
        h.query_by_label("Note (old): Preambular paragraph 2")
            .is_some()
    );
    assert!(
        h.query_by_label("Note (new): Preambular paragraph 1")
            .is_some()
    );
    h.get_by_label("Change 1, old").click_secondary();
    h.run_ok();
    h.get_by_label("Copy citation").click();
    h.step();
    let text = copied(&h).expect("a citation");
    assert!(text.contains("75/10"), "{text}");
}

#[test]
fn side_by_side_a_click_marks_the_pair_in_the_other_column() {
    if !corpus("77_20_A.xml").exists() {
        return;
    }
    let mut h = reader(StartOptions::default());
    h.run_ok();
    h.state_mut().compare_with(corpus("77_20_A.xml"));
    h.run_ok();
    h.state_mut().finish_comparing();
    h.run_ok();
    h.get_by_label("Side by side").click();
    h.run_ok();
    let all = h.state().compare_view().map(|v| v.count()).unwrap_or(0);
    assert_eq!(
        h.get_by_label("Change 2, new")
            .accesskit_node()
            .is_selected(),
        Some(false)
    );
    h.get_by_label("Change 2, old").click();
    h.run_ok();
    // Its pair, the new version's unit, is marked; the count follows the click.
    assert_eq!(
        h.get_by_label("Change 2, new")
            .accesskit_node()
            .is_selected(),
        Some(true)
    );
    assert_eq!(
        h.get_by_label("Change 2, old")
            .accesskit_node()
            .is_selected(),
        Some(false)
    );
    assert_eq!(value_of(&h, "Change count"), format!("2 / {all}"));
    h.get_by_label("Change 1, new").click();
    h.run_ok();
    assert_eq!(
        h.get_by_label("Change 1, old")
            .accesskit_node()
            .is_selected(),
        Some(true)
    );
    assert_eq!(
        h.get_by_label("Change 2, new")
            .accesskit_node()
            .is_selected(),
        Some(false)
    );
    // Inline, a click on a change selects it in the count.
    h.get_by_label("Inline").click();
    h.run_ok();
    h.get_by_label("Change 3").click();
    h.run_ok();
    assert_eq!(value_of(&h, "Change count"), format!("3 / {all}"));
}

#[test]
fn the_outline_marks_changed_inserted_moved_and_deleted_units() {
    if ["75_10_A.xml", "77_20_A.xml", "79_136_A.xml"]
        .iter()
        .any(|n| !corpus(n).exists())
    {
        return;
    }
    // The seed against A/RES/77/20: changed, inserted and moved.
    let mut h = comparing("75_10_A.xml", "77_20_A.xml", temp_dir("outline-a"));
    h.state_mut().settings.show_outline = true;
    h.run_ok();
    assert!(
        h.query_by_label("Preambular paragraph 1, changed")
            .is_some()
    );
    assert!(
        h.query_by_label("Preambular paragraph 13, inserted")
            .is_some()
    );
    assert!(h.query_by_label("Preambular paragraph 24, moved").is_some());
    assert!(
        h.query_by_label("Preambular paragraph 2, changed")
            .is_none()
    );
    // Pressing a marked entry goes to its change.
    let all = h.state().compare_view().map(|v| v.count()).unwrap_or(0);
    h.get_by_label("Outline: Preambular paragraph 5").click();
    h.run_ok();
    assert_eq!(value_of(&h, "Change count"), format!("3 / {all}"));
    // A/RES/77/20 against A/RES/79/136: the units dropped are entries of their own.
    let mut h = comparing("79_136_A.xml", "77_20_A.xml", temp_dir("outline-b"));
    h.state_mut().settings.show_outline = true;
    h.run_ok();
    assert!(
        h.query_by_label("Preambular paragraph 24, deleted")
            .is_some()
    );
    assert!(h.query_by_label("Paragraph 12, deleted").is_some());
    assert!(
        h.query_by_label("Outline: Preambular paragraph 24 (deleted)")
            .is_some()
    );
}

/// Drag across the words of the node `label`, from near its reading start leftwards.
fn drag_across(h: &mut Harness<'static, ReaderApp>, label: &str) {
    let r = h.get_by_label(label).rect();
    let (from, to) = (
        egui::pos2(r.right() - 30.0, r.top() + 12.0),
        egui::pos2(r.right() - 260.0, r.top() + 12.0),
    );
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    h.input_mut().events.push(egui::Event::PointerMoved(from));
    h.step();
    h.input_mut().events.push(button(from, true));
    h.step();
    for t in [0.3, 0.6, 1.0] {
        h.input_mut()
            .events
            .push(egui::Event::PointerMoved(from + (to - from) * t));
        h.step();
    }
    h.input_mut().events.push(button(to, false));
    h.run_ok();
}

#[test]
fn selecting_words_offers_the_citation_of_their_version() {
    if !corpus("77_20_A.xml").exists() {
        return;
    }
    let mut h = comparing("75_10_A.xml", "77_20_A.xml", temp_dir("select"));
    // Inline: words of the first change (the new version's text where it starts).
    drag_across(&mut h, "Change 1");
    h.get_by_label("Copy citation").click();
    h.step();
    let text = copied(&h).expect("a citation");
    assert!(text.contains("77/20"), "{text}");
    // Side by side: words of the old column cite the old version.
    h.get_by_label("Side by side").click();
    h.run_ok();
    drag_across(&mut h, "Change 1, old");
    h.get_by_label("Copy citation").click();
    h.step();
    let text = copied(&h).expect("a citation");
    assert!(text.contains("75/10") && !text.contains("77/20"), "{text}");
}

/// Press Ctrl+C and return what the window copied (the command runs within a frame or two).
fn press_copy(h: &mut Harness<'static, ReaderApp>) -> Option<String> {
    // Ctrl+C reaches the window as a copy event (as winit delivers it).
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::C);
    h.event(egui::Event::Copy);
    for _ in 0..3 {
        h.step();
        if let Some(t) = copied(h) {
            return Some(t);
        }
    }
    None
}

/// Every paragraph's text of a document, white space made single spaces.
fn all_text(doc: &qarar_document::Document) -> String {
    let text: Vec<String> = doc
        .paragraphs()
        .into_iter()
        .map(|(_, p)| p.text())
        .collect();
    text.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn ctrl_c_copies_the_selected_words_of_their_version_in_logical_order() {
    if !corpus("77_20_A.xml").exists() {
        return;
    }
    let old = qarar_document::load_path(&corpus("75_10_A.xml")).expect("75/10");
    let new = qarar_document::load_path(&corpus("77_20_A.xml")).expect("77/20");
    let mut h = comparing("75_10_A.xml", "77_20_A.xml", temp_dir("copy"));
    let helpers = |t: &str| {
        t.chars().any(|c| {
            matches!(
                c,
                '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{2060}'
            )
        })
    };
    // Side by side, the old column: words of 75/10, as its text has them.
    h.get_by_label("Side by side").click();
    h.run_ok();
    for (label, doc) in [("Change 1, old", &old), ("Change 1, new", &new)] {
        drag_across(&mut h, label);
        assert!(
            h.query_by_label("Copy citation").is_some(),
            "{label}: a selection"
        );
        let text = press_copy(&mut h).expect("the selected words");
        assert!(text.split_whitespace().count() >= 2, "{label}: {text}");
        assert!(!helpers(&text), "{label}: display helpers in {text:?}");
        assert!(all_text(doc).contains(&text), "{label}: {text}");
    }
    // Inline: only the words of one version, never a deleted word beside its replacement.
    h.get_by_label("Side by side").click();
    h.run_ok();
    drag_across(&mut h, "Change 1");
    let text = press_copy(&mut h).expect("the selected words");
    assert!(!helpers(&text));
    assert!(
        all_text(&new).contains(&text) || all_text(&old).contains(&text),
        "{text}"
    );
}
