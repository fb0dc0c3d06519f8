//! Enacting formula, preambular paragraphs and the operative tree of an AKN resolution.

use super::Ctx;
use super::inline::{self, Collector, Piece};
use super::labels::{self, Place};
use super::tree::Element;
use crate::ids;
use crate::model::{
    CellSpan, Diagnostic, MAX_CELL_SPAN, Paragraph, ParagraphKind, Run, RunKind, Table, TableRow,
};

/// Elements of `<mainBody>` that hold numbered or labelled items.
const HIERARCHY: [&str; 6] = [
    "paragraph",
    "subparagraph",
    "point",
    "item",
    "alinea",
    "indent",
];

/// Fill the enacting formula and the preamble from `<preamble>`.
pub(super) fn preamble(ctx: &mut Ctx, preamble: &Element) {
    for e in preamble.elements() {
        preamble_child(ctx, e);
    }
}

/// One child of a `<preamble>`: the formula, a block of recitals, a preambular item, or a
/// numbered list handed over to the operative part.
pub(super) fn preamble_child(ctx: &mut Ctx, e: &Element) {
    {
        match e.name() {
            "formula" if ctx.doc.enacting_formula.is_none() => {
                let mut p = Paragraph::new("enacting_formula", ParagraphKind::EnactingFormula);
                let (runs, _) = collect(ctx, e, false);
                p.runs = runs;
                p.source = e.range.clone();
                p.source_id = e.attr("eId").map(str::to_string);
                ctx.doc.enacting_formula = Some(p);
            }
            "recitals" | "citations" => preamble_items(ctx, e),
            // A list whose items are numbered ("1. Appropriations …") is the start of the
            // operative part, wherever the file put it.
            _ if numbered_list(e) => ctx.spill.push(e.to_owned_element()),
            // Anything else with text (`<container>`, `<recital>`, `<p>`, an unknown
            // element) is a preambular paragraph: nothing is dropped.
            _ => preamble_item(ctx, e),
        }
    }
}

/// Does `e` hold a `<blockList>` or `<list>` with an item that starts with an operative
/// number?
fn numbered_list(e: &Element) -> bool {
    let Some(list) = e.find(&|c| matches!(c.name(), "blockList" | "list")) else {
        return false;
    };
    list.elements().any(|item| {
        let text = item.text();
        labels::number_prefix(text.trim_start()).is_some()
    })
}

/// Items of a `<recitals>` or `<citations>` block.
fn preamble_items(ctx: &mut Ctx, block: &Element) {
    for e in block.elements() {
        if matches!(e.name(), "recital" | "citation" | "container" | "p") {
            preamble_item(ctx, e);
        }
    }
}

/// One preambular paragraph.
pub(super) fn preamble_item(ctx: &mut Ctx, e: &Element) {
    let n = ctx.doc.preamble.len() + 1;
    let mut p = Paragraph::new(ids::preamble_id(n), ParagraphKind::Preamble);
    let (runs, lead) = collect(ctx, e, true);
    if runs.is_empty() {
        return;
    }
    p.runs = runs;
    p.lead = lead;
    p.source = e.range.clone();
    p.source_id = e.attr("eId").map(str::to_string);
    ctx.doc.preamble.push(p);
}

/// Runs (and lead, when `with_lead`) of an element's inline content.
fn collect(ctx: &mut Ctx, e: &Element, with_lead: bool) -> (Vec<Run>, Option<String>) {
    let mut c = Collector::new(ctx);
    c.element(e);
    let mut pieces = std::mem::take(&mut c.pieces);
    inline::collapse(&mut pieces);
    let lead = if with_lead {
        inline::take_lead(&mut pieces)
    } else {
        None
    };
    (inline::into_runs(pieces), lead)
}

/// A `<mainBody>` item before it is placed in the tree.
pub(super) struct Item {
    pub(super) number: Option<u32>,
    pub(super) label: Option<String>,
    pub(super) lead: Option<String>,
    pub(super) runs: Vec<Run>,
    pub(super) source: std::ops::Range<usize>,
    pub(super) source_id: Option<String>,
    pub(super) nested: Vec<Item>,
    /// The rows of a `<table>`.
    pub(super) table: Option<Table>,
    /// A `<heading>`/`<subheading>` (with its section's `<num>`).
    pub(super) heading: bool,
}

