//! The outline of a document, without a window: the enacting formula, a heading entry for
//! each section (the preamble, the operative paragraphs, each part, each annex) and an entry
//! for each paragraph under it, sub-paragraphs nested, in reading order. Each entry has its
//! depth, kind, id, printed label, the paragraph it goes to and the words it is named by.
//! The reader's outline pane and `qarar outline` both show this list; which paragraphs are
//! entries and how each is named is decided here only.
//!
//! An entry is named two ways: `brief`, a line of a narrow outline (the reader's pane: a few
//! words, numbers as the document prints them, section names in the document's language),
//! and `full`, the words of the printed clause tree (more words, next to the paragraph's id
//! or label).

use crate::model::{Direction, Document, Language, Paragraph, ParagraphKind, Part};
use qarar_util::first_words;

/// A section of a document, as the outline heads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The preambular paragraphs of a resolution (not those of a part).
    Preamble,
    /// The operative paragraphs of a resolution (not those of a part).
    Operative,
    /// A part of a multi-part resolution: its preambular, unnumbered and operative paragraphs.
    Part,
    /// An annex: its headings and paragraphs.
    Annex,
}

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The enacting formula ("The General Assembly,").
    Formula,
    /// A section's heading.
    Section(Section),
    /// A paragraph of any kind, at any depth.
    Paragraph(ParagraphKind),
}

/// One line of the outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: Kind,
    /// The section the entry stands in (its own for a section's heading); `None` for the
    /// enacting formula and for the text of a document that is not a resolution.
    pub section: Option<Section>,
    /// A paragraph's id (`para_13_b`, `annex_1.para_2`), or a section's: `preamble`,
    /// `operative`, `part_A` (the part's Latin letter), `annex_1` (the annex's id).
    pub id: String,
    /// 0 for the formula, a section's heading and a non-resolution's text; 1 for the
    /// paragraphs of a section; one more for each level of sub-paragraphs.
    pub depth: usize,
    /// Index of the entry it stands under.
    pub parent: Option<usize>,
    /// Some entry stands under it.
    pub has_children: bool,
    /// The paragraph the entry goes to: its own; a section's first paragraph (a part's
    /// enacting formula included). `None` for a part or an annex without paragraphs.
    pub target: Option<String>,
    /// Heading lines the document prints before `target` that belong to the entry (a part's
    /// heading; an annex's heading and title): the entry goes to the first of them.
    pub lines_before: usize,
    /// Number or letter as written: an operative paragraph's number (`13`), a
    /// sub-paragraph's letter (`b`, `أ`, `ii`), a part's letter (`A`, `ألف`, `甲`).
    pub label: Option<String>,
    /// The opener or verb (`Recalling`, `تقرر`), when the paragraph has one.
    pub lead: Option<String>,
    /// The entry as a line of a brief outline, in the document's language (see [`outline`]).
    pub brief: String,
    /// The entry's words in the full clause tree (see [`outline`]).
    pub full: String,
    /// Listed by a brief outline too. False for an annex's unnumbered text and tables and
    /// what they hold: only the full tree lists them.
    pub in_brief: bool,
}

/// Words of a preambular paragraph without an opener, and of an operative paragraph's or a
/// sub-paragraph's brief line after its number or letter.
const BRIEF_WORDS: usize = 3;
/// Words of any other paragraph's brief line.
const BRIEF_OTHER_WORDS: usize = 5;
/// Words of a part's and an annex's brief heading.
const BRIEF_PART_WORDS: usize = 7;
const BRIEF_ANNEX_WORDS: usize = 12;
/// Words of a preambular paragraph without an opener in the full tree.
const FULL_PREAMBLE_WORDS: usize = 3;
/// Words of a paragraph without a lead in the full tree.
const FULL_WORDS: usize = 6;
/// Words of a non-resolution's text paragraph in the full tree.
const FULL_TEXT_WORDS: usize = 8;
/// Words of an annex's heading in the full tree.
const FULL_ANNEX_WORDS: usize = 10;

