//! Annotations: anchoring across versions, the store under crashes: one test binary, a module per area.

mod annotation_anchor;
mod annotation_store_crash;
