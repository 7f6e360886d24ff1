//! The mentor's flow: a class read from files and folders, one student shown at a time,
//! feedback written beside them (kept as drafts), and the files that go back to students.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::curriculum::Curriculum;
use crate::exchange::{self, ExportReport};
use crate::format::{self, FormatError, Imported, ProgressFile};
use crate::i18n::{Strings, fill};
use crate::progress::Feedback;
use crate::report::{self, Class, Table};

use super::super::action::MentorAction;
use super::super::class::ClassView;
use super::super::effect::{Contents, Dialog, DialogMode, Effect, Now, ReadPurpose, Then};
use super::super::local_date;
use super::super::state::Notices;
use super::super::texts::format_error_text;

/// How long after the last edit the drafts are saved.
pub const DRAFTS_DELAY: Duration = crate::autosave::SAVE_DELAY;

/// The mentor's state.
#[derive(Default)]
pub struct Mentor {
    /// The class view, when open.
    pub class: Option<ClassView>,
    /// Every file and folder opened into the class (read again when more are added).
    pub paths: Vec<PathBuf>,
    /// The class is being read.
    pub loading: bool,
    /// The feedback being written, per student id (kept while the app runs and saved as
    /// drafts, so switching between students or closing the app loses nothing).
    pub drafts: HashMap<String, Feedback>,
    /// When the drafts changed and are not saved yet.
    pub drafts_dirty_since: Option<Instant>,
    /// A save of the drafts is under way (one at a time, so an older one never lands last).
    pub drafts_saving: bool,
    /// The drafts file must not be written (a damaged one could not be moved aside).
    pub drafts_kept_as_they_are: bool,
    /// The class changed while it was being read: read it again when done.
    pub read_again: bool,
    /// Feedback files being written, and whose they are (marked sent once written).
    pub sending: HashMap<PathBuf, String>,
    /// When feedback was last sent to each student in this session (kept when the class is
    /// read again).
    pub sent: HashMap<String, jiff::Timestamp>,
    /// The mentor's name as typed in the class view's prompt or in settings.
    pub name_draft: String,
    /// When to read the class again because some of its files could not be read moments
    /// after they changed (a sync client still writing them).
    pub retry_at: Option<Instant>,
}

/// How soon a class with files still arriving is read again.
pub const UNSETTLED_RETRY: Duration = Duration::from_secs(2);

/// What the mentor flow may read besides its own state.
pub struct Around<'a> {
    /// The name the mentor signs feedback with (empty: not given yet).
    pub mentor_name: &'a mut String,
    /// The person's own name (what drafts are signed with before a mentor name is given).
    pub own_name: &'a str,
    /// The class's files and folders of the last session.
    pub remembered: &'a Vec<PathBuf>,
    /// The roadmap.
    pub curriculum: &'a Curriculum,
    /// The student shown read-only, if any.
    pub viewing: Option<&'a ProgressFile>,
    /// Messages for the mentor.
    pub notices: &'a mut Notices,
    /// The UI language.
    pub strings: &'static Strings,
    /// Now.
    pub now: Now,
    /// What the world must do.
    pub effects: &'a mut Vec<Effect>,
}

