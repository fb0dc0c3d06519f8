//! PDFs of corpus resolutions, made by real producers (`scripts/make-pdf-fixtures`: Qarar's
//! own export, LibreOffice from a Word file with footnotes at the page foot and running
//! headers and footers, Chromium's print to PDF), opened as a user opens them: each must read
//! as the Akoma Ntoso file of the same resolution — the same preamble, operative, part and
//! annex ids and footnote count, and at least 99.5% of the XML's words in the XML's order.
//! The committed fixtures (`tests/fixtures/pdf/`) run everywhere; `QARAR_PDF_DIR` points the
//! whole-corpus check at a folder the script wrote, and prints `pdftotext`'s figures beside
//! ours when it is installed.

use crate::plain_shape::{first_difference, shape, shared};
use qarar_document::model::{Document, Paragraph, SourceFormat};
use qarar_document::{akn, load};
use qarar_util::fold::fold_str;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

fn fixtures() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pdf")).to_path_buf()
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Words of 3+ letters after NFKC and Arabic folding, Chinese as pairs of characters, in order.
fn words(text: &str) -> Vec<String> {
    let folded = fold_str(&text.nfkc().collect::<String>());
    let mut out = Vec::new();
    for token in folded.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = token.chars().collect();
        let mut rest = String::new();
        for (i, c) in chars.iter().enumerate() {
            if is_han(*c) {
                if let Some(d) = chars.get(i + 1).filter(|d| is_han(**d)) {
                    out.push(format!("{c}{d}"));
                }
            } else {
                rest.push(*c);
            }
        }
        if rest.chars().count() >= 3 && !rest.chars().all(char::is_numeric) {
            out.push(rest);
        }
    }
    out
}

/// The text of every paragraph (parts and annexes included) and of the footnotes.
fn body_text(doc: &Document) -> String {
    fn add(ps: &[Paragraph], out: &mut String) {
        for p in ps {
            out.push_str(&p.text());
            out.push(' ');
            add(&p.children, out);
        }
    }
    let mut out = String::new();
    add(&doc.preamble, &mut out);
    add(&doc.operative, &mut out);
    for part in &doc.parts {
        add(&part.preamble, &mut out);
        add(&part.body, &mut out);
        add(&part.operative, &mut out);
    }
    for annex in &doc.annexes {
        out.push_str(&annex.heading_text());
        out.push(' ');
        add(&annex.paragraphs, &mut out);
    }
    for f in &doc.footnotes {
        out.push_str(&qarar_document::model::runs_text(&f.runs));
        out.push(' ');
    }
    out
}

/// Share of the XML's words found in `got` in the same order (longest common subsequence).
pub(crate) fn in_order(want: &Document, got: &Document) -> f64 {
    let a = words(&body_text(want));
    let b = words(&body_text(got));
    let mut row = vec![0u32; b.len() + 1];
    for x in &a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    f64::from(row[b.len()]) / a.len().max(1) as f64
}

/// A few of the XML's words the PDF's reading lacks, for messages.
fn missing(want: &Document, got: &Document) -> Vec<String> {
    let mut have: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for w in words(&body_text(got)) {
        *have.entry(w).or_default() += 1;
    }
    let mut out = Vec::new();
    for w in words(&body_text(want)) {
        match have.get_mut(&w) {
            Some(n) if *n > 0 => *n -= 1,
            _ if out.len() < 12 => out.push(w),
            _ => {}
        }
    }
    out
}

fn xml(name: &str) -> Option<Document> {
    let text = std::fs::read_to_string(shared().join("corpus/akn").join(format!("{name}.xml")));
    Some(akn::parse(&text.ok()?).unwrap_or_else(|e| panic!("{name}: {e}")))
}

/// Open a PDF as the window and the command line do.
fn open(path: &Path) -> Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = load::load_bytes(&bytes, path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.format, SourceFormat::Pdf, "{}", path.display());
    doc
}

/// Whether the PDF at `path` reads as the XML of its resolution; the word share in order.
fn check(path: &Path) -> Result<f64, String> {
    let file = path.file_name().unwrap_or_default().to_string_lossy();
    let name = file.split('.').next().unwrap_or_default();
    let Some(want) = xml(name) else {
        return Ok(1.0);
    };
    let got = open(path);
    let share = in_order(&want, &got);
    if let Ok(dump) = std::env::var("QARAR_PDF_DUMP") {
        let _ = std::fs::write(format!("{dump}/{file}.want"), body_text(&want));
        let _ = std::fs::write(format!("{dump}/{file}.got"), body_text(&got));
    }
    let (g, w) = (shape(&got), shape(&want));
    if g != w {
        return Err(format!("{file}: {}", first_difference(&g, &w)));
    }
    if share < 0.995 {
        return Err(format!(
            "{file}: {:.2}% of the XML's words in order; missing: {:?}",
            share * 100.0,
            missing(&want, &got)
        ));
    }
    Ok(share)
}

