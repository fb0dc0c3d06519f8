//! Tests of the display text: helpers, isolation of symbols and numbers, blocks.
use super::*;
use qarar_document::Run;

#[test]
fn symbols_do_not_break_and_copy_cleanly() {
    let s = protect_symbols("دون الإحالة (A/75/L.20/Add.1)");
    assert!(s.contains(&format!("A/{WJ}75/{WJ}L.20/{WJ}Add.1")));
    assert_eq!(strip_helpers(&s), "دون الإحالة (A/75/L.20/Add.1)");
}

/// `protect` as it was, searching for the closing bracket from every opening one: the
/// reference the one-pass version must agree with.
fn protect_by_search(s: &str, direction: Direction) -> String {
    let chars: Vec<char> = s
        .chars()
        .map(|c| {
            if matches!(c, '\u{2029}' | '\u{2028}' | '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut out = String::with_capacity(s.len() + 8);
    let rtl = direction == Direction::Rtl;
    let mut isolated = false;
    // End of a bracketed Latin symbol or number isolated in right-to-left text.
    let mut bracket_end = None;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        // "(A/75/L.20)" in Arabic text: one left-to-right run, brackets included, so that the
        // line never breaks between a bracket and what it encloses.
        if rtl && c == '(' && bracket_end.is_none() && !isolated {
            let close = chars[i + 1..]
                .iter()
                .position(|&c| c == ')')
                .map(|j| i + 1 + j);
            if let Some(j) = close {
                let inner = &chars[i + 1..j];
                if !inner.iter().any(|&c| script::is_rtl(c))
                    && inner.iter().any(|c| c.is_ascii_alphanumeric())
                {
                    out.push(LRI);
                    bracket_end = Some(j);
                }
            }
        }
        // A number group or range starts here (right-to-left text: isolate it).
        if rtl && !isolated && c.is_ascii_digit() && !digit(prev) && number_unit_end(&chars, i) > 0
        {
            out.push(LRI);
            isolated = true;
        }
        out.push(c);
        if isolated && !c.is_ascii_digit() && !number_joiner(c) {
            // Cannot happen: the unit ends on a digit.
            isolated = false;
        }
        if isolated && c.is_ascii_digit() && !continues_number(&chars, i) {
            out.push(PDI);
            isolated = false;
        }
        let glue = match c {
            '/' | '-' => {
                prev.is_some_and(|p| is_symbol_char(p) || p.is_alphabetic())
                    && next.is_some_and(|n| is_symbol_char(n) || n.is_alphabetic())
            }
            // Range of numbers: 2019–2023.
            '–' | '—' => digit(prev) && digit(next),
            // Thousands: 1 200; a day and its month: 30 November, 30 نوفمبر.
            ' ' | '\u{00A0}' | '\u{202F}' => {
                digit(prev)
                    && (thousands_group(&chars, i + 1) || starts_with_month(&chars[i + 1..]))
            }
            _ => false,
        };
        if glue {
            out.push(WJ);
        }
        if bracket_end == Some(i) {
            if isolated {
                out.push(PDI);
                isolated = false;
            }
            out.push(PDI);
            bracket_end = None;
        }
    }
    if isolated {
        out.push(PDI);
    }
    if bracket_end.is_some() {
        out.push(PDI);
    }
    out
}

#[test]
fn protect_in_one_pass_is_protect_by_search() {
    // Every sequence of up to 4 pieces of brackets, Arabic, Latin, figures and spaces.
    let pieces = ["(", ")", "ب", "A", "1", " ", "/", "–", "١"];
    let mut texts = vec![String::new()];
    for _ in 0..4 {
        let next: Vec<String> = texts
            .iter()
            .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
            .collect();
        texts.extend(next);
    }
    texts.extend([
        "دون الإحالة (A/75/L.20) و".to_string(),
        "((A/75) ب (ج) (1 200) 2019–2023".to_string(),
        format!("ب {}A)", "(".repeat(200)),
    ]);
    for t in &texts {
        for direction in [Direction::Rtl, Direction::Ltr] {
            assert_eq!(
                protect(t, direction),
                protect_by_search(t, direction),
                "{t:?}"
            );
        }
    }
}

#[test]
fn offsets_map_between_display_and_text() {
    let mut p = Paragraph::new("para_1", ParagraphKind::Operative);
    p.number = Some(1);
    p.runs = vec![
        Run::new(RunKind::Lead, "تدعو", None),
        Run::plain(" إلى A/75/L.20 "),
        Run::new(
            RunKind::FootnoteMarker {
                footnote: "fn_1".into(),
            },
            "1",
            None,
        ),
        Run::plain("و"),
    ];
    let d = paragraph_display(&p, &[], Direction::Rtl);
    let text = p.text();
    for (i, _) in text.char_indices() {
        let disp = d.display_offset(i);
        assert_eq!(d.text_offset(disp), Some(i), "offset {i}");
    }
    assert_eq!(
        d.logical(d.text_start..d.text.len()),
        "تدعو إلى A/75/L.20 (1)و"
    );
}
