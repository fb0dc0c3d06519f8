//! akn export (being written).
