//! Pinpoint citations: the paragraph of the cited document that the text names just before a
//! reference — "paragraph 5 of resolution 60/288", "paragraph 2 (b) of its resolution …",
//! "الفقرة 5 من القرار 60/288", "paragraphe 5 de sa résolution …", "párrafo 5 de la
//! resolución …", "пункт 5 резолюции …".

use super::ids::{letter_position, operative_id, sub_id};
use super::model::{Document, Run, RunKind};

/// Words that name a paragraph, in the six languages (lower case).
const KEYWORDS: &[&str] = &[
    "paragraph",
    "paragraphs",
    "para.",
    "paras.",
    "الفقرة",
    "الفقرتين",
    "الفقرات",
    "بالفقرة",
    "للفقرة",
    "paragraphe",
    "paragraphes",
    "párrafo",
    "párrafos",
    "пункт",
    "пункта",
    "пункте",
    "пунктом",
    "пункты",
    "пунктов",
];

/// At most this many characters may stand between the pinpoint and the reference
/// ("of its resolution", "من قرارها").
const MAX_GAP: usize = 40;

/// The id, in the cited document, of the paragraph that reference `index` pinpoints.
pub fn pinpoint(doc: &Document, index: usize) -> Option<String> {
    let r = doc.references.get(index)?;
    let runs: &[Run] = match doc.paragraph(&r.paragraph) {
        Some(p) => &p.runs,
        None => &doc.footnote(&r.paragraph)?.runs,
    };
    let at = runs.iter().position(
        |run| matches!(run.kind, RunKind::Reference { reference } if reference == index),
    )?;
    let before: String = runs[..at].iter().map(|run| run.text.as_str()).collect();
    pinpoint_before(&before)
}

/// The pinpoint at the end of `text` (what stands just before a reference).
pub(crate) fn pinpoint_before(text: &str) -> Option<String> {
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            _ => c,
        })
        .collect();
    let tail_start = ascii
        .char_indices()
        .rev()
        .nth(MAX_GAP + 30)
        .map(|(i, _)| i)
        .unwrap_or(0);
    let tail = &ascii[tail_start..];
    let lower = tail.to_lowercase();
    // The last paragraph keyword in the tail.
    let (kw_end, _) = KEYWORDS
        .iter()
        .filter_map(|k| {
            lower.rmatch_indices(k).find_map(|(i, m)| {
                let before_ok = lower[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphabetic());
                before_ok.then_some((i + m.len(), i))
            })
        })
        .max_by_key(|(_, start)| *start)?;
    let rest = &lower[kw_end..];
    let rest_trim = rest.trim_start();
    let digits: String = rest_trim.chars().take_while(char::is_ascii_digit).collect();
    let number: u32 = digits.parse().ok()?;
    let mut after = rest_trim[digits.len()..].trim_start();
    let mut id = operative_id(number);
    // "(b)" / "(ب)" right after the number.
    if let Some(inner) = after.strip_prefix('(')
        && let Some(close) = inner.find(')')
        && let Some(pos) = letter_position(&inner[..close])
    {
        id = sub_id(&id, 1, pos);
        after = inner[close + 1..].trim_start();
    }
    // Only linking words may follow: no other number (then it pinpoints something else).
    if after.chars().count() > MAX_GAP || after.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::pinpoint_before;

    #[test]
    fn pinpoints_in_each_language() {
        let cases = [
            ("Recalling paragraph 5 of its resolution ", Some("para_5")),
            (
                "as requested in paragraph 2 (b) of resolution ",
                Some("para_2_b"),
            ),
            ("وإذ تشير إلى الفقرة 5 من قرارها ", Some("para_5")),
            ("وإذ تشير إلى الفقرة ٣ (ب) من القرار ", Some("para_3_b")),
            (
                "conformément au paragraphe 7 de sa résolution ",
                Some("para_7"),
            ),
            (
                "de conformidad con el párrafo 4 de la resolución ",
                Some("para_4"),
            ),
            ("ссылаясь на пункт 6 резолюции ", Some("para_6")),
            ("Recalling its resolution ", None),
            ("paragraph 5 of resolution 60/1 and resolution ", None),
            ("subparagraph 5 of resolution ", None),
        ];
        for (text, want) in cases {
            assert_eq!(pinpoint_before(text).as_deref(), want, "{text}");
        }
    }
}
