//! The mentor's class view in the app: sorting, filtering, one student read-only, feedback
//! written and imported by the student, "export all feedback".
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::time::Duration;

use common::class::{class_folder, student};
use egui_kittest::kittest::Queryable as _;
use study_companion::format;
use study_companion::ui::{Action, ImportAction, MentorAction, StudyApp, UiState};

#[test]
fn the_class_view_sorts_filters_and_opens_a_student() {
    let dir = tempfile::tempdir().unwrap();
    class_folder(dir.path());
    let curriculum = std::sync::Arc::clone(study_companion::embedded::curriculum());
    let (mut harness, _, _data) = common::harness(curriculum, UiState::default());
    harness.run();
    harness.get_by_label("导师：班级视图").click();
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        Action::Mentor(MentorAction::Add(vec![dir.path().to_owned()])),
    );
    for _ in 0..300 {
        harness.step();
        if harness
            .state()
            .class()
            .is_some_and(|class| !class.students.is_empty())
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    // Let the table size its columns.
    harness.run();
    harness.get_by_label("班级（3 名学生）");
    harness.get_by_label_contains("无法读取 broken.scprogress");
    harness.get_by_label_contains("忽略了 1 个较旧的");
    harness.get_by_label_contains("跳过了 1 个不是进度文件的文件");
    // A row's note stays on one line however narrow the last column is (wrapped, it pushed
    // the rows below apart); the whole note is on hover.
    let notes: Vec<_> = harness.get_all_by_label_contains("天没有进展").collect();
    assert!(!notes.is_empty(), "李四 has not worked for weeks");
    for note in notes {
        let height = note.rect().height();
        assert!(
            height <= study_companion::ui::theme::TABLE_ROW_HEIGHT,
            "a note {height} px high"
        );
    }

    let names =
        |harness: &egui_kittest::Harness<'_, study_companion::ui::StudyApp>| -> Vec<String> {
            harness
                .state()
                .class()
                .unwrap()
                .students
                .iter()
                .map(|row| row.file.student.name.clone())
                .collect()
        };
    assert_eq!(names(&harness), ["安娜", "李四", "张三"], "pinyin order");
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "总进度")
        .click();
    harness.run_steps(2);
    assert_eq!(
        names(&harness),
        ["安娜", "张三", "李四"],
        "most complete first"
    );

    harness.get_by_label("按名字筛选").focus();
    harness.run_steps(2);
    harness.get_by_label("按名字筛选").type_text("zhang");
    harness.run_steps(2);
    assert!(harness.query_by_label("李四").is_none(), "filtered out");
    harness.get_by_label("张三").click();
    harness.run_steps(2);
    common::wait_until(&mut harness, "the student's file", |app| {
        app.viewing().is_some()
    });
    harness.get_by_label_contains("正在查看 张三 的进度");
    assert!(
        harness.state().progress().items.is_empty(),
        "the mentor's own progress is untouched"
    );
}

