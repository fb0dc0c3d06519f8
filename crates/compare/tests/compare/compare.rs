//! The compare engine: pairs built from the seed with known edits (deleted, inserted,
//! changed, moved, renumbered, hamza/پ-only, session-number-only, split, merged), a
//! held-out pair of the same kind read back from the JSON, and `.txt` against `.xml`.

use qarar_compare::{Class, Comparison, Ids, Op, Status, compare};
use qarar_document::{Document, Paragraph, Run};
use std::path::Path;

fn load(path: &str) -> Document {
    qarar_document::load_path(Path::new(path)).expect("document loads")
}

fn seed() -> Document {
    load(concat!(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
        "/assets/A-RES-75-10.ar.txt"
    ))
}

const CORPUS: &str = concat!(
    concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
    "/../shared/corpus"
);

fn corpus(name: &str) -> Option<Document> {
    let path = format!("{CORPUS}/{name}");
    if Path::new(&path).is_file() {
        Some(load(&path))
    } else {
        eprintln!("skipping: {path} is absent");
        None
    }
}

/// Edits made to a copy of a document, by the paragraphs' original ids.
fn find<'a>(doc: &'a mut Document, id: &str) -> &'a mut Paragraph {
    let (_, lists) = doc.sections_mut();
    let mut found = None;
    for list in lists {
        for p in list.iter_mut() {
            if p.id == id {
                found = Some(p);
                break;
            }
            if let Some(c) = p.children.iter_mut().find(|c| c.id == id) {
                found = Some(c);
                break;
            }
        }
        if found.is_some() {
            break;
        }
    }
    found.unwrap_or_else(|| panic!("no paragraph {id}"))
}

fn set_text(p: &mut Paragraph, text: &str) {
    p.runs = vec![Run::plain(text)];
}

fn replace(doc: &mut Document, id: &str, from: &str, to: &str) {
    let p = find(doc, id);
    let text = p.text();
    assert!(text.contains(from), "{id} has no {from:?}");
    set_text(p, &text.replacen(from, to, 1));
}

fn index(list: &[Paragraph], id: &str) -> usize {
    list.iter()
        .position(|p| p.id == id)
        .expect("paragraph in list")
}

/// Split a paragraph after the first `at` into two paragraphs.
fn split(list: &mut Vec<Paragraph>, id: &str, at: &str) {
    let k = index(list, id);
    let text = list[k].text();
    let cut = text.find(at).expect("split point") + at.len();
    let mut second = list[k].clone();
    second.children.clear();
    set_text(&mut second, text[cut..].trim());
    set_text(&mut list[k], text[..cut].trim());
    list.insert(k + 1, second);
}

/// Merge a paragraph with the next one.
fn merge(list: &mut Vec<Paragraph>, id: &str) {
    let k = index(list, id);
    let next = list.remove(k + 1);
    let text = format!("{} {}", list[k].text(), next.text());
    set_text(&mut list[k], &text);
}

fn moved(list: &mut Vec<Paragraph>, id: &str, before: Option<&str>) {
    let p = list.remove(index(list, id));
    match before {
        Some(b) => {
            let k = index(list, b);
            list.insert(k, p);
        }
        None => list.push(p),
    }
}

fn insert(list: &mut Vec<Paragraph>, before: &str, text: &str) {
    let k = index(list, before);
    let mut p = list[k].clone();
    p.children.clear();
    p.id = "new".into();
    set_text(&mut p, text);
    list.insert(k, p);
}

/// Number the lists again as a new resolution would (`preamble_N`, `para_N`, `para_N_x`).
fn renumber(doc: &mut Document) {
    for (i, p) in doc.preamble.iter_mut().enumerate() {
        p.id = format!("preamble_{}", i + 1);
    }
    for (i, p) in doc.operative.iter_mut().enumerate() {
        let old = p.id.clone();
        p.id = format!("para_{}", i + 1);
        p.number = Some(i as u32 + 1);
        for c in &mut p.children {
            c.id = c.id.replacen(&old, &p.id, 1);
        }
    }
}

fn status(cmp: &Comparison, old: &str) -> (Status, Option<Class>) {
    let c = cmp
        .by_old(old)
        .unwrap_or_else(|| panic!("no change for {old}"));
    (c.status, c.class)
}

fn new_id(cmp: &Comparison, old: &str) -> Option<Ids> {
    cmp.by_old(old).and_then(|c| c.new.clone())
}

