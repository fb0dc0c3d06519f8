//! Annexes (`<attachments>` of `<doc name="annex">`, nested too) and the parts of a
//! multi-part resolution (`<documentCollection>` with `<components>`).
//!
//! Ids: an annex is `annex_N` in document order; its numbered paragraphs `annex_N.para_14`
//! (sub-paragraphs `annex_N.para_14_b`), unnumbered ones `annex_N.p_3`, headings
//! `annex_N.sec_2`, tables `annex_N.table_1`. A part's ids are its own ids prefixed with its
//! Latin letter and a dot (`A.preamble_2`, `B.para_3_a`).

use super::Ctx;
use super::body::{self, Item};
use super::inline::collapse_str;
use super::labels::{self, Place};
use super::tree::Element;
use crate::ids;
use crate::model::{Annex, Paragraph, ParagraphKind, Part, runs_text};
use qarar_util::fold;

/// Words that open an annex heading, folded (`Annex II`, `المرفق الأول`, `Annexe`, …).
const ANNEX_WORDS: [&str; 8] = [
    "annex",
    "annexe",
    "anexo",
    "المرفق",
    "مرفق",
    "приложение",
    "附件",
    "增编",
];

/// Read every annex attached to `e` (a statement, a component or an annex), in document
/// order; an annex's own annexes follow it.
pub(super) fn attachments(ctx: &mut Ctx, e: &Element) {
    for block in e.elements().filter(|c| c.name == "attachments") {
        for attachment in block.elements() {
            // `<attachment>` wraps the document; some files put the document directly.
            let docs: Vec<&Element> = if attachment.name == "attachment" {
                attachment.elements().filter(|d| d.name != "meta").collect()
            } else {
                vec![attachment]
            };
            for d in docs {
                annex(ctx, d);
            }
        }
    }
}

/// One annex document.
fn annex(ctx: &mut Ctx, d: &Element) {
    let n = ctx.doc.annexes.len() + 1;
    let id = format!("annex_{n}");
    let mut items = Vec::new();
    for child in d.elements() {
        match child.name() {
            "meta" | "attachments" | "components" => {}
            _ => body::gather_items(ctx, child, &mut items),
        }
    }
    // Reserve the annex's place so that nested annexes come after it.
    let slot = ctx.doc.annexes.len();
    ctx.doc.annexes.push(Annex {
        id: id.clone(),
        ..Annex::default()
    });
    // An explicit title (`<preface>` with `<docTitle>`) is the annex's title as written.
    let explicit = d
        .child("preface")
        .and_then(|p| p.find_named("docTitle"))
        .map(|t| collapse_str(&t.text()))
        .filter(|t| !t.is_empty());
    let mut built = build(&id, items, explicit.is_none());
    if explicit.is_some() {
        built.title = explicit;
    }
    if let Some(a) = ctx.doc.annexes.get_mut(slot) {
        *a = built;
    }
    attachments(ctx, d);
}

/// Is this the "Annex" line that heads an annex?
fn is_annex_heading(text: &str) -> bool {
    let folded = fold::fold_str(text.trim());
    let first = folded.split_whitespace().next().unwrap_or_default();
    text.chars().count() < 60 && ANNEX_WORDS.iter().any(|w| first.starts_with(w))
}

/// A short line that does not end like a sentence (a title, not a paragraph).
fn is_title_like(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() < 400
        && !t.ends_with(['.', ';', ':', '؛', '。', '；', '：', ','])
}

