# La interfaz de Qarar en español.

## Menus
menu-file = Archivo
menu-edit = Edición
menu-view = Ver
menu-settings = Configuración
menu-open-recent = Abrir archivo reciente
menu-no-recent = No hay archivos recientes
menu-document-information = Información del documento
menu-no-library-folder = No hay carpeta de biblioteca
menu-side-by-side = En paralelo con
menu-no-other-language = La biblioteca no tiene esta resolución en otro idioma.
menu-language = Idioma
menu-paper-a4 = Papel PDF: A4
menu-paper-letter = Papel PDF: Carta
menu-zoom-keys = Zoom: { $keys }
menu-read-in = Leer en { $language } (en el mismo párrafo)
menu-language-button = Idioma: { $language }
menu-no-document = No hay documento
menu-parser-notes-count = Observaciones del analizador ({ $count })…
menu-tab = Pestaña { $title }
menu-close-tab-named = Cerrar la pestaña { $title }

## Commands (menus, buttons, tooltips)
cmd-open = Abrir…
cmd-open-bundled = Abrir la resolución incluida A/RES/75/10
cmd-clear-recent = Borrar la lista de archivos recientes
cmd-close-tab = Cerrar pestaña
cmd-next-tab = Pestaña siguiente
cmd-previous-tab = Pestaña anterior
cmd-library-folder = Carpeta de la biblioteca…
cmd-forget-library-folder = Olvidar la carpeta de la biblioteca
cmd-refresh = Actualizar
cmd-cancel = Cancelar
cmd-export = Exportar…
cmd-import-annotations = Importar anotaciones…
cmd-export-annotations = Exportar anotaciones…
cmd-details = Detalles de la resolución…
cmd-parser-notes = Observaciones del analizador…
cmd-compare-with = Comparar con…
cmd-compare-previous = Comparar con la versión anterior
cmd-next-change = Cambio siguiente
cmd-previous-change = Cambio anterior
cmd-substantive-only = Solo cambios sustantivos
cmd-compare-layout = En el texto o en paralelo
cmd-close-compare = Cerrar la comparación
cmd-export-comparison = Exportar la comparación…
cmd-quit = Salir
cmd-find = Buscar…
cmd-find-next = Siguiente
cmd-find-previous = Anterior
cmd-close = Cerrar
cmd-search-library = Buscar en la biblioteca
cmd-copy = Copiar
cmd-select-all = Seleccionar todo
cmd-undo = Deshacer
cmd-redo = Rehacer
cmd-outline-pane = Panel del esquema
cmd-annotations-pane = Panel de anotaciones
cmd-library-pane = Panel de la biblioteca
cmd-justify = Justificar los párrafos
cmd-dark = Tema oscuro
cmd-zoom-in = Ampliar
cmd-zoom-out = Reducir
cmd-zoom-reset = Tamaño real
cmd-close-beside = Cerrar la vista en paralelo
cmd-highlight = Resaltar en { $colour }
cmd-note = Nota…
cmd-outline-previous = Entrada anterior del esquema
cmd-outline-next = Entrada siguiente del esquema
cmd-page-down = Página siguiente
cmd-page-up = Página anterior
cmd-line-down = Línea siguiente
cmd-line-up = Línea anterior
cmd-top = Principio del documento
cmd-end = Final del documento
cmd-close-popup = Cerrar la ventana emergente
cmd-open-popup = Abrir la ventana emergente
cmd-ok = Aceptar
cmd-library-previous-row = Resolución anterior
cmd-library-next-row = Resolución siguiente
cmd-library-open-row = Abrir la resolución
cmd-copy-citation = Copiar la cita
cmd-language = Idioma
help-outline = Esquema: mostrar u ocultar el esquema de los párrafos
help-library = Biblioteca: las resoluciones de su carpeta
help-annotations = Anotaciones: mostrarlas u ocultarlas
help-find-next = Coincidencia siguiente
help-find-previous = Coincidencia anterior
help-note = Resaltar y añadir una nota
help-compare-previous = Comparar con la versión anterior de la carpeta de la biblioteca
tooltip-with-key = { $help } ({ $key })

