//! The reader window.
