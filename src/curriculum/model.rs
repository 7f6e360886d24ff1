//! The curriculum as data: chapters of items, each with a stable id written in its source.

use serde::{Deserialize, Serialize};

/// Longest item or chapter id, in bytes (the progress file's limit for ids, too).
pub const MAX_ID_BYTES: usize = 128;

/// Whether `id` is a valid item or chapter id: 1 to [`MAX_ID_BYTES`] lowercase ASCII letters,
/// digits, `.` and `-`.
///
/// One rule for the two places that check ids: the curriculum parser (an id written in
/// `curriculum/*.md`) and the progress-file reader (an id in a file, perhaps from someone
/// else). They used to differ: the parser took 1 to 64 bytes starting with a letter or digit,
/// the reader 1 to 128 bytes with any first character. The reader's wider rule is kept,
/// because the app writes back what the reader accepted (a merged file's items stay in the
/// student's own file, also those the roadmap does not have): a narrower rule would drop, on
/// the next read, entries of files the app itself wrote. Every id the parser accepted is still
/// accepted. (`build.rs` compiles this module too: the rule checks the embedded curriculum.)
///
/// # Example
/// ```
/// use study_companion::curriculum::is_valid_id;
/// assert!(is_valid_id("what-is-dl.workflow-drawing"));
/// assert!(!is_valid_id("Python Files!"));
/// ```
pub fn is_valid_id(id: &str) -> bool {
    (1..=MAX_ID_BYTES).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
}

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

    /// The chapter's title, or its id if the curriculum has no such chapter (a plan or a
    /// file from another version names it).
    pub fn chapter_title(&self, id: &ChapterId) -> String {
        self.chapter(id)
            .map_or_else(|| id.to_string(), |chapter| chapter.title.clone())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_use_one_rule_for_the_curriculum_and_for_files() {
        // What the curriculum defines and what the app writes.
        for id in [
            "python",
            "python.software",
            "what-is-dl.workflow-drawing",
            "0.a-b",
        ] {
            assert!(is_valid_id(id), "{id}");
        }
        // Accepted by the file reader before the rules were one, so possibly in a file the
        // app wrote: a first character other than a letter or digit, more than 64 bytes.
        assert!(is_valid_id("-old"));
        assert!(is_valid_id(".hidden"));
        assert!(is_valid_id(&"a".repeat(MAX_ID_BYTES)));
        // Never valid.
        for id in ["", "Python", "a_b", "a b", "a/b", "章节", "a\u{202e}b"] {
            assert!(!is_valid_id(id), "{id:?}");
        }
        assert!(!is_valid_id(&"a".repeat(MAX_ID_BYTES + 1)));
    }
}
