//! Re-anchoring: where an annotation lands in a document, which may be another version or
//! another format of the text it was made on.
//!
//! Order (all matching on folded text, [`qarar_util::fold`], so hamza, ى/ي, ة/ه, پ/ب,
//! harakat and tatweel do not matter; results are mapped back to code points of the
//! original paragraph text):
//!
//! 1. **Exact**: the quote in the paragraph named by the annotation's fragment; of several
//!    occurrences, the one nearest the stored position (or, without one, the one whose
//!    context fits best).
//! 2. **Fuzzy**, as Hypothesis does: approximate matches of the quote (Myers' bit-parallel
//!    algorithm, any length of quote) with at most [`PARAGRAPH_ERROR_RATE`] × its length
//!    edits in the named paragraph, else [`DOCUMENT_ERROR_RATE`] × its length in every
//!    paragraph; each candidate is scored `(50·quote + 20·prefix + 20·suffix + 2·position) / 92`
//!    where each part is `1 − edits / length` (position: distance from the stored position
//!    over the paragraph length, in the named paragraph only) and the best one wins (outside
//!    the named paragraph, only if it scores at least [`MIN_DOCUMENT_SCORE`]).
//! 3. **Orphan** otherwise; orphans are kept and listed, never dropped.
//!
//! Whole-paragraph annotations land on the paragraph whose text is the quote: the named one
//! when its text is the same ([`Anchor::Exact`]), else the best fuzzy match of the quote,
//! else the named paragraph if it still exists ([`Anchor::Fuzzy`] with score 0).
//!
//! Build one [`Anchorer`] per document (it folds the text once) and call
//! [`Anchorer::anchor`] for each annotation. Paragraphs longer than [`INDEX_MIN`] folded
//! characters, and every search beyond the named paragraph, go through a suffix array of the
//! whole document ([`index`]), built at most once per `Anchorer` and only when needed: an
//! exact quote costs O(m · log n + its occurrences), a fuzzy one a Myers scan of the windows
//! around the exact occurrences of its pieces only — not a scan of the paragraph or document
//! per annotation. The results are the same as scanning everything.

mod index;
mod myers;

use super::model::Annotation;
use index::DocIndex;
use myers::{Pattern, myers};
use qarar_document::model::Document;
use qarar_util::fold::{fold, is_ignorable};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;

/// Fuzzy matches in the named paragraph may have up to this many edits per quote character.
pub(crate) const PARAGRAPH_ERROR_RATE: f32 = 0.3;
/// Fuzzy matches elsewhere in the document may have up to this many edits per quote character.
pub(crate) const DOCUMENT_ERROR_RATE: f32 = 0.25;
/// Matches outside the named paragraph must score at least this much.
pub(crate) const MIN_DOCUMENT_SCORE: f32 = 0.5;
/// Quotes longer than this (folded characters) are only matched exactly (bounds the time an
/// imported file can cost).
pub(crate) const MAX_FUZZY_QUOTE: usize = 4096;
/// At most this many approximate matches (fewest edits first) are scored.
const MAX_CANDIDATES: usize = 64;
/// Folded characters searched approximately per quote and search beyond a short paragraph
/// (windows around the rarest pieces of the quote; see [`index`]).
pub(crate) const WINDOW_BUDGET: usize = 1 << 15;
/// At most this many folded characters of a stored prefix or suffix are compared.
pub(crate) const MAX_CONTEXT: usize = 4 * crate::model::CONTEXT_CHARS;
/// Paragraphs (and documents) up to this many folded characters are simply scanned; longer
/// ones are searched through the document index.
pub(crate) const INDEX_MIN: usize = 2048;

const QUOTE_WEIGHT: f32 = 50.0;
const PREFIX_WEIGHT: f32 = 20.0;
const SUFFIX_WEIGHT: f32 = 20.0;
const POSITION_WEIGHT: f32 = 2.0;

/// Where an annotation lands. Ranges are code points of the paragraph's `text()`.
#[derive(Debug, Clone, PartialEq)]
pub enum Anchor {
    /// The quote, found (folded) in the paragraph the annotation names.
    Exact {
        paragraph: String,
        range: Range<usize>,
    },
    /// The best approximate match; `score` in 0..=1 (1 = perfect).
    Fuzzy {
        paragraph: String,
        range: Range<usize>,
        score: f32,
    },
    /// Nowhere: show it in the list with its stored quote and note.
    Orphan,
}

