//! A comparison as a Word document with real tracked changes: every insertion in `w:ins`
//! and every deletion in `w:del` (`w:delText`), each with author and date, so Word and
//! LibreOffice show them under Track Changes and a delegation can accept or reject them.
//! Right-to-left paragraphs keep `w:bidi` and their runs `w:rtl`. An inserted or deleted
//! unit also has its paragraph mark tracked; a moved unit is its old text deleted followed
//! by its new text inserted, where it now stands.

use crate::ExportError;
use crate::compare::{side_name, summary_line};
use crate::docx::W_NS;
use crate::docx::package::{ROOT_RELS, core_xml, styles_xml, zip_parts};
use crate::docx::xml::{RunFmt, deleted_runs, escape, text_runs};
use qarar_compare::{Change, Comparison, Edit, Op, Status};
use qarar_document::{Direction, Document, Metadata};
use std::fmt::Write as _;

/// Who the revisions are by.
pub(crate) const AUTHOR: &str = "Qarar";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
</Types>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
</Relationships>";

/// Settings: further edits are tracked too.
const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:trackRevisions/><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>";

/// Export `cmp` as a .docx whose revisions are dated `date` (ISO 8601, e.g.
/// `2026-12-01T05:00:00Z`).
pub fn export(cmp: &Comparison, date: &str) -> Result<Vec<u8>, ExportError> {
    // Core properties and styles come from a document standing for the new side.
    let doc = Document {
        meta: Metadata {
            symbol: cmp.new.symbol.clone(),
            language: cmp.new.language,
            direction: cmp.new.language.direction(),
            title: Some(format!(
                "{} → {}",
                side_name(&cmp.old, "old"),
                side_name(&cmp.new, "new")
            )),
            ..Metadata::default()
        },
        ..Document::default()
    };
    let rtl = doc.meta.direction == Direction::Rtl;
    let mut w = Writer {
        out: String::new(),
        rtl,
        date: escape(date),
        next_id: 1,
    };
    w.out.push_str(&format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W_NS}\"><w:body>"
    ));
    w.plain_paragraph("Title", doc.meta.title.as_deref().unwrap_or_default());
    w.plain_paragraph("Cover", &summary_line(cmp));
    for c in &cmp.changes {
        w.change(c);
    }
    w.out.push_str("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
    let parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("docProps/core.xml", core_xml(&doc)),
        ("word/document.xml", w.out),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/styles.xml", styles_xml(&doc)),
        ("word/settings.xml", SETTINGS.to_string()),
    ];
    zip_parts(&parts)
}

/// Which revision a whole paragraph (its mark) is.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Kept,
    Inserted,
    Deleted,
}

struct Writer {
    out: String,
    rtl: bool,
    date: String,
    next_id: u32,
}

impl Writer {
    fn attrs(&mut self) -> String {
        let id = self.next_id;
        self.next_id += 1;
        format!(
            "w:id=\"{id}\" w:author=\"{AUTHOR}\" w:date=\"{}\"",
            self.date
        )
    }

    fn plain_paragraph(&mut self, style: &str, text: &str) {
        self.open(Some(style), 0, Mark::Kept);
        text_runs(&mut self.out, text, RunFmt::default(), self.rtl);
        self.out.push_str("</w:p>");
    }

    /// Open a paragraph with its properties (the mark's revision last, in `w:rPr`).
    fn open(&mut self, style: Option<&str>, indent: usize, mark: Mark) {
        self.out.push_str("<w:p><w:pPr>");
        if let Some(s) = style {
            let _ = write!(self.out, "<w:pStyle w:val=\"{s}\"/>");
        }
        if self.rtl {
            self.out.push_str("<w:bidi/>");
        }
        if indent > 0 {
            let side = if self.rtl { "right" } else { "left" };
            let _ = write!(self.out, "<w:ind w:{side}=\"{}\"/>", 720 * indent);
        }
        match mark {
            Mark::Kept => {}
            Mark::Inserted => {
                let a = self.attrs();
                let _ = write!(self.out, "<w:rPr><w:ins {a}/></w:rPr>");
            }
            Mark::Deleted => {
                let a = self.attrs();
                let _ = write!(self.out, "<w:rPr><w:del {a}/></w:rPr>");
            }
        }
        self.out.push_str("</w:pPr>");
    }

    fn change(&mut self, c: &Change) {
        let indent = usize::from(c.label.starts_with('('));
        match c.status {
            Status::Inserted => self.paragraph(&c.label, &c.edits, indent, Mark::Inserted),
            Status::Deleted => self.paragraph(&c.label, &c.edits, indent, Mark::Deleted),
            Status::Moved => {
                let old: String = text_of(&c.edits, Op::Insert);
                let new: String = text_of(&c.edits, Op::Delete);
                let deleted = [Edit {
                    op: Op::Delete,
                    text: old,
                    class: c.class,
                }];
                let inserted = [Edit {
                    op: Op::Insert,
                    text: new,
                    class: c.class,
                }];
                self.paragraph("", &deleted, indent, Mark::Deleted);
                self.paragraph(&c.label, &inserted, indent, Mark::Inserted);
            }
            _ => self.paragraph(&c.label, &c.edits, indent, Mark::Kept),
        }
    }

    fn paragraph(&mut self, label: &str, edits: &[Edit], indent: usize, mark: Mark) {
        self.open(None, indent, mark);
        if !label.is_empty() {
            let label = format!("{label} ");
            match mark {
                Mark::Deleted => self.tracked(Op::Delete, &label),
                Mark::Inserted => self.tracked(Op::Insert, &label),
                Mark::Kept => text_runs(&mut self.out, &label, RunFmt::default(), self.rtl),
            }
        }
        for e in edits {
            self.tracked(e.op, &e.text);
        }
        self.out.push_str("</w:p>");
    }

    fn tracked(&mut self, op: Op, text: &str) {
        let fmt = RunFmt::default();
        match op {
            Op::Equal => text_runs(&mut self.out, text, fmt, self.rtl),
            Op::Insert => {
                let a = self.attrs();
                let _ = write!(self.out, "<w:ins {a}>");
                text_runs(&mut self.out, text, fmt, self.rtl);
                self.out.push_str("</w:ins>");
            }
            Op::Delete => {
                let a = self.attrs();
                let _ = write!(self.out, "<w:del {a}>");
                deleted_runs(&mut self.out, text, fmt, self.rtl);
                self.out.push_str("</w:del>");
            }
        }
    }
}

/// The text of the edits other than `skip` (the old text without insertions, or the new
/// one without deletions).
fn text_of(edits: &[Edit], skip: Op) -> String {
    edits
        .iter()
        .filter(|e| e.op != skip)
        .map(|e| e.text.as_str())
        .collect()
}
