//! Class overviews for mentors: many students' progress files in one table, sorted and
//! filtered, and reports (CSV for Excel, Markdown) from the same data.

mod export;

pub use export::{Table, csv, markdown, pace_text, text_cell};

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::curriculum::Curriculum;
use crate::format::{self, EXTENSION, FEEDBACK_EXTENSION, ProgressFile};
use crate::plan::{Pace, Plan};
use crate::progress::{Completion, chapter_completion, overall_completion};

/// One student of the class (the newest of their files).
#[derive(Clone, Debug, PartialEq)]
pub struct StudentRow {
    /// The file this row comes from.
    pub path: PathBuf,
    /// The student's progress, without drawing images or sketches (see
    /// [`Self::has_drawing`]); opening the student reads the file again, in full.
    pub file: ProgressFile,
    /// Completion of each chapter, in curriculum order.
    pub chapters: Vec<Completion>,
    /// Completion over all items.
    pub total: Completion,
    /// The newest change in the progress (state, note or drawing), else when it was saved.
    pub last_activity: Option<Timestamp>,
    /// Whether the workflow drawing (a task's drawing) is attached.
    pub has_drawing: bool,
    /// Whether the file carries mentor feedback (the student imported some and sent it back).
    pub has_feedback: bool,
    /// When the newest feedback file for this student was written (a `.scfeedback` among the
    /// class's files, or one the mentor exported in this session).
    pub feedback_sent: Option<Timestamp>,
    /// Older files of the same student that this one replaced.
    pub superseded: Vec<PathBuf>,
    /// Where the student stands against the class's plan ([`set_pace`]); `None` without one.
    pub pace: Option<Pace>,
}

impl StudentRow {
    /// How many of this student's files are sync conflict copies (the one used included):
    /// the class shows that the newest save was taken among them.
    pub fn conflict_copies(&self) -> usize {
        std::iter::once(&self.path)
            .chain(&self.superseded)
            .filter(|path| is_conflict_copy(path))
            .count()
    }
}

/// A class: its students, the files that could not be read, and those not tried.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Class {
    /// One row per student, in file order until sorted.
    pub students: Vec<StudentRow>,
    /// Files (or folders) that could not be read, with the reason.
    pub problems: Vec<(PathBuf, String)>,
    /// Per folder given, the files in it that were not read because of their extension.
    pub skipped: Vec<Skipped>,
    /// Feedback files among the class's files: never counted as progress.
    pub feedback: Vec<FeedbackFile>,
    /// Files that could not be read but changed moments ago (within [`SETTLE`]): most likely
    /// still being written by a sync client or a copy. Not in `problems`: read them again a
    /// little later, and report them only if they stay unreadable.
    pub unsettled: Vec<(PathBuf, String)>,
}

/// How long after its last change an unreadable file is taken to be still arriving (a sync
/// client or a network copy writing it) rather than broken.
pub const SETTLE: std::time::Duration = std::time::Duration::from_secs(10);

/// A mentor's feedback file found among a class's files.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedbackFile {
    /// The file.
    pub path: PathBuf,
    /// The student it is for.
    pub student: format::Student,
    /// Who wrote it.
    pub mentor: String,
    /// When it was written.
    pub written: Option<Timestamp>,
}

/// The files of a folder that were not read: not `.scprogress`, `.scfeedback` or `.ron` by their name.
/// Sub-folders and what [`is_sync_leftover`] names (hidden, temporary and partial files of
/// sync clients, the system's own files) are not listed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    /// The folder, as given.
    pub folder: PathBuf,
    /// The files skipped, sorted.
    pub files: Vec<PathBuf>,
}

/// What [`collect_paths`] found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Collected {
    /// Progress files given directly, and those in the folders given, sorted per folder.
    pub files: Vec<PathBuf>,
    /// Folders that could not be listed, with the reason.
    pub problems: Vec<(PathBuf, String)>,
    /// Per folder, the files left out by their extension (only folders that had some).
    pub skipped: Vec<Skipped>,
}

