//! Where the app keeps a student's progress, and how it never loses it.
//!
//! * Saves are atomic: the new text goes to a temporary file in the same folder, is flushed to
//!   disk (`fsync`), and only then renamed over `progress.ron`. A crash or power cut at any
//!   moment leaves the old file or the new one, whole.
//! * Before each save, the previous `progress.ron` becomes `progress.ron.bak`.
//! * A damaged `progress.ron` is moved aside (`progress.damaged-<time>.ron`), never
//!   overwritten; the app starts from the backup (or empty) and says so.

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::format::{self, FormatError, ProgressFile};

/// Name of the progress file in the data folder.
pub const PROGRESS_FILE: &str = "progress.ron";
/// Name of the backup (the version before the last save).
pub const BACKUP_FILE: &str = "progress.ron.bak";
/// Prefix of the temporary files a save writes first.
const TEMP_PREFIX: &str = ".progress-";

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

    /// Loads the saved progress, repairing what it must (see [`Recovery`]).
    ///
    /// Only a folder that cannot be read at all is an error.
    pub fn load(&self, now: Timestamp) -> Result<Loaded, StorageError> {
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
        let path = self.progress_path();
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

    /// Removes temporary files left by a save that was interrupted (they are never the only
    /// copy of anything: a save renames its file into place before returning).
    pub fn remove_stale_temporaries(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(TEMP_PREFIX) && name.ends_with(".tmp") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
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
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(LoadError::Io(StorageError::io("reading", path)(err))),
    };
    format::from_bytes(&bytes)
        .map(Some)
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
