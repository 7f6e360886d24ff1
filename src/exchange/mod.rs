//! Files between students and mentors: what an import would change, and readable summaries.
//!
//! Pure functions over the curriculum and progress files; the app and the command line both
//! use them, so a preview in the window and `study-companion import` agree.

use std::fmt::Write as _;

pub mod feedback;
pub mod names;

pub use feedback::{
    ExportReport, FeedbackExport, export_report_text, feedback_exports, feedback_file,
    feedback_stem, write_feedback_exports,
};
pub use names::{file_name_part, suggested_file_name};

use crate::curriculum::{Curriculum, ItemId};
use crate::format::{ProgressFile, Repair};
use crate::i18n::{Strings, fill};
use crate::progress::{
    Completion, ItemState, NoteTarget, Progress, SetAside, chapter_completion, merge_within,
    overall_completion,
};

/// Whose file it is, compared with the local student.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// The same student (same id), e.g. from another computer: it can be merged.
    Same,
    /// Someone else: it can only be viewed.
    Other,
}

/// One thing an import would change in the local progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// An item's state.
    State {
        /// The item.
        id: ItemId,
        /// Before.
        from: ItemState,
        /// After.
        to: ItemState,
    },
    /// A note that did not exist locally.
    NoteAdded(NoteTarget),
    /// Two different versions of a note, both kept.
    NoteMerged(NoteTarget),
    /// Comments from a mentor (by name).
    FeedbackAdded(String),
}

/// What the student sees before an import changes anything.
#[derive(Clone, Debug)]
pub struct ImportPreview {
    /// The file as read (and cleaned).
    pub file: ProgressFile,
    /// Same student or someone else.
    pub owner: Owner,
    /// Completion of the file's progress against this curriculum.
    pub completion: Completion,
    /// What a merge would change (empty for another student's file).
    pub changes: Vec<Change>,
    /// The merged progress (for the same student), within the limits of a file.
    pub merged: Progress,
    /// What a merge could not keep within the limits; saved in files of its own beside the
    /// progress when the merge is confirmed ([`crate::storage::Storage::save_set_aside`]).
    pub set_aside: Vec<SetAside>,
    /// Items in the file that this curriculum does not have (kept, shown apart).
    pub unknown_items: Vec<ItemId>,
    /// What had to be cleaned or skipped to read the file.
    pub repairs: Vec<Repair>,
}

/// Compares an incoming file with the local one.
pub fn preview(
    curriculum: &Curriculum,
    local: &ProgressFile,
    mut incoming: ProgressFile,
    repairs: Vec<Repair>,
) -> ImportPreview {
    if incoming.is_feedback() {
        // A feedback file brings comments, never progress, whatever else it holds.
        incoming.progress = Progress {
            feedback: std::mem::take(&mut incoming.progress.feedback),
            ..Progress::default()
        };
    }
    let owner = if incoming.student.id == local.student.id {
        Owner::Same
    } else {
        Owner::Other
    };
    let (merged, set_aside) = match owner {
        Owner::Same => merge_fitting(local, &incoming.progress),
        Owner::Other => (local.progress.clone(), Vec::new()),
    };
    let changes = if owner == Owner::Same {
        changes(&local.progress, &merged)
    } else {
        Vec::new()
    };
    let unknown_items = incoming
        .progress
        .unknown_items(|id| curriculum.item(id).is_some())
        .into_iter()
        .cloned()
        .collect();
    ImportPreview {
        completion: overall_completion(curriculum, &incoming.progress),
        file: incoming,
        owner,
        changes,
        merged,
        set_aside,
        unknown_items,
        repairs,
    }
}

/// What "replace my progress with this file" keeps: the file's progress under the local
/// student's identity (id, and name unless there is none yet). Taking over another
/// student's id would let this app write over that student's copy in a class folder, and
/// their progress would then show under the wrong person.
pub fn replaced_by(local: &ProgressFile, incoming: ProgressFile) -> ProgressFile {
    let name = if local.student.name.trim().is_empty() {
        incoming.student.name.clone()
    } else {
        local.student.name.clone()
    };
    ProgressFile {
        student: crate::format::Student {
            id: local.student.id.clone(),
            name,
        },
        kind: crate::format::Kind::Progress,
        ..incoming
    }
}

