//! Pairing the units of two documents by content, ignoring numbers.
//!
//! 0. Units with the same text pair first, in order.
//! 1. Units whose text is the same once numbers, dates, months and orthography are set
//!    aside ([`Unit::key`]) pair first, in order.
//! 2. Among the rest, an old unit whose words are covered by two neighbouring new units
//!    (each of them mostly made of its words) was *split*; the reverse is a *merge*.
//! 3. The rest pair by word similarity (Dice over distinct content words, best pairs first).
//!
//! Candidates for steps 2 and 3 come from rare evidence ([`Candidates`]): words, pairs and
//! triples of neighbouring words and numbers found in few units of the other side, and the
//! place where the unit's counterpart is expected between the units already paired. A
//! word found everywhere is never looked up (that would make the work quadratic), yet units
//! made only of common words still meet their counterpart through their word pairs, their
//! numbers or their place. Each unit scores a bounded number of candidates, so the whole
//! alignment is linear in the size of the documents (but for sorting).
//! 4. The longest run of pairs in the same order in both documents (a longest increasing
//!    subsequence) stays in place; any other pair has *moved*.

use super::units::{Unit, intern};
use std::collections::{HashMap, VecDeque};

/// Below this similarity two units are not taken for one.
pub(crate) const MIN_SIMILARITY: f64 = 0.5;
/// A split or merge needs each piece mostly inside the whole, and the whole mostly covered.
const MIN_COVER: f64 = 0.8;
/// Evidence found in more units than this is not used to find candidates (it still counts
/// in the similarity).
const MAX_POSTING: usize = 64;
/// Units around the expected place of a counterpart that are scored as candidates.
const NEAR: usize = 2;
/// How many best candidates are scored exactly for each unit.
const CANDIDATES: usize = 12;

/// How units of the old (`olds`) and new (`news`) documents correspond.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// One old unit and one new unit; `moved` when out of the common order.
    Pair {
        old: usize,
        new: usize,
        moved: bool,
    },
    Split {
        old: usize,
        news: Vec<usize>,
    },
    Merge {
        olds: Vec<usize>,
        new: usize,
    },
}

/// The links between `old` and `new`; units in no link were deleted (old) or inserted
/// (new). Units with the same text as written pair first, in order, and only the others
/// are folded and masked ([`Unit::prepare`], [`intern`]), which keeps comparing a long
/// resolution with a lightly edited copy cheap.
pub fn align(old: &mut [Unit], new: &mut [Unit]) -> Vec<Link> {
    let mut old_taken = vec![false; old.len()];
    let mut new_taken = vec![false; new.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::new();

    // 0. The same text as written.
    let mut by_text: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, u) in old.iter().enumerate() {
        by_text.entry(u.text.as_str()).or_default().push_back(i);
    }
    for (j, u) in new.iter().enumerate() {
        if let Some(i) = by_text
            .get_mut(u.text.as_str())
            .and_then(VecDeque::pop_front)
        {
            old_taken[i] = true;
            new_taken[j] = true;
            pairs.push((i, j));
        }
    }
    drop(by_text);
    for (u, taken) in old
        .iter_mut()
        .zip(&old_taken)
        .chain(new.iter_mut().zip(&new_taken))
    {
        if !taken {
            u.prepare();
        }
    }
    intern(old, new);
    let (old, new) = (&*old, &*new);

    // 1. Same text but for numbers and orthography.
    let mut by_key: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, u) in old.iter().enumerate() {
        if !old_taken[i] {
            by_key.entry(u.key.as_str()).or_default().push_back(i);
        }
    }
    for (j, u) in new.iter().enumerate() {
        if new_taken[j] {
            continue;
        }
        if let Some(i) = by_key.get_mut(u.key.as_str()).and_then(VecDeque::pop_front) {
            old_taken[i] = true;
            new_taken[j] = true;
            pairs.push((i, j));
        }
    }

    // Pairs so far in the common order: where the rest are expected.
    let anchors = in_order_pairs(&pairs);

    // 2. Splits and merges.
    let mut links: Vec<Link> = Vec::new();
    let news = Candidates::new(new, &new_taken);
    for (i, u) in old.iter().enumerate() {
        if old_taken[i] {
            continue;
        }
        let near = expected(&anchors, i, (old.len(), new.len()), true);
        if let Some(j) = find_pieces(&u.words, new, &new_taken, news.of(u, near)) {
            old_taken[i] = true;
            new_taken[j] = true;
            new_taken[j + 1] = true;
            links.push(Link::Split {
                old: i,
                news: vec![j, j + 1],
            });
        }
    }
    let olds = Candidates::new(old, &old_taken);
    for (j, u) in new.iter().enumerate() {
        if new_taken[j] {
            continue;
        }
        let near = expected(&anchors, j, (new.len(), old.len()), false);
        if let Some(i) = find_pieces(&u.words, old, &old_taken, olds.of(u, near)) {
            new_taken[j] = true;
            old_taken[i] = true;
            old_taken[i + 1] = true;
            links.push(Link::Merge {
                olds: vec![i, i + 1],
                new: j,
            });
        }
    }

    // 3. Similar text.
    pairs.extend(similar_pairs(
        old,
        new,
        &anchors,
        &mut old_taken,
        &mut new_taken,
    ));

    // 4. Common order.
    pairs.sort_unstable_by_key(|&(_, j)| j);
    let olds: Vec<usize> = pairs.iter().map(|&(i, _)| i).collect();
    let in_order = longest_increasing(&olds);
    for (k, (i, j)) in pairs.into_iter().enumerate() {
        links.push(Link::Pair {
            old: i,
            new: j,
            moved: !in_order[k],
        });
    }
    links
}

