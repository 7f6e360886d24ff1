//! What a frame costs to draw, counted in pixels: the window is cleared to the panels'
//! colour and the panels draw no background of their own, so a frame shades little more than
//! its text and controls. Software renderers (Mesa's llvmpipe, Windows' WARP) shade every
//! covered pixel on the processor; the panels' fills covered the window once more (1.2 screens
//! of pixels per frame instead of 0.2, docs/performance.md, issue 15).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::epaint::{ClippedPrimitive, Primitive};
use study_companion::ui::action::{Action, MentorAction};
use study_companion::ui::browser::RecordingBrowser;
use study_companion::ui::state::Theme;
use study_companion::ui::{StudyApp, UiState, setup_context};

/// The app over a fresh data folder, drawn the way eframe draws it: straight into the
/// window's root `Ui`, with no frame around it (egui_kittest's harness wraps its `Ui` in a
/// filled frame, so it is not used here).
struct Window {
    ctx: egui::Context,
    app: StudyApp,
    output: egui::FullOutput,
    _dir: tempfile::TempDir,
}

impl Window {
    fn new(state: UiState) -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let ctx = egui::Context::default();
        setup_context(&ctx);
        let app = StudyApp::open(
            common::mini_curriculum(),
            Some(dir.path().to_owned()),
            state,
            Box::new(RecordingBrowser::default()),
        );
        let mut window = Self {
            ctx,
            app,
            output: egui::FullOutput::default(),
            _dir: dir,
        };
        window.settle();
        window
    }

    fn settle(&mut self) {
        for _ in 0..3 {
            self.frame();
        }
    }

    /// One frame, as eframe runs it (egui lays a discarded pass out again within it).
    fn frame(&mut self) {
        let input = egui::RawInput {
            screen_rect: Some(SCREEN),
            ..Default::default()
        };
        self.output.textures_delta.clear();
        self.output = self.ctx.run_ui(input, |ui| self.app.show(ui));
    }

    /// The colours of the last frame's text.
    fn text_colours(&self) -> std::collections::BTreeSet<[u8; 4]> {
        let mut colours = std::collections::BTreeSet::new();
        for clipped in &self.output.shapes {
            if let egui::Shape::Text(text) = &clipped.shape {
                colours.insert(text.fallback_color.to_array());
                for section in &text.galley.job.sections {
                    if section.format.color != egui::Color32::PLACEHOLDER {
                        colours.insert(section.format.color.to_array());
                    }
                }
            }
        }
        colours
    }

    /// The area the last frame's triangles cover, in screens, and the largest single shape's
    /// share of the screen.
    fn painted(&self) -> (f32, f32) {
        let largest = self
            .output
            .shapes
            .iter()
            .filter(|clipped| !is_invisible(&clipped.shape))
            .map(|clipped| {
                clipped
                    .shape
                    .visual_bounding_rect()
                    .intersect(clipped.clip_rect)
                    .intersect(SCREEN)
            })
            .filter(|rect| rect.is_positive())
            .map(|rect| rect.area())
            .fold(0.0, f32::max);
        let primitives = self
            .ctx
            .tessellate(self.output.shapes.clone(), self.output.pixels_per_point);
        (
            covered(&primitives) / SCREEN.area(),
            largest / SCREEN.area(),
        )
    }
}

impl Drop for Window {
    fn drop(&mut self) {
        self.output.textures_delta.clear();
    }
}

/// The app's default window size.
const SCREEN: egui::Rect = egui::Rect::from_min_max(egui::Pos2::ZERO, egui::pos2(1180.0, 780.0));

/// A filled rectangle with a transparent fill and no stroke paints nothing.
fn is_invisible(shape: &egui::Shape) -> bool {
    match shape {
        egui::Shape::Rect(rect) => rect.fill.a() == 0 && rect.stroke.is_empty(),
        egui::Shape::Noop => true,
        _ => false,
    }
}

