//! The one way the program writes a file of its own (exports, the annotation store, the
//! library index): all of the new content or none of it, never through a symbolic link, and
//! never over anything but a regular file.
//!
//! [`write`] creates a temporary file with a unique random name *exclusively* beside the target
//! (`tempfile`: `O_CREAT|O_EXCL`, so an existing name or a planted symbolic link is never
//! opened), writes and fsyncs it, renames it over the target (or, when replacing is not
//! allowed, links it there only if the name is still free), and fsyncs the directory. A FIFO,
//! a device node, a directory or a symbolic link at the target is refused with a clear error
//! and left as it is.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum AtomicError {
    /// The target exists and replacing was not allowed.
    #[error("{}: already exists", path.display())]
    Exists { path: PathBuf },
    /// The target is something other than a regular file (left untouched).
    #[error("{}: is {what}, not a regular file; it was not replaced", path.display())]
    NotRegularFile { path: PathBuf, what: &'static str },
    #[error("{}: cannot write: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// What kind of thing `path` is, when it is not a regular file ("a directory", "a FIFO"…).
/// `None` for a regular file or nothing at all. Symbolic links are not followed.
pub(crate) fn non_regular_kind(path: &Path) -> io::Result<Option<&'static str>> {
    match fs::symlink_metadata(path) {
        Ok(m) => Ok(kind_of(&m.file_type())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn kind_of(t: &fs::FileType) -> Option<&'static str> {
    if t.is_file() {
        return None;
    }
    if t.is_symlink() {
        return Some("a symbolic link");
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// A temporary of this target older than this was left by a writer that was killed (a
/// write takes well under a second; a slow fsync, seconds).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(600);

/// Remove this target's temporaries (`prefix`…`.tmp`) that an earlier run left behind when
/// it was killed, so that the next write of the same file cleans up after it.
fn remove_stale(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(prefix) && name.ends_with(".tmp")) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if meta.is_file() && old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// At most this many bytes of the target's name go into its temporary's name.
const MAX_TEMP_STEM: usize = 200;

/// Write `bytes` to `path` atomically (see the module documentation). An existing regular
/// file is replaced only when `replace` is set; its permissions are kept.
pub fn write(path: &Path, bytes: &[u8], replace: bool) -> Result<(), AtomicError> {
    let io_err = |source| AtomicError::Io {
        path: path.to_path_buf(),
        source,
    };
    let existing = match fs::symlink_metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_err(e)),
    };
    if let Some(m) = &existing {
        if let Some(what) = kind_of(&m.file_type()) {
            return Err(AtomicError::NotRegularFile {
                path: path.to_path_buf(),
                what,
            });
        }
        if !replace {
            return Err(AtomicError::Exists {
                path: path.to_path_buf(),
            });
        }
    }
    let dir = parent_dir(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    // The temporary adds a dot, a random part and `.tmp` to the name: a name near the
    // file system's limit (255 bytes) would fail for the temporary alone, so only the
    // temporary's copy of it is shortened.
    let mut keep = name.len().min(MAX_TEMP_STEM);
    while !name.is_char_boundary(keep) {
        keep -= 1;
    }
    let prefix = format!(".{}.", &name[..keep]);
    remove_stale(&dir, &prefix);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // Like a file created by `File::create`: read/write for all, less the umask.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(io_err)?;
    if let Some(m) = &existing {
        // Keep the replaced file's permissions (best effort).
        let _ = tmp.as_file().set_permissions(m.permissions());
    }
    tmp.write_all(bytes).map_err(io_err)?;
    tmp.as_file().sync_all().map_err(io_err)?;
    if replace {
        // Checked again just before the rename: what appeared meanwhile is not replaced.
        if let Some(what) = non_regular_kind(path).map_err(io_err)? {
            return Err(AtomicError::NotRegularFile {
                path: path.to_path_buf(),
                what,
            });
        }
        tmp.persist(path).map_err(|e| io_err(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                AtomicError::Exists {
                    path: path.to_path_buf(),
                }
            } else {
                io_err(e.error)
            }
        })?;
    }
    sync_dir(&dir);
    Ok(())
}

/// The directory a path is in (`.` for a bare name).
pub(crate) fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// fsync a directory so that renames and removals in it are durable. On Unix only: Windows
/// makes a rename durable with the file itself, and cannot open a directory as a file.
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("qarar-atomic-{name}-"))
            .tempdir()
            .unwrap()
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn writes_replaces_only_when_allowed_and_leaves_no_temporary() {
        let dir = temp_dir("basic");
        let path = dir.path().join("out.txt");
        write(&path, b"one", false).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert!(matches!(
            write(&path, b"two", false),
            Err(AtomicError::Exists { .. })
        ));
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write(&path, b"two", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_directory_is_never_replaced() {
        let dir = temp_dir("dir");
        let path = dir.path().join("sub");
        fs::create_dir(&path).unwrap();
        let err = write(&path, b"x", true).unwrap_err();
        assert!(err.to_string().contains("a directory"), "{err}");
        assert!(path.is_dir());
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_neither_followed_nor_replaced() {
        let dir = temp_dir("link");
        let victim = dir.path().join("victim");
        fs::write(&victim, b"keep").unwrap();
        let link = dir.path().join("out.pdf");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let err = write(&link, b"x", true).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(fs::read(&victim).unwrap(), b"keep");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn two_writes_of_one_process_use_different_temporaries() {
        let dir = temp_dir("threads");
        let path = dir.path().join("same.txt");
        let handles: Vec<_> = (0..4)
            .map(|i| {
                let path = path.clone();
                std::thread::spawn(move || {
                    for _ in 0..25 {
                        write(&path, format!("writer {i}").repeat(1000).as_bytes(), true).unwrap();
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        let text = fs::read_to_string(&path).unwrap();
        let first = &text[..8];
        assert_eq!(text, first.repeat(1000), "one writer's whole content");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_name_near_the_length_limit_is_written_under_a_shorter_temporary() {
        let dir = temp_dir("long");
        let path = dir.path().join(format!("{}.pdf", "ق".repeat(124)));
        assert_eq!(path.file_name().unwrap().len(), 252);
        write(&path, b"long", false).expect("a legal name is written");
        assert_eq!(fs::read(&path).unwrap(), b"long");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_temporary_left_by_a_killed_writer_is_removed_by_the_next_write() {
        let dir = temp_dir("stale");
        let path = dir.path().join("out.pdf");
        let stale = dir.path().join(".out.pdf.Ab12Cd.tmp");
        let fresh = dir.path().join(".out.pdf.Xy34Zw.tmp");
        fs::write(&stale, b"full copy").unwrap();
        fs::write(&fresh, b"being written").unwrap();
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
        write(&path, b"new", true).unwrap();
        assert!(!stale.exists(), "a stale temporary is removed");
        assert!(fresh.exists(), "a live writer's temporary is left alone");
    }
}
