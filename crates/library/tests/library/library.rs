//! The library core against the Akoma Ntoso corpus in `../shared/corpus/akn`.

use qarar_document::{Language, load_path};
use qarar_library::{Library, LibraryIndex, citation, citation_text};
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::time::Instant;

use common::corpus;
use qarar_testkit as common;

fn scan(dir: &Path, previous: Option<&LibraryIndex>) -> LibraryIndex {
    Library::scan(dir, previous, &|_, _| true)
}

fn temp_copy(name: &str) -> Option<PathBuf> {
    common::temp_copy("library", name)
}

#[test]
fn lists_every_file_with_symbol_language_and_title() {
    let Some(dir) = corpus() else { return };
    let t = Instant::now();
    let index = scan(&dir, None);
    eprintln!(
        "cold scan of {} files: {:?}",
        index.entries.len(),
        t.elapsed()
    );
    assert_eq!(index.entries.len(), 20, "{:#?}", index.entries);
    for e in &index.entries {
        assert!(e.error.is_none(), "{}: {:?}", e.path.display(), e.error);
        assert!(e.symbol.is_some(), "{}: no symbol", e.path.display());
        assert!(e.language.is_some());
        assert!(
            e.title.as_deref().is_some_and(|t| !t.is_empty()),
            "{}: no title",
            e.path.display()
        );
        assert!(e.operative_count > 0, "{}", e.path.display());
    }
    assert_eq!(index.stats.parsed, 20);
    assert!(index.metadata.entries.len() > 300);
    let langs = index.languages_of("A/RES/75/10");
    assert_eq!(langs.len(), 6, "{langs:?}");
    assert_eq!(langs[0], Language::Ar);
    assert_eq!(index.by_session().get(&75).map(Vec::len), Some(20));
}

#[test]
fn resolution_75_10_in_arabic_and_english_has_paragraph_13_b() {
    let Some(dir) = corpus() else { return };
    let index = scan(&dir, None);
    let ar = index
        .find("A/RES/75/10", Language::Ar)
        .expect("Arabic 75/10");
    let en = index
        .find("A/RES/75/10", Language::En)
        .expect("English 75/10");
    for e in [ar, en] {
        assert!(
            e.paragraph_ids.iter().any(|p| p == "para_13_b"),
            "{}",
            e.path.display()
        );
        let doc = load_path(&e.path).expect("reload");
        assert!(doc.paragraph("para_13_b").is_some());
    }
}

#[test]
fn title_of_75_1_is_its_real_title() {
    let Some(dir) = corpus() else { return };
    let index = scan(&dir, None);
    let en = index
        .find("A/RES/75/1", Language::En)
        .expect("75/1 English");
    let title = en.title.as_deref().unwrap_or_default();
    assert!(
        title.contains("seventy-fifth anniversary of the United Nations"),
        "{title}"
    );
    assert!(!en.title_from_metadata);
    assert_eq!(index.title_of("A/RES/75/1", Language::En), Some(title));
    let ar = index
        .title_of("A/RES/75/1", Language::Ar)
        .unwrap_or_default();
    assert!(
        ar.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{ar}"
    );
    // A symbol only the metadata knows.
    assert_eq!(
        index.title_of("A/RES/75/3", Language::En),
        Some("Report of the International Criminal Court")
    );
    let meta = index.metadata.get("A/RES/75/1").expect("metadata");
    assert_eq!(meta.adoption_date_iso.as_deref(), Some("2020-09-21"));
}

#[test]
fn cited_by_and_filter() {
    let Some(dir) = corpus() else { return };
    let index = scan(&dir, None);
    let citing = index.cited_by("A/RES/60/288");
    eprintln!(
        "cited_by(A/RES/60/288): {:?}",
        citing
            .iter()
            .map(|e| e.path.file_name())
            .collect::<Vec<_>>()
    );
    for e in &citing {
        assert!(e.cites.iter().any(|c| c == "A/RES/60/288"));
    }
    // 75/10 cites 60/288 (footnote 2 of the Arabic seed text).
    assert!(
        citing
            .iter()
            .any(|e| e.symbol.as_deref() == Some("A/RES/75/10"))
    );
    assert_eq!(index.filter("A/RES/75/10").len(), 6);
    assert_eq!(index.filter("10/75").len(), 6);
    let hits = index.filter("anniversary");
    assert!(
        hits.iter()
            .any(|e| e.symbol.as_deref() == Some("A/RES/75/1"))
    );
    assert_eq!(index.filter("").len(), 20);
    assert!(index.filter("zzzz-nothing").is_empty());
}