impl Anchor {
    /// The paragraph id, unless orphaned.
    pub fn paragraph(&self) -> Option<&str> {
        match self {
            Anchor::Exact { paragraph, .. } | Anchor::Fuzzy { paragraph, .. } => Some(paragraph),
            Anchor::Orphan => None,
        }
    }

    /// The code-point range in the paragraph's text, unless orphaned.
    pub fn range(&self) -> Option<Range<usize>> {
        match self {
            Anchor::Exact { range, .. } | Anchor::Fuzzy { range, .. } => Some(range.clone()),
            Anchor::Orphan => None,
        }
    }

    pub fn is_orphan(&self) -> bool {
        matches!(self, Anchor::Orphan)
    }
}

/// Anchor one annotation (folds the whole document: for many, build an [`Anchorer`]).
pub fn anchor(doc: &Document, annotation: &Annotation) -> Anchor {
    Anchorer::new(doc).anchor(annotation)
}

/// A document folded once, ready to anchor annotations.
pub struct Anchorer<'d> {
    paragraphs: Vec<Indexed<'d>>,
    by_id: HashMap<&'d str, usize>,
    alphabet: HashMap<char, u16>,
    /// Folded characters of the whole document.
    total: usize,
    /// Built on first use.
    index: OnceLock<DocIndex>,
    /// [`INDEX_MIN`], but tests compare with and without the index.
    index_min: usize,
    /// [`WINDOW_BUDGET`], but tests compare with every piece of a quote.
    window_budget: usize,
}

/// One paragraph, original and folded.
struct Indexed<'d> {
    id: &'d str,
    text: String,
    /// Original byte offset of each char, then `text.len()`.
    char_starts: Vec<usize>,
    /// Folded text.
    ftext: String,
    /// Byte offset in `ftext` of each folded char, then `ftext.len()`.
    fbytes: Vec<usize>,
    /// Folded characters.
    fchars: Vec<char>,
    /// Original byte offset each folded char came from, then `text.len()`.
    forig: Vec<usize>,
    /// Folded characters as alphabet ids.
    ids: Vec<u16>,
}

/// A candidate match, in folded chars of paragraph `para`.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    para: usize,
    start: usize,
    end: usize,
    errors: u32,
}

