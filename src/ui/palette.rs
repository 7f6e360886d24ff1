//! The windows the keyboard opens over everything: the command palette (Ctrl+K, or
//! Ctrl+Shift+P as in VS Code) and the shortcut sheet (F1). Both are generated from
//! [`Command::ALL`] and [`RowKey::ALL`], so they list what the keys really do.

use crate::i18n::Strings;

use super::action::{Action, Overlay};
use super::commands::{Command, RowKey};
use super::flow::Model;

/// Width of the palette and the shortcut sheet.
const OVERLAY_WIDTH: f32 = 440.0;

/// What the palette remembers while it is open.
#[derive(Debug, Default)]
pub struct PaletteView {
    query: String,
    selected: usize,
    /// The overlay shown in the last frame (to start afresh when it opens).
    shown: Option<Overlay>,
}

impl PaletteView {
    /// The overlay of `model`, if one is open.
    pub fn ui(&mut self, ctx: &egui::Context, model: &Model, actions: &mut Vec<Action>) {
        let opened = model.overlay != self.shown;
        self.shown = model.overlay;
        match model.overlay {
            None => {}
            Some(Overlay::Palette) => {
                if opened {
                    self.query.clear();
                    self.selected = 0;
                }
                self.palette_ui(ctx, model, opened, actions);
            }
            Some(Overlay::Shortcuts) => shortcut_sheet_ui(ctx, model.strings(), actions),
        }
    }

    fn palette_ui(
        &mut self,
        ctx: &egui::Context,
        model: &Model,
        opened: bool,
        actions: &mut Vec<Action>,
    ) {
        let strings = model.strings();
        let found = matching_commands(&self.query, model);
        // The arrows move in the list, not in the text field.
        let (down, up, enter) = ctx.input_mut(|input| {
            (
                input.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                input.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                input.key_pressed(egui::Key::Enter),
            )
        });
        if down {
            self.selected = (self.selected + 1).min(found.len().saturating_sub(1));
        }
        if up {
            self.selected = self.selected.saturating_sub(1);
        }
        self.selected = self.selected.min(found.len().saturating_sub(1));
        let mut chosen = None;
        let modal = egui::Modal::new(egui::Id::unique("command_palette")).show(ctx, |ui| {
            ui.set_width(OVERLAY_WIDTH);
            ui.label(egui::RichText::new(strings.command_palette).strong());
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(strings.palette_hint)
                    .desired_width(f32::INFINITY),
            );
            if opened {
                field.request_focus();
            }
            if field.changed() {
                self.selected = 0;
            }
            ui.separator();
            if found.is_empty() {
                ui.label(egui::RichText::new(strings.palette_empty).weak());
            }
            for (index, (command, action)) in found.iter().enumerate() {
                let selected = index == self.selected;
                let row = ui
                    .horizontal(|ui| {
                        let label = ui.selectable_label(selected, command.label(strings));
                        if let Some(shortcut) = command.shortcut() {
                            ui.with_layout(
                                egui::Layout::right_to_left(egui::Align::Center),
                                |ui| {
                                    ui.label(
                                        egui::RichText::new(Command::keys_text(ctx, &shortcut))
                                            .weak(),
                                    );
                                },
                            );
                        }
                        label
                    })
                    .inner;
                if selected && (down || up) {
                    row.scroll_to_me(None);
                }
                if row.clicked() || (selected && enter) {
                    chosen = Some(action.clone());
                }
            }
        });
        if let Some(action) = chosen {
            // Closed first: the command may open another overlay (the shortcut sheet).
            actions.push(Action::ShowOverlay(None));
            actions.push(action);
        } else if modal.should_close() {
            actions.push(Action::ShowOverlay(None));
        }
    }
}