/// A file read for the class: the file without images and whether it had a drawing, or why
/// it could not be read.
type FileResult = Result<(ProgressFile, bool), String>;

/// Progress files given directly, and those in given folders (not recursive), sorted; the
/// other files of those folders are counted in [`Collected::skipped`].
pub fn collect_paths(paths: &[PathBuf]) -> Collected {
    let mut collected = Collected::default();
    for path in paths {
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let (mut found, mut others): (Vec<PathBuf>, Vec<PathBuf>) = entries
                        .filter_map(Result::ok)
                        .map(|entry| entry.path())
                        .filter(|path| path.is_file() && !is_sync_leftover(path))
                        // A plan shared in the class folder is known, never progress.
                        .filter(|path| {
                            path.extension()
                                .is_none_or(|ext| ext != crate::plan::PLAN_EXTENSION)
                        })
                        .partition(|path| {
                            path.extension().is_some_and(|ext| {
                                ext == EXTENSION || ext == FEEDBACK_EXTENSION || ext == "ron"
                            })
                        });
                    found.sort();
                    collected.files.extend(found);
                    if !others.is_empty() {
                        others.sort();
                        collected.skipped.push(Skipped {
                            folder: path.clone(),
                            files: others,
                        });
                    }
                }
                Err(err) => collected.problems.push((path.clone(), err.to_string())),
            }
        } else {
            collected.files.push(path.clone());
        }
    }
    collected
}

/// Whether a file in a shared folder is something other programs leave while they work,
/// never a student's file: hidden files (`.DS_Store`, the app's own `.….tmp` while saving,
/// Syncthing's `.syncthing.….tmp`, Nextcloud's `.….~1a2b`), Office and Syncthing-on-Windows
/// `~…` files, partial downloads (`.part`, `.filepart`, `.crdownload`, `.tmp`), and the
/// system's `desktop.ini` / `Thumbs.db`. Such files are neither read nor listed as skipped.
/// (The names sync clients use are gathered in docs/class-folder.md.)
///
/// # Example
/// ```
/// use std::path::Path;
/// use study_companion::report::is_sync_leftover;
/// assert!(is_sync_leftover(Path::new("class/.syncthing.李四-1a2b3c4d.scprogress.tmp")));
/// assert!(is_sync_leftover(Path::new("class/李四-1a2b3c4d.scprogress.part")));
/// assert!(!is_sync_leftover(Path::new("class/李四-1a2b3c4d.scprogress")));
/// ```
pub fn is_sync_leftover(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let name = name.to_string_lossy().to_lowercase();
    const PARTIAL: [&str; 4] = [".tmp", ".part", ".filepart", ".crdownload"];
    name.starts_with('.')
        || name.starts_with('~')
        || name.contains(".~")
        || PARTIAL.iter().any(|suffix| name.ends_with(suffix))
        || name == "desktop.ini"
        || name == "thumbs.db"
}

