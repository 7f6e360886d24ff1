//! The searchable forms of one text: lowercased, spelled in pinyin, and as pinyin initials,
//! each mapped back to the text, so a match in any form highlights the characters it came
//! from.

use std::ops::Range;

use pinyin::ToPinyin as _;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// A text with its three searchable forms.
///
/// Every form is a string whose every byte knows the byte offset of the character of
/// [`Self::text`] it came from (`*_from`), so a match found in a form is turned back into a
/// range of the text. In [`Self::spelled`] a Chinese character becomes its pinyin without tones
/// (`数` → `shu`); a match there must start where a character starts (not inside a syllable),
/// and may end inside one, so `shuj` already finds 数据 while it is being typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Key {
    /// The text as shown (plain text, one line).
    pub text: String,
    /// The text lowercased: for terms that are not plain ASCII (Chinese, accented letters).
    lower: String,
    lower_from: Vec<u32>,
    /// Lowercased, with Chinese characters spelled in pinyin (`ü` written `v`): for ASCII terms.
    spelled: String,
    spelled_from: Vec<u32>,
    /// The first letter of each Chinese character's pinyin, a space for anything else (so
    /// `sjcl` finds 数据处理, and never crosses into Latin text).
    initials: String,
    initials_from: Vec<u32>,
}

/// What a search term is matched against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// Lowercased.
    text: String,
    /// Only ASCII: matched against the pinyin spelling (which includes the Latin text).
    ascii: bool,
    /// ASCII letters only, at least two: also matched against the initials.
    initials: bool,
}

impl Term {
    /// A term as typed (no whitespace in it).
    pub fn new(typed: &str) -> Self {
        let text = typed.to_lowercase();
        let ascii = text.is_ascii();
        let initials = text.len() >= 2 && text.bytes().all(|b| b.is_ascii_lowercase());
        Self {
            text,
            ascii,
            initials,
        }
    }
}

impl Key {
    /// The forms of `text`, a plain text (see [`plain_text`]).
    pub fn new(text: String) -> Self {
        let mut key = Self {
            lower: String::with_capacity(text.len()),
            lower_from: Vec::with_capacity(text.len()),
            spelled: String::with_capacity(text.len() * 2),
            spelled_from: Vec::with_capacity(text.len() * 2),
            initials: String::with_capacity(text.len()),
            initials_from: Vec::with_capacity(text.len()),
            text: String::new(),
        };
        for (at, ch) in text.char_indices() {
            let at = u32::try_from(at).unwrap_or(u32::MAX);
            let start = key.lower.len();
            key.lower.extend(ch.to_lowercase());
            key.lower_from.resize(key.lower.len(), at);
            match ch.to_pinyin() {
                Some(pinyin) => {
                    key.spelled.extend(
                        pinyin
                            .plain()
                            .chars()
                            .map(|c| if c == 'ü' { 'v' } else { c }),
                    );
                    key.spelled_from.resize(key.spelled.len(), at);
                    key.initials.push_str(pinyin.first_letter());
                    key.initials_from.resize(key.initials.len(), at);
                }
                None => {
                    let lowered = &key.lower[start..];
                    key.spelled.push_str(lowered);
                    key.spelled_from.resize(key.spelled.len(), at);
                    key.initials.push(' ');
                    key.initials_from.push(at);
                }
            }
        }
        key.text = text;
        key
    }

    /// Where `term` occurs in the text, as byte ranges of [`Self::text`], in order (they may
    /// overlap when the term matches in more than one form).
    pub fn find(&self, term: &Term, found: &mut Vec<Range<usize>>) {
        self.find_up_to(term, usize::MAX, found);
    }

    /// Whether `term` occurs anywhere in the text (stops at the first match).
    pub fn contains(&self, term: &Term) -> bool {
        let mut found = Vec::new();
        self.find_up_to(term, 1, &mut found);
        !found.is_empty()
    }

    fn find_up_to(&self, term: &Term, most: usize, found: &mut Vec<Range<usize>>) {
        if term.text.is_empty() {
            return;
        }
        let before = found.len();
        if term.ascii {
            self.find_in(&self.spelled, &self.spelled_from, &term.text, most, found);
            if term.initials && (most == usize::MAX || found.len() == before) {
                self.find_in(&self.initials, &self.initials_from, &term.text, most, found);
            }
        } else {
            self.find_in(&self.lower, &self.lower_from, &term.text, most, found);
        }
    }

