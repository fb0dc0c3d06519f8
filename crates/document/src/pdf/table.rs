//! Tables from positions: where two baselines in a row or more each carry several stretches
//! of text cut apart by column gaps, the stretches are a table's cells. Each such baseline
//! becomes one row, its cells in reading order (left to right, or right to left in a
//! right-to-left line) joined by tabs — the shape of a table in text saved from Word, which
//! `crate::plain` reads into the same table model the other readers give. A line of one
//! stretch inside a table, set in from the column's start (a row heading `Part I. …`, a cell
//! wrapped to a second line), is a row with that cell alone, in the column it stands under.
//! Nothing before the first line of running text (a cover's two columns) is a table.

use super::lines::Line;

/// Body lines (page, line) with the stretches of each table row merged into one line whose
/// text holds the cells separated by tabs. `margins` are each page's (start, end, justified).
pub(super) fn rows(
    body: &[(usize, Line)],
    widths: &[f32],
    margins: &[(f32, f32, bool)],
) -> Vec<(usize, Line)> {
    let groups = baselines(body);
    // Where running text first appears: a line across more than half the column.
    let first_full = body
        .iter()
        .position(|(p, l)| {
            let (start, end, _) = margins[*p];
            l.x1 - l.x0 > 0.5 * (end - start)
        })
        .unwrap_or(body.len());
    let multi = |g: &std::ops::Range<usize>| g.len() >= 2 && g.start > first_full;
    let mut out: Vec<(usize, Line)> = Vec::with_capacity(body.len());
    // The open table's columns: each one's start (as `Line::start` measures).
    let mut columns: Vec<f32> = Vec::new();
    for (k, g) in groups.iter().enumerate() {
        let p = body[g.start].0;
        let width = widths.get(p).copied().unwrap_or(0.0);
        let row = multi(g) && (!columns.is_empty() || groups.get(k + 1).is_some_and(&multi));
        if row {
            let mut cells: Vec<&Line> = body[g.clone()].iter().map(|(_, l)| l).collect();
            cells.sort_by(|a, b| a.start(width).total_cmp(&b.start(width)));
            let starts: Vec<f32> = cells.iter().map(|l| l.start(width)).collect();
            if starts.len() >= columns.len() {
                columns = starts;
            }
            let texts: Vec<String> = cells.iter().map(|l| cell_text(&l.text)).collect();
            out.push((p, merged(&cells, texts.join("\t"))));
            continue;
        }
        if g.len() == 1 && !columns.is_empty() {
            let line = &body[g.start].1;
            let (start, end, _) = margins[p];
            let at = line.start(width);
            let size = line.size.max(1.0);
            let in_cell = at > start + size
                && line.x1 - line.x0 < 0.6 * (end - start)
                && !starts_with_number(&line.text);
            if in_cell {
                let col = columns.iter().rposition(|&c| c <= at + size).unwrap_or(0);
                let mut fields = vec![String::new(); columns.len()];
                fields[col] = cell_text(&line.text);
                out.push((p, merged(&[line], fields.join("\t"))));
                continue;
            }
        }
        columns.clear();
        out.extend(body[g.clone()].iter().cloned());
    }
    out
}

