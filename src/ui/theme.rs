//! Design tokens: sizes and colours used by the views (never literals in views).

use egui::Color32;

/// Width of the chapter list (it can be dragged wider; long names wrap).
pub const SIDE_PANEL_WIDTH: f32 = 270.0;
/// Widest the roadmap's column gets, in lines of body text: about 48 Chinese characters a
/// line (the issue asked for about 45 em), centred in a wide window.
pub const READING_WIDTH_EM: f32 = 48.0;
/// Width of the overall progress bar.
pub const OVERALL_BAR_WIDTH: f32 = 220.0;
/// Height of the note editor.
pub const NOTE_EDITOR_ROWS: usize = 6;
/// Width of a date field (the plan editor): `2027-01-11` with room to spare.
pub const DATE_FIELD_WIDTH: f32 = 100.0;
/// Width of a name field (the name prompt, settings).
pub const NAME_FIELD_WIDTH: f32 = 160.0;
/// Width of the progress bar in a chapter header.
pub const CHAPTER_BAR_WIDTH: f32 = 160.0;
/// Height of the progress bar in a chapter header.
pub const CHAPTER_BAR_HEIGHT: f32 = 10.0;
/// Indent of an item under its chapter, and of a sub-item under its item.
pub const ITEM_INDENT: f32 = 18.0;
/// Inner margin of an item's card.
pub const ITEM_MARGIN: f32 = 8.0;
/// Gap between item cards.
pub const ITEM_GAP: f32 = 4.0;
/// Text size of item titles (above body text, below chapter titles).
pub const ITEM_TITLE_SIZE: f32 = 16.0;
/// Width of a picture's thumbnail in an item (the seed showed its diagram 300 wide).
pub const THUMBNAIL_WIDTH: f32 = 300.0;
/// Vertical gap between chapters.
pub const CHAPTER_GAP: f32 = 6.0;
/// Text size of chapter titles.
pub const CHAPTER_TITLE_SIZE: f32 = 19.0;
/// Text size of the app title.
pub const APP_TITLE_SIZE: f32 = 20.0;
/// Default window size (logical points).
pub const WINDOW_SIZE: [f32; 2] = [1180.0, 780.0];
/// Width of the import preview.
pub const PREVIEW_WIDTH: f32 = 560.0;
/// Days without progress after which a student is flagged inactive (the mentor can change it).
pub const DEFAULT_INACTIVE_DAYS: u32 = 7;
/// Height of the class table's header.
pub const TABLE_HEADER_HEIGHT: f32 = 24.0;
/// Height of a row of the class table.
pub const TABLE_ROW_HEIGHT: f32 = 22.0;
/// Width of the mentor's feedback panel.
pub const FEEDBACK_PANEL_WIDTH: f32 = 320.0;
/// Default size of the canvas window.
pub const CANVAS_WINDOW_SIZE: [f32; 2] = [900.0, 760.0];
/// Width of the task's example picture beside the canvas page.
pub const CANVAS_EXAMPLE_WIDTH: f32 = 220.0;
/// Diameter of an ink's colour swatch in the canvas toolbar.
pub const SWATCH_SIZE: f32 = 14.0;
/// Default size of the picture viewer.
pub const VIEWER_SIZE: [f32; 2] = [640.0, 720.0];
/// Width of the search window.
pub const SEARCH_WIDTH: f32 = 580.0;
/// Highest the search window's list of hits grows before it scrolls.
pub const SEARCH_LIST_HEIGHT: f32 = 440.0;
/// Height the plan window opens with: its table and the activity calendar without scrolling.
pub const PLAN_WINDOW_HEIGHT: f32 = 600.0;
/// Distance of the search window (and the plan window) from the top of the window.
pub const SEARCH_TOP: f32 = 56.0;
/// Hits listed at most (the rest are counted).
pub const SEARCH_MAX_HITS: usize = 50;
/// How long a search hit opened in the roadmap stays framed, in seconds (it fades).
pub const FOUND_FLASH_SECONDS: f64 = 2.5;
/// Width of the frame around a search hit opened in the roadmap.
pub const FOUND_STROKE_WIDTH: f32 = 2.5;
/// Smallest window size.
pub const MIN_WINDOW_SIZE: [f32; 2] = [640.0, 420.0];