#[test]
fn seed_pair_with_known_edits() {
    let old = seed();
    let mut new = old.clone();
    replace(&mut new, "para_4", "تحث", "تطلب إلى");
    replace(&mut new, "para_3", "الإنتربول", "الانترپول");
    replace(&mut new, "para_15", "السابعة والسبعين", "الثامنة والسبعين");
    new.preamble.remove(index(&new.preamble, "preamble_3"));
    moved(&mut new.preamble, "preamble_20", Some("preamble_6"));
    merge(&mut new.operative, "para_9");
    split(&mut new.operative, "para_6", "الاتجار بالأشخاص،");
    insert(
        &mut new.operative,
        "para_3",
        "تطلب إلى الأمين العام أن يعزز التعاون مع الإنتربول في مجال الأمن السيبراني وحماية البنى التحتية الحيوية؛",
    );
    renumber(&mut new);
    let cmp = compare(&old, &new);

    assert_eq!(
        status(&cmp, "preamble_3"),
        (Status::Deleted, Some(Class::Substantive))
    );
    assert_eq!(
        status(&cmp, "para_4"),
        (Status::Changed, Some(Class::Substantive))
    );
    let para_4 = cmp.by_old("para_4").expect("para_4");
    assert!(
        para_4
            .edits
            .iter()
            .any(|e| e.op == Op::Delete && e.text.contains("تحث"))
    );
    assert!(
        para_4
            .edits
            .iter()
            .any(|e| e.op == Op::Insert && e.text.contains("تطلب"))
    );
    assert_eq!(
        status(&cmp, "para_3"),
        (Status::Changed, Some(Class::Orthographic))
    );
    assert_eq!(
        status(&cmp, "para_15"),
        (Status::Changed, Some(Class::Mechanical))
    );
    assert_eq!(status(&cmp, "preamble_20"), (Status::Moved, None));
    assert_eq!(status(&cmp, "para_6"), (Status::Split, None));
    assert_eq!(
        new_id(&cmp, "para_6"),
        Some(Ids::Many(vec!["para_7".into(), "para_8".into()]))
    );
    assert_eq!(status(&cmp, "para_9"), (Status::Merged, None));
    assert_eq!(
        cmp.by_old("para_10").and_then(|c| c.old.clone()),
        Some(Ids::Many(vec!["para_9".into(), "para_10".into()]))
    );
    let inserted = cmp.by_new("para_3").expect("inserted");
    assert_eq!(inserted.status, Status::Inserted);
    assert_eq!(inserted.old, None);
    // Renumbered after the insertion, the split and the merge: no change.
    assert_eq!(status(&cmp, "para_7"), (Status::Unchanged, None));
    assert_eq!(new_id(&cmp, "para_7"), Some(Ids::One("para_9".into())));
    assert_eq!(new_id(&cmp, "para_16"), Some(Ids::One("para_17".into())));
    assert_eq!(status(&cmp, "para_13_e"), (Status::Unchanged, None));
    let s = &cmp.summary;
    assert_eq!(
        (s.changed, s.inserted, s.deleted, s.moved, s.split, s.merged),
        (3, 1, 1, 1, 1, 1)
    );
    assert_eq!((s.substantive, s.mechanical, s.orthographic), (3, 1, 1));
    // Every other unit is unchanged.
    assert_eq!(s.unchanged, cmp.changes.len() - 8);
    // The deleted paragraph stands where it stood: after preamble_2.
    let pos = |old: &str| {
        cmp.changes
            .iter()
            .position(|c| c == cmp.by_old(old).expect("c"))
    };
    assert_eq!(pos("preamble_3"), pos("preamble_2").map(|p| p + 1));
}

#[test]
fn held_out_pair_json() {
    let Some(old) = corpus("akn/75_10_E.xml") else {
        return;
    };
    let mut new = old.clone();
    replace(&mut new, "para_2", "Emphasizes", "Stresses");
    replace(
        &mut new,
        "preamble_6",
        "apolitical and neutral",
        "Apolitical and Neutral",
    );
    replace(&mut new, "para_15", "seventy-seventh", "seventy-eighth");
    replace(
        &mut new,
        "preamble_1",
        "21 November 2016",
        "22 November 2016",
    );
    new.operative.remove(index(&new.operative, "para_12"));
    moved(&mut new.operative, "para_8", None);
    merge(&mut new.operative, "para_6");
    split(
        &mut new.preamble,
        "preamble_19",
        "74/247 of 27 December 2019,",
    );
    insert(
        &mut new.preamble,
        "preamble_10",
        "Welcoming the cooperation between the United Nations Office for Outer Space Affairs and INTERPOL on the use of satellite data in criminal investigations,",
    );
    renumber(&mut new);
    let json: serde_json::Value =
        serde_json::from_str(&compare(&old, &new).to_json()).expect("valid JSON");
    let changes = json["changes"].as_array().expect("changes");
    let get = |old: &str| {
        changes
            .iter()
            .find(|c| c["old"] == old || c["old"].as_array().is_some_and(|a| a[0] == old))
            .unwrap_or_else(|| panic!("no change for {old}"))
    };
    let expect = [
        ("para_2", "changed", "substantive"),
        ("preamble_6", "changed", "orthographic"),
        ("para_15", "changed", "mechanical"),
        ("preamble_1", "changed", "mechanical"),
        ("para_12", "deleted", "substantive"),
        ("para_8", "moved", ""),
        ("para_6", "merged", ""),
        ("preamble_19", "split", ""),
        ("para_9", "unchanged", ""),
    ];
    for (old, st, class) in expect {
        let c = get(old);
        assert_eq!(c["status"], st, "{old}: {c}");
        if class.is_empty() {
            assert!(c["class"].is_null(), "{old}: {c}");
        } else {
            assert_eq!(c["class"], class, "{old}: {c}");
        }
    }
    let inserted: Vec<_> = changes
        .iter()
        .filter(|c| c["status"] == "inserted")
        .collect();
    assert_eq!(inserted.len(), 1);
    assert_eq!(inserted[0]["new"], "preamble_10");
    assert!(inserted[0]["old"].is_null());
    assert_eq!(json["summary"]["split"], 1);
    assert_eq!(json["summary"]["merged"], 1);
    for key in ["symbol", "language", "file"] {
        assert!(json["old"].get(key).is_some() && json["new"].get(key).is_some());
    }
    assert_eq!(json["old"]["language"], "en");
    for c in changes {
        for e in c["edits"].as_array().expect("edits") {
            assert!(["equal", "insert", "delete"].contains(&e["op"].as_str().unwrap_or("")));
            assert!(e.as_object().is_some_and(|o| o.len() == 2), "{e}");
        }
    }
}

