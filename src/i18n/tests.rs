//! Both languages say the same things, and templates fill safely.

use std::collections::{BTreeMap, BTreeSet};

use super::{EN, Strings, ZH, fill};

#[test]
fn values_are_never_expanded_again() {
    assert_eq!(
        fill(
            "{name}：{error}",
            &[("name", "{error}"), ("error", "磁盘已满")]
        ),
        "{error}：磁盘已满"
    );
    assert_eq!(fill("{a}{a}", &[("a", "1")]), "11");
    assert_eq!(fill("{unknown} {", &[("a", "1")]), "{unknown} {");
    assert_eq!(fill("无占位符", &[]), "无占位符");
}

/// Each string's `{placeholders}`, by field name, read from the `Debug` form (which lists
/// every field, so a new string can never be missed).
fn placeholders(strings: &Strings) -> BTreeMap<String, BTreeSet<String>> {
    let debug = format!("{strings:#?}");
    let mut fields = BTreeMap::new();
    for line in debug.lines() {
        let Some((name, value)) = line.trim().split_once(": ") else {
            continue;
        };
        let mut found = BTreeSet::new();
        let mut rest = value;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close)
                    if after[..close]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_')
                        && close > 0 =>
                {
                    found.insert(after[..close].to_owned());
                    rest = &after[close + 1..];
                }
                _ => rest = after,
            }
        }
        fields.insert(name.to_owned(), found);
    }
    fields
}

#[test]
fn both_languages_use_the_same_placeholders_in_every_string() {
    let zh = placeholders(&ZH);
    let en = placeholders(&EN);
    assert!(zh.len() > 100, "the Debug form lists every field");
    assert_eq!(zh.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
    let differing: Vec<_> = zh
        .iter()
        .filter(|(name, found)| en.get(*name) != Some(found))
        .map(|(name, found)| format!("{name}: zh {found:?}, en {:?}", en.get(name)))
        .collect();
    assert!(differing.is_empty(), "{differing:#?}");
}

#[test]
fn no_string_is_empty() {
    for (language, strings) in [("zh", &ZH), ("en", &EN)] {
        let debug = format!("{strings:#?}");
        assert!(!debug.contains(": \"\","), "{language} has an empty string");
    }
}
