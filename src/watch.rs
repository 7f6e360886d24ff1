//! Watching a class folder: the system's change events, and a slow look at the files' sizes
//! and times for drives that send no events (network shares, some synced folders; see
//! docs/class-folder.md). Neither reads a file: the caller is told that something changed and
//! reads what it needs. No egui here: the UI's runner and the benchmarks use the same code.

use std::path::PathBuf;
use std::time::Duration;

use notify_debouncer_mini::notify::{self, RecursiveMode};
use notify_debouncer_mini::{Config, DebounceEventResult, Debouncer, new_debouncer_opt};

/// Changes closer together than this come back as one.
pub const DEBOUNCE: Duration = Duration::from_secs(1);

/// How often the folder's listing is compared with the last one (sizes and times, no file
/// read) for drives that send no change events.
pub const POLL_INTERVAL: Duration = Duration::from_secs(15);

/// Watches files and folders (folders without their sub-folders) while it lives.
pub struct FolderWatcher {
    _native: Option<Debouncer<notify::RecommendedWatcher>>,
    _poll: Option<Debouncer<notify::PollWatcher>>,
}

/// Watches `paths`; `changed` runs (on a watcher thread) at most once per [`DEBOUNCE`] while
/// things change, and within [`POLL_INTERVAL`] on drives without events. `None` if neither
/// way of watching could start; a path that cannot be watched is only logged.
pub fn watch(
    paths: &[PathBuf],
    changed: impl Fn() + Clone + Send + 'static,
) -> Option<FolderWatcher> {
    let handler = move |events: DebounceEventResult| match events {
        Ok(events) if !events.is_empty() => changed(),
        Ok(_) => {}
        Err(err) => log::warn!("watching the class folder: {err}"),
    };
    let config = Config::default().with_timeout(DEBOUNCE);
    let native = start::<notify::RecommendedWatcher>(config.clone(), paths, handler.clone());
    let poll = start::<notify::PollWatcher>(
        config.with_notify_config(notify::Config::default().with_poll_interval(POLL_INTERVAL)),
        paths,
        handler,
    );
    (native.is_some() || poll.is_some()).then_some(FolderWatcher {
        _native: native,
        _poll: poll,
    })
}

fn start<W: notify::Watcher>(
    config: Config,
    paths: &[PathBuf],
    handler: impl Fn(DebounceEventResult) + Send + 'static,
) -> Option<Debouncer<W>> {
    let mut debouncer = new_debouncer_opt::<_, W>(config, handler)
        .inspect_err(|err| log::warn!("the class folder cannot be watched: {err}"))
        .ok()?;
    for path in paths {
        if let Err(err) = debouncer.watcher().watch(path, RecursiveMode::NonRecursive) {
            log::warn!("{} cannot be watched: {err}", path.display());
        }
    }
    Some(debouncer)
}
