//! Cross-reference detection: resolutions, decisions, document symbols, treaties and
//! internal references ("paragraph 2 above").
//!
//! Detection works on the text of one paragraph (or footnote) at a time. The text is cut
//! into tokens (words, numbers, punctuation and Latin UN symbols such as `A/60/88/Corr.2`)
//! and a small state machine follows cue words:
//!
//! - a resolution or decision cue (`القرار`, `قرارها`, `قراري`, `المقرر`, `resolution`,
//!   `decisions`, …), optionally with an organ (`مجلس الأمن`, `Economic and Social Council`),
//!   makes the following `a/b` number a reference; the cue carries over a list joined by
//!   `و`, `and` or commas, across date phrases (`المؤرخ 21 تشرين الثاني/نوفمبر 2016`);
//! - in Arabic plain text the numbers are in right-to-left reading order (`288/60` is
//!   60/288), elsewhere in natural order;
//! - slash numbers without a cue (`I-24/7`, dates) and numbers inside symbols are ignored;
//! - `Treaty Series, vol. N, No. M` is a treaty citation; `paragraph 2 above` and
//!   `الفقرة 2 أعلاه` point to `para_2`.
//!
//! Matches become [`RunKind::Reference`] runs, split out of plain and emphasis runs.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

use super::ids;
use super::model::{
    Document, Footnote, Language, Metadata, Paragraph, Reference, ReferenceKind, Run, RunKind,
    SourceFormat,
};
use crate::util::fold::{FoldOptions, fold_char};

/// Paragraph id given to references that stand on the cover page (originating documents
/// listed in [`Metadata::originating`]).
pub const METADATA_PARAGRAPH: &str = "meta";

/// Paragraph texts longer than this are scanned in pieces cut at white space, so that
/// memory stays bounded on huge paragraphs.
const CHUNK: usize = 64 * 1024;

/// Find references in every paragraph and footnote of `doc`, splitting plain runs into
/// reference runs and filling `doc.references`. References already present are kept and
/// text already inside reference runs is not detected again; running it twice changes
/// nothing.
pub fn detect(doc: &mut Document) {
    let reversed = doc.format == SourceFormat::PlainText && doc.meta.language == Language::Ar;
    let mut refs = std::mem::take(&mut doc.references);
    if let Some(p) = doc.enacting_formula.as_mut() {
        detect_paragraph(p, reversed, &mut refs);
    }
    for list in [&mut doc.preamble, &mut doc.operative, &mut doc.body] {
        for p in list.iter_mut() {
            detect_paragraph(p, reversed, &mut refs);
        }
    }
    for f in doc.footnotes.iter_mut() {
        detect_footnote(f, reversed, &mut refs);
    }
    add_metadata_references(&doc.meta, &mut refs);
    doc.references = refs;
}

/// Kind and canonical form of a UN symbol (`A/RES/60/288`, `A/60/88/Corr.2`, …). Accepts
/// an `undocs.org` address too. Segments are upper-cased except the suffixes `Add.`,
/// `Corr.`, `Rev.` and `Amend.`, which are written that way; Security Council resolutions
/// are written `S/RES/2250 (2015)`.
pub fn classify_symbol(symbol: &str) -> Option<(ReferenceKind, String)> {
    let s = strip_undocs(symbol.trim());
    if s.is_empty() {
        return None;
    }
    let canonical = canonical_symbol(s);
    let kind = symbol_kind(&canonical);
    Some((kind, canonical))
}

/// Detect in a paragraph and, recursively, its sub-paragraphs.
fn detect_paragraph(p: &mut Paragraph, reversed: bool, refs: &mut Vec<Reference>) {
    detect_runs(&mut p.runs, &p.id, reversed, refs);
    for child in p.children.iter_mut() {
        detect_paragraph(child, reversed, refs);
    }
}

/// Detect in a footnote body.
fn detect_footnote(f: &mut Footnote, reversed: bool, refs: &mut Vec<Reference>) {
    detect_runs(&mut f.runs, &f.id, reversed, refs);
}

