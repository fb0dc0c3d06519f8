//! The library index: every resolution file of a folder with what the library pane, the
//! reference popups and "Cited by" need, persisted and refreshed incrementally.

use super::metadata::{MetadataSet, load_metadata_dir};
use qarar_document::{Language, LoadReason, ReferenceKind, load_path};
use qarar_util::fold::fold_str;
use qarar_util::normalise_symbol;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, UNIX_EPOCH};

/// Version of the on-disk index format; an index of another version is rebuilt.
pub(crate) const INDEX_VERSION: u32 = 2;

/// One file of the library.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch (0 when unknown).
    pub(crate) mtime_ns: u64,
    pub symbol: Option<String>,
    pub language: Option<Language>,
    pub title: Option<String>,
    /// True when `title` came from the metadata files, not from the document.
    #[serde(default)]
    pub title_from_metadata: bool,
    pub session: Option<u32>,
    /// ISO 8601.
    pub adopted: Option<String>,
    pub operative_count: usize,
    /// The first operative paragraph (its opening words, for reference popups).
    #[serde(default)]
    pub first_operative: Option<String>,
    pub paragraph_ids: Vec<String>,
    /// Canonical targets of the references it makes (resolutions, decisions, documents,
    /// treaties), sorted, without duplicates.
    pub cites: Vec<String>,
    /// Why the file could not be read or parsed (a value the window translates).
    pub error: Option<LoadReason>,
}

impl Entry {
    pub fn is_ok(&self) -> bool {
        self.error.is_none()
    }

    /// The error as the command line says it: the file, then why (English).
    pub fn error_text(&self) -> Option<String> {
        self.error
            .as_ref()
            .map(|r| format!("{}: {r}", self.path.display()))
    }
}

/// What a scan did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScanStats {
    /// Files found in the folder.
    pub files: usize,
    /// Files parsed in this scan.
    pub parsed: usize,
    /// Entries reused from the previous index (size and mtime unchanged).
    pub reused: usize,
    /// Files listed with an error.
    pub failed: usize,
    /// True when the progress callback asked to stop.
    pub cancelled: bool,
    pub elapsed: Duration,
}

/// The index of a library folder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LibraryIndex {
    pub version: u32,
    pub root: PathBuf,
    /// Sorted by path.
    pub entries: Vec<Entry>,
    /// UN metadata found in the folder (`data_extract*.jsonl`).
    #[serde(default)]
    pub metadata: MetadataSet,
    /// Statistics of the scan that produced this index (not persisted).
    #[serde(skip)]
    pub stats: ScanStats,
}

/// Entry point for scanning a folder.
pub struct Library;

impl Library {
    /// Index every `.xml`, `.akn` and `.txt` file under `dir` (hidden folders and files are
    /// skipped). Entries of `previous` whose size and mtime are unchanged are reused without
    /// parsing. `progress(done, total)` is called before the first file and after each one;
    /// returning `false` stops the scan, and the index then holds the files done so far.
    /// A file that cannot be read or parsed is listed with its error.
    pub fn scan(
        dir: &Path,
        previous: Option<&LibraryIndex>,
        progress: &dyn Fn(usize, usize) -> bool,
    ) -> LibraryIndex {
        let start = Instant::now();
        let mut files = Vec::new();
        walk(dir, &mut files);
        files.sort();
        let previous = previous.filter(|p| p.version == INDEX_VERSION);
        let old: std::collections::HashMap<&Path, &Entry> = previous
            .map(|p| p.entries.iter().map(|e| (e.path.as_path(), e)).collect())
            .unwrap_or_default();
        let total = files.len();
        let mut stats = ScanStats {
            files: total,
            ..ScanStats::default()
        };
        let mut entries = Vec::with_capacity(total);
        if !progress(0, total) {
            stats.cancelled = true;
        } else {
            for (i, path) in files.iter().enumerate() {
                let (size, mtime_ns) = stat(path);
                let reuse = old
                    .get(path.as_path())
                    .filter(|e| e.size == size && e.mtime_ns == mtime_ns && mtime_ns != 0);
                let entry = match reuse {
                    Some(e) => {
                        stats.reused += 1;
                        let mut e = (*e).clone();
                        if e.title_from_metadata {
                            e.title = None;
                            e.title_from_metadata = false;
                        }
                        e
                    }
                    None => {
                        stats.parsed += 1;
                        index_file(path, size, mtime_ns)
                    }
                };
                if entry.error.is_some() {
                    stats.failed += 1;
                }
                entries.push(entry);
                if !progress(i + 1, total) {
                    stats.cancelled = true;
                    break;
                }
            }
        }
        let metadata = load_metadata_dir(dir);
        for e in &mut entries {
            fill_from_metadata(e, &metadata);
        }
        stats.elapsed = start.elapsed();
        LibraryIndex {
            version: INDEX_VERSION,
            root: dir.to_path_buf(),
            entries,
            metadata,
            stats,
        }
    }
}