#[test]
fn a_mentor_writes_feedback_and_the_student_imports_it() {
    let dir = tempfile::tempdir().unwrap();
    class_folder(dir.path());
    let feedback_file = dir.path().join("张三-反馈.scfeedback");
    let curriculum = std::sync::Arc::clone(study_companion::embedded::curriculum());

    // The mentor (named 王老师) opens the class and 张三's roadmap.
    let (mut mentor, _, mentor_data) = common::harness(curriculum.clone(), UiState::default());
    mentor.run();
    let ctx = mentor.ctx.clone();
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
    mentor.get_by_label("张三").click();
    mentor.run_steps(2);
    common::wait_until(&mut mentor, "张三's file", |app| app.viewing().is_some());
    mentor.get_by_label("给 张三 的反馈");
    // The top bar shows whose roadmap is on screen, not the mentor's own 0/23.
    mentor.get_by_label("张三 的进度");
    assert!(mentor.query_by_label("总进度").is_none());
    mentor.get_by_label("整体评语").focus();
    mentor.run_steps(2);
    mentor
        .get_by_label("整体评语")
        .type_text("进度不错，第三章要抓紧。");
    mentor.run_steps(2);
    mentor.get_by_label("软件准备 的评语").focus();
    mentor.run_steps(2);
    mentor
        .get_by_label("软件准备 的评语")
        .type_text("环境配好了，很好！");
    mentor.run_steps(2);
    // Unfinished feedback is saved as a draft about a second later, like progress.
    std::thread::sleep(
        study_companion::autosave::SAVE_DELAY + std::time::Duration::from_millis(100),
    );
    let drafts = mentor_data.path().join("feedback-drafts.ron");
    common::wait_until(&mut mentor, "the drafts", |_| drafts.exists());
    assert!(
        std::fs::read_to_string(&drafts)
            .unwrap()
            .contains("环境配好了，很好！")
    );
    mentor.state_mut().apply(
        &ctx,
        Action::Mentor(MentorAction::ExportFeedbackTo(feedback_file.clone())),
    );
    common::wait_until(&mut mentor, "the feedback file", |app| !app.is_busy());
    assert!(
        mentor.state().progress().items.is_empty(),
        "the mentor's own progress is untouched"
    );
    let zhang = |app: &StudyApp| {
        app.class()
            .and_then(|class| {
                class
                    .students
                    .iter()
                    .find(|row| row.file.student.id == "s-zhang")
            })
            .cloned()
            .unwrap()
    };
    assert!(zhang(mentor.state()).feedback_sent.is_some(), "marked sent");

    // The feedback file went into the class folder (the natural place): read again, 张三's
    // row keeps their progress and says feedback was sent.
    mentor.state_mut().apply(
        &ctx,
        Action::Mentor(MentorAction::Add(vec![dir.path().to_owned()])),
    );
    common::wait_until(&mut mentor, "the class again", |app| {
        !app.is_busy() && app.class().is_some_and(|class| !class.feedback.is_empty())
    });
    let row = zhang(mentor.state());
    assert_eq!(row.total.complete(), 3, "the feedback file hides nothing");
    assert!(row.feedback_sent.is_some());

    // For everyone at once: one file per student with feedback (only 张三 here).
    let all = tempfile::tempdir().unwrap();
    mentor.state_mut().apply(
        &ctx,
        Action::Mentor(MentorAction::ExportAllFeedbackTo(all.path().to_owned())),
    );
    common::wait_until(&mut mentor, "all feedback files", |app| !app.is_busy());
    let written: Vec<_> = std::fs::read_dir(all.path()).unwrap().collect();
    assert_eq!(written.len(), 1);

    // 张三 imports it: the comments appear, nothing else of theirs changes.
    let student_dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        dir.path().join("zhangsan-new.scprogress"),
        student_dir.path().join("progress.ron"),
    )
    .unwrap();
    let state = UiState {
        open_chapters: [study_companion::curriculum::ChapterId("python".to_owned())].into(),
        ..UiState::default()
    };
    let (mut student, _) = common::harness_in(curriculum, student_dir.path(), state);
    student.run();
    let before = student.state().progress().items.clone();
    let ctx = student.ctx.clone();
    student
        .state_mut()
        .apply(&ctx, Action::Import(ImportAction::From(feedback_file)));
    common::wait_until(&mut student, "the preview", |app| {
        app.pending_import().is_some()
    });
    student.get_by_label_contains("来自 王老师");
    student.get_by_label_contains("共 2 条评语");
    student.get_by_label_contains("你的进度不会改变");
    assert!(
        student.query_by_label("用它替换我的进度").is_none(),
        "a feedback file never replaces progress"
    );
    student.get_by_label("接收反馈").click();
    student.run_steps(3);
    assert_eq!(
        student.state().progress().items,
        before,
        "states, times and notes unchanged"
    );
    student.get_by_label("环境配好了，很好！");
    student.get_by_label("进度不错，第三章要抓紧。");
    assert_eq!(
        student.get_all_by_label_contains("导师 王老师（").count(),
        2
    );
}

