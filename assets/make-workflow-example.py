#!/usr/bin/env python3
"""Draw curriculum/images/workflow-example.png

An example "hand-drawn" deep-learning workflow for the chapter 二 task
(the roadmap asks students to sketch their own workflow diagram after
studying; this is our sample answer, using 猫狗图像分类 as the example).

Style: paper-white background, dark ink, one accent colour, slightly
wobbly boxes and arrows.  The wobble comes from a seeded random.Random,
so the output is deterministic (same script -> same PNG bytes).

Layout: portrait, 600 px wide, about 1100 px tall.  The image is shown at
roughly 300 px wide, so no text is smaller than 26 px at full size.

Requires Pillow and the bundled font assets/fonts/NotoSansSC-Subset.otf
(built by assets/fonts/make-subset.py; every character used here is
GB2312, so it is in the subset).  If `optipng` is on PATH it is run on
the result as well.

Re-run from the repository root:  python3 assets/make-workflow-example.py
"""

from __future__ import annotations

import math
import random
import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "assets" / "fonts" / "NotoSansSC-Subset.otf"
OUT = ROOT / "curriculum" / "images" / "workflow-example.png"

SEED = 20240611
SS = 2                      # supersampling factor (drawn at 2x, then reduced)
W = 600                     # final width

PAPER = (252, 250, 244)
INK = (38, 42, 54)
INK_SOFT = (78, 84, 98)     # detail lines: same ink, a little lighter
ACCENT = (226, 98, 40)      # orange, the single accent colour
ACCENT_TINT = (253, 236, 224)

TITLE = "深度学习流程（示例）"
SUBTITLE = "以「猫狗图像分类」为例"

# (step title, [detail lines]); detail lines are pre-broken to fit.
STEPS = [
    ("明确问题与数据", ["猫狗图片，二分类"]),
    ("数据处理", ["清洗、划分训练/验证/测试集", "归一化、数据增强"]),
    ("搭建模型", ["如 CNN / ResNet"]),
    ("设定损失函数与优化器", ["交叉熵、Adam"]),
    ("训练", ["前向传播 → 计算损失", "→ 反向传播 → 更新参数"]),
    ("验证与调参", ["学习率、batch size"]),
    ("测试评估", ["在测试集上看准确率"]),
    ("导出模型与推理部署", ["识别新的猫狗图片"]),
]
TRAIN_STEP = 4              # index of the step that gets the epoch loop
LOOP_LABEL = ["多个", "epoch"]

# Layout, in final-size pixels.
MARGIN_X = 22
BOX_RIGHT = 452             # boxes end here; the loop lives to the right
TITLE_PX = 42
SUB_PX = 27
STEP_PX = 30
DETAIL_PX = 26
LINE_STEP = 38              # height of a step-title line
LINE_DETAIL = 32            # height of a detail line
PAD_Y = 9
GAP = 28                    # vertical space for the arrow between boxes
BADGE_R = 17


def S(v: float) -> int:
    return round(v * SS)


rng = random.Random(SEED)


# ---------------------------------------------------------------- wobble --
def wobble_path(pts, amp=1.2, step=10.0):
    """Resample a polyline and push each point off its normal by a smooth
    random amount, so straight lines look hand-drawn."""
    out = []
    ph1, ph2 = rng.uniform(0, 2 * math.pi), rng.uniform(0, 2 * math.pi)
    f1, f2 = rng.uniform(0.6, 1.3), rng.uniform(1.8, 3.2)
    total = sum(math.dist(a, b) for a, b in zip(pts, pts[1:])) or 1.0
    walked = 0.0
    for a, b in zip(pts, pts[1:]):
        seg = math.dist(a, b)
        n = max(2, int(seg / step))
        nx, ny = (-(b[1] - a[1]) / (seg or 1), (b[0] - a[0]) / (seg or 1))
        for i in range(n):
            t = i / n
            x = a[0] + (b[0] - a[0]) * t
            y = a[1] + (b[1] - a[1]) * t
            g = (walked + seg * t) / total
            off = amp * (0.7 * math.sin(2 * math.pi * f1 * g + ph1)
                         + 0.3 * math.sin(2 * math.pi * f2 * g + ph2))
            out.append((x + nx * off, y + ny * off))
        walked += seg
    out.append(pts[-1])
    return out


