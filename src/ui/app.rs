//! The application: owns the state, draws the views, applies their actions in one place.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::autosave::{Autosave, SaveEvent};
use crate::curriculum::{ChapterId, Curriculum, ItemId, ItemKind, check_web_url};
use crate::drawing::{Drawing, EmbeddedImage, Sketch, photo};
use crate::exchange::{self as files, ImportPreview};
use crate::format::{self, Imported, ProgressFile, Student};
use crate::progress::{ItemState, NoteTarget, Progress, overall_completion};
use crate::storage::{DataLock, LockError, ROLE_APP, Recovery, Storage};

use super::background::Background;
use super::browser::{Browser, SystemBrowser};
use super::canvas::Canvas;
use super::class::ClassView;
use super::drawing::{confirm_remove_ui, photo_error_text};
use super::exchange::{
    display_name, format_error_text, import_preview_ui, name_prompt_ui, suggested_file_name,
    viewing_banner_ui,
};
use super::feedback::{
    ExportReport, export_report_text, feedback_exports, feedback_file, feedback_panel_ui,
    overall_feedback_ui, write_feedback_exports,
};
use super::roadmap::{RoadmapView, Shown};
use super::{fonts, theme};
use crate::i18n::{Language, Strings, fill};
use crate::progress::Feedback;
use crate::report::Class;

/// Key of the window-level state in eframe's storage.
const UI_STATE_KEY: &str = "study-companion-ui";

/// What the window remembers between runs, in eframe's own storage next to the window size.
/// The student's progress is not here: it has its own atomic storage ([`crate::storage`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    /// UI language.
    pub language: Language,

    /// Chapters the student left open.
    pub open_chapters: BTreeSet<ChapterId>,
}

/// Everything a view can ask the app to do; applied once per frame by [`StudyApp::apply`].
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Tick or untick an item.
    ToggleDone(ItemId),
    /// Set an item's state.
    SetState(ItemId, ItemState),
    /// Mark every item of a chapter skipped (or back to not started).
    SkipChapter(ChapterId, bool),
    /// Replace the text of a note.
    SetNote(NoteTarget, String),
    /// Open or close a chapter.
    SetChapterOpen(ChapterId, bool),
    /// Open or close every chapter.
    SetAllChaptersOpen(bool),
    /// Open a chapter and scroll to it.
    GoToChapter(ChapterId),
    /// Jump to the last item touched, or the first unfinished one.
    Continue,
    /// Open a link in the system browser (only http and https).
    OpenUrl(String),
    /// Put a link on the clipboard.
    CopyUrl(String),
    /// Switch the UI language.
    SetLanguage(Language),
    /// Close the notice at this index.
    DismissNotice(usize),
    /// Show a picture full size, zoomable (a curriculum picture or a drawing).
    ShowImage {
        /// Window title.
        title: String,
        /// The image's URI (registered with egui).
        uri: String,
    },
    /// Close the picture viewer.
    CloseImage,
    /// Ask where to export (a native dialog, off the UI thread).
    AskExport {
        /// A Markdown summary instead of the progress file.
        markdown: bool,
    },
    /// Ask which progress file to import (a native dialog, off the UI thread).
    AskImport,
    /// Write the progress (or its Markdown summary) to a file.
    ExportTo {
        /// Where.
        path: PathBuf,
        /// A Markdown summary instead of the progress file.
        markdown: bool,
    },
    /// An export finished: the path written, or the error in the UI language.
    ExportDone(Result<PathBuf, String>),
    /// Read a progress file and show the import preview.
    ImportFrom(PathBuf),
    /// A progress file was read (or could not be: the error in the UI language).
    ImportRead {
        /// The file.
        path: PathBuf,
        /// What was read.
        result: Result<Imported, String>,
    },
    /// Merge the previewed file (the student's own).
    ConfirmMerge,
    /// Replace the student's progress with the previewed file.
    ReplaceWithImported,
    /// Show the previewed file (another student's) read-only.
    ViewImported,
    /// Close the preview without changing anything.
    CancelImport,
    /// Put the progress back as it was before the last import.
    UndoImport,
    /// Stop viewing another student's file.
    CloseView,
    /// Set the student's name.
    SetName(String),
    /// Ask for a photo or scan to attach to a task item (a native dialog, off the UI thread).
    AskAttach(ItemId),
    /// Attach an image file to a task item (prepared off the UI thread).
    AttachFrom(ItemId, PathBuf),
    /// Attach the image on the clipboard.
    PasteImage(ItemId),
    /// An image was prepared for a task item (or could not be: the error in the UI language).
    ImageReady {
        /// The task item.
        item: ItemId,
        /// The stored image.
        image: Result<EmbeddedImage, String>,
        /// The sketch it was rendered from, if it was drawn in the app.
        sketch: Option<Sketch>,
    },
    /// Open the sketch canvas for a task item.
    OpenCanvas(ItemId),
    /// Keep the canvas's sketch in the progress (after every stroke; `None` removes it).
    KeepSketch(ItemId, Option<Sketch>),
    /// Close the canvas.
    CloseCanvas,
    /// Save a sketch (rendered to PNG off the UI thread) and close the canvas.
    SaveSketch(ItemId, Sketch),
    /// Ask where to export a drawing as PNG.
    AskExportPng(ItemId),
    /// Write a drawing as PNG.
    ExportPngTo(ItemId, PathBuf),
    /// Ask whether to remove a drawing.
    AskRemoveDrawing(ItemId),
    /// Remove a drawing (confirmed).
    RemoveDrawing(ItemId),
    /// Keep the drawing.
    CancelRemoveDrawing,
    /// Show the mentor's class view.
    OpenClassView,
    /// Ask for progress files or a folder to add to the class (a native dialog).
    AskOpenClass {
        /// A folder rather than files.
        folder: bool,
    },
    /// Add files or folders to the class (read off the UI thread).
    OpenClass(Vec<PathBuf>),
    /// The class was read.
    ClassLoaded(Class),
    /// Leave the class view.
    CloseClass,
    /// Show one student of the class read-only (the file is read again, off the UI thread).
    ViewStudent(usize),
    /// A student's file was read for viewing.
    StudentLoaded(PathBuf, Result<Box<ProgressFile>, String>),
    /// Ask where to write the class report.
    AskExportReport {
        /// Markdown instead of CSV.
        markdown: bool,
    },
    /// Write the class report.
    ExportReportTo {
        /// Where.
        path: PathBuf,
        /// Markdown instead of CSV.
        markdown: bool,
    },
    /// Ask where to write the feedback for the student being viewed.
    AskExportFeedback,
    /// Write the feedback file.
    ExportFeedbackTo(PathBuf),
    /// The mentor typed feedback: it is saved (as a draft) about a second later.
    FeedbackEdited,
    /// Ask for a folder to write every student's feedback into.
    AskExportAllFeedback,
    /// Write one feedback file per student with feedback into a folder.
    ExportAllFeedbackTo(PathBuf),
    /// Every student's feedback file was written, or some could not be.
    AllFeedbackExported {
        /// The folder.
        folder: PathBuf,
        /// What was written and what failed.
        report: ExportReport,
    },
    /// A background job finished (internal bookkeeping).
    JobDone,
}