/// Merges `incoming` into `local`'s progress so that the result is read back whole: within
/// the format's counts and note lengths, and within its file size. What does not fit is
/// returned to be saved apart, never dropped.
pub fn merge_fitting(local: &ProgressFile, incoming: &Progress) -> (Progress, Vec<SetAside>) {
    let (merged, mut set_aside) =
        merge_within(&local.progress, incoming, crate::format::limits::CAPACITY);
    let mut file = ProgressFile {
        progress: merged,
        ..local.clone()
    };
    match crate::format::fit_in_file(&mut file) {
        Ok(moved) => set_aside.extend(moved),
        Err(err) => log::warn!("the merged progress could not be measured: {err}"),
    }
    (file.progress, set_aside)
}

/// One line per set-aside entry, in English (the command line; the window has its own words).
pub fn describe_set_aside(entry: &SetAside) -> String {
    match entry {
        SetAside::NoteVersion(target, note) => format!(
            "a version of the note of {} ({} bytes): with it, the note or the file would be over the limits",
            target_label(target),
            note.text.len()
        ),
        SetAside::Item(id, _) => format!("item `{id}`: over the most items a file holds"),
        SetAside::ChapterNote(id, _) => {
            format!("the note of chapter `{id}`: over the most chapter notes a file holds")
        }
        SetAside::Drawing(id, _) => {
            format!("the drawing of item `{id}`: over the most drawings or the file size")
        }
        SetAside::Feedback(feedback) => format!(
            "feedback from {} ({}): over the most feedback a file holds",
            feedback.mentor,
            feedback
                .written
                .map(|time| time.to_string())
                .unwrap_or_default()
        ),
    }
}

fn target_label(target: &NoteTarget) -> String {
    match target {
        NoteTarget::Item(id) => format!("item `{id}`"),
        NoteTarget::Chapter(id) => format!("chapter `{id}`"),
    }
}

/// What differs between `before` and `after` (a merge result), in id order.
pub fn changes(before: &Progress, after: &Progress) -> Vec<Change> {
    let mut changes = Vec::new();
    for (id, item) in &after.items {
        let old = before.items.get(id);
        let from = old.map(|old| old.state).unwrap_or_default();
        if from != item.state {
            changes.push(Change::State {
                id: id.clone(),
                from,
                to: item.state,
            });
        }
        let old_text = old.map(|old| old.note.text.as_str()).unwrap_or_default();
        if old_text != item.note.text {
            let target = NoteTarget::Item(id.clone());
            changes.push(if old_text.is_empty() {
                Change::NoteAdded(target)
            } else {
                Change::NoteMerged(target)
            });
        }
    }
    for feedback in after
        .feedback
        .iter()
        .filter(|f| !before.feedback.contains(f))
    {
        changes.push(Change::FeedbackAdded(feedback.mentor.clone()));
    }
    for (id, note) in &after.chapter_notes {
        let old_text = before
            .chapter_notes
            .get(id)
            .map(|old| old.text.as_str())
            .unwrap_or_default();
        if old_text != note.text {
            let target = NoteTarget::Chapter(id.clone());
            changes.push(if old_text.is_empty() {
                Change::NoteAdded(target)
            } else {
                Change::NoteMerged(target)
            });
        }
    }
    changes
}

/// One line for `study-companion check`: whose file, how far, which curriculum; for a
/// feedback file, for whom, from whom and when.
pub fn summary_line(curriculum: &Curriculum, file: &ProgressFile) -> String {
    let completion = overall_completion(curriculum, &file.progress);
    let name = if file.student.name.trim().is_empty() {
        "(no name)"
    } else {
        file.student.name.as_str()
    };
    if file.is_feedback() {
        let from: Vec<String> = file
            .progress
            .feedback
            .iter()
            .map(|f| {
                let written = f.written.map_or_else(|| "-".to_owned(), |t| t.to_string());
                format!("{} ({written})", f.mentor)
            })
            .collect();
        return format!(
            "feedback for {name} ({}) from {}",
            file.student.id,
            from.join(", ")
        );
    }
    format!(
        "{name} ({}): {}/{} complete ({} done, {} skipped), curriculum {}, saved {}",
        file.student.id,
        completion.complete(),
        completion.total,
        completion.done,
        completion.skipped,
        file.curriculum_version,
        file.saved_at
            .map_or_else(|| "-".to_owned(), |time| time.to_string()),
    )
}

