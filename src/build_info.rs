//! What this program is and was built from, for `qarar --version` and the About window:
//! version (Cargo.toml), commit and target triple (both from build.rs; the commit is "unknown"
//! when built outside git without `QARAR_COMMIT`).

/// The version from Cargo.toml ("0.1.0").
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The commit built from (12 hex digits), or "unknown".
pub const COMMIT: &str = env!("QARAR_COMMIT");
/// The target triple built for ("x86_64-pc-windows-gnu").
pub const TARGET: &str = env!("QARAR_TARGET");

/// `qarar --version`: three lines (clap puts "qarar " before the first).
pub const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\ncommit ",
    env!("QARAR_COMMIT"),
    "\ntarget ",
    env!("QARAR_TARGET")
);

/// The window's icon: 64×64 RGBA made from assets/icons/qarar.svg.
pub fn window_icon() -> eframe::egui::IconData {
    const SIZE: u32 = 64;
    eframe::egui::IconData {
        rgba: include_bytes!("../assets/icons/qarar-64.rgba").to_vec(),
        width: SIZE,
        height: SIZE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_names_the_commit_and_the_target() {
        assert!(LONG_VERSION.starts_with(VERSION));
        assert!(LONG_VERSION.contains(&format!("commit {COMMIT}")));
        assert!(TARGET.contains('-'), "{TARGET}");
        assert!(!COMMIT.is_empty());
    }

    #[test]
    fn the_window_icon_is_whole() {
        let icon = window_icon();
        assert_eq!(icon.rgba.len(), (icon.width * icon.height * 4) as usize);
    }
}
