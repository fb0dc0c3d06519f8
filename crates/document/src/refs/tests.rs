//! Unit tests of the reference detector's internals: word characters, keys, word flags,
//! the digit prefilter.

use super::tokens::{TABLED, has_digit, is_word_char, is_word_char_slow};
use super::words::{
    IN_CONNECTORS, IN_PARAGRAPH_CUES, IN_RESOLUTION_CUES, IN_TREATY_SERIES, WordFlags, key,
};
use qarar_util::fold::{FoldOptions, fold_char};

/// The table of word characters agrees with their definition.
#[test]
fn word_char_table_matches_definition() {
    for c in (0..TABLED as u32 + 256).filter_map(char::from_u32) {
        assert_eq!(
            is_word_char(c),
            is_word_char_slow(c),
            "{c:?} U+{:04X}",
            c as u32
        );
    }
}

/// Keys are the folded, lower-cased words (the shortcuts change nothing).
#[test]
fn key_is_folded_and_lower_cased() {
    let options = FoldOptions { ta_marbuta: true };
    let definition = |word: &str| -> String {
        word.chars()
            .filter_map(|c| fold_char(c, options))
            .flat_map(char::to_lowercase)
            .collect()
    };
    for c in (0..0x3000).filter_map(char::from_u32) {
        let word = c.to_string();
        assert_eq!(key(&word), definition(&word), "U+{:04X}", c as u32);
    }
    for word in ["Résolution", "وبالقرار", "الجمعيّة", "РЕЗОЛЮЦИЯ", "İ"]
    {
        assert_eq!(key(word), definition(word));
    }
}

/// Words are classified by their forms without a leading conjunction or preposition.
#[test]
fn word_flags_see_prefixed_forms() {
    let flags = WordFlags::of("وبالقرار");
    assert_ne!(flags.forms & IN_RESOLUTION_CUES, 0);
    assert_eq!(flags.exact & IN_RESOLUTION_CUES, 0);
    assert_ne!(WordFlags::of("للفقره").forms & IN_PARAGRAPH_CUES, 0);
    assert_ne!(WordFlags::of("and").exact & IN_CONNECTORS, 0);
    assert_ne!(WordFlags::of("treaty").exact & IN_TREATY_SERIES, 0);
    assert_eq!(WordFlags::of("series").exact, 0);
}

/// Digits of every script the tokenizer knows are seen by the prefilter.
#[test]
fn has_digit_sees_every_script() {
    assert!(has_digit("القرار 7"));
    assert!(has_digit("القرار ٧"));
    assert!(has_digit("القرار ۷"));
    assert!(!has_digit("القرار رقم سبعة"));
    assert!(!has_digit(""));
}
