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
