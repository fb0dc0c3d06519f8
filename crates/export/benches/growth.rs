//! Growth benchmarks of the window-free crates, each input scaled ×1, ×4 and ×16: linear
//! code takes about 4× and 16× the time of the ×1 case (issue 30; figures in the README).
//!
//! * `growth/table_spans/N`: the grid and the Markdown of a table of N × 50 rows × 60
//!   cells, every cell with `colspan` and `rowspan` 100000 (was quadratic and unbounded).
//! * `growth/table_colspan/N`: the HTML of N × 1,250 rows × 60 cells, each `colspan="2"`
//!   (a linear search per cell).
//! * `growth/compare_alike/N`: comparing N × 500 paragraphs of common words with copies
//!   each changed by one word (alignment was quadratic).
//! * `growth/word_diff/N`: comparing one paragraph of N × 320 KB with an edited copy
//!   (the word diff had no deadline).
//! * `growth/pdf_table/N`: the PDF of a table of N × 60 rows × 60 cells (each line looked
//!   for its cell among all of them).
//! * `growth/pdf_spans/N`: the PDF of one paragraph of N × 700 words, every other one in
//!   italics (cosmic-text 0.19 reads every span of a line for each word it shapes).
//! * `growth/docx_rtl_gaps/N`: the DOCX of an Arabic paragraph of N × 4 KB whose two Latin
//!   words stand either side of a stretch of figures (the script chunker looked for the
//!   next letter from every character).
//! * `growth/pdf_annexes/N`: the PDF of N × 1,000 annexes of one paragraph each.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use qarar_document::model::{
    Annex, CellSpan, Document, Paragraph, ParagraphKind, Run, RunKind, Table, TableRow,
};
use qarar_document::{Direction, Language};
use qarar_export::placed::place;
use qarar_export::{Format, render};
use std::hint::black_box;
use std::time::Duration;

const SCALES: [usize; 3] = [1, 4, 16];

/// Deterministic pseudo-random numbers.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// A document holding one table of `rows` × `cols` cells, each spanning `span` × `down`.
fn table_doc(rows: usize, cols: usize, span: usize, down: usize) -> Document {
    let mut table = Table::default();
    for r in 0..rows {
        table.rows.push(TableRow {
            header: r == 0,
            cells: (0..cols)
                .map(|c| vec![Run::plain(format!("r{r}c{c}"))])
                .collect(),
        });
        if span > 1 || down > 1 {
            table.spans.extend((0..cols).map(|cell| CellSpan {
                row: r,
                cell,
                cols: span,
                rows: down,
            }));
        }
    }
    let mut p = Paragraph::new("table_1", ParagraphKind::Table);
    p.table = Some(table);
    let mut doc = Document::default();
    doc.operative.push(p);
    doc
}

fn table_spans(c: &mut Criterion) {
    render_growth(c, "table_spans", Format::Md, |n| {
        table_doc(n * 50, 60, 100_000, 100_000)
    });
    let mut group = c.benchmark_group("growth/table_colspan");
    group.sample_size(10);
    for scale in SCALES {
        let doc = table_doc(scale * 1_250, 60, 2, 1);
        group.bench_with_input(BenchmarkId::from_parameter(scale), &doc, |b, doc| {
            b.iter(|| black_box(qarar_export::html::export(doc, &place(doc, &[])).map(|v| v.len())))
        });
    }
    group.finish();
}

/// `n` paragraphs of 23 words drawn from 210 made-up words, and the same each changed by
/// one word.
fn alike(n: usize) -> (Document, Document) {
    let heads = [
        "ka", "lo", "mi", "na", "pe", "ru", "sa", "te", "vo", "za", "bi", "do", "fu", "ga", "ho",
    ];
    let tails = [
        "ram", "sel", "tin", "vok", "lum", "dar", "pes", "gor", "nim", "bas", "kel", "fot", "hun",
        "jas",
    ];
    let words: Vec<String> = heads
        .iter()
        .flat_map(|h| tails.iter().map(move |t| format!("{h}{t}")))
        .collect();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let (mut old, mut new) = (Document::default(), Document::default());
    for i in 0..n {
        let mut text: Vec<&str> = (0..23)
            .map(|_| words[rng.below(words.len())].as_str())
            .collect();
        let mut p = Paragraph::new(format!("para_{}", i + 1), ParagraphKind::Operative);
        p.number = u32::try_from(i + 1).ok();
        p.runs.push(Run::plain(text.join(" ")));
        old.operative.push(p.clone());
        text[rng.below(23)] = "changed";
        p.runs = vec![Run::plain(text.join(" "))];
        new.operative.push(p);
    }
    (old, new)
}

