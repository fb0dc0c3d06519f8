//! Automatic numbering: `numbering.xml` (abstract numberings and their levels, numbering
//! instances with their overrides) and the paragraph styles' numbering from `styles.xml`,
//! turned into the label Word prints before each paragraph (`1.`, `(a)`, `(أ)`, `(ii)`).
//! Counters run in document order, per abstract numbering; a deeper level restarts after a
//! higher one; an instance's start override restarts the count at its first paragraph.

use super::xml::{Step, attr, local, walk};
use std::collections::{HashMap, HashSet};

/// Word's nine list levels.
const LEVELS: usize = 9;

#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    format: String,
    text: String,
    /// `w:lvlRestart`: restart after this level (1-based) or higher; 0 never; `None` after
    /// any higher level (the default).
    restart: Option<usize>,
    legal: bool,
}

#[derive(Debug, Default)]
struct Instance {
    abstract_id: String,
    /// Per level: a start override, and a whole level given in the override.
    start: [Option<i64>; LEVELS],
    levels: [Option<Level>; LEVELS],
}

/// The numbering definitions and the counters of one reading of the document.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, [Level; LEVELS]>,
    instances: HashMap<String, Instance>,
    /// Paragraph style id → (numId, ilvl), after `basedOn`.
    styles: HashMap<String, (Option<String>, Option<usize>)>,
    counters: HashMap<String, [Option<i64>; LEVELS]>,
    used: HashSet<String>,
}

impl Numbering {
    /// Read `numbering.xml` and `styles.xml` (either may be empty or damaged: what can be
    /// read is kept).
    pub(super) fn read(numbering: &str, styles: &str) -> Self {
        let mut out = Numbering::default();
        out.read_numbering(numbering);
        out.read_styles(styles);
        out
    }

    fn read_numbering(&mut self, xml: &str) {
        let mut abstract_id: Option<String> = None;
        let mut levels: [Level; LEVELS] = Default::default();
        let mut instance: Option<(String, Instance)> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut override_level: Option<usize> = None;
        let _ = walk(xml, |step| match step {
            Step::Start(e) => {
                let val = || attr(e, b"val");
                match local(e) {
                    b"abstractNum" => {
                        abstract_id = attr(e, b"abstractNumId");
                        levels = Default::default();
                    }
                    b"num" => {
                        instance = attr(e, b"numId").map(|id| (id, Instance::default()));
                    }
                    b"abstractNumId" => {
                        if let (Some((_, i)), Some(v)) = (instance.as_mut(), val()) {
                            i.abstract_id = v;
                        }
                    }
                    b"lvlOverride" => override_level = level_index(attr(e, b"ilvl")),
                    b"startOverride" => {
                        if let (Some((_, i)), Some(l)) = (instance.as_mut(), override_level) {
                            i.start[l] = val().and_then(|v| v.parse().ok());
                        }
                    }
                    b"lvl" => {
                        level = level_index(attr(e, b"ilvl")).map(|i| {
                            (
                                i,
                                Level {
                                    start: 1,
                                    format: "decimal".into(),
                                    ..Level::default()
                                },
                            )
                        });
                    }
                    b"start" => set(&mut level, |l| {
                        l.start = val().and_then(|v| v.parse().ok()).unwrap_or(1)
                    }),
                    b"numFmt" => set(&mut level, |l| l.format = val().unwrap_or_default()),
                    b"lvlText" => set(&mut level, |l| l.text = val().unwrap_or_default()),
                    b"lvlRestart" => set(&mut level, |l| {
                        l.restart = val().and_then(|v| v.parse().ok())
                    }),
                    b"isLgl" => set(&mut level, |l| l.legal = super::xml::on(e)),
                    _ => {}
                }
            }
            Step::End(name) => match name {
                b"lvl" => {
                    if let Some((i, l)) = level.take() {
                        match (&mut instance, override_level) {
                            (Some((_, inst)), Some(_)) => inst.levels[i] = Some(l),
                            _ => levels[i] = l,
                        }
                    }
                }
                b"lvlOverride" => override_level = None,
                b"abstractNum" => {
                    if let Some(id) = abstract_id.take() {
                        self.abstracts.insert(id, std::mem::take(&mut levels));
                    }
                }
                b"num" => {
                    if let Some((id, inst)) = instance.take() {
                        self.instances.insert(id, inst);
                    }
                }
                _ => {}
            },
            Step::Text(_) => {}
        });
    }

