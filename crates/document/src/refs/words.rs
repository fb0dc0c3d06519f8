//! Word lists of the cues (resolutions, decisions, paragraphs, dates, treaties, organs),
//! compared after search folding (`أ` → `ا`, `ة` → `ه`, lowercase), and the table that
//! classifies a word.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use qarar_util::fold::{FoldOptions, fold_char};
use qarar_util::months;

/// Resolution cues.
const RESOLUTION_CUES: &[&str] = &[
    "القرار",
    "قرار",
    "قرارها",
    "قراره",
    "قراريها",
    "قراريه",
    "قراراتها",
    "قراراته",
    "قراري",
    "قرارات",
    "القرارات",
    "القرارين",
    "قرارين",
    "resolution",
    "resolutions",
    "résolution",
    "résolutions",
    "resolución",
    "resoluciones",
    "резолюция",
    "резолюции",
    "резолюцию",
    "резолюций",
    "резолюциях",
    "резолюциями",
    "резолюцией",
];

/// Decision cues.
const DECISION_CUES: &[&str] = &[
    "المقرر",
    "مقرر",
    "مقررها",
    "مقرره",
    "مقرريها",
    "مقرراتها",
    "مقرري",
    "مقررات",
    "المقررات",
    "المقررين",
    "decision",
    "decisions",
    "décision",
    "décisions",
    "decisión",
    "decisiones",
    "решение",
    "решения",
    "решении",
    "решений",
    "решением",
];

/// Words allowed between two items of a list: date phrases (and the month names of
/// [`months`], folded when the table is built).
const DATE_WORDS: &[&str] = &[
    "المورخ",
    "المؤرخ",
    "المؤرخه",
    "المؤرخين",
    "المؤرختين",
    "المؤرخان",
    "المؤرختان",
    "في",
    "عام",
    "لعام",
    "الثاني",
    "الاول",
    "of",
    "dated",
    "on",
    "du",
    "en",
    "date",
    "de",
    "от",
    "года",
    "г",
];

/// List connectors.
pub(super) const CONNECTORS: &[&str] = &["و", "and", "to", "الى", "et", "y", "и"];

/// Internal reference cues.
const PARAGRAPH_CUES: &[&str] = &[
    "الفقره",
    "الفقرتين",
    "الفقرتان",
    "الفقرات",
    "فقره",
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "paragraphe",
    "paragraphes",
    "párrafo",
    "párrafos",
    "пункт",
    "пункта",
    "пункте",
    "пункту",
    "пунктах",
    "пунктами",
    "пунктов",
];

/// Names of the United Nations Treaty Series (folded keys).
pub(super) const TREATY_SERIES: &[&[&str]] = &[
    &["treaty", "series"],
    &["مجموعه", "المعاهدات"],
    &["recueil", "des", "traités"],
    &["сборник", "договоров"],
];

/// "United Nations" before the series name.
pub(super) const UNITED_NATIONS: &[&[&str]] = &[
    &["united", "nations"],
    &["الامم", "المتحده"],
    &["nations", "unies"],
    &["naciones", "unidas"],
];

/// Volume labels of a treaty citation.
pub(super) const VOLUME_LABELS: &[&str] = &["vol", "vols", "volume", "المجلد", "т"];

/// Registration number labels of a treaty citation.
pub(super) const NUMBER_LABELS: &[&str] = &["no", "núm", "nº", "n", "الرقم", "رقم"];

/// Page labels of a treaty citation.
pub(super) const PAGE_LABELS: &[&str] = &["p", "pp", "ص", "c"];

/// Words that end an internal reference list.
pub(super) const PARAGRAPH_ENDS: &[&str] = &[
    "above",
    "below",
    "اعلاه",
    "ادناه",
    "supra",
    "infra",
    "выше",
    "ниже",
];

/// "of the present resolution" in several languages (folded keys).
pub(super) const PRESENT_RESOLUTION: &[&[&str]] = &[
    &["of", "the", "present", "resolution"],
    &["in", "the", "present", "resolution"],
    &["من", "هذا", "القرار"],
    &["de", "la", "présente", "résolution"],
    &["de", "la", "presente", "resolución"],
    &["настоящей", "резолюции"],
];

