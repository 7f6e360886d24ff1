//! Views for files between students and mentors: the name prompt, the import preview, the
//! read-only banner, and the messages for files that cannot be read.

use std::path::Path;

use crate::curriculum::Curriculum;
use crate::exchange::{Change, ImportPreview, Owner};
use crate::format::{Counted, FormatError, ProgressFile, Repair, SyntaxKind, clean_text};
use crate::progress::{ItemState, NoteTarget, SetAside};

use super::app::Action;
use super::i18n::{Strings, fill};
use super::{local_time, theme};

/// Changes listed in the preview; the rest are counted.
const PREVIEW_MAX_CHANGES: usize = 12;

/// Asks for the student's name until one is saved (non-blocking, above the roadmap).
pub fn name_prompt_ui(
    ui: &mut egui::Ui,
    draft: &mut String,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.label(strings.name_prompt);
        let label = ui.label(strings.name_label);
        let response = ui
            .add(egui::TextEdit::singleline(draft).desired_width(160.0))
            .labelled_by(label.id);
        let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(strings.save_name).clicked() || submitted) && !draft.trim().is_empty() {
            actions.push(Action::SetName(draft.trim().to_owned()));
        }
    });
}

/// The banner while another student's file is shown.
pub fn viewing_banner_ui(
    ui: &mut egui::Ui,
    file: &ProgressFile,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    let palette = theme::palette(ui.visuals());
    ui.horizontal(|ui| {
        let name = display_name(file, strings);
        ui.label(
            egui::RichText::new(fill(strings.viewing, &[("name", name)]))
                .strong()
                .color(palette.elective),
        );
        if ui.button(strings.close_view).clicked() {
            actions.push(Action::CloseView);
        }
    });
}

/// The name to show for a file's student.
pub fn display_name<'a>(file: &'a ProgressFile, strings: &'a Strings) -> &'a str {
    if file.student.name.trim().is_empty() {
        strings.unnamed
    } else {
        &file.student.name
    }
}

/// The preview shown before an import changes anything.
pub fn import_preview_ui(
    ctx: &egui::Context,
    preview: &ImportPreview,
    source: &Path,
    curriculum: &Curriculum,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    let modal = egui::Modal::new(egui::Id::unique("import_preview")).show(ctx, |ui| {
        ui.set_max_width(theme::PREVIEW_WIDTH);
        ui.heading(strings.preview_title);
        let file = &preview.file;
        ui.label(fill(
            strings.preview_whose,
            &[
                ("name", display_name(file, strings)),
                ("path", &source.display().to_string()),
            ],
        ));
        let saved = file.saved_at.map_or_else(|| "-".to_owned(), local_time);
        ui.label(fill(
            strings.preview_progress,
            &[
                ("complete", &preview.completion.complete().to_string()),
                ("total", &preview.completion.total.to_string()),
                ("done", &preview.completion.done.to_string()),
                ("skipped", &preview.completion.skipped.to_string()),
                ("saved", &saved),
            ],
        ));
        ui.separator();
        match preview.owner {
            Owner::Same => {
                ui.label(strings.preview_same);
                if preview.changes.is_empty() {
                    ui.label(strings.preview_no_changes);
                } else {
                    ui.label(fill(
                        strings.preview_changes,
                        &[("count", &preview.changes.len().to_string())],
                    ));
                    for change in preview.changes.iter().take(PREVIEW_MAX_CHANGES) {
                        ui.label(format!("• {}", change_text(change, curriculum, strings)));
                    }
                    if preview.changes.len() > PREVIEW_MAX_CHANGES {
                        let more = preview.changes.len() - PREVIEW_MAX_CHANGES;
                        ui.label(fill(strings.preview_more, &[("count", &more.to_string())]));
                    }
                }
            }
            Owner::Other => {
                ui.label(strings.preview_other);
            }
        }
        if !preview.set_aside.is_empty() {
            ui.label(
                egui::RichText::new(strings.set_aside_heading)
                    .color(theme::palette(ui.visuals()).warning),
            );
            for entry in preview.set_aside.iter().take(PREVIEW_MAX_CHANGES) {
                ui.label(format!("• {}", set_aside_text(entry, curriculum, strings)));
            }
            if preview.set_aside.len() > PREVIEW_MAX_CHANGES {
                let more = preview.set_aside.len() - PREVIEW_MAX_CHANGES;
                ui.label(fill(strings.preview_more, &[("count", &more.to_string())]));
            }
        }
        if !preview.unknown_items.is_empty() {
            ui.label(fill(
                strings.preview_unknown,
                &[("count", &preview.unknown_items.len().to_string())],
            ));
        }
        if !preview.repairs.is_empty() {
            ui.label(
                egui::RichText::new(strings.preview_repairs)
                    .color(theme::palette(ui.visuals()).warning),
            );
            for repair in &preview.repairs {
                ui.label(format!("• {}", repair_text(repair, curriculum, strings)));
            }
        }
        ui.separator();
        ui.horizontal(|ui| {
            match preview.owner {
                Owner::Same => {
                    if ui.button(strings.merge).clicked() {
                        actions.push(Action::ConfirmMerge);
                    }
                }
                Owner::Other => {
                    if ui.button(strings.view_read_only).clicked() {
                        actions.push(Action::ViewImported);
                    }
                    if ui
                        .button(strings.replace_mine)
                        .on_hover_text(strings.replace_hint)
                        .clicked()
                    {
                        actions.push(Action::ReplaceWithImported);
                    }
                }
            }
            if ui.button(strings.cancel).clicked() {
                actions.push(Action::CancelImport);
            }
        });
    });
    if modal.should_close() {
        actions.push(Action::CancelImport);
    }
}

