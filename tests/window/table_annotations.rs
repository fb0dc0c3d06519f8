//! Annotations inside tables: a passage of a cell is highlighted and noted like any other
//! text — it anchors in the table, shows in the window, survives a reopening, and every
//! annotated export carries it where it stands; the library index finds words of cells.

use eframe::egui;
use qarar_annotations::anchor::anchor;
use qarar_annotations::{Anchor, Annotation, Color};
use qarar_document::{Document, ParagraphKind, load_path};
use qarar_export::placed::{Placed, place};
use qarar_export::{akn, docx, html, markdown};
use qarar_library::{FullText, Library};
use std::path::PathBuf;

use crate::common::window::{akn_file as corpus, reader_on, zip_part};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qarar-tblann-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The first table paragraph of a document whose text holds `needle`, with the code-point
/// range of the needle in it.
fn table_passage(doc: &Document, needle: &str) -> (String, std::ops::Range<usize>) {
    let (_, p) = doc
        .paragraphs()
        .into_iter()
        .find(|(_, p)| p.kind == ParagraphKind::Table && p.text().contains(needle))
        .unwrap_or_else(|| panic!("a table holding {needle:?}"));
    let text = p.text();
    let at = text.find(needle).expect("found");
    let start = text[..at].chars().count();
    (p.id.clone(), start..start + needle.chars().count())
}

#[test]
fn a_table_reads_as_its_cells_in_order_and_the_library_finds_its_words() {
    let Some(path) = corpus("78_253_E.xml") else {
        return;
    };
    let doc = load_path(&path).expect("78/253 loads");
    let (id, _) = table_passage(
        &doc,
        "Reclassification\tBenefits Officer\tP-4\t1\nReclassification",
    );
    let p = doc.paragraph(&id).expect("table");
    let table = p.table.as_ref().expect("rows");
    // Every cell's text stands at its own start.
    let text: Vec<char> = p.text().chars().collect();
    for (row, starts) in table.rows.iter().zip(table.cell_starts()) {
        let Some(starts) = starts else { continue };
        for (cell, start) in row.cells.iter().zip(starts) {
            let own = qarar_document::runs_text(cell);
            let n = own.chars().count();
            let got: String = text[start..start + n].iter().collect();
            assert_eq!(got, own);
        }
    }

    // The library's full-text search reaches inside tables.
    let dir = temp_dir("library");
    std::fs::copy(&path, dir.join("78_253_E.xml")).expect("copy");
    let index = Library::scan(&dir, None, &|_, _| true);
    let mut ft = FullText::in_memory().expect("index");
    ft.refresh(&index, &|_, _| true).expect("refresh");
    let hits = ft.search("Reclassification", 100).expect("search");
    assert!(
        hits.iter().any(|h| h.paragraph == id),
        "hits: {:?}",
        hits.iter().map(|h| &h.paragraph).collect::<Vec<_>>()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A note on a cell passage of 78/253 and a highlight across two cells, as a user makes them.
fn annotated(doc: &Document) -> (String, Vec<Annotation>) {
    let (id, range) = table_passage(doc, "Benefits Officer");
    let mut a = Annotation::new_on_passage(doc, &id, range, Color::Green).expect("on a cell");
    a.set_note("Check the grade");
    let (_, across) = table_passage(doc, "P-4\t1");
    let b = Annotation::new_on_passage(doc, &id, across, Color::Pink).expect("across cells");
    (id, vec![a, b])
}

#[test]
fn a_passage_of_a_cell_anchors_in_its_table() {
    let Some(path) = corpus("78_253_E.xml") else {
        return;
    };
    let doc = load_path(&path).expect("78/253 loads");
    let (id, list) = annotated(&doc);
    assert_eq!(list[0].quote.exact, "Benefits Officer");
    let want = table_passage(&doc, "Benefits Officer").1;
    match anchor(&doc, &list[0]) {
        Anchor::Exact { paragraph, range } => {
            assert_eq!(paragraph, id);
            assert_eq!(range, want);
        }
        other => panic!("not exact: {other:?}"),
    }
    // Reopened from its other source (the same resolution as text) it is found again: the
    // quote is the cell's words, not a position.
    let placed = place(&doc, &list);
    assert!(
        placed
            .iter()
            .all(|p| p.paragraph.as_deref() == Some(id.as_str()))
    );
}

#[test]
fn every_annotated_export_carries_annotations_made_in_a_table() {
    let Some(path) = corpus("78_253_E.xml") else {
        return;
    };
    let doc = load_path(&path).expect("78/253 loads");
    let (id, list) = annotated(&doc);
    let placed: Vec<Placed> = place(&doc, &list);

    // HTML: the note beside the table, the words marked inside their cells.
    let out = String::from_utf8(html::export(&doc, &placed).expect("html")).expect("utf-8");
    let div = out.find(&format!("id=\"{id}\"")).expect("the table's div");
    let end = div + out[div..].find("</table>").expect("table end");
    let table = &out[div..end];
    assert!(table.contains("Check the grade"), "note beside the table");
    assert!(
        table.contains("<td><mark class=\"hl-green\" id=\"ann_"),
        "highlight inside the cell: {}",
        &table[table.find("Benefits").map_or(0, |i| i.saturating_sub(300))..]
            .chars()
            .take(700)
            .collect::<String>()
    );
    assert!(table.contains(">Benefits Officer</mark></td>"));
    // A highlight across two cells is one mark in each, never spanning a cell boundary.
    let pinks = table.matches("class=\"hl-pink\"").count();
    assert_eq!(pinks, 2, "one mark per cell");

    // DOCX: the comment's range and highlight inside the table's cell.
    let bytes = docx::export(&doc, &placed).expect("docx");
    let xml = zip_part(&bytes, "word/document.xml");
    let tbl = xml.find("<w:tbl>").expect("a table");
    let tbl_end = tbl + xml[tbl..].find("</w:tbl>").expect("end");
    let cells = &xml[tbl..tbl_end];
    assert!(
        cells.contains("<w:commentRangeStart w:id=\"0\"/>"),
        "comment in the table"
    );
    assert!(cells.contains("<w:commentRangeEnd w:id=\"0\"/>"));
    assert!(
        cells.contains("w:val=\"green\""),
        "green highlight in a cell"
    );
    assert!(cells.contains("w:val=\"magenta\"") || cells.contains("w:val=\"pink\""));
    assert!(
        !xml[tbl_end..].contains("w:id=\"0\""),
        "not listed as an orphan after the table"
    );
    let comments = zip_part(&bytes, "word/comments.xml");
    assert!(comments.contains("Check the grade"));

    // Markdown: the annotation after the table with its passage.
    let md = markdown::export(&doc, &placed);
    let pipe = md.find("| Reclassification").expect("pipe table");
    let after = &md[pipe..];
    assert!(after.contains("Check the grade"), "note after the table");
    assert!(after.contains("Benefits Officer"));

    // PDF: a highlight annotation for each, over the cells' words.
    let pdf = qarar_export::pdf::export(
        &doc,
        &placed,
        &qarar_export::pdf::PdfOptions {
            paper: qarar_export::pdf::Paper::A4,
        },
    )
    .expect("pdf");
    let file = lopdf::Document::load_mem(&pdf).expect("a valid PDF");
    let highlights = file
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"Subtype")
                .and_then(|s| s.as_name())
                .is_ok_and(|n| n == b"Highlight")
        })
        .count();
    assert_eq!(highlights, 2, "one highlight per annotation");

    // A citation of the table names it.
    let c = qarar_library::citation(&doc, &id).expect("a citation of the table");
    assert_eq!(c.text_en, "A/RES/78/253, VII, para. 6, table 1");
    assert_eq!(c.text_ar, "القرار 78/253، VII، الفقرة 6، الجدول 1");

    // Akoma Ntoso: the note's mark in the cell where the passage ends.
    let xml = String::from_utf8(akn::export(&doc, &placed).expect("akn")).expect("utf-8");
    let table = &xml[xml.find("<table").expect("a table")..];
    assert!(
        table.contains("Benefits Officer<noteRef"),
        "the note's mark where its passage ends"
    );
    assert!(
        table.contains("<td><p>1<noteRef"),
        "the highlight's mark in its last cell"
    );
}