/// Originating documents (`A/75/L.20`) stand on the cover page, which has no paragraph.
/// Only the UN symbols written in each entry are taken (`A/75/478/Add.2، الفقرة 89` gives
/// `A/75/478/Add.2`).
fn add_metadata_references(meta: &Metadata, refs: &mut Vec<Reference>) {
    for entry in &meta.originating {
        for token in tokenize(entry).iter().filter(|t| t.tok == Tok::Symbol) {
            let written = &entry[token.range()];
            let Some((kind, target)) = classify_symbol(written) else {
                continue;
            };
            let known = refs
                .iter()
                .any(|r| r.target == target && r.paragraph == METADATA_PARAGRAPH);
            if !known {
                refs.push(Reference {
                    kind,
                    target,
                    text: written.to_string(),
                    paragraph: METADATA_PARAGRAPH.to_string(),
                });
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Runs: scanning text and splitting.

/// Where one run's text sits in the paragraph's scanning text.
struct Segment {
    run: usize,
    start: usize,
    len: usize,
    /// Plain and emphasis runs may be split; others are context only.
    splittable: bool,
}

/// A reference placed in one run: local byte range, kind, target.
struct Placed {
    run: usize,
    range: Range<usize>,
    kind: ReferenceKind,
    target: String,
}

/// Detect in one list of runs owned by paragraph or footnote `owner`.
fn detect_runs(runs: &mut Vec<Run>, owner: &str, reversed: bool, refs: &mut Vec<Reference>) {
    // Every reference holds a digit (a number or a symbol with a number): runs without
    // any cannot give one.
    if !runs.iter().any(|r| !r.is_marker() && has_digit(&r.text)) {
        return;
    }
    let (text, segments) = scanning_text(runs);
    let mut placed: Vec<Placed> = scan_text(&text, reversed)
        .into_iter()
        .filter_map(|found| place(found, &segments))
        .collect();
    placed.sort_by_key(|p| (p.run, p.range.start));
    let mut last: Option<(usize, usize)> = None;
    placed.retain(|p| {
        let overlaps = last.is_some_and(|(run, end)| run == p.run && end > p.range.start);
        if !overlaps {
            last = Some((p.run, p.range.end));
        }
        !overlaps
    });
    if placed.is_empty() {
        return;
    }
    *runs = split_runs(std::mem::take(runs), placed, owner, refs);
}

/// The paragraph's text as scanned: every run's text, footnote markers replaced by one
/// space (so that `2019` + marker `1` does not read as `20191`).
fn scanning_text(runs: &[Run]) -> (String, Vec<Segment>) {
    let mut text = String::new();
    let mut segments = Vec::with_capacity(runs.len());
    for (i, run) in runs.iter().enumerate() {
        let piece = if run.is_marker() {
            " "
        } else {
            run.text.as_str()
        };
        segments.push(Segment {
            run: i,
            start: text.len(),
            len: piece.len(),
            splittable: matches!(run.kind, RunKind::Plain | RunKind::Emphasis),
        });
        text.push_str(piece);
    }
    (text, segments)
}

/// Put a match into the single splittable run that holds it (its main range, else its
/// fallback range); `None` when it straddles runs or lies in a reference run.
fn place(found: Found, segments: &[Segment]) -> Option<Placed> {
    let ranges = std::iter::once(&found.range).chain(found.fallback.as_ref());
    for range in ranges {
        if let Some(s) = holding_segment(range, segments) {
            return Some(Placed {
                run: s.run,
                range: range.start - s.start..range.end - s.start,
                kind: found.kind,
                target: found.target,
            });
        }
    }
    None
}

/// The first splittable segment that holds `range` whole. Segments tile the scanning text
/// in order, so a non-empty range can only lie in the one non-empty segment that holds
/// its first byte, found by binary search.
fn holding_segment<'a>(range: &Range<usize>, segments: &'a [Segment]) -> Option<&'a Segment> {
    let holds =
        |s: &&Segment| s.splittable && s.start <= range.start && range.end <= s.start + s.len;
    if range.is_empty() {
        return segments.iter().find(holds);
    }
    let i = segments.partition_point(|s| s.start + s.len <= range.start);
    segments.get(i).filter(holds)
}

/// Rebuild the runs with every placed reference split out into its own run.
fn split_runs(
    runs: Vec<Run>,
    placed: Vec<Placed>,
    owner: &str,
    refs: &mut Vec<Reference>,
) -> Vec<Run> {
    let mut out = Vec::with_capacity(runs.len() + 2 * placed.len());
    let mut placed = placed.into_iter().peekable();
    for (i, run) in runs.into_iter().enumerate() {
        let mut cuts = Vec::new();
        while let Some(p) = placed.next_if(|p| p.run == i) {
            cuts.push(p);
        }
        if cuts.is_empty() {
            out.push(run);
        } else {
            split_run(run, cuts, owner, refs, &mut out);
        }
    }
    out
}

/// Split one run around its references (ranges sorted, disjoint, on char boundaries).
fn split_run(
    run: Run,
    cuts: Vec<Placed>,
    owner: &str,
    refs: &mut Vec<Reference>,
    out: &mut Vec<Run>,
) {
    let exact = run.source.clone().filter(|s| s.len() == run.text.len());
    let piece = |kind: RunKind, range: Range<usize>| Run {
        kind,
        text: run.text.get(range.clone()).unwrap_or_default().to_string(),
        source: exact
            .as_ref()
            .map(|s| s.start + range.start..s.start + range.end),
    };
    let mut at = 0;
    let valid = |r: &Range<usize>, at: usize| {
        at <= r.start
            && r.start < r.end
            && run.text.is_char_boundary(r.start)
            && run.text.is_char_boundary(r.end)
    };
    for cut in cuts {
        if !valid(&cut.range, at) {
            continue;
        }
        if cut.range.start > at {
            out.push(piece(run.kind.clone(), at..cut.range.start));
        }
        let reference = refs.len();
        refs.push(Reference {
            kind: cut.kind,
            target: cut.target,
            text: run
                .text
                .get(cut.range.clone())
                .unwrap_or_default()
                .to_string(),
            paragraph: owner.to_string(),
        });
        out.push(piece(RunKind::Reference { reference }, cut.range.clone()));
        at = cut.range.end;
    }
    if at < run.text.len() {
        out.push(piece(run.kind.clone(), at..run.text.len()));
    }
}

// ---------------------------------------------------------------------------------------
// Tokens.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// Letters (with their marks).
    Word,
    /// Digits (ASCII, Arabic-Indic or Persian).
    Number,
    /// A Latin UN symbol: `A/60/88/Corr.2`, `S/RES/2250 (2015)`.
    Symbol,
    /// Any other character but white space.
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

impl Token {
    fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// True for characters that make up words: letters, marks, tatweel, joiners.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let code = c as usize;
    if code < TABLED {
        return word_char_table()[code / 64] & (1 << (code % 64)) != 0;
    }
    is_word_char_slow(c)
}

/// Characters below this (Latin, Greek, Cyrillic, Hebrew, Arabic) are looked up in a
/// table: `char::is_alphabetic` is slow outside ASCII.
const TABLED: usize = 0x800;

/// [`is_word_char_slow`] for every character below [`TABLED`], one bit each.
fn word_char_table() -> &'static [u64; TABLED / 64] {
    static TABLE: OnceLock<[u64; TABLED / 64]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [0u64; TABLED / 64];
        for (code, c) in (0..TABLED as u32).filter_map(|u| Some((u as usize, char::from_u32(u)?))) {
            if is_word_char_slow(c) {
                table[code / 64] |= 1 << (code % 64);
            }
        }
        table
    })
}

/// The definition of [`is_word_char`].
fn is_word_char_slow(c: char) -> bool {
    c.is_alphabetic()
        || matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}' | '\u{0640}' | '\u{200C}' | '\u{200D}')
}

/// True for ASCII, Arabic-Indic and Persian digits.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// Cut `text` into tokens.
fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    while let Some(c) = text.get(pos..).and_then(|s| s.chars().next()) {
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let (tok, len) = if let Some(len) = symbol_at(text, pos) {
            (Tok::Symbol, len)
        } else if is_word_char(c) {
            (Tok::Word, span_len(&text[pos..], is_word_char))
        } else if is_digit(c) {
            (Tok::Number, span_len(&text[pos..], is_digit))
        } else {
            (Tok::Punct(c), c.len_utf8())
        };
        tokens.push(Token {
            tok,
            start: pos,
            end: pos + len,
        });
        pos += len;
    }
    tokens
}

/// Byte length of the longest prefix of `s` whose characters satisfy `pred`.
fn span_len(s: &str, pred: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !pred(c))
        .map_or(s.len(), |(i, _)| i)
}

