//! Merging two copies of one student's progress (two computers, an export carried along).
//!
//! Per item the newer state change wins; notes that differ are both kept; of two drawings
//! the newer one wins; mentor feedback of both copies is kept, once per mentor and time. The
//! merge is commutative and idempotent: the result does not depend on which copy is "local",
//! and merging a copy twice changes nothing.
//!
//! What a merge replaces instead of keeping: the older state and times of an item, the older
//! of two drawings of one task, and of two feedback entries with the same mentor and time, all
//! but one (the first in a fixed order, so the choice is the same either way round). A note
//! contained in the other copy's note is kept only there. Everything else of both copies is
//! in the result of [`merge`], which knows no limits.
//!
//! [`merge_within`] keeps the result within a [`Capacity`] (the limits the file format
//! enforces when it reads a file back): what would not fit is not dropped but returned as
//! [`SetAside`] entries, which the caller shows and saves in files of their own ([`pack`]
//! groups them so each file is within the limits too).

use std::collections::BTreeMap;

use super::{Feedback, ItemProgress, ItemState, Note, NoteTarget, Progress};
use crate::curriculum::{ChapterId, ItemId};
use crate::drawing::Drawing;

/// The line put between two versions of a note that were both kept.
pub const NOTE_SEPARATOR: &str = "\n\n---\n\n";

/// Merges two copies of the same student's progress.
///
/// # Example
/// ```
/// use jiff::Timestamp;
/// use study_companion::curriculum::ItemId;
/// use study_companion::progress::{merge, ItemState, Progress};
/// let id = ItemId("a".to_owned());
/// let (mut home, mut lab) = (Progress::default(), Progress::default());
/// home.set_state(&id, ItemState::InProgress, Timestamp::from_second(100)?);
/// lab.set_state(&id, ItemState::Done, Timestamp::from_second(200)?);
/// assert_eq!(merge(&home, &lab).state(&id), ItemState::Done);
/// assert_eq!(merge(&home, &lab), merge(&lab, &home));
/// # Ok::<(), jiff::Error>(())
/// ```
pub fn merge(a: &Progress, b: &Progress) -> Progress {
    let mut items = BTreeMap::new();
    for (id, item) in a.items.iter().chain(b.items.iter()) {
        items
            .entry(id.clone())
            .and_modify(|merged: &mut ItemProgress| *merged = merge_item(merged, item))
            .or_insert_with(|| item.clone());
    }
    let mut chapter_notes = BTreeMap::new();
    for (id, note) in a.chapter_notes.iter().chain(b.chapter_notes.iter()) {
        chapter_notes
            .entry(id.clone())
            .and_modify(|merged: &mut Note| *merged = merge_note(merged, note))
            .or_insert_with(|| note.clone());
    }
    // The item touched last is the one with the newest change of either copy.
    let last_touched = items
        .iter()
        .filter_map(|(id, item): (&crate::curriculum::ItemId, &ItemProgress)| {
            item.changed.max(item.note.edited).map(|time| (time, id))
        })
        .max()
        .map(|(_, id)| id.clone())
        .or_else(|| a.last_touched.clone().max(b.last_touched.clone()));
    let mut drawings = BTreeMap::new();
    for (id, drawing) in a.drawings.iter().chain(b.drawings.iter()) {
        drawings
            .entry(id.clone())
            .and_modify(|merged: &mut Drawing| {
                if drawing_key(drawing) > drawing_key(merged) {
                    *merged = drawing.clone();
                }
            })
            .or_insert_with(|| drawing.clone());
    }
    // Feedback: every mentor comment of either copy, once per mentor and time, oldest first.
    let mut feedback: Vec<super::Feedback> =
        a.feedback.iter().chain(&b.feedback).cloned().collect();
    feedback.sort_by(|x, y| {
        (x.written, &x.mentor, &x.overall, &x.items)
            .cmp(&(y.written, &y.mentor, &y.overall, &y.items))
    });
    feedback.dedup_by(|x, y| x.written == y.written && x.mentor == y.mentor);
    Progress {
        items,
        chapter_notes,
        last_touched,
        drawings,
        feedback,
    }
}

/// The newer drawing wins; at the same moment, the larger image (an arbitrary but symmetric
/// choice, so the merge stays commutative).
fn drawing_key(drawing: &Drawing) -> (Option<jiff::Timestamp>, Option<&[u8]>) {
    (
        drawing.updated,
        drawing.image.as_ref().map(|image| image.data.as_slice()),
    )
}

/// Orders states when two copies changed at the same moment: the more complete one wins.
fn state_rank(state: ItemState) -> u8 {
    match state {
        ItemState::NotStarted => 0,
        ItemState::InProgress => 1,
        ItemState::Skipped => 2,
        ItemState::Done => 3,
    }
}

