//! `<meta>` (FRBR identification, TLC references, annotation notes), `<coverPage>`,
//! `<preface>` and `<conclusions>`.

use super::xml::{self, attr, is_iso_date, text};
use crate::placed::Placed;
use qarar_document::model::{Document, Language};

/// ISO 639-2 code AKN uses in `FRBRlanguage` and expression IRIs.
fn iso639_2(lang: Language) -> &'static str {
    match lang {
        Language::Ar => "ara",
        Language::En => "eng",
        Language::Fr => "fra",
        Language::Es => "spa",
        Language::Ru => "rus",
        Language::Zh => "zho",
    }
}

/// `A/RES/75/10` → `75-10`; any other symbol with its separators replaced; `document`.
fn work_number(doc: &Document) -> String {
    let Some(symbol) = doc.meta.symbol.as_deref() else {
        return String::from("document");
    };
    let rest = symbol
        .strip_prefix("A/RES/")
        .or_else(|| symbol.strip_prefix("A/DEC/"))
        .unwrap_or(symbol);
    let n: String = rest
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let n = n.trim_matches('-').to_string();
    if n.is_empty() {
        String::from("document")
    } else {
        n
    }
}

/// Work IRI: `/akn/un/statement/deliberation/unga/2020-11-23/75-10/`.
pub(crate) fn work_uri(doc: &Document) -> String {
    let date = doc
        .meta
        .adopted
        .as_deref()
        .filter(|d| is_iso_date(d))
        .unwrap_or("0001-01-01");
    format!(
        "/akn/un/statement/deliberation/unga/{date}/{}/",
        xml::uri_path(&work_number(doc))
    )
}

/// A `<meta>` holding only the FRBR identification of an attached document or component
/// (`…/75-10/!annex_1`), in the main document's language.
pub(crate) fn sub_meta(out: &mut String, doc: &Document, component: &str) {
    let uri = attr(&work_uri(doc));
    let lang = iso639_2(doc.meta.language);
    let date = doc
        .meta
        .adopted
        .as_deref()
        .filter(|d| is_iso_date(d))
        .unwrap_or("0001-01-01");
    let c = attr(component);
    out.push_str("<meta>\n<identification source=\"#qarar\">\n");
    for (tag, this, suffix, author) in [
        ("FRBRWork", format!("{uri}!{c}"), String::new(), "#ga"),
        (
            "FRBRExpression",
            format!("{uri}{lang}@/!{c}"),
            String::new(),
            "#ga",
        ),
        (
            "FRBRManifestation",
            format!("{uri}{lang}@/!{c}.xml"),
            ".xml".to_string(),
            "#qarar",
        ),
    ] {
        let role = if author == "#qarar" {
            "#editor"
        } else {
            "#author"
        };
        out.push_str(&format!(
            "<{tag}>\n<FRBRthis value=\"{this}\"/>\n<FRBRuri value=\"{uri}{suffix}\"/>\n\
             <FRBRdate date=\"{date}\" name=\"adoption\"/>\n\
             <FRBRauthor href=\"{author}\" as=\"{role}\"/>\n"
        ));
        match tag {
            "FRBRWork" => out.push_str("<FRBRcountry value=\"un\"/>\n"),
            "FRBRExpression" => out.push_str(&format!("<FRBRlanguage language=\"{lang}\"/>\n")),
            _ => {}
        }
        out.push_str(&format!("</{tag}>\n"));
    }
    out.push_str("</identification>\n</meta>\n");
}

