//! What went wrong or was changed, in the UI language: file errors, repairs, picture
//! problems, sizes. Plain text, no egui: the flows build notices from it.

use crate::curriculum::Curriculum;
use crate::format::{Counted, FormatError, Repair, SyntaxKind, clean_text};
use crate::i18n::{Strings, fill};
use crate::progress::NoteTarget;

/// A size in bytes for people: `12.3 MB`.
pub fn human_size(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes as f64 >= MB {
        format!("{:.1} MB", bytes as f64 / MB)
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}

/// What was cleaned or skipped, in the UI language.
pub fn repair_text(repair: &Repair, curriculum: &Curriculum, strings: &Strings) -> String {
    match repair {
        Repair::NameCleaned => strings.repair_name_cleaned.to_owned(),
        Repair::NameTruncated { chars } => fill(
            strings.repair_name_truncated,
            &[("chars", &chars.to_string())],
        ),
        Repair::NoteCleaned(target) => fill(
            strings.repair_note_cleaned,
            &[("item", item_title(target, curriculum))],
        ),
        Repair::NoteTooLong { target, bytes } => fill(
            strings.repair_note_too_long,
            &[
                ("item", item_title(target, curriculum)),
                ("size", &human_size(*bytes as u64)),
            ],
        ),
        Repair::InvalidId(id) => {
            let shown: String = id.chars().take(40).collect();
            fill(strings.repair_invalid_id, &[("id", &shown)])
        }
        Repair::ImageDamaged { item, reason } => fill(
            strings.repair_image_damaged,
            &[
                (
                    "item",
                    item_title(&NoteTarget::Item(item.clone()), curriculum),
                ),
                ("reason", reason),
            ],
        ),
        Repair::SketchInvalid(item) => fill(
            strings.repair_sketch_invalid,
            &[(
                "item",
                item_title(&NoteTarget::Item(item.clone()), curriculum),
            )],
        ),
        Repair::LabelsCleaned(item) => fill(
            strings.repair_labels_cleaned,
            &[(
                "item",
                item_title(&NoteTarget::Item(item.clone()), curriculum),
            )],
        ),
        Repair::FeedbackCleaned { mentor } => fill(
            strings.repair_feedback_cleaned,
            &[("mentor", mentor_or_unnamed(mentor, strings))],
        ),
        Repair::FeedbackTooLong { mentor, bytes } => fill(
            strings.repair_feedback_too_long,
            &[
                ("mentor", mentor_or_unnamed(mentor, strings)),
                ("size", &human_size(*bytes as u64)),
            ],
        ),
        Repair::VersionCleaned(field) => fill(strings.repair_version_cleaned, &[("field", field)]),
        Repair::LastTouchedUnknown(item) => fill(
            strings.repair_last_touched_unknown,
            &[(
                "item",
                item_title(&NoteTarget::Item(item.clone()), curriculum),
            )],
        ),
    }
}

/// A mentor's name as a repair names it (the name may have been emptied by the repair).
fn mentor_or_unnamed<'a>(mentor: &'a str, strings: &'a Strings) -> &'a str {
    if mentor.trim().is_empty() {
        strings.unnamed
    } else {
        mentor
    }
}

/// Why a file could not be read, in the UI language. The error in the format's own (English)
/// words, with the RON parser's message, goes to the log.
pub fn format_error_text(error: &FormatError, strings: &Strings) -> String {
    log::warn!("a progress file could not be read: {error}");
    match error {
        FormatError::TooLarge { size, limit } => fill(
            strings.error_too_large,
            &[("size", &human_size(*size)), ("limit", &human_size(*limit))],
        ),
        FormatError::NotAFile(kind) => fill(
            strings.error_not_a_file,
            &[("kind", file_kind_text(*kind, strings))],
        ),
        FormatError::Empty => strings.error_empty.to_owned(),
        FormatError::NotText(byte) => fill(strings.error_not_text, &[("byte", &byte.to_string())]),
        FormatError::PlanFile => strings.error_plan_file.to_owned(),
        FormatError::Syntax {
            line,
            col,
            kind,
            message,
        } => fill(
            strings.error_syntax,
            &[
                ("line", &line.to_string()),
                ("col", &col.to_string()),
                ("message", &syntax_text(kind, message, strings)),
            ],
        ),
        FormatError::TooNew { found, supported } => fill(
            strings.error_too_new,
            &[
                ("found", &found.to_string()),
                ("supported", &supported.to_string()),
            ],
        ),
        FormatError::UnknownVersion(found) => fill(
            strings.error_unknown_version,
            &[("found", &found.to_string())],
        ),
        FormatError::TooManyItems { what, count, limit } => fill(
            strings.error_too_many,
            &[
                ("what", counted_name(*what, strings)),
                ("count", &count.to_string()),
                ("limit", &limit.to_string()),
            ],
        ),
        FormatError::BadStudentId => strings.error_student_id.to_owned(),
        FormatError::Io(err) => fill(strings.error_io, &[("error", &err.to_string())]),
        FormatError::Write(err) => err.clone(),
    }
}

fn file_kind_text(kind: crate::safe_io::FileKind, strings: &Strings) -> &'static str {
    use crate::safe_io::FileKind;
    match kind {
        FileKind::Folder => strings.kind_folder,
        FileKind::Fifo => strings.kind_fifo,
        FileKind::Device => strings.kind_device,
        FileKind::Other => strings.kind_special,
    }
}

