//! The W3C Web Annotation Data Model, as JSON-LD: what Qarar writes and what it reads.
//!
//! Qarar writes one `AnnotationPage` per document:
//!
//! ```json
//! {
//!   "@context": ["http://www.w3.org/ns/anno.jsonld", {"qarar": "urn:x-qarar:"}],
//!   "id": "urn:x-qarar:page:sym-A_RES_75_10.ar",
//!   "type": "AnnotationPage",
//!   "qarar:deleted": [{"id": "urn:uuid:…", "qarar:deletedAt": "2025-01-02T03:04:05Z"}],
//!   "items": [{
//!     "id": "urn:uuid:…", "type": "Annotation",
//!     "created": "…", "modified": "…",
//!     "motivation": "commenting",
//!     "qarar:color": "yellow",
//!     "body": [
//!       {"type": "TextualBody", "purpose": "commenting", "value": "…", "format": "text/plain", "language": "ar"},
//!       {"type": "TextualBody", "purpose": "tagging", "value": "إرهاب"}
//!     ],
//!     "target": {
//!       "source": "https://undocs.org/ar/A/RES/75/10",
//!       "qarar:contentHash": "urn:sha256:…",
//!       "selector": [
//!         {"type": "FragmentSelector", "conformsTo": "http://www.w3.org/TR/html/", "value": "para_3"},
//!         {"type": "TextQuoteSelector", "exact": "…", "prefix": "…", "suffix": "…"},
//!         {"type": "TextPositionSelector", "start": 10, "end": 24}
//!       ]
//!     }
//!   }]
//! }
//! ```
//!
//! * **Colour** is the extra property `qarar:color` (one of [`Color::name`]), declared through
//!   the `qarar` prefix of the `@context` (`urn:x-qarar:`), so JSON-LD tools expand it to
//!   `urn:x-qarar:color` and other annotation tools ignore it safely.
//! * **Motivation** is `commenting` when there is a note, else `highlighting` (read back: the
//!   motivation is derived, never trusted).
//! * **Selectors**: the `TextQuoteSelector` and `TextPositionSelector` are relative to the
//!   text of the paragraph named by the `FragmentSelector` (code points of
//!   `Paragraph::text()`), as the GUIDE asks; selectors nested in `refinedBy` are read too.
//! * **Whole-paragraph** annotations carry `"qarar:wholeParagraph": true` on the target; an
//!   imported target with a `FragmentSelector` and no quote is read as one too.
//! * **Deletions** are kept as tombstones in the page's `qarar:deleted`, so another window
//!   (or a later merge) does not bring a deleted annotation back.
//!
//! Reading accepts a single annotation, an array of annotations, an `AnnotationPage`
//! (`items`) or an `AnnotationCollection` whose `first` page (and `next` pages) are embedded.
//! Unknown properties are ignored; anything else is a [`W3cError`], never a panic.

use super::identity::DocumentIdentity;
use super::model::{Annotation, Color, Quote, clean_tags, now_rfc3339};
use serde_json::{Map, Value, json};

/// The W3C annotation context.
pub(crate) const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The IRI the `qarar:` prefix stands for.
pub(crate) const QARAR_NAMESPACE: &str = "urn:x-qarar:";
/// `conformsTo` of the paragraph `FragmentSelector`.
pub(crate) const HTML_FRAGMENT_SPEC: &str = "http://www.w3.org/TR/html/";

const COLOR: &str = "qarar:color";
const CONTENT_HASH: &str = "qarar:contentHash";
const WHOLE_PARAGRAPH: &str = "qarar:wholeParagraph";
const DELETED: &str = "qarar:deleted";
const DELETED_AT: &str = "qarar:deletedAt";

/// Most pages followed in an `AnnotationCollection` (guards against cycles).
const MAX_PAGES: usize = 100_000;

/// A deleted annotation, remembered so that it is not brought back by a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tombstone {
    pub id: String,
    /// RFC 3339.
    pub deleted: String,
}

