//! What a view may ask for. Views push [`Action`]s; [`super::flow::Model::update`] applies
//! them. Each flow has its own enum ([`ImportAction`], [`MentorAction`], [`DrawingAction`]),
//! so a flow's update matches only what is its own. Results of background work are not
//! actions: they come back as [`super::effect::Outcome`]s.

use std::path::PathBuf;

use crate::curriculum::{ChapterId, ItemId};
use crate::drawing::Sketch;
use crate::i18n::Language;
use crate::progress::{ItemState, NoteTarget};
use crate::search::Place;

use super::state::Theme;

/// A window over everything, opened from the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The command palette.
    Palette,
    /// Every keyboard shortcut.
    Shortcuts,
}

/// Everything a view or a command can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Tick or untick an item.
    ToggleDone(ItemId),
    /// Set an item's state.
    SetState(ItemId, ItemState),
    /// Mark every item of a chapter skipped (or back to not started).
    SkipChapter(ChapterId, bool),
    /// Replace the text of a note.
    SetNote(NoteTarget, String),
    /// Set the student's name.
    SetName(String),
    /// Open or close a chapter.
    SetChapterOpen(ChapterId, bool),
    /// Open or close every chapter.
    SetAllChaptersOpen(bool),
    /// Open a chapter and scroll to it.
    GoToChapter(ChapterId),
    /// Jump to the last item touched, or the first unfinished one.
    Continue,
    /// Open the search window (Ctrl+F).
    OpenSearch,
    /// Go to a search hit: open its chapter, scroll there and flash it.
    ShowFound(Place),
    /// Open a link in the system browser (only http and https).
    OpenUrl(String),
    /// Put a link on the clipboard.
    CopyUrl(String),
    /// Switch the UI language.
    SetLanguage(Language),
    /// Light, dark, or as the system is.
    SetTheme(Theme),
    /// Show a window over everything (the command palette, the shortcut sheet), or none.
    ShowOverlay(Option<Overlay>),
    /// The size of everything, in percent (clamped to [`TEXT_SIZES`](super::state::TEXT_SIZES)).
    SetTextSize(u16),
    /// Close the notice at this index.
    DismissNotice(usize),
    /// Ask where to export the progress (a native dialog, off the UI thread).
    AskExport {
        /// A Markdown summary instead of the progress file.
        markdown: bool,
    },
    /// Write the progress (or its Markdown summary) to a file.
    ExportTo {
        /// Where.
        path: PathBuf,
        /// A Markdown summary instead of the progress file.
        markdown: bool,
    },
    /// Show a file the app wrote in the system's file manager.
    Reveal(PathBuf),
    /// Open files from outside (the command line, a double-click, a second launch): one
    /// file is imported (a preview first); several files or a folder open as a class.
    Open {
        /// The files or folders.
        paths: Vec<PathBuf>,
        /// Whether they are a class (several, or a folder: decided by whoever can look).
        as_class: bool,
    },
    /// Ask for the class folder to hand in to (a native dialog).
    AskClassFolder,
    /// Hand in to this class folder from now on (`None`: stop).
    SetClassFolder(Option<PathBuf>),
    /// The in-app path (asked for when no native dialog could be shown) is confirmed.
    ConfirmPath,
    /// The in-app path prompt is closed without a path.
    CancelPath,
    /// Files from others: import, preview, undo, viewing.
    Import(ImportAction),
    /// The mentor's class view and feedback.
    Mentor(MentorAction),
    /// Drawings, photos and the picture viewer.
    Drawing(DrawingAction),
    /// The study plan: setting, sharing and importing it.
    Plan(PlanAction),
}

/// The study plan flow.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanAction {
    /// Show or hide the plan window.
    Show(bool),
    /// Keep this plan (checked first; a bad one is refused with a message).
    Set(crate::plan::Plan),
    /// Remove the plan (kept as a backup).
    Remove,
    /// Ask where to write the plan file (a native dialog).
    AskShare,
    /// Write the plan file here.
    ShareTo(std::path::PathBuf),
    /// Read a plan file for its preview.
    From(std::path::PathBuf),
    /// Use the previewed plan.
    Accept,
    /// Close the preview without using it.
    Reject,
}

/// The import flow: reading a progress file, the preview, and what the student decides.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportAction {
    /// Ask which progress file to import (a native dialog).
    Ask,
    /// Read a progress file and show the preview (queued while another is open).
    From(PathBuf),
    /// Merge the previewed file (the student's own).
    ConfirmMerge,
    /// Replace the student's progress with the previewed file.
    Replace,
    /// Show the previewed file (another student's) read-only.
    View,
    /// Close the preview without changing anything.
    Cancel,
    /// Put the progress back as it was before the last import.
    Undo,
    /// Stop viewing another student's file.
    CloseView,
}