fn merge_item(a: &ItemProgress, b: &ItemProgress) -> ItemProgress {
    let key = |item: &ItemProgress| {
        (
            item.changed,
            state_rank(item.state),
            item.started,
            item.finished,
        )
    };
    let newer = if key(b) > key(a) { b } else { a };
    ItemProgress {
        state: newer.state,
        started: newer.started,
        finished: newer.finished,
        changed: newer.changed,
        note: merge_note(&a.note, &b.note),
    }
}

/// Both texts kept (newer first) unless one already contains the other.
fn merge_note(a: &Note, b: &Note) -> Note {
    if a.text == b.text {
        return Note {
            text: a.text.clone(),
            edited: a.edited.max(b.edited),
        };
    }
    if b.text.is_empty() || a.text.contains(b.text.as_str()) {
        return Note {
            text: a.text.clone(),
            edited: a.edited.max(b.edited),
        };
    }
    if a.text.is_empty() || b.text.contains(a.text.as_str()) {
        return Note {
            text: b.text.clone(),
            edited: a.edited.max(b.edited),
        };
    }
    let (newer, older) = if (b.edited, &b.text) > (a.edited, &a.text) {
        (b, a)
    } else {
        (a, b)
    };
    Note {
        text: format!("{}{NOTE_SEPARATOR}{}", newer.text, older.text),
        edited: a.edited.max(b.edited),
    }
}

/// How much one progress may hold (the format's limits, `crate::format::limits`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Capacity {
    /// Most items.
    pub items: usize,
    /// Most chapter notes.
    pub chapter_notes: usize,
    /// Longest note, in bytes of UTF-8.
    pub note_bytes: usize,
    /// Most drawings.
    pub drawings: usize,
    /// Most mentor feedback entries.
    pub feedback: usize,
}

/// Something a merge kept out of the result because the result would be over a limit.
#[derive(Clone, Debug, PartialEq)]
pub enum SetAside {
    /// The other (older) version of a note: both versions together are over the length limit.
    NoteVersion(NoteTarget, Note),
    /// An item beyond the most one progress may hold (highest ids first).
    Item(ItemId, ItemProgress),
    /// A chapter note beyond the most one progress may hold.
    ChapterNote(ChapterId, Note),
    /// A drawing beyond the most one progress may hold.
    Drawing(ItemId, Drawing),
    /// Mentor feedback beyond the most one progress may hold (the oldest).
    Feedback(Feedback),
}

impl SetAside {
    /// Where the entry goes in a progress (two entries with one key cannot share a file).
    fn key(&self) -> SetAsideKey {
        match self {
            Self::NoteVersion(NoteTarget::Item(id), _) | Self::Item(id, _) => {
                SetAsideKey::Item(id.clone())
            }
            Self::NoteVersion(NoteTarget::Chapter(id), _) | Self::ChapterNote(id, _) => {
                SetAsideKey::Chapter(id.clone())
            }
            Self::Drawing(id, _) => SetAsideKey::Drawing(id.clone()),
            Self::Feedback(_) => SetAsideKey::Feedback,
        }
    }

