//! Export benchmarks on the annotated seed.

use criterion::{Criterion, criterion_group, criterion_main};
use qarar_annotations::{Annotation, Color};
use qarar_document::load_bytes;
use qarar_export::{Format, render};
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

/// One paragraph of about 1 MB over hundreds of pages: the PDF export must stay linear in
/// paragraph length (it was quadratic: 2.1 s for 1 MB, 6.4 s for 2 MB; now 0.8 s and 1.2 s).
fn long_paragraph_pdf(c: &mut Criterion) {
    let word = "التعاون بين الأمم المتحدة والمنظمة الدولية للشرطة الجنائية ";
    let text = word.repeat(1024 * 1024 / word.len());
    let doc = load_bytes(text.as_bytes(), Path::new("long.txt")).expect("opens");
    let mut group = c.benchmark_group("export-long");
    group.sample_size(10);
    group.bench_function("pdf/one 1 MB paragraph", |b| {
        b.iter(|| black_box(render(Format::Pdf, &doc, &[]).map(|v| v.len())))
    });
    group.finish();
}

criterion_group!(benches, export, long_paragraph_pdf);
criterion_main!(benches);
