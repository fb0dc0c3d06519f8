//! The annotations pane driven through AccessKit: listing, filtering by text (Arabic
//! folding), colour and tag, and the actions of its cards.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qarar::ui::annotations_pane::{AnnotationsPane, EMPTY_TEXT, PaneAction, PaneItem};
use qarar::ui::text_painter::TextPainter;
use qarar_annotations::Color;
use qarar_document::Direction;

/// What the harness drives: the pane, its painter, the items and every action returned.
struct State {
    pane: AnnotationsPane,
    painter: TextPainter,
    items: Vec<PaneItem>,
    direction: Direction,
    actions: Vec<PaneAction>,
}

fn item(id: &str, color: Color, quote: &str, note: &str, tags: &[&str]) -> PaneItem {
    PaneItem {
        id: id.to_string(),
        color,
        quote: quote.to_string(),
        note: note.to_string(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        paragraph: Some("para_13_b".to_string()),
        orphan: false,
    }
}

fn items() -> Vec<PaneItem> {
    let mut orphan = item("a3", Color::Blue, "نص حذف من القرار", "", &[]);
    orphan.paragraph = None;
    orphan.orphan = true;
    vec![
        item(
            "a1",
            Color::Yellow,
            "ترحب بالتعاون بين المنظمة الدولية للشرطة الجنائية والأمم المتحدة في مكافحة الإرهاب \
             والجريمة المنظمة عبر الوطنية وتدعو إلى تعزيزه",
            "راجع دور الإنترپول في القرار S/RES/2322 (2016)",
            &["أمن", "تعاون"],
        ),
        item(
            "a2",
            Color::Green,
            "Calls upon Member States to cooperate",
            "check the English text",
            &["follow-up"],
        ),
        orphan,
    ]
}

fn pane(items: Vec<PaneItem>) -> Harness<'static, State> {
    let state = State {
        pane: AnnotationsPane::default(),
        painter: TextPainter::default(),
        items,
        direction: Direction::Rtl,
        actions: Vec::new(),
    };
    Harness::builder()
        .with_size(egui::vec2(480.0, 800.0))
        .with_max_steps(20)
        .build_ui_state(
            |ui, s: &mut State| {
                if let Some(a) = s.pane.ui(ui, &mut s.painter, &s.items, s.direction) {
                    s.actions.push(a);
                }
            },
            state,
        )
}

fn settle(h: &mut Harness<'static, State>) {
    h.run_ok();
}

/// Ids of the cards the pane currently lists.
fn shown(h: &Harness<'static, State>) -> Vec<String> {
    let s = h.state();
    s.pane
        .filter
        .filtered(&s.items)
        .iter()
        .map(|i| i.id.clone())
        .collect()
}

#[test]
fn the_list_shows_every_annotation_orphans_included() {
    let mut h = pane(items());
    settle(&mut h);
    assert!(h.query_by_label("Annotations (3)").is_some());
    assert!(h.query_by_label("Filter annotations").is_some());
    assert!(h.query_by_label("Filter yellow").is_some());
    assert!(h.query_by_label("Filter tag أمن").is_some());
    assert!(
        h.query_by_label_contains("Annotation: ترحب بالتعاون")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Annotation: Calls upon")
            .is_some()
    );
    assert!(h.query_by_label_contains("Annotation: نص حذف").is_some());
    assert_eq!(h.get_all_by_label("Edit annotation").count(), 3);
    assert_eq!(h.get_all_by_label("Delete annotation").count(), 3);
}

#[test]
fn an_empty_document_shows_how_to_highlight() {
    let mut h = pane(Vec::new());
    settle(&mut h);
    assert!(h.query_by_label("Annotations (0)").is_some());
    assert!(h.query_by_label(EMPTY_TEXT).is_some());
}

#[test]
fn filtering_interpol_without_hamza_finds_the_persian_spelling_in_a_note() {
    let mut h = pane(items());
    settle(&mut h);
    h.get_by_label("Filter annotations").click();
    settle(&mut h);
    h.get_by_label("Filter annotations").type_text("الانتربول");
    settle(&mut h);
    assert_eq!(h.state().pane.filter.text, "الانتربول");
    assert_eq!(shown(&h), ["a1"]);
    assert!(h.query_by_label_contains("Annotation: ترحب").is_some());
    assert!(
        h.query_by_label_contains("Annotation: Calls upon")
            .is_none()
    );
    assert!(h.query_by_label("Showing 1 of 3").is_some());
}

#[test]
fn the_colour_filter_keeps_only_that_colour() {
    let mut h = pane(items());
    settle(&mut h);
    h.get_by_label("Filter green").click();
    settle(&mut h);
    assert_eq!(shown(&h), ["a2"]);
    assert!(h.query_by_label_contains("Annotation: ترحب").is_none());
    assert!(
        h.query_by_label_contains("Annotation: Calls upon")
            .is_some()
    );
    // "All" shows every colour again.
    h.get_by_label("Filter all colours").click();
    settle(&mut h);
    assert_eq!(shown(&h), ["a1", "a2", "a3"]);
}

#[test]
fn the_tag_filter_keeps_annotations_with_that_arabic_tag() {
    let mut h = pane(items());
    settle(&mut h);
    h.get_by_label("Filter tag أمن").click();
    settle(&mut h);
    assert_eq!(shown(&h), ["a1"]);
    assert!(h.query_by_label_contains("Annotation: نص حذف").is_none());
}

#[test]
fn pressing_a_card_goes_to_its_passage() {
    let mut h = pane(items());
    settle(&mut h);
    h.get_by_label_contains("Annotation: Calls upon").click();
    settle(&mut h);
    assert_eq!(h.state().actions, [PaneAction::GoTo("a2".to_string())]);
}

#[test]
fn edit_and_delete_buttons_return_their_actions() {
    let mut h = pane(items());
    settle(&mut h);
    if let Some(delete) = h.get_all_by_label("Delete annotation").next() {
        delete.click();
    }
    settle(&mut h);
    assert_eq!(h.state().actions, [PaneAction::Delete("a1".to_string())]);
    if let Some(edit) = h.get_all_by_label("Edit annotation").nth(1) {
        edit.click();
    }
    settle(&mut h);
    assert_eq!(
        h.state().actions.last(),
        Some(&PaneAction::Edit("a2".to_string()))
    );
}

#[test]
fn a_whole_paragraph_quote_is_cut_to_two_lines() {
    let long = "تقرر أن تبقي المسألة قيد نظرها الفعلي ".repeat(60);
    let mut items = items();
    items[0].quote = long.clone();
    items[0].note = String::new();
    items[0].tags.clear();
    let mut h = pane(items);
    settle(&mut h);
    let card = h.get_by_label_contains("Annotation: تقرر أن").rect();
    // Two lines of 15-pt text (22 pt each), the footer and margins: well under 120 pt.
    assert!(card.height() < 120.0, "card is {} tall", card.height());
}
