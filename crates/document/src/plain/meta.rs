//! Cover-page metadata of a plain-text resolution: language, dates, session, agenda item,
//! organ, originating documents, the numbered title line and the closing lines.

use super::inline::digit_value;
use super::lexicon::fold_word;
use crate::model::Language;
use std::borrow::Cow;

/// How many bytes are sampled to detect the language.
const LANGUAGE_SAMPLE_BYTES: usize = 400_000;

/// Detect the language from the script of the letters (Arabic, Cyrillic, Han, else Latin
/// with simple cues for French and Spanish). Letters are counted by their UTF-8 lead byte:
/// Arabic `D8`–`DB`, `DD` and the presentation forms `EF AD`–`EF BB`, Cyrillic `D0`–`D3`,
/// Han `E3`–`E9` (three times, a character says as much as a word), Latin ASCII letters
/// and `C3`–`C9`.
pub(super) fn detect_language(text: &str) -> Language {
    let (mut arabic, mut cyrillic, mut han, mut latin) = (0usize, 0usize, 0usize, 0usize);
    let bytes = text.as_bytes();
    let sample = &bytes[..bytes.len().min(LANGUAGE_SAMPLE_BYTES)];
    for (i, &b) in sample.iter().enumerate() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | 0xC3..=0xC9 => latin += 1,
            0xD8..=0xDB | 0xDD => arabic += 1,
            0xD0..=0xD3 => cyrillic += 1,
            0xE3..=0xE9 => han += 3,
            0xEF if sample.get(i + 1).is_some_and(|n| (0xAD..=0xBB).contains(n)) => arabic += 1,
            _ => {}
        }
    }
    let best = arabic.max(cyrillic).max(han).max(latin);
    if best == 0 || best == latin {
        if arabic * 4 > latin {
            return Language::Ar;
        }
        return latin_language(text);
    }
    if best == arabic {
        Language::Ar
    } else if best == cyrillic {
        Language::Ru
    } else {
        Language::Zh
    }
}

/// English, French or Spanish by frequent words.
fn latin_language(text: &str) -> Language {
    let (mut en, mut fr, mut es) = (0usize, 0usize, 0usize);
    const EN: [&str; 7] = ["the", "and", "of", "to", "its", "with", "assembly"];
    const FR: [&str; 8] = ["les", "des", "et", "du", "le", "à", "assemblée", "générale"];
    const ES: [&str; 7] = ["los", "las", "y", "del", "el", "asamblea", "su"];
    // The cue words differ from their capitalised forms in ASCII letters only.
    let any = |list: &[&str], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 10)
        .take(20_000)
    {
        if any(&EN, w) {
            en += 1;
        } else if any(&FR, w) {
            fr += 1;
        } else if any(&ES, w) {
            es += 1;
        }
    }
    if fr > en && fr >= es {
        Language::Fr
    } else if es > en && es > fr {
        Language::Es
    } else {
        Language::En
    }
}

/// True when `s` has at most `max` characters (without counting a huge line).
pub(super) fn short(s: &str, max: usize) -> bool {
    s.len() <= max || (s.len() <= max * 4 && s.chars().nth(max).is_none())
}

/// Map Arabic-Indic, Persian and full-width digits to ASCII.
pub(super) fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
            other => other,
        })
        .collect()
}

/// Month number of a single-word month name in any supported language (the one month list,
/// `qarar_util::months`).
fn month_word(token: &str) -> Option<u32> {
    qarar_util::months::number(token)
}

/// Month number of a Levantine month name starting at token `i` and how many tokens it uses.
fn levantine_month(tokens: &[String], i: usize) -> Option<(u32, usize)> {
    let t = tokens.get(i)?.as_str();
    let next = tokens.get(i + 1).map(String::as_str);
    let two = match (t, next) {
        ("كانون", Some("الثاني")) => Some(1),
        ("كانون", Some("الاول")) => Some(12),
        ("تشرين", Some("الاول")) => Some(10),
        ("تشرين", Some("الثاني")) => Some(11),
        _ => None,
    };
    if let Some(m) = two {
        return Some((m, 2));
    }
    let one = match t {
        "شباط" => 2,
        "اذار" => 3,
        "نيسان" => 4,
        "ايار" => 5,
        "حزيران" => 6,
        "تموز" => 7,
        "اب" => 8,
        "ايلول" => 9,
        _ => return None,
    };
    Some((one, 1))
}

