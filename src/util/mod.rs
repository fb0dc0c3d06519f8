//! The leaf layer: small text utilities that every other module may use and that use
//! nothing of the crate (search folding, first words, symbol normalisation) and the atomic file writer.

pub mod atomic;
pub mod fold;

/// The first `n` words of `text`, with an ellipsis when cut.
pub fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{} …", words[..n].join(" "))
    }
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
