//! The sketch canvas: pen, colours and widths, eraser, text labels, undo/redo, clear.
//!
//! The sketch is edited here as strokes in page units. Every change is kept in the progress
//! right away (so it is autosaved); "save" also renders it to PNG off the UI thread, the
//! picture mentors see.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::curriculum::ItemId;
use crate::drawing::{Ink, Label, Sketch, Stroke};

use super::action::{Action, DrawingAction};
use super::theme;
use crate::i18n::Strings;

/// What a click or drag on the page does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// Draw with the chosen ink.
    Pen,
    /// Paint the page colour.
    Eraser,
    /// Click to place a text label.
    Text,
}

/// Line widths offered, in page units.
const WIDTHS: [f32; 3] = [3.0, 6.0, 12.0];
/// Undo in the canvas.
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Redo in the canvas: Ctrl+Shift+Z, or Ctrl+Y as on Windows.
const REDO: [KeyboardShortcut; 2] = [
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
    KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
];
/// Text size of labels, in page units.
const LABEL_SIZE: f32 = 30.0;
/// Points closer than this (page units) to the previous one are not recorded.
const MIN_POINT_DISTANCE: f32 = 1.5;

/// An open canvas (runtime state; the sketch is saved only through [`DrawingAction::SaveSketch`]).
pub struct Canvas {
    /// The task item the sketch belongs to.
    pub item: ItemId,
    sketch: Sketch,
    undo: Vec<Sketch>,
    redo: Vec<Sketch>,
    tool: Tool,
    ink: Ink,
    width: f32,
    /// The stroke being drawn.
    current: Vec<[f32; 2]>,
    /// Where a label is being placed, and its text.
    label_at: Option<[f32; 2]>,
    label_text: String,
    /// The label field just appeared and should take the keyboard.
    focus_label: bool,
    /// The sketch as it was when the canvas opened, for "close without saving".
    original: Option<Sketch>,
    /// Bumped on every change; changes are kept in the progress as they happen, so a crash
    /// loses no stroke.
    generation: u64,
    kept: u64,
    /// The last stroke or label was refused: the sketch is as large as a file allows.
    full: bool,
}

/// Longest label, in characters (far below the format's limit for a label's text).
const LABEL_MAX_CHARS: usize = 500;

impl Canvas {
    /// A canvas on `sketch` (a new page when `None`).
    pub fn new(item: ItemId, sketch: Option<Sketch>) -> Self {
        Self {
            item,
            original: sketch.clone(),
            generation: 0,
            kept: 0,
            sketch: sketch.unwrap_or_default(),
            undo: Vec::new(),
            redo: Vec::new(),
            tool: Tool::Pen,
            ink: Ink::Black,
            width: WIDTHS[1],
            current: Vec::new(),
            label_at: None,
            label_text: String::new(),
            focus_label: false,
            full: false,
        }
    }

    /// The sketch as it is now.
    pub fn sketch(&self) -> &Sketch {
        &self.sketch
    }

    /// A stroke through `points` with the current tool, ink and width (the eraser is wider).
    fn stroke(&self, points: Vec<[f32; 2]>) -> Stroke {
        let eraser = self.tool == Tool::Eraser;
        Stroke {
            color: if eraser { Ink::Eraser } else { self.ink },
            width: if eraser { self.width * 3.0 } else { self.width },
            points,
        }
    }

    fn edit(&mut self, change: impl FnOnce(&mut Sketch)) {
        self.undo.push(self.sketch.clone());
        self.redo.clear();
        change(&mut self.sketch);
        self.generation += 1;
    }

    /// Takes back the last change.
    fn undo(&mut self) {
        if let Some(previous) = self.undo.pop() {
            self.redo
                .push(std::mem::replace(&mut self.sketch, previous));
            self.generation += 1;
        }
    }

    /// Makes the last change taken back again.
    fn redo(&mut self) {
        if let Some(next) = self.redo.pop() {
            self.undo.push(std::mem::replace(&mut self.sketch, next));
            self.generation += 1;
        }
    }

    /// Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y), unless a text field has the keyboard (the label
    /// being typed has its own undo).
    fn keys(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        // Redo first: Ctrl+Z would also match Ctrl+Shift+Z.
        if ctx.input_mut(|input| REDO.iter().any(|shortcut| input.consume_shortcut(shortcut))) {
            self.redo();
        } else if ctx.input_mut(|input| input.consume_shortcut(&UNDO)) {
            self.undo();
        }
    }

