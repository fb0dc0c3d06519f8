//! Line breaking of the text engine: at several widths, in Arabic and English, no line starts
//! with a footnote marker or a closing bracket, none ends with an opening bracket, and no line
//! breaks inside a document symbol, a number with its separators or a day and its month. The
//! view, popups and the PDF share this layout code.

use qarar_document::{Direction, Document};
use qarar_text::display::{Block, SpanStyle, blocks, is_helper};
use qarar_text::fonts::font_system;
use qarar_text::layout::{Typography, layout_block};
use std::path::Path;

const AKN: &str = concat!(
    concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
    "/../shared/corpus/akn"
);

fn seed() -> Document {
    qarar_document::load_path(Path::new(concat!(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
        "/assets/A-RES-75-10.ar.txt"
    )))
    .expect("seed loads")
}

fn akn(name: &str) -> Option<Document> {
    let p = Path::new(AKN).join(name);
    if !p.is_file() {
        eprintln!("skipping {name}: corpus absent");
        return None;
    }
    Some(qarar_document::load_path(&p).expect("corpus file loads"))
}

/// The visible characters of `text` before `at` (helpers skipped), last first.
fn before(text: &str, at: usize) -> impl Iterator<Item = char> + '_ {
    text[..at].chars().rev().filter(|c| !is_helper(*c))
}

fn after(text: &str, at: usize) -> impl Iterator<Item = char> + '_ {
    text[at..].chars().filter(|c| !is_helper(*c))
}

fn style_at(block: &Block, at: usize) -> Option<SpanStyle> {
    block
        .display
        .spans
        .iter()
        .find(|s| s.range.contains(&at))
        .map(|s| s.style)
}

fn is_month(word: &str) -> bool {
    let w: String = word
        .chars()
        .filter(|c| c.is_alphabetic() && !is_helper(*c))
        .collect();
    qarar_util::months::is_month(&w)
}

/// Why a line may not start at display offset `at` of `block`, if it may not.
fn bad_break(block: &Block, at: usize) -> Option<String> {
    let text = &block.display.text;
    // Skip the spaces the break swallowed.
    let mut start = at;
    for (i, c) in text[at..].char_indices() {
        if c.is_whitespace() || is_helper(c) {
            continue;
        }
        start = at + i;
        break;
    }
    let next = after(text, start).next()?;
    let prev_raw: Vec<char> = before(text, at).take(1).collect();
    let prev = *prev_raw.first()?;
    let prev_visible = before(text, at).find(|c| !c.is_whitespace())?;
    let context = || {
        let a: String = before(text, at)
            .take(20)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let b: String = after(text, at).take(20).collect();
        format!("{a}⏎{b}")
    };
    if style_at(block, start) == Some(SpanStyle::Marker) {
        return Some(format!("line starts with a footnote marker: {}", context()));
    }
    if matches!(next, ')' | ']') {
        return Some(format!("line starts with a closing bracket: {}", context()));
    }
    if matches!(prev_visible, '(' | '[') {
        return Some(format!("line ends with an opening bracket: {}", context()));
    }
    if !prev.is_whitespace()
        && (prev.is_alphanumeric() || prev == '/')
        && (next == '/' || prev == '/')
    {
        return Some(format!("line breaks inside a symbol: {}", context()));
    }
    let group: String = after(text, start).take(4).collect();
    let thousands = group.chars().take(3).all(|c| c.is_ascii_digit())
        && !group.chars().nth(3).is_some_and(|c| c.is_ascii_digit());
    if prev_visible.is_ascii_digit() && prev.is_whitespace() && thousands {
        return Some(format!("line breaks inside a number: {}", context()));
    }
    if matches!(prev_visible, '–' | '-') && next.is_ascii_digit() {
        return Some(format!(
            "line breaks inside a range of numbers: {}",
            context()
        ));
    }
    if prev_visible.is_ascii_digit() && prev.is_whitespace() {
        let word: String = after(text, start)
            .take_while(|c| !c.is_whitespace())
            .collect();
        if is_month(&word) {
            return Some(format!("a day parted from its month: {}", context()));
        }
    }
    None
}

/// Every bad break of `doc`'s blocks at `widths`.
fn bad_breaks(doc: &Document, widths: &[f32]) -> Vec<String> {
    let mut fs = font_system();
    let typo = Typography::default();
    let mut out = Vec::new();
    let all = blocks(doc);
    for &w in widths {
        for b in &all {
            let l = layout_block(&mut fs, b, &typo, w);
            let mut first = true;
            for run in l.buffer.layout_runs() {
                // Glyph offsets are per buffer line: tables have a line a row.
                if run.line_i != 0 {
                    break;
                }
                let start = run.glyphs.iter().map(|g| g.start).min().unwrap_or(0);
                if !first && let Some(why) = bad_break(b, start) {
                    out.push(format!("width {w}: {why}"));
                }
                first = false;
            }
        }
    }
    out
}

const WIDTHS: [f32; 6] = [260.0, 333.0, 410.0, 497.0, 610.0, 760.0];

fn assert_no_bad_breaks(name: &str, doc: &Document) {
    assert_no_bad_breaks_at(name, doc, &WIDTHS);
}

