# L'interface de Qarar en français.

## Menus
menu-file = Fichier
menu-edit = Édition
menu-view = Affichage
menu-settings = Paramètres
menu-open-recent = Ouvrir un fichier récent
menu-no-recent = Aucun fichier récent
menu-document-information = Informations sur le document
menu-no-library-folder = Aucun dossier de bibliothèque
menu-side-by-side = Côte à côte avec
menu-no-other-language = La bibliothèque ne contient pas cette résolution dans une autre langue.
menu-language = Langue
menu-paper-a4 = Papier PDF : A4
menu-paper-letter = Papier PDF : Lettre US
menu-zoom-keys = Zoom : { $keys }
menu-read-in = Lire en { $language } (au même paragraphe)
menu-language-button = Langue : { $language }
menu-no-document = Aucun document
menu-parser-notes-count = Remarques de l'analyseur ({ $count })…
menu-tab = Onglet { $title }
menu-close-tab-named = Fermer l'onglet { $title }

## Commands (menus, buttons, tooltips)
cmd-open = Ouvrir…
cmd-open-bundled = Ouvrir la résolution intégrée A/RES/75/10
cmd-clear-recent = Effacer la liste des fichiers récents
cmd-close-tab = Fermer l'onglet
cmd-next-tab = Onglet suivant
cmd-previous-tab = Onglet précédent
cmd-library-folder = Dossier de la bibliothèque…
cmd-forget-library-folder = Oublier le dossier de la bibliothèque
cmd-refresh = Actualiser
cmd-cancel = Annuler
cmd-export = Exporter…
cmd-import-annotations = Importer des annotations…
cmd-export-annotations = Exporter les annotations…
cmd-details = Détails de la résolution…
cmd-parser-notes = Remarques de l'analyseur…
cmd-compare-with = Comparer avec…
cmd-compare-previous = Comparer avec la version précédente
cmd-next-change = Modification suivante
cmd-previous-change = Modification précédente
cmd-substantive-only = Modifications de fond uniquement
cmd-compare-layout = Dans le texte ou côte à côte
cmd-close-compare = Fermer la comparaison
cmd-export-comparison = Exporter la comparaison…
cmd-quit = Quitter
cmd-find = Rechercher…
cmd-find-next = Suivant
cmd-find-previous = Précédent
cmd-close = Fermer
cmd-search-library = Rechercher dans la bibliothèque
cmd-copy = Copier
cmd-select-all = Tout sélectionner
cmd-undo = Annuler
cmd-redo = Rétablir
cmd-outline-pane = Volet du plan
cmd-annotations-pane = Volet des annotations
cmd-library-pane = Volet de la bibliothèque
cmd-justify = Justifier les paragraphes
cmd-dark = Thème sombre
cmd-zoom-in = Zoom avant
cmd-zoom-out = Zoom arrière
cmd-zoom-reset = Taille réelle
cmd-close-beside = Fermer l'affichage côte à côte
cmd-highlight = Surligner en { $colour }
cmd-note = Note…
cmd-outline-previous = Entrée précédente du plan
cmd-outline-next = Entrée suivante du plan
cmd-page-down = Page suivante
cmd-page-up = Page précédente
cmd-line-down = Ligne suivante
cmd-line-up = Ligne précédente
cmd-top = Début du document
cmd-end = Fin du document
cmd-close-popup = Fermer la fenêtre contextuelle
cmd-open-popup = Ouvrir la fenêtre contextuelle
cmd-ok = OK
cmd-library-previous-row = Résolution précédente
cmd-library-next-row = Résolution suivante
cmd-library-open-row = Ouvrir la résolution
cmd-copy-citation = Copier la référence
cmd-language = Langue
help-outline = Plan : afficher ou masquer le plan des paragraphes
help-library = Bibliothèque : les résolutions de votre dossier
help-annotations = Annotations : les afficher ou les masquer
help-find-next = Occurrence suivante
help-find-previous = Occurrence précédente
help-note = Surligner et ajouter une note
help-compare-previous = Comparer avec la version antérieure du dossier de la bibliothèque
tooltip-with-key = { $help } ({ $key })