/// One set-aside entry of the preview, in the UI language.
fn set_aside_text(entry: &SetAside, curriculum: &Curriculum, strings: &Strings) -> String {
    let item = |id: &crate::curriculum::ItemId| {
        curriculum
            .item(id)
            .map_or(id.as_str(), |(_, item)| item.title.as_str())
            .to_owned()
    };
    match entry {
        SetAside::NoteVersion(target, note) => fill(
            strings.set_aside_note,
            &[
                ("target", item_title(target, curriculum)),
                ("size", &human_size(note.text.len() as u64)),
            ],
        ),
        SetAside::Item(id, _) => fill(strings.set_aside_item, &[("target", &item(id))]),
        SetAside::ChapterNote(id, note) => fill(
            strings.set_aside_note,
            &[
                (
                    "target",
                    item_title(&NoteTarget::Chapter(id.clone()), curriculum),
                ),
                ("size", &human_size(note.text.len() as u64)),
            ],
        ),
        SetAside::Drawing(id, _) => fill(strings.set_aside_drawing, &[("target", &item(id))]),
        SetAside::Feedback(feedback) => {
            fill(strings.set_aside_feedback, &[("mentor", &feedback.mentor)])
        }
    }
}

fn item_title<'a>(target: &'a NoteTarget, curriculum: &'a Curriculum) -> &'a str {
    match target {
        NoteTarget::Item(id) => curriculum
            .item(id)
            .map_or(id.as_str(), |(_, item)| item.title.as_str()),
        NoteTarget::Chapter(id) => curriculum
            .chapter(id)
            .map_or(id.as_str(), |chapter| chapter.title.as_str()),
    }
}

/// The name of a state in the UI language.
pub fn state_name(state: ItemState, strings: &Strings) -> &'static str {
    match state {
        ItemState::NotStarted => strings.state_not_started,
        ItemState::InProgress => strings.state_in_progress,
        ItemState::Done => strings.state_done,
        ItemState::Skipped => strings.state_skipped,
    }
}

fn change_text(change: &Change, curriculum: &Curriculum, strings: &Strings) -> String {
    match change {
        Change::State { id, from, to } => fill(
            strings.change_state,
            &[
                (
                    "item",
                    item_title(&NoteTarget::Item(id.clone()), curriculum),
                ),
                ("from", state_name(*from, strings)),
                ("to", state_name(*to, strings)),
            ],
        ),
        Change::NoteAdded(target) => fill(
            strings.change_note_added,
            &[("item", item_title(target, curriculum))],
        ),
        Change::NoteMerged(target) => fill(
            strings.change_note_merged,
            &[("item", item_title(target, curriculum))],
        ),
        Change::FeedbackAdded(mentor) => fill(strings.change_feedback, &[("mentor", mentor)]),
    }
}

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

/// Most bytes of UTF-8 a person's name takes in a file name. File systems allow 255 bytes
/// per name; the date, an id and the extension need the rest.
pub const MAX_NAME_BYTES_IN_FILE_NAME: usize = 100;

/// `张三-2026-11-29.scprogress`: the name made safe for every file system (see
/// [`file_name_part`]), and the date.
pub fn suggested_file_name(name: &str, date: &str, extension: &str, fallback: &str) -> String {
    format!("{}-{date}.{extension}", file_name_part(name, fallback))
}

