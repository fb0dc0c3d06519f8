//! The command line: `qarar [FILE]` opens the reader; `outline`, `export` and `compare` work
//! without a window.

use clap::{Parser, Subcommand};
use qarar_document::outline::{self, Entry, Kind, Section};
use qarar_document::{Document, ParagraphKind};
use qarar_export::Format;
use qarar_export::compare::CompareFormat;
use qarar_util::first_words;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "qarar",
    version,
    long_version = crate::build_info::LONG_VERSION,
    about = "Qarar (قرار): a reader for United Nations resolutions, Arabic first",
    after_help = "Interface language: the window speaks Arabic, Chinese, English, French, \
Russian or Spanish. At first start it follows the system locale (LC_ALL, LC_MESSAGES or \
LANG, e.g. LANG=ar_EG.UTF-8 qarar; English for any other language); afterwards choose it \
in Settings → Interface language, where it is remembered. The command line stays English.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Resolution to open in the reader (Akoma Ntoso XML, plain text, PDF or Word .docx). Without it, the
    /// bundled resolution A/RES/75/10 opens.
    pub file: Option<PathBuf>,
    /// Render the first frame, print "first frame: N ms" on stderr and exit (start-up timing).
    #[arg(long)]
    pub exit_after_first_frame: bool,
    /// Folder of resolutions to index as the library (remembered for the next runs).
    #[arg(long, value_name = "DIR")]
    pub library: Option<PathBuf>,
    /// Show the same resolution in another language side by side (ar, en, fr, es, ru, zh),
    /// taken from the library.
    #[arg(long, value_name = "LANG", value_parser = parse_language)]
    pub beside: Option<qarar_document::Language>,
}

