//! A study plan with dates: when the break starts and ends, and by when each chapter should
//! be done; where a student should be on a given day (the pace); the days a student worked
//! (the activity calendar); and the class's numbers for a mentor's charts.
//!
//! Pure data and pure functions: nothing here reads the clock. Every function that needs
//! "today" takes it as a parameter, so tests use fixed dates. The plan file (`.scplan`) is
//! read and written by [`file`]; `docs/plan-file.md` documents it.

pub mod calendar;
pub mod class;
pub mod file;
pub mod pace;

pub use calendar::{ActivityCalendar, activity_days};
pub use class::{BurnPoint, FunnelBar, burn_up, funnel};
pub use file::{
    PLAN_EXTENSION, PLAN_FORMAT, PlanError, PlanFile, PlanRepair, ReadPlan, is_plan_path,
};
pub use pace::{ChapterPace, Pace, PaceStatus, pace};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::curriculum::{ChapterId, Curriculum};

/// A plan: the break's first and last day and a target date per chapter.
///
/// Chapters the plan does not name, and chapters marked optional, are not counted in the
/// pace (the elective chapter 选修 is optional in the default plan).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// The first day of the plan.
    pub start: Date,
    /// The last day of the plan (not before [`Self::start`]).
    pub end: Date,
    /// Target dates, one per chapter, in curriculum order when the app wrote them.
    #[serde(default)]
    pub chapters: Vec<ChapterTarget>,
}

/// By when one chapter should be finished.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChapterTarget {
    /// The chapter.
    pub chapter: ChapterId,
    /// The last day planned for it.
    pub due: Date,
    /// Optional chapters have a date but are never counted as behind.
    #[serde(default)]
    pub optional: bool,
}

impl Plan {
    /// The target of a chapter, if the plan has one.
    pub fn target(&self, chapter: &ChapterId) -> Option<&ChapterTarget> {
        self.chapters
            .iter()
            .find(|target| &target.chapter == chapter)
    }

    /// How many days the plan spans, both ends included (at least 1).
    pub fn days(&self) -> i64 {
        days_between(self.start, self.end).max(0) + 1
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    from.duration_until(to).as_hours().div_euclid(24)
}

/// `date` moved by `days` days, kept within the dates jiff knows.
pub fn add_days(date: Date, days: i64) -> Date {
    // jiff's dates span fewer than 7.3 million days: more cannot move a date further.
    const BEYOND_ANY_DATE: i64 = 8_000_000;
    let days = days.clamp(-BEYOND_ANY_DATE, BEYOND_ANY_DATE);
    date.saturating_add(jiff::SignedDuration::from_hours(days * 24))
}

/// The default plan over `start..=end`: the chapters that are not elective one after the
/// other, each given days in proportion to its number of items (a chapter is due on the day
/// the running share of items reaches it; the last is due on `end`); elective chapters are
/// optional and due on `end`. `end` before `start` is taken as `start`.
///
/// # Example
/// ```
/// use jiff::civil::date;
/// use study_companion::plan::default_plan;
/// let curriculum = study_companion::embedded::curriculum();
/// let plan = default_plan(curriculum, date(2027, 1, 11), date(2027, 2, 21));
/// assert_eq!(plan.chapters.len(), curriculum.chapters.len());
/// assert_eq!(plan.chapters.iter().filter(|t| !t.optional).last().unwrap().due, date(2027, 2, 21));
/// ```
pub fn default_plan(curriculum: &Curriculum, start: Date, end: Date) -> Plan {
    let end = end.max(start);
    let days = days_between(start, end) + 1;
    let total: usize = curriculum
        .chapters
        .iter()
        .filter(|chapter| !chapter.elective)
        .map(|chapter| chapter.items.len())
        .sum();
    let mut running = 0usize;
    let chapters = curriculum
        .chapters
        .iter()
        .map(|chapter| {
            if chapter.elective || total == 0 {
                return ChapterTarget {
                    chapter: chapter.id.clone(),
                    due: end,
                    optional: chapter.elective,
                };
            }
            running += chapter.items.len();
            // The day on which `running / total` of the days have passed (rounded up).
            let share = (days * running as i64 + total as i64 - 1) / total as i64;
            ChapterTarget {
                chapter: chapter.id.clone(),
                due: add_days(start, (share - 1).clamp(0, days - 1)),
                optional: false,
            }
        })
        .collect();
    Plan {
        start,
        end,
        chapters,
    }
}

#[cfg(test)]
mod tests;
