//! Layout and frame benchmarks: what the reader does between a file and pixels.

mod common;

use common::Headless;
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use qarar::ui::StartOptions;
use qarar_document::{load_bytes, load_path};
use qarar_text::display::blocks;
use qarar_text::fonts::font_system;
use qarar_text::layout::{DocumentLayout, Typography, layout_block, rewrap};
use std::hint::black_box;
use std::path::Path;

const SEED: &[u8] = include_bytes!("../assets/A-RES-75-10.ar.txt");

fn akn_239() -> Option<qarar_document::Document> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/akn/75_239_A.xml");
    load_path(&p).ok()
}

fn layout(c: &mut Criterion) {
    let mut fonts = font_system();
    let typo = Typography::default();
    c.bench_function("layout/seed_full", |b| {
        b.iter(|| {
            let doc = load_bytes(SEED, Path::new("seed.txt")).expect("seed parses");
            let l = DocumentLayout::new(&mut fonts, blocks(&doc), typo, 900.0);
            black_box(l.total_height)
        })
    });
    // The same with an empty shaping cache each time: a document never seen before.
    c.bench_function("layout/seed_full_cold_cache", |b| {
        b.iter(|| {
            fonts.shape_run_cache = Default::default();
            let doc = load_bytes(SEED, Path::new("seed.txt")).expect("seed parses");
            let l = DocumentLayout::new(&mut fonts, blocks(&doc), typo, 900.0);
            black_box(l.total_height)
        })
    });
    let seed = load_bytes(SEED, Path::new("seed.txt")).expect("seed parses");
    c.bench_function("layout/first_screen/seed", |b| {
        b.iter(|| {
            let mut l = DocumentLayout::lazy(blocks(&seed), typo, 760.0);
            l.ensure_visible(&mut fonts, 0.0, 800.0);
            black_box(l.total_height)
        })
    });
    if let Some(doc) = akn_239() {
        c.bench_function("layout/first_screen/akn_75_239", |b| {
            b.iter(|| {
                let mut l = DocumentLayout::lazy(blocks(&doc), typo, 760.0);
                l.ensure_visible(&mut fonts, 0.0, 800.0);
                black_box(l.total_height)
            })
        });
    }
    let mut full = DocumentLayout::new(&mut fonts, blocks(&seed), typo, 900.0);
    let mut wide = true;
    c.bench_function("layout/relayout_width", |b| {
        b.iter(|| {
            wide = !wide;
            let w = if wide { 900.0 } else { 700.0 };
            full.update(&mut fonts, typo, w);
            black_box(full.total_height)
        })
    });
}

fn frame(c: &mut Criterion) {
    let mut h = Headless::new(egui::Context::default(), StartOptions::default());
    // Warm up: layout, atlas, meshes.
    h.warm_up(3);
    c.bench_function("frame/scroll", |b| {
        b.iter(|| black_box(h.scroll(egui::pos2(500.0, 400.0))))
    });
}

/// One frame with the accessibility tree on (the whole document's nodes, reused between
/// frames), for the seed and for the longest resolution, once every block is laid out.
fn frame_accesskit(c: &mut Criterion) {
    let mut cases = vec![("frame/accesskit/seed", None, true)];
    let p239 = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/akn/75_239_A.xml");
    if p239.is_file() {
        cases.push(("frame/accesskit/akn_75_239", Some(p239.clone()), true));
        // The same frame without the tree, to see what the tree costs.
        cases.push(("frame/no_accesskit/akn_75_239", Some(p239), false));
    }
    for (name, file, accesskit) in cases {
        let ctx = egui::Context::default();
        if accesskit {
            ctx.enable_accesskit();
        }
        let start = StartOptions {
            file,
            data_dir: Some(Headless::data_dir("a11y")),
            ..StartOptions::default()
        };
        let mut h = Headless::new(ctx, start);
        // Load, lay out everything (a little each frame), build the nodes.
        for _ in 0..3000 {
            black_box(h.frame(Vec::new()));
            let done = h
                .app
                .current()
                .is_some_and(|c| c.view.layout.as_ref().is_some_and(|l| l.is_complete()));
            if done {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        h.warm_up(1);
        c.bench_function(name, |b| {
            b.iter(|| {
                let events = vec![egui::Event::PointerMoved(egui::pos2(500.0, 400.0))];
                let out = h.frame(events);
                black_box(out.platform_output.accesskit_update.map(|u| u.nodes.len()))
            })
        });
    }
}

/// The longest table of the corpus (77/264 A in Arabic, 47 rows of three cells): shaping
/// every cell and fitting the columns, then re-wrapping it at another width.
fn table(c: &mut Criterion) {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/akn/77_264_A.xml");
    let Ok(doc) = load_path(&p) else {
        return;
    };
    let all = blocks(&doc);
    let Some(big) = all
        .iter()
        .filter(|b| !b.display.cells.is_empty())
        .max_by_key(|b| b.display.cells.len())
    else {
        return;
    };
    let mut fonts = font_system();
    let typo = Typography::default();
    c.bench_function("layout/table/77_264_A", |b| {
        b.iter(|| black_box(layout_block(&mut fonts, big, &typo, 760.0).height))
    });
    let mut l = layout_block(&mut fonts, big, &typo, 760.0);
    let mut wide = true;
    c.bench_function("layout/table_rewrap/77_264_A", |b| {
        b.iter(|| {
            wide = !wide;
            let w = if wide { 760.0 } else { 560.0 };
            rewrap(&mut fonts, &mut l, big, &typo, w);
            black_box(l.height)
        })
    });
}

criterion_group!(benches, layout, table, frame, frame_accesskit);
criterion_main!(benches);
