//! What background work found ([`Outcome`]s), taken into the model, and the work that falls
//! due with time (saves, re-reads, the hand-in); no context, file or thread here either.

use std::time::Duration;

use crate::i18n::fill;

use crate::ui::action::ImportAction;
use crate::ui::effect::{DialogMode, Effect, Now, Outcome, ReadPurpose};
use crate::ui::state::Notice;

use super::drawing::Sheet;
use super::import::{ImportFlow, Own};
use super::{Model, PathPrompt};

impl Model {
    /// Takes what background work found; returns what the world must do next.
    pub fn receive(&mut self, outcome: Outcome, now: Now) -> Vec<Effect> {
        let strings = self.strings();
        let name_before = self.file.student.name.clone();
        let mut effects = Vec::new();
        match outcome {
            Outcome::OpenRequested(action) => effects.extend(self.update(action, now)),
            Outcome::Picked { then, paths } => {
                if let Some(action) = then.action(paths) {
                    effects = self.update(action, now);
                }
            }
            Outcome::Written { path, result } => match result {
                Ok(()) => {
                    self.mentor.written(&path, now.time);
                    let mut notice = Notice::info(fill(
                        strings.exported,
                        &[("path", &path.display().to_string())],
                    ));
                    notice.file = Some(path);
                    self.notices.push(notice);
                }
                Err(problem) => {
                    self.mentor.sending.remove(&path);
                    let error = match problem {
                        crate::ui::effect::WriteProblem::Photo(error) => {
                            crate::ui::texts::photo_error_text(&error, strings)
                        }
                        crate::ui::effect::WriteProblem::Io(error) => error,
                    };
                    self.notices
                        .problem(fill(strings.export_failed, &[("error", &error)]));
                }
            },
            Outcome::ProgressRead {
                path,
                purpose: ReadPurpose::Import,
                result,
            } => {
                self.with_import(&mut effects, |import, own| import.read(path, result, own));
            }
            Outcome::ProgressRead {
                path,
                purpose: ReadPurpose::ViewStudent,
                result,
            } => {
                let mentor_name = self.mentor_name().to_owned();
                if let Some(file) = self.mentor.student_read(
                    &path,
                    result,
                    &mentor_name,
                    &mut self.notices,
                    strings,
                ) {
                    self.import.viewing = Some(file);
                }
            }
            Outcome::ImageReady {
                item,
                image,
                sketch,
            } => self.drawing.image_ready(
                item,
                image,
                sketch,
                Sheet::of(
                    &mut self.file,
                    &mut self.notices,
                    strings,
                    now,
                    &mut effects,
                ),
            ),
            Outcome::ClassLoaded(class) => {
                effects.extend(self.mentor.class_loaded(class, now.instant));
                self.set_class_pace(now);
            }
            Outcome::PlanSaved(result) => {
                match result {
                    Ok(Some(backup)) => self.notices.info(fill(
                        strings.plan_removed,
                        &[("path", &backup.display().to_string())],
                    )),
                    Ok(None) => {}
                    Err(error) => self
                        .notices
                        .problem(fill(strings.plan_save_failed, &[("error", &error)])),
                }
                self.plan.saved(&mut effects);
            }
            Outcome::PlanRead { path, result } => {
                self.plan.read(path, result, &mut self.notices, strings);
            }
            Outcome::PlansFound(found) => self.plan.found(found),
            Outcome::AllFeedbackExported { folder, report } => {
                self.mentor.all_feedback_exported(
                    &folder,
                    &report,
                    &mut self.notices,
                    strings,
                    now.time,
                );
            }
            Outcome::ProfileSaved(result) => {
                if let Err(error) = result {
                    self.notices
                        .problem(fill(strings.profile_save_failed, &[("error", &error)]));
                }
                let (_, again) = self.profile_saving;
                self.profile_saving = (false, false);
                if again {
                    self.save_profile(&mut effects);
                }
            }
            Outcome::DraftsSaved(result) => {
                self.mentor.drafts_saving = false;
                if let Err(error) = result {
                    self.notices
                        .problem(fill(strings.drafts_save_failed, &[("error", &error)]));
                }
            }
            Outcome::DialogUnavailable(dialog) => {
                let folder = self.default_folder.clone().unwrap_or_default();
                let text = match &dialog.file_name {
                    Some(name) => folder.join(name),
                    None => folder,
                };
                self.notices.problem(
                    match dialog.mode {
                        DialogMode::OpenFile | DialogMode::OpenFiles => {
                            strings.dialog_unavailable_open
                        }
                        DialogMode::OpenFolder => strings.dialog_unavailable_folder,
                        DialogMode::Save => strings.dialog_unavailable_save,
                    }
                    .to_owned(),
                );
                self.path_prompt = Some(PathPrompt {
                    dialog,
                    text: text.display().to_string(),
                });
            }
            Outcome::HandedIn(result) => {
                self.hand_in.handed_in(result, (now.time, now.instant));
            }
            Outcome::ClassChanged => effects.extend(self.mentor.class_changed()),
            Outcome::ClassFolderChanged => {
                effects.extend(
                    self.class_folder_effects()
                        .into_iter()
                        .filter(|effect| matches!(effect, Effect::ScanFeedback { .. })),
                );
            }
            Outcome::FeedbackFound(found) => {
                for crate::ui::effect::FoundFeedback { path, entries } in found {
                    let new = entries.iter().any(|(mentor, written)| {
                        !self
                            .file
                            .progress
                            .feedback
                            .iter()
                            .any(|f| f.mentor == *mentor && f.written == *written)
                    });
                    if new && self.hand_in.offered.insert(path.clone()) {
                        effects.extend(self.update(ImportAction::From(path).into(), now));
                    }
                }
            }
            Outcome::RevealFailed(error) => {
                self.notices
                    .problem(fill(strings.reveal_failed, &[("error", &error)]));
            }
            Outcome::SetAsideWritten(result) => {
                self.with_import(&mut effects, |import, own| {
                    import.set_aside_written(result, own);
                });
            }
        }
        if self.file.student.name != name_before {
            self.name_draft = self.file.student.name.clone();
        }
        self.note_changes(&effects, now);
        effects
    }

