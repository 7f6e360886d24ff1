//! The window: lays out the frame, routes what the views ask for to the update core
//! ([`Model::update`]) and hands the effects it returns to the runner. The progress is saved
//! by [`Autosave`]; the data folder's lock is held here for the window's lifetime.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use jiff::Timestamp;

use crate::autosave::{Autosave, SaveEvent};
use crate::curriculum::{Curriculum, ItemKind};
use crate::drawing::{Drawing, Sketch};
use crate::exchange::ImportPreview;
use crate::format::{ProgressFile, Student};
use crate::i18n::fill;
use crate::progress::Progress;
use crate::report::Class;
use crate::startup;
use crate::storage::{DataLock, LockError, ROLE_APP, Storage};

use super::action::{Action, DrawingAction, ImportAction, MentorAction, PlanAction};
use super::bars::{name_field_ui, notices_ui, path_prompt_ui, top_bar_ui};
use super::browser::{Browser, SystemBrowser};
use super::canvas::Canvas;
use super::commands::Command;
use super::context::{setup_context, take_link_requests};
use super::data_folder::{
    LOCK_RETRY, LOCK_WAIT_AT_START, LockedOut, OpenedFolder, open_data_folder, open_locked,
};
use super::drawing::{confirm_remove_ui, image_viewer_ui};
use super::effect::{Effect, Now, Outcome};
use super::exchange::{import_preview_ui, name_prompt_ui, viewing_banner_ui};
use super::feedback::{feedback_panel_ui, overall_feedback_ui};
use super::flow::Model;
use super::palette::PaletteView;
use super::roadmap::{RoadmapView, Shown, image_line};
use super::runner::Runner;
use super::search::SearchView;
use super::state::{Notice, UiState, clamp_text_size};
use super::{fonts, theme};

