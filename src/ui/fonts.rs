//! The bundled CJK font, and the system fallback for rarer characters.

use std::sync::Arc;

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
pub fn install_system_fallback(ctx: &egui::Context) {
    ctx.add_font_provider(Arc::new(
        egui_system_font_provider::SystemFontProvider::new().with_locale(Some("zh-Hans")),
    ));
}
