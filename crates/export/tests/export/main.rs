//! Exports: AKN, DOCX, HTML, Markdown, PDF, tables, fuzz regressions, atomic writes: one test binary, a module per area.

mod atomic_write;
mod export_akn;
mod export_docx;
mod export_html;
mod export_markdown;
mod export_pdf;
mod fuzz_regressions;
mod reading_order;
mod table_spans;
