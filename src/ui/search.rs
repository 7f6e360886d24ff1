//! The search window (Ctrl+F): a field, and the places that match as the student types, with
//! the words that matched highlighted. ↑/↓ choose, Enter or a click opens the place in the
//! roadmap, Esc closes. The searching itself is [`crate::search`].

use std::sync::Arc;

use egui::text::{CCursor, CCursorRange, LayoutJob, TextFormat};
use egui::{Key, Modifiers};

use crate::curriculum::Curriculum;
use crate::i18n::{Strings, fill};
use crate::progress::Progress;
use crate::search::{Field, Hit, Marked, Place, Results, SearchIndex};

use super::action::Action;
use super::theme;

/// The search window's state (never saved).
#[derive(Default)]
pub struct SearchView {
    open: bool,
    query: String,
    /// The hit Enter opens, by index in `results`.
    selected: usize,
    /// Give the field the keyboard and select its text (the window just opened).
    focus: bool,
    /// The hit chosen with the keys must be scrolled into sight.
    reveal_selected: bool,
    /// The curriculum's index, made when the window first opens.
    index: Option<(Arc<Curriculum>, SearchIndex)>,
    results: Results,
}

impl SearchView {
    /// Opens the window (again), its field focused and its text selected, so typing replaces
    /// the last query.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// Whether the window is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The hits listed now (for tests).
    pub fn results(&self) -> &Results {
        &self.results
    }

    /// The window, when open: searches `progress` (the one on screen) on every frame, so a
    /// note changed meanwhile is found as it is now; only changed notes are prepared again.
    pub fn search_ui(
        &mut self,
        ctx: &egui::Context,
        curriculum: &Arc<Curriculum>,
        progress: &Progress,
        strings: &Strings,
        actions: &mut Vec<Action>,
    ) {
        if !self.open {
            return;
        }
        // The field would move its cursor with these; here they move in the list.
        let (up, down, enter) = ctx.input_mut(|input| {
            (
                input.count_and_consume_key(Modifiers::NONE, Key::ArrowUp),
                input.count_and_consume_key(Modifiers::NONE, Key::ArrowDown),
                input.count_and_consume_key(Modifiers::NONE, Key::Enter) > 0,
            )
        });
        let id = egui::Id::unique("search");
        let area = egui::Modal::default_area(id.with("area"))
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, theme::SEARCH_TOP));
        let modal = egui::Modal::new(id).area(area).show(ctx, |ui| {
            ui.set_width(theme::SEARCH_WIDTH);
            let query_before = self.query.clone();
            self.field_ui(ui, strings);
            if self.query != query_before {
                self.selected = 0;
                // The window and its list size themselves from the last pass: lay out again
                // with the new list (once now, once next frame), or its end stays cut off.
                ui.ctx().request_discard("the search hits changed");
                ui.ctx().request_repaint();
            }
            let index = match &mut self.index {
                Some((indexed, index)) if Arc::ptr_eq(indexed, curriculum) => index,
                slot => {
                    &mut slot
                        .insert((Arc::clone(curriculum), SearchIndex::new(curriculum)))
                        .1
                }
            };
            self.results = index.search(progress, &self.query, theme::SEARCH_MAX_HITS);
            let count = self.results.hits.len();
            if count > 0 {
                let moved = (self.selected + down).saturating_sub(up);
                if up + down > 0 {
                    self.reveal_selected = true;
                }
                self.selected = moved.min(count - 1);
            }
            let mut chosen = None;
            if enter {
                chosen = self
                    .results
                    .hits
                    .get(self.selected)
                    .map(|hit| hit.place.clone());
            }
            if let Some(place) = self.hits_ui(ui, strings) {
                chosen = Some(place);
            }
            chosen
        });
        if let Some(place) = modal.inner {
            self.open = false;
            actions.push(Action::ShowFound(place));
        } else if modal.should_close() {
            self.open = false;
        }
    }

    /// The search field, labelled, taking the keyboard.
    fn field_ui(&mut self, ui: &mut egui::Ui, strings: &Strings) {
        ui.horizontal(|ui| {
            let label = ui.label(strings.search_field);
            let field_id = egui::Id::unique("search_field");
            let mut output = egui::TextEdit::singleline(&mut self.query)
                .id(field_id)
                .hint_text(strings.search_hint)
                .desired_width(f32::INFINITY)
                .show(ui);
            let response = output.response.response.clone().labelled_by(label.id);
            if self.focus {
                self.focus = false;
                let all =
                    CCursorRange::two(CCursor::new(0), CCursor::new(self.query.chars().count()));
                output.state.cursor.set_char_range(Some(all));
                output.state.store(ui.ctx(), field_id);
                response.request_focus();
            } else if !response.has_focus() {
                // Nothing else in the window takes typing: keep the keyboard on the field.
                response.request_focus();
            }
        });
    }

    /// The count, then the hits (or why there are none), then the keys; returns the place
    /// clicked, if any.
    fn hits_ui(&mut self, ui: &mut egui::Ui, strings: &Strings) -> Option<Place> {
        let palette = theme::palette(ui.visuals());
        let Results { hits, total } = &self.results;
        if self.query.trim().is_empty() {
            ui.label(
                egui::RichText::new(strings.search_keys)
                    .small()
                    .color(palette.weak),
            );
            return None;
        }
        if hits.is_empty() {
            ui.add_space(4.0);
            ui.label(fill(strings.search_none, &[("query", self.query.trim())]));
            return None;
        }
        let mut count = fill(strings.search_count, &[("count", &total.to_string())]);
        if *total > hits.len() {
            count.push_str(" · ");
            count.push_str(&fill(
                strings.search_more,
                &[("shown", &hits.len().to_string())],
            ));
        }
        ui.label(egui::RichText::new(count).small().color(palette.weak));
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .max_height(theme::SEARCH_LIST_HEIGHT)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (index, hit) in hits.iter().enumerate() {
                    let selected = index == self.selected;
                    let response = hit_ui(ui, hit, selected, strings);
                    if selected && self.reveal_selected {
                        response.scroll_to_me_animation(None, egui::style::ScrollAnimation::none());
                    }
                    if response.clicked() {
                        clicked = Some(hit.place.clone());
                    }
                }
            });
        self.reveal_selected = false;
        ui.label(
            egui::RichText::new(strings.search_keys)
                .small()
                .color(palette.weak),
        );
        clicked
    }
}

