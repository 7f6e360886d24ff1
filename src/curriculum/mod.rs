//! The study roadmap: its model and the parser that reads it from Markdown.
//!
//! This module is pure (no egui, no I/O) and is compiled twice: into the library, and into
//! `build.rs`, which validates `curriculum/` with exactly this code before embedding it.
//! The embedded copy is reached through [`crate::embedded`].

mod link;
mod model;
mod ours;
mod parse;

pub use link::{LinkError, check_web_url};
pub use model::{
    Chapter, ChapterId, Curriculum, Item, ItemId, ItemKind, Link, MAX_ID_BYTES, is_valid_id,
};
pub use ours::{BLOCK_CLOSE, OURS_OPEN, TextPart, text_parts};
pub use parse::{ParseError, ParseErrorKind, ParseErrors, SourceFile, parse_curriculum};