#[test]
fn a_document_against_itself_is_unchanged() {
    let doc = seed();
    let cmp = compare(&doc, &doc);
    assert!(cmp.changes.iter().all(|c| c.status == Status::Unchanged));
    assert!(cmp.changes.len() > 40);
}

#[test]
fn plain_text_against_xml_of_the_same_resolution() {
    for (xml, txt) in [
        ("akn/75_125_E.xml", "text/75_125_E.word.txt"),
        ("akn/75_188_A.xml", "text/75_188_A.word.txt"),
        ("akn/75_197_E.xml", "text/75_197_E.pdftotext.txt"),
        ("akn/75_59_A.xml", "text/75_59_A.pdftotext.txt"),
    ] {
        let (Some(a), Some(b)) = (corpus(xml), corpus(txt)) else {
            return;
        };
        let cmp = compare(&a, &b);
        let s = &cmp.summary;
        // The same text: every paragraph of the XML is paired, none moved, and at most a
        // few differences of substance (the plain text's footnote rules and PDF artefacts).
        assert_eq!(s.deleted, 0, "{xml}: {s:?}");
        assert_eq!(s.moved, 0, "{xml}: {s:?}");
        assert!(s.substantive <= 4, "{xml} vs {txt}: {s:?}");
        assert!(s.unchanged + s.changed > 40, "{xml}: {s:?}");
    }
}

#[test]
fn annex_and_part_paragraphs_are_units_with_their_ids() {
    let (Some(annexed), Some(parts)) = (corpus("akn/76_7_E.xml"), corpus("akn/77_264_E.xml"))
    else {
        return;
    };
    let mut new = annexed.clone();
    replace(&mut new, "annex_1.para_14", "protect", "safeguard");
    let annex_para = index(&new.annexes[0].paragraphs, "annex_1.para_15");
    new.annexes[0].paragraphs.remove(annex_para);
    let cmp = compare(&annexed, &new);
    assert_eq!(
        status(&cmp, "annex_1.para_14"),
        (Status::Changed, Some(Class::Substantive))
    );
    assert_eq!(
        status(&cmp, "annex_1.para_15"),
        (Status::Deleted, Some(Class::Substantive))
    );
    assert_eq!(cmp.summary.changed + cmp.summary.deleted, 2);

    let mut new = parts.clone();
    replace(&mut new, "B.para_3", "Direct expenses", "Direct costs");
    let cmp = compare(&parts, &new);
    assert_eq!(
        status(&cmp, "B.para_3"),
        (Status::Changed, Some(Class::Substantive))
    );
    assert_eq!(cmp.summary.changed, 1);
    assert_eq!(cmp.differences().count(), 1);
}

#[test]
fn the_edits_give_back_both_texts() {
    let (Some(old), Some(new)) = (corpus("akn/77_20_A.xml"), corpus("akn/79_136_A.xml")) else {
        return;
    };
    let cmp = compare(&old, &new);
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for c in &cmp.changes {
        let side = |skip: Op| -> String {
            c.edits
                .iter()
                .filter(|e| e.op != skip)
                .map(|e| e.text.as_str())
                .collect()
        };
        if let Some(Ids::One(id)) = &c.old {
            let text = old.paragraph(id).expect("old paragraph").text();
            assert_eq!(squash(&side(Op::Insert)), squash(&text), "{id}");
        }
        if let Some(Ids::One(id)) = &c.new {
            let text = new.paragraph(id).expect("new paragraph").text();
            assert_eq!(squash(&side(Op::Delete)), squash(&text), "{id}");
        }
    }
}

#[test]
fn empty_documents_compare_to_nothing() {
    let empty = Document::default();
    let cmp = compare(&empty, &empty);
    assert!(cmp.changes.is_empty());
    let cmp = compare(&empty, &seed());
    assert!(cmp.changes.iter().all(|c| c.status == Status::Inserted));
}
