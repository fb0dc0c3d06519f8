//! A line's glyphs, left to right as painted, into logical order. Each glyph (with the marks
//! drawn over it) stays one unit, so a cluster is never split. A line whose strong letters are
//! mostly right-to-left reads from its right end: the units are reversed, then every stretch
//! the bidi algorithm (`unicode-bidi`, paragraph level right to left) puts at an even level —
//! numbers, Latin words — is turned back. A left-to-right line turns back its odd-level
//! stretches (an Arabic name inside English). Since glyphs are ordered by position, never by
//! the order the producer wrote them, a file in visual order and one already in logical order
//! (ActualText, Chromium) read alike. Presentation forms (U+FB50–FDFF, U+FE70–FEFF) are folded
//! to base letters by NFKC on those blocks only; a ligature glyph mapped to its letters in
//! visual order (`ال` for lam-alef, `هللا` for the name of God) is put back in logical order.

use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};
use unicode_normalization::UnicodeNormalization;

/// The logical text of a line given its units in visual order (left to right), and whether
/// it reads right to left. In a right-to-left document every line is a right-to-left
/// paragraph's (a Latin footnote citation in an Arabic resolution included); in a
/// left-to-right one, a line of mostly Arabic letters is.
pub(super) fn logical(mut units: Vec<String>, doc_rtl: bool) -> (String, bool) {
    for u in &mut units {
        fold_unit(u);
    }
    let (mut rtl_letters, mut ltr_letters) = (0usize, 0usize);
    for c in units.iter().flat_map(|u| u.chars()) {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL => rtl_letters += 1,
            BidiClass::L => ltr_letters += 1,
            _ => {}
        }
    }
    let rtl = doc_rtl || rtl_letters > ltr_letters;
    if rtl_letters == 0 && !rtl {
        return (units.concat(), false);
    }
    let visual_key = key(&units.concat());
    if rtl {
        units.reverse();
    }
    let levels = unit_levels(&units, rtl);
    // Two readings: neutrals between two turned-back stretches turned back with them
    // (`A/RES/75/10` inside Arabic) or not (`A/75` written after Arabic); the one whose
    // display gives back what was painted wins.
    let merged = invert(&units, &levels, rtl, true);
    let text = if forward_key(&merged, rtl) == visual_key {
        merged
    } else {
        let plain = invert(&units, &levels, rtl, false);
        if forward_key(&plain, rtl) == visual_key {
            plain
        } else {
            merged
        }
    };
    (
        if rtl {
            lam_after_article(balance(text))
        } else {
            text
        },
        rtl,
    )
}

/// A lam-alef drawn as two glyphs, the alef's origin right of the lam's, reads reversed after
/// the article: `اإلعلان`, `األمم`, `االتجار`. Two alefs in a row do not occur in Arabic
/// words, so an alef followed by an alef and a lam is the article with its lam-alef turned
/// around: `الإعلان`, `الأمم`, `الاتجار`. (A lam-alef with no alef before it, `إلنشاء` for
/// `لإنشاء`, cannot be told from words such as `إلى`, and is left.)
fn lam_after_article(text: String) -> String {
    let alef = |c: char| matches!(c, 'ا' | 'أ' | 'إ' | 'آ');
    let chars: Vec<char> = text.chars().collect();
    if !chars
        .windows(3)
        .any(|w| w[0] == 'ا' && alef(w[1]) && w[2] == 'ل')
    {
        return text;
    }
    let mut out = chars;
    let mut i = 0;
    while i + 2 < out.len() {
        if out[i] == 'ا' && alef(out[i + 1]) && out[i + 2] == 'ل' {
            out.swap(i + 1, i + 2);
            i += 3;
        } else {
            i += 1;
        }
    }
    out.into_iter().collect()
}

/// A right-to-left line whose brackets close before they open was painted with mirrored
/// bracket glyphs mapped to the characters they look like: turn them around.
fn balance(text: String) -> String {
    let mut depth = 0i32;
    let mut wrong = false;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        wrong |= depth < 0;
    }
    if !wrong {
        return text;
    }
    text.chars()
        .map(|c| match c {
            '(' => ')',
            ')' => '(',
            '[' => ']',
            ']' => '[',
            c => c,
        })
        .collect()
}

fn base_level(rtl: bool) -> Level {
    if rtl { Level::rtl() } else { Level::ltr() }
}

/// The bidi level of each unit (that of its first character).
fn unit_levels(units: &[String], rtl: bool) -> Vec<Level> {
    let joined = units.concat();
    let base = base_level(rtl);
    let info = BidiInfo::new(&joined, Some(base));
    let mut levels = Vec::with_capacity(units.len());
    let mut at = 0;
    for u in units {
        levels.push(info.levels.get(at).map_or(base, |l| *l));
        at += u.len();
    }
    levels
}

/// Whether a unit is neutral (spaces, punctuation): no strong letter and no digit.
fn neutral(unit: &str) -> bool {
    unit.chars().all(|c| {
        matches!(
            bidi_class(c),
            BidiClass::WS
                | BidiClass::CS
                | BidiClass::ON
                | BidiClass::ES
                | BidiClass::ET
                | BidiClass::B
                | BidiClass::S
        )
    })
}

