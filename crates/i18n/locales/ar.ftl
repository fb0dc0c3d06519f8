# واجهة «قرار» باللغة العربية. الأرقام غربية (0–9) كما تكتبها الأمم المتحدة في نصوصها العربية.

## Menus
menu-file = ملف
menu-edit = تحرير
menu-view = عرض
menu-settings = الإعدادات
menu-open-recent = فتح ملف مستخدم مؤخرًا
menu-no-recent = لا توجد ملفات مستخدمة مؤخرًا
menu-document-information = معلومات الوثيقة
menu-no-library-folder = لم يُحدَّد مجلد للمكتبة
menu-side-by-side = جنبًا إلى جنب مع
menu-no-other-language = ليس في المكتبة نص لهذا القرار بلغة أخرى.
menu-language = اللغة
menu-paper-a4 = ورق PDF: A4
menu-paper-letter = ورق PDF: Letter
menu-zoom-keys = التكبير: { $keys }
menu-read-in = القراءة باللغة { $language } (عند الفقرة نفسها)
menu-language-button = اللغة: { $language }
menu-no-document = لا توجد وثيقة
menu-parser-notes-count = ملاحظات المحلِّل ({ $count })…
menu-tab = علامة التبويب { $title }
menu-close-tab-named = إغلاق علامة التبويب { $title }

## Commands (menus, buttons, tooltips)
cmd-open = فتح…
cmd-open-bundled = فتح القرار المضمن A/RES/75/10
cmd-clear-recent = مسح قائمة الملفات المستخدمة مؤخرًا
cmd-close-tab = إغلاق علامة التبويب
cmd-next-tab = علامة التبويب التالية
cmd-previous-tab = علامة التبويب السابقة
cmd-library-folder = مجلد المكتبة…
cmd-forget-library-folder = إلغاء تحديد مجلد المكتبة
cmd-refresh = تحديث
cmd-cancel = إلغاء
cmd-export = تصدير…
cmd-import-annotations = استيراد التعليقات…
cmd-export-annotations = تصدير التعليقات…
cmd-details = تفاصيل القرار…
cmd-parser-notes = ملاحظات المحلِّل…
cmd-compare-with = مقارنة مع…
cmd-compare-previous = مقارنة بالصيغة السابقة
cmd-next-change = التغيير التالي
cmd-previous-change = التغيير السابق
cmd-substantive-only = التغييرات الجوهرية فقط
cmd-compare-layout = في النص نفسه أو جنبًا إلى جنب
cmd-close-compare = إغلاق المقارنة
cmd-export-comparison = تصدير المقارنة…
cmd-quit = خروج
cmd-find = بحث…
cmd-find-next = التالي
cmd-find-previous = السابق
cmd-close = إغلاق
cmd-search-library = البحث في المكتبة
cmd-copy = نسخ
cmd-select-all = تحديد الكل
cmd-undo = تراجع
cmd-redo = إعادة
cmd-outline-pane = جزء المخطط
cmd-annotations-pane = جزء التعليقات
cmd-library-pane = جزء المكتبة
cmd-justify = ضبط الفقرات من الجانبين
cmd-dark = المظهر الداكن
cmd-zoom-in = تكبير
cmd-zoom-out = تصغير
cmd-zoom-reset = الحجم الفعلي
cmd-close-beside = إغلاق العرض جنبًا إلى جنب
cmd-highlight = تظليل باللون { $colour }
cmd-note = ملاحظة…
cmd-outline-previous = البند السابق في المخطط
cmd-outline-next = البند التالي في المخطط
cmd-page-down = صفحة إلى الأسفل
cmd-page-up = صفحة إلى الأعلى
cmd-line-down = سطر إلى الأسفل
cmd-line-up = سطر إلى الأعلى
cmd-top = بداية الوثيقة
cmd-end = نهاية الوثيقة
cmd-close-popup = إغلاق النافذة المنبثقة
cmd-open-popup = فتح النافذة المنبثقة
cmd-ok = موافق
cmd-library-previous-row = القرار السابق
cmd-library-next-row = القرار التالي
cmd-library-open-row = فتح القرار
cmd-copy-citation = نسخ الإحالة
cmd-language = اللغة
help-outline = المخطط: إظهار مخطط الفقرات أو إخفاؤه
help-library = المكتبة: قرارات مجلد مكتبتك
help-annotations = التعليقات: إظهارها أو إخفاؤها
help-find-next = النتيجة التالية
help-find-previous = النتيجة السابقة
help-note = تظليل وإضافة ملاحظة
help-compare-previous = المقارنة بالصيغة السابقة الموجودة في مجلد المكتبة
tooltip-with-key = { $help } ({ $key })

