//! Lining up two languages of one resolution side by side: blocks that hold the same
//! paragraph (same id) start at the same height in both columns.

use super::display::{Block, BlockKind};
use super::layout::DocumentLayout;
use std::collections::HashMap;

/// Pairs of block indices `(in a, in b)` that hold the same paragraph, in reading order
/// (strictly increasing on both sides). The title lines up with the title.
pub fn pairs(a: &[Block], b: &[Block]) -> Vec<(usize, usize)> {
    let key = |blk: &Block| -> Option<String> {
        match &blk.kind {
            BlockKind::Title => Some("#title".into()),
            _ => blk.paragraph_id().map(str::to_string),
        }
    };
    let mut in_b: HashMap<String, usize> = HashMap::new();
    for (j, blk) in b.iter().enumerate() {
        if let Some(k) = key(blk) {
            in_b.entry(k).or_insert(j);
        }
    }
    let mut out = Vec::new();
    let mut last_b = None;
    for (i, blk) in a.iter().enumerate() {
        let Some(j) = key(blk).and_then(|k| in_b.get(&k).copied()) else {
            continue;
        };
        if last_b.is_none_or(|l| j > l) {
            out.push((i, j));
            last_b = Some(j);
        }
    }
    out
}

/// Space to add above blocks of `a` and of `b` so that every pair starts at the same height.
/// Both layouts should be complete (exact heights); padding already set is ignored.
pub fn padding(a: &DocumentLayout, b: &DocumentLayout) -> (Vec<f32>, Vec<f32>) {
    let mut pad_a = vec![0.0; a.blocks.len()];
    let mut pad_b = vec![0.0; b.blocks.len()];
    let (mut da, mut db) = (0.0f32, 0.0f32);
    for (i, j) in pairs(&a.blocks, &b.blocks) {
        let ta = a.natural_top(i) + da;
        let tb = b.natural_top(j) + db;
        let top = ta.max(tb);
        pad_a[i] = top - ta;
        pad_b[j] = top - tb;
        da += pad_a[i];
        db += pad_b[j];
    }
    (pad_a, pad_b)
}

/// The block of `to` that corresponds to block `from_block` of `from` (same paragraph, or the
/// nearest paired block before it).
#[cfg(test)]
fn counterpart(from: &[Block], to: &[Block], from_block: usize) -> Option<usize> {
    pairs(from, to)
        .into_iter()
        .take_while(|(i, _)| *i <= from_block)
        .last()
        .map(|(_, j)| j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::DisplayText;
    use qarar_document::Direction;

    fn para(id: &str) -> Block {
        Block {
            kind: BlockKind::Paragraph {
                id: id.into(),
                depth: 0,
            },
            display: DisplayText::default(),
            direction: Direction::Rtl,
        }
    }

    #[test]
    fn pairs_follow_reading_order_and_skip_missing_ids() {
        let a = [
            para("preamble_1"),
            para("para_1"),
            para("para_2"),
            para("para_3"),
        ];
        let b = [
            para("preamble_1"),
            para("para_2"),
            para("para_1"),
            para("para_3"),
        ];
        assert_eq!(pairs(&a, &b), vec![(0, 0), (1, 2), (3, 3)]);
        assert_eq!(counterpart(&a, &b, 2), Some(2));
    }
}