fn state_mark(state: ItemState) -> &'static str {
    match state {
        ItemState::NotStarted => "[ ]",
        ItemState::InProgress => "[~]",
        ItemState::Done => "[x]",
        ItemState::Skipped => "[-]",
    }
}

/// A Markdown summary for people without the app: every chapter with its completion, every
/// item with its state and times, and the notes.
pub fn summary_markdown(curriculum: &Curriculum, file: &ProgressFile, strings: &Strings) -> String {
    let mut out = String::new();
    let progress = &file.progress;
    let name = if file.student.name.trim().is_empty() {
        strings.summary_default_title
    } else {
        file.student.name.as_str()
    };
    let overall = overall_completion(curriculum, progress);
    let title = fill(strings.summary_title, &[("name", name)]);
    let _ = writeln!(out, "# {title}\n");
    let overall_line = fill(
        strings.summary_overall,
        &[
            ("complete", &overall.complete().to_string()),
            ("total", &overall.total.to_string()),
            ("done", &overall.done.to_string()),
            ("skipped", &overall.skipped.to_string()),
        ],
    );
    let _ = writeln!(out, "{overall_line}  ");
    if let Some(saved) = file.saved_at {
        let time = saved
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .strftime("%Y-%m-%d %H:%M (%:z)")
            .to_string();
        let exported = fill(strings.summary_exported, &[("time", &time)]);
        let _ = writeln!(out, "{exported}  ");
    }
    let version = fill(
        strings.summary_version,
        &[("version", &file.curriculum_version)],
    );
    let _ = writeln!(out, "{version}\n");
    let _ = writeln!(out, "{}\n", strings.summary_legend);
    for chapter in &curriculum.chapters {
        let completion = chapter_completion(chapter, progress);
        let heading = fill(
            strings.summary_chapter,
            &[
                ("title", &chapter.title),
                ("complete", &completion.complete().to_string()),
                ("total", &completion.total.to_string()),
            ],
        );
        let _ = writeln!(out, "## {heading}\n");
        if let Some(note) = progress
            .chapter_notes
            .get(&chapter.id)
            .filter(|n| !n.is_empty())
        {
            let _ = writeln!(out, "{}\n", quote(&note.text));
        }
        for item in &chapter.items {
            let entry = progress.items.get(&item.id);
            let state = entry.map(|e| e.state).unwrap_or_default();
            let indent = "  ".repeat(usize::from(item.depth));
            let mut line = format!("{indent}- {} {}", state_mark(state), item.title);
            if let Some(finished) = entry.and_then(|e| e.finished) {
                let date = finished.strftime("%Y-%m-%d").to_string();
                line.push_str(&fill(strings.summary_finished, &[("date", &date)]));
            }
            let _ = writeln!(out, "{line}");
            if let Some(note) = entry.map(|e| &e.note).filter(|n| !n.is_empty()) {
                let _ = writeln!(out, "\n{}\n", indent_block(&quote(&note.text), &indent));
            }
            if let Some(image) = progress
                .drawings
                .get(&item.id)
                .and_then(|d| d.image.as_ref())
            {
                // The picture itself, inline: the summary is one file that shows it anywhere
                // a Markdown viewer shows data URIs.
                use base64::Engine as _;
                let data = base64::engine::general_purpose::STANDARD.encode(&image.data);
                let _ = writeln!(
                    out,
                    "\n{indent}  ![{}]({})\n",
                    strings.drawing_heading,
                    format_args!("data:{};base64,{data}", image.mime)
                );
            }
        }
        let _ = writeln!(out);
    }
    out
}

fn quote(text: &str) -> String {
    text.lines()
        .map(|line| format!("> {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn indent_block(text: &str, indent: &str) -> String {
    text.lines()
        .map(|line| format!("{indent}  {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}
