//! Merging two copies of one student's progress (two computers, an export carried along).
//!
//! Per item the newer state change wins; notes that differ are both kept; of two drawings
//! the newer one wins; nothing is ever deleted. The merge is commutative and idempotent: the result does not depend on which copy
//! is "local", and merging a copy twice changes nothing.

use std::collections::BTreeMap;

use super::{ItemProgress, ItemState, Note, Progress};
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
    // Feedback: every mentor comment of either copy, once, oldest first.
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
