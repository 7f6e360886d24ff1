//! Never lose, never leak (issue 9): one writer per data folder, special files, links, stale
//! temporaries, recoveries told in words. Each test failed before its fix.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use jiff::Timestamp;
use study_companion::curriculum::ItemId;
use study_companion::format::{self, ProgressFile, Student};
use study_companion::progress::ItemState;
use study_companion::storage::{LockError, Storage};
use study_companion::ui::UiState;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_study-companion"))
}

/// Runs the command line on `data` with a time limit (a FIFO must never hang it).
fn cli(data: &Path, args: &[&str]) -> (i32, String, String) {
    let mut child = bin()
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("study-companion {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(second).unwrap()
}

/// A saved progress in `data` (one item done), and the student.
fn saved(data: &Path) -> ProgressFile {
    let storage = Storage::open(data).unwrap();
    let mut file = ProgressFile::new(Student::new("小明"), "test");
    file.progress.set_state(
        &ItemId("python.software".to_owned()),
        ItemState::Done,
        at(1_760_000_000),
    );
    storage.save(&file).unwrap();
    file
}

/// `file` with one more item done, written to `path` (as if from another computer).
fn changed_copy(file: &ProgressFile, item: &str, path: &Path) {
    let mut copy = file.clone();
    copy.progress
        .set_state(&ItemId(item.to_owned()), ItemState::Done, Timestamp::now());
    std::fs::write(path, format::to_string(&copy).unwrap()).unwrap();
}

fn saved_states(data: &Path) -> Vec<String> {
    let loaded = Storage::open(data).unwrap().read_saved().unwrap().unwrap();
    loaded
        .progress
        .items
        .iter()
        .filter(|(_, item)| item.state == ItemState::Done)
        .map(|(id, _)| id.to_string())
        .collect()
}

// ------------------------------------------------------------------ one writer per folder

#[test]
fn a_second_writer_waits_then_is_refused_naming_the_holder() {
    let dir = tempfile::tempdir().unwrap();
    let storage = Storage::open(dir.path()).unwrap();
    let lock = storage.lock("app", Duration::ZERO).unwrap();
    let started = Instant::now();
    let Err(LockError::Held(holder)) = storage.lock("import", Duration::from_millis(200)) else {
        panic!("a second lock on one folder must be refused");
    };
    assert!(started.elapsed() >= Duration::from_millis(200), "it waits");
    assert!(holder.is_app());
    assert_eq!(holder.pid, Some(std::process::id()));
    drop(lock);
    // Released: the next writer gets it.
    let _lock = storage.lock("import", Duration::ZERO).unwrap();
}

#[test]
fn a_command_line_import_while_the_window_is_open_is_refused_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = saved(&data);
    let incoming = dir.path().join("mine.scprogress");
    changed_copy(&file, "python.files", &incoming);

    let (mut harness, _probe) =
        common::harness_in(common::mini_curriculum(), &data, UiState::default());
    harness.run();
    let (code, out, err) = cli(&data, &["import", incoming.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("Study Companion is open") && err.contains("import the file in the app"),
        "{err}"
    );
    // The window's next save cannot undo anything: the import did not happen.
    assert_eq!(saved_states(&data), ["python.software"]);
    drop(harness);

    // With the window closed, the import goes through.
    let (code, out, err) = cli(&data, &["import", incoming.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 change(s) merged"), "{out}");
    assert_eq!(saved_states(&data), ["python.files", "python.software"]);
}

#[test]
fn two_imports_started_together_both_arrive() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = saved(&data);
    let first = dir.path().join("first.scprogress");
    let second = dir.path().join("second.scprogress");
    changed_copy(&file, "python.files", &first);
    changed_copy(&file, "dl.course", &second);
    for _ in 0..3 {
        let runs: Vec<_> = [&first, &second]
            .into_iter()
            .map(|path| {
                bin()
                    .arg("--data-dir")
                    .arg(&data)
                    .arg("import")
                    .arg(path)
                    .output()
                    .unwrap()
            })
            .collect();
        for run in &runs {
            assert!(
                run.status.success(),
                "{}",
                String::from_utf8_lossy(&run.stderr)
            );
        }
    }
    // Truly concurrent, from two threads of processes.
    let data2 = dir.path().join("data2");
    let file = saved(&data2);
    changed_copy(&file, "python.files", &first);
    changed_copy(&file, "dl.course", &second);
    let handles: Vec<_> = [first.clone(), second.clone()]
        .into_iter()
        .map(|path| {
            let data = data2.clone();
            std::thread::spawn(move || {
                bin()
                    .arg("--data-dir")
                    .arg(&data)
                    .arg("import")
                    .arg(&path)
                    .output()
                    .unwrap()
            })
        })
        .collect();
    for handle in handles {
        let run = handle.join().unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    assert_eq!(
        saved_states(&data2),
        ["dl.course", "python.files", "python.software"]
    );
}

#[test]
fn a_second_window_only_shows_and_takes_over_when_the_first_closes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    saved(&data);
    let plan = study_companion::plan::PlanFile::new(
        study_companion::plan::Plan {
            start: jiff::civil::date(2027, 1, 11),
            end: jiff::civil::date(2027, 2, 21),
            chapters: Vec::new(),
        },
        "王老师",
        "v",
        at(0),
    );
    Storage::open(&data)
        .unwrap()
        .save_plan(Some(&plan))
        .unwrap();
    let (mut first, _probe) =
        common::harness_in(common::mini_curriculum(), &data, UiState::default());
    first.run();
    let (mut second, _probe2) =
        common::harness_in(common::mini_curriculum(), &data, UiState::default());
    second.run();
    assert!(
        second
            .state()
            .notices()
            .iter()
            .any(|notice| notice.text.contains("另一个学习伴侣窗口")),
        "{:?}",
        second.state().notices()
    );
    // It shows the folder's plan too (the pace needs it), read only.
    assert_eq!(second.state().plan(), Some(&plan));
    let plan_file = std::fs::read(data.join("plan.ron")).unwrap();
    // Ticking an item in the second window changes nothing.
    let id = ItemId("basics.files".to_owned());
    second.state_mut().apply(
        &egui::Context::default(),
        study_companion::ui::Action::ToggleDone(id.clone()),
    );
    assert_eq!(second.state().progress().state(&id), ItemState::NotStarted);

    // The first window ticks an item and closes (saving on exit).
    first.state_mut().apply(
        &egui::Context::default(),
        study_companion::ui::Action::ToggleDone(id.clone()),
    );
    first.state_mut().flush();
    drop(first);
    // Within a second or two, the second window takes over with what the first saved.
    common::wait_until(&mut second, "the take-over", |app| {
        app.progress().state(&id) == ItemState::Done
    });
    assert_eq!(second.state().plan(), Some(&plan));
    assert_eq!(std::fs::read(data.join("plan.ron")).unwrap(), plan_file);
    assert!(
        second
            .state()
            .notices()
            .iter()
            .all(|notice| !notice.text.contains("另一个学习伴侣窗口")),
        "the in-use notice is gone"
    );
}

// ------------------------------------------------------------------ stale temporaries

#[test]
fn stale_temporaries_are_removed_at_start_and_fresh_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    saved(&data);
    let old = data.join(".progress-AbC123.tmp");
    let fresh = data.join(".progress-XyZ789.tmp");
    let other = data.join("notes.tmp");
    for path in [&old, &fresh, &other] {
        std::fs::write(path, vec![b'x'; 1024]).unwrap();
    }
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    let (mut harness, _probe) =
        common::harness_in(common::mini_curriculum(), &data, UiState::default());
    harness.run();
    assert!(!old.exists(), "an interrupted save's file is removed");
    assert!(fresh.exists(), "a save in progress is left alone");
    assert!(other.exists(), "only our own temporary files");
}

// ------------------------------------------------------------------ special files

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|status| status.success())
}

