#!/usr/bin/env python3
"""Build the bundled CJK UI font: assets/fonts/NotoSansSC-Subset.otf

What it does
------------
Takes the "Noto Sans CJK SC" Regular face (Simplified Chinese glyph forms)
out of Debian's Noto Sans CJK collection and writes a single-face subset
OpenType/CFF font containing only the characters the app needs:

  * all 6,763 GB2312 hanzi (every valid GB2312 code, rows 0xB0-0xF7 x
    columns 0xA1-0xFE, decoded with Python's "gb2312" codec; the
    undecodable holes in row 0xD7 are skipped),
  * all GB2312 symbols and punctuation (rows 0xA1-0xA9),
  * ASCII printable (U+0020-U+007E) and Latin-1 (U+00A0-U+00FF),
  * General Punctuation (U+2000-U+206F), Arrows (U+2190-U+21FF),
    CJK Symbols and Punctuation (U+3000-U+303F),
    Halfwidth and Fullwidth Forms (U+FF00-U+FFEF),
  * every character that appears in curriculum/**/*.md and src/**/*.rs
    (read when the script runs, so re-run it after editing those files).

Characters the source font has no glyph for (emoji, for instance) are
simply left out; they are listed on stderr so authors can notice them.

All OpenType layout features, all name records and the .notdef outline are
kept; hinting is dropped and CFF subroutines are kept (smallest result).
The face is picked by its family name, not by its index, and the
script asserts the name.

Inputs
------
  /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
      from the Debian package fonts-noto-cjk
  curriculum/**/*.md, src/**/*.rs   (relative to the repository root)

Output
------
  assets/fonts/NotoSansSC-Subset.otf

How to re-run
-------------
From the repository root:

    apt-get install fonts-noto-cjk     # once
    pip install fonttools              # once
    python3 assets/fonts/make-subset.py

The output is deterministic: the same inputs give a byte-identical file
(head.modified is copied from the source font, not set to "now").

Roughly equivalent pyftsubset command line:

    pyftsubset NotoSansCJK-Regular.ttc --font-number=2 \\
        --unicodes-file=<list> --layout-features='*' --name-IDs='*' \\
        --name-languages='*' --notdef-outline --no-hinting \\
        --output-file=assets/fonts/NotoSansSC-Subset.otf
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

SOURCE_TTC = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
WANTED_FAMILY = "Noto Sans CJK SC"

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
OUTPUT = REPO_ROOT / "assets" / "fonts" / "NotoSansSC-Subset.otf"

# (glob base, pattern) pairs scanned for extra characters at run time.
SCANNED = [("curriculum", "**/*.md"), ("src", "**/*.rs")]

FIXED_RANGES = [
    (0x0020, 0x007E),  # ASCII printable
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x2190, 0x21FF),  # Arrows
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]


def gb2312_chars(rows: range) -> set[int]:
    """Every code point reachable from a valid GB2312 two-byte code in rows."""
    out: set[int] = set()
    for hi in rows:
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes((hi, lo)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            out.update(ord(c) for c in ch)
    return out


def repo_chars() -> tuple[set[int], int]:
    out: set[int] = set()
    nfiles = 0
    for base, pattern in SCANNED:
        root = REPO_ROOT / base
        if not root.is_dir():
            continue
        for path in sorted(root.glob(pattern)):
            if not path.is_file():
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError) as err:
                print(f"warning: skipping {path}: {err}", file=sys.stderr)
                continue
            nfiles += 1
            out.update(ord(c) for c in text)
    # Control characters (newline, tab, ...) need no glyph.
    out = {cp for cp in out if unicodedata.category(chr(cp)) not in ("Cc",)}
    return out, nfiles


def open_sc_face() -> tuple[int, TTFont]:
    coll = TTCollection(str(SOURCE_TTC), lazy=True)
    for index, face in enumerate(coll.fonts):
        if face["name"].getDebugName(1) == WANTED_FAMILY:
            # recalcTimestamp=False keeps head.modified from the source font, so
            # the output does not depend on when the script runs.
            return index, TTFont(str(SOURCE_TTC), fontNumber=index, lazy=False,
                                 recalcTimestamp=False)
    sys.exit(f"error: no face named {WANTED_FAMILY!r} in {SOURCE_TTC}")


def main() -> None:
    if not SOURCE_TTC.is_file():
        sys.exit(f"error: {SOURCE_TTC} not found (apt-get install fonts-noto-cjk)")

    hanzi = gb2312_chars(range(0xB0, 0xF8))
    symbols = gb2312_chars(range(0xA1, 0xAA))
    fixed = {cp for lo, hi in FIXED_RANGES for cp in range(lo, hi + 1)}
    extra, nfiles = repo_chars()
    wanted = hanzi | symbols | fixed | extra

    index, font = open_sc_face()
    family = font["name"].getDebugName(1)
    version = font["name"].getDebugName(5)
    assert family == WANTED_FAMILY, family
    cmap = font.getBestCmap()

    missing_repo = sorted(cp for cp in extra if cp not in cmap)
    present = sorted(cp for cp in wanted if cp in cmap)

    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.notdef_glyph = True
    options.hinting = False
    options.desubroutinize = False
    options.recalc_timestamp = False  # see open_sc_face(): deterministic
    options.recalc_bounds = True
    options.drop_tables = list(options.drop_tables)

    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=present)
    subsetter.subset(font)

    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(OUTPUT), reorderTables=True)

    print(f"source : {SOURCE_TTC} face #{index}: {family}, {version}")
    print(f"chars  : GB2312 hanzi {len(hanzi)}, GB2312 symbols {len(symbols)}, "
          f"fixed ranges {len(fixed)}, from {nfiles} repo files {len(extra)}")
    print(f"mapped : {len(present)} of {len(wanted)} requested code points "
          f"({len(font.getGlyphOrder())} glyphs)")
    if missing_repo:
        shown = " ".join(f"U+{cp:04X}({chr(cp)})" for cp in missing_repo)
        print(f"warning: {len(missing_repo)} character(s) used in curriculum/src "
              f"have no glyph in {family}: {shown}", file=sys.stderr)
    print(f"output : {OUTPUT.relative_to(REPO_ROOT)} "
          f"({OUTPUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
