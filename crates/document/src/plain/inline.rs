//! Inline structure of a line: paragraph numbers, sub-paragraph labels, footnote markers and
//! `*`/`**` residue, all found in one pass without copying the text.

use super::lexicon;
use crate::ids;
use std::collections::HashSet;
use std::ops::Range;

/// Value of a digit in ASCII, Arabic-Indic, Persian or full-width form.
pub(super) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        '\u{FF10}'..='\u{FF19}' => Some(c as u32 - 0xFF10),
        _ => None,
    }
}

/// Value of a superscript digit (`¹`, `²`, `³`, `⁰`, `⁴`…`⁹`).
pub(super) fn superscript_value(c: char) -> Option<u32> {
    match c {
        '\u{2070}' => Some(0),
        '\u{00B9}' => Some(1),
        '\u{00B2}' => Some(2),
        '\u{00B3}' => Some(3),
        '\u{2074}'..='\u{2079}' => Some(c as u32 - 0x2070),
        _ => None,
    }
}

/// Read up to `max` digits at the start of `s`: (value, bytes used).
fn read_digits(s: &str, max: usize, value_of: fn(char) -> Option<u32>) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut used = 0;
    for (n, c) in s.chars().enumerate() {
        let Some(d) = value_of(c) else { break };
        if n >= max {
            return None;
        }
        value = value * 10 + d;
        used += c.len_utf8();
    }
    (used > 0).then_some((value, used))
}

/// Skip spaces (not newlines) at the start of `s`; bytes skipped.
fn skip_spaces(s: &str) -> usize {
    s.len()
        - s.trim_start_matches([' ', '\t', '\u{a0}', '\u{200f}', '\u{200e}'])
            .len()
}

/// An operative paragraph number at the start of a line: `1 - `, `١ -`, `1. `, `１．`,
/// `1、`. Returns (number, byte offset of the content).
pub(super) fn number_prefix(line: &str) -> Option<(u32, usize)> {
    let (n, mut at) = read_digits(line, 4, digit_value)?;
    at += skip_spaces(&line[at..]);
    let delim = line[at..].chars().next()?;
    if !matches!(delim, '-' | '–' | '—' | '.' | '．' | '、' | ')') {
        return None;
    }
    at += delim.len_utf8();
    let spaces = skip_spaces(&line[at..]);
    let next = line[at + spaces..].chars().next()?;
    if digit_value(next).is_some() || (spaces == 0 && (next.is_ascii() || delim == '-')) {
        return None;
    }
    Some((n, at + spaces))
}

/// A sub-paragraph label at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Label {
    /// As written, without brackets (`أ`, `هـ`, `b`, `ii`, `1`).
    pub text: String,
    /// Position when read as a letter (`b` → 2).
    pub letter: Option<usize>,
    /// Position when its Cyrillic look-alikes are read as Latin letters (`с` → 3), as in
    /// Russian texts that write `a) b) с) d)` with a mix of both scripts.
    pub latin: Option<usize>,
    /// Position when read as a second-level item (`ii` → 2, `'1'` → 1).
    pub second: Option<usize>,
    /// Byte offset of the content after the label.
    pub content: usize,
}

/// A sub-paragraph label at the start of a line: `(أ)`, `(هـ)`, `(a)`, `a)`, `а)`, `(ii)`,
/// `'1'`, `‘1’`, `（a）`.
pub(super) fn sub_label(line: &str) -> Option<Label> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    let (inner, after) = match first {
        '(' | '（' => bracketed(line, first.len_utf8(), &[')', '）'])?,
        '\'' | '‘' | '’' | '′' => bracketed(line, first.len_utf8(), &['\'', '’', '‘', '′'])?,
        _ => bracketed(line, 0, &[')'])?,
    };
    let quoted = !matches!(first, '(' | '（') && matches!(first, '\'' | '‘' | '’' | '′');
    let (letter, second) = classify_label(inner, quoted, first == '(' || first == '（')?;
    let rest = &line[after..];
    let spaces = skip_spaces(rest);
    if rest[spaces..].is_empty() {
        return None;
    }
    if spaces == 0
        && rest
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() && c.is_ascii())
    {
        return None;
    }
    let latin = if inner.chars().any(|c| latin_lookalike(c) != c) {
        let mapped: String = inner.chars().map(latin_lookalike).collect();
        ids::letter_position(&mapped)
    } else {
        letter
    };
    Some(Label {
        text: inner.to_string(),
        letter,
        latin,
        second,
        content: after + spaces,
    })
}

