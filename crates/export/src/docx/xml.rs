//! WordprocessingML writing: XML escaping, right-to-left script chunks, run and paragraph
//! properties and text runs.

use qarar_util::script;
use std::fmt::Write as _;

/// True for characters allowed in XML 1.0 documents.
fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escape `& < > " '` and drop characters XML 1.0 does not allow.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if xml_allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// A left-to-right letter (Latin in an Arabic paragraph: `A/75/L.20`); harakat are not.
fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && script::is_ltr(c)
}

/// Split a right-to-left paragraph's text into (chunk, is_rtl): Latin stretches (`A/75/L.20`,
/// `United Nations, Treaty Series`) are left-to-right runs, the rest right-to-left.
pub(crate) fn script_chunks(text: &str) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<(String, bool)> = Vec::new();
    let push = |s: &[char], rtl: bool, out: &mut Vec<(String, bool)>| {
        if s.is_empty() {
            return;
        }
        match out.last_mut() {
            Some((t, r)) if *r == rtl => t.extend(s),
            _ => out.push((s.iter().collect(), rtl)),
        }
    };
    // The first letter at or after each position, found in one pass from the right (a search
    // forward from every character was quadratic in long stretches without letters).
    let mut next_letter: Vec<Option<char>> = vec![None; chars.len() + 1];
    for (j, &c) in chars.iter().enumerate().rev() {
        next_letter[j] = if c.is_alphabetic() {
            Some(c)
        } else {
            next_letter[j + 1]
        };
    }
    let next_strong = |from: usize| next_letter.get(from).copied().flatten();
    let mut i = 0;
    let mut start = 0;
    while i < chars.len() {
        if is_latin_letter(chars[i]) {
            push(&chars[start..i], true, &mut out);
            let mut j = i;
            let mut last_strong = i;
            while j < chars.len() {
                let c = chars[j];
                if is_latin_letter(c) {
                    last_strong = j;
                } else if script::is_rtl(c) || !next_strong(j).is_some_and(is_latin_letter) {
                    break;
                }
                j += 1;
            }
            // Numbers and symbol punctuation right after the last Latin letter (`L.20`).
            let mut end = last_strong + 1;
            let mut k = end;
            while k < chars.len()
                && (chars[k].is_ascii_digit() || matches!(chars[k], '.' | '/' | '-'))
            {
                k += 1;
                if chars[k - 1].is_ascii_digit() {
                    end = k;
                }
            }
            push(&chars[i..end], false, &mut out);
            i = end;
            start = end;
        } else {
            i += 1;
        }
    }
    push(&chars[start..], true, &mut out);
    out
}

/// Format of one text run.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RunFmt {
    pub(crate) style: Option<&'static str>,
    pub(crate) bold: bool,
    pub(crate) italic: bool,
    /// Text colour (hex), for scripts without italics.
    pub(crate) color: Option<&'static str>,
    pub(crate) highlight: Option<&'static str>,
}

pub(crate) fn rpr(out: &mut String, fmt: RunFmt, rtl: bool, bidi_lang: bool) {
    if fmt.style.is_none()
        && !fmt.bold
        && !fmt.italic
        && fmt.color.is_none()
        && fmt.highlight.is_none()
        && !rtl
        && !bidi_lang
    {
        return;
    }
    out.push_str("<w:rPr>");
    if let Some(s) = fmt.style {
        let _ = write!(out, "<w:rStyle w:val=\"{s}\"/>");
    }
    if fmt.bold {
        out.push_str("<w:b/><w:bCs/>");
    }
    if fmt.italic {
        out.push_str("<w:i/><w:iCs/>");
    }
    if let Some(c) = fmt.color {
        let _ = write!(out, "<w:color w:val=\"{c}\"/>");
    }
    if let Some(h) = fmt.highlight {
        let _ = write!(out, "<w:highlight w:val=\"{h}\"/>");
    }
    if rtl {
        out.push_str("<w:rtl/>");
    }
    if bidi_lang {
        out.push_str("<w:lang w:bidi=\"ar-SA\"/>");
    }
    out.push_str("</w:rPr>");
}

/// Write `text` as one or more runs (split by script in right-to-left paragraphs; line breaks
/// and tabs as `w:br`/`w:tab`).
pub(crate) fn text_runs(out: &mut String, text: &str, fmt: RunFmt, rtl_paragraph: bool) {
    runs_with(out, text, fmt, rtl_paragraph, "w:t");
}

/// [`text_runs`] for deleted text of a tracked change: the text in `w:delText`.
pub(crate) fn deleted_runs(out: &mut String, text: &str, fmt: RunFmt, rtl_paragraph: bool) {
    runs_with(out, text, fmt, rtl_paragraph, "w:delText");
}

fn runs_with(out: &mut String, text: &str, fmt: RunFmt, rtl_paragraph: bool, tag: &str) {
    if text.is_empty() {
        return;
    }
    let chunks = if rtl_paragraph {
        script_chunks(text)
    } else {
        vec![(text.to_string(), false)]
    };
    for (chunk, rtl) in chunks {
        out.push_str("<w:r>");
        rpr(out, fmt, rtl, rtl_paragraph);
        let mut pending = String::new();
        let flush = |out: &mut String, pending: &mut String| {
            if !pending.is_empty() {
                let _ = write!(
                    out,
                    "<{tag} xml:space=\"preserve\">{}</{tag}>",
                    escape(pending)
                );
                pending.clear();
            }
        };
        for c in chunk.chars() {
            match c {
                '\n' | '\u{2028}' | '\u{2029}' => {
                    flush(out, &mut pending);
                    out.push_str("<w:br/>");
                }
                '\t' => {
                    flush(out, &mut pending);
                    out.push_str("<w:tab/>");
                }
                '\r' => {}
                c => pending.push(c),
            }
        }
        flush(out, &mut pending);
        out.push_str("</w:r>");
    }
}

pub(crate) fn ppr(
    out: &mut String,
    style: Option<&str>,
    rtl: bool,
    indent_levels: usize,
    jc: Option<&str>,
) {
    out.push_str("<w:pPr>");
    if let Some(s) = style {
        let _ = write!(out, "<w:pStyle w:val=\"{s}\"/>");
    }
    if rtl {
        out.push_str("<w:bidi/>");
    }
    if indent_levels > 0 {
        // Word and LibreOffice read `w:left`/`w:right` visually even in bidi paragraphs (and
        // LibreOffice maps `w:start` to the left), so the start side is `w:right` in RTL.
        let side = if rtl { "right" } else { "left" };
        let _ = write!(out, "<w:ind w:{side}=\"{}\"/>", 720 * indent_levels);
    }
    if let Some(j) = jc {
        let _ = write!(out, "<w:jc w:val=\"{j}\"/>");
    }
    out.push_str("</w:pPr>");
}
