//! UN metadata files (`data_extract*.jsonl`, one JSON object a line): titles, dates, votes,
//! sponsors and agenda items, keyed by symbol (`A/RES/75/1`).
//!
//! Bad lines (not JSON, not an object, no symbol) are skipped and counted, never fatal.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Recorded vote counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Votes {
    pub in_favour: u32,
    pub against: u32,
    pub abstaining: u32,
}

/// What the metadata file says about one resolution. Strings are as written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResolutionMeta {
    pub symbol: String,
    /// `75/1.`
    pub(crate) resolution_number: Option<String>,
    pub title: Option<String>,
    /// `Seventy-fifth session`.
    pub session: Option<String>,
    /// As written, `21 September 2020`.
    pub adoption_date: Option<String>,
    /// ISO 8601, `2020-09-21`, when the written date could be read.
    pub adoption_date_iso: Option<String>,
    /// `3rd plenary meeting`.
    pub adoption_meeting: Option<String>,
    /// `Without a vote`, `By a recorded vote`.
    pub adoption_type: Option<String>,
    /// Counts, when the resolution was adopted by a recorded vote.
    pub votes: Option<Votes>,
    /// One line for a popup: `Without a vote` or `Recorded vote: 150 in favour, 0 against, 3 abstentions`.
    pub vote_summary: Option<String>,
    /// Member States as listed.
    pub in_favour: Vec<String>,
    pub against: Vec<String>,
    pub abstaining: Vec<String>,
    pub sponsors: Vec<String>,
    pub additional_sponsors: Vec<String>,
    /// `Agenda item 128 (a)`.
    pub agenda_item: Option<String>,
    pub agenda_item_name: Option<String>,
    pub committee: Option<String>,
    pub originating_document: Option<String>,
    /// Meeting record, `A/75/PV.3`.
    pub pv: Option<String>,
    pub(crate) sdgs: Vec<String>,
    /// Subject headings (UNBIS Thesaurus terms).
    pub subjects: Vec<String>,
}

/// Everything read from the metadata files of a folder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MetadataSet {
    pub entries: HashMap<String, ResolutionMeta>,
    /// Lines that were skipped (not JSON, not an object, no symbol).
    pub(crate) bad_lines: usize,
    /// Files read.
    pub files: Vec<PathBuf>,
    /// Files that could not be read, with the message.
    pub errors: Vec<String>,
}

impl MetadataSet {
    pub fn get(&self, symbol: &str) -> Option<&ResolutionMeta> {
        self.entries
            .get(symbol)
            .or_else(|| self.entries.get(&qarar_util::normalise_symbol(symbol)))
    }

    fn add_file(&mut self, path: &Path) {
        match std::fs::File::open(path)
            .and_then(|f| self.read(std::io::BufReader::new(f), MAX_METADATA_BYTES))
        {
            Ok(complete) => {
                self.files.push(path.to_path_buf());
                if !complete {
                    self.errors.push(format!(
                        "{}: larger than {} MB; only its first {} MB were read",
                        path.display(),
                        MAX_METADATA_BYTES >> 20,
                        MAX_METADATA_BYTES >> 20
                    ));
                }
            }
            Err(e) => self.errors.push(format!("{}: {e}", path.display())),
        }
    }

    /// Read JSON lines from `reader` one at a time, up to `limit` bytes (a line longer than
    /// [`MAX_METADATA_LINE`] is skipped as a bad one). False when the limit stopped it.
    pub(crate) fn read(
        &mut self,
        reader: impl std::io::BufRead,
        limit: u64,
    ) -> std::io::Result<bool> {
        use std::io::{BufRead, Read};
        let mut reader = reader.take(limit);
        let mut line: Vec<u8> = Vec::new();
        loop {
            line.clear();
            // One line, but never more than the line limit in memory.
            let n = (&mut reader)
                .take(MAX_METADATA_LINE as u64 + 1)
                .read_until(b'\n', &mut line)?;
            if n == 0 {
                break;
            }
            if line.len() > MAX_METADATA_LINE && line.last() != Some(&b'\n') {
                // Skip the rest of the long line.
                self.bad_lines += 1;
                let mut sink = Vec::new();
                loop {
                    sink.clear();
                    let m = (&mut reader).take(1 << 16).read_until(b'\n', &mut sink)?;
                    if m == 0 || sink.last() == Some(&b'\n') {
                        break;
                    }
                }
                continue;
            }
            let text = String::from_utf8_lossy(&line);
            match parse_line(&text) {
                Some(Some(m)) => {
                    self.entries.insert(m.symbol.clone(), m);
                }
                Some(None) => self.bad_lines += 1,
                None => {}
            }
        }
        // The limit was reached when one more byte is still there.
        let mut more = [0u8; 1];
        let inner = reader.get_mut();
        Ok(inner.read(&mut more)? == 0)
    }
}

