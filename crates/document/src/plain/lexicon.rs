//! Lead phrases: preambular openers and operative verbs, matched as whole phrases and
//! forgiving the conversion errors PDF extraction leaves in Arabic openers
//! (`وإنه تشير` for `وإذ تشير`, `ترهب` for `ترحب`, `واقترعا` for `واقتناعا`).

use qarar_util::fold::{FoldOptions, fold_char};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

const OPENERS_TSV: &str = include_str!("../../../../assets/data/ar-en-preamble-openers.tsv");
const VERBS_TSV: &str = include_str!("../../../../assets/data/ar-en-operative-verbs.tsv");

/// How many words of a paragraph are looked at for its lead.
const MAX_LEAD_WORDS: usize = 8;

/// Which list a lead is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LeadList {
    Openers,
    Verbs,
}

/// One phrase of a list, as written and folded word by word.
struct Phrase {
    written: String,
    words: Vec<String>,
}

/// A list of lead phrases, indexed by the first character of their first folded word (a
/// phrase can match, even misspelled, only a text whose first word starts with the same
/// character, or `إذ` read as `إن`).
struct Lexicon {
    phrases: Vec<Phrase>,
    by_first_char: HashMap<char, Vec<usize>>,
    /// Phrases whose first word is `إذ` or `وإذ` (matched by `إن`, `وإنه` …).
    idh: Vec<usize>,
}

/// The result of matching a lead at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LeadMatch {
    /// Byte length of the lead in the text (as written).
    pub len: usize,
    /// The list phrase the text seems to misspell, when the match was not exact.
    pub(crate) intended: Option<String>,
}

/// A word of the text with its byte range (trailing punctuation excluded).
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

impl Lexicon {
    /// Build a lexicon from one of the tsv files (`arabic<TAB>english<TAB>count`).
    fn from_tsv(tsv: &str, add_bare: bool) -> Lexicon {
        let mut phrases: Vec<Phrase> = Vec::new();
        let mut push = |written: &str| {
            let written = written.trim();
            if written.is_empty() {
                return;
            }
            let words: Vec<String> = written.split_whitespace().map(fold_word).collect();
            if !phrases.iter().any(|p| p.words == words) {
                phrases.push(Phrase {
                    written: written.to_string(),
                    words,
                });
            }
        };
        for line in tsv.lines().skip(1) {
            let mut cols = line.split('\t');
            let arabic = cols.next().unwrap_or("");
            let english = cols.next().unwrap_or("");
            if arabic.chars().any(is_arabic_letter) {
                push(arabic);
                if add_bare && let Some(rest) = arabic.strip_prefix('و') {
                    push(rest);
                }
            }
            if !english.is_empty() && english.chars().all(|c| c.is_ascii() && c != '\t') {
                push(english);
            }
        }
        let mut by_first_char: HashMap<char, Vec<usize>> = HashMap::new();
        let mut idh = Vec::new();
        for (i, p) in phrases.iter().enumerate() {
            let first = p.words.first().map_or("", String::as_str);
            if let Some(c) = first.chars().next() {
                by_first_char.entry(c).or_default().push(i);
            }
            if first.trim_start_matches('و') == "اذ" {
                idh.push(i);
            }
        }
        Lexicon {
            phrases,
            by_first_char,
            idh,
        }
    }

    /// Indices of the phrases that may match a text whose first folded word is `first`, in
    /// list order.
    fn candidates(&self, first: &str, list: LeadList, fuzzy: bool) -> Cow<'_, [usize]> {
        let same = first
            .chars()
            .next()
            .and_then(|c| self.by_first_char.get(&c))
            .map_or(&[][..], Vec::as_slice);
        if fuzzy
            && list == LeadList::Openers
            && matches!(first.trim_start_matches('و'), "ان" | "انه")
        {
            let mut out = same.to_vec();
            out.extend(self.idh.iter().copied());
            out.sort_unstable();
            out.dedup();
            return Cow::Owned(out);
        }
        Cow::Borrowed(same)
    }
}

fn lexicon(list: LeadList) -> &'static Lexicon {
    static OPENERS: OnceLock<Lexicon> = OnceLock::new();
    static VERBS: OnceLock<Lexicon> = OnceLock::new();
    match list {
        LeadList::Openers => OPENERS.get_or_init(|| Lexicon::from_tsv(OPENERS_TSV, true)),
        LeadList::Verbs => VERBS.get_or_init(|| Lexicon::from_tsv(VERBS_TSV, false)),
    }
}

/// Leads are looked for in the first bytes only, so a huge paragraph costs nothing more.
const LEAD_WINDOW: usize = 400;

/// The start of a text, cut at a character boundary.
fn head(text: &str) -> &str {
    &text[..text.floor_char_boundary(LEAD_WINDOW)]
}

