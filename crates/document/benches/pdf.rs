//! The PDF reader: `pdf/lo_75_10_A` (the Arabic LibreOffice fixture, 7 pages) and, when
//! `QARAR_PDF_BENCH` names a file, that file (a 20-page PDF for the first-screen budget), from
//! bytes to the document model — what the window waits for before its first screen.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn pdf(c: &mut Criterion) {
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    let fixtures = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pdf"));
    let mut files: Vec<(String, PathBuf)> =
        vec![("lo_75_10_A".into(), fixtures.join("75_10_A.lo.pdf"))];
    if let Ok(extra) = std::env::var("QARAR_PDF_BENCH") {
        files.push(("extra".into(), extra.into()));
    }
    for (name, path) in files {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("skipping {name}: cannot read {}", path.display());
            continue;
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                qarar_document::load::load_bytes(black_box(&bytes), &path)
                    .map(|d| d.operative.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
