//! The one place that carries out [`Effect`]s: native dialogs, threads, files, the browser,
//! the clipboard. Slow work runs on its own thread and its [`Outcome`] comes back on a later
//! frame; the few effects that must happen before anything else changes (writing what an
//! import sets aside) run at once.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::curriculum::Curriculum;
use crate::storage::Storage;
use crate::watch::FolderWatcher as Watcher;

use super::browser::Browser;
use super::effect::{
    Contents, Dialog, DialogMode, Effect, FoundFeedback, ImageProblem, ImageSource, Outcome,
    WriteProblem,
};

/// A message from a job's thread.
enum Message {
    Outcome(Box<Outcome>),
    Finished,
}

/// Carries out effects and collects their outcomes.
pub struct Runner {
    browser: Box<dyn Browser>,
    /// The class folder's watcher (the student's hand-in folder), while there is one.
    watcher: Option<Watcher>,
    /// The class view's watcher (the mentor's files and folders), while it is open.
    class_watcher: Option<Watcher>,
    /// What second launches on this data folder ask for (see [`crate::instance`]).
    incoming: Option<crate::instance::Incoming>,
    results_tx: Sender<Message>,
    results_rx: Receiver<Message>,
    in_flight: usize,
}

impl Runner {
    /// A runner that opens links with `browser`.
    pub fn new(browser: Box<dyn Browser>) -> Self {
        let (results_tx, results_rx) = channel();
        Self {
            browser,
            watcher: None,
            class_watcher: None,
            incoming: None,
            results_tx,
            results_rx,
            in_flight: 0,
        }
    }

    /// Carries out `effect`. What is done at once returns its outcome now; background work
    /// returns it from a later [`Self::poll`]. `storage` is the data folder (set-aside files
    /// go there). [`Effect::ProgressChanged`], [`Effect::ScrollTo`], [`Effect::Highlight`] and
    /// [`Effect::OpenSearch`] are the window's own and are ignored here.
    pub fn run(
        &mut self,
        ctx: &egui::Context,
        effect: Effect,
        curriculum: &Arc<Curriculum>,
        storage: Option<&Storage>,
    ) -> Option<Outcome> {
        match effect {
            Effect::ProgressChanged
            | Effect::ScrollTo(_)
            | Effect::Highlight(_)
            | Effect::OpenSearch => None,
            Effect::OpenUrl(url) => {
                self.browser.open(&url);
                None
            }
            Effect::CopyText(text) => {
                ctx.copy_text(text);
                None
            }
            Effect::HandIn { path, text } => {
                self.spawn(ctx, "hand-in", move || {
                    let result =
                        crate::storage::write_atomically(&path, text.as_bytes(), || Ok(()))
                            .map(|()| path)
                            .map_err(|err| err.to_string());
                    Some(Outcome::HandedIn(result))
                });
                None
            }
            Effect::ListenForOpens(data_dir) => {
                if self.incoming.is_none() {
                    match crate::instance::claim(&data_dir) {
                        Ok(incoming) => self.receive_second_launches(ctx, incoming),
                        Err(err) => {
                            log::warn!("second launches cannot hand files to this window: {err}");
                        }
                    }
                }
                None
            }
            Effect::WatchClassFolder(folder) => {
                self.watcher = folder
                    .and_then(|folder| self.watch(ctx, &[folder], || Outcome::ClassFolderChanged));
                None
            }
            Effect::WatchClass(paths) => {
                self.class_watcher = if paths.is_empty() {
                    None
                } else {
                    self.watch(ctx, &paths, || Outcome::ClassChanged)
                };
                None
            }
            Effect::ScanFeedback { folder, student_id } => {
                let plans = folder.clone();
                self.spawn(ctx, "scan-feedback", move || {
                    Some(Outcome::FeedbackFound(scan_feedback(&folder, &student_id)))
                });
                self.spawn(ctx, "scan-plans", move || {
                    Some(Outcome::PlansFound(scan_plans(&plans)))
                });
                None
            }
            Effect::SavePlan(plan) => {
                let storage = storage.cloned();
                self.spawn(ctx, "save-plan", move || {
                    let storage = storage?;
                    let removing = plan.is_none();
                    // Where a removed plan is kept is said; a replaced one goes to its backup
                    // as every save's does.
                    let result = storage
                        .save_plan(plan.as_ref())
                        .map(|previous| previous.filter(|_| removing))
                        .map_err(|err| err.to_string());
                    Some(Outcome::PlanSaved(result))
                });
                None
            }
            Effect::ReadPlan(path) => {
                self.spawn(ctx, "read-plan", move || {
                    let result = crate::plan::file::read_path(&path);
                    Some(Outcome::PlanRead { path, result })
                });
                None
            }
            Effect::Reveal(path) => {
                self.spawn(ctx, "reveal", move || {
                    opener::reveal(&path)
                        .err()
                        .map(|err| Outcome::RevealFailed(err.to_string()))
                });
                None
            }
            Effect::WriteSetAside(texts) => {
                let result = match storage {
                    Some(storage) => storage
                        .save_set_aside(&texts, jiff::Timestamp::now())
                        .map_err(|err| err.to_string()),
                    None => Ok(Vec::new()),
                };
                Some(Outcome::SetAsideWritten(result))
            }
            Effect::Pick(dialog) => {
                self.spawn(ctx, "dialog", move || Some(pick(dialog)));
                None
            }
            Effect::Write { path, contents } => {
                self.spawn(ctx, "write", move || {
                    let result = write(&path, contents);
                    Some(Outcome::Written { path, result })
                });
                None
            }
            Effect::ReadProgress { path, purpose } => {
                self.spawn(ctx, "read-progress", move || {
                    let result = crate::format::read_path(&path);
                    Some(Outcome::ProgressRead {
                        path,
                        purpose,
                        result,
                    })
                });
                None
            }
            Effect::PrepareImage { item, source } => {
                self.spawn(ctx, "prepare-image", move || {
                    let (image, sketch) = prepare(source);
                    Some(Outcome::ImageReady {
                        item,
                        image,
                        sketch,
                    })
                });
                None
            }
            Effect::LoadClass(paths) => {
                let curriculum = Arc::clone(curriculum);
                self.spawn(ctx, "load-class", move || {
                    Some(Outcome::ClassLoaded(crate::report::load_class(
                        &curriculum,
                        &paths,
                    )))
                });
                None
            }
            Effect::WriteFeedbackFiles { folder, exports } => {
                self.spawn(ctx, "export-all-feedback", move || {
                    let report = crate::exchange::write_feedback_exports(exports);
                    Some(Outcome::AllFeedbackExported { folder, report })
                });
                None
            }
            Effect::SaveProfile(profile) => {
                let storage = storage.cloned();
                self.spawn(ctx, "save-profile", move || {
                    let storage = storage?;
                    let result = storage
                        .save_profile(&profile)
                        .map_err(|err| err.to_string());
                    Some(Outcome::ProfileSaved(result))
                });
                None
            }
            Effect::SaveDrafts(drafts) => {
                let storage = storage.cloned();
                self.spawn(ctx, "save-feedback-drafts", move || {
                    let storage = storage?;
                    let result = storage.save_drafts(&drafts).map_err(|err| err.to_string());
                    Some(Outcome::DraftsSaved(result))
                });
                None
            }
        }
    }

