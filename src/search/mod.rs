//! Search over the roadmap and a student's progress: chapter and item titles, their texts,
//! link titles and URLs, notes and mentors' feedback, in Chinese, Latin letters (any case) and
//! pinyin (`shuju` or `sjcl` finds 数据处理).
//!
//! [`SearchIndex::new`] prepares the curriculum once (plain text, lowercase, pinyin);
//! [`SearchIndex::search`] takes the progress of the moment and prepares again only the notes
//! and comments whose text changed since the last search, so it can run on every keystroke
//! (figures in docs/performance.md). No egui here: the window draws the [`Hit`]s.

mod key;

use std::collections::HashMap;
use std::ops::Range;

pub use key::{Key, Term, plain_text};

use crate::curriculum::{ChapterId, Curriculum, ItemId, Link};
use crate::progress::Progress;

/// Most terms of a query that count (the others are ignored).
const MAX_TERMS: usize = 16;
/// Characters of a snippet shown before its first match.
const SNIPPET_BEFORE: usize = 16;
/// Characters of a snippet in all.
const SNIPPET_LENGTH: usize = 72;
/// Snippets shown under a hit's title.
const SNIPPETS_PER_HIT: usize = 2;

/// Where a hit is: what the roadmap goes to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// A chapter (its title, introduction, links or note).
    Chapter(ChapterId),
    /// An item (its title, text, links, note or a mentor's comment on it).
    Item(ItemId),
    /// A mentor's comment on the whole progress (shown at the top of the window).
    Overall,
}

/// Which text of a place matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The chapter's or item's title.
    Title,
    /// The student's note.
    Note,
    /// A mentor's comment (the text starts with the mentor's name).
    Feedback,
    /// The chapter's introduction or the item's text.
    Text,
    /// A link's title.
    LinkTitle,
    /// A link's URL.
    LinkUrl,
}

/// A text with the ranges to highlight (byte ranges of `text`, sorted, not overlapping).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marked {
    /// The text shown.
    pub text: String,
    /// What matched.
    pub marks: Vec<Range<usize>>,
}

impl Marked {
    /// The highlighted parts, for tests and messages.
    pub fn marked(&self) -> Vec<&str> {
        self.marks
            .iter()
            .filter_map(|range| self.text.get(range.clone()))
            .collect()
    }
}

/// One place that matched every term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Where it is.
    pub place: Place,
    /// The chapter's title, for an item.
    pub chapter: Option<String>,
    /// The place's title (empty for [`Place::Overall`]), highlighted where it matched.
    pub title: Marked,
    /// Other texts of the place that matched, each around its first match, best first.
    pub snippets: Vec<(Field, Marked)>,
}

/// The hits of a query, best first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// At most the limit asked for.
    pub hits: Vec<Hit>,
    /// How many places matched in all.
    pub total: usize,
}

/// One searchable text.
#[derive(Clone, Debug)]
struct Entry {
    /// Index into [`SearchIndex::places`].
    place: usize,
    field: Field,
    key: Key,
}

/// A place of the roadmap, in reading order.
#[derive(Clone, Debug)]
struct PlaceInfo {
    place: Place,
    chapter: Option<String>,
    title: String,
}

/// A text of the progress (a note, a comment), as it was when it was prepared.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Source {
    ChapterNote(ChapterId),
    ItemNote(ItemId),
    /// The `n`th feedback's overall comment.
    Overall(usize),
    /// The `n`th feedback's comment on an item.
    Comment(usize, ItemId),
}

/// The searchable texts of a curriculum, and of the progress last searched.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    places: Vec<PlaceInfo>,
    chapters: HashMap<ChapterId, usize>,
    items: HashMap<ItemId, usize>,
    /// The curriculum's texts, prepared once.
    fixed: Vec<Entry>,
    /// Notes and comments, with the raw text each was prepared from.
    own: HashMap<Source, (String, Entry)>,
}

impl SearchIndex {
    /// Prepares the curriculum's texts.
    pub fn new(curriculum: &Curriculum) -> Self {
        let mut index = Self {
            places: Vec::new(),
            chapters: HashMap::new(),
            items: HashMap::new(),
            fixed: Vec::new(),
            own: HashMap::new(),
        };
        for chapter in &curriculum.chapters {
            let place = index.places.len();
            index.places.push(PlaceInfo {
                place: Place::Chapter(chapter.id.clone()),
                chapter: None,
                title: chapter.title.clone(),
            });
            index.chapters.insert(chapter.id.clone(), place);
            index.add_fixed(place, Field::Title, chapter.title.clone());
            index.add_fixed(place, Field::Text, curriculum_text(&chapter.intro));
            index.add_links(place, &chapter.intro_links);
            for item in &chapter.items {
                let place = index.places.len();
                index.places.push(PlaceInfo {
                    place: Place::Item(item.id.clone()),
                    chapter: Some(chapter.title.clone()),
                    title: item.title.clone(),
                });
                index.items.insert(item.id.clone(), place);
                index.add_fixed(place, Field::Title, item.title.clone());
                index.add_fixed(place, Field::Text, curriculum_text(&item.body));
                index.add_links(place, &item.links);
            }
        }
        index.places.push(PlaceInfo {
            place: Place::Overall,
            chapter: None,
            title: String::new(),
        });
        index
    }

