//! PDF reader: any bytes after a `%PDF-` header must give a document or a message, never a
//! panic or an endless loop (`qarar_document::pdf::text`, then the plain reader).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend_from_slice(data);
    if let Ok(text) = qarar_document::pdf::text(&bytes) {
        let _ = qarar_document::plain::parse(&text.text);
    }
    let _ = qarar_document::pdf::text(data);
});