/// The whole `<meta>` block.
pub(super) fn meta(out: &mut String, doc: &Document, placed: &[Placed], note_ids: &[String]) {
    let uri = work_uri(doc);
    let lang = iso639_2(doc.meta.language);
    let adopted = doc.meta.adopted.as_deref().filter(|d| is_iso_date(d));
    let issued = doc.meta.issued.as_deref().filter(|d| is_iso_date(d));
    let work_date = adopted.or(issued).unwrap_or("0001-01-01");
    let work_date_name = if adopted.is_some() {
        "adoption"
    } else {
        "unknown"
    };
    let expr_date = issued.or(adopted).unwrap_or("0001-01-01");
    let expr_date_name = if issued.is_some() {
        "publication"
    } else {
        work_date_name
    };
    let uri_a = attr(&uri);
    out.push_str("<meta>\n<identification source=\"#qarar\">\n<FRBRWork>\n");
    out.push_str(&format!(
        "<FRBRthis value=\"{uri_a}!main\"/>\n<FRBRuri value=\"{uri_a}\"/>\n\
         <FRBRdate date=\"{work_date}\" name=\"{work_date_name}\"/>\n\
         <FRBRauthor href=\"#ga\" as=\"#author\"/>\n<FRBRcountry value=\"un\"/>\n"
    ));
    out.push_str("</FRBRWork>\n<FRBRExpression>\n");
    out.push_str(&format!(
        "<FRBRthis value=\"{uri_a}{lang}@/!main\"/>\n<FRBRuri value=\"{uri_a}{lang}@/\"/>\n\
         <FRBRdate date=\"{expr_date}\" name=\"{expr_date_name}\"/>\n\
         <FRBRauthor href=\"#ga\" as=\"#author\"/>\n<FRBRlanguage language=\"{lang}\"/>\n"
    ));
    out.push_str("</FRBRExpression>\n<FRBRManifestation>\n");
    out.push_str(&format!(
        "<FRBRthis value=\"{uri_a}{lang}@/!main.xml\"/>\n<FRBRuri value=\"{uri_a}{lang}@.xml\"/>\n\
         <FRBRdate date=\"{expr_date}\" name=\"{expr_date_name}\"/>\n\
         <FRBRauthor href=\"#qarar\" as=\"#editor\"/>\n"
    ));
    out.push_str("</FRBRManifestation>\n</identification>\n");
    out.push_str("<references source=\"#qarar\">\n");
    for (tag, id, href, show) in [
        (
            "TLCOrganization",
            "qarar",
            "/akn/ontology/organization/qarar",
            "Qarar",
        ),
        (
            "TLCOrganization",
            "ga",
            "/akn/ontology/organization/un/generalAssembly",
            "General Assembly",
        ),
        (
            "TLCRole",
            "author",
            "/akn/ontology/role/un/author",
            "Author",
        ),
        (
            "TLCRole",
            "editor",
            "/akn/ontology/role/un/editor",
            "Editor",
        ),
        (
            "TLCRole",
            "issuingBody",
            "/akn/ontology/role/un/issuingBody",
            "Issuing body",
        ),
        (
            "TLCConcept",
            "symbol",
            "/akn/ontology/reference/un/symbol",
            "Symbol",
        ),
        (
            "TLCConcept",
            "dateOfIssuance",
            "/akn/ontology/concept/un/dateOfIssuance",
            "Date of issuance",
        ),
        (
            "TLCConcept",
            "adoptionDate",
            "/akn/ontology/concept/un/dateOfAdoption",
            "Date of adoption",
        ),
        (
            "TLCTerm",
            "resolutionTitle",
            "/akn/ontology/reference/un/resolutionTitle",
            "Resolution title",
        ),
    ] {
        out.push_str(&format!(
            "<{tag} eId=\"{id}\" href=\"{href}\" showAs=\"{show}\"/>\n"
        ));
    }
    out.push_str("</references>\n");
    if !placed.is_empty() {
        notes(out, placed, note_ids);
    }
    out.push_str("</meta>\n");
}

