//! The top bar (overall progress and the commands) and the notices at the bottom.

use crate::i18n::{Language, Strings, fill};
use crate::progress::overall_completion;

use super::action::{Action, MentorAction};
use super::commands::{Command, Place};
use super::effect::DialogMode;
use super::flow::{Model, PathPrompt};
use super::state::{Notice, TEXT_SIZES, Theme};
use super::widgets::labelled_bar_ui;
use super::{local_time, theme};

/// The top bar: title, overall progress, the commands of [`Command::ALL`], settings. It
/// wraps onto a second line when the window is narrow (800 px, English, a larger text size),
/// so no button is ever cut off.
pub fn top_bar_ui(
    ui: &mut egui::Ui,
    model: &mut Model,
    data_dir: Option<&std::path::Path>,
    actions: &mut Vec<Action>,
) {
    let strings = model.strings();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(strings.app_title)
                .size(theme::APP_TITLE_SIZE)
                .strong(),
        );
        ui.separator();
        progress_ui(ui, model);
        for command in Command::in_place(Place::Bar) {
            if command == Command::Import {
                // The export menu comes first, beside import.
                ui.separator();
                ui.menu_button(strings.export_menu, |ui| {
                    for command in Command::in_place(Place::ExportMenu) {
                        command_ui(ui, command, model, actions);
                    }
                });
            }
            if command == Command::MentorView {
                ui.separator();
            }
            command_ui(ui, command, model, actions);
        }
        ui.separator();
        hand_in_badge_ui(ui, model);
        ui.menu_button(strings.settings, |ui| {
            settings_ui(ui, model, data_dir, actions);
        });
    });
}

/// Whose progress is on screen: another student's while viewing them, the class while its
/// table is shown, else the person's own.
fn progress_ui(ui: &mut egui::Ui, model: &Model) {
    let strings = model.strings();
    if model.class_shown() {
        let count = model
            .mentor
            .class
            .as_ref()
            .map_or(0, |view| view.class.students.len());
        ui.label(fill(strings.class_header, &[("count", &count.to_string())]));
        return;
    }
    let completion = overall_completion(&model.curriculum, model.shown_progress());
    let count = fill(
        strings.count,
        &[
            ("complete", &completion.complete().to_string()),
            ("total", &completion.total.to_string()),
        ],
    );
    match &model.import.viewing {
        Some(viewed) => ui.label(fill(
            strings.viewing_progress,
            &[("name", strings.display_name(&viewed.student))],
        )),
        None => ui.label(strings.overall_progress),
    };
    labelled_bar_ui(
        ui,
        completion.fraction(),
        theme::OVERALL_BAR_WIDTH,
        &format!("{count} · {:.0}%", completion.fraction() * 100.0),
    );
    // Beside it, against the plan: this week's chapter and the pace (never a pop-up).
    if let Some(plan) = model.plan.plan() {
        let today = model.plan.today(jiff::Timestamp::now());
        let pace = crate::plan::pace(&model.curriculum, plan, model.shown_progress(), today);
        super::plan::pace_line_ui(ui, &model.curriculum, &pace, strings);
    }
}

/// A command as a button (or a toggle), with its shortcut in the tooltip; nothing when the
/// command cannot be given now.
fn command_ui(ui: &mut egui::Ui, command: Command, model: &Model, actions: &mut Vec<Action>) {
    let strings = model.strings();
    let Some(action) = command.action(model) else {
        return;
    };
    let label = command.label(strings);
    let mut response = match command.is_on(model) {
        Some(on) => ui.selectable_label(on, label),
        None => ui.button(label),
    };
    if let Some(hint) = command.hint(strings) {
        response = response.on_hover_text(hint);
    }
    if let Some(shortcut) = command.shortcut() {
        let keys = Command::keys_text(ui.ctx(), &shortcut);
        response = response.on_hover_text(fill(strings.shortcut_hint, &[("keys", &keys)]));
    }
    if response.clicked() {
        actions.push(action);
    }
}

/// The theme and the text size.
fn appearance_ui(ui: &mut egui::Ui, model: &Model, actions: &mut Vec<Action>) {
    let strings = model.strings();
    ui.label(strings.theme_label);
    ui.horizontal(|ui| {
        for (theme, label) in Theme::ALL.into_iter().zip([
            strings.theme_system,
            strings.theme_light,
            strings.theme_dark,
        ]) {
            if ui.radio(model.state.theme == theme, label).clicked() {
                actions.push(Action::SetTheme(theme));
            }
        }
    });
    let zoom_keys = [Command::ZoomIn, Command::ZoomOut]
        .iter()
        .filter_map(|command| command.shortcut())
        .map(|shortcut| Command::keys_text(ui.ctx(), &shortcut))
        .collect::<Vec<_>>()
        .join(" / ");
    ui.label(strings.text_size_label)
        .on_hover_text(fill(strings.shortcut_hint, &[("keys", &zoom_keys)]));
    ui.horizontal_wrapped(|ui| {
        for percent in TEXT_SIZES {
            if ui
                .selectable_label(model.state.text_size == percent, format!("{percent}%"))
                .clicked()
            {
                actions.push(Action::SetTextSize(percent));
            }
        }
    });
}