/// The first `k` among the neighbours of `candidates` such that `units[k]` and
/// `units[k + 1]` are both free and together make up `whole`: each mostly inside it, their words together similar to it and more similar
/// than either alone, the weaker piece bringing at least three words of its own (else it is
/// one changed unit beside an inserted one).
fn find_pieces(
    whole: &[u32],
    units: &[Unit],
    taken: &[bool],
    candidates: Vec<usize>,
) -> Option<usize> {
    if whole.len() < 6 {
        return None;
    }
    let mut ks: Vec<usize> = candidates
        .into_iter()
        .flat_map(|c| [c.saturating_sub(1), c])
        .filter(|&k| k + 1 < units.len())
        .collect();
    ks.sort_unstable();
    ks.dedup();
    ks.into_iter().find(|&k| {
        if taken[k] || taken[k + 1] {
            return false;
        }
        let (a, b) = (&units[k].words, &units[k + 1].words);
        if a.len() < 3 || b.len() < 3 {
            return false;
        }
        let inside =
            |piece: &[u32]| intersection(piece, whole) as f64 >= MIN_COVER * piece.len() as f64;
        if !inside(a) || !inside(b) {
            return false;
        }
        let mut both: Vec<u32> = a.iter().chain(b).copied().collect();
        both.sort_unstable();
        both.dedup();
        let together = similarity(&both, whole);
        let (best, other) = if similarity(a, whole) >= similarity(b, whole) {
            (a, b)
        } else {
            (b, a)
        };
        // What the weaker piece brings that the stronger one lacks.
        let adds = other
            .iter()
            .filter(|w| best.binary_search(w).is_err() && whole.binary_search(w).is_ok())
            .count();
        together >= MIN_COVER && together > similarity(best, whole) && adds >= 3
    })
}

/// Size of the intersection of two sorted lists.
fn intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice similarity of two sorted word lists.
pub(crate) fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * intersection(a, b) as f64 / (a.len() + b.len()) as f64
}

/// The pairs of `pairs` (old, new) that keep the common order, sorted by new index.
fn in_order_pairs(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sorted = pairs.to_vec();
    sorted.sort_unstable_by_key(|&(_, j)| j);
    let olds: Vec<usize> = sorted.iter().map(|&(i, _)| i).collect();
    let keep = longest_increasing(&olds);
    sorted
        .into_iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(p))
        .collect()
}