/// What an annotation file held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub annotations: Vec<Annotation>,
    /// Tombstones (only in files Qarar wrote).
    pub deleted: Vec<Tombstone>,
    /// The document the first annotation's target names, when it is in a form Qarar writes.
    pub source: Option<DocumentIdentity>,
}

/// Why an annotation file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum W3cError {
    #[error("not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("not Web Annotations: {0}")]
    NotAnnotations(String),
    #[error("annotation {index}{}: {message}", id.as_deref().map(|i| format!(" ({i})")).unwrap_or_default())]
    Annotation {
        /// Position in the file (0-based, across pages).
        index: usize,
        id: Option<String>,
        message: String,
    },
}

// ---------------------------------------------------------------------------------------
// Writing

/// The JSON-LD `@context` Qarar writes.
pub fn context() -> Value {
    json!([ANNO_CONTEXT, { "qarar": QARAR_NAMESPACE }])
}

/// One annotation as a JSON-LD object (without `@context`), its target's `source` being
/// `identity`.
pub(crate) fn annotation_to_value(annotation: &Annotation, identity: &DocumentIdentity) -> Value {
    let mut body = Vec::new();
    if annotation.has_note() {
        let mut note = Map::new();
        note.insert("type".into(), "TextualBody".into());
        note.insert("purpose".into(), "commenting".into());
        note.insert("value".into(), annotation.note.clone().into());
        note.insert("format".into(), "text/plain".into());
        if let Some(lang) = &annotation.note_language {
            note.insert("language".into(), lang.clone().into());
        }
        body.push(Value::Object(note));
    }
    for tag in &annotation.tags {
        body.push(json!({ "type": "TextualBody", "purpose": "tagging", "value": tag }));
    }

    let mut selectors = Vec::new();
    if !annotation.target.is_empty() {
        selectors.push(json!({
            "type": "FragmentSelector",
            "conformsTo": HTML_FRAGMENT_SPEC,
            "value": annotation.target,
        }));
    }
    selectors.push(json!({
        "type": "TextQuoteSelector",
        "exact": annotation.quote.exact,
        "prefix": annotation.quote.prefix,
        "suffix": annotation.quote.suffix,
    }));
    if let Some(pos) = &annotation.position {
        selectors.push(json!({
            "type": "TextPositionSelector",
            "start": pos.start,
            "end": pos.end,
        }));
    }
    let mut target = Map::new();
    target.insert("source".into(), identity.source_iri().into());
    target.insert(CONTENT_HASH.into(), identity.hash_urn().into());
    if annotation.whole_paragraph {
        target.insert(WHOLE_PARAGRAPH.into(), true.into());
    }
    target.insert("selector".into(), Value::Array(selectors));

    let mut out = Map::new();
    out.insert("id".into(), annotation.id.clone().into());
    out.insert("type".into(), "Annotation".into());
    out.insert("created".into(), annotation.created.clone().into());
    out.insert("modified".into(), annotation.modified.clone().into());
    out.insert(
        "motivation".into(),
        if annotation.has_note() {
            "commenting"
        } else {
            "highlighting"
        }
        .into(),
    );
    out.insert(COLOR.into(), annotation.color.name().into());
    if !body.is_empty() {
        out.insert("body".into(), Value::Array(body));
    }
    out.insert("target".into(), Value::Object(target));
    Value::Object(out)
}

/// An `AnnotationPage` (with `@context`) holding `annotations` and the tombstones.
pub(crate) fn to_page(
    identity: &DocumentIdentity,
    annotations: &[Annotation],
    deleted: &[Tombstone],
) -> Value {
    let mut page = Map::new();
    page.insert("@context".into(), context());
    page.insert(
        "id".into(),
        format!("{QARAR_NAMESPACE}page:{}", identity.storage_key()).into(),
    );
    page.insert("type".into(), "AnnotationPage".into());
    if !deleted.is_empty() {
        page.insert(
            DELETED.into(),
            deleted
                .iter()
                .map(|t| json!({ "id": t.id, DELETED_AT: t.deleted }))
                .collect(),
        );
    }
    page.insert(
        "items".into(),
        annotations
            .iter()
            .map(|a| annotation_to_value(a, identity))
            .collect(),
    );
    Value::Object(page)
}

