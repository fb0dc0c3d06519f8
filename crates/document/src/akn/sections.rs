//! The body of a statement in reading order, and omnibus resolutions made of sections.
//!
//! A statement's body is every `<preamble>` and `<mainBody>` (or `<body>`) it holds, in
//! order: most files have one of each, but omnibus resolutions (the budget resolutions, "Special
//! subjects relating to the proposed programme budget") repeat them, one pair a section.
//! The body is first flattened into pieces: preambular items, body items and section starts.
//! A section starts at
//! - a `<section>` (or `<hcontainer>`, `<part>`, `<chapter>`) whose first child is its
//!   `<num>` (its `<heading>`/`<subheading>` the title, its `<crossHeading>`s preambular), or
//! - an unnumbered item whose whole text is a section numeral (`IV`, `رابعا`, `حاديا وعشرين`,
//!   `十九`), the short unnumbered line after it being the title.
//!
//! The resolution is read in sections when at least two start and they are sections of a
//! resolution, not headings: a later section has preambular paragraphs of its own or its
//! operative numbering starts again at 1. Each section is then a part (like the parts A, B, C
//! of a multi-part resolution) whose letter is its position as an uppercase roman numeral, the
//! same in every language (`IV.para_3`, `II.preamble_2`), and whose label is the numeral as
//! written. Otherwise every piece is read as one resolution, section headers as headings.

use super::Ctx;
use super::annex;
use super::body::{self, Item};
use super::inline::collapse_str;
use super::labels;
use super::tree::Element;
use crate::ids;

/// Wrappers that may open a section with their `<num>`.
const SECTION_NAMES: [&str; 7] = [
    "section",
    "subsection",
    "hcontainer",
    "part",
    "chapter",
    "division",
    "title",
];

/// One piece of a statement's body, in reading order.
enum Piece<'e, 'a> {
    /// A child of a `<preamble>` (or a section's `<crossHeading>`).
    Preamble(&'e Element<'a>),
    /// A child of a `<mainBody>` (or of a section wrapper); `parent` is what holds it.
    Body {
        parent: &'e Element<'a>,
        e: &'e Element<'a>,
    },
    /// A section starts: its numeral and title as written, when known.
    Start {
        numeral: String,
        title: Option<String>,
        wrapper: bool,
    },
}

/// Read the statement's preambles and main bodies: in sections when the file is made of
/// sections (see the module doc), else as one resolution.
pub(super) fn read(ctx: &mut Ctx, statement: &Element) {
    let pieces = flatten(statement);
    if sectioned(&pieces) {
        read_sections(ctx, pieces);
    } else {
        read_whole(ctx, statement);
    }
}

/// The whole body as one resolution: every preamble, then every main body's items.
fn read_whole(ctx: &mut Ctx, statement: &Element) {
    for e in statement.elements() {
        if e.name == "preamble" {
            body::preamble(ctx, e);
        }
    }
    let mut items = Vec::new();
    for main in statement
        .elements()
        .filter(|e| matches!(e.name(), "mainBody" | "body"))
    {
        for child in main.elements() {
            body::gather_child(ctx, main, child, &mut items);
        }
    }
    body::place_items(ctx, items);
}

/// The pieces of the statement in reading order.
fn flatten<'e, 'a>(statement: &'e Element<'a>) -> Vec<Piece<'e, 'a>> {
    let mut out = Vec::new();
    for block in statement.elements() {
        match block.name() {
            "preamble" => {
                for e in block.elements() {
                    match numeral_of(e) {
                        Some((numeral, title)) => out.push(Piece::Start {
                            numeral,
                            title,
                            wrapper: false,
                        }),
                        None => out.push(Piece::Preamble(e)),
                    }
                }
            }
            "mainBody" | "body" => body_pieces(block, &mut out),
            _ => {}
        }
    }
    take_titles(&mut out);
    out
}

