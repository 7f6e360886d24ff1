//! The study plan window (the plan, each chapter's target date, the activity calendar and
//! the editor), a plan file's preview, the pace beside the overall progress, and the
//! activity calendar widget.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;

use crate::curriculum::{ChapterId, Curriculum};
use crate::i18n::{Strings, fill};
use crate::plan::{ActivityCalendar, ChapterTarget, Pace, Plan, PlanFile, ReadPlan, add_days};
use crate::progress::Progress;

use super::action::{Action, PlanAction};
use super::flow::plan::author_or_unnamed;
use super::texts::plan_repair_text;
use super::{local_time, theme};

/// Weeks the activity calendar shows.
pub const CALENDAR_WEEKS: usize = 8;
/// Side of one day of the calendar, in points.
const CELL: f32 = 11.0;
/// Days of a new plan when there is none yet (six weeks: a winter break).
const NEW_PLAN_DAYS: i64 = 41;

/// The plan window's id (tests find its area by it).
pub const PLAN_WINDOW_ID: &str = "plan_window";

/// The editor's fields as typed (view state).
#[derive(Default)]
pub struct PlanEditor {
    start: String,
    end: String,
    dues: BTreeMap<ChapterId, (String, bool)>,
    /// The plan the fields were filled from (refilled when another one is in use).
    filled_from: Option<Option<Plan>>,
}

impl PlanEditor {
    fn fill(&mut self, plan: &Plan) {
        self.start = plan.start.to_string();
        self.end = plan.end.to_string();
        self.dues = plan
            .chapters
            .iter()
            .map(|t| (t.chapter.clone(), (t.due.to_string(), t.optional)))
            .collect();
    }

    /// The plan the fields describe, or the first field that is not a date.
    fn plan(&self, curriculum: &Curriculum) -> Result<Plan, String> {
        let date = |text: &str| {
            text.trim()
                .parse::<Date>()
                .map_err(|_| text.trim().to_owned())
        };
        let start = date(&self.start)?;
        let end = date(&self.end)?;
        let mut chapters = Vec::new();
        for chapter in &curriculum.chapters {
            if let Some((due, optional)) = self.dues.get(&chapter.id) {
                chapters.push(ChapterTarget {
                    chapter: chapter.id.clone(),
                    due: date(due)?,
                    optional: *optional,
                });
            }
        }
        Ok(Plan {
            start,
            end,
            chapters,
        })
    }
}

/// What the plan window shows about the person on screen.
pub struct PlanShown<'a> {
    /// The roadmap.
    pub curriculum: &'a Curriculum,
    /// The plan in use.
    pub file: Option<&'a PlanFile>,
    /// Whose progress the chapter table and the calendar show.
    pub progress: &'a Progress,
    /// Today.
    pub today: Date,
    /// A folder of the class view where the plan file can go directly.
    pub class_folder: Option<&'a Path>,
    /// The share path in that folder.
    pub share_path: Option<std::path::PathBuf>,
    /// Another process holds the data folder: the plan can be seen, not changed.
    pub read_only: bool,
}