/// The area of the primitives' triangles, each limited to its clip rectangle's bounding box.
fn covered(primitives: &[ClippedPrimitive]) -> f32 {
    let mut area = 0.0;
    for clipped in primitives {
        let Primitive::Mesh(mesh) = &clipped.primitive else {
            continue;
        };
        for triangle in mesh.indices.chunks_exact(3) {
            let [a, b, c] = [0, 1, 2].map(|i| mesh.vertices[triangle[i] as usize].pos);
            let bounds = egui::Rect::from_points(&[a, b, c]).intersect(clipped.clip_rect);
            if !bounds.is_positive() {
                continue;
            }
            let full = ((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() / 2.0;
            // A triangle partly outside its clip rectangle counts by the share of its bounds
            // that is inside (exact for the rectangles that make up nearly all of a frame).
            let whole = egui::Rect::from_points(&[a, b, c]).area();
            area += if whole > 0.0 {
                full * bounds.area() / whole
            } else {
                0.0
            };
        }
    }
    area
}

fn all_open() -> UiState {
    UiState {
        open_chapters: common::mini_curriculum()
            .chapters
            .iter()
            .map(|chapter| chapter.id.clone())
            .collect(),
        ..UiState::default()
    }
}

#[test]
fn a_frame_shades_its_text_and_controls_not_the_window_again() {
    for theme in [Theme::Dark, Theme::Light] {
        let window = Window::new(UiState {
            theme,
            ..all_open()
        });
        let (area, largest) = window.painted();
        // With the panels' fills the frame covered more than the window (1.1 here).
        assert!(area < 0.5, "{theme:?}: the frame covers {area:.2} screens");
        assert!(
            largest < 0.25,
            "{theme:?}: one shape covers {largest:.2} of the window"
        );
        assert!(area > 0.01, "{theme:?}: the frame paints something");
    }
}

#[test]
fn the_window_is_cleared_to_the_panels_colour_in_both_themes() {
    for theme in [Theme::Dark, Theme::Light] {
        let window = Window::new(UiState {
            theme,
            ..UiState::default()
        });
        let visuals = window.ctx.global_style().visuals.clone();
        assert_eq!(visuals.dark_mode, theme == Theme::Dark);
        let clear = eframe::App::clear_color(&window.app, &visuals);
        assert_eq!(
            clear,
            visuals.panel_fill.to_normalized_gamma_f32(),
            "{theme:?}"
        );
    }
}

#[test]
fn the_class_view_paints_no_background_either() {
    let mut window = Window::new(all_open());
    let ctx = window.ctx.clone();
    window.app.apply(&ctx, MentorAction::Open.into());
    window.settle();
    assert!(window.app.class().is_some(), "the class view is open");
    let (area, largest) = window.painted();
    assert!(area < 0.5, "the class view covers {area:.2} screens");
    assert!(
        largest < 0.25,
        "one shape covers {largest:.2} of the window"
    );
}

/// The window is cleared in the new theme's colour in the very frame the theme changes (eframe
/// asks for the clear colour after the frame): that frame's text must be the new theme's too,
/// not one frame of the old text on the new background.
#[test]
fn the_frame_that_changes_the_theme_is_drawn_in_the_new_theme() {
    let light = Window::new(UiState {
        theme: Theme::Light,
        ..all_open()
    })
    .text_colours();
    let dark = Window::new(UiState {
        theme: Theme::Dark,
        ..all_open()
    })
    .text_colours();
    let only_dark: Vec<_> = dark.difference(&light).collect();
    assert!(!only_dark.is_empty(), "the themes' texts differ");

    let mut window = Window::new(UiState {
        theme: Theme::Dark,
        ..all_open()
    });
    let ctx = window.ctx.clone();
    window.app.apply(&ctx, Action::SetTheme(Theme::Light));
    window.frame();
    let visuals = window.ctx.global_style().visuals.clone();
    assert!(!visuals.dark_mode);
    let clear = eframe::App::clear_color(&window.app, &visuals);
    assert_eq!(clear, visuals.panel_fill.to_normalized_gamma_f32());
    let colours = window.text_colours();
    let old: Vec<_> = colours.iter().filter(|c| only_dark.contains(c)).collect();
    assert!(old.is_empty(), "text in the old theme's colours: {old:?}");
}
