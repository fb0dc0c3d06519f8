//! Full-text search across a library: one tantivy document per paragraph, indexed with the
//! same Arabic/Latin folding as the in-document search (`util::fold`), persisted next to
//! the library index and refreshed incrementally.
//!
//! The per-file state (path → size, mtime) travels in the commit payload of the tantivy
//! index, so it is written atomically with the paragraphs it describes: whatever was
//! committed last is consistent, even after a cancelled refresh or a crash.

use super::index::{Entry, LibraryIndex};
use qarar_document::{Document, Language, load_path};
use qarar_util::fold::{fold_str, is_ignorable};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::{SnippetGenerator, collapse_overlapped_ranges};
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};
use unicode_normalization::char::is_combining_mark;

/// Version of the payload and schema; an index of another version is rebuilt.
const FULLTEXT_VERSION: u32 = 2;
/// Name under which the folding tokenizer is registered on the index.
const TOKENIZER: &str = "qarar_fold";
/// Writer memory budget (tantivy's minimum is 15 MB per thread).
const WRITER_MEMORY: usize = 64 * 1024 * 1024;
/// Indexing threads; the calling thread parses documents meanwhile.
const WRITER_THREADS: usize = 1;
/// Longest folded token indexed, in bytes (longer runs are not words).
const MAX_TOKEN_BYTES: usize = 200;
/// Snippet length in bytes of the original text (Arabic letters take two).
const SNIPPET_BYTES: usize = 320;

/// Why the full-text index could not be opened, updated or searched.
#[derive(Debug, thiserror::Error)]
pub enum FullTextError {
    #[error("cannot use the search index folder {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("search index {place}: {source}")]
    Index {
        /// The index folder, or "in memory".
        place: String,
        source: TantivyError,
    },
    #[error("search index {place}: cannot index {file}: {source}")]
    File {
        place: String,
        file: PathBuf,
        source: TantivyError,
    },
    #[error("search index {place}: cannot record the indexed files: {source}")]
    State {
        place: String,
        source: serde_json::Error,
    },
}

/// What a refresh did.
#[derive(Debug, Clone, Default)]
pub struct RefreshStats {
    /// Files indexed for the first time.
    pub added: usize,
    /// Files indexed again because their size or mtime changed.
    pub updated: usize,
    /// Files whose paragraphs were removed because they left the library.
    pub removed: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Files that could not be read or parsed (their paragraphs are not searchable).
    pub failed: usize,
    /// True when the progress callback asked to stop; what was done is committed.
    pub cancelled: bool,
    pub elapsed: Duration,
}

/// One paragraph that matches a query.
#[derive(Debug, Clone)]
pub struct Hit {
    pub path: PathBuf,
    pub symbol: Option<String>,
    pub language: Option<Language>,
    /// Paragraph id (`para_13_b`, `preamble_3`).
    pub paragraph: String,
    /// Original (unfolded) text around the match.
    pub snippet: String,
    /// Byte ranges of the matched words in `snippet`, sorted, not overlapping.
    pub highlights: Vec<Range<usize>>,
    pub score: f32,
}

/// What the index knows about one file (persisted in the commit payload).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct FileState {
    size: u64,
    mtime_ns: u64,
    /// The library could not parse it: no paragraphs are indexed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    failed: bool,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Payload {
    version: u32,
    files: BTreeMap<String, FileState>,
}

#[derive(Debug, Clone, Copy)]
struct Fields {
    path: Field,
    symbol: Field,
    language: Field,
    paragraph: Field,
    text: Field,
}

/// A full-text index of a library's paragraphs.
pub struct FullText {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// Folder of a persistent index.
    dir: Option<PathBuf>,
    /// Committed per-file state, keyed by path.
    files: BTreeMap<String, FileState>,
}

impl std::fmt::Debug for FullText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FullText")
            .field("dir", &self.dir)
            .field("files", &self.files.len())
            .finish_non_exhaustive()
    }
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text_options = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        path: b.add_text_field("path", STRING | STORED),
        symbol: b.add_text_field("symbol", STRING | STORED),
        language: b.add_text_field("language", STRING | STORED),
        paragraph: b.add_text_field("paragraph", STORED),
        text: b.add_text_field("text", text_options),
    };
    (b.build(), fields)
}

fn place_of(dir: Option<&Path>) -> String {
    dir.map(|d| d.display().to_string())
        .unwrap_or_else(|| "in memory".to_string())
}