/// The plan window.
pub fn plan_window_ui(
    ctx: &egui::Context,
    shown: &PlanShown<'_>,
    editor: &mut PlanEditor,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    let mut open = true;
    egui::Window::new(strings.plan_title)
        // Not the title: it changes with the language.
        .id(egui::Id::unique(PLAN_WINDOW_ID))
        .open(&mut open)
        .default_width(theme::PREVIEW_WIDTH)
        .default_height(theme::PLAN_WINDOW_HEIGHT)
        // Over the roadmap, below the top bar, where the search opens too.
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(egui::pos2(ctx.content_rect().center().x, theme::SEARCH_TOP))
        .vscroll(true)
        .show(ctx, |ui| {
            let curriculum = shown.curriculum;
            match shown.file {
                Some(file) => {
                    if file.author.trim().is_empty() {
                        ui.label(strings.plan_own);
                    } else {
                        let time = file.written.map_or_else(|| "-".to_owned(), local_time);
                        ui.label(fill(
                            strings.plan_from,
                            &[("author", file.author.trim()), ("time", &time)],
                        ));
                    }
                    let pace =
                        crate::plan::pace(curriculum, &file.plan, shown.progress, shown.today);
                    ui.label(fill(
                        strings.plan_range,
                        &[
                            ("start", &file.plan.start.to_string()),
                            ("end", &file.plan.end.to_string()),
                        ],
                    ));
                    pace_line_ui(ui, curriculum, &pace, strings);
                    share_ui(ui, shown, strings, actions);
                    ui.add_space(4.0);
                    chapters_ui(ui, curriculum, &pace, strings);
                }
                None => {
                    ui.label(strings.plan_none);
                }
            }
            ui.separator();
            ui.strong(strings.calendar_title);
            let days = crate::plan::activity_days(shown.progress, &jiff::tz::TimeZone::system());
            calendar_ui(
                ui,
                &ActivityCalendar::new(&days, shown.today, CALENDAR_WEEKS),
                strings,
            );
            ui.separator();
            editor_ui(ui, shown, editor, strings, actions);
        });
    if !open {
        actions.push(PlanAction::Show(false).into());
    }
}

/// "This week: 三、数据处理 · 4 items behind", for a pace.
pub fn pace_line_ui(ui: &mut egui::Ui, curriculum: &Curriculum, pace: &Pace, strings: &Strings) {
    let palette = theme::palette(ui.visuals());
    ui.horizontal_wrapped(|ui| {
        if let Some(chapter) = pace.current.as_ref().and_then(|id| curriculum.chapter(id)) {
            ui.label(fill(strings.this_week, &[("chapter", &chapter.title)]));
            ui.label("·");
        }
        let text = egui::RichText::new(crate::report::pace_text(pace.status, strings));
        let behind = matches!(pace.status, crate::plan::PaceStatus::Behind(_));
        ui.label(if behind {
            text.color(palette.warning)
        } else {
            text.color(palette.done)
        })
        .on_hover_text(fill(
            strings.pace_detail,
            &[
                ("done", &pace.done.to_string()),
                ("expected", &pace.expected_low.to_string()),
                ("total", &pace.total.to_string()),
            ],
        ));
    });
}

