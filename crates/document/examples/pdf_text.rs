//! Print the text the PDF reader hands to the plain reader, then the outline it gives:
//! `cargo run --release -p qarar-document --example pdf_text -- FILE.pdf [--outline]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: pdf_text FILE.pdf [--outline]");
        std::process::exit(2);
    };
    let outline = args.next().is_some_and(|a| a == "--outline");
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    match qarar_document::pdf::text(&bytes) {
        Ok(t) if !outline => print!("{}", t.text),
        Ok(t) => {
            let doc = qarar_document::plain::parse(&t.text);
            let ids = |ps: &[qarar_document::model::Paragraph]| {
                ps.iter()
                    .map(|p| p.id.clone())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            println!("symbol {:?}", doc.meta.symbol);
            println!("preamble {}", ids(&doc.preamble));
            println!("operative {}", ids(&doc.operative));
            println!("parts {}", doc.parts.len());
            println!("annexes {}", doc.annexes.len());
            println!("footnotes {}", doc.footnotes.len());
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
