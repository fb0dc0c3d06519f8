//! The bundled fonts (from `fonts/`, OFL, taken from Debian's `fonts-noto-core`), compiled into
//! the binary so that rendering is the same on every machine.

use cosmic_text::{FontSystem, fontdb};

/// Arabic reading face.
pub const ARABIC_FAMILY: &str = "Noto Naskh Arabic";
/// Latin face for symbols and the other UN languages.
pub const LATIN_FAMILY: &str = "Noto Serif";
/// Chinese face (a subset of Noto Serif CJK SC: GB 2312 and punctuation), reached by
/// cosmic-text's fallback for Han characters.
pub const CJK_FAMILY: &str = "Noto Serif CJK SC";

const FONTS: &[&[u8]] = &[
    include_bytes!("../../../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../../fonts/NotoNaskhArabic-Bold.ttf"),
    include_bytes!("../../../fonts/NotoSerif-Regular.ttf"),
    include_bytes!("../../../fonts/NotoSerif-Bold.ttf"),
    include_bytes!("../../../fonts/NotoSerif-Italic.ttf"),
    include_bytes!("../../../fonts/NotoSerifCJKsc-Regular-subset.otf"),
];

/// The raw bytes of the bundled fonts (for exporters that embed them).
pub fn font_data() -> &'static [&'static [u8]] {
    FONTS
}

/// A font system holding only the bundled fonts (no system scan: fast and reproducible).
pub fn font_system() -> FontSystem {
    let mut db = fontdb::Database::new();
    for data in FONTS {
        db.load_font_source(fontdb::Source::Binary(std::sync::Arc::new(*data)));
    }
    db.set_serif_family(LATIN_FAMILY);
    db.set_sans_serif_family(LATIN_FAMILY);
    FontSystem::new_with_locale_and_db("ar".to_string(), db)
}
