//! The hand-drawn workflow: attaching photos (orientation, scaling, bad images), sketches
//! rendered deterministically, round trips through export and import, and the canvas.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Cursor;

use egui_kittest::kittest::Queryable as _;
use image::{ImageEncoder as _, Rgb, RgbImage};
use study_companion::curriculum::{ChapterId, ItemId};
use study_companion::drawing::photo::{self, PhotoError};
use study_companion::drawing::render::render_png;
use study_companion::drawing::{Drawing, Ink, Label, Sketch, Stroke};
use study_companion::format::{self, ProgressFile, Repair, Student};
use study_companion::ui::{Action, DrawingAction, UiState};

fn two_colour(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            Rgb([220, 30, 30])
        } else {
            Rgb([30, 30, 220])
        }
    })
}

fn encode(image: &RgbImage, format: image::ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), format)
        .unwrap();
    bytes
}

/// A JPEG whose EXIF says "rotate 90° clockwise to display" (orientation 6).
fn jpeg_rotated(image: &RgbImage) -> Vec<u8> {
    let exif = b"II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00\x00\x00\x00\x00".to_vec();
    let mut bytes = Vec::new();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90);
    encoder.set_exif_metadata(exif).unwrap();
    encoder
        .write_image(
            image.as_raw(),
            image.width(),
            image.height(),
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    bytes
}

#[test]
fn png_jpeg_and_webp_are_read() {
    let image = two_colour(64, 32);
    for format in [
        image::ImageFormat::Png,
        image::ImageFormat::Jpeg,
        image::ImageFormat::WebP,
    ] {
        let stored = photo::prepare(&encode(&image, format)).unwrap();
        assert_eq!((stored.width, stored.height), (64, 32), "{format:?}");
        assert_eq!(stored.mime, "image/jpeg");
    }
}