/// Place items read from the main body (after what the preamble handed over).
pub(super) fn place_items(ctx: &mut Ctx, body_items: Vec<Item>) {
    let mut items = Vec::new();
    for e in std::mem::take(&mut ctx.spill) {
        gather(ctx, &e, &mut items);
    }
    items.extend(body_items);
    let before = ctx.doc.body.len();
    let mut tree = Tree::default();
    for item in items {
        tree.place(ctx, item);
    }
    lone_operative(ctx);
    // Unnumbered text kept before the first operative paragraph is said once it is known
    // not to be the lone operative paragraph.
    let kept: Vec<_> = ctx.doc.body[before.min(ctx.doc.body.len())..]
        .iter()
        .filter(|p| p.kind == ParagraphKind::Plain)
        .map(|p| (p.id.clone(), p.source.clone()))
        .collect();
    for (id, source) in kept {
        ctx.doc.diagnostics.push(Diagnostic::info(
            format!("unnumbered text before the first operative paragraph kept as {id}"),
            Some(source),
        ));
    }
}

/// A resolution whose only operative paragraph is unnumbered ("Adopts the declaration
/// annexed to the present resolution"): that paragraph is `para_1`, with no number.
fn lone_operative(ctx: &mut Ctx) {
    let lone_text = matches!(ctx.doc.body.as_slice(), [p] if p.kind == ParagraphKind::Plain);
    if !ctx.doc.operative.is_empty() || !lone_text {
        return;
    }
    let Some(mut p) = ctx.doc.body.pop() else {
        return;
    };
    let old = std::mem::replace(&mut p.id, ids::operative_id(1));
    p.kind = ParagraphKind::Operative;
    rename_children(&mut p, &old);
    ctx.doc.operative.push(p);
}

/// Give the descendants of a renamed paragraph ids under its new id.
fn rename_children(p: &mut Paragraph, old: &str) {
    let new = p.id.clone();
    for c in &mut p.children {
        if let Some(rest) = c.id.strip_prefix(old) {
            let old_child = c.id.clone();
            c.id = format!("{new}{rest}");
            rename_children(c, &old_child);
        }
    }
}

/// Every item below `e` in reading order: numbered and labelled elements, tables, headings
/// and any other text (kept as unnumbered items), for the annexes.
pub(super) fn gather_items(ctx: &mut Ctx, e: &Element, out: &mut Vec<Item>) {
    gather(ctx, e, out);
}

/// Collect the items below `e`: hierarchy elements, tables, headings, and the text of
/// anything else (looking through wrappers such as `<section>` that hold items).
fn gather(ctx: &mut Ctx, e: &Element, out: &mut Vec<Item>) {
    for child in e.elements() {
        gather_child(ctx, e, child, out);
    }
}

/// [`gather`] for one child of `e`.
pub(super) fn gather_child(ctx: &mut Ctx, e: &Element, child: &Element, out: &mut Vec<Item>) {
    {
        let name = child.name();
        if HIERARCHY.contains(&name) {
            out.push(item(ctx, child));
        } else if name == "table" {
            out.push(table_item(ctx, child));
        } else if matches!(name, "num" | "meta" | "attachments" | "components") {
            // A wrapper's number goes with its heading; annexes and parts are read apart.
        } else if matches!(name, "heading" | "subheading") {
            let mut it = text_item(ctx, child, e.child("num").filter(|_| name == "heading"));
            it.heading = true;
            if !it.runs.is_empty() {
                out.push(it);
            }
        } else if has_structure(child) {
            // Wrappers (`<list>`, `<section>`, `<hcontainer>`…) are looked through.
            gather(ctx, child, out);
        } else {
            let it = text_item(ctx, child, None);
            if it.runs.is_empty() {
                return;
            }
            if !KNOWN_TEXT.contains(&name) {
                ctx.doc.diagnostics.push(Diagnostic::info(
                    format!("the text of <{name}> is kept as an unnumbered paragraph"),
                    Some(child.range.clone()),
                ));
            }
            out.push(it);
        }
    }
}

