//! docx export (being written).