impl<'d> Anchorer<'d> {
    /// Fold every paragraph of `doc`.
    pub fn new(doc: &'d Document) -> Anchorer<'d> {
        let mut alphabet: HashMap<char, u16> = HashMap::new();
        let mut paragraphs = Vec::new();
        let mut by_id = HashMap::new();
        for (_, p) in doc.paragraphs() {
            let text = p.text();
            let folded = fold(&text);
            let mut fchars = Vec::new();
            let mut forig = Vec::new();
            let mut ids = Vec::new();
            let mut fbytes = Vec::new();
            for (b, c) in folded.text.char_indices() {
                fbytes.push(b);
                fchars.push(c);
                forig.push(folded.map.get(b).copied().unwrap_or(text.len()));
                let next = alphabet.len();
                let id = *alphabet.entry(c).or_insert_with(|| {
                    u16::try_from(next)
                        .unwrap_or(u16::MAX - 1)
                        .min(u16::MAX - 1)
                });
                ids.push(id);
            }
            forig.push(text.len());
            fbytes.push(folded.text.len());
            let mut char_starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            char_starts.push(text.len());
            by_id.entry(p.id.as_str()).or_insert(paragraphs.len());
            paragraphs.push(Indexed {
                id: &p.id,
                text,
                char_starts,
                ftext: folded.text,
                fbytes,
                fchars,
                forig,
                ids,
            });
        }
        Anchorer {
            total: paragraphs.iter().map(|p| p.fchars.len()).sum(),
            paragraphs,
            by_id,
            alphabet,
            index: OnceLock::new(),
            index_min: INDEX_MIN,
            window_budget: WINDOW_BUDGET,
        }
    }

    /// The document index, built on first use.
    fn index(&self) -> &DocIndex {
        self.index.get_or_init(|| {
            DocIndex::new(self.paragraphs.iter().map(|p| index::Folded {
                text: &p.ftext,
                char_bytes: &p.fbytes,
            }))
        })
    }

    /// Start indices (folded chars) of the non-overlapping exact occurrences of `needle` in
    /// paragraph `n`, leftmost first.
    fn exact_occurrences(&self, n: usize, needle: &[char]) -> Vec<usize> {
        let para = &self.paragraphs[n];
        let m = needle.len();
        if m == 0 || m > para.fchars.len() {
            return Vec::new();
        }
        let needle: String = needle.iter().collect();
        if para.fchars.len() > self.index_min {
            let index = self.index();
            if index.count(&needle) <= para.fchars.len() {
                let mut all: Vec<usize> = index
                    .occurrences(&needle)
                    .filter(|&(p, _)| p == n)
                    .map(|(_, s)| s)
                    .collect();
                all.sort_unstable();
                let mut out = Vec::with_capacity(all.len());
                for s in all {
                    if out.last().is_none_or(|&last| s >= last + m) {
                        out.push(s);
                    }
                }
                return out;
            }
        }
        // Two-way string search: linear in the paragraph.
        para.ftext
            .match_indices(needle.as_str())
            .filter_map(|(b, _)| para.fbytes.binary_search(&b).ok())
            .collect()
    }

    /// Where in paragraphs `paras` (in this order) to look for approximate matches of
    /// `quote` with at most `k` edits: whole paragraphs, or (long text) only the windows
    /// around the exact occurrences of its rarest pieces ([`DocIndex::windows`]; a quote that
    /// is everywhere is searched in full in its own paragraph, and not guessed elsewhere).
    fn search_ranges(&self, paras: &[usize], quote: &[char], k: u32) -> Vec<(usize, Range<usize>)> {
        let whole = || {
            paras
                .iter()
                .map(|&p| (p, 0..self.paragraphs[p].fchars.len()))
                .collect()
        };
        let scan_len: usize = if paras.len() == self.paragraphs.len() {
            self.total
        } else {
            paras.iter().map(|&p| self.paragraphs[p].fchars.len()).sum()
        };
        if scan_len <= self.index_min {
            return whole();
        }
        let wanted = |p: usize| paras.len() == self.paragraphs.len() || paras.contains(&p);
        match self.index().windows(quote, k, self.window_budget, wanted) {
            Some(windows) => windows,
            // The quote is everywhere: scan a named paragraph in full; guess nowhere else.
            None if paras.len() == 1 => whole(),
            None => Vec::new(),
        }
    }

    /// Anchor every annotation, in order.
    pub fn anchor_all(&self, annotations: &[Annotation]) -> Vec<Anchor> {
        annotations.iter().map(|a| self.anchor(a)).collect()
    }

    /// Where `annotation` lands in this document.
    pub fn anchor(&self, annotation: &Annotation) -> Anchor {
        let named = self.by_id.get(annotation.target.as_str()).copied();
        let quote: Vec<char> = fold(&annotation.quote.exact).text.chars().collect();
        let quote = trim_spaces(&quote);
        if annotation.whole_paragraph {
            return self.anchor_paragraph(named, quote);
        }
        if quote.is_empty() {
            return Anchor::Orphan;
        }
        // Context scoring is quadratic in the context's length: only the characters nearest
        // the quote count (ours store CONTEXT_CHARS; an imported file may store any amount).
        let prefix: Vec<char> = fold(&annotation.quote.prefix).text.chars().collect();
        let prefix = &prefix[prefix.len().saturating_sub(MAX_CONTEXT)..];
        let suffix: Vec<char> = fold(&annotation.quote.suffix).text.chars().collect();
        let suffix = &suffix[..suffix.len().min(MAX_CONTEXT)];
        let ctx = Context {
            quote,
            prefix,
            suffix,
            named,
            hint: named.and_then(|n| {
                annotation
                    .position
                    .as_ref()
                    .map(|p| self.paragraphs[n].folded_index(p.start))
            }),
        };

        // 1. Exact, in the named paragraph.
        if let Some(n) = named {
            let para = &self.paragraphs[n];
            let m = quote.len();
            let best = self
                .exact_occurrences(n, quote)
                .into_iter()
                .map(|s| Candidate {
                    para: n,
                    start: s,
                    end: s + m,
                    errors: 0,
                })
                .max_by(|a, b| {
                    let (sa, sb) = match ctx.hint {
                        Some(h) => (-(a.start.abs_diff(h) as f32), -(b.start.abs_diff(h) as f32)),
                        None => (self.score(&ctx, a), self.score(&ctx, b)),
                    };
                    // Ties: the earlier occurrence.
                    sa.total_cmp(&sb).then(b.start.cmp(&a.start))
                });
            if let Some(c) = best {
                return Anchor::Exact {
                    paragraph: para.id.to_string(),
                    range: para.original_range(c.start..c.end),
                };
            }
        }

        // 2. Fuzzy: the named paragraph, then the whole document.
        if quote.len() > MAX_FUZZY_QUOTE {
            return Anchor::Orphan;
        }
        let pattern = self.pattern(quote);
        let reversed: Vec<char> = quote.iter().rev().copied().collect();
        let reversed = self.pattern(&reversed);
        let mut tries: Vec<(Vec<usize>, f32, f32)> = Vec::new();
        if let Some(n) = named {
            tries.push((vec![n], PARAGRAPH_ERROR_RATE, 0.0));
        }
        tries.push((
            (0..self.paragraphs.len()).collect(),
            DOCUMENT_ERROR_RATE,
            MIN_DOCUMENT_SCORE,
        ));
        for (paras, rate, min_score) in tries {
            let k = max_errors(quote.len(), rate);
            let mut cands = Vec::new();
            for (p, range) in self.search_ranges(&paras, quote, k) {
                self.find_ends(p, range, &pattern, k, &mut cands);
            }
            cands.sort_by_key(|c| c.errors);
            cands.truncate(MAX_CANDIDATES);
            let best = cands
                .into_iter()
                .map(|c| self.find_start(c, &reversed, k))
                .map(|c| (self.score(&ctx, &c), c))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .filter(|(score, _)| *score >= min_score);
            if let Some((score, c)) = best {
                let para = &self.paragraphs[c.para];
                return Anchor::Fuzzy {
                    paragraph: para.id.to_string(),
                    range: para.original_range(c.start..c.end),
                    score,
                };
            }
        }
        Anchor::Orphan
    }

    fn anchor_paragraph(&self, named: Option<usize>, quote: &[char]) -> Anchor {
        if let Some(n) = named {
            let para = &self.paragraphs[n];
            if quote.is_empty() || trim_spaces(&para.fchars) == quote {
                return Anchor::Exact {
                    paragraph: para.id.to_string(),
                    range: 0..para.char_count(),
                };
            }
        }
        if !quote.is_empty() {
            let pattern = self.pattern(quote);
            let k = max_errors(quote.len(), DOCUMENT_ERROR_RATE);
            // The paragraph whose whole text is closest to the quote.
            let mut best: Option<(f32, usize)> = None;
            let fits =
                |p: usize| self.paragraphs[p].fchars.len().abs_diff(quote.len()) <= k as usize;
            // Only paragraphs holding a piece of the quote unchanged can match (long documents).
            let candidates: Option<Vec<usize>> = (self.total > self.index_min)
                .then(|| {
                    self.index()
                        .windows(quote, k, self.window_budget, fits)
                        .unwrap_or_default()
                })
                .map(|w| {
                    let mut ps: Vec<usize> = w.into_iter().map(|(p, _)| p).collect();
                    ps.dedup();
                    ps
                });
            let mut order: Vec<usize> = named.into_iter().collect();
            match candidates {
                Some(ps) => order.extend(ps.into_iter().filter(|&p| Some(p) != named)),
                None => order.extend((0..self.paragraphs.len()).filter(|&p| Some(p) != named)),
            }
            for p in order {
                let len = self.paragraphs[p].fchars.len();
                if !fits(p) {
                    continue;
                }
                let mut cands = Vec::new();
                self.find_ends(p, 0..len, &pattern, k, &mut cands);
                if let Some(c) = cands.iter().min_by_key(|c| c.errors) {
                    let edits = c.errors as usize + len.abs_diff(quote.len());
                    let score = 1.0 - edits as f32 / quote.len().max(len) as f32;
                    if edits <= k as usize && best.is_none_or(|(s, _)| score > s) {
                        best = Some((score, p));
                    }
                }
            }
            if let Some((score, p)) = best {
                let para = &self.paragraphs[p];
                return Anchor::Fuzzy {
                    paragraph: para.id.to_string(),
                    range: 0..para.char_count(),
                    score: score.clamp(0.0, 1.0),
                };
            }
        }
        match named {
            Some(n) => Anchor::Fuzzy {
                paragraph: self.paragraphs[n].id.to_string(),
                range: 0..self.paragraphs[n].char_count(),
                score: 0.0,
            },
            None => Anchor::Orphan,
        }
    }

    /// Hypothesis-style score of a candidate, 0..=1.
    fn score(&self, ctx: &Context<'_>, c: &Candidate) -> f32 {
        let para = &self.paragraphs[c.para];
        let m = ctx.quote.len().max(1) as f32;
        let quote_score = 1.0 - c.errors as f32 / m;
        let prefix_score = if ctx.prefix.is_empty() {
            1.0
        } else {
            let from = c.start.saturating_sub(ctx.prefix.len());
            context_score(ctx.prefix, &para.fchars[from..c.start])
        };
        let suffix_score = if ctx.suffix.is_empty() {
            1.0
        } else {
            let to = (c.end + ctx.suffix.len()).min(para.fchars.len());
            context_score(ctx.suffix, &para.fchars[c.end.min(to)..to])
        };
        let position_score = match (ctx.hint, ctx.named) {
            (Some(h), Some(n)) if n == c.para => {
                1.0 - c.start.abs_diff(h) as f32 / para.fchars.len().max(1) as f32
            }
            _ => 0.0,
        };
        let raw = QUOTE_WEIGHT * quote_score
            + PREFIX_WEIGHT * prefix_score
            + SUFFIX_WEIGHT * suffix_score
            + POSITION_WEIGHT * position_score;
        (raw / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)).clamp(0.0, 1.0)
    }