/// Whether a file's name marks it as a sync client's conflict copy: Syncthing's
/// `.sync-conflict-…`, Dropbox's and Nextcloud's `(… conflicted copy …)` (and the languages
/// Dropbox writes it in), Seafile's `SFConflict`, ownCloud's `_conflict-`, the Chinese
/// `冲突副本` of domestic cloud drives, and the ` (1)` that Google Drive and others add.
///
/// # Example
/// ```
/// use std::path::Path;
/// use study_companion::report::is_conflict_copy;
/// assert!(is_conflict_copy(Path::new(
///     "李四-1a2b3c4d.sync-conflict-20261130-101500-ABCDEFG.scprogress"
/// )));
/// assert!(is_conflict_copy(Path::new("李四-1a2b3c4d (张三的冲突副本1_2026-11-30).scprogress")));
/// assert!(is_conflict_copy(Path::new("李四-1a2b3c4d (1).scprogress")));
/// assert!(!is_conflict_copy(Path::new("李四-1a2b3c4d.scprogress")));
/// ```
pub fn is_conflict_copy(path: &Path) -> bool {
    let Some(stem) = path.file_stem() else {
        return false;
    };
    let stem = stem.to_string_lossy().to_lowercase();
    const MARKS: [&str; 10] = [
        ".sync-conflict-",
        "conflicted copy",
        "sfconflict",
        "_conflict-",
        "冲突",
        "衝突",
        "競合",
        "konflikt",
        "conflit",
        "conflictiva",
    ];
    if MARKS.iter().any(|mark| stem.contains(mark)) {
        return true;
    }
    // "name (2)": a copy numbered by the sync client or the file manager.
    stem.strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .is_some_and(|(_, number)| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
}

/// Reads every file (on all cores) and builds the class: one row per student id, the newest
/// file winning; unreadable files are listed, the rest still load.
pub fn load_class(curriculum: &Curriculum, paths: &[PathBuf]) -> Class {
    let Collected {
        files,
        mut problems,
        skipped,
    } = collect_paths(paths);
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .max(1);
    let chunk = files.len().div_ceil(threads).max(1);
    let results: Vec<(PathBuf, FileResult)> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|path| {
                            // Image headers only, and no strokes: a class has hundreds of
                            // drawings; a student opened from it is read again, in full.
                            let result = format::read_path_with(path, format::ImageCheck::Summary)
                                .map(|imported| without_images(imported.file))
                                .map_err(|err| err.to_string());
                            (path.clone(), result)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_default())
            .collect()
    });

    let mut students: Vec<StudentRow> = Vec::new();
    let mut feedback = Vec::new();
    let mut unsettled = Vec::new();
    let now = std::time::SystemTime::now();
    for (path, result) in results {
        match result {
            Ok((file, _)) if file.is_feedback() => {
                let newest = file.progress.feedback.iter().max_by_key(|f| f.written);
                feedback.push(FeedbackFile {
                    mentor: newest.map(|f| f.mentor.clone()).unwrap_or_default(),
                    written: newest.and_then(|f| f.written).or(file.saved_at),
                    student: file.student,
                    path,
                });
            }
            Ok((file, has_drawing)) => {
                let row = student_row(curriculum, path, file, has_drawing);
                if let Some(existing) = students
                    .iter_mut()
                    .find(|row_| row_.file.student.id == row.file.student.id)
                {
                    let (newer, older) = if (row.file.saved_at, row.last_activity)
                        > (existing.file.saved_at, existing.last_activity)
                    {
                        (row, existing.clone())
                    } else {
                        (existing.clone(), row)
                    };
                    let mut newer = newer;
                    newer.superseded.push(older.path);
                    newer.superseded.extend(older.superseded);
                    newer.superseded.sort();
                    *existing = newer;
                } else {
                    students.push(row);
                }
            }
            Err(error) if changed_within(&path, now, SETTLE) => unsettled.push((path, error)),
            Err(error) => problems.push((path, error)),
        }
    }
    for row in &mut students {
        row.feedback_sent = feedback
            .iter()
            .filter(|f| f.student.id == row.file.student.id)
            .filter_map(|f| f.written)
            .max();
    }
    Class {
        students,
        problems,
        skipped,
        feedback,
        unsettled,
    }
}

/// Whether `path` was modified less than `within` before `now` (not if its time lies in the
/// future: a wrong clock must not keep a broken file from being reported forever).
fn changed_within(path: &Path, now: std::time::SystemTime, within: std::time::Duration) -> bool {
    std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .ok()
        .and_then(|modified| now.duration_since(modified).ok())
        .is_some_and(|age| age < within)
}

/// The file without its drawing images, and whether it had one. The class needs to know that
/// a drawing exists, not its pixels: a class of hundreds of students would hold hundreds of
/// megabytes. (Sketches are not even built: the file is read with `ImageCheck::Summary`.)
/// Opening a student reads the file again.
fn without_images(mut file: ProgressFile) -> (ProgressFile, bool) {
    let mut has_drawing = false;
    for drawing in file.progress.drawings.values_mut() {
        has_drawing |= drawing.image.take().is_some();
    }
    (file, has_drawing)
}