/// A message shown to the student until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// What happened, in the UI language.
    pub text: String,
    /// A problem (shown in the warning colour) rather than a confirmation.
    pub is_problem: bool,
}

impl Notice {
    /// A problem, shown in the warning colour.
    pub fn problem(text: String) -> Self {
        Self {
            text,
            is_problem: true,
        }
    }
}

/// The Study Companion app.
pub struct StudyApp {
    curriculum: Arc<Curriculum>,
    state: UiState,
    file: ProgressFile,
    autosave: Option<Autosave>,
    roadmap: RoadmapView,
    notices: Vec<Notice>,
    browser: Box<dyn Browser>,
    /// The picture shown full size: title, URI, and the zoomed and panned part of it.
    viewer: Option<(String, String, egui::Rect)>,
    /// The sketch canvas, when open.
    canvas: Option<Canvas>,
    /// A drawing waiting for "remove?" to be confirmed.
    confirm_remove: Option<ItemId>,
    /// Task items whose image is being prepared.
    preparing: HashSet<ItemId>,
    /// The mentor's class view, when open.
    class: Option<ClassView>,
    /// Every file and folder opened into the class view (read again when more are added).
    class_paths: Vec<PathBuf>,
    /// The class is being read.
    loading_class: bool,
    /// Actions to apply in the first frame (files given on the command line).
    startup: Vec<Action>,
    /// The mentor's feedback being written, per student id (kept while the app runs, so
    /// switching between students loses nothing).
    feedback_drafts: HashMap<String, Feedback>,
    /// When the drafts changed and are not saved yet.
    drafts_dirty_since: Option<Instant>,
    background: Background,
    /// The data folder's lock, held while this window may write there.
    data_lock: Option<DataLock>,
    /// The drafts file may be written (not when a damaged one could not be moved aside).
    drafts_writable: bool,
    /// Another process holds the data folder: the window only shows the progress, and tries
    /// to take the folder over.
    locked_out: Option<LockedOut>,
    /// The import waiting for the student's decision, and its file.
    pending_import: Option<(PathBuf, Box<ImportPreview>)>,
    /// Files to import after the current one (several dropped or given at start).
    import_queue: VecDeque<PathBuf>,
    /// A file is being read for import.
    reading_import: bool,
    /// The progress as it was before the last import, for undo.
    undo: Option<Box<ProgressFile>>,
    /// Another student's file, shown read-only.
    viewing: Option<Box<ProgressFile>>,
    /// The name as typed in the name prompt.
    name_draft: String,
}

impl StudyApp {
    /// An app over `curriculum` with the progress saved in `data_dir` (none: kept in memory
    /// only, with a warning), the given window state and browser.
    pub fn open(
        curriculum: Arc<Curriculum>,
        data_dir: Option<PathBuf>,
        state: UiState,
        browser: Box<dyn Browser>,
    ) -> Self {
        let strings = state.language.strings();
        let mut notices = Vec::new();
        let opened = match data_dir.map(Storage::open) {
            None => {
                notices.push(Notice::problem(strings.no_data_folder.to_owned()));
                OpenedFolder::default()
            }
            Some(Err(err)) => {
                notices.push(Notice::problem(fill(
                    strings.storage_unusable,
                    &[("error", &err.to_string())],
                )));
                OpenedFolder::default()
            }
            Some(Ok(storage)) => {
                open_data_folder(storage, LOCK_WAIT_AT_START, strings, &mut notices)
            }
        };
        let OpenedFolder {
            file,
            autosave,
            lock: data_lock,
            locked_out,
            drafts: feedback_drafts,
            drafts_writable,
        } = opened;
        let file = file.unwrap_or_else(|| ProgressFile::new(Student::new(""), &curriculum.version));
        Self {
            curriculum,
            state,
            name_draft: file.student.name.clone(),
            file,
            autosave,
            roadmap: RoadmapView::default(),
            notices,
            browser,
            viewer: None,
            canvas: None,
            confirm_remove: None,
            preparing: HashSet::new(),
            class: None,
            class_paths: Vec::new(),
            loading_class: false,
            startup: Vec::new(),
            feedback_drafts,
            drafts_dirty_since: None,
            background: Background::default(),
            data_lock,
            drafts_writable,
            locked_out: locked_out.map(|(storage, notice)| LockedOut {
                storage,
                last_try: Instant::now(),
                notice,
            }),
            pending_import: None,
            import_queue: VecDeque::new(),
            reading_import: false,
            undo: None,
            viewing: None,
        }
    }

    /// Progress files to import (or view) once the window is up, e.g. from a double-click.
    pub fn with_files(mut self, files: Vec<PathBuf>) -> Self {
        // Several files, or a folder: a mentor opening a class. One file: an import.
        if files.len() > 1 || files.iter().any(|path| path.is_dir()) {
            self.class = Some(ClassView::new(Class::default()));
            self.startup.push(Action::OpenClass(files));
        } else {
            self.import_queue.extend(files);
        }
        self
    }

    /// The class view's class, if open.
    pub fn class(&self) -> Option<&Class> {
        self.class.as_ref().map(|view| &view.class)
    }

    /// The student's own progress file (name, id, progress).
    pub fn file(&self) -> &ProgressFile {
        &self.file
    }

    /// The import preview on screen, if any.
    pub fn pending_import(&self) -> Option<&ImportPreview> {
        self.pending_import
            .as_ref()
            .map(|(_, preview)| preview.as_ref())
    }

    /// Another student's file shown read-only, if any.
    pub fn viewing(&self) -> Option<&ProgressFile> {
        self.viewing.as_deref()
    }

    /// Whether background work (dialogs, file reads and writes) is still running.
    pub fn is_busy(&self) -> bool {
        self.background.is_busy()
    }