impl Mentor {
    /// Applies one action of the flow.
    pub fn update(&mut self, action: MentorAction, around: Around<'_>) {
        let strings = around.strings;
        let effects = around.effects;
        match action {
            MentorAction::Open => {
                self.class
                    .get_or_insert_with(|| ClassView::new(Class::default()));
                // The class opened last time (a class folder, typically) opens again.
                if self.paths.is_empty() && !around.remembered.is_empty() {
                    self.paths = around.remembered.clone();
                    self.loading = true;
                    effects.push(Effect::LoadClass(self.paths.clone()));
                    effects.push(Effect::WatchClass(self.paths.clone()));
                }
            }
            MentorAction::Close => {
                self.class = None;
                self.paths.clear();
                effects.push(Effect::WatchClass(Vec::new()));
            }
            MentorAction::AskAdd { folder } => effects.push(Effect::Pick(Dialog {
                mode: if folder {
                    DialogMode::OpenFolder
                } else {
                    DialogMode::OpenFiles
                },
                filter: (!folder).then(|| {
                    (
                        strings.progress_file_kind,
                        vec![format::EXTENSION, format::FEEDBACK_EXTENSION, "ron"],
                    )
                }),
                file_name: None,
                then: Then::AddToClass,
            })),
            MentorAction::Add(paths) => {
                self.class
                    .get_or_insert_with(|| ClassView::new(Class::default()));
                for path in paths {
                    if !self.paths.contains(&path) {
                        self.paths.push(path);
                    }
                }
                self.loading = true;
                effects.push(Effect::LoadClass(self.paths.clone()));
                // Watched while the view is open: a student's new copy updates their row.
                effects.push(Effect::WatchClass(self.paths.clone()));
            }
            MentorAction::ViewStudent(index) => {
                // Read the file again, completely (the class holds no drawing images).
                if let Some(view) = &mut self.class
                    && let Some(row) = view.class.students.get(index)
                {
                    view.changes.remove(&row.file.student.id);
                    effects.push(Effect::ReadProgress {
                        path: row.path.clone(),
                        purpose: ReadPurpose::ViewStudent,
                    });
                }
            }
            MentorAction::AskExportReport { markdown } => {
                let (extension, kind) = if markdown {
                    ("md", strings.markdown_kind)
                } else {
                    ("csv", strings.csv_kind)
                };
                let date = local_date(around.now.time);
                effects.push(Effect::Pick(Dialog {
                    mode: DialogMode::Save,
                    filter: Some((kind, vec![extension])),
                    file_name: Some(format!("{}-{date}.{extension}", strings.class_report_stem)),
                    then: Then::ExportReport { markdown },
                }));
            }
            MentorAction::ExportReportTo { path, markdown } => {
                let Some(view) = &self.class else {
                    return;
                };
                let text = if markdown {
                    Ok(report::markdown(around.curriculum, &view.class, strings))
                } else {
                    report::csv(around.curriculum, &view.class, Table::Chapters, strings)
                        .map_err(|err| err.to_string())
                };
                write_text(path, text, around.notices, strings, effects);
            }
            MentorAction::AskExportFeedback => {
                let student = around.viewing.map(|file| file.student.name.as_str());
                let stem = exchange::feedback_stem(student.unwrap_or_default(), strings);
                let name = exchange::suggested_file_name(
                    &stem,
                    &local_date(around.now.time),
                    format::FEEDBACK_EXTENSION,
                    strings.unnamed,
                );
                effects.push(Effect::Pick(Dialog {
                    mode: DialogMode::Save,
                    filter: Some((strings.feedback_kind, vec![format::FEEDBACK_EXTENSION])),
                    file_name: Some(name),
                    then: Then::ExportFeedback,
                }));
            }
            MentorAction::ExportFeedbackTo(path) => {
                let file = around.viewing.and_then(|viewed| {
                    let draft = self.drafts.get(&viewed.student.id)?;
                    Some(exchange::feedback_file(
                        &viewed.student,
                        draft,
                        &around.curriculum.version,
                        around.now.time,
                    ))
                });
                if let Some(file) = file {
                    self.sending.insert(path.clone(), file.student.id.clone());
                    let text = format::to_string(&file).map_err(|err| err.to_string());
                    write_text(path, text, around.notices, strings, effects);
                }
            }
            MentorAction::EditFeedback {
                student,
                item,
                text,
            } => {
                // Only a draft that exists (begun when the student was opened) is written to.
                let Some(draft) = self.drafts.get_mut(&student) else {
                    return;
                };
                match item {
                    None => draft.overall = text,
                    Some(item) if text.is_empty() => {
                        draft.items.remove(&item);
                    }
                    Some(item) => {
                        draft.items.insert(item, text);
                    }
                }
                self.drafts_dirty_since.get_or_insert(around.now.instant);
            }
            MentorAction::SetName(name) => {
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return;
                }
                // Drafts begun before the name was given are signed with it now.
                let unsigned = [
                    around.mentor_name.as_str(),
                    around.own_name,
                    "",
                    strings.default_mentor,
                ];
                for draft in self.drafts.values_mut() {
                    if unsigned.contains(&draft.mentor.as_str()) {
                        draft.mentor.clone_from(&name);
                        self.drafts_dirty_since.get_or_insert(around.now.instant);
                    }
                }
                self.name_draft.clone_from(&name);
                *around.mentor_name = name;
            }
            MentorAction::AskExportAllFeedback => effects.push(Effect::Pick(Dialog {
                mode: DialogMode::OpenFolder,
                filter: None,
                file_name: None,
                then: Then::ExportAllFeedback,
            })),
            MentorAction::ExportAllFeedbackTo(folder) => {
                // One file per student of the class with something written.
                let students = self
                    .class
                    .as_ref()
                    .map(|view| view.class.students.as_slice())
                    .unwrap_or_default()
                    .iter()
                    .map(|row| &row.file.student);
                let exports = exchange::feedback_exports(
                    &folder,
                    students,
                    &self.drafts,
                    &around.curriculum.version,
                    around.now.time,
                    &local_date(around.now.time),
                    strings,
                );
                for export in &exports {
                    self.sending
                        .insert(export.path.clone(), export.file.student.id.clone());
                }
                effects.push(Effect::WriteFeedbackFiles { folder, exports });
            }
        }
    }

    /// Something among the class's files changed: read the class again (after the reading
    /// under way, if there is one, so no change is missed).
    pub fn class_changed(&mut self) -> Option<Effect> {
        if self.class.is_none() || self.paths.is_empty() {
            return None;
        }
        if self.loading {
            self.read_again = true;
            return None;
        }
        self.loading = true;
        Some(Effect::LoadClass(self.paths.clone()))
    }

    /// The class was read; a change seen meanwhile reads it again, and so do files that
    /// could not be read moments after they changed (after [`UNSETTLED_RETRY`]). A student
    /// whose file cannot be read now keeps the row of the last good reading.
    pub fn class_loaded(&mut self, mut class: Class, now: Instant) -> Option<Effect> {
        self.loading = false;
        self.retry_at = (!class.unsettled.is_empty()).then(|| now + UNSETTLED_RETRY);
        for row in &mut class.students {
            if let Some(sent) = self.sent.get(&row.file.student.id) {
                row.feedback_sent = row.feedback_sent.max(Some(*sent));
            }
        }
        if let Some(view) = &mut self.class {
            keep_last_good_rows(&view.class, &mut class);
            // What changed since the last reading stays marked until the student is opened;
            // the sort and filter stay as the mentor left them.
            if !view.class.students.is_empty() {
                let changes = report::changes_since(&view.class, &class);
                view.changes.extend(changes);
            }
            view.set_class(class);
        }
        if std::mem::take(&mut self.read_again) {
            return self.class_changed();
        }
        None
    }

    /// The class to read again when files that were still arriving should have settled, and
    /// when to look again.
    pub fn retry_due(&mut self, now: Instant) -> (Option<Effect>, Option<Duration>) {
        match self.retry_at {
            Some(at) if at <= now => {
                self.retry_at = None;
                (self.class_changed(), None)
            }
            Some(at) => (None, Some(at - now)),
            None => (None, None),
        }
    }

    /// A student's file was read for viewing: the file to show (with a draft ready for
    /// feedback signed `mentor_name`), or a notice saying why not.
    pub fn student_read(
        &mut self,
        path: &std::path::Path,
        result: Result<Imported, FormatError>,
        mentor_name: &str,
        notices: &mut Notices,
        strings: &Strings,
    ) -> Option<Box<ProgressFile>> {
        match result {
            Ok(imported) => {
                let mentor = if mentor_name.trim().is_empty() {
                    strings.default_mentor.to_owned()
                } else {
                    mentor_name.to_owned()
                };
                self.drafts
                    .entry(imported.file.student.id.clone())
                    .or_insert_with(|| Feedback {
                        mentor,
                        ..Feedback::default()
                    });
                Some(Box::new(imported.file))
            }
            Err(error) => {
                let text = fill(
                    strings.class_problem,
                    &[
                        ("file", &report::file_name(path)),
                        ("error", &format_error_text(&error, strings)),
                    ],
                );
                notices.problem(text);
                None
            }
        }
    }

    /// A file was written: if it is a student's feedback, the class marks it sent.
    pub fn written(&mut self, path: &std::path::Path, now: jiff::Timestamp) {
        let Some(id) = self.sending.remove(path) else {
            return;
        };
        self.sent.insert(id.clone(), now);
        if let Some(view) = &mut self.class {
            for row in &mut view.class.students {
                if row.file.student.id == id {
                    row.feedback_sent = Some(now);
                }
            }
        }
    }

    /// Every student's feedback file was written, or some could not be.
    pub fn all_feedback_exported(
        &mut self,
        folder: &std::path::Path,
        report: &ExportReport,
        notices: &mut Notices,
        strings: &Strings,
        now: jiff::Timestamp,
    ) {
        for path in &report.written {
            self.written(path, now);
        }
        self.sending.retain(|path, _| !path.starts_with(folder));
        let text = exchange::export_report_text(report, folder, strings);
        if report.failed.is_empty() {
            notices.info(text);
        } else {
            notices.problem(text);
        }
    }

    /// The drafts to save when they are due (about a second after the last edit), and when
    /// to look again.
    pub fn due(&mut self, now: Instant, saving: bool) -> (Option<Effect>, Option<Duration>) {
        let Some(since) = self.drafts_dirty_since else {
            return (None, None);
        };
        if !saving || self.drafts_kept_as_they_are || self.drafts_saving {
            return (None, None);
        }
        let waited = now.duration_since(since);
        if waited < DRAFTS_DELAY {
            return (None, Some(DRAFTS_DELAY - waited));
        }
        self.drafts_dirty_since = None;
        self.drafts_saving = true;
        let drafts = self
            .drafts
            .iter()
            .map(|(id, draft)| (id.clone(), draft.clone()))
            .collect();
        (Some(Effect::SaveDrafts(drafts)), None)
    }
}

/// Rows of `before` whose file cannot be read in `after` (a partial or damaged copy) stay,
/// unless the student has another readable file: the mentor keeps seeing the last good state
/// while the problem is shown.
fn keep_last_good_rows(before: &Class, after: &mut Class) {
    let unreadable: Vec<&PathBuf> = after
        .problems
        .iter()
        .chain(&after.unsettled)
        .map(|(path, _)| path)
        .collect();
    for row in &before.students {
        let id = &row.file.student.id;
        if unreadable.contains(&&row.path)
            && !after.students.iter().any(|new| new.file.student.id == *id)
        {
            after.students.push(row.clone());
        }
    }
}

/// Writes text made on the UI thread, or says why it could not be made.
pub(super) fn write_text(
    path: PathBuf,
    text: Result<String, String>,
    notices: &mut Notices,
    strings: &Strings,
    effects: &mut Vec<Effect>,
) {
    match text {
        Ok(text) => effects.push(Effect::Write {
            path,
            contents: Contents::Text(text),
        }),
        Err(error) => notices.problem(fill(strings.export_failed, &[("error", &error)])),
    }
}
