//! Views for files between students and mentors: the name prompt, the import preview, the
//! read-only banner, and the messages for files that cannot be read.

use std::path::Path;

use crate::curriculum::Curriculum;
use crate::exchange::{Change, ImportPreview, Owner};
use crate::format::ProgressFile;
use crate::progress::{NoteTarget, SetAside};

use super::action::{Action, ImportAction};
use super::texts::{human_size, item_title, repair_text};
use super::{local_time, theme};
use crate::i18n::{Strings, fill};

/// Changes listed in the preview; the rest are counted.
const PREVIEW_MAX_CHANGES: usize = 12;

/// Asks for the student's name until one is saved (non-blocking, above the roadmap).
pub fn name_prompt_ui(
    ui: &mut egui::Ui,
    draft: &mut String,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.label(strings.name_prompt);
        let label = ui.label(strings.name_label);
        let response = ui
            .add(egui::TextEdit::singleline(draft).desired_width(160.0))
            .labelled_by(label.id);
        let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(strings.save_name).clicked() || submitted) && !draft.trim().is_empty() {
            actions.push(Action::SetName(draft.trim().to_owned()));
        }
    });
}

/// The banner while another student's file is shown.
pub fn viewing_banner_ui(
    ui: &mut egui::Ui,
    file: &ProgressFile,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    let palette = theme::palette(ui.visuals());
    ui.horizontal(|ui| {
        let name = strings.display_name(&file.student);
        ui.label(
            egui::RichText::new(fill(strings.viewing, &[("name", name)]))
                .strong()
                .color(palette.elective),
        );
        if ui.button(strings.close_view).clicked() {
            actions.push(Action::Import(ImportAction::CloseView));
        }
    });
}

/// The preview shown before an import changes anything.
pub fn import_preview_ui(
    ctx: &egui::Context,
    preview: &ImportPreview,
    source: &Path,
    curriculum: &Curriculum,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    if preview.file.is_feedback() {
        feedback_preview_ui(ctx, preview, source, curriculum, strings, actions);
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("import_preview")).show(ctx, |ui| {
        ui.set_max_width(theme::PREVIEW_WIDTH);
        ui.heading(strings.preview_title);
        let file = &preview.file;
        ui.label(fill(
            strings.preview_whose,
            &[
                ("name", strings.display_name(&file.student)),
                ("path", &source.display().to_string()),
            ],
        ));
        let saved = file.saved_at.map_or_else(|| "-".to_owned(), local_time);
        ui.label(fill(
            strings.preview_progress,
            &[
                ("complete", &preview.completion.complete().to_string()),
                ("total", &preview.completion.total.to_string()),
                ("done", &preview.completion.done.to_string()),
                ("skipped", &preview.completion.skipped.to_string()),
                ("saved", &saved),
            ],
        ));
        ui.separator();
        match preview.owner {
            Owner::Same => {
                ui.label(strings.preview_same);
                if preview.changes.is_empty() {
                    ui.label(strings.preview_no_changes);
                } else {
                    ui.label(fill(
                        strings.preview_changes,
                        &[("count", &preview.changes.len().to_string())],
                    ));
                    for change in preview.changes.iter().take(PREVIEW_MAX_CHANGES) {
                        ui.label(format!("• {}", change_text(change, curriculum, strings)));
                    }
                    if preview.changes.len() > PREVIEW_MAX_CHANGES {
                        let more = preview.changes.len() - PREVIEW_MAX_CHANGES;
                        ui.label(fill(strings.preview_more, &[("count", &more.to_string())]));
                    }
                }
            }
            Owner::Other => {
                ui.label(strings.preview_other);
            }
        }
        if !preview.set_aside.is_empty() {
            ui.label(
                egui::RichText::new(strings.set_aside_heading)
                    .color(theme::palette(ui.visuals()).warning),
            );
            for entry in preview.set_aside.iter().take(PREVIEW_MAX_CHANGES) {
                ui.label(format!("• {}", set_aside_text(entry, curriculum, strings)));
            }
            if preview.set_aside.len() > PREVIEW_MAX_CHANGES {
                let more = preview.set_aside.len() - PREVIEW_MAX_CHANGES;
                ui.label(fill(strings.preview_more, &[("count", &more.to_string())]));
            }
        }
        if !preview.unknown_items.is_empty() {
            ui.label(fill(
                strings.preview_unknown,
                &[("count", &preview.unknown_items.len().to_string())],
            ));
        }
        repairs_ui(ui, preview, curriculum, strings);
        ui.separator();
        ui.horizontal(|ui| {
            match preview.owner {
                Owner::Same => {
                    if ui.button(strings.merge).clicked() {
                        actions.push(Action::Import(ImportAction::ConfirmMerge));
                    }
                }
                Owner::Other => {
                    if ui.button(strings.view_read_only).clicked() {
                        actions.push(Action::Import(ImportAction::View));
                    }
                    if ui
                        .button(strings.replace_mine)
                        .on_hover_text(strings.replace_hint)
                        .clicked()
                    {
                        actions.push(Action::Import(ImportAction::Replace));
                    }
                }
            }
            if ui.button(strings.cancel).clicked() {
                actions.push(Action::Import(ImportAction::Cancel));
            }
        });
    });
    if modal.should_close() {
        actions.push(Action::Import(ImportAction::Cancel));
    }
}