/// Runs of consecutive lines on one page and one baseline.
fn baselines(body: &[(usize, Line)]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, (p, line)) in body.iter().enumerate() {
        match out.last_mut() {
            Some(g)
                if body[g.start].0 == *p
                    && (body[g.start].1.y - line.y).abs() < 0.3 * line.size.max(1.0) =>
            {
                g.end = i + 1;
            }
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// A cell's text: tabs inside it are spaces.
fn cell_text(text: &str) -> String {
    text.trim().replace('\t', " ")
}

/// Whether a line starts like a numbered paragraph or a labelled one (`2.`, `(a)`, `١ -`).
fn starts_with_number(text: &str) -> bool {
    let t = text.trim_start();
    let digits = t.chars().take_while(|c| c.is_numeric()).count();
    (digits > 0
        && t.chars()
            .nth(digits)
            .is_some_and(|c| matches!(c, '.' | ' ' | '-')))
        || t.starts_with('(')
}

/// One line standing for the cells of a row.
fn merged(cells: &[&Line], text: String) -> Line {
    let first = cells[0];
    Line {
        text,
        x0: cells.iter().map(|l| l.x0).fold(f32::MAX, f32::min),
        x1: cells.iter().map(|l| l.x1).fold(f32::MIN, f32::max),
        y: first.y,
        size: first.size,
        rtl: first.rtl,
        starts_raised: false,
    }
}

/// Whether a line is a table row made by [`rows`].
pub(super) fn is_row(line: &Line) -> bool {
    line.text.contains('\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, x0: f32, x1: f32, y: f32, rtl: bool) -> (usize, Line) {
        let line = Line {
            text: text.to_string(),
            x0,
            x1,
            y,
            size: 10.0,
            rtl,
            starts_raised: false,
        };
        (0, line)
    }

    fn texts(rows: &[(usize, Line)]) -> Vec<&str> {
        rows.iter().map(|(_, l)| l.text.as_str()).collect()
    }

    const MARGINS: [(f32, f32, bool); 1] = [(72.0, 523.0, true)];

    #[test]
    fn stretches_on_consecutive_baselines_are_rows_and_lone_cells_keep_their_column() {
        let body = vec![
            line("United Nations", 72.0, 150.0, 50.0, false),
            line("A/RES/77/264", 440.0, 523.0, 50.0, false),
            line("General Assembly", 72.0, 160.0, 64.0, false),
            line("Distr.: General", 450.0, 523.0, 64.0, false),
            line(
                "Appropriations totalling 3,396,308,300 dollars are approved for",
                72.0,
                523.0,
                100.0,
                false,
            ),
            line("Section", 72.0, 110.0, 120.0, false),
            line("Amount", 480.0, 523.0, 120.0, false),
            line("1", 72.0, 78.0, 134.0, false),
            line("Overall policymaking", 95.0, 200.0, 134.0, false),
            line("86 769 400", 470.0, 523.0, 134.0, false),
            line("Part II. Political affairs", 95.0, 210.0, 148.0, false),
            line(
                "2. In addition to the appropriations approved under paragraph 1",
                72.0,
                523.0,
                170.0,
                false,
            ),
        ];
        let rows = rows(&body, &[595.0], &MARGINS);
        assert_eq!(
            texts(&rows),
            [
                "United Nations",
                "A/RES/77/264",
                "General Assembly",
                "Distr.: General",
                "Appropriations totalling 3,396,308,300 dollars are approved for",
                "Section\tAmount",
                "1\tOverall policymaking\t86 769 400",
                "\tPart II. Political affairs\t",
                "2. In addition to the appropriations approved under paragraph 1",
            ]
        );
    }

    #[test]
    fn a_lone_baseline_of_two_stretches_is_no_table_and_right_to_left_cells_read_from_the_right() {
        let body = vec![
            line(
                "نص طويل يمتد عبر العمود كله من البداية إلى النهاية",
                72.0,
                523.0,
                100.0,
                true,
            ),
            line("الجلسة العامة 56", 400.0, 523.0, 120.0, true),
            line("30 كانون الأول/ديسمبر 2022", 72.0, 200.0, 120.0, true),
            line("نص آخر", 300.0, 523.0, 140.0, true),
            line("الباب", 450.0, 523.0, 160.0, true),
            line("المبلغ", 72.0, 120.0, 160.0, true),
            line("1", 515.0, 523.0, 174.0, true),
            line("86 769 400", 72.0, 130.0, 174.0, true),
        ];
        let rows = rows(&body, &[595.0], &MARGINS);
        assert_eq!(
            texts(&rows)[1..],
            [
                "الجلسة العامة 56",
                "30 كانون الأول/ديسمبر 2022",
                "نص آخر",
                "الباب\tالمبلغ",
                "1\t86 769 400",
            ]
        );
    }
}
