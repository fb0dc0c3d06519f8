//! "Compare with previous": the earlier versions of a resolution in a library folder.
//!
//! Most General Assembly resolutions come back every session or two under the same title and
//! agenda item. A candidate is an entry of the library in the same language, from an earlier
//! session, that has
//! - the same title (folded with [`qarar_compare::mech_key`]: Arabic letter variants,
//!   case, punctuation, and session numbers and years set aside), or
//! - the same agenda item *name* in the metadata files (item numbers change between
//!   sessions: 75/10 is item 130 (y), 77/20 127 (y), 79/136 125 (y)), or
//! - is recalled in the document's preamble.
//!
//! Ranking: the strong candidates first (the same title, or the agenda item name and a
//! recall together), then the weak ones (either alone: an agenda item holds many
//! resolutions, a preamble recalls many); within each, the newest first (session, adoption
//! date, number).

use crate::index::{Entry, LibraryIndex, session_of_symbol};
use qarar_document::{Document, Language};
use qarar_util::normalise_symbol;
use std::cmp::Reverse;
use std::path::Path;

/// Why an entry is offered as an earlier version.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reasons {
    /// The same title (folded, numbers set aside).
    pub same_title: bool,
    /// The same agenda item name in the metadata files.
    pub same_agenda_item: bool,
    /// The document's preamble recalls it.
    pub recalled: bool,
}

impl Reasons {
    /// 2 for a strong reason (the same title, or the agenda item and a recall together),
    /// 1 for a weak one (the agenda item or a recall alone), 0 for none.
    pub(crate) fn rank(self) -> u8 {
        if self.same_title || (self.same_agenda_item && self.recalled) {
            2
        } else if self.same_agenda_item || self.recalled {
            1
        } else {
            0
        }
    }

    /// The reasons in words (`same title, recalled`).
    pub fn describe(self) -> String {
        let mut out = Vec::new();
        if self.same_title {
            out.push("same title");
        }
        if self.same_agenda_item {
            out.push("same agenda item");
        }
        if self.recalled {
            out.push("recalled in the preamble");
        }
        out.join(", ")
    }
}

/// An earlier version offered for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Predecessor<'a> {
    pub entry: &'a Entry,
    pub reasons: Reasons,
}

/// What is known of the document whose predecessor is wanted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Subject {
    pub symbol: Option<String>,
    pub language: Option<Language>,
    pub title: Option<String>,
    pub session: Option<u32>,
    /// ISO 8601.
    pub adopted: Option<String>,
    /// Resolutions its preamble recalls (canonical symbols, sorted, each once).
    pub recalls: Vec<String>,
}

impl Subject {
    /// The subject for an open document: its preamble's references to resolutions.
    pub fn of_document(doc: &Document) -> Subject {
        // A set: a file may hold hundreds of thousands of references.
        let preamble: std::collections::HashSet<&str> = doc
            .preamble
            .iter()
            .chain(doc.parts.iter().flat_map(|p| p.preamble.iter()))
            .flat_map(|p| p.walk())
            .map(|(_, p)| p.id.as_str())
            .collect();
        let mut recalls: Vec<String> = doc
            .references
            .iter()
            .filter(|r| r.kind == qarar_document::ReferenceKind::Resolution)
            .filter(|r| preamble.contains(&r.paragraph.as_str()))
            .map(|r| normalise_symbol(&r.target))
            .collect();
        recalls.sort();
        recalls.dedup();
        let symbol = doc.meta.symbol.as_deref().map(normalise_symbol);
        Subject {
            session: doc
                .meta
                .session
                .or_else(|| symbol.as_deref().and_then(session_of_symbol)),
            symbol,
            language: Some(doc.meta.language),
            title: doc.meta.title.clone().filter(|t| !t.trim().is_empty()),
            adopted: doc.meta.adopted.clone(),
            recalls,
        }
    }

    /// The subject for a library entry (its citations stand for the recalls).
    pub(crate) fn of_entry(e: &Entry) -> Subject {
        let mut recalls: Vec<String> = e.cites.iter().map(|c| normalise_symbol(c)).collect();
        recalls.sort();
        recalls.dedup();
        Subject {
            symbol: e.symbol.clone(),
            language: e.language,
            title: e.title.clone(),
            session: e.session,
            adopted: e.adopted.clone(),
            recalls,
        }
    }
}