impl FullText {
    /// Create or open a persistent index in `dir` (created if missing). An index that cannot
    /// be read, or was written by another version, is deleted and started afresh. Only the
    /// index's own files in `dir` are ever deleted.
    pub fn open(dir: &Path) -> Result<FullText, FullTextError> {
        std::fs::create_dir_all(dir).map_err(|source| FullTextError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        if dir.join("meta.json").exists() {
            match Self::open_existing(dir) {
                Ok(ft) => return Ok(ft),
                Err(_) => clear_index_files(dir)?,
            }
        }
        let err = |source| FullTextError::Index {
            place: place_of(Some(dir)),
            source,
        };
        let (schema, _) = schema();
        let index = Index::create_in_dir(dir, schema).map_err(err)?;
        Self::with_index(index, Some(dir.to_path_buf()), BTreeMap::new())
    }

    /// A fresh index held in memory.
    pub fn in_memory() -> Result<FullText, FullTextError> {
        let (schema, _) = schema();
        Self::with_index(Index::create_in_ram(schema), None, BTreeMap::new())
    }

    /// Open an index that exists on disk; any problem (unreadable, other schema or version,
    /// missing segment) is an error, and the caller rebuilds.
    fn open_existing(dir: &Path) -> Result<FullText, FullTextError> {
        let err = |source| FullTextError::Index {
            place: place_of(Some(dir)),
            source,
        };
        let index = Index::open_in_dir(dir).map_err(err)?;
        let (expected, _) = schema();
        if index.schema() != expected {
            return Err(err(TantivyError::SchemaError(
                "written by another version of Qarar".to_string(),
            )));
        }
        let metas = index.load_metas().map_err(err)?;
        let payload: Payload = match metas.payload.as_deref() {
            Some(p) => serde_json::from_str(p).map_err(|source| FullTextError::State {
                place: place_of(Some(dir)),
                source,
            })?,
            None if metas.segments.is_empty() => Payload {
                version: FULLTEXT_VERSION,
                ..Payload::default()
            },
            None => {
                return Err(err(TantivyError::SchemaError(
                    "no record of the indexed files".to_string(),
                )));
            }
        };
        if payload.version != FULLTEXT_VERSION {
            return Err(err(TantivyError::SchemaError(format!(
                "version {} (expected {FULLTEXT_VERSION})",
                payload.version
            ))));
        }
        Self::with_index(index, Some(dir.to_path_buf()), payload.files)
    }

    fn with_index(
        index: Index,
        dir: Option<PathBuf>,
        files: BTreeMap<String, FileState>,
    ) -> Result<FullText, FullTextError> {
        let err = |source| FullTextError::Index {
            place: place_of(dir.as_deref()),
            source,
        };
        index.tokenizers().register(
            TOKENIZER,
            TextAnalyzer::from(FoldTokenizer { expand: true }),
        );
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(err)?;
        let (_, fields) = schema();
        Ok(FullText {
            index,
            reader,
            fields,
            dir,
            files,
        })
    }

    fn place(&self) -> String {
        place_of(self.dir.as_deref())
    }

    fn error(&self, source: TantivyError) -> FullTextError {
        FullTextError::Index {
            place: self.place(),
            source,
        }
    }

    /// Number of indexed paragraphs.
    pub fn doc_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Make the index match `library`: files that are new or whose size or mtime changed
    /// are (re)indexed, paragraphs of files no longer in the library are deleted, unchanged
    /// files are not read. `progress(done, total)` is called before the first file and after
    /// each one (`total` counts the files to index or delete); returning `false` stops, and
    /// what was done so far is committed. When the library's own scan was cancelled, files
    /// missing from it are kept.
    pub fn refresh(
        &mut self,
        library: &LibraryIndex,
        progress: &dyn Fn(usize, usize) -> bool,
    ) -> Result<RefreshStats, FullTextError> {
        let start = Instant::now();
        let mut stats = RefreshStats::default();
        let mut work: Vec<(&Entry, String, bool)> = Vec::new();
        let mut present = HashSet::with_capacity(library.entries.len());
        for e in &library.entries {
            let key = e.path.to_string_lossy().into_owned();
            let current = self.files.get(&key);
            let same = current
                .is_some_and(|s| s.size == e.size && s.mtime_ns == e.mtime_ns && e.mtime_ns != 0)
                && current.is_some_and(|s| s.failed == e.error.is_some());
            if same {
                stats.unchanged += 1;
            } else {
                work.push((e, key.clone(), current.is_some()));
            }
            present.insert(key);
        }
        let gone: Vec<String> = if library.stats.cancelled {
            Vec::new()
        } else {
            self.files
                .keys()
                .filter(|k| !present.contains(*k))
                .cloned()
                .collect()
        };
        let total = work.len() + gone.len();
        if !progress(0, total) {
            stats.cancelled = true;
        }
        if total == 0 || stats.cancelled {
            stats.elapsed = start.elapsed();
            return Ok(stats);
        }

        let mut writer: IndexWriter = self
            .index
            .writer_with_num_threads(WRITER_THREADS, WRITER_MEMORY)
            .map_err(|e| self.error(e))?;
        let mut files = self.files.clone();
        let mut done = 0;
        for key in &gone {
            writer.delete_term(Term::from_field_text(self.fields.path, key));
            files.remove(key);
            stats.removed += 1;
            done += 1;
            if !progress(done, total) {
                stats.cancelled = true;
                break;
            }
        }
        if !stats.cancelled {
            for (entry, key, known) in &work {
                writer.delete_term(Term::from_field_text(self.fields.path, key));
                let state = FileState {
                    size: entry.size,
                    mtime_ns: entry.mtime_ns,
                    failed: false,
                };
                let doc = if entry.error.is_some() {
                    None
                } else {
                    load_path(&entry.path).ok()
                };
                match doc {
                    Some(doc) => {
                        self.add_paragraphs(&writer, entry, key, &doc)?;
                        files.insert(key.clone(), state);
                        if *known {
                            stats.updated += 1;
                        } else {
                            stats.added += 1;
                        }
                    }
                    None => {
                        stats.failed += 1;
                        if entry.error.is_some() {
                            // Remembered so that it is not retried until it changes.
                            files.insert(
                                key.clone(),
                                FileState {
                                    failed: true,
                                    ..state
                                },
                            );
                        } else {
                            // It parsed during the scan: retried at the next refresh.
                            files.remove(key);
                        }
                    }
                }
                done += 1;
                if !progress(done, total) {
                    stats.cancelled = true;
                    break;
                }
            }
        }

        let payload = Payload {
            version: FULLTEXT_VERSION,
            files,
        };
        let json = serde_json::to_string(&payload).map_err(|source| FullTextError::State {
            place: self.place(),
            source,
        })?;
        let mut commit = writer.prepare_commit().map_err(|e| self.error(e))?;
        commit.set_payload(&json);
        commit.commit().map_err(|e| self.error(e))?;
        // The paragraphs and the file state are committed together.
        self.files = payload.files;
        writer.wait_merging_threads().map_err(|e| self.error(e))?;
        self.reader.reload().map_err(|e| self.error(e))?;
        stats.elapsed = start.elapsed();
        Ok(stats)
    }

    fn add_paragraphs(
        &self,
        writer: &IndexWriter,
        entry: &Entry,
        key: &str,
        doc: &Document,
    ) -> Result<(), FullTextError> {
        let f = self.fields;
        let symbol = entry.symbol.as_deref();
        let language = entry.language.unwrap_or(doc.meta.language).code();
        for (_, p) in doc.paragraphs() {
            let text = p.text();
            if text.trim().is_empty() {
                continue;
            }
            let mut d = TantivyDocument::default();
            d.add_text(f.path, key);
            if let Some(s) = symbol {
                d.add_text(f.symbol, s);
            }
            d.add_text(f.language, language);
            d.add_text(f.paragraph, &p.id);
            d.add_text(f.text, &text);
            writer
                .add_document(d)
                .map_err(|source| FullTextError::File {
                    place: self.place(),
                    file: entry.path.clone(),
                    source,
                })?;
        }
        Ok(())
    }

    /// Paragraphs matching every word of `query`, best first, at most `limit`. The query is
    /// folded like the documents (case, harakat, tatweel, alef/ya/ta marbuta variants,
    /// Persian letters); `"a quoted phrase"` matches the words in that order. An Arabic word
    /// also matches the same word with a leading و/ف, ب/ل/ك or ال attached.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, FullTextError> {
        self.search_in(query, limit, None)
    }