/// [`to_page`] as pretty-printed JSON text (with a final newline).
pub fn to_page_string(
    identity: &DocumentIdentity,
    annotations: &[Annotation],
    deleted: &[Tombstone],
) -> String {
    let mut s = serde_json::to_string_pretty(&to_page(identity, annotations, deleted))
        .unwrap_or_else(|_| String::from("{}"));
    s.push('\n');
    s
}

// ---------------------------------------------------------------------------------------
// Reading

/// Parse annotation JSON text (any of the accepted shapes).
pub fn parse_str(text: &str) -> Result<Parsed, W3cError> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{FEFF}'))?;
    parse_value(&value)
}

/// Parse bytes (UTF-8, optional BOM).
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, W3cError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| W3cError::NotAnnotations(format!("not UTF-8 text ({e})")))?;
    parse_str(text)
}

/// Parse an already-decoded JSON value (any of the accepted shapes).
pub(crate) fn parse_value(value: &Value) -> Result<Parsed, W3cError> {
    let mut parsed = Parsed::default();
    let mut items: Vec<&Value> = Vec::new();
    match value {
        Value::Array(list) => items.extend(list),
        Value::Object(obj) => {
            if has_type(obj, "Annotation") {
                items.push(value);
            } else if has_type(obj, "AnnotationPage") || obj.contains_key("items") {
                read_page(obj, &mut items, &mut parsed.deleted)?;
            } else if has_type(obj, "AnnotationCollection") {
                let mut page = obj.get("first");
                let mut count = 0;
                while let Some(p) = page {
                    count += 1;
                    if count > MAX_PAGES {
                        return Err(W3cError::NotAnnotations(
                            "too many pages in the AnnotationCollection".into(),
                        ));
                    }
                    match p {
                        Value::Object(po) => {
                            read_page(po, &mut items, &mut parsed.deleted)?;
                            page = po.get("next").filter(|n| n.is_object());
                        }
                        Value::String(iri) => {
                            return Err(W3cError::NotAnnotations(format!(
                                "the AnnotationCollection's pages are not embedded (first page is `{iri}`)"
                            )));
                        }
                        _ => {
                            return Err(W3cError::NotAnnotations(
                                "the AnnotationCollection's `first` is not a page".into(),
                            ));
                        }
                    }
                }
            } else {
                return Err(W3cError::NotAnnotations(format!(
                    "expected an Annotation, an array, an AnnotationPage or an AnnotationCollection, found type {}",
                    obj.get("type")
                        .or_else(|| obj.get("@type"))
                        .map(|t| t.to_string())
                        .unwrap_or_else(|| "(none)".into())
                )));
            }
        }
        other => {
            return Err(W3cError::NotAnnotations(format!(
                "expected a JSON object or array, found {}",
                json_kind(other)
            )));
        }
    }
    for (index, item) in items.into_iter().enumerate() {
        let (annotation, source) =
            read_annotation(item).map_err(|message| W3cError::Annotation {
                index,
                id: item.get("id").and_then(Value::as_str).map(str::to_string),
                message,
            })?;
        if parsed.source.is_none() {
            parsed.source = source;
        }
        parsed.annotations.push(annotation);
    }
    Ok(parsed)
}

fn read_page<'a>(
    page: &'a Map<String, Value>,
    items: &mut Vec<&'a Value>,
    deleted: &mut Vec<Tombstone>,
) -> Result<(), W3cError> {
    match page.get("items") {
        Some(Value::Array(list)) => items.extend(list),
        None | Some(Value::Null) => {}
        Some(other) => {
            return Err(W3cError::NotAnnotations(format!(
                "the page's `items` is {}, not an array",
                json_kind(other)
            )));
        }
    }
    if let Some(Value::Array(list)) = page
        .get(DELETED)
        .or_else(|| page.get("urn:x-qarar:deleted"))
    {
        for t in list {
            if let Some(id) = t.get("id").and_then(Value::as_str) {
                let at = t
                    .get(DELETED_AT)
                    .and_then(Value::as_str)
                    .unwrap_or("1970-01-01T00:00:00Z");
                deleted.push(Tombstone {
                    id: id.to_string(),
                    deleted: at.to_string(),
                });
            }
        }
    }
    Ok(())
}

