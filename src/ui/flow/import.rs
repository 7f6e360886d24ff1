//! The import flow: a progress file is read off the UI thread, previewed, and only then
//! merged, replaces the progress, or is shown read-only; the last import can be undone.
//! Files dropped or given together wait in a queue and are previewed one at a time.

use std::collections::VecDeque;
use std::path::PathBuf;

use crate::curriculum::Curriculum;
use crate::exchange::{self, ImportPreview};
use crate::format::{self, FormatError, Imported, ProgressFile};
use crate::i18n::{Strings, fill};
use crate::progress::Progress;

use super::super::action::ImportAction;
use super::super::effect::{Dialog, DialogMode, Effect, ReadPurpose, Then};
use super::super::state::Notices;
use super::super::texts::format_error_text;

/// Where the import flow is.
#[derive(Default)]
pub struct ImportFlow {
    /// The preview waiting for the student's decision, and its file.
    pub pending: Option<(PathBuf, Box<ImportPreview>)>,
    /// Files to preview after the current one.
    pub queue: VecDeque<PathBuf>,
    /// A file is being read.
    pub reading: bool,
    /// A merge waits for what it sets aside to be written.
    pub merging: bool,
    /// The progress as it was before the last import, for undo.
    pub undo: Option<Box<ProgressFile>>,
    /// Another student's file, shown read-only.
    pub viewing: Option<Box<ProgressFile>>,
}

/// What the import flow may touch besides its own state.
pub struct Own<'a> {
    /// The roadmap.
    pub curriculum: &'a Curriculum,
    /// The student's own file.
    pub file: &'a mut ProgressFile,
    /// Messages for the student.
    pub notices: &'a mut Notices,
    /// The UI language.
    pub strings: &'static Strings,
    /// The progress is saved in a data folder (what a merge sets aside can be kept there).
    pub saving: bool,
    /// What the world must do.
    pub effects: &'a mut Vec<Effect>,
}

impl ImportFlow {
    /// Applies one action of the flow.
    pub fn update(&mut self, action: ImportAction, own: Own<'_>) {
        let strings = own.strings;
        match action {
            ImportAction::Ask => own.effects.push(Effect::Pick(Dialog {
                mode: DialogMode::OpenFile,
                filter: Some((
                    strings.progress_file_kind,
                    vec![format::EXTENSION, format::FEEDBACK_EXTENSION, "ron"],
                )),
                file_name: None,
                then: Then::Import,
            })),
            ImportAction::From(path) => {
                self.queue.push_back(path);
                self.next(own.effects);
            }
            ImportAction::ConfirmMerge => self.confirm_merge(own),
            ImportAction::Replace => {
                // A feedback file holds no progress: it never replaces the student's.
                if self
                    .pending
                    .as_ref()
                    .is_some_and(|(_, p)| p.file.is_feedback())
                {
                    return;
                }
                let Some((_, preview)) = self.pending.take() else {
                    return;
                };
                self.undo = Some(Box::new(own.file.clone()));
                *own.file = exchange::replaced_by(own.file, preview.file);
                own.notices.info(strings.replaced.to_owned());
                own.effects.push(Effect::ProgressChanged);
                self.next(own.effects);
            }
            ImportAction::View => {
                if let Some((_, preview)) = self.pending.take() {
                    self.viewing = Some(Box::new(preview.file));
                }
                self.next(own.effects);
            }
            ImportAction::Cancel => {
                if !self.merging {
                    self.pending = None;
                }
                self.next(own.effects);
            }
            ImportAction::Undo => {
                let Some(previous) = self.undo.take() else {
                    return;
                };
                *own.file = *previous;
                own.notices.info(strings.undone.to_owned());
                own.effects.push(Effect::ProgressChanged);
            }
            ImportAction::CloseView => self.viewing = None,
        }
    }

    /// A file was read (or not): show its preview, or say why not.
    pub fn read(&mut self, path: PathBuf, result: Result<Imported, FormatError>, own: Own<'_>) {
        self.reading = false;
        match result {
            Ok(imported) => {
                let preview =
                    exchange::preview(own.curriculum, own.file, imported.file, imported.repairs);
                self.pending = Some((path, Box::new(preview)));
            }
            Err(FormatError::PlanFile) => {
                // A study plan under another name: to the plan's preview, where a `.scplan`
                // goes (the extension decides before reading; this is the content).
                own.effects.push(Effect::ReadPlan(path));
            }
            Err(error) => {
                let text = fill(
                    own.strings.import_failed,
                    &[
                        ("path", &path.display().to_string()),
                        ("error", &format_error_text(&error, own.strings)),
                    ],
                );
                own.notices.problem(text);
            }
        }
        self.next(own.effects);
    }

    /// What the merge set aside was written (or not): apply the merge, or keep the preview
    /// for another try.
    pub fn set_aside_written(&mut self, result: Result<Vec<PathBuf>, String>, own: Own<'_>) {
        self.merging = false;
        match result {
            Ok(kept_apart) => self.apply_merge(kept_apart, own),
            Err(error) => {
                let text = fill(own.strings.set_aside_failed, &[("error", &error)]);
                own.notices.problem(text);
            }
        }
    }

    /// Merging: what does not fit in one file is written apart first, so it is on disk
    /// either way.
    fn confirm_merge(&mut self, own: Own<'_>) {
        if self.merging {
            return;
        }
        let Some((_, preview)) = &self.pending else {
            return;
        };
        if preview.set_aside.is_empty() || !own.saving {
            self.apply_merge(Vec::new(), own);
            return;
        }
        let template = ProgressFile {
            progress: Progress::default(),
            ..own.file.clone()
        };
        match format::set_aside_files(&template, preview.set_aside.clone()) {
            Ok(texts) => {
                self.merging = true;
                own.effects.push(Effect::WriteSetAside(texts));
            }
            Err(error) => {
                // Nothing changes; the preview stays for another try.
                let text = fill(
                    own.strings.set_aside_failed,
                    &[("error", &error.to_string())],
                );
                own.notices.problem(text);
            }
        }
    }

    fn apply_merge(&mut self, kept_apart: Vec<PathBuf>, own: Own<'_>) {
        let Some((_, preview)) = self.pending.take() else {
            return;
        };
        let strings = own.strings;
        let count = preview.changes.len();
        self.undo = Some(Box::new(own.file.clone()));
        own.file.progress = preview.merged;
        if preview.file.is_feedback() {
            let mentors: Vec<&str> = preview
                .file
                .progress
                .feedback
                .iter()
                .map(|f| f.mentor.as_str())
                .collect();
            let mentor = mentors.join(strings.list_separator);
            own.notices
                .info(fill(strings.feedback_accepted, &[("mentor", &mentor)]));
        } else {
            own.notices
                .info(fill(strings.merged, &[("count", &count.to_string())]));
        }
        for path in kept_apart {
            own.notices.info(fill(
                strings.set_aside_kept,
                &[("path", &path.display().to_string())],
            ));
        }
        own.effects.push(Effect::ProgressChanged);
        self.next(own.effects);
    }

    /// Starts reading the next queued file once nothing else is open.
    fn next(&mut self, effects: &mut Vec<Effect>) {
        if self.pending.is_none()
            && !self.reading
            && let Some(path) = self.queue.pop_front()
        {
            self.reading = true;
            effects.push(Effect::ReadProgress {
                path,
                purpose: ReadPurpose::Import,
            });
        }
    }
}