    /// [`FullText::search`] in the documents of one language only (when given).
    pub fn search_in(
        &self,
        query: &str,
        limit: usize,
        language: Option<Language>,
    ) -> Result<Vec<Hit>, FullTextError> {
        let Some(mut q) = self.build_query(query) else {
            return Ok(Vec::new());
        };
        if let Some(l) = language {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(q))];
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.language, l.code()),
                    IndexRecordOption::Basic,
                )),
            ));
            q = BooleanQuery::new(clauses);
        }
        if limit == 0 {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let top = searcher
            .search(&q, &TopDocs::with_limit(limit).order_by_score())
            .map_err(|e| self.error(e))?;
        let mut snippets =
            SnippetGenerator::create(&searcher, &q, self.fields.text).map_err(|e| self.error(e))?;
        snippets.set_max_num_chars(SNIPPET_BYTES);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.error(e))?;
            let get = |field: Field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let text = get(self.fields.text).unwrap_or_default();
            let snippet = snippets.snippet(&text);
            let (snippet, highlights) = if snippet.fragment().is_empty() {
                (leading_text(&text, SNIPPET_BYTES), Vec::new())
            } else {
                (
                    snippet.fragment().to_string(),
                    collapse_overlapped_ranges(snippet.highlighted()),
                )
            };
            hits.push(Hit {
                path: PathBuf::from(get(self.fields.path).unwrap_or_default()),
                symbol: get(self.fields.symbol),
                language: get(self.fields.language).and_then(|c| Language::from_code(&c)),
                paragraph: get(self.fields.paragraph).unwrap_or_default(),
                snippet,
                highlights,
                score,
            });
        }
        Ok(hits)
    }

    /// Every word (or quoted phrase) of `query` must match; `None` when it has no word.
    fn build_query(&self, query: &str) -> Option<BooleanQuery> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (i, part) in query.split('"').enumerate() {
            let quoted = i % 2 == 1;
            let groups: Vec<&str> = if quoted {
                vec![part]
            } else {
                part.split_whitespace().collect()
            };
            for group in groups {
                let terms: Vec<Term> = query_tokens(group)
                    .into_iter()
                    .map(|t| Term::from_field_text(self.fields.text, &t))
                    .collect();
                let q: Box<dyn Query> = match terms.len() {
                    0 => continue,
                    1 => Box::new(TermQuery::new(
                        terms[0].clone(),
                        IndexRecordOption::WithFreqs,
                    )),
                    _ => Box::new(PhraseQuery::new(terms)),
                };
                clauses.push((Occur::Must, q));
            }
        }
        (!clauses.is_empty()).then(|| BooleanQuery::new(clauses))
    }
}

