//! Every corpus resolution as text extracted from a printed PDF, made independently of Qarar
//! the way `../shared/corpus/text/*.pdftotext.txt` were made: `../shared/tools/text-variants`
//! writes page.html, chromium prints it (running header with date and time, footer with the
//! file address and page numbers), `pdftotext` extracts it (hard-wrapped lines, bidi
//! controls, footnotes at the end). Each must read as its Akoma Ntoso XML: the same preamble
//! and operative ids, parts, annexes and footnote count.
//!
//! What chromium prints depends on the fonts the machine has (line wraps move with them), so
//! this is a measurement run on request, not part of the README's test command: set
//! `QARAR_PRINTED_PDF=1` (python3, chromium and pdftotext must be there). The kept fixtures in
//! tests/fixtures/plain_pdf run everywhere, see plain_variants.rs.

use std::path::Path;
use std::process::Command;

use crate::plain_shape;
use plain_shape::{check_variants, corpus_names, shared};

fn runs(program: &str, arg: &str) -> bool {
    Command::new(program).arg(arg).output().is_ok()
}

/// The page.html of the variant tool printed by chromium and extracted by pdftotext.
fn pdftotext_of(name: &str, out: &Path) -> Result<String, String> {
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
        .ok_or_else(|| "no PDF text was made".to_string())
}

#[test]
fn printed_pdf_of_every_corpus_resolution_reads_as_its_xml() {
    let Some(names) = corpus_names() else {
        eprintln!("skipping: no corpus");
        return;
    };
    if std::env::var_os("QARAR_PRINTED_PDF").is_none() {
        eprintln!(
            "skipping: set QARAR_PRINTED_PDF=1 to print the corpus with this machine's chromium"
        );
        return;
    }
    if !shared().join("tools/text-variants").is_file()
        || !runs("python3", "-V")
        || !runs("chromium", "--version")
        || !runs("pdftotext", "-v")
    {
        eprintln!("skipping: python3, chromium or pdftotext is absent");
        return;
    }
    let out = std::env::temp_dir().join(format!("qarar-plain-pdf-{}", std::process::id()));
    check_variants("printed PDFs", &names, 22, |name| pdftotext_of(name, &out));
    let _ = std::fs::remove_dir_all(&out);
}