/// The pieces of a main body (or of a wrapper in it).
fn body_pieces<'e, 'a>(main: &'e Element<'a>, out: &mut Vec<Piece<'e, 'a>>) {
    for e in main.elements() {
        body_pieces_of(main, e, out);
    }
}

/// The pieces of one child `e` of `main`.
fn body_pieces_of<'e, 'a>(main: &'e Element<'a>, e: &'e Element<'a>, out: &mut Vec<Piece<'e, 'a>>) {
    {
        if let Some(numeral) = wrapper_numeral(e) {
            let mut title = None;
            let mut before_body = true;
            let written = numeral.clone();
            out.push(Piece::Start {
                numeral,
                title: None,
                wrapper: true,
            });
            for c in e.elements() {
                match c.name() {
                    "num" => {}
                    // `<p><num>VII</num></p>`: the numeral itself, already the section's heading.
                    "p" if c.child("num").is_some() && collapse_str(&c.text()) == written => {}
                    "heading" | "subheading" if title.is_none() => {
                        let t = collapse_str(&c.text());
                        if !t.is_empty() {
                            title = Some(t);
                        }
                    }
                    "crossHeading" | "recitals" | "citations" | "container" | "recital"
                        if before_body =>
                    {
                        out.push(Piece::Preamble(c));
                    }
                    _ if wrapper_numeral(c).is_some() => {
                        // A lettered section inside a numbered one (`I`, then `A.`, `B.`).
                        let mut inner = Vec::new();
                        body_pieces_of(e, c, &mut inner);
                        out.extend(inner);
                        before_body = true;
                    }
                    _ => {
                        before_body = false;
                        out.push(Piece::Body { parent: e, e: c });
                    }
                }
            }
            // The title goes with the start pushed above.
            if let Some(Piece::Start { title: t, .. }) = out
                .iter_mut()
                .rev()
                .find(|p| matches!(p, Piece::Start { .. }))
            {
                *t = title;
            }
        } else if let Some((numeral, title)) = numeral_of(e) {
            out.push(Piece::Start {
                numeral,
                title,
                wrapper: false,
            });
        } else {
            out.push(Piece::Body { parent: main, e });
        }
    }
}

/// A section start written as an unnumbered item takes the short line after it as its title.
fn take_titles(pieces: &mut Vec<Piece>) {
    let mut i = 0;
    while i + 1 < pieces.len() {
        let is_start = matches!(
            pieces.get(i),
            Some(Piece::Start {
                title: None,
                wrapper: false,
                ..
            })
        );
        let title = match pieces.get(i + 1) {
            Some(Piece::Body { e, .. } | Piece::Preamble(e)) if is_start => title_of(e),
            _ => None,
        };
        if let Some(t) = title {
            pieces.remove(i + 1);
            if let Some(Piece::Start { title, .. }) = pieces.get_mut(i) {
                *title = Some(t);
            }
        }
        i += 1;
    }
}

/// The text of an unnumbered element that reads as a title: short, not ending like a
/// sentence.
fn title_of(e: &Element) -> Option<String> {
    if e.find_named("num").is_some() {
        return None;
    }
    let t = collapse_str(&e.text());
    title_text(&t).then_some(t)
}

/// Short text that does not end like a sentence nor start with a paragraph number.
fn title_text(t: &str) -> bool {
    !t.is_empty()
        && t.chars().count() <= 400
        && !t.ends_with(['.', ';', ':', ',', '،', '؛', '。', '；', '：', '，'])
        && labels::number_prefix(t).is_none()
}

/// The numeral of a section wrapper whose first child is its `<num>` (or a `<p>` holding it).
fn wrapper_numeral(e: &Element) -> Option<String> {
    if !SECTION_NAMES.contains(&e.name()) {
        return None;
    }
    let first = e.elements().next()?;
    let num = if first.name == "num" {
        first
    } else if first.name == "p" {
        first.child("num")?
    } else {
        return None;
    };
    let n = collapse_str(&num.text());
    (!n.is_empty()).then_some(n)
}

