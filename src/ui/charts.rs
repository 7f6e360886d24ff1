//! The mentor's class charts (egui_plot): the burn-up (items complete over the plan's days,
//! median and middle half of the class, against the plan line) and the chapter funnel
//! (students who finished each chapter against how many the plan expects by today).
//!
//! The numbers come from `crate::plan::class` and are computed once per class and plan
//! ([`ClassCharts`] is kept in the class view until either changes); a frame only draws them.

use egui_plot::{Bar, BarChart, FilledArea, Legend, Line, LineStyle, Plot};
use jiff::civil::Date;

use crate::curriculum::Curriculum;
use crate::i18n::Strings;
use crate::plan::{BurnPoint, FunnelBar, Plan, add_days, burn_up, funnel};
use crate::report::Class;

use super::theme;

/// Height of each chart.
const CHART_HEIGHT: f32 = 200.0;

/// The charts' numbers for one class and plan.
pub struct ClassCharts {
    burn: Vec<BurnPoint>,
    /// The plan line over the whole plan (not only up to today).
    plan_line: Vec<[f64; 2]>,
    funnel: Vec<FunnelBar>,
}

impl ClassCharts {
    /// Computes the numbers (local dates in the system's time zone).
    pub fn new(curriculum: &Curriculum, plan: &Plan, class: &Class, today: Date) -> Self {
        let students: Vec<&crate::progress::Progress> = class
            .students
            .iter()
            .map(|row| &row.file.progress)
            .collect();
        let tz = jiff::tz::TimeZone::system();
        let burn = burn_up(curriculum, plan, &students, &tz, today);
        // The plan line: what one student would have done by the end of each day.
        let whole = burn_up(
            curriculum,
            plan,
            &[&crate::progress::Progress::default()],
            &tz,
            plan.end,
        );
        let plan_line = std::iter::once([0.0, 0.0])
            .chain(
                whole
                    .iter()
                    .map(|point| [point.day as f64 + 1.0, point.plan]),
            )
            .collect();
        Self {
            burn,
            plan_line,
            funnel: funnel(curriculum, plan, &students, today),
        }
    }

    /// Both charts side by side (stacked when the window is narrow).
    pub fn ui(&self, ui: &mut egui::Ui, curriculum: &Curriculum, plan: &Plan, strings: &Strings) {
        let wide = ui.available_width() > 900.0;
        let width = if wide {
            (ui.available_width() - ui.spacing().item_spacing.x) / 2.0
        } else {
            ui.available_width()
        };
        let layout = if wide {
            egui::Layout::left_to_right(egui::Align::TOP)
        } else {
            egui::Layout::top_down(egui::Align::LEFT)
        };
        ui.with_layout(layout, |ui| {
            ui.vertical(|ui| {
                ui.set_width(width);
                self.burn_up_ui(ui, plan, strings);
            });
            ui.vertical(|ui| {
                ui.set_width(width);
                self.funnel_ui(ui, curriculum, strings);
            });
        });
    }

    fn burn_up_ui(&self, ui: &mut egui::Ui, plan: &Plan, strings: &Strings) {
        let palette = theme::palette(ui.visuals());
        ui.strong(strings.chart_burn_up);
        // Day n is drawn at x = n + 1: the end of that day.
        let xs: Vec<f64> = self.burn.iter().map(|p| p.day as f64 + 1.0).collect();
        let lows: Vec<f64> = self.burn.iter().map(|p| p.low).collect();
        let highs: Vec<f64> = self.burn.iter().map(|p| p.high).collect();
        let median: Vec<[f64; 2]> = self
            .burn
            .iter()
            .map(|p| [p.day as f64 + 1.0, p.median])
            .collect();
        let start = plan.start;
        still_plot("class_burn_up")
            .x_axis_formatter(move |mark, _| {
                add_days(start, mark.value.round() as i64 - 1)
                    .strftime("%m-%d")
                    .to_string()
            })
            .show(ui, |plot| {
                plot.line(
                    Line::new(strings.chart_plan, self.plan_line.clone())
                        .color(palette.weak)
                        .style(LineStyle::dashed_loose()),
                );
                if !xs.is_empty() {
                    plot.add(
                        FilledArea::new(strings.chart_spread, &xs, &lows, &highs)
                            .fill_color(palette.done.gamma_multiply(0.3)),
                    );
                }
                plot.line(
                    Line::new(strings.chart_median, median)
                        .color(palette.done)
                        .width(2.0),
                );
            });
    }

    fn funnel_ui(&self, ui: &mut egui::Ui, curriculum: &Curriculum, strings: &Strings) {
        let palette = theme::palette(ui.visuals());
        ui.strong(strings.chart_funnel);
        // Chapter n's two bars side by side at n and n + 0.4.
        let bars = |offset: f64, count: fn(&FunnelBar) -> usize| -> Vec<Bar> {
            self.funnel
                .iter()
                .enumerate()
                .map(|(index, bar)| Bar::new(index as f64 + offset, count(bar) as f64).width(0.4))
                .collect()
        };
        let finished = bars(1.0, |bar| bar.finished);
        let expected = bars(1.4, |bar| bar.expected);
        let numbers: Vec<String> = self
            .funnel
            .iter()
            .map(|bar| {
                curriculum
                    .chapter(&bar.chapter)
                    .map(|chapter| {
                        chapter
                            .title
                            .chars()
                            .take_while(|c| *c != '、' && *c != '：')
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        still_plot("class_funnel")
            .x_axis_formatter(move |mark, _| {
                let index = mark.value.round() as i64 - 1;
                if (mark.value - mark.value.round()).abs() > 0.01 {
                    return String::new();
                }
                usize::try_from(index)
                    .ok()
                    .and_then(|i| numbers.get(i))
                    .cloned()
                    .unwrap_or_default()
            })
            .show(ui, |plot| {
                plot.bar_chart(BarChart::new(strings.chart_finished, finished).color(palette.done));
                plot.bar_chart(BarChart::new(strings.chart_expected, expected).color(palette.weak));
            });
    }
}

/// A chart that only shows: a legend, from zero up, no zooming, scrolling or dragging (the
/// class view scrolls under it).
fn still_plot(id: &str) -> Plot<'static> {
    Plot::new(id)
        .height(CHART_HEIGHT)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
}
