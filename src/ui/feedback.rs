//! Mentor feedback: the mentor writes it beside a student's roadmap; the student sees it
//! beside the items after importing the feedback file. "Export all" writes one file per
//! student, and one file that cannot be written never stops the others.

use crate::curriculum::{Curriculum, ItemId};
use crate::format::Student;
use crate::progress::{Feedback, Progress};

use super::action::{Action, MentorAction};
use super::{local_time, theme};
use crate::i18n::{Strings, fill};

/// The mentor's panel: an overall comment and one per item, and the export. The fields
/// show the draft; what is typed goes to the update core as an action.
pub fn feedback_panel_ui(
    ui: &mut egui::Ui,
    curriculum: &Curriculum,
    student: &Student,
    draft: &Feedback,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    ui.heading(fill(
        strings.feedback_heading,
        &[("name", strings.display_name(student))],
    ));
    if ui.button(strings.export_feedback).clicked() {
        actions.push(Action::Mentor(MentorAction::AskExportFeedback));
    }
    ui.separator();
    let mut edit = |item: Option<&ItemId>, text: String| {
        actions.push(Action::Mentor(MentorAction::EditFeedback {
            student: student.id.clone(),
            item: item.cloned(),
            text,
        }));
    };
    egui::ScrollArea::vertical().show(ui, |ui| {
        let label = ui.label(strings.feedback_overall);
        let mut overall = draft.overall.clone();
        if ui
            .add(egui::TextEdit::multiline(&mut overall).desired_rows(3))
            .labelled_by(label.id)
            .changed()
        {
            edit(None, overall);
        }
        for chapter in &curriculum.chapters {
            ui.add_space(theme::CHAPTER_GAP);
            ui.strong(&chapter.title);
            for item in &chapter.items {
                let label = ui.label(fill(strings.feedback_item, &[("item", &item.title)]));
                let mut comment = draft.items.get(&item.id).cloned().unwrap_or_default();
                if ui
                    .add(egui::TextEdit::multiline(&mut comment).desired_rows(1))
                    .labelled_by(label.id)
                    .changed()
                {
                    edit(Some(&item.id), comment);
                }
            }
        }
    });
}

/// Mentors' comments on one item, as the student sees them.
pub fn item_feedback_ui(ui: &mut egui::Ui, progress: &Progress, item: &ItemId, strings: &Strings) {
    for feedback in &progress.feedback {
        if let Some(comment) = feedback.items.get(item).filter(|c| !c.trim().is_empty()) {
            comment_ui(ui, feedback, comment, strings);
        }
    }
}

/// Mentors' overall comments.
pub fn overall_feedback_ui(ui: &mut egui::Ui, progress: &Progress, strings: &Strings) {
    for feedback in &progress.feedback {
        if !feedback.overall.trim().is_empty() {
            comment_ui(ui, feedback, &feedback.overall, strings);
        }
    }
}

fn comment_ui(ui: &mut egui::Ui, feedback: &Feedback, comment: &str, strings: &Strings) {
    let palette = theme::palette(ui.visuals());
    let time = feedback.written.map_or_else(String::new, local_time);
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, palette.elective))
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                egui::RichText::new(fill(
                    strings.mentor_comment,
                    &[("mentor", &feedback.mentor), ("time", &time)],
                ))
                .color(palette.elective)
                .small(),
            );
            ui.label(comment);
        });
}