/// The mentor's data folder with unfinished feedback for these student ids.
fn mentor_with_drafts(data: &Path, ids: &[&str]) {
    let drafts: std::collections::HashMap<String, study_companion::progress::Feedback> = ids
        .iter()
        .map(|id| {
            let feedback = study_companion::progress::Feedback {
                mentor: "王老师".to_owned(),
                written: None,
                overall: format!("给 {id} 的评语"),
                items: Default::default(),
            };
            ((*id).to_owned(), feedback)
        })
        .collect();
    std::fs::write(
        data.join("feedback-drafts.ron"),
        ron::ser::to_string(&drafts).unwrap(),
    )
    .unwrap();
}

#[test]
fn export_all_feedback_survives_a_long_name_and_a_failed_file() {
    let class = tempfile::tempdir().unwrap();
    let emoji_name = "😀".repeat(64);
    for (file_name, id, name) in [
        ("emoji.scprogress", "s-emoji", emoji_name.as_str()),
        ("lisi.scprogress", "s-li", "李四"),
        ("anna.scprogress", "s-an", "安娜"),
    ] {
        let file = student(id, name, &[], "2026-11-27T10:30:00Z");
        std::fs::write(
            class.path().join(file_name),
            format::to_string(&file).unwrap(),
        )
        .unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    mentor_with_drafts(data.path(), &["s-emoji", "s-li", "s-an"]);
    let curriculum = std::sync::Arc::clone(study_companion::embedded::curriculum());
    let (mut mentor, _) = common::harness_in(curriculum, data.path(), UiState::default());
    // The emoji name is shown on purpose (the app draws emoji with a system font; the test
    // has none).
    mentor
        .ctx
        .set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    mentor.run();
    let ctx = mentor.ctx.clone();
    mentor.state_mut().apply(
        &ctx,
        Action::Mentor(MentorAction::Add(vec![class.path().to_owned()])),
    );
    common::wait_until(&mut mentor, "the class", |app| {
        app.class().is_some_and(|class| class.students.len() == 3)
    });

    // A 64-emoji name (256 bytes) still gives a file name every file system accepts.
    let out = tempfile::tempdir().unwrap();
    mentor.state_mut().apply(
        &ctx,
        Action::Mentor(MentorAction::ExportAllFeedbackTo(out.path().to_owned())),
    );
    common::wait_until(&mut mentor, "all feedback files", |app| !app.is_busy());
    let written = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let names = written(out.path());
    assert_eq!(names.len(), 3, "{names:?}; {:?}", mentor.state().notices());
    for name in &names {
        assert!(name.len() <= 255, "{name}");
        assert!(name.ends_with(".scfeedback"), "{name}");
    }
    let emoji_file = names.iter().find(|n| n.starts_with('😀')).unwrap();
    assert!(emoji_file.contains("s-emoji"), "{emoji_file}");
    let notice = mentor.state().notices().last().unwrap().text.clone();
    assert!(notice.contains("已导出 3 个反馈文件"), "{notice}");
    assert!(
        !mentor.state().notices().last().unwrap().is_problem,
        "{notice}"
    );

    // One student's file cannot be written (a folder is in its place): the others still are,
    // and the notice names who failed and why.
    let li = names.iter().find(|n| n.starts_with("李四")).unwrap();
    let anna = names.iter().find(|n| n.starts_with("安娜")).unwrap();
    std::fs::remove_file(out.path().join(li)).unwrap();
    std::fs::create_dir(out.path().join(li)).unwrap();
    std::fs::remove_file(out.path().join(anna)).unwrap();
    std::fs::remove_file(out.path().join(emoji_file)).unwrap();
    mentor.state_mut().apply(
        &ctx,
        Action::Mentor(MentorAction::ExportAllFeedbackTo(out.path().to_owned())),
    );
    common::wait_until(&mut mentor, "all feedback files again", |app| {
        !app.is_busy()
    });
    assert!(out.path().join(anna).is_file(), "安娜's file is written");
    assert!(
        out.path().join(emoji_file).is_file(),
        "the emoji file is written"
    );
    assert!(out.path().join(li).is_dir());
    let notice = mentor.state().notices().last().unwrap().clone();
    assert!(notice.is_problem, "{notice:?}");
    assert!(notice.text.contains("李四"), "{notice:?}");
    assert!(notice.text.contains("已导出 2 个反馈文件"), "{notice:?}");
    assert!(notice.text.contains("1 个未能写出"), "{notice:?}");
    assert!(!notice.text.contains("安娜"), "{notice:?}");
}

// ------------------------------------------------- the report through `cli::run`

#[test]
fn the_mentor_is_asked_their_name_once_and_names_are_editable_in_settings() {
    let (mut app, _, _data) = common::harness(common::mini_curriculum(), UiState::default());
    app.run();
    app.get_by_label("导师：班级视图").click();
    app.run();
    app.get_by_label_contains("你的名字会写在给学生的反馈上");
    // Two name fields now: the class view's prompt first.
    let field = app.get_all_by_label("导师名字").next().unwrap();
    field.focus();
    app.run();
    app.get_all_by_label("导师名字")
        .next()
        .unwrap()
        .type_text("王老师");
    app.run();
    app.key_press(egui::Key::Enter);
    app.run_steps(3);
    assert_eq!(app.state().state().mentor_name, "王老师");
    assert!(
        app.query_by_label_contains("你的名字会写在给学生的反馈上")
            .is_none(),
        "asked once"
    );

    // The student's own name, changed in settings.
    app.get_by_label("设置").click();
    app.run();
    app.get_by_label("我的名字").focus();
    app.run();
    app.get_by_label("我的名字").type_text("张三");
    app.run();
    app.key_press(egui::Key::Enter);
    app.run_steps(3);
    assert_eq!(app.state().file().student.name, "张三");
}

#[test]
fn a_student_hands_in_to_the_class_folder_and_the_mentor_reads_it() {
    let class_dir = tempfile::tempdir().unwrap();
    let state = UiState {
        open_chapters: [study_companion::curriculum::ChapterId("basics".to_owned())].into(),
        ..UiState::default()
    };
    let (mut student, _, _data) = common::harness(common::mini_curriculum(), state);
    student.run();
    let ctx = student.ctx.clone();
    student
        .state_mut()
        .apply(&ctx, Action::SetName("张三".to_owned()));
    student.state_mut().apply(
        &ctx,
        Action::SetClassFolder(Some(class_dir.path().to_owned())),
    );
    let handed_in = |dir: &Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "scprogress"))
            .collect()
    };
    common::wait_until(&mut student, "the first hand-in", |app| {
        app.model().hand_in.last.is_some()
    });
    let files = handed_in(class_dir.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("张三-") && name.len() < 40, "{name}");

    // A change, then the window closes before the few seconds are up: handed in on exit.
    student.get_by_label("软件准备").click();
    student.run();
    student.state_mut().flush();
    let copy = format::read_path(&files[0]).unwrap().file;
    assert_eq!(copy.progress, student.state().file().progress);

    // The mentor opens the class folder: 张三 with one item done.
    let (mut mentor, _, _mentor_data) =
        common::harness(common::mini_curriculum(), UiState::default());
    mentor.run();
    let ctx = mentor.ctx.clone();
    mentor.state_mut().apply(
        &ctx,
        Action::Mentor(MentorAction::Add(vec![class_dir.path().to_owned()])),
    );
    common::wait_until(&mut mentor, "the class", |app| {
        app.class().is_some_and(|class| !class.students.is_empty())
    });
    let class = mentor.state().class().unwrap();
    assert_eq!(class.students[0].file.student.name, "张三");
    assert_eq!(class.students[0].total.done, 1);
    // No temporary file of the hand-in is left for the sync client.
    assert_eq!(std::fs::read_dir(class_dir.path()).unwrap().count(), 1);
}