## Colours
colour-yellow = jaune
colour-green = vert
colour-blue = bleu
colour-pink = rose
colour-orange = orange
colour-purple = violet

## Panes and toolbar
pane-outline = Plan
pane-annotations = Annotations
pane-library = Bibliothèque
outline-tree = Arborescence du plan
outline-entry = Plan : { $name }
outline-formula = Formule de promulgation
outline-preamble = Préambule
outline-operative = Dispositif
outline-part = Partie { $n }
outline-annex = Annexe { $n }
outline-expand = Développer { $name }
outline-collapse = Réduire { $name }
outline-deleted = Plan : { $name } (supprimé)
empty-open-hint = Ouvrez une résolution avec Fichier → Ouvrir (Ctrl+O).
untitled = Sans titre
empty-tab = Vide

## Settings
settings-interface-language = Langue de l'interface

## Find
find-label = Rechercher :
find-field = Recherche
find-no-matches = aucun résultat
find-matches = { $count ->
    [one] { $count } résultat
   *[other] { $count } résultats
}

## Document information
info-symbol = Cote
info-language = Langue
info-adopted = Adoptée le
info-paragraphs = Paragraphes
info-paragraph-counts = préambule : { $preambular } ; dispositif : { $operative }
info-footnotes = Notes
info-references = Renvois
info-source = Source
info-unknown = non disponible
info-bundled = fichier intégré A-RES-75-10.ar.txt

## Windows
note-window = Note
note-text = Texte de la note
note-placeholder = Saisissez une note…
note-tags = Étiquettes :
note-tags-field = Étiquettes
note-done = Terminé
note-delete-highlight = Supprimer le surlignage
note-colour = Couleur { $colour }
parser-notes-window = Remarques de l'analyseur
details-window = Détails de la résolution
details-no-symbol = Ce document n'a pas de cote.
details-choose-library = Choisissez un dossier de bibliothèque pour voir le résultat du vote, les auteurs et les résolutions qui citent celle-ci.
details-title = Titre (ONU)
details-adopted = Adoptée le
details-meeting = Séance
details-vote = Vote
details-adoption = Adoption
details-agenda-item = Point de l'ordre du jour
details-committee = Commission
details-draft = Projet de résolution
details-sponsors = Auteurs
details-languages = Langues
details-cited-by = Citée par ({ $count })
details-not-cited = Aucune résolution de la bibliothèque ne cite celle-ci.
status-problem = Problème
status-done = Terminé

## Messages
msg-open-to-compare = Ouvrez une résolution pour la comparer avec une autre version.
msg-cannot-compare = Comparaison impossible : { $reason }
msg-compare-stopped = La comparaison s'est arrêtée de façon inattendue.
msg-nothing-to-export = Aucune comparaison à exporter.
msg-exported = Exporté vers { $path }
msg-export-failed = Échec de l'exportation : { $reason }
msg-exporter-stopped = Échec de l'exportation : le module d'exportation s'est arrêté.
msg-cannot-highlight = Surlignage impossible : { $reason }
msg-cannot-annotate = Annotation impossible : { $reason }
msg-no-text-in-language = La bibliothèque ne contient pas le texte { $language } de { $symbol }.

## File dialogs
dialog-library-folder = Choisir le dossier de la bibliothèque
dialog-export-comparison = Exporter la comparaison
dialog-compare-with = Comparer avec
dialog-open = Ouvrir une résolution
dialog-import-annotations = Importer des annotations
dialog-export-annotations = Exporter les annotations
dialog-export-copy = Exporter une copie annotée
filter-resolutions = Résolutions
filter-all-files = Tous les fichiers
filter-web-annotations = Annotations Web
filter-word-tracked = Word (suivi des modifications)

