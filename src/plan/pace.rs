//! Where a student should be on a given day, and where they are.
//!
//! The plan line: each required chapter's items are spread evenly over its days, from the
//! day after the previous chapter's target (the plan's start for the first) to the end of
//! its own target day. On day `d` the plan expects between the line's value at the start of
//! `d` (rounded down) and at its end (rounded up): a student within that band is on pace,
//! below it behind by the difference, above it ahead.

use jiff::civil::Date;

use crate::curriculum::{ChapterId, Curriculum};
use crate::progress::{Progress, chapter_completion};

use super::{Plan, days_between};

/// Rounding slack for the plan line (it is a sum of fractions).
const EPSILON: f64 = 1e-9;

/// On pace, behind or ahead, in items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaceStatus {
    /// Within what the plan expects today.
    OnPace,
    /// This many items fewer than the plan expects by today.
    Behind(usize),
    /// This many items more than the plan expects by the end of today.
    Ahead(usize),
}

impl PaceStatus {
    /// Items ahead (positive) or behind (negative): the order of the class table's column.
    pub fn signed(self) -> i64 {
        match self {
            Self::OnPace => 0,
            Self::Behind(n) => -(n as i64),
            Self::Ahead(n) => n as i64,
        }
    }
}

/// One chapter of the plan as a student stands with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChapterPace {
    /// The chapter.
    pub chapter: ChapterId,
    /// Its target date.
    pub due: Date,
    /// Optional (never behind).
    pub optional: bool,
    /// Items complete (done or skipped).
    pub complete: usize,
    /// Items in the chapter.
    pub total: usize,
    /// Past its target date and not complete (never for an optional chapter).
    pub overdue: bool,
}

/// A student's pace on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pace {
    /// On pace, behind or ahead.
    pub status: PaceStatus,
    /// Items complete in the required chapters.
    pub done: usize,
    /// Least the plan expects by the start of today.
    pub expected_low: usize,
    /// Most the plan expects by the end of today.
    pub expected_high: usize,
    /// Items in the required chapters.
    pub total: usize,
    /// The chapter the plan has for today (`None` before none or after all).
    pub current: Option<ChapterId>,
    /// Every chapter the plan names that the curriculum has, in curriculum order.
    pub chapters: Vec<ChapterPace>,
}

/// One required chapter's stretch of the plan line, in days since the plan's start.
#[derive(Clone, Debug)]
pub(crate) struct Segment {
    pub(crate) chapter: ChapterId,
    /// The line starts rising here…
    pub(crate) from: i64,
    /// …and has all of `items` here (the end of the target day).
    pub(crate) to: i64,
    pub(crate) items: usize,
}

/// The plan line's segments, ordered by target date (then curriculum order).
pub(crate) fn segments(curriculum: &Curriculum, plan: &Plan) -> Vec<Segment> {
    let mut required: Vec<(i64, usize, &crate::curriculum::Chapter)> = curriculum
        .chapters
        .iter()
        .enumerate()
        .filter_map(|(index, chapter)| {
            let target = plan.target(&chapter.id).filter(|target| !target.optional)?;
            Some((days_between(plan.start, target.due) + 1, index, chapter))
        })
        .collect();
    required.sort_by_key(|(to, index, _)| (*to, *index));
    let mut previous = 0;
    required
        .into_iter()
        .map(|(to, _, chapter)| {
            let from = previous.min(to);
            previous = to;
            Segment {
                chapter: chapter.id.clone(),
                from,
                to,
                items: chapter.items.len(),
            }
        })
        .collect()
}

/// The plan line: items expected at time `t` (days since the start of the plan's first day).
pub(crate) fn expected_at(segments: &[Segment], t: f64) -> f64 {
    segments
        .iter()
        .map(|segment| {
            let items = segment.items as f64;
            if t >= segment.to as f64 {
                items
            } else if t <= segment.from as f64 {
                0.0
            } else {
                items * (t - segment.from as f64) / (segment.to - segment.from) as f64
            }
        })
        .sum()
}

/// A student's pace on `today` under `plan`.
///
/// # Example
/// ```
/// use jiff::civil::date;
/// use study_companion::plan::{default_plan, pace, PaceStatus};
/// use study_companion::progress::Progress;
/// let curriculum = study_companion::embedded::curriculum();
/// let plan = default_plan(curriculum, date(2027, 1, 11), date(2027, 2, 21));
/// // Nothing done before the break starts is on pace; a week in, it is behind.
/// let before = pace(curriculum, &plan, &Progress::default(), date(2027, 1, 10));
/// assert_eq!(before.status, PaceStatus::OnPace);
/// let week = pace(curriculum, &plan, &Progress::default(), date(2027, 1, 18));
/// assert!(matches!(week.status, PaceStatus::Behind(_)));
/// ```
pub fn pace(curriculum: &Curriculum, plan: &Plan, progress: &Progress, today: Date) -> Pace {
    let segments = segments(curriculum, plan);
    let day = days_between(plan.start, today) as f64;
    let expected_low = (expected_at(&segments, day) + EPSILON).floor() as usize;
    let expected_high = (expected_at(&segments, day + 1.0) - EPSILON)
        .ceil()
        .max(0.0) as usize;
    let mut chapters = Vec::new();
    let (mut done, mut total) = (0, 0);
    for chapter in &curriculum.chapters {
        let Some(target) = plan.target(&chapter.id) else {
            continue;
        };
        let completion = chapter_completion(chapter, progress);
        let finished = completion.complete() >= completion.total;
        if !target.optional {
            done += completion.complete();
            total += completion.total;
        }
        chapters.push(ChapterPace {
            chapter: chapter.id.clone(),
            due: target.due,
            optional: target.optional,
            complete: completion.complete(),
            total: completion.total,
            overdue: !target.optional && !finished && target.due < today,
        });
    }
    let current = segments
        .iter()
        .find(|segment| segment.from as f64 <= day && day < segment.to as f64)
        .map(|segment| segment.chapter.clone());
    let status = if done < expected_low {
        PaceStatus::Behind(expected_low - done)
    } else if done > expected_high {
        PaceStatus::Ahead(done - expected_high)
    } else {
        PaceStatus::OnPace
    };
    Pace {
        status,
        done,
        expected_low,
        expected_high,
        total,
        current,
        chapters,
    }
}
