//! Qarar (قرار): a desktop reader for United Nations resolutions, Arabic first.
//!
//! This crate is the window ([`ui`], egui) and the command line ([`cli`]); everything that
//! does not need a window lives in the crates under `crates/` (ARCHITECTURE.md): the model
//! and parsers (`qarar-document`), text layout (`qarar-text`), annotations, compare, export
//! and the library, each below this one.

pub mod build_info;
pub mod cli;
pub mod ui;
