//! The plan file (`.scplan`): a mentor's plan shared with the class, or a student's own
//! plan kept in the data folder (`plan.ron`, the same format).
//!
//! A file of its own kind, never a progress file: the class view does not count it and an
//! import of it changes no progress. Files from others are untrusted: [`read`] checks the
//! limits below, cleans what it safely can (listed as [`PlanRepair`]s, shown in the preview)
//! and refuses the rest with a [`PlanError`] that says what. Everything the app writes stays
//! within these limits, so it is always read back. `docs/plan-file.md` documents the format.

use std::path::Path;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::curriculum::is_valid_id;
use crate::format::clean_text;

use super::{ChapterTarget, Plan, days_between};

/// The format version this build writes.
pub const PLAN_FORMAT: u32 = 1;
/// The file extension of plan files (`寒假计划-2027-01-11.scplan`).
pub const PLAN_EXTENSION: &str = "scplan";
/// Largest plan file read (a plan of the whole roadmap is about 1 KiB).
pub const MAX_PLAN_BYTES: u64 = 256 * 1024;
/// Most chapter targets in one plan (the roadmap has 9 chapters).
pub const MAX_PLAN_CHAPTERS: usize = 200;
/// Longest plan, in days from start to end (about three years).
pub const MAX_PLAN_DAYS: i64 = 1100;
/// Longest author name kept, in characters (a longer one is cut).
pub const MAX_AUTHOR_CHARS: usize = 64;
/// Deepest RON nesting accepted (the format itself needs 4).
const MAX_NESTING: usize = 16;

/// A plan as a file: who made it and when, and the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanFile {
    /// The format version: [`PLAN_FORMAT`] when written by this app.
    pub format: u32,
    /// The app version that wrote it.
    #[serde(default)]
    pub app_version: String,
    /// Who made the plan (the mentor's name; empty for a student's own plan).
    #[serde(default)]
    pub author: String,
    /// When it was written (UTC); with the author, tells one plan from the next.
    #[serde(default)]
    pub written: Option<Timestamp>,
    /// The curriculum version the app carried.
    #[serde(default)]
    pub curriculum_version: String,
    /// The plan.
    pub plan: Plan,
}

impl PlanFile {
    /// A file for `plan`, written now by this app.
    pub fn new(plan: Plan, author: &str, curriculum_version: &str, now: Timestamp) -> Self {
        Self {
            format: PLAN_FORMAT,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            author: author.chars().take(MAX_AUTHOR_CHARS).collect(),
            written: Some(now),
            curriculum_version: curriculum_version.to_owned(),
            plan,
        }
    }
}

/// Why a plan file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// Larger than [`MAX_PLAN_BYTES`].
    #[error("the file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A folder, device or pipe.
    #[error("this is not a file but {0}")]
    NotAFile(crate::safe_io::FileKind),
    /// Empty.
    #[error("the file is empty")]
    Empty,
    /// Not UTF-8.
    #[error("the file is not text (invalid UTF-8 at byte {0})")]
    NotText(usize),
    /// A progress or feedback file given as a plan.
    #[error("this is a progress or feedback file, not a plan")]
    ProgressFile,
    /// RON syntax or shape error.
    #[error("{line}:{col}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// The parser's words (English).
        message: String,
    },
    /// Written by a newer app.
    #[error("the plan has format version {found}, but this app reads versions up to {supported}")]
    TooNew {
        /// The file's version.
        found: u32,
        /// The newest known.
        supported: u32,
    },
    /// Version 0.
    #[error("the plan has an unknown format version {0}")]
    UnknownVersion(u32),
    /// The end is before the start.
    #[error("the plan ends ({end}) before it starts ({start})")]
    EndBeforeStart {
        /// First day.
        start: Date,
        /// Last day.
        end: Date,
    },
    /// Longer than [`MAX_PLAN_DAYS`].
    #[error("the plan spans {days} days; the limit is {limit}")]
    TooLong {
        /// Its days.
        days: i64,
        /// The limit.
        limit: i64,
    },
    /// More chapter targets than [`MAX_PLAN_CHAPTERS`].
    #[error("the plan has {count} chapters; the limit is {limit}")]
    TooManyChapters {
        /// How many.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// Reading failed.
    #[error("could not read the file: {0}")]
    Io(#[from] std::io::Error),
    /// Serialising failed (should not happen).
    #[error("could not write the plan: {0}")]
    Write(String),
}

/// Something [`read`] cleaned or left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanRepair {
    /// A chapter id that is not a valid id: skipped.
    BadChapterId(String),
    /// A chapter named twice: the later target skipped.
    DuplicateChapter(String),
    /// A target date outside the plan: moved to its nearest end.
    DueMoved {
        /// The chapter.
        chapter: String,
        /// As written.
        from: Date,
        /// As kept.
        to: Date,
    },
    /// The author's name had control characters or was too long.
    AuthorCleaned,
}

impl std::fmt::Display for PlanRepair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::BadChapterId(id) => {
                write!(f, "a chapter id that is not valid was skipped: {id:?}")
            }
            Self::DuplicateChapter(id) => {
                write!(
                    f,
                    "chapter {id} was named twice: the later target was skipped"
                )
            }
            Self::DueMoved { chapter, from, to } => write!(
                f,
                "chapter {chapter}'s target {from} was outside the plan: moved to {to}"
            ),
            Self::AuthorCleaned => write!(f, "the author's name was cleaned"),
        }
    }
}

