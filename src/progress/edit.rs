//! Changes a student makes that span more than one field: skipping a chapter, the drawing of
//! a task item; and where "continue" goes.

use jiff::Timestamp;

use super::{ItemState, Progress};
use crate::curriculum::{Chapter, ChapterId, Curriculum, ItemId};
use crate::drawing::{EmbeddedImage, Sketch};

impl Progress {
    /// Marks every item of `chapter` not yet complete as skipped (`skip`), or every skipped
    /// item back to not started. Done items stay done. Whether anything changed.
    pub fn skip_chapter(&mut self, chapter: &Chapter, skip: bool, now: Timestamp) -> bool {
        let mut changed = false;
        for item in &chapter.items {
            let next = match (skip, self.state(&item.id)) {
                (true, ItemState::NotStarted | ItemState::InProgress) => ItemState::Skipped,
                (false, ItemState::Skipped) => ItemState::NotStarted,
                (_, state) => state,
            };
            changed |= self.set_state(&item.id, next, now);
        }
        changed
    }

    /// Sets a task item's picture. A photo replaces the picture and forgets the sketch; a
    /// rendered sketch comes with the `sketch` it was made from.
    pub fn set_drawing_image(
        &mut self,
        item: ItemId,
        image: EmbeddedImage,
        sketch: Option<Sketch>,
        now: Timestamp,
    ) {
        let drawing = self.drawings.entry(item).or_default();
        drawing.image = Some(image);
        drawing.sketch = sketch;
        drawing.updated = Some(now);
    }

    /// Keeps the canvas's sketch of a task item (`None` removes it); a drawing with neither a
    /// picture nor a sketch is removed. Whether anything changed.
    pub fn keep_sketch(&mut self, item: &ItemId, sketch: Option<Sketch>, now: Timestamp) -> bool {
        let drawing = self.drawings.entry(item.clone()).or_default();
        let changed = drawing.sketch != sketch;
        drawing.sketch = sketch;
        if changed {
            drawing.updated = Some(now);
        }
        if drawing.image.is_none() && drawing.sketch.is_none() {
            self.drawings.remove(item);
        }
        changed
    }

    /// Removes a task item's drawing (picture and sketch). Whether there was one.
    pub fn remove_drawing(&mut self, item: &ItemId) -> bool {
        self.drawings.remove(item).is_some()
    }
}

/// The item "continue" goes to: the last item touched if it is not complete, else the first
/// item not complete. `None` when everything is complete.
pub fn continue_target(
    curriculum: &Curriculum,
    progress: &Progress,
) -> Option<(ChapterId, ItemId)> {
    let last = progress
        .last_touched
        .as_ref()
        .and_then(|id| curriculum.item(id));
    last.filter(|(_, item)| !progress.state(&item.id).is_complete())
        .or_else(|| {
            curriculum
                .items()
                .find(|(_, item)| !progress.state(&item.id).is_complete())
        })
        .map(|(chapter, item)| (chapter.id.clone(), item.id.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curriculum::{SourceFile, parse_curriculum};

    fn curriculum() -> Curriculum {
        let files = [SourceFile {
            name: "01.md",
            text: "# 一 {#a}\n\n## 甲 {#a.x}\n\n## 乙 {#a.y}\n\n## 丙 {#a.z}\n",
        }];
        parse_curriculum("t", &files, &|_| false).unwrap()
    }

    fn id(text: &str) -> ItemId {
        ItemId(text.to_owned())
    }

    #[test]
    fn skipping_a_chapter_keeps_what_is_done_and_undoes_exactly() {
        let curriculum = curriculum();
        let chapter = &curriculum.chapters[0];
        let mut progress = Progress::default();
        let now = Timestamp::UNIX_EPOCH;
        progress.set_state(&id("a.x"), ItemState::Done, now);
        progress.set_state(&id("a.y"), ItemState::InProgress, now);
        assert!(progress.skip_chapter(chapter, true, now));
        assert_eq!(progress.state(&id("a.x")), ItemState::Done);
        assert_eq!(progress.state(&id("a.y")), ItemState::Skipped);
        assert_eq!(progress.state(&id("a.z")), ItemState::Skipped);
        assert!(
            !progress.skip_chapter(chapter, true, now),
            "nothing left to skip"
        );
        assert!(progress.skip_chapter(chapter, false, now));
        assert_eq!(progress.state(&id("a.x")), ItemState::Done);
        assert_eq!(progress.state(&id("a.z")), ItemState::NotStarted);
    }

    #[test]
    fn continue_goes_to_the_last_touched_unless_complete() {
        let curriculum = curriculum();
        let mut progress = Progress::default();
        let now = Timestamp::UNIX_EPOCH;
        assert_eq!(
            continue_target(&curriculum, &progress).map(|(_, item)| item),
            Some(id("a.x"))
        );
        progress.set_state(&id("a.z"), ItemState::InProgress, now);
        assert_eq!(
            continue_target(&curriculum, &progress).map(|(_, item)| item),
            Some(id("a.z"))
        );
        progress.set_state(&id("a.z"), ItemState::Done, now);
        assert_eq!(
            continue_target(&curriculum, &progress).map(|(_, item)| item),
            Some(id("a.x"))
        );
        for item in ["a.x", "a.y"] {
            progress.set_state(&id(item), ItemState::Skipped, now);
        }
        assert_eq!(continue_target(&curriculum, &progress), None);
    }

    #[test]
    fn an_emptied_sketch_removes_the_drawing() {
        let mut progress = Progress::default();
        let now = Timestamp::UNIX_EPOCH;
        let sketch = Sketch::default();
        assert!(progress.keep_sketch(&id("a.x"), Some(sketch), now));
        assert!(progress.drawings.contains_key(&id("a.x")));
        assert!(progress.keep_sketch(&id("a.x"), None, now));
        assert!(progress.drawings.is_empty());
        assert!(!progress.remove_drawing(&id("a.x")));
    }
}