## Colours
colour-yellow = amarillo
colour-green = verde
colour-blue = azul
colour-pink = rosa
colour-orange = naranja
colour-purple = morado

## Panes and toolbar
pane-outline = Esquema
pane-annotations = Anotaciones
pane-library = Biblioteca
outline-tree = Árbol del esquema
outline-entry = Esquema: { $name }
outline-formula = Fórmula de promulgación
outline-preamble = Preámbulo
outline-operative = Parte dispositiva
outline-part = Parte { $n }
outline-annex = Anexo { $n }
outline-expand = Expandir { $name }
outline-collapse = Contraer { $name }
outline-deleted = Esquema: { $name } (suprimido)
empty-open-hint = Abra una resolución con Archivo → Abrir (Ctrl+O).
untitled = Sin título
empty-tab = Vacía

## Settings
settings-interface-language = Idioma de la interfaz

## Find
find-label = Buscar:
find-field = Búsqueda
find-no-matches = sin resultados
find-matches = { $count ->
    [one] { $count } resultado
   *[other] { $count } resultados
}

## Document information
info-symbol = Signatura
info-language = Idioma
info-adopted = Aprobada el
info-paragraphs = Párrafos
info-paragraph-counts = { $preambular } del preámbulo, { $operative } de la parte dispositiva
info-footnotes = Notas
info-references = Referencias
info-source = Origen
info-unknown = no disponible
info-bundled = archivo incluido A-RES-75-10.ar.txt

## Windows
note-window = Nota
note-text = Texto de la nota
note-placeholder = Escriba una nota…
note-tags = Etiquetas:
note-tags-field = Etiquetas
note-done = Hecho
note-delete-highlight = Eliminar el resaltado
note-colour = Color { $colour }
parser-notes-window = Observaciones del analizador
details-window = Detalles de la resolución
details-no-symbol = Este documento no tiene signatura.
details-choose-library = Elija una carpeta de biblioteca para ver las votaciones, los patrocinadores y las resoluciones que la citan.
details-title = Título (Naciones Unidas)
details-adopted = Aprobada el
details-meeting = Sesión
details-vote = Votación
details-adoption = Aprobación
details-agenda-item = Tema del programa
details-committee = Comisión
details-draft = Proyecto de resolución
details-sponsors = Patrocinadores
details-languages = Idiomas
details-cited-by = Citada por ({ $count })
details-not-cited = Ninguna resolución de la biblioteca la cita.
status-problem = Problema
status-done = Hecho

## Messages
msg-open-to-compare = Abra una resolución para compararla con otra versión.
msg-cannot-compare = No se puede comparar: { $reason }
msg-compare-stopped = La comparación se detuvo de forma inesperada.
msg-nothing-to-export = No hay ninguna comparación que exportar.
msg-exported = Se exportó a { $path }
msg-export-failed = Error al exportar: { $reason }
msg-exporter-stopped = Error al exportar: el módulo de exportación se detuvo.
msg-cannot-highlight = No se puede resaltar: { $reason }
msg-cannot-annotate = No se puede anotar: { $reason }
msg-no-text-in-language = La biblioteca no tiene el texto en { $language } de { $symbol }.

## File dialogs
dialog-library-folder = Elegir la carpeta de la biblioteca
dialog-export-comparison = Exportar la comparación
dialog-compare-with = Comparar con
dialog-open = Abrir una resolución
dialog-import-annotations = Importar anotaciones
dialog-export-annotations = Exportar anotaciones
dialog-export-copy = Exportar una copia anotada
filter-resolutions = Resoluciones
filter-all-files = Todos los archivos
filter-web-annotations = Anotaciones web
filter-word-tracked = Word (control de cambios)

