//! Saving in the background, about a second after each change, with retries.
//!
//! The UI thread only clones the progress (microseconds); serialising and writing happen on a
//! worker thread, so a save never drops a frame. A failed save (read-only folder, full disk)
//! keeps the changes in memory, is reported once, and is retried until it works.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::format::ProgressFile;
use crate::storage::{Storage, StorageError};

/// How long after a change the save happens (changes in between are saved together).
pub const SAVE_DELAY: Duration = Duration::from_millis(800);
/// How long after a failed save it is tried again.
pub const RETRY_DELAY: Duration = Duration::from_secs(5);

/// What the student should be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveEvent {
    /// Saving failed (reported once per distinct error).
    Failed(String),
    /// Saving works again after a failure.
    Recovered,
}

struct Request {
    generation: u64,
    file: ProgressFile,
}

struct Outcome {
    generation: u64,
    result: Result<(), String>,
}

/// Background saving of one data folder.
pub struct Autosave {
    storage: Storage,
    requests: Sender<Request>,
    outcomes: Receiver<Outcome>,
    /// Bumped on every change.
    generation: u64,
    /// The newest generation known to be on disk.
    saved: u64,
    /// A generation being written by the worker.
    in_flight: Option<u64>,
    /// When the first unsaved change happened.
    dirty_since: Option<Instant>,
    /// Set after a failure: no new attempt before this.
    retry_at: Option<Instant>,
    /// The last failure reported, to report each problem once.
    last_error: Option<String>,
}

impl Autosave {
    /// Starts the worker thread for `storage`.
    pub fn new(storage: Storage) -> Self {
        let (requests, worker_requests) = channel::<Request>();
        let (worker_outcomes, outcomes) = channel::<Outcome>();
        let worker_storage = storage.clone();
        let spawned = std::thread::Builder::new()
            .name("autosave".to_owned())
            .spawn(move || {
                while let Ok(mut request) = worker_requests.recv() {
                    // Only the newest snapshot matters.
                    while let Ok(newer) = worker_requests.try_recv() {
                        request = newer;
                    }
                    let result = worker_storage
                        .save(&request.file)
                        .map_err(|err| err.to_string());
                    let outcome = Outcome {
                        generation: request.generation,
                        result,
                    };
                    if worker_outcomes.send(outcome).is_err() {
                        break;
                    }
                }
            });
        if let Err(err) = spawned {
            log::error!("could not start the autosave thread: {err}");
        }
        Self {
            storage,
            requests,
            outcomes,
            generation: 0,
            saved: 0,
            in_flight: None,
            dirty_since: None,
            retry_at: None,
            last_error: None,
        }
    }

    /// The data folder.
    pub fn storage(&self) -> &Storage {
        &self.storage
    }

    /// Records that the progress changed at `now`.
    pub fn mark_dirty(&mut self, now: Instant) {
        self.generation += 1;
        self.dirty_since.get_or_insert(now);
    }

    /// Whether some change is not on disk yet.
    pub fn has_unsaved_changes(&self) -> bool {
        self.generation > self.saved
    }

    /// Call once per frame: collects finished saves and starts a new one when due.
    /// `snapshot` is called only when a save starts.
    pub fn poll(
        &mut self,
        now: Instant,
        snapshot: impl FnOnce() -> ProgressFile,
    ) -> Option<SaveEvent> {
        let mut event = None;
        while let Ok(outcome) = self.outcomes.try_recv() {
            self.in_flight = None;
            event = self
                .record(outcome.generation, outcome.result, now)
                .or(event);
        }
        let due = self
            .dirty_since
            .is_some_and(|since| now.duration_since(since) >= SAVE_DELAY)
            && self.retry_at.is_none_or(|at| now >= at);
        if self.has_unsaved_changes() && self.in_flight.is_none() && due {
            let request = Request {
                generation: self.generation,
                file: snapshot(),
            };
            self.in_flight = Some(request.generation);
            if self.requests.send(request).is_err() {
                self.in_flight = None;
                event = self
                    .record(
                        self.generation,
                        Err("the autosave thread stopped".to_owned()),
                        now,
                    )
                    .or(event);
            }
        }
        event
    }

    /// How long until [`Self::poll`] has something to do (for `request_repaint_after`).
    pub fn next_wake(&self, now: Instant) -> Option<Duration> {
        if self.in_flight.is_some() {
            return Some(Duration::from_millis(50));
        }
        if !self.has_unsaved_changes() {
            return None;
        }
        let due = self.dirty_since.map(|since| since + SAVE_DELAY);
        let at = match (due, self.retry_at) {
            (Some(due), Some(retry)) => due.max(retry),
            (due, retry) => due.or(retry)?,
        };
        Some(at.saturating_duration_since(now))
    }

    /// Saves `file` now, on this thread, after the worker's current save (used on exit).
    pub fn flush(&mut self, file: &ProgressFile) -> Result<(), StorageError> {
        if let Some(generation) = self.in_flight.take() {
            if let Ok(outcome) = self.outcomes.recv_timeout(Duration::from_secs(10)) {
                let _ = self.record(outcome.generation, outcome.result, Instant::now());
            } else {
                log::warn!("the save of generation {generation} did not finish in time");
            }
        }
        if !self.has_unsaved_changes() {
            return Ok(());
        }
        self.storage.save(file)?;
        self.saved = self.generation;
        self.dirty_since = None;
        Ok(())
    }

    fn record(
        &mut self,
        generation: u64,
        result: Result<(), String>,
        now: Instant,
    ) -> Option<SaveEvent> {
        match result {
            Ok(()) => {
                self.saved = self.saved.max(generation);
                self.retry_at = None;
                self.dirty_since = self.has_unsaved_changes().then_some(now);
                self.last_error.take().map(|_| SaveEvent::Recovered)
            }
            Err(message) => {
                self.retry_at = Some(now + RETRY_DELAY);
                if self.last_error.as_ref() == Some(&message) {
                    None
                } else {
                    self.last_error = Some(message.clone());
                    Some(SaveEvent::Failed(message))
                }
            }
        }
    }
}
