//! The window: lays out the frame, routes what the views ask for to the update core
//! ([`Model::update`]) and hands the effects it returns to the runner. The progress is saved
//! by [`Autosave`]; the data folder's lock is held here for the window's lifetime.

mod folder;
mod frame;
mod inspect;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use jiff::Timestamp;

use crate::autosave::{Autosave, SaveEvent};
use crate::curriculum::Curriculum;
use crate::format::{ProgressFile, Student};
use crate::i18n::fill;
use crate::startup;
use crate::storage::DataLock;

use super::action::Action;
use super::browser::{Browser, SystemBrowser};
use super::context::setup_context;
use super::data_folder::{LOCK_WAIT_AT_START, LockedOut, OpenedFolder, open_folder};
use super::effect::{Effect, Now, Outcome};
use super::flow::Model;
use super::fonts;
use super::palette::PaletteView;
use super::roadmap::RoadmapView;
use super::runner::Runner;
use super::search::SearchView;
use super::state::{UiState, clamp_text_size};
use super::theme;

/// Key of the window-level state in eframe's storage.
const UI_STATE_KEY: &str = "study-companion-ui";

/// The Study Companion app.
pub struct StudyApp {
    model: Model,
    roadmap: RoadmapView,
    search: SearchView,
    runner: Runner,
    autosave: Option<Autosave>,
    /// The data folder's lock, held while this window may write there.
    data_lock: Option<DataLock>,
    /// Another process holds the data folder: the window only shows the progress, and tries
    /// to take the folder over.
    locked_out: Option<LockedOut>,
    /// Actions to apply in the first frame (files given on the command line).
    startup: Vec<Action>,
    /// Effects to carry out in the first frame (watching the class folder).
    startup_effects: Vec<Effect>,
    /// Second launches on this data folder hand their files to this window.
    listen_for_opens: bool,
    /// The zoom factor this window last set from [`UiState::text_size`]; another value in
    /// the context means egui's zoom keys changed it.
    applied_zoom: Option<f32>,
    /// The keyboard moved the focus last (Tab, arrows), not the mouse: the focused widget
    /// gets an outline.
    keyboard_focus: bool,
    /// The command palette and the shortcut sheet.
    palette: PaletteView,
    /// The plan editor's fields as typed.
    plan_editor: super::plan::PlanEditor,
    /// The class view's paths, and the first of them that is a folder (where the mentor
    /// shares a plan).
    class_folder: (Vec<PathBuf>, Option<PathBuf>),
    /// Frames seen by the start-up trace (it follows the first two).
    traced_frames: u8,
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
        let opened = open_folder(data_dir, LOCK_WAIT_AT_START);
        Self::with_folder(curriculum, opened, state, browser)
    }

    /// An app over `curriculum` and a data folder already opened (see [`super::data_folder::Opening`]).
    pub fn with_folder(
        curriculum: Arc<Curriculum>,
        mut opened: OpenedFolder,
        state: UiState,
        browser: Box<dyn Browser>,
    ) -> Self {
        let file = opened
            .file
            .take()
            .unwrap_or_else(|| ProgressFile::new(Student::new(""), &curriculum.version));
        let mut model = Model::new(curriculum, state, file);
        model.default_folder = dirs::document_dir()
            .or_else(dirs::desktop_dir)
            .or_else(dirs::home_dir);
        let mut app = Self {
            model,
            startup_effects: Vec::new(),
            roadmap: RoadmapView::default(),
            search: SearchView::default(),
            runner: Runner::new(browser),
            autosave: None,
            data_lock: None,
            locked_out: None,
            startup: Vec::new(),
            listen_for_opens: false,
            applied_zoom: None,
            keyboard_focus: false,
            palette: PaletteView::default(),
            plan_editor: super::plan::PlanEditor::default(),
            traced_frames: 0,
            class_folder: (Vec::new(), None),
        };
        app.take(opened);
        app.startup_effects = app.model.class_folder_effects();
        app
    }

    /// Progress files to import (or view) once the window is up, e.g. from a double-click.
    pub fn with_files(mut self, files: Vec<PathBuf>) -> Self {
        if !files.is_empty() {
            self.startup.push(Action::open(files));
        }
        self
    }

    /// Listens for second launches on this data folder (see [`crate::instance`]) once the
    /// window holds its lock: the app started by the system does; tests need not.
    ///
    /// `incoming`: what `main` claimed before the window opened
    /// ([`crate::instance::claim_or_forward`]); without it the window claims the name itself
    /// once it holds the data folder's lock.
    pub fn listening_for_second_launches(
        mut self,
        ctx: &egui::Context,
        incoming: Option<crate::instance::Incoming>,
    ) -> Self {
        self.listen_for_opens = true;
        match incoming {
            Some(incoming) => self.runner.receive_second_launches(ctx, incoming),
            None => self.listen_if_holding_the_lock(),
        }
        self
    }

    /// The app as eframe starts it: embedded curriculum, saved state, system browser, the
    /// data folder `main` opened while the window was being created (see [`super::data_folder::Opening`]).
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        opened: OpenedFolder,
        files: Vec<PathBuf>,
        incoming: Option<crate::instance::Incoming>,
    ) -> Self {
        setup_context(&cc.egui_ctx);
        fonts::install_system_fallback(&cc.egui_ctx);
        startup::mark("fonts, images and style registered (loaded lazily)");
        let mut state = cc
            .storage
            .and_then(|storage| eframe::get_value::<UiState>(storage, UI_STATE_KEY))
            .unwrap_or_default();
        state.text_size = clamp_text_size(state.text_size);
        // Before the first frame, which would otherwise be laid out twice (see `appearance`).
        cc.egui_ctx.set_theme(state.theme.preference());
        startup::mark("window state read");
        // Parsed already, on the opening thread.
        let curriculum = Arc::clone(crate::embedded::curriculum());
        let app = Self::with_folder(
            curriculum,
            opened,
            state,
            Box::new(SystemBrowser::default()),
        );
        startup::mark("app state built");
        let app = app
            .with_files(files)
            .listening_for_second_launches(&cc.egui_ctx, incoming);
        startup::mark("second-launch listener");
        app
    }

    /// Applies one action now and carries out what it needs.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let effects = self.model.update(action, Now::current());
        self.carry_out(ctx, effects);
    }

    /// Carries out effects, and what their immediate outcomes ask for in turn.
    fn carry_out(&mut self, ctx: &egui::Context, effects: Vec<Effect>) {
        let mut queue = VecDeque::from(effects);
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::ProgressChanged => {
                    if let Some(autosave) = self.autosave.as_mut() {
                        autosave.mark_dirty(Instant::now());
                    }
                }
                Effect::ScrollTo(target) => self.roadmap.scroll_to(target),
                Effect::Highlight(target) => self.roadmap.highlight(target),
                Effect::OpenSearch => self.search.open(),
                effect => {
                    let storage = self.autosave.as_ref().map(Autosave::storage);
                    if let Some(outcome) =
                        self.runner
                            .run(ctx, effect, &self.model.curriculum, storage)
                    {
                        queue.extend(self.model.receive(outcome, Now::current()));
                    }
                }
            }
        }
    }

    /// Takes what background work found, saves when due, and reports saving problems.
    fn poll(&mut self, ctx: &egui::Context) {
        let outcomes = self.runner.poll();
        let opens = self.runner.second_launches(ctx);
        for outcome in outcomes.into_iter().chain(opens) {
            self.receive(ctx, outcome);
        }
        let (effects, wake) = self.model.due(Now::current());
        if let Some(wake) = wake {
            ctx.request_repaint_after(wake);
        }
        self.carry_out(ctx, effects);
        self.try_take_over(ctx, Instant::now());
        let strings = self.model.strings();
        if let Some(autosave) = self.autosave.as_mut() {
            let now = Instant::now();
            let file = &mut self.model.file;
            let version = &self.model.curriculum.version;
            let event = autosave.poll(now, || {
                file.stamp(version, Timestamp::now());
                file.clone()
            });
            if let Some(wake) = autosave.next_wake(now) {
                ctx.request_repaint_after(wake);
            }
            match event {
                Some(SaveEvent::Failed(error)) => {
                    self.model
                        .notices
                        .problem(fill(strings.save_failed, &[("error", &error)]));
                }
                Some(SaveEvent::Recovered) => {
                    self.model.notices.info(strings.save_recovered.to_owned());
                }
                None => {}
            }
        }
        for (url, error) in self.runner.browser_failures() {
            let text = fill(strings.browser_failed, &[("url", &url), ("error", &error)]);
            self.model.notices.problem(text);
        }
    }

    /// Takes one outcome of background work (tests hand in their own).
    pub fn receive(&mut self, ctx: &egui::Context, outcome: Outcome) {
        let effects = self.model.receive(outcome, Now::current());
        self.carry_out(ctx, effects);
    }
}

impl eframe::App for StudyApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if self.traced_frames < 2 && startup::enabled() {
            self.trace_first_frame(ui, frame);
        } else {
            self.show(ui);
        }
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        theme::clear_color(visuals)
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, UI_STATE_KEY, &self.model.state);
    }

    fn on_exit(&mut self) {
        self.flush();
    }
}
