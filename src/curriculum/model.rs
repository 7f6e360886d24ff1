//! The curriculum as data: chapters of items, each with a stable id written in its source.

use serde::{Deserialize, Serialize};

/// The stable id of an item, written in the curriculum source (`## Title {#the-id}`).
///
/// Progress is keyed by it, so renaming an item's title never orphans a student's work.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(pub String);

impl ItemId {
    /// The id as written in the source.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ItemId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The stable id of a chapter (`# Title {#the-id}`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ChapterId(pub String);

impl ChapterId {
    /// The id as written in the source.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ChapterId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The whole roadmap.
#[derive(Clone, Debug, PartialEq)]
pub struct Curriculum {
    /// Recorded in progress files: `VERSION` plus a hash of the sources, e.g. `2026.1+3f2a…`.
    pub version: String,

    /// In reading order (sorted by file name).
    pub chapters: Vec<Chapter>,
}

impl Curriculum {
    /// Every item of every chapter, in reading order, with its chapter.
    pub fn items(&self) -> impl Iterator<Item = (&Chapter, &Item)> {
        self.chapters
            .iter()
            .flat_map(|chapter| chapter.items.iter().map(move |item| (chapter, item)))
    }

    /// The item with this id and its chapter, if the curriculum has it.
    pub fn item(&self, id: &ItemId) -> Option<(&Chapter, &Item)> {
        self.items().find(|(_, item)| &item.id == id)
    }

    /// The chapter with this id, if the curriculum has it.
    pub fn chapter(&self, id: &ChapterId) -> Option<&Chapter> {
        self.chapters.iter().find(|chapter| &chapter.id == id)
    }

    /// Number of items over all chapters.
    pub fn item_count(&self) -> usize {
        self.chapters
            .iter()
            .map(|chapter| chapter.items.len())
            .sum()
    }

    /// Every link of the curriculum (chapter intros and item texts), in reading order,
    /// with repeats.
    pub fn links(&self) -> impl Iterator<Item = &Link> {
        self.chapters.iter().flat_map(|chapter| {
            chapter
                .intro_links
                .iter()
                .chain(chapter.items.iter().flat_map(|item| item.links.iter()))
        })
    }
}

/// One chapter: a title, an optional introduction and its items.
#[derive(Clone, Debug, PartialEq)]
pub struct Chapter {
    /// Stable id.
    pub id: ChapterId,

    /// As shown, e.g. `一、python基础`.
    pub title: String,

    /// Markdown shown above the items; may be empty.
    pub intro: String,

    /// Links found in [`Self::intro`].
    pub intro_links: Vec<Link>,

    /// An optional chapter (`.elective`).
    pub elective: bool,

    /// Never empty (the parser refuses an empty chapter).
    pub items: Vec<Item>,

    /// The source file name, e.g. `01-python-basics.md`.
    pub file: String,
}

/// One checkable step of a chapter.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Stable id.
    pub id: ItemId,

    /// As shown next to the checkbox.
    pub title: String,

    /// Markdown; may be empty.
    pub body: String,

    /// A normal step, or a task with something to hand in.
    pub kind: ItemKind,

    /// 0 for a step, 1 for a sub-step of the step before it.
    pub depth: u8,

    /// Links found in [`Self::body`], in order.
    pub links: Vec<Link>,

    /// Images referenced by [`Self::body`], as paths relative to `curriculum/`.
    pub images: Vec<String>,

    /// 1-based line of the item's heading in its source file.
    pub line: usize,
}

/// What kind of item this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ItemKind {
    /// Read, watch or do something, then tick it.
    #[default]
    Step,

    /// Produce something (`.task`), like chapter 二's hand-drawn workflow.
    Task,
}

/// A web link found in curriculum text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The link text (the URL itself for an autolink).
    pub text: String,

    /// An http(s) URL, checked by [`super::check_web_url`].
    pub url: String,
}
