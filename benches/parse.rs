//! Parser benchmarks: `parse/seed` (the bundled plain-text resolution) and
//! `parse/akn_75_239` (the longest Akoma Ntoso file of the corpus, 451 KB),
//! `parse/akn_77_264` (a multi-part resolution with tables), `parse/akn_76_7` (a resolution
//! whose annex is most of its text) and `parse/pdftotext_75_239_size` (a pdftotext
//! conversion grown to the size of 75/239); `growth/plain_paragraphs/N` (N × 256 KB of
//! numbered resolution-like paragraphs) and `growth/plain_labels/N` (N × 64 KB of `(a)` and
//! `1.` lines, each a paragraph of its own): plain parsing at ×1, ×4 and ×16 (issue 30).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
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

/// About `bytes` of numbered paragraphs of 60 words each.
fn paragraphs_text(bytes: usize) -> String {
    let words = [
        "the",
        "general",
        "assembly",
        "recalling",
        "its",
        "resolution",
        "requests",
        "secretary-general",
        "to",
        "submit",
        "report",
        "at",
        "session",
        "decides",
        "welcomes",
        "member",
        "states",
        "urges",
    ];
    let mut text = String::from("The General Assembly,\n\n");
    let mut n = 0usize;
    while text.len() < bytes {
        n += 1;
        text.push_str(&format!("{n}. Decides"));
        for k in 0..60 {
            text.push(' ');
            text.push_str(words[(n * 7 + k * 13) % words.len()]);
        }
        text.push_str(";\n\n");
    }
    text
}

/// About `bytes` of label lines, `(a)` and `1.` in turn.
fn labels_text(bytes: usize) -> String {
    let mut text = String::new();
    let mut n = 0usize;
    while text.len() < bytes {
        n += 1;
        if n.is_multiple_of(2) {
            text.push_str(&format!("{n}.\n"));
        } else {
            let letter = char::from(b'a' + (n % 26) as u8);
            text.push_str(&format!("({letter})\n"));
        }
    }
    text
}

fn plain_growth(c: &mut Criterion) {
    for (name, make, unit) in [
        (
            "plain_paragraphs",
            paragraphs_text as fn(usize) -> String,
            256 << 10,
        ),
        ("plain_labels", labels_text, 64 << 10),
    ] {
        let mut group = c.benchmark_group(format!("growth/{name}"));
        group.sample_size(10);
        for scale in [1usize, 4, 16] {
            let text = make(scale * unit);
            group.bench_with_input(BenchmarkId::from_parameter(scale), &text, |b, text| {
                b.iter(|| {
                    let d = plain::parse(black_box(text));
                    d.operative.len() + d.body.len()
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, parse, plain_growth);
criterion_main!(benches);
