//! Parser for Akoma Ntoso (AKN4UN) resolutions, as published by the United Nations.
//!
//! The XML is read with `quick-xml` into a small tree ([`tree`]); no entity is expanded and
//! nothing is fetched. The tree is then mapped onto the same model and ids as the plain-text
//! parser: metadata from `<meta>`, `<coverPage>` and `<preface>`; the enacting formula and
//! one preambular paragraph per `<container>`; operative paragraphs from `<mainBody>`
//! (numbered by `<num>` or by the number written at the start of the text), with unnumbered
//! labelled siblings as sub-paragraphs; footnotes where their markers stand; references
//! from `undocs.org` links; the closing block from `<conclusions>`.

mod annex;
mod body;
mod inline;
mod labels;
mod sections;
mod tree;

use super::model::{Closing, Document, Footnote, Language, Paragraph, RunKind, SourceFormat};
use super::refs;
use inline::collapse_str;
use tree::Element;

#[derive(Debug, thiserror::Error)]
#[error("{message}{}", position.map(|p| format!(" (at byte {p})")).unwrap_or_default())]
pub struct AknError {
    pub message: String,
    pub position: Option<u64>,
}

/// Parse an Akoma Ntoso document. Damaged XML is read past (see [`tree::parse`]), each
/// repair a warning naming its byte offset; fails only on a file that is not AKN or whose
/// damage leaves nothing to read.
pub fn parse(text: &str) -> Result<Document, AknError> {
    let (root, repairs) = tree::parse(text)?;
    if root.name != "akomaNtoso" {
        return Err(AknError {
            message: format!(
                "not an Akoma Ntoso document (root element is <{}>)",
                root.name
            ),
            position: Some(root.range.start as u64),
        });
    }
    let mut ctx = Ctx {
        doc: Document {
            format: SourceFormat::AkomaNtoso,
            source_text: text.to_string(),
            encoding: String::from("UTF-8"),
            ..Document::default()
        },
        footnotes: 0,
        spill: Vec::new(),
        part_prefix: String::new(),
    };
    let statement = root
        .elements()
        .find(|e| e.name != "components")
        .unwrap_or(&root);
    metadata(&mut ctx.doc, statement);
    // A note on the preface (on a part's letter, say) is a footnote like any other.
    if let Some(preface) = statement.child("preface")
        && preface.find_named("authorialNote").is_some()
    {
        let mut c = inline::Collector::new(&mut ctx);
        c.element(preface);
    }
    // Every preamble and main body, in sections when the resolution is made of them.
    sections::read(&mut ctx, statement);
    ctx.doc.closing = statement.child("conclusions").map(closing);
    // A multi-part resolution: each component is a part with its own paragraphs.
    if let Some(components) = root.child("components") {
        annex::parts(&mut ctx, components);
    }
    annex::attachments(&mut ctx, statement);
    let mut doc = ctx.doc;
    if let Some(first) = repairs.first() {
        let empty = doc.paragraphs().is_empty() && doc.annexes.is_empty();
        if empty {
            return Err(AknError {
                message: format!("malformed XML: {}", first.message),
                position: Some(first.position as u64),
            });
        }
        for r in &repairs {
            doc.diagnostics.push(super::model::Diagnostic::warning(
                format!("damaged XML at byte {}: {}", r.position, r.message),
                Some(r.position..r.position),
            ));
        }
    }
    attach(&mut doc);
    if !doc.is_resolution() {
        doc.diagnostics.push(super::model::Diagnostic::warning(
            "no preambular or operative paragraphs found in the Akoma Ntoso file",
            None,
        ));
    }
    refs::detect(&mut doc);
    Ok(doc)
}

/// State shared by the builders: the document and the footnote counter.
struct Ctx {
    doc: Document,
    footnotes: usize,
    /// Numbered items found in the preamble (a `<blockList>` some files put there): they
    /// are read as the start of the operative part.
    spill: Vec<tree::Element<'static>>,
    /// The letter and dot of the part being read (`A.`), so that its sections are `A.I`.
    part_prefix: String,
}

