//! The scanner: a state machine over one chunk's tokens that follows cue words and
//! records the references it finds.

mod numbers;
mod paragraphs;
mod treaty;

use std::ops::Range;

use super::classify_symbol;
use super::tokens::{Tok, Token, chunks, has_digit, tokenize};
use super::words::{
    IN_CONNECTORS, IN_DATE_WORDS, IN_DECISION_CUES, IN_PARAGRAPH_CUES, IN_RESOLUTION_CUES,
    IN_TREATY_SERIES, ORGANS_AFTER, ORGANS_BEFORE, Organ, WordFlags, key, key_into,
};
use crate::ids;
use crate::model::ReferenceKind;

/// A reference found in the scanning text.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) range: Range<usize>,
    /// A shorter surface to use when `range` straddles runs (`vol. 1996, No. 1200`).
    pub(super) fallback: Option<Range<usize>>,
    pub(super) kind: ReferenceKind,
    pub(super) target: String,
}

/// An active resolution or decision cue.
#[derive(Debug, Clone, Copy)]
struct Cue {
    organ: Option<Organ>,
    decision: bool,
    /// No number read yet: only an organ name may come before it.
    first: bool,
    /// A list connector was read since the last number.
    connector: bool,
}

/// Find every reference in `text`, in order.
pub(super) fn scan_text(text: &str, reversed: bool) -> Vec<Found> {
    let mut found = Vec::new();
    for chunk in chunks(text) {
        let piece = &text[chunk.clone()];
        if !has_digit(piece) {
            continue;
        }
        let mut scanner = Scanner {
            text: piece,
            tokens: tokenize(piece),
            reversed,
            cue: None,
            found: Vec::new(),
            key: String::new(),
        };
        scanner.run();
        found.extend(scanner.found.into_iter().map(|mut f| {
            f.range = f.range.start + chunk.start..f.range.end + chunk.start;
            f.fallback = f
                .fallback
                .map(|r| r.start + chunk.start..r.end + chunk.start);
            f
        }));
    }
    found
}

/// The state machine over one chunk's tokens.
struct Scanner<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    reversed: bool,
    cue: Option<Cue>,
    found: Vec<Found>,
    /// Scratch buffer for the key of the current word.
    key: String,
}