#[test]
fn rescan_reuses_everything_and_index_round_trips() {
    let Some(dir) = temp_copy("rescan") else {
        return;
    };
    let first = scan(&dir, None);
    let file = dir.join("index.json");
    first.save(&file).expect("save");
    let loaded = LibraryIndex::load(&file).expect("load");
    assert_eq!(loaded.entries, first.entries);
    let t = Instant::now();
    let second = scan(&dir, Some(&loaded));
    eprintln!("rescan (nothing changed): {:?}", t.elapsed());
    assert_eq!(second.stats.parsed, 0, "{:?}", second.stats);
    assert_eq!(second.stats.reused, 20);
    assert_eq!(second.entries, first.entries);
    // A changed file is parsed again.
    let target = dir.join("75_1_E.xml");
    let mut bytes = std::fs::read(&target).expect("read");
    bytes.extend_from_slice(b"\n");
    std::fs::write(&target, bytes).expect("write");
    let third = scan(&dir, Some(&second));
    assert_eq!(third.stats.parsed, 1);
    assert_eq!(third.stats.reused, 19);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn broken_file_is_listed_and_the_rest_indexed() {
    let Some(dir) = temp_copy("broken") else {
        return;
    };
    std::fs::write(
        dir.join("broken.xml"),
        "<?xml version=\"1.0\"?><akomaNtoso><oops",
    )
    .expect("write");
    std::fs::write(dir.join("empty.txt"), "").expect("write");
    std::fs::create_dir_all(dir.join(".hidden")).expect("mkdir");
    std::fs::write(dir.join(".hidden/75_1_E.xml"), "x").expect("write");
    let index = scan(&dir, None);
    assert_eq!(index.entries.len(), 22);
    let errors = index.errors();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    for e in errors {
        let msg = e.error_text().unwrap_or_default();
        assert!(msg.contains(&*e.path.to_string_lossy()), "{msg}");
    }
    assert_eq!(index.stats.failed, 2);
    assert!(index.find("A/RES/75/10", Language::Ar).is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cancel_stops_early() {
    let Some(dir) = corpus() else { return };
    let calls = Cell::new(0);
    let index = Library::scan(&dir, None, &|done, total| {
        calls.set(calls.get() + 1);
        assert_eq!(total, 20);
        done < 3
    });
    assert!(index.stats.cancelled);
    assert_eq!(index.entries.len(), 3);
    assert_eq!(index.stats.parsed, 3);
    assert_eq!(calls.get(), 4);
    let none = Library::scan(&dir, None, &|_, _| false);
    assert!(none.stats.cancelled);
    assert!(none.entries.is_empty());
}

#[test]
fn citations_in_english_and_arabic() {
    let seed = concat!(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
        "/assets/A-RES-75-10.ar.txt"
    );
    let ar = load_path(Path::new(seed)).expect("seed");
    let c = citation(&ar, "para_13_b").expect("citation");
    assert_eq!(c.text_ar, "القرار 75/10، الفقرة 13 (ب)");
    assert_eq!(c.text_en, "A/RES/75/10, para. 13 (b)");
    assert_eq!(c.url, "https://undocs.org/ar/A/RES/75/10");
    assert_eq!(
        citation_text(&ar, "para_13_b").as_deref(),
        Some("القرار 75/10، الفقرة 13 (ب)\nhttps://undocs.org/ar/A/RES/75/10")
    );
    let pre = citation(&ar, "preamble_3").expect("preamble");
    assert_eq!(pre.text_ar, "القرار 75/10، الفقرة 3 من الديباجة");
    assert_eq!(pre.text_en, "A/RES/75/10, preambular paragraph 3");
    assert!(citation(&ar, "para_999").is_none());

    let Some(dir) = corpus() else { return };
    let en = load_path(&dir.join("75_10_E.xml")).expect("English");
    let c = citation(&en, "para_13_b").expect("citation");
    assert_eq!(c.text_en, "A/RES/75/10, para. 13 (b)");
    assert_eq!(c.url, "https://undocs.org/en/A/RES/75/10");
    assert_eq!(
        citation_text(&en, "para_13").as_deref(),
        Some("A/RES/75/10, para. 13\nhttps://undocs.org/en/A/RES/75/10")
    );
    // A second level, wherever the corpus has one.
    for entry in std::fs::read_dir(&dir).expect("dir").flatten() {
        let Ok(doc) = load_path(&entry.path()) else {
            continue;
        };
        let deep = doc
            .paragraphs()
            .into_iter()
            .find(|(depth, _)| *depth == 2)
            .map(|(_, p)| p.id.clone());
        if let Some(id) = deep {
            let c = citation(&doc, &id).expect("deep citation");
            eprintln!("{id}: {} | {}", c.text_en, c.text_ar);
            let roman = id.rsplit('_').next().unwrap_or_default();
            assert!(c.text_en.ends_with(&format!(" ({roman})")), "{}", c.text_en);
        }
    }
}
