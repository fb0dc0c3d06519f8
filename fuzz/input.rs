//! Structure-aware fuzz input, shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`) and the
//! stable regression test (`crates/export/tests/export/fuzz_regressions.rs`), both through `#[path]`: an
//! [`Arbitrary`] description of a resolution and its annotations, the conversion to a
//! [`Document`] and [`Annotation`]s, and the checks every export must pass.
//!
//! Text comes from arbitrary strings mixed with fragments that have broken exporters before
//! or could (PDF object syntax, markup, bidi controls, NUL, combining marks, long
//! repetitions); paragraph ids are mostly unique and sometimes repeated or odd; references
//! and footnote markers sometimes point nowhere; annotations name real paragraphs with
//! arbitrary ranges, quotes, contexts, notes, tags and note languages.

#![allow(dead_code, unreachable_pub)]

use arbitrary::{Arbitrary, Result, Unstructured};
use qarar_annotations::{Annotation, Color, Quote};
use qarar_document::model::{
    Annex, CellSpan, Closing, Direction, Document, Footnote, Language, Metadata, Paragraph,
    ParagraphKind, Part, Reference, ReferenceKind, Run, RunKind, SourceFormat, Table, TableRow,
};

/// Fragments worth combining.
const FRAGMENTS: &[&str] = &[
    "إن الجمعية العامة،",
    "تقرر أن تدرج في جدول الأعمال المؤقت لدورتها",
    "الأمم المتحدة",
    "ﻻ إِلـٰهَ",
    "١٢٣",
    "The General Assembly,",
    "Decides to include",
    "resolution 75/10 of 17 November 2020",
    "A/RES/75/10",
    "19 0 obj << /Type /Action /S /JavaScript /JS (app.alert(1)) >> endobj",
    "trailer << /Root 19 0 R >> startxref 0 %%EOF",
    ") Tj ET BT /F1 12 Tf (",
    "\\",
    "(",
    ")",
    "<script>alert(1)</script>",
    "</p><p>",
    "]]><!--",
    "&amp;&lt;&#0;",
    "\"'`",
    "<w:t>",
    "</akomaNtoso>",
    "\u{200F}",
    "\u{202E}",
    "\u{2066}",
    "\u{0}",
    "\u{FEFF}",
    "\u{FFFD}",
    "\u{0651}\u{064E}",
    "\u{0640}",
    " ",
    "\n",
    "\t",
    "  ",
    "😀",
    "𝔸",
    "e\u{301}",
];

/// A piece of text.
#[derive(Debug, Clone)]
pub struct Text(pub String);

impl<'a> Arbitrary<'a> for Text {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let parts = u.int_in_range(0..=4u8)?;
        let mut s = String::new();
        for _ in 0..parts {
            match u.int_in_range(0..=5u8)? {
                0 | 1 => s.push_str(&String::arbitrary(u)?),
                2..=4 => s.push_str(u.choose(FRAGMENTS)?),
                _ => {
                    // Long repetitions: large paragraphs for quadratic blow-ups.
                    let piece = u.choose(FRAGMENTS)?;
                    let times = u.int_in_range(1..=500u16)?;
                    s.push_str(&piece.repeat(times as usize));
                }
            }
        }
        Ok(Text(s))
    }
}

#[derive(Debug, Arbitrary)]
pub struct RunSpec {
    kind: u8,
    text: Text,
    /// Index of a footnote / reference (may point past the end).
    target: u8,
    source: Option<(u16, u16)>,
}

#[derive(Debug, Arbitrary)]
pub struct ParaSpec {
    kind: u8,
    /// 0: a fresh unique id; 1: repeat an earlier one; 2: this text as the id.
    id_mode: u8,
    id_text: Text,
    number: Option<u32>,
    label: Option<Text>,
    lead: Option<Text>,
    runs: Vec<RunSpec>,
    children: Vec<ParaSpec>,
    table: Option<Vec<(bool, Vec<Vec<RunSpec>>)>>,
    source: (u16, u16),
}

#[derive(Debug, Arbitrary)]
pub struct PartSpec {
    letter: Text,
    label: Text,
    title: Option<Text>,
    enacting: Option<ParaSpec>,
    preamble: Vec<ParaSpec>,
    operative: Vec<ParaSpec>,
    body: Vec<ParaSpec>,
}

#[derive(Debug, Arbitrary)]
pub struct AnnexSpec {
    heading: Option<Text>,
    title: Option<Text>,
    paragraphs: Vec<ParaSpec>,
}

