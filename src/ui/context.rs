//! What an egui context needs before the first frame, and the one choke point for links
//! egui itself wants to open.

use std::sync::Arc;

use super::action::Action;
use super::fonts;

/// Fonts, the image decoder and the curriculum's images: everything a context needs before the
/// first frame. Tests call it too.
///
/// Only images registered as bytes load (the curriculum's, and drawings): egui's own bytes
/// loader serves them and the `image` crate decodes them. No loader for `file://` or
/// `http(s)://` is installed (egui_extras is built without its `file` and `http` features),
/// so no URI a note or a file from someone else names is ever read or fetched.
pub fn setup_context(ctx: &egui::Context) {
    use egui_extras::loaders::image_loader::ImageCrateLoader;

    fonts::install(ctx);
    if !ctx.is_loader_installed(ImageCrateLoader::ID) {
        ctx.add_image_loader(Arc::new(ImageCrateLoader::default()));
    }
    for (path, bytes) in crate::embedded::images() {
        ctx.include_bytes(format!("{}{path}", super::CURRICULUM_IMAGE_SCHEME), *bytes);
    }
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        ctx.style_mut_of(theme, super::theme::adjust);
    }
    // Ctrl+plus/minus/0 are commands of ours (they set the remembered text size).
    ctx.options_mut(|options| options.zoom_with_keyboard = false);
}

/// Takes every "open this URL" request egui produced this frame (markdown links, hyperlinks)
/// so that none reaches the platform unchecked; they become [`Action::OpenUrl`].
pub fn take_link_requests(ctx: &egui::Context, actions: &mut Vec<Action>) {
    ctx.output_mut(|output| {
        output.commands.retain(|command| match command {
            egui::OutputCommand::OpenUrl(open) => {
                actions.push(Action::OpenUrl(open.url.clone()));
                false
            }
            _ => true,
        });
    });
}
