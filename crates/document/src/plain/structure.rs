//! Parts and annexes of a plain-text resolution: the body is cut into segments (the
//! resolution or its parts "A", "B", … each after its own enacting formula, then the
//! annexes after their "Annex" headings), each read by its own body parser, and the
//! paragraphs of all of them built in reading order with one footnote matcher.

use super::assemble::Builder;
use super::body::{Markers, Mode, NoteBody, Parsed, Parser};
use super::inline;
use super::{Line, formula_paragraph, meta, plain_paragraph};
use crate::ids;
use crate::model::{Annex, Closing, Diagnostic, Document, Part};
use qarar_util::fold;
use std::ops::Range;

/// Words that open an annex heading, folded.
const ANNEX_WORDS: [&str; 7] = [
    "annex",
    "annexe",
    "anexo",
    "المرفق",
    "مرفق",
    "приложение",
    "附件",
];

/// Arabic names of the part letters, in order (`ألف` = A).
const ARABIC_LETTERS: [&str; 10] = [
    "ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء",
];

/// Chinese part letters, in order (`甲` = A).
const CHINESE_LETTERS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

/// Words that may stand before a part letter ("Resolution A").
const RESOLUTION_WORDS: [&str; 6] = [
    "resolution",
    "résolution",
    "resolución",
    "резолюция",
    "القرار",
    "决议",
];

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Main,
    Part {
        label: String,
        title: Option<String>,
    },
    Annex {
        heading: String,
        title: Option<String>,
    },
}

/// A run of body lines read by one parser.
#[derive(Debug, Clone)]
struct Segment {
    kind: Kind,
    /// The enacting formula line (parts).
    formula: Option<usize>,
    lines: Range<usize>,
}

/// Read the cover and the body (`body_start..`) of a resolution whose enacting formula (if
/// any) is line `formula` and whose cover ends at `header_end`.
pub(super) fn read(
    text: &str,
    lines: &[Line],
    formula: Option<usize>,
    header_end: usize,
    body_start: usize,
    doc: &mut Document,
) {
    let (segments, cover_end) = segments(text, lines, formula, header_end, body_start);
    super::cover::read_header(text, &lines[..cover_end.min(lines.len())], doc);
    let markers = Markers::scan(text, &lines[body_start.min(lines.len())..]);
    let mut read: Vec<(Segment, Parsed)> = Vec::with_capacity(segments.len());
    let mut annexes = 0;
    let mut parts = 0;
    for seg in segments {
        let (mode, prefix) = match &seg.kind {
            Kind::Main => (Mode::Resolution, String::new()),
            Kind::Part { label, .. } => {
                parts += 1;
                (Mode::Resolution, format!("{}.", part_letter(label, parts)))
            }
            Kind::Annex { .. } => {
                annexes += 1;
                (Mode::Annex, format!("annex_{annexes}."))
            }
        };
        let range = seg.lines.start.min(lines.len())..seg.lines.end.min(lines.len());
        let mut parser = Parser::new(text, &lines[range], &markers, mode, &prefix);
        parser.run();
        read.push((seg, parser.finish()));
    }
    let mut notes: Vec<NoteBody> = Vec::new();
    for (_, parsed) in &mut read {
        notes.append(&mut parsed.notes);
    }
    let mut b = Builder::new(
        text,
        &notes,
        markers.superscripts.is_empty(),
        doc.meta.language,
    );
    let mut closing: Option<Closing> = None;
    let mut trailing: Vec<Range<usize>> = Vec::new();
    let mut diagnostics = Vec::new();
    let mut parts = 0;
    for (seg, mut parsed) in read {
        let preamble = parsed.preamble.iter().map(|n| b.paragraph(n, 0)).collect();
        let loose = parsed.loose.iter().map(|n| b.paragraph(n, 0)).collect();
        let operative = parsed.operative.iter().map(|n| b.paragraph(n, 0)).collect();
        match seg.kind {
            Kind::Main => {
                if let Some(i) = formula {
                    doc.enacting_formula = Some(formula_paragraph(text, &lines[i]));
                }
                doc.preamble = preamble;
                doc.operative = operative;
                doc.body = loose;
            }
            Kind::Part { label, title } => {
                parts += 1;
                let letter = part_letter(&label, parts);
                let enacting_formula = seg.formula.and_then(|i| lines.get(i)).map(|l| {
                    let mut p = formula_paragraph(text, l);
                    p.id = format!("{letter}.{}", p.id);
                    p
                });
                doc.parts.push(Part {
                    letter,
                    label,
                    title,
                    enacting_formula,
                    preamble,
                    operative,
                    body: loose,
                });
            }
            Kind::Annex { heading, title } => {
                doc.annexes.push(Annex {
                    id: format!("annex_{}", doc.annexes.len() + 1),
                    heading: Some(heading),
                    title,
                    paragraphs: operative,
                });
            }
        }
        if closing.is_none() && (parsed.closing.meeting.is_some() || parsed.closing.date.is_some())
        {
            closing = Some(std::mem::take(&mut parsed.closing));
        }
        trailing.append(&mut parsed.trailing);
        diagnostics.append(&mut parsed.diagnostics);
    }
    doc.footnotes = b.footnotes();
    diagnostics.append(&mut b.diagnostics);
    doc.closing = closing;
    let first_plain = doc.body.len();
    for (i, range) in trailing.iter().enumerate() {
        doc.body
            .push(plain_paragraph(text, first_plain + i + 1, range.clone()));
    }
    if !trailing.is_empty() {
        diagnostics.push(Diagnostic::info(
            "text after the closing lines kept as plain paragraphs",
            trailing.first().cloned(),
        ));
    }
    if !doc.parts.is_empty() || !doc.annexes.is_empty() {
        diagnostics.push(Diagnostic::info(
            format!(
                "read {} parts and {} annexes from their headings",
                doc.parts.len(),
                doc.annexes.len()
            ),
            None,
        ));
    }
    doc.diagnostics.append(&mut diagnostics);
}

