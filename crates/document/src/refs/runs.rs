//! Splitting runs: the paragraph's scanning text, and every match found in it put back
//! into the run that holds it as a reference run of its own.

use std::ops::Range;

use super::scanner::{Found, scan_text};
use super::tokens::has_digit;
use crate::model::{Reference, ReferenceKind, Run, RunKind};

/// Where one run's text sits in the paragraph's scanning text.
struct Segment {
    run: usize,
    start: usize,
    len: usize,
    /// Plain and emphasis runs may be split; others are context only.
    splittable: bool,
}

/// A reference placed in one run: local byte range, kind, target.
struct Placed {
    run: usize,
    range: Range<usize>,
    kind: ReferenceKind,
    target: String,
}

/// Detect in one list of runs owned by paragraph or footnote `owner`.
pub(super) fn detect_runs(
    runs: &mut Vec<Run>,
    owner: &str,
    reversed: bool,
    refs: &mut Vec<Reference>,
) {
    // Every reference holds a digit (a number or a symbol with a number): runs without
    // any cannot give one.
    if !runs.iter().any(|r| !r.is_marker() && has_digit(&r.text)) {
        return;
    }
    let (text, segments) = scanning_text(runs);
    let mut placed: Vec<Placed> = scan_text(&text, reversed)
        .into_iter()
        .filter_map(|found| place(found, &segments))
        .collect();
    placed.sort_by_key(|p| (p.run, p.range.start));
    let mut last: Option<(usize, usize)> = None;
    placed.retain(|p| {
        let overlaps = last.is_some_and(|(run, end)| run == p.run && end > p.range.start);
        if !overlaps {
            last = Some((p.run, p.range.end));
        }
        !overlaps
    });
    if placed.is_empty() {
        return;
    }
    *runs = split_runs(std::mem::take(runs), placed, owner, refs);
}

/// The paragraph's text as scanned: every run's text, footnote markers replaced by one
/// space (so that `2019` + marker `1` does not read as `20191`).
fn scanning_text(runs: &[Run]) -> (String, Vec<Segment>) {
    let mut text = String::new();
    let mut segments = Vec::with_capacity(runs.len());
    for (i, run) in runs.iter().enumerate() {
        let piece = if run.is_marker() {
            " "
        } else {
            run.text.as_str()
        };
        segments.push(Segment {
            run: i,
            start: text.len(),
            len: piece.len(),
            splittable: matches!(run.kind, RunKind::Plain | RunKind::Emphasis),
        });
        text.push_str(piece);
    }
    (text, segments)
}

/// Put a match into the single splittable run that holds it (its main range, else its
/// fallback range); `None` when it straddles runs or lies in a reference run.
fn place(found: Found, segments: &[Segment]) -> Option<Placed> {
    let ranges = std::iter::once(&found.range).chain(found.fallback.as_ref());
    for range in ranges {
        if let Some(s) = holding_segment(range, segments) {
            return Some(Placed {
                run: s.run,
                range: range.start - s.start..range.end - s.start,
                kind: found.kind,
                target: found.target,
            });
        }
    }
    None
}

/// The first splittable segment that holds `range` whole. Segments tile the scanning text
/// in order, so a non-empty range can only lie in the one non-empty segment that holds
/// its first byte, found by binary search.
fn holding_segment<'a>(range: &Range<usize>, segments: &'a [Segment]) -> Option<&'a Segment> {
    let holds =
        |s: &&Segment| s.splittable && s.start <= range.start && range.end <= s.start + s.len;
    if range.is_empty() {
        return segments.iter().find(holds);
    }
    let i = segments.partition_point(|s| s.start + s.len <= range.start);
    segments.get(i).filter(holds)
}

/// Rebuild the runs with every placed reference split out into its own run.
fn split_runs(
    runs: Vec<Run>,
    placed: Vec<Placed>,
    owner: &str,
    refs: &mut Vec<Reference>,
) -> Vec<Run> {
    let mut out = Vec::with_capacity(runs.len() + 2 * placed.len());
    let mut placed = placed.into_iter().peekable();
    for (i, run) in runs.into_iter().enumerate() {
        let mut cuts = Vec::new();
        while let Some(p) = placed.next_if(|p| p.run == i) {
            cuts.push(p);
        }
        if cuts.is_empty() {
            out.push(run);
        } else {
            split_run(run, cuts, owner, refs, &mut out);
        }
    }
    out
}

/// Split one run around its references (ranges sorted, disjoint, on char boundaries).
fn split_run(
    run: Run,
    cuts: Vec<Placed>,
    owner: &str,
    refs: &mut Vec<Reference>,
    out: &mut Vec<Run>,
) {
    let exact = run.source.clone().filter(|s| s.len() == run.text.len());
    let piece = |kind: RunKind, range: Range<usize>| Run {
        kind,
        text: run.text.get(range.clone()).unwrap_or_default().to_string(),
        source: exact
            .as_ref()
            .map(|s| s.start + range.start..s.start + range.end),
    };
    let mut at = 0;
    let valid = |r: &Range<usize>, at: usize| {
        at <= r.start
            && r.start < r.end
            && run.text.is_char_boundary(r.start)
            && run.text.is_char_boundary(r.end)
    };
    for cut in cuts {
        if !valid(&cut.range, at) {
            continue;
        }
        if cut.range.start > at {
            out.push(piece(run.kind.clone(), at..cut.range.start));
        }
        let reference = refs.len();
        refs.push(Reference {
            kind: cut.kind,
            target: cut.target,
            text: run
                .text
                .get(cut.range.clone())
                .unwrap_or_default()
                .to_string(),
            paragraph: owner.to_string(),
        });
        out.push(piece(RunKind::Reference { reference }, cut.range.clone()));
        at = cut.range.end;
    }
    if at < run.text.len() {
        out.push(piece(run.kind.clone(), at..run.text.len()));
    }
}
