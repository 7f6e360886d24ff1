//! The desktop UI (egui). Everything below `crate::ui` may use egui; nothing else does.

pub mod app;
pub mod browser;
pub mod fonts;
pub mod i18n;
mod roadmap;
pub mod theme;

pub use app::{Action, Notice, StudyApp, UiState, setup_context};

/// URI prefix under which the curriculum's images are registered with egui.
pub const CURRICULUM_IMAGE_SCHEME: &str = "bytes://curriculum/";
