//! The units a comparison pairs: every paragraph, sub-paragraph, lead-in text of a
//! paragraph with sub-paragraphs, part paragraph, annex paragraph and heading, and table
//! (its cells as text), in reading order.

use super::tokens::{MASK, collapse_spaces, folded_words, is_mechanical_word, mask};
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
    /// What finds this unit's counterpart among many alike (after [`intern`]), sorted:
    /// its words, each pair and triple of neighbouring words, and its numbers as written.
    pub(crate) evidence: Vec<u64>,
    /// The content words before [`intern`], in reading order, and the numbers (folded).
    raw: Vec<String>,
    numbers: Vec<String>,
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
        evidence: Vec::new(),
        raw: Vec::new(),
        numbers: Vec::new(),
    })
}

impl Unit {
    /// Compute [`Unit::key`] and the content words (before [`intern`]); units paired by
    /// their exact text never need them.
    pub fn prepare(&mut self) {
        let folded = folded_words(&self.text);
        self.numbers = folded
            .iter()
            .filter(|w| is_mechanical_word(w))
            .cloned()
            .collect();
        let words = mask(folded);
        self.key = words.concat();
        self.raw = words.into_iter().filter(|w| w != MASK).collect();
    }
}

/// Give every unit of both sides its sorted distinct word ids and its evidence (one
/// dictionary for both).
pub(crate) fn intern(old: &mut [Unit], new: &mut [Unit]) {
    let mut dict: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let mut id = |w: String| {
        let next = dict.len() as u32;
        *dict.entry(w).or_insert(next)
    };
    for u in old.iter_mut().chain(new.iter_mut()) {
        let seq: Vec<u32> = std::mem::take(&mut u.raw)
            .into_iter()
            .map(&mut id)
            .collect();
        // A number as written is kept apart from a word spelt alike.
        let numbers: Vec<u32> = std::mem::take(&mut u.numbers)
            .into_iter()
            .map(|n| id(format!("{MASK}{n}")))
            .collect();
        let mut evidence: Vec<u64> = seq.iter().chain(&numbers).map(|&w| u64::from(w)).collect();
        for pair in seq.windows(2) {
            evidence.push(1 << 62 | u64::from(pair[0]) << 31 | u64::from(pair[1]));
        }
        for t in seq.windows(3) {
            let h = (u64::from(t[0]) << 42 ^ u64::from(t[1]) << 21 ^ u64::from(t[2]))
                .wrapping_mul(0x9E37_79B9_7F4A_7C15);
            evidence.push(2 << 62 | h >> 2);
        }
        evidence.sort_unstable();
        evidence.dedup();
        u.evidence = evidence;
        let mut ids = seq;
        ids.sort_unstable();
        ids.dedup();
        u.words = ids;
    }
}
