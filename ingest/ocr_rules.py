"""Ruling lines of a scanned page: the long horizontal and vertical strokes of its tables.

Owns the image side of an OCR'd table: from a grey page image, the ink mask, the horizontal and
vertical runs of ink far longer than any character stroke (a morphological opening with a long
thin kernel), and whether a stretch of a rule is really printed (the test that tells a cell
boundary from a merged cell).  Coordinates out are PDF points (pixels / scale).
"""
from __future__ import annotations

from .ocr import Rule

# A horizontal rule is at least this long (points): longer than any character's stroke (一 of a
# 10.5 pt font is 10 pt), shorter than the narrowest column (类/款/项 are ~15 pt).
H_MIN, V_MIN = 12.0, 9.0
# A vertical rule is a cell boundary when ink covers this share of the stretch between two rows.
COVERED = 0.8


def ruling_lines(image, scale: float):
    """(ink masks - of the rules, "h" and "v", and of everything, "text" -, horizontal rules,
    vertical rules) of a grey page image."""
    import cv2
    import numpy as np

    ink = (image < 170).astype(np.uint8)
    h_len, v_len = max(8, int(H_MIN * scale)), max(8, int(V_MIN * scale))
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    # bridge the small gaps a light or blurred scan leaves in a rule
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 1)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 5)))
    h_rules = _segments(horizontal, scale, horizontal_axis=True)
    v_rules = _segments(vertical, scale, horizontal_axis=False)
    mask = {"h": horizontal, "v": vertical, "text": ink}  # "text": all ink, where a box's gutters are seen
    return mask, tuple(h_rules), tuple(v_rules)


def _segments(mask, scale: float, horizontal_axis: bool) -> list[Rule]:
    import cv2

    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for i in range(1, count):
        x, y, w, h, _ = stats[i]
        length, thick = (w, h) if horizontal_axis else (h, w)
        if thick > 4 * scale + 4 or length < 2 * thick:
            continue  # a filled block (a stamp, a photo), not a rule
        if horizontal_axis:
            out.append(Rule(round((y + h / 2) / scale, 2), round(x / scale, 2), round((x + w) / scale, 2)))
        else:
            out.append(Rule(round((x + w / 2) / scale, 2), round(y / scale, 2), round((y + h) / scale, 2)))
    return out


def covered(mask, scale: float, horizontal_axis: bool, at: float, start: float, end: float) -> bool:
    """Whether a rule is printed along `at` (points) from `start` to `end`: the share of that
    stretch with rule ink within a few pixels of it."""
    import numpy as np

    band = mask["h"] if horizontal_axis else mask["v"]
    c, lo, hi = int(round(at * scale)), int(round(start * scale)), int(round(end * scale))
    pad = max(2, int(1.5 * scale))
    margin = int(0.1 * (hi - lo))  # the ends meet the crossing rules; judge the middle
    lo, hi = lo + margin, hi - margin
    if hi <= lo:
        return False
    if horizontal_axis:
        strip = band[max(0, c - pad):c + pad + 1, lo:hi]
        hit = strip.any(axis=0)
    else:
        strip = band[lo:hi, max(0, c - pad):c + pad + 1]
        hit = strip.any(axis=1)
    return bool(hit.size) and float(np.mean(hit)) >= COVERED
