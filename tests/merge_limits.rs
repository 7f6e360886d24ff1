//! Nothing the app writes may be refused when the app reads it back: a merge keeps within the
//! format's limits and sets aside, never drops, what does not fit (issue 9, item 2).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;

use jiff::Timestamp;
use proptest::prelude::*;
use study_companion::curriculum::{ChapterId, ItemId};
use study_companion::exchange;
use study_companion::format::{self, ProgressFile, Student, limits};
use study_companion::progress::{
    Capacity, Feedback, ItemProgress, ItemState, Note, NoteTarget, Progress, SetAside,
    merge_within, pack, progress_of,
};
use study_companion::storage::Storage;

// ---------------------------------------------------------------- small limits, any input

const SMALL: Capacity = Capacity {
    items: 4,
    chapter_notes: 2,
    note_bytes: 24,
    drawings: 1,
    feedback: 2,
};

fn timestamp() -> impl Strategy<Value = Option<Timestamp>> {
    prop::option::of((0_i64..4_000_000_000).prop_map(|s| Timestamp::from_second(s).unwrap()))
}

/// Notes within the small limit (in bytes).
fn note() -> impl Strategy<Value = Note> {
    ("[a-z张三]{0,8}", timestamp()).prop_map(|(text, edited)| Note { text, edited })
}

fn item() -> impl Strategy<Value = ItemProgress> {
    (timestamp(), note()).prop_map(|(changed, note)| ItemProgress {
        state: if changed.is_some() {
            ItemState::Done
        } else {
            ItemState::NotStarted
        },
        changed,
        note,
        ..ItemProgress::default()
    })
}

fn feedback() -> impl Strategy<Value = Feedback> {
    ("[a-c]", timestamp(), "[a-z]{0,6}").prop_map(|(mentor, written, overall)| Feedback {
        mentor,
        written,
        overall,
        items: BTreeMap::new(),
    })
}

/// A progress within [`SMALL`], as a valid file would be.
fn progress() -> impl Strategy<Value = Progress> {
    (
        prop::collection::btree_map("[a-f]".prop_map(ItemId), item(), 0..=SMALL.items),
        prop::collection::btree_map("[a-c]".prop_map(ChapterId), note(), 0..=SMALL.chapter_notes),
        prop::collection::vec(feedback(), 0..=SMALL.feedback),
    )
        .prop_map(|(items, chapter_notes, mut feedback)| {
            feedback.sort_by_key(|f| f.written);
            Progress {
                items,
                chapter_notes,
                feedback,
                ..Progress::default()
            }
        })
}

fn within(progress: &Progress, capacity: Capacity) -> bool {
    progress.items.len() <= capacity.items
        && progress.chapter_notes.len() <= capacity.chapter_notes
        && progress.drawings.len() <= capacity.drawings
        && progress.feedback.len() <= capacity.feedback
        && progress
            .items
            .values()
            .map(|item| &item.note)
            .chain(progress.chapter_notes.values())
            .all(|note| note.text.len() <= capacity.note_bytes)
}

/// Every note text that is somewhere in the merge or its set-aside entries.
fn kept_texts(merged: &Progress, set_aside: &[SetAside]) -> Vec<String> {
    let mut texts: Vec<String> = merged
        .items
        .values()
        .map(|item| item.note.text.clone())
        .chain(merged.chapter_notes.values().map(|note| note.text.clone()))
        .collect();
    for entry in set_aside {
        match entry {
            SetAside::NoteVersion(_, note) | SetAside::ChapterNote(_, note) => {
                texts.push(note.text.clone());
            }
            SetAside::Item(_, item) => texts.push(item.note.text.clone()),
            _ => {}
        }
    }
    texts
}

