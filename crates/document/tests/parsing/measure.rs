//! A measurement, run on request: every file of a folder (PDF, .docx or plain text, named
//! `NAME.…` after the corpus resolution `NAME`) read as a user opens it and compared with the
//! Akoma Ntoso XML of its resolution. Prints one line a file (pass, or the first reason:
//! which ids differ, the footnote count, the share of the XML's words kept in order) and a
//! tally by producer (the name's middle part) and language (its last letter).
//!
//! `QARAR_MEASURE_DIR=/tmp/pdfx/all cargo test --release -p qarar-document --test parsing
//! measure -- --ignored --nocapture`; `QARAR_MEASURE_DUMP=dir` also writes the text each file
//! gave the plain reader (PDF and .docx) as `dir/FILE.txt`.

use crate::pdf_corpus::{in_order, missing};
use crate::plain_shape::{Shape, shape, shared};
use qarar_document::model::Document;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn xml(name: &str) -> Option<Document> {
    let text = std::fs::read_to_string(shared().join("corpus/akn").join(format!("{name}.xml")));
    qarar_document::akn::parse(&text.ok()?).ok()
}

/// The ids in `got` and not in `want` and the reverse, a few of each.
fn id_diff(what: &str, got: &[String], want: &[String]) -> Option<String> {
    if got == want {
        return None;
    }
    let extra: Vec<&String> = got.iter().filter(|g| !want.contains(g)).take(4).collect();
    let lacking: Vec<&String> = want.iter().filter(|w| !got.contains(w)).take(4).collect();
    Some(format!(
        "{what} {}/{}: extra {extra:?}, lacking {lacking:?}",
        got.len(),
        want.len()
    ))
}

/// Why two shapes differ, naming the ids.
pub(crate) fn reason(got: &Shape, want: &Shape) -> Option<String> {
    if let Some(d) = id_diff("preamble", &got.preamble, &want.preamble) {
        return Some(d);
    }
    if let Some(d) = id_diff("operative", &got.operative, &want.operative) {
        return Some(d);
    }
    if got.parts.len() != want.parts.len() {
        let letters = |s: &Shape| s.parts.iter().map(|p| p.0.clone()).collect::<Vec<_>>();
        return Some(format!(
            "parts {:?}, want {:?}",
            letters(got),
            letters(want)
        ));
    }
    for (g, w) in got.parts.iter().zip(&want.parts) {
        if g.0 != w.0 {
            return Some(format!("part {:?}, want {:?}", g.0, w.0));
        }
        let d = id_diff(&format!("part {} preamble", w.0), &g.1, &w.1)
            .or_else(|| id_diff(&format!("part {} operative", w.0), &g.2, &w.2));
        if d.is_some() {
            return d;
        }
    }
    if got.annexes.len() != want.annexes.len() {
        let ids = |s: &Shape| s.annexes.iter().map(|a| a.0.clone()).collect::<Vec<_>>();
        return Some(format!("annexes {:?}, want {:?}", ids(got), ids(want)));
    }
    for (g, w) in got.annexes.iter().zip(&want.annexes) {
        if g.0 != w.0 {
            return Some(format!("annex {:?}, want {:?}", g.0, w.0));
        }
        if let Some(d) = id_diff(&format!("annex {}", w.0), &g.1, &w.1) {
            return Some(d);
        }
    }
    (got.footnotes != want.footnotes)
        .then(|| format!("footnotes {}/{}", got.footnotes, want.footnotes))
}

fn dump(path: &Path, dir: &str) {
    let Ok(bytes) = std::fs::read(path) else {
        return;
    };
    let text = if path.extension().is_some_and(|x| x == "pdf") {
        qarar_document::pdf::text(&bytes)
            .map(|t| t.text)
            .map_err(|e| e.to_string())
    } else if path.extension().is_some_and(|x| x == "docx") {
        qarar_document::docx::text(&bytes).map_err(|e| e.to_string())
    } else {
        qarar_document::load_path(path)
            .map(|d| d.source_text)
            .map_err(|e| e.to_string())
    };
    let file = path.file_name().unwrap_or_default().to_string_lossy();
    let _ = std::fs::write(
        Path::new(dir).join(format!("{file}.txt")),
        text.unwrap_or_else(|e| e),
    );
}

