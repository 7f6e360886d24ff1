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
/// Longest item, chapter or student id, in bytes (the curriculum's id rule,
/// [`crate::curriculum::is_valid_id`]).
pub const MAX_ID_BYTES: usize = crate::curriculum::MAX_ID_BYTES;
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

/// The limits a progress must keep so that its file is read back whole (a merge keeps to
/// them and sets aside what does not fit).
pub const CAPACITY: crate::progress::Capacity = crate::progress::Capacity {
    items: MAX_ITEMS,
    chapter_notes: MAX_CHAPTER_NOTES,
    note_bytes: MAX_NOTE_BYTES,
    drawings: MAX_DRAWINGS,
    feedback: MAX_FEEDBACK,
};

/// Most points the app's own canvas adds to a sketch: well within [`MAX_SKETCH_POINTS`], so
/// that a sketch plus its rendered picture and long notes still fits in [`MAX_FILE_BYTES`]
/// when saved (a point takes about 30 bytes as written; see docs/progress-file.md).
pub const SKETCH_POINTS_BUDGET: usize = 250_000;

/// Whether the canvas may add a stroke of `points` points (or a label, with `points` 0) to
/// `sketch` and still save a file the app reads back.
pub fn sketch_has_room(sketch: &crate::drawing::Sketch, points: usize, labels: usize) -> bool {
    let used: usize = sketch
        .strokes
        .iter()
        .map(|stroke| stroke.points.len())
        .sum();
    sketch.strokes.len() + usize::from(points > 0) <= MAX_SKETCH_STROKES
        && used + points <= SKETCH_POINTS_BUDGET
        && sketch.labels.len() + labels <= MAX_SKETCH_LABELS
}
