"""Unruled tables rebuilt from word positions, checked cell by cell against the text version.

The 002 twin prints its tables without rules; its cells are exactly the tab-separated cells of
text/002.  Every table row of the text file is looked for, in order, among the rows that
`find_unruled_tables` returns page by page (both sides through `compact`, trailing blank
cells and blank rows dropped).  Rows that one page cannot reproduce are listed in EXCEPTIONS
with the reason, and each is checked to be exactly that and nothing worse.
"""
from __future__ import annotations

import dataclasses
import difflib
import functools
import re
import time
from pathlib import Path

import pytest

from domain.normalize import clean_label, compact
from ingest.pdf_unruled import UnruledTable, find_unruled_tables

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
TWIN_002 = CORPUS / "pdf" / "002_5604d886435013c4.pdf"
TEXT_002 = CORPUS / "text" / "002_5604d886435013c4.txt"
TWIN_000 = CORPUS / "pdf" / "000_d038eb9fb139e057.pdf"
REAL_FINANCE = CORPUS / "real" / "上海市普陀区财政局2024年度部门决算.pdf"

# Rows of text/002 that one page of the twin cannot give back, keyed by (table, row): the
# table's index among the text file's tab-line runs and the row's index among its non-blank
# rows.  Kinds:
#   page-cut      the renderer breaks the row across two PDF pages; each page holds part of its
#                 cells, and joining them is the caller's work (page-spanning tables).
#   blank-column  a column blank in every row of the table's part on that page is invisible
#                 there, so the cells right of it come one column early (the caller re-cuts a
#                 continued table by x against the page before; a table's first page cannot).
#   cut-tail-alone  a page-cut row whose part on the next page is the end of one cell, printed
#                 alone above the next table's title: one column, no grid, so it stays text.
#   token-wrap    a run of dashes wider than its column is broken mid-run; the "\n" between the
#                 printed lines becomes a space under clean_label.
EXCEPTIONS: dict[tuple[int, int], str] = {
    (11, 0): "blank-column", (11, 18): "blank-column", (11, 20): "blank-column",
    (13, 0): "blank-column", (13, 1): "blank-column", (13, 2): "blank-column",
    (13, 4): "page-cut", (13, 22): "token-wrap",
    (14, 10): "page-cut", (14, 21): "blank-column",
    (15, 10): "page-cut",
    (17, 21): "page-cut",
    (18, 11): "page-cut",
    (19, 1): "blank-column", (19, 2): "page-cut", (19, 18): "page-cut",
    (20, 10): "page-cut",
    (21, 0): "blank-column", (21, 1): "blank-column", (21, 2): "page-cut",
    (22, 1): "token-wrap", (22, 2): "page-cut", (22, 16): "page-cut",
    (25, 3): "page-cut",
    (26, 10): "page-cut",
    (27, 11): "page-cut",
    (28, 0): "blank-column", (28, 1): "blank-column", (28, 20): "cut-tail-alone",
    (29, 20): "blank-column",
    (30, 1): "token-wrap", (30, 11): "page-cut",
    (31, 18): "page-cut", (31, 20): "blank-column",
    (32, 23): "blank-column",
    (33, 12): "page-cut",
}

# Measured on the twin: 730 table rows in 34 tables, 4615 cells.
MIN_ROWS, MIN_TABLES, MIN_CELLS = 694, 15, 4516


def _norm(cells) -> tuple[str, ...]:
    row = [compact(c) for c in cells]  # spaces inside text cells depend on where the PDF wrapped them
    while row and not row[-1]:
        row.pop()
    return tuple(row)


def _text_tables(path: Path) -> list[list[tuple[str, ...]]]:
    """Runs of tab-separated lines; a blank line inside a run (a page break) does not end it."""
    tables: list[list[tuple[str, ...]]] = []
    current: list[tuple[str, ...]] | None = None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if "\t" in line:
            if current is None:
                current = []
                tables.append(current)
            row = _norm(line.split("\t"))
            if row:
                current.append(row)
        elif line.strip():
            current = None
    return tables