## Compare view
compare-old-new = Ancien : { $old } · Nouveau : { $new }
compare-inline = Dans le texte
compare-side-by-side = Côte à côte
compare-change-count = Nombre de modifications
compare-other-versions = Autres versions antérieures
compare-summary = Résumé de la comparaison
compare-changes = Modifications ({ $count })
compare-change = Modification { $n }
compare-change-version = Modification { $n }, { $version }
compare-copy-citation-of = Copier la référence ({ $version })
compare-old-version = ancienne version
compare-new-version = nouvelle version
compare-note = Note
compare-highlight = Surlignage
compare-position = { $current } sur { $total }
compare-no-changes = Aucune modification

## Library pane
library-filter = Filtrer la bibliothèque
library-choose-folder = Choisir un dossier…
library-refresh-help = Relire les fichiers nouveaux et modifiés
library-folder-help = Le dossier de la bibliothèque
library-reading-files = Lecture des fichiers { $done } / { $total }
library-indexing = Indexation du texte { $done } / { $total }
library-browse = Parcourir
library-search-text = Rechercher dans le texte
library-search-help = Rechercher dans le texte de tous les documents (Ctrl+Maj+F)
library-reading-folder = Lecture du dossier…
library-filter-help = Cote (75/10) ou mots du titre, dans n'importe quelle langue ; ↑/↓ et Entrée
library-empty = Aucune résolution dans ce dossier.
library-no-match = Rien ne correspond au filtre.
library-all = Toutes
library-session = { $session }e session
library-other-documents = Autres documents
library-unreadable = Fichiers illisibles ({ $count })
library-open-in = Ouvrir en { $language }
library-open-symbol-in = Ouvrir { $symbol } en { $language }
library-searching = Recherche en cours…
library-search-forms = Les mots sont trouvés sous toutes leurs formes : avec ou sans hamza, signes vocaliques (harakat) ou tatwil.
library-no-paragraph = Aucun paragraphe ne contient ces mots.
library-first-paragraphs = Les { $count } premiers paragraphes
library-paragraphs-found = { $count ->
    [one] Un paragraphe
   *[other] { $count } paragraphes
}
library-count = { $count ->
    [one] Une résolution
   *[other] { $count } résolutions
}
library-search-ready = La recherche sera disponible à la fin de l'indexation.
library-search-needs-index = La recherche exige que tout le dossier soit indexé : cliquez sur Actualiser.
library-unreadable-folder = Impossible de lire le dossier de la bibliothèque { $folder } : { $reason }
library-index-not-saved = Impossible d'enregistrer l'index de la bibliothèque dans { $path } : { $reason }
library-fulltext-index = Index de recherche plein texte : { $reason }
library-fulltext-unavailable = La recherche plein texte n'est pas disponible : { $reason }
library-indexing-stopped = L'indexation de la bibliothèque s'est arrêtée de façon inattendue.
language-ar = arabe
language-zh = chinois
language-en = anglais
language-fr = français
language-ru = russe
language-es = espagnol

## Annotations pane
annotations-title = Annotations ({ $count })
annotations-filter = Filtrer les annotations
annotations-empty = Aucune annotation pour l'instant. Sélectionnez un passage et appuyez sur 1 à 6 pour le surligner.
annotations-orphan = Orpheline — passage introuvable
annotations-showing = { $shown } sur { $total } affichées
annotations-no-match = Aucune annotation ne correspond aux filtres.
annotations-clear-filters = Effacer les filtres
annotations-colour = Couleur :
annotations-all = Toutes
annotations-filter-all-colours = Filtre : toutes les couleurs
annotations-tag = Étiquette :
annotations-all-tags = Toutes les étiquettes
annotations-filter-all-tags = Filtre : toutes les étiquettes
annotations-item = Annotation : { $text }
annotations-filter-help = Filtrer par passage, note ou étiquette
annotations-filter-colour = Filtre : { $colour }
annotations-filter-tag = Filtre : étiquette { $tag }
annotations-edit = Modifier
annotations-delete = Supprimer
annotations-edit-help = Modifier l'annotation
annotations-delete-help = Supprimer l'annotation