    /// Every row's pace against the plan in use, today.
    pub(super) fn set_class_pace(&mut self, now: Now) {
        let today = self.plan.today(now.time);
        if let Some(view) = &mut self.mentor.class {
            view.set_pace(&self.curriculum, self.plan.plan(), today);
        }
        self.paced_for = Some(today);
    }

    /// Runs `run` on the import flow with what it may touch (the borrows of the model split
    /// here, once).
    pub(super) fn with_import(
        &mut self,
        effects: &mut Vec<Effect>,
        run: impl FnOnce(&mut ImportFlow, Own<'_>),
    ) {
        let strings = self.strings();
        run(
            &mut self.import,
            Own {
                curriculum: &self.curriculum,
                file: &mut self.file,
                notices: &mut self.notices,
                strings,
                saving: self.saving,
                effects,
            },
        );
    }

    /// Work that is due by the clock (the feedback drafts a second after the last edit, the
    /// class folder's copy a few seconds after a change, a class whose files were still
    /// arriving), and when to look again.
    pub fn due(&mut self, now: Now) -> (Vec<Effect>, Option<Duration>) {
        // After midnight the class's pace is that of a new day (the top bar's is computed
        // every frame; the table and the charts once per day, class and plan).
        if self.mentor.class.is_some() && self.paced_for != Some(self.plan.today(now.time)) {
            self.set_class_pace(now);
        }
        let (drafts, drafts_wake) = self.mentor.due(now.instant, self.saving);
        let (class, class_wake) = self.mentor.retry_due(now.instant);
        let (hand_in, hand_in_wake) = if self.read_only {
            (None, None)
        } else {
            self.hand_in.due(
                self.state.class_folder.as_deref(),
                &self.file,
                &self.curriculum.version,
                (now.time, now.instant),
            )
        };
        let wake = [drafts_wake, hand_in_wake, class_wake]
            .into_iter()
            .flatten()
            .min();
        (
            drafts.into_iter().chain(hand_in).chain(class).collect(),
            wake,
        )
    }
}