/// The largest char boundary of `text` not above `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Cut a long text into pieces of about [`CHUNK`] bytes at white space.
fn chunks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > CHUNK {
        let mut cut = start + CHUNK;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        // Cut after the next line or clause end, else at white space, else right here.
        let window = &text[cut..floor_boundary(text, cut + 4096)];
        let space = window
            .find(['\n', '؛', ';'])
            .map(|i| i + 1)
            .or_else(|| window.get(..1024).and_then(|w| w.find(char::is_whitespace)))
            .unwrap_or(0);
        let space = floor_boundary(text, cut + space) - cut;
        out.push(start..cut + space);
        start = cut + space;
    }
    out.push(start..text.len());
    out
}

// ---------------------------------------------------------------------------------------
// UN symbols written out (`A/60/88/Corr.2`).

/// First segments of the symbols recognised in running text.
const SERIES: &[&str] = &[
    "A", "E", "S", "ST", "TD", "DP", "UNEP", "CCPR", "CRC", "CEDAW", "CERD", "CRPD", "CAT", "CMW",
];

/// Suffix segments written in title case (`Add.1`).
const SUFFIXES: &[&str] = &["Add", "Corr", "Rev", "Amend"];

/// Length of the UN symbol starting at `pos`, if one does.
fn symbol_at(text: &str, pos: usize) -> Option<usize> {
    let rest = text.get(pos..)?;
    if !rest.starts_with(|c: char| c.is_ascii_uppercase()) || attached_before(text, pos) {
        return None;
    }
    let series_len = span_len(rest, |c| c.is_ascii_uppercase());
    if !SERIES.contains(&&rest[..series_len]) {
        return None;
    }
    let mut len = series_len;
    while rest[len..].starts_with('/') {
        let seg = span_len(&rest[len + 1..], is_symbol_char);
        if seg == 0 {
            break;
        }
        len += 1 + seg;
    }
    let body = rest[..len].trim_end_matches(['.', '-']);
    let body = body.trim_end_matches('/');
    let has_digit = body.bytes().any(|b| b.is_ascii_digit());
    if !has_digit || !body[series_len..].starts_with('/') {
        return None;
    }
    Some(body.len() + security_council_year(&rest[body.len()..], body))
}

/// Characters of a symbol segment.
fn is_symbol_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.' || c == '-'
}

/// True when `text` holds an ASCII, Arabic-Indic or Persian digit (see [`is_digit`]).
fn has_digit(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.iter().any(u8::is_ascii_digit) {
        return true;
    }
    // U+0660–0669 are D9 A0–A9 in UTF-8, U+06F0–06F9 are DB B0–B9.
    bytes.iter().position(|&b| b >= 0xD9).is_some_and(|from| {
        bytes[from..].windows(2).any(|w| {
            (w[0] == 0xD9 && (0xA0..=0xA9).contains(&w[1]))
                || (w[0] == 0xDB && (0xB0..=0xB9).contains(&w[1]))
        })
    })
}

/// True when the character before `pos` glues it to a word or number (`I-24/7`, `x/60`).
fn attached_before(text: &str, pos: usize) -> bool {
    text.get(..pos)
        .and_then(|s| s.chars().next_back())
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '.' | '_'))
}

/// Length of ` (2015)` after `S/RES/2250`, or 0.
fn security_council_year(after: &str, body: &str) -> usize {
    if !body.starts_with("S/RES/") {
        return 0;
    }
    let trimmed = after.trim_start_matches(' ');
    let skipped = after.len() - trimmed.len();
    let bytes = trimmed.as_bytes();
    let year = bytes.len() >= 6
        && bytes[0] == b'('
        && bytes[1..5].iter().all(u8::is_ascii_digit)
        && bytes[5] == b')';
    if year && skipped <= 1 { skipped + 6 } else { 0 }
}

/// `https://undocs.org/ar/A/RES/51/1` → `A/RES/51/1`; other text unchanged.
fn strip_undocs(s: &str) -> &str {
    let Some(rest) = s
        .strip_prefix("https://undocs.org/")
        .or_else(|| s.strip_prefix("http://undocs.org/"))
    else {
        return s;
    };
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    match rest.split_once('/') {
        Some((lang, symbol)) if Language::from_code(lang).is_some() => symbol,
        _ => rest,
    }
}

/// Canonical spelling of a symbol: no inner spaces, series upper-cased, suffixes in title
/// case; Security Council years as ` (2015)`, early General Assembly sessions as `(XXV)`.
fn canonical_symbol(s: &str) -> String {
    let (body, paren) = match s.split_once('(') {
        Some((b, p)) => (b, Some(p.trim_end_matches(')').trim())),
        None => (s, None),
    };
    let body: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    let body = body.trim_end_matches(['.', ',']);
    let segments: Vec<String> = body.split('/').map(canonical_segment).collect();
    let mut out = segments.join("/");
    if let Some(paren) = paren.filter(|p| !p.is_empty()) {
        let space = if out.starts_with("S/") { " " } else { "" };
        out.push_str(&format!("{space}({})", paren.to_uppercase()));
    }
    out
}

/// `add.1` → `Add.1`, `conf.192` → `CONF.192`.
fn canonical_segment(segment: &str) -> String {
    let (head, tail) = segment.split_once('.').unwrap_or((segment, ""));
    match SUFFIXES.iter().find(|s| s.eq_ignore_ascii_case(head)) {
        Some(suffix) if segment.contains('.') => format!("{suffix}.{tail}"),
        _ => segment.to_uppercase(),
    }
}

/// Resolution, decision or document, by the `RES`/`DEC` segment.
fn symbol_kind(canonical: &str) -> ReferenceKind {
    let body = canonical.split(' ').next().unwrap_or(canonical);
    if body.split('/').any(|s| s == "RES") {
        ReferenceKind::Resolution
    } else if body.split('/').any(|s| s == "DEC") {
        ReferenceKind::Decision
    } else {
        ReferenceKind::Document
    }
}

// ---------------------------------------------------------------------------------------
// Word lists (compared after search folding: أ → ا, ة → ه, lowercase).

/// Resolution cues.
const RESOLUTION_CUES: &[&str] = &[
    "القرار",
    "قرار",
    "قرارها",
    "قراره",
    "قراريها",
    "قراريه",
    "قراراتها",
    "قراراته",
    "قراري",
    "قرارات",
    "القرارات",
    "القرارين",
    "قرارين",
    "resolution",
    "resolutions",
    "résolution",
    "résolutions",
    "resolución",
    "resoluciones",
    "резолюция",
    "резолюции",
    "резолюцию",
    "резолюций",
    "резолюциях",
    "резолюциями",
    "резолюцией",
];

