//! XML text helpers: escaping, XML 1.0 character filtering, ISO dates, URI encoding.

/// True for characters XML 1.0 allows (`#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
/// [#x10000-#x10FFFF]`).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || ('\u{20}'..='\u{D7FF}').contains(&c)
        || ('\u{E000}'..='\u{FFFD}').contains(&c)
        || c >= '\u{10000}'
}

/// Append `s` escaped as element text, dropping characters XML 1.0 forbids.
pub(crate) fn text_into(out: &mut String, s: &str) {
    for c in s.chars().filter(|c| allowed(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            other => out.push(other),
        }
    }
}

/// `s` escaped as element text.
pub(super) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    text_into(&mut out, s);
    out
}

/// `s` escaped as an attribute value (in double quotes), white space kept as written.
pub(super) fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| allowed(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            other => out.push(other),
        }
    }
    out
}

/// `YYYY-MM-DD` with plausible month and day (what `xsd:date` accepts, without time zone).
pub(crate) fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    y > 0 && (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// Percent-encode what may not stand in a URI path segment as written (space, `%`, `"`,
/// `<`, `>`, `#`, `?`, controls and non-ASCII as UTF-8).
pub(crate) fn uri_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let keep = c.is_ascii_alphanumeric() || "-._~/()*,;:=+!$&'@".contains(c);
        if keep {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// A string usable as an `eId` / NCName: letters, digits, `_`, `-`, `.`; must not start with
/// a digit, `-` or `.`.
pub(crate) fn ncname(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if out
        .chars()
        .next()
        .is_none_or(|c| !(c.is_ascii_alphabetic() || c == '_'))
    {
        out.insert(0, '_');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_filters() {
        assert_eq!(text("a<b>&\u{1}c\u{FFFE}"), "a&lt;b&gt;&amp;c");
        assert_eq!(attr("\"x\"\n"), "&quot;x&quot;&#10;");
    }

    #[test]
    fn dates_and_names() {
        assert!(is_iso_date("2020-11-23"));
        assert!(!is_iso_date("2020-13-01"));
        assert!(!is_iso_date("23/11/2020"));
        assert_eq!(ncname("1 a"), "_1_a");
        assert_eq!(uri_path("S/RES/2250 (2015)"), "S/RES/2250%20(2015)");
    }
}