    fn add_fixed(&mut self, place: usize, field: Field, text: String) {
        if !text.trim().is_empty() {
            self.fixed.push(Entry {
                place,
                field,
                key: Key::new(text),
            });
        }
    }

    fn add_links(&mut self, place: usize, links: &[Link]) {
        for link in links {
            if link.text != link.url {
                self.add_fixed(place, Field::LinkTitle, link.text.clone());
            }
            self.add_fixed(place, Field::LinkUrl, link.url.clone());
        }
    }

    /// Brings the notes and comments up to date with `progress`: texts that did not change
    /// are kept as they were prepared, the others prepared again. Notes on items the
    /// curriculum does not have are left out (there is nowhere to go).
    pub fn update(&mut self, progress: &Progress) {
        let mut texts: Vec<(Source, usize, Field, &str)> = Vec::new();
        for (id, note) in &progress.chapter_notes {
            if let Some(&place) = self.chapters.get(id) {
                texts.push((
                    Source::ChapterNote(id.clone()),
                    place,
                    Field::Note,
                    &note.text,
                ));
            }
        }
        for (id, item) in &progress.items {
            if let Some(&place) = self.items.get(id) {
                texts.push((
                    Source::ItemNote(id.clone()),
                    place,
                    Field::Note,
                    &item.note.text,
                ));
            }
        }
        let overall = self.places.len() - 1;
        for (n, feedback) in progress.feedback.iter().enumerate() {
            texts.push((
                Source::Overall(n),
                overall,
                Field::Feedback,
                &feedback.overall,
            ));
            for (id, comment) in &feedback.items {
                if let Some(&place) = self.items.get(id) {
                    texts.push((
                        Source::Comment(n, id.clone()),
                        place,
                        Field::Feedback,
                        comment,
                    ));
                }
            }
        }
        let mut own = HashMap::with_capacity(texts.len());
        for (source, place, field, raw) in texts {
            if raw.trim().is_empty() {
                continue;
            }
            // What the entry is prepared from: the text, and for a comment its mentor too (the
            // same words from another mentor must not keep the first one's name).
            let from = match &source {
                Source::ChapterNote(_) | Source::ItemNote(_) => raw.to_owned(),
                Source::Overall(n) | Source::Comment(n, _) => {
                    let mentor = progress.feedback.get(*n).map_or("", |f| f.mentor.trim());
                    format!("{mentor}\u{0}{raw}")
                }
            };
            let kept = self
                .own
                .remove(&source)
                .filter(|(prepared_from, _)| *prepared_from == from);
            let prepared = kept.unwrap_or_else(|| {
                let text = match &source {
                    Source::ChapterNote(_) | Source::ItemNote(_) => plain_text(raw, true),
                    Source::Overall(n) | Source::Comment(n, _) => {
                        let mentor = progress.feedback.get(*n).map_or("", |f| f.mentor.trim());
                        let comment = plain_text(raw, true);
                        if mentor.is_empty() {
                            comment
                        } else {
                            format!("{mentor}：{comment}")
                        }
                    }
                };
                let entry = Entry {
                    place,
                    field,
                    key: Key::new(text),
                };
                (from, entry)
            });
            own.insert(source, prepared);
        }
        self.own = own;
    }

    /// The places where every word of `query` occurs (in any of their texts), at most
    /// `limit` of them: titles that matched first, then notes and comments, then the rest,
    /// each group in reading order. An empty query finds nothing.
    pub fn search(&mut self, progress: &Progress, query: &str, limit: usize) -> Results {
        self.update(progress);
        self.find(query, limit)
    }

