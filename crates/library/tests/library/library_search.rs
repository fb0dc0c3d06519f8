//! Full-text search across the library, against the Akoma Ntoso corpus in
//! `../shared/corpus/akn` (copied to a temporary folder when a test changes files).

use qarar_document::Language;
use qarar_library::{FullText, Hit, Library, LibraryIndex, RefreshStats};
use qarar_util::fold::fold_str;
use std::cell::Cell;
use std::path::{Path, PathBuf};

use common::corpus;
use qarar_testkit as common;

fn scan(dir: &Path, previous: Option<&LibraryIndex>) -> LibraryIndex {
    Library::scan(dir, previous, &|_, _| true)
}

fn refresh(ft: &mut FullText, library: &LibraryIndex) -> RefreshStats {
    ft.refresh(library, &|_, _| true).expect("refresh")
}

fn search(ft: &FullText, query: &str) -> Vec<Hit> {
    ft.search(query, 1000).expect("search")
}

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("fulltext", name)
}

fn temp_copy(name: &str) -> Option<PathBuf> {
    common::temp_copy("fulltext", name)
}

/// The corpus indexed in memory.
fn indexed_corpus() -> Option<(LibraryIndex, FullText)> {
    let dir = corpus()?;
    let library = scan(&dir, None);
    let mut ft = FullText::in_memory().expect("in-memory index");
    let stats = refresh(&mut ft, &library);
    assert_eq!(stats.added, 20, "{stats:?}");
    assert_eq!(stats.failed, 0, "{stats:?}");
    Some((library, ft))
}

fn highlighted(hit: &Hit) -> Vec<&str> {
    hit.highlights
        .iter()
        .map(|r| {
            hit.snippet
                .get(r.clone())
                .expect("highlight inside the snippet")
        })
        .collect()
}

fn is_75_10(hit: &Hit, language: Language) -> bool {
    hit.symbol.as_deref() == Some("A/RES/75/10") && hit.language == Some(language)
}

/// (path, paragraph) of every hit, for comparing result lists.
fn keys(hits: &[Hit]) -> Vec<(PathBuf, String)> {
    hits.iter()
        .map(|h| (h.path.clone(), h.paragraph.clone()))
        .collect()
}

#[test]
fn arabic_query_without_hamza_finds_the_interpol_paragraphs_of_75_10() {
    let Some((library, ft)) = indexed_corpus() else {
        return;
    };
    let hits = search(&ft, "الانتربول");
    let ar: Vec<&Hit> = hits.iter().filter(|h| is_75_10(h, Language::Ar)).collect();
    assert!(ar.len() >= 10, "{} Arabic hits: {hits:#?}", ar.len());
    let entry = library
        .find("A/RES/75/10", Language::Ar)
        .expect("Arabic 75/10");
    for hit in &ar {
        assert_eq!(hit.path, entry.path);
        assert!(
            entry.paragraph_ids.contains(&hit.paragraph),
            "{} is not a paragraph of 75/10",
            hit.paragraph
        );
        let words = highlighted(hit);
        assert!(!words.is_empty(), "no highlight in {:?}", hit.snippet);
        for w in &words {
            // The word as written (with hamza, maybe with a leading و or ل), found by the
            // folded query.
            assert!(
                w.ends_with("لإنتربول") && fold_str(w).contains("انتربول"),
                "highlight {w:?} in {:?}",
                hit.snippet
            );
        }
    }
    assert!(ar.iter().any(|h| highlighted(h).contains(&"الإنتربول")));
    // Operative paragraphs are among the hits, not just the title and preamble.
    assert!(ar.iter().any(|h| h.paragraph.starts_with("para_")));
    // The hits are ranked.
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));

    // Hamza, Persian pe and harakat make no difference.
    let paragraphs = |query: &str| -> Vec<String> {
        let mut ids: Vec<String> = search(&ft, query)
            .into_iter()
            .filter(|h| is_75_10(h, Language::Ar))
            .map(|h| h.paragraph)
            .collect();
        ids.sort();
        ids
    };
    let expected = paragraphs("الانتربول");
    for spelling in ["الإنتربول", "الإنترپول", "الإنْتَرْبُول", "انتربول"]
    {
        assert_eq!(paragraphs(spelling), expected, "{spelling}");
    }
    // Words are ANDed: no Arabic paragraph holds the Latin word.
    assert!(paragraphs("INTERPOL الانتربول").is_empty());
}

