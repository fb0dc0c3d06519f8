//! Search folding (GUIDE §2): rules, offset map and `find_all`.

use proptest::prelude::*;
use qarar_util::fold::{FoldOptions, find_all, fold, fold_str, fold_with, is_ignorable};

const SEED: &str = include_str!("../../../assets/A-RES-75-10.ar.txt");

/// Characters that must never survive folding.
fn is_forbidden(c: char) -> bool {
    is_ignorable(c)
        || matches!(
            c,
            'آ' | 'أ' | 'إ' | 'ٱ' | 'ى' | 'ی' | 'ک' | 'پ' | 'ة' | '\u{0660}'..='\u{0669}'
                | '\u{06F0}'..='\u{06F9}'
                | 'A'..='Z'
        )
}

#[test]
fn alif_variants_fold_to_bare_alif() {
    assert_eq!(fold_str("آ أ إ ٱ"), "ا ا ا ا");
}

#[test]
fn ya_kaf_and_pe_variants_fold() {
    assert_eq!(fold_str("ى ی ک پ"), "ي ي ك ب");
}

#[test]
fn ta_marbuta_folds_by_default_and_can_be_kept() {
    assert_eq!(fold_str("المحكمة"), "المحكمه");
    let kept = fold_with("المحكمة", FoldOptions { ta_marbuta: false });
    assert_eq!(kept.text, "المحكمة");
    // Hamza on yeh folds to its seat either way.
    assert_eq!(fold_str("الجنائية"), "الجناييه");
}

#[test]
fn harakat_tatweel_and_format_controls_are_deleted() {
    assert_eq!(fold_str("تُمَكِّنُ"), "تمكن");
    assert_eq!(fold_str("الـــقرار"), "القرار");
    assert_eq!(fold_str("A/\u{2060}75\u{200F}/L.20\u{00AD}"), "a/75/l.20");
    assert_eq!(fold_str("\u{FEFF}\u{2067}نص\u{2069}"), "نص");
}

#[test]
fn digits_fold_to_ascii() {
    assert_eq!(fold_str("١٠/٧٥ و ۱۹/۲۰۱۹"), "10/75 و 19/2019");
}

#[test]
fn latin_is_lowercased_and_white_space_collapsed() {
    assert_eq!(
        fold_str("INTERPOL \t\n  Treaty\u{00A0}Series"),
        "interpol treaty series"
    );
}

#[test]
fn presentation_forms_fold_by_nfkc() {
    // ﻻ (lam-alif isolated), ﺍﻹ (alif, lam-alif with hamza below), ﻙ (kaf isolated).
    assert_eq!(fold_str("\u{FEFB}"), "لا");
    assert_eq!(fold_str("\u{FE8D}\u{FEF9}"), "الا");
    assert_eq!(fold_str("\u{FED9}"), "ك");
}

#[test]
fn decomposed_hamza_composes_then_folds() {
    // alif + hamza above (NFC → أ → ا)
    assert_eq!(fold_str("\u{0627}\u{0654}"), "ا");
}

#[test]
fn map_points_back_to_original_offsets() {
    let original = "الإِنترپول";
    let folded = fold(original);
    assert_eq!(folded.text, "الانتربول");
    assert_eq!(folded.map.len(), folded.text.len() + 1);
    assert_eq!(*folded.map.last().unwrap(), original.len());
    // The folded ا (third letter) comes from إ at byte 4.
    assert_eq!(folded.map[4], 4);
}

#[test]
fn find_all_matches_persian_pe_and_arabic_ba_spellings() {
    let text = "الإنترپول و الإنتربول والانتربول";
    let hits = find_all(text, "الانتربول");
    let found: Vec<&str> = hits.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(found, ["الإنترپول", "الإنتربول", "الانتربول"]);
}

#[test]
fn find_all_on_the_seed_finds_every_spelling_of_interpol() {
    let hits = find_all(SEED, "الانتربول");
    assert!(hits.len() > 50, "{} hits", hits.len());
    assert!(hits.iter().any(|r| &SEED[r.clone()] == "الإنترپول"));
    assert!(hits.iter().any(|r| &SEED[r.clone()] == "الإنتربول"));
}

#[test]
fn find_all_query_is_folded_too() {
    let text = "قرار اتخذته الجمعية العامة";
    let hits = find_all(text, "  الجمعيّة  العامة ");
    assert_eq!(hits.len(), 1);
    assert_eq!(&text[hits[0].clone()], "الجمعية العامة");
}