fn fill_from_metadata(e: &mut Entry, metadata: &MetadataSet) {
    let Some(meta) = e.symbol.as_deref().and_then(|s| metadata.get(s)) else {
        return;
    };
    if e.title.is_none()
        && let Some(t) = &meta.title
    {
        e.title = Some(t.clone());
        e.title_from_metadata = true;
    }
    if e.adopted.is_none() {
        e.adopted = meta.adoption_date_iso.clone();
    }
}

/// Parse one file into an entry; errors are recorded, not returned.
fn index_file(path: &Path, size: u64, mtime_ns: u64) -> Entry {
    let mut entry = Entry {
        path: path.to_path_buf(),
        size,
        mtime_ns,
        ..Entry::default()
    };
    match load_path(path) {
        Ok(doc) => {
            entry.symbol = doc.meta.symbol.as_deref().map(normalise_symbol);
            entry.language = Some(doc.meta.language);
            entry.title = doc.meta.title.clone().filter(|t| !t.trim().is_empty());
            entry.session = doc.meta.session;
            entry.adopted = doc
                .meta
                .adopted
                .clone()
                .or_else(|| doc.closing.as_ref().and_then(|c| c.date.clone()));
            entry.operative_count = doc.operative.len();
            entry.first_operative = doc
                .operative
                .first()
                .map(|p| qarar_util::first_words(&p.text(), 60));
            entry.paragraph_ids = doc
                .paragraphs()
                .into_iter()
                .map(|(_, p)| p.id.clone())
                .collect();
            let mut cites: Vec<String> = doc
                .references
                .iter()
                .filter(|r| r.kind != ReferenceKind::Paragraph)
                .map(|r| r.target.clone())
                .filter(|t| Some(t) != entry.symbol.as_ref())
                .collect();
            cites.sort();
            cites.dedup();
            entry.cites = cites;
            if entry.session.is_none() {
                entry.session = entry.symbol.as_deref().and_then(session_of_symbol);
            }
        }
        Err(e) => entry.error = Some(e.reason()),
    }
    entry
}

/// `A/RES/75/10` → 75.
pub(crate) fn session_of_symbol(symbol: &str) -> Option<u32> {
    let rest = symbol.strip_prefix("A/RES/")?;
    rest.split(['/', ' ']).next()?.trim().parse().ok()
}

fn stat(path: &Path) -> (u64, u64) {
    match std::fs::metadata(path) {
        Ok(m) => {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
                .unwrap_or(0);
            (m.len(), mtime)
        }
        Err(_) => (0, 0),
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn is_document(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        qarar_document::load::DOCUMENT_EXTENSIONS
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// Collect candidate files; symbolic links to folders are not followed (no cycles).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in rd.flatten() {
        let path = entry.path();
        if is_hidden(&path) {
            continue;
        }
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            walk(&path, out);
        } else if is_document(&path) && (ft.is_file() || path.is_file()) {
            out.push(path);
        }
    }
}

fn language_rank(l: Language) -> usize {
    match l {
        Language::Ar => 0,
        Language::En => 1,
        Language::Fr => 2,
        Language::Es => 3,
        Language::Ru => 4,
        Language::Zh => 5,
    }
}

