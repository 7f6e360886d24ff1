//! A bare eframe window with the same eframe features as the app and nothing in it: the
//! baseline for startup time and memory in docs/performance.md.

fn main() -> eframe::Result {
    eframe::run_native(
        "bare-window",
        eframe::NativeOptions {
            viewport: egui::ViewportBuilder::default()
                .with_title("bare eframe window")
                .with_inner_size([1180.0, 780.0]),
            persistence_path: Some(std::env::temp_dir().join("bare-window-state")),
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
