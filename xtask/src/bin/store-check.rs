//! `store-check FILE NOTE`: save a note on FILE's first paragraph in the user's annotation store
//! (the platform's data directory, as the reader uses it) and read it back; prints the store's
//! file. Cross-built for Windows by `.ci/windows-check` to check the store under Wine's
//! `%APPDATA%` (then `qarar.exe export` must find the note there). Not shipped.

use qarar_annotations::{Annotation, Color, DocumentIdentity, Store};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [file, note] = &args[..] else {
        eprintln!("usage: store-check FILE NOTE");
        return ExitCode::FAILURE;
    };
    match check(&PathBuf::from(file), note) {
        Ok(path) => {
            println!("{}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("store-check: {file}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn check(file: &std::path::Path, note: &str) -> Result<PathBuf, String> {
    let doc = qarar_document::load_path(file).map_err(|e| e.to_string())?;
    let first = doc
        .paragraphs()
        .first()
        .map(|(_, p)| p.id.clone())
        .ok_or("no paragraph")?;
    let mut a =
        Annotation::new_on_paragraph(&doc, &first, Color::Yellow).map_err(|e| e.to_string())?;
    a.set_note(note);
    let store = Store::open_default().map_err(|e| e.to_string())?;
    let identity = DocumentIdentity::of(&doc);
    store
        .save(&identity, &[a], &[])
        .map_err(|e| e.to_string())?;
    let loaded = store.load(&identity).map_err(|e| e.to_string())?;
    if !loaded.annotations.iter().any(|a| a.note == note) {
        return Err("the note saved is not read back".into());
    }
    Ok(store.path_for(&identity))
}
