//! One frame: the panels and windows drawn from the model, the keys, drops and links of
//! the frame gathered as actions and applied; the theme, text size and focus outline.

use std::path::PathBuf;

use crate::curriculum::ItemKind;
use crate::startup;

use crate::ui::action::{Action, DrawingAction, ImportAction, MentorAction, PlanAction};
use crate::ui::bars::{name_field_ui, notices_ui, path_prompt_ui, top_bar_ui};
use crate::ui::commands::Command;
use crate::ui::context::take_link_requests;
use crate::ui::drawing::{confirm_remove_ui, image_viewer_ui};
use crate::ui::exchange::{import_preview_ui, name_prompt_ui, viewing_banner_ui};
use crate::ui::feedback::{feedback_panel_ui, overall_feedback_ui};
use crate::ui::roadmap::{Shown, image_line};
use crate::ui::state::clamp_text_size;
use crate::ui::theme;

use super::StudyApp;

impl StudyApp {
    /// The first frame, traced: laid out, then painted (known when the next frame starts;
    /// eframe shows the window right after painting the first).
    pub(super) fn trace_first_frame(&mut self, ui: &mut egui::Ui, frame: &eframe::Frame) {
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

    /// Draws one frame into `ui` and applies what the student did.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let strings = self.model.strings();
        let startup_effects = std::mem::take(&mut self.startup_effects);
        self.carry_out(ui.ctx(), startup_effects);
        let mut actions = std::mem::take(&mut self.startup);
        self.appearance(ui.ctx(), &mut actions);
        let data_dir = self.autosave.as_ref().map(|a| a.storage().dir().to_owned());

        let class_shown = self.model.class_shown();
        egui::Panel::top("top_bar")
            .frame(theme::panel_frame(ui.style()))
            .show(ui, |ui| {
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
            egui::Panel::bottom("notices")
                .frame(theme::panel_frame(ui.style()))
                .show(ui, |ui| {
                    notices_ui(ui, self.model.notices.as_slice(), strings, &mut actions);
                });
        }
        let model = &self.model;
        let draft = model
            .import
            .viewing
            .as_ref()
            .and_then(|viewed| model.mentor.drafts.get(&viewed.student.id));
        if let (Some(viewed), Some(draft)) = (&model.import.viewing, draft) {
            egui::Panel::right("feedback")
                .frame(theme::panel_frame(ui.style()))
                .default_size(theme::FEEDBACK_PANEL_WIDTH)
                .show(ui, |ui| {
                    feedback_panel_ui(
                        ui,
                        &model.curriculum,
                        &viewed.student,
                        draft,
                        strings,
                        &mut actions,
                    );
                });
        }
        // The class view is a table of its own: it needs the width, not the chapter list.
        if !class_shown {
            egui::Panel::left("chapter_list")
                .frame(theme::panel_frame(ui.style()))
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
                    crate::ui::plan::calendar_ui(
                        ui,
                        &crate::plan::ActivityCalendar::new(
                            &days,
                            today,
                            crate::ui::plan::CALENDAR_WEEKS,
                        ),
                        strings,
                    );
                });
        }
        let search_open = self.search.is_open();
        egui::CentralPanel::default()
            .frame(theme::central_frame(ui.style()))
            .show(ui, |ui| {
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
            // This pass already has the old colours; eframe clears the window in the new
            // theme's panel colour (the panels have no fill): lay the pass out again rather
            // than show one frame of old text on the new background.
            ctx.request_discard("the theme changed");
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
                .map(|(_, path)| format!("{}{path}", crate::ui::CURRICULUM_IMAGE_SCHEME));
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
            let shown = crate::ui::plan::PlanShown {
                curriculum: &model.curriculum,
                file: model.plan.file.as_ref(),
                progress: model.shown_progress(),
                today: model.plan.today(jiff::Timestamp::now()),
                share_path: class_folder.and_then(|folder| model.plan.share_path(folder, strings)),
                class_folder,
                read_only: model.read_only,
            };
            crate::ui::plan::plan_window_ui(ctx, &shown, &mut self.plan_editor, strings, actions);
        }
        if let Some((path, read)) = &self.model.plan.pending {
            crate::ui::plan::plan_preview_ui(
                ctx,
                &self.model.curriculum,
                path,
                read,
                strings,
                actions,
            );
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

    /// A dropped image goes to the (first) task item; anything else is a progress file.
    fn dropped_file_action(&self, path: PathBuf) -> Action {
        if crate::ui::flow::plan::is_plan_path(&path) {
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
}