/// Every keyboard shortcut: the commands', then the keys of the roadmap.
fn shortcut_sheet_ui(ctx: &egui::Context, strings: &Strings, actions: &mut Vec<Action>) {
    let modal = egui::Modal::new(egui::Id::unique("shortcut_sheet")).show(ctx, |ui| {
        ui.set_width(OVERLAY_WIDTH);
        ui.heading(strings.shortcut_sheet);
        ui.label(egui::RichText::new(strings.shortcuts_commands).strong());
        egui::Grid::new("shortcut_commands")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for command in Command::ALL {
                    let keys = command.shortcuts();
                    if keys.is_empty() {
                        continue;
                    }
                    let keys: Vec<String> = keys
                        .iter()
                        .map(|key| Command::keys_text(ctx, key))
                        .collect();
                    ui.label(egui::RichText::new(keys.join(" / ")).monospace());
                    ui.label(command.label(strings));
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        ui.label(egui::RichText::new(strings.shortcuts_rows).strong());
        egui::Grid::new("shortcut_rows")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for key in RowKey::ALL {
                    let keys: Vec<&str> = key.keys().iter().map(|k| k.name()).collect();
                    ui.label(egui::RichText::new(keys.join(" / ")).monospace());
                    ui.label(key.label(strings));
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        ui.button(strings.close).clicked()
    });
    if modal.inner || modal.should_close() {
        actions.push(Action::ShowOverlay(None));
    }
}

/// The commands that can be given now whose label (or its pinyin, or the pinyin's
/// initials) contains the letters of `query` in order, best first.
fn matching_commands(query: &str, model: &Model) -> Vec<(Command, Action)> {
    let strings = model.strings();
    let query: String = query
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let mut found: Vec<(usize, Command, Action)> = Command::ALL
        .into_iter()
        .filter(|command| *command != Command::Palette)
        .filter_map(|command| {
            let action = command.action(model)?;
            let score = match_score(&query, command.label(strings))?;
            Some((score, command, action))
        })
        .collect();
    // Stable: equal scores keep the list's order.
    found.sort_by_key(|(score, ..)| *score);
    found
        .into_iter()
        .map(|(_, command, action)| (command, action))
        .collect()
}

/// How well `query` (lowercase, no spaces) matches `label`: `None` if it does not, else
/// lower is better. Tried against the label itself, its pinyin, and the pinyin's initials
/// (`dc` and `daochu` both find 导出).
fn match_score(query: &str, label: &str) -> Option<usize> {
    use pinyin::ToPinyin as _;
    if query.is_empty() {
        return Some(0);
    }
    let lower: String = label
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let (mut full, mut initials) = (String::new(), String::new());
    for ch in lower.chars() {
        match ch.to_pinyin() {
            Some(pinyin) => {
                full.push_str(pinyin.plain());
                initials.push_str(pinyin.first_letter());
            }
            None => {
                full.push(ch);
                initials.push(ch);
            }
        }
    }
    [lower, full, initials]
        .iter()
        .filter_map(|text| subsequence_score(query, text))
        .min()
}

/// `query`'s characters found in `text` in order: the sum of the gaps between them (and
/// before the first), so a prefix or a whole word scores best. `None` if one is missing.
fn subsequence_score(query: &str, text: &str) -> Option<usize> {
    let mut chars = text.chars().enumerate();
    let mut score = 0;
    let mut last: Option<usize> = None;
    for wanted in query.chars() {
        let (index, _) = chars.find(|(_, ch)| *ch == wanted)?;
        score += match last {
            Some(last) => index - last - 1,
            None => index,
        };
        last = Some(index);
    }
    Some(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_by_characters_pinyin_and_initials() {
        for query in ["导出", "daochu", "dc", "dcjd"] {
            assert!(
                match_score(query, "导出进度文件").is_some(),
                "{query} should find 导出进度文件"
            );
        }
        assert_eq!(match_score("export", "Export progress…"), Some(0));
        assert_eq!(match_score("xyz", "导出进度文件"), None);
        assert_eq!(match_score("", "anything"), Some(0));
    }

    #[test]
    fn a_prefix_scores_better_than_scattered_letters() {
        let prefix = match_score("imp", "Import a progress file").unwrap();
        let later = match_score("imp", "Simple import").unwrap();
        assert!(prefix < later, "{prefix} vs {later}");
        assert!(subsequence_score("ab", "ab").unwrap() < subsequence_score("ab", "a-b").unwrap());
    }
}