#[test]
fn english_query_finds_the_english_paragraphs() {
    let Some((_, ft)) = indexed_corpus() else {
        return;
    };
    let hits = search(&ft, "INTERPOL");
    let en: Vec<&Hit> = hits.iter().filter(|h| is_75_10(h, Language::En)).collect();
    assert!(en.len() >= 10, "{hits:#?}");
    for hit in &en {
        assert_eq!(highlighted(hit).first(), Some(&"INTERPOL"), "{hit:?}");
    }
    assert!(!hits.iter().any(|h| h.language == Some(Language::Ar)));
    // Lower case finds the same.
    assert_eq!(keys(&search(&ft, "interpol")), keys(&hits));
    // Several words: a paragraph must hold all of them.
    let both = keys(&search(&ft, "INTERPOL cooperation"));
    let cooperation = keys(&search(&ft, "cooperation"));
    assert!(!both.is_empty());
    assert!(both.len() < en.len());
    assert!(
        both.iter()
            .all(|k| keys(&hits).contains(k) && cooperation.contains(k))
    );
    // A quoted phrase matches the words in that order only.
    let phrase = search(&ft, "\"International Criminal Police Organization\"");
    assert!(phrase.iter().any(|h| is_75_10(h, Language::En)));
    assert!(search(&ft, "\"Organization Police Criminal\"").is_empty());
    // The limit caps the results; an empty query finds nothing.
    assert_eq!(ft.search("INTERPOL", 3).expect("search").len(), 3);
    assert!(search(&ft, "  ").is_empty());
    assert!(search(&ft, "\"").is_empty());
}

#[test]
fn refresh_with_nothing_changed_reads_nothing() {
    let Some(dir) = corpus() else { return };
    let index_dir = temp_dir("unchanged");
    let mut ft = FullText::open(&index_dir).expect("open");
    let first = scan(&dir, None);
    assert_eq!(refresh(&mut ft, &first).added, 20);
    let docs = ft.doc_count();
    assert!(docs > 500, "{docs} paragraphs");

    let second = scan(&dir, Some(&first));
    let calls = Cell::new(0);
    let stats = ft
        .refresh(&second, &|_, _| {
            calls.set(calls.get() + 1);
            true
        })
        .expect("refresh");
    assert_eq!(stats.unchanged, 20, "{stats:?}");
    assert_eq!(
        (stats.added, stats.updated, stats.removed, stats.failed),
        (0, 0, 0, 0)
    );
    assert!(calls.get() <= 1, "progress called {} times", calls.get());
    assert_eq!(ft.doc_count(), docs);
    let _ = std::fs::remove_dir_all(&index_dir);
}

