//! Library benchmarks on 2,000 Akoma Ntoso files: the corpus of `../shared/corpus/akn`
//! copied 100 times under new resolution numbers (so symbols differ), in a temporary folder.
//!
//! - `library/cold_index_2000`: `Library::scan` with no previous index, then a full-text
//!   refresh into a fresh index folder.
//! - `library/refresh_unchanged_2000`: scan with the previous index, then a refresh that
//!   finds nothing to do.
//! - `library/search_2000`: four queries (Arabic and English, a phrase), 50 hits each with
//!   snippets.

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use qarar_library::{FullText, Library, LibraryIndex};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/akn");
/// Copies of the corpus: 20 files × 100 = 2,000.
const COPIES: u32 = 100;
const QUERIES: [&str; 4] = [
    "الانتربول",
    "الأمم المتحدة",
    "INTERPOL",
    "\"International Criminal Police Organization\"",
];

/// Write the library into `dir`: every `75_N_L.xml` of the corpus as `75_M_L.xml` with
/// `A/RES/75/N` and the preface number `75/N.` rewritten to `M = N + 1000 × copy`. The
/// metadata file is copied once. Returns the number of resolution files written.
fn generate(dir: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut written = 0;
    for entry in std::fs::read_dir(CORPUS)?.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".jsonl") {
            std::fs::write(dir.join(&name), std::fs::read(&path)?)?;
            continue;
        }
        let Some(stem) = name.strip_suffix(".xml") else {
            continue;
        };
        let mut parts = stem.split('_');
        let (Some(session), Some(number), Some(lang)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let Ok(n) = number.parse::<u32>() else {
            continue;
        };
        let xml = std::fs::read_to_string(&path)?;
        for copy in 1..=COPIES {
            let m = n + 1000 * copy;
            let text = xml
                .replace(
                    &format!("A/RES/{session}/{n}<"),
                    &format!("A/RES/{session}/{m}<"),
                )
                .replace(&format!(">{session}/{n}.<"), &format!(">{session}/{m}.<"));
            std::fs::write(dir.join(format!("{session}_{m}_{lang}.xml")), text)?;
            written += 1;
        }
    }
    Ok(written)
}

fn scan(dir: &Path, previous: Option<&LibraryIndex>) -> LibraryIndex {
    Library::scan(dir, previous, &|_, _| true)
}

fn library(c: &mut Criterion) {
    if !Path::new(CORPUS).is_dir() {
        eprintln!("skipping library benchmarks: corpus folder {CORPUS} is absent");
        return;
    }
    let base = std::env::temp_dir().join(format!("qarar-bench-library-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let docs = base.join("library");
    let files = match generate(&docs) {
        Ok(n) => n,
        Err(e) => {
            eprintln!(
                "skipping library benchmarks: cannot write {}: {e}",
                docs.display()
            );
            return;
        }
    };
    assert!(files >= 2000, "{files} files generated");

    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(5));

    let run = std::cell::Cell::new(0u32);
    let fresh_dir = || -> PathBuf {
        run.set(run.get() + 1);
        base.join(format!("index-cold-{}", run.get()))
    };
    group.bench_function("cold_index_2000", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let dir = fresh_dir();
                let start = Instant::now();
                let index = scan(&docs, None);
                let mut ft = FullText::open(&dir).expect("open index");
                let stats = ft.refresh(&index, &|_, _| true).expect("refresh");
                total += start.elapsed();
                assert_eq!(stats.added, files, "{stats:?}");
                drop(ft);
                let _ = std::fs::remove_dir_all(&dir);
            }
            total
        })
    });

    let index_dir = base.join("index");
    let start = Instant::now();
    let mut index = scan(&docs, None);
    let scanned = start.elapsed();
    let mut ft = FullText::open(&index_dir).expect("open index");
    let stats = ft.refresh(&index, &|_, _| true).expect("refresh");
    let bytes: u64 = std::fs::read_dir(&index_dir)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    eprintln!(
        "setup: {} files scanned in {scanned:?}, {} paragraphs indexed in {:?}, index {} MB",
        index.entries.len(),
        ft.doc_count(),
        stats.elapsed,
        bytes / 1_000_000
    );
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("refresh_unchanged_2000", |b| {
        b.iter(|| {
            index = scan(&docs, Some(&index));
            let stats = ft.refresh(&index, &|_, _| true).expect("refresh");
            assert_eq!(stats.unchanged, files, "{stats:?}");
            black_box(stats)
        })
    });

    group.sample_size(20);
    group.sampling_mode(SamplingMode::Auto);
    group.bench_function("search_2000", |b| {
        b.iter(|| {
            QUERIES
                .iter()
                .map(|q| ft.search(black_box(q), 50).expect("search").len())
                .sum::<usize>()
        })
    });
    for q in QUERIES {
        let hits = ft.search(q, 50).expect("search");
        assert!(!hits.is_empty(), "{q} finds nothing");
    }
    group.finish();
    drop(ft);
    let _ = std::fs::remove_dir_all(&base);
}

criterion_group!(benches, library);
criterion_main!(benches);
