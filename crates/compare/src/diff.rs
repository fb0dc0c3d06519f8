//! The word diff inside a pair of units and the class of a change.

use super::tokens::{keys, tokenize};
use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use std::time::{Duration, Instant};

/// How long the word diff of one pair may take. Past it the pair is shown as one deletion
/// and one insertion (a coarser diff, as diff tools do when one runs too long), and the
/// comparison says so ([`crate::Comparison::coarse`]).
pub(crate) const WORD_DIFF_TIME: Duration = Duration::from_millis(1500);

/// What a piece of a word diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Insert,
    Delete,
}

/// How much a change matters, weakest first (so the strongest is the maximum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// Only what Arabic folding removes, case, spacing and punctuation.
    Orthographic,
    /// Only session numbers (in figures or words), dates, years, symbols and other numbers.
    Mechanical,
    Substantive,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Orthographic => "orthographic",
            Class::Mechanical => "mechanical",
            Class::Substantive => "substantive",
        }
    }
}

/// One piece of the word diff, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub op: Op,
    pub text: String,
    /// For an insertion or deletion, the class of the change it belongs to (a deletion and
    /// the insertion that replaces it share one); not part of the JSON.
    #[serde(skip)]
    pub class: Option<Class>,
}

/// The class of the change from `old` to `new` (`None` when they are the same text).
pub(crate) fn classify(old: &str, new: &str) -> Option<Class> {
    if old == new {
        return None;
    }
    let (a, b) = (keys(old), keys(new));
    Some(if a.0 == b.0 {
        Class::Orthographic
    } else if a.1 == b.1 {
        Class::Mechanical
    } else {
        Class::Substantive
    })
}

/// The word diff of `old` and `new` (patience over words, white space and punctuation),
/// adjacent pieces of one kind joined; each change (a run of deletions and insertions
/// between equal text) carries its class. An equal stretch between two changes that is no
/// longer than either of them is taken into the change (as diff-match-patch's semantic
/// cleanup does), so that a rewritten clause reads as one deletion and one insertion, not
/// as a word-by-word interleaving.
///
/// When the diff takes longer than `time`, the whole unit is one change instead, and the
/// second value is true.
pub(crate) fn word_diff(old: &str, new: &str, time: Duration) -> (Vec<Edit>, bool) {
    let deadline = Instant::now() + time;
    let a = tokenize(old);
    let b = tokenize(new);
    let ops = capture_diff_slices_deadline(Algorithm::Patience, &a, &b, Some(deadline));
    if Instant::now() >= deadline {
        let class = classify(old, new);
        let mut out = Vec::new();
        push(&mut out, Op::Delete, old.to_string(), class);
        push(&mut out, Op::Insert, new.to_string(), class);
        return (out, true);
    }
    let mut pieces: Vec<Piece> = Vec::new();
    for op in ops {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                pieces.push(Piece::Equal(a[old_index..old_index + len].concat()))
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => add_change(&mut pieces, &a[old_index..old_index + old_len].concat(), ""),
            DiffOp::Insert {
                new_index, new_len, ..
            } => add_change(&mut pieces, "", &b[new_index..new_index + new_len].concat()),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => add_change(
                &mut pieces,
                &a[old_index..old_index + old_len].concat(),
                &b[new_index..new_index + new_len].concat(),
            ),
        }
    }
    let mut out: Vec<Edit> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Equal(text) => push(&mut out, Op::Equal, text, None),
            Piece::Change(del, ins) => {
                let class = classify(&del, &ins);
                push(&mut out, Op::Delete, del, class);
                push(&mut out, Op::Insert, ins, class);
            }
        }
    }
    (out, false)
}

/// A stretch of the diff: equal text, or a change (deleted text, inserted text).
enum Piece {
    Equal(String),
    Change(String, String),
}

/// Add a change, joining it to the change before it, and taking a short equal stretch
/// between them into it.
fn add_change(pieces: &mut Vec<Piece>, del: &str, ins: &str) {
    let size = |d: &str, i: &str| d.chars().count().max(i.chars().count());
    if let Some(Piece::Change(d, i)) = pieces.last_mut() {
        d.push_str(del);
        i.push_str(ins);
        return;
    }
    let absorb = match pieces.as_slice() {
        [.., Piece::Change(d, i), Piece::Equal(eq)] => {
            let n = eq.chars().count();
            n <= size(d, i) && n <= size(del, ins)
        }
        _ => false,
    };
    if absorb && let Some(Piece::Equal(eq)) = pieces.pop() {
        if let Some(Piece::Change(d, i)) = pieces.last_mut() {
            d.push_str(&eq);
            d.push_str(del);
            i.push_str(&eq);
            i.push_str(ins);
        }
        return;
    }
    pieces.push(Piece::Change(del.to_string(), ins.to_string()));
}

fn push(out: &mut Vec<Edit>, op: Op, text: String, class: Option<Class>) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.op == op && last.class == class => last.text.push_str(&text),
        _ => out.push(Edit { op, text, class }),
    }
}

/// The whole of `text` as one piece.
pub(crate) fn whole(op: Op, text: &str, class: Option<Class>) -> Vec<Edit> {
    vec![Edit {
        op,
        text: text.to_string(),
        class,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_session_number_is_mechanical() {
        let (edits, coarse) = word_diff(
            "at its seventy-fifth session, resolution 75/10",
            "at its seventy-seventh session, resolution 77/20",
            WORD_DIFF_TIME,
        );
        assert!(!coarse);
        let changed: Vec<_> = edits.iter().filter(|e| e.op != Op::Equal).collect();
        assert!(!changed.is_empty());
        assert!(changed.iter().all(|e| e.class == Some(Class::Mechanical)));
        let old: String = edits
            .iter()
            .filter(|e| e.op != Op::Insert)
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(old, "at its seventy-fifth session, resolution 75/10");
    }

    #[test]
    fn classes() {
        assert_eq!(classify("الإنترپول", "الإنتربول"), Some(Class::Orthographic));
        assert_eq!(classify("Welcomes", "Notes"), Some(Class::Substantive));
        assert_eq!(classify("same", "same"), None);
    }

    #[test]
    fn a_diff_past_its_time_is_one_change_and_says_so() {
        // Long paragraphs of one repeated word with scattered edits: no unique word for
        // patience to hold on to.
        let old = "a b ".repeat(20_000);
        let new = old.replace("a b a b a", "a b b a");
        let (edits, coarse) = word_diff(&old, &new, Duration::ZERO);
        assert!(coarse);
        assert_eq!(edits.len(), 2);
        assert_eq!((edits[0].op, edits[1].op), (Op::Delete, Op::Insert));
        assert_eq!(
            (edits[0].text.as_str(), edits[1].text.as_str()),
            (old.as_str(), new.as_str())
        );
    }
}