#[test]
fn rewriting_one_file_updates_only_it() {
    let Some(dir) = temp_copy("rewrite") else {
        return;
    };
    let mut ft = FullText::in_memory().expect("index");
    let first = scan(&dir, None);
    refresh(&mut ft, &first);
    let docs = ft.doc_count();

    let file = dir.join("75_10_E.xml");
    let xml = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, xml.replace("INTERPOL", "ZORBLAXPOL")).expect("rewrite");
    let second = scan(&dir, Some(&first));
    let stats = refresh(&mut ft, &second);
    assert_eq!(stats.updated, 1, "{stats:?}");
    assert_eq!(stats.unchanged, 19, "{stats:?}");
    assert_eq!((stats.added, stats.removed), (0, 0), "{stats:?}");
    assert_eq!(ft.doc_count(), docs, "same paragraphs, new text");

    let new = search(&ft, "zorblaxpol");
    assert!(new.iter().any(|h| is_75_10(h, Language::En)), "{new:#?}");
    assert!(new.iter().all(|h| h.path == file));
    let old = search(&ft, "INTERPOL");
    assert!(
        !old.iter().any(|h| h.path == file),
        "stale paragraphs remain"
    );
    assert!(old.iter().any(|h| h.language == Some(Language::Fr)));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn deleting_a_file_removes_its_hits() {
    let Some(dir) = temp_copy("delete") else {
        return;
    };
    let mut ft = FullText::in_memory().expect("index");
    let first = scan(&dir, None);
    refresh(&mut ft, &first);
    let docs = ft.doc_count();
    let file = dir.join("75_10_A.xml");
    assert!(search(&ft, "الانتربول").iter().any(|h| h.path == file));

    std::fs::remove_file(&file).expect("delete");
    let second = scan(&dir, Some(&first));
    let stats = refresh(&mut ft, &second);
    assert_eq!(stats.removed, 1, "{stats:?}");
    assert_eq!(stats.unchanged, 19, "{stats:?}");
    assert!(ft.doc_count() < docs);
    assert!(!search(&ft, "الانتربول").iter().any(|h| h.path == file));
    assert!(!search(&ft, "INTERPOL").is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_broken_file_does_not_stop_the_rest() {
    let Some(dir) = temp_copy("broken") else {
        return;
    };
    std::fs::write(
        dir.join("00_broken.xml"),
        "<akomaNtoso><statement><p>unclosed",
    )
    .expect("write broken file");
    std::fs::write(dir.join("01_binary.xml"), [0u8, 159, 146, 150, 255, 0, 1]).expect("write");
    let library = scan(&dir, None);
    let broken = library.errors().len();
    assert!(broken >= 1, "the scan lists the broken file");
    let mut ft = FullText::in_memory().expect("index");
    let stats = refresh(&mut ft, &library);
    assert_eq!(stats.added + stats.failed, 22, "{stats:?}");
    assert_eq!(stats.failed, broken, "{stats:?}");
    assert!(stats.added >= 20, "{stats:?}");
    assert!(!search(&ft, "الانتربول").is_empty());
    assert!(!search(&ft, "INTERPOL").is_empty());

    // Not retried while unchanged; indexed once repaired.
    let again = refresh(&mut ft, &scan(&dir, Some(&library)));
    assert_eq!((again.unchanged, again.failed), (22, 0), "{again:?}");
    let good = std::fs::read(dir.join("75_1_E.xml")).expect("read");
    std::fs::write(dir.join("00_broken.xml"), good).expect("repair");
    let repaired = refresh(&mut ft, &scan(&dir, Some(&library)));
    assert_eq!(repaired.updated, 1, "{repaired:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn reopening_the_index_from_disk_gives_the_same_results() {
    let Some(dir) = corpus() else { return };
    let index_dir = temp_dir("reopen");
    let library = scan(&dir, None);
    let (docs, ar, en) = {
        let mut ft = FullText::open(&index_dir).expect("open");
        refresh(&mut ft, &library);
        (
            ft.doc_count(),
            search(&ft, "الانتربول"),
            search(&ft, "INTERPOL"),
        )
    };
    let mut ft = FullText::open(&index_dir).expect("reopen");
    assert_eq!(ft.doc_count(), docs);
    assert_eq!(keys(&search(&ft, "الانتربول")), keys(&ar));
    assert_eq!(keys(&search(&ft, "INTERPOL")), keys(&en));
    let reopened = search(&ft, "الانتربول");
    assert_eq!(reopened[0].snippet, ar[0].snippet);
    assert_eq!(reopened[0].highlights, ar[0].highlights);
    // The indexed files were remembered with the index.
    let stats = refresh(&mut ft, &scan(&dir, Some(&library)));
    assert_eq!((stats.unchanged, stats.added), (20, 0), "{stats:?}");
    let _ = std::fs::remove_dir_all(&index_dir);
}

#[test]
fn a_damaged_index_is_rebuilt() {
    let Some(dir) = corpus() else { return };
    let index_dir = temp_dir("damaged");
    std::fs::write(index_dir.join("notes.txt"), "not ours").expect("write");
    let library = scan(&dir, None);
    {
        let mut ft = FullText::open(&index_dir).expect("open");
        refresh(&mut ft, &library);
    }
    std::fs::write(index_dir.join("meta.json"), "{ not json").expect("damage");
    let mut ft = FullText::open(&index_dir).expect("open a damaged index");
    assert_eq!(ft.doc_count(), 0);
    let stats = refresh(&mut ft, &library);
    assert_eq!(stats.added, 20, "{stats:?}");
    assert!(!search(&ft, "INTERPOL").is_empty());
    assert!(
        index_dir.join("notes.txt").exists(),
        "other files are left alone"
    );
    let _ = std::fs::remove_dir_all(&index_dir);
}

#[test]
fn a_cancelled_refresh_keeps_what_it_did_and_the_next_one_finishes() {
    let Some(dir) = corpus() else { return };
    let library = scan(&dir, None);
    let mut ft = FullText::in_memory().expect("index");
    let stats = ft.refresh(&library, &|done, _| done < 5).expect("refresh");
    assert!(stats.cancelled);
    assert_eq!(stats.added, 5, "{stats:?}");
    let partial = ft.doc_count();
    assert!(partial > 0);
    let rest = refresh(&mut ft, &library);
    assert_eq!((rest.added, rest.unchanged), (15, 5), "{rest:?}");
    assert!(ft.doc_count() > partial);
}