## Document view and popups
view-highlight-paragraph = Surligner le paragraphe
view-note-paragraph = Ajouter une note au paragraphe…
view-note-on = Note : { $block }
block-meta = Informations sur le document
block-title = Titre
block-formula = Formule de promulgation
block-closing = Clôture
block-annex = Annexe { $annex }, { $inner }
block-part = Partie { $part }, { $inner }
block-section = Section { $n }
block-table = Tableau { $n }
block-preambular = Alinéa { $n } du préambule
block-paragraph = Paragraphe { $n }
block-text = Paragraphe de texte { $n }
link-footnote = Note { $marker }
link-reference = Renvoi { $target }
link-reference-plain = Renvoi
popup-footnote = Note
popup-reference = Renvoi
popup-footnote-missing = Cette note ne figure pas dans le document.
popup-reference-missing = Ce renvoi ne figure pas dans le document.
popup-in-paragraph = ({ $paragraph })
popup-kind-resolution = Résolution
popup-kind-decision = Décision
popup-kind-document = Document
popup-kind-treaty = Traité
popup-kind-paragraph = Paragraphe
popup-paragraph-missing = Ce paragraphe ne figure pas dans ce document.
popup-paragraph-text = Texte du paragraphe cité
popup-go-to-paragraph = Aller au paragraphe
popup-title = Titre
popup-not-in-catalogue = Absent du catalogue intégré.
popup-open-undocs = Ouvrir sur undocs.org
popup-copy-symbol = Copier la cote
popup-adopted = Adoptée le { $date }
popup-first-operative = Premier paragraphe du dispositif
popup-open-at = Ouvrir : { $paragraph } ({ $language })
popup-open-at-help = L'ouvrir dans un nouvel onglet au paragraphe cité
popup-open = Ouvrir ({ $language })
popup-open-help = L'ouvrir dans un nouvel onglet
popup-footnote-text = Texte de la note

## Added with the window
details-votes = Pour : { $yes } ; contre : { $no } ; abstentions : { $abstaining }
details-un-metadata = Métadonnées de l'ONU
details-not-in-library = absentes du dossier de la bibliothèque
msg-unknown-compare-format = { $file } : format inconnu pour une comparaison (utilisez pdf, html, docx, md ou json)
msg-unknown-export-format = { $file } : format d'exportation inconnu (utilisez l'un de ceux-ci : { $formats })
msg-loader-stopped = Le fichier n'a pas pu être chargé (le chargement s'est arrêté).
compare-mark = { $what } ({ $version }) : { $paragraph }
block-with-table = { $paragraph }, { $table }
popup-heading = { $kind } { $target }
popup-paragraph-heading = { $kind } : { $paragraph }

## Help and About
menu-help = Aide
menu-about = À propos de Qarar
about-window = À propos de Qarar
about-name = Qarar
about-tagline = Lecteur de résolutions de l'Organisation des Nations Unies, conçu d'abord pour l'arabe.
about-version = Version
about-commit = Révision
about-target = Plateforme

