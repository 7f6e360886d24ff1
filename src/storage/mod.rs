//! Where the app keeps a student's progress, and how it never loses it.
//!
//! * Saves are atomic: the new text goes to a temporary file in the same folder, is flushed to
//!   disk (`fsync`), and only then renamed over `progress.ron`. A crash or power cut at any
//!   moment leaves the old file or the new one, whole.
//! * Before each save, the previous `progress.ron` becomes `progress.ron.bak`.
//! * A damaged `progress.ron` is moved aside (`progress.damaged-<time>.ron`), never
//!   overwritten; the app starts from the backup (or empty) and says so. A note of it stays in
//!   the folder (`recovery-notes.ron`) until the app has shown it, so a recovery done by the
//!   command line is told in the window too.
//! * One writer per data folder: a process that may write takes the folder's lock
//!   ([`Storage::lock`], an advisory lock the system releases when the process ends). A
//!   second writer waits briefly, then is refused with a message naming the holder.
//! * A `progress.ron` that is a symbolic link (students put it in a synced folder that way)
//!   is written through: the new file is written beside the link's target and renamed over
//!   it, so the link stays a link and the target is the file that changes.

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::format::{self, FormatError, ProgressFile};

mod beside;
mod lock;

pub use beside::{PLAN_FILE, Profile};
pub use lock::{DataLock, Holder, LockError, ROLE_APP};

/// The student's progress, in the data folder.
pub const PROGRESS_FILE: &str = "progress.ron";
/// Name of the backup (the version before the last save).
pub const BACKUP_FILE: &str = "progress.ron.bak";
/// Prefix of the temporary files a save writes first.
const TEMP_PREFIX: &str = ".progress-";
/// The lock file of the data folder (its lock is held, its content is empty).
pub const LOCK_FILE: &str = ".study-companion.lock";
/// Who holds the lock: `app 1234` or `import 1234` (a separate file, because on Windows a
/// locked file cannot be read by others).
const HOLDER_FILE: &str = ".study-companion.holder";
/// The mentor's feedback written but not yet exported, by student id.
pub const DRAFTS_FILE: &str = "feedback-drafts.ron";
/// The person's settings that must not be lost (the class folder, the mentor's name).
pub const PROFILE_FILE: &str = "profile.ron";
/// Recoveries not yet shown in the window.
pub const RECOVERY_NOTES_FILE: &str = "recovery-notes.ron";
/// A temporary file older than this was left by a save that was interrupted (a save takes
/// well under a second, a large one on a network drive a few seconds).
pub const STALE_TEMPORARY_AGE: Duration = Duration::from_secs(120);
/// How many links are followed from `progress.ron` to the real file.
const MAX_LINK_HOPS: usize = 16;

/// A problem with the data folder or its files. Paths come last in the message.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// An I/O error on a path.
    #[error("{operation} failed: {source}: {path}")]
    Io {
        /// What was being done.
        operation: &'static str,
        /// The path it was done on.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },

    /// The progress is larger than the app reads back ([`format::limits::MAX_FILE_BYTES`]):
    /// it is not written, so the saved file stays readable.
    #[error(
        "the progress is too large to save ({size} bytes; a progress file may have at most {limit} bytes); remove a drawing or shorten long notes"
    )]
    TooLarge {
        /// Its size as written.
        size: u64,
        /// The limit.
        limit: u64,
    },

    /// The progress could not be written as RON.
    #[error(transparent)]
    Format(#[from] FormatError),
}

impl StorageError {
    fn io<'a>(operation: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> Self + 'a {
        move |source| Self::Io {
            operation,
            path: path.to_owned(),
            source,
        }
    }
}

/// What happened while loading, for the student to know.
#[derive(Debug, PartialEq, Eq)]
pub enum Recovery {
    /// `progress.ron` was damaged and moved aside; the backup was loaded.
    FromBackup {
        /// Why the file could not be read.
        reason: String,
        /// Where the damaged file is now.
        moved_to: PathBuf,
    },
    /// `progress.ron` (and its backup) were damaged and moved aside; starting empty.
    StartedEmpty {
        /// Why the file could not be read.
        reason: String,
        /// Where the damaged file is now.
        moved_to: PathBuf,
    },
    /// `progress.ron` was damaged but could not be moved aside; it is left untouched and
    /// nothing will be saved over it.
    CouldNotMoveAside {
        /// Why the file could not be read.
        reason: String,
        /// Why it could not be moved.
        error: String,
        /// The damaged file.
        path: PathBuf,
    },
}

