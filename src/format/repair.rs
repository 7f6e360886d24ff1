//! Validation of a parsed file: what is refused, what is cleaned, and the list of repairs.

use std::fmt;

use crate::curriculum::{ChapterId, ItemId, is_valid_id};
use crate::progress::NoteTarget;

use super::limits::{MAX_CHAPTER_NOTES, MAX_ID_BYTES, MAX_ITEMS, MAX_NAME_CHARS, MAX_NOTE_BYTES};
use super::{Counted, FormatError, Imported, ProgressFile};

/// Something changed or left out while reading a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    /// Control or text-direction characters were removed from the student's name.
    NameCleaned,
    /// The name was longer than the limit and was cut.
    NameTruncated {
        /// Its length in characters.
        chars: usize,
    },
    /// Control or text-direction characters were removed from a note.
    NoteCleaned(NoteTarget),
    /// A note longer than the limit was left out (the item's state was kept).
    NoteTooLong {
        /// Whose note.
        target: NoteTarget,
        /// Its size in bytes.
        bytes: usize,
    },
    /// An entry whose id is not a valid id was left out.
    InvalidId(String),
    /// A drawing's image is damaged or over the limits: the image was left out.
    ImageDamaged {
        /// The task item.
        item: ItemId,
        /// What is wrong with it.
        reason: String,
    },
    /// A sketch is over the limits or has impossible coordinates: the sketch was left out.
    SketchInvalid(ItemId),
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NameCleaned => write!(f, "control characters removed from the name"),
            Self::NameTruncated { chars } => {
                write!(
                    f,
                    "the name ({chars} characters) was cut to {MAX_NAME_CHARS}"
                )
            }
            Self::NoteCleaned(target) => {
                write!(
                    f,
                    "control characters removed from the note of {}",
                    target_name(target)
                )
            }
            Self::NoteTooLong { target, bytes } => write!(
                f,
                "the note of {} ({bytes} bytes) is over the {MAX_NOTE_BYTES}-byte limit and was skipped",
                target_name(target)
            ),
            Self::InvalidId(id) => write!(f, "an entry with the invalid id {id:?} was skipped"),
            Self::ImageDamaged { item, reason } => {
                write!(f, "the drawing of item `{item}` was skipped: {reason}")
            }
            Self::SketchInvalid(item) => write!(
                f,
                "the sketch of item `{item}` is over the limits or malformed and was skipped"
            ),
        }
    }
}

fn target_name(target: &NoteTarget) -> String {
    match target {
        NoteTarget::Item(id) => format!("item `{id}`"),
        NoteTarget::Chapter(id) => format!("chapter `{id}`"),
    }
}

/// Text-direction overrides and isolates, which can make a name display as something else.
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Removes control and direction characters (keeping line breaks and tabs when `multiline`).
/// Returns `None` when nothing had to be removed.
pub fn clean_text(text: &str, multiline: bool) -> Option<String> {
    let keep = |c: char| {
        !(is_direction_control(c) || (c.is_control() && !(multiline && matches!(c, '\n' | '\t'))))
    };
    if text.chars().all(keep) {
        return None;
    }
    Some(text.chars().filter(|c| keep(*c)).collect())
}

fn is_valid_student_id(id: &str) -> bool {
    (1..=MAX_ID_BYTES).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// How thoroughly drawings (embedded images and sketches) are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageCheck {
    /// Decode every image (an import: one file, shown right away).
    Full,
    /// Check headers only (a class of many files; images are decoded when shown).
    Header,
    /// For an overview of many files (the class view, the report): check image headers, and
    /// read sketches without keeping them. A sketch is parsed and type-checked as in a full
    /// read, but no stroke is built and `Drawing::sketch` comes back `None`; the drawing's
    /// image and time are kept. Whoever needs the sketch reads the file again.
    Summary,
}

/// Removes the entries whose id is not a valid id ([`is_valid_id`], the curriculum's rule),
/// listing each in `repairs`.
fn drop_invalid_ids<K: Ord, V>(
    map: &mut std::collections::BTreeMap<K, V>,
    id: impl Fn(&K) -> &str,
    repairs: &mut Vec<Repair>,
) {
    map.retain(|key, _| {
        let valid = is_valid_id(id(key));
        if !valid {
            repairs.push(Repair::InvalidId(id(key).to_owned()));
        }
        valid
    });
}

