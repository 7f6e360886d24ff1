//! Images named in notes never read a file or reach the network: a note shows each image's
//! alt text (a web image becomes a link through the app's checked path), mentor feedback is
//! plain text, and only images the app registered as bytes (the curriculum's, drawings) load.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::load::{BytesLoader as _, LoadError, SizeHint, TexturePoll};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jiff::Timestamp;
use study_companion::curriculum::{ChapterId, ItemId};
use study_companion::format::{self, ProgressFile, Student};
use study_companion::progress::{Feedback, ItemState, NoteTarget};
use study_companion::ui::{Action, ImportAction, StudyApp, UiState};

fn id(text: &str) -> ItemId {
    ItemId(text.to_owned())
}

fn open_state() -> UiState {
    UiState {
        open_chapters: [ChapterId("basics".to_owned())].into(),
        ..UiState::default()
    }
}

fn apply(harness: &mut Harness<'_, StudyApp>, action: Action) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, action);
    harness.run_steps(2);
}

/// A small PNG written into `dir`.
fn local_png(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("秘密.png");
    image::RgbImage::from_pixel(8, 8, image::Rgb([200, 30, 30]))
        .save(&path)
        .unwrap();
    path
}

/// A note naming a local PNG (as a path and as a `file://` URI), `/dev/zero`, a Windows share
/// and a web image.
fn hostile_note(png: &std::path::Path) -> String {
    format!(
        "看图：![本地图片]({png})\n\n![文件图](file://{png})\n\n![零](/dev/zero)\n\n\
         ![共享](file://server/share/a.png)\n\n![网图](https://example.com/a.png)\n",
        png = png.display()
    )
}

/// The loaders installed in `ctx`: (bytes, image, texture) loader ids.
fn loader_ids(ctx: &egui::Context) -> (Vec<String>, Vec<String>, Vec<String>) {
    let loaders = ctx.loaders();
    let ids = |ids: Vec<&str>| ids.into_iter().map(str::to_owned).collect::<Vec<_>>();
    let bytes = ids(loaders.bytes.lock().iter().map(|l| l.id()).collect());
    let image = ids(loaders.image.lock().iter().map(|l| l.id()).collect());
    let texture = ids(loaders.texture.lock().iter().map(|l| l.id()).collect());
    (bytes, image, texture)
}

/// Only egui's own bytes loader (bytes the app registered), the image decoder and egui's
/// texture loader: nothing that reads files or fetches URLs.
fn assert_only_safe_loaders(ctx: &egui::Context) {
    let (bytes, image, texture) = loader_ids(ctx);
    let include = ctx.loaders().include.id().to_owned();
    assert_eq!(bytes, [include], "no file or http loader");
    assert_eq!(
        image,
        [study_companion::ui::DecodeOnce::ID],
        "only the decoder of registered bytes"
    );
    assert_eq!(texture.len(), 1, "{texture:?}");
    assert!(!bytes.iter().any(|id| id.contains("FileLoader")));
}

/// No loader accepts a `file://` URI: egui reports that none matches (nothing was read).
fn assert_file_uri_refused(ctx: &egui::Context, png: &std::path::Path) {
    let uri = format!("file://{}", png.display());
    let bytes = ctx.try_load_bytes(&uri);
    assert!(
        matches!(bytes, Err(LoadError::NoMatchingBytesLoader)),
        "{:?}",
        bytes.as_ref().err()
    );
    assert!(
        ctx.try_load_texture(&uri, egui::TextureOptions::default(), SizeHint::default())
            .is_err()
    );
}

#[test]
fn a_note_with_local_and_web_images_shows_alt_text_and_reads_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let png = local_png(dir.path());
    let (mut harness, probe, _data) = common::harness(common::mini_curriculum(), open_state());
    harness.run();
    let ctx = harness.ctx.clone();
    assert_only_safe_loaders(&ctx);

    apply(
        &mut harness,
        Action::SetNote(NoteTarget::Item(id("basics.software")), hostile_note(&png)),
    );
    harness.run_steps(4);

    // Every image is its alt text.
    harness.get_by_label_contains("图片：本地图片");
    harness.get_by_label_contains("图片：文件图");
    harness.get_by_label_contains("图片：零");
    harness.get_by_label_contains("图片：共享");
    // Rendering the note installed nothing (egui_commonmark installs loaders on first use).
    assert_only_safe_loaders(&ctx);
    assert_file_uri_refused(&ctx, &png);
    assert!(
        ctx.try_load_bytes("file:///dev/zero").is_err(),
        "/dev/zero is never read"
    );

    // A web image is a link, opened only through the app's checked path.
    harness.get_by_label_contains("图片：网图").click();
    harness.run_steps(2);
    assert_eq!(probe.opened(), ["https://example.com/a.png"]);

    // The editor's live preview renders the same way.
    harness.get_by_label("笔记 ●").click();
    harness.run_steps(3);
    harness.get_by_label("笔记内容");
    assert_eq!(
        harness.get_all_by_label_contains("图片：本地图片").count(),
        1,
        "the preview beside the editor"
    );
    assert_only_safe_loaders(&ctx);
}