/// At most this much of one metadata file is read (the UN's full extract is a few hundred
/// megabytes; a bigger file is read up to here, with a message).
pub(crate) const MAX_METADATA_BYTES: u64 = 512 << 20;
/// A longer line is skipped as a bad one (never held whole in memory).
pub(crate) const MAX_METADATA_LINE: usize = 1 << 20;

/// One JSON line: `None` when blank, `Some(None)` when bad.
fn parse_line(line: &str) -> Option<Option<ResolutionMeta>> {
    let line = line.trim().trim_start_matches('\u{feff}');
    if line.is_empty() {
        return None;
    }
    Some(
        serde_json::from_str::<Value>(line)
            .ok()
            .and_then(|v| meta_from_value(&v)),
    )
}

/// Parse JSON lines; blank lines are ignored, bad ones counted.
#[cfg(test)]
fn parse_metadata(text: &str) -> (HashMap<String, ResolutionMeta>, usize) {
    let mut set = MetadataSet::default();
    // Reading from memory cannot fail.
    let _ = set.read(text.as_bytes(), u64::MAX);
    (set.entries, set.bad_lines)
}

/// The metadata files of a library folder: `data_extract*.json[l]` at its top, and every
/// `.json`/`.jsonl` file in a `data_extract` sub-folder.
pub(crate) fn load_metadata_dir(dir: &Path) -> MetadataSet {
    let mut set = MetadataSet::default();
    let is_json = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("json"))
    };
    let mut files = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for entry in rd.flatten() {
            let p = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if p.is_file() && name.starts_with("data_extract") && is_json(&p) {
                files.push(p);
            }
        }
    }
    if let Ok(rd) = std::fs::read_dir(dir.join("data_extract")) {
        for entry in rd.flatten() {
            let p = entry.path();
            if p.is_file() && is_json(&p) {
                files.push(p);
            }
        }
    }
    files.sort();
    for f in files {
        set.add_file(&f);
    }
    set
}

