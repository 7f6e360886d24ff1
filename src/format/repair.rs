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
    /// Control or text-direction characters were removed from a version the file names
    /// (`app_version` or `curriculum_version`, the field given), or it was cut to
    /// [`MAX_ID_BYTES`] characters.
    VersionCleaned(&'static str),
    /// Control or text-direction characters were removed from a note.
    NoteCleaned(NoteTarget),
    /// A note longer than the limit was left out (the item's state was kept).
    NoteTooLong {
        /// Whose note.
        target: NoteTarget,
        /// Its size in bytes.
        bytes: usize,
    },
    /// An entry whose id is not a valid id was left out (also a mentor's comment on such an
    /// id, and a `last_touched` naming one).
    InvalidId(String),
    /// `last_touched` (the item changed last, for "continue") names an item the file has no
    /// entry for: it was left out.
    LastTouchedUnknown(ItemId),
    /// A drawing's image is damaged or over the limits: the image was left out.
    ImageDamaged {
        /// The task item.
        item: ItemId,
        /// What is wrong with it.
        reason: String,
    },
    /// A sketch is over the limits or has impossible coordinates: the sketch was left out.
    SketchInvalid(ItemId),
    /// Control or text-direction characters were removed from the labels of a sketch.
    LabelsCleaned(ItemId),
    /// Control or text-direction characters were removed from a mentor's feedback (the name or
    /// comments).
    FeedbackCleaned {
        /// The mentor's name, as cleaned (at most its first [`MAX_NAME_CHARS`] characters).
        mentor: String,
    },
    /// A feedback text (a comment, or the mentor's name) longer than the limit was left out.
    FeedbackTooLong {
        /// The mentor's name, as cleaned (at most its first [`MAX_NAME_CHARS`] characters;
        /// empty when the name itself was too long).
        mentor: String,
        /// The text's size in bytes.
        bytes: usize,
    },
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
            Self::VersionCleaned(field) => write!(
                f,
                "control characters removed from `{field}`, or it was cut to {MAX_ID_BYTES} characters"
            ),
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
            Self::LastTouchedUnknown(id) => write!(
                f,
                "the item changed last, `{id}`, has no entry in the file and was skipped"
            ),
            Self::ImageDamaged { item, reason } => {
                write!(f, "the drawing of item `{item}` was skipped: {reason}")
            }
            Self::SketchInvalid(item) => write!(
                f,
                "the sketch of item `{item}` is over the limits or malformed and was skipped"
            ),
            Self::LabelsCleaned(item) => write!(
                f,
                "control characters removed from the labels of the sketch of item `{item}`"
            ),
            Self::FeedbackCleaned { mentor } => write!(
                f,
                "control characters removed from the feedback of {mentor:?}"
            ),
            Self::FeedbackTooLong { mentor, bytes } => write!(
                f,
                "a text of the feedback of {mentor:?} ({bytes} bytes) is over the {MAX_NOTE_BYTES}-byte limit and was skipped"
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
    for (field, text) in [
        ("app_version", &mut file.app_version),
        ("curriculum_version", &mut file.curriculum_version),
    ] {
        let cleaned = clean_text(text, false).unwrap_or_else(|| text.clone());
        if cleaned.chars().count() > MAX_ID_BYTES || cleaned != *text {
            *text = cleaned.chars().take(MAX_ID_BYTES).collect();
            repairs.push(Repair::VersionCleaned(field));
        }
    }

    let touched_has_entry = progress
        .last_touched
        .as_ref()
        .map(|id| progress.items.contains_key(id));
    drop_invalid_ids(&mut progress.items, ItemId::as_str, &mut repairs);
    drop_invalid_ids(&mut progress.chapter_notes, ChapterId::as_str, &mut repairs);
    if let Some(id) = progress
        .last_touched
        .take_if(|id| !progress.items.contains_key(id))
        && touched_has_entry == Some(false)
    {
        // (When its entry was there but had an invalid id, that entry is listed already.)
        repairs.push(if is_valid_id(id.as_str()) {
            Repair::LastTouchedUnknown(id)
        } else {
            Repair::InvalidId(id.0)
        });
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
        drop_invalid_ids(&mut feedback.items, ItemId::as_str, &mut repairs);
        let mut cleaned = false;
        let mut too_long = Vec::new();
        let texts = std::iter::once(&mut feedback.mentor)
            .chain(std::iter::once(&mut feedback.overall))
            .chain(feedback.items.values_mut());
        for text in texts {
            if text.len() > MAX_NOTE_BYTES {
                too_long.push(text.len());
                text.clear();
            } else if let Some(clean) = clean_text(text, true) {
                *text = clean;
                cleaned = true;
            }
        }
        let mentor: String = feedback.mentor.chars().take(MAX_NAME_CHARS).collect();
        if cleaned {
            repairs.push(Repair::FeedbackCleaned {
                mentor: mentor.clone(),
            });
        }
        repairs.extend(too_long.into_iter().map(|bytes| Repair::FeedbackTooLong {
            mentor: mentor.clone(),
            bytes,
        }));
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
                let mut cleaned = false;
                for label in &mut sketch.labels {
                    if let Some(clean) = clean_text(&label.text, true) {
                        label.text = clean;
                        cleaned = true;
                    }
                }
                if cleaned {
                    repairs.push(Repair::LabelsCleaned(id.clone()));
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

    #[test]
    fn feedback_cleaning_is_reported() {
        let mut file = ProgressFile::new(Student::new("张三"), "test");
        let long = "长".repeat(MAX_NOTE_BYTES / 3 + 1);
        file.progress.feedback = vec![
            Feedback {
                mentor: "王\u{202e}老师".to_owned(),
                overall: "很好\u{0007}".to_owned(),
                items: [
                    (id("a.ok"), "继续".to_owned()),
                    (id("Bad Id"), "\u{0000}".to_owned()),
                    (id("a.long"), long.clone()),
                ]
                .into(),
                ..Feedback::default()
            },
            Feedback {
                mentor: "李老师".to_owned(),
                overall: "第二行\n\t缩进".to_owned(),
                ..Feedback::default()
            },
        ];
        let imported = repaired(file);
        assert_eq!(
            imported.repairs,
            [
                Repair::InvalidId("Bad Id".to_owned()),
                Repair::FeedbackCleaned {
                    mentor: "王老师".to_owned()
                },
                Repair::FeedbackTooLong {
                    mentor: "王老师".to_owned(),
                    bytes: long.len()
                },
            ]
        );
        let feedback = &imported.file.progress.feedback[0];
        assert_eq!(feedback.overall, "很好");
        assert_eq!(
            feedback.items,
            [
                (id("a.long"), String::new()),
                (id("a.ok"), "继续".to_owned())
            ]
            .into()
        );
        assert_eq!(imported.file.progress.feedback[1].overall, "第二行\n\t缩进");

        // A name over the limit is left out, and the repair says so without a name.
        let mut file = ProgressFile::new(Student::new("张三"), "test");
        file.progress.feedback = vec![Feedback {
            mentor: long.clone(),
            ..Feedback::default()
        }];
        assert_eq!(
            repaired(file).repairs,
            [Repair::FeedbackTooLong {
                mentor: String::new(),
                bytes: long.len()
            }]
        );
    }

    #[test]
    fn labels_versions_and_last_touched_are_reported() {
        use crate::drawing::{Drawing, Ink, Label, Sketch};
        let label = |text: &str| Label {
            pos: [1.0, 2.0],
            text: text.to_owned(),
            color: Ink::Black,
            size: 20.0,
        };
        let mut file = ProgressFile::new(Student::new("张三"), "2026.1+\u{202e}0");
        file.app_version = "9".repeat(MAX_ID_BYTES + 1);
        let task = id("a.task");
        file.progress.drawings.insert(
            task.clone(),
            Drawing {
                sketch: Some(Sketch {
                    labels: vec![label("训练\u{202e}"), label("数据\u{0007}"), label("ok")],
                    ..Sketch::default()
                }),
                ..Drawing::default()
            },
        );
        file.progress.last_touched = Some(id("a.nowhere"));
        let imported = repaired(file);
        assert_eq!(
            imported.repairs,
            [
                Repair::VersionCleaned("app_version"),
                Repair::VersionCleaned("curriculum_version"),
                Repair::LastTouchedUnknown(id("a.nowhere")),
                Repair::LabelsCleaned(task.clone()),
            ]
        );
        let file = imported.file;
        assert_eq!(file.app_version.len(), MAX_ID_BYTES);
        assert_eq!(file.curriculum_version, "2026.1+0");
        assert_eq!(file.progress.last_touched, None);
        let labels = file.progress.drawings[&task].sketch.as_ref().map(|sketch| {
            sketch
                .labels
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
        });
        assert_eq!(labels, Some(vec!["训练", "数据", "ok"]));

        // A `last_touched` that is not an id; one whose entry had an invalid id is listed once.
        let mut file = ProgressFile::new(Student::new("张三"), "test");
        file.progress.last_touched = Some(id("Not An Id"));
        assert_eq!(
            repaired(file).repairs,
            [Repair::InvalidId("Not An Id".to_owned())]
        );
        let mut file = ProgressFile::new(Student::new("张三"), "test");
        file.progress.items.insert(id("Bad"), Default::default());
        file.progress.last_touched = Some(id("Bad"));
        let imported = repaired(file);
        assert_eq!(imported.repairs, [Repair::InvalidId("Bad".to_owned())]);
        assert_eq!(imported.file.progress.last_touched, None);

        // What the app writes needs no repair.
        let mut file = ProgressFile::new(Student::new("张三"), "2026.1+0123456789abcdef");
        file.progress.set_state(
            &id("a.b"),
            crate::progress::ItemState::Done,
            jiff::Timestamp::UNIX_EPOCH,
        );
        assert_eq!(repaired(file).repairs, []);
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
