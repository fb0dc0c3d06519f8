//! The `qarar` command line as a person uses it: outputs, errors, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/A-RES-75-10.ar.txt");

fn qarar(args: &[&str]) -> Output {
    // An empty annotation store, whatever the user running the tests has annotated.
    let store = std::env::temp_dir().join(format!("qarar-cli-store-{}", std::process::id()));
    Command::new(env!("CARGO_BIN_EXE_qarar"))
        .env("QARAR_DATA_DIR", store)
        .args(args)
        .output()
        .expect("qarar runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qarar-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn outline_prints_the_clause_tree() {
    let o = qarar(&["outline", SEED]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("A/RES/75/10"));
    assert!(out.contains("Preamble (21 paragraphs)"));
    assert!(out.contains("Operative (16 paragraphs)"));
    assert!(out.contains("13. "), "operative numbers shown");
    assert!(
        out.contains("(هـ)") || out.contains("(ه)"),
        "sub-paragraph labels shown"
    );
}

#[test]
fn outline_json_has_the_documented_fields() {
    let o = qarar(&["outline", "--json", SEED]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["symbol"], "A/RES/75/10");
    assert_eq!(v["language"], "ar");
    assert_eq!(v["direction"], "rtl");
    assert_eq!(v["session"], 75);
    assert_eq!(v["adopted"], "2020-11-23");
    assert_eq!(v["preamble"].as_array().map(Vec::len), Some(21));
    assert_eq!(v["operative"].as_array().map(Vec::len), Some(16));
    let p13 = &v["operative"][12];
    assert_eq!(p13["id"], "para_13");
    assert_eq!(p13["number"], 13);
    assert_eq!(p13["subparagraphs"].as_array().map(Vec::len), Some(5));
    assert_eq!(p13["subparagraphs"][1]["id"], "para_13_b");
    assert_eq!(v["footnotes"].as_array().map(Vec::len), Some(7));
    assert_eq!(v["footnotes"][1]["paragraph"], "preamble_10");
    let refs = v["references"].as_array().expect("references");
    assert!(
        refs.iter()
            .any(|r| r["target"] == "A/RES/60/288" && r["text"] == "288/60")
    );
}

#[test]
fn export_json_writes_the_same_structure_and_never_overwrites_without_force() {
    let dir = scratch("export");
    let out = dir.join("seed.json");
    let out_s = out.to_string_lossy().into_owned();
    let o = qarar(&["export", SEED, "--format", "json", "-o", &out_s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("JSON");
    let printed = qarar(&["outline", "--json", SEED]);
    let printed: serde_json::Value = serde_json::from_slice(&printed.stdout).expect("JSON");
    assert_eq!(written, printed);
    // A second export refuses to replace it…
    std::fs::write(&out, "keep me").expect("write");
    let o = qarar(&["export", SEED, "--format", "json", "-o", &out_s]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&out).ok().as_deref(),
        Some("keep me")
    );
    // …unless asked to.
    let o = qarar(&["export", SEED, "--format", "json", "-o", &out_s, "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unwritable_output_is_a_clear_error_and_leaves_nothing_behind() {
    let dir = scratch("unwritable");
    let out = dir.join("no-such-dir").join("out.json");
    let o = qarar(&[
        "export",
        SEED,
        "--format",
        "json",
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("out.json"), "{}", stderr(&o));
    assert!(!out.exists());
    let leftovers = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert_eq!(leftovers, 0, "no temporary file left");
    let _ = std::fs::remove_dir_all(&dir);
}

fn assert_fails_naming(path: &Path, problem: &str) {
    let o = qarar(&["outline", &path.to_string_lossy()]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "exit code 1 for {}",
        path.display()
    );
    let err = stderr(&o);
    assert!(
        err.contains(&*path.to_string_lossy()),
        "names the file: {err}"
    );
    assert!(err.contains(problem), "says the problem ({problem}): {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_inputs_fail_with_the_file_and_the_problem() {
    let dir = scratch("bad");
    assert_fails_naming(&dir.join("missing.txt"), "cannot read");
    assert_fails_naming(&dir, "directory");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    assert_fails_naming(&empty, "empty");
    let binary = dir.join("binary.bin");
    std::fs::write(&binary, [0u8, 1, 2, 3, 0, 0, 255, 254].repeat(512)).expect("write");
    assert_fails_naming(&binary, "binary");
    let xml = dir.join("broken.xml");
    std::fs::write(&xml, "<?xml version=\"1.0\"?><akomaNtoso><statement><p>").expect("write");
    assert_fails_naming(&xml, "XML");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_text_that_is_not_a_resolution_still_opens_as_paragraphs() {
    let dir = scratch("prose");
    let prose = dir.join("letter.txt");
    std::fs::write(&prose, "Dear colleague,\n\nThe meeting moves to Tuesday.\n").expect("write");
    let o = qarar(&["outline", "--json", &prose.to_string_lossy()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(v["body"].as_array().is_some_and(|b| b.len() == 2));
    assert!(!v["diagnostics"].as_array().expect("diagnostics").is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_with_annotations_re_anchors_them_on_the_file() {
    use qarar_annotations::{Annotation, Color, DocumentIdentity, w3c};
    let dir = scratch("annotated");
    let doc = qarar_document::load_path(Path::new(SEED)).expect("seed");
    let text = doc.paragraph("para_13").expect("para 13").text();
    let chars = text.chars().count();
    let mut a = Annotation::new_on_passage(&doc, "para_13", 0..chars.min(20), Color::Green)
        .expect("annotation");
    a.set_note("انظر A/75/L.20 <script>alert(1)</script>");
    a.set_tags(["إنتربول"]);
    let ann = dir.join("notes.jsonld");
    let page = w3c::to_page_string(&DocumentIdentity::of(&doc), &[a], &[]);
    std::fs::write(&ann, page).expect("write");
    let out = dir.join("out.json");
    let o = qarar(&[
        "export",
        SEED,
        "--annotations",
        &ann.to_string_lossy(),
        "--format",
        "json",
        "-o",
        &out.to_string_lossy(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("JSON");
    let anns = v["annotations"].as_array().expect("annotations array");
    assert_eq!(anns.len(), 1);
    assert_eq!(anns[0]["paragraph"], "para_13");
    assert_eq!(anns[0]["color"], "green");
    assert_eq!(anns[0]["orphan"], false);
    assert!(
        anns[0]["note"]
            .as_str()
            .is_some_and(|n| n.contains("A/75/L.20"))
    );
    // A damaged annotation file is an error naming it.
    std::fs::write(&ann, "{ not json").expect("write");
    let o = qarar(&[
        "export",
        SEED,
        "--annotations",
        &ann.to_string_lossy(),
        "-o",
        &dir.join("x.json").to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("notes.jsonld"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_export_format_writes_a_file_that_starts_as_it_should() {
    let dir = scratch("formats");
    for (format, ext, start) in [
        ("html", "html", "<!doctype html>"),
        ("md", "md", "# "),
        ("akn", "xml", "<?xml"),
        ("json", "json", "{"),
        ("docx", "docx", "pk"),
        ("pdf", "pdf", "%pdf-"),
    ] {
        let out = dir.join(format!("seed.{ext}"));
        let o = qarar(&[
            "export",
            SEED,
            "--format",
            format,
            "-o",
            &out.to_string_lossy(),
        ]);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        let bytes = std::fs::read(&out).expect("written");
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            text.trim_start().to_lowercase().starts_with(start),
            "{format} starts with {start}"
        );
        // A .docx is a zip archive and PDF text is compressed glyph runs.
        if format != "docx" && format != "pdf" {
            assert!(
                text.contains("الإنترپول") || text.contains("INTERPOL"),
                "{format} has the text"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_format_is_offered_and_found_by_its_extension() {
    use qarar_export::Format;
    for ext in ["pdf", "html", "docx", "md", "json", "xml"] {
        let f = Format::from_path(Path::new(&format!("copy.{ext}")));
        assert!(f.is_some(), "{ext} is an export format");
        assert!(Format::all().contains(&f.expect("checked")));
    }
    assert_eq!(Format::from_path(Path::new("copy.PDF")), Some(Format::Pdf));
    assert_eq!(Format::from_path(Path::new("copy.txt")), None);
}

#[test]
fn export_says_so_when_the_data_directory_is_a_file() {
    let dir = scratch("data-file");
    let data = dir.join("data");
    std::fs::write(&data, "not a directory").expect("write");
    let out = dir.join("out.md");
    let o = Command::new(env!("CARGO_BIN_EXE_qarar"))
        .env("QARAR_DATA_DIR", &data)
        .args([
            "export",
            SEED,
            "--format",
            "md",
            "-o",
            &out.to_string_lossy(),
        ])
        .output()
        .expect("qarar runs");
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("stored annotations not read") && err.contains("data"),
        "the user is told: {err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
