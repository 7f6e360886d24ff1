//! The roadmap's keys: the cursor over chapter headers and items (J/K, arrows), and what
//! Space, P, S and N do to the row under it (the list of keys is `RowKey`'s).

use crate::progress::NoteTarget;

use crate::ui::action::Action;
use crate::ui::commands::RowKey;

use super::{RoadmapView, Row, Shown, item_key_action};

impl RoadmapView {
    /// The keys of [`RowKey::ALL`]: move the cursor over chapter headers and items, and act
    /// on the one it is on. Nothing while a text field has the focus; arrows and Space only
    /// while no widget has it (they move egui's focus and press buttons then).
    pub(super) fn keys(
        &mut self,
        ctx: &egui::Context,
        rows: &[Row],
        shown: &Shown<'_>,
        actions: &mut Vec<Action>,
    ) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let nothing_focused = ctx.memory(|memory| memory.focused().is_none());
        let pressed: Vec<RowKey> = ctx.input_mut(|input| {
            RowKey::ALL
                .into_iter()
                .filter(|key| {
                    key.keys().iter().any(|&k| {
                        let needs_no_focus = matches!(
                            k,
                            egui::Key::ArrowDown | egui::Key::ArrowUp | egui::Key::Space
                        );
                        (nothing_focused || !needs_no_focus)
                            && input.consume_key(egui::Modifiers::NONE, k)
                    })
                })
                .collect()
        });
        let stops: Vec<Row> = rows
            .iter()
            .copied()
            .filter(|row| matches!(row, Row::Header(_) | Row::Item(..)))
            .collect();
        // An item whose chapter was closed since is no longer under the cursor: Space must
        // not tick what cannot be seen.
        if self.cursor.is_some_and(|cursor| !stops.contains(&cursor)) {
            self.cursor = None;
        }
        let curriculum = shown.curriculum;
        for key in pressed {
            match key {
                RowKey::Down | RowKey::Up => {
                    let at = self
                        .cursor
                        .and_then(|cursor| stops.iter().position(|row| *row == cursor));
                    let next = match (at, key) {
                        (Some(at), RowKey::Down) => (at + 1).min(stops.len().saturating_sub(1)),
                        (Some(at), _) => at.saturating_sub(1),
                        // From the row at the top of the view.
                        (None, _) => self
                            .top_row
                            .and_then(|(top, _)| stops.iter().position(|row| *row == top))
                            .unwrap_or(0),
                    };
                    self.cursor = stops.get(next).copied();
                    self.cursor_moved = true;
                }
                RowKey::Leave => self.cursor = None,
                RowKey::Toggle | RowKey::InProgress | RowKey::Skip | RowKey::Note => {
                    match self.cursor {
                        Some(Row::Header(ci)) if key == RowKey::Toggle => {
                            if let Some(chapter) = curriculum.chapters.get(ci) {
                                let open = shown.state.open_chapters.contains(&chapter.id);
                                actions.push(Action::SetChapterOpen(chapter.id.clone(), !open));
                            }
                        }
                        Some(Row::Item(ci, ii)) => {
                            let Some(item) =
                                curriculum.chapters.get(ci).and_then(|c| c.items.get(ii))
                            else {
                                continue;
                            };
                            if shown.read_only {
                                // Another student's progress: nothing changes.
                            } else if key == RowKey::Note {
                                let target = NoteTarget::Item(item.id.clone());
                                let note = shown.progress.items.get(&item.id).map(|p| &p.note);
                                self.notes.open(&target, note);
                            } else {
                                actions.push(item_key_action(item, shown.progress, key));
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}
