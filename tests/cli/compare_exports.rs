//! The files of `qarar compare`: DOCX with real tracked changes (author, date, `w:rtl` in
//! Arabic; converted by LibreOffice when present), self-contained HTML (rendered by headless
//! Chromium when present), Markdown, JSON on standard output, and the command's rules for
//! output files.

use qarar_compare::{Comparison, compare};
use qarar_export::compare::{CompareFormat, render};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AKN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/akn");
const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/A-RES-75-10.ar.txt");
const DATE: &str = "2026-12-01T05:00:00Z";

fn akn(name: &str) -> Option<PathBuf> {
    let p = PathBuf::from(format!("{AKN}/{name}.xml"));
    if p.is_file() {
        Some(p)
    } else {
        eprintln!("skipping: {} is absent", p.display());
        None
    }
}

fn series(lang: &str) -> Option<Comparison> {
    let old = akn(&format!("75_10_{lang}"))?;
    let new = akn(&format!("77_20_{lang}"))?;
    let load = |p: &Path| qarar_document::load_path(p).expect("loads");
    Some(compare(&load(&old), &load(&new)))
}

fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("read");
    // Every part is well-formed XML.
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("part");
        let mut text = String::new();
        part.read_to_string(&mut text).expect("read part");
        let mut reader = Reader::from_str(&text);
        loop {
            match reader.read_event() {
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{} is not well-formed: {e}", part.name()),
            }
        }
    }
    xml
}

