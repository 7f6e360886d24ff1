//! The update core: the app's state as plain data and the one function that changes it.
//!
//! [`Model::update`] takes an [`Action`] (a click, a key, a command) and [`Model::receive`]
//! takes an [`Outcome`] (what background work found); both change plain data and return the
//! [`Effect`]s the world must carry out. Neither touches an `egui::Context`, a file or a
//! thread, so a test replays a whole flow without a window. Each flow keeps its own state and
//! gets only what it needs: [`import::ImportFlow`], [`mentor::Mentor`],
//! [`drawing::DrawingSession`].

pub mod drawing;
pub mod hand_in;
pub mod import;
pub mod mentor;
pub mod plan;
mod receive;

use std::path::PathBuf;
use std::sync::Arc;

use crate::curriculum::{Curriculum, check_web_url};
use crate::format::{self, ProgressFile};
use crate::i18n::{Strings, fill};
use crate::progress::{Progress, continue_target};
use crate::search::Place;

use super::action::{Action, ImportAction, MentorAction, Overlay, PlanAction};
use super::effect::{Dialog, DialogMode, Effect, Now, ScrollTarget};
use super::local_date;
use super::state::{Notices, UiState};
use super::texts::human_size;
use drawing::{DrawingSession, Sheet};
use hand_in::HandIn;
use import::ImportFlow;
use mentor::{Around, Mentor};

/// Everything the window shows and changes, as plain data.
pub struct Model {
    /// The roadmap.
    pub curriculum: Arc<Curriculum>,
    /// What the window remembers between runs.
    pub state: UiState,
    /// The student's own file.
    pub file: ProgressFile,
    /// Messages on screen.
    pub notices: Notices,
    /// The name as typed in the name prompt.
    pub name_draft: String,
    /// Files from others.
    pub import: ImportFlow,
    /// The mentor's class and feedback.
    pub mentor: Mentor,
    /// Drawings and the picture viewer.
    pub drawing: DrawingSession,
    /// The progress is saved in a data folder (not only kept in memory).
    pub saving: bool,
    /// Another process holds the data folder: nothing of the student's own may change.
    pub read_only: bool,
    /// Where a path typed in the window starts (Documents, else Desktop, else home), chosen
    /// by the shell at start.
    pub default_folder: Option<PathBuf>,
    /// The path asked for in the window because no native dialog could be shown.
    pub path_prompt: Option<PathPrompt>,
    /// Handing in to the class folder.
    pub hand_in: HandIn,
    /// The profile is being saved, and whether it changed again meanwhile (one save at a
    /// time, so an older profile never lands after a newer one).
    pub profile_saving: (bool, bool),
    /// The window shown over everything (palette, shortcut sheet), if any.
    pub overlay: Option<Overlay>,
    /// The study plan.
    pub plan: plan::PlanFlow,
    /// The day the class table's pace and charts were computed for.
    pub paced_for: Option<jiff::civil::Date>,
}

/// A path asked for in the window: the dialog that could not be shown, and the text typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathPrompt {
    /// What was to be asked, and what the path is for.
    pub dialog: Dialog,
    /// The path as typed (prefilled with the default folder and the suggested name).
    pub text: String,
}

impl Model {
    /// A model over `curriculum` with the student's `file`.
    pub fn new(curriculum: Arc<Curriculum>, state: UiState, file: ProgressFile) -> Self {
        let mentor = Mentor {
            name_draft: if state.mentor_name.trim().is_empty() {
                file.student.name.clone()
            } else {
                state.mentor_name.clone()
            },
            ..Mentor::default()
        };
        Self {
            curriculum,
            state,
            name_draft: file.student.name.clone(),
            file,
            notices: Notices::default(),
            import: ImportFlow::default(),
            mentor,
            drawing: DrawingSession::default(),
            saving: false,
            read_only: false,
            default_folder: None,
            path_prompt: None,
            hand_in: HandIn::default(),
            profile_saving: (false, false),
            overlay: None,
            plan: plan::PlanFlow::default(),
            paced_for: None,
        }
    }