fn student_row(
    curriculum: &Curriculum,
    path: PathBuf,
    file: ProgressFile,
    has_drawing: bool,
) -> StudentRow {
    let progress = &file.progress;
    let chapters = curriculum
        .chapters
        .iter()
        .map(|chapter| chapter_completion(chapter, progress))
        .collect();
    let total = overall_completion(curriculum, progress);
    let last_activity = progress
        .items
        .values()
        .flat_map(|item| [item.changed, item.finished, item.note.edited])
        .chain(progress.chapter_notes.values().map(|note| note.edited))
        .chain(progress.drawings.values().map(|drawing| drawing.updated))
        .flatten()
        .max()
        .or(file.saved_at);
    let has_feedback = file.progress.feedback.iter().any(|f| !f.is_empty());
    StudentRow {
        has_feedback,
        feedback_sent: None,
        path,
        file,
        chapters,
        total,
        last_activity,
        has_drawing,
        superseded: Vec::new(),
        pace: None,
    }
}

/// A sort key for names: Chinese characters by their pinyin (so 安 < 白 < 张), others as
/// they are, case-insensitively.
///
/// # Example
/// ```
/// use study_companion::report::name_sort_key;
/// let mut names = vec!["张三", "Zhou Jie", "李四", "安娜", "Bob", "zhang Wei"];
/// names.sort_by_key(|name| name_sort_key(name));
/// assert_eq!(names, ["安娜", "Bob", "李四", "张三", "zhang Wei", "Zhou Jie"]);
/// ```
pub fn name_sort_key(name: &str) -> String {
    use pinyin::ToPinyin as _;
    let mut key = String::new();
    // Words are separated by one space: each character's syllable is a word, and a run of
    // other letters is one ("Zhou Jie" → "zhou jie", 张三 → "zhang san").
    let mut word_open = false;
    for ch in name.chars() {
        if let Some(pinyin) = ch.to_pinyin() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(pinyin.plain());
            word_open = false;
        } else if ch.is_whitespace() {
            word_open = false;
        } else {
            if !word_open && !key.is_empty() {
                key.push(' ');
            }
            key.extend(ch.to_lowercase());
            word_open = true;
        }
    }
    key
}

/// A column of the class table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The student's name (pinyin order).
    Name,
    /// A chapter's completion, by index.
    Chapter(usize),
    /// Total completion.
    Total,
    /// Last activity.
    LastActivity,
    /// Drawing attached.
    Drawing,
    /// Pace against the plan: furthest behind first (ascending), no plan last.
    Pace,
}

/// Sorts rows by a column (ties by name, then id, so the order is always the same).
pub fn sort_rows(rows: &mut [StudentRow], column: Column, descending: bool) {
    rows.sort_by(|a, b| {
        let primary = match column {
            Column::Name => std::cmp::Ordering::Equal,
            Column::Chapter(index) => {
                fraction(a.chapters.get(index)).total_cmp(&fraction(b.chapters.get(index)))
            }
            Column::Total => a.total.fraction().total_cmp(&b.total.fraction()),
            Column::LastActivity => a.last_activity.cmp(&b.last_activity),
            Column::Drawing => a.has_drawing.cmp(&b.has_drawing),
            Column::Pace => pace_key(a).cmp(&pace_key(b)),
        };
        let primary = if descending {
            primary.reverse()
        } else {
            primary
        };
        let by_name = name_sort_key(&a.file.student.name).cmp(&name_sort_key(&b.file.student.name));
        let by_name = if descending && column == Column::Name {
            by_name.reverse()
        } else {
            by_name
        };
        primary
            .then(by_name)
            .then_with(|| a.file.student.id.cmp(&b.file.student.id))
    });
}

/// Items ahead (positive) or behind (negative); a row without a pace sorts after every
/// other in ascending order.
fn pace_key(row: &StudentRow) -> i64 {
    row.pace
        .as_ref()
        .map_or(i64::MAX, |pace| pace.status.signed())
}

