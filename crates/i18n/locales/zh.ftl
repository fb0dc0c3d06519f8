# Qarar 的中文界面。

## Menus
menu-file = 文件
menu-edit = 编辑
menu-view = 视图
menu-settings = 设置
menu-open-recent = 最近打开
menu-no-recent = 没有最近打开的文件
menu-document-information = 文件信息
menu-no-library-folder = 未选择文库文件夹
menu-side-by-side = 并排对照
menu-no-other-language = 文库中没有本决议的其他语文文本。
menu-language = 语文
menu-paper-a4 = PDF 纸张：A4
menu-paper-letter = PDF 纸张：Letter
menu-zoom-keys = 缩放：{ $keys }
menu-read-in = 以{ $language }阅读（同一段落）
menu-language-button = 语文：{ $language }
menu-no-document = 没有文件
menu-parser-notes-count = 解析说明（{ $count }）…
menu-tab = 标签页 { $title }
menu-close-tab-named = 关闭标签页 { $title }

## Commands (menus, buttons, tooltips)
cmd-open = 打开…
cmd-open-bundled = 打开内附决议 A/RES/75/10
cmd-clear-recent = 清除最近打开的文件
cmd-close-tab = 关闭标签页
cmd-next-tab = 下一个标签页
cmd-previous-tab = 上一个标签页
cmd-library-folder = 文库文件夹…
cmd-forget-library-folder = 不再使用文库文件夹
cmd-refresh = 刷新
cmd-cancel = 取消
cmd-export = 导出…
cmd-import-annotations = 导入批注…
cmd-export-annotations = 导出批注…
cmd-details = 决议详情…
cmd-parser-notes = 解析说明…
cmd-compare-with = 与另一版本比较…
cmd-compare-previous = 与上一版本比较
cmd-next-change = 下一处修改
cmd-previous-change = 上一处修改
cmd-substantive-only = 仅显示实质性修改
cmd-compare-layout = 文内或并排
cmd-close-compare = 关闭比较
cmd-export-comparison = 导出比较结果…
cmd-quit = 退出
cmd-find = 查找…
cmd-find-next = 下一个
cmd-find-previous = 上一个
cmd-close = 关闭
cmd-search-library = 搜索文库
cmd-copy = 复制
cmd-select-all = 全选
cmd-undo = 撤销
cmd-redo = 重做
cmd-outline-pane = 大纲窗格
cmd-annotations-pane = 批注窗格
cmd-library-pane = 文库窗格
cmd-justify = 段落两端对齐
cmd-dark = 深色主题
cmd-zoom-in = 放大
cmd-zoom-out = 缩小
cmd-zoom-reset = 实际大小
cmd-close-beside = 关闭并排对照
cmd-highlight = 以{ $colour }突出显示
cmd-note = 备注…
cmd-outline-previous = 上一个大纲条目
cmd-outline-next = 下一个大纲条目
cmd-page-down = 下一页
cmd-page-up = 上一页
cmd-line-down = 下一行
cmd-line-up = 上一行
cmd-top = 文件开头
cmd-end = 文件末尾
cmd-close-popup = 关闭弹出窗口
cmd-open-popup = 打开弹出窗口
cmd-ok = 确定
cmd-library-previous-row = 上一项决议
cmd-library-next-row = 下一项决议
cmd-library-open-row = 打开决议
cmd-copy-citation = 复制引文
cmd-language = 语文
help-outline = 大纲：显示或隐藏段落大纲
help-library = 文库：文库文件夹中的决议
help-annotations = 批注：显示或隐藏批注
help-find-next = 下一个匹配项
help-find-previous = 上一个匹配项
help-note = 突出显示并添加备注
help-compare-previous = 与文库文件夹中的上一版本比较
tooltip-with-key = { $help }（{ $key }）

## Colours
colour-yellow = 黄色
colour-green = 绿色
colour-blue = 蓝色
colour-pink = 粉色
colour-orange = 橙色
colour-purple = 紫色

## Panes and toolbar
pane-outline = 大纲
pane-annotations = 批注
pane-library = 文库
outline-tree = 大纲树
outline-entry = 大纲：{ $name }
outline-formula = 通过语
outline-preamble = 序言部分
outline-operative = 执行部分
outline-part = { $n } 部分
outline-annex = 附件 { $n }
outline-expand = 展开 { $name }
outline-collapse = 折叠 { $name }
outline-deleted = 大纲：{ $name }（已删除）
empty-open-hint = 请通过“文件 → 打开”（Ctrl+O）打开一项决议。
untitled = 无标题
empty-tab = 空白