/// Find a date in a line (`23 تشرين الثاني/نوفمبر 2020`, `30 November 2020`,
/// `23 de noviembre de 2020`, `2020年11月23日`) and return it as ISO 8601.
pub(super) fn parse_date(line: &str) -> Option<String> {
    let line = ascii_digits(line);
    if let Some(iso) = parse_chinese_date(&line) {
        return Some(iso);
    }
    let tokens: Vec<String> = line
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | ',' | '،' | '.'))
        .filter(|t| !t.is_empty())
        .map(fold_word)
        .filter(|t| !t.is_empty())
        .collect();
    let (month, at, used) = find_month(&tokens)?;
    let number = |t: &String| t.parse::<u32>().ok().filter(|_| t.len() <= 4);
    let day = tokens[at.saturating_sub(3)..at]
        .iter()
        .rev()
        .find_map(|t| number(t).filter(|d| (1..=31).contains(d)))
        .or_else(|| {
            tokens
                .get(at + used)
                .and_then(number)
                .filter(|d| (1..=31).contains(d))
        })?;
    let year = tokens
        .iter()
        .skip(at + used)
        .take(4)
        .find_map(|t| number(t).filter(|y| (1900..=2200).contains(y)))?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// The month of a token list: single-word names first (the Egyptian Arabic name after the
/// slash is unambiguous), then Levantine names. Returns (month, index, tokens used).
fn find_month(tokens: &[String]) -> Option<(u32, usize, usize)> {
    let single = tokens
        .iter()
        .enumerate()
        .find_map(|(i, t)| month_word(t).map(|m| (m, i, 1)));
    if let Some((m, i, n)) = single {
        // Prefer the Levantine name just before the Egyptian one as the anchor for the day.
        for back in [2usize, 1] {
            if let Some(j) = i.checked_sub(back)
                && let Some((lm, used)) = levantine_month(tokens, j)
                && lm == m
                && j + used == i
            {
                return Some((m, j, used + 1));
            }
        }
        return Some((m, i, n));
    }
    (0..tokens.len()).find_map(|i| levantine_month(tokens, i).map(|(m, used)| (m, i, used)))
}

/// `2020年11月23日`.
fn parse_chinese_date(line: &str) -> Option<String> {
    let y_at = line.find('年')?;
    let year: u32 = digits_before(&line[..y_at])?;
    let rest = &line[y_at + '年'.len_utf8()..];
    let m_at = rest.find('月')?;
    let month: u32 = rest[..m_at].trim().parse().ok()?;
    let rest = &rest[m_at + '月'.len_utf8()..];
    let d_at = rest.find('日')?;
    let day: u32 = rest[..d_at].trim().parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day) && (1900..=2200).contains(&year))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The number written at the end of `s`.
fn digits_before(s: &str) -> Option<u32> {
    let digits: String = s
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}

/// True when a line holds only a date (the issue date under `Distr.: General`).
pub(super) fn is_date_line(line: &str) -> bool {
    short(line, 40) && parse_date(line).is_some()
}

/// True when a line names the session (`الدورة الخامسة والسبعون`, `Seventy-fifth session`).
pub(super) fn is_session_line(line: &str) -> bool {
    if !short(line, 80) {
        return false;
    }
    let lower = line.to_lowercase();
    ["الدورة", "session", "sesiones", "сессия", "届会"]
        .iter()
        .any(|cue| lower.contains(cue))
}

/// Session number of a session line: digits, Arabic, English, French, Spanish or Russian
/// ordinal words, or Chinese numerals.
pub(super) fn parse_session(line: &str) -> Option<u32> {
    let line = ascii_digits(line);
    if let Some(n) = first_number(&line) {
        return Some(n);
    }
    if let Some(n) = chinese_session(&line) {
        return Some(n);
    }
    let lower = line.to_lowercase().replace("quatre-vingt", "octante");
    let sum: u32 = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(ordinal_word_value)
        .sum();
    (sum > 0).then_some(sum)
}

