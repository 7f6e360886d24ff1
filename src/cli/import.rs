//! `import` and `check`: files from elsewhere into the data folder, and what a file holds.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::Timestamp;

use crate::curriculum::Curriculum;
use crate::exchange::{self, Owner};
use crate::format::{self, FormatError, ProgressFile, Student};
use crate::plan;

use super::{load_saved, lock_for, open_storage};

pub(super) fn import(
    data_dir: Option<&Path>,
    curriculum: &Curriculum,
    path: &Path,
    replace: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), String> {
    if plan::is_plan_path(path) {
        return import_plan(data_dir, path, replace, out);
    }
    let storage = open_storage(data_dir)?;
    let imported = match format::read_path(path) {
        // A plan under another name: what its content says it is decides.
        Err(FormatError::PlanFile) => return import_plan(data_dir, path, replace, out),
        result => result.map_err(|e| format!("{e}: {}", path.display()))?,
    };
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

/// Makes a study plan the plan in use (the one it replaces kept as `plan.ron.bak`), as
/// accepting its preview in the window does; or hands it to the open window's preview.
fn import_plan(
    data_dir: Option<&Path>,
    path: &Path,
    replace: bool,
    out: &mut dyn Write,
) -> Result<(), String> {
    let storage = open_storage(data_dir)?;
    let read = plan::file::read_path(path).map_err(|e| format!("{e}: {}", path.display()))?;
    let mut write = |line: String| writeln!(out, "{line}").map_err(|e| e.to_string());
    match crate::instance::forward(storage.dir(), &[path.to_owned()]) {
        Ok(()) => {
            return write(
                "handed to the open window: review the plan there and accept it".to_owned(),
            );
        }
        Err(crate::instance::ForwardError::NotRunning) => {}
        Err(err) => log::warn!("{err}"),
    }
    let _lock = lock_for(&storage, "import")?;
    let previous = storage
        .save_plan(Some(&read.file))
        .map_err(|e| e.to_string())?;
    let mut lines: Vec<String> = read
        .repairs
        .iter()
        .map(|repair| format!("repaired: {repair}"))
        .collect();
    if replace {
        lines.push(
            "(--replace is for progress files: a plan always replaces the plan in use)".to_owned(),
        );
    }
    match previous {
        Some(kept) if kept.extension().is_some_and(|ext| ext == "bak") => lines.push(format!(
            "the plan in use was replaced (the previous one is in {})",
            kept.display()
        )),
        Some(kept) => lines.push(format!(
            "the plan in use could not be read: it was moved aside to {}",
            kept.display()
        )),
        None => {}
    }
    lines.push(format!("plan saved: {}", plan_summary(&read.file)));
    lines.into_iter().try_for_each(write)
}

/// One line about a plan: who made it, its dates, how many chapters have a target.
fn plan_summary(file: &plan::PlanFile) -> String {
    let author = file.author.trim();
    format!(
        "{} to {}, {} chapter target(s), by {}",
        file.plan.start,
        file.plan.end,
        file.plan.chapters.len(),
        if author.is_empty() {
            "(unnamed)"
        } else {
            author
        }
    )
}

pub(super) fn check(
    curriculum: &Curriculum,
    files: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let mut all_good = true;
    for path in files {
        let read = if plan::is_plan_path(path) {
            Err(FormatError::PlanFile)
        } else {
            format::read_path(path)
        };
        if let Err(FormatError::PlanFile) = read {
            match plan::file::read_path(path) {
                Ok(read) => {
                    let summary = plan_summary(&read.file);
                    let _ = writeln!(out, "{}: ok: a study plan: {summary}", path.display());
                    for repair in read.repairs {
                        let _ = writeln!(err, "{}: warning: {repair}", path.display());
                    }
                }
                Err(error) => {
                    all_good = false;
                    let _ = writeln!(err, "{}: error: {error}", path.display());
                }
            }
            continue;
        }
        match read {
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
