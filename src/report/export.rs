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

use super::{Class, display_name, file_name};
use crate::curriculum::Curriculum;
use crate::progress::ItemState;

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

fn state_name(state: ItemState) -> &'static str {
    match state {
        ItemState::NotStarted => "未开始",
        ItemState::InProgress => "进行中",
        ItemState::Done => "已完成",
        ItemState::Skipped => "已跳过",
    }
}

/// The class as CSV, with a byte-order mark. Rows in the order of `class.students`.
pub fn csv(curriculum: &Curriculum, class: &Class, table: Table) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    match table {
        Table::Chapters => {
            let mut header = vec!["姓名".to_owned(), "学生ID".to_owned()];
            header.extend(
                curriculum
                    .chapters
                    .iter()
                    .map(|c| text_cell(&format!("{} (%)", c.title)).into_owned()),
            );
            header.extend(
                [
                    "总进度 (%)",
                    "已完成",
                    "已跳过",
                    "条目数",
                    "最后活动",
                    "流程图",
                    "导师反馈",
                    "文件",
                ]
                .map(str::to_owned),
            );
            writer.write_record(&header)?;
            for row in &class.students {
                let mut record = vec![
                    text_cell(display_name(&row.file)).into_owned(),
                    text_cell(&row.file.student.id).into_owned(),
                ];
                record.extend(row.chapters.iter().map(|c| percent(c.complete(), c.total)));
                record.extend([
                    percent(row.total.complete(), row.total.total),
                    row.total.done.to_string(),
                    row.total.skipped.to_string(),
                    row.total.total.to_string(),
                    time(row.last_activity),
                    if row.has_drawing { "有" } else { "无" }.to_owned(),
                    if row.has_feedback { "有" } else { "无" }.to_owned(),
                    text_cell(&file_name(&row.path)).into_owned(),
                ]);
                writer.write_record(&record)?;
            }
        }
        Table::Items => {
            writer.write_record([
                "姓名",
                "学生ID",
                "章节",
                "条目ID",
                "条目",
                "状态",
                "开始",
                "完成",
                "笔记字数",
            ])?;
            for row in &class.students {
                for (chapter, item) in curriculum.items() {
                    let entry = row.file.progress.items.get(&item.id);
                    writer.write_record([
                        &*text_cell(display_name(&row.file)),
                        &text_cell(&row.file.student.id),
                        &text_cell(&chapter.title),
                        &text_cell(item.id.as_str()),
                        &text_cell(&item.title),
                        state_name(entry.map(|e| e.state).unwrap_or_default()),
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
pub fn markdown(curriculum: &Curriculum, class: &Class) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# 班级进度报告\n");
    let _ = writeln!(
        out,
        "{} 名学生，路线版本 {}。\n",
        class.students.len(),
        curriculum.version
    );
    let mut header = String::from("| 姓名 |");
    let mut rule = String::from("|---|");
    for (index, _) in curriculum.chapters.iter().enumerate() {
        let _ = write!(header, " {} |", index + 1);
        rule.push_str("---:|");
    }
    header.push_str(" 总进度 | 最后活动 | 流程图 |");
    rule.push_str("---:|---|:---:|");
    let _ = writeln!(out, "{header}\n{rule}");
    for row in &class.students {
        let mut line = format!("| {} |", display_name(&row.file).replace('|', "\\|"));
        for chapter in &row.chapters {
            let _ = write!(line, " {}% |", percent(chapter.complete(), chapter.total));
        }
        let _ = write!(
            line,
            " {}% ({}/{}) | {} | {} |",
            percent(row.total.complete(), row.total.total),
            row.total.complete(),
            row.total.total,
            time(row.last_activity),
            if row.has_drawing { "✓" } else { "—" }
        );
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "\n章节：");
    for (index, chapter) in curriculum.chapters.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", index + 1, chapter.title);
    }
    let duplicates: Vec<_> = class
        .students
        .iter()
        .filter(|row| !row.superseded.is_empty())
        .collect();
    if !duplicates.is_empty() {
        let _ = writeln!(out, "\n同一学生的多个文件（使用最新的一个）：\n");
        for row in duplicates {
            let older: Vec<String> = row.superseded.iter().map(|p| file_name(p)).collect();
            let _ = writeln!(
                out,
                "- {}：使用 {}，忽略 {}",
                display_name(&row.file),
                file_name(&row.path),
                older.join("、")
            );
        }
    }
    if !class.problems.is_empty() {
        let _ = writeln!(out, "\n无法读取的文件：\n");
        for (path, error) in &class.problems {
            let _ = writeln!(out, "- {}：{error}", file_name(path));
        }
    }
    out
}