    /// Outcomes that arrived since the last call.
    pub fn poll(&mut self) -> Vec<Outcome> {
        let mut outcomes = Vec::new();
        for message in self.results_rx.try_iter() {
            match message {
                Message::Outcome(outcome) => outcomes.push(*outcome),
                Message::Finished => self.in_flight = self.in_flight.saturating_sub(1),
            }
        }
        outcomes
    }

    /// What second launches asked for since the last call; the window comes to the front
    /// for each.
    pub fn second_launches(&mut self, ctx: &egui::Context) -> Vec<Outcome> {
        let mut outcomes = Vec::new();
        for request in self
            .incoming
            .iter()
            .flat_map(crate::instance::Incoming::take)
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
            ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
            if !request.paths.is_empty() {
                outcomes.push(Outcome::OpenRequested(super::action::Action::open(
                    request.paths,
                )));
            }
        }
        outcomes
    }

    /// Whether some job has not finished yet.
    pub fn is_busy(&self) -> bool {
        self.in_flight > 0
    }

    /// Links the browser could not open: the URL and the system's words.
    pub fn browser_failures(&mut self) -> Vec<(String, String)> {
        self.browser.take_failures()
    }

    /// Takes the requests of second launches from now on (those that arrived while the
    /// window was starting included); each brings the window to the front.
    pub fn receive_second_launches(
        &mut self,
        ctx: &egui::Context,
        incoming: crate::instance::Incoming,
    ) {
        let ctx = ctx.clone();
        incoming.set_waker(move || ctx.request_repaint());
        self.incoming = Some(incoming);
    }

    /// Watches `paths` (see [`crate::watch`]); changes come back as `changed()`. What
    /// cannot be watched is only logged: the student's folder is still looked at whenever
    /// the app hands in, and the mentor can add the folder again.
    fn watch(
        &self,
        ctx: &egui::Context,
        paths: &[PathBuf],
        changed: fn() -> Outcome,
    ) -> Option<Watcher> {
        let results = self.results_tx.clone();
        let ctx = ctx.clone();
        crate::watch::watch(paths, move || {
            let _ = results.send(Message::Outcome(Box::new(changed())));
            ctx.request_repaint();
        })
    }

    /// Runs `job` on a new thread; `ctx` is woken when it finishes.
    fn spawn(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        job: impl FnOnce() -> Option<Outcome> + Send + 'static,
    ) {
        let results = self.results_tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                if let Some(outcome) = job() {
                    let _ = results.send(Message::Outcome(Box::new(outcome)));
                }
                let _ = results.send(Message::Finished);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.in_flight += 1,
            Err(err) => log::error!("could not start a background job: {err}"),
        }
    }
}

