//! Lines of every page → the text the plain reader reads best: page furniture dropped,
//! footnotes taken from the page foot and put at the end (`¹ text`, joined across pages),
//! body lines joined into paragraphs by geometry, one paragraph a line with a blank line
//! between paragraphs (the shape of text saved from Word, which `crate::plain` reads).

use super::lines::Line;
use super::table;
use std::collections::HashMap;

/// One page's lines and size.
pub(super) struct PageLines {
    pub lines: Vec<Line>,
    pub width: f32,
    pub height: f32,
    /// Horizontal rules: (x0, x1, y).
    pub rules: Vec<(f32, f32, f32)>,
}

/// How much of the page's height, at top and at foot, running headers and footers occupy.
const HEADER_ZONE: f32 = 0.11;
const FOOTER_ZONE: f32 = 0.1;

/// The text of the document, ready for `crate::plain::parse`, and how many lines were
/// dropped as page furniture.
pub(super) fn text(mut pages: Vec<PageLines>) -> (String, usize) {
    let body_size = body_size(&pages);
    let dropped = drop_furniture(&mut pages);
    let mut body: Vec<(usize, Line)> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for (p, page) in pages.iter_mut().enumerate() {
        let lines = std::mem::take(&mut page.lines);
        let split = footnote_start(&lines, page, body_size);
        for (k, line) in lines.into_iter().enumerate() {
            if k >= split {
                add_note_line(&mut notes, line);
            } else {
                body.push((p, line));
            }
        }
    }
    // Notes set at the end of the document (endnotes, Qarar's own export) follow the last
    // body-size line: they join the notes taken from page feet, in order.
    if let Some(last) = body.iter().rposition(|(_, l)| l.size >= body_size * 0.92)
        && body[last + 1..].iter().any(|(_, l)| starts_with_marker(l))
    {
        let tail: Vec<(usize, Line)> = body.drain(last + 1..).collect();
        for (_, line) in tail {
            add_note_line(&mut notes, line);
        }
    }
    let mut out = String::new();
    for para in paragraphs(&body, &pages) {
        out.push_str(&para);
        out.push_str("\n\n");
    }
    if !notes.is_empty() {
        out.push_str("__________________\n\n");
        for n in notes {
            out.push_str(&n);
            out.push_str("\n\n");
        }
    }
    (out, dropped)
}

/// The size most of the text is set in (by characters), rounded to a quarter point.
fn body_size(pages: &[PageLines]) -> f32 {
    let mut count: HashMap<i32, usize> = HashMap::new();
    for line in pages.iter().flat_map(|p| &p.lines) {
        *count.entry((line.size * 4.0).round() as i32).or_default() += line.text.len();
    }
    count
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(12.0, |(size, _)| size as f32 / 4.0)
}

fn size_key(size: f32) -> i32 {
    (size * 4.0).round() as i32
}

/// The sizes of heading type (larger than the body text's, and set in a tenth of as much
/// text at most) and the body text's size.
fn heading_sizes(body: &[(usize, Line)]) -> (Vec<i32>, f32) {
    let mut count: HashMap<i32, usize> = HashMap::new();
    for (_, line) in body {
        *count.entry(size_key(line.size)).or_default() += line.text.len();
    }
    let Some((body, most)) = count.iter().max_by_key(|&(size, n)| (n, size)) else {
        return (Vec::new(), 12.0);
    };
    let sizes = count
        .iter()
        .filter(|&(size, n)| *size as f32 > *body as f32 * 1.08 && n * 10 <= *most)
        .map(|(size, _)| *size)
        .collect();
    (sizes, *body as f32 / 4.0)
}

/// A line's text with digits made `#`, for recognising the same header on every page.
fn furniture_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_numeric() { '#' } else { c })
        .collect()
}