/// Cut the body into segments; returns them and where the cover ends (before the first
/// part's heading, if the resolution has parts).
fn segments(
    text: &str,
    lines: &[Line],
    formula: Option<usize>,
    header_end: usize,
    body_start: usize,
) -> (Vec<Segment>, usize) {
    let line = |i: usize| lines.get(i).map_or("", |l| &text[l.range.clone()]);
    let mut cover_end = header_end;
    let mut first = Kind::Main;
    if let Some(f) = formula
        && let Some((at, label, title)) = heading_before(text, lines, f, 0)
    {
        first = Kind::Part { label, title };
        cover_end = at;
    }
    let mut segs = vec![Segment {
        kind: first,
        formula,
        lines: body_start..lines.len(),
    }];
    // A resolution in sections ("I", "II", … each with its title, preamble and paragraphs
    // numbered from 1), as 78/253: its sections are parts when there are two at least.
    let sectioned = (body_start..lines.len())
        .filter(|&i| lines[i].new_block)
        .filter_map(|i| section_heading(text, lines, i))
        .scan(0, |last, (n, _, _, _)| {
            let next = (n == *last + 1).then_some(());
            if next.is_some() {
                *last = n;
            }
            Some(next)
        })
        .flatten()
        .count()
        >= 2;
    let mut sections = 0;
    let mut i = body_start;
    while i < lines.len() {
        let start = segs.last().map_or(0, |s| s.lines.start);
        let in_annex = matches!(segs.last().map(|s| &s.kind), Some(Kind::Annex { .. }));
        let s = line(i);
        if sectioned
            && lines[i].new_block
            && !in_annex
            && let Some((n, label, title, body)) = section_heading(text, lines, i)
            && n == sections + 1
        {
            sections = n;
            if let Some(last) = segs.last_mut() {
                last.lines.end = i;
            }
            segs.push(Segment {
                kind: Kind::Part { label, title },
                formula: None,
                lines: body..lines.len(),
            });
            i = body;
            continue;
        }
        if !lines[i].new_block || i <= start {
            i += 1;
            continue;
        }
        if is_annex_heading(s) {
            let mut body = i + 1;
            let title = lines.get(i + 1).filter(|_| is_title(line(i + 1))).map(|_| {
                body = i + 2;
                line(i + 1).to_string()
            });
            if let Some(last) = segs.last_mut() {
                last.lines.end = i;
            }
            segs.push(Segment {
                kind: Kind::Annex {
                    heading: s.to_string(),
                    title,
                },
                formula: None,
                lines: body..lines.len(),
            });
            i = body;
            continue;
        }
        if !in_annex
            && is_formula(s)
            && let Some((at, label, title)) = heading_before(text, lines, i, start)
        {
            if let Some(last) = segs.last_mut() {
                last.lines.end = at;
            }
            segs.push(Segment {
                kind: Kind::Part { label, title },
                formula: Some(i),
                lines: i + 1..lines.len(),
            });
        }
        i += 1;
    }
    // One "part" alone is a resolution whose title happens to start like a part letter.
    let parts = segs
        .iter()
        .filter(|s| matches!(s.kind, Kind::Part { .. }))
        .count();
    if parts == 1 {
        for seg in &mut segs {
            if matches!(seg.kind, Kind::Part { .. }) {
                seg.kind = Kind::Main;
            }
        }
        if matches!(segs.first().map(|s| &s.kind), Some(Kind::Main)) {
            cover_end = header_end;
        }
    }
    (segs, cover_end)
}

