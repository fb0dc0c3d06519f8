//! Tables read as tables: each cell laid out on its own in its direction, the cells of a row
//! side by side in columns (right to left in Arabic), long cells wrapped inside their column;
//! search, hit-testing, copy, the accessibility tree and the PDF's text all reach every cell.

use eframe::egui::{self, accesskit::Role};
use egui_kittest::kittest::{NodeT, Queryable};
use qarar_document::{Document, load_path};
use qarar_text::display::{Block, blocks};
use qarar_text::fonts::font_system;
use qarar_text::layout::{BlockLayout, DocumentLayout, Typography};
use std::process::Command;

use crate::common::window::{akn_file as corpus, reader_on};

fn laid_out(doc: &Document, width: f32) -> DocumentLayout {
    let mut fonts = font_system();
    DocumentLayout::new(&mut fonts, blocks(doc), Typography::default(), width)
}

/// The blocks that are tables.
fn tables(layout: &DocumentLayout) -> Vec<usize> {
    (0..layout.blocks.len())
        .filter(|&i| !layout.blocks[i].display.cells.is_empty())
        .collect()
}

/// Horizontal extent of the glyphs of cell `c` of a table block (block coordinates), and
/// the number of lines it takes.
fn cell_ink(block: &Block, l: &BlockLayout, c: usize) -> Option<(f32, f32, usize)> {
    let start = block.display.cells[c].range.start;
    let mut ink: Option<(f32, f32)> = None;
    let mut lines = 0;
    for line in l.lines().iter().filter(|ln| ln.piece.base == start) {
        lines += 1;
        for g in line.run.glyphs.iter().filter(|g| g.w > 0.01) {
            let (a, b) = (line.x() + g.x, line.x() + g.x + g.w);
            ink = Some(ink.map_or((a, b), |(lo, hi)| (lo.min(a), hi.max(b))));
        }
    }
    ink.map(|(a, b)| (a, b, lines))
}

/// The cell text of a block cell, without its helpers.
fn cell_text(block: &Block, c: usize) -> String {
    let d = &block.display;
    d.logical(d.cells[c].range.clone())
}

/// Every cell's glyphs stand inside its own column and row; the columns follow one another
/// in reading order (left to right, or right to left) without overlapping.
fn check_grid(layout: &DocumentLayout, i: usize, rtl: bool) {
    let (block, l) = (&layout.blocks[i], layout.block(i).expect("laid out"));
    let t = l
        .table
        .as_ref()
        .expect("a table block is laid out as a table");
    assert!(
        t.columns.len() >= 2,
        "block {i}: {} columns",
        t.columns.len()
    );
    for w in t.columns.windows(2) {
        let ((x0, w0), (x1, w1)) = (w[0], w[1]);
        if rtl {
            assert!(
                x1 + w1 <= x0 + 0.5,
                "block {i}: column order {:?}",
                t.columns
            );
        } else {
            assert!(
                x0 + w0 <= x1 + 0.5,
                "block {i}: column order {:?}",
                t.columns
            );
        }
    }
    let (left, right) = t.span_x();
    assert!(left >= -0.5 && right <= layout.column_width + 0.5);
    for (c, cell) in block.display.cells.iter().enumerate() {
        let Some((a, b, _)) = cell_ink(block, l, c) else {
            continue;
        };
        // A cell across columns (77/264's spanned headers) stands in all of them.
        let (x, w) = qarar_text::table::cell_box(&t.columns, cell.col, cell.cols);
        assert!(
            a >= x - 0.5 && b <= x + w + 0.5,
            "block {i}: cell {:?} ({a}..{b}) outside its column {x}..{}",
            cell_text(block, c),
            x + w
        );
        let row = t.rows[cell.row];
        let bottom = t.rows[cell.row + cell.rows - 1];
        for line in l
            .lines()
            .iter()
            .filter(|ln| ln.piece.base == cell.range.start)
        {
            assert!(line.top() >= row.top - 0.5);
            assert!(line.top() + line.run.line_height <= bottom.top + bottom.height + 0.5);
        }
    }
}