    fn read_styles(&mut self, xml: &str) {
        let mut raw: HashMap<String, StyleNumbering> = HashMap::new();
        let mut current: Option<String> = None;
        let _ = walk(xml, |step| {
            if let Step::Start(e) = step {
                match local(e) {
                    b"style" => {
                        current = (attr(e, b"type").as_deref() == Some("paragraph"))
                            .then(|| attr(e, b"styleId"))
                            .flatten();
                    }
                    b"basedOn" | b"numId" | b"ilvl" => {
                        if let Some(id) = &current {
                            let entry = raw.entry(id.clone()).or_default();
                            match local(e) {
                                b"basedOn" => entry.0 = attr(e, b"val"),
                                b"numId" => entry.1 = attr(e, b"val"),
                                _ => entry.2 = level_index(attr(e, b"val")),
                            }
                        }
                    }
                    _ => {}
                }
            }
        });
        for id in raw.keys() {
            let (mut num, mut ilvl) = (None, None);
            let mut at = Some(id.as_str());
            // A chain of `basedOn` is short; the bound stops a cycle.
            for _ in 0..16 {
                let Some((based, n, l)) = at.and_then(|a| raw.get(a)) else {
                    break;
                };
                num = num.or_else(|| n.clone());
                ilvl = ilvl.or(*l);
                at = based.as_deref();
            }
            if num.is_some() {
                self.styles.insert(id.clone(), (num, ilvl));
            }
        }
    }

    /// The label of the next paragraph numbered `num_id` at `ilvl` (either may come from the
    /// paragraph's style), advancing the counters; `None` when it has no numbering.
    pub(super) fn label(
        &mut self,
        style: Option<&str>,
        num_id: Option<&str>,
        ilvl: Option<usize>,
    ) -> Option<String> {
        let from_style = style.and_then(|s| self.styles.get(s)).cloned();
        let num_id = num_id
            .map(str::to_string)
            .or_else(|| from_style.as_ref().and_then(|s| s.0.clone()))?;
        if num_id == "0" {
            return None;
        }
        let ilvl = ilvl
            .or_else(|| from_style.and_then(|s| s.1))
            .unwrap_or(0)
            .min(LEVELS - 1);
        let instance = self.instances.get(&num_id)?;
        let abstract_levels = self.abstracts.get(&instance.abstract_id)?;
        let level = |i: usize| instance.levels[i].as_ref().unwrap_or(&abstract_levels[i]);
        let counters = self
            .counters
            .entry(instance.abstract_id.clone())
            .or_default();
        if self.used.insert(num_id.clone()) {
            for (i, start) in instance.start.iter().enumerate() {
                if start.is_some() {
                    counters[i] = None;
                }
            }
        }
        let start = |i: usize| instance.start[i].unwrap_or(level(i).start);
        counters[ilvl] = Some(counters[ilvl].map_or(start(ilvl), |c| c.saturating_add(1)));
        for (deeper, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restarts = match level(deeper).restart {
                None => true,
                Some(0) => false,
                Some(after) => ilvl < after,
            };
            if restarts {
                *counter = None;
            }
        }
        let this = level(ilvl);
        if this.format == "none" {
            return None;
        }
        if this.format == "bullet" {
            return Some(bullet(&this.text));
        }
        let mut out = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match (c, digit) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let i = d as usize - 1;
                    let n = counters[i].unwrap_or(start(i));
                    let format = if this.legal && i < ilvl {
                        "decimal"
                    } else {
                        level(i).format.as_str()
                    };
                    out.push_str(&format_number(n, format));
                }
                _ => out.push(c),
            }
        }
        let out = out.trim().to_string();
        (!out.is_empty()).then_some(out)
    }
}

/// A paragraph style's `basedOn`, `numId` and `ilvl` as written.
type StyleNumbering = (Option<String>, Option<String>, Option<usize>);

fn set(level: &mut Option<(usize, Level)>, f: impl FnOnce(&mut Level)) {
    if let Some((_, l)) = level.as_mut() {
        f(l);
    }
}

fn level_index(v: Option<String>) -> Option<usize> {
    v.and_then(|v| v.parse::<usize>().ok())
        .filter(|&i| i < LEVELS)
}

