//! Parser for Akoma Ntoso (AKN4UN) resolutions, as published by the United Nations.

use super::model::Document;

#[derive(Debug, thiserror::Error)]
#[error("{message}{}", position.map(|p| format!(" (at byte {p})")).unwrap_or_default())]
pub struct AknError {
    pub message: String,
    pub position: Option<u64>,
}

/// Parse an Akoma Ntoso document. Fails only on malformed XML or a file that is not AKN.
pub fn parse(text: &str) -> Result<Document, AknError> {
    let _ = text;
    Err(AknError {
        message: "Akoma Ntoso support is not built yet".into(),
        position: None,
    })
}
