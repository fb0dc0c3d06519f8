//! The Word (.docx) reader: paragraphs, numbering, footnotes and tables to the document model.
//!
//! The package's main document (`word/document.xml`), its footnotes, numbering and styles
//! are read (`docx/package.rs`, each part capped in size); the body becomes blocks
//! (`docx/body.rs`: paragraphs with their automatic numbering resolved to the printed label
//! by `docx/numbering.rs`, table rows, footnote references in order). Those are written out
//! as the text Word itself saves ("save as text": one paragraph a line, the label and a tab,
//! table rows as tab-separated cells, superscript footnote markers, the notes after a rule
//! at the end) and read by the plain-text reader, so that the structure of a resolution
//! (preamble, operative paragraphs, parts, annexes, footnotes and their ids) has one home.
//! Headers, footers, comments, text boxes and images are not read.

mod body;
mod numbering;
mod package;
mod xml;

use crate::load::Unreadable;
use crate::model::{Document, SourceFormat};
use body::{Block, NOTE_MARK};

/// Read a .docx file's bytes (a zip archive). The error says why, without the file name.
pub(crate) fn parse(bytes: &[u8]) -> Result<Document, Unreadable> {
    let text = text(bytes)?;
    let mut doc = crate::plain::parse(&text);
    doc.format = SourceFormat::Docx;
    Ok(doc)
}

/// The document as the text Word saves, which the plain reader reads best.
pub fn text(bytes: &[u8]) -> Result<String, Unreadable> {
    let mut package = package::Package::open(bytes)?;
    let parts = package.parts()?;
    let mut numbering = numbering::Numbering::read(&parts.numbering, &parts.styles);
    let body = body::read(&parts.document, Some(&mut numbering))
        .map_err(|e| malformed("word/document.xml", e))?;
    let notes =
        body::footnotes(&parts.footnotes).map_err(|e| malformed("word/footnotes.xml", e))?;
    if body.blocks.iter().all(|b| match b {
        Block::Paragraph { text, .. } => text.trim().is_empty(),
        Block::Row(_) => false,
        Block::TableEnd => true,
    }) {
        return Err(Unreadable::WordNoText);
    }
    Ok(assemble(&body, &notes))
}

fn malformed(part: &str, e: impl std::fmt::Display) -> Unreadable {
    Unreadable::MalformedPart {
        part: part.to_string(),
        detail: e.to_string(),
    }
}

/// Superscript digits of `n`, as Word's text export writes a footnote marker.
fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect()
}

/// Write the blocks and notes as Word's "save as text" would, with a blank line between
/// paragraphs.
fn assemble(body: &body::Body, notes: &std::collections::HashMap<String, String>) -> String {
    let mut out = String::new();
    let mut next_note = 0usize;
    let mut marks = |text: &str, out: &mut String| {
        for c in text.chars() {
            if c == NOTE_MARK {
                next_note += 1;
                out.push_str(&superscript(next_note));
            } else {
                out.push(c);
            }
        }
    };
    let mut in_table = false;
    for block in &body.blocks {
        match block {
            Block::Paragraph { label, text } => {
                if text.trim().is_empty() {
                    continue;
                }
                if in_table {
                    out.push('\n');
                    in_table = false;
                }
                if let Some(label) = label {
                    out.push_str(label);
                    out.push('\t');
                }
                marks(text.trim(), &mut out);
                out.push_str("\n\n");
            }
            Block::Row(cells) => {
                in_table = true;
                let mut row = String::new();
                for (i, (cell, span)) in cells.iter().enumerate() {
                    if i > 0 {
                        row.push('\t');
                    }
                    row.push_str(cell);
                    row.extend(std::iter::repeat_n('\t', span - 1));
                }
                marks(&row, &mut out);
                out.push('\n');
            }
            Block::TableEnd => {
                if in_table {
                    out.push('\n');
                    in_table = false;
                }
            }
        }
    }
    if !body.notes.is_empty() {
        out.push_str("__________________\n");
        for (i, id) in body.notes.iter().enumerate() {
            let text = notes.get(id).map_or("", String::as_str);
            out.push_str(&superscript(i + 1));
            out.push(' ');
            out.push_str(text.trim());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::body::{self, Block};
    use std::collections::HashMap;

    /// Table rows are tab-separated, a spanning cell followed by empty cells; footnote
    /// markers are numbered in reading order and the notes follow a rule.
    #[test]
    fn blocks_are_written_as_word_saves_text() {
        let body = body::Body {
            blocks: vec![
                Block::Paragraph {
                    label: Some("1.".into()),
                    text: format!("Decides{}", body::NOTE_MARK),
                },
                Block::Row(vec![("Section".into(), 2), ("Amount".into(), 1)]),
                Block::Row(vec![
                    ("1".into(), 1),
                    ("Policy".into(), 1),
                    ("86 769 400".into(), 1),
                ]),
                Block::TableEnd,
                Block::Paragraph {
                    label: None,
                    text: "  ".into(),
                },
            ],
            notes: vec!["7".into()],
        };
        let notes = HashMap::from([("7".to_string(), " Resolution 70/1.".to_string())]);
        assert_eq!(
            super::assemble(&body, &notes),
            "1.\tDecides¹\n\nSection\t\tAmount\n1\tPolicy\t86 769 400\n\n\
             __________________\n¹ Resolution 70/1.\n"
        );
    }

    #[test]
    fn a_body_reads_numbering_tables_and_footnote_references() {
        let numbering = r#"<w:numbering><w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0">
            <w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1 -"/></w:lvl>
            </w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num></w:numbering>"#;
        let styles = r#"<w:styles><w:style w:type="paragraph" w:styleId="Op"><w:pPr><w:numPr>
            <w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>"#;
        let mut n = super::numbering::Numbering::read(numbering, styles);
        let xml = r#"<w:document><w:body>
            <w:p><w:pPr><w:pStyle w:val="Op"/><w:tabs><w:tab w:val="left"/></w:tabs></w:pPr>
              <w:r><w:rPr><w:b/></w:rPr><w:t>تدعو</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>
              <w:r><w:t>تقرر</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>
              <w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>
              <w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr>
            </w:body></w:document>"#;
        let body = body::read(xml, Some(&mut n)).expect("reads");
        assert_eq!(
            body.blocks,
            [
                Block::Paragraph {
                    label: Some("1 -".into()),
                    text: format!("تدعو{}", body::NOTE_MARK)
                },
                Block::Paragraph {
                    label: Some("2 -".into()),
                    text: "تقرر".into()
                },
                Block::Row(vec![("a".into(), 1), ("b".into(), 1)]),
                Block::Row(vec![(String::new(), 1), ("c".into(), 1)]),
                Block::TableEnd,
            ]
        );
        assert_eq!(body.notes, ["3"]);
    }

    /// `DOCX_DUMP=FILE cargo test -p qarar-document dump_docx_text -- --ignored --nocapture`
    /// prints the text a .docx is read as (for looking at a producer's files).
    #[test]
    #[ignore = "a tool, run by hand"]
    fn dump_docx_text() {
        let Ok(path) = std::env::var("DOCX_DUMP") else {
            return;
        };
        let bytes = std::fs::read(&path).expect("DOCX_DUMP is a file");
        match super::text(&bytes) {
            Ok(text) => println!("{text}"),
            Err(e) => println!("{path}: {e}"),
        }
    }
}