/// Whether a path names a plan file by its extension (`.scplan`).
pub fn is_plan_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case(PLAN_EXTENSION))
}

/// A plan file that was read, and what had to be cleaned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadPlan {
    /// The file, within limits.
    pub file: PlanFile,
    /// What was cleaned or skipped.
    pub repairs: Vec<PlanRepair>,
}

/// Only the version, read first so that a newer file says so rather than failing on a field.
#[derive(Deserialize)]
#[serde(rename = "PlanFile")]
struct Version {
    format: u32,
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

fn syntax(error: &ron::error::SpannedError) -> PlanError {
    PlanError::Syntax {
        line: error.span.start.line,
        col: error.span.start.col,
        message: error.code.to_string(),
    }
}

/// Reads an untrusted plan file: limits, version, dates, chapter ids.
///
/// # Example
/// ```
/// use jiff::civil::date;
/// use study_companion::plan::{file, Plan, PlanFile};
/// let plan = Plan { start: date(2027, 1, 11), end: date(2027, 2, 21), chapters: vec![] };
/// let written = PlanFile::new(plan, "王老师", "v", jiff::Timestamp::UNIX_EPOCH);
/// let text = file::to_string(&written)?;
/// assert_eq!(file::read(text.as_bytes())?.file, written);
/// # Ok::<(), study_companion::plan::PlanError>(())
/// ```
pub fn read(bytes: &[u8]) -> Result<ReadPlan, PlanError> {
    let size = bytes.len() as u64;
    if size > MAX_PLAN_BYTES {
        return Err(PlanError::TooLarge {
            size,
            limit: MAX_PLAN_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|err| PlanError::NotText(err.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).trim();
    if text.is_empty() {
        return Err(PlanError::Empty);
    }
    if text.starts_with("ProgressFile") {
        return Err(PlanError::ProgressFile);
    }
    let options = options();
    // The version first (unknown fields are ignored here), then the whole file.
    let version = options.from_str::<Version>(text).map(|v| v.format);
    match version {
        Ok(found) if found > PLAN_FORMAT => {
            return Err(PlanError::TooNew {
                found,
                supported: PLAN_FORMAT,
            });
        }
        Ok(0) => return Err(PlanError::UnknownVersion(0)),
        // A progress or feedback file after a comment or an `#![enable(…)]` line.
        Err(err)
            if matches!(&err.code,
                ron::Error::ExpectedDifferentStructName { found, .. } if found == "ProgressFile") =>
        {
            return Err(PlanError::ProgressFile);
        }
        _ => {}
    }
    let file: PlanFile = options.from_str(text).map_err(|err| syntax(&err))?;
    check(file)
}

/// [`read`] for a file on disk (a regular file within the size limit).
pub fn read_path(path: &Path) -> Result<ReadPlan, PlanError> {
    use crate::safe_io::ReadError;
    let bytes = crate::safe_io::read_regular(path, MAX_PLAN_BYTES).map_err(|err| match err {
        ReadError::NotFound => PlanError::Io(std::io::ErrorKind::NotFound.into()),
        ReadError::NotRegular(kind) => PlanError::NotAFile(kind),
        ReadError::TooLarge { size, limit } => PlanError::TooLarge { size, limit },
        ReadError::Io(err) => PlanError::Io(err),
    })?;
    read(&bytes)
}

/// Checks a parsed plan against the limits and cleans it.
pub fn check(mut file: PlanFile) -> Result<ReadPlan, PlanError> {
    let plan = &mut file.plan;
    if plan.end < plan.start {
        return Err(PlanError::EndBeforeStart {
            start: plan.start,
            end: plan.end,
        });
    }
    let days = days_between(plan.start, plan.end);
    if days > MAX_PLAN_DAYS {
        return Err(PlanError::TooLong {
            days,
            limit: MAX_PLAN_DAYS,
        });
    }
    if plan.chapters.len() > MAX_PLAN_CHAPTERS {
        return Err(PlanError::TooManyChapters {
            count: plan.chapters.len(),
            limit: MAX_PLAN_CHAPTERS,
        });
    }
    let mut repairs = Vec::new();
    let author: String = clean_text(&file.author, false)
        .unwrap_or_else(|| file.author.clone())
        .chars()
        .take(MAX_AUTHOR_CHARS)
        .collect();
    if author != file.author {
        file.author = author;
        repairs.push(PlanRepair::AuthorCleaned);
    }
    let (start, end) = (plan.start, plan.end);
    let mut kept: Vec<ChapterTarget> = Vec::with_capacity(plan.chapters.len());
    for mut target in std::mem::take(&mut plan.chapters) {
        let id = target.chapter.as_str();
        if !is_valid_id(id) {
            repairs.push(PlanRepair::BadChapterId(id.chars().take(64).collect()));
            continue;
        }
        if kept.iter().any(|k| k.chapter == target.chapter) {
            repairs.push(PlanRepair::DuplicateChapter(id.to_owned()));
            continue;
        }
        let due = target.due.clamp(start, end);
        if due != target.due {
            repairs.push(PlanRepair::DueMoved {
                chapter: id.to_owned(),
                from: target.due,
                to: due,
            });
            target.due = due;
        }
        kept.push(target);
    }
    plan.chapters = kept;
    Ok(ReadPlan { file, repairs })
}

/// Writes a plan file as pretty RON.
pub fn to_string(file: &PlanFile) -> Result<String, PlanError> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("  ".to_owned());
    ron::ser::to_string_pretty(file, config).map_err(|err| PlanError::Write(err.to_string()))
}
