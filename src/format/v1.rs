//! Format version 1 (item states, notes, times). Frozen: read only, then migrated.
//!
//! Every type a version-1 file holds has its own copy here, as version 1 wrote it, so a
//! change to the model (`crate::progress`, the current `Student`) can never change how a
//! version-1 file reads; `migrate::v1_to_v2` converts them. Each keeps the serde name the
//! model's type had when version 1 was current (RON may write struct names, and error messages
//! name them). Ids are plain strings here; the reader checks them after migrating, like any
//! other id.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::Deserialize;

/// A progress file, format version 1.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename = "ProgressFile")]
pub struct ProgressFileV1 {
    /// Always 1 for this version.
    pub format: u32,

    /// The app version that wrote the file, e.g. `0.1.0`.
    #[serde(default)]
    pub app_version: String,

    /// Whose progress this is.
    pub student: StudentV1,

    /// The curriculum version the app carried when it wrote the file.
    #[serde(default)]
    pub curriculum_version: String,

    /// When the file was written (UTC).
    #[serde(default)]
    pub saved_at: Option<Timestamp>,

    /// Item states, notes and times.
    #[serde(default)]
    pub progress: ProgressV1,
}

/// The progress of a version-1 file.
///
/// Named `Progress` as the version-1 app wrote it (`progress: Progress(…)`): until this copy
/// was made, its serde name was `ProgressV1`, and such a file was refused with "Expected struct
/// `ProgressV1` but found `Progress`".
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, rename = "Progress")]
pub struct ProgressV1 {
    /// Per-item progress, by item id.
    #[serde(deserialize_with = "crate::progress::unique_map")]
    pub items: BTreeMap<String, ItemProgressV1>,
    /// Notes on whole chapters, by chapter id.
    #[serde(deserialize_with = "crate::progress::unique_map")]
    pub chapter_notes: BTreeMap<String, NoteV1>,
    /// The id of the item changed last.
    pub last_touched: Option<String>,
}

/// A student of a version-1 file.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename = "Student")]
pub struct StudentV1 {
    /// Random, made once per student.
    pub id: String,

    /// As the student wrote it; may be empty.
    #[serde(default)]
    pub name: String,
}

/// Where a student is with one item, in a version-1 file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename = "ItemState")]
pub enum ItemStateV1 {
    /// Not touched yet.
    #[default]
    NotStarted,
    /// Started, not finished.
    InProgress,
    /// Finished.
    Done,
    /// Deliberately skipped; counts as complete.
    Skipped,
}

/// One item's progress in a version-1 file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default, rename = "ItemProgress")]
pub struct ItemProgressV1 {
    /// Current state.
    pub state: ItemStateV1,
    /// When the item was first started.
    pub started: Option<Timestamp>,
    /// When the item was last completed.
    pub finished: Option<Timestamp>,
    /// When the state last changed.
    pub changed: Option<Timestamp>,
    /// The student's note on this item.
    pub note: NoteV1,
}

/// A note in a version-1 file: Markdown text and when it was last edited.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default, rename = "Note")]
pub struct NoteV1 {
    /// Markdown; empty when there is no note.
    pub text: String,
    /// When the text last changed (UTC).
    pub edited: Option<Timestamp>,
}