## Colours
colour-yellow = الأصفر
colour-green = الأخضر
colour-blue = الأزرق
colour-pink = الوردي
colour-orange = البرتقالي
colour-purple = البنفسجي

## Panes and toolbar
pane-outline = المخطط
pane-annotations = التعليقات
pane-library = المكتبة
outline-tree = شجرة المخطط
outline-entry = المخطط: { $name }
outline-formula = صيغة الاعتماد
outline-preamble = الديباجة
outline-operative = الفقرات المنطوقة
# Part letters as Arabic UN texts write them (A = ألف …); I stays as written, since a first
# part numbered in Roman numerals is also I.
outline-part = الجزء { $n ->
    [A] ألف
    [B] باء
    [C] جيم
    [D] دال
    [E] هاء
    [F] واو
    [G] زاي
    [H] حاء
    [J] ياء
   *[other] { $n }
}
outline-annex = المرفق { $n }
outline-expand = توسيع { $name }
outline-collapse = طي { $name }
outline-deleted = المخطط: { $name } (محذوفة)
empty-open-hint = افتح قرارًا من ملف ← فتح (Ctrl+O).
untitled = بلا عنوان
empty-tab = فارغة

## Settings
settings-interface-language = لغة الواجهة

## Find
find-label = بحث:
find-field = بحث
find-no-matches = لا توجد نتائج
find-matches = { $count ->
    [zero] لا توجد نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجةً
   *[other] { $count } نتيجة
}

## Document information
info-symbol = الرمز
info-language = اللغة
info-adopted = تاريخ الاعتماد
info-paragraphs = الفقرات
info-paragraph-counts = فقرات الديباجة: { $preambular }، الفقرات المنطوقة: { $operative }
info-footnotes = الحواشي
info-references = الإحالات
info-source = المصدر
info-unknown = غير معروف
info-bundled = الملف المضمن A-RES-75-10.ar.txt

## Windows
note-window = ملاحظة
note-text = نص الملاحظة
note-placeholder = اكتب ملاحظة…
note-tags = الوسوم:
note-tags-field = الوسوم
note-done = تم
note-delete-highlight = حذف التظليل
note-colour = اللون { $colour }
parser-notes-window = ملاحظات المحلِّل
details-window = تفاصيل القرار
details-no-symbol = ليس لهذه الوثيقة رمز.
details-choose-library = اختر مجلدًا للمكتبة للاطلاع على نتائج التصويت ومقدمي مشروع القرار والقرارات التي تحيل إليه.
details-title = العنوان (الأمم المتحدة)
details-adopted = تاريخ الاعتماد
details-meeting = الجلسة
details-vote = التصويت
details-adoption = الاعتماد
details-agenda-item = البند من جدول الأعمال
details-committee = اللجنة
details-draft = مشروع القرار
details-sponsors = مقدمو مشروع القرار
details-languages = اللغات
details-cited-by = القرارات التي تحيل إليه ({ $count })
details-not-cited = لا يحيل إلى هذا القرار أي قرار في المكتبة.
status-problem = مشكلة
status-done = تم

## Messages
msg-open-to-compare = افتح قرارًا لمقارنته بصيغة أخرى منه.
msg-cannot-compare = تعذرت المقارنة: { $reason }
msg-compare-stopped = توقفت المقارنة على نحو غير متوقع.
msg-nothing-to-export = لا توجد مقارنة لتصديرها.
msg-exported = تم التصدير إلى { $path }
msg-export-failed = تعذر التصدير: { $reason }
msg-exporter-stopped = تعذر التصدير: توقفت أداة التصدير.
msg-cannot-highlight = تعذر التظليل: { $reason }
msg-cannot-annotate = تعذرت إضافة التعليق: { $reason }
msg-no-text-in-language = ليس في المكتبة نص { $symbol } باللغة { $language }.

## File dialogs
dialog-library-folder = اختر مجلد المكتبة
dialog-export-comparison = تصدير المقارنة
dialog-compare-with = مقارنة مع
dialog-open = فتح قرار
dialog-import-annotations = استيراد التعليقات
dialog-export-annotations = تصدير التعليقات
dialog-export-copy = تصدير نسخة مع التعليقات
filter-resolutions = القرارات
filter-all-files = جميع الملفات
filter-web-annotations = تعليقات الويب (Web Annotations)
filter-word-tracked = Word (مع تعقب التغييرات)

