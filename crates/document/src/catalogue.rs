//! A small built-in catalogue of documents cited by the bundled resolution (public record),
//! for reference popups. Arabic titles are given only where they are certain (most are the
//! wording A/RES/75/10 itself uses); otherwise they are empty.

use super::model::{Language, ReferenceKind};

/// What is known about a cited document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Canonical symbol, as produced by reference detection (`A/RES/60/288`).
    pub symbol: &'static str,
    pub kind: ReferenceKind,
    /// ISO 8601 date of adoption or issue; empty when not recorded here.
    pub date: &'static str,
    pub title_en: &'static str,
    /// Arabic title; empty when not recorded here.
    pub(crate) title_ar: &'static str,
    /// One line on what the document is, in English.
    pub note: &'static str,
}

impl Entry {
    /// The title in `language` when known, else the English title, else the note.
    pub fn title(&self, language: Language) -> &'static str {
        if language == Language::Ar && !self.title_ar.is_empty() {
            self.title_ar
        } else if !self.title_en.is_empty() {
            self.title_en
        } else {
            self.note
        }
    }
}

/// Look up a canonical target (`A/RES/60/288`).
pub fn lookup(target: &str) -> Option<&'static Entry> {
    ENTRIES
        .iter()
        .find(|e| e.symbol.eq_ignore_ascii_case(target.trim()))
}

/// Public address of any UN symbol: `https://undocs.org/ar/A/RES/60/288`.
pub fn url(symbol: &str, language: Language) -> String {
    format!("https://undocs.org/{}/{}", language.code(), symbol.trim())
}

/// Title of the INTERPOL cooperation resolutions (71/19, 73/11, 75/10).
const COOPERATION_EN: &str = "Cooperation between the United Nations and the International Criminal Police Organization (INTERPOL)";
const COOPERATION_AR: &str = "التعاون بين الأمم المتحدة والمنظمة الدولية للشرطة الجنائية (الإنتربول)";

/// Title of 73/187 and 74/247.
const ICT_EN: &str =
    "Countering the use of information and communications technologies for criminal purposes";
const ICT_AR: &str = "مكافحة استخدام تكنولوجيات المعلومات والاتصالات للأغراض الإجرامية";

/// The International Tracing Instrument (decision 60/519).
const TRACING_EN: &str = "International Instrument to Enable States to Identify and Trace, in a Timely and Reliable Manner, Illicit Small Arms and Light Weapons";
const TRACING_AR: &str = "الصك الدولي الذي يمكن الدول من التعرف على الأسلحة الصغيرة والأسلحة الخفيفة غير المشروعة وتعقبها في الوقت المناسب وبطريقة يعول عليها";

/// The working group that negotiated it (A/60/88).
const TRACING_GROUP_EN: &str = "Report of the Open-ended Working Group to Negotiate an International Instrument to Enable States to Identify and Trace, in a Timely and Reliable Manner, Illicit Small Arms and Light Weapons";

