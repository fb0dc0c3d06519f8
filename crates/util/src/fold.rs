//! Arabic-aware search folding, with a map back to original byte offsets. The one home of
//! the folding rules: search (Ctrl+F), the library's full text, annotation anchoring, the
//! comparison's orthographic class and the plain-text parser's word matching all use it.
//!
//! The same steps run on the text and on the query:
//! NFC; Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) by NFKC; harakat, Quranic
//! marks, tatweel and format controls deleted; hamza on a seat → the seat (أ إ آ ٱ → ا,
//! ؤ → و, ئ → ي: people type these words both with and without hamza); ى/ی → ي, ک → ك,
//! پ → ب, ة → ه (optional); Arabic-Indic and Persian digits → ASCII; lowercase; white-space
//! runs collapsed to one space.
//!
//! Normalisation works cluster by cluster (a character and the combining characters that
//! follow it), so every folded byte maps to the start of the cluster it came from, which is
//! always a character boundary of the original.

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, is_combining_mark};

/// Options for [`fold_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoldOptions {
    /// Fold ة to ه (on by default).
    pub ta_marbuta: bool,
}

impl Default for FoldOptions {
    fn default() -> Self {
        FoldOptions { ta_marbuta: true }
    }
}

/// Folded text plus, for every byte of it, the byte offset in the original it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `map[i]` is the original byte offset of folded byte `i`; `map[text.len()]` is the
    /// original length.
    pub map: Vec<usize>,
}

impl Folded {
    /// Original byte range of the folded byte range `range` (clamped to the text).
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let last = self.map.len().saturating_sub(1);
        let start = self.map.get(range.start.min(last)).copied().unwrap_or(0);
        let end = self.map.get(range.end.min(last)).copied().unwrap_or(start);
        start..end.max(start)
    }
}

/// Fold with the default options.
pub fn fold(s: &str) -> Folded {
    fold_with(s, FoldOptions::default())
}

/// Fold `s`, keeping a map from folded to original byte offsets.
pub fn fold_with(s: &str, options: FoldOptions) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(s.len()),
        map: Vec::with_capacity(s.len() + 1),
    };
    let mut scratch = String::new();
    for cluster in Clusters::new(s) {
        fold_cluster(&s[cluster.clone()], options, &mut scratch);
        for c in scratch.chars() {
            push_folded(&mut out, c, cluster.start);
        }
    }
    out.map.push(s.len());
    out
}

/// Just the folded text.
pub fn fold_str(s: &str) -> String {
    fold(s).text
}

/// Byte ranges in the original `haystack` of every (non-overlapping) match of the folded
/// `query` in the folded `haystack`. Leading and trailing white space of the query is
/// ignored; an empty query finds nothing.
pub fn find_all(haystack: &str, query: &str) -> Vec<Range<usize>> {
    find_all_with(haystack, query, FoldOptions::default())
}

/// [`find_all`] with explicit options.
pub(crate) fn find_all_with(
    haystack: &str,
    query: &str,
    options: FoldOptions,
) -> Vec<Range<usize>> {
    let needle = fold_with(query, options).text;
    let needle = needle.trim_matches(' ');
    if needle.is_empty() {
        return Vec::new();
    }
    let folded = fold_with(haystack, options);
    let map = &folded.map;
    folded
        .text
        .match_indices(needle)
        // Whole clusters only: a match may not start or end between a character and a
        // combining mark the folding kept (as a browser's find does not split graphemes).
        .filter(|(i, m)| {
            let end = i + m.len();
            let starts_inside = *i > 0 && map[i - 1] == map[*i];
            let ends_inside = end < folded.text.len() && map[end] == map[end - 1];
            !starts_inside && !ends_inside
        })
        .map(|(i, m)| {
            let start = map[i];
            let last_start = map[i + m.len() - 1];
            let end = trim_ignorable_end(haystack, last_start, map[i + m.len()]);
            start..end
        })
        .collect()
}

/// True for characters the folding deletes: harakat, Quranic marks, tatweel and format
/// controls.
#[inline]
pub fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}'
        | '\u{061C}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}')
}