/// The outline of `doc`, in reading order: the enacting formula; the preamble's heading and
/// its paragraphs; the operative paragraphs' heading and their paragraphs with their
/// sub-paragraphs; the text of a document that is not a resolution (at depth 0, without a
/// heading); then each part (its preambular, unnumbered and operative paragraphs) and each
/// annex (all its paragraphs; the brief outline keeps its numbered paragraphs and headings).
/// The preamble and the operative paragraphs are headed only when they hold paragraphs; a
/// part or an annex always is.
///
/// Naming, brief: the preamble's and the operative paragraphs' headings in the document's
/// language ([`section_names`]: `الديباجة`, `الفقرات المنطوقة`; `Préambule`, `Dispositif` …), a
/// part by the first seven words of its heading (`A — Budget appropriations for 2023`), an
/// annex by the first twelve of its heading and title; the formula without its closing
/// comma; a paragraph of the preamble by its opener (else its first three words), an
/// operative paragraph by its number and verb (`13 - تقرر` in Arabic, `13. Decides`), a
/// sub-paragraph by its letter and first three words, a table by the word `جدول` or `Table`,
/// any other paragraph (a heading, unnumbered text, a part's preambular paragraph) by its
/// first five words.
///
/// Naming, full: the headings `Preamble` and `Operative`, a part by its title (its letter is
/// `label`), an annex by the first ten words of its heading lines; the whole formula; a
/// paragraph of the preamble by its opener (else three words), a paragraph of a
/// non-resolution's text by its first eight words, any other by its lead, else its first
/// six words. Words cut off are marked `…`.
pub fn outline(doc: &Document) -> Vec<Entry> {
    // About one entry per paragraph: reserved at once, not grown by doubling (a text of
    // 700,000 one-label lines would hold half as much again while its list grows).
    let top = doc.preamble.len() + doc.operative.len() + doc.body.len();
    let annexed: usize = doc.annexes.iter().map(|a| a.paragraphs.len() + 1).sum();
    let mut b = Builder {
        out: Vec::with_capacity(top + annexed + doc.parts.len() + 4),
        rtl: doc.meta.direction == Direction::Rtl,
    };
    if let Some(f) = &doc.enacting_formula {
        let text = f.text();
        b.push(Entry {
            kind: Kind::Formula,
            section: None,
            id: f.id.clone(),
            depth: 0,
            parent: None,
            has_children: false,
            target: Some(f.id.clone()),
            lines_before: 0,
            label: None,
            lead: None,
            brief: text.trim_end_matches(['،', ',']).to_string(),
            full: text,
            in_brief: true,
        });
    }
    let (preamble, operative) = section_names(doc.meta.language);
    for (section, list, brief, full) in [
        (
            Section::Preamble,
            &doc.preamble,
            preamble.to_string(),
            "Preamble",
        ),
        (
            Section::Operative,
            &doc.operative,
            operative.to_string(),
            "Operative",
        ),
    ] {
        if matches!(section, Section::Operative) {
            // Unnumbered text stands between the preamble and the numbered paragraphs.
            for p in &doc.body {
                b.tree(p, None, 0, None, true);
            }
        }
        let Some(first) = list.first() else {
            continue;
        };
        let id = match section {
            Section::Preamble => "preamble",
            _ => "operative",
        };
        let at = b.section(section, id, Some(first), 0, None, (brief, full.into()));
        for p in list {
            b.tree(p, Some(section), 1, Some(at), true);
        }
    }
    for part in &doc.parts {
        b.part(part);
    }
    for annex in &doc.annexes {
        let lines: Vec<&str> = annex.heading_lines().collect();
        let names = (
            first_words(&annex.heading_text(), BRIEF_ANNEX_WORDS),
            first_words(&lines.join(" — "), FULL_ANNEX_WORDS),
        );
        let first = annex.paragraphs.first();
        let at = b.section(Section::Annex, &annex.id, first, lines.len(), None, names);
        for p in &annex.paragraphs {
            let numbered = matches!(p.kind, ParagraphKind::Operative | ParagraphKind::Heading);
            b.tree(p, Some(Section::Annex), 1, Some(at), numbered);
        }
    }
    b.out
}

/// Builds the list, marking each parent as having children.
struct Builder {
    out: Vec<Entry>,
    /// The document is Arabic (right to left): names and numbers as Arabic prints them.
    rtl: bool,
}

impl Builder {
    /// Add an entry; returns its index.
    fn push(&mut self, e: Entry) -> usize {
        if let Some(p) = e.parent.and_then(|p| self.out.get_mut(p)) {
            p.has_children = true;
        }
        self.out.push(e);
        self.out.len() - 1
    }