impl Scanner<'_> {
    /// Walk the tokens.
    fn run(&mut self) {
        let mut i = 0;
        while i < self.tokens.len() {
            i = self.step(i).max(i + 1);
        }
    }

    /// Handle token `i`; returns the index of the next token to look at.
    fn step(&mut self, i: usize) -> usize {
        let token = self.tokens[i];
        match token.tok {
            Tok::Symbol => {
                self.symbol(token);
                i + 1
            }
            Tok::Word => self.word(i),
            Tok::Number => self.number(i),
            Tok::Punct(c) => {
                self.punct(c);
                i + 1
            }
        }
    }

    /// Text of token `i`.
    fn text_of(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| self.text.get(t.range()).unwrap_or(""))
    }

    /// Folded key of word token `i` (empty for other tokens).
    fn key_of(&self, i: usize) -> String {
        match self.tokens.get(i) {
            Some(t) if t.tok == Tok::Word => key(self.text_of(i)),
            _ => String::new(),
        }
    }

    /// True when token `i` is the punctuation `c`.
    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.tok == Tok::Punct(c))
    }

    /// True when token `i` is a number.
    fn is_number(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.tok == Tok::Number)
    }

    /// True when tokens `i` and `i + 1` touch.
    fn touching(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Record a reference.
    fn push(&mut self, range: Range<usize>, kind: ReferenceKind, target: String) {
        self.found.push(Found {
            range,
            fallback: None,
            kind,
            target,
        });
    }

    /// A written-out UN symbol: always a reference; it also counts as a list item.
    fn symbol(&mut self, token: Token) {
        let written = &self.text[token.range()];
        if let Some((kind, target)) = classify_symbol(written) {
            self.push(token.range(), kind, target);
        }
        if let Some(cue) = self.cue.as_mut() {
            cue.first = false;
            cue.connector = false;
        }
    }

    /// A word: a cue, a treaty citation, an internal reference, or list filler.
    fn word(&mut self, i: usize) -> usize {
        let mut key = std::mem::take(&mut self.key);
        key_into(self.text_of(i), &mut key);
        let next = self.keyed_word(i, &key, WordFlags::of(&key));
        self.key = key;
        next
    }

    /// [`Scanner::word`] once the word's key and its lists are known.
    fn keyed_word(&mut self, i: usize, key: &str, flags: WordFlags) -> usize {
        let resolution = flags.forms & IN_RESOLUTION_CUES != 0;
        if resolution || flags.forms & IN_DECISION_CUES != 0 {
            return self.start_cue(i, !resolution);
        }
        if flags.exact & IN_TREATY_SERIES != 0
            && let Some(next) = self.treaty(i, key)
        {
            self.cue = None;
            return next;
        }
        if flags.forms & IN_PARAGRAPH_CUES != 0 {
            self.cue = None;
            return self.paragraphs(i);
        }
        self.filler_word(flags);
        i + 1
    }

    /// Start a cue at word `i`; an organ name may follow it (or precede it, in English).
    fn start_cue(&mut self, i: usize, decision: bool) -> usize {
        let mut cue = Cue {
            organ: self.english_organ_before(i),
            decision,
            first: true,
            connector: false,
        };
        let mut next = i + 1;
        if let Some((organ, after)) = self.organ_after(i + 1) {
            cue.organ = Some(organ);
            next = after;
        }
        self.cue = Some(cue);
        next
    }

    /// `Security Council` before an English cue.
    fn english_organ_before(&self, i: usize) -> Option<Organ> {
        ORGANS_BEFORE.iter().find_map(|(words, organ)| {
            let n = words.len();
            let start = i.checked_sub(n)?;
            let all = (0..n).all(|k| self.key_of(start + k) == words[k]);
            all.then_some(*organ)
        })
    }

    /// `مجلس الأمن` (or `del Consejo de Seguridad`, …) after a cue: the organ and the index after it.
    fn organ_after(&self, i: usize) -> Option<(Organ, usize)> {
        ORGANS_AFTER.iter().find_map(|(words, organ)| {
            let all = words
                .iter()
                .enumerate()
                .all(|(k, w)| self.key_of(i + k) == *w);
            all.then_some((*organ, i + words.len()))
        })
    }

    /// A word that is not a cue: a connector or date word keeps a list going; anything
    /// else ends the cue.
    fn filler_word(&mut self, flags: WordFlags) {
        let Some(cue) = self.cue.as_mut() else {
            return;
        };
        if cue.first {
            self.cue = None;
        } else if flags.exact & IN_CONNECTORS != 0 {
            cue.connector = true;
        } else if flags.forms & IN_DATE_WORDS != 0 {
            // A comma before a date phrase (`71/19, de 21 de noviembre`) connects nothing.
            cue.connector = false;
        } else {
            self.cue = None;
        }
    }

    /// Punctuation: commas connect list items, slashes belong to dates
    /// (`تشرين الثاني/نوفمبر`); anything else ends the cue.
    fn punct(&mut self, c: char) {
        let Some(cue) = self.cue.as_mut() else {
            return;
        };
        match c {
            ',' | '،' if !cue.first => cue.connector = true,
            '/' if !cue.first => {}
            _ => self.cue = None,
        }
    }

    /// True when the words from token `i` on are `words` (folded keys).
    fn phrase_at(&self, i: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.key_of(i + k) == *w)
    }

    /// Skip punctuation tokens among `chars` from `i`.
    fn skip_punct(&self, mut i: usize, chars: &[char]) -> usize {
        while chars.iter().any(|&c| self.is_punct(i, c)) {
            i += 1;
        }
        i
    }
}

/// A number of at most six digits (any script).
fn small_number(s: &str) -> Option<u32> {
    if s.chars().count() > 6 {
        return None;
    }
    ids::parse_number(s)
}
