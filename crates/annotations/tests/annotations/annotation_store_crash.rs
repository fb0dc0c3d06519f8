//! Crash safety of the annotation store: a writer process that adds an annotation and saves,
//! over and over, is killed (SIGKILL) at random moments, many of them in the middle of a
//! save. After every kill the file must be valid and hold every annotation whose save was
//! acknowledged (`saved N` printed after `Store::save` returned).
//!
//! The writer is this same test executable, started with `--ignored --exact annotation_store_crash::writer_process`
//! and the environment variable [`WRITER_ENV`] naming the store directory; without it the
//! `writer_process` test does nothing.

use qarar_annotations::model::{Annotation, Color, Quote};
use qarar_annotations::{DocumentIdentity, Store, w3c};
use qarar_document::model::Language;
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Set (to the store directory) in the writer process.
const WRITER_ENV: &str = "QARAR_TEST_CRASH_WRITER_DIR";
/// How many times the writer is killed.
const KILLS: usize = 60;

fn identity() -> DocumentIdentity {
    DocumentIdentity {
        symbol: Some("A/RES/75/10".into()),
        language: Language::Ar,
        content_hash: "5e".repeat(32),
    }
}

fn annotation_id(n: usize) -> String {
    format!("urn:uuid:00000000-0000-4000-8000-{n:012}")
}

fn annotation(n: usize) -> Annotation {
    let now = qarar_annotations::model::now_rfc3339();
    Annotation {
        id: annotation_id(n),
        created: now.clone(),
        modified: now,
        color: Color::ALL[n % Color::ALL.len()],
        note: format!("ملاحظة رقم {n} عن التعاون مع الإنتربول (A/RES/75/10)"),
        note_language: Some("ar".into()),
        tags: vec!["اختبار".into(), format!("n{}", n % 7)],
        target: format!("preamble_{}", 1 + n % 21),
        quote: Quote {
            exact: "التعاون بين الأمم المتحدة والإنتربول".into(),
            prefix: "وإذ ترحب أيضا ب".into(),
            suffix: " في مجال منع الإرهاب".into(),
        },
        position: Some(16..52),
        whole_paragraph: false,
    }
}

/// The writer: add one annotation, save, acknowledge; forever (until killed).
#[test]
#[ignore = "the writer process of store_keeps_every_acknowledged_annotation_across_kills"]
fn writer_process() {
    let Some(dir) = std::env::var_os(WRITER_ENV) else {
        return;
    };
    let store = Store::open(PathBuf::from(dir)).expect("store opens");
    let identity = identity();
    let mut all = store.load(&identity).expect("load").annotations;
    let mut n = all.len();
    let stdout = std::io::stdout();
    {
        let mut out = stdout.lock();
        let _ = writeln!(out, "loaded");
        let _ = out.flush();
    }
    for _ in 0..100_000 {
        n += 1;
        all.push(annotation(n));
        all = store.save(&identity, &all, &[]).expect("save").annotations;
        let mut out = stdout.lock();
        let _ = writeln!(out, "saved {n}");
        let _ = out.flush();
    }
}

/// A small xorshift generator (no dependency needed).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn leftover_temporaries(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
                .count()
        })
        .unwrap_or(0)
}

