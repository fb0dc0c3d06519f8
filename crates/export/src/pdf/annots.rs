//! Markup annotations krilla 0.8 cannot write (its `AnnotationType` has links only:
//! `/Highlight` with `/QuadPoints`, `/Text`, their `/Popup`s), appended to the finished PDF as
//! an incremental update through `lopdf`: the file is parsed as PDF objects, pages are found
//! through the catalog and the cross-reference table (never by searching the bytes, so
//! document text that looks like a PDF object stays text), new annotation objects and the
//! changed page dictionaries are written after the original bytes, which are kept as they
//! are, with a new xref section and a trailer with `/Prev`. Every string is a real PDF string
//! object (UTF-16 hex), so no text can close a dictionary.

use lopdf::{Dictionary, Document, IncrementalDocument, Object, ObjectId, StringFormat};

pub(crate) enum PdfAnnotKind {
    Highlight,
    Text,
}

/// One annotation, in page coordinates with the origin at the top left (like krilla).
pub(crate) struct PdfAnnot {
    pub kind: PdfAnnotKind,
    /// left, top, right, bottom
    pub rect: [f32; 4],
    /// One quad per line fragment: left, top, right, bottom.
    pub(crate) quads: Vec<[f32; 4]>,
    /// RGB in 0..1.
    pub color: [f32; 3],
    pub contents: String,
    pub id: String,
}

/// A text string: UTF-16BE with a byte order mark, written in hex.
fn text(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn num(x: f32) -> Object {
    Object::Real((x * 100.0).round() / 100.0)
}

fn rect(values: [f32; 4]) -> Object {
    Object::Array(values.into_iter().map(num).collect())
}

/// The annotation and its popup as dictionaries (the popup's `/Parent` and the annotation's
/// `/Popup` are set once both have ids).
fn dictionaries(a: &PdfAnnot, page_id: ObjectId, page_h: f32) -> (Dictionary, Dictionary) {
    let [l, t, r, b] = a.rect;
    let [cr, cg, cb] = a.color;
    let mut dict = Dictionary::new();
    dict.set("Type", "Annot");
    dict.set("Rect", rect([l, page_h - b, r, page_h - t]));
    dict.set("P", page_id);
    dict.set("F", 4);
    dict.set("C", Object::Array(vec![num(cr), num(cg), num(cb)]));
    dict.set("Contents", text(&a.contents));
    dict.set("NM", text(&a.id));
    dict.set("T", text("Qarar"));
    match a.kind {
        PdfAnnotKind::Highlight => {
            dict.set("Subtype", "Highlight");
            dict.set("CA", Object::Real(0.45));
            let mut quads = Vec::with_capacity(a.quads.len() * 8);
            for q in &a.quads {
                let (x0, x1) = (q[0], q[2]);
                let (yt, yb) = (page_h - q[1], page_h - q[3]);
                quads.extend([x0, yt, x1, yt, x0, yb, x1, yb].map(num));
            }
            dict.set("QuadPoints", Object::Array(quads));
        }
        PdfAnnotKind::Text => {
            dict.set("Subtype", "Text");
            dict.set("Name", "Comment");
            dict.set("Open", false);
        }
    }
    let mut popup = Dictionary::new();
    popup.set("Type", "Annot");
    popup.set("Subtype", "Popup");
    popup.set(
        "Rect",
        rect([
            (l - 180.0).max(0.0),
            page_h - t - 120.0,
            l.max(180.0),
            page_h - t,
        ]),
    );
    popup.set("Open", false);
    popup.set("F", 28);
    (dict, popup)
}

/// Add `refs` to the `/Annots` of page `page_id` (in the new revision).
fn add_to_page(
    inc: &mut IncrementalDocument,
    page_id: ObjectId,
    refs: Vec<Object>,
) -> Result<(), String> {
    let err = |e: lopdf::Error| format!("page {page_id:?}: {e}");
    inc.opt_clone_object_to_new_document(page_id).map_err(err)?;
    let existing = inc
        .new_document
        .get_dictionary(page_id)
        .map_err(err)?
        .get(b"Annots")
        .ok()
        .cloned();
    let mut list = match existing {
        None => Vec::new(),
        Some(Object::Array(list)) => list,
        // An indirect array: read it through the xref, write the page with a direct one.
        Some(Object::Reference(id)) => match inc.get_prev_documents().get_object(id) {
            Ok(Object::Array(list)) => list.clone(),
            _ => return Err(format!("page {page_id:?}: /Annots is not an array")),
        },
        Some(_) => return Err(format!("page {page_id:?}: /Annots is not an array")),
    };
    list.extend(refs);
    inc.new_document
        .get_dictionary_mut(page_id)
        .map_err(err)?
        .set("Annots", Object::Array(list));
    Ok(())
}

/// Append `annots` (per page, in page order) to `pdf`; `page_h` flips y for PDF space.
pub(super) fn append(
    pdf: Vec<u8>,
    annots: &[Vec<PdfAnnot>],
    page_h: f32,
) -> Result<Vec<u8>, String> {
    if annots.iter().all(Vec::is_empty) {
        return Ok(pdf);
    }
    let prev = Document::load_mem(&pdf).map_err(|e| format!("cannot read back the PDF: {e}"))?;
    // Page number (1-based) → object id, through the catalog's page tree.
    let pages = prev.get_pages();
    let mut inc = IncrementalDocument::create_from(pdf, prev);
    for (page_index, list) in annots.iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let number = u32::try_from(page_index + 1).map_err(|_| "too many pages")?;
        let &page_id = pages.get(&number).ok_or("fewer pages than expected")?;
        let mut refs = Vec::with_capacity(list.len() * 2);
        for a in list {
            let (mut dict, mut popup) = dictionaries(a, page_id, page_h);
            let id = inc.new_document.new_object_id();
            popup.set("Parent", id);
            let popup_id = inc.new_document.add_object(popup);
            dict.set("Popup", popup_id);
            inc.new_document.set_object(id, dict);
            refs.push(Object::Reference(id));
            refs.push(Object::Reference(popup_id));
        }
        add_to_page(&mut inc, page_id, refs)?;
    }
    let mut out = Vec::new();
    inc.save_to(&mut out)
        .map_err(|e| format!("cannot write the annotations: {e}"))?;
    Ok(out)
}
