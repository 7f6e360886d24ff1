//! Design tokens: sizes and colours used by the views (never literals in views).

use egui::Color32;

/// Width of the chapter list.
pub const SIDE_PANEL_WIDTH: f32 = 240.0;
/// Width of the overall progress bar.
pub const OVERALL_BAR_WIDTH: f32 = 220.0;
/// Height of the note editor.
pub const NOTE_EDITOR_ROWS: usize = 6;
/// Width of a name field (the name prompt, settings).
pub const NAME_FIELD_WIDTH: f32 = 160.0;
/// Width of the progress bar in a chapter header.
pub const CHAPTER_BAR_WIDTH: f32 = 160.0;
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
pub const CANVAS_WINDOW_SIZE: [f32; 2] = [720.0, 760.0];
/// Default size of the picture viewer.
pub const VIEWER_SIZE: [f32; 2] = [640.0, 720.0];
/// Smallest window size.
pub const MIN_WINDOW_SIZE: [f32; 2] = [640.0, 420.0];

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
    /// Frame and label of an editorial addition (curriculum text that is ours).
    pub editorial: Color32,
    /// Background of an editorial addition.
    pub editorial_fill: Color32,
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
            note_fill: Color32::from_rgb(0x2a, 0x2f, 0x26),
            in_progress: Color32::from_rgb(0xd9, 0xb4, 0x4a),
            editorial: Color32::from_rgb(0x6c, 0xb4, 0xbc),
            editorial_fill: Color32::from_rgb(0x22, 0x2d, 0x30),
        }
    } else {
        Palette {
            done: Color32::from_rgb(0x1f, 0x8a, 0x5b),
            task: Color32::from_rgb(0xb8, 0x64, 0x0b),
            elective: Color32::from_rgb(0x4a, 0x5f, 0xb0),
            warning: Color32::from_rgb(0xb3, 0x4d, 0x00),
            weak: Color32::from_gray(110),
            note_fill: Color32::from_rgb(0xfb, 0xf6, 0xe3),
            in_progress: Color32::from_rgb(0x9a, 0x6b, 0x00),
            editorial: Color32::from_rgb(0x2a, 0x74, 0x7c),
            editorial_fill: Color32::from_rgb(0xee, 0xf6, 0xf7),
        }
    }
}
