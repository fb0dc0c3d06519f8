//! Every file the program writes itself goes through one atomic writer: a uniquely named
//! temporary file created exclusively beside the target (never a planted symbolic link),
//! nothing but a regular file replaced, even with `--force`.

#[cfg(unix)]
use qarar_export::WriteError;
use qarar_export::write_atomic;
#[cfg(unix)]
use qarar_library::LibraryIndex;
use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qarar-atomic-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// What the old writers used as their temporary name: `.NAME.PID.tmp`.
#[cfg(unix)]
fn plant_predictable_temporary_link(target: &Path, victim: &Path) {
    let name = target.file_name().unwrap().to_string_lossy();
    let tmp = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::os::unix::fs::symlink(victim, tmp).unwrap();
}

#[cfg(unix)]
#[test]
fn export_writer_does_not_follow_a_planted_temporary_link() {
    let dir = scratch("export-link");
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let out = dir.join("out.json");
    plant_predictable_temporary_link(&out, &victim);
    write_atomic(&out, b"{}\n", true).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(std::fs::read(&out).unwrap(), b"{}\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn library_index_writer_does_not_follow_a_planted_temporary_link() {
    let dir = scratch("index-link");
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let out = dir.join("index.json");
    plant_predictable_temporary_link(&out, &victim);
    let index = LibraryIndex {
        version: 1,
        ..LibraryIndex::default()
    };
    index.save(&out).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(std::fs::read(&out).unwrap().starts_with(b"{"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn export_force_never_replaces_a_fifo_or_a_symbolic_link() {
    let dir = scratch("fifo");
    let fifo = dir.join("out.pdf");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let err = write_atomic(&fifo, b"%PDF", true).unwrap_err();
    assert!(matches!(err, WriteError::NotRegularFile { .. }), "{err}");
    assert!(err.to_string().contains("FIFO"), "{err}");
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo(),
        "the FIFO is still there"
    );

    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let link = dir.join("link.html");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let err = write_atomic(&link, b"<html>", true).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(temporaries(&dir).is_empty(), "{:?}", temporaries(&dir));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_exports_of_one_process_to_one_file_do_not_share_a_temporary() {
    let dir = scratch("parallel");
    let out = dir.join("out.md");
    let writers: Vec<_> = (0..4u8)
        .map(|i| {
            let out = out.clone();
            std::thread::spawn(move || {
                let body = vec![b'a' + i; 200_000];
                for _ in 0..10 {
                    write_atomic(&out, &body, true).expect("every export succeeds");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(bytes.len(), 200_000);
    assert!(
        bytes.iter().all(|b| *b == bytes[0]),
        "one export's content, whole"
    );
    assert!(temporaries(&dir).is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
