//! One frame of the full UI with every chapter open, headless: layout (`ctx.run_ui`) plus
//! tessellation, for the real curriculum and for a synthetic one 50 times larger.
//!
//! `cargo bench --bench frame`; figures in docs/performance.md.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use study_companion::curriculum::{ChapterId, Curriculum, ItemId};
use study_companion::ui::browser::RecordingBrowser;
use study_companion::ui::{StudyApp, UiState, setup_context};

/// The embedded curriculum repeated `times` times, with unique ids.
fn repeated(times: usize) -> Curriculum {
    let base = study_companion::embedded::curriculum();
    let mut chapters = Vec::new();
    for copy in 0..times {
        for chapter in &base.chapters {
            let mut chapter = chapter.clone();
            chapter.id = ChapterId(format!("{}-{copy}", chapter.id));
            chapter.title = format!("{} ({copy})", chapter.title);
            for item in &mut chapter.items {
                item.id = ItemId(format!("{}-{copy}", item.id));
            }
            chapters.push(chapter);
        }
    }
    Curriculum {
        version: base.version.clone(),
        chapters,
    }
}

fn all_open(curriculum: &Curriculum) -> UiState {
    UiState {
        open_chapters: curriculum.chapters.iter().map(|c| c.id.clone()).collect(),
        ..UiState::default()
    }
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1180.0, 780.0),
        )),
        ..Default::default()
    }
}

fn bench_frame(c: &mut Criterion, name: &str, curriculum: Curriculum) {
    let ctx = egui::Context::default();
    setup_context(&ctx);
    let state = all_open(&curriculum);
    // No data folder: nothing is saved while measuring.
    let mut app = StudyApp::open(
        Arc::new(curriculum),
        None,
        state,
        Box::new(RecordingBrowser::default()),
    );
    // Warm up: fonts, glyph atlas, row heights.
    for _ in 0..5 {
        let output = ctx.run_ui(input(), |ui| app.show(ui));
        black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
    }
    c.bench_function(name, |b| {
        b.iter(|| {
            let output = ctx.run_ui(input(), |ui| app.show(ui));
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
        });
    });
}

fn frames(c: &mut Criterion) {
    bench_frame(c, "frame/real curriculum, all open", repeated(1));
    bench_frame(c, "frame/50x curriculum, all open", repeated(50));
}

criterion_group!(benches, frames);
criterion_main!(benches);
