//! The list of a document's annotations as a pane shows it, without a window: one
//! [`ListItem`] per annotation in document order (orphans last), and the [`Filter`] a reader
//! narrows it with — by text (Arabic folding, [`qarar_util::fold`]), colour and tag.

use crate::{Anchor, Annotation, Color};
use qarar_util::fold;
use std::collections::HashMap;

/// One annotation as a list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    pub id: String,
    pub color: Color,
    /// The annotated passage.
    pub quote: String,
    /// The note, possibly empty.
    pub note: String,
    pub tags: Vec<String>,
    /// Paragraph id the annotation is anchored in; `None` for an orphan.
    pub paragraph: Option<String>,
    /// The passage was not found in the document.
    pub orphan: bool,
}

/// The annotations as [`ListItem`]s in document order: by the place `position` gives the
/// paragraph each is anchored in (the window: the paragraph's block), then by where the
/// passage starts. Orphans and annotations in a paragraph `position` does not know come
/// last, in the order of `annotations`.
pub(crate) fn in_document_order(
    annotations: &[Annotation],
    anchors: &HashMap<String, Anchor>,
    position: impl Fn(&str) -> Option<usize>,
) -> Vec<ListItem> {
    let mut items: Vec<(usize, usize, ListItem)> = annotations
        .iter()
        .map(|a| {
            let anchor = anchors.get(&a.id);
            let paragraph = anchor.and_then(|x| x.paragraph()).map(str::to_string);
            let place = paragraph.as_deref().and_then(&position);
            let start = anchor.and_then(|x| x.range()).map(|r| r.start).unwrap_or(0);
            let orphan = anchor.is_none_or(|x| x.is_orphan());
            let item = ListItem {
                id: a.id.clone(),
                color: a.color,
                quote: a.quote.exact.clone(),
                note: a.note.clone(),
                tags: a.tags.clone(),
                paragraph,
                orphan,
            };
            (place.unwrap_or(usize::MAX), start, item)
        })
        .collect();
    // Stable: annotations at the same place keep their order.
    items.sort_by_key(|(place, start, _)| (*place, *start));
    items.into_iter().map(|(_, _, i)| i).collect()
}

/// What the list shows: annotations matching the text, of one of the colours, with the tag.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Text filter, compared after Arabic folding with quotes, notes and tags.
    pub text: String,
    /// Colours shown; empty shows every colour.
    pub colors: Vec<Color>,
    /// Tag shown; `None` shows every annotation.
    pub tag: Option<String>,
}

impl Filter {
    /// Items passing the filter, in the order given (document order).
    pub fn filtered<'a>(&self, items: &'a [ListItem]) -> Vec<&'a ListItem> {
        let query = fold::fold_str(&self.text);
        let query = query.trim_matches(' ');
        items
            .iter()
            .filter(|item| self.passes(item, query))
            .collect()
    }

    /// True when some filter is set.
    pub fn is_filtering(&self) -> bool {
        !self.text.trim().is_empty() || !self.colors.is_empty() || self.tag.is_some()
    }

    /// Remove every filter.
    pub fn clear(&mut self) {
        self.text.clear();
        self.colors.clear();
        self.tag = None;
    }

    /// Show `color` too, or no longer (several colours may be on at once).
    pub fn toggle_color(&mut self, color: Color) {
        if self.colors.contains(&color) {
            self.colors.retain(|c| *c != color);
        } else {
            self.colors.push(color);
        }
    }

    /// Show only annotations tagged `tag`, or every one again when it was the tag shown.
    pub fn toggle_tag(&mut self, tag: &str) {
        self.tag = if self.tag.as_deref() == Some(tag) {
            None
        } else {
            Some(tag.to_string())
        };
    }

    /// Drop the tag filter when no annotation has that tag any more (`tags`: those present,
    /// see [`tags_present`]).
    pub fn forget_absent_tag(&mut self, tags: &[String]) {
        if self.tag.as_ref().is_some_and(|t| !tags.contains(t)) {
            self.tag = None;
        }
    }

    /// Whether `item` passes the colour, tag and (already folded) text filters.
    fn passes(&self, item: &ListItem, folded_query: &str) -> bool {
        if !self.colors.is_empty() && !self.colors.contains(&item.color) {
            return false;
        }
        if let Some(tag) = &self.tag
            && !item.tags.iter().any(|t| t == tag)
        {
            return false;
        }
        folded_query.is_empty() || text_matches(item, folded_query)
    }
}

/// Whether the folded quote, note or one of the tags contains the folded query.
fn text_matches(item: &ListItem, folded_query: &str) -> bool {
    fold::fold_str(&item.quote).contains(folded_query)
        || fold::fold_str(&item.note).contains(folded_query)
        || item
            .tags
            .iter()
            .any(|t| fold::fold_str(t).contains(folded_query))
}

