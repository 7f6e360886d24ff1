//! Migrations between format versions, one function per step, chained by [`to_current`].
//!
//! Version 1 is the first format, so there is no step yet. When version 2 comes, it gets its
//! own module (`v2.rs`), `ProgressFile` becomes `v2::ProgressFileV2`, and this file gains
//! `fn v1_to_v2(file: v1::ProgressFileV1) -> v2::ProgressFileV2`, called for every version-1
//! file before it reaches [`to_current`]'s caller.

use super::{ProgressFile, v1};

/// Brings a file of the newest parsed version up to the current one.
pub fn to_current(file: v1::ProgressFileV1) -> ProgressFile {
    file
}
