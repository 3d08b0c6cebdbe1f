r"""Tables printed without rules: cell grids rebuilt from where the words sit on a PDF page.

Owns the unruled-table finder used by `read_pdf`: given one pdfplumber page (and the boxes of
ruled tables already found on it), it returns the regions laid out as a grid - consecutive
text lines in two or more columns that share left edges, containing numbers - as rows of
cells.  Cells that wrap onto several lines inside their column are joined into one cell ("\n"
between lines); cells vertically centred in a taller row belong to that row.  Titles,
公开NN表, 部门：/单位： lines, notes and paragraphs are not part of any table, and neither are
words between two vertical rules (ruled cells, even those the ruled-table finder missed).

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
_AMOUNT = re.compile(r"^-?\d[\d,]*\.\d{2}$")


@dataclass(frozen=True)
class UnruledTable:
    r"""One unruled table on one page: its box and its rows, each row a tuple of
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
    bands = _bands(frags, _row_gap_limit(frags))
    return [_grid(region, size) for region in _regions(bands, size)]


# --- words and fragments ----------------------------------------------------------------------


def _words(page, exclude: Sequence[BBox]) -> list[dict]:
    """The page's words, without those in an excluded box or between two vertical rules (a
    ruled cell the ruled-table finder left out, such as a row cut open by the page end)."""
    words = page.extract_words(x_tolerance=1, y_tolerance=1, keep_blank_chars=False,
                               use_text_flow=False, extra_attrs=["size"])
    ruled = _VerticalRules(page)
    out = []
    for w in words:
        if not w["text"].strip():
            continue
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        if any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in exclude):
            continue
        if ruled.encloses(w["x0"], w["x1"], cy):
            continue
        w["size"] = float(w.get("size") or (w["bottom"] - w["top"]) or 10.0)
        out.append(w)
    return out