/// Whether a line is furniture by its form alone: a page number (`3`, `2/7`, `- 3 -`,
/// `Page 3`), a job number (`20-15652 (A)`), bar-code text (`*2015652*`).
fn furniture_form(text: &str) -> bool {
    let t = text.trim();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let only = |allowed: &dyn Fn(char) -> bool| t.chars().all(|c| c.is_ascii_digit() || allowed(c));
    if digits > 0 && only(&|c| matches!(c, '/' | '-' | ' ' | '–' | '.')) && t.len() <= 12 {
        return true;
    }
    if t.starts_with('*') && t.ends_with('*') && t.len() > 2 && digits + 2 >= t.len() {
        return true;
    }
    // A job number: two digits, a hyphen, four or five digits, then anything short.
    let b = t.as_bytes();
    if b.len() >= 8
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[2] == b'-'
        && b[3..7].iter().all(u8::is_ascii_digit)
        && t.len() <= 24
    {
        return true;
    }
    let lower = t.to_lowercase();
    lower.strip_prefix("page ").is_some_and(|r| {
        r.chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '/')
    })
}

/// Drop running headers and footers: lines in the top or foot zone of a page that are
/// furniture by form, or (after the first page) that come back on another page.
fn drop_furniture(pages: &mut [PageLines]) -> usize {
    let in_zone = |line: &Line, page: &PageLines| {
        line.y < page.height * HEADER_ZONE || line.y > page.height * (1.0 - FOOTER_ZONE)
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let mut here: Vec<String> = page
            .lines
            .iter()
            .filter(|l| in_zone(l, page))
            .map(|l| furniture_key(&l.text))
            .collect();
        here.sort();
        here.dedup();
        for k in here {
            *seen.entry(k).or_default() += 1;
        }
    }
    // On the first page a repeated line is furniture too, unless the page shows it twice
    // (the running header above the cover's own symbol).
    let first_page_twice: Vec<String> = pages.first().map_or(Vec::new(), |page| {
        let mut keys: Vec<String> = page.lines.iter().map(|l| furniture_key(&l.text)).collect();
        keys.sort();
        keys.windows(2)
            .filter(|w| w[0] == w[1])
            .map(|w| w[0].clone())
            .collect()
    });
    let mut dropped = 0;
    for (p, page) in pages.iter_mut().enumerate() {
        let height = page.height;
        // Each line: furniture because it comes back, or by its form alone.
        let verdicts: Vec<(bool, bool)> = page
            .lines
            .iter()
            .map(|line| {
                let zone = line.y < height * HEADER_ZONE || line.y > height * (1.0 - FOOTER_ZONE);
                let key = furniture_key(&line.text);
                let repeated = seen.get(&key).is_some_and(|&c| c > 1)
                    && (p > 0 || !first_page_twice.contains(&key));
                let foot = line.y > height * (1.0 - FOOTER_ZONE);
                let form = furniture_form(&line.text) && (p > 0 || foot);
                (zone && repeated, zone && form)
            })
            .collect();
        let lines = std::mem::take(&mut page.lines);
        let mut kept = Vec::with_capacity(lines.len());
        for (i, line) in lines.iter().enumerate() {
            let (repeated, form) = verdicts[i];
            // A figure beside text on its baseline is a table's cell, not a page number.
            // (Lines come top to bottom, a baseline's stretches side by side.)
            let same = |j: &usize| (lines[*j].y - line.y).abs() < 0.3 * line.size.max(1.0);
            let text_beside = |j: usize| !verdicts[j].0 && !verdicts[j].1;
            let in_row = form
                && !repeated
                && ((0..i).rev().take_while(same).any(text_beside)
                    || (i + 1..lines.len()).take_while(same).any(text_beside));
            if repeated || (form && !in_row) {
                dropped += 1;
            } else {
                kept.push(line.clone());
            }
        }
        page.lines = kept;
    }
    dropped
}