#[test]
fn another_students_file_viewed_read_only_opens_none_of_its_paths() {
    let dir = tempfile::tempdir().unwrap();
    let png = local_png(dir.path());
    let mut theirs = ProgressFile::new(Student::new("王五"), "mini");
    let now = Timestamp::now();
    theirs
        .progress
        .set_state(&id("basics.software"), ItemState::Done, now);
    theirs.progress.set_note(
        &NoteTarget::Item(id("basics.software")),
        &hostile_note(&png),
        now,
    );
    theirs.progress.set_note(
        &NoteTarget::Chapter(ChapterId("basics".to_owned())),
        "![章节图](/dev/zero)",
        now,
    );
    theirs.progress.feedback.push(Feedback {
        mentor: "王老师".to_owned(),
        written: Some(now),
        overall: "总评 ![总评图](/dev/zero)".to_owned(),
        items: [(
            id("basics.software"),
            "看这张 ![反馈图](/dev/zero)".to_owned(),
        )]
        .into(),
    });
    let path = dir.path().join("王五.scprogress");
    std::fs::write(&path, format::to_string(&theirs).unwrap()).unwrap();

    let (mut harness, _, _data) = common::harness(common::mini_curriculum(), open_state());
    harness.run();
    let ctx = harness.ctx.clone();
    apply(&mut harness, Action::Import(ImportAction::From(path)));
    common::wait_until(&mut harness, "the preview", |app| {
        app.pending_import().is_some()
    });
    harness.get_by_label("只读查看").click();
    harness.run_steps(4);
    harness.get_by_label_contains("正在查看 王五 的进度");

    harness.get_by_label_contains("图片：本地图片");
    harness.get_by_label_contains("图片：零");
    harness.get_by_label_contains("图片：章节图");
    // Feedback is plain text: the Markdown is shown as written, nothing is loaded.
    harness.get_by_label_contains("看这张 ![反馈图](/dev/zero)");
    assert_only_safe_loaders(&ctx);
    assert_file_uri_refused(&ctx, &png);
}

/// Waits until `uri` is a texture with `options`; its size.
fn texture_of(
    harness: &mut Harness<'_, StudyApp>,
    uri: &str,
    options: egui::TextureOptions,
) -> egui::Vec2 {
    let ctx = harness.ctx.clone();
    for _ in 0..500 {
        match ctx.try_load_texture(uri, options, SizeHint::default()) {
            Ok(TexturePoll::Ready { texture }) => return texture.size,
            Ok(TexturePoll::Pending { .. }) => {
                harness.step();
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(err) => panic!("{uri} does not load: {err}"),
        }
    }
    panic!("{uri} never finished loading");
}

/// Bytes of decoded pixels the image loaders keep.
fn decoded_bytes(ctx: &egui::Context) -> usize {
    ctx.loaders()
        .image
        .lock()
        .iter()
        .map(|loader| loader.byte_size())
        .sum()
}

#[test]
fn the_curriculum_images_still_load_from_registered_bytes() {
    let (mut harness, _, _data) = common::harness(common::mini_curriculum(), open_state());
    harness.run();
    let uri = format!(
        "{}images/workflow-example.png",
        study_companion::ui::CURRICULUM_IMAGE_SCHEME
    );
    let size = texture_of(&mut harness, &uri, egui::TextureOptions::default());
    assert!(size.x > 1.0 && size.y > 1.0);

    // Once it is a texture, the decoded pixels are not kept beside it (issue 15)...
    assert_eq!(decoded_bytes(&harness.ctx), 0, "no decoded copy kept");
    // ...the texture is, and the image can be decoded again from its bytes when needed.
    assert_eq!(
        texture_of(&mut harness, &uri, egui::TextureOptions::default()),
        size
    );
    assert_eq!(
        texture_of(&mut harness, &uri, egui::TextureOptions::NEAREST),
        size,
        "decoded again for another texture"
    );
    assert_eq!(decoded_bytes(&harness.ctx), 0);
}
