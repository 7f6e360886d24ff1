//! The progress file: what the app saves and what students send to mentors.
//!
//! RON, readable in a text editor, with a format version. The current format has its module
//! (`current`), each older version whose shape differs is frozen in its own (`v1`), and each
//! step has a migration (`migrate`); a file from a newer app is refused with a clear message.
//! Files from others are untrusted: [`read`] enforces the [`limits`], cleans what it safely
//! can (and lists it in [`Imported::repairs`]) and refuses the rest with a message that says
//! what and where. `docs/progress-file.md` documents every field and limit.

mod current;
mod fit;
pub mod limits;
mod migrate;
mod probe;
mod repair;
pub(crate) mod skim;
mod syntax;
mod v1;

use std::path::Path;

use jiff::Timestamp;

use crate::progress::Progress;

pub use current::{Kind, ProgressFile, Student};
pub use fit::{fit_in_file, set_aside_files};
pub use repair::{ImageCheck, Repair, clean_text};
pub use syntax::SyntaxKind;

/// The format version this build writes.
pub const CURRENT_FORMAT: u32 = 3;

/// The file extension of progress files (`张三-2026-11-29.scprogress`).
pub const EXTENSION: &str = "scprogress";
/// Extension of a mentor's feedback file (same format, [`Kind::Feedback`]).
pub const FEEDBACK_EXTENSION: &str = "scfeedback";

/// Why a progress file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// Larger than [`limits::MAX_FILE_BYTES`].
    #[error("the file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// Its size (or the part read before stopping).
        size: u64,
        /// The limit.
        limit: u64,
    },

    /// A folder, device or pipe rather than a file.
    #[error("this is not a file but {0}")]
    NotAFile(crate::safe_io::FileKind),

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
        /// What kind of error, for a message in the reader's language.
        kind: SyntaxKind,
        /// What the RON parser says (its own words, in English: for the log).
        message: String,
    },

    /// A study plan (`PlanFile(…)`), given where a progress file was expected.
    #[error("this is a study plan, not a progress file")]
    PlanFile,

    /// Written by a newer app.
    #[error(
        "the file has format version {found}, but this app reads versions up to {supported}; please update Study Companion"
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

    /// More entries of one kind than its limit ([`limits::MAX_ITEMS`] items, …).
    #[error("the file has {count} {what}; the limit is {limit}")]
    TooManyItems {
        /// What there are too many of.
        what: Counted,
        /// How many the file has.
        count: usize,
        /// The limit.
        limit: usize,
    },

    /// The student id is missing or not a plausible id.
    #[error("the student id is missing or invalid")]
    BadStudentId,

    /// Reading the file failed.
    #[error("could not read the file: {0}")]
    Io(#[from] std::io::Error),

    /// Serialising failed (should not happen).
    #[error("could not write the progress file: {0}")]
    Write(String),
}

/// The lists of a progress file that have a limit on their length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    /// Items with progress ([`limits::MAX_ITEMS`]).
    Items,
    /// Chapter notes ([`limits::MAX_CHAPTER_NOTES`]).
    ChapterNotes,
    /// Drawings ([`limits::MAX_DRAWINGS`]).
    Drawings,
    /// Mentor feedback entries ([`limits::MAX_FEEDBACK`]).
    Feedback,
}

impl std::fmt::Display for Counted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Items => "items",
            Self::ChapterNotes => "chapter notes",
            Self::Drawings => "drawings",
            Self::Feedback => "feedback entries",
        })
    }
}

/// A file that was read, and what had to be cleaned or skipped to read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The file, valid and within limits.
    pub file: ProgressFile,
    /// What was changed or left out, in file order.
    pub repairs: Vec<Repair>,
}

fn syntax_error(error: &ron::error::SpannedError, text: &str) -> FormatError {
    FormatError::Syntax {
        line: error.span.start.line,
        col: error.span.start.col,
        kind: SyntaxKind::of_spanned(error, text),
        message: error.code.to_string(),
    }
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(limits::MAX_NESTING)
}

