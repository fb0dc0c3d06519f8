//! Full-text search across the library (placeholder until the tantivy index lands).

use super::LibraryIndex;
use crate::document::Language;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum FullTextError {
    #[error("full-text search is not available")]
    Unavailable,
}

#[derive(Debug, Clone, Default)]
pub struct RefreshStats {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
    pub failed: usize,
    pub cancelled: bool,
    pub elapsed: std::time::Duration,
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub path: PathBuf,
    pub symbol: Option<String>,
    pub language: Option<Language>,
    pub paragraph: String,
    pub snippet: String,
    pub highlights: Vec<std::ops::Range<usize>>,
    pub score: f32,
}

pub struct FullText;

impl FullText {
    pub fn open(_dir: &Path) -> Result<FullText, FullTextError> {
        Err(FullTextError::Unavailable)
    }
    pub fn in_memory() -> Result<FullText, FullTextError> {
        Err(FullTextError::Unavailable)
    }
    pub fn refresh(
        &mut self,
        _library: &LibraryIndex,
        _progress: &dyn Fn(usize, usize) -> bool,
    ) -> Result<RefreshStats, FullTextError> {
        Err(FullTextError::Unavailable)
    }
    pub fn search(&self, _query: &str, _limit: usize) -> Result<Vec<Hit>, FullTextError> {
        Err(FullTextError::Unavailable)
    }
    pub fn doc_count(&self) -> u64 {
        0
    }
}
