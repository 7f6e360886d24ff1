//! What [`super::flow::Model::update`] asks the world to do, as plain data, and what comes
//! back. The runner (`ui::runner::Runner`) carries effects out: dialogs, threads, files,
//! the browser, the clipboard. (The window itself writes only on exit: the progress and the
//! class folder's copy, synchronously, in `StudyApp::flush`.) A test replays a flow by calling
//! `update`, looking at the effects, and handing back the [`Outcome`]s it chooses.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use jiff::Timestamp;

use crate::curriculum::ItemId;
use crate::drawing::photo::PhotoError;
use crate::drawing::{EmbeddedImage, Sketch};
use crate::exchange::{ExportReport, FeedbackExport};
use crate::format::{FormatError, Imported};
use crate::progress::Feedback;
use crate::report::Class;

use super::action::{Action, DrawingAction, ImportAction, MentorAction};

/// The moment an action or outcome is applied: wall-clock time for what is stored, a
/// monotonic instant for delays. Tests make their own.
#[derive(Clone, Copy, Debug)]
pub struct Now {
    /// Stored in files.
    pub time: Timestamp,
    /// For delays (saving drafts a second after the last edit).
    pub instant: Instant,
}

impl Now {
    /// This moment.
    pub fn current() -> Self {
        Self {
            time: Timestamp::now(),
            instant: Instant::now(),
        }
    }
}

/// Something only the world can do.
#[derive(Debug)]
pub enum Effect {
    /// The student's own progress changed: save it (soon, in the background).
    ProgressChanged,
    /// Listen for second launches on this data folder (the window holds its lock); their
    /// files come back as [`Outcome::OpenRequested`].
    ListenForOpens(PathBuf),
    /// Scroll the roadmap to this chapter or item.
    ScrollTo(ScrollTarget),
    /// Flash this chapter or item for a moment (a search hit just opened).
    Highlight(ScrollTarget),
    /// Show the search window, its field focused.
    OpenSearch,
    /// Show a native file dialog; the answer comes back as [`Outcome::Picked`].
    Pick(Dialog),
    /// Write a file atomically; the outcome comes back as [`Outcome::Written`].
    Write {
        /// Where.
        path: PathBuf,
        /// What.
        contents: Contents,
    },
    /// Read a progress file; it comes back as [`Outcome::ProgressRead`].
    ReadProgress {
        /// The file.
        path: PathBuf,
        /// What it is read for.
        purpose: ReadPurpose,
    },
    /// Prepare a picture for a task item; it comes back as [`Outcome::ImageReady`].
    PrepareImage {
        /// The task item.
        item: ItemId,
        /// Where the picture comes from.
        source: ImageSource,
    },
    /// Read every progress file in these files and folders; [`Outcome::ClassLoaded`].
    LoadClass(Vec<PathBuf>),
    /// Write one feedback file per student; [`Outcome::AllFeedbackExported`].
    WriteFeedbackFiles {
        /// The folder.
        folder: PathBuf,
        /// The files.
        exports: Vec<FeedbackExport>,
    },
    /// Save the person's settings in the data folder; [`Outcome::ProfileSaved`].
    SaveProfile(crate::storage::Profile),
    /// Save the mentor's feedback drafts next to the progress; [`Outcome::DraftsSaved`].
    SaveDrafts(BTreeMap<String, Feedback>),
    /// Write what an import set aside into the data folder, before the merge is applied;
    /// [`Outcome::SetAsideWritten`].
    WriteSetAside(Vec<String>),
    /// Open a checked http(s) URL in the system browser.
    OpenUrl(String),
    /// Put text on the clipboard.
    CopyText(String),
    /// Write the student's copy into the class folder; [`Outcome::HandedIn`].
    HandIn {
        /// The file in the class folder.
        path: PathBuf,
        /// The progress file, stamped.
        text: String,
    },
    /// Watch the class folder for changes (`None`: stop); [`Outcome::ClassFolderChanged`].
    WatchClassFolder(Option<PathBuf>),
    /// Watch the class view's files and folders (empty: stop); [`Outcome::ClassChanged`].
    WatchClass(Vec<PathBuf>),
    /// Look in the class folder for feedback files addressed to this student;
    /// [`Outcome::FeedbackFound`].
    ScanFeedback {
        /// The class folder.
        folder: PathBuf,
        /// The student's id.
        student_id: String,
    },
    /// Show a file the app wrote in the system's file manager (its folder, the file
    /// selected where the system allows).
    Reveal(PathBuf),
    /// Save the plan in the data folder, or remove it (`None`); [`Outcome::PlanSaved`].
    SavePlan(Option<crate::plan::PlanFile>),
    /// Read a plan file; [`Outcome::PlanRead`].
    ReadPlan(PathBuf),
}

