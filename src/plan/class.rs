//! The class for a mentor's charts: items completed over time (median and spread) against
//! the plan line, and how many students finished each chapter against how many the plan
//! expects by today.

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::curriculum::{ChapterId, Curriculum};
use crate::progress::{Progress, chapter_completion};

use super::pace::{expected_at, segments};
use super::{Plan, days_between};

/// One day of the class burn-up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BurnPoint {
    /// Days since the plan's start (0 = its first day).
    pub day: i64,
    /// Median items complete (required chapters) by the end of that day.
    pub median: f64,
    /// The 25th percentile (a quarter of the class has this many or fewer).
    pub low: f64,
    /// The 75th percentile.
    pub high: f64,
    /// What the plan expects by the end of that day.
    pub plan: f64,
}

/// Per day from the plan's start to `today` (or the plan's end, whichever is earlier), the
/// class's items complete in the required chapters: median and quartiles, beside the plan
/// line. An item counts from the local day it was finished (an item complete without a
/// time, from an old file, from the first day). Empty for an empty class or a `today`
/// before the start.
pub fn burn_up(
    curriculum: &Curriculum,
    plan: &Plan,
    students: &[&Progress],
    tz: &TimeZone,
    today: Date,
) -> Vec<BurnPoint> {
    let last = days_between(plan.start, today.min(plan.end));
    if students.is_empty() || last < 0 {
        return Vec::new();
    }
    let segments = segments(curriculum, plan);
    let days = last as usize + 1;
    // Per student: items finished on each day, then summed up.
    let mut counts: Vec<Vec<u32>> = Vec::with_capacity(students.len());
    for progress in students {
        let mut per_day = vec![0u32; days];
        for segment in &segments {
            let Some(chapter) = curriculum.chapter(&segment.chapter) else {
                continue;
            };
            for item in &chapter.items {
                let Some(entry) = progress.items.get(&item.id) else {
                    continue;
                };
                if !entry.state.is_complete() {
                    continue;
                }
                let day = entry.finished.map_or(0, |finished| {
                    days_between(plan.start, tz.to_datetime(finished).date()).max(0)
                });
                if let Some(count) = usize::try_from(day).ok().and_then(|d| per_day.get_mut(d)) {
                    *count += 1;
                }
            }
        }
        let mut sum = 0;
        for count in &mut per_day {
            sum += *count;
            *count = sum;
        }
        counts.push(per_day);
    }
    let mut column = vec![0u32; students.len()];
    (0..days)
        .map(|day| {
            for (value, student) in column.iter_mut().zip(&counts) {
                *value = student.get(day).copied().unwrap_or(0);
            }
            column.sort_unstable();
            BurnPoint {
                day: day as i64,
                median: quantile(&column, 0.5),
                low: quantile(&column, 0.25),
                high: quantile(&column, 0.75),
                plan: expected_at(&segments, day as f64 + 1.0),
            }
        })
        .collect()
}

/// The `q` quantile of sorted values, interpolated between neighbours.
fn quantile(sorted: &[u32], q: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return 0.0;
    };
    let position = q * last as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    let (a, b) = (
        f64::from(sorted.get(below).copied().unwrap_or(0)),
        f64::from(sorted.get(above).copied().unwrap_or(0)),
    );
    a + (b - a) * (position - below as f64)
}

/// One chapter of the class funnel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunnelBar {
    /// The chapter.
    pub chapter: ChapterId,
    /// Students who completed every item of it.
    pub finished: usize,
    /// Students the plan expects to have finished it by today: everyone once its target
    /// date has passed, else no one (always no one for an optional chapter).
    pub expected: usize,
    /// Optional in the plan.
    pub optional: bool,
}

/// Per chapter the plan names (curriculum order): finished against expected by `today`.
pub fn funnel(
    curriculum: &Curriculum,
    plan: &Plan,
    students: &[&Progress],
    today: Date,
) -> Vec<FunnelBar> {
    curriculum
        .chapters
        .iter()
        .filter_map(|chapter| {
            let target = plan.target(&chapter.id)?;
            let finished = students
                .iter()
                .filter(|progress| {
                    let completion = chapter_completion(chapter, progress);
                    completion.complete() >= completion.total
                })
                .count();
            let expected = if !target.optional && target.due < today {
                students.len()
            } else {
                0
            };
            Some(FunnelBar {
                chapter: chapter.id.clone(),
                finished,
                expected,
                optional: target.optional,
            })
        })
        .collect()
}