/// One hit: its chapter › title, then the other texts that matched, each with where it is
/// from; the matching words highlighted. Its accessible name is the whole text.
fn hit_ui(ui: &mut egui::Ui, hit: &Hit, selected: bool, strings: &Strings) -> egui::Response {
    let padding = ui.spacing().button_padding;
    let width = ui.available_width();
    let mut job = hit_job(ui, hit, strings);
    job.wrap.max_width = width - 2.0 * padding.x;
    let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
    let size = egui::vec2(width, galley.size().y + 2.0 * padding.y);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, galley.text())
    });
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            ui.painter()
                .rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
        }
        ui.painter()
            .galley(rect.min + padding, galley, visuals.text_color());
    }
    response
}

/// The text of a hit, laid out: title line, then a line per snippet.
fn hit_job(ui: &egui::Ui, hit: &Hit, strings: &Strings) -> LayoutJob {
    let palette = theme::palette(ui.visuals());
    let body = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    let plain = |font: &egui::FontId, color| TextFormat::simple(font.clone(), color);
    let mut job = LayoutJob::default();
    if let Some(chapter) = &hit.chapter {
        job.append(chapter, 0.0, plain(&body, palette.weak));
        job.append(" › ", 0.0, plain(&body, palette.weak));
    }
    let title = match hit.place {
        Place::Overall => Marked {
            text: strings.search_overall.to_owned(),
            marks: Vec::new(),
        },
        _ => hit.title.clone(),
    };
    let strong = ui.visuals().strong_text_color();
    append_marked(&mut job, &title, plain(&body, strong), palette.mark);
    let text = ui.visuals().text_color();
    for (field, marked) in &hit.snippets {
        job.append("\n", 0.0, plain(&small, text));
        let name = match field {
            Field::Title => "",
            Field::Note => strings.search_in_note,
            Field::Feedback => strings.search_in_feedback,
            Field::Text => strings.search_in_text,
            Field::LinkTitle => strings.search_in_link,
            Field::LinkUrl => strings.search_in_url,
        };
        job.append(name, 0.0, plain(&small, palette.weak));
        job.append("  ", 0.0, plain(&small, palette.weak));
        append_marked(&mut job, marked, plain(&body, text), palette.mark);
    }
    job
}

/// Appends `marked` in `format`, its marks on the `mark` colour.
fn append_marked(job: &mut LayoutJob, marked: &Marked, format: TextFormat, mark: egui::Color32) {
    let highlighted = TextFormat {
        background: mark,
        ..format.clone()
    };
    let mut at = 0;
    for range in &marked.marks {
        if let (Some(before), Some(matched)) = (
            marked.text.get(at..range.start),
            marked.text.get(range.clone()),
        ) {
            job.append(before, 0.0, format.clone());
            job.append(matched, 0.0, highlighted.clone());
            at = range.end;
        }
    }
    job.append(marked.text.get(at..).unwrap_or_default(), 0.0, format);
}
