//! Reads the curriculum from its Markdown sources.
//!
//! # Format
//! One file per chapter, read in file-name order:
//!
//! ```markdown
//! # 一、python基础 {#python-basics}
//!
//! Introduction (optional Markdown).
//!
//! ## 软件准备 {#python.software}
//!
//! The item's text, Markdown with [links](https://example.com).
//!
//! ### A sub-step {#python.software.sub}
//!
//! ## 手绘深度学习流程 {#what-is-dl.workflow-drawing .task}
//! ```
//!
//! A heading is structural only when it ends with an attribute block `{#id …}`: level 1 is the
//! chapter (`.elective` marks an optional one), level 2 an item (`.task` marks a task), level 3
//! a sub-item of the item before it. Level 1 and 2 headings must carry an id; deeper headings
//! without one are ordinary text. Links must be Markdown links or autolinks to http(s) URLs;
//! raw HTML is refused, and images must exist next to the sources.
//!
//! Text between a line `::: ours` and a line `:::` is an editorial addition (see
//! [`super::text_parts`]): such blocks do not nest and close before the next structural
//! heading.

use std::collections::HashMap;
use std::fmt;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::link::{LinkError, check_web_url};
use super::model::{Chapter, ChapterId, Curriculum, Item, ItemId, ItemKind, Link, is_valid_id};
use super::ours::{check_marker, fence_marker};

/// One source file: its name (for messages and ordering) and its text.
#[derive(Clone, Copy, Debug)]
pub struct SourceFile<'a> {
    /// File name relative to `curriculum/`, e.g. `01-python-basics.md`.
    pub name: &'a str,

    /// The whole file.
    pub text: &'a str,
}

/// A problem in the curriculum sources, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The file name as given in [`SourceFile::name`].
    pub file: String,

    /// 1-based line; 0 when the problem concerns no particular line.
    pub line: usize,

    /// What is wrong.
    pub kind: ParseErrorKind,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.kind)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.kind)
        }
    }
}

impl std::error::Error for ParseError {}

/// What is wrong in a curriculum source.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseErrorKind {
    /// Text before the chapter heading, or a file without one.
    #[error("a chapter file must start with its heading, like `# 一、标题 {{#chapter-id}}`")]
    MissingChapterHeading,

    /// A second `# …` heading in one file.
    #[error("a second chapter heading in one file; put each chapter in its own file")]
    SecondChapter,

    /// A level-1 or level-2 heading without `{#id}`.
    #[error("the heading `{0}` has no id; write it as `{0} {{#some-id}}`")]
    HeadingWithoutId(String),

    /// A heading with an empty title.
    #[error("the heading has no title")]
    EmptyTitle,

    /// An id that is not lowercase ascii letters, digits, `.` and `-`.
    #[error("invalid id `{0}`: use 1 to 128 lowercase letters, digits, `.` and `-`")]
    InvalidId(String),

    /// An attribute other than `#id`, `.task` (items) or `.elective` (chapters).
    #[error("unknown attribute `{0}` (allowed: `#id`, `.task` on items, `.elective` on chapters)")]
    UnknownAttribute(String),

    /// The same id twice in the curriculum.
    #[error("duplicate id `{id}`, first used at {first}")]
    DuplicateId {
        /// The repeated id.
        id: String,
        /// `file:line` of its first use.
        first: String,
    },

    /// A sub-item (`###`) with no item before it.
    #[error("a sub-item (`### … {{#id}}`) must follow an item (`## … {{#id}}`)")]
    SubItemWithoutParent,

    /// A chapter without any item.
    #[error("the chapter `{0}` has no items")]
    EmptyChapter(String),

    /// A link that is not a well-formed http(s) URL.
    #[error("bad link `{url}`: {reason}")]
    BadLink {
        /// The link target as written.
        url: String,
        /// Why it is refused.
        reason: LinkError,
    },

    /// A URL written as plain text, which would not be clickable.
    #[error("bare URL in text `{0}`; write it as <https://…> or [text](https://…)")]
    BareUrl(String),

    /// Raw HTML, which the app does not render.
    #[error("raw HTML is not allowed: `{0}`")]
    RawHtml(String),

    /// An image path that is absolute, has a scheme or leaves `curriculum/`.
    #[error("image path `{0}` must be relative to curriculum/ and stay inside it")]
    BadImagePath(String),

    /// An image that does not exist.
    #[error("image `{0}` does not exist")]
    MissingImage(String),

    /// No chapter files at all.
    #[error("the curriculum has no chapters")]
    NoChapters,

    /// A `::: ours` block still open at the next structural heading or the end of the file.
    #[error("the `::: ours` block opened here is not closed; end it with a line `:::`")]
    OursNotClosed,

    /// `::: ours` inside another `::: ours` block.
    #[error("`::: ours` blocks do not nest; close the first one with `:::`")]
    OursNested,

    /// A `:::` line with no open block.
    #[error("this `:::` closes no `::: ours` block")]
    StrayBlockEnd,

    /// A `:::` line other than `::: ours` and `:::`.
    #[error("unknown block `{0}`; the only block is `::: ours` … `:::`")]
    UnknownBlock(String),
}

