//! The study plan in the app: a mentor sets it in the class view and shares it through the
//! class folder; a student opens it, sees its preview, accepts it and sees their pace. "Today"
//! is fixed (no wall clock).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::class::class_folder;
use egui_kittest::kittest::Queryable as _;
use jiff::civil::date;
use study_companion::i18n::ZH;
use study_companion::plan::{PaceStatus, default_plan, pace};
use study_companion::report::pace_text;
use study_companion::ui::action::PlanAction;
use study_companion::ui::{Action, ImportAction, MentorAction, UiState};

#[test]
fn a_mentor_sets_and_shares_a_plan_and_a_student_sees_the_pace() {
    let dir = tempfile::tempdir().unwrap();
    class_folder(dir.path());
    let curriculum = std::sync::Arc::clone(study_companion::embedded::curriculum());
    let today = date(2026, 12, 10);

    // The mentor opens the class, with "today" fixed.
    let (mut mentor, _, mentor_data) = common::harness(curriculum.clone(), UiState::default());
    mentor.run();
    let ctx = mentor.ctx.clone();
    mentor.state_mut().set_today(Some(today));
    mentor
        .state_mut()
        .apply(&ctx, Action::SetName("王老师".to_owned()));
    mentor.state_mut().apply(
        &ctx,
        Action::Mentor(MentorAction::Add(vec![dir.path().to_owned()])),
    );
    common::wait_until(&mut mentor, "the class", |app| {
        app.class().is_some_and(|class| !class.students.is_empty())
    });
    // No plan yet: the charts say how to get one, the pace column shows a dash.
    mentor.get_by_label_contains("设定学习计划后");
    mentor.get_by_label("进度节奏");

    // The plan window from the class view: the editor starts with six weeks from today,
    // spread by item count; saving keeps it.
    mentor.get_all_by_label("学习计划").next().unwrap().click();
    mentor.run_steps(3);
    mentor.get_by_label("开始日期");
    mentor.get_by_label("按条目数分配").click();
    mentor.run_steps(2);
    mentor.get_by_label("保存计划").click();
    mentor.run_steps(2);
    let saved = mentor.state().plan().cloned().expect("a plan");
    assert_eq!(saved.author, "王老师");
    assert_eq!(
        saved.plan,
        default_plan(&curriculum, today, date(2027, 1, 20))
    );

    // A plan that started three weeks ago, set exactly.
    let plan = default_plan(&curriculum, date(2026, 11, 19), date(2026, 12, 31));
    mentor
        .state_mut()
        .apply(&ctx, Action::Plan(PlanAction::Set(plan.clone())));
    mentor.run_steps(3);
    common::wait_until(&mut mentor, "the plan saved", |app| !app.is_busy());
    assert!(mentor_data.path().join("plan.ron").is_file());
    // Every row has its pace, computed for the fixed day; the column shows it.
    let class = mentor.state().class().unwrap().clone();
    for row in &class.students {
        let expected = pace(&curriculum, &plan, &row.file.progress, today);
        assert_eq!(
            row.pace.as_ref(),
            Some(&expected),
            "{}",
            row.file.student.name
        );
        mentor
            .get_all_by_label(&pace_text(expected.status, &ZH))
            .next()
            .unwrap();
    }
    let zhang = class
        .students
        .iter()
        .find(|row| row.file.student.id == "s-zhang")
        .unwrap();
    let zhang_pace = zhang.pace.clone().unwrap();
    assert!(matches!(zhang_pace.status, PaceStatus::Behind(_)));
    // The charts are on screen.
    mentor.get_by_label("全班完成进度（条目）");
    mentor.get_by_label("各章完成人数");

    // Shared into the class folder; it is never counted as a student.
    mentor.get_by_label_contains("放入班级文件夹").click();
    mentor.run_steps(2);
    let shared = dir.path().join("学习计划-2026-11-19.scplan");
    common::wait_until(&mut mentor, "the plan file", |_| shared.is_file());
    let students_before = class.students.len();
    mentor.state_mut().apply(
        &ctx,
        Action::Mentor(MentorAction::Add(vec![dir.path().to_owned()])),
    );
    common::wait_until(&mut mentor, "the class again", |app| !app.is_busy());
    let again = mentor.state().class().unwrap();
    assert_eq!(again.students.len(), students_before);
    assert!(
        again
            .skipped
            .iter()
            .all(|s| s.files.iter().all(|f| f != &shared))
    );

    // 张三 opens the plan file: a preview first, nothing changes until accepted.
    let student_dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        dir.path().join("zhangsan-new.scprogress"),
        student_dir.path().join("progress.ron"),
    )
    .unwrap();
    let (mut student, _) =
        common::harness_in(curriculum.clone(), student_dir.path(), UiState::default());
    student.run();
    let ctx = student.ctx.clone();
    student.state_mut().set_today(Some(today));
    let before = student.state().progress().clone();
    student
        .state_mut()
        .apply(&ctx, Action::Import(ImportAction::From(shared.clone())));
    common::wait_until(&mut student, "the plan preview", |app| {
        app.pending_plan().is_some()
    });
    student.get_by_label_contains("来自 王老师");
    student.get_by_label_contains("你的进度不会改变");
    assert!(student.state().plan().is_none());
    student.get_by_label("使用这份计划").click();
    student.run_steps(3);
    assert_eq!(student.state().plan().map(|p| &p.plan), Some(&plan));
    assert_eq!(
        student.state().progress(),
        &before,
        "the progress is untouched"
    );
    // Beside the overall progress: this week's chapter and the pace, exactly.
    student.get_by_label(&pace_text(zhang_pace.status, &ZH));
    let current = zhang_pace.current.as_ref().unwrap();
    let title = &curriculum.chapter(current).unwrap().title;
    student.get_by_label(&format!("本周：{title}"));
    // The plan window: every target date, overdue chapters marked, the calendar.
    student
        .state_mut()
        .apply(&ctx, Action::Plan(PlanAction::Show(true)));
    student.run_steps(3);
    for chapter in &zhang_pace.chapters {
        student
            .get_all_by_label(&chapter.due.to_string())
            .next()
            .unwrap();
    }
    let overdue = zhang_pace.chapters.iter().filter(|c| c.overdue).count();
    assert!(overdue > 0);
    assert_eq!(student.get_all_by_label("已过目标日期").count(), overdue);
    // The window opens tall enough for its table and the calendar below it: the calendar's
    // summary (the one further right; the side panel has one too) is inside the window.
    let summary = student
        .get_all_by_label_contains("天有学习记录")
        .map(|node| node.rect())
        .max_by(|a, b| a.left().total_cmp(&b.left()))
        .unwrap();
    let window = student
        .ctx
        .memory(|memory| memory.area_rect(egui::Id::unique(study_companion::ui::PLAN_WINDOW_ID)))
        .expect("the plan window");
    assert!(
        window.contains_rect(summary),
        "the calendar {summary:?} is outside the window {window:?}"
    );
    common::wait_until(&mut student, "the plan saved", |app| !app.is_busy());
    drop(student);

    // What the app wrote, it reads back: the plan is there after a restart.
    let (mut again, _) = common::harness_in(curriculum, student_dir.path(), UiState::default());
    again.run();
    assert_eq!(again.state().plan().map(|p| &p.plan), Some(&plan));
}

