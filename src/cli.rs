//! The command line: `study-companion [--data-dir DIR] [COMMAND]`.
//!
//! Without a command the window opens; commands print and exit without a window.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::curriculum::Curriculum;

/// 学习伴侣 · Study Companion — a deep-learning study roadmap for students and mentors.
#[derive(Debug, Parser)]
#[command(name = "study-companion", version, about)]
pub struct Cli {
    /// Folder for the app's data (default: the system's per-user data folder).
    #[arg(
        long,
        value_name = "DIR",
        env = "STUDY_COMPANION_DATA_DIR",
        global = true
    )]
    pub data_dir: Option<PathBuf>,

    /// What to do; none opens the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the embedded roadmap: each chapter, item and link with its id, one per line.
    Curriculum,
}

/// Writes the roadmap as tab-separated lines: `chapter ID TITLE`, `item ID TITLE` (with
/// `task`/`sub-item` flags), `link ITEM-ID URL [TEXT]` (the text only when it is not the URL itself).
///
/// # Example
/// ```
/// let mut out = Vec::new();
/// study_companion::cli::print_curriculum(study_companion::embedded::curriculum(), &mut out)?;
/// let text = String::from_utf8(out).unwrap_or_default();
/// assert!(text.lines().any(|line| line.starts_with("chapter\tpython\t")));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn print_curriculum(curriculum: &Curriculum, out: &mut dyn Write) -> std::io::Result<()> {
    let mut distinct: Vec<&str> = curriculum.links().map(|link| link.url.as_str()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    writeln!(
        out,
        "# curriculum {} — {} chapters, {} items, {} distinct links",
        curriculum.version,
        curriculum.chapters.len(),
        curriculum.item_count(),
        distinct.len()
    )?;
    for chapter in &curriculum.chapters {
        let flag = if chapter.elective { "\telective" } else { "" };
        writeln!(out, "chapter\t{}\t{}{flag}", chapter.id, chapter.title)?;
        for link in &chapter.intro_links {
            write_link(out, chapter.id.as_str(), link)?;
        }
        for item in &chapter.items {
            let mut flags = String::new();
            if item.kind == crate::curriculum::ItemKind::Task {
                flags.push_str("\ttask");
            }
            if item.depth > 0 {
                flags.push_str("\tsub-item");
            }
            writeln!(out, "item\t{}\t{}{flags}", item.id, item.title)?;
            for link in &item.links {
                write_link(out, item.id.as_str(), link)?;
            }
        }
    }
    Ok(())
}

fn write_link(
    out: &mut dyn Write,
    owner: &str,
    link: &crate::curriculum::Link,
) -> std::io::Result<()> {
    if link.text == link.url || link.text.is_empty() {
        writeln!(out, "link\t{owner}\t{}", link.url)
    } else {
        writeln!(out, "link\t{owner}\t{}\t{}", link.url, link.text)
    }
}
