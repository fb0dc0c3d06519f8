# Qarar's interface in English. Every message id here must be in the five other files, with
# the same placeables ($name …); `cargo test -p qarar-i18n` checks it.

## Menus
menu-file = File
menu-edit = Edit
menu-view = View
menu-settings = Settings
menu-open-recent = Open recent
menu-no-recent = No recent files
menu-document-information = Document information
menu-no-library-folder = No library folder
menu-side-by-side = Side by side with
menu-no-other-language = The library has no other language of this resolution.
menu-language = Language
menu-paper-a4 = PDF paper: A4
menu-paper-letter = PDF paper: Letter
menu-zoom-keys = Zoom: { $keys }
menu-read-in = Read in { $language } (the same paragraph)
menu-language-button = Language: { $language }
menu-no-document = No document
menu-parser-notes-count = Parser notes ({ $count })…
menu-tab = Tab { $title }
menu-close-tab-named = Close tab { $title }

## Commands (menus, buttons, tooltips)
cmd-open = Open…
cmd-open-bundled = Open bundled resolution A/RES/75/10
cmd-clear-recent = Clear recent files
cmd-close-tab = Close tab
cmd-next-tab = Next tab
cmd-previous-tab = Previous tab
cmd-library-folder = Library folder…
cmd-forget-library-folder = Forget the library folder
cmd-refresh = Refresh
cmd-cancel = Cancel
cmd-export = Export…
cmd-import-annotations = Import annotations…
cmd-export-annotations = Export annotations…
cmd-details = Resolution details…
cmd-parser-notes = Parser notes…
cmd-compare-with = Compare with…
cmd-compare-previous = Compare with previous
cmd-next-change = Next change
cmd-previous-change = Previous change
cmd-substantive-only = Substantive only
cmd-compare-layout = Inline or side by side
cmd-close-compare = Close comparison
cmd-export-comparison = Export comparison…
cmd-quit = Quit
cmd-find = Find…
cmd-find-next = Next
cmd-find-previous = Previous
cmd-close = Close
cmd-search-library = Search the library
cmd-copy = Copy
cmd-select-all = Select all
cmd-undo = Undo
cmd-redo = Redo
cmd-outline-pane = Outline pane
cmd-annotations-pane = Annotations pane
cmd-library-pane = Library pane
cmd-justify = Justify paragraphs
cmd-dark = Dark theme
cmd-zoom-in = Zoom in
cmd-zoom-out = Zoom out
cmd-zoom-reset = Actual size
cmd-close-beside = Close side by side
cmd-highlight = Highlight { $colour }
cmd-note = Note…
cmd-outline-previous = Previous outline entry
cmd-outline-next = Next outline entry
cmd-page-down = Page down
cmd-page-up = Page up
cmd-line-down = Line down
cmd-line-up = Line up
cmd-top = Top of the document
cmd-end = End of the document
cmd-close-popup = Close popup
cmd-open-popup = Open popup
cmd-ok = OK
cmd-library-previous-row = Previous resolution
cmd-library-next-row = Next resolution
cmd-library-open-row = Open resolution
cmd-copy-citation = Copy citation
cmd-language = Language
help-outline = Outline: show or hide the clause outline
help-library = Library: the resolutions of your library folder
help-annotations = Annotations: show or hide them
help-find-next = Next match
help-find-previous = Previous match
help-note = Highlight and add a note
help-compare-previous = Compare with the earlier version in the library folder
tooltip-with-key = { $help } ({ $key })

## Colours
colour-yellow = yellow
colour-green = green
colour-blue = blue
colour-pink = pink
colour-orange = orange
colour-purple = purple

## Panes and toolbar
pane-outline = Outline
pane-annotations = Annotations
pane-library = Library
outline-tree = Outline tree
outline-entry = Outline: { $name }
outline-formula = Enacting formula
outline-preamble = Preamble
outline-operative = Operative paragraphs
outline-part = Part { $n }
outline-annex = Annex { $n }
outline-expand = Expand { $name }
outline-collapse = Collapse { $name }
outline-deleted = Outline: { $name } (deleted)
empty-open-hint = Open a resolution with File → Open (Ctrl+O).
untitled = Untitled
empty-tab = Empty

