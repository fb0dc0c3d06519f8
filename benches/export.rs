//! Export benchmarks on the annotated seed.

use criterion::{Criterion, criterion_group, criterion_main};
use qarar::annotations::{Annotation, Color};
use qarar::document::load_bytes;
use qarar::export::{Format, render};
use std::hint::black_box;
use std::path::Path;

const SEED: &[u8] = include_bytes!("../assets/A-RES-75-10.ar.txt");

fn export(c: &mut Criterion) {
    let doc = load_bytes(SEED, Path::new("seed.txt")).expect("seed parses");
    let mut annotations = Vec::new();
    let ids: Vec<String> = doc.paragraphs().iter().map(|(_, p)| p.id.clone()).collect();
    for (i, id) in ids.iter().enumerate().take(12) {
        let color = Color::ALL[i % Color::ALL.len()];
        if let Ok(mut a) = Annotation::new_on_passage(&doc, id, 0..12, color) {
            a.set_note(format!("ملاحظة {i} حول A/75/L.20"));
            annotations.push(a);
        }
    }
    for format in Format::all().iter().copied() {
        c.bench_function(&format!("export/{}", format.extension()), |b| {
            b.iter(|| black_box(render(format, &doc, &annotations).map(|v| v.len())))
        });
    }
}

criterion_group!(benches, export);
criterion_main!(benches);
