//! The desktop UI (egui). Everything below `crate::ui` may use egui; nothing else does.

pub mod app;
mod background;
pub mod browser;
mod canvas;
mod class;
mod drawing;
mod exchange;
mod feedback;
pub mod fonts;
pub use crate::i18n;
mod notes;
mod roadmap;
pub mod theme;

pub use app::{Action, Notice, StudyApp, UiState, setup_context};

/// URI prefix under which the curriculum's images are registered with egui.
pub const CURRICULUM_IMAGE_SCHEME: &str = "bytes://curriculum/";

/// A UTC time in the student's local time zone, `2026-11-29 14:30`.
pub fn local_time(time: jiff::Timestamp) -> String {
    time.to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}
