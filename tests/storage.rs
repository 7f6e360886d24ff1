//! Saving never loses progress: atomic saves, backups, damaged files moved aside, crashes.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::Duration;

use jiff::Timestamp;
use study_companion::curriculum::ItemId;
use study_companion::format::{self, ProgressFile, Student};
use study_companion::progress::ItemState;
use study_companion::storage::{Recovery, Storage};

fn sample(n: u64) -> ProgressFile {
    let mut file = ProgressFile::new(Student::new("小明"), "test");
    let now = Timestamp::from_second(1_750_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
    for i in 0..n {
        file.progress
            .set_state(&ItemId(format!("item.{i}")), ItemState::Done, now);
    }
    file
}

fn now() -> Timestamp {
    Timestamp::from_second(1_760_000_000).unwrap_or(Timestamp::UNIX_EPOCH)
}

#[test]
fn save_then_load_and_keep_the_previous_version() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let storage = Storage::open(dir.path())?;
    assert!(storage.load(now())?.file.is_none());

    storage.save(&sample(1))?;
    storage.save(&sample(2))?;
    let loaded = storage.load(now())?;
    assert_eq!(loaded.file, Some(sample_with_id(&loaded.file, 2)));
    assert!(loaded.recovery.is_none());
    let backup = format::from_bytes(&std::fs::read(storage.backup_path())?)?;
    assert_eq!(
        backup.progress.items.len(),
        1,
        "the backup is the previous save"
    );
    Ok(())
}

/// `sample(n)` with the student id of `loaded` (ids are random).
fn sample_with_id(loaded: &Option<ProgressFile>, n: u64) -> ProgressFile {
    let mut file = sample(n);
    if let Some(loaded) = loaded {
        file.student = loaded.student.clone();
    }
    file
}

#[test]
fn a_damaged_file_is_moved_aside_and_the_backup_used() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let storage = Storage::open(dir.path())?;
    storage.save(&sample(1))?;
    storage.save(&sample(2))?;
    std::fs::write(
        storage.progress_path(),
        b"(format: 1, student: (id: \"x\", na",
    )?;

    let loaded = storage.load(now())?;
    let Some(Recovery::FromBackup { reason, moved_to }) = loaded.recovery else {
        panic!(
            "expected recovery from the backup, got {:?}",
            loaded.recovery
        );
    };
    assert!(reason.contains("1:"), "the reason gives line:col: {reason}");
    assert_eq!(
        std::fs::read(&moved_to)?,
        b"(format: 1, student: (id: \"x\", na",
        "the damaged file is kept byte for byte"
    );
    assert_eq!(loaded.file.map(|f| f.progress.items.len()), Some(1));
    assert!(!storage.progress_path().exists());
    Ok(())
}

#[test]
fn damaged_without_backup_starts_empty_and_says_where() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let storage = Storage::open(dir.path())?;
    std::fs::write(storage.progress_path(), [0xff, 0xfe, 0x00, 0x12])?;
    let loaded = storage.load(now())?;
    match loaded.recovery {
        Some(Recovery::StartedEmpty { reason, moved_to }) => {
            assert!(reason.contains("not text"), "{reason}");
            assert!(moved_to.exists());
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(loaded.file.is_none());
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_fails_the_save_and_changes_nothing() -> Result<(), Box<dyn std::error::Error>>
{
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir()?;
    let storage = Storage::open(dir.path())?;
    storage.save(&sample(1))?;
    let before = std::fs::read(storage.progress_path())?;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555))?;
    let probe = dir.path().join("probe");
    if std::fs::write(&probe, b"x").is_ok() {
        // Running as root: permissions are not enforced, nothing to test here.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))?;
        return Ok(());
    }
    let result = storage.save(&sample(2));
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))?;
    let err = result.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains(&dir.path().display().to_string()), "{err}");
    assert_eq!(std::fs::read(storage.progress_path())?, before);
    Ok(())
}

/// Child side of the crash test: save bigger and bigger progress forever, until killed.
#[test]
fn crash_child_saves_forever() -> Result<(), Box<dyn std::error::Error>> {
    let Ok(dir) = std::env::var("STUDY_COMPANION_CRASH_CHILD_DIR") else {
        return Ok(());
    };
    let storage = Storage::open(&dir)?;
    for n in 1.. {
        storage.save(&sample(n % 200))?;
    }
    Ok(())
}

fn assert_whole(path: &Path) {
    if let Ok(bytes) = std::fs::read(path)
        && let Err(err) = format::from_bytes(&bytes)
    {
        panic!("{} is torn: {err}", path.display());
    }
}

