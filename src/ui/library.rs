//! The library folder as the window sees it: the index (read from the cache, then refreshed
//! in a background thread with progress and cancel), and what the popups and panes ask of it.

use super::jobs::{Event, Jobs};
use super::load_message::fulltext_error;
use eframe::egui;
use qarar_document::Language;
use qarar_library::fulltext::{FullText, Hit};
use qarar_library::{Entry, Library, LibraryIndex};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

/// Progress of a background indexing job, shared with its thread.
#[derive(Debug, Default)]
pub(crate) struct Progress {
    /// 0 while reading the files, 1 while indexing their text for search.
    pub phase: AtomicUsize,
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    pub cancel: AtomicBool,
}

/// What the indexing thread sends back.
enum Message {
    /// The index saved by the last run, shown while the folder is checked again.
    Cached(LibraryIndex),
    /// The refreshed index (complete, or what was done before a cancel).
    Done(Box<LibraryIndex>, Option<FullText>, Vec<String>),
}

/// Most hits a library search returns.
pub(crate) const SEARCH_LIMIT: usize = 200;

/// The answer to a full-text search.
#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    pub query: String,
    pub hits: Vec<Hit>,
    pub error: Option<String>,
}

/// The indexing job: its progress (shared with its thread) and when it started.
struct Indexing {
    progress: Arc<Progress>,
    started: Instant,
}

/// The library folder, its index and the indexing job.
#[derive(Default)]
pub struct LibraryState {
    pub folder: Option<PathBuf>,
    pub index: Option<Arc<LibraryIndex>>,
    /// Bumped whenever `index` changes (panes cache what they derive from it).
    pub(crate) generation: u64,
    /// One line about the last indexing run ("20 files indexed in 39 ms").
    pub status: Option<String>,
    /// A problem with the last indexing run (index not saved, search unavailable).
    pub problem: Option<String>,
    /// Where indexes are cached (`<data dir>/library`).
    cache_root: Option<PathBuf>,
    indexing: Jobs<Message>,
    job: Option<Indexing>,
    /// The full-text index (shared with search threads).
    fulltext: Option<Arc<FullText>>,
    /// Last query asked for, and the results of the last one answered.
    asked: String,
    results: Option<SearchResults>,
    searching: Jobs<SearchResults>,
    /// Languages of the last symbol asked about (the toolbar asks every frame).
    languages: std::cell::RefCell<Option<(u64, String, Vec<Language>)>>,
}

impl LibraryState {
    /// `data_dir` is the annotation store's directory given to the app (tests), or `None`
    /// for the user's data directory.
    pub fn new(data_dir: Option<&PathBuf>) -> LibraryState {
        let cache_root = match data_dir {
            Some(d) => Some(d.join("library")),
            None => qarar_annotations::store::default_dir(std::env::var_os(
                qarar_annotations::store::DATA_DIR_ENV,
            ))
            .and_then(|d| d.parent().map(|p| p.join("library"))),
        };
        LibraryState {
            cache_root,
            ..LibraryState::default()
        }
    }

    /// Use `folder` as the library and index it in the background.
    pub(crate) fn set_folder(&mut self, folder: PathBuf, ctx: &egui::Context) {
        let folder = qarar_util::canonical_path(&folder);
        if self.folder.as_ref() != Some(&folder) {
            // Nothing of the old folder carries over: its index, search index and answers.
            self.index = None;
            self.fulltext = None;
            self.results = None;
            self.asked.clear();
            self.status = None;
            self.problem = None;
            self.generation += 1;
        }
        self.folder = Some(folder);
        self.refresh(ctx);
    }

