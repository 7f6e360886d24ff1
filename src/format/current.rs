//! Format version 2: version 1 plus the drawings handed in for task items (chapter 二's
//! hand-drawn workflow), as an embedded image and, for sketches, their strokes.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::progress::Progress;

pub use super::v1::Student;

/// A progress file, format version 2 (the current one).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "ProgressFile")]
pub struct ProgressFileV2 {
    /// Always 2 for this version.
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

    /// Item states, notes, times and drawings.
    #[serde(default)]
    pub progress: Progress,
}