## Settings
settings-interface-language = Interface language

## Find
find-label = Find:
find-field = Search
find-no-matches = no matches
find-matches = { $count ->
    [one] { $count } match
   *[other] { $count } matches
}

## Document information
info-symbol = Symbol
info-language = Language
info-adopted = Adopted
info-paragraphs = Paragraphs
info-paragraph-counts = { $preambular } preambular, { $operative } operative
info-footnotes = Footnotes
info-references = References
info-source = Source
info-unknown = unknown
info-bundled = bundled A-RES-75-10.ar.txt

## Windows
note-window = Note
note-text = Note text
note-placeholder = Type a note…
note-tags = Tags:
note-tags-field = Tags
note-done = Done
note-delete-highlight = Delete highlight
note-colour = Colour { $colour }
parser-notes-window = Parser notes
details-window = Resolution details
details-no-symbol = This document has no symbol.
details-choose-library = Choose a library folder to see votes, sponsors and citing resolutions.
details-title = Title (UN)
details-adopted = Adopted
details-meeting = Meeting
details-vote = Vote
details-adoption = Adoption
details-agenda-item = Agenda item
details-committee = Committee
details-draft = Draft
details-sponsors = Sponsors
details-languages = Languages
details-cited-by = Cited by ({ $count })
details-not-cited = No resolution of the library cites this one.
status-problem = Problem
status-done = Done

## Messages
msg-open-to-compare = Open a resolution to compare it with another version.
msg-cannot-compare = Cannot compare: { $reason }
msg-compare-stopped = The comparison stopped unexpectedly.
msg-nothing-to-export = No comparison to export.
msg-exported = Exported to { $path }
msg-export-failed = Export failed: { $reason }
msg-exporter-stopped = Export failed: the exporter stopped.
msg-cannot-highlight = Cannot highlight: { $reason }
msg-cannot-annotate = Cannot annotate: { $reason }
msg-no-text-in-language = The library has no { $language } text of { $symbol }.

## File dialogs
dialog-library-folder = Choose the library folder
dialog-export-comparison = Export the comparison
dialog-compare-with = Compare with
dialog-open = Open a resolution
dialog-import-annotations = Import annotations
dialog-export-annotations = Export annotations
dialog-export-copy = Export an annotated copy
filter-resolutions = Resolutions
filter-all-files = All files
filter-web-annotations = Web Annotations
filter-word-tracked = Word (tracked changes)

## Compare view
compare-old-new = Old: { $old } · New: { $new }
compare-inline = Inline
compare-side-by-side = Side by side
compare-change-count = Change count
compare-other-versions = Other earlier versions
compare-summary = Compare summary
compare-changes = Changes ({ $count })
compare-change = Change { $n }
compare-change-version = Change { $n }, { $version }
compare-copy-citation-of = Copy citation of the { $version } version
compare-old-version = old
compare-new-version = new
compare-note = Note
compare-highlight = Highlight
compare-position = { $current } of { $total }
compare-no-changes = No changes

