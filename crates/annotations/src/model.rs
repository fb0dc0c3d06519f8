//! The annotation model: what the user marked, where, in which colour, with which note and tags.

use qarar_document::model::Document;
use std::ops::Range;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// How many characters of context [`Annotation::new_on_passage`] keeps on each side.
pub(crate) const CONTEXT_CHARS: usize = 32;

/// Highlight colours. Stored by [`Color::name`]; unknown names read as [`Color::Yellow`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Color {
    #[default]
    Yellow,
    Green,
    Blue,
    Pink,
    Orange,
    Purple,
}

impl Color {
    /// Every colour, in menu order (the GUI may bind them to keys 1–6 in this order).
    pub const ALL: [Color; 6] = [
        Color::Yellow,
        Color::Green,
        Color::Blue,
        Color::Pink,
        Color::Orange,
        Color::Purple,
    ];

    /// The stored, English name: `yellow`, `green`, `blue`, `pink`, `orange`, `purple`.
    pub fn name(self) -> &'static str {
        match self {
            Color::Yellow => "yellow",
            Color::Green => "green",
            Color::Blue => "blue",
            Color::Pink => "pink",
            Color::Orange => "orange",
            Color::Purple => "purple",
        }
    }

    /// Parse a stored name (case-insensitive, surrounding white space ignored).
    pub fn from_name(name: &str) -> Option<Color> {
        let name = name.trim();
        Color::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(name))
    }

    /// Opaque highlighter colour (sRGB); draw it translucent or under the text.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Color::Yellow => [0xFF, 0xE0, 0x66],
            Color::Green => [0x9B, 0xE0, 0x8E],
            Color::Blue => [0x8E, 0xC5, 0xFF],
            Color::Pink => [0xFF, 0xA8, 0xD0],
            Color::Orange => [0xFF, 0xBE, 0x76],
            Color::Purple => [0xC9, 0xA7, 0xF5],
        }
    }
}

impl std::fmt::Display for Color {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The quoted passage and its context (W3C `TextQuoteSelector`), in the paragraph's text as
/// it was when the annotation was made.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Quote {
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters before `exact`, within the paragraph.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after `exact`, within the paragraph.
    pub suffix: String,
}

/// One annotation: a highlight, optionally with a note and tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// `urn:uuid:…` for annotations made here; any IRI for imported ones. Unique.
    pub id: String,
    /// RFC 3339, UTC.
    pub created: String,
    /// RFC 3339, UTC. The newer one wins when two versions of an annotation meet.
    pub modified: String,
    pub color: Color,
    /// The note, plain text (may be empty: a bare highlight).
    pub note: String,
    /// BCP 47 language of the note, when known (`ar`, `en`).
    pub note_language: Option<String>,
    pub tags: Vec<String>,
    /// Paragraph id (`preamble_3`, `para_13_b`) the annotation was made on; empty when an
    /// imported annotation named none.
    pub target: String,
    pub quote: Quote,
    /// Code-point range of `quote.exact` in the paragraph's [`text`](
    /// qarar_document::model::Paragraph::text), when known.
    pub position: Option<Range<usize>>,
    /// The annotation is on the whole paragraph (`quote.exact` is then its whole text).
    pub whole_paragraph: bool,
}

/// Why an annotation could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnnotationError {
    #[error("no paragraph with id `{0}` in the document")]
    NoSuchParagraph(String),
    #[error("range {start}..{end} is empty or outside paragraph `{paragraph}` ({len} characters)")]
    BadRange {
        paragraph: String,
        start: usize,
        end: usize,
        len: usize,
    },
}

impl Annotation {
    /// A new annotation on the passage `chars` (code points of the paragraph's text) of
    /// paragraph `paragraph_id`; quote, prefix and suffix ([`CONTEXT_CHARS`]) are taken from
    /// the text. Fresh `urn:uuid:` id, `created` = `modified` = now, no note, no tags.
    pub fn new_on_passage(
        doc: &Document,
        paragraph_id: &str,
        chars: Range<usize>,
        color: Color,
    ) -> Result<Annotation, AnnotationError> {
        let paragraph = doc
            .paragraph(paragraph_id)
            .ok_or_else(|| AnnotationError::NoSuchParagraph(paragraph_id.to_string()))?;
        let text: Vec<char> = paragraph.text().chars().collect();
        if chars.start >= chars.end || chars.end > text.len() {
            return Err(AnnotationError::BadRange {
                paragraph: paragraph_id.to_string(),
                start: chars.start,
                end: chars.end,
                len: text.len(),
            });
        }
        let quote = quote_of(&text, chars.clone());
        Ok(Annotation::with_target(
            paragraph_id,
            quote,
            Some(chars),
            false,
            color,
        ))
    }

    /// A new annotation on the whole paragraph `paragraph_id` (its whole text is the quote).
    pub fn new_on_paragraph(
        doc: &Document,
        paragraph_id: &str,
        color: Color,
    ) -> Result<Annotation, AnnotationError> {
        let paragraph = doc
            .paragraph(paragraph_id)
            .ok_or_else(|| AnnotationError::NoSuchParagraph(paragraph_id.to_string()))?;
        let text = paragraph.text();
        let len = text.chars().count();
        let quote = Quote {
            exact: text,
            prefix: String::new(),
            suffix: String::new(),
        };
        Ok(Annotation::with_target(
            paragraph_id,
            quote,
            Some(0..len),
            true,
            color,
        ))
    }

