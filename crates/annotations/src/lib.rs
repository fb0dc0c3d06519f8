//! Annotations: highlights, notes and tags on passages and paragraphs (issue 4), without a
//! window.
//!
//! * [`model`]: [`Annotation`] and [`Color`], made with [`Annotation::new_on_passage`] or
//!   [`Annotation::new_on_paragraph`].
//! * [`identity`]: [`DocumentIdentity`], symbol + language and a content hash; its
//!   [`DocumentIdentity::storage_key`] names the file the annotations are kept in.
//! * [`w3c`]: reading and writing the W3C Web Annotation Data Model (JSON-LD).
//! * [`store`]: the per-document files in the user's data directory, saved atomically,
//!   merged between windows, with backups and damaged files set aside.
//! * [`anchor`]: placing annotations on a (possibly different) text of the document:
//!   [`Anchor::Exact`], [`Anchor::Fuzzy`] or [`Anchor::Orphan`].
//! * [`export`]: the `annotations` entries of the structure JSON export.
//! * [`session`]: one open document's annotations as the window works with them — changes
//!   with undo and redo, saved in the background [`SAVE_DELAY`] after the last change,
//!   import and export — without a window ([`Session`]).
//! * [`filter`]: the list a pane shows, in document order, and its [`Filter`] by text
//!   (Arabic folding), colour and tag.
//!
//! Positions are always counted in Unicode code points (`char`s) of
//! [`Paragraph::text`](qarar_document::model::Paragraph::text).
//!
//! The store, used directly (a [`Session`] does this for the window):
//!
//! ```no_run
//! use qarar_annotations::{Anchorer, Annotation, Color, DocumentIdentity, Store};
//! # fn demo(doc: &qarar_document::model::Document) -> Result<(), Box<dyn std::error::Error>> {
//! let identity = DocumentIdentity::of(doc);
//! let store = Store::open_default()?;
//! let loaded = store.load(&identity)?;
//! for warning in &loaded.warnings {
//!     eprintln!("{warning}"); // show it to the user
//! }
//! let anchorer = Anchorer::new(doc);
//! for annotation in &loaded.annotations {
//!     let _anchor = anchorer.anchor(annotation); // where to draw it
//! }
//! let mut annotations = loaded.annotations;
//! annotations.push(Annotation::new_on_passage(doc, "para_1", 0..10, Color::Yellow)?);
//! let merged = store.save(&identity, &annotations, &[])?; // merged with other windows
//! annotations = merged.annotations;
//! # let _ = annotations; Ok(()) }
//! ```

pub mod anchor;
pub mod export;
pub mod filter;
pub mod identity;
pub mod model;
pub mod session;
pub mod store;
pub mod w3c;

pub use anchor::{Anchor, Anchorer};
pub use filter::{Filter, ListItem};
pub use identity::DocumentIdentity;
pub use model::{Annotation, AnnotationError, Color, Quote};
pub use session::{SAVE_DELAY, Session};
pub use store::{Loaded, Store, StoreError, StoreWarning};
pub use w3c::{Parsed, Tombstone, W3cError};