/// What a file has too many of, in the UI language.
fn counted_name(what: Counted, strings: &Strings) -> &'static str {
    match what {
        Counted::Items => strings.counted_items,
        Counted::ChapterNotes => strings.counted_chapter_notes,
        Counted::Drawings => strings.counted_drawings,
        Counted::Feedback => strings.counted_feedback,
    }
}

/// A syntax error in the UI language; the parser's own words when it is not a common one.
fn syntax_text(kind: &SyntaxKind, message: &str, strings: &Strings) -> String {
    // Names come from the file: shown short and without control or direction characters.
    let shown = |name: &str| -> String {
        let clean = clean_text(name, false);
        clean.as_deref().unwrap_or(name).chars().take(40).collect()
    };
    match kind {
        SyntaxKind::UnexpectedEnd => strings.syntax_unexpected_end.to_owned(),
        SyntaxKind::MissingColon => strings.syntax_missing_colon.to_owned(),
        SyntaxKind::MissingComma => strings.syntax_missing_comma.to_owned(),
        SyntaxKind::MissingBracket(bracket) => fill(
            strings.syntax_missing_bracket,
            &[("bracket", &bracket.to_string())],
        ),
        SyntaxKind::UnclosedString => strings.syntax_unclosed_string.to_owned(),
        SyntaxKind::UnclosedComment => strings.syntax_unclosed_comment.to_owned(),
        SyntaxKind::UnexpectedChar(c) => fill(
            strings.syntax_unexpected_char,
            &[("char", &c.escape_debug().to_string())],
        ),
        SyntaxKind::TrailingCharacters => strings.syntax_trailing.to_owned(),
        SyntaxKind::WrongValue => strings.syntax_wrong_value.to_owned(),
        SyntaxKind::MissingField(name) => {
            fill(strings.syntax_missing_field, &[("name", &shown(name))])
        }
        SyntaxKind::UnknownField(name) => {
            fill(strings.syntax_unknown_field, &[("name", &shown(name))])
        }
        SyntaxKind::DuplicateField(name) => {
            fill(strings.syntax_duplicate_field, &[("name", &shown(name))])
        }
        SyntaxKind::UnknownVariant(name) => {
            fill(strings.syntax_unknown_value, &[("name", &shown(name))])
        }
        SyntaxKind::NumberOutOfRange => strings.syntax_number_out_of_range.to_owned(),
        SyntaxKind::TooDeep => strings.syntax_too_deep.to_owned(),
        SyntaxKind::InvalidEscape => strings.syntax_invalid_escape.to_owned(),
        SyntaxKind::Other => shown_message(message),
    }
}

