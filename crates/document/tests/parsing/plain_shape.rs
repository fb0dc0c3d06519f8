//! What the plain-text tests share: the ids a reader navigates by (preamble, operative,
//! parts, annexes, footnote count) and text hard-wrapped as from a PDF.

#![allow(dead_code)]

use qarar_document::model::{Document, Paragraph};

fn ids(ps: &[Paragraph], out: &mut Vec<String>) {
    for p in ps {
        out.push(p.id.clone());
        ids(&p.children, out);
    }
}

/// The ids of paragraphs and all their descendants, in reading order.
pub(crate) fn all(ps: &[Paragraph]) -> Vec<String> {
    let mut out = Vec::new();
    ids(ps, &mut out);
    out
}

/// Everything a reader navigates by: preamble and operative ids, parts (letter, preamble,
/// operative), annexes (id, paragraph ids), the footnote count.
#[derive(Debug, PartialEq)]
pub(crate) struct Shape {
    pub preamble: Vec<String>,
    pub operative: Vec<String>,
    pub parts: Vec<(String, Vec<String>, Vec<String>)>,
    pub annexes: Vec<(String, Vec<String>)>,
    pub footnotes: usize,
}

pub(crate) fn shape(doc: &Document) -> Shape {
    Shape {
        preamble: all(&doc.preamble),
        operative: all(&doc.operative),
        parts: doc
            .parts
            .iter()
            .map(|p| (p.letter.clone(), all(&p.preamble), all(&p.operative)))
            .collect(),
        annexes: doc
            .annexes
            .iter()
            .map(|a| (a.id.clone(), all(&a.paragraphs)))
            .collect(),
        footnotes: doc.footnotes.len(),
    }
}

/// The first difference between two shapes, for messages.
pub(crate) fn first_difference(got: &Shape, want: &Shape) -> String {
    let first = |a: &[String], b: &[String]| {
        (0..a.len().max(b.len()))
            .find(|&i| a.get(i) != b.get(i))
            .map(|i| format!("got {:?}, want {:?}", a.get(i), b.get(i)))
    };
    if let Some(d) = first(&got.preamble, &want.preamble) {
        return format!(
            "preamble {}/{}: {d}",
            got.preamble.len(),
            want.preamble.len()
        );
    }
    if let Some(d) = first(&got.operative, &want.operative) {
        return format!(
            "operative {}/{}: {d}",
            got.operative.len(),
            want.operative.len()
        );
    }
    if got.parts != want.parts {
        return format!("parts {}/{}", got.parts.len(), want.parts.len());
    }
    if got.annexes != want.annexes {
        return format!("annexes {}/{}", got.annexes.len(), want.annexes.len());
    }
    format!("footnotes {}/{}", got.footnotes, want.footnotes)
}

/// Every line hard-wrapped at `width` characters (at spaces), as from a PDF.
pub(crate) fn wrapped(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut current = String::new();
        for word in line.split_whitespace() {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
                out.push_str(&current);
                out.push('\n');
                current.clear();
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push_str(&current);
        out.push('\n');
    }
    out
}

/// `../shared`, beside the checkout (as in CI).
pub(crate) fn shared() -> std::path::PathBuf {
    std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("../shared")
}

/// The names (`75_10_A` …) of the corpus's Akoma Ntoso files, sorted; `None` without it.
pub(crate) fn corpus_names() -> Option<Vec<String>> {
    let entries = std::fs::read_dir(shared().join("corpus/akn")).ok()?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter_map(|n| n.strip_suffix(".xml").map(str::to_string))
        .collect();
    names.sort();
    Some(names)
}

/// The shape of corpus file `name` as read from its Akoma Ntoso XML.
pub(crate) fn xml_shape(name: &str) -> Option<Shape> {
    let path = shared().join("corpus/akn").join(format!("{name}.xml"));
    let text = std::fs::read_to_string(&path).ok()?;
    let doc = qarar_document::akn::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    Some(shape(&doc))
}

/// Corpus files the variant tool (`../shared/tools/text-variants`) cannot write whole: it
/// keeps only the paragraphs' own content, leaving out headings between paragraphs
/// (`para_9_text_1` …), tables, `<list>` items, numbers in a paragraph of their own and the
/// section headings of 78/253, so no reading of its text can give their XML's ids.
pub(crate) const TOOL_LIMITED: [&str; 15] = [
    "75_239_A", "75_239_E", "75_251_A", "75_251_E", "76_7_F", "77_20_E", "77_264_A", "77_264_C",
    "77_264_E", "77_264_F", "77_264_R", "77_264_S", "78_253_E", "79_136_A", "79_136_E",
];

/// Each corpus resolution converted by `convert` (its text, or why there is none) is read
/// as plain text and compared with its XML. Prints the tally and the differences, then
/// asserts that at least `floor` read as their XML and that every other one is
/// [`TOOL_LIMITED`].
pub(crate) fn check_variants(
    what: &str,
    names: &[String],
    floor: usize,
    mut convert: impl FnMut(&str) -> Result<String, String>,
) {
    let (mut same, mut differing) = (0, Vec::new());
    for name in names {
        let text = match convert(name) {
            Ok(text) => text,
            Err(why) => {
                differing.push(format!("{name}: {why}"));
                continue;
            }
        };
        let Some(want) = xml_shape(name) else {
            continue;
        };
        let got = shape(&qarar_document::plain::parse(&text));
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
    eprintln!(
        "{same}/{} {what} read as their XML; differing:",
        names.len()
    );
    for d in &differing {
        eprintln!("  {d}");
    }
    // Raise as the reader (or the tool) improves.
    assert!(same >= floor, "{same} of {} read as their XML", names.len());
    assert!(
        !differing.iter().any(|d| d.contains("REGRESSION")),
        "{differing:#?}"
    );
}
