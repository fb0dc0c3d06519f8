//! Qarar (قرار): a desktop reader for United Nations resolutions, Arabic first.
//!
//! The library holds everything that does not need a window (document model, parsers,
//! folding, exporters, the command line) plus the egui reader in [`ui`].

pub mod annotations;
pub mod cli;
pub mod compare;
pub mod document;
pub mod export;
pub mod library;
pub mod text;
pub mod ui;
pub mod util;