fn parse_language(code: &str) -> Result<qarar_document::Language, String> {
    qarar_document::Language::from_code(&code.to_ascii_lowercase())
        .ok_or_else(|| format!("unknown language {code:?} (use ar, en, fr, es, ru or zh)"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the clause tree of a resolution.
    Outline {
        /// Print the structure JSON instead of a tree.
        #[arg(long)]
        json: bool,
        file: PathBuf,
    },
    /// Export a resolution to another format.
    Export {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Web Annotation file (JSON-LD) to re-anchor on FILE and include, whatever its source.
        #[arg(long)]
        annotations: Option<PathBuf>,
        /// Paper size for PDF.
        #[arg(long, value_enum, default_value = "a4")]
        paper: qarar_export::pdf::Paper,
        /// Where to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace OUTPUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Compare two versions of a resolution (same language; any formats): paragraphs paired
    /// by content, changes classed substantive, mechanical or orthographic.
    Compare {
        /// OLD and NEW; with `--previous`, only NEW (OLD is found in the library).
        #[arg(value_name = "OLD NEW", num_args = 1..=2, required = true)]
        files: Vec<PathBuf>,
        /// Compare NEW with its predecessor in the library folder (`--library`): the same
        /// title, agenda item or a resolution its preamble recalls, from an earlier session,
        /// the newest first; the others are listed on stderr.
        #[arg(long, requires = "library")]
        previous: bool,
        /// The library folder searched by `--previous`.
        #[arg(long, value_name = "DIR")]
        library: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "json")]
        format: CompareFormat,
        /// Where to write (standard output for json and md when absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace OUTPUT if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// Run a command-line subcommand; returns the process exit code. Errors go to stderr.
pub fn run(command: Command) -> i32 {
    match run_inner(command) {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("qarar: {message}");
            1
        }
    }
}

fn run_inner(command: Command) -> Result<(), String> {
    match command {
        Command::Outline { json, file } => {
            let doc = qarar_document::load_path(&file).map_err(|e| e.to_string())?;
            let text = if json {
                qarar_export::json::to_string(&doc)
            } else {
                outline_text(&doc)
            };
            print_out(&text)
        }
        Command::Export {
            file,
            format,
            annotations,
            paper,
            output,
            force,
        } => {
            let doc = qarar_document::load_path(&file).map_err(|e| e.to_string())?;
            // Without --annotations, the user's stored annotations for FILE are exported.
            let annotations = match &annotations {
                Some(path) => Some(read_annotations(path)?),
                None => stored_annotations(&doc),
            };
            let bytes = qarar_export::render_with(
                format,
                &doc,
                annotations.as_deref().unwrap_or(&[]),
                paper,
            )?;
            qarar_export::write_atomic(&output, &bytes, force).map_err(|e| e.to_string())
        }
        Command::Compare {
            files,
            previous,
            library,
            format,
            output,
            force,
        } => {
            let binary = match format {
                CompareFormat::Docx => Some("docx"),
                CompareFormat::Html => Some("html"),
                CompareFormat::Pdf => Some("pdf"),
                CompareFormat::Json | CompareFormat::Md => None,
            };
            if let (None, Some(name)) = (&output, binary) {
                return Err(format!("--format {name} needs an output file (-o FILE)"));
            }
            let (old, new, a, b) = compare_inputs(files, previous, library.as_deref())?;
            qarar_compare::check_languages(&a, &b)?;
            let name = |p: &std::path::Path| Some(p.display().to_string());
            let cmp = qarar_compare::compare_files(&a, name(&old), &b, name(&new));
            let bytes = qarar_export::compare::render(&cmp, format, &now_iso())?;
            match output {
                Some(path) => {
                    qarar_export::write_atomic(&path, &bytes, force).map_err(|e| e.to_string())
                }
                None => print_out(&String::from_utf8_lossy(&bytes)),
            }
        }
    }
}

/// The two documents to compare: OLD and NEW as given, or (`--previous`) NEW and the first
/// of its predecessors in the library folder (the others are listed on stderr).
fn compare_inputs(
    files: Vec<PathBuf>,
    previous: bool,
    library: Option<&std::path::Path>,
) -> Result<(PathBuf, PathBuf, Document, Document), String> {
    let load = |p: &std::path::Path| qarar_document::load_path(p).map_err(|e| e.to_string());
    match (files.as_slice(), previous, library) {
        ([old, new], false, _) => Ok((old.clone(), new.clone(), load(old)?, load(new)?)),
        ([new], true, Some(dir)) => {
            let b = load(new)?;
            if !dir.is_dir() {
                return Err(format!("{}: not a folder", dir.display()));
            }
            let index = qarar_library::Library::scan(dir, None, &|_, _| true);
            let own = qarar_util::canonical_path(new);
            let subject = qarar_library::Subject::of_document(&b);
            let found = index.predecessors(&subject, Some(&own));
            let found: Vec<_> = found
                .into_iter()
                .filter(|p| qarar_util::canonical_path(&p.entry.path) != own)
                .collect();
            let Some(first) = found.first() else {
                return Err(format!(
                    "{}: no earlier version in {} (same language, same title or agenda item, or recalled in the preamble)",
                    new.display(),
                    dir.display()
                ));
            };
            for (i, p) in found.iter().enumerate() {
                eprintln!(
                    "{} {} ({}): {}",
                    if i == 0 { "comparing with" } else { "also" },
                    p.entry.symbol.as_deref().unwrap_or("?"),
                    p.entry.path.display(),
                    p.reasons.describe()
                );
            }
            let old = first.entry.path.clone();
            let a = load(&old)?;
            Ok((old, new.clone(), a, b))
        }
        (_, true, _) => Err("--previous takes one file (NEW) and --library DIR".to_string()),
        _ => Err("compare takes two files, OLD and NEW (or NEW with --previous)".to_string()),
    }
}

/// The current time as ISO 8601 in UTC, to the second (the date of tracked changes).
fn now_iso() -> String {
    let now = time::OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    now.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_string())
}

/// Read a Web Annotation file, naming it in any error.
fn read_annotations(path: &std::path::Path) -> Result<Vec<qarar_annotations::Annotation>, String> {
    let bytes = qarar_annotations::store::read_limited(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    qarar_annotations::w3c::parse_bytes(&bytes)
        .map(|p| p.annotations)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The annotations kept for `doc` in the user's data directory (none when there is no store;
/// a store that cannot be opened or read is reported, not passed over in silence).
fn stored_annotations(doc: &Document) -> Option<Vec<qarar_annotations::Annotation>> {
    let store = match qarar_annotations::Store::open_default() {
        Ok(store) => store,
        // No data directory at all: there cannot be stored annotations.
        Err(qarar_annotations::StoreError::NoDataDirectory) => return None,
        Err(e) => {
            eprintln!("qarar: warning: stored annotations not read, exporting without them: {e}");
            return None;
        }
    };
    let identity = qarar_annotations::DocumentIdentity::of(doc);
    match store.load(&identity) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                eprintln!("qarar: warning: {w}");
            }
            Some(loaded.annotations)
        }
        Err(e) => {
            eprintln!("qarar: warning: stored annotations not read, exporting without them: {e}");
            None
        }
    }
}

