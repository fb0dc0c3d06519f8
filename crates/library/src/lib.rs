//! The window-independent core of the library: a folder of resolutions indexed on disk,
//! UN metadata (`data_extract*.jsonl`), citations of paragraphs, and full-text search of
//! every paragraph (tantivy).

pub mod citation;
pub mod fulltext;
pub mod index;
pub mod metadata;
pub mod predecessor;

pub use citation::{citation, citation_text};
pub use fulltext::{FullText, Hit, RefreshStats};
pub use index::{Entry, Library, LibraryIndex};
pub use metadata::ResolutionMeta;
pub use predecessor::Subject;
pub use qarar_util::normalise_symbol;
