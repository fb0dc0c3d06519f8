//! Parser benchmarks: `parse/seed` (the bundled plain-text resolution) and
//! `parse/akn_75_239` (the longest Akoma Ntoso file of the corpus, 451 KB),
//! `parse/akn_77_264` (a multi-part resolution with tables), `parse/akn_76_7` (a resolution
//! whose annex is most of its text) and `parse/pdftotext_75_239_size` (a pdftotext
//! conversion grown to the size of 75/239).

use criterion::{Criterion, criterion_group, criterion_main};
use qarar_document::{akn, plain};
use std::hint::black_box;

/// The bundled Arabic seed, A/RES/75/10 as plain text.
const SEED: &str = include_str!("../assets/A-RES-75-10.ar.txt");

/// Path of the long Akoma Ntoso file, outside the crate (read at run time).
const AKN_75_239: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/akn/75_239_A.xml"
);

/// A pdftotext conversion from the corpus, repeated (page after page) to the size of
/// A/RES/75/239 as pdftotext gives it (about 240 KB).
const PDFTOTEXT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/text/75_125_E.pdftotext.txt"
);

/// Size of the built pdftotext text in bytes.
const PDFTOTEXT_75_239_BYTES: usize = 240_000;

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group.bench_function("seed", |b| b.iter(|| plain::parse(black_box(SEED))));
    match std::fs::read_to_string(AKN_75_239) {
        Ok(xml) => {
            group.bench_function("akn_75_239", |b| {
                b.iter(|| akn::parse(black_box(&xml)).map(|d| d.operative.len()))
            });
        }
        Err(e) => eprintln!("skipping parse/akn_75_239: cannot read {AKN_75_239}: {e}"),
    }
    for name in ["77_264_E", "76_7_A"] {
        let path = AKN_75_239.replace("75_239_A", name);
        match std::fs::read_to_string(&path) {
            Ok(xml) => {
                group.bench_function(format!("akn_{}", &name[..name.len() - 2]), |b| {
                    b.iter(|| akn::parse(black_box(&xml)).map(|d| d.parts.len() + d.annexes.len()))
                });
            }
            Err(e) => eprintln!("skipping {name}: cannot read {path}: {e}"),
        }
    }
    match std::fs::read_to_string(PDFTOTEXT) {
        Ok(one) if !one.is_empty() => {
            let mut text = String::with_capacity(PDFTOTEXT_75_239_BYTES + one.len());
            while text.len() < PDFTOTEXT_75_239_BYTES {
                text.push_str(&one);
                text.push('\u{c}');
            }
            group.bench_function("pdftotext_75_239_size", |b| {
                b.iter(|| plain::parse(black_box(&text)).operative.len())
            });
        }
        _ => eprintln!("skipping parse/pdftotext_75_239_size: cannot read {PDFTOTEXT}"),
    }
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