/// Reads an untrusted progress file of any known version: checks the limits, migrates it to
/// the current version, and cleans what can be cleaned (see [`Repair`]).
///
/// # Example
/// ```
/// use study_companion::format::{read, to_string, ProgressFile, Student};
/// let file = ProgressFile::new(Student::new("小明"), "2026.1+0");
/// let text = to_string(&file)?;
/// let imported = read(text.as_bytes())?;
/// assert_eq!(imported.file, file);
/// assert!(imported.repairs.is_empty());
/// # Ok::<(), study_companion::format::FormatError>(())
/// ```
pub fn read(bytes: &[u8]) -> Result<Imported, FormatError> {
    read_with(bytes, ImageCheck::Full)
}

/// [`read`], choosing how thoroughly embedded images are checked.
pub fn read_with(bytes: &[u8], images: ImageCheck) -> Result<Imported, FormatError> {
    let size = bytes.len() as u64;
    if size > limits::MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            size,
            limit: limits::MAX_FILE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|err| FormatError::NotText(err.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let options = ron_options();
    // Sketches read now (on this thread) are checked and dropped, for an overview.
    let _skim = (images == ImageCheck::Summary).then(skim::Skim::start);
    let version = probe::format_version(&options, text).map_err(|err| match &err.code {
        // A study plan (after any comment or `#![enable(…)]` line RON allows).
        ron::Error::ExpectedDifferentStructName { found, .. } if found == "PlanFile" => {
            FormatError::PlanFile
        }
        _ => syntax_error(&err, text),
    })?;
    let parsed = match version {
        1 => migrate::Parsed::V1(
            options
                .from_str::<v1::ProgressFileV1>(text)
                .map_err(|err| syntax_error(&err, text))?,
        ),
        2 | 3 => migrate::Parsed::V2OrV3(
            options
                .from_str::<ProgressFile>(text)
                .map_err(|err| syntax_error(&err, text))?,
        ),
        found if found > CURRENT_FORMAT => {
            return Err(FormatError::TooNew {
                found,
                supported: CURRENT_FORMAT,
            });
        }
        found => return Err(FormatError::UnknownVersion(found)),
    };
    let file = migrate::to_current(parsed);
    repair::check_and_repair(file, images)
}

/// [`read`] for a file on disk: refuses an oversized file before reading it, and never
/// reads more than the limit.
pub fn read_path(path: &Path) -> Result<Imported, FormatError> {
    read_path_with(path, ImageCheck::Full)
}

/// [`read_path`], choosing how thoroughly embedded images are checked.
pub fn read_path_with(path: &Path, images: ImageCheck) -> Result<Imported, FormatError> {
    read_with(&read_file(path)?, images)
}

/// The bytes of a progress file on disk: a regular file (a FIFO, device or folder is refused
/// without blocking), at most [`limits::MAX_FILE_BYTES`] (refused from its size, never read
/// past the limit).
pub fn read_file(path: &Path) -> Result<Vec<u8>, FormatError> {
    use crate::safe_io::ReadError;
    crate::safe_io::read_regular(path, limits::MAX_FILE_BYTES).map_err(|err| match err {
        ReadError::NotFound => FormatError::Io(std::io::ErrorKind::NotFound.into()),
        ReadError::NotRegular(kind) => FormatError::NotAFile(kind),
        ReadError::TooLarge { size, limit } => FormatError::TooLarge { size, limit },
        ReadError::Io(err) => FormatError::Io(err),
    })
}

/// Reads a progress file (see [`read`]), dropping the list of repairs.
pub fn from_bytes(bytes: &[u8]) -> Result<ProgressFile, FormatError> {
    read(bytes).map(|imported| imported.file)
}

/// Writes a progress file as pretty RON.
pub fn to_string(file: &ProgressFile) -> Result<String, FormatError> {
    // Strings are written as they are (raw strings where they hold quotes or backslashes):
    // notes keep their line breaks, which reads better in a text editor, and writing is
    // about ten times faster than escaping every character.
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .escape_strings(false)
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
            kind: Kind::Progress,
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