/// The first run of ASCII digits in a string.
fn first_number(s: &str) -> Option<u32> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let digits: String = s[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Value of one ordinal (or tens) word; 0 when it is not one.
fn ordinal_word_value(word: &str) -> u32 {
    let w = fold_word(word);
    let arabic = w.strip_prefix('و').unwrap_or(&w);
    let arabic = arabic.strip_prefix("ال").unwrap_or(arabic);
    let ar = match arabic {
        "اولي" | "اول" | "حادية" | "حادي" => 1,
        "ثانية" | "ثاني" => 2,
        "ثالثة" | "ثالث" => 3,
        "رابعة" | "رابع" => 4,
        "خامسة" | "خامس" => 5,
        "سادسة" | "سادس" => 6,
        "سابعة" | "سابع" => 7,
        "ثامنة" | "ثامن" => 8,
        "تاسعة" | "تاسع" => 9,
        "عاشرة" | "عاشر" | "عشرة" | "عشر" => 10,
        "عشرون" | "عشرين" => 20,
        "ثلاثون" | "ثلاثين" => 30,
        "اربعون" | "اربعين" => 40,
        "خمسون" | "خمسين" => 50,
        "ستون" | "ستين" => 60,
        "سبعون" | "سبعين" => 70,
        "ثمانون" | "ثمانين" => 80,
        "تسعون" | "تسعين" => 90,
        "مائة" | "مئة" => 100,
        _ => 0,
    };
    if ar > 0 {
        return ar;
    }
    latin_ordinal_value(&w).unwrap_or(0)
}

/// English, French, Spanish and Russian ordinal and tens words.
fn latin_ordinal_value(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "premier" | "première" | "primer" | "primero" | "первая" => 1,
        "second" | "deuxième" | "segundo" | "вторая" => 2,
        "third" | "troisième" | "tercer" | "tercero" | "третья" => 3,
        "fourth" | "quatrième" | "cuarto" | "четвертая" | "четвёртая" => 4,
        "fifth" | "cinquième" | "quinto" | "пятая" => 5,
        "sixth" | "sixième" | "sexto" | "шестая" => 6,
        "seventh" | "septième" | "séptimo" | "septimo" | "седьмая" => 7,
        "eighth" | "huitième" | "octavo" | "восьмая" => 8,
        "ninth" | "neuvième" | "noveno" | "девятая" => 9,
        "tenth" | "dixième" | "dix" | "décimo" | "десятая" => 10,
        "eleventh" | "onzième" | "undécimo" => 11,
        "twelfth" | "douzième" | "duodécimo" => 12,
        "thirteenth" | "treizième" => 13,
        "fourteenth" | "quatorzième" => 14,
        "fifteenth" | "quinzième" => 15,
        "sixteenth" | "seizième" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twenty" | "twentieth" | "vingt" | "vingtième" | "vigésimo" | "двадцать" | "двадцатая" => {
            20
        }
        "thirty" | "thirtieth" | "trente" | "trentième" | "trigésimo" | "тридцать"
        | "тридцатая" => 30,
        "forty" | "fortieth" | "quarante" | "quarantième" | "cuadragésimo" | "сорок" => 40,
        "fifty" | "fiftieth" | "cinquante" | "cinquantième" | "quincuagésimo" | "пятьдесят" => {
            50
        }
        "sixty" | "sixtieth" | "soixante" | "soixantième" | "sexagésimo" | "шестьдесят" => {
            60
        }
        "seventy" | "seventieth" | "septuagésimo" | "семьдесят" => 70,
        "eighty" | "eightieth" | "octante" | "octantième" | "octogésimo" | "восемьдесят" => {
            80
        }
        "ninety" | "ninetieth" | "nonagésimo" | "девяносто" => 90,
        _ => return None,
    })
}

/// `第七十五届会议` → 75.
fn chinese_session(line: &str) -> Option<u32> {
    let start = line.find('第')? + '第'.len_utf8();
    let end = start + line.get(start..)?.find('届')?;
    chinese_number(line.get(start..end)?)
}

/// A Chinese numeral below 1000.
fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let (mut total, mut current) = (0u32, 0u32);
    for c in s.chars() {
        match c {
            '十' => {
                total += current.max(1) * 10;
                current = 0;
            }
            '百' => {
                total += current.max(1) * 100;
                current = 0;
            }
            c => current = digit(c)?,
        }
    }
    let n = total + current;
    (n > 0).then_some(n)
}

