//! Akoma Ntoso parser: the raw input as a whole document, and the input wrapped in a
//! minimal resolution skeleton so that mutations land in the body code.
#![no_main]

use libfuzzer_sys::fuzz_target;

const HEAD: &str = r#"<akomaNtoso><statement name="resolution"><mainBody>"#;
const TAIL: &str = "</mainBody></statement></akomaNtoso>";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);

    // 1. As a whole file (malformed XML / non-AKN roots must give Err, never panic).
    let _ = qarar_document::akn::parse(&text);

    // 2. As the contents of <mainBody>.
    let mut wrapped = String::with_capacity(HEAD.len() + text.len() + TAIL.len());
    wrapped.push_str(HEAD);
    wrapped.push_str(&text);
    wrapped.push_str(TAIL);
    let _ = qarar_document::akn::parse(&wrapped);
});
