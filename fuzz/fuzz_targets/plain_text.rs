//! Bytes from disk: encoding detection + format sniffing + plain-text (or AKN) parser,
//! then the plain-text parser directly on the lossy UTF-8 text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    // Any encoding; plain text or XML by content. Errors (binary, empty, bad XML) are fine.
    let _ = qarar_document::load_bytes(data, Path::new("fuzz.txt"));

    // The plain-text parser on whatever UTF-8 we can make of the bytes, bypassing the
    // XML sniffing so that "<…" inputs still reach it.
    let text = String::from_utf8_lossy(data);
    let _ = qarar_document::plain::parse(&text);
});
