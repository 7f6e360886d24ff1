//! The seed coverage check: the studio's roadmap, in order, after the corrections, is the
//! curriculum minus what is marked as ours.
//!
//! [`check`] takes the texts (the seed, `curriculum/README.md`, the chapter files) and returns
//! every mismatch; `tests/seed_coverage.rs` runs it on the real files (no mismatch allowed)
//! and on edited copies (each must give one). The rules are documented in
//! `curriculum/README.md` ("How the seed maps onto the files").

mod lines;
pub mod tables;

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Options, Parser, Tag};
use study_companion::curriculum::{Chapter, SourceFile, parse_curriculum, text_parts};

use lines::{compare_lines, seed_line, seed_urls, text_line};
use tables::{Tables, narrow_change, read_tables};

/// The seed's lines before its outline: the document title and the outline's heading, which
/// the app shows as its own title bar and chapter list.
const PREAMBLE: [&str; 2] = ["# 深度学习", "## 学习路线大纲"];

/// One chapter of the seed, corrections applied.
struct SeedChapter {
    /// The outline's `<summary>`.
    outline_title: String,
    /// The outline's numbered steps, each with its sub-bullets.
    steps: Vec<(String, Vec<String>)>,
    /// The section's `## ` heading.
    section_title: String,
    /// The section's lines after its heading.
    lines: Vec<String>,
}

/// Text and links of one part of a chapter: its introduction or one item.
#[derive(Default, Debug)]
struct Unit {
    lines: Vec<String>,
    urls: Vec<String>,
}

/// Every way the curriculum differs from the seed; empty when it carries the seed exactly.
///
/// `files` are the chapter files (name, text) in order.
pub fn check(seed: &str, readme: &str, files: &[(&str, &str)]) -> Vec<String> {
    let mut problems = Vec::new();
    let tables = read_tables(readme, &mut problems);
    let sources: Vec<SourceFile<'_>> = files
        .iter()
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    let curriculum = match parse_curriculum("seed-check", &sources, &|_| true) {
        Ok(curriculum) => curriculum,
        Err(errors) => {
            problems.push(format!("the curriculum does not parse: {errors}"));
            return problems;
        }
    };
    let Some(chunks) = seed_chunks(seed, &mut problems) else {
        return problems;
    };
    if chunks.len() != curriculum.chapters.len() {
        problems.push(format!(
            "the seed has {} chapters, the curriculum {}",
            chunks.len(),
            curriculum.chapters.len()
        ));
        return problems;
    }
    check_table_targets(&tables, &curriculum.chapters, &mut problems);
    for ((outline, section), chapter) in chunks.into_iter().zip(&curriculum.chapters) {
        let seed_chapter = corrected_chapter(outline, section, chapter, &tables, &mut problems);
        check_chapter(&seed_chapter, chapter, &tables, &mut problems);
    }
    problems
}

/// Splits the seed into (outline block, section) per chapter, in order.
fn seed_chunks<'a>(seed: &'a str, problems: &mut Vec<String>) -> Option<Vec<(&'a str, &'a str)>> {
    let Some(first) = seed.find("<details>") else {
        problems.push("the seed has no outline".to_owned());
        return None;
    };
    let preamble: Vec<&str> = seed[..first]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if preamble != PREAMBLE {
        problems.push(format!(
            "the seed starts with {preamble:?}, not {PREAMBLE:?}"
        ));
    }
    let rest = &seed[first..];
    let Some(sections_at) = rest.find("\n## ") else {
        problems.push("the seed has no sections".to_owned());
        return None;
    };
    let (outline, sections) = rest.split_at(sections_at + 1);
    let blocks: Vec<&str> = outline
        .split("</details>")
        .filter(|block| !block.trim().is_empty())
        .collect();
    let mut starts: Vec<usize> = sections
        .match_indices("\n## ")
        .map(|(i, _)| i + 1)
        .collect();
    starts.insert(0, 0);
    let sections: Vec<&str> = starts
        .iter()
        .enumerate()
        .map(|(n, &start)| &sections[start..starts.get(n + 1).copied().unwrap_or(sections.len())])
        .collect();
    if blocks.len() != sections.len() {
        problems.push(format!(
            "the seed's outline has {} chapters, its sections {}",
            blocks.len(),
            sections.len()
        ));
        return None;
    }
    Some(blocks.into_iter().zip(sections).collect())
}

/// Table rows must name chapters and items that exist.
fn check_table_targets(tables: &Tables, chapters: &[Chapter], problems: &mut Vec<String>) {
    let chapter_ids: BTreeSet<&str> = chapters.iter().map(|c| c.id.as_str()).collect();
    let item_ids: BTreeSet<&str> = chapters
        .iter()
        .flat_map(|c| c.items.iter().map(|i| i.id.as_str()))
        .collect();
    let chapters_named = tables
        .corrections
        .iter()
        .map(|c| &c.chapter)
        .chain(tables.placements.iter().map(|p| &p.chapter));
    for chapter in chapters_named {
        if !chapter_ids.contains(chapter.as_str()) {
            problems.push(format!(
                "README names the chapter `{chapter}`, which does not exist"
            ));
        }
    }
    let items_named = tables
        .titles
        .iter()
        .map(|t| &t.item)
        .chain(tables.placements.iter().map(|p| &p.item));
    for item in items_named {
        if !item_ids.contains(item.as_str()) {
            problems.push(format!(
                "README names the item `{item}`, which does not exist"
            ));
        }
    }
}

