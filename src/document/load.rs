//! From bytes on disk to a [`Document`]: size limits, encoding detection, format detection.

use super::model::{Diagnostic, Document};
use std::path::{Path, PathBuf};

/// Files larger than this are refused (64 MiB). Resolutions are a few hundred kilobytes;
/// the largest Akoma Ntoso files of the UN are under 2 MB.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Why a file could not be opened. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: is a directory, not a file")]
    Directory { path: PathBuf },
    #[error("{path}: file is {size} bytes, larger than the {limit}-byte limit")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: is empty")]
    Empty { path: PathBuf },
    #[error("{path}: looks like a binary file, not text or XML")]
    Binary { path: PathBuf },
    #[error("{path}: malformed XML: {message}")]
    Xml { path: PathBuf, message: String },
}

/// Read and parse a file.
pub fn load_path(path: &Path) -> Result<Document, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(LoadError::Directory {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit: MAX_FILE_SIZE,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    load_bytes(&bytes, path)
}

/// Parse bytes already in memory; `path` is only used in messages.
pub fn load_bytes(bytes: &[u8], path: &Path) -> Result<Document, LoadError> {
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_FILE_SIZE,
        });
    }
    let (text, encoding) = decode(bytes).ok_or_else(|| LoadError::Binary {
        path: path.to_path_buf(),
    })?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    let mut doc = if looks_like_xml(&text) {
        super::akn::parse(&text).map_err(|e| LoadError::Xml {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?
    } else {
        super::plain::parse(&text)
    };
    doc.encoding = encoding.to_string();
    if encoding != "UTF-8" {
        doc.diagnostics.push(Diagnostic::info(
            format!("decoded from {encoding}"),
            None,
        ));
    }
    Ok(doc)
}

/// True when the text starts (after white space and a BOM) with an XML declaration or element.
pub fn looks_like_xml(text: &str) -> bool {
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']);
    t.starts_with("<?xml") || t.starts_with("<akomaNtoso") || t.starts_with("<!--")
        || (t.starts_with('<') && t.contains("akomaNtoso"))
}

/// Decode bytes to text with LF line ends: BOM, strict UTF-8, UTF-16 without BOM by its NUL
/// pattern, then windows-1256 / ISO-8859-6 and others by detection. `None` for binary data.
pub fn decode(bytes: &[u8]) -> Option<(String, &'static str)> {
    let (text, name) = decode_raw(bytes)?;
    Some((normalize_newlines(text), name))
}

fn decode_raw(bytes: &[u8]) -> Option<(String, &'static str)> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (cow, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Some((cow.into_owned(), enc.name()));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if s.contains('\0') {
            return None;
        }
        return Some((s.to_owned(), "UTF-8"));
    }
    if let Some(enc) = utf16_by_nul_pattern(bytes) {
        let (cow, _, had_errors) = enc.decode(bytes);
        if !had_errors {
            return Some((cow.into_owned(), enc.name()));
        }
    }
    // Mostly-binary data (NULs or many control bytes) is refused.
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if sample.contains(&0) || controls * 20 > sample.len() {
        return None;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let enc = detector.guess(Some(b"sa"), true);
    if enc == encoding_rs::UTF_8 {
        // Invalid UTF-8 in the middle of an otherwise UTF-8 file: replace the bad bytes.
        let (cow, _, _) = enc.decode(bytes);
        return Some((cow.into_owned(), "UTF-8 (with invalid bytes replaced)"));
    }
    let (cow, _, _) = enc.decode(bytes);
    Some((cow.into_owned(), enc.name()))
}

fn utf16_by_nul_pattern(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // Arabic UTF-16 has 0x06 high bytes, not NULs; accept either pattern.
    let even_06 = sample.iter().step_by(2).filter(|&&b| b == 0x06 || b == 0).count();
    let odd_06 = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0x06 || b == 0).count();
    if odd_nul * 3 > pairs || (odd_06 * 10 > pairs * 9 && odd_nul > 0) {
        Some(encoding_rs::UTF_16LE)
    } else if even_nul * 3 > pairs || (even_06 * 10 > pairs * 9 && even_nul > 0) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// CRLF and lone CR become LF.
pub fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}
