"""An OCR'd page's text boxes and ruling lines as the PDF reader's words and cell grids.

Owns the geometry of a scanned page: ruled tables from the rules found in the image (row and
column boundaries where rules run; a stretch of boundary without ink is a merged cell, given as
None in the slots it covers, as pdfplumber gives it), each text box put in the cell its centre
falls in (a box the engine read across a printed rule is cut at the rule); unruled tables from
the boxes' alignment through the same finder the PDF reader uses (`pdf_unruled`), the boxes
first given as a text layer gives its words (`ocr_words`); the rest as word dicts for lines.  Every cell keeps the lowest confidence of the boxes it holds.
"""
from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher

from .model import BBox, Block, Cell, RawTable, TextLine
from .ocr import Box, PageScan, Rule
from .ocr_words import is_han as _is_han
from domain.normalize import compact, nfkc
from domain.ocr import REPEAT_SHARE

# Rules closer than this (points) are one boundary; a rule meets another within it.
_SNAP = 3.5
# How far (points) a vertical rule's end may stick out beyond the horizontal rule it meets.
_TOUCH = 4.0
# A table is at least this big (points).
_MIN_W, _MIN_H = 60.0, 25.0

Grid = tuple[BBox, tuple[tuple[Cell, ...], ...]]


def page_layout(scan: PageScan) -> tuple[list[Grid], list[dict]]:
    """(ruled and unruled grids with their boxes, word dicts of the text outside them)."""
    grids: list[Grid] = []
    taken: set[int] = set()
    for frame in _frames(scan.horizontal, scan.vertical):
        inside: set[int] = set()
        grid = _ruled_grid(scan, frame, inside)
        if grid and any(cell.text for row in grid[1] for cell in row):  # rules around nothing: a photo's edges
            grids.append(grid)
            taken |= inside
    words = [_word(b) for i, b in enumerate(scan.boxes) if i not in taken]
    if not grids:
        from .pdf_unruled import find_unruled_tables

        from .ocr_words import text_layer_words

        held = [_word(b) for b in scan.faint]  # ink the engine could not read holds its place
        for table in find_unruled_tables(_BoxPage(text_layer_words(words, held, scan))):
            grids.append((_round(table.bbox), tuple(tuple(_unruled_cell(text, box, words, scan.number) for text, box in row)
                                                    for row in table.rows)))
        boxes = [bbox for bbox, _ in grids]
        words = [w for w in words if not _inside(w, boxes)]
    return grids, words


# --- ruled tables ---------------------------------------------------------------------------


