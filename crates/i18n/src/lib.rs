//! Qarar's interface in the six UN languages, window-free.
//!
//! Every string the window shows is a message of a Project Fluent file (`locales/*.ftl`, one
//! per language, embedded with `include_str!`). [`Tr`] formats them: [`Tr::get`] for a plain
//! message, [`Tr::args`] for one with placeables (`{ $count }`, `{ $name }`). Plurals follow
//! the CLDR rules of the language (Arabic zero/one/two/few/many/other, Russian
//! one/few/many), numbers are written in Western digits in every language, as the UN writes
//! its Arabic texts. In a right-to-left language each placeable is wrapped in Unicode
//! isolates (FSI … PDI), so a symbol (A/75/L.20) or a file name never reorders the sentence
//! around it; the window shapes those strings with cosmic-text, which honours them.
//!
//! The interface language is chosen from the system locale at first start
//! ([`Lang::from_locale`]), then by the user (remembered by the window's settings).

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

pub use fluent_bundle::FluentValue as Value;

/// A language of the interface: the six official languages of the United Nations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ar,
    Zh,
    #[default]
    En,
    Fr,
    Ru,
    Es,
}

impl Lang {
    /// The six, in the UN's order (Arabic, Chinese, English, French, Russian, Spanish).
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// The ISO 639-1 code (`ar`, `zh`, …).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// The language named in itself, as a language menu lists it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ru => "Русский",
            Lang::Es => "Español",
        }
    }

    /// Is the interface laid out right to left?
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The language of a code (`ar`, `ZH`), if it is one of the six.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The interface language for a system locale: its language subtag if it is one of the
    /// six (`ar-EG` → Arabic, `zh-Hans-CN` → Chinese, `fr_CA.UTF-8` → French), else English
    /// (`pt-BR`, `C`, an empty string).
    pub fn from_locale(locale: &str) -> Lang {
        let primary = locale
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default();
        Lang::from_code(primary).unwrap_or(Lang::En)
    }

    /// The Fluent source of the language's messages.
    pub fn source(self) -> &'static str {
        match self {
            Lang::Ar => include_str!("../locales/ar.ftl"),
            Lang::Zh => include_str!("../locales/zh.ftl"),
            Lang::En => include_str!("../locales/en.ftl"),
            Lang::Fr => include_str!("../locales/fr.ftl"),
            Lang::Ru => include_str!("../locales/ru.ftl"),
            Lang::Es => include_str!("../locales/es.ftl"),
        }
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // Isolates only where the window shapes the text with bidi (cosmic-text): egui's own
    // text, used for left-to-right languages, has no bidi and would gain nothing from them.
    bundle.set_use_isolating(lang.is_rtl());
    bundle.set_formatter(Some(shown_number));
    // A file with a syntax error keeps its good messages (the tests refuse such a file).
    let resource = match FluentResource::try_new(lang.source().to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    // Duplicate ids keep the first one; the tests refuse them.
    let _ = bundle.add_resource(resource);
    bundle
}

/// The messages of one language, with English behind any message it lacks.
pub struct Tr {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<Box<Tr>>,
}

impl std::fmt::Debug for Tr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tr").field("lang", &self.lang).finish()
    }
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr {
            lang,
            bundle: bundle(lang),
            fallback: (lang != Lang::En).then(|| Box::new(Tr::new(Lang::En))),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Does this language itself have the message (not through the English fallback)?
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A message without placeables (or with them left out).
    pub fn get(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// A message with its placeables: `tr.args("library-count", &[("count", 3.into())])`.
    pub fn args(&self, id: &str, args: &[(&str, Value<'_>)]) -> String {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (k, v) in args {
            let v = match (self.lang, v) {
                (Lang::Ar, Value::Number(n)) => arabic_number(n),
                _ => v.clone(),
            };
            fluent.set(*k, v);
        }
        self.format(id, Some(&fluent))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return match &self.fallback {
                Some(en) => en.format(id, args),
                // Never panics, never empty: the id shows what is missing.
                None => id.to_string(),
            };
        };
        let mut errors = Vec::new();
        let s: Cow<'_, str> = self.bundle.format_pattern(pattern, args, &mut errors);
        s.into_owned()
    }
}

/// Marks a number whose printed form is kept apart from the value that selects its plural.
const SHOWN: &str = "qarar-shown:";

/// `intl_pluralrules` 7 tests Arabic's few and many on the whole number instead of its last
/// two digits (CLDR: `n % 100 = 3..10`, `n % 100 = 11..99`), so 103 would read "103 قرار"
/// instead of "103 قرارات". The number selects its form through a stand-in of the right
/// category (CLDR's rule, here) and is printed as it is ([`shown_number`]).
fn arabic_number(n: &fluent_bundle::types::FluentNumber) -> Value<'static> {
    let v = n.value;
    if v.fract() != 0.0 || v < 0.0 {
        return Value::Number(n.clone());
    }
    let stand_in = match v as u64 {
        0 => 0.0,
        1 => 1.0,
        2 => 2.0,
        i if (3..=10).contains(&(i % 100)) => 3.0,
        i if (11..=99).contains(&(i % 100)) => 11.0,
        _ => 100.0,
    };
    let mut options = n.options.clone();
    options.currency = Some(format!("{SHOWN}{}", n.as_string()));
    Value::Number(fluent_bundle::types::FluentNumber::new(stand_in, options))
}

/// The bundles' formatter: a number with a stand-in prints its own digits (Western digits,
/// as everywhere).
fn shown_number(value: &Value<'_>, _: &intl_memoizer::IntlLangMemoizer) -> Option<String> {
    match value {
        Value::Number(n) => n
            .options
            .currency
            .as_deref()
            .and_then(|c| c.strip_prefix(SHOWN))
            .map(str::to_string),
        _ => None,
    }
}

/// A text value for [`Tr::args`] (a symbol, a file name).
pub fn text(s: impl Into<String>) -> Value<'static> {
    Value::from(s.into())
}

/// A number for [`Tr::args`]; it selects the plural form.
pub fn number(n: usize) -> Value<'static> {
    Value::from(n)
}
