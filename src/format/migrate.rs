//! Migrations between format versions, one function per step, chained by [`to_current`].
//!
//! When version 3 comes, it gets its own module (`v3.rs`), `ProgressFile` becomes
//! `v3::ProgressFileV3`, and this file gains `fn v2_to_v3`, chained after [`v1_to_v2`].

use super::{v1, v2};
use crate::progress::Progress;

/// A file of any known version, as parsed.
pub enum Parsed {
    /// Format version 1.
    V1(v1::ProgressFileV1),
    /// Format version 2.
    V2(v2::ProgressFileV2),
}

/// Brings a parsed file up to the current version, step by step.
pub fn to_current(parsed: Parsed) -> v2::ProgressFileV2 {
    match parsed {
        Parsed::V1(file) => v1_to_v2(file),
        Parsed::V2(file) => file,
    }
}

/// Version 2 adds drawings; a version-1 file has none.
pub fn v1_to_v2(file: v1::ProgressFileV1) -> v2::ProgressFileV2 {
    let v1::ProgressV1 {
        items,
        chapter_notes,
        last_touched,
    } = file.progress;
    v2::ProgressFileV2 {
        format: 2,
        app_version: file.app_version,
        student: file.student,
        curriculum_version: file.curriculum_version,
        saved_at: file.saved_at,
        progress: Progress {
            items,
            chapter_notes,
            last_touched,
            drawings: Default::default(),
        },
    }
}
