//! Which script, which direction: the one home of "is this Arabic / right to left" for every
//! caller (display blocks and table cells, DOCX runs, PDF glyph grouping, the plain-text
//! parser). Directions come from the Unicode bidi classes (`unicode-bidi`, the same tables
//! cosmic-text sets text with), so a character counts as right to left here exactly when the
//! bidi algorithm treats it as a strong right-to-left letter.

use unicode_bidi::{BidiClass, bidi_class};

/// Whether `c` is a strong right-to-left character: a letter of Arabic, Hebrew, Syriac,
/// Thaana, N'Ko … including the presentation forms (bidi class R or AL). Digits, harakat
/// and punctuation are not: they take the direction of what is around them.
pub fn is_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Whether `c` is a strong left-to-right character (bidi class L: Latin, Cyrillic, Chinese …).
pub fn is_ltr(c: char) -> bool {
    bidi_class(c) == BidiClass::L
}

/// Whether `text` holds a right-to-left letter.
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(is_rtl)
}

/// Whether `c` is a letter of the Arabic alphabet as written in the UN's Arabic texts (hamza
/// to yeh, and the extended letters up to U+06FF; not the digits, harakat or punctuation of
/// the block; tatweel counts, as it stretches a word). Used where a rule is about Arabic
/// words, not direction: joining wrapped lines, Arabic list letters, glyph groups in the PDF.
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_hebrew_letters_are_right_to_left_digits_and_marks_are_not() {
        for c in ['ب', 'ي', 'ﻻ', 'ﷲ', 'א', 'ܐ'] {
            assert!(is_rtl(c), "{c}");
        }
        for c in ['a', '1', '٣', '\u{064E}', ',', ' ', '/', '中', 'Ж'] {
            assert!(!is_rtl(c), "{c:?}");
        }
        assert!(is_ltr('a') && is_ltr('中') && is_ltr('Ж') && !is_ltr('1'));
        assert!(has_rtl("A/RES/75/10 القرار") && !has_rtl("A/RES/75/10 ١٢"));
    }

    #[test]
    fn arabic_letters_are_the_alphabet_not_digits_or_marks() {
        for c in ['ء', 'ا', 'ب', 'ي', 'ى', 'ة', 'پ', 'ک', 'ی'] {
            assert!(is_arabic_letter(c), "{c}");
        }
        for c in ['٣', '\u{064E}', '،', 'a', 'א'] {
            assert!(!is_arabic_letter(c), "{c:?}");
        }
    }
}
