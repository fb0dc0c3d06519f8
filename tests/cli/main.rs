//! The command line, the architecture rules, and the end-to-end checks that run the binary: one test binary, a module per area.

mod architecture;
mod cli;
mod compare_exports;
mod compare_pdf;
mod compare_previous;
mod complete_documents;
