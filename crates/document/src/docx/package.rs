//! The zip package of a .docx: its parts read with a cap on their uncompressed size (a zip
//! bomb stops at the cap), the main document found through the package relationships, and
//! a clear sentence for a zip that is not a Word document (OpenDocument, Excel, PowerPoint,
//! any other archive).

use super::xml::{Step, attr, local, walk};
use crate::load::Unreadable;
use std::io::{Cursor, Read};
use zip::ZipArchive;
use zip::result::ZipError;

/// The most uncompressed bytes read from one part (64 MiB): a resolution's document.xml is
/// a few hundred kilobytes.
pub(super) const MAX_PART_SIZE: u64 = 64 * 1024 * 1024;

/// An opened .docx package.
pub(super) struct Package<'b> {
    zip: ZipArchive<Cursor<&'b [u8]>>,
}

/// The parts the reader uses, as text (absent parts are empty).
pub(super) struct Parts {
    pub(super) document: String,
    pub(super) footnotes: String,
    pub(super) numbering: String,
    pub(super) styles: String,
}

impl<'b> Package<'b> {
    pub(super) fn open(bytes: &'b [u8]) -> Result<Self, Unreadable> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| Unreadable::DamagedZip { detail: reason(&e) })?;
        Ok(Package { zip })
    }

    /// The main document and the parts it refers to. `Err` when this is not a Word file.
    pub(super) fn parts(&mut self) -> Result<Parts, Unreadable> {
        let main = self
            .relationship("_rels/.rels", "/officeDocument")?
            .map(|t| resolve("", &t))
            .filter(|name| self.zip.index_for_name(name).is_some())
            .unwrap_or_else(|| "word/document.xml".to_string());
        let Some(document) = self.part(&main)? else {
            return Err(self.not_word());
        };
        let (dir, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
        let rels = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let mut related = |kind: &str, default: &str| -> Result<String, Unreadable> {
            let name = self
                .relationship(&rels, kind)?
                .map(|t| resolve(dir, &t))
                .unwrap_or_else(|| format!("{dir}/{default}"));
            Ok(self.part(&name)?.unwrap_or_default())
        };
        Ok(Parts {
            footnotes: related("/footnotes", "footnotes.xml")?,
            numbering: related("/numbering", "numbering.xml")?,
            styles: related("/styles", "styles.xml")?,
            document,
        })
    }

    /// A part as text, `None` when the package has no such part.
    fn part(&mut self, name: &str) -> Result<Option<String>, Unreadable> {
        let mut file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(part_error(name, &e)),
        };
        if file.encrypted() {
            return Err(Unreadable::WordPasswordProtected);
        }
        if file.size() > MAX_PART_SIZE {
            return Err(too_large(name, file.size()));
        }
        let mut bytes = Vec::new();
        (&mut file)
            .take(MAX_PART_SIZE + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Unreadable::DamagedPart {
                part: name.to_string(),
                unpacked: true,
                detail: e.to_string(),
            })?;
        if bytes.len() as u64 > MAX_PART_SIZE {
            return Err(too_large(name, bytes.len() as u64));
        }
        Ok(Some(match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        }))
    }

    /// The target of the first relationship in `rels` whose type ends with `kind`.
    fn relationship(&mut self, rels: &str, kind: &str) -> Result<Option<String>, Unreadable> {
        let Some(xml) = self.part(rels)? else {
            return Ok(None);
        };
        let mut found = None;
        // A damaged relationships part is not fatal: the usual names are tried instead.
        let _ = walk(&xml, |step| {
            if let Step::Start(e) = step
                && found.is_none()
                && local(e) == b"Relationship"
                && attr(e, b"Type").is_some_and(|t| t.ends_with(kind))
                && attr(e, b"TargetMode").is_none_or(|m| m != "External")
            {
                found = attr(e, b"Target");
            }
        });
        Ok(found)
    }

    /// Why a zip without a Word document is refused, naming what it is when that is known.
    fn not_word(&mut self) -> Unreadable {
        let mimetype = self.part("mimetype").ok().flatten().unwrap_or_default();
        let names: Vec<&str> = self.zip.file_names().take(10_000).collect();
        let has = |prefix: &str| names.iter().any(|n| n.starts_with(prefix));
        if mimetype.starts_with("application/vnd.oasis.opendocument") {
            Unreadable::OpenDocument {
                text: mimetype.contains("text"),
            }
        } else if has("xl/") {
            Unreadable::Excel
        } else if has("ppt/") {
            Unreadable::PowerPoint
        } else {
            Unreadable::ZipNotWord
        }
    }
}

/// A relationship target resolved against the folder of its source part.
fn resolve(dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None if dir.is_empty() => target.to_string(),
        None => format!("{dir}/{target}"),
    };
    let mut out: Vec<&str> = Vec::new();
    for piece in joined.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            p => out.push(p),
        }
    }
    out.join("/")
}

fn too_large(name: &str, size: u64) -> Unreadable {
    Unreadable::PartTooLarge {
        part: name.to_string(),
        size,
        limit: MAX_PART_SIZE,
    }
}

fn part_error(name: &str, e: &ZipError) -> Unreadable {
    match e {
        ZipError::UnsupportedArchive(what) if what.contains("assword") => {
            Unreadable::WordPasswordProtected
        }
        _ => Unreadable::DamagedPart {
            part: name.to_string(),
            unpacked: false,
            detail: reason(e),
        },
    }
}

/// A zip error as a person would read it.
fn reason(e: &ZipError) -> String {
    match e {
        ZipError::Io(io) => crate::load::io_reason(io),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn targets_resolve_against_their_folder() {
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("", "/word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word", "footnotes.xml"), "word/footnotes.xml");
        assert_eq!(resolve("word", "../custom/notes.xml"), "custom/notes.xml");
    }
}
