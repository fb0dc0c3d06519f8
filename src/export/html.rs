//! html export (being written).
