//! The command line: `study-companion [--data-dir DIR] [FILE… | COMMAND]`.
//!
//! Without a command the window opens (with the given progress files to import or view);
//! commands print and exit without a window. They use the same code as the app: the storage,
//! the file format and [`crate::exchange`].

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use jiff::Timestamp;

use crate::curriculum::{Curriculum, Link};
use crate::exchange::{self, Owner};
use crate::format::{self, ProgressFile, Student};
// The command line writes documents in the first language of the app.
use crate::i18n::ZH;
use crate::report::{self, Table};
use crate::storage::{self, DataLock, LockError, Recovery, Storage};

/// 学习伴侣 · Study Companion — a deep-learning study roadmap for students and mentors.
#[derive(Debug, Parser)]
#[command(name = "study-companion", version, about)]
pub struct Cli {
    /// Folder for the app's data (default: the system's per-user data folder).
    #[arg(
        long,
        value_name = "DIR",
        env = "STUDY_COMPANION_DATA_DIR",
        global = true
    )]
    pub data_dir: Option<PathBuf>,

    /// Print each phase of the window's start-up with its time, to standard error (also
    /// `STUDY_COMPANION_TRACE_STARTUP=1`).
    #[arg(long)]
    pub trace_startup: bool,

    /// Progress files to open in the window (your own is merged after a preview; another
    /// student's is shown read-only).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// What to do; none opens the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the embedded roadmap: each chapter, item and link with its id, one per line.
    Curriculum,
    /// Write the saved progress to FILE (`.md`: a readable Markdown summary).
    Export {
        /// Where to write (`-`: standard output); an existing file is replaced atomically,
        /// a folder, device or pipe never.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Merge your own progress file (e.g. from another computer) into the saved progress.
    Import {
        /// The progress file.
        file: PathBuf,
        /// Replace the saved progress with FILE even if it is another student's (or your own
        /// from before a reinstall); the previous progress is kept as the backup.
        #[arg(long)]
        replace: bool,
    },
    /// Check progress files: one summary line per good file, the error for a bad one.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// A class report from students' progress files and folders of them (for mentors).
    Report {
        /// Progress files, or folders holding them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// CSV (UTF-8 with BOM, for Excel) or Markdown.
        #[arg(long, value_enum, default_value_t = ReportFormat::Csv)]
        format: ReportFormat,
        /// For CSV: one row per student and chapter column (the default), or one row per
        /// student and item. The Markdown report has the chapter table only.
        #[arg(long, value_enum)]
        table: Option<Table>,
        /// Write here instead of to standard output (`-`); an existing file is replaced
        /// atomically, a folder, device or pipe never.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// A study plan (`.scplan`): adds each student's pace (the CSV's pace column, the
        /// Markdown report's pace table).
        #[arg(long, value_name = "PLAN")]
        plan: Option<PathBuf>,
        /// The day the pace is computed for (`2027-01-20`); today by default.
        #[arg(long, value_name = "DATE")]
        today: Option<jiff::civil::Date>,
    },
}

/// The formats of `study-companion report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Comma-separated values with a byte-order mark.
    Csv,
    /// A Markdown document.
    Md,
}

/// Runs a command; returns the process exit code. Output goes to `out`, problems to `err`.
pub fn run(
    command: &Command,
    data_dir: Option<&Path>,
    curriculum: &Curriculum,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let result = match command {
        Command::Curriculum => match print_curriculum(curriculum, out) {
            // A closed pipe (`| head`) is not an error worth reporting.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            result => result.map_err(|e| e.to_string()),
        },
        Command::Export { output } => export(data_dir, curriculum, output, out, err),
        Command::Import { file, replace } => import(data_dir, curriculum, file, *replace, out, err),
        Command::Check { files } => return check(curriculum, files, out, err),
        Command::Report {
            paths,
            format,
            table,
            output,
            plan,
            today,
        } => {
            return report(
                curriculum,
                paths,
                *format,
                *table,
                output.as_deref(),
                plan.as_deref().map(|plan| (plan, *today)),
                out,
                err,
            );
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let _ = writeln!(err, "study-companion: {message}");
            ExitCode::FAILURE
        }
    }
}

fn open_storage(data_dir: Option<&Path>) -> Result<Storage, String> {
    let dir = data_dir
        .map(Path::to_owned)
        .or_else(Storage::default_dir)
        .ok_or("no data folder: use --data-dir DIR")?;
    Storage::open(dir).map_err(|e| e.to_string())
}

/// How long a command that writes waits for another writer of the data folder to finish.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);