/// Elements whose text is ordinary unnumbered text.
const KNOWN_TEXT: [&str; 12] = [
    "content",
    "p",
    "intro",
    "wrapUp",
    "listIntroduction",
    "listWrapUp",
    "tblock",
    "blockList",
    "container",
    "block",
    "formula",
    "longTitle",
];

/// Does `e` hold items, tables or headings below it (so it is a wrapper to look through)?
pub(super) fn has_structure(e: &Element) -> bool {
    e.elements().any(|c| {
        let n = c.name();
        HIERARCHY.contains(&n)
            || matches!(n, "table" | "heading" | "subheading" | "attachments")
            || (n != "authorialNote" && has_structure(c))
    })
}

/// An unnumbered item holding the text of `e` (after `num`, when given).
fn text_item(ctx: &mut Ctx, e: &Element, num: Option<&Element>) -> Item {
    let mut c = Collector::new(ctx);
    if let Some(n) = num {
        c.element(n);
        c.pieces.push(Piece {
            run: Run::plain(" "),
            span: None,
        });
    }
    c.element(e);
    let mut pieces = std::mem::take(&mut c.pieces);
    inline::collapse(&mut pieces);
    Item {
        number: None,
        label: None,
        lead: None,
        runs: inline::into_runs(pieces),
        source: e.range.clone(),
        source_id: e.attr("eId").map(str::to_string),
        nested: Vec::new(),
        table: None,
        heading: false,
    }
}

/// A `<table>`: its rows (in `<thead>`/`<tbody>` too) and cells, each cell's inline text.
fn table_item(ctx: &mut Ctx, e: &Element) -> Item {
    let mut rows = Vec::new();
    let mut spans = Vec::new();
    table_rows(ctx, e, &mut rows, &mut spans);
    Item {
        number: None,
        label: None,
        lead: None,
        runs: Vec::new(),
        source: e.range.clone(),
        source_id: e.attr("eId").map(str::to_string),
        nested: Vec::new(),
        table: Some(Table { rows, spans }),
        heading: false,
    }
}

fn table_rows(ctx: &mut Ctx, e: &Element, rows: &mut Vec<TableRow>, spans: &mut Vec<CellSpan>) {
    for child in e.elements() {
        match child.name() {
            "tr" => {
                let mut row = TableRow {
                    header: true,
                    cells: Vec::new(),
                };
                for cell in child.elements() {
                    if !matches!(cell.name(), "th" | "td") {
                        continue;
                    }
                    row.header &= cell.name == "th";
                    let count = |name: &str| {
                        cell.attr(name)
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .map_or(1, |n| n.clamp(1, MAX_CELL_SPAN))
                    };
                    let (cols, rows_n) = (count("colspan"), count("rowspan"));
                    if cols > 1 || rows_n > 1 {
                        spans.push(CellSpan {
                            row: rows.len(),
                            cell: row.cells.len(),
                            cols,
                            rows: rows_n,
                        });
                    }
                    let mut c = Collector::new(ctx);
                    c.element(cell);
                    let mut pieces = std::mem::take(&mut c.pieces);
                    inline::collapse(&mut pieces);
                    row.cells.push(inline::into_runs(pieces));
                }
                row.header &= !row.cells.is_empty();
                rows.push(row);
            }
            _ => table_rows(ctx, child, rows, spans),
        }
    }
}

