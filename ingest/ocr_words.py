"""OCR'd text boxes as a text layer's words, for the unruled-table finder (`pdf_unruled`).

Owns what makes a detector's box look like the words a PDF's text layer gives for the same
print, so that the finder's rules - made for words: columns from shared left edges and gutters
of half an em, rows from the gaps between lines measured in ems, runs of one font size - hold on
a scan: a box's sides trimmed to its ink (the detector pads boxes past a gutter), a box read
across a gutter cut into one word per side (never at a punctuation mark's own blank), boxes of
one line that overlap a little made to meet, tops and bottoms where the glyphs' ink is, one body
font size for every box whose height is that size within the detector's noise, runs of hyphens
the detector skips as words, and boxes read below MIN_BOX_CONFIDENCE holding their place under a
text no cell keeps (`UNREAD`).  Coordinates are PDF points, origin at the page's top left.
"""
from __future__ import annotations

import re
import unicodedata

from .ocr import PageScan

# The text of a box read below MIN_BOX_CONFIDENCE: it holds its place among the rows (a faint ≥
# over a figure, without which the row would stand too far from the one above), never a cell's text.
UNREAD = "\ue000"


def text_layer_words(words: list[dict], faint: list[dict], scan: PageScan) -> list[dict]:
    """The page's words (`ocr_page._word` dicts) and its faint boxes as a text layer's words."""
    apart = [piece for w in _unoverlapped(words) for gap in _at_gutters(w, scan) for piece in _amounts_apart(gap)]
    held = [{**w, "text": UNREAD} for w in faint]
    pieces = _one_size([_ink_centred(w, scan) for w in apart + held])
    return pieces + _dash_runs(scan, pieces)


def without_unread(text: str) -> str:
    """A cell's text less the place-holders of faint boxes (and the lines they alone made)."""
    if UNREAD not in text:
        return text
    return "\n".join(t for t in (line.replace(UNREAD, "").strip() for line in text.split("\n")) if t)


# A blank stretch inside a box at least this many of its glyph heights wide is a column gutter.
_GUTTER = 0.6


def _unoverlapped(words: list[dict]) -> list[dict]:
    """Boxes of one line that overlap a little (the detector pads each box past the gutter into
    its neighbour's ink: 编码 | 科目名称) meet at the middle of their overlap instead."""
    out = [dict(w) for w in words]
    for a in out:
        mid = (a["top"] + a["bottom"]) / 2
        for b in out:
            if b is a or not b["top"] <= mid <= b["bottom"] or not a["x0"] < b["x0"] < a["x1"] < b["x1"]:
                continue
            if a["x1"] - b["x0"] < 0.5 * min(a["x1"] - a["x0"], b["x1"] - b["x0"]):
                a["x1"] = b["x0"] = (a["x1"] + b["x0"]) / 2
    return out