/// The chapter's seed text with its corrections applied, each checked: narrow, and matching
/// exactly as often as it says.
fn corrected_chapter(
    outline: &str,
    section: &str,
    chapter: &Chapter,
    tables: &Tables,
    problems: &mut Vec<String>,
) -> SeedChapter {
    let (mut outline, mut section) = (outline.to_owned(), section.to_owned());
    for correction in tables
        .corrections
        .iter()
        .filter(|c| c.chapter == chapter.id.as_str())
    {
        let found =
            outline.matches(&correction.from).count() + section.matches(&correction.from).count();
        let label = format!("correction «{}» → «{}»", correction.from, correction.to);
        if found != correction.occurrences {
            problems.push(format!(
                "{label} in `{}` matches {found} times, not {}",
                chapter.id, correction.occurrences
            ));
            continue;
        }
        match narrow_change(&correction.from, &correction.to) {
            Ok(Some(_)) => {}
            Ok(None) => {
                problems.push(format!("{label} changes nothing"));
                continue;
            }
            Err(why) => {
                problems.push(format!("{label} is not allowed: {why}"));
                continue;
            }
        }
        outline = outline.replace(&correction.from, &correction.to);
        section = section.replace(&correction.from, &correction.to);
    }

    let mut outline_title = String::new();
    let mut steps: Vec<(String, Vec<String>)> = Vec::new();
    for line in outline.lines().map(str::trim) {
        if let Some(title) = line
            .strip_prefix("<details><summary>")
            .and_then(|rest| rest.strip_suffix("</summary>"))
        {
            outline_title = title.to_owned();
        } else if let Some((number, title)) = line.split_once(". ")
            && !number.is_empty()
            && number.chars().all(|c| c.is_ascii_digit())
        {
            steps.push((title.trim().to_owned(), Vec::new()));
        } else if let Some(sub) = line.strip_prefix("- ") {
            match steps.last_mut() {
                Some((_, subs)) => subs.push(sub.trim().to_owned()),
                None => problems.push(format!(
                    "outline of `{}`: «{line}» before any step",
                    chapter.id
                )),
            }
        } else if !line.is_empty() {
            problems.push(format!(
                "outline of `{}`: unexpected line «{line}»",
                chapter.id
            ));
        }
    }
    let mut lines = section.lines();
    let section_title = lines
        .next()
        .and_then(|l| l.strip_prefix("## "))
        .unwrap_or_default()
        .trim()
        .to_owned();
    SeedChapter {
        outline_title,
        steps,
        section_title,
        lines: lines.map(str::to_owned).collect(),
    }
}

fn check_chapter(
    seed: &SeedChapter,
    chapter: &Chapter,
    tables: &Tables,
    problems: &mut Vec<String>,
) {
    let name = chapter.id.as_str();
    if seed.outline_title != chapter.title || seed.section_title != chapter.title {
        problems.push(format!(
            "`{name}`: title «{}», but the seed's outline says «{}» and its section «{}»",
            chapter.title, seed.outline_title, seed.section_title
        ));
    }
    check_titles(seed, chapter, tables, problems);

    // The seed's section, unit by unit: the introduction, then the item each heading or
    // placement row opens.
    let mut units: Vec<Unit> = (0..=chapter.items.len()).map(|_| Unit::default()).collect();
    let mut current = 0; // 0 is the introduction, n the item n - 1.
    let mut visited = vec![0];
    for placement in tables.placements.iter().filter(|p| p.chapter == name) {
        let found = seed
            .lines
            .iter()
            .filter(|l| l.trim().starts_with(&placement.line))
            .count();
        if found != 1 {
            problems.push(format!(
                "`{name}`: the placement «{}» matches {found} seed lines, not 1",
                placement.line
            ));
        }
    }
    for raw in &seed.lines {
        let line = raw.trim();
        let placed = tables
            .placements
            .iter()
            .find(|p| p.chapter == name && line.starts_with(&p.line));
        let heading = section_heading(line);
        let target = if let Some(placement) = placed {
            index_of(chapter, &placement.item)
        } else if let Some((depth, title)) = &heading {
            let found = chapter
                .items
                .iter()
                .position(|item| item.depth == *depth && &item.title == title);
            if found.is_none() {
                problems.push(format!(
                    "`{name}`: the seed's section «{line}» matches no item (give it a placement row)"
                ));
            }
            found.map(|i| i + 1)
        } else {
            None
        };
        if let Some(target) = target
            && target != current
        {
            if visited.contains(&target) || visited.last().is_some_and(|&last| last > target) {
                problems.push(format!(
                    "`{name}`: seed text at «{line}» goes back to an earlier part (reordered)"
                ));
            }
            visited.push(target);
            current = target;
        }
        let text = match (placed, heading) {
            (None, Some(_)) => continue, // the heading is the item's title
            (Some(_), Some((_, title))) => Some(title),
            _ => seed_line(line),
        };
        let unit = &mut units[current];
        unit.urls.extend(seed_urls(line));
        unit.lines.extend(text);
    }

    for (index, unit) in units.iter().enumerate() {
        let (label, text) = match index.checked_sub(1).and_then(|i| chapter.items.get(i)) {
            Some(item) => (format!("`{}`", item.id), item.body.as_str()),
            None => (format!("`{name}` (introduction)"), chapter.intro.as_str()),
        };
        let ours = curriculum_unit(text);
        problems.extend(
            compare_lines(&unit.lines, &ours.lines)
                .into_iter()
                .map(|p| format!("{label}: {p}")),
        );
        if unit.urls != ours.urls {
            problems.push(format!(
                "{label}: links differ from the seed's: seed {:?}, curriculum {:?}",
                unit.urls, ours.urls
            ));
        }
    }
}

