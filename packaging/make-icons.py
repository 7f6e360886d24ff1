#!/usr/bin/env python3
"""Make every icon the packages need from the one source drawing.

The drawing is `assets/make-icon.py` (`draw_master()`, a 1024x1024 RGBA master); this script
only scales it. Outputs, all under packaging/icons/:

  16x16.png ... 512x512.png   hicolor PNGs (Linux .deb/AppImage; cargo-packager installs each
                              as /usr/share/icons/hicolor/NxN/apps/study-companion.png)
  study-companion.ico         Windows: 16, 24, 32, 48, 64, 128, 256 px (installer, MSI, and the
                              resource that build.rs embeds in the .exe)
  study-companion.icns        macOS: 16, 32, 128, 256, 512 pt at 1x and 2x (16 ... 1024 px),
                              the entries Apple's iconutil writes

Requires Pillow (`pip install pillow`; tried with 13.0.0) and the bundled font that
make-icon.py uses. Run from anywhere:  python3 packaging/make-icons.py
Check the results with `icotool -l packaging/icons/study-companion.ico` (Debian: icoutils) and
`icns2png -l packaging/icons/study-companion.icns` (Debian: icnsutils).
"""

from __future__ import annotations

import importlib.util
import io
import struct
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "packaging" / "icons"

PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
# The entries Apple's iconutil writes (all PNG): type -> pixel size. ic11..ic14 and ic10 are the
# @2x (Retina) versions of 16, 32, 128, 256 and 512 points.
ICNS_ENTRIES = [("icp4", 16), ("icp5", 32), ("ic07", 128), ("ic08", 256), ("ic09", 512),
                ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512)]
ICNS_SIZES = sorted({size for _, size in ICNS_ENTRIES})


def load_drawing():
    """Import assets/make-icon.py (its name is not a module name) and return draw_master."""
    spec = importlib.util.spec_from_file_location("make_icon", ROOT / "assets" / "make-icon.py")
    if spec is None or spec.loader is None:
        raise SystemExit("cannot load assets/make-icon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.draw_master


def scaled(master: Image.Image, size: int) -> Image.Image:
    """Lanczos in two steps for small sizes (crisper, as make-icon.py does for 32 px)."""
    if size >= master.size[0]:
        return master.copy()
    if size <= 64:
        return master.resize((size * 4, size * 4), Image.LANCZOS).resize(
            (size, size), Image.LANCZOS)
    return master.resize((size, size), Image.LANCZOS)


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def write_icns(path: Path, images: dict[int, Image.Image]) -> None:
    """An .icns file is 'icns' + total length, then (type, length, PNG data) per entry."""
    body = b"".join(
        kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
        for kind, data in ((kind, png_bytes(images[size])) for kind, size in ICNS_ENTRIES))
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def report(path: Path) -> None:
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")


def main() -> None:
    master = load_drawing()()
    if master.size != (1024, 1024):
        raise SystemExit(f"expected a 1024x1024 master, got {master.size}")
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: scaled(master, size) for size in sorted(set(PNG_SIZES + ICO_SIZES + ICNS_SIZES))}

    for size in PNG_SIZES:
        path = OUT / f"{size}x{size}.png"
        images[size].save(path, format="PNG", optimize=True)
        report(path)

    ico = OUT / "study-companion.ico"
    images[256].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != 256])
    report(ico)

    icns = OUT / "study-companion.icns"
    write_icns(icns, images)
    report(icns)


if __name__ == "__main__":
    main()
