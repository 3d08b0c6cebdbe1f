"""Tables printed without rules: cell grids rebuilt from where the words sit on a PDF page.

Owns the unruled-table finder used by `read_pdf`: given one pdfplumber page (and the boxes of
ruled tables already found on it), it returns the regions laid out as a grid - text lines in
two or more columns that share left edges, containing numbers - as rows of cells.  Cells that
wrap onto several lines inside their column are joined into one cell ("\n" between lines);
cells vertically centred in a taller row belong to that row.  Titles, 公开NN表, 部门：/单位：
lines, notes and paragraphs are not part of any table.

Every threshold is derived from the page itself: the font size of the words and the vertical
gaps between the lines of one column (the line spacing inside a wrapped cell is smaller than
the padding between two rows).  Coordinates are PDF points, origin at the page's top left.
Page-spanning tables are the caller's business.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from statistics import median
from typing import Iterable, Sequence

BBox = tuple[float, float, float, float]
CellText = tuple[str, BBox | None]

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class UnruledTable:
    """One unruled table on one page: its box and its rows, each row a tuple of
    (text as printed, wrapped lines joined by "\n"; cell box or None when blank).
    All rows have the same number of cells."""

    bbox: BBox
    rows: tuple[tuple[CellText, ...], ...]


@dataclass
class _Frag:
    """Words on one printed line that sit closer than half an em: a piece of one cell."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    text: str


@dataclass
class _Band:
    """Fragments whose vertical extents chain together: one table row (or a narrative line)."""

    frags: list[_Frag]
    top: float
    bottom: float

    @property
    def x0(self) -> float:
        return min(f.x0 for f in self.frags)

    @property
    def x1(self) -> float:
        return max(f.x1 for f in self.frags)


def find_unruled_tables(page, exclude: Sequence[BBox] = ()) -> list[UnruledTable]:
    """The unruled tables on `page`, top to bottom.  Words whose centre lies in one of the
    `exclude` boxes (ruled tables found already) are ignored."""
    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.ERROR)
    words = _words(page, exclude)
    if len(words) < 4:
        return []
    size = median(w["size"] for w in words)
    frags = _fragments(words)
    bands = _bands(frags, _row_gap_limit(frags, size))
    tables = []
    for region in _regions(bands, size):
        table = _grid(region, size)
        if table is not None:
            tables.append(table)
    return tables


# --- words and fragments ----------------------------------------------------------------------


def _words(page, exclude: Sequence[BBox]) -> list[dict]:
    words = page.extract_words(x_tolerance=1, y_tolerance=1, keep_blank_chars=False,
                               use_text_flow=False, extra_attrs=["size"])
    out = []
    for w in words:
        if not w["text"].strip():
            continue
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        if any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in exclude):
            continue
        w["size"] = float(w.get("size") or (w["bottom"] - w["top"]) or 10.0)
        out.append(w)
    return out


def _fragments(words: list[dict]) -> list[_Frag]:
    """Words on one line (same top, within a fifth of an em) joined while the gap between them
    stays under half an em; a wider gap is a column gutter.  A gap the width of a space or more
    becomes one space in the text."""
    words = sorted(words, key=lambda w: (w["top"], w["x0"]))
    lines: list[list[dict]] = []
    for w in words:
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= 0.2 * w["size"]:
            lines[-1].append(w)
        else:
            lines.append([w])
    frags: list[_Frag] = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        cur: list[dict] = [line[0]]
        for w in line[1:]:
            prev = cur[-1]
            if w["x0"] - prev["x1"] < 0.5 * max(w["size"], prev["size"]):
                cur.append(w)
            else:
                frags.append(_frag(cur))
                cur = [w]
        frags.append(_frag(cur))
    return frags


def _frag(words: list[dict]) -> _Frag:
    parts = [words[0]["text"]]
    for prev, w in zip(words, words[1:]):
        gap = w["x0"] - prev["x1"]
        parts.append((" " if gap >= 0.12 * w["size"] else "") + w["text"])
    return _Frag(min(w["x0"] for w in words), max(w["x1"] for w in words), min(w["top"] for w in words),
                 max(w["bottom"] for w in words), median(w["size"] for w in words), "".join(parts))


# --- rows -----------------------------------------------------------------------------------


def _row_gap_limit(frags: list[_Frag], size: float) -> float:
    """The largest vertical gap between two lines of one wrapped cell.

    The gaps between consecutive lines that start at the same x (one column) fall into two
    groups: the line spacing inside a wrapped cell, and the padding between rows (at least as
    large).  A cell's lines are leaded at well under 1.6 em (gap under 0.6 em); the limit is
    set midway between the largest gap below 0.6 em and the smallest gap above it."""
    by_x: dict[int, list[_Frag]] = {}
    for f in frags:
        by_x.setdefault(round(f.x0), []).append(f)
    gaps = []
    for column in by_x.values():
        column.sort(key=lambda f: f.top)
        for a, b in zip(column, column[1:]):
            gap = b.top - a.bottom
            if 0 <= gap < 1.5 * size and abs(a.size - b.size) < 0.1 * size:
                gaps.append(gap)
    split = 0.6 * size
    inside = [g for g in gaps if g < split]
    between = [g for g in gaps if g >= split]
    if inside and between:
        return (max(inside) + min(between)) / 2
    if inside:
        return max(inside) + 0.1 * size
    return 0.5 * size


