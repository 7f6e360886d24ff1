//! The current format (version 3): what this app writes, and how it reads versions 2 and 3.
//!
//! Version 2 added the drawings handed in for task items (chapter 二's hand-drawn workflow), as
//! an embedded image and, for sketches, their strokes; version 3 added mentor feedback
//! (`progress.feedback`). A version-2 file is a version-3 file without feedback, so this one
//! shape reads both (see `migrate`).
//!
//! These types are the model's own serde types ([`Progress`] and what it holds): the file is
//! the model as written. When a version 4 changes a shape, what is here now is frozen into a
//! module of its own with its own types, the way `v1` is.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::progress::Progress;

/// A progress file in the current format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgressFile {
    /// The format version: 3 when written by this app (a version-2 file reads as 2, then
    /// `migrate` stamps it).
    pub format: u32,

    /// The app version that wrote the file, e.g. `0.1.0`.
    #[serde(default)]
    pub app_version: String,

    /// Whose progress this is.
    pub student: Student,

    /// The curriculum version the app carried when it wrote the file.
    #[serde(default)]
    pub curriculum_version: String,

    /// When the file was written (UTC).
    #[serde(default)]
    pub saved_at: Option<Timestamp>,

    /// Item states, notes, times, drawings and mentor feedback.
    #[serde(default)]
    pub progress: Progress,

    /// What the file is: a student's progress (not written, the default) or a mentor's
    /// feedback for a student.
    #[serde(default, skip_serializing_if = "Kind::is_progress")]
    pub kind: Kind,
}

/// What a file is. A progress file and a feedback file have the same shape; the kind tells
/// them apart (and a feedback file has its own extension, [`super::FEEDBACK_EXTENSION`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// A student's progress.
    #[default]
    Progress,
    /// A mentor's feedback for the student it names: only comments, no progress.
    Feedback,
}

impl Kind {
    /// Whether this is a progress file.
    pub fn is_progress(&self) -> bool {
        *self == Self::Progress
    }
}

impl ProgressFile {
    /// Whether this is feedback rather than progress: marked so, or a feedback file of the
    /// app before the kind existed. Those hold nothing but one mentor's feedback, written at
    /// the moment the file was (`written` equals `saved_at`); a student's own file with
    /// feedback they accepted was saved later than the feedback was written.
    pub fn is_feedback(&self) -> bool {
        let progress = &self.progress;
        self.kind == Kind::Feedback
            || (progress.items.is_empty()
                && progress.chapter_notes.is_empty()
                && progress.drawings.is_empty()
                && progress.feedback.len() == 1
                && self.saved_at.is_some()
                && progress.feedback[0].written == self.saved_at)
    }
}

/// A student: an id made once (a renamed student stays the same person) and a display name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Student {
    /// Random, made once per student; never changes.
    pub id: String,

    /// As the student wrote it; may be empty until asked.
    #[serde(default)]
    pub name: String,
}

impl Student {
    /// A new student with a fresh random id.
    pub fn new(name: &str) -> Self {
        Self {
            id: uuid::Uuid::new_v4().to_string(),
            name: name.to_owned(),
        }
    }
}
