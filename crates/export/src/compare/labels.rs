//! The words of the comparison files in the documents' language (the six UN languages;
//! English otherwise). Machine-read names (JSON keys, HTML classes) stay English.

use qarar_compare::{Class, Status};
use qarar_document::Language;

/// The visible words of a comparison file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    pub comparison: &'static str,
    pub summary: &'static str,
    pub old: &'static str,
    pub new: &'static str,
    /// In [`Status`] order: unchanged, changed, inserted, deleted, moved, split, merged.
    pub(crate) statuses: [&'static str; 7],
    /// Substantive, mechanical, orthographic.
    pub classes: [&'static str; 3],
    /// List separator (`, ` / `، `) and group separator (`; ` / `؛ `).
    pub comma: &'static str,
    pub semicolon: &'static str,
}

impl Labels {
    pub fn status(&self, s: Status) -> &'static str {
        let i = match s {
            Status::Unchanged => 0,
            Status::Changed => 1,
            Status::Inserted => 2,
            Status::Deleted => 3,
            Status::Moved => 4,
            Status::Split => 5,
            Status::Merged => 6,
        };
        self.statuses[i]
    }

    pub fn class(&self, c: Class) -> &'static str {
        match c {
            Class::Substantive => self.classes[0],
            Class::Mechanical => self.classes[1],
            Class::Orthographic => self.classes[2],
        }
    }
}

const EN: Labels = Labels {
    comparison: "Comparison",
    summary: "Summary",
    old: "Old",
    new: "New",
    statuses: [
        "unchanged",
        "changed",
        "inserted",
        "deleted",
        "moved",
        "split",
        "merged",
    ],
    classes: ["substantive", "mechanical", "orthographic"],
    comma: ", ",
    semicolon: "; ",
};

const AR: Labels = Labels {
    comparison: "مقارنة",
    summary: "الملخص",
    old: "النص السابق",
    new: "النص الجديد",
    statuses: [
        "دون تغيير",
        "معدّلة",
        "مضافة",
        "محذوفة",
        "منقولة",
        "مقسومة",
        "مدمجة",
    ],
    // Feminine, agreeing with the paragraph (فقرة) of the status before them and with the
    // changes (تغييرات, a plural of things) of the summary's counts.
    classes: ["جوهرية", "آلية", "إملائية"],
    comma: "، ",
    semicolon: "؛ ",
};

const FR: Labels = Labels {
    comparison: "Comparaison",
    summary: "Résumé",
    old: "Ancien texte",
    new: "Nouveau texte",
    statuses: [
        "inchangé",
        "modifié",
        "inséré",
        "supprimé",
        "déplacé",
        "scindé",
        "fusionné",
    ],
    classes: ["de fond", "mécanique", "orthographique"],
    comma: ", ",
    semicolon: " ; ",
};

const ES: Labels = Labels {
    comparison: "Comparación",
    summary: "Resumen",
    old: "Texto anterior",
    new: "Texto nuevo",
    statuses: [
        "sin cambios",
        "modificado",
        "insertado",
        "suprimido",
        "trasladado",
        "dividido",
        "fusionado",
    ],
    classes: ["sustantivo", "mecánico", "ortográfico"],
    comma: ", ",
    semicolon: "; ",
};

const RU: Labels = Labels {
    comparison: "Сравнение",
    summary: "Сводка",
    old: "Прежний текст",
    new: "Новый текст",
    statuses: [
        "без изменений",
        "изменён",
        "вставлен",
        "удалён",
        "перемещён",
        "разделён",
        "объединён",
    ],
    classes: ["существенное", "техническое", "орфографическое"],
    comma: ", ",
    semicolon: "; ",
};

const ZH: Labels = Labels {
    comparison: "比较",
    summary: "摘要",
    old: "旧文本",
    new: "新文本",
    statuses: [
        "未改动",
        "已修改",
        "已插入",
        "已删除",
        "已移动",
        "已拆分",
        "已合并",
    ],
    classes: ["实质性", "技术性", "拼写"],
    comma: "，",
    semicolon: "；",
};

/// The labels for documents in `language`.
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
