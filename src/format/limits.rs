//! Limits for progress files from others. Documented in `docs/progress-file.md`.

/// Largest file read (a real file with long notes on every item is well under 1 MiB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
// (Embedded images are checked with the limits of `crate::drawing::photo`.)
/// Most items (with progress) in one file; the roadmap has a few dozen.
pub const MAX_ITEMS: usize = 5_000;
/// Most chapter notes in one file.
pub const MAX_CHAPTER_NOTES: usize = 1_000;
/// Longest note kept, in bytes of UTF-8 (a longer note is skipped, the rest imported).
pub const MAX_NOTE_BYTES: usize = 1024 * 1024;
/// Longest student name kept, in characters (a longer one is cut).
pub const MAX_NAME_CHARS: usize = 64;
/// Longest item, chapter or student id, in bytes.
pub const MAX_ID_BYTES: usize = 128;
/// Deepest RON nesting accepted (the format itself needs 5).
pub const MAX_NESTING: usize = 32;
/// Most strokes in one sketch.
pub const MAX_SKETCH_STROKES: usize = 20_000;
/// Most points over all strokes of one sketch.
pub const MAX_SKETCH_POINTS: usize = 1_000_000;
/// Most text labels in one sketch.
pub const MAX_SKETCH_LABELS: usize = 2_000;
/// Most drawings in one file (only task items have one; the roadmap has a single task).
pub const MAX_DRAWINGS: usize = 16;
/// Most mentor feedback entries in one file.
pub const MAX_FEEDBACK: usize = 200;
