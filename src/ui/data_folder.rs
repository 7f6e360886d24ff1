//! Opening the data folder: its lock, the saved progress, drafts, profile and plan, and
//! every recovery kept as a [`Finding`]. This runs at start (on a thread of its own, while
//! the window is being created: see [`Opening`]) and when a read-only window takes the folder
//! over; it reads files, so it belongs to the shell, not to the update core. What it found is
//! phrased in the UI language only when the window takes the folder ([`Finding::notice`]):
//! at start the language is not known yet.

use std::collections::HashMap;
use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::Instant;

use jiff::Timestamp;

use crate::autosave::Autosave;
use crate::format::{self, FormatError, ProgressFile};
use crate::i18n::{Strings, fill};
use crate::plan::PlanFile;
use crate::progress::Feedback;
use crate::storage::{DataLock, Holder, LockError, ROLE_APP, Recovery, Storage};

use super::state::Notice;
use super::texts::format_error_text;

/// How long the window waits at start for another writer of its data folder (a command
/// finishing an import) before it opens read-only.
pub const LOCK_WAIT_AT_START: std::time::Duration = std::time::Duration::from_secs(1);
/// How often a read-only window tries to take its data folder over.
pub const LOCK_RETRY: std::time::Duration = std::time::Duration::from_secs(1);

/// What opening the data folder gave.
#[derive(Default)]
pub struct OpenedFolder {
    /// The saved progress, if any.
    pub file: Option<ProgressFile>,
    /// Saving, when this window may write.
    pub autosave: Option<Autosave>,
    /// The folder's lock, when this window holds it.
    pub lock: Option<DataLock>,
    /// The folder, when another process holds its lock.
    pub locked_out: Option<Storage>,
    /// The mentor's feedback drafts of an earlier run.
    pub drafts: HashMap<String, Feedback>,
    /// The drafts file may be written.
    pub drafts_writable: bool,
    /// The person's saved settings (class folder, mentor's name), when the folder was read.
    pub profile: Option<crate::storage::Profile>,
    /// The study plan kept in the folder, when this window may write there.
    pub plan: Option<PlanFile>,
    /// What the person must be told, in the order it was found.
    pub findings: Vec<Finding>,
}

/// Something opening the data folder found that the person must be told.
#[derive(Debug)]
pub enum Finding {
    /// No folder to save in could be found: the progress stays in memory.
    NoFolder,
    /// The folder cannot be used (the error as the system said it).
    Unusable(String),
    /// Another process holds the folder's lock: this window only shows the progress.
    InUse {
        /// Who holds it.
        holder: Holder,
        /// The folder.
        path: PathBuf,
    },
    /// A damaged progress file was moved aside; the backup was used, or nothing was.
    Recovered {
        /// Why the file could not be read: read again from the damaged file, or (when that
        /// read succeeds now) the reason noted when it happened, in English.
        reason: Result<String, FormatError>,
        /// Where the damaged file is now.
        moved_to: PathBuf,
        /// The backup was used.
        from_backup: bool,
    },
    /// The progress file is damaged and could not be moved aside: nothing is saved.
    DamagedNotMoved {
        /// Why it could not be read.
        reason: String,
        /// Why it could not be moved.
        error: String,
        /// The file.
        path: PathBuf,
    },
    /// The drafts file was damaged and set aside (or, when it could not be, left as it is).
    DraftsRecovered {
        /// Why it could not be read.
        reason: String,
        /// Where it is now.
        moved_to: PathBuf,
    },
    /// The plan file could not be read.
    PlanUnreadable(String),
}

impl Finding {
    /// The notice that says it, in the UI language.
    pub fn notice(&self, strings: &Strings) -> Notice {
        let text = match self {
            Self::NoFolder => strings.no_data_folder.to_owned(),
            Self::Unusable(error) => fill(strings.storage_unusable, &[("error", error)]),
            Self::InUse { holder, path } => {
                let pid = holder.pid.map(|pid| pid.to_string()).unwrap_or_default();
                let holder = if holder.is_app() || holder.role.is_empty() {
                    fill(strings.holder_app, &[("pid", &pid)])
                } else {
                    fill(
                        strings.holder_command,
                        &[("command", &holder.role), ("pid", &pid)],
                    )
                };
                fill(
                    strings.data_folder_in_use,
                    &[("holder", &holder), ("path", &path.display().to_string())],
                )
            }
            Self::Recovered {
                reason,
                moved_to,
                from_backup,
            } => {
                let reason = match reason {
                    Err(error) => format_error_text(error, strings),
                    Ok(noted) => noted.clone(),
                };
                let template = if *from_backup {
                    strings.recovered_from_backup
                } else {
                    strings.recovered_empty
                };
                fill(
                    template,
                    &[
                        ("reason", &reason),
                        ("path", &moved_to.display().to_string()),
                    ],
                )
            }
            Self::DamagedNotMoved {
                reason,
                error,
                path,
            } => fill(
                strings.damaged_not_moved,
                &[
                    ("reason", reason),
                    ("error", error),
                    ("path", &path.display().to_string()),
                ],
            ),
            Self::DraftsRecovered { reason, moved_to } => fill(
                strings.drafts_recovered,
                &[
                    ("reason", reason),
                    ("path", &moved_to.display().to_string()),
                ],
            ),
            Self::PlanUnreadable(error) => fill(
                strings.plan_read_failed,
                &[("path", crate::storage::PLAN_FILE), ("error", error)],
            ),
        };
        Notice::problem(text)
    }
}

