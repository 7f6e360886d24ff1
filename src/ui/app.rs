//! The application: owns the state, draws the views, applies their actions in one place.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::autosave::{Autosave, SaveEvent};
use crate::curriculum::{ChapterId, Curriculum, ItemId, check_web_url};
use crate::format::{ProgressFile, Student};
use crate::progress::{ItemState, NoteTarget, Progress, overall_completion};
use crate::storage::{Recovery, Storage};

use super::browser::{Browser, SystemBrowser};
use super::i18n::{Language, Strings, fill};
use super::roadmap::RoadmapView;
use super::{fonts, theme};

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
    /// Show a curriculum picture full size.
    ShowImage {
        /// Window title.
        title: String,
        /// Path relative to `curriculum/`.
        path: String,
    },
    /// Close the picture viewer.
    CloseImage,
}

/// A message shown to the student until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// What happened, in the UI language.
    pub text: String,
    /// A problem (shown in the warning colour) rather than a confirmation.
    pub is_problem: bool,
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
    /// The picture shown full size: (title, path relative to `curriculum/`).
    viewer: Option<(String, String)>,
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
        let mut problem = |text: String| {
            notices.push(Notice {
                text,
                is_problem: true,
            });
        };
        let mut file = None;
        let mut autosave = None;
        match data_dir.map(Storage::open) {
            None => problem(strings.no_data_folder.to_owned()),
            Some(Err(err)) => problem(fill(
                strings.storage_unusable,
                &[("error", &err.to_string())],
            )),
            Some(Ok(storage)) => {
                storage.remove_stale_temporaries();
                match storage.load(Timestamp::now()) {
                    Err(err) => {
                        // Unreadable: never save over it.
                        problem(fill(
                            strings.storage_unusable,
                            &[("error", &err.to_string())],
                        ));
                    }
                    Ok(loaded) => {
                        file = loaded.file;
                        let keep_saving = match loaded.recovery {
                            None => true,
                            Some(Recovery::FromBackup { reason, moved_to }) => {
                                problem(fill(
                                    strings.recovered_from_backup,
                                    &[
                                        ("reason", &reason),
                                        ("path", &moved_to.display().to_string()),
                                    ],
                                ));
                                true
                            }
                            Some(Recovery::StartedEmpty { reason, moved_to }) => {
                                problem(fill(
                                    strings.recovered_empty,
                                    &[
                                        ("reason", &reason),
                                        ("path", &moved_to.display().to_string()),
                                    ],
                                ));
                                true
                            }
                            Some(Recovery::CouldNotMoveAside {
                                reason,
                                error,
                                path,
                            }) => {
                                problem(fill(
                                    strings.damaged_not_moved,
                                    &[
                                        ("reason", &reason),
                                        ("error", &error),
                                        ("path", &path.display().to_string()),
                                    ],
                                ));
                                false
                            }
                        };
                        if keep_saving {
                            autosave = Some(Autosave::new(storage));
                        }
                    }
                }
            }
        }
        let file = file.unwrap_or_else(|| ProgressFile::new(Student::new(""), &curriculum.version));
        Self {
            curriculum,
            state,
            file,
            autosave,
            roadmap: RoadmapView::default(),
            notices,
            browser,
            viewer: None,
        }
    }

    /// The app as eframe starts it: embedded curriculum, saved state, system browser.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        data_dir: Option<PathBuf>,
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
        let mut actions = Vec::new();

        egui::Panel::top("top_bar").show(ui, |ui| {
            self.top_bar_ui(ui, strings, &mut actions);
        });
        if !self.notices.is_empty() {
            egui::Panel::bottom("notices").show(ui, |ui| {
                notices_ui(ui, &self.notices, strings, &mut actions);
            });
        }
        egui::Panel::left("chapter_list")
            .default_size(theme::SIDE_PANEL_WIDTH)
            .show(ui, |ui| {
                self.roadmap.chapter_list_ui(
                    ui,
                    &self.curriculum,
                    &self.file.progress,
                    strings,
                    &mut actions,
                );
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.roadmap.roadmap_ui(
                ui,
                &self.curriculum,
                &self.state,
                &self.file.progress,
                strings,
                &mut actions,
            );
        });
        if let Some((title, path)) = &self.viewer {
            image_viewer_ui(ui.ctx(), title, path, &mut actions);
        }

        take_link_requests(ui.ctx(), &mut actions);
        for action in actions {
            self.apply(ui.ctx(), action);
        }
        self.poll_background(ui.ctx());
    }

    /// Applies one action. The only place where state changes.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let strings = self.state.language.strings();
        let now = Timestamp::now();
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
            Action::ShowImage { title, path } => {
                self.viewer = Some((title, path));
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
        };
        if changed && let Some(autosave) = self.autosave.as_mut() {
            autosave.mark_dirty(Instant::now());
        }
    }

    /// Saves in the background when due, and reports what the background work says.
    fn poll_background(&mut self, ctx: &egui::Context) {
        let strings = self.state.language.strings();
        let now = Instant::now();
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

/// Fonts, image loaders and the curriculum's images: everything a context needs before the
/// first frame. Tests call it too.
pub fn setup_context(ctx: &egui::Context) {
    fonts::install(ctx);
    egui_extras::install_image_loaders(ctx);
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
            ui.label(if notice.is_problem {
                text.color(palette.warning)
            } else {
                text
            });
        });
    }
}

/// A window with a curriculum picture at full size.
fn image_viewer_ui(ctx: &egui::Context, title: &str, path: &str, actions: &mut Vec<Action>) {
    let mut open = true;
    egui::Window::new(title)
        .open(&mut open)
        .default_size(theme::VIEWER_SIZE)
        .show(ctx, |ui| {
            egui::ScrollArea::both().show(ui, |ui| {
                ui.add(egui::Image::from_uri(format!(
                    "{}{path}",
                    super::CURRICULUM_IMAGE_SCHEME
                )));
            });
        });
    if !open {
        actions.push(Action::CloseImage);
    }
}