/// `A/RES/75/10` → 10 (the order of resolutions within a session).
fn number_of_symbol(symbol: &str) -> u32 {
    symbol
        .strip_prefix("A/RES/")
        .and_then(|r| r.split('/').nth(1))
        .map(|n| {
            n.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn title_key(title: &str) -> String {
    qarar_compare::mech_key(title)
}

/// True when `e` comes from before the subject: an earlier session, or (sessions unknown)
/// an earlier adoption date.
fn is_earlier(e: &Entry, s: &Subject) -> bool {
    match (e.session, s.session) {
        (Some(a), Some(b)) => a < b,
        _ => match (&e.adopted, &s.adopted) {
            (Some(a), Some(b)) => a < b,
            _ => false,
        },
    }
}

impl LibraryIndex {
    /// The agenda item name of `symbol` in the metadata files, folded.
    fn agenda_item_key(&self, symbol: Option<&str>) -> Option<String> {
        let name = self.metadata.get(symbol?)?.agenda_item_name.as_deref()?;
        let key =
            qarar_util::fold::fold_str(&name.split_whitespace().collect::<Vec<_>>().join(" "));
        (!key.is_empty()).then_some(key)
    }

    /// The earlier versions of `subject` in the library, best first (see the module
    /// documentation); `path`, the subject's own file, is never offered.
    pub fn predecessors(&self, subject: &Subject, path: Option<&Path>) -> Vec<Predecessor<'_>> {
        let Some(language) = subject.language else {
            return Vec::new();
        };
        let title = subject
            .title
            .as_deref()
            .map(title_key)
            .filter(|t| !t.is_empty());
        let agenda = self.agenda_item_key(subject.symbol.as_deref());
        let mut out: Vec<Predecessor<'_>> = self
            .entries
            .iter()
            .filter(|e| e.is_ok() && e.language == Some(language))
            .filter(|e| path.is_none_or(|p| e.path != p))
            .filter(|e| e.symbol.is_none() || e.symbol != subject.symbol)
            .filter(|e| is_earlier(e, subject))
            .filter_map(|e| {
                let reasons = Reasons {
                    same_title: title.is_some()
                        && e.title.as_deref().map(title_key).as_ref() == title.as_ref(),
                    same_agenda_item: agenda.is_some()
                        && self.agenda_item_key(e.symbol.as_deref()) == agenda,
                    recalled: e.symbol.as_deref().is_some_and(|s| {
                        subject
                            .recalls
                            .binary_search_by(|r| r.as_str().cmp(s))
                            .is_ok()
                    }),
                };
                (reasons.rank() > 0).then_some(Predecessor { entry: e, reasons })
            })
            .collect();
        out.sort_by_key(|p| {
            let e = p.entry;
            (
                Reverse(p.reasons.rank()),
                Reverse(e.session),
                Reverse(e.adopted.clone()),
                Reverse(e.symbol.as_deref().map(number_of_symbol)),
                e.path.clone(),
            )
        });
        out
    }

    /// The predecessors of the document in `path`, which the library holds (its entry is
    /// the subject); empty when the library does not hold it.
    pub fn predecessors_of_path(&self, path: &Path) -> Vec<Predecessor<'_>> {
        match self.entries.iter().find(|e| e.path == path) {
            Some(e) => self.predecessors(&Subject::of_entry(e), Some(path)),
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_give_session_and_number() {
        assert_eq!(session_of_symbol("A/RES/79/136"), Some(79));
        assert_eq!(number_of_symbol("A/RES/79/136"), 136);
        assert_eq!(number_of_symbol("A/RES/77/264 A-C"), 264);
        assert_eq!(session_of_symbol("S/RES/2250 (2015)"), None);
    }

    #[test]
    fn titles_match_across_numbers_and_orthography() {
        assert_eq!(
            title_key("Report of the Commission on its seventy-second session"),
            title_key("Report of the commission on its seventy-third session")
        );
        assert_eq!(
            title_key("التعاون بين الأمم المتحدة والمنظمة الدولية للشرطة الجنائية (الإنتربول)"),
            title_key("التعاون بين الامم المتحدة والمنظمة الدولية للشرطة الجنائية (الانترپول)")
        );
        assert_ne!(
            title_key("Question of Bermuda"),
            title_key("Question of Anguilla")
        );
    }
}