## Compare view
compare-old-new = النص السابق: { $old } · النص الجديد: { $new }
compare-inline = في النص نفسه
compare-side-by-side = جنبًا إلى جنب
compare-change-count = عدد التغييرات
compare-other-versions = صيغ سابقة أخرى
compare-summary = ملخص المقارنة
compare-changes = التغييرات ({ $count })
compare-change = التغيير { $n }
compare-change-version = التغيير { $n }، { $version }
compare-copy-citation-of = نسخ الإحالة إلى { $version }
compare-old-version = النص السابق
compare-new-version = النص الجديد
compare-note = ملاحظة
compare-highlight = تظليل
compare-position = { $current } من { $total }
compare-no-changes = لا توجد تغييرات

## Library pane
library-filter = تصفية المكتبة
library-choose-folder = اختيار مجلد…
library-refresh-help = إعادة قراءة الملفات الجديدة والمعدَّلة
library-folder-help = مجلد المكتبة
library-reading-files = جارٍ قراءة الملفات { $done } / { $total }
library-indexing = جارٍ فهرسة النصوص { $done } / { $total }
library-browse = تصفح
library-search-text = البحث في النصوص
library-search-help = البحث في نص كل وثيقة (Ctrl+Shift+F)
library-reading-folder = جارٍ قراءة المجلد…
library-filter-help = الرمز (75/10) أو كلمات من العنوان بأي لغة؛ ↑/↓ ثم Enter
library-empty = لا توجد قرارات في هذا المجلد.
library-no-match = لا شيء يطابق التصفية.
library-all = الكل
library-session = الدورة { $session }
library-other-documents = وثائق أخرى
library-unreadable = ملفات تعذرت قراءتها ({ $count })
library-open-in = فتح باللغة { $language }
library-open-symbol-in = فتح { $symbol } باللغة { $language }
library-searching = جارٍ البحث…
library-search-forms = يُعثر على الكلمات بجميع صورها: بالهمزة أو دونها، وبالحركات أو دونها، وبالتطويل أو دونه.
library-no-paragraph = لا توجد فقرة تحوي هذه الكلمات.
library-first-paragraphs = أول { $count } فقرة
library-paragraphs-found = { $count ->
    [zero] لا توجد فقرات
    [one] فقرة واحدة
    [two] فقرتان
    [few] { $count } فقرات
    [many] { $count } فقرةً
   *[other] { $count } فقرة
}
library-count = { $count ->
    [zero] { $count } قرار
    [one] قرار واحد
    [two] قراران
    [few] { $count } قرارات
    [many] { $count } قرارًا
   *[other] { $count } قرار
}
library-search-ready = يصبح البحث متاحًا عند انتهاء الفهرسة.
library-search-needs-index = يتطلب البحث فهرسة المجلد كاملًا: اضغط «تحديث».
library-unreadable-folder = تعذرت قراءة مجلد المكتبة { $folder }: { $reason }
library-index-not-saved = تعذر حفظ فهرس المكتبة في { $path }: { $reason }
library-fulltext-index = فهرس البحث في النصوص الكاملة: { $reason }
library-fulltext-unavailable = البحث في النصوص الكاملة غير متاح: { $reason }
library-indexing-stopped = توقفت فهرسة المكتبة على نحو غير متوقع.
language-ar = العربية
language-zh = الصينية
language-en = الإنكليزية
language-fr = الفرنسية
language-ru = الروسية
language-es = الإسبانية

## Annotations pane
annotations-title = التعليقات ({ $count })
annotations-filter = تصفية التعليقات
annotations-empty = لا توجد تعليقات بعد. حدِّد مقطعًا واضغط 1–6 لتظليله.
annotations-orphan = تعليق بلا موضع — لم يُعثر على المقطع
annotations-showing = عرض { $shown } من { $total }
annotations-no-match = لا توجد تعليقات تطابق عوامل التصفية.
annotations-clear-filters = مسح عوامل التصفية
annotations-colour = اللون:
annotations-all = الكل
annotations-filter-all-colours = التصفية: جميع الألوان
annotations-tag = الوسم:
annotations-all-tags = جميع الوسوم
annotations-filter-all-tags = التصفية: جميع الوسوم
annotations-item = تعليق: { $text }
annotations-filter-help = التصفية حسب الاقتباس أو الملاحظة أو الوسم
annotations-filter-colour = التصفية: اللون { $colour }
annotations-filter-tag = التصفية: الوسم { $tag }
annotations-edit = تعديل
annotations-delete = حذف
annotations-edit-help = تعديل التعليق
annotations-delete-help = حذف التعليق

