//! The window-independent core of the library: a folder of resolutions indexed on disk,
//! UN metadata (`data_extract*.jsonl`), citations of paragraphs, and full-text search of
//! every paragraph (tantivy).

pub mod citation;
pub mod fulltext;
pub mod index;
pub mod metadata;
pub mod predecessor;

pub use citation::{Citation, citation, citation_text};
pub use fulltext::{FullText, FullTextError, Hit, RefreshStats};
pub use index::{Entry, Library, LibraryIndex, ScanStats};
pub use metadata::{MetadataSet, ResolutionMeta, Votes, load_metadata_dir, load_metadata_file};
pub use predecessor::{Predecessor, Reasons, Subject};
pub use qarar_util::normalise_symbol;
