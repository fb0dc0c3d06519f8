//! Growth benchmarks: each input scaled ×1, ×4 and ×16; linear code takes about 4× and 16×
//! the time of the ×1 case (figures in the README).
//!
//! * `scaling/pdf_paragraph/N`: PDF export of one paragraph of N × 32 KB.
//! * `scaling/anchor_count/N`: re-anchoring N × 100 annotations (exact, edited, moved to
//!   another paragraph, orphaned) on one document of 400 paragraphs.
//! * `scaling/anchor_document/N`: a document of N × 100 paragraphs with N × 100 such
//!   annotations — the case that was quadratic (each orphan scanned the whole document).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use qarar_annotations::{Annotation, Color};
use qarar_document::load_bytes;
use qarar_document::model::{Document, Paragraph, ParagraphKind, Run};
use qarar_export::placed::place;
use qarar_export::{Format, render};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

const SCALES: [usize; 3] = [1, 4, 16];

fn pdf_paragraph(c: &mut Criterion) {
    let word = "التعاون بين الأمم المتحدة والمنظمة الدولية للشرطة الجنائية ";
    let mut group = c.benchmark_group("scaling/pdf_paragraph");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for scale in SCALES {
        let text = word.repeat(scale * 32 * 1024 / word.len());
        let doc = load_bytes(text.as_bytes(), Path::new("long.txt")).expect("opens");
        group.bench_with_input(BenchmarkId::from_parameter(scale), &doc, |b, doc| {
            b.iter(|| black_box(render(Format::Pdf, doc, &[]).map(|v| v.len())))
        });
    }
    group.finish();
}

/// Deterministic pseudo-random numbers.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// A document of `paragraphs` operative paragraphs of about 300 characters: resolution
/// vocabulary mixed with made-up words, so that passages are (mostly) unique.
fn document(paragraphs: usize, rng: &mut Rng) -> Document {
    let vocabulary = [
        "الجمعية",
        "العامة",
        "الأمم",
        "المتحدة",
        "تقرر",
        "تطلب",
        "إلى",
        "الأمين",
        "العام",
        "في",
        "دورتها",
        "تقريرا",
        "عن",
        "تنفيذ",
        "هذا",
        "القرار",
        "التعاون",
        "الدولي",
        "مع",
        "المنظمة",
    ];
    let letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
    let mut doc = Document::default();
    for i in 0..paragraphs {
        let mut text = String::new();
        while text.chars().count() < 300 {
            if rng.below(3) == 0 {
                let n = 3 + rng.below(5);
                text.extend((0..n).map(|_| letters[rng.below(letters.len())]));
            } else {
                text.push_str(vocabulary[rng.below(vocabulary.len())]);
            }
            text.push(' ');
        }
        let mut p = Paragraph::new(format!("para_{}", i + 1), ParagraphKind::Operative);
        p.number = u32::try_from(i + 1).ok();
        p.runs.push(Run::plain(text.trim_end()));
        doc.operative.push(p);
    }
    doc
}

/// `count` annotations on `doc`: 5 in 10 land exactly, 2 have an edited quote, 1 names the
/// wrong paragraph, 2 are orphans (their text is not in the document).
fn annotations(doc: &Document, count: usize, rng: &mut Rng) -> Vec<Annotation> {
    let ids: Vec<String> = doc.paragraphs().iter().map(|(_, p)| p.id.clone()).collect();
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let id = &ids[rng.below(ids.len())];
        let start = rng.below(200);
        let len = 15 + rng.below(60);
        let Ok(mut a) = Annotation::new_on_passage(doc, id, start..start + len, Color::Yellow)
        else {
            continue;
        };
        match out.len() % 10 {
            5 | 6 => {
                let mut chars: Vec<char> = a.quote.exact.chars().collect();
                let at = rng.below(chars.len());
                chars[at] = 'ڤ';
                chars.insert(rng.below(chars.len()), 'ڨ');
                a.quote.exact = chars.into_iter().collect();
            }
            7 => {
                a.target = ids[rng.below(ids.len())].clone();
                a.position = None;
            }
            8 | 9 => {
                a.quote.exact = format!("passage number {} that was deleted", out.len());
            }
            _ => {}
        }
        out.push(a);
    }
    out
}

fn anchor_count(c: &mut Criterion) {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let doc = document(400, &mut rng);
    let mut group = c.benchmark_group("scaling/anchor_count");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for scale in SCALES {
        let list = annotations(&doc, scale * 100, &mut rng);
        group.bench_with_input(BenchmarkId::from_parameter(scale), &list, |b, list| {
            b.iter(|| black_box(place(&doc, list).len()))
        });
    }
    group.finish();
}

fn anchor_document(c: &mut Criterion) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut group = c.benchmark_group("scaling/anchor_document");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for scale in SCALES {
        let doc = document(scale * 100, &mut rng);
        let list = annotations(&doc, scale * 100, &mut rng);
        group.bench_with_input(BenchmarkId::from_parameter(scale), &list, |b, list| {
            b.iter(|| black_box(place(&doc, list).len()))
        });
    }
    group.finish();
}

criterion_group!(benches, pdf_paragraph, anchor_count, anchor_document);
criterion_main!(benches);