/// A section heading at line `i`: a Roman numeral (`II`, `II.`) with its title on the same
/// or the next line, followed by a preambular paragraph or paragraph 1. Returns the
/// numeral's value, the label, the title and the first line of the section's body.
fn section_heading(
    text: &str,
    lines: &[Line],
    i: usize,
) -> Option<(usize, String, Option<String>, usize)> {
    let line = |i: usize| lines.get(i).map_or("", |l| &text[l.range.clone()]);
    let s = line(i);
    if !s.starts_with(['I', 'V', 'X']) {
        return None;
    }
    let (label, mut title) = part_heading(s)?;
    let n = ids::parse_roman(&label.to_lowercase()).filter(|_| is_roman(&label))?;
    let mut body = i + 1;
    if title.is_none() && is_title(line(i + 1)) && !starts_body(line(i + 1)) {
        title = Some(line(i + 1).to_string());
        body = i + 2;
    }
    starts_body(line(body)).then_some((n, label, title, body))
}

/// A preambular opener or paragraph 1 (a paragraph numbered on from the one before does not
/// start a section of its own: the numbering of a resolution in sections starts again).
fn starts_body(s: &str) -> bool {
    match inline::number_prefix(s) {
        Some((n, _)) => n == 1,
        // A short line without a comma is a title, even when its first word reads like a
        // participle ("Capacity-building").
        None => {
            super::reflow::starts_with_lead(s)
                && (s.split_whitespace().count() > 5 || s.trim_end().ends_with([',', '،', '，']))
        }
    }
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| "IVX".contains(c))
}

/// The part heading just before formula line `f` (not before line `min`): its first line,
/// label and title ("A Budget appropriations for 2023", or "A" then the title).
fn heading_before(
    text: &str,
    lines: &[Line],
    f: usize,
    min: usize,
) -> Option<(usize, String, Option<String>)> {
    let line = |i: usize| lines.get(i).map_or("", |l| &text[l.range.clone()]);
    let one = f
        .checked_sub(1)
        .filter(|&i| i > min || (min == 0 && i == 0))?;
    if let Some((label, title)) = part_heading(line(one)) {
        return Some((one, label, title));
    }
    let two = one
        .checked_sub(1)
        .filter(|&i| i > min || (min == 0 && i == 0))?;
    let (label, title) = part_heading(line(two))?;
    if title.is_some() || !is_title(line(one)) {
        return None;
    }
    Some((two, label, Some(line(one).to_string())))
}

