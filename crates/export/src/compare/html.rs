//! A comparison as one self-contained HTML page: no script, no network; `<ins>`/`<del>`
//! with a class per change kind (`substantive`, `mechanical`, `orthographic`), one
//! `<section>` per unit with classes for its status and class, a summary table, and `dir`
//! and `lang` from the documents' language.

use super::{change_ids, change_kind, counts, labels, side_name, summary_line};
use crate::html::escape;
use qarar_compare::{Comparison, Op};
use std::fmt::Write as _;

const STYLE: &str = "body{font-family:'Noto Naskh Arabic','Amiri','Arial',sans-serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.7}\
h1{font-size:1.4em}section{border-inline-start:4px solid #ddd;padding:.2em .8em;margin:.8em 0}\
section.unchanged{opacity:.65}section.inserted{border-color:#2a7}section.deleted{border-color:#c33}\
section.moved{border-color:#37c}section.split,section.merged{border-color:#a6c}\
.head{font-size:.8em;color:#555;text-align:start}.ids{font-family:monospace}\
ins{background:#dfd;text-decoration:underline}del{background:#fdd;text-decoration:line-through}\
ins.mechanical,del.mechanical{background:#eef}ins.orthographic,del.orthographic{background:#f5f5f5}\
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em}";

pub fn export(cmp: &Comparison) -> String {
    let lang = cmp.new.language.code();
    let dir = cmp.new.language.direction().as_str();
    let l = labels(cmp.new.language);
    let pair = format!(
        "{} → {}",
        side_name(&cmp.old, "old"),
        side_name(&cmp.new, "new")
    );
    let title = format!("{}: {pair}", l.comparison);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
{}<meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{STYLE}</style></head><body>\n",
        crate::html::CSP_META,
        escape(&title)
    );
    // The symbols stay left to right inside the heading of a right-to-left page.
    let _ = writeln!(
        out,
        "<h1 dir=\"{dir}\">{}: <bdi dir=\"ltr\">{}</bdi></h1>",
        escape(l.comparison),
        escape(&pair)
    );
    let _ = writeln!(
        out,
        "<h2 dir=\"{dir}\">{}</h2><p class=\"summary\" dir=\"{dir}\">{}</p>",
        escape(l.summary),
        escape(&summary_line(cmp))
    );
    let _ = write!(out, "<table class=\"summary\" dir=\"{dir}\"><tr>");
    let cells = counts(cmp);
    for (name, _) in &cells {
        let _ = write!(out, "<th>{}</th>", escape(name));
    }
    out.push_str("</tr><tr>");
    for (_, n) in &cells {
        let _ = write!(out, "<td>{n}</td>");
    }
    out.push_str("</tr></table>\n");
    for c in &cmp.changes {
        let class = c.class.map(|k| k.as_str()).unwrap_or("none");
        let _ = write!(
            out,
            "<section class=\"{} {class}\"><div class=\"head\" dir=\"{dir}\"><bdi class=\"ids\" dir=\"ltr\">{}</bdi> — {}</div><p dir=\"{dir}\">",
            c.status.as_str(),
            escape(&change_ids(c)),
            escape(&change_kind(c, l))
        );
        if !c.label.is_empty() {
            let _ = write!(out, "{} ", escape(&c.label));
        }
        for e in &c.edits {
            let kind = e.class.map(|k| k.as_str()).unwrap_or("none");
            match e.op {
                Op::Equal => out.push_str(&escape(&e.text)),
                Op::Insert => {
                    let _ = write!(out, "<ins class=\"{kind}\">{}</ins>", escape(&e.text));
                }
                Op::Delete => {
                    let _ = write!(out, "<del class=\"{kind}\">{}</del>", escape(&e.text));
                }
            }
        }
        out.push_str("</p></section>\n");
    }
    out.push_str("</body></html>\n");
    out
}