#[test]
fn exif_orientation_is_respected() {
    let stored = photo::prepare(&jpeg_rotated(&two_colour(80, 40))).unwrap();
    assert_eq!((stored.width, stored.height), (40, 80), "turned upright");
    let upright = photo::decode(&stored.data).unwrap().to_rgb8();
    // Red was on the left; after a quarter turn clockwise it is on top.
    let top = upright.get_pixel(20, 5);
    let bottom = upright.get_pixel(20, 75);
    assert!(top[0] > 150 && top[2] < 100, "{top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "{bottom:?}");
}

#[test]
fn large_photos_are_scaled_down_and_small() {
    let photo = RgbImage::from_fn(4000, 3000, |x, y| {
        Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let original = encode(&photo, image::ImageFormat::Png);
    let stored = photo::prepare(&original).unwrap();
    assert_eq!((stored.width, stored.height), (2048, 1536));
    assert!(
        stored.data.len() < 1024 * 1024,
        "{} bytes",
        stored.data.len()
    );
}

#[test]
fn bad_images_are_refused_clearly() {
    assert_eq!(
        photo::prepare(b"not an image at all").unwrap_err(),
        PhotoError::NotAnImage
    );
    assert_eq!(
        photo::prepare(b"GIF89a....").unwrap_err(),
        PhotoError::NotAnImage
    );

    let png = encode(&two_colour(64, 64), image::ImageFormat::Png);
    let truncated = &png[..png.len() / 2];
    assert!(matches!(
        photo::prepare(truncated).unwrap_err(),
        PhotoError::Damaged(_)
    ));

    // A decompression bomb: a tiny, valid PNG whose header claims 100000 × 100000 pixels.
    let mut bomb = png.clone();
    bomb[16..20].copy_from_slice(&100_000_u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&100_000_u32.to_be_bytes());
    let crc = crc32fast::hash(&bomb[12..29]);
    bomb[29..33].copy_from_slice(&crc.to_be_bytes());
    let err = photo::prepare(&bomb).unwrap_err();
    assert!(matches!(err, PhotoError::TooManyPixels { .. }), "{err:?}");

    // A 200 MB file is refused before it is read.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.jpg");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    assert!(matches!(
        photo::prepare_file(&path).unwrap_err(),
        PhotoError::FileTooLarge {
            size: 209_715_200,
            ..
        }
    ));
}

fn sample_sketch() -> Sketch {
    Sketch {
        strokes: vec![
            Stroke {
                color: Ink::Black,
                width: 6.0,
                points: vec![
                    [100.0, 100.0],
                    [400.0, 100.0],
                    [400.0, 250.0],
                    [100.0, 250.0],
                    [100.0, 100.0],
                ],
            },
            Stroke {
                color: Ink::Red,
                width: 3.0,
                points: vec![[250.0, 250.0], [250.0, 400.0]],
            },
        ],
        labels: vec![Label {
            pos: [130.0, 150.0],
            text: "数据处理".to_owned(),
            color: Ink::Blue,
            size: 40.0,
        }],
        ..Sketch::default()
    }
}

#[test]
fn strokes_render_to_the_same_png_every_time() {
    let first = render_png(&sample_sketch()).unwrap();
    let second = render_png(&sample_sketch()).unwrap();
    assert_eq!(first, second);
    assert_eq!((first.width, first.height), (900, 1200));
    let pixels = photo::decode(&first.data).unwrap().to_rgb8();
    assert_eq!(
        pixels.get_pixel(10, 10),
        &Rgb([255, 255, 255]),
        "white page"
    );
    assert_eq!(
        pixels.get_pixel(250, 100),
        &Rgb([0x22, 0x22, 0x22]),
        "the box's top edge"
    );
    assert_eq!(
        pixels.get_pixel(250, 330),
        &Rgb([0xc8, 0x32, 0x32]),
        "the red arrow"
    );
    let blue_text = pixels
        .enumerate_pixels()
        .filter(|(x, y, p)| {
            (130..330).contains(x) && (150..200).contains(y) && p[2] > 150 && p[0] < 100
        })
        .count();
    assert!(
        blue_text > 200,
        "the label is drawn ({blue_text} blue pixels)"
    );
}

#[test]
fn a_drawing_travels_through_export_and_import_pixel_for_pixel() {
    let sketch = sample_sketch();
    let image = render_png(&sketch).unwrap();
    let photo = photo::prepare(&encode(&two_colour(300, 200), image::ImageFormat::Png)).unwrap();
    let mut file = ProgressFile::new(Student::new("张三"), "test");
    file.progress.drawings.insert(
        ItemId("what-is-dl.workflow-drawing".to_owned()),
        Drawing {
            image: Some(image.clone()),
            sketch: Some(sketch.clone()),
            updated: Some(jiff::Timestamp::now()),
        },
    );
    file.progress.drawings.insert(
        ItemId("other.task".to_owned()),
        Drawing {
            image: Some(photo.clone()),
            sketch: None,
            updated: None,
        },
    );
    let text = format::to_string(&file).unwrap();
    let imported = format::read(text.as_bytes()).unwrap();
    assert!(imported.repairs.is_empty());
    assert_eq!(imported.file, file);
    let back = &imported.file.progress.drawings[&ItemId("what-is-dl.workflow-drawing".to_owned())];
    assert_eq!(
        photo::decode(&back.image.as_ref().unwrap().data)
            .unwrap()
            .to_rgba8(),
        photo::decode(&image.data).unwrap().to_rgba8()
    );
}

#[test]
fn a_corrupt_embedded_image_is_skipped_and_the_rest_imported() {
    let mut file = ProgressFile::new(Student::new("张三"), "test");
    let mut image = render_png(&sample_sketch()).unwrap();
    image.data.truncate(image.data.len() / 3);
    let item = ItemId("what-is-dl.workflow-drawing".to_owned());
    file.progress.drawings.insert(
        item.clone(),
        Drawing {
            image: Some(image),
            sketch: Some(sample_sketch()),
            updated: None,
        },
    );
    let imported = format::read(format::to_string(&file).unwrap().as_bytes()).unwrap();
    assert!(matches!(&imported.repairs[..], [Repair::ImageDamaged { item: i, .. }] if *i == item));
    let drawing = &imported.file.progress.drawings[&item];
    assert!(drawing.image.is_none());
    assert_eq!(
        drawing.sketch,
        Some(sample_sketch()),
        "the strokes are kept"
    );
}

// ---------------------------------------------------------------- in the app

fn chapter_two_open() -> UiState {
    UiState {
        open_chapters: [ChapterId("dl".to_owned())].into(),
        ..UiState::default()
    }
}

fn task() -> ItemId {
    ItemId("dl.drawing".to_owned())
}

#[test]
fn attach_replace_and_remove_a_photo() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("手绘.jpg");
    std::fs::write(&first, jpeg_rotated(&two_colour(80, 40))).unwrap();
    let second = dir.path().join("scan.png");
    std::fs::write(
        &second,
        encode(&two_colour(50, 50), image::ImageFormat::Png),
    )
    .unwrap();
    let broken = dir.path().join("broken.png");
    std::fs::write(&broken, b"\x89PNG\r\n\x1a\n garbage").unwrap();

    let (mut harness, _, _data) = common::harness(common::mini_curriculum(), chapter_two_open());
    harness.run();
    harness.get_by_label("我的深度学习流程图");

    // Dropping a photo on the window attaches it to the task.
    common::drop_file(&mut harness, &first);
    let ctx = harness.ctx.clone();
    common::wait_until(&mut harness, "the photo", |app| {
        app.drawing(&task()).is_some()
    });
    let image = harness
        .state()
        .drawing(&task())
        .unwrap()
        .image
        .clone()
        .unwrap();
    assert_eq!((image.width, image.height), (40, 80));
    harness.get_by_label_contains("40×80 像素");

    // A broken image changes nothing.
    harness.state_mut().apply(
        &ctx,
        Action::Drawing(DrawingAction::AttachFrom(task(), broken)),
    );
    common::wait_until(&mut harness, "the refusal", |app| {
        app.notices()
            .iter()
            .any(|n| n.text.contains("无法使用这张图片"))
    });
    assert_eq!(
        harness.state().drawing(&task()).unwrap().image.as_ref(),
        Some(&image)
    );

    // Replace.
    harness.state_mut().apply(
        &ctx,
        Action::Drawing(DrawingAction::AttachFrom(task(), second)),
    );
    common::wait_until(&mut harness, "the new photo", |app| {
        app.drawing(&task())
            .and_then(|d| d.image.as_ref())
            .is_some_and(|i| i.width == 50)
    });

    // Remove, with confirmation.
    harness.get_by_label("移除").click();
    harness.run();
    harness.get_by_label("移除流程图？");
    harness.get_by_label("取消").click();
    harness.run();
    assert!(
        harness.state().drawing(&task()).is_some(),
        "cancel keeps it"
    );
    harness.get_by_label("移除").click();
    harness.run();
    let buttons: Vec<_> = harness.get_all_by_label("移除").collect();
    buttons.last().unwrap().click();
    harness.run();
    assert!(harness.state().drawing(&task()).is_none());
}