/// Item titles: the outline's steps in order (sub-bullets that head a `####` sub-section
/// are sub-items), plus the items the titles table words from seed text.
fn check_titles(
    seed: &SeedChapter,
    chapter: &Chapter,
    tables: &Tables,
    problems: &mut Vec<String>,
) {
    let name = chapter.id.as_str();
    let sub_sections: Vec<String> = seed
        .lines
        .iter()
        .filter_map(|l| section_heading(l.trim()))
        .filter(|(depth, _)| *depth == 1)
        .map(|(_, title)| title)
        .collect();
    let section_lines: Vec<String> = seed
        .lines
        .iter()
        .filter_map(|l| seed_line(l.trim()))
        .collect();
    let mut expected: Vec<(u8, String)> = Vec::new();
    for (step, subs) in &seed.steps {
        expected.push((0, step.clone()));
        for sub in subs {
            if sub_sections.contains(sub) {
                expected.push((1, sub.clone()));
            } else if !section_lines.contains(sub) {
                problems.push(format!(
                    "`{name}`: the outline's «{sub}» is neither a sub-section nor a line of the section"
                ));
            }
        }
    }
    let own: Vec<_> = tables.titles.iter().collect();
    let actual: Vec<(u8, String)> = chapter
        .items
        .iter()
        .filter(|item| !own.iter().any(|t| t.item == item.id.as_str()))
        .map(|item| (item.depth, item.title.clone()))
        .collect();
    if actual != expected {
        problems.push(format!(
            "`{name}`: items {actual:?}, but the seed's outline gives {expected:?} \
             (an item worded by us needs a row in the titles table)"
        ));
    }
    let section = seed.lines.join("\n");
    for own in own
        .iter()
        .filter(|t| chapter.items.iter().any(|i| i.id.as_str() == t.item))
    {
        let item = chapter.items.iter().find(|i| i.id.as_str() == own.item);
        if item.is_some_and(|i| i.title != own.title) {
            problems.push(format!(
                "`{}`: the titles table says «{}»",
                own.item, own.title
            ));
        }
        if !section.contains(&own.seed) {
            problems.push(format!(
                "`{}`: «{}» is not in the seed's section",
                own.item, own.seed
            ));
        }
        if let Err(why) = narrow_change(&own.seed, &own.title) {
            problems.push(format!("`{}`: the title is not allowed: {why}", own.item));
        }
    }
}

/// 1-based index of the item in its chapter (0 is the introduction).
fn index_of(chapter: &Chapter, id: &str) -> Option<usize> {
    chapter
        .items
        .iter()
        .position(|item| item.id.as_str() == id)
        .map(|i| i + 1)
}

/// A seed section heading (`### 1.软件准备`, `#### 一、百度、华为baseline修改`): its depth
/// (0 for `###`, 1 for `####`) and title without its number.
fn section_heading(line: &str) -> Option<(u8, String)> {
    let (depth, title) = if let Some(title) = line.strip_prefix("#### ") {
        (1, title)
    } else {
        (0, line.strip_prefix("### ")?)
    };
    let title = title.trim();
    let digits = title.chars().take_while(char::is_ascii_digit).count();
    let title = match title[digits..].strip_prefix('.') {
        Some(rest) if digits > 0 => rest,
        _ => {
            let numerals = title
                .chars()
                .take_while(|c| "一二三四五六七八九十".contains(*c))
                .map(char::len_utf8)
                .sum::<usize>();
            match title[numerals..].strip_prefix('、') {
                Some(rest) if numerals > 0 => rest,
                _ => title,
            }
        }
    };
    Some((depth, title.trim().to_owned()))
}

/// An introduction's or item's text without what is marked as ours: its lines and links.
fn curriculum_unit(text: &str) -> Unit {
    let mut unit = Unit::default();
    for part in text_parts(text).into_iter().filter(|part| !part.ours) {
        unit.lines.extend(part.text.lines().filter_map(text_line));
        let options =
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
        for event in Parser::new_ext(part.text, options) {
            if let Event::Start(Tag::Link { dest_url, .. }) = event {
                unit.urls.push(dest_url.to_string());
            }
        }
    }
    unit
}