/// One `<note>` per annotation: the note text, then the tags, colour and quote as classes
/// and attributes.
fn notes(out: &mut String, placed: &[Placed], note_ids: &[String]) {
    out.push_str("<notes source=\"#qarar\">\n");
    for (p, id) in placed.iter().zip(note_ids) {
        let a = &p.annotation;
        let colour = a.color.name();
        out.push_str(&format!(
            "<note eId=\"{}\" class=\"annotation {}\" title=\"{}\"",
            attr(id),
            attr(colour),
            attr(&a.tags.join(", "))
        ));
        if let Some(lang) = a.note_language.as_deref().filter(|l| is_language_tag(l)) {
            out.push_str(&format!(" xml:lang=\"{}\"", attr(lang)));
        }
        out.push_str(">\n");
        let mut any = false;
        for line in a.note.lines().filter(|l| !l.trim().is_empty()) {
            out.push_str(&format!("<p class=\"note\">{}</p>\n", text(line)));
            any = true;
        }
        if !a.tags.is_empty() {
            out.push_str("<p class=\"tags\">");
            for (i, tag) in a.tags.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&format!("<span class=\"tag\">{}</span>", text(tag)));
            }
            out.push_str("</p>\n");
            any = true;
        }
        if !a.quote.exact.is_empty() {
            out.push_str(&format!(
                "<p class=\"quote\">{}</p>\n",
                text(&a.quote.exact)
            ));
            any = true;
        }
        if !any {
            out.push_str("<p class=\"highlight\"/>\n");
        }
        out.push_str("</note>\n");
    }
    out.push_str("</notes>\n");
}

/// A plausible BCP 47 tag (`xml:lang` is `xsd:language`).
fn is_language_tag(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
        && s.split('-')
            .next()
            .is_some_and(|p| p.chars().all(|c| c.is_ascii_alphabetic()))
}

/// `<coverPage>`: one `<p>` per cover line; the lines that carry the symbol, organ, issue
/// date, session, agenda item and originating documents are marked up so that the parser
/// reads them back.
pub(super) fn cover_page(out: &mut String, doc: &Document) {
    let meta = &doc.meta;
    let mut symbol_done = false;
    let mut organ_done = false;
    let mut date_done = false;
    let mut session_done = false;
    let mut agenda_done = false;
    let mut origin_done = meta.originating.is_empty();
    let mut body = String::new();
    let year = meta
        .issued
        .as_deref()
        .filter(|d| is_iso_date(d))
        .and_then(|d| d.get(..4));
    for line in meta
        .cover
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
    {
        body.push_str("<p>");
        if !symbol_done && meta.symbol.as_deref() == Some(line) {
            body.push_str(&format!(
                "<docNumber refersTo=\"#symbol\">{}</docNumber>",
                text(line)
            ));
            symbol_done = true;
        } else if !organ_done && meta.organ.as_deref() == Some(line) {
            body.push_str(&format!(
                "<docAuthority refersTo=\"#issuingBody\">{}</docAuthority>",
                text(line)
            ));
            organ_done = true;
        } else if let (false, Some(y), Some(issued)) = (date_done, year, meta.issued.as_deref())
            && line.contains(y)
            && line.split_whitespace().count() <= 6
            && !line.contains("A/")
            && !is_session_line(line)
        {
            // `Distr.: General 30 November 2020`: only the date is the docDate.
            let at = line.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            body.push_str(&text(&line[..at]));
            body.push_str(&format!(
                "<docDate date=\"{}\" refersTo=\"#dateOfIssuance\">{}</docDate>",
                attr(issued),
                text(&line[at..])
            ));
            date_done = true;
        } else if let (false, Some(session)) = (session_done, meta.session)
            && is_session_line(line)
        {
            body.push_str(&format!(
                "<session refersTo=\"#ga\" value=\"{session}\">{}</session>",
                text(line)
            ));
            session_done = true;
        } else if let (false, Some(item)) = (agenda_done, meta.agenda_item.as_deref())
            && line.contains(item)
        {
            body.push_str(&format!(
                "<inline name=\"agenda item\">{}</inline>",
                text(line)
            ));
            agenda_done = true;
        } else if let (false, Some((start, end))) = (origin_done, originating_span(line, doc)) {
            body.push_str(&text(&line[..start]));
            body.push_str(&format!(
                "<inline name=\"originating document\">{}</inline>",
                text(&line[start..end])
            ));
            body.push_str(&text(&line[end..]));
            origin_done = true;
        } else {
            body.push_str(&text(line));
        }
        body.push_str("</p>\n");
    }
    if !symbol_done && let Some(symbol) = meta.symbol.as_deref() {
        body.push_str(&format!(
            "<p><docNumber refersTo=\"#symbol\">{}</docNumber></p>\n",
            text(symbol)
        ));
    }
    if !origin_done {
        body.push_str(&format!(
            "<p><inline name=\"originating document\">{}</inline></p>\n",
            text(&meta.originating.join(", "))
        ));
    }
    if !body.is_empty() {
        out.push_str("<coverPage>\n");
        out.push_str(&body);
        out.push_str("</coverPage>\n");
    }
}