impl std::fmt::Display for Recovery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::FromBackup { reason, moved_to } => write!(
                f,
                "the saved progress was damaged ({reason}); it was moved aside and the backup (the version before the last save) is used now. The damaged file is kept: {}",
                moved_to.display()
            ),
            Self::StartedEmpty { reason, moved_to } => write!(
                f,
                "the saved progress and its backup were damaged ({reason}); both were moved aside and the progress starts empty. The damaged file is kept: {}",
                moved_to.display()
            ),
            Self::CouldNotMoveAside {
                reason,
                error,
                path,
            } => write!(
                f,
                "the saved progress is damaged ({reason}) and could not be moved aside ({error}); nothing will be saved over it until it is moved or repaired: {}",
                path.display()
            ),
        }
    }
}

/// A recovery kept in the data folder until the window has shown it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryNote {
    /// When it happened.
    pub when: Timestamp,
    /// The backup was used (`false`: the progress started empty).
    pub from_backup: bool,
    /// Why the file could not be read (English; the window reads the damaged file again to
    /// say it in the UI language).
    pub reason: String,
    /// Where the damaged file is now.
    pub moved_to: PathBuf,
}

/// The result of [`Storage::load`].
#[derive(Debug)]
pub struct Loaded {
    /// The progress to start from (`None`: no saved progress yet).
    pub file: Option<ProgressFile>,
    /// Set when something had to be repaired.
    pub recovery: Option<Recovery>,
}

/// The data folder.
#[derive(Clone, Debug)]
pub struct Storage {
    dir: PathBuf,
}

impl Storage {
    /// The per-user data folder of this OS: `%APPDATA%\study-companion`,
    /// `~/Library/Application Support/study-companion`, or
    /// `$XDG_DATA_HOME/study-companion` (`~/.local/share/study-companion`).
    pub fn default_dir() -> Option<PathBuf> {
        dirs::data_dir().map(|dir| dir.join("study-companion"))
    }

