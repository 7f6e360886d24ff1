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