#[test]
fn the_class_folder_and_mentor_name_survive_a_crash() {
    let data = tempfile::tempdir().unwrap();
    let class_dir = tempfile::tempdir().unwrap();
    {
        let (mut app, _) =
            common::harness_in(common::mini_curriculum(), data.path(), UiState::default());
        app.run();
        let ctx = app.ctx.clone();
        app.state_mut().apply(
            &ctx,
            Action::SetClassFolder(Some(class_dir.path().to_owned())),
        );
        app.state_mut().apply(
            &ctx,
            Action::Mentor(MentorAction::SetName("王老师".to_owned())),
        );
        common::wait_until(&mut app, "the settings", |app| !app.is_busy());
        // Dropped without flush or eframe's save: as if the process were killed.
    }
    let (mut again, _) =
        common::harness_in(common::mini_curriculum(), data.path(), UiState::default());
    again.run();
    let state = again.state().state();
    assert_eq!(state.class_folder.as_deref(), Some(class_dir.path()));
    assert_eq!(state.mentor_name, "王老师");
}

#[test]
fn feedback_dropped_in_the_class_folder_reaches_the_student_once() {
    let class_dir = tempfile::tempdir().unwrap();
    let (mut student, _, _data) = common::harness(common::mini_curriculum(), UiState::default());
    student.run();
    let ctx = student.ctx.clone();
    student
        .state_mut()
        .apply(&ctx, Action::SetName("张三".to_owned()));
    student.state_mut().apply(
        &ctx,
        Action::SetClassFolder(Some(class_dir.path().to_owned())),
    );
    common::wait_until(&mut student, "the hand-in", |app| {
        app.model().hand_in.last.is_some()
    });

    // The mentor's feedback lands in the folder (written there by the mentor's app).
    let draft = study_companion::progress::Feedback {
        mentor: "王老师".to_owned(),
        overall: "第二章的流程图画得很清楚。".to_owned(),
        ..Default::default()
    };
    let me = student.state().file().student.clone();
    let feedback =
        study_companion::exchange::feedback_file(&me, &draft, "v", jiff::Timestamp::now());
    let path = class_dir.path().join("张三-反馈.scfeedback");
    study_companion::storage::write_atomically(
        &path,
        format::to_string(&feedback).unwrap().as_bytes(),
        || Ok(()),
    )
    .unwrap();
    // Offered by itself: the folder is watched.
    common::wait_until(&mut student, "the feedback preview", |app| {
        app.pending_import().is_some()
    });
    student.get_by_label_contains("来自 王老师");
    student.get_by_label("接收反馈").click();
    student.run_steps(3);
    assert_eq!(student.state().progress().feedback.len(), 1);

    // Another change in the folder: accepted feedback is not offered again.
    std::fs::write(class_dir.path().join("notes.txt"), "x").unwrap();
    for _ in 0..150 {
        student.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(student.state().pending_import().is_none());
}

/// A mentor whose class view shows (and watches) the fixture's class folder.
fn mentor_watching_a_class_folder() -> (
    egui_kittest::Harness<'static, StudyApp>,
    egui::Context,
    tempfile::TempDir,
    tempfile::TempDir,
) {
    let class_dir = tempfile::tempdir().unwrap();
    class_folder(class_dir.path());
    let (mut mentor, _, _data) = common::harness(
        std::sync::Arc::clone(study_companion::embedded::curriculum()),
        UiState::default(),
    );
    mentor.run();
    let ctx = mentor.ctx.clone();
    mentor.state_mut().apply(
        &ctx,
        Action::Mentor(MentorAction::Add(vec![class_dir.path().to_owned()])),
    );
    common::wait_until(&mut mentor, "the class", |app| {
        app.class().is_some_and(|class| class.students.len() == 3)
    });
    (mentor, ctx, class_dir, _data)
}

#[test]
fn the_mentors_class_view_follows_the_folder_and_marks_what_changed() {
    let (mut mentor, ctx, class_dir, _data) = mentor_watching_a_class_folder();

    // 李四's app hands in a newer copy with one more item done.
    let mut li = student("s-li", "李四", &["python.software"], "2026-11-30T09:00:00Z");
    li.saved_at = Some(jiff::Timestamp::now());
    study_companion::storage::write_atomically(
        &class_dir.path().join("lisi.scprogress"),
        format::to_string(&li).unwrap().as_bytes(),
        || Ok(()),
    )
    .unwrap();
    common::wait_until(&mut mentor, "李四's row to update", |app| {
        app.class().is_some_and(|class| {
            class
                .students
                .iter()
                .any(|row| row.file.student.id == "s-li" && row.total.done == 1)
        })
    });
    mentor.get_by_label_contains("+1 项完成");

    // Seen: opening 李四 clears the mark.
    mentor.get_by_label("李四").click();
    mentor.run_steps(2);
    common::wait_until(&mut mentor, "李四's file", |app| app.viewing().is_some());
    mentor.get_by_label("关闭查看").click();
    mentor.run_steps(2);
    assert!(mentor.query_by_label_contains("+1 项完成").is_none());

    // Closed and opened again: the same class folder, without asking.
    mentor
        .state_mut()
        .apply(&ctx, Action::Mentor(MentorAction::Close));
    mentor
        .state_mut()
        .apply(&ctx, Action::Mentor(MentorAction::Open));
    common::wait_until(&mut mentor, "the remembered class", |app| {
        app.class().is_some_and(|class| class.students.len() == 3)
    });
}

#[test]
fn a_partial_file_and_a_conflict_copy_in_the_class_folder() {
    let (mut mentor, _ctx, class_dir, _data) = mentor_watching_a_class_folder();

    // A sync client is writing 李四's new copy in place: half of it so far.
    let mut li = student("s-li", "李四", &["python.software"], "2026-11-30T09:00:00Z");
    li.saved_at = Some(jiff::Timestamp::now());
    let text = format::to_string(&li).unwrap();
    let path = class_dir.path().join("lisi.scprogress");
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    common::wait_until(&mut mentor, "the half file to be seen", |app| {
        app.class().is_some_and(|class| !class.unsettled.is_empty())
    });
    // Not reported as broken, and 李四's row stays as it was.
    assert!(mentor.query_by_label_contains("无法读取 lisi").is_none());
    mentor.get_by_label_contains("lisi.scprogress 刚刚被修改");
    mentor.get_by_label("李四");

    // The rest arrives: the row updates and the note goes.
    std::fs::write(&path, &text).unwrap();
    common::wait_until(&mut mentor, "李四's new copy", |app| {
        app.class().is_some_and(|class| {
            class.unsettled.is_empty()
                && class
                    .students
                    .iter()
                    .any(|row| row.file.student.id == "s-li" && row.total.done == 1)
        })
    });
    mentor.run_steps(2);
    assert!(mentor.query_by_label_contains("刚刚被修改").is_none());

    // Two machines saved 李四 at once; Syncthing kept the other side as a conflict copy,
    // and it is the newer save.
    let mut other = student(
        "s-li",
        "李四",
        &["python.software", "python.files"],
        "2026-11-30T09:05:00Z",
    );
    other.saved_at = Some(jiff::Timestamp::now());
    study_companion::storage::write_atomically(
        &class_dir
            .path()
            .join("lisi.sync-conflict-20261130-090500-ABCDEFG.scprogress"),
        format::to_string(&other).unwrap().as_bytes(),
        || Ok(()),
    )
    .unwrap();
    common::wait_until(&mut mentor, "the conflict copy", |app| {
        app.class().is_some_and(|class| {
            class
                .students
                .iter()
                .any(|row| row.file.student.id == "s-li" && row.total.done == 2)
        })
    });
    mentor.run_steps(2);
    mentor.get_by_label_contains("其中 1 个是同步软件的冲突副本");
}
