//! The resolution model: one structure for every source format and language.
//!
//! Text is stored once, in logical order, as inline [`Run`]s that know what they are.
//! Every element keeps its byte range in the (decoded, LF-normalised) source text.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Languages of the United Nations (and a fallback).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Ar,
    En,
    Fr,
    Es,
    Ru,
    Zh,
}

impl Language {
    /// ISO 639-1 code, as used in `https://undocs.org/{code}/SYMBOL`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::Ru => "ru",
            Language::Zh => "zh",
        }
    }

    /// Parse `ar`, `ara`, `en`, `eng`, `fra`, `fre`, … (case-insensitive).
    pub fn from_code(code: &str) -> Option<Language> {
        Some(match code.trim().to_ascii_lowercase().as_str() {
            "ar" | "ara" | "arabic" => Language::Ar,
            "en" | "eng" | "english" => Language::En,
            "fr" | "fra" | "fre" | "french" => Language::Fr,
            "es" | "spa" | "spanish" => Language::Es,
            "ru" | "rus" | "russian" => Language::Ru,
            "zh" | "zho" | "chi" | "chinese" => Language::Zh,
            _ => return None,
        })
    }

    pub fn direction(self) -> Direction {
        match self {
            Language::Ar => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Rtl,
    Ltr,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Rtl => "rtl",
            Direction::Ltr => "ltr",
        }
    }
}

/// Which parser produced the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    #[default]
    PlainText,
    AkomaNtoso,
}

/// Document metadata (cover page and preface).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Canonical symbol, e.g. `A/RES/75/10`.
    pub symbol: Option<String>,
    pub language: Language,
    pub direction: Direction,
    /// Issuing organ as written, e.g. `الجمعية العامة`.
    pub organ: Option<String>,
    /// Session number, e.g. 75.
    pub session: Option<u32>,
    /// Agenda item as written without the word "item", e.g. `130 (ذ)` or `130 (y)`.
    pub agenda_item: Option<String>,
    /// Adoption date, ISO 8601 (`2020-11-23`).
    pub adopted: Option<String>,
    /// Issue (distribution) date, ISO 8601 (`2020-11-30`).
    pub issued: Option<String>,
    /// Originating documents, e.g. `A/75/L.20`, `A/75/L.20/Add.1`.
    pub originating: Vec<String>,
    /// Resolution title (without the number).
    pub title: Option<String>,
    /// The cover page as written, one entry per printed block (distribution line, date,
    /// organ, session, agenda item, adoption line, origin), in order.
    #[serde(default)]
    pub cover: Vec<String>,
}

/// What an inline run of text is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RunKind {
    Plain,
    /// Preambular opener or operative verb.
    Lead,
    Emphasis,
    /// A footnote marker; the run's text is the marker as displayed (`1`).
    FootnoteMarker {
        footnote: String,
    },
    /// A cross-reference; index into [`Document::references`].
    Reference {
        reference: usize,
    },
}

/// A piece of text that knows what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub kind: RunKind,
    pub text: String,
    /// Byte range in the source text, when the run maps to one place.
    pub source: Option<Range<usize>>,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            kind: RunKind::Plain,
            text: text.into(),
            source: None,
        }
    }

    pub fn new(kind: RunKind, text: impl Into<String>, source: Option<Range<usize>>) -> Run {
        Run {
            kind,
            text: text.into(),
            source,
        }
    }

    pub fn is_marker(&self) -> bool {
        matches!(self.kind, RunKind::FootnoteMarker { .. })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    EnactingFormula,
    Preamble,
    Operative,
    SubParagraph,
    /// A paragraph of a text that is not (recognisably) a resolution.
    Plain,
}

/// A paragraph of any kind. Operative and sub-paragraphs nest through `children`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Stable id shared across languages: `preamble_3`, `para_13`, `para_13_b`, `para_2_b_ii`.
    pub id: String,
    pub kind: ParagraphKind,
    /// Operative paragraph number.
    pub number: Option<u32>,
    /// Sub-paragraph label as written (`أ`, `b`, `ii`, `1`).
    pub label: Option<String>,
    /// Opener or verb as written.
    pub lead: Option<String>,
    pub runs: Vec<Run>,
    pub children: Vec<Paragraph>,
    /// Byte range of the whole paragraph in the source.
    pub source: Range<usize>,
    /// The source file's own identifier (`eId`), when it has one.
    pub source_id: Option<String>,
}

impl Paragraph {
    pub fn new(id: impl Into<String>, kind: ParagraphKind) -> Paragraph {
        Paragraph {
            id: id.into(),
            kind,
            number: None,
            label: None,
            lead: None,
            runs: Vec::new(),
            children: Vec::new(),
            source: 0..0,
            source_id: None,
        }
    }