    /// The canvas window, with the task's `example` picture (a URI egui can load) beside the
    /// page, so that the window never hides what the student is asked to draw like.
    pub fn window_ui(
        &mut self,
        ctx: &egui::Context,
        example: Option<&str>,
        strings: &Strings,
        actions: &mut Vec<Action>,
    ) {
        self.keys(ctx);
        let mut open = true;
        egui::Window::new(strings.canvas_title)
            .open(&mut open)
            .default_size(theme::CANVAS_WINDOW_SIZE)
            .show(ctx, |ui| {
                self.toolbar_ui(ui, strings, actions);
                ui.label(egui::RichText::new(strings.canvas_hint).small().weak());
                if self.full {
                    ui.label(
                        egui::RichText::new(strings.canvas_full)
                            .color(theme::palette(ui.visuals()).warning),
                    );
                }
                if let Some(at) = self.label_at {
                    ui.horizontal(|ui| {
                        let label = ui.label(strings.label_text);
                        let response = ui
                            .add(
                                egui::TextEdit::singleline(&mut self.label_text)
                                    .char_limit(LABEL_MAX_CHARS)
                                    .desired_width(240.0),
                            )
                            .labelled_by(label.id);
                        if std::mem::take(&mut self.focus_label) {
                            response.request_focus();
                        }
                        let enter =
                            response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        if (ui.button(strings.add_label).clicked() || enter)
                            && !self.label_text.trim().is_empty()
                        {
                            let label = Label {
                                pos: at,
                                text: std::mem::take(&mut self.label_text),
                                color: self.ink,
                                size: LABEL_SIZE,
                            };
                            if crate::format::limits::sketch_has_room(&self.sketch, 0, 1) {
                                self.edit(|sketch| sketch.labels.push(label));
                            } else {
                                self.full = true;
                            }
                            self.label_at = None;
                        }
                    });
                }
                match example {
                    Some(uri) if ui.available_width() > 2.5 * theme::CANVAS_EXAMPLE_WIDTH => {
                        ui.horizontal_top(|ui| {
                            let page_width = ui.available_width()
                                - theme::CANVAS_EXAMPLE_WIDTH
                                - ui.spacing().item_spacing.x;
                            ui.vertical(|ui| {
                                ui.set_width(page_width);
                                egui::ScrollArea::both().show(ui, |ui| self.page_ui(ui, strings));
                            });
                            ui.vertical(|ui| {
                                ui.set_width(theme::CANVAS_EXAMPLE_WIDTH);
                                ui.label(egui::RichText::new(strings.example_caption).weak());
                                ui.add(
                                    egui::Image::new(uri)
                                        .max_width(theme::CANVAS_EXAMPLE_WIDTH)
                                        .alt_text(strings.example_caption),
                                );
                            });
                        });
                    }
                    _ => {
                        egui::ScrollArea::both().show(ui, |ui| self.page_ui(ui, strings));
                    }
                }
            });
        if self.generation != self.kept {
            self.kept = self.generation;
            ctx.request_repaint();
            actions.push(Action::Drawing(DrawingAction::KeepSketch(
                self.item.clone(),
                Some(self.sketch.clone()),
            )));
        }
        if !open {
            actions.push(Action::Drawing(DrawingAction::CloseCanvas));
        }
    }

    /// Two rows: what to draw with, then what to do with the drawing.
    fn toolbar_ui(&mut self, ui: &mut egui::Ui, strings: &Strings, actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            for (tool, label) in [
                (Tool::Pen, strings.tool_pen),
                (Tool::Eraser, strings.tool_eraser),
                (Tool::Text, strings.tool_text),
            ] {
                if ui.selectable_label(self.tool == tool, label).clicked() {
                    self.tool = tool;
                    self.label_at = None;
                }
            }
            ui.separator();
            for (ink, label) in Ink::PENS.into_iter().zip([
                strings.ink_black,
                strings.ink_blue,
                strings.ink_red,
                strings.ink_green,
            ]) {
                let [r, g, b] = ink.rgb();
                // A swatch with an outline (black ink on a dark theme stays visible); the
                // name in the text colour.
                let (swatch, _) = ui.allocate_exact_size(
                    egui::Vec2::splat(theme::SWATCH_SIZE),
                    egui::Sense::hover(),
                );
                ui.painter().circle(
                    swatch.center(),
                    theme::SWATCH_SIZE / 2.0 - 1.0,
                    egui::Color32::from_rgb(r, g, b),
                    egui::Stroke::new(1.0, ui.visuals().text_color()),
                );
                if ui.selectable_label(self.ink == ink, label).clicked() {
                    self.ink = ink;
                    if self.tool == Tool::Eraser {
                        self.tool = Tool::Pen;
                    }
                }
            }
            ui.separator();
            for (width, label) in WIDTHS.into_iter().zip([
                strings.width_thin,
                strings.width_medium,
                strings.width_thick,
            ]) {
                if ui.selectable_label(self.width == width, label).clicked() {
                    self.width = width;
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            let ctx = ui.ctx().clone();
            let keys = |shortcut: &KeyboardShortcut| ctx.format_shortcut(shortcut);
            if ui
                .add_enabled(!self.undo.is_empty(), egui::Button::new(strings.undo))
                .on_hover_text(keys(&UNDO))
                .clicked()
            {
                self.undo();
            }
            if ui
                .add_enabled(!self.redo.is_empty(), egui::Button::new(strings.redo))
                .on_hover_text(keys(&REDO[0]))
                .clicked()
            {
                self.redo();
            }
            let empty = self.sketch.strokes.is_empty() && self.sketch.labels.is_empty();
            if ui
                .add_enabled(!empty, egui::Button::new(strings.clear))
                .clicked()
            {
                // Undo brings it back.
                self.edit(|sketch| {
                    sketch.strokes.clear();
                    sketch.labels.clear();
                });
            }
            ui.separator();
            if ui.button(strings.save_sketch).clicked() {
                actions.push(Action::Drawing(DrawingAction::SaveSketch(
                    self.item.clone(),
                    self.sketch.clone(),
                )));
            }
            if ui.button(strings.discard_sketch).clicked() {
                actions.push(Action::Drawing(DrawingAction::KeepSketch(
                    self.item.clone(),
                    self.original.clone(),
                )));
                actions.push(Action::Drawing(DrawingAction::CloseCanvas));
            }
        });
    }

