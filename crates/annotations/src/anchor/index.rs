//! The document-wide index of a re-anchoring pass: a suffix array over the folded text of
//! every paragraph, built at most once per [`Anchorer`](super::Anchorer) and only when an
//! annotation needs it (a long paragraph, or a search beyond the named paragraph).
//!
//! It answers two questions in time that grows with the answer, not with the document:
//! where a folded string occurs exactly, and — by the pigeonhole principle — where an
//! approximate match of a quote with at most `k` edits can lie: split the quote into `k + 1`
//! pieces; any match contains one piece unchanged, so only windows around the pieces'
//! exact occurrences need the (costly) approximate search ([`DocIndex::windows`]).

use std::ops::Range;
use suffix::SuffixTable;

/// One paragraph's folded text, as the index needs it.
pub(super) struct Folded<'a> {
    pub text: &'a str,
    /// Byte offset in `text` of each folded char, then `text.len()`.
    pub(crate) char_bytes: &'a [usize],
}

pub(super) struct DocIndex {
    table: SuffixTable<'static, 'static>,
    /// Byte offset in the table's text where each paragraph starts.
    starts: Vec<usize>,
    /// Folded chars per paragraph.
    lens: Vec<usize>,
    /// Byte offset of each folded char, per paragraph, then the paragraph's byte length.
    char_bytes: Vec<Vec<usize>>,
}

impl DocIndex {
    /// Index the folded paragraphs (in document order). Linear in the folded text.
    pub(super) fn new<'a>(paragraphs: impl Iterator<Item = Folded<'a>>) -> DocIndex {
        let mut text = String::new();
        let mut starts = Vec::new();
        let mut lens = Vec::new();
        let mut char_bytes = Vec::new();
        for p in paragraphs {
            starts.push(text.len());
            lens.push(p.char_bytes.len().saturating_sub(1));
            char_bytes.push(p.char_bytes.to_vec());
            text.push_str(p.text);
            // A separator; occurrences that straddle two paragraphs are dropped anyway.
            text.push('\n');
        }
        DocIndex {
            table: SuffixTable::new(text),
            starts,
            lens,
            char_bytes,
        }
    }

    /// How many times `needle` occurs in the indexed text (overlapping, possibly across a
    /// paragraph break): O(|needle| · log n).
    pub(super) fn count(&self, needle: &str) -> usize {
        self.table.positions(needle).len()
    }

    /// Every occurrence of `needle` that lies inside one paragraph, as (paragraph, start in
    /// folded chars), overlapping ones included, in no particular order.
    pub(super) fn occurrences<'s>(
        &'s self,
        needle: &'s str,
    ) -> impl Iterator<Item = (usize, usize)> + 's {
        self.table.positions(needle).iter().filter_map(move |&pos| {
            let pos = pos as usize;
            let p = self.starts.partition_point(|&s| s <= pos).checked_sub(1)?;
            let local = pos - self.starts[p];
            let bytes = &self.char_bytes[p];
            let end = *bytes.last()?;
            if local + needle.len() > end {
                return None;
            }
            bytes.binary_search(&local).ok().map(|c| (p, c))
        })
    }

    /// Ranges of folded chars, per paragraph, where to look for approximate matches of
    /// `quote` with at most `k` edits (one range per group of overlapping windows, sorted by
    /// paragraph then start), in paragraphs accepted by `wanted`.
    ///
    /// The quote is cut into `k + 1` pieces; a match keeps at least `k + 1 − e` of them
    /// unchanged when it has `e` edits. Windows are taken around the occurrences of the
    /// rarest pieces, as many pieces as `budget` (window characters) allows: with all
    /// pieces, every match is inside; with `r` pieces left out, every match with at most
    /// `k − r` edits is — the best ones, which are the ones scored. `None` when even the
    /// rarest piece occurs too often for the budget (the quote is everywhere). The cost is
    /// bounded by the budget, not by the document.
    pub(super) fn windows(
        &self,
        quote: &[char],
        k: u32,
        budget: usize,
        wanted: impl Fn(usize) -> bool,
    ) -> Option<Vec<(usize, Range<usize>)>> {
        let m = quote.len();
        let k = (k as usize).min(m.saturating_sub(1));
        if m == 0 {
            return Some(Vec::new());
        }
        let parts = k + 1;
        let mut pieces: Vec<(usize, usize, String)> = (0..parts)
            .map(|i| {
                let (from, to) = (i * m / parts, (i + 1) * m / parts);
                let piece: String = quote[from..to].iter().collect();
                (self.count(&piece), from, piece)
            })
            .collect();
        pieces.sort_by_key(|&(count, from, _)| (count, from));
        let span = m + 2 * k;
        let mut used = 0usize;
        let mut chosen = 0;
        for (count, _, _) in &pieces {
            let next = used.saturating_add(*count);
            if next.saturating_mul(span) > budget {
                break;
            }
            used = next;
            chosen += 1;
        }
        if chosen == 0 {
            return None;
        }
        pieces.truncate(chosen);
        let mut windows: Vec<(usize, Range<usize>)> = Vec::new();
        for (_, offset, piece) in &pieces {
            for (p, pos) in self.occurrences(piece) {
                if !wanted(p) {
                    continue;
                }
                // A match holding this piece unchanged starts at least `offset + k` chars
                // before it and ends at most `m - offset + k` chars after its start.
                let start = pos.saturating_sub(offset + k);
                let end = (pos + m + k).saturating_sub(*offset).min(self.lens[p]);
                if start < end {
                    windows.push((p, start..end));
                }
            }
        }
        windows.sort_by_key(|(p, r)| (*p, r.start));
        let mut merged: Vec<(usize, Range<usize>)> = Vec::with_capacity(windows.len());
        for (p, r) in windows {
            match merged.last_mut() {
                // Touching windows merge too: a match end run never spans two ranges.
                Some((q, last)) if *q == p && r.start <= last.end => {
                    last.end = last.end.max(r.end);
                }
                _ => merged.push((p, r)),
            }
        }
        Some(merged)
    }
}
