//! The real series of the INTERPOL resolutions (75/10 → 77/20 → 79/136), Arabic and English,
//! from the UN's Akoma Ntoso files: paragraphs paired across renumbering, the session
//! numbers classed mechanical, and the substantive edits (read in the texts) found.

use qarar_compare::{Class, Comparison, Ids, Op, Status, compare};
use std::path::Path;

const AKN: &str = concat!(
    concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
    "/../shared/corpus/akn"
);

fn pair(old: &str, new: &str) -> Option<Comparison> {
    let load = |name: &str| {
        let path = format!("{AKN}/{name}.xml");
        Path::new(&path)
            .is_file()
            .then(|| qarar_document::load_path(Path::new(&path)).expect("loads"))
    };
    match (load(old), load(new)) {
        (Some(a), Some(b)) => Some(compare(&a, &b)),
        _ => {
            eprintln!("skipping: the corpus is absent");
            None
        }
    }
}

fn one(id: &str) -> Option<Ids> {
    Some(Ids::One(id.to_string()))
}

/// Status, class and new id of the old unit `old`.
fn of(cmp: &Comparison, old: &str) -> (Status, Option<Class>, Option<Ids>) {
    let c = cmp
        .by_old(old)
        .unwrap_or_else(|| panic!("no change for {old}"));
    (c.status, c.class, c.new.clone())
}

/// True when the change of old unit `old` deletes `del` and inserts `ins` (either may be
/// empty).
fn edits(cmp: &Comparison, old: &str, del: &str, ins: &str) -> bool {
    let Some(c) = cmp.by_old(old) else {
        return false;
    };
    let has = |op: Op, text: &str| {
        text.is_empty() || c.edits.iter().any(|e| e.op == op && e.text.contains(text))
    };
    has(Op::Delete, del) && has(Op::Insert, ins)
}

fn inserted(cmp: &Comparison) -> Vec<String> {
    cmp.changes
        .iter()
        .filter(|c| c.status == Status::Inserted)
        .filter_map(|c| c.new.as_ref().map(Ids::joined))
        .collect()
}

fn deleted(cmp: &Comparison) -> Vec<String> {
    cmp.changes
        .iter()
        .filter(|c| c.status == Status::Deleted)
        .filter_map(|c| c.old.as_ref().map(Ids::joined))
        .collect()
}

/// The pairing (old id → new id) of every unit present in both.
fn pairing(cmp: &Comparison) -> Vec<(String, String)> {
    cmp.changes
        .iter()
        .filter_map(|c| Some((c.old.as_ref()?.joined(), c.new.as_ref()?.joined())))
        .collect()
}

const INSERTED_77: [&str; 8] = [
    "preamble_13",
    "preamble_14",
    "preamble_15",
    "preamble_23",
    "para_13",
    "para_14",
    "para_15",
    "para_16",
];

#[test]
fn english_75_10_to_77_20() {
    let Some(cmp) = pair("75_10_E", "77_20_E") else {
        return;
    };
    // Renumbered but the same.
    assert_eq!(
        of(&cmp, "preamble_2"),
        (Status::Unchanged, None, one("preamble_2"))
    );
    assert_eq!(
        of(&cmp, "para_13_a"),
        (Status::Unchanged, None, one("para_17_a"))
    );
    // "Acknowledging also" lost its "also" when the paragraph before it moved to the end.
    assert_eq!(of(&cmp, "preamble_5").2, one("preamble_4"));
    assert!(edits(&cmp, "preamble_5", "also", ""));
    assert_eq!(
        of(&cmp, "preamble_4"),
        (Status::Moved, Some(Class::Substantive), one("preamble_24"))
    );
    assert!(edits(
        &cmp,
        "preamble_4",
        "",
        "requiring a coordinated international response"
    ));
    assert_eq!(of(&cmp, "para_4").1, Some(Class::Substantive));
    assert!(edits(&cmp, "para_4", "Urges", "Encourages"));
    assert!(edits(
        &cmp,
        "para_1_a",
        "",
        "including illicit maritime activities"
    ));
    assert!(edits(&cmp, "preamble_1", "", "75/10 of 23 November 2020"));
    assert!(edits(
        &cmp,
        "para_14",
        "",
        "United Nations Countering Terrorist Travel Programme"
    ));
    // The session of the next report: mechanical.
    for (old, new) in [("para_15", "para_19"), ("para_16", "para_20")] {
        assert_eq!(
            of(&cmp, old),
            (Status::Changed, Some(Class::Mechanical), one(new))
        );
        assert!(edits(&cmp, old, "seventh", "ninth"));
    }
    assert_eq!(inserted(&cmp), INSERTED_77);
    assert!(deleted(&cmp).is_empty());
    assert_eq!(cmp.summary.moved, 1);
    assert_eq!(cmp.summary.mechanical, 2);
}