/// Whether a footnote line starts with its marker.
fn starts_with_marker(line: &Line) -> bool {
    let t = line.text.trim_start();
    let mut chars = t.chars();
    let first = chars.next();
    line.starts_raised
        || first.is_some_and(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹*".contains(c))
        || (first == Some('(') && chars.next().is_some_and(|c| c.is_numeric()))
        || (first.is_some_and(|c| c.is_ascii_digit())
            && t.trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with(' '))
}

/// The index of a page's first footnote line (the lines' count when there is none): below a
/// short rule, or the run of smaller lines at the page's foot that starts with a marker.
fn footnote_start(lines: &[Line], page: &PageLines, body_size: f32) -> usize {
    let small = |l: &Line| l.size < body_size * 0.92;
    // Lines above the foot run; a page of small text only is not a page of footnotes.
    let mut k = lines.len();
    while k > 0 && small(&lines[k - 1]) {
        k -= 1;
    }
    if k == 0 || k == lines.len() {
        return lines.len();
    }
    // A separator rule between the body and the foot run sets the start.
    if let Some(&(_, _, rule_y)) = page
        .rules
        .iter()
        .find(|&&(x0, x1, y)| x1 - x0 < page.width * 0.6 && y > lines[k - 1].y && y < lines[k].y)
    {
        let start = lines
            .iter()
            .position(|l| l.y > rule_y)
            .unwrap_or(lines.len());
        if lines[start..].iter().all(small) {
            return start;
        }
    }
    // Otherwise the first small line that begins with a marker.
    (k..lines.len())
        .find(|&i| starts_with_marker(&lines[i]))
        .unwrap_or(lines.len())
}

/// Append a footnote line: a new note where a marker starts it, else the current note's
/// continuation (a note carried over from the page before).
fn add_note_line(notes: &mut Vec<String>, line: Line) {
    let text = line.text.trim();
    if starts_with_marker(&line) || notes.is_empty() {
        // Markers as raised digits, the way the plain reader knows them.
        let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
        let rest = text[digits.len()..].trim_start();
        if !digits.is_empty() && digits.len() <= 3 {
            let sup: String = digits
                .chars()
                .map(|c| {
                    ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][c as usize - '0' as usize]
                })
                .collect();
            notes.push(format!("{sup} {rest}"));
        } else {
            notes.push(text.to_string());
        }
    } else if let Some(last) = notes.last_mut() {
        join_line(last, text);
    }
}

/// Join a wrapped line to the text before it: no space after a hyphen at a line's end or
/// between two CJK characters.
fn join_line(out: &mut String, next: &str) {
    let cjk = |c: char| matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}');
    let last = out.chars().last();
    let first = next.chars().next();
    let glue = match (last, first) {
        (Some(a), Some(b)) if cjk(a) || cjk(b) => "",
        (Some('-'), Some(b)) if b.is_lowercase() && !out.ends_with(" -") => "",
        (Some(_), _) => " ",
        (None, _) => "",
    };
    out.push_str(glue);
    out.push_str(next);
}

/// Each page's body margins (the start most lines begin at, the end most lines reach) and
/// whether it is justified: a quarter of its lines or more end at one place. A ragged page's
/// end margin is where all but the longest few lines end.
fn margins(body: &[(usize, Line)], pages: &[PageLines]) -> Vec<(f32, f32, bool)> {
    let mut out = vec![(0.0f32, 0.0f32, false); pages.len()];
    for (p, page) in pages.iter().enumerate() {
        let mut starts: HashMap<i32, usize> = HashMap::new();
        let mut ends: HashMap<i32, (usize, f32)> = HashMap::new();
        let mut all_ends = Vec::new();
        for (_, l) in body.iter().filter(|(q, _)| *q == p) {
            *starts
                .entry((l.start(page.width) / 2.0).round() as i32)
                .or_default() += 1;
            let e = l.end(page.width);
            let slot = ends.entry((e / 2.0).round() as i32).or_insert((0, e));
            slot.0 += 1;
            slot.1 = slot.1.max(e);
            all_ends.push(e);
        }
        if all_ends.is_empty() {
            continue;
        }
        let start = starts
            .into_iter()
            .max_by_key(|&(s, n)| (n, -s))
            .map_or(0.0, |(s, _)| s as f32 * 2.0);
        let (count, mode_end) = ends
            .into_values()
            .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
            .unwrap_or((0, 0.0));
        all_ends.sort_by(f32::total_cmp);
        let justified = count >= 3 && count * 4 >= all_ends.len();
        let end = if justified {
            mode_end
        } else {
            all_ends[(all_ends.len() * 19 / 20).min(all_ends.len() - 1)]
        };
        out[p] = (start, end, justified);
    }
    out
}

