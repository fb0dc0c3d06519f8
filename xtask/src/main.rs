//! `cargo xtask dist`: Qarar's release files, made from a Linux machine into `target/dist/`.
//!
//! - Linux: `qarar_VERSION_amd64.deb` (desktop entry, hicolor icons, AppStream metainfo, the
//!   `.akn` MIME type) and `qarar-VERSION-linux-x86_64.tar.gz`, from `cargo build --release`.
//! - Windows: `qarar-VERSION-windows-x86_64.zip` (portable) and
//!   `qarar-VERSION-windows-x86_64-installer.exe` (NSIS, per user), cross-built for
//!   `x86_64-pc-windows-gnu` with mingw-w64 in a target folder of its own (`target/windows`, or
//!   `$QARAR_WINDOWS_TARGET_DIR`), so the native build is not disturbed.
//! - macOS: `Qarar.app`'s layout and `Info.plist` (document types, icon); the binary goes in
//!   when the command runs on a Mac.
//!
//! Only std, the workspace's `zip`, and Debian's tools: `dpkg-deb`, `tar`, `strip`,
//! `x86_64-w64-mingw32-strip` and `makensis` (each part says what it is missing, and is skipped).
//! `cargo xtask dist linux|windows|macos` makes one part only.

mod linux;
mod macos;
mod windows;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Version of the workspace (all crates share it).
pub(crate) const VERSION: &str = env!("CARGO_PKG_VERSION");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parts: Vec<&str> = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["dist"] => vec!["linux", "windows", "macos"],
        ["dist", ref rest @ ..]
            if rest
                .iter()
                .all(|p| ["linux", "windows", "macos"].contains(p)) =>
        {
            rest.to_vec()
        }
        _ => {
            eprintln!("usage: cargo xtask dist [linux] [windows] [macos]");
            return ExitCode::FAILURE;
        }
    };
    let root = root();
    let dist = root.join("target/dist");
    if let Err(e) = std::fs::create_dir_all(&dist) {
        eprintln!("xtask: cannot make {}: {e}", dist.display());
        return ExitCode::FAILURE;
    }
    let mut failed = false;
    for part in parts {
        let result = match part {
            "linux" => linux::dist(&root, &dist),
            "windows" => windows::dist(&root, &dist),
            _ => macos::dist(&root, &dist),
        };
        match result {
            Ok(Outcome::Made(files)) => {
                for f in files {
                    let size = std::fs::metadata(&f).map(|m| m.len()).unwrap_or(0);
                    println!("{part}: {} ({})", f.display(), mb(size));
                }
            }
            Ok(Outcome::Skipped(why)) => println!("{part}: skipped: {why}"),
            Err(e) => {
                eprintln!("{part}: failed: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// What a part made, or why it made nothing (a missing tool or target is not an error).
pub(crate) enum Outcome {
    Made(Vec<PathBuf>),
    Skipped(String),
}

pub(crate) type Result<T> = std::result::Result<T, String>;

/// The workspace root (xtask/..).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

pub(crate) fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// Run a command; its failure is an error naming it.
pub(crate) fn run(cmd: &mut Command) -> Result<()> {
    let shown = format!("{cmd:?}");
    match cmd.status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("{shown}: {s}")),
        Err(e) => Err(format!("{shown}: {e}")),
    }
}

/// Whether a program can be run (found on PATH).
pub(crate) fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty() || !o.stdout.is_empty())
}

pub(crate) fn copy(from: &Path, to: &Path) -> Result<()> {
    if let Some(dir) = to.parent() {
        mkdir(dir)?;
    }
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

pub(crate) fn write(to: &Path, text: &str) -> Result<()> {
    if let Some(dir) = to.parent() {
        mkdir(dir)?;
    }
    std::fs::write(to, text).map_err(|e| format!("cannot write {}: {e}", to.display()))
}

pub(crate) fn mkdir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))
}

/// A fresh staging folder under `target/dist/.stage/NAME`.
pub(crate) fn stage(dist: &Path, name: &str) -> Result<PathBuf> {
    let dir = dist.join(".stage").join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .map_err(|e| format!("cannot empty {}: {e}", dir.display()))?;
    }
    mkdir(&dir)?;
    Ok(dir)
}

/// The licences that travel with the program: its own and the fonts' (built into it).
pub(crate) fn licences(root: &Path) -> Vec<PathBuf> {
    let mut files = vec![root.join("LICENSE-MIT"), root.join("LICENSE-APACHE")];
    if let Ok(dir) = std::fs::read_dir(root.join("fonts")) {
        let mut fonts: Vec<PathBuf> = dir
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        fonts.sort();
        files.extend(fonts);
    }
    files
}

/// The size of a built binary, and what `strip` leaves of it.
pub(crate) fn strip(tool: &str, binary: &Path) -> Result<(u64, u64)> {
    let before = size(binary);
    if !have(tool) {
        println!(
            "note: {tool} not found: {} left unstripped",
            binary.display()
        );
        return Ok((before, before));
    }
    run(Command::new(tool).arg("--strip-all").arg(binary))?;
    Ok((before, size(binary)))
}

pub(crate) fn size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}
