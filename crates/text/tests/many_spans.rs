//! A paragraph of many styled spans (a word in italics, a reference, a footnote marker, in
//! turn): every glyph still carries the style and link of the span its text is in, and the
//! lines hold the paragraph's words in order, in English and in Arabic (issue 30, item 4:
//! cosmic-text read every span of the line for each word; its growth is measured in
//! `crates/export/benches/growth.rs`, `growth/pdf_spans`).

use qarar_document::{Direction, Paragraph, ParagraphKind, Reference, ReferenceKind, Run, RunKind};
use qarar_text::display::{Block, BlockKind, is_helper, paragraph_display};
use qarar_text::fonts::font_system;
use qarar_text::layout::{GlyphTag, Typography, layout_block, unpack_metadata};

fn many_spans(words: usize, word: &str, direction: Direction) -> Block {
    let references = vec![Reference {
        kind: ReferenceKind::Resolution,
        target: "A/RES/75/1".into(),
        text: "75/1".into(),
        paragraph: "para_1".into(),
    }];
    let mut p = Paragraph::new("para_1", ParagraphKind::Operative);
    p.number = Some(1);
    for i in 0..words {
        let kind = match i % 4 {
            0 => RunKind::Plain,
            1 => RunKind::Emphasis,
            2 => RunKind::Reference { reference: 0 },
            _ => RunKind::FootnoteMarker {
                footnote: format!("fn_{i}"),
            },
        };
        let text = match kind {
            RunKind::FootnoteMarker { .. } => format!("{}", i % 9 + 1),
            _ => format!(" {word}{} ", i % 7),
        };
        p.runs.push(Run::new(kind, text, None));
    }
    let display = paragraph_display(&p, &references, direction);
    Block {
        kind: BlockKind::Paragraph {
            id: "para_1".into(),
            depth: 0,
        },
        display,
        direction,
    }
}

fn check(word: &str, direction: Direction) {
    let block = many_spans(1_200, word, direction);
    let d = &block.display;
    assert!(d.spans.len() > 1_000, "{} spans", d.spans.len());
    let mut fonts = font_system();
    let l = layout_block(&mut fonts, &block, &Typography::default(), 600.0);
    let mut seen = vec![false; d.text.len()];
    for line in l.lines() {
        for g in line.run.glyphs {
            let at = line.piece.base + g.start;
            let span = d
                .spans
                .iter()
                .find(|s| s.range.contains(&at))
                .unwrap_or_else(|| panic!("a glyph at {at} outside every span"));
            assert_eq!(
                unpack_metadata(g.metadata),
                GlyphTag::of(span),
                "glyph at {at}"
            );
            for s in seen.iter_mut().take(line.piece.base + g.end).skip(at) {
                *s = true;
            }
        }
    }
    // Every visible character is drawn (spaces where a line breaks may not be).
    for (i, c) in d.text.char_indices() {
        if !is_helper(c) && !c.is_whitespace() {
            assert!(seen[i], "{c:?} at {i} is not drawn");
        }
    }
}

#[test]
fn english_paragraph_of_many_spans_keeps_each_glyphs_style_and_link() {
    check("word", Direction::Ltr);
}

#[test]
fn arabic_paragraph_of_many_spans_keeps_each_glyphs_style_and_link() {
    check("كلمة", Direction::Rtl);
}