/// The feedback files in `folder` addressed to `student_id`, with the mentor and time of each
/// entry. Unreadable files (a sync client's partial file) are skipped: the next change of the
/// folder looks again.
fn scan_feedback(folder: &std::path::Path, student_id: &str) -> Vec<FoundFeedback> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == crate::format::FEEDBACK_EXTENSION)
                && !path
                    .file_name()
                    .is_some_and(|name| name.to_string_lossy().starts_with('.'))
        })
        .filter_map(|path| {
            let file = crate::format::read_path(&path).ok()?.file;
            (file.student.id == student_id && file.is_feedback()).then(|| {
                let entries = file
                    .progress
                    .feedback
                    .iter()
                    .map(|f| (f.mentor.clone(), f.written))
                    .collect();
                FoundFeedback { path, entries }
            })
        })
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

/// The plan files in `folder` that read (a sync client's partial file is skipped: the next
/// change of the folder looks again).
fn scan_plans(folder: &std::path::Path) -> Vec<(std::path::PathBuf, crate::plan::ReadPlan)> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            super::flow::plan::is_plan_path(path) && !crate::report::is_sync_leftover(path)
        })
        .filter_map(|path| {
            let read = crate::plan::file::read_path(&path).ok()?;
            Some((path, read))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// A dialog that returns nothing sooner than this was never shown: rfd returns "no file" at
/// once where it has no portal and no zenity. Nobody cancels a dialog that fast.
const DIALOG_FAILED_WITHIN: std::time::Duration = std::time::Duration::from_millis(400);

/// Shows a native dialog (blocking its own thread).
fn pick(dialog: Dialog) -> Outcome {
    let started = std::time::Instant::now();
    let mut native = rfd::FileDialog::new();
    if let Some((name, extensions)) = &dialog.filter {
        native = native.add_filter(*name, extensions);
    }
    if let Some(file_name) = &dialog.file_name {
        native = native.set_file_name(file_name);
    }
    let paths: Vec<PathBuf> = match dialog.mode {
        DialogMode::OpenFile => native.pick_file().into_iter().collect(),
        DialogMode::OpenFiles => native.pick_files().unwrap_or_default(),
        DialogMode::OpenFolder => native.pick_folder().into_iter().collect(),
        DialogMode::Save => native.save_file().into_iter().collect(),
    };
    if paths.is_empty() && started.elapsed() < DIALOG_FAILED_WITHIN {
        log::warn!("no file dialog could be shown (no desktop portal or zenity?)");
        return Outcome::DialogUnavailable(dialog);
    }
    Outcome::Picked {
        then: dialog.then,
        paths,
    }
}

fn write(path: &std::path::Path, contents: Contents) -> Result<(), WriteProblem> {
    let bytes = match contents {
        Contents::Text(text) => text.into_bytes(),
        Contents::Png(image) => {
            crate::drawing::photo::to_png(&image).map_err(WriteProblem::Photo)?
        }
    };
    crate::storage::write_atomically(path, &bytes, || Ok(()))
        .map_err(|err| WriteProblem::Io(err.to_string()))
}

type Prepared = (
    Result<crate::drawing::EmbeddedImage, ImageProblem>,
    Option<crate::drawing::Sketch>,
);

fn prepare(source: ImageSource) -> Prepared {
    use crate::drawing::photo;
    match source {
        ImageSource::File(path) => (
            photo::prepare_file(&path).map_err(ImageProblem::Photo),
            None,
        ),
        ImageSource::Clipboard => {
            let image = clipboard_png()
                .ok_or(ImageProblem::NoClipboardImage)
                .and_then(|png| photo::prepare(&png).map_err(ImageProblem::Photo));
            (image, None)
        }
        ImageSource::Sketch(sketch) => {
            let image = crate::drawing::render::render_png(&sketch)
                .map_err(|err| ImageProblem::Render(err.to_string()));
            (image, Some(sketch))
        }
    }
}

/// The image on the clipboard as PNG, where the platform allows.
fn clipboard_png() -> Option<Vec<u8>> {
    let mut clipboard = arboard::Clipboard::new().ok()?;
    let image = clipboard.get_image().ok()?;
    let width = u32::try_from(image.width).ok()?;
    let height = u32::try_from(image.height).ok()?;
    let rgba = image::RgbaImage::from_raw(width, height, image.bytes.into_owned())?;
    let mut png = Vec::new();
    rgba.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .ok()?;
    Some(png)
}
