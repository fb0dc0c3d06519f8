//! From bytes on disk to a [`Document`]: size limits, encoding detection, format detection.

use super::model::{Diagnostic, Document};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are refused (64 MiB). Resolutions are a few hundred kilobytes;
/// the largest Akoma Ntoso files of the UN are under 2 MB.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Why a file could not be opened. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {}", io_reason(source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: is a directory, not a file")]
    Directory { path: PathBuf },
    #[error("{path}: file is {size} bytes, larger than the {limit}-byte limit")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: is empty (no text to show)")]
    Empty { path: PathBuf },
    #[error(
        "{path}: looks like a binary file, not one Qarar reads (text, Akoma Ntoso XML, PDF or Word .docx)"
    )]
    Binary { path: PathBuf },
    #[error("{path}: malformed XML: {message}")]
    Xml { path: PathBuf, message: String },
    /// A PDF, Word or other file that was recognised but cannot be read; `reason` says why
    /// ("this PDF holds page images, not text: it needs OCR").
    #[error("{path}: {reason}")]
    Format { path: PathBuf, reason: Unreadable },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Directory { path }
            | LoadError::TooLarge { path, .. }
            | LoadError::Empty { path }
            | LoadError::Binary { path }
            | LoadError::Xml { path, .. }
            | LoadError::Format { path, .. } => path,
        }
    }

    /// Why, without the file: a value to keep (the library's index) and to translate (the
    /// window).
    pub fn reason(&self) -> LoadReason {
        use std::io::ErrorKind as K;
        match self {
            LoadError::Io { source, .. } => match source.kind() {
                K::NotFound => LoadReason::NotFound,
                K::PermissionDenied => LoadReason::PermissionDenied,
                K::IsADirectory => LoadReason::Directory,
                K::InvalidData => LoadReason::NotText,
                _ => LoadReason::Io(io_reason(source)),
            },
            LoadError::Directory { .. } => LoadReason::Directory,
            LoadError::TooLarge { size, limit, .. } => LoadReason::TooLarge {
                size: *size,
                limit: *limit,
            },
            LoadError::Empty { .. } => LoadReason::Empty,
            LoadError::Binary { .. } => LoadReason::Binary,
            LoadError::Xml { message, .. } => LoadReason::Xml(message.clone()),
            LoadError::Format { reason, .. } => LoadReason::Format(reason.clone()),
        }
    }
}

/// Why a file could not be opened, without its path (a [`LoadError`]'s
/// [`LoadError::reason`]). `Display` is the English of the command line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum LoadReason {
    #[error("cannot read: the file does not exist")]
    NotFound,
    #[error("cannot read: permission denied (check who may read it)")]
    PermissionDenied,
    #[error("cannot read: its contents cannot be read as text")]
    NotText,
    /// Another input/output error, in the system's words.
    #[error("cannot read: {0}")]
    Io(String),
    #[error("is a directory, not a file")]
    Directory,
    #[error("file is {size} bytes, larger than the {limit}-byte limit")]
    TooLarge { size: u64, limit: u64 },
    #[error("is empty (no text to show)")]
    Empty,
    #[error(
        "looks like a binary file, not one Qarar reads (text, Akoma Ntoso XML, PDF or Word .docx)"
    )]
    Binary,
    /// The XML parser's words.
    #[error("malformed XML: {0}")]
    Xml(String),
    #[error("{0}")]
    Format(Unreadable),
}

