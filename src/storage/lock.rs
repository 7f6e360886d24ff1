//! One writer per data folder: an advisory lock (released by the system when the process
//! ends, however it ends) and a holder file that names who holds it.

use std::fs::File;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::{HOLDER_FILE, LOCK_FILE, Storage, StorageError};

/// Who holds a data folder's lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    /// `app` for the window, or the command's name (`import`).
    pub role: String,
    /// Its process id, if known.
    pub pid: Option<u32>,
}

impl Holder {
    /// Whether the holder is the window.
    pub fn is_app(&self) -> bool {
        self.role == ROLE_APP
    }
}

/// The role of the window in the holder file.
pub const ROLE_APP: &str = "app";

/// Why the data folder's lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process writes to the folder.
    #[error("{}", held_message(.0))]
    Held(Holder),
    /// The lock file could not be opened or locked.
    #[error(transparent)]
    Io(#[from] StorageError),
}

fn held_message(holder: &Holder) -> String {
    let pid = holder
        .pid
        .map(|pid| format!(" (process {pid})"))
        .unwrap_or_default();
    if holder.is_app() {
        format!("Study Companion is open on this data folder{pid}")
    } else if holder.role.is_empty() {
        "another process is writing to this data folder".to_owned()
    } else {
        format!(
            "another `study-companion {}`{pid} is writing to this data folder",
            holder.role
        )
    }
}

/// The data folder's lock: held until dropped (or until the process ends, whatever way).
#[derive(Debug)]
pub struct DataLock {
    file: File,
    holder_path: PathBuf,
}

impl Drop for DataLock {
    fn drop(&mut self) {
        // Still locked here: nobody else can have written the holder file yet.
        let _ = std::fs::remove_file(&self.holder_path);
        let _ = self.file.unlock();
    }
}

impl Storage {
    /// Takes the folder's lock for `role` (`app`, or a command's name), trying for `wait`
    /// before giving up with the holder's name. Hold the lock as long as anything may be
    /// written to the folder. In one process, two locks on one folder also exclude each
    /// other.
    pub fn lock(&self, role: &str, wait: Duration) -> Result<DataLock, LockError> {
        let path = self.dir.join(LOCK_FILE);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(StorageError::io("opening the lock file", &path))?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(LockError::Held(self.holder()));
                }
                Err(std::fs::TryLockError::Error(err)) => {
                    return Err(StorageError::io("locking", &path)(err).into());
                }
            }
        }
        let holder_path = self.dir.join(HOLDER_FILE);
        let text = format!("{role} {}\n", std::process::id());
        if let Err(err) = std::fs::write(&holder_path, text) {
            log::warn!("could not write {}: {err}", holder_path.display());
        }
        Ok(DataLock { file, holder_path })
    }

    /// Who holds the lock, as far as its holder file tells.
    fn holder(&self) -> Holder {
        let text = crate::safe_io::read_regular(&self.dir.join(HOLDER_FILE), 256)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .unwrap_or_default();
        let mut words = text.split_whitespace();
        let role = words
            .next()
            .filter(|role| role.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or_default()
            .to_owned();
        Holder {
            role,
            pid: words.next().and_then(|pid| pid.parse().ok()),
        }
    }
}