#[test]
fn the_canvas_draws_a_stroke_undoes_it_and_saves_a_sketch() {
    let (mut harness, _, _data) = common::harness(common::mini_curriculum(), chapter_two_open());
    harness.run();
    harness.get_by_label("在这里画").click();
    harness.run();
    harness.get_by_label("画深度学习流程");

    let page = harness.get_by_label("画布").rect();
    let from = page.left_top() + egui::vec2(40.0, 40.0);
    let to = page.left_top() + egui::vec2(160.0, 120.0);
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=10 {
        harness.hover_at(from + (to - from) * (step as f32 / 10.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
    let sketch = harness.state().canvas_sketch().unwrap().clone();
    assert_eq!(sketch.strokes.len(), 1, "a drag draws one stroke");
    assert!(sketch.strokes[0].points.len() >= 5);

    harness.get_by_label("撤销").click();
    harness.run();
    assert!(harness.state().canvas_sketch().unwrap().strokes.is_empty());
    harness.get_by_label("重做").click();
    harness.run();
    assert_eq!(harness.state().canvas_sketch().unwrap().strokes.len(), 1);

    // A text label.
    harness.get_by_label("文字").click();
    harness.run();
    let page = harness.get_by_label("画布").rect();
    harness.get_by_label("画布").click();
    harness.run();
    harness.get_by_label("文字内容").type_text("训练");
    harness.run();
    harness.get_by_label("添加文字").click();
    harness.run();
    assert_eq!(
        harness.state().canvas_sketch().unwrap().labels[0].text,
        "训练"
    );
    let _ = page;

    harness.get_by_label("保存并关闭").click();
    harness.run_steps(2);
    common::wait_until(&mut harness, "the rendered sketch", |app| {
        app.drawing(&task()).is_some_and(|d| d.image.is_some())
    });
    let drawing = harness.state().drawing(&task()).unwrap();
    assert_eq!(drawing.sketch.as_ref().unwrap().strokes.len(), 1);
    assert_eq!(drawing.image.as_ref().unwrap().mime, "image/png");
    harness.get_by_label("继续编辑草图");
}
