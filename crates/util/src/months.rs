//! Month names as UN resolutions write them, in every language that has them: the one list
//! that date handling uses (reference cues read across `21 November 2016`, the comparison
//! masks months as mechanical changes, the display keeps a day with its month).

/// English, capitalised as written.
pub const ENGLISH: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// French.
pub(crate) const FRENCH: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Spanish.
pub(crate) const SPANISH: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Russian, in the genitive that dates use (`21 ноября 2016 года`).
pub(crate) const RUSSIAN: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Arabic names of the Gregorian months, as UN Arabic texts write them.
pub(crate) const ARABIC: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيه",
    "يوليه",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// Arabic (Levantine) month names written before the Gregorian one
/// (`تشرين الثاني/نوفمبر`), one word each: `كانون` and `تشرين` begin two names each (with
/// `الثاني`, `الأول`).
pub(crate) const ARABIC_LEVANTINE: [&str; 10] = [
    "كانون",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين",
];

/// Other spellings met in the texts: French without accents, Arabic without hamza or with
/// the other vowel (`يونيو`, `يوليو`), Peruvian Spanish `setiembre`.
pub(crate) const VARIANTS: [&str; 9] = [
    "fevrier",
    "aout",
    "decembre",
    "ابريل",
    "اغسطس",
    "اكتوبر",
    "يونيو",
    "يوليو",
    "setiembre",
];

/// The month (1–12) each spelling of [`VARIANTS`] names.
const VARIANT_NUMBERS: [u32; 9] = [2, 8, 12, 4, 8, 10, 6, 7, 9];

/// The number (1–12) of a Gregorian month name in any language or spelling above
/// (`Février`, `fevrier`, `ноября`, `يونيو`), compared as search folds them (case, hamza,
/// harakat); `None` for anything else, the Levantine names included (two of them begin two
/// months each).
pub fn number(word: &str) -> Option<u32> {
    static FOLDED: std::sync::OnceLock<std::collections::HashMap<String, u32>> =
        std::sync::OnceLock::new();
    let table = FOLDED.get_or_init(|| {
        let mut table = std::collections::HashMap::new();
        for list in [ENGLISH, FRENCH, SPANISH, RUSSIAN, ARABIC] {
            for (n, name) in (1..).zip(list) {
                table.insert(crate::fold::fold_str(name), n);
            }
        }
        for (name, n) in VARIANTS.into_iter().zip(VARIANT_NUMBERS) {
            table.insert(crate::fold::fold_str(name), n);
        }
        table
    });
    table.get(&crate::fold::fold_str(word)).copied()
}

/// Every month name and spelling above, as written.
pub fn all() -> impl Iterator<Item = &'static str> {
    ENGLISH
        .into_iter()
        .chain(FRENCH)
        .chain(SPANISH)
        .chain(RUSSIAN)
        .chain(ARABIC)
        .chain(ARABIC_LEVANTINE)
        .chain(VARIANTS)
}

/// True when `word` is a month name: Latin names in any case (`JANUARY`, `Février`), the
/// others as written.
pub fn is_month(word: &str) -> bool {
    !word.is_empty() && all().any(|m| m.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_every_language() {
        for w in [
            "November",
            "november",
            "Février",
            "diciembre",
            "ноября",
            "نوفمبر",
        ] {
            assert!(is_month(w), "{w}");
        }
        assert!(is_month("تشرين") && is_month("أيلول"));
        assert!(!is_month("") && !is_month("Novembre 2016") && !is_month("resolution"));
    }

    #[test]
    fn month_numbers_in_every_language_and_spelling() {
        for (w, n) in [
            ("January", 1),
            ("fevrier", 2),
            ("Février", 2),
            ("setiembre", 9),
            ("ноября", 11),
            ("أغسطس", 8),
            ("اغسطس", 8),
            ("يونيو", 6),
            ("يونيه", 6),
            ("DECEMBER", 12),
        ] {
            assert_eq!(number(w), Some(n), "{w}");
        }
        assert_eq!(number("تشرين"), None);
        assert_eq!(number("resolution"), None);
        assert_eq!(number(""), None);
    }
}
