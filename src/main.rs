//! Starts the window, or runs a command-line subcommand.
// A double-clicked app opens no console window on Windows; see `attach_parent_console`.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser as _;
use study_companion::cli::Cli;
use study_companion::instance::{self, Claim};
use study_companion::storage::Storage;
use study_companion::ui::data_folder::Opening;
use study_companion::ui::{StudyApp, theme};

#[cfg(target_os = "macos")]
mod macos_open;

fn main() -> ExitCode {
    tune_allocator();
    study_companion::startup::begin();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // `--help`, `--version` and argument errors print: to the terminal that started
            // the app, if there is one.
            attach_parent_console();
            err.exit();
        }
    };
    study_companion::startup::mark("command line read (clap)");
    // Only the window traces its start; commands print nothing extra.
    study_companion::startup::enable(
        cli.command.is_none()
            && (cli.trace_startup || study_companion::startup::requested_by_env()),
    );
    match &cli.command {
        Some(command) => {
            attach_parent_console();
            study_companion::cli::run(
                command,
                cli.data_dir.as_deref(),
                study_companion::embedded::curriculum(),
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            )
        }
        // No console for the window: closing a terminal that started it must not close it.
        None => run_window(&cli),
    }
}

/// The environment variable wgpu reads to choose its graphics backend.
const BACKEND_VARIABLE: &str = "WGPU_BACKEND";

/// Backends tried in turn when the default choice cannot open a window (a virtual machine, a
/// remote desktop, an old GPU in a school lab): OpenGL first, it works almost everywhere.
const FALLBACK_BACKENDS: [&str; 3] = ["gl", "vulkan", "dx12"];

/// Set on a relaunch that tries another backend (so it does not try again itself).
const FALLBACK_MARK: &str = "STUDY_COMPANION_BACKEND_FALLBACK";

fn run_window(cli: &Cli) -> ExitCode {
    let data_dir = cli.data_dir.clone().or_else(Storage::default_dir);
    let files = cli.files.clone();
    // One window per data folder: a second launch hands its files over and exits.
    let claim = data_dir
        .as_deref()
        .map(|dir| instance::claim_or_forward(dir, &files));
    // Files from Finder go to this window's own socket (macOS), if it has one.
    let open_events = matches!(claim, Some(Claim::First(_)))
        .then(|| data_dir.clone())
        .flatten();
    let incoming = match claim {
        Some(Claim::Forwarded) => return ExitCode::SUCCESS,
        Some(Claim::First(incoming)) => Some(incoming),
        Some(Claim::Unavailable(reason)) => {
            log::warn!("files from second launches cannot reach this window: {reason}");
            None
        }
        None => None,
    };
    study_companion::startup::mark("single instance claimed");
    // This process is the window: the data folder is opened (lock, progress, drafts, plan) on
    // a thread while eframe creates the window. Should the window fail, the thread ends on
    // its own and lets go of the lock; a relaunch with another backend waits for it.
    let opening = Opening::start(data_dir.clone());
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
    study_companion::startup::mark("window options and icon");
    let result = run_native(
        options,
        Box::new(move |cc| {
            study_companion::startup::mark("eframe: event loop, window, wgpu");
            let opened = opening.finish();
            study_companion::startup::mark(
                "data folder taken from the opening thread (waits if it is not done)",
            );
            Ok(Box::new(StudyApp::from_creation_context(
                cc, opened, files, incoming,
            )))
        }),
        open_events,
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The graphics backend failed: another one may work.
        Err(err @ eframe::Error::Wgpu(_)) => window_failed(&err.to_string()),
        // No display at all (or the app failed): no backend helps; say so.
        Err(err) => {
            eprintln!("study-companion: the window could not be opened: {err}");
            tell_window_failed(&err.to_string())
        }
    }
}

/// Runs the window (Windows, Linux): eframe's own event loop.
#[cfg(not(target_os = "macos"))]
fn run_native(
    options: eframe::NativeOptions,
    app_creator: eframe::AppCreator<'_>,
    _open_events: Option<std::path::PathBuf>,
) -> eframe::Result {
    eframe::run_native("study-companion", options, app_creator)
}