@dataclasses.dataclass(frozen=True)
class PdfRow:
    page: int
    table: int
    first_on_page: bool
    last_on_page: bool
    cells: tuple[str, ...]


@functools.cache
def _pdf_002() -> tuple[list[list[UnruledTable]], float]:
    import pdfplumber

    start = time.perf_counter()
    with pdfplumber.open(TWIN_002) as pdf:
        tables = [find_unruled_tables(page) for page in pdf.pages]
    return tables, time.perf_counter() - start


def _pdf_rows(pages: list[list[UnruledTable]]) -> list[PdfRow]:
    out: list[PdfRow] = []
    for page_no, tables in enumerate(pages):
        rows = [(t_no, _norm(text for text, _ in row)) for t_no, table in enumerate(tables) for row in table.rows]
        rows = [(t_no, cells) for t_no, cells in rows if cells]
        for k, (t_no, cells) in enumerate(rows):
            out.append(PdfRow(page_no, t_no, k == 0, k == len(rows) - 1, cells))
    return out


@dataclasses.dataclass
class Comparison:
    text_tables: list[list[tuple[str, ...]]]
    keys: list[tuple[int, int]]  # (table, row) of each text row, in order
    text_rows: list[tuple[str, ...]]
    pdf_rows: list[PdfRow]
    matched: dict[int, int]  # text row index -> pdf row index, exact matches
    cells_matched: int
    seconds: float


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    pages, seconds = _pdf_002()
    tables = _text_tables(TEXT_002)
    keys = [(t, r) for t, rows in enumerate(tables) for r in range(len(rows))]
    text_rows = [row for rows in tables for row in rows]
    pdf_rows = _pdf_rows(pages)
    matcher = difflib.SequenceMatcher(None, text_rows, [r.cells for r in pdf_rows], autojunk=False)
    matched: dict[int, int] = {}
    cells = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                matched[i1 + k] = j1 + k
                cells += len(text_rows[i1 + k])
        elif tag == "replace":  # rows side by side: count the cells that agree
            for k in range(min(i2 - i1, j2 - j1)):
                cells += sum(a == b for a, b in zip(text_rows[i1 + k], pdf_rows[j1 + k].cells))
    return Comparison(tables, keys, text_rows, pdf_rows, matched, cells, seconds)


def test_002_grids_reproduce_the_text_tables(comparison: Comparison) -> None:
    c = comparison
    tables_ok = sum(
        all(i in c.matched for i, (t, _) in enumerate(c.keys) if t == table) for table in range(len(c.text_tables))
    )
    n_cells = sum(len(r) for r in c.text_rows)
    print(f"\n002 unruled: tables {tables_ok}/{len(c.text_tables)}, rows {len(c.matched)}/{len(c.text_rows)}, "
          f"cells {c.cells_matched}/{n_cells} exact; {len(c.pdf_rows)} PDF rows; {c.seconds:.2f}s for 52 pages")
    unmatched = {c.keys[i] for i in range(len(c.text_rows)) if i not in c.matched}
    unexpected = sorted(unmatched - EXCEPTIONS.keys())
    assert not unexpected, "rows not reproduced: " + "; ".join(
        f"{k}: {c.text_rows[c.keys.index(k)]}" for k in unexpected)
    assert len(c.matched) >= MIN_ROWS and len(c.matched) + len(EXCEPTIONS) >= len(c.text_rows)
    assert tables_ok >= MIN_TABLES
    assert c.cells_matched >= MIN_CELLS


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _explain(c: Comparison, index: int, kind: str, used: set[int]) -> set[int]:
    """The first PDF rows not yet accounted for that show the exception is what its kind says
    (empty if none does)."""
    row = c.text_rows[index]
    free = [j for j in range(len(c.pdf_rows)) if j not in used]
    if kind == "blank-column":
        filled = [x for x in row if x]
        return next(({j} for j in free if [x for x in c.pdf_rows[j].cells if x] == filled), set())
    if kind == "token-wrap":
        flat = [_compact(x) for x in row]
        return next(({j} for j in free if [_compact(x) for x in c.pdf_rows[j].cells] == flat), set())
    if kind == "page-cut":  # the last row of a page and the first of the next hold its cells
        want = sorted(_compact("".join(row)))
        for j in free:
            if j + 1 >= len(c.pdf_rows) or j + 1 in used:
                continue
            a, b = c.pdf_rows[j], c.pdf_rows[j + 1]
            if a.last_on_page and b.first_on_page and b.page == a.page + 1:
                if sorted(_compact("".join(a.cells + b.cells))) == want:
                    return {j, j + 1}
        return set()
    if kind == "cut-tail-alone":  # the page's last row holds every cell but their ends
        for j in free:
            cells = c.pdf_rows[j].cells
            if c.pdf_rows[j].last_on_page and len(cells) == len(row) and all(
                    _compact(t).startswith(_compact(p)) for t, p in zip(row, cells)):
                return {j}
        return set()
    raise AssertionError(kind)


