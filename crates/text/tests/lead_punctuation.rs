//! A lead set apart (bold verb, italic, or plain) followed by punctuation, in a right-to-left
//! paragraph: the comma stays after the lead in reading order, that is to its left, and the
//! lead stays beside its number (issue 29: `2 - **تشدد**، في هذا الصدد` drew the comma
//! between the number and the verb, because cosmic-text appended the runs of a word in
//! logical order; `vendor/cosmic-text/QARAR.md`).

use qarar_document::{Direction, Paragraph, ParagraphKind, Run, RunKind};
use qarar_text::display::{Block, BlockKind, paragraph_display};
use qarar_text::fonts::font_system;
use qarar_text::layout::{Typography, layout_block};

/// The left and right edges of the glyphs drawn for `text[range]`, on the first line.
fn extent(block: &Block, range: std::ops::Range<usize>) -> (f32, f32) {
    let mut fonts = font_system();
    let l = layout_block(&mut fonts, block, &Typography::default(), 900.0);
    let lines = l.lines();
    let line = lines.first().expect("a line");
    let (mut left, mut right) = (f32::MAX, f32::MIN);
    for g in line.run.glyphs {
        let at = line.piece.base + g.start;
        if range.contains(&at) {
            left = left.min(g.x);
            right = right.max(g.x + g.w);
        }
    }
    assert!(left < right, "no glyph drawn for {range:?}");
    (left, right)
}

fn paragraph(lead: RunKind, lead_text: &str, rest: &str) -> Block {
    let mut p = Paragraph::new("para_2", ParagraphKind::Operative);
    p.number = Some(2);
    p.runs.push(Run::new(lead, lead_text.to_string(), None));
    p.runs
        .push(Run::new(RunKind::Plain, rest.to_string(), None));
    Block {
        kind: BlockKind::Paragraph {
            id: "para_2".into(),
            depth: 0,
        },
        display: paragraph_display(&p, &[], Direction::Rtl),
        direction: Direction::Rtl,
    }
}

fn check(lead: RunKind, lead_text: &str, rest: &str) {
    let block = paragraph(lead.clone(), lead_text, rest);
    let text = &block.display.text;
    let lead_at = text.find(lead_text).expect("lead");
    let lead_range = lead_at..lead_at + lead_text.len();
    let comma_at = text[lead_range.end..].find('،').expect("comma") + lead_range.end;
    let number_at = text.find('2').expect("number");
    let (lead_left, lead_right) = extent(&block, lead_range);
    let (_, comma_right) = extent(&block, comma_at..comma_at + '،'.len_utf8());
    let (number_left, _) = extent(&block, number_at..number_at + 1);
    let what = format!("{lead:?} {lead_text:?} then {rest:?}");
    assert!(
        comma_right <= lead_left + 0.5,
        "{what}: the comma ({comma_right}) is not left of the lead ({lead_left})"
    );
    assert!(
        lead_right <= number_left + 0.5,
        "{what}: the lead ({lead_right}) is not left of its number ({number_left})"
    );
}

#[test]
fn a_bold_lead_keeps_its_comma_after_it() {
    check(RunKind::Lead, "تشدد", "، في هذا الصدد، على ضرورة التعاون");
    check(RunKind::Lead, "تدعو", "، إلى تعزيز التعاون");
}

#[test]
fn a_lead_with_a_comma_in_bold_italic_and_plain() {
    for kind in [RunKind::Lead, RunKind::Emphasis, RunKind::Plain] {
        check(kind, "وإذ تلاحظ بقلق", "، أن الجريمة المنظمة عبر الوطنية");
    }
}
