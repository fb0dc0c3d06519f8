//! Stable paragraph ids shared across languages: sub-paragraph letters of any alphabet map
//! to their position, and positions to Latin letters (`para_13_b`) and roman numerals
//! (`para_2_b_ii`).

/// Arabic sub-paragraph letters in abjad order (the order UN Arabic texts use).
pub(crate) const ABJAD: [char; 28] = [
    'أ', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق',
    'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ',
];

/// Russian sub-paragraph letters (Cyrillic alphabet without ё, й, ъ, ы, ь).
pub(crate) const CYRILLIC: [char; 28] = [
    'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т', 'у',
    'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'э', 'ю', 'я',
];

/// 1-based position of a sub-paragraph label in its alphabet: `b` → 2, `ب` → 2, `هـ` → 5,
/// `aa` → 27. Accepts Arabic abjad letters (with or without tatweel, `ا`/`إ`/`آ` for alif),
/// Latin letters (doubled letters after `z`, as the UN writes them) and Cyrillic letters.
pub fn letter_position(label: &str) -> Option<usize> {
    let cleaned: String = label
        .chars()
        .filter(|c| *c != '\u{0640}' && !c.is_whitespace())
        .collect();
    let mut chars = cleaned.chars();
    let first = chars.next()?;
    let rest: Vec<char> = chars.collect();
    // Repeated Latin letters: aa, bb, … (27, 28, …).
    if first.is_ascii_alphabetic() {
        let lower = first.to_ascii_lowercase();
        if !rest.iter().all(|c| c.to_ascii_lowercase() == lower) {
            return None;
        }
        let base = (lower as u8 - b'a') as usize + 1;
        return Some(base + 26 * rest.len());
    }
    if !rest.is_empty() {
        return None;
    }
    let c = match first {
        'ا' | 'إ' | 'آ' | 'ٱ' => 'أ',
        'ة' | 'ھ' => 'ه',
        'ى' | 'ی' => 'ي',
        'ک' => 'ك',
        other => other,
    };
    if let Some(i) = ABJAD.iter().position(|&a| a == c) {
        return Some(i + 1);
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    CYRILLIC.iter().position(|&a| a == lower).map(|i| i + 1)
}

/// Latin label for a 1-based position: 1 → `a`, 26 → `z`, 27 → `aa`, 28 → `bb`.
pub(crate) fn latin_letter(position: usize) -> String {
    if position == 0 {
        return String::from("0");
    }
    let idx = (position - 1) % 26;
    let times = (position - 1) / 26 + 1;
    let c = (b'a' + idx as u8) as char;
    std::iter::repeat_n(c, times).collect()
}

/// Arabic label for a 1-based position (abjad order): 2 → `ب`.
pub fn arabic_letter(position: usize) -> Option<char> {
    ABJAD.get(position.checked_sub(1)?).copied()
}

/// Lowercase roman numeral: 4 → `iv`. Zero gives an empty string.
pub fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Value of a lowercase or uppercase roman numeral (`ii` → 2); `None` if it is not one.
pub(crate) fn parse_roman(s: &str) -> Option<usize> {
    let s = s.trim().to_ascii_lowercase();
    if s.is_empty() || s.len() > 12 {
        return None;
    }
    let value = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        'd' => Some(500),
        'm' => Some(1000),
        _ => None,
    };
    let digits: Option<Vec<usize>> = s.chars().map(value).collect();
    let digits = digits?;
    let mut total: i64 = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    // Only accept canonical spellings.
    let total = usize::try_from(total).ok()?;
    (total > 0 && roman(total) == s).then_some(total)
}

/// Parse a number written with ASCII, Arabic-Indic or Persian digits.
pub fn parse_number(s: &str) -> Option<u32> {
    let mut value: u32 = 0;
    let mut any = false;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '\u{0660}'..='\u{0669}' => c as u32 - 0x0660,
            '\u{06F0}'..='\u{06F9}' => c as u32 - 0x06F0,
            _ => return None,
        };
        value = value.checked_mul(10)?.checked_add(d)?;
        any = true;
    }
    any.then_some(value)
}

/// Id of the nth preambular paragraph (1-based).
pub(crate) fn preamble_id(n: usize) -> String {
    format!("preamble_{n}")
}

/// Id of operative paragraph `n`.
pub(crate) fn operative_id(n: u32) -> String {
    format!("para_{n}")
}

/// Id of a sub-paragraph: parent id plus a letter (depth 1) or roman numeral (depth 2+).
pub(crate) fn sub_id(parent: &str, depth: usize, position: usize) -> String {
    if depth <= 1 {
        format!("{parent}_{}", latin_letter(position))
    } else {
        format!("{parent}_{}", roman(position))
    }
}

/// Id of the nth footnote (1-based).
pub(crate) fn footnote_id(n: usize) -> String {
    format!("fn_{n}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_latin_letters_share_positions() {
        assert_eq!(letter_position("ب"), Some(2));
        assert_eq!(letter_position("b"), Some(2));
        assert_eq!(letter_position("هـ"), Some(5));
        assert_eq!(letter_position("ذ"), Some(25));
        assert_eq!(latin_letter(25), "y");
        assert_eq!(letter_position("aa"), Some(27));
        assert_eq!(latin_letter(27), "aa");
        assert_eq!(letter_position("в"), Some(3));
    }

    #[test]
    fn roman_numerals_round_trip() {
        for n in 1..200 {
            assert_eq!(parse_roman(&roman(n)), Some(n));
        }
        assert_eq!(parse_roman("iiii"), None);
        assert_eq!(parse_roman("b"), None);
    }

    #[test]
    fn numbers_in_any_digits() {
        assert_eq!(parse_number("١٣"), Some(13));
        assert_eq!(parse_number("۱۳"), Some(13));
        assert_eq!(parse_number("13"), Some(13));
        assert_eq!(parse_number("1a"), None);
    }

    #[test]
    fn sub_ids() {
        assert_eq!(sub_id("para_13", 1, 2), "para_13_b");
        assert_eq!(sub_id("para_2_b", 2, 2), "para_2_b_ii");
    }
}
