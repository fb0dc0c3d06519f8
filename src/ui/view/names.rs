//! People's names for blocks, paragraph ids and link spans (AccessKit labels, popups).

use qarar_text::display::{Block, BlockKind, Link};

use crate::ui::i18n::{arg, t, ta};

/// AccessKit label of a block: "Paragraph 13", "Paragraph 13 (b)", "Preambular paragraph 3"
/// (in the interface's language).
pub(crate) fn block_label(block: &Block) -> String {
    match &block.kind {
        BlockKind::Meta => t("block-meta"),
        BlockKind::Title => t("block-title"),
        BlockKind::Formula => t("block-formula"),
        BlockKind::Closing => t("block-closing"),
        BlockKind::Paragraph { id, .. } => paragraph_label(id),
    }
}

/// A person's name for a paragraph id: `para_13_b` → "Paragraph 13 (b)".
pub(crate) fn paragraph_label(id: &str) -> String {
    // `annex_1.para_14` → "Annex 1, Paragraph 14"; `B.para_3` → "Part B, Paragraph 3".
    if let Some((scope, rest)) = id.split_once('.') {
        let inner = paragraph_label(rest);
        return match scope.strip_prefix("annex_") {
            Some(n) => ta("block-annex", &[("annex", arg(n)), ("inner", arg(inner))]),
            None => ta("block-part", &[("part", arg(scope)), ("inner", arg(inner))]),
        };
    }
    if let Some(n) = id.strip_prefix("sec_") {
        return ta("block-section", &[("n", arg(n))]);
    }
    if let Some(n) = id.strip_prefix("table_") {
        return ta("block-table", &[("n", arg(n))]);
    }
    if let Some(n) = id.strip_prefix("preamble_") {
        return ta("block-preambular", &[("n", arg(n))]);
    }
    // A table under a paragraph: `para_6_table_1` → "Paragraph 6, Table 1".
    if let Some((para, n)) = id.rsplit_once("_table_") {
        let table = ta("block-table", &[("n", arg(n))]);
        return ta(
            "block-with-table",
            &[
                ("paragraph", arg(paragraph_label(para))),
                ("table", arg(table)),
            ],
        );
    }
    if let Some(rest) = id.strip_prefix("para_") {
        let mut parts = rest.split('_');
        let mut n = parts.next().unwrap_or("").to_string();
        for p in parts {
            n.push_str(&format!(" ({p})"));
        }
        return ta("block-paragraph", &[("n", arg(n))]);
    }
    if let Some(n) = id.strip_prefix("p_") {
        return ta("block-text", &[("n", arg(n))]);
    }
    id.to_string()
}

pub(crate) fn link_label(link: &Link, targets: &[String]) -> String {
    match link {
        Link::Footnote { marker, .. } => ta("link-footnote", &[("marker", arg(marker.clone()))]),
        Link::Reference { index } => match targets.get(*index) {
            Some(r) => ta("link-reference", &[("target", arg(r.clone()))]),
            None => t("link-reference-plain"),
        },
    }
}