    /// The app as eframe starts it: embedded curriculum, saved state, system browser.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        data_dir: Option<PathBuf>,
        files: Vec<PathBuf>,
    ) -> Self {
        setup_context(&cc.egui_ctx);
        fonts::install_system_fallback(&cc.egui_ctx);
        let state = cc
            .storage
            .and_then(|storage| eframe::get_value::<UiState>(storage, UI_STATE_KEY))
            .unwrap_or_default();
        Self::open(
            Arc::clone(crate::embedded::curriculum()),
            data_dir.or_else(Storage::default_dir),
            state,
            Box::new(SystemBrowser::default()),
        )
        .with_files(files)
    }

    /// The window state (for tests and for saving).
    pub fn state(&self) -> &UiState {
        &self.state
    }

    /// The student's progress.
    pub fn progress(&self) -> &Progress {
        &self.file.progress
    }

    /// Notices currently shown.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Saves the mentor's feedback drafts about a second after the last edit, off the UI
    /// thread, atomically, next to the progress.
    fn save_drafts_when_due(&mut self, ctx: &egui::Context, now: Instant) {
        let Some(since) = self.drafts_dirty_since else {
            return;
        };
        let Some(storage) = self.autosave.as_ref().map(|a| a.storage().clone()) else {
            return;
        };
        if !self.drafts_writable {
            return;
        }
        if now.duration_since(since) < crate::autosave::SAVE_DELAY {
            ctx.request_repaint_after(crate::autosave::SAVE_DELAY);
            return;
        }
        self.drafts_dirty_since = None;
        let drafts: std::collections::BTreeMap<String, Feedback> = self
            .feedback_drafts
            .iter()
            .map(|(id, draft)| (id.clone(), draft.clone()))
            .collect();
        self.background.spawn(ctx, "save-feedback-drafts", move || {
            let written = storage.save_drafts(&drafts).map_err(|err| err.to_string());
            written.err().map(|error| Action::ExportDone(Err(error)))
        });
    }

    /// Writes unsaved progress now (on exit; tests use it to simulate one).
    pub fn flush(&mut self) {
        let Some(autosave) = self.autosave.as_mut() else {
            return;
        };
        self.file.stamp(&self.curriculum.version, Timestamp::now());
        if let Err(err) = autosave.flush(&self.file) {
            log::error!("saving on exit failed: {err}");
            let text = fill(
                self.state.language.strings().save_failed,
                &[("error", &err.to_string())],
            );
            self.notify(text, true);
        }
    }

    /// Draws one frame into `ui` and applies what the student did.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let strings = self.state.language.strings();
        let mut actions = std::mem::take(&mut self.startup);

        egui::Panel::top("top_bar").show(ui, |ui| {
            self.top_bar_ui(ui, strings, &mut actions);
            if let Some(viewed) = &self.viewing {
                viewing_banner_ui(ui, viewed, strings, &mut actions);
            } else {
                if self.file.student.name.trim().is_empty() {
                    name_prompt_ui(ui, &mut self.name_draft, strings, &mut actions);
                }
                overall_feedback_ui(ui, &self.file.progress, strings);
            }
        });
        self.shortcuts(ui.ctx(), &mut actions);
        if !self.notices.is_empty() {
            egui::Panel::bottom("notices").show(ui, |ui| {
                notices_ui(ui, &self.notices, strings, &mut actions);
            });
        }
        let class_shown = self.class.is_some() && self.viewing.is_none();
        let draft = self
            .viewing
            .as_ref()
            .and_then(|viewed| self.feedback_drafts.get_mut(&viewed.student.id));
        if let (Some(viewed), Some(draft)) = (&self.viewing, draft) {
            egui::Panel::right("feedback")
                .default_size(theme::FEEDBACK_PANEL_WIDTH)
                .show(ui, |ui| {
                    feedback_panel_ui(
                        ui,
                        &self.curriculum,
                        display_name(viewed, strings),
                        draft,
                        strings,
                        &mut actions,
                    );
                });
        }
        let shown_progress = self
            .viewing
            .as_ref()
            .map_or(&self.file.progress, |viewed| &viewed.progress);
        // The class view is a table of its own: it needs the width, not the chapter list.
        if !class_shown {
            egui::Panel::left("chapter_list")
                .default_size(theme::SIDE_PANEL_WIDTH)
                .show(ui, |ui| {
                    self.roadmap.chapter_list_ui(
                        ui,
                        &self.curriculum,
                        shown_progress,
                        strings,
                        &mut actions,
                    );
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if class_shown {
                if let Some(class) = &mut self.class {
                    if self.loading_class {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label(strings.class_loading);
                        });
                    }
                    class.class_ui(ui, &self.curriculum, strings, &mut actions);
                }
                return;
            }
            let shown = Shown {
                curriculum: &self.curriculum,
                state: &self.state,
                progress: shown_progress,
                read_only: self.viewing.is_some() || self.locked_out.is_some(),
                preparing: &self.preparing,
            };
            self.roadmap.roadmap_ui(ui, &shown, strings, &mut actions);
        });
        if let Some((title, uri, scene_rect)) = &mut self.viewer {
            image_viewer_ui(ui.ctx(), title, uri, scene_rect, &mut actions);
        }
        if let Some(canvas) = &mut self.canvas {
            canvas.window_ui(ui.ctx(), strings, &mut actions);
        }
        if let Some(item) = &self.confirm_remove {
            confirm_remove_ui(ui.ctx(), item, strings, &mut actions);
        }
        if let Some((source, preview)) = &self.pending_import {
            import_preview_ui(
                ui.ctx(),
                preview,
                source,
                &self.curriculum,
                strings,
                &mut actions,
            );
        }
        let dropped: Vec<PathBuf> = ui.ctx().input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_owned())
                .collect()
        });
        actions.extend(
            dropped
                .into_iter()
                .map(|path| self.dropped_file_action(path)),
        );
        actions.extend(self.background.poll());

        take_link_requests(ui.ctx(), &mut actions);
        if !actions.is_empty() {
            // The frame was drawn before the actions changed anything: show their effect.
            ui.ctx().request_repaint();
        }
        for action in actions {
            self.apply(ui.ctx(), action);
        }
        self.poll_background(ui.ctx());
    }

    /// Applies one action. The only place where state changes.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let strings = self.state.language.strings();
        let now = Timestamp::now();
        let changes_progress = matches!(
            action,
            Action::ToggleDone(_)
                | Action::SetState(..)
                | Action::SkipChapter(..)
                | Action::SetNote(..)
        );
        if changes_progress && self.viewing.is_some() {
            // Another student's file is on screen: it is read-only.
            return;
        }
        if self.locked_out.is_some() && writes_own_progress(&action) {
            // Another process writes the data folder: nothing here could be saved.
            return;
        }
        // A note longer than a file keeps would be dropped when read back: keep what fits.
        let action = match action {
            Action::SetNote(target, text) if text.len() > format::limits::MAX_NOTE_BYTES => {
                let mut end = format::limits::MAX_NOTE_BYTES;
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                let limit = super::exchange::human_size(format::limits::MAX_NOTE_BYTES as u64);
                self.notify(fill(strings.note_too_long, &[("limit", &limit)]), true);
                Action::SetNote(target, text[..end].to_owned())
            }
            action => action,
        };
        let progress = &mut self.file.progress;
        let changed = match action {
            Action::ToggleDone(id) => {
                progress.toggle_done(&id, now);
                true
            }
            Action::SetState(id, state) => progress.set_state(&id, state, now),
            Action::SkipChapter(chapter, skip) => {
                let mut changed = false;
                if let Some(chapter) = self.curriculum.chapter(&chapter) {
                    for item in &chapter.items {
                        let state = progress.state(&item.id);
                        let next = match (skip, state) {
                            (true, ItemState::NotStarted | ItemState::InProgress) => {
                                ItemState::Skipped
                            }
                            (false, ItemState::Skipped) => ItemState::NotStarted,
                            (_, state) => state,
                        };
                        changed |= progress.set_state(&item.id, next, now);
                    }
                }
                changed
            }
            Action::SetNote(target, text) => progress.set_note(&target, &text, now),
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
                    BTreeSet::new()
                };
                false
            }
            Action::GoToChapter(id) => {
                self.roadmap.scroll_to_chapter(id.clone());
                self.state.open_chapters.insert(id);
                false
            }
            Action::Continue => {
                if let Some((chapter, item)) = continue_target(&self.curriculum, progress) {
                    self.state.open_chapters.insert(chapter);
                    self.roadmap.scroll_to_item(item);
                }
                false
            }
            Action::OpenUrl(url) => {
                match check_web_url(&url) {
                    Ok(()) => self.browser.open(&url),
                    Err(reason) => {
                        let text = fill(
                            strings.link_refused,
                            &[("url", &url), ("reason", &reason.to_string())],
                        );
                        self.notify(text, true);
                    }
                }
                false
            }
            Action::CopyUrl(url) => {
                ctx.copy_text(url.clone());
                self.notify(fill(strings.copied, &[("url", &url)]), false);
                false
            }
            Action::SetLanguage(language) => {
                self.state.language = language;
                false
            }
            Action::ShowImage { title, uri } => {
                self.viewer = Some((title, uri, egui::Rect::ZERO));
                false
            }
            Action::CloseImage => {
                self.viewer = None;
                false
            }
            Action::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
                false
            }
            Action::AskExport { markdown } => {
                self.ask_export(ctx, markdown);
                false
            }
            Action::AskImport => {
                let kind = strings.progress_file_kind;
                self.background.spawn(ctx, "import-dialog", move || {
                    rfd::FileDialog::new()
                        .add_filter(kind, &[format::EXTENSION, "ron"])
                        .pick_file()
                        .map(Action::ImportFrom)
                });
                false
            }
            Action::ExportTo { path, markdown } => {
                self.export_to(ctx, path, markdown);
                false
            }
            Action::ExportDone(result) => {
                match result {
                    Ok(path) => self.notify(
                        fill(strings.exported, &[("path", &path.display().to_string())]),
                        false,
                    ),
                    Err(error) => {
                        self.notify(fill(strings.export_failed, &[("error", &error)]), true)
                    }
                }
                false
            }
            Action::ImportFrom(path) => {
                if self.pending_import.is_some() || self.reading_import {
                    self.import_queue.push_back(path);
                } else {
                    self.read_for_import(ctx, path);
                }
                false
            }
            Action::ImportRead { path, result } => {
                self.reading_import = false;
                match result {
                    Ok(imported) => {
                        let preview = files::preview(
                            &self.curriculum,
                            &self.file,
                            imported.file,
                            imported.repairs,
                        );
                        self.pending_import = Some((path, Box::new(preview)));
                    }
                    Err(error) => {
                        let text = fill(
                            strings.import_failed,
                            &[("path", &path.display().to_string()), ("error", &error)],
                        );
                        self.notify(text, true);
                    }
                }
                self.next_import(ctx);
                false
            }
            Action::ConfirmMerge => {
                let Some((source, preview)) = self.pending_import.take() else {
                    return;
                };
                let count = preview.changes.len();
                // What does not fit in one file is written apart first: on disk either way.
                let mut kept_apart = Vec::new();
                if !preview.set_aside.is_empty()
                    && let Some(autosave) = &self.autosave
                {
                    let template = ProgressFile {
                        progress: Progress::default(),
                        ..self.file.clone()
                    };
                    let written = format::set_aside_files(&template, preview.set_aside.clone())
                        .map_err(|err| err.to_string())
                        .and_then(|texts| {
                            autosave
                                .storage()
                                .save_set_aside(&texts, now)
                                .map_err(|err| err.to_string())
                        });
                    match written {
                        Ok(paths) => kept_apart = paths,
                        Err(error) => {
                            // Nothing changes; the preview stays for another try.
                            self.pending_import = Some((source, preview));
                            self.notify(fill(strings.set_aside_failed, &[("error", &error)]), true);
                            return;
                        }
                    }
                }
                self.undo = Some(Box::new(self.file.clone()));
                self.file.progress = preview.merged;
                self.notify(
                    fill(strings.merged, &[("count", &count.to_string())]),
                    false,
                );
                for path in kept_apart {
                    self.notify(
                        fill(
                            strings.set_aside_kept,
                            &[("path", &path.display().to_string())],
                        ),
                        false,
                    );
                }
                self.next_import(ctx);
                true
            }
            Action::ReplaceWithImported => {
                let Some((_, preview)) = self.pending_import.take() else {
                    return;
                };
                self.undo = Some(Box::new(self.file.clone()));
                self.file = preview.file;
                self.name_draft = self.file.student.name.clone();
                self.notify(strings.replaced.to_owned(), false);
                self.next_import(ctx);
                true
            }
            Action::ViewImported => {
                if let Some((_, preview)) = self.pending_import.take() {
                    self.viewing = Some(Box::new(preview.file));
                }
                self.next_import(ctx);
                false
            }
            Action::CancelImport => {
                self.pending_import = None;
                self.next_import(ctx);
                false
            }
            Action::UndoImport => {
                let Some(previous) = self.undo.take() else {
                    return;
                };
                self.file = *previous;
                self.name_draft = self.file.student.name.clone();
                self.notify(strings.undone.to_owned(), false);
                true
            }
            Action::CloseView => {
                self.viewing = None;
                false
            }
            Action::AskExportFeedback => {
                let kind = strings.feedback_kind;
                let student = self
                    .viewing
                    .as_ref()
                    .map(|file| file.student.name.clone())
                    .unwrap_or_default();
                let name = suggested_file_name(
                    &format!("{student}-反馈"),
                    &today(),
                    format::EXTENSION,
                    strings.unnamed,
                );
                self.background.spawn(ctx, "feedback-dialog", move || {
                    rfd::FileDialog::new()
                        .set_file_name(name)
                        .add_filter(kind, &[format::EXTENSION])
                        .save_file()
                        .map(Action::ExportFeedbackTo)
                });
                false
            }
            Action::ExportFeedbackTo(path) => {
                let file = self.viewing.as_ref().and_then(|viewed| {
                    let draft = self.feedback_drafts.get(&viewed.student.id)?;
                    Some(feedback_file(
                        &viewed.student,
                        draft,
                        &self.curriculum.version,
                        now,
                    ))
                });
                if let Some(file) = file {
                    let text = format::to_string(&file).map_err(|err| err.to_string());
                    self.write_in_background(ctx, "export-feedback", path, move || {
                        text.map(String::into_bytes)
                    });
                }
                false
            }
            Action::FeedbackEdited => {
                self.drafts_dirty_since.get_or_insert_with(Instant::now);
                false
            }
            Action::AskExportAllFeedback => {
                self.background
                    .spawn(ctx, "feedback-folder-dialog", move || {
                        rfd::FileDialog::new()
                            .pick_folder()
                            .map(Action::ExportAllFeedbackTo)
                    });
                false
            }
            Action::ExportAllFeedbackTo(folder) => {
                // One file per student of the class with something written.
                let students = self
                    .class
                    .as_ref()
                    .map(|view| view.class.students.as_slice())
                    .unwrap_or_default()
                    .iter()
                    .map(|row| &row.file.student);
                let exports = feedback_exports(
                    &folder,
                    students,
                    &self.feedback_drafts,
                    &self.curriculum.version,
                    now,
                    &today(),
                    strings,
                );
                self.background.spawn(ctx, "export-all-feedback", move || {
                    let report = write_feedback_exports(exports);
                    Some(Action::AllFeedbackExported { folder, report })
                });
                false
            }
            Action::AllFeedbackExported { folder, report } => {
                let text = export_report_text(&report, &folder, strings);
                self.notify(text, !report.failed.is_empty());
                false
            }
            Action::SetName(name) => {
                let changed = self.file.student.name != name;
                self.file.student.name = name;
                changed
            }
            Action::AskAttach(item) => {
                let kind = strings.image_kind;
                self.background.spawn(ctx, "attach-dialog", move || {
                    rfd::FileDialog::new()
                        .add_filter(kind, &["png", "jpg", "jpeg", "webp"])
                        .pick_file()
                        .map(|path| Action::AttachFrom(item, path))
                });
                false
            }
            Action::AttachFrom(item, path) => {
                self.preparing.insert(item.clone());
                self.background.spawn(ctx, "prepare-image", move || {
                    let image =
                        photo::prepare_file(&path).map_err(|err| photo_error_text(&err, strings));
                    Some(Action::ImageReady {
                        item,
                        image,
                        sketch: None,
                    })
                });
                false
            }
            Action::PasteImage(item) => {
                self.preparing.insert(item.clone());
                self.background.spawn(ctx, "paste-image", move || {
                    let image = clipboard_png()
                        .ok_or_else(|| strings.clipboard_no_image.to_owned())
                        .and_then(|png| {
                            photo::prepare(&png).map_err(|err| photo_error_text(&err, strings))
                        });
                    Some(Action::ImageReady {
                        item,
                        image,
                        sketch: None,
                    })
                });
                false
            }
            Action::ImageReady {
                item,
                image,
                sketch,
            } => {
                self.preparing.remove(&item);
                match image {
                    Ok(image) => {
                        let drawing = progress.drawings.entry(item).or_default();
                        drawing.image = Some(image);
                        // A photo replaces the picture; a sketch it was not made from is kept
                        // only if this image is that sketch's rendering.
                        drawing.sketch = sketch;
                        drawing.updated = Some(now);
                        true
                    }
                    Err(error) => {
                        self.notify(fill(strings.image_failed, &[("error", &error)]), true);
                        false
                    }
                }
            }
            Action::OpenCanvas(item) => {
                let sketch = progress.drawings.get(&item).and_then(|d| d.sketch.clone());
                self.canvas = Some(Canvas::new(item, sketch));
                false
            }
            Action::KeepSketch(item, sketch) => {
                let drawing = progress.drawings.entry(item.clone()).or_default();
                let changed = drawing.sketch != sketch;
                drawing.sketch = sketch;
                if changed {
                    drawing.updated = Some(now);
                }
                if drawing.image.is_none() && drawing.sketch.is_none() {
                    progress.drawings.remove(&item);
                }
                changed
            }
            Action::CloseCanvas => {
                self.canvas = None;
                false
            }
            Action::SaveSketch(item, sketch) => {
                self.canvas = None;
                self.preparing.insert(item.clone());
                self.background.spawn(ctx, "render-sketch", move || {
                    let image =
                        crate::drawing::render::render_png(&sketch).map_err(|err| err.to_string());
                    Some(Action::ImageReady {
                        item,
                        image,
                        sketch: Some(sketch),
                    })
                });
                false
            }
            Action::AskExportPng(item) => {
                let kind = strings.png_kind;
                let name =
                    suggested_file_name(&self.file.student.name, &today(), "png", strings.unnamed);
                self.background.spawn(ctx, "export-png-dialog", move || {
                    rfd::FileDialog::new()
                        .set_file_name(name)
                        .add_filter(kind, &["png"])
                        .save_file()
                        .map(|path| Action::ExportPngTo(item, path))
                });
                false
            }
            Action::ExportPngTo(item, path) => {
                if let Some(image) = progress.drawings.get(&item).and_then(|d| d.image.clone()) {
                    self.write_in_background(ctx, "export-png", path, move || {
                        photo::to_png(&image).map_err(|err| photo_error_text(&err, strings))
                    });
                }
                false
            }
            Action::AskRemoveDrawing(item) => {
                self.confirm_remove = Some(item);
                false
            }
            Action::RemoveDrawing(item) => {
                self.confirm_remove = None;
                progress.drawings.remove(&item).is_some()
            }
            Action::CancelRemoveDrawing => {
                self.confirm_remove = None;
                false
            }
            Action::OpenClassView => {
                self.class
                    .get_or_insert_with(|| ClassView::new(Class::default()));
                false
            }
            Action::AskOpenClass { folder } => {
                let kind = strings.progress_file_kind;
                self.background.spawn(ctx, "class-dialog", move || {
                    let dialog = rfd::FileDialog::new();
                    let paths = if folder {
                        dialog.pick_folder().map(|path| vec![path])
                    } else {
                        dialog
                            .add_filter(kind, &[format::EXTENSION, "ron"])
                            .pick_files()
                    };
                    paths.map(Action::OpenClass)
                });
                false
            }
            Action::OpenClass(paths) => {
                self.class
                    .get_or_insert_with(|| ClassView::new(Class::default()));
                for path in paths {
                    if !self.class_paths.contains(&path) {
                        self.class_paths.push(path);
                    }
                }
                self.loading_class = true;
                let curriculum = Arc::clone(&self.curriculum);
                let paths = self.class_paths.clone();
                self.background.spawn(ctx, "load-class", move || {
                    Some(Action::ClassLoaded(crate::report::load_class(
                        &curriculum,
                        &paths,
                    )))
                });
                false
            }
            Action::ClassLoaded(class) => {
                self.loading_class = false;
                if self.class.is_some() {
                    self.class = Some(ClassView::new(class));
                }
                false
            }
            Action::CloseClass => {
                self.class = None;
                self.class_paths.clear();
                self.viewing = None;
                false
            }
            Action::ViewStudent(index) => {
                // Read the file again, completely (the class holds no drawing images).
                if let Some(row) = self
                    .class
                    .as_ref()
                    .and_then(|view| view.class.students.get(index))
                {
                    let path = row.path.clone();
                    self.background.spawn(ctx, "view-student", move || {
                        let result = format::read_path(&path)
                            .map(|imported| Box::new(imported.file))
                            .map_err(|err| format_error_text(&err, strings));
                        Some(Action::StudentLoaded(path, result))
                    });
                }
                false
            }
            Action::StudentLoaded(path, result) => {
                match result {
                    Ok(file) => {
                        let mentor = if self.file.student.name.trim().is_empty() {
                            strings.default_mentor.to_owned()
                        } else {
                            self.file.student.name.clone()
                        };
                        self.feedback_drafts
                            .entry(file.student.id.clone())
                            .or_insert_with(|| Feedback {
                                mentor,
                                ..Feedback::default()
                            });
                        self.viewing = Some(file);
                    }
                    Err(error) => {
                        let text = fill(
                            strings.class_problem,
                            &[
                                ("file", &crate::report::file_name(&path)),
                                ("error", &error),
                            ],
                        );
                        self.notify(text, true);
                    }
                }
                false
            }
            Action::AskExportReport { markdown } => {
                let (extension, kind) = if markdown {
                    ("md", strings.markdown_kind)
                } else {
                    ("csv", strings.csv_kind)
                };
                let name = format!("班级进度-{}.{extension}", today());
                self.background.spawn(ctx, "report-dialog", move || {
                    rfd::FileDialog::new()
                        .set_file_name(name)
                        .add_filter(kind, &[extension])
                        .save_file()
                        .map(|path| Action::ExportReportTo { path, markdown })
                });
                false
            }
            Action::ExportReportTo { path, markdown } => {
                if let Some(view) = &self.class {
                    let text = if markdown {
                        Ok(crate::report::markdown(&self.curriculum, &view.class))
                    } else {
                        crate::report::csv(
                            &self.curriculum,
                            &view.class,
                            crate::report::Table::Chapters,
                        )
                        .map_err(|err| err.to_string())
                    };
                    self.write_in_background(ctx, "export-report", path, move || {
                        text.map(String::into_bytes)
                    });
                }
                false
            }
            Action::JobDone => false,
        };
        if changed && let Some(autosave) = self.autosave.as_mut() {
            autosave.mark_dirty(Instant::now());
        }
    }

    /// A dropped image goes to the (first) task item; anything else is a progress file.
    fn dropped_file_action(&self, path: PathBuf) -> Action {
        if self.class.is_some() && self.viewing.is_none() {
            return Action::OpenClass(vec![path]);
        }
        let is_image = path
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| {
                matches!(
                    ext.to_ascii_lowercase().as_str(),
                    "png" | "jpg" | "jpeg" | "webp"
                )
            });
        let task = self
            .curriculum
            .items()
            .find(|(_, item)| item.kind == ItemKind::Task)
            .map(|(_, item)| item.id.clone());
        match task {
            Some(task) if is_image && self.viewing.is_none() => Action::AttachFrom(task, path),
            _ => Action::ImportFrom(path),
        }
    }

    /// The drawing of a task item (for tests and the canvas).
    pub fn drawing(&self, item: &ItemId) -> Option<&Drawing> {
        self.file.progress.drawings.get(item)
    }

    /// The sketch on the open canvas, if any.
    pub fn canvas_sketch(&self) -> Option<&Sketch> {
        self.canvas.as_ref().map(Canvas::sketch)
    }

    fn shortcuts(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let export = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::E);
        let import = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::O);
        ctx.input_mut(|input| {
            if input.consume_shortcut(&export) {
                actions.push(Action::AskExport { markdown: false });
            }
            if input.consume_shortcut(&import) {
                actions.push(Action::AskImport);
            }
        });
    }

    /// The file as it would be written now.
    fn stamped_file(&self) -> ProgressFile {
        let mut file = self.file.clone();
        file.stamp(&self.curriculum.version, Timestamp::now());
        file
    }

    fn ask_export(&mut self, ctx: &egui::Context, markdown: bool) {
        let strings = self.state.language.strings();
        let (extension, kind) = if markdown {
            ("md", strings.markdown_kind)
        } else {
            (format::EXTENSION, strings.progress_file_kind)
        };
        let name = suggested_file_name(
            &self.file.student.name,
            &today(),
            extension,
            strings.unnamed,
        );
        self.background.spawn(ctx, "export-dialog", move || {
            rfd::FileDialog::new()
                .set_file_name(name)
                .add_filter(kind, &[extension])
                .save_file()
                .map(|path| Action::ExportTo { path, markdown })
        });
    }

    fn export_to(&mut self, ctx: &egui::Context, path: PathBuf, markdown: bool) {
        let file = self.stamped_file();
        let text = if markdown {
            Ok(files::summary_markdown(&self.curriculum, &file))
        } else {
            format::to_string(&file).map_err(|err| err.to_string())
        };
        self.write_in_background(ctx, "export", path, move || text.map(String::into_bytes));
    }

    /// Writes what `contents` makes to `path`, atomically and off the UI thread; the outcome
    /// comes back as [`Action::ExportDone`].
    fn write_in_background(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        path: PathBuf,
        contents: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
    ) {
        self.background.spawn(ctx, name, move || {
            let result = contents().and_then(|bytes| {
                crate::storage::write_atomically(&path, &bytes, || Ok(()))
                    .map_err(|err| err.to_string())
            });
            Some(Action::ExportDone(result.map(|()| path)))
        });
    }

    fn read_for_import(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.reading_import = true;
        let strings = self.state.language.strings();
        self.background.spawn(ctx, "import-read", move || {
            let result = format::read_path(&path).map_err(|err| format_error_text(&err, strings));
            Some(Action::ImportRead { path, result })
        });
    }

    /// Starts the next queued import once nothing else is open.
    fn next_import(&mut self, ctx: &egui::Context) {
        if self.pending_import.is_none()
            && !self.reading_import
            && let Some(path) = self.import_queue.pop_front()
        {
            self.read_for_import(ctx, path);
        }
    }

    /// Saves in the background when due, and reports what the background work says.
    fn poll_background(&mut self, ctx: &egui::Context) {
        let strings = self.state.language.strings();
        let now = Instant::now();
        self.next_import(ctx);
        self.save_drafts_when_due(ctx, now);
        self.try_take_over(ctx, now);
        if let Some(autosave) = self.autosave.as_mut() {
            let file = &mut self.file;
            let version = &self.curriculum.version;
            let event = autosave.poll(now, || {
                file.stamp(version, Timestamp::now());
                file.clone()
            });
            if let Some(wake) = autosave.next_wake(now) {
                ctx.request_repaint_after(wake);
            }
            match event {
                Some(SaveEvent::Failed(error)) => {
                    self.notify(fill(strings.save_failed, &[("error", &error)]), true);
                }
                Some(SaveEvent::Recovered) => self.notify(strings.save_recovered.to_owned(), false),
                None => {}
            }
        }
        for (url, error) in self.browser.take_failures() {
            let text = fill(strings.browser_failed, &[("url", &url), ("error", &error)]);
            self.notify(text, true);
        }
    }

    /// While another process holds the data folder, tries once a second to take it over;
    /// once the lock is free, reads the progress again (the other writer may have changed
    /// it) and starts saving.
    fn try_take_over(&mut self, ctx: &egui::Context, now: Instant) {
        let Some(locked_out) = &mut self.locked_out else {
            return;
        };
        let since = now.duration_since(locked_out.last_try);
        if since < LOCK_RETRY {
            ctx.request_repaint_after(LOCK_RETRY - since);
            return;
        }
        locked_out.last_try = now;
        // Only the lock is tried while another process holds it: no read of the progress.
        let lock = match locked_out.storage.lock(ROLE_APP, std::time::Duration::ZERO) {
            Ok(lock) => Some(lock),
            Err(LockError::Held(_)) => {
                ctx.request_repaint_after(LOCK_RETRY);
                return;
            }
            Err(LockError::Io(err)) => {
                log::warn!("the data folder could not be locked: {err}");
                None
            }
        };
        let strings = self.state.language.strings();
        let mut notices = Vec::new();
        let opened = open_locked(locked_out.storage.clone(), lock, strings, &mut notices);
        let notice = std::mem::take(&mut locked_out.notice);
        self.locked_out = None;
        self.notices.retain(|shown| shown.text != notice);
        self.file = opened
            .file
            .unwrap_or_else(|| ProgressFile::new(Student::new(""), &self.curriculum.version));
        self.name_draft = self.file.student.name.clone();
        self.feedback_drafts = opened.drafts;
        self.drafts_writable = opened.drafts_writable;
        self.autosave = opened.autosave;
        self.data_lock = opened.lock;
        self.undo = None;
        notices.insert(
            0,
            Notice {
                text: strings.data_folder_free.to_owned(),
                is_problem: false,
            },
        );
        self.notices.extend(notices);
        ctx.request_repaint();
    }

    fn notify(&mut self, text: String, is_problem: bool) {
        // The same message twice in a row is shown once.
        if self.notices.last().is_some_and(|last| last.text == text) {
            return;
        }
        self.notices.push(Notice { text, is_problem });
    }

    fn top_bar_ui(&self, ui: &mut egui::Ui, strings: &Strings, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(strings.app_title)
                    .size(theme::APP_TITLE_SIZE)
                    .strong(),
            );
            ui.separator();
            let completion = overall_completion(&self.curriculum, &self.file.progress);
            let count = fill(
                strings.count,
                &[
                    ("complete", &completion.complete().to_string()),
                    ("total", &completion.total.to_string()),
                ],
            );
            ui.label(strings.overall_progress);
            ui.add(
                egui::ProgressBar::new(completion.fraction())
                    .desired_width(theme::OVERALL_BAR_WIDTH)
                    .fill(theme::palette(ui.visuals()).done)
                    .text(format!("{count} · {:.0}%", completion.fraction() * 100.0)),
            );
            if ui
                .button(strings.continue_button)
                .on_hover_text(strings.continue_hint)
                .clicked()
            {
                actions.push(Action::Continue);
            }
            ui.separator();
            ui.menu_button(strings.export_menu, |ui| {
                let hint = fill(
                    strings.shortcut_hint,
                    &[("keys", &shortcut_text(ui, egui::Key::E))],
                );
                if ui
                    .button(strings.export_progress)
                    .on_hover_text(hint)
                    .clicked()
                {
                    actions.push(Action::AskExport { markdown: false });
                }
                if ui.button(strings.export_markdown).clicked() {
                    actions.push(Action::AskExport { markdown: true });
                }
            });
            let hint = fill(
                strings.shortcut_hint,
                &[("keys", &shortcut_text(ui, egui::Key::O))],
            );
            if ui
                .button(strings.import_button)
                .on_hover_text(hint)
                .clicked()
            {
                actions.push(Action::AskImport);
            }
            if self.undo.is_some() && ui.button(strings.undo_import).clicked() {
                actions.push(Action::UndoImport);
            }
            ui.separator();
            if ui
                .selectable_label(self.class.is_some(), strings.mentor_button)
                .clicked()
            {
                actions.push(if self.class.is_some() {
                    Action::CloseClass
                } else {
                    Action::OpenClassView
                });
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.menu_button(strings.settings, |ui| {
                    ui.label(strings.language);
                    for language in Language::ALL {
                        if ui
                            .radio(self.state.language == language, language.native_name())
                            .clicked()
                        {
                            actions.push(Action::SetLanguage(language));
                        }
                    }
                    ui.separator();
                    if ui.button(strings.expand_all).clicked() {
                        actions.push(Action::SetAllChaptersOpen(true));
                    }
                    if ui.button(strings.collapse_all).clicked() {
                        actions.push(Action::SetAllChaptersOpen(false));
                    }
                    ui.separator();
                    ui.label(format!(
                        "{}：{}",
                        strings.name_label,
                        display_name(&self.file, strings)
                    ));
                    if let Some(autosave) = &self.autosave {
                        ui.separator();
                        ui.label(
                            egui::RichText::new(fill(
                                strings.data_folder,
                                &[("path", &autosave.storage().dir().display().to_string())],
                            ))
                            .small()
                            .weak(),
                        );
                    }
                });
            });
        });
    }
}

