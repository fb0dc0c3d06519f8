//! Tables in plain text: rows of cells separated by tabs (Word's "save as text") or by runs
//! of spaces (pdftotext's layout). Two such lines in a row at least make a table; the
//! model's ids follow the Akoma Ntoso reader (`para_2_table_1`, `annex_1.table_1`).

use super::inline;
use super::lexicon;
use crate::model::{Run, RunKind, Table, TableRow};
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
    // A number or label before a tab-separated rest is a row's first cell
    // (`1. Income from staff assessment\t291 354 800`).
    let after_label = inline::number_prefix(line)
        .map(|(_, at)| at)
        .or_else(|| inline::sub_label(line).map(|l| l.content));
    if after_label.is_some_and(|at| !line.get(at..).is_some_and(|rest| rest.contains('\t'))) {
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

/// The fields of a tab-separated line, empty ones counted (`\tPart I. Overall\t` has three);
/// 0 for a line without a tab.
pub(super) fn tab_fields(line: &str) -> usize {
    if line.contains('\t') {
        line.trim_end_matches(['\r', '\n']).split('\t').count()
    } else {
        0
    }
}

/// A line of a table being read with one cell filled and the others empty (a heading row
/// `\tPart I. Overall policymaking\t`): as many tab-separated fields as the table has columns,
/// and not a numbered paragraph or labelled sub-paragraph (`2.\tIn addition`).
pub(super) fn continues(line: &str, columns: usize) -> bool {
    let trimmed = line.trim_start();
    columns >= 2
        && tab_fields(line) == columns
        && !trimmed.is_empty()
        && inline::number_prefix(trimmed).is_none()
        && inline::sub_label(trimmed).is_none()
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
            let cells = cells(line).unwrap_or_else(|| {
                let mut one = Vec::new();
                push_cell(line, 0..line.len(), &mut one);
                one
            });
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

/// A header cell is at most this long (characters) and this many words.
const MAX_HEADER_CHARS: usize = 48;
const MAX_HEADER_WORDS: usize = 7;

/// Mark the first row a header row when it reads as one: at least two cells, every cell
/// short, none a figure or a sentence, and one of the next rows holding a figure or a cell
/// longer than any of the first row's (`Section | Amount (United States dollars)` over
/// `1 | Overall policymaking | 86 769 400`).
pub(super) fn mark_header(table: &mut Table) {
    let Some((first, rest)) = table.rows.split_first_mut() else {
        return;
    };
    if first.cells.len() < 2 || rest.is_empty() {
        return;
    }
    let mut longest = 0;
    for cell in &first.cells {
        let (chars, words) = cell_size(cell);
        if chars > MAX_HEADER_CHARS
            || words > MAX_HEADER_WORDS
            || is_figure(cell)
            || ends_sentence(cell)
        {
            return;
        }
        longest = longest.max(chars);
    }
    first.header = rest.iter().take(3).any(|row| {
        row.cells
            .iter()
            .any(|c| is_figure(c) || cell_size(c).0 > longest)
    });
}

/// Characters and words of a cell's text.
fn cell_size(cell: &[Run]) -> (usize, usize) {
    cell.iter().fold((0, 0), |(chars, words), r| {
        (
            chars + r.text.trim().chars().count(),
            words + r.text.split_whitespace().count(),
        )
    })
}

/// A number as tables write them (`86 769 400`, `0.006`, `12,5 %`, `(1 200)`).
fn is_figure(cell: &[Run]) -> bool {
    let mut digits = false;
    for c in cell.iter().flat_map(|r| r.text.chars()) {
        if inline::digit_value(c).is_some() {
            digits = true;
        } else if !(c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | '%' | '-' | '–' | '−' | '(' | ')' | '+' | '٫' | '٬'
            ))
        {
            return false;
        }
    }
    digits
}

fn ends_sentence(cell: &[Run]) -> bool {
    cell.last()
        .is_some_and(|r| r.text.trim_end().ends_with(['.', ';', '؛', '。']))
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
        assert_eq!(
            cells("1. Income from staff assessment\t291 354 800").map(|c| c.len()),
            Some(2)
        );
        assert!(cells("(a)\tPreventing crime;").is_none());
        assert!(cells("وإذ تشير إلى اتفاق عام  1997للتعاون بين األمم  المتحدة").is_none());
        assert!(cells("One sentence with one space.").is_none());
        assert!(cells("إذ تشير  إلى").is_none());
        assert_eq!(cells("أ\tب").map(|c| c.len()), Some(2));
    }

    #[test]
    fn rows_with_one_cell_filled_continue_a_table() {
        let heading = "\tPart II. Political affairs\t";
        assert!(cells(heading).is_none());
        assert!(continues(heading, 3));
        assert!(
            !continues(heading, 2),
            "not as many fields as the table's columns"
        );
        assert!(!continues("2.\tIn addition to the appropriations", 2));
        assert!(!continues("(b)\tOther matters", 2));
        assert!(!continues("A paragraph without a tab", 2));
        let t = table(&["1\tPolitical affairs\t839 094 400", heading]);
        assert_eq!(t.rows.len(), 2);
        let cell: String = t.rows[1]
            .cells
            .iter()
            .flatten()
            .map(|r| r.text.clone())
            .collect();
        assert_eq!(cell, "Part II. Political affairs");
    }

    fn table(rows: &[&str]) -> Table {
        let text = rows.join("\n");
        let mut at = 0;
        let ranges: Vec<Range<usize>> = rows
            .iter()
            .map(|r| {
                let range = at..at + r.len();
                at += r.len() + 1;
                range
            })
            .collect();
        let mut t = build(&text, &ranges);
        mark_header(&mut t);
        t
    }

    #[test]
    fn header_rows() {
        let t = table(&["Section\tAmount", "1\tOverall policymaking\t86 769 400"]);
        assert!(t.rows[0].header && !t.rows[1].header);
        let t = table(&["D-2\tD-1\tTotal", "Department of Operational Support\t–\t1"]);
        assert!(t.rows[0].header);
        // Figures in the first row: no header.
        let t = table(&["Afghanistan\t0.006", "Albania\t0.008"]);
        assert!(!t.rows[0].header);
        // Rows of the same kind of short text: no header.
        let t = table(&["New post\tP-4", "New post\tP-3"]);
        assert!(!t.rows[0].header);
    }
}
