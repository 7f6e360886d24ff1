//! Every command of the app in one list: its label in each language, its keyboard shortcut,
//! where it sits, and the action it makes. The top bar, its menus and the shortcut handler
//! all iterate [`Command::ALL`], so a shortcut is defined once and shown wherever the
//! command is.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Strings;

use super::action::{Action, ImportAction, MentorAction};
use super::flow::Model;

/// A command a person can give from the top bar, a menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Jump to the last item touched, or the first unfinished one.
    Continue,
    /// Search titles, texts, links, notes and feedback.
    Search,
    /// Export the progress file.
    ExportProgress,
    /// Export a Markdown summary.
    ExportMarkdown,
    /// Import a progress file.
    Import,
    /// Undo the last import.
    UndoImport,
    /// Open or close the mentor's class view.
    MentorView,
    /// Open every chapter.
    ExpandAll,
    /// Close every chapter.
    CollapseAll,
}

/// Where a command is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A button in the top bar.
    Bar,
    /// The export menu of the top bar.
    ExportMenu,
    /// The settings menu.
    SettingsMenu,
}

impl Command {
    /// Every command, in the order they are shown.
    pub const ALL: [Self; 9] = [
        Self::Continue,
        Self::Search,
        Self::ExportProgress,
        Self::ExportMarkdown,
        Self::Import,
        Self::UndoImport,
        Self::MentorView,
        Self::ExpandAll,
        Self::CollapseAll,
    ];

    /// The command's name in the UI language.
    pub fn label(self, strings: &Strings) -> &'static str {
        match self {
            Self::Continue => strings.continue_button,
            Self::Search => strings.search,
            Self::ExportProgress => strings.export_progress,
            Self::ExportMarkdown => strings.export_markdown,
            Self::Import => strings.import_button,
            Self::UndoImport => strings.undo_import,
            Self::MentorView => strings.mentor_button,
            Self::ExpandAll => strings.expand_all,
            Self::CollapseAll => strings.collapse_all,
        }
    }

    /// What the command does, for a tooltip (if more than its label says).
    pub fn hint(self, strings: &Strings) -> Option<&'static str> {
        match self {
            Self::Continue => Some(strings.continue_hint),
            _ => None,
        }
    }

    /// The keyboard shortcut (⌘ on a Mac, Ctrl elsewhere).
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let command = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            Self::Search => command(Key::F),
            Self::ExportProgress => command(Key::E),
            Self::Import => command(Key::O),
            _ => None,
        }
    }

    /// Where the command is shown.
    pub fn place(self) -> Place {
        match self {
            Self::Continue | Self::Search | Self::Import | Self::UndoImport | Self::MentorView => {
                Place::Bar
            }
            Self::ExportProgress | Self::ExportMarkdown => Place::ExportMenu,
            Self::ExpandAll | Self::CollapseAll => Place::SettingsMenu,
        }
    }

    /// Whether the command is shown "on" (the class view while it is open).
    pub fn is_on(self, model: &Model) -> Option<bool> {
        match self {
            Self::MentorView => Some(model.mentor.class.is_some()),
            _ => None,
        }
    }

    /// The action the command makes now, or `None` when it cannot be given (undo with
    /// nothing to undo).
    pub fn action(self, model: &Model) -> Option<Action> {
        Some(match self {
            Self::Continue => Action::Continue,
            // The roadmap is where hits are shown: not over the class table.
            Self::Search if model.class_shown() => return None,
            Self::Search => Action::OpenSearch,
            Self::ExportProgress => Action::AskExport { markdown: false },
            Self::ExportMarkdown => Action::AskExport { markdown: true },
            Self::Import => ImportAction::Ask.into(),
            Self::UndoImport => {
                model.import.undo.as_ref()?;
                ImportAction::Undo.into()
            }
            Self::MentorView => {
                if model.mentor.class.is_some() {
                    MentorAction::Close.into()
                } else {
                    MentorAction::Open.into()
                }
            }
            Self::ExpandAll => Action::SetAllChaptersOpen(true),
            Self::CollapseAll => Action::SetAllChaptersOpen(false),
        })
    }

    /// The commands shown in `place`, in order.
    pub fn in_place(place: Place) -> impl Iterator<Item = Self> {
        Self::ALL
            .into_iter()
            .filter(move |command| command.place() == place)
    }

    /// Commands whose shortcut was pressed this frame (the keys are consumed).
    pub fn pressed(ctx: &egui::Context) -> Vec<Self> {
        ctx.input_mut(|input| {
            Self::ALL
                .into_iter()
                .filter(|command| {
                    command
                        .shortcut()
                        .is_some_and(|shortcut| input.consume_shortcut(&shortcut))
                })
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::i18n::{EN, ZH};

    #[test]
    fn every_command_has_a_label_and_no_shortcut_is_used_twice() {
        let mut shortcuts = HashSet::new();
        for command in Command::ALL {
            assert!(!command.label(&ZH).is_empty() && !command.label(&EN).is_empty());
            if let Some(shortcut) = command.shortcut() {
                assert!(shortcuts.insert(shortcut), "{command:?} repeats a shortcut");
            }
        }
        let placed: usize = [Place::Bar, Place::ExportMenu, Place::SettingsMenu]
            .into_iter()
            .map(|place| Command::in_place(place).count())
            .sum();
        assert_eq!(
            placed,
            Command::ALL.len(),
            "every command is shown somewhere"
        );
    }
}