impl eframe::App for StudyApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, UI_STATE_KEY, &self.state);
    }

    fn on_exit(&mut self) {
        self.flush();
    }
}

/// The item "continue" goes to: the last item touched if it is not complete, else the first
/// item not complete. `None` when everything is complete.
fn continue_target(curriculum: &Curriculum, progress: &Progress) -> Option<(ChapterId, ItemId)> {
    let last = progress
        .last_touched
        .as_ref()
        .and_then(|id| curriculum.item(id));
    last.filter(|(_, item)| !progress.state(&item.id).is_complete())
        .or_else(|| {
            curriculum
                .items()
                .find(|(_, item)| !progress.state(&item.id).is_complete())
        })
        .map(|(chapter, item)| (chapter.id.clone(), item.id.clone()))
}

/// Fonts, the image decoder and the curriculum's images: everything a context needs before the
/// first frame. Tests call it too.
///
/// Only images registered as bytes load (the curriculum's, and drawings): egui's own bytes
/// loader serves them and the `image` crate decodes them. No loader for `file://` or
/// `http(s)://` is installed (egui_extras is built without its `file` and `http` features),
/// so no URI a note or a file from someone else names is ever read or fetched.
pub fn setup_context(ctx: &egui::Context) {
    use egui_extras::loaders::image_loader::ImageCrateLoader;

    fonts::install(ctx);
    if !ctx.is_loader_installed(ImageCrateLoader::ID) {
        ctx.add_image_loader(Arc::new(ImageCrateLoader::default()));
    }
    for (path, bytes) in crate::embedded::images() {
        ctx.include_bytes(format!("{}{path}", super::CURRICULUM_IMAGE_SCHEME), *bytes);
    }
    ctx.all_styles_mut(|style| style.url_in_tooltip = true);
}