/// Takes the data folder's lock for a command, or says who holds it and what to do.
fn lock_for(storage: &Storage, command: &str) -> Result<DataLock, String> {
    storage.lock(command, LOCK_WAIT).map_err(|err| match &err {
        LockError::Held(holder) if holder.is_app() => format!(
            "{err}; {command} the file in the app, or close the app first: {}",
            storage.dir().display()
        ),
        LockError::Held(_) => format!(
            "{err}; try again when it has finished: {}",
            storage.dir().display()
        ),
        LockError::Io(_) => err.to_string(),
    })
}

/// The saved progress, with the lock held: a damaged file is moved aside and the backup used,
/// as the app does; this is said in words (and the app says it again at its next start).
fn load_saved(storage: &Storage, err: &mut dyn Write) -> Result<Option<ProgressFile>, String> {
    let loaded = storage.load(Timestamp::now()).map_err(|e| e.to_string())?;
    match loaded.recovery {
        None => {}
        Some(recovery @ Recovery::CouldNotMoveAside { .. }) => {
            return Err(format!("{recovery}; nothing was changed"));
        }
        Some(recovery) => {
            let _ = writeln!(err, "study-companion: warning: {recovery}");
        }
    }
    Ok(loaded.file)
}

/// Writes a command's output to `path` atomically, or to standard output for `-`. Refuses to
/// replace a folder, a device or a FIFO.
fn write_output(path: &Path, bytes: &[u8], out: &mut dyn Write) -> Result<(), String> {
    if path == Path::new("-") {
        return out.write_all(bytes).map_err(|e| e.to_string());
    }
    crate::safe_io::check_output_target(path)
        .map_err(|e| format!("{e}; choose a file name: {}", path.display()))?;
    storage::write_atomically(path, bytes, || Ok(())).map_err(|e| e.to_string())
}

fn export(
    data_dir: Option<&Path>,
    curriculum: &Curriculum,
    output: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), String> {
    // Only reads the data folder (no lock, no repair), so it also works while the app is open.
    let storage = open_storage(data_dir)?;
    let mut file = storage.read_saved()?.ok_or_else(|| {
        format!(
            "there is no saved progress to export in {}",
            storage.dir().display()
        )
    })?;
    file.stamp(&curriculum.version, Timestamp::now());
    let text = if output.extension().is_some_and(|ext| ext == "md") {
        exchange::summary_markdown(curriculum, &file, &ZH)
    } else {
        format::to_string(&file).map_err(|e| e.to_string())?
    };
    write_output(output, text.as_bytes(), out)?;
    let line = format!("exported: {}", exchange::summary_line(curriculum, &file));
    if output == Path::new("-") {
        // Standard output holds the file: the summary goes with the messages.
        writeln!(err, "{line}")
    } else {
        writeln!(out, "{line}")
    }
    .map_err(|e| e.to_string())
}

fn import(
    data_dir: Option<&Path>,
    curriculum: &Curriculum,
    path: &Path,
    replace: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), String> {
    let storage = open_storage(data_dir)?;
    let imported = format::read_path(path).map_err(|e| format!("{e}: {}", path.display()))?;
    // The window has this data folder open: the file goes to its preview instead (the
    // person sees what changes and accepts it there; the window is the folder's one writer).
    match crate::instance::forward(storage.dir(), &[path.to_owned()]) {
        Ok(()) => {
            writeln!(
                out,
                "handed to the open window: review the preview there and accept it{}",
                if replace {
                    " (choose 用它替换我的进度 / replace in the preview)"
                } else {
                    ""
                }
            )
            .map_err(|e| e.to_string())?;
            return Ok(());
        }
        Err(crate::instance::ForwardError::NotRunning) => {}
        Err(err) => log::warn!("{err}"),
    }
    // From here to the save, no other process may write the data folder.
    let _lock = lock_for(&storage, "import")?;
    let removed = storage.remove_stale_temporaries();
    if removed > 0 {
        log::info!("removed {removed} temporary file(s) left by interrupted saves");
    }
    let local = load_saved(&storage, err)?
        .unwrap_or_else(|| ProgressFile::new(Student::new(""), &curriculum.version));
    let write = |line: String| writeln!(out, "{line}").map_err(|e| e.to_string());
    let mut lines = Vec::new();
    for repair in &imported.repairs {
        lines.push(format!("repaired: {repair}"));
    }
    let preview = exchange::preview(curriculum, &local, imported.file, imported.repairs);
    let mut file = match (preview.owner, replace) {
        (Owner::Same, false) => {
            lines.push(format!("{} change(s) merged", preview.changes.len()));
            if !preview.set_aside.is_empty() {
                // Kept apart before anything is saved, so it is on disk either way.
                let template = ProgressFile {
                    progress: crate::progress::Progress::default(),
                    ..local.clone()
                };
                let count = preview.set_aside.len();
                for entry in &preview.set_aside {
                    lines.push(format!(
                        "set aside: {}",
                        exchange::describe_set_aside(entry)
                    ));
                }
                let texts = format::set_aside_files(&template, preview.set_aside.clone())
                    .map_err(|e| e.to_string())?;
                let paths = storage
                    .save_set_aside(&texts, Timestamp::now())
                    .map_err(|e| e.to_string())?;
                for path in paths {
                    lines.push(format!(
                        "what was set aside ({count}) is kept in: {}",
                        path.display()
                    ));
                }
            }
            let mut merged = local.clone();
            merged.progress = preview.merged;
            merged
        }
        (_, true) if preview.file.is_feedback() => {
            return Err(format!(
                "{} is a feedback file: it holds no progress to replace yours with; import it without --replace to add the comments",
                path.display()
            ));
        }
        (_, true) => {
            lines.push(format!(
                "the saved progress was replaced (the previous one is in {})",
                storage.backup_path().display()
            ));
            exchange::replaced_by(&local, preview.file)
        }
        (Owner::Other, false) => {
            return Err(format!(
                "{} is another student's file ({}, id {}); nothing was changed. Use --replace to replace your progress with it",
                path.display(),
                preview.file.student.name,
                preview.file.student.id
            ));
        }
    };
    file.stamp(&curriculum.version, Timestamp::now());
    storage.save(&file).map_err(|e| e.to_string())?;
    lines.push(format!(
        "saved: {}",
        exchange::summary_line(curriculum, &file)
    ));
    lines.into_iter().try_for_each(write)
}

