//! The days a student worked, from the times the progress already stores: an item started,
//! finished or changed, a note edited (item or chapter), a drawing updated.
//!
//! Only counts per day are shown, never a streak: streak counters push learners to game them.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::progress::Progress;

use super::add_days;

/// Activity per day: how many distinct moments something was recorded, in local dates.
pub fn activity_days(progress: &Progress, tz: &TimeZone) -> BTreeMap<Date, u32> {
    // Each item's own moments once (starting and ticking at once is one moment).
    let mut moments: Vec<Timestamp> = Vec::new();
    for item in progress.items.values() {
        let own: BTreeSet<Timestamp> =
            [item.started, item.finished, item.changed, item.note.edited]
                .into_iter()
                .flatten()
                .collect();
        moments.extend(own);
    }
    moments.extend(
        progress
            .chapter_notes
            .values()
            .filter_map(|note| note.edited),
    );
    moments.extend(
        progress
            .drawings
            .values()
            .filter_map(|drawing| drawing.updated),
    );
    let mut days = BTreeMap::new();
    for moment in moments {
        *days.entry(tz.to_datetime(moment).date()).or_insert(0) += 1;
    }
    days
}

/// A heat map of whole weeks (Monday first) ending with the week of `today`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityCalendar {
    /// The Monday of the first week shown.
    pub first: Date,
    /// `today`: days after it are not drawn.
    pub today: Date,
    /// One column per week, seven days each (Monday first): how much happened.
    pub weeks: Vec<[u32; 7]>,
    /// Days with any activity within the weeks shown.
    pub active_days: usize,
}

impl ActivityCalendar {
    /// The last `weeks` weeks (at least 1) up to `today`, from `days`.
    pub fn new(days: &BTreeMap<Date, u32>, today: Date, weeks: usize) -> Self {
        let weeks = weeks.max(1);
        let monday = add_days(today, -i64::from(today.weekday().to_monday_zero_offset()));
        let first = add_days(monday, -7 * (weeks as i64 - 1));
        let mut grid = vec![[0u32; 7]; weeks];
        let mut active_days = 0;
        for (date, count) in days.range(first..=today) {
            let offset = super::days_between(first, *date);
            let (week, weekday) = (offset / 7, offset % 7);
            if let Some(column) = usize::try_from(week).ok().and_then(|w| grid.get_mut(w))
                && let Some(cell) = usize::try_from(weekday)
                    .ok()
                    .and_then(|d| column.get_mut(d))
            {
                *cell = *count;
                active_days += usize::from(*count > 0);
            }
        }
        Self {
            first,
            today,
            weeks: grid,
            active_days,
        }
    }

    /// The date of a cell.
    pub fn date(&self, week: usize, weekday: usize) -> Date {
        add_days(self.first, (week * 7 + weekday) as i64)
    }

    /// The cell's shade, 0 (nothing) to 4 (a busy day).
    pub fn level(count: u32) -> u8 {
        match count {
            0 => 0,
            1..=2 => 1,
            3..=5 => 2,
            6..=9 => 3,
            _ => 4,
        }
    }
}
