//! PDF export of an arbitrary document with arbitrary annotations (re-anchoring included):
//! never a panic, and the output passes the format's checks (`fuzz/input.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../input.rs"]
mod input;

fuzz_target!(|spec: input::Spec| {
    let (doc, annotations) = spec.build();
    if let Ok(bytes) = qarar_export::render(qarar_export::Format::Pdf, &doc, &annotations) {
        input::check_pdf(&bytes);
    }
});