    /// The Myers match table of a (folded) pattern over this document's alphabet.
    fn pattern(&self, chars: &[char]) -> Pattern {
        let m = chars.len();
        let blocks = m.div_ceil(64).max(1);
        let mut peq = vec![0u64; self.alphabet.len() * blocks];
        for (i, c) in chars.iter().enumerate() {
            if let Some(&id) = self.alphabet.get(c) {
                peq[id as usize * blocks + i / 64] |= 1u64 << (i % 64);
            }
        }
        Pattern {
            m,
            blocks,
            peq,
            last_mask: 1u64 << ((m.max(1) - 1) % 64),
        }
    }

    /// Ends of approximate matches with at most `k` edits in `range` (folded chars) of
    /// paragraph `p`: of each run of consecutive ends, those with the fewest edits (a few;
    /// scoring then decides).
    fn find_ends(
        &self,
        p: usize,
        range: Range<usize>,
        pattern: &Pattern,
        k: u32,
        out: &mut Vec<Candidate>,
    ) {
        const PER_RUN: usize = 4;
        let mut run: Vec<usize> = Vec::new();
        let mut best = u32::MAX;
        let flush = |run: &mut Vec<usize>, best: u32, out: &mut Vec<Candidate>| {
            out.extend(run.drain(..).map(|end| Candidate {
                para: p,
                start: end,
                end,
                errors: best,
            }));
        };
        let ids = &self.paragraphs[p].ids;
        let from = range.start.min(ids.len());
        let text = &ids[from..range.end.clamp(from, ids.len())];
        myers(pattern, text, false, |j, score| {
            let j = from + j;
            if score <= k {
                if score < best {
                    run.clear();
                    best = score;
                }
                if score == best && run.len() < PER_RUN {
                    run.push(j + 1);
                }
            } else if !run.is_empty() {
                flush(&mut run, best, out);
                best = u32::MAX;
            }
        });
        flush(&mut run, best, out);
    }

