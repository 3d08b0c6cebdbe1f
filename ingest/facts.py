"""Interpreted tables into facts, one per non-empty printed cell.

A fact carries everything needed to cite it.  Blank cells make no fact (the table grid, stored
beside the facts, still shows them blank); a printed dash is a fact with no number.  Where the
report disagrees with itself (a 类 that is not the sum of its 款 …) is for the checks package.
"""
from __future__ import annotations

import re
from .model import DocumentMeta, Fact, Table
from domain.normalize import parse_value


def table_facts(table: Table, document: str, meta: DocumentMeta) -> list[Fact]:
    facts = []
    inherited: dict[int, str | None] = {}
    for row in table.rows:
        # a unit printed on a row (车辆数合计（辆）) holds for the numbered items under it (1. …)
        own = _row_unit(row.label)
        if own or not re.match(r"^\d+[.、．]", row.label):
            inherited[row.group] = own
        row_unit = own or inherited.get(row.group)
        for column, cell in row.cells:
            value = parse_value(cell.text)
            if value.state == "blank":
                continue
            counted = _COUNTED.match(value.text) if value.state == "text" else None
            if counted:  # "25名": the number, with the unit it prints
                value = parse_value(counted.group(1))
                unit = counted.group(2)
            else:
                unit = _unit(value, row_unit, column.path, row.label, table.unit)
            facts.append(Fact(
                document=document, page=cell.page, line=cell.line, bbox=cell.bbox,
                department=meta.department, year=meta.year, table_index=table.index,
                table_code=table.code, table_kind=table.kind, table_title=table.title,
                row_index=row.index, row_group=row.group, row_label=row.label, row_code=row.code,
                row_level=row.level, row_parent=row.parent, row_section=row.section, column=column.path,
                value_text=value.text, value_state=value.state, number=value.number, unit=unit,
                confidence=cell.confidence,
            ))
    return facts


_UNITS = r"(?:辆|台|套|个|人|人次|次|批次|项|家|户|平方米|%|元|万元|亿元)"
_LABEL_UNIT = re.compile(rf"[（(]({_UNITS}(?:、{_UNITS})*)[)）]$")


def _row_unit(label: str) -> str | None:
    """A unit the row label prints for itself: 车辆数合计（辆）, 因公出国（境）团组数（个）."""
    m = _LABEL_UNIT.search(label)
    return m.group(1) if m else None


# A column or row that holds no amount of money, whatever the table's 单位 line says.
_COUNTED = re.compile(r"^(\d+)(名|人次|人|辆|台|套|个|次|批次|项|家|户)$")
_PEOPLE = re.compile(r"人数|编制数")
_PERCENT = re.compile(r"率|%|比例|占比")
_SCORE = re.compile(r"分值|得分|评分|总分")
_COUNT_OR_TEXT = re.compile(r"人数|编制数|个数|次数|数量|批次|人次|指标值|完成值|行次|栏次|年度目标|序号")


def _unit(value, row_unit: str | None, column: str, label: str, table_unit: str) -> str:
    """The unit a printed number is in: its own % sign, the row's unit (车辆数（辆）), a rate,
    score or count column, else the table's 单位."""
    if value.state != "number":
        return ""
    if value.percent:
        return "%"
    if row_unit:
        return row_unit
    leaf = column.split("/")[-1] if column else ""
    if _PERCENT.search(leaf) or _PERCENT.search(label) and not _SCORE.search(leaf):
        return "%"
    if _SCORE.search(leaf) or _SCORE.search(label):
        return "分"
    if _PEOPLE.search(leaf) and "人次" not in leaf:
        return "人"  # 在职人数, 编制数: people
    if _COUNT_OR_TEXT.search(leaf) or _COUNT_OR_TEXT.search(label):
        return ""
    return table_unit
