//! Akoma Ntoso 3.0 export (AKN4UN shape), valid against `akomantoso30.xsd` and read back by
//! [`qarar_document::akn::parse`] to the same structure.
//!
//! Shape: `<akomaNtoso><statement name="resolution">` with FRBR identification, TLC
//! references and (when there are annotations) a `<notes>` block in `<meta>`; the cover lines
//! in `<coverPage>`; number and title in `<preface>`; the enacting formula and one
//! `<container>` per preambular paragraph in `<preamble>`; numbered `<paragraph>`s with
//! `<num>` in `<mainBody>`, sub-paragraphs nested as `<subparagraph>` with `<num>(a)</num>`
//! (or, when a paragraph also has unlabelled continuation text, as the sibling paragraphs
//! the UN files use); footnotes as `<authorialNote>` where their markers stand; references as
//! `<ref href>` to `undocs.org`; annotations as `<noteRef>`s at the end of each annotated
//! passage pointing at their `<note>`; the meeting and date in `<conclusions>`.
//!
//! Not carried over: the source file's own `eId`s (`source_id`; ours are the stable ids),
//! footnotes whose marker stands in no paragraph, and items below the second level of a
//! paragraph that needs the sibling convention. Treaty citations stay text (the parser's
//! reference detection finds them again); paragraph references link to `#para_N`.

mod meta;
mod parts;
mod xml;

use crate::ExportError;
use crate::placed::Placed;
use qarar_document::model::{
    Document, Language, Paragraph, ParagraphKind, ReferenceKind, Run, RunKind,
};
use std::collections::{HashMap, HashSet};
use xml::{attr, text};

const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// Export `doc` (with its placed annotations) as Akoma Ntoso XML, UTF-8.
pub fn export(doc: &Document, placed: &[Placed]) -> Result<Vec<u8>, ExportError> {
    let mut w = Writer::new(doc, placed);
    let mut out = String::with_capacity(doc.source_text.len() * 2 + 4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!("<akomaNtoso xmlns=\"{NAMESPACE}\">\n"));
    if w.is_collection() {
        // A multi-part resolution: the parts as components of a collection.
        out.push_str("<documentCollection name=\"resolution\">\n");
        meta::meta(&mut out, doc, placed, &w.note_ids);
        meta::cover_page(&mut out, doc);
        meta::preface(&mut out, doc);
        w.collection_body(&mut out);
        out.push_str("</documentCollection>\n");
        w.components(&mut out);
    } else {
        out.push_str("<statement name=\"resolution\">\n");
        meta::meta(&mut out, doc, placed, &w.note_ids);
        meta::cover_page(&mut out, doc);
        meta::preface(&mut out, doc);
        w.preamble(&mut out, doc.enacting_formula.as_ref(), &doc.preamble);
        w.main_body(&mut out, &doc.body, &doc.operative, true);
        meta::conclusions(&mut out, doc);
        w.attachments(&mut out);
        out.push_str("</statement>\n");
    }
    out.push_str("</akomaNtoso>\n");
    Ok(out.into_bytes())
}

/// State of one export: ids used, footnotes written, annotation anchors by paragraph.
struct Writer<'d> {
    doc: &'d Document,
    /// `eId`s already used (they must be unique in the document).
    eids: HashSet<String>,
    /// Per `eId` base, the next `__N` suffix to try.
    next_suffix: HashMap<String, usize>,
    /// Footnotes already written (a footnote is written once, at its first marker).
    footnotes_done: HashSet<String>,
    /// Paragraph id → (code-point offset in its text, note eId), sorted by offset.
    anchors: HashMap<String, Vec<(usize, String)>>,
    /// eId of each placed annotation's note, in `placed` order.
    note_ids: Vec<String>,
}

