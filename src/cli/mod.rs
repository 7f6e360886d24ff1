//! The command line: `study-companion [--data-dir DIR] [FILE… | COMMAND]`.
//!
//! Without a command the window opens (with the given progress files to import or view);
//! commands print and exit without a window. They use the same code as the app: the storage,
//! the file format and [`crate::exchange`].

mod import;
mod report;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use jiff::Timestamp;

use crate::curriculum::{Curriculum, Link};
use crate::exchange;
use crate::format::{self, ProgressFile};
// The command line writes documents in the first language of the app.
use crate::i18n::ZH;
use crate::report::Table;
use crate::storage::{self, DataLock, LockError, Recovery, Storage};

use import::{check, import};
use report::report;

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
    /// Merge your own progress file (e.g. from another computer) into the saved progress, or
    /// make a study plan (`.scplan`) the plan in use.
    Import {
        /// The progress file (or study plan).
        file: PathBuf,
        /// Replace the saved progress with FILE even if it is another student's (or your own
        /// from before a reinstall); the previous progress is kept as the backup.
        #[arg(long)]
        replace: bool,
    },
    /// Check progress, feedback and plan files: one summary line per good file, the error for
    /// a bad one.
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
