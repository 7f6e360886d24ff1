//! Shared test fixtures: the one harness factory and a miniature curriculum.
#![allow(dead_code)]

pub mod class;

use std::path::Path;
use std::sync::{Arc, Mutex};

use egui_kittest::Harness;
use study_companion::curriculum::{Curriculum, SourceFile, parse_curriculum};
use study_companion::ui::browser::RecordingBrowser;
use study_companion::ui::{StudyApp, UiState, setup_context};

/// A small curriculum in the real format (two chapters, a task, links).
pub const MINI: &[(&str, &str)] = &[
    (
        "01-basics.md",
        "# 一、python基础 {#basics}\n\n注：学过的同学可以跳过本节\n\n\
         ## 软件准备 {#basics.software}\n\n参考视频：<https://www.bilibili.com/video/BV1CE411Z7qg/>\n\n\
         ## 文件使用 {#basics.files}\n\n.ipynb 是 Jupyter Notebook 文件。\n",
    ),
    (
        "02-dl.md",
        "# 二、什么是机器/深度学习？ {#dl}\n\n## 完成第一课程 {#dl.course}\n\n\
         [课程](https://www.bilibili.com/video/BV1nt411r7tj?p=5)\n\n\
         ## 手绘深度学习流程 {#dl.drawing .task}\n\n画一份流程图。\n",
    ),
];

/// Parses [`MINI`].
pub fn mini_curriculum() -> Arc<Curriculum> {
    let files: Vec<SourceFile<'_>> = MINI
        .iter()
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    match parse_curriculum("mini", &files, &|_| false) {
        Ok(curriculum) => Arc::new(curriculum),
        Err(errors) => panic!("the mini curriculum is invalid: {errors}"),
    }
}

/// [`mini_curriculum`] with hostile links slipped into an item's text, as if the build's
/// validation had been bypassed: the app must still refuse them.
pub fn hostile_curriculum() -> Arc<Curriculum> {
    let mut curriculum = (*mini_curriculum()).clone();
    if let Some(item) = curriculum.chapters[1].items.first_mut() {
        item.body
            .push_str("\n\n[本地文件](file:///etc/passwd) 和 [脚本](javascript:alert(1))");
    }
    Arc::new(curriculum)
}

/// What a test can inspect besides the app itself.
pub struct Probe {
    /// URLs the app handed to the browser.
    pub opened: Arc<Mutex<Vec<String>>>,
}

impl Probe {
    /// URLs opened so far.
    pub fn opened(&self) -> Vec<String> {
        self.opened.lock().map(|v| v.clone()).unwrap_or_default()
    }
}

/// The one harness factory: the app's own fonts and image loaders, a recording browser,
/// progress saved in `data_dir`.
pub fn harness_in(
    curriculum: Arc<Curriculum>,
    data_dir: &Path,
    state: UiState,
) -> (Harness<'static, StudyApp>, Probe) {
    let browser = RecordingBrowser::default();
    let probe = Probe {
        opened: Arc::clone(&browser.opened),
    };
    let app = StudyApp::open(
        curriculum,
        Some(data_dir.to_owned()),
        state,
        Box::new(browser),
    );
    let harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .with_context_setup(setup_context)
        .build_ui_state(|ui, app: &mut StudyApp| app.show(ui), app);
    (harness, probe)
}

/// [`harness_in`] with a fresh temporary data folder (kept alive by the returned guard).
pub fn harness(
    curriculum: Arc<Curriculum>,
    state: UiState,
) -> (Harness<'static, StudyApp>, Probe, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (harness, probe) = harness_in(curriculum, dir.path(), state);
    (harness, probe, dir)
}

/// A file dropped on the window.
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|err| err.to_string())
    }
}

/// Drops `path` on the app's window.
pub fn drop_file(harness: &mut Harness<'static, StudyApp>, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_owned())));
    harness.step();
}

/// Steps the app until `done` holds (background work runs on threads), then lets it settle.
pub fn wait_until(
    harness: &mut Harness<'static, StudyApp>,
    what: &str,
    done: impl Fn(&StudyApp) -> bool,
) {
    for _ in 0..500 {
        harness.step();
        if done(harness.state()) {
            // Let the layout settle (a modal sizes itself over its first frames); a spinner
            // may keep repainting, which is fine.
            let _ = harness.try_run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!(
        "timed out waiting for {what}; notices: {:?}",
        harness.state().notices()
    );
}
