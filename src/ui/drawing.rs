//! The hand-drawn workflow on a task item: thumbnail, size, attach/paste/draw/export/remove.

use std::collections::HashMap;

use crate::curriculum::ItemId;
use crate::drawing::{Drawing, EmbeddedImage};

use super::action::{Action, DrawingAction};
use super::flow::drawing::Viewer;
use super::texts::human_size;
use super::theme;
use crate::i18n::{Strings, fill};

/// The URIs under which drawings are registered with egui (each image once, not every frame).
#[derive(Default)]
pub struct DrawingImages {
    registered: HashMap<ItemId, String>,
}

impl DrawingImages {
    /// The URI of `drawing`'s image, registering its bytes with egui when it changed.
    pub fn uri(&mut self, ctx: &egui::Context, item: &ItemId, drawing: &Drawing) -> Option<String> {
        let image = drawing.image.as_ref()?;
        let stamp = drawing.updated.map_or(0, |time| time.as_nanosecond());
        let extension = if image.mime == "image/png" {
            "png"
        } else {
            "jpg"
        };
        let uri = format!(
            "bytes://drawing/{item}/{stamp}-{}.{extension}",
            image.data.len()
        );
        if self.registered.get(item) != Some(&uri) {
            if let Some(old) = self.registered.insert(item.clone(), uri.clone()) {
                ctx.forget_image(&old);
            }
            ctx.include_bytes(uri.clone(), image.data.clone());
        }
        Some(uri)
    }
}

/// The panel under a task item.
#[expect(clippy::too_many_arguments)]
pub fn drawing_panel_ui(
    ui: &mut egui::Ui,
    images: &mut DrawingImages,
    item: &ItemId,
    drawing: Option<&Drawing>,
    busy: bool,
    read_only: bool,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    let palette = theme::palette(ui.visuals());
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, palette.task))
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new(strings.drawing_heading).strong());
            let image = drawing.and_then(|d| d.image.as_ref());
            match (drawing, image) {
                (Some(drawing), Some(image)) => {
                    if let Some(uri) = images.uri(ui.ctx(), item, drawing) {
                        let response = ui
                            .add(
                                egui::Image::from_uri(uri.clone())
                                    .fit_to_original_size(1.0)
                                    .max_width(theme::THUMBNAIL_WIDTH)
                                    .max_height(theme::THUMBNAIL_WIDTH * 1.5)
                                    .sense(egui::Sense::click()),
                            )
                            .on_hover_cursor(egui::CursorIcon::ZoomIn)
                            .on_hover_text(strings.drawing_hint);
                        if response.clicked() {
                            actions.push(Action::Drawing(DrawingAction::ShowImage {
                                title: strings.drawing_heading.to_owned(),
                                uri,
                            }));
                        }
                    }
                    ui.label(
                        egui::RichText::new(info_text(image, strings))
                            .small()
                            .weak(),
                    );
                }
                _ => {
                    ui.label(egui::RichText::new(strings.drawing_none).weak());
                }
            }
            if busy {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(strings.preparing_image);
                });
            }
            if read_only {
                return;
            }
            ui.horizontal_wrapped(|ui| {
                let attach = if image.is_some() {
                    strings.replace_photo
                } else {
                    strings.attach_photo
                };
                if ui.button(attach).clicked() {
                    actions.push(Action::Drawing(DrawingAction::AskAttach(item.clone())));
                }
                if ui.button(strings.paste_image).clicked() {
                    actions.push(Action::Drawing(DrawingAction::Paste(item.clone())));
                }
                let has_sketch = drawing.is_some_and(|d| d.sketch.is_some());
                let draw = if has_sketch {
                    strings.edit_sketch
                } else {
                    strings.draw_here
                };
                if ui.button(draw).clicked() {
                    actions.push(Action::Drawing(DrawingAction::OpenCanvas(item.clone())));
                }
                if image.is_some() {
                    if ui.button(strings.export_png).clicked() {
                        actions.push(Action::Drawing(DrawingAction::AskExportPng(item.clone())));
                    }
                    if ui.button(strings.remove_drawing).clicked() {
                        actions.push(Action::Drawing(DrawingAction::AskRemove(item.clone())));
                    }
                }
            });
        });
}

fn info_text(image: &EmbeddedImage, strings: &Strings) -> String {
    fill(
        strings.drawing_info,
        &[
            ("width", &image.width.to_string()),
            ("height", &image.height.to_string()),
            ("size", &human_size(image.data.len() as u64)),
        ],
    )
}

/// "Remove the drawing?" with remove and cancel.
pub fn confirm_remove_ui(
    ctx: &egui::Context,
    item: &ItemId,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    let modal = egui::Modal::new(egui::Id::unique("confirm_remove_drawing")).show(ctx, |ui| {
        ui.heading(strings.confirm_remove_title);
        ui.label(strings.confirm_remove);
        ui.horizontal(|ui| {
            if ui.button(strings.remove_drawing).clicked() {
                actions.push(Action::Drawing(DrawingAction::Remove(item.clone())));
            }
            if ui.button(strings.cancel).clicked() {
                actions.push(Action::Drawing(DrawingAction::CancelRemove));
            }
        });
    });
    if modal.should_close() {
        actions.push(Action::Drawing(DrawingAction::CancelRemove));
    }
}

/// A window with a picture at full size: scroll to zoom, drag to pan.
pub fn image_viewer_ui(ctx: &egui::Context, viewer: &mut Viewer, actions: &mut Vec<Action>) {
    let mut open = true;
    egui::Window::new(viewer.title.as_str())
        .open(&mut open)
        .default_size(theme::VIEWER_SIZE)
        .show(ctx, |ui| {
            egui::Scene::new()
                .zoom_range(0.1..=8.0)
                .show(ui, &mut viewer.scene_rect, |ui| {
                    ui.add(egui::Image::from_uri(viewer.uri.as_str()).fit_to_original_size(1.0));
                });
        });
    if !open {
        actions.push(Action::Drawing(DrawingAction::CloseImage));
    }
}
