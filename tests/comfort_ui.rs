//! Driving the app from the keyboard and reading it at any size: the command palette, the
//! shortcut sheet, moving over the roadmap with keys, the top bar in a small window, themes
//! and text size, and what a screen reader hears.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use study_companion::curriculum::ItemId;
use study_companion::i18n::Language;
use study_companion::progress::ItemState;
use study_companion::ui::UiState;
use study_companion::ui::state::Theme;

type Harness = egui_kittest::Harness<'static, study_companion::ui::StudyApp>;

fn id(text: &str) -> ItemId {
    ItemId(text.to_owned())
}

/// The palette's text field: it has the keyboard focus as soon as the palette opens (the
/// name prompt's field is there too).
fn palette_field(harness: &Harness) -> egui_kittest::Node<'_> {
    harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|node| node.is_focused())
        .expect("the palette's field has the focus")
}

#[test]
fn the_palette_finds_a_command_by_pinyin_initials_and_runs_it() {
    let (mut harness, _, _dir) = common::harness(common::mini_curriculum(), UiState::default());
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness.get_by_label("命令面板");
    // Every command that can be given is listed, with its shortcut.
    harness.get_by_label("全部展开");
    harness.get_by_label("键盘快捷键");

    // 全部展开 = quan bu zhan kai: its initials find it.
    palette_field(&harness).type_text("qbzk");
    harness.run();
    assert!(
        harness.query_by_label("全部折叠").is_none(),
        "only matching commands stay listed"
    );
    harness.key_press(Key::Enter);
    harness.run();

    assert!(
        harness.query_by_label("命令面板").is_none(),
        "the palette closes after running a command"
    );
    assert_eq!(
        harness.state().state().open_chapters.len(),
        2,
        "全部展开 opened every chapter"
    );
}

#[test]
fn ctrl_shift_p_opens_the_palette_too_and_escape_closes_it() {
    let (mut harness, _, _dir) = common::harness(common::mini_curriculum(), UiState::default());
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    harness.get_by_label("命令面板");
    palette_field(&harness).type_text("zzzz");
    harness.run();
    harness.get_by_label("没有匹配的命令");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("命令面板").is_none());
}

#[test]
fn the_palette_moves_with_the_arrows_and_switches_the_language() {
    let (mut harness, _, _dir) = common::harness(common::mini_curriculum(), UiState::default());
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    // "yuyan" (语言) finds only 切换语言.
    palette_field(&harness).type_text("yuyan");
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().state().language, Language::English);
    harness.get_by_label("Settings");
}

#[test]
fn f1_lists_every_shortcut_from_the_command_list() {
    let (mut harness, _, _dir) = common::harness(common::mini_curriculum(), UiState::default());
    harness.run();
    harness.key_press(Key::F1);
    harness.run();
    harness.get_by_label("F1 / ?");
    // Commands with their keys (kittest runs as a non-Mac: Ctrl).
    harness.get_by_label("导出进度文件…");
    harness.get_by_label("Ctrl+E");
    harness.get_by_label("Ctrl+K / Ctrl+Shift+P");
    // The roadmap's keys, from the same list the key handler reads.
    harness.get_by_label("下一项");
    harness.get_by_label("J / Down");
    harness.get_by_label("标为跳过（再按取消）");
    harness.get_by_label("关闭").click();
    harness.run();
    assert!(harness.query_by_label("J / Down").is_none());

    // `?` opens it too, but not while typing: in a note it is just a question mark.
    harness.key_press(Key::Questionmark);
    harness.run();
    assert!(
        harness.query_by_label("J / Down").is_some(),
        "? opens the sheet"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label("J / Down").is_none(),
        "Esc closes it"
    );
    harness.get_by_label("一、python基础").click();
    harness.run();
    harness.get_all_by_label("笔记").next().unwrap().click();
    harness.run();
    let editor = harness.get_by_role(egui::accesskit::Role::MultilineTextInput);
    editor.focus();
    harness.run();
    harness.key_press(Key::Questionmark);
    harness.run();
    assert!(
        harness.query_by_label("J / Down").is_none(),
        "? in a note does not open the sheet"
    );
}

