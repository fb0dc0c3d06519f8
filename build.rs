//! Build information for `qarar --version` and the About window, and (for Windows targets) the
//! icon and version resource linked into `qarar.exe`.
//!
//! - `QARAR_COMMIT`: the commit the program was built from (`git rev-parse --short=12 HEAD`), or the `QARAR_COMMIT` variable given to the
//!   build (a source tarball has no `.git`), or "unknown".
//! - `QARAR_TARGET`: the target triple (`x86_64-pc-windows-gnu`, …).
//! - Windows: `packaging/windows/qarar.rc` compiled by mingw's `windres` (or `$WINDRES`) and
//!   linked into the binaries; without `windres` the build goes on with a warning and the
//!   program has no icon in Explorer.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=QARAR_COMMIT");
    println!("cargo:rerun-if-env-changed=WINDRES");
    let target = std::env::var("TARGET").unwrap_or_else(|_| "unknown".into());
    println!("cargo:rustc-env=QARAR_TARGET={target}");
    println!("cargo:rustc-env=QARAR_COMMIT={}", commit());
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resource();
    }
}

/// The commit, from the variable or from git; re-run when HEAD or the branch it names moves.
fn commit() -> String {
    if let Ok(c) = std::env::var("QARAR_COMMIT")
        && !c.trim().is_empty()
    {
        return c.trim().to_string();
    }
    if let Some(p) = git(&["rev-parse", "--git-path", "HEAD"]) {
        println!("cargo:rerun-if-changed={p}");
    }
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"])
        && let Some(p) = git(&["rev-parse", "--git-path", &branch])
    {
        println!("cargo:rerun-if-changed={p}");
    }
    // Also `packed-refs`, where a branch's commit lives after `git gc`.
    if let Some(p) = git(&["rev-parse", "--git-common-dir"]) {
        let packed = Path::new(&p).join("packed-refs");
        // A path that does not exist would re-run this script on every build.
        if packed.exists() {
            println!("cargo:rerun-if-changed={}", packed.display());
        }
    }
    git(&["rev-parse", "--short=12", "HEAD"]).unwrap_or_else(|| "unknown".into())
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!s.is_empty()).then_some(s)
}

/// Compile the icon and version resource and link it into the binaries (not the tests).
fn windows_resource() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let rc = manifest.join("packaging/windows/qarar.rc");
    let icon = manifest.join("assets/icons/qarar.ico");
    println!("cargo:rerun-if-changed={}", rc.display());
    println!("cargo:rerun-if-changed={}", icon.display());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("qarar-res.o");
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| "x86_64-w64-mingw32-windres".into());
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let mut parts: Vec<u32> = version
        .split(['.', '-'])
        .take(3)
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    parts.resize(4, 0);
    let numeric = parts
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let status = Command::new(&windres)
        .arg(format!("--include-dir={}", dir(&icon).display()))
        .arg(format!("-DQARAR_VERSION_NUM={numeric}"))
        .arg(format!("-DQARAR_VERSION_STR=\\\"{version}\\\""))
        .arg("-O")
        .arg("coff")
        .arg("-i")
        .arg(&rc)
        .arg("-o")
        .arg(&out)
        .status();
    match status {
        Ok(s) if s.success() => println!("cargo:rustc-link-arg-bins={}", out.display()),
        Ok(s) => println!("cargo:warning=windres failed ({s}): qarar.exe has no icon"),
        Err(e) => println!("cargo:warning=cannot run {windres} ({e}): qarar.exe has no icon"),
    }
}

fn dir(p: &Path) -> &Path {
    p.parent().unwrap_or(Path::new("."))
}