## Compare view
compare-old-new = Anterior: { $old } · Nuevo: { $new }
compare-inline = En el texto
compare-side-by-side = En paralelo
compare-change-count = Número de cambios
compare-other-versions = Otras versiones anteriores
compare-summary = Resumen de la comparación
compare-changes = Cambios ({ $count })
compare-change = Cambio { $n }
compare-change-version = Cambio { $n }, { $version }
compare-copy-citation-of = Copiar la cita de la { $version }
compare-old-version = versión anterior
compare-new-version = versión nueva
compare-note = Nota
compare-highlight = Resaltado
compare-position = { $current } de { $total }
compare-no-changes = Sin cambios

## Library pane
library-filter = Filtrar la biblioteca
library-choose-folder = Elegir carpeta…
library-refresh-help = Volver a leer los archivos nuevos y modificados
library-folder-help = La carpeta de la biblioteca
library-reading-files = Leyendo archivos { $done } / { $total }
library-indexing = Indexando el texto { $done } / { $total }
library-browse = Explorar
library-search-text = Buscar en el texto
library-search-help = Buscar en el texto de todos los documentos (Ctrl+Mayús+F)
library-reading-folder = Leyendo la carpeta…
library-filter-help = Signatura (75/10) o palabras del título, en cualquier idioma; ↑/↓ e Intro
library-empty = No hay resoluciones en esta carpeta.
library-no-match = Nada coincide con el filtro.
library-all = Todos
library-session = { $session }º período de sesiones
library-other-documents = Otros documentos
library-unreadable = Archivos que no se pudieron leer ({ $count })
library-open-in = Abrir en { $language }
library-open-symbol-in = Abrir { $symbol } en { $language }
library-searching = Buscando…
library-search-forms = Las palabras se encuentran en todas sus formas: con o sin hamza, signos vocálicos (harakat) o tatwil.
library-no-paragraph = Ningún párrafo contiene estas palabras.
library-first-paragraphs = Los primeros { $count } párrafos
library-paragraphs-found = { $count ->
    [one] Un párrafo
   *[other] { $count } párrafos
}
library-count = { $count ->
    [one] Una resolución
   *[other] { $count } resoluciones
}
library-search-ready = La búsqueda estará disponible cuando termine la indexación.
library-search-needs-index = La búsqueda requiere indexar toda la carpeta: pulse Actualizar.
library-unreadable-folder = No se puede leer la carpeta de la biblioteca { $folder }: { $reason }
library-index-not-saved = No se pudo guardar el índice de la biblioteca en { $path }: { $reason }
library-fulltext-index = Índice de búsqueda de texto completo: { $reason }
library-fulltext-unavailable = La búsqueda de texto completo no está disponible: { $reason }
library-indexing-stopped = La indexación de la biblioteca se detuvo de forma inesperada.
language-ar = árabe
language-zh = chino
language-en = inglés
language-fr = francés
language-ru = ruso
language-es = español

## Annotations pane
annotations-title = Anotaciones ({ $count })
annotations-filter = Filtrar las anotaciones
annotations-empty = Todavía no hay anotaciones. Seleccione un pasaje y pulse 1 a 6 para resaltarlo.
annotations-orphan = Huérfana: no se encuentra el pasaje
annotations-showing = Se muestran { $shown } de { $total }
annotations-no-match = Ninguna anotación coincide con los filtros.
annotations-clear-filters = Borrar los filtros
annotations-colour = Color:
annotations-all = Todos
annotations-filter-all-colours = Filtro: todos los colores
annotations-tag = Etiqueta:
annotations-all-tags = Todas las etiquetas
annotations-filter-all-tags = Filtro: todas las etiquetas
annotations-item = Anotación: { $text }
annotations-filter-help = Filtrar por pasaje, nota o etiqueta
annotations-filter-colour = Filtro: { $colour }
annotations-filter-tag = Filtro: etiqueta { $tag }
annotations-edit = Editar
annotations-delete = Eliminar
annotations-edit-help = Editar la anotación
annotations-delete-help = Eliminar la anotación

