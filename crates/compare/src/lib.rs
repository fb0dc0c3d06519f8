//! Comparing two resolutions (issue 16): units paired by content ignoring numbers, moved,
//! split and merged paragraphs found, a word diff inside each pair, and every change
//! classed substantive, mechanical or orthographic. Pure logic: the writers are in
//! `export::compare` (JSON, HTML, Markdown, PDF and the tracked-changes DOCX, `export::compare::docx`).
//!
//! [`compare`] gives a [`Comparison`] whose JSON (serde) is the documented shape.

mod align;
mod diff;
mod mark;
mod tokens;
mod units;

pub use align::{Link, align};
pub use diff::{Class, Edit, Op};
pub use mark::Mark;
pub use tokens::mech_key;
pub use units::{Unit, units};

use diff::{classify, word_diff};

use qarar_document::{Document, Language};
use serde::Serialize;

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub symbol: Option<String>,
    pub language: Language,
    /// The file as named by the user, when there is one.
    pub file: Option<String>,
}

/// A unit's id, or the ids of the pieces of a split or merge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Ids {
    One(String),
    Many(Vec<String>),
}

impl Ids {
    /// The ids joined with `+` (`para_3+para_4`).
    pub fn joined(&self) -> String {
        match self {
            Ids::One(id) => id.clone(),
            Ids::Many(ids) => ids.join("+"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Unchanged,
    Changed,
    Inserted,
    Deleted,
    Moved,
    Split,
    Merged,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unchanged => "unchanged",
            Status::Changed => "changed",
            Status::Inserted => "inserted",
            Status::Deleted => "deleted",
            Status::Moved => "moved",
            Status::Split => "split",
            Status::Merged => "merged",
        }
    }
}

/// One unit (or split/merged group) of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub old: Option<Ids>,
    pub new: Option<Ids>,
    pub status: Status,
    /// The strongest class of its changes; `None` when its text is unchanged.
    pub class: Option<Class>,
    pub edits: Vec<Edit>,
    /// The number or label as printed in the new document (the old one when deleted).
    #[serde(skip)]
    pub label: String,
}

impl Change {
    /// How the change is named in a list: the unit's number or label as printed, else the
    /// first `words` words of its text (the new text, or the old one when deleted); empty
    /// when it has neither.
    pub fn name(&self, words: usize) -> String {
        if !self.label.is_empty() {
            return self.label.clone();
        }
        let deleted = self.new.is_none();
        let text: String = self
            .edits
            .iter()
            .filter(|e| deleted || e.op != Op::Delete)
            .map(|e| e.text.as_str())
            .collect();
        qarar_util::first_words(&text, words)
    }
}

/// How many changes have each status and class.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub unchanged: usize,
    pub changed: usize,
    pub inserted: usize,
    pub deleted: usize,
    pub moved: usize,
    pub split: usize,
    pub merged: usize,
    pub substantive: usize,
    pub mechanical: usize,
    pub orthographic: usize,
}

/// The comparison of two documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub old: Side,
    pub new: Side,
    pub changes: Vec<Change>,
    pub summary: Summary,
    /// Indices in [`Comparison::changes`] of the changes whose word diff took too long
    /// ([`diff::WORD_DIFF_TIME`]) and is shown whole: the old text deleted, the new one
    /// inserted. A viewer should say so.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub coarse: Vec<usize>,
}

impl Comparison {
    /// The change that involves the new unit `id` (alone or in a group).
    pub fn by_new(&self, id: &str) -> Option<&Change> {
        self.changes.iter().find(|c| ids_contain(&c.new, id))
    }

    /// The change that involves the old unit `id` (alone or in a group).
    pub fn by_old(&self, id: &str) -> Option<&Change> {
        self.changes.iter().find(|c| ids_contain(&c.old, id))
    }

    /// The changes that are not `unchanged`.
    pub fn differences(&self) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(|c| c.status != Status::Unchanged)
    }

    /// The comparison as pretty JSON, ending with a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}

fn ids_contain(ids: &Option<Ids>, id: &str) -> bool {
    match ids {
        Some(Ids::One(x)) => x == id,
        Some(Ids::Many(xs)) => xs.iter().any(|x| x == id),
        None => false,
    }
}

/// Two documents in two languages: the comparison is of one text's versions. The window
/// says it in the interface language from the two languages; the command line prints the
/// English of [`std::fmt::Display`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageMismatch {
    pub old: Language,
    pub new: Language,
}

impl std::fmt::Display for LanguageMismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the documents are in two languages ({} and {}); compare versions in one language",
            self.old.code(),
            self.new.code()
        )
    }
}

impl std::error::Error for LanguageMismatch {}

/// The command line's errors are its English sentences.
impl From<LanguageMismatch> for String {
    fn from(e: LanguageMismatch) -> String {
        e.to_string()
    }
}

/// Refuse to compare documents in two languages (the comparison is of one text's versions).
pub fn check_languages(old: &Document, new: &Document) -> Result<(), LanguageMismatch> {
    let (a, b) = (old.meta.language, new.meta.language);
    if a == b {
        Ok(())
    } else {
        Err(LanguageMismatch { old: a, new: b })
    }
}

/// Compare `old` with `new` (file names left out of the sides).
pub fn compare(old: &Document, new: &Document) -> Comparison {
    compare_files(old, None, new, None)
}