/// Turn back each maximal stretch whose direction differs from the line's.
fn invert(units: &[String], levels: &[Level], rtl: bool, merge: bool) -> String {
    let mut differs: Vec<bool> = levels.iter().map(|l| l.is_rtl() != rtl).collect();
    if merge {
        let mut k = 0;
        while k < units.len() {
            if differs[k] || !neutral(&units[k]) {
                k += 1;
                continue;
            }
            let mut end = k;
            while end < units.len() && !differs[end] && neutral(&units[end]) {
                end += 1;
            }
            if k > 0 && differs[k - 1] && end < units.len() && differs[end] {
                differs[k..end].iter_mut().for_each(|d| *d = true);
            }
            k = end;
        }
    }
    let mut out: Vec<&str> = units.iter().map(String::as_str).collect();
    let mut k = 0;
    while k < out.len() {
        if !differs[k] {
            k += 1;
            continue;
        }
        let mut end = k;
        while end < out.len() && differs[end] {
            end += 1;
        }
        // Spaces at the stretch's ends stay where they are.
        let (mut a, mut b) = (k, end);
        while a < b && out[a].trim().is_empty() {
            a += 1;
        }
        while b > a && out[b - 1].trim().is_empty() {
            b -= 1;
        }
        out[a..b].reverse();
        k = end;
    }
    out.concat()
}

/// A text with marks and brackets left out (brackets are mirrored in display), for comparing
/// a display with what was painted.
fn key(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            !super::lines::is_mark(c)
                && !matches!(c, '(' | ')' | '[' | ']' | '{' | '}' | '<' | '>' | '«' | '»')
        })
        .collect()
}

/// The display order (left to right) of a logical line, as a key.
fn forward_key(logical: &str, rtl: bool) -> Vec<char> {
    let info = BidiInfo::new(logical, Some(base_level(rtl)));
    let Some(para) = info.paragraphs.first() else {
        return key(logical);
    };
    let mut out = key(&info.reorder_line(para, para.range.clone()));
    out.truncate(out.len());
    out
}

/// Fold presentation forms to base letters and put a ligature's letters in logical order.
fn fold_unit(unit: &mut String) {
    let presentation = |c: char| matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}');
    if unit.chars().any(presentation) {
        let mut out = String::with_capacity(unit.len() + 4);
        for c in unit.chars() {
            if c == '\u{FEFF}' {
                continue;
            }
            if presentation(c) {
                let folded: String = std::iter::once(c).nfkc().collect();
                out.push_str(folded.trim_start_matches(' '));
            } else {
                out.push(c);
            }
        }
        *unit = out;
    }
    // A ligature glyph whose text was written in visual order.
    let chars: Vec<char> = unit.chars().collect();
    match chars.as_slice() {
        [a, 'ل'] if matches!(a, 'ا' | 'أ' | 'إ' | 'آ') => {
            *unit = format!("ل{a}");
        }
        ['ه', 'ل', 'ل', 'ا'] => *unit = "الله".into(),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &[&str]) -> Vec<String> {
        s.iter().map(|u| u.to_string()).collect()
    }

    #[test]
    fn arabic_in_visual_order_reads_logically_with_numbers_kept() {
        // "قرار 75/10" painted left to right: digits first (left), then the word reversed.
        let visual = units(&["7", "5", "/", "1", "0", " ", "ﺭ", "ﺍ", "ﺮ", "ﻗ"]);
        let (text, rtl) = logical(visual, false);
        assert!(rtl);
        assert_eq!(text, "قرار 75/10");
    }

    #[test]
    fn lam_alef_and_latin_inside_arabic() {
        // Lines of an Arabic document (a right-to-left paragraph however few its letters).
        // "ولا A/75" as the bidi algorithm displays it: the symbol left to right, at the left.
        let visual = units(&["A", "/", "7", "5", " ", "ﻻ", "ﻭ"]);
        let (text, _) = logical(visual, true);
        assert_eq!(text, "ولا A/75");
        let visual = units(&["A", "/", "R", "E", "S", "/", "7", "5", " ", "ﻭ"]);
        assert_eq!(logical(visual, true).0, "و A/RES/75");
        let (text, _) = logical(units(&["ال", "ﻭ"]), false);
        assert_eq!(text, "ولا");
    }

    #[test]
    fn a_lam_alef_of_two_glyphs_after_the_article_reads_in_order() {
        // Lam and alef painted as two glyphs with the alef's origin to the right: sorted by
        // position, they come out alef first.
        for (wrong, right) in [
            ("اإلعلان السياسي", "الإعلان السياسي"),
            ("خطة عمل األمم المتحدة", "خطة عمل الأمم المتحدة"),
            ("لمكافحة االتجار بالأشخاص", "لمكافحة الاتجار بالأشخاص"),
            ("باإلضافة إلى", "بالإضافة إلى"),
        ] {
            assert_eq!(lam_after_article(wrong.to_string()), right);
        }
        // Words that begin with alef-lam are left alone.
        assert_eq!(lam_after_article("إلى الأمم".into()), "إلى الأمم");
    }

    #[test]
    fn english_line_with_an_arabic_word() {
        let visual = units(&["I", "n", " ", "ب", "ت", "ك", " ", "x"]);
        let (text, rtl) = logical(visual, false);
        assert!(!rtl);
        assert_eq!(text, "In كتب x");
    }
}
