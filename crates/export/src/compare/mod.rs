//! Writers for a [`Comparison`]: JSON, self-contained HTML and Markdown here; DOCX with
//! tracked changes in [`docx`].

pub mod docx;
pub mod html;
pub mod labels;
pub mod markdown;
pub mod pdf;

pub use labels::{Labels, labels};

use qarar_compare::{Comparison, Side, Status};

/// Formats of `qarar compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareFormat {
    /// The comparison as JSON (documented in the README).
    Json,
    /// Self-contained HTML with `<ins>`/`<del>`.
    Html,
    /// Word document with real tracked changes.
    Docx,
    /// Markdown with `~~deleted~~` and `**inserted**`.
    Md,
    /// PDF: a summary page, then the units with insertions and deletions marked.
    Pdf,
}

/// Render `cmp` in `format`; `date` (ISO 8601, UTC) is the date of the DOCX's revisions.
/// A PDF is on A4.
pub fn render(cmp: &Comparison, format: CompareFormat, date: &str) -> Result<Vec<u8>, String> {
    render_with(cmp, format, date, crate::pdf::Paper::A4)
}

/// [`render`] with the paper size of a PDF.
pub fn render_with(
    cmp: &Comparison,
    format: CompareFormat,
    date: &str,
    paper: crate::pdf::Paper,
) -> Result<Vec<u8>, String> {
    Ok(match format {
        CompareFormat::Json => cmp.to_json().into_bytes(),
        CompareFormat::Html => html::export(cmp).into_bytes(),
        CompareFormat::Md => markdown::export(cmp).into_bytes(),
        CompareFormat::Docx => docx::export(cmp, date).map_err(|e| e.to_string())?,
        CompareFormat::Pdf => pdf::export(cmp, paper).map_err(|e| e.to_string())?,
    })
}

/// How a side is named in headings: its symbol, else its file, else "old"/"new".
pub(crate) fn side_name(side: &Side, fallback: &str) -> String {
    side.symbol
        .clone()
        .or_else(|| side.file.clone())
        .unwrap_or_else(|| fallback.to_string())
}

/// The counts of the summary in the documents' language, statuses then classes, with
/// the status or class they count.
pub fn counts(cmp: &Comparison) -> Vec<(&'static str, usize)> {
    let s = &cmp.summary;
    let l = labels(cmp.new.language);
    let statuses = [
        (Status::Unchanged, s.unchanged),
        (Status::Changed, s.changed),
        (Status::Inserted, s.inserted),
        (Status::Deleted, s.deleted),
        (Status::Moved, s.moved),
        (Status::Split, s.split),
        (Status::Merged, s.merged),
    ];
    let mut out: Vec<(&'static str, usize)> =
        statuses.iter().map(|(st, n)| (l.status(*st), *n)).collect();
    out.extend(
        l.classes
            .iter()
            .zip([s.substantive, s.mechanical, s.orthographic])
            .map(|(c, n)| (*c, n)),
    );
    out
}

/// The summary as one line in the documents' language (`3 changed, 1 inserted; 2
/// substantive, 1 mechanical`).
pub(crate) fn summary_line(cmp: &Comparison) -> String {
    let l = labels(cmp.new.language);
    let all = counts(cmp);
    let join = |items: &[(&str, usize)]| {
        items
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(w, n)| format!("{n} {w}"))
            .collect::<Vec<_>>()
            .join(l.comma)
    };
    let (statuses, classes) = all.split_at(7);
    let classes = join(classes);
    if classes.is_empty() {
        join(statuses)
    } else {
        format!("{}{}{classes}", join(statuses), l.semicolon)
    }
}

/// The ids of a change (`para_14 → para_13`, one id when they are the same).
pub fn change_ids(c: &qarar_compare::Change) -> String {
    match (&c.old, &c.new) {
        (Some(o), Some(n)) if o == n => o.joined(),
        (Some(o), Some(n)) => format!("{} → {}", o.joined(), n.joined()),
        (Some(o), None) => o.joined(),
        (None, Some(n)) => n.joined(),
        (None, None) => String::new(),
    }
}

/// What a change is, in the documents' language (`moved, substantive`).
pub fn change_kind(c: &qarar_compare::Change, l: &Labels) -> String {
    let class = c
        .class
        .map(|k| format!("{}{}", l.comma, l.class(k)))
        .unwrap_or_default();
    format!("{}{class}", l.status(c.status))
}

/// The heading of one change: ids, status and class (`para_14 → para_13 — changed,
/// substantive`), in the documents' language.
pub(crate) fn change_heading_in(c: &qarar_compare::Change, l: &Labels) -> String {
    format!("{} — {}", change_ids(c), change_kind(c, l))
}