#[test]
fn committed_pdfs_read_as_their_xml() {
    let Ok(entries) = std::fs::read_dir(fixtures()) else {
        panic!("no fixtures folder");
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .filter(|p| !p.to_string_lossy().contains("bad-"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 4, "{} fixtures", paths.len());
    let failures: Vec<String> = paths.iter().filter_map(|p| check(p).err()).collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Every PDF in `QARAR_PDF_DIR` (written by `scripts/make-pdf-fixtures`), with `pdftotext`'s
/// word share beside ours when it is installed. Prints the table; asserts nothing is worse
/// than the floor given in `QARAR_PDF_FLOOR` (default: all read as their XML).
#[test]
fn pdf_folder_reads_as_its_xml() {
    let Ok(dir) = std::env::var("QARAR_PDF_DIR") else {
        eprintln!("skipping: QARAR_PDF_DIR is not set");
        return;
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("QARAR_PDF_DIR")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    paths.sort();
    let (mut same, mut failures) = (0, Vec::new());
    for path in &paths {
        let file = path.file_name().unwrap_or_default().to_string_lossy();
        let name = file.split('.').next().unwrap_or_default();
        let ours = check(path);
        let theirs = std::process::Command::new("pdftotext")
            .arg(path)
            .arg("-")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .and_then(|o| {
                let text = String::from_utf8_lossy(&o.stdout).into_owned();
                Some(in_order(&xml(name)?, &qarar_document::plain::parse(&text)))
            });
        let got = open(path);
        let share = xml(name).map_or(1.0, |w| in_order(&w, &got));
        eprintln!(
            "{file}\tqarar {:.2}%\tpdftotext {}\t{}",
            share * 100.0,
            theirs.map_or("-".into(), |t| format!("{:.2}%", t * 100.0)),
            ours.as_ref().err().map_or("as its XML", String::as_str)
        );
        match ours {
            Ok(_) => same += 1,
            Err(e) => failures.push(e),
        }
    }
    eprintln!("{same}/{} read as their XML", paths.len());
    let floor: usize = std::env::var("QARAR_PDF_FLOOR")
        .ok()
        .and_then(|f| f.parse().ok())
        .unwrap_or(paths.len());
    assert!(same >= floor, "{failures:#?}");
}

fn load_err(bytes: &[u8]) -> String {
    match load::load_bytes(bytes, Path::new("bad.pdf")) {
        Ok(_) => "read".into(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn truncated_and_malformed_pdfs_get_a_message_naming_the_file() {
    let good = std::fs::read(fixtures().join("75_125_E.qarar.pdf")).expect("fixture");
    let message = load_err(&good[..20]);
    assert!(message.starts_with("bad.pdf: this PDF"), "{message}");
    // Cut later, what the damaged file still holds is read, or a message says why not.
    for cut in [good.len() / 3, good.len() / 2, good.len() - 40] {
        let message = load_err(&good[..cut]);
        assert!(
            message == "read" || message.starts_with("bad.pdf: "),
            "{message}"
        );
    }
    let message = load_err(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF");
    assert!(message.starts_with("bad.pdf: this PDF"), "{message}");
}

#[test]
fn a_pdf_of_page_images_asks_for_ocr() {
    let message = load_err(&image_only_pdf());
    assert_eq!(
        message,
        "bad.pdf: this PDF holds page images, not text: it needs OCR"
    );
}

/// A one-page PDF that paints a 1×1 image and no text, as a scanner writes it.
fn image_only_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>".to_string(),
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u{7f}\nendstream".to_string(),
        "<< /Length 35 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream".to_string(),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn a_million_tiny_glyphs_are_read_within_bounds() {
    // One content stream showing the same string over and over: read up to the glyph cap.
    let line = "(abcdefghij) Tj ".repeat(100_000);
    let content = format!("BT /F1 1 Tf 0 0 Td {line} ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    for (i, o) in objects.iter().enumerate() {
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    out.extend_from_slice(b"trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    // Whatever it reads, it answers (no panic, no endless loop).
    let _ = load_err(&out);
}