impl Label {
    /// True when the label reads as the letter at `position` (directly or through
    /// Cyrillic look-alikes).
    pub(super) fn is_letter(&self, position: usize) -> bool {
        self.letter == Some(position) || self.latin == Some(position)
    }
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

/// The text between an opening at `open_len` and the first closing char (at most 5 chars).
fn bracketed<'a>(line: &'a str, open_len: usize, closers: &[char]) -> Option<(&'a str, usize)> {
    let rest = line.get(open_len..)?;
    for (i, c) in rest.char_indices().take(6) {
        if closers.contains(&c) {
            if i == 0 {
                return None;
            }
            return Some((&rest[..i], open_len + i + c.len_utf8()));
        }
    }
    None
}

/// Positions of a label as a letter and as a second-level item.
fn classify_label(
    inner: &str,
    quoted: bool,
    parenthesised: bool,
) -> Option<(Option<usize>, Option<usize>)> {
    if inner.chars().any(char::is_whitespace) {
        return None;
    }
    if quoted {
        let (n, used) = read_digits(inner, 3, digit_value)?;
        return (used == inner.len()).then_some((None, Some(n as usize)));
    }
    let arabic = inner
        .chars()
        .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    if arabic {
        let letters = inner.chars().filter(|c| *c != '\u{0640}').count();
        return (letters == 1)
            .then(|| (ids::letter_position(inner), None))
            .filter(|(l, _)| l.is_some());
    }
    if !inner.chars().all(char::is_alphabetic) || inner.chars().count() > 4 {
        return None;
    }
    let letter = ids::letter_position(inner);
    let roman = if inner.chars().all(|c| c.is_ascii_lowercase()) {
        ids::parse_roman(inner)
    } else {
        None
    };
    // Unbracketed labels (`a)`) must be a single letter or a roman numeral.
    if !parenthesised && letter.is_none() && roman.is_none() {
        return None;
    }
    (letter.is_some() || roman.is_some()).then_some((letter, roman))
}

/// A footnote body at the start of a line: `(4) …`, `¹ …`, `⁽¹⁾ …`. Returns (number,
/// byte offset of the body text).
pub(super) fn footnote_start(line: &str) -> Option<(u32, usize)> {
    if let Some(rest) = line.strip_prefix('(') {
        let (n, used) = read_digits(rest, 3, digit_value)?;
        let rest = &rest[used..];
        let rest = rest.strip_prefix(')')?;
        let spaces = skip_spaces(rest);
        // Chinese text follows the marker without a space: `(1)联合国，《条约汇编》`.
        let wide = rest.chars().next().is_some_and(super::lexicon::is_wide);
        if (spaces == 0 && !wide) || rest[spaces..].is_empty() {
            return None;
        }
        return Some((n, line.len() - rest.len() + spaces));
    }
    let open = if line.starts_with('\u{207D}') {
        '\u{207D}'.len_utf8()
    } else {
        0
    };
    let (n, used) = read_digits(&line[open..], 3, superscript_value)?;
    let mut at = open + used;
    if line[at..].starts_with('\u{207E}') {
        at += '\u{207E}'.len_utf8();
    }
    at += skip_spaces(&line[at..]);
    (!line[at..].is_empty()).then_some((n, at))
}

/// An endnote of a list of notes, numbered twice as an export to HTML writes it and a browser
/// prints it: `1. (1) United Nations …`. Returns (number, byte offset of the body text).
pub(super) fn endnote_start(line: &str) -> Option<(u32, usize)> {
    let (n, used) = read_digits(line, 3, |c| c.to_digit(10))?;
    let rest = line[used..].strip_prefix('.')?;
    let spaces = skip_spaces(rest);
    let at = line.len() - rest.len() + spaces;
    let (m, offset) = footnote_start(&line[at..])?;
    (m == n && spaces > 0).then_some((n, at + offset))
}

/// Style of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Plain,
    Italic,
    Bold,
}

/// A piece of a line: text in a style, or a footnote marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    Text { style: Style, range: Range<usize> },
    Marker { number: u32, range: Range<usize> },
}