/// Decision cues.
const DECISION_CUES: &[&str] = &[
    "المقرر",
    "مقرر",
    "مقررها",
    "مقرره",
    "مقرريها",
    "مقرراتها",
    "مقرري",
    "مقررات",
    "المقررات",
    "المقررين",
    "decision",
    "decisions",
    "décision",
    "décisions",
    "decisión",
    "decisiones",
    "решение",
    "решения",
    "решении",
    "решений",
    "решением",
];

/// Words allowed between two items of a list: date phrases.
const DATE_WORDS: &[&str] = &[
    "المورخ",
    "المؤرخ",
    "المؤرخه",
    "المؤرخين",
    "المؤرختين",
    "المؤرخان",
    "المؤرختان",
    "في",
    "عام",
    "لعام",
    "كانون",
    "الثاني",
    "الاول",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيه",
    "يونيو",
    "يوليه",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "of",
    "dated",
    "on",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "du",
    "en",
    "date",
    "de",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "от",
    "года",
    "г",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// List connectors.
const CONNECTORS: &[&str] = &["و", "and", "to", "الى", "et", "y", "и"];

/// Internal reference cues.
const PARAGRAPH_CUES: &[&str] = &[
    "الفقره",
    "الفقرتين",
    "الفقرتان",
    "الفقرات",
    "فقره",
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "paragraphe",
    "paragraphes",
    "párrafo",
    "párrafos",
    "пункт",
    "пункта",
    "пункте",
    "пункту",
    "пунктах",
    "пунктами",
    "пунктов",
];

/// Names of the United Nations Treaty Series (folded keys).
const TREATY_SERIES: &[&[&str]] = &[
    &["treaty", "series"],
    &["مجموعه", "المعاهدات"],
    &["recueil", "des", "traités"],
    &["сборник", "договоров"],
];

/// "United Nations" before the series name.
const UNITED_NATIONS: &[&[&str]] = &[
    &["united", "nations"],
    &["الامم", "المتحده"],
    &["nations", "unies"],
    &["naciones", "unidas"],
];

/// Volume labels of a treaty citation.
const VOLUME_LABELS: &[&str] = &["vol", "vols", "volume", "المجلد", "т"];

/// Registration number labels of a treaty citation.
const NUMBER_LABELS: &[&str] = &["no", "núm", "nº", "n", "الرقم", "رقم"];

/// Page labels of a treaty citation.
const PAGE_LABELS: &[&str] = &["p", "pp", "ص", "c"];

/// Words that end an internal reference list.
const PARAGRAPH_ENDS: &[&str] = &[
    "above",
    "below",
    "اعلاه",
    "ادناه",
    "supra",
    "infra",
    "выше",
    "ниже",
];

/// "of the present resolution" in several languages (folded keys).
const PRESENT_RESOLUTION: &[&[&str]] = &[
    &["of", "the", "present", "resolution"],
    &["in", "the", "present", "resolution"],
    &["من", "هذا", "القرار"],
    &["de", "la", "présente", "résolution"],
    &["de", "la", "presente", "resolución"],
    &["настоящей", "резолюции"],
];

/// The organ that issued a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Organ {
    GeneralAssembly,
    SecurityCouncil,
    Ecosoc,
    HumanRightsCouncil,
}

/// Organ names as written after a cue (Arabic, French, Spanish, Russian).
const ORGANS_AFTER: &[(&[&str], Organ)] = &[
    (&["المجلس", "الاقتصادي", "والاجتماعي"], Organ::Ecosoc),
    (&["مجلس", "الامن"], Organ::SecurityCouncil),
    (&["الجمعيه", "العامه"], Organ::GeneralAssembly),
    (&["مجلس", "حقوق", "الانسان"], Organ::HumanRightsCouncil),
    (
        &["du", "conseil", "économique", "et", "social"],
        Organ::Ecosoc,
    ),
    (&["du", "conseil", "de", "sécurité"], Organ::SecurityCouncil),
    (
        &["del", "consejo", "económico", "y", "social"],
        Organ::Ecosoc,
    ),
    (
        &["del", "consejo", "de", "seguridad"],
        Organ::SecurityCouncil,
    ),
    (&["de", "la", "asamblea", "general"], Organ::GeneralAssembly),
    (
        &["экономического", "и", "социального", "совета"],
        Organ::Ecosoc,
    ),
    (&["совета", "безопасности"], Organ::SecurityCouncil),
    (&["генеральной", "ассамблеи"], Organ::GeneralAssembly),
];

/// Organ names as written before an English cue.
const ORGANS_BEFORE: &[(&[&str], Organ)] = &[
    (&["economic", "and", "social", "council"], Organ::Ecosoc),
    (&["security", "council"], Organ::SecurityCouncil),
    (&["general", "assembly"], Organ::GeneralAssembly),
    (&["human", "rights", "council"], Organ::HumanRightsCouncil),
];

/// Search-folded form of a word (for comparison with the lists above).
fn key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    key_into(word, &mut out);
    out
}

