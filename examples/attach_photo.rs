//! Prepares a photo as the app does when one is attached (decode within limits, EXIF
//! orientation, scale to 2048, re-encode) and prints the time it took: used for the figures
//! in docs/performance.md together with `/usr/bin/time -v` for peak memory.
//!
//! `cargo run --release --example attach_photo -- photo.jpg`

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: attach_photo FILE");
        return std::process::ExitCode::FAILURE;
    };
    let started = std::time::Instant::now();
    match study_companion::drawing::photo::prepare_file(std::path::Path::new(&path)) {
        Ok(image) => {
            println!(
                "prepared {}×{} {} ({} bytes) in {:.1} ms",
                image.width,
                image.height,
                image.mime,
                image.data.len(),
                started.elapsed().as_secs_f64() * 1000.0
            );
            std::process::ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("refused: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}