    /// The paragraph's whole plain text: lead included, footnote markers removed.
    pub fn text(&self) -> String {
        runs_text(&self.runs)
    }

    /// This paragraph and all its descendants, depth first, with their depth (0 = self).
    pub fn walk(&self) -> Vec<(usize, &Paragraph)> {
        let mut out = Vec::new();
        fn go<'a>(p: &'a Paragraph, depth: usize, out: &mut Vec<(usize, &'a Paragraph)>) {
            out.push((depth, p));
            for c in &p.children {
                go(c, depth + 1, out);
            }
        }
        go(self, 0, &mut out);
        out
    }
}

/// Concatenate runs, leaving footnote markers out.
pub fn runs_text(runs: &[Run]) -> String {
    runs.iter()
        .filter(|r| !r.is_marker())
        .map(|r| r.text.as_str())
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    /// `fn_1` …
    pub id: String,
    /// The marker as printed (`1`).
    pub marker: String,
    /// Id of the paragraph whose text holds the marker.
    pub paragraph: Option<String>,
    pub runs: Vec<Run>,
    pub source: Range<usize>,
}

impl Footnote {
    pub fn text(&self) -> String {
        runs_text(&self.runs)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    Resolution,
    Decision,
    Document,
    Treaty,
    Paragraph,
}

impl ReferenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReferenceKind::Resolution => "resolution",
            ReferenceKind::Decision => "decision",
            ReferenceKind::Document => "document",
            ReferenceKind::Treaty => "treaty",
            ReferenceKind::Paragraph => "paragraph",
        }
    }
}

/// A cross-reference found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    pub kind: ReferenceKind,
    /// Canonical target: `A/RES/60/288`, `E/RES/2019/19`, `S/RES/2250 (2015)`,
    /// `A/DEC/60/519`, `A/60/88/Corr.2`, a treaty citation, or a paragraph id (`para_2`).
    pub target: String,
    /// Surface text as written (`288/60`).
    pub text: String,
    /// Id of the paragraph or footnote the reference stands in.
    pub paragraph: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Something the parser noticed and the reader may want to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub source: Option<Range<usize>>,
}

impl Diagnostic {
    pub fn warning(message: impl Into<String>, source: Option<Range<usize>>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            message: message.into(),
            source,
        }
    }

    pub fn info(message: impl Into<String>, source: Option<Range<usize>>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Info,
            message: message.into(),
            source,
        }
    }
}

/// Closing block: meeting and date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Closing {
    /// As written, e.g. `الجلسة العامة 30` / `30th plenary meeting`.
    pub meeting: Option<String>,
    /// As written.
    pub date_text: Option<String>,
    /// ISO 8601.
    pub date: Option<String>,
}

/// A parsed resolution (or any text, as plain paragraphs).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub meta: Metadata,
    pub format: SourceFormat,
    /// The decoded, LF-normalised source text that byte ranges point into.
    #[serde(skip)]
    pub source_text: String,
    /// Name of the encoding the file was decoded from (`UTF-8`, `windows-1256`, …).
    pub encoding: String,
    /// The title line as written with its number, e.g. `10/75 - التعاون …`.
    pub title_line: Option<String>,
    pub enacting_formula: Option<Paragraph>,
    pub preamble: Vec<Paragraph>,
    pub operative: Vec<Paragraph>,
    /// Paragraphs of a text that is not a resolution.
    pub body: Vec<Paragraph>,
    pub footnotes: Vec<Footnote>,
    pub references: Vec<Reference>,
    pub closing: Option<Closing>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Every paragraph in reading order (enacting formula, preamble, operative with their
    /// sub-paragraphs depth first, then plain body paragraphs), with nesting depth.
    pub fn paragraphs(&self) -> Vec<(usize, &Paragraph)> {
        let mut out = Vec::new();
        if let Some(f) = &self.enacting_formula {
            out.push((0, f));
        }
        for p in &self.preamble {
            out.push((0, p));
        }
        for p in &self.operative {
            out.extend(p.walk());
        }
        for p in &self.body {
            out.extend(p.walk());
        }
        out
    }

    /// Find a paragraph (at any depth) by id.
    pub fn paragraph(&self, id: &str) -> Option<&Paragraph> {
        self.paragraphs()
            .into_iter()
            .map(|(_, p)| p)
            .find(|p| p.id == id)
    }

    pub fn footnote(&self, id: &str) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.id == id)
    }

    /// True when the text was recognised as a resolution (it has preamble or operative parts).
    pub fn is_resolution(&self) -> bool {
        !self.preamble.is_empty() || !self.operative.is_empty()
    }
}