/// [`key`] written into `out`, which is cleared first.
fn key_into(word: &str, out: &mut String) {
    const OPTIONS: FoldOptions = FoldOptions { ta_marbuta: true };
    out.clear();
    for c in word.chars().filter_map(|c| fold_char(c, OPTIONS)) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
            // Arabic letters have no case.
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Word lists a key may be in (bits of [`WordFlags`]).
const IN_RESOLUTION_CUES: u8 = 1;
const IN_DECISION_CUES: u8 = 2;
const IN_PARAGRAPH_CUES: u8 = 4;
const IN_DATE_WORDS: u8 = 8;
const IN_CONNECTORS: u8 = 16;
/// First word of a name in [`TREATY_SERIES`].
const IN_TREATY_SERIES: u8 = 32;

/// The lists a word's key is in.
#[derive(Debug, Clone, Copy)]
struct WordFlags {
    /// Lists holding the key as it is.
    exact: u8,
    /// Lists holding some form of it: as it is, or without a leading conjunction or
    /// preposition (`وبالقرار` → `القرار`, `للفقرة` → `الفقره`).
    forms: u8,
}

impl WordFlags {
    /// The lists of `key`, and of its forms.
    fn of(key: &str) -> WordFlags {
        let table = key_table();
        let lists = |k: &str| table.get(k).copied().unwrap_or(0);
        let exact = lists(key);
        let mut forms = exact;
        let long_enough = |s: &&str| s.chars().count() >= 2;
        let mut rest = key;
        if let Some(s) = rest.strip_prefix(['و', 'ف']).filter(long_enough) {
            rest = s;
            forms |= lists(s);
        }
        if let Some(s) = rest.strip_prefix(['ب', 'ل', 'ك']).filter(long_enough) {
            forms |= lists(s);
            if rest.starts_with("لل") {
                forms |= lists(&format!("ا{s}"));
            }
        }
        WordFlags { exact, forms }
    }
}

/// Every word of the lists, with the lists it is in.
fn key_table() -> &'static HashMap<&'static str, u8, BuildHasherDefault<Fnv>> {
    static TABLE: OnceLock<HashMap<&'static str, u8, BuildHasherDefault<Fnv>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::default();
        let treaty_first: Vec<&'static str> = TREATY_SERIES.iter().map(|words| words[0]).collect();
        let lists: [(&[&'static str], u8); 6] = [
            (RESOLUTION_CUES, IN_RESOLUTION_CUES),
            (DECISION_CUES, IN_DECISION_CUES),
            (PARAGRAPH_CUES, IN_PARAGRAPH_CUES),
            (DATE_WORDS, IN_DATE_WORDS),
            (CONNECTORS, IN_CONNECTORS),
            (&treaty_first, IN_TREATY_SERIES),
        ];
        for (list, bit) in lists {
            for word in list {
                *table.entry(*word).or_insert(0) |= bit;
            }
        }
        table
    })
}

/// FNV-1a: keys are short, and SipHash costs more than the rest of a lookup.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Scanning.

/// A reference found in the scanning text.
#[derive(Debug, Clone)]
struct Found {
    range: Range<usize>,
    /// A shorter surface to use when `range` straddles runs (`vol. 1996, No. 1200`).
    fallback: Option<Range<usize>>,
    kind: ReferenceKind,
    target: String,
}

/// An active resolution or decision cue.
#[derive(Debug, Clone, Copy)]
struct Cue {
    organ: Option<Organ>,
    decision: bool,
    /// No number read yet: only an organ name may come before it.
    first: bool,
    /// A list connector was read since the last number.
    connector: bool,
}

/// Find every reference in `text`, in order.
fn scan_text(text: &str, reversed: bool) -> Vec<Found> {
    let mut found = Vec::new();
    for chunk in chunks(text) {
        let piece = &text[chunk.clone()];
        if !has_digit(piece) {
            continue;
        }
        let mut scanner = Scanner {
            text: piece,
            tokens: tokenize(piece),
            reversed,
            cue: None,
            found: Vec::new(),
            key: String::new(),
        };
        scanner.run();
        found.extend(scanner.found.into_iter().map(|mut f| {
            f.range = f.range.start + chunk.start..f.range.end + chunk.start;
            f.fallback = f
                .fallback
                .map(|r| r.start + chunk.start..r.end + chunk.start);
            f
        }));
    }
    found
}

/// The state machine over one chunk's tokens.
struct Scanner<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    reversed: bool,
    cue: Option<Cue>,
    found: Vec<Found>,
    /// Scratch buffer for the key of the current word.
    key: String,
}