/// Why a recognised file cannot be read: one value per reason, with its data, so that the
/// window can say it in the interface language; [`std::fmt::Display`] is the English
/// sentence the command line prints (without the file name). A `detail` is a library's own
/// technical words (the zip or XML reader's).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum Unreadable {
    #[error("this PDF is damaged and cannot be read")]
    PdfDamaged,
    #[error("this PDF is damaged or truncated and cannot be read")]
    PdfTruncated,
    #[error(
        "this PDF is encrypted and needs a password; open it in a PDF viewer and save an unprotected copy"
    )]
    PdfEncrypted,
    #[error("this PDF's pages cannot be read")]
    PdfPagesUnreadable,
    #[error("this PDF holds page images, not text: it needs OCR")]
    PdfImagesOnly,
    #[error("this PDF has no text in it")]
    PdfNoText,
    #[error("is a Word document with no text in it")]
    WordNoText,
    /// An encrypted Office file (a Compound File holding an `EncryptedPackage`).
    #[error(
        "is a password-protected (encrypted) Office file: open it in Word, remove the \
         password, save it and open that"
    )]
    OfficeEncrypted,
    /// A zip whose Word parts are encrypted.
    #[error("is password-protected: open it in Word, remove the password, save it and open that")]
    WordPasswordProtected,
    #[error(
        "is a Word 97–2003 document (.doc) or another old Office file, which Qarar \
         does not read: save it as .docx or PDF and open that"
    )]
    OldOffice,
    #[error(
        "is an RTF document, which Qarar does not read: save it as .docx, PDF or plain text \
         and open that"
    )]
    Rtf,
    #[error(
        "has a Word name but is a web page (HTML): open it in Word or a browser, save it as \
         .docx or PDF and open that"
    )]
    HtmlWithWordName,
    /// An OpenDocument file; `text` when it is a text document (.odt).
    #[error(
        "is {}, not a Word .docx file: save it as .docx or PDF (in LibreOffice, \
         File → Save As) and open that",
        if *text { "an OpenDocument text (.odt)" } else { "an OpenDocument file (.ods, .odp …)" }
    )]
    OpenDocument { text: bool },
    #[error("is an Excel workbook (.xlsx), not a Word document")]
    Excel,
    #[error("is a PowerPoint presentation (.pptx), not a Word document")]
    PowerPoint,
    #[error("is a zip archive but not a Word .docx file (it has no word/document.xml)")]
    ZipNotWord,
    #[error("is a damaged zip archive (perhaps a Word .docx file cut short in copying): {detail}")]
    DamagedZip { detail: String },
    /// A part of the zip cannot be read (`unpacked`: its bytes cannot be inflated).
    #[error(
        "is damaged: its part {part} cannot be {} ({detail})",
        if *unpacked { "unpacked" } else { "read" }
    )]
    DamagedPart {
        part: String,
        unpacked: bool,
        detail: String,
    },
    /// A part's XML is malformed.
    #[error("is damaged: its {part} has {detail}")]
    MalformedPart { part: String, detail: String },
    #[error(
        "is too large to read: its part {part} unpacks to {size} bytes or more, over the \
         {limit}-byte limit"
    )]
    PartTooLarge { part: String, size: u64, limit: u64 },
}

/// The file name extensions of the documents Qarar opens: the Open and Compare dialogs'
/// filter and the library's index use this one list. Opening goes by the file's contents,
/// not its name (`load_bytes`).
pub const DOCUMENT_EXTENSIONS: &[&str] = &["xml", "akn", "txt", "pdf", "docx"];

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Pdf,
    /// A zip archive: a .docx (or another Office Open XML or OpenDocument file).
    Zip,
    /// The Compound File format of Word 97–2003 (.doc), Excel .xls and other old Office files.
    OleCompound,
    /// Text (plain or XML), decoded below.
    Text,
}

fn container(bytes: &[u8]) -> Container {
    // A PDF may have a few bytes of junk before its header (the specification allows 1024).
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        Container::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") {
        Container::Zip
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Container::OleCompound
    } else {
        Container::Text
    }
}

