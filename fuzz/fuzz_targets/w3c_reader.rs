//! The W3C Web Annotation (JSON-LD) reader on raw bytes, then what it read written back and
//! read again: never a panic, and Qarar reads what it writes (`fuzz/input.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../input.rs"]
mod input;

fuzz_target!(|data: &[u8]| {
    input::check_w3c(data);
});
