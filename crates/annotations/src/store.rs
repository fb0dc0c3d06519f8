//! Annotation files in the user's data directory: one W3C `AnnotationPage` per document.
//!
//! Layout of the store directory (`<data dir>/annotations`, or `$QARAR_DATA_DIR/annotations`,
//! or the directory given to [`Store::open`]), for a document whose
//! [`storage_key`](DocumentIdentity::storage_key) is `KEY`:
//!
//! | file | what |
//! |---|---|
//! | `KEY.jsonld` | the annotations (an `AnnotationPage`, see [`super::w3c`]) |
//! | `KEY.jsonld.bak` | the version before the last save |
//! | `KEY.lock` | advisory lock serialising loads and saves across threads and processes |
//! | `KEY.damaged-<UTC time>.jsonld` | a copy of a file that could not be read (the file itself is then replaced by the backup in one rename), never overwritten |
//! | `.KEY.jsonld.*.tmp` | a save in progress (removed by the next save if a writer died) |
//!
//! Every [`Store::save`] takes the lock, reads what is on disk, merges (by id, the latest
//! edit wins: an annotation's `modified` against a tombstone's `deleted` time, so an undone
//! deletion — a new edit — brings it back and a deletion newer than every edit removes it),
//! and, when something
//! changed, writes atomically ([`qarar_util::atomic`]): the old content to `.bak`, then the
//! new one, each to a uniquely named temporary file in the same directory, fsynced, renamed
//! over the old one, and the directory fsynced. When `save` returns `Ok`, the annotations are on disk.
//! A crash at any moment leaves either the old or the new file, both valid.

use super::identity::DocumentIdentity;
use super::model::{Annotation, compare_times};
use super::w3c::{self, Tombstone, W3cError};
use qarar_util::atomic::{self, AtomicError, sync_dir};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::ffi::OsString;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// Environment variable that overrides the data directory (annotations go to
/// `$QARAR_DATA_DIR/annotations`).
pub const DATA_DIR_ENV: &str = "QARAR_DATA_DIR";
/// Extension of annotation files.
pub(crate) const EXTENSION: &str = "jsonld";

/// The annotation store: a directory of per-document annotation files.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// What [`Store::load`] (and [`Store::save`], which returns the merged state) found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// The document's annotations, in file order (new ones last).
    pub annotations: Vec<Annotation>,
    /// Deleted annotation ids (kept so that no window brings them back).
    pub deleted: Vec<Tombstone>,
    /// Things the user should be told (a damaged file was set aside).
    pub warnings: Vec<StoreWarning>,
    /// Deletions listed in an imported file, not applied (import never deletes).
    pub(crate) ignored_deletions: usize,
}

/// Something the user should be told; nothing was lost by it, but a file was set aside or
/// restored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreWarning {
    #[error(
        "the annotation file {} could not be read ({reason}); it was kept as {}{}",
        file.display(),
        moved_to.display(),
        if *restored_from_backup { " and the previous version was restored from the backup" } else { "; no usable backup was found" }
    )]
    DamagedFileSetAside {
        file: PathBuf,
        moved_to: PathBuf,
        reason: String,
        restored_from_backup: bool,
    },
    #[error(
        "the annotation file {} was missing (an earlier recovery was interrupted); it was restored from the backup",
        file.display()
    )]
    MissingFileRestored { file: PathBuf },
    #[error(
        "the annotation file {} held {count} annotations twice under one id; the latest edit of each was kept",
        file.display()
    )]
    DuplicateIdsMerged { file: PathBuf, count: usize },
}

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("no data directory could be found for this user (set {DATA_DIR_ENV})")]
    NoDataDirectory,
    #[error("{}: {source}", path.display())]
    Import { path: PathBuf, source: W3cError },
    #[error(transparent)]
    Write(#[from] AtomicError),
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The annotation directory for a given `QARAR_DATA_DIR` value (empty = unset), else the
/// platform data directory (`ProjectDirs::from("org", "Qarar", "Qarar")`).
pub fn default_dir(env_value: Option<OsString>) -> Option<PathBuf> {
    if let Some(v) = env_value.filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(v).join("annotations"));
    }
    directories::ProjectDirs::from("org", "Qarar", "Qarar")
        .map(|d| d.data_dir().join("annotations"))
}

impl Store {
    /// The store in `$QARAR_DATA_DIR/annotations` if set, else in the user's data directory
    /// (e.g. `~/.local/share/qarar/annotations`). Creates the directory.
    pub fn open_default() -> Result<Store, StoreError> {
        let dir = default_dir(std::env::var_os(DATA_DIR_ENV)).ok_or(StoreError::NoDataDirectory)?;
        Store::open(dir)
    }

