//! Class reports: CSV (UTF-8 with a byte-order mark, so Excel shows Chinese names) and
//! Markdown. Times are written in UTC so a report reads the same everywhere.
//!
//! Names, ids and file names come from students' files, and a spreadsheet runs a cell that
//! starts with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(…)`, `+1+cmd|…`). Every text
//! cell of the CSV therefore goes through [`text_cell`], which neutralises such a cell with a
//! leading `'` (OWASP's advice for CSV injection). The numbers the app computes (percentages,
//! counts) and its times are written as they are: they are never negative and never start
//! with one of those characters, so they stay numbers and dates in the spreadsheet.

use std::borrow::Cow;
use std::fmt::Write as _;

use jiff::Timestamp;

use super::{Class, file_name};
use crate::curriculum::Curriculum;
use crate::i18n::{Strings, fill};
use crate::plan::PaceStatus;

/// Which table of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Table {
    /// One row per student, a column per chapter.
    Chapters,
    /// One row per student and item.
    Items,
}

fn time(time: Option<Timestamp>) -> String {
    time.map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

fn percent(complete: usize, total: usize) -> String {
    (complete * 100).checked_div(total).unwrap_or(0).to_string()
}

/// A text cell for a spreadsheet: prefixed with `'` when a spreadsheet could read it as a
/// formula, that is when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return, or
/// with one of `= + - @` after leading whitespace (some importers trim spaces). The check is
/// on the text exactly as it will be written; nothing is trimmed from the cell itself.
///
/// # Example
/// ```
/// use study_companion::report::text_cell;
/// assert_eq!(text_cell("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(text_cell("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
/// assert_eq!(text_cell("@SUM(1+1)"), "'@SUM(1+1)");
/// assert_eq!(text_cell("\t=1+1"), "'\t=1+1");
/// assert_eq!(text_cell(" -1"), "' -1");
/// assert_eq!(text_cell("张三"), "张三");
/// ```
pub fn text_cell(text: &str) -> Cow<'_, str> {
    const FORMULA: [char; 4] = ['=', '+', '-', '@'];
    let risky = text.starts_with(FORMULA)
        || text.starts_with(['\t', '\r'])
        || text.trim_start().starts_with(FORMULA);
    if risky {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The class as CSV, with a byte-order mark. Rows in the order of `class.students`.
pub fn csv(
    curriculum: &Curriculum,
    class: &Class,
    table: Table,
    strings: &Strings,
) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    match table {
        Table::Chapters => {
            let mut header = vec![
                strings.report_col_name.to_owned(),
                strings.report_col_id.to_owned(),
            ];
            header.extend(
                curriculum
                    .chapters
                    .iter()
                    .map(|c| text_cell(&format!("{} (%)", c.title)).into_owned()),
            );
            header.extend(
                [
                    strings.report_col_overall,
                    strings.report_col_done,
                    strings.report_col_skipped,
                    strings.report_col_items,
                    strings.report_col_last_activity,
                    strings.report_col_drawing,
                    strings.report_col_feedback,
                    strings.report_col_feedback_sent,
                    strings.report_col_pace,
                    strings.report_col_file,
                ]
                .map(str::to_owned),
            );
            writer.write_record(&header)?;
            for row in &class.students {
                let mut record = vec![
                    text_cell(strings.display_name(&row.file.student)).into_owned(),
                    text_cell(&row.file.student.id).into_owned(),
                ];
                record.extend(row.chapters.iter().map(|c| percent(c.complete(), c.total)));
                record.extend([
                    percent(row.total.complete(), row.total.total),
                    row.total.done.to_string(),
                    row.total.skipped.to_string(),
                    row.total.total.to_string(),
                    time(row.last_activity),
                    yes_no(row.has_drawing, strings).to_owned(),
                    yes_no(row.has_feedback, strings).to_owned(),
                    time(row.feedback_sent),
                    row.pace
                        .as_ref()
                        .map(|pace| pace_text(pace.status, strings))
                        .unwrap_or_default(),
                    text_cell(&file_name(&row.path)).into_owned(),
                ]);
                writer.write_record(&record)?;
            }
        }
        Table::Items => {
            writer.write_record([
                strings.report_col_name,
                strings.report_col_id,
                strings.report_col_chapter,
                strings.report_col_item_id,
                strings.report_col_item,
                strings.report_col_state,
                strings.report_col_started,
                strings.report_col_finished,
                strings.report_col_note_chars,
            ])?;
            for row in &class.students {
                for (chapter, item) in curriculum.items() {
                    let entry = row.file.progress.items.get(&item.id);
                    writer.write_record([
                        &*text_cell(strings.display_name(&row.file.student)),
                        &text_cell(&row.file.student.id),
                        &text_cell(&chapter.title),
                        &text_cell(item.id.as_str()),
                        &text_cell(&item.title),
                        strings.state_name(entry.map(|e| e.state).unwrap_or_default()),
                        &time(entry.and_then(|e| e.started)),
                        &time(entry.and_then(|e| e.finished)),
                        &entry.map_or(0, |e| e.note.text.chars().count()).to_string(),
                    ])?;
                }
            }
        }
    }
    let bytes = writer.into_inner().map_err(|err| err.into_error())?;
    let mut text = String::from('\u{feff}');
    text.push_str(&String::from_utf8_lossy(&bytes));
    Ok(text)
}

/// The class as a Markdown report: the chapter table, then the files that could not be read.
pub fn markdown(curriculum: &Curriculum, class: &Class, strings: &Strings) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", strings.report_title);
    let intro = fill(
        strings.report_intro,
        &[
            ("count", &class.students.len().to_string()),
            ("version", &curriculum.version),
        ],
    );
    let _ = writeln!(out, "{intro}\n");
    let mut header = format!("| {} |", strings.report_col_name);
    let mut rule = String::from("|---|");
    for (index, _) in curriculum.chapters.iter().enumerate() {
        let _ = write!(header, " {} |", index + 1);
        rule.push_str("---:|");
    }
    let _ = write!(
        header,
        " {} | {} | {} | {} |",
        strings.overall_progress,
        strings.report_col_last_activity,
        strings.report_col_drawing,
        strings.report_col_feedback_sent
    );
    rule.push_str("---:|---|:---:|---|");
    let _ = writeln!(out, "{header}\n{rule}");
    for row in &class.students {
        let mut line = format!(
            "| {} |",
            strings.display_name(&row.file.student).replace('|', "\\|")
        );
        for chapter in &row.chapters {
            let _ = write!(line, " {}% |", percent(chapter.complete(), chapter.total));
        }
        let _ = write!(
            line,
            " {}% ({}/{}) | {} | {} | {} |",
            percent(row.total.complete(), row.total.total),
            row.total.complete(),
            row.total.total,
            time(row.last_activity),
            if row.has_drawing { "✓" } else { "—" },
            time(row.feedback_sent)
        );
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "\n{}", strings.report_chapters);
    for (index, chapter) in curriculum.chapters.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", index + 1, chapter.title);
    }
    pace_table(&mut out, curriculum, class, strings);
    let duplicates: Vec<_> = class
        .students
        .iter()
        .filter(|row| !row.superseded.is_empty())
        .collect();
    if !duplicates.is_empty() {
        let _ = writeln!(out, "\n{}\n", strings.report_duplicates);
        for row in duplicates {
            let older: Vec<String> = row.superseded.iter().map(|p| file_name(p)).collect();
            let line = fill(
                strings.report_duplicate_line,
                &[
                    ("name", strings.display_name(&row.file.student)),
                    ("used", &file_name(&row.path)),
                    ("ignored", &older.join(strings.list_separator)),
                ],
            );
            let _ = writeln!(out, "- {line}");
        }
    }
    if !class.problems.is_empty() {
        let _ = writeln!(out, "\n{}\n", strings.report_unreadable);
        for (path, error) in &class.problems {
            let line = fill(
                strings.report_problem_line,
                &[("file", &file_name(path)), ("error", error)],
            );
            let _ = writeln!(out, "- {line}");
        }
    }
    out
}

