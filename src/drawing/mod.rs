//! The hand-drawn deep-learning workflow that chapter 二's task asks for: an attached photo or
//! scan, or a sketch drawn in the app (kept as strokes so it can be edited, and rendered to
//! PNG for export and for mentors).
//!
//! Pure data and image processing, no egui: [`photo`] turns an untrusted image file into a
//! small, upright, re-encoded image; [`render`] draws a sketch to PNG, deterministically.

pub mod photo;
pub mod render;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// What a student handed in for a task item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Drawing {
    /// The picture mentors see: the attached photo, or the sketch rendered to PNG.
    pub image: Option<EmbeddedImage>,
    /// The sketch, when it was drawn in the app (kept so it can be edited later). An
    /// overview reads it without keeping it (`format::ImageCheck::Summary`).
    #[serde(deserialize_with = "crate::format::skim::sketch")]
    pub sketch: Option<Sketch>,
    /// When the drawing last changed; the newer one wins a merge.
    pub updated: Option<Timestamp>,
}

/// An image stored inside the progress file.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbeddedImage {
    /// `image/jpeg` or `image/png`.
    pub mime: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The encoded image, base64 in the file.
    #[serde(with = "base64_bytes")]
    pub data: Vec<u8>,
}

impl std::fmt::Debug for EmbeddedImage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "EmbeddedImage({} {}×{}, {} bytes)",
            self.mime,
            self.width,
            self.height,
            self.data.len()
        )
    }
}

/// A sketch: strokes and text labels on a white page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Sketch {
    /// Page width in sketch units (pixels of the rendered PNG).
    pub width: u32,
    /// Page height.
    pub height: u32,
    /// In drawing order.
    pub strokes: Vec<Stroke>,
    /// Text labels for the boxes of the workflow.
    pub labels: Vec<Label>,
}

impl Default for Sketch {
    fn default() -> Self {
        Self {
            width: SKETCH_WIDTH,
            height: SKETCH_HEIGHT,
            strokes: Vec::new(),
            labels: Vec::new(),
        }
    }
}

/// Page size of a new sketch (portrait, like the seed's 300×600 example).
pub const SKETCH_WIDTH: u32 = 900;
/// Page height of a new sketch.
pub const SKETCH_HEIGHT: u32 = 1200;

/// One pen or eraser stroke.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stroke {
    /// Ink colour (the eraser paints the page colour).
    pub color: Ink,
    /// Line width in sketch units.
    pub width: f32,
    /// Points in sketch units.
    pub points: Vec<[f32; 2]>,
}

/// A text label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Label {
    /// Top-left corner, in sketch units.
    pub pos: [f32; 2],
    /// The text (one line or several).
    pub text: String,
    /// Ink colour.
    pub color: Ink,
    /// Text size in sketch units.
    pub size: f32,
}

/// The pen colours, and the eraser.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ink {
    /// Black ink.
    #[default]
    Black,
    /// Blue ink.
    Blue,
    /// Red ink.
    Red,
    /// Green ink.
    Green,
    /// The eraser: paints the page colour.
    Eraser,
}

impl Ink {
    /// The pen colours offered in the canvas.
    pub const PENS: [Self; 4] = [Self::Black, Self::Blue, Self::Red, Self::Green];

    /// sRGB colour.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Self::Black => [0x22, 0x22, 0x22],
            Self::Blue => [0x1f, 0x5f, 0xbf],
            Self::Red => [0xc8, 0x32, 0x32],
            Self::Green => [0x1f, 0x8a, 0x4c],
            Self::Eraser => PAGE_RGB,
        }
    }
}

/// The page colour.
pub const PAGE_RGB: [u8; 3] = [0xff, 0xff, 0xff];

/// Serialises bytes as one base64 string (standard alphabet, padded).
mod base64_bytes {
    use base64::Engine as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&base64::engine::general_purpose::STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        base64::engine::general_purpose::STANDARD
            .decode(text.as_bytes())
            .map_err(|err| serde::de::Error::custom(format!("the image data is not base64: {err}")))
    }
}
