# Интерфейс Qarar на русском языке.

## Menus
menu-file = Файл
menu-edit = Правка
menu-view = Вид
menu-settings = Настройки
menu-open-recent = Недавние файлы
menu-no-recent = Нет недавних файлов
menu-document-information = Сведения о документе
menu-no-library-folder = Папка библиотеки не выбрана
menu-side-by-side = Рядом с текстом на языке
menu-no-other-language = В библиотеке нет этой резолюции на другом языке.
menu-language = Язык
menu-paper-a4 = Бумага PDF: A4
menu-paper-letter = Бумага PDF: Letter
menu-zoom-keys = Масштаб: { $keys }
menu-read-in = Читать на языке: { $language } (с того же пункта)
menu-language-button = Язык: { $language }
menu-no-document = Нет документа
menu-parser-notes-count = Замечания анализатора ({ $count })…
menu-tab = Вкладка { $title }
menu-close-tab-named = Закрыть вкладку { $title }

## Commands (menus, buttons, tooltips)
cmd-open = Открыть…
cmd-open-bundled = Открыть встроенную резолюцию A/RES/75/10
cmd-clear-recent = Очистить список недавних файлов
cmd-close-tab = Закрыть вкладку
cmd-next-tab = Следующая вкладка
cmd-previous-tab = Предыдущая вкладка
cmd-library-folder = Папка библиотеки…
cmd-forget-library-folder = Забыть папку библиотеки
cmd-refresh = Обновить
cmd-cancel = Отмена
cmd-export = Экспорт…
cmd-import-annotations = Импорт аннотаций…
cmd-export-annotations = Экспорт аннотаций…
cmd-details = Сведения о резолюции…
cmd-parser-notes = Замечания анализатора…
cmd-compare-with = Сравнить с…
cmd-compare-previous = Сравнить с предыдущей редакцией
cmd-next-change = Следующее изменение
cmd-previous-change = Предыдущее изменение
cmd-substantive-only = Только существенные изменения
cmd-compare-layout = В тексте или рядом
cmd-close-compare = Закрыть сравнение
cmd-export-comparison = Экспорт сравнения…
cmd-quit = Выход
cmd-find = Найти…
cmd-find-next = Далее
cmd-find-previous = Назад
cmd-close = Закрыть
cmd-search-library = Поиск в библиотеке
cmd-copy = Копировать
cmd-select-all = Выделить все
cmd-undo = Отменить
cmd-redo = Повторить
cmd-outline-pane = Панель структуры
cmd-annotations-pane = Панель аннотаций
cmd-library-pane = Панель библиотеки
cmd-justify = Выравнивать абзацы по ширине
cmd-dark = Темная тема
cmd-zoom-in = Увеличить
cmd-zoom-out = Уменьшить
cmd-zoom-reset = Исходный размер
cmd-close-beside = Закрыть параллельный текст
cmd-highlight = Выделить цветом: { $colour }
cmd-note = Заметка…
cmd-outline-previous = Предыдущий элемент структуры
cmd-outline-next = Следующий элемент структуры
cmd-page-down = Страница вниз
cmd-page-up = Страница вверх
cmd-line-down = Строка вниз
cmd-line-up = Строка вверх
cmd-top = Начало документа
cmd-end = Конец документа
cmd-close-popup = Закрыть всплывающее окно
cmd-open-popup = Открыть всплывающее окно
cmd-ok = ОК
cmd-library-previous-row = Предыдущая резолюция
cmd-library-next-row = Следующая резолюция
cmd-library-open-row = Открыть резолюцию
cmd-copy-citation = Копировать ссылку
cmd-language = Язык
help-outline = Структура: показать или скрыть структуру пунктов
help-library = Библиотека: резолюции из вашей папки
help-annotations = Аннотации: показать или скрыть
help-find-next = Следующее совпадение
help-find-previous = Предыдущее совпадение
help-note = Выделить и добавить заметку
help-compare-previous = Сравнить с предыдущей редакцией из папки библиотеки
tooltip-with-key = { $help } ({ $key })

## Colours
colour-yellow = желтый
colour-green = зеленый
colour-blue = синий
colour-pink = розовый
colour-orange = оранжевый
colour-purple = фиолетовый

## Panes and toolbar
pane-outline = Структура
pane-annotations = Аннотации
pane-library = Библиотека
outline-tree = Дерево структуры
outline-entry = Структура: { $name }
outline-formula = Вводная формула
outline-preamble = Преамбула
outline-operative = Постановляющая часть
outline-part = Часть { $n }
outline-annex = Приложение { $n }
outline-expand = Развернуть { $name }
outline-collapse = Свернуть { $name }
outline-deleted = Структура: { $name } (удален)
empty-open-hint = Откройте резолюцию: Файл → Открыть (Ctrl+O).
untitled = Без названия
empty-tab = Пусто

