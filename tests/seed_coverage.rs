//! The embedded curriculum carries the whole seed roadmap: every outline step, every link,
//! every line of section text. Checked against the seed file itself
//! (`curriculum/source/roadmap-original.md`, a byte copy of the seed), with the corrections
//! listed in `curriculum/README.md` applied.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use study_companion::curriculum::{Curriculum, ItemKind};
use study_companion::embedded;

const SEED: &str = include_str!("../curriculum/source/roadmap-original.md");
const CURRICULUM_README: &str = include_str!("../curriculum/README.md");

/// (seed text, curriculum text) rows of the corrections table in `curriculum/README.md`.
fn corrections() -> Vec<(String, String)> {
    let mut rows = Vec::new();
    let mut in_table = false;
    for line in CURRICULUM_README.lines() {
        let cells: Vec<&str> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        if line.trim_start().starts_with("| seed text") {
            in_table = true;
            continue;
        }
        if !in_table || cells.first().is_some_and(|c| c.starts_with("---")) {
            continue;
        }
        if !line.trim_start().starts_with('|') {
            in_table = false;
            continue;
        }
        if let [from, to, ..] = cells.as_slice() {
            rows.push(((*from).to_owned(), (*to).to_owned()));
        }
    }
    rows
}

fn corrected(text: &str) -> String {
    corrections()
        .iter()
        .fold(text.to_owned(), |text, (from, to)| text.replace(from, to))
}

/// The seed's URLs: `http(s)://` up to whitespace, a quote, `<`/`>` or the first
/// non-ASCII character (the seed glues one URL to Chinese text: `…f2649c8所提供的代码`).
fn seed_urls() -> BTreeSet<String> {
    let mut urls = BTreeSet::new();
    let mut rest = SEED;
    while let Some(start) = rest.find("http") {
        let candidate = &rest[start..];
        if candidate.starts_with("http://") || candidate.starts_with("https://") {
            let url: String = candidate
                .chars()
                .take_while(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>'))
                .collect();
            rest = &candidate[url.len()..];
            urls.insert(url);
        } else {
            rest = &candidate[4..];
        }
    }
    urls
}

#[test]
fn every_link_of_the_seed_is_embedded_and_no_other() {
    let seed = seed_urls();
    assert_eq!(seed.len(), 18, "the seed has 18 distinct links: {seed:#?}");
    let embedded: BTreeSet<String> = embedded::curriculum()
        .links()
        .map(|link| link.url.clone())
        .collect();
    assert_eq!(embedded, seed);
    let glued = "https://www.bilibili.com/video/BV1b7411T7DA/?spm_id_from=333.999.0.0&vd_source=a4099ed25e84174f682a90592f2649c8";
    assert!(embedded.contains(glued), "the glued link ends before 所");
}

/// The outline: chapter summaries and their numbered steps.
fn seed_outline() -> Vec<(String, Vec<String>)> {
    let outline = SEED
        .split("## 学习路线大纲")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_default();
    let mut chapters: Vec<(String, Vec<String>)> = Vec::new();
    for line in outline.lines() {
        if let Some(summary) = line
            .strip_prefix("<details><summary>")
            .and_then(|rest| rest.strip_suffix("</summary>"))
        {
            chapters.push((corrected(summary), Vec::new()));
        } else if let Some((number, title)) = line.trim().split_once(". ")
            && number.chars().all(|c| c.is_ascii_digit())
            && let Some((_, steps)) = chapters.last_mut()
        {
            steps.push(corrected(title.trim()));
        }
    }
    chapters
}

#[test]
fn every_outline_step_is_an_item() {
    let curriculum = embedded::curriculum();
    let outline = seed_outline();
    assert_eq!(outline.len(), 9, "eight chapters and the elective");
    assert_eq!(curriculum.chapters.len(), outline.len());
    for ((title, steps), chapter) in outline.iter().zip(&curriculum.chapters) {
        assert_eq!(&chapter.title, title);
        let items: Vec<&str> = chapter
            .items
            .iter()
            .map(|item| item.title.as_str())
            .collect();
        for step in steps {
            assert!(
                items.contains(&step.as_str()),
                "{title}: step {step} is missing in {items:?}"
            );
        }
    }
    // Five numbers its steps 1 then 3, eight has four steps for two sections: all kept.
    assert_eq!(curriculum.chapters[4].items.len(), 2);
    assert_eq!(curriculum.chapters[7].items.len(), 4);
    assert!(curriculum.chapters[8].elective);
}

#[test]
fn chapter_two_has_the_drawing_task_with_the_example_diagram() {
    let curriculum = embedded::curriculum();
    let tasks: Vec<_> = curriculum
        .items()
        .filter(|(_, item)| item.kind == ItemKind::Task)
        .collect();
    assert_eq!(tasks.len(), 1);
    let (chapter, task) = tasks[0];
    assert_eq!(chapter.id.as_str(), "what-is-dl");
    assert!(task.title.contains("手绘"));
    assert_eq!(task.images, ["images/workflow-example.png"]);
    assert!(embedded::image("images/workflow-example.png").is_some());
}

/// Text for comparison: no URLs, no whitespace, no Markdown or HTML punctuation.
fn normalized(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    // Drop HTML tags (but not autolink brackets, whose URLs are dropped next).
    while let Some(start) = rest.find(['<', 'h']) {
        out.push_str(&rest[..start]);
        let candidate = &rest[start..];
        if candidate.starts_with("http://") || candidate.starts_with("https://") {
            let len = candidate
                .chars()
                .take_while(|c| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | ')'))
                .map(char::len_utf8)
                .sum::<usize>();
            rest = &candidate[len..];
        } else if candidate.starts_with('<')
            && candidate[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
        {
            let end = candidate.find('>').map_or(candidate.len(), |i| i + 1);
            rest = &candidate[end..];
        } else {
            out.push_str(&candidate[..1]);
            rest = &candidate[1..];
        }
    }
    out.push_str(rest);
    out.chars()
        .filter(|c| !c.is_whitespace() && !"#>*[]()<>!|`-_".contains(*c))
        .collect()
}

fn curriculum_text(curriculum: &Curriculum) -> String {
    let mut text = String::new();
    for chapter in &curriculum.chapters {
        text.push_str(&chapter.title);
        text.push_str(&chapter.intro);
        for item in &chapter.items {
            text.push_str(&item.title);
            text.push_str(&item.body);
        }
    }
    normalized(&text)
}

#[test]
fn every_line_of_section_text_is_kept() {
    let embedded_text = curriculum_text(embedded::curriculum());
    let sections = SEED
        .split("## 学习路线大纲")
        .nth(1)
        .and_then(|rest| rest.split_once("\n## "))
        .map(|(_, sections)| sections)
        .unwrap_or_default();
    let mut missing = Vec::new();
    let mut checked = 0;
    for line in sections.lines() {
        let line = line.trim();
        // Images the seed names but lacks are replaced (see curriculum/README.md).
        if line.starts_with("![") {
            continue;
        }
        // Section headings: drop their numbering ("1.", "一、").
        let line = line.trim_start_matches('#').trim();
        let line = line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        let line = ["一、", "二、"].iter().fold(line, |line, prefix| {
            line.strip_prefix(prefix).unwrap_or(line)
        });
        let wanted = normalized(&corrected(line));
        if wanted.is_empty() {
            continue;
        }
        checked += 1;
        if !embedded_text.contains(&wanted) {
            missing.push(line.to_owned());
        }
    }
    assert!(checked > 100, "only {checked} lines checked");
    assert!(
        missing.is_empty(),
        "seed lines missing from the curriculum: {missing:#?}"
    );
}