class _VerticalRules:
    """Vertical rules of the page (lines, thin rectangles, rectangle sides), bucketed by y."""

    _STEP = 20.0

    def __init__(self, page) -> None:
        self.buckets: dict[int, list[tuple[float, float, float]]] = {}
        try:
            edges = page.vertical_edges if (page.lines or page.rects or page.curves) else []
        except Exception:  # pragma: no cover - malformed graphics: treat the page as unruled
            edges = []
        for e in edges:
            top, bottom = float(e["top"]), float(e["bottom"])
            if bottom - top < 2:
                continue
            for k in range(int(top // self._STEP), int(bottom // self._STEP) + 1):
                self.buckets.setdefault(k, []).append((float(e["x0"]), top, bottom))

    def encloses(self, x0: float, x1: float, y: float) -> bool:
        left = right = False
        for x, top, bottom in self.buckets.get(int(y // self._STEP), ()):
            if top <= y <= bottom:
                left = left or x <= x0 + 1
                right = right or x >= x1 - 1
                if left and right:
                    return True
        return False


def _fragments(words: list[dict]) -> list[_Frag]:
    """Words on one printed line joined while the gap between them stays under half an em; a
    wider gap is a column gutter.  A word is on a line when its vertical centre lies within the
    line's first word (numbers set in another font sit a little lower than the text around
    them); a cell centred between two lines of its neighbour falls outside both.  A gap the
    width of a space or more becomes one space in the text."""
    words = sorted(words, key=lambda w: (w["top"], w["x0"]))
    lines: list[list[dict]] = []
    for w in words:
        mid = (w["top"] + w["bottom"]) / 2
        for line in reversed(lines[-4:]):
            if line[0]["top"] <= mid <= line[0]["bottom"]:
                line.append(w)
                break
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


def _row_gap_limit(frags: list[_Frag]) -> float:
    """The largest vertical gap, in ems, between two lines of one wrapped cell.

    The gaps between consecutive lines that start at the same x (one column) fall into two
    groups: the line spacing inside a wrapped cell (or a paragraph), and the padding between
    rows, which is larger.  Lines are leaded at well under 1.6 em (a gap under 0.6 em); the
    limit is set midway between the largest gap below 0.6 em and the smallest above it."""
    by_x: dict[int, list[_Frag]] = {}
    for f in frags:
        by_x.setdefault(round(f.x0), []).append(f)
    gaps = []
    for column in by_x.values():
        column.sort(key=lambda f: f.top)
        for a, b in zip(column, column[1:]):
            if abs(a.size - b.size) > 0.1 * a.size:
                continue
            gap = (b.top - a.bottom) / a.size
            if 0 <= gap < 1.5:
                gaps.append(gap)
    inside = [g for g in gaps if g < 0.6]
    between = [g for g in gaps if g >= 0.6]
    if inside and between:
        return (max(inside) + min(between)) / 2
    if inside:
        return max(inside) + 0.1
    return 0.5


def _bands(frags: list[_Frag], limit: float) -> list[_Band]:
    """Fragments swept top to bottom; one starts a new band when it begins further than
    `limit` ems below everything in the current band.  A cell centred in a tall row overlaps or
    nearly touches the row's other lines, so it joins their band."""
    bands: list[_Band] = []
    for f in sorted(frags, key=lambda f: (f.top, f.x0)):
        if bands and f.top - bands[-1].bottom <= limit * f.size:
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

    A run grows from bands with fragments side by side (a gutter between them); a band of one
    column joins it when it lies within a row's spacing of the run, has the run's font size and
    either starts at one of the run's column edges or sits inside the run's width (the rest of
    a row cut by the page break).  Bands at either end that share no column edge with the rest
    and reach outside it (a 部门：… 单位：… line above a header, say) are trimmed off.  A run is
    a table when it has two rows, two columns, cells side by side in half its rows at least,
    and a number - or, without numbers, two rows side by side whose columns line up (a
    table's label rows cut off by the page end).  A single row is a table only as the first or last text of the page (a header left behind by
    a page break, the last row of a table carried over) and when it has three columns or a
    cell wrapped beside another."""
    tol = 0.2 * size
    multi = [_side_by_side(b, size) for b in bands]
    gaps = [b.top - a.bottom for a, b, ma, mb in zip(bands, bands[1:], multi, multi[1:]) if ma and mb]
    gaps = [g for g in gaps if g >= 0]
    if not any(multi):
        return []
    # rows of a table follow each other at their padding; a lone row gets half an em of slack
    gap_limit = min(median(gaps) if gaps else 0.5 * size, size) + 0.5 * size

    def joins(band: _Band, run: list[_Band], gap: float) -> bool:
        return gap <= gap_limit and _similar_size(run, band) and (
            _starts_at_column(band, run, tol) or _inside(band, run, tol))

    runs: list[list[int]] = []
    i = 0
    while i < len(bands):
        if not multi[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(bands):
            gap = bands[j].top - bands[run[-1]].bottom
            members = [bands[k] for k in run]
            if multi[j] and gap <= gap_limit and _similar_size(members, bands[j]):
                run.append(j)
            elif not multi[j] and joins(bands[j], members, gap):
                run.append(j)
            else:
                break
            j += 1
        k = run[0] - 1
        taken = runs[-1][-1] if runs else -1
        while k > taken and not multi[k] and joins(bands[k], [bands[m] for m in run],
                                                   bands[run[0]].top - bands[k].bottom):
            run.insert(0, k)
            k -= 1
        runs.append(run)
        i = j

    out = []
    for idx in runs:
        run = _trim([bands[k] for k in idx], tol)
        columns = len(_column_starts(run, tol))
        if columns < 2:
            continue
        if len(run) == 1:
            # a lone header row closing the page, or the last row of a table opening it
            at_edge = run[0] is bands[0] or run[0] is bands[-1]
            if at_edge and _side_by_side(run[0], size) and (columns >= 3 or _wrapped(run[0], size)):
                out.append(run)
            continue
        side = sum(1 for b in run if _side_by_side(b, size))
        if 2 * side < len(run):
            continue  # mostly lines of one column: a list or a contents page, not a grid
        numbers = any(_DIGIT.search(f.text) for b in run for f in b.frags)
        if numbers or (side >= 2 and _shared_columns(run, tol) >= 2):
            out.append(run)
    return out


def _similar_size(run: list[_Band], band: _Band) -> bool:
    ref = median(f.size for b in run for f in b.frags)
    return all(abs(f.size - ref) <= 0.15 * ref for f in band.frags)


def _starts_at_column(band: _Band, run: list[_Band], tol: float) -> bool:
    edges = [f.x0 for b in run for f in b.frags]
    return all(any(abs(f.x0 - e) <= tol for e in edges) for f in band.frags)


def _inside(band: _Band, run: list[_Band], tol: float) -> bool:
    """The band lies within the run's width, clear of its left edge (narrative starts at the
    margin, left of or at the first column)."""
    left = min(b.x0 for b in run)
    right = max(b.x1 for b in run)
    return band.x0 > left + tol and band.x1 <= right + tol


def _trim(run: list[_Band], tol: float) -> list[_Band]:
    """Drop end bands that share no left edge with the rest of the run and reach outside it."""
    def belongs(i: int) -> bool:
        rest = run[:i] + run[i + 1:]
        others = [f.x0 for b in rest for f in b.frags]
        shared = any(any(abs(f.x0 - e) <= tol for e in others) for f in run[i].frags)
        return shared or _inside(run[i], rest, tol)

    while len(run) >= 2 and not belongs(0):
        run = run[1:]
    while len(run) >= 2 and not belongs(len(run) - 1):
        run = run[:-1]
    return run


def _wrapped(band: _Band, size: float) -> bool:
    """True when some column of the band holds two lines (a wrapped cell)."""
    tops: dict[int, set[int]] = {}
    for f in band.frags:
        tops.setdefault(round(f.x0 / (0.2 * size)), set()).add(round(f.top / (0.2 * size)))
    return any(len(t) >= 2 for t in tops.values())


def _shared_columns(run: list[_Band], tol: float) -> int:
    """How many column edges start fragments in two bands or more."""
    count = 0
    for edge in _column_starts(run, tol):
        if sum(1 for b in run if any(abs(f.x0 - edge) <= tol for f in b.frags)) >= 2:
            count += 1
    return count


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


def _grid(run: list[_Band], size: float) -> UnruledTable:
    """Columns start at the run's left edges (those that begin one column between them taken
    as one); a fragment goes to the last column starting at or left of it; a column holding
    nothing in a row gives a blank cell."""
    tol = 0.2 * size
    starts = _one_column_starts(run, _column_starts(run, tol), tol)
    rows: list[tuple[CellText, ...]] = []
    for band in run:
        cells: list[list[_Frag]] = [[] for _ in starts]
        for f in band.frags:
            idx = max(i for i, s in enumerate(starts) if s <= f.x0 + tol) if f.x0 + tol >= starts[0] else 0
            cells[idx].append(f)
        rows.append(tuple(_cell(fs) for fs in cells))
    x0 = min(b.x0 for b in run)
    x1 = max(b.x1 for b in run)
    bbox = (x0, run[0].top, x1, run[-1].bottom)
    return UnruledTable(bbox, tuple(rows))


def _one_column_starts(run: list[_Band], starts: list[float], tol: float) -> list[float]:
    """Left edges that begin one column between them.  Figures set flush right start further
    left the wider they are (1,323.27 | 812.45 | 96.32), and a label centred above its column
    starts where no cell of it does.  Neighbouring starts are one column when no row prints in
    both and the text starting at them overlaps in x, and a label above a column of flush-right
    figures belongs to it when it stands clear of the column on its left (项目支出 centred over
    a wide column, 58.00 at its right edge).  What prints side by side on one row is never joined.
    Only a table of figures is read so: a run where half the rows print an amount (lines of
    narrative taken for a run keep their edges as they are)."""
    if len(starts) < 2 or 2 * sum(any(_AMOUNT.search(f.text) for f in b.frags) for b in run) < len(run):
        return starts

    def index(f: _Frag) -> int:
        return max(i for i, s in enumerate(starts) if s <= f.x0 + tol) if f.x0 + tol >= starts[0] else 0

    cols: list[list[tuple[int, _Frag]]] = [[] for _ in starts]
    for r, band in enumerate(run):
        for f in band.frags:
            cols[index(f)].append((r, f))
    groups = [(s, c) for s, c in zip(starts, cols) if c]
    merged: list[tuple[float, list[tuple[int, _Frag]]]] = [groups[0]]
    for start, col in groups[1:]:
        prev = merged[-1][1]
        if not _rows(prev) & _rows(col) and max(f.x1 for _, f in prev) > min(f.x0 for _, f in col) + tol:
            merged[-1] = (merged[-1][0], prev + col)
        else:
            merged.append((start, col))
    out: list[tuple[float, list[tuple[int, _Frag]]]] = []
    for k, (start, col) in enumerate(merged):
        if out and _label_above_figures(out[-1][1], col, merged[k - 2][1] if k >= 2 else None, tol):
            out[-1] = (out[-1][0], out[-1][1] + col)
        else:
            out.append((start, col))
    return [start for start, _ in out]


def _rows(col: list[tuple[int, _Frag]]) -> set[int]:
    return {r for r, _ in col}


def _label_above_figures(label, figures, left, tol: float) -> bool:
    """`label` only above `figures`, which are flush right, and clear of the column left of it."""
    if _rows(label) & _rows(figures) or max(_rows(label)) >= min(_rows(figures)):
        return False
    if any(_DIGIT.search(f.text) for _, f in label) or not all(_DIGIT.search(f.text) for _, f in figures):
        return False
    rights = [f.x1 for _, f in figures]
    if len(rights) < 2 or max(rights) - min(rights) > tol:
        return False
    return (left is None or min(f.x0 for _, f in label) > max(f.x1 for _, f in left)) \
        and max(f.x1 for _, f in label) <= max(rights) + tol


def _cell(frags: list[_Frag]) -> CellText:
    r"""The cell's printed lines top to bottom, joined by "\n"; pieces of one line by a space."""
    if not frags:
        return ("", None)
    frags = sorted(frags, key=lambda f: (f.top, f.x0))
    lines: list[list[_Frag]] = []
    for f in frags:
        if lines and lines[-1][0].top <= (f.top + f.bottom) / 2 <= lines[-1][0].bottom:
            lines[-1].append(f)
        else:
            lines.append([f])
    text = "\n".join(" ".join(f.text for f in sorted(line, key=lambda f: f.x0)) for line in lines)
    box = (min(f.x0 for f in frags), min(f.top for f in frags), max(f.x1 for f in frags),
           max(f.bottom for f in frags))
    return (text, box)
