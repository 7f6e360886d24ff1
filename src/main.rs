//! Starts the window, or runs a command-line subcommand.
// A double-clicked app opens no console window on Windows; see `attach_parent_console`.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser as _;
use study_companion::cli::Cli;
use study_companion::storage::Storage;
use study_companion::ui::{StudyApp, theme};

fn main() -> ExitCode {
    attach_parent_console();
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => study_companion::cli::run(
            command,
            cli.data_dir.as_deref(),
            study_companion::embedded::curriculum(),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        None => run_window(&cli),
    }
}

fn run_window(cli: &Cli) -> ExitCode {
    let data_dir = cli.data_dir.clone().or_else(Storage::default_dir);
    let files = cli.files.clone();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("学习伴侣 · Study Companion")
        .with_app_id("study-companion")
        .with_inner_size(theme::WINDOW_SIZE)
        .with_min_inner_size(theme::MIN_WINDOW_SIZE);
    match eframe::icon_data::from_png_bytes(study_companion::assets::ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(err) => log::warn!("the app icon could not be decoded: {err}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        // The bundled font covers the UI and curriculum; the app adds its own system fallback
        // that prefers Simplified Chinese faces.
        system_font_fallback: false,
        persistence_path: data_dir.as_ref().map(|dir| dir.join("window.ron")),
        ..Default::default()
    };
    match eframe::run_native(
        "study-companion",
        options,
        Box::new(move |cc| {
            Ok(Box::new(StudyApp::from_creation_context(
                cc, data_dir, files,
            )))
        }),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("study-companion: the window could not be opened: {err}");
            ExitCode::FAILURE
        }
    }
}

/// On Windows the binary has no console of its own (so a double-click opens none); when it is
/// started from a terminal, attach to that terminal so subcommands still print.
#[cfg(windows)]
#[allow(unsafe_code)]
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole has no preconditions; it fails harmlessly without a parent console.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
fn attach_parent_console() {}