/// Takes every "open this URL" request egui produced this frame (markdown links, hyperlinks)
/// so that none reaches the platform unchecked; they become [`Action::OpenUrl`].
fn take_link_requests(ctx: &egui::Context, actions: &mut Vec<Action>) {
    ctx.output_mut(|output| {
        output.commands.retain(|command| match command {
            egui::OutputCommand::OpenUrl(open) => {
                actions.push(Action::OpenUrl(open.url.clone()));
                false
            }
            _ => true,
        });
    });
}

fn notices_ui(ui: &mut egui::Ui, notices: &[Notice], strings: &Strings, actions: &mut Vec<Action>) {
    let palette = theme::palette(ui.visuals());
    for (index, notice) in notices.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui.button(strings.dismiss).clicked() {
                actions.push(Action::DismissNotice(index));
            }
            let text = egui::RichText::new(&notice.text);
            // Long notices (paths, what to do) wrap instead of running off the window.
            ui.add(
                egui::Label::new(if notice.is_problem {
                    text.color(palette.warning)
                } else {
                    text
                })
                .wrap(),
            );
        });
    }
}

/// A window with a picture at full size: scroll to zoom, drag to pan.
fn image_viewer_ui(
    ctx: &egui::Context,
    title: &str,
    uri: &str,
    scene_rect: &mut egui::Rect,
    actions: &mut Vec<Action>,
) {
    let mut open = true;
    egui::Window::new(title)
        .open(&mut open)
        .default_size(theme::VIEWER_SIZE)
        .show(ctx, |ui| {
            egui::Scene::new()
                .zoom_range(0.1..=8.0)
                .show(ui, scene_rect, |ui| {
                    ui.add(egui::Image::from_uri(uri).fit_to_original_size(1.0));
                });
        });
    if !open {
        actions.push(Action::CloseImage);
    }
}

