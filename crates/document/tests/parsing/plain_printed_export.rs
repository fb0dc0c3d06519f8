//! Text of a resolution as a browser prints a reader's HTML export (Qarar's own, or any
//! that names the divisions): a heading "Preamble" / "Operative paragraphs" (in the six
//! languages) above each division, and the footnotes as a numbered list of endnotes after
//! the closing lines (`1. (1) United Nations … ↩`). The headings are not paragraphs, the
//! endnotes are the footnotes with their text.

use qarar_document::model::runs_text;
use qarar_document::plain;

const PRINTED: &str = "\
General Assembly

75/99. A resolution for the test

The General Assembly,

Preamble

Recalling its resolution 51/1 of 15 October 1996, ¹

Noting the cooperation between the United Nations and INTERPOL,

Operative paragraphs

1. Calls for the strengthening of cooperation; ²

2. Decides to remain seized of the matter.

30th plenary meeting

23 November 2020

Notes

1. (1) United Nations, Treaty Series, vol. 1996, No. 1200. ↩

2. (2) Resolution 60/288. ↩
";

#[test]
fn division_headings_of_an_export_are_not_paragraphs() {
    let doc = plain::parse(PRINTED);
    let ids: Vec<&str> = doc.preamble.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["preamble_1", "preamble_2"]);
    assert!(doc.preamble[0].text().starts_with("Recalling"));
    let ids: Vec<&str> = doc.operative.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["para_1", "para_2"]);
    for (heading, first) in [("Préambule", "Rappelant"), ("Dispositif", "Demande")] {
        let text = PRINTED
            .replace("Preamble", heading)
            .replace("Operative paragraphs", heading)
            .replace("Recalling", first);
        let doc = plain::parse(&text);
        assert_eq!(doc.preamble.len(), 2, "{heading}");
        assert_eq!(doc.operative.len(), 2, "{heading}");
    }
}

#[test]
fn numbered_endnotes_after_the_closing_are_the_footnotes_with_their_text() {
    let doc = plain::parse(PRINTED);
    let notes: Vec<String> = doc
        .footnotes
        .iter()
        .map(|f| runs_text(&f.runs).trim().to_string())
        .collect();
    assert_eq!(
        notes,
        [
            "United Nations, Treaty Series, vol. 1996, No. 1200.",
            "Resolution 60/288."
        ]
    );
    assert_eq!(doc.footnotes[0].paragraph.as_deref(), Some("preamble_1"));
    assert_eq!(doc.footnotes[1].paragraph.as_deref(), Some("para_1"));
}

/// An export writes the meeting line and date after the annex: they close the resolution
/// and are not paragraphs of the annex; the notes after them are footnotes.
#[test]
fn the_meeting_line_after_an_annex_closes_the_resolution() {
    let text = "\
General Assembly

76/99. A declaration for the test

The General Assembly,

Adopts the declaration annexed to the present resolution.

Annex

Declaration for the test

1. We reaffirm the Global Plan of Action; ¹

2. We commit ourselves to act.

37th plenary meeting

22 November 2021

Notes

1. (1) Resolution 64/293. ↩
";
    let doc = plain::parse(text);
    assert_eq!(doc.annexes.len(), 1);
    let ids: Vec<&str> = doc.annexes[0]
        .paragraphs
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["annex_1.para_1", "annex_1.para_2"]);
    let closing = doc.closing.as_ref().expect("closing");
    assert_eq!(closing.meeting.as_deref(), Some("37th plenary meeting"));
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(
        runs_text(&doc.footnotes[0].runs).trim(),
        "Resolution 64/293."
    );
}

/// A resolution that adopts a declaration: the sentence that introduces it and the
/// declaration's title stand between the formula and paragraph 1; they are neither
/// preambular paragraphs nor operative ones (the Akoma Ntoso file has them as plain text).
#[test]
fn an_adopted_declaration_s_introduction_and_title_are_not_preambular() {
    let text = "\
General Assembly

75/99. Declaration for the test

The General Assembly

Adopts the following declaration:

Declaration on the commemoration of the anniversary of the United Nations

1. We, the Heads of State and Government, have gathered today.

2. We will leave no one behind.

3rd plenary meeting

21 September 2020
";
    let doc = plain::parse(text);
    assert!(doc.preamble.is_empty(), "{:?}", doc.preamble);
    let ids: Vec<&str> = doc.operative.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["para_1", "para_2"]);
    assert!(
        doc.body
            .iter()
            .any(|p| p.text().starts_with("Declaration on"))
    );
}

/// Where the meeting line is missing, a date alone after the last operative paragraph is
/// the closing date, not a heading inside that paragraph.
#[test]
fn a_date_alone_after_the_last_paragraph_is_the_closing_date() {
    let text = PRINTED.replace("30th plenary meeting\n\n", "");
    let doc = plain::parse(&text);
    let ids: Vec<&str> = doc.operative.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["para_1", "para_2"]);
    let closing = doc.closing.as_ref().expect("closing");
    assert_eq!(closing.date.as_deref(), Some("2020-11-23"));
    assert_eq!(doc.footnotes.len(), 2);
}