/// Every problem found in the curriculum, in file and line order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseErrors(pub Vec<ParseError>);

impl fmt::Display for ParseErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseErrors {}

/// Parses and validates the whole curriculum.
///
/// `files` are read in the given order (sort them by name first); `image_exists` answers
/// whether an image path relative to `curriculum/` exists. All problems are reported at once.
///
/// # Example
/// ```
/// use study_companion::curriculum::{SourceFile, parse_curriculum};
/// let text = "# 第一章 {#one}\n\n## 第一步 {#one.first}\n\n看 [视频](https://example.com)。\n";
/// let curriculum = parse_curriculum("1", &[SourceFile { name: "01.md", text }], &|_| false)?;
/// assert_eq!(curriculum.chapters[0].items[0].links[0].url, "https://example.com");
/// # Ok::<(), study_companion::curriculum::ParseErrors>(())
/// ```
pub fn parse_curriculum(
    version: &str,
    files: &[SourceFile<'_>],
    image_exists: &dyn Fn(&str) -> bool,
) -> Result<Curriculum, ParseErrors> {
    let mut errors = Vec::new();
    let mut chapters = Vec::new();
    let mut seen_ids: HashMap<String, String> = HashMap::new();

    for file in files {
        let mut file_errors = Vec::new();
        let mut report = |line: usize, kind: ParseErrorKind| {
            file_errors.push(ParseError {
                file: file.name.to_owned(),
                line,
                kind,
            });
        };
        if let Some(chapter) = parse_chapter(file, image_exists, &mut report) {
            let ids = std::iter::once((chapter.id.as_str(), 1_usize)).chain(
                chapter
                    .items
                    .iter()
                    .map(|item| (item.id.as_str(), item.line)),
            );
            for (id, line) in ids {
                let here = format!("{}:{line}", file.name);
                if let Some(first) = seen_ids.get(id) {
                    report(
                        line,
                        ParseErrorKind::DuplicateId {
                            id: id.to_owned(),
                            first: first.clone(),
                        },
                    );
                } else {
                    seen_ids.insert(id.to_owned(), here);
                }
            }
            chapters.push(chapter);
        }
        file_errors.sort_by_key(|error| error.line);
        errors.append(&mut file_errors);
    }

    if chapters.is_empty() && errors.is_empty() {
        errors.push(ParseError {
            file: "curriculum".to_owned(),
            line: 0,
            kind: ParseErrorKind::NoChapters,
        });
    }
    if errors.is_empty() {
        Ok(Curriculum {
            version: version.to_owned(),
            chapters,
        })
    } else {
        Err(ParseErrors(errors))
    }
}

/// A heading line that carries an attribute block.
struct Heading<'a> {
    level: usize,
    title: &'a str,
    id: &'a str,
    classes: Vec<&'a str>,
}

/// Where body lines currently go.
struct Block {
    /// 1-based line of the first body line.
    first_line: usize,
    text: String,
}

impl Block {
    fn starting_at(first_line: usize) -> Self {
        Self {
            first_line,
            text: String::new(),
        }
    }
}