/// What went wrong reading a file, as a person would say it ("the file does not exist",
/// not "No such file or directory (os error 2)").
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "the file does not exist".into(),
        K::PermissionDenied => "permission denied (check who may read it)".into(),
        K::IsADirectory => "it is a folder, not a file".into(),
        K::InvalidData => "its contents cannot be read as text".into(),
        _ => {
            let text = e.to_string();
            // Drop the system's "(os error N)" suffix.
            match text.rfind(" (os error ") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

/// Read and parse a file. Directories, special files (FIFOs, devices) and files larger than
/// [`MAX_FILE_SIZE`] are refused with a message naming the file.
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
    if !meta.is_file() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        )));
    }
    let too_large = |size: u64| LoadError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_FILE_SIZE,
    };
    if meta.len() > MAX_FILE_SIZE {
        return Err(too_large(meta.len()));
    }
    // Read at most one byte more than the limit: the file may grow while we read it.
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(too_large(bytes.len() as u64));
    }
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
    let format_error = |reason: Unreadable| LoadError::Format {
        path: path.to_path_buf(),
        reason,
    };
    match container(bytes) {
        Container::Pdf => return super::pdf::parse(bytes).map_err(format_error),
        Container::Zip => return super::docx::parse(bytes).map_err(format_error),
        Container::OleCompound if is_encrypted_office(bytes) => {
            return Err(format_error(Unreadable::OfficeEncrypted));
        }
        Container::OleCompound => {
            return Err(format_error(Unreadable::OldOffice));
        }
        Container::Text => {}
    }
    if let Some(reason) = disguised(bytes, path) {
        return Err(format_error(reason));
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
    if encoding == UTF8_NULS_REMOVED || encoding == NULS_REMOVED {
        doc.diagnostics.push(Diagnostic::warning(
            "NUL bytes in the file were removed; the rest of the text is shown",
            None,
        ));
    } else if encoding == LOSSY_UTF8 {
        doc.diagnostics.push(Diagnostic::warning(
            "invalid UTF-8 bytes were replaced with U+FFFD",
            None,
        ));
    } else if encoding != "UTF-8" {
        doc.diagnostics
            .push(Diagnostic::info(format!("decoded from {encoding}"), None));
    }
    Ok(doc)
}

/// An encrypted Office Open XML file is a Compound File holding an `EncryptedPackage`
/// stream (its directory names are UTF-16LE).
fn is_encrypted_office(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// Why a text file cannot be read as what it is: RTF (whatever its name), or an HTML page
/// saved with a Word name (.docx, .doc).
fn disguised(bytes: &[u8], path: &Path) -> Option<Unreadable> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
    let head = head.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']);
    if head.starts_with("{\\rtf") {
        return Some(Unreadable::Rtf);
    }
    let word_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("docx") || e.eq_ignore_ascii_case("doc"));
    let lower = head.to_ascii_lowercase();
    (word_name && (lower.starts_with("<!doctype html") || lower.starts_with("<html")))
        .then_some(Unreadable::HtmlWithWordName)
}

/// True when the text starts (after white space and a BOM) with an XML declaration or element.
pub(crate) fn looks_like_xml(text: &str) -> bool {
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']);
    t.starts_with("<?xml")
        || t.starts_with("<akomaNtoso")
        || t.starts_with("<!--")
        || (t.starts_with('<') && t.contains("akomaNtoso"))
}

/// Decode bytes to text with LF line ends: BOM, strict UTF-8, UTF-16 without BOM by its NUL
/// pattern, then windows-1256 / ISO-8859-6 and others by detection. `None` for binary data.
pub fn decode(bytes: &[u8]) -> Option<(String, &'static str)> {
    let (text, name) = decode_raw(bytes)?;
    Some((normalize_newlines(text), name))
}

/// Name reported for UTF-8 text whose few invalid bytes were replaced.
const LOSSY_UTF8: &str = "UTF-8 (with invalid bytes replaced)";
/// Names reported for text from which stray NUL bytes were dropped.
const UTF8_NULS_REMOVED: &str = "UTF-8 (with NUL bytes removed)";
const NULS_REMOVED: &str = "a detected encoding (with NUL bytes removed)";