    /// [`Self::search`] over the notes and comments of the last [`Self::update`].
    pub fn find(&self, query: &str, limit: usize) -> Results {
        let terms: Vec<Term> = query
            .split_whitespace()
            .take(MAX_TERMS)
            .map(Term::new)
            .collect();
        if terms.is_empty() {
            return Results::default();
        }
        let all_terms: u32 = (1 << terms.len()) - 1;
        // Per place: which terms were found, and its entries that matched (whether a term
        // occurs is enough here; where exactly is found for the hits listed only).
        let mut found_terms = vec![0u32; self.places.len()];
        let mut matched: Vec<(&Entry, u32)> = Vec::new();
        for entry in self.fixed.iter().chain(self.own.values().map(|(_, e)| e)) {
            let mut terms_here = 0;
            for (bit, term) in terms.iter().enumerate() {
                if entry.key.contains(term) {
                    terms_here |= 1 << bit;
                }
            }
            if terms_here != 0 {
                if let Some(found) = found_terms.get_mut(entry.place) {
                    *found |= terms_here;
                }
                matched.push((entry, terms_here));
            }
        }
        // Rank: 0 the title has every term, 1 a note or comment has some, 2 anything else.
        let mut ranks = vec![u8::MAX; self.places.len()];
        for (entry, terms_here) in &matched {
            let rank = match entry.field {
                Field::Title if *terms_here == all_terms => 0,
                Field::Note | Field::Feedback => 1,
                _ => 2,
            };
            if let Some(best) = ranks.get_mut(entry.place) {
                *best = (*best).min(rank);
            }
        }
        let mut ranked: Vec<(u8, usize)> = ranks
            .into_iter()
            .zip(found_terms)
            .enumerate()
            .filter(|(_, (_, found))| *found == all_terms)
            .map(|(place, (rank, _))| (rank, place))
            .collect();
        ranked.sort_unstable();
        let total = ranked.len();
        let hits = ranked
            .into_iter()
            .take(limit)
            .filter_map(|(_, place)| self.hit(place, &terms, &matched))
            .collect();
        Results { hits, total }
    }

    /// A hit's title and snippets from the entries of `place` that matched.
    fn hit(&self, place: usize, terms: &[Term], matched: &[(&Entry, u32)]) -> Option<Hit> {
        let info = self.places.get(place)?;
        let mut title = Marked {
            text: info.title.clone(),
            marks: Vec::new(),
        };
        let mut snippets: Vec<(Field, &Entry, Vec<Range<usize>>)> = Vec::new();
        for (entry, _) in matched.iter().filter(|(entry, _)| entry.place == place) {
            let mut ranges = Vec::new();
            for term in terms {
                entry.key.find(term, &mut ranges);
            }
            if entry.field == Field::Title {
                title.marks = merged(&ranges);
            } else {
                snippets.push((entry.field, entry, ranges));
            }
        }
        // Best field first; the fixed texts come first in reading order already, notes and
        // comments in no particular order: by text, so the order is always the same.
        snippets.sort_by(|a, b| (a.0, &a.1.key.text).cmp(&(b.0, &b.1.key.text)));
        Some(Hit {
            place: info.place.clone(),
            chapter: info.chapter.clone(),
            title,
            snippets: snippets
                .into_iter()
                .take(SNIPPETS_PER_HIT)
                .map(|(field, entry, ranges)| (field, snippet(&entry.key.text, &merged(&ranges))))
                .collect(),
        })
    }
}

/// Ranges sorted, overlapping ones joined.
fn merged(ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted = ranges.to_vec();
    sorted.sort_by_key(|range| (range.start, range.end));
    let mut joined: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for range in sorted {
        match joined.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => joined.push(range),
        }
    }
    joined
}

/// A part of `text` around its first mark, with `…` where it was cut, and the marks that fall
/// in it (cut to it).
fn snippet(text: &str, marks: &[Range<usize>]) -> Marked {
    let first = marks.first().map_or(0, |range| range.start);
    // In characters: start a little before the first mark, but show a full snippet's worth
    // when the text ends soon after it.
    let chars_before = text.get(..first).map_or(0, |before| before.chars().count());
    let chars = chars_before + text.get(first..).map_or(0, |rest| rest.chars().count());
    let skip = chars_before
        .saturating_sub(SNIPPET_BEFORE)
        .min(chars.saturating_sub(SNIPPET_LENGTH));
    let byte_at = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(at, _)| at);
    let start = byte_at(skip);
    let end = byte_at(skip + SNIPPET_LENGTH);
    let mut shown = String::with_capacity(end - start + 8);
    if start > 0 {
        shown.push('…');
    }
    let shift = shown.len();
    shown.push_str(text.get(start..end).unwrap_or_default());
    let marks = marks
        .iter()
        .filter(|range| range.start < end && range.end > start)
        .map(|range| (range.start.max(start) - start + shift)..(range.end.min(end) - start + shift))
        .collect();
    if end < text.len() {
        shown.push('…');
    }
    Marked { text: shown, marks }
}

/// A curriculum text as plain text: the studio's runs and our editorial notes, without the
/// `::: ours` markers (a snippet showed "::: ours 这里的…").
fn curriculum_text(text: &str) -> String {
    crate::curriculum::text_parts(text)
        .iter()
        .map(|part| plain_text(part.text, false))
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
