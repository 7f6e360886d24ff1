//! Rendering a sketch to PNG: strokes with round caps, labels in the bundled font, on white.
//! Pure CPU (tiny-skia and ab_glyph), so the same sketch always gives the same bytes.

use ab_glyph::{Font as _, FontRef, PxScale, ScaleFont as _};
use tiny_skia::{
    Color, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Stroke as SkiaStroke, Transform,
};

use super::{EmbeddedImage, Ink, PAGE_RGB, Sketch};

/// Why a sketch could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// Width or height is zero or over [`MAX_SKETCH_SIDE`].
    #[error("the sketch size {0}×{1} is not allowed")]
    BadSize(u32, u32),
    /// The bundled font could not be read (should not happen).
    #[error("the font could not be read")]
    Font,
    /// PNG encoding failed (should not happen).
    #[error("the PNG could not be written ({0})")]
    Encode(String),
}

/// Largest sketch page side (the same as the largest stored photo).
pub const MAX_SKETCH_SIDE: u32 = super::photo::MAX_STORED_SIDE;

fn color(ink: Ink) -> Color {
    let [r, g, b] = ink.rgb();
    Color::from_rgba8(r, g, b, 255)
}

/// Renders the sketch to a PNG image.
pub fn render_png(sketch: &Sketch) -> Result<EmbeddedImage, RenderError> {
    let (width, height) = (sketch.width, sketch.height);
    if width == 0 || height == 0 || width > MAX_SKETCH_SIDE || height > MAX_SKETCH_SIDE {
        return Err(RenderError::BadSize(width, height));
    }
    let mut pixmap = Pixmap::new(width, height).ok_or(RenderError::BadSize(width, height))?;
    let [r, g, b] = PAGE_RGB;
    pixmap.fill(Color::from_rgba8(r, g, b, 255));

    for stroke in &sketch.strokes {
        let mut paint = Paint::default();
        paint.set_color(color(stroke.color));
        paint.anti_alias = true;
        let style = SkiaStroke {
            width: stroke.width.clamp(0.5, 200.0),
            line_cap: LineCap::Round,
            line_join: LineJoin::Round,
            ..SkiaStroke::default()
        };
        let mut builder = PathBuilder::new();
        let mut points = stroke
            .points
            .iter()
            .filter(|[x, y]| x.is_finite() && y.is_finite());
        let Some([x0, y0]) = points.next() else {
            continue;
        };
        builder.move_to(*x0, *y0);
        let mut any = false;
        for [x, y] in points {
            builder.line_to(*x, *y);
            any = true;
        }
        if !any {
            // A dot: a zero-length line with round caps.
            builder.line_to(*x0 + 0.01, *y0);
        }
        if let Some(path) = builder.finish() {
            pixmap.stroke_path(&path, &paint, &style, Transform::identity(), None);
        }
    }

    if !sketch.labels.is_empty() {
        let font =
            FontRef::try_from_slice(crate::assets::CJK_FONT).map_err(|_| RenderError::Font)?;
        for label in &sketch.labels {
            draw_text(
                &mut pixmap,
                &font,
                label.pos,
                label.size.clamp(6.0, 200.0),
                label.color,
                &label.text,
            );
        }
    }

    // The page is opaque, so the premultiplied pixels are the colours themselves: written as
    // RGB by the `image` crate's encoder (the one the app decodes with; tiny-skia's own PNG
    // support would add a second `png` crate).
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
        .collect();
    let mut data = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut data),
        &rgb,
        width,
        height,
        image::ExtendedColorType::Rgb8,
    )
    .map_err(|err| RenderError::Encode(err.to_string()))?;
    Ok(EmbeddedImage {
        mime: "image/png".to_owned(),
        width,
        height,
        data,
    })
}

/// Draws text with its top-left corner at `pos`, blending glyph coverage into the pixmap.
fn draw_text(
    pixmap: &mut Pixmap,
    font: &FontRef<'_>,
    pos: [f32; 2],
    size: f32,
    ink: Ink,
    text: &str,
) {
    let scaled = font.as_scaled(PxScale::from(size));
    let [r, g, b] = ink.rgb();
    let (width, height) = (pixmap.width(), pixmap.height());
    let pixels = pixmap.pixels_mut();
    let line_height = scaled.height() + scaled.line_gap();
    for (line_index, line) in text.lines().enumerate() {
        let baseline = pos[1] + scaled.ascent() + line_index as f32 * line_height;
        let mut x = pos[0];
        for ch in line.chars() {
            let glyph = scaled.scaled_glyph(ch);
            let advance = scaled.h_advance(glyph.id);
            let glyph = glyph
                .id
                .with_scale_and_position(PxScale::from(size), ab_glyph::point(x, baseline));
            x += advance;
            let Some(outlined) = font.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outlined.px_bounds();
            outlined.draw(|gx, gy, coverage| {
                let px = bounds.min.x as i64 + i64::from(gx);
                let py = bounds.min.y as i64 + i64::from(gy);
                if px < 0 || py < 0 || px >= i64::from(width) || py >= i64::from(height) {
                    return;
                }
                let index = (py as usize) * (width as usize) + px as usize;
                if let Some(pixel) = pixels.get_mut(index) {
                    let blend = |under: u8, over: u8| {
                        (f32::from(under) * (1.0 - coverage) + f32::from(over) * coverage).round()
                            as u8
                    };
                    let under = pixel.demultiply();
                    *pixel = tiny_skia::ColorU8::from_rgba(
                        blend(under.red(), r),
                        blend(under.green(), g),
                        blend(under.blue(), b),
                        255,
                    )
                    .premultiply();
                }
            });
        }
    }
}
