//! DOCX export: a WordprocessingML package with right-to-left paragraphs and runs, footnotes
//! as Word footnotes, references as hyperlinks to undocs.org and annotations as Word comments
//! anchored to exactly the highlighted text (plus a highlight on the annotated runs).
//!
//! Parts written: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml`,
//! `word/document.xml`, `word/_rels/document.xml.rels`, `word/styles.xml`,
//! `word/settings.xml`, `word/footnotes.xml`, `word/_rels/footnotes.xml.rels`,
//! `word/comments.xml`.

mod body;
mod notes;
pub(crate) mod package;
mod rels;
#[cfg(test)]
mod tests;
pub(crate) mod xml;

use crate::ExportError;
use crate::placed::Placed;
use body::Body;
use notes::{comments_xml, footnotes_xml};
use package::{CONTENT_TYPES, ROOT_RELS, SETTINGS, core_xml, styles_xml, zip_parts};
use qarar_document::{Direction, Document};

pub use xml::escape;

pub(crate) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Export `doc` with its placed annotations as a .docx file.
pub fn export(doc: &Document, placed: &[Placed]) -> Result<Vec<u8>, ExportError> {
    let rtl = doc.meta.direction == Direction::Rtl;
    let mut body = Body::new(doc, rtl);
    let document_xml = body.document(placed);
    let comments_xml = comments_xml(&body.comments, doc.meta.language);
    let (footnotes_xml, footnote_rels) = footnotes_xml(doc, rtl);
    let document_rels = body.rels.xml(&[
        (
            "rIdStyles",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
            "styles.xml",
        ),
        (
            "rIdSettings",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings",
            "settings.xml",
        ),
        (
            "rIdFootnotes",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
            "footnotes.xml",
        ),
        (
            "rIdComments",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
            "comments.xml",
        ),
    ]);
    let parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("docProps/core.xml", core_xml(doc)),
        ("word/document.xml", document_xml),
        ("word/_rels/document.xml.rels", document_rels),
        ("word/styles.xml", styles_xml(doc)),
        ("word/settings.xml", SETTINGS.to_string()),
        ("word/footnotes.xml", footnotes_xml),
        ("word/_rels/footnotes.xml.rels", footnote_rels.xml(&[])),
        ("word/comments.xml", comments_xml),
    ];
    zip_parts(&parts)
}