impl Scanner<'_> {
    /// Walk the tokens.
    fn run(&mut self) {
        let mut i = 0;
        while i < self.tokens.len() {
            i = self.step(i).max(i + 1);
        }
    }

    /// Handle token `i`; returns the index of the next token to look at.
    fn step(&mut self, i: usize) -> usize {
        let token = self.tokens[i];
        match token.tok {
            Tok::Symbol => {
                self.symbol(token);
                i + 1
            }
            Tok::Word => self.word(i),
            Tok::Number => self.number(i),
            Tok::Punct(c) => {
                self.punct(c);
                i + 1
            }
        }
    }

    /// Text of token `i`.
    fn text_of(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| self.text.get(t.range()).unwrap_or(""))
    }

    /// Folded key of word token `i` (empty for other tokens).
    fn key_of(&self, i: usize) -> String {
        match self.tokens.get(i) {
            Some(t) if t.tok == Tok::Word => key(self.text_of(i)),
            _ => String::new(),
        }
    }

    /// True when token `i` is the punctuation `c`.
    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.tok == Tok::Punct(c))
    }

    /// True when token `i` is a number.
    fn is_number(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.tok == Tok::Number)
    }

    /// True when tokens `i` and `i + 1` touch.
    fn touching(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Record a reference.
    fn push(&mut self, range: Range<usize>, kind: ReferenceKind, target: String) {
        self.found.push(Found {
            range,
            fallback: None,
            kind,
            target,
        });
    }

    /// A written-out UN symbol: always a reference; it also counts as a list item.
    fn symbol(&mut self, token: Token) {
        let written = &self.text[token.range()];
        if let Some((kind, target)) = classify_symbol(written) {
            self.push(token.range(), kind, target);
        }
        if let Some(cue) = self.cue.as_mut() {
            cue.first = false;
            cue.connector = false;
        }
    }

    /// A word: a cue, a treaty citation, an internal reference, or list filler.
    fn word(&mut self, i: usize) -> usize {
        let mut key = std::mem::take(&mut self.key);
        key_into(self.text_of(i), &mut key);
        let next = self.keyed_word(i, &key, WordFlags::of(&key));
        self.key = key;
        next
    }

    /// [`Scanner::word`] once the word's key and its lists are known.
    fn keyed_word(&mut self, i: usize, key: &str, flags: WordFlags) -> usize {
        let resolution = flags.forms & IN_RESOLUTION_CUES != 0;
        if resolution || flags.forms & IN_DECISION_CUES != 0 {
            return self.start_cue(i, !resolution);
        }
        if flags.exact & IN_TREATY_SERIES != 0
            && let Some(next) = self.treaty(i, key)
        {
            self.cue = None;
            return next;
        }
        if flags.forms & IN_PARAGRAPH_CUES != 0 {
            self.cue = None;
            return self.paragraphs(i);
        }
        self.filler_word(flags);
        i + 1
    }

    /// Start a cue at word `i`; an organ name may follow it (or precede it, in English).
    fn start_cue(&mut self, i: usize, decision: bool) -> usize {
        let mut cue = Cue {
            organ: self.english_organ_before(i),
            decision,
            first: true,
            connector: false,
        };
        let mut next = i + 1;
        if let Some((organ, after)) = self.organ_after(i + 1) {
            cue.organ = Some(organ);
            next = after;
        }
        self.cue = Some(cue);
        next
    }

    /// `Security Council` before an English cue.
    fn english_organ_before(&self, i: usize) -> Option<Organ> {
        ORGANS_BEFORE.iter().find_map(|(words, organ)| {
            let n = words.len();
            let start = i.checked_sub(n)?;
            let all = (0..n).all(|k| self.key_of(start + k) == words[k]);
            all.then_some(*organ)
        })
    }

    /// `مجلس الأمن` (or `del Consejo de Seguridad`, …) after a cue: the organ and the index after it.
    fn organ_after(&self, i: usize) -> Option<(Organ, usize)> {
        ORGANS_AFTER.iter().find_map(|(words, organ)| {
            let all = words
                .iter()
                .enumerate()
                .all(|(k, w)| self.key_of(i + k) == *w);
            all.then_some((*organ, i + words.len()))
        })
    }

    /// A word that is not a cue: a connector or date word keeps a list going; anything
    /// else ends the cue.
    fn filler_word(&mut self, flags: WordFlags) {
        let Some(cue) = self.cue.as_mut() else {
            return;
        };
        if cue.first {
            self.cue = None;
        } else if flags.exact & IN_CONNECTORS != 0 {
            cue.connector = true;
        } else if flags.forms & IN_DATE_WORDS != 0 {
            // A comma before a date phrase (`71/19, de 21 de noviembre`) connects nothing.
            cue.connector = false;
        } else {
            self.cue = None;
        }
    }

    /// Punctuation: commas connect list items, slashes belong to dates
    /// (`تشرين الثاني/نوفمبر`); anything else ends the cue.
    fn punct(&mut self, c: char) {
        let Some(cue) = self.cue.as_mut() else {
            return;
        };
        match c {
            ',' | '،' if !cue.first => cue.connector = true,
            '/' if !cue.first => {}
            _ => self.cue = None,
        }
    }

    /// A number: a reference when a cue expects one, else list filler (a day or a year
    /// between two items).
    fn number(&mut self, i: usize) -> usize {
        let Some(cue) = self.cue else {
            return i + 1;
        };
        if !(cue.first || cue.connector) {
            return i + 1;
        }
        match self.cued_number(i, cue) {
            Some(next) => {
                if let Some(c) = self.cue.as_mut() {
                    c.first = false;
                    c.connector = false;
                }
                next
            }
            None => {
                self.cue = None;
                i + 1
            }
        }
    }

    /// Try the forms a cued number takes: `60/288`, `2250 (2015)`, `2625 (XXV)`.
    fn cued_number(&mut self, i: usize, cue: Cue) -> Option<usize> {
        if let Some(next) = self.slash_number(i, cue) {
            return Some(next);
        }
        if cue.decision {
            return None;
        }
        self.numbered_with_year(i, cue)
    }

    /// `288/60` (or `60/288`): tokens number, `/`, number, touching, nothing glued around.
    fn slash_number(&mut self, i: usize, cue: Cue) -> Option<usize> {
        let shaped = self.is_punct(i + 1, '/')
            && self.is_number(i + 2)
            && self.touching(i)
            && self.touching(i + 1);
        if !shaped {
            return None;
        }
        let range = self.tokens[i].start..self.tokens[i + 2].end;
        if attached_before(self.text, range.start) || attached_after(self.text, range.end) {
            return None;
        }
        let a = small_number(self.text_of(i))?;
        let b = small_number(self.text_of(i + 2))?;
        let (kind, target) = resolve_pair(a, b, cue, self.reversed)?;
        self.push(range, kind, target);
        Some(i + 3)
    }

    /// `2250 (2015)` (Security Council) or `2625 (XXV)` / `2625 (د-25)` (early General
    /// Assembly resolutions).
    fn numbered_with_year(&mut self, i: usize, cue: Cue) -> Option<usize> {
        if !self.is_punct(i + 1, '(') || attached_before(self.text, self.tokens[i].start) {
            return None;
        }
        let n = small_number(self.text_of(i))?;
        if let Some(year) = self.year_in_parentheses(i + 1) {
            if !matches!(cue.organ, None | Some(Organ::SecurityCouncil)) {
                return None;
            }
            let range = self.tokens[i].start..self.tokens[i + 3].end;
            let target = format!("S/RES/{n} ({year})");
            self.push(range, ReferenceKind::Resolution, target);
            return Some(i + 4);
        }
        let (session, close) = self.session_in_parentheses(i + 1)?;
        if !matches!(cue.organ, None | Some(Organ::GeneralAssembly)) {
            return None;
        }
        let range = self.tokens[i].start..self.tokens[close].end;
        let target = format!("A/RES/{n}({})", ids::roman(session).to_uppercase());
        self.push(range, ReferenceKind::Resolution, target);
        Some(close + 1)
    }

    /// `(2015)` at token `open`: the year.
    fn year_in_parentheses(&self, open: usize) -> Option<u32> {
        let year = small_number(self.text_of(open + 1)).filter(|y| is_year(*y))?;
        (self.is_number(open + 1) && self.is_punct(open + 2, ')')).then_some(year)
    }

    /// `(XXV)` or `(د-25)` at token `open`: the session and the index of `)`.
    fn session_in_parentheses(&self, open: usize) -> Option<(usize, usize)> {
        let word = self.text_of(open + 1);
        if self.is_punct(open + 2, ')') {
            let session =
                ids::parse_roman(word).filter(|_| word.chars().all(|c| c.is_ascii_uppercase()))?;
            return Some((session, open + 2));
        }
        let arabic = word == "د" && self.is_punct(open + 2, '-') && self.is_number(open + 3);
        if arabic && self.is_punct(open + 4, ')') {
            let session = small_number(self.text_of(open + 3))? as usize;
            return (session > 0).then_some((session, open + 4));
        }
        None
    }

    /// `Treaty Series, vol. 1996, No. 1200` (or `مجموعة المعاهدات، المجلد 1996، الرقم
    /// 1200`, `Recueil des Traités, vol. 1996, no 1200`) starting at word `i`; returns the
    /// index after it.
    fn treaty(&mut self, i: usize, key: &str) -> Option<usize> {
        let series = TREATY_SERIES
            .iter()
            .find(|words| words[0] == key && self.phrase_at(i, words))?;
        let citation = self.treaty_citation(i + series.len())?;
        let start = self.treaty_start(i);
        let range = start..self.tokens[citation.end_token].end;
        let fallback = self.tokens[citation.vol_token].start..range.end;
        self.found.push(Found {
            range,
            fallback: Some(fallback),
            kind: ReferenceKind::Treaty,
            target: citation.target,
        });
        Some(citation.end_token + 1)
    }

    /// True when the words from token `i` on are `words` (folded keys).
    fn phrase_at(&self, i: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.key_of(i + k) == *w)
    }

    /// Start of a treaty citation: `United Nations,` (or `الأمم المتحدة،`) before
    /// `Treaty Series` when present, with any `*` markup.
    fn treaty_start(&self, i: usize) -> usize {
        let mut start = i;
        while start > 0 && self.is_punct(start - 1, '*') {
            start -= 1;
        }
        let comma = start >= 3 && (self.is_punct(start - 1, ',') || self.is_punct(start - 1, '،'));
        if comma {
            let un = UNITED_NATIONS
                .iter()
                .any(|words| self.phrase_at(start - 3, words));
            if un {
                start -= 3;
            }
        }
        self.tokens[start].start
    }

    /// `, vol. 1996, No. 1200` from token `i` on (also `vols. 2225, 2237 and 2326, No.
    /// 39574`, `vol. 75, Nos. 970–973`, `vol. 1577, p. 3`).
    fn treaty_citation(&self, mut i: usize) -> Option<TreatyCitation> {
        i = self.skip_punct(i, &['*', ',', '،', '_']);
        let vol_token = i;
        if !VOLUME_LABELS.contains(&self.key_of(i).as_str()) {
            return None;
        }
        i = self.skip_punct(i + 1, &['.']);
        let volume = self.number_text(i)?;
        let mut target = format!("UNTS vol. {volume}");
        let mut end_token = self.more_volumes(i);
        let j = self.skip_punct(end_token + 1, &[',', '،']);
        if let Some((label, k)) = self.number_label(j)
            && let Some((number, last)) = self.registration_number(k)
        {
            target.push_str(&format!(", {label} {number}"));
            end_token = last;
        }
        Some(TreatyCitation {
            vol_token,
            end_token,
            target,
        })
    }

    /// Further volumes after the first (`, 2237, 2241 and 2326`): the last volume token.
    fn more_volumes(&self, mut last: usize) -> usize {
        loop {
            let mut j = last + 1;
            if self.is_punct(j, ',') || self.is_punct(j, '،') {
                j += 1;
            }
            if CONNECTORS.contains(&self.key_of(j).as_str()) {
                j += 1;
            }
            if j == last + 1 || !self.is_number(j) {
                return last;
            }
            last = j;
        }
    }

    /// `No.`, `Nos.`, `núm.`, `no`, `n°`, `№`, `الرقم`, `p.` at token `j`: the label as
    /// written in the target and the index of the number.
    fn number_label(&self, j: usize) -> Option<(&'static str, usize)> {
        let key = self.key_of(j);
        let label = if self.is_punct(j, '№') {
            "No."
        } else if key == "nos" {
            "Nos."
        } else if NUMBER_LABELS.contains(&key.as_str()) {
            "No."
        } else if PAGE_LABELS.contains(&key.as_str()) {
            "p."
        } else {
            return None;
        };
        Some((label, self.skip_punct(j + 1, &['.', '°'])))
    }

    /// `1200`, `970–973` or `I-54749` at token `i`: the number as ASCII and its last token.
    fn registration_number(&self, i: usize) -> Option<(String, usize)> {
        if let Some(n) = self.number_text(i) {
            let dash = self.is_punct(i + 1, '–') || self.is_punct(i + 1, '-');
            if dash && let Some(m) = self.number_text(i + 2) {
                return Some((format!("{n}–{m}"), i + 2));
            }
            return Some((n, i));
        }
        let prefix = self.text_of(i);
        let prefixed = self.tokens.get(i).is_some_and(|t| t.tok == Tok::Word)
            && prefix.len() <= 2
            && prefix.chars().all(|c| c.is_ascii_uppercase())
            && self.is_punct(i + 1, '-')
            && self.touching(i)
            && self.touching(i + 1);
        let n = self.number_text(i + 2).filter(|_| prefixed)?;
        Some((format!("{prefix}-{n}"), i + 2))
    }

    /// Skip punctuation tokens among `chars` from `i`.
    fn skip_punct(&self, mut i: usize, chars: &[char]) -> usize {
        while chars.iter().any(|&c| self.is_punct(i, c)) {
            i += 1;
        }
        i
    }

    /// Number token `i` with ASCII digits.
    fn number_text(&self, i: usize) -> Option<String> {
        if !self.is_number(i) {
            return None;
        }
        small_number(self.text_of(i)).map(|n| n.to_string())
    }

    /// `paragraphs 3 and 4 (b) below` from the cue at word `i`: internal references, only
    /// when the list ends in `above`/`below`/`أعلاه`/`أدناه` or `of the present resolution`
    /// / `من هذا القرار`.
    fn paragraphs(&mut self, i: usize) -> usize {
        let mut j = self.skip_punct(i + 1, &['.']);
        let mut items: Vec<(Range<usize>, String)> = Vec::new();
        while items.len() < 32 {
            let Some((range, target, next)) = self.paragraph_item(j) else {
                return i + 1;
            };
            items.push((range, target));
            j = next;
            if let Some(after) = self.paragraph_list_end(j) {
                for (range, target) in items {
                    self.push(range, ReferenceKind::Paragraph, target);
                }
                return after;
            }
            j = self.paragraph_separator(j).unwrap_or(j);
            if j == next {
                return i + 1;
            }
        }
        i + 1
    }

    /// One item `13 (b) (ii)` at token `j`: surface range, target id and next index.
    fn paragraph_item(&self, j: usize) -> Option<(Range<usize>, String, usize)> {
        let n = small_number(self.text_of(j)).filter(|_| self.is_number(j))?;
        let mut id = ids::operative_id(n);
        let mut end = j;
        for depth in 1..=2 {
            let label = self.text_of(end + 2);
            if !(self.is_punct(end + 1, '(') && self.is_punct(end + 3, ')')) {
                break;
            }
            let position = if depth == 1 {
                ids::letter_position(label)
            } else {
                ids::parse_roman(label).or_else(|| ids::parse_number(label).map(|n| n as usize))
            };
            let Some(position) = position.filter(|p| *p > 0) else {
                break;
            };
            id = ids::sub_id(&id, depth, position);
            end += 3;
        }
        Some((self.tokens[j].start..self.tokens[end].end, id, end + 1))
    }

    /// A separator between items (`,`, `و`, `and`, `to`): the index after it.
    fn paragraph_separator(&self, j: usize) -> Option<usize> {
        if self.is_punct(j, ',') || self.is_punct(j, '،') {
            let k = j + 1;
            return Some(if CONNECTORS.contains(&self.key_of(k).as_str()) {
                k + 1
            } else {
                k
            });
        }
        CONNECTORS
            .contains(&self.key_of(j).as_str())
            .then_some(j + 1)
    }

    /// The end of an internal reference list at `j` (`above`, `أعلاه`, `of the present
    /// resolution`, `من هذا القرار`): the index after it.
    fn paragraph_list_end(&self, j: usize) -> Option<usize> {
        let key = self.key_of(j);
        if PARAGRAPH_ENDS.contains(&key.as_str()) {
            return Some(j + 1);
        }
        let french = key == "ci"
            && self.is_punct(j + 1, '-')
            && matches!(self.key_of(j + 2).as_str(), "dessus" | "dessous");
        if french {
            return Some(j + 3);
        }
        PRESENT_RESOLUTION
            .iter()
            .find(|words| self.phrase_at(j, words))
            .map(|words| j + words.len())
    }
}

