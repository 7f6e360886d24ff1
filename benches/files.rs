//! Save, load, export, check and import of a large progress (every item of the real
//! curriculum done, with a 10 KB note, and a 10 KB note per chapter), hostile files, and a
//! file of 16 MiB of sketch strokes read in full and for the class.
//! `cargo bench --bench files`.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::Timestamp;
use study_companion::exchange;
use study_companion::format::{self, ProgressFile, Student};
use study_companion::progress::{ItemState, NoteTarget};
use study_companion::storage::{self, Storage};

/// About 10 KB of mixed Chinese and ASCII Markdown.
fn note(seed: usize) -> String {
    let line = format!(
        "- 第 {seed} 条笔记：numpy 的广播规则、pandas 的 groupby，还有 **学习率** 的调整。\n"
    );
    line.repeat(10_240 / line.len() + 1)
}

fn large_progress() -> ProgressFile {
    let curriculum = study_companion::embedded::curriculum();
    let mut file = ProgressFile::new(Student::new("张三"), &curriculum.version);
    let now = Timestamp::from_second(1_764_000_000).unwrap();
    for (index, (chapter, item)) in curriculum.items().enumerate() {
        file.progress.set_state(&item.id, ItemState::Done, now);
        file.progress
            .set_note(&NoteTarget::Item(item.id.clone()), &note(index), now);
        file.progress
            .set_note(&NoteTarget::Chapter(chapter.id.clone()), &note(index), now);
    }
    file
}

fn storage(c: &mut Criterion) {
    let file = large_progress();
    let text = format::to_string(&file).unwrap();
    println!("large progress file: {} bytes", text.len());
    let dir = tempfile::tempdir().unwrap();
    let storage = Storage::open(dir.path()).unwrap();
    storage.save(&file).unwrap();

    c.bench_function("progress/clone on the UI thread", |b| {
        b.iter(|| black_box(file.clone()));
    });
    c.bench_function("progress/serialise (RON)", |b| {
        b.iter(|| black_box(format::to_string(&file).unwrap()));
    });
    c.bench_function("progress/parse (RON)", |b| {
        b.iter(|| black_box(format::from_bytes(text.as_bytes()).unwrap()));
    });
    c.bench_function("progress/save (atomic, fsync, backup)", |b| {
        b.iter(|| storage.save(&file).unwrap());
    });
    c.bench_function("progress/load", |b| {
        b.iter(|| black_box(storage.load(Timestamp::now()).unwrap()));
    });
}

fn exchange(c: &mut Criterion) {
    let curriculum = study_companion::embedded::curriculum();
    let file = large_progress();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("张三.scprogress");
    let text = format::to_string(&file).unwrap();
    storage::write_atomically(&path, text.as_bytes(), || Ok(())).unwrap();
    let mut local = file.clone();
    local.progress = Default::default();

    c.bench_function("files/export (serialise + atomic write)", |b| {
        b.iter(|| {
            let text = format::to_string(&file).unwrap();
            storage::write_atomically(&path, text.as_bytes(), || Ok(())).unwrap();
        });
    });
    c.bench_function("files/check (read + validate)", |b| {
        b.iter(|| black_box(format::read_path(&path).unwrap()));
    });
    c.bench_function("files/import preview (read + merge + diff)", |b| {
        b.iter(|| {
            let imported = format::read_path(&path).unwrap();
            black_box(exchange::preview(
                curriculum,
                &local,
                imported.file,
                imported.repairs,
            ))
        });
    });

    // Hostile files.
    let huge = dir.path().join("50mb.scprogress");
    std::fs::write(&huge, vec![b'('; 50 * 1024 * 1024]).unwrap();
    c.bench_function("files/hostile 50 MB file (refused by size)", |b| {
        b.iter(|| black_box(format::read_path(&huge).unwrap_err()));
    });
    let nested = dir.path().join("nested.scprogress");
    std::fs::write(&nested, vec![b'('; 15 * 1024 * 1024]).unwrap();
    c.bench_function("files/hostile 15 MB of nesting (refused by depth)", |b| {
        b.iter(|| black_box(format::read_path(&nested).unwrap_err()));
    });
    let big_note = dir.path().join("big-note.scprogress");
    let mut hostile = file.clone();
    hostile.progress = Default::default();
    hostile.progress.set_note(
        &NoteTarget::Item(study_companion::curriculum::ItemId(
            "python.software".to_owned(),
        )),
        &"长".repeat(5_000_000),
        Timestamp::now(),
    );
    std::fs::write(&big_note, format::to_string(&hostile).unwrap()).unwrap();
    c.bench_function("files/hostile 15 MB note (parsed, note skipped)", |b| {
        b.iter(|| black_box(format::read_path(&big_note).unwrap()));
    });
}

/// A sketch of strokes of 500 points, as many as fit in a file of about `bytes` (all
/// strokes alike, so every one takes the same room in the file).
fn strokes_file(bytes: usize) -> ProgressFile {
    use study_companion::drawing::{Drawing, Ink, Sketch, Stroke};
    let stroke = Stroke {
        color: Ink::Blue,
        width: 3.0,
        points: (0..500)
            .map(|p| [(p % 900) as f32 + 0.25, ((p * 7) % 1200) as f32 + 0.5])
            .collect(),
    };
    let with = |strokes: usize| {
        let mut file = ProgressFile::new(Student::new("画画"), "2026.1+bench");
        file.progress.drawings.insert(
            study_companion::curriculum::ItemId("what-is-dl.workflow-drawing".to_owned()),
            Drawing {
                image: None,
                sketch: Some(Sketch {
                    strokes: vec![stroke.clone(); strokes],
                    ..Sketch::default()
                }),
                updated: Some(Timestamp::from_second(1_764_000_000).unwrap()),
            },
        );
        file
    };
    let size = |strokes: usize| format::to_string(&with(strokes)).unwrap().len();
    let per_stroke = size(2) - size(1);
    with((bytes - size(0)) / per_stroke)
}

/// Reading a file of 16 MiB of sketch strokes: in full (an import, `check`, opening a student)
/// and for an overview (the class view and report, which keep no strokes).
fn strokes(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strokes.scprogress");
    let limit = usize::try_from(format::limits::MAX_FILE_BYTES).unwrap();
    let text = format::to_string(&strokes_file(limit - 4096)).unwrap();
    println!("strokes file: {} bytes", text.len());
    std::fs::write(&path, &text).unwrap();

    let mut group = c.benchmark_group("strokes");
    group.sample_size(10);
    group.bench_function("16 MiB of strokes, read in full", |b| {
        b.iter(|| black_box(format::read_path(&path).unwrap()));
    });
    group.bench_function("16 MiB of strokes, read for the class", |b| {
        b.iter(|| black_box(format::read_path_with(&path, format::ImageCheck::Summary).unwrap()));
    });
    group.finish();
}

criterion_group!(benches, storage, exchange, strokes);
criterion_main!(benches);