/// The first `max` bytes of `text` (at a character boundary), for a hit without a snippet.
fn leading_text(text: &str, max: usize) -> String {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

/// Delete the files tantivy writes (`meta.json`, `.managed.json`, locks, segment files named
/// by a 32-digit hex id), nothing else.
fn clear_index_files(dir: &Path) -> Result<(), FullTextError> {
    let io = |source| FullTextError::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let segment = name
            .split('.')
            .next()
            .is_some_and(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()));
        let ours = segment
            || name == "meta.json"
            || name == ".managed.json"
            || (name.starts_with(".tantivy-") && name.ends_with(".lock"));
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            std::fs::remove_file(entry.path()).map_err(io)?;
        }
    }
    Ok(())
}

/// The folded tokens of a query: words as typed, no clitic variants.
fn query_tokens(text: &str) -> Vec<String> {
    let mut tokenizer = FoldTokenizer { expand: false };
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

/// Splits text into words (letters and digits with the marks and format controls inside
/// them; each Chinese or Japanese character on its own) and folds each one with
/// [`fold_str`]. Offsets point into the original text. With `expand`, an Arabic word is also
/// indexed, at the same position, without its leading clitics (و/ف, ب/ل/ك, ال).
#[derive(Debug, Clone)]
struct FoldTokenizer {
    expand: bool,
}

/// Token stream of [`FoldTokenizer`].
struct FoldTokenStream<'a> {
    text: &'a str,
    pos: usize,
    expand: bool,
    token: Token,
    /// Variants still to emit at the current position, last first.
    pending: Vec<String>,
}

impl Tokenizer for FoldTokenizer {
    type TokenStream<'a> = FoldTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FoldTokenStream<'a> {
        FoldTokenStream {
            text,
            pos: 0,
            expand: self.expand,
            token: Token::default(),
            pending: Vec::new(),
        }
    }
}

