//! Text as people get it: normalisation of characters (bidi controls, Arabic presentation
//! forms, kashida, odd spaces) and, for text without blank lines between paragraphs (saved
//! from Word, extracted from a PDF), paragraph boundaries rebuilt from content: running page
//! headers and footers dropped, hard-wrapped lines joined, scrambled operative numbers and
//! footnote markers of right-to-left extraction put back in order.

use super::inline;
use super::lexicon::{self, LeadList};
use super::meta;
use super::visual_order::unscramble;
use qarar_util::fold;
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
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    // Text copied up to here.
    let mut copied = 0;
    let mut i = 0;
    // Every character changed starts with one of these UTF-8 lead bytes (NBSP `C2`, the
    // kashida `D9`, the controls and spaces `E2`, the presentation forms and BOM `EF`),
    // which are never inside a character: the text is searched byte by byte.
    while let Some(off) = bytes[i..]
        .iter()
        .position(|b| matches!(b, 0xC2 | 0xD9 | 0xE2 | 0xEF))
    {
        let at = i + off;
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        i = at + c.len_utf8();
        let kashida = c == '\u{0640}'
            && text[i..]
                .chars()
                .next()
                .is_some_and(|n| n == '\u{0640}' || lexicon::is_arabic_letter(n));
        let form = ('\u{FB50}'..='\u{FEFC}').contains(&c);
        let control = is_control(c);
        let space = is_odd_space(c);
        if !(kashida || form || control || space) {
            continue;
        }
        let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
        buf.push_str(&text[copied..at]);
        copied = i;
        if control {
            repairs.controls += 1;
        } else if space {
            buf.push(' ');
        } else if kashida {
            // A kashida of justification, inside a word (`هـ` of a label is kept).
            repairs.folded += 1;
        } else {
            repairs.folded += 1;
            unicode_normalization::char::decompose_compatible(c, |d| buf.push(d));
        }
    }
    match out {
        Some(mut buf) => {
            buf.push_str(&text[copied..]);
            Cow::Owned(buf)
        }
        None => Cow::Borrowed(text),
    }
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
        && !is_tabbed_row(prev)
        && !is_tabbed_row(next)
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
        || ((ends_terminal(prev) || inline::footnote_start(prev).is_some())
            && (starts_unit(next) || starts_section(next)))
}

/// A trimmed non-blank line and the page it is on.
struct PageLine<'a> {
    text: &'a str,
    page: usize,
    /// Position from the top and from the bottom of its page.
    from_top: usize,
    from_bottom: usize,
}

/// How a file's lines were wrapped: the page width in columns, and the most a line and
/// the next line's first word measure together where the file never wrapped (`fit`). A
/// break where the next word measured no more would have fitted: it was not a wrap. Text
/// wrapped in a monospaced editor has `fit` at the width; text from a PDF, set in a
/// proportional font, well under it, so the test only fires where it is sure.
#[derive(Clone, Copy)]
struct Wrap {
    width: usize,
    fit: usize,
}