/// A parsed treaty citation.
struct TreatyCitation {
    vol_token: usize,
    end_token: usize,
    target: String,
}

/// True when the character after `end` glues it to more (`60/288/Add`, `24/7x`, `1/2.5`).
fn attached_after(text: &str, end: usize) -> bool {
    let mut rest = text.get(end..).unwrap_or("").chars();
    match rest.next() {
        Some(c) if c.is_ascii_alphanumeric() || c == '/' || is_digit(c) => true,
        Some('.' | '-') => rest.next().is_some_and(is_digit),
        _ => false,
    }
}

/// A number of at most six digits (any script).
fn small_number(s: &str) -> Option<u32> {
    if s.chars().count() > 6 {
        return None;
    }
    ids::parse_number(s)
}

/// A plausible year of a UN resolution.
fn is_year(n: u32) -> bool {
    (1946..=2100).contains(&n)
}

/// Target of the cued slash number `a/b` as written; in reversed (Arabic plain) text the
/// reading order `b/a` is tried first, and the written order only if that is implausible.
fn resolve_pair(a: u32, b: u32, cue: Cue, reversed: bool) -> Option<(ReferenceKind, String)> {
    let orders: &[(u32, u32)] = if reversed {
        &[(b, a), (a, b)]
    } else {
        &[(a, b)]
    };
    orders.iter().find_map(|&(x, y)| slash_target(x, y, cue))
}

