//! The progress file: what the app saves and what students send to mentors.
//!
//! RON, readable in a text editor, with a format version. One module per version
//! (`v1`, …); reading a file migrates it step by step to the current version, and a file from
//! a newer app is refused with a clear message. `docs/progress-file.md` documents every field.

mod v1;

use jiff::Timestamp;
use serde::Deserialize;

use crate::progress::Progress;

pub use v1::Student;

/// The format version this build writes.
pub const CURRENT_FORMAT: u32 = 1;

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The conventional file extension of progress files.
pub const EXTENSION: &str = "scprogress";

/// A progress file in the current format.
pub type ProgressFile = v1::ProgressFileV1;

/// Why a progress file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// Larger than [`MAX_FILE_BYTES`].
    #[error("the file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },

    /// Empty or whitespace only.
    #[error("the file is empty")]
    Empty,

    /// Not UTF-8 text (binary garbage, another kind of file).
    #[error("the file is not text (invalid UTF-8 at byte {0})")]
    NotText(usize),

    /// RON syntax or shape error, with its position.
    #[error("{line}:{col}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What the RON parser says.
        message: String,
    },

    /// Written by a newer app.
    #[error(
        "the file has format version {found}, but this app reads versions up to {supported}; please update 学习伴侣 / Study Companion"
    )]
    TooNew {
        /// The file's version.
        found: u32,
        /// The newest this app knows.
        supported: u32,
    },

    /// Version 0 or otherwise impossible.
    #[error("the file has an unknown format version {0}")]
    UnknownVersion(u32),

    /// Serialising failed (should not happen).
    #[error("could not write the progress file: {0}")]
    Write(String),
}

/// Only the version, to pick the right reader before parsing the rest.
#[derive(Deserialize)]
#[serde(rename = "ProgressFile")]
struct VersionProbe {
    format: u32,
}

fn syntax_error(error: &ron::error::SpannedError) -> FormatError {
    FormatError::Syntax {
        line: error.span.start.line,
        col: error.span.start.col,
        message: error.code.to_string(),
    }
}

/// Reads a progress file of any known version, migrating it to the current one.
///
/// # Example
/// ```
/// use study_companion::format::{from_bytes, to_string, ProgressFile, Student};
/// let file = ProgressFile::new(Student::new("小明"), "2026.1+0");
/// let text = to_string(&file)?;
/// assert_eq!(from_bytes(text.as_bytes())?, file);
/// # Ok::<(), study_companion::format::FormatError>(())
/// ```
pub fn from_bytes(bytes: &[u8]) -> Result<ProgressFile, FormatError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|err| FormatError::NotText(err.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let probe: VersionProbe = ron::from_str(text).map_err(|err| syntax_error(&err))?;
    match probe.format {
        1 => ron::from_str::<v1::ProgressFileV1>(text).map_err(|err| syntax_error(&err)),
        found if found > CURRENT_FORMAT => Err(FormatError::TooNew {
            found,
            supported: CURRENT_FORMAT,
        }),
        found => Err(FormatError::UnknownVersion(found)),
    }
}

/// Writes a progress file as pretty RON.
pub fn to_string(file: &ProgressFile) -> Result<String, FormatError> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("  ".to_owned());
    ron::ser::to_string_pretty(file, config).map_err(|err| FormatError::Write(err.to_string()))
}

impl ProgressFile {
    /// An empty progress for a student.
    pub fn new(student: Student, curriculum_version: &str) -> Self {
        Self {
            format: CURRENT_FORMAT,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            student,
            curriculum_version: curriculum_version.to_owned(),
            saved_at: None,
            progress: Progress::default(),
        }
    }

    /// Stamps the file as written now by this app.
    pub fn stamp(&mut self, curriculum_version: &str, now: Timestamp) {
        self.format = CURRENT_FORMAT;
        env!("CARGO_PKG_VERSION").clone_into(&mut self.app_version);
        curriculum_version.clone_into(&mut self.curriculum_version);
        self.saved_at = Some(now);
    }
}
