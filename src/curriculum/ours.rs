//! Editorial additions: curriculum text that is ours, not the studio's.
//!
//! In a chapter's introduction or an item's text, the lines between a line `::: ours` and a
//! line `:::` are an editorial addition: a note of ours, our own example diagram, a link the
//! studio's roadmap did not have. The app shows such a block marked "编者注", and the seed
//! coverage test (`tests/seed_coverage.rs`) leaves it out when it compares the curriculum
//! with the studio's roadmap. Everything outside these blocks is the studio's text.
//!
//! The parser checks the markup with [`check_marker`]: blocks do not nest, every block is
//! closed before the next structural heading (or the end of the file), and `:::` lines inside
//! code fences ([`fence_marker`], shared with the parser) are text.

use super::parse::ParseErrorKind;

/// The line that opens an editorial block (surrounding spaces are ignored).
pub const OURS_OPEN: &str = "::: ours";

/// The line that closes an editorial block.
pub const BLOCK_CLOSE: &str = ":::";

/// A run of an introduction's or item's text, without the marker lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextPart<'a> {
    /// An editorial addition (between `::: ours` and `:::`), not the studio's text.
    pub ours: bool,

    /// The Markdown of this run.
    pub text: &'a str,
}

/// What a line is to the block markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker<'a> {
    /// `::: ours`.
    Open,
    /// `:::`.
    Close,
    /// Any other line starting with `:::`, trimmed.
    Unknown(&'a str),
}

/// The marker a line holds, if it starts with `:::` (after spaces).
fn marker(line: &str) -> Option<Marker<'_>> {
    let trimmed = line.trim();
    let rest = trimmed.strip_prefix(BLOCK_CLOSE)?;
    if rest.is_empty() {
        Some(Marker::Close)
    } else if rest.trim() == OURS_OPEN.trim_start_matches(BLOCK_CLOSE).trim() {
        Some(Marker::Open)
    } else {
        Some(Marker::Unknown(trimmed))
    }
}

/// Splits curriculum text into the studio's runs and editorial blocks, in order.
///
/// Marker lines are left out, and so are runs holding only blank lines. The markup is
/// assumed valid (the parser refuses anything else); a stray marker is kept as text.
///
/// # Example
/// ```
/// use study_companion::curriculum::text_parts;
/// let parts = text_parts("工作室的话\n\n::: ours\n我们的注\n:::\n");
/// assert_eq!(parts.len(), 2);
/// assert!(!parts[0].ours && parts[1].ours);
/// assert_eq!(parts[1].text, "我们的注\n");
/// ```
pub fn text_parts(text: &str) -> Vec<TextPart<'_>> {
    let mut parts = Vec::new();
    let mut push = |ours: bool, range: std::ops::Range<usize>| {
        if let Some(run) = text.get(range)
            && !run.trim().is_empty()
        {
            parts.push(TextPart { ours, text: run });
        }
    };
    let mut ours = false;
    let mut start = 0;
    let mut offset = 0;
    let mut fence: Option<(char, usize)> = None;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if let Some(found) = fence_marker(line) {
            fence = match fence {
                None => Some(found),
                Some((ch, len)) if found.0 == ch && found.1 >= len => None,
                open => open,
            };
            continue;
        }
        if fence.is_some() {
            continue;
        }
        match marker(line) {
            Some(Marker::Open) if !ours => {
                push(false, start..line_start);
                ours = true;
                start = offset;
            }
            Some(Marker::Close) if ours => {
                push(true, start..line_start);
                ours = false;
                start = offset;
            }
            _ => {}
        }
    }
    push(ours, start..text.len());
    parts
}

/// A code fence opener or closer: the fence character and its run length.
pub(super) fn fence_marker(line: &str) -> Option<(char, usize)> {
    let trimmed = line.trim_start();
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let ch = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let run = trimmed.chars().take_while(|c| *c == ch).count();
    (run >= 3).then_some((ch, run))
}

/// Follows the `::: ours` … `:::` markup on a body line outside code fences.
pub(super) fn check_marker(
    line: &str,
    line_no: usize,
    ours_open: &mut Option<usize>,
    report: &mut dyn FnMut(usize, ParseErrorKind),
) {
    match marker(line) {
        None => {}
        Some(Marker::Open) if ours_open.is_some() => {
            report(line_no, ParseErrorKind::OursNested);
        }
        Some(Marker::Open) => *ours_open = Some(line_no),
        Some(Marker::Close) if ours_open.is_none() => {
            report(line_no, ParseErrorKind::StrayBlockEnd);
        }
        Some(Marker::Close) => *ours_open = None,
        Some(Marker::Unknown(text)) => {
            report(line_no, ParseErrorKind::UnknownBlock(text.to_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_studio_text_from_ours() {
        let text =
            "一\n\n::: ours\n注一\n\n![图](images/a.png)\n:::\n\n二\n  :::  ours  \n注二\n:::";
        let parts = text_parts(text);
        let summary: Vec<(bool, &str)> = parts.iter().map(|p| (p.ours, p.text.trim())).collect();
        assert_eq!(
            summary,
            [
                (false, "一"),
                (true, "注一\n\n![图](images/a.png)"),
                (false, "二"),
                (true, "注二"),
            ]
        );
    }

    #[test]
    fn markers_in_code_fences_are_text() {
        let text = "```\n::: ours\n```\n";
        assert_eq!(text_parts(text), [TextPart { ours: false, text }]);
    }

    #[test]
    fn recognises_markers() {
        assert_eq!(marker("::: ours"), Some(Marker::Open));
        assert_eq!(marker(" :::ours "), Some(Marker::Open));
        assert_eq!(marker(":::"), Some(Marker::Close));
        assert_eq!(marker("::: note"), Some(Marker::Unknown("::: note")));
        assert_eq!(marker("::::"), Some(Marker::Unknown("::::")));
        assert_eq!(marker("注：:::"), None);
    }
}
