//! Tables in plain text: rows of cells separated by tabs (Word's "save as text") or by runs
//! of spaces (pdftotext's layout). Two such lines in a row at least make a table; the
//! model's ids follow the Akoma Ntoso reader (`para_2_table_1`, `annex_1.table_1`).

use super::inline;
use super::lexicon;
use crate::document::model::{Run, RunKind, Table, TableRow};
use std::ops::Range;

/// The cells of a table row (byte ranges in `line`), when the line is one: at least two
/// cells separated by tabs, by three spaces or more, or (in text without Arabic letters,
/// where extraction doubles no spaces) by two. A numbered paragraph or a labelled
/// sub-paragraph written with a tab after its number (`1.\tDecides`) is not a row.
pub(super) fn cells(line: &str) -> Option<Vec<Range<usize>>> {
    let tabbed = line.contains('\t');
    if !tabbed && !line.contains("  ") {
        return None;
    }
    if inline::number_prefix(line).is_some() || inline::sub_label(line).is_some() {
        return None;
    }
    let min_spaces = if line.chars().any(lexicon::is_arabic_letter) {
        3
    } else {
        2
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let bytes = line.as_bytes();
    while i < bytes.len() {
        let gap_end = bytes[i..]
            .iter()
            .position(|&b| b != b' ' && b != b'\t')
            .map_or(bytes.len(), |n| i + n);
        let gap = &line[i..gap_end];
        if !gap.is_empty() && (gap.contains('\t') || gap.len() >= min_spaces) {
            push_cell(line, start..i, &mut out);
            start = gap_end;
            i = gap_end;
        } else if gap.is_empty() {
            // Past one character of the cell.
            i += line[i..].chars().next().map_or(1, char::len_utf8);
        } else {
            i = gap_end;
        }
    }
    push_cell(line, start..line.len(), &mut out);
    (out.len() >= 2).then_some(out)
}

fn push_cell(line: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let cell = &line[range.clone()];
    let trimmed = cell.trim();
    if !trimmed.is_empty() {
        let at = range.start + (cell.len() - cell.trim_start().len());
        out.push(at..at + trimmed.len());
    }
}

/// The table of rows whose lines are `rows` (byte ranges in `text`).
pub(super) fn build(text: &str, rows: &[Range<usize>]) -> Table {
    let rows = rows
        .iter()
        .map(|row| {
            let line = &text[row.clone()];
            let cells = cells(line).unwrap_or_else(|| std::iter::once(0..line.len()).collect());
            TableRow {
                header: false,
                cells: cells
                    .into_iter()
                    .map(|c| {
                        let range = row.start + c.start..row.start + c.end;
                        vec![Run::new(RunKind::Plain, &text[range.clone()], Some(range))]
                    })
                    .collect(),
            }
        })
        .collect();
    Table {
        rows,
        ..Table::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows() {
        let line = "1\tOverall policymaking\t86 769 400";
        let c = cells(line).unwrap();
        let texts: Vec<&str> = c.iter().map(|r| &line[r.clone()]).collect();
        assert_eq!(texts, ["1", "Overall policymaking", "86 769 400"]);
        let line = "Section    Amount (United States dollars)";
        assert_eq!(cells(line).map(|c| c.len()), Some(2));
        assert!(cells("1.\tDecides to remain seized of the matter.").is_none());
        assert!(cells("(a)\tPreventing crime;").is_none());
        assert!(cells("وإذ تشير إلى اتفاق عام  1997للتعاون بين األمم  المتحدة").is_none());
        assert!(cells("One sentence with one space.").is_none());
        assert!(cells("إذ تشير  إلى").is_none());
        assert_eq!(cells("أ\tب").map(|c| c.len()), Some(2));
    }
}