/// Tags of all items, each once, in order of first appearance.
pub fn tags_present(items: &[ListItem]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in items.iter().flat_map(|i| &i.tags) {
        if !out.contains(tag) {
            out.push(tag.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, color: Color, quote: &str, note: &str, tags: &[&str]) -> ListItem {
        ListItem {
            id: id.to_string(),
            color,
            quote: quote.to_string(),
            note: note.to_string(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            paragraph: Some("para_13_b".to_string()),
            orphan: false,
        }
    }

    fn items() -> Vec<ListItem> {
        let mut orphan = item("a3", Color::Blue, "نص حذف من القرار", "", &[]);
        orphan.paragraph = None;
        orphan.orphan = true;
        vec![
            item(
                "a1",
                Color::Yellow,
                "ترحب بالتعاون بين المنظمة الدولية للشرطة الجنائية والأمم المتحدة في مكافحة \
                 الإرهاب والجريمة المنظمة عبر الوطنية وتدعو إلى تعزيزه",
                "راجع دور الإنترپول في القرار S/RES/2322 (2016)",
                &["أمن", "تعاون"],
            ),
            item(
                "a2",
                Color::Green,
                "Calls upon Member States to cooperate",
                "check the English text",
                &["follow-up"],
            ),
            orphan,
        ]
    }

    fn ids(filter: &Filter, items: &[ListItem]) -> Vec<String> {
        filter
            .filtered(items)
            .iter()
            .map(|i| i.id.clone())
            .collect()
    }

    #[test]
    fn the_text_filter_folds_quotes_notes_and_tags() {
        let items = items();
        let mut filter = Filter {
            text: "  تعاون ".to_string(),
            ..Filter::default()
        };
        assert_eq!(ids(&filter, &items), ["a1"]);
        filter.text = "ENGLISH".to_string();
        filter.colors = vec![Color::Green, Color::Blue];
        assert_eq!(ids(&filter, &items), ["a2"]);
        filter.clear();
        assert!(!filter.is_filtering());
        assert_eq!(filter.filtered(&items).len(), 3);
    }

    #[test]
    fn interpol_without_hamza_finds_the_persian_spelling_in_a_note() {
        let filter = Filter {
            text: "الانتربول".to_string(),
            ..Filter::default()
        };
        assert_eq!(ids(&filter, &items()), ["a1"]);
    }

    #[test]
    fn colours_and_tags_toggle() {
        let items = items();
        let mut filter = Filter::default();
        filter.toggle_color(Color::Green);
        assert_eq!(ids(&filter, &items), ["a2"]);
        filter.toggle_color(Color::Blue);
        assert_eq!(ids(&filter, &items), ["a2", "a3"]);
        filter.toggle_color(Color::Green);
        assert_eq!(ids(&filter, &items), ["a3"]);
        filter.colors.clear();
        filter.toggle_tag("أمن");
        assert!(filter.is_filtering());
        assert_eq!(ids(&filter, &items), ["a1"]);
        filter.toggle_tag("أمن");
        assert_eq!(filter.tag, None, "pressed again: every tag");
    }

    #[test]
    fn a_tag_no_annotation_has_any_more_is_forgotten() {
        let items = items();
        assert_eq!(tags_present(&items), ["أمن", "تعاون", "follow-up"]);
        let mut filter = Filter::default();
        filter.toggle_tag("follow-up");
        filter.forget_absent_tag(&tags_present(&items));
        assert_eq!(filter.tag.as_deref(), Some("follow-up"), "still present");
        filter.forget_absent_tag(&tags_present(&items[..1]));
        assert_eq!(filter.tag, None);
    }

    #[test]
    fn document_order_by_place_then_start_orphans_last() {
        let ann = |id: &str| Annotation {
            id: id.into(),
            created: "2025-01-01T00:00:01Z".into(),
            modified: "2025-01-01T00:00:01Z".into(),
            color: Color::Yellow,
            note: String::new(),
            note_language: None,
            tags: vec![],
            target: "p".into(),
            quote: crate::Quote::default(),
            position: None,
            whole_paragraph: false,
        };
        let list = [ann("orphan"), ann("late"), ann("early"), ann("first")];
        let exact = |p: &str, start: usize| Anchor::Exact {
            paragraph: p.into(),
            range: start..start + 2,
        };
        let anchors: HashMap<String, Anchor> = [
            ("orphan".to_string(), Anchor::Orphan),
            ("late".to_string(), exact("para_2", 9)),
            ("early".to_string(), exact("para_2", 1)),
            ("first".to_string(), exact("para_1", 5)),
        ]
        .into();
        let position = |p: &str| ["para_1", "para_2"].iter().position(|x| *x == p);
        let order: Vec<String> = in_document_order(&list, &anchors, position)
            .into_iter()
            .map(|i| i.id)
            .collect();
        assert_eq!(order, ["first", "early", "late", "orphan"]);
    }
}
