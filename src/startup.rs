//! A trace of start-up: one line per phase with the time since `main` began, so a slow start
//! is located in a minute (`study-companion --trace-startup`, or the environment variable
//! `STUDY_COMPANION_TRACE_STARTUP=1`). Off by default; a mark then costs one lock.
//!
//! Phases marked before the command line is read are kept and printed once tracing is on.

use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The environment variable that turns the trace on, like `--trace-startup`.
pub const TRACE_VARIABLE: &str = "STUDY_COMPANION_TRACE_STARTUP";

static START: OnceLock<Instant> = OnceLock::new();

struct Trace {
    /// `None` until the command line says; marks are kept meanwhile.
    enabled: Option<bool>,
    pending: Vec<(&'static str, Duration)>,
    last: Duration,
}

static TRACE: Mutex<Trace> = Mutex::new(Trace {
    enabled: None,
    pending: Vec::new(),
    last: Duration::ZERO,
});

/// Starts the clock: the first thing `main` does.
pub fn begin() {
    START.get_or_init(Instant::now);
}

/// Turns the trace on or off (once the command line is read); on prints the phases marked
/// so far.
pub fn enable(on: bool) {
    let Ok(mut trace) = TRACE.lock() else {
        return;
    };
    trace.enabled = Some(on);
    let pending = std::mem::take(&mut trace.pending);
    if on {
        for (phase, at) in pending {
            print(&mut trace, phase, at);
        }
    }
}

/// Whether [`TRACE_VARIABLE`] asks for the trace.
pub fn requested_by_env() -> bool {
    std::env::var_os(TRACE_VARIABLE).is_some_and(|value| !value.is_empty() && value != "0")
}

/// Whether phases are printed.
pub fn enabled() -> bool {
    TRACE.lock().is_ok_and(|trace| trace.enabled == Some(true))
}

/// Marks the end of a phase.
pub fn mark(phase: &'static str) {
    let at = START.get_or_init(Instant::now).elapsed();
    let Ok(mut trace) = TRACE.lock() else {
        return;
    };
    match trace.enabled {
        Some(true) => print(&mut trace, phase, at),
        Some(false) => {}
        None => trace.pending.push((phase, at)),
    }
}

fn print(trace: &mut Trace, phase: &str, at: Duration) {
    let delta = at.saturating_sub(trace.last);
    trace.last = at;
    eprintln!(
        "startup: {:>8.1} ms  (+{:>6.1} ms)  {phase}",
        at.as_secs_f64() * 1000.0,
        delta.as_secs_f64() * 1000.0
    );
}

/// Prints a remark beside the phases (only when tracing).
pub fn note(text: &str) {
    if enabled() {
        eprintln!("startup: {text}");
    }
}
