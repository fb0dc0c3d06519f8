//! Annotations: anchoring across versions, the store under crashes, the session (undo, saving,
//! import) without a window: one test binary, a module per area.

mod annotation_anchor;
mod annotation_store_crash;
mod session;
