//! Pairing the units of two documents by content, ignoring numbers.
//!
//! 0. Units with the same text pair first, in order.
//! 1. Units whose text is the same once numbers, dates, months and orthography are set
//!    aside ([`Unit::key`]) pair first, in order.
//! 2. Among the rest, an old unit whose words are covered by two neighbouring new units
//!    (each of them mostly made of its words) was *split*; the reverse is a *merge*.
//! 3. The rest pair by word similarity (Dice over distinct content words, candidates from
//!    an inverted index, best pairs first).
//! 4. The longest run of pairs in the same order in both documents (a longest increasing
//!    subsequence) stays in place; any other pair has *moved*.

use super::units::{Unit, intern};
use std::collections::{HashMap, VecDeque};

/// Below this similarity two units are not taken for one.
pub(crate) const MIN_SIMILARITY: f64 = 0.5;
/// A split or merge needs each piece mostly inside the whole, and the whole mostly covered.
const MIN_COVER: f64 = 0.8;
/// Words in more units than this are not used to find candidates (they still count).
const MAX_POSTING: usize = 64;
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

    // 2. Splits and merges.
    let mut links: Vec<Link> = Vec::new();
    for (i, u) in old.iter().enumerate() {
        if old_taken[i] {
            continue;
        }
        if let Some(j) = find_pieces(&u.words, new, &new_taken) {
            old_taken[i] = true;
            new_taken[j] = true;
            new_taken[j + 1] = true;
            links.push(Link::Split {
                old: i,
                news: vec![j, j + 1],
            });
        }
    }
    for (j, u) in new.iter().enumerate() {
        if new_taken[j] {
            continue;
        }
        if let Some(i) = find_pieces(&u.words, old, &old_taken) {
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
    pairs.extend(similar_pairs(old, new, &mut old_taken, &mut new_taken));

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

/// The first `k` such that `units[k]` and `units[k + 1]` are both free and together make up
/// `whole`: each mostly inside it, their words together similar to it and more similar
/// than either alone, the weaker piece bringing at least three words of its own (else it is
/// one changed unit beside an inserted one).
fn find_pieces(whole: &[u32], units: &[Unit], taken: &[bool]) -> Option<usize> {
    if whole.len() < 6 {
        return None;
    }
    (0..units.len().saturating_sub(1)).find(|&k| {
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

/// Pair the free units by similarity, best first, marking them taken.
fn similar_pairs(
    old: &[Unit],
    new: &[Unit],
    old_taken: &mut [bool],
    new_taken: &mut [bool],
) -> Vec<(usize, usize)> {
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, u) in old.iter().enumerate() {
        if !old_taken[i] {
            for w in &u.words {
                postings.entry(*w).or_default().push(i);
            }
        }
    }
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    let mut counts: HashMap<usize, u32> = HashMap::new();
    for (j, u) in new.iter().enumerate() {
        if new_taken[j] {
            continue;
        }
        counts.clear();
        for w in &u.words {
            if let Some(list) = postings.get(w).filter(|l| l.len() <= MAX_POSTING) {
                for &i in list {
                    *counts.entry(i).or_default() += 1;
                }
            }
        }
        let mut candidates: Vec<(u32, usize)> = counts.iter().map(|(&i, &n)| (n, i)).collect();
        candidates.sort_unstable_by(|a, b| b.cmp(a));
        for &(_, i) in candidates.iter().take(CANDIDATES) {
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