#[test]
fn a_bad_plan_file_says_why_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("坏计划.scplan");
    std::fs::write(
        &bad,
        "PlanFile(format: 1, plan: Plan(start: \"2027-02-01\", end: \"2027-01-01\"))",
    )
    .unwrap();
    let progress = dir.path().join("张三.scplan");
    std::fs::write(
        &progress,
        "ProgressFile(format: 3, student: Student(id: \"x\"))",
    )
    .unwrap();
    let curriculum = std::sync::Arc::clone(study_companion::embedded::curriculum());
    let (mut app, _, _data) = common::harness(curriculum, UiState::default());
    app.run();
    let ctx = app.ctx.clone();
    app.state_mut()
        .apply(&ctx, Action::Import(ImportAction::From(bad)));
    common::wait_until(&mut app, "the message", |app| !app.notices().is_empty());
    app.get_by_label_contains("结束日期 2027-01-01 早于开始日期 2027-02-01");
    app.state_mut()
        .apply(&ctx, Action::Import(ImportAction::From(progress)));
    common::wait_until(&mut app, "the second message", |app| {
        app.notices().len() > 1
    });
    app.get_by_label_contains("这是进度或反馈文件，不是学习计划");
    assert!(app.state().plan().is_none());
    assert!(app.state().pending_plan().is_none());
}