    /// Where the match ending at `c.end` best starts: the reversed quote matched against the
    /// text before `c.end`, read backwards, anchored at `c.end`.
    fn find_start(&self, c: Candidate, reversed: &Pattern, k: u32) -> Candidate {
        let ids = &self.paragraphs[c.para].ids;
        let from = c.end.saturating_sub(reversed.m + k as usize);
        let window: Vec<u16> = ids[from..c.end].iter().rev().copied().collect();
        let mut best: Option<(u32, usize)> = None;
        myers(reversed, &window, true, |j, score| {
            let len = j + 1;
            let better = match best {
                None => true,
                Some((s, l)) => {
                    score < s || (score == s && len.abs_diff(reversed.m) < l.abs_diff(reversed.m))
                }
            };
            if better {
                best = Some((score, len));
            }
        });
        match best {
            Some((errors, len)) => Candidate {
                start: c.end - len,
                errors,
                ..c
            },
            None => Candidate {
                start: c.end.saturating_sub(reversed.m),
                ..c
            },
        }
    }
}

struct Context<'a> {
    quote: &'a [char],
    prefix: &'a [char],
    suffix: &'a [char],
    /// Index of the named paragraph, if it exists.
    named: Option<usize>,
    /// Stored start, in folded chars of the named paragraph.
    hint: Option<usize>,
}