/// The usual distance between consecutive baselines of body lines.
fn line_pitch(body: &[(usize, Line)]) -> f32 {
    let mut gaps: Vec<f32> = body
        .windows(2)
        .filter(|w| w[0].0 == w[1].0 && (w[0].1.size - w[1].1.size).abs() < 0.5)
        .map(|w| w[1].1.y - w[0].1.y)
        .filter(|&g| g > 1.0)
        .collect();
    if gaps.is_empty() {
        return 14.0;
    }
    gaps.sort_by(f32::total_cmp);
    gaps[gaps.len() / 3]
}

/// Body lines joined into paragraphs.
fn paragraphs(body: &[(usize, Line)], pages: &[PageLines]) -> Vec<String> {
    let margins = margins(body, pages);
    let pitch = line_pitch(body);
    let (headings, body_size) = heading_sizes(body);
    let widths: Vec<f32> = pages.iter().map(|p| p.width).collect();
    let body = &table::rows(body, &widths, &margins);
    let mut out: Vec<String> = Vec::new();
    for i in 0..body.len() {
        let (p, line) = &body[i];
        // A table's rows, one a line, make one block; the line after the last starts anew.
        let after_row = i > 0 && table::is_row(&body[i - 1].1);
        if table::is_row(line) {
            match out.last_mut() {
                Some(last) if after_row => {
                    last.push('\n');
                    last.push_str(&line.text);
                }
                _ => out.push(line.text.clone()),
            }
            continue;
        }
        let new = i == 0 || after_row || {
            let (q, prev) = &body[i - 1];
            breaks(
                prev,
                *q,
                line,
                *p,
                body.get(i + 1),
                pages,
                &margins,
                (pitch, body_size, &headings),
            )
        };
        // Over a page break, a full last line ending a clause leaves the question open:
        // the line goes on a line of its own in the block, for the plain reader's rules.
        let open = i > 0 && body[i - 1].0 != *p && {
            let prev = body[i - 1].1.text.trim_end();
            prev.ends_with([',', ';', '.', ':', '،', '؛', '。', '；', '，'])
        };
        let marker = (i > 0)
            .then(|| bracketed_marker(&body[i - 1].1, line))
            .flatten();
        if new {
            out.push(line.text.clone());
        } else if let (Some(last), Some(marker)) = (out.last_mut(), &marker) {
            last.push_str(marker);
        } else if let Some(last) = out.last_mut() {
            if open {
                last.push('\n');
                last.push_str(&line.text);
            } else {
                join_line(last, &line.text);
            }
        }
    }
    out
}

/// A footnote marker in brackets on a line of its own, raised or smaller than the line before
/// (`(9)`), as superscript digits (`⁽⁹⁾`) to join to that line.
fn bracketed_marker(prev: &Line, line: &Line) -> Option<String> {
    let t = line.text.trim();
    let digits = t.strip_prefix('(')?.strip_suffix(')')?;
    let raised = line.starts_raised || line.size < prev.size * 0.9;
    (raised && (1..=3).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())).then(
        || {
            let sup: String = digits
                .chars()
                .filter_map(|c| c.to_digit(10))
                .map(|d| ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][d as usize])
                .collect();
            format!("⁽{sup}⁾")
        },
    )
}