/// The parser's own message, for the errors without a phrase of ours (kept short).
fn shown_message(message: &str) -> String {
    let clean = clean_text(message, false);
    let clean = clean.as_deref().unwrap_or(message);
    let mut shown: String = clean.chars().take(200).collect();
    if clean.chars().count() > 200 {
        shown.push('…');
    }
    shown
}

/// Why an image was refused, in the UI language.
pub fn photo_error_text(error: &crate::drawing::photo::PhotoError, strings: &Strings) -> String {
    use crate::drawing::photo::PhotoError;
    match error {
        PhotoError::FileTooLarge { size, limit } => fill(
            strings.photo_too_large,
            &[("size", &human_size(*size)), ("limit", &human_size(*limit))],
        ),
        PhotoError::NotAnImage => strings.photo_not_image.to_owned(),
        PhotoError::TooManyPixels { width, height } => fill(
            strings.photo_too_many_pixels,
            &[
                ("width", &width.to_string()),
                ("height", &height.to_string()),
            ],
        ),
        PhotoError::Damaged(detail) => fill(strings.photo_damaged, &[("detail", detail)]),
        PhotoError::Encode(detail) | PhotoError::Io(detail) => {
            fill(strings.photo_other, &[("detail", detail)])
        }
    }
}

pub fn item_title<'a>(target: &'a NoteTarget, curriculum: &'a Curriculum) -> &'a str {
    match target {
        NoteTarget::Item(id) => curriculum
            .item(id)
            .map_or(id.as_str(), |(_, item)| item.title.as_str()),
        NoteTarget::Chapter(id) => curriculum
            .chapter(id)
            .map_or(id.as_str(), |chapter| chapter.title.as_str()),
    }
}

/// Why a plan file could not be read (or a plan set), in the UI language.
pub fn plan_error_text(error: &crate::plan::PlanError, strings: &Strings) -> String {
    use crate::plan::PlanError;
    log::warn!("a plan could not be read: {error}");
    match error {
        PlanError::TooLarge { size, limit } => fill(
            strings.plan_err_too_large,
            &[("size", &human_size(*size)), ("limit", &human_size(*limit))],
        ),
        PlanError::NotAFile(kind) => fill(
            strings.plan_err_not_a_file,
            &[("kind", file_kind_text(*kind, strings))],
        ),
        PlanError::Empty => strings.plan_err_empty.to_owned(),
        PlanError::NotText(offset) => fill(
            strings.plan_err_not_text,
            &[("offset", &offset.to_string())],
        ),
        PlanError::ProgressFile => strings.plan_err_progress.to_owned(),
        PlanError::Syntax { line, col, message } => fill(
            strings.plan_err_syntax,
            &[
                ("line", &line.to_string()),
                ("col", &col.to_string()),
                ("message", message),
            ],
        ),
        PlanError::TooNew { found, supported } => fill(
            strings.plan_err_too_new,
            &[
                ("found", &found.to_string()),
                ("supported", &supported.to_string()),
            ],
        ),
        PlanError::UnknownVersion(version) => fill(
            strings.plan_err_unknown_version,
            &[("version", &version.to_string())],
        ),
        PlanError::EndBeforeStart { start, end } => fill(
            strings.plan_err_end_before_start,
            &[("start", &start.to_string()), ("end", &end.to_string())],
        ),
        PlanError::TooLong { days, limit } => fill(
            strings.plan_err_too_long,
            &[("days", &days.to_string()), ("limit", &limit.to_string())],
        ),
        PlanError::TooManyChapters { count, limit } => fill(
            strings.plan_err_too_many,
            &[("count", &count.to_string()), ("limit", &limit.to_string())],
        ),
        PlanError::Io(error) => fill(strings.plan_err_io, &[("error", &error.to_string())]),
        PlanError::Write(error) => fill(strings.plan_err_io, &[("error", error)]),
    }
}

