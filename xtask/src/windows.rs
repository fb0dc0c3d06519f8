//! Windows x64: a portable zip and an NSIS installer of `qarar.exe`, cross-built with mingw-w64.
//!
//! The cross build has its own target folder (`target/windows`, or `$QARAR_WINDOWS_TARGET_DIR`)
//! so it never rebuilds or evicts the native one. The exe is stripped after linking (the
//! unstripped one is ~64 MB, nearly all of it symbols and DWARF of the standard library and the
//! dependencies; see the sizes printed).

use crate::{Outcome, Result, copy, have, licences, mb, run, stage, strip};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

pub(crate) const TARGET: &str = "x86_64-pc-windows-gnu";

/// Where the cross build goes.
pub(crate) fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("QARAR_WINDOWS_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/windows"))
}

pub(crate) fn dist(root: &Path, dist: &Path) -> Result<Outcome> {
    if !have("x86_64-w64-mingw32-gcc") {
        return Ok(Outcome::Skipped(
            "x86_64-w64-mingw32-gcc not found (Debian: apt-get install gcc-mingw-w64-x86-64)"
                .into(),
        ));
    }
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains(TARGET))
        .unwrap_or(true);
    if !installed {
        return Ok(Outcome::Skipped(format!(
            "the {TARGET} target is not installed (rustup target add {TARGET})"
        )));
    }
    let target = target_dir(root);
    run(Command::new(env!("CARGO"))
        .current_dir(root)
        .env("CARGO_TARGET_DIR", &target)
        .args([
            "build",
            "--release",
            "--package",
            "qarar",
            "--bin",
            "qarar",
            "--target",
            TARGET,
        ]))?;
    let built = target.join(TARGET).join("release/qarar.exe");
    let version = crate::VERSION;
    let name = format!("qarar-{version}-windows-x86_64");
    let stage = stage(dist, "windows")?;
    let exe = stage.join("qarar.exe");
    copy(&built, &exe)?;
    let (before, after) = strip("x86_64-w64-mingw32-strip", &exe)?;
    println!(
        "windows: qarar.exe {} unstripped, {} stripped",
        mb(before),
        mb(after)
    );
    copy(
        &root.join("assets/icons/qarar.ico"),
        &stage.join("qarar.ico"),
    )?;
    let mut files = vec![exe.clone()];
    for l in licences(root) {
        if let Some(n) = l.file_name() {
            let to = stage.join(n);
            copy(&l, &to)?;
            files.push(to);
        }
    }
    let mut made = Vec::new();
    let zip_path = dist.join(format!("{name}.zip"));
    zip_files(&zip_path, &name, &files)?;
    made.push(zip_path);

    if have("makensis") {
        let setup = dist.join(format!("{name}-installer.exe"));
        run(Command::new("makensis")
            .arg("-V2")
            .arg(format!("-DVERSION={version}"))
            .arg(format!("-DSTAGE={}", stage.display()))
            .arg(format!("-DOUTFILE={}", setup.display()))
            .arg(root.join("packaging/windows/qarar.nsi")))?;
        made.push(setup);
    } else {
        println!("windows: installer skipped: makensis not found (Debian: apt-get install nsis)");
    }
    Ok(Outcome::Made(made))
}

/// A zip of `files` in a folder `folder/` (what Explorer's "Extract all" makes).
fn zip_files(out: &Path, folder: &str, files: &[PathBuf]) -> Result<()> {
    let err = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", out.display());
    let file = std::fs::File::create(out).map_err(|e| err(&e))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    for f in files {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("file");
        let bytes = std::fs::read(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        zip.start_file(format!("{folder}/{name}"), options)
            .map_err(|e| err(&e))?;
        zip.write_all(&bytes).map_err(|e| err(&e))?;
    }
    zip.finish().map_err(|e| err(&e))?;
    Ok(())
}