/// The numeral of an unnumbered item that is only a section numeral, or a heading that
/// starts with one (`عشرين الميزانية …`): the numeral and the title after it.
fn numeral_of(e: &Element) -> Option<(String, Option<String>)> {
    if SECTION_NAMES.contains(&e.name()) || e.find_named("num").is_some() {
        return None;
    }
    let t = collapse_str(&e.text());
    if is_section_numeral(&t) {
        return Some((t, None));
    }
    let heading = e
        .find(&|c| matches!(c.name(), "heading" | "subheading"))
        .is_some();
    if !heading {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    (1..=3.min(words.len().saturating_sub(1)))
        .rev()
        .find_map(|n| {
            let numeral = words[..n].join(" ");
            let title = words[n..].join(" ");
            (is_section_numeral(&numeral) && title_text(&title)).then_some((numeral, Some(title)))
        })
}

/// Arabic ordinal words that number sections (`أولا`, `حاديا وعشرين`, `ثلاثين`), without
/// a leading `و`.
const ARABIC_ORDINALS: [&str; 36] = [
    "أولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
    "حادي",
    "حاديا",
    "الحادي",
    "ثاني",
    "ثالث",
    "رابع",
    "خامس",
    "سادس",
    "سابع",
    "ثامن",
    "تاسع",
    "عشر",
    "عشرين",
    "ثلاثين",
    "أربعين",
    "خمسين",
    "ستين",
    "سبعين",
    "ثمانين",
    "تسعين",
    "عشرون",
    "ثلاثون",
    "عاشر",
    "الثاني",
    "الثالث",
    "حادية",
];

/// Is `text` a section numeral alone: an uppercase roman numeral (`XIV`, `XIV.`), Arabic
/// ordinal words, or a Chinese numeral (`十九`)?
pub(super) fn is_section_numeral(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', '．']).trim();
    if t.is_empty() || t.chars().count() > 24 {
        return false;
    }
    if t.chars().all(|c| c.is_ascii_uppercase()) {
        return ids::parse_roman(t).is_some();
    }
    if t.chars().all(|c| "一二三四五六七八九十百零〇".contains(c)) {
        return t.chars().count() <= 4;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().enumerate().all(|(i, w)| {
            let w: String = w
                .chars()
                .filter(|c| !matches!(c, '\u{200f}' | '\u{064b}'..='\u{0652}'))
                .collect();
            let w = w.as_str();
            let w = if i > 0 {
                w.strip_prefix('و').unwrap_or(w)
            } else {
                w
            };
            ARABIC_ORDINALS.contains(&w)
        })
}

/// Are these the pieces of a resolution in sections? At least two starts, and a later section
/// has preambular paragraphs of its own or its operative numbering starts again at 1.
fn sectioned(pieces: &[Piece]) -> bool {
    let starts = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Start { .. }))
        .count();
    if starts < 2 {
        return false;
    }
    let mut seen = 0;
    let mut first_number_checked = false;
    for p in pieces {
        match p {
            Piece::Start { .. } => {
                seen += 1;
                first_number_checked = false;
            }
            Piece::Preamble(_) if seen >= 2 => return true,
            Piece::Body { e, .. } if seen >= 2 && !first_number_checked => {
                if let Some(n) = leading_number(e) {
                    if n == 1 {
                        return true;
                    }
                    first_number_checked = true;
                }
            }
            _ => {}
        }
    }
    false
}

/// The operative number an item starts with (its `<num>`, or the number its text opens with).
fn leading_number(e: &Element) -> Option<u32> {
    if let Some(num) = e.find_named("num") {
        return labels::num_element(&num.text());
    }
    labels::number_prefix(e.text().trim_start()).map(|(n, _)| n)
}

/// A section's numeral and title as written.
type Heading = (String, Option<String>);