#[test]
fn the_keyboard_moves_over_the_roadmap_and_marks_items() {
    let (mut harness, _, _dir) = common::harness(common::mini_curriculum(), UiState::default());
    harness.run();
    let state = |harness: &egui_kittest::Harness<'_, study_companion::ui::StudyApp>, item| {
        harness.state().progress().state(&id(item))
    };

    // j: onto the first chapter; Space opens it; j: its first item; Space ticks it.
    harness.key_press(Key::J);
    harness.run();
    harness.key_press(Key::Space);
    harness.run();
    assert!(
        harness.query_by_label("软件准备").is_some(),
        "Space opened 一"
    );
    harness.key_press(Key::J);
    harness.run();
    harness.key_press(Key::Space);
    harness.run();
    assert_eq!(state(&harness, "basics.software"), ItemState::Done);

    // ↓ to the next item: p marks it in progress, p again takes that back, s skips it.
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::P);
    harness.run();
    assert_eq!(state(&harness, "basics.files"), ItemState::InProgress);
    harness.key_press(Key::P);
    harness.run();
    assert_eq!(state(&harness, "basics.files"), ItemState::NotStarted);
    harness.key_press(Key::S);
    harness.run();
    assert_eq!(state(&harness, "basics.files"), ItemState::Skipped);

    // k goes back up; n opens that item's note with the focus in it, and typing there
    // does not move or tick anything.
    harness.key_press(Key::K);
    harness.run();
    harness.key_press(Key::N);
    harness.run();
    let editor = harness.get_by_role(egui::accesskit::Role::MultilineTextInput);
    assert!(editor.is_focused(), "the note editor has the keyboard");
    editor.type_text("js");
    harness.run();
    assert_eq!(state(&harness, "basics.software"), ItemState::Done);
    assert_eq!(state(&harness, "basics.files"), ItemState::Skipped);
}

/// J onto 一, Space opens it, J onto its first item.
fn cursor_on_first_item(harness: &mut Harness) {
    harness.run();
    for key in [Key::J, Key::Space, Key::J] {
        harness.key_press(key);
        harness.run();
    }
}

#[test]
fn escape_leaves_the_row_and_then_letters_do_nothing() {
    let (mut harness, _, _dir) = common::harness(common::mini_curriculum(), UiState::default());
    cursor_on_first_item(&mut harness);
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press(Key::S);
    harness.run();
    // Esc left the row: s has nothing to act on.
    assert_eq!(
        harness.state().progress().state(&id("basics.software")),
        ItemState::NotStarted
    );
}

#[test]
fn keys_never_act_on_an_item_that_was_folded_away() {
    let (mut harness, _, _dir) = common::harness(common::mini_curriculum(), UiState::default());
    cursor_on_first_item(&mut harness);
    // The chapter is closed with the mouse: the item under the cursor is gone from view.
    harness.get_by_label("一、python基础").click();
    harness.run();
    assert!(harness.query_by_label("软件准备").is_none());
    harness.key_press(Key::Space);
    harness.run();
    assert_eq!(
        harness.state().progress().state(&id("basics.software")),
        ItemState::NotStarted,
        "Space ticked an item nobody can see"
    );
}

#[test]
fn shortcuts_wait_while_a_window_is_open() {
    let (mut harness, _, _dir) = common::harness(common::mini_curriculum(), UiState::default());
    harness.run();
    harness.key_press(Key::F1);
    harness.run();
    // Over the shortcut sheet, Ctrl+K does not open the palette, and J moves nothing.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.key_press(Key::J);
    harness.key_press(Key::Space);
    harness.run();
    assert_eq!(
        harness.state().model().overlay,
        Some(study_companion::ui::action::Overlay::Shortcuts),
        "the sheet stays, no palette over it"
    );
    assert!(
        harness.state().state().open_chapters.is_empty(),
        "Space opened a chapter behind the sheet"
    );
}

/// Every command of the top bar, and 设置, lies inside the window.
fn assert_top_bar_fits(
    harness: &egui_kittest::Harness<'_, study_companion::ui::StudyApp>,
    labels: &[&str],
    width: f32,
) {
    for label in labels {
        let rect = harness.get_by_label(label).rect();
        assert!(
            rect.max.x <= width + 0.5 && rect.min.x >= 0.0,
            "{label} at {rect:?} is outside a window {width} wide"
        );
    }
}

#[test]
fn the_top_bar_shows_every_button_at_800_by_600_in_both_languages_and_at_150_percent() {
    let zh = ["继续学习", "导出", "导入…", "导师：班级视图", "设置"];
    let en = [
        "Continue",
        "Export",
        "Import…",
        "Mentor: class view",
        "Settings",
    ];
    for (language, labels) in [(Language::Chinese, zh), (Language::English, en)] {
        for text_size in [100, 150] {
            let state = UiState {
                language,
                text_size,
                ..UiState::default()
            };
            let (mut harness, _, _dir) = common::harness(common::mini_curriculum(), state);
            harness.set_size(egui::vec2(800.0, 600.0));
            harness.run();
            // The tree's rects are in pixels, whatever the zoom.
            assert_top_bar_fits(&harness, &labels, 800.0);
        }
    }
}

