//! A streaming walk over a WordprocessingML part: start and end tags by local name (any
//! prefix, so Strict OOXML and odd producers read alike), attribute values, text. No tree is
//! built: memory stays bounded by the part's text, time linear in its size.

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

/// One step of the walk.
pub(super) enum Step<'e, 'x> {
    /// A start tag (an empty element gives `Start` then `End`).
    Start(&'e BytesStart<'x>),
    /// An end tag, by local name.
    End(&'e [u8]),
    /// Character data, references resolved.
    Text(&'e str),
}

/// Walk `xml`, calling `visit` for each step. An error names what is wrong as a sentence
/// fragment ("malformed XML at byte 123: …").
pub(super) fn walk(xml: &str, mut visit: impl FnMut(Step<'_, '_>)) -> Result<(), String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().expand_empty_elements = false;
    reader.config_mut().check_end_names = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("malformed XML at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(e) => visit(Step::Start(&e)),
            Event::Empty(e) => {
                visit(Step::Start(&e));
                visit(Step::End(e.local_name().into_inner()));
            }
            Event::End(e) => visit(Step::End(e.local_name().into_inner())),
            Event::Text(t) => visit(Step::Text(&String::from_utf8_lossy(&t))),
            Event::CData(t) => visit(Step::Text(&String::from_utf8_lossy(&t))),
            Event::GeneralRef(r) => visit(Step::Text(&resolve_ref(&r))),
            Event::Eof => return Ok(()),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

/// The local name of a start tag (`w:p` → `p`).
pub(super) fn local<'a>(e: &'a BytesStart<'_>) -> &'a [u8] {
    e.local_name().into_inner()
}

/// The value of the attribute with this local name (`w:val` → `val`), unescaped.
pub(super) fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| match a.unescape_value() {
            Ok(v) => v.into_owned(),
            Err(_) => String::from_utf8_lossy(&a.value).into_owned(),
        })
}

/// An OOXML on/off attribute (`w:val` absent, `true`, `1`, `on` mean on).
pub(super) fn on(e: &BytesStart<'_>) -> bool {
    attr(e, b"val").is_none_or(|v| matches!(v.as_str(), "true" | "1" | "on"))
}

/// Text of a character or entity reference; unknown entities stay literal.
fn resolve_ref(r: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name = String::from_utf8_lossy(r);
    match name.as_ref() {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        other => format!("&{other};"),
    }
}
