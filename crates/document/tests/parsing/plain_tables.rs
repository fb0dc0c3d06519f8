//! Header rows of tables in plain text: the tables of 77/264 and 78/253 (all languages in
//! the corpus) written as Word's "save as text" writes them (a row a line, cells separated
//! by tabs, empty rows blank) inside a small resolution (paragraphs between blank lines)
//! give the rows and header rows of the Akoma Ntoso reader.

use qarar_document::model::{Document, Paragraph, Table, runs_text};
use qarar_document::{akn, plain};
use std::path::Path;

fn tables<'a>(ps: &'a [Paragraph], out: &mut Vec<(&'a str, &'a Table)>) {
    for p in ps {
        if let Some(t) = &p.table {
            out.push((&p.id, t));
        }
        tables(&p.children, out);
    }
}

fn all_tables(doc: &Document) -> Vec<(&str, &Table)> {
    let mut out = Vec::new();
    tables(&doc.operative, &mut out);
    for p in &doc.parts {
        tables(&p.operative, &mut out);
        tables(&p.body, &mut out);
    }
    for a in &doc.annexes {
        tables(&a.paragraphs, &mut out);
    }
    out
}

/// Cell texts of the rows holding any text, with their header flags.
fn rows(t: &Table) -> Vec<(bool, Vec<String>)> {
    t.rows
        .iter()
        .map(|r| {
            let cells: Vec<String> = r
                .cells
                .iter()
                .map(|c| runs_text(c).trim().to_string())
                .collect();
            (r.header, cells)
        })
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .collect()
}

#[test]
fn header_rows_of_word_tables_are_those_of_the_xml() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("../shared/corpus/akn");
    let mut compared = 0;
    for name in [
        "77_264_A", "77_264_C", "77_264_E", "77_264_F", "77_264_R", "77_264_S", "78_253_E",
    ] {
        let Ok(xml) = std::fs::read_to_string(dir.join(format!("{name}.xml"))) else {
            eprintln!("skipping {name}: no corpus");
            continue;
        };
        let doc = akn::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (id, table) in all_tables(&doc) {
            let want = rows(table);
            // Word writes a row whose cells hold one text as one line without a tab: the
            // plain reader ends the table there, so only tables of two cells a row are held.
            if want
                .iter()
                .any(|(_, cells)| cells.iter().filter(|c| !c.is_empty()).count() < 2)
            {
                continue;
            }
            let lines: Vec<String> = table
                .rows
                .iter()
                .map(|r| {
                    r.cells
                        .iter()
                        .map(|c| runs_text(c).trim().replace('\u{a0}', " "))
                        .collect::<Vec<_>>()
                        .join("\t")
                })
                .collect();
            let text = format!(
                "The General Assembly,\n\nRecalling its resolution 76/245,\n\n\
                 1. Approves the following:\n{}\n\n\
                 2. Decides to remain seized of the matter.\n",
                lines.join("\n")
            );
            let got = plain::parse(&text);
            let found = all_tables(&got);
            assert_eq!(found.len(), 1, "{name} {id}: one table");
            let got_rows = rows(found[0].1);
            let flags = |r: &[(bool, Vec<String>)]| r.iter().map(|(h, _)| *h).collect::<Vec<_>>();
            assert_eq!(
                got_rows.len(),
                want.len(),
                "{name} {id}: rows\n{text}\n{got_rows:#?}"
            );
            assert_eq!(flags(&got_rows), flags(&want), "{name} {id}: header rows");
            assert!(got_rows[0].0, "{name} {id}: the first row is a header");
            compared += 1;
        }
    }
    eprintln!("{compared} tables compared");
    if dir.is_dir() {
        assert!(compared >= 3, "{compared} tables compared");
    }
}

#[test]
fn a_table_without_a_header_row_gets_none() {
    let text = "The General Assembly,\n\nRecalling its resolution 76/245,\n\n\
1. Takes note of the following rates:\n\n\
Afghanistan\t0.006\nAlbania\t0.008\nAlgeria\t0.109\n\n\
2. Decides to remain seized of the matter.\n";
    let doc = plain::parse(text);
    let found = all_tables(&doc);
    assert_eq!(found.len(), 1);
    assert!(found[0].1.rows.iter().all(|r| !r.header));
}