proptest! {
    #[test]
    fn a_merge_fits_the_limits_or_says_exactly_what_it_set_aside(a in progress(), b in progress()) {
        let (merged, set_aside) = merge_within(&a, &b, SMALL);
        prop_assert!(within(&merged, SMALL), "{merged:?}");
        // Commutative, like the unbounded merge.
        let (merged_ba, set_aside_ba) = merge_within(&b, &a, SMALL);
        prop_assert_eq!(&merged, &merged_ba);
        prop_assert_eq!(set_aside.len(), set_aside_ba.len());

        // Nothing is lost: every note of either side is in the result or set aside.
        let kept = kept_texts(&merged, &set_aside);
        for side in [&a, &b] {
            let texts = side
                .items
                .values()
                .map(|item| &item.note.text)
                .chain(side.chapter_notes.values().map(|note| &note.text));
            for text in texts {
                prop_assert!(kept.iter().any(|k| k.contains(text.as_str())), "lost note {text:?}");
            }
            for id in side.items.keys() {
                let set_apart = set_aside.iter().any(|e| matches!(e, SetAside::Item(i, _) if i == id));
                prop_assert!(merged.items.contains_key(id) || set_apart, "lost item {id}");
            }
            for id in side.chapter_notes.keys() {
                let set_apart = set_aside.iter().any(|e| matches!(e, SetAside::ChapterNote(i, _) if i == id));
                prop_assert!(merged.chapter_notes.contains_key(id) || set_apart, "lost chapter note {id}");
            }
            for feedback in &side.feedback {
                let set_apart = set_aside.iter().any(|e| matches!(e, SetAside::Feedback(f) if f.written == feedback.written && f.mentor == feedback.mentor));
                let in_merge = merged.feedback.iter().any(|f| f.written == feedback.written && f.mentor == feedback.mentor);
                prop_assert!(in_merge || set_apart, "lost feedback");
            }
        }

        // What was set aside fits in files within the limits, each entry once.
        let count = set_aside.len();
        let groups = pack(set_aside, SMALL);
        prop_assert_eq!(groups.iter().map(Vec::len).sum::<usize>(), count);
        for group in groups {
            let progress = progress_of(group);
            prop_assert!(within(&progress, SMALL), "{progress:?}");
        }
    }
}

// ---------------------------------------------------------------- the real limits, end to end

fn cli(data: &Path, args: &[&str]) -> (i32, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_study-companion"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn at(second: i64) -> Option<Timestamp> {
    Some(Timestamp::from_second(second).unwrap())
}

/// The saved progress in `data` (a new student), and a copy "from another computer" with
/// `change` applied, written to `path`.
fn own_copy(
    data: &Path,
    path: &Path,
    local: impl Fn(&mut Progress),
    change: impl Fn(&mut Progress),
) -> ProgressFile {
    let storage = Storage::open(data).unwrap();
    let mut file = ProgressFile::new(Student::new("小明"), "test");
    local(&mut file.progress);
    storage.save(&file).unwrap();
    let mut copy = file.clone();
    copy.progress = Progress::default();
    change(&mut copy.progress);
    std::fs::write(path, format::to_string(&copy).unwrap()).unwrap();
    file
}

/// Reads every file the app wrote into `data` back with the app's own reader: none may be
/// refused or trimmed.
fn everything_reads_back(data: &Path) -> (ProgressFile, Vec<ProgressFile>) {
    let saved = format::read_path(&data.join("progress.ron")).unwrap();
    assert!(saved.repairs.is_empty(), "{:?}", saved.repairs);
    let mut set_aside = Vec::new();
    for entry in std::fs::read_dir(data).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with("set-aside-"))
        {
            let imported = format::read_path(&path).unwrap();
            assert!(imported.repairs.is_empty(), "{:?}", imported.repairs);
            set_aside.push(imported.file);
        }
    }
    (saved.file, set_aside)
}

fn long_note(fill: char, bytes: usize, edited: i64) -> Note {
    let text: String = std::iter::repeat_n(fill, bytes).collect();
    Note {
        text,
        edited: at(edited),
    }
}

#[test]
fn two_long_versions_of_a_note_keep_the_newer_and_set_the_older_aside() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let incoming = dir.path().join("laptop.scprogress");
    let id = ItemId("python.files".to_owned());
    let bytes = limits::MAX_NOTE_BYTES * 9 / 10;
    own_copy(
        &data,
        &incoming,
        |progress| {
            progress.items.entry(id.clone()).or_default().note = long_note('a', bytes, 100);
        },
        |progress| {
            progress.items.entry(id.clone()).or_default().note = long_note('b', bytes, 200);
        },
    );
    let (code, out, err) = cli(&data, &["import", incoming.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("set aside: a version of the note"), "{out}");
    assert!(out.contains("is kept in:"), "{out}");
    let (saved, set_aside) = everything_reads_back(&data);
    let note = &saved.progress.items[&id].note.text;
    assert!(
        note.starts_with('b') && note.len() == bytes,
        "the newer version stays"
    );
    assert_eq!(set_aside.len(), 1);
    let kept = &set_aside[0].progress.items[&id].note.text;
    assert!(
        kept.starts_with('a') && kept.len() == bytes,
        "the older one is kept apart"
    );
}