/// The colour the window is cleared to before each frame: the panels' own fill.
///
/// The panels draw no fill of their own ([`panel_frame`], [`central_frame`]): the clear gives
/// them their background. With software rendering (llvmpipe, WARP: virtual machines, remote
/// desktops, computers without a graphics driver) every pixel a shape covers is shaded on the
/// processor, and the panels' fills covered the whole window once more on top of the clear:
/// 1.2 screens of pixels shaded per frame instead of 0.2 (docs/performance.md, issue 15).
pub fn clear_color(visuals: &egui::Visuals) -> [f32; 4] {
    visuals.panel_fill.to_normalized_gamma_f32()
}

/// A top, bottom or side panel's frame: egui's, without the fill (see [`clear_color`]).
pub fn panel_frame(style: &egui::Style) -> egui::Frame {
    egui::Frame::side_top_panel(style).fill(Color32::TRANSPARENT)
}

/// The central panel's frame: egui's, without the fill (see [`clear_color`]).
pub fn central_frame(style: &egui::Style) -> egui::Frame {
    egui::Frame::central_panel(style).fill(Color32::TRANSPARENT)
}

/// Colours that depend on light or dark mode.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Progress bars and "done".
    pub done: Color32,
    /// The "task" badge.
    pub task: Color32,
    /// The "elective" badge.
    pub elective: Color32,
    /// Notices that report a problem.
    pub warning: Color32,
    /// Secondary text.
    pub weak: Color32,
    /// Background of a note.
    pub note_fill: Color32,
    /// The "in progress" state.
    pub in_progress: Color32,
    /// Behind the words a search matched.
    pub mark: Color32,
    /// The frame around a search hit opened in the roadmap.
    pub found: Color32,
    /// Frame and label of an editorial addition (curriculum text that is ours).
    pub editorial: Color32,
    /// Background of an editorial addition.
    pub editorial_fill: Color32,
    /// A day without study in the activity calendar: a little darker than the panel when
    /// light, a little lighter when dark.
    pub empty_day: Color32,
}

/// The palette for the current visuals.
pub fn palette(visuals: &egui::Visuals) -> Palette {
    if visuals.dark_mode {
        Palette {
            done: Color32::from_rgb(0x4c, 0xb7, 0x82),
            task: Color32::from_rgb(0xe0, 0x9a, 0x3e),
            elective: Color32::from_rgb(0x8a, 0x9b, 0xd6),
            warning: Color32::from_rgb(0xf0, 0xa0, 0x50),
            weak: Color32::from_gray(150),
            note_fill: Color32::from_rgb(0x20, 0x24, 0x1d),
            in_progress: Color32::from_rgb(0xd9, 0xb4, 0x4a),
            mark: Color32::from_rgb(0x70, 0x58, 0x10),
            found: Color32::from_rgb(0xf0, 0xc0, 0x40),
            editorial: Color32::from_rgb(0x6c, 0xb4, 0xbc),
            editorial_fill: Color32::from_rgb(0x19, 0x21, 0x24),
            empty_day: Color32::from_gray(46),
        }
    } else {
        Palette {
            done: Color32::from_rgb(0x1a, 0x7a, 0x50),
            task: Color32::from_rgb(0xa0, 0x55, 0x08),
            elective: Color32::from_rgb(0x4a, 0x5f, 0xb0),
            warning: Color32::from_rgb(0xb3, 0x4d, 0x00),
            weak: Color32::from_gray(110),
            note_fill: Color32::from_rgb(0xfb, 0xf6, 0xe3),
            in_progress: Color32::from_rgb(0x8a, 0x60, 0x00),
            mark: Color32::from_rgb(0xff, 0xe0, 0x80),
            found: Color32::from_rgb(0xe0, 0x9a, 0x00),
            editorial: Color32::from_rgb(0x2a, 0x74, 0x7c),
            editorial_fill: Color32::from_rgb(0xee, 0xf6, 0xf7),
            empty_day: Color32::from_gray(224),
        }
    }
}

/// Size of small text (start and finish times, hints): egui's 9 pt is too small for Chinese.
pub const SMALL_TEXT_SIZE: f32 = 11.5;
/// Width of the outline around the widget that has the keyboard focus.
pub const FOCUS_RING_WIDTH: f32 = 2.0;

