//! Every string the UI shows, in Simplified Chinese (first) and English.
//!
//! Templates use `{name}` placeholders, filled with [`fill`].

use serde::{Deserialize, Serialize};

/// The UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Language {
    /// 简体中文 (default).
    #[default]
    Chinese,
    /// English.
    English,
}

impl Language {
    /// Both languages, for the settings menu.
    pub const ALL: [Self; 2] = [Self::Chinese, Self::English];

    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Self::Chinese => &ZH,
            Self::English => &EN,
        }
    }

    /// The language's own name, shown in the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Chinese => "简体中文",
            Self::English => "English",
        }
    }
}

/// All UI text of one language.
#[derive(Debug)]
pub struct Strings {
    /// Shown in the top bar.
    pub app_title: &'static str,
    /// Label of the overall progress bar.
    pub overall_progress: &'static str,
    /// Heading of the chapter list.
    pub chapters: &'static str,
    /// Badge of an elective chapter.
    pub elective: &'static str,
    /// Badge of a task item.
    pub task: &'static str,
    /// Caption under the example diagram of a task.
    pub example_caption: &'static str,
    /// The links menu of an item: `{count}`.
    pub links_menu: &'static str,
    /// Open a link.
    pub open: &'static str,
    /// Copy a link.
    pub copy: &'static str,
    /// Notice after copying: `{url}`.
    pub copied: &'static str,
    /// Notice for a refused link: `{url}`, `{reason}`.
    pub link_refused: &'static str,
    /// Notice when the browser could not be started: `{url}`, `{error}`.
    pub browser_failed: &'static str,
    /// Close a notice.
    pub dismiss: &'static str,
    /// The settings menu.
    pub settings: &'static str,
    /// The language submenu.
    pub language: &'static str,
    /// Expand every chapter.
    pub expand_all: &'static str,
    /// Collapse every chapter.
    pub collapse_all: &'static str,
    /// Progress counts: `{complete}`, `{total}`.
    pub count: &'static str,
    /// Jump to where the student left off.
    pub continue_button: &'static str,
    /// Tooltip of the continue button.
    pub continue_hint: &'static str,
    /// State button: in progress.
    pub in_progress: &'static str,
    /// State button: skipped.
    pub skip: &'static str,
    /// Badge of a skipped item.
    pub skipped_badge: &'static str,
    /// Chapter action: skip every item.
    pub skip_chapter: &'static str,
    /// Chapter action: undo skipping.
    pub unskip_chapter: &'static str,
    /// Open the note editor of an item or chapter.
    pub note_button: &'static str,
    /// Same, when a note exists.
    pub note_button_filled: &'static str,
    /// Accessible label of the note editor.
    pub note_editor: &'static str,
    /// Placeholder in an empty note.
    pub note_hint: &'static str,
    /// An image in a note, shown as its alt text (never loaded): `{alt}`.
    pub note_image: &'static str,
    /// An image in a note that has no alt text.
    pub note_image_untitled: &'static str,
    /// Heading of the rendered preview.
    pub note_preview: &'static str,
    /// Close the note editor.
    pub done_editing: &'static str,
    /// Heading of a chapter note.
    pub chapter_note: &'static str,
    /// Time an item was started: `{time}`.
    pub started: &'static str,
    /// Time an item was finished: `{time}`.
    pub finished: &'static str,
    /// Time a note was edited: `{time}`.
    pub note_edited: &'static str,
    /// Heading of progress for items the curriculum no longer has.
    pub orphans_title: &'static str,
    /// Explanation under it.
    pub orphans_hint: &'static str,
    /// State name.
    pub state_not_started: &'static str,
    /// State name.
    pub state_in_progress: &'static str,
    /// State name.
    pub state_done: &'static str,
    /// State name.
    pub state_skipped: &'static str,
    /// No per-user data folder could be found.
    pub no_data_folder: &'static str,
    /// The data folder cannot be used: `{error}`.
    pub storage_unusable: &'static str,
    /// Damaged file moved aside, backup loaded: `{reason}`, `{path}`.
    pub recovered_from_backup: &'static str,
    /// Damaged file moved aside, no usable backup: `{reason}`, `{path}`.
    pub recovered_empty: &'static str,
    /// Another process holds the data folder's lock: this window only shows the progress.
    /// `{holder}`, `{path}`.
    pub data_folder_in_use: &'static str,
    /// The holder of the lock is another window: `{pid}`.
    pub holder_app: &'static str,
    /// The holder of the lock is a command: `{command}`, `{pid}`.
    pub holder_command: &'static str,
    /// The lock was released: this window now saves.
    pub data_folder_free: &'static str,
    /// The import preview: what does not fit in one progress file and will be kept apart.
    pub set_aside_heading: &'static str,
    /// A note version kept apart: `{target}`, `{size}`.
    pub set_aside_note: &'static str,
    /// An item kept apart: `{target}`.
    pub set_aside_item: &'static str,
    /// A drawing kept apart: `{target}`.
    pub set_aside_drawing: &'static str,
    /// Feedback kept apart: `{mentor}`.
    pub set_aside_feedback: &'static str,
    /// After a merge: where what was set aside is kept: `{path}`.
    pub set_aside_kept: &'static str,
    /// Writing what was set aside failed; nothing was merged: `{error}`.
    pub set_aside_failed: &'static str,
    /// A path names no regular file: `{kind}`.
    pub error_not_a_file: &'static str,
    /// A folder (in `error_not_a_file`).
    pub kind_folder: &'static str,
    /// A named pipe.
    pub kind_fifo: &'static str,
    /// A device.
    pub kind_device: &'static str,
    /// Another special file.
    pub kind_special: &'static str,
    /// The canvas refused a stroke: the sketch is as large as a progress file allows.
    pub canvas_full: &'static str,
    /// A note was cut to the longest length a progress file keeps: `{limit}`.
    pub note_too_long: &'static str,
    /// The feedback drafts file was unreadable and set aside: `{reason}`, `{path}`.
    pub drafts_recovered: &'static str,
    /// Damaged file could not be moved: `{reason}`, `{error}`, `{path}`.
    pub damaged_not_moved: &'static str,
    /// Saving failed: `{error}`.
    pub save_failed: &'static str,
    /// Saving works again.
    pub save_recovered: &'static str,
    /// Where progress is saved: `{path}`.
    pub data_folder: &'static str,
    /// The export menu.
    pub export_menu: &'static str,
    /// Export the progress file.
    pub export_progress: &'static str,
    /// Export a Markdown summary.
    pub export_markdown: &'static str,
    /// Import a progress file.
    pub import_button: &'static str,
    /// Tooltip with a shortcut: `{keys}`.
    pub shortcut_hint: &'static str,
    /// File-type name in dialogs.
    pub progress_file_kind: &'static str,
    /// File-type name in dialogs.
    pub markdown_kind: &'static str,
    /// Asks for the student's name once.
    pub name_prompt: &'static str,
    /// Label of the name field.
    pub name_label: &'static str,
    /// Save the name.
    pub save_name: &'static str,
    /// Notice after an export: `{path}`.
    pub exported: &'static str,
    /// Notice when an export fails: `{error}`.
    pub export_failed: &'static str,
    /// Notice when a file cannot be imported: `{path}`, `{error}`.
    pub import_failed: &'static str,
    /// Title of the import preview.
    pub preview_title: &'static str,
    /// Whose file: `{name}`, `{path}`.
    pub preview_whose: &'static str,
    /// Their progress: `{complete}` `{total}` `{done}` `{skipped}` `{saved}`.
    pub preview_progress: &'static str,
    /// Explains a merge.
    pub preview_same: &'static str,
    /// Explains viewing another student's file.
    pub preview_other: &'static str,
    /// Number of changes: `{count}`.
    pub preview_changes: &'static str,
    /// Nothing to merge.
    pub preview_no_changes: &'static str,
    /// More changes not listed: `{count}`.
    pub preview_more: &'static str,
    /// Items unknown to the curriculum: `{count}`.
    pub preview_unknown: &'static str,
    /// Heading of the repairs list.
    pub preview_repairs: &'static str,
    /// Confirm a merge.
    pub merge: &'static str,
    /// View another student's file.
    pub view_read_only: &'static str,
    /// Replace own progress with the file.
    pub replace_mine: &'static str,
    /// Tooltip of replace.
    pub replace_hint: &'static str,
    /// Cancel.
    pub cancel: &'static str,
    /// Notice after a merge: `{count}`.
    pub merged: &'static str,
    /// Notice after replacing.
    pub replaced: &'static str,
    /// Undo the last import.
    pub undo_import: &'static str,
    /// Notice after undo.
    pub undone: &'static str,
    /// Banner while viewing another student's file: `{name}`.
    pub viewing: &'static str,
    /// Stop viewing.
    pub close_view: &'static str,
    /// Name shown for a student without one.
    pub unnamed: &'static str,
    /// A state change: `{item}` `{from}` `{to}`.
    pub change_state: &'static str,
    /// A new note: `{item}`.
    pub change_note_added: &'static str,
    /// A merged note: `{item}`.
    pub change_note_merged: &'static str,
    /// Repair.
    pub repair_name_cleaned: &'static str,
    /// Repair: `{chars}`.
    pub repair_name_truncated: &'static str,
    /// Repair: `{item}`.
    pub repair_note_cleaned: &'static str,
    /// Repair: `{item}`, `{size}`.
    pub repair_note_too_long: &'static str,
    /// Repair: `{id}`.
    pub repair_invalid_id: &'static str,
    /// Format error: `{size}`, `{limit}`.
    pub error_too_large: &'static str,
    /// Format error.
    pub error_empty: &'static str,
    /// Format error: `{byte}`.
    pub error_not_text: &'static str,
    /// Format error: `{line}`, `{col}`, `{message}`.
    pub error_syntax: &'static str,
    /// Format error: `{found}`, `{supported}`.
    pub error_too_new: &'static str,
    /// Format error: `{found}`.
    pub error_unknown_version: &'static str,
    /// Format error: `{what}` (one of the `counted_*` words), `{count}`, `{limit}`.
    pub error_too_many: &'static str,
    /// What a file has too many of: items with progress.
    pub counted_items: &'static str,
    /// What a file has too many of: chapter notes.
    pub counted_chapter_notes: &'static str,
    /// What a file has too many of: drawings.
    pub counted_drawings: &'static str,
    /// What a file has too many of: mentor feedback entries.
    pub counted_feedback: &'static str,
    /// Syntax error: the file ends too early.
    pub syntax_unexpected_end: &'static str,
    /// Syntax error: a `:` is missing.
    pub syntax_missing_colon: &'static str,
    /// Syntax error: a `,` is missing.
    pub syntax_missing_comma: &'static str,
    /// Syntax error: a bracket is missing: `{bracket}`.
    pub syntax_missing_bracket: &'static str,
    /// Syntax error: a string has no closing quote.
    pub syntax_unclosed_string: &'static str,
    /// Syntax error: a comment is not closed.
    pub syntax_unclosed_comment: &'static str,
    /// Syntax error: a character out of place: `{char}`.
    pub syntax_unexpected_char: &'static str,
    /// Syntax error: text after the end.
    pub syntax_trailing: &'static str,
    /// Syntax error: a value of the wrong type.
    pub syntax_wrong_value: &'static str,
    /// Syntax error: a required field is missing: `{name}`.
    pub syntax_missing_field: &'static str,
    /// Syntax error: a field the format does not have: `{name}`.
    pub syntax_unknown_field: &'static str,
    /// Syntax error: a field given twice: `{name}`.
    pub syntax_duplicate_field: &'static str,
    /// Syntax error: a value not among the allowed names: `{name}`.
    pub syntax_unknown_value: &'static str,
    /// Syntax error: a number out of range.
    pub syntax_number_out_of_range: &'static str,
    /// Syntax error: nested too deeply.
    pub syntax_too_deep: &'static str,
    /// Syntax error: an invalid escape sequence in a string.
    pub syntax_invalid_escape: &'static str,
    /// Format error.
    pub error_student_id: &'static str,
    /// Format error: `{error}`.
    pub error_io: &'static str,
    /// Repair: `{item}`, `{reason}`.
    pub repair_image_damaged: &'static str,
    /// Repair: `{item}`.
    pub repair_sketch_invalid: &'static str,
    /// Repair: `{item}`.
    pub repair_labels_cleaned: &'static str,
    /// Repair: `{mentor}`.
    pub repair_feedback_cleaned: &'static str,
    /// Repair: `{mentor}`, `{size}`.
    pub repair_feedback_too_long: &'static str,
    /// Repair: `{field}` (`app_version` or `curriculum_version`).
    pub repair_version_cleaned: &'static str,
    /// Repair: `{item}`.
    pub repair_last_touched_unknown: &'static str,
    /// Heading of the task's drawing panel.
    pub drawing_heading: &'static str,
    /// When nothing is attached yet.
    pub drawing_none: &'static str,
    /// Attach a photo.
    pub attach_photo: &'static str,
    /// Replace the photo.
    pub replace_photo: &'static str,
    /// Paste an image.
    pub paste_image: &'static str,
    /// Open the canvas.
    pub draw_here: &'static str,
    /// Open the canvas on the sketch.
    pub edit_sketch: &'static str,
    /// Export the drawing as PNG.
    pub export_png: &'static str,
    /// Remove the drawing.
    pub remove_drawing: &'static str,
    /// Title of the removal confirmation.
    pub confirm_remove_title: &'static str,
    /// Removal confirmation.
    pub confirm_remove: &'static str,
    /// Size of the stored image: `{width}`, `{height}`, `{size}`.
    pub drawing_info: &'static str,
    /// Tooltip of the thumbnail.
    pub drawing_hint: &'static str,
    /// While an image is processed.
    pub preparing_image: &'static str,
    /// An image cannot be used: `{error}`.
    pub image_failed: &'static str,
    /// Nothing to paste.
    pub clipboard_no_image: &'static str,
    /// File-type name in dialogs.
    pub image_kind: &'static str,
    /// File-type name in dialogs.
    pub png_kind: &'static str,
    /// Title of the canvas window.
    pub canvas_title: &'static str,
    /// How to draw.
    pub canvas_hint: &'static str,
    /// Tool.
    pub tool_pen: &'static str,
    /// Tool.
    pub tool_eraser: &'static str,
    /// Tool.
    pub tool_text: &'static str,
    /// Colour.
    pub ink_black: &'static str,
    /// Colour.
    pub ink_blue: &'static str,
    /// Colour.
    pub ink_red: &'static str,
    /// Colour.
    pub ink_green: &'static str,
    /// Line width.
    pub width_thin: &'static str,
    /// Line width.
    pub width_medium: &'static str,
    /// Line width.
    pub width_thick: &'static str,
    /// Undo a stroke.
    pub undo: &'static str,
    /// Redo a stroke.
    pub redo: &'static str,
    /// Clear the page.
    pub clear: &'static str,
    /// Save the sketch and close.
    pub save_sketch: &'static str,
    /// Close without saving.
    pub discard_sketch: &'static str,
    /// Label of the text field for a label.
    pub label_text: &'static str,
    /// Add the label.
    pub add_label: &'static str,
    /// Accessible name of the page.
    pub canvas_page: &'static str,
    /// Photo error: `{size}`, `{limit}`.
    pub photo_too_large: &'static str,
    /// Photo error.
    pub photo_not_image: &'static str,
    /// Photo error: `{width}`, `{height}`.
    pub photo_too_many_pixels: &'static str,
    /// Photo error: `{detail}`.
    pub photo_damaged: &'static str,
    /// Photo error: `{detail}`.
    pub photo_other: &'static str,
    /// Open the mentor's class view.
    pub mentor_button: &'static str,
    /// Heading: `{count}` students.
    pub class_heading: &'static str,
    /// How the class view works.
    pub class_hint: &'static str,
    /// Open files.
    pub open_files: &'static str,
    /// Open a folder.
    pub open_folder: &'static str,
    /// Filter label.
    pub filter_by_name: &'static str,
    /// Inactivity threshold label.
    pub inactive_days: &'static str,
    /// Export CSV.
    pub export_csv: &'static str,
    /// Export Markdown report.
    pub export_report_md: &'static str,
    /// Leave the class view.
    pub close_class: &'static str,
    /// A file that could not be read: `{file}`, `{error}`.
    pub class_problem: &'static str,
    /// Files of a folder that were not read (not progress files): `{count}`, `{folder}`,
    /// `{files}` (their names).
    pub class_skipped: &'static str,
    /// Column.
    pub column_name: &'static str,
    /// Column.
    pub column_total: &'static str,
    /// Column.
    pub column_last_activity: &'static str,
    /// Column.
    pub column_drawing: &'static str,
    /// Column.
    pub column_notes: &'static str,
    /// Column: feedback in the file.
    pub column_feedback: &'static str,
    /// Tooltip of a name.
    pub open_student_hint: &'static str,
    /// A student inactive for `{days}` days.
    pub inactive_flag: &'static str,
    /// Older files of the same student: `{count}`.
    pub newer_file_flag: &'static str,
    /// File-type name in dialogs.
    pub csv_kind: &'static str,
    /// While files are read.
    pub class_loading: &'static str,
    /// A mentor's feedback in the preview: `{mentor}`.
    pub change_feedback: &'static str,
    /// A mentor's comment: `{mentor}`, `{time}`.
    pub mentor_comment: &'static str,
    /// Heading of the feedback panel: `{name}`.
    pub feedback_heading: &'static str,
    /// Label of the overall comment.
    pub feedback_overall: &'static str,
    /// Label of an item's comment: `{item}`.
    pub feedback_item: &'static str,
    /// Export the feedback file.
    pub export_feedback: &'static str,
    /// Export every student's feedback, one file each.
    pub export_all_feedback: &'static str,
    /// After exporting all feedback: `{count}`, `{folder}`.
    pub feedback_exported_all: &'static str,
    /// After exporting all feedback when some failed: `{written}` (the text above),
    /// `{count}` failed, `{list}` of `feedback_export_failure`.
    pub feedback_exported_some: &'static str,
    /// One student whose feedback file failed: `{name}`, `{error}`.
    pub feedback_export_failure: &'static str,
    /// Between the entries of a list in a sentence.
    pub list_separator: &'static str,
    /// File-type name in dialogs.
    pub feedback_kind: &'static str,
    /// Mentor name when the mentor has none.
    pub default_mentor: &'static str,
}

