//! A student's progress: item states, notes and times, keyed by stable item ids.
//!
//! Pure data and pure functions; saving lives in [`crate::storage`].

mod completion;
mod edit;
mod merge;
mod unique;

pub use unique::map as unique_map;

pub use completion::{Completion, chapter_completion, overall_completion};
pub use edit::continue_target;
pub use merge::{Capacity, NOTE_SEPARATOR, SetAside, merge, merge_within, pack, progress_of};

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::curriculum::{ChapterId, ItemId};
use crate::drawing::Drawing;

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

    /// The student's note on this item.
    pub note: Note,
}

/// A student's note: Markdown text and when it was last edited.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Note {
    /// Markdown; empty when there is no note.
    pub text: String,

    /// When the text last changed (UTC).
    pub edited: Option<Timestamp>,
}

impl Note {
    /// Whether there is anything written.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// What a note is attached to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NoteTarget {
    /// An item's note.
    Item(ItemId),
    /// A chapter's note.
    Chapter(ChapterId),
}

/// Everything a student has done, keyed by item id.
///
/// Items the curriculum no longer has are kept (never deleted), so an older or newer curriculum
/// never loses a student's work.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// Per-item progress; absent means not started.
    #[serde(deserialize_with = "unique::map")]
    pub items: BTreeMap<ItemId, ItemProgress>,

    /// Notes on whole chapters.
    #[serde(deserialize_with = "unique::map")]
    pub chapter_notes: BTreeMap<ChapterId, Note>,

    /// The item the student last changed, for "continue".
    pub last_touched: Option<ItemId>,

    /// What the student handed in for task items (the hand-drawn workflow).
    #[serde(deserialize_with = "unique::map")]
    pub drawings: BTreeMap<ItemId, Drawing>,

    /// Mentors' comments, oldest first (format version 3).
    pub feedback: Vec<Feedback>,
}

/// A mentor's comments on a student's progress, written at one time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Feedback {
    /// The mentor's name.
    pub mentor: String,
    /// When the comments were written (UTC); with the name, identifies the feedback.
    pub written: Option<Timestamp>,
    /// A comment on the whole progress.
    pub overall: String,
    /// Comments per item.
    pub items: BTreeMap<ItemId, String>,
}

impl Feedback {
    /// Whether nothing is written.
    pub fn is_empty(&self) -> bool {
        self.overall.trim().is_empty() && self.items.values().all(|c| c.trim().is_empty())
    }
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

    /// The note on an item or chapter (empty when there is none).
    pub fn note(&self, target: &NoteTarget) -> Option<&Note> {
        match target {
            NoteTarget::Item(id) => self.items.get(id).map(|item| &item.note),
            NoteTarget::Chapter(id) => self.chapter_notes.get(id),
        }
    }

    /// The note of an item or chapter, to change it (`None` when there is none).
    pub fn note_mut(&mut self, target: &NoteTarget) -> Option<&mut Note> {
        match target {
            NoteTarget::Item(id) => self.items.get_mut(id).map(|item| &mut item.note),
            NoteTarget::Chapter(id) => self.chapter_notes.get_mut(id),
        }
    }

    /// Replaces a note's text at time `now`. Returns whether anything changed.
    pub fn set_note(&mut self, target: &NoteTarget, text: &str, now: Timestamp) -> bool {
        let note = match target {
            NoteTarget::Item(id) => {
                self.last_touched = Some(id.clone());
                &mut self.items.entry(id.clone()).or_default().note
            }
            NoteTarget::Chapter(id) => self.chapter_notes.entry(id.clone()).or_default(),
        };
        if note.text == text {
            return false;
        }
        text.clone_into(&mut note.text);
        note.edited = Some(now);
        true
    }

    /// Ids with progress that `is_known` does not recognise (items dropped from the
    /// curriculum), sorted. Their states and notes are kept, never deleted.
    pub fn unknown_items(&self, is_known: impl Fn(&ItemId) -> bool) -> Vec<&ItemId> {
        self.items
            .iter()
            .filter(|(id, item)| {
                !is_known(id) && (item.state != ItemState::NotStarted || !item.note.is_empty())
            })
            .map(|(id, _)| id)
            .collect()
    }

    /// The checkbox, at time `now`: a done item goes back to not started, even if it had been
    /// started before (its start and finish times are cleared); any other item (not started,
    /// in progress, skipped) becomes done, keeping its start time. Like [`Self::set_state`],
    /// it records the change and makes the item the last touched.
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
    fn notes_record_their_edit_time() {
        let mut progress = Progress::default();
        let t = Timestamp::from_second(1_700_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
        let target = NoteTarget::Item(id("a"));
        assert!(progress.set_note(&target, "今天学了 numpy", t));
        assert!(!progress.set_note(&target, "今天学了 numpy", t));
        let note = progress.note(&target).cloned().unwrap_or_default();
        assert_eq!(note.text, "今天学了 numpy");
        assert_eq!(note.edited, Some(t));
        let chapter = NoteTarget::Chapter(ChapterId("c".to_owned()));
        assert!(progress.set_note(&chapter, "本章笔记", t));
        assert_eq!(
            progress.note(&chapter).map(|n| n.text.as_str()),
            Some("本章笔记")
        );
    }

    #[test]
    fn unknown_items_are_listed_not_dropped() {
        let mut progress = Progress::default();
        let t = Timestamp::UNIX_EPOCH;
        progress.set_state(&id("gone"), ItemState::Done, t);
        progress.set_state(&id("kept"), ItemState::Done, t);
        progress.set_note(&NoteTarget::Item(id("gone.note")), "旧笔记", t);
        let unknown = progress.unknown_items(|item| item.as_str() == "kept");
        assert_eq!(unknown, [&id("gone"), &id("gone.note")]);
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
