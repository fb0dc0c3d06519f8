//! Words, keys and masks: the text forms the alignment and the classification compare.
//!
//! - [`tokenize`] splits text as written into words, white space and single punctuation
//!   marks (the units of the word diff).
//! - [`ortho_key`] is what is left when orthography is set aside: Arabic folding
//!   ([`qarar_util::fold`]: hamza forms, harakat, tatweel, پ/ب, ى/ي …), case, and
//!   punctuation and spacing variants.
//! - [`mech_key`] also masks what changes mechanically from one session to the next:
//!   numbers (session numbers, years, dates, document symbols, resolution and
//!   cross-reference numbers), numbers in words (`seventy-seventh`, `السابعة والسبعين`) and
//!   month names; a run of masked words counts as one.

use qarar_util::fold::fold_str;
use qarar_util::months;
use std::collections::HashSet;
use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;

/// The mask that stands for a mechanical word in [`mech_key`].
pub(crate) const MASK: &str = "#";

/// True for characters that belong to a word (letters, digits, marks, tatweel, joiners).
fn is_word_char(c: char) -> bool {
    // Fast paths for ASCII and the Arabic letters, marks and digits (Unicode's tables are
    // slow to search, and a comparison looks at every character).
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if matches!(c, '\u{0621}'..='\u{065F}' | '\u{0660}'..='\u{0669}' | '\u{0670}'..='\u{06D3}') {
        return true;
    }
    c.is_alphanumeric() || is_combining_mark(c) || matches!(c, '\u{200C}' | '\u{200D}')
}

/// True for a digit of any script (fast for ASCII and Arabic-Indic digits).
fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
    } else {
        c.is_numeric()
    }
}

/// Split `text` into words, white-space runs and single other characters, in order; the
/// pieces concatenate back to `text`.
pub(crate) fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut kind = 0u8; // 0 none, 1 word, 2 space
    for (i, c) in text.char_indices() {
        let k = if is_word_char(c) {
            1
        } else if c.is_whitespace() {
            2
        } else {
            3
        };
        if k != kind || k == 3 {
            if i > start {
                out.push(&text[start..i]);
            }
            start = i;
        }
        kind = k;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// White-space runs collapsed to one space, ends trimmed.
pub(crate) fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The folded words of `text` (punctuation dropped; figures apart from letters, so that
/// `51من` as a PDF run it together is `51` and `من`).
pub(crate) fn folded_words(text: &str) -> Vec<String> {
    let folded = fold_str(text);
    let mut out = Vec::new();
    for word in folded.split(|c: char| !is_word_char(c)) {
        let mut start = 0;
        let mut digits = None;
        for (i, c) in word.char_indices() {
            let d = is_digit(c);
            if digits.is_some_and(|prev| prev != d) {
                out.push(word[start..i].to_string());
                start = i;
            }
            digits = Some(d);
        }
        if start < word.len() {
            out.push(word[start..].to_string());
        }
    }
    out
}

/// `text` without orthographic differences: its folded words run together (so that
/// spacing and punctuation variants vanish too).
#[cfg(test)]
fn ortho_key(text: &str) -> String {
    folded_words(text).concat()
}

/// The words of [`ortho_key`] with every mechanical word masked, runs of masks as one.
pub(crate) fn mech_words(text: &str) -> Vec<String> {
    mask(folded_words(text))
}

/// Mask the mechanical words of folded words, runs of masks as one.
pub(crate) fn mask(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for w in words {
        if is_mechanical_word(&w) {
            if out.last().is_none_or(|l| l != MASK) {
                out.push(MASK.to_string());
            }
        } else {
            out.push(w);
        }
    }
    out
}

/// [`ortho_key`] and [`mech_key`] of `text`, folding it once.
pub(crate) fn keys(text: &str) -> (String, String) {
    let words = folded_words(text);
    let ortho = words.concat();
    (ortho, mask(words).concat())
}

/// `text` without mechanical or orthographic differences (its masked words run together).
pub fn mech_key(text: &str) -> String {
    mech_words(text).concat()
}

/// True for a folded word that is a number, a number in words or a month.
pub(crate) fn is_mechanical_word(w: &str) -> bool {
    if w.chars().all(is_digit) {
        return true;
    }
    let words = mechanical_words();
    if words.contains(w) {
        return true;
    }
    // Arabic: a conjunction و or a preposition ب/ل before the word (`والسبعين`).
    for prefix in ["و", "ب", "ل", "وب", "ول"] {
        if let Some(rest) = w.strip_prefix(prefix)
            && !rest.is_empty()
            && (words.contains(rest) || rest.chars().all(is_digit))
        {
            return true;
        }
    }
    false
}

/// Folded ordinal number words (Arabic and English) and month names (every language of
/// [`months`]).
fn mechanical_words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut set = HashSet::new();
        // Ordinals (session numbers, "third report") and the tens that begin them
        // (`seventy-seventh`); cardinals in words are counts, and a count is substance.
        const EN: &str = "twenty thirty forty fifty sixty seventy eighty ninety first second \
            third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth \
            fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth \
            thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth st nd rd th er eme ème";
        set.extend(EN.split_whitespace().map(str::to_string));
        // Arabic ordinals and tens (folded: ة → ه, hamza on alif → ا, ى → ي), with and
        // without the article.
        const AR: &str = "اول اولي ثاني ثانيه ثالث ثالثه رابع رابعه خامس خامسه سادس سادسه \
            سابع سابعه ثامن ثامنه تاسع تاسعه عاشر عاشره حادي حاديه عشر عشره عشرين ثلاثين \
            اربعين خمسين ستين سبعين ثمانين تسعين مايه مائه";
        for w in AR.split_whitespace() {
            set.insert(fold_str(w));
            set.insert(fold_str(&format!("ال{w}")));
        }
        // Month names, folded; but for آب (August), which folded is what is left of باب
        // ("chapter") once the preposition is taken off.
        set.extend(months::all().filter(|m| *m != "آب").map(fold_str));
        set
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_rejoin() {
        let t = "Recalling its resolution 75/10 of 23 November 2020, الإنترپول";
        assert_eq!(tokenize(t).concat(), t);
        assert!(tokenize(t).contains(&"75"));
    }

    #[test]
    fn session_numbers_in_words_are_masked() {
        assert_eq!(
            mech_key("الدورة الخامسة والسبعين"),
            mech_key("الدورة السابعة والسبعين")
        );
        assert_eq!(
            mech_key("its seventy-fifth session"),
            mech_key("its seventy-seventh session")
        );
        assert_ne!(mech_key("welcomes"), mech_key("notes"));
        assert_eq!(ortho_key("الإنترپول"), ortho_key("الانتربول"));
    }
}