/// Whether a line starts with a sub-paragraph label, `(a)`, `(iv)`, `(أ)`, `(1)`, and text.
fn starts_with_label(text: &str) -> bool {
    let Some(rest) = text.trim_start().strip_prefix('(') else {
        return false;
    };
    let Some(close) = rest.find(')') else {
        return false;
    };
    let label = &rest[..close];
    let n = label.chars().count();
    (1..=4).contains(&n)
        && label.chars().all(char::is_alphanumeric)
        && rest[close + 1..].starts_with(' ')
}

/// Whether a line stands in the middle of the column (`start`..`end`, measured as
/// [`Line::start`] and [`Line::end`] measure), away from both margins: a centred title line.
fn centred(line: &Line, start: f32, end: f32, width: f32) -> bool {
    let (a, b) = (line.start(width), line.end(width));
    let size = line.size.max(1.0);
    let inset = a - start;
    inset > 2.0 * size && (inset - (end - b)).abs() < 1.5 * size
}

/// Whether a new paragraph starts at `line` (page `p`) after `prev` (page `q`).
#[allow(clippy::too_many_arguments)]
fn breaks(
    prev: &Line,
    q: usize,
    line: &Line,
    p: usize,
    next: Option<&(usize, Line)>,
    pages: &[PageLines],
    margins: &[(f32, f32, bool)],
    (pitch, body_size, headings): (f32, f32, &[i32]),
) -> bool {
    // A footnote marker wrapped to a line of its own ends the paragraph before it.
    if line.text.chars().all(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹ ".contains(c)) {
        return false;
    }
    // So does one in brackets, raised or smaller: `(9)`.
    if bracketed_marker(prev, line).is_some() {
        return false;
    }
    // A list item after the clause that introduces it (`… in this regard:` / `(a) We …`).
    if prev.text.trim_end().ends_with([':', ';', '؛', '：', '；']) && starts_with_label(&line.text)
    {
        return true;
    }
    let size = line.size;
    if (prev.size - size).abs() > 0.6 || prev.rtl != line.rtl {
        return true;
    }
    if p == q {
        let gap = line.y - prev.y;
        // Type larger than the body's is set with proportionally wider leading.
        let pitch = pitch * (size / body_size.max(1.0)).max(1.0);
        if gap < 0.3 * size || gap > pitch + (0.25 * size).max(0.1 * pitch) {
            return true;
        }
    }
    // Heading lines (centred, or in a larger type than the body's, never justified): the
    // line goes on the one before when its first word would not have fitted on it.
    let (q_start, q_end, _) = margins[q];
    let char_width = (prev.x1 - prev.x0) / prev.text.chars().count().max(1) as f32;
    let first = line.text.split(' ').next().unwrap_or_default();
    let first_chars = if first.chars().any(|c| matches!(c, '\u{2E80}'..='\u{9FFF}')) {
        1
    } else {
        first.chars().count()
    };
    let first_width = (first_chars as f32 + 1.0) * char_width;
    if p == q
        && centred(prev, q_start, q_end, pages[q].width)
        && centred(line, q_start, q_end, pages[p].width)
    {
        return (prev.x1 - prev.x0) + first_width < (q_end - q_start) - 0.5 * size;
    }
    // In heading type, lines set as close as the body's own lines are (its leading scaled to
    // the heading's size) are one heading; a wider gap separates two headings.
    if p == q && headings.contains(&size_key(size)) {
        let leading = pitch / body_size.max(1.0);
        let close = line.y - prev.y <= leading * size * 1.2;
        return !close && q_end - prev.end(pages[q].width) > first_width;
    }
    // The previous line stopped short of the end margin: in justified text by more than a
    // font size; in ragged text by more than this line's first word would need (and by a
    // quarter of the column, since a number and its word may be held together).
    let (q_start, q_end, justified) = margins[q];
    let short = q_end - prev.end(pages[q].width);
    let limit = if justified {
        size
    } else {
        let first_word = line.text.split(' ').next().map_or(0, |w| w.chars().count()) as f32;
        let char_width = (prev.x1 - prev.x0) / prev.text.chars().count().max(1) as f32;
        ((first_word + 1.0) * char_width).max(0.25 * (q_end - q_start))
    };
    if short > limit {
        return true;
    }
    // An indented first line whose paragraph goes on at a smaller indent.
    let width = pages[p].width;
    let (start, _, _) = margins[p];
    let indent = line.start(width);
    if indent > start + 0.6 * size && indent > prev.start(pages[q].width) + 0.6 * size {
        return match next {
            Some((n, nl)) if *n == p && nl.y > line.y => nl.start(width) < indent - 0.6 * size,
            _ => true,
        };
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of `size` points from x0 to x1 at baseline y, left to right.
    fn line(text: &str, x0: f32, x1: f32, y: f32, size: f32) -> (usize, Line) {
        let line = Line {
            text: text.to_string(),
            x0,
            x1,
            y,
            size,
            rtl: false,
            starts_raised: false,
        };
        (0, line)
    }

    /// An A4 page and a body of `n` full lines of `size` points across `x0..x1`, the first
    /// at baseline `y0`, one every `pitch` points: the running text the tests' lines follow.
    fn page_of_lines(
        n: usize,
        (x0, x1): (f32, f32),
        (y0, pitch): (f32, f32),
        size: f32,
    ) -> (PageLines, Vec<(usize, Line)>) {
        let page = PageLines {
            lines: Vec::new(),
            width: 595.0,
            height: 842.0,
            rules: Vec::new(),
        };
        let full = "word ".repeat(20);
        let body = (0..n)
            .map(|k| line(full.trim(), x0, x1, y0 + pitch * k as f32, size))
            .collect();
        (page, body)
    }

    #[test]
    fn a_title_in_heading_type_wrapped_over_two_lines_is_one_paragraph() {
        let (page, mut body) = page_of_lines(6, (62.0, 533.0), (100.0, 14.0), 11.0);
        body.push(line("resolution.", 62.0, 120.0, 184.0, 11.0));
        // The rest of the page: body text, ten times the title's.
        let (_, mut rest) = page_of_lines(30, (62.0, 533.0), (290.0, 14.0), 11.0);
        // "Annex" and a title in 13-point type, left aligned, the title over two lines.
        body.push(line("Annex", 62.0, 102.0, 214.0, 13.0));
        body.push(line(
            "2021 Political Declaration on the Implementation of the United Nations",
            62.0,
            496.0,
            244.0,
            13.0,
        ));
        body.push(line(
            "Global Plan of Action to Combat Trafficking in Persons",
            62.0,
            402.0,
            261.0,
            13.0,
        ));
        body.append(&mut rest);
        let paras = paragraphs(&body, &[page]);
        let titles: Vec<&String> = paras.iter().filter(|p| p.contains("Political")).collect();
        assert_eq!(
            titles,
            [
                "2021 Political Declaration on the Implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons"
            ]
        );
        assert!(paras.iter().any(|p| p == "Annex"), "{paras:#?}");
    }

    #[test]
    fn a_list_item_after_its_introducing_clause_starts_a_paragraph() {
        let (page, mut body) = page_of_lines(6, (62.0, 533.0), (100.0, 14.0), 11.0);
        body.push(line("and in this regard:", 62.0, 533.0, 184.0, 11.0));
        body.push(line(
            "(a) We reaffirm our strong support for the fund;",
            62.0,
            533.0,
            198.0,
            11.0,
        ));
        let paras = paragraphs(&body, &[page]);
        assert_eq!(
            paras.last().map(String::as_str),
            Some("(a) We reaffirm our strong support for the fund;")
        );
        assert!(!starts_with_label("(see annex) of the report"));
        assert!(starts_with_label("(أ) نلتزم"));
    }

    #[test]
    fn a_bracketed_marker_wrapped_to_a_line_of_its_own_joins_its_paragraph() {
        let (page, mut body) = page_of_lines(6, (28.0, 575.0), (100.0, 20.0), 13.5);
        body.push(line("(9)", 28.0, 40.0, 218.0, 9.5));
        body.push(line(
            "Strongly condemning all acts,",
            28.0,
            300.0,
            252.0,
            13.5,
        ));
        let paras = paragraphs(&body, &[page]);
        assert_eq!(paras.len(), 2, "{paras:#?}");
        assert!(paras[0].ends_with("word⁽⁹⁾"), "{}", paras[0]);
    }

    #[test]
    fn centred_lines_join_only_where_the_next_word_would_not_have_fitted() {
        let (page, mut body) = page_of_lines(6, (62.0, 533.0), (100.0, 14.0), 11.0);
        // Centred in the column 62..533 (centre 297.5).
        body.push(line("Annex", 282.0, 313.0, 200.0, 11.0));
        body.push(line(
            "Political Declaration on the Implementation of the United",
            85.0,
            510.0,
            214.0,
            11.0,
        ));
        body.push(line("Nations Plan", 265.0, 330.0, 228.0, 11.0));
        let paras = paragraphs(&body, &[page]);
        assert_eq!(
            &paras[paras.len() - 2..],
            [
                "Annex",
                "Political Declaration on the Implementation of the United Nations Plan"
            ]
        );
    }

    #[test]
    fn heading_lines_set_with_the_body_s_leading_scaled_up_are_one_heading() {
        // Body: 12 points on a 20-point pitch; headings: 14.4 points on a 24-point pitch.
        let (page, mut body) = page_of_lines(40, (56.0, 539.0), (60.0, 20.0), 12.0);
        let full = "word ".repeat(20);
        let mut heading = vec![
            line("Annex", 56.0, 103.0, 900.0, 14.4),
            line(
                "2021 Political Declaration on the Implementation of the",
                56.0,
                459.0,
                936.0,
                14.4,
            ),
            line(
                "United Nations Global Plan of Action to Combat Trafficking",
                56.0,
                485.0,
                960.0,
                14.4,
            ),
            line("in Persons", 56.0, 131.0, 984.0, 14.4),
            line(full.trim(), 56.0, 539.0, 1020.0, 12.0),
        ];
        body.append(&mut heading);
        let paras = paragraphs(&body, &[page]);
        let n = paras.len();
        assert_eq!(paras[n - 3], "Annex");
        assert_eq!(
            paras[n - 2],
            "2021 Political Declaration on the Implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons"
        );
    }
}

#[cfg(test)]
mod furniture_tests {
    use super::*;

    fn page(lines: &[(&str, f32, f32, f32)]) -> PageLines {
        PageLines {
            lines: lines
                .iter()
                .map(|&(text, x0, x1, y)| Line {
                    text: text.to_string(),
                    x0,
                    x1,
                    y,
                    size: 10.0,
                    rtl: false,
                    starts_raised: false,
                })
                .collect(),
            width: 595.0,
            height: 842.0,
            rules: Vec::new(),
        }
    }

    #[test]
    fn a_figure_beside_text_in_the_foot_zone_is_a_table_cell_not_a_page_number() {
        let mut pages = vec![
            page(&[
                ("A/RES/77/264", 72.0, 160.0, 40.0),
                ("text", 72.0, 500.0, 300.0),
            ]),
            page(&[
                ("A/RES/77/264", 72.0, 160.0, 40.0),
                ("text", 72.0, 500.0, 300.0),
                ("Subtotal, part III", 90.0, 200.0, 780.0),
                ("92 917 600", 460.0, 523.0, 780.0),
                ("2/7", 500.0, 523.0, 810.0),
            ]),
        ];
        assert_eq!(drop_furniture(&mut pages), 3);
        let kept: Vec<&str> = pages[1].lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(kept, ["text", "Subtotal, part III", "92 917 600"]);
    }
}
