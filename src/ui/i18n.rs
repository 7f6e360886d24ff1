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
    /// Damaged file could not be moved: `{reason}`, `{error}`, `{path}`.
    pub damaged_not_moved: &'static str,
    /// Saving failed: `{error}`.
    pub save_failed: &'static str,
    /// Saving works again.
    pub save_recovered: &'static str,
    /// Where progress is saved: `{path}`.
    pub data_folder: &'static str,
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
    damaged_not_moved: "进度文件已损坏（{reason}），而且无法移开（{error}）。为了不覆盖它，本次不会保存进度。文件：{path}",
    save_failed: "保存进度失败：{error}。你的修改还在内存里，会每隔几秒自动重试；请检查磁盘空间和文件夹权限。",
    save_recovered: "进度已重新保存成功。",
    data_folder: "进度保存在：{path}",
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
    damaged_not_moved: "The progress file is damaged ({reason}) and could not be moved aside ({error}). To avoid overwriting it, nothing is saved this time. File: {path}",
    save_failed: "Saving failed: {error}. Your changes are kept in memory and saving is retried every few seconds; check free disk space and folder permissions.",
    save_recovered: "Progress saved again.",
    data_folder: "Progress is saved in: {path}",
};

/// Replaces each `{name}` in `template` with its value.
///
/// # Example
/// ```
/// use study_companion::ui::i18n::fill;
/// assert_eq!(fill("{a} 和 {b}", &[("a", "甲"), ("b", "乙")]), "甲 和 乙");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}
