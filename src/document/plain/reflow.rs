//! Text as people get it: normalisation of characters (bidi controls, Arabic presentation
//! forms, kashida, odd spaces) and, for text without blank lines between paragraphs (saved
//! from Word, extracted from a PDF), paragraph boundaries rebuilt from content: running page
//! headers and footers dropped, hard-wrapped lines joined, scrambled operative numbers and
//! footnote markers of right-to-left extraction put back in order.

use super::inline;
use super::lexicon::{self, LeadList};
use super::meta;
use std::borrow::Cow;
use std::collections::HashMap;

/// What was repaired, for the diagnostic.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Repairs {
    pub controls: usize,
    pub folded: usize,
    pub wrapped: usize,
    pub headers: usize,
    pub rebuilt: bool,
}

impl Repairs {
    /// A sentence naming the repairs, if any.
    pub(super) fn describe(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.rebuilt {
            parts.push("paragraph boundaries taken from content (no blank lines)".to_string());
        }
        if self.wrapped > 0 {
            parts.push(format!("joined {} wrapped lines", self.wrapped));
        }
        if self.headers > 0 {
            parts.push(format!(
                "dropped {} running headers and footers",
                self.headers
            ));
        }
        if self.controls > 0 {
            parts.push(format!("removed {} bidi controls", self.controls));
        }
        if self.folded > 0 {
            parts.push(format!(
                "folded {} Arabic presentation forms and kashidas",
                self.folded
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// Lines of a page this near its top or bottom may be running headers or footers.
const EDGE_LINES: usize = 4;

/// Normalise and, when needed, re-paragraph the text.
pub(super) fn prepare(text: &str) -> (Cow<'_, str>, Repairs) {
    let mut repairs = Repairs::default();
    let normal = normalize(text, &mut repairs);
    if is_structured(&normal) {
        return match split_blocks(&normal) {
            Some(split) => (Cow::Owned(split), repairs),
            None => (normal, repairs),
        };
    }
    repairs.rebuilt = true;
    let rebuilt = rebuild(&normal, &mut repairs);
    (Cow::Owned(rebuilt), repairs)
}

/// Characters removed: bidi embedding, override and isolate controls and marks, the BOM
/// and zero-width no-break space.
fn is_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}')
}

/// Spaces made plain spaces.
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
    )
}

/// Remove bidi controls, fold presentation forms, drop kashidas, make odd spaces spaces.
fn normalize<'a>(text: &'a str, repairs: &mut Repairs) -> Cow<'a, str> {
    let needs = text.chars().any(|c| {
        is_control(c)
            || is_odd_space(c)
            || c == '\u{0640}'
            || ('\u{FB50}'..='\u{FEFC}').contains(&c)
    });
    if !needs {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_control(c) {
            repairs.controls += 1;
        } else if is_odd_space(c) {
            out.push(' ');
        } else if c == '\u{0640}'
            && chars
                .peek()
                .is_some_and(|&n| n == '\u{0640}' || lexicon::is_arabic_letter(n))
        {
            // A kashida of justification, inside a word (`هـ` of a label is kept).
            repairs.folded += 1;
        } else if ('\u{FB50}'..='\u{FEFC}').contains(&c) {
            repairs.folded += 1;
            unicode_normalization::char::decompose_compatible(c, |d| out.push(d));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether paragraphs are separated by blank lines (and there are no page feeds).
fn is_structured(text: &str) -> bool {
    if text.contains('\u{000C}') {
        return false;
    }
    let mut lines = 0usize;
    let mut gaps = 0usize;
    let mut blank_before = false;
    for raw in text.split('\n') {
        if raw.trim().is_empty() {
            blank_before = true;
            continue;
        }
        lines += 1;
        if blank_before {
            gaps += 1;
        }
        blank_before = false;
    }
    lines < 8 || gaps * 20 >= lines
}

/// In text with blank lines, a blank line put before a line of a block that starts a new
/// unit after a line that ends one (two paragraphs written without a gap between them).
/// `None` when no block needs it.
fn split_blocks(text: &str) -> Option<String> {
    let mut out: Option<String> = None;
    let mut prev: Option<&str> = None;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let t = raw.trim();
        if t.is_empty() {
            prev = None;
        } else {
            let start_copy = |out: &mut Option<String>| {
                out.get_or_insert_with(|| {
                    let mut b = String::with_capacity(text.len() + 64);
                    b.push_str(&text[..offset]);
                    b
                })
                .len()
            };
            if let Some(p) = prev {
                if breaks_block(p, t) {
                    start_copy(&mut out);
                    if let Some(buf) = out.as_mut() {
                        buf.push('\n');
                    }
                } else if wrapped_label(p, t) {
                    // `(b)` or `2.` wrapped to the start of a line inside a sentence.
                    start_copy(&mut out);
                    if let Some(buf) = out.as_mut()
                        && buf.ends_with('\n')
                    {
                        buf.pop();
                        buf.push(' ');
                    }
                }
            }
            prev = Some(t);
        }
        if let Some(buf) = out.as_mut() {
            buf.push_str(raw);
        }
        offset += raw.len();
    }
    out
}

/// Whether `next` starts with a label or number that only continues the sentence of `prev`.
fn wrapped_label(prev: &str, next: &str) -> bool {
    !ends_terminal(prev)
        && !inline::footnote_start(prev).is_some_and(|_| prev.starts_with('('))
        && (inline::sub_label(next).is_some() || inline::number_prefix(next).is_some())
}

/// Whether `next`, in the same block as `prev`, starts a new unit.
fn breaks_block(prev: &str, next: &str) -> bool {
    is_rule(next)
        || meta::is_enacting_formula(prev)
        || meta::is_enacting_formula(next)
        || meta::is_bare_formula(prev)
        || meta::is_bare_formula(next)
        || (inline::footnote_start(next).is_some() && !next.starts_with('('))
        || ((ends_terminal(prev) || inline::footnote_start(prev).is_some()) && starts_unit(next))
}

/// A trimmed non-blank line and the page it is on.
struct PageLine<'a> {
    text: &'a str,
    page: usize,
    /// Position from the top and from the bottom of its page.
    from_top: usize,
    from_bottom: usize,
}

