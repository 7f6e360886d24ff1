//! A student's progress: item states, notes and times, keyed by stable item ids.
//!
//! Pure data and pure functions; saving lives in [`crate::storage`].

mod completion;

pub use completion::{Completion, chapter_completion, overall_completion};

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::curriculum::ItemId;

/// Where a student is with one item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemState {
    /// Not touched yet.
    #[default]
    NotStarted,
    /// Started, not finished.
    InProgress,
    /// Finished.
    Done,
    /// Deliberately skipped (e.g. chapter 一 for students who know Python); counts as complete.
    Skipped,
}

impl ItemState {
    /// Done or skipped: counts toward completion.
    pub fn is_complete(self) -> bool {
        matches!(self, Self::Done | Self::Skipped)
    }
}

/// One item's progress.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemProgress {
    /// Current state.
    pub state: ItemState,

    /// When the item was first started (or finished, if it was ticked straight away).
    pub started: Option<Timestamp>,

    /// When the item was last completed (done or skipped); `None` when not complete.
    pub finished: Option<Timestamp>,

    /// When the state last changed; decides which side wins a merge.
    pub changed: Option<Timestamp>,
}

/// Everything a student has done, keyed by item id.
///
/// Items the curriculum no longer has are kept (never deleted), so an older or newer curriculum
/// never loses a student's work.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// Per-item progress; absent means not started.
    pub items: BTreeMap<ItemId, ItemProgress>,

    /// The item the student last changed, for "continue".
    pub last_touched: Option<ItemId>,
}

impl Progress {
    /// The state of an item (not started when absent).
    pub fn state(&self, id: &ItemId) -> ItemState {
        self.items
            .get(id)
            .map(|item| item.state)
            .unwrap_or_default()
    }

    /// Sets an item's state at time `now`, keeping start and finish times consistent.
    /// Returns whether anything changed.
    pub fn set_state(&mut self, id: &ItemId, state: ItemState, now: Timestamp) -> bool {
        let item = self.items.entry(id.clone()).or_default();
        if item.state == state {
            return false;
        }
        item.state = state;
        item.changed = Some(now);
        match state {
            ItemState::NotStarted => {
                item.started = None;
                item.finished = None;
            }
            ItemState::InProgress => {
                item.started.get_or_insert(now);
                item.finished = None;
            }
            ItemState::Done | ItemState::Skipped => {
                item.started.get_or_insert(now);
                item.finished = Some(now);
            }
        }
        self.last_touched = Some(id.clone());
        true
    }

    /// The checkbox: done ↔ not done (back to in progress if it was started before).
    pub fn toggle_done(&mut self, id: &ItemId, now: Timestamp) {
        let next = match self.state(id) {
            ItemState::Done => ItemState::NotStarted,
            _ => ItemState::Done,
        };
        self.set_state(id, next, now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> ItemId {
        ItemId(text.to_owned())
    }

    #[test]
    fn toggling_records_times() {
        let mut progress = Progress::default();
        let t1 = Timestamp::from_second(1_700_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
        let t2 = Timestamp::from_second(1_700_000_100).unwrap_or(Timestamp::UNIX_EPOCH);
        assert!(progress.set_state(&id("a"), ItemState::InProgress, t1));
        progress.toggle_done(&id("a"), t2);
        let item = &progress.items[&id("a")];
        assert_eq!(item.state, ItemState::Done);
        assert_eq!(item.started, Some(t1));
        assert_eq!(item.finished, Some(t2));
        assert_eq!(progress.last_touched, Some(id("a")));
        progress.toggle_done(&id("a"), t2);
        assert_eq!(progress.state(&id("a")), ItemState::NotStarted);
        assert!(!progress.set_state(&id("a"), ItemState::NotStarted, t2));
    }
}
