//! Work off the UI thread (file dialogs, reading and writing files): each job runs on its own
//! thread and its result comes back as an [`Action`] on a later frame.

use std::sync::mpsc::{Receiver, Sender, channel};

use super::app::Action;

/// Jobs in flight and their results.
pub struct Background {
    results_tx: Sender<Action>,
    results_rx: Receiver<Action>,
    in_flight: usize,
}

impl Default for Background {
    fn default() -> Self {
        let (results_tx, results_rx) = channel();
        Self {
            results_tx,
            results_rx,
            in_flight: 0,
        }
    }
}

impl Background {
    /// Runs `job` on a new thread; its action is returned by a later [`Self::poll`].
    /// `ctx` is woken when it finishes.
    pub fn spawn(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        job: impl FnOnce() -> Option<Action> + Send + 'static,
    ) {
        let results = self.results_tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                if let Some(action) = job() {
                    let _ = results.send(action);
                }
                let _ = results.send(Action::JobDone);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.in_flight += 1,
            Err(err) => log::error!("could not start a background job: {err}"),
        }
    }

    /// Results that arrived since the last call.
    pub fn poll(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        for action in self.results_rx.try_iter() {
            if action == Action::JobDone {
                self.in_flight = self.in_flight.saturating_sub(1);
            } else {
                actions.push(action);
            }
        }
        actions
    }

    /// Whether some job has not finished yet.
    pub fn is_busy(&self) -> bool {
        self.in_flight > 0
    }
}
