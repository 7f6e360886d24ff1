//! The desktop UI (egui). Everything below `crate::ui` may use egui; nothing else does.
//!
//! Rooms, from the bottom up (a file only imports from rooms below it):
//! - [`state`], [`action`], [`effect`], [`texts`]: plain data and text, no egui context;
//! - [`flow`]: the update core ([`flow::Model::update`]) and its flows (import, mentor,
//!   drawing), which turn actions into state changes and effects;
//! - the views (`roadmap`, `notes`, `drawing`, `canvas`, `exchange`, `feedback`, `class`,
//!   `bars`, `search`) draw the model and push actions;
//! - `widgets`: small widgets the views share (the progress bar);
//! - [`commands`]: every command with its label and shortcut; `palette`: the command
//!   palette and the shortcut sheet drawn from that list;
//! - `runner` carries out effects; `data_folder` opens the data folder; `context` prepares
//!   an egui context and takes the links egui wants to open;
//! - [`app`]: the eframe app, which lays out the frame and routes.

pub mod action;
pub mod app;
mod bars;
pub mod browser;
mod canvas;
mod charts;
mod class;
pub mod commands;
mod context;
pub mod data_folder;
mod drawing;
pub mod effect;
mod exchange;
mod feedback;
pub mod flow;
pub mod fonts;
mod notes;
mod palette;
mod plan;
mod roadmap;
mod runner;
mod search;
pub mod state;
pub mod texts;
pub mod theme;
mod widgets;

pub use crate::i18n;
pub use action::{Action, DrawingAction, ImportAction, MentorAction};
pub use app::StudyApp;
pub use context::{DecodeOnce, setup_context};
pub use plan::PLAN_WINDOW_ID;
pub use state::{Notice, UiState};

/// URI prefix under which the curriculum's images are registered with egui.
pub const CURRICULUM_IMAGE_SCHEME: &str = "bytes://curriculum/";

/// A UTC time in the student's local time zone, `2026-11-29 14:30`.
pub fn local_time(time: jiff::Timestamp) -> String {
    time.to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// A UTC time's date in the student's local time zone, `2026-11-29`.
pub fn local_date(time: jiff::Timestamp) -> String {
    time.to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d")
        .to_string()
}