/// Where the counterpart of unit `at` (of `lens.0` units) is expected on the other side
/// (of `lens.1`): proportionally between the anchors (old, new, in order, so sorted either
/// way) around it, give or take [`NEAR`]. `from_old` when `at` is an old unit.
fn expected(
    anchors: &[(usize, usize)],
    at: usize,
    lens: (usize, usize),
    from_old: bool,
) -> std::ops::Range<usize> {
    let side = |a: &(usize, usize)| -> (i64, i64) {
        if from_old {
            (a.0 as i64, a.1 as i64)
        } else {
            (a.1 as i64, a.0 as i64)
        }
    };
    let p = anchors.partition_point(|a| side(a).0 < at as i64);
    let (kb, vb) = p.checked_sub(1).map_or((-1, -1), |q| side(&anchors[q]));
    let (ka, va) = anchors.get(p).map_or((lens.0 as i64, lens.1 as i64), side);
    let at = at as i64;
    let guess = vb + (at - kb) * (va - vb) / (ka - kb).max(1);
    let near = NEAR as i64;
    let start = (guess - near).max(vb + 1).max(0);
    let end = (guess + near + 1).min(va).max(start);
    start as usize..end as usize
}

/// Rare evidence of the free units of one side: for each piece of evidence, the units
/// that hold it, when they are few.
struct Candidates {
    postings: HashMap<u64, Vec<usize>>,
    len: usize,
}

impl Candidates {
    fn new(units: &[Unit], taken: &[bool]) -> Self {
        let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, u) in units.iter().enumerate() {
            if !taken[i] {
                for e in &u.evidence {
                    let list = postings.entry(*e).or_default();
                    // One past the limit marks the evidence as common.
                    if list.len() <= MAX_POSTING {
                        list.push(i);
                    }
                }
            }
        }
        Candidates {
            postings,
            len: units.len(),
        }
    }

    /// The units sharing the most rare evidence with `u` (at most [`CANDIDATES`]), and
    /// those around its expected place `near`.
    fn of(&self, u: &Unit, near: std::ops::Range<usize>) -> Vec<usize> {
        let mut counts: HashMap<usize, u32> = HashMap::new();
        for e in &u.evidence {
            if let Some(list) = self.postings.get(e).filter(|l| l.len() <= MAX_POSTING) {
                for &i in list {
                    *counts.entry(i).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(u32, usize)> = counts.into_iter().map(|(i, n)| (n, i)).collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        let mut out: Vec<usize> = ranked
            .into_iter()
            .take(CANDIDATES)
            .map(|(_, i)| i)
            .collect();
        out.extend(near.start.min(self.len)..near.end.min(self.len));
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Pair the free units by similarity, best first, marking them taken.
fn similar_pairs(
    old: &[Unit],
    new: &[Unit],
    anchors: &[(usize, usize)],
    old_taken: &mut [bool],
    new_taken: &mut [bool],
) -> Vec<(usize, usize)> {
    let olds = Candidates::new(old, old_taken);
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    for (j, u) in new.iter().enumerate() {
        if new_taken[j] {
            continue;
        }
        let near = expected(anchors, j, (new.len(), old.len()), false);
        for i in olds.of(u, near) {
            if old_taken[i] {
                continue;
            }
            let mut score = similarity(&old[i].words, &u.words);
            if old[i].kind == u.kind {
                score += 0.05;
            }
            if score >= MIN_SIMILARITY {
                scored.push((score, i, j));
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
    let mut out = Vec::new();
    for (_, i, j) in scored {
        if !old_taken[i] && !new_taken[j] {
            old_taken[i] = true;
            new_taken[j] = true;
            out.push((i, j));
        }
    }
    out
}

/// Which elements of `seq` belong to one longest strictly increasing subsequence
/// (patience sorting, O(n log n)).
fn longest_increasing(seq: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new(); // index into seq of the smallest tail per length
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (k, &x) in seq.iter().enumerate() {
        let pos = tails.partition_point(|&t| seq[t] < x);
        prev[k] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut keep = vec![false; seq.len()];
    let mut cur = tails.last().copied();
    while let Some(k) = cur {
        keep[k] = true;
        cur = prev[k];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_out_of_order_element_is_the_moved_one() {
        assert_eq!(
            longest_increasing(&[0, 1, 5, 2, 3, 4]),
            vec![true, true, false, true, true, true]
        );
        assert!(longest_increasing(&[]).is_empty());
    }
}