fn assert_no_bad_breaks_at(name: &str, doc: &Document, widths: &[f32]) {
    let bad = bad_breaks(doc, widths);
    assert!(
        bad.is_empty(),
        "{name}: {} bad line breaks:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn arabic_seed_breaks_lines_only_where_a_reader_expects() {
    let doc = seed();
    assert_eq!(doc.meta.direction, Direction::Rtl);
    assert_no_bad_breaks("seed", &doc);
}

#[test]
fn arabic_and_english_akn_break_lines_only_where_a_reader_expects() {
    for name in ["75_10_A.xml", "75_10_E.xml", "76_7_E.xml", "77_264_F.xml"] {
        if let Some(doc) = akn(name) {
            assert_no_bad_breaks(name, &doc);
        }
    }
}

/// One of the longest resolutions, dense with footnote markers, numbers and dates, at the
/// widths of the reading column (narrow popups may still part a few of them: the fix is a
/// slightly narrower line, and it has its limits).
#[test]
fn a_long_arabic_resolution_breaks_lines_where_a_reader_expects() {
    if let Some(doc) = akn("75_239_A.xml") {
        assert_no_bad_breaks_at("75_239_A.xml", &doc, &WIDTHS[2..]);
    }
}

#[test]
fn english_footnote_markers_stay_with_their_word() {
    // The English 75/10 put "(1)" at the start of a line: isolates made it a bidi run of
    // its own, and cosmic-text breaks between runs.
    let Some(doc) = akn("75_10_E.xml") else {
        return;
    };
    let widths: Vec<f32> = (0..40).map(|i| 300.0 + i as f32 * 11.0).collect();
    let bad = bad_breaks(&doc, &widths);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The cover of the Arabic 75/10 has lines with no Arabic ("Distr.: General", "30 November
/// 2020"): they read left to right, the Arabic lines right to left.
#[test]
fn latin_cover_lines_of_an_arabic_document_are_left_to_right() {
    let Some(doc) = akn("75_10_A.xml") else {
        return;
    };
    let all = blocks(&doc);
    let line = |needle: &str| {
        all.iter()
            .find(|b| qarar_text::display::strip_helpers(&b.display.text).contains(needle))
            .unwrap_or_else(|| panic!("{needle} on the cover"))
    };
    assert_eq!(line("30 November 2020").direction, Direction::Ltr);
    assert_eq!(line("الجمعية العامة").direction, Direction::Rtl);
    // The date stays on one line however narrow the column.
    let mut fs = font_system();
    let b = line("30 November 2020");
    for w in [60.0, 90.0, 140.0] {
        let l = layout_block(&mut fs, b, &Typography::default(), w);
        for run in l.buffer.layout_runs().skip(1) {
            let start = run.glyphs.iter().map(|g| g.start).min().unwrap_or(0);
            let before: String = b.display.text[..start]
                .chars()
                .filter(|c| !is_helper(*c))
                .collect();
            assert!(
                !before.trim_end().ends_with("30"),
                "width {w}: the day parted from its month"
            );
        }
    }
}

/// Chinese preambular openers are never slanted (Chinese has no italics): no glyph of the
/// Chinese 75/10 is laid out with a synthetic oblique.
#[test]
fn chinese_is_never_slanted() {
    let Some(doc) = akn("75_10_C.xml") else {
        return;
    };
    let mut fs = font_system();
    for b in blocks(&doc) {
        let l = layout_block(&mut fs, &b, &Typography::default(), 600.0);
        for run in l.buffer.layout_runs() {
            for g in run.glyphs {
                let han = b.display.text[g.start..g.end]
                    .chars()
                    .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
                assert!(
                    !(han
                        && g.cache_key_flags
                            .contains(cosmic_text::CacheKeyFlags::FAKE_ITALIC)),
                    "slanted Chinese: {}",
                    &b.display.text[g.start..g.end]
                );
            }
        }
    }
}

#[test]
fn two_hundred_nested_levels_stay_within_the_column() {
    use qarar_document::model::{Paragraph, ParagraphKind, Run};
    // Paragraph 1 holding (a) holding (a) … 200 levels deep.
    let mut inner: Option<Paragraph> = None;
    for level in (0..200).rev() {
        let mut p = Paragraph::new(
            format!("para_1{}", "_a".repeat(level)),
            ParagraphKind::Operative,
        );
        p.runs.push(Run::plain(format!("Level {level} text")));
        p.children.extend(inner.take());
        inner = Some(p);
    }
    let mut doc = Document::default();
    doc.operative.extend(inner);
    let mut fonts = font_system();
    let column = 600.0;
    let shown: Vec<Block> = blocks(&doc);
    let mut deep = 0;
    for b in &shown {
        let l = layout_block(&mut fonts, b, &Typography::default(), column);
        assert!(
            l.x_offset >= 0.0 && l.x_offset + l.width <= column + 0.5 && l.width >= column / 2.0,
            "offset {} width {}",
            l.x_offset,
            l.width
        );
        deep += 1;
    }
    assert!(deep >= 200, "{deep} blocks");
}
