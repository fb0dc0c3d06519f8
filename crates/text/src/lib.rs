//! Text processing: folding for search, display blocks, fonts and layout (cosmic-text).
//! Nothing here needs a window.

pub mod align;
pub mod display;
pub mod fonts;
pub mod layout;
pub mod note_editor;
pub mod table;
