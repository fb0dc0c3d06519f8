//! Lines of right-to-left text as PDF extraction gives them, put back in logical order:
//! numbers and labels that went to the wrong end of the line, bracketed markers with
//! their brackets reversed, punctuation moved out of place, and left-to-right footnotes of
//! a right-to-left page written backwards.

use super::inline;
use super::lexicon;
use std::borrow::Cow;

/// Put right the line starts that right-to-left extraction scrambles: `- 1تؤكد`,
/// `21 -تطلب` become `1 - تؤكد`, `21 - تطلب`; `)( ¹انظر` becomes `¹ انظر`.
fn canonical_start(line: &str) -> Cow<'_, str> {
    if let Some(glued) = glued_letter(line) {
        return Cow::Owned(glued);
    }
    let t = line.trim_start_matches([')', '(', ' ']);
    if t.len() != line.len() && t.starts_with(|c| inline::superscript_value(c).is_some()) {
        return Cow::Borrowed(t);
    }
    // `- 1تؤكد`, and `- - 1تؤكد` for a number written `1 -` followed by a dash.
    let mut undashed = line;
    while let Some(rest) = undashed.strip_prefix(['-', '–']) {
        undashed = rest.trim_start();
    }
    let (digits_at, after_dash) = if undashed.len() < line.len() {
        (line.len() - undashed.len(), true)
    } else {
        (0, false)
    };
    let s = &line[digits_at..];
    let end = s
        .char_indices()
        .find(|(_, c)| inline::digit_value(*c).is_none())
        .map_or(s.len(), |(i, _)| i);
    if end == 0 || end > 6 {
        return Cow::Borrowed(line);
    }
    let number = &s[..end];
    let mut rest = s[end..].trim_start();
    if !after_dash {
        let Some(r) = rest.strip_prefix(['-', '–']) else {
            return Cow::Borrowed(line);
        };
        rest = r.trim_start();
    }
    let arabic_next = rest.chars().next().is_some_and(lexicon::is_arabic_letter);
    if !arabic_next {
        return Cow::Borrowed(line);
    }
    Cow::Owned(format!("{number} - {rest}"))
}

/// A part letter or Roman numeral glued to the Arabic title after it (`Aاعتمادات` for
/// `A اعتمادات`): right-to-left extraction drops the space between the runs.
fn glued_letter(line: &str) -> Option<String> {
    let n = line.bytes().take_while(u8::is_ascii_uppercase).count();
    let next = line[n..].chars().next()?;
    ((1..=4).contains(&n) && lexicon::is_arabic_letter(next))
        .then(|| format!("{} {}", &line[..n], &line[n..]))
}

/// A right-to-left line as extraction scrambles it, put back in logical order: the colon
/// before a label, a bracketed marker before its punctuation, the run of numbers and
/// punctuation at the end, the number at the start.
pub(super) fn unscramble(raw: &str) -> Cow<'_, str> {
    if !raw.chars().any(lexicon::is_arabic_letter) {
        return reversed_note(raw).map_or(Cow::Borrowed(raw), Cow::Owned);
    }
    let mut line = colon_before_label(raw);
    if let Cow::Owned(o) = marker_before_punctuation(&line) {
        line = Cow::Owned(o);
    }
    if let Some(o) = logical_tail(&line) {
        line = Cow::Owned(o);
    }
    match line {
        Cow::Borrowed(b) => canonical_start(b),
        Cow::Owned(o) => Cow::Owned(canonical_start(&o).into_owned()),
    }
}

/// A footnote in a left-to-right script on a right-to-left page, as extraction gives it:
/// its final stop first and its bracketed marker last, brackets reversed
/// (`.United Nations, Treaty Series, vol. 2225 )( ³` for `³ United Nations, … 2225.`).
fn reversed_note(line: &str) -> Option<String> {
    let t = line.trim_end();
    let digits = t.trim_end_matches(|c| inline::superscript_value(c).is_some());
    if digits.len() == t.len() {
        return None;
    }
    let marker = &t[digits.len()..];
    let body = digits.trim_end().strip_suffix(")(")?.trim();
    let (stop, body) = match body.chars().next() {
        Some(c @ ('.' | ',' | ';')) => (Some(c), body[1..].trim_start()),
        _ => (None, body),
    };
    if body.is_empty() {
        return None;
    }
    let mut out = format!("{marker} {body}");
    out.extend(stop);
    Some(out)
}

/// `(،)⁶` for `(⁶)،`: the superscript marker left its brackets and the punctuation after
/// them went in.
fn marker_before_punctuation(line: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut from = 0;
    let mut search = 0;
    while let Some(off) = line[search..].find('(') {
        let at = search + off;
        search = at + 1;
        let inner = &line[at + 1..];
        let Some(p) = inner
            .chars()
            .next()
            .filter(|c| matches!(c, '،' | '؛' | '.' | ',' | ':'))
        else {
            continue;
        };
        let Some(after) = inner[p.len_utf8()..].strip_prefix(')') else {
            continue;
        };
        let sup_len: usize = after
            .chars()
            .take_while(|&c| inline::superscript_value(c).is_some())
            .map(char::len_utf8)
            .sum();
        if sup_len == 0 {
            continue;
        }
        let buf = out.get_or_insert_with(|| String::with_capacity(line.len()));
        buf.push_str(&line[from..at]);
        buf.push('(');
        buf.push_str(&after[..sup_len]);
        buf.push(')');
        buf.push(p);
        from = at + 1 + p.len_utf8() + 1 + sup_len;
        search = from;
    }
    match out {
        Some(mut buf) => {
            buf.push_str(&line[from..]);
            Cow::Owned(buf)
        }
        None => Cow::Borrowed(line),
    }
}