#[test]
fn two_nine_megabyte_files_merge_into_files_that_all_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let incoming = dir.path().join("laptop.scprogress");
    let bytes = limits::MAX_NOTE_BYTES * 9 / 10;
    let notes = |progress: &mut Progress, prefix: &str, fill: char| {
        for n in 0..10 {
            let id = ItemId(format!("{prefix}.n{n}"));
            progress.items.entry(id).or_default().note = long_note(fill, bytes, 100 + n);
        }
    };
    own_copy(
        &data,
        &incoming,
        |progress| notes(progress, "home", 'h'),
        |progress| notes(progress, "lab", 'l'),
    );
    assert!(std::fs::metadata(&incoming).unwrap().len() > 9_000_000);
    let (code, out, err) = cli(&data, &["import", incoming.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (saved, set_aside) = everything_reads_back(&data);
    // All twenty notes are somewhere, whole.
    let mut found = 0;
    for file in std::iter::once(&saved).chain(&set_aside) {
        found += file
            .progress
            .items
            .values()
            .filter(|item| item.note.text.len() == bytes)
            .count();
    }
    assert_eq!(found, 20, "{out}");
    assert!(!set_aside.is_empty(), "{out}");
}

#[test]
fn feedback_and_items_over_the_counts_are_set_aside_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let incoming = dir.path().join("laptop.scprogress");
    let feedback = |progress: &mut Progress, from: i64| {
        for n in 0..150 {
            progress.feedback.push(Feedback {
                mentor: "王老师".to_owned(),
                written: at(from + n),
                overall: format!("第 {n} 条"),
                items: BTreeMap::new(),
            });
        }
    };
    let items = |progress: &mut Progress, prefix: &str| {
        for n in 0..3000 {
            progress.items.insert(
                ItemId(format!("{prefix}.i{n}")),
                ItemProgress {
                    state: ItemState::Done,
                    changed: at(1000 + n),
                    ..ItemProgress::default()
                },
            );
        }
    };
    own_copy(
        &data,
        &incoming,
        |progress| {
            feedback(progress, 10_000);
            items(progress, "a");
        },
        |progress| {
            feedback(progress, 20_000);
            items(progress, "b");
        },
    );
    let (code, out, err) = cli(&data, &["import", incoming.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (saved, set_aside) = everything_reads_back(&data);
    assert_eq!(saved.progress.feedback.len(), limits::MAX_FEEDBACK);
    assert_eq!(saved.progress.items.len(), limits::MAX_ITEMS);
    // The newest feedback stays.
    assert_eq!(
        saved.progress.feedback.last().unwrap().written,
        at(20_149),
        "{out}"
    );
    let feedback_apart: usize = set_aside.iter().map(|f| f.progress.feedback.len()).sum();
    let items_apart: usize = set_aside.iter().map(|f| f.progress.items.len()).sum();
    assert_eq!(feedback_apart, 300 - limits::MAX_FEEDBACK);
    assert_eq!(items_apart, 6000 - limits::MAX_ITEMS);
}

#[test]
fn the_preview_lists_what_will_be_set_aside() {
    let id = ItemId("python.files".to_owned());
    let bytes = limits::MAX_NOTE_BYTES * 9 / 10;
    let mut local = ProgressFile::new(Student::new("小明"), "test");
    local.progress.items.entry(id.clone()).or_default().note = long_note('a', bytes, 100);
    let mut incoming = local.clone();
    incoming.progress.items.entry(id.clone()).or_default().note = long_note('b', bytes, 200);
    let preview = exchange::preview(
        study_companion::embedded::curriculum(),
        &local,
        incoming,
        Vec::new(),
    );
    assert!(
        matches!(&preview.set_aside[..], [SetAside::NoteVersion(NoteTarget::Item(i), note)] if *i == id && note.text.starts_with('a')),
        "{:?}",
        preview.set_aside.len()
    );
}

#[test]
fn the_app_never_saves_a_file_it_would_refuse() {
    let dir = tempfile::tempdir().unwrap();
    let storage = Storage::open(dir.path()).unwrap();
    let mut file = ProgressFile::new(Student::new("小明"), "test");
    storage.save(&file).unwrap();
    for n in 0..20 {
        file.progress
            .items
            .entry(ItemId(format!("x.n{n}")))
            .or_default()
            .note = long_note('x', limits::MAX_NOTE_BYTES, n);
    }
    let err = storage.save(&file).unwrap_err();
    assert!(err.to_string().contains("too large to save"), "{err}");
    // The saved file is the last good one, and reads back.
    assert!(format::read_path(&storage.progress_path()).is_ok());
}
