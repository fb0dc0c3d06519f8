//! A long resolution whose operative paragraphs run on through headed sections ("I" and
//! its title before paragraph 1, "II" / "Capacity-building" before paragraph 3, …), as
//! Word saves it (one paragraph a line): the numbering does not start again, so the
//! sections are headings inside the operative part, each line its own heading child
//! (`para_2_text_1`, `para_2_text_2`), as the Akoma Ntoso file gives them.

use qarar_document::plain;

use crate::plain_shape::all;

const TEXT: &str = "\
General Assembly
75/99. Oceans and the law of the sea
The General Assembly,
Recalling its annual resolutions on the law of the sea,
Reaffirming the importance of the work of the Tribunal,
I
Implementation of the Convention and related agreements and instruments
1. Reaffirms the unified character of the Convention;
2. Calls upon all States to become parties to the Convention;
II
Capacity-building
3. Recognizes the importance of assisting developing States;
III
Regular Process for Global Reporting and Assessment of the State of the Marine Environment, including Socioeconomic Aspects
4. Reiterates the need to strengthen the regular scientific assessment;
5. Decides to include the item in the provisional agenda of its next session.
51st plenary meeting
31 December 2020
";

#[test]
fn headed_sections_with_running_numbers_are_headings_not_parts() {
    let doc = plain::parse(TEXT);
    assert!(doc.parts.is_empty(), "{:?}", doc.parts.len());
    assert_eq!(all(&doc.preamble), ["preamble_1", "preamble_2"]);
    assert_eq!(
        all(&doc.operative),
        [
            "para_1",
            "para_2",
            "para_2_text_1",
            "para_2_text_2",
            "para_3",
            "para_3_text_1",
            "para_3_text_2",
            "para_4",
            "para_5"
        ]
    );
    assert_eq!(
        doc.operative[1].children[1].text().trim(),
        "Capacity-building"
    );
    assert!(
        doc.operative[2].children[1]
            .text()
            .starts_with("Regular Process")
    );
}

/// The same in Arabic, sections numbered by ordinals (`ثانيا`, `حادي عشر`); and short
/// unpunctuated lines after a paragraph that are not a section's numeral (a table's rows
/// without their columns) stay one text child.
#[test]
fn arabic_ordinal_sections_and_loose_rows() {
    let text = "\
الجمعية العامة
99/75 - المحيطات وقانون البحار
إن الجمعية العامة،
إذ تشير إلى قراراتها السنوية بشأن قانون البحار،
1 - تؤكد من جديد الطابع الموحد للاتفاقية؛
ثانيا
بناء القدرات
2 - تقر بأهمية تقديم المساعدة إلى الدول النامية؛
حادي عشر
العلوم البحرية
3 - تقرر أن تدرج البند في جدول أعمال دورتها المقبلة.
الجلسة العامة 51
31 كانون الأول/ديسمبر 2020
";
    let doc = plain::parse(text);
    assert_eq!(
        all(&doc.operative),
        [
            "para_1",
            "para_1_text_1",
            "para_1_text_2",
            "para_2",
            "para_2_text_1",
            "para_2_text_2",
            "para_3"
        ]
    );
    let rows = TEXT.replace(
        "II\nCapacity-building\n",
        "Section Amount\nPart I Overall policymaking\nPart II Political affairs\n",
    );
    let doc = plain::parse(&rows);
    assert_eq!(
        doc.operative[1].children.len(),
        1,
        "{:?}",
        all(&doc.operative)
    );
}

/// "Resolves that, for 2023:" before paragraph 1 is no preambular paragraph, in Chinese as in
/// English (77/264 C: `正式决定` is the verb that opens the operative part).
#[test]
fn resolves_that_before_paragraph_one_is_not_preambular_in_chinese_or_english() {
    for (formula, resolves, one, two) in [
        (
            "大会",
            "正式决定，对于2023年：",
            "1. 核准批款共计3 396 308 300美元，用于下列用途：",
            "2. 又决定在2023年从联合国邮政管理处累计收入中拨款75 000美元。",
        ),
        (
            "The General Assembly",
            "Resolves that, for 2023:",
            "1. Appropriations totalling 3,396,308,300 dollars are approved;",
            "2. Decides to appropriate 75,000 dollars for 2023.",
        ),
    ] {
        let text = format!(
            "General Assembly\n77/264. Programme budget for 2023\nA\nBudget appropriations for 2023\n{formula}\n{resolves}\n{one}\n{two}\n"
        );
        let doc = plain::parse(&text);
        let part = doc.parts.first();
        let preamble = part.map_or(&doc.preamble, |p| &p.preamble);
        let operative = part.map_or(&doc.operative, |p| &p.operative);
        assert!(preamble.is_empty(), "{resolves}: {preamble:#?}");
        assert_eq!(operative.len(), 2, "{resolves}");
    }
}
