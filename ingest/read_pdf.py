"""Read a PDF report into text lines and cell grids with page numbers and bounding boxes.

Owns everything that touches pdfplumber: opening (and recognising broken, encrypted, empty and
image-only files), ruled tables through pdfplumber's line strategy, unruled tables through
`pdf_unruled`, text lines rebuilt from word positions (numbers set in another font sit a few
points lower than the Chinese text around them and still belong to its line), and tables that
continue on the next page.  Coordinates are PDF points with the origin at the page's top left.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BrokenPDF, EmptyDocument, EncryptedPDF, ImageOnlyPDF
from .model import BBox, Block, Cell, IngestWarning, RawDocument, RawTable, TextLine
from domain.tables import OTHER, code_in, continued_mark, kind_of, title_in
from domain.normalize import clean_line, compact, nfkc
from domain.ocr import IMAGE_COVER, TITLE_BAND, TITLE_MAX_CHARS, TITLE_MAX_LINES

if TYPE_CHECKING:
    from .ocr import Progress

# Page furniture that may stand between a table and its continuation on the next page.
_FURNITURE = re.compile(r"^(?:[-－—\s]*\d{1,3}[-－—\s]*|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3,
                   "join_tolerance": 3, "intersection_tolerance": 3}


def _quiet() -> None:
    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.ERROR)


def read_pdf(path: Path, progress: "Progress | None" = None) -> RawDocument:
    """The PDF's lines and cell grids.  A page without a text layer that shows an image (a scan)
    is read by OCR (`ocr`, `ocr_page`), pages in parallel; progress(pages done, pages to read,
    seconds left) is called as each is read.  A page with a text layer is never OCR'd, unless that
    layer is only a title over an image of the table (`title_over_image`)."""
    _quiet()
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfexceptions import PDFException, PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    damaged = (PDFException, PSException, PdfminerException, MalformedPDFException, EOFError, ValueError, KeyError)

    try:
        pdf = pdfplumber.open(path)
        pages = pdf.pages  # parses the page tree: broken files fail here
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedPDF(str(path), f"{path.name}：PDF 已加密，需要密码才能读取，请提供未加密的版本") from exc
    except damaged as exc:  # pdfminer raises many types for damaged files
        inner = getattr(exc, "args", [None])[0]
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in str(exc).lower():
            raise EncryptedPDF(str(path), f"{path.name}：PDF 已加密，需要密码才能读取，请提供未加密的版本") from exc
        raise BrokenPDF(str(path), f"{path.name}：PDF 文件已损坏或不完整，无法读取（{type(exc).__name__}）") from exc
    with pdf:
        if not pages:
            raise EmptyDocument(str(path), f"{path.name}：PDF 没有任何页面")
        by_page: dict[int, list[Block]] = {}
        scanned: list[int] = []
        titled: dict[int, list[TextLine]] = {}  # pages OCR'd under a text layer of a few lines
        try:
            for number, page in enumerate(pages, start=1):
                if _image_only(page):
                    scanned.append(number)
                elif (lines := title_over_image(page, number)) is not None:
                    scanned.append(number)
                    titled[number] = lines
                else:
                    by_page[number] = _page_blocks(page, number)
        except damaged as exc:
            raise BrokenPDF(str(path), f"{path.name}：PDF 第 {number} 页无法解析，文件可能已损坏（{type(exc).__name__}）") from exc
        n_pages = len(pages)
    warnings: list[IngestWarning] = []
    if scanned:
        by_page.update(_scanned_blocks(path, scanned, warnings, progress, titled))
    blocks = [block for number in sorted(by_page) for block in by_page[number]]
    if not blocks:
        if scanned:
            raise ImageOnlyPDF(str(path), f"{path.name}：PDF 只有图像没有文字层（扫描件），文字识别（OCR）在 {len(scanned)} "
                                          f"页图像上没有读出任何可用的文字（空白页或图片，不是可读的报告页）")
        raise ImageOnlyPDF(str(path), f"{path.name}：PDF 没有文字层，也没有可识别的图像，无法读取")
    return RawDocument(str(path), path.name, "pdf", n_pages, tuple(_join_continued(blocks)), tuple(warnings),
                       tuple(scanned))


def _image_only(page) -> bool:
    """No text layer, and an image to read: a scanned page (a blank page has no image)."""
    return not page.chars and bool(page.images)


def title_over_image(page, number: int) -> list[TextLine] | None:
    """The text-layer lines of a page whose text layer is only a title over an image of the
    table (domain.ocr: TITLE_MAX_LINES, TITLE_MAX_CHARS, IMAGE_COVER, TITLE_BAND), else None.
    The cheap tests come first: a page with a real text layer is never laid out twice."""
    if sum(1 for c in page.chars if not c["text"].isspace()) >= TITLE_MAX_CHARS:
        return None
    image = _largest_image(page)
    if image is None or _area(image) <= IMAGE_COVER * float(page.width) * float(page.height):
        return None
    blocks = _page_blocks(page, number)
    if len(blocks) > TITLE_MAX_LINES or not all(isinstance(b, TextLine) and b.bbox for b in blocks):
        return None  # a table in the text layer, or more than a few lines
    band = TITLE_BAND * (image[3] - image[1])
    if any(image[1] + band < (b.bbox[1] + b.bbox[3]) / 2 < image[3] - band for b in blocks):
        return None  # words set over the middle of the picture: a cover, not a scan's title
    return blocks  # type: ignore[return-value]


def _largest_image(page) -> BBox | None:
    """The page's largest image, clipped to the page."""
    boxes = [(max(0.0, float(i["x0"])), max(0.0, float(i["top"])), min(float(page.width), float(i["x1"])),
              min(float(page.height), float(i["bottom"]))) for i in page.images]
    boxes = [b for b in boxes if b[2] > b[0] and b[3] > b[1]]
    return max(boxes, key=_area, default=None)


