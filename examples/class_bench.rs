//! Class-scale figures for docs/performance.md: generates N students' progress files (every
//! item done with a 10 KB note, and an attached 1200×1600 JPEG drawing), then times reading
//! the class (the table's data) and writing the CSV report.
//!
//! `cargo run --release --example class_bench -- 200` (files go to a temporary folder;
//! pass a folder as the second argument to keep them, e.g. for `study-companion report`).
//! With a third argument `strokes`, each file instead carries a sketch of strokes filling it
//! to just under the 16 MiB limit, and its rendered PNG: the worst a class can hold.

use std::time::Instant;

use jiff::Timestamp;
use study_companion::drawing::{Drawing, photo};
use study_companion::format::{self, ProgressFile, Student};
use study_companion::progress::{ItemState, NoteTarget};
use study_companion::report;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = std::env::args().nth(1).map_or(Ok(200), |n| n.parse())?;
    let kept = std::env::args().nth(2).map(std::path::PathBuf::from);
    let strokes = std::env::args().nth(3).is_some_and(|arg| arg == "strokes");
    let temp = tempfile::tempdir()?;
    let dir = kept.unwrap_or_else(|| temp.path().to_owned());
    std::fs::create_dir_all(&dir)?;
    let curriculum = study_companion::embedded::curriculum();

    let sketched = if strokes {
        Some(strokes_drawing()?)
    } else {
        None
    };
    let picture = image::RgbImage::from_fn(1200, 1600, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x + y) % 239) as u8])
    });
    let mut png = Vec::new();
    picture.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)?;
    let drawing = photo::prepare(&png)?;
    let note =
        "今天学了 numpy 的广播和 pandas 的 groupby，**学习率** 调小后 loss 更平稳。\n".repeat(100);

    let started = Instant::now();
    for n in 0..count {
        let mut file = ProgressFile::new(
            Student {
                id: format!("student-{n:04}"),
                name: format!("学生{n}"),
            },
            &curriculum.version,
        );
        let now = Timestamp::from_second(1_764_000_000 + n as i64 * 60)?;
        for (_, item) in curriculum.items() {
            file.progress.set_state(&item.id, ItemState::Done, now);
            if sketched.is_none() {
                file.progress
                    .set_note(&NoteTarget::Item(item.id.clone()), &note, now);
            }
        }
        let mut handed_in = sketched.clone().unwrap_or_else(|| Drawing {
            image: Some(drawing.clone()),
            sketch: None,
            updated: None,
        });
        handed_in.updated = Some(now);
        file.progress.drawings.insert(
            study_companion::curriculum::ItemId("what-is-dl.workflow-drawing".to_owned()),
            handed_in,
        );
        file.saved_at = Some(now);
        std::fs::write(
            dir.join(format!("{n:04}.scprogress")),
            format::to_string(&file)?,
        )?;
    }
    let bytes: u64 = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .filter_map(|entry| entry.metadata().ok())
        .map(|meta| meta.len())
        .sum();
    println!(
        "generated {count} files, {:.1} MB in all, in {:.1} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let mut class = report::load_class(curriculum, std::slice::from_ref(&dir));
    report::sort_rows(&mut class.students, report::Column::Name, false);
    let load = started.elapsed();
    let started = Instant::now();
    let csv = report::csv(
        curriculum,
        &class,
        report::Table::Chapters,
        &study_companion::i18n::ZH,
    )?;
    let write = started.elapsed();
    println!(
        "load + sort {} students: {:.0} ms; CSV report ({} bytes): {:.1} ms; problems: {}",
        class.students.len(),
        load.as_secs_f64() * 1000.0,
        csv.len(),
        write.as_secs_f64() * 1000.0,
        class.problems.len()
    );
    Ok(())
}

/// A sketch of strokes of 500 points, as many as fit in a file just under the size limit,
/// with its rendered PNG.
fn strokes_drawing() -> Result<Drawing, Box<dyn std::error::Error>> {
    use study_companion::drawing::{Ink, Sketch, Stroke, render};
    let stroke = Stroke {
        color: Ink::Blue,
        width: 3.0,
        points: (0..500)
            .map(|p| [(p % 900) as f32 + 0.25, ((p * 7) % 1200) as f32 + 0.5])
            .collect(),
    };
    let file_with = |strokes: usize| -> Result<usize, Box<dyn std::error::Error>> {
        let mut file = ProgressFile::new(Student::new("画画"), "2026.1+bench");
        file.progress.drawings.insert(
            study_companion::curriculum::ItemId("what-is-dl.workflow-drawing".to_owned()),
            Drawing {
                image: None,
                sketch: Some(Sketch {
                    strokes: vec![stroke.clone(); strokes],
                    ..Sketch::default()
                }),
                updated: None,
            },
        );
        Ok(format::to_string(&file)?.len())
    };
    let per_stroke = file_with(2)? - file_with(1)?;
    // Room for the rendered PNG, the items and their times.
    let room = usize::try_from(format::limits::MAX_FILE_BYTES)? - 512 * 1024;
    let mut sketch = Sketch {
        strokes: vec![stroke.clone(); (room - file_with(0)?) / per_stroke],
        ..Sketch::default()
    };
    let image = render::render_png(&sketch)?;
    sketch
        .strokes
        .truncate((room - file_with(0)? - image.data.len() * 4 / 3) / per_stroke);
    Ok(Drawing {
        image: Some(render::render_png(&sketch)?),
        sketch: Some(sketch),
        updated: None,
    })
}
