//! Why a file could not be opened, in the interface language.
//!
//! The document crate's errors are typed ([`LoadError`], [`Unreadable`]); their `Display` is
//! the English the command line prints. The window says the same in its own language: each
//! value is a message of the `.ftl` files; a technical detail (an XML parser's words, a zip
//! library's reason) stays as the library wrote it, inside a translated sentence. The other
//! crates' typed errors the window shows are here too (the comparer's language mismatch, the
//! library's search index).

use super::i18n::{arg, t, ta};
use qarar_compare::LanguageMismatch;
use qarar_document::{LoadError, LoadReason, Unreadable};
use qarar_library::fulltext::FullTextError;
use std::path::Path;

/// The status line's message for a file that could not be opened.
pub fn load_error(e: &LoadError) -> String {
    ta(
        "load-cannot-open",
        &[
            ("file", arg(file_name(e.path()))),
            ("reason", arg(load_reason(&e.reason()))),
        ],
    )
}

/// Why a file could not be opened (the library lists it beside the file's name).
pub fn load_reason(reason: &LoadReason) -> String {
    match reason {
        LoadReason::NotFound => t("load-not-found"),
        LoadReason::PermissionDenied => t("load-permission"),
        LoadReason::NotText => t("load-not-text"),
        LoadReason::Io(text) => ta("load-io", &[("reason", arg(text.clone()))]),
        LoadReason::Directory => t("load-is-folder"),
        LoadReason::TooLarge { size, limit } => ta(
            "load-too-large",
            &[
                ("size", arg(megabytes(*size))),
                ("limit", arg(megabytes(*limit))),
            ],
        ),
        LoadReason::Empty => t("load-empty"),
        LoadReason::Binary => t("load-binary"),
        LoadReason::Xml(message) => ta("load-xml", &[("reason", arg(message.clone()))]),
        LoadReason::Format(reason) => unreadable(reason),
    }
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

/// Why a PDF, Word or other recognised file cannot be read.
fn unreadable(reason: &Unreadable) -> String {
    use Unreadable as U;
    let detail = |d: String| ta("load-damaged", &[("detail", arg(d))]);
    match reason {
        U::PdfEncrypted => t("load-pdf-encrypted"),
        U::PdfDamaged | U::PdfTruncated => t("load-pdf-damaged"),
        U::PdfPagesUnreadable => t("load-pdf-unreadable"),
        U::PdfImagesOnly => t("load-pdf-images"),
        U::PdfNoText => t("load-pdf-no-text"),
        U::WordNoText => t("load-docx-no-text"),
        U::OfficeEncrypted | U::WordPasswordProtected => t("load-office-encrypted"),
        U::OldOffice => t("load-doc-old"),
        U::Rtf => t("load-rtf"),
        U::HtmlWithWordName => t("load-html-word"),
        U::OpenDocument { .. } => t("load-opendocument"),
        U::Excel => t("load-xlsx"),
        U::PowerPoint => t("load-pptx"),
        U::ZipNotWord => t("load-zip-not-word"),
        U::DamagedZip { detail } => ta("load-damaged-zip", &[("detail", arg(detail.clone()))]),
        U::DamagedPart {
            part, detail: d, ..
        }
        | U::MalformedPart { part, detail: d } => detail(format!("{part}: {d}")),
        U::PartTooLarge { .. } => t("load-part-too-large"),
    }
}

/// The comparer's refusal of two languages, naming them in the interface language.
pub fn language_mismatch(e: &LanguageMismatch) -> String {
    ta(
        "compare-two-languages",
        &[
            ("old", arg(super::i18n::language_name(e.old))),
            ("new", arg(super::i18n::language_name(e.new))),
        ],
    )
}

/// The library's full-text index errors: what failed in the interface language, the
/// index library's own words as the detail.
pub fn fulltext_error(e: &FullTextError) -> String {
    match e {
        FullTextError::Io { path, source } => ta(
            "fulltext-folder",
            &[
                ("path", arg(path.display().to_string())),
                ("reason", arg(source.to_string())),
            ],
        ),
        FullTextError::Index { source, .. } => {
            ta("fulltext-index", &[("reason", arg(source.to_string()))])
        }
        FullTextError::File { file, source, .. } => ta(
            "fulltext-file",
            &[
                ("file", arg(file_name(file))),
                ("reason", arg(source.to_string())),
            ],
        ),
        FullTextError::State { source, .. } => {
            ta("fulltext-state", &[("reason", arg(source.to_string()))])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qarar_i18n::Lang;
    use std::path::PathBuf;

    fn format(reason: Unreadable) -> LoadError {
        LoadError::Format {
            path: PathBuf::from("/tmp/75_10_A.pdf"),
            reason,
        }
    }

    #[test]
    fn every_reason_is_a_message_in_every_language() {
        let errors = [
            format(Unreadable::PdfImagesOnly),
            format(Unreadable::Rtf),
            format(Unreadable::MalformedPart {
                part: "word/document.xml".into(),
                detail: "an unclosed tag".into(),
            }),
            format(Unreadable::DamagedZip {
                detail: "bad".into(),
            }),
            format(Unreadable::OpenDocument { text: true }),
            LoadError::Binary {
                path: PathBuf::from("x.bin"),
            },
            LoadError::Io {
                path: PathBuf::from("gone.xml"),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            },
        ];
        for lang in Lang::ALL {
            super::super::i18n::set_language(lang);
            for e in &errors {
                let m = load_error(e);
                assert!(!m.contains("load-"), "{lang:?}: {m}");
                assert!(m.contains(&file_name(e.path())), "{lang:?}: {m}");
            }
        }
        super::super::i18n::set_language(Lang::Ar);
        let m = load_error(&errors[0]);
        assert!(m.contains("OCR") && m.contains("صور"), "{m}");
        super::super::i18n::set_language(Lang::En);
    }
}
