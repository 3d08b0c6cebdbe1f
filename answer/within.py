"""A column's share of its table's total, both printed in the table's total row.

Class of question: "W中P占多少", "P占W的比例", where W names a table by its title without 决算表
(一般公共预算财政拨款基本支出 → 一般公共预算财政拨款基本支出决算表; 支出 → 支出决算表) and P names one
of that table's columns (人员经费, 基本支出).  Such a table prints, in its 合计 (总计) row, the
total under the 合计 column and each part under its own column:

    项 目    合 计      人员经费   公用经费
    合计     1,943.08   1,295.66   647.42

(or a total column named for the table: 本年支出合计), so the share is P's cell ÷ the total cell of that row, computed, with both cells cited.  Only when
the department's report has one such table, its total row prints both cells, and they are in one
unit; a table that prints its parts' totals as separate rows (人员经费合计, 公用经费合计) and no
overall total is not computed from (its whole is not printed).
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from domain.normalize import compact
from domain.tables import OTHER, kind_of

from .cite import figure, where
from .compute import _PART_OF, _SHARE

_TOTAL = ("合计", "总计")


def _last(column: str | None) -> str:
    return compact((column or "").split("/")[-1])


def table_share(question, catalog, out: dict) -> bool:
    """Fill the answer with P's share of W's total (see the module docstring); False when the
    question is not one or the table does not print both cells."""
    department = question.department
    if department is None or question.operation != "share":
        return False
    rest = question.rest
    m = _PART_OF.search(rest) or _SHARE.search(rest)
    if m is None:
        return False
    part, whole = (m.group("a"), m.group("b"))
    part = re.sub(r"(?:的|部分)$", "", part) or part
    kind = next((k for end in ("决算表", "决算明细表", "表") if (k := kind_of(whole + end)) != OTHER), None)
    if kind is None:
        return False
    years = catalog.years(department)
    year = question.year or (years[-1] if years else None)
    document = catalog.document_for(department, year) if year in years else None
    if document is None:
        return False
    rows = [f for f in catalog.facts(document) if f["table_kind"] == kind and compact(f["row_label"] or "") in _TOTAL
            and f["number"] is not None]
    if len({f["table_index"] for f in rows}) != 1:
        return False
    parts = [f for f in rows if _last(f["column"]) in (part, part + "合计")]
    # the total column: 合计, or a total named for the table (本年支出合计)
    wholes = [f for f in rows if _last(f["column"]).endswith(_TOTAL) and part not in _last(f["column"])]
    if len(parts) != 1 or len(wholes) != 1 or parts[0]["unit"] != wholes[0]["unit"]:
        return False
    a, b = parts[0], wholes[0]
    if not b["number"]:
        return False
    value = (Decimal(str(a["number"])) / Decimal(str(b["number"])) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    formula = f"{a['value_text']} ÷ {b['value_text']} × 100%"
    out["status"] = "answered"
    out["answer"] = (f"{value}%：{department}{year}年度{a['table_title']}合计行中，“{_last(a['column'])}”占“{_last(b['column'])}”的 "
                     f"{value}%（计算：{formula}；{_last(a['column'])} {a['value_text']}{a['unit'] or ''}、{_last(b['column'])} "
                     f"{b['value_text']}{b['unit'] or ''}，见{where(a)}）。")
    main = dict(figure(a), label=f"{_last(a['column'])}占{_last(b['column'])}的比例", value=str(value), number=float(value), unit="%",
                computed=True, formula=formula, column=f"{_last(a['column'])} ÷ {_last(b['column'])}")
    out["figures"] = [main, figure(a), figure(b)]
    out["warnings"].append("这是根据报告中两个印出的数字计算得出的结果，不是报告直接印出的数字。")
    return True