/// Fill `doc.meta` and `doc.title_line` from `<meta>`, `<coverPage>` and `<preface>`.
fn metadata(doc: &mut Document, statement: &Element) {
    let meta = &mut doc.meta;
    if let Some(lang) = statement
        .find_named("FRBRlanguage")
        .and_then(|e| e.attr("language"))
        .and_then(Language::from_code)
    {
        meta.language = lang;
    }
    meta.direction = meta.language.direction();
    meta.adopted = statement
        .find_named("FRBRWork")
        .and_then(|w| w.find(&|e| e.name == "FRBRdate" && e.attr("name") == Some("adoption")))
        .and_then(|e| e.attr("date"))
        .map(str::to_string);
    if let Some(cover) = statement.child("coverPage") {
        cover_page(meta, cover);
    }
    if let Some(preface) = statement.child("preface") {
        let number = preface
            .find_named("docNumber")
            .map(|e| collapse_str(&e.text()));
        let title = preface
            .find_named("docTitle")
            .map(|e| clean_title(&e.text()));
        if meta.symbol.is_none() {
            meta.symbol = number.as_deref().and_then(symbol_from_number);
        }
        doc.title_line = match (&number, &title) {
            (Some(n), Some(t)) => Some(format!("{n} {t}")),
            (Some(n), None) => Some(n.clone()),
            (None, Some(t)) => Some(t.clone()),
            (None, None) => None,
        };
        meta.title = title.filter(|t| !t.is_empty());
    }
}

/// Symbol, organ, session, agenda item, issue date and originating documents.
fn cover_page(meta: &mut super::model::Metadata, cover: &Element) {
    let text_of = |pred: &dyn Fn(&Element) -> bool| {
        cover
            .find(pred)
            .map(|e| collapse_str(e.text().trim()))
            .filter(|t| !t.is_empty())
    };
    meta.symbol = text_of(&|e| e.name == "docNumber");
    meta.organ =
        text_of(&|e| e.name == "docAuthority" && e.attr("refersTo") == Some("#issuingBody"));
    meta.session = cover
        .find_named("session")
        .and_then(|e| e.attr("value"))
        .and_then(|v| v.trim().parse().ok());
    meta.agenda_item = text_of(&|e| e.name == "inline" && e.attr("name") == Some("agenda item"))
        .and_then(|t| agenda_item(&t));
    meta.issued = cover
        .find(&|e| e.name == "docDate" && e.attr("refersTo") == Some("#dateOfIssuance"))
        .and_then(|e| e.attr("date"))
        .map(str::to_string);
    meta.originating =
        text_of(&|e| e.name == "inline" && e.attr("name") == Some("originating document"))
            .map(|t| split_symbols(&t))
            .unwrap_or_default();
    meta.cover = cover
        .children
        .iter()
        .filter_map(|n| match n {
            tree::Node::Element(e) if e.name == "p" => Some(collapse_str(e.text().trim())),
            _ => None,
        })
        .filter(|t| !t.is_empty())
        .collect();
}

/// `75/10.` in the preface → `A/RES/75/10` (used when the cover page has no symbol).
fn symbol_from_number(number: &str) -> Option<String> {
    let n = number.trim().trim_end_matches('.');
    let (session, num) = n.split_once('/')?;
    let ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    (ok(session) && ok(num)).then(|| format!("A/RES/{session}/{num}"))
}

/// Title without the leading `-`, tabs and spaces.
fn clean_title(raw: &str) -> String {
    let t = collapse_str(raw);
    t.trim_start_matches(|c: char| c == '-' || c == '–' || c.is_whitespace())
        .trim()
        .to_string()
}

/// `البند 130 (ذ) من جدول الأعمال` → `130 (ذ)`; `Agenda item 130 (y)` → `130 (y)`;
/// `Point 130 y) de l’ordre du jour` → `130 y)`.
fn agenda_item(text: &str) -> Option<String> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let end = match rest.rfind([')', '）']) {
        Some(i) => i + rest[i..].chars().next().map_or(1, char::len_utf8),
        None => rest
            .find(|c: char| !(c.is_ascii_digit() || c.is_whitespace() || c == ','))
            .unwrap_or(rest.len()),
    };
    let item = rest[..end].trim();
    (!item.is_empty()).then(|| item.to_string())
}

