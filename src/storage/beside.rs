//! Files beside the progress: the mentor's feedback drafts, and what an import set aside.

use std::path::PathBuf;

use jiff::Timestamp;

use serde::{Deserialize, Serialize};

use super::{DRAFTS_FILE, PROFILE_FILE, Storage, StorageError, write_atomically};
use crate::format::{self, FormatError};

/// Settings of the person that are set once and must survive a crash: saved atomically in
/// the data folder when they change (the window's own state, `window.ron`, is written by
/// eframe every 30 s and not atomically).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// The name a mentor signs feedback with.
    pub mentor_name: String,
    /// The class folder the student hands in to.
    pub class_folder: Option<PathBuf>,
    /// The files and folders of the mentor's class view.
    pub class_paths: Vec<PathBuf>,
}

/// Longest profile file read (a few hundred bytes in practice).
const MAX_PROFILE_BYTES: u64 = 64 * 1024;

/// The plan kept in the data folder (a plan file, see `crate::plan::file`).
pub const PLAN_FILE: &str = "plan.ron";
impl Storage {
    /// The plan kept in the data folder (`plan.ron`, a plan file): `None` when there is none.
    /// A file that cannot be read (damaged, or from a newer version of the app) is moved
    /// aside to a free `plan.damaged[-n].ron`, never over an earlier one, and the reason
    /// returned; if it cannot be moved it stays, and no save replaces it ([`Self::save_plan`]).
    pub fn load_plan(&self) -> Result<Option<crate::plan::PlanFile>, String> {
        let path = self.dir.join(PLAN_FILE);
        if !path.exists() {
            return Ok(None);
        }
        match crate::plan::file::read_path(&path) {
            Ok(read) => Ok(Some(read.file)),
            Err(error) => {
                let kept = match self.set_plan_aside() {
                    Ok(aside) => aside,
                    Err(err) => {
                        log::error!("could not move {} aside: {err}", path.display());
                        path
                    }
                };
                Err(format!("{error} ({})", kept.display()))
            }
        }
    }

    /// The plan kept in the data folder, only read (nothing moved aside): for a window that
    /// shows a folder another process writes. `None` when there is none or it cannot be read.
    pub fn read_plan(&self) -> Option<crate::plan::PlanFile> {
        let path = self.dir.join(PLAN_FILE);
        if !path.exists() {
            return None;
        }
        crate::plan::file::read_path(&path)
            .map(|read| read.file)
            .map_err(|err| log::warn!("the plan in {} cannot be read: {err}", path.display()))
            .ok()
    }

    /// Moves `plan.ron` to the first free `plan.damaged.ron`, `plan.damaged-2.ron`, …
    fn set_plan_aside(&self) -> std::io::Result<PathBuf> {
        let path = self.dir.join(PLAN_FILE);
        let aside = (1..)
            .map(|n| {
                self.dir.join(if n == 1 {
                    "plan.damaged.ron".to_owned()
                } else {
                    format!("plan.damaged-{n}.ron")
                })
            })
            .find(|candidate| !candidate.exists())
            .unwrap_or_else(|| self.dir.join("plan.damaged.ron"));
        std::fs::rename(&path, &aside)?;
        Ok(aside)
    }

    /// Saves the plan atomically, or removes it (`None`). Returns where the plan in use before
    /// went: `plan.ron.bak` for one that could be read; a free `plan.damaged[-n].ron` for one
    /// that could not (damaged, or from a newer version), moved aside first, never written
    /// over; `None` when there was none.
    pub fn save_plan(
        &self,
        plan: Option<&crate::plan::PlanFile>,
    ) -> Result<Option<PathBuf>, StorageError> {
        let io = |err| StorageError::Format(FormatError::Io(err));
        let path = self.dir.join(PLAN_FILE);
        let backup = self.dir.join(format!("{PLAN_FILE}.bak"));
        let mut previous = None;
        if path.exists() && crate::plan::file::read_path(&path).is_err() {
            previous = Some(self.set_plan_aside().map_err(io)?);
        }
        match plan {
            Some(plan) => {
                let text = crate::plan::file::to_string(plan)
                    .map_err(|err| StorageError::Format(FormatError::Write(err.to_string())))?;
                if path.exists() {
                    std::fs::copy(&path, &backup).map_err(io)?;
                    previous = Some(backup);
                }
                write_atomically(&path, text.as_bytes(), || Ok(()))?;
                Ok(previous)
            }
            None if path.exists() => {
                std::fs::rename(&path, &backup).map_err(io)?;
                Ok(Some(backup))
            }
            None => Ok(previous),
        }
    }