/// Where the roadmap scrolls to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScrollTarget {
    /// A chapter's header.
    Chapter(crate::curriculum::ChapterId),
    /// An item.
    Item(ItemId),
}

/// A native file dialog, described.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dialog {
    /// Open one file, several, a folder, or save.
    pub mode: DialogMode,
    /// The filter's name and extensions (none: every file).
    pub filter: Option<(&'static str, Vec<&'static str>)>,
    /// The suggested file name (save dialogs).
    pub file_name: Option<String>,
    /// What the chosen paths are for.
    pub then: Then,
}

/// Which kind of dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogMode {
    /// Pick one file.
    OpenFile,
    /// Pick one or more files.
    OpenFiles,
    /// Pick a folder.
    OpenFolder,
    /// Choose where to save.
    Save,
}

/// What the paths a dialog returns are for: each becomes the action that follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Then {
    /// Export the progress (or its Markdown summary).
    Export {
        /// Markdown instead of the progress file.
        markdown: bool,
    },
    /// Import a progress file.
    Import,
    /// Attach a picture to a task item.
    Attach(ItemId),
    /// Export a task item's drawing as PNG.
    ExportPng(ItemId),
    /// Add files or folders to the class.
    AddToClass,
    /// Write the class report.
    ExportReport {
        /// Markdown instead of CSV.
        markdown: bool,
    },
    /// Write the feedback file of the student being viewed.
    ExportFeedback,
    /// Write every student's feedback file into a folder.
    ExportAllFeedback,
    /// Hand in to this class folder.
    ClassFolder,
    /// Write the plan file there.
    SharePlan,
}

impl Then {
    /// The action that follows a dialog's answer (none when it was cancelled).
    pub fn action(self, mut paths: Vec<PathBuf>) -> Option<Action> {
        if let Self::AddToClass = self {
            return (!paths.is_empty()).then_some(MentorAction::Add(paths).into());
        }
        let path = paths.drain(..).next()?;
        Some(match self {
            Self::Export { markdown } => Action::ExportTo { path, markdown },
            Self::Import => ImportAction::From(path).into(),
            Self::Attach(item) => DrawingAction::AttachFrom(item, path).into(),
            Self::ExportPng(item) => DrawingAction::ExportPngTo(item, path).into(),
            Self::ExportReport { markdown } => {
                MentorAction::ExportReportTo { path, markdown }.into()
            }
            Self::ExportFeedback => MentorAction::ExportFeedbackTo(path).into(),
            Self::ExportAllFeedback => MentorAction::ExportAllFeedbackTo(path).into(),
            Self::ClassFolder => Action::SetClassFolder(Some(path)),
            Self::SharePlan => super::action::PlanAction::ShareTo(path).into(),
            Self::AddToClass => return None,
        })
    }
}

/// What a file is written with.
#[derive(Debug)]
pub enum Contents {
    /// Text made on the UI thread (a progress file, a summary, a report).
    Text(String),
    /// A drawing, encoded as PNG by the runner.
    Png(EmbeddedImage),
}

