//! The format version, read before the rest of the file to pick the reader of that version.
//!
//! Only `format` is read: the probe stops as soon as it has it, so the file is parsed once,
//! by the reader of its version, not twice. Skimming a whole file to find its version cost
//! two thirds of the time of reading a file of sketch strokes (RON's skimming of numbers is
//! slower than reading them as `f32`). Files written by the app have `format` first; a file
//! that has it later has the part before it skimmed, and a file without it is refused, as
//! before. Errors after `format` are reported by the reader of the version, with their
//! position, as before.

use std::cell::Cell;
use std::convert::Infallible;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

/// The `format` field of a progress file (a struct named `ProgressFile`, or unnamed).
pub(super) fn format_version(
    options: &ron::Options,
    text: &str,
) -> Result<u32, ron::error::SpannedError> {
    let found = Cell::new(None);
    let result = options.from_str_seed(text, Probe(&found));
    match found.get() {
        Some(version) => Ok(version),
        None => result.map(|never| match never {}),
    }
}

/// Reads fields until `format`, stores it and stops the parse (with an error no one sees).
struct Probe<'a>(&'a Cell<Option<u32>>);

impl<'de> DeserializeSeed<'de> for Probe<'_> {
    type Value = Infallible;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Infallible, D::Error> {
        deserializer.deserialize_struct("ProgressFile", &["format"], self)
    }
}

impl<'de> Visitor<'de> for Probe<'_> {
    type Value = Infallible;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct ProgressFile")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Infallible, A::Error> {
        while let Some(is_format) = map.next_key_seed(IsFormat)? {
            if is_format {
                self.0.set(Some(map.next_value::<u32>()?));
                return Err(de::Error::custom("the format version was found"));
            }
            map.next_value::<IgnoredAny>()?;
        }
        Err(de::Error::missing_field("format"))
    }
}

/// A field name: whether it is `format`.
struct IsFormat;

impl<'de> DeserializeSeed<'de> for IsFormat {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for IsFormat {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<bool, E> {
        Ok(name == "format")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(text: &str) -> Result<u32, String> {
        format_version(&ron::Options::default(), text).map_err(|err| err.to_string())
    }

    #[test]
    fn the_version_is_found_wherever_it_is_and_the_rest_is_not_read() {
        assert_eq!(
            version("ProgressFile(format: 3, student: (id: \"a\"))"),
            Ok(3)
        );
        assert_eq!(version("(format: 2)"), Ok(2));
        assert_eq!(
            version("(student: (id: \"a\", name: \"x\"), format: 1)"),
            Ok(1)
        );
        // What follows `format` is left to the reader of the version.
        assert_eq!(version("ProgressFile(format: 3, student: ((((("), Ok(3));
    }

    #[test]
    fn a_missing_or_bad_version_is_an_error() {
        assert!(version("ProgressFile(student: (id: \"a\"))").is_err_and(|e| e.contains("format")));
        assert!(version("ProgressFile(format: \"3\")").is_err());
        assert!(version("ProgressFile(format: -1)").is_err());
        assert!(version("Other(format: 3)").is_err());
        assert!(version("").is_err());
        assert!(version("(student: (, format: 3)").is_err());
    }
}