#[derive(Debug, Arbitrary)]
pub struct FootSpec {
    marker: Text,
    paragraph: Option<u8>,
    runs: Vec<RunSpec>,
}

#[derive(Debug, Arbitrary)]
pub struct RefSpec {
    kind: u8,
    target: Text,
    text: Text,
    paragraph: u8,
}

#[derive(Debug, Arbitrary)]
pub struct AnnotationSpec {
    /// Index of the paragraph it names (past the end: an id no paragraph has).
    paragraph: u16,
    start: u32,
    len: u32,
    /// Made like the window makes them (quote taken from the text), else fields as given.
    made: bool,
    quote: Option<Text>,
    prefix: Option<Text>,
    suffix: Option<Text>,
    position: Option<(u32, u32)>,
    whole_paragraph: bool,
    color: u8,
    note: Text,
    note_language: Option<Text>,
    tags: Vec<Text>,
    created: Text,
    modified: Text,
}

/// A resolution and annotations on it.
#[derive(Debug, Arbitrary)]
pub struct Spec {
    language: u8,
    direction_ltr: bool,
    akn: bool,
    symbol: Option<Text>,
    organ: Option<Text>,
    session: Option<u32>,
    agenda_item: Option<Text>,
    adopted: Option<Text>,
    issued: Option<Text>,
    originating: Vec<Text>,
    title: Option<Text>,
    cover: Vec<Text>,
    source_text: Text,
    title_line: Option<Text>,
    enacting: Option<ParaSpec>,
    preamble: Vec<ParaSpec>,
    operative: Vec<ParaSpec>,
    body: Vec<ParaSpec>,
    footnotes: Vec<FootSpec>,
    references: Vec<RefSpec>,
    closing: Option<(Option<Text>, Option<Text>, Option<Text>)>,
    parts: Vec<PartSpec>,
    annexes: Vec<AnnexSpec>,
    annotations: Vec<AnnotationSpec>,
}

const KINDS: [ParagraphKind; 7] = [
    ParagraphKind::EnactingFormula,
    ParagraphKind::Preamble,
    ParagraphKind::Operative,
    ParagraphKind::SubParagraph,
    ParagraphKind::Plain,
    ParagraphKind::Heading,
    ParagraphKind::Table,
];

const LANGUAGES: [Language; 6] = [
    Language::Ar,
    Language::En,
    Language::Fr,
    Language::Es,
    Language::Ru,
    Language::Zh,
];

struct Builder {
    next_id: usize,
    ids: Vec<String>,
    footnotes: usize,
    references: usize,
}

fn text(t: &Option<Text>) -> Option<String> {
    t.as_ref().map(|t| t.0.clone())
}

fn range((a, b): (u16, u16)) -> std::ops::Range<usize> {
    a as usize..b as usize
}

impl Builder {
    fn run(&self, r: &RunSpec) -> Run {
        let kind = match r.kind % 5 {
            0 => RunKind::Plain,
            1 => RunKind::Lead,
            2 => RunKind::Emphasis,
            3 => RunKind::FootnoteMarker {
                footnote: format!("fn{}", r.target as usize % (self.footnotes + 2)),
            },
            _ => RunKind::Reference {
                reference: r.target as usize % (self.references + 2),
            },
        };
        Run::new(kind, r.text.0.clone(), r.source.map(range))
    }

    fn paragraph(&mut self, p: &ParaSpec, depth: usize) -> Paragraph {
        let id = match p.id_mode % 8 {
            1 if !self.ids.is_empty() => {
                self.ids[p.number.unwrap_or(0) as usize % self.ids.len()].clone()
            }
            2 => p.id_text.0.clone(),
            _ => {
                self.next_id += 1;
                format!("para_{}", self.next_id)
            }
        };
        self.ids.push(id.clone());
        let mut out = Paragraph::new(id, KINDS[p.kind as usize % KINDS.len()]);
        out.number = p.number;
        out.label = text(&p.label);
        out.lead = text(&p.lead);
        out.runs = p.runs.iter().map(|r| self.run(r)).collect();
        out.source = range(p.source);
        if depth < 4 {
            out.children = p
                .children
                .iter()
                .map(|c| self.paragraph(c, depth + 1))
                .collect();
        }
        out.table = p.table.as_ref().map(|rows| Table {
            rows: rows
                .iter()
                .map(|(header, cells)| TableRow {
                    header: *header,
                    cells: cells
                        .iter()
                        .map(|c| c.iter().map(|r| self.run(r)).collect())
                        .collect(),
                })
                .collect(),
            // Header rows' first cells span columns and rows (from the shape of the input,
            // so that stored inputs keep their meaning).
            spans: rows
                .iter()
                .enumerate()
                .filter(|(_, (header, cells))| *header && !cells.is_empty())
                .map(|(r, (_, cells))| CellSpan {
                    row: r,
                    cell: 0,
                    cols: 1 + cells.len() % 3,
                    rows: 1 + r % 3,
                })
                .collect(),
        });
        out
    }