    fn with_target(
        paragraph_id: &str,
        quote: Quote,
        position: Option<Range<usize>>,
        whole_paragraph: bool,
        color: Color,
    ) -> Annotation {
        let now = now_rfc3339();
        Annotation {
            id: new_id(),
            created: now.clone(),
            modified: now,
            color,
            note: String::new(),
            note_language: None,
            tags: Vec::new(),
            target: paragraph_id.to_string(),
            quote,
            position,
            whole_paragraph,
        }
    }

    /// Replace the note, guess its language ([`guess_language`]) and touch `modified`.
    pub fn set_note(&mut self, note: impl Into<String>) {
        self.note = note.into();
        self.note_language = guess_language(&self.note).map(str::to_string);
        self.touch();
    }

    /// Replace the tags (trimmed, empty and duplicate ones dropped) and touch `modified`.
    pub fn set_tags<I, S>(&mut self, tags: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.tags = clean_tags(tags);
        self.touch();
    }

    /// Change the colour and touch `modified`.
    pub fn set_color(&mut self, color: Color) {
        self.color = color;
        self.touch();
    }

    /// Set `modified` to now (never earlier than the current value, so the edit wins a
    /// merge even if the clock went back).
    pub fn touch(&mut self) {
        let now = now_rfc3339();
        if compare_times(&now, &self.modified) == std::cmp::Ordering::Greater {
            self.modified = now;
        } else {
            // Clock went back or same instant: one nanosecond after the stored value.
            self.modified = parse_time(&self.modified)
                .and_then(|t| t.checked_add(time::Duration::NANOSECOND))
                .and_then(|t| t.format(&Rfc3339).ok())
                .unwrap_or(now);
        }
    }

    /// True when the annotation has a note (W3C motivation `commenting` rather than
    /// `highlighting`).
    pub fn has_note(&self) -> bool {
        !self.note.trim().is_empty()
    }
}

/// Exact quote with [`CONTEXT_CHARS`] of prefix and suffix, from the characters of a text.
pub(crate) fn quote_of(text: &[char], range: Range<usize>) -> Quote {
    let start = range.start.min(text.len());
    let end = range.end.clamp(start, text.len());
    Quote {
        exact: text[start..end].iter().collect(),
        prefix: text[start.saturating_sub(CONTEXT_CHARS)..start]
            .iter()
            .collect(),
        suffix: text[end..(end + CONTEXT_CHARS).min(text.len())]
            .iter()
            .collect(),
    }
}

/// Trim tags, drop empty ones and duplicates (first kept).
pub(crate) fn clean_tags<I, S>(tags: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    // Linear: seen tags hashed (a file with many tags used to take quadratic time).
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for tag in tags {
        let tag = tag.as_ref().trim();
        if !tag.is_empty() && seen.insert(tag.to_string()) {
            out.push(tag.to_string());
        }
    }
    out
}

/// `ar` when most letters of `text` are Arabic script, `None` otherwise (Latin letters could
/// be any of several languages).
pub fn guess_language(text: &str) -> Option<&'static str> {
    let (mut arabic, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if qarar_util::script::is_rtl(c) {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    (arabic > 0 && arabic >= other).then_some("ar")
}

/// A fresh `urn:uuid:` (random, version 4).
pub fn new_id() -> String {
    format!("urn:uuid:{}", uuid::Uuid::new_v4())
}

/// Now, UTC, RFC 3339 with sub-second digits.
pub fn now_rfc3339() -> String {
    OffsetDateTime::now_utc()
        .format(&Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_string())
}

/// Parse an RFC 3339 time.
pub(crate) fn parse_time(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s.trim(), &Rfc3339).ok()
}

/// Order two RFC 3339 times (by instant when both parse; a parseable time is newer than an
/// unparseable one; otherwise as strings).
pub(crate) fn compare_times(a: &str, b: &str) -> std::cmp::Ordering {
    match (parse_time(a), parse_time(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Greater,
        (None, Some(_)) => std::cmp::Ordering::Less,
        (None, None) => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_names_round_trip() {
        for c in Color::ALL {
            assert_eq!(Color::from_name(c.name()), Some(c));
            assert_eq!(Color::from_name(&c.name().to_uppercase()), Some(c));
        }
        assert_eq!(Color::from_name("mauve"), None);
        assert_eq!(Color::ALL.len(), 6);
    }

    #[test]
    fn quote_context_is_clamped() {
        let text: Vec<char> = "abcdef".chars().collect();
        let q = quote_of(&text, 2..4);
        assert_eq!(
            (q.prefix.as_str(), q.exact.as_str(), q.suffix.as_str()),
            ("ab", "cd", "ef")
        );
        let q = quote_of(&text, 4..99);
        assert_eq!(q.exact, "ef");
    }

    #[test]
    fn touch_moves_forward() {
        let mut a = Annotation::with_target("p", Quote::default(), None, false, Color::Blue);
        a.modified = "2999-01-01T00:00:00Z".into();
        a.touch();
        assert_eq!(
            compare_times(&a.modified, "2999-01-01T00:00:00Z"),
            std::cmp::Ordering::Greater
        );
    }

    #[test]
    fn language_guess() {
        assert_eq!(guess_language("ملاحظة عن A/RES/75/10"), Some("ar"));
        assert_eq!(guess_language("a note"), None);
        assert_eq!(guess_language(""), None);
    }

    #[test]
    fn tags_are_cleaned() {
        assert_eq!(
            clean_tags([" إرهاب ", "", "إرهاب", "x"]),
            vec!["إرهاب", "x"]
        );
    }
}