/// Runs the window (macOS): the event loop is built here so that the open-documents method
/// is added to winit's delegate between building and running it (see `macos_open`).
#[cfg(target_os = "macos")]
fn run_native(
    options: eframe::NativeOptions,
    app_creator: eframe::AppCreator<'_>,
    open_events: Option<std::path::PathBuf>,
) -> eframe::Result {
    let event_loop =
        winit::event_loop::EventLoop::<eframe::UserEvent>::with_user_event().build()?;
    if let Some(data_dir) = open_events {
        macos_open::install(data_dir);
    }
    let mut app = eframe::create_native("study-companion", options, app_creator, &event_loop);
    event_loop.run_app(&mut app)?;
    Ok(())
}

/// The window could not be opened. The graphics backend is the usual cause: the app starts
/// itself again with each other backend in turn (an event loop cannot be made twice in one
/// process), unless the person chose one. If none works, a message box says so: a
/// double-clicked app has no console to print to.
fn window_failed(error: &str) -> ExitCode {
    eprintln!("study-companion: the window could not be opened: {error}");
    let chosen = std::env::var_os(BACKEND_VARIABLE).is_some();
    if !chosen && std::env::var_os(FALLBACK_MARK).is_none() {
        let Ok(exe) = std::env::current_exe() else {
            return tell_window_failed(error);
        };
        for backend in FALLBACK_BACKENDS {
            eprintln!("study-companion: trying the {backend} graphics backend");
            let status = std::process::Command::new(&exe)
                .args(std::env::args_os().skip(1))
                .env(BACKEND_VARIABLE, backend)
                .env(FALLBACK_MARK, "1")
                .status();
            match status {
                Ok(status) if status.success() => return ExitCode::SUCCESS,
                // The window opened and the app failed later: not a backend problem.
                Ok(status) if status.code() != Some(i32::from(WINDOW_FAILED)) => {
                    return ExitCode::FAILURE;
                }
                _ => {}
            }
        }
    }
    if std::env::var_os(FALLBACK_MARK).is_some() {
        // The first launch tries the next backend and speaks to the person.
        return ExitCode::from(WINDOW_FAILED);
    }
    tell_window_failed(error)
}

/// The exit code of a launch whose window could not be opened.
const WINDOW_FAILED: u8 = 3;

fn tell_window_failed(error: &str) -> ExitCode {
    let text = format!(
        "学习伴侣的窗口无法打开：{error}\n\n\
         请更新显卡驱动；在虚拟机或远程桌面中，请启用 3D 加速或换一台电脑。\
         也可以设置环境变量 {BACKEND_VARIABLE}=gl（或 vulkan、dx12、metal）后再打开。\n\n\
         The Study Companion window could not be opened: {error}\n\n\
         Please update the graphics driver; in a virtual machine or remote desktop, enable 3D \
         acceleration or use another computer. You can also set the environment variable \
         {BACKEND_VARIABLE}=gl (or vulkan, dx12, metal) and open the app again."
    );
    let _ = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("学习伴侣 · Study Companion")
        .set_description(text)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    ExitCode::from(WINDOW_FAILED)
}

/// On Windows the binary has no console of its own (so a double-click opens none); when a
/// subcommand, `--help` or `--version` is started from a terminal, attach to that terminal so
/// it prints there. The window never attaches: closing the terminal would close it too.
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

/// Allocations of 1 MiB and more get pages of their own, returned to the system when freed
/// (glibc only). glibc's default threshold starts at 128 KiB and rises to the largest block
/// freed so far: once a photo's pixels (7.3 MiB for 1200×1600) were decoded, uploaded and
/// freed, blocks up to that size came from the heap and their pages stayed for the whole
/// session. Measured (docs/performance.md): a student's progress with the drawing shown,
/// 144.7 → 132.9 MiB PSS; frame time unchanged (`cargo bench --bench frame`: 0.55 vs 0.56
/// ms). 512 KiB made frames 25 % slower, 128 KiB twice as slow (the frame's buffers were
/// mapped and unmapped every frame).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn tune_allocator() {
    const LARGE: libc::c_int = 1024 * 1024;
    // SAFETY: mallopt only changes glibc's allocation policy; called first thing in `main`,
    // before any thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, LARGE);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}