## Files that cannot be opened
load-cannot-open = Impossible d'ouvrir { $file } : { $reason }
load-not-found = le fichier n'existe pas
load-permission = autorisation refusée (vérifiez qui peut le lire)
load-is-folder = c'est un dossier, pas un fichier
load-not-text = son contenu ne peut pas être lu comme du texte
load-io = { $reason }
load-too-large = le fichier fait { $size } Mo, ce qui dépasse la limite de { $limit } Mo
load-empty = il est vide (aucun texte à afficher)
load-binary = il semble s'agir d'un fichier binaire et non d'un format que Qarar lit (texte, XML Akoma Ntoso, PDF ou Word .docx)
load-xml = XML mal formé : { $reason }
load-pdf-encrypted = ce PDF est chiffré et demande un mot de passe ; ouvrez-le dans un lecteur PDF et enregistrez-en une copie non protégée
load-pdf-damaged = ce PDF est endommagé ou tronqué et ne peut pas être lu
load-pdf-unreadable = les pages de ce PDF ne peuvent pas être lues
load-pdf-images = ce PDF contient des images de pages, pas du texte : il faut une reconnaissance optique de caractères (OCR)
load-pdf-no-text = ce PDF ne contient aucun texte
load-docx-no-text = c'est un document Word sans aucun texte
load-office-encrypted = c'est un fichier Office protégé par mot de passe : ouvrez-le dans Word, supprimez le mot de passe, enregistrez-le puis ouvrez-le
load-doc-old = c'est un document Word 97–2003 (.doc) ou un autre ancien fichier Office, que Qarar ne lit pas : enregistrez-le en .docx ou en PDF puis ouvrez-le
load-rtf = c'est un document RTF, que Qarar ne lit pas : enregistrez-le en .docx, en PDF ou en texte brut puis ouvrez-le
load-html-word = il porte un nom de fichier Word mais c'est une page Web (HTML) : ouvrez-le dans Word ou un navigateur, enregistrez-le en .docx ou en PDF puis ouvrez-le
load-opendocument = c'est un fichier OpenDocument, pas un fichier Word .docx : enregistrez-le en .docx ou en PDF (dans LibreOffice, Fichier → Enregistrer sous) puis ouvrez-le
load-xlsx = c'est un classeur Excel (.xlsx), pas un document Word
load-pptx = c'est une présentation PowerPoint (.pptx), pas un document Word
load-zip-not-word = c'est une archive zip mais pas un fichier Word .docx (elle ne contient pas de word/document.xml)
load-damaged-zip = c'est une archive zip endommagée (peut-être un fichier Word .docx tronqué lors d'une copie) : { $detail }
load-damaged = il est endommagé : { $detail }
load-part-too-large = il est trop volumineux pour être lu : une de ses parties dépasse la taille limite une fois décompressée
load-other = { $reason }
msg-no-earlier-version = Aucune version antérieure de cette résolution dans le dossier de la bibliothèque (même titre, même point de l'ordre du jour ou résolution rappelée dans son préambule, d'une session antérieure).

## Panel handles
pane-resize-outline = Redimensionner le volet du plan
pane-resize-library = Redimensionner le volet de la bibliothèque
pane-resize-annotations = Redimensionner le volet des annotations
pane-resize-changes = Redimensionner la liste des modifications
library-no-folder-yet = Pas encore de dossier de bibliothèque. Choisissez un dossier de résolutions (par exemple un clone de UNxml/GAresolutions) ; Qarar l'indexe en arrière-plan.

## What the comparison did to a unit
compare-unit-status = { $name }, { $status }
compare-status-unchanged = inchangé
compare-status-changed = modifié
compare-status-inserted = ajouté
compare-status-deleted = supprimé
compare-status-moved = déplacé
compare-status-split = scindé
compare-status-merged = fusionné
library-status = Fichiers : { $files } ; lus : { $read } ; inchangés : { $unchanged } ; en erreur : { $failed } ({ $seconds } s)
library-status-stopped = Fichiers : { $files } ; lus : { $read } ; inchangés : { $unchanged } ; en erreur : { $failed } ({ $seconds } s) — interrompu avant la fin

## Erreurs des autres modules, dans la langue de l'interface
compare-two-languages = les documents sont en deux langues ({ $old } et { $new }) ; comparez des versions dans une même langue
fulltext-folder = le dossier de l'index de recherche { $path } est inutilisable : { $reason }
fulltext-index = l'index de recherche est inutilisable : { $reason }
fulltext-file = l'index de recherche ne peut pas intégrer { $file } : { $reason }
fulltext-state = la liste des fichiers indexés ne peut pas être enregistrée : { $reason }
msg-kept-open-unsaved = Les annotations de { $name } n'ont pas pu être enregistrées ; le document reste donc ouvert ({ $reason }). Libérez de l'espace ou vérifiez les droits du dossier de données, ou conservez-les avec Fichier → Exporter les annotations….
