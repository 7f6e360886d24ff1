//! File names made from people's names: safe on every file system.

/// Most bytes of UTF-8 a person's name takes in a file name. File systems allow 255 bytes
/// per name; the date, an id and the extension need the rest.
pub const MAX_NAME_BYTES_IN_FILE_NAME: usize = 100;

/// `张三-2026-11-29.scprogress`: the name made safe for every file system (see
/// [`file_name_part`]), and the date.
pub fn suggested_file_name(name: &str, date: &str, extension: &str, fallback: &str) -> String {
    format!("{}-{date}.{extension}", file_name_part(name, fallback))
}

/// `name` made into part of a file name that every file system accepts: no control
/// characters or `\ / : * ? " < > |` (each becomes `_`), no leading or trailing dots and
/// spaces, at most [`MAX_NAME_BYTES_IN_FILE_NAME`] bytes (cut between characters), never a
/// name Windows reserves (`CON`, `NUL.txt`, `COM1`…: prefixed with `_`). `fallback` when
/// nothing is left.
pub fn file_name_part(name: &str, fallback: &str) -> String {
    let replaced: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trim = |text: &str| {
        text.trim_matches(|c: char| c == '.' || c.is_whitespace())
            .to_owned()
    };
    let cut = trim(cut_to_bytes(&trim(&replaced), MAX_NAME_BYTES_IN_FILE_NAME));
    let part = if cut.trim_matches('_').is_empty() {
        trim(cut_to_bytes(fallback, MAX_NAME_BYTES_IN_FILE_NAME))
    } else {
        cut
    };
    if is_reserved_on_windows(&part) {
        format!("_{part}")
    } else {
        part
    }
}

/// The longest start of `text` of at most `max` bytes that ends between two characters.
fn cut_to_bytes(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// Whether Windows treats a file whose name starts with `part` (up to its first dot) as a
/// device: `CON`, `PRN`, `AUX`, `NUL`, `COM0`–`COM9`, `LPT0`–`LPT9` (also with ¹²³), `CONIN$`,
/// `CONOUT$`, in any case, with or without an extension.
fn is_reserved_on_windows(part: &str) -> bool {
    let stem = part.split('.').next().unwrap_or_default().trim_end();
    let upper = stem.to_ascii_uppercase();
    let numbered = |prefix: &str| {
        upper.strip_prefix(prefix).is_some_and(|rest| {
            let mut chars = rest.chars();
            matches!(
                (chars.next(), chars.next()),
                (Some('0'..='9' | '¹' | '²' | '³'), None)
            )
        })
    };
    matches!(
        upper.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) || numbered("COM")
        || numbered("LPT")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            suggested_file_name("张三", "2026-11-29", "scprogress", "学习进度"),
            "张三-2026-11-29.scprogress"
        );
        assert_eq!(
            suggested_file_name("../a:b", "2026-11-29", "md", "学习进度"),
            "_a_b-2026-11-29.md",
            "no leading dot: the file would be hidden"
        );
        assert_eq!(
            suggested_file_name("  ", "2026-11-29", "md", "学习进度"),
            "学习进度-2026-11-29.md"
        );
    }

    #[test]
    fn long_names_are_cut_between_characters() {
        let name = "😀".repeat(64);
        let file = suggested_file_name(&name, "2026-11-29", "scprogress", "学习进度");
        let part = file.strip_suffix("-2026-11-29.scprogress").unwrap();
        assert_eq!(part, "😀".repeat(25), "100 bytes of four-byte characters");
        assert!(file.len() <= MAX_NAME_BYTES_IN_FILE_NAME + 30);

        let mixed = format!("a{}", "张".repeat(60));
        let part = file_name_part(&mixed, "x");
        assert_eq!(
            part.len(),
            1 + 33 * 3,
            "cut before the character that crosses 100"
        );
        assert!(part.starts_with('a') && part.ends_with('张'));
    }

    #[test]
    fn names_are_safe_on_windows() {
        for bad in [
            "a\\b", "a/b", "a:b", "a*b", "a?b", "a\"b", "a<b", "a>b", "a|b", "a\u{7}b",
        ] {
            assert_eq!(file_name_part(bad, "x"), "a_b", "{bad:?}");
        }
        assert_eq!(
            file_name_part("张三. ", "x"),
            "张三",
            "no trailing dot or space"
        );
        assert_eq!(file_name_part(" .张三", "x"), "张三");
        // A cut never leaves a trailing dot or space either.
        let dotted = format!("{}. 尾", "a".repeat(99));
        assert_eq!(file_name_part(&dotted, "x"), "a".repeat(99));
        for reserved in [
            "CON",
            "con",
            "Nul.txt",
            "COM1",
            "lpt9.tar.gz",
            "AUX ",
            "COM¹",
            "conin$",
        ] {
            let part = file_name_part(reserved, "x");
            assert!(part.starts_with('_'), "{reserved:?} gave {part:?}");
        }
        for fine in ["CONTROL", "COM10", "NULL", "张三", "con-2026"] {
            assert_eq!(file_name_part(fine, "x"), fine);
        }
        assert_eq!(
            suggested_file_name("con.txt", "2026-11-29", "md", "x"),
            "_con.txt-2026-11-29.md"
        );
        assert_eq!(file_name_part("...", "学习进度"), "学习进度");
        assert_eq!(file_name_part("", "学习进度"), "学习进度");
    }
}
