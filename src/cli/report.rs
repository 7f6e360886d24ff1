//! `report`: a class's progress as a table, for mentors.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::curriculum::Curriculum;
use crate::format;
// The command line writes documents in the first language of the app.
use crate::i18n::ZH;
use crate::report::{self, Table};

use super::{ReportFormat, write_output};

/// How many names of skipped files a note lists before "…".
const SKIPPED_NAMES_SHOWN: usize = 10;

/// Bad files, older files of the same student and the files of a folder that were skipped
/// (not progress files by their extension) are listed on `err`; the exit code is non-zero
/// only if no file could be read.
#[allow(clippy::too_many_arguments)] // The command's options, one each.
pub(super) fn report(
    curriculum: &Curriculum,
    paths: &[PathBuf],
    format: ReportFormat,
    table: Option<Table>,
    output: Option<&Path>,
    plan: Option<(&Path, Option<jiff::civil::Date>)>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let plan = match plan {
        None => None,
        Some((path, today)) => match crate::plan::file::read_path(path) {
            Ok(read) => {
                let today = today.unwrap_or_else(|| {
                    jiff::tz::TimeZone::system()
                        .to_datetime(jiff::Timestamp::now())
                        .date()
                });
                Some((read.file.plan, today))
            }
            Err(error) => {
                let _ = writeln!(err, "{}: error: {error}", path.display());
                return ExitCode::from(2);
            }
        },
    };
    if format == ReportFormat::Md && table == Some(Table::Items) {
        let _ = writeln!(
            err,
            "study-companion: the Markdown report has the chapter table only; \
             use `--format csv --table items` for one row per student and item"
        );
        return ExitCode::from(2);
    }
    let table = table.unwrap_or(Table::Chapters);
    let mut class = report::load_class(curriculum, paths);
    report::sort_rows(&mut class.students, report::Column::Name, false);
    if let Some((plan, today)) = &plan {
        report::set_pace(&mut class, curriculum, Some(plan), *today);
    }
    for (path, error) in &class.problems {
        let _ = writeln!(err, "{}: error: {error}", path.display());
    }
    for (path, error) in &class.unsettled {
        let _ = writeln!(
            err,
            "{}: error: {error} (changed moments ago: perhaps still being copied or synced)",
            path.display()
        );
    }
    for skipped in &class.skipped {
        let _ = writeln!(
            err,
            "{}: note: {} file(s) skipped, not .{}, .{} or .ron: {}",
            skipped.folder.display(),
            skipped.files.len(),
            format::EXTENSION,
            format::FEEDBACK_EXTENSION,
            report::skipped_names(skipped, SKIPPED_NAMES_SHOWN)
        );
    }
    for row in class
        .students
        .iter()
        .filter(|row| !row.superseded.is_empty())
    {
        for older in &row.superseded {
            let _ = writeln!(
                err,
                "{}: note: an older {}of {} (newer: {})",
                older.display(),
                if report::is_conflict_copy(older) {
                    "sync conflict copy "
                } else {
                    "file "
                },
                ZH.display_name(&row.file.student),
                row.path.display()
            );
        }
    }
    if class.students.is_empty() {
        let _ = writeln!(err, "study-companion: no progress file could be read");
        return ExitCode::FAILURE;
    }
    let text = match format {
        ReportFormat::Csv => match report::csv(curriculum, &class, table, &ZH) {
            Ok(text) => text,
            Err(error) => {
                let _ = writeln!(err, "study-companion: {error}");
                return ExitCode::FAILURE;
            }
        },
        ReportFormat::Md => report::markdown(curriculum, &class, &ZH),
    };
    let written = write_output(output.unwrap_or(Path::new("-")), text.as_bytes(), out);
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(err, "study-companion: {error}");
            ExitCode::FAILURE
        }
    }
}
