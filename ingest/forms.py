"""Form-like tables (项目支出绩效自评表): label | value pairs, then sections that open with their
own header row (资金: 年初预算数 全年预算数 …; 指标: 一级指标 二级指标 … 自评得分).

Each printed value becomes a logical row cell: before any section header, a label cell names
the value cell to its right (专项名称 → 项目名); inside a section, the row's leading text cells
(with 一级/二级指标 carried down from the row above where the form leaves them merged) name
the row, and the section header names each value column.
"""
from __future__ import annotations

import re

from .model import Column, LogicalRow, Table
from domain.normalize import clean_label, compact, parse_value

_VALUE_HEADER = re.compile(r"预算数|执行数|决算数|分值|执行率|得分|指标值|完成值|完成情况|原因|措施|金额|合计|评分|权重|偏差|建议|存在问题")
_KEY_HEADER = re.compile(r"指标$|^项目|名称|类型|^资金|^内容")


def _texts(row) -> list[tuple[int, str]]:
    return [(j, clean_label(c.text)) for j, c in enumerate(row) if c.text and clean_label(c.text)]


def _is_section_header(row) -> bool:
    cells = _texts(row)
    if len(cells) < 4 or any(parse_value(t).state == "number" for _, t in cells):
        return False
    return sum(bool(_VALUE_HEADER.search(compact(t))) for _, t in cells) >= 2 and all(len(t) <= 24 for _, t in cells)


def interpret_form(grid, index: int, code, kind: str, title: str, unit: str, warn) -> Table:
    rows: list[LogicalRow] = []
    columns: dict[int, Column] = {}
    header: dict[int, str] | None = None
    first_value = 0
    carried: dict[int, str] = {}
    for r, row in enumerate(grid):
        cells = _texts(row)
        if not cells:
            continue
        if _is_section_header(row):
            header = {j: compact(t) for j, t in cells}
            first_value = min((j for j, t in header.items() if _VALUE_HEADER.search(t)), default=1)
            carried = {}
            continue
        if header is None:
            rows.extend(_pairs(r, row, cells, columns))
            continue
        key_parts = []
        for j in range(first_value):
            text = clean_label(row[j].text) if j < len(row) and row[j].text else ""
            if text:
                carried[j] = text
                # a new higher-level key resets the lower ones carried down
                for k in [k for k in carried if k > j]:
                    del carried[k]
            part = carried.get(j, "")
            if part and not (j == 0 and header.get(0) and len(cells) > 1 and j not in [c for c, _ in cells]):
                key_parts.append(part)
        label = "/".join(p for p in key_parts if p) or cells[0][1]
        values = []
        for j, text in cells:
            if j < first_value:
                continue
            path = header.get(j) or next((header[k] for k in sorted(header, reverse=True) if k <= j), "")
            col = columns.setdefault(j, Column(j, path, 0))
            values.append((Column(j, path, 0) if col.path != path else col, row[j]))
        if values:
            rows.append(LogicalRow(r, 0, label, None, None, None, tuple(values)))
        elif len(cells) >= 2:  # 评价等级 | 优 (S ≥ 90): a label and its value inside a section
            rows.extend(_pairs(r, row, cells, columns))
    return Table(index, code, kind, title, unit, grid[0][0].page if grid else None, grid[0][0].line if grid else None,
                 0, tuple(sorted(columns.values(), key=lambda c: c.index)), tuple(rows), tuple(tuple(r) for r in grid))


def _pairs(r: int, row, cells: list[tuple[int, str]], columns: dict[int, Column]) -> list[LogicalRow]:
    """专项名称 | X | 主管部门 | Y: each label names the value printed after it."""
    out = []
    i = 0
    while i < len(cells):
        j, label = cells[i]
        if i + 1 < len(cells):
            k, _ = cells[i + 1]
            out.append(LogicalRow(r, len(out), label, None, None, None, ((Column(k, "内容", len(out)), row[k]),)))
            i += 2
        else:
            i += 1
    return out
