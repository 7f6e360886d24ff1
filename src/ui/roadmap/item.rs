//! The rows' insides: a chapter's introduction, an item with its buttons, note, feedback and
//! drawing, an item no longer in the curriculum, and the text of both (the studio's Markdown
//! and our marked additions).

use std::rc::Rc;

use egui_commonmark::CommonMarkViewer;

use crate::curriculum::{Chapter, Item, ItemId, ItemKind};
use crate::i18n::Strings;
use crate::progress::{ItemProgress, ItemState, NoteTarget, Progress};

use crate::ui::action::{Action, DrawingAction};
use crate::ui::drawing::drawing_panel_ui;
use crate::ui::feedback::item_feedback_ui;
use crate::ui::theme;

use super::parts::{item_title_ui, links_menu_ui, state_buttons_ui, times_text};
use super::text::{Segment, ours_ui};
use super::{RoadmapView, Shown, TextOf};

impl RoadmapView {
    /// Under an open chapter's header: its introduction, its note, "skip chapter".
    pub(super) fn chapter_info_ui(
        &mut self,
        ui: &mut egui::Ui,
        chapter: &Chapter,
        progress: &Progress,
        strings: &Strings,
        actions: &mut Vec<Action>,
    ) {
        let target = NoteTarget::Chapter(chapter.id.clone());
        let note = progress.note(&target);
        ui.indent(("chapter-info", &chapter.id), |ui| {
            if !chapter.intro.is_empty() {
                let key = TextOf::Intro(chapter.id.clone());
                self.text_ui(ui, &key, &chapter.intro, false, strings, actions);
            }
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(strings.chapter_note).small().weak());
                self.notes.toggle_button_ui(ui, &target, note, strings);
                let all_skipped = chapter
                    .items
                    .iter()
                    .all(|item| progress.state(&item.id) == ItemState::Skipped);
                let (label, skip) = if all_skipped {
                    (strings.unskip_chapter, false)
                } else {
                    (strings.skip_chapter, true)
                };
                if ui.button(label).clicked() {
                    actions.push(Action::SkipChapter(chapter.id.clone(), skip));
                }
            });
            self.notes
                .note_ui(ui, &mut self.markdown, &target, note, strings, actions);
        });
        ui.add_space(theme::CHAPTER_GAP);
    }

    pub(super) fn item_ui(
        &mut self,
        ui: &mut egui::Ui,
        item: &Item,
        shown: &Shown<'_>,
        strings: &Strings,
        actions: &mut Vec<Action>,
    ) {
        let progress = shown.progress;
        let indent = theme::ITEM_INDENT * f32::from(1 + item.depth);
        let item_progress = progress.items.get(&item.id);
        let state = progress.state(&item.id);
        let target = NoteTarget::Item(item.id.clone());
        let note = item_progress.map(|p| &p.note);
        ui.horizontal(|ui| {
            ui.add_space(indent);
            egui::Frame::group(ui.style())
                .inner_margin(theme::ITEM_MARGIN)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.vertical(|ui| {
                        ui.horizontal(|ui| {
                            item_title_ui(ui, item, state, strings, actions);
                            ui.with_layout(
                                egui::Layout::right_to_left(egui::Align::Center),
                                |ui| {
                                    state_buttons_ui(ui, &item.id, state, strings, actions);
                                    self.notes.toggle_button_ui(ui, &target, note, strings);
                                    if !item.links.is_empty() {
                                        links_menu_ui(ui, item, strings, actions);
                                    }
                                },
                            );
                        });
                        if let Some(times) = item_progress.and_then(|p| times_text(p, strings)) {
                            ui.label(
                                egui::RichText::new(times)
                                    .small()
                                    .color(theme::palette(ui.visuals()).weak),
                            );
                        }
                        item_feedback_ui(ui, progress, &item.id, strings);
                        // The note comes first: it is the student's own, and long texts
                        // would push it out of sight.
                        self.notes
                            .note_ui(ui, &mut self.markdown, &target, note, strings, actions);
                        if item.kind == ItemKind::Task {
                            drawing_panel_ui(
                                ui,
                                &mut self.drawing_images,
                                &item.id,
                                progress.drawings.get(&item.id),
                                shown.preparing.contains(&item.id),
                                shown.read_only,
                                strings,
                                actions,
                            );
                        }
                        if !item.body.is_empty() {
                            ui.horizontal(|ui| {
                                // Line the text up with the checkbox label.
                                ui.add_space(ui.spacing().icon_width + ui.spacing().icon_spacing);
                                ui.vertical(|ui| {
                                    let key = TextOf::Item(item.id.clone());
                                    let task = item.kind == ItemKind::Task;
                                    self.text_ui(ui, &key, &item.body, task, strings, actions);
                                });
                            });
                        }
                    });
                });
        });
        ui.add_space(theme::ITEM_GAP);
    }

    /// Progress kept for an item the curriculum no longer has: its state, times and note.
    pub(super) fn orphan_ui(
        &mut self,
        ui: &mut egui::Ui,
        id: &ItemId,
        item: &ItemProgress,
        strings: &Strings,
        actions: &mut Vec<Action>,
    ) {
        let target = NoteTarget::Item(id.clone());
        egui::Frame::group(ui.style())
            .inner_margin(theme::ITEM_MARGIN)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(id.as_str()).monospace());
                    ui.label(strings.state_name(item.state));
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        self.notes
                            .toggle_button_ui(ui, &target, Some(&item.note), strings);
                    });
                });
                if let Some(times) = times_text(item, strings) {
                    ui.label(egui::RichText::new(times).small().weak());
                }
                self.notes.note_ui(
                    ui,
                    &mut self.markdown,
                    &target,
                    Some(&item.note),
                    strings,
                    actions,
                );
            });
        ui.add_space(theme::ITEM_GAP);
    }

    /// An intro's or item's text: Markdown, with its pictures drawn as thumbnails that open
    /// full size, and editorial additions framed as ours. A picture of ours in a task's text
    /// is the app's example for the task and is captioned so.
    fn text_ui(
        &mut self,
        ui: &mut egui::Ui,
        key: &TextOf,
        text: &str,
        task: bool,
        strings: &Strings,
        actions: &mut Vec<Action>,
    ) {
        let parts = Rc::clone(
            self.texts
                .entry(key.clone())
                .or_insert_with(|| super::text::parts(text)),
        );
        for (index, part) in parts.iter().enumerate() {
            if part.ours {
                let caption = task.then_some(strings.example_caption);
                ours_ui(ui, strings, |ui| {
                    self.segments_ui(ui, (key, index), &part.segments, caption, actions);
                });
            } else {
                self.segments_ui(ui, (key, index), &part.segments, None, actions);
            }
        }
    }

    /// One run of text; `caption` replaces the pictures' own alt text under them.
    fn segments_ui(
        &mut self,
        ui: &mut egui::Ui,
        salt: (&TextOf, usize),
        segments: &[Segment],
        caption: Option<&str>,
        actions: &mut Vec<Action>,
    ) {
        for (index, segment) in segments.iter().enumerate() {
            match segment {
                Segment::Markdown(text) => self.markdown_ui(ui, (salt, index), text),
                Segment::Image { alt, path } => {
                    // The app's example is captioned in the colour of our additions.
                    let caption_color = match caption {
                        Some(_) => theme::palette(ui.visuals()).editorial,
                        None => ui.visuals().weak_text_color(),
                    };
                    let caption = caption.unwrap_or(alt);
                    let uri = format!("{}{path}", crate::ui::CURRICULUM_IMAGE_SCHEME);
                    let response = ui
                        .add(
                            egui::Image::from_uri(uri.clone())
                                .fit_to_original_size(1.0)
                                .max_width(theme::THUMBNAIL_WIDTH)
                                .sense(egui::Sense::click()),
                        )
                        .on_hover_cursor(egui::CursorIcon::ZoomIn)
                        .on_hover_text(caption);
                    if response.clicked() {
                        actions.push(Action::Drawing(DrawingAction::ShowImage {
                            title: caption.to_owned(),
                            uri,
                        }));
                    }
                    ui.label(egui::RichText::new(caption).small().color(caption_color));
                }
            }
        }
    }

    fn markdown_ui(&mut self, ui: &mut egui::Ui, salt: impl egui::AsIdSalt, text: &str) {
        ui.push_id(salt, |ui| {
            CommonMarkViewer::new()
                .default_implicit_uri_scheme(crate::ui::CURRICULUM_IMAGE_SCHEME)
                .show(ui, &mut self.markdown, text);
        });
    }
}