def ink_line(d, pts, color=INK, width=2.6, amp=1.7, double=True):
    """Draw a wobbly stroke; optionally a second, thinner pass slightly off,
    like a pen going over the line twice."""
    p = wobble_path(pts, amp)
    d.line([(S(x), S(y)) for x, y in p], fill=color, width=S(width), joint="curve")
    for x, y in (p[0], p[-1]):  # round caps
        r = S(width) / 2
        d.ellipse((S(x) - r, S(y) - r, S(x) + r, S(y) + r), fill=color)
    if double:
        q = wobble_path([(x + rng.uniform(-0.8, 0.8), y + rng.uniform(-0.8, 0.8))
                         for x, y in pts], amp * 0.9)
        d.line([(S(x), S(y)) for x, y in q], fill=color, width=S(width * 0.45),
               joint="curve")


def sketch_box(d, x0, y0, x1, y1, fill=None):
    """A hand-drawn rectangle: four wobbly strokes that slightly overshoot
    the corners; an optional flat fill slightly offset like a marker."""
    if fill is not None:
        j = [rng.uniform(-2, 2) for _ in range(4)]
        d.polygon([(S(x0 + 4 + j[0]), S(y0 + 4)), (S(x1 + 3), S(y0 + 3 + j[1])),
                   (S(x1 + 2 + j[2]), S(y1 + 3)), (S(x0 + 5), S(y1 + 2 + j[3]))],
                  fill=fill)
    o = lambda: rng.uniform(2.0, 5.0)  # noqa: E731  overshoot
    ink_line(d, [(x0 - o(), y0 + rng.uniform(-1, 1)), (x1 + o(), y0 + rng.uniform(-1, 1))])
    ink_line(d, [(x1 + rng.uniform(-1, 1), y0 - o()), (x1 + rng.uniform(-1, 1), y1 + o())])
    ink_line(d, [(x1 + o(), y1 + rng.uniform(-1, 1)), (x0 - o(), y1 + rng.uniform(-1, 1))])
    ink_line(d, [(x0 + rng.uniform(-1, 1), y1 + o()), (x0 + rng.uniform(-1, 1), y0 - o())])


def arrow_head(d, tip, direction, color=ACCENT, size=13.0, width=3.0):
    ang = math.atan2(direction[1], direction[0])
    for side in (-1, 1):
        a = ang + math.pi + side * math.radians(28 + rng.uniform(-3, 3))
        end = (tip[0] + size * math.cos(a), tip[1] + size * math.sin(a))
        ink_line(d, [tip, end], color=color, width=width, amp=0.3, double=False)


def down_arrow(d, x, y0, y1):
    x_start = x + rng.uniform(-2, 2)
    ink_line(d, [(x_start, y0), (x, y1)], color=ACCENT, width=3.0, amp=1.0, double=False)
    arrow_head(d, (x, y1), (x - x_start, y1 - y0))


def bezier(p0, p1, p2, p3, n=40):
    pts = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        pts.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                    u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return pts


# ------------------------------------------------------------------ text --
def font(px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), S(px))


def text(d, x, y, s, px, color, bold=False, anchor="ls"):
    d.text((S(x), S(y)), s, font=font(px), fill=color, anchor=anchor,
           stroke_width=S(0.6) if bold else 0, stroke_fill=color)


def text_width(s, px) -> float:
    return font(px).getlength(s) / SS


# ---------------------------------------------------------------- layout --
def box_height(details) -> float:
    return PAD_Y * 2 + LINE_STEP + LINE_DETAIL * len(details)


