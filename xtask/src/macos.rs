//! macOS: `Qarar.app`'s layout — `Contents/Info.plist` (document types, icon, version),
//! `Contents/Resources/qarar.icns`, `Contents/PkgInfo` — and, on a Mac, `Contents/MacOS/qarar`
//! from `cargo build --release`. Elsewhere the bundle is made without the binary (the layout
//! and plist are what is checked here; `cargo check --target x86_64-apple-darwin` checks the
//! code).

use crate::{Outcome, Result, copy, run, write};
use std::path::{Path, PathBuf};
use std::process::Command;

pub(crate) const BUNDLE_ID: &str = "org.qarar.Qarar";

pub(crate) fn dist(root: &Path, dist: &Path) -> Result<Outcome> {
    let app = dist.join("macos/Qarar.app");
    if app.exists() {
        std::fs::remove_dir_all(&app)
            .map_err(|e| format!("cannot empty {}: {e}", app.display()))?;
    }
    let contents = app.join("Contents");
    write(&contents.join("Info.plist"), &info_plist(crate::VERSION))?;
    write(&contents.join("PkgInfo"), "APPL????")?;
    copy(
        &root.join("assets/icons/qarar.icns"),
        &contents.join("Resources/qarar.icns"),
    )?;
    if cfg!(target_os = "macos") {
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
        copy(&target.join("release/qarar"), &contents.join("MacOS/qarar"))?;
    } else {
        println!("macos: Qarar.app made without its binary (build on a Mac to include it)");
    }
    Ok(Outcome::Made(vec![contents.join("Info.plist")]))
}

/// A document type the bundle opens: name, UTIs, extensions. Rank "Alternate": Qarar is offered
/// in "Open With" without becoming the default for these files.
struct DocType {
    name: &'static str,
    utis: &'static [&'static str],
    extensions: &'static [&'static str],
}

const DOC_TYPES: [DocType; 5] = [
    DocType {
        name: "Akoma Ntoso document",
        utis: &["org.oasis-open.akoma-ntoso"],
        extensions: &["akn"],
    },
    DocType {
        name: "XML document",
        utis: &["public.xml"],
        extensions: &["xml"],
    },
    DocType {
        name: "Plain text",
        utis: &["public.plain-text"],
        extensions: &["txt"],
    },
    DocType {
        name: "PDF document",
        utis: &["com.adobe.pdf"],
        extensions: &["pdf"],
    },
    DocType {
        name: "Word document",
        utis: &["org.openxmlformats.wordprocessingml.document"],
        extensions: &["docx"],
    },
];