/// `name` made into part of a file name that every file system accepts: no control
/// characters or `\ / : * ? " < > |` (each becomes `_`), no leading or trailing dots and
/// spaces, at most [`MAX_NAME_BYTES_IN_FILE_NAME`] bytes (cut between characters), never a
/// name Windows reserves (`CON`, `NUL.txt`, `COM1`…: prefixed with `_`). `fallback` when
/// nothing is left.
pub fn file_name_part(name: &str, fallback: &str) -> String {
    let replaced: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trim = |text: &str| {
        text.trim_matches(|c: char| c == '.' || c.is_whitespace())
            .to_owned()
    };
    let cut = trim(cut_to_bytes(&trim(&replaced), MAX_NAME_BYTES_IN_FILE_NAME));
    let part = if cut.trim_matches('_').is_empty() {
        trim(cut_to_bytes(fallback, MAX_NAME_BYTES_IN_FILE_NAME))
    } else {
        cut
    };
    if is_reserved_on_windows(&part) {
        format!("_{part}")
    } else {
        part
    }
}

/// The longest start of `text` of at most `max` bytes that ends between two characters.
fn cut_to_bytes(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// Whether Windows treats a file whose name starts with `part` (up to its first dot) as a
/// device: `CON`, `PRN`, `AUX`, `NUL`, `COM0`–`COM9`, `LPT0`–`LPT9` (also with ¹²³), `CONIN$`,
/// `CONOUT$`, in any case, with or without an extension.
fn is_reserved_on_windows(part: &str) -> bool {
    let stem = part.split('.').next().unwrap_or_default().trim_end();
    let upper = stem.to_ascii_uppercase();
    let numbered = |prefix: &str| {
        upper.strip_prefix(prefix).is_some_and(|rest| {
            let mut chars = rest.chars();
            matches!(
                (chars.next(), chars.next()),
                (Some('0'..='9' | '¹' | '²' | '³'), None)
            )
        })
    };
    matches!(
        upper.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) || numbered("COM")
        || numbered("LPT")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            suggested_file_name("张三", "2026-11-29", "scprogress", "学习进度"),
            "张三-2026-11-29.scprogress"
        );
        assert_eq!(
            suggested_file_name("../a:b", "2026-11-29", "md", "学习进度"),
            "_a_b-2026-11-29.md",
            "no leading dot: the file would be hidden"
        );
        assert_eq!(
            suggested_file_name("  ", "2026-11-29", "md", "学习进度"),
            "学习进度-2026-11-29.md"
        );
    }

    #[test]
    fn long_names_are_cut_between_characters() {
        let name = "😀".repeat(64);
        let file = suggested_file_name(&name, "2026-11-29", "scprogress", "学习进度");
        let part = file.strip_suffix("-2026-11-29.scprogress").unwrap();
        assert_eq!(part, "😀".repeat(25), "100 bytes of four-byte characters");
        assert!(file.len() <= MAX_NAME_BYTES_IN_FILE_NAME + 30);

        let mixed = format!("a{}", "张".repeat(60));
        let part = file_name_part(&mixed, "x");
        assert_eq!(
            part.len(),
            1 + 33 * 3,
            "cut before the character that crosses 100"
        );
        assert!(part.starts_with('a') && part.ends_with('张'));
    }

    #[test]
    fn names_are_safe_on_windows() {
        for bad in [
            "a\\b", "a/b", "a:b", "a*b", "a?b", "a\"b", "a<b", "a>b", "a|b", "a\u{7}b",
        ] {
            assert_eq!(file_name_part(bad, "x"), "a_b", "{bad:?}");
        }
        assert_eq!(
            file_name_part("张三. ", "x"),
            "张三",
            "no trailing dot or space"
        );
        assert_eq!(file_name_part(" .张三", "x"), "张三");
        // A cut never leaves a trailing dot or space either.
        let dotted = format!("{}. 尾", "a".repeat(99));
        assert_eq!(file_name_part(&dotted, "x"), "a".repeat(99));
        for reserved in [
            "CON",
            "con",
            "Nul.txt",
            "COM1",
            "lpt9.tar.gz",
            "AUX ",
            "COM¹",
            "conin$",
        ] {
            let part = file_name_part(reserved, "x");
            assert!(part.starts_with('_'), "{reserved:?} gave {part:?}");
        }
        for fine in ["CONTROL", "COM10", "NULL", "张三", "con-2026"] {
            assert_eq!(file_name_part(fine, "x"), fine);
        }
        assert_eq!(
            suggested_file_name("con.txt", "2026-11-29", "md", "x"),
            "_con.txt-2026-11-29.md"
        );
        assert_eq!(file_name_part("...", "学习进度"), "学习进度");
        assert_eq!(file_name_part("", "学习进度"), "学习进度");
    }

    #[test]
    fn syntax_errors_read_in_the_ui_language() {
        use crate::ui::i18n::{EN, ZH};
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
        use crate::ui::i18n::{EN, ZH};
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