/// A part heading: a part letter (`A`, `ألف`, `甲`, `II`), maybe after "Resolution", maybe
/// followed by the part's title.
fn part_heading(s: &str) -> Option<(String, Option<String>)> {
    let s = s.trim();
    if s.chars().count() > 400 || ends_terminal(s) {
        return None;
    }
    let mut words = s.split_whitespace();
    let mut first = words.next()?;
    let lower = first.to_lowercase();
    if RESOLUTION_WORDS.contains(&lower.as_str()) {
        first = words.next()?;
    }
    let first = first.trim_end_matches(['.', ':']);
    if !is_part_letter(first) {
        return None;
    }
    let rest = s[s.find(first).map_or(s.len(), |i| i + first.len())..]
        .trim_start_matches(['.', ':'])
        .trim();
    let title = (!rest.is_empty()).then(|| rest.to_string());
    Some((first.to_string(), title))
}

fn is_part_letter(w: &str) -> bool {
    let mut chars = w.chars();
    let single = chars.next().filter(|_| chars.next().is_none());
    if single.is_some_and(|c| c.is_ascii_uppercase() || CHINESE_LETTERS.contains(&c)) {
        return true;
    }
    ARABIC_LETTERS.contains(&w) || (w.chars().all(|c| "IVX".contains(c)) && !w.is_empty())
}

/// The part's Latin letter: a Roman numeral stays as written, other labels give `A`, `B`, …
/// by position (`ألف` and `甲` are `A`).
fn part_letter(label: &str, position: usize) -> String {
    if is_roman(label) && ids::parse_roman(&label.to_lowercase()) == Some(position) {
        return label.to_string();
    }
    ids::latin_letter(position).to_uppercase()
}

/// An "Annex" heading line: the word, maybe a numeral or ordinal, nothing else.
pub(super) fn is_annex_heading(s: &str) -> bool {
    let s = s.trim();
    if s.chars().count() > 40 || ends_terminal(s) {
        return false;
    }
    let folded = fold::fold_str(s);
    let mut words = folded.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let annex = ANNEX_WORDS
        .iter()
        .any(|w| first == *w || (first.starts_with(w) && w.chars().all(|c| !c.is_ascii())));
    annex && words.count() <= 2
}

/// Words that name a section of an annex, in lower case ("Section 2", "Chapter IV",
/// "الفرع الأول").
const SECTION_WORDS: [&str; 25] = [
    "section",
    "chapter",
    "part",
    "article",
    "chapitre",
    "partie",
    "sección",
    "seccion",
    "capítulo",
    "capitulo",
    "parte",
    "artículo",
    "articulo",
    "раздел",
    "глава",
    "часть",
    "статья",
    "الفرع",
    "الجزء",
    "الفصل",
    "الباب",
    "القسم",
    "المادة",
    "المرحلة",
    "المحور",
];

/// Arabic ordinal adverbs that number sections (`أولا - مقدمة`), without their tanween.
const ARABIC_ORDINALS: [&str; 11] = [
    "أولا",
    "اولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
];

/// A heading line may be this long at most (characters).
const MAX_HEADING_CHARS: usize = 120;

/// A heading line inside an annex: a short line without closing punctuation, not numbered
/// or labelled, that names a section ("I. Introduction", "A. Scope", "Section 2",
/// "الفرع الأول", "أولا - مقدمة") or has the shape of a title (a capital or a letter
/// without case first, at most twelve words).
pub(super) fn is_annex_section_heading(s: &str) -> bool {
    let s = s.trim();
    if !heading_shape(s) {
        return false;
    }
    if is_labelled_heading(s) {
        return true;
    }
    let first = s.chars().next().unwrap_or(' ');
    let cased = first.is_lowercase() || first.is_uppercase();
    (first.is_uppercase() || (!cased && first.is_alphabetic()))
        && s.split_whitespace().count() <= 12
}

