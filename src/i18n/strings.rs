//! The text of one language: every string the app shows or writes, by name.

use crate::format::Student;
use crate::progress::ItemState;

/// All UI text of one language.
#[derive(Debug)]
pub struct Strings {
    /// Shown in the top bar.
    pub app_title: &'static str,
    /// Label of the overall progress bar.
    pub overall_progress: &'static str,
    /// Heading of the chapter list.
    pub chapters: &'static str,
    /// Badge of an elective chapter.
    pub elective: &'static str,
    /// Badge of a task item.
    pub task: &'static str,
    /// Caption under the example diagram of a task.
    pub example_caption: &'static str,
    /// Label of a block of curriculum text that is ours, not the studio's (`::: ours`).
    pub editorial_note: &'static str,
    /// The links menu of an item: `{count}`.
    pub links_menu: &'static str,
    /// Open a link.
    pub open: &'static str,
    /// Copy a link.
    pub copy: &'static str,
    /// Notice after copying: `{url}`.
    pub copied: &'static str,
    /// Notice for a refused link: `{url}`, `{reason}`.
    pub link_refused: &'static str,
    /// Notice when the browser could not be started: `{url}`, `{error}`.
    pub browser_failed: &'static str,
    /// Close a notice.
    pub dismiss: &'static str,
    /// The settings menu.
    pub settings: &'static str,
    /// The language submenu.
    pub language: &'static str,
    /// Expand every chapter.
    pub expand_all: &'static str,
    /// Collapse every chapter.
    pub collapse_all: &'static str,
    /// Progress counts: `{complete}`, `{total}`.
    pub count: &'static str,
    /// Jump to where the student left off.
    pub continue_button: &'static str,
    /// Tooltip of the continue button.
    pub continue_hint: &'static str,
    /// The search command (Ctrl+F).
    pub search: &'static str,
    /// Label of the search field.
    pub search_field: &'static str,
    /// Hint in the empty search field: what is searched, and that pinyin works.
    pub search_hint: &'static str,
    /// Nothing matched: `{query}`.
    pub search_none: &'static str,
    /// How many places matched: `{count}`.
    pub search_count: &'static str,
    /// Only the first hits are listed: `{shown}`.
    pub search_more: &'static str,
    /// The keys of the search window.
    pub search_keys: &'static str,
    /// Where a hit matched: the student's note.
    pub search_in_note: &'static str,
    /// Where a hit matched: a mentor's comment.
    pub search_in_feedback: &'static str,
    /// Where a hit matched: the chapter's or item's text.
    pub search_in_text: &'static str,
    /// Where a hit matched: a link's title.
    pub search_in_link: &'static str,
    /// Where a hit matched: a link's address.
    pub search_in_url: &'static str,
    /// The title of a hit in a mentor's overall comment.
    pub search_overall: &'static str,
    /// State button: in progress.
    pub in_progress: &'static str,
    /// State button: skipped.
    pub skip: &'static str,
    /// Badge of a skipped item.
    pub skipped_badge: &'static str,
    /// Chapter action: skip every item.
    pub skip_chapter: &'static str,
    /// Chapter action: undo skipping.
    pub unskip_chapter: &'static str,
    /// Open the note editor of an item or chapter.
    pub note_button: &'static str,
    /// Same, when a note exists.
    pub note_button_filled: &'static str,
    /// Accessible label of the note editor.
    pub note_editor: &'static str,
    /// Placeholder in an empty note.
    pub note_hint: &'static str,
    /// An image in a note, shown as its alt text (never loaded): `{alt}`.
    pub note_image: &'static str,
    /// An image in a note that has no alt text.
    pub note_image_untitled: &'static str,
    /// Heading of the rendered preview.
    pub note_preview: &'static str,
    /// Close the note editor.
    pub done_editing: &'static str,
    /// Heading of a chapter note.
    pub chapter_note: &'static str,
    /// Time an item was started: `{time}`.
    pub started: &'static str,
    /// Time an item was finished: `{time}`.
    pub finished: &'static str,
    /// Time a note was edited: `{time}`.
    pub note_edited: &'static str,
    /// Heading of progress for items the curriculum no longer has.
    pub orphans_title: &'static str,
    /// Explanation under it.
    pub orphans_hint: &'static str,
    /// State name.
    pub state_not_started: &'static str,
    /// State name.
    pub state_in_progress: &'static str,
    /// State name.
    pub state_done: &'static str,
    /// State name.
    pub state_skipped: &'static str,
    /// No per-user data folder could be found.
    pub no_data_folder: &'static str,
    /// The data folder cannot be used: `{error}`.
    pub storage_unusable: &'static str,
    /// Damaged file moved aside, backup loaded: `{reason}`, `{path}`.
    pub recovered_from_backup: &'static str,
    /// Damaged file moved aside, no usable backup: `{reason}`, `{path}`.
    pub recovered_empty: &'static str,
    /// Another process holds the data folder's lock: this window only shows the progress.
    /// `{holder}`, `{path}`.
    pub data_folder_in_use: &'static str,
    /// The holder of the lock is another window: `{pid}`.
    pub holder_app: &'static str,
    /// The holder of the lock is a command: `{command}`, `{pid}`.
    pub holder_command: &'static str,
    /// The lock was released: this window now saves.
    pub data_folder_free: &'static str,
    /// The import preview: what does not fit in one progress file and will be kept apart.
    pub set_aside_heading: &'static str,
    /// A note version kept apart: `{target}`, `{size}`.
    pub set_aside_note: &'static str,
    /// An item kept apart: `{target}`.
    pub set_aside_item: &'static str,
    /// A drawing kept apart: `{target}`.
    pub set_aside_drawing: &'static str,
    /// Feedback kept apart: `{mentor}`.
    pub set_aside_feedback: &'static str,
    /// After a merge: where what was set aside is kept: `{path}`.
    pub set_aside_kept: &'static str,
    /// Writing what was set aside failed; nothing was merged: `{error}`.
    pub set_aside_failed: &'static str,
    /// A path names no regular file: `{kind}`.
    pub error_not_a_file: &'static str,
    /// A folder (in `error_not_a_file`).
    pub kind_folder: &'static str,
    /// A named pipe.
    pub kind_fifo: &'static str,
    /// A device.
    pub kind_device: &'static str,
    /// Another special file.
    pub kind_special: &'static str,
    /// The canvas refused a stroke: the sketch is as large as a progress file allows.
    pub canvas_full: &'static str,
    /// A note was cut to the longest length a progress file keeps: `{limit}`.
    pub note_too_long: &'static str,
    /// The feedback drafts file was unreadable and set aside: `{reason}`, `{path}`.
    pub drafts_recovered: &'static str,
    /// Damaged file could not be moved: `{reason}`, `{error}`, `{path}`.
    pub damaged_not_moved: &'static str,
    /// Saving failed: `{error}`.
    pub save_failed: &'static str,
    /// Saving works again.
    pub save_recovered: &'static str,
    /// Where progress is saved: `{path}`.
    pub data_folder: &'static str,
    /// The export menu.
    pub export_menu: &'static str,
    /// Export the progress file.
    pub export_progress: &'static str,
    /// Export a Markdown summary.
    pub export_markdown: &'static str,
    /// Import a progress file.
    pub import_button: &'static str,
    /// Tooltip with a shortcut: `{keys}`.
    pub shortcut_hint: &'static str,
    /// File-type name in dialogs.
    pub progress_file_kind: &'static str,
    /// File-type name in dialogs.
    pub markdown_kind: &'static str,
    /// Asks for the student's name once.
    pub name_prompt: &'static str,
    /// Label of the name field.
    pub name_label: &'static str,
    /// Save the name.
    pub save_name: &'static str,
    /// Notice after an export: `{path}`.
    pub exported: &'static str,
    /// Notice when an export fails: `{error}`.
    pub export_failed: &'static str,
    /// Notice when a file cannot be imported: `{path}`, `{error}`.
    pub import_failed: &'static str,
    /// Title of the import preview.
    pub preview_title: &'static str,
    /// Whose file: `{name}`, `{path}`.
    pub preview_whose: &'static str,
    /// Their progress: `{complete}` `{total}` `{done}` `{skipped}` `{saved}`.
    pub preview_progress: &'static str,
    /// Explains a merge.
    pub preview_same: &'static str,
    /// Explains viewing another student's file.
    pub preview_other: &'static str,
    /// Number of changes: `{count}`.
    pub preview_changes: &'static str,
    /// Nothing to merge.
    pub preview_no_changes: &'static str,
    /// More changes not listed: `{count}`.
    pub preview_more: &'static str,
    /// Items unknown to the curriculum: `{count}`.
    pub preview_unknown: &'static str,
    /// Heading of the repairs list.
    pub preview_repairs: &'static str,
    /// Confirm a merge.
    pub merge: &'static str,
    /// View another student's file.
    pub view_read_only: &'static str,
    /// Replace own progress with the file.
    pub replace_mine: &'static str,
    /// Tooltip of replace.
    pub replace_hint: &'static str,
    /// Cancel.
    pub cancel: &'static str,
    /// Notice after a merge: `{count}`.
    pub merged: &'static str,
    /// Notice after replacing.
    pub replaced: &'static str,
    /// Undo the last import.
    pub undo_import: &'static str,
    /// Notice after undo.
    pub undone: &'static str,
    /// Banner while viewing another student's file: `{name}`.
    pub viewing: &'static str,
    /// Stop viewing.
    pub close_view: &'static str,
    /// Name shown for a student without one.
    pub unnamed: &'static str,
    /// A state change: `{item}` `{from}` `{to}`.
    pub change_state: &'static str,
    /// A new note: `{item}`.
    pub change_note_added: &'static str,
    /// A merged note: `{item}`.
    pub change_note_merged: &'static str,
    /// Repair.
    pub repair_name_cleaned: &'static str,
    /// Repair: `{chars}`.
    pub repair_name_truncated: &'static str,
    /// Repair: `{item}`.
    pub repair_note_cleaned: &'static str,
    /// Repair: `{item}`, `{size}`.
    pub repair_note_too_long: &'static str,
    /// Repair: `{id}`.
    pub repair_invalid_id: &'static str,
    /// Format error: `{size}`, `{limit}`.
    pub error_too_large: &'static str,
    /// Format error.
    pub error_empty: &'static str,
    /// Format error: `{byte}`.
    pub error_not_text: &'static str,
    /// Format error: `{line}`, `{col}`, `{message}`.
    pub error_syntax: &'static str,
    /// Format error: `{found}`, `{supported}`.
    pub error_too_new: &'static str,
    /// Format error: `{found}`.
    pub error_unknown_version: &'static str,
    /// Format error: `{what}` (one of the `counted_*` words), `{count}`, `{limit}`.
    pub error_too_many: &'static str,
    /// What a file has too many of: items with progress.
    pub counted_items: &'static str,
    /// What a file has too many of: chapter notes.
    pub counted_chapter_notes: &'static str,
    /// What a file has too many of: drawings.
    pub counted_drawings: &'static str,
    /// What a file has too many of: mentor feedback entries.
    pub counted_feedback: &'static str,
    /// Syntax error: the file ends too early.
    pub syntax_unexpected_end: &'static str,
    /// Syntax error: a `:` is missing.
    pub syntax_missing_colon: &'static str,
    /// Syntax error: a `,` is missing.
    pub syntax_missing_comma: &'static str,
    /// Syntax error: a bracket is missing: `{bracket}`.
    pub syntax_missing_bracket: &'static str,
    /// Syntax error: a string has no closing quote.
    pub syntax_unclosed_string: &'static str,
    /// Syntax error: a comment is not closed.
    pub syntax_unclosed_comment: &'static str,
    /// Syntax error: a character out of place: `{char}`.
    pub syntax_unexpected_char: &'static str,
    /// Syntax error: text after the end.
    pub syntax_trailing: &'static str,
    /// Syntax error: a value of the wrong type.
    pub syntax_wrong_value: &'static str,
    /// Syntax error: a required field is missing: `{name}`.
    pub syntax_missing_field: &'static str,
    /// Syntax error: a field the format does not have: `{name}`.
    pub syntax_unknown_field: &'static str,
    /// Syntax error: a field given twice: `{name}`.
    pub syntax_duplicate_field: &'static str,
    /// Syntax error: a value not among the allowed names: `{name}`.
    pub syntax_unknown_value: &'static str,
    /// Syntax error: a number out of range.
    pub syntax_number_out_of_range: &'static str,
    /// Syntax error: nested too deeply.
    pub syntax_too_deep: &'static str,
    /// Syntax error: an invalid escape sequence in a string.
    pub syntax_invalid_escape: &'static str,
    /// Format error.
    pub error_student_id: &'static str,
    /// Format error: `{error}`.
    pub error_io: &'static str,
    /// Repair: `{item}`, `{reason}`.
    pub repair_image_damaged: &'static str,
    /// Repair: `{item}`.
    pub repair_sketch_invalid: &'static str,
    /// Repair: `{item}`.
    pub repair_labels_cleaned: &'static str,
    /// Repair: `{mentor}`.
    pub repair_feedback_cleaned: &'static str,
    /// Repair: `{mentor}`, `{size}`.
    pub repair_feedback_too_long: &'static str,
    /// Repair: `{field}` (`app_version` or `curriculum_version`).
    pub repair_version_cleaned: &'static str,
    /// Repair: `{item}`.
    pub repair_last_touched_unknown: &'static str,
    /// Heading of the task's drawing panel.
    pub drawing_heading: &'static str,
    /// When nothing is attached yet.
    pub drawing_none: &'static str,
    /// Attach a photo.
    pub attach_photo: &'static str,
    /// Replace the photo.
    pub replace_photo: &'static str,
    /// Paste an image.
    pub paste_image: &'static str,
    /// Open the canvas.
    pub draw_here: &'static str,
    /// Open the canvas on the sketch.
    pub edit_sketch: &'static str,
    /// Export the drawing as PNG.
    pub export_png: &'static str,
    /// Remove the drawing.
    pub remove_drawing: &'static str,
    /// Title of the removal confirmation.
    pub confirm_remove_title: &'static str,
    /// Removal confirmation.
    pub confirm_remove: &'static str,
    /// Size of the stored image: `{width}`, `{height}`, `{size}`.
    pub drawing_info: &'static str,
    /// Tooltip of the thumbnail.
    pub drawing_hint: &'static str,
    /// While an image is processed.
    pub preparing_image: &'static str,
    /// An image cannot be used: `{error}`.
    pub image_failed: &'static str,
    /// Nothing to paste.
    pub clipboard_no_image: &'static str,
    /// File-type name in dialogs.
    pub image_kind: &'static str,
    /// File-type name in dialogs.
    pub png_kind: &'static str,
    /// Title of the canvas window.
    pub canvas_title: &'static str,
    /// How to draw.
    pub canvas_hint: &'static str,
    /// Tool.
    pub tool_pen: &'static str,
    /// Tool.
    pub tool_eraser: &'static str,
    /// Tool.
    pub tool_text: &'static str,
    /// Colour.
    pub ink_black: &'static str,
    /// Colour.
    pub ink_blue: &'static str,
    /// Colour.
    pub ink_red: &'static str,
    /// Colour.
    pub ink_green: &'static str,
    /// Line width.
    pub width_thin: &'static str,
    /// Line width.
    pub width_medium: &'static str,
    /// Line width.
    pub width_thick: &'static str,
    /// Undo a stroke.
    pub undo: &'static str,
    /// Redo a stroke.
    pub redo: &'static str,
    /// Clear the page.
    pub clear: &'static str,
    /// Save the sketch and close.
    pub save_sketch: &'static str,
    /// Close without saving.
    pub discard_sketch: &'static str,
    /// Label of the text field for a label.
    pub label_text: &'static str,
    /// Add the label.
    pub add_label: &'static str,
    /// Accessible name of the page.
    pub canvas_page: &'static str,
    /// Photo error: `{size}`, `{limit}`.
    pub photo_too_large: &'static str,
    /// Photo error.
    pub photo_not_image: &'static str,
    /// Photo error: `{width}`, `{height}`.
    pub photo_too_many_pixels: &'static str,
    /// Photo error: `{detail}`.
    pub photo_damaged: &'static str,
    /// Photo error: `{detail}`.
    pub photo_other: &'static str,
    /// Open the mentor's class view.
    pub mentor_button: &'static str,
    /// Heading: `{count}` students.
    pub class_heading: &'static str,
    /// How the class view works.
    pub class_hint: &'static str,
    /// Open files.
    pub open_files: &'static str,
    /// Open a folder.
    pub open_folder: &'static str,
    /// Filter label.
    pub filter_by_name: &'static str,
    /// Inactivity threshold label.
    pub inactive_days: &'static str,
    /// Export CSV.
    pub export_csv: &'static str,
    /// Export Markdown report.
    pub export_report_md: &'static str,
    /// Leave the class view.
    pub close_class: &'static str,
    /// A file that could not be read: `{file}`, `{error}`.
    pub class_problem: &'static str,
    /// Files of a folder that were not read (not progress files): `{count}`, `{folder}`,
    /// `{files}` (their names).
    pub class_skipped: &'static str,
    /// Column.
    pub column_name: &'static str,
    /// Column.
    pub column_total: &'static str,
    /// Column.
    pub column_last_activity: &'static str,
    /// Column.
    pub column_drawing: &'static str,
    /// Column.
    pub column_notes: &'static str,
    /// Column: feedback in the file.
    pub column_feedback: &'static str,
    /// Tooltip of a name.
    pub open_student_hint: &'static str,
    /// A student inactive for `{days}` days.
    pub inactive_flag: &'static str,
    /// Older files of the same student: `{count}`.
    pub newer_file_flag: &'static str,
    /// File-type name in dialogs.
    pub csv_kind: &'static str,
    /// While files are read.
    pub class_loading: &'static str,
    /// A mentor's feedback in the preview: `{mentor}`.
    pub change_feedback: &'static str,
    /// A mentor's comment: `{mentor}`, `{time}`.
    pub mentor_comment: &'static str,
    /// Heading of the feedback panel: `{name}`.
    pub feedback_heading: &'static str,
    /// Label of the overall comment.
    pub feedback_overall: &'static str,
    /// Label of an item's comment: `{item}`.
    pub feedback_item: &'static str,
    /// Export the feedback file.
    pub export_feedback: &'static str,
    /// Export every student's feedback, one file each.
    pub export_all_feedback: &'static str,
    /// After exporting all feedback: `{count}`, `{folder}`.
    pub feedback_exported_all: &'static str,
    /// After exporting all feedback when some failed: `{written}` (the text above),
    /// `{count}` failed, `{list}` of `feedback_export_failure`.
    pub feedback_exported_some: &'static str,
    /// One student whose feedback file failed: `{name}`, `{error}`.
    pub feedback_export_failure: &'static str,
    /// Between the entries of a list in a sentence.
    pub list_separator: &'static str,
    /// File-type name in dialogs.
    pub feedback_kind: &'static str,
    /// A report column: the student's name.
    pub report_col_name: &'static str,
    /// A report column: the student id.
    pub report_col_id: &'static str,
    /// A CSV column: overall completion in percent.
    pub report_col_overall: &'static str,
    /// A CSV column: items done.
    pub report_col_done: &'static str,
    /// A CSV column: items skipped.
    pub report_col_skipped: &'static str,
    /// A CSV column: number of items.
    pub report_col_items: &'static str,
    /// A report column: the last activity.
    pub report_col_last_activity: &'static str,
    /// A report column: whether the workflow drawing exists.
    pub report_col_drawing: &'static str,
    /// A CSV column: whether mentor feedback exists.
    pub report_col_feedback: &'static str,
    /// A CSV column: the file read.
    pub report_col_file: &'static str,
    /// A CSV column: the chapter.
    pub report_col_chapter: &'static str,
    /// A CSV column: the item id.
    pub report_col_item_id: &'static str,
    /// A CSV column: the item.
    pub report_col_item: &'static str,
    /// A CSV column: the item's state.
    pub report_col_state: &'static str,
    /// A CSV column: when the item was started.
    pub report_col_started: &'static str,
    /// A CSV column: when the item was finished.
    pub report_col_finished: &'static str,
    /// A CSV column: the note's length in characters.
    pub report_col_note_chars: &'static str,
    /// A report cell: yes.
    pub report_yes: &'static str,
    /// A report cell: no.
    pub report_no: &'static str,
    /// Title of the class report.
    pub report_title: &'static str,
    /// First line of the class report.
    pub report_intro: &'static str,
    /// Heading of the chapter legend in the class report.
    pub report_chapters: &'static str,
    /// Heading: several files of one student.
    pub report_duplicates: &'static str,
    /// One student with several files.
    pub report_duplicate_line: &'static str,
    /// Heading: files that could not be read.
    pub report_unreadable: &'static str,
    /// One file that could not be read.
    pub report_problem_line: &'static str,
    /// Title of a Markdown summary without a name.
    pub summary_default_title: &'static str,
    /// Title of a Markdown summary.
    pub summary_title: &'static str,
    /// Overall line of a Markdown summary.
    pub summary_overall: &'static str,
    /// When a Markdown summary was exported.
    pub summary_exported: &'static str,
    /// The roadmap version of a Markdown summary.
    pub summary_version: &'static str,
    /// The legend of a Markdown summary's marks.
    pub summary_legend: &'static str,
    /// A chapter heading in a Markdown summary.
    pub summary_chapter: &'static str,
    /// When an item was finished, after its title.
    pub summary_finished: &'static str,
    /// Start of the class report's file name.
    pub class_report_stem: &'static str,
    /// The mentor's feedback drafts could not be saved.
    pub drafts_save_failed: &'static str,
    /// Class table: feedback was sent to the student at `{time}`.
    pub feedback_sent_at: &'static str,
    /// Class table: tooltip of the feedback column without a sent file.
    pub feedback_received_hint: &'static str,
    /// A report column: when feedback was sent to the student.
    pub report_col_feedback_sent: &'static str,
    /// Title of the preview of a feedback file.
    pub feedback_preview_title: &'static str,
    /// Who wrote the feedback, when, and how many comments.
    pub feedback_preview_from: &'static str,
    /// The student's progress does not change when feedback is accepted.
    pub feedback_preview_unchanged: &'static str,
    /// This feedback was accepted before.
    pub feedback_preview_already: &'static str,
    /// Feedback addressed to another student.
    pub feedback_preview_other: &'static str,
    /// Button: accept the feedback.
    pub feedback_accept: &'static str,
    /// Notice after accepting feedback.
    pub feedback_accepted: &'static str,
    /// Button: close a window that changes nothing.
    pub close: &'static str,
    /// No native save dialog could be shown.
    pub dialog_unavailable_save: &'static str,
    /// No native open dialog could be shown.
    pub dialog_unavailable_open: &'static str,
    /// Title of the in-app path prompt.
    pub path_prompt_title: &'static str,
    /// Label of the path field.
    pub path_prompt_label: &'static str,
    /// Hint under the path field when opening.
    pub path_prompt_hint_open: &'static str,
    /// Button: confirm.
    pub confirm: &'static str,
    /// Button: show a written file in its folder.
    pub reveal: &'static str,
    /// The file manager could not be opened.
    pub reveal_failed: &'static str,
    /// Asked when the class view is first opened.
    pub mentor_name_prompt: &'static str,
    /// Label of the mentor's name field.
    pub mentor_name_label: &'static str,
    /// Label of the student's name field in settings.
    pub settings_name_label: &'static str,
    /// Top bar label while another student's roadmap is on screen.
    pub viewing_progress: &'static str,
    /// Top bar while the class table is on screen.
    pub class_header: &'static str,
    /// Settings: heading of the class folder section.
    pub class_folder_heading: &'static str,
    /// Settings: no class folder yet.
    pub class_folder_none: &'static str,
    /// Button: choose the class folder.
    pub class_folder_choose: &'static str,
    /// Button: stop handing in.
    pub class_folder_stop: &'static str,
    /// When the progress was last handed in.
    pub hand_in_last: &'static str,
    /// Changes not yet handed in.
    pub hand_in_pending: &'static str,
    /// The class folder cannot be reached.
    pub hand_in_problem: &'static str,
    /// Top bar: handed in at.
    pub hand_in_badge_ok: &'static str,
    /// Top bar: the class folder cannot be reached.
    pub hand_in_badge_problem: &'static str,
    /// No native folder dialog could be shown.
    pub dialog_unavailable_folder: &'static str,
    /// The settings could not be saved.
    pub profile_save_failed: &'static str,
    /// Class table: items completed since last read.
    pub change_completed: &'static str,
    /// Class table: a new workflow drawing.
    pub change_new_drawing: &'static str,
    /// Class table: notes changed.
    pub change_notes: &'static str,
    /// Class table: a student new in the class folder.
    pub change_new_student: &'static str,
    /// Class row: how many of the student's files are sync conflict copies ({count}).
    pub conflict_copies_flag: &'static str,
    /// Hover text of a class row's notes: the file used ({used}) and those ignored ({ignored}).
    pub row_files_hint: &'static str,
    /// A class file that changed moments ago and cannot be read yet ({file}).
    pub class_unsettled: &'static str,
    /// Settings: the heading over the colour themes.
    pub theme_label: &'static str,
    /// Settings: follow the system's light or dark mode.
    pub theme_system: &'static str,
    /// Settings: the light theme.
    pub theme_light: &'static str,
    /// Settings: the dark theme.
    pub theme_dark: &'static str,
    /// Settings: the heading over the text sizes (the zoom shortcuts change it too).
    pub text_size_label: &'static str,
    /// Command: open the command palette.
    pub command_palette: &'static str,
    /// Command: show every keyboard shortcut.
    pub shortcut_sheet: &'static str,
    /// Command: larger text.
    pub zoom_in: &'static str,
    /// Command: smaller text.
    pub zoom_out: &'static str,
    /// Command: text size back to 100 %.
    pub zoom_reset: &'static str,
    /// Command: always the light theme.
    pub use_light_theme: &'static str,
    /// Command: always the dark theme.
    pub use_dark_theme: &'static str,
    /// Command: the theme follows the system.
    pub use_system_theme: &'static str,
    /// Command: switch the UI language to the other one.
    pub switch_language: &'static str,
    /// Shortcut sheet: the key that moves to the next item or chapter.
    pub key_next_row: &'static str,
    /// Shortcut sheet: the key that moves to the item before.
    pub key_previous_row: &'static str,
    /// Shortcut sheet: Space ticks the item, or opens/closes the chapter.
    pub key_toggle: &'static str,
    /// Shortcut sheet: mark the item in progress.
    pub key_in_progress: &'static str,
    /// Shortcut sheet: mark the item skipped.
    pub key_skip: &'static str,
    /// Shortcut sheet: open the item's note.
    pub key_note: &'static str,
    /// Shortcut sheet: Esc leaves the row / closes the window.
    pub key_leave: &'static str,
    /// Command palette: the text field's hint.
    pub palette_hint: &'static str,
    /// Command palette: nothing matches.
    pub palette_empty: &'static str,
    /// Shortcut sheet: heading over the commands.
    pub shortcuts_commands: &'static str,
    /// Shortcut sheet: heading over the keys of the roadmap.
    pub shortcuts_rows: &'static str,
    /// Notice: the plan typed in the editor was saved, but the checks adjusted it (count: how many things).
    pub plan_saved_adjusted: &'static str,
    /// Accessible name of a chapter's bar in the side list (chapter, count: done/total).
    pub chapter_progress_name: &'static str,
    /// A study plan read where a progress file was expected (a plan not named `.scplan`, added
    /// to the class view, say).
    pub error_plan_file: &'static str,
    /// Start of a feedback file's name: `{name}-反馈`.
    pub feedback_file_stem: &'static str,
    /// Mentor name when the mentor has none.
    pub default_mentor: &'static str,
    /// A pace: on plan.
    pub pace_on: &'static str,
    /// A pace: `{count}` items behind the plan.
    pub pace_behind: &'static str,
    /// A pace: `{count}` items ahead of the plan.
    pub pace_ahead: &'static str,
    /// A report and class column: the pace against the plan.
    pub report_col_pace: &'static str,
    /// A report column: items done / items the plan expects by today.
    pub report_col_expected: &'static str,
    /// A report column: the chapter the plan has for this week.
    pub report_col_this_week: &'static str,
    /// A report column: chapters past their target date and not finished.
    pub report_col_overdue: &'static str,
    /// Beside the overall progress: `{chapter}`, the chapter the plan has for today.
    pub this_week: &'static str,
    /// Tooltip of the pace: `{done}` items done, `{expected}` expected by today, `{total}` in the plan.
    pub pace_detail: &'static str,
    /// The study plan window and its command.
    pub plan_title: &'static str,
    /// Tooltip of the plan command.
    pub plan_hint: &'static str,
    /// The plan window without a plan.
    pub plan_none: &'static str,
    /// Who made the plan: `{author}`, `{time}`.
    pub plan_from: &'static str,
    /// The plan is the person's own.
    pub plan_own: &'static str,
    /// The plan's dates: `{start}`, `{end}`.
    pub plan_range: &'static str,
    /// Plan table column: the chapter.
    pub plan_col_chapter: &'static str,
    /// Plan table column: the target date.
    pub plan_col_due: &'static str,
    /// Plan table column: items complete.
    pub plan_col_progress: &'static str,
    /// Marks a chapter past its target date (shown, never a pop-up).
    pub plan_overdue: &'static str,
    /// Marks an optional chapter in the plan; also the checkbox that makes it optional.
    pub plan_optional: &'static str,
    /// Heading of the plan editor.
    pub plan_edit: &'static str,
    /// Label of the plan's start date field.
    pub plan_start: &'static str,
    /// Label of the plan's end date field.
    pub plan_end: &'static str,
    /// Label of a chapter's target date field: `{chapter}`.
    pub plan_due_of: &'static str,
    /// Button: spread the chapters over the dates by their item counts.
    pub plan_spread: &'static str,
    /// Tooltip of the spread button.
    pub plan_spread_hint: &'static str,
    /// Button: save the plan.
    pub plan_save: &'static str,
    /// Button: remove the plan.
    pub plan_remove: &'static str,
    /// Button: share the plan as a file.
    pub plan_share: &'static str,
    /// Button: write the plan file into the class folder `{folder}`.
    pub plan_share_to_folder: &'static str,
    /// Under the share buttons: how the plan reaches the students.
    pub plan_share_hint: &'static str,
    /// Under a date field that does not read as a date: `{text}`.
    pub plan_bad_date: &'static str,
    /// Notice after the plan was saved.
    pub plan_saved: &'static str,
    /// Notice after the plan was removed: `{path}` keeps it.
    pub plan_removed: &'static str,
    /// Notice when the plan could not be saved: `{error}`.
    pub plan_save_failed: &'static str,
    /// File dialog filter name of plan files.
    pub plan_file_kind: &'static str,
    /// Start of a plan file's name.
    pub plan_file_stem: &'static str,
    /// Plan preview: `{author}`, `{time}`, `{start}`, `{end}`, `{count}` chapters.
    pub plan_preview_from: &'static str,
    /// Plan preview: what accepting does.
    pub plan_preview_note: &'static str,
    /// Button: use the previewed plan.
    pub plan_accept: &'static str,
    /// Notice after a plan was accepted: `{author}`.
    pub plan_accepted: &'static str,
    /// Notice when a plan file could not be read: `{path}`, `{error}`.
    pub plan_read_failed: &'static str,
    /// Plan file error: `{size}`, `{limit}`.
    pub plan_err_too_large: &'static str,
    /// Plan file error: a folder or device, `{kind}`.
    pub plan_err_not_a_file: &'static str,
    /// Plan file error: empty.
    pub plan_err_empty: &'static str,
    /// Plan file error: not UTF-8, `{offset}`.
    pub plan_err_not_text: &'static str,
    /// Plan file error: a progress or feedback file was given.
    pub plan_err_progress: &'static str,
    /// Plan file error: `{line}`, `{col}`, `{message}` (the parser's words).
    pub plan_err_syntax: &'static str,
    /// Plan file error: `{found}`, `{supported}`.
    pub plan_err_too_new: &'static str,
    /// Plan file error: `{version}`.
    pub plan_err_unknown_version: &'static str,
    /// Plan file error (also in the editor): `{start}`, `{end}`.
    pub plan_err_end_before_start: &'static str,
    /// Plan file error (also in the editor): `{days}`, `{limit}`.
    pub plan_err_too_long: &'static str,
    /// Plan file error: `{count}`, `{limit}`.
    pub plan_err_too_many: &'static str,
    /// Plan file error: `{error}` (the system's words).
    pub plan_err_io: &'static str,
    /// Plan preview: a chapter id skipped, `{id}`.
    pub plan_repair_bad_id: &'static str,
    /// Plan preview: a chapter named twice, `{id}`.
    pub plan_repair_duplicate: &'static str,
    /// Plan preview: `{chapter}`'s date `{from}` moved to `{to}`.
    pub plan_repair_due_moved: &'static str,
    /// Plan preview: control characters removed from the author's name.
    pub plan_repair_author: &'static str,
    /// Heading of the activity calendar.
    pub calendar_title: &'static str,
    /// Under the calendar: `{days}` days with activity in `{weeks}` weeks.
    pub calendar_summary: &'static str,
    /// Tooltip of a calendar day: `{date}`, `{count}`.
    pub calendar_day: &'static str,
    /// Heading of the class charts.
    pub charts_title: &'static str,
    /// Title of the burn-up chart.
    pub chart_burn_up: &'static str,
    /// Burn-up legend: the median student.
    pub chart_median: &'static str,
    /// Burn-up legend: the middle half of the class.
    pub chart_spread: &'static str,
    /// Burn-up legend: the plan line.
    pub chart_plan: &'static str,
    /// Title of the chapter funnel.
    pub chart_funnel: &'static str,
    /// Funnel legend: students who finished the chapter.
    pub chart_finished: &'static str,
    /// Funnel legend: students the plan expects by today.
    pub chart_expected: &'static str,
    /// Instead of the charts without a plan.
    pub chart_no_plan: &'static str,
    /// Burn-up x axis label of a day: `{date}`.
    pub chart_day: &'static str,
}

impl Strings {
    /// The name to show for a student: theirs, or "(no name yet)".
    pub fn display_name<'a>(&'a self, student: &'a Student) -> &'a str {
        if student.name.trim().is_empty() {
            self.unnamed
        } else {
            &student.name
        }
    }

    /// The name of an item state.
    pub fn state_name(&self, state: ItemState) -> &'static str {
        match state {
            ItemState::NotStarted => self.state_not_started,
            ItemState::InProgress => self.state_in_progress,
            ItemState::Done => self.state_done,
            ItemState::Skipped => self.state_skipped,
        }
    }
}
