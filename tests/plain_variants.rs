//! Held-out-style conversions of the corpus resolutions, made independently of Qarar:
//! Word "save as text" (`../shared/tools/text-variants`, run here with python3 when it is
//! there) and pdftotext of the PDF chromium prints from the tool's page.html (kept in
//! tests/fixtures/plain_pdf, Arabic and English). Each is read as its Akoma Ntoso XML:
//! the same preamble and operative ids, parts, annexes and footnote count.

use qarar::document::{akn, plain};
use std::path::{Path, PathBuf};

#[path = "common/plain_shape.rs"]
mod plain_shape;
use plain_shape::{first_difference, shape};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn xml_shape(name: &str) -> Option<plain_shape::Shape> {
    let path = shared().join("corpus/akn").join(format!("{name}.xml"));
    let text = std::fs::read_to_string(&path).ok()?;
    Some(shape(
        &akn::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}")),
    ))
}

/// pdftotext of chromium's PDF of text-variants' page.html, Arabic and English, including
/// the right-to-left scrambles of extraction (`- - 1تدعو`, `يلي( :أ)`, `،)⁴(2012`, lone
/// hamza lines, the lam-alef ligature written `ال`).
#[test]
fn pdftotext_of_printed_resolutions_reads_as_their_xml() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plain_pdf");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 6, "{names:?}");
    for file in names {
        let name = file.split('.').next().unwrap_or_default().to_string();
        let text = std::fs::read_to_string(dir.join(&file)).expect("fixture");
        let doc = plain::parse(&text);
        assert!(
            doc.diagnostics
                .iter()
                .any(|d| d.message.contains("joined") && d.message.contains("wrapped lines")),
            "{file}: a diagnostic names the repair"
        );
        let Some(want) = xml_shape(&name) else {
            eprintln!("skipping {file}: no corpus");
            continue;
        };
        let got = shape(&doc);
        assert!(got == want, "{file}: {}", first_difference(&got, &want));
    }
}

/// Files whose Word variant cannot match their XML because the variant tool leaves text
/// out (it writes only the paragraphs' own content): headings between paragraphs
/// (`para_9_text_1` …), tables, `<list>` items, numbers in a paragraph of their own, and
/// the section headings of 78/253.
const TOOL_LIMITED: [&str; 15] = [
    "75_239_A", "75_239_E", "75_251_A", "75_251_E", "76_7_F", "77_20_E", "77_264_A", "77_264_C",
    "77_264_E", "77_264_F", "77_264_R", "77_264_S", "78_253_E", "79_136_A", "79_136_E",
];

/// The Word shape of every corpus resolution (all six languages) gives its XML's ids. Made
/// with the variant tool when python3 and the tool are there, else skipped.
#[test]
fn word_variants_of_every_corpus_resolution_read_as_their_xml() {
    let tool = shared().join("tools/text-variants");
    let akn_dir = shared().join("corpus/akn");
    let Ok(entries) = std::fs::read_dir(&akn_dir) else {
        eprintln!("skipping: no corpus");
        return;
    };
    if !tool.is_file()
        || std::process::Command::new("python3")
            .arg("-V")
            .output()
            .is_err()
    {
        eprintln!("skipping: python3 or {} is absent", tool.display());
        return;
    }
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter_map(|n| n.strip_suffix(".xml").map(str::to_string))
        .collect();
    names.sort();
    let out = std::env::temp_dir().join(format!("qarar-plain-variants-{}", std::process::id()));
    let (mut same, mut differing) = (0, Vec::new());
    for name in &names {
        let dir = out.join(name);
        let made = std::process::Command::new("python3")
            .arg(&tool)
            .arg(akn_dir.join(format!("{name}.xml")))
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
        let Ok(text) = std::fs::read_to_string(dir.join("word.txt")).map_err(|_| made) else {
            differing.push(format!("{name}: the tool made no word.txt"));
            continue;
        };
        let Some(want) = xml_shape(name) else {
            continue;
        };
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
        "{same}/{} Word variants read as their XML; differing:",
        names.len()
    );
    for d in &differing {
        eprintln!("  {d}");
    }
    // Raise as the reader (or the tool) improves.
    assert!(same >= 22, "{same} of {} read as their XML", names.len());
    assert!(
        !differing.iter().any(|d| d.contains("REGRESSION")),
        "{differing:#?}"
    );
}
