//! Every command of the app in one list: its label in each language, its keyboard shortcut,
//! where it sits, and the action it makes. The top bar, its menus and the shortcut handler
//! all iterate [`Command::ALL`], so a shortcut is defined once and shown wherever the
//! command is.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::{Language, Strings};

use super::action::{Action, ImportAction, MentorAction, Overlay};
use super::flow::Model;
use super::state::{TEXT_SIZES, Theme};

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
    /// The study plan window (the plan, target dates, the activity calendar).
    Plan,
    /// Open every chapter.
    ExpandAll,
    /// Close every chapter.
    CollapseAll,
    /// The command palette: every command, found by typing.
    Palette,
    /// The list of every keyboard shortcut.
    Shortcuts,
    /// Larger text (and everything else).
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Text at 100 %.
    ZoomReset,
    /// Always the light theme.
    LightTheme,
    /// Always the dark theme.
    DarkTheme,
    /// Light or dark as the system is.
    SystemTheme,
    /// Switch between Chinese and English.
    SwitchLanguage,
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
    /// Only in the command palette and on the keyboard (settings has its own controls).
    PaletteOnly,
}

impl Command {
    /// How a shortcut is written in the UI: egui's form (Ctrl+E, ⌘E on a Mac), a plain key as
    /// its symbol (`?`, not "Questionmark").
    pub fn keys_text(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
        if shortcut.modifiers.is_none() {
            shortcut.logical_key.symbol_or_name().to_owned()
        } else {
            ctx.format_shortcut(shortcut)
        }
    }

    /// Every command, in the order they are shown.
    pub const ALL: [Self; 19] = [
        Self::Continue,
        Self::Search,
        Self::ExportProgress,
        Self::ExportMarkdown,
        Self::Import,
        Self::UndoImport,
        Self::MentorView,
        Self::Plan,
        Self::ExpandAll,
        Self::CollapseAll,
        Self::Palette,
        Self::Shortcuts,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::LightTheme,
        Self::DarkTheme,
        Self::SystemTheme,
        Self::SwitchLanguage,
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
            Self::Plan => strings.plan_title,
            Self::ExpandAll => strings.expand_all,
            Self::CollapseAll => strings.collapse_all,
            Self::Palette => strings.command_palette,
            Self::Shortcuts => strings.shortcut_sheet,
            Self::ZoomIn => strings.zoom_in,
            Self::ZoomOut => strings.zoom_out,
            Self::ZoomReset => strings.zoom_reset,
            Self::LightTheme => strings.use_light_theme,
            Self::DarkTheme => strings.use_dark_theme,
            Self::SystemTheme => strings.use_system_theme,
            Self::SwitchLanguage => strings.switch_language,
        }
    }

    /// What the command does, for a tooltip (if more than its label says).
    pub fn hint(self, strings: &Strings) -> Option<&'static str> {
        match self {
            Self::Continue => Some(strings.continue_hint),
            Self::Plan => Some(strings.plan_hint),
            _ => None,
        }
    }

    /// The keyboard shortcut shown for the command (⌘ on a Mac, Ctrl elsewhere).
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// Every shortcut that gives the command; the first is the one shown. (Ctrl+Shift+P is
    /// the palette in VS Code; Ctrl+= is Ctrl+plus without Shift on most keyboards.)
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const fn command(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::COMMAND, key)
        }
        const SEARCH: &[KeyboardShortcut] = &[command(Key::F)];
        const EXPORT: &[KeyboardShortcut] = &[command(Key::E)];
        const IMPORT: &[KeyboardShortcut] = &[command(Key::O)];
        const PALETTE: &[KeyboardShortcut] = &[
            command(Key::K),
            KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::P),
        ];
        const SHORTCUTS: &[KeyboardShortcut] = &[
            KeyboardShortcut::new(Modifiers::NONE, Key::F1),
            KeyboardShortcut::new(Modifiers::NONE, Key::Questionmark),
        ];
        const ZOOM_IN: &[KeyboardShortcut] = &[command(Key::Plus), command(Key::Equals)];
        const ZOOM_OUT: &[KeyboardShortcut] = &[command(Key::Minus)];
        const ZOOM_RESET: &[KeyboardShortcut] = &[command(Key::Num0)];
        match self {
            Self::Search => SEARCH,
            Self::ExportProgress => EXPORT,
            Self::Import => IMPORT,
            Self::Palette => PALETTE,
            Self::Shortcuts => SHORTCUTS,
            Self::ZoomIn => ZOOM_IN,
            Self::ZoomOut => ZOOM_OUT,
            Self::ZoomReset => ZOOM_RESET,
            _ => &[],
        }
    }

    /// Where the command is shown.
    pub fn place(self) -> Place {
        match self {
            Self::Continue
            | Self::Search
            | Self::Import
            | Self::UndoImport
            | Self::MentorView
            | Self::Plan => Place::Bar,
            Self::ExportProgress | Self::ExportMarkdown => Place::ExportMenu,
            Self::ExpandAll | Self::CollapseAll | Self::Palette | Self::Shortcuts => {
                Place::SettingsMenu
            }
            Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomReset
            | Self::LightTheme
            | Self::DarkTheme
            | Self::SystemTheme
            | Self::SwitchLanguage => Place::PaletteOnly,
        }
    }

    /// Whether the command is shown "on" (the class view while it is open).
    pub fn is_on(self, model: &Model) -> Option<bool> {
        match self {
            Self::MentorView => Some(model.mentor.class.is_some()),
            Self::Plan => Some(model.plan.open),
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
            Self::Plan => super::action::PlanAction::Show(!model.plan.open).into(),
            Self::ExpandAll => Action::SetAllChaptersOpen(true),
            Self::CollapseAll => Action::SetAllChaptersOpen(false),
            Self::Palette => Action::ShowOverlay(Some(Overlay::Palette)),
            Self::Shortcuts => Action::ShowOverlay(Some(Overlay::Shortcuts)),
            Self::ZoomIn => Action::SetTextSize(step_text_size(model.state.text_size, true)?),
            Self::ZoomOut => Action::SetTextSize(step_text_size(model.state.text_size, false)?),
            Self::ZoomReset => Action::SetTextSize(100),
            Self::LightTheme => Action::SetTheme(Theme::Light),
            Self::DarkTheme => Action::SetTheme(Theme::Dark),
            Self::SystemTheme => Action::SetTheme(Theme::System),
            Self::SwitchLanguage => Action::SetLanguage(match model.state.language {
                Language::Chinese => Language::English,
                Language::English => Language::Chinese,
            }),
        })
    }

    /// The commands shown in `place`, in order.
    pub fn in_place(place: Place) -> impl Iterator<Item = Self> {
        Self::ALL
            .into_iter()
            .filter(move |command| command.place() == place)
    }

    /// Commands whose shortcut was pressed this frame (the keys are consumed). A shortcut
    /// that would interfere with typing (`?`, F1) counts only while no text field has the
    /// focus (egui's own rule, [`KeyboardShortcut::conflicts_with_text_editing`]).
    pub fn pressed(ctx: &egui::Context) -> Vec<Self> {
        let typing = ctx.egui_wants_keyboard_input();
        ctx.input_mut(|input| {
            Self::ALL
                .into_iter()
                .filter(|command| {
                    command
                        .shortcuts()
                        .iter()
                        .filter(|shortcut| !(typing && shortcut.conflicts_with_text_editing()))
                        .any(|shortcut| input.consume_shortcut(shortcut))
                })
                .collect()
        })
    }
}

