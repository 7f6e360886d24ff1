//! A class folder of 200 students with one file changing, as a mentor's class view sees it:
//! - how long from a student's write to the class read again (the watcher's one-second
//!   debounce not counted), and how long reading the class takes;
//! - the CPU the class folder's watchers use while nothing changes (15 s polls included).
//!
//! `cargo bench --bench class_folder` (the idle CPU figure is measured on Linux only).
//! `CLASS_BENCH_IDLE_SECS` sets the idle time measured (default 60).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use study_companion::format::{self, ProgressFile, Student};
use study_companion::progress::{ItemState, NoteTarget};
use study_companion::{report, storage, watch};

const STUDENTS: usize = 200;
const ROUNDS: usize = 9;

/// Student `n`: some items done (more for lower numbers), a note on every third item.
fn student(n: usize, extra: usize) -> ProgressFile {
    let curriculum = study_companion::embedded::curriculum();
    let mut file = ProgressFile::new(
        Student {
            id: format!("s{n:07}"),
            name: format!("学生{n}"),
        },
        &curriculum.version,
    );
    let time = Timestamp::from_second(1_764_000_000 + (n as i64) * 600).unwrap();
    let done = (n * 7 + extra) % (curriculum.items().count() + 1);
    for (index, (_, item)) in curriculum.items().enumerate() {
        if index < done {
            file.progress.set_state(&item.id, ItemState::Done, time);
        }
        if index % 3 == 0 {
            file.progress.set_note(
                &NoteTarget::Item(item.id.clone()),
                &format!("第 {index} 条：numpy 的广播、pandas 的 groupby，以及学习率。"),
                time,
            );
        }
    }
    file.saved_at = Some(time);
    file
}

fn path(folder: &Path, n: usize) -> PathBuf {
    folder.join(format!("学生{n}-s{n:07}.scprogress"))
}

fn write(folder: &Path, n: usize, extra: usize) {
    let text = format::to_string(&student(n, extra)).unwrap();
    storage::write_atomically(&path(folder, n), text.as_bytes(), || Ok(())).unwrap();
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn ms(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

/// User plus system CPU time of this process so far (Linux: `/proc/self/stat`, in clock
/// ticks of 1/100 s); `None` elsewhere.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name's closing parenthesis; utime and stime are the 12th and
    // 13th of those.
    let (_, rest) = stat.rsplit_once(')')?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields
        .get(11..13)?
        .iter()
        .map(|field| field.parse::<u64>().ok())
        .sum::<Option<u64>>()?;
    Some(Duration::from_millis(ticks * 10))
}

fn main() {
    // `cargo test --benches` runs this with `--bench`-less arguments: stay quick then.
    if std::env::args().any(|arg| arg == "--test" || arg == "--list") {
        return;
    }
    let curriculum = study_companion::embedded::curriculum();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_owned();
    for n in 0..STUDENTS {
        write(&folder, n, 0);
    }
    let bytes: u64 = std::fs::read_dir(&folder)
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|entry| entry.metadata().ok())
        .map(|meta| meta.len())
        .sum();
    println!(
        "class folder: {STUDENTS} students, {} KiB in all",
        bytes / 1024
    );

    // Reading the whole class, as the view does after a change.
    let loads: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            let class = report::load_class(curriculum, std::slice::from_ref(&folder));
            assert_eq!(class.students.len(), STUDENTS);
            start.elapsed()
        })
        .collect();
    println!("read the class of {STUDENTS}: median {}", ms(median(loads)));

    // One student's app hands in a new copy; the watcher notices, the class is read again.
    let (tx, rx) = mpsc::channel();
    let watcher = watch::watch(std::slice::from_ref(&folder), move || {
        let _ = tx.send(Instant::now());
    })
    .expect("the folder can be watched");
    std::thread::sleep(Duration::from_millis(500));
    let mut noticed = Vec::new();
    let mut to_row = Vec::new();
    for round in 0..ROUNDS {
        let written = Instant::now();
        write(&folder, 17, round + 1);
        let seen = rx.recv_timeout(Duration::from_secs(30)).unwrap();
        let class = report::load_class(curriculum, std::slice::from_ref(&folder));
        let row_ready = Instant::now();
        assert!(
            class
                .students
                .iter()
                .any(|row| row.file.student.id == "s0000017")
        );
        noticed.push(seen.saturating_duration_since(written + watch::DEBOUNCE));
        to_row.push(row_ready.saturating_duration_since(written + watch::DEBOUNCE));
        // Let the poll watcher's and the debouncer's state settle between rounds.
        std::thread::sleep(Duration::from_millis(1500));
        while rx.try_recv().is_ok() {}
    }
    println!(
        "write → change noticed, minus the {} debounce: median {}",
        ms(watch::DEBOUNCE),
        ms(median(noticed))
    );
    println!(
        "write → class read again (row updated), minus the debounce: median {} (target < 2 s)",
        ms(median(to_row))
    );

    // Nothing changes: what do the watchers cost?
    let idle: u64 = std::env::var("CLASS_BENCH_IDLE_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let Some(before) = cpu_time() else {
        println!("idle CPU: not measured on this system (no /proc/self/stat)");
        return;
    };
    let wall = Instant::now();
    std::thread::sleep(Duration::from_secs(idle));
    let used = cpu_time().unwrap_or(before).saturating_sub(before);
    let spurious = rx.try_iter().count();
    println!(
        "idle for {idle} s with both watchers ({} s polls): {} of CPU ({:.3} % of one core), {spurious} change(s) reported",
        watch::POLL_INTERVAL.as_secs(),
        ms(used),
        used.as_secs_f64() / wall.elapsed().as_secs_f64() * 100.0
    );
    drop(watcher);
}
