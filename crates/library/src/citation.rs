//! "Copy citation": a paragraph cited in each language's convention, with its undocs.org link.
//!
//! English: `A/RES/75/10, para. 13 (b) (ii)`, `A/RES/75/10, preambular paragraph 3`.
//! Arabic: `القرار 75/10، الفقرة 13 (ب)`, `القرار 75/10، الفقرة 3 من الديباجة`; a second-level
//! sub-paragraph keeps the form the document writes (`'2'` or `(ii)`).
//! French, Spanish, Russian and Chinese documents use the English form.

use qarar_document::ids::{arabic_letter, letter_position, parse_number};
use qarar_document::{Document, Language, Paragraph};

/// A paragraph citation in English and Arabic, with the link to the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// `A/RES/75/10, para. 13 (b)`.
    pub text_en: String,
    /// `القرار 75/10، الفقرة 13 (ب)`.
    pub text_ar: String,
    /// `https://undocs.org/{lang}/A/RES/75/10`, in the document's language.
    pub url: String,
}

/// Where a paragraph id points: a preambular paragraph or an operative paragraph with its
/// sub-paragraph path.
enum Place<'a> {
    Preamble(&'a str),
    Operative {
        number: &'a str,
        /// Latin letter of the first level (`b`), if any.
        letter: Option<&'a str>,
        /// Deeper levels as they appear in the id (`ii`), paired with the label as written.
        deeper: Vec<(&'a str, Option<String>)>,
    },
}

/// The citation of paragraph `paragraph_id` of `doc` (preambular or operative paragraph,
/// sub-paragraph, section, unnumbered paragraph or table, in a part or an annex), or `None`
/// when the document has no symbol or no such paragraph.
pub fn citation(doc: &Document, paragraph_id: &str) -> Option<Citation> {
    let symbol = doc.meta.symbol.as_deref()?.trim();
    if symbol.is_empty() {
        return None;
    }
    doc.paragraph(paragraph_id)?;
    // `annex_1.para_14` → "annex, para. 14"; `B.para_3` → "B, para. 3".
    let (scope, local) = match paragraph_id.split_once('.') {
        Some((scope, local)) => (Some(scope), local),
        None => (None, paragraph_id),
    };
    let url = format!(
        "https://undocs.org/{}/{}",
        doc.meta.language.code(),
        symbol.replace(' ', "%20")
    );
    let short = symbol.strip_prefix("A/RES/").unwrap_or(symbol);
    // What is cited, from the widest to the narrowest: part or annex, paragraph, table.
    let mut en: Vec<String> = Vec::new();
    let mut ar: Vec<String> = Vec::new();
    if let Some(scope) = scope {
        let (e, a) = scope_names(doc, scope);
        en.push(e);
        ar.push(a);
    }
    // Sections of an annex whose numbering starts again: `annex_1.sec_2.para_1`.
    let mut local = local;
    while let Some((head, rest)) = local.split_once('.') {
        match head.strip_prefix("sec_") {
            Some(n) => {
                en.push(format!("section {n}"));
                ar.push(format!("الفرع {n}"));
            }
            None => {
                en.push(head.to_string());
                ar.push(head.to_string());
            }
        }
        local = rest;
    }
    let prefix = paragraph_id[..paragraph_id.len() - local.len()].to_string();
    // A table stands under its paragraph (`para_6_table_1`) or alone (`table_1`); text
    // under a paragraph (`para_6_text_1`) is cited as that paragraph.
    let (local, table) = match local.rsplit_once("_table_") {
        Some((head, n)) => (head, Some(n)),
        None => match local.strip_prefix("table_") {
            Some(n) => ("", Some(n)),
            None => (local, None),
        },
    };
    let local = local.rsplit_once("_text_").map_or(local, |(head, _)| head);
    if let Some(n) = local.strip_prefix("sec_") {
        en.push(format!("section {n}"));
        ar.push(format!("الفرع {n}"));
    } else if let Some(n) = local.strip_prefix("p_") {
        en.push(format!("unnumbered paragraph {n}"));
        ar.push(format!("الفقرة غير المرقمة {n}"));
    } else if !local.is_empty() {
        let (e, a) = place_text(doc, place_of(doc, local, prefix)?);
        en.push(e);
        ar.push(a);
    }
    if let Some(n) = table {
        en.push(format!("table {n}"));
        ar.push(format!("الجدول {n}"));
    }
    if en.is_empty() {
        return None;
    }
    let text_en = format!("{symbol}, {}", en.join(", "));
    let text_ar = format!("القرار {short}، {}", ar.join("، "));
    Some(Citation {
        text_en,
        text_ar,
        url,
    })
}

/// A preambular or operative paragraph as cited, in English and Arabic: `para. 2 (b) (ii)`,
/// `الفقرة 2 (ب) '2'`.
fn place_text(doc: &Document, place: Place<'_>) -> (String, String) {
    match place {
        Place::Preamble(n) => (
            format!("preambular paragraph {n}"),
            format!("الفقرة {n} من الديباجة"),
        ),
        Place::Operative {
            number,
            letter,
            deeper,
        } => {
            let mut en = format!("para. {number}");
            let mut ar = format!("الفقرة {number}");
            if let Some(letter) = letter {
                en.push_str(&format!(" ({letter})"));
                let ar_letter = letter_position(letter)
                    .and_then(arabic_letter)
                    .map(String::from)
                    .unwrap_or_else(|| letter.to_string());
                ar.push_str(&format!(" ({ar_letter})"));
            }
            for (roman, written) in deeper {
                en.push_str(&format!(" ({roman})"));
                match written.as_deref().map(str::trim) {
                    // Arabic texts number the second level '1', '2', … between quotes.
                    Some(w) if doc.meta.language == Language::Ar && parse_number(w).is_some() => {
                        ar.push_str(&format!(" '{w}'"));
                    }
                    _ => ar.push_str(&format!(" ({roman})")),
                }
            }
            (en, ar)
        }
    }
}

/// The citation in the document's own language, then the link on a second line.
pub fn citation_text(doc: &Document, paragraph_id: &str) -> Option<String> {
    let c = citation(doc, paragraph_id)?;
    let text = if doc.meta.language == Language::Ar {
        c.text_ar
    } else {
        c.text_en
    };
    Some(format!("{text}\n{}", c.url))
}

/// How a part or an annex is named in a citation, in English and Arabic: `annex`
/// (`annex II` when there are several), `B` for a part.
fn scope_names(doc: &Document, scope: &str) -> (String, String) {
    match scope.strip_prefix("annex_") {
        Some(n) if doc.annexes.len() > 1 => (format!("annex {n}"), format!("المرفق {n}")),
        Some(_) => ("annex".to_string(), "المرفق".to_string()),
        None => (scope.to_string(), scope.to_string()),
    }
}

fn place_of<'a>(doc: &Document, id: &'a str, scope: String) -> Option<Place<'a>> {
    if let Some(n) = id.strip_prefix("preamble_") {
        return n.parse::<u32>().is_ok().then_some(Place::Preamble(n));
    }
    let rest = id.strip_prefix("para_")?;
    let mut parts = rest.split('_');
    let number = parts.next()?;
    number.parse::<u32>().ok()?;
    let letter = parts.next();
    let mut deeper = Vec::new();
    let mut prefix = match letter {
        Some(l) => format!("{scope}para_{number}_{l}"),
        None => String::new(),
    };
    for part in parts {
        prefix.push('_');
        prefix.push_str(part);
        let written = doc
            .paragraph(&prefix)
            .and_then(|p: &Paragraph| p.label.clone());
        deeper.push((part, written));
    }
    Some(Place::Operative {
        number,
        letter,
        deeper,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use qarar_document::ParagraphKind;

    fn doc(language: Language, deep_label: &str) -> Document {
        let mut deep = Paragraph::new("para_2_b_ii", ParagraphKind::SubParagraph);
        deep.label = Some(deep_label.to_string());
        let mut sub = Paragraph::new("para_2_b", ParagraphKind::SubParagraph);
        sub.children.push(deep);
        let mut op = Paragraph::new("para_2", ParagraphKind::Operative);
        op.children.push(sub);
        let mut d = Document::default();
        d.meta.symbol = Some("A/RES/75/10".into());
        d.meta.language = language;
        d.operative.push(op);
        d
    }

    #[test]
    fn second_level_as_written() {
        let c = citation(&doc(Language::Ar, "2"), "para_2_b_ii").expect("citation");
        assert_eq!(c.text_ar, "القرار 75/10، الفقرة 2 (ب) '2'");
        assert_eq!(c.text_en, "A/RES/75/10, para. 2 (b) (ii)");
        let c = citation(&doc(Language::Ar, "ii"), "para_2_b_ii").expect("citation");
        assert_eq!(c.text_ar, "القرار 75/10، الفقرة 2 (ب) (ii)");
        let fr = doc(Language::Fr, "ii");
        assert_eq!(
            citation_text(&fr, "para_2_b_ii").as_deref(),
            Some("A/RES/75/10, para. 2 (b) (ii)\nhttps://undocs.org/fr/A/RES/75/10")
        );
        let mut none = doc(Language::En, "ii");
        none.meta.symbol = None;
        assert!(citation(&none, "para_2").is_none());
    }
}
