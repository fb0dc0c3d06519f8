//! Search folding (`fold::find_all`) and cross-reference detection (`refs::detect`).
//!
//! Input layout: byte 0 = flags, the rest is lossy UTF-8 split at the first NUL into
//! `haystack` and `needle` (no NUL: the whole text is the haystack and its last
//! `flags % 8` characters are the needle).
#![no_main]

use libfuzzer_sys::fuzz_target;
use qarar_document::{
    Document, Footnote, Language, Paragraph, ParagraphKind, Run, RunKind, SourceFormat,
};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let (haystack, needle): (&str, &str) = match text.find('\0') {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => {
            let n = usize::from(flags % 8);
            let cut = text
                .char_indices()
                .rev()
                .nth(n.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            (&text[..], &text[if n == 0 { text.len() } else { cut }..])
        }
    };

    // --- fold::find_all: ranges must be usable to slice the haystack.
    for r in qarar_util::fold::find_all(haystack, needle) {
        assert!(r.start <= r.end && r.end <= haystack.len(), "range {r:?} out of bounds");
        assert!(
            haystack.is_char_boundary(r.start) && haystack.is_char_boundary(r.end),
            "range {r:?} not on char boundaries"
        );
    }

    // --- refs::detect on a Document built from the input.
    let mut doc = build_document(flags, haystack, needle);
    qarar_document::refs::detect(&mut doc);
    // Documented as idempotent; a second pass must at least not panic.
    qarar_document::refs::detect(&mut doc);
});

/// Paragraphs from the haystack's lines (runs cut at `*` into plain / emphasis, with
/// source ranges matching the haystack), a footnote and cover-page origins from the needle.
fn build_document(flags: u8, haystack: &str, needle: &str) -> Document {
    const LANGS: [Language; 6] = [
        Language::Ar,
        Language::En,
        Language::Fr,
        Language::Es,
        Language::Ru,
        Language::Zh,
    ];
    let mut doc = Document {
        format: if flags & 0x80 == 0 {
            SourceFormat::PlainText
        } else {
            SourceFormat::AkomaNtoso
        },
        source_text: haystack.to_string(),
        ..Document::default()
    };
    doc.meta.language = LANGS[usize::from((flags >> 4) & 0x7) % LANGS.len()];

    let mut offset = 0;
    for (n, line) in haystack.split('\n').enumerate() {
        let mut p = Paragraph::new(format!("para_{}", n + 1), ParagraphKind::Operative);
        p.number = Some(n as u32 + 1);
        p.source = offset..offset + line.len();
        let mut run_start = offset;
        for (k, piece) in line.split('*').enumerate() {
            let kind = if k % 2 == 1 {
                RunKind::Emphasis
            } else {
                RunKind::Plain
            };
            p.runs
                .push(Run::new(kind, piece, Some(run_start..run_start + piece.len())));
            if k % 3 == 2 {
                p.runs.push(Run::new(
                    RunKind::FootnoteMarker {
                        footnote: String::from("fn_1"),
                    },
                    "1",
                    None,
                ));
            }
            run_start += piece.len() + 1;
        }
        offset += line.len() + 1;
        match n % 3 {
            0 if flags & 0x08 != 0 => doc.preamble.push(Paragraph {
                kind: ParagraphKind::Preamble,
                number: None,
                id: format!("preamble_{}", n + 1),
                ..p
            }),
            1 => match doc.operative.last_mut() {
                Some(parent) => parent.children.push(Paragraph {
                    kind: ParagraphKind::SubParagraph,
                    ..p
                }),
                None => doc.operative.push(p),
            },
            2 => doc.body.push(Paragraph {
                kind: ParagraphKind::Plain,
                ..p
            }),
            _ => doc.operative.push(p),
        }
    }
    if !needle.is_empty() {
        doc.footnotes.push(Footnote {
            id: String::from("fn_1"),
            marker: String::from("1"),
            paragraph: Some(String::from("para_1")),
            runs: vec![Run::plain(needle)],
            source: 0..0,
        });
        doc.meta.originating = needle.split(['\n', ',', '،']).map(String::from).collect();
    }
    doc
}