def _area(box: BBox) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _scanned_blocks(path: Path, numbers: list[int], warnings: list[IngestWarning], progress,
                    titled: dict[int, list[TextLine]]) -> dict[int, list[Block]]:
    from .ocr import scan_pages
    from .ocr_page import as_printed, page_layout, without_repeats

    out: dict[int, list[Block]] = {}
    for number, scan in scan_pages(path, numbers, progress).items():
        grids, words = page_layout(scan)
        kept = titled.get(number, [])
        if kept:
            grids, words = without_repeats(grids, words, kept, scan)
        read = as_printed(_assembled(grids, words, number), scan)
        if not read:
            warnings.append(IngestWarning(f"第 {number} 页是图像（扫描件），文字识别（OCR）没有读出可用的文字，已跳过", number))
        out[number] = sorted(read + kept, key=_top) if kept else read
    bare = [n for n in numbers if n not in titled]
    if bare and any(out[n] for n in bare):
        pages = "、".join(str(n) for n in bare)
        warnings.append(IngestWarning(f"第 {pages} 页没有文字层（扫描件），由文字识别（OCR）读出；"
                                      f"表中数字带识别置信度，低于阈值的已标出，请对照原页核对", bare[0]))
    if titled:
        pages = "、".join(str(n) for n in titled)
        warnings.append(IngestWarning(f"第 {pages} 页的文字层只有标题，表格是图像，由文字识别（OCR）读出；"
                                      f"表中数字带识别置信度，低于阈值的已标出，请对照原页核对", min(titled)))
    return out


def _top(block: Block) -> float:
    """How far down its page a block starts (a table: its highest cell)."""
    if isinstance(block, TextLine):
        return block.bbox[1] if block.bbox else 0.0
    return min((c.bbox[1] for row in block.rows if row for c in row if c.bbox), default=0.0)


# --- one page -------------------------------------------------------------------------------


def _page_blocks(page, number: int) -> list[Block]:
    page = page.filter(_visible)
    grids = _ruled_tables(page, number)
    grids += _unruled_tables(page, number, [bbox for bbox, _ in grids])
    return _assembled(grids, _words(page, [bbox for bbox, _ in grids]), number)


