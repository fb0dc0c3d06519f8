//! Linux: a `.deb` and a portable `.tar.gz` of the native release build.
//!
//! The `.deb` is laid out by hand and packed by `dpkg-deb` (no cargo-deb: the layout is a dozen
//! files, and Debian's triggers of desktop-file-utils, shared-mime-info and hicolor-icon-theme
//! update their caches, so it needs no maintainer scripts).

use crate::{Outcome, Result, copy, have, licences, mkdir, run, stage, strip, write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The AppStream id, also the desktop entry's name.
const APP_ID: &str = "org.qarar.Qarar";
/// Icon sizes installed under hicolor (assets/icons/qarar-N.png).
const ICON_SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

pub(crate) fn dist(root: &Path, dist: &Path) -> Result<Outcome> {
    if !cfg!(target_os = "linux") {
        return Ok(Outcome::Skipped("made on Linux only".into()));
    }
    run(Command::new(env!("CARGO")).current_dir(root).args([
        "build",
        "--release",
        "--package",
        "qarar",
        "--bin",
        "qarar",
    ]))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let built = target.join("release/qarar");
    let version = crate::VERSION;
    let mut made = Vec::new();

    // The .deb's tree.
    let deb = stage(dist, "deb")?;
    let bin = deb.join("usr/bin/qarar");
    copy(&built, &bin)?;
    let (before, after) = strip("strip", &bin)?;
    println!(
        "linux: qarar {} unstripped, {} stripped",
        crate::mb(before),
        crate::mb(after)
    );
    let share = deb.join("usr/share");
    let packaging = root.join("packaging/linux");
    copy(
        &packaging.join(format!("{APP_ID}.desktop")),
        &share.join(format!("applications/{APP_ID}.desktop")),
    )?;
    write(
        &share.join(format!("metainfo/{APP_ID}.metainfo.xml")),
        &metainfo(&packaging, version)?,
    )?;
    copy(
        &packaging.join("qarar-mime.xml"),
        &share.join("mime/packages/qarar.xml"),
    )?;
    let icons = root.join("assets/icons");
    for n in ICON_SIZES {
        copy(
            &icons.join(format!("qarar-{n}.png")),
            &share.join(format!("icons/hicolor/{n}x{n}/apps/qarar.png")),
        )?;
    }
    copy(
        &icons.join("qarar.svg"),
        &share.join("icons/hicolor/scalable/apps/qarar.svg"),
    )?;
    let doc = share.join("doc/qarar");
    for l in licences(root) {
        if let Some(name) = l.file_name() {
            copy(&l, &doc.join(name))?;
        }
    }
    write(&doc.join("copyright"), &copyright())?;
    let installed_kb = du_kb(&deb);
    mkdir(&deb.join("DEBIAN"))?;
    write(&deb.join("DEBIAN/control"), &control(version, installed_kb))?;
    if have("dpkg-deb") {
        let out = dist.join(format!("qarar_{version}_amd64.deb"));
        run(Command::new("dpkg-deb")
            .args(["--root-owner-group", "-Zxz", "--build"])
            .arg(&deb)
            .arg(&out))?;
        made.push(out);
    } else {
        println!("linux: .deb skipped: dpkg-deb not found");
    }

    // The portable tar.gz: the program, its desktop entry and icon, the licences.
    let name = format!("qarar-{version}-linux-x86_64");
    let tar = stage(dist, "tar")?.join(&name);
    copy(&bin, &tar.join("qarar"))?;
    copy(
        &packaging.join(format!("{APP_ID}.desktop")),
        &tar.join(format!("{APP_ID}.desktop")),
    )?;
    copy(&icons.join("qarar-256.png"), &tar.join("qarar.png"))?;
    for l in licences(root) {
        if let Some(n) = l.file_name() {
            copy(&l, &tar.join(n))?;
        }
    }
    let out = dist.join(format!("{name}.tar.gz"));
    run(Command::new("tar")
        .arg("-C")
        .arg(tar.parent().unwrap_or(dist))
        .args(["--owner=0", "--group=0", "-czf"])
        .arg(&out)
        .arg(&name))?;
    made.push(out);
    Ok(Outcome::Made(made))
}

/// The metainfo with this version and today's date filled in.
fn metainfo(packaging: &Path, version: &str) -> Result<String> {
    let p = packaging.join(format!("{APP_ID}.metainfo.xml"));
    let text =
        std::fs::read_to_string(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
    let date = Command::new("date")
        .arg("-u")
        .arg("+%Y-%m-%d")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| s.len() == 10)
        .unwrap_or_else(|| "2026-01-01".into());
    Ok(text.replace("@VERSION@", version).replace("@DATE@", &date))
}

/// Debian's control file. The libraries are the ones the window loads at run time (X11, xkb,
/// GL/EGL); the binary itself links only libc, libm and libgcc_s.
pub(crate) fn control(version: &str, installed_kb: u64) -> String {
    format!(
        "Package: qarar\n\
         Version: {version}\n\
         Section: text\n\
         Priority: optional\n\
         Architecture: amd64\n\
         Maintainer: Qarar contributors <qarar@users.noreply.invalid>\n\
         Installed-Size: {installed_kb}\n\
         Depends: libc6 (>= 2.34), libgcc-s1, libx11-6, libx11-xcb1, libxcursor1, libxi6, libxrandr2, libxkbcommon-x11-0, libgl1, libegl1\n\
         Recommends: xdg-desktop-portal\n\
         Description: reader for United Nations resolutions, Arabic first\n \
         Qarar reads UN resolutions in Akoma Ntoso XML, plain text, PDF and Word,\n \
         with Arabic shaped right to left, the clause outline, notes and highlights,\n \
         comparison of versions, and export to PDF, Word and HTML.\n"
    )
}

fn copyright() -> String {
    "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\
     Upstream-Name: qarar\n\n\
     Files: *\n\
     Copyright: The Qarar contributors\n\
     License: MIT or Apache-2.0\n \
     See /usr/share/doc/qarar/LICENSE-MIT and LICENSE-APACHE; the fonts built into the\n \
     program are under the SIL Open Font License (COPYRIGHT-fonts-*.txt beside this file).\n"
        .into()
}

/// Size of a tree in KiB (dpkg's Installed-Size).
fn du_kb(dir: &Path) -> u64 {
    fn walk(p: &Path) -> u64 {
        let Ok(entries) = std::fs::read_dir(p) else {
            return 0;
        };
        entries
            .flatten()
            .map(|e| match e.file_type() {
                Ok(t) if t.is_dir() => walk(&e.path()),
                _ => e.metadata().map(|m| m.len()).unwrap_or(0),
            })
            .sum()
    }
    walk(dir).div_ceil(1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_control_file_has_the_fields_dpkg_needs() {
        let c = control("1.2.3", 20_000);
        for field in [
            "Package: qarar\n",
            "Version: 1.2.3\n",
            "Architecture: amd64\n",
            "Installed-Size: 20000\n",
        ] {
            assert!(c.contains(field), "{field} missing in\n{c}");
        }
        // Continuation lines of the description start with a space; the file ends with a newline.
        assert!(c.ends_with(".\n"));
        assert!(
            c.lines()
                .skip_while(|l| !l.starts_with("Description"))
                .skip(1)
                .all(|l| l.starts_with(' '))
        );
    }
}