impl<'d> Writer<'d> {
    fn new(doc: &'d Document, placed: &[Placed]) -> Writer<'d> {
        let mut w = Writer {
            doc,
            eids: [
                "qarar",
                "ga",
                "author",
                "editor",
                "issuingBody",
                "symbol",
                "dateOfIssuance",
                "adoptionDate",
                "resolutionTitle",
                "conclusions",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            next_suffix: HashMap::new(),
            footnotes_done: HashSet::new(),
            anchors: HashMap::new(),
            note_ids: Vec::new(),
        };
        for (i, p) in placed.iter().enumerate() {
            let id = w.eid(&format!("note_{}", i + 1));
            if let Some(paragraph) = &p.paragraph {
                let at = p.range.as_ref().map_or(usize::MAX, |r| r.end);
                w.anchors
                    .entry(paragraph.clone())
                    .or_default()
                    .push((at, id.clone()));
            }
            w.note_ids.push(id);
        }
        for list in w.anchors.values_mut() {
            list.sort_by_key(|(at, _)| *at);
        }
        // Anchors on paragraphs the document does not have are never written: their notes
        // stay in `<meta>` only.
        w
    }

    /// A unique `eId` derived from `base`. The next suffix to try is kept per base, so many
    /// repeats of one id stay linear (each used to try every suffix from 2 again).
    fn eid(&mut self, base: &str) -> String {
        let base = xml::ncname(base);
        let mut id = base.clone();
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(2);
        while self.eids.contains(&id) {
            id = format!("{base}__{n}");
            n += 1;
        }
        self.next_suffix.insert(base, n);
        self.eids.insert(id.clone());
        id
    }

    fn language(&self) -> Language {
        self.doc.meta.language
    }

    /// `<preamble>`: enacting formula and one container per preambular paragraph.
    fn preamble(&mut self, out: &mut String, formula: Option<&Paragraph>, preamble: &[Paragraph]) {
        if formula.is_none() && preamble.is_empty() {
            return;
        }
        out.push_str("<preamble>\n");
        if let Some(f) = formula {
            let eid = self.eid(&f.id);
            out.push_str(&format!(
                "<formula name=\"enactingFormula\" eId=\"{eid}\"><p>"
            ));
            self.runs(out, f, "i");
            out.push_str("</p></formula>\n");
        }
        for p in preamble {
            let eid = self.eid(&p.id);
            let name = p
                .lead
                .as_deref()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .unwrap_or("preambular");
            out.push_str(&format!(
                "<container name=\"{}\" eId=\"{eid}\"><p>",
                attr(name)
            ));
            self.runs(out, p, "i");
            out.push_str("</p></container>\n");
            // Sub-paragraphs of a preambular paragraph (rare) follow as their own containers.
            for (_, child) in p.walk().into_iter().skip(1) {
                let eid = self.eid(&child.id);
                out.push_str(&format!("<container name=\"continued\" eId=\"{eid}\"><p>"));
                self.runs(out, child, "i");
                out.push_str("</p></container>\n");
            }
        }
        out.push_str("</preamble>\n");
    }

    /// `<mainBody>`: loose text, then the operative paragraphs (then, with `sections`, the
    /// parts of a resolution in sections).
    fn main_body(
        &mut self,
        out: &mut String,
        body: &[Paragraph],
        operative: &[Paragraph],
        sections: bool,
    ) {
        out.push_str("<mainBody>\n");
        let mut any = false;
        for p in body {
            self.any_paragraph(out, p);
            any = true;
        }
        for p in operative {
            self.operative(out, p);
            any = true;
        }
        if sections {
            any |= self.sections(out);
        }
        if !any {
            out.push_str("<p/>\n");
        }
        out.push_str("</mainBody>\n");
    }

    /// Lead style of operative paragraphs: bold verbs in Arabic, italic elsewhere.
    fn operative_lead(&self) -> &'static str {
        if self.language() == Language::Ar {
            "b"
        } else {
            "i"
        }
    }

    /// The number as the UN writes it: `1 -` in Arabic, `1.` elsewhere.
    fn num(&self, n: u32) -> String {
        if self.language() == Language::Ar {
            format!("{n} -")
        } else {
            format!("{n}.")
        }
    }

    /// An unnumbered paragraph of `doc.body` (text before the first operative paragraph, or
    /// a text that is not a resolution).
    fn body_paragraph(&mut self, out: &mut String, p: &Paragraph) {
        let eid = self.eid(&p.id);
        out.push_str(&format!("<paragraph eId=\"{eid}\">"));
        if let Some(label) = p.label.as_deref() {
            out.push_str(&format!("<num>({})</num>", text(label)));
        }
        if p.children.is_empty() {
            out.push_str("<content><p>");
            self.runs(out, p, "i");
            out.push_str("</p></content>");
        } else {
            self.intro(out, p, "i");
            for c in &p.children {
                self.nested(out, c);
            }
        }
        out.push_str("</paragraph>\n");
    }

    /// One operative paragraph with its sub-paragraphs.
    fn operative(&mut self, out: &mut String, p: &Paragraph) {
        let lead = self.operative_lead();
        let eid = self.eid(&p.id);
        out.push_str(&format!("<paragraph eId=\"{eid}\">"));
        if let Some(n) = p.number {
            out.push_str(&format!("<num>{}</num>", text(&self.num(n))));
        }
        let nested = p
            .walk()
            .iter()
            .skip(1)
            .all(|(_, c)| c.kind == ParagraphKind::SubParagraph && c.label.is_some());
        if p.children.is_empty() || !nested {
            out.push_str("<content><p>");
            self.runs(out, p, lead);
            out.push_str("</p></content></paragraph>\n");
            // Sibling convention: each descendant an unnumbered paragraph after its parent.
            for (_, c) in p.walk().into_iter().skip(1) {
                if let Some(t) = &c.table {
                    self.table(out, c, t);
                    continue;
                }
                let eid = self.eid(&c.id);
                out.push_str(&format!("<paragraph eId=\"{eid}\">"));
                if let Some(label) = c.label.as_deref() {
                    out.push_str(&format!("<num>{}</num>", text(&label_num(label))));
                }
                out.push_str("<content><p>");
                self.runs(out, c, lead);
                out.push_str("</p></content></paragraph>\n");
            }
            return;
        }
        self.intro(out, p, lead);
        for c in &p.children {
            self.nested(out, c);
        }
        out.push_str("</paragraph>\n");
    }

    /// `<intro>` holding a parent's own text (omitted when it has none).
    fn intro(&mut self, out: &mut String, p: &Paragraph, lead: &str) {
        if p.runs.is_empty() && !self.anchors.contains_key(&p.id) {
            return;
        }
        out.push_str("<intro><p>");
        self.runs(out, p, lead);
        out.push_str("</p></intro>");
    }

    /// A nested `<subparagraph>` (any depth).
    fn nested(&mut self, out: &mut String, p: &Paragraph) {
        let lead = self.operative_lead();
        let eid = self.eid(&p.id);
        out.push_str(&format!("<subparagraph eId=\"{eid}\">"));
        if let Some(label) = p.label.as_deref() {
            out.push_str(&format!("<num>{}</num>", text(&label_num(label))));
        }
        if p.children.is_empty() {
            out.push_str("<content><p>");
            self.runs(out, p, lead);
            out.push_str("</p></content>");
        } else {
            self.intro(out, p, lead);
            for c in &p.children {
                self.nested(out, c);
            }
        }
        out.push_str("</subparagraph>");
    }

    /// The inline content of a paragraph, with annotation marks at their offsets.
    fn runs(&mut self, out: &mut String, p: &Paragraph, lead_tag: &str) {
        let anchors = self.anchors.remove(&p.id).unwrap_or_default();
        let mut anchors = anchors.into_iter().peekable();
        let mut pos = 0usize;
        for run in &p.runs {
            if run.is_marker() {
                while let Some((_, id)) = anchors.next_if(|(at, _)| *at <= pos) {
                    note_ref(out, &id);
                }
                self.run(out, run, lead_tag);
                continue;
            }
            let len = run.text.chars().count();
            match run.kind {
                RunKind::Plain | RunKind::Emphasis => {
                    let italic = run.kind == RunKind::Emphasis;
                    let mut from = 0usize;
                    for (n, (byte, _)) in run.text.char_indices().enumerate() {
                        while let Some((_, id)) = anchors.next_if(|(at, _)| *at <= pos + n) {
                            if byte > from {
                                styled_text(out, &run.text[from..byte], italic);
                                from = byte;
                            }
                            note_ref(out, &id);
                        }
                    }
                    styled_text(out, &run.text[from..], italic);
                }
                _ => self.run(out, run, lead_tag),
            }
            pos += len;
            while let Some((_, id)) = anchors.next_if(|(at, _)| *at <= pos) {
                note_ref(out, &id);
            }
        }
        for (_, id) in anchors {
            note_ref(out, &id);
        }
    }

    /// One run that is not split by annotation marks.
    fn run(&mut self, out: &mut String, run: &Run, lead_tag: &str) {
        match &run.kind {
            RunKind::Plain => out.push_str(&text(&run.text)),
            RunKind::Emphasis => styled_text(out, &run.text, true),
            RunKind::Lead => {
                out.push_str(&format!("<{lead_tag}>{}</{lead_tag}>", text(&run.text)));
            }
            RunKind::FootnoteMarker { footnote } => self.footnote(out, footnote),
            RunKind::Reference { reference } => self.reference(out, run, *reference),
        }
    }

    /// An `<authorialNote>` for footnote `id`, written at its first marker.
    fn footnote(&mut self, out: &mut String, id: &str) {
        let doc = self.doc;
        let Some(f) = doc.footnote(id) else { return };
        if !self.footnotes_done.insert(f.id.clone()) {
            return;
        }
        let eid = self.eid(&f.id);
        out.push_str(&format!(
            "<authorialNote marker=\"{}\" placement=\"bottom\" eId=\"{eid}\"><p>",
            attr(&f.marker)
        ));
        for run in &f.runs {
            self.run(out, run, "i");
        }
        out.push_str("</p></authorialNote>");
    }

    /// A `<ref href>` to undocs.org (UN symbols) or to a paragraph (`#para_2`); treaty
    /// citations stay text (the parser finds them again).
    fn reference(&mut self, out: &mut String, run: &Run, index: usize) {
        let Some(r) = self.doc.references.get(index) else {
            out.push_str(&text(&run.text));
            return;
        };
        let href = match r.kind {
            ReferenceKind::Treaty => None,
            ReferenceKind::Paragraph => Some(format!("#{}", xml::ncname(&r.target))),
            ReferenceKind::Resolution | ReferenceKind::Decision | ReferenceKind::Document => {
                Some(format!(
                    "https://undocs.org/{}/{}",
                    self.language().code(),
                    xml::uri_path(&r.target)
                ))
            }
        };
        match href {
            Some(h) => out.push_str(&format!(
                "<ref href=\"{}\">{}</ref>",
                attr(&h),
                text(&run.text)
            )),
            None => out.push_str(&text(&run.text)),
        }
    }
}

/// `<num>` text of a label: `(a)`, `(أ)`, `(ii)`.
fn label_num(label: &str) -> String {
    format!("({})", label.trim())
}

/// Text, in `<i>` when `italic`.
fn styled_text(out: &mut String, s: &str, italic: bool) {
    if s.is_empty() {
        return;
    }
    if italic {
        out.push_str("<i>");
        xml::text_into(out, s);
        out.push_str("</i>");
    } else {
        xml::text_into(out, s);
    }
}

/// A mark pointing at an annotation's note.
fn note_ref(out: &mut String, id: &str) {
    out.push_str(&format!(
        "<noteRef href=\"#{}\" marker=\"*\" placement=\"side\" class=\"annotation\"/>",
        attr(id)
    ));
}