    /// Uses `dir` (created if missing).
    pub fn open(dir: impl Into<PathBuf>) -> Result<Self, StorageError> {
        let dir = dir.into();
        // Absolute, so paths kept in notes (where a damaged file went) hold from any folder.
        let dir = std::path::absolute(&dir).unwrap_or(dir);
        std::fs::create_dir_all(&dir)
            .map_err(StorageError::io("creating the data folder", &dir))?;
        Ok(Self { dir })
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `progress.ron` in the data folder.
    pub fn progress_path(&self) -> PathBuf {
        self.dir.join(PROGRESS_FILE)
    }

    /// `progress.ron.bak` in the data folder.
    pub fn backup_path(&self) -> PathBuf {
        self.dir.join(BACKUP_FILE)
    }

    /// The file a save replaces: `progress.ron`, or the file it links to (followed to the end
    /// of a chain of links; a relative link is relative to the data folder).
    pub fn save_target(&self) -> PathBuf {
        let mut path = self.progress_path();
        for _ in 0..MAX_LINK_HOPS {
            match std::fs::read_link(&path) {
                Ok(target) => {
                    path = match path.parent() {
                        Some(parent) if target.is_relative() => parent.join(target),
                        _ => target,
                    };
                }
                Err(_) => break,
            }
        }
        path
    }

    /// Loads the saved progress, repairing what it must (see [`Recovery`]). A damaged file
    /// moved aside is also noted in [`RECOVERY_NOTES_FILE`] until the window shows it
    /// ([`Self::take_recovery_notes`]).
    ///
    /// Only a folder that cannot be read at all is an error. Call with the lock held.
    pub fn load(&self, now: Timestamp) -> Result<Loaded, StorageError> {
        let loaded = self.load_without_note(now)?;
        let note = match &loaded.recovery {
            Some(Recovery::FromBackup { reason, moved_to }) => Some((true, reason, moved_to)),
            Some(Recovery::StartedEmpty { reason, moved_to }) => Some((false, reason, moved_to)),
            _ => None,
        };
        if let Some((from_backup, reason, moved_to)) = note {
            let note = RecoveryNote {
                when: now,
                from_backup,
                reason: reason.clone(),
                moved_to: moved_to.clone(),
            };
            if let Err(err) = self.add_recovery_note(note) {
                log::warn!("could not keep a note of the recovery: {err}");
            }
        }
        Ok(loaded)
    }

    /// Reads the saved progress without repairing or writing anything (for commands that
    /// only read, and may run while the window is open): a damaged file is an error.
    pub fn read_saved(&self) -> Result<Option<ProgressFile>, String> {
        match read_progress(&self.progress_path()) {
            Ok(Some(file)) => Ok(Some(file)),
            Ok(None) => Ok(read_progress(&self.backup_path()).ok().flatten()),
            Err(LoadError::Io(err)) => Err(err.to_string()),
            Err(LoadError::Damaged(reason)) => Err(format!(
                "the saved progress is damaged ({reason}); open the app to repair it (it moves the damaged file aside and uses the backup): {}",
                self.progress_path().display()
            )),
        }
    }

    fn add_recovery_note(&self, note: RecoveryNote) -> Result<(), StorageError> {
        let path = self.dir.join(RECOVERY_NOTES_FILE);
        let mut notes = self.recovery_notes();
        notes.push(note);
        let text = ron::ser::to_string_pretty(&notes, ron::ser::PrettyConfig::new())
            .map_err(|err| StorageError::Format(FormatError::Write(err.to_string())))?;
        write_atomically(&path, text.as_bytes(), || Ok(()))
    }

    fn recovery_notes(&self) -> Vec<RecoveryNote> {
        crate::safe_io::read_regular(&self.dir.join(RECOVERY_NOTES_FILE), 1024 * 1024)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// The recoveries not yet shown, oldest first; they are forgotten once taken.
    pub fn take_recovery_notes(&self) -> Vec<RecoveryNote> {
        let notes = self.recovery_notes();
        let path = self.dir.join(RECOVERY_NOTES_FILE);
        if let Err(err) = std::fs::remove_file(&path)
            && err.kind() != std::io::ErrorKind::NotFound
        {
            log::warn!("could not remove {}: {err}", path.display());
        }
        notes
    }

    fn load_without_note(&self, now: Timestamp) -> Result<Loaded, StorageError> {
        let path = self.progress_path();
        match read_progress(&path) {
            Ok(Some(file)) => Ok(Loaded {
                file: Some(file),
                recovery: None,
            }),
            Ok(None) => {
                // No progress file: a first start, or a crash between the two renames of a
                // save on a file system that lost the new file. The backup is the last save.
                let backup = read_progress(&self.backup_path()).ok().flatten();
                Ok(Loaded {
                    file: backup,
                    recovery: None,
                })
            }
            Err(LoadError::Io(err)) => Err(err),
            Err(LoadError::Damaged(reason)) => {
                let moved_to = self.damaged_path(now);
                if let Err(err) = std::fs::rename(&path, &moved_to) {
                    return Ok(Loaded {
                        file: read_progress(&self.backup_path()).ok().flatten(),
                        recovery: Some(Recovery::CouldNotMoveAside {
                            reason,
                            error: err.to_string(),
                            path,
                        }),
                    });
                }
                match read_progress(&self.backup_path()) {
                    Ok(Some(file)) => Ok(Loaded {
                        file: Some(file),
                        recovery: Some(Recovery::FromBackup { reason, moved_to }),
                    }),
                    _ => Ok(Loaded {
                        file: None,
                        recovery: Some(Recovery::StartedEmpty { reason, moved_to }),
                    }),
                }
            }
        }
    }

    /// Saves atomically, keeping the previous version as the backup.
    pub fn save(&self, file: &ProgressFile) -> Result<(), StorageError> {
        let text = format::to_string(file)?;
        self.save_text(&text)
    }

    /// Saves already serialised progress text atomically (see [`Self::save`]).
    pub fn save_text(&self, text: &str) -> Result<(), StorageError> {
        // Never write what the next start would refuse as damaged.
        let size = text.len() as u64;
        if size > format::limits::MAX_FILE_BYTES {
            return Err(StorageError::TooLarge {
                size,
                limit: format::limits::MAX_FILE_BYTES,
            });
        }
        // Through a link to its target: the link stays, the target is replaced atomically.
        let path = self.save_target();
        if path != self.progress_path() {
            let parent = path.parent().unwrap_or(Path::new("."));
            if !parent.is_dir() {
                return Err(StorageError::Io {
                    operation: "saving through the link progress.ron to",
                    path: path.clone(),
                    source: std::io::ErrorKind::NotFound.into(),
                });
            }
        }
        write_atomically(&path, text.as_bytes(), || {
            if path.exists() {
                self.keep_backup(&path)?;
            }
            Ok(())
        })
    }

    /// Makes the current `progress.ron` the backup, atomically (a hard link, or a copy where
    /// the file system has none, under a temporary name, then renamed).
    fn keep_backup(&self, path: &Path) -> Result<(), StorageError> {
        let staging = self.dir.join(format!("{TEMP_PREFIX}backup.tmp"));
        let _ = std::fs::remove_file(&staging);
        if std::fs::hard_link(path, &staging).is_err() {
            std::fs::copy(path, &staging).map_err(StorageError::io("copying", path))?;
            File::open(&staging)
                .and_then(|copy| copy.sync_all())
                .map_err(StorageError::io("flushing to disk", &staging))?;
        }
        let backup = self.backup_path();
        std::fs::rename(&staging, &backup).map_err(StorageError::io("replacing", &backup))
    }

    /// Removes our temporary files left by saves that were interrupted and are older than
    /// [`STALE_TEMPORARY_AGE`] (they are never the only copy of anything: a save renames its
    /// file into place before returning). Returns how many were removed. Call with the lock
    /// held.
    pub fn remove_stale_temporaries(&self) -> usize {
        self.remove_temporaries_older_than(STALE_TEMPORARY_AGE, SystemTime::now())
    }

    /// [`Self::remove_stale_temporaries`] with the age and the time given.
    pub fn remove_temporaries_older_than(&self, age: Duration, now: SystemTime) -> usize {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut removed = 0;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if !(name.starts_with(TEMP_PREFIX) && name.ends_with(".tmp")) {
                continue;
            }
            // Only our own regular files, never what a link points to.
            let Ok(metadata) = entry.metadata() else {
                continue;
            };
            let old = metadata
                .modified()
                .ok()
                .and_then(|modified| now.duration_since(modified).ok())
                .is_some_and(|elapsed| elapsed >= age);
            if metadata.is_file() && old && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        removed
    }

    fn damaged_path(&self, now: Timestamp) -> PathBuf {
        let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
        let mut candidate = self.dir.join(format!("progress.damaged-{stamp}.ron"));
        let mut n = 1;
        while candidate.exists() {
            n += 1;
            candidate = self.dir.join(format!("progress.damaged-{stamp}-{n}.ron"));
        }
        candidate
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed to disk,
/// then renamed over `path` (after `before_rename`, e.g. keeping a backup). Readers see the
/// old file or the new one, never a mix; on any error `path` is untouched.
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> Result<(), StorageError>,
) -> Result<(), StorageError> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(StorageError::io("creating a temporary file in", &dir))?;
    temp.write_all(bytes)
        .map_err(StorageError::io("writing", temp.path()))?;
    temp.as_file()
        .sync_all()
        .map_err(StorageError::io("flushing to disk", temp.path()))?;
    before_rename()?;
    temp.persist(path).map_err(|err| StorageError::Io {
        operation: "replacing",
        path: path.to_owned(),
        source: err.error,
    })?;
    sync_dir(&dir);
    Ok(())
}

enum LoadError {
    Io(StorageError),
    Damaged(String),
}

/// `Ok(None)` when the file does not exist.
fn read_progress(path: &Path) -> Result<Option<ProgressFile>, LoadError> {
    // A link to `/dev/zero`, a FIFO or a huge sparse file is refused (and set aside as
    // damaged) without being read.
    let bytes = match format::read_file(path) {
        Ok(bytes) => bytes,
        Err(FormatError::Io(err)) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(FormatError::Io(err)) => {
            return Err(LoadError::Io(StorageError::io("reading", path)(err)));
        }
        Err(err) => return Err(LoadError::Damaged(err.to_string())),
    };
    // The app's own file: embedded pictures are checked from their headers (format, size,
    // limits) and decoded when shown, as in a class overview. A full decode of a 1200×1600
    // photo at every start cost tens of milliseconds and 5.5 MiB of pixels thrown away; and a
    // picture damaged on disk is kept (shown as unreadable) instead of dropped by a repair.
    // Files from someone else are still decoded in full (`format::read`).
    format::read_with(&bytes, format::ImageCheck::Header)
        .map(|imported| Some(imported.file))
        .map_err(|err| LoadError::Damaged(err.to_string()))
}

/// Makes the rename durable (a directory fsync; not available or needed on Windows).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
