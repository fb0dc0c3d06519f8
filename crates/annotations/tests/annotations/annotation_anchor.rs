//! Re-anchoring annotations across versions and formats of a resolution: annotations made on
//! the plain-text seed land on the same passages of the official XML, whose spelling differs;
//! an annotation whose passage was deleted becomes an orphan and is still listed.

use qarar_annotations::export::entries;
use qarar_annotations::{Anchor, Anchorer, Annotation, Color, DocumentIdentity, Store, w3c};
use qarar_document::load::{load_bytes, load_path};
use qarar_document::model::Document;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn seed_path() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("assets/A-RES-75-10.ar.txt")
}

fn corpus(name: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("../shared/corpus/akn")
        .join(name)
}

fn seed() -> Document {
    load_path(&seed_path()).expect("seed parses")
}

fn xml() -> Document {
    load_path(&corpus("75_10_A.xml")).expect("75_10_A.xml parses")
}

/// Code-point range of the `nth` occurrence of `passage` in paragraph `id`.
/// (No-break spaces of the XML count as spaces.)
fn range_of(doc: &Document, id: &str, passage: &str, nth: usize) -> std::ops::Range<usize> {
    let text = doc
        .paragraph(id)
        .unwrap_or_else(|| panic!("no {id}"))
        .text()
        .replace('\u{a0}', " ");
    let (byte, _) = text
        .match_indices(passage)
        .nth(nth)
        .unwrap_or_else(|| panic!("{passage:?} (#{nth}) not in {id}: {text}"));
    let start = text[..byte].chars().count();
    start..start + passage.chars().count()
}

/// The text at `range` of paragraph `id`, no-break spaces as spaces.
fn slice(doc: &Document, id: &str, range: std::ops::Range<usize>) -> String {
    doc.paragraph(id)
        .map(|p| {
            p.text()
                .chars()
                .skip(range.start)
                .take(range.len())
                .collect::<String>()
        })
        .unwrap_or_default()
        .replace('\u{a0}', " ")
}

/// (paragraph, passage in the seed, occurrence, the same passage in the XML, exact after folding)
const CASES: &[(&str, &str, usize, &str, bool)] = &[
    // ترهب / ترحب: a real spelling difference, found approximately.
    (
        "preamble_12",
        "ترهب بجهود التعاون والتنسيق",
        0,
        "ترحب بجهود التعاون والتنسيق",
        false,
    ),
    // پ / ب: folded away.
    (
        "preamble_1",
        "للشرطة الجنائية (الإنترپول)",
        0,
        "للشرطة الجنائية (الإنتربول)",
        true,
    ),
    // ة / ه: folded away.
    (
        "preamble_4",
        "أضرار غير مسبوقه في مجال الصحة العامة",
        0,
        "أضرار غير مسبوقة في مجال الصحة العامة",
        true,
    ),
    // Harakat: folded away.
    (
        "preamble_4",
        "وتُمكن من القيام به",
        0,
        "وتُمكِّن من القيام به",
        true,
    ),
    (
        "preamble_6",
        "بضمّان تبادل المساعدة",
        0,
        "بضمان تبادل المساعدة",
        true,
    ),
    // At the start of a paragraph (no prefix), with a typo.
    (
        "preamble_21",
        "واقترعا منها بأن زيادة التعاون",
        0,
        "واقتناعا منها بأن زيادة التعاون",
        false,
    ),
    (
        "preamble_21",
        "تحقيق أغراض كل من المنظمين",
        0,
        "تحقيق أغراض كل من المنظمتين",
        false,
    ),
    (
        "preamble_19",
        "إلى قراراتها 187/73 المؤرخ 17 كانون الأول/ديسمبر 2018",
        0,
        "إلى قراريها 73/187 المؤرخ 17 كانون الأول/ ديسمبر 2018",
        false,
    ),
    // Operative paragraphs.
    (
        "para_2",
        "مركز اللجوء من قبل مرتكبي",
        0,
        "مركز اللاجئ من قبل مرتكبي",
        false,
    ),
    (
        "para_14",
        "إمكانية الوصول الآتي إلى المنظومة",
        0,
        "إمكانية الوصول الآني إلى المنظومة",
        false,
    ),
    (
        "para_16",
        "\"التعاون بين الأمم المتحدة والمنظمة الدولية للشرطة الجنائية (الإنتربول)\"",
        0,
        "”التعاون بين الأمم المتحدة والمنظمة الدولية للشرطة الجنائية (الإنتربول)“",
        false,
    ),
    (
        "para_11",
        "تدمير ونهب الممتلكات الثقافية",
        0,
        "تدمير ونهب الممتلكات الثقافية",
        true,
    ),
    // Sub-paragraphs.
    (
        "para_13_a",
        "المساعدة في منع الجريمة وكشفها",
        0,
        "المساعدة في منع الجريمة وكشفها",
        true,
    ),
    (
        "para_13_b",
        "التبادل الآتي للمعلومات الصحيحة",
        0,
        "التبادل الآني للمعلومات الصحيحة",
        false,
    ),
    (
        "para_13_c",
        "لتتبيه سلطات إنفاذ القانون",
        0,
        "لتنبيه سلطات إنفاذ القانون",
        false,
    ),
    // A word that occurs several times: the second occurrence, not the first.
    ("para_13_d", "الإنتربول", 1, "الإنتربول", true),
];

