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
        match load_metadata_file(path) {
            Ok((entries, bad)) => {
                self.entries.extend(entries);
                self.bad_lines += bad;
                self.files.push(path.to_path_buf());
            }
            Err(e) => self.errors.push(format!("{}: {e}", path.display())),
        }
    }
}

/// Read one metadata file. Returns the entries and the number of skipped lines.
pub(crate) fn load_metadata_file(
    path: &Path,
) -> std::io::Result<(HashMap<String, ResolutionMeta>, usize)> {
    let bytes = std::fs::read(path)?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(parse_metadata(&text))
}

/// Parse JSON lines; blank lines are ignored, bad ones counted.
pub(crate) fn parse_metadata(text: &str) -> (HashMap<String, ResolutionMeta>, usize) {
    let mut map = HashMap::new();
    let mut bad = 0;
    for line in text.lines() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line)
            .ok()
            .and_then(|v| meta_from_value(&v))
        {
            Some(m) => {
                map.insert(m.symbol.clone(), m);
            }
            None => bad += 1,
        }
    }
    (map, bad)
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
}