/// The agenda item as written, without the word "item" (`130 (ذ)`, `130 (y)`).
pub(super) fn agenda_item(line: &str) -> Option<String> {
    let pairs: [(&str, &str); 8] = [
        ("البندان", "من جدول"),
        ("البند", "من جدول"),
        ("Agenda items", ""),
        ("Agenda item", ""),
        ("Points", "de l’ordre"),
        ("Point", "de l"),
        ("Tema", "del programa"),
        ("Пункт", "повестки"),
    ];
    for (cue, end) in pairs {
        if let Some(rest) = line.trim().strip_prefix(cue) {
            let rest = if end.is_empty() {
                rest
            } else {
                rest.find(end).map_or(rest, |i| &rest[..i])
            };
            let item = rest.trim();
            if item.chars().next().and_then(digit_value).is_some() {
                return Some(item.to_string());
            }
        }
    }
    line.trim()
        .strip_prefix("议程项目")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The issuing organ when the line is exactly its name.
pub(super) fn organ(line: &str) -> Option<String> {
    const ORGANS: [&str; 15] = [
        "الجمعية العامة",
        "مجلس الأمن",
        "المجلس الاقتصادي والاجتماعي",
        "General Assembly",
        "Security Council",
        "Economic and Social Council",
        "Assemblée générale",
        "Conseil de sécurité",
        "Conseil économique et social",
        "Asamblea General",
        "Consejo de Seguridad",
        "Генеральная Ассамблея",
        "Совет Безопасности",
        "大会",
        "安全理事会",
    ];
    let t = line.trim();
    ORGANS.iter().find(|o| **o == t).map(|o| (*o).to_string())
}

/// Symbol prefix for an organ's resolutions.
pub(super) fn resolution_prefix(organ: Option<&str>) -> &'static str {
    match organ {
        Some(o) if o.contains("الاقتصادي") || o.contains("Economic") || o.contains("économique") => {
            "E/RES/"
        }
        _ => "A/RES/",
    }
}

/// True for the adoption line (`قرار اتخذته الجمعية العامة في …`).
pub(super) fn is_adoption_line(line: &str) -> bool {
    [
        "قرار اتخذته",
        "القرار الذي اتخذته",
        "Resolution adopted by",
        "Résolution adoptée par",
        "Resolución aprobada por",
        "Резолюция, принятая",
        "通过的决议",
    ]
    .iter()
    .any(|cue| line.contains(cue))
}

/// UN document symbols in a line (`[دون الإحالة … (A/75/L.20) و (A/75/L.20/Add.1)]`).
pub(super) fn symbols_in(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find(|c: char| c.is_ascii_uppercase()) {
        let tail = &rest[start..];
        let len = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-')))
            .unwrap_or(tail.len());
        let token = tail[..len].trim_end_matches(['.', '-', '/']);
        let at_word_start = rest[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_ascii_alphanumeric());
        if at_word_start && token.contains('/') && token.len() >= 3 {
            out.push(token.to_string());
        }
        rest = &tail[len.max(1).min(tail.len())..];
        if len == 0 {
            let skip = tail.chars().next().map_or(1, char::len_utf8);
            rest = tail.get(skip..).unwrap_or("");
        }
    }
    out
}

/// The numbered title line: `10/75 - التعاون …` or `75/10. Cooperation …`. Returns the two
/// numbers as written (left, right) and the byte offset of the title.
pub(super) fn title_number(line: &str) -> Option<(u32, u32, usize)> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    let mut chars = t.char_indices().peekable();
    let read_number = |chars: &mut std::iter::Peekable<std::str::CharIndices>| {
        let mut s = String::new();
        while let Some(&(_, c)) = chars.peek() {
            if let Some(d) = digit_value(c).filter(|_| s.len() < 5) {
                s.push(char::from(b'0' + d as u8));
                chars.next();
            } else {
                break;
            }
        }
        s.parse::<u32>().ok()
    };
    let left = read_number(&mut chars)?;
    if chars.next().map(|(_, c)| c) != Some('/') {
        return None;
    }
    let right = read_number(&mut chars)?;
    while chars
        .peek()
        .is_some_and(|&(_, c)| c == ' ' || c == '\u{a0}')
    {
        chars.next();
    }
    let (_, delim) = chars.next()?;
    if !matches!(delim, '-' | '–' | '—' | '.' | '．') {
        return None;
    }
    while chars.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
        chars.next();
    }
    let (offset, _) = *chars.peek()?;
    Some((left, right, lead + offset))
}

