//! Cells across columns or rows (`colspan`, `rowspan`): 77/264's "Section" header covers the
//! number and title columns, so "Amount" stands over the amounts — in the window, in both
//! directions, and in every export.

use qarar_document::{Document, ParagraphKind, Table, load_bytes, load_path};
use qarar_export::placed::place;
use qarar_export::{akn, docx, html, markdown};
use qarar_text::display::blocks;
use qarar_text::fonts::font_system;
use qarar_text::layout::{DocumentLayout, Typography};
use qarar_text::table::cell_box;

use common::{akn_file as corpus, zip_part};
use qarar_testkit as common;

fn first_table(doc: &Document) -> (String, Table) {
    let (_, p) = doc
        .paragraphs()
        .into_iter()
        .find(|(_, p)| p.kind == ParagraphKind::Table)
        .expect("a table");
    (p.id.clone(), p.table.clone().expect("rows"))
}

/// The laid-out grid of the first table: (column of each cell of row 0, its box), the
/// columns, and the vertical rules of rows 0 and 3.
fn check_layout(doc: &Document, rtl: bool) {
    let mut fonts = font_system();
    let layout = DocumentLayout::new(&mut fonts, blocks(doc), Typography::default(), 900.0);
    let i = (0..layout.blocks.len())
        .find(|&i| !layout.blocks[i].display.cells.is_empty())
        .expect("a table block");
    let mut layout = layout;
    layout.layout_all(&mut fonts);
    let t = layout
        .block(i)
        .and_then(|l| l.table.as_ref())
        .expect("laid out as a table");
    assert_eq!(t.columns.len(), 3, "number, title, amount");
    let header: Vec<_> = t.cells.iter().filter(|c| c.row == 0).collect();
    assert_eq!(header.len(), 2);
    assert_eq!(
        (header[0].col, header[0].cols),
        (0, 2),
        "Section covers two columns"
    );
    assert_eq!(
        (header[1].col, header[1].cols),
        (2, 1),
        "Amount over the amounts"
    );
    // The spanned cell's box is both columns together; its text wraps within it.
    let (x, w) = cell_box(&t.columns, 0, 2);
    let (c0, c1) = (t.columns[0], t.columns[1]);
    assert!((w - (c0.1 + c1.1)).abs() < 0.5, "{w} vs {c0:?} {c1:?}");
    assert!((x - c0.0.min(c1.0)).abs() < 0.5);
    assert!(header[0].dx >= x && header[0].dx < x + w);
    // Reading order: the first column on the left, or on the right in Arabic.
    if rtl {
        assert!(c0.0 > c1.0, "first column rightmost: {:?}", t.columns);
    } else {
        assert!(c0.0 < c1.0);
    }
    // No rule runs through the spanned header between its two columns; in a plain row it does.
    let between = c0.0.max(c1.0);
    let verticals = |r: usize| -> Vec<f32> {
        t.row_rules(r, 1.0)
            .into_iter()
            .filter(|[_, _, w, h]| h > w)
            .map(|[x, _, w, _]| x + w / 2.0)
            .collect()
    };
    assert!(
        !verticals(0).iter().any(|x| (x - between).abs() < 0.6),
        "{:?}",
        verticals(0)
    );
    let body = t.rows.len() - 1;
    assert!(verticals(body).iter().any(|x| (x - between).abs() < 0.6));
}

#[test]
fn a_header_across_two_columns_spans_them_in_english_and_arabic() {
    for (name, rtl) in [("77_264_E.xml", false), ("77_264_A.xml", true)] {
        let Some(path) = corpus(name) else {
            return;
        };
        let doc = load_path(&path).expect("77/264 loads");
        let (_, table) = first_table(&doc);
        assert_eq!(table.span(0, 0), (2, 1), "{name}");
        assert_eq!(table.columns(), 3, "{name}");
        check_layout(&doc, rtl);
    }
}

#[test]
fn every_export_keeps_the_span() {
    let Some(path) = corpus("77_264_E.xml") else {
        return;
    };
    let doc = load_path(&path).expect("77/264 loads");
    let placed = place(&doc, &[]);
    let out = String::from_utf8(html::export(&doc, &placed).expect("html")).expect("utf-8");
    assert!(
        out.contains("<th colspan=\"2\"><em>Section</em></th>"),
        "html"
    );

    let bytes = docx::export(&doc, &placed).expect("docx");
    let xml = zip_part(&bytes, "word/document.xml");
    assert!(xml.contains("<w:gridSpan w:val=\"2\"/>"), "docx");

    let md = markdown::export(&doc, &placed);
    let header = md
        .lines()
        .find(|l| l.starts_with("| Section"))
        .expect("header row");
    assert_eq!(header.matches(" | ").count(), 2, "three columns: {header}");

    // The Akoma Ntoso export reopens with the same spans.
    let xml = akn::export(&doc, &placed).expect("akn");
    let again = load_bytes(&xml, std::path::Path::new("77_264_E.xml")).expect("reopens");
    let (_, a) = first_table(&doc);
    let (_, b) = first_table(&again);
    assert_eq!(a.spans, b.spans);
}

