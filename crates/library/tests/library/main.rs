//! The library: index, metadata, full-text search: one test binary, a module per area.

mod library;
mod library_search;
