//! Structure JSON.
