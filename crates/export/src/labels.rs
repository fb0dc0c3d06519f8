//! The words an export adds to the document (section names, "Tags", "Colour", the endnotes
//! heading, …) in the document's language: one table for every exporter (HTML, Markdown,
//! DOCX, PDF), so that an Arabic or Chinese document never gets English labels.

use qarar_annotations::Color;
use qarar_document::Language;

/// Labels in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    pub preamble: &'static str,
    pub operative: &'static str,
    /// Heading of the footnotes (HTML, Markdown) and of the PDF's endnotes.
    pub footnotes: &'static str,
    pub orphans: &'static str,
    pub(crate) orphans_intro: &'static str,
    pub note: &'static str,
    pub highlight: &'static str,
    pub tags: &'static str,
    pub colour: &'static str,
    pub back: &'static str,
    pub(crate) to_passage: &'static str,
    pub annotations: &'static str,
    pub symbol: &'static str,
    pub organ: &'static str,
    pub session: &'static str,
    pub agenda_item: &'static str,
    pub adopted: &'static str,
    pub issued: &'static str,
    pub originating: &'static str,
    pub language: &'static str,
    /// Colour names in the order of [`Color::ALL`].
    colours: [&'static str; 6],
}

impl Labels {
    /// The name of a highlight colour.
    pub(crate) fn colour_name(&self, color: Color) -> &'static str {
        Color::ALL
            .iter()
            .position(|c| *c == color)
            .and_then(|i| self.colours.get(i))
            .copied()
            .unwrap_or_else(|| color.name())
    }
}

const AR: Labels = Labels {
    preamble: "الديباجة",
    operative: "المنطوق",
    footnotes: "الحواشي",
    orphans: "تعليقات لم يُعثر على موضعها",
    orphans_intro: "لم يُعثر على هذه المقاطع في نص الوثيقة.",
    note: "ملاحظة",
    highlight: "تظليل",
    tags: "الوسوم",
    colour: "اللون",
    back: "العودة إلى النص",
    to_passage: "إلى المقطع",
    annotations: "تعليقات",
    symbol: "الرمز",
    organ: "الهيئة",
    session: "الدورة",
    agenda_item: "البند من جدول الأعمال",
    adopted: "تاريخ الاعتماد",
    issued: "تاريخ الإصدار",
    originating: "الوثائق الأصلية",
    language: "اللغة",
    colours: ["أصفر", "أخضر", "أزرق", "وردي", "برتقالي", "بنفسجي"],
};

const EN: Labels = Labels {
    preamble: "Preamble",
    operative: "Operative paragraphs",
    footnotes: "Notes",
    orphans: "Annotations not found in the text",
    orphans_intro: "These passages could not be found in the document's text.",
    note: "Note",
    highlight: "Highlight",
    tags: "Tags",
    colour: "Colour",
    back: "Back to the text",
    to_passage: "To the passage",
    annotations: "Annotations",
    symbol: "Symbol",
    organ: "Organ",
    session: "Session",
    agenda_item: "Agenda item",
    adopted: "Adopted",
    issued: "Issued",
    originating: "Originating documents",
    language: "Language",
    colours: ["yellow", "green", "blue", "pink", "orange", "purple"],
};

const FR: Labels = Labels {
    preamble: "Préambule",
    operative: "Dispositif",
    footnotes: "Notes",
    orphans: "Annotations introuvables dans le texte",
    orphans_intro: "Ces passages n'ont pas été retrouvés dans le texte du document.",
    note: "Note",
    highlight: "Surlignage",
    tags: "Étiquettes",
    colour: "Couleur",
    back: "Retour au texte",
    to_passage: "Vers le passage",
    annotations: "Annotations",
    symbol: "Cote",
    organ: "Organe",
    session: "Session",
    agenda_item: "Point de l'ordre du jour",
    adopted: "Adoptée le",
    issued: "Publiée le",
    originating: "Documents de base",
    language: "Langue",
    colours: ["jaune", "vert", "bleu", "rose", "orange", "violet"],
};

const ES: Labels = Labels {
    preamble: "Preámbulo",
    operative: "Parte dispositiva",
    footnotes: "Notas",
    orphans: "Anotaciones no encontradas en el texto",
    orphans_intro: "Estos pasajes no se encontraron en el texto del documento.",
    note: "Nota",
    highlight: "Resaltado",
    tags: "Etiquetas",
    colour: "Color",
    back: "Volver al texto",
    to_passage: "Al pasaje",
    annotations: "Anotaciones",
    symbol: "Signatura",
    organ: "Órgano",
    session: "Período de sesiones",
    agenda_item: "Tema del programa",
    adopted: "Aprobada el",
    issued: "Publicada el",
    originating: "Documentos de origen",
    language: "Idioma",
    colours: ["amarillo", "verde", "azul", "rosa", "naranja", "morado"],
};

const RU: Labels = Labels {
    preamble: "Преамбула",
    operative: "Постановляющая часть",
    footnotes: "Примечания",
    orphans: "Аннотации, не найденные в тексте",
    orphans_intro: "Эти фрагменты не найдены в тексте документа.",
    note: "Заметка",
    highlight: "Выделение",
    tags: "Метки",
    colour: "Цвет",
    back: "Назад к тексту",
    to_passage: "К фрагменту",
    annotations: "Аннотации",
    symbol: "Условное обозначение",
    organ: "Орган",
    session: "Сессия",
    agenda_item: "Пункт повестки дня",
    adopted: "Принята",
    issued: "Выпущена",
    originating: "Исходные документы",
    language: "Язык",
    colours: [
        "жёлтый",
        "зелёный",
        "синий",
        "розовый",
        "оранжевый",
        "фиолетовый",
    ],
};

const ZH: Labels = Labels {
    preamble: "序言",
    operative: "执行部分",
    footnotes: "脚注",
    orphans: "在文本中找不到的批注",
    orphans_intro: "在文件文本中找不到这些段落。",
    note: "批注",
    highlight: "突出显示",
    tags: "标签",
    colour: "颜色",
    back: "返回正文",
    to_passage: "转到段落",
    annotations: "批注",
    symbol: "文号",
    organ: "机构",
    session: "届会",
    agenda_item: "议程项目",
    adopted: "通过日期",
    issued: "印发日期",
    originating: "原始文件",
    language: "语言",
    colours: ["黄色", "绿色", "蓝色", "粉色", "橙色", "紫色"],
};

/// The labels of a document language.
pub fn labels(language: Language) -> &'static Labels {
    match language {
        Language::Ar => &AR,
        Language::En => &EN,
        Language::Fr => &FR,
        Language::Es => &ES,
        Language::Ru => &RU,
        Language::Zh => &ZH,
    }
}

/// Scripts without true italics (Arabic, Chinese): emphasis and preambular openers are set in
/// colour or weight there, never slanted.
pub(crate) fn has_italics(language: Language) -> bool {
    !matches!(language, Language::Ar | Language::Zh)
}

/// The separator between a label and its value ("Tags: …", "الوسوم: …", "标签：…").
pub fn colon(language: Language) -> &'static str {
    match language {
        Language::Zh => "：",
        Language::Fr => " : ",
        _ => ": ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_own_labels() {
        let all = [
            Language::Ar,
            Language::En,
            Language::Fr,
            Language::Es,
            Language::Ru,
            Language::Zh,
        ];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(labels(*a).tags, labels(*b).tags, "{a:?} and {b:?}");
            }
        }
        assert_eq!(labels(Language::Ar).colour_name(Color::Green), "أخضر");
        assert_eq!(labels(Language::En).colour_name(Color::Green), "green");
    }
}