    /// The saved profile; the default when there is none or it cannot be read (it holds
    /// settings, not work: they are asked again, and the reason is logged).
    pub fn load_profile(&self) -> Profile {
        let path = self.dir.join(PROFILE_FILE);
        match crate::safe_io::read_regular(&path, MAX_PROFILE_BYTES) {
            Ok(bytes) => String::from_utf8(bytes)
                .map_err(|err| err.to_string())
                .and_then(|text| ron::from_str(&text).map_err(|err| err.to_string()))
                .unwrap_or_else(|err| {
                    log::warn!("{} could not be read: {err}", path.display());
                    Profile::default()
                }),
            Err(_) => Profile::default(),
        }
    }

    /// Saves the profile atomically.
    pub fn save_profile(&self, profile: &Profile) -> Result<(), StorageError> {
        let text = ron::ser::to_string_pretty(profile, ron::ser::PrettyConfig::default())
            .map_err(|err| StorageError::Format(FormatError::Write(err.to_string())))?;
        write_atomically(&self.dir.join(PROFILE_FILE), text.as_bytes(), || Ok(()))
    }

    /// Writes what a merge set aside ([`format::set_aside_files`]) beside the progress, as
    /// `set-aside-<time>[-n].scprogress` files the student can open in the app; returns their
    /// paths. Call before saving the merge, so nothing is ever only in memory.
    pub fn save_set_aside(
        &self,
        texts: &[String],
        now: Timestamp,
    ) -> Result<Vec<PathBuf>, StorageError> {
        let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
        let mut paths = Vec::new();
        let mut n = 1;
        for text in texts {
            let path = loop {
                let name = if n == 1 {
                    format!("set-aside-{stamp}.{}", format::EXTENSION)
                } else {
                    format!("set-aside-{stamp}-{n}.{}", format::EXTENSION)
                };
                n += 1;
                let candidate = self.dir.join(name);
                if !candidate.exists() {
                    break candidate;
                }
            };
            write_atomically(&path, text.as_bytes(), || Ok(()))?;
            paths.push(path);
        }
        Ok(paths)
    }

    /// The mentor's feedback drafts saved by an earlier run. An unreadable file is moved
    /// aside (never overwritten by the next save) and reported as `(reason, moved to)`.
    pub fn load_drafts(
        &self,
        now: Timestamp,
    ) -> (
        std::collections::BTreeMap<String, crate::progress::Feedback>,
        Option<(String, PathBuf)>,
    ) {
        let path = self.dir.join(DRAFTS_FILE);
        let parsed = match format::read_file(&path) {
            Err(FormatError::Io(err)) if err.kind() == std::io::ErrorKind::NotFound => {
                return (Default::default(), None);
            }
            Err(err) => Err(err.to_string()),
            Ok(bytes) => String::from_utf8(bytes)
                .map_err(|err| err.to_string())
                .and_then(|text| ron::from_str(&text).map_err(|err| err.to_string())),
        };
        match parsed {
            Ok(drafts) => (drafts, None),
            Err(reason) => {
                let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
                let moved_to = self
                    .dir
                    .join(format!("feedback-drafts.damaged-{stamp}.ron"));
                match std::fs::rename(&path, &moved_to) {
                    Ok(()) => (Default::default(), Some((reason, moved_to))),
                    Err(err) => {
                        // Left in place: the drafts are not saved over it this run.
                        log::error!("could not move {} aside: {err}", path.display());
                        (Default::default(), Some((reason, path)))
                    }
                }
            }
        }
    }

    /// Saves the mentor's feedback drafts atomically.
    pub fn save_drafts(
        &self,
        drafts: &std::collections::BTreeMap<String, crate::progress::Feedback>,
    ) -> Result<(), StorageError> {
        let text = ron::ser::to_string_pretty(drafts, ron::ser::PrettyConfig::new())
            .map_err(|err| StorageError::Format(FormatError::Write(err.to_string())))?;
        write_atomically(&self.dir.join(DRAFTS_FILE), text.as_bytes(), || Ok(()))
    }
}