## Document view and popups
view-highlight-paragraph = تظليل الفقرة
view-note-paragraph = إضافة ملاحظة إلى الفقرة…
view-note-on = ملاحظة على { $block }
block-meta = معلومات الوثيقة
block-title = العنوان
block-formula = صيغة الاعتماد
block-closing = الخاتمة
block-annex = المرفق { $annex }، { $inner }
block-part = الجزء { $part ->
    [A] ألف
    [B] باء
    [C] جيم
    [D] دال
    [E] هاء
    [F] واو
    [G] زاي
    [H] حاء
    [J] ياء
   *[other] { $part }
}، { $inner }
block-section = الفرع { $n }
block-table = الجدول { $n }
block-preambular = الفقرة { $n } من الديباجة
block-paragraph = الفقرة { $n }
block-text = فقرة النص { $n }
link-footnote = الحاشية { $marker }
link-reference = إحالة إلى { $target }
link-reference-plain = إحالة
popup-footnote = حاشية
popup-reference = إحالة
popup-footnote-missing = هذه الحاشية غير موجودة في الوثيقة.
popup-reference-missing = هذه الإحالة غير موجودة في الوثيقة.
popup-in-paragraph = في { $paragraph }
popup-kind-resolution = قرار
popup-kind-decision = مقرر
popup-kind-document = وثيقة
popup-kind-treaty = معاهدة
popup-kind-paragraph = فقرة
popup-paragraph-missing = هذه الفقرة ليست في هذه الوثيقة.
popup-paragraph-text = نص الفقرة المحال إليها
popup-go-to-paragraph = الانتقال إلى الفقرة
popup-title = العنوان
popup-not-in-catalogue = غير موجود في الفهرس المدمج.
popup-open-undocs = فتح في undocs.org
popup-copy-symbol = نسخ الرمز
popup-adopted = اعتُمد في { $date }
popup-first-operative = الفقرة المنطوقة الأولى
popup-open-at = فتح عند { $paragraph } ({ $language })
popup-open-at-help = فتحه في علامة تبويب جديدة عند الفقرة المحال إليها
popup-open = فتح ({ $language })
popup-open-help = فتحه في علامة تبويب جديدة
popup-footnote-text = نص الحاشية

## Added with the window
details-votes = المؤيدون: { $yes }، المعارضون: { $no }، الممتنعون: { $abstaining }
details-un-metadata = بيانات الأمم المتحدة
details-not-in-library = غير موجودة في مجلد المكتبة
msg-unknown-compare-format = { $file }: صيغة غير معروفة للمقارنة (استخدم pdf أو html أو docx أو md أو json)
msg-unknown-export-format = { $file }: صيغة تصدير غير معروفة (استخدم إحدى الصيغ: { $formats })
msg-loader-stopped = تعذر تحميل الملف (توقفت أداة التحميل).
compare-mark = { $what } ({ $version }): { $paragraph }
block-with-table = { $paragraph }، { $table }
popup-heading = { $kind } { $target }
popup-paragraph-heading = { $kind }: { $paragraph }

## Help and About
menu-help = مساعدة
menu-about = حول «قرار»
about-window = حول «قرار»
about-name = قرار
about-tagline = برنامج لقراءة قرارات الأمم المتحدة، يولي الأولوية للغة العربية.
about-version = الإصدار
about-commit = الإيداع
about-target = المنصة