/// How long closing the window waits for a copy being written into the class folder.
const HAND_IN_WAIT_ON_EXIT: std::time::Duration = std::time::Duration::from_secs(3);

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
        let mut opened = opened;
        let file = opened
            .file
            .take()
            .unwrap_or_else(|| ProgressFile::new(Student::new(""), &curriculum.version));
        let mut model = Model::new(curriculum, state, file);
        model.notices.extend(notices);
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

    fn listen_if_holding_the_lock(&mut self) {
        if self.listen_for_opens
            && self.data_lock.is_some()
            && let Some(autosave) = &self.autosave
        {
            let dir = autosave.storage().dir().to_owned();
            self.startup_effects.push(Effect::ListenForOpens(dir));
        }
    }

    /// The app as eframe starts it: embedded curriculum, saved state, system browser, the
    /// data folder `main` chose (none: progress kept in memory, with a warning).
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        data_dir: Option<PathBuf>,
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
        startup::mark("window state read");
        let curriculum = Arc::clone(crate::embedded::curriculum());
        startup::mark("curriculum parsed");
        let app = Self::open(
            curriculum,
            data_dir,
            state,
            Box::new(SystemBrowser::default()),
        );
        startup::mark("data folder locked, progress read");
        let app = app
            .with_files(files)
            .listening_for_second_launches(&cc.egui_ctx, incoming);
        startup::mark("second-launch listener");
        app
    }

    /// The update core's state (for tests).
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The search window, for tests: whether it is open and what it lists.
    pub fn search(&self) -> Option<&crate::search::Results> {
        self.search.is_open().then(|| self.search.results())
    }

    /// The chapter or item framed in the roadmap because a search hit was opened, if any.
    pub fn found(&self) -> Option<&super::effect::ScrollTarget> {
        self.roadmap.found()
    }

    /// The class view's class, if open.
    pub fn class(&self) -> Option<&Class> {
        self.model.mentor.class.as_ref().map(|view| &view.class)
    }

    /// The student's own progress file (name, id, progress).
    pub fn file(&self) -> &ProgressFile {
        &self.model.file
    }

    /// The import preview on screen, if any.
    pub fn pending_import(&self) -> Option<&ImportPreview> {
        self.model
            .import
            .pending
            .as_ref()
            .map(|(_, preview)| preview.as_ref())
    }

    /// Another student's file shown read-only, if any.
    pub fn viewing(&self) -> Option<&ProgressFile> {
        self.model.import.viewing.as_deref()
    }

    /// Whether background work (dialogs, file reads and writes) is still running.
    pub fn is_busy(&self) -> bool {
        self.runner.is_busy()
    }

    /// The window state (for tests and for saving).
    pub fn state(&self) -> &UiState {
        &self.model.state
    }

    /// The student's progress.
    pub fn progress(&self) -> &Progress {
        &self.model.file.progress
    }

    /// Notices currently shown.
    pub fn notices(&self) -> &[Notice] {
        self.model.notices.as_slice()
    }

    /// The drawing of a task item (for tests and the canvas).
    pub fn drawing(&self, item: &crate::curriculum::ItemId) -> Option<&Drawing> {
        self.model.file.progress.drawings.get(item)
    }

    /// The sketch on the open canvas, if any.
    pub fn canvas_sketch(&self) -> Option<&Sketch> {
        self.model.drawing.canvas.as_ref().map(Canvas::sketch)
    }

    /// Fixes "today" for the plan's pace and the calendar (tests and screenshots; the app
    /// itself follows the clock).
    pub fn set_today(&mut self, today: Option<jiff::civil::Date>) {
        self.model.plan.today = today;
        let now = Now::current();
        let today = self.model.plan.today(now.time);
        if let Some(view) = &mut self.model.mentor.class {
            view.set_pace(&self.model.curriculum, self.model.plan.plan(), today);
        }
    }

    /// Shows or hides the class charts (benchmarks compare the class view with and without).
    pub fn show_class_charts(&mut self, open: bool) {
        if let Some(view) = &mut self.model.mentor.class {
            view.charts_open = open;
        }
    }

    /// The plan in use.
    pub fn plan(&self) -> Option<&crate::plan::PlanFile> {
        self.model.plan.file.as_ref()
    }

    /// The plan file waiting in its preview.
    pub fn pending_plan(&self) -> Option<&crate::plan::ReadPlan> {
        self.model.plan.pending.as_ref().map(|(_, read)| read)
    }

    /// Writes unsaved progress now (on exit; tests use it to simulate one).
    pub fn flush(&mut self) {
        self.model
            .file
            .stamp(&self.model.curriculum.version, Timestamp::now());
        if let Some(autosave) = self.autosave.as_mut()
            && let Err(err) = autosave.flush(&self.model.file)
        {
            log::error!("saving on exit failed: {err}");
            let text = fill(
                self.model.strings().save_failed,
                &[("error", &err.to_string())],
            );
            self.model.notices.problem(text);
        }
        self.hand_in_now();
    }

    /// Writes the class folder's copy now if it is behind (on exit), waiting for nothing
    /// else; a folder that cannot be reached is only logged (the copy is written next time).
    fn hand_in_now(&mut self) {
        // A copy still being written finishes first, so an older one never lands last.
        let deadline = Instant::now() + HAND_IN_WAIT_ON_EXIT;
        while self.model.hand_in.writing && Instant::now() < deadline {
            for outcome in self.runner.poll() {
                // Only the hand-in matters now; whatever else finished is dropped on exit.
                let _ = self.model.receive(outcome, Now::current());
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let model = &mut self.model;
        if model.read_only || model.hand_in.dirty_since.is_none() {
            return;
        }
        let Some(folder) = model.state.class_folder.clone() else {
            return;
        };
        let path = folder.join(super::flow::hand_in::file_name(&model.file));
        let written = crate::format::to_string(&model.file)
            .map_err(|err| err.to_string())
            .and_then(|text| {
                crate::storage::write_atomically(&path, text.as_bytes(), || Ok(()))
                    .map_err(|err| err.to_string())
            });
        match written {
            Ok(()) => {
                model.hand_in.dirty_since = None;
                model
                    .hand_in
                    .handed_in(Ok(path), (Timestamp::now(), Instant::now()));
            }
            Err(error) => log::warn!("handing in to {} failed: {error}", folder.display()),
        }
    }

    /// The first frame, traced: laid out, then painted (known when the next frame starts;
    /// eframe shows the window right after painting the first).
    fn trace_first_frame(&mut self, ui: &mut egui::Ui, frame: &eframe::Frame) {
        self.traced_frames += 1;
        if self.traced_frames == 1 {
            startup::mark("first frame begins (egui pass begun: font definitions loaded)");
            self.show(ui);
            startup::mark("first frame laid out (glyphs rasterised, Markdown parsed)");
            // A second frame, so that the painting of the first is seen.
            ui.ctx().request_repaint();
        } else {
            startup::mark("first frame painted, window shown (second frame begins)");
            if let Some(seconds) = frame.info().cpu_usage {
                startup::note(&format!(
                    "first frame in eframe (layout, tessellation, painting): {:.1} ms",
                    seconds * 1000.0
                ));
            }
            self.show(ui);
        }
    }

    /// Applies one action now and carries out what it needs.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let effects = self.model.update(action, Now::current());
        self.carry_out(ctx, effects);
    }

    /// Draws one frame into `ui` and applies what the student did.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let strings = self.model.strings();
        let startup_effects = std::mem::take(&mut self.startup_effects);
        self.carry_out(ui.ctx(), startup_effects);
        let mut actions = std::mem::take(&mut self.startup);
        self.appearance(ui.ctx(), &mut actions);
        let data_dir = self.autosave.as_ref().map(|a| a.storage().dir().to_owned());

        let class_shown = self.model.class_shown();
        egui::Panel::top("top_bar").show(ui, |ui| {
            top_bar_ui(ui, &mut self.model, data_dir.as_deref(), &mut actions);
            let model = &mut self.model;
            if let Some(viewed) = &model.import.viewing {
                viewing_banner_ui(ui, viewed, strings, &mut actions);
            } else {
                // The class view asks the mentor's own name instead.
                if model.file.student.name.trim().is_empty() && !class_shown {
                    name_prompt_ui(ui, &mut model.name_draft, strings, &mut actions);
                }
                overall_feedback_ui(ui, &model.file.progress, strings);
            }
        });
        // Shortcuts wait while a window or dialog is open (Ctrl+O during a preview would start
        // a second import; Ctrl+K over the search would type into the search behind it).
        if !self.model.window_open() && !self.search.is_open() {
            for command in Command::pressed(ui.ctx()) {
                actions.extend(command.action(&self.model));
            }
        }
        if !self.model.notices.as_slice().is_empty() {
            egui::Panel::bottom("notices").show(ui, |ui| {
                notices_ui(ui, self.model.notices.as_slice(), strings, &mut actions);
            });
        }
        let model = &mut self.model;
        let draft = model
            .import
            .viewing
            .as_ref()
            .and_then(|viewed| model.mentor.drafts.get_mut(&viewed.student.id));
        if let (Some(viewed), Some(draft)) = (&model.import.viewing, draft) {
            egui::Panel::right("feedback")
                .default_size(theme::FEEDBACK_PANEL_WIDTH)
                .show(ui, |ui| {
                    feedback_panel_ui(
                        ui,
                        &model.curriculum,
                        strings.display_name(&viewed.student),
                        draft,
                        strings,
                        &mut actions,
                    );
                });
        }
        // The class view is a table of its own: it needs the width, not the chapter list.
        if !class_shown {
            egui::Panel::left("chapter_list")
                .default_size(theme::SIDE_PANEL_WIDTH)
                .show(ui, |ui| {
                    self.roadmap.chapter_list_ui(
                        ui,
                        &self.model.curriculum,
                        self.model.shown_progress(),
                        strings,
                        &mut actions,
                    );
                    // The days this student worked: their own page, or a mentor's drill-down.
                    ui.separator();
                    ui.strong(strings.calendar_title);
                    let today = self.model.plan.today(jiff::Timestamp::now());
                    let days = crate::plan::activity_days(
                        self.model.shown_progress(),
                        &jiff::tz::TimeZone::system(),
                    );
                    super::plan::calendar_ui(
                        ui,
                        &crate::plan::ActivityCalendar::new(
                            &days,
                            today,
                            super::plan::CALENDAR_WEEKS,
                        ),
                        strings,
                    );
                });
        }
        let search_open = self.search.is_open();
        egui::CentralPanel::default().show(ui, |ui| {
            let model = &mut self.model;
            if class_shown {
                if model.state.mentor_name.trim().is_empty() {
                    ui.horizontal(|ui| {
                        ui.label(strings.mentor_name_prompt);
                        let draft = &mut model.mentor.name_draft;
                        if name_field_ui(ui, strings.mentor_name_label, draft, strings) {
                            actions.push(MentorAction::SetName(draft.clone()).into());
                        }
                    });
                    ui.separator();
                }
                if let Some(class) = &mut model.mentor.class {
                    if model.mentor.loading {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label(strings.class_loading);
                        });
                    }
                    let today = model.plan.today(jiff::Timestamp::now());
                    class.class_ui(
                        ui,
                        &model.curriculum,
                        model.plan.plan(),
                        today,
                        strings,
                        &mut actions,
                    );
                }
                return;
            }
            // Keys act on the roadmap only while no window is over it (Esc must reach the
            // window: egui has already taken the focus from its text field then).
            let keyboard = !model.window_open() && !search_open;
            let shown = Shown {
                curriculum: &model.curriculum,
                state: &model.state,
                progress: model.shown_progress(),
                read_only: model.import.viewing.is_some() || model.read_only,
                preparing: &model.drawing.preparing,
                keyboard,
            };
            self.roadmap.roadmap_ui(ui, &shown, strings, &mut actions);
        });
        self.windows_ui(ui.ctx(), &mut actions);
        self.palette.ui(ui.ctx(), &self.model, &mut actions);
        self.search.search_ui(
            ui.ctx(),
            &self.model.curriculum,
            self.model.shown_progress(),
            strings,
            &mut actions,
        );
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
        take_link_requests(ui.ctx(), &mut actions);
        self.focus_ring(ui.ctx());
        if !actions.is_empty() {
            // The frame was drawn before the actions changed anything: show their effect.
            ui.ctx().request_repaint();
        }
        for action in actions {
            self.apply(ui.ctx(), action);
        }
        self.poll(ui.ctx());
    }

    /// Applies the chosen theme and text size; a zoom by egui's keys (Ctrl+plus/minus)
    /// becomes the text size, within its limits.
    fn appearance(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let preference = self.model.state.theme.preference();
        if ctx.options(|options| options.theme_preference) != preference {
            ctx.set_theme(preference);
        }
        let zoom = ctx.zoom_factor();
        if let Some(applied) = self.applied_zoom
            && (zoom - applied).abs() > 0.001
        {
            let percent = (zoom * 100.0).round().clamp(0.0, f32::from(u16::MAX)) as u16;
            actions.push(Action::SetTextSize(clamp_text_size(percent)));
            self.applied_zoom = Some(zoom);
            return;
        }
        let wanted = f32::from(self.model.state.text_size) / 100.0;
        if self.applied_zoom != Some(wanted) {
            ctx.set_zoom_factor(wanted);
            self.applied_zoom = Some(wanted);
        }
    }

    /// An outline around the focused widget while the keyboard moves the focus, over any
    /// widget (egui draws none for frameless ones: seven Tabs in a row showed nothing).
    fn focus_ring(&mut self, ctx: &egui::Context) {
        let (tabbed, clicked) = ctx.input(|input| {
            (
                input.key_pressed(egui::Key::Tab)
                    || input.key_pressed(egui::Key::ArrowDown)
                    || input.key_pressed(egui::Key::ArrowUp),
                input.pointer.any_pressed(),
            )
        });
        if tabbed {
            self.keyboard_focus = true;
        } else if clicked {
            self.keyboard_focus = false;
        }
        if !self.keyboard_focus {
            return;
        }
        let Some(focused) = ctx
            .memory(|memory| memory.focused())
            .and_then(|id| ctx.read_response(id))
        else {
            return;
        };
        let color = ctx.global_style().visuals.selection.stroke.color;
        ctx.layer_painter(focused.layer_id).rect_stroke(
            focused.rect.expand(1.0),
            3.0,
            egui::Stroke::new(theme::FOCUS_RING_WIDTH, color),
            egui::StrokeKind::Outside,
        );
    }

    /// The windows over the roadmap: picture viewer, canvas, "remove?", import preview.
    fn windows_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let strings = self.model.strings();
        let drawing = &mut self.model.drawing;
        if let Some(viewer) = &mut drawing.viewer {
            image_viewer_ui(ctx, viewer, actions);
        }
        if let Some(canvas) = &mut drawing.canvas {
            // The task's own example picture, shown beside the page while drawing.
            let example = self
                .model
                .curriculum
                .item(&canvas.item)
                .and_then(|(_, item)| item.body.lines().find_map(image_line))
                .map(|(_, path)| format!("{}{path}", super::CURRICULUM_IMAGE_SCHEME));
            canvas.window_ui(ctx, example.as_deref(), strings, actions);
        }
        if let Some(item) = &drawing.confirm_remove {
            confirm_remove_ui(ctx, item, strings, actions);
        }
        if let Some(prompt) = &mut self.model.path_prompt {
            path_prompt_ui(ctx, prompt, strings, actions);
        }
        if self.model.plan.open {
            // Which of the class's paths is a folder: asked of the file system when they
            // change, not every frame (a network share can take a while to answer).
            if self.class_folder.0 != self.model.mentor.paths {
                let folder = self
                    .model
                    .mentor
                    .paths
                    .iter()
                    .find(|path| path.is_dir())
                    .cloned();
                self.class_folder = (self.model.mentor.paths.clone(), folder);
            }
            let model = &self.model;
            // Only a mentor shares into the class folder: a student's plan is their own (and
            // must not replace the mentor's file there).
            let class_folder = model
                .mentor
                .class
                .as_ref()
                .and(self.class_folder.1.as_deref());
            let shown = super::plan::PlanShown {
                curriculum: &model.curriculum,
                file: model.plan.file.as_ref(),
                progress: model.shown_progress(),
                today: model.plan.today(jiff::Timestamp::now()),
                share_path: class_folder.and_then(|folder| model.plan.share_path(folder, strings)),
                class_folder,
                read_only: model.read_only,
            };
            super::plan::plan_window_ui(ctx, &shown, &mut self.plan_editor, strings, actions);
        }
        if let Some((path, read)) = &self.model.plan.pending {
            super::plan::plan_preview_ui(ctx, &self.model.curriculum, path, read, strings, actions);
        }
        if let Some((source, preview)) = &self.model.import.pending {
            import_preview_ui(
                ctx,
                preview,
                source,
                &self.model.curriculum,
                strings,
                actions,
            );
        }
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

    /// A dropped image goes to the (first) task item; anything else is a progress file.
    fn dropped_file_action(&self, path: PathBuf) -> Action {
        if super::flow::plan::is_plan_path(&path) {
            return PlanAction::From(path).into();
        }
        if self.model.class_shown() {
            return MentorAction::Add(vec![path]).into();
        }
        let task = self
            .model
            .curriculum
            .items()
            .find(|(_, item)| item.kind == ItemKind::Task)
            .map(|(_, item)| item.id.clone());
        match task {
            Some(task)
                if crate::drawing::photo::is_image_path(&path)
                    && self.model.import.viewing.is_none() =>
            {
                DrawingAction::AttachFrom(task, path).into()
            }
            _ => ImportAction::From(path).into(),
        }
    }

    /// Takes over what opening a data folder gave: the progress, saving, the lock, drafts.
    fn take(&mut self, opened: OpenedFolder) {
        let OpenedFolder {
            file,
            autosave,
            lock,
            locked_out,
            drafts,
            drafts_writable,
            profile,
        } = opened;
        if let Some(profile) = profile {
            // The data folder's profile wins over the window's remembered state.
            if !profile.mentor_name.trim().is_empty() {
                self.model
                    .mentor
                    .name_draft
                    .clone_from(&profile.mentor_name);
                self.model.state.mentor_name = profile.mentor_name;
            }
            if profile.class_folder.is_some() {
                self.model.state.class_folder = profile.class_folder;
            }
            if !profile.class_paths.is_empty() {
                self.model.state.class_paths = profile.class_paths;
            }
        }
        if let Some(file) = file {
            self.model.name_draft = file.student.name.clone();
            self.model.file = file;
        }
        if let Some(autosave) = &autosave {
            match autosave.storage().load_plan() {
                Ok(plan) => self.model.plan.file = plan,
                Err(error) => self.model.notices.problem(fill(
                    self.model.strings().plan_read_failed,
                    &[("path", crate::storage::PLAN_FILE), ("error", &error)],
                )),
            }
        }
        self.model.saving = autosave.is_some();
        self.model.read_only = locked_out.is_some();
        self.model.mentor.drafts = drafts;
        self.model.mentor.drafts_kept_as_they_are = !drafts_writable;
        self.autosave = autosave;
        self.data_lock = lock;
        self.listen_if_holding_the_lock();
        self.locked_out = locked_out.map(|(storage, notice)| LockedOut {
            storage,
            last_try: Instant::now(),
            notice,
        });
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
        let strings = self.model.strings();
        let mut notices = Vec::new();
        let storage = locked_out.storage.clone();
        let notice = std::mem::take(&mut locked_out.notice);
        let opened = open_locked(storage, lock, strings, &mut notices);
        self.model.notices.remove_text(&notice);
        let fresh = ProgressFile::new(Student::new(""), &self.model.curriculum.version);
        self.model.file = fresh;
        self.model.name_draft.clear();
        self.model.import.undo = None;
        // A preview computed against the read-only snapshot would merge into stale progress.
        self.model.import.pending = None;
        self.take(opened);
        // The other writer may have changed the progress: the class folder's copy follows,
        // and the folder is watched from now on.
        self.model.hand_in.changed(Instant::now());
        let effects = self.model.class_folder_effects();
        self.carry_out(ctx, effects);
        self.model.notices.info(strings.data_folder_free.to_owned());
        self.model.notices.extend(notices);
        ctx.request_repaint();
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

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, UI_STATE_KEY, &self.model.state);
    }

    fn on_exit(&mut self) {
        self.flush();
    }
}