/// Our changes to one of egui's two styles (light or dark): readable small and weak text,
/// a visible keyboard focus, an empty progress bar that looks empty.
pub fn adjust(style: &mut egui::Style) {
    style.text_styles.insert(
        egui::TextStyle::Small,
        egui::FontId::proportional(SMALL_TEXT_SIZE),
    );
    let visuals = &mut style.visuals;
    let palette = palette(visuals);
    // egui's weak text is the text colour at 60 % over the background: 3.3:1 in the light
    // theme. Ours reaches 4.5:1 (the contrast test below).
    visuals.weak_text_color = Some(palette.weak);
    // egui's light-theme links (#009BFF) are 2.8:1 on the panel, and its checkboxes have no
    // outline: a light grey square on a light grey card.
    if !visuals.dark_mode {
        visuals.hyperlink_color = Color32::from_rgb(0x00, 0x5f, 0xb8);
        visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, Color32::from_gray(150));
    }
    // A focused widget is drawn like a pressed one; make its outline thick and coloured.
    visuals.widgets.active.bg_stroke =
        egui::Stroke::new(FOCUS_RING_WIDTH, visuals.selection.stroke.color);
    style.url_in_tooltip = true;
}

/// WCAG contrast ratio of two opaque colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn luminance(color: Color32) -> f32 {
        let linear = egui::Rgba::from(color);
        0.2126 * linear.r() + 0.7152 * linear.g() + 0.0722 * linear.b()
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `color` (maybe translucent) as it shows over the opaque `background`.
pub fn over(color: Color32, background: Color32) -> Color32 {
    let alpha = f32::from(color.a()) / 255.0;
    let channel = |c: u8, b: u8| {
        (f32::from(c) + f32::from(b) * (1.0 - alpha))
            .round()
            .clamp(0.0, 255.0) as u8
    };
    Color32::from_rgb(
        channel(color.r(), background.r()),
        channel(color.g(), background.g()),
        channel(color.b(), background.b()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both themes' styles, as [`adjust`] leaves them.
    fn styles() -> [(egui::Theme, egui::Style); 2] {
        [egui::Theme::Light, egui::Theme::Dark].map(|theme| {
            let mut style = egui::Style {
                visuals: theme.default_visuals(),
                ..Default::default()
            };
            adjust(&mut style);
            (theme, style)
        })
    }

    /// Text must reach 4.5:1 against every background it is drawn on (WCAG AA), in both
    /// themes, as they are after [`adjust`].
    #[test]
    fn text_contrast_is_at_least_4_5_in_both_themes() {
        for (theme, style) in styles() {
            let visuals = &style.visuals;
            let palette = palette(visuals);
            let backgrounds = [
                ("panel", visuals.panel_fill),
                ("window", visuals.window_fill),
                ("text field", visuals.extreme_bg_color),
            ];
            let texts = [
                ("text", visuals.text_color()),
                ("weak text", visuals.weak_text_color()),
                ("strong text", visuals.strong_text_color()),
                ("hyperlink", visuals.hyperlink_color),
                ("warning", palette.warning),
                ("done", palette.done),
                ("task badge", palette.task),
                ("elective badge", palette.elective),
                ("in progress", palette.in_progress),
                ("weak", palette.weak),
                ("editorial", palette.editorial),
            ];
            for (background_name, background) in backgrounds {
                for (text_name, text) in texts {
                    let ratio = contrast(over(text, background), background);
                    assert!(
                        ratio >= 4.5,
                        "{theme:?}: {text_name} {text:?} on {background_name} {background:?} \
                         is {ratio:.2}:1"
                    );
                }
            }
            // Notes and editorial notes: their text on their own fill.
            let note = contrast(visuals.text_color(), palette.note_fill);
            assert!(note >= 4.5, "{theme:?}: note text is {note:.2}:1");
            for text in [visuals.text_color(), palette.editorial] {
                let ratio = contrast(text, palette.editorial_fill);
                assert!(
                    ratio >= 4.5,
                    "{theme:?}: {text:?} on the editorial fill is {ratio:.2}:1"
                );
            }
            let small = style.text_styles[&egui::TextStyle::Small].size;
            assert!(small >= SMALL_TEXT_SIZE, "small text is {small} pt");
        }
    }

    /// A day without study stands out from the panel in both themes (it was lighter than the
    /// light panel by a hair: white on #f8f8f8), and stays quieter than a day of study.
    #[test]
    fn empty_calendar_days_are_seen_in_both_themes() {
        for (theme, style) in styles() {
            let palette = palette(&style.visuals);
            let panel = style.visuals.panel_fill;
            let empty = contrast(palette.empty_day, panel);
            assert!(empty >= 1.2, "{theme:?}: an empty day is {empty:.2}:1");
            let studied = contrast(palette.done, panel);
            assert!(
                studied > empty,
                "{theme:?}: {studied:.2} against {empty:.2}"
            );
        }
    }

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
        // #767676 on white is the classic 4.54:1.
        let grey = contrast(Color32::from_gray(0x76), Color32::WHITE);
        assert!((grey - 4.54).abs() < 0.02, "{grey}");
    }
}
