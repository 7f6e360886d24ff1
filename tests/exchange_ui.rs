//! Export and import through the app's own actions (the native dialogs aside), a dropped
//! file, the preview, undo, and another student's file opened read-only.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jiff::Timestamp;
use study_companion::curriculum::{ChapterId, ItemId};
use study_companion::format::{self, ProgressFile, Student};
use study_companion::progress::ItemState;
use study_companion::ui::{Action, ImportAction, StudyApp, UiState};

fn id(text: &str) -> ItemId {
    ItemId(text.to_owned())
}

fn open_state() -> UiState {
    UiState {
        open_chapters: [ChapterId("basics".to_owned())].into(),
        ..UiState::default()
    }
}

fn apply(harness: &mut Harness<'_, StudyApp>, action: Action) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, action);
    harness.run_steps(2);
}

#[test]
fn export_change_elsewhere_import_merge_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _, _data) = common::harness(common::mini_curriculum(), open_state());
    harness.run();

    // The student gives a name once, then ticks an item.
    harness.get_by_label("名字").focus();
    harness.run();
    harness.get_by_label("名字").type_text("李四");
    harness.run();
    harness.get_by_label("保存").click();
    harness.run();
    assert_eq!(harness.state().file().student.name, "李四");
    harness.get_by_label("软件准备").click();
    harness.run();

    let exported = dir.path().join("李四-2026-11-29.scprogress");
    apply(
        &mut harness,
        Action::ExportTo {
            path: exported.clone(),
            markdown: false,
        },
    );
    common::wait_until(&mut harness, "the export", |app| !app.is_busy());
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.text.contains("已导出"))
    );

    // On another computer, 文件使用 was finished and a note written.
    let mut elsewhere = format::read_path(&exported).unwrap().file;
    let later = Timestamp::now() + jiff::SignedDuration::from_secs(60);
    elsewhere
        .progress
        .set_state(&id("basics.files"), ItemState::Done, later);
    elsewhere.progress.set_note(
        &study_companion::progress::NoteTarget::Item(id("basics.files")),
        "在实验室电脑上做完了",
        later,
    );
    std::fs::write(&exported, format::to_string(&elsewhere).unwrap()).unwrap();

    apply(&mut harness, Action::Import(ImportAction::From(exported)));
    common::wait_until(&mut harness, "the preview", |app| {
        app.pending_import().is_some()
    });
    harness.get_by_label("导入预览");
    harness.get_by_label_contains("合并将改变 2 处");
    harness.get_by_label_contains("文件使用：未开始 → 已完成");
    assert_eq!(
        harness.state().progress().state(&id("basics.files")),
        ItemState::NotStarted,
        "nothing changes before the student decides"
    );

    harness.get_by_label("合并").click();
    harness.run();
    assert_eq!(
        harness.state().progress().state(&id("basics.files")),
        ItemState::Done
    );
    assert_eq!(
        harness.state().progress().state(&id("basics.software")),
        ItemState::Done
    );
    harness.get_by_label_contains("在实验室电脑上做完了");

    harness.get_by_label("撤销导入").click();
    harness.run();
    assert_eq!(
        harness.state().progress().state(&id("basics.files")),
        ItemState::NotStarted
    );
    assert!(harness.query_by_label("撤销导入").is_none());
}

#[test]
fn a_dropped_file_from_another_student_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut theirs = ProgressFile::new(Student::new("王五"), "mini");
    theirs
        .progress
        .set_state(&id("basics.software"), ItemState::Done, Timestamp::now());
    let path = dir.path().join("王五.scprogress");
    std::fs::write(&path, format::to_string(&theirs).unwrap()).unwrap();

    let (mut harness, _, _data) = common::harness(common::mini_curriculum(), open_state());
    harness.run();
    common::drop_file(&mut harness, &path);
    common::wait_until(&mut harness, "the preview", |app| {
        app.pending_import().is_some()
    });
    harness.get_by_label_contains("这是另一位同学的进度文件");
    harness.get_by_label("只读查看").click();
    harness.run();

    harness.get_by_label_contains("正在查看 王五 的进度");
    assert!(
        harness.query_by_label("一、python基础  1/2").is_some(),
        "their progress is shown"
    );
    // Ticking does nothing: the view is read-only, and the student's own progress is untouched.
    harness.get_by_label("文件使用").click();
    harness.run();
    assert!(
        harness
            .state()
            .viewing()
            .unwrap()
            .progress
            .state(&id("basics.files"))
            == ItemState::NotStarted
    );
    assert!(harness.state().progress().items.is_empty());

    harness.get_by_label("关闭查看").click();
    harness.run();
    assert!(harness.state().viewing().is_none());
    assert!(harness.query_by_label("一、python基础  0/2").is_some());
}