/// The next text size up or down from `percent` in [`TEXT_SIZES`]; `None` at the end.
fn step_text_size(percent: u16, up: bool) -> Option<u16> {
    if up {
        TEXT_SIZES.into_iter().find(|size| *size > percent)
    } else {
        TEXT_SIZES.into_iter().rev().find(|size| *size < percent)
    }
}

/// A key that acts on the roadmap row the keyboard is on (when no text field has the
/// focus). The roadmap's key handler and the shortcut sheet both iterate [`RowKey::ALL`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKey {
    /// The next item or chapter.
    Down,
    /// The one before.
    Up,
    /// Tick or untick the item; open or close the chapter.
    Toggle,
    /// Mark the item in progress (again: not started).
    InProgress,
    /// Mark the item skipped (again: not started).
    Skip,
    /// Open the item's note.
    Note,
    /// Leave the row.
    Leave,
}

impl RowKey {
    /// Every row key, in the order the shortcut sheet lists them.
    pub const ALL: [Self; 7] = [
        Self::Down,
        Self::Up,
        Self::Toggle,
        Self::InProgress,
        Self::Skip,
        Self::Note,
        Self::Leave,
    ];

    /// The keys, without modifiers. Arrows and Space only act while no widget has the
    /// focus (then they belong to egui's focus movement and buttons).
    pub fn keys(self) -> &'static [Key] {
        match self {
            Self::Down => &[Key::J, Key::ArrowDown],
            Self::Up => &[Key::K, Key::ArrowUp],
            Self::Toggle => &[Key::Space],
            Self::InProgress => &[Key::P],
            Self::Skip => &[Key::S],
            Self::Note => &[Key::N],
            Self::Leave => &[Key::Escape],
        }
    }

    /// What the key does, in the UI language.
    pub fn label(self, strings: &Strings) -> &'static str {
        match self {
            Self::Down => strings.key_next_row,
            Self::Up => strings.key_previous_row,
            Self::Toggle => strings.key_toggle,
            Self::InProgress => strings.key_in_progress,
            Self::Skip => strings.key_skip,
            Self::Note => strings.key_note,
            Self::Leave => strings.key_leave,
        }
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
            for shortcut in command.shortcuts() {
                assert!(
                    shortcuts.insert(*shortcut),
                    "{command:?} repeats a shortcut"
                );
            }
        }
        let placed: usize = [
            Place::Bar,
            Place::ExportMenu,
            Place::SettingsMenu,
            Place::PaletteOnly,
        ]
        .into_iter()
        .map(|place| Command::in_place(place).count())
        .sum();
        assert_eq!(
            placed,
            Command::ALL.len(),
            "every command is shown somewhere"
        );
        // The roadmap's keys are plain keys: none is a command's shortcut, none repeats.
        for key in RowKey::ALL {
            assert!(!key.label(&ZH).is_empty() && !key.label(&EN).is_empty());
            for k in key.keys() {
                assert!(
                    shortcuts.insert(KeyboardShortcut::new(Modifiers::NONE, *k)),
                    "{key:?} repeats {k:?}"
                );
            }
        }
    }

    #[test]
    fn zoom_steps_through_the_text_sizes_and_stops_at_the_ends() {
        assert_eq!(step_text_size(100, true), Some(110));
        assert_eq!(step_text_size(100, false), Some(90));
        assert_eq!(step_text_size(150, true), None);
        assert_eq!(step_text_size(90, false), None);
        // From a size between two steps (a stored value), to the next one each way.
        assert_eq!(step_text_size(120, true), Some(125));
        assert_eq!(step_text_size(120, false), Some(110));
    }
}
