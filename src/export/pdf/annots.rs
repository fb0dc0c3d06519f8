//! Markup annotations krilla 0.8 cannot write (`/Highlight` with `/QuadPoints`, `/Text`, their
//! `/Popup`s), appended to a finished PDF as an incremental update: new annotation objects,
//! rewritten page dictionaries with the extra `/Annots`, a new xref section and a trailer with
//! `/Prev`. The original bytes are kept as they are.

use std::fmt::Write;

pub enum PdfAnnotKind {
    Highlight,
    Text,
}

/// One annotation, in page coordinates with the origin at the top left (like krilla).
pub struct PdfAnnot {
    pub kind: PdfAnnotKind,
    /// left, top, right, bottom
    pub rect: [f32; 4],
    /// One quad per line fragment: left, top, right, bottom.
    pub quads: Vec<[f32; 4]>,
    /// RGB in 0..1.
    pub color: [f32; 3],
    pub contents: String,
    pub id: String,
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn parse_num(s: &[u8], mut i: usize) -> Option<(usize, usize)> {
    while s.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    let start = i;
    while s.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let n = std::str::from_utf8(s.get(start..i)?).ok()?.parse().ok()?;
    Some((n, i))
}

/// `N 0 R` references in a slice.
fn refs(s: &[u8]) -> Vec<usize> {
    let text = String::from_utf8_lossy(s);
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | '/' | '<' | '>'))
        .filter(|t| !t.is_empty())
        .collect();
    tokens
        .windows(3)
        .filter(|w| w[2] == "R" && w[1] == "0")
        .filter_map(|w| w[0].parse().ok())
        .collect()
}

/// Byte range of object `id`'s body (between `obj` and `endobj`).
fn object(pdf: &[u8], id: usize) -> Option<std::ops::Range<usize>> {
    let header = format!("{id} 0 obj");
    let mut from = 0;
    loop {
        let at = find(pdf, header.as_bytes(), from)?;
        let ok = at == 0 || pdf.get(at - 1).is_some_and(|c| c.is_ascii_whitespace());
        if ok {
            let body = at + header.len();
            let end = find(pdf, b"endobj", body)?;
            return Some(body..end);
        }
        from = at + 1;
    }
}

/// A value in the trailer (`/Root 1 0 R`, `/ID [...]`), as text.
fn trailer_value(trailer: &str, key: &str) -> Option<String> {
    let at = trailer.find(key)? + key.len();
    let rest = &trailer[at..];
    if rest.trim_start().starts_with('[') {
        let end = rest.find(']')?;
        Some(rest[..=end].trim().to_string())
    } else {
        let end = rest.find('R')?;
        Some(rest[..=end].trim().to_string())
    }
}

fn hex_text(s: &str) -> String {
    let mut out = String::from("<FEFF");
    for u in s.encode_utf16() {
        let _ = write!(out, "{u:04X}");
    }
    out.push('>');
    out
}

fn num(x: f32) -> String {
    let r = (x * 100.0).round() / 100.0;
    format!("{r}")
}