#[test]
fn the_tables_of_78_253_stand_in_columns_with_long_cells_wrapped() {
    let Some(path) = corpus("78_253_E.xml") else {
        return;
    };
    let doc = load_path(&path).expect("78/253 loads");
    let layout = laid_out(&doc, 760.0);
    let found = tables(&layout);
    assert_eq!(found.len(), 3, "78/253 has three tables");
    for &i in &found {
        check_grid(&layout, i, false);
    }
    // The first table: a row's cells side by side (same top, x increasing), a column's
    // cells one above the other at the same x.
    let i = found[0];
    let (block, l) = (&layout.blocks[i], layout.block(i).expect("laid out"));
    let cells = &block.display.cells;
    let find = |text: &str| {
        (0..cells.len())
            .find(|&c| cell_text(block, c) == text)
            .unwrap_or_else(|| panic!("a cell {text:?}"))
    };
    let action = find("Reclassification");
    let title = find("Senior Finance and Budget Officer");
    let level = find("P-5");
    let xs: Vec<f32> = [action, title, level]
        .iter()
        .map(|&c| cell_ink(block, l, c).expect("ink").0)
        .collect();
    assert!(xs[0] < xs[1] && xs[1] < xs[2], "{xs:?}");
    let pieces = l.pieces();
    let same_row: Vec<f32> = [action, title, level]
        .iter()
        .map(|&c| pieces[c].dy)
        .collect();
    assert!(same_row.iter().all(|y| (*y - same_row[0]).abs() < 0.5));
    let column: Vec<usize> = (0..cells.len())
        .filter(|&c| cells[c].col == cells[title].col)
        .collect();
    assert!(column.len() > 5);
    for c in &column {
        assert!((pieces[*c].dx - pieces[title].dx).abs() < 0.5);
    }
    // Header row: bold text over a tinted row.
    let t = l.table.as_ref().expect("table");
    assert!(t.rows[0].header, "the first row is the header");
    assert_eq!(cell_text(block, 0), "Action");
    // A long cell wraps inside its column.
    let long = find("Redeployment from Contracts Management Unit to Sourcing Coordination Unit");
    let (_, _, lines) = cell_ink(block, l, long).expect("ink");
    assert!(lines >= 2, "the long cell wraps ({lines} line)");
    // Numbers are set flush right in their column.
    let one = (0..cells.len())
        .find(|&c| cells[c].row == cells[action].row && cell_text(block, c) == "1")
        .expect("the number cell of the row");
    let (_, b, _) = cell_ink(block, l, one).expect("ink");
    let (x, w) = t.columns[cells[one].col];
    assert!(
        x + w - b < 20.0,
        "number flush right: {b} in {x}..{}",
        x + w
    );
}

#[test]
fn a_narrower_window_rewraps_the_table_inside_it() {
    let Some(path) = corpus("78_253_E.xml") else {
        return;
    };
    let doc = load_path(&path).expect("78/253 loads");
    let mut fonts = font_system();
    let mut layout = DocumentLayout::new(&mut fonts, blocks(&doc), Typography::default(), 900.0);
    let i = tables(&layout)[0];
    let tall = layout.height(i);
    layout.update(&mut fonts, Typography::default(), 480.0);
    check_grid(&layout, i, false);
    assert!(layout.height(i) > tall, "narrower, the table grows taller");
}

#[test]
fn in_an_arabic_table_the_first_column_is_rightmost_and_cells_run_right_to_left() {
    let Some(path) = corpus("77_264_A.xml") else {
        return;
    };
    let doc = load_path(&path).expect("77/264 loads");
    let layout = laid_out(&doc, 760.0);
    let found = tables(&layout);
    assert!(!found.is_empty(), "77/264 in Arabic has tables");
    for &i in &found {
        check_grid(&layout, i, true);
    }
    let i = found[0];
    let (block, l) = (&layout.blocks[i], layout.block(i).expect("laid out"));
    let cells = &block.display.cells;
    let c = (0..cells.len())
        .find(|&c| cell_text(block, c) == "نزع السلاح")
        .expect("the cell of section 4");
    let row: Vec<usize> = (0..cells.len())
        .filter(|&k| cells[k].row == cells[c].row)
        .collect();
    let texts: Vec<String> = row.iter().map(|&k| cell_text(block, k)).collect();
    assert_eq!(texts, ["4", "نزع السلاح", "13 835 800"]);
    let x: Vec<f32> = row
        .iter()
        .map(|&k| cell_ink(block, l, k).expect("ink").0)
        .collect();
    assert!(x[0] > x[1] && x[1] > x[2], "right to left: {x:?}");
    // The Arabic cell is a right-to-left line, the amount a left-to-right one.
    let rtl = |k: usize| {
        l.lines()
            .iter()
            .find(|ln| ln.piece.base == cells[k].range.start)
            .map(|ln| ln.run.rtl)
    };
    assert_eq!(rtl(row[1]), Some(true));
    assert_eq!(rtl(row[2]), Some(false));
}

#[test]
fn copying_a_table_row_gives_its_cells_apart() {
    let Some(path) = corpus("78_253_E.xml") else {
        return;
    };
    let doc = load_path(&path).expect("78/253 loads");
    let all = blocks(&doc);
    let table = all
        .iter()
        .find(|b| !b.display.cells.is_empty())
        .expect("a table");
    let d = &table.display;
    let text = d.logical(0..d.text.len());
    assert!(
        text.contains("Reclassification\tBenefits Officer\tP-4\t1\n"),
        "{text}"
    );
}

