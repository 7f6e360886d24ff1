//! The bundled CJK font, and the system fallback for rarer characters.

use std::sync::{Arc, OnceLock};

use egui::epaint::text::{FallbackRequest, FontInsert, FontProvider};
use egui::{FontData, FontDefinitions, FontFamily};

use crate::assets::CJK_FONT;

const CJK_FONT_NAME: &str = "noto-sans-sc-subset";

/// Installs egui's fonts plus the bundled CJK font, after egui's own for Latin text.
///
/// Tests call this too, so every glyph the app shows is checked in the harness.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT_NAME.to_owned(),
        Arc::new(FontData::from_static(CJK_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CJK_FONT_NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Lets a character no bundled font has (a rare name, an emoji) fall back to an installed
/// system font, preferring Simplified Chinese faces.
///
/// Lazily: the system fonts are enumerated only when a glyph is first missing, never before
/// the first frame (the bundled fonts cover every character the app itself shows; see
/// `tests/font_coverage.rs`). Enumerating at start, as `SystemFontProvider::new` does on a
/// thread, took a core away from the first frame on a two-core machine and kept the font list
/// in memory for a fallback most sessions never need.
pub fn install_system_fallback(ctx: &egui::Context) {
    ctx.add_font_provider(Arc::new(LazySystemFonts::default()));
}

/// The system-font fallback, made on the first missing glyph.
#[derive(Default)]
struct LazySystemFonts {
    provider: OnceLock<egui_system_font_provider::SystemFontProvider>,
}

impl FontProvider for LazySystemFonts {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        self.provider
            .get_or_init(|| {
                log::info!(
                    "no bundled glyph for {:?}: looking for system fonts",
                    request.cluster
                );
                egui_system_font_provider::SystemFontProvider::new().with_locale(Some("zh-Hans"))
            })
            .font_for(request)
    }
}
