//! Every corpus resolution as text extracted from a printed PDF, made independently of Qarar
//! the way `../shared/corpus/text/*.pdftotext.txt` were made: `../shared/tools/text-variants`
//! writes page.html, chromium prints it (running header with date and time, footer with the
//! file address and page numbers), `pdftotext` extracts it (hard-wrapped lines, bidi
//! controls, footnotes at the end). Each must read as its Akoma Ntoso XML: the same preamble
//! and operative ids, parts, annexes and footnote count. Skipped unless python3, chromium and
//! pdftotext are all there (`.ci/run` does not install chromium; the kept fixtures in
//! tests/fixtures/plain_pdf run everywhere, see plain_variants.rs).

use qarar::document::{akn, plain};
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "common/plain_shape.rs"]
mod plain_shape;
use plain_shape::{first_difference, shape};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn runs(program: &str, arg: &str) -> bool {
    Command::new(program).arg(arg).output().is_ok()
}

/// Files the variant tool cannot write whole (it keeps only the paragraphs' own content:
/// headings between paragraphs, tables, `<list>` items and lone numbers are left out), so
/// their text cannot give their XML's ids. The same list as the Word variants'.
const TOOL_LIMITED: [&str; 15] = [
    "75_239_A", "75_239_E", "75_251_A", "75_251_E", "76_7_F", "77_20_E", "77_264_A", "77_264_C",
    "77_264_E", "77_264_F", "77_264_R", "77_264_S", "78_253_E", "79_136_A", "79_136_E",
];

fn pdftotext_of(name: &str, out: &Path) -> Option<String> {
    let dir = out.join(name);
    let xml = shared().join("corpus/akn").join(format!("{name}.xml"));
    let ok = |c: &mut Command| c.output().is_ok_and(|o| o.status.success());
    let pdf = dir.join("page.pdf");
    let made = ok(Command::new("python3")
        .arg(shared().join("tools/text-variants"))
        .arg(&xml)
        .arg(&dir))
        && ok(Command::new("chromium")
            .args(["--headless", "--no-sandbox", "--disable-gpu"])
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", dir.join("page.html").display())))
        && ok(Command::new("pdftotext")
            .arg(&pdf)
            .arg(dir.join("page.txt")));
    made.then(|| std::fs::read_to_string(dir.join("page.txt")).ok())
        .flatten()
}

#[test]
fn printed_pdf_of_every_corpus_resolution_reads_as_its_xml() {
    let Ok(entries) = std::fs::read_dir(shared().join("corpus/akn")) else {
        eprintln!("skipping: no corpus");
        return;
    };
    if !shared().join("tools/text-variants").is_file()
        || !runs("python3", "-V")
        || !runs("chromium", "--version")
        || !runs("pdftotext", "-v")
    {
        eprintln!("skipping: python3, chromium or pdftotext is absent");
        return;
    }
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter_map(|n| n.strip_suffix(".xml").map(str::to_string))
        .collect();
    names.sort();
    let out = std::env::temp_dir().join(format!("qarar-plain-pdf-{}", std::process::id()));
    let (mut same, mut differing) = (0, Vec::new());
    for name in &names {
        let Some(text) = pdftotext_of(name, &out) else {
            differing.push(format!("{name}: no PDF text was made"));
            continue;
        };
        let xml = std::fs::read_to_string(shared().join("corpus/akn").join(format!("{name}.xml")))
            .expect("corpus file");
        let want = shape(&akn::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}")));
        let got = shape(&plain::parse(&text));
        if got == want {
            same += 1;
        } else {
            let why = if TOOL_LIMITED.contains(&name.as_str()) {
                "the tool leaves text out"
            } else {
                "REGRESSION"
            };
            differing.push(format!("{name} ({why}): {}", first_difference(&got, &want)));
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    eprintln!(
        "{same}/{} printed PDFs read as their XML; differing:",
        names.len()
    );
    for d in &differing {
        eprintln!("  {d}");
    }
    assert!(same >= 22, "{same} of {} read as their XML", names.len());
    assert!(
        !differing.iter().any(|d| d.contains("REGRESSION")),
        "{differing:#?}"
    );
}