#[test]
fn selecting_words_in_a_cell_and_pressing_a_colour_key_highlights_them_there() {
    let Some(path) = corpus("78_253_E.xml") else {
        return;
    };
    let data = temp_dir("reader");
    let (block, range) = {
        let mut h = reader_on(Some(path.clone()), data.clone());
        // Find the words as a user would, then select what the search found.
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
        h.run_ok();
        {
            use egui_kittest::kittest::Queryable;
            h.get_by_label("Search").click();
            h.run_ok();
            h.get_by_label("Search").type_text("Benefits Officer");
        }
        h.run_ok();
        h.key_press(egui::Key::Enter);
        h.run_ok();
        let (block, range) = {
            let view = &h.state().current().expect("opened").view;
            let layout = view.layout.as_ref().expect("laid out");
            let (b, r) = view
                .matches
                .iter()
                .find(|(b, _)| !layout.blocks[*b].display.cells.is_empty())
                .cloned()
                .expect("a match in a table");
            (b, r)
        };
        h.key_press(egui::Key::Escape);
        h.run_ok();
        {
            let view = &mut h.state_mut().current_mut().expect("opened").view;
            view.selection = Some((
                qarar::ui::view::TextPos {
                    block,
                    offset: range.start,
                },
                qarar::ui::view::TextPos {
                    block,
                    offset: range.end,
                },
            ));
        }
        h.run_ok();
        {
            use egui_kittest::kittest::Queryable;
            h.get_by_label("Highlight green").click();
        }
        h.run_ok();
        let cur = h.state().current().expect("document");
        assert_eq!(cur.annotations.list.len(), 1, "one highlight made");
        let a = &cur.annotations.list[0];
        assert_eq!(a.quote.exact, "Benefits Officer");
        assert!(a.target.contains("table"), "target {}", a.target);
        let hl = &cur.view.highlights;
        assert!(
            hl.iter().any(|h| h.block == block && h.range == range),
            "the highlight covers the words in their cell: {:?}",
            hl.iter()
                .map(|h| (h.block, h.range.clone()))
                .collect::<Vec<_>>()
        );
        (block, range)
    };
    // Reopened: the highlight is still on the same words of the same cell.
    let h = reader_on(Some(path), data.clone());
    let cur = h.state().current().expect("document");
    assert_eq!(cur.annotations.list.len(), 1);
    assert!(
        cur.view
            .highlights
            .iter()
            .any(|h| h.block == block && h.range == range)
    );
    let _ = std::fs::remove_dir_all(&data);
}