/// Compare `old` with `new`, naming their files in the sides.
pub fn compare_files(
    old: &Document,
    old_file: Option<String>,
    new: &Document,
    new_file: Option<String>,
) -> Comparison {
    let mut a = units(old);
    let mut b = units(new);
    let links = align(&mut a, &mut b);
    let (changes, coarse) = changes(&a, &b, &links);
    let summary = summarise(&changes);
    let side = |doc: &Document, file| Side {
        symbol: doc.meta.symbol.clone(),
        language: doc.meta.language,
        file,
    };
    Comparison {
        old: side(old, old_file),
        new: side(new, new_file),
        changes,
        summary,
        coarse,
    }
}

/// Sort key of an entry: new position, then deleted units after the new unit that follows
/// their nearest preceding old unit (in old order).
type Place = (usize, usize, usize);

/// The entries in new order, and the indices of those whose word diff was coarsened.
fn changes(a: &[Unit], b: &[Unit], links: &[Link]) -> (Vec<Change>, Vec<usize>) {
    // New positions of the pairs whose word diff took too long.
    let mut coarse_at: std::collections::HashSet<usize> = Default::default();
    // Where each old unit went in the new document.
    let mut new_of_old: Vec<Option<usize>> = vec![None; a.len()];
    let mut entries: Vec<(Place, Change)> = Vec::new();
    let mut new_linked = vec![false; b.len()];
    for link in links {
        let (olds, news): (Vec<usize>, Vec<usize>) = match link {
            Link::Pair { old, new, .. } => (vec![*old], vec![*new]),
            Link::Split { old, news } => (vec![*old], news.clone()),
            Link::Merge { olds, new } => (olds.clone(), vec![*new]),
        };
        let first_new = news.iter().copied().min().unwrap_or(0);
        for &i in &olds {
            new_of_old[i] = Some(first_new);
        }
        for &j in &news {
            new_linked[j] = true;
        }
        let old_text = join_texts(a, &olds);
        let new_text = join_texts(b, &news);
        let class = classify(&old_text, &new_text);
        let status = match link {
            Link::Pair { moved: true, .. } => Status::Moved,
            Link::Pair { .. } if class.is_none() => Status::Unchanged,
            Link::Pair { .. } => Status::Changed,
            Link::Split { .. } => Status::Split,
            Link::Merge { .. } => Status::Merged,
        };
        let (edits, coarse) = if class.is_none() {
            (diff::whole(Op::Equal, &new_text, None), false)
        } else {
            word_diff(&old_text, &new_text, diff::WORD_DIFF_TIME)
        };
        if coarse {
            coarse_at.insert(first_new);
        }
        entries.push((
            (first_new, 0, 0),
            Change {
                old: Some(ids(a, &olds)),
                new: Some(ids(b, &news)),
                status,
                class,
                edits,
                label: b[first_new].label.clone(),
            },
        ));
    }
    for (j, u) in b.iter().enumerate() {
        if !new_linked[j] {
            entries.push((
                (j, 0, 0),
                Change {
                    old: None,
                    new: Some(Ids::One(u.id.clone())),
                    status: Status::Inserted,
                    class: Some(Class::Substantive),
                    edits: diff::whole(Op::Insert, &u.text, Some(Class::Substantive)),
                    label: u.label.clone(),
                },
            ));
        }
    }
    // A deleted unit stands after the entry of the nearest old unit before it that has a
    // place in the new document (at the start when there is none).
    let mut anchor: Option<usize> = None;
    for (i, u) in a.iter().enumerate() {
        match new_of_old[i] {
            Some(j) => anchor = Some(j),
            None => {
                let place = anchor.map_or((0, 0, i), |j| (j, 1, i));
                entries.push((
                    place,
                    Change {
                        old: Some(Ids::One(u.id.clone())),
                        new: None,
                        status: Status::Deleted,
                        class: Some(Class::Substantive),
                        edits: diff::whole(Op::Delete, &u.text, Some(Class::Substantive)),
                        label: u.label.clone(),
                    },
                ));
            }
        }
    }
    // Deleted units before any kept one come first of all.
    entries.sort_by_key(|((j, after, i), c)| {
        let leading = c.status == Status::Deleted && *after == 0;
        (!leading, *j, *after, *i)
    });
    let coarse = entries
        .iter()
        .enumerate()
        .filter(|(_, ((j, after, _), c))| {
            *after == 0 && c.old.is_some() && c.new.is_some() && coarse_at.contains(j)
        })
        .map(|(k, _)| k)
        .collect();
    (entries.into_iter().map(|(_, c)| c).collect(), coarse)
}

fn join_texts(units: &[Unit], which: &[usize]) -> String {
    which
        .iter()
        .map(|&k| units[k].text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn ids(units: &[Unit], which: &[usize]) -> Ids {
    match which {
        [one] => Ids::One(units[*one].id.clone()),
        many => Ids::Many(many.iter().map(|&k| units[k].id.clone()).collect()),
    }
}

fn summarise(changes: &[Change]) -> Summary {
    let mut s = Summary::default();
    for c in changes {
        *match c.status {
            Status::Unchanged => &mut s.unchanged,
            Status::Changed => &mut s.changed,
            Status::Inserted => &mut s.inserted,
            Status::Deleted => &mut s.deleted,
            Status::Moved => &mut s.moved,
            Status::Split => &mut s.split,
            Status::Merged => &mut s.merged,
        } += 1;
        match c.class {
            Some(Class::Substantive) => s.substantive += 1,
            Some(Class::Mechanical) => s.mechanical += 1,
            Some(Class::Orthographic) => s.orthographic += 1,
            None => {}
        }
    }
    s
}