## Settings
settings-interface-language = Язык интерфейса

## Find
find-label = Найти:
find-field = Поиск
find-no-matches = совпадений нет
find-matches = { $count ->
    [one] { $count } совпадение
    [few] { $count } совпадения
   *[many] { $count } совпадений
}

## Document information
info-symbol = Условное обозначение
info-language = Язык
info-adopted = Принята
info-paragraphs = Пункты
info-paragraph-counts = преамбула: { $preambular }, постановляющая часть: { $operative }
info-footnotes = Сноски
info-references = Ссылки
info-source = Источник
info-unknown = неизвестно
info-bundled = встроенный файл A-RES-75-10.ar.txt

## Windows
note-window = Заметка
note-text = Текст заметки
note-placeholder = Введите заметку…
note-tags = Метки:
note-tags-field = Метки
note-done = Готово
note-delete-highlight = Удалить выделение
note-colour = Цвет: { $colour }
parser-notes-window = Замечания анализатора
details-window = Сведения о резолюции
details-no-symbol = У этого документа нет условного обозначения.
details-choose-library = Выберите папку библиотеки, чтобы увидеть результаты голосования, авторов и резолюции, которые на нее ссылаются.
details-title = Название (ООН)
details-adopted = Принята
details-meeting = Заседание
details-vote = Голосование
details-adoption = Принятие
details-agenda-item = Пункт повестки дня
details-committee = Комитет
details-draft = Проект резолюции
details-sponsors = Авторы
details-languages = Языки
details-cited-by = Ссылающиеся резолюции ({ $count })
details-not-cited = Ни одна резолюция библиотеки не ссылается на эту.
status-problem = Проблема
status-done = Готово

## Messages
msg-open-to-compare = Откройте резолюцию, чтобы сравнить ее с другой редакцией.
msg-cannot-compare = Сравнение невозможно: { $reason }
msg-compare-stopped = Сравнение неожиданно прервалось.
msg-nothing-to-export = Нет сравнения для экспорта.
msg-exported = Экспорт выполнен: { $path }
msg-export-failed = Ошибка экспорта: { $reason }
msg-exporter-stopped = Ошибка экспорта: модуль экспорта прекратил работу.
msg-cannot-highlight = Не удалось выделить: { $reason }
msg-cannot-annotate = Не удалось добавить аннотацию: { $reason }
msg-no-text-in-language = В библиотеке нет текста { $symbol } на языке: { $language }.

## File dialogs
dialog-library-folder = Выберите папку библиотеки
dialog-export-comparison = Экспорт сравнения
dialog-compare-with = Сравнить с
dialog-open = Открыть резолюцию
dialog-import-annotations = Импорт аннотаций
dialog-export-annotations = Экспорт аннотаций
dialog-export-copy = Экспорт копии с аннотациями
filter-resolutions = Резолюции
filter-all-files = Все файлы
filter-web-annotations = Веб-аннотации
filter-word-tracked = Word (с исправлениями)

## Compare view
compare-old-new = Прежний: { $old } · Новый: { $new }
compare-inline = В тексте
compare-side-by-side = Рядом
compare-change-count = Число изменений
compare-other-versions = Другие более ранние редакции
compare-summary = Итоги сравнения
compare-changes = Изменения ({ $count })
compare-change = Изменение { $n }
compare-change-version = Изменение { $n }, { $version }
compare-copy-citation-of = Копировать ссылку на { $version }
compare-old-version = прежний текст
compare-new-version = новый текст
compare-note = Заметка
compare-highlight = Выделение
compare-position = { $current } из { $total }
compare-no-changes = Изменений нет