## Document view and popups
view-highlight-paragraph = Resaltar el párrafo
view-note-paragraph = Añadir una nota al párrafo…
view-note-on = Nota: { $block }
block-meta = Información del documento
block-title = Título
block-formula = Fórmula de promulgación
block-closing = Cierre
block-annex = Anexo { $annex }, { $inner }
block-part = Parte { $part }, { $inner }
block-section = Sección { $n }
block-table = Cuadro { $n }
block-preambular = Párrafo { $n } del preámbulo
block-paragraph = Párrafo { $n }
block-text = Párrafo de texto { $n }
link-footnote = Nota { $marker }
link-reference = Referencia { $target }
link-reference-plain = Referencia
popup-footnote = Nota
popup-reference = Referencia
popup-footnote-missing = Esta nota no figura en el documento.
popup-reference-missing = Esta referencia no figura en el documento.
popup-in-paragraph = ({ $paragraph })
popup-kind-resolution = Resolución
popup-kind-decision = Decisión
popup-kind-document = Documento
popup-kind-treaty = Tratado
popup-kind-paragraph = Párrafo
popup-paragraph-missing = Ese párrafo no figura en este documento.
popup-paragraph-text = Texto del párrafo citado
popup-go-to-paragraph = Ir al párrafo
popup-title = Título
popup-not-in-catalogue = No figura en el catálogo integrado.
popup-open-undocs = Abrir en undocs.org
popup-copy-symbol = Copiar la signatura
popup-adopted = Aprobada el { $date }
popup-first-operative = Primer párrafo de la parte dispositiva
popup-open-at = Abrir: { $paragraph } ({ $language })
popup-open-at-help = Abrirla en una pestaña nueva en el párrafo citado
popup-open = Abrir ({ $language })
popup-open-help = Abrirla en una pestaña nueva
popup-footnote-text = Texto de la nota

## Added with the window
details-votes = A favor: { $yes }; en contra: { $no }; abstenciones: { $abstaining }
details-un-metadata = Metadatos de las Naciones Unidas
details-not-in-library = no figuran en la carpeta de la biblioteca
msg-unknown-compare-format = { $file }: formato desconocido para una comparación (use pdf, html, docx, md o json)
msg-unknown-export-format = { $file }: formato de exportación desconocido (use uno de estos: { $formats })
msg-loader-stopped = No se pudo cargar el archivo (la carga se detuvo).
compare-mark = { $what } ({ $version }): { $paragraph }
block-with-table = { $paragraph }, { $table }
popup-heading = { $kind } { $target }
popup-paragraph-heading = { $kind }: { $paragraph }

## Help and About
menu-help = Ayuda
menu-about = Acerca de Qarar
about-window = Acerca de Qarar
about-name = Qarar
about-tagline = Lector de resoluciones de las Naciones Unidas, pensado ante todo para el árabe.
about-version = Versión
about-commit = Revisión
about-target = Plataforma