/// Read one hierarchy element: number or label, lead, runs, nested items.
fn item(ctx: &mut Ctx, e: &Element) -> Item {
    // Tables inside the item's own content (`<content><table>`) are tables of their own,
    // nested first under the item; its text is the rest.
    let mut tables = Vec::new();
    for child in e.elements().filter(|c| c.name != "num") {
        if child.name == "list" {
            for part in child.elements().filter(|p| is_list_text(p)) {
                tables_below(part, &mut tables);
            }
        } else if !is_nested(child) {
            tables_below(child, &mut tables);
        }
    }
    let mut c = Collector::new(ctx);
    c.skip_tables = true;
    for child in e.elements() {
        if child.name == "list" {
            // A list's introduction and closing words belong to the item's own text.
            for part in child.elements().filter(|p| is_list_text(p)) {
                c.element(part);
                c.pieces.push(Piece {
                    run: Run::plain(" "),
                    span: None,
                });
            }
        }
        if child.name == "num" || is_nested(child) {
            continue;
        }
        c.element(child);
        c.pieces.push(Piece {
            run: Run::plain(" "),
            span: None,
        });
    }
    let mut pieces = std::mem::take(&mut c.pieces);
    inline::collapse(&mut pieces);
    let num_text = e.child("num").map(Element::text);
    let (number, label) = prefix(&mut pieces, num_text.as_deref());
    let lead = inline::take_lead(&mut pieces);
    let mut nested: Vec<Item> = tables.into_iter().map(|t| table_item(ctx, t)).collect();
    for child in e.elements().filter(|c| is_nested(c)) {
        if child.name == "list" {
            for li in child.elements().filter(|p| !is_list_text(p)) {
                if HIERARCHY.contains(&li.name()) {
                    nested.push(item(ctx, li));
                } else if li.name == "list" || has_structure(li) {
                    gather(ctx, li, &mut nested);
                } else if li.name != "num" {
                    let t = text_item(ctx, li, None);
                    if !t.runs.is_empty() {
                        nested.push(t);
                    }
                }
            }
        } else {
            nested.push(item(ctx, child));
        }
    }
    Item {
        number,
        label,
        lead,
        runs: inline::into_runs(pieces),
        source: e.range.clone(),
        source_id: e.attr("eId").map(str::to_string),
        nested,
        table: None,
        heading: false,
    }
}

/// The `<table>`s in `e` (itself or below it), not looking into nested items or footnotes.
fn tables_below<'e, 'a>(e: &'e Element<'a>, out: &mut Vec<&'e Element<'a>>) {
    if e.name == "table" {
        out.push(e);
        return;
    }
    if HIERARCHY.contains(&e.name()) || matches!(e.name(), "authorialNote" | "note") {
        return;
    }
    for c in e.elements() {
        tables_below(c, out);
    }
}

/// The introduction or closing words of a `<list>`.
fn is_list_text(e: &Element) -> bool {
    matches!(
        e.name(),
        "intro" | "wrapUp" | "listIntroduction" | "listWrapUp"
    )
}

/// A child element that is itself an item (or a list of items).
fn is_nested(e: &Element) -> bool {
    HIERARCHY.contains(&e.name()) || e.name == "list"
}

/// Number or label from `<num>` or from the start of the text (removed from the pieces).
fn prefix(pieces: &mut [Piece], num: Option<&str>) -> (Option<u32>, Option<String>) {
    if let Some(num) = num {
        if let Some(n) = labels::num_element(num) {
            return (Some(n), None);
        }
        if let Some((label, _)) = labels::label_prefix(num.trim()) {
            return (None, Some(label));
        }
        if let Some(label) = labels::num_label(num) {
            return (None, Some(label));
        }
    }
    let lead = inline::leading_text(pieces);
    if let Some((n, len)) = labels::number_prefix(&lead) {
        inline::strip_bytes(pieces, len);
        return (Some(n), None);
    }
    if let Some((label, len)) = labels::label_prefix(&lead) {
        inline::strip_bytes(pieces, len);
        return (None, Some(label));
    }
    (None, None)
}

/// The operative tree being built, with the positions last used at each level.
#[derive(Default)]
struct Tree {
    last1: usize,
    last2: usize,
    texts: usize,
}

impl Tree {
    /// Place one item: numbered → new operative paragraph; labelled → sub-paragraph of the
    /// numbered one before; anything else → a plain child that does not break numbering.
    fn place(&mut self, ctx: &mut Ctx, item: Item) {
        if item.table.is_some() {
            self.table(ctx, item);
        } else if let Some(n) = item.number {
            self.numbered(ctx, n, item);
        } else if ctx.doc.operative.is_empty() {
            loose(ctx, item);
        } else if let Some(label) = item.label.clone() {
            self.labelled(ctx, &label, item);
        } else {
            self.plain_child(ctx, item);
        }
    }