/// The organ that issued a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Organ {
    GeneralAssembly,
    SecurityCouncil,
    Ecosoc,
    HumanRightsCouncil,
}

/// Organ names as written after a cue (Arabic, French, Spanish, Russian).
pub(super) const ORGANS_AFTER: &[(&[&str], Organ)] = &[
    (&["المجلس", "الاقتصادي", "والاجتماعي"], Organ::Ecosoc),
    (&["مجلس", "الامن"], Organ::SecurityCouncil),
    (&["الجمعيه", "العامه"], Organ::GeneralAssembly),
    (&["مجلس", "حقوق", "الانسان"], Organ::HumanRightsCouncil),
    (
        &["du", "conseil", "économique", "et", "social"],
        Organ::Ecosoc,
    ),
    (&["du", "conseil", "de", "sécurité"], Organ::SecurityCouncil),
    (
        &["del", "consejo", "económico", "y", "social"],
        Organ::Ecosoc,
    ),
    (
        &["del", "consejo", "de", "seguridad"],
        Organ::SecurityCouncil,
    ),
    (&["de", "la", "asamblea", "general"], Organ::GeneralAssembly),
    (
        &["экономического", "и", "социального", "совета"],
        Organ::Ecosoc,
    ),
    (&["совета", "безопасности"], Organ::SecurityCouncil),
    (&["генеральной", "ассамблеи"], Organ::GeneralAssembly),
];

/// Organ names as written before an English cue.
pub(super) const ORGANS_BEFORE: &[(&[&str], Organ)] = &[
    (&["economic", "and", "social", "council"], Organ::Ecosoc),
    (&["security", "council"], Organ::SecurityCouncil),
    (&["general", "assembly"], Organ::GeneralAssembly),
    (&["human", "rights", "council"], Organ::HumanRightsCouncil),
];

/// Search-folded form of a word (for comparison with the lists above).
pub(super) fn key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    key_into(word, &mut out);
    out
}

/// [`key`] written into `out`, which is cleared first.
pub(super) fn key_into(word: &str, out: &mut String) {
    out.clear();
    let arabic = arabic_keys();
    for c in word.chars() {
        if c.is_ascii() {
            // Folding leaves ASCII as it is but for case.
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match arabic.get((c as usize).wrapping_sub(ARABIC_BLOCK)) {
            Some(CharKey::Deleted) => {}
            Some(CharKey::One(k)) => out.push(*k),
            Some(CharKey::Other) | None => push_key(c, out),
        }
    }
}

/// Append the key of one character: folded, then lowercase (Arabic has no case).
fn push_key(c: char, out: &mut String) {
    const OPTIONS: FoldOptions = FoldOptions { ta_marbuta: true };
    let Some(c) = fold_char(c, OPTIONS) else {
        return;
    };
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// First character of the Arabic block (U+0600–06FF), whose keys are in a table.
const ARABIC_BLOCK: usize = 0x0600;

/// The key of one character, as [`push_key`] gives it.
#[derive(Debug, Clone, Copy)]
enum CharKey {
    Deleted,
    One(char),
    /// Not one character (not seen in the Arabic block): computed each time.
    Other,
}

/// [`push_key`] of every character of the Arabic block, computed once.
fn arabic_keys() -> &'static [CharKey; 256] {
    static TABLE: OnceLock<[CharKey; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [CharKey::Other; 256];
        let mut key = String::new();
        for (i, slot) in table.iter_mut().enumerate() {
            let Some(c) = u32::try_from(ARABIC_BLOCK + i)
                .ok()
                .and_then(char::from_u32)
            else {
                continue;
            };
            key.clear();
            push_key(c, &mut key);
            let mut chars = key.chars();
            *slot = match (chars.next(), chars.next()) {
                (None, _) => CharKey::Deleted,
                (Some(k), None) => CharKey::One(k),
                _ => CharKey::Other,
            };
        }
        table
    })
}