/// The text re-paragraphed: one unit a line, units separated by blank lines.
fn rebuild(text: &str, repairs: &mut Repairs) -> String {
    let lines = page_lines(text);
    let furniture = running_lines(&lines);
    let kept: Vec<&str> = lines
        .iter()
        .zip(&furniture)
        .filter_map(|(l, &f)| (!f).then_some(l.text))
        .collect();
    repairs.headers = lines.len() - kept.len();
    let width = page_width(&kept);
    let mut out = String::with_capacity(text.len() + kept.len());
    let mut prev: Option<Cow<'_, str>> = None;
    for &raw in &kept {
        let current = canonical_start(raw);
        let line = current.as_ref();
        let join = match (prev.as_deref(), width) {
            (Some(p), Some(w)) => continues(p, line, w),
            _ => false,
        };
        if join {
            repairs.wrapped += 1;
            let hyphenated = out.ends_with('-')
                && out[..out.len() - 1].ends_with(|c: char| c.is_alphabetic())
                && line.starts_with(|c: char| c.is_lowercase());
            if hyphenated {
                out.pop();
            } else {
                out.push(' ');
            }
        } else if prev.is_some() {
            out.push_str("\n\n");
        }
        out.push_str(line);
        prev = Some(current);
    }
    out.push('\n');
    out
}

/// Non-blank trimmed lines with their page and position on it.
fn page_lines(text: &str) -> Vec<PageLine<'_>> {
    let mut out = Vec::new();
    for (page, chunk) in text.split('\u{000C}').enumerate() {
        let first = out.len();
        for raw in chunk.split('\n') {
            let t = raw.trim();
            if !t.is_empty() {
                out.push(PageLine {
                    text: t,
                    page,
                    from_top: out.len() - first,
                    from_bottom: 0,
                });
            }
        }
        let n = out.len() - first;
        for (k, l) in out[first..].iter_mut().enumerate() {
            l.from_bottom = n - 1 - k;
        }
    }
    out
}

