//! How an edit is marked when a comparison is drawn (window and PDF alike), and the number
//! that carries the mark through layout in the glyphs' metadata (a span's `mark`).

use super::{Class, Op};

/// What a stretch of text of a comparison is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain = 0,
    Inserted = 1,
    Deleted = 2,
    /// A mechanical or orthographic insertion or deletion.
    MinorInserted = 3,
    MinorDeleted = 4,
}

impl Mark {
    /// The mark of an edit of class `class`.
    pub fn of(op: Op, class: Option<Class>) -> Mark {
        match (op, Mark::is_minor_class(class)) {
            (Op::Equal, _) => Mark::Plain,
            (Op::Insert, false) => Mark::Inserted,
            (Op::Delete, false) => Mark::Deleted,
            (Op::Insert, true) => Mark::MinorInserted,
            (Op::Delete, true) => Mark::MinorDeleted,
        }
    }

    /// Whether a change of class `class` is minor (mechanical or orthographic).
    pub fn is_minor_class(class: Option<Class>) -> bool {
        matches!(class, Some(Class::Mechanical | Class::Orthographic))
    }

    /// The number carried in layout metadata.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The mark a glyph's metadata number stands for.
    pub fn from_code(code: u8) -> Mark {
        match code {
            1 => Mark::Inserted,
            2 => Mark::Deleted,
            3 => Mark::MinorInserted,
            4 => Mark::MinorDeleted,
            _ => Mark::Plain,
        }
    }

    pub fn is_deleted(self) -> bool {
        matches!(self, Mark::Deleted | Mark::MinorDeleted)
    }
}