/// What a progress file is read for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadPurpose {
    /// The import preview.
    Import,
    /// Showing a student of the class read-only.
    ViewStudent,
}

/// Where a picture for a task item comes from.
#[derive(Debug)]
pub enum ImageSource {
    /// A photo or scan on disk.
    File(PathBuf),
    /// The image on the clipboard.
    Clipboard,
    /// A sketch drawn in the app, rendered to PNG.
    Sketch(Sketch),
}

/// Why a picture could not be prepared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageProblem {
    /// The file or clipboard image is not a usable picture.
    Photo(PhotoError),
    /// The clipboard holds no image.
    NoClipboardImage,
    /// The sketch could not be rendered.
    Render(String),
}

/// Why a file could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteProblem {
    /// The drawing could not be encoded.
    Photo(PhotoError),
    /// The system refused (its own words).
    Io(String),
}

/// What the world answers to an [`Effect`].
#[derive(Debug)]
pub enum Outcome {
    /// A second launch (or the macOS open-documents event) asks to open files.
    OpenRequested(Action),
    /// A dialog was answered (no paths: cancelled).
    Picked {
        /// What the paths are for.
        then: Then,
        /// What the person chose.
        paths: Vec<PathBuf>,
    },
    /// A file was written, or not.
    Written {
        /// The file.
        path: PathBuf,
        /// Whether it worked.
        result: Result<(), WriteProblem>,
    },
    /// A progress file was read, or could not be.
    ProgressRead {
        /// The file.
        path: PathBuf,
        /// What for.
        purpose: ReadPurpose,
        /// The file and its repairs, or why not.
        result: Result<Imported, FormatError>,
    },
    /// A picture was prepared for a task item, or could not be.
    ImageReady {
        /// The task item.
        item: ItemId,
        /// The stored picture, or why not.
        image: Result<EmbeddedImage, ImageProblem>,
        /// The sketch it was rendered from, if it was drawn in the app.
        sketch: Option<Sketch>,
    },
    /// The class was read.
    ClassLoaded(Class),
    /// Every student's feedback file was written, or some could not be.
    AllFeedbackExported {
        /// The folder.
        folder: PathBuf,
        /// What was written and what failed.
        report: ExportReport,
    },
    /// The feedback drafts were saved, or not.
    DraftsSaved(Result<(), String>),
    /// The settings were saved, or not.
    ProfileSaved(Result<(), String>),
    /// What an import set aside was written (the files), or not.
    SetAsideWritten(Result<Vec<PathBuf>, String>),
    /// No native dialog could be shown (no portal, no zenity): the person is asked in the
    /// window instead.
    DialogUnavailable(Dialog),
    /// The file manager could not be opened (the system's words).
    RevealFailed(String),
    /// The class folder's copy was written (where), or not (the system's words).
    HandedIn(Result<PathBuf, String>),
    /// Something in the watched class folder changed.
    ClassFolderChanged,
    /// Something among the class view's watched files and folders changed.
    ClassChanged,
    /// Feedback files in the class folder for this student: each file, and the mentor and
    /// time of each feedback entry in it.
    FeedbackFound(Vec<FoundFeedback>),
    /// The plan was saved (or removed: the backup's path), or why not.
    PlanSaved(Result<Option<PathBuf>, String>),
    /// A plan file was read (or not).
    PlanRead {
        /// The file.
        path: PathBuf,
        /// The plan, or why it could not be read.
        result: Result<crate::plan::ReadPlan, crate::plan::PlanError>,
    },
    /// Plan files in the class folder (newest first), read; unreadable ones are left out.
    PlansFound(Vec<(PathBuf, crate::plan::ReadPlan)>),
}

/// A feedback file found in the class folder for this student.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundFeedback {
    /// The file.
    pub path: PathBuf,
    /// Each entry's mentor and time (to tell whether the student already has it).
    pub entries: Vec<(String, Option<Timestamp>)>,
}