/// Each chapter's target date and progress; an overdue one is marked (never a pop-up).
fn chapters_ui(ui: &mut egui::Ui, curriculum: &Curriculum, pace: &Pace, strings: &Strings) {
    let palette = theme::palette(ui.visuals());
    egui::Grid::new("plan_chapters")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.strong(strings.plan_col_chapter);
            ui.strong(strings.plan_col_due);
            ui.strong(strings.plan_col_progress);
            ui.label("");
            ui.end_row();
            for chapter in &pace.chapters {
                let title = curriculum.chapter_title(&chapter.chapter);
                let current = pace.current.as_ref() == Some(&chapter.chapter);
                ui.label(if current {
                    egui::RichText::new(title).strong()
                } else {
                    egui::RichText::new(title)
                });
                ui.label(chapter.due.to_string());
                ui.label(format!("{}/{}", chapter.complete, chapter.total));
                if chapter.overdue {
                    ui.label(egui::RichText::new(strings.plan_overdue).color(palette.warning));
                } else if chapter.optional {
                    ui.label(egui::RichText::new(strings.plan_optional).weak());
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
}

fn editor_ui(
    ui: &mut egui::Ui,
    shown: &PlanShown<'_>,
    editor: &mut PlanEditor,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    let curriculum = shown.curriculum;
    let current = shown.file.map(|file| file.plan.clone());
    if editor.filled_from.as_ref() != Some(&current) {
        let plan = current.clone().unwrap_or_else(|| {
            crate::plan::default_plan(
                curriculum,
                shown.today,
                add_days(shown.today, NEW_PLAN_DAYS),
            )
        });
        editor.fill(&plan);
        editor.filled_from = Some(current);
    }
    egui::CollapsingHeader::new(strings.plan_edit)
        .default_open(shown.file.is_none())
        .show(ui, |ui| {
            let palette = theme::palette(ui.visuals());
            let typed = editor.plan(curriculum);
            if let Err(text) = &typed {
                ui.label(
                    egui::RichText::new(fill(strings.plan_bad_date, &[("text", text)]))
                        .color(palette.warning),
                );
            }
            ui.horizontal_wrapped(|ui| {
                if let Ok((start, end)) = editor
                    .start
                    .trim()
                    .parse::<Date>()
                    .and_then(|s| editor.end.trim().parse::<Date>().map(|e| (s, e)))
                    && ui
                        .button(strings.plan_spread)
                        .on_hover_text(strings.plan_spread_hint)
                        .clicked()
                {
                    editor.fill(&crate::plan::default_plan(curriculum, start, end));
                }
                if ui
                    .add_enabled(
                        typed.is_ok() && !shown.read_only,
                        egui::Button::new(strings.plan_save),
                    )
                    .clicked()
                    && let Ok(plan) = typed
                {
                    actions.push(PlanAction::Set(plan).into());
                }
                if shown.file.is_some()
                    && ui
                        .add_enabled(!shown.read_only, egui::Button::new(strings.plan_remove))
                        .clicked()
                {
                    actions.push(PlanAction::Remove.into());
                }
            });
            egui::Grid::new("plan_editor")
                .num_columns(3)
                .show(ui, |ui| {
                    date_field_ui(
                        ui,
                        strings.plan_start,
                        strings.plan_start,
                        &mut editor.start,
                        strings,
                    );
                    ui.end_row();
                    date_field_ui(
                        ui,
                        strings.plan_end,
                        strings.plan_end,
                        &mut editor.end,
                        strings,
                    );
                    ui.end_row();
                    for chapter in &curriculum.chapters {
                        let (due, optional) = editor
                            .dues
                            .entry(chapter.id.clone())
                            .or_insert_with(|| (editor.end.clone(), chapter.elective));
                        let name = fill(strings.plan_due_of, &[("chapter", &chapter.title)]);
                        date_field_ui(ui, &chapter.title, &name, due, strings);
                        ui.checkbox(optional, strings.plan_optional);
                        ui.end_row();
                    }
                });
        });
}

/// Sharing the plan: a file anywhere, or straight into the class folder.
fn share_ui(
    ui: &mut egui::Ui,
    shown: &PlanShown<'_>,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    if shown.file.is_some() {
        ui.horizontal_wrapped(|ui| {
            if ui.button(strings.plan_share).clicked() {
                actions.push(PlanAction::AskShare.into());
            }
            if let (Some(folder), Some(path)) = (shown.class_folder, &shown.share_path) {
                let label = fill(
                    strings.plan_share_to_folder,
                    &[("folder", &crate::report::file_name(folder))],
                );
                if ui.button(label).clicked() {
                    actions.push(PlanAction::ShareTo(path.clone()).into());
                }
            }
        });
        ui.label(egui::RichText::new(strings.plan_share_hint).small().weak());
    }
}

/// A date field with its label; a text that is not a date is marked.
fn date_field_ui(ui: &mut egui::Ui, label: &str, name: &str, text: &mut String, strings: &Strings) {
    let palette = theme::palette(ui.visuals());
    let label = ui.label(label);
    let valid = text.trim().parse::<Date>().is_ok();
    let response = ui
        .add(
            // min_size: in a grid a field only as wide as it is allowed never widens its
            // column (the dates were cut to "202").
            egui::TextEdit::singleline(text)
                .desired_width(theme::DATE_FIELD_WIDTH)
                .min_size(egui::vec2(theme::DATE_FIELD_WIDTH, 0.0))
                .hint_text("2027-01-11"),
        )
        .labelled_by(label.id)
        .on_hover_text(name);
    if !valid {
        response.on_hover_text(fill(strings.plan_bad_date, &[("text", text.trim())]));
        ui.painter().rect_stroke(
            ui.min_rect(),
            0.0,
            egui::Stroke::new(1.0, palette.warning),
            egui::StrokeKind::Outside,
        );
    }
}

/// A plan file's preview: from whom, the dates, what was cleaned; nothing changes until it
/// is accepted.
pub fn plan_preview_ui(
    ctx: &egui::Context,
    curriculum: &Curriculum,
    path: &Path,
    read: &ReadPlan,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    let modal = egui::Modal::new(egui::Id::unique("plan_preview")).show(ctx, |ui| {
        ui.set_max_width(theme::PREVIEW_WIDTH);
        ui.heading(strings.plan_title);
        let file = &read.file;
        let time = file.written.map_or_else(|| "-".to_owned(), local_time);
        ui.label(fill(
            strings.plan_preview_from,
            &[
                ("author", author_or_unnamed(file, strings)),
                ("time", &time),
                ("start", &file.plan.start.to_string()),
                ("end", &file.plan.end.to_string()),
                ("count", &file.plan.chapters.len().to_string()),
            ],
        ));
        ui.label(
            egui::RichText::new(path.display().to_string())
                .small()
                .weak(),
        );
        egui::Grid::new("plan_preview_chapters")
            .striped(true)
            .show(ui, |ui| {
                for target in &file.plan.chapters {
                    let title = curriculum.chapter_title(&target.chapter);
                    ui.label(title);
                    ui.label(target.due.to_string());
                    ui.label(if target.optional {
                        strings.plan_optional
                    } else {
                        ""
                    });
                    ui.end_row();
                }
            });
        for repair in &read.repairs {
            ui.label(egui::RichText::new(plan_repair_text(repair, strings)).weak());
        }
        ui.separator();
        ui.label(strings.plan_preview_note);
        ui.horizontal(|ui| {
            if ui.button(strings.plan_accept).clicked() {
                actions.push(PlanAction::Accept.into());
            }
            if ui.button(strings.cancel).clicked() {
                actions.push(PlanAction::Reject.into());
            }
        });
    });
    if modal.should_close() {
        actions.push(PlanAction::Reject.into());
    }
}

/// The activity calendar: one column per week, Monday at the top; darker is busier. Only
/// counts, never a streak.
pub fn calendar_ui(ui: &mut egui::Ui, calendar: &ActivityCalendar, strings: &Strings) {
    let palette = theme::palette(ui.visuals());
    let gap = 2.0;
    let weeks = calendar.weeks.len();
    let size = egui::vec2(weeks as f32 * (CELL + gap), 7.0 * (CELL + gap));
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let summary = fill(
        strings.calendar_summary,
        &[
            ("days", &calendar.active_days.to_string()),
            ("weeks", &weeks.to_string()),
        ],
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &summary));
    let painter = ui.painter_at(rect);
    let mut hovered = None;
    for (week, days) in calendar.weeks.iter().enumerate() {
        for (weekday, count) in days.iter().enumerate() {
            let date = calendar.date(week, weekday);
            if date > calendar.today {
                continue;
            }
            let min =
                rect.min + egui::vec2(week as f32 * (CELL + gap), weekday as f32 * (CELL + gap));
            let cell = egui::Rect::from_min_size(min, egui::vec2(CELL, CELL));
            let level = ActivityCalendar::level(*count);
            let color = if level == 0 {
                palette.empty_day
            } else {
                palette
                    .done
                    .gamma_multiply(0.25 + 0.1875 * f32::from(level))
            };
            painter.rect_filled(cell, 2.0, color);
            if date == calendar.today {
                painter.rect_stroke(
                    cell,
                    2.0,
                    egui::Stroke::new(1.0, palette.weak),
                    egui::StrokeKind::Outside,
                );
            }
            if response
                .hover_pos()
                .is_some_and(|pos| cell.expand(gap / 2.0).contains(pos))
            {
                hovered = Some((date, *count));
            }
        }
    }
    if let Some((date, count)) = hovered {
        response.on_hover_text(fill(
            strings.calendar_day,
            &[("date", &date.to_string()), ("count", &count.to_string())],
        ));
    }
    ui.label(egui::RichText::new(summary).small().weak());
}