    /// Check the folder again: only new or changed files are read.
    pub fn refresh(&mut self, ctx: &egui::Context) {
        let Some(folder) = self.folder.clone() else {
            return;
        };
        // A job still running is stopped; the new one starts when it has let go of the
        // index files (the full-text writer holds a lock).
        self.cancel();
        let before = self.indexing.abandon();
        self.job = None;
        let progress = Arc::new(Progress::default());
        let cache = self.cache_file(&folder);
        let previous = self.index.clone();
        let thread_progress = progress.clone();
        // The refresh updates the full-text index in place when no search is using it.
        let fulltext = self.fulltext.take().and_then(|f| Arc::try_unwrap(f).ok());
        let text_dir = cache
            .as_ref()
            .and_then(|c| c.parent().map(|p| p.join("fulltext")));
        let repaint = ctx.clone();
        let lang = super::i18n::language();
        self.indexing.spawn(ctx, move |worker| {
            use super::i18n::{arg, ta};
            // Its messages in the interface's language.
            super::i18n::set_language(lang);
            for h in before {
                let _ = h.join();
            }
            let p = thread_progress;
            let cached = match previous {
                Some(i) => Some((*i).clone()),
                None => cache
                    .as_deref()
                    .and_then(|c| LibraryIndex::load(c).ok())
                    .filter(|i| i.root == folder),
            };
            if let Some(c) = &cached {
                worker.send(Message::Cached(c.clone()));
            }
            let report = |done: usize, total: usize| {
                p.done.store(done, Ordering::Relaxed);
                p.total.store(total, Ordering::Relaxed);
                repaint.request_repaint();
                !p.cancel.load(Ordering::Relaxed)
            };
            let mut problems = Vec::new();
            if let Err(e) = std::fs::read_dir(&folder) {
                problems.push(ta(
                    "library-unreadable-folder",
                    &[
                        ("folder", arg(folder.display().to_string())),
                        ("reason", arg(e.to_string())),
                    ],
                ));
            }
            let mut index = Library::scan(&folder, cached.as_ref(), &report);
            if index.stats.cancelled
                && let Some(c) = &cached
            {
                // Stopped early: what the last complete run knew about the files not reached
                // stays listed.
                let seen: std::collections::HashSet<PathBuf> =
                    index.entries.iter().map(|e| e.path.clone()).collect();
                index.entries.extend(
                    c.entries
                        .iter()
                        .filter(|e| !seen.contains(&e.path))
                        .cloned(),
                );
                index.entries.sort_by(|a, b| a.path.cmp(&b.path));
            }
            if let Some(c) = &cache {
                let saved = c
                    .parent()
                    .map(std::fs::create_dir_all)
                    .unwrap_or(Ok(()))
                    .and_then(|_| index.save(c));
                if let Err(e) = saved {
                    problems.push(ta(
                        "library-index-not-saved",
                        &[
                            ("path", arg(c.display().to_string())),
                            ("reason", arg(e.to_string())),
                        ],
                    ));
                }
            }
            // A cancelled run keeps the search index as it was.
            let mut text = fulltext;
            if !index.stats.cancelled {
                p.phase.store(1, Ordering::Relaxed);
                let opened = match (text.take(), &text_dir) {
                    (Some(f), _) => Ok(f),
                    (None, Some(dir)) => FullText::open(dir),
                    (None, None) => FullText::in_memory(),
                };
                match opened {
                    Ok(mut f) => {
                        if let Err(e) = f.refresh(&index, &report) {
                            problems.push(ta(
                                "library-fulltext-index",
                                &[("reason", arg(fulltext_error(&e)))],
                            ));
                        }
                        text = Some(f);
                    }
                    Err(e) => problems.push(ta(
                        "library-fulltext-unavailable",
                        &[("reason", arg(fulltext_error(&e)))],
                    )),
                }
            }
            worker.send(Message::Done(Box::new(index), text, problems));
        });
        self.job = Some(Indexing {
            progress,
            started: Instant::now(),
        });
    }

    /// Stop using the folder: the job is stopped (and waited for, so that it lets go of the
    /// index files), and everything derived from the folder is dropped.
    pub(crate) fn forget(&mut self) {
        self.cancel();
        for h in self.indexing.abandon() {
            let _ = h.join();
        }
        let generation = self.generation + 1;
        let cache_root = self.cache_root.take();
        *self = LibraryState {
            cache_root,
            generation,
            ..LibraryState::default()
        };
    }

    /// Stop indexing; what was indexed so far is kept.
    pub fn cancel(&mut self) {
        if let Some(j) = &self.job {
            j.progress.cancel.store(true, Ordering::Relaxed);
        }
    }

    pub fn is_indexing(&self) -> bool {
        self.job.is_some()
    }

    /// `(phase, files done, files in all)` while indexing; phase 0 reads the files, phase 1
    /// indexes their text.
    pub fn progress(&self) -> Option<(usize, usize, usize)> {
        self.job.as_ref().map(|j| {
            (
                j.progress.phase.load(Ordering::Relaxed),
                j.progress.done.load(Ordering::Relaxed),
                j.progress.total.load(Ordering::Relaxed),
            )
        })
    }

    /// Search the text of the library for `query` (in a background thread; the answer comes
    /// through [`LibraryState::results`]). Asking the same query again does nothing.
    pub fn search(&mut self, query: &str, language: Option<Language>, ctx: &egui::Context) {
        self.poll_search();
        let query = query.trim();
        let asked = match language {
            Some(l) => format!("{}\u{1}{query}", l.code()),
            None => query.to_string(),
        };
        if asked == self.asked {
            return;
        }
        self.asked = asked.clone();
        if query.is_empty() {
            self.results = None;
            self.searching.abandon();
            return;
        }
        let Some(text) = self.fulltext.clone() else {
            self.results = Some(SearchResults {
                query: asked,
                hits: Vec::new(),
                error: Some(if self.is_indexing() {
                    super::i18n::t("library-search-ready")
                } else {
                    super::i18n::t("library-search-needs-index")
                }),
            });
            // Try again once indexing is over.
            self.asked.clear();
            return;
        };
        let q = query.to_string();
        let lang = super::i18n::language();
        self.searching.spawn_one(ctx, move || {
            // An error in the interface's language.
            super::i18n::set_language(lang);
            match text.search_in(&q, SEARCH_LIMIT, language) {
                Ok(hits) => SearchResults {
                    query: asked,
                    hits,
                    error: None,
                },
                Err(e) => SearchResults {
                    query: asked,
                    hits: Vec::new(),
                    error: Some(fulltext_error(&e)),
                },
            }
        });
    }