#[test]
fn find_all_does_not_swallow_trailing_tatweel_but_keeps_marks() {
    let text = "بـ بَ";
    let hits = find_all(text, "ب");
    let found: Vec<&str> = hits.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(found, ["ب", "بَ"]);
}

#[test]
fn find_all_with_empty_query_finds_nothing() {
    assert!(find_all("abc", "").is_empty());
    assert!(find_all("abc", " \u{200B} ").is_empty());
}

#[test]
fn find_all_latin_is_case_insensitive() {
    let text = "INTERPOL and Interpol";
    assert_eq!(find_all(text, "interpol"), vec![0..8, 13..21]);
}

#[test]
fn folding_a_large_text_is_fast() {
    let big = SEED.repeat(200); // about 5 MB
    let start = std::time::Instant::now();
    let folded = fold(&big);
    assert_eq!(folded.map.len(), folded.text.len() + 1);
    assert!(start.elapsed().as_secs() < 10);
}

/// Strings mixing Arabic letters and marks, presentation forms, format controls, Latin,
/// digits and white space.
fn arabicish() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("الإنترپول".to_string()),
        Just("القرار 288/60".to_string()),
        Just("مُدَّةٌ".to_string()),
        Just("ـ".to_string()),
        Just(" \t\n ".to_string()),
        Just("\u{200F}\u{2060}\u{FEFF}\u{00AD}".to_string()),
        Just("\u{FEFB}\u{FE8D}\u{FC5E}\u{FE70}".to_string()),
        Just("e\u{0654}\u{0301}".to_string()),
        Just("١٢۳ A/RES/60/288".to_string()),
        "\\PC{0,4}",
        any::<char>().prop_map(String::from),
        proptest::char::range('\u{0600}', '\u{06FF}').prop_map(String::from),
    ];
    proptest::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn folding_is_idempotent(s in arabicish()) {
        let once = fold_str(&s);
        prop_assert_eq!(fold_str(&once), once);
    }

    #[test]
    fn folding_arbitrary_strings_is_idempotent(s in any::<String>()) {
        let once = fold_str(&s);
        prop_assert_eq!(fold_str(&once), once);
    }

    #[test]
    fn folded_text_has_no_marks_tatweel_controls_or_variants(s in arabicish()) {
        let folded = fold_str(&s);
        prop_assert!(!folded.chars().any(is_forbidden), "{:?}", folded);
        prop_assert!(!folded.contains("  "));
    }

    #[test]
    fn map_is_monotonic_and_on_char_boundaries(s in arabicish()) {
        let folded = fold(&s);
        prop_assert_eq!(folded.map.len(), folded.text.len() + 1);
        prop_assert_eq!(*folded.map.last().unwrap(), s.len());
        prop_assert!(folded.map.windows(2).all(|w| w[0] <= w[1]));
        prop_assert!(folded.map.iter().all(|&i| s.is_char_boundary(i)));
    }

    #[test]
    fn map_holds_for_arbitrary_strings(s in any::<String>()) {
        let folded = fold(&s);
        prop_assert_eq!(folded.map.len(), folded.text.len() + 1);
        prop_assert!(folded.map.windows(2).all(|w| w[0] <= w[1]));
        prop_assert!(folded.map.iter().all(|&i| s.is_char_boundary(i)));
    }

    #[test]
    fn find_all_finds_interpol_in_both_spellings(
        before in arabicish(),
        after in arabicish(),
        persian in any::<bool>(),
    ) {
        let word = if persian { "الإنترپول" } else { "الإنتربول" };
        let text = format!("{before} {word} {after}");
        let hits = find_all(&text, "الانتربول");
        let start = before.len() + 1;
        prop_assert!(hits.contains(&(start..start + word.len())), "{:?}", hits);
    }

    #[test]
    fn find_all_ranges_are_valid_slices(text in arabicish(), query in arabicish()) {
        let needle = fold_str(&query);
        for r in find_all(&text, &query) {
            prop_assert!(r.start <= r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            let slice = fold_str(&text[r.clone()]);
            prop_assert_eq!(slice.trim(), needle.trim());
        }
    }
}

/// Regression: a match that would end between a digit and a combining mark kept by folding
/// (found by the property test `find_all_ranges_are_valid_slices`).
#[test]
fn matches_never_split_a_character_from_its_combining_mark() {
    let text = "القرار 288/60\u{0DD8}";
    assert!(find_all(text, "القرار 288/60").is_empty());
    let text = "القرار 288/60 و";
    assert_eq!(
        find_all(text, "القرار 288/60"),
        vec![0..text.len() - " و".len()]
    );
}