## Settings
settings-interface-language = 界面语文

## Find
find-label = 查找：
find-field = 搜索
find-no-matches = 没有匹配项
find-matches = { $count ->
   *[other] { $count } 个匹配项
}

## Document information
info-symbol = 文号
info-language = 语文
info-adopted = 通过日期
info-paragraphs = 段落
info-paragraph-counts = 序言部分 { $preambular } 段，执行部分 { $operative } 段
info-footnotes = 脚注
info-references = 引用
info-source = 来源
info-unknown = 未知
info-bundled = 内附文件 A-RES-75-10.ar.txt

## Windows
note-window = 备注
note-text = 备注文本
note-placeholder = 输入备注…
note-tags = 标签：
note-tags-field = 标签
note-done = 完成
note-delete-highlight = 删除突出显示
note-colour = 颜色：{ $colour }
parser-notes-window = 解析说明
details-window = 决议详情
details-no-symbol = 本文件没有文号。
details-choose-library = 选择文库文件夹即可查看表决情况、提案国和引用本决议的决议。
details-title = 标题（联合国）
details-adopted = 通过日期
details-meeting = 会议
details-vote = 表决
details-adoption = 通过方式
details-agenda-item = 议程项目
details-committee = 委员会
details-draft = 草案
details-sponsors = 提案国
details-languages = 语文
details-cited-by = 引用本决议的决议（{ $count }）
details-not-cited = 文库中没有引用本决议的决议。
status-problem = 问题
status-done = 完成

## Messages
msg-open-to-compare = 请先打开一项决议，再与其另一版本比较。
msg-cannot-compare = 无法比较：{ $reason }
msg-compare-stopped = 比较意外中止。
msg-nothing-to-export = 没有可导出的比较结果。
msg-exported = 已导出到 { $path }
msg-export-failed = 导出失败：{ $reason }
msg-exporter-stopped = 导出失败：导出程序已中止。
msg-cannot-highlight = 无法突出显示：{ $reason }
msg-cannot-annotate = 无法添加批注：{ $reason }
msg-no-text-in-language = 文库中没有 { $symbol } 的{ $language }文本。

## File dialogs
dialog-library-folder = 选择文库文件夹
dialog-export-comparison = 导出比较结果
dialog-compare-with = 选择要比较的版本
dialog-open = 打开决议
dialog-import-annotations = 导入批注
dialog-export-annotations = 导出批注
dialog-export-copy = 导出带批注的副本
filter-resolutions = 决议
filter-all-files = 所有文件
filter-web-annotations = 网络批注（Web Annotations）
filter-word-tracked = Word（修订模式）

## Compare view
compare-old-new = 旧文本：{ $old } · 新文本：{ $new }
compare-inline = 文内
compare-side-by-side = 并排
compare-change-count = 修改数
compare-other-versions = 其他早期版本
compare-summary = 比较摘要
compare-changes = 修改（{ $count }）
compare-change = 修改 { $n }
compare-change-version = 修改 { $n }，{ $version }
compare-copy-citation-of = 复制{ $version }的引文
compare-old-version = 旧文本
compare-new-version = 新文本
compare-note = 备注
compare-highlight = 突出显示
compare-position = 第 { $current } 处，共 { $total } 处
compare-no-changes = 没有修改

## Library pane
library-filter = 筛选文库
library-choose-folder = 选择文件夹…
library-refresh-help = 重新读取新增和修改的文件
library-folder-help = 文库文件夹
library-reading-files = 正在读取文件 { $done } / { $total }
library-indexing = 正在为文本编制索引 { $done } / { $total }
library-browse = 浏览
library-search-text = 搜索全文
library-search-help = 搜索所有文件的全文（Ctrl+Shift+F）
library-reading-folder = 正在读取文件夹…
library-filter-help = 文号（75/10）或标题中的词语，任何语文均可；↑/↓ 和 Enter
library-empty = 此文件夹中没有决议。
library-no-match = 没有符合筛选条件的项目。
library-all = 全部
library-session = 第 { $session } 届会议
library-other-documents = 其他文件
library-unreadable = 无法读取的文件（{ $count }）
library-open-in = 以{ $language }打开
library-open-symbol-in = 以{ $language }打开 { $symbol }
library-searching = 正在搜索…
library-search-forms = 词语的各种形式都能找到：有无海姆宰（hamza）、元音符号（harakat）或延长符（tatweel）均可。
library-no-paragraph = 没有段落包含这些词语。
library-first-paragraphs = 前 { $count } 个段落
library-paragraphs-found = { $count ->
   *[other] { $count } 个段落
}
library-count = { $count ->
   *[other] { $count } 项决议
}
library-search-ready = 索引编制完成后即可搜索。
library-search-needs-index = 搜索需要为整个文件夹编制索引：请点击“刷新”。
library-unreadable-folder = 无法读取文库文件夹 { $folder }：{ $reason }
library-index-not-saved = 无法将文库索引保存到 { $path }：{ $reason }
library-fulltext-index = 全文搜索索引：{ $reason }
library-fulltext-unavailable = 全文搜索不可用：{ $reason }
library-indexing-stopped = 文库索引编制意外中止。
language-ar = 阿拉伯文
language-zh = 中文
language-en = 英文
language-fr = 法文
language-ru = 俄文
language-es = 西班牙文