## Files that cannot be opened
load-cannot-open = تعذر فتح { $file }: { $reason }
load-not-found = الملف غير موجود
load-permission = الإذن مرفوض (تحقّق ممن يحق له قراءته)
load-is-folder = هذا مجلد وليس ملفًا
load-not-text = لا يمكن قراءة محتواه نصًّا
load-io = { $reason }
load-too-large = حجم الملف { $size } ميغابايت، وهو أكبر من الحد الأقصى البالغ { $limit } ميغابايت
load-empty = الملف فارغ (لا نص فيه للعرض)
load-binary = يبدو ملفًا ثنائيًا، وليس من الملفات التي يقرؤها «قرار» (نص، أو XML بصيغة Akoma Ntoso، أو PDF، أو Word .docx)
load-xml = ملف XML غير سليم البنية: { $reason }
load-pdf-encrypted = ملف PDF هذا مشفّر ويحتاج إلى كلمة مرور؛ افتحه في عارض PDF واحفظ نسخة غير محمية
load-pdf-damaged = ملف PDF هذا تالف أو ناقص ولا يمكن قراءته
load-pdf-unreadable = تتعذر قراءة صفحات ملف PDF هذا
load-pdf-images = ملف PDF هذا يحوي صورًا للصفحات لا نصًّا: يحتاج إلى التعرّف الضوئي على الحروف (OCR)
load-pdf-no-text = لا نص في ملف PDF هذا
load-docx-no-text = مستند Word هذا لا نص فيه
load-office-encrypted = هذا ملف Office محمي بكلمة مرور: افتحه في Word، وأزل كلمة المرور، واحفظه ثم افتحه
load-doc-old = هذا مستند Word 97–2003 (.doc) أو ملف Office قديم آخر لا يقرؤه «قرار»: احفظه بصيغة .docx أو PDF ثم افتحه
load-rtf = هذا مستند RTF لا يقرؤه «قرار»: احفظه بصيغة .docx أو PDF أو نصًّا عاديًا ثم افتحه
load-html-word = اسمه اسم ملف Word لكنه صفحة ويب (HTML): افتحه في Word أو في متصفح، واحفظه بصيغة .docx أو PDF ثم افتحه
load-opendocument = هذا ملف OpenDocument وليس ملف Word .docx: احفظه بصيغة .docx أو PDF (في LibreOffice: ملف ← حفظ باسم) ثم افتحه
load-xlsx = هذا مصنّف Excel (.xlsx) وليس مستند Word
load-pptx = هذا عرض تقديمي PowerPoint (.pptx) وليس مستند Word
load-zip-not-word = هذا أرشيف zip وليس ملف Word .docx (ليس فيه word/document.xml)
load-damaged-zip = هذا أرشيف zip تالف (لعله ملف Word .docx لم يكتمل نسخه): { $detail }
load-damaged = الملف تالف: { $detail }
load-part-too-large = الملف أكبر من أن يُقرأ: أحد أجزائه يتجاوز عند فكّه الحد الأقصى للحجم
load-other = { $reason }
msg-no-earlier-version = لا توجد في مجلد المكتبة صيغة سابقة لهذا القرار (بالعنوان نفسه، أو بند جدول الأعمال نفسه، أو قرار تشير إليه ديباجته، في دورة سابقة).

## Panel handles
pane-resize-outline = تغيير حجم جزء المخطط
pane-resize-library = تغيير حجم جزء المكتبة
pane-resize-annotations = تغيير حجم جزء التعليقات
pane-resize-changes = تغيير حجم قائمة التغييرات
library-no-folder-yet = لم يُحدَّد مجلد للمكتبة بعد. اختر مجلدًا فيه قرارات (مثلًا نسخة من UNxml/GAresolutions)، وسيفهرسه «قرار» في الخلفية.

## What the comparison did to a unit
compare-unit-status = { $name }، { $status }
compare-status-unchanged = دون تغيير
compare-status-changed = مُعدَّلة
compare-status-inserted = مُضافة
compare-status-deleted = محذوفة
compare-status-moved = منقولة
compare-status-split = مُقسَّمة
compare-status-merged = مدمجة
library-status = الملفات: { $files }، المقروءة: { $read }، دون تغيير: { $unchanged }، بها أخطاء: { $failed } ({ $seconds } ث)
library-status-stopped = الملفات: { $files }، المقروءة: { $read }، دون تغيير: { $unchanged }، بها أخطاء: { $failed } ({ $seconds } ث) — توقفت الفهرسة قبل نهايتها

## أخطاء الوحدات الأخرى بلغة الواجهة
compare-two-languages = الوثيقتان بلغتين مختلفتين ({ $old } و{ $new })؛ قارن بين صيغتين باللغة نفسها
fulltext-folder = تعذر استخدام مجلد فهرس البحث { $path }: { $reason }
fulltext-index = تعذر استخدام فهرس البحث: { $reason }
fulltext-file = تعذرت إضافة { $file } إلى فهرس البحث: { $reason }
fulltext-state = تعذر تسجيل قائمة الملفات المفهرسة: { $reason }
msg-kept-open-unsaved = تعذر حفظ التعليقات على { $name }، لذلك تبقى الوثيقة مفتوحة ({ $reason }). حرِّر بعض مساحة التخزين أو تحقق من أذونات مجلد البيانات، أو احتفظ بالتعليقات عبر ملف ← تصدير التعليقات….