#[test]
fn docx_has_tracked_insertions_and_deletions() {
    let Some(cmp) = series("A") else {
        return;
    };
    let bytes = render(&cmp, CompareFormat::Docx, DATE).expect("docx");
    let xml = document_xml(&bytes);
    let ins = xml.matches("<w:ins ").count();
    let del = xml.matches("<w:del ").count();
    assert!(ins > 20 && del > 10, "{ins} insertions, {del} deletions");
    assert!(xml.contains(&format!("w:author=\"Qarar\" w:date=\"{DATE}\"")));
    // Deleted words are w:delText inside w:del, never w:t.
    assert!(
        xml.contains("<w:delText xml:space=\"preserve\">تحث</w:delText>"),
        "deleted verb"
    );
    let inserted = xml.find(">تشجع</w:t>").expect("inserted verb");
    assert!(xml[..inserted].rfind("<w:ins ") > xml[..inserted].rfind("</w:ins>"));
    // Right-to-left: paragraphs bidi, Arabic runs rtl, also inside revisions.
    assert!(xml.contains("<w:bidi/>"));
    assert!(xml.contains("<w:ins w:id") && xml.contains("<w:rtl/>"));
    // Inserted paragraphs have their paragraph mark inserted too.
    assert!(xml.contains("<w:rPr><w:ins w:id"));
    // Revision ids are unique.
    let mut ids: Vec<&str> = xml
        .split("w:id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "revision ids repeat");
}

#[test]
fn docx_converts_with_libreoffice_keeping_the_changes() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(soffice) = soffice else {
        eprintln!("skipped: soffice (LibreOffice) is not installed");
        return;
    };
    let Some(cmp) = series("E") else {
        return;
    };
    let bytes = render(&cmp, CompareFormat::Docx, DATE).expect("docx");
    let dir = std::env::temp_dir().join(format!("qarar-compare-docx-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("profile")).expect("temp dir");
    let input = dir.join("compare.docx");
    std::fs::write(&input, &bytes).expect("write");
    let out = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "odt", "--outdir"])
        .arg(&dir)
        .arg(&input)
        .output()
        .expect("run soffice");
    let odt = dir.join("compare.odt");
    assert!(out.status.success() && odt.exists(), "soffice failed");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&odt).expect("odt")).expect("zip");
    let mut content = String::new();
    zip.by_name("content.xml")
        .expect("content.xml")
        .read_to_string(&mut content)
        .expect("read");
    assert!(
        content.contains("<text:tracked-changes"),
        "tracked changes kept"
    );
    assert!(content.contains("<text:insertion") && content.contains("<text:deletion"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn html_is_self_contained_with_ins_del_and_direction() {
    let Some(cmp) = series("A") else {
        return;
    };
    let html =
        String::from_utf8(render(&cmp, CompareFormat::Html, DATE).expect("html")).expect("UTF-8");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("<del class=\"substantive\">تحث</del>"));
    assert!(html.contains("<ins class=\"substantive\">تشجع</ins>"));
    assert!(html.contains("<del class=\"mechanical\">السابعة</del>"));
    assert!(html.contains("<section class=\"moved substantive\">"));
    assert!(html.contains("<section class=\"inserted substantive\">"));
    assert!(html.contains("<table class=\"summary\""));
    // Nothing in it is fetched or run, as in the reader's HTML export.
    assert!(html.contains("Content-Security-Policy"));
    let lower = html.to_ascii_lowercase();
    assert!(
        !lower.contains("<script") && !lower.contains("http://") && !lower.contains("https://")
    );

    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("skipped: /usr/bin/chromium not installed");
        return;
    }
    let dir = std::env::temp_dir().join(format!("qarar-compare-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("compare.html");
    std::fs::write(&file, &html).expect("write");
    let Ok(out) = Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("file://{}", file.display()))
        .output()
    else {
        eprintln!("skipped: chromium did not start");
        return;
    };
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(dom.contains("<ins class=\"substantive\">تشجع</ins>"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn markdown_marks_deleted_and_inserted_words() {
    let Some(cmp) = series("E") else {
        return;
    };
    let md = String::from_utf8(render(&cmp, CompareFormat::Md, DATE).expect("md")).expect("UTF-8");
    assert!(md.starts_with("# A/RES/75/10 → A/RES/77/20"));
    assert!(md.contains("~~Urges~~**Encourages**"), "{md}");
    assert!(md.contains("### preamble\\_4 → preamble\\_24 — moved, substantive"));
    assert!(md.contains("- preamble\\_2 — unchanged"));
}

fn qarar(args: &[&str]) -> Output {
    let store = std::env::temp_dir().join(format!("qarar-compare-store-{}", std::process::id()));
    Command::new(env!("CARGO_BIN_EXE_qarar"))
        .env("QARAR_DATA_DIR", store)
        .args(args)
        .output()
        .expect("qarar runs")
}

#[test]
fn command_line_json_to_stdout_and_files_by_the_export_rules() {
    let o = qarar(&["compare", SEED, SEED]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(json["old"]["symbol"], "A/RES/75/10");
    assert_eq!(json["old"]["file"], SEED);
    assert_eq!(json["summary"]["changed"], 0);
    assert!(json["summary"]["unchanged"].as_u64().unwrap_or(0) > 40);

    let dir = std::env::temp_dir().join(format!("qarar-compare-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("c.docx");
    let out_s = out.to_str().expect("path");
    let o = qarar(&["compare", SEED, SEED, "--format", "docx", "-o", out_s]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::metadata(&out).is_ok_and(|m| m.len() > 1000));
    // An existing file is kept without --force, replaced with it.
    let o = qarar(&["compare", SEED, SEED, "--format", "docx", "-o", out_s]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    let o = qarar(&[
        "compare", SEED, SEED, "--format", "docx", "-o", out_s, "--force",
    ]);
    assert!(o.status.success());
    // HTML and DOCX need a file.
    let o = qarar(&["compare", SEED, SEED, "--format", "html"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o FILE"));
    let o = qarar(&["compare", SEED, SEED, "--format", "md"]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("# A/RES/75/10 → A/RES/75/10"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn command_line_refuses_two_languages() {
    let Some(en) = akn("75_10_E") else {
        return;
    };
    let o = qarar(&["compare", SEED, en.to_str().expect("path")]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("two languages"));
}