    fn numbered(&mut self, ctx: &mut Ctx, n: u32, mut item: Item) {
        // In u64: after `<num>4294967295</num>` the next expected number does not wrap.
        let expected = u64::from(ctx.doc.operative.last().and_then(|p| p.number).unwrap_or(0)) + 1;
        if u64::from(n) != expected {
            ctx.doc.diagnostics.push(Diagnostic::warning(
                format!("operative paragraph {n} found where {expected} was expected"),
                Some(item.source.clone()),
            ));
        }
        let id = ids::operative_id(n);
        let mut p = paragraph(&id, ParagraphKind::Operative, &mut item);
        p.number = Some(n);
        let (head, subs) = split_inline(&p.runs);
        self.last1 = 0;
        self.last2 = 0;
        self.texts = 0;
        if subs.len() >= 2 {
            p.runs = head;
            for (pos, label, runs) in subs {
                let mut child =
                    Paragraph::new(ids::sub_id(&id, 1, pos), ParagraphKind::SubParagraph);
                child.label = Some(label);
                child.source = inline::union(runs.iter().map(|r| r.source.clone()))
                    .unwrap_or_else(|| item.source.clone());
                child.runs = runs;
                p.children.push(child);
                self.last1 = pos;
            }
        }
        nest(&mut p, item.nested, 1);
        ctx.doc.operative.push(p);
    }

    fn labelled(&mut self, ctx: &mut Ctx, label: &str, mut item: Item) {
        let Some(parent) = ctx.doc.operative.last_mut() else {
            return;
        };
        match labels::place(label, self.last1, self.last2) {
            Place::First(pos) => {
                if pos != self.last1 + 1 {
                    ctx.doc.diagnostics.push(Diagnostic::warning(
                        format!("sub-paragraph ({label}) out of sequence"),
                        Some(item.source.clone()),
                    ));
                }
                let id = ids::sub_id(&parent.id, 1, pos);
                let mut p = paragraph(&id, ParagraphKind::SubParagraph, &mut item);
                p.label = Some(label.to_string());
                nest(&mut p, item.nested, 2);
                parent.children.push(p);
                self.last1 = pos;
                self.last2 = 0;
            }
            Place::Second(pos) => {
                let sub = parent
                    .children
                    .iter_mut()
                    .rev()
                    .find(|c| c.kind == ParagraphKind::SubParagraph);
                let Some(sub) = sub else { return };
                let id = ids::sub_id(&sub.id, 2, pos);
                let mut p = paragraph(&id, ParagraphKind::SubParagraph, &mut item);
                p.label = Some(label.to_string());
                nest(&mut p, item.nested, 3);
                sub.children.push(p);
                self.last2 = pos;
            }
            Place::None => self.plain_child(ctx, item),
        }
    }

    /// A table: a child of the last operative paragraph (`para_2_table_1`), or before the
    /// first one, in the body (`table_1`).
    fn table(&mut self, ctx: &mut Ctx, mut item: Item) {
        let id = match ctx.doc.operative.last() {
            Some(parent) => {
                let n = parent
                    .children
                    .iter()
                    .filter(|c| c.kind == ParagraphKind::Table)
                    .count();
                format!("{}_table_{}", parent.id, n + 1)
            }
            None => format!("table_{}", ctx.doc.body.len() + 1),
        };
        let mut p = paragraph(&id, ParagraphKind::Table, &mut item);
        p.table = item.table;
        match ctx.doc.operative.last_mut() {
            Some(parent) => parent.children.push(p),
            None => ctx.doc.body.push(p),
        }
    }

    /// Unnumbered, unlabelled text (continuation, subheading): a plain child of the last
    /// operative paragraph, so numbering is not broken.
    fn plain_child(&mut self, ctx: &mut Ctx, mut item: Item) {
        let Some(parent) = ctx.doc.operative.last_mut() else {
            return;
        };
        if item.runs.is_empty() && item.nested.is_empty() {
            return;
        }
        // A number alone, its text in the next element (some conversions split them).
        if parent.runs.is_empty() && parent.children.is_empty() && item.table.is_none() {
            parent.runs = item.runs;
            parent.lead = item.lead;
            nest(parent, item.nested, 1);
            return;
        }
        self.texts += 1;
        let id = format!("{}_text_{}", parent.id, self.texts);
        let mut p = paragraph(&id, ParagraphKind::Plain, &mut item);
        p.label = item.label.clone();
        drop_lead(&mut p);
        nest(&mut p, item.nested, 1);
        parent.children.push(p);
    }
}