/// Sets every row's pace against `plan` on `today` (or clears it without a plan).
///
/// # Example
/// ```
/// use jiff::civil::date;
/// use study_companion::plan::default_plan;
/// use study_companion::report::{set_pace, Class};
/// let curriculum = study_companion::embedded::curriculum();
/// let plan = default_plan(curriculum, date(2027, 1, 11), date(2027, 2, 21));
/// let mut class = Class::default();
/// set_pace(&mut class, curriculum, Some(&plan), date(2027, 1, 20));
/// ```
pub fn set_pace(
    class: &mut Class,
    curriculum: &Curriculum,
    plan: Option<&Plan>,
    today: jiff::civil::Date,
) {
    for row in &mut class.students {
        row.pace = plan.map(|plan| crate::plan::pace(curriculum, plan, &row.file.progress, today));
    }
}

fn fraction(completion: Option<&Completion>) -> f32 {
    completion.map_or(0.0, Completion::fraction)
}

/// Whether a student has done nothing for `days` days (or never).
pub fn is_inactive(row: &StudentRow, now: Timestamp, days: u32) -> bool {
    let limit = jiff::SignedDuration::from_hours(24 * i64::from(days));
    row.last_activity
        .is_none_or(|last| now.duration_since(last) >= limit)
}

/// Whether a row matches a name filter (case-insensitive, also by pinyin).
pub fn matches_filter(row: &StudentRow, filter: &str) -> bool {
    let filter = filter.trim().to_lowercase();
    if filter.is_empty() {
        return true;
    }
    let name = row.file.student.name.to_lowercase();
    name.contains(&filter)
        || name_sort_key(&row.file.student.name)
            .replace(' ', "")
            .contains(&filter.replace(' ', ""))
}

/// The names of skipped files for a message: the first `shown`, comma-separated, then `…`
/// when there are more.
///
/// # Example
/// ```
/// use study_companion::report::{Skipped, skipped_names};
/// let skipped = Skipped {
///     folder: "class".into(),
///     files: vec!["class/a.txt".into(), "class/b.json".into(), "class/c.zip".into()],
/// };
/// assert_eq!(skipped_names(&skipped, 2), "a.txt, b.json, …");
/// ```
pub fn skipped_names(skipped: &Skipped, shown: usize) -> String {
    let mut names: Vec<String> = skipped
        .files
        .iter()
        .take(shown)
        .map(|path| file_name(path))
        .collect();
    if skipped.files.len() > shown {
        names.push("…".to_owned());
    }
    names.join(", ")
}

/// The file name of a path, for messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// What changed for one student between two readings of a class.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowChange {
    /// Items completed since (done or skipped).
    pub completed: usize,
    /// The workflow drawing appeared.
    pub new_drawing: bool,
    /// Notes were written or changed.
    pub notes: bool,
    /// A student not in the earlier reading.
    pub new_student: bool,
}

impl RowChange {
    /// Whether anything changed.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Per student id, what changed from `before` to `after` (students without a change are left
/// out).
pub fn changes_since(
    before: &Class,
    after: &Class,
) -> std::collections::BTreeMap<String, RowChange> {
    let mut changes = std::collections::BTreeMap::new();
    for row in &after.students {
        let id = &row.file.student.id;
        let change = match before
            .students
            .iter()
            .find(|old| old.file.student.id == *id)
        {
            None => RowChange {
                new_student: true,
                ..RowChange::default()
            },
            Some(old) => RowChange {
                completed: row.total.complete().saturating_sub(old.total.complete()),
                new_drawing: row.has_drawing && !old.has_drawing,
                notes: note_times(&row.file) != note_times(&old.file),
                new_student: false,
            },
        };
        if !change.is_empty() {
            changes.insert(id.clone(), change);
        }
    }
    changes
}

/// When each note was last edited: a changed note changes this.
fn note_times(file: &ProgressFile) -> Vec<Option<Timestamp>> {
    let progress = &file.progress;
    progress
        .items
        .values()
        .map(|item| item.note.edited)
        .chain(progress.chapter_notes.values().map(|note| note.edited))
        .collect()
}
