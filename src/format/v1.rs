//! Format version 1 (item states, notes, times). Frozen: read only, then migrated.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::curriculum::{ChapterId, ItemId};
use crate::progress::{ItemProgress, Note};

/// A progress file, format version 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "ProgressFile")]
pub struct ProgressFileV1 {
    /// Always 1 for this version.
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

    /// Item states, notes and times.
    #[serde(default)]
    pub progress: ProgressV1,
}

/// The progress of a version-1 file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgressV1 {
    /// Per-item progress.
    #[serde(deserialize_with = "crate::progress::unique_map")]
    pub items: BTreeMap<ItemId, ItemProgress>,
    /// Notes on whole chapters.
    #[serde(deserialize_with = "crate::progress::unique_map")]
    pub chapter_notes: BTreeMap<ChapterId, Note>,
    /// The item changed last.
    pub last_touched: Option<ItemId>,
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