def _assembled(grids, words: list[dict], number: int) -> list[Block]:
    """A page's grids and the words outside them as blocks top-down: rows the page break cut
    out of a table's box joined to it, the other words as lines."""
    tables = [RawTable(rows) for _, rows in grids]
    used: set[int] = set()
    if grids:
        # only the first and last tables of a page can be cut by its breaks
        top = min(range(len(grids)), key=lambda i: grids[i][0][1])
        bottom = max(range(len(grids)), key=lambda i: grids[i][0][3])
        above = _spill(words, grids[top], number, up=True)
        below = _spill(words, grids[bottom], number, up=False)
        if above:
            tables[top] = RawTable(tables[top].rows, spill_above=above[0])
            used |= above[1]
        if below:
            tables[bottom] = RawTable(tables[bottom].rows, spill_above=tables[bottom].spill_above, spill_below=below[0])
            used |= below[1]
    lines = _text_lines([w for i, w in enumerate(words) if i not in used], number)
    items: list[tuple[float, Block]] = [(line.bbox[1], line) for line in lines if line.bbox]
    items += [(bbox[1], table) for (bbox, _), table in zip(grids, tables)]
    items.sort(key=lambda item: item[0])
    return [block for _, block in items]


_WHITE = {(1,), (1, 1, 1), (0, 0, 0, 0)}


def _visible(obj: dict) -> bool:
    """A rect filled white and not stroked is page background, not a ruling: its edges would
    frame the title and the table as one grid (a white box behind each table of a page)."""
    if obj.get("object_type") != "rect" or obj.get("stroke") or not obj.get("fill"):
        return True
    colour = obj.get("non_stroking_color")
    colour = tuple(colour) if isinstance(colour, (list, tuple)) else (colour,)
    if not all(isinstance(c, (int, float)) for c in colour):
        return True  # a pattern fill ("P40") is drawn, whatever it shows
    return tuple(float(c) for c in colour) not in _WHITE


