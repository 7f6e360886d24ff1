//! Migrations between format versions, one function per step, chained by [`to_current`].
//!
//! Version 3 adds mentor feedback (`progress.feedback`); its shape is version 2's plus that
//! one defaulted field, so both are read by [`current::ProgressFile`] and [`v2_to_v3`] only
//! stamps the version. A version 4 that changes a shape freezes today's `current` into a
//! module of its own (as `v1` is) and gets its own step.

use super::{current, v1};
use crate::curriculum::{ChapterId, ItemId};
use crate::progress::{ItemProgress, ItemState, Note, Progress};

/// A file of any known version, as parsed.
pub enum Parsed {
    /// Format version 1.
    V1(v1::ProgressFileV1),
    /// Format version 2 or 3 (the same shape, read by the current module; 3 may carry
    /// feedback).
    V2OrV3(current::ProgressFile),
}

/// Brings a parsed file up to the current version, step by step.
pub fn to_current(parsed: Parsed) -> current::ProgressFile {
    match parsed {
        Parsed::V1(file) => v2_to_v3(v1_to_v2(file)),
        Parsed::V2OrV3(file) => v2_to_v3(file),
    }
}

/// Version 3 adds mentor feedback; a version-2 file has none (the field defaults to empty).
pub fn v2_to_v3(mut file: current::ProgressFile) -> current::ProgressFile {
    file.format = 3;
    file
}

/// Version 2 adds drawings; a version-1 file has none. Converts version 1's frozen types into
/// the model's, field by field.
pub fn v1_to_v2(file: v1::ProgressFileV1) -> current::ProgressFile {
    let v1::ProgressV1 {
        items,
        chapter_notes,
        last_touched,
    } = file.progress;
    current::ProgressFile {
        format: 2,
        app_version: file.app_version,
        student: current::Student {
            id: file.student.id,
            name: file.student.name,
        },
        curriculum_version: file.curriculum_version,
        saved_at: file.saved_at,
        kind: current::Kind::Progress,
        progress: Progress {
            items: items
                .into_iter()
                .map(|(id, item)| (ItemId(id), item_from_v1(item)))
                .collect(),
            chapter_notes: chapter_notes
                .into_iter()
                .map(|(id, note)| (ChapterId(id), note_from_v1(note)))
                .collect(),
            last_touched: last_touched.map(ItemId),
            drawings: Default::default(),
            feedback: Vec::new(),
        },
    }
}

fn item_from_v1(item: v1::ItemProgressV1) -> ItemProgress {
    ItemProgress {
        state: match item.state {
            v1::ItemStateV1::NotStarted => ItemState::NotStarted,
            v1::ItemStateV1::InProgress => ItemState::InProgress,
            v1::ItemStateV1::Done => ItemState::Done,
            v1::ItemStateV1::Skipped => ItemState::Skipped,
        },
        started: item.started,
        finished: item.finished,
        changed: item.changed,
        note: note_from_v1(item.note),
    }
}

fn note_from_v1(note: v1::NoteV1) -> Note {
    Note {
        text: note.text,
        edited: note.edited,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A version-1 file, with the struct names the version-1 app wrote, reads into the model
    /// field by field.
    #[test]
    fn a_version_1_file_migrates_field_by_field() {
        let text = r#"ProgressFile(
  format: 1,
  app_version: "0.1.0",
  student: Student(id: "s-1", name: "张三"),
  curriculum_version: "2026.1+0",
  saved_at: Some("2026-11-29T14:30:00Z"),
  progress: Progress(
    items: {
      "a.done": ItemProgress(
        state: Done,
        started: Some("2026-11-20T08:00:00Z"),
        finished: Some("2026-11-21T09:30:00Z"),
        changed: Some("2026-11-21T09:30:00Z"),
        note: Note(text: "笔记", edited: Some("2026-11-21T09:31:00Z")),
      ),
      "a.skipped": (state: Skipped),
      "a.started": (state: InProgress),
      "a.new": (note: (text: "只有笔记")),
    },
    chapter_notes: {"a": (text: "本章")},
    last_touched: Some("a.started"),
  ),
)"#;
        let imported = crate::format::read(text.as_bytes()).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(imported.repairs, []);
        let file = imported.file;
        let time = |s: &str| s.parse::<jiff::Timestamp>().ok();
        let id = |s: &str| ItemId(s.to_owned());
        assert_eq!(file.format, 3);
        assert_eq!(file.student.id, "s-1");
        assert_eq!(file.student.name, "张三");
        assert_eq!(file.saved_at, time("2026-11-29T14:30:00Z"));
        let progress = &file.progress;
        assert_eq!(
            progress.items[&id("a.done")],
            ItemProgress {
                state: ItemState::Done,
                started: time("2026-11-20T08:00:00Z"),
                finished: time("2026-11-21T09:30:00Z"),
                changed: time("2026-11-21T09:30:00Z"),
                note: Note {
                    text: "笔记".to_owned(),
                    edited: time("2026-11-21T09:31:00Z"),
                },
            }
        );
        assert_eq!(progress.state(&id("a.skipped")), ItemState::Skipped);
        assert_eq!(progress.state(&id("a.started")), ItemState::InProgress);
        assert_eq!(progress.state(&id("a.new")), ItemState::NotStarted);
        assert_eq!(progress.items[&id("a.new")].note.text, "只有笔记");
        assert_eq!(
            progress.chapter_notes[&ChapterId("a".to_owned())].text,
            "本章"
        );
        assert_eq!(progress.last_touched, Some(id("a.started")));
        assert!(progress.drawings.is_empty() && progress.feedback.is_empty());
    }
}