/// Word lists a key may be in (bits of [`WordFlags`]).
pub(super) const IN_RESOLUTION_CUES: u8 = 1;
pub(super) const IN_DECISION_CUES: u8 = 2;
pub(super) const IN_PARAGRAPH_CUES: u8 = 4;
pub(super) const IN_DATE_WORDS: u8 = 8;
pub(super) const IN_CONNECTORS: u8 = 16;
/// First word of a name in [`TREATY_SERIES`].
pub(super) const IN_TREATY_SERIES: u8 = 32;

/// The lists a word's key is in.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordFlags {
    /// Lists holding the key as it is.
    pub(super) exact: u8,
    /// Lists holding some form of it: as it is, or without a leading conjunction or
    /// preposition (`وبالقرار` → `القرار`, `للفقرة` → `الفقره`).
    pub(super) forms: u8,
}

impl WordFlags {
    /// The lists of `key`, and of its forms.
    pub(super) fn of(key: &str) -> WordFlags {
        let (table, shapes) = key_table();
        let lists = |k: &str| {
            if shapes.excludes(k) {
                return 0;
            }
            table.get(k).copied().unwrap_or(0)
        };
        let exact = lists(key);
        let mut forms = exact;
        let long_enough = |s: &&str| s.chars().count() >= 2;
        let mut rest = key;
        if let Some(s) = rest.strip_prefix(['و', 'ف']).filter(long_enough) {
            rest = s;
            forms |= lists(s);
        }
        if let Some(s) = rest.strip_prefix(['ب', 'ل', 'ك']).filter(long_enough) {
            forms |= lists(s);
            if rest.starts_with("لل") {
                forms |= lists(&format!("ا{s}"));
            }
        }
        WordFlags { exact, forms }
    }
}

/// The word table: every word of the lists with the lists it is in.
type KeyTable = HashMap<String, u8, BuildHasherDefault<Fnv>>;

/// Every word of the lists, with the lists it is in, and their [`Shapes`].
fn key_table() -> &'static (KeyTable, Shapes) {
    static TABLE: OnceLock<(KeyTable, Shapes)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let table = build_key_table();
        let mut shapes = Shapes([0; 256]);
        for word in table.keys() {
            shapes.add(word);
        }
        (table, shapes)
    })
}

/// The last byte and length (modulo 64) of every word of the table: most words of a text
/// are not in the table, and this tells so without hashing them.
struct Shapes([u64; 256]);

impl Shapes {
    fn add(&mut self, word: &str) {
        if let Some(&last) = word.as_bytes().last() {
            self.0[usize::from(last)] |= 1 << (word.len() % 64);
        }
    }

    /// True when `word` cannot be in the table.
    fn excludes(&self, word: &str) -> bool {
        word.as_bytes()
            .last()
            .is_none_or(|&last| self.0[usize::from(last)] & (1 << (word.len() % 64)) == 0)
    }
}

fn build_key_table() -> KeyTable {
    let mut table = HashMap::default();
    let treaty_first: Vec<&'static str> = TREATY_SERIES.iter().map(|words| words[0]).collect();
    let lists: [(&[&'static str], u8); 6] = [
        (RESOLUTION_CUES, IN_RESOLUTION_CUES),
        (DECISION_CUES, IN_DECISION_CUES),
        (PARAGRAPH_CUES, IN_PARAGRAPH_CUES),
        (DATE_WORDS, IN_DATE_WORDS),
        (CONNECTORS, IN_CONNECTORS),
        (&treaty_first, IN_TREATY_SERIES),
    ];
    for (list, bit) in lists {
        for word in list {
            *table.entry((*word).to_string()).or_insert(0) |= bit;
        }
    }
    for month in months::all() {
        *table.entry(key(month)).or_insert(0) |= IN_DATE_WORDS;
    }
    table
}

/// FNV-1a: keys are short, and SipHash costs more than the rest of a lookup.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