/// The mentor: the class, one student at a time, feedback.
#[derive(Clone, Debug, PartialEq)]
pub enum MentorAction {
    /// Show the class view.
    Open,
    /// Leave the class view.
    Close,
    /// Ask for progress files or a folder to add to the class (a native dialog).
    AskAdd {
        /// A folder rather than files.
        folder: bool,
    },
    /// Add files or folders to the class (read off the UI thread).
    Add(Vec<PathBuf>),
    /// Show one student of the class read-only (the file is read again, off the UI thread).
    ViewStudent(usize),
    /// Ask where to write the class report.
    AskExportReport {
        /// Markdown instead of CSV.
        markdown: bool,
    },
    /// Write the class report.
    ExportReportTo {
        /// Where.
        path: PathBuf,
        /// Markdown instead of CSV.
        markdown: bool,
    },
    /// Ask where to write the feedback for the student being viewed.
    AskExportFeedback,
    /// Write the feedback file for the student being viewed.
    ExportFeedbackTo(PathBuf),
    /// The mentor typed feedback for a student (`item`: a comment on one item; none: the
    /// overall comment); the drafts are saved about a second later.
    EditFeedback {
        /// The student's id (the drafts are kept per student).
        student: String,
        /// The item commented on, or none for the overall comment.
        item: Option<crate::curriculum::ItemId>,
        /// The whole comment as it reads now.
        text: String,
    },
    /// Set the name the mentor signs feedback with.
    SetName(String),
    /// Ask for a folder to write every student's feedback into.
    AskExportAllFeedback,
    /// Write one feedback file per student with feedback into a folder.
    ExportAllFeedbackTo(PathBuf),
}

/// Drawings of task items (photos, sketches) and the picture viewer.
#[derive(Clone, Debug, PartialEq)]
pub enum DrawingAction {
    /// Ask for a photo or scan to attach to a task item (a native dialog).
    AskAttach(ItemId),
    /// Attach an image file to a task item (prepared off the UI thread).
    AttachFrom(ItemId, PathBuf),
    /// Attach the image on the clipboard.
    Paste(ItemId),
    /// Open the sketch canvas for a task item.
    OpenCanvas(ItemId),
    /// Keep the canvas's sketch in the progress (after every stroke; `None` removes it).
    KeepSketch(ItemId, Option<Sketch>),
    /// Close the canvas.
    CloseCanvas,
    /// Save a sketch (rendered to PNG off the UI thread) and close the canvas.
    SaveSketch(ItemId, Sketch),
    /// Ask where to export a drawing as PNG.
    AskExportPng(ItemId),
    /// Write a drawing as PNG.
    ExportPngTo(ItemId, PathBuf),
    /// Ask whether to remove a drawing.
    AskRemove(ItemId),
    /// Remove a drawing (confirmed).
    Remove(ItemId),
    /// Keep the drawing.
    CancelRemove,
    /// Show a picture full size, zoomable (a curriculum picture or a drawing).
    ShowImage {
        /// Window title.
        title: String,
        /// The image's URI (registered with egui).
        uri: String,
    },
    /// Close the picture viewer.
    CloseImage,
}

impl From<ImportAction> for Action {
    fn from(action: ImportAction) -> Self {
        Self::Import(action)
    }
}

impl From<MentorAction> for Action {
    fn from(action: MentorAction) -> Self {
        Self::Mentor(action)
    }
}

impl From<PlanAction> for Action {
    fn from(action: PlanAction) -> Self {
        Self::Plan(action)
    }
}

impl From<DrawingAction> for Action {
    fn from(action: DrawingAction) -> Self {
        Self::Drawing(action)
    }
}

impl Action {
    /// Files from outside as one action: several files or a folder open as a class, one
    /// file is imported (this looks at the disk to tell; the update core does not).
    pub fn open(paths: Vec<PathBuf>) -> Self {
        let as_class = paths.len() > 1 || paths.iter().any(|path| path.is_dir());
        Self::Open { paths, as_class }
    }

    /// Whether the action changes item states or notes: ignored while another student's
    /// file is on screen (it is read-only).
    pub fn changes_progress(&self) -> bool {
        matches!(
            self,
            Self::ToggleDone(_) | Self::SetState(..) | Self::SkipChapter(..) | Self::SetNote(..)
        )
    }

    /// Whether the action changes what this window saves in the data folder (the progress,
    /// the plan): refused while another process holds the data folder (it could not be
    /// saved). While another student's file is on screen, [`Self::changes_progress`] decides.
    pub fn writes_own_progress(&self) -> bool {
        match self {
            Self::ToggleDone(_)
            | Self::SetState(..)
            | Self::SkipChapter(..)
            | Self::SetNote(..)
            | Self::SetName(_) => true,
            Self::Import(action) => matches!(
                action,
                ImportAction::ConfirmMerge | ImportAction::Replace | ImportAction::Undo
            ),
            Self::Drawing(action) => !matches!(
                action,
                DrawingAction::AskExportPng(_)
                    | DrawingAction::ExportPngTo(..)
                    | DrawingAction::CancelRemove
                    | DrawingAction::CloseCanvas
                    | DrawingAction::ShowImage { .. }
                    | DrawingAction::CloseImage
            ),
            // The plan in use is `plan.ron` in the data folder.
            Self::Plan(action) => matches!(
                action,
                PlanAction::Set(_) | PlanAction::Remove | PlanAction::Accept
            ),
            _ => false,
        }
    }
}