def _bands(frags: list[_Frag], limit: float) -> list[_Band]:
    """Fragments swept top to bottom; one starts a new band when it begins further than
    `limit` below everything in the current band.  A cell centred in a tall row overlaps or
    nearly touches the row's other lines, so it joins their band."""
    bands: list[_Band] = []
    for f in sorted(frags, key=lambda f: (f.top, f.x0)):
        if bands and f.top - bands[-1].bottom <= limit:
            band = bands[-1]
            band.frags.append(f)
            band.bottom = max(band.bottom, f.bottom)
        else:
            bands.append(_Band([f], f.top, f.bottom))
    return bands


def _side_by_side(band: _Band, size: float) -> bool:
    """True when two fragments of the band sit next to each other: disjoint in x (a gutter of
    half an em at least) and overlapping in y."""
    fs = band.frags
    for i, a in enumerate(fs):
        for b in fs[i + 1:]:
            if min(a.bottom, b.bottom) <= max(a.top, b.top):
                continue
            if b.x0 - a.x1 >= 0.5 * size or a.x0 - b.x1 >= 0.5 * size:
                return True
    return False


# --- regions --------------------------------------------------------------------------------


def _regions(bands: list[_Band], size: float) -> list[list[_Band]]:
    """Runs of consecutive bands laid out in columns.

    A run grows from bands with fragments side by side; a band of one column joins it when it
    follows within a row's spacing and starts at one of the run's column edges.  Runs need two
    rows, two columns and a number; bands at either end whose left edges match no column of
    the rest (a 部门：… 单位：… line above a header, say) are trimmed off."""
    tol = 0.2 * size
    multi = [_side_by_side(b, size) for b in bands]
    gaps = [b.top - a.bottom for a, b, ma, mb in zip(bands, bands[1:], multi, multi[1:]) if ma and mb]
    gaps = [g for g in gaps if g >= 0]
    if not gaps:
        return []
    row_gap = median(gaps)
    gap_limit = row_gap + 0.5 * size

    runs: list[list[_Band]] = []
    cur: list[_Band] = []
    for band, is_multi in zip(bands, multi):
        near = bool(cur) and band.top - cur[-1].bottom <= gap_limit and _similar_size(cur, band)
        if is_multi:
            if near:
                cur.append(band)
            else:
                if cur:
                    runs.append(cur)
                cur = [band]
        elif near and _starts_at_column(band, cur, tol):
            cur.append(band)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)

    out = []
    for run in runs:
        run = _trim(run, tol)
        if len(run) < 2:
            continue
        if len(_column_starts(run, tol)) < 2 or not any(_side_by_side(b, size) for b in run):
            continue
        if not any(_DIGIT.search(f.text) for b in run for f in b.frags):
            continue
        out.append(run)
    return out


def _similar_size(run: list[_Band], band: _Band) -> bool:
    ref = median(f.size for b in run for f in b.frags)
    return all(abs(f.size - ref) <= 0.15 * ref for f in band.frags)


def _starts_at_column(band: _Band, run: list[_Band], tol: float) -> bool:
    edges = [f.x0 for b in run for f in b.frags]
    return all(any(abs(f.x0 - e) <= tol for e in edges) for f in band.frags)


def _trim(run: list[_Band], tol: float) -> list[_Band]:
    """Drop end bands none of whose left edges is shared with another band of the run."""
    def aligned(i: int) -> bool:
        others = [f.x0 for j, b in enumerate(run) if j != i for f in b.frags]
        return any(any(abs(f.x0 - e) <= tol for e in others) for f in run[i].frags)

    while len(run) >= 2 and not aligned(0):
        run = run[1:]
    while len(run) >= 2 and not aligned(len(run) - 1):
        run = run[:-1]
    return run


def _column_starts(run: Iterable[_Band], tol: float) -> list[float]:
    xs = sorted(f.x0 for b in run for f in b.frags)
    starts: list[list[float]] = []
    for x in xs:
        if starts and x - starts[-1][-1] <= tol:
            starts[-1].append(x)
        else:
            starts.append([x])
    return [min(group) for group in starts]


# --- grid -----------------------------------------------------------------------------------


def _grid(run: list[_Band], size: float) -> UnruledTable | None:
    tol = 0.2 * size
    starts = _column_starts(run, tol)
    rows: list[tuple[CellText, ...]] = []
    for band in run:
        cells: list[list[_Frag]] = [[] for _ in starts]
        for f in band.frags:
            idx = max(i for i, s in enumerate(starts) if s <= f.x0 + tol) if f.x0 + tol >= starts[0] else 0
            cells[idx].append(f)
        rows.append(tuple(_cell(fs, size) for fs in cells))
    x0 = min(b.x0 for b in run)
    x1 = max(b.x1 for b in run)
    bbox = (x0, run[0].top, x1, run[-1].bottom)
    return UnruledTable(bbox, tuple(rows))


def _cell(frags: list[_Frag], size: float) -> CellText:
    if not frags:
        return ("", None)
    frags = sorted(frags, key=lambda f: (f.top, f.x0))
    lines: list[list[_Frag]] = []
    for f in frags:
        if lines and abs(f.top - lines[-1][0].top) <= 0.2 * size:
            lines[-1].append(f)
        else:
            lines.append([f])
    text = "\n".join(" ".join(f.text for f in sorted(line, key=lambda f: f.x0)) for line in lines)
    box = (min(f.x0 for f in frags), min(f.top for f in frags), max(f.x1 for f in frags),
           max(f.bottom for f in frags))
    return (text, box)