    fn paragraphs(&mut self, ps: &[ParaSpec]) -> Vec<Paragraph> {
        ps.iter().map(|p| self.paragraph(p, 0)).collect()
    }
}

impl Spec {
    /// The document and the annotations on it.
    pub fn build(&self) -> (Document, Vec<Annotation>) {
        let mut b = Builder {
            next_id: 0,
            ids: Vec::new(),
            footnotes: self.footnotes.len(),
            references: self.references.len(),
        };
        let language = LANGUAGES[self.language as usize % LANGUAGES.len()];
        let mut doc = Document {
            meta: Metadata {
                symbol: text(&self.symbol),
                language,
                direction: if self.direction_ltr {
                    Direction::Ltr
                } else {
                    Direction::Rtl
                },
                organ: text(&self.organ),
                session: self.session,
                agenda_item: text(&self.agenda_item),
                adopted: text(&self.adopted),
                issued: text(&self.issued),
                originating: self.originating.iter().map(|t| t.0.clone()).collect(),
                title: text(&self.title),
                cover: self.cover.iter().map(|t| t.0.clone()).collect(),
            },
            format: if self.akn {
                SourceFormat::AkomaNtoso
            } else {
                SourceFormat::PlainText
            },
            source_text: self.source_text.0.clone(),
            encoding: "utf-8".into(),
            title_line: text(&self.title_line),
            ..Document::default()
        };
        doc.enacting_formula = self.enacting.as_ref().map(|p| b.paragraph(p, 0));
        doc.preamble = b.paragraphs(&self.preamble);
        doc.operative = b.paragraphs(&self.operative);
        doc.body = b.paragraphs(&self.body);
        doc.parts = self
            .parts
            .iter()
            .map(|p| Part {
                letter: p.letter.0.clone(),
                label: p.label.0.clone(),
                title: text(&p.title),
                enacting_formula: p.enacting.as_ref().map(|e| b.paragraph(e, 0)),
                preamble: b.paragraphs(&p.preamble),
                operative: b.paragraphs(&p.operative),
                body: b.paragraphs(&p.body),
            })
            .collect();
        doc.annexes = self
            .annexes
            .iter()
            .enumerate()
            .map(|(i, a)| Annex {
                id: format!("annex_{}", i + 1),
                heading: text(&a.heading),
                title: text(&a.title),
                paragraphs: b.paragraphs(&a.paragraphs),
            })
            .collect();
        let ids = b.ids.clone();
        let pick = |i: u8| ids.get(i as usize % (ids.len() + 1)).cloned();
        doc.footnotes = self
            .footnotes
            .iter()
            .enumerate()
            .map(|(i, f)| Footnote {
                id: format!("fn{i}"),
                marker: f.marker.0.clone(),
                paragraph: f.paragraph.and_then(pick),
                runs: f.runs.iter().map(|r| b.run(r)).collect(),
                source: 0..0,
            })
            .collect();
        doc.references = self
            .references
            .iter()
            .map(|r| Reference {
                kind: [
                    ReferenceKind::Resolution,
                    ReferenceKind::Decision,
                    ReferenceKind::Document,
                    ReferenceKind::Treaty,
                    ReferenceKind::Paragraph,
                ][r.kind as usize % 5],
                target: r.target.0.clone(),
                text: r.text.0.clone(),
                paragraph: pick(r.paragraph).unwrap_or_default(),
            })
            .collect();
        doc.closing = self.closing.as_ref().map(|(m, t, d)| Closing {
            meeting: text(m),
            date_text: text(t),
            date: text(d),
        });
        let annotations = self
            .annotations
            .iter()
            .enumerate()
            .map(|(i, a)| annotation(&doc, i, a))
            .collect();
        (doc, annotations)
    }
}