/// Fold one character that is already normalised (no presentation form): `None` when it
/// is deleted. White space is returned as is (collapsing happens when text is built).
#[inline]
pub fn fold_char(c: char, options: FoldOptions) -> Option<char> {
    if is_ignorable(c) {
        return None;
    }
    Some(match c {
        'آ' | 'أ' | 'إ' | 'ٱ' => 'ا',
        'ؤ' => 'و',
        'ى' | 'ی' | 'ئ' => 'ي',
        'ک' => 'ك',
        'پ' => 'ب',
        'ة' if options.ta_marbuta => 'ه',
        '\u{0660}'..='\u{0669}' => digit(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => digit(c as u32 - 0x06F0),
        'A'..='Z' => c.to_ascii_lowercase(),
        _ => c,
    })
}

/// ASCII digit for a value 0–9.
fn digit(value: u32) -> char {
    char::from_digit(value, 10).unwrap_or('0')
}

/// True for Arabic presentation forms, which are folded by NFKC.
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Append one folded character, collapsing white space, and record its origin.
fn push_folded(out: &mut Folded, c: char, origin: usize) {
    let c = if c.is_whitespace() { ' ' } else { c };
    if c == ' ' && out.text.ends_with(' ') {
        return;
    }
    out.text.push(c);
    out.map.extend(std::iter::repeat_n(origin, c.len_utf8()));
}

/// Fold one cluster into `out` (cleared first): NFC, per-character folding, NFC again (a
/// deleted mark may have blocked a composition).
fn fold_cluster(cluster: &str, options: FoldOptions, out: &mut String) {
    out.clear();
    let mut chars = cluster.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && is_nfc_inert(c)
    {
        fold_normalised_char(c, options, out);
        return;
    }
    let mut folded = String::with_capacity(cluster.len());
    for c in cluster.nfc() {
        fold_normalised_char(c, options, &mut folded);
    }
    out.extend(folded.nfc());
}

/// Characters that NFC leaves alone on their own (a cheap fast path).
fn is_nfc_inert(c: char) -> bool {
    (c as u32) < 0x0300 || ('\u{0600}'..='\u{06FF}').contains(&c)
}

/// Fold one NFC character into `out`: presentation forms by NFKC, then [`fold_char`] and
/// lowercasing.
fn fold_normalised_char(c: char, options: FoldOptions, out: &mut String) {
    if is_presentation_form(c) && !is_ignorable(c) {
        for d in std::iter::once(c).nfkc() {
            push_lowercase(fold_char(d, options), out);
        }
    } else {
        push_lowercase(fold_char(c, options), out);
    }
}

/// Push the lowercase form of `c`, if any.
fn push_lowercase(c: Option<char>, out: &mut String) {
    match c {
        Some(c) if c.is_uppercase() => out.extend(c.to_lowercase()),
        Some(c) => out.push(c),
        None => {}
    }
}

/// Trim characters the folding deletes that are not marks (tatweel, format controls) or
/// collapses (white space) from the end of an original range, never going below `floor`.
/// Marks stay with their letter.
fn trim_ignorable_end(original: &str, floor: usize, mut end: usize) -> usize {
    while end > floor {
        let Some(c) = original.get(..end).and_then(|s| s.chars().next_back()) else {
            break;
        };
        let trailing = c.is_whitespace() || (is_ignorable(c) && !is_combining_mark(c));
        if !trailing {
            break;
        }
        end -= c.len_utf8();
    }
    end
}

/// Iterator over clusters (a character plus what [`continues_cluster`] joins to it), as
/// byte ranges.
struct Clusters<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Clusters<'a> {
    fn new(s: &'a str) -> Self {
        Clusters { s, pos: 0 }
    }
}

impl Iterator for Clusters<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let rest = self.s.get(self.pos..)?;
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let mut len = first.len_utf8();
        for (i, c) in chars {
            if !continues_cluster(c) {
                break;
            }
            len = i + c.len_utf8();
        }
        let start = self.pos;
        self.pos += len;
        Some(start..self.pos)
    }
}

/// True when `c` joins the cluster before it: combining characters and Hangul vowel and
/// final jamo (which may compose with what precedes them), and characters the folding
/// deletes (so that marks after a deleted tatweel or format control still reach their
/// base, and a match does not end in the middle of them).
fn continues_cluster(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    canonical_combining_class(c) != 0
        || is_combining_mark(c)
        || is_ignorable(c)
        || ('\u{1161}'..='\u{11C2}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_hamza_and_persian_letters() {
        assert_eq!(fold_str("الإنترپول"), "الانتربول");
        assert_eq!(fold_str("مُدَّةٌ"), "مده");
        // Hamza on waw and yeh: typed with or without it, the word is found.
        assert_eq!(fold_str("مسؤولية"), fold_str("مسوولية"));
        assert_eq!(fold_str("الهيئة"), fold_str("الهيية"));
    }

    #[test]
    fn ta_marbuta_is_optional() {
        let f = fold_with("مدة", FoldOptions { ta_marbuta: false });
        assert_eq!(f.text, "مدة");
    }
}
