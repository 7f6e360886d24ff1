//! Every string the app shows or writes into a document (the window, the Markdown summary,
//! the class report), in Simplified Chinese (first, `zh.rs`) and English (`en.rs`).
//!
//! It lives below the UI because the core's documents are translated too; nothing here uses
//! egui.
//!
//! Templates use `{name}` placeholders, filled with [`fill`].

use serde::{Deserialize, Serialize};

/// The UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Language {
    /// 简体中文 (default).
    #[default]
    Chinese,
    /// English.
    English,
}

impl Language {
    /// Both languages, for the settings menu.
    pub const ALL: [Self; 2] = [Self::Chinese, Self::English];

    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Self::Chinese => &ZH,
            Self::English => &EN,
        }
    }

    /// The language's own name, shown in the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Chinese => "简体中文",
            Self::English => "English",
        }
    }
}

mod en;
mod strings;
mod zh;

pub use en::EN;
pub use strings::Strings;
pub use zh::ZH;

/// Replaces each `{name}` in `template` with its value.
///
/// # Example
/// ```
/// use study_companion::i18n::fill;
/// assert_eq!(fill("{a} 和 {b}", &[("a", "甲"), ("b", "乙")]), "甲 和 乙");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // One pass over the template: a value that itself contains `{name}` (a student's name, a
    // note, an error message) is copied as it is, never expanded by a later placeholder.
    let mut text = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value, close))
        });
        match value {
            Some((value, close)) => {
                text.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text
}

#[cfg(test)]
mod tests;