fn print_out(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    // No terminal escape from a document reaches the terminal.
    let text = qarar_util::printable(text);
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`qarar outline f | head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write to standard output: {e}")),
    }
}

/// The clause tree for a person.
pub fn outline_text(doc: &Document) -> String {
    let mut out = String::new();
    let m = &doc.meta;
    let symbol = m.symbol.as_deref().unwrap_or("(no symbol)");
    out.push_str(&format!("{symbol}  [{}]\n", m.language.code()));
    if let Some(t) = &m.title {
        out.push_str(&format!("{t}\n"));
    }
    if let Some(d) = &m.adopted {
        out.push_str(&format!("adopted {d}\n"));
    }
    out.push('\n');
    tree_lines(&mut out, &outline::outline(doc));
    if !doc.footnotes.is_empty() {
        out.push_str(&format!("Footnotes ({})\n", doc.footnotes.len()));
        for f in &doc.footnotes {
            out.push_str(&format!(
                "  {} in {}: {}\n",
                f.marker,
                f.paragraph.as_deref().unwrap_or("?"),
                first_words(&f.text(), 8)
            ));
        }
    }
    if !doc.references.is_empty() {
        out.push_str(&format!("References ({})\n", doc.references.len()));
        for r in &doc.references {
            out.push_str(&format!(
                "  {:<10} {:<20} in {}\n",
                r.kind.as_str(),
                r.target,
                r.paragraph
            ));
        }
    }
    for d in &doc.diagnostics {
        out.push_str(&format!("note: {}\n", d.message));
    }
    out
}

/// The outline's entries as lines of the clause tree: each section's heading with what it
/// holds, then its paragraphs indented by depth, named by their number or letter in the
/// operative part and by their id elsewhere; a non-resolution's text under "Text".
fn tree_lines(out: &mut String, entries: &[Entry]) {
    // Each entry's children counted in one pass (all, preambular, operative): a count per
    // section by reading every entry made 100,000 annexes quadratic.
    let mut counts = vec![[0usize; 3]; entries.len()];
    for c in entries {
        if let Some(n) = c.parent.and_then(|p| counts.get_mut(p)) {
            n[0] += 1;
            match c.kind {
                Kind::Paragraph(ParagraphKind::Preamble) => n[1] += 1,
                Kind::Paragraph(ParagraphKind::Operative) => n[2] += 1,
                _ => {}
            }
        }
    }
    let under = |i: usize, kind: Option<ParagraphKind>| {
        let n = counts.get(i).copied().unwrap_or_default();
        match kind {
            None => n[0],
            Some(ParagraphKind::Preamble) => n[1],
            Some(ParagraphKind::Operative) => n[2],
            Some(k) => entries
                .iter()
                .filter(|c| c.parent == Some(i) && c.kind == Kind::Paragraph(k))
                .count(),
        }
    };
    let text = |e: &Entry| e.section.is_none() && matches!(e.kind, Kind::Paragraph(_));
    let texts = entries.iter().filter(|e| text(e) && e.depth == 0).count();
    let mut text_headed = false;
    for (i, e) in entries.iter().enumerate() {
        let indent = "  ".repeat(e.depth);
        let line = match (e.kind, e.section) {
            (Kind::Formula, _) => e.full.clone(),
            (Kind::Section(Section::Preamble | Section::Operative), _) => {
                format!("{} ({})", e.full, paragraphs(under(i, None)))
            }
            (Kind::Section(Section::Part), _) => format!(
                "Part {} {} ({} preambular, {} operative)",
                e.label.as_deref().unwrap_or_default(),
                e.full,
                under(i, Some(ParagraphKind::Preamble)),
                under(i, Some(ParagraphKind::Operative))
            ),
            (Kind::Section(Section::Annex), _) => {
                format!("{} {} ({})", e.id, e.full, paragraphs(under(i, None)))
            }
            (_, Some(Section::Preamble)) => format!("{indent}{:<12} {}", e.id, e.full),
            (kind, Some(Section::Operative)) => {
                let label = e.label.as_deref();
                // A lone unnumbered operative paragraph, or unlabelled text, has no label.
                let label = match (kind, label) {
                    (_, None) => String::new(),
                    (Kind::Paragraph(ParagraphKind::Operative), Some(l)) => format!("{l}. "),
                    (_, Some(l)) => format!("({l}) "),
                };
                format!("{indent}{label}{}", e.full)
            }
            (_, Some(Section::Part | Section::Annex)) => {
                format!("{indent}{:<16} {}", e.id, e.full)
            }
            (_, None) => {
                if !text_headed {
                    text_headed = true;
                    out.push_str(&format!("Text ({})\n", paragraphs(texts)));
                }
                format!("  {indent}{}", e.full)
            }
        };
        out.push_str(&line);
        out.push('\n');
    }
}

/// `1 paragraph`, `3 paragraphs`.
fn paragraphs(n: usize) -> String {
    if n == 1 {
        "1 paragraph".to_string()
    } else {
        format!("{n} paragraphs")
    }
}
