//! The PDF reader: a PDF's text layer, read by position, to the document model.
//!
//! The structure rules live in one place, the plain reader: this module's job is geometry →
//! text that carries the paragraphs. `glyphs` interprets each page (`hayro-interpret`, pure
//! Rust: positioned glyphs with their Unicode from ToUnicode and the glyph names), `lines`
//! groups them into lines by baseline and into words by gaps, `bidi` puts each line in
//! logical order, `layout` drops page furniture, takes footnotes from the page foot and joins
//! lines into paragraphs; the text, shaped like text saved from Word, goes to
//! [`crate::plain::parse`].

mod bidi;
mod glyphs;
mod layout;
mod lines;
mod table;

use crate::load::Unreadable;
use crate::model::{Diagnostic, Document, SourceFormat};
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};

/// Read a PDF file's bytes. The error says why, without the file name.
pub(crate) fn parse(bytes: &[u8]) -> Result<Document, Unreadable> {
    let text = text(bytes)?;
    let mut doc = crate::plain::parse(&text.text);
    doc.format = SourceFormat::Pdf;
    if text.dropped > 0 {
        doc.diagnostics.push(Diagnostic::info(
            format!(
                "dropped {} running headers and footers of the PDF pages",
                text.dropped
            ),
            None,
        ));
    }
    if text.truncated {
        doc.diagnostics.push(Diagnostic::warning(
            format!(
                "the PDF is larger than Qarar reads ({} pages, {} glyphs at most); the rest is left out",
                glyphs::MAX_PAGES,
                glyphs::MAX_GLYPHS
            ),
            None,
        ));
    }
    Ok(doc)
}

/// The text read from a PDF, with what was left out.
pub struct PdfText {
    /// Paragraphs separated by blank lines, footnotes at the end.
    pub text: String,
    /// Lines dropped as running headers and footers.
    pub dropped: usize,
    /// Whether a limit cut the reading short.
    pub truncated: bool,
}

/// The text of a PDF as handed to the plain reader (for tests, measurement and the CLI).
pub fn text(bytes: &[u8]) -> Result<PdfText, Unreadable> {
    let pdf = std::panic::catch_unwind(|| Pdf::new(bytes.to_vec()))
        .map_err(|_| Unreadable::PdfDamaged)?
        .map_err(|e| match e {
            LoadPdfError::Decryption(_) => Unreadable::PdfEncrypted,
            LoadPdfError::Invalid => Unreadable::PdfTruncated,
        })?;
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| glyphs::read(&pdf)))
        .map_err(|_| Unreadable::PdfPagesUnreadable)?;
    let glyph_count: usize = read.pages.iter().map(|p| p.glyphs.len()).sum();
    if glyph_count == 0 {
        return Err(if read.pages.iter().any(|p| p.images > 0) {
            Unreadable::PdfImagesOnly
        } else {
            Unreadable::PdfNoText
        });
    }
    // The document's direction: that of most of its strong letters.
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in read
        .pages
        .iter()
        .flat_map(|p| &p.glyphs)
        .flat_map(|g| g.text.chars())
    {
        match unicode_bidi::bidi_class(c) {
            unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL => rtl += 1,
            unicode_bidi::BidiClass::L => ltr += 1,
            _ => {}
        }
    }
    let doc_rtl = rtl > ltr;
    let pages = read
        .pages
        .into_iter()
        .map(|p| layout::PageLines {
            lines: lines::page_lines(&p.glyphs, doc_rtl),
            width: p.width,
            height: p.height,
            rules: p.rules,
        })
        .collect();
    let (text, dropped) = layout::text(pages);
    Ok(PdfText {
        text,
        dropped,
        truncated: read.truncated,
    })
}