/// `fit` for [`Wrap`]: one less than the smallest line-plus-next-word of the breaks that are
/// wraps for certain (a full line stopping without punctuation, the next going on with a
/// lower-case or uncased letter and no paragraph start), the width when there are none.
fn longest_unwrapped(lines: &[Cow<'_, str>], width: usize) -> usize {
    lines
        .windows(2)
        .filter(|pair| {
            let (prev, next) = (pair[0].as_ref(), pair[1].as_ref());
            columns(prev) * 100 >= width * 78
                && !ends_terminal(prev)
                && !prev.ends_with(['-', '–'])
                && !is_rule(prev)
                && !is_tabbed_row(prev)
                && !is_tabbed_row(next)
                && !starts_unit(next)
                && !starts_section(next)
                && next.starts_with(|c: char| c.is_alphabetic() && !c.is_uppercase())
        })
        .map(|pair| columns(&pair[0]) + 1 + first_word_columns(&pair[1]))
        .min()
        .map_or(width, |m| m.saturating_sub(1))
}

fn first_word_columns(s: &str) -> usize {
    s.split_whitespace().next().map_or(0, columns)
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
    let lines: Vec<Cow<'_, str>> = kept.iter().map(|raw| unscramble(raw)).collect();
    let wrap = page_width(&kept).map(|width| Wrap {
        width,
        fit: longest_unwrapped(&lines, width),
    });
    let mut out = String::with_capacity(text.len() + kept.len());
    let mut prev: Option<&str> = None;
    let mut numbered = false;
    // The number the next numbered paragraph would have.
    let mut next_number = 1;
    for line in lines.iter().map(Cow::as_ref) {
        let number = inline::number_prefix(line).map(|(n, _)| n);
        let expected = number.is_some_and(|n| n == 1 || n == next_number);
        let join = match (prev, wrap) {
            (Some(p), Some(w)) => !expected && continues(p, line, w, numbered),
            _ => false,
        };
        // Operative or annex paragraphs are numbered from the first numbered line after
        // the enacting formula until the next formula (another part) or annex heading.
        if meta::is_enacting_formula(line) || super::structure::is_annex_heading(line) {
            numbered = false;
        } else if let Some(n) = number.filter(|_| !join) {
            numbered = true;
            next_number = n + 1;
        }
        if join {
            repairs.wrapped += 1;
            let hyphenated = out.ends_with('-')
                && out[..out.len() - 1].ends_with(|c: char| c.is_alphabetic())
                && line.starts_with(|c: char| c.is_lowercase());
            if hyphenated {
                out.pop();
            } else if !lexicon::joins_tight(out.chars().next_back(), line.chars().next()) {
                out.push(' ');
            }
        } else if prev.is_some() {
            out.push_str("\n\n");
        }
        out.push_str(line);
        prev = Some(line);
    }
    out.push('\n');
    out
}

/// A line of lone Arabic letters (`أ`, `أ أ`, `ّل` with its shadda): marks above the line that extraction from
/// a PDF gives as a line of their own.
fn is_stray_letters(s: &str) -> bool {
    s.split_whitespace().all(|w| {
        let mut letters = 0;
        w.chars().all(|c| {
            letters += usize::from(lexicon::is_arabic_letter(c));
            lexicon::is_arabic_letter(c) || fold::is_ignorable(c)
        }) && letters == 1
    })
}

/// Non-blank trimmed lines with their page and position on it.
fn page_lines(text: &str) -> Vec<PageLine<'_>> {
    let mut out = Vec::new();
    for (page, chunk) in text.split('\u{000C}').enumerate() {
        let first = out.len();
        for raw in chunk.split('\n') {
            let t = raw.trim();
            // Marks above a line come out as lines of lone letters: not lines of the page.
            if !t.is_empty() && !is_stray_letters(t) {
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

/// A page number as printed at a page's foot: `2/7`, digits and spaces around a slash.
fn is_page_number(t: &str) -> bool {
    !t.is_empty()
        && t.len() <= 12
        && t.contains('/')
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
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
    // `2/7`, or `4/6أ` with a mark from above the line glued to it.
    let glued = t.trim_matches(|c: char| lexicon::is_arabic_letter(c) || fold::is_ignorable(c));
    if is_page_number(t)
        || (t.chars().count() - glued.chars().count() <= 2 && is_page_number(glued))
    {
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

/// How wide a line is set, in columns: a Chinese character takes two, a combining mark
/// none, as a page of monospaced text would show them.
fn columns(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// The page width in columns if the lines are hard-wrapped (most lines come near one
/// width), else `None` (one paragraph a line).
fn page_width(lines: &[&str]) -> Option<usize> {
    let widths: Vec<usize> = lines.iter().map(|l| columns(l)).collect();
    if widths.len() < 8 {
        return None;
    }
    let mut sorted = widths.clone();
    sorted.sort_unstable();
    let width = sorted[sorted.len() * 95 / 100];
    if !(30..=300).contains(&width) {
        return None;
    }
    let full = || {
        lines
            .iter()
            .zip(&widths)
            .filter(move |&(_, &w)| w * 100 >= width * 80)
    };
    let near = full().count();
    if near * 100 >= lines.len() * 35 {
        return Some(width);
    }
    // Short paragraphs (Chinese ones are a line or two) leave fewer full lines; wrapped
    // text still shows itself by its full lines stopping mid-sentence, where a file of one
    // paragraph a line ends each with punctuation.
    let open = full().filter(|(l, _)| !ends_terminal(l)).count();
    (near * 100 >= lines.len() * 10 && open * 100 >= near * 40).then_some(width)
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

/// Where paragraphs are `numbered` (operative or annex paragraphs), a full line ending
/// in a comma is followed by more of the same paragraph even when the next line opens with
/// a word of the lexicon (`…В этой связи,` / `напоминая о том, что …`): there a new
/// paragraph would start with its number.
fn continues(prev: &str, next: &str, wrap: Wrap, numbered: bool) -> bool {
    let width = wrap.width;
    if is_tabbed_row(prev)
        || is_tabbed_row(next)
        || is_rule(prev)
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
    let short = columns(prev) * 100 < width * 78;
    // A break where the next word would have fitted was not made by wrapping.
    if short || fits_after(prev, next, wrap.fit) {
        return false;
    }
    let ends_unit = ends_terminal(prev)
        || meta::is_meeting_line(prev)
        || inline::footnote_start(prev).is_some();
    let mid_sentence = numbered && prev.trim_end().ends_with([',', '،', '，']);
    let starts = if mid_sentence {
        starts_unit(next) && !starts_with_lead(next)
    } else {
        starts_unit(next)
    };
    !(ends_unit && (starts || starts_section(next) || starts_section(next)))
}

/// Whether the first word of `next` would have fitted at the end of `prev`, so the line
/// was not wrapped there (`fit` from [`Wrap`]): a heading after a title, an unnumbered
/// paragraph after a sentence, an Arabic opener the list does not hold (`وإذ تعرب عن عميق
/// أسفها`) start there.
fn fits_after(prev: &str, next: &str, fit: usize) -> bool {
    columns(prev) + 1 + first_word_columns(next) <= fit
}

/// A section heading of an annex (`II. Implementation`, `الفرع الثاني`): it starts a unit
/// after a line that ends one.
fn starts_section(s: &str) -> bool {
    super::structure::is_labelled_heading(s)
}

/// A table row as Word saves it: cells separated by tabs. It is never a wrapped line.
fn is_tabbed_row(s: &str) -> bool {
    s.contains('\t')
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
    // Chinese wraps anywhere: a line that starts with a preambular opener starts a unit
    // (operative paragraphs are numbered; a one-character verb such as `请` would start
    // too many).
    if lexicon::is_cjk(first) {
        return lexicon::match_lead(s, LeadList::Openers, false).is_some();
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

#[cfg(test)]
mod tests {
    use super::*;

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
            Wrap { width: 98, fit: 98 },
            false
        ));
        // Among numbered paragraphs the same break is a wrap inside a paragraph.
        assert!(continues(
            "dans le cadre de la lutte contre la traite des personnes et, à cet égard, en rappelant,",
            "Rappelant qu’il importe de renforcer la coopération entre les entités concernées",
            Wrap { width: 90, fit: 90 },
            true
        ));
    }

    #[test]
    fn a_break_the_next_word_would_have_fitted_in_is_not_a_wrap() {
        let lines: Vec<Cow<'_, str>> = [
            "1. Coastal communities face rising seas, stronger storms and the loss of",
            "wetlands that once protected them.",
            "3. States will report every two years on the steps they have taken.",
            "Reports are published on the website of the secretariat.",
        ]
        .into_iter()
        .map(Cow::Borrowed)
        .collect();
        // The one certain wrap measures 72 + 1 + 8: anything up to 80 would have fitted.
        let fit = longest_unwrapped(&lines, 72);
        assert_eq!(fit, 80);
        let wrap = Wrap { width: 72, fit };
        assert!(!continues(&lines[2], &lines[3], wrap, true));
        assert!(continues(&lines[0], &lines[1], wrap, true));
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
        assert!(is_stray_letters("أ أ"));
        assert!(!is_stray_letters("ألف"));
    }

    #[test]
    fn normalises_characters() {
        let mut r = Repairs::default();
        let s = normalize("\u{202B}الأمــم\u{202C}\u{00A0}\u{FEFB} (هـ)", &mut r);
        assert_eq!(s, "الأمم لا (هـ)");
        assert!(r.controls == 2 && r.folded > 0);
    }
}
