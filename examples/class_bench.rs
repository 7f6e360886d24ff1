//! Class-scale figures for docs/performance.md: generates N students' progress files (every
//! item done with a 10 KB note, and an attached 1200×1600 JPEG drawing), then times reading
//! the class (the table's data) and writing the CSV report.
//!
//! `cargo run --release --example class_bench -- 200` (files go to a temporary folder;
//! pass a folder as the second argument to keep them, e.g. for `study-companion report`).

use std::time::Instant;

use jiff::Timestamp;
use study_companion::drawing::{Drawing, photo};
use study_companion::format::{self, ProgressFile, Student};
use study_companion::progress::{ItemState, NoteTarget};
use study_companion::report;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = std::env::args().nth(1).map_or(Ok(200), |n| n.parse())?;
    let kept = std::env::args().nth(2).map(std::path::PathBuf::from);
    let temp = tempfile::tempdir()?;
    let dir = kept.unwrap_or_else(|| temp.path().to_owned());
    std::fs::create_dir_all(&dir)?;
    let curriculum = study_companion::embedded::curriculum();

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
            file.progress
                .set_note(&NoteTarget::Item(item.id.clone()), &note, now);
        }
        file.progress.drawings.insert(
            study_companion::curriculum::ItemId("what-is-dl.workflow-drawing".to_owned()),
            Drawing {
                image: Some(drawing.clone()),
                sketch: None,
                updated: Some(now),
            },
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
    let csv = report::csv(curriculum, &class, report::Table::Chapters)?;
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
