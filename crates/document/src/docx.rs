//! The Word (.docx) reader: paragraphs, numbering, footnotes and tables to the document model.

use crate::model::Document;

/// Read a .docx file's bytes (a zip archive). The error is a sentence for the user, without
/// the file name.
pub(crate) fn parse(_bytes: &[u8]) -> Result<Document, String> {
    Err("is a zip archive (perhaps a Word .docx file); Qarar cannot read Word files yet".into())
}
