//! Handing in to a class folder: the student chooses a folder the studio shares (a network
//! drive, a synced cloud folder) once, and the app keeps `<name>-<short id>.scprogress` there
//! up to date by itself, a few seconds after each change and on exit. A folder that cannot
//! be reached is a visible state, retried, never a message every minute.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::exchange::file_name_part;
use crate::format::{self, ProgressFile};

use super::super::effect::Effect;

/// How long after a change the class folder's copy is written (changes in between go
/// together).
pub const HAND_IN_DELAY: Duration = Duration::from_secs(10);
/// How long after a failed hand-in it is tried again.
pub const HAND_IN_RETRY: Duration = Duration::from_secs(30);

/// Where handing in stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HandIn {
    /// The progress changed since the class folder's copy was last written.
    pub dirty_since: Option<Instant>,
    /// A copy is being written.
    pub writing: bool,
    /// When the copy was last written, and where.
    pub last: Option<(Timestamp, PathBuf)>,
    /// Why the folder could not be written to (the system's words), while it cannot.
    pub problem: Option<String>,
    /// No new attempt before this (after a failure).
    pub retry_at: Option<Instant>,
    /// Feedback files in the class folder already offered in this session.
    pub offered: std::collections::BTreeSet<PathBuf>,
}

impl HandIn {
    /// The progress changed.
    pub fn changed(&mut self, now: Instant) {
        self.dirty_since.get_or_insert(now);
    }

    /// A class folder was chosen: hand in at once.
    pub fn now_please(&mut self, now: Instant) {
        self.dirty_since = Some(now.checked_sub(HAND_IN_DELAY).unwrap_or(now));
        self.retry_at = None;
        self.problem = None;
    }

    /// The copy to write when it is due, and when to look again.
    pub fn due(
        &mut self,
        folder: Option<&Path>,
        file: &ProgressFile,
        version: &str,
        now: (Timestamp, Instant),
    ) -> (Option<Effect>, Option<Duration>) {
        let (Some(folder), Some(since)) = (folder, self.dirty_since) else {
            return (None, None);
        };
        if self.writing {
            return (None, None);
        }
        let at = self.retry_at.map_or(since + HAND_IN_DELAY, |retry| {
            retry.max(since + HAND_IN_DELAY)
        });
        if now.1 < at {
            return (None, Some(at - now.1));
        }
        let mut copy = file.clone();
        copy.stamp(version, now.0);
        match format::to_string(&copy) {
            Ok(text) => {
                self.writing = true;
                self.dirty_since = None;
                let path = folder.join(file_name(file));
                (Some(Effect::HandIn { path, text }), None)
            }
            Err(err) => {
                self.problem = Some(err.to_string());
                self.retry_at = Some(now.1 + HAND_IN_RETRY);
                (None, Some(HAND_IN_RETRY))
            }
        }
    }

    /// The copy was written (or not).
    pub fn handed_in(&mut self, result: Result<PathBuf, String>, now: (Timestamp, Instant)) {
        self.writing = false;
        match result {
            Ok(path) => {
                self.last = Some((now.0, path));
                self.problem = None;
                self.retry_at = None;
            }
            Err(error) => {
                self.problem = Some(error);
                self.retry_at = Some(now.1 + HAND_IN_RETRY);
                // Still to be handed in.
                self.dirty_since.get_or_insert(now.1);
            }
        }
    }
}

/// `张三-1a2b3c4d.scprogress`: the student's name made safe for every file system, and the
/// start of their id, so two students of one name never share a file (the id inside the file
/// is what counts when the mentor reads it).
pub fn file_name(file: &ProgressFile) -> String {
    let id: String = file
        .student
        .id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    let name = file_name_part(&file.student.name, "student");
    format!("{name}-{id}.{}", format::EXTENSION)
}
