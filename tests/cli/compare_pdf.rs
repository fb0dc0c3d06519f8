//! The comparison as PDF (summary page, then the units with insertions and deletions
//! marked) and the comparison files in the documents' language: Arabic labels and a right
//! to left title and summary in the HTML, Arabic headings in Markdown.

use qarar_compare::{Comparison, compare};
use qarar_export::compare::{CompareFormat, render};
use std::path::{Path, PathBuf};
use std::process::Command;

const AKN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/akn");
const DATE: &str = "2026-12-01T05:00:00Z";

fn series(lang: &str) -> Option<Comparison> {
    let path = |n: &str| PathBuf::from(format!("{AKN}/{n}_{lang}.xml"));
    let (old, new) = (path("75_10"), path("77_20"));
    if !old.is_file() || !new.is_file() {
        eprintln!("skipping: the corpus is absent");
        return None;
    }
    let load = |p: &Path| qarar_document::load_path(p).expect("loads");
    Some(compare(&load(&old), &load(&new)))
}

/// The text of a PDF by `pdftotext` (None, with a message, when it is not installed).
fn pdftotext(bytes: &[u8], tag: &str) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("qarar-compare-pdf-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("c.pdf");
    std::fs::write(&file, bytes).expect("write");
    let out = Command::new("pdftotext").arg(&file).arg("-").output();
    let _ = std::fs::remove_dir_all(&dir);
    match out {
        Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
        _ => {
            eprintln!("skipped: pdftotext (poppler-utils) is not installed");
            None
        }
    }
}

#[test]
fn pdf_has_a_summary_page_and_the_inserted_words() {
    let Some(cmp) = series("E") else {
        return;
    };
    let bytes = render(&cmp, CompareFormat::Pdf, DATE).expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let Some(text) = pdftotext(&bytes, "en") else {
        return;
    };
    let s = &cmp.summary;
    // The summary page: the two symbols and every count.
    // pdftotext ends every page with a form feed: a summary page, then the units.
    assert!(text.matches('\u{c}').count() >= 3, "pages");
    let summary_page = text.split('\u{c}').next().unwrap_or_default();
    assert!(summary_page.contains("A/RES/75/10") && summary_page.contains("A/RES/77/20"));
    for (word, n) in [
        ("unchanged", s.unchanged),
        ("changed", s.changed),
        ("inserted", s.inserted),
        ("substantive", s.substantive),
        ("mechanical", s.mechanical),
    ] {
        assert!(
            summary_page.contains(&format!("{word}: {n}")),
            "{word}: {n} in {summary_page}"
        );
    }
    // The units: the new operative verb and the old one it replaced are both there.
    assert!(
        text.contains("Encourages") && text.contains("Urges"),
        "{text}"
    );
}

#[test]
fn arabic_pdf_gives_the_logical_text_with_arabic_labels() {
    let Some(cmp) = series("A") else {
        return;
    };
    let bytes = render(&cmp, CompareFormat::Pdf, DATE).expect("pdf");
    let Some(text) = pdftotext(&bytes, "ar") else {
        return;
    };
    let s = &cmp.summary;
    assert!(text.contains("مقارنة"), "title in Arabic");
    assert!(text.contains(&format!("{}", s.inserted)));
    // Inserted and deleted verbs, in logical order.
    assert!(text.contains("تشجع") && text.contains("تحث"), "{text}");
}

#[test]
fn html_title_and_summary_run_right_to_left_in_arabic() {
    let Some(cmp) = series("A") else {
        return;
    };
    let html =
        String::from_utf8(render(&cmp, CompareFormat::Html, DATE).expect("html")).expect("UTF-8");
    assert!(
        html.contains(
            "<h1 dir=\"rtl\">مقارنة: <bdi dir=\"ltr\">A/RES/75/10 → A/RES/77/20</bdi></h1>"
        )
    );
    assert!(html.contains("<p class=\"summary\" dir=\"rtl\">"));
    assert!(html.contains("<table class=\"summary\" dir=\"rtl\">"));
    assert!(html.contains("<th>دون تغيير</th>") && html.contains("<th>جوهرية</th>"));
    // Classes stay English for the style sheet.
    assert!(html.contains("<section class=\"moved substantive\">"));
    assert!(html.contains("— منقولة، جوهرية</div>"));

    let Some(en) = series("E") else {
        return;
    };
    let html =
        String::from_utf8(render(&en, CompareFormat::Html, DATE).expect("html")).expect("UTF-8");
    assert!(html.contains("<h1 dir=\"ltr\">Comparison: "));
    assert!(html.contains("<th>unchanged</th>"));
}

#[test]
fn markdown_and_docx_speak_the_documents_language() {
    let Some(cmp) = series("A") else {
        return;
    };
    let md = String::from_utf8(render(&cmp, CompareFormat::Md, DATE).expect("md")).expect("UTF-8");
    assert!(md.contains("— منقولة، جوهرية"), "{md}");
    assert!(md.contains("— دون تغيير"));
    let docx = render(&cmp, CompareFormat::Docx, DATE).expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("document.xml"),
        &mut xml,
    )
    .expect("read");
    assert!(
        xml.contains("دون تغيير") && xml.contains("جوهري"),
        "summary in Arabic"
    );
}

#[test]
fn command_line_writes_pdf_to_a_file_only() {
    let Some(_) = series("E") else {
        return;
    };
    let store =
        std::env::temp_dir().join(format!("qarar-compare-pdf-store-{}", std::process::id()));
    let old = format!("{AKN}/75_10_E.xml");
    let new = format!("{AKN}/77_20_E.xml");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_qarar"))
            .env("QARAR_DATA_DIR", &store)
            .args(args)
            .output()
            .expect("qarar runs")
    };
    let o = run(&["compare", &old, &new, "--format", "pdf"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o FILE"));
    let dir = std::env::temp_dir().join(format!("qarar-compare-pdf-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("c.pdf");
    let o = run(&[
        "compare",
        &old,
        &new,
        "--format",
        "pdf",
        "-o",
        out.to_str().expect("path"),
        "--force",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"%PDF-"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pdf_has_bookmarks_for_the_summary_and_each_changed_unit_on_the_paper_asked_for() {
    let Some(cmp) = series("A") else {
        return;
    };
    let bytes = qarar_export::compare::render_with(
        &cmp,
        CompareFormat::Pdf,
        DATE,
        qarar_export::pdf::Paper::Letter,
    )
    .expect("pdf");
    let doc = lopdf::Document::load_mem(&bytes).expect("a valid PDF");
    let toc = doc.get_toc().expect("bookmarks");
    let titles: Vec<&str> = toc.toc.iter().map(|t| t.title.as_str()).collect();
    let changed = cmp.differences().count();
    assert_eq!(titles.len(), changed + 1, "{titles:?}");
    // The summary first (in Arabic), on the first page; the changes after it, in order.
    assert_eq!(toc.toc[0].page, 1, "{titles:?}");
    assert!(titles[0].contains("ملخص"), "{titles:?}");
    assert!(toc.toc.windows(2).all(|w| w[0].page <= w[1].page));
    assert!(toc.toc[1].page >= 2, "the units start on a new page");
    // US Letter, as the setting asked.
    let first = doc.get_pages().into_values().next().expect("a page");
    let media = doc
        .get_dictionary(first)
        .and_then(|d| d.get(b"MediaBox"))
        .and_then(|m| m.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_float().ok())
                .collect::<Vec<f32>>()
        })
        .expect("a media box");
    assert_eq!(media, vec![0.0, 0.0, 612.0, 792.0]);
}