/// Place the items of an annex: heading and title first, then headings, numbered
/// paragraphs with their sub-paragraphs, unnumbered paragraphs and tables.
fn build(id: &str, items: Vec<Item>, guess_title: bool) -> Annex {
    let mut annex = Annex {
        id: id.to_string(),
        ..Annex::default()
    };
    let mut items = items.into_iter().peekable();
    let plain = |it: &Item| it.number.is_none() && it.label.is_none() && it.table.is_none();
    if let Some(first) = items.peek()
        && plain(first)
        && is_annex_heading(&runs_text(&first.runs))
    {
        annex.heading = items.next().map(|it| collapse_str(&runs_text(&it.runs)));
        // Without an explicit title, the short unnumbered line after the heading that does
        // not end like a sentence is the title.
        if guess_title
            && let Some(t) = items.peek()
            && plain(t)
            && t.nested.is_empty()
            && is_title_like(&runs_text(&t.runs))
        {
            annex.title = items.next().map(|it| collapse_str(&runs_text(&it.runs)));
        }
    }
    let mut placer = Placer::new(id);
    for item in items {
        placer.place(item);
    }
    annex.paragraphs = placer.out;
    annex
}

/// Builds an annex's paragraphs, counting what each kind of id needs.
struct Placer {
    prefix: String,
    out: Vec<Paragraph>,
    sections: usize,
    plain: usize,
    tables: usize,
    last1: usize,
    last2: usize,
    /// Index in `out` of the last numbered paragraph (sub-paragraphs go under it).
    numbered: Option<usize>,
}

impl Placer {
    fn new(prefix: &str) -> Placer {
        Placer {
            prefix: prefix.to_string(),
            out: Vec::new(),
            sections: 0,
            plain: 0,
            tables: 0,
            last1: 0,
            last2: 0,
            numbered: None,
        }
    }

    fn place(&mut self, mut item: Item) {
        if item.table.is_some() {
            self.tables += 1;
            let id = format!("{}.table_{}", self.prefix, self.tables);
            let mut p = body::paragraph(&id, ParagraphKind::Table, &mut item);
            p.table = item.table;
            self.out.push(p);
        } else if item.heading {
            self.sections += 1;
            let id = format!("{}.sec_{}", self.prefix, self.sections);
            let mut p = body::paragraph(&id, ParagraphKind::Heading, &mut item);
            body::drop_lead(&mut p);
            self.out.push(p);
            self.numbered = None;
        } else if let Some(n) = item.number {
            self.numbered_paragraph(n, item);
        } else if item.label.is_none()
            && let Some(p) = self.numbered.and_then(|i| self.out.get_mut(i))
            && p.runs.is_empty()
            && p.children.is_empty()
        {
            // A number alone, its text in the next element (some conversions split them).
            p.runs = item.runs;
            p.lead = item.lead;
            body::nest(p, item.nested, 1);
        } else if !item
            .label
            .clone()
            .is_some_and(|label| self.labelled(&label, &mut item))
        {
            self.plain += 1;
            let id = format!("{}.p_{}", self.prefix, self.plain);
            let mut p = body::paragraph(&id, ParagraphKind::Plain, &mut item);
            p.label = item.label.clone();
            body::drop_lead(&mut p);
            body::nest(&mut p, item.nested, 1);
            self.out.push(p);
        }
    }

    fn numbered_paragraph(&mut self, n: u32, mut item: Item) {
        let mut id = format!("{}.{}", self.prefix, ids::operative_id(n));
        // Numbering that starts again in a new section keeps ids unique.
        if self.out.iter().any(|p| p.id == id) {
            id = format!(
                "{}.sec_{}.{}",
                self.prefix,
                self.sections,
                ids::operative_id(n)
            );
        }
        let mut p = body::paragraph(&id, ParagraphKind::Operative, &mut item);
        p.number = Some(n);
        body::nest(&mut p, item.nested, 1);
        self.last1 = p.children.len();
        self.last2 = 0;
        self.numbered = Some(self.out.len());
        self.out.push(p);
    }

