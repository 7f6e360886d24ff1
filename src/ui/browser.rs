//! Opening links: the http(s)-only rule, then the system browser.

use std::sync::mpsc::{Receiver, Sender, channel};

/// Something that opens a web page. The app uses [`SystemBrowser`]; tests record the URLs.
pub trait Browser {
    /// Opens an http(s) URL (already checked by the caller). Must not block the UI thread.
    fn open(&mut self, url: &str);

    /// Failures since the last call: (url, error message).
    fn take_failures(&mut self) -> Vec<(String, String)> {
        Vec::new()
    }
}

/// Opens links with the operating system's default browser, on a background thread.
pub struct SystemBrowser {
    failures_tx: Sender<(String, String)>,
    failures_rx: Receiver<(String, String)>,
}

impl Default for SystemBrowser {
    fn default() -> Self {
        let (failures_tx, failures_rx) = channel();
        Self {
            failures_tx,
            failures_rx,
        }
    }
}

impl Browser for SystemBrowser {
    fn open(&mut self, url: &str) {
        let url = url.to_owned();
        let failures = self.failures_tx.clone();
        let spawned = std::thread::Builder::new()
            .name("open-link".to_owned())
            .spawn(move || {
                if let Err(err) = webbrowser::open(&url) {
                    let _ = failures.send((url, err.to_string()));
                }
            });
        if let Err(err) = spawned {
            let _ = self.failures_tx.send((String::new(), err.to_string()));
        }
    }

    fn take_failures(&mut self) -> Vec<(String, String)> {
        self.failures_rx.try_iter().collect()
    }
}

/// A browser that only remembers what it was asked to open (for tests and headless runs).
#[derive(Debug, Default)]
pub struct RecordingBrowser {
    /// Every URL opened, in order.
    pub opened: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Browser for RecordingBrowser {
    fn open(&mut self, url: &str) {
        if let Ok(mut opened) = self.opened.lock() {
            opened.push(url.to_owned());
        }
    }
}