## Library pane
library-filter = Фильтр библиотеки
library-choose-folder = Выбрать папку…
library-refresh-help = Перечитать новые и измененные файлы
library-folder-help = Папка библиотеки
library-reading-files = Чтение файлов { $done } / { $total }
library-indexing = Индексирование текста { $done } / { $total }
library-browse = Обзор
library-search-text = Поиск по тексту
library-search-help = Поиск по тексту всех документов (Ctrl+Shift+F)
library-reading-folder = Чтение папки…
library-filter-help = Условное обозначение (75/10) или слова названия на любом языке; ↑/↓ и Enter
library-empty = В этой папке нет резолюций.
library-no-match = Ничто не соответствует фильтру.
library-all = Все
library-session = { $session }-я сессия
library-other-documents = Другие документы
library-unreadable = Файлы, которые не удалось прочитать ({ $count })
library-open-in = Открыть на языке: { $language }
library-open-symbol-in = Открыть { $symbol } на языке: { $language }
library-searching = Поиск…
library-search-forms = Поиск находит слова во всех формах: с хамзой и без, с огласовками и без, с татвилем и без.
library-no-paragraph = Ни один пункт не содержит этих слов.
library-first-paragraphs = { $count ->
    [one] Первый { $count } пункт
    [few] Первые { $count } пункта
   *[many] Первые { $count } пунктов
}
library-paragraphs-found = { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
}
library-count = { $count ->
    [one] { $count } резолюция
    [few] { $count } резолюции
   *[many] { $count } резолюций
}
library-search-ready = Поиск станет доступен по окончании индексирования.
library-search-needs-index = Для поиска нужно проиндексировать папку полностью: нажмите «Обновить».
library-unreadable-folder = Не удается прочитать папку библиотеки { $folder }: { $reason }
library-index-not-saved = Не удалось сохранить индекс библиотеки в { $path }: { $reason }
library-fulltext-index = Индекс полнотекстового поиска: { $reason }
library-fulltext-unavailable = Полнотекстовый поиск недоступен: { $reason }
library-indexing-stopped = Индексирование библиотеки неожиданно прервалось.
language-ar = арабский
language-zh = китайский
language-en = английский
language-fr = французский
language-ru = русский
language-es = испанский

## Annotations pane
annotations-title = Аннотации ({ $count })
annotations-filter = Фильтр аннотаций
annotations-empty = Аннотаций пока нет. Выделите фрагмент и нажмите 1–6, чтобы отметить его цветом.
annotations-orphan = Без привязки — фрагмент не найден
annotations-showing = Показано { $shown } из { $total }
annotations-no-match = Нет аннотаций, соответствующих фильтрам.
annotations-clear-filters = Сбросить фильтры
annotations-colour = Цвет:
annotations-all = Все
annotations-filter-all-colours = Фильтр: все цвета
annotations-tag = Метка:
annotations-all-tags = Все метки
annotations-filter-all-tags = Фильтр: все метки
annotations-item = Аннотация: { $text }
annotations-filter-help = Фильтр по фрагменту, заметке или метке
annotations-filter-colour = Фильтр: { $colour }
annotations-filter-tag = Фильтр: метка { $tag }
annotations-edit = Изменить
annotations-delete = Удалить
annotations-edit-help = Изменить аннотацию
annotations-delete-help = Удалить аннотацию

## Document view and popups
view-highlight-paragraph = Выделить пункт
view-note-paragraph = Добавить заметку к пункту…
view-note-on = Заметка к элементу «{ $block }»
block-meta = Сведения о документе
block-title = Название
block-formula = Вводная формула
block-closing = Заключительная часть
block-annex = Приложение { $annex }, { $inner }
block-part = Часть { $part }, { $inner }
block-section = Раздел { $n }
block-table = Таблица { $n }
block-preambular = Пункт { $n } преамбулы
block-paragraph = Пункт { $n }
block-text = Абзац текста { $n }
link-footnote = Сноска { $marker }
link-reference = Ссылка { $target }
link-reference-plain = Ссылка
popup-footnote = Сноска
popup-reference = Ссылка
popup-footnote-missing = Этой сноски нет в документе.
popup-reference-missing = Этой ссылки нет в документе.
popup-in-paragraph = ({ $paragraph })
popup-kind-resolution = Резолюция
popup-kind-decision = Решение
popup-kind-document = Документ
popup-kind-treaty = Договор
popup-kind-paragraph = Пункт
popup-paragraph-missing = Этого пункта нет в документе.
popup-paragraph-text = Текст пункта, на который дана ссылка
popup-go-to-paragraph = Перейти к пункту
popup-title = Название
popup-not-in-catalogue = Нет во встроенном каталоге.
popup-open-undocs = Открыть на undocs.org
popup-copy-symbol = Копировать условное обозначение
popup-adopted = Принята { $date }
popup-first-operative = Первый пункт постановляющей части
popup-open-at = Открыть: { $paragraph } ({ $language })
popup-open-at-help = Открыть в новой вкладке на указанном пункте
popup-open = Открыть ({ $language })
popup-open-help = Открыть в новой вкладке
popup-footnote-text = Текст сноски

## Added with the window
details-votes = за — { $yes }, против — { $no }, воздержались — { $abstaining }
details-un-metadata = Метаданные ООН
details-not-in-library = нет в папке библиотеки
msg-unknown-compare-format = { $file }: неизвестный формат сравнения (используйте pdf, html, docx, md или json)
msg-unknown-export-format = { $file }: неизвестный формат экспорта (используйте один из форматов: { $formats })
msg-loader-stopped = Не удалось загрузить файл (загрузка прервалась).
compare-mark = { $what } ({ $version }): { $paragraph }
block-with-table = { $paragraph }, { $table }
popup-heading = { $kind } { $target }
popup-paragraph-heading = { $kind }: { $paragraph }