/// What reading a plan file cleaned, in the UI language.
pub fn plan_repair_text(repair: &crate::plan::PlanRepair, strings: &Strings) -> String {
    use crate::plan::PlanRepair;
    match repair {
        PlanRepair::BadChapterId(id) => fill(strings.plan_repair_bad_id, &[("id", id)]),
        PlanRepair::DuplicateChapter(id) => fill(strings.plan_repair_duplicate, &[("id", id)]),
        PlanRepair::DueMoved { chapter, from, to } => fill(
            strings.plan_repair_due_moved,
            &[
                ("chapter", chapter),
                ("from", &from.to_string()),
                ("to", &to.to_string()),
            ],
        ),
        PlanRepair::AuthorCleaned => strings.plan_repair_author.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_read_in_the_ui_language() {
        use crate::i18n::{EN, ZH};
        let error = |kind: SyntaxKind| FormatError::Syntax {
            line: 1,
            col: 32,
            kind,
            message: "Expected colon".to_owned(),
        };
        assert_eq!(
            format_error_text(&error(SyntaxKind::MissingColon), &ZH),
            "文件内容有误，第 1 行第 32 列：缺少冒号"
        );
        assert_eq!(
            format_error_text(&error(SyntaxKind::MissingColon), &EN),
            "the file is malformed at line 1, column 32: a colon is missing"
        );
        assert_eq!(
            format_error_text(&error(SyntaxKind::MissingBracket(')')), &ZH),
            "文件内容有误，第 1 行第 32 列：缺少“)”"
        );
        assert_eq!(
            format_error_text(
                &error(SyntaxKind::UnknownVariant("Finished".to_owned())),
                &ZH
            ),
            "文件内容有误，第 1 行第 32 列：未知的取值“Finished”"
        );
        assert_eq!(
            format_error_text(&error(SyntaxKind::UnexpectedChar('\u{7}')), &EN),
            "the file is malformed at line 1, column 32: the character “\\u{7}” does not belong here"
        );
        // No phrase of ours: the parser's own words.
        let other = FormatError::Syntax {
            line: 3,
            col: 7,
            kind: SyntaxKind::Other,
            message: "invalid timestamp: \u{202e}bad".to_owned(),
        };
        assert_eq!(
            format_error_text(&other, &ZH),
            "文件内容有误，第 3 行第 7 列：invalid timestamp: bad"
        );
        // Every kind has a phrase in both languages, with its placeholders filled.
        let kinds = [
            SyntaxKind::UnexpectedEnd,
            SyntaxKind::MissingColon,
            SyntaxKind::MissingComma,
            SyntaxKind::MissingBracket('['),
            SyntaxKind::UnclosedString,
            SyntaxKind::UnclosedComment,
            SyntaxKind::UnexpectedChar('@'),
            SyntaxKind::TrailingCharacters,
            SyntaxKind::WrongValue,
            SyntaxKind::MissingField("student".to_owned()),
            SyntaxKind::UnknownField("x".to_owned()),
            SyntaxKind::DuplicateField("x".to_owned()),
            SyntaxKind::UnknownVariant("x".to_owned()),
            SyntaxKind::NumberOutOfRange,
            SyntaxKind::TooDeep,
            SyntaxKind::InvalidEscape,
        ];
        for kind in kinds {
            for strings in [&ZH, &EN] {
                let text = format_error_text(&error(kind.clone()), strings);
                assert!(!text.contains('{') && !text.contains("Expected"), "{text}");
            }
        }
    }

    #[test]
    fn too_many_names_what() {
        use crate::i18n::{EN, ZH};
        let error = FormatError::TooManyItems {
            what: Counted::Drawings,
            count: 17,
            limit: 16,
        };
        assert_eq!(
            format_error_text(&error, &ZH),
            "流程图太多（17 个，上限 16）"
        );
        assert_eq!(
            format_error_text(&error, &EN),
            "too many drawings (17; the limit is 16)"
        );
    }
}
