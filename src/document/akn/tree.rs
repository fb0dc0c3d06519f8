//! A small element tree built from `quick-xml` events, with byte ranges into the source.
//!
//! Entities are never expanded: the five predefined ones and character references are
//! resolved, every other `&name;` stays as literal text, and a DOCTYPE is ignored.

use super::AknError;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::reader::Reader;
use std::ops::Range;

/// Deepest element nesting accepted (protects the recursive walkers from stack overflow).
const MAX_DEPTH: usize = 512;

/// A node of the tree: an element or a piece of text.
#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text { text: String, range: Range<usize> },
}

/// An element with its local name, attributes, children and byte range.
#[derive(Debug, Clone, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    pub range: Range<usize>,
}

impl Element {
    /// Value of the attribute with this local name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text { .. } => None,
        })
    }

    /// First child element with this name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// First descendant element (depth first, self excluded) satisfying `pred`.
    pub fn find(&self, pred: &dyn Fn(&Element) -> bool) -> Option<&Element> {
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
    pub fn find_named(&self, name: &str) -> Option<&Element> {
        self.find(&|e| e.name == name)
    }

    /// All text below this element, concatenated as written.
    pub fn text(&self) -> String {
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

/// Parse `text` into a tree and return the root element.
pub fn parse(text: &str) -> Result<Element, AknError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().expand_empty_elements = false;
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let start = position(reader.buffer_position());
        let event = reader.read_event().map_err(|e| AknError {
            message: format!("malformed XML: {e}"),
            position: Some(reader.error_position()),
        })?;
        let end = position(reader.buffer_position());
        match event {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err(AknError {
                        message: "elements nested too deeply".into(),
                        position: Some(start as u64),
                    });
                }
                stack.push(element(&e, start..end));
            }
            Event::Empty(e) => push_node(&mut stack, Node::Element(element(&e, start..end))),
            Event::End(_) => close(&mut stack, end)?,
            Event::Text(t) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                push_text(&mut stack, &s, start..end);
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                push_text(&mut stack, &s, start..end);
            }
            Event::GeneralRef(r) => push_text(&mut stack, &resolve_ref(&r), start..end),
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    finish(stack, text.len())
}

/// Byte offset as `usize` (saturating on exotic platforms).
fn position(p: u64) -> usize {
    usize::try_from(p).unwrap_or(usize::MAX)
}

/// Build an element (name and attributes) from a start tag.
fn element(e: &BytesStart<'_>, range: Range<usize>) -> Element {
    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    let attrs = e
        .attributes()
        .with_checks(false)
        .flatten()
        .map(|a| {
            let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
            let value = match a.unescape_value() {
                Ok(v) => v.into_owned(),
                Err(_) => String::from_utf8_lossy(&a.value).into_owned(),
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
fn push_node(stack: &mut [Element], node: Node) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

/// Append text, merging with a preceding text node.
fn push_text(stack: &mut [Element], s: &str, range: Range<usize>) {
    let Some(top) = stack.last_mut() else { return };
    if let Some(Node::Text { text, range: r }) = top.children.last_mut() {
        text.push_str(s);
        r.end = range.end;
        return;
    }
    top.children.push(Node::Text {
        text: s.to_string(),
        range,
    });
}

/// Close the innermost element (the reader has already checked the end name).
fn close(stack: &mut Vec<Element>, end: usize) -> Result<(), AknError> {
    if stack.len() < 2 {
        return Err(AknError {
            message: "malformed XML: closing tag without an opening tag".into(),
            position: Some(end as u64),
        });
    }
    if let Some(mut done) = stack.pop() {
        done.range.end = end;
        push_node(stack, Node::Element(done));
    }
    Ok(())
}

/// Check that every element was closed and return the root element.
fn finish(mut stack: Vec<Element>, len: usize) -> Result<Element, AknError> {
    if stack.len() > 1 {
        let name = stack.last().map(|e| e.name.clone()).unwrap_or_default();
        return Err(AknError {
            message: format!("malformed XML: unexpected end of file, <{name}> is not closed"),
            position: Some(len as u64),
        });
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
