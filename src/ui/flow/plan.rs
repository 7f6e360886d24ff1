//! The study plan flow: the plan kept in the data folder, setting it, sharing it as a plan
//! file, and a plan file's preview before it is used (opened by hand, or found in the class
//! folder). A plan never changes the progress.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;

use crate::i18n::{Strings, fill};
use crate::plan::{PLAN_EXTENSION, PlanError, PlanFile, ReadPlan, file};

use super::super::action::PlanAction;
use super::super::effect::{Dialog, DialogMode, Effect, Then};
use super::super::state::Notices;
use super::super::texts::plan_error_text;

/// Where the plan flow is.
#[derive(Default)]
pub struct PlanFlow {
    /// The plan in use (from `plan.ron`).
    pub file: Option<PlanFile>,
    /// A plan file waiting for the person's decision.
    pub pending: Option<(PathBuf, ReadPlan)>,
    /// The plan window is shown.
    pub open: bool,
    /// "Today" fixed by a test or a screenshot; else the local date of the moment.
    pub today: Option<Date>,
    /// A save is being written.
    pub saving: bool,
    /// The plan changed while it was: save again when it is done.
    pub save_again: bool,
    /// Plan files of the class folder already offered this run: each file, by author and
    /// time written (each version once).
    pub offered: HashSet<(PathBuf, String, Option<Timestamp>)>,
}

/// What the plan flow may touch besides its own state.
pub struct Desk<'a> {
    /// The name a new plan is signed with.
    pub author: &'a str,
    /// The curriculum version, written in the file.
    pub version: &'a str,
    /// Messages.
    pub notices: &'a mut Notices,
    /// The UI language.
    pub strings: &'static Strings,
    /// Now (stored in the file).
    pub now: Timestamp,
    /// What the world must do.
    pub effects: &'a mut Vec<Effect>,
}

pub use crate::plan::is_plan_path;

impl PlanFlow {
    /// The day pace is computed for.
    pub fn today(&self, now: Timestamp) -> Date {
        self.today
            .unwrap_or_else(|| jiff::tz::TimeZone::system().to_datetime(now).date())
    }

    /// The plan in use.
    pub fn plan(&self) -> Option<&crate::plan::Plan> {
        self.file.as_ref().map(|file| &file.plan)
    }

    /// Applies one action; returns whether the plan in use changed.
    pub fn update(&mut self, action: PlanAction, desk: Desk<'_>) -> bool {
        let strings = desk.strings;
        match action {
            PlanAction::Show(open) => self.open = open,
            PlanAction::Set(plan) => {
                let written = PlanFile::new(plan, desk.author, desk.version, desk.now);
                match file::check(written) {
                    Ok(read) => {
                        self.file = Some(read.file);
                        self.save(desk.effects);
                        if read.repairs.is_empty() {
                            desk.notices.info(strings.plan_saved.to_owned());
                        } else {
                            // Never changed quietly: say so, the editor shows what was kept.
                            desk.notices.problem(fill(
                                strings.plan_saved_adjusted,
                                &[("count", &read.repairs.len().to_string())],
                            ));
                        }
                        return true;
                    }
                    Err(error) => desk.notices.problem(plan_error_text(&error, strings)),
                }
            }
            PlanAction::Remove => {
                if self.file.take().is_some() {
                    self.save(desk.effects);
                    return true;
                }
            }
            PlanAction::AskShare => {
                if let Some(plan) = &self.file {
                    desk.effects.push(Effect::Pick(Dialog {
                        mode: DialogMode::Save,
                        filter: Some((strings.plan_file_kind, vec![PLAN_EXTENSION])),
                        file_name: Some(share_name(plan, strings)),
                        then: Then::SharePlan,
                    }));
                }
            }
            PlanAction::ShareTo(path) => {
                if let Some(plan) = &self.file {
                    // Shared as the sharer's plan, signed now.
                    let mut shared = plan.clone();
                    shared.author = desk.author.to_owned();
                    shared.written = Some(desk.now);
                    let text = file::to_string(&shared).map_err(|err| err.to_string());
                    super::mentor::write_text(path, text, desk.notices, strings, desk.effects);
                }
            }
            PlanAction::From(path) => desk.effects.push(Effect::ReadPlan(path)),
            PlanAction::Accept => {
                if let Some((_, read)) = self.pending.take() {
                    desk.notices.info(fill(
                        strings.plan_accepted,
                        &[("author", author_or_unnamed(&read.file, strings))],
                    ));
                    self.file = Some(read.file);
                    self.save(desk.effects);
                    return true;
                }
            }
            PlanAction::Reject => self.pending = None,
        }
        false
    }

    /// The file name a shared plan is offered under, `学习计划-2027-01-11.scplan`.
    pub fn share_path(&self, folder: &Path, strings: &Strings) -> Option<PathBuf> {
        self.file
            .as_ref()
            .map(|plan| folder.join(share_name(plan, strings)))
    }

    /// A plan file was read (or not): show its preview, or say why not.
    pub fn read(
        &mut self,
        path: PathBuf,
        result: Result<ReadPlan, PlanError>,
        notices: &mut Notices,
        strings: &Strings,
    ) {
        match result {
            Ok(read) => self.pending = Some((path, read)),
            Err(error) => notices.problem(fill(
                strings.plan_read_failed,
                &[
                    ("path", &path.display().to_string()),
                    ("error", &plan_error_text(&error, strings)),
                ],
            )),
        }
    }

    /// Saves the plan in use, one save at a time: a change made while one is being written is
    /// saved after it ([`Self::saved`]), so an older plan never lands after a newer one.
    fn save(&mut self, effects: &mut Vec<Effect>) {
        if self.saving {
            self.save_again = true;
        } else {
            self.saving = true;
            effects.push(Effect::SavePlan(self.file.clone()));
        }
    }

    /// A save finished: the next one, if the plan changed meanwhile.
    pub fn saved(&mut self, effects: &mut Vec<Effect>) {
        self.saving = false;
        if std::mem::take(&mut self.save_again) {
            self.save(effects);
        }
    }

    /// Plan files found in the class folder: the newest that is not the plan in use is
    /// offered once (its preview opens; nothing changes until it is accepted).
    pub fn found(&mut self, mut found: Vec<(PathBuf, ReadPlan)>) {
        if self.pending.is_some() {
            return;
        }
        found.sort_by_key(|(_, read)| std::cmp::Reverse(read.file.written));
        let Some((path, read)) = found.into_iter().next() else {
            return;
        };
        let same = self.file.as_ref().is_some_and(|current| {
            current.plan == read.file.plan
                || (current.author == read.file.author && current.written >= read.file.written)
        });
        // Offered once per version of the file: a mentor who corrects the plan and shares it
        // again under the same name is heard.
        let version = (path.clone(), read.file.author.clone(), read.file.written);
        if !same && self.offered.insert(version) {
            self.pending = Some((path, read));
        }
    }
}

fn share_name(plan: &PlanFile, strings: &Strings) -> String {
    format!(
        "{}-{}.{PLAN_EXTENSION}",
        strings.plan_file_stem, plan.plan.start
    )
}

/// The author's name, or "unnamed".
pub fn author_or_unnamed<'a>(file: &'a PlanFile, strings: &'a Strings) -> &'a str {
    if file.author.trim().is_empty() {
        strings.unnamed
    } else {
        file.author.trim()
    }
}