#[cfg(unix)]
#[test]
fn a_fifo_never_hangs_check_import_or_report() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    saved(&data);
    let fifo = dir.path().join("pipe.scprogress");
    if !mkfifo(&fifo) {
        return;
    }
    let fifo = fifo.to_str().unwrap();
    let (code, _, err) = cli(&data, &["check", fifo]);
    assert_eq!(code, 1);
    assert!(err.contains("not a file but a named pipe"), "{err}");
    let (code, _, err) = cli(&data, &["import", fifo]);
    assert_eq!(code, 1);
    assert!(err.contains("named pipe"), "{err}");
    let (code, _, err) = cli(&data, &["report", fifo]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("named pipe"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_progress_file_linked_to_dev_zero_or_huge_and_sparse_is_set_aside_unread() {
    for make in ["dev-zero", "sparse"] {
        let dir = tempfile::tempdir().unwrap();
        let storage = Storage::open(dir.path()).unwrap();
        saved(dir.path());
        // The backup is a good earlier save.
        saved(dir.path());
        let path = storage.progress_path();
        std::fs::remove_file(&path).unwrap();
        match make {
            "dev-zero" => std::os::unix::fs::symlink("/dev/zero", &path).unwrap(),
            _ => std::fs::File::create(&path)
                .unwrap()
                .set_len(2 * 1024 * 1024 * 1024)
                .unwrap(),
        }
        let started = Instant::now();
        let loaded = storage.load(Timestamp::now()).unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{make}: not read"
        );
        let recovery = loaded.recovery.unwrap();
        assert!(
            matches!(
                recovery,
                study_companion::storage::Recovery::FromBackup { .. }
            ),
            "{make}: {recovery}"
        );
        assert!(loaded.file.is_some(), "{make}: the backup is used");
    }
}

#[cfg(unix)]
#[test]
fn output_never_replaces_a_device_fifo_or_folder_and_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    saved(&data);
    let good = dir.path().join("good.scprogress");
    std::fs::write(
        &good,
        format::to_string(&Storage::open(&data).unwrap().read_saved().unwrap().unwrap()).unwrap(),
    )
    .unwrap();
    let good = good.to_str().unwrap();
    let fifo = dir.path().join("out.fifo");
    let have_fifo = mkfifo(&fifo);
    let mut targets = vec!["/dev/null".to_owned(), dir.path().display().to_string()];
    if have_fifo {
        targets.push(fifo.display().to_string());
    }
    for target in &targets {
        let (code, _, err) = cli(&data, &["report", good, "-o", target]);
        assert_eq!(code, 1, "report -o {target}");
        assert!(err.contains("not a file"), "{err}");
        let (code, _, err) = cli(&data, &["export", "-o", target]);
        assert_eq!(code, 1, "export -o {target}");
        assert!(err.contains("not a file"), "{err}");
    }
    let (code, out, err) = cli(&data, &["export", "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("ProgressFile("), "{out}");
    assert!(err.contains("exported: 小明"), "{err}");
    let (code, out, err) = cli(&data, &["report", good, "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("小明"), "{out}");
}

// ------------------------------------------------------------------ a linked progress.ron

#[cfg(unix)]
#[test]
fn a_linked_progress_file_is_written_through_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let synced = dir.path().join("Dropbox");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&synced).unwrap();
    let target = synced.join("my-progress.ron");
    let storage = Storage::open(&data).unwrap();
    let mut file = ProgressFile::new(Student::new("小明"), "test");
    std::fs::write(&target, format::to_string(&file).unwrap()).unwrap();
    std::os::unix::fs::symlink(&target, storage.progress_path()).unwrap();

    file.progress.set_state(
        &ItemId("python.files".to_owned()),
        ItemState::Done,
        at(1_760_000_000),
    );
    storage.save(&file).unwrap();
    let link = std::fs::symlink_metadata(storage.progress_path()).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    let written = format::read_path(&target).unwrap().file;
    assert_eq!(written.progress, file.progress, "the target has the save");
    assert!(
        format::read_path(&storage.backup_path()).is_ok(),
        "the previous version is kept as the backup"
    );
    assert_eq!(
        std::fs::read_dir(&synced).unwrap().count(),
        1,
        "no temporary file is left beside the target"
    );

    // A link whose folder is gone (a drive not mounted) is never replaced by a file.
    std::fs::remove_dir_all(&synced).unwrap();
    assert!(storage.save(&file).is_err());
    assert!(
        std::fs::symlink_metadata(storage.progress_path())
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

// ------------------------------------------------------------------ recoveries in words

/// A data folder whose progress file was cut off in the middle of a save, with a good backup
/// (the file [`saved`] writes); that file.
fn damaged_with_a_backup(data: &Path) -> ProgressFile {
    let file = saved(data);
    saved(data);
    std::fs::write(
        data.join("progress.ron"),
        "ProgressFile(format: 3, student: (",
    )
    .unwrap();
    file
}

#[test]
fn a_recovery_by_the_command_line_is_said_in_words_and_shown_once_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = damaged_with_a_backup(&data);
    let incoming = dir.path().join("mine.scprogress");
    changed_copy(&file, "python.files", &incoming);

    let (code, out, err) = cli(&data, &["import", incoming.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("the saved progress was damaged") && err.contains("the backup"),
        "{err}"
    );
    assert!(!err.contains("FromBackup"), "no debug dump: {err}");
    assert!(out.contains("merged"), "{out}");

    let (mut harness, _probe) =
        common::harness_in(common::mini_curriculum(), &data, UiState::default());
    harness.run();
    let recovered: Vec<_> = harness
        .state()
        .notices()
        .iter()
        .filter(|notice| notice.text.contains("已从备份恢复"))
        .collect();
    assert_eq!(recovered.len(), 1, "{:?}", harness.state().notices());
    assert!(
        recovered[0].text.contains("progress.damaged-"),
        "names where the damaged file went: {}",
        recovered[0].text
    );
    assert!(
        recovered[0].text.contains("第 "),
        "the reason is in Chinese: {}",
        recovered[0].text
    );
    drop(harness);

    // Shown once.
    let (mut harness, _probe) =
        common::harness_in(common::mini_curriculum(), &data, UiState::default());
    harness.run();
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .all(|notice| !notice.text.contains("已从备份恢复")),
        "{:?}",
        harness.state().notices()
    );
}

/// As the app starts: the data folder is opened on a thread before the window knows its
/// language; what opening found is said in the window's language, and the lock the thread
/// took is the window's (a command-line import is refused while the window is open).
#[test]
fn a_folder_opened_before_the_window_speaks_its_language_and_keeps_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = damaged_with_a_backup(&data);

    let opening = study_companion::ui::data_folder::Opening::start(Some(data.clone()));
    let state = UiState {
        language: study_companion::i18n::Language::English,
        ..UiState::default()
    };
    let app = study_companion::ui::StudyApp::with_folder(
        common::mini_curriculum(),
        opening.finish(),
        state,
        Box::new(study_companion::ui::browser::RecordingBrowser::default()),
    );
    let notices: Vec<&str> = app.notices().iter().map(|n| n.text.as_str()).collect();
    assert!(
        notices
            .iter()
            .any(|text| text.contains("restored from the backup")
                && text.contains("progress.damaged-")
                && text.contains("line")),
        "said in English, with the reason: {notices:?}"
    );
    assert_eq!(
        app.progress().state(&ItemId("python.software".to_owned())),
        ItemState::Done,
        "the backup's progress is the window's"
    );

    let incoming = dir.path().join("mine.scprogress");
    changed_copy(&file, "python.files", &incoming);
    let (code, _, err) = cli(&data, &["import", incoming.to_str().unwrap()]);
    assert_eq!(code, 1, "the window holds the folder: {err}");
    drop(app);
    let (code, _, err) = cli(&data, &["import", incoming.to_str().unwrap()]);
    assert_eq!(code, 0, "the lock goes with the window: {err}");
}

// ------------------------------------------------------------------ the mentor's drafts

#[test]
fn unreadable_feedback_drafts_are_kept_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    saved(&data);
    let drafts = data.join("feedback-drafts.ron");
    std::fs::write(
        &drafts,
        "{\"abc\": (mentor: \"王老师\", overall: \"写了一半",
    )
    .unwrap();
    let (mut harness, _probe) =
        common::harness_in(common::mini_curriculum(), &data, UiState::default());
    harness.run();
    let notice = harness
        .state()
        .notices()
        .iter()
        .find(|notice| notice.text.contains("评语草稿"))
        .map(|notice| notice.text.clone())
        .unwrap_or_default();
    assert!(notice.contains("feedback-drafts.damaged-"), "{notice}");
    let kept: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("feedback-drafts.damaged-")
        })
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(
        std::fs::read_to_string(kept[0].path())
            .unwrap()
            .contains("写了一半"),
        "the mentor's words are kept"
    );
}