/// The end of a right-to-left line after its last Arabic letter, when it is a run of
/// numbers, brackets and markers that begins with the line's closing punctuation
/// (`،)⁴(2012` for `2012(⁴)،`, `.75/188` for `75/188.`): extraction wrote its pieces
/// in reverse order. The pieces (numbers kept whole) are put back in order.
fn logical_tail(line: &str) -> Option<String> {
    let (last, c) = line
        .char_indices()
        .rfind(|(_, c)| lexicon::is_arabic_letter(*c))?;
    let head_end = last + c.len_utf8();
    let tail = line[head_end..].trim();
    if !tail.starts_with(['،', '؛', '.', ':']) || tail.chars().any(char::is_alphabetic) {
        return None;
    }
    let mut pieces: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < tail.len() {
        let rest = &tail[i..];
        let number: usize = rest
            .char_indices()
            .take_while(|&(k, ch)| {
                inline::digit_value(ch).is_some()
                    || (k > 0
                        && matches!(ch, '/' | '.' | ',' | '-')
                        && rest[k + 1..].starts_with(|d: char| d.is_ascii_digit()))
            })
            .map(|(_, ch)| ch.len_utf8())
            .sum();
        let len = if number > 0 {
            number
        } else {
            rest.chars().next().map_or(1, char::len_utf8)
        };
        pieces.push(&rest[..len]);
        i += len;
    }
    if pieces.len() < 2 {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    out.push_str(&line[..head_end]);
    if line[head_end..].starts_with(char::is_whitespace) {
        out.push(' ');
    }
    for p in pieces.iter().rev() {
        out.push_str(p);
    }
    Some(out)
}

/// A colon that right-to-left extraction put inside the bracket of the label after it
/// (`يلي( :أ) منع` for `يلي: (أ) منع`) put back before it.
fn colon_before_label(line: &str) -> Cow<'_, str> {
    if !line.contains("(:") && !line.contains("( :") {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 2);
    let mut rest = line;
    while let Some(at) = rest.find('(') {
        let after = &rest[at + 1..];
        let inner = after.trim_start_matches(' ');
        if let Some(label) = inner.strip_prefix(':')
            && label.trim_start().starts_with(lexicon::is_arabic_letter)
        {
            out.push_str(rest[..at].trim_end());
            out.push_str(": (");
            rest = label.trim_start();
        } else {
            out.push_str(&rest[..=at]);
            rest = after;
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrambled_starts() {
        assert_eq!(canonical_start("- 1تؤكد أن"), "1 - تؤكد أن");
        assert_eq!(canonical_start("21 -تطلب"), "21 - تطلب");
        assert_eq!(canonical_start("- 19 تحيط"), "19 - تحيط");
        assert_eq!(canonical_start(")( ¹انظر"), "¹انظر");
        assert_eq!(canonical_start("1. Welcomes"), "1. Welcomes");
        assert_eq!(canonical_start("- .75/188حرية"), "- .75/188حرية");
        assert_eq!(canonical_start("- - 12تشجع الدول"), "12 - تشجع الدول");
        assert_eq!(
            canonical_start("Aاعتمادات الميزانية"),
            "A اعتمادات الميزانية"
        );
        assert_eq!(canonical_start("Annex"), "Annex");
        assert_eq!(
            colon_before_label("على ما يلي( :أ) منع؛ (ب) منع"),
            "على ما يلي: (أ) منع؛ (ب) منع"
        );
        assert_eq!(colon_before_label("(a) text (: x"), "(a) text (: x");
        assert_eq!(unscramble("يعول عليها(،)⁶"), "يعول عليها(⁶)،");
        assert_eq!(
            unscramble("في 5 تشرين الأول/أكتوبر ،)⁴(2012"),
            "في 5 تشرين الأول/أكتوبر 2012(⁴)،"
        );
        assert_eq!(unscramble("حرية الدين .75/188"), "حرية الدين 75/188.");
        assert_eq!(unscramble("Recalling 75/188."), "Recalling 75/188.");
        assert_eq!(unscramble("على الصعيد العالمي،"), "على الصعيد العالمي،");
    }

    #[test]
    fn reversed_latin_footnotes_are_put_back() {
        assert_eq!(
            unscramble(".United Nations, Treaty Series, vol. 2225, No. 39574 )( ³"),
            "³ United Nations, Treaty Series, vol. 2225, No. 39574."
        );
        assert_eq!(unscramble(".CEDAW/C/GC/38 )( ⁹"), "⁹ CEDAW/C/GC/38.");
        assert_eq!(
            unscramble("Recalling its resolution 1 (2020)"),
            "Recalling its resolution 1 (2020)"
        );
    }
}
