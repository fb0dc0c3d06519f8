//! Cued numbers: `60/288` (read right to left in Arabic plain text), `2250 (2015)`,
//! `2625 (XXV)`, and the targets they stand for.

use super::{Cue, Scanner, small_number};
use crate::ids;
use crate::model::ReferenceKind;
use crate::refs::symbols::attached_before;
use crate::refs::tokens::is_digit;
use crate::refs::words::Organ;

impl Scanner<'_> {
    /// A number: a reference when a cue expects one, else list filler (a day or a year
    /// between two items).
    pub(super) fn number(&mut self, i: usize) -> usize {
        let Some(cue) = self.cue else {
            return i + 1;
        };
        if !(cue.first || cue.connector) {
            return i + 1;
        }
        match self.cued_number(i, cue) {
            Some(next) => {
                if let Some(c) = self.cue.as_mut() {
                    c.first = false;
                    c.connector = false;
                }
                next
            }
            None => {
                self.cue = None;
                i + 1
            }
        }
    }

    /// Try the forms a cued number takes: `60/288`, `2250 (2015)`, `2625 (XXV)`.
    fn cued_number(&mut self, i: usize, cue: Cue) -> Option<usize> {
        if let Some(next) = self.slash_number(i, cue) {
            return Some(next);
        }
        if cue.decision {
            return None;
        }
        self.numbered_with_year(i, cue)
    }

    /// `288/60` (or `60/288`): tokens number, `/`, number, touching, nothing glued around.
    fn slash_number(&mut self, i: usize, cue: Cue) -> Option<usize> {
        let shaped = self.is_punct(i + 1, '/')
            && self.is_number(i + 2)
            && self.touching(i)
            && self.touching(i + 1);
        if !shaped {
            return None;
        }
        let range = self.tokens[i].start..self.tokens[i + 2].end;
        if attached_before(self.text, range.start) || attached_after(self.text, range.end) {
            return None;
        }
        let a = small_number(self.text_of(i))?;
        let b = small_number(self.text_of(i + 2))?;
        let (kind, target) = resolve_pair(a, b, cue, self.reversed)?;
        self.push(range, kind, target);
        Some(i + 3)
    }

    /// `2250 (2015)` (Security Council) or `2625 (XXV)` / `2625 (د-25)` (early General
    /// Assembly resolutions).
    fn numbered_with_year(&mut self, i: usize, cue: Cue) -> Option<usize> {
        if !self.is_punct(i + 1, '(') || attached_before(self.text, self.tokens[i].start) {
            return None;
        }
        let n = small_number(self.text_of(i))?;
        if let Some(year) = self.year_in_parentheses(i + 1) {
            if !matches!(cue.organ, None | Some(Organ::SecurityCouncil)) {
                return None;
            }
            let range = self.tokens[i].start..self.tokens[i + 3].end;
            let target = format!("S/RES/{n} ({year})");
            self.push(range, ReferenceKind::Resolution, target);
            return Some(i + 4);
        }
        let (session, close) = self.session_in_parentheses(i + 1)?;
        if !matches!(cue.organ, None | Some(Organ::GeneralAssembly)) {
            return None;
        }
        let range = self.tokens[i].start..self.tokens[close].end;
        let target = format!("A/RES/{n}({})", ids::roman(session).to_uppercase());
        self.push(range, ReferenceKind::Resolution, target);
        Some(close + 1)
    }

    /// `(2015)` at token `open`: the year.
    fn year_in_parentheses(&self, open: usize) -> Option<u32> {
        let year = small_number(self.text_of(open + 1)).filter(|y| is_year(*y))?;
        (self.is_number(open + 1) && self.is_punct(open + 2, ')')).then_some(year)
    }

    /// `(XXV)` or `(د-25)` at token `open`: the session and the index of `)`.
    fn session_in_parentheses(&self, open: usize) -> Option<(usize, usize)> {
        let word = self.text_of(open + 1);
        if self.is_punct(open + 2, ')') {
            let session =
                ids::parse_roman(word).filter(|_| word.chars().all(|c| c.is_ascii_uppercase()))?;
            return Some((session, open + 2));
        }
        let arabic = word == "د" && self.is_punct(open + 2, '-') && self.is_number(open + 3);
        if arabic && self.is_punct(open + 4, ')') {
            let session = small_number(self.text_of(open + 3))? as usize;
            return (session > 0).then_some((session, open + 4));
        }
        None
    }
}

/// True when the character after `end` glues it to more (`60/288/Add`, `24/7x`, `1/2.5`).
fn attached_after(text: &str, end: usize) -> bool {
    let mut rest = text.get(end..).unwrap_or("").chars();
    match rest.next() {
        Some(c) if c.is_ascii_alphanumeric() || c == '/' || is_digit(c) => true,
        Some('.' | '-') => rest.next().is_some_and(is_digit),
        _ => false,
    }
}

/// A plausible year of a UN resolution.
fn is_year(n: u32) -> bool {
    (1946..=2100).contains(&n)
}

/// Target of the cued slash number `a/b` as written; in reversed (Arabic plain) text the
/// reading order `b/a` is tried first, and the written order only if that is implausible.
fn resolve_pair(a: u32, b: u32, cue: Cue, reversed: bool) -> Option<(ReferenceKind, String)> {
    let orders: &[(u32, u32)] = if reversed {
        &[(b, a), (a, b)]
    } else {
        &[(a, b)]
    };
    orders.iter().find_map(|&(x, y)| slash_target(x, y, cue))
}

/// `x/y` in natural order under `cue`: ECOSOC for `year/n`; the General Assembly for
/// `session/n` (sessions from the 31st, when this numbering began; decisions are numbered
/// 400–699 within a session); the Human Rights Council when named.
fn slash_target(x: u32, y: u32, cue: Cue) -> Option<(ReferenceKind, String)> {
    let (kind, series) = if cue.decision {
        (ReferenceKind::Decision, "DEC")
    } else {
        (ReferenceKind::Resolution, "RES")
    };
    if y == 0 || y > 999 {
        return None;
    }
    if is_year(x) {
        return matches!(cue.organ, None | Some(Organ::Ecosoc))
            .then(|| (kind, format!("E/{series}/{x}/{y}")));
    }
    match cue.organ {
        None | Some(Organ::GeneralAssembly) => {
            let plausible = (31..=150).contains(&x) && (!cue.decision || (400..=699).contains(&y));
            plausible.then(|| (kind, format!("A/{series}/{x}/{y}")))
        }
        Some(Organ::HumanRightsCouncil) => (1..=100)
            .contains(&x)
            .then(|| (kind, format!("A/HRC/{series}/{x}/{y}"))),
        _ => None,
    }
}