/// A data folder whose lock another process holds.
pub struct LockedOut {
    pub storage: Storage,
    /// When taking the lock was last tried.
    pub last_try: Instant,
    /// The notice that says so (removed when the folder is taken over).
    pub notice: String,
}

/// The data folder being opened on a thread of its own while eframe creates the window,
/// event loop and graphics device (a large progress file takes tens of milliseconds to read;
/// the window takes a few hundred to appear). Started once this process knows it is the
/// window (after the single-instance claim), taken in the window's creation callback.
pub struct Opening(JoinHandle<OpenedFolder>);

impl Opening {
    /// Starts opening `data_dir` (none: no folder was found), and parsing the curriculum.
    pub fn start(data_dir: Option<PathBuf>) -> Self {
        Self(std::thread::spawn(move || {
            // The embedded curriculum is parsed here too, once (the window needs it next).
            let _ = crate::embedded::curriculum();
            crate::startup::mark("  opening thread: curriculum parsed");
            let opened = open_folder(data_dir, LOCK_WAIT_AT_START);
            crate::startup::mark("  opening thread: data folder opened");
            opened
        }))
    }

    /// What opening found; waits for it if it is still under way. A panic while opening
    /// leaves the progress in memory only, and says so.
    pub fn finish(self) -> OpenedFolder {
        self.0.join().unwrap_or_else(|_| OpenedFolder {
            findings: vec![Finding::Unusable(
                "opening the data folder failed unexpectedly".to_owned(),
            )],
            ..OpenedFolder::default()
        })
    }
}

/// Opens `data_dir` (none: no folder was found, the progress stays in memory), waiting up to
/// `wait` for another writer to let go of it.
pub fn open_folder(data_dir: Option<PathBuf>, wait: std::time::Duration) -> OpenedFolder {
    let finding = match data_dir.map(Storage::open) {
        Some(Ok(storage)) => return open_data_folder(storage, wait),
        None => Finding::NoFolder,
        Some(Err(err)) => Finding::Unusable(err.to_string()),
    };
    OpenedFolder {
        findings: vec![finding],
        ..OpenedFolder::default()
    }
}

/// Takes the data folder's lock, removes stale temporary files, loads the progress and keeps
/// every recovery as a finding. Without the lock, the progress is only read.
pub fn open_data_folder(storage: Storage, wait: std::time::Duration) -> OpenedFolder {
    let lock = match storage.lock(ROLE_APP, wait) {
        Ok(lock) => Some(lock),
        Err(LockError::Held(holder)) => {
            return OpenedFolder {
                file: storage.read_saved().ok().flatten(),
                profile: Some(storage.load_profile()),
                plan: storage.read_plan(),
                findings: vec![Finding::InUse {
                    holder,
                    path: storage.dir().to_owned(),
                }],
                locked_out: Some(storage),
                ..OpenedFolder::default()
            };
        }
        Err(LockError::Io(err)) => {
            // A folder where no lock file can be made (read-only) cannot be written by anyone
            // either; saving is tried and its failure shown as usual.
            log::warn!("the data folder could not be locked: {err}");
            None
        }
    };
    open_locked(storage, lock)
}

/// [`open_data_folder`] once the lock is taken (or cannot exist): removes stale temporary
/// files, loads the progress, the drafts and the plan, and keeps every recovery as a finding.
pub fn open_locked(storage: Storage, lock: Option<DataLock>) -> OpenedFolder {
    let removed = storage.remove_stale_temporaries();
    if removed > 0 {
        log::info!("removed {removed} temporary file(s) left by interrupted saves");
    }
    let mut findings = Vec::new();
    let loaded = match storage.load(Timestamp::now()) {
        Ok(loaded) => loaded,
        Err(err) => {
            // Unreadable: never save over it.
            return OpenedFolder {
                findings: vec![Finding::Unusable(err.to_string())],
                ..OpenedFolder::default()
            };
        }
    };
    // Recoveries, this one and those done by a command since the window last ran.
    for note in storage.take_recovery_notes() {
        // The damaged file is kept: read it again to say what is wrong in the UI language.
        let reason = match format::read_path(&note.moved_to) {
            Err(err) => Err(err),
            Ok(_) => Ok(note.reason),
        };
        findings.push(Finding::Recovered {
            reason,
            moved_to: note.moved_to,
            from_backup: note.from_backup,
        });
    }
    if let Some(Recovery::CouldNotMoveAside {
        reason,
        error,
        path,
    }) = loaded.recovery
    {
        findings.push(Finding::DamagedNotMoved {
            reason,
            error,
            path,
        });
        return OpenedFolder {
            file: loaded.file,
            lock,
            findings,
            ..OpenedFolder::default()
        };
    }
    let (drafts, damaged) = storage.load_drafts(Timestamp::now());
    let mut drafts_writable = true;
    if let Some((reason, moved_to)) = damaged {
        drafts_writable = moved_to != storage.dir().join(crate::storage::DRAFTS_FILE);
        findings.push(Finding::DraftsRecovered { reason, moved_to });
    }
    let plan = storage.load_plan().unwrap_or_else(|error| {
        findings.push(Finding::PlanUnreadable(error));
        None
    });
    OpenedFolder {
        file: loaded.file,
        profile: Some(storage.load_profile()),
        autosave: Some(Autosave::new(storage)),
        lock,
        locked_out: None,
        drafts: drafts.into_iter().collect(),
        drafts_writable,
        plan,
        findings,
    }
}
