//! Turning an untrusted image file into a small, upright image to store with the progress.
//!
//! PNG, JPEG and WebP are read. The file size and the declared dimensions are checked before
//! anything is decoded (a decompression bomb is refused from its header), decoding has a memory
//! limit, EXIF orientation is applied, and the result is scaled so its longest side is at most
//! [`MAX_STORED_SIDE`] and re-encoded (JPEG for photos, PNG for images with transparency).

use std::io::Cursor;
use std::path::Path;

use image::{DynamicImage, ImageDecoder as _, ImageFormat, ImageReader, Limits};

use super::EmbeddedImage;

/// Largest image file read.
pub const MAX_FILE_BYTES: u64 = 40 * 1024 * 1024;
/// Largest declared width or height accepted.
pub const MAX_SIDE: u32 = 12_000;
/// Most pixels accepted (a 48-megapixel camera).
pub const MAX_PIXELS: u64 = 48_000_000;
/// Most memory the decoder may allocate.
pub const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;
/// Longest side of the stored image.
pub const MAX_STORED_SIDE: u32 = 2048;
/// JPEG quality of stored photos.
pub const JPEG_QUALITY: u8 = 85;

/// Why an image was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("the file is too large ({size} bytes; the limit is {limit} bytes)")]
    FileTooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Not PNG, JPEG or WebP.
    #[error("not a PNG, JPEG or WebP image")]
    NotAnImage,
    /// The declared size is absurd (a decompression bomb, or a huge panorama).
    #[error("the image is too large ({width}×{height} pixels)")]
    TooManyPixels {
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
    },
    /// The image data is damaged or truncated.
    #[error("the image is damaged or incomplete ({0})")]
    Damaged(String),
    /// Re-encoding failed (should not happen).
    #[error("the image could not be saved ({0})")]
    Encode(String),
    /// The file could not be read.
    #[error("the file could not be read ({0})")]
    Io(String),
}

/// Extensions of the pictures a task item takes (what this module decodes).
pub const EXTENSIONS: [&str; 4] = ["png", "jpg", "jpeg", "webp"];

/// Whether `path` names a picture a task item takes, by its extension.
pub fn is_image_path(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// Reads an image file from disk (refusing an oversized one before reading it).
pub fn prepare_file(path: &Path) -> Result<EmbeddedImage, PhotoError> {
    use crate::safe_io::{ReadError, read_regular};
    let bytes = read_regular(path, MAX_FILE_BYTES).map_err(|err| match err {
        ReadError::TooLarge { size, limit } => PhotoError::FileTooLarge { size, limit },
        // A FIFO or device is refused without blocking or reading without end.
        ReadError::NotRegular(_) => PhotoError::NotAnImage,
        other => PhotoError::Io(other.to_string()),
    })?;
    prepare(&bytes)
}

/// Decodes (within the limits), turns upright, scales down and re-encodes an image.
///
/// # Example
/// ```
/// use study_companion::drawing::photo::prepare;
/// let mut png = Vec::new();
/// image::RgbImage::new(4000, 1000)
///     .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
///     .map_err(|e| e.to_string())?;
/// let stored = prepare(&png).map_err(|e| e.to_string())?;
/// assert_eq!((stored.width, stored.height), (2048, 512));
/// # Ok::<(), String>(())
/// ```
pub fn prepare(bytes: &[u8]) -> Result<EmbeddedImage, PhotoError> {
    let image = decode(bytes)?;
    let image = if image.width().max(image.height()) > MAX_STORED_SIDE {
        image.resize(
            MAX_STORED_SIDE,
            MAX_STORED_SIDE,
            image::imageops::FilterType::Triangle,
        )
    } else {
        image
    };
    encode(&image)
}

/// Decodes an image within the limits and applies its EXIF orientation.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, PhotoError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(PhotoError::FileTooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let format = image::guess_format(bytes).map_err(|_| PhotoError::NotAnImage)?;
    if !matches!(
        format,
        ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP
    ) {
        return Err(PhotoError::NotAnImage);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|err| classify(&err))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS || width.max(height) > MAX_SIDE {
        return Err(PhotoError::TooManyPixels { width, height });
    }
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|err| classify(&err))?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    Ok(image)
}

/// A limit error from the decoder is a bomb; anything else is damage.
fn classify(error: &image::ImageError) -> PhotoError {
    match error {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels {
            width: 0,
            height: 0,
        },
        image::ImageError::Unsupported(_) => PhotoError::NotAnImage,
        other => PhotoError::Damaged(other.to_string()),
    }
}

/// JPEG for opaque images (photos), PNG when there is transparency.
fn encode(image: &DynamicImage) -> Result<EmbeddedImage, PhotoError> {
    let mut data = Vec::new();
    let mime = if image.color().has_alpha() {
        image
            .write_to(&mut Cursor::new(&mut data), ImageFormat::Png)
            .map_err(|err| PhotoError::Encode(err.to_string()))?;
        "image/png"
    } else {
        let rgb = image.to_rgb8();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut data, JPEG_QUALITY);
        rgb.write_with_encoder(encoder)
            .map_err(|err| PhotoError::Encode(err.to_string()))?;
        "image/jpeg"
    };
    Ok(EmbeddedImage {
        mime: mime.to_owned(),
        width: image.width(),
        height: image.height(),
        data,
    })
}

/// Checks an image embedded in a progress file from someone else: it must decode, within the
/// limits, to the size it claims.
pub fn validate(image: &EmbeddedImage) -> Result<(), PhotoError> {
    // The header first: a tiny file declaring a huge image is refused before any decoding.
    validate_header(image)?;
    let decoded = decode(&image.data)?;
    if decoded.width() != image.width || decoded.height() != image.height {
        return Err(PhotoError::Damaged(format!(
            "it says {}×{} but is {}×{}",
            image.width,
            image.height,
            decoded.width(),
            decoded.height()
        )));
    }
    Ok(())
}

/// A quick check of an embedded image from its header only (format, declared size, limits),
/// without decoding the pixels: for a class of hundreds of files, where a full decode of every
/// drawing would take seconds. The image is decoded (with egui's loader) only when shown.
pub fn validate_header(image: &EmbeddedImage) -> Result<(), PhotoError> {
    let format = image::guess_format(&image.data).map_err(|_| PhotoError::NotAnImage)?;
    let expected = match image.mime.as_str() {
        "image/png" => ImageFormat::Png,
        "image/jpeg" => ImageFormat::Jpeg,
        _ => return Err(PhotoError::NotAnImage),
    };
    if format != expected {
        return Err(PhotoError::NotAnImage);
    }
    let (width, height) = ImageReader::with_format(Cursor::new(&image.data), format)
        .into_dimensions()
        .map_err(|err| classify(&err))?;
    // Stored images are never larger than this (photos are scaled down, sketch pages are
    // limited to it): anything bigger in a file is not ours, and would be slow to decode.
    if width.max(height) > MAX_STORED_SIDE {
        return Err(PhotoError::TooManyPixels { width, height });
    }
    if (width, height) != (image.width, image.height) {
        return Err(PhotoError::Damaged(format!(
            "it says {}×{} but is {width}×{height}",
            image.width, image.height
        )));
    }
    Ok(())
}

/// The image as PNG bytes (for "export as PNG").
pub fn to_png(image: &EmbeddedImage) -> Result<Vec<u8>, PhotoError> {
    if image.mime == "image/png" {
        return Ok(image.data.clone());
    }
    let decoded = decode(&image.data)?;
    let mut png = Vec::new();
    decoded
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|err| PhotoError::Encode(err.to_string()))?;
    Ok(png)
}
