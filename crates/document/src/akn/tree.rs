//! A small element tree built from `quick-xml` events, with byte ranges into the source.
//!
//! Entities are never expanded: the five predefined ones and character references are
//! resolved, every other `&name;` stays as literal text, and a DOCTYPE is ignored.
//!
//! Names, attribute values and text borrow from the source where they are written as is
//! (no allocation per node); only text joined across references is owned.

use super::AknError;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::reader::Reader;
use std::borrow::Cow;
use std::ops::Range;

/// Deepest element nesting accepted (protects the recursive walkers from stack overflow).
const MAX_DEPTH: usize = 512;

/// A node of the tree: an element or a piece of text.
#[derive(Debug, Clone)]
pub(super) enum Node<'a> {
    Element(Element<'a>),
    Text {
        text: Cow<'a, str>,
        range: Range<usize>,
    },
}

/// An element with its local name, attributes, children and byte range.
#[derive(Debug, Clone, Default)]
pub(super) struct Element<'a> {
    pub name: Cow<'a, str>,
    pub attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    pub children: Vec<Node<'a>>,
    pub range: Range<usize>,
}

impl<'a> Element<'a> {
    /// The element's local name.
    pub(super) fn name(&self) -> &str {
        &self.name
    }

    /// A copy that borrows nothing (to keep an element beyond its source).
    pub(super) fn to_owned_element(&self) -> Element<'static> {
        Element {
            name: Cow::Owned(self.name.to_string()),
            attrs: self
                .attrs
                .iter()
                .map(|(k, v)| (Cow::Owned(k.to_string()), Cow::Owned(v.to_string())))
                .collect(),
            children: self
                .children
                .iter()
                .map(|n| match n {
                    Node::Element(e) => Node::Element(e.to_owned_element()),
                    Node::Text { text, range } => Node::Text {
                        text: Cow::Owned(text.to_string()),
                        range: range.clone(),
                    },
                })
                .collect(),
            range: self.range.clone(),
        }
    }

    /// Value of the attribute with this local name.
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_ref())
    }

    /// Child elements.
    pub(super) fn elements(&self) -> impl Iterator<Item = &Element<'a>> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text { .. } => None,
        })
    }

    /// First child element with this name.
    pub(super) fn child(&self, name: &str) -> Option<&Element<'a>> {
        self.elements().find(|e| e.name == name)
    }

    /// First descendant element (depth first, self excluded) satisfying `pred`.
    pub(super) fn find(&self, pred: &dyn Fn(&Element<'a>) -> bool) -> Option<&Element<'a>> {
        for e in self.elements() {
            if pred(e) {
                return Some(e);
            }
            if let Some(found) = e.find(pred) {
                return Some(found);
            }
        }
        None
    }

    /// First descendant element with this name.
    pub(super) fn find_named(&self, name: &str) -> Option<&Element<'a>> {
        self.find(&|e| e.name == name)
    }

    /// All text below this element, concatenated as written.
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text { text, .. } => out.push_str(text),
                Node::Element(e) => e.push_text(out),
            }
        }
    }
}

/// A place where a damaged file was read past, and what was done there.
#[derive(Debug, Clone)]
pub(super) struct Repair {
    pub position: usize,
    pub message: String,
}

/// Parse `text` into a tree and return the root element, with the repairs made on the way.
///
/// Damaged XML is read the way a forgiving parser reads it: an end tag that closes an
/// element opened further out closes what is open inside it; an end tag that closes nothing
/// is skipped; at the end of the file (or where the XML can no longer be read) every open
/// element is closed. The text is kept; each repair is returned with its byte offset. Only a
/// file without a root element is an error.
pub(super) fn parse(text: &str) -> Result<(Element<'_>, Vec<Repair>), AknError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().expand_empty_elements = false;
    reader.config_mut().check_end_names = false;
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut repairs = Vec::new();
    loop {
        let start = position(reader.buffer_position());
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let at = position(reader.error_position());
                if stack.len() < 2 {
                    return Err(AknError {
                        message: format!("malformed XML: {e}"),
                        position: Some(at as u64),
                    });
                }
                repairs.push(Repair {
                    position: at,
                    message: format!("malformed XML ({e}): the rest of the file is left out"),
                });
                break;
            }
        };
        let end = position(reader.buffer_position());
        match event {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err(AknError {
                        message: "elements nested too deeply".into(),
                        position: Some(start as u64),
                    });
                }
                stack.push(element(text, &e, start..end));
            }
            Event::Empty(e) => push_node(&mut stack, Node::Element(element(text, &e, start..end))),
            Event::End(e) => {
                let name = source_str(text, e.local_name().as_ref());
                close(&mut stack, &name, start, end, &mut repairs);
            }
            Event::Text(t) => push_text(&mut stack, source_str(text, &t), start..end),
            Event::CData(t) => push_text(&mut stack, source_str(text, &t), start..end),
            Event::GeneralRef(r) => push_text(&mut stack, Cow::Owned(resolve_ref(&r)), start..end),
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if stack.len() > 1 {
        let names: Vec<String> = stack[1..].iter().map(|e| format!("<{}>", e.name)).collect();
        repairs.push(Repair {
            position: text.len(),
            message: format!("the file ends with {} not closed", names.join(", ")),
        });
    }
    finish(stack, text.len()).map(|root| (root, repairs))
}