/// Read the pieces as sections: what comes before the first is the resolution's own
/// (formula, general preamble), each section a part.
fn read_sections(ctx: &mut Ctx, pieces: Vec<Piece>) {
    let mut groups: Vec<(Option<Heading>, Vec<Piece>)> = vec![(None, Vec::new())];
    for p in pieces {
        match p {
            Piece::Start { numeral, title, .. } => {
                groups.push((Some((numeral, title)), Vec::new()))
            }
            other => {
                if let Some((_, members)) = groups.last_mut() {
                    members.push(other);
                }
            }
        }
    }
    let mut index = 0;
    for (head, members) in groups {
        match head {
            None => read_pieces(ctx, &members),
            Some((numeral, title)) => {
                index += 1;
                let letter = ids::roman(index).to_ascii_uppercase();
                annex::read_part(ctx, letter, numeral, title, |ctx| {
                    read_section(ctx, &members);
                });
            }
        }
    }
}

/// A section's pieces. The files of one resolution do not all put a section's paragraphs
/// in the same element, so the section's shape decides: unnumbered text before its first
/// numbered paragraph, in a section without a preamble, is its preamble; a section with a
/// preamble and no body has its last "preambular" item as its operative paragraph.
fn read_section(ctx: &mut Ctx, pieces: &[Piece]) {
    let has_preamble = pieces.iter().any(|p| matches!(p, Piece::Preamble(_)));
    let has_body = pieces.iter().any(|p| matches!(p, Piece::Body { .. }));
    let first_numbered = pieces
        .iter()
        .position(|p| matches!(p, Piece::Body { e, .. } if leading_number(e).is_some()));
    let last_preamble = pieces.iter().rposition(|p| matches!(p, Piece::Preamble(_)));
    let mut items: Vec<Item> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Piece::Preamble(e) if !has_body && Some(i) == last_preamble => {
                body::gather_child(ctx, e, e, &mut items);
            }
            Piece::Body { e, .. }
                if !has_preamble && first_numbered.is_some_and(|f| i < f) && unlabelled(e) =>
            {
                body::preamble_child(ctx, e);
            }
            _ => read_piece(ctx, p, &mut items),
        }
    }
    body::place_items(ctx, items);
}

/// Neither numbered nor labelled (`(a)`).
fn unlabelled(e: &Element) -> bool {
    e.find_named("num").is_none() && {
        let t = collapse_str(&e.text());
        labels::number_prefix(&t).is_none() && labels::label_prefix(&t).is_none()
    }
}

/// One piece: preambular into the preamble, body into `items`.
fn read_piece(ctx: &mut Ctx, p: &Piece, items: &mut Vec<Item>) {
    match p {
        Piece::Preamble(e) => body::preamble_child(ctx, e),
        Piece::Body { parent, e } => body::gather_child(ctx, parent, e, items),
        Piece::Start { .. } => {}
    }
}

/// Preambular pieces into the preamble, body pieces into the operative part.
fn read_pieces(ctx: &mut Ctx, pieces: &[Piece]) {
    let mut items: Vec<Item> = Vec::new();
    for p in pieces {
        match p {
            Piece::Preamble(e) => body::preamble_child(ctx, e),
            Piece::Body { parent, e } => body::gather_child(ctx, parent, e, &mut items),
            Piece::Start { .. } => {}
        }
    }
    body::place_items(ctx, items);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_numerals_in_six_languages() {
        for n in [
            "I",
            "IV",
            "XXV.",
            "أولا",
            "تاسع عشر",
            "حاديا وعشرين",
            "عشرين",
            "十九",
            "一",
        ] {
            assert!(is_section_numeral(n), "{n}");
        }
        for n in [
            "In",
            "A",
            "",
            "Decides",
            "تقرر",
            "الجمعية العامة",
            "2030",
            "i",
        ] {
            assert!(!is_section_numeral(n), "{n}");
        }
    }
}