## Help and About
menu-help = Справка
menu-about = О программе Qarar
about-window = О программе Qarar
about-name = Qarar
about-tagline = Программа для чтения резолюций Организации Объединенных Наций, прежде всего на арабском языке.
about-version = Версия
about-commit = Ревизия
about-target = Платформа

## Files that cannot be opened
load-cannot-open = Не удалось открыть { $file }: { $reason }
load-not-found = файл не существует
load-permission = доступ запрещен (проверьте, кому разрешено его читать)
load-is-folder = это папка, а не файл
load-not-text = его содержимое нельзя прочитать как текст
load-io = { $reason }
load-too-large = размер файла — { $size } МБ, что превышает предел в { $limit } МБ
load-empty = файл пуст (нет текста для отображения)
load-binary = похоже, это двоичный файл, а Qarar читает только текст, XML Akoma Ntoso, PDF или Word .docx
load-xml = XML с ошибками: { $reason }
load-pdf-encrypted = этот PDF зашифрован и требует пароль; откройте его в программе просмотра PDF и сохраните незащищенную копию
load-pdf-damaged = этот PDF поврежден или обрезан, прочитать его нельзя
load-pdf-unreadable = страницы этого PDF прочитать нельзя
load-pdf-images = в этом PDF изображения страниц, а не текст: нужно оптическое распознавание (OCR)
load-pdf-no-text = в этом PDF нет текста
load-docx-no-text = в этом документе Word нет текста
load-office-encrypted = это файл Office, защищенный паролем: откройте его в Word, снимите пароль, сохраните и откройте снова
load-doc-old = это документ Word 97–2003 (.doc) или другой старый файл Office, который Qarar не читает: сохраните его как .docx или PDF и откройте
load-rtf = это документ RTF, который Qarar не читает: сохраните его как .docx, PDF или обычный текст и откройте
load-html-word = у него имя файла Word, но это веб-страница (HTML): откройте ее в Word или браузере, сохраните как .docx или PDF и откройте
load-opendocument = это файл OpenDocument, а не файл Word .docx: сохраните его как .docx или PDF (в LibreOffice: Файл → Сохранить как) и откройте
load-xlsx = это книга Excel (.xlsx), а не документ Word
load-pptx = это презентация PowerPoint (.pptx), а не документ Word
load-zip-not-word = это архив zip, но не файл Word .docx (в нем нет word/document.xml)
load-damaged-zip = это поврежденный архив zip (возможно, файл Word .docx, скопированный не полностью): { $detail }
load-damaged = файл поврежден: { $detail }
load-part-too-large = файл слишком велик для чтения: одна из его частей после распаковки превышает предел
load-other = { $reason }
msg-no-earlier-version = В папке библиотеки нет более ранней редакции этой резолюции (резолюции более ранней сессии с тем же названием или пунктом повестки дня либо резолюции, упоминаемой в ее преамбуле).

## Panel handles
pane-resize-outline = Изменить размер панели структуры
pane-resize-library = Изменить размер панели библиотеки
pane-resize-annotations = Изменить размер панели аннотаций
pane-resize-changes = Изменить размер списка изменений
library-no-folder-yet = Папка библиотеки еще не выбрана. Выберите папку с резолюциями (например, клон UNxml/GAresolutions); Qarar проиндексирует ее в фоновом режиме.

## What the comparison did to a unit
compare-unit-status = { $name }, { $status }
compare-status-unchanged = без изменений
compare-status-changed = изменен
compare-status-inserted = добавлен
compare-status-deleted = удален
compare-status-moved = перемещен
compare-status-split = разделен
compare-status-merged = объединен
library-status = Файлов: { $files }; прочитано: { $read }; без изменений: { $unchanged }; с ошибками: { $failed } ({ $seconds } с)
library-status-stopped = Файлов: { $files }; прочитано: { $read }; без изменений: { $unchanged }; с ошибками: { $failed } ({ $seconds } с) — прервано до завершения

## Ошибки других модулей на языке интерфейса
compare-two-languages = документы на двух языках ({ $old } и { $new }); сравнивайте редакции на одном языке
fulltext-folder = папку поискового индекса { $path } невозможно использовать: { $reason }
fulltext-index = поисковый индекс невозможно использовать: { $reason }
fulltext-file = файл { $file } невозможно добавить в поисковый индекс: { $reason }
fulltext-state = список проиндексированных файлов невозможно сохранить: { $reason }
msg-kept-open-unsaved = Не удалось сохранить аннотации к документу { $name }, поэтому он остается открытым ({ $reason }). Освободите место или проверьте права доступа к папке данных либо сохраните их через Файл → Экспорт аннотаций….
