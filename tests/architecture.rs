//! The layers stay one way (ARCHITECTURE.md): a lower layer never imports an upper one, only
//! `main.rs` uses the command line module, and no source file grows past 900 lines.

use std::path::{Path, PathBuf};

const LAYERS: [&str; 9] = [
    "util",
    "document",
    "compare",
    "text",
    "annotations",
    "export",
    "library",
    "ui",
    "cli",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read src").flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top module a source file belongs to (`src/document/akn.rs` → `document`).
fn layer_of(path: &Path) -> String {
    let rel = path.strip_prefix(src()).expect("under src");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

/// Code lines (comments dropped) of a file.
fn code(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("read source")
        .lines()
        .map(|l| l.split("//").next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn no_layer_imports_one_above_it() {
    let mut files = Vec::new();
    sources(&src(), &mut files);
    let mut checked = 0;
    for f in &files {
        let layer = layer_of(f);
        let Some(rank) = LAYERS.iter().position(|l| *l == layer) else {
            continue;
        };
        for (n, line) in code(f).iter().enumerate() {
            for upper in &LAYERS[rank + 1..] {
                assert!(
                    !line.contains(&format!("crate::{upper}::"))
                        && !line.contains(&format!("crate::{upper};"))
                        && !line.contains(&format!("crate::{upper}{{")),
                    "{}:{}: the {layer} layer uses {upper}: {line}",
                    f.display(),
                    n + 1
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 50, "only {checked} files checked");
}

#[test]
fn only_main_uses_the_command_line_module() {
    let mut files = Vec::new();
    sources(&src(), &mut files);
    for f in files {
        let name = f.strip_prefix(src()).expect("under src").to_path_buf();
        if name == Path::new("main.rs") || name == Path::new("cli.rs") {
            continue;
        }
        for (n, line) in code(&f).iter().enumerate() {
            assert!(
                !line.contains("crate::cli") && !line.contains("qarar::cli"),
                "{}:{}: uses cli: {line}",
                f.display(),
                n + 1
            );
        }
    }
}

#[test]
fn no_source_file_is_over_900_lines() {
    let mut files = Vec::new();
    sources(&src(), &mut files);
    for f in files {
        let lines = std::fs::read_to_string(&f).expect("read").lines().count();
        assert!(lines <= 900, "{} has {lines} lines", f.display());
    }
}
