//! The roadmap: the chapter list, and the chapters with their items.
//!
//! With every chapter open the roadmap is long, so the central view draws only the rows on
//! screen: every row's height is remembered from the last time it was drawn (an estimate until
//! then) and the rows off screen become empty space.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use egui_commonmark::CommonMarkCache;

use crate::curriculum::{ChapterId, Curriculum, Item, ItemId};
use crate::progress::{ItemState, Progress, chapter_completion};

mod item;
mod keys;
mod parts;
mod text;

use parts::{chapter_header_ui, count_text};
use text::Part;
pub use text::image_line;

use super::action::Action;
use super::commands::RowKey;
use super::drawing::DrawingImages;
use super::effect::ScrollTarget;
use super::notes::NoteEditors;
use super::state::UiState;
use super::theme;
use super::widgets::bar_ui;
use crate::i18n::{Strings, fill};

/// Height guessed for a row never drawn yet.
const ESTIMATED_ROW_HEIGHT: f32 = 48.0;
/// Rows this far outside the visible area are drawn anyway, so scrolling shows no gaps.
const OVERDRAW: f32 = 200.0;
/// Frames during which a scroll target is re-applied while row heights settle.
const SCROLL_SETTLE_FRAMES: u8 = 4;
/// At most this many frames follow a target that still moves (rows measured for the first
/// time above it).
const SCROLL_SETTLE_LIMIT: u8 = 30;

/// One row of the central view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Row {
    /// A chapter's header (title, progress).
    Header(usize),
    /// An open chapter's introduction, note and chapter actions.
    ChapterInfo(usize),
    /// An item: (chapter index, item index).
    Item(usize, usize),
    /// The heading over progress on items the curriculum no longer has.
    OrphanHeader,
    /// One such item, by index in the sorted list of unknown ids.
    Orphan(usize),
}

/// What the central view shows.
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    /// The roadmap.
    pub curriculum: &'a Curriculum,
    /// Which chapters are open.
    pub state: &'a UiState,
    /// Whose progress: the student's own, or another student's being viewed.
    pub progress: &'a Progress,
    /// Another student's progress: nothing can be changed.
    pub read_only: bool,
    /// Task items whose image is being prepared.
    pub preparing: &'a HashSet<ItemId>,
    /// The keys of [`RowKey`] act on the roadmap (no window is over it).
    pub keyboard: bool,
}

/// A place in the central view to scroll to.
#[derive(Clone, Debug)]
enum Anchor {
    /// A chapter or an item someone asked for: its top goes to the top of the view.
    Asked(ScrollTarget),
    /// The row that was at the top (and how far into it) before the text was laid out anew
    /// (a zoom, a wider window): it stays there.
    Kept(Row, f32),
}

/// Runtime state of the roadmap view (never saved).
#[derive(Default)]
pub struct RoadmapView {
    markdown: CommonMarkCache,
    notes: NoteEditors,
    heights: HashMap<Row, f32>,
    measured_width: f32,
    /// Where to scroll over the next frames (re-applied while row heights settle).
    scroll_target: Option<(Anchor, u8)>,
    /// The row at the top of the view in the last frame, and how far into it the view began.
    top_row: Option<(Row, f32)>,
    /// The scroll offset applied for the target in the last frame.
    last_offset: Option<f32>,
    /// Frames left in which a moving target is followed.
    settle_budget: u8,
    /// The chapter header or item the keyboard is on ([`RowKey`]).
    cursor: Option<Row>,
    /// The cursor moved this frame: scroll it into view.
    cursor_moved: bool,
    /// A search hit just opened, framed for a moment: the target, and when the frame was
    /// first drawn (egui's clock).
    found: Option<(ScrollTarget, Option<f64>)>,
    /// Intro and item texts split into runs and pictures, computed once per text.
    texts: HashMap<TextOf, Rc<[Part]>>,
    /// Drawings registered with egui as images.
    drawing_images: DrawingImages,
    /// Every item id of the curriculum, to find progress on items it no longer has.
    known_items: Option<HashSet<ItemId>>,
}

/// Whose text: a chapter's introduction or an item's.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum TextOf {
    Intro(ChapterId),
    Item(ItemId),
}

impl RoadmapView {
    /// Scrolls to `anchor` over the next frames.
    fn aim(&mut self, anchor: Anchor) {
        self.scroll_target = Some((anchor, SCROLL_SETTLE_FRAMES));
        self.last_offset = None;
        self.settle_budget = SCROLL_SETTLE_LIMIT;
    }