/// Simplified Chinese.
pub const ZH: Strings = Strings {
    app_title: "学习伴侣 · 深度学习路线",
    overall_progress: "总进度",
    chapters: "章节",
    elective: "选修",
    task: "任务",
    example_caption: "示例：深度学习流程（手绘风格）",
    links_menu: "链接 ({count})",
    open: "打开",
    copy: "复制",
    copied: "已复制链接：{url}",
    link_refused: "没有打开这个链接：只能打开 http 或 https 网址。{url}（{reason}）",
    browser_failed: "无法启动浏览器打开 {url}：{error}",
    dismiss: "知道了",
    settings: "设置",
    language: "语言 / Language",
    expand_all: "全部展开",
    collapse_all: "全部折叠",
    count: "{complete}/{total}",
    continue_button: "继续学习",
    continue_hint: "跳到上次学习的条目，或第一个还没完成的条目",
    in_progress: "进行中",
    skip: "跳过",
    skipped_badge: "已跳过",
    skip_chapter: "整章跳过",
    unskip_chapter: "取消整章跳过",
    note_button: "笔记",
    note_button_filled: "笔记 ●",
    note_editor: "笔记内容",
    note_hint: "在这里写笔记，支持 Markdown（如 **加粗**、- 列表、[链接](https://…)）",
    note_image: "[图片：{alt}]",
    note_image_untitled: "[图片]",
    note_preview: "预览",
    done_editing: "完成",
    chapter_note: "本章笔记",
    started: "开始于 {time}",
    finished: "完成于 {time}",
    note_edited: "笔记编辑于 {time}",
    orphans_title: "不再在路线中的条目",
    orphans_hint: "这些条目已从学习路线中移除或改名，你的进度和笔记仍然保留在这里，不会被删除。",
    state_not_started: "未开始",
    state_in_progress: "进行中",
    state_done: "已完成",
    state_skipped: "已跳过",
    no_data_folder: "找不到保存进度的文件夹：本次的进度只保存在内存中，关闭后会丢失。请用 --data-dir 指定一个文件夹。",
    storage_unusable: "无法使用保存进度的文件夹（{error}）。本次的进度只保存在内存中，不会覆盖已有文件。",
    recovered_from_backup: "进度文件已损坏（{reason}），已从备份恢复。损坏的文件已移到：{path}",
    recovered_empty: "进度文件已损坏（{reason}），也没有可用的备份，只能从头开始。损坏的文件已移到：{path}",
    data_folder_in_use: "{holder}正在使用保存进度的文件夹，所以这个窗口只能查看、不会保存任何更改。请在那个窗口里继续学习；它关闭后，这个窗口会自动接手并开始保存。文件夹：{path}",
    holder_app: "另一个学习伴侣窗口（进程 {pid}）",
    holder_command: "命令 study-companion {command}（进程 {pid}）",
    data_folder_free: "另一个窗口已关闭：这个窗口已重新读取进度，现在会自动保存你的更改。",
    set_aside_heading: "合并后有些内容放不进一个进度文件（超过了文件的上限）。它们不会丢失：确认合并时会另存为一个文件，放在进度文件旁边，可以随时在应用中打开：",
    set_aside_note: "{target} 的笔记的另一个版本（{size}）",
    set_aside_item: "条目 {target}",
    set_aside_drawing: "{target} 的流程图",
    set_aside_feedback: "{mentor} 的评语",
    set_aside_kept: "放不下的内容已另存到：{path}",
    set_aside_failed: "无法另存放不下的内容（{error}），所以没有合并。请检查保存进度的文件夹后再试。",
    error_not_a_file: "这不是一个文件，而是{kind}。",
    kind_folder: "一个文件夹",
    kind_fifo: "一个命名管道",
    kind_device: "一个设备",
    kind_special: "一个特殊文件",
    canvas_full: "画布已满：再画下去，进度文件就会超过上限而无法读回，所以这一笔没有保存。可以撤销几笔或清空画布，或者拍照上传手绘图。",
    note_too_long: "笔记太长：一条笔记最多保存 {limit}，超出的部分没有保存。",
    drafts_recovered: "未导出的评语草稿文件无法读取（{reason}），已原样保留在：{path}，不会被新的草稿覆盖。",
    damaged_not_moved: "进度文件已损坏（{reason}），而且无法移开（{error}）。为了不覆盖它，本次不会保存进度。文件：{path}",
    save_failed: "保存进度失败：{error}。你的修改还在内存里，会每隔几秒自动重试；请检查磁盘空间和文件夹权限。",
    save_recovered: "进度已重新保存成功。",
    data_folder: "进度保存在：{path}",
    export_menu: "导出",
    export_progress: "导出进度文件…",
    export_markdown: "导出 Markdown 摘要…",
    import_button: "导入…",
    shortcut_hint: "快捷键 {keys}",
    progress_file_kind: "学习进度文件",
    markdown_kind: "Markdown 文档",
    name_prompt: "请填写你的名字，导出进度发给导师时会用到：",
    name_label: "名字",
    save_name: "保存",
    exported: "已导出：{path}",
    export_failed: "导出失败：{error}",
    import_failed: "无法导入 {path}：{error}。你的进度没有任何改变。",
    preview_title: "导入预览",
    preview_whose: "文件：{name}（{path}）",
    preview_progress: "进度：{complete}/{total}（完成 {done}，跳过 {skipped}），保存于 {saved}",
    preview_same: "这是你自己的进度文件（例如来自另一台电脑）。合并时每个条目以较新的修改为准，不同的笔记两份都保留，不会删除任何内容；合并后可以撤销。",
    preview_other: "这是另一位同学的进度文件，只能只读查看，你的进度不会改变。",
    preview_changes: "合并将改变 {count} 处：",
    preview_no_changes: "没有需要合并的变化。",
    preview_more: "……还有 {count} 处",
    preview_unknown: "文件中有 {count} 个条目不在当前路线中，会保留在“不再在路线中的条目”里。",
    preview_repairs: "读取时修正或跳过了：",
    merge: "合并",
    view_read_only: "只读查看",
    replace_mine: "用它替换我的进度",
    replace_hint: "如果这是你自己在另一台电脑（或重装前）的文件，可以用它替换现在的进度；之后可以撤销。",
    cancel: "取消",
    merged: "已合并 {count} 处变化。",
    replaced: "已用导入的文件替换你的进度。",
    undo_import: "撤销导入",
    undone: "已撤销导入，进度恢复到导入之前。",
    viewing: "正在查看 {name} 的进度（只读，不会改变你的进度）",
    close_view: "关闭查看",
    unnamed: "（未填写名字）",
    change_state: "{item}：{from} → {to}",
    change_note_added: "{item}：新增笔记",
    change_note_merged: "{item}：笔记合并（两份都保留）",
    repair_name_cleaned: "名字中的控制字符已移除",
    repair_name_truncated: "名字太长（{chars} 个字），已截短",
    repair_note_cleaned: "“{item}”的笔记中的控制字符已移除",
    repair_note_too_long: "“{item}”的笔记太大（{size}），已跳过，条目状态照常导入",
    repair_invalid_id: "无效的 id「{id}」，该条已跳过",
    error_too_large: "文件太大（{size}，上限 {limit}）",
    error_empty: "文件是空的",
    error_not_text: "这不是进度文件：从第 {byte} 字节起不是文本",
    error_syntax: "文件内容有误，第 {line} 行第 {col} 列：{message}",
    error_too_new: "文件的格式版本 {found} 比本程序支持的 {supported} 新，请先更新学习伴侣",
    error_unknown_version: "未知的文件格式版本 {found}",
    error_too_many: "{what}太多（{count} 个，上限 {limit}）",
    counted_items: "条目",
    counted_chapter_notes: "章节笔记",
    counted_drawings: "流程图",
    counted_feedback: "导师反馈",
    syntax_unexpected_end: "文件意外结束（可能不完整）",
    syntax_missing_colon: "缺少冒号",
    syntax_missing_comma: "缺少逗号",
    syntax_missing_bracket: "缺少“{bracket}”",
    syntax_unclosed_string: "字符串缺少结尾的引号",
    syntax_unclosed_comment: "注释没有结束",
    syntax_unexpected_char: "这里不应出现字符“{char}”",
    syntax_trailing: "内容结束后还有多余的文字",
    syntax_wrong_value: "这里的值类型不对",
    syntax_missing_field: "缺少字段“{name}”",
    syntax_unknown_field: "未知的字段“{name}”",
    syntax_duplicate_field: "字段“{name}”出现了两次",
    syntax_unknown_value: "未知的取值“{name}”",
    syntax_number_out_of_range: "数字超出范围",
    syntax_too_deep: "嵌套层数太多",
    syntax_invalid_escape: "字符串中有无效的转义序列",
    error_student_id: "缺少学生 id，或 id 无效",
    error_io: "读取失败（{error}）",
    repair_image_damaged: "“{item}”的流程图图片已损坏（{reason}），已跳过",
    repair_sketch_invalid: "“{item}”的草图数据有误或过大，已跳过",
    repair_labels_cleaned: "“{item}”的草图文字中的控制字符已移除",
    repair_feedback_cleaned: "导师 {mentor} 的反馈中的控制字符已移除",
    repair_feedback_too_long: "导师 {mentor} 的反馈中有一段文字太大（{size}），已跳过",
    repair_version_cleaned: "文件的 {field} 含有控制字符或太长，已清理",
    repair_last_touched_unknown: "“继续学习”指向的条目“{item}”在文件中没有记录，已忽略",
    drawing_heading: "我的深度学习流程图",
    drawing_none: "还没有流程图。学完本章后，可以拍照上传手绘的流程图，或者直接在这里画一张。",
    attach_photo: "上传照片或扫描件…",
    replace_photo: "换一张照片…",
    paste_image: "从剪贴板粘贴",
    draw_here: "在这里画",
    edit_sketch: "继续编辑草图",
    export_png: "导出为 PNG…",
    remove_drawing: "移除",
    confirm_remove_title: "移除流程图？",
    confirm_remove: "确定要移除这张流程图吗？移除后不能恢复（已经导出的文件不受影响）。",
    drawing_info: "{width}×{height} 像素 · {size}",
    drawing_hint: "点击查看大图（滚轮缩放，拖动平移）",
    preparing_image: "正在处理图片…",
    image_failed: "无法使用这张图片：{error}。原来的流程图没有改变。",
    clipboard_no_image: "剪贴板里没有图片。",
    image_kind: "图片",
    png_kind: "PNG 图片",
    canvas_title: "画深度学习流程",
    canvas_hint: "在白纸上拖动来画线；选“文字”后点击纸面，为流程的方框写上文字。",
    tool_pen: "笔",
    tool_eraser: "橡皮",
    tool_text: "文字",
    ink_black: "黑",
    ink_blue: "蓝",
    ink_red: "红",
    ink_green: "绿",
    width_thin: "细",
    width_medium: "中",
    width_thick: "粗",
    undo: "撤销",
    redo: "重做",
    clear: "清空",
    save_sketch: "保存并关闭",
    discard_sketch: "不保存，关闭",
    label_text: "文字内容",
    add_label: "添加文字",
    canvas_page: "画布",
    photo_too_large: "图片文件太大（{size}，上限 {limit}）",
    photo_not_image: "这不是 PNG、JPEG 或 WebP 图片",
    photo_too_many_pixels: "图片尺寸过大（{width}×{height} 像素），无法打开",
    photo_damaged: "图片已损坏或不完整（{detail}）",
    photo_other: "{detail}",
    mentor_button: "导师：班级视图",
    class_heading: "班级（{count} 名学生）",
    class_hint: "打开学生发来的进度文件或整个文件夹（也可以把多个文件拖进窗口）。点列标题排序，点名字查看该学生的完整路线（只读）。你自己的进度不会改变。",
    open_files: "打开文件…",
    open_folder: "打开文件夹…",
    filter_by_name: "按名字筛选",
    inactive_days: "多少天没有进展算不活跃",
    export_csv: "导出 CSV…",
    export_report_md: "导出 Markdown 报告…",
    close_class: "关闭班级视图",
    class_problem: "无法读取 {file}：{error}",
    class_skipped: "{folder} 中跳过了 {count} 个不是进度文件的文件（只读取 .scprogress 和 .ron）：{files}",
    column_name: "姓名",
    column_total: "总进度",
    column_last_activity: "最后活动",
    column_drawing: "流程图",
    column_notes: "提示",
    column_feedback: "反馈",
    open_student_hint: "查看该学生的完整路线（只读）",
    inactive_flag: "超过 {days} 天没有进展",
    newer_file_flag: "使用最新的文件（忽略了 {count} 个较旧的）",
    csv_kind: "CSV 表格",
    class_loading: "正在读取进度文件…",
    change_feedback: "导师 {mentor} 的反馈",
    mentor_comment: "导师 {mentor}（{time}）：",
    feedback_heading: "给 {name} 的反馈",
    feedback_overall: "整体评语",
    feedback_item: "{item} 的评语",
    export_feedback: "导出反馈文件…",
    export_all_feedback: "导出全部反馈（每人一个文件）…",
    feedback_exported_all: "已导出 {count} 个反馈文件到 {folder}",
    feedback_exported_some: "{written}；以下 {count} 个未能写出：{list}",
    feedback_export_failure: "{name}（{error}）",
    list_separator: "；",
    feedback_kind: "学习伴侣反馈文件",
    default_mentor: "导师",
};

