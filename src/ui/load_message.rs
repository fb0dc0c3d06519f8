//! Why a file could not be opened, in the interface language.
//!
//! The document crate's errors are English sentences (the command line prints them). The
//! window says the same in its own language: each reason the readers give is matched here
//! to a message of the `.ftl` files; a technical detail (an XML parser's words, a zip
//! library's reason) stays as the reader wrote it, inside a translated sentence.

use super::i18n::{arg, t, ta};
use qarar_document::LoadError;
use std::io::ErrorKind;
use std::path::Path;

/// The status line's message for a file that could not be opened.
pub fn load_error(e: &LoadError) -> String {
    let (path, reason) = match e {
        LoadError::Io { path, source } => (path, io_reason(source)),
        LoadError::Directory { path } => (path, t("load-is-folder")),
        LoadError::TooLarge { path, size, limit } => (
            path,
            ta(
                "load-too-large",
                &[
                    ("size", arg(megabytes(*size))),
                    ("limit", arg(megabytes(*limit))),
                ],
            ),
        ),
        LoadError::Empty { path } => (path, t("load-empty")),
        LoadError::Binary { path } => (path, t("load-binary")),
        LoadError::Xml { path, message } => {
            (path, ta("load-xml", &[("reason", arg(message.clone()))]))
        }
        LoadError::Format { path, message } => (path, format_reason(message)),
    };
    ta(
        "load-cannot-open",
        &[("file", arg(file_name(path))), ("reason", arg(reason))],
    )
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Sizes in megabytes with one decimal (Western digits in every language).
fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_000_000.0)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::NotFound => t("load-not-found"),
        ErrorKind::PermissionDenied => t("load-permission"),
        ErrorKind::IsADirectory => t("load-is-folder"),
        ErrorKind::InvalidData => t("load-not-text"),
        _ => {
            let text = e.to_string();
            let text = match text.rfind(" (os error ") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            ta("load-io", &[("reason", arg(text))])
        }
    }
}

/// The reason a PDF or Word reader gave, matched to a message by its fixed words.
fn format_reason(message: &str) -> String {
    const FIXED: &[(&str, &str)] = &[
        ("this PDF is encrypted", "load-pdf-encrypted"),
        ("this PDF is damaged", "load-pdf-damaged"),
        ("this PDF's pages cannot be read", "load-pdf-unreadable"),
        ("this PDF holds page images", "load-pdf-images"),
        ("this PDF has no text", "load-pdf-no-text"),
        ("is a Word document with no text", "load-docx-no-text"),
        ("is a password-protected", "load-office-encrypted"),
        ("is password-protected", "load-office-encrypted"),
        ("is a Word 97–2003 document", "load-doc-old"),
        ("is an RTF document", "load-rtf"),
        ("has a Word name but is a web page", "load-html-word"),
        ("is an OpenDocument", "load-opendocument"),
        ("is an Excel workbook", "load-xlsx"),
        ("is a PowerPoint presentation", "load-pptx"),
        ("is a zip archive but not a Word", "load-zip-not-word"),
    ];
    if let Some((_, id)) = FIXED.iter().find(|(start, _)| message.starts_with(start)) {
        return t(id);
    }
    if message.starts_with("is a damaged zip archive") {
        let detail = message.rsplit_once("): ").map_or("", |(_, d)| d);
        return ta("load-damaged-zip", &[("detail", arg(detail.to_string()))]);
    }
    if let Some(detail) = message.strip_prefix("is damaged: ") {
        return ta("load-damaged", &[("detail", arg(detail.to_string()))]);
    }
    if message.starts_with("is too large to read") {
        return t("load-part-too-large");
    }
    ta("load-other", &[("reason", arg(message.to_string()))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use qarar_i18n::Lang;
    use std::path::PathBuf;

    fn format(message: &str) -> LoadError {
        LoadError::Format {
            path: PathBuf::from("/tmp/75_10_A.pdf"),
            message: message.into(),
        }
    }

    #[test]
    fn every_reason_is_a_message_in_every_language() {
        let errors = [
            format("this PDF holds page images, not text: it needs OCR"),
            format("is an RTF document, which Qarar does not read"),
            format("is damaged: its word/document.xml has an unclosed tag"),
            format(
                "is a damaged zip archive (perhaps a Word .docx file cut short in copying): bad",
            ),
            format("something new"),
            LoadError::Binary {
                path: PathBuf::from("x.bin"),
            },
            LoadError::Io {
                path: PathBuf::from("gone.xml"),
                source: std::io::Error::from(ErrorKind::NotFound),
            },
        ];
        for lang in Lang::ALL {
            super::super::i18n::set_language(lang);
            for e in &errors {
                let m = load_error(e);
                assert!(!m.contains("load-"), "{lang:?}: {m}");
                assert!(m.contains(&file_name(e_path(e))), "{lang:?}: {m}");
            }
        }
        super::super::i18n::set_language(Lang::Ar);
        let m = load_error(&errors[0]);
        assert!(m.contains("OCR") && m.contains("صور"), "{m}");
        super::super::i18n::set_language(Lang::En);
    }

    fn e_path(e: &LoadError) -> &Path {
        match e {
            LoadError::Io { path, .. }
            | LoadError::Directory { path }
            | LoadError::TooLarge { path, .. }
            | LoadError::Empty { path }
            | LoadError::Binary { path }
            | LoadError::Xml { path, .. }
            | LoadError::Format { path, .. } => path,
        }
    }
}