#[test]
fn text_size_and_theme_are_settings_and_the_zoom_keys_change_the_same_size() {
    let (mut harness, _, _dir) = common::harness(common::mini_curriculum(), UiState::default());
    harness.run();
    harness.get_by_label("设置").click();
    harness.run();
    harness.get_by_label("125%").click();
    harness.run();
    assert_eq!(harness.state().state().text_size, 125);
    assert!((harness.ctx.zoom_factor() - 1.25).abs() < 0.001);
    harness.get_by_label("设置").click();
    harness.run();
    harness.get_by_label("深色").click();
    harness.run();
    assert_eq!(harness.state().state().theme, Theme::Dark);
    assert!(harness.ctx.global_style().visuals.dark_mode);

    // Ctrl+plus: the next size up; Ctrl+minus twice: two down; never beyond the limits.
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert_eq!(harness.state().state().text_size, 135);
    for _ in 0..10 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
        harness.run();
    }
    assert_eq!(harness.state().state().text_size, 90);
    assert!((harness.ctx.zoom_factor() - 0.9).abs() < 0.001);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert_eq!(harness.state().state().text_size, 100);
}

#[test]
fn a_screen_reader_hears_titles_states_and_chapter_progress() {
    let state = UiState {
        open_chapters: [study_companion::curriculum::ChapterId("basics".to_owned())].into(),
        ..UiState::default()
    };
    let (mut harness, _, _dir) = common::harness(common::mini_curriculum(), state);
    harness.run();
    harness.get_by_label("软件准备").click();
    harness.run();

    // Each item's checkbox: its title, and whether it is ticked.
    let ticked = harness.get_by_label("软件准备");
    assert_eq!(
        ticked.accesskit_node().role(),
        egui::accesskit::Role::CheckBox
    );
    assert_eq!(
        ticked.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    let open = harness.get_by_label("文件使用");
    assert_eq!(
        open.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False)
    );

    // A chapter header: its title, open or closed, and its progress.
    let header = harness.get_by_label("一、python基础");
    assert_eq!(
        header.accesskit_node().role(),
        egui::accesskit::Role::Button
    );
    assert_eq!(header.accesskit_node().data().is_expanded(), Some(true));
    assert_eq!(
        header.accesskit_node().description().as_deref(),
        Some("1/2")
    );
    let closed = harness.get_by_label("二、什么是机器/深度学习？");
    assert_eq!(closed.accesskit_node().data().is_expanded(), Some(false));

    // The progress bars are named by what they show.
    assert!(
        harness
            .get_all_by_role(egui::accesskit::Role::ProgressIndicator)
            .all(|bar| bar.accesskit_node().label().is_some())
    );
    // And nothing one can act on is nameless.
    assert_eq!(harness.unnamed_widgets(), Vec::<String>::new());
}

#[test]
fn a_chapter_chosen_in_the_side_list_lands_at_the_top_of_the_view_even_the_last_ones() {
    // Every chapter open: the roadmap is many screens long, and most rows were never drawn.
    let curriculum = std::sync::Arc::clone(study_companion::embedded::curriculum());
    let state = UiState {
        open_chapters: curriculum.chapters.iter().map(|c| c.id.clone()).collect(),
        ..UiState::default()
    };
    let (mut harness, _, _dir) = common::harness(std::sync::Arc::clone(&curriculum), state);
    harness.run();
    let top_of_view = harness.get_by_label("一、python基础").rect().top();
    // The last chapters too (七 used to stop at the bottom of the screen), and back up.
    for index in [6, 1, 8, 3] {
        let chapter = &curriculum.chapters[index];
        harness
            .get_all_by_role(egui::accesskit::Role::Button)
            .find(|node| {
                node.accesskit_node()
                    .label()
                    .is_some_and(|label| label.starts_with(&format!("{}  ", chapter.title)))
            })
            .expect("the chapter in the side list")
            .click();
        harness.run_steps(8);
        let header = harness
            .get_all_by_label(&chapter.title)
            .find(|node| node.accesskit_node().role() == egui::accesskit::Role::Button)
            .expect("the chapter's header");
        let top = header.rect().top();
        assert!(
            (top - top_of_view).abs() < 12.0,
            "{} is at {top}, the view starts at {top_of_view}",
            chapter.title
        );
    }
}