def _at_gutters(word: dict, scan: PageScan) -> list[dict]:
    """The box as a text layer gives its words: its sides where its ink is (the detector pads a
    box by a few points, which closes the gutter between two columns' boxes), and one word per
    side of a gutter the engine read across ("二十六、…的支出 0.00" as one box).  A gutter is a
    run of ink-free columns in the box's middle band at least _GUTTER of its glyph height wide;
    the text is cut where its estimated width (`_seam`) matches the ink before the gutter."""
    import numpy as np

    mask = scan.ink.get("text") if isinstance(scan.ink, dict) else None
    if mask is None:
        return [word]
    s, text = scan.scale, word["text"]
    x0, top, bottom = int(word["x0"] * s), int(word["top"] * s), int(word["bottom"] * s) + 1
    cols = mask[max(0, top):bottom, max(0, x0):int(word["x1"] * s)].any(axis=0)
    inked = cols.nonzero()[0]
    if inked.size < 2:
        return [word]
    wide = max(1, int(_GUTTER * (bottom - top)))
    runs: list[list[int]] = [[int(inked[0]), int(inked[0]) + 1]]  # ink from..to, pixels from x0
    for i in inked[1:]:
        if i - runs[-1][1] >= wide:
            runs.append([int(i), int(i) + 1])
        else:
            runs[-1][1] = int(i) + 1
    widths = [1.0 if is_han(ch) or ord(ch) > 0x2000 else 0.55 for ch in text]
    space = max(1, int(0.3 * (bottom - top)))  # a space's blank inside a run is no character's width

    def inked_width(a: int, b: int) -> int:
        blank = (~cols[a:b]).astype(int)
        gaps = np.diff(np.concatenate(([0], blank, [0]))).nonzero()[0].reshape(-1, 2)
        return (b - a) - sum(int(e - f) for f, e in gaps if e - f >= space)

    ink = sum(inked_width(a, b) for a, b in runs)
    out, first, done, seen = [], 0, 0, 0
    for k, (a, b) in enumerate(runs[:-1]):
        seen += inked_width(a, b)
        at = _seam(text, widths, seen / ink * sum(widths))
        if at is None or at <= done:
            continue  # a punctuation mark's own blank (（ 、 ：), or no seam: the gutter is no cut
        out.append({**word, "text": text[done:at].strip(), "x0": word["x0"] + runs[first][0] / s,
                    "x1": word["x0"] + b / s})
        first, done = k + 1, at
    out.append({**word, "text": text[done:].strip(), "x0": word["x0"] + runs[first][0] / s,
                "x1": word["x0"] + runs[-1][1] / s})
    return out if all(w["text"] for w in out) else [word]


def _dash_runs(scan: PageScan, words: list[dict]) -> list[dict]:
    """Runs of hyphens ("-----", a rule typed as text under a header) that the detector reads no
    box over, as words: three or more short flat strokes on one line, a stroke's length or less
    apart, outside every box and every rule.  Without them the header above such a run stands a
    row too far from the table to belong to it."""
    import cv2
    import numpy as np

    mask = scan.ink.get("text") if isinstance(scan.ink, dict) else None
    if mask is None or not words:
        return []
    s = scan.scale
    em = sorted(w["size"] for w in words)[len(words) // 2] * s  # the body's font size, pixels
    rules = np.maximum(scan.ink["h"], scan.ink["v"])
    count, _, stats, _ = cv2.connectedComponentsWithStats((mask & (1 - rules)).astype(np.uint8), connectivity=8)
    boxes = [(w["x0"] * s, (w["top"] - 0.3 * w["size"]) * s, w["x1"] * s, (w["bottom"] + 0.3 * w["size"]) * s)
             for w in words]
    strokes = []
    for x, y, w, h, _ in stats[1:count]:
        cx, cy = x + w / 2, y + h / 2
        if h <= 0.2 * em and 0.15 * em <= w <= 0.8 * em and w >= 1.5 * h and \
                not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes):
            strokes.append((x, cy, x + w))
    strokes.sort(key=lambda t: (round(t[1] / (0.3 * em)), t[0]))
    runs: list[list[tuple]] = []
    for st in strokes:
        last = runs[-1][-1] if runs else None
        if last and abs(st[1] - last[1]) <= 0.15 * em and 0 <= st[0] - last[2] <= 0.6 * em:
            runs[-1].append(st)
        else:
            runs.append([st])
    out = []
    for run in runs:
        if len(run) >= 3:
            middle, size = run[0][1] / s, em / s
            out.append({"text": "-" * len(run), "x0": run[0][0] / s, "x1": run[-1][2] / s, "top": middle - size / 2,
                        "bottom": middle + size / 2, "size": size, "confidence": 1.0})
    return out


