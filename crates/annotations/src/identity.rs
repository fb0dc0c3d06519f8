//! Which document annotations belong to: symbol + language when known, plus a content hash.

use qarar_document::model::{Document, Language};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// Longest symbol part of a [`DocumentIdentity::storage_key`] (bytes): with the language and
/// the store's longest suffix (`.damaged-<time>-N.jsonld`, `.jsonld.bak.XXXXXX.tmp`) a file
/// name stays far below the usual limit of 255 bytes.
const MAX_SYMBOL_KEY: usize = 120;

/// The identity of a document for annotations.
///
/// The plain text and the official XML of the same resolution share symbol and language (so
/// they share a [`storage_key`](DocumentIdentity::storage_key) and annotations), but their
/// content hashes differ.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DocumentIdentity {
    /// Canonical symbol, e.g. `A/RES/75/10`.
    pub symbol: Option<String>,
    /// Language of the text (meaningful with a symbol).
    pub language: Language,
    /// Lowercase hex SHA-256 of the normalised text (see [`content_hash`]).
    pub content_hash: String,
}

impl DocumentIdentity {
    /// The identity of a parsed document.
    pub fn of(doc: &Document) -> DocumentIdentity {
        DocumentIdentity {
            symbol: doc
                .meta
                .symbol
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            language: doc.meta.language,
            content_hash: content_hash(doc),
        }
    }

    /// The W3C target `source`: `https://undocs.org/{lang}/{symbol}` when the symbol is known,
    /// else `urn:sha256:{hash}`.
    pub(crate) fn source_iri(&self) -> String {
        match &self.symbol {
            Some(symbol) => format!(
                "https://undocs.org/{}/{}",
                self.language.code(),
                encode_symbol(symbol)
            ),
            None => self.hash_urn(),
        }
    }

    /// `urn:sha256:{hash}`.
    pub(crate) fn hash_urn(&self) -> String {
        format!("urn:sha256:{}", self.content_hash)
    }

    /// File-name-safe key the store files are named by: `sym-A_RES_75_10.ar` from symbol and
    /// language when the symbol is known (moving, renaming the file or opening the XML keeps
    /// the key), else `sha256-{hash}`. A very long symbol is cut and a hash of it appended,
    /// so the key stays a valid file name.
    pub fn storage_key(&self) -> String {
        match &self.symbol {
            Some(symbol) => {
                let mut key = String::from("sym-");
                let mut last_sep = false;
                for c in symbol.chars() {
                    if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                        key.push(c);
                        last_sep = false;
                    } else if !last_sep {
                        key.push('_');
                        last_sep = true;
                    }
                }
                while key.ends_with('_') {
                    key.pop();
                }
                if key.len() > MAX_SYMBOL_KEY {
                    // Too long for a file name (with the store's suffixes): cut, and tell
                    // symbols apart by a hash of the whole symbol. The key is ASCII.
                    let digest = Sha256::digest(symbol.as_bytes());
                    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
                    key.truncate(MAX_SYMBOL_KEY - hex.len() - 1);
                    key.push('-');
                    key.push_str(&hex);
                }
                format!("{key}.{}", self.language.code())
            }
            None => format!("sha256-{}", self.content_hash),
        }
    }

    /// Rebuild an identity from a stored `source` IRI and content hash (as written by
    /// [`crate::w3c`]). `None` when the IRI is neither form.
    pub(crate) fn from_source(
        source: &str,
        content_hash: Option<&str>,
    ) -> Option<DocumentIdentity> {
        let hash = content_hash
            .map(|h| h.trim().trim_start_matches("urn:sha256:").to_string())
            .unwrap_or_default();
        if let Some(rest) = source.strip_prefix("https://undocs.org/") {
            let (lang, symbol) = rest.split_once('/')?;
            let symbol = decode_symbol(symbol);
            if symbol.is_empty() {
                return None;
            }
            return Some(DocumentIdentity {
                symbol: Some(symbol),
                language: Language::from_code(lang)?,
                content_hash: hash,
            });
        }
        let h = source.strip_prefix("urn:sha256:")?;
        Some(DocumentIdentity {
            symbol: None,
            language: Language::default(),
            content_hash: h.to_string(),
        })
    }
}

/// SHA-256 (lowercase hex) of the document's paragraph texts, each NFC-normalised with
/// white space collapsed, joined by `\n`, in reading order.
pub fn content_hash(doc: &Document) -> String {
    let mut hasher = Sha256::new();
    for (i, (_, p)) in doc.paragraphs().into_iter().enumerate() {
        if i > 0 {
            hasher.update(b"\n");
        }
        let text: String = p.text().nfc().collect();
        let normalised = text.split_whitespace().collect::<Vec<_>>().join(" ");
        hasher.update(normalised.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Percent-encode what cannot stand in an IRI path (space, `%`, `#`, `?`, controls).
fn encode_symbol(symbol: &str) -> String {
    let mut out = String::with_capacity(symbol.len());
    for c in symbol.chars() {
        match c {
            ' ' | '%' | '#' | '?' | '"' | '<' | '>' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Undo [`encode_symbol`] (any `%XX` of valid UTF-8).
fn decode_symbol(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(symbol: Option<&str>) -> DocumentIdentity {
        DocumentIdentity {
            symbol: symbol.map(str::to_string),
            language: Language::Ar,
            content_hash: "ab".repeat(32),
        }
    }

    #[test]
    fn keys_and_iris() {
        let a = id(Some("A/RES/75/10"));
        assert_eq!(a.storage_key(), "sym-A_RES_75_10.ar");
        assert_eq!(a.source_iri(), "https://undocs.org/ar/A/RES/75/10");
        let s = id(Some("S/RES/2250 (2015)"));
        assert_eq!(s.storage_key(), "sym-S_RES_2250_2015.ar");
        assert_eq!(s.source_iri(), "https://undocs.org/ar/S/RES/2250%20(2015)");
        let back = DocumentIdentity::from_source(&s.source_iri(), Some(&s.content_hash));
        assert_eq!(back, Some(s));
        let h = id(None);
        assert_eq!(h.storage_key(), format!("sha256-{}", "ab".repeat(32)));
        assert_eq!(
            DocumentIdentity::from_source(&h.source_iri(), None),
            Some(h.clone())
        );
        assert_eq!(
            DocumentIdentity::from_source("http://example.org/x", None),
            None
        );
    }
}