/// Checks the limits and cleans the file.
pub fn check_and_repair(
    mut file: ProgressFile,
    images: ImageCheck,
) -> Result<Imported, FormatError> {
    let mut repairs = Vec::new();
    if !is_valid_student_id(&file.student.id) {
        return Err(FormatError::BadStudentId);
    }
    let progress = &mut file.progress;
    if progress.items.len() > MAX_ITEMS {
        return Err(FormatError::TooManyItems {
            what: Counted::Items,
            count: progress.items.len(),
            limit: MAX_ITEMS,
        });
    }
    if progress.chapter_notes.len() > MAX_CHAPTER_NOTES {
        return Err(FormatError::TooManyItems {
            what: Counted::ChapterNotes,
            count: progress.chapter_notes.len(),
            limit: MAX_CHAPTER_NOTES,
        });
    }

    if let Some(clean) = clean_text(&file.student.name, false) {
        file.student.name = clean;
        repairs.push(Repair::NameCleaned);
    }
    let chars = file.student.name.chars().count();
    if chars > MAX_NAME_CHARS {
        file.student.name = file.student.name.chars().take(MAX_NAME_CHARS).collect();
        repairs.push(Repair::NameTruncated { chars });
    }
    for text in [&mut file.app_version, &mut file.curriculum_version] {
        let cleaned = clean_text(text, false).unwrap_or_else(|| text.clone());
        *text = cleaned.chars().take(MAX_ID_BYTES).collect();
    }

    drop_invalid_ids(&mut progress.items, ItemId::as_str, &mut repairs);
    drop_invalid_ids(&mut progress.chapter_notes, ChapterId::as_str, &mut repairs);
    if progress
        .last_touched
        .as_ref()
        .is_some_and(|id| !progress.items.contains_key(id))
    {
        progress.last_touched = None;
    }

    let notes = progress
        .items
        .iter_mut()
        .map(|(id, item)| (NoteTarget::Item(id.clone()), &mut item.note))
        .chain(
            progress
                .chapter_notes
                .iter_mut()
                .map(|(id, note)| (NoteTarget::Chapter(id.clone()), note)),
        );
    for (target, note) in notes {
        if note.text.len() > MAX_NOTE_BYTES {
            repairs.push(Repair::NoteTooLong {
                target,
                bytes: note.text.len(),
            });
            *note = crate::progress::Note::default();
        } else if let Some(clean) = clean_text(&note.text, true) {
            note.text = clean;
            repairs.push(Repair::NoteCleaned(target));
        }
    }
    drop_invalid_ids(&mut progress.drawings, ItemId::as_str, &mut repairs);
    if progress.feedback.len() > super::limits::MAX_FEEDBACK {
        return Err(FormatError::TooManyItems {
            what: Counted::Feedback,
            count: progress.feedback.len(),
            limit: super::limits::MAX_FEEDBACK,
        });
    }
    for feedback in &mut progress.feedback {
        let texts = std::iter::once(&mut feedback.mentor)
            .chain(std::iter::once(&mut feedback.overall))
            .chain(feedback.items.values_mut());
        for text in texts {
            if text.len() > MAX_NOTE_BYTES {
                text.clear();
            } else if let Some(clean) = clean_text(text, true) {
                *text = clean;
            }
        }
        feedback.items.retain(|id, _| is_valid_id(id.as_str()));
    }
    if progress.drawings.len() > super::limits::MAX_DRAWINGS {
        return Err(FormatError::TooManyItems {
            what: Counted::Drawings,
            count: progress.drawings.len(),
            limit: super::limits::MAX_DRAWINGS,
        });
    }
    for (id, drawing) in &mut progress.drawings {
        if let Some(image) = &drawing.image
            && let Err(err) = check_image(image, images)
        {
            drawing.image = None;
            repairs.push(Repair::ImageDamaged {
                item: id.clone(),
                reason: err.to_string(),
            });
        }
        if let Some(sketch) = &mut drawing.sketch {
            if sketch_is_valid(sketch) {
                for label in &mut sketch.labels {
                    if let Some(clean) = clean_text(&label.text, true) {
                        label.text = clean;
                    }
                }
            } else {
                drawing.sketch = None;
                repairs.push(Repair::SketchInvalid(id.clone()));
            }
        }
    }
    Ok(Imported { file, repairs })
}

fn check_image(
    image: &crate::drawing::EmbeddedImage,
    check: ImageCheck,
) -> Result<(), crate::drawing::photo::PhotoError> {
    if !matches!(image.mime.as_str(), "image/png" | "image/jpeg") {
        return Err(crate::drawing::photo::PhotoError::NotAnImage);
    }
    match check {
        ImageCheck::Full => crate::drawing::photo::validate(image),
        ImageCheck::Header | ImageCheck::Summary => crate::drawing::photo::validate_header(image),
    }
}

