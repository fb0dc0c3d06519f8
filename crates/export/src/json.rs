//! The structure JSON (`qarar outline --json`, `qarar export --format json`).
//!
//! Field names follow the format documented in the README; extra fields may be added, never
//! renamed.

use qarar_document::{Document, Paragraph, ParagraphKind, RunKind};
use serde_json::{Map, Value, json};

/// The document's structure as a JSON value.
pub fn structure(doc: &Document) -> Value {
    let meta = &doc.meta;
    let mut root = Map::new();
    root.insert("symbol".into(), json!(meta.symbol));
    root.insert("language".into(), json!(meta.language.code()));
    root.insert("direction".into(), json!(meta.direction.as_str()));
    root.insert("title".into(), json!(meta.title));
    root.insert("session".into(), json!(meta.session));
    root.insert("agenda_item".into(), json!(meta.agenda_item));
    root.insert("adopted".into(), json!(meta.adopted));
    root.insert("issued".into(), json!(meta.issued));
    root.insert("organ".into(), json!(meta.organ));
    root.insert("originating_documents".into(), json!(meta.originating));
    root.insert(
        "format".into(),
        json!(match doc.format {
            qarar_document::SourceFormat::PlainText => "text",
            qarar_document::SourceFormat::AkomaNtoso => "akn",
            qarar_document::SourceFormat::Pdf => "pdf",
            qarar_document::SourceFormat::Docx => "docx",
        }),
    );
    root.insert("encoding".into(), json!(doc.encoding));
    root.insert(
        "enacting_formula".into(),
        json!(doc.enacting_formula.as_ref().map(|p| p.text())),
    );
    root.insert(
        "preamble".into(),
        Value::Array(doc.preamble.iter().map(paragraph).collect()),
    );
    root.insert(
        "operative".into(),
        Value::Array(doc.operative.iter().map(paragraph).collect()),
    );
    if !doc.body.is_empty() {
        root.insert(
            "body".into(),
            Value::Array(doc.body.iter().map(paragraph).collect()),
        );
    }
    if !doc.parts.is_empty() {
        root.insert(
            "parts".into(),
            Value::Array(
                doc.parts
                    .iter()
                    .map(|part| {
                        json!({
                            "letter": part.letter,
                            "label": part.label,
                            "title": part.title,
                            "enacting_formula": part.enacting_formula.as_ref().map(|p| p.text()),
                            "preamble": part.preamble.iter().map(paragraph).collect::<Vec<_>>(),
                            "body": part.body.iter().map(paragraph).collect::<Vec<_>>(),
                            "operative": part.operative.iter().map(paragraph).collect::<Vec<_>>(),
                        })
                    })
                    .collect(),
            ),
        );
    }
    if !doc.annexes.is_empty() {
        root.insert(
            "annexes".into(),
            Value::Array(
                doc.annexes
                    .iter()
                    .map(|a| {
                        json!({
                            "id": a.id,
                            "heading": a.heading,
                            "title": a.title,
                            "paragraphs": a.paragraphs.iter().map(paragraph).collect::<Vec<_>>(),
                        })
                    })
                    .collect(),
            ),
        );
    }
    root.insert(
        "footnotes".into(),
        Value::Array(
            doc.footnotes
                .iter()
                .map(|f| {
                    json!({
                        "id": f.id,
                        "marker": f.marker,
                        "paragraph": f.paragraph,
                        "text": f.text(),
                    })
                })
                .collect(),
        ),
    );
    root.insert(
        "references".into(),
        Value::Array(
            doc.references
                .iter()
                .map(|r| {
                    json!({
                        "kind": r.kind.as_str(),
                        "target": r.target,
                        "text": r.text,
                        "paragraph": r.paragraph,
                    })
                })
                .collect(),
        ),
    );
    root.insert(
        "closing".into(),
        json!(doc.closing.as_ref().map(|c| json!({
            "meeting": c.meeting,
            "date": c.date,
            "date_text": c.date_text,
        }))),
    );
    root.insert(
        "diagnostics".into(),
        Value::Array(
            doc.diagnostics
                .iter()
                .map(|d| Value::String(d.message.clone()))
                .collect(),
        ),
    );
    Value::Object(root)
}

fn paragraph(p: &Paragraph) -> Value {
    let footnotes: Vec<&str> = p
        .runs
        .iter()
        .filter_map(|r| match &r.kind {
            RunKind::FootnoteMarker { footnote } => Some(footnote.as_str()),
            _ => None,
        })
        .collect();
    let mut obj = Map::new();
    obj.insert("id".into(), json!(p.id));
    match p.kind {
        ParagraphKind::Operative => {
            obj.insert("number".into(), json!(p.number));
        }
        ParagraphKind::SubParagraph => {
            obj.insert("label".into(), json!(p.label));
        }
        _ => {}
    }
    obj.insert("lead".into(), json!(p.lead));
    obj.insert("text".into(), json!(p.text()));
    match p.kind {
        ParagraphKind::Heading => {
            obj.insert("heading".into(), json!(true));
        }
        ParagraphKind::Table => {
            let rows = p.table.as_ref().map(|t| t.texts()).unwrap_or_default();
            obj.insert("rows".into(), json!(rows));
            if let Some(t) = p.table.as_ref().filter(|t| !t.spans.is_empty()) {
                let spans: Vec<Value> = t
                    .spans
                    .iter()
                    .map(|s| json!({"row": s.row, "cell": s.cell, "cols": s.cols, "rows": s.rows}))
                    .collect();
                obj.insert("spans".into(), Value::Array(spans));
            }
        }
        _ => {}
    }
    obj.insert("footnotes".into(), json!(footnotes));
    if let Some(eid) = &p.source_id {
        obj.insert("source_id".into(), json!(eid));
    }
    if p.kind != ParagraphKind::Preamble {
        obj.insert(
            "subparagraphs".into(),
            Value::Array(p.children.iter().map(paragraph).collect()),
        );
    }
    Value::Object(obj)
}

/// Pretty-printed JSON text with a trailing newline.
pub fn to_string(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(&structure(doc)).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}