/// "On pace", "3 items behind", "2 items ahead", in the UI language.
pub fn pace_text(status: PaceStatus, strings: &Strings) -> String {
    match status {
        PaceStatus::OnPace => strings.pace_on.to_owned(),
        PaceStatus::Behind(n) => fill(strings.pace_behind, &[("count", &n.to_string())]),
        PaceStatus::Ahead(n) => fill(strings.pace_ahead, &[("count", &n.to_string())]),
    }
}

/// The pace of each student (when the class has a plan): done against expected, this week's
/// chapter and the chapters past their target date.
fn pace_table(out: &mut String, curriculum: &Curriculum, class: &Class, strings: &Strings) {
    if class.students.iter().all(|row| row.pace.is_none()) {
        return;
    }
    let _ = writeln!(out, "\n## {}\n", strings.report_col_pace);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---:|---|---|",
        strings.report_col_name,
        strings.report_col_pace,
        strings.report_col_expected,
        strings.report_col_this_week,
        strings.report_col_overdue,
    );
    let title =
        |id: &crate::curriculum::ChapterId| curriculum.chapter_title(id).replace('|', "\\|");
    for row in &class.students {
        let Some(pace) = &row.pace else {
            continue;
        };
        let overdue: Vec<String> = pace
            .chapters
            .iter()
            .filter(|chapter| chapter.overdue)
            .map(|chapter| title(&chapter.chapter))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {}/{} | {} | {} |",
            strings.display_name(&row.file.student).replace('|', "\\|"),
            pace_text(pace.status, strings),
            pace.done,
            pace.expected_low,
            pace.current.as_ref().map(title).unwrap_or_default(),
            overdue.join(strings.list_separator),
        );
    }
}

fn yes_no(yes: bool, strings: &Strings) -> &'static str {
    if yes {
        strings.report_yes
    } else {
        strings.report_no
    }
}
