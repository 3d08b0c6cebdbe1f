"""Frozen records that flow through ingestion, from raw reading to facts.

Owns the shapes only: a raw document (lines and cell grids with where each was printed), the
interpreted table, the fact (one printed cell with complete provenance), the passage, and the
ingest result of one file.  Nothing here reads files or talks to the store.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, origin top-left


@dataclass(frozen=True)
class Cell:
    """One printed cell.  text is None for a merged cell (PDF), "" for a blank one.  confidence is
    the OCR engine's (0–1, the lowest of the text boxes in the cell) for a cell read from a page
    image, None for one read from a text layer."""

    text: str | None
    page: int | None = None
    line: int | None = None
    bbox: BBox | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class TextLine:
    text: str
    page: int | None = None
    line: int | None = None
    bbox: BBox | None = None
    heading: int = 0  # markdown heading level (# = 1), 0 for a plain line


@dataclass(frozen=True)
class RawTable:
    """A grid of cells as printed, possibly spanning pages, with the lines printed just before
    it (title, 公开NN表, 部门：, 单位：) as context."""

    rows: tuple[tuple[Cell, ...], ...]
    context: tuple[TextLine, ...] = ()
    # PDF only: a row cut by the page break, printed outside the ruled box just above (the end of
    # a row begun on the page before) or just below (a row that goes on over the page).
    spill_above: tuple[Cell, ...] | None = None
    spill_below: tuple[Cell, ...] | None = None

    @property
    def page(self) -> int | None:
        return self.rows[0][0].page if self.rows and self.rows[0] else None

    @property
    def line(self) -> int | None:
        return self.rows[0][0].line if self.rows and self.rows[0] else None


Block = TextLine | RawTable


@dataclass(frozen=True)
class RawDocument:
    path: str
    name: str
    source: str  # "pdf" | "text"
    pages: int
    blocks: tuple[Block, ...]
    # what reading it found worth saying (pages read by OCR, a page with nothing legible)
    warnings: tuple["IngestWarning", ...] = ()
    ocr_pages: tuple[int, ...] = ()  # pages read from their image by OCR


@dataclass(frozen=True)
class DocumentMeta:
    department: str | None
    year: int | None
    report_kind: str | None  # 决算 | 预算


@dataclass(frozen=True)
class Column:
    index: int  # position in the printed grid
    path: str  # header labels top-down, joined with "/"
    group: int  # side-by-side group (收入 | 支出 …), 0 for ordinary tables


@dataclass(frozen=True)
class LogicalRow:
    """One row of one side-by-side group: its key (label, subject code) and its value cells."""

    index: int  # position of the printed row in the table body (0-based)
    group: int
    label: str
    code: str | None
    level: str | None  # 类 | 款 | 项 for subject codes
    parent: str | None  # parent subject code
    cells: tuple[tuple[Column, Cell], ...]
    section: str | None = None  # the numbered section above it (一、政府采购情况) in statistics tables


@dataclass(frozen=True)
class Table:
    index: int  # order in the document
    code: str | None  # 公开01表 as printed (normalised)
    kind: str  # canonical kind, see domain.tables
    title: str
    unit: str
    page: int | None
    line: int | None
    header_rows: int
    columns: tuple[Column, ...]
    rows: tuple[LogicalRow, ...]
    grid: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Fact:
    """One non-empty printed table cell with everything needed to cite it."""

    document: str
    page: int | None
    line: int | None
    bbox: BBox | None
    department: str | None
    year: int | None
    table_index: int
    table_code: str | None
    table_kind: str
    table_title: str
    row_index: int
    row_group: int
    row_label: str
    row_code: str | None
    row_level: str | None
    row_parent: str | None
    row_section: str | None
    column: str
    value_text: str
    value_state: str  # number | dash | text
    number: Decimal | None
    unit: str
    confidence: float | None = None  # OCR engine's confidence (0–1) for a cell read from a page image

    @property
    def low_confidence(self) -> bool:
        """Read by OCR below `domain.ocr.LOW_CONFIDENCE`: may be misread."""
        from domain.ocr import low

        return low(self.confidence)

    # The keys `python -m index facts` prints, in order.
    PUBLIC_KEYS = (
        "document", "page", "line", "department", "year", "table_code", "table_kind",
        "table_title", "row_label", "row_code", "column", "value_text", "number", "unit",
    )


@dataclass(frozen=True)
class Passage:
    document: str
    section: str  # heading path, "第三部分 … / 一、收入支出决算总体情况说明"
    text: str
    page: int | None
    line: int | None  # first line (text reports)
    end_line: int | None = None


@dataclass(frozen=True)
class IngestWarning:
    message: str
    page: int | None = None
    line: int | None = None
    table: str | None = None


@dataclass(frozen=True)
class IngestedDocument:
    name: str
    path: str
    sha256: str
    source: str
    pages: int
    meta: DocumentMeta
    tables: tuple[Table, ...]
    facts: tuple[Fact, ...]
    passages: tuple[Passage, ...]
    warnings: tuple[IngestWarning, ...] = field(default=())

    def named(self, name: str) -> "IngestedDocument":
        """The same document under another name (another report already has its file's name)."""
        from dataclasses import replace

        return replace(self, name=name, facts=tuple(replace(f, document=name) for f in self.facts),
                       passages=tuple(replace(p, document=name) for p in self.passages))