## Library pane
library-filter = Filter library
library-choose-folder = Choose folder…
library-refresh-help = Read new and changed files again
library-folder-help = The library folder
library-reading-files = Reading files { $done } / { $total }
library-indexing = Indexing text { $done } / { $total }
library-browse = Browse
library-search-text = Search text
library-search-help = Search the text of every document (Ctrl+Shift+F)
library-reading-folder = Reading the folder…
library-filter-help = Symbol (75/10) or words of the title, in any language; ↑/↓ and Enter
library-empty = No resolutions in this folder.
library-no-match = Nothing matches the filter.
library-all = All
library-session = Session { $session }
library-other-documents = Other documents
library-unreadable = Files that could not be read ({ $count })
library-open-in = Open in { $language }
library-open-symbol-in = Open { $symbol } in { $language }
library-searching = Searching…
library-search-forms = Words are found in every form: with or without hamza, harakat or tatweel.
library-no-paragraph = No paragraph has these words.
library-first-paragraphs = First { $count } paragraphs
library-paragraphs-found = { $count ->
    [one] One paragraph
   *[other] { $count } paragraphs
}
library-count = { $count ->
    [one] One resolution
   *[other] { $count } resolutions
}
library-search-ready = Search is ready when indexing ends.
library-search-needs-index = Search needs the folder indexed to the end: press Refresh.
library-unreadable-folder = The library folder { $folder } cannot be read: { $reason }
library-index-not-saved = The library index could not be saved to { $path }: { $reason }
library-fulltext-index = Full-text search index: { $reason }
library-fulltext-unavailable = Full-text search is unavailable: { $reason }
library-indexing-stopped = Indexing the library stopped unexpectedly.
language-ar = Arabic
language-zh = Chinese
language-en = English
language-fr = French
language-ru = Russian
language-es = Spanish

## Annotations pane
annotations-title = Annotations ({ $count })
annotations-filter = Filter annotations
annotations-empty = No annotations yet. Select a passage and press 1–6 to highlight it.
annotations-orphan = Orphan — passage not found
annotations-showing = Showing { $shown } of { $total }
annotations-no-match = No annotations match the filters.
annotations-clear-filters = Clear filters
annotations-colour = Colour:
annotations-all = All
annotations-filter-all-colours = Filter all colours
annotations-tag = Tag:
annotations-all-tags = All tags
annotations-filter-all-tags = Filter all tags
annotations-item = Annotation: { $text }
annotations-filter-help = Filter by quote, note or tag
annotations-filter-colour = Filter { $colour }
annotations-filter-tag = Filter tag { $tag }
annotations-edit = Edit
annotations-delete = Delete
annotations-edit-help = Edit annotation
annotations-delete-help = Delete annotation

## Document view and popups
view-highlight-paragraph = Highlight paragraph
view-note-paragraph = Add note to paragraph…
view-note-on = Note on { $block }
block-meta = Document information
block-title = Title
block-formula = Enacting formula
block-closing = Closing
block-annex = Annex { $annex }, { $inner }
block-part = Part { $part }, { $inner }
block-section = Section { $n }
block-table = Table { $n }
block-preambular = Preambular paragraph { $n }
block-paragraph = Paragraph { $n }
block-text = Text paragraph { $n }
link-footnote = Footnote { $marker }
link-reference = Reference { $target }
link-reference-plain = Reference
popup-footnote = Footnote
popup-reference = Reference
popup-footnote-missing = This footnote is missing from the document.
popup-reference-missing = This reference is missing from the document.
popup-in-paragraph = in { $paragraph }
popup-kind-resolution = Resolution
popup-kind-decision = Decision
popup-kind-document = Document
popup-kind-treaty = Treaty
popup-kind-paragraph = Paragraph
popup-paragraph-missing = That paragraph is not in this document.
popup-paragraph-text = Referenced paragraph text
popup-go-to-paragraph = Go to paragraph
popup-title = Title
popup-not-in-catalogue = Not in the built-in catalogue.
popup-open-undocs = Open on undocs.org
popup-copy-symbol = Copy symbol
popup-adopted = Adopted { $date }
popup-first-operative = First operative paragraph
popup-open-at = Open at { $paragraph } ({ $language })
popup-open-at-help = Open it in a new tab at the cited paragraph
popup-open = Open ({ $language })
popup-open-help = Open it in a new tab
popup-footnote-text = Footnote text


## Added with the window
details-votes = { $yes } in favour, { $no } against, { $abstaining } abstaining
details-un-metadata = UN metadata
details-not-in-library = not in the library folder
msg-unknown-compare-format = { $file }: unknown format for a comparison (use pdf, html, docx, md or json)
msg-unknown-export-format = { $file }: unknown export format (use one of: { $formats })
msg-loader-stopped = The file could not be loaded (the loader stopped).
compare-mark = { $what } ({ $version }): { $paragraph }
block-with-table = { $paragraph }, { $table }
popup-heading = { $kind } { $target }
popup-paragraph-heading = { $kind }: { $paragraph }