fn nuls_removed(name: &'static str) -> &'static str {
    if name == "UTF-8" {
        UTF8_NULS_REMOVED
    } else {
        NULS_REMOVED
    }
}

/// How many bytes are examined for binary content and given to the encoding detector.
const SAMPLE_BYTES: usize = 1024 * 1024;

fn decode_raw(bytes: &[u8]) -> Option<(String, &'static str)> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (cow, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return looks_textual(&cow).then(|| (cow.into_owned(), enc.name()));
    }
    if let Ok(s) = std::str::from_utf8(bytes)
        && !s.contains('\0')
    {
        return looks_textual(s).then(|| (s.to_owned(), "UTF-8"));
    }
    // UTF-16 without a BOM is often valid UTF-8 too (ASCII and NUL bytes), so it is tried
    // before NULs are taken as a sign of binary data.
    if let Some(enc) = utf16_by_nul_pattern(bytes) {
        let even = &bytes[..bytes.len() - bytes.len() % 2];
        let (cow, had_errors) = enc.decode_without_bom_handling(even);
        if !had_errors && looks_textual(&cow) {
            return Some((cow.into_owned(), enc.name()));
        }
    }
    // A few stray NUL bytes in a text (a damaged copy, a bad converter) do not make it
    // binary: they are dropped, and the loader says so. Many are the sign of binary data.
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    if nuls > 0 {
        if nuls * 100 > bytes.len() {
            return None;
        }
        let kept: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
        let (text, name) = decode_raw(&kept)?;
        return Some((text, nuls_removed(name)));
    }
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    if control_bytes(sample) * 20 > sample.len() {
        return None;
    }
    if mostly_utf8(bytes) {
        let (cow, _, _) = encoding_rs::UTF_8.decode(bytes);
        return Some((cow.into_owned(), LOSSY_UTF8));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(sample, sample.len() == bytes.len());
    let enc = detector.guess(Some(b"sa"), true);
    let (cow, _, _) = enc.decode(bytes);
    let name = if enc == encoding_rs::UTF_8 {
        LOSSY_UTF8
    } else {
        enc.name()
    };
    looks_textual(&cow).then(|| (cow.into_owned(), name))
}

/// Control bytes other than the white-space ones.
fn control_bytes(sample: &[u8]) -> usize {
    sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count()
}

/// True when decoded text is not mostly control characters (the sign of binary data).
fn looks_textual(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(SAMPLE_BYTES) {
        total += 1;
        if (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0c}')) || c == '\u{fffd}' {
            bad += 1;
        }
    }
    bad * 20 <= total
}

/// True when the bytes are UTF-8 with only a few invalid bytes among many valid
/// non-ASCII characters (a damaged UTF-8 file, not a legacy encoding).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut non_ascii = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    non_ascii > 0 && invalid * 10 <= non_ascii
}

fn utf16_by_nul_pattern(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 4 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Arabic UTF-16 has 0x06 high bytes, not NULs; accept either pattern.
    let even_06 = sample
        .iter()
        .step_by(2)
        .filter(|&&b| b == 0x06 || b == 0)
        .count();
    let odd_06 = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0x06 || b == 0)
        .count();
    if odd_nul * 3 > pairs || (odd_06 * 10 > pairs * 9 && odd_nul > 0) {
        Some(encoding_rs::UTF_16LE)
    } else if even_nul * 3 > pairs || (even_06 * 10 > pairs * 9 && even_nul > 0) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// CRLF and lone CR become LF; the Unicode line and paragraph separators (U+2028, U+2029,
/// which also trip text layout) become LF and a blank line.
pub(crate) fn normalize_newlines(text: String) -> String {
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    if text.contains(['\u{2028}', '\u{2029}']) {
        text.replace('\u{2028}', "\n").replace('\u{2029}', "\n\n")
    } else {
        text
    }
}