def _ink_centred(word: dict, scan: PageScan) -> dict:
    """The word's top and bottom where its glyphs' ink is inside the detector's box: the box's
    padding varies by a point or two from box to box, more than the gap between the lines of a
    wrapped cell and the rows of a table differ by."""
    mask = scan.ink.get("text") if isinstance(scan.ink, dict) else None
    if mask is None:
        return word
    s, reach = scan.scale, (word["bottom"] - word["top"]) / 1.4  # half the box: _word kept 0.7 of it
    middle = (word["top"] + word["bottom"]) / 2
    top = max(0, int((middle - reach) * s))
    rows = mask[top:int((middle + reach) * s) + 1, max(0, int(word["x0"] * s)):int(word["x1"] * s) + 1].any(axis=1)
    inked = rows.nonzero()[0]
    if inked.size < 2:
        return word
    return {**word, "top": (top + inked[0]) / s, "bottom": (top + inked[-1] + 1) / s}


def _seam(text: str, widths: list[float], width: float) -> int | None:
    """Where to cut `text` so that its first part is `width` wide (`widths`: a character of
    Chinese is one em, a digit or a Latin letter about half): preferably at a space, where digits
    meet characters or where an amount ends, else between any two characters, whichever is
    nearest (a seam is worth half a character); None when none comes within a character or two,
    or when the place nearest touches a punctuation mark: the blank inside its glyph (the 、 of
    一、, the ： of 部门：, a bracket's) is no gutter."""
    edges = [sum(widths[:i]) for i in range(len(text) + 1)]
    nearest = min(range(1, len(text)), key=lambda i: abs(edges[i] - width), default=None)
    if nearest is None or is_mark(text[nearest - 1]) or is_mark(text[nearest]):
        return None
    ends = {m.end() for m in _AMOUNT.finditer(text)}
    best = None
    for i in range(1, len(text)):
        if is_mark(text[i - 1]) or is_mark(text[i]):
            continue
        seam = " " in text[i - 1:i + 1] or is_han(text[i - 1]) != is_han(text[i]) or i in ends
        off = abs(edges[i] - width) + (0.0 if seam else 0.5)
        if off <= 1.6 and (best is None or off < best[0]):
            best = (off, i)
    return best[1] if best else None


# A box's height says its font size to within this share (the detector pads glyphs unevenly).
_SIZE_NOISE = 0.35


def _one_size(words: list[dict]) -> list[dict]:
    """Words of the page's body size given that size exactly.  The unruled finder tells a
    table's rows from a title by font size, which a text layer states and OCR only estimates from
    each box's height (boxes of one 9 pt line vary by ±15 %, a few by 40 %, padded over a
    neighbour): a word is of the body's size when its box is within _SIZE_NOISE of the page's
    median or its glyphs' ink (`_ink_centred`) no taller than the body's em, and is kept centred
    where it was read."""
    if not words:
        return words
    body = sorted(w["size"] for w in words)[len(words) // 2]
    out = []
    for w in words:
        if abs(w["size"] - body) <= _SIZE_NOISE * body or w["bottom"] - w["top"] <= body:
            middle = (w["top"] + w["bottom"]) / 2
            w = {**w, "size": body, "top": middle - body / 2, "bottom": middle + body / 2}
        out.append(w)
    return out


_AMOUNT = re.compile(r"-?\d{1,3}(?:,\d{3})+\.\d{2}|-?\d+\.\d{2}")


def _amounts_apart(word: dict) -> list[dict]:
    """A box the engine read over a narrow gutter, several amounts (and the label before them)
    as one ("487.000.00 0.00", "城乡社区支出 515.05515.05"), as one word each, placed by their
    share of the characters.  Amounts are printed with two decimals, which is where one ends."""
    text = word["text"]
    spans = [m.span() for m in _AMOUNT.finditer(text)]
    if not spans or text[spans[-1][1]:].strip() or any(text[a:b].strip() for (_, a), (b, _) in zip(spans, spans[1:])):
        return [word]
    head = text[:spans[0][0]].strip()
    if len(spans) < 2 and not head:
        return [word]
    pieces = ([(0, spans[0][0])] if head else []) + spans
    width = (word["x1"] - word["x0"]) / len(text)
    return [{**word, "text": text[a:b].strip(), "x0": word["x0"] + a * width, "x1": word["x0"] + b * width}
            for a, b in pieces]


def is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"
