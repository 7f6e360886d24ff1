//! One app per data folder. The window of a data folder listens on a local socket named
//! after that folder (an abstract Unix socket on Linux, a named pipe on Windows, a socket
//! file in the user's temporary folder on macOS). A second launch — a double-clicked file,
//! the app started again, or `study-companion import FILE` while the window is open — hands
//! its paths to that window, which comes to the front, and exits. No egui here: `main` calls
//! [`claim_or_forward`] before the window opens, the command line calls [`forward`], and a
//! window that takes a data folder over from a closed one calls [`claim`].
//!
//! What arrives is only a list of absolute paths; the window treats them exactly like paths
//! dropped on it (each file is previewed and checked before anything changes).

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use interprocess::local_socket::traits::{ListenerExt as _, Stream as _};
use interprocess::local_socket::{ListenerOptions, Name, Stream};
use serde::{Deserialize, Serialize};

/// What a second launch asks of the running window.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Files or folders to open, absolute (empty: only come to the front).
    pub paths: Vec<PathBuf>,
}

/// Why a launch could not hand its paths over.
#[derive(Debug, thiserror::Error)]
pub enum ForwardError {
    /// No window listens for this data folder.
    #[error("no running window for this data folder")]
    NotRunning,
    /// A window listens but the hand-over failed.
    #[error("the running window did not take the files: {0}")]
    Failed(String),
}

/// The most a request may hold (a few thousand paths); anything longer is refused.
const MAX_REQUEST_BYTES: u64 = 1 << 20;

/// How long either side waits for the other while a request is handed over.
const TIMEOUT: Duration = Duration::from_secs(5);

/// The reply of a window that took a request.
const OK: &str = "ok";

/// Hands `paths` (made absolute here) to the window that has `data_dir` open.
///
/// # Errors
/// [`ForwardError::NotRunning`] when no window listens for this folder (start one), else
/// [`ForwardError::Failed`].
pub fn forward(data_dir: &Path, paths: &[PathBuf]) -> Result<(), ForwardError> {
    let name = socket_name(data_dir).map_err(|err| ForwardError::Failed(err.to_string()))?;
    let mut stream = Stream::connect(name).map_err(|_| ForwardError::NotRunning)?;
    let failed = |err: std::io::Error| ForwardError::Failed(err.to_string());
    stream.set_recv_timeout(Some(TIMEOUT)).map_err(failed)?;
    stream.set_send_timeout(Some(TIMEOUT)).map_err(failed)?;
    let request = Request {
        paths: paths
            .iter()
            .map(|path| std::path::absolute(path).unwrap_or_else(|_| path.clone()))
            .collect(),
    };
    let mut line = ron::to_string(&request).map_err(|err| ForwardError::Failed(err.to_string()))?;
    line.push('\n');
    stream.write_all(line.as_bytes()).map_err(failed)?;
    stream.flush().map_err(failed)?;
    let mut reply = String::new();
    BufReader::new(&mut stream)
        .take(64)
        .read_line(&mut reply)
        .map_err(failed)?;
    if reply.trim() == OK {
        Ok(())
    } else {
        Err(ForwardError::Failed(reply.trim().to_owned()))
    }
}

/// Requests that reached this window, waiting to be taken on the UI thread.
pub struct Incoming {
    requests: Receiver<Request>,
    waker: Arc<Mutex<Option<Waker>>>,
    /// Tells the listening thread to stop (it looks after each connection).
    stop: Arc<AtomicBool>,
    data_dir: PathBuf,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Incoming {
    /// Stops listening and frees the name (a relaunch of the app may claim it): the thread
    /// is woken by one last connection of our own, and the name is free when this returns.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let woken = socket_name(&self.data_dir).is_ok_and(|name| Stream::connect(name).is_ok());
        if woken && let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Wakes the UI when a request arrives (set once the window exists).
type Waker = Box<dyn Fn() + Send>;

impl Incoming {
    /// Runs `wake` (on the listening thread) whenever a request arrives from now on, and
    /// once now if some are already waiting (they arrived while the window was starting).
    pub fn set_waker(&self, wake: impl Fn() + Send + 'static) {
        let mut waker = self
            .waker
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        wake();
        *waker = Some(Box::new(wake));
    }

    /// The requests that arrived since the last call.
    pub fn take(&self) -> Vec<Request> {
        self.requests.try_iter().collect()
    }
}

/// How a launch of the window begins.
pub enum Claim {
    /// This process is the one window of the data folder; second launches' requests arrive
    /// here.
    First(Incoming),
    /// Another window has the data folder and took the paths: exit.
    Forwarded,
    /// No single-instance hand-over is possible here (the reason); start a window anyway.
    Unavailable(String),
}

/// Makes this process the one window of `data_dir`, or hands `paths` to the window that
/// already is. Claiming is exclusive (binding the socket's name), so thirty files opened at
/// once, each in its own process, end in one window.
pub fn claim_or_forward(data_dir: &Path, paths: &[PathBuf]) -> Claim {
    for _ in 0..5 {
        match bind(data_dir, false) {
            Ok(incoming) => return Claim::First(incoming),
            Err(err) if is_taken(&err) => {
                match forward(data_dir, paths) {
                    Ok(()) => return Claim::Forwarded,
                    // A socket file left by a crashed window (macOS): take it over.
                    Err(ForwardError::NotRunning) => match bind(data_dir, true) {
                        Ok(incoming) => return Claim::First(incoming),
                        Err(err) if is_taken(&err) => {}
                        Err(err) => return Claim::Unavailable(err.to_string()),
                    },
                    // The window is closing (or starting): try again in a moment.
                    Err(ForwardError::Failed(err)) => {
                        log::info!("handing over to the open window: {err}; trying again");
                        std::thread::sleep(Duration::from_millis(200));
                    }
                }
            }
            Err(err) => return Claim::Unavailable(err.to_string()),
        }
    }
    Claim::Unavailable("the name of the window's socket stays taken".to_owned())
}

/// Whether creating the socket failed because another process has the name (Windows says
/// "access denied" for a pipe whose first instance exists).
fn is_taken(err: &std::io::Error) -> bool {
    matches!(
        err.kind(),
        std::io::ErrorKind::AddrInUse | std::io::ErrorKind::PermissionDenied
    )
}

/// Becomes the data folder's one window after another window has closed (the lock was taken
/// over): what the closed window left behind is replaced.
///
/// # Errors
/// When the socket cannot be created; second launches then open their own window.
pub fn claim(data_dir: &Path) -> std::io::Result<Incoming> {
    bind(data_dir, true)
}

/// Listens on the data folder's name on a thread of its own, for as long as the process
/// runs.
fn bind(data_dir: &Path, overwrite: bool) -> std::io::Result<Incoming> {
    let listener = ListenerOptions::new()
        .name(socket_name(data_dir)?)
        .try_overwrite(overwrite)
        .create_sync()?;
    let (sender, requests) = channel();
    let waker: Arc<Mutex<Option<Waker>>> = Arc::default();
    let wake = Arc::clone(&waker);
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = Arc::clone(&stop);
    let thread = std::thread::Builder::new()
        .name("open requests".to_owned())
        .spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    return;
                }
                let request = stream.and_then(serve);
                match request {
                    Ok(request) => {
                        if sender.send(request).is_err() {
                            return;
                        }
                        let wake = wake
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner);
                        if let Some(wake) = wake.as_ref() {
                            wake();
                        }
                    }
                    Err(err) => log::warn!("a request to open files was refused: {err}"),
                }
            }
        })?;
    Ok(Incoming {
        requests,
        waker,
        stop,
        data_dir: data_dir.to_owned(),
        thread: Some(thread),
    })
}