    /// The store in `dir` (created if missing).
    pub fn open(dir: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let dir = dir.into();
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        Ok(Store { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The annotation file of a document.
    pub fn path_for(&self, identity: &DocumentIdentity) -> PathBuf {
        self.dir
            .join(format!("{}.{EXTENSION}", identity.storage_key()))
    }

    /// The backup (previous version) of a document's annotation file.
    pub fn backup_path_for(&self, identity: &DocumentIdentity) -> PathBuf {
        self.dir
            .join(format!("{}.{EXTENSION}.bak", identity.storage_key()))
    }

    /// The document's annotations. A damaged file is set aside (and the backup restored when
    /// it is valid), with a warning; a missing file is no annotations.
    ///
    /// Reading takes no lock and creates no file when nothing needs recovering (saves
    /// replace the file by one atomic rename, so a reader sees either version whole); a
    /// read-only export leaves nothing behind.
    pub fn load(&self, identity: &DocumentIdentity) -> Result<Loaded, StoreError> {
        let path = self.path_for(identity);
        let sound = match read_limited(&path) {
            Ok(bytes) => w3c::parse_bytes(&bytes).ok(),
            // No file and no backup: no annotations, nothing to restore.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                (!self.backup_path_for(identity).exists()).then(w3c::Parsed::default)
            }
            Err(e) => return Err(io_err(&path)(e)),
        };
        if let Some(page) = sound {
            let mut warnings = Vec::new();
            let (annotations, deleted) = unique(page, &path, &mut warnings);
            return Ok(Loaded {
                annotations,
                deleted,
                warnings,
                ignored_deletions: 0,
            });
        }
        // Something to recover: under the lock, as a save does.
        let _lock = self.lock(identity)?;
        let mut warnings = Vec::new();
        let disk = self.read_current(identity, &mut warnings)?;
        Ok(Loaded {
            annotations: disk.annotations,
            deleted: disk.deleted,
            warnings,
            ignored_deletions: 0,
        })
    }

    /// Merge `annotations` and the deletions `deleted` (each with the time it was made) with
    /// what is on disk and write the result atomically. `annotations` may be all of the
    /// window's annotations or only the changed ones. Returns the merged state (what other
    /// windows added included): adopt it.
    pub fn save(
        &self,
        identity: &DocumentIdentity,
        annotations: &[Annotation],
        deleted: &[Tombstone],
    ) -> Result<Loaded, StoreError> {
        self.merge_and_write(identity, annotations, deleted)
    }

    /// Import an annotation file (any shape [`w3c::parse_str`] reads) into the document's
    /// annotations, merging by id. Annotations apply to this document whatever their source.
    /// Import never deletes: the file's deletions are counted in
    /// [`Loaded::ignored_deletions`], not applied.
    pub fn import(&self, identity: &DocumentIdentity, file: &Path) -> Result<Loaded, StoreError> {
        let bytes = read_limited(file).map_err(io_err(file))?;
        let parsed = w3c::parse_bytes(&bytes).map_err(|source| StoreError::Import {
            path: file.to_path_buf(),
            source,
        })?;
        let mut loaded = self.merge_and_write(identity, &parsed.annotations, &[])?;
        loaded.ignored_deletions = parsed.deleted.len();
        Ok(loaded)
    }

    /// Write the document's annotations (no tombstones) to `file` as an `AnnotationPage`,
    /// atomically. Returns how many were written.
    pub fn export(&self, identity: &DocumentIdentity, file: &Path) -> Result<usize, StoreError> {
        let loaded = self.load(identity)?;
        let text = w3c::to_page_string(identity, &loaded.annotations, &[]);
        write_atomically(file, text.as_bytes(), None)?;
        Ok(loaded.annotations.len())
    }

    fn merge_and_write(
        &self,
        identity: &DocumentIdentity,
        annotations: &[Annotation],
        tombstones: &[Tombstone],
    ) -> Result<Loaded, StoreError> {
        let _lock = self.lock(identity)?;
        let path = self.path_for(identity);
        self.remove_stale_temporaries(identity);
        let mut warnings = Vec::new();
        let disk = self.read_current(identity, &mut warnings)?;
        let (merged, deleted) = merge(&disk.annotations, &disk.deleted, annotations, tombstones);
        let text = w3c::to_page_string(identity, &merged, &deleted);
        if disk.bytes.as_deref() != Some(text.as_bytes()) {
            write_atomically(
                &path,
                text.as_bytes(),
                disk.bytes
                    .as_ref()
                    .map(|b| (self.backup_path_for(identity), b.as_slice())),
            )?;
        }
        Ok(Loaded {
            annotations: merged,
            deleted,
            warnings,
            ignored_deletions: 0,
        })
    }

    /// Take the document's advisory lock (blocking); released when the file is dropped.
    fn lock(&self, identity: &DocumentIdentity) -> Result<File, StoreError> {
        let path = self.dir.join(format!("{}.lock", identity.storage_key()));
        let file = File::options()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(io_err(&path))?;
        file.lock().map_err(io_err(&path))?;
        Ok(file)
    }

    /// Remove temporary files left by a writer that died (we hold the lock: no one else is
    /// writing them).
    fn remove_stale_temporaries(&self, identity: &DocumentIdentity) {
        let key = identity.storage_key();
        // The file's and its backup's temporaries, and those of a damaged file's copy set
        // aside by a recovery that was killed.
        let prefixes = [format!(".{key}.{EXTENSION}."), format!(".{key}.damaged-")];
        if let Ok(entries) = fs::read_dir(&self.dir) {
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if prefixes.iter().any(|p| name.starts_with(p.as_str())) && name.contains(".tmp") {
                    let _ = fs::remove_file(entry.path());
                }
            }
        }
    }

    /// Read the current file. A damaged one is copied aside, then replaced by the backup
    /// when that is valid (else removed); a missing one with a valid backup is restored from
    /// it. Crash-safe at every instant: the file is replaced by one atomic rename, never
    /// moved away first, so a kill in between leaves the damaged file to be recovered again
    /// by the next start while the good backup stays untouched.
    fn read_current(
        &self,
        identity: &DocumentIdentity,
        warnings: &mut Vec<StoreWarning>,
    ) -> Result<OnDisk, StoreError> {
        let path = self.path_for(identity);
        let bytes = match read_limited(&path) {
            Ok(b) => Some(b),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(io_err(&path)(e)),
        };
        let damaged = match bytes {
            None => None,
            Some(bytes) => match w3c::parse_bytes(&bytes) {
                Ok(p) => {
                    let (annotations, deleted) = unique(p, &path, warnings);
                    return Ok(OnDisk {
                        annotations,
                        deleted,
                        bytes: Some(bytes),
                    });
                }
                Err(e) => Some((bytes, e.to_string())),
            },
        };
        let backup = read_limited(&self.backup_path_for(identity))
            .ok()
            .and_then(|b| w3c::parse_bytes(&b).ok().map(|p| (b, p)));
        let Some((bytes, reason)) = damaged else {
            // No file. Saves never remove it, so a valid backup means a recovery (of an
            // older version) was interrupted: the backup is the document's annotations.
            let Some((b, p)) = backup else {
                return Ok(OnDisk::default());
            };
            atomic::write(&path, &b, true)?;
            let (annotations, deleted) = unique(p, &path, warnings);
            warnings.push(StoreWarning::MissingFileRestored { file: path });
            return Ok(OnDisk {
                annotations,
                deleted,
                bytes: Some(b),
            });
        };
        // Damaged: keep a copy under a new name (never overwritten), then replace the file.
        let moved_to = self.set_aside(identity, &bytes)?;
        let disk = match backup {
            Some((b, p)) => {
                atomic::write(&path, &b, true)?;
                let (annotations, deleted) = unique(p, &path, warnings);
                OnDisk {
                    annotations,
                    deleted,
                    bytes: Some(b),
                }
            }
            None => {
                // Nothing good to put in its place; its copy is kept.
                fs::remove_file(&path).map_err(io_err(&path))?;
                sync_dir(&self.dir);
                OnDisk::default()
            }
        };
        warnings.push(StoreWarning::DamagedFileSetAside {
            file: path,
            moved_to,
            reason,
            restored_from_backup: disk.bytes.is_some(),
        });
        Ok(disk)
    }

    /// Copy a damaged file's bytes to a new `KEY.damaged-*.jsonld` (never replacing one).
    fn set_aside(&self, identity: &DocumentIdentity, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        loop {
            let name = self.damaged_name(identity);
            match atomic::write(&name, bytes, false) {
                Ok(()) => return Ok(name),
                // Taken meanwhile (another process of another store lock?): the next name.
                Err(AtomicError::Exists { .. }) => continue,
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// `KEY.damaged-20250102T030405Z.jsonld` (with `-2`, `-3`… if taken).
    fn damaged_name(&self, identity: &DocumentIdentity) -> PathBuf {
        let t = time::OffsetDateTime::now_utc();
        let stamp = format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        );
        let key = identity.storage_key();
        let mut n = 1;
        loop {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let p = self
                .dir
                .join(format!("{key}.damaged-{stamp}{suffix}.{EXTENSION}"));
            if !p.exists() {
                return p;
            }
            n += 1;
        }
    }
}

/// Read an annotation file: a regular file no larger than a document may be
/// ([`qarar_document::MAX_FILE_SIZE`]); anything else is refused, never waited on.
pub fn read_limited(path: &Path) -> io::Result<Vec<u8>> {
    qarar_util::read_regular_file(path, qarar_document::MAX_FILE_SIZE)
}

/// A document's file as read.
#[derive(Default)]
struct OnDisk {
    annotations: Vec<Annotation>,
    deleted: Vec<Tombstone>,
    /// The file's bytes when it was valid.
    bytes: Option<Vec<u8>>,
}

/// A file's annotations and deletions with one entry per id (the latest edit of each, as
/// [`merge`] keeps them), and a warning naming `path` when some id was there twice.
fn unique(
    page: w3c::Parsed,
    path: &Path,
    warnings: &mut Vec<StoreWarning>,
) -> (Vec<Annotation>, Vec<Tombstone>) {
    let before = page.annotations.len();
    let (annotations, deleted) = merge(&page.annotations, &page.deleted, &[], &[]);
    let ids: std::collections::HashSet<&str> =
        page.annotations.iter().map(|a| a.id.as_str()).collect();
    if ids.len() < before {
        warnings.push(StoreWarning::DuplicateIdsMerged {
            file: path.to_path_buf(),
            count: before - ids.len(),
        });
    }
    (annotations, deleted)
}

/// Merge two versions of a document's annotations: by id, the latest edit wins. Among
/// versions of an annotation the newer `modified` (on a tie, `incoming`); among tombstones
/// the newer `deleted`; between the two, the tombstone when it is at least as new as the
/// annotation (the annotation is dropped), else the annotation (the tombstone is dropped: it
/// was undone). Order: `base`, then new ids of `incoming` in their order. Linear in the input
/// (hash maps by id).
pub fn merge(
    base: &[Annotation],
    base_deleted: &[Tombstone],
    incoming: &[Annotation],
    incoming_deleted: &[Tombstone],
) -> (Vec<Annotation>, Vec<Tombstone>) {
    let mut tombstones: Vec<&Tombstone> = Vec::new();
    let mut tomb_index: HashMap<&str, usize> = HashMap::new();
    for t in base_deleted.iter().chain(incoming_deleted) {
        match tomb_index.get(t.id.as_str()) {
            Some(&i) => {
                if compare_times(&t.deleted, &tombstones[i].deleted) == Ordering::Greater {
                    tombstones[i] = t;
                }
            }
            None => {
                tomb_index.insert(&t.id, tombstones.len());
                tombstones.push(t);
            }
        }
    }
    let mut latest: Vec<&Annotation> = Vec::with_capacity(base.len() + incoming.len());
    let mut index: HashMap<&str, usize> = HashMap::new();
    for a in base.iter().chain(incoming) {
        match index.get(a.id.as_str()) {
            Some(&i) => {
                if compare_times(&a.modified, &latest[i].modified) != Ordering::Less {
                    latest[i] = a;
                }
            }
            None => {
                index.insert(&a.id, latest.len());
                latest.push(a);
            }
        }
    }
    let mut undone: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut out: Vec<Annotation> = Vec::with_capacity(latest.len());
    for a in latest {
        match tomb_index.get(a.id.as_str()) {
            Some(&i) if compare_times(&tombstones[i].deleted, &a.modified) != Ordering::Less => {}
            Some(_) => {
                undone.insert(&a.id);
                out.push(a.clone());
            }
            None => out.push(a.clone()),
        }
    }
    let deleted = tombstones
        .into_iter()
        .filter(|t| !undone.contains(t.id.as_str()))
        .cloned()
        .collect();
    (out, deleted)
}

/// Write `bytes` to `path` atomically ([`qarar_util::atomic::write`]). With `backup`, first
/// make `backup.0` hold the old content `backup.1` (written atomically too).
fn write_atomically(
    path: &Path,
    bytes: &[u8],
    backup: Option<(PathBuf, &[u8])>,
) -> Result<(), StoreError> {
    if let Some((bak, old)) = backup {
        atomic::write(&bak, old, true)?;
    }
    atomic::write(path, bytes, true)?;
    Ok(())
}

#[cfg(test)]
mod tests;