/// Short, unnumbered, unlabelled, without closing punctuation (a comma included).
fn heading_shape(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= MAX_HEADING_CHARS
        && !ends_terminal(s)
        && !s.ends_with([',', '،', ':', '：', '，'])
        && inline::number_prefix(s).is_none()
        && inline::sub_label(s).is_none()
        && inline::footnote_start(s).is_none()
}

/// A heading line whose first word numbers or names a section: a Roman numeral or part
/// letter followed by a full stop, a dash or a title (`II. Implementation`, `B - Scope`),
/// a section word with its number (`Section 2`, `الفرع الأول`), an Arabic ordinal
/// (`ثانيا - التنفيذ`). Stricter than [`is_annex_section_heading`]: wrapped text is cut
/// before such a line.
pub(super) fn is_labelled_heading(s: &str) -> bool {
    let s = s.trim();
    if !heading_shape(s) {
        return false;
    }
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let second = words.next();
    let word = first.trim_end_matches(['.', ':', '-', '–']);
    // Compared in lower case and without tanween, allocating nothing (wrapped lines are
    // tested one by one).
    let is = |list: &[&str]| {
        list.iter().any(|w| {
            word.chars()
                .filter(|&c| c != '\u{064B}')
                .flat_map(char::to_lowercase)
                .eq(w.chars())
        })
    };
    if is(&ARABIC_ORDINALS) {
        return true;
    }
    if is(&SECTION_WORDS) {
        return second.is_some();
    }
    let label = first.trim_end_matches(['.', ')']);
    if !is_part_letter(label) {
        return false;
    }
    let dotted = first.len() > label.len();
    let dashed = second.is_some_and(|w| matches!(w, "-" | "–" | "—"));
    (dotted || dashed || is_roman(label)) && second.is_some()
}

/// A short unnumbered line without closing punctuation: a title.
fn is_title(s: &str) -> bool {
    s.chars().count() < 400
        && !ends_terminal(s)
        && inline::number_prefix(s).is_none()
        && inline::sub_label(s).is_none()
}

/// The enacting formula, with or without its comma (`The General Assembly`).
fn is_formula(s: &str) -> bool {
    meta::is_enacting_formula(s) || meta::is_bare_formula(s)
}

fn ends_terminal(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', ';', '؛', '。', '；', '!', '?', '؟'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert!(is_annex_heading("Annex"));
        assert!(is_annex_heading("Annex II"));
        assert!(is_annex_heading("المرفق الأول"));
        assert!(is_annex_heading("附件"));
        assert!(!is_annex_heading(
            "Annexed to the present resolution is the text."
        ));
        assert_eq!(
            part_heading("A Budget appropriations for 2023"),
            Some((
                "A".to_string(),
                Some("Budget appropriations for 2023".to_string())
            ))
        );
        assert_eq!(part_heading("باء").map(|p| p.0), Some("باء".to_string()));
        assert_eq!(
            part_heading("Resolution B").map(|p| p.0),
            Some("B".to_string())
        );
        assert!(part_heading("75/10. Cooperation").is_none());
        assert_eq!(part_letter("باء", 2), "B");
        assert_eq!(part_letter("II", 2), "II");
        assert!(is_annex_section_heading("I. Introduction"));
        assert!(is_annex_section_heading("Section 2"));
        assert!(is_annex_section_heading("الفرع الأول"));
        assert!(is_annex_section_heading("Programme of work"));
        assert!(!is_annex_section_heading(
            "Reports are published on the website."
        ));
        assert!(!is_annex_section_heading("1. The programme"));
        assert!(!is_annex_section_heading("(a) To map the coasts"));
        assert!(!is_annex_section_heading("continued from the page before"));
        assert!(is_labelled_heading("II. Implementation"));
        assert!(is_labelled_heading("ثانيا - التنفيذ"));
        assert!(is_labelled_heading("الفرع الثاني"));
        assert!(is_labelled_heading("B. Scope of the programme"));
        assert!(!is_labelled_heading("A further review will follow"));
        assert!(!is_labelled_heading("Programme of work"));
        assert!(!is_labelled_heading("I"));
    }
}
