//! The data folder over the window's life: taking over what opening it gave (progress,
//! saving, the lock, drafts, plan), taking it over from another process once it is free,
//! and the last save and hand-in on exit.

use std::time::Instant;

use jiff::Timestamp;

use crate::format::{ProgressFile, Student};
use crate::i18n::fill;
use crate::storage::{LockError, ROLE_APP};

use crate::ui::data_folder::{Finding, LOCK_RETRY, LockedOut, OpenedFolder, open_locked};
use crate::ui::effect::{Effect, Now};

use super::StudyApp;

/// How long closing the window waits for a copy being written into the class folder.
const HAND_IN_WAIT_ON_EXIT: std::time::Duration = std::time::Duration::from_secs(3);

impl StudyApp {
    /// Writes unsaved progress now (on exit; tests use it to simulate one).
    pub fn flush(&mut self) {
        self.model
            .file
            .stamp(&self.model.curriculum.version, Timestamp::now());
        if let Some(autosave) = self.autosave.as_mut()
            && let Err(err) = autosave.flush(&self.model.file)
        {
            log::error!("saving on exit failed: {err}");
            let text = fill(
                self.model.strings().save_failed,
                &[("error", &err.to_string())],
            );
            self.model.notices.problem(text);
        }
        self.hand_in_now();
    }

    /// Writes the class folder's copy now if it is behind (on exit), waiting for nothing
    /// else; a folder that cannot be reached is only logged (the copy is written next time).
    fn hand_in_now(&mut self) {
        // A copy still being written finishes first, so an older one never lands last.
        let deadline = Instant::now() + HAND_IN_WAIT_ON_EXIT;
        while self.model.hand_in.writing && Instant::now() < deadline {
            for outcome in self.runner.poll() {
                // Only the hand-in matters now; whatever else finished is dropped on exit.
                let _ = self.model.receive(outcome, Now::current());
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let model = &mut self.model;
        if model.read_only || model.hand_in.dirty_since.is_none() {
            return;
        }
        let Some(folder) = model.state.class_folder.clone() else {
            return;
        };
        let path = folder.join(crate::ui::flow::hand_in::file_name(&model.file));
        let written = crate::format::to_string(&model.file)
            .map_err(|err| err.to_string())
            .and_then(|text| {
                crate::storage::write_atomically(&path, text.as_bytes(), || Ok(()))
                    .map_err(|err| err.to_string())
            });
        match written {
            Ok(()) => {
                model.hand_in.dirty_since = None;
                model
                    .hand_in
                    .handed_in(Ok(path), (Timestamp::now(), Instant::now()));
            }
            Err(error) => log::warn!("handing in to {} failed: {error}", folder.display()),
        }
    }

    /// Takes over what opening a data folder gave: the progress, saving, the lock, drafts.
    pub(super) fn take(&mut self, opened: OpenedFolder) {
        let OpenedFolder {
            file,
            autosave,
            lock,
            locked_out,
            drafts,
            drafts_writable,
            profile,
            plan,
            findings,
        } = opened;
        let strings = self.model.strings();
        let mut in_use = String::new();
        for finding in findings {
            let notice = finding.notice(strings);
            if matches!(finding, Finding::InUse { .. }) {
                in_use.clone_from(&notice.text);
            }
            self.model.notices.push(notice);
        }
        if let Some(profile) = profile {
            // The data folder's profile wins over the window's remembered state.
            if !profile.mentor_name.trim().is_empty() {
                self.model
                    .mentor
                    .name_draft
                    .clone_from(&profile.mentor_name);
                self.model.state.mentor_name = profile.mentor_name;
            }
            if profile.class_folder.is_some() {
                self.model.state.class_folder = profile.class_folder;
            }
            if !profile.class_paths.is_empty() {
                self.model.state.class_paths = profile.class_paths;
            }
        }
        if let Some(file) = file {
            self.model.name_draft = file.student.name.clone();
            self.model.file = file;
        }
        // A window that writes the folder uses its plan; one that only shows it (another
        // window writes it) shows its plan too, read only.
        if autosave.is_some() || locked_out.is_some() {
            self.model.plan.file = plan;
        }
        self.model.saving = autosave.is_some();
        self.model.read_only = locked_out.is_some();
        self.model.mentor.drafts = drafts;
        self.model.mentor.drafts_kept_as_they_are = !drafts_writable;
        self.autosave = autosave;
        self.data_lock = lock;
        self.listen_if_holding_the_lock();
        self.locked_out = locked_out.map(|storage| LockedOut {
            storage,
            last_try: Instant::now(),
            notice: in_use,
        });
    }

    /// While another process holds the data folder, tries once a second to take it over;
    /// once the lock is free, reads the progress again (the other writer may have changed
    /// it) and starts saving.
    pub(super) fn try_take_over(&mut self, ctx: &egui::Context, now: Instant) {
        let Some(locked_out) = &mut self.locked_out else {
            return;
        };
        let since = now.duration_since(locked_out.last_try);
        if since < LOCK_RETRY {
            ctx.request_repaint_after(LOCK_RETRY - since);
            return;
        }
        locked_out.last_try = now;
        // Only the lock is tried while another process holds it: no read of the progress.
        let lock = match locked_out.storage.lock(ROLE_APP, std::time::Duration::ZERO) {
            Ok(lock) => Some(lock),
            Err(LockError::Held(_)) => {
                ctx.request_repaint_after(LOCK_RETRY);
                return;
            }
            Err(LockError::Io(err)) => {
                log::warn!("the data folder could not be locked: {err}");
                None
            }
        };
        let strings = self.model.strings();
        let storage = locked_out.storage.clone();
        let notice = std::mem::take(&mut locked_out.notice);
        let mut opened = open_locked(storage, lock);
        let findings = std::mem::take(&mut opened.findings);
        self.model.notices.remove_text(&notice);
        let fresh = ProgressFile::new(Student::new(""), &self.model.curriculum.version);
        self.model.file = fresh;
        self.model.name_draft.clear();
        self.model.import.undo = None;
        // A preview computed against the read-only snapshot would merge into stale progress.
        self.model.import.pending = None;
        self.take(opened);
        // The other writer may have changed the progress: the class folder's copy follows,
        // and the folder is watched from now on.
        self.model.hand_in.changed(Instant::now());
        let effects = self.model.class_folder_effects();
        self.carry_out(ctx, effects);
        self.model.notices.info(strings.data_folder_free.to_owned());
        for finding in findings {
            self.model.notices.push(finding.notice(strings));
        }
        ctx.request_repaint();
    }

    pub(super) fn listen_if_holding_the_lock(&mut self) {
        if self.listen_for_opens
            && self.data_lock.is_some()
            && let Some(autosave) = &self.autosave
        {
            let dir = autosave.storage().dir().to_owned();
            self.startup_effects.push(Effect::ListenForOpens(dir));
        }
    }
}
