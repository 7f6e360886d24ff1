//! How far along a student is: done + skipped over all items.

use crate::curriculum::{Chapter, Curriculum};

use super::Progress;

/// Counts for a progress bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Completion {
    /// Items done.
    pub done: usize,
    /// Items skipped (they count as complete).
    pub skipped: usize,
    /// All items.
    pub total: usize,
}

impl Completion {
    /// Done plus skipped.
    pub fn complete(&self) -> usize {
        self.done + self.skipped
    }

    /// Complete over total, in 0..=1 (0 for an empty set).
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            self.complete() as f32 / self.total as f32
        }
    }

    fn add(mut self, other: Self) -> Self {
        self.done += other.done;
        self.skipped += other.skipped;
        self.total += other.total;
        self
    }
}

/// Completion of one chapter.
pub fn chapter_completion(chapter: &Chapter, progress: &Progress) -> Completion {
    let mut completion = Completion {
        total: chapter.items.len(),
        ..Completion::default()
    };
    for item in &chapter.items {
        match progress.state(&item.id) {
            super::ItemState::Done => completion.done += 1,
            super::ItemState::Skipped => completion.skipped += 1,
            _ => {}
        }
    }
    completion
}

/// Completion over every item of the curriculum (items no longer in it don't count).
pub fn overall_completion(curriculum: &Curriculum, progress: &Progress) -> Completion {
    curriculum
        .chapters
        .iter()
        .map(|chapter| chapter_completion(chapter, progress))
        .fold(Completion::default(), Completion::add)
}