#[test]
fn a_cell_down_two_rows_keeps_the_next_row_in_its_columns() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><meta/>
<mainBody><paragraph eId="para_1"><num>1.</num><content><p>Decides to approve the following:</p>
<table eId="t1"><tr><th rowspan="2">Region</th><th colspan="2">Posts</th></tr>
<tr><th>2024</th><th>2025</th></tr>
<tr><td>Africa</td><td>12</td><td>14</td></tr></table></content></paragraph></mainBody></statement></akomaNtoso>"#;
    let doc = load_bytes(xml.as_bytes(), std::path::Path::new("spans.xml")).expect("loads");
    // A table inside a paragraph's content is a table of its own, nested under it; the
    // paragraph keeps only its words.
    let (id, t) = first_table(&doc);
    assert_eq!(id, "para_1_table_1");
    let para = doc.paragraph("para_1").expect("para_1");
    assert_eq!(para.text().trim(), "Decides to approve the following:");
    let grid = t.grid();
    let places: Vec<Vec<(usize, usize, usize)>> = grid
        .iter()
        .map(|r| r.iter().map(|g| (g.col, g.cols, g.rows)).collect())
        .collect();
    assert_eq!(
        places,
        vec![
            vec![(0, 1, 2), (1, 2, 1)],
            vec![(1, 1, 1), (2, 1, 1)],
            vec![(0, 1, 1), (1, 1, 1), (2, 1, 1)],
        ]
    );
    // Word: the covered position continues the merge, so "2024" stays under "Posts".
    let bytes = docx::export(&doc, &place(&doc, &[])).expect("docx");
    let xml = zip_part(&bytes, "word/document.xml");
    assert!(xml.contains("<w:vMerge w:val=\"restart\"/>"));
    assert!(xml.contains("<w:vMerge/>"));
    let html = String::from_utf8(html::export(&doc, &place(&doc, &[])).expect("html")).unwrap();
    assert!(
        html.contains("<th rowspan=\"2\"><bdi>Region</bdi></th>"),
        "{html}"
    );
}

/// A table of `rows` × `cols` cells, every one declaring `span` columns and `down` rows.
fn spanned(rows: usize, cols: usize, span: usize, down: usize) -> Document {
    use qarar_document::model::{CellSpan, Paragraph, Run, TableRow};
    let mut table = Table::default();
    for r in 0..rows {
        table.rows.push(TableRow {
            header: false,
            cells: (0..cols)
                .map(|c| vec![Run::plain(format!("r{r}c{c}"))])
                .collect(),
        });
        table.spans.extend((0..cols).map(|cell| CellSpan {
            row: r,
            cell,
            cols: span,
            rows: down,
        }));
    }
    let mut p = Paragraph::new("table_1", ParagraphKind::Table);
    p.table = Some(table);
    let mut doc = Document::default();
    doc.operative.push(p);
    doc
}

#[test]
fn spans_on_every_cell_keep_the_grid_as_wide_as_the_table() {
    // Hostile spans on every cell: the grid stays 60 columns wide, every cell in it once.
    let doc = spanned(200, 60, 100_000, 100_000);
    let (_, t) = first_table(&doc);
    let grid = t.grid();
    assert_eq!(t.columns(), 60);
    for (r, row) in grid.iter().enumerate() {
        let cols: Vec<usize> = row.iter().map(|g| g.col).collect();
        assert_eq!(cols, (0..60).collect::<Vec<_>>(), "row {r}");
        assert!(row.iter().all(|g| g.cols == 1 && r + g.rows <= 200));
    }
    // The Markdown holds every cell and stays within a small multiple of the text.
    let md = markdown::export(&doc, &place(&doc, &[]));
    assert!(md.contains("r199c59"));
    assert!(md.len() < 20 * t.text().len(), "{} bytes", md.len());
    // A colspan of 2 on every cell: still one column per cell, and HTML writes what the
    // grid holds.
    let doc = spanned(3, 4, 2, 1);
    let html = String::from_utf8(html::export(&doc, &place(&doc, &[])).expect("html")).unwrap();
    assert!(!html.contains("colspan"), "{html}");
    // A real header across two columns keeps its span.
    let (_, t) = first_table(&spanned(1, 1, 1, 1));
    assert_eq!(t.columns(), 1);
}