/// Every paragraph's id and the start of its text, for looking at one file.
fn show(doc: &Document) {
    fn add(ps: &[qarar_document::model::Paragraph]) {
        for p in ps {
            let t: String = p.text().chars().take(70).collect();
            eprintln!("  {}\t{t}", p.id);
            add(&p.children);
        }
    }
    add(&doc.preamble);
    add(&doc.operative);
    for part in &doc.parts {
        eprintln!(" part {}", part.letter);
        add(&part.preamble);
        add(&part.operative);
    }
    for annex in &doc.annexes {
        eprintln!(" annex {}", annex.id);
        add(&annex.paragraphs);
    }
    for f in &doc.footnotes {
        let t: String = qarar_document::model::runs_text(&f.runs)
            .chars()
            .take(60)
            .collect();
        eprintln!("  fn {}\t{:?}\t{t}", f.marker, f.paragraph);
    }
}

/// One file: `Ok(share)` when it reads as its XML, else why not.
fn measure(path: &Path) -> Option<Result<f64, String>> {
    let file = path.file_name()?.to_string_lossy().into_owned();
    let want = xml(file.split('.').next()?)?;
    let got = match qarar_document::load_path(path) {
        Ok(doc) => doc,
        Err(e) => return Some(Err(format!("not read: {e}"))),
    };
    if std::env::var_os("QARAR_MEASURE_SHOW").is_some() {
        show(&got);
    }
    let share = in_order(&want, &got);
    if let Some(r) = reason(&shape(&got), &shape(&want)) {
        return Some(Err(format!("{r} (words {:.2}%)", share * 100.0)));
    }
    if share < 0.995 {
        return Some(Err(format!(
            "words kept {:.2}%, missing {:?}",
            share * 100.0,
            missing(&want, &got)
        )));
    }
    Some(Ok(share))
}

#[test]
#[ignore = "a measurement: set QARAR_MEASURE_DIR"]
fn measure_folder() {
    let Ok(dir) = std::env::var("QARAR_MEASURE_DIR") else {
        eprintln!("skipping: QARAR_MEASURE_DIR is not set");
        return;
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("QARAR_MEASURE_DIR")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x == "pdf" || x == "docx" || x == "txt")
        })
        .collect();
    paths.sort();
    let filter = std::env::var("QARAR_MEASURE_ONLY").unwrap_or_default();
    let dump_dir = std::env::var("QARAR_MEASURE_DUMP").ok();
    // (passed, total) by producer and by language.
    let mut by: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut same, mut total) = (0, 0);
    for path in &paths {
        let file = path.file_name().unwrap_or_default().to_string_lossy();
        if !file.contains(&filter) {
            continue;
        }
        if let Some(d) = &dump_dir {
            dump(path, d);
        }
        let Some(result) = measure(path) else {
            continue;
        };
        let name = file.split('.').next().unwrap_or_default();
        let producer = file.split('.').nth(1).unwrap_or_default();
        let lang = name.rsplit('_').next().unwrap_or_default();
        total += 1;
        let ok = result.is_ok();
        same += usize::from(ok);
        for key in [format!("producer {producer}"), format!("language {lang}")] {
            let e = by.entry(key).or_default();
            e.0 += usize::from(ok);
            e.1 += 1;
        }
        match result {
            Ok(share) => eprintln!("PASS {file} ({:.2}%)", share * 100.0),
            Err(why) => eprintln!("FAIL {file}: {why}"),
        }
    }
    for (k, (p, t)) in &by {
        eprintln!("{k}: {p}/{t}");
    }
    eprintln!("{same}/{total} read as their XML");
}