## Annotations pane
annotations-title = 批注（{ $count }）
annotations-filter = 筛选批注
annotations-empty = 尚无批注。选择一段文字，按 1–6 即可突出显示。
annotations-orphan = 孤立批注——找不到原文段落
annotations-showing = 显示 { $shown } 条，共 { $total } 条
annotations-no-match = 没有符合筛选条件的批注。
annotations-clear-filters = 清除筛选条件
annotations-colour = 颜色：
annotations-all = 全部
annotations-filter-all-colours = 筛选：所有颜色
annotations-tag = 标签：
annotations-all-tags = 所有标签
annotations-filter-all-tags = 筛选：所有标签
annotations-item = 批注：{ $text }
annotations-filter-help = 按摘录、备注或标签筛选
annotations-filter-colour = 筛选：{ $colour }
annotations-filter-tag = 筛选：标签 { $tag }
annotations-edit = 编辑
annotations-delete = 删除
annotations-edit-help = 编辑批注
annotations-delete-help = 删除批注

## Document view and popups
view-highlight-paragraph = 突出显示段落
view-note-paragraph = 为段落添加备注…
view-note-on = { $block }的备注
block-meta = 文件信息
block-title = 标题
block-formula = 通过语
block-closing = 结尾
block-annex = 附件 { $annex }，{ $inner }
block-part = { $part } 部分，{ $inner }
block-section = 第 { $n } 节
block-table = 表 { $n }
block-preambular = 序言部分第 { $n } 段
block-paragraph = 第 { $n } 段
block-text = 正文第 { $n } 段
link-footnote = 脚注 { $marker }
link-reference = 引用 { $target }
link-reference-plain = 引用
popup-footnote = 脚注
popup-reference = 引用
popup-footnote-missing = 文件中没有这条脚注。
popup-reference-missing = 文件中没有这条引用。
popup-in-paragraph = 位于{ $paragraph }
popup-kind-resolution = 决议
popup-kind-decision = 决定
popup-kind-document = 文件
popup-kind-treaty = 条约
popup-kind-paragraph = 段落
popup-paragraph-missing = 本文件中没有该段落。
popup-paragraph-text = 所引段落的文本
popup-go-to-paragraph = 转到段落
popup-title = 标题
popup-not-in-catalogue = 不在内置目录中。
popup-open-undocs = 在 undocs.org 上打开
popup-copy-symbol = 复制文号
popup-adopted = 通过日期：{ $date }
popup-first-operative = 执行部分第 1 段
popup-open-at = 在{ $paragraph }处打开（{ $language }）
popup-open-at-help = 在新标签页中打开，并转到所引段落
popup-open = 打开（{ $language }）
popup-open-help = 在新标签页中打开
popup-footnote-text = 脚注文本

## Added with the window
details-votes = 赞成 { $yes } 票，反对 { $no } 票，弃权 { $abstaining } 票
details-un-metadata = 联合国元数据
details-not-in-library = 不在文库文件夹中
msg-unknown-compare-format = { $file }：比较结果的格式未知（请使用 pdf、html、docx、md 或 json）
msg-unknown-export-format = { $file }：导出格式未知（请使用以下格式之一：{ $formats }）
msg-loader-stopped = 无法加载文件（加载程序已中止）。
compare-mark = { $what }（{ $version }）：{ $paragraph }
block-with-table = { $paragraph }，{ $table }
popup-heading = { $kind } { $target }
popup-paragraph-heading = { $kind }：{ $paragraph }

## Help and About
menu-help = 帮助
menu-about = 关于 Qarar
about-window = 关于 Qarar
about-name = Qarar
about-tagline = 联合国决议阅读器，阿拉伯文优先。
about-version = 版本
about-commit = 提交
about-target = 目标平台