fn compare_alike(c: &mut Criterion) {
    let mut group = c.benchmark_group("growth/compare_alike");
    group.sample_size(10);
    for scale in SCALES {
        let docs = alike(scale * 500);
        group.bench_with_input(
            BenchmarkId::from_parameter(scale),
            &docs,
            |b, (old, new)| b.iter(|| black_box(qarar_compare::compare(old, new).summary.changed)),
        );
    }
    group.finish();
}

fn word_diff(c: &mut Criterion) {
    let mut group = c.benchmark_group("growth/word_diff");
    group.sample_size(10);
    for scale in SCALES {
        let text = "the general assembly decides and requests the secretary ".repeat(scale * 5_700);
        let edited = text.replacen("decides", "resolves", scale * 400);
        let doc = |t: &str| {
            let mut d = Document::default();
            let mut p = Paragraph::new("para_1", ParagraphKind::Operative);
            p.runs.push(Run::plain(t));
            d.operative.push(p);
            d
        };
        let docs = (doc(&text), doc(&edited));
        group.bench_with_input(
            BenchmarkId::from_parameter(scale),
            &docs,
            |b, (old, new)| b.iter(|| black_box(qarar_compare::compare(old, new).coarse.len())),
        );
    }
    group.finish();
}

/// Growth of writing `format` from `make(scale)` at each scale, as `growth/NAME/scale`.
fn render_growth(c: &mut Criterion, name: &str, format: Format, make: impl Fn(usize) -> Document) {
    let mut group = c.benchmark_group(format!("growth/{name}"));
    group.sample_size(10);
    for scale in SCALES {
        let doc = make(scale);
        group.bench_with_input(BenchmarkId::from_parameter(scale), &doc, |b, doc| {
            b.iter(|| black_box(render(format, doc, &[]).map(|v| v.len())))
        });
    }
    group.finish();
}

fn pdf_table(c: &mut Criterion) {
    render_growth(c, "pdf_table", Format::Pdf, |n| table_doc(n * 60, 60, 1, 1));
}

/// One paragraph of `words` words, every other one in italics: a span per word.
fn spans_doc(words: usize) -> Document {
    let mut p = Paragraph::new("para_1", ParagraphKind::Operative);
    p.number = Some(1);
    for i in 0..words {
        let kind = if i % 2 == 0 {
            RunKind::Plain
        } else {
            RunKind::Emphasis
        };
        p.runs
            .push(Run::new(kind, format!("word{} ", i % 97), None));
    }
    let mut doc = Document::default();
    doc.meta.language = Language::En;
    doc.meta.direction = Direction::Ltr;
    doc.operative.push(p);
    doc
}

fn pdf_spans(c: &mut Criterion) {
    render_growth(c, "pdf_spans", Format::Pdf, |n| spans_doc(n * 700));
}

/// An Arabic paragraph of about `kb` KB: Arabic words, then two Latin words with a stretch
/// of figures and spaces between them as long as the rest.
fn rtl_gaps_doc(kb: usize) -> Document {
    let mut text = String::from("قررت الجمعية العامة A ");
    text.push_str(&"1 ".repeat(kb * 500));
    text.push_str("B قررت الجمعية العامة");
    let mut p = Paragraph::new("para_1", ParagraphKind::Operative);
    p.runs.push(Run::plain(text));
    let mut doc = Document::default();
    doc.meta.language = Language::Ar;
    doc.meta.direction = Direction::Rtl;
    doc.operative.push(p);
    doc
}

fn docx_rtl_gaps(c: &mut Criterion) {
    render_growth(c, "docx_rtl_gaps", Format::Docx, |n| rtl_gaps_doc(n * 4));
}

/// `n` annexes, each a heading, a title and one paragraph.
fn annexes_doc(n: usize) -> Document {
    let mut doc = Document::default();
    doc.meta.language = Language::En;
    doc.meta.direction = Direction::Ltr;
    for i in 0..n {
        let mut p = Paragraph::new(format!("annex_{}__para_1", i + 1), ParagraphKind::Plain);
        p.runs.push(Run::plain(format!("Text of annex {}.", i + 1)));
        doc.annexes.push(Annex {
            id: format!("annex_{}", i + 1),
            heading: Some(format!("Annex {}", i + 1)),
            title: Some("Title".to_string()),
            paragraphs: vec![p],
        });
    }
    doc
}

fn pdf_annexes(c: &mut Criterion) {
    render_growth(c, "pdf_annexes", Format::Pdf, |n| annexes_doc(n * 1_000));
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = table_spans, compare_alike, word_diff, pdf_table, pdf_spans, docx_rtl_gaps,
        pdf_annexes
}
criterion_main!(benches);
