//! The six message files agree (every id everywhere, the same placeables), plurals follow
//! CLDR, and the language is chosen from a locale.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser::parse;
use qarar_i18n::{Lang, Tr, number, text};
use std::collections::{BTreeMap, BTreeSet};

/// Every message of a language with the names of its variables ($count …).
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match parse(lang.source()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{}.ftl does not parse: {errors:?}", lang.code()),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                let id = m.id.name.to_string();
                assert!(
                    out.insert(id.clone(), vars).is_none(),
                    "{id} twice in {}.ftl",
                    lang.code()
                );
            }
            Entry::Junk { content } => panic!("junk in {}.ftl: {content}", lang.code()),
            _ => {}
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

#[test]
fn every_message_is_in_all_six_files_with_the_same_placeables() {
    let english = messages(Lang::En);
    assert!(english.len() > 100, "{}", english.len());
    for lang in Lang::ALL {
        let other = messages(lang);
        for (id, vars) in &english {
            let Some(theirs) = other.get(id) else {
                panic!("{id} is missing from {}.ftl", lang.code());
            };
            assert_eq!(
                theirs,
                vars,
                "{id}: placeables differ in {}.ftl",
                lang.code()
            );
        }
        for id in other.keys() {
            assert!(
                english.contains_key(id),
                "{id} of {}.ftl is not in en.ftl",
                lang.code()
            );
        }
    }
}

#[test]
fn no_message_is_left_in_english() {
    // A translator's file with a line copied from en.ftl by mistake: the same text in
    // another language (names, symbols and a few words that are the same are allowed).
    let same_ok = [
        "tooltip-with-key",
        "cmd-ok",
        "pane-annotations",
        "annotations-title",
        "annotations-item",
        "details-vote",
        "popup-kind-document",
        "library-session",
        "block-section",
        "note-window",
        "compare-note",
        "cmd-note",
        "popup-open",
        "info-source",
        "menu-zoom-keys",
        "library-browse",
        "compare-mark",
        "block-with-table",
        "popup-heading",
        "popup-paragraph-heading",
        // Frames around a parser's own words or a name.
        "load-io",
        "load-other",
        "about-name",
        "compare-unit-status",
    ];
    let en = Tr::new(Lang::En);
    for lang in [Lang::Ar, Lang::Zh, Lang::Ru] {
        let tr = Tr::new(lang);
        for id in messages(Lang::En).keys() {
            if same_ok.contains(&id.as_str()) {
                continue;
            }
            assert_ne!(
                tr.get(id),
                en.get(id),
                "{id} is English in {}.ftl",
                lang.code()
            );
        }
    }
}

fn count(tr: &Tr, id: &str, n: usize) -> String {
    tr.args(id, &[("count", number(n))])
}

#[test]
fn arabic_has_six_plural_forms_in_western_digits() {
    let ar = Tr::new(Lang::Ar);
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
        .into_iter()
        .map(|n| count(&ar, "library-count", n))
        .collect();
    // The number is a placeable: isolated (FSI … PDI) in a right-to-left language.
    let plain: Vec<String> = forms
        .iter()
        .map(|s| s.replace(['\u{2068}', '\u{2069}'], ""))
        .collect();
    assert_eq!(
        plain,
        [
            "0 قرار",
            "قرار واحد",
            "قراران",
            "3 قرارات",
            "11 قرارًا",
            "100 قرار"
        ]
    );
    assert_eq!(forms[3], "\u{2068}3\u{2069} قرارات");
    assert_eq!(
        count(&ar, "library-count", 1234).replace(['\u{2068}', '\u{2069}'], ""),
        "1234 قرارًا"
    );
}

#[test]
fn russian_has_three_forms_english_two_chinese_one() {
    let ru = Tr::new(Lang::Ru);
    let got: Vec<String> = [1, 3, 5, 21, 22, 25, 11]
        .into_iter()
        .map(|n| count(&ru, "library-count", n))
        .collect();
    assert_eq!(
        got,
        [
            "1 резолюция",
            "3 резолюции",
            "5 резолюций",
            "21 резолюция",
            "22 резолюции",
            "25 резолюций",
            "11 резолюций"
        ]
    );
    let en = Tr::new(Lang::En);
    assert_eq!(count(&en, "library-count", 1), "One resolution");
    assert_eq!(count(&en, "library-count", 7), "7 resolutions");
    let zh = Tr::new(Lang::Zh);
    assert_eq!(count(&zh, "library-count", 1), "1 项决议");
}

#[test]
fn latin_placeables_are_isolated_inside_arabic_only() {
    let ar = Tr::new(Lang::Ar);
    let s = ar.args(
        "library-open-symbol-in",
        &[
            ("symbol", text("A/75/L.20")),
            ("language", text("الإنكليزية")),
        ],
    );
    assert_eq!(
        s,
        "فتح \u{2068}A/75/L.20\u{2069} باللغة \u{2068}الإنكليزية\u{2069}"
    );
    let en = Tr::new(Lang::En);
    let s = en.args("menu-tab", &[("title", text("A/RES/75/10"))]);
    assert_eq!(s, "Tab A/RES/75/10");
}

#[test]
fn language_from_locale() {
    for (locale, lang) in [
        ("ar-EG", Lang::Ar),
        ("ar_SA.UTF-8", Lang::Ar),
        ("zh-Hans-CN", Lang::Zh),
        ("zh_TW", Lang::Zh),
        ("fr-CA", Lang::Fr),
        ("ru", Lang::Ru),
        ("es-419", Lang::Es),
        ("en-GB", Lang::En),
        ("pt-BR", Lang::En),
        ("C", Lang::En),
        ("", Lang::En),
    ] {
        assert_eq!(Lang::from_locale(locale), lang, "{locale}");
    }
    for (n, form) in [
        (103, "103 قرارات"),
        (111, "111 قرارًا"),
        (200, "200 قرار"),
        (102, "102 قرار"),
    ] {
        let ar = Tr::new(Lang::Ar);
        assert_eq!(
            count(&ar, "library-count", n).replace(['\u{2068}', '\u{2069}'], ""),
            form
        );
    }
}

#[test]
fn a_missing_message_falls_back_to_english_then_its_id() {
    let fr = Tr::new(Lang::Fr);
    assert_eq!(fr.get("no-such-message"), "no-such-message");
    assert_eq!(fr.get("menu-file"), "Fichier");
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
        assert!(!lang.native_name().is_empty());
    }
}
