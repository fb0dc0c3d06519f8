//! Myers' bit-parallel approximate matching (Hyyrö's block form), any length of pattern.

/// A pattern's match bit-vectors for Myers' algorithm, 64 pattern characters per block.
pub(super) struct Pattern {
    pub(super) m: usize,
    pub(super) blocks: usize,
    /// `peq[symbol * blocks + block]`.
    pub(super) peq: Vec<u64>,
    /// The bit of the pattern's last character in the last block.
    pub(super) last_mask: u64,
}

/// Myers' bit-parallel edit distance (Hyyrö's block form). For each text position `j`, calls
/// `visit(j, d)` with `d` the edits between the whole pattern and the best text substring
/// ending at `j` (or, when `anchored`, the text prefix `text[..=j]`).
pub(super) fn myers(
    pattern: &Pattern,
    text: &[u16],
    anchored: bool,
    mut visit: impl FnMut(usize, u32),
) {
    if pattern.m == 0 {
        return;
    }
    let blocks = pattern.blocks;
    let symbols = pattern.peq.len() / blocks;
    let mut pv = vec![!0u64; blocks];
    let mut mv = vec![0u64; blocks];
    let mut score = pattern.m as i64;
    for (j, &c) in text.iter().enumerate() {
        let c = c as usize;
        let mut carry: i32 = i32::from(anchored);
        for b in 0..blocks {
            let eq = if c < symbols {
                pattern.peq[c * blocks + b]
            } else {
                0
            };
            let mask = if b + 1 == blocks {
                pattern.last_mask
            } else {
                1u64 << 63
            };
            carry = advance_block(&mut pv[b], &mut mv[b], eq, carry, mask);
        }
        score += i64::from(carry);
        visit(j, u32::try_from(score.max(0)).unwrap_or(u32::MAX));
    }
}

/// One column step of one 64-row block; returns the horizontal delta at the block's last row.
#[inline]
fn advance_block(pv: &mut u64, mv: &mut u64, eq: u64, h_in: i32, last: u64) -> i32 {
    let h_neg = u64::from(h_in < 0);
    let h_pos = u64::from(h_in > 0);
    let eq = eq | h_neg;
    let xv = eq | *mv;
    let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
    let mut ph = *mv | !(xh | *pv);
    let mut mh = *pv & xh;
    let h_out = if ph & last != 0 {
        1
    } else if mh & last != 0 {
        -1
    } else {
        0
    };
    ph = (ph << 1) | h_pos;
    mh = (mh << 1) | h_neg;
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    h_out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Plain DP reference: edits between pattern and the best substring ending at each j.
    fn reference(pattern: &[u16], text: &[u16], anchored: bool) -> Vec<u32> {
        let m = pattern.len();
        let mut col: Vec<u32> = (0..=m as u32).collect();
        let mut out = Vec::new();
        for (j, &t) in text.iter().enumerate() {
            let mut next = vec![if anchored { j as u32 + 1 } else { 0 }; m + 1];
            for i in 1..=m {
                let sub = col[i - 1] + u32::from(pattern[i - 1] != t);
                next[i] = sub.min(col[i] + 1).min(next[i - 1] + 1);
            }
            out.push(next[m]);
            col = next;
        }
        out
    }

    fn pattern_of(p: &[u16], symbols: usize) -> Pattern {
        let m = p.len();
        let blocks = m.div_ceil(64).max(1);
        let mut peq = vec![0u64; symbols * blocks];
        for (i, &c) in p.iter().enumerate() {
            peq[c as usize * blocks + i / 64] |= 1 << (i % 64);
        }
        Pattern {
            m,
            blocks,
            peq,
            last_mask: 1 << ((m - 1) % 64),
        }
    }

    #[test]
    fn myers_matches_dynamic_programming() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut rand = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..200 {
            let m = 1 + rand(150) as usize;
            let n = rand(300) as usize;
            let p: Vec<u16> = (0..m).map(|_| rand(4) as u16).collect();
            let t: Vec<u16> = (0..n).map(|_| rand(4) as u16).collect();
            let pat = pattern_of(&p, 4);
            for anchored in [false, true] {
                let mut got = Vec::new();
                myers(&pat, &t, anchored, |_, s| got.push(s));
                assert_eq!(
                    got,
                    reference(&p, &t, anchored),
                    "m={m} n={n} anchored={anchored}"
                );
            }
        }
    }
}
