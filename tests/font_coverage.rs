//! The bundled font has a glyph for every character the app shows: the whole curriculum and
//! every UI string, in both languages (a missing glyph would be a box on screen).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use study_companion::ui::i18n::{EN, ZH};

/// Characters egui's own fonts draw for sure; everything else must be in the bundled font.
fn egui_has(ch: char) -> bool {
    ch.is_ascii()
}

#[test]
fn every_character_shown_has_a_glyph() {
    let face = ttf_parser::Face::parse(study_companion::assets::CJK_FONT, 0).unwrap();
    let mut text = String::new();
    for (_, source) in study_companion::embedded::curriculum()
        .chapters
        .iter()
        .flat_map(|chapter| chapter.items.iter().map(move |item| (chapter, item)))
        .map(|(chapter, item)| {
            (
                (),
                format!(
                    "{}{}{}{}",
                    chapter.title, chapter.intro, item.title, item.body
                ),
            )
        })
    {
        text.push_str(&source);
    }
    text.push_str(&format!("{ZH:?}{EN:?}"));
    let missing: BTreeSet<char> = text
        .chars()
        .filter(|ch| !ch.is_whitespace() && !ch.is_control() && !egui_has(*ch))
        .filter(|ch| face.glyph_index(*ch).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "no glyph for {missing:?}: run assets/fonts/make-subset.py"
    );
}