## Files that cannot be opened
load-cannot-open = 无法打开 { $file }：{ $reason }
load-not-found = 文件不存在
load-permission = 权限被拒绝（请检查谁有权读取）
load-is-folder = 这是文件夹，不是文件
load-not-text = 其内容无法作为文本读取
load-io = { $reason }
load-too-large = 文件大小为 { $size } MB，超过 { $limit } MB 的上限
load-empty = 文件为空（没有可显示的文本）
load-binary = 这似乎是二进制文件，不是 Qarar 能读取的文件（文本、Akoma Ntoso XML、PDF 或 Word .docx）
load-xml = XML 格式错误：{ $reason }
load-pdf-encrypted = 此 PDF 已加密，需要密码；请在 PDF 阅读器中打开并另存一份不受保护的副本
load-pdf-damaged = 此 PDF 已损坏或不完整，无法读取
load-pdf-unreadable = 无法读取此 PDF 的页面
load-pdf-images = 此 PDF 包含的是页面图像而非文本：需要光学字符识别（OCR）
load-pdf-no-text = 此 PDF 中没有文本
load-docx-no-text = 这是没有任何文本的 Word 文档
load-office-encrypted = 这是受密码保护的 Office 文件：请在 Word 中打开，删除密码，保存后再打开
load-doc-old = 这是 Word 97–2003 文档（.doc）或其他旧版 Office 文件，Qarar 无法读取：请另存为 .docx 或 PDF 后再打开
load-rtf = 这是 RTF 文档，Qarar 无法读取：请另存为 .docx、PDF 或纯文本后再打开
load-html-word = 文件名是 Word 文件名，但内容是网页（HTML）：请在 Word 或浏览器中打开，另存为 .docx 或 PDF 后再打开
load-opendocument = 这是 OpenDocument 文件，不是 Word .docx 文件：请另存为 .docx 或 PDF（在 LibreOffice 中：文件 → 另存为）后再打开
load-xlsx = 这是 Excel 工作簿（.xlsx），不是 Word 文档
load-pptx = 这是 PowerPoint 演示文稿（.pptx），不是 Word 文档
load-zip-not-word = 这是 zip 压缩包，但不是 Word .docx 文件（其中没有 word/document.xml）
load-damaged-zip = 这是已损坏的 zip 压缩包（可能是复制时不完整的 Word .docx 文件）：{ $detail }
load-damaged = 文件已损坏：{ $detail }
load-part-too-large = 文件太大，无法读取：其中一部分解压后超过大小上限
load-other = { $reason }
msg-no-earlier-version = 文库文件夹中没有此决议的较早版本（即较早届会中标题或议程项目相同的决议，或本决议序言部分所回顾的决议）。

## Panel handles
pane-resize-outline = 调整大纲窗格大小
pane-resize-library = 调整文库窗格大小
pane-resize-annotations = 调整批注窗格大小
pane-resize-changes = 调整修改列表大小
library-no-folder-yet = 尚未选择文库文件夹。请选择一个存放决议的文件夹（例如 UNxml/GAresolutions 的克隆），Qarar 会在后台为其编制索引。

## What the comparison did to a unit
compare-unit-status = { $name }，{ $status }
compare-status-unchanged = 未修改
compare-status-changed = 已修改
compare-status-inserted = 已插入
compare-status-deleted = 已删除
compare-status-moved = 已移动
compare-status-split = 已拆分
compare-status-merged = 已合并
library-status = 文件：{ $files }；已读取：{ $read }；未更改：{ $unchanged }；出错：{ $failed }（{ $seconds } 秒）
library-status-stopped = 文件：{ $files }；已读取：{ $read }；未更改：{ $unchanged }；出错：{ $failed }（{ $seconds } 秒）——未完成即已停止

## 其他模块的错误（界面语言）
compare-two-languages = 两份文件的语文不同（{ $old }和{ $new }）；请比较同一语文的版本
fulltext-folder = 无法使用搜索索引文件夹 { $path }：{ $reason }
fulltext-index = 无法使用搜索索引：{ $reason }
fulltext-file = 搜索索引无法收录 { $file }：{ $reason }
fulltext-state = 无法记录已编入索引的文件列表：{ $reason }
msg-kept-open-unsaved = 无法保存 { $name } 的批注，因此该文件保持打开（{ $reason }）。请释放一些空间或检查数据文件夹的权限，或通过“文件 → 导出批注…”保存批注。