/// True when `obj`'s `type` (string or array, with or without an `oa:` prefix) is `name`.
fn has_type(obj: &Map<String, Value>, name: &str) -> bool {
    let matches = |v: &Value| {
        v.as_str().is_some_and(|s| {
            s == name
                || s.strip_prefix("oa:") == Some(name)
                || s.strip_prefix("as:") == Some(name)
                || s.ends_with(&format!("#{name}"))
        })
    };
    match obj.get("type").or_else(|| obj.get("@type")) {
        Some(Value::Array(list)) => list.iter().any(matches),
        Some(v) => matches(v),
        None => false,
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A value or each element of an array.
fn one_or_many(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(v) => vec![v],
    }
}

fn str_field<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    obj.get(key).and_then(Value::as_str)
}

fn read_annotation(value: &Value) -> Result<(Annotation, Option<DocumentIdentity>), String> {
    let obj = value
        .as_object()
        .ok_or_else(|| format!("expected an object, found {}", json_kind(value)))?;
    if obj.contains_key("type") && !has_type(obj, "Annotation") {
        return Err("its type is not Annotation".into());
    }
    let id = str_field(obj, "id")
        .or_else(|| str_field(obj, "@id"))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or("it has no `id`")?
        .to_string();
    let created = str_field(obj, "created").map(str::to_string);
    let modified = str_field(obj, "modified").map(str::to_string);
    let (created, modified) = match (created, modified) {
        (Some(c), Some(m)) => (c, m),
        (Some(c), None) => (c.clone(), c),
        (None, Some(m)) => (m.clone(), m),
        (None, None) => {
            let now = now_rfc3339();
            (now.clone(), now)
        }
    };
    let color = str_field(obj, COLOR)
        .or_else(|| str_field(obj, "urn:x-qarar:color"))
        .and_then(Color::from_name)
        .unwrap_or_default();

    // Bodies: the first commenting (or purpose-less) TextualBody is the note, more are
    // appended; tagging bodies are tags. Bodies given as IRIs are ignored.
    let mut notes: Vec<&str> = Vec::new();
    let mut note_language = None;
    let mut tags = Vec::new();
    for body in one_or_many(obj.get("body")) {
        let Some(b) = body.as_object() else { continue };
        let Some(text) = str_field(b, "value").or_else(|| str_field(b, "chars")) else {
            continue;
        };
        let purposes: Vec<&str> = one_or_many(b.get("purpose"))
            .into_iter()
            .filter_map(Value::as_str)
            .map(|p| p.trim_start_matches("oa:"))
            .collect();
        if purposes.contains(&"tagging") {
            tags.push(text);
        } else if purposes.is_empty()
            || purposes
                .iter()
                .any(|p| *p == "commenting" || *p == "describing")
        {
            if note_language.is_none() {
                note_language = one_or_many(b.get("language"))
                    .into_iter()
                    .find_map(Value::as_str)
                    .map(str::to_string);
            }
            notes.push(text);
        }
    }

    // Target: the first object among the targets that has selectors (else the first one).
    let targets = one_or_many(obj.get("target"));
    let target = targets
        .iter()
        .filter_map(|t| t.as_object())
        .find(|t| t.contains_key("selector"))
        .or_else(|| targets.iter().find_map(|t| t.as_object()))
        .ok_or("it has no target with selectors")?;
    let source = match target.get("source") {
        Some(Value::String(s)) => Some(s.as_str()),
        Some(Value::Object(o)) => str_field(o, "id"),
        _ => None,
    };
    let hash =
        str_field(target, CONTENT_HASH).or_else(|| str_field(target, "urn:x-qarar:contentHash"));
    let identity = source.and_then(|s| DocumentIdentity::from_source(s, hash));

    let mut selectors = Vec::new();
    collect_selectors(target.get("selector"), &mut selectors, 0);
    let mut paragraph = None;
    let mut quote = None;
    let mut position = None;
    for s in selectors {
        if has_type(s, "FragmentSelector") {
            if paragraph.is_none() {
                paragraph = str_field(s, "value")
                    .map(|v| v.trim().trim_start_matches('#').to_string())
                    .filter(|v| !v.is_empty());
            }
        } else if has_type(s, "TextQuoteSelector") {
            if quote.is_none() {
                let exact = str_field(s, "exact").ok_or("its TextQuoteSelector has no `exact`")?;
                quote = Some(Quote {
                    exact: exact.to_string(),
                    prefix: str_field(s, "prefix").unwrap_or("").to_string(),
                    suffix: str_field(s, "suffix").unwrap_or("").to_string(),
                });
            }
        } else if has_type(s, "TextPositionSelector") && position.is_none() {
            let start = s.get("start").and_then(Value::as_u64);
            let end = s.get("end").and_then(Value::as_u64);
            if let (Some(start), Some(end)) = (start, end)
                && start <= end
                && let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end))
            {
                position = Some(start..end);
            }
        }
    }
    let whole_flag = target
        .get(WHOLE_PARAGRAPH)
        .or_else(|| target.get("urn:x-qarar:wholeParagraph"))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    if quote.is_none() && paragraph.is_none() {
        return Err("its target has neither a FragmentSelector nor a TextQuoteSelector".into());
    }
    let whole_paragraph = whole_flag || quote.is_none();
    let annotation = Annotation {
        id,
        created,
        modified,
        color,
        note: notes.join("\n\n"),
        note_language,
        tags: clean_tags(tags),
        target: paragraph.unwrap_or_default(),
        quote: quote.unwrap_or_default(),
        position,
        whole_paragraph,
    };
    Ok((annotation, identity))
}

