//! "Compare with previous": the predecessor of a resolution in a library folder holding the
//! INTERPOL series (75/10 → 77/20 → 79/136, Arabic and English) among unrelated
//! resolutions, and `qarar compare --previous`.

use qarar_document::load_path;
use qarar_library::{Library, LibraryIndex, Subject};
use std::path::{Path, PathBuf};
use std::process::Command;

const AKN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/akn");

/// A temporary library folder holding `names` (`75_10_E` …) and the metadata files; `None`
/// (with a message) when the corpus is absent.
fn library(tag: &str, names: &[&str]) -> Option<PathBuf> {
    let dir = std::env::temp_dir().join(format!("qarar-previous-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for name in names {
        let src = Path::new(AKN).join(format!("{name}.xml"));
        if !src.is_file() {
            eprintln!("skipping: {} is absent", src.display());
            return None;
        }
        std::fs::copy(&src, dir.join(format!("{name}.xml"))).expect("copy");
    }
    for meta in ["data_extract_75.jsonl", "data_extract_76-79_selected.jsonl"] {
        let src = Path::new(AKN).join(meta);
        if src.is_file() {
            std::fs::copy(&src, dir.join(meta)).expect("copy metadata");
        }
    }
    Some(dir)
}

const SERIES_AND_OTHERS: &[&str] = &[
    "75_10_A", "75_10_E", "77_20_A", "77_20_E", "79_136_A", "79_136_E", // the series
    "75_1_E", "75_125_E", "75_239_A", "76_7_A", "76_7_E", "77_264_E", "78_253_E",
];

/// The symbols offered for `name` of the folder, best first.
fn offered(index: &LibraryIndex, dir: &Path, name: &str) -> Vec<String> {
    let path = dir.join(format!("{name}.xml"));
    let doc = load_path(&path).expect("loads");
    index
        .predecessors(&Subject::of_document(&doc), Some(&path))
        .iter()
        .map(|p| {
            assert_eq!(p.entry.language, Some(doc.meta.language), "same language");
            p.entry.symbol.clone().unwrap_or_default()
        })
        .collect()
}

#[test]
fn the_newest_earlier_version_comes_first_in_both_languages() {
    let Some(dir) = library("series", SERIES_AND_OTHERS) else {
        return;
    };
    let index = Library::scan(&dir, None, &|_, _| true);
    for lang in ["A", "E"] {
        assert_eq!(
            offered(&index, &dir, &format!("79_136_{lang}")),
            ["A/RES/77/20", "A/RES/75/10"],
            "79/136 {lang}"
        );
        assert_eq!(
            offered(&index, &dir, &format!("77_20_{lang}")),
            ["A/RES/75/10"],
            "77/20 {lang}"
        );
        // The first of the series has none (other resolutions of its session are not earlier).
        assert!(offered(&index, &dir, &format!("75_10_{lang}")).is_empty());
    }
    // Why: the same title, the same agenda item name (numbers 127 (y) and 125 (y) differ),
    // recalled in the preamble.
    let path = dir.join("79_136_E.xml");
    let doc = load_path(&path).expect("loads");
    let found = index.predecessors(&Subject::of_document(&doc), Some(&path));
    let r = found[0].reasons;
    assert!(r.same_title && r.same_agenda_item && r.recalled, "{r:?}");
    // From the library entry alone (no open document) the answer is the same.
    let by_path: Vec<_> = index
        .predecessors_of_path(&path)
        .iter()
        .filter_map(|p| p.entry.symbol.clone())
        .collect();
    assert_eq!(by_path, ["A/RES/77/20", "A/RES/75/10"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unrelated_resolutions_are_never_offered_first() {
    let Some(dir) = library("unrelated", SERIES_AND_OTHERS) else {
        return;
    };
    let index = Library::scan(&dir, None, &|_, _| true);
    // 78/253 is newer than 77/20 but unrelated: not offered at all for 79/136.
    let for_79 = offered(&index, &dir, "79_136_E");
    assert!(
        !for_79
            .iter()
            .any(|s| s == "A/RES/78/253" || s == "A/RES/76/7")
    );
    // The budget of 2024 (78/253) and the political declaration (76/7) have no INTERPOL
    // resolution before them, whatever their session.
    for name in ["78_253_E", "76_7_E", "76_7_A"] {
        let found = offered(&index, &dir, name);
        assert!(
            !found
                .iter()
                .any(|s| s == "A/RES/75/10" || s == "A/RES/77/20"),
            "{name}: {found:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_retitled_version_is_found_by_its_agenda_item_and_the_recall() {
    // 77/20 retitled: the agenda item name (metadata) and the recall in 79/136's preamble
    // still find it, and it wins over the older 75/10 with the same title.
    let Some(dir) = library("retitled", &["75_10_E", "79_136_E"]) else {
        return;
    };
    let xml = std::fs::read_to_string(Path::new(AKN).join("77_20_E.xml")).expect("77/20");
    let retitled = xml.replace(
        "Cooperation between the United Nations and the International Criminal Police Organization (INTERPOL)",
        "Cooperation with INTERPOL",
    );
    assert_ne!(xml, retitled);
    std::fs::write(dir.join("77_20_E.xml"), retitled).expect("write");
    let index = Library::scan(&dir, None, &|_, _| true);
    let path = dir.join("79_136_E.xml");
    let doc = load_path(&path).expect("loads");
    let found = index.predecessors(&Subject::of_document(&doc), Some(&path));
    let symbols: Vec<_> = found
        .iter()
        .filter_map(|p| p.entry.symbol.clone())
        .collect();
    assert_eq!(symbols, ["A/RES/77/20", "A/RES/75/10"]);
    assert!(!found[0].reasons.same_title && found[0].reasons.same_agenda_item);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn command_line_compares_with_the_previous_version() {
    let Some(dir) = library("cli", SERIES_AND_OTHERS) else {
        return;
    };
    let store = std::env::temp_dir().join(format!("qarar-previous-store-{}", std::process::id()));
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_qarar"))
            .env("QARAR_DATA_DIR", &store)
            .args(args)
            .output()
            .expect("qarar runs")
    };
    let new = dir.join("79_136_A.xml");
    let (new_s, dir_s) = (new.to_str().expect("path"), dir.to_str().expect("path"));
    let o = run(&["compare", "--previous", new_s, "--library", dir_s]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(json["old"]["symbol"], "A/RES/77/20");
    assert_eq!(json["old"]["language"], "ar");
    assert_eq!(json["new"]["symbol"], "A/RES/79/136");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("comparing with A/RES/77/20") && err.contains("also A/RES/75/10"));
    // The first of the series has no predecessor: an error naming the file.
    let first = dir.join("75_10_E.xml");
    let o = run(&[
        "compare",
        "--previous",
        first.to_str().expect("path"),
        "--library",
        dir_s,
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no earlier version"));
    // --previous needs --library; two files without --previous still work.
    let o = run(&["compare", "--previous", new_s]);
    assert!(!o.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
