//! Tables with arbitrary cells and `colspan`/`rowspan` (hostile sizes included): the grid
//! stays within the table's real width, every cell once in it, and the Markdown, HTML and
//! display of it are written without a panic and within a small multiple of the text.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use qarar_document::model::{CellSpan, Document, Paragraph, ParagraphKind, Run, Table, TableRow};

#[derive(Arbitrary, Debug)]
struct Spec {
    /// Cells per row (each capped at 40, at most 60 rows).
    rows: Vec<u8>,
    /// (row, cell, cols, rows) of the spans, any values.
    spans: Vec<(u8, u8, u32, u32)>,
}

fuzz_target!(|spec: Spec| {
    let mut table = Table::default();
    for (r, &n) in spec.rows.iter().take(60).enumerate() {
        table.rows.push(TableRow {
            header: r == 0,
            cells: (0..n % 40)
                .map(|c| vec![Run::plain(format!("{r}.{c}"))])
                .collect(),
        });
    }
    table.spans = spec
        .spans
        .iter()
        .map(|&(row, cell, cols, rows)| CellSpan {
            row: row.into(),
            cell: cell.into(),
            cols: cols as usize,
            rows: rows as usize,
        })
        .collect();
    let grid = table.grid();
    let width = table.columns();
    let cells: usize = table.rows.iter().map(|r| r.cells.len()).sum();
    // The real width: never more columns than cell edges.
    assert!(width <= 2 * cells.max(1));
    for (r, row) in grid.iter().enumerate() {
        assert_eq!(row.len(), table.rows[r].cells.len());
        for g in row {
            assert!(g.cols >= 1 && g.rows >= 1 && g.col + g.cols <= width);
            assert!(r + g.rows <= table.rows.len());
        }
    }
    let mut p = Paragraph::new("table_1", ParagraphKind::Table);
    p.table = Some(table);
    let mut doc = Document::default();
    doc.operative.push(p);
    let md = qarar_export::render(qarar_export::Format::Markdown, &doc, &[]).expect("markdown");
    assert!(md.len() <= 64 * 1024 + 16 * (cells + 1) * (width + 1));
    let _ = qarar_export::render(qarar_export::Format::Html, &doc, &[]);
});