#[test]
fn arabic_75_10_to_77_20_pairs_as_english() {
    let (Some(ar), Some(en)) = (pair("75_10_A", "77_20_A"), pair("75_10_E", "77_20_E")) else {
        return;
    };
    assert_eq!(pairing(&ar), pairing(&en));
    assert_eq!(inserted(&ar), INSERTED_77);
    assert!(edits(&ar, "para_4", "تحث", "تشجع"));
    assert_eq!(of(&ar, "para_4").1, Some(Class::Substantive));
    assert_eq!(of(&ar, "preamble_4").0, Status::Moved);
    for (old, new) in [("para_15", "para_19"), ("para_16", "para_20")] {
        assert_eq!(
            of(&ar, old),
            (Status::Changed, Some(Class::Mechanical), one(new))
        );
        assert!(edits(&ar, old, "السابعة", "التاسعة"));
    }
    // Only a shadda dropped: orthographic.
    assert_eq!(
        of(&ar, "preamble_14"),
        (
            Status::Changed,
            Some(Class::Orthographic),
            one("preamble_16")
        )
    );
    assert!(edits(&ar, "preamble_14", "تسلّم", "تسلم"));
    assert!(edits(&ar, "preamble_1", "", "75/10"));
}

#[test]
fn english_77_20_to_79_136() {
    let Some(cmp) = pair("77_20_E", "79_136_E") else {
        return;
    };
    // The COVID-19 paragraphs were dropped.
    assert_eq!(deleted(&cmp), ["preamble_24", "para_12"]);
    assert_eq!(
        inserted(&cmp),
        [
            "preamble_16",
            "preamble_17",
            "preamble_19",
            "preamble_22",
            "preamble_28",
            "para_3",
            "para_4",
            "para_8",
            "para_9",
            "para_11",
            "para_23"
        ]
    );
    assert!(edits(&cmp, "preamble_1", "", "77/20 of 21 November 2022"));
    assert!(edits(&cmp, "para_7", "Also reaffirms", "Reaffirms"));
    assert_eq!(of(&cmp, "para_7").2, one("para_12"));
    assert!(edits(
        &cmp,
        "para_15",
        "global stop-payment",
        "Global Rapid Intervention of Payments"
    ));
    assert!(edits(
        &cmp,
        "para_2",
        "Foreign Terrorist Fighter",
        "Counter-Terrorism"
    ));
    for (old, new) in [("para_19", "para_24"), ("para_20", "para_25")] {
        assert_eq!(
            of(&cmp, old),
            (Status::Changed, Some(Class::Mechanical), one(new))
        );
        assert!(edits(&cmp, old, "seventy-ninth", "eighty-first"));
    }
    // A hyphen become a non-breaking hyphen.
    assert_eq!(of(&cmp, "preamble_20").1, Some(Class::Orthographic));
    assert_eq!(
        of(&cmp, "para_17_e"),
        (Status::Unchanged, None, one("para_21_e"))
    );
}

#[test]
fn arabic_77_20_to_79_136() {
    let (Some(ar), Some(en)) = (pair("77_20_A", "79_136_A"), pair("77_20_E", "79_136_E")) else {
        return;
    };
    assert_eq!(pairing(&ar), pairing(&en));
    assert_eq!(deleted(&ar), deleted(&en));
    assert_eq!(inserted(&ar), inserted(&en));
    for old in ["para_19", "para_20"] {
        assert_eq!(of(&ar, old).1, Some(Class::Mechanical));
        assert!(edits(&ar, old, "التاسعة والسبعين", "الحادية والثمانين"));
    }
    // A space restored between two words.
    assert_eq!(of(&ar, "preamble_23").1, Some(Class::Orthographic));
    assert!(edits(&ar, "preamble_6", "الثلاثة", "الأربعة"));
    assert_eq!(of(&ar, "preamble_6").1, Some(Class::Substantive));
}