    /// Up to `most` matches of `needle` in one form that start where a character of the text
    /// starts.
    fn find_in(
        &self,
        form: &str,
        from: &[u32],
        needle: &str,
        most: usize,
        found: &mut Vec<Range<usize>>,
    ) {
        let mut at = 0;
        let before = found.len();
        while let Some(offset) = form.get(at..).and_then(|rest| rest.find(needle)) {
            let start = at + offset;
            let end = start + needle.len();
            let source = |index: usize| from.get(index).map_or(0, |&s| s as usize);
            let starts_a_character = start == 0 || source(start) != source(start - 1);
            if starts_a_character {
                let last = source(end - 1);
                let last_len = self
                    .text
                    .get(last..)
                    .and_then(|rest| rest.chars().next())
                    .map_or(0, char::len_utf8);
                found.push(source(start)..last + last_len);
                if found.len() - before >= most {
                    return;
                }
                at = end;
            } else {
                // Inside a syllable: look again from the next character of the form.
                at = start
                    + form
                        .get(start..)
                        .and_then(|rest| rest.chars().next())
                        .map_or(1, char::len_utf8);
            }
        }
    }
}

/// Markdown as one line of plain text: the words a reader sees, whitespace collapsed.
///
/// `with_autolinks`: whether the text of an autolink (`<https://…>`, which is its URL) is kept;
/// the curriculum's links are indexed on their own, notes' are not.
///
/// # Example
/// ```
/// use study_companion::search::plain_text;
/// assert_eq!(plain_text("## 标题\n\n**加粗** 和 [链接](https://a.cn)", true), "标题 加粗 和 链接");
/// ```
pub fn plain_text(markdown: &str, with_autolinks: bool) -> String {
    let mut text = String::with_capacity(markdown.len());
    let mut in_autolink = false;
    let push = |text: &mut String, words: &str| {
        for ch in words.chars() {
            if ch.is_whitespace() {
                if !text.is_empty() && !text.ends_with(' ') {
                    text.push(' ');
                }
            } else {
                text.push(ch);
            }
        }
    };
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => in_autolink = true,
            Event::End(TagEnd::Link) => in_autolink = false,
            Event::Text(words) | Event::Code(words) if !in_autolink || with_autolinks => {
                push(&mut text, &words);
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => push(&mut text, " "),
            // Between blocks (paragraphs, list items, cells), not inside a line (bold, links).
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {}
            Event::End(_) => push(&mut text, " "),
            _ => {}
        }
    }
    if text.ends_with(' ') {
        text.pop();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, term: &str) -> Vec<String> {
        let key = Key::new(text.to_owned());
        let mut ranges = Vec::new();
        key.find(&Term::new(term), &mut ranges);
        ranges
            .into_iter()
            .map(|range| text[range].to_owned())
            .collect()
    }

    #[test]
    fn pinyin_finds_chinese_and_highlights_whole_characters() {
        assert_eq!(found("三、数据处理", "shuju"), ["数据"]);
        assert_eq!(found("三、数据处理", "shujuchuli"), ["数据处理"]);
        // While typing: a syllable cut short still highlights its character.
        assert_eq!(found("三、数据处理", "shuj"), ["数据"]);
        // Never from inside a syllable.
        assert!(found("三、数据处理", "huju").is_empty());
        assert_eq!(found("一、python基础", "pythonji"), ["python基"]);
    }

    #[test]
    fn initials_find_runs_of_chinese_only() {
        assert_eq!(found("三、数据处理", "sjcl"), ["数据处理"]);
        assert_eq!(found("数据处理的作用", "cl"), ["处理"]);
        // One letter is a syllable's start, not initials; Latin text has no initials.
        assert_eq!(found("数据", "s"), ["数"]);
        assert!(found("pandas", "pd").is_empty());
    }

    #[test]
    fn latin_is_case_insensitive_and_chinese_matches_as_written() {
        assert_eq!(found("学习 NumPy 和 Pandas", "numpy"), ["NumPy"]);
        assert_eq!(found("学习 NumPy 和 Pandas", "PANDAS"), ["Pandas"]);
        assert_eq!(found("数据处理的作用", "作用"), ["作用"]);
        // A Chinese term never matches a homophone.
        assert!(found("书局", "数据").is_empty());
        assert_eq!(found("Ünïcode café", "CAFÉ"), ["café"]);
    }

    #[test]
    fn plain_text_drops_markup_and_autolinks_when_asked() {
        let markdown = "# 标题\n\n- 一\n- 二\n\n<https://a.cn/x>\n\n`code` ![图](a.png)";
        assert_eq!(plain_text(markdown, false), "标题 一 二 code 图");
        assert_eq!(
            plain_text(markdown, true),
            "标题 一 二 https://a.cn/x code 图"
        );
        assert_eq!(plain_text("  \n\n", true), "");
    }
}