#[test]
fn seed_annotations_land_on_the_same_passages_of_the_xml() {
    let seed = seed();
    let xml = xml();
    let seed_id = DocumentIdentity::of(&seed);
    let xml_id = DocumentIdentity::of(&xml);
    assert_eq!(
        seed_id.storage_key(),
        xml_id.storage_key(),
        "same symbol + language"
    );
    assert_eq!(seed_id.storage_key(), "sym-A_RES_75_10.ar");
    assert_ne!(seed_id.content_hash, xml_id.content_hash, "different texts");

    let mut annotations = Vec::new();
    for (i, (id, passage, nth, _, _)) in CASES.iter().enumerate() {
        let range = range_of(&seed, id, passage, *nth);
        let mut a = Annotation::new_on_passage(&seed, id, range, Color::ALL[i % 6]).unwrap();
        assert_eq!(a.quote.exact, *passage);
        a.set_note(format!("ملاحظة {i} على A/RES/75/10"));
        annotations.push(a);
    }
    // Through the W3C file format, as the store would keep them.
    let text = w3c::to_page_string(&seed_id, &annotations, &[]);
    let annotations = w3c::parse_str(&text).unwrap().annotations;

    let anchorer = Anchorer::new(&xml);
    for (a, (id, passage, nth, expected, exact)) in annotations.iter().zip(CASES) {
        let anchor = anchorer.anchor(a);
        assert_eq!(anchor.paragraph(), Some(*id), "{passage:?}: {anchor:?}");
        let range = anchor.range().unwrap();
        assert_eq!(
            slice(&xml, id, range.clone()),
            *expected,
            "{passage:?}: {anchor:?}"
        );
        assert_eq!(range, range_of(&xml, id, expected, *nth), "{passage:?}");
        match anchor {
            Anchor::Exact { .. } => assert!(exact, "{passage:?} should need fuzzy matching"),
            Anchor::Fuzzy { score, .. } => {
                assert!(!exact, "{passage:?} should be exact after folding");
                assert!(score > 0.8, "{passage:?}: score {score}");
            }
            Anchor::Orphan => unreachable!(),
        }
        // And on the seed itself, everything is exact.
        assert!(matches!(
            qarar_annotations::anchor::anchor(&seed, a),
            Anchor::Exact { .. }
        ));
    }
}

#[test]
fn whole_paragraph_annotations_follow_their_paragraph() {
    let seed = seed();
    let xml = xml();
    let anchorer = Anchorer::new(&xml);
    // Same text after folding: exact.
    let same = Annotation::new_on_paragraph(&seed, "para_5", Color::Green).unwrap();
    let n = xml.paragraph("para_5").unwrap().text().chars().count();
    assert_eq!(
        anchorer.anchor(&same),
        Anchor::Exact {
            paragraph: "para_5".into(),
            range: 0..n
        }
    );
    // Spelling differences: fuzzy, same paragraph.
    let changed = Annotation::new_on_paragraph(&seed, "preamble_12", Color::Blue).unwrap();
    let anchor = anchorer.anchor(&changed);
    assert_eq!(anchor.paragraph(), Some("preamble_12"), "{anchor:?}");
    assert!(
        matches!(anchor, Anchor::Fuzzy { score, .. } if score > 0.9),
        "{anchor:?}"
    );
    // Renamed id: found by its text.
    let mut moved = Annotation::new_on_paragraph(&seed, "para_11", Color::Blue).unwrap();
    moved.target = "para_99".into();
    assert_eq!(anchorer.anchor(&moved).paragraph(), Some("para_11"));
}