    /// The page: white paper scaled to the window's width; drag to draw, click to label.
    fn page_ui(&mut self, ui: &mut egui::Ui, strings: &Strings) {
        let page = egui::vec2(self.sketch.width as f32, self.sketch.height as f32);
        let scale = (ui.available_width() / page.x).clamp(0.2, 1.0);
        let (response, painter) = ui.allocate_painter(page * scale, egui::Sense::click_and_drag());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Canvas, true, strings.canvas_page)
        });
        let origin = response.rect.min;
        let to_screen = |[x, y]: [f32; 2]| origin + egui::vec2(x, y) * scale;
        let to_page = |pos: egui::Pos2| {
            let v = (pos - origin) / scale;
            [v.x.clamp(0.0, page.x), v.y.clamp(0.0, page.y)]
        };

        let drawing = matches!(self.tool, Tool::Pen | Tool::Eraser);
        if drawing && (response.is_pointer_button_down_on() || !self.current.is_empty()) {
            // Every pointer position of this frame, not just the last one: from where the
            // button went down (before egui decides it is a drag) to where it came up.
            let (origin, positions) = ui.input(|input| {
                let mut positions = Vec::new();
                for event in &input.events {
                    match event {
                        egui::Event::PointerMoved(pos) => positions.push(*pos),
                        egui::Event::PointerButton {
                            pos,
                            pressed: false,
                            ..
                        } => {
                            positions.push(*pos);
                            break;
                        }
                        _ => {}
                    }
                }
                (input.pointer.press_origin(), positions)
            });
            let start = self.current.is_empty().then_some(origin).flatten();
            for pos in start.into_iter().chain(positions) {
                let point = to_page(pos);
                let far_enough = self
                    .current
                    .last()
                    .is_none_or(|[x, y]| (x - point[0]).hypot(y - point[1]) >= MIN_POINT_DISTANCE);
                if far_enough {
                    self.current.push(point);
                }
            }
        }
        if self.tool == Tool::Text
            && response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            self.label_at = Some(to_page(pos));
            self.focus_label = true;
        }
        // The button is up again (however egui classified the gesture): the stroke is done.
        if !self.current.is_empty() && !response.is_pointer_button_down_on() {
            let points = std::mem::take(&mut self.current);
            if crate::format::limits::sketch_has_room(&self.sketch, points.len(), 0) {
                let stroke = self.stroke(points);
                self.edit(|sketch| sketch.strokes.push(stroke));
            } else {
                // More would make a progress file the app could not read back.
                self.full = true;
            }
        }

        let [r, g, b] = crate::drawing::PAGE_RGB;
        painter.rect_filled(response.rect, 0.0, egui::Color32::from_rgb(r, g, b));
        let color = |ink: Ink| {
            let [r, g, b] = ink.rgb();
            egui::Color32::from_rgb(r, g, b)
        };
        let live = (!self.current.is_empty()).then(|| self.stroke(self.current.clone()));
        for stroke in self.sketch.strokes.iter().chain(live.iter()) {
            let points: Vec<egui::Pos2> = stroke.points.iter().map(|p| to_screen(*p)).collect();
            let width = stroke.width * scale;
            if let [only] = points.as_slice() {
                painter.circle_filled(*only, width / 2.0, color(stroke.color));
            } else {
                painter.add(egui::Shape::line(
                    points,
                    egui::Stroke::new(width, color(stroke.color)),
                ));
            }
        }
        for label in &self.sketch.labels {
            painter.text(
                to_screen(label.pos),
                egui::Align2::LEFT_TOP,
                &label.text,
                egui::FontId::proportional(label.size * scale),
                color(label.color),
            );
        }
        if let Some(at) = self.label_at {
            painter.circle_stroke(to_screen(at), 4.0, egui::Stroke::new(1.5, color(self.ink)));
        }
    }
}