def _words(page, boxes: list[BBox]) -> list[dict]:
    words = page.extract_words(x_tolerance=1.5, y_tolerance=3, keep_blank_chars=False, use_text_flow=False,
                               extra_attrs=["size"])
    return [w for w in words if not _inside((w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2, boxes)]


def _spill(words: list[dict], grid, number: int, up: bool):
    """Words just outside a ruled table at the page's edge that sit each inside one of its
    columns: the part of a row that the page break cut out of the ruled box.  Returns the row
    (one cell per column) and the indices of the words used, or None."""
    bbox, rows = grid
    spans = _spans(rows)
    if not spans:
        return None
    order = sorted(range(len(words)), key=lambda i: words[i]["top"], reverse=up)
    box_edge = bbox[1] if up else bbox[3]
    edge = box_edge  # how far the spill reaches so far
    taken: list[int] = []
    for i in order:
        w = words[i]
        if up and w["bottom"] > box_edge + 1 or not up and w["top"] < box_edge - 1:
            continue
        if continued_mark(w["text"]):
            break  # 续表 above the box: the table goes on, the words are no part of a row
        gap = max(0.0, (edge - w["bottom"]) if up else (w["top"] - edge))
        height = w["bottom"] - w["top"]
        if gap > 1.2 * height:
            break
        col = _column_of(w, spans)
        if col is None:
            break
        taken.append(i)
        edge = min(edge, w["top"]) if up else max(edge, w["bottom"])
    # nothing else may stand between the spill and the page edge but page furniture
    if not taken:
        return None
    rest = [w for i, w in enumerate(words) if i not in taken and (w["bottom"] <= edge if up else w["top"] >= edge)]
    if any(not (_FURNITURE.match(w["text"]) or continued_mark(w["text"])) for w in rest):
        return None
    cells: list[list[dict]] = [[] for _ in spans]
    for i in taken:
        cells[_column_of(words[i], spans)].append(words[i])
    row = []
    for ws in cells:
        if not ws:
            row.append(Cell("", number))
            continue
        ws.sort(key=lambda w: (round(w["top"]), w["x0"]))
        box = (min(w["x0"] for w in ws), min(w["top"] for w in ws), max(w["x1"] for w in ws), max(w["bottom"] for w in ws))
        row.append(Cell(nfkc("\n".join(w["text"] for w in ws)), number, None, _round(box)))
    return tuple(row), set(taken)


def _spans(rows) -> list[tuple[float, float]]:
    spans = _narrowest_spans(rows)
    return spans if all(spans) else []  # type: ignore[return-value]


def _column_of(word: dict, spans: list[tuple[float, float]]) -> int | None:
    for j, (x0, x1) in enumerate(spans):
        if word["x0"] >= x0 - 2 and word["x1"] <= x1 + 2:
            return j
    return None


def _ruled_tables(page, number: int) -> list[tuple[BBox, tuple[tuple[Cell, ...], ...]]]:
    out = []
    for table in page.find_tables(_TABLE_SETTINGS):
        texts = table.extract()
        rows = []
        for row, row_texts in zip(table.rows, texts):
            cells = tuple(
                Cell(None if text is None else nfkc(text), number, None, _round(box) if box else None)
                for box, text in zip(row.cells, row_texts)
            )
            rows.append(cells)
        if not rows or len(rows[0]) < 2:
            continue
        if not any(c.text for r in rows for c in r) and len(rows) < 2:
            # an empty ruled frame; keep it only as a continuation candidate
            pass
        out.append((_round(table.bbox), tuple(rows)))
    return out


def _unruled_tables(page, number: int, exclude: list[BBox]):
    if page.lines or page.rects or not page.chars:
        return []  # a ruled page (text outside its tables is narrative), or no text at all
    from .pdf_unruled import find_unruled_tables

    out = []
    for table in find_unruled_tables(page, exclude):
        rows = tuple(
            tuple(Cell(nfkc(text) if box else "", number, None, _round(box) if box else None) for text, box in row)
            for row in table.rows
        )
        out.append((_round(table.bbox), rows))
    return out


def _inside(x: float, y: float, boxes: list[BBox]) -> bool:
    return any(b[0] - 1 <= x <= b[2] + 1 and b[1] - 1 <= y <= b[3] + 1 for b in boxes)


def _text_lines(words: list[dict], number: int) -> list[TextLine]:
    """Words outside tables grouped into lines by vertical overlap with the line's first word."""
    words = list(words)
    words.sort(key=lambda w: (w["top"], w["x0"]))
    lines: list[dict] = []
    for w in words:
        mid = (w["top"] + w["bottom"]) / 2
        for line in reversed(lines[-4:]):
            if line["top"] <= mid <= line["bottom"]:
                line["words"].append(w)
                break
        else:
            lines.append({"top": w["top"], "bottom": w["bottom"], "words": [w]})
    out = []
    for line in lines:
        ws = sorted(line["words"], key=lambda w: w["x0"])
        parts = [ws[0]["text"]]
        for prev, w in zip(ws, ws[1:]):
            gap = w["x0"] - prev["x1"]
            parts.append((" " if gap > 0.25 * (w.get("size") or 10) else "") + w["text"])
        text = clean_line("".join(parts))
        if not text:
            continue
        bbox = (min(w["x0"] for w in ws), min(w["top"] for w in ws), max(w["x1"] for w in ws),
                max(w["bottom"] for w in ws))
        out.append(TextLine(text, number, None, _round(bbox)))
    return out


def _round(box) -> BBox:
    return tuple(round(float(v), 2) for v in box)  # type: ignore[return-value]


# --- tables over page breaks ----------------------------------------------------------------


def _join_continued(blocks: list[Block]) -> list[Block]:
    """Append a table that opens a page to the table that closed the previous page when nothing
    but page furniture stands between them and its first row is not a header."""
    out: list[Block] = []
    context: list[TextLine] = []
    last_table_at: int | None = None
    for block in blocks:
        if isinstance(block, TextLine):
            out.append(block)
            if not (_FURNITURE.match(block.text) or continued_mark(block.text)):  # page numbers, 续表 do not end a table
                context.append(block)
                last_table_at = None
            continue
        prev = out[last_table_at] if last_table_at is not None else None
        if isinstance(prev, RawTable) and _continues(prev, block):
            block = _without_repeated_header(prev, block)
            cut = _cut_row(prev, block)
            width = max(len(r) for r in prev.rows)
            if cut and len(cut[0]) == width:
                prev = RawTable(prev.rows + cut, prev.context)
            elif cut:
                block = RawTable(cut + block.rows, block.context, block.spill_above, block.spill_below)
            before, after = _merged(prev, block)
            out[last_table_at] = RawTable(before + after, prev.context, spill_below=block.spill_below)
        else:
            if isinstance(prev, RawTable) and prev.spill_below:  # a last row printed below the box
                out[last_table_at] = RawTable(prev.rows + (prev.spill_below,), prev.context)
            if block.spill_above:  # not a continuation after all: the words are text
                text = clean_line(" ".join(c.text for c in block.spill_above if c.text))
                line = TextLine(text, block.page, None, next((c.bbox for c in block.spill_above if c.bbox), None))
                out.append(line)
                context.append(line)
            out.append(RawTable(block.rows, tuple(context[-8:]), spill_below=block.spill_below))
            last_table_at = len(out) - 1
        context = []
    if last_table_at is not None and isinstance(out[last_table_at], RawTable) and out[last_table_at].spill_below:
        t = out[last_table_at]
        out[last_table_at] = RawTable(t.rows + (t.spill_below,), t.context)
    return out


def _cut_row(prev: RawTable, table: RawTable) -> tuple[tuple[Cell, ...], ...]:
    """The row the page break cut in two: its part below the previous page's box and its part
    above this page's box, joined cell by cell."""
    below, above = prev.spill_below, table.spill_above
    if not below and not above:
        return ()
    if below and above and len(below) == len(above):
        cells = tuple(_join_cells(a, b) for a, b in zip(below, above))
    else:
        cells = below or above
    return (cells,)


def _join_cells(a: Cell, b: Cell) -> Cell:
    if not b.text:
        return a
    if not a.text:
        return b
    return Cell(a.text + "\n" + b.text, a.page, a.line, a.bbox, _lower(a.confidence, b.confidence))


def _lower(a: float | None, b: float | None) -> float | None:
    """The lower of two OCR confidences (None: read from a text layer)."""
    return b if a is None else a if b is None else min(a, b)


def _continues(prev: RawTable, table: RawTable) -> bool:
    if table.page is None or prev.rows[-1][0].page is None or table.page != prev.rows[-1][0].page + 1:
        return False
    first = next((row for row in table.rows if any(c.text for c in row)), None)
    if first is None:
        return True  # an empty ruled frame at the top of the page: the rest of the grid
    # nothing but page furniture stands between them: a continuation, unless the grid opens with
    # a title or the 编制单位/单位 line of a new table
    # (the title, code and 部门：/单位： lines may be printed inside the grid's first row, a cell or a
    # line of a cell each: "表二⏎部门：… | 收入预算总表 | 单位：万元")
    # (or just above its box, where they read as a row the page break cut: its spill)
    text = compact(" ".join(c.text for c in first if c.text))
    parts = [compact(part) for c in first + (table.spill_above or ()) if c.text
             for part in c.text.split("\n") if part.strip()]
    if title_in(text) or code_in(text) or _NEW_TABLE.search(text):
        return False
    # a line of a cell opens a new table only as a catalogued title, a code or a 部门：/单位： field
    # (a wrapped cell of a form may well end in 表)
    return not any((title_in(t) and kind_of(title_in(t)) != OTHER) or code_in(t) or _NEW_TABLE.search(t) for t in parts)


_NEW_TABLE = re.compile(r"编制单位|^部门(名称)?[:：]|金额单位|^单位[:：]")


def _without_repeated_header(prev: RawTable, table: RawTable) -> RawTable:
    """A continuation that prints the table's header rows again: drop the repeat."""
    def key(row):
        return tuple(compact(c.text or "") for c in row)
    n = 0
    while n < len(table.rows) and n < len(prev.rows) and key(table.rows[n]) == key(prev.rows[n]) and any(key(prev.rows[n])):
        n += 1
    return RawTable(table.rows[n:], table.context, table.spill_above, table.spill_below) if n else table


def _merged(prev: RawTable, table: RawTable) -> tuple[tuple[tuple[Cell, ...], ...], tuple[tuple[Cell, ...], ...]]:
    """The previous grid's rows and the continuation's rows on common columns.  Grids of the same
    width are kept as they are; otherwise each grid's columns are placed among the union of both
    grids' column positions (a page of a table may show fewer columns than the next)."""
    width = max(len(r) for r in prev.rows)
    rows = tuple(r for r in table.rows if any(c.text for c in r))
    if all(len(r) == width for r in rows):
        return prev.rows, rows
    spans_prev, spans_new = _narrowest_spans(prev.rows), _narrowest_spans(rows)
    union = _union([s for s in spans_prev + spans_new if s])
    to_prev = [_slot(s, union) for s in spans_prev]
    to_new = [_slot(s, union) for s in spans_new]
    if None in to_prev or None in to_new:
        return prev.rows, tuple(_recut(row, spans_prev) for row in rows)
    return _relaid(prev.rows, to_prev, len(union)), _relaid(rows, to_new, len(union))


def _narrowest_spans(rows) -> list[tuple[float, float] | None]:
    """Each column's x extent, from its narrowest printed cell (a spanning cell is wider)."""
    width = max(len(r) for r in rows)
    spans: list[tuple[float, float] | None] = [None] * width
    for row in rows:
        for j, cell in enumerate(row):
            if cell.text is not None and cell.bbox:
                span = (cell.bbox[0], cell.bbox[2])
                if spans[j] is None or span[1] - span[0] < spans[j][1] - spans[j][0]:
                    spans[j] = span
    return spans


def _union(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for lo, hi in sorted(spans):
        if out and min(hi, out[-1][1]) - max(lo, out[-1][0]) > 0.5 * min(hi - lo, out[-1][1] - out[-1][0]):
            out[-1] = (min(lo, out[-1][0]), max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _slot(span, union) -> int | None:
    if span is None:
        return None
    mid = (span[0] + span[1]) / 2
    return next((i for i, (lo, hi) in enumerate(union) if lo - 1 <= mid <= hi + 1), None)


def _relaid(rows, slots: list[int], width: int) -> tuple[tuple[Cell, ...], ...]:
    out = []
    for row in rows:
        cells: list[Cell] = [Cell("", row[0].page) for _ in range(width)]
        for j, cell in enumerate(row):
            k = slots[j] if j < len(slots) else None
            if k is None or cell.text is None and cells[k].text:
                continue
            cells[k] = _join_cells(cells[k], cell) if cells[k].text else cell
        out.append(tuple(cells))
    return tuple(out)


def _recut(row, spans) -> tuple[Cell, ...]:
    """A row cut to the given columns by the x position of its cells."""
    width = len(spans)
    cells: list[Cell] = [Cell("", row[0].page) for _ in range(width)]
    for cell in row:
        if not cell.text or not cell.bbox:
            continue
        x = (cell.bbox[0] + cell.bbox[2]) / 2
        idx = min(range(width), key=lambda i: 0 if spans[i] and spans[i][0] <= x <= spans[i][1]
                  else (min(abs(x - spans[i][0]), abs(x - spans[i][1])) if spans[i] else float("inf")))
        cells[idx] = _join_cells(cells[idx], cell)
    return tuple(cells)
