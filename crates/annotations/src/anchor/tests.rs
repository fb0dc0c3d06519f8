//! Tests of re-anchoring that need its internals.

use super::*;

#[test]
fn odd_annotations_do_not_panic() {
    use crate::model::{Color, Quote};
    use qarar_document::model::{Paragraph, ParagraphKind, Run};
    let mut doc = Document::default();
    let mut p = Paragraph::new("para_1", ParagraphKind::Operative);
    p.runs.push(Run::plain("ﻻ إِلـٰهَ \u{200F}  ٱلأمم، نص نص"));
    doc.operative.push(p);
    let len = doc.operative[0].text().chars().count();
    let anchorer = Anchorer::new(&doc);
    for exact in [
        "",
        " ",
        "\u{064E}",
        "لا",
        "نص",
        "x",
        "ﻻ إله",
        "الامم، نص نص نص نص",
    ] {
        for target in ["", "para_1", "nope"] {
            for position in [
                None,
                Some(0..0),
                #[allow(clippy::reversed_empty_ranges)]
                Some(99..3),
                Some(usize::MAX - 1..usize::MAX),
            ] {
                for whole_paragraph in [false, true] {
                    let a = Annotation {
                        id: "x".into(),
                        created: String::new(),
                        modified: String::new(),
                        color: Color::Yellow,
                        note: String::new(),
                        note_language: None,
                        tags: vec![],
                        target: target.into(),
                        quote: Quote {
                            exact: exact.into(),
                            prefix: "ﻻ".into(),
                            suffix: " ".into(),
                        },
                        position: position.clone(),
                        whole_paragraph,
                    };
                    if let Some(r) = anchorer.anchor(&a).range() {
                        assert!(r.start <= r.end && r.end <= len, "{exact:?} {r:?}");
                    }
                }
            }
        }
    }
    assert_eq!(
        anchor(
            &Document::default(),
            &Annotation {
                id: "x".into(),
                created: String::new(),
                modified: String::new(),
                color: Color::Blue,
                note: String::new(),
                note_language: None,
                tags: vec![],
                target: "p".into(),
                quote: Quote {
                    exact: "abc".into(),
                    ..Quote::default()
                },
                position: None,
                whole_paragraph: false,
            }
        ),
        Anchor::Orphan
    );
}

/// The index (windows around exact pieces) finds what scanning everything finds.
#[test]
fn index_gives_the_same_anchors_as_scanning() {
    use crate::model::{Color, Quote};
    use qarar_document::model::{Paragraph, ParagraphKind, Run};
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut rand = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let letters: Vec<char> = "ابتثجحخدذرسشصضطظعغفقلمنهوي".chars().collect();
    let mut words: Vec<String> = ["الأمم", "المتحدة", "قرار", "الجمعية", "و", "في"]
        .map(String::from)
        .to_vec();
    for _ in 0..200 {
        let n = 2 + rand(5);
        words.push((0..n).map(|_| letters[rand(letters.len())]).collect());
    }
    let mut filtered = 0;
    for round in 0..12 {
        let mut doc = Document::default();
        let paragraphs = 1 + rand(12);
        let mut texts = Vec::new();
        for i in 0..paragraphs {
            let n = 1 + rand(if round % 3 == 0 { 400 } else { 60 });
            let text: Vec<&str> = (0..n).map(|_| words[rand(words.len())].as_str()).collect();
            let text = text.join(" ");
            let mut p = Paragraph::new(format!("para_{i}"), ParagraphKind::Operative);
            p.runs.push(Run::plain(text.clone()));
            doc.operative.push(p);
            texts.push(text);
        }
        let mut annotations = Vec::new();
        for _ in 0..40 {
            let from = rand(texts.len());
            let chars: Vec<char> = texts[from].chars().collect();
            let start = rand(chars.len());
            let len = 1 + rand(80.min(chars.len() - start));
            let mut quote: Vec<char> = chars[start..start + len].to_vec();
            for _ in 0..rand(4) {
                if !quote.is_empty() {
                    let at = rand(quote.len());
                    match rand(3) {
                        0 => {
                            quote.remove(at);
                        }
                        1 => quote.insert(at, 'ك'),
                        _ => quote[at] = 'ز',
                    }
                }
            }
            let target = format!("para_{}", rand(paragraphs + 1));
            annotations.push(Annotation {
                id: "x".into(),
                created: String::new(),
                modified: String::new(),
                color: Color::Yellow,
                note: String::new(),
                note_language: None,
                tags: vec![],
                target,
                quote: Quote {
                    exact: quote.into_iter().collect(),
                    prefix: String::new(),
                    suffix: String::new(),
                },
                position: (rand(2) == 0).then_some(start..start + len),
                whole_paragraph: rand(6) == 0,
            });
        }
        let mut scanning = Anchorer::new(&doc);
        scanning.index_min = usize::MAX;
        let mut indexed = Anchorer::new(&doc);
        indexed.index_min = 0;
        indexed.window_budget = usize::MAX;
        for a in &annotations {
            assert_eq!(
                scanning.anchor(a),
                indexed.anchor(a),
                "round {round}: {a:?}"
            );
            let quote: Vec<char> = fold(&a.quote.exact).text.chars().collect();
            let k = max_errors(quote.len(), DOCUMENT_ERROR_RATE);
            if k > 0
                && indexed
                    .index()
                    .windows(&quote, k, usize::MAX, |_| true)
                    .is_some_and(|w| !w.is_empty())
            {
                filtered += 1;
            }
        }
    }
    // The windows, not only the fall-back scan, were compared.
    assert!(filtered > 50, "{filtered}");
}

#[test]
fn spaces_trimmed() {
    assert_eq!(trim_spaces(&[' ', 'a', ' ']), &['a']);
    assert!(trim_spaces(&[' ', ' ']).is_empty());
}
