//! The resolution model and the parsers that fill it.

pub mod akn;
pub mod catalogue;
pub mod docx;
pub mod ids;
pub mod load;
pub mod model;
pub mod outline;
pub mod pdf;
pub mod pinpoint;
pub mod plain;
pub mod refs;

pub use load::{LoadError, LoadReason, MAX_FILE_SIZE, Unreadable, load_bytes, load_path};
pub use model::*;
