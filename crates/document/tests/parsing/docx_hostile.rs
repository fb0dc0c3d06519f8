//! Word files that are not what they say, damaged or hostile: a zip that is no Word file,
//! an OpenDocument file, a zip bomb, a cut-short file, a password-protected file, RTF and
//! HTML saved with a .docx name, malformed XML, 10,000 footnotes. Each gets a clear message
//! naming the file, or opens; none panics.

use qarar_document::{LoadError, SourceFormat, load_bytes};
use std::io::Write;
use std::path::Path;
use zip::write::SimpleFileOptions;

/// A zip archive of `parts` (name, contents), deflated.
fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        out.start_file(*name, SimpleFileOptions::default())
            .expect("zip entry");
        out.write_all(bytes).expect("zip write");
    }
    out.finish().expect("zip finish").into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn document(body: &str) -> String {
    format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#)
}

fn paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// The message for `bytes` opened as `name`, which must name the file and contain `want`.
fn refused(bytes: &[u8], name: &str, want: &str) {
    let path = Path::new(name);
    let err = load_bytes(bytes, path).expect_err(name);
    assert!(matches!(err, LoadError::Format { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.starts_with(name), "{msg}");
    assert!(msg.contains(want), "{name}: {msg}");
}

#[test]
fn zips_that_are_not_word_files_say_what_they_are() {
    refused(
        &zip(&[("readme.txt", b"hello")]),
        "any.docx",
        "not a Word .docx",
    );
    refused(
        &zip(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<office:document-content/>"),
        ]),
        "draft.docx",
        "OpenDocument text (.odt)",
    );
    refused(
        &zip(&[("xl/workbook.xml", b"<workbook/>")]),
        "votes.docx",
        "Excel workbook",
    );
}

#[test]
fn damaged_and_cut_short_files_are_refused_clearly() {
    let whole = zip(&[(
        "word/document.xml",
        document(&paragraph("Hello")).as_bytes(),
    )]);
    refused(&whole[..whole.len() / 2], "cut.docx", "damaged zip archive");
    let bad = zip(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")]);
    // Unclosed and mismatched tags are read leniently; what is there opens or is refused
    // without a panic.
    let _ = load_bytes(&bad, Path::new("bad.docx"));
    let garbage = zip(&[("word/document.xml", b"<w:document <<< &&& \0\0")]);
    refused(&garbage, "garbage.docx", "word/document.xml");
    refused(
        &zip(&[("word/document.xml", document("").as_bytes())]),
        "blank.docx",
        "no text",
    );
}

#[test]
fn a_zip_bomb_stops_at_the_part_limit() {
    // 80 MiB of spaces inside one paragraph deflate to about 80 KB.
    let mut xml = document("<w:p><w:r><w:t>x").into_bytes();
    xml.truncate(xml.len() - "</w:t></w:r></w:p></w:body></w:document>".len() + 1);
    xml.resize(xml.len() + 80 * 1024 * 1024, b' ');
    let bomb = zip(&[("word/document.xml", &xml)]);
    assert!(bomb.len() < 4 * 1024 * 1024, "{}", bomb.len());
    refused(&bomb, "bomb.docx", "limit");
}

#[test]
fn password_protected_rtf_and_html_files_say_so() {
    // An encrypted Office file is a Compound File with an EncryptedPackage stream.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(1024, 0);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    ole.resize(4096, 0);
    refused(&ole, "secret.docx", "password-protected");
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.resize(4096, 0);
    refused(&doc, "old.doc", "save it as .docx or PDF");
    refused(
        br"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} Hello}",
        "letter.docx",
        "RTF",
    );
    refused(
        b"<!DOCTYPE html><html><body><p>The General Assembly,</p></body></html>",
        "page.docx",
        "web page (HTML)",
    );
}

#[test]
fn ten_thousand_footnotes_open() {
    let mut body = String::from(&paragraph("The General Assembly,"));
    let mut notes = format!(
        r#"<?xml version="1.0"?><w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"#
    );
    for i in 1..=10_000 {
        body.push_str(&format!(
            r#"<w:p><w:r><w:t>Recalling text {i},</w:t></w:r><w:r><w:footnoteReference w:id="{i}"/></w:r></w:p>"#
        ));
        notes.push_str(&format!(
            r#"<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Note {i}.</w:t></w:r></w:p></w:footnote>"#
        ));
    }
    notes.push_str("</w:footnotes>");
    let file = zip(&[
        ("word/document.xml", document(&body).as_bytes()),
        ("word/footnotes.xml", notes.as_bytes()),
    ]);
    let doc = load_bytes(&file, Path::new("notes.docx")).expect("opens");
    assert_eq!(doc.format, SourceFormat::Docx);
    assert!(doc.footnotes.len() >= 9_000, "{}", doc.footnotes.len());
}

#[test]
fn deleted_text_and_field_instructions_are_left_out() {
    let body = format!(
        r#"{}<w:p><w:r><w:t xml:space="preserve">Recalling its resolution </w:t></w:r><w:del w:id="1"><w:r><w:delText>70/2</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>70/1</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://undocs.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> of 25 September 2015,</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>{}"#,
        paragraph("The General Assembly,"),
        paragraph("1. Decides to remain seized of the matter.")
    );
    let file = zip(&[("word/document.xml", document(&body).as_bytes())]);
    let doc = load_bytes(&file, Path::new("tracked.docx")).expect("opens");
    let text = doc.preamble[0].text();
    assert_eq!(text, "Recalling its resolution 70/1 of 25 September 2015,");
}

#[test]
fn deep_nesting_and_wide_spans_do_not_blow_up() {
    let n = 50_000;
    let mut body = paragraph("The General Assembly,");
    body.push_str(&"<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>".repeat(n));
    body.push_str(&"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r>".repeat(n / 10));
    body.push_str(
        &"<w:tc><w:tcPr><w:gridSpan w:val=\"9999\"/><w:vMerge/></w:tcPr></w:tc>".repeat(n),
    );
    let file = zip(&[("word/document.xml", document(&body).as_bytes())]);
    // Unclosed everything: what can be read opens, or a clear refusal; no panic, no hang.
    let _ = load_bytes(&file, Path::new("nested.docx"));
}