/// `A/75/L.20 و A/75/L.20/Add.1` (or `and`, `et`, `y`, `и`, `和`, commas) → the symbols.
fn split_symbols(text: &str) -> Vec<String> {
    let mut s = text.replace(['和', '、'], ",");
    for sep in [" و ", " and ", " et ", " y ", " и "] {
        s = s.replace(sep, ",");
    }
    s.split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The closing block: meeting and date.
fn closing(conclusions: &Element) -> Closing {
    let meeting = conclusions
        .find(&|e| e.name == "inline" && e.attr("name") == Some("adoptionMeeting"))
        .map(|e| collapse_str(e.text().trim()));
    let date = conclusions.find_named("docDate");
    Closing {
        meeting,
        date_text: date.map(|e| collapse_str(e.text().trim())),
        date: date.and_then(|e| e.attr("date")).map(str::to_string),
    }
}

/// Set the paragraph of every footnote and reference from where its run stands.
fn attach(doc: &mut Document) {
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut refs_at: Vec<(usize, String)> = Vec::new();
    for (_, p) in doc.paragraphs() {
        scan(p, &mut notes, &mut refs_at);
    }
    for f in &doc.footnotes {
        scan_footnote(f, &mut notes, &mut refs_at);
    }
    for (footnote, paragraph) in notes {
        if let Some(f) = doc.footnotes.iter_mut().find(|f| f.id == footnote) {
            f.paragraph = Some(paragraph);
        }
    }
    for (index, paragraph) in refs_at {
        if let Some(r) = doc.references.get_mut(index) {
            r.paragraph = paragraph;
        }
    }
}

/// Markers and references in one paragraph's own runs.
fn scan(p: &Paragraph, notes: &mut Vec<(String, String)>, refs_at: &mut Vec<(usize, String)>) {
    scan_runs(&p.id, &p.runs, notes, refs_at);
}

/// Markers and references in a footnote body (they belong to the footnote).
fn scan_footnote(
    f: &Footnote,
    notes: &mut Vec<(String, String)>,
    refs_at: &mut Vec<(usize, String)>,
) {
    scan_runs(&f.id, &f.runs, notes, refs_at);
}

fn scan_runs(
    owner: &str,
    runs: &[super::model::Run],
    notes: &mut Vec<(String, String)>,
    refs_at: &mut Vec<(usize, String)>,
) {
    for r in runs {
        match &r.kind {
            RunKind::FootnoteMarker { footnote } => {
                notes.push((footnote.clone(), owner.to_string()));
            }
            RunKind::Reference { reference } => refs_at.push((*reference, owner.to_string())),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_items_in_six_languages() {
        assert_eq!(
            agenda_item("البند 130 (ذ) من جدول الأعمال").as_deref(),
            Some("130 (ذ)")
        );
        assert_eq!(
            agenda_item("Agenda item 130 (y)").as_deref(),
            Some("130 (y)")
        );
        assert_eq!(
            agenda_item("Point 130 y) de l’ordre du jour").as_deref(),
            Some("130 y)")
        );
        assert_eq!(agenda_item("议程项目130(y)").as_deref(), Some("130(y)"));
        assert_eq!(agenda_item("Agenda item 69").as_deref(), Some("69"));
    }

    #[test]
    fn originating_documents_are_split() {
        assert_eq!(
            split_symbols("A/75/L.20 و A/75/L.20/Add.1"),
            ["A/75/L.20", "A/75/L.20/Add.1"]
        );
        assert_eq!(split_symbols("A/75/L.20和A/75/L.20/Add.1").len(), 2);
    }

    #[test]
    fn titles_lose_the_dash() {
        assert_eq!(clean_title("-\tالتعاون بين"), "التعاون بين");
    }
}