    /// The UI language's strings.
    pub fn strings(&self) -> &'static Strings {
        self.state.language.strings()
    }

    /// The progress on screen: another student's being viewed, or the student's own.
    pub fn shown_progress(&self) -> &Progress {
        self.import
            .viewing
            .as_ref()
            .map_or(&self.file.progress, |viewed| &viewed.progress)
    }

    /// The name the mentor signs feedback with: the one given for that, else the person's own
    /// name (empty when neither is given).
    pub fn mentor_name(&self) -> &str {
        if self.state.mentor_name.trim().is_empty() {
            self.file.student.name.trim()
        } else {
            self.state.mentor_name.trim()
        }
    }

    /// Watching the class folder and looking in it for feedback (when there is one and this
    /// window may write): at start, and when the folder is chosen.
    pub fn class_folder_effects(&self) -> Vec<Effect> {
        match &self.state.class_folder {
            Some(folder) if !self.read_only => vec![
                Effect::WatchClassFolder(Some(folder.clone())),
                Effect::ScanFeedback {
                    folder: folder.clone(),
                    student_id: self.file.student.id.clone(),
                },
            ],
            _ => Vec::new(),
        }
    }

    /// Saves the profile, or once more after the save under way.
    fn save_profile(&mut self, effects: &mut Vec<Effect>) {
        if self.profile_saving.0 {
            self.profile_saving.1 = true;
        } else if self.saving {
            self.profile_saving = (true, false);
            effects.push(Effect::SaveProfile(self.profile()));
        }
    }

    /// The settings saved in the data folder.
    pub fn profile(&self) -> crate::storage::Profile {
        crate::storage::Profile {
            mentor_name: self.state.mentor_name.clone(),
            class_folder: self.state.class_folder.clone(),
            class_paths: self.state.class_paths.clone(),
        }
    }

    /// Whether a window or a dialog is over the roadmap (a palette, a preview, the canvas, the
    /// plan…): then the roadmap's keys and the shortcuts of other commands wait.
    pub fn window_open(&self) -> bool {
        self.overlay.is_some()
            || self.drawing.viewer.is_some()
            || self.drawing.canvas.is_some()
            || self.drawing.confirm_remove.is_some()
            || self.path_prompt.is_some()
            || self.import.pending.is_some()
            || self.plan.pending.is_some()
            || self.plan.open
    }

    /// Whether the class table is on screen (open, and no student shown over it).
    pub fn class_shown(&self) -> bool {
        self.mentor.class.is_some() && self.import.viewing.is_none()
    }

    /// Applies one action; returns what the world must do.
    pub fn update(&mut self, action: Action, now: Now) -> Vec<Effect> {
        let mut effects = Vec::new();
        // A plan file is its own kind: however it arrives, it goes to the plan's preview.
        let action = match action {
            Action::Import(ImportAction::From(path)) if plan::is_plan_path(&path) => {
                PlanAction::From(path).into()
            }
            Action::Mentor(MentorAction::Add(paths))
                if paths.iter().any(|path| plan::is_plan_path(path)) =>
            {
                Action::Open {
                    paths,
                    as_class: true,
                }
            }
            action => action,
        };
        if let Action::Open { paths, as_class } = action {
            // One entry point for argv, a second launch and the macOS open event. A plan file
            // is never a student's progress: it goes to its own preview, even among a class.
            let (plans, paths): (Vec<PathBuf>, Vec<PathBuf>) =
                paths.into_iter().partition(|path| plan::is_plan_path(path));
            for path in plans {
                effects.extend(self.update(PlanAction::From(path).into(), now));
            }
            if paths.is_empty() {
                return effects;
            }
            if as_class {
                effects.extend(self.update(MentorAction::Add(paths).into(), now));
                return effects;
            }
            for path in paths {
                effects.extend(self.update(ImportAction::From(path).into(), now));
            }
            return effects;
        }
        if action.changes_progress() && self.import.viewing.is_some() {
            // Another student's file is on screen: it is read-only.
            return effects;
        }
        if self.read_only && action.writes_own_progress() {
            // Another process writes the data folder: nothing here could be saved.
            return effects;
        }
        let name_before = self.file.student.name.clone();
        let strings = self.strings();
        let progress = &mut self.file.progress;
        let changed = match action {
            Action::ToggleDone(id) => {
                progress.toggle_done(&id, now.time);
                true
            }
            Action::SetState(id, state) => progress.set_state(&id, state, now.time),
            Action::SkipChapter(chapter, skip) => self
                .curriculum
                .chapter(&chapter)
                .is_some_and(|chapter| progress.skip_chapter(chapter, skip, now.time)),
            Action::SetNote(target, text) => {
                let text = fit_note(text, &mut self.notices, strings);
                self.file.progress.set_note(&target, &text, now.time)
            }
            Action::SetName(name) => {
                let changed = self.file.student.name != name;
                self.file.student.name = name;
                changed
            }
            Action::SetChapterOpen(id, open) => {
                if open {
                    self.state.open_chapters.insert(id);
                } else {
                    self.state.open_chapters.remove(&id);
                }
                false
            }
            Action::SetAllChaptersOpen(open) => {
                self.state.open_chapters = if open {
                    self.curriculum
                        .chapters
                        .iter()
                        .map(|chapter| chapter.id.clone())
                        .collect()
                } else {
                    Default::default()
                };
                false
            }
            Action::GoToChapter(id) => {
                self.state.open_chapters.insert(id.clone());
                effects.push(Effect::ScrollTo(ScrollTarget::Chapter(id)));
                false
            }
            Action::Continue => {
                if let Some((chapter, item)) = continue_target(&self.curriculum, progress) {
                    self.state.open_chapters.insert(chapter);
                    effects.push(Effect::ScrollTo(ScrollTarget::Item(item)));
                }
                false
            }
            Action::OpenSearch => {
                effects.push(Effect::OpenSearch);
                false
            }
            Action::ShowFound(place) => {
                let target = match place {
                    Place::Chapter(id) => Some((id.clone(), ScrollTarget::Chapter(id))),
                    Place::Item(id) => self
                        .curriculum
                        .item(&id)
                        .map(|(chapter, _)| (chapter.id.clone(), ScrollTarget::Item(id))),
                    // The overall comment is at the top of the window, always in sight.
                    Place::Overall => None,
                };
                if let Some((chapter, target)) = target {
                    self.state.open_chapters.insert(chapter);
                    effects.push(Effect::ScrollTo(target.clone()));
                    effects.push(Effect::Highlight(target));
                }
                false
            }
            Action::OpenUrl(url) => {
                match check_web_url(&url) {
                    Ok(()) => effects.push(Effect::OpenUrl(url)),
                    Err(reason) => self.notices.problem(fill(
                        strings.link_refused,
                        &[("url", &url), ("reason", &reason.to_string())],
                    )),
                }
                false
            }
            Action::CopyUrl(url) => {
                self.notices.info(fill(strings.copied, &[("url", &url)]));
                effects.push(Effect::CopyText(url));
                false
            }
            Action::SetLanguage(language) => {
                self.state.language = language;
                false
            }
            Action::ShowOverlay(overlay) => {
                self.overlay = overlay;
                false
            }
            Action::SetTheme(theme) => {
                self.state.theme = theme;
                false
            }
            Action::SetTextSize(percent) => {
                self.state.text_size = super::state::clamp_text_size(percent);
                false
            }
            Action::DismissNotice(index) => {
                self.notices.dismiss(index);
                false
            }
            Action::AskExport { markdown } => {
                let (extension, kind) = if markdown {
                    ("md", strings.markdown_kind)
                } else {
                    (format::EXTENSION, strings.progress_file_kind)
                };
                let name = crate::exchange::suggested_file_name(
                    &self.file.student.name,
                    &local_date(now.time),
                    extension,
                    strings.unnamed,
                );
                effects.push(Effect::Pick(Dialog {
                    mode: DialogMode::Save,
                    filter: Some((kind, vec![extension])),
                    file_name: Some(name),
                    then: super::effect::Then::Export { markdown },
                }));
                false
            }
            Action::ExportTo { path, markdown } => {
                let mut file = self.file.clone();
                file.stamp(&self.curriculum.version, now.time);
                let text = if markdown {
                    Ok(crate::exchange::summary_markdown(
                        &self.curriculum,
                        &file,
                        strings,
                    ))
                } else {
                    format::to_string(&file).map_err(|err| err.to_string())
                };
                mentor::write_text(path, text, &mut self.notices, strings, &mut effects);
                false
            }
            Action::Reveal(path) => {
                effects.push(Effect::Reveal(path));
                false
            }
            Action::AskClassFolder => {
                effects.push(Effect::Pick(Dialog {
                    mode: DialogMode::OpenFolder,
                    filter: None,
                    file_name: None,
                    then: super::effect::Then::ClassFolder,
                }));
                false
            }
            Action::SetClassFolder(folder) => {
                if folder.is_some() {
                    self.hand_in.now_please(now.instant);
                } else {
                    self.hand_in = HandIn::default();
                    effects.push(Effect::WatchClassFolder(None));
                }
                self.state.class_folder = folder;
                effects.extend(self.class_folder_effects());
                self.save_profile(&mut effects);
                false
            }
            Action::ConfirmPath => {
                if let Some(prompt) = self.path_prompt.take() {
                    let path = PathBuf::from(prompt.text.trim());
                    if prompt.text.trim().is_empty() {
                        self.path_prompt = Some(prompt);
                    } else if let Some(action) = prompt.dialog.then.action(vec![path]) {
                        effects.extend(self.update(action, now));
                    }
                }
                false
            }
            Action::CancelPath => {
                self.path_prompt = None;
                false
            }
            // Taken apart into imports or a class before this match.
            Action::Open { .. } => false,
            Action::Import(action) => {
                self.with_import(&mut effects, |import, own| import.update(action, own));
                false
            }
            Action::Mentor(action) => {
                if action == MentorAction::Close {
                    self.import.viewing = None;
                }
                let renames = matches!(action, MentorAction::SetName(_));
                let adds = matches!(action, MentorAction::Add(_));
                self.mentor.update(
                    action,
                    Around {
                        mentor_name: &mut self.state.mentor_name,
                        own_name: &self.file.student.name,
                        remembered: &self.state.class_paths,
                        curriculum: &self.curriculum,
                        viewing: self.import.viewing.as_deref(),
                        notices: &mut self.notices,
                        strings,
                        now,
                        effects: &mut effects,
                    },
                );
                if adds {
                    // Remembered: the class view opens this class again next time.
                    self.state.class_paths.clone_from(&self.mentor.paths);
                }
                if renames || adds {
                    self.save_profile(&mut effects);
                }
                false
            }
            Action::Plan(action) => {
                let author = if self.mentor.class.is_some() {
                    self.mentor_name().to_owned()
                } else {
                    self.file.student.name.trim().to_owned()
                };
                let changed = self.plan.update(
                    action,
                    plan::Desk {
                        author: &author,
                        version: &self.curriculum.version,
                        notices: &mut self.notices,
                        strings,
                        now: now.time,
                        effects: &mut effects,
                    },
                );
                if changed {
                    self.set_class_pace(now);
                }
                false
            }
            Action::Drawing(action) => {
                self.drawing.update(
                    action,
                    Sheet::of(
                        &mut self.file,
                        &mut self.notices,
                        strings,
                        now,
                        &mut effects,
                    ),
                );
                false
            }
        };
        if changed {
            effects.push(Effect::ProgressChanged);
        }
        if self.file.student.name != name_before {
            self.name_draft = self.file.student.name.clone();
        }
        self.note_changes(&effects, now);
        effects
    }

    /// Every change of the progress is handed in too (when there is a class folder).
    fn note_changes(&mut self, effects: &[Effect], now: Now) {
        if effects.iter().any(|e| matches!(e, Effect::ProgressChanged)) {
            self.hand_in.changed(now.instant);
        }
    }
}

/// A note longer than a file keeps would be dropped when read back: keep what fits, and say
/// so.
fn fit_note(mut text: String, notices: &mut Notices, strings: &Strings) -> String {
    let limit = format::limits::MAX_NOTE_BYTES;
    if text.len() > limit {
        let mut end = limit;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        notices.problem(fill(
            strings.note_too_long,
            &[("limit", &human_size(limit as u64))],
        ));
    }
    text
}
