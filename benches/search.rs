//! Search per keystroke on the real curriculum with a note on every item and chapter and two
//! mentors' comments on every item: the search itself (bringing the notes up to date, then
//! matching), and a whole frame with the search window open.
//!
//! `cargo bench --bench search`; figures in docs/performance.md.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::Timestamp;
use study_companion::progress::{Feedback, NoteTarget, Progress};
use study_companion::search::SearchIndex;
use study_companion::ui::browser::RecordingBrowser;
use study_companion::ui::{Action, StudyApp, UiState, setup_context};

/// Hits asked for, as the window does.
const LIMIT: usize = 50;

/// A note of about `bytes` bytes of mixed Chinese and ASCII Markdown.
fn note(seed: usize, bytes: usize) -> String {
    let line = format!(
        "- 第 {seed} 条笔记：numpy 的广播规则、pandas 的 groupby，还有 **学习率** 的调整。\n"
    );
    line.repeat(bytes / line.len() + 1)
}

/// A note of `bytes` on every item and chapter; two mentors' comments on every item.
fn progress(bytes: usize) -> Progress {
    let curriculum = study_companion::embedded::curriculum();
    let mut progress = Progress::default();
    let now = Timestamp::from_second(1_764_000_000).unwrap();
    for (index, (_, item)) in curriculum.items().enumerate() {
        progress.set_note(&NoteTarget::Item(item.id.clone()), &note(index, bytes), now);
    }
    for (index, chapter) in curriculum.chapters.iter().enumerate() {
        progress.set_note(
            &NoteTarget::Chapter(chapter.id.clone()),
            &note(100 + index, bytes),
            now,
        );
    }
    for mentor in ["王老师", "李老师"] {
        progress.feedback.push(Feedback {
            mentor: mentor.to_owned(),
            written: Some(now),
            overall: "整体进度不错，第三章要抓紧。".to_owned(),
            items: curriculum
                .items()
                .map(|(_, item)| {
                    (
                        item.id.clone(),
                        "环境配好了，很好！再看一遍视频。".to_owned(),
                    )
                })
                .collect(),
        });
    }
    progress
}

fn keystrokes(c: &mut Criterion) {
    let curriculum = study_companion::embedded::curriculum();
    c.bench_function("search/index the curriculum", |b| {
        b.iter(|| black_box(SearchIndex::new(curriculum)));
    });

    for (bytes, size) in [(500, "500 B notes"), (10_240, "10 KB notes")] {
        let progress = progress(bytes);
        let mut index = SearchIndex::new(curriculum);
        let _ = index.search(&progress, "warm up", LIMIT);
        // Typing `shuju`, one keystroke after the other, then other kinds of query.
        for query in [
            "s",
            "sh",
            "shu",
            "shuj",
            "shuju",
            "sjcl",
            "数据处理",
            "numpy pandas",
            "区块链",
        ] {
            c.bench_function(&format!("search/{size}/{query}"), |b| {
                b.iter(|| black_box(index.search(&progress, black_box(query), LIMIT)));
            });
        }
        // A note changed since the last keystroke: it is prepared again.
        let mut changed = progress.clone();
        let target = NoteTarget::Item(curriculum.chapters[0].items[0].id.clone());
        let mut flip = false;
        c.bench_function(&format!("search/{size}/shuju after a note changed"), |b| {
            b.iter(|| {
                flip = !flip;
                changed.set_note(
                    &target,
                    &note(usize::from(flip), bytes),
                    Timestamp::UNIX_EPOCH,
                );
                black_box(index.search(&changed, "shuju", LIMIT))
            });
        });
    }
}

fn input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1180.0, 780.0),
        )),
        events,
        ..Default::default()
    }
}

/// One frame of the whole window (layout and tessellation) with the search window open and
/// `shuju` typed: every frame searches again.
fn frame_with_search(c: &mut Criterion) {
    let curriculum = Arc::clone(study_companion::embedded::curriculum());
    let dir = tempfile::tempdir().unwrap();
    let ctx = egui::Context::default();
    setup_context(&ctx);
    let mut app = StudyApp::open(
        curriculum,
        Some(dir.path().to_owned()),
        UiState::default(),
        Box::new(RecordingBrowser::default()),
    );
    for (index, (_, item)) in study_companion::embedded::curriculum().items().enumerate() {
        let text = note(index, 500);
        app.apply(
            &ctx,
            Action::SetNote(NoteTarget::Item(item.id.clone()), text),
        );
    }
    app.apply(&ctx, Action::OpenSearch);
    let mut frame = |events| {
        let output = ctx.run_ui(input(events), |ui| app.show(ui));
        black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
    };
    for _ in 0..3 {
        frame(Vec::new());
    }
    frame(vec![egui::Event::Text("shuju".to_owned())]);
    for _ in 0..3 {
        frame(Vec::new());
    }
    c.bench_function("search/frame with the search open, shuju typed", |b| {
        b.iter(|| frame(Vec::new()));
    });
    assert!(
        app.search().is_some_and(|results| results.total > 0),
        "the search is open and found something"
    );
}

criterion_group!(benches, keystrokes, frame_with_search);
criterion_main!(benches);