/// A bullet's character; the private-use characters of symbol fonts become `•`.
fn bullet(text: &str) -> String {
    match text.chars().next() {
        Some(c) if !('\u{e000}'..='\u{f8ff}').contains(&c) && !c.is_whitespace() => c.to_string(),
        _ => "•".into(),
    }
}

/// Arabic letters in abjad order (أبجد هوز), as `(أ)`, `(ب)`, `(ج)` … of UN sub-paragraphs.
const ABJAD: [&str; 28] = [
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
];
/// Arabic letters in alphabetical (hijāʾī) order.
const ALPHA: [&str; 28] = [
    "أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ",
    "ف", "ق", "ك", "ل", "م", "ن", "هـ", "و", "ي",
];
/// Russian lower-case letters as Word numbers with them (no ё, й, ъ, ы, ь).
const RUSSIAN: [char; 28] = [
    'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т', 'у',
    'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'э', 'ю', 'я',
];

/// `n` written in Word's number format `format`; formats not known here are decimal.
pub(super) fn format_number(n: i64, format: &str) -> String {
    let cyclic = |len: usize| -> Option<(usize, usize)> {
        // Word repeats the letter after the alphabet: 27 → aa.
        let k = usize::try_from(n)
            .ok()
            .filter(|k| (1..=100_000).contains(k))?
            - 1;
        Some((k % len, k / len + 1))
    };
    let repeat = |s: &str, times: usize| s.repeat(times.min(8));
    match format {
        "lowerLetter" | "upperLetter" => cyclic(26).map_or_else(
            || n.to_string(),
            |(i, times)| {
                let c = (b'a' + i as u8) as char;
                let s = repeat(&c.to_string(), times);
                if format == "upperLetter" {
                    s.to_uppercase()
                } else {
                    s
                }
            },
        ),
        "lowerRoman" => roman(n).map_or_else(|| n.to_string(), |r| r.to_lowercase()),
        "upperRoman" => roman(n).unwrap_or_else(|| n.to_string()),
        "arabicAbjad" => {
            cyclic(ABJAD.len()).map_or_else(|| n.to_string(), |(i, times)| repeat(ABJAD[i], times))
        }
        "arabicAlpha" => {
            cyclic(ALPHA.len()).map_or_else(|| n.to_string(), |(i, times)| repeat(ALPHA[i], times))
        }
        "russianLower" | "russianUpper" => cyclic(RUSSIAN.len()).map_or_else(
            || n.to_string(),
            |(i, times)| {
                let s = repeat(&RUSSIAN[i].to_string(), times);
                if format == "russianUpper" {
                    s.to_uppercase()
                } else {
                    s
                }
            },
        ),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "hindiNumbers" | "arabicIndic" => n
            .to_string()
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x0660 + d).unwrap_or(c),
                None => c,
            })
            .collect(),
        _ => n.to_string(),
    }
}

fn roman(n: i64) -> Option<String> {
    if !(1..4000).contains(&n) {
        return None;
    }
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="arabicAbjad"/><w:lvlText w:val="(%1)"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    #[test]
    fn levels_count_and_restart_as_word_prints_them() {
        let mut n = Numbering::read(NUMBERING, "");
        let mut label = |num: &str, lvl: usize| n.label(None, Some(num), Some(lvl));
        assert_eq!(label("1", 0).as_deref(), Some("1."));
        assert_eq!(label("1", 1).as_deref(), Some("(a)"));
        assert_eq!(label("1", 1).as_deref(), Some("(b)"));
        assert_eq!(label("1", 2).as_deref(), Some("(i)"));
        assert_eq!(label("1", 2).as_deref(), Some("(ii)"));
        assert_eq!(label("1", 0).as_deref(), Some("2."));
        assert_eq!(label("1", 1).as_deref(), Some("(a)"));
        assert_eq!(label("2", 0).as_deref(), Some("(أ)"));
        assert_eq!(label("2", 0).as_deref(), Some("(ب)"));
        // A new instance with a start override restarts the shared list.
        assert_eq!(label("3", 0).as_deref(), Some("(أ)"));
        assert_eq!(label("0", 0), None);
        assert_eq!(label("99", 0), None);
    }

    #[test]
    fn formats() {
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(5, "arabicAbjad"), "هـ");
        assert_eq!(format_number(3, "russianLower"), "в");
        assert_eq!(format_number(12, "hindiNumbers"), "١٢");
        assert_eq!(format_number(-3, "lowerRoman"), "-3");
    }
}
