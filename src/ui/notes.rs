//! Notes on items and chapters: the rendered note, and its editor with a live preview.

use std::collections::HashMap;

use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use crate::progress::{Note, NoteTarget};

use super::app::Action;
use super::i18n::{Strings, fill};
use super::{local_time, theme};

/// Which notes are being edited, with their text as typed (never saved by itself: every change
/// is sent as [`Action::SetNote`]).
#[derive(Default)]
pub struct NoteEditors {
    drafts: HashMap<NoteTarget, String>,
    /// The editor just opened, to receive keyboard focus.
    focus: Option<NoteTarget>,
}

impl NoteEditors {
    /// Whether the note of `target` is open for editing.
    pub fn is_editing(&self, target: &NoteTarget) -> bool {
        self.drafts.contains_key(target)
    }

    /// The "note" button: opens the editor (or closes it).
    pub fn toggle_button_ui(
        &mut self,
        ui: &mut egui::Ui,
        target: &NoteTarget,
        note: Option<&Note>,
        strings: &Strings,
    ) {
        let has_note = note.is_some_and(|note| !note.is_empty());
        let label = if has_note {
            strings.note_button_filled
        } else {
            strings.note_button
        };
        let editing = self.is_editing(target);
        if ui.selectable_label(editing, label).clicked() {
            if editing {
                self.drafts.remove(target);
            } else {
                let text = note.map(|note| note.text.clone()).unwrap_or_default();
                self.drafts.insert(target.clone(), text);
                self.focus = Some(target.clone());
            }
        }
    }

    /// The note: rendered when there is one, or the editor and preview while editing.
    pub fn note_ui(
        &mut self,
        ui: &mut egui::Ui,
        markdown: &mut CommonMarkCache,
        target: &NoteTarget,
        note: Option<&Note>,
        strings: &Strings,
        actions: &mut Vec<Action>,
    ) {
        let palette = theme::palette(ui.visuals());
        let edited = note
            .and_then(|note| note.edited)
            .map(|time| fill(strings.note_edited, &[("time", &local_time(time))]));
        let Some(draft) = self.drafts.get_mut(target) else {
            if let Some(note) = note.filter(|note| !note.is_empty()) {
                note_frame(palette).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.push_id(("note", target_salt(target)), |ui| {
                        CommonMarkViewer::new().show(ui, markdown, &note.text);
                    });
                    if let Some(edited) = &edited {
                        ui.label(egui::RichText::new(edited).small().color(palette.weak));
                    }
                });
            }
            return;
        };

        let mut close = false;
        note_frame(palette).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.columns(2, |columns| {
                if let [left, right] = columns {
                    let label = left.label(egui::RichText::new(strings.note_editor).small());
                    let response = left.add(
                        egui::TextEdit::multiline(draft)
                            .id_salt(("note-editor", target_salt(target)))
                            .hint_text(strings.note_hint)
                            .desired_rows(theme::NOTE_EDITOR_ROWS)
                            .desired_width(f32::INFINITY),
                    );
                    let response = response.labelled_by(label.id);
                    if self.focus.as_ref() == Some(target) {
                        response.request_focus();
                        self.focus = None;
                    }
                    if response.changed() {
                        actions.push(Action::SetNote(target.clone(), draft.clone()));
                    }
                    right.label(egui::RichText::new(strings.note_preview).small());
                    right.push_id(("preview", target_salt(target)), |ui| {
                        CommonMarkViewer::new().show(ui, markdown, draft);
                    });
                }
            });
            ui.horizontal(|ui| {
                close = ui.button(strings.done_editing).clicked();
                if let Some(edited) = &edited {
                    ui.label(egui::RichText::new(edited).small().color(palette.weak));
                }
            });
        });
        if close {
            self.drafts.remove(target);
        }
    }
}

/// The background a note sits on.
fn note_frame(palette: theme::Palette) -> egui::Frame {
    egui::Frame::new()
        .fill(palette.note_fill)
        .corner_radius(4.0)
        .inner_margin(6.0)
}

/// A stable id salt for a note target.
fn target_salt(target: &NoteTarget) -> String {
    match target {
        NoteTarget::Item(id) => format!("item:{id}"),
        NoteTarget::Chapter(id) => format!("chapter:{id}"),
    }
}
