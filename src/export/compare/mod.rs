//! Writers for a [`Comparison`]: JSON, self-contained HTML and Markdown here; DOCX with
//! tracked changes in [`crate::export::docx::compare`].

pub mod html;
pub mod markdown;

use crate::compare::{Comparison, Side};

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
}

/// Render `cmp` in `format`; `date` (ISO 8601, UTC) is the date of the DOCX's revisions.
pub fn render(cmp: &Comparison, format: CompareFormat, date: &str) -> Result<Vec<u8>, String> {
    Ok(match format {
        CompareFormat::Json => cmp.to_json().into_bytes(),
        CompareFormat::Html => html::export(cmp).into_bytes(),
        CompareFormat::Md => markdown::export(cmp).into_bytes(),
        CompareFormat::Docx => {
            crate::export::docx::compare::export(cmp, date).map_err(|e| e.to_string())?
        }
    })
}

/// How a side is named in headings: its symbol, else its file, else "old"/"new".
pub fn side_name(side: &Side, fallback: &str) -> String {
    side.symbol
        .clone()
        .or_else(|| side.file.clone())
        .unwrap_or_else(|| fallback.to_string())
}

/// The summary as one line (`3 changed (2 substantive, 1 mechanical), 1 inserted, …`).
pub fn summary_line(cmp: &Comparison) -> String {
    let s = &cmp.summary;
    let statuses = [
        (s.unchanged, "unchanged"),
        (s.changed, "changed"),
        (s.inserted, "inserted"),
        (s.deleted, "deleted"),
        (s.moved, "moved"),
        (s.split, "split"),
        (s.merged, "merged"),
    ];
    let classes = [
        (s.substantive, "substantive"),
        (s.mechanical, "mechanical"),
        (s.orthographic, "orthographic"),
    ];
    let join = |items: &[(usize, &str)]| {
        items
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, w)| format!("{n} {w}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let classes = join(&classes);
    if classes.is_empty() {
        join(&statuses)
    } else {
        format!("{}; {classes}", join(&statuses))
    }
}

/// The heading of one change: label and ids (`13. para_14 → para_13`).
pub fn change_heading(c: &crate::compare::Change) -> String {
    let ids = match (&c.old, &c.new) {
        (Some(o), Some(n)) if o == n => o.joined(),
        (Some(o), Some(n)) => format!("{} → {}", o.joined(), n.joined()),
        (Some(o), None) => o.joined(),
        (None, Some(n)) => n.joined(),
        (None, None) => String::new(),
    };
    let class = c
        .class
        .map(|k| format!(", {}", k.as_str()))
        .unwrap_or_default();
    format!("{ids} — {}{class}", c.status.as_str())
}
