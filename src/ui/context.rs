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
    fonts::install(ctx);
    if !ctx.is_loader_installed(DecodeOnce::ID) {
        ctx.add_image_loader(Arc::new(DecodeOnce::default()));
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

/// The `image` crate's decoder (egui_extras), without its cache of decoded pixels: egui's
/// texture loader asks for an image until it is decoded, uploads it and keeps the texture;
/// the decoded copy is then dropped here instead of staying in the decoder's cache for the
/// rest of the session (4 bytes a pixel: 7.3 MiB for a 1200×1600 photo of a drawing). Should
/// the same image be needed again (another texture option, a forgotten texture), it is
/// decoded again from its registered bytes, which stay.
#[derive(Default)]
pub struct DecodeOnce(egui_extras::loaders::image_loader::ImageCrateLoader);

impl DecodeOnce {
    /// The loader's id: the wrapped decoder's own. egui_commonmark installs egui_extras'
    /// loaders on its first render unless one with this id is there; a second, caching
    /// decoder would then be asked first and keep every image decoded.
    pub const ID: &'static str = egui_extras::loaders::image_loader::ImageCrateLoader::ID;
}

impl egui::load::ImageLoader for DecodeOnce {
    fn id(&self) -> &str {
        Self::ID
    }

    fn load(
        &self,
        ctx: &egui::Context,
        uri: &str,
        size_hint: egui::load::SizeHint,
    ) -> egui::load::ImageLoadResult {
        let result = self.0.load(ctx, uri, size_hint);
        if let Ok(egui::load::ImagePoll::Ready { .. }) = &result {
            // The decoder keys animated formats without egui's frame suffix (`#0`).
            self.0.forget(uri);
            if let Some((base, _frame)) = uri.rsplit_once('#') {
                self.0.forget(base);
            }
        }
        result
    }

    fn forget(&self, uri: &str) {
        self.0.forget(uri);
    }

    fn forget_all(&self) {
        self.0.forget_all();
    }

    fn end_pass(&self, pass_index: u64) {
        self.0.end_pass(pass_index);
    }

    fn byte_size(&self) -> usize {
        self.0.byte_size()
    }

    fn has_pending(&self) -> bool {
        self.0.has_pending()
    }
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
