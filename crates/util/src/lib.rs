//! The leaf layer: small text utilities that every other module may use and that use
//! nothing of the crate (search folding, first words, symbol normalisation, month names) and the atomic file writer.

pub mod atomic;
pub mod fold;
pub mod months;
pub mod script;

/// The first `n` words of `text`, with an ellipsis when cut.
pub fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{} …", words[..n].join(" "))
    }
}

/// The byte offset of the `c`-th character of `text` (an annotation's anchor counts
/// characters); the text's length when `c` is at or past its end.
pub fn byte_of_char(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |(i, _)| i)
}

/// The absolute form of `path` as its user knows it: links and `..` resolved and, on Windows,
/// without the `\\?\` prefix `std::fs::canonicalize` adds (it would show in the recent
/// files, tab tooltips and exports). The path itself, simplified, when it cannot be resolved
/// (a file since removed).
pub fn canonical_path(path: &std::path::Path) -> std::path::PathBuf {
    dunce::canonicalize(path).unwrap_or_else(|_| dunce::simplified(path).to_path_buf())
}

/// Canonical form of a symbol for comparisons: trimmed, upper-case, inner white space
/// collapsed (`a/res/75/10 ` → `A/RES/75/10`).
pub fn normalise_symbol(symbol: &str) -> String {
    symbol
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// Read a whole file of at most `limit` bytes. Anything but a regular file (a directory, a
/// FIFO that would block, a device) is refused, and so is a file larger than `limit`, even
/// one that grows while it is read; the errors say which.
pub fn read_regular_file(path: &std::path::Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Error, ErrorKind, Read};
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a directory"
        } else {
            "not a regular file"
        };
        return Err(Error::new(ErrorKind::InvalidInput, what));
    }
    let too_large = |size: u64| {
        Error::new(
            ErrorKind::InvalidData,
            format!("{size} bytes, more than the limit of {limit} bytes"),
        )
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// `text` fit to print on a terminal or announce to a screen reader: C0 controls (but tab
/// and line break), DEL and C1 controls become a space (one byte) or a no-break space (the
/// two bytes of a C1 control), so no escape sequence reaches a terminal (`ESC ]0;` setting
/// a window title, `ESC [2J` clearing the screen), and bidi controls nested too deep are
/// capped ([`cap_bidi_depth`]). Byte and character offsets into the text stay valid.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| (c.is_control() && c != '\n' && c != '\t') || c == '\u{7f}';
    let capped = cap_bidi_depth(text);
    if !capped.chars().any(bad) {
        return capped;
    }
    let out = capped
        .chars()
        .map(|c| match c {
            c if !bad(c) => c,
            c if c.len_utf8() == 1 => ' ',
            _ => '\u{a0}',
        })
        .collect();
    std::borrow::Cow::Owned(out)
}

/// Deepest nesting of explicit bidi embeddings, overrides and isolates kept by
/// [`cap_bidi_depth`] (Unicode allows 125; real text needs a handful).
pub(crate) const MAX_BIDI_DEPTH: usize = 60;

/// `text` with the explicit bidi controls (LRE, RLE, LRO, RLO, LRI, RLI, FSI and their
/// closing PDF, PDI) nested deeper than [`MAX_BIDI_DEPTH`] replaced by WORD JOINER, which has
/// the same UTF-8 length (3 bytes), so byte and character offsets stay valid. cosmic-text
/// panics on a line that sits entirely at the deepest bidi level (found by fuzzing the PDF
/// export: hundreds of U+202E in a row); every text it shapes goes through this first.
pub fn cap_bidi_depth(text: &str) -> std::borrow::Cow<'_, str> {
    const JOINER: char = '\u{2060}';
    let is_open = |c: char| {
        matches!(
            c,
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' | '\u{2066}'..='\u{2068}'
        )
    };
    let is_close = |c: char| matches!(c, '\u{202C}' | '\u{2069}');
    if text.chars().filter(|&c| is_open(c)).count() <= MAX_BIDI_DEPTH {
        return std::borrow::Cow::Borrowed(text);
    }
    let (mut depth, mut dropped) = (0usize, 0usize);
    let out = text
        .chars()
        .map(|c| {
            if is_open(c) {
                if depth >= MAX_BIDI_DEPTH {
                    dropped += 1;
                    return JOINER;
                }
                depth += 1;
            } else if is_close(c) {
                if dropped > 0 {
                    dropped -= 1;
                    return JOINER;
                }
                depth = depth.saturating_sub(1);
            } else if c == '\n' || c == '\u{2029}' {
                // A paragraph separator ends every embedding.
                depth = 0;
                dropped = 0;
            }
            c
        })
        .collect();
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod bidi_tests {
    use super::*;

    #[test]
    fn deep_bidi_nesting_is_capped_without_moving_offsets() {
        let text = format!("{}نص{}", "\u{202E}".repeat(500), "\u{202C}".repeat(500));
        let capped = cap_bidi_depth(&text);
        assert_eq!(capped.len(), text.len());
        assert_eq!(capped.chars().count(), text.chars().count());
        assert_eq!(capped.matches('\u{202E}').count(), MAX_BIDI_DEPTH);
        assert_eq!(capped.matches('\u{202C}').count(), MAX_BIDI_DEPTH);
        assert!(matches!(
            cap_bidi_depth("\u{202B}نص\u{202C}"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn terminal_escapes_and_controls_are_not_printed() {
        let hostile = "قرار\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m\ttab\nline\u{7f}";
        let out = printable(hostile);
        assert!(
            !out.chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
        );
        assert_eq!(out.len(), hostile.len(), "offsets stay valid");
        assert!(out.starts_with("قرار ]0;owned  [2J"));
        assert!(out.contains("\ttab\nline"));
        // Thousands of right-to-left overrides are capped.
        let overrides = "\u{202e}".repeat(5_000);
        let out = printable(&overrides);
        assert!(out.chars().filter(|&c| c == '\u{202e}').count() <= 60);
        assert!(matches!(printable("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
