//! Reading resolutions: Akoma Ntoso and plain text in every shape people get it, references, hostile input: one test binary, a module per area.

mod akn_corpus;
mod akn_sections;
mod docx_corpus;
mod docx_hostile;
mod hostile_inputs;
mod pdf_corpus;
mod plain_annex_sections;
mod plain_as_people_get_it;
mod plain_parts_annexes;
mod plain_pdf_corpus;
mod plain_rewrapped;
mod plain_seed;
mod plain_shape;
mod plain_tables;
mod plain_variants;
mod refs;
