//! What the plain-text tests share: the ids a reader navigates by (preamble, operative,
//! parts, annexes, footnote count) and text hard-wrapped as from a PDF.

#![allow(dead_code)]

use qarar::document::model::{Document, Paragraph};

fn ids(ps: &[Paragraph], out: &mut Vec<String>) {
    for p in ps {
        out.push(p.id.clone());
        ids(&p.children, out);
    }
}

/// The ids of paragraphs and all their descendants, in reading order.
pub fn all(ps: &[Paragraph]) -> Vec<String> {
    let mut out = Vec::new();
    ids(ps, &mut out);
    out
}

/// Everything a reader navigates by: preamble and operative ids, parts (letter, preamble,
/// operative), annexes (id, paragraph ids), the footnote count.
#[derive(Debug, PartialEq)]
pub struct Shape {
    pub preamble: Vec<String>,
    pub operative: Vec<String>,
    pub parts: Vec<(String, Vec<String>, Vec<String>)>,
    pub annexes: Vec<(String, Vec<String>)>,
    pub footnotes: usize,
}

pub fn shape(doc: &Document) -> Shape {
    Shape {
        preamble: all(&doc.preamble),
        operative: all(&doc.operative),
        parts: doc
            .parts
            .iter()
            .map(|p| (p.letter.clone(), all(&p.preamble), all(&p.operative)))
            .collect(),
        annexes: doc
            .annexes
            .iter()
            .map(|a| (a.id.clone(), all(&a.paragraphs)))
            .collect(),
        footnotes: doc.footnotes.len(),
    }
}

/// The first difference between two shapes, for messages.
pub fn first_difference(got: &Shape, want: &Shape) -> String {
    let first = |a: &[String], b: &[String]| {
        (0..a.len().max(b.len()))
            .find(|&i| a.get(i) != b.get(i))
            .map(|i| format!("got {:?}, want {:?}", a.get(i), b.get(i)))
    };
    if let Some(d) = first(&got.preamble, &want.preamble) {
        return format!(
            "preamble {}/{}: {d}",
            got.preamble.len(),
            want.preamble.len()
        );
    }
    if let Some(d) = first(&got.operative, &want.operative) {
        return format!(
            "operative {}/{}: {d}",
            got.operative.len(),
            want.operative.len()
        );
    }
    if got.parts != want.parts {
        return format!("parts {}/{}", got.parts.len(), want.parts.len());
    }
    if got.annexes != want.annexes {
        return format!("annexes {}/{}", got.annexes.len(), want.annexes.len());
    }
    format!("footnotes {}/{}", got.footnotes, want.footnotes)
}

/// Every line hard-wrapped at `width` characters (at spaces), as from a PDF.
pub fn wrapped(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut current = String::new();
        for word in line.split_whitespace() {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
                out.push_str(&current);
                out.push('\n');
                current.clear();
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push_str(&current);
        out.push('\n');
    }
    out
}
