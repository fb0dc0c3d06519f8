//! Text processing independent of any window: folding for search.

pub mod fold;