/// The session line of a cover page, in any of the six languages.
fn is_session_line(line: &str) -> bool {
    let lower = line.to_lowercase();
    ["session", "الدورة", "período de sesiones", "сессия", "届会"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Byte span of `line` from the first to the last originating document written in it.
fn originating_span(line: &str, doc: &Document) -> Option<(usize, usize)> {
    let mut start: Option<usize> = None;
    let mut end = 0;
    for symbol in &doc.meta.originating {
        if let Some(i) = line.find(symbol.as_str()) {
            start = Some(start.map_or(i, |s: usize| s.min(i)));
            end = end.max(i + symbol.len());
        }
    }
    start.map(|s| (s, end))
}

/// `<preface>` with the number and title.
pub(super) fn preface(out: &mut String, doc: &Document) {
    let title = doc.meta.title.as_deref().filter(|t| !t.trim().is_empty());
    let number = preface_number(doc, title);
    if title.is_none() && number.is_none() {
        return;
    }
    out.push_str("<preface>\n<p>");
    if let Some(n) = &number {
        out.push_str(&format!("<docNumber>{}</docNumber>", text(n)));
    }
    if let Some(t) = title {
        if number.is_some() {
            out.push(' ');
        }
        out.push_str(&format!(
            "<docTitle refersTo=\"#resolutionTitle\">{}</docTitle>",
            text(t)
        ));
    }
    out.push_str("</p>\n</preface>\n");
}

/// The number as written before the title on the title line (`10/75 -`), or `75/10.` from
/// the symbol.
fn preface_number(doc: &Document, title: Option<&str>) -> Option<String> {
    if let (Some(line), Some(t)) = (doc.title_line.as_deref(), title)
        && let Some(head) = line.trim().strip_suffix(t.trim())
        && !head.trim().is_empty()
    {
        return Some(head.trim().to_string());
    }
    if title.is_none()
        && let Some(line) = doc.title_line.as_deref()
    {
        return Some(line.trim().to_string());
    }
    let symbol = doc.meta.symbol.as_deref()?;
    let rest = symbol.strip_prefix("A/RES/")?;
    Some(format!("{rest}."))
}

/// `<conclusions>` with the meeting and the adoption date.
pub(super) fn conclusions(out: &mut String, doc: &Document) {
    let Some(closing) = &doc.closing else { return };
    let meeting = closing.meeting.as_deref().filter(|m| !m.trim().is_empty());
    let date_text = closing
        .date_text
        .as_deref()
        .filter(|d| !d.trim().is_empty());
    if meeting.is_none() && date_text.is_none() {
        return;
    }
    out.push_str("<conclusions eId=\"conclusions\">\n<p>");
    if let Some(m) = meeting {
        out.push_str(&format!(
            "<inline name=\"adoptionMeeting\">{}</inline>",
            text(m)
        ));
    }
    if let Some(d) = date_text {
        if meeting.is_some() {
            out.push_str("<eol/>");
        }
        match closing.date.as_deref().filter(|d| is_iso_date(d)) {
            Some(iso) => out.push_str(&format!(
                "<docDate date=\"{iso}\" refersTo=\"#adoptionDate\">{}</docDate>",
                text(d)
            )),
            None => out.push_str(&text(d)),
        }
    }
    out.push_str("</p>\n</conclusions>\n");
}
