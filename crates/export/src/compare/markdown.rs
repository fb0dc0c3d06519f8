//! A comparison as Markdown: a summary, then one section per unit with `~~deleted~~` and
//! `**inserted**` text (unchanged units only listed by id).

use super::{change_heading_in, labels, side_name, summary_line};
use crate::markdown::escape;
use qarar_compare::{Comparison, Op, Status};
use std::fmt::Write as _;

pub fn export(cmp: &Comparison) -> String {
    let l = labels(cmp.new.language);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} → {}\n",
        escape(&side_name(&cmp.old, "old")),
        escape(&side_name(&cmp.new, "new"))
    );
    let _ = writeln!(out, "{}\n", escape(&summary_line(cmp)));
    for c in &cmp.changes {
        if c.status == Status::Unchanged {
            let _ = writeln!(out, "- {}", escape(&change_heading_in(c, l)));
            continue;
        }
        let _ = writeln!(out, "\n### {}\n", escape(&change_heading_in(c, l)));
        let mut line = String::new();
        if !c.label.is_empty() {
            let _ = write!(line, "{} ", escape(&c.label));
        }
        for e in &c.edits {
            let text = e.text.trim();
            if text.is_empty() {
                line.push_str(&e.text);
                continue;
            }
            // Keep the spaces outside the markers (CommonMark needs `**x**` flush).
            let lead = &e.text[..e.text.len() - e.text.trim_start().len()];
            let trail = &e.text[e.text.trim_end().len()..];
            line.push_str(lead);
            match e.op {
                Op::Equal => line.push_str(&escape(text)),
                Op::Delete => {
                    let _ = write!(line, "~~{}~~", escape(text));
                }
                Op::Insert => {
                    let _ = write!(line, "**{}**", escape(text));
                }
            }
            line.push_str(trail);
        }
        let _ = writeln!(out, "{}\n", line.trim_end());
    }
    out
}
