//! 学习伴侣 · Study Companion: a deep-learning study roadmap for students and their mentors.
//!
//! The pure core ([`curriculum`], [`progress`]) knows nothing of egui; [`ui`] draws it.
#![forbid(unsafe_code)]

pub mod assets;
pub mod autosave;
pub mod cli;
pub mod curriculum;
pub mod drawing;
pub mod embedded;
pub mod exchange;
pub mod format;
pub mod i18n;
pub mod instance;
pub mod plan;
pub mod progress;
pub mod report;
pub mod safe_io;
pub mod search;
pub mod startup;
pub mod storage;
pub mod ui;
pub mod watch;
