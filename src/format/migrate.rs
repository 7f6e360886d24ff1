//! Migrations between format versions, one function per step, chained by [`to_current`].
//!
//! Version 3 adds mentor feedback (`progress.feedback`); its shape is version 2's plus that
//! one defaulted field, so both are read by `current::ProgressFileV2` and [`v2_to_v3`] only stamps
//! the version. A version 4 that changes a shape gets its own module.

use super::{current, v1};
use crate::progress::Progress;

/// A file of any known version, as parsed.
pub enum Parsed {
    /// Format version 1.
    V1(v1::ProgressFileV1),
    /// Format version 2 or 3 (the same shape; 3 may carry feedback).
    V2(current::ProgressFileV2),
}

/// Brings a parsed file up to the current version, step by step.
pub fn to_current(parsed: Parsed) -> current::ProgressFileV2 {
    match parsed {
        Parsed::V1(file) => v2_to_v3(v1_to_v2(file)),
        Parsed::V2(file) => v2_to_v3(file),
    }
}

/// Version 3 adds mentor feedback; a version-2 file has none (the field defaults to empty).
pub fn v2_to_v3(mut file: current::ProgressFileV2) -> current::ProgressFileV2 {
    file.format = 3;
    file
}

/// Version 2 adds drawings; a version-1 file has none.
pub fn v1_to_v2(file: v1::ProgressFileV1) -> current::ProgressFileV2 {
    let v1::ProgressV1 {
        items,
        chapter_notes,
        last_touched,
    } = file.progress;
    current::ProgressFileV2 {
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
            feedback: Vec::new(),
        },
    }
}