fn check(
    curriculum: &Curriculum,
    files: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let mut all_good = true;
    for path in files {
        match format::read_path(path) {
            Ok(imported) => {
                let _ = writeln!(
                    out,
                    "{}: ok: {}",
                    path.display(),
                    exchange::summary_line(curriculum, &imported.file)
                );
                for repair in imported.repairs {
                    let _ = writeln!(err, "{}: warning: {repair}", path.display());
                }
            }
            Err(error) => {
                all_good = false;
                let _ = writeln!(err, "{}: error: {error}", path.display());
            }
        }
    }
    if all_good {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// How many names of skipped files a note lists before "…".
const SKIPPED_NAMES_SHOWN: usize = 10;

/// Bad files, older files of the same student and the files of a folder that were skipped
/// (not progress files by their extension) are listed on `err`; the exit code is non-zero
/// only if no file could be read.
#[allow(clippy::too_many_arguments)] // The command's options, one each.
fn report(
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

/// Writes the roadmap as tab-separated lines: `chapter ID TITLE`, `item ID TITLE` (with
/// `task`/`sub-item` flags), `link ITEM-ID URL [TEXT]` (the text only when it is not the URL
/// itself).
///
/// # Example
/// ```
/// let mut out = Vec::new();
/// study_companion::cli::print_curriculum(study_companion::embedded::curriculum(), &mut out)?;
/// let text = String::from_utf8(out).unwrap_or_default();
/// assert!(text.lines().any(|line| line.starts_with("chapter\tpython\t")));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn print_curriculum(curriculum: &Curriculum, out: &mut dyn Write) -> std::io::Result<()> {
    let mut distinct: Vec<&str> = curriculum.links().map(|link| link.url.as_str()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    writeln!(
        out,
        "# curriculum {} — {} chapters, {} items, {} distinct links",
        curriculum.version,
        curriculum.chapters.len(),
        curriculum.item_count(),
        distinct.len()
    )?;
    for chapter in &curriculum.chapters {
        let flag = if chapter.elective { "\telective" } else { "" };
        writeln!(out, "chapter\t{}\t{}{flag}", chapter.id, chapter.title)?;
        for link in &chapter.intro_links {
            write_link(out, chapter.id.as_str(), link)?;
        }
        for item in &chapter.items {
            let mut flags = String::new();
            if item.kind == crate::curriculum::ItemKind::Task {
                flags.push_str("\ttask");
            }
            if item.depth > 0 {
                flags.push_str("\tsub-item");
            }
            writeln!(out, "item\t{}\t{}{flags}", item.id, item.title)?;
            for link in &item.links {
                write_link(out, item.id.as_str(), link)?;
            }
        }
    }
    Ok(())
}

fn write_link(out: &mut dyn Write, owner: &str, link: &Link) -> std::io::Result<()> {
    if link.text == link.url || link.text.is_empty() {
        writeln!(out, "link\t{owner}\t{}", link.url)
    } else {
        writeln!(out, "link\t{owner}\t{}\t{}", link.url, link.text)
    }
}