/// What the tokenizer needs to know about footnote markers.
#[derive(Debug, Default)]
pub(super) struct MarkerState {
    /// Plain `(4)` markers are in use (the document has no superscript markers).
    pub plain: bool,
    /// Numbers of the footnote bodies found in the document.
    pub bodies: HashSet<u32>,
    /// The next plain marker expected.
    pub next: u32,
}

/// Split `source[range]` into styled pieces and footnote markers. `*` and `**` toggle
/// italic and bold and are dropped, as are stray superscript parentheses.
pub(super) fn tokenize(
    source: &str,
    range: Range<usize>,
    markers: &mut MarkerState,
    out: &mut Vec<Piece>,
) {
    let Some(s) = source.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let (mut bold, mut italic) = (false, false);
    let mut run_start = 0;
    let mut i = 0;
    let style = |bold: bool, italic: bool| match (bold, italic) {
        (true, _) => Style::Bold,
        (false, true) => Style::Italic,
        _ => Style::Plain,
    };
    let flush = |from: usize, to: usize, st: Style, out: &mut Vec<Piece>| {
        if to > from {
            out.push(Piece::Text {
                style: st,
                range: base + from..base + to,
            });
        }
    };
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        match c {
            '*' => {
                flush(run_start, i, style(bold, italic), out);
                let stars = s[i..].bytes().take_while(|b| *b == b'*').count();
                if stars >= 2 {
                    bold = !bold;
                } else {
                    italic = !italic;
                }
                i += stars;
                run_start = i;
            }
            '\u{207D}'
            | '\u{207E}'
            | '\u{00B9}'
            | '\u{00B2}'
            | '\u{00B3}'
            | '\u{2070}'
            | '\u{2074}'..='\u{2079}' => {
                flush(run_start, i, style(bold, italic), out);
                i += superscript_marker(s, i, base, out);
                run_start = i;
            }
            '(' if markers.plain => {
                if let Some((n, len)) = plain_marker_at(s, i, markers) {
                    flush(run_start, i, style(bold, italic), out);
                    out.push(Piece::Marker {
                        number: n,
                        range: base + i..base + i + len,
                    });
                    i += len;
                    run_start = i;
                } else {
                    i += 1;
                }
            }
            _ => i += c.len_utf8(),
        }
    }
    flush(run_start, s.len(), style(bold, italic), out);
}

/// Read a superscript marker at `i` (`⁽¹²⁾`, `³`); push it; return bytes consumed.
fn superscript_marker(s: &str, i: usize, base: usize, out: &mut Vec<Piece>) -> usize {
    let mut at = i;
    if s[at..].starts_with('\u{207D}') {
        at += '\u{207D}'.len_utf8();
    }
    let digits = read_digits(&s[at..], 4, superscript_value);
    if let Some((_, used)) = digits {
        at += used;
    }
    if s[at..].starts_with('\u{207E}') {
        at += '\u{207E}'.len_utf8();
    }
    if let Some((n, _)) = digits {
        out.push(Piece::Marker {
            number: n,
            range: base + i..base + at,
        });
    }
    if at == i {
        // A lone closing parenthesis: drop it.
        at += s[i..].chars().next().map_or(1, char::len_utf8);
    }
    at - i
}

/// A plain `(N)` footnote marker at `i`: N has a body, comes in sequence, and does not
/// follow a number (`المادة 2 (4)` is an article paragraph, not a marker).
fn plain_marker_at(s: &str, i: usize, markers: &mut MarkerState) -> Option<(u32, usize)> {
    if i == 0 {
        return None;
    }
    let rest = &s[i + 1..];
    let (n, used) = read_digits(rest, 3, digit_value)?;
    if !rest[used..].starts_with(')') {
        return None;
    }
    if !markers.bodies.contains(&n) || n < markers.next || n > markers.next + 2 {
        return None;
    }
    let before = &s[..i];
    let trimmed = before.trim_end();
    if trimmed.len() < before.len() && trimmed.chars().next_back().and_then(digit_value).is_some() {
        return None;
    }
    markers.next = n + 1;
    Some((n, used + 2))
}

