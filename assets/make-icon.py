#!/usr/bin/env python3
"""Draw the Study Companion (学习伴侣) app icon.

Outputs (relative to the repository root):
  assets/icon.png     256x256 RGBA
  assets/icon-32.png  32x32 RGBA (downscaled from a supersampled master)

Design: a rounded square with a blue -> teal diagonal gradient, a white
open book at the bottom, the hanzi "学" (study) above it, and a small
amber badge with a check mark in the lower-right corner.  Everything is
drawn at 4x and reduced with a Lanczos filter so edges are antialiased.

Requires Pillow and the bundled font assets/fonts/NotoSansSC-Subset.otf
(see assets/fonts/make-subset.py).  Deterministic: no randomness, no
timestamps in the PNGs.

Re-run from the repository root:  python3 assets/make-icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "assets" / "fonts" / "NotoSansSC-Subset.otf"

SS = 4                     # supersampling factor
N = 256 * SS               # master canvas size
TOP_LEFT = (28, 110, 220)  # blue
BOT_RIGHT = (16, 184, 166)  # teal
AMBER = (255, 183, 3)
INK = (255, 255, 255)


def lerp(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def gradient(size: int) -> Image.Image:
    """Diagonal gradient from TOP_LEFT to BOT_RIGHT."""
    # Build on a small grid and upscale: smooth and fast.
    g = 64
    small = Image.new("RGB", (g, g))
    px = small.load()
    for y in range(g):
        for x in range(g):
            t = (x + y) / (2 * (g - 1))
            px[x, y] = lerp(TOP_LEFT, BOT_RIGHT, t)
    return small.resize((size, size), Image.BICUBIC)


def rounded_mask(size: int, inset: int, radius: int) -> Image.Image:
    m = Image.new("L", (size, size), 0)
    ImageDraw.Draw(m).rounded_rectangle(
        (inset, inset, size - 1 - inset, size - 1 - inset), radius=radius, fill=255
    )
    return m


def s(v: float) -> int:
    """Scale a 256-px design coordinate to the master canvas."""
    return round(v * SS)


def draw_master() -> Image.Image:
    img = Image.new("RGBA", (N, N), (0, 0, 0, 0))

    # Soft drop shadow under the tile.
    shadow = Image.new("RGBA", (N, N), (0, 0, 0, 0))
    sm = rounded_mask(N, s(12), s(52))
    sm = ImageChops.offset(sm, 0, s(4)).filter(ImageFilter.GaussianBlur(s(4)))
    shadow.putalpha(sm.point(lambda a: a * 70 // 255))
    img = Image.alpha_composite(img, shadow)

    # Gradient tile.
    tile = gradient(N).convert("RGBA")
    mask = rounded_mask(N, s(10), s(52))
    tile.putalpha(mask)
    img = Image.alpha_composite(img, tile)

    # Subtle top highlight (glass-like sheen), clipped to the tile.
    sheen = Image.new("L", (N, N), 0)
    ImageDraw.Draw(sheen).ellipse((s(-60), s(-190), s(316), s(118)), fill=34)
    sheen = sheen.filter(ImageFilter.GaussianBlur(s(10)))
    sheen = ImageChops.multiply(sheen, mask)
    white = Image.new("RGBA", (N, N), (255, 255, 255, 0))
    white.putalpha(sheen)
    img = Image.alpha_composite(img, white)

    d = ImageDraw.Draw(img)

    # Open book: two gently curved pages with a gap at the spine.
    def quad(p0, c, p2, n=48):
        return [((1 - u) ** 2 * p0[0] + 2 * (1 - u) * u * c[0] + u * u * p2[0],
                 (1 - u) ** 2 * p0[1] + 2 * (1 - u) * u * c[1] + u * u * p2[1])
                for u in (i / n for i in range(n + 1))]

    def page(sign: int):
        # sign = -1 for the left page, +1 for the right page (mirrored).
        def X(v):
            return s(128 + sign * v)
        top = quad((X(84), s(166)), (X(44), s(150)), (X(4), s(176)))
        bot = quad((X(4), s(216)), (X(44), s(190)), (X(84), s(206)))
        return top + bot

    d.polygon(page(-1), fill=(255, 255, 255, 255))
    d.polygon(page(+1), fill=(255, 255, 255, 255))
    # Two text lines on each page, following the page curve.
    line_col = lerp(TOP_LEFT, BOT_RIGHT, 0.5) + (120,)
    for k in range(2):
        dy = 12 + 10 * k
        for sign in (-1, 1):
            pts = quad((s(128 + sign * 72), s(166 + dy - 1)),
                       (s(128 + sign * 44), s(150 + dy + 1)),
                       (s(128 + sign * 14), s(176 + dy - 3)), n=24)
            d.line([(round(x), round(y)) for x, y in pts], fill=line_col,
                   width=s(3), joint="curve")
    cx = s(128)

    # The hanzi 学 above the book.
    font = ImageFont.truetype(str(FONT), s(120))
    glyph = "学"
    bbox = d.textbbox((0, 0), glyph, font=font)
    gw, gh = bbox[2] - bbox[0], bbox[3] - bbox[1]
    gx = cx - gw // 2 - bbox[0]
    gy = s(88) - gh // 2 - bbox[1]
    # Faint shadow for depth, then the white glyph with a stroke to embolden.
    sh = Image.new("RGBA", (N, N), (0, 0, 0, 0))
    ImageDraw.Draw(sh).text((gx, gy + s(3)), glyph, font=font, fill=(0, 40, 80, 90),
                            stroke_width=s(3), stroke_fill=(0, 40, 80, 90))
    img = Image.alpha_composite(img, sh.filter(ImageFilter.GaussianBlur(s(3))))
    d = ImageDraw.Draw(img)
    d.text((gx, gy), glyph, font=font, fill=INK, stroke_width=s(3), stroke_fill=INK)

    # Check-mark badge, lower right.
    bx, by, br = s(200), s(200), s(30)
    d.ellipse((bx - br - s(4), by - br - s(4), bx + br + s(4), by + br + s(4)),
              fill=(255, 255, 255, 255))
    d.ellipse((bx - br, by - br, bx + br, by + br), fill=AMBER + (255,))
    check = [(bx - s(14), by + s(1)), (bx - s(4), by + s(11)), (bx + s(15), by - s(10))]
    d.line(check, fill=(255, 255, 255, 255), width=s(7), joint="curve")
    for p in (check[0], check[2]):
        r = s(3.5)
        d.ellipse((p[0] - r, p[1] - r, p[0] + r, p[1] + r), fill=(255, 255, 255, 255))

    return img


def save_png(img: Image.Image, path: Path) -> None:
    img.save(path, format="PNG", optimize=True)
    print(f"{path.relative_to(ROOT)}: {img.size[0]}x{img.size[1]} "
          f"{path.stat().st_size:,} bytes")


def main() -> None:
    master = draw_master()
    icon = master.resize((256, 256), Image.LANCZOS)
    save_png(icon, ROOT / "assets" / "icon.png")
    # Downscale in two steps for a crisper small icon.
    small = master.resize((128, 128), Image.LANCZOS).resize((32, 32), Image.LANCZOS)
    save_png(small, ROOT / "assets" / "icon-32.png")


if __name__ == "__main__":
    main()