    /// A labelled item under the last numbered paragraph; false when it is not one.
    fn labelled(&mut self, label: &str, item: &mut Item) -> bool {
        let Some(parent) = self.numbered.and_then(|i| self.out.get_mut(i)) else {
            return false;
        };
        match labels::place(label, self.last1, self.last2) {
            Place::First(pos) => {
                let id = ids::sub_id(&parent.id, 1, pos);
                let mut p = body::paragraph(&id, ParagraphKind::SubParagraph, item);
                p.label = Some(label.to_string());
                parent.children.push(p);
                self.last1 = pos;
                self.last2 = 0;
                true
            }
            Place::Second(pos) => {
                let Some(sub) = parent.children.last_mut() else {
                    return false;
                };
                let id = ids::sub_id(&sub.id, 2, pos);
                let mut p = body::paragraph(&id, ParagraphKind::SubParagraph, item);
                p.label = Some(label.to_string());
                sub.children.push(p);
                self.last2 = pos;
                true
            }
            Place::None => false,
        }
    }
}

/// The parts of a `<documentCollection>`: each component's statement read like a
/// resolution of its own, its ids prefixed with the part's letter.
pub(super) fn parts(ctx: &mut Ctx, components: &Element) {
    for component in components.elements() {
        let Some(statement) = component
            .elements()
            .find(|e| matches!(e.name(), "statement" | "doc" | "act" | "bill"))
            .or_else(|| component.elements().next())
        else {
            continue;
        };
        part(ctx, statement);
    }
}

fn part(ctx: &mut Ctx, statement: &Element) {
    let index = ctx.doc.parts.len();
    let letter = match u8::try_from(index) {
        Ok(i) if i < 26 => char::from(b'A' + i).to_string(),
        _ => format!("P{}", index + 1),
    };
    let preface = statement.child("preface");
    let label = preface
        .and_then(|p| p.find_named("docNumber"))
        .map(|e| collapse_str(&e.text()))
        .unwrap_or_else(|| letter.clone());
    let title = preface
        .and_then(|p| p.find_named("docTitle"))
        .map(|e| collapse_str(&e.text()))
        .filter(|t| !t.is_empty());
    read_part(ctx, letter, label, title, |ctx| {
        super::sections::read(ctx, statement);
        if ctx.doc.closing.is_none() {
            ctx.doc.closing = statement.child("conclusions").map(super::closing);
        }
    });
    attachments(ctx, statement);
}

/// Read one part with `read` (which fills the document's formula, preamble, operative and
/// body as for a resolution of its own), then move what it read into a part whose ids are
/// prefixed with `letter` and a dot; the document's own lists are left as they were.
pub(super) fn read_part(
    ctx: &mut Ctx,
    letter: String,
    label: String,
    title: Option<String>,
    read: impl FnOnce(&mut Ctx),
) {
    // A part's sections come after it, their letters after its own (`A.I`).
    let letter = format!("{}{letter}", ctx.part_prefix);
    let slot = ctx.doc.parts.len();
    let outer = std::mem::replace(&mut ctx.part_prefix, format!("{letter}."));
    let saved = (
        ctx.doc.enacting_formula.take(),
        std::mem::take(&mut ctx.doc.preamble),
        std::mem::take(&mut ctx.doc.operative),
        std::mem::take(&mut ctx.doc.body),
    );
    read(ctx);
    ctx.part_prefix = outer;
    let mut part = Part {
        letter,
        label,
        title,
        enacting_formula: ctx.doc.enacting_formula.take(),
        preamble: std::mem::take(&mut ctx.doc.preamble),
        operative: std::mem::take(&mut ctx.doc.operative),
        body: std::mem::take(&mut ctx.doc.body),
    };
    (
        ctx.doc.enacting_formula,
        ctx.doc.preamble,
        ctx.doc.operative,
        ctx.doc.body,
    ) = saved;
    let prefix = format!("{}.", part.letter);
    for p in part
        .enacting_formula
        .iter_mut()
        .chain(&mut part.preamble)
        .chain(&mut part.operative)
        .chain(&mut part.body)
    {
        prefix_ids(p, &prefix);
    }
    ctx.doc.parts.insert(slot.min(ctx.doc.parts.len()), part);
}

fn prefix_ids(p: &mut Paragraph, prefix: &str) {
    p.id = format!("{prefix}{}", p.id);
    for c in &mut p.children {
        prefix_ids(c, prefix);
    }
}
