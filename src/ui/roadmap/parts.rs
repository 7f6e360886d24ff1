//! The pieces of a roadmap row: a chapter's header, an item's title and state buttons, its
//! links menu, badges and the counts and times shown beside them.

use crate::curriculum::{Chapter, Item, ItemId, ItemKind};
use crate::i18n::{Strings, fill};
use crate::progress::{ItemProgress, ItemState, Progress, chapter_completion};

use super::super::action::Action;
use super::super::widgets::{bar_ui, painted_text_ui};
use super::super::{local_time, theme};

pub fn count_text(strings: &Strings, complete: usize, total: usize) -> String {
    fill(
        strings.count,
        &[
            ("complete", &complete.to_string()),
            ("total", &total.to_string()),
        ],
    )
}

/// "started … · finished … · note edited …", or `None` when nothing has a time.
pub fn times_text(item: &ItemProgress, strings: &Strings) -> Option<String> {
    let parts: Vec<String> = [
        (item.started, strings.started),
        (item.finished, strings.finished),
        (item.note.edited, strings.note_edited),
    ]
    .into_iter()
    .filter_map(|(time, template)| time.map(|t| fill(template, &[("time", &local_time(t))])))
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The checkbox (done), the title, and the task and skipped badges.
pub fn item_title_ui(
    ui: &mut egui::Ui,
    item: &Item,
    state: ItemState,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    let palette = theme::palette(ui.visuals());
    let mut done = state == ItemState::Done;
    let mut title = egui::RichText::new(&item.title)
        .size(theme::ITEM_TITLE_SIZE)
        .strong();
    if state == ItemState::Skipped {
        title = title.strikethrough().color(palette.weak);
    }
    if ui.checkbox(&mut done, title).changed() {
        actions.push(Action::ToggleDone(item.id.clone()));
    }
    if item.kind == ItemKind::Task {
        badge_ui(ui, strings.task, palette.task);
    }
    match state {
        ItemState::Skipped => badge_ui(ui, strings.skipped_badge, palette.weak),
        ItemState::InProgress => badge_ui(ui, strings.state_in_progress, palette.in_progress),
        ItemState::NotStarted | ItemState::Done => {}
    }
}

/// "in progress" and "skip": one click sets the state, a second click clears it.
pub fn state_buttons_ui(
    ui: &mut egui::Ui,
    id: &ItemId,
    state: ItemState,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    for (target, label) in [
        (ItemState::Skipped, strings.skip),
        (ItemState::InProgress, strings.in_progress),
    ] {
        let selected = state == target;
        if ui.selectable_label(selected, label).clicked() {
            let next = if selected {
                ItemState::NotStarted
            } else {
                target
            };
            actions.push(Action::SetState(id.clone(), next));
        }
    }
}

pub fn chapter_header_ui(
    ui: &mut egui::Ui,
    chapter: &Chapter,
    open: bool,
    progress: &Progress,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    let palette = theme::palette(ui.visuals());
    ui.add_space(theme::CHAPTER_GAP);
    ui.horizontal(|ui| {
        let icon_size = egui::Vec2::splat(ui.spacing().icon_width);
        let (_, icon_response) = ui.allocate_exact_size(icon_size, egui::Sense::click());
        egui::collapsing_header::paint_default_icon(
            ui,
            if open { 1.0 } else { 0.0 },
            &icon_response,
        );
        let title = ui.add(
            egui::Button::new(
                egui::RichText::new(&chapter.title)
                    .size(theme::CHAPTER_TITLE_SIZE)
                    .strong(),
            )
            .frame(false),
        );
        // A screen reader hears the title, open or closed, and the chapter's progress.
        let completion = chapter_completion(chapter, progress);
        let count = count_text(strings, completion.complete(), completion.total);
        ui.ctx().accesskit_node_builder(title.id, |node| {
            node.set_expanded(open);
            node.set_description(count.clone());
        });
        if title.clicked() || icon_response.clicked() {
            actions.push(Action::SetChapterOpen(chapter.id.clone(), !open));
        }
        if chapter.elective {
            badge_ui(ui, strings.elective, palette.elective);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            painted_text_ui(ui, &count);
            bar_ui(
                ui,
                completion.fraction(),
                theme::CHAPTER_BAR_WIDTH,
                theme::CHAPTER_BAR_HEIGHT,
                &count,
            );
        });
    });
    ui.separator();
}

pub fn badge_ui(ui: &mut egui::Ui, text: &str, color: egui::Color32) {
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, color))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(4, 0))
        .show(ui, |ui| {
            ui.label(egui::RichText::new(text).color(color).small());
        });
}

/// A menu with each of the item's links: open it, or copy it.
pub fn links_menu_ui(ui: &mut egui::Ui, item: &Item, strings: &Strings, actions: &mut Vec<Action>) {
    let label = fill(
        strings.links_menu,
        &[("count", &item.links.len().to_string())],
    );
    ui.menu_button(label, |ui| {
        for link in &item.links {
            ui.horizontal(|ui| {
                if ui.button(strings.open).on_hover_text(&link.url).clicked() {
                    actions.push(Action::OpenUrl(link.url.clone()));
                    ui.close();
                }
                if ui.button(strings.copy).on_hover_text(&link.url).clicked() {
                    actions.push(Action::CopyUrl(link.url.clone()));
                    ui.close();
                }
                let text: String = link.url.chars().take(60).collect();
                ui.label(if link.url.chars().count() > 60 {
                    format!("{text}…")
                } else {
                    text
                });
            });
        }
    });
}
