//! Plain state every room may read: what the window remembers between runs, and the notices
//! shown to the student.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::curriculum::ChapterId;
use crate::i18n::Language;

/// What the window remembers between runs, in eframe's own storage next to the window size.
/// The student's progress is not here: it has its own atomic storage ([`crate::storage`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    /// UI language.
    pub language: Language,

    /// Chapters the student left open.
    pub open_chapters: BTreeSet<ChapterId>,

    /// The mentor's name, signed on feedback (asked when the class view is first opened).
    pub mentor_name: String,

    /// The class folder the student hands in to (a shared or synced folder), if any.
    pub class_folder: Option<std::path::PathBuf>,

    /// The files and folders the mentor's class view opened last (opened again next time).
    pub class_paths: Vec<std::path::PathBuf>,

    /// Light, dark, or as the system is.
    pub theme: Theme,

    /// The size of text and everything else, in percent (Ctrl+plus/minus change it too).
    pub text_size: u16,
}

impl Default for UiState {
    fn default() -> Self {
        Self {
            language: Language::default(),
            open_chapters: BTreeSet::new(),
            mentor_name: String::new(),
            class_folder: None,
            class_paths: Vec::new(),
            theme: Theme::default(),
            text_size: 100,
        }
    }
}

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Light or dark as the system is set.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Every theme, in the order settings shows them.
    pub const ALL: [Self; 3] = [Self::System, Self::Light, Self::Dark];

    /// egui's name for it.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// The text sizes settings offers, in percent; the smallest and largest are the limits.
pub const TEXT_SIZES: [u16; 6] = [90, 100, 110, 125, 135, 150];

/// `percent` within the limits of [`TEXT_SIZES`] (a stored value from elsewhere, or a zoom).
pub fn clamp_text_size(percent: u16) -> u16 {
    percent.clamp(TEXT_SIZES[0], TEXT_SIZES[TEXT_SIZES.len() - 1])
}

/// A message shown to the student until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// What happened, in the UI language.
    pub text: String,
    /// A problem (shown in the warning colour) rather than a confirmation.
    pub is_problem: bool,
    /// A file the notice is about, which a button shows in its folder.
    pub file: Option<std::path::PathBuf>,
}

impl Notice {
    /// A problem, shown in the warning colour.
    pub fn problem(text: String) -> Self {
        Self {
            text,
            is_problem: true,
            file: None,
        }
    }

    /// A confirmation.
    pub fn info(text: String) -> Self {
        Self {
            text,
            is_problem: false,
            file: None,
        }
    }
}

/// The notices on screen, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notices(Vec<Notice>);

impl Notices {
    /// Adds a notice; the same message twice in a row is shown once.
    pub fn push(&mut self, notice: Notice) {
        if self.0.last().is_some_and(|last| last.text == notice.text) {
            return;
        }
        self.0.push(notice);
    }

    /// Adds a problem.
    pub fn problem(&mut self, text: String) {
        self.push(Notice::problem(text));
    }

    /// Adds a confirmation.
    pub fn info(&mut self, text: String) {
        self.push(Notice::info(text));
    }

    /// Closes the notice at `index` (if there is one).
    pub fn dismiss(&mut self, index: usize) {
        if index < self.0.len() {
            self.0.remove(index);
        }
    }

    /// Closes every notice with this text.
    pub fn remove_text(&mut self, text: &str) {
        self.0.retain(|notice| notice.text != text);
    }

    /// The notices, oldest first.
    pub fn as_slice(&self) -> &[Notice] {
        &self.0
    }
}

impl Extend<Notice> for Notices {
    fn extend<T: IntoIterator<Item = Notice>>(&mut self, notices: T) {
        for notice in notices {
            self.push(notice);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_state_saved_before_themes_existed_gets_the_defaults() {
        let old = r#"(language: English, open_chapters: ["python"], mentor_name: "王老师")"#;
        let state: UiState = ron::from_str(old).expect("an old state still reads");
        assert_eq!(state.language, Language::English);
        assert_eq!(state.theme, Theme::System);
        assert_eq!(state.text_size, 100);
    }

    #[test]
    fn text_sizes_are_clamped() {
        assert_eq!(clamp_text_size(0), 90);
        assert_eq!(clamp_text_size(120), 120);
        assert_eq!(clamp_text_size(400), 150);
    }
}
