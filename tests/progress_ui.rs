//! Progress as a student keeps it: states, notes typed through an IME, saved and found back,
//! kept when the curriculum drops an item, and never lost when the disk misbehaves.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use egui_kittest::kittest::Queryable as _;
use study_companion::curriculum::{ChapterId, ItemId};
use study_companion::progress::{ItemState, NoteTarget};
use study_companion::ui::UiState;

fn id(text: &str) -> ItemId {
    ItemId(text.to_owned())
}

fn chapter_one_open() -> UiState {
    UiState {
        open_chapters: [ChapterId("basics".to_owned())].into(),
        ..UiState::default()
    }
}

/// Types Chinese the way an input method delivers it: a preedit, then the committed text.
fn type_with_ime(harness: &egui_kittest::Harness<'_, study_companion::ui::StudyApp>, text: &str) {
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "jintian".to_owned(),
        active_range_chars: None,
    }));
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit(text.to_owned())));
}

#[test]
fn every_state_and_a_chinese_note_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let curriculum = common::mini_curriculum();
    {
        let (mut harness, _) =
            common::harness_in(curriculum.clone(), dir.path(), chapter_one_open());
        harness.run();

        // 软件准备: in progress, then done with the checkbox.
        harness.get_all_by_label("进行中").next().unwrap().click();
        harness.run();
        assert_eq!(
            harness.state().progress().state(&id("basics.software")),
            ItemState::InProgress
        );
        harness.get_by_label("软件准备").click();
        harness.run();
        assert_eq!(
            harness.state().progress().state(&id("basics.software")),
            ItemState::Done
        );

        // 文件使用: skipped; it counts toward completion.
        harness.get_all_by_label("跳过").nth(1).unwrap().click();
        harness.run();
        assert_eq!(
            harness.state().progress().state(&id("basics.files")),
            ItemState::Skipped
        );
        harness.get_by_label("已跳过");
        harness.get_by_label("2/2");

        // A note on 软件准备, typed through the IME, rendered as Markdown.
        let note_buttons: Vec<_> = harness.get_all_by_label("笔记").collect();
        assert_eq!(note_buttons.len(), 3, "the chapter's and each item's");
        note_buttons[1].click();
        harness.run();
        harness.get_by_label("笔记内容").focus();
        harness.run();
        type_with_ime(&harness, "今天装好了 PyCharm");
        harness.run();
        harness
            .get_by_label("笔记内容")
            .type_text(" **和 Anaconda**");
        harness.run();
        let note = harness
            .state()
            .progress()
            .note(&NoteTarget::Item(id("basics.software")))
            .cloned()
            .unwrap();
        assert_eq!(note.text, "今天装好了 PyCharm **和 Anaconda**");
        assert!(note.edited.is_some());
        harness.get_by_label("完成").click();
        harness.run();
        harness.get_by_label_contains("今天装好了 PyCharm");

        // Closing the app saves.
        harness.state_mut().flush();
    }

    let (mut harness, _) = common::harness_in(curriculum, dir.path(), chapter_one_open());
    harness.run();
    let progress = harness.state().progress();
    assert_eq!(progress.state(&id("basics.software")), ItemState::Done);
    assert_eq!(progress.state(&id("basics.files")), ItemState::Skipped);
    let item = &progress.items[&id("basics.software")];
    assert!(item.started.is_some() && item.finished.is_some());
    harness.get_by_label_contains("今天装好了 PyCharm");
    assert_eq!(harness.get_all_by_label_contains("开始于").count(), 2);
    assert!(
        harness.state().notices().is_empty(),
        "{:?}",
        harness.state().notices()
    );
}

#[test]
fn changes_are_saved_about_a_second_later_without_closing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) =
        common::harness_in(common::mini_curriculum(), dir.path(), chapter_one_open());
    harness.run();
    harness.get_by_label("软件准备").click();
    harness.run();
    std::thread::sleep(study_companion::autosave::SAVE_DELAY + Duration::from_millis(100));
    // One frame starts the save on the worker thread, later frames collect its result.
    for _ in 0..50 {
        harness.step();
        if dir.path().join("progress.ron").exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let text = std::fs::read_to_string(dir.path().join("progress.ron")).unwrap();
    assert!(text.contains("basics.software"), "{text}");
    assert!(text.contains("Done"), "{text}");
}