    /// Scrolls to a chapter or an item over the next frames.
    pub fn scroll_to(&mut self, target: ScrollTarget) {
        self.aim(Anchor::Asked(target));
    }

    /// Frames a chapter's header or an item for a moment (a search hit just opened).
    pub fn highlight(&mut self, target: ScrollTarget) {
        self.found = Some((target, None));
    }

    /// The chapter or item framed now, if any.
    pub fn found(&self) -> Option<&ScrollTarget> {
        self.found.as_ref().map(|(target, _)| target)
    }

    /// The frame's colour now (fading), or `None` once it is over.
    fn found_stroke(&mut self, ui: &egui::Ui) -> Option<egui::Stroke> {
        let (_, since) = self.found.as_mut()?;
        let now = ui.input(|input| input.time);
        let elapsed = now - *since.get_or_insert(now);
        if elapsed >= theme::FOUND_FLASH_SECONDS {
            self.found = None;
            return None;
        }
        // Fully there for the first half, then fading out.
        let half = theme::FOUND_FLASH_SECONDS / 2.0;
        let strength = (1.0 - (elapsed - half).max(0.0) / half) as f32;
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(40));
        let color = theme::palette(ui.visuals()).found.gamma_multiply(strength);
        Some(egui::Stroke::new(theme::FOUND_STROKE_WIDTH, color))
    }

    /// The side list: each chapter with its progress; a click goes there.
    pub fn chapter_list_ui(
        &mut self,
        ui: &mut egui::Ui,
        curriculum: &Curriculum,
        progress: &Progress,
        strings: &Strings,
        actions: &mut Vec<Action>,
    ) {
        ui.add_space(4.0);
        ui.heading(strings.chapters);
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("chapter_list_scroll")
            .show(ui, |ui| {
                for chapter in &curriculum.chapters {
                    let completion = chapter_completion(chapter, progress);
                    let count = count_text(strings, completion.complete(), completion.total);
                    let response = ui
                        .add(
                            egui::Button::new(format!("{}  {count}", chapter.title))
                                .frame(false)
                                .wrap_mode(egui::TextWrapMode::Wrap),
                        )
                        .on_hover_text(&chapter.title);
                    if response.clicked() {
                        actions.push(Action::GoToChapter(chapter.id.clone()));
                    }
                    let name = fill(
                        strings.chapter_progress_name,
                        &[("chapter", &chapter.title), ("count", &count)],
                    );
                    bar_ui(ui, completion.fraction(), ui.available_width(), 4.0, &name);
                    ui.add_space(4.0);
                }
            });
    }

    /// The central view: every chapter, collapsible, with its items; then progress on items
    /// the curriculum no longer has.
    pub fn roadmap_ui(
        &mut self,
        ui: &mut egui::Ui,
        shown: &Shown<'_>,
        strings: &Strings,
        actions: &mut Vec<Action>,
    ) {
        let Shown {
            curriculum,
            state,
            progress,
            ..
        } = *shown;
        let known = self.known_items.get_or_insert_with(|| {
            curriculum
                .items()
                .map(|(_, item)| item.id.clone())
                .collect()
        });
        let orphans: Vec<ItemId> = progress
            .unknown_items(|id| known.contains(id))
            .into_iter()
            .cloned()
            .collect();
        let rows = layout_rows(curriculum, state, orphans.len());
        if shown.keyboard {
            self.keys(ui.ctx(), &rows, shown, actions);
        }

        let mut scroll_area = egui::ScrollArea::vertical()
            .id_salt("roadmap_scroll")
            .auto_shrink([false, false]);
        if let Some((anchor, frames_left)) = self.scroll_target.take() {
            let (above, within): (Vec<Row>, f32) = match &anchor {
                Anchor::Asked(target) => (
                    rows.iter()
                        .copied()
                        .take_while(|row| !is_target(curriculum, *row, target))
                        .collect(),
                    0.0,
                ),
                Anchor::Kept(kept, within) => (
                    rows.iter().copied().take_while(|row| row != kept).collect(),
                    *within,
                ),
            };
            let offset: f32 = above.iter().map(|row| self.height(*row)).sum::<f32>() + within;
            scroll_area = scroll_area.vertical_scroll_offset(offset);
            // Rows measured for the first time move the target: keep at it until the offset
            // holds still (within a bound, so a row that never settles cannot loop forever).
            let moved = self
                .last_offset
                .is_none_or(|last| (last - offset).abs() > 0.5);
            self.last_offset = Some(offset);
            self.settle_budget = self.settle_budget.saturating_sub(1);
            let frames_left = if moved && self.settle_budget > 0 {
                frames_left.max(2)
            } else {
                frames_left
            };
            if frames_left > 1 {
                self.scroll_target = Some((anchor, frames_left - 1));
                ui.ctx().request_repaint();
            }
        }

        scroll_area.show_viewport(ui, |ui, viewport| {
            // Lines no longer than about 48 characters of body text, centred, and clear of
            // the scroll bar (which floats over the content).
            let scroll = &ui.spacing().scroll;
            let full = ui.available_width() - scroll.bar_width - scroll.bar_outer_margin;
            let body = ui.text_style_height(&egui::TextStyle::Body);
            let width = full.min(theme::READING_WIDTH_EM * body);
            let left = ui.cursor().left() + ((full - width) / 2.0).floor();
            if (width - self.measured_width).abs() > 0.5 {
                // Text wraps differently now: every remembered height is stale, and the row
                // at the top must stay there (a zoom jumped from chapter 四 to 二).
                // (Not needed at the very top.)
                if !self.heights.is_empty()
                    && self.scroll_target.is_none()
                    && let Some((row, within)) = self.top_row
                    && (within > 0.5 || rows.first() != Some(&row))
                {
                    self.aim(Anchor::Kept(row, within));
                    ui.ctx().request_repaint();
                }
                self.heights.clear();
                self.measured_width = width;
            }
            let column = egui::Rect::from_min_size(
                egui::pos2(left, ui.cursor().top()),
                egui::vec2(width, f32::INFINITY),
            );
            ui.scope_builder(egui::UiBuilder::new().max_rect(column), |ui| {
                self.rows_ui(ui, viewport, &rows, shown, &orphans, strings, actions);
            });
        });
    }

    /// The rows of the central view, those off screen as empty space of their last height.
    #[expect(clippy::too_many_arguments, reason = "one call site, the view's parts")]
    fn rows_ui(
        &mut self,
        ui: &mut egui::Ui,
        viewport: egui::Rect,
        rows: &[Row],
        shown: &Shown<'_>,
        orphans: &[ItemId],
        strings: &Strings,
        actions: &mut Vec<Action>,
    ) {
        let visible = (viewport.min.y - OVERDRAW)..(viewport.max.y + OVERDRAW);
        let mut y = 0.0;
        let mut pending_space = 0.0;
        self.top_row = None;
        for &row in rows {
            let height = self.height(row);
            let on_screen = y + height >= visible.start && y <= visible.end;
            let drawn = if on_screen {
                if pending_space > 0.0 {
                    ui.add_space(pending_space);
                    pending_space = 0.0;
                }
                let top = ui.cursor().top();
                ui.add_enabled_ui(!shown.read_only || matches!(row, Row::Header(_)), |ui| {
                    // Read-only: everything is shown, nothing can be changed.
                    self.row_ui(ui, row, shown, orphans, strings, actions);
                });
                let drawn = ui.cursor().top() - top;
                self.heights.insert(row, drawn);
                let found = self
                    .found
                    .as_ref()
                    .is_some_and(|(target, _)| is_target(shown.curriculum, row, target));
                if found && let Some(stroke) = self.found_stroke(ui) {
                    let rect = egui::Rect::from_x_y_ranges(
                        ui.max_rect().x_range(),
                        top..=top + drawn - theme::ITEM_GAP,
                    );
                    ui.painter().rect_stroke(
                        rect,
                        ui.visuals().widgets.noninteractive.corner_radius,
                        stroke,
                        egui::StrokeKind::Inside,
                    );
                }
                if self.cursor == Some(row) {
                    let rect =
                        egui::Rect::from_x_y_ranges(ui.max_rect().x_range(), top..=top + drawn);
                    ui.painter().rect_stroke(
                        rect.shrink(1.0),
                        4.0,
                        ui.visuals().selection.stroke,
                        egui::StrokeKind::Inside,
                    );
                    if std::mem::take(&mut self.cursor_moved) {
                        ui.scroll_to_rect(rect, None);
                    }
                }
                drawn
            } else {
                pending_space += height;
                height
            };
            if !on_screen && self.cursor == Some(row) && std::mem::take(&mut self.cursor_moved) {
                // Too far away to be drawn: bring it to the top.
                self.aim(Anchor::Kept(row, 0.0));
                ui.ctx().request_repaint();
            }
            if self.top_row.is_none() && y + drawn > viewport.min.y {
                self.top_row = Some((row, viewport.min.y - y));
            }
            y += drawn;
        }
        // Room below the last row, so that any chapter (the last one too) can be scrolled to
        // the top of the view.
        pending_space += (viewport.height() - theme::CHAPTER_GAP * 8.0).max(0.0);
        ui.add_space(pending_space);
    }

    fn height(&self, row: Row) -> f32 {
        self.heights
            .get(&row)
            .copied()
            .unwrap_or(ESTIMATED_ROW_HEIGHT)
    }

    fn row_ui(
        &mut self,
        ui: &mut egui::Ui,
        row: Row,
        shown: &Shown<'_>,
        orphans: &[ItemId],
        strings: &Strings,
        actions: &mut Vec<Action>,
    ) {
        let Shown {
            curriculum,
            state,
            progress,
            ..
        } = *shown;
        match row {
            Row::Header(ci) => {
                if let Some(chapter) = curriculum.chapters.get(ci) {
                    let open = state.open_chapters.contains(&chapter.id);
                    chapter_header_ui(ui, chapter, open, progress, strings, actions);
                }
            }
            Row::ChapterInfo(ci) => {
                if let Some(chapter) = curriculum.chapters.get(ci) {
                    self.chapter_info_ui(ui, chapter, progress, strings, actions);
                }
            }
            Row::Item(ci, ii) => {
                if let Some(item) = curriculum
                    .chapters
                    .get(ci)
                    .and_then(|chapter| chapter.items.get(ii))
                {
                    self.item_ui(ui, item, shown, strings, actions);
                }
            }
            Row::OrphanHeader => {
                ui.add_space(theme::CHAPTER_GAP * 3.0);
                ui.label(
                    egui::RichText::new(strings.orphans_title)
                        .size(theme::CHAPTER_TITLE_SIZE)
                        .strong(),
                );
                ui.label(egui::RichText::new(strings.orphans_hint).weak());
                ui.separator();
            }
            Row::Orphan(index) => {
                if let Some(id) = orphans.get(index)
                    && let Some(item) = progress.items.get(id)
                {
                    self.orphan_ui(ui, id, item, strings, actions);
                }
            }
        }
    }
}

