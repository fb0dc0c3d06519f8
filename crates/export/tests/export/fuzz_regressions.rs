//! Every seed (`fuzz/seeds/<target>/`), input the fuzzers kept (`fuzz/corpus/<target>/`,
//! minimised) and crash they
//! found (`fuzz/artifacts/<target>/`, fixed since) replayed on the stable toolchain, with the
//! same conversion and checks as the fuzz targets (`fuzz/input.rs`): exports of arbitrary
//! documents and annotations never panic and stay valid PDF / HTML / DOCX / XML; the
//! annotation reader never panics and reads back what it writes.

#[path = "../../../../fuzz/input.rs"]
mod input;

use arbitrary::{Arbitrary, Unstructured};
use qarar_export::{Format, render};
use std::path::{Path, PathBuf};

/// The kept inputs of fuzz target `target`.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let fuzz = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("fuzz");
    let mut out = Vec::new();
    for dir in ["seeds", "corpus", "artifacts"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() {
                let bytes = std::fs::read(&path).expect("a corpus file reads");
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

/// Decode a structure-aware input as libFuzzer's `fuzz_target!` does.
fn spec(bytes: &[u8]) -> Option<input::Spec> {
    if bytes.len() < <input::Spec as Arbitrary>::size_hint(0).0 {
        return None;
    }
    input::Spec::arbitrary_take_rest(Unstructured::new(bytes)).ok()
}

fn replay_export(target: &str, format: Format, check: impl Fn(&[u8])) {
    let inputs = inputs(target);
    assert!(!inputs.is_empty(), "no corpus for {target}");
    for (path, bytes) in inputs {
        let Some(spec) = spec(&bytes) else { continue };
        let (doc, annotations) = spec.build();
        if let Ok(out) = render(format, &doc, &annotations) {
            check(&out);
        }
        eprintln!("ok {}", path.display());
    }
}

#[test]
fn fuzz_corpus_pdf_exports_are_valid_pdf_without_actions() {
    replay_export("export_pdf", Format::Pdf, input::check_pdf);
}

#[test]
fn fuzz_corpus_html_exports_do_not_turn_text_into_markup() {
    replay_export("export_html", Format::Html, input::check_html);
}

#[test]
fn fuzz_corpus_docx_exports_are_well_formed() {
    replay_export("export_docx", Format::Docx, input::check_docx);
}

#[test]
fn fuzz_corpus_akn_exports_are_well_formed_xml() {
    replay_export("export_akn", Format::Akn, |b| input::check_xml("AKN", b));
}

#[test]
fn fuzz_corpus_annotation_files_read_back_what_is_written() {
    let inputs = inputs("w3c_reader");
    assert!(!inputs.is_empty(), "no corpus for w3c_reader");
    for (_, bytes) in inputs {
        input::check_w3c(&bytes);
    }
}

/// Blind fuzzing on stable, for machines without the nightly build of `fuzz/`: random
/// inputs through the same conversion and checks, for `QARAR_FUZZ_SECS` seconds per target
/// (default 20). A failing input is written to `fuzz/artifacts/<target>/` (replayed by the
/// tests above once fixed). Run with
/// `cargo test --release --test fuzz_regressions -- --ignored --nocapture`.
#[test]
#[ignore]
fn blind_fuzz() {
    use std::time::{Duration, Instant};
    let secs: u64 = std::env::var("QARAR_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let only = std::env::var("QARAR_FUZZ_TARGET").ok();
    let mut seed = 0x2545_F491_4F6C_DD1Du64 ^ u64::from(std::process::id());
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    type Check = fn(&[u8]);
    let targets: [(&str, Option<Format>, Check); 5] = [
        ("w3c_reader", None, input::check_w3c),
        ("export_html", Some(Format::Html), input::check_html),
        ("export_akn", Some(Format::Akn), |b| {
            input::check_xml("AKN", b)
        }),
        ("export_docx", Some(Format::Docx), input::check_docx),
        ("export_pdf", Some(Format::Pdf), input::check_pdf),
    ];
    for (target, format, check) in targets {
        if only.as_deref().is_some_and(|o| o != target) {
            continue;
        }
        let started = Instant::now();
        // (time, input bytes, characters of the document built from it)
        let (mut runs, mut slowest) = (0u64, (Duration::ZERO, 0usize, 0usize));
        while started.elapsed() < Duration::from_secs(secs) {
            let len = (next() % 8192) as usize;
            let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            if format.is_none() && next() % 2 == 0 {
                // Mutate a seed rather than pure noise: JSON that almost parses.
                let seeds = inputs(target);
                if let Some((_, s)) = seeds.get((next() as usize) % seeds.len().max(1)) {
                    bytes = s.clone();
                    for _ in 0..1 + next() % 8 {
                        if !bytes.is_empty() {
                            let at = (next() as usize) % bytes.len();
                            bytes[at] = next() as u8;
                        }
                    }
                }
            }
            let t = Instant::now();
            let result = std::panic::catch_unwind(|| match format {
                None => {
                    check(&bytes);
                    bytes.len()
                }
                Some(format) => {
                    let Some(spec) = spec(&bytes) else { return 0 };
                    let (doc, annotations) = spec.build();
                    if let Ok(out) = render(format, &doc, &annotations) {
                        check(&out);
                    }
                    let paragraphs = doc.paragraphs();
                    paragraphs
                        .iter()
                        .map(|(_, p)| p.text().chars().count())
                        .sum()
                }
            });
            let took = t.elapsed();
            if took > slowest.0 {
                slowest = (took, bytes.len(), *result.as_ref().unwrap_or(&0));
            }
            runs += 1;
            if result.is_err() {
                let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
                    .join("fuzz/artifacts")
                    .join(target);
                let _ = std::fs::create_dir_all(&dir);
                let path = dir.join(format!("crash-blind-{runs}"));
                let _ = std::fs::write(&path, &bytes);
                panic!("{target}: failing input written to {}", path.display());
            }
        }
        eprintln!(
            "{target}: {runs} runs in {:.0?}, slowest {:.2?} ({} bytes, {} characters)",
            started.elapsed(),
            slowest.0,
            slowest.1,
            slowest.2
        );
    }
}
