//! The mentor's class view of 200 students with a plan: frame time with the charts (burn-up
//! and funnel, egui_plot) on screen, the same view with the charts folded, and computing the
//! charts' numbers once (done when the class or the plan changes, not per frame).
//!
//! `cargo bench --bench class_charts`.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use jiff::tz::TimeZone;
use study_companion::format::{self, ProgressFile, Student};
use study_companion::plan::{add_days, burn_up, default_plan, funnel};
use study_companion::progress::ItemState;
use study_companion::ui::action::PlanAction;
use study_companion::ui::browser::RecordingBrowser;
use study_companion::ui::{Action, MentorAction, StudyApp, UiState, setup_context};

const STUDENTS: usize = 200;

/// Student `n`: between none and all items done, finished over the first three weeks.
fn student(n: usize) -> ProgressFile {
    let curriculum = study_companion::embedded::curriculum();
    let mut file = ProgressFile::new(
        Student {
            id: format!("s{n:07}"),
            name: format!("学生{n}"),
        },
        &curriculum.version,
    );
    let items = curriculum.items().count();
    let done = (n * 7) % (items + 1);
    for (index, (_, item)) in curriculum.items().enumerate().take(done) {
        let day = add_days(date(2027, 1, 11), (index * 21 / items.max(1)) as i64);
        let time = TimeZone::UTC
            .to_timestamp(day.at(9 + (n % 10) as i8, 0, 0, 0))
            .unwrap();
        file.progress.set_state(&item.id, ItemState::Done, time);
    }
    file
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 900.0),
        )),
        ..Default::default()
    }
}

fn charts(c: &mut Criterion) {
    let curriculum = study_companion::embedded::curriculum();
    let folder = tempfile::tempdir().unwrap();
    let files: Vec<ProgressFile> = (0..STUDENTS).map(student).collect();
    for (n, file) in files.iter().enumerate() {
        let path = folder.path().join(format!("学生{n}.scprogress"));
        std::fs::write(path, format::to_string(file).unwrap()).unwrap();
    }
    let plan = default_plan(curriculum, date(2027, 1, 11), date(2027, 2, 21));
    let today = date(2027, 2, 1);

    let progresses: Vec<&study_companion::progress::Progress> =
        files.iter().map(|f| &f.progress).collect();
    c.bench_function("class charts/numbers, 200 students", |b| {
        b.iter(|| {
            black_box(burn_up(
                curriculum,
                &plan,
                &progresses,
                &TimeZone::UTC,
                today,
            ));
            black_box(funnel(curriculum, &plan, &progresses, today))
        });
    });

    let ctx = egui::Context::default();
    setup_context(&ctx);
    let mut app = StudyApp::open(
        Arc::clone(curriculum),
        None,
        UiState::default(),
        Box::new(RecordingBrowser::default()),
    );
    app.set_today(Some(today));
    app.apply(&ctx, Action::Plan(PlanAction::Set(plan)));
    app.apply(
        &ctx,
        Action::Mentor(MentorAction::Add(vec![folder.path().to_owned()])),
    );
    for _ in 0..2000 {
        let _ = ctx.run_ui(input(), |ui| app.show(ui));
        if app
            .class()
            .is_some_and(|class| class.students.len() == STUDENTS)
            && !app.is_busy()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(app.class().map(|c| c.students.len()), Some(STUDENTS));
    for (name, open) in [
        ("class charts/frame, charts on screen, 200 students", true),
        ("class charts/frame, charts folded, 200 students", false),
    ] {
        app.show_class_charts(open);
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
}

criterion_group!(benches, charts);
criterion_main!(benches);
