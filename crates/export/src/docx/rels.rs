//! Relationships: the fixed parts a relationships part lists and the hyperlinks to
//! undocs.org.

use super::xml::escape;
use crate::url_path;
use qarar_document::{Document, ReferenceKind};
use std::collections::HashMap;
use std::fmt::Write as _;

const REL_HYPERLINK: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

#[derive(Default)]
pub(super) struct Rels {
    links: Vec<String>,
    by_url: HashMap<String, usize>,
}

impl Rels {
    /// Relationship id of an external hyperlink.
    pub(super) fn link(&mut self, url: String) -> String {
        let n = match self.by_url.get(&url) {
            Some(n) => *n,
            None => {
                self.links.push(url.clone());
                self.by_url.insert(url, self.links.len());
                self.links.len()
            }
        };
        format!("rIdLink{n}")
    }

    pub(super) fn xml(&self, fixed: &[(&str, &str, &str)]) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
        );
        for (id, ty, target) in fixed {
            let _ = write!(
                out,
                "<Relationship Id=\"{id}\" Type=\"{ty}\" Target=\"{target}\"/>"
            );
        }
        for (i, url) in self.links.iter().enumerate() {
            let _ = write!(
                out,
                "<Relationship Id=\"rIdLink{}\" Type=\"{REL_HYPERLINK}\" Target=\"{}\" TargetMode=\"External\"/>",
                i + 1,
                escape(url)
            );
        }
        out.push_str("</Relationships>");
        out
    }
}

/// The undocs.org address of a reference, when it has one.
pub(super) fn reference_url(doc: &Document, index: usize) -> Option<String> {
    let r = doc.references.get(index)?;
    match r.kind {
        ReferenceKind::Paragraph | ReferenceKind::Treaty => None,
        _ if r.target.trim().is_empty() => None,
        _ => Some(format!(
            "https://undocs.org/{}/{}",
            doc.meta.language.code(),
            url_path(&r.target)
        )),
    }
}