    /// A section's heading entry going to `first` (after `lines_before` heading lines), with
    /// its label and its brief and full names; returns its index.
    fn section(
        &mut self,
        section: Section,
        id: &str,
        first: Option<&Paragraph>,
        lines_before: usize,
        label: Option<String>,
        (brief, full): (String, String),
    ) -> usize {
        self.push(Entry {
            kind: Kind::Section(section),
            section: Some(section),
            id: id.to_string(),
            depth: 0,
            parent: None,
            has_children: false,
            target: first.map(|p| p.id.clone()),
            lines_before,
            label,
            lead: None,
            brief,
            full,
            in_brief: true,
        })
    }

    /// A part's heading (one line before its first paragraph) and its paragraphs.
    fn part(&mut self, part: &Part) {
        let id = format!("part_{}", part.letter);
        let names = (
            first_words(&part.heading(), BRIEF_PART_WORDS),
            part.title.clone().unwrap_or_default(),
        );
        let label = Some(part.label.clone());
        let at = self.section(Section::Part, &id, part.first_paragraph(), 1, label, names);
        for p in part
            .preamble
            .iter()
            .chain(&part.body)
            .chain(&part.operative)
        {
            self.tree(p, Some(Section::Part), 1, Some(at), true);
        }
    }

    /// A paragraph and its sub-paragraphs, depth first.
    fn tree(
        &mut self,
        p: &Paragraph,
        section: Option<Section>,
        depth: usize,
        parent: Option<usize>,
        in_brief: bool,
    ) {
        let lead = p.lead.clone().filter(|l| !l.trim().is_empty());
        let at = self.push(Entry {
            kind: Kind::Paragraph(p.kind),
            section,
            id: p.id.clone(),
            depth,
            parent,
            has_children: false,
            target: Some(p.id.clone()),
            lines_before: 0,
            label: match p.kind {
                ParagraphKind::Operative => p.number.map(|n| n.to_string()),
                _ => p.label.clone(),
            },
            brief: self.brief(p, section, lead.as_deref()),
            full: full(p, section, lead.as_deref()),
            lead,
            in_brief,
        });
        for c in &p.children {
            self.tree(c, section, depth + 1, Some(at), in_brief);
        }
    }

    /// A paragraph's brief line (see [`outline`]).
    fn brief(&self, p: &Paragraph, section: Option<Section>, lead: Option<&str>) -> String {
        let named = || lead_or_words(p, lead, BRIEF_WORDS);
        if section == Some(Section::Preamble) {
            return named();
        }
        match p.kind {
            ParagraphKind::Operative => match p.number {
                Some(n) if self.rtl => format!("{n} - {}", named()),
                Some(n) => format!("{n}. {}", named()),
                None => named(),
            },
            ParagraphKind::SubParagraph => format!(
                "({}) {}",
                p.label.as_deref().unwrap_or(""),
                first_words(&p.text(), BRIEF_WORDS)
            ),
            ParagraphKind::Table if self.rtl => "جدول".to_string(),
            ParagraphKind::Table => "Table".to_string(),
            _ => first_words(&p.text(), BRIEF_OTHER_WORDS),
        }
    }
}

/// A paragraph's words in the full tree (see [`outline`]).
fn full(p: &Paragraph, section: Option<Section>, lead: Option<&str>) -> String {
    match section {
        Some(Section::Preamble) => lead_or_words(p, lead, FULL_PREAMBLE_WORDS),
        None => first_words(&p.text(), FULL_TEXT_WORDS),
        Some(_) => lead_or_words(p, lead, FULL_WORDS),
    }
}

/// The lead, else the first `n` words of the paragraph.
fn lead_or_words(p: &Paragraph, lead: Option<&str>, n: usize) -> String {
    match lead {
        Some(l) => l.to_string(),
        None => first_words(&p.text(), n),
    }
}

