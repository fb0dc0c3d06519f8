//! Compare benchmarks: `compare/75_239_modified` (the longest resolution of the corpus, in
//! Arabic, against a copy of itself with a paragraph deleted, one inserted, one moved, one
//! reworded and one with a new session number) and `compare/75_10_vs_77_20` (the real
//! successor, English). Documents are parsed once; what is timed is the comparison (units,
//! alignment, word diffs, classes).

mod common;

use common::Headless;
use criterion::{Criterion, criterion_group, criterion_main};
use qarar_compare::compare;
use qarar_document::{Document, Run, load_path};
use std::hint::black_box;
use std::path::Path;

const AKN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/akn");

fn load(name: &str) -> Option<Document> {
    let path = format!("{AKN}/{name}.xml");
    match load_path(Path::new(&path)) {
        Ok(doc) => Some(doc),
        Err(e) => {
            eprintln!("skipping: cannot read {path}: {e}");
            None
        }
    }
}

/// A copy of `doc` with edits of every kind in its operative part and annexes.
fn modified(doc: &Document) -> Document {
    let mut new = doc.clone();
    let ops = &mut new.operative;
    if ops.len() > 12 {
        ops.remove(3);
        let moved = ops.remove(8);
        ops.push(moved);
        let mut inserted = ops[5].clone();
        inserted.children.clear();
        inserted.runs = vec![Run::plain(
            "تطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار في دورتها الثامنة والسبعين؛",
        )];
        ops.insert(5, inserted);
        let text = ops[10].text();
        ops[10].runs = vec![Run::plain(format!(
            "{text} وتقرر أن تبقي المسألة قيد نظرها"
        ))];
        let text = ops[11].text().replacen("الخامسة", "السادسة", 1);
        ops[11].runs = vec![Run::plain(text)];
    }
    new
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare");
    if let Some(doc) = load("75_239_A") {
        let new = modified(&doc);
        group.bench_function("75_239_modified", |b| {
            b.iter(|| compare(black_box(&doc), black_box(&new)).summary.changed)
        });
    }
    if let (Some(old), Some(new)) = (load("75_10_E"), load("77_20_E")) {
        group.bench_function("75_10_vs_77_20", |b| {
            b.iter(|| compare(black_box(&old), black_box(&new)).summary.changed)
        });
    }
    if let (Some(old), Some(new)) = (load("75_10_A"), load("77_20_A")) {
        let cmp = compare(&old, &new);
        group.bench_function("pdf_75_10_vs_77_20_ar", |b| {
            b.iter(|| {
                qarar_export::compare::pdf::export(black_box(&cmp), qarar_export::pdf::Paper::A4)
                    .map(|v| v.len())
                    .unwrap_or(0)
            })
        });
    }
    group.finish();
}

/// One frame of the window's compare view (the seed, A/RES/75/10, against A/RES/77/20 in
/// Arabic, inline), scrolling, once every unit is laid out.
fn frame(c: &mut Criterion) {
    use eframe::egui;
    use qarar::ui::StartOptions;
    let newer = Path::new(AKN).join("77_20_A.xml");
    if !newer.exists() {
        return;
    }
    let start = StartOptions {
        data_dir: Some(Headless::data_dir("compare")),
        ..StartOptions::default()
    };
    let mut h = Headless::new(egui::Context::default(), start);
    h.warm_up(1);
    h.app.compare_with(newer);
    h.warm_up(1);
    h.app.finish_comparing();
    h.warm_up(3);
    c.bench_function("compare/frame_75_10_vs_77_20_ar", |b| {
        b.iter(|| black_box(h.scroll(egui::pos2(700.0, 400.0))))
    });
}

criterion_group!(benches, bench, frame);
criterion_main!(benches);