/// The bundle's Info.plist (XML property list).
pub(crate) fn info_plist(version: &str) -> String {
    let mut docs = String::new();
    for d in &DOC_TYPES {
        docs.push_str("    <dict>\n");
        docs.push_str(&format!(
            "      <key>CFBundleTypeName</key><string>{}</string>\n",
            d.name
        ));
        docs.push_str("      <key>CFBundleTypeRole</key><string>Viewer</string>\n");
        docs.push_str("      <key>LSHandlerRank</key><string>Alternate</string>\n");
        docs.push_str("      <key>CFBundleTypeIconFile</key><string>qarar.icns</string>\n");
        docs.push_str(&format!(
            "      <key>LSItemContentTypes</key>{}\n",
            array(d.utis)
        ));
        docs.push_str(&format!(
            "      <key>CFBundleTypeExtensions</key>{}\n",
            array(d.extensions)
        ));
        docs.push_str("    </dict>\n");
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>CFBundleName</key><string>Qarar</string>
  <key>CFBundleDisplayName</key><string>Qarar</string>
  <key>CFBundleIdentifier</key><string>{BUNDLE_ID}</string>
  <key>CFBundleExecutable</key><string>qarar</string>
  <key>CFBundleIconFile</key><string>qarar.icns</string>
  <key>CFBundlePackageType</key><string>APPL</string>
  <key>CFBundleInfoDictionaryVersion</key><string>6.0</string>
  <key>CFBundleShortVersionString</key><string>{version}</string>
  <key>CFBundleVersion</key><string>{version}</string>
  <key>CFBundleDevelopmentRegion</key><string>en</string>
  <key>CFBundleLocalizations</key>{langs}
  <key>LSMinimumSystemVersion</key><string>10.13</string>
  <key>LSApplicationCategoryType</key><string>public.app-category.reference</string>
  <key>NSHighResolutionCapable</key><true/>
  <key>NSHumanReadableCopyright</key><string>MIT OR Apache-2.0</string>
  <key>CFBundleDocumentTypes</key>
  <array>
{docs}  </array>
  <key>UTImportedTypeDeclarations</key>
  <array>
    <dict>
      <key>UTTypeIdentifier</key><string>org.oasis-open.akoma-ntoso</string>
      <key>UTTypeDescription</key><string>Akoma Ntoso document</string>
      <key>UTTypeConformsTo</key>{akn_conforms}
      <key>UTTypeTagSpecification</key>
      <dict>
        <key>public.filename-extension</key>{akn_ext}
        <key>public.mime-type</key><string>application/akn+xml</string>
      </dict>
    </dict>
  </array>
</dict>
</plist>
"#,
        langs = array(&["en", "ar", "fr", "es", "ru", "zh"]),
        akn_conforms = array(&["public.xml"]),
        akn_ext = array(&["akn"]),
    )
}

fn array(items: &[&str]) -> String {
    let inner: String = items
        .iter()
        .map(|i| format!("<string>{i}</string>"))
        .collect();
    format!("<array>{inner}</array>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::Reader;
    use quick_xml::events::Event;

    /// The plist as (key, value text) pairs at every level, read by an XML parser.
    fn keys_and_strings(xml: &str) -> Vec<(String, String)> {
        let mut reader = Reader::from_str(xml);
        let mut out = Vec::new();
        let mut last_key = String::new();
        let mut in_key = false;
        let mut in_string = false;
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) if e.name().as_ref() == b"key" => in_key = true,
                Event::Start(e) if e.name().as_ref() == b"string" => in_string = true,
                Event::End(_) => {
                    in_key = false;
                    in_string = false;
                }
                Event::Text(t) if in_key => last_key = t.decode().expect("text").into_owned(),
                Event::Text(t) if in_string => {
                    out.push((last_key.clone(), t.decode().expect("text").into_owned()))
                }
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    #[test]
    fn the_info_plist_names_the_program_its_version_and_icon() {
        let plist = info_plist("1.2.3");
        let kv = keys_and_strings(&plist);
        let get = |k: &str| kv.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        assert_eq!(get("CFBundleExecutable"), Some("qarar"));
        assert_eq!(get("CFBundleIdentifier"), Some(BUNDLE_ID));
        assert_eq!(get("CFBundleShortVersionString"), Some("1.2.3"));
        assert_eq!(get("CFBundleIconFile"), Some("qarar.icns"));
        assert_eq!(get("CFBundlePackageType"), Some("APPL"));
    }

    #[test]
    fn the_info_plist_opens_the_five_kinds_of_file_without_taking_them() {
        let plist = info_plist("0.1.0");
        let kv = keys_and_strings(&plist);
        let extensions: Vec<&str> = kv
            .iter()
            .filter(|(k, _)| k == "CFBundleTypeExtensions")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(extensions, ["akn", "xml", "txt", "pdf", "docx"]);
        let ranks: Vec<&str> = kv
            .iter()
            .filter(|(k, _)| k == "LSHandlerRank")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(ranks, ["Alternate"; 5]);
        assert!(
            kv.iter()
                .any(|(k, v)| k == "UTTypeIdentifier" && v == "org.oasis-open.akoma-ntoso")
        );
    }
}
