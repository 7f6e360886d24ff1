//! The roadmap as a student uses it: open a chapter, tick an item, follow links.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui_kittest::kittest::Queryable as _;
use study_companion::curriculum::ItemId;
use study_companion::progress::ItemState;
use study_companion::ui::UiState;

#[test]
fn open_a_chapter_tick_an_item_and_see_progress() {
    let (mut harness, _, _dir) = common::harness(common::mini_curriculum(), UiState::default());
    harness.run();
    assert!(
        harness.query_by_label("软件准备").is_none(),
        "chapters start closed"
    );
    assert!(harness.query_by_label("一、python基础  0/2").is_some());

    harness.get_by_label("一、python基础").click();
    harness.run();
    harness.get_by_label("软件准备").click();
    harness.run();

    assert_eq!(
        harness
            .state()
            .progress()
            .state(&ItemId("basics.software".to_owned())),
        ItemState::Done
    );
    assert!(
        harness.query_by_label("一、python基础  1/2").is_some(),
        "the chapter list shows 1/2"
    );
    assert_eq!(
        harness.get_all_by_label("1/2").count(),
        1,
        "the chapter's own bar shows 1/2"
    );
    assert!(
        harness.query_by_label_contains("1/4").is_some(),
        "overall progress shows 1/4"
    );

    // Unticking goes back.
    harness.get_by_label("软件准备").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .progress()
            .state(&ItemId("basics.software".to_owned())),
        ItemState::NotStarted
    );
}

#[test]
fn the_whole_embedded_roadmap_renders_in_chinese() {
    let mut state = UiState::default();
    let curriculum = std::sync::Arc::clone(study_companion::embedded::curriculum());
    state.open_chapters = curriculum.chapters.iter().map(|c| c.id.clone()).collect();
    let (mut harness, _, _dir) = common::harness(curriculum, state);
    harness.run();
    harness.get_by_label("一、python基础");
    harness.get_by_label("软件准备");
}

#[test]
fn web_links_open_and_other_schemes_are_refused() {
    let (mut harness, probe, _dir) =
        common::harness(common::hostile_curriculum(), UiState::default());
    harness.run();
    harness.get_by_label("二、什么是机器/深度学习？").click();
    harness.run();

    harness.get_by_label("课程").click();
    harness.run();
    assert_eq!(
        probe.opened(),
        ["https://www.bilibili.com/video/BV1nt411r7tj?p=5"]
    );

    harness.get_by_label("本地文件").click();
    harness.run();
    harness.get_by_label("脚本").click();
    harness.run();
    assert_eq!(
        probe.opened().len(),
        1,
        "file: and javascript: never reach the browser"
    );
    let notices: Vec<String> = harness
        .state()
        .notices()
        .iter()
        .map(|notice| notice.text.clone())
        .collect();
    assert_eq!(notices.len(), 2);
    assert!(notices[0].contains("file:///etc/passwd"), "{notices:?}");
    assert!(notices[0].contains("只能打开 http 或 https"), "{notices:?}");
    assert!(notices[1].contains("javascript:alert(1)"), "{notices:?}");
    harness.get_by_label_contains("file:///etc/passwd");

    // Dismissing removes the notice.
    if let Some(button) = harness.get_all_by_label("知道了").next() {
        button.click();
    }
    harness.run();
    assert_eq!(harness.state().notices().len(), 1);
}

#[test]
fn a_link_can_be_copied_from_the_links_menu() {
    let (mut harness, probe, _dir) = common::harness(common::mini_curriculum(), UiState::default());
    harness.run();
    harness.get_by_label("一、python基础").click();
    harness.run();
    harness.get_by_label("链接 (1)").click();
    harness.run();
    harness.get_by_label("复制").click();
    harness.run();
    assert!(probe.opened().is_empty());
    assert!(
        harness.state().notices()[0]
            .text
            .contains("https://www.bilibili.com/video/BV1CE411Z7qg/")
    );
}

#[test]
fn english_can_be_chosen_in_settings() {
    let (mut harness, _, _dir) = common::harness(common::mini_curriculum(), UiState::default());
    harness.run();
    harness.get_by_label("设置").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Settings");
    harness.get_by_label("Chapters");
}

/// The embedded roadmap with only `chapter` open.
fn embedded_with_open(
    chapter: &str,
    english: bool,
) -> (
    egui_kittest::Harness<'static, study_companion::ui::StudyApp>,
    tempfile::TempDir,
) {
    let mut state = UiState::default();
    state
        .open_chapters
        .insert(study_companion::curriculum::ChapterId(chapter.to_owned()));
    if english {
        state.language = study_companion::i18n::Language::English;
    }
    let curriculum = std::sync::Arc::clone(study_companion::embedded::curriculum());
    let (mut harness, _, dir) = common::harness(curriculum, state);
    harness.run();
    (harness, dir)
}

#[test]
fn our_additions_are_marked_as_ours() {
    // 二: a note on the title's 机械; the studio's image is missing and our example follows,
    // captioned as the app's.
    let (harness, _dir) = embedded_with_open("what-is-dl", false);
    harness.get_by_label("二、什么是机械/深度学习？");
    harness.get_by_label("类似于：");
    assert_eq!(harness.get_all_by_label("编者注").count(), 2);
    harness.get_by_label_contains("这张图没有随路线一起提供");
    // Under the picture (and as its hover text), in place of the picture's alt text.
    assert!(
        harness
            .query_all_by_label("示例：深度学习流程（手绘风格）")
            .next()
            .is_some()
    );
    assert!(harness.query_by_label("深度学习流程示例").is_none());

    // 五: the 仓库位置 link is ours.
    let (harness, _dir) = embedded_with_open("dl-cases", false);
    assert_eq!(harness.get_all_by_label("编者注").count(), 1);
    harness.get_by_label("仓库位置");

    // 八: the seed's placement is kept, and the empty-looking step says why.
    let (harness, _dir) = embedded_with_open("export", false);
    assert_eq!(harness.get_all_by_label("编者注").count(), 1);
    harness.get_by_label_contains("这里保留原文的位置");

    // In English the marks are translated (the curriculum's own text stays Chinese).
    let (harness, _dir) = embedded_with_open("what-is-dl", true);
    assert_eq!(harness.get_all_by_label("Editor's note").count(), 2);
    assert!(
        harness
            .query_all_by_label("Example: a deep-learning workflow (hand-drawn style)")
            .next()
            .is_some()
    );
}
