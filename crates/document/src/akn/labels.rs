//! Paragraph numbers (`1 -`, `1.`) and sub-paragraph labels (`(a)`, `(أ)`, `a)`, `（a）`,
//! `'1'`) at the start of a paragraph's text, and where a label belongs in the tree.

use crate::ids;

/// Bidi and format marks that may surround numbers in Arabic files.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}' | '\u{2029}'
    )
}

/// Space or mark to skip around numbers and labels.
fn is_skippable(c: char) -> bool {
    c.is_whitespace() || is_mark(c)
}

/// Byte length of the skippable prefix of `s`.
fn skip(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_skippable).len()
}

/// A digit of any script `ids::parse_number` accepts.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// A number written at the start of a paragraph (`\t1 -\t`, `12.`): the number and the byte
/// length of the prefix (separator and following space included).
pub(super) fn number_prefix(s: &str) -> Option<(u32, usize)> {
    let mut i = skip(s);
    let digits_len: usize = s[i..]
        .chars()
        .take_while(|c| is_digit(*c))
        .map(char::len_utf8)
        .sum();
    if digits_len == 0 || digits_len > 12 {
        return None;
    }
    let number = ids::parse_number(&s[i..i + digits_len])?;
    i += digits_len;
    i += skip(&s[i..]);
    let sep = s[i..].chars().next()?;
    if !matches!(sep, '-' | '.' | '–' | '\u{2011}') {
        return None;
    }
    i += sep.len_utf8();
    let after = skip(&s[i..]);
    // A separator must be followed by space (or end): `1.5 million` is not a number.
    if after == 0 && i < s.len() {
        return None;
    }
    Some((number, i + after))
}

/// The number in a `<num>` element (`\t1.`, `1 -`).
pub(super) fn num_element(s: &str) -> Option<u32> {
    let t: String = s
        .chars()
        .filter(|c| !is_skippable(*c) && !matches!(c, '.' | '-' | '–'))
        .collect();
    ids::parse_number(&t)
}

/// A label written alone in a `<num>` element without brackets: one letter, maybe with a
/// full stop (`A.`, `b`), as in lists of capital-letter items ("A. Pension Administration").
pub(super) fn num_label(s: &str) -> Option<String> {
    let t = s.trim_matches(is_skippable);
    let t = t.strip_suffix('.').unwrap_or(t);
    let mut chars = t.chars();
    let c = chars.next()?;
    (chars.next().is_none() && c.is_alphabetic()).then(|| c.to_string())
}

/// A sub-paragraph label at the start of `s`: the label as written (`a`, `أ`, `ii`, `1`) and
/// the byte length of the prefix (following space included).
pub(super) fn label_prefix(s: &str) -> Option<(String, usize)> {
    let start = skip(s);
    let rest = &s[start..];
    let (label, len) = bracketed(rest).or_else(|| closed_only(rest))?;
    let after = skip(&rest[len..]);
    let fullwidth = rest[..len].ends_with('）');
    if after == 0 && len < rest.len() && !fullwidth {
        return None;
    }
    Some((label, start + len + after))
}

/// `(a)`, `（a）`, `'1'`, `‘1’`.
fn bracketed(s: &str) -> Option<(String, usize)> {
    let open = s.chars().next()?;
    let close = match open {
        '(' => ')',
        '（' => '）',
        '\'' => '\'',
        '‘' => '’',
        _ => return None,
    };
    let inner = &s[open.len_utf8()..];
    let end = inner.char_indices().take(8).find(|(_, c)| *c == close)?.0;
    let label = &inner[..end];
    let quoted = matches!(open, '\'' | '‘');
    if !valid_label(label) || (quoted && ids::parse_number(label).is_none()) {
        return None;
    }
    Some((label.to_string(), open.len_utf8() + end + close.len_utf8()))
}

/// `a)`, `с)` (French, Spanish and Russian style).
fn closed_only(s: &str) -> Option<(String, usize)> {
    let end = s.char_indices().take(6).find(|(_, c)| *c == ')')?.0;
    let label = &s[..end];
    if !valid_label(label) || !label.chars().all(char::is_alphabetic) {
        return None;
    }
    Some((label.to_string(), end + 1))
}