pub(super) use qarar_util::script::is_arabic_letter;

/// Fold a word for comparison: surrounding punctuation stripped, then each character as
/// search folds it ([`fold_char`]: harakat and tatweel dropped, hamza seats and final yeh
/// unified …; ة kept, the lexicon tells ة from ه), lowercased.
pub(super) fn fold_word(word: &str) -> String {
    const OPTIONS: FoldOptions = FoldOptions { ta_marbuta: false };
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .filter_map(|c| fold_char(c, OPTIONS))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The first words of `text` with their byte ranges.
fn leading_words(text: &str, max: usize) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                words.push(trimmed_word(text, s, i));
                if words.len() >= max {
                    return words;
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        words.push(trimmed_word(text, s, text.len()));
    }
    words
}

/// A word's range without trailing punctuation (`تشير،` → `تشير`).
fn trimmed_word(text: &str, start: usize, end: usize) -> Word {
    let slice = text.get(start..end).unwrap_or("");
    let kept = slice.trim_end_matches(|c: char| !c.is_alphanumeric() && !is_mark(c));
    Word {
        start,
        end: start + kept.len(),
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Adverbs that extend a lead phrase (`تشير أيضا`, `Recalling also`).
fn is_adverb(folded: &str) -> bool {
    matches!(
        folded,
        "ايضا" | "كذلك" | "مجددا" | "also" | "further" | "également" | "aussi" | "también"
    )
}

/// Match the lead phrase at the start of `text` against a list. Exact matches (after
/// folding) win; otherwise the first two words may be misspelled (Arabic only). Whole
/// phrases are preferred to their first words.
pub(super) fn match_lead(text: &str, list: LeadList, fuzzy: bool) -> Option<LeadMatch> {
    let text = head(text);
    if text.starts_with(is_cjk) {
        return match_cjk_lead(text, list);
    }
    let words = leading_words(text, MAX_LEAD_WORDS);
    let folded: Vec<String> = words
        .iter()
        .map(|w| fold_word(text.get(w.start..w.end).unwrap_or("")))
        .collect();
    if folded.is_empty() || folded[0].is_empty() {
        return None;
    }
    let lex = lexicon(list);
    let mut best: Option<(usize, usize, &Phrase)> = None;
    for &i in lex.candidates(&folded[0], list, fuzzy).iter() {
        let Some(phrase) = lex.phrases.get(i) else {
            continue;
        };
        if best.is_some_and(|(bn, bc, _)| {
            phrase.words.len() < bn || (bc == 0 && phrase.words.len() == bn)
        }) {
            continue;
        }
        let Some(cost) = phrase_cost(&folded, &phrase.words, list, fuzzy) else {
            continue;
        };
        let n = phrase.words.len();
        let better = match best {
            None => true,
            Some((bn, bc, _)) => n > bn || (n == bn && cost < bc),
        };
        if better {
            best = Some((n, cost, phrase));
        }
    }
    let (matched, cost, phrase) = best?;
    let mut n = matched;
    while n < folded.len() && is_adverb(&folded[n]) && !is_adverb(&folded[n - 1]) {
        n += 1;
    }
    let end = words.get(n - 1).map_or(0, |w| w.end);
    let intended = (cost > 0).then(|| {
        let mut s = phrase.written.clone();
        for w in &words[matched..n] {
            s.push(' ');
            s.push_str(text.get(w.start..w.end).unwrap_or(""));
        }
        s
    });
    Some(LeadMatch { len: end, intended })
}

/// Chinese preambular openers, longest first where one extends another (`又回顾` before
/// `回顾` is not needed: they differ in their first character, and a prefix match takes
/// the longest phrase).
const CJK_OPENERS: [&str; 69] = [
    "回顾",
    "又回顾",
    "还回顾",
    "重申",
    "又重申",
    "还重申",
    "确认",
    "又确认",
    "还确认",
    "认识到",
    "又认识到",
    "还认识到",
    "欢迎",
    "又欢迎",
    "还欢迎",
    "注意到",
    "又注意到",
    "还注意到",
    "赞赏地注意到",
    "满意地注意到",
    "关切地注意到",
    "欣慰地注意到",
    "表示注意到",
    "深信",
    "又深信",
    "还深信",
    "关切",
    "又关切",
    "深为关切",
    "严重关切",
    "深感关切",
    "深表关切",
    "考虑到",
    "又考虑到",
    "还考虑到",
    "铭记",
    "又铭记",
    "还铭记",
    "强调",
    "又强调",
    "还强调",
    "申明",
    "意识到",
    "又意识到",
    "肯定",
    "又肯定",
    "承认",
    "又承认",
    "赞赏",
    "又赞赏",
    "表示赞赏",
    "深感震惊",
    "震惊",
    "遗憾",
    "深感遗憾",
    "痛惜",
    "谴责",
    "强烈谴责",
    "确信",
    "又确信",
    "指出",
    "又指出",
    "决心",
    "希望",
    "审议了",
    "忆及",
    "又忆及",
    "念及",
    "感谢",
];

/// Chinese operative verbs.
const CJK_VERBS: [&str; 44] = [
    "呼吁",
    "又呼吁",
    "还呼吁",
    "强调",
    "又强调",
    "还强调",
    "确认",
    "又确认",
    "敦促",
    "又敦促",
    "吁请",
    "又吁请",
    "请",
    "又请",
    "还请",
    "鼓励",
    "又鼓励",
    "还鼓励",
    "决定",
    "又决定",
    "还决定",
    "欢迎",
    "又欢迎",
    "重申",
    "又重申",
    "促请",
    "又促请",
    "注意到",
    "又注意到",
    "邀请",
    "支持",
    "赞赏",
    "要求",
    "核可",
    "核准",
    "通过",
    "授权",
    "表示",
    "谴责",
    "强烈谴责",
    "敦请",
    "建议",
    "赞扬",
    "感谢",
];

/// Han ideographs, kana and CJK punctuation: scripts written without spaces.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Characters of the scripts written without spaces and their full-width punctuation
/// (`，`, `；`, `（`).
pub(super) fn is_wide(c: char) -> bool {
    is_cjk(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF60}')
}

/// Whether a line ending in `before` and the line starting with `after` join with no space
/// between them: when either side is Chinese (`…26` + `日的决议`, `…信` + `息`).
pub(super) fn joins_tight(before: Option<char>, after: Option<char>) -> bool {
    before.is_some_and(is_wide) || after.is_some_and(is_wide)
}

/// A lead in text without spaces (Chinese): the longest phrase of the list the text starts
/// with.
fn match_cjk_lead(text: &str, list: LeadList) -> Option<LeadMatch> {
    let phrases: &[&str] = match list {
        LeadList::Openers => &CJK_OPENERS,
        LeadList::Verbs => &CJK_VERBS,
    };
    let len = phrases
        .iter()
        .filter(|p| text.starts_with(**p))
        .map(|p| p.len())
        .max()?;
    Some(LeadMatch {
        len,
        intended: None,
    })
}

/// Cost of reading the text's first words as `phrase`; `None` when they do not match.
fn phrase_cost(folded: &[String], phrase: &[String], list: LeadList, fuzzy: bool) -> Option<usize> {
    if phrase.is_empty() || phrase.len() > folded.len() {
        return None;
    }
    let mut cost = 0;
    for (i, pw) in phrase.iter().enumerate() {
        let w = &folded[i];
        if w == pw {
            continue;
        }
        if !fuzzy || i >= 2 {
            return None;
        }
        cost += word_cost(w, pw, i == 0 && list == LeadList::Openers)?;
    }
    Some(cost)
}

/// Cost of reading word `w` as `target`, or `None` when they are too far apart.
fn word_cost(w: &str, target: &str, opener_head: bool) -> Option<usize> {
    if opener_head && is_idh_confusion(w, target) {
        return Some(1);
    }
    if w.chars().next() != target.chars().next() {
        return None;
    }
    let mut a = ['\0'; MAX_WORD];
    let mut b = ['\0'; MAX_WORD];
    let a = chars_into(w, &mut a)?;
    let b = chars_into(target, &mut b)?;
    let longest = a.len().max(b.len());
    let limit = match longest {
        0..=3 => return None,
        4..=5 => 1,
        _ => 2,
    };
    edit_distance(a, b, limit)
}

/// Longest word compared letter by letter.
const MAX_WORD: usize = 32;

/// The characters of `w` in `buf`, or `None` when it is longer than the buffer.
fn chars_into<'b>(w: &str, buf: &'b mut [char; MAX_WORD]) -> Option<&'b [char]> {
    let mut n = 0;
    for c in w.chars() {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    buf.get(..n)
}

/// `إنه`, `إن`, `إنّ` (with or without `و`) written for `إذ` by a broken font mapping.
fn is_idh_confusion(w: &str, target: &str) -> bool {
    let (wv, wr) = match w.strip_prefix('و') {
        Some(r) => (true, r),
        None => (false, w),
    };
    let (tv, tr) = match target.strip_prefix('و') {
        Some(r) => (true, r),
        None => (false, target),
    };
    wv == tv && tr == "اذ" && matches!(wr, "ان" | "انه")
}

/// Edit distance counting a swap of two neighbouring letters as one edit (PDF extraction
/// writes the lam-alef ligature `لا` as `ال`: `تالحظ` for `تلاحظ`), or `None` when above
/// `limit`. Words are at most `MAX_WORD` letters.
fn edit_distance(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit || b.len() >= MAX_WORD {
        return None;
    }
    // Three rows (two back for a swap), used in turn.
    let mut rows = [[0u8; MAX_WORD + 1]; 3];
    for (j, d) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *d = j as u8;
    }
    for (i, ca) in a.iter().enumerate() {
        let [r0, r1, r2] = &mut rows;
        let (before, prev, cur) = match i % 3 {
            0 => (&*r2, &*r0, r1),
            1 => (&*r0, &*r1, r2),
            _ => (&*r1, &*r2, r0),
        };
        cur[0] = (i + 1) as u8;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + u8::from(ca != cb);
            let mut d = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            if i > 0 && j > 0 && a[i - 1] == *cb && *ca == b[j - 1] {
                d = d.min(before[j - 1] + 1);
            }
            cur[j + 1] = d;
        }
    }
    let d = usize::from(rows[a.len() % 3][b.len()]);
    (d <= limit).then_some(d)
}