#[test]
fn deleted_passage_becomes_an_orphan_and_is_still_listed() {
    let original = std::fs::read_to_string(seed_path()).unwrap();
    let seed = load_bytes(original.as_bytes(), &seed_path()).unwrap();
    let deleted =
        "وإجراء فحوصات متوقعة بواسطة آليات المعلومات المسبقة عن المسافرين وسجلات أسماء الركاب، ";
    let gone = "فحوصات متوقعة بواسطة آليات المعلومات المسبقة";
    let kept = "تدمير ونهب الممتلكات الثقافية";
    let a_gone = Annotation::new_on_passage(
        &seed,
        "para_14",
        range_of(&seed, "para_14", gone, 0),
        Color::Pink,
    )
    .unwrap();
    let mut a_kept = Annotation::new_on_passage(
        &seed,
        "para_11",
        range_of(&seed, "para_11", kept, 0),
        Color::Orange,
    )
    .unwrap();
    a_kept.set_tags(["تراث"]);
    // This passage of para_7 also stands, word for word, in para_6.
    let twin = "وثائق السفر الضائعة أو المسروقة، وقاعدة بيانات الأسماء";
    let a_twin = Annotation::new_on_passage(
        &seed,
        "para_7",
        range_of(&seed, "para_7", twin, 0),
        Color::Blue,
    )
    .unwrap();

    // The corrected text: the passages were deleted.
    assert!(original.contains(deleted));
    let edited = original.replace(deleted, "").replace(
        "قاعدة بيانات وثائق السفر الضائعة أو المسروقة، وقاعدة بيانات الأسماء، ",
        "",
    );
    let doc = load_bytes(edited.as_bytes(), &seed_path()).unwrap();
    assert!(!doc.paragraph("para_14").unwrap().text().contains("فحوصات"));
    assert!(!doc.paragraph("para_7").unwrap().text().contains("الضائعة"));

    let annotations = vec![a_gone.clone(), a_kept.clone()];
    let anchors = Anchorer::new(&doc).anchor_all(&annotations);
    assert_eq!(anchors[0], Anchor::Orphan, "{:?}", anchors[0]);
    assert_eq!(anchors[1].paragraph(), Some("para_11"));
    // Its words are still in para_6: the best fuzzy match, with a lower score (other context).
    let twin_anchor = qarar_annotations::anchor::anchor(&doc, &a_twin);
    assert!(
        matches!(&twin_anchor, Anchor::Fuzzy { paragraph, score, .. } if paragraph == "para_6" && *score < 0.9),
        "{twin_anchor:?}"
    );

    // Kept by the store and listed by the export, with its quote and note.
    let dir = std::env::temp_dir().join(format!("qarar-orphan-{}", std::process::id()));
    let store = Store::open(&dir).unwrap();
    let identity = DocumentIdentity::of(&doc);
    store.save(&identity, &annotations, &[]).unwrap();
    let loaded = store.load(&identity).unwrap();
    assert_eq!(loaded.annotations.len(), 2);
    let list = entries(&doc, &loaded.annotations);
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], a_kept.id.as_str(), "placed ones first");
    assert_eq!(list[0]["quote"], kept);
    assert_eq!(list[0]["tags"][0], "تراث");
    assert_eq!(list[0]["color"], "orange");
    assert_eq!(list[0]["orphan"], false);
    assert_eq!(list[1]["id"], a_gone.id.as_str());
    assert_eq!(list[1]["orphan"], true);
    assert_eq!(list[1]["paragraph"], "para_14");
    assert_eq!(list[1]["quote"], gone);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn anchoring_200_annotations_on_a_large_resolution_is_fast() {
    let doc = load_path(&corpus("75_239_A.xml")).expect("75_239_A.xml parses");
    let paragraphs: Vec<(String, usize)> = doc
        .paragraphs()
        .into_iter()
        .map(|(_, p)| (p.id.clone(), p.text().chars().count()))
        .filter(|(_, n)| *n >= 80)
        .collect();
    assert!(!paragraphs.is_empty());
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut rand = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let mut annotations = Vec::new();
    for i in 0..200 {
        let (id, n) = &paragraphs[rand(paragraphs.len())];
        let len = 10 + rand(60);
        let start = rand(n - len);
        let mut a =
            Annotation::new_on_passage(&doc, id, start..start + len, Color::Yellow).unwrap();
        match i % 8 {
            // A typo in the quote: fuzzy in the paragraph.
            1 | 2 => {
                let mut chars: Vec<char> = a.quote.exact.chars().collect();
                let k = chars.len() / 2;
                chars[k] = 'ж';
                a.quote.exact = chars.into_iter().collect();
            }
            // Wrong paragraph id: searched in the whole document.
            3 => a.target = "para_9999".into(),
            // Not in the document at all: the worst case (whole-document fuzzy search).
            4 => a.quote.exact = format!("نص غير موجود في هذه الوثيقة رقم {i} xyz qrst"),
            _ => {}
        }
        annotations.push(a);
    }
    let started = Instant::now();
    let anchors = Anchorer::new(&doc).anchor_all(&annotations);
    let elapsed = started.elapsed();
    let orphans = anchors.iter().filter(|a| a.is_orphan()).count();
    let fuzzy = anchors
        .iter()
        .filter(|a| matches!(a, Anchor::Fuzzy { .. }))
        .count();
    eprintln!(
        "anchored 200 annotations on 75_239_A.xml in {elapsed:?} ({fuzzy} fuzzy, {orphans} orphans)"
    );
    assert_eq!(orphans, 25, "the 25 made-up quotes, and only them");
    assert!(fuzzy >= 75, "{fuzzy}");
    assert!(elapsed.as_secs_f64() < 1.0, "{elapsed:?}");
}