impl LibraryIndex {
    /// Write the index as JSON, atomically ([`qarar_util::atomic::write`]: a uniquely named
    /// temporary file beside `path`, fsynced, renamed over it, directory fsynced). Anything
    /// at `path` that is not a regular file is refused.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        qarar_util::atomic::write(path, &json, true).map_err(|e| match e {
            qarar_util::atomic::AtomicError::Io { source, .. } => source,
            other => std::io::Error::other(other.to_string()),
        })
    }

    /// Read an index written by [`LibraryIndex::save`].
    pub fn load(path: &Path) -> std::io::Result<LibraryIndex> {
        let bytes = std::fs::read(path)?;
        let index: LibraryIndex = serde_json::from_slice(&bytes)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        if index.version != INDEX_VERSION {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("index version {} (expected {INDEX_VERSION})", index.version),
            ));
        }
        Ok(index)
    }

    /// The document with this symbol in this language.
    pub fn find(&self, symbol: &str, language: Language) -> Option<&Entry> {
        let symbol = normalise_symbol(symbol);
        self.entries.iter().find(|e| {
            e.is_ok() && e.language == Some(language) && e.symbol.as_deref() == Some(&symbol)
        })
    }

    /// The languages the library holds this symbol in, Arabic first, then UN order.
    pub fn languages_of(&self, symbol: &str) -> Vec<Language> {
        let symbol = normalise_symbol(symbol);
        let mut langs: Vec<Language> = self
            .entries
            .iter()
            .filter(|e| e.is_ok() && e.symbol.as_deref() == Some(&symbol))
            .filter_map(|e| e.language)
            .collect();
        langs.sort_by_key(|l| language_rank(*l));
        langs.dedup();
        langs
    }

    /// Entries whose symbol or title hold every word of `query` (folded: case, diacritics,
    /// Arabic letter variants). `75/10` also matches the Arabic order `10/75`. An empty query
    /// gives every entry.
    pub fn filter(&self, query: &str) -> Vec<&Entry> {
        let words: Vec<String> = query.split_whitespace().map(fold_str).collect();
        self.entries
            .iter()
            .filter(|e| {
                let symbol = e.symbol.as_deref().map(fold_str).unwrap_or_default();
                let title = e.title.as_deref().map(fold_str).unwrap_or_default();
                let file = e
                    .path
                    .file_name()
                    .map(|n| fold_str(&n.to_string_lossy()))
                    .unwrap_or_default();
                words.iter().all(|w| {
                    symbol.contains(w.as_str())
                        || title.contains(w.as_str())
                        || file.contains(w.as_str())
                        || reversed_number(w).is_some_and(|r| symbol.contains(&r))
                })
            })
            .collect()
    }

    /// Library documents that cite `symbol` (excluding the document itself).
    pub fn cited_by(&self, symbol: &str) -> Vec<&Entry> {
        let symbol = normalise_symbol(symbol);
        self.entries
            .iter()
            .filter(|e| {
                e.symbol.as_deref() != Some(&symbol)
                    && e.cites.iter().any(|c| normalise_symbol(c) == symbol)
            })
            .collect()
    }

    /// Entries grouped by session; entries without a session are left out.
    pub fn by_session(&self) -> BTreeMap<u32, Vec<&Entry>> {
        let mut map: BTreeMap<u32, Vec<&Entry>> = BTreeMap::new();
        for e in &self.entries {
            if let Some(s) = e.session {
                map.entry(s).or_default().push(e);
            }
        }
        map
    }

    /// Title of `symbol` for a popup: from the document in `language`, any language, or the
    /// metadata files.
    pub fn title_of(&self, symbol: &str, language: Language) -> Option<&str> {
        let symbol_n = normalise_symbol(symbol);
        self.find(&symbol_n, language)
            .and_then(|e| e.title.as_deref())
            .or_else(|| {
                self.entries
                    .iter()
                    .filter(|e| e.symbol.as_deref() == Some(&symbol_n))
                    .find_map(|e| e.title.as_deref())
            })
            .or_else(|| {
                self.metadata
                    .get(&symbol_n)
                    .and_then(|m| m.title.as_deref())
            })
    }

    /// Entries that could not be read.
    pub fn errors(&self) -> Vec<&Entry> {
        self.entries.iter().filter(|e| !e.is_ok()).collect()
    }
}

/// `75/10` → `10/75` (and back), for a query typed in the other order.
fn reversed_number(w: &str) -> Option<String> {
    let (a, b) = w.split_once('/')?;
    (!a.is_empty()
        && !b.is_empty()
        && a.chars().all(|c| c.is_numeric())
        && b.chars().all(|c| c.is_numeric()))
    .then(|| format!("{b}/{a}"))
}
