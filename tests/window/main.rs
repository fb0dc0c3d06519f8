//! The reader window, driven headless through egui_kittest and AccessKit: one test binary, a module per area.

mod accessibility;
mod annotate_reader;
mod annotations_pane;
mod commands;
mod common;
mod compare_view;
mod interface_language;
mod library_reader;
mod reader;
mod table_annotations;
mod tables;
