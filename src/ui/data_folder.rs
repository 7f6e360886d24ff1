//! Opening the data folder: its lock, the saved progress and drafts, and every recovery
//! turned into a notice. This runs at start and when a read-only window takes the folder
//! over; it reads files, so it belongs to the shell, not to the update core.

use std::collections::HashMap;
use std::time::Instant;

use jiff::Timestamp;

use crate::autosave::Autosave;
use crate::format::{self, ProgressFile};
use crate::i18n::{Strings, fill};
use crate::progress::Feedback;
use crate::storage::{DataLock, LockError, ROLE_APP, Recovery, Storage};

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
    /// The folder, when another process holds its lock, and the notice that says so.
    pub locked_out: Option<(Storage, String)>,
    /// The mentor's feedback drafts of an earlier run.
    pub drafts: HashMap<String, Feedback>,
    /// The drafts file may be written.
    pub drafts_writable: bool,
    /// The person's saved settings (class folder, mentor's name), when the folder was read.
    pub profile: Option<crate::storage::Profile>,
}

/// A data folder whose lock another process holds.
pub struct LockedOut {
    pub storage: Storage,
    /// When taking the lock was last tried.
    pub last_try: Instant,
    /// The notice that says so (removed when the folder is taken over).
    pub notice: String,
}

/// Takes the data folder's lock, removes stale temporary files, loads the progress and turns
/// every recovery into a notice. Without the lock, the progress is only read.
pub fn open_data_folder(
    storage: Storage,
    wait: std::time::Duration,
    strings: &Strings,
    notices: &mut Vec<Notice>,
) -> OpenedFolder {
    let lock = match storage.lock(ROLE_APP, wait) {
        Ok(lock) => Some(lock),
        Err(LockError::Held(holder)) => {
            let pid = holder.pid.map(|pid| pid.to_string()).unwrap_or_default();
            let holder = if holder.is_app() || holder.role.is_empty() {
                fill(strings.holder_app, &[("pid", &pid)])
            } else {
                fill(
                    strings.holder_command,
                    &[("command", &holder.role), ("pid", &pid)],
                )
            };
            let notice = fill(
                strings.data_folder_in_use,
                &[
                    ("holder", &holder),
                    ("path", &storage.dir().display().to_string()),
                ],
            );
            notices.push(Notice::problem(notice.clone()));
            return OpenedFolder {
                file: storage.read_saved().ok().flatten(),
                profile: Some(storage.load_profile()),
                locked_out: Some((storage, notice)),
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
    open_locked(storage, lock, strings, notices)
}

/// [`open_data_folder`] once the lock is taken (or cannot exist): removes stale temporary
/// files, loads the progress and the drafts, and turns every recovery into a notice.
pub fn open_locked(
    storage: Storage,
    lock: Option<DataLock>,
    strings: &Strings,
    notices: &mut Vec<Notice>,
) -> OpenedFolder {
    let removed = storage.remove_stale_temporaries();
    if removed > 0 {
        log::info!("removed {removed} temporary file(s) left by interrupted saves");
    }
    let loaded = match storage.load(Timestamp::now()) {
        Ok(loaded) => loaded,
        Err(err) => {
            // Unreadable: never save over it.
            notices.push(Notice::problem(fill(
                strings.storage_unusable,
                &[("error", &err.to_string())],
            )));
            return OpenedFolder::default();
        }
    };
    // Recoveries, this one and those done by a command since the window last ran.
    for note in storage.take_recovery_notes() {
        // The damaged file is kept: read it again to say what is wrong in the UI language.
        let reason = format::read_path(&note.moved_to)
            .err()
            .map_or(note.reason, |err| format_error_text(&err, strings));
        let template = if note.from_backup {
            strings.recovered_from_backup
        } else {
            strings.recovered_empty
        };
        notices.push(Notice::problem(fill(
            template,
            &[
                ("reason", &reason),
                ("path", &note.moved_to.display().to_string()),
            ],
        )));
    }
    if let Some(Recovery::CouldNotMoveAside {
        reason,
        error,
        path,
    }) = loaded.recovery
    {
        notices.push(Notice::problem(fill(
            strings.damaged_not_moved,
            &[
                ("reason", &reason),
                ("error", &error),
                ("path", &path.display().to_string()),
            ],
        )));
        return OpenedFolder {
            file: loaded.file,
            lock,
            ..OpenedFolder::default()
        };
    }
    let (drafts, damaged) = storage.load_drafts(Timestamp::now());
    let mut drafts_writable = true;
    if let Some((reason, moved_to)) = damaged {
        drafts_writable = moved_to != storage.dir().join(crate::storage::DRAFTS_FILE);
        notices.push(Notice::problem(fill(
            strings.drafts_recovered,
            &[
                ("reason", &reason),
                ("path", &moved_to.display().to_string()),
            ],
        )));
    }
    OpenedFolder {
        file: loaded.file,
        profile: Some(storage.load_profile()),
        autosave: Some(Autosave::new(storage)),
        lock,
        locked_out: None,
        drafts: drafts.into_iter().collect(),
        drafts_writable,
    }
}