/// The preamble's and the operative paragraphs' headings in a language, as the UN names them
/// (UNTERM): الديباجة، الفقرات المنطوقة; préambule, dispositif; preámbulo, parte dispositiva;
/// преамбула, постановляющая часть; 序言部分, 执行部分.
pub fn section_names(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::Ar => ("الديباجة", "الفقرات المنطوقة"),
        Language::Fr => ("Préambule", "Dispositif"),
        Language::Es => ("Preámbulo", "Parte dispositiva"),
        Language::Ru => ("Преамбула", "Постановляющая часть"),
        Language::Zh => ("序言部分", "执行部分"),
        Language::En => ("Preamble", "Operative paragraphs"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annex, Run, RunKind};

    fn para(id: &str, kind: ParagraphKind, text: &str) -> Paragraph {
        let mut p = Paragraph::new(id, kind);
        p.runs = vec![Run::plain(text)];
        p
    }

    fn with_lead(mut p: Paragraph, lead: &str) -> Paragraph {
        let rest = crate::model::runs_text(&p.runs);
        p.runs = vec![Run::new(RunKind::Lead, lead, None), Run::plain(rest)];
        p.lead = Some(lead.to_string());
        p
    }

    fn find<'a>(entries: &'a [Entry], id: &str) -> &'a Entry {
        entries
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("no entry {id}"))
    }

    /// Every parent stands before its children, one level up, and knows it has them.
    fn well_formed(entries: &[Entry]) {
        for (i, e) in entries.iter().enumerate() {
            match e.parent {
                Some(p) => {
                    assert!(p < i, "{e:?}");
                    assert_eq!(entries[p].depth + 1, e.depth, "{e:?}");
                    assert!(entries[p].has_children, "{:?}", entries[p]);
                }
                None => assert_eq!(e.depth, 0, "{e:?}"),
            }
            let children = entries.iter().any(|c| c.parent == Some(i));
            assert_eq!(e.has_children, children, "{e:?}");
        }
    }

    #[test]
    fn section_headings_are_the_un_terms_of_the_document_language() {
        for (name, preamble, operative) in [
            ("75_10_F.xml", "Préambule", "Dispositif"),
            ("75_10_C.xml", "序言部分", "执行部分"),
            ("75_10_E.xml", "Preamble", "Operative paragraphs"),
        ] {
            let Some(path) = qarar_testkit::akn_file(name) else {
                continue;
            };
            let doc = crate::load_path(&path).expect("loads");
            let entries = outline(&doc);
            let brief = |s: Section| {
                entries
                    .iter()
                    .find(|e| e.kind == Kind::Section(s))
                    .map(|e| e.brief.clone())
            };
            assert_eq!(
                brief(Section::Preamble).as_deref(),
                Some(preamble),
                "{name}"
            );
            assert_eq!(
                brief(Section::Operative).as_deref(),
                Some(operative),
                "{name}"
            );
        }
        assert_eq!(
            section_names(Language::Ru),
            ("Преамбула", "Постановляющая часть")
        );
    }

    #[test]
    fn the_seed_is_its_formula_preamble_and_operative_paragraphs_named_in_arabic() {
        // The crate under test, not the testkit's copy of it, reads the files.
        let seed = std::path::Path::new(qarar_testkit::SEED_PATH);
        let doc = crate::load_path(seed).expect("the seed loads");
        let entries = outline(&doc);
        well_formed(&entries);
        let formula = &entries[0];
        assert_eq!(formula.kind, Kind::Formula);
        assert_eq!(formula.brief, "إن الجمعية العامة");
        assert_eq!(formula.full, "إن الجمعية العامة،");

        let preamble = &entries[1];
        assert_eq!(preamble.kind, Kind::Section(Section::Preamble));
        assert_eq!(preamble.brief, "الديباجة");
        assert_eq!(preamble.full, "Preamble");
        assert_eq!(preamble.target.as_deref(), Some("preamble_1"));
        let under = |i: usize| entries.iter().filter(|e| e.parent == Some(i)).count();
        assert_eq!(under(1), 21);
        let p2 = find(&entries, "preamble_2");
        assert_eq!((p2.depth, p2.parent), (1, Some(1)));
        assert_eq!(p2.lead.as_deref(), Some("وإنه تشير أيضا"));
        assert_eq!(p2.brief, "وإنه تشير أيضا");
        assert_eq!(p2.full, "وإنه تشير أيضا");

        let (at, operative) = entries
            .iter()
            .enumerate()
            .find(|(_, e)| e.kind == Kind::Section(Section::Operative))
            .expect("operative heading");
        assert_eq!(operative.brief, "الفقرات المنطوقة");
        assert_eq!(under(at), 16);
        let p13 = find(&entries, "para_13");
        assert_eq!(p13.kind, Kind::Paragraph(ParagraphKind::Operative));
        assert_eq!(p13.label.as_deref(), Some("13"));
        assert_eq!(p13.brief, "13 - تشجيع");
        assert_eq!(p13.full, "تشجيع");
        let subs: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.id.starts_with("para_13_"))
            .collect();
        assert_eq!(subs.len(), 5);
        let a = subs[0];
        assert_eq!((a.depth, a.label.as_deref()), (2, Some("أ")));
        assert_eq!(a.brief, "(أ) منظومة الإنتربول العالمية …");
        assert_eq!(
            a.full,
            "منظومة الإنتربول العالمية للاتصالات الشرطية المأمونة …"
        );
        assert!(entries.iter().all(|e| e.in_brief));
    }

    #[test]
    fn an_annex_is_headed_by_its_heading_lines_and_its_loose_text_is_only_in_the_full_tree() {
        let path = qarar_testkit::repo("tests/fixtures/annex_sections/programme_E.xml");
        let doc = crate::load_path(&path).expect("the fixture loads");
        let entries = outline(&doc);
        well_formed(&entries);
        let (at, annex) = entries
            .iter()
            .enumerate()
            .find(|(_, e)| e.kind == Kind::Section(Section::Annex))
            .expect("annex heading");
        assert_eq!(annex.id, "annex_1");
        assert_eq!(
            annex.brief,
            "Annex — Programme of action on coastal resilience"
        );
        assert_eq!(annex.full, annex.brief);
        // "Annex" and the title stand before the first paragraph.
        assert_eq!(annex.lines_before, 2);
        assert_eq!(annex.target.as_deref(), Some("annex_1.sec_1"));
        let under: Vec<&str> = entries
            .iter()
            .filter(|e| e.parent == Some(at))
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(under.len(), doc.annexes[0].paragraphs.len());
        let heading = find(&entries, "annex_1.sec_1");
        assert_eq!(heading.kind, Kind::Paragraph(ParagraphKind::Heading));
        assert_eq!(heading.brief, "I. Introduction");
        assert!(heading.in_brief);
        let loose = find(&entries, "annex_1.p_1");
        assert!(
            !loose.in_brief,
            "unnumbered text between numbered paragraphs"
        );
        assert_eq!(loose.full, "Reports are published on the website …");
        let p2 = find(&entries, "annex_1.para_2");
        assert_eq!(p2.brief, "2. The programme has …");
        assert_eq!(p2.full, "The programme has three aims:");
        let b = find(&entries, "annex_1.para_2_b");
        assert_eq!((b.depth, b.in_brief), (2, true));
        assert_eq!(b.brief, "(b) To restore mangroves …");
        assert_eq!(b.full, "To restore mangroves and dunes;");
    }

    #[test]
    fn parts_are_headed_by_letter_and_title_and_go_to_their_first_paragraph() {
        let path = qarar_testkit::repo("tests/fixtures/variants/77_264_E.word.txt");
        let doc = crate::load_path(&path).expect("the fixture loads");
        let entries = outline(&doc);
        well_formed(&entries);
        let parts: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.kind == Kind::Section(Section::Part))
            .collect();
        let ids: Vec<&str> = parts.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["part_A", "part_B", "part_C"]);
        let a = parts[0];
        assert_eq!(a.label.as_deref(), Some("A"));
        assert_eq!(a.full, "Budget appropriations for 2023");
        assert_eq!(a.brief, "A — Budget appropriations for 2023");
        // The heading stands one line before the part's own formula, not an entry itself.
        let formula = doc.parts[0].enacting_formula.as_ref().expect("its formula");
        assert_eq!((a.lines_before, a.target.as_ref()), (1, Some(&formula.id)));
        assert!(entries.iter().all(|e| e.id != formula.id));
        let p1 = find(&entries, "A.para_1");
        assert_eq!((p1.depth, p1.section), (1, Some(Section::Part)));
        assert_eq!(p1.brief, "1. Appropriations");
        assert_eq!(p1.full, "Appropriations");
        assert_eq!(find(&entries, "B.text_1").full, "Resolves that, for 2023:");
    }

    #[test]
    fn an_arabic_annex_is_headed_and_numbered_as_arabic_prints_them() {
        let Some(path) = qarar_testkit::akn_file("76_7_A.xml") else {
            return;
        };
        let doc = crate::load_path(&path).expect("76/7 loads");
        let entries = outline(&doc);
        well_formed(&entries);
        let annex = find(&entries, "annex_1");
        assert!(annex.brief.starts_with("المرفق — "), "{}", annex.brief);
        assert_eq!(annex.lines_before, 2);
        let p1 = find(&entries, "annex_1.para_1");
        assert!(p1.brief.starts_with("1 - "), "{}", p1.brief);
        assert!(p1.in_brief);
    }

    /// A resolution with a part (a preambular paragraph, a table) and an annex holding a
    /// table, and a lone text paragraph.
    fn built(direction: Direction) -> Document {
        let mut doc = Document::default();
        doc.meta.direction = direction;
        let mut op = with_lead(
            para("A.para_1", ParagraphKind::Operative, " the sums below:"),
            "Approves",
        );
        op.number = Some(1);
        op.children
            .push(para("A.para_1_table_1", ParagraphKind::Table, "Item\t100"));
        doc.parts.push(Part {
            letter: "A".into(),
            label: "A".into(),
            title: None,
            enacting_formula: None,
            preamble: vec![with_lead(
                para(
                    "A.preamble_1",
                    ParagraphKind::Preamble,
                    " its resolution 77/262 of 30 December 2022,",
                ),
                "Recalling",
            )],
            body: Vec::new(),
            operative: vec![op],
        });
        doc.annexes.push(Annex {
            id: "annex_1".into(),
            heading: None,
            title: None,
            paragraphs: vec![para("annex_1.table_1", ParagraphKind::Table, "a\tb")],
        });
        doc
    }

    #[test]
    fn tables_are_named_as_such_and_a_parts_preamble_by_its_first_words() {
        let entries = outline(&built(Direction::Ltr));
        well_formed(&entries);
        let part = find(&entries, "part_A");
        // Without a title, the heading is the letter alone.
        assert_eq!((part.brief.as_str(), part.full.as_str()), ("A", ""));
        let pre = find(&entries, "A.preamble_1");
        assert_eq!(pre.brief, "Recalling its resolution 77/262 of …");
        assert_eq!(pre.full, "Recalling");
        let table = find(&entries, "A.para_1_table_1");
        assert_eq!((table.depth, table.label.as_deref()), (2, None));
        assert_eq!(table.brief, "Table");
        assert_eq!(table.full, "Item 100");
        let annex = find(&entries, "annex_1");
        // No heading lines: the brief heading is the id, the full one empty.
        assert_eq!((annex.brief.as_str(), annex.full.as_str()), ("annex_1", ""));
        assert_eq!(annex.lines_before, 0);
        assert!(!find(&entries, "annex_1.table_1").in_brief);
        let arabic = outline(&built(Direction::Rtl));
        assert_eq!(find(&arabic, "A.para_1_table_1").brief, "جدول");
        assert_eq!(find(&arabic, "A.para_1").brief, "1 - Approves");
    }

    #[test]
    fn text_that_is_not_a_resolution_stands_at_the_top_named_by_its_first_words() {
        let mut doc = Document::default();
        doc.meta.direction = Direction::Ltr;
        let long = "Conditions of service and compensation for officials other than \
                    Secretariat officials";
        doc.body
            .push(with_lead(para("text_1", ParagraphKind::Plain, ""), long));
        let mut blank = para("text_2", ParagraphKind::Plain, "A short line");
        blank.lead = Some("  ".into());
        doc.body.push(blank);
        let entries = outline(&doc);
        well_formed(&entries);
        assert_eq!(entries.len(), 2);
        let t1 = &entries[0];
        assert_eq!((t1.depth, t1.section, t1.parent), (0, None, None));
        assert_eq!(
            t1.full,
            "Conditions of service and compensation for officials other …"
        );
        assert_eq!(t1.brief, "Conditions of service and compensation …");
        // A blank lead is no lead.
        assert_eq!(entries[1].lead, None);
        assert_eq!(entries[1].full, "A short line");
        // Neither preamble nor operative heading without paragraphs.
        assert!(entries.iter().all(|e| !matches!(e.kind, Kind::Section(_))));
    }
}
