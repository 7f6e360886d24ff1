//! What tests, benchmarks and screenshots may read of the window (and the few things they
//! may set: today's date, the class charts), apart from the frame and its routing.

use crate::drawing::{Drawing, Sketch};
use crate::exchange::ImportPreview;
use crate::format::ProgressFile;
use crate::progress::Progress;
use crate::report::Class;

use crate::ui::canvas::Canvas;
use crate::ui::effect::Now;
use crate::ui::flow::Model;
use crate::ui::state::{Notice, UiState};

use super::StudyApp;

impl StudyApp {
    /// The update core's state (for tests).
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The search window, for tests: whether it is open and what it lists.
    pub fn search(&self) -> Option<&crate::search::Results> {
        self.search.is_open().then(|| self.search.results())
    }

    /// The chapter or item framed in the roadmap because a search hit was opened, if any.
    pub fn found(&self) -> Option<&crate::ui::effect::ScrollTarget> {
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
}
