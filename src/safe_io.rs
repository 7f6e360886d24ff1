//! Reading and writing files named by people or by other files, without surprises.
//!
//! A path can name a FIFO (opening it blocks until someone writes), a device (`/dev/zero`
//! never ends), a folder, or a huge sparse file. Every file the app reads goes through
//! [`read_regular`]: it opens without blocking, accepts only a regular file (after following
//! links), refuses one over the limit from its size before reading, and never reads more than
//! the limit plus one byte. Every output path a person names goes through
//! [`check_output_target`], so a report never replaces a device, a FIFO or a folder.

use std::fs::{File, OpenOptions};
use std::io::Read as _;
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// There is no such file.
    #[error("the file does not exist")]
    NotFound,
    /// A folder, device, FIFO or socket, not a regular file.
    #[error("this is not a file but {0}")]
    NotRegular(FileKind),
    /// Larger than the limit.
    #[error("the file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// Its size (or the part read before stopping).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Another I/O error.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What a path names, when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A folder.
    Folder,
    /// A named pipe.
    Fifo,
    /// A character or block device.
    Device,
    /// A socket, or anything else.
    Other,
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Folder => "a folder",
            Self::Fifo => "a named pipe",
            Self::Device => "a device",
            Self::Other => "a special file",
        })
    }
}

fn kind_of(file_type: std::fs::FileType) -> Option<FileKind> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some(FileKind::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return Some(FileKind::Fifo);
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some(FileKind::Device);
        }
    }
    Some(FileKind::Other)
}

/// Opens `path` for reading without ever blocking (a FIFO opens at once on Unix).
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads a regular file of at most `limit` bytes (links are followed).
///
/// # Example
/// ```
/// use study_companion::safe_io::{read_regular, ReadError};
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("a.txt");
/// std::fs::write(&path, "hello")?;
/// assert_eq!(read_regular(&path, 10)?, b"hello");
/// assert!(matches!(read_regular(&path, 3), Err(ReadError::TooLarge { .. })));
/// assert!(matches!(read_regular(dir.path(), 10), Err(ReadError::NotRegular(_))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = match open_nonblocking(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Err(ReadError::NotFound),
        // Windows refuses to open a folder for reading; say what it is.
        Err(err) if path.is_dir() => {
            log::debug!("opening {} failed: {err}", path.display());
            return Err(ReadError::NotRegular(FileKind::Folder));
        }
        Err(err) => return Err(ReadError::Io(err)),
    };
    let metadata = file.metadata()?;
    if let Some(kind) = kind_of(metadata.file_type()) {
        return Err(ReadError::NotRegular(kind));
    }
    let size = metadata.len();
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > limit {
        // The file grew while it was read.
        return Err(ReadError::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

/// Whether a person may name `path` as an output that the app replaces: a missing path or a
/// regular file (or a link to one). Folders, devices and FIFOs are refused.
pub fn check_output_target(path: &Path) -> Result<(), ReadError> {
    match std::fs::metadata(path) {
        Ok(metadata) => match kind_of(metadata.file_type()) {
            None => Ok(()),
            Some(kind) => Err(ReadError::NotRegular(kind)),
        },
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(ReadError::Io(err)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        if status.is_ok_and(|status| status.success()) {
            assert!(matches!(
                read_regular(&fifo, 10),
                Err(ReadError::NotRegular(FileKind::Fifo))
            ));
            assert!(check_output_target(&fifo).is_err());
        }
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular(FileKind::Device))
        ));
        let link = dir.path().join("zero-link");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(matches!(
            read_regular(&link, 10),
            Err(ReadError::NotRegular(FileKind::Device))
        ));
        assert!(check_output_target(Path::new("/dev/null")).is_err());
        assert!(check_output_target(dir.path()).is_err());
        assert!(check_output_target(&dir.path().join("new.csv")).is_ok());
    }

    #[test]
    fn a_sparse_file_over_the_limit_is_refused_from_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sparse");
        let file = File::create(&path).unwrap();
        file.set_len(2 * 1024 * 1024 * 1024).unwrap();
        assert!(matches!(
            read_regular(&path, 1024),
            Err(ReadError::TooLarge { size, .. }) if size == 2 * 1024 * 1024 * 1024
        ));
        assert!(matches!(
            read_regular(&dir.path().join("missing"), 1),
            Err(ReadError::NotFound)
        ));
    }
}