/// Reads one request and answers it.
fn serve(mut stream: Stream) -> std::io::Result<Request> {
    stream.set_recv_timeout(Some(TIMEOUT))?;
    stream.set_send_timeout(Some(TIMEOUT))?;
    let mut line = String::new();
    BufReader::new(&mut stream)
        .take(MAX_REQUEST_BYTES)
        .read_line(&mut line)?;
    let parsed = parse(&line);
    let reply = match &parsed {
        Ok(_) => OK.to_owned(),
        Err(err) => format!("refused: {err}"),
    };
    stream.write_all(format!("{reply}\n").as_bytes())?;
    stream.flush()?;
    parsed.map_err(std::io::Error::other)
}

/// A request as sent by [`forward`]: one line, paths absolute.
fn parse(line: &str) -> Result<Request, String> {
    if !line.ends_with('\n') {
        return Err("incomplete or too long".to_owned());
    }
    let request: Request = ron::from_str(line.trim_end()).map_err(|err| err.to_string())?;
    if let Some(path) = request.paths.iter().find(|path| !path.is_absolute()) {
        return Err(format!("not an absolute path: {}", path.display()));
    }
    Ok(request)
}

/// The socket's name for a data folder: per data folder (a hash of its absolute path) and
/// per user (the user's name in it). Linux: an abstract socket (gone with its process, so a
/// crash leaves nothing behind); Windows: a named pipe; macOS and other Unix systems: a
/// socket file in the user's own temporary folder.
fn socket_name(data_dir: &Path) -> std::io::Result<Name<'static>> {
    let dir = std::fs::canonicalize(data_dir)
        .or_else(|_| std::path::absolute(data_dir))
        .unwrap_or_else(|_| data_dir.to_owned());
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    // Short enough for macOS's 104-byte limit on socket paths, even in a long `$TMPDIR`.
    let user: String = user
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(16)
        .collect();
    let key = format!(
        "study-companion-{user}-{:016x}",
        fnv1a(dir.to_string_lossy().as_bytes())
    );
    #[cfg(any(windows, target_os = "linux", target_os = "android"))]
    {
        use interprocess::local_socket::{GenericNamespaced, ToNsName as _};
        key.to_ns_name::<GenericNamespaced>()
    }
    #[cfg(not(any(windows, target_os = "linux", target_os = "android")))]
    {
        use interprocess::local_socket::{GenericFilePath, ToFsName as _};
        std::env::temp_dir()
            .join(format!("{key}.sock"))
            .to_fs_name::<GenericFilePath>()
    }
}

/// FNV-1a, 64 bits: a hash that stays the same across builds and Rust versions (an app
/// updated while an older one runs still finds it).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_must_be_whole_lines_of_absolute_paths() {
        let absolute = std::env::temp_dir().join("a.scprogress");
        let line = format!(
            "{}\n",
            ron::to_string(&Request {
                paths: vec![absolute.clone()]
            })
            .unwrap()
        );
        assert_eq!(parse(&line).unwrap().paths, vec![absolute]);
        assert!(parse(line.trim_end()).is_err(), "cut short");
        let relative = format!(
            "{}\n",
            ron::to_string(&Request {
                paths: vec!["a.scprogress".into()]
            })
            .unwrap()
        );
        assert!(
            parse(&relative)
                .unwrap_err()
                .contains("not an absolute path")
        );
        assert!(parse("rm -rf /\n").is_err());
    }

    #[test]
    fn the_name_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
