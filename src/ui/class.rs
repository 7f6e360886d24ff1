//! The mentor's class view: one row per student, a column per chapter; sort, filter, flag
//! inactive students, open one student's roadmap read-only, export reports.

use egui_extras::{Column as TableColumn, TableBuilder};
use jiff::Timestamp;

use crate::curriculum::Curriculum;
use crate::report::{self, Class, Column};

use super::action::{Action, MentorAction};
use super::widgets::labelled_bar_ui;
use super::{local_time, theme};
use crate::i18n::{Strings, fill};

/// How many names of skipped files a note lists before "…".
const SKIPPED_NAMES_SHOWN: usize = 5;

/// The loaded class and how it is shown (runtime only).
pub struct ClassView {
    /// The class, rows in the shown order.
    pub class: Class,
    sort: Column,
    descending: bool,
    filter: String,
    inactive_days: u32,
    /// What changed per student since the class was last read, shown until that student is
    /// opened.
    pub changes: std::collections::BTreeMap<String, report::RowChange>,
    /// The charts' numbers, computed when first drawn after the class or the plan changed.
    pub charts: Option<super::charts::ClassCharts>,
    /// The charts are shown.
    pub charts_open: bool,
}

impl ClassView {
    /// Shows `class`, sorted by name.
    pub fn new(mut class: Class) -> Self {
        report::sort_rows(&mut class.students, Column::Name, false);
        Self {
            class,
            sort: Column::Name,
            descending: false,
            filter: String::new(),
            inactive_days: theme::DEFAULT_INACTIVE_DAYS,
            changes: std::collections::BTreeMap::new(),
            charts: None,
            charts_open: true,
        }
    }

    /// Sets every row's pace against `plan` on `today`, sorted again if by pace.
    pub fn set_pace(
        &mut self,
        curriculum: &Curriculum,
        plan: Option<&crate::plan::Plan>,
        today: jiff::civil::Date,
    ) {
        report::set_pace(&mut self.class, curriculum, plan, today);
        report::sort_rows(&mut self.class.students, self.sort, self.descending);
        self.charts = None;
    }

    /// Shows `class` instead, sorted as the view is.
    pub fn set_class(&mut self, mut class: Class) {
        report::sort_rows(&mut class.students, self.sort, self.descending);
        self.class = class;
        self.charts = None;
    }

    /// Sorts by `column` (a second click on the same column reverses the order).
    pub fn sort_by(&mut self, column: Column) {
        if self.sort == column {
            self.descending = !self.descending;
        } else {
            self.sort = column;
            // Names A→Z; numbers and dates largest first.
            self.descending = column != Column::Name;
        }
        report::sort_rows(&mut self.class.students, self.sort, self.descending);
    }