/// English.
pub const EN: Strings = Strings {
    app_title: "Study Companion · Deep Learning Roadmap",
    overall_progress: "Overall",
    chapters: "Chapters",
    elective: "Elective",
    task: "Task",
    example_caption: "Example: a deep-learning workflow (hand-drawn style)",
    links_menu: "Links ({count})",
    open: "Open",
    copy: "Copy",
    copied: "Link copied: {url}",
    link_refused: "This link was not opened: only http and https addresses open. {url} ({reason})",
    browser_failed: "Could not start a browser for {url}: {error}",
    dismiss: "OK",
    settings: "Settings",
    language: "语言 / Language",
    expand_all: "Expand all",
    collapse_all: "Collapse all",
    count: "{complete}/{total}",
    continue_button: "Continue",
    continue_hint: "Go to the item you last worked on, or the first one not finished",
    in_progress: "In progress",
    skip: "Skip",
    skipped_badge: "Skipped",
    skip_chapter: "Skip chapter",
    unskip_chapter: "Un-skip chapter",
    note_button: "Note",
    note_button_filled: "Note ●",
    note_editor: "Note text",
    note_hint: "Write your note here; Markdown works (**bold**, - lists, [links](https://…))",
    note_image: "[image: {alt}]",
    note_image_untitled: "[image]",
    note_preview: "Preview",
    done_editing: "Done",
    chapter_note: "Chapter note",
    started: "started {time}",
    finished: "finished {time}",
    note_edited: "note edited {time}",
    orphans_title: "No longer in the curriculum",
    orphans_hint: "These items were removed or renamed in the roadmap; your progress and notes stay here and are never deleted.",
    state_not_started: "Not started",
    state_in_progress: "In progress",
    state_done: "Done",
    state_skipped: "Skipped",
    no_data_folder: "No folder to save progress in was found: progress is kept in memory only and lost on exit. Use --data-dir to choose a folder.",
    storage_unusable: "The data folder cannot be used ({error}). Progress is kept in memory only, and no existing file is overwritten.",
    recovered_from_backup: "The progress file was damaged ({reason}); your progress was restored from the backup. The damaged file was moved to: {path}",
    recovered_empty: "The progress file was damaged ({reason}) and there is no usable backup, so you start afresh. The damaged file was moved to: {path}",
    data_folder_in_use: "{holder} is using the data folder, so this window only shows your progress and saves no change. Please continue in that window; when it closes, this window takes over and starts saving. Folder: {path}",
    holder_app: "Another Study Companion window (process {pid})",
    holder_command: "The command study-companion {command} (process {pid})",
    data_folder_free: "The other window was closed: this window has read your progress again and now saves your changes.",
    set_aside_heading: "After the merge, some things do not fit in one progress file (they are over its limits). They are not lost: when you confirm, they are saved in a file of their own next to your progress, which you can open in the app at any time:",
    set_aside_note: "another version of the note of {target} ({size})",
    set_aside_item: "item {target}",
    set_aside_drawing: "the drawing of {target}",
    set_aside_feedback: "feedback from {mentor}",
    set_aside_kept: "What did not fit was saved in: {path}",
    set_aside_failed: "What does not fit could not be saved apart ({error}), so nothing was merged. Please check the data folder and try again.",
    error_not_a_file: "This is not a file but {kind}.",
    kind_folder: "a folder",
    kind_fifo: "a named pipe",
    kind_device: "a device",
    kind_special: "a special file",
    canvas_full: "The canvas is full: more would make a progress file too large to read back, so this stroke was not kept. Undo some strokes or clear the page, or upload a photo of a hand drawing.",
    note_too_long: "The note is too long: a note keeps at most {limit}; the rest was not saved.",
    drafts_recovered: "The file of unexported feedback drafts could not be read ({reason}); it is kept as it was in: {path}, and new drafts are never saved over it.",
    damaged_not_moved: "The progress file is damaged ({reason}) and could not be moved aside ({error}). To avoid overwriting it, nothing is saved this time. File: {path}",
    save_failed: "Saving failed: {error}. Your changes are kept in memory and saving is retried every few seconds; check free disk space and folder permissions.",
    save_recovered: "Progress saved again.",
    data_folder: "Progress is saved in: {path}",
    export_menu: "Export",
    export_progress: "Export progress file…",
    export_markdown: "Export Markdown summary…",
    import_button: "Import…",
    shortcut_hint: "Shortcut {keys}",
    progress_file_kind: "Study progress file",
    markdown_kind: "Markdown document",
    name_prompt: "Please enter your name; it goes into the progress files you send to your mentor:",
    name_label: "Name",
    save_name: "Save",
    exported: "Exported: {path}",
    export_failed: "Export failed: {error}",
    import_failed: "Cannot import {path}: {error}. Your progress is unchanged.",
    preview_title: "Import preview",
    preview_whose: "File: {name} ({path})",
    preview_progress: "Progress: {complete}/{total} ({done} done, {skipped} skipped), saved {saved}",
    preview_same: "This is your own progress file (from another computer, say). Merging keeps the newer change of each item and both versions of differing notes, deletes nothing, and can be undone.",
    preview_other: "This is another student's progress file. It can be viewed read-only; your progress does not change.",
    preview_changes: "Merging changes {count} thing(s):",
    preview_no_changes: "Nothing to merge.",
    preview_more: "… and {count} more",
    preview_unknown: "{count} item(s) in the file are not in this roadmap; they are kept under “No longer in the curriculum”.",
    preview_repairs: "Cleaned or skipped while reading:",
    merge: "Merge",
    view_read_only: "View read-only",
    replace_mine: "Replace my progress with it",
    replace_hint: "If this is your own file from another computer (or from before a reinstall), it can replace your current progress; this can be undone.",
    cancel: "Cancel",
    merged: "Merged {count} change(s).",
    replaced: "Your progress was replaced by the imported file.",
    undo_import: "Undo import",
    undone: "Import undone; your progress is as it was before.",
    viewing: "Viewing {name}'s progress (read-only; your progress is unchanged)",
    close_view: "Close",
    unnamed: "(no name)",
    change_state: "{item}: {from} → {to}",
    change_note_added: "{item}: new note",
    change_note_merged: "{item}: notes merged (both kept)",
    repair_name_cleaned: "Control characters removed from the name",
    repair_name_truncated: "The name was too long ({chars} characters) and was cut",
    repair_note_cleaned: "Control characters removed from the note on “{item}”",
    repair_note_too_long: "The note on “{item}” is too large ({size}) and was skipped; the item's state was imported",
    repair_invalid_id: "Invalid id “{id}”; that entry was skipped",
    error_too_large: "the file is too large ({size}; the limit is {limit})",
    error_empty: "the file is empty",
    error_not_text: "this is not a progress file: not text from byte {byte} on",
    error_syntax: "the file is malformed at line {line}, column {col}: {message}",
    error_too_new: "the file's format version {found} is newer than {supported}, the newest this app reads; please update Study Companion",
    error_unknown_version: "unknown file format version {found}",
    error_too_many: "too many {what} ({count}; the limit is {limit})",
    counted_items: "items",
    counted_chapter_notes: "chapter notes",
    counted_drawings: "drawings",
    counted_feedback: "feedback entries",
    syntax_unexpected_end: "the file ends unexpectedly (it may be incomplete)",
    syntax_missing_colon: "a colon is missing",
    syntax_missing_comma: "a comma is missing",
    syntax_missing_bracket: "a “{bracket}” is missing",
    syntax_unclosed_string: "a string has no closing quote",
    syntax_unclosed_comment: "a comment is not closed",
    syntax_unexpected_char: "the character “{char}” does not belong here",
    syntax_trailing: "there is more text after the end",
    syntax_wrong_value: "a value of the wrong type",
    syntax_missing_field: "the field “{name}” is missing",
    syntax_unknown_field: "unknown field “{name}”",
    syntax_duplicate_field: "the field “{name}” appears twice",
    syntax_unknown_value: "unknown value “{name}”",
    syntax_number_out_of_range: "a number is out of range",
    syntax_too_deep: "nested too deeply",
    syntax_invalid_escape: "a string has an invalid escape sequence",
    error_student_id: "the student id is missing or invalid",
    error_io: "it could not be read ({error})",
    repair_image_damaged: "The drawing of “{item}” is damaged ({reason}) and was skipped",
    repair_sketch_invalid: "The sketch of “{item}” is malformed or too large and was skipped",
    repair_labels_cleaned: "Control characters removed from the text in the sketch of “{item}”",
    repair_feedback_cleaned: "Control characters removed from the feedback of mentor {mentor}",
    repair_feedback_too_long: "A text in the feedback of mentor {mentor} is too large ({size}) and was skipped",
    repair_version_cleaned: "The file's {field} had control characters or was too long and was cleaned",
    repair_last_touched_unknown: "The item to continue with, “{item}”, has no entry in the file and was ignored",
    drawing_heading: "My deep-learning workflow",
    drawing_none: "No drawing yet. After studying this chapter, attach a photo of your hand-drawn workflow, or draw it right here.",
    attach_photo: "Attach photo or scan…",
    replace_photo: "Replace photo…",
    paste_image: "Paste from clipboard",
    draw_here: "Draw it here",
    edit_sketch: "Edit the sketch",
    export_png: "Export as PNG…",
    remove_drawing: "Remove",
    confirm_remove_title: "Remove the drawing?",
    confirm_remove: "Remove this drawing? This cannot be undone (files you already exported keep it).",
    drawing_info: "{width}×{height} pixels · {size}",
    drawing_hint: "Click for full size (scroll to zoom, drag to pan)",
    preparing_image: "Processing the image…",
    image_failed: "This image cannot be used: {error}. The previous drawing is unchanged.",
    clipboard_no_image: "There is no image on the clipboard.",
    image_kind: "Images",
    png_kind: "PNG image",
    canvas_title: "Draw the deep-learning workflow",
    canvas_hint: "Drag on the page to draw; choose “Text” and click the page to label the boxes of your workflow.",
    tool_pen: "Pen",
    tool_eraser: "Eraser",
    tool_text: "Text",
    ink_black: "Black",
    ink_blue: "Blue",
    ink_red: "Red",
    ink_green: "Green",
    width_thin: "Thin",
    width_medium: "Medium",
    width_thick: "Thick",
    undo: "Undo",
    redo: "Redo",
    clear: "Clear",
    save_sketch: "Save and close",
    discard_sketch: "Close without saving",
    label_text: "Label text",
    add_label: "Add text",
    canvas_page: "Canvas",
    photo_too_large: "the image file is too large ({size}; the limit is {limit})",
    photo_not_image: "this is not a PNG, JPEG or WebP image",
    photo_too_many_pixels: "the image is too large to open ({width}×{height} pixels)",
    photo_damaged: "the image is damaged or incomplete ({detail})",
    photo_other: "{detail}",
    mentor_button: "Mentor: class view",
    class_heading: "Class ({count} students)",
    class_hint: "Open the progress files students sent, or a whole folder (or drop several files on the window). Click a column heading to sort, a name to see that student's roadmap read-only. Your own progress is never touched.",
    open_files: "Open files…",
    open_folder: "Open folder…",
    filter_by_name: "Filter by name",
    inactive_days: "Inactive after (days)",
    export_csv: "Export CSV…",
    export_report_md: "Export Markdown report…",
    close_class: "Close class view",
    class_problem: "Cannot read {file}: {error}",
    class_skipped: "{count} file(s) in {folder} skipped, not progress files (only .scprogress and .ron are read): {files}",
    column_name: "Name",
    column_total: "Total",
    column_last_activity: "Last activity",
    column_drawing: "Drawing",
    column_notes: "Notes",
    column_feedback: "Feedback",
    open_student_hint: "See this student's roadmap (read-only)",
    inactive_flag: "no progress for {days}+ days",
    newer_file_flag: "newest file used ({count} older ignored)",
    csv_kind: "CSV table",
    class_loading: "Reading progress files…",
    change_feedback: "Feedback from {mentor}",
    mentor_comment: "Mentor {mentor} ({time}):",
    feedback_heading: "Feedback for {name}",
    feedback_overall: "Overall comment",
    feedback_item: "Comment on {item}",
    export_feedback: "Export feedback file…",
    export_all_feedback: "Export all feedback (one file each)…",
    feedback_exported_all: "Exported {count} feedback files to {folder}",
    feedback_exported_some: "{written}; these {count} could not be written: {list}",
    feedback_export_failure: "{name} ({error})",
    list_separator: "; ",
    feedback_kind: "Study Companion feedback file",
    default_mentor: "Mentor",
};

/// Replaces each `{name}` in `template` with its value.
///
/// # Example
/// ```
/// use study_companion::ui::i18n::fill;
/// assert_eq!(fill("{a} 和 {b}", &[("a", "甲"), ("b", "乙")]), "甲 和 乙");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // One pass over the template: a value that itself contains `{name}` (a student's name, a
    // note, an error message) is copied as it is, never expanded by a later placeholder.
    let mut text = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value, close))
        });
        match value {
            Some((value, close)) => {
                text.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text
}

#[cfg(test)]
mod fill_tests {
    use super::fill;

    #[test]
    fn values_are_never_expanded_again() {
        assert_eq!(
            fill(
                "{name}：{error}",
                &[("name", "{error}"), ("error", "磁盘已满")]
            ),
            "{error}：磁盘已满"
        );
        assert_eq!(fill("{a}{a}", &[("a", "1")]), "11");
        assert_eq!(fill("{unknown} {", &[("a", "1")]), "{unknown} {");
        assert_eq!(fill("无占位符", &[]), "无占位符");
    }
}