    /// Puts the entry into `progress` (which must not hold its key yet).
    fn put_into(self, progress: &mut Progress) {
        match self {
            Self::NoteVersion(NoteTarget::Item(id), note) => {
                progress.items.entry(id).or_default().note = note;
            }
            Self::Item(id, item) => {
                progress.items.insert(id, item);
            }
            Self::NoteVersion(NoteTarget::Chapter(id), note) | Self::ChapterNote(id, note) => {
                progress.chapter_notes.insert(id, note);
            }
            Self::Drawing(id, drawing) => {
                progress.drawings.insert(id, drawing);
            }
            Self::Feedback(feedback) => progress.feedback.push(feedback),
        }
    }
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum SetAsideKey {
    Item(ItemId),
    Chapter(ChapterId),
    Drawing(ItemId),
    Feedback,
}

/// [`merge`], keeping the result within `capacity`; what does not fit is returned, never
/// dropped (only `last_touched` is cleared when its item is set aside). Commutative like
/// [`merge`]: which entries are set aside does not depend on the order of the copies (the
/// older note version, the highest ids, the oldest feedback).
///
/// # Example
/// ```
/// use jiff::Timestamp;
/// use study_companion::curriculum::ItemId;
/// use study_companion::progress::{merge_within, Capacity, NoteTarget, Progress, SetAside};
/// let capacity = Capacity { items: 10, chapter_notes: 10, note_bytes: 8, drawings: 1, feedback: 1 };
/// let target = NoteTarget::Item(ItemId("a".to_owned()));
/// let (mut home, mut lab) = (Progress::default(), Progress::default());
/// home.set_note(&target, "home", Timestamp::from_second(100)?);
/// lab.set_note(&target, "lab!", Timestamp::from_second(200)?);
/// let (merged, set_aside) = merge_within(&home, &lab, capacity);
/// assert_eq!(merged.note(&target).map(|note| note.text.as_str()), Some("lab!"));
/// assert!(matches!(&set_aside[..], [SetAside::NoteVersion(_, note)] if note.text == "home"));
/// # Ok::<(), jiff::Error>(())
/// ```
pub fn merge_within(a: &Progress, b: &Progress, capacity: Capacity) -> (Progress, Vec<SetAside>) {
    let mut merged = merge(a, b);
    let mut set_aside = Vec::new();

    // Notes: where both versions together are too long, the newer stays and the older is set
    // aside (each version alone came from a file within the limits).
    let notes_of = |progress: &Progress, target: &NoteTarget| {
        progress.note(target).cloned().unwrap_or_default()
    };
    let targets: Vec<NoteTarget> = merged
        .items
        .keys()
        .map(|id| NoteTarget::Item(id.clone()))
        .chain(
            merged
                .chapter_notes
                .keys()
                .map(|id| NoteTarget::Chapter(id.clone())),
        )
        .collect();
    for target in targets {
        let Some(note) = merged.note_mut(&target) else {
            continue;
        };
        if note.text.len() <= capacity.note_bytes {
            continue;
        }
        let (x, y) = (notes_of(a, &target), notes_of(b, &target));
        let (newer, older) = if (y.edited, &y.text) > (x.edited, &x.text) {
            (y, x)
        } else {
            (x, y)
        };
        let edited = note.edited;
        if newer.text.len() <= capacity.note_bytes {
            *note = Note {
                text: newer.text,
                edited,
            };
            set_aside.push(SetAside::NoteVersion(target, older));
        } else {
            // Only possible for copies that were themselves over the limit: set it all aside.
            let whole = std::mem::take(note);
            set_aside.push(SetAside::NoteVersion(target, whole));
        }
    }

    // Counts: the first ids (in id order, so the choice is the same whichever copy is local).
    while merged.items.len() > capacity.items {
        if let Some((id, item)) = merged.items.pop_last() {
            set_aside.push(SetAside::Item(id, item));
        }
    }
    if merged
        .last_touched
        .as_ref()
        .is_some_and(|id| !merged.items.contains_key(id))
    {
        merged.last_touched = None;
    }
    while merged.chapter_notes.len() > capacity.chapter_notes {
        if let Some((id, note)) = merged.chapter_notes.pop_last() {
            set_aside.push(SetAside::ChapterNote(id, note));
        }
    }
    while merged.drawings.len() > capacity.drawings {
        if let Some((id, drawing)) = merged.drawings.pop_last() {
            set_aside.push(SetAside::Drawing(id, drawing));
        }
    }
    // Feedback is oldest first: the oldest is set aside.
    let excess = merged.feedback.len().saturating_sub(capacity.feedback);
    set_aside.extend(merged.feedback.drain(..excess).map(SetAside::Feedback));
    (merged, set_aside)
}

/// Groups set-aside entries into progresses that are each within `capacity` (entries with one
/// key, such as an item and the other version of its note, go to different ones).
pub fn pack(entries: Vec<SetAside>, capacity: Capacity) -> Vec<Vec<SetAside>> {
    let mut groups: Vec<(Vec<SetAside>, Counts)> = Vec::new();
    for entry in entries {
        let key = entry.key();
        let fits = |group: &(Vec<SetAside>, Counts)| {
            let (entries, counts) = group;
            let collides = key != SetAsideKey::Feedback && entries.iter().any(|e| e.key() == key);
            !collides && counts.has_room(&key, capacity)
        };
        match groups.iter_mut().find(|group| fits(group)) {
            Some((entries, counts)) => {
                counts.add(&key);
                entries.push(entry);
            }
            None => {
                let mut counts = Counts::default();
                counts.add(&key);
                groups.push((vec![entry], counts));
            }
        }
    }
    groups.into_iter().map(|(entries, _)| entries).collect()
}

/// A progress holding `entries` (one group of [`pack`]).
pub fn progress_of(entries: Vec<SetAside>) -> Progress {
    let mut progress = Progress::default();
    for entry in entries {
        entry.put_into(&mut progress);
    }
    progress
}

#[derive(Default)]
struct Counts {
    items: usize,
    chapter_notes: usize,
    drawings: usize,
    feedback: usize,
}

impl Counts {
    fn slot(&mut self, key: &SetAsideKey) -> &mut usize {
        match key {
            SetAsideKey::Item(_) => &mut self.items,
            SetAsideKey::Chapter(_) => &mut self.chapter_notes,
            SetAsideKey::Drawing(_) => &mut self.drawings,
            SetAsideKey::Feedback => &mut self.feedback,
        }
    }

    fn has_room(&self, key: &SetAsideKey, capacity: Capacity) -> bool {
        let (used, limit) = match key {
            SetAsideKey::Item(_) => (self.items, capacity.items),
            SetAsideKey::Chapter(_) => (self.chapter_notes, capacity.chapter_notes),
            SetAsideKey::Drawing(_) => (self.drawings, capacity.drawings),
            SetAsideKey::Feedback => (self.feedback, capacity.feedback),
        };
        used < limit
    }

    fn add(&mut self, key: &SetAsideKey) {
        *self.slot(key) += 1;
    }
}