/// The rows to lay out: every header; the info and items of open chapters; orphans.
fn layout_rows(curriculum: &Curriculum, state: &UiState, orphans: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    for (ci, chapter) in curriculum.chapters.iter().enumerate() {
        rows.push(Row::Header(ci));
        if state.open_chapters.contains(&chapter.id) {
            rows.push(Row::ChapterInfo(ci));
            rows.extend((0..chapter.items.len()).map(|ii| Row::Item(ci, ii)));
        }
    }
    if orphans > 0 {
        rows.push(Row::OrphanHeader);
        rows.extend((0..orphans).map(Row::Orphan));
    }
    rows
}

/// What Space, `p` or `s` does to `item`: tick or untick it; mark it in progress or
/// skipped, or back to not started when it already is.
fn item_key_action(item: &Item, progress: &Progress, key: RowKey) -> Action {
    let state = progress.state(&item.id);
    let toggle = |target: ItemState| {
        let next = if state == target {
            ItemState::NotStarted
        } else {
            target
        };
        Action::SetState(item.id.clone(), next)
    };
    match key {
        RowKey::InProgress => toggle(ItemState::InProgress),
        RowKey::Skip => toggle(ItemState::Skipped),
        _ => Action::ToggleDone(item.id.clone()),
    }
}

fn is_target(curriculum: &Curriculum, row: Row, target: &ScrollTarget) -> bool {
    match (row, target) {
        (Row::Header(ci), ScrollTarget::Chapter(id)) => {
            curriculum.chapters.get(ci).is_some_and(|c| &c.id == id)
        }
        (Row::Item(ci, ii), ScrollTarget::Item(id)) => curriculum
            .chapters
            .get(ci)
            .and_then(|c| c.items.get(ii))
            .is_some_and(|item| &item.id == id),
        _ => false,
    }
}