/// True for the closing meeting line (`الجلسة العامة 30`, `30th plenary meeting`).
pub(super) fn is_meeting_line(line: &str) -> bool {
    if !short(line, 80) || !line.chars().any(|c| digit_value(c).is_some()) {
        return false;
    }
    // Lowercased only when a letter outside ASCII is a capital (the cues are compared
    // ignoring ASCII case).
    let lower: Cow<'_, str> = if line.chars().any(|c| !c.is_ascii() && c.is_uppercase()) {
        Cow::Owned(line.to_lowercase())
    } else {
        Cow::Borrowed(line)
    };
    [
        "الجلسة",
        "plenary meeting",
        "séance plénière",
        "sesión plenaria",
        "пленарное заседание",
        "全体会议",
        "meeting",
    ]
    .iter()
    .any(|cue| contains_ignore_ascii_case(&lower, cue))
}

/// Whether `hay` contains `needle`, ASCII letters compared without case.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// True for the enacting formula (`إن الجمعية العامة،`, `The General Assembly,`).
pub(super) fn is_enacting_formula(line: &str) -> bool {
    let t = line.trim();
    if !short(t, 60) || !t.ends_with(['،', ',', '，', ':']) {
        return false;
    }
    if t.starts_with("إن ") {
        return true;
    }
    // The organ opens the formula (`The General Assembly,`, `L’Assemblée générale,`,
    // `大会，`): a wrapped line that ends in a comma and names the Security Council
    // (`… قرارات مجلس الأمن وبياناته الرئاسية،`) is not one.
    if t.split_whitespace().nth(6).is_some() || t.starts_with(char::is_lowercase) {
        return false;
    }
    t.split_whitespace().take(5).any(|w| {
        let w = w.trim_end_matches(['،', ',', '，', ':']);
        [
            "Assembly",
            "Council",
            "Assemblée",
            "Conseil",
            "Asamblea",
            "Consejo",
            "Ассамблея",
            "Совет",
        ]
        .iter()
        .any(|o| w.ends_with(o))
            || ["الجمعية", "مجلس"].contains(&w)
            || (w.chars().count() <= 10 && ["大会", "理事会"].iter().any(|o| w.ends_with(o)))
    })
}

/// Page furniture left by PDF conversion: job numbers (`20-15555`), page counters (`2/6`),
/// the resolution symbol alone, barcodes (`*2015555*`).
/// The enacting formula as a line of its own without its comma: `The General Assembly`,
/// `L’Assemblée générale`, `大会`, `إن الجمعية العامة`.
pub(super) fn is_bare_formula(line: &str) -> bool {
    let t = line.trim().trim_end_matches([',', '،', '，', ':']);
    if !short(t, 40) {
        return false;
    }
    let t = t.replace('’', "'");
    [
        "The General Assembly",
        "L'Assemblée générale",
        "La Asamblea General",
        "Генеральная Ассамблея",
        "大会",
        "إن الجمعية العامة",
        "The Security Council",
        "Le Conseil de sécurité",
        "El Consejo de Seguridad",
        "Совет Безопасности",
        "安全理事会",
        "إن مجلس الأمن",
        "The Economic and Social Council",
        "Le Conseil économique et social",
        "El Consejo Económico y Social",
        "Экономический и Социальный Совет",
        "经济及社会理事会",
        "إن المجلس الاقتصادي والاجتماعي",
    ]
    .contains(&t.as_str())
}

/// The names of a resolution's two divisions in the six languages, as a reader's export
/// (HTML, PDF) writes them above the preambular and the operative paragraphs.
const DIVISION_HEADINGS: [&str; 14] = [
    "الديباجة",
    "المنطوق",
    "الفقرات المنطوقة",
    "preamble",
    "operative paragraphs",
    "operative part",
    "préambule",
    "dispositif",
    "preámbulo",
    "parte dispositiva",
    "преамбула",
    "постановляющая часть",
    "序言",
    "执行部分",
];