/// Chinese and Japanese characters, indexed one by one (the text has no spaces).
fn is_ideographic(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// Characters that continue a word once it has started.
fn continues_word(c: char) -> bool {
    (c.is_alphanumeric() || is_combining_mark(c) || is_ignorable(c)) && !is_ideographic(c)
}

impl FoldTokenStream<'_> {
    /// The next word as a byte range of the text, or `None` at the end.
    fn next_word(&mut self) -> Option<Range<usize>> {
        let rest = self.text.get(self.pos..)?;
        let (offset, first) = rest.char_indices().find(|(_, c)| c.is_alphanumeric())?;
        let start = self.pos + offset;
        let mut end = start + first.len_utf8();
        if !is_ideographic(first) {
            for (i, c) in self.text[end..].char_indices() {
                if !continues_word(c) {
                    break;
                }
                end = start + first.len_utf8() + i + c.len_utf8();
            }
            // Trailing format controls or tatweel are not part of the word as shown.
            while let Some(c) = self.text[start..end].chars().next_back() {
                if end - c.len_utf8() <= start || !is_ignorable(c) || is_combining_mark(c) {
                    break;
                }
                end -= c.len_utf8();
            }
        }
        self.pos = end;
        Some(start..end)
    }
}

impl TokenStream for FoldTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some(variant) = self.pending.pop() {
            self.token.text = variant;
            return true;
        }
        while let Some(range) = self.next_word() {
            let folded = fold_str(&self.text[range.clone()]);
            if folded.is_empty() || folded.len() > MAX_TOKEN_BYTES {
                continue;
            }
            if self.expand {
                self.pending = arabic_variants(&folded);
                self.pending.reverse();
            }
            self.token.offset_from = range.start;
            self.token.offset_to = range.end;
            self.token.position = self.token.position.wrapping_add(1);
            self.token.position_length = 1;
            self.token.text = folded;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// A folded Arabic word without its leading clitics: `والانتربول` → `الانتربول`,
/// `انتربول`; `للامم` → `الامم`, `امم`. The word itself is not included; a stem keeps at
/// least two letters (three after a one-letter prefix), so short words are left alone.
fn arabic_variants(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let arabic = chars
        .iter()
        .all(|c| ('\u{0621}'..='\u{064A}').contains(c) || ('\u{066E}'..='\u{06D3}').contains(c));
    if !arabic || chars.len() < 4 {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    let push = |s: &[char], out: &mut Vec<String>| {
        let s: String = s.iter().collect();
        if s != word && !out.contains(&s) {
            out.push(s);
        }
    };
    let mut bases: Vec<&[char]> = vec![&chars];
    if matches!(chars[0], 'و' | 'ف') && chars.len() > 3 {
        bases.push(&chars[1..]);
        push(&chars[1..], &mut out);
    }
    for base in bases {
        let article = |s: &[char]| s.len() >= 4 && s[0] == 'ا' && s[1] == 'ل';
        if base.len() >= 4 && base[0] == 'ل' && base[1] == 'ل' {
            // ل + ال: the alif of the article is dropped in writing.
            let mut with_article = vec!['ا'];
            with_article.extend_from_slice(&base[1..]);
            push(&with_article, &mut out);
            push(&base[2..], &mut out);
        } else if matches!(base[0], 'ب' | 'ل' | 'ك') && article(&base[1..]) {
            push(&base[1..], &mut out);
            push(&base[3..], &mut out);
        } else if article(base) {
            push(&base[2..], &mut out);
        } else if base.len() >= 5 && matches!(base[0], 'ب' | 'ل' | 'ك') {
            push(&base[1..], &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str, expand: bool) -> Vec<(String, Range<usize>, usize)> {
        let mut t = FoldTokenizer { expand };
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while let Some(tok) = s.next() {
            out.push((
                tok.text.clone(),
                tok.offset_from..tok.offset_to,
                tok.position,
            ));
        }
        out
    }

    #[test]
    fn folds_words_and_keeps_original_offsets() {
        let text = "منظمةُ الشرطةِ (الإنترپول)، INTERPOL";
        let toks = tokens(text, false);
        let words: Vec<&str> = toks.iter().map(|(t, _, _)| t.as_str()).collect();
        assert_eq!(words, ["منظمه", "الشرطه", "الانتربول", "interpol"]);
        assert_eq!(&text[toks[2].1.clone()], "الإنترپول");
        assert_eq!(&text[toks[0].1.clone()], "منظمةُ");
    }

    #[test]
    fn clitic_variants_share_the_position() {
        let toks = tokens("ووافق والإنتربول", true);
        let at_1: Vec<&str> = toks
            .iter()
            .filter(|(_, _, p)| *p == 1)
            .map(|(t, _, _)| t.as_str())
            .collect();
        assert_eq!(at_1, ["والانتربول", "الانتربول", "انتربول"]);
        assert_eq!(arabic_variants("للامم"), ["الامم", "امم"]);
        assert!(arabic_variants("من").is_empty());
    }

    #[test]
    fn chinese_characters_are_single_tokens() {
        let toks = tokens("联合国大会", false);
        assert_eq!(toks.len(), 5);
    }
}
