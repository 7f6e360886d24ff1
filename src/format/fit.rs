//! Keeping what the app writes within what it reads back.
//!
//! The rule: nothing the app writes may be refused when the app reads it back. A merge keeps
//! the counts and note lengths ([`crate::progress::merge_within`] with [`super::limits::CAPACITY`]);
//! [`fit_in_file`] keeps the size of the whole file under [`super::limits::MAX_FILE_BYTES`];
//! and [`set_aside_files`] turns what was set aside into files that are each within the limits
//! too, so the student can open them.

use crate::progress::{NoteTarget, SetAside, pack, progress_of};

use super::limits::{CAPACITY, MAX_FILE_BYTES};
use super::{FormatError, ProgressFile, to_string};

/// Room left under the file limit after fitting, for the timestamps and versions written
/// when the file is saved.
const MARGIN: usize = 64 * 1024;

/// One thing that can be moved out of a file to make it smaller, and about how many bytes it
/// takes when written.
enum Movable {
    Note(NoteTarget, usize),
    Drawing(crate::curriculum::ItemId, usize),
    Feedback(usize, usize),
}

impl Movable {
    fn size(&self) -> usize {
        match self {
            Self::Note(_, size) | Self::Drawing(_, size) | Self::Feedback(_, size) => *size,
        }
    }
}

fn drawing_size(drawing: &crate::drawing::Drawing) -> usize {
    // Base64 of the image, and about 24 bytes a sketch point as written.
    let image = drawing
        .image
        .as_ref()
        .map_or(0, |image| image.data.len() / 3 * 4);
    let sketch = drawing.sketch.as_ref().map_or(0, |sketch| {
        sketch
            .strokes
            .iter()
            .map(|stroke| stroke.points.len() * 24)
            .sum::<usize>()
            + sketch
                .labels
                .iter()
                .map(|label| label.text.len())
                .sum::<usize>()
    });
    image + sketch
}

/// Moves the largest notes, drawings and feedback out of `file` until it is written in at most
/// [`MAX_FILE_BYTES`] bytes, returning what was moved (empty when it already fits).
pub fn fit_in_file(file: &mut ProgressFile) -> Result<Vec<SetAside>, FormatError> {
    let mut set_aside = Vec::new();
    loop {
        let written = to_string(file)?.len();
        if written + MARGIN <= MAX_FILE_BYTES as usize {
            return Ok(set_aside);
        }
        let progress = &mut file.progress;
        let mut movable: Vec<Movable> = progress
            .items
            .iter()
            .filter(|(_, item)| !item.note.text.is_empty())
            .map(|(id, item)| Movable::Note(NoteTarget::Item(id.clone()), item.note.text.len()))
            .chain(
                progress
                    .chapter_notes
                    .iter()
                    .filter(|(_, note)| !note.text.is_empty())
                    .map(|(id, note)| {
                        Movable::Note(NoteTarget::Chapter(id.clone()), note.text.len())
                    }),
            )
            .chain(
                progress
                    .drawings
                    .iter()
                    .map(|(id, drawing)| Movable::Drawing(id.clone(), drawing_size(drawing))),
            )
            .chain(
                progress
                    .feedback
                    .iter()
                    .enumerate()
                    .map(|(index, feedback)| {
                        let size = feedback.overall.len()
                            + feedback.items.values().map(String::len).sum::<usize>();
                        Movable::Feedback(index, size)
                    }),
            )
            .filter(|movable| movable.size() > 0)
            .collect();
        if movable.is_empty() {
            // Only states and names left: far below the limit, unless the counts are over
            // theirs, which a merge within the capacity prevents.
            return Ok(set_aside);
        }
        // Largest first (ties in a fixed order), until the estimate is under the limit.
        movable.sort_by_key(|movable| std::cmp::Reverse(movable.size()));
        let mut excess = (written + MARGIN).saturating_sub(MAX_FILE_BYTES as usize);
        let mut feedback_moved = Vec::new();
        for movable in movable {
            if excess == 0 {
                break;
            }
            excess = excess.saturating_sub(movable.size());
            match movable {
                Movable::Note(target, _) => {
                    if let Some(note) = progress.note_mut(&target) {
                        set_aside.push(SetAside::NoteVersion(target, std::mem::take(note)));
                    }
                }
                Movable::Drawing(id, _) => {
                    if let Some(drawing) = progress.drawings.remove(&id) {
                        set_aside.push(SetAside::Drawing(id, drawing));
                    }
                }
                Movable::Feedback(index, _) => feedback_moved.push(index),
            }
        }
        feedback_moved.sort_unstable();
        for index in feedback_moved.into_iter().rev() {
            let feedback = progress.feedback.remove(index);
            set_aside.push(SetAside::Feedback(feedback));
        }
    }
}

/// The set-aside entries as progress files of `template`'s student, each within the limits
/// (counts, note lengths and file size), ready to be written. Empty for no entries.
pub fn set_aside_files(
    template: &ProgressFile,
    entries: Vec<SetAside>,
) -> Result<Vec<String>, FormatError> {
    let mut texts = Vec::new();
    let mut groups = pack(entries, CAPACITY);
    while let Some(mut group) = groups.pop() {
        let mut file = template.clone();
        file.progress = progress_of(group.clone());
        let text = to_string(&file)?;
        if text.len() <= MAX_FILE_BYTES as usize || group.len() < 2 {
            texts.push(text);
        } else {
            // Too large as one file: two halves (each entry came from a file within the
            // limits, so a single one fits).
            let second = group.split_off(group.len() / 2);
            groups.push(group);
            groups.push(second);
        }
    }
    texts.reverse();
    Ok(texts)
}
