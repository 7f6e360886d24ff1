//! Save, load, export, check and import of a large progress (every item of the real
//! curriculum done, with a 10 KB note, and a 10 KB note per chapter), and hostile files.
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

criterion_group!(benches, storage, exchange);
criterion_main!(benches);