def _frames(horizontal: tuple[Rule, ...], vertical: tuple[Rule, ...]) -> list[tuple[list[Rule], list[Rule]]]:
    """Rules that cross or meet one another, grouped: one group per ruled table.  A vertical
    stroke is a rule only where it runs from one horizontal rule to another (the long stroke of
    a character such as 事 stops short of them)."""
    vertical = tuple(v for v in vertical if _meets(v.start, v.at, horizontal, -1) and _meets(v.end, v.at, horizontal, 1))
    rules = [("h", r) for r in horizontal] + [("v", r) for r in vertical]
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, (k, _) in enumerate(rules) if k == "h"]
    vs = [i for i, (k, _) in enumerate(rules) if k == "v"]
    for i in hs:
        h = rules[i][1]
        for j in vs:
            v = rules[j][1]
            if h.start - _SNAP <= v.at <= h.end + _SNAP and v.start - _SNAP <= h.at <= v.end + _SNAP:
                parent[find(i)] = find(j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, (kind, rule) in enumerate(rules):
        group = groups.setdefault(find(i), ([], []))
        group[0 if kind == "h" else 1].append(rule)
    out = []
    for h, v in groups.values():
        if len(h) < 2 or len(v) < 2:
            continue
        x0, x1 = min(r.at for r in v), max(r.at for r in v)
        y0, y1 = min(r.at for r in h), max(r.at for r in h)
        if x1 - x0 >= _MIN_W and y1 - y0 >= _MIN_H:
            out.append((h, v))
    out.sort(key=lambda f: min(r.at for r in f[0]))
    return out


def _meets(y: float, x: float, horizontal: tuple[Rule, ...], side: int) -> bool:
    """A vertical rule's end at (x, y) reaches a horizontal rule: it runs into the rule's stroke
    and may stick out beyond it (its thickness, the blur) by up to _TOUCH, but does not stop short
    of it (side -1: the top end, which lies above the rule or on it; 1: the bottom end)."""
    return any(-1.0 <= side * (y - h.at) <= _TOUCH and h.start - _SNAP <= x <= h.end + _SNAP for h in horizontal)


def _positions(values: list[float]) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= _SNAP:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _ruled_grid(scan: PageScan, frame, taken: set[int]) -> Grid | None:
    from .ocr_rules import covered

    h_rules, v_rules = frame
    ys, xs = _positions([r.at for r in h_rules]), _positions([r.at for r in v_rules])
    if len(ys) < 2 or len(xs) < 2:
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    # wall[r][c]: a rule at xs[c] between rows ys[r]..ys[r+1]; floor[r][c]: a rule at ys[r] over xs[c]..xs[c+1]
    wall = [[c in (0, n_cols) or covered(scan.ink, scan.scale, False, xs[c], ys[r], ys[r + 1])
             for c in range(n_cols + 1)] for r in range(n_rows)]
    floor = [[r in (0, n_rows) or covered(scan.ink, scan.scale, True, ys[r], xs[c], xs[c + 1])
              for c in range(n_cols)] for r in range(n_rows + 1)]
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            if (r, c) in owner:
                continue
            c2 = c
            while c2 + 1 < n_cols and not wall[r][c2 + 1] and (r, c2 + 1) not in owner:
                c2 += 1
            r2 = r
            while r2 + 1 < n_rows and not any(floor[r2 + 1][k] for k in range(c, c2 + 1)):
                r2 += 1
            for rr in range(r, r2 + 1):
                for cc in range(c, c2 + 1):
                    owner[(rr, cc)] = (r, c)
            spans[(r, c)] = (r2, c2)
    texts: dict[tuple[int, int], list[Box]] = {}
    x_lo, x_hi, y_lo, y_hi = xs[0], xs[-1], ys[0], ys[-1]
    for i, box in enumerate(scan.boxes):
        cx, cy = (box.bbox[0] + box.bbox[2]) / 2, (box.bbox[1] + box.bbox[3]) / 2
        if not (x_lo <= cx <= x_hi and y_lo <= cy <= y_hi):
            continue
        taken.add(i)
        r = _slot(ys, cy)
        for piece in _cut_at_walls(box, xs, wall[r]):
            px = (piece.bbox[0] + piece.bbox[2]) / 2
            texts.setdefault(owner[(r, _slot(xs, px))], []).append(piece)
    rows = []
    for r in range(n_rows):
        row = []
        for c in range(n_cols):
            if owner[(r, c)] != (r, c):
                row.append(Cell(None, scan.number))
                continue
            r2, c2 = spans[(r, c)]
            box = _round((xs[c], ys[r], xs[c2 + 1], ys[r2 + 1]))
            row.append(_cell(texts.get((r, c), []), box, scan.number))
        if any(cell.text is not None for cell in row):
            rows.append(tuple(row))
    return (_round((x_lo, y_lo, x_hi, y_hi)), tuple(rows))


def _slot(bounds: list[float], v: float) -> int:
    for i in range(len(bounds) - 1):
        if v < bounds[i + 1]:
            return i
    return len(bounds) - 2


def _cut_at_walls(box: Box, xs: list[float], walls: list[bool]) -> list[Box]:
    """A box the engine read across printed rules (two cells' text as one), cut at each rule
    with at least a character's width of the box on both sides; the text is cut near the same proportion,
    at a space or where digits meet characters if there is one close by (75.合计 → 75. | 合计)."""
    x0, top, x1, bottom = box.bbox
    em = 0.8 * (bottom - top)  # about one character: the engine pads its boxes by less than that
    cuts = [x for x, wall in zip(xs, walls) if wall and x - x0 >= em and x1 - x >= em]
    if not cuts or len(box.text) < 2:
        return [box]
    out, text, left = [], box.text, x0
    for x in cuts:
        share = (x - left) / (x1 - left)
        at = max(1, min(len(text) - 1, round(len(text) * share)))
        near = [i for i in range(max(1, at - 2), min(len(text) - 1, at + 2) + 1)]
        seams = [i for i in near if text[i] == " " or _is_han(text[i - 1]) != _is_han(text[i])]
        if seams:
            at = min(seams, key=lambda i: (text[i] != " ", abs(i - at)))
        out.append(Box(text[:at].strip(), box.confidence, (left, top, x, bottom)))
        text, left = text[at:].strip(), x
    out.append(Box(text, box.confidence, (left, top, x1, bottom)))
    return [b for b in out if b.text]


def _cell(boxes: list[Box], bbox: BBox, page: int) -> Cell:
    if not boxes:
        return Cell("", page, None, bbox)
    return Cell(nfkc(_joined(boxes)), page, None, bbox, round(min(b.confidence for b in boxes), 4))


def _joined(boxes: list[Box]) -> str:
    """Boxes of one cell as its text: lines by vertical overlap, top down, "\n" between them."""
    lines: list[list[Box]] = []
    for b in sorted(boxes, key=lambda b: (b.bbox[1], b.bbox[0])):
        mid = (b.bbox[1] + b.bbox[3]) / 2
        for line in lines:
            if line[0].bbox[1] <= mid <= line[0].bbox[3]:
                line.append(b)
                break
        else:
            lines.append([b])
    out = []
    for line in lines:
        line.sort(key=lambda b: b.bbox[0])
        parts = [line[0].text]
        for prev, b in zip(line, line[1:]):
            gap = b.bbox[0] - prev.bbox[2]
            parts.append((" " if gap > 0.3 * (b.bbox[3] - b.bbox[1]) else "") + b.text)
        out.append("".join(parts))
    return "\n".join(out)


# --- unruled tables and words ---------------------------------------------------------------


def _word(box: Box) -> dict:
    x0, top, x1, bottom = box.bbox
    # the engine's boxes are padded around the glyphs (the font is about 0.7 of a box's height):
    # the word is the glyphs, so that the lines of a table do not touch one another
    middle, half = (top + bottom) / 2, 0.35 * (bottom - top)
    return {"text": nfkc(box.text), "x0": x0, "x1": x1, "top": middle - half, "bottom": middle + half,
            "size": 2 * half, "confidence": box.confidence}


class _BoxPage:
    """The little of a pdfplumber page that `pdf_unruled` reads, over OCR'd words."""

    lines: list = []
    rects: list = []
    curves: list = []
    vertical_edges: list = []

    def __init__(self, words: list[dict]):
        self._words = words
        self.chars = words

    def extract_words(self, **_):
        return [dict(w) for w in self._words]


def _unruled_cell(text: str, box: BBox | None, words: list[dict], page: int) -> Cell:
    from .ocr_words import without_unread

    text = without_unread(text)
    if not box:
        return Cell("", page)
    inside = [w["confidence"] for w in words if _inside(w, [box])]
    return Cell(nfkc(text), page, None, _round(box), round(min(inside), 4) if inside else None)


def _inside(word: dict, boxes: list[BBox]) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(b[0] - 1 <= x <= b[2] + 1 and b[1] - 1 <= y <= b[3] + 1 for b in boxes)


def _round(box) -> BBox:
    return tuple(round(float(v), 2) for v in box)  # type: ignore[return-value]


def as_printed(blocks: list[Block], scan: PageScan) -> list[Block]:
    """The page's blocks with their boxes where they stand on the page as printed, when it was
    straightened to be read (lines and rows are found on the straightened page)."""
    if not scan.turn:
        return blocks

    def cells(row):
        return None if row is None else tuple(replace(c, bbox=scan.unturned(c.bbox)) for c in row)

    out: list[Block] = []
    for block in blocks:
        if isinstance(block, TextLine):
            out.append(replace(block, bbox=scan.unturned(block.bbox)))
        else:
            out.append(RawTable(tuple(cells(r) for r in block.rows), block.context, cells(block.spill_above),
                                cells(block.spill_below)))
    return out


def without_repeats(grids: list[Grid], words: list[dict], kept: list[TextLine],
                    scan: PageScan) -> tuple[list[Grid], list[dict]]:
    """The page's OCR'd grids and words less what repeats the text-layer lines kept for it (its
    title, 单位 line, page number, which the image shows too): a word, or a grid whose every
    printed cell, reads as one of those lines at its place (domain.ocr.REPEAT_SHARE)."""
    def repeats(text: str | None, bbox) -> bool:
        return bool(text and bbox) and any(_repeats(text, scan.unturned(bbox), line) for line in kept)

    grids = [g for g in grids if not all(repeats(c.text, c.bbox) for row in g[1] if row for c in row if c.text)]
    words = [w for w in words if not repeats(w["text"], (w["x0"], w["top"], w["x1"], w["bottom"]))]
    return grids, words


def _repeats(text: str, bbox: BBox, line: TextLine) -> bool:
    """The text stands within half a line height of the line's box and REPEAT_SHARE of its
    characters are the line's, in order."""
    x0, top, x1, bottom = line.bbox  # type: ignore[misc]
    reach = (bottom - top) / 2
    x, y = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    if not (x0 - reach <= x <= x1 + reach and top - reach <= y <= bottom + reach):
        return False
    mine, theirs = compact(nfkc(text)), compact(line.text)
    if not mine:
        return True  # only spaces and marks at the title's place
    same = sum(m.size for m in SequenceMatcher(None, mine, theirs, autojunk=False).get_matching_blocks())
    return same >= REPEAT_SHARE * len(mine)
