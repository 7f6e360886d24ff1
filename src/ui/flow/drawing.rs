//! The drawing session: pictures of task items (a photo, a scan, the clipboard, a sketch
//! drawn on the canvas), the "remove?" question, and the picture viewer.

use std::collections::HashSet;

use crate::curriculum::ItemId;
use crate::drawing::{EmbeddedImage, Sketch, photo};
use crate::exchange::suggested_file_name;
use crate::i18n::{Strings, fill};
use crate::progress::Progress;

use super::super::action::DrawingAction;
use super::super::canvas::Canvas;
use super::super::effect::{
    Contents, Dialog, DialogMode, Effect, ImageProblem, ImageSource, Now, Then,
};
use super::super::local_date;
use super::super::state::Notices;
use super::super::texts::photo_error_text;

/// A picture shown full size.
pub struct Viewer {
    /// Window title.
    pub title: String,
    /// The image's URI (registered with egui).
    pub uri: String,
    /// The zoomed and panned part of it.
    pub scene_rect: egui::Rect,
}

/// The drawing session's state.
#[derive(Default)]
pub struct DrawingSession {
    /// The sketch canvas, when open.
    pub canvas: Option<Canvas>,
    /// A drawing waiting for "remove?" to be confirmed.
    pub confirm_remove: Option<ItemId>,
    /// Task items whose picture is being prepared.
    pub preparing: HashSet<ItemId>,
    /// The picture shown full size.
    pub viewer: Option<Viewer>,
}

/// What the drawing session may touch besides its own state.
pub struct Sheet<'a> {
    /// The student's own progress.
    pub progress: &'a mut Progress,
    /// The student's name (for the file name of an exported PNG).
    pub student_name: &'a str,
    /// Messages for the student.
    pub notices: &'a mut Notices,
    /// The UI language.
    pub strings: &'static Strings,
    /// Now.
    pub now: Now,
    /// What the world must do.
    pub effects: &'a mut Vec<Effect>,
}

impl<'a> Sheet<'a> {
    /// The sheet of the student's own progress file.
    pub fn of(
        file: &'a mut crate::format::ProgressFile,
        notices: &'a mut Notices,
        strings: &'static Strings,
        now: Now,
        effects: &'a mut Vec<Effect>,
    ) -> Self {
        Self {
            progress: &mut file.progress,
            student_name: &file.student.name,
            notices,
            strings,
            now,
            effects,
        }
    }
}

impl DrawingSession {
    /// Applies one action of the flow.
    pub fn update(&mut self, action: DrawingAction, sheet: Sheet<'_>) {
        let Sheet {
            progress,
            student_name,
            strings,
            notices: _,
            now,
            effects,
        } = sheet;
        let changed = match action {
            DrawingAction::AskAttach(item) => {
                effects.push(Effect::Pick(Dialog {
                    mode: DialogMode::OpenFile,
                    filter: Some((strings.image_kind, photo::EXTENSIONS.to_vec())),
                    file_name: None,
                    then: Then::Attach(item),
                }));
                false
            }
            DrawingAction::AttachFrom(item, path) => {
                self.prepare(item, ImageSource::File(path), effects);
                false
            }
            DrawingAction::Paste(item) => {
                self.prepare(item, ImageSource::Clipboard, effects);
                false
            }
            DrawingAction::OpenCanvas(item) => {
                let sketch = progress.drawings.get(&item).and_then(|d| d.sketch.clone());
                self.canvas = Some(Canvas::new(item, sketch));
                false
            }
            DrawingAction::KeepSketch(item, sketch) => {
                progress.keep_sketch(&item, sketch, now.time)
            }
            DrawingAction::CloseCanvas => {
                self.canvas = None;
                false
            }
            DrawingAction::SaveSketch(item, sketch) => {
                self.canvas = None;
                self.prepare(item, ImageSource::Sketch(sketch), effects);
                false
            }
            DrawingAction::AskExportPng(item) => {
                let name = suggested_file_name(
                    student_name,
                    &local_date(now.time),
                    "png",
                    strings.unnamed,
                );
                effects.push(Effect::Pick(Dialog {
                    mode: DialogMode::Save,
                    filter: Some((strings.png_kind, vec!["png"])),
                    file_name: Some(name),
                    then: Then::ExportPng(item),
                }));
                false
            }
            DrawingAction::ExportPngTo(item, path) => {
                if let Some(image) = progress.drawings.get(&item).and_then(|d| d.image.clone()) {
                    effects.push(Effect::Write {
                        path,
                        contents: Contents::Png(image),
                    });
                }
                false
            }
            DrawingAction::AskRemove(item) => {
                self.confirm_remove = Some(item);
                false
            }
            DrawingAction::Remove(item) => {
                self.confirm_remove = None;
                progress.remove_drawing(&item)
            }
            DrawingAction::CancelRemove => {
                self.confirm_remove = None;
                false
            }
            DrawingAction::ShowImage { title, uri } => {
                self.viewer = Some(Viewer {
                    title,
                    uri,
                    scene_rect: egui::Rect::ZERO,
                });
                false
            }
            DrawingAction::CloseImage => {
                self.viewer = None;
                false
            }
        };
        if changed {
            effects.push(Effect::ProgressChanged);
        }
    }

    /// A picture was prepared (or not): it becomes the item's drawing, or a notice says why
    /// not.
    pub fn image_ready(
        &mut self,
        item: ItemId,
        image: Result<EmbeddedImage, ImageProblem>,
        sketch: Option<Sketch>,
        sheet: Sheet<'_>,
    ) {
        let Sheet {
            progress,
            notices,
            strings,
            now,
            effects,
            ..
        } = sheet;
        self.preparing.remove(&item);
        match image {
            Ok(image) => {
                progress.set_drawing_image(item, image, sketch, now.time);
                effects.push(Effect::ProgressChanged);
            }
            Err(problem) => {
                let error = match &problem {
                    ImageProblem::Photo(error) => photo_error_text(error, strings),
                    ImageProblem::NoClipboardImage => strings.clipboard_no_image.to_owned(),
                    ImageProblem::Render(error) => error.clone(),
                };
                notices.problem(fill(strings.image_failed, &[("error", &error)]));
            }
        }
    }

    fn prepare(&mut self, item: ItemId, source: ImageSource, effects: &mut Vec<Effect>) {
        self.preparing.insert(item.clone());
        effects.push(Effect::PrepareImage { item, source });
    }
}