def main() -> None:
    title_block = 16 + TITLE_PX + 14 + SUB_PX + 22
    heights = [box_height(det) for _, det in STEPS]
    H = round(title_block + sum(heights) + GAP * (len(STEPS) - 1) + 22)

    img = Image.new("RGB", (S(W), S(H)), PAPER)
    d = ImageDraw.Draw(img)

    # Title, centred, with a wavy accent underline.
    tw = text_width(TITLE, TITLE_PX)
    ty = 16 + TITLE_PX * 0.88
    text(d, W / 2, ty, TITLE, TITLE_PX, INK, bold=True, anchor="ms")
    wave = [(W / 2 - tw / 2 + i * tw / 40,
             ty + 10 + 2.2 * math.sin(i * 0.9)) for i in range(41)]
    ink_line(d, wave, color=ACCENT, width=3.0, amp=0.4, double=False)
    text(d, W / 2, ty + 14 + SUB_PX + 4, SUBTITLE, SUB_PX, INK_SOFT, anchor="ms")

    # Check that every line fits its box.
    text_x = MARGIN_X + 16 + BADGE_R * 2 + 12
    for title, details in STEPS:
        for s, px in [(title, STEP_PX)] + [(t, DETAIL_PX) for t in details]:
            w = text_width(s, px)
            assert text_x + w <= BOX_RIGHT - 10, f"{s!r} is too wide ({w:.0f}px)"

    y = title_block
    boxes = []
    for i, ((title, details), h) in enumerate(zip(STEPS, heights)):
        x0, x1 = MARGIN_X, BOX_RIGHT
        y0, y1 = y, y + h
        fill = ACCENT_TINT if i == TRAIN_STEP else None
        sketch_box(d, x0, y0, x1, y1, fill=fill)
        boxes.append((x0, y0, x1, y1))

        # Step number in an accent circle (hand-drawn: two loose passes).
        cx, cy = x0 + 16 + BADGE_R, y0 + PAD_Y + LINE_STEP / 2 + 1
        circle = [(cx + BADGE_R * math.cos(a) * rng.uniform(0.97, 1.03),
                   cy + BADGE_R * math.sin(a) * rng.uniform(0.97, 1.03))
                  for a in [k * 2 * math.pi / 28 - 1.2 for k in range(31)]]
        ink_line(d, circle, color=ACCENT, width=2.6, amp=0.3, double=False)
        text(d, cx, cy + 1, str(i + 1), 26, ACCENT, bold=True, anchor="mm")

        base = y0 + PAD_Y + LINE_STEP * 0.78
        text(d, text_x, base, title, STEP_PX, INK, bold=True)
        for k, line in enumerate(details):
            text(d, text_x, base + LINE_STEP * 0.05 + LINE_DETAIL * (k + 1), line,
                 DETAIL_PX, INK_SOFT)
        y = y1 + GAP

    # Arrows between consecutive boxes.
    ax = (MARGIN_X + BOX_RIGHT) / 2
    for (_, _, _, b_end), (_, n_start, _, _) in zip(boxes, boxes[1:]):
        down_arrow(d, ax, b_end + 4, n_start - 4)

    # The epoch loop: out of the training box's right side (lower part),
    # round, and back into its upper part.
    x0, y0, x1, y1 = boxes[TRAIN_STEP]
    p0 = (x1 + 6, y1 - 24)
    p3 = (x1 + 8, y0 + 24)
    loop = bezier(p0, (x1 + 50, y1 - 10), (x1 + 50, y0 + 10), p3)
    ink_line(d, loop, color=ACCENT, width=3.0, amp=0.8, double=False)
    arrow_head(d, p3, (p3[0] - loop[-3][0], p3[1] - loop[-3][1]))
    ly = (y0 + y1) / 2
    lx = x1 + 50
    text(d, lx, ly - 4, LOOP_LABEL[0], 26, ACCENT, bold=True, anchor="ls")
    text(d, lx, ly + 28, LOOP_LABEL[1], 26, ACCENT, bold=True, anchor="ls")

    final = img.resize((W, H), Image.LANCZOS)
    # A small palette keeps the PNG tiny; the drawing only has ink, accent,
    # tint and paper plus their antialiasing ramps.
    final = final.quantize(colors=64, method=Image.MEDIANCUT, dither=Image.NONE)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    final.save(OUT, format="PNG", optimize=True)
    if shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o5", "-strip", "all", str(OUT)], check=True)
    print(f"{OUT.relative_to(ROOT)}: {W}x{H}, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