/// Inline sub-paragraph labels in a text: `… على ما يلي: (أ) … ؛ (ب) …`. The first label
/// follows a colon, each next one a separator, in alphabet order. Returns (label start,
/// content start, label, position) for each, when there are at least two.
pub(super) fn inline_labels(s: &str) -> Vec<(usize, usize, String, usize)> {
    let mut found: Vec<(usize, usize, String, usize)> = Vec::new();
    for at in label_candidates(s) {
        let Some(label) = sub_label(&s[at..]) else {
            continue;
        };
        let expected = found.last().map_or(1, |f| f.3 + 1);
        if !label.is_letter(expected) {
            continue;
        }
        let pos = expected;
        let before = s[..at].trim_end();
        let prev = before.chars().next_back();
        let last_word = before
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .to_lowercase();
        let ok = match prev {
            Some(':') | Some('：') => true,
            Some('؛' | ';' | '،' | ',' | '；' | '，') => pos > 1,
            // `in (a) preventing …, (b) …` and `…, and (c) …` in the Latin and Cyrillic
            // languages: the first label after a word, the next after a separator or `and`.
            Some(c) if c.is_alphabetic() && !lexicon::is_arabic_letter(c) => {
                pos == 1
                    || (pos > 1
                        && matches!(
                            last_word.as_str(),
                            "and" | "or" | "et" | "ou" | "y" | "o" | "e" | "и" | "или"
                        ))
            }
            _ => false,
        };
        if ok {
            found.push((at, at + label.content, label.text, pos));
        }
    }
    if found.len() < 2 {
        found.clear();
    }
    found
}

/// Where an inline label may start, in order: each `(`, and each word of at most four
/// letters closed by `)` (`a)` in French, Spanish and Russian texts).
fn label_candidates(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut word_start = Some(0);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => {
                out.push(i);
                word_start = None;
            }
            ')' => {
                if let Some(start) = word_start
                    && start < i
                    && s[start..i].chars().count() <= 4
                {
                    out.push(start);
                }
                word_start = None;
            }
            c if c.is_whitespace() => word_start = Some(i + c.len_utf8()),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_labels() {
        assert_eq!(number_prefix("1 - **تدعو** إلى"), Some((1, 4)));
        assert_eq!(number_prefix("١ - تدعو").map(|n| n.0), Some(1));
        assert_eq!(number_prefix("12. Calls for").map(|n| n.0), Some(12));
        assert_eq!(number_prefix("1.5 million"), None);
        assert_eq!(number_prefix("20-9 تموز"), None);
        let l = sub_label("(هـ) الدعم").unwrap();
        assert_eq!(l.letter, Some(5));
        let l = sub_label("'2' نص").unwrap();
        assert_eq!(l.second, Some(2));
        let l = sub_label("(ii) text").unwrap();
        assert_eq!(l.second, Some(2));
        assert!(sub_label("(كوفيد-19) نص").is_none());
        assert_eq!(sub_label("а) текст").unwrap().letter, Some(1));
        assert_eq!(footnote_start("(1) United Nations").map(|f| f.0), Some(1));
        assert_eq!(footnote_start("¹ United Nations").map(|f| f.0), Some(1));
        assert_eq!(endnote_start("2. (2) Resolution 60/288. ↩"), Some((2, 7)));
        assert_eq!(footnote_start("(1)联合国，《条约汇编》"), Some((1, 3)));
        assert_eq!(footnote_start("(1)x"), None);
        assert_eq!(endnote_start("2. (3) Resolution 60/288."), None);
        assert_eq!(endnote_start("2. Resolution 60/288."), None);
    }

    #[test]
    fn inline_latin_sequences() {
        let s = "Calls for cooperation in (a) preventing crime, (b) countering terrorism and (c) policing;";
        let labels: Vec<String> = inline_labels(s).into_iter().map(|l| l.2).collect();
        assert_eq!(labels, ["a", "b", "c"]);
        assert!(inline_labels("resolution 2231 (a) of the Council").is_empty());
        let s = "pour ce qui est : a) de prévenir ; b) de combattre ;";
        let labels: Vec<String> = inline_labels(s).into_iter().map(|l| l.2).collect();
        assert_eq!(labels, ["a", "b"]);
        // Russian texts mix Latin letters and Cyrillic look-alikes.
        let s = "рекомендует: a) одно; b) другое; с) третье;";
        assert_eq!(inline_labels(s).len(), 3);
    }

    #[test]
    fn inline_sequences() {
        let s = "على ما يلي: (أ) منع؛ (ب) منع الإرهاب؛";
        let found = inline_labels(s);
        assert_eq!(found.len(), 2);
        assert!(inline_labels("المادة 2 (4) من الميثاق").is_empty());
    }
}