fn parse_chapter(
    file: &SourceFile<'_>,
    image_exists: &dyn Fn(&str) -> bool,
    report: &mut dyn FnMut(usize, ParseErrorKind),
) -> Option<Chapter> {
    let mut chapter: Option<(Chapter, usize, Block)> = None;
    let mut items: Vec<(Item, Block)> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut reported_preamble = false;
    // The line of the `::: ours` block still open, if any.
    let mut ours_open: Option<usize> = None;

    for (index, line) in file.text.lines().enumerate() {
        let line_no = index + 1;
        if let Some(found) = fence_marker(line) {
            fence = match fence {
                None => Some(found),
                Some((ch, len)) if found.0 == ch && found.1 >= len => None,
                open => open,
            };
        }
        let heading = if fence.is_none() {
            structural_heading(line, line_no, report)
        } else {
            None
        };

        let Some(heading) = heading else {
            if fence.is_none() && fence_marker(line).is_none() {
                check_marker(line, line_no, &mut ours_open, report);
            }
            // A body line: it belongs to the last item, or the chapter intro.
            if let Some((_, block)) = items.last_mut() {
                push_line(&mut block.text, line);
            } else if let Some((_, _, intro)) = chapter.as_mut() {
                push_line(&mut intro.text, line);
            } else if !line.trim().is_empty() && !reported_preamble {
                report(line_no, ParseErrorKind::MissingChapterHeading);
                reported_preamble = true;
            }
            continue;
        };

        if let Some(open) = ours_open.take() {
            report(open, ParseErrorKind::OursNotClosed);
        }
        if heading.title.is_empty() {
            report(line_no, ParseErrorKind::EmptyTitle);
        }
        if !is_valid_id(heading.id) {
            report(line_no, ParseErrorKind::InvalidId(heading.id.to_owned()));
        }
        let allowed_class = if heading.level == 1 {
            "elective"
        } else {
            "task"
        };
        for class in &heading.classes {
            if *class != allowed_class {
                report(
                    line_no,
                    ParseErrorKind::UnknownAttribute(format!(".{class}")),
                );
            }
        }
        let has_class = heading.classes.contains(&allowed_class);

        if heading.level == 1 {
            if chapter.is_some() {
                report(line_no, ParseErrorKind::SecondChapter);
                continue;
            }
            chapter = Some((
                Chapter {
                    id: ChapterId(heading.id.to_owned()),
                    title: heading.title.to_owned(),
                    intro: String::new(),
                    intro_links: Vec::new(),
                    elective: has_class,
                    items: Vec::new(),
                    file: file.name.to_owned(),
                },
                line_no,
                Block::starting_at(line_no + 1),
            ));
            continue;
        }

        if chapter.is_none() {
            if !reported_preamble {
                report(line_no, ParseErrorKind::MissingChapterHeading);
                reported_preamble = true;
            }
            continue;
        }
        let depth = if heading.level == 3 { 1 } else { 0 };
        if depth == 1 && items.is_empty() {
            report(line_no, ParseErrorKind::SubItemWithoutParent);
        }
        items.push((
            Item {
                id: ItemId(heading.id.to_owned()),
                title: heading.title.to_owned(),
                body: String::new(),
                kind: if has_class {
                    ItemKind::Task
                } else {
                    ItemKind::Step
                },
                depth,
                links: Vec::new(),
                images: Vec::new(),
                line: line_no,
            },
            Block::starting_at(line_no + 1),
        ));
    }

    if let Some(open) = ours_open {
        report(open, ParseErrorKind::OursNotClosed);
    }
    let Some((mut chapter, chapter_line, intro)) = chapter else {
        if !reported_preamble {
            report(1, ParseErrorKind::MissingChapterHeading);
        }
        return None;
    };

    let scanned = scan_markdown(&intro, image_exists, report);
    chapter.intro = tidy(&intro.text);
    chapter.intro_links = scanned.links;

    for (mut item, body) in items {
        let scanned = scan_markdown(&body, image_exists, report);
        item.body = tidy(&body.text);
        item.links = scanned.links;
        item.images = scanned.images;
        chapter.items.push(item);
    }
    if chapter.items.is_empty() {
        report(
            chapter_line,
            ParseErrorKind::EmptyChapter(chapter.id.0.clone()),
        );
    }
    Some(chapter)
}

fn push_line(text: &mut String, line: &str) {
    text.push_str(line);
    text.push('\n');
}