#[test]
fn notes_of_an_item_dropped_from_the_curriculum_are_still_shown() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut harness, _) =
            common::harness_in(common::mini_curriculum(), dir.path(), chapter_one_open());
        harness.run();
        harness.get_by_label("文件使用").click();
        harness.run();
        harness.get_all_by_label("笔记").nth(2).unwrap().click();
        harness.run();
        harness.get_by_label("笔记内容").focus();
        harness.run();
        harness
            .get_by_label("笔记内容")
            .type_text("ipynb 可以分步运行");
        harness.run();
        harness.state_mut().flush();
    }

    // A newer curriculum without 文件使用.
    let mut smaller = (*common::mini_curriculum()).clone();
    smaller.chapters[0]
        .items
        .retain(|item| item.id.as_str() != "basics.files");
    let (mut harness, _) = common::harness_in(smaller.into(), dir.path(), chapter_one_open());
    harness.run();
    harness.get_by_label("不再在路线中的条目");
    harness.get_by_label("basics.files");
    harness.get_by_label_contains("ipynb 可以分步运行");
    assert_eq!(
        harness.state().progress().state(&id("basics.files")),
        ItemState::Done,
        "kept, not deleted"
    );
}

#[test]
fn a_damaged_data_file_is_moved_aside_and_the_student_told() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut harness, _) =
            common::harness_in(common::mini_curriculum(), dir.path(), chapter_one_open());
        harness.run();
        harness.get_by_label("软件准备").click();
        harness.run();
        harness.state_mut().flush();
        harness.get_by_label("文件使用").click();
        harness.run();
        harness.state_mut().flush();
    }
    std::fs::write(dir.path().join("progress.ron"), "(format: 1, student: (").unwrap();

    let (mut harness, _) =
        common::harness_in(common::mini_curriculum(), dir.path(), chapter_one_open());
    harness.run();
    let notice = harness.state().notices()[0].text.clone();
    assert!(notice.contains("已从备份恢复"), "{notice}");
    assert!(notice.contains("progress.damaged-"), "{notice}");
    harness.get_by_label_contains("已从备份恢复");
    // The backup is the save before the last one: 软件准备 done, 文件使用 not yet.
    assert_eq!(
        harness.state().progress().state(&id("basics.software")),
        ItemState::Done
    );
    let damaged: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("progress.damaged-")
        })
        .collect();
    assert_eq!(damaged.len(), 1);
    assert_eq!(
        std::fs::read_to_string(damaged[0].path()).unwrap(),
        "(format: 1, student: (",
        "the damaged file is kept as it was"
    );
}

#[test]
fn an_unwritable_data_folder_warns_keeps_changes_and_retries() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("data");
    let (mut harness, _) = common::harness_in(common::mini_curriculum(), &dir, chapter_one_open());
    harness.run();

    // The folder disappears and a file takes its place: nothing can be written there.
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(&dir, "not a folder").unwrap();
    harness.get_by_label("软件准备").click();
    harness.run();
    let wait_for = |harness: &mut egui_kittest::Harness<'_, study_companion::ui::StudyApp>,
                    text: &str| {
        for _ in 0..400 {
            harness.step();
            if harness
                .state()
                .notices()
                .iter()
                .any(|n| n.text.contains(text))
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("no notice with {text:?}: {:?}", harness.state().notices());
    };
    wait_for(&mut harness, "保存进度失败");
    harness.step();
    assert_eq!(
        harness.state().progress().state(&id("basics.software")),
        ItemState::Done,
        "the change is kept in memory"
    );
    harness.get_by_label_contains("保存进度失败");

    // The folder comes back: the retry saves everything.
    std::fs::remove_file(&dir).unwrap();
    std::fs::create_dir(&dir).unwrap();
    wait_for(&mut harness, "进度已重新保存成功");
    let text = std::fs::read_to_string(dir.join("progress.ron")).unwrap();
    assert!(text.contains("basics.software"), "{text}");
}

#[test]
fn links_in_notes_follow_the_http_only_rule() {
    let (mut harness, probe, _dir) = common::harness(common::mini_curriculum(), chapter_one_open());
    harness.run();
    harness.get_all_by_label("笔记").nth(1).unwrap().click();
    harness.run();
    harness.get_by_label("笔记内容").focus();
    harness.run();
    harness
        .get_by_label("笔记内容")
        .type_text("[教程](https://numpy.org/doc/) 和 [本机](file:///etc/passwd)");
    harness.run();
    harness.get_by_label("完成").click();
    harness.run();

    harness.get_by_label("教程").click();
    harness.run();
    harness.get_by_label("本机").click();
    harness.run();
    assert_eq!(probe.opened(), ["https://numpy.org/doc/"]);
    assert!(
        harness.state().notices()[0]
            .text
            .contains("file:///etc/passwd"),
        "{:?}",
        harness.state().notices()
    );
}
