//! Word (.docx) reader: the raw input as a file (zip sniffing, the package, the parts'
//! size caps), and the input as the `word/document.xml` (and, split at its middle, the
//! `word/footnotes.xml` and `word/numbering.xml`) of a zip made here, so that mutations
//! reach the body, numbering and footnote code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;
use std::path::Path;

fn zip(parts: &[(&str, &[u8])]) -> Option<Vec<u8>> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .ok()?;
        out.write_all(bytes).ok()?;
    }
    Some(out.finish().ok()?.into_inner())
}

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.docx");
    // 1. As a whole file.
    let _ = qarar_document::load_bytes(data, path);
    // 2. As the parts of a package.
    let (first, second) = data.split_at(data.len() / 2);
    let parts: [(&str, &[u8]); 3] = [
        ("word/document.xml", data),
        ("word/footnotes.xml", first),
        ("word/numbering.xml", second),
    ];
    if let Some(file) = zip(&parts) {
        let _ = qarar_document::load_bytes(&file, path);
    }
});