    fn poll_search(&mut self) {
        let answers = self.searching.poll();
        self.take_answers(answers);
    }

    fn take_answers(&mut self, answers: Vec<Event<SearchResults>>) {
        for e in answers {
            if let Event::Message(r) = e {
                self.results = Some(r);
            }
        }
    }

    /// Wait for the search in flight (tests).
    pub fn wait_search(&mut self) {
        let answers = self.searching.wait();
        self.take_answers(answers);
    }

    /// Results of the last answered search, if they answer the last query asked.
    pub fn results(&mut self) -> Option<&SearchResults> {
        self.poll_search();
        self.results
            .as_ref()
            .filter(|r| r.query == self.asked || self.asked.is_empty())
    }

    pub(crate) fn is_searching(&self) -> bool {
        self.searching.is_busy()
    }

    /// Take what the indexing thread sent. Returns a message for the user, if any.
    pub(crate) fn poll(&mut self) -> Option<String> {
        self.job.as_ref()?;
        let events = self.indexing.poll();
        self.take_indexing(events)
    }

    fn take_indexing(&mut self, events: Vec<Event<Message>>) -> Option<String> {
        let mut message = None;
        for e in events {
            match e {
                Event::Message(Message::Cached(index)) => {
                    if self.index.is_none() {
                        self.index = Some(Arc::new(index));
                        self.generation += 1;
                    }
                }
                Event::Message(Message::Done(index, text, problems)) => {
                    let started = self.job.take().map(|j| j.started);
                    let s = &index.stats;
                    use super::i18n::{arg, number, ta};
                    let seconds = started.map(|t| t.elapsed().as_secs_f64()).unwrap_or(0.0);
                    let status = ta(
                        if s.cancelled {
                            "library-status-stopped"
                        } else {
                            "library-status"
                        },
                        &[
                            ("files", number(s.files)),
                            ("read", number(s.parsed)),
                            ("unchanged", number(s.reused)),
                            ("failed", number(s.failed)),
                            ("seconds", arg(format!("{seconds:.1}"))),
                        ],
                    );
                    self.status = Some(status);
                    self.index = Some(Arc::new(*index));
                    self.generation += 1;
                    if text.is_some() {
                        self.fulltext = text.map(Arc::new);
                        // Answers may have changed: ask again.
                        self.results = None;
                        self.asked.clear();
                    }
                    self.problem = None;
                    if !problems.is_empty() {
                        message = Some(problems.join("\n"));
                    }
                }
                Event::Lost => {}
            }
        }
        // The thread ended without its final answer (it panicked).
        if self.job.is_some() && !self.indexing.is_busy() {
            self.job = None;
            message = Some(super::i18n::t("library-indexing-stopped"));
        }
        message
    }

    /// Block until the indexing job is over (tests and the command line).
    pub fn wait(&mut self) -> Option<String> {
        let events = self.indexing.wait();
        let message = self.take_indexing(events);
        self.job = None;
        message
    }

    fn cache_file(&self, folder: &Path) -> Option<PathBuf> {
        use sha2::Digest;
        let root = self.cache_root.as_ref()?;
        let digest = sha2::Sha256::digest(folder.to_string_lossy().as_bytes());
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        Some(root.join(hex).join("index.json"))
    }

    /// The library's entry for a symbol in a language.
    pub fn find(&self, symbol: &str, language: Language) -> Option<&Entry> {
        self.index.as_ref()?.find(symbol, language)
    }

    /// The library's entry for a cited symbol: in `language` if there, else English, else any.
    pub(crate) fn find_any(&self, symbol: &str, language: Language) -> Option<&Entry> {
        let index = self.index.as_ref()?;
        index
            .find(symbol, language)
            .or_else(|| index.find(symbol, Language::En))
            .or_else(|| {
                index
                    .languages_of(symbol)
                    .first()
                    .and_then(|l| index.find(symbol, *l))
            })
    }

    /// Languages the library has for a symbol.
    pub fn languages_of(&self, symbol: &str) -> Vec<Language> {
        if let Some((g, s, l)) = &*self.languages.borrow()
            && *g == self.generation
            && s == symbol
        {
            return l.clone();
        }
        let langs = self
            .index
            .as_ref()
            .map(|i| i.languages_of(symbol))
            .unwrap_or_default();
        *self.languages.borrow_mut() = Some((self.generation, symbol.to_string(), langs.clone()));
        langs
    }
}
