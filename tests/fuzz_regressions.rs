//! Every seed (`fuzz/seeds/<target>/`), input the fuzzers kept (`fuzz/corpus/<target>/`,
//! minimised) and crash they
//! found (`fuzz/artifacts/<target>/`, fixed since) replayed on the stable toolchain, with the
//! same conversion and checks as the fuzz targets (`fuzz/input.rs`): exports of arbitrary
//! documents and annotations never panic and stay valid PDF / HTML / DOCX / XML; the
//! annotation reader never panics and reads back what it writes.

#[path = "../fuzz/input.rs"]
mod input;

use arbitrary::{Arbitrary, Unstructured};
use qarar::export::{Format, render};
use std::path::{Path, PathBuf};

/// The kept inputs of fuzz target `target`.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
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