    /// The class view.
    pub fn class_ui(
        &mut self,
        ui: &mut egui::Ui,
        curriculum: &Curriculum,
        plan: Option<&crate::plan::Plan>,
        today: jiff::civil::Date,
        strings: &Strings,
        actions: &mut Vec<Action>,
    ) {
        let palette = theme::palette(ui.visuals());
        ui.horizontal_wrapped(|ui| {
            ui.heading(fill(
                strings.class_heading,
                &[("count", &self.class.students.len().to_string())],
            ));
            if ui.button(strings.open_files).clicked() {
                actions.push(Action::Mentor(MentorAction::AskAdd { folder: false }));
            }
            if ui.button(strings.open_folder).clicked() {
                actions.push(Action::Mentor(MentorAction::AskAdd { folder: true }));
            }
            ui.separator();
            let label = ui.label(strings.filter_by_name);
            ui.add(egui::TextEdit::singleline(&mut self.filter).desired_width(120.0))
                .labelled_by(label.id);
            let label = ui.label(strings.inactive_days);
            ui.add(egui::DragValue::new(&mut self.inactive_days).range(1..=365))
                .labelled_by(label.id);
            ui.separator();
            if ui.button(strings.export_csv).clicked() {
                actions.push(Action::Mentor(MentorAction::AskExportReport {
                    markdown: false,
                }));
            }
            if ui.button(strings.export_report_md).clicked() {
                actions.push(Action::Mentor(MentorAction::AskExportReport {
                    markdown: true,
                }));
            }
            if ui.button(strings.export_all_feedback).clicked() {
                actions.push(Action::Mentor(MentorAction::AskExportAllFeedback));
            }
            if ui.button(strings.plan_title).clicked() {
                actions.push(super::action::PlanAction::Show(true).into());
            }
            if ui.button(strings.close_class).clicked() {
                actions.push(Action::Mentor(MentorAction::Close));
            }
        });
        ui.label(egui::RichText::new(strings.class_hint).small().weak());

        for (path, error) in &self.class.problems {
            ui.label(
                egui::RichText::new(fill(
                    strings.class_problem,
                    &[("file", &report::file_name(path)), ("error", error)],
                ))
                .color(palette.warning),
            );
        }
        for (path, _) in &self.class.unsettled {
            ui.label(
                egui::RichText::new(fill(
                    strings.class_unsettled,
                    &[("file", &report::file_name(path))],
                ))
                .weak(),
            );
        }
        for skipped in &self.class.skipped {
            ui.label(
                egui::RichText::new(fill(
                    strings.class_skipped,
                    &[
                        ("count", &skipped.files.len().to_string()),
                        ("folder", &report::file_name(&skipped.folder)),
                        (
                            "files",
                            &report::skipped_names(skipped, SKIPPED_NAMES_SHOWN),
                        ),
                    ],
                ))
                .weak(),
            );
        }

        let header = egui::CollapsingHeader::new(strings.charts_title)
            .open(Some(self.charts_open))
            .show(ui, |ui| match plan {
                Some(plan) => {
                    let charts = self.charts.get_or_insert_with(|| {
                        super::charts::ClassCharts::new(curriculum, plan, &self.class, today)
                    });
                    charts.ui(ui, curriculum, plan, strings);
                }
                None => {
                    ui.label(egui::RichText::new(strings.chart_no_plan).weak());
                }
            });
        if header.header_response.clicked() {
            self.charts_open = !self.charts_open;
        }

        let now = Timestamp::now();
        let chapters = curriculum.chapters.len();
        let mut clicked_column = None;
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .resizable(false)
            .column(TableColumn::initial(150.0).at_least(100.0));
        table = table.columns(TableColumn::auto().at_least(44.0), chapters);
        table
            .column(TableColumn::initial(150.0))
            .column(TableColumn::auto().at_least(90.0))
            .column(TableColumn::auto().at_least(130.0))
            .column(TableColumn::auto().at_least(50.0))
            .column(TableColumn::auto().at_least(40.0))
            .column(TableColumn::remainder())
            .header(theme::TABLE_HEADER_HEIGHT, |mut header| {
                let mut sortable = |header: &mut egui_extras::TableRow<'_, '_>,
                                    label: String,
                                    tip: &str,
                                    column: Column| {
                    header.col(|ui| {
                        let marker = if self.sort == column {
                            if self.descending { " ↓" } else { " ↑" }
                        } else {
                            ""
                        };
                        if ui
                            .add(
                                egui::Button::new(
                                    egui::RichText::new(format!("{label}{marker}")).strong(),
                                )
                                .frame(false),
                            )
                            .on_hover_text(tip)
                            .clicked()
                        {
                            clicked_column = Some(column);
                        }
                    });
                };
                sortable(
                    &mut header,
                    strings.column_name.to_owned(),
                    strings.column_name,
                    Column::Name,
                );
                for (index, chapter) in curriculum.chapters.iter().enumerate() {
                    let short: String = chapter
                        .title
                        .chars()
                        .take_while(|c| *c != '、' && *c != '：')
                        .collect();
                    sortable(&mut header, short, &chapter.title, Column::Chapter(index));
                }
                sortable(
                    &mut header,
                    strings.column_total.to_owned(),
                    strings.column_total,
                    Column::Total,
                );
                sortable(
                    &mut header,
                    strings.report_col_pace.to_owned(),
                    strings.report_col_pace,
                    Column::Pace,
                );
                sortable(
                    &mut header,
                    strings.column_last_activity.to_owned(),
                    strings.column_last_activity,
                    Column::LastActivity,
                );
                sortable(
                    &mut header,
                    strings.column_drawing.to_owned(),
                    strings.column_drawing,
                    Column::Drawing,
                );
                header.col(|ui| {
                    ui.strong(strings.column_feedback);
                });
                header.col(|ui| {
                    ui.strong(strings.column_notes);
                });
            })
            .body(|body| {
                // Only the rows in view are laid out (a class of 200 drew every row).
                let shown: Vec<usize> = (0..self.class.students.len())
                    .filter(|&index| {
                        report::matches_filter(&self.class.students[index], &self.filter)
                    })
                    .collect();
                body.rows(theme::TABLE_ROW_HEIGHT, shown.len(), |mut table_row| {
                    let Some((index, row)) = shown
                        .get(table_row.index())
                        .and_then(|&index| Some((index, self.class.students.get(index)?)))
                    else {
                        return;
                    };
                    let inactive = report::is_inactive(row, now, self.inactive_days);
                    {
                        table_row.col(|ui| {
                            if ui
                                .link(strings.display_name(&row.file.student))
                                .on_hover_text(strings.open_student_hint)
                                .clicked()
                            {
                                actions.push(Action::Mentor(MentorAction::ViewStudent(index)));
                            }
                        });
                        for chapter in &row.chapters {
                            table_row.col(|ui| {
                                ui.label(format!("{:.0}%", chapter.fraction() * 100.0));
                            });
                        }
                        table_row.col(|ui| {
                            let text = format!("{}/{}", row.total.complete(), row.total.total);
                            let width = (ui.available_width() - 40.0).max(20.0);
                            labelled_bar_ui(ui, row.total.fraction(), width, &text);
                        });
                        table_row.col(|ui| match &row.pace {
                            Some(pace) => {
                                let text =
                                    egui::RichText::new(report::pace_text(pace.status, strings));
                                let behind =
                                    matches!(pace.status, crate::plan::PaceStatus::Behind(_));
                                ui.label(if behind {
                                    text.color(palette.warning)
                                } else {
                                    text
                                })
                                .on_hover_text(fill(
                                    strings.pace_detail,
                                    &[
                                        ("done", &pace.done.to_string()),
                                        ("expected", &pace.expected_low.to_string()),
                                        ("total", &pace.total.to_string()),
                                    ],
                                ));
                            }
                            None => {
                                ui.label("—");
                            }
                        });
                        table_row.col(|ui| {
                            let text = row.last_activity.map_or_else(|| "—".to_owned(), local_time);
                            let text = egui::RichText::new(text);
                            ui.label(if inactive {
                                text.color(palette.warning)
                            } else {
                                text
                            });
                        });
                        table_row.col(|ui| {
                            ui.label(if row.has_drawing { "●" } else { "—" });
                        });
                        table_row.col(|ui| {
                            // Sent (a feedback file exists), else whether the student's own
                            // file carries feedback they imported.
                            match row.feedback_sent {
                                Some(sent) => {
                                    ui.label(fill(
                                        strings.feedback_sent_at,
                                        &[("time", &local_time(sent))],
                                    ));
                                }
                                None => {
                                    ui.label(if row.has_feedback { "●" } else { "—" })
                                        .on_hover_text(strings.feedback_received_hint);
                                }
                            }
                        });
                        table_row.col(|ui| {
                            let mut notes = Vec::new();
                            if inactive {
                                notes.push(fill(
                                    strings.inactive_flag,
                                    &[("days", &self.inactive_days.to_string())],
                                ));
                            }
                            if !row.superseded.is_empty() {
                                notes.push(fill(
                                    strings.newer_file_flag,
                                    &[("count", &row.superseded.len().to_string())],
                                ));
                                let conflicts = row.conflict_copies();
                                if conflicts > 0 {
                                    notes.push(fill(
                                        strings.conflict_copies_flag,
                                        &[("count", &conflicts.to_string())],
                                    ));
                                }
                            }
                            let change = self.changes.get(&row.file.student.id);
                            if let Some(change) = change {
                                notes.insert(0, change_text(change, strings));
                            }
                            let full = notes.join(" · ");
                            let text = egui::RichText::new(&full);
                            // One line, as every row is: the last column is as wide as the
                            // window leaves it, and a wrapped note pushed the rows below
                            // apart. The whole note is on hover.
                            let label = ui.add(
                                egui::Label::new(if change.is_some() {
                                    text.color(palette.done).strong()
                                } else if inactive {
                                    text.color(palette.warning)
                                } else {
                                    text
                                })
                                .truncate()
                                .show_tooltip_when_elided(false),
                            );
                            let mut hover = full;
                            if !row.superseded.is_empty() {
                                let ignored: Vec<String> = row
                                    .superseded
                                    .iter()
                                    .map(|path| report::file_name(path))
                                    .collect();
                                hover.push('\n');
                                hover.push_str(&fill(
                                    strings.row_files_hint,
                                    &[
                                        ("used", &report::file_name(&row.path)),
                                        ("ignored", &ignored.join(", ")),
                                    ],
                                ));
                            }
                            if !hover.trim().is_empty() {
                                label.on_hover_text(hover.trim());
                            }
                        });
                    }
                });
            });
        if let Some(column) = clicked_column {
            self.sort_by(column);
        }
    }
}

/// "+3 项完成 · 新流程图 · 笔记有更新", or "新加入".
fn change_text(change: &report::RowChange, strings: &Strings) -> String {
    if change.new_student {
        return strings.change_new_student.to_owned();
    }
    let mut parts = Vec::new();
    if change.completed > 0 {
        parts.push(fill(
            strings.change_completed,
            &[("count", &change.completed.to_string())],
        ));
    }
    if change.new_drawing {
        parts.push(strings.change_new_drawing.to_owned());
    }
    if change.notes {
        parts.push(strings.change_notes.to_owned());
    }
    parts.join(" · ")
}