/// Kills a saving process at random moments, hundreds of times: the progress file and its
/// backup are always whole (old or new), and loading always succeeds without recovery.
#[test]
fn killing_a_saving_process_never_tears_the_file() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let exe = std::env::current_exe()?;
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let rounds = 300;
    let mut saw_file = 0;
    for _ in 0..rounds {
        let mut child = std::process::Command::new(&exe)
            .args([
                "--exact",
                "crash_child_saves_forever",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("STUDY_COMPANION_CRASH_CHILD_DIR", dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()?;
        // xorshift: a kill moment between 0 and 25 ms after start.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 25_000));
        child.kill()?;
        child.wait()?;

        let storage = Storage::open(dir.path())?;
        assert_whole(&storage.progress_path());
        assert_whole(&storage.backup_path());
        let loaded = storage.load(now())?;
        assert!(loaded.recovery.is_none(), "{:?}", loaded.recovery);
        if loaded.file.is_some() {
            saw_file += 1;
        }
        storage.remove_stale_temporaries();
    }
    assert!(
        saw_file > rounds / 2,
        "the child saved in only {saw_file} rounds"
    );
    Ok(())
}

#[test]
fn the_plan_in_the_data_folder_is_never_lost() -> Result<(), Box<dyn std::error::Error>> {
    use jiff::civil::date;
    use study_companion::plan::{PlanFile, default_plan};

    let dir = tempfile::tempdir()?;
    let storage = Storage::open(dir.path().to_owned())?;
    let curriculum = study_companion::embedded::curriculum();
    let plan = |start| {
        PlanFile::new(
            default_plan(curriculum, start, date(2027, 2, 21)),
            "王老师",
            &curriculum.version,
            now(),
        )
    };
    assert_eq!(storage.load_plan(), Ok(None));
    assert_eq!(
        storage.save_plan(None)?,
        None,
        "no backup of a plan that was not there"
    );

    // Saved, read back; replaced, the one before kept as plan.ron.bak.
    let first = plan(date(2027, 1, 11));
    assert_eq!(storage.save_plan(Some(&first))?, None, "none was in use");
    assert_eq!(storage.load_plan(), Ok(Some(first.clone())));
    let second = plan(date(2027, 1, 18));
    assert_eq!(
        storage.save_plan(Some(&second))?,
        Some(dir.path().join("plan.ron.bak")),
        "where the one in use went"
    );
    assert_eq!(storage.load_plan(), Ok(Some(second.clone())));
    let bak = std::fs::read_to_string(dir.path().join("plan.ron.bak"))?;
    assert_eq!(
        study_companion::plan::file::read(bak.as_bytes())?.file,
        first
    );

    // A damaged plan.ron is moved aside, each to its own name, never over an earlier one.
    for (n, junk) in ["不是计划", "(也不是"].into_iter().enumerate() {
        std::fs::write(dir.path().join("plan.ron"), junk)?;
        assert!(storage.load_plan().is_err());
        let aside = if n == 0 {
            "plan.damaged.ron".to_owned()
        } else {
            format!("plan.damaged-{}.ron", n + 1)
        };
        assert_eq!(std::fs::read_to_string(dir.path().join(aside))?, junk);
    }

    // One a newer version wrote is not saved over: set aside first, then the save goes in.
    let newer = study_companion::plan::file::to_string(&second)?.replace("format: 1", "format: 9");
    std::fs::write(dir.path().join("plan.ron"), &newer)?;
    assert_eq!(
        storage.save_plan(Some(&first))?,
        Some(dir.path().join("plan.damaged-3.ron"))
    );
    assert_eq!(storage.load_plan(), Ok(Some(first)));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.damaged-3.ron"))?,
        newer
    );
    Ok(())
}

/// The app's own saved progress is read with the pictures checked from their headers: a photo
/// damaged on disk after its header stays in the progress (shown as unreadable, saved again as
/// it was), where a full decode would have dropped it by a repair. A file from someone else
/// is still decoded in full and the damaged picture repaired away.
#[test]
fn a_damaged_picture_in_the_saved_progress_is_kept_not_dropped() {
    use study_companion::drawing::{Drawing, EmbeddedImage};
    let dir = tempfile::tempdir().unwrap();
    let storage = Storage::open(dir.path()).unwrap();
    let mut png = Vec::new();
    image::RgbImage::from_pixel(64, 48, image::Rgb([10, 200, 30]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    png.truncate(png.len() - 20); // the end of the pixel data and the end marker are gone
    let mut file = sample(1);
    let item = ItemId("dl.drawing".to_owned());
    file.progress.drawings.insert(
        item.clone(),
        Drawing {
            image: Some(EmbeddedImage {
                mime: "image/png".to_owned(),
                width: 64,
                height: 48,
                data: png,
            }),
            sketch: None,
            updated: Some(now()),
        },
    );
    storage.save(&file).unwrap();

    let loaded = storage.load(now()).unwrap();
    assert!(loaded.recovery.is_none());
    let kept = loaded.file.unwrap();
    assert_eq!(
        kept.progress.drawings.get(&item),
        file.progress.drawings.get(&item)
    );

    // The same file imported from someone else: decoded in full, the picture repaired away.
    let text = format::to_string(&file).unwrap();
    let imported = format::read(text.as_bytes()).unwrap();
    assert!(
        !imported.repairs.is_empty(),
        "the damaged picture is reported"
    );
    assert!(
        imported
            .file
            .progress
            .drawings
            .get(&item)
            .is_none_or(|drawing| drawing.image.is_none()),
        "{:?}",
        imported.file.progress.drawings
    );
}
