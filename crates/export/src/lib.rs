//! Exporters: pure functions from a document (and its placed annotations) to bytes, and a
//! safe way to write them.

pub mod akn;
pub mod compare;
pub mod docx;
pub mod html;
pub mod json;
pub mod labels;
pub mod markdown;
pub mod pdf;
pub mod placed;

use std::path::{Path, PathBuf};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot build the {format} file: {message}")]
    Build {
        format: &'static str,
        message: String,
    },
}

impl ExportError {
    /// A PDF that could not be built (a font krilla cannot read, a page size it refuses, a
    /// failure while writing): the one error of both PDF writers.
    pub(crate) fn pdf(message: impl Into<String>) -> ExportError {
        ExportError::Build {
            format: "PDF",
            message: message.into(),
        }
    }
}

/// Export formats known to the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// PDF with the document's fonts embedded and real highlight annotations.
    Pdf,
    /// Self-contained HTML: fonts embedded, highlights as `<mark>`, notes beside them.
    Html,
    /// Word document with right-to-left paragraphs, footnotes and real comments.
    Docx,
    /// Markdown for note-taking apps.
    Md,
    /// The structure JSON plus annotations.
    Json,
    /// Akoma Ntoso 3.0 XML.
    Akn,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Md => "md",
            Format::Json => "json",
            Format::Akn => "xml",
        }
    }

    /// The format for a file name's extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        let ext = match ext.as_str() {
            "htm" => "html".to_string(),
            "markdown" => "md".to_string(),
            "akn" => "xml".to_string(),
            _ => ext,
        };
        Format::all().iter().copied().find(|f| f.extension() == ext)
    }

    pub fn all() -> &'static [Format] {
        &[
            Format::Pdf,
            Format::Html,
            Format::Docx,
            Format::Md,
            Format::Json,
            Format::Akn,
        ]
    }
}

/// Render `doc` with its annotations in `format` (PDF on A4).
pub fn render(
    format: Format,
    doc: &qarar_document::Document,
    annotations: &[qarar_annotations::Annotation],
) -> Result<Vec<u8>, String> {
    render_with(format, doc, annotations, pdf::Paper::A4)
}

/// [`render`] with a paper size for PDF.
pub fn render_with(
    format: Format,
    doc: &qarar_document::Document,
    annotations: &[qarar_annotations::Annotation],
    paper: pdf::Paper,
) -> Result<Vec<u8>, String> {
    let placed = || placed::place(doc, annotations);
    match format {
        Format::Pdf => {
            pdf::export(doc, &placed(), &pdf::PdfOptions { paper }).map_err(|e| e.to_string())
        }
        Format::Html => html::export(doc, &placed()).map_err(|e| e.to_string()),
        Format::Docx => docx::export(doc, &placed()).map_err(|e| e.to_string()),
        Format::Md => Ok(markdown::export(doc, &placed()).into_bytes()),
        Format::Akn => akn::export(doc, &placed()).map_err(|e| e.to_string()),
        Format::Json => {
            let mut value = json::structure(doc);
            if !annotations.is_empty()
                && let Some(obj) = value.as_object_mut()
            {
                obj.insert(
                    "annotations".into(),
                    serde_json::Value::Array(qarar_annotations::export::entries(doc, annotations)),
                );
            }
            let mut s = serde_json::to_string_pretty(&value)
                .map_err(|e| format!("cannot write JSON: {e}"))?;
            s.push('\n');
            Ok(s.into_bytes())
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{path}: already exists (use --force to replace it)")]
    Exists { path: PathBuf },
    /// A FIFO, device, directory or symbolic link: never replaced, even with `--force`.
    #[error("{path}: is {what}, not a regular file; it was not replaced")]
    NotRegularFile { path: PathBuf, what: &'static str },
    #[error("{path}: cannot write: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Write `bytes` to `path` atomically ([`qarar_util::atomic::write`]): a uniquely named
/// temporary file beside it, fsync, rename, fsync of the directory. An existing regular file
/// is replaced only when `force` is set; anything else (FIFO, device, directory, symbolic
/// link) never is. Nothing half-written is ever left at `path`.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    use qarar_util::atomic::{self, AtomicError};
    atomic::write(path, bytes, force).map_err(|e| match e {
        AtomicError::Exists { path } => WriteError::Exists { path },
        AtomicError::NotRegularFile { path, what } => WriteError::NotRegularFile { path, what },
        AtomicError::Io { path, source } => WriteError::Io { path, source },
    })
}

/// A document symbol as a URL path (for `https://undocs.org/{lang}/SYMBOL`): `/` kept, every
/// other byte outside `[A-Za-z0-9._~-]` percent-encoded, so spaces and brackets
/// (`S/RES/2250 (2015)`) cannot break a link in any format.
pub(crate) fn url_path(s: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for b in s.trim().bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'-' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}