impl Indexed<'_> {
    fn char_count(&self) -> usize {
        self.char_starts.len().saturating_sub(1)
    }

    /// Folded-char index of original code point `pos`.
    fn folded_index(&self, pos: usize) -> usize {
        let byte = self.char_starts[pos.min(self.char_count())];
        let n = self.fchars.len();
        self.forig[..n].partition_point(|&b| b < byte)
    }

    /// Code-point range of the original text that the folded-char range came from, without
    /// white space or deletable characters at the ends.
    fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let n = self.fchars.len();
        let (mut s, mut e) = (folded.start.min(n), folded.end.min(n));
        while s < e && self.fchars[s] == ' ' {
            s += 1;
        }
        while e > s && self.fchars[e - 1] == ' ' {
            e -= 1;
        }
        if s >= e {
            let at = self.char_index(self.forig[s]);
            return at..at;
        }
        let start = self.forig[s];
        let floor = self.forig[e - 1];
        // The cluster the last folded char came from ends where the next one starts.
        let next = self.forig[e..]
            .iter()
            .copied()
            .find(|&b| b > floor)
            .unwrap_or(self.text.len());
        let end = trim_end(&self.text, floor, next);
        let end = if end <= floor { next } else { end };
        self.char_index(start)..self.char_index(end)
    }

    /// Code-point index of an original byte offset.
    fn char_index(&self, byte: usize) -> usize {
        self.char_starts.partition_point(|&b| b < byte)
    }
}

/// Trim white space and deletable non-mark characters from the end of `text[..end]`, not
/// below `floor`.
fn trim_end(text: &str, floor: usize, mut end: usize) -> usize {
    while end > floor {
        let Some(c) = text.get(..end).and_then(|s| s.chars().next_back()) else {
            break;
        };
        if c.is_whitespace() || (is_ignorable(c) && !is_combining_mark(c)) {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    end
}

fn trim_spaces(chars: &[char]) -> &[char] {
    let start = chars.iter().position(|&c| c != ' ').unwrap_or(chars.len());
    let end = chars
        .iter()
        .rposition(|&c| c != ' ')
        .map_or(start, |e| e + 1);
    &chars[start..end.max(start)]
}

/// Error budget for a quote of `m` characters.
fn max_errors(m: usize, rate: f32) -> u32 {
    ((m as f32 * rate).floor() as u32).min(u32::try_from(m).unwrap_or(u32::MAX))
}

/// 1 − edit distance / stored length, over folded characters.
fn context_score(stored: &[char], actual: &[char]) -> f32 {
    let a: String = stored.iter().collect();
    let b: String = actual.iter().collect();
    let d = strsim::levenshtein(&a, &b) as f32;
    (1.0 - d / stored.len().max(1) as f32).max(0.0)
}

#[cfg(test)]
mod tests;