/// `x/y` in natural order under `cue`: ECOSOC for `year/n`; the General Assembly for
/// `session/n` (sessions from the 31st, when this numbering began; decisions are numbered
/// 400–699 within a session); the Human Rights Council when named.
fn slash_target(x: u32, y: u32, cue: Cue) -> Option<(ReferenceKind, String)> {
    let (kind, series) = if cue.decision {
        (ReferenceKind::Decision, "DEC")
    } else {
        (ReferenceKind::Resolution, "RES")
    };
    if y == 0 || y > 999 {
        return None;
    }
    if is_year(x) {
        return matches!(cue.organ, None | Some(Organ::Ecosoc))
            .then(|| (kind, format!("E/{series}/{x}/{y}")));
    }
    match cue.organ {
        None | Some(Organ::GeneralAssembly) => {
            let plausible = (31..=150).contains(&x) && (!cue.decision || (400..=699).contains(&y));
            plausible.then(|| (kind, format!("A/{series}/{x}/{y}")))
        }
        Some(Organ::HumanRightsCouncil) => (1..=100)
            .contains(&x)
            .then(|| (kind, format!("A/HRC/{series}/{x}/{y}"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table of word characters agrees with their definition.
    #[test]
    fn word_char_table_matches_definition() {
        for c in (0..TABLED as u32 + 256).filter_map(char::from_u32) {
            assert_eq!(
                is_word_char(c),
                is_word_char_slow(c),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    /// Keys are the folded, lower-cased words (the shortcuts change nothing).
    #[test]
    fn key_is_folded_and_lower_cased() {
        let options = FoldOptions { ta_marbuta: true };
        let definition = |word: &str| -> String {
            word.chars()
                .filter_map(|c| fold_char(c, options))
                .flat_map(char::to_lowercase)
                .collect()
        };
        for c in (0..0x3000).filter_map(char::from_u32) {
            let word = c.to_string();
            assert_eq!(key(&word), definition(&word), "U+{:04X}", c as u32);
        }
        for word in ["Résolution", "وبالقرار", "الجمعيّة", "РЕЗОЛЮЦИЯ", "İ"]
        {
            assert_eq!(key(word), definition(word));
        }
    }

    /// Words are classified by their forms without a leading conjunction or preposition.
    #[test]
    fn word_flags_see_prefixed_forms() {
        let flags = WordFlags::of("وبالقرار");
        assert_ne!(flags.forms & IN_RESOLUTION_CUES, 0);
        assert_eq!(flags.exact & IN_RESOLUTION_CUES, 0);
        assert_ne!(WordFlags::of("للفقره").forms & IN_PARAGRAPH_CUES, 0);
        assert_ne!(WordFlags::of("and").exact & IN_CONNECTORS, 0);
        assert_ne!(WordFlags::of("treaty").exact & IN_TREATY_SERIES, 0);
        assert_eq!(WordFlags::of("series").exact, 0);
    }

    /// Digits of every script the tokenizer knows are seen by the prefilter.
    #[test]
    fn has_digit_sees_every_script() {
        assert!(has_digit("القرار 7"));
        assert!(has_digit("القرار ٧"));
        assert!(has_digit("القرار ۷"));
        assert!(!has_digit("القرار رقم سبعة"));
        assert!(!has_digit(""));
    }
}