## Files that cannot be opened
load-cannot-open = No se puede abrir { $file }: { $reason }
load-not-found = el archivo no existe
load-permission = permiso denegado (compruebe quién puede leerlo)
load-is-folder = es una carpeta, no un archivo
load-not-text = su contenido no puede leerse como texto
load-io = { $reason }
load-too-large = el archivo ocupa { $size } MB y supera el límite de { $limit } MB
load-empty = está vacío (no hay texto que mostrar)
load-binary = parece un archivo binario, no uno de los formatos que lee Qarar (texto, XML Akoma Ntoso, PDF o Word .docx)
load-xml = XML mal formado: { $reason }
load-pdf-encrypted = este PDF está cifrado y necesita una contraseña; ábralo en un visor de PDF y guarde una copia sin protección
load-pdf-damaged = este PDF está dañado o incompleto y no puede leerse
load-pdf-unreadable = las páginas de este PDF no pueden leerse
load-pdf-images = este PDF contiene imágenes de páginas, no texto: necesita reconocimiento óptico de caracteres (OCR)
load-pdf-no-text = este PDF no contiene texto
load-docx-no-text = es un documento de Word sin texto
load-office-encrypted = es un archivo de Office protegido con contraseña: ábralo en Word, quite la contraseña, guárdelo y ábralo
load-doc-old = es un documento de Word 97–2003 (.doc) u otro archivo antiguo de Office, que Qarar no lee: guárdelo como .docx o PDF y ábralo
load-rtf = es un documento RTF, que Qarar no lee: guárdelo como .docx, PDF o texto sin formato y ábralo
load-html-word = tiene nombre de archivo de Word pero es una página web (HTML): ábralo en Word o en un navegador, guárdelo como .docx o PDF y ábralo
load-opendocument = es un archivo OpenDocument, no un archivo de Word .docx: guárdelo como .docx o PDF (en LibreOffice, Archivo → Guardar como) y ábralo
load-xlsx = es un libro de Excel (.xlsx), no un documento de Word
load-pptx = es una presentación de PowerPoint (.pptx), no un documento de Word
load-zip-not-word = es un archivo zip pero no un archivo de Word .docx (no tiene word/document.xml)
load-damaged-zip = es un archivo zip dañado (quizá un archivo de Word .docx copiado a medias): { $detail }
load-damaged = está dañado: { $detail }
load-part-too-large = es demasiado grande para leerlo: una de sus partes supera el límite de tamaño al descomprimirse
load-other = { $reason }
msg-no-earlier-version = No hay en la carpeta de la biblioteca ninguna versión anterior de esta resolución (mismo título, mismo tema del programa o una resolución que su preámbulo recuerda, de un período de sesiones anterior).

## Panel handles
pane-resize-outline = Cambiar el tamaño del panel del esquema
pane-resize-library = Cambiar el tamaño del panel de la biblioteca
pane-resize-annotations = Cambiar el tamaño del panel de anotaciones
pane-resize-changes = Cambiar el tamaño de la lista de cambios
library-no-folder-yet = Aún no hay carpeta de biblioteca. Elija una carpeta de resoluciones (por ejemplo, un clon de UNxml/GAresolutions); Qarar la indexa en segundo plano.

## What the comparison did to a unit
compare-unit-status = { $name }, { $status }
compare-status-unchanged = sin cambios
compare-status-changed = modificado
compare-status-inserted = añadido
compare-status-deleted = suprimido
compare-status-moved = trasladado
compare-status-split = dividido
compare-status-merged = fusionado
library-status = Archivos: { $files }; leídos: { $read }; sin cambios: { $unchanged }; con errores: { $failed } ({ $seconds } s)
library-status-stopped = Archivos: { $files }; leídos: { $read }; sin cambios: { $unchanged }; con errores: { $failed } ({ $seconds } s) — se detuvo antes de terminar

## Errores de los demás módulos, en el idioma de la interfaz
compare-two-languages = los documentos están en dos idiomas ({ $old } y { $new }); compare versiones en un mismo idioma
fulltext-folder = no se puede usar la carpeta del índice de búsqueda { $path }: { $reason }
fulltext-index = no se puede usar el índice de búsqueda: { $reason }
fulltext-file = el índice de búsqueda no puede incorporar { $file }: { $reason }
fulltext-state = no se puede registrar la lista de archivos indexados: { $reason }
msg-kept-open-unsaved = No se pudieron guardar las anotaciones de { $name }, por lo que sigue abierto ({ $reason }). Libere espacio o compruebe los permisos de la carpeta de datos, o consérvelas con Archivo → Exportar anotaciones….