/// Text before the first numbered paragraph (`Adopts the following declaration:`,
/// a heading): kept in `doc.body` so the operative numbering stays that of the file.
fn loose(ctx: &mut Ctx, mut item: Item) {
    if item.runs.is_empty() {
        return;
    }
    let id = format!("text_{}", ctx.doc.body.len() + 1);
    let mut p = paragraph(&id, ParagraphKind::Plain, &mut item);
    p.label = item.label.clone();
    ctx.doc.body.push(p);
}

/// Headings and continuation text have no opener: their bold text stays plain.
pub(super) fn drop_lead(p: &mut Paragraph) {
    p.lead = None;
    for r in &mut p.runs {
        if r.kind == RunKind::Lead {
            r.kind = RunKind::Plain;
        }
    }
}

/// A paragraph from an item (runs, lead, source), without children. The runs, lead and
/// source id move out of the item.
pub(super) fn paragraph(id: &str, kind: ParagraphKind, item: &mut Item) -> Paragraph {
    let mut p = Paragraph::new(id, kind);
    p.lead = item.lead.take();
    p.runs = std::mem::take(&mut item.runs);
    p.source = item.source.clone();
    p.source_id = item.source_id.take();
    p
}

/// Nested AKN items (`<subparagraph>`, `<point>`, `<list>`) as children at `depth`.
pub(super) fn nest(parent: &mut Paragraph, items: Vec<Item>, depth: usize) {
    let mut i = 0;
    for mut item in items {
        if item.table.is_some() {
            // A table inside the item's content: `para_2_table_1`, as after it.
            let n = parent
                .children
                .iter()
                .filter(|c| c.kind == ParagraphKind::Table)
                .count();
            let id = format!("{}_table_{}", parent.id, n + 1);
            let mut p = paragraph(&id, ParagraphKind::Table, &mut item);
            p.table = item.table;
            parent.children.push(p);
            continue;
        }
        let pos = item
            .label
            .as_deref()
            .and_then(|l| {
                if depth <= 1 {
                    labels::letter_position(l, i + 1)
                } else {
                    ids::parse_roman(l).or_else(|| ids::parse_number(l).map(|n| n as usize))
                }
            })
            .unwrap_or(i + 1);
        i += 1;
        let id = ids::sub_id(&parent.id, depth, pos);
        let mut p = paragraph(&id, ParagraphKind::SubParagraph, &mut item);
        p.label = item.label.clone();
        nest(&mut p, item.nested, depth + 1);
        parent.children.push(p);
    }
}

/// One inline sub-paragraph: position, label and runs.
type InlineSub = (usize, String, Vec<Run>);

/// Split `… : (a) … ; (b) …` written inside one paragraph into the text before the first
/// label and the sub-paragraphs. A label counts only when it is the next in sequence and
/// follows a colon (the first) or a semicolon (the others).
fn split_inline(runs: &[Run]) -> (Vec<Run>, Vec<InlineSub>) {
    let cuts = find_cuts(runs);
    if cuts.len() < 2 {
        return (runs.to_vec(), Vec::new());
    }
    let mut parts: Vec<Vec<Run>> = vec![Vec::new()];
    let mut next = 0;
    for (i, run) in runs.iter().enumerate() {
        let mut offset = 0;
        while let Some(cut) = cuts.get(next).filter(|c| c.run == i) {
            push_part(&mut parts, run, offset..cut.start);
            parts.push(Vec::new());
            offset = cut.end;
            next += 1;
        }
        push_part(&mut parts, run, offset..run.text.len());
    }
    let mut parts = parts.into_iter();
    let mut head = parts.next().unwrap_or_default();
    inline::trim_runs(&mut head);
    let subs = cuts
        .into_iter()
        .zip(parts)
        .map(|(cut, mut runs)| {
            inline::trim_runs(&mut runs);
            (cut.position, cut.label, runs)
        })
        .collect();
    (head, subs)
}