#[test]
fn searching_a_cell_word_highlights_it_inside_its_cell_and_a_click_there_hits_it() {
    let Some(path) = corpus("78_253_E.xml") else {
        return;
    };
    let mut h = reader_on(
        Some(path),
        std::env::temp_dir().join(format!("qarar-tables-test-{}", std::process::id())),
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_ok();
    h.get_by_label("Search").click();
    h.run_ok();
    h.get_by_label("Search").type_text("Reclassification");
    h.run_ok();
    h.key_press(egui::Key::Enter);
    h.run_ok();
    let app = h.state();
    let view = &app.current().expect("opened").view;
    let layout = view.layout.as_ref().expect("laid out");
    let in_tables: Vec<&(usize, std::ops::Range<usize>)> = view
        .matches
        .iter()
        .filter(|(b, _)| !layout.blocks[*b].display.cells.is_empty())
        .collect();
    assert!(
        in_tables.len() >= 4,
        "{} matches in tables",
        in_tables.len()
    );
    for (b, r) in in_tables {
        let Some(l) = layout.block(*b) else {
            continue;
        };
        let t = l.table.as_ref().expect("table");
        let cells = &layout.blocks[*b].display.cells;
        let cell = cells
            .iter()
            .find(|c| c.range.start <= r.start && r.end <= c.range.end)
            .expect("the match is inside one cell");
        let (x, w) = t.columns[cell.col];
        let row = t.rows[cell.row];
        let rects = layout.highlight_rects(*b, r.clone());
        assert_eq!(rects.len(), 1, "one word, one rectangle");
        let [rx, ry, rw, rh] = rects[0];
        assert!(rx >= x - 0.5 && rx + rw <= x + w + 0.5, "inside its column");
        assert!(ry >= row.top - 0.5 && ry + rh <= row.top + row.height + 0.5);
        // A point in the middle of the highlight is inside the word.
        let at = layout
            .offset_at(*b, rx + rw / 2.0, ry + rh / 2.0)
            .expect("an offset");
        assert!(r.contains(&at), "{at} in {r:?}");
    }
}

#[test]
fn the_accessibility_tree_reads_every_cell_of_a_table_in_order() {
    let Some(path) = corpus("78_253_E.xml") else {
        return;
    };
    let h = reader_on(
        Some(path),
        std::env::temp_dir().join(format!("qarar-tables-test-{}", std::process::id())),
    );
    let block = h.get_by_label("Part VII, Paragraph 6, Table 1");
    let node = block.accesskit_node();
    let text = node
        .children()
        .find(|c| c.role() == Role::Document)
        .expect("a block holds a text node");
    let runs: String = text
        .children()
        .filter(|c| c.role() == Role::TextRun)
        .filter_map(|c| c.value())
        .collect();
    let want = [
        "Action",
        "Title of post",
        "Reclassification",
        "Senior Finance and Budget Officer",
        "P-5",
        "Redeployment from Contracts Management Unit to Sourcing Coordination Unit",
        "Administrative Assistant",
    ];
    let mut from = 0;
    for w in want {
        let at = runs[from..]
            .find(w)
            .unwrap_or_else(|| panic!("{w:?} after byte {from} in {runs:?}"));
        from += at + w.len();
    }
}

fn pdftotext(pdf: &[u8], name: &str) -> Option<String> {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("pdftotext not found: the PDF's text is not checked");
        return None;
    }
    let dir = std::env::temp_dir().join(format!("qarar-tables-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let file = dir.join(name);
    std::fs::write(&file, pdf).ok()?;
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .ok()?;
    // Without the bidi controls poppler puts around right-to-left and left-to-right runs.
    Some(
        String::from_utf8_lossy(&out.stdout)
            .chars()
            .filter(|c| !('\u{202A}'..='\u{202E}').contains(c))
            .collect(),
    )
}

#[test]
fn the_pdf_draws_tables_as_grids_whose_text_gives_each_cell() {
    use qarar_export::pdf::{PdfOptions, export};
    for (name, row) in [
        (
            "78_253_E.xml",
            &["Reclassification", "Benefits Officer", "P-4"][..],
        ),
        ("77_264_A.xml", &["نزع السلاح", "13 835 800"][..]),
    ] {
        let Some(path) = corpus(name) else {
            return;
        };
        let doc = load_path(&path).expect("loads");
        let pdf = export(&doc, &[], &PdfOptions::default()).expect("exports");
        let Some(text) = pdftotext(&pdf, &format!("{name}.pdf")) else {
            return;
        };
        // A row's cells side by side on one line, apart.
        let line = text
            .lines()
            .find(|l| row.iter().all(|c| l.contains(c)))
            .unwrap_or_else(|| panic!("{name}: a line with {row:?}"));
        assert!(line.contains("   "), "{name}: cells apart in {line:?}");
    }
}
