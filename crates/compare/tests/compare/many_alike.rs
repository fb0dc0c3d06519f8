//! Long documents whose paragraphs are all alike: made of the same few common words, each
//! changed by one word. Every changed paragraph must still meet its counterpart (a word
//! found in every paragraph cannot find it, its word pairs, numbers and place can).

use qarar_compare::compare;
use qarar_document::{Document, Paragraph, ParagraphKind, Run};

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

/// 210 made-up words: each of them is in about 200 of 2,000 paragraphs.
fn vocabulary() -> Vec<String> {
    let heads = [
        "ka", "lo", "mi", "na", "pe", "ru", "sa", "te", "vo", "za", "bi", "do", "fu", "ga", "ho",
    ];
    let tails = [
        "ram", "sel", "tin", "vok", "lum", "dar", "pes", "gor", "nim", "bas", "kel", "fot", "hun",
        "jas",
    ];
    heads
        .iter()
        .flat_map(|h| tails.iter().map(move |t| format!("{h}{t}")))
        .collect()
}

fn paragraph(i: usize, words: &[&String]) -> Paragraph {
    let mut p = Paragraph::new(format!("para_{}", i + 1), ParagraphKind::Operative);
    p.number = u32::try_from(i + 1).ok();
    let text: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
    p.runs.push(Run::plain(text.join(" ")));
    p
}

/// `n` paragraphs of 23 common words and their copies with one word in 23 replaced; the
/// new side also loses every 50th paragraph and gains one every 70th, so that place alone
/// does not tell.
fn pair(n: usize, drift: bool) -> (Document, Document, usize) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let words = vocabulary();
    let draw = |rng: &mut Rng| -> Vec<&String> {
        (0..23).map(|_| &words[rng.below(words.len())]).collect()
    };
    let (mut old, mut new) = (Document::default(), Document::default());
    let mut changed = 0;
    for i in 0..n {
        let text = draw(&mut rng);
        let mut edited = text.clone();
        let at = rng.below(23);
        edited[at] = if edited[at] == &words[0] {
            &words[1]
        } else {
            &words[0]
        };
        old.operative.push(paragraph(i, &text));
        if drift && i % 50 == 7 {
            continue;
        }
        if drift && i % 70 == 3 {
            let extra = draw(&mut rng);
            new.operative.push(paragraph(new.operative.len(), &extra));
        }
        new.operative.push(paragraph(new.operative.len(), &edited));
        changed += 1;
    }
    (old, new, changed)
}

#[test]
fn two_thousand_paragraphs_each_changed_by_one_word_are_paired() {
    for drift in [false, true] {
        let (old, new, changed) = pair(2_000, drift);
        let c = compare(&old, &new);
        let paired = c.summary.changed + c.summary.unchanged;
        assert!(
            paired * 100 >= changed * 99,
            "drift {drift}: {paired} of {changed} paired ({:?})",
            c.summary
        );
    }
}
