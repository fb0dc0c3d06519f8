//! `word/comments.xml` (annotations as Word comments) and `word/footnotes.xml`.

use super::body::Comment;
use super::rels::{Rels, reference_url};
use super::xml::{RunFmt, ppr, rpr, text_runs};
use super::{R_NS, W_NS};
use crate::labels::{colon, labels};
use qarar_document::{Document, Language, RunKind};
use qarar_util::script;
use std::fmt::Write as _;

pub(super) fn comments_xml(comments: &[Comment], language: Language) -> String {
    let (l, colon) = (labels(language), colon(language));
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">"
    );
    for (id, c) in comments.iter().enumerate() {
        let a = &c.annotation;
        let _ = write!(
            out,
            "<w:comment w:id=\"{id}\" w:author=\"Qarar\" w:initials=\"Q\""
        );
        if let Some(d) = &c.author_date {
            let _ = write!(out, " w:date=\"{d}\"");
        }
        out.push('>');
        let mut lines: Vec<String> = Vec::new();
        if let Some(q) = &c.quote {
            lines.push(format!("«{q}»"));
        }
        if a.has_note() {
            lines.extend(a.note.lines().map(str::to_string));
        }
        if !a.tags.is_empty() {
            lines.push(format!("{}{colon}{}", l.tags, a.tags.join(", ")));
        }
        lines.push(format!("{}{colon}{}", l.colour, l.colour_name(a.color)));
        for (i, line) in lines.iter().enumerate() {
            let rtl = line.chars().any(script::is_rtl)
                && qarar_annotations::model::guess_language(line) == Some("ar");
            out.push_str("<w:p>");
            ppr(&mut out, Some("CommentText"), rtl, 0, None);
            if i == 0 {
                out.push_str(
                    "<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:annotationRef/></w:r>",
                );
            }
            text_runs(&mut out, line, RunFmt::default(), rtl);
            out.push_str("</w:p>");
        }
        out.push_str("</w:comment>");
    }
    out.push_str("</w:comments>");
    out
}

pub(super) fn footnotes_xml(doc: &Document, doc_rtl: bool) -> (String, Rels) {
    let mut rels = Rels::default();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">\
<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>\
<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    );
    for (i, f) in doc.footnotes.iter().enumerate() {
        let text = f.text();
        let rtl = doc_rtl && text.chars().any(script::is_rtl);
        let _ = write!(out, "<w:footnote w:id=\"{}\"><w:p>", i + 1);
        ppr(&mut out, Some("FootnoteText"), rtl, 0, None);
        out.push_str("<w:r>");
        rpr(
            &mut out,
            RunFmt {
                style: Some("FootnoteReference"),
                ..RunFmt::default()
            },
            rtl,
            rtl,
        );
        out.push_str("<w:footnoteRef/></w:r>");
        text_runs(&mut out, " ", RunFmt::default(), rtl);
        for run in &f.runs {
            match &run.kind {
                RunKind::FootnoteMarker { .. } => {}
                RunKind::Reference { reference } => match reference_url(doc, *reference) {
                    Some(url) => {
                        let id = rels.link(url);
                        let _ = write!(out, "<w:hyperlink r:id=\"{id}\" w:history=\"1\">");
                        let fmt = RunFmt {
                            style: Some("Hyperlink"),
                            ..RunFmt::default()
                        };
                        text_runs(&mut out, &run.text, fmt, rtl);
                        out.push_str("</w:hyperlink>");
                    }
                    None => text_runs(&mut out, &run.text, RunFmt::default(), rtl),
                },
                kind => {
                    let fmt = super::body::emphasis_fmt(
                        doc.meta.language,
                        matches!(kind, RunKind::Lead),
                        matches!(kind, RunKind::Emphasis),
                        false,
                    );
                    text_runs(&mut out, &run.text, fmt, rtl);
                }
            }
        }
        out.push_str("</w:p></w:footnote>");
    }
    out.push_str("</w:footnotes>");
    (out, rels)
}
