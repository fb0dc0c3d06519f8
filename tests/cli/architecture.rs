//! What Cargo cannot check of the architecture (ARCHITECTURE.md): the window-free crates reach
//! no window toolkit through any dependency, only `main.rs` uses the command line module, every
//! source file says what it holds (a `//!` module doc) and none grows past 900 lines. That a
//! lower crate never uses a higher one Cargo itself enforces: it is not in its dependencies.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

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

/// Every source file of the reader (`src/`) and of the crates (`crates/*/src`).
fn all_sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    sources(&Path::new(ROOT).join("src"), &mut files);
    for c in std::fs::read_dir(Path::new(ROOT).join("crates"))
        .expect("crates")
        .flatten()
    {
        sources(&c.path().join("src"), &mut files);
    }
    files
}

/// Code lines (comments dropped) of a file.
fn code(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("read source")
        .lines()
        .map(|l| l.split("//").next().unwrap_or("").to_string())
        .collect()
}

/// The dependency graph of `Cargo.lock`: package name → names it depends on (normal, build
/// and dev alike, so a test-only path to a window toolkit counts too).
fn lock_graph() -> BTreeMap<String, Vec<String>> {
    let lock = std::fs::read_to_string(Path::new(ROOT).join("Cargo.lock")).expect("Cargo.lock");
    let mut graph = BTreeMap::new();
    for block in lock.split("[[package]]").skip(1) {
        let mut name = String::new();
        let mut deps = Vec::new();
        let mut in_deps = false;
        for line in block.lines() {
            let line = line.trim();
            if let Some(n) = line.strip_prefix("name = ") {
                name = n.trim_matches('"').to_string();
            } else if line.starts_with("dependencies = [") {
                in_deps = true;
            } else if in_deps && line.starts_with(']') {
                in_deps = false;
            } else if in_deps {
                let d = line.trim_matches(|c| c == '"' || c == ',');
                deps.push(d.split(' ').next().unwrap_or(d).to_string());
            }
        }
        graph.entry(name).or_insert_with(Vec::new).extend(deps);
    }
    graph
}

#[test]
fn window_free_crates_reach_no_window_toolkit() {
    let graph = lock_graph();
    let toolkit = |n: &str| {
        n == "eframe"
            || n == "rfd"
            || n == "qarar"
            || n.starts_with("egui")
            || n.starts_with("winit")
            || n.starts_with("accesskit")
    };
    let crates: Vec<&String> = graph.keys().filter(|k| k.starts_with("qarar-")).collect();
    assert!(crates.len() >= 7, "window-free crates: {crates:?}");
    for krate in crates {
        let mut seen = BTreeSet::new();
        let mut stack = vec![(krate.clone(), vec![krate.clone()])];
        while let Some((name, path)) = stack.pop() {
            assert!(
                !toolkit(&name),
                "{krate} reaches the window toolkit: {}",
                path.join(" → ")
            );
            if !seen.insert(name.clone()) {
                continue;
            }
            for d in graph.get(&name).into_iter().flatten() {
                let mut p = path.clone();
                p.push(d.clone());
                stack.push((d.clone(), p));
            }
        }
    }
}

#[test]
fn only_main_uses_the_command_line_module() {
    for f in all_sources() {
        let name = f.strip_prefix(ROOT).expect("under the root").to_path_buf();
        if name == Path::new("src/main.rs") || name == Path::new("src/cli.rs") {
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
fn every_source_file_says_what_it_holds() {
    let files = all_sources();
    assert!(files.len() > 100, "only {} files found", files.len());
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read");
        assert!(
            text.trim_start().starts_with("//!"),
            "{} has no module doc (//!) at its top",
            f.display()
        );
    }
}

#[test]
fn no_source_file_is_over_900_lines() {
    for f in all_sources() {
        let lines = std::fs::read_to_string(&f).expect("read").lines().count();
        assert!(lines <= 900, "{} has {lines} lines", f.display());
    }
}