/// One set-aside entry of the preview, in the UI language.
fn set_aside_text(entry: &SetAside, curriculum: &Curriculum, strings: &Strings) -> String {
    let item = |id: &crate::curriculum::ItemId| {
        curriculum
            .item(id)
            .map_or(id.as_str(), |(_, item)| item.title.as_str())
            .to_owned()
    };
    match entry {
        SetAside::NoteVersion(target, note) => fill(
            strings.set_aside_note,
            &[
                ("target", item_title(target, curriculum)),
                ("size", &human_size(note.text.len() as u64)),
            ],
        ),
        SetAside::Item(id, _) => fill(strings.set_aside_item, &[("target", &item(id))]),
        SetAside::ChapterNote(id, note) => fill(
            strings.set_aside_note,
            &[
                (
                    "target",
                    item_title(&NoteTarget::Chapter(id.clone()), curriculum),
                ),
                ("size", &human_size(note.text.len() as u64)),
            ],
        ),
        SetAside::Drawing(id, _) => fill(strings.set_aside_drawing, &[("target", &item(id))]),
        SetAside::Feedback(feedback) => {
            fill(strings.set_aside_feedback, &[("mentor", &feedback.mentor)])
        }
    }
}

fn change_text(change: &Change, curriculum: &Curriculum, strings: &Strings) -> String {
    match change {
        Change::State { id, from, to } => fill(
            strings.change_state,
            &[
                (
                    "item",
                    item_title(&NoteTarget::Item(id.clone()), curriculum),
                ),
                ("from", strings.state_name(*from)),
                ("to", strings.state_name(*to)),
            ],
        ),
        Change::NoteAdded(target) => fill(
            strings.change_note_added,
            &[("item", item_title(target, curriculum))],
        ),
        Change::NoteMerged(target) => fill(
            strings.change_note_merged,
            &[("item", item_title(target, curriculum))],
        ),
        Change::FeedbackAdded(mentor) => fill(strings.change_feedback, &[("mentor", mentor)]),
    }
}

/// The preview of a mentor's feedback file: from whom, when, how many comments, and that the
/// student's progress does not change. Feedback for someone else can only be closed.
fn feedback_preview_ui(
    ctx: &egui::Context,
    preview: &ImportPreview,
    source: &Path,
    curriculum: &Curriculum,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    let modal = egui::Modal::new(egui::Id::unique("feedback_preview")).show(ctx, |ui| {
        ui.set_max_width(theme::PREVIEW_WIDTH);
        ui.heading(strings.feedback_preview_title);
        let file = &preview.file;
        for feedback in file.progress.feedback.iter().filter(|f| !f.is_empty()) {
            let mentor = if feedback.mentor.trim().is_empty() {
                strings.default_mentor
            } else {
                feedback.mentor.as_str()
            };
            let comments = usize::from(!feedback.overall.trim().is_empty())
                + feedback
                    .items
                    .values()
                    .filter(|comment| !comment.trim().is_empty())
                    .count();
            let written = feedback.written.map_or_else(|| "-".to_owned(), local_time);
            ui.label(fill(
                strings.feedback_preview_from,
                &[
                    ("mentor", mentor),
                    ("time", &written),
                    ("count", &comments.to_string()),
                ],
            ));
        }
        ui.label(
            egui::RichText::new(source.display().to_string())
                .small()
                .weak(),
        );
        ui.separator();
        match preview.owner {
            Owner::Same if preview.changes.is_empty() => {
                ui.label(strings.feedback_preview_already);
            }
            Owner::Same => {
                ui.label(strings.feedback_preview_unchanged);
            }
            Owner::Other => {
                ui.label(
                    egui::RichText::new(fill(
                        strings.feedback_preview_other,
                        &[("name", strings.display_name(&file.student))],
                    ))
                    .color(theme::palette(ui.visuals()).warning),
                );
            }
        }
        repairs_ui(ui, preview, curriculum, strings);
        ui.separator();
        ui.horizontal(|ui| {
            if preview.owner == Owner::Same
                && !preview.changes.is_empty()
                && ui.button(strings.feedback_accept).clicked()
            {
                actions.push(Action::Import(ImportAction::ConfirmMerge));
            }
            let close = if preview.owner == Owner::Same && !preview.changes.is_empty() {
                strings.cancel
            } else {
                strings.close
            };
            if ui.button(close).clicked() {
                actions.push(Action::Import(ImportAction::Cancel));
            }
        });
    });
    if modal.should_close() {
        actions.push(Action::Import(ImportAction::Cancel));
    }
}

/// What was cleaned or skipped to read the file, if anything.
fn repairs_ui(
    ui: &mut egui::Ui,
    preview: &ImportPreview,
    curriculum: &Curriculum,
    strings: &Strings,
) {
    if preview.repairs.is_empty() {
        return;
    }
    ui.label(
        egui::RichText::new(strings.preview_repairs).color(theme::palette(ui.visuals()).warning),
    );
    for repair in &preview.repairs {
        ui.label(format!("• {}", repair_text(repair, curriculum, strings)));
    }
}
