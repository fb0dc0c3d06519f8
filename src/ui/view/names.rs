//! People's names for blocks, paragraph ids and link spans (AccessKit labels, popups).

use qarar_text::display::{Block, BlockKind, Link};

/// AccessKit label of a block: "Paragraph 13", "Paragraph 13 (b)", "Preambular paragraph 3".
pub(crate) fn block_label(block: &Block) -> String {
    match &block.kind {
        BlockKind::Meta => "Document information".into(),
        BlockKind::Title => "Title".into(),
        BlockKind::Formula => "Enacting formula".into(),
        BlockKind::Closing => "Closing".into(),
        BlockKind::Paragraph { id, .. } => paragraph_label(id),
    }
}

/// A person's name for a paragraph id: `para_13_b` → "Paragraph 13 (b)".
pub(crate) fn paragraph_label(id: &str) -> String {
    // `annex_1.para_14` → "Annex 1, Paragraph 14"; `B.para_3` → "Part B, Paragraph 3".
    if let Some((scope, rest)) = id.split_once('.') {
        let inner = paragraph_label(rest);
        return match scope.strip_prefix("annex_") {
            Some(n) => format!("Annex {n}, {inner}"),
            None => format!("Part {scope}, {inner}"),
        };
    }
    if let Some(n) = id.strip_prefix("sec_") {
        return format!("Section {n}");
    }
    if let Some(n) = id.strip_prefix("table_") {
        return format!("Table {n}");
    }
    if let Some(n) = id.strip_prefix("preamble_") {
        return format!("Preambular paragraph {n}");
    }
    // A table under a paragraph: `para_6_table_1` → "Paragraph 6, Table 1".
    if let Some((para, n)) = id.rsplit_once("_table_") {
        return format!("{}, Table {n}", paragraph_label(para));
    }
    if let Some(rest) = id.strip_prefix("para_") {
        let mut parts = rest.split('_');
        let mut s = format!("Paragraph {}", parts.next().unwrap_or(""));
        for p in parts {
            s.push_str(&format!(" ({p})"));
        }
        return s;
    }
    if let Some(n) = id.strip_prefix("p_") {
        return format!("Text paragraph {n}");
    }
    id.to_string()
}

pub(crate) fn link_label(link: &Link, targets: &[String]) -> String {
    match link {
        Link::Footnote { marker, .. } => format!("Footnote {marker}"),
        Link::Reference { index } => match targets.get(*index) {
            Some(t) => format!("Reference {t}"),
            None => "Reference".into(),
        },
    }
}