/// Today's date in local time, `2026-11-29`.
fn today() -> String {
    Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d")
        .to_string()
}

/// The image on the clipboard as PNG, where the platform allows.
fn clipboard_png() -> Option<Vec<u8>> {
    let mut clipboard = arboard::Clipboard::new().ok()?;
    let image = clipboard.get_image().ok()?;
    let width = u32::try_from(image.width).ok()?;
    let height = u32::try_from(image.height).ok()?;
    let rgba = image::RgbaImage::from_raw(width, height, image.bytes.into_owned())?;
    let mut png = Vec::new();
    rgba.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .ok()?;
    Some(png)
}

/// `Ctrl+E` (or `⌘E` on a Mac).
fn shortcut_text(ui: &egui::Ui, key: egui::Key) -> String {
    ui.ctx()
        .format_shortcut(&egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, key))
}

/// How long the window waits at start for another writer of its data folder (a command
/// finishing an import) before it opens read-only.
const LOCK_WAIT_AT_START: std::time::Duration = std::time::Duration::from_secs(1);
/// How often a read-only window tries to take its data folder over.
const LOCK_RETRY: std::time::Duration = std::time::Duration::from_secs(1);

/// What opening the data folder gave.
#[derive(Default)]
struct OpenedFolder {
    /// The saved progress, if any.
    file: Option<ProgressFile>,
    /// Saving, when this window may write.
    autosave: Option<Autosave>,
    /// The folder's lock, when this window holds it.
    lock: Option<DataLock>,
    /// The folder, when another process holds its lock, and the notice that says so.
    locked_out: Option<(Storage, String)>,
    /// The mentor's feedback drafts of an earlier run.
    drafts: HashMap<String, Feedback>,
    /// The drafts file may be written.
    drafts_writable: bool,
}