fn meta_from_value(v: &Value) -> Option<ResolutionMeta> {
    let obj = v.as_object()?;
    let s = |key: &str| -> Option<String> {
        let t = match obj.get(key)? {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        (!t.is_empty() && t != "N.A.").then_some(t)
    };
    let list = |key: &str| -> Vec<String> { obj.get(key).map(string_list).unwrap_or_default() };
    let count = |key: &str| -> Option<u32> {
        match obj.get(key)? {
            Value::String(s) => s.trim().parse().ok(),
            Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
            _ => None,
        }
    };
    let symbol = qarar_util::normalise_symbol(&s("symbol")?);
    if symbol.is_empty() {
        return None;
    }
    let adoption_type = s("adoption_type");
    let recorded = adoption_type
        .as_deref()
        .is_some_and(|t| t.to_ascii_lowercase().contains("recorded"));
    let votes = match (
        count("MS_in_favour_count"),
        count("MS_against_count"),
        count("MS_abstaining_count"),
    ) {
        (Some(a), Some(b), Some(c)) if recorded || a + b + c > 0 => Some(Votes {
            in_favour: a,
            against: b,
            abstaining: c,
        }),
        _ => None,
    };
    let vote_summary = match (&votes, &adoption_type) {
        (Some(v), _) => Some(format!(
            "Recorded vote: {} in favour, {} against, {} abstentions",
            v.in_favour, v.against, v.abstaining
        )),
        (None, Some(t)) => Some(t.clone()),
        (None, None) => None,
    };
    let adoption_date = s("adoption_date");
    let subjects = match obj.get("subjects") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| match i {
                Value::Array(pair) => pair.first().and_then(|t| t.as_str()).map(String::from),
                Value::String(t) => Some(t.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Some(ResolutionMeta {
        symbol,
        resolution_number: s("resolution_number"),
        title: s("title"),
        session: s("session"),
        adoption_date_iso: adoption_date.as_deref().and_then(english_date_to_iso),
        adoption_date,
        adoption_meeting: s("adoption_meeting"),
        adoption_type,
        votes,
        vote_summary,
        in_favour: list("MS_in_favour"),
        against: list("MS_against"),
        abstaining: list("MS_abstaining"),
        sponsors: list("sponsors"),
        additional_sponsors: list("additional_sponsors"),
        agenda_item: s("agenda_item"),
        agenda_item_name: s("agenda_item_name"),
        committee: s("committee"),
        originating_document: s("originating_document"),
        pv: s("pv"),
        sdgs: list("SDGs"),
        subjects,
    })
}

/// A list of strings: a JSON array, or (as some lines of the UN files have it) the text of a
/// Python list, possibly cut short: `"['ARGENTINA', 'BELGIUM', '"`.
fn string_list(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        Value::String(s) => {
            let t = s.trim();
            if !t.starts_with('[') {
                return if t.is_empty() {
                    Vec::new()
                } else {
                    vec![t.to_string()]
                };
            }
            // Complete quoted items only: a truncated last item is dropped.
            let mut out = Vec::new();
            let mut rest = t;
            while let Some(start) = rest.find(['\'', '"']) {
                let quote = rest[start..].chars().next().unwrap_or('\'');
                let after = &rest[start + 1..];
                let Some(end) = after.find(quote) else { break };
                let item = after[..end].trim();
                if !item.is_empty() {
                    out.push(item.to_string());
                }
                rest = &after[end + 1..];
            }
            out
        }
        _ => Vec::new(),
    }
}

/// `21 September 2020` → `2020-09-21` (the `time` crate reads the date, so impossible days
/// such as `31 February` are refused).
pub(crate) fn english_date_to_iso(s: &str) -> Option<String> {
    use time::format_description::OwnedFormatItem;
    static FORMAT: std::sync::OnceLock<Option<OwnedFormatItem>> = std::sync::OnceLock::new();
    let format = FORMAT
        .get_or_init(|| {
            time::format_description::parse_owned::<2>(
                "[day padding:none] [month repr:long case_sensitive:false] [year]",
            )
            .ok()
        })
        .as_ref()?;
    let date = time::Date::parse(s.trim().trim_end_matches('.'), format).ok()?;
    (1900..=2999).contains(&date.year()).then(|| {
        format!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_dates_become_iso() {
        assert_eq!(
            english_date_to_iso("5 November 2020").as_deref(),
            Some("2020-11-05")
        );
        assert_eq!(
            english_date_to_iso("21 september 2020.").as_deref(),
            Some("2020-09-21")
        );
        assert_eq!(english_date_to_iso("31 February 2020"), None);
        assert_eq!(english_date_to_iso("November 2020"), None);
    }

    #[test]
    fn tolerant_lines() {
        let text = concat!(
            r#"{"symbol": "A/RES/75/4", "title": "T", "adoption_date": "5 November 2020", "adoption_type": "By a recorded vote", "MS_in_favour_count": "150", "MS_against_count": "0", "MS_abstaining_count": "3", "sponsors": "['A', 'B', '"}"#,
            "\nnot json\n[1]\n{\"title\": \"no symbol\"}\n\n"
        );
        let (map, bad) = parse_metadata(text);
        assert_eq!(bad, 3);
        let m = &map["A/RES/75/4"];
        assert_eq!(m.adoption_date_iso.as_deref(), Some("2020-11-05"));
        assert_eq!(m.sponsors, vec!["A", "B"]);
        assert_eq!(
            m.vote_summary.as_deref(),
            Some("Recorded vote: 150 in favour, 0 against, 3 abstentions")
        );
    }

    #[test]
    fn a_huge_file_is_read_in_lines_up_to_the_limit() {
        let good = "{\"symbol\": \"A/RES/75/4\", \"title\": \"T\"}\n";
        // A line longer than the line limit is skipped without being held whole.
        let long = format!(
            "{{\"symbol\": \"{}\"}}\n",
            "x".repeat(MAX_METADATA_LINE * 2)
        );
        let text = format!("{long}{good}");
        let mut set = MetadataSet::default();
        assert!(set.read(text.as_bytes(), u64::MAX).expect("reads"));
        assert_eq!(set.bad_lines, 1);
        assert!(set.get("A/RES/75/4").is_some());
        // Past the size limit reading stops, and says so.
        let text = good.repeat(10);
        let mut set = MetadataSet::default();
        let limit = good.len() as u64 * 3;
        assert!(!set.read(text.as_bytes(), limit).expect("reads"));
        assert_eq!(set.entries.len(), 1);
        let mut set = MetadataSet::default();
        assert!(set.read(text.as_bytes(), text.len() as u64).expect("reads"));
    }
}