/// A line shape with digits blanked, for recognising repeated headers.
fn shape_key(s: &str) -> String {
    s.chars()
        .map(|c| {
            if inline::digit_value(c).is_some() {
                '#'
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Which lines are running headers or footers: page furniture by shape anywhere near a page
/// edge, and lines that repeat near the edges of several pages (after the first page).
fn running_lines(lines: &[PageLine<'_>]) -> Vec<bool> {
    let pages = lines.last().map_or(0, |l| l.page + 1);
    let near_edge = |l: &PageLine<'_>| l.from_top < EDGE_LINES || l.from_bottom < EDGE_LINES;
    let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
    if pages >= 2 {
        for l in lines
            .iter()
            .filter(|l| near_edge(l) && l.text.chars().count() <= 120)
        {
            let entry = seen.entry(shape_key(l.text)).or_insert((usize::MAX, 0));
            if entry.0 != l.page {
                entry.0 = l.page;
                entry.1 += 1;
            }
        }
    }
    let min_pages = 2.max(pages / 2);
    lines
        .iter()
        .map(|l| {
            if !near_edge(l) {
                return false;
            }
            if is_furniture_shape(l.text) {
                return true;
            }
            l.page > 0
                && l.text.chars().count() <= 120
                && seen
                    .get(&shape_key(l.text))
                    .is_some_and(|&(_, n)| n >= min_pages)
        })
        .collect()
}

/// A page number `2/7`, a URL, a printing date and time, or the existing furniture shapes.
fn is_furniture_shape(s: &str) -> bool {
    let t = s.trim();
    let lower = t.to_lowercase();
    if lower.starts_with("file://")
        || lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
    {
        return !t.contains(' ');
    }
    let digits_or = |extra: &[char]| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || extra.contains(&c) || c == ' ')
    };
    if digits_or(&['/']) && t.contains('/') && t.len() <= 12 {
        return true;
    }
    if t.contains(':') && t.len() <= 30 {
        let rest: String = t
            .chars()
            .filter(|c| !matches!(c, 'A' | 'P' | 'M' | 'a' | 'p' | 'm' | '.'))
            .collect();
        let rest = rest.trim();
        if !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '/' | ',' | ':' | ' ' | '-'))
            && rest.contains('/')
        {
            return true;
        }
    }
    meta::is_page_furniture(t)
}

/// The page width in characters if the lines are hard-wrapped (most lines come near one
/// width), else `None` (one paragraph a line).
fn page_width(lines: &[&str]) -> Option<usize> {
    let mut lens: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    if lens.len() < 8 {
        return None;
    }
    lens.sort_unstable();
    let width = lens[lens.len() * 95 / 100];
    if !(30..=220).contains(&width) {
        return None;
    }
    let near = lens.iter().filter(|&&n| n * 100 >= width * 80).count();
    (near * 100 >= lens.len() * 35).then_some(width)
}

/// Whether a line ends a sentence or a list item.
fn ends_terminal(s: &str) -> bool {
    s.trim_end_matches(|c: char| {
        c.is_whitespace()
            || inline::superscript_value(c).is_some()
            || matches!(c, '(' | ')' | '\u{207D}' | '\u{207E}')
    })
    .ends_with([
        '.', ',', ';', ':', '،', '؛', '。', '，', '；', '：', '!', '?', '؟',
    ])
}

/// Whether `next` continues the wrapped line `prev` (page width `width`).
/// More `(` than `)` on the line.
fn open_brackets(s: &str) -> bool {
    let open = s.chars().filter(|&c| c == '(').count();
    open > s.chars().filter(|&c| c == ')').count()
}

fn continues(prev: &str, next: &str, width: usize) -> bool {
    if is_rule(prev)
        || is_rule(next)
        || meta::is_enacting_formula(prev)
        || meta::is_enacting_formula(next)
        || meta::is_bare_formula(prev)
        || meta::is_bare_formula(next)
        || inline::footnote_start(next).is_some_and(|_| !next.starts_with('('))
    {
        return false;
    }
    // A line wrapped inside brackets (`(A/73/12 (Part` / `I) and …`): the label-like start
    // of the next line closes the bracket left open.
    if open_brackets(prev) && inline::number_prefix(next).is_none() && next.contains(')') {
        let closes_first = next.find(')') < next.find('(').or(Some(usize::MAX));
        if closes_first {
            return true;
        }
    }
    let short = prev.chars().count() * 100 < width * 78;
    if short {
        return false;
    }
    !(starts_unit(next)
        && (ends_terminal(prev)
            || meta::is_meeting_line(prev)
            || inline::footnote_start(prev).is_some()))
}

/// A footnote rule `____`.
pub(super) fn is_rule(s: &str) -> bool {
    s.len() >= 3 && s.chars().all(|c| matches!(c, '_' | '-' | '—' | '─'))
}

/// Whether a line starts a unit: an opener or verb, an operative number, a sub-paragraph
/// label, the enacting formula, a footnote, the meeting line.
fn starts_unit(s: &str) -> bool {
    inline::number_prefix(s).is_some()
        || inline::sub_label(s).is_some()
        || inline::footnote_start(s).is_some()
        || meta::is_enacting_formula(s)
        || meta::is_meeting_line(s)
        || starts_with_lead(s)
}

/// Whether a line starts with an opener or verb of the lexicon (capitalised where the script
/// has case), or with a participle after an optional adverb (`Strongly condemning`).
/// Adjectives that open French and Spanish preambular paragraphs (`Consciente`,
/// `Convaincue`, `Preocupada`), in any gender and number.
fn is_opening_adjective(w: &str) -> bool {
    let w = w.to_lowercase();
    [
        "conscient",
        "convaincu",
        "préoccupé",
        "résolu",
        "déterminé",
        "soucieu",
        "alarmé",
        "profondément",
        "consciente",
        "convencid",
        "preocupad",
        "decidid",
        "alarmad",
        "profundamente",
    ]
    .iter()
    .any(|stem| w.starts_with(stem))
}

/// Gerunds that open Russian preambular and operative-free paragraphs (written in lower
/// case): `ссылаясь`, `отмечая`, also after an adverb (`вновь подтверждая`) or a phrase
/// (`с удовлетворением отмечая`).
const RUSSIAN_GERUNDS: [&str; 24] = [
    "ссылаясь",
    "отмечая",
    "признавая",
    "принимая",
    "подтверждая",
    "приветствуя",
    "учитывая",
    "считая",
    "будучи",
    "выражая",
    "напоминая",
    "сознавая",
    "подчеркивая",
    "констатируя",
    "памятуя",
    "осуждая",
    "рассмотрев",
    "заявляя",
    "желая",
    "отдавая",
    "руководствуясь",
    "исходя",
    "придавая",
    "твердо",
];

fn is_russian_opener(s: &str) -> bool {
    let mut words = s.split_whitespace().map(|w| w.trim_end_matches([',', ';']));
    let gerund = |w: Option<&str>| w.is_some_and(|w| RUSSIAN_GERUNDS.contains(&w));
    let (a, b, c) = (words.next(), words.next(), words.next());
    gerund(a)
        || (matches!(a, Some("вновь" | "глубоко" | "особо" | "далее" | "также")) && gerund(b))
        || (a == Some("с") && gerund(c))
}

pub(super) fn starts_with_lead(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if is_russian_opener(s) {
        return true;
    }
    if first.is_lowercase() {
        return false;
    }
    // Arabic openers are matched allowing misspellings, as the body parser does.
    let fuzzy = lexicon::is_arabic_letter(first);
    if lexicon::match_lead(s, LeadList::Openers, fuzzy).is_some()
        || lexicon::match_lead(s, LeadList::Verbs, fuzzy).is_some()
    {
        return true;
    }
    if !first.is_uppercase() {
        return false;
    }
    let mut words = s.split_whitespace().map(|w| w.trim_end_matches([',', ';']));
    let participle = |w: &str| {
        w.chars().count() > 4
            && ["ing", "ant", "ando", "iendo"]
                .iter()
                .any(|e| w.ends_with(e))
    };
    // Adverbs (`Deeply concerned`, `Profondément préoccupée`) and the French reflexive
    // (`Se félicitant`) before a participle.
    let adverb = |w: &str| w.ends_with("ly") || w.ends_with("ment") || w.ends_with("mente");
    match (words.next(), words.next()) {
        (Some(a), _) if participle(a) || is_opening_adjective(a) => true,
        (Some(a), Some(b)) => {
            (adverb(a) || a == "Se")
                && (participle(b) || b.ends_with("ed") || is_opening_adjective(b))
        }
        _ => false,
    }
}

/// Put right the line starts that right-to-left extraction scrambles: `- 1تؤكد`,
/// `21 -تطلب` become `1 - تؤكد`, `21 - تطلب`; `)( ¹انظر` becomes `¹ انظر`.
fn canonical_start(line: &str) -> Cow<'_, str> {
    let t = line.trim_start_matches([')', '(', ' ']);
    if t.len() != line.len() && t.starts_with(|c| inline::superscript_value(c).is_some()) {
        return Cow::Borrowed(t);
    }
    let (digits_at, after_dash) = if let Some(rest) = line.strip_prefix(['-', '–']) {
        (line.len() - rest.trim_start().len(), true)
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
    }

    #[test]
    fn unit_starts() {
        assert!(ends_terminal("harassment in 2019,⁹"));
        assert!(starts_with_lead(
            "Strongly condemning all acts of violence,"
        ));
        assert!(!starts_with_lead("invites Member States to consider"));
        assert!(!continues(
            "arrested and detained and 74 reported cases of intimidation and harassment in 2019,⁹",
            "Strongly condemning all acts of violence, attacks and threats against humanitarian personnel,",
            98
        ));
    }

    #[test]
    fn blocks_split_around_the_formula() {
        let t = "title\nإن الجمعية العامة،\nإذ تشير إلى قرارها،\n\nx\n";
        assert_eq!(
            split_blocks(t).as_deref(),
            Some("title\n\nإن الجمعية العامة،\n\nإذ تشير إلى قرارها،\n\nx\n")
        );
    }

    #[test]
    fn furniture() {
        assert!(is_furniture_shape("12/1/26, 1:30 AM"));
        assert!(is_furniture_shape("14/15"));
        assert!(is_furniture_shape("file:///tmp/tv/page.html"));
        assert!(!is_furniture_shape("The General Assembly,"));
    }

    #[test]
    fn normalises_characters() {
        let mut r = Repairs::default();
        let s = normalize("\u{202B}الأمــم\u{202C}\u{00A0}\u{FEFB} (هـ)", &mut r);
        assert_eq!(s, "الأمم لا (هـ)");
        assert!(r.controls == 2 && r.folded > 0);
    }
}