/// A data folder whose lock another process holds.
struct LockedOut {
    storage: Storage,
    /// When taking the lock was last tried.
    last_try: Instant,
    /// The notice that says so (removed when the folder is taken over).
    notice: String,
}

/// Takes the data folder's lock, removes stale temporary files, loads the progress and turns
/// every recovery into a notice. Without the lock, the progress is only read.
fn open_data_folder(
    storage: Storage,
    wait: std::time::Duration,
    strings: &Strings,
    notices: &mut Vec<Notice>,
) -> OpenedFolder {
    let lock = match storage.lock(ROLE_APP, wait) {
        Ok(lock) => Some(lock),
        Err(LockError::Held(holder)) => {
            let pid = holder.pid.map(|pid| pid.to_string()).unwrap_or_default();
            let holder = if holder.is_app() || holder.role.is_empty() {
                fill(strings.holder_app, &[("pid", &pid)])
            } else {
                fill(
                    strings.holder_command,
                    &[("command", &holder.role), ("pid", &pid)],
                )
            };
            let notice = fill(
                strings.data_folder_in_use,
                &[
                    ("holder", &holder),
                    ("path", &storage.dir().display().to_string()),
                ],
            );
            notices.push(Notice::problem(notice.clone()));
            return OpenedFolder {
                file: storage.read_saved().ok().flatten(),
                locked_out: Some((storage, notice)),
                ..OpenedFolder::default()
            };
        }
        Err(LockError::Io(err)) => {
            // A folder where no lock file can be made (read-only) cannot be written by anyone
            // either; saving is tried and its failure shown as usual.
            log::warn!("the data folder could not be locked: {err}");
            None
        }
    };
    open_locked(storage, lock, strings, notices)
}

