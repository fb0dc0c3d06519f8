//! Tokens: words, numbers, punctuation and Latin UN symbols; digits of every script; long
//! texts cut into chunks.

use std::ops::Range;
use std::sync::OnceLock;

use super::symbols::symbol_at;

/// Paragraph texts longer than this are scanned in pieces cut at white space, so that
/// memory stays bounded on huge paragraphs.
const CHUNK: usize = 64 * 1024;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok {
    /// Letters (with their marks).
    Word,
    /// Digits (ASCII, Arabic-Indic or Persian).
    Number,
    /// A Latin UN symbol: `A/60/88/Corr.2`, `S/RES/2250 (2015)`.
    Symbol,
    /// Any other character but white space.
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    pub(super) tok: Tok,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Token {
    pub(super) fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// True for characters that make up words: letters, marks, tatweel, joiners.
pub(super) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let code = c as usize;
    if code < TABLED {
        return word_char_table()[code / 64] & (1 << (code % 64)) != 0;
    }
    is_word_char_slow(c)
}

/// Characters below this (Latin, Greek, Cyrillic, Hebrew, Arabic) are looked up in a
/// table: `char::is_alphabetic` is slow outside ASCII.
pub(super) const TABLED: usize = 0x800;

/// [`is_word_char_slow`] for every character below [`TABLED`], one bit each.
fn word_char_table() -> &'static [u64; TABLED / 64] {
    static TABLE: OnceLock<[u64; TABLED / 64]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [0u64; TABLED / 64];
        for (code, c) in (0..TABLED as u32).filter_map(|u| Some((u as usize, char::from_u32(u)?))) {
            if is_word_char_slow(c) {
                table[code / 64] |= 1 << (code % 64);
            }
        }
        table
    })
}

/// The definition of [`is_word_char`].
pub(super) fn is_word_char_slow(c: char) -> bool {
    c.is_alphabetic()
        || matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}' | '\u{0640}' | '\u{200C}' | '\u{200D}')
}

/// True for ASCII, Arabic-Indic and Persian digits.
pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// Cut `text` into tokens.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    while let Some(c) = text.get(pos..).and_then(|s| s.chars().next()) {
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let (tok, len) = if let Some(len) = symbol_at(text, pos) {
            (Tok::Symbol, len)
        } else if is_word_char(c) {
            (Tok::Word, span_len(&text[pos..], is_word_char))
        } else if is_digit(c) {
            (Tok::Number, span_len(&text[pos..], is_digit))
        } else {
            (Tok::Punct(c), c.len_utf8())
        };
        tokens.push(Token {
            tok,
            start: pos,
            end: pos + len,
        });
        pos += len;
    }
    tokens
}

/// Byte length of the longest prefix of `s` whose characters satisfy `pred`.
pub(super) fn span_len(s: &str, pred: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !pred(c))
        .map_or(s.len(), |(i, _)| i)
}

/// The largest char boundary of `text` not above `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// True when `text` holds an ASCII, Arabic-Indic or Persian digit (see [`is_digit`]).
pub(super) fn has_digit(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some((last, _)) = bytes.split_last() else {
        return false;
    };
    // U+0660–0669 are D9 A0–A9 in UTF-8, U+06F0–06F9 are DB B0–B9. Each byte is looked at
    // with the one after it, in blocks without an early exit inside them (so that the loop
    // vectorises).
    let digit = |a: u8, b: u8| {
        a.is_ascii_digit()
            | ((a == 0xD9) & (b.wrapping_sub(0xA0) < 10))
            | ((a == 0xDB) & (b.wrapping_sub(0xB0) < 10))
    };
    let (a, b) = (&bytes[..bytes.len() - 1], &bytes[1..]);
    last.is_ascii_digit()
        || a.chunks(64).zip(b.chunks(64)).any(|(a, b)| {
            a.iter()
                .zip(b)
                .fold(false, |found, (&a, &b)| found | digit(a, b))
        })
}

/// Cut a long text into pieces of about [`CHUNK`] bytes at white space.
pub(super) fn chunks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > CHUNK {
        let mut cut = start + CHUNK;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        // Cut after the next line or clause end, else at white space, else right here.
        let window = &text[cut..floor_boundary(text, cut + 4096)];
        let space = window
            .find(['\n', '؛', ';'])
            .map(|i| i + 1)
            .or_else(|| window.get(..1024).and_then(|w| w.find(char::is_whitespace)))
            .unwrap_or(0);
        let space = floor_boundary(text, cut + space) - cut;
        out.push(start..cut + space);
        start = cut + space;
    }
    out.push(start..text.len());
    out
}