#[test]
fn a_bad_file_is_refused_with_a_message_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("坏文件.scprogress");
    std::fs::write(
        &bad,
        "ProgressFile(format: 1, student: (id: \"x\", name: \"张",
    )
    .unwrap();

    let (mut harness, _, data) = common::harness(common::mini_curriculum(), open_state());
    harness.run();
    harness.get_by_label("软件准备").click();
    harness.run();
    harness.state_mut().flush();
    let before = std::fs::read(data.path().join("progress.ron")).unwrap();

    apply(&mut harness, Action::Import(ImportAction::From(bad)));
    common::wait_until(&mut harness, "the refusal", |app| {
        app.notices().iter().any(|n| n.text.contains("无法导入"))
    });
    let notice = harness.state().notices().last().unwrap().text.clone();
    assert!(notice.contains("坏文件.scprogress"), "{notice}");
    assert!(notice.contains("第 1 行第"), "{notice}");
    assert!(notice.contains("你的进度没有任何改变"), "{notice}");
    assert!(harness.state().pending_import().is_none());
    harness.state_mut().flush();
    assert_eq!(
        std::fs::read(data.path().join("progress.ron")).unwrap(),
        before
    );
}

#[test]
fn a_syntax_error_is_explained_in_the_students_language() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("少冒号.scprogress");
    // `name` has no colon after it.
    std::fs::write(
        &bad,
        "ProgressFile(format: 3, student: (id: \"x\", name \"张三\"))",
    )
    .unwrap();

    let (mut harness, _, _data) = common::harness(common::mini_curriculum(), open_state());
    harness.run();
    apply(
        &mut harness,
        Action::Import(ImportAction::From(bad.clone())),
    );
    common::wait_until(&mut harness, "the refusal", |app| {
        app.notices().iter().any(|n| n.text.contains("无法导入"))
    });
    let notice = harness.state().notices().last().unwrap().text.clone();
    assert!(notice.contains("第 1 行第 48 列：缺少冒号"), "{notice}");
    assert!(!notice.contains("Expected"), "no parser English: {notice}");
    harness.get_by_label_contains("缺少冒号");

    // In English, the same error reads in English.
    apply(
        &mut harness,
        Action::SetLanguage(study_companion::ui::i18n::Language::English),
    );
    apply(&mut harness, Action::Import(ImportAction::From(bad)));
    common::wait_until(&mut harness, "the refusal in English", |app| {
        app.notices().len() >= 2
    });
    let notice = harness.state().notices().last().unwrap().text.clone();
    assert!(
        notice.contains("line 1, column 48: a colon is missing"),
        "{notice}"
    );
}

#[test]
fn without_a_file_dialog_the_path_is_typed_in_the_window() {
    use study_companion::ui::effect::{Dialog, DialogMode, Outcome, Then};
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _, _data) = common::harness(common::mini_curriculum(), open_state());
    harness.run();
    // What the runner reports when rfd returns "no file" at once (no portal, no zenity).
    let dialog = Dialog {
        mode: DialogMode::Save,
        filter: None,
        file_name: Some("张三-2026-11-30.scprogress".to_owned()),
        then: Then::Export { markdown: false },
    };
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .receive(&ctx, Outcome::DialogUnavailable(dialog));
    harness.run();
    harness.get_by_label_contains("无法打开系统的保存对话框");
    harness.get_by_label("输入路径");
    let target = dir.path().join("我的进度.scprogress");
    harness.get_by_label("路径").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by_label("路径")
        .type_text(target.to_str().unwrap());
    harness.run();
    harness.get_by_label("确定").click();
    // The write runs on a thread: step until it is done (a plain `run` may not settle).
    harness.run_steps(2);
    common::wait_until(&mut harness, "the export", |app| !app.is_busy());
    let back = format::read_path(&target).unwrap();
    assert_eq!(back.file.student, harness.state().file().student);
    // The notice says where, with a button that shows the file in its folder.
    harness.get_by_label_contains("我的进度.scprogress");
    harness.get_by_label("打开所在文件夹");
    assert!(
        harness.query_by_label("输入路径").is_none(),
        "the prompt closed"
    );
}