#[test]
fn store_keeps_every_acknowledged_annotation_across_kills() {
    let dir = std::env::temp_dir().join(format!("qarar-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::open(&dir).unwrap();
    let identity = identity();
    let exe = std::env::current_exe().unwrap();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
        | 1;
    eprintln!("seed {seed}");
    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut acknowledged = 0usize;
    let mut mid_save = 0usize;

    // At least KILLS rounds, and more (up to ten times as many) until a kill has landed in the
    // middle of a save: how often one does depends on the machine's speed.
    let mut rounds = 0;
    for round in 0..KILLS * 10 {
        if round >= KILLS && mid_save > 0 {
            break;
        }
        rounds += 1;
        let mut child = Command::new(&exe)
            .args([
                "annotation_store_crash::writer_process",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(WRITER_ENV, &dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("writer starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel::<usize>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(n) = line
                    .strip_prefix("saved ")
                    .and_then(|n| n.trim().parse().ok())
                {
                    let _ = tx.send(n);
                }
            }
        });

        // Vary the moment: right from the start (maybe before the first save, maybe in it),
        // or after a few acknowledged saves plus a random part of the next one.
        if round % 3 == 0 {
            std::thread::sleep(Duration::from_micros(rng.below(25_000)));
        } else {
            let wanted = 1 + rng.below(4) as usize;
            let mut seen = 0;
            while seen < wanted {
                match rx.recv_timeout(Duration::from_secs(5)) {
                    Ok(n) => {
                        acknowledged = acknowledged.max(n);
                        seen += 1;
                    }
                    Err(_) => break,
                }
            }
            std::thread::sleep(Duration::from_micros(rng.below(3_000)));
        }
        child.kill().expect("kill");
        let _ = child.wait();
        reader.join().expect("reader");
        for n in rx.try_iter() {
            acknowledged = acknowledged.max(n);
        }
        if leftover_temporaries(&dir) > 0 {
            mid_save += 1;
        }

        // The file as it is on disk is valid and complete…
        let path = store.path_for(&identity);
        if acknowledged > 0 {
            let text = std::fs::read_to_string(&path).expect("annotation file exists");
            let parsed = w3c::parse_str(&text)
                .unwrap_or_else(|e| panic!("round {round}: damaged file after kill: {e}"));
            let ids: HashSet<&str> = parsed.annotations.iter().map(|a| a.id.as_str()).collect();
            for n in 1..=acknowledged {
                assert!(
                    ids.contains(annotation_id(n).as_str()),
                    "round {round}: acknowledged annotation {n} lost ({} on disk)",
                    ids.len()
                );
            }
        }
        // …and the store reads it without warnings.
        let loaded = store.load(&identity).unwrap();
        assert!(
            loaded.warnings.is_empty(),
            "round {round}: {:?}",
            loaded.warnings
        );
        assert!(loaded.annotations.len() >= acknowledged);
    }
    let elapsed = started.elapsed();
    eprintln!(
        "{rounds} kills in {elapsed:?}: {acknowledged} acknowledged saves, all kept; \
         {mid_save} kills left a save's temporary file behind (killed mid-save)"
    );
    assert!(
        acknowledged >= KILLS,
        "the writer made too little progress: {acknowledged}"
    );
    assert!(mid_save > 0, "no kill landed in the middle of a save");
    // A later save cleans up what killed writers left.
    store.save(&identity, &[], &[]).unwrap();
    assert_eq!(leftover_temporaries(&dir), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Annotations in the store before the recovery rounds (a big file: recovery takes a while).
const RECOVERY_BASE: usize = 1500;
/// How many times the writer is killed while it may be recovering a damaged file.
const RECOVERY_KILLS: usize = 60;

/// Start the writer, kill it after `delay` (or, without one, once it has loaded), return the
/// acknowledged saves it printed and the time it ran.
fn run_writer_and_kill(exe: &Path, dir: &Path, delay: Option<Duration>) -> (Vec<usize>, Duration) {
    let started = Instant::now();
    let mut child = Command::new(exe)
        .args([
            "annotation_store_crash::writer_process",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(WRITER_ENV, dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("writer starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel::<usize>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line == "loaded" {
                let _ = tx.send(0);
            } else if let Some(n) = line
                .strip_prefix("saved ")
                .and_then(|n| n.trim().parse().ok())
            {
                let _ = tx.send(n);
            }
        }
    });
    let mut acks = Vec::new();
    let until_first_ack = match delay {
        Some(d) => {
            std::thread::sleep(d);
            started.elapsed()
        }
        // Calibration: until the writer has loaded (the recovery done).
        None => {
            let _ = rx.recv_timeout(Duration::from_secs(20));
            started.elapsed()
        }
    };
    child.kill().expect("kill");
    let _ = child.wait();
    reader.join().expect("reader");
    acks.extend(rx.try_iter());
    (acks, until_first_ack)
}

#[test]
fn recovery_of_a_damaged_file_keeps_every_acknowledged_annotation_across_kills() {
    let dir = std::env::temp_dir().join(format!("qarar-crash-recovery-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::open(&dir).unwrap();
    let identity = identity();
    let path = store.path_for(&identity);
    let backup = store.backup_path_for(&identity);
    let exe = std::env::current_exe().unwrap();
    let base: Vec<Annotation> = (1..=RECOVERY_BASE).map(annotation).collect();
    store.save(&identity, &base, &[]).unwrap();
    let mut acknowledged = RECOVERY_BASE;
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
        | 1;
    eprintln!("seed {seed}");
    let mut rng = Rng(seed);
    let mut window = Duration::from_millis(50);
    let (mut left_damaged, mut left_recovered) = (0, 0);
    for round in 0..=RECOVERY_KILLS {
        // Before the crash: the backup holds every acknowledged annotation, and the file
        // itself is damaged (cut in the middle).
        let good = std::fs::read(&path).expect("the file is there before the round");
        std::fs::write(&backup, &good).unwrap();
        std::fs::write(&path, &good[..good.len() / 2]).unwrap();

        // Round 0 measures how long the writer takes to start and recover. The others kill it
        // at a random moment around the current estimate of when recovery ends, moved later
        // after a kill that came before the end and earlier after one that came after it:
        // the kills gather around (and in) the recovery, whatever the machine's speed.
        let delay = (round > 0).then(|| {
            let w = window.as_micros() as u64;
            Duration::from_micros(w / 2 + rng.below(w + 1))
        });
        let (acks, elapsed) = run_writer_and_kill(&exe, &dir, delay);
        if round == 0 {
            window = elapsed;
        }
        acknowledged = acks.into_iter().fold(acknowledged, usize::max);
        match std::fs::read(&path) {
            Ok(b) if w3c::parse_bytes(&b).is_ok() => {
                left_recovered += 1;
                window = window.mul_f64(0.85);
            }
            _ => {
                left_damaged += 1;
                window = window.mul_f64(1.15);
            }
        }

        // The next start: every acknowledged annotation is there (a warning may say that the
        // file was recovered), and the start after that has nothing more to say.
        let loaded = store.load(&identity).unwrap();
        let ids: HashSet<&str> = loaded.annotations.iter().map(|a| a.id.as_str()).collect();
        for n in 1..=acknowledged {
            assert!(
                ids.contains(annotation_id(n).as_str()),
                "round {round}: acknowledged annotation {n} lost ({} loaded, warnings {:?})",
                ids.len(),
                loaded.warnings
            );
        }
        let again = store.load(&identity).unwrap();
        assert!(
            again.warnings.is_empty(),
            "round {round}: {:?}",
            again.warnings
        );
    }
    eprintln!(
        "{RECOVERY_KILLS} kills (recovery ends ~{window:?} after the start): {left_damaged} left the \
         file damaged or missing (killed before or during recovery), {left_recovered} after it; \
         {acknowledged} annotations acknowledged, all kept"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
