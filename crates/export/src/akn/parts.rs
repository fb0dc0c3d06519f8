//! Annexes as `<attachments>`, the parts of a multi-part resolution as the components of a
//! `<documentCollection>`, a resolution in sections as `<section>` headers in `<mainBody>`,
//! and tables and headings — each in the shape the UN's own files use, so that our parser
//! reads them back to the same structure.

use super::xml::text;
use super::{Writer, meta};
use qarar_document::model::{Paragraph, ParagraphKind, Part, Table};

/// A part that came from a `<documentCollection>` (lettered `A`, `B`, …) rather than from
/// the sections of one statement (`I`, `II`, …).
fn is_lettered(part: &Part) -> bool {
    part.letter.len() == 1 && part.letter.chars().all(|c| c.is_ascii_uppercase())
}

impl Writer<'_> {
    /// Is the document a collection of lettered parts?
    pub(super) fn is_collection(&self) -> bool {
        !self.doc.parts.is_empty() && self.doc.parts.iter().all(is_lettered)
    }

    /// `<collectionBody>`: one component reference per part.
    pub(super) fn collection_body(&mut self, out: &mut String) {
        out.push_str("<collectionBody>\n");
        for part in &self.doc.parts {
            let eid = self.eid(&format!("cmp_{}", part.letter));
            let href = format!("#comp_{}", part.letter);
            out.push_str(&format!(
                "<component eId=\"{eid}\"><documentRef eId=\"{eid}_ref\" href=\"{href}\" showAs=\"{}\"/></component>\n",
                text(&part.label)
            ));
        }
        out.push_str("</collectionBody>\n");
    }

    /// `<components>`: each part a statement of its own; the annexes go with the last one.
    pub(super) fn components(&mut self, out: &mut String) {
        let doc = self.doc;
        out.push_str("<components>\n");
        let last = doc.parts.len().saturating_sub(1);
        for (i, part) in doc.parts.iter().enumerate() {
            out.push_str(&format!(
                "<component eId=\"comp_{}\">\n<statement name=\"resolution\">\n",
                part.letter
            ));
            meta::sub_meta(out, doc, &format!("part_{}", part.letter));
            out.push_str("<preface>\n<p>");
            out.push_str(&format!("<docNumber>{}</docNumber>", text(&part.label)));
            if let Some(t) = &part.title {
                out.push_str(&format!(" <docTitle>{}</docTitle>", text(t)));
            }
            out.push_str("</p>\n</preface>\n");
            self.preamble(out, part.enacting_formula.as_ref(), &part.preamble);
            self.main_body(out, &part.body, &part.operative, false);
            if i == last {
                meta::conclusions(out, doc);
                self.attachments(out);
            }
            out.push_str("</statement>\n</component>\n");
        }
        out.push_str("</components>\n");
    }

    /// The parts of a resolution in sections, as the UN writes them: a `<section>` header
    /// (numeral, title, preambular paragraphs) followed by the section's paragraphs. True
    /// when something was written.
    pub(super) fn sections(&mut self, out: &mut String) -> bool {
        let doc = self.doc;
        if self.is_collection() {
            return false;
        }
        for part in &doc.parts {
            out.push_str("<section>");
            out.push_str(&format!("<num>{}</num>", text(&part.label)));
            if let Some(t) = &part.title {
                out.push_str(&format!("<subheading>{}</subheading>", text(t)));
            }
            for p in &part.preamble {
                let eid = self.eid(&p.id);
                out.push_str(&format!("<crossHeading eId=\"{eid}\">"));
                self.runs(out, p, "i");
                out.push_str("</crossHeading>");
            }
            out.push_str("</section>\n");
            for p in &part.body {
                self.any_paragraph(out, p);
            }
            for p in &part.operative {
                self.operative(out, p);
            }
        }
        !doc.parts.is_empty()
    }

    /// `<attachments>`: each annex a `<doc name="annex">` with its heading and title in the
    /// preface and its paragraphs in the main body.
    pub(super) fn attachments(&mut self, out: &mut String) {
        let doc = self.doc;
        if doc.annexes.is_empty() {
            return;
        }
        out.push_str("<attachments>\n");
        for annex in &doc.annexes {
            let eid = self.eid(&format!("att_{}", annex.id));
            out.push_str(&format!(
                "<attachment eId=\"{eid}\">\n<doc name=\"annex\">\n"
            ));
            meta::sub_meta(out, doc, &annex.id);
            let lines: Vec<&String> = annex.heading.iter().chain(&annex.title).collect();
            if !lines.is_empty() {
                out.push_str("<preface>\n");
                for l in lines {
                    out.push_str(&format!("<p>{}</p>\n", text(l)));
                }
                out.push_str("</preface>\n");
            }
            out.push_str("<mainBody>\n");
            for p in &annex.paragraphs {
                self.any_paragraph(out, p);
            }
            if annex.paragraphs.is_empty() {
                out.push_str("<p/>\n");
            }
            out.push_str("</mainBody>\n</doc>\n</attachment>\n");
        }
        out.push_str("</attachments>\n");
    }

    /// A paragraph of any kind: numbered, a heading, a table or unnumbered text.
    pub(super) fn any_paragraph(&mut self, out: &mut String, p: &Paragraph) {
        if let Some(t) = &p.table {
            self.table(out, p, t);
            return;
        }
        match p.kind {
            ParagraphKind::Operative => self.operative(out, p),
            ParagraphKind::Heading => {
                let eid = self.eid(&p.id);
                out.push_str(&format!(
                    "<hcontainer name=\"heading\" eId=\"{eid}\"><heading>"
                ));
                self.runs(out, p, "i");
                out.push_str("</heading><content><p/></content></hcontainer>\n");
            }
            _ => self.body_paragraph(out, p),
        }
    }

    /// `<container name="table"><table>`: rows of `<th>`/`<td>` cells.
    pub(super) fn table(&mut self, out: &mut String, p: &Paragraph, t: &Table) {
        let eid = self.eid(&p.id);
        out.push_str(&format!(
            "<container name=\"table\" eId=\"{eid}\"><table eId=\"{eid}_table\">"
        ));
        // Annotation marks at the end of the cell where their passage ends (the last cell
        // with text takes the rest).
        let anchors = self.anchors.remove(&p.id).unwrap_or_default();
        let mut anchors = anchors.into_iter().peekable();
        let starts = t.cell_starts();
        let cells_with_text: usize = starts.iter().flatten().map(Vec::len).sum();
        let mut seen = 0usize;
        let grid = t.grid();
        for (r, (row, starts)) in t.rows.iter().zip(&starts).enumerate() {
            out.push_str("<tr>");
            let tag = if row.header { "th" } else { "td" };
            for (i, cell) in row.cells.iter().enumerate() {
                let (cols, rows) = grid[r].get(i).map_or((1, 1), |g| (g.cols, g.rows));
                out.push_str(&format!("<{tag}"));
                if cols > 1 {
                    out.push_str(&format!(" colspan=\"{cols}\""));
                }
                if rows > 1 {
                    out.push_str(&format!(" rowspan=\"{rows}\""));
                }
                out.push_str("><p>");
                for run in cell {
                    self.run(out, run, "i");
                }
                if let Some(base) = starts.as_ref().and_then(|s| s.get(i)) {
                    seen += 1;
                    let end = base + qarar_document::runs_text(cell).chars().count();
                    let last = seen == cells_with_text;
                    while let Some((_, id)) = anchors.next_if(|(at, _)| last || *at <= end) {
                        super::note_ref(out, &id);
                    }
                }
                out.push_str(&format!("</p></{tag}>"));
            }
            if row.cells.is_empty() {
                out.push_str("<td><p/></td>");
            }
            out.push_str("</tr>");
        }
        if t.rows.is_empty() {
            out.push_str("<tr><td><p/></td></tr>");
        }
        out.push_str("</table></container>\n");
    }
}
