//! Treaty citations: `United Nations, Treaty Series, vol. 1996, No. 1200` and its forms
//! in the other languages.

use super::{Found, Scanner, small_number};
use crate::model::ReferenceKind;
use crate::refs::tokens::Tok;
use crate::refs::words::{
    CONNECTORS, NUMBER_LABELS, PAGE_LABELS, TREATY_SERIES, UNITED_NATIONS, VOLUME_LABELS,
};

impl Scanner<'_> {
    /// `Treaty Series, vol. 1996, No. 1200` (or `مجموعة المعاهدات، المجلد 1996، الرقم
    /// 1200`, `Recueil des Traités, vol. 1996, no 1200`) starting at word `i`; returns the
    /// index after it.
    pub(super) fn treaty(&mut self, i: usize, key: &str) -> Option<usize> {
        let series = TREATY_SERIES
            .iter()
            .find(|words| words[0] == key && self.phrase_at(i, words))?;
        let citation = self.treaty_citation(i + series.len())?;
        let start = self.treaty_start(i);
        let range = start..self.tokens[citation.end_token].end;
        let fallback = self.tokens[citation.vol_token].start..range.end;
        self.found.push(Found {
            range,
            fallback: Some(fallback),
            kind: ReferenceKind::Treaty,
            target: citation.target,
        });
        Some(citation.end_token + 1)
    }

    /// Start of a treaty citation: `United Nations,` (or `الأمم المتحدة،`) before
    /// `Treaty Series` when present, with any `*` markup.
    fn treaty_start(&self, i: usize) -> usize {
        let mut start = i;
        while start > 0 && self.is_punct(start - 1, '*') {
            start -= 1;
        }
        let comma = start >= 3 && (self.is_punct(start - 1, ',') || self.is_punct(start - 1, '،'));
        if comma {
            let un = UNITED_NATIONS
                .iter()
                .any(|words| self.phrase_at(start - 3, words));
            if un {
                start -= 3;
            }
        }
        self.tokens[start].start
    }

    /// `, vol. 1996, No. 1200` from token `i` on (also `vols. 2225, 2237 and 2326, No.
    /// 39574`, `vol. 75, Nos. 970–973`, `vol. 1577, p. 3`).
    fn treaty_citation(&self, mut i: usize) -> Option<TreatyCitation> {
        i = self.skip_punct(i, &['*', ',', '،', '_']);
        let vol_token = i;
        if !VOLUME_LABELS.contains(&self.key_of(i).as_str()) {
            return None;
        }
        i = self.skip_punct(i + 1, &['.']);
        let volume = self.number_text(i)?;
        let mut target = format!("UNTS vol. {volume}");
        let mut end_token = self.more_volumes(i);
        let j = self.skip_punct(end_token + 1, &[',', '،']);
        if let Some((label, k)) = self.number_label(j)
            && let Some((number, last)) = self.registration_number(k)
        {
            target.push_str(&format!(", {label} {number}"));
            end_token = last;
        }
        Some(TreatyCitation {
            vol_token,
            end_token,
            target,
        })
    }

    /// Further volumes after the first (`, 2237, 2241 and 2326`): the last volume token.
    fn more_volumes(&self, mut last: usize) -> usize {
        loop {
            let mut j = last + 1;
            if self.is_punct(j, ',') || self.is_punct(j, '،') {
                j += 1;
            }
            if CONNECTORS.contains(&self.key_of(j).as_str()) {
                j += 1;
            }
            if j == last + 1 || !self.is_number(j) {
                return last;
            }
            last = j;
        }
    }

    /// `No.`, `Nos.`, `núm.`, `no`, `n°`, `№`, `الرقم`, `p.` at token `j`: the label as
    /// written in the target and the index of the number.
    fn number_label(&self, j: usize) -> Option<(&'static str, usize)> {
        let key = self.key_of(j);
        let label = if self.is_punct(j, '№') {
            "No."
        } else if key == "nos" {
            "Nos."
        } else if NUMBER_LABELS.contains(&key.as_str()) {
            "No."
        } else if PAGE_LABELS.contains(&key.as_str()) {
            "p."
        } else {
            return None;
        };
        Some((label, self.skip_punct(j + 1, &['.', '°'])))
    }

    /// `1200`, `970–973` or `I-54749` at token `i`: the number as ASCII and its last token.
    fn registration_number(&self, i: usize) -> Option<(String, usize)> {
        if let Some(n) = self.number_text(i) {
            let dash = self.is_punct(i + 1, '–') || self.is_punct(i + 1, '-');
            if dash && let Some(m) = self.number_text(i + 2) {
                return Some((format!("{n}–{m}"), i + 2));
            }
            return Some((n, i));
        }
        let prefix = self.text_of(i);
        let prefixed = self.tokens.get(i).is_some_and(|t| t.tok == Tok::Word)
            && prefix.len() <= 2
            && prefix.chars().all(|c| c.is_ascii_uppercase())
            && self.is_punct(i + 1, '-')
            && self.touching(i)
            && self.touching(i + 1);
        let n = self.number_text(i + 2).filter(|_| prefixed)?;
        Some((format!("{prefix}-{n}"), i + 2))
    }

    /// Number token `i` with ASCII digits.
    fn number_text(&self, i: usize) -> Option<String> {
        if !self.is_number(i) {
            return None;
        }
        small_number(self.text_of(i)).map(|n| n.to_string())
    }
}

/// A parsed treaty citation.
struct TreatyCitation {
    vol_token: usize,
    end_token: usize,
    target: String,
}