/// Append `annots` (per page, in page order) to `pdf`; `page_h` flips y for PDF space.
pub fn append(mut pdf: Vec<u8>, annots: &[Vec<PdfAnnot>], page_h: f32) -> Result<Vec<u8>, String> {
    if annots.iter().all(Vec::is_empty) {
        return Ok(pdf);
    }
    let sx = rfind(&pdf, b"startxref").ok_or("no startxref")?;
    let (prev, _) = parse_num(&pdf, sx + b"startxref".len()).ok_or("bad startxref")?;
    let tr = rfind(&pdf, b"trailer").ok_or("no classic trailer (xref stream)")?;
    let trailer = String::from_utf8_lossy(&pdf[tr..sx]).into_owned();
    let size_at = trailer.find("/Size").ok_or("trailer without /Size")?;
    let (size, _) = parse_num(trailer.as_bytes(), size_at + 5).ok_or("bad /Size")?;
    let root = trailer_value(&trailer, "/Root").ok_or("trailer without /Root")?;
    let info = trailer_value(&trailer, "/Info");
    let idv = trailer_value(&trailer, "/ID");

    // Page ids in order: the catalog's /Pages and its /Kids (krilla writes one flat tree).
    let root_id = refs(root.as_bytes()).first().copied().ok_or("bad /Root")?;
    let cat = object(&pdf, root_id).ok_or("no catalog")?;
    let cat_text = pdf[cat.clone()].to_vec();
    let pages_at = find(&cat_text, b"/Pages", 0).ok_or("catalog without /Pages")?;
    let pages_id = refs(&cat_text[pages_at + 6..(pages_at + 30).min(cat_text.len())])
        .first()
        .copied()
        .ok_or("bad /Pages")?;
    let pages = object(&pdf, pages_id).ok_or("no page tree")?;
    let pages_text = pdf[pages].to_vec();
    let kids_at = find(&pages_text, b"/Kids", 0).ok_or("page tree without /Kids")?;
    let kids_end = find(&pages_text, b"]", kids_at).ok_or("bad /Kids")?;
    let kids = refs(&pages_text[kids_at..=kids_end]);

    let mut next = size;
    let mut objects: Vec<(usize, String)> = Vec::new();
    for (page_index, list) in annots.iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let &page_id = kids.get(page_index).ok_or("fewer pages than expected")?;
        let mut new_refs = Vec::new();
        for a in list {
            let id = next;
            let popup = next + 1;
            next += 2;
            let [l, t, r, b] = a.rect;
            let rect = format!(
                "[{} {} {} {}]",
                num(l),
                num(page_h - b),
                num(r),
                num(page_h - t)
            );
            let [cr, cg, cb] = a.color;
            let mut dict = format!(
                "<< /Type /Annot /Rect {rect} /P {page_id} 0 R /F 4 /C [{} {} {}] /Contents {} \
                 /NM {} /T {} /Popup {popup} 0 R",
                num(cr),
                num(cg),
                num(cb),
                hex_text(&a.contents),
                hex_text(&a.id),
                hex_text("Qarar"),
            );
            match a.kind {
                PdfAnnotKind::Highlight => {
                    dict.push_str(" /Subtype /Highlight /CA 0.45 /QuadPoints [");
                    for q in &a.quads {
                        let (x0, x1) = (num(q[0]), num(q[2]));
                        let (yt, yb) = (num(page_h - q[1]), num(page_h - q[3]));
                        let _ = write!(dict, "{x0} {yt} {x1} {yt} {x0} {yb} {x1} {yb} ");
                    }
                    dict.push(']');
                }
                PdfAnnotKind::Text => dict.push_str(" /Subtype /Text /Name /Comment /Open false"),
            }
            dict.push_str(" >>");
            objects.push((id, dict));
            let popup_rect = format!(
                "[{} {} {} {}]",
                num((l - 180.0).max(0.0)),
                num(page_h - t - 120.0),
                num(l.max(180.0)),
                num(page_h - t)
            );
            objects.push((
                popup,
                format!(
                    "<< /Type /Annot /Subtype /Popup /Rect {popup_rect} /Parent {id} 0 R \
                     /Open false /F 28 >>"
                ),
            ));
            new_refs.push(id);
            new_refs.push(popup);
        }
        // The page dictionary with the new annotations added to /Annots.
        let body = object(&pdf, page_id).ok_or("page object not found")?;
        let text = String::from_utf8_lossy(&pdf[body]).into_owned();
        let extra: String = new_refs.iter().map(|r| format!(" {r} 0 R")).collect();
        let new_text = match text.find("/Annots") {
            Some(at) => {
                let open = text[at..].find('[').ok_or("indirect /Annots")? + at;
                let close = text[open..].find(']').ok_or("bad /Annots")? + open;
                format!("{}{}{}", &text[..close], extra, &text[close..])
            }
            None => {
                let end = text.rfind(">>").ok_or("bad page dictionary")?;
                format!("{} /Annots [{extra} ]{}", &text[..end], &text[end..])
            }
        };
        objects.push((page_id, new_text.trim().to_string()));
    }

    if !pdf.ends_with(b"\n") {
        pdf.push(b'\n');
    }
    let mut offsets = Vec::new();
    for (id, body) in &objects {
        offsets.push((*id, pdf.len()));
        pdf.extend_from_slice(format!("{id} 0 obj\n{body}\nendobj\n").as_bytes());
    }
    offsets.sort_unstable();
    let xref = pdf.len();
    let mut x = String::from("xref\n0 1\n0000000000 65535 f\r\n");
    for (id, off) in &offsets {
        let _ = write!(x, "{id} 1\n{off:010} 00000 n\r\n");
    }
    let _ = write!(x, "trailer\n<< /Size {next} /Root {root} /Prev {prev}");
    if let Some(i) = info {
        let _ = write!(x, " /Info {i}");
    }
    if let Some(i) = idv {
        let _ = write!(x, " /ID {i}");
    }
    let _ = write!(x, " >>\nstartxref\n{xref}\n%%EOF\n");
    pdf.extend_from_slice(x.as_bytes());
    Ok(pdf)
}