/// Byte offset as `usize` (saturating on exotic platforms).
fn position(p: u64) -> usize {
    usize::try_from(p).unwrap_or(usize::MAX)
}

/// `bytes` as text borrowed from `source` when they are a slice of it (as the reader gives
/// names, attribute values and text written without references), else a copy.
fn source_str<'a>(source: &'a str, bytes: &[u8]) -> Cow<'a, str> {
    let borrowed = bytes
        .as_ptr()
        .addr()
        .checked_sub(source.as_ptr().addr())
        .and_then(|start| source.get(start..start.checked_add(bytes.len())?))
        .filter(|s| s.as_ptr() == bytes.as_ptr());
    match borrowed {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(String::from_utf8_lossy(bytes).into_owned()),
    }
}

/// Build an element (name and attributes) from a start tag.
fn element<'a>(source: &'a str, e: &BytesStart<'_>, range: Range<usize>) -> Element<'a> {
    let name = source_str(source, e.local_name().as_ref());
    let attrs = e
        .attributes()
        .with_checks(false)
        .flatten()
        .map(|a| {
            let key = source_str(source, a.key.local_name().as_ref());
            let value = match a.unescape_value() {
                Ok(v) => source_str(source, v.as_bytes()),
                Err(_) => Cow::Owned(String::from_utf8_lossy(&a.value).into_owned()),
            };
            (key, value)
        })
        .collect();
    Element {
        name,
        attrs,
        children: Vec::new(),
        range,
    }
}

/// Text of an entity or character reference; unknown entities stay literal (`&name;`).
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

/// Append a node to the innermost open element.
fn push_node<'a>(stack: &mut [Element<'a>], node: Node<'a>) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

/// Append text, merging with a preceding text node.
fn push_text<'a>(stack: &mut [Element<'a>], s: Cow<'a, str>, range: Range<usize>) {
    let Some(top) = stack.last_mut() else { return };
    if let Some(Node::Text { text, range: r }) = top.children.last_mut() {
        text.to_mut().push_str(&s);
        r.end = range.end;
        return;
    }
    top.children.push(Node::Text { text: s, range });
}

/// Close the element an end tag names: the innermost open one of that name, closing those
/// opened inside it first; an end tag that names no open element is skipped. Each repair
/// is recorded.
fn close(
    stack: &mut Vec<Element<'_>>,
    name: &str,
    start: usize,
    end: usize,
    repairs: &mut Vec<Repair>,
) {
    let Some(at) = stack
        .iter()
        .skip(1)
        .rposition(|e| e.name == name)
        .map(|i| i + 1)
    else {
        repairs.push(Repair {
            position: start,
            message: format!("</{name}> closes no open element: skipped"),
        });
        return;
    };
    if at + 1 < stack.len() {
        let inner: Vec<String> = stack[at + 1..]
            .iter()
            .rev()
            .map(|e| format!("<{}>", e.name))
            .collect();
        repairs.push(Repair {
            position: start,
            message: format!(
                "</{name}> found where {} was still open: closed there",
                inner.join(", ")
            ),
        });
    }
    while stack.len() > at {
        let Some(mut done) = stack.pop() else { break };
        done.range.end = if stack.len() == at { end } else { start };
        push_node(stack, Node::Element(done));
    }
}

/// Close every element left open and return the root element.
fn finish(mut stack: Vec<Element<'_>>, len: usize) -> Result<Element<'_>, AknError> {
    while stack.len() > 1 {
        let Some(mut done) = stack.pop() else { break };
        done.range.end = len;
        push_node(&mut stack, Node::Element(done));
    }
    let document = stack.pop().unwrap_or_default();
    document
        .children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text { .. } => None,
        })
        .ok_or_else(|| AknError {
            message: "not an Akoma Ntoso document (no root element)".into(),
            position: None,
        })
}