fn settings_ui(
    ui: &mut egui::Ui,
    model: &mut Model,
    data_dir: Option<&std::path::Path>,
    actions: &mut Vec<Action>,
) {
    let strings = model.strings();
    ui.label(strings.language);
    for language in Language::ALL {
        if ui
            .radio(model.state.language == language, language.native_name())
            .clicked()
        {
            actions.push(Action::SetLanguage(language));
        }
    }
    ui.separator();
    appearance_ui(ui, model, actions);
    ui.separator();
    for command in Command::in_place(Place::SettingsMenu) {
        command_ui(ui, command, model, actions);
    }
    ui.separator();
    if !model.read_only {
        name_field_ui(
            ui,
            strings.settings_name_label,
            &mut model.name_draft,
            strings,
        )
        .then(|| actions.push(Action::SetName(model.name_draft.trim().to_owned())));
    }
    // The mentor's name only for mentors: once given, or while the class view is open.
    if !model.state.mentor_name.is_empty() || model.mentor.class.is_some() {
        name_field_ui(
            ui,
            strings.mentor_name_label,
            &mut model.mentor.name_draft,
            strings,
        )
        .then(|| actions.push(MentorAction::SetName(model.mentor.name_draft.clone()).into()));
    }
    ui.separator();
    class_folder_ui(ui, model, actions);
    if let Some(dir) = data_dir {
        ui.separator();
        ui.label(
            egui::RichText::new(fill(
                strings.data_folder,
                &[("path", &dir.display().to_string())],
            ))
            .small()
            .weak(),
        );
    }
}

/// The notices, each with a button that closes it; long ones wrap.
pub fn notices_ui(
    ui: &mut egui::Ui,
    notices: &[Notice],
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    let palette = theme::palette(ui.visuals());
    for (index, notice) in notices.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui.button(strings.dismiss).clicked() {
                actions.push(Action::DismissNotice(index));
            }
            if let Some(file) = &notice.file
                && ui.button(strings.reveal).clicked()
            {
                actions.push(Action::Reveal(file.clone()));
            }
            let text = egui::RichText::new(&notice.text);
            ui.add(
                egui::Label::new(if notice.is_problem {
                    text.color(palette.warning)
                } else {
                    text
                })
                .wrap(),
            );
        });
    }
}

/// The path asked for in the window when no native dialog could be shown: prefilled with a
/// folder and the suggested name; Enter confirms.
pub fn path_prompt_ui(
    ctx: &egui::Context,
    prompt: &mut PathPrompt,
    strings: &Strings,
    actions: &mut Vec<Action>,
) {
    let modal = egui::Modal::new(egui::Id::unique("path_prompt")).show(ctx, |ui| {
        ui.set_max_width(theme::PREVIEW_WIDTH);
        ui.heading(strings.path_prompt_title);
        let label = ui.label(strings.path_prompt_label);
        let response = ui
            .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(theme::PREVIEW_WIDTH))
            .labelled_by(label.id);
        if matches!(
            prompt.dialog.mode,
            DialogMode::OpenFile | DialogMode::OpenFiles
        ) {
            ui.label(egui::RichText::new(strings.path_prompt_hint_open).weak());
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if ui.button(strings.confirm).clicked() || entered {
                actions.push(Action::ConfirmPath);
            }
            if ui.button(strings.cancel).clicked() {
                actions.push(Action::CancelPath);
            }
        });
    });
    if modal.should_close() {
        actions.push(Action::CancelPath);
    }
}

/// A labelled name field with a save button; whether a non-empty name was saved (the button,
/// or Enter in the field).
pub fn name_field_ui(
    ui: &mut egui::Ui,
    label: &str,
    draft: &mut String,
    strings: &Strings,
) -> bool {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        let response = ui
            .add(egui::TextEdit::singleline(draft).desired_width(theme::NAME_FIELD_WIDTH))
            .labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        (ui.button(strings.save_name).clicked() || entered) && !draft.trim().is_empty()
    })
    .inner
}

/// The class folder in settings: where, when last handed in, whether it can be reached.
fn class_folder_ui(ui: &mut egui::Ui, model: &Model, actions: &mut Vec<Action>) {
    let strings = model.strings();
    ui.label(egui::RichText::new(strings.class_folder_heading).strong());
    match &model.state.class_folder {
        None => {
            ui.label(egui::RichText::new(strings.class_folder_none).weak());
        }
        Some(folder) => {
            ui.label(egui::RichText::new(folder.display().to_string()).small());
            let hand_in = &model.hand_in;
            if let Some(error) = &hand_in.problem {
                ui.label(
                    egui::RichText::new(fill(strings.hand_in_problem, &[("error", error)]))
                        .color(theme::palette(ui.visuals()).warning),
                );
            } else if hand_in.dirty_since.is_some() || hand_in.writing {
                ui.label(strings.hand_in_pending);
            } else if let Some((time, path)) = &hand_in.last {
                ui.label(fill(
                    strings.hand_in_last,
                    &[
                        ("time", &local_time(*time)),
                        ("path", &path.display().to_string()),
                    ],
                ));
            }
        }
    }
    ui.horizontal(|ui| {
        if ui.button(strings.class_folder_choose).clicked() {
            actions.push(Action::AskClassFolder);
        }
        if model.state.class_folder.is_some() && ui.button(strings.class_folder_stop).clicked() {
            actions.push(Action::SetClassFolder(None));
        }
    });
}

/// Beside settings: when the progress was last handed in, or that the folder is unreachable.
fn hand_in_badge_ui(ui: &mut egui::Ui, model: &Model) {
    if model.state.class_folder.is_none() {
        return;
    }
    let strings = model.strings();
    if let Some(error) = &model.hand_in.problem {
        ui.label(
            egui::RichText::new(strings.hand_in_badge_problem)
                .color(theme::palette(ui.visuals()).warning),
        )
        .on_hover_text(fill(strings.hand_in_problem, &[("error", error)]));
    } else if let Some((time, _)) = &model.hand_in.last {
        ui.label(
            egui::RichText::new(fill(
                strings.hand_in_badge_ok,
                &[("time", &local_time(*time))],
            ))
            .weak(),
        );
    }
}