pub static ENTRIES: &[Entry] = &[
    Entry {
        symbol: "A/RES/51/1",
        kind: ReferenceKind::Resolution,
        date: "1996-10-15",
        title_en: "Observer status for the International Criminal Police Organization (INTERPOL) in the General Assembly",
        title_ar: "",
        note: "Grants INTERPOL observer status in the General Assembly.",
    },
    Entry {
        symbol: "A/RES/71/19",
        kind: ReferenceKind::Resolution,
        date: "2016-11-21",
        title_en: COOPERATION_EN,
        title_ar: COOPERATION_AR,
        note: "Cooperation between the United Nations and INTERPOL.",
    },
    Entry {
        symbol: "A/RES/73/11",
        kind: ReferenceKind::Resolution,
        date: "2018-11-26",
        title_en: COOPERATION_EN,
        title_ar: COOPERATION_AR,
        note: "Cooperation between the United Nations and INTERPOL.",
    },
    Entry {
        symbol: "A/RES/60/288",
        kind: ReferenceKind::Resolution,
        date: "2006-09-08",
        title_en: "The United Nations Global Counter-Terrorism Strategy",
        title_ar: "استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب",
        note: "Adopts the United Nations Global Counter-Terrorism Strategy.",
    },
    Entry {
        symbol: "A/RES/72/284",
        kind: ReferenceKind::Resolution,
        date: "2018-06-26",
        title_en: "The United Nations Global Counter-Terrorism Strategy Review",
        title_ar: "",
        note: "Sixth review of the Global Counter-Terrorism Strategy.",
    },
    Entry {
        symbol: "A/RES/70/1",
        kind: ReferenceKind::Resolution,
        date: "2015-09-25",
        title_en: "Transforming our world: the 2030 Agenda for Sustainable Development",
        title_ar: "تحويل عالمنا: خطة التنمية المستدامة لعام 2030",
        note: "The 2030 Agenda and the Sustainable Development Goals.",
    },
    Entry {
        symbol: "A/RES/72/1",
        kind: ReferenceKind::Resolution,
        date: "2017-09-27",
        title_en: "Political declaration on the implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons",
        title_ar: "الإعلان السياسي المتعلق بتنفيذ خطة الأمم المتحدة العالمية لمكافحة الاتجار بالأشخاص",
        note: "Political declaration on the Global Plan of Action to Combat Trafficking in Persons.",
    },
    Entry {
        symbol: "A/RES/73/187",
        kind: ReferenceKind::Resolution,
        date: "2018-12-17",
        title_en: ICT_EN,
        title_ar: ICT_AR,
        note: "Countering the criminal use of information and communications technologies.",
    },
    Entry {
        symbol: "A/RES/74/247",
        kind: ReferenceKind::Resolution,
        date: "2019-12-27",
        title_en: ICT_EN,
        title_ar: ICT_AR,
        note: "Establishes the ad hoc committee on a cybercrime convention.",
    },
    Entry {
        symbol: "E/RES/2019/19",
        kind: ReferenceKind::Resolution,
        date: "2019-07-23",
        title_en: "",
        title_ar: "",
        note: "Economic and Social Council resolution of 23 July 2019, cited on cybercrime.",
    },
    Entry {
        symbol: "E/RES/2019/20",
        kind: ReferenceKind::Resolution,
        date: "2019-07-23",
        title_en: "",
        title_ar: "",
        note: "Economic and Social Council resolution of 23 July 2019, cited on cybercrime.",
    },
    Entry {
        symbol: "A/DEC/60/519",
        kind: ReferenceKind::Decision,
        date: "2005-12-08",
        title_en: TRACING_EN,
        title_ar: TRACING_AR,
        note: "Adopts the International Tracing Instrument for small arms and light weapons.",
    },
    Entry {
        symbol: "A/60/88",
        kind: ReferenceKind::Document,
        date: "",
        title_en: TRACING_GROUP_EN,
        title_ar: "",
        note: "Report of the working group on tracing; the Instrument is annexed.",
    },
    Entry {
        symbol: "A/60/88/Corr.2",
        kind: ReferenceKind::Document,
        date: "",
        title_en: TRACING_GROUP_EN,
        title_ar: "",
        note: "Corrigendum to the report of the working group on tracing (A/60/88).",
    },
    Entry {
        symbol: "A/CONF.192/15",
        kind: ReferenceKind::Document,
        date: "",
        title_en: "Report of the United Nations Conference on the Illicit Trade in Small Arms and Light Weapons in All Its Aspects",
        title_ar: "تقرير مؤتمر الأمم المتحدة المعني بالاتجار غير المشروع بالأسلحة الصغيرة والأسلحة الخفيفة من جميع جوانبه",
        note: "Report of the 2001 conference (New York, 9–20 July 2001); chapter IV is the Programme of Action.",
    },
    Entry {
        symbol: "A/75/L.20",
        kind: ReferenceKind::Document,
        date: "",
        title_en: COOPERATION_EN,
        title_ar: COOPERATION_AR,
        note: "The draft resolution adopted as A/RES/75/10.",
    },
    Entry {
        symbol: "A/75/L.20/Add.1",
        kind: ReferenceKind::Document,
        date: "",
        title_en: COOPERATION_EN,
        title_ar: COOPERATION_AR,
        note: "Additional sponsors of draft resolution A/75/L.20.",
    },
    Entry {
        symbol: "UNTS vol. 1996, No. 1200",
        kind: ReferenceKind::Treaty,
        date: "",
        title_en: "",
        title_ar: "",
        note: "The 1997 cooperation agreement between the United Nations and INTERPOL.",
    },
    Entry {
        symbol: "A/RES/75/10",
        kind: ReferenceKind::Resolution,
        date: "2020-11-23",
        title_en: COOPERATION_EN,
        title_ar: COOPERATION_AR,
        note: "This resolution.",
    },
];