fn annotation(doc: &Document, i: usize, a: &AnnotationSpec) -> Annotation {
    let paragraphs = doc.paragraphs();
    let named = paragraphs.get(a.paragraph as usize % (paragraphs.len() + 1));
    let color = Color::ALL[a.color as usize % Color::ALL.len()];
    if a.made
        && let Some((_, p)) = named
    {
        let len = p.text().chars().count();
        let start = a.start as usize % (len + 1);
        let end = start + a.len as usize % (len - start + 1);
        let made = if a.whole_paragraph {
            Annotation::new_on_paragraph(doc, &p.id, color)
        } else {
            Annotation::new_on_passage(doc, &p.id, start..end, color)
        };
        if let Ok(mut made) = made {
            made.set_note(a.note.0.clone());
            made.set_tags(a.tags.iter().map(|t| t.0.clone()));
            made.note_language = text(&a.note_language);
            return made;
        }
    }
    Annotation {
        id: format!("urn:x-fuzz:{i}"),
        created: a.created.0.clone(),
        modified: a.modified.0.clone(),
        color,
        note: a.note.0.clone(),
        note_language: text(&a.note_language),
        tags: a.tags.iter().map(|t| t.0.clone()).collect(),
        target: named
            .map(|(_, p)| p.id.clone())
            .unwrap_or_else(|| "nowhere".into()),
        quote: Quote {
            exact: text(&a.quote).unwrap_or_default(),
            prefix: text(&a.prefix).unwrap_or_default(),
            suffix: text(&a.suffix).unwrap_or_default(),
        },
        position: a.position.map(|(s, e)| s as usize..e as usize),
        whole_paragraph: a.whole_paragraph,
    }
}

// ---------------------------------------------------------------------------------------
// What every export must satisfy.

/// A PDF that a real parser reads, with no action, script or launch object anywhere (text
/// must never become PDF syntax).
pub fn check_pdf(bytes: &[u8]) {
    let pdf = lopdf::Document::load_mem(bytes).expect("the exported PDF parses");
    for (id, object) in &pdf.objects {
        let dict = match object {
            lopdf::Object::Dictionary(d) => d,
            lopdf::Object::Stream(s) => &s.dict,
            _ => continue,
        };
        for key in [&b"JS"[..], b"JavaScript", b"Launch", b"OpenAction", b"AA"] {
            assert!(
                !dict.has(key),
                "object {id:?} has /{}",
                String::from_utf8_lossy(key)
            );
        }
        if let Ok(lopdf::Object::Name(s)) = dict.get(b"S") {
            assert!(
                !matches!(s.as_slice(), b"JavaScript" | b"Launch" | b"ImportData"),
                "object {id:?} is a /{} action",
                String::from_utf8_lossy(s)
            );
        }
    }
}

/// Well-formed XML.
pub fn check_xml(what: &str, bytes: &[u8]) {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut depth: i64 = 0;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(_) => {}
            Err(e) => panic!(
                "{what}: not well-formed XML at {}: {e}",
                reader.buffer_position()
            ),
        }
        buf.clear();
    }
    assert_eq!(depth, 0, "{what}: unbalanced elements");
}

/// A zip whose XML parts are well-formed.
pub fn check_docx(bytes: &[u8]) {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("the DOCX is a zip");
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("a zip entry");
        let name = file.name().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).expect("a zip entry reads");
        if name.ends_with(".xml") || name.ends_with(".rels") {
            check_xml(&name, &content);
        }
    }
}

/// The HTML is UTF-8 and no text of the document opened a `<script>` element.
pub fn check_html(bytes: &[u8]) {
    let html = std::str::from_utf8(bytes).expect("the HTML is UTF-8");
    assert!(
        !html.contains("<script>alert"),
        "document text became markup"
    );
}

/// Read `data` as a W3C annotation file; what was read must write and read back the same.
pub fn check_w3c(data: &[u8]) {
    use qarar_annotations::{DocumentIdentity, w3c};
    let Ok(parsed) = w3c::parse_bytes(data) else {
        return;
    };
    let identity = parsed.source.clone().unwrap_or(DocumentIdentity {
        symbol: Some("A/RES/75/10".into()),
        language: Language::Ar,
        content_hash: "0f".repeat(32),
    });
    let text = w3c::to_page_string(&identity, &parsed.annotations, &parsed.deleted);
    let again = w3c::parse_str(&text).expect("Qarar reads the file it wrote");
    assert_eq!(again.annotations.len(), parsed.annotations.len(), "{text}");
    assert_eq!(again.deleted.len(), parsed.deleted.len(), "{text}");
}
