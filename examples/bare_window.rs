//! A bare eframe window with nothing in it: the baseline for start-up time and memory in
//! docs/performance.md (`benches/startup.py`). Built here it has the app's eframe features;
//! `benches/bare-default` builds this same file with eframe's default features.
//!
//! Options are eframe's defaults (as a newcomer's first window has them) except the size,
//! which is the app's.

use eframe::egui;

fn main() -> eframe::Result {
    eframe::run_native(
        "bare-window",
        eframe::NativeOptions {
            viewport: egui::ViewportBuilder::default()
                .with_title("bare eframe window")
                .with_inner_size([1180.0, 780.0]),
            ..Default::default()
        },
        Box::new(|_| Ok(Box::new(Bare))),
    )
}

struct Bare;

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("bare eframe window");
        });
    }
}