/// A fallback lead when no list phrase matches: the `إذ`-word and its verb, a word and
/// `منها` (`واقتناعا منها`), or the first word; extended by an adverb. `None` for text
/// without spaces (Chinese).
pub(super) fn fallback_lead(text: &str) -> Option<usize> {
    let text = head(text);
    let words = leading_words(text, 4);
    let first = words.first()?;
    if first.end >= text.len() && words.len() == 1 {
        return None;
    }
    let folded: Vec<String> = words
        .iter()
        .map(|w| fold_word(text.get(w.start..w.end).unwrap_or("")))
        .collect();
    let head = folded[0].trim_start_matches('و');
    let mut n = if (head == "اذ"
        || head == "ان"
        || head == "انه"
        || folded.get(1).is_some_and(|w| w == "منها"))
        && words.len() >= 2
    {
        2
    } else {
        1
    };
    while n < folded.len() && is_adverb(&folded[n]) && !is_adverb(&folded[n - 1]) {
        n += 1;
    }
    let end = words.get(n - 1)?.end;
    (end > 0 && text.get(..end).is_some_and(|s| s.chars().count() <= 40)).then_some(end)
}

/// The list phrase a (bold) lead seems to misspell, if it is not itself in the list.
pub(super) fn misspelling_of(lead: &str, list: LeadList) -> Option<String> {
    let m = match_lead(lead, list, true)?;
    if m.len < lead.trim_end().len() {
        return None;
    }
    m.intended
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_misspelled_openers() {
        let t = "وإذ تشير أيضا إلى قرارها";
        let m = match_lead(t, LeadList::Openers, true).unwrap();
        assert_eq!(&t[..m.len], "وإذ تشير أيضا");
        assert_eq!(m.intended, None);
        let t = "وإنه تشير أيضا إلى اتفاق";
        let m = match_lead(t, LeadList::Openers, true).unwrap();
        assert_eq!(&t[..m.len], "وإنه تشير أيضا");
        assert_eq!(m.intended.as_deref(), Some("وإذ تشير أيضا"));
        let t = "واقترعا منها بأن";
        let m = match_lead(t, LeadList::Openers, true).unwrap();
        assert_eq!(&t[..m.len], "واقترعا منها");
        let t = "وإنّ ترهب بجهود";
        let m = match_lead(t, LeadList::Openers, true).unwrap();
        assert_eq!(m.intended.as_deref(), Some("وإذ ترحب"));
        // The lam-alef ligature extracted as `ال` (a swap of two letters).
        let t = "وإذ تالحظ جهود التعاون";
        let m = match_lead(t, LeadList::Openers, true).unwrap();
        assert_eq!(m.intended.as_deref(), Some("وإذ تلاحظ"));
    }

    #[test]
    fn chinese_leads_are_prefixes() {
        let t = "又回顾1997年联合国与国际刑警组织之间的合作协定";
        let m = match_lead(t, LeadList::Openers, false).unwrap();
        assert_eq!(&t[..m.len], "又回顾");
        let t = "赞赏地注意到秘书长的报告，";
        let m = match_lead(t, LeadList::Openers, false).unwrap();
        assert_eq!(&t[..m.len], "赞赏地注意到");
        let t = "请秘书长提交报告；";
        let m = match_lead(t, LeadList::Verbs, false).unwrap();
        assert_eq!(&t[..m.len], "请");
        assert!(match_lead("联合国与国际刑警组织", LeadList::Openers, false).is_none());
    }

    #[test]
    fn english_openers() {
        let t = "Recalling also its resolution 73/11,";
        let m = match_lead(t, LeadList::Openers, false).unwrap();
        assert_eq!(&t[..m.len], "Recalling also");
    }
}
