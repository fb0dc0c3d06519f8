//! markdown export (being written).