/// A line that only names the preamble or the operative part (`Preamble`, `Dispositif`,
/// `执行部分`): a heading an export puts between the divisions, not a paragraph.
pub(super) fn is_division_heading(line: &str) -> bool {
    let t = line.trim().trim_end_matches([':', '：']).trim();
    short(t, 24) && DIVISION_HEADINGS.contains(&t.to_lowercase().as_str())
}

pub(super) fn is_page_furniture(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || !short(t, 40) {
        return false;
    }
    if t.starts_with('*')
        && t.ends_with('*')
        && t.len() > 2
        && t[1..t.len() - 1].chars().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    t.split_whitespace().all(|tok| {
        is_job_number(tok)
            || is_page_counter(tok)
            || tok.starts_with("A/RES/")
            || tok.starts_with("S/RES/")
            || tok.starts_with("E/RES/")
            || matches!(tok, "(A)" | "(E)" | "(F)" | "(S)" | "(R)" | "(C)")
    })
}

fn is_job_number(tok: &str) -> bool {
    let b = tok.as_bytes();
    b.len() == 8
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

fn is_page_counter(tok: &str) -> bool {
    let mut parts = tok.split('/');
    let ok = |p: Option<&str>| {
        p.is_some_and(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
    };
    ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_headings_in_six_languages() {
        for h in [
            "Preamble",
            "Operative paragraphs",
            "Dispositif",
            "执行部分",
            "الديباجة",
            "Преамбула:",
        ] {
            assert!(is_division_heading(h), "{h}");
        }
        for t in [
            "Preamble,",
            "Recalling the preamble",
            "The operative part of it",
        ] {
            assert!(!is_division_heading(t), "{t}");
        }
    }

    #[test]
    fn enacting_formulas() {
        for f in [
            "إن الجمعية العامة،",
            "The General Assembly,",
            "L’Assemblée générale,",
            "La Asamblea General,",
            "Генеральная Ассамблея,",
            "大会，",
            "The Economic and Social Council,",
        ] {
            assert!(is_enacting_formula(f), "{f}");
        }
        // Wrapped lines that end in a comma and name an organ.
        for l in [
            "وإذ تشير أيضا إلى جميع قرارات مجلس الأمن وبياناته الرئاسية،",
            "وبيانات رئيس المجلس ذات الصلة،",
            "of the Security Council,",
        ] {
            assert!(!is_enacting_formula(l), "{l}");
        }
    }

    #[test]
    fn dates_in_all_forms() {
        assert_eq!(
            parse_date("قرار اتخذته الجمعية العامة في 23 تشرين الثاني/نوفمبر 2020").as_deref(),
            Some("2020-11-23")
        );
        assert_eq!(
            parse_date("30 November 2020").as_deref(),
            Some("2020-11-30")
        );
        assert_eq!(
            parse_date("21 تموز/ يوليه 2017").as_deref(),
            Some("2017-07-21")
        );
        assert_eq!(
            parse_date("١٧ كانون الأول/ديسمبر ٢٠١٨").as_deref(),
            Some("2018-12-17")
        );
        assert_eq!(
            parse_date("el 23 de noviembre de 2020").as_deref(),
            Some("2020-11-23")
        );
        assert_eq!(parse_date("2020年11月23日").as_deref(), Some("2020-11-23"));
    }

    #[test]
    fn sessions_in_words() {
        assert_eq!(parse_session("الدورة الخامسة والسبعون"), Some(75));
        assert_eq!(parse_session("الدورة الحادية عشرة"), Some(11));
        assert_eq!(parse_session("Seventy-fifth session"), Some(75));
        assert_eq!(parse_session("Soixante-quinzième session"), Some(75));
        assert_eq!(parse_session("第七十五届会议"), Some(75));
    }

    #[test]
    fn title_numbers_and_symbols() {
        assert_eq!(
            title_number("10/75 - التعاون").map(|t| (t.0, t.1)),
            Some((10, 75))
        );
        assert_eq!(
            title_number("75/10. Cooperation").map(|t| (t.0, t.1)),
            Some((75, 10))
        );
        assert_eq!(
            symbols_in("[دون الإحالة إلى لجنة رئيسية (A/75/L.20) و (A/75/L.20/Add.1)]"),
            vec!["A/75/L.20", "A/75/L.20/Add.1"]
        );
        assert_eq!(
            agenda_item("البند 130 (ذ) من جدول الأعمال").as_deref(),
            Some("130 (ذ)")
        );
    }
}
