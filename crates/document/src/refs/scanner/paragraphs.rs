//! Internal references: `paragraph 2 above`, `الفقرة 2 أعلاه`, `paragraphs 3 and 4 (b) of
//! the present resolution`.

use std::ops::Range;

use super::{Scanner, small_number};
use crate::ids;
use crate::model::ReferenceKind;
use crate::refs::words::{CONNECTORS, PARAGRAPH_ENDS, PRESENT_RESOLUTION};

impl Scanner<'_> {
    /// `paragraphs 3 and 4 (b) below` from the cue at word `i`: internal references, only
    /// when the list ends in `above`/`below`/`أعلاه`/`أدناه` or `of the present resolution`
    /// / `من هذا القرار`.
    pub(super) fn paragraphs(&mut self, i: usize) -> usize {
        let mut j = self.skip_punct(i + 1, &['.']);
        let mut items: Vec<(Range<usize>, String)> = Vec::new();
        while items.len() < 32 {
            let Some((range, target, next)) = self.paragraph_item(j) else {
                return i + 1;
            };
            items.push((range, target));
            j = next;
            if let Some(after) = self.paragraph_list_end(j) {
                for (range, target) in items {
                    self.push(range, ReferenceKind::Paragraph, target);
                }
                return after;
            }
            j = self.paragraph_separator(j).unwrap_or(j);
            if j == next {
                return i + 1;
            }
        }
        i + 1
    }

    /// One item `13 (b) (ii)` at token `j`: surface range, target id and next index.
    fn paragraph_item(&self, j: usize) -> Option<(Range<usize>, String, usize)> {
        let n = small_number(self.text_of(j)).filter(|_| self.is_number(j))?;
        let mut id = ids::operative_id(n);
        let mut end = j;
        for depth in 1..=2 {
            let label = self.text_of(end + 2);
            if !(self.is_punct(end + 1, '(') && self.is_punct(end + 3, ')')) {
                break;
            }
            let position = if depth == 1 {
                ids::letter_position(label)
            } else {
                ids::parse_roman(label).or_else(|| ids::parse_number(label).map(|n| n as usize))
            };
            let Some(position) = position.filter(|p| *p > 0) else {
                break;
            };
            id = ids::sub_id(&id, depth, position);
            end += 3;
        }
        Some((self.tokens[j].start..self.tokens[end].end, id, end + 1))
    }

    /// A separator between items (`,`, `و`, `and`, `to`): the index after it.
    fn paragraph_separator(&self, j: usize) -> Option<usize> {
        if self.is_punct(j, ',') || self.is_punct(j, '،') {
            let k = j + 1;
            return Some(if CONNECTORS.contains(&self.key_of(k).as_str()) {
                k + 1
            } else {
                k
            });
        }
        CONNECTORS
            .contains(&self.key_of(j).as_str())
            .then_some(j + 1)
    }

    /// The end of an internal reference list at `j` (`above`, `أعلاه`, `of the present
    /// resolution`, `من هذا القرار`): the index after it.
    fn paragraph_list_end(&self, j: usize) -> Option<usize> {
        let key = self.key_of(j);
        if PARAGRAPH_ENDS.contains(&key.as_str()) {
            return Some(j + 1);
        }
        let french = key == "ci"
            && self.is_punct(j + 1, '-')
            && matches!(self.key_of(j + 2).as_str(), "dessus" | "dessous");
        if french {
            return Some(j + 3);
        }
        PRESENT_RESOLUTION
            .iter()
            .find(|words| self.phrase_at(j, words))
            .map(|words| j + words.len())
    }
}