/// Selectors of a `selector` value, with those nested in `refinedBy` (depth-limited).
fn collect_selectors<'a>(
    v: Option<&'a Value>,
    out: &mut Vec<&'a Map<String, Value>>,
    depth: usize,
) {
    if depth > 8 {
        return;
    }
    for s in one_or_many(v) {
        if let Some(obj) = s.as_object() {
            out.push(obj);
            collect_selectors(obj.get("refinedBy"), out, depth + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qarar_document::model::Language;

    fn identity() -> DocumentIdentity {
        DocumentIdentity {
            symbol: Some("A/RES/75/10".into()),
            language: Language::Ar,
            content_hash: "0f".repeat(32),
        }
    }

    fn sample() -> Annotation {
        Annotation {
            id: "urn:uuid:00000000-0000-4000-8000-000000000001".into(),
            created: "2025-01-02T03:04:05Z".into(),
            modified: "2025-01-02T03:04:06.5Z".into(),
            color: Color::Purple,
            note: "ملاحظة عن A/RES/75/10\nسطر ثان".into(),
            note_language: Some("ar".into()),
            tags: vec!["إرهاب".into(), "interpol".into()],
            target: "para_13_b".into(),
            quote: Quote {
                exact: "الإنتربول".into(),
                prefix: "مع ".into(),
                suffix: " و".into(),
            },
            position: Some(10..19),
            whole_paragraph: false,
        }
    }

    #[test]
    fn page_round_trip() {
        let mut whole = sample();
        whole.id = "urn:uuid:2".into();
        whole.note.clear();
        whole.note_language = None;
        whole.tags.clear();
        whole.whole_paragraph = true;
        whole.color = Color::Green;
        let tomb = vec![Tombstone {
            id: "urn:uuid:gone".into(),
            deleted: "2025-02-01T00:00:00Z".into(),
        }];
        let text = to_page_string(&identity(), &[sample(), whole.clone()], &tomb);
        let parsed = parse_str(&text).unwrap();
        assert_eq!(parsed.annotations, vec![sample(), whole]);
        assert_eq!(parsed.deleted, tomb);
        assert_eq!(parsed.source, Some(identity()));
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["items"][0]["motivation"], "commenting");
        assert_eq!(v["items"][1]["motivation"], "highlighting");
        assert_eq!(
            v["items"][0]["target"]["source"],
            "https://undocs.org/ar/A/RES/75/10"
        );
        assert_eq!(v["items"][0]["body"][0]["purpose"], "commenting");
        assert_eq!(v["items"][0]["body"][0]["language"], "ar");
        assert_eq!(v["items"][0]["body"][1]["purpose"], "tagging");
        assert_eq!(
            v["items"][0]["target"]["selector"][0]["conformsTo"],
            HTML_FRAGMENT_SPEC
        );
        assert_eq!(v["items"][0]["target"]["selector"][2]["start"], 10);
    }

    #[test]
    fn reads_single_array_and_collection() {
        let one = annotation_to_value(&sample(), &identity());
        assert_eq!(parse_value(&one).unwrap().annotations, vec![sample()]);
        let arr = Value::Array(vec![one.clone(), one.clone()]);
        assert_eq!(parse_value(&arr).unwrap().annotations.len(), 2);
        let coll = json!({
            "@context": ANNO_CONTEXT,
            "type": "AnnotationCollection",
            "first": { "type": "AnnotationPage", "items": [one.clone()],
                       "next": { "type": "AnnotationPage", "items": [one] } }
        });
        assert_eq!(parse_value(&coll).unwrap().annotations.len(), 2);
    }

    #[test]
    fn unknown_fields_ignored_and_foreign_shapes_read() {
        let v = json!({
            "@context": ANNO_CONTEXT,
            "id": "http://example.org/anno/1",
            "type": ["Annotation"],
            "creator": {"name": "x"},
            "body": {"type": "TextualBody", "value": "hello"},
            "target": {
                "source": {"id": "http://example.org/doc"},
                "selector": {"type": "FragmentSelector", "value": "#preamble_2",
                             "refinedBy": {"type": "TextQuoteSelector", "exact": "abc"}}
            }
        });
        let a = &parse_value(&v).unwrap().annotations[0];
        assert_eq!(a.note, "hello");
        assert_eq!(a.target, "preamble_2");
        assert_eq!(a.quote.exact, "abc");
        assert!(!a.whole_paragraph);
        assert_eq!(a.color, Color::Yellow);
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let text = to_page_string(&identity(), &[sample()], &[]);
        for (i, _) in text.char_indices().filter(|(i, _)| *i + 2 < text.len()) {
            assert!(
                parse_str(&text[..i]).is_err(),
                "prefix of {i} bytes accepted"
            );
        }
        // Wrong types in every place are errors or ignored, never panics.
        let v: Value = serde_json::from_str(&text).unwrap();
        let item = &v["items"][0];
        for key in [
            "id",
            "body",
            "target",
            "created",
            "qarar:color",
            "motivation",
        ] {
            for bad in [
                json!(null),
                json!(1),
                json!([]),
                json!({}),
                json!("x"),
                json!([1, {}]),
            ] {
                let mut a = item.clone();
                a[key] = bad;
                let _ = parse_value(&a);
                let mut t = item.clone();
                t["target"]["selector"] = json!([{ "type": "TextPositionSelector", "start": 5, "end": 2 }, { "type": "TextQuoteSelector", "exact": 3 }]);
                let _ = parse_value(&t);
            }
        }
    }

    #[test]
    fn malformed_input_is_an_error() {
        for bad in [
            "",
            "{",
            "42",
            "\"x\"",
            "{\"type\": \"Thing\"}",
            "[{\"type\": \"Annotation\"}]",
            "[{\"id\": \"a\", \"type\": \"Annotation\", \"target\": \"http://x\"}]",
            "{\"type\": \"AnnotationPage\", \"items\": 3}",
            "{\"type\": \"AnnotationCollection\", \"first\": \"http://x/page1\"}",
            "[{\"id\": \"a\", \"target\": {\"selector\": {\"type\": \"TextQuoteSelector\"}}}]",
            "[7]",
        ] {
            assert!(parse_str(bad).is_err(), "accepted {bad:?}");
        }
        assert!(parse_bytes(b"\xff\xfe").is_err());
        let e = parse_str("[{\"type\": \"Annotation\"}]").unwrap_err();
        assert!(e.to_string().contains("no `id`"), "{e}");
    }
}