## Help and About
menu-help = Help
menu-about = About Qarar
about-window = About Qarar
about-name = Qarar
about-tagline = A reader for United Nations resolutions, Arabic first.
about-version = Version
about-commit = Commit
about-target = Target

## Files that cannot be opened
load-cannot-open = Cannot open { $file }: { $reason }
load-not-found = the file does not exist
load-permission = permission denied (check who may read it)
load-is-folder = it is a folder, not a file
load-not-text = its contents cannot be read as text
load-io = { $reason }
load-too-large = the file is { $size } MB, larger than the { $limit } MB limit
load-empty = it is empty (no text to show)
load-binary = it looks like a binary file, not one Qarar reads (text, Akoma Ntoso XML, PDF or Word .docx)
load-xml = malformed XML: { $reason }
load-pdf-encrypted = this PDF is encrypted and needs a password; open it in a PDF viewer and save an unprotected copy
load-pdf-damaged = this PDF is damaged or truncated and cannot be read
load-pdf-unreadable = this PDF's pages cannot be read
load-pdf-images = this PDF holds page images, not text: it needs OCR
load-pdf-no-text = this PDF has no text in it
load-docx-no-text = it is a Word document with no text in it
load-office-encrypted = it is a password-protected Office file: open it in Word, remove the password, save it and open that
load-doc-old = it is a Word 97–2003 document (.doc) or another old Office file, which Qarar does not read: save it as .docx or PDF and open that
load-rtf = it is an RTF document, which Qarar does not read: save it as .docx, PDF or plain text and open that
load-html-word = it has a Word name but is a web page (HTML): open it in Word or a browser, save it as .docx or PDF and open that
load-opendocument = it is an OpenDocument file, not a Word .docx file: save it as .docx or PDF (in LibreOffice, File → Save As) and open that
load-xlsx = it is an Excel workbook (.xlsx), not a Word document
load-pptx = it is a PowerPoint presentation (.pptx), not a Word document
load-zip-not-word = it is a zip archive but not a Word .docx file (it has no word/document.xml)
load-damaged-zip = it is a damaged zip archive (perhaps a Word .docx file cut short in copying): { $detail }
load-damaged = it is damaged: { $detail }
load-part-too-large = it is too large to read: a part of it unpacks to more than the size limit
load-other = { $reason }
msg-no-earlier-version = No earlier version of this resolution in the library folder (same title, agenda item or a resolution its preamble recalls, in an earlier session).

## Panel handles
pane-resize-outline = Resize the outline pane
pane-resize-library = Resize the library pane
pane-resize-annotations = Resize the annotations pane
pane-resize-changes = Resize the list of changes
library-no-folder-yet = No library folder yet. Choose a folder of resolutions (for example a clone of UNxml/GAresolutions); Qarar indexes it in the background.

## What the comparison did to a unit
compare-unit-status = { $name }, { $status }
compare-status-unchanged = unchanged
compare-status-changed = changed
compare-status-inserted = inserted
compare-status-deleted = deleted
compare-status-moved = moved
compare-status-split = split
compare-status-merged = merged
library-status = { $files } files: { $read } read, { $unchanged } unchanged, { $failed } with errors ({ $seconds } s)
library-status-stopped = { $files } files: { $read } read, { $unchanged } unchanged, { $failed } with errors ({ $seconds } s) — stopped before the end

## Errors of the other crates, said in the interface language
compare-two-languages = the documents are in two languages ({ $old } and { $new }); compare versions in one language
fulltext-folder = the search index folder { $path } cannot be used: { $reason }
fulltext-index = the search index cannot be used: { $reason }
fulltext-file = the search index cannot take { $file }: { $reason }
fulltext-state = the list of indexed files cannot be recorded: { $reason }
msg-kept-open-unsaved = The annotations of { $name } could not be saved, so it stays open ({ $reason }). Free some space or check the data folder's permissions, or keep them with File → Export annotations….