fn sketch_is_valid(sketch: &crate::drawing::Sketch) -> bool {
    use super::limits::{MAX_SKETCH_LABELS, MAX_SKETCH_POINTS, MAX_SKETCH_STROKES};
    let side = 1..=crate::drawing::render::MAX_SKETCH_SIDE;
    let finite = |[x, y]: [f32; 2]| x.is_finite() && y.is_finite();
    let points: usize = sketch
        .strokes
        .iter()
        .map(|stroke| stroke.points.len())
        .sum();
    side.contains(&sketch.width)
        && side.contains(&sketch.height)
        && sketch.strokes.len() <= MAX_SKETCH_STROKES
        && sketch.labels.len() <= MAX_SKETCH_LABELS
        && points <= MAX_SKETCH_POINTS
        && sketch.strokes.iter().all(|stroke| {
            stroke.width.is_finite() && stroke.points.iter().all(|point| finite(*point))
        })
        && sketch.labels.iter().all(|label| {
            finite(label.pos) && label.size.is_finite() && label.text.len() <= MAX_NOTE_BYTES
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{Student, limits};
    use crate::progress::{Feedback, Note};

    fn refused(file: ProgressFile) -> FormatError {
        match check_and_repair(file, ImageCheck::Full) {
            Err(err) => err,
            Ok(_) => panic!("accepted"),
        }
    }

    #[test]
    fn too_many_says_of_what() {
        let mut file = ProgressFile::new(Student::new("张三"), "test");
        file.progress.feedback = vec![Feedback::default(); limits::MAX_FEEDBACK + 1];
        let err = refused(file);
        assert!(
            matches!(
                err,
                FormatError::TooManyItems {
                    what: Counted::Feedback,
                    count: 201,
                    limit: 200
                }
            ),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "the file has 201 feedback entries; the limit is 200"
        );

        let mut file = ProgressFile::new(Student::new("张三"), "test");
        file.progress.chapter_notes = (0..=limits::MAX_CHAPTER_NOTES)
            .map(|n| (ChapterId(format!("c{n}")), Note::default()))
            .collect();
        let err = refused(file);
        assert!(err.to_string().contains("1001 chapter notes"), "{err}");

        let mut file = ProgressFile::new(Student::new("张三"), "test");
        file.progress.drawings = (0..=limits::MAX_DRAWINGS)
            .map(|n| (ItemId(format!("d{n}")), crate::drawing::Drawing::default()))
            .collect();
        let err = refused(file);
        assert!(err.to_string().contains("17 drawings"), "{err}");
    }

    fn repaired(file: ProgressFile) -> Imported {
        check_and_repair(file, ImageCheck::Full).unwrap_or_else(|err| panic!("refused: {err}"))
    }

    fn id(text: &str) -> ItemId {
        ItemId(text.to_owned())
    }

    /// Ids are checked with the curriculum's rule: every id it can define is kept, including
    /// those the file reader accepted before the rules were one.
    #[test]
    fn ids_follow_the_curriculum_rule() {
        let mut file = ProgressFile::new(Student::new("张三"), "test");
        let kept = ["python.software", "-old", &"a".repeat(MAX_ID_BYTES)];
        let dropped = ["", "Python", "a_b", &"a".repeat(MAX_ID_BYTES + 1)];
        for text in kept.iter().chain(&dropped) {
            file.progress.items.insert(id(text), Default::default());
        }
        let imported = repaired(file);
        let ids: Vec<&str> = imported
            .file
            .progress
            .items
            .keys()
            .map(ItemId::as_str)
            .collect();
        let mut expected = kept.to_vec();
        expected.sort_unstable();
        assert_eq!(ids, expected);
        assert_eq!(imported.repairs.len(), dropped.len());
        assert!(kept.iter().all(|id| crate::curriculum::is_valid_id(id)));
    }

    #[test]
    fn cleaning_removes_direction_overrides_and_controls() {
        assert_eq!(clean_text("张三", false), None);
        assert_eq!(
            clean_text("\u{202e}三张\u{202c}", false).as_deref(),
            Some("三张")
        );
        assert_eq!(clean_text("a\u{0007}b\nc", false).as_deref(), Some("abc"));
        assert_eq!(
            clean_text("a\u{0007}b\nc\td", true).as_deref(),
            Some("ab\nc\td")
        );
    }
}