/// Drops leading and trailing blank lines (and trailing spaces) but keeps indentation.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|line| !line.is_empty());
    let last = lines.iter().rposition(|line| !line.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines
            .get(first..=last)
            .map(|lines| lines.join("\n"))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Recognises `# title {#id .class}` (levels 1–3). Reports level-1/2 headings without an id.
fn structural_heading<'a>(
    line: &'a str,
    line_no: usize,
    report: &mut dyn FnMut(usize, ParseErrorKind),
) -> Option<Heading<'a>> {
    let level = line.chars().take_while(|c| *c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = line.get(level..)?;
    if !(rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t')) {
        return None;
    }
    let rest = rest.trim();
    let attributes = rest
        .strip_suffix('}')
        .and_then(|without_brace| without_brace.rfind('{').map(|open| (open, without_brace)));
    let Some((open, without_brace)) = attributes.filter(|_| level <= 3) else {
        if level <= 2 {
            report(
                line_no,
                ParseErrorKind::HeadingWithoutId(line.trim().to_owned()),
            );
        }
        return None;
    };
    let title = without_brace.get(..open).unwrap_or_default().trim();
    let inside = without_brace.get(open + 1..).unwrap_or_default();
    let mut id = None;
    let mut classes = Vec::new();
    for token in inside.split_whitespace() {
        if let Some(value) = token.strip_prefix('#') {
            if id.is_some() {
                report(line_no, ParseErrorKind::UnknownAttribute(token.to_owned()));
            }
            id = Some(value);
        } else if let Some(class) = token.strip_prefix('.') {
            classes.push(class);
        } else {
            report(line_no, ParseErrorKind::UnknownAttribute(token.to_owned()));
        }
    }
    let Some(id) = id else {
        if level <= 2 {
            report(
                line_no,
                ParseErrorKind::HeadingWithoutId(line.trim().to_owned()),
            );
        }
        return None;
    };
    Some(Heading {
        level,
        title,
        id,
        classes,
    })
}

/// What a Markdown block links to.
#[derive(Default)]
struct Scanned {
    links: Vec<Link>,
    images: Vec<String>,
}

/// The Markdown extensions the app renders (egui_commonmark's defaults).
fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Collects links and images of one block and reports bad ones.
fn scan_markdown(
    block: &Block,
    image_exists: &dyn Fn(&str) -> bool,
    report: &mut dyn FnMut(usize, ParseErrorKind),
) -> Scanned {
    let text = block.text.as_str();
    let line_of = |offset: usize| {
        block.first_line
            + text
                .get(..offset)
                .map_or(0, |before| before.matches('\n').count())
    };
    let mut scanned = Scanned::default();
    let mut open_link: Option<(String, String)> = None;

    for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
        let line = line_of(range.start);
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Err(reason) = check_web_url(&dest_url) {
                    report(
                        line,
                        ParseErrorKind::BadLink {
                            url: dest_url.to_string(),
                            reason,
                        },
                    );
                }
                open_link = Some((dest_url.to_string(), String::new()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, text)) = open_link.take() {
                    scanned.links.push(Link { text, url });
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let path = dest_url.to_string();
                let escapes = path.contains("://")
                    || path.starts_with('/')
                    || path.contains('\\')
                    || path.contains(':')
                    || path.split('/').any(|part| part == ".." || part.is_empty());
                if escapes {
                    report(line, ParseErrorKind::BadImagePath(path));
                } else if !image_exists(&path) {
                    report(line, ParseErrorKind::MissingImage(path));
                } else {
                    scanned.images.push(path);
                }
            }
            Event::Text(fragment) | Event::Code(fragment) => {
                if let Some((_, link_text)) = open_link.as_mut() {
                    link_text.push_str(&fragment);
                } else if let Some(start) = fragment.find("http://").or(fragment.find("https://")) {
                    let url: String = fragment
                        .get(start..)
                        .unwrap_or_default()
                        .chars()
                        .take_while(|c| !c.is_whitespace())
                        .take(60)
                        .collect();
                    report(line, ParseErrorKind::BareUrl(url));
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let excerpt: String = html.trim().chars().take(40).collect();
                report(line, ParseErrorKind::RawHtml(excerpt));
            }
            _ => {}
        }
    }
    scanned
}

#[cfg(test)]
mod tests;