/// [`open_data_folder`] once the lock is taken (or cannot exist): removes stale temporary
/// files, loads the progress and the drafts, and turns every recovery into a notice.
fn open_locked(
    storage: Storage,
    lock: Option<DataLock>,
    strings: &Strings,
    notices: &mut Vec<Notice>,
) -> OpenedFolder {
    let removed = storage.remove_stale_temporaries();
    if removed > 0 {
        log::info!("removed {removed} temporary file(s) left by interrupted saves");
    }
    let loaded = match storage.load(Timestamp::now()) {
        Ok(loaded) => loaded,
        Err(err) => {
            // Unreadable: never save over it.
            notices.push(Notice::problem(fill(
                strings.storage_unusable,
                &[("error", &err.to_string())],
            )));
            return OpenedFolder::default();
        }
    };
    // Recoveries, this one and those done by a command since the window last ran.
    for note in storage.take_recovery_notes() {
        // The damaged file is kept: read it again to say what is wrong in the UI language.
        let reason = format::read_path(&note.moved_to)
            .err()
            .map_or(note.reason, |err| format_error_text(&err, strings));
        let template = if note.from_backup {
            strings.recovered_from_backup
        } else {
            strings.recovered_empty
        };
        notices.push(Notice::problem(fill(
            template,
            &[
                ("reason", &reason),
                ("path", &note.moved_to.display().to_string()),
            ],
        )));
    }
    if let Some(Recovery::CouldNotMoveAside {
        reason,
        error,
        path,
    }) = loaded.recovery
    {
        notices.push(Notice::problem(fill(
            strings.damaged_not_moved,
            &[
                ("reason", &reason),
                ("error", &error),
                ("path", &path.display().to_string()),
            ],
        )));
        return OpenedFolder {
            file: loaded.file,
            lock,
            ..OpenedFolder::default()
        };
    }
    let (drafts, damaged) = storage.load_drafts(Timestamp::now());
    let mut drafts_writable = true;
    if let Some((reason, moved_to)) = damaged {
        drafts_writable = moved_to != storage.dir().join(crate::storage::DRAFTS_FILE);
        notices.push(Notice::problem(fill(
            strings.drafts_recovered,
            &[
                ("reason", &reason),
                ("path", &moved_to.display().to_string()),
            ],
        )));
    }
    OpenedFolder {
        file: loaded.file,
        autosave: Some(Autosave::new(storage)),
        lock,
        locked_out: None,
        drafts: drafts.into_iter().collect(),
        drafts_writable,
    }
}

/// Whether an action changes the student's own progress (refused while another process holds
/// the data folder, since it could not be saved).
fn writes_own_progress(action: &Action) -> bool {
    matches!(
        action,
        Action::ToggleDone(_)
            | Action::SetState(..)
            | Action::SkipChapter(..)
            | Action::SetNote(..)
            | Action::ConfirmMerge
            | Action::ReplaceWithImported
            | Action::UndoImport
            | Action::SetName(_)
            | Action::AskAttach(_)
            | Action::AttachFrom(..)
            | Action::PasteImage(_)
            | Action::ImageReady { .. }
            | Action::OpenCanvas(_)
            | Action::KeepSketch(..)
            | Action::SaveSketch(..)
            | Action::AskRemoveDrawing(_)
            | Action::RemoveDrawing(_)
    )
}