def test_002_exceptions_are_only_what_they_say(comparison: Comparison) -> None:
    """Each listed row is in the output, cut or shifted only as its kind says; and every PDF row
    is a text-table row or a piece of a listed one (no narrative line became a table row)."""
    c = comparison
    used = set(c.matched.values())
    for key, kind in EXCEPTIONS.items():
        index = c.keys.index(key)
        if index in c.matched:
            continue  # reproduced after all
        rows = _explain(c, index, kind, used)
        assert rows, f"{key} {kind}: {c.text_rows[index]} not found in that form"
        used |= rows
    stray = [r for j, r in enumerate(c.pdf_rows) if j not in used]
    assert not stray, f"PDF rows matching no text row: {stray[:5]}"


def test_002_narrative_is_not_tabled() -> None:
    pages, _ = _pdf_002()
    furniture = re.compile(r"^(?:单位：万元|部门：|公开\s*\d+\s*表|注：|第[一二三四五]部分\s|项目支出绩效自评表)")
    for page_no, tables in enumerate(pages):
        for table in tables:
            for row in table.rows:
                for text, _ in row:
                    assert not furniture.match(clean_label(text)), (page_no, text)
    for index in (2, 11, 12, 13):  # prose only: the work summary, the notes, 名词解释
        assert pages[index] == [], index + 1


def test_002_table_shape() -> None:
    pages, seconds = _pdf_002()
    assert seconds < 15, f"{seconds:.1f}s for 52 pages"
    assert sum(len(t) for t in pages) > 30
    for tables in pages:
        tops = [t.bbox[1] for t in tables]
        assert tops == sorted(tops)
        for table in tables:
            with pytest.raises(dataclasses.FrozenInstanceError):
                table.rows = ()  # type: ignore[misc]
            width = len(table.rows[0])
            x0, top, x1, bottom = table.bbox
            for row in table.rows:
                assert len(row) == width
                for text, box in row:
                    assert (box is None) == (text == "")
                    if box:
                        assert x0 - 0.5 <= box[0] <= box[2] <= x1 + 0.5 and top - 0.5 <= box[1] <= box[3] <= bottom + 0.5


def test_ruled_twin_gives_no_unruled_tables() -> None:
    """On pages of the ruled 000 twin where pdfplumber finds ruled tables, the words outside
    them (titles, notes, a last row the page end left without its bottom rule) make no table."""
    import pdfplumber

    with pdfplumber.open(TWIN_000) as pdf:
        ruled = 0
        for page in pdf.pages:
            boxes = [t.bbox for t in page.find_tables()]
            if not boxes:
                continue
            ruled += 1
            assert find_unruled_tables(page, boxes) == [], page.page_number
    assert ruled >= 20


def test_prose_with_numbers_in_another_font_gives_none() -> None:
    """Prose whose figures are set in another font a few points lower (gaps around every
    number) is not a grid."""
    import pdfplumber

    with pdfplumber.open(REAL_FINANCE) as pdf:
        for index in (19, 20, 21):
            assert find_unruled_tables(pdf.pages[index]) == [], index + 1