/// One to four letters (tatweel allowed) or one to three digits.
fn valid_label(label: &str) -> bool {
    let n = label.chars().count();
    let letters = label.chars().all(|c| c.is_alphabetic() || c == '\u{0640}');
    let digits = label.chars().all(is_digit);
    (1..=4).contains(&n) && (letters || (digits && n <= 3))
}

/// Position of a letter label, reading Cyrillic look-alikes of Latin letters (`с` in
/// `a) b) с) d)`) as Latin when that gives the expected position.
pub(super) fn letter_position(label: &str, expected: usize) -> Option<usize> {
    let direct = ids::letter_position(label);
    if direct == Some(expected) {
        return direct;
    }
    let latin: String = label.chars().map(latin_lookalike).collect();
    let mapped = ids::letter_position(&latin);
    if mapped == Some(expected) {
        return mapped;
    }
    direct
}

/// The Latin letter a Cyrillic letter looks like (itself otherwise).
fn latin_lookalike(c: char) -> char {
    match c {
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        'у' => 'y',
        'і' => 'i',
        other => other,
    }
}

/// Where a labelled paragraph goes under the current operative paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// A sub-paragraph at this position (`(b)` → 2).
    First(usize),
    /// A second-level item at this position under the last sub-paragraph (`(ii)` → 2).
    Second(usize),
    /// Not a usable label.
    None,
}

/// Decide the level of `label` given the last positions used at levels one and two.
pub(super) fn place(label: &str, last1: usize, last2: usize) -> Place {
    let roman = ids::parse_roman(label);
    let digits = ids::parse_number(label).map(|d| d as usize);
    let second = roman.or(digits);
    let letter = letter_position(label, last1 + 1);
    if last1 > 0 && last2 > 0 && second == Some(last2 + 1) {
        return Place::Second(last2 + 1);
    }
    if letter == Some(last1 + 1) {
        return Place::First(last1 + 1);
    }
    if last1 > 0 && second == Some(1) {
        return Place::Second(1);
    }
    if let Some(p) = letter {
        return Place::First(p);
    }
    match second {
        Some(p) if last1 > 0 && p > 0 => Place::Second(p),
        _ => Place::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_at_paragraph_start() {
        assert_eq!(number_prefix("\t1 -\tتدعو"), Some((1, 5)));
        assert_eq!(
            number_prefix("\u{200f}19 -\u{200f}\tx").map(|p| p.0),
            Some(19)
        );
        assert_eq!(number_prefix("12. Calls").map(|p| p.0), Some(12));
        assert_eq!(number_prefix("2030 Agenda"), None);
        assert_eq!(number_prefix("1.5 million"), None);
    }

    #[test]
    fn labels_in_every_style() {
        assert_eq!(label_prefix("\t(أ)\tمنظومة").map(|l| l.0), Some("أ".into()));
        assert_eq!(label_prefix("(a) The").map(|l| l.0), Some("a".into()));
        assert_eq!(label_prefix("a)\tLe").map(|l| l.0), Some("a".into()));
        assert_eq!(label_prefix("（a）预防").map(|l| l.0), Some("a".into()));
        assert_eq!(label_prefix("'1' x").map(|l| l.0), Some("1".into()));
        assert_eq!(label_prefix("(INTERPOL) x"), None);
        assert_eq!(label_prefix("Le (a) x"), None);
        assert_eq!(num_label("A."), Some("A".into()));
        assert_eq!(num_label("\tb "), Some("b".into()));
        assert_eq!(num_label("AB."), None);
    }

    #[test]
    fn levels_follow_the_sequence() {
        assert_eq!(place("a", 0, 0), Place::First(1));
        assert_eq!(place("i", 2, 0), Place::Second(1));
        assert_eq!(place("ii", 2, 1), Place::Second(2));
        assert_eq!(place("c", 2, 2), Place::First(3));
        assert_eq!(place("i", 8, 0), Place::First(9));
        assert_eq!(place("с", 2, 0), Place::First(3));
        assert_eq!(place("1", 1, 0), Place::Second(1));
    }
}
