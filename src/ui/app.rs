//! The application: owns the state, draws the views, applies their actions in one place.

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::curriculum::{ChapterId, Curriculum, ItemId, check_web_url};
use crate::progress::{Progress, overall_completion};

use super::browser::{Browser, SystemBrowser};
use super::i18n::{Language, Strings, fill};
use super::roadmap::RoadmapView;
use super::{fonts, theme};

/// Key of the window-level state in eframe's storage.
const UI_STATE_KEY: &str = "study-companion-ui";

/// What the window remembers between runs (in eframe's own storage, next to the window size).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    /// UI language.
    pub language: Language,

    /// Chapters the student left open.
    pub open_chapters: BTreeSet<ChapterId>,

    /// The student's ticks (kept here until progress gets its own storage).
    pub progress: Progress,
}

/// Everything a view can ask the app to do; applied once per frame by [`StudyApp::apply`].
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Tick or untick an item.
    ToggleDone(ItemId),
    /// Open or close a chapter.
    SetChapterOpen(ChapterId, bool),
    /// Open or close every chapter.
    SetAllChaptersOpen(bool),
    /// Open a chapter and scroll to it.
    GoToChapter(ChapterId),
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
    roadmap: RoadmapView,
    notices: Vec<Notice>,
    browser: Box<dyn Browser>,
    /// The picture shown full size: (title, path relative to `curriculum/`).
    viewer: Option<(String, String)>,
}

impl StudyApp {
    /// An app over `curriculum` with the given saved state and browser.
    pub fn new(curriculum: Arc<Curriculum>, state: UiState, browser: Box<dyn Browser>) -> Self {
        Self {
            curriculum,
            state,
            roadmap: RoadmapView::default(),
            notices: Vec::new(),
            browser,
            viewer: None,
        }
    }

    /// The app as eframe starts it: embedded curriculum, saved state, system browser.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>) -> Self {
        setup_context(&cc.egui_ctx);
        fonts::install_system_fallback(&cc.egui_ctx);
        let state = cc
            .storage
            .and_then(|storage| eframe::get_value::<UiState>(storage, UI_STATE_KEY))
            .unwrap_or_default();
        Self::new(
            Arc::clone(crate::embedded::curriculum()),
            state,
            Box::new(SystemBrowser::default()),
        )
    }

    /// The saved state (for tests and for saving).
    pub fn state(&self) -> &UiState {
        &self.state
    }

    /// Notices currently shown.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
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
                    &self.state.progress,
                    strings,
                    &mut actions,
                );
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.roadmap
                .roadmap_ui(ui, &self.curriculum, &self.state, strings, &mut actions);
        });

        if let Some((title, path)) = &self.viewer {
            image_viewer_ui(ui.ctx(), title, path, &mut actions);
        }

        take_link_requests(ui.ctx(), &mut actions);
        for action in actions {
            self.apply(ui.ctx(), action);
        }
        for (url, error) in self.browser.take_failures() {
            let text = fill(strings.browser_failed, &[("url", &url), ("error", &error)]);
            self.notify(text, true);
        }
    }

    /// Applies one action. The only place where state changes.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let strings = self.state.language.strings();
        match action {
            Action::ToggleDone(id) => self.state.progress.toggle_done(&id, jiff::Timestamp::now()),
            Action::SetChapterOpen(id, open) => {
                if open {
                    self.state.open_chapters.insert(id);
                } else {
                    self.state.open_chapters.remove(&id);
                }
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
            }
            Action::GoToChapter(id) => {
                self.roadmap.scroll_to(id.clone());
                self.state.open_chapters.insert(id);
            }
            Action::OpenUrl(url) => match check_web_url(&url) {
                Ok(()) => self.browser.open(&url),
                Err(reason) => {
                    let text = fill(
                        strings.link_refused,
                        &[("url", &url), ("reason", &reason.to_string())],
                    );
                    self.notify(text, true);
                }
            },
            Action::CopyUrl(url) => {
                ctx.copy_text(url.clone());
                self.notify(fill(strings.copied, &[("url", &url)]), false);
            }
            Action::SetLanguage(language) => self.state.language = language,
            Action::ShowImage { title, path } => self.viewer = Some((title, path)),
            Action::CloseImage => self.viewer = None,
            Action::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
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
            let completion = overall_completion(&self.curriculum, &self.state.progress);
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
                    .desired_width(220.0)
                    .fill(theme::palette(ui.visuals()).done)
                    .text(format!("{count} · {:.0}%", completion.fraction() * 100.0)),
            );
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
