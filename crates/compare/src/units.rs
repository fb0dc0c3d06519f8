//! The units a comparison pairs: every paragraph, sub-paragraph, lead-in text of a
//! paragraph with sub-paragraphs, part paragraph, annex paragraph and heading, and table
//! (its cells as text), in reading order.

use super::tokens::{MASK, collapse_spaces, mech_words};
use qarar_document::{Document, Paragraph, ParagraphKind};

/// One comparable piece of a document.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The paragraph id (`para_3`, `para_3_a`, `A.preamble_2`, `annex_1.para_14`).
    pub id: String,
    pub kind: ParagraphKind,
    /// The number or label as printed (`13.`, `(a)`), empty when none.
    pub label: String,
    /// The text as written, white space collapsed.
    pub text: String,
    /// The text without numbers, dates, months or orthographic variants (after
    /// [`Unit::prepare`]).
    pub key: String,
    /// Its distinct content words (mechanical words left out), as interned ids, sorted.
    pub words: Vec<u32>,
    /// The content words before [`intern`].
    raw: Vec<String>,
}

/// The units of `doc` in reading order; paragraphs without text are left out.
pub fn units(doc: &Document) -> Vec<Unit> {
    doc.paragraphs()
        .into_iter()
        .filter_map(|(_, p)| unit(p))
        .collect()
}

fn unit(p: &Paragraph) -> Option<Unit> {
    let text = match &p.table {
        Some(table) => table
            .texts()
            .iter()
            .map(|row| row.join(" | "))
            .collect::<Vec<_>>()
            .join(" / "),
        None => p.text(),
    };
    let text = collapse_spaces(&text);
    if text.is_empty() {
        return None;
    }
    let label = match (p.kind, p.number, &p.label) {
        (ParagraphKind::Operative, Some(n), _) => format!("{n}."),
        (_, _, Some(l)) => format!("({l})"),
        _ => String::new(),
    };
    Some(Unit {
        id: p.id.clone(),
        kind: p.kind,
        label,
        key: String::new(),
        text,
        words: Vec::new(),
        raw: Vec::new(),
    })
}

impl Unit {
    /// Compute [`Unit::key`] and the content words (before [`intern`]); units paired by
    /// their exact text never need them.
    pub fn prepare(&mut self) {
        let words = mech_words(&self.text);
        self.key = words.concat();
        self.raw = words.into_iter().filter(|w| w != MASK).collect();
    }
}

/// Give every unit of both sides its sorted distinct word ids (one dictionary for both).
pub(crate) fn intern(old: &mut [Unit], new: &mut [Unit]) {
    let mut dict: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for u in old.iter_mut().chain(new.iter_mut()) {
        let mut ids: Vec<u32> = std::mem::take(&mut u.raw)
            .into_iter()
            .map(|w| {
                let next = dict.len() as u32;
                *dict.entry(w).or_insert(next)
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        u.words = ids;
    }
}
