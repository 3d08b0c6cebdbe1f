"""Read a text or Markdown report into lines and cell grids.

Format (as in ../shared/corpus/text): tables are runs of tab-separated lines; a blank line
inside a run is a page break of the original and does not end the table; headings may be
`#`-prefixed; `<b>` tags and list dashes are layout, not content.  Line numbers are 1-based
lines of the file.
"""
from __future__ import annotations

import re
from pathlib import Path

from .errors import EmptyDocument, NotUTF8
from .model import Cell, RawDocument, RawTable, TextLine
from domain.normalize import clean_line, nfkc

_TAGS = re.compile(r"</?(?:b|strong|i|em|u|br|span|p)\s*/?>", re.I)
_HEADING = re.compile(r"^(#{1,6})\s+")


def read_text(path: Path) -> RawDocument:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotUTF8(str(path), f"{path.name}：不是 UTF-8 编码的文本文件（第 {exc.start} 字节无法解码），请另存为 UTF-8 后重试") from None
    if not text.strip():
        raise EmptyDocument(str(path), f"{path.name}：文件是空的，没有可读取的内容")
    return RawDocument(str(path), path.name, "text", 0, tuple(_blocks(text.splitlines())))


def _blocks(lines: list[str]):
    context: list[TextLine] = []
    i, n = 0, len(lines)
    while i < n:
        raw = _TAGS.sub("", lines[i])
        if "\t" in raw:
            rows, i = _table_rows(lines, i)
            if rows:
                yield RawTable(tuple(rows), tuple(context[-8:]))
                context = []
            continue
        line = _text_line(raw, i + 1)
        if line is not None:
            context.append(line)
            yield line
        i += 1


def _text_line(raw: str, lineno: int) -> TextLine | None:
    heading = 0
    m = _HEADING.match(raw)
    if m:
        heading = len(m.group(1))
        raw = raw[m.end():]
    raw = re.sub(r"^\s*[-*]\s+", "", raw)
    text = clean_line(raw)
    if not text:
        return None
    return TextLine(text, None, lineno, None, heading)


def _table_rows(lines: list[str], start: int) -> tuple[list[tuple[Cell, ...]], int]:
    """Collect the tab-separated run starting at `start`; blank lines inside it are page breaks."""
    rows: list[tuple[Cell, ...]] = []
    i, n = start, len(lines)
    while i < n:
        raw = _TAGS.sub("", lines[i])
        if "\t" in raw:
            cells = [nfkc(c).strip() for c in raw.split("\t")]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                rows.append(tuple(Cell(c, None, i + 1, None) for c in cells))
            i += 1
            continue
        if not raw.strip():
            j = i
            while j < n and not lines[j].strip():
                j += 1
            if j < n and "\t" in lines[j]:
                i = j
                continue
        break
    return rows, i
