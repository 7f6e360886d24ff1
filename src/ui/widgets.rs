//! Small widgets every view shares.

use super::theme;

/// Height of a progress bar that has its text beside it.
const BAR_HEIGHT: f32 = 10.0;

/// A progress bar `width` wide with `text` beside it (not on it: text over the green part and
/// the empty part cannot contrast with both). At 0 % the bar is empty, with no green blob.
/// Screen readers hear the text as the bar's name; the text beside it is painted, not a
/// second node with the same words.
pub fn labelled_bar_ui(ui: &mut egui::Ui, fraction: f32, width: f32, text: &str) -> egui::Response {
    ui.horizontal(|ui| {
        let response = bar_ui(ui, fraction, width, BAR_HEIGHT, text);
        painted_text_ui(ui, text);
        response
    })
    .inner
}

/// A progress bar named `name` for screen readers; empty at 0 %.
pub fn bar_ui(
    ui: &mut egui::Ui,
    fraction: f32,
    width: f32,
    height: f32,
    name: &str,
) -> egui::Response {
    let fill = if fraction > 0.0 {
        theme::palette(ui.visuals()).done
    } else {
        egui::Color32::TRANSPARENT
    };
    let response = ui.add(
        egui::ProgressBar::new(fraction)
            .desired_width(width)
            .desired_height(height)
            .fill(fill),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, name));
    // An outline, so that an empty bar is still seen as a bar on the panel's colour.
    ui.painter().rect_stroke(
        response.rect,
        response.rect.height() / 2.0,
        ui.visuals().widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    response
}

/// Text drawn in the layout like a label, but not announced on its own (it repeats the name
/// of the widget beside it).
pub fn painted_text_ui(ui: &mut egui::Ui, text: &str) {
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let (rect, _) = ui.allocate_exact_size(galley.size(), egui::Sense::hover());
    ui.painter()
        .galley(rect.min, galley, ui.visuals().text_color());
}
