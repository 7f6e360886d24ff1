//! Searching as a student would: Ctrl+F, type (pinyin too), see the hits, open one.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Arc;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use study_companion::curriculum::{ChapterId, ItemId};
use study_companion::progress::NoteTarget;
use study_companion::search::Place;
use study_companion::ui::effect::ScrollTarget;
use study_companion::ui::{Action, StudyApp, UiState};

fn real() -> Arc<study_companion::curriculum::Curriculum> {
    Arc::clone(study_companion::embedded::curriculum())
}

/// Every chapter open: the roadmap is several screens long, so a hit has to be scrolled to.
fn all_open() -> UiState {
    UiState {
        open_chapters: real().chapters.iter().map(|c| c.id.clone()).collect(),
        ..UiState::default()
    }
}

/// Ctrl+F (⌘F on a Mac), then `query` typed into the search field.
fn search_for(harness: &mut Harness<'static, StudyApp>, query: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(
        harness.state().search().is_some(),
        "Ctrl+F opens the search"
    );
    let field = harness.get_by_label("搜索内容");
    assert!(field.is_focused(), "the field takes the keyboard");
    field.type_text(query);
    harness.run();
}

fn places(harness: &Harness<'static, StudyApp>) -> Vec<Place> {
    harness
        .state()
        .search()
        .map(|results| results.hits.iter().map(|hit| hit.place.clone()).collect())
        .unwrap_or_default()
}

/// Lets the roadmap scroll to its target: it settles over a few frames while row heights are
/// measured, and near the end of the roadmap springs back from past its end.
fn settle(harness: &mut Harness<'static, StudyApp>) {
    harness.run_steps(40);
    harness.run();
}

/// The node is drawn inside the window (not merely laid out somewhere below).
fn assert_on_screen(harness: &Harness<'static, StudyApp>, label: &str) {
    let rect = harness.get_by_label(label).rect();
    assert!(
        rect.top() >= 0.0 && rect.bottom() <= 800.0,
        "{label} is at {rect:?}, outside the 800-point window"
    );
}

#[test]
fn pinyin_finds_the_data_chapter_and_enter_opens_it() {
    let (mut harness, _, _dir) = common::harness(real(), UiState::default());
    harness.run();
    search_for(&mut harness, "shuju");

    let data = ChapterId("data".to_owned());
    assert_eq!(
        places(&harness).first(),
        Some(&Place::Chapter(data.clone()))
    );
    // The item is listed with its chapter.
    harness.get_by_label_contains("三、数据处理 › 数据处理的作用");
    harness.get_by_label_contains("找到 ");

    harness.key_press(Key::Enter);
    harness.run_steps(2);
    let app = harness.state();
    assert!(app.search().is_none(), "Enter closes the search");
    assert!(
        app.state().open_chapters.contains(&data),
        "the chapter is open"
    );
    assert_eq!(app.found(), Some(&ScrollTarget::Chapter(data)));
    settle(&mut harness);
    assert_on_screen(&harness, "数据处理的作用");
}

#[test]
fn arrows_choose_a_hit_and_it_is_scrolled_into_sight() {
    let (mut harness, _, _dir) = common::harness(real(), all_open());
    harness.run();
    search_for(&mut harness, "shuju");
    let found = places(&harness);
    let target = Place::Item(ItemId("data.libraries".to_owned()));
    let position = found.iter().position(|place| *place == target);
    let position = position.unwrap_or_else(|| panic!("data.libraries in {found:?}"));
    assert!(position >= 2, "{found:?}");

    for _ in 0..position {
        harness.key_press(Key::ArrowDown);
    }
    // One up and down again: the choice moves both ways.
    harness.key_press(Key::ArrowUp);
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert_eq!(
        harness.state().found(),
        Some(&ScrollTarget::Item(ItemId("data.libraries".to_owned())))
    );
    settle(&mut harness);
    assert_on_screen(&harness, "三大基础组件");
    assert!(
        harness.query_by_label("软件准备").is_none(),
        "the roadmap scrolled away from chapter 一"
    );
}

#[test]
fn a_note_is_found_by_its_words_and_a_click_opens_its_item() {
    let (mut harness, _, _dir) = common::harness(real(), UiState::default());
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        Action::SetNote(
            NoteTarget::Item(ItemId("tuning.what".to_owned())),
            "学习率太大 loss 会**震荡**，先试 3e-4".to_owned(),
        ),
    );
    harness.run();

    search_for(&mut harness, "Loss zhendang");
    assert_eq!(
        places(&harness),
        [Place::Item(ItemId("tuning.what".to_owned()))]
    );
    let hit = harness.get_by_label_contains("笔记  学习率太大 loss 会震荡");
    hit.click();
    settle(&mut harness);

    let tuning = ChapterId("tuning".to_owned());
    assert!(harness.state().state().open_chapters.contains(&tuning));
    assert!(harness.state().search().is_none());
    assert_on_screen(&harness, "什么是调参，调参有什么作用？");
}

#[test]
fn nothing_found_says_so_and_esc_closes() {
    let (mut harness, _, _dir) = common::harness(real(), UiState::default());
    harness.run();
    search_for(&mut harness, "区块链");
    harness.get_by_label("没有找到“区块链”。");
    assert!(places(&harness).is_empty());

    // Enter with nothing found does nothing; Esc closes.
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().search().is_some());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().search().is_none());
    assert!(harness.query_by_label("搜索内容").is_none());

    // The top bar's button opens it again, with the last query selected: typing replaces it.
    harness.get_by_label("搜索").click();
    harness.run();
    harness.get_by_label("搜索内容").type_text("numpy");
    harness.run();
    assert_eq!(
        harness.get_by_label("搜索内容").value().as_deref(),
        Some("numpy")
    );
    assert_eq!(
        places(&harness),
        [Place::Item(ItemId("data.libraries".to_owned()))]
    );
}

#[test]
fn a_hit_at_the_end_of_a_fully_open_roadmap_lands_on_screen() {
    // Chapter 八 comes after 七's long item, never drawn before: the view used to stop inside it.
    let (mut harness, _, _dir) = common::harness(real(), all_open());
    harness.run();
    search_for(&mut harness, "函数封装");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert_on_screen(&harness, "函数封装与部署");
}
