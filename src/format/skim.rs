//! Reading a file for an overview without building its sketches' strokes.
//!
//! A sketch may hold up to a million points, as many as fill a 16 MiB file. The class view
//! and the report need to know that a drawing exists and when it changed, never its strokes;
//! a student opened from the class is read again, in full. While a [`Skim`] guard lives on a
//! thread, `Drawing::sketch` is read by [`sketch`]: the sketch is parsed and type-checked as
//! a full read would (so a file the class lists is a file that opens), but every stroke and
//! point is dropped as soon as it is read, and the field comes back as `None`. The sketch's
//! limits are not checked and its repairs are not listed: the sketch is not kept.
//!
//! serde cannot hand a setting down to a nested field's `Deserialize`, so the setting is a
//! thread-local flag, set only for the duration of one parse by [`Skim`] (and restored even
//! if the parse panics).

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

use crate::drawing::{Ink, Label, Sketch};

thread_local! {
    static SKIMMING: Cell<bool> = const { Cell::new(false) };
}

/// While alive, sketches read on this thread are checked and dropped.
pub(super) struct Skim {
    previous: bool,
}

impl Skim {
    /// Starts skimming sketches on this thread.
    pub(super) fn start() -> Self {
        Self {
            previous: SKIMMING.replace(true),
        }
    }
}

impl Drop for Skim {
    fn drop(&mut self) {
        SKIMMING.set(self.previous);
    }
}

/// `#[serde(deserialize_with)]` of `Drawing::sketch`: the sketch, or `None` when skimming
/// (after checking the sketch's shape; see the module documentation).
pub fn sketch<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Sketch>, D::Error> {
    if SKIMMING.get() {
        Option::<SketchShape>::deserialize(deserializer).map(|_| None)
    } else {
        Option::<Sketch>::deserialize(deserializer)
    }
}

/// [`Sketch`] as it is written, every field type-checked, nothing kept. Keep in step with it.
#[derive(serde::Deserialize, Default)]
#[serde(rename = "Sketch", default)]
#[allow(dead_code, reason = "read to check the shape, never used")]
struct SketchShape {
    width: u32,
    height: u32,
    strokes: Each<StrokeShape>,
    labels: Each<Label>,
}

/// [`crate::drawing::Stroke`] as it is written, nothing kept.
#[derive(serde::Deserialize)]
#[serde(rename = "Stroke")]
#[allow(dead_code, reason = "read to check the shape, never used")]
struct StrokeShape {
    color: Ink,
    width: f32,
    points: Each<[f32; 2]>,
}

/// A sequence whose elements are read (and checked) one at a time and dropped.
struct Each<T>(PhantomData<T>);

impl<T> Default for Each<T> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Each<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EachVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for EachVisitor<T> {
            type Value = Each<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<T>()?.is_some() {}
                Ok(Each(PhantomData))
            }
        }

        deserializer.deserialize_seq(EachVisitor(PhantomData))
    }
}