/// Append part of `run` (a byte range of its text) to the last part.
fn push_part(parts: &mut [Vec<Run>], run: &Run, range: std::ops::Range<usize>) {
    let Some(last) = parts.last_mut() else { return };
    if range.start >= range.end && matches!(run.kind, RunKind::Plain | RunKind::Emphasis) {
        return;
    }
    let text = run.text.get(range).unwrap_or_default();
    let mut piece = run.clone();
    piece.text = text.to_string();
    last.push(piece);
}

/// A label found inside a run: where it starts and ends, its position and text.
struct Cut {
    run: usize,
    start: usize,
    end: usize,
    position: usize,
    label: String,
}

/// Labels in sequence inside plain runs (see [`split_inline`]).
fn find_cuts(runs: &[Run]) -> Vec<Cut> {
    let mut cuts: Vec<Cut> = Vec::new();
    // Every label ends with `)` or `）` (see `labels::label_prefix`): a paragraph without
    // one in its plain runs has nothing to cut (most paragraphs).
    if !runs
        .iter()
        .any(|r| r.kind == RunKind::Plain && (r.text.contains(')') || r.text.contains('）')))
    {
        return cuts;
    }
    let mut prev: Option<char> = None;
    // Text since the last semicolon (`None` when there was none or it is too far back).
    let mut since_semicolon: Option<String> = None;
    for (i, run) in runs.iter().enumerate() {
        let plain = run.kind == RunKind::Plain;
        for (j, c) in run.text.char_indices() {
            let after_break = prev
                .is_some_and(|p| p.is_whitespace() || matches!(p, ':' | '：' | ';' | '؛' | '；'));
            let candidate = plain
                && after_break
                && (c == '(' || c == '（' || (closes_soon(&run.text[j..]) && c.is_alphabetic()));
            let done = cuts.last().is_some_and(|k| k.run == i && j < k.end);
            if candidate && !done {
                let context = Context {
                    prev,
                    since_semicolon: since_semicolon.as_deref(),
                };
                if let Some((label, len)) = cut_at(&run.text[j..], &context, cuts.len() + 1) {
                    cuts.push(Cut {
                        run: i,
                        start: j,
                        end: j + len,
                        position: cuts.len() + 1,
                        label,
                    });
                }
            }
            prev = Some(c);
            if matches!(c, ';' | '؛' | '；') {
                since_semicolon = Some(String::new());
            } else if let Some(s) = since_semicolon.as_mut() {
                s.push(c);
                if s.len() > 24 {
                    since_semicolon = None;
                }
            }
        }
    }
    cuts
}

/// Is there a `)` close enough to end a label written without an opening bracket (`a)`,
/// at most six characters, so within 24 bytes)? A cheap test before the others.
fn closes_soon(rest: &str) -> bool {
    rest.as_bytes().iter().take(24).any(|&b| b == b')')
}

/// What precedes a possible inline label.
struct Context<'a> {
    prev: Option<char>,
    since_semicolon: Option<&'a str>,
}

/// Words that may stand between the semicolon and the last label (`; and (b)`).
const CONJUNCTIONS: [&str; 10] = ["", "and", "or", "et", "ou", "y", "o", "и", "или", "و"];

/// A label at the start of `rest` with the expected position: the first after a space or
/// colon, the others right after a semicolon (and a conjunction).
fn cut_at(rest: &str, context: &Context<'_>, expected: usize) -> Option<(String, usize)> {
    let prev = context.prev?;
    if !prev.is_whitespace() && !matches!(prev, ':' | '：' | ';' | '؛' | '；') {
        return None;
    }
    if expected > 1 {
        let between = context.since_semicolon?.trim();
        if !CONJUNCTIONS.contains(&between) {
            return None;
        }
    }
    let (label, len) = labels::label_prefix(rest)?;
    (labels::letter_position(&label, expected) == Some(expected)).then_some((label, len))
}
