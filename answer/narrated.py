"""Answers from what the narrative says about a quantity (reasons, changes, completion, the previous
year), built into the answer object with their citation."""
from __future__ import annotations

import re

from domain.normalize import compact

from .cite import one_department
from .lookup import Catalog


def explained(question: str, catalog: Catalog, out: dict) -> bool:
    """What the narrative says about a quantity: a reason, a change, a completion rate, a budget,
    or the previous year's amount worked out from this year's and its printed change."""
    from .explain import CHANGE, PREVIOUS, explain, intent

    one = one_department(question, catalog)
    if one is None:
        return False
    name, span, year_text, year, document = one
    text = compact(question)
    kind = intent(question)
    years = catalog.years(name)
    asked_year = year
    if year_text and year not in years and year + 1 in years:
        kind, year = "previous", year + 1  # 2022 asked, the 2023 report says how it changed
        document = catalog.document_for(name, year)
    elif kind is None and PREVIOUS.search(text) and not CHANGE.search(text):
        kind, asked_year = "previous", year - 1 if year else None
    if kind is None or document is None or len(re.findall(r"多少|几", text)) >= 2:
        return False  # two numbers asked at once: the lookup says to ask them apart
    rest = text.replace(span, "", 1).replace(year_text, "", 1)
    found = explain(rest, catalog.store.passages(document), catalog.departments, kind)
    if found is None:
        return False
    s = found.statement
    place = f"第{s.page}页" if s.page else f"第{s.line}行"
    cite = f"{s.document}，{place}"
    about_year = asked_year if kind == "previous" else year
    number = None if kind == "why" else float(found.value.replace(",", ""))
    fig = {"label": s.subject, "value": found.value, "number": number, "unit": found.unit,
           "computed": found.computed, "formula": found.formula, "department": name, "year": about_year,
           "table": None, "table_title": None, "row": s.subject, "column": None,
           "source": {"document": s.document, "page": s.page, "line": s.line}}
    roughly = "约" if found.approximate else ""
    if kind == "why":
        out["answer"] = f"{name}{year}年度报告说明了原因：“{found.value}”。原文：“{s.sentence}”（{cite}）。"
    elif found.computed:
        what = {"previous": f"{about_year}年度{s.subject}", "completion": f"{s.subject}完成预算的比例",
                "budget": f"{s.subject}的预算"}[kind]
        out["answer"] = (f"{name}{what}{roughly}为 {found.value}{found.unit}——按{year}年度报告的说明计算："
                         f"{found.formula}。原文：“{s.sentence}”（{cite}）。")
        out["warnings"].append("这是根据报告说明里印出的数字计算得出的结果，不是报告直接印出的数字。"
                               + ("按百分比倒推，只是近似值。" if found.approximate else ""))
    else:
        rate = found.unit == "%"
        what = {"change": "比上年" + ("增长" if rate else "增加" if s.direction > 0 else "减少") if s.direction > 0
                or not rate else "比上年下降",
                "completion": "完成预算的", "budget": "的预算为"}[kind]
        out["answer"] = (f"{name}{year}年度{s.subject}{what} {found.value}{found.unit}。"
                         f"原文：“{s.sentence}”（{cite}）。")
    out["status"] = "answered"
    out["figures"] = [fig] + [dict(fig, label=label, value=value, number=float(value.replace(",", "")), unit=unit,
                                   computed=False, formula=None, year=year, row=s.subject, column=label)
                              for label, value, unit in _inputs(kind, s) if found.computed and value]
    return True


def _inputs(kind: str, s) -> list[tuple[str, str | None, str]]:
    """The printed numbers a computed narrative answer is worked out from, all in one sentence."""
    change = "比上年增加" if s.direction > 0 else "比上年减少"
    if kind == "previous":
        return [("本年", s.amount, "万元"), (change, s.change, "万元") if s.change else (change, s.change_pct, "%")]
    if kind == "completion":
        return [("决算", s.amount, "万元"), ("预算", s.budget, "万元")]
    if kind == "budget":
        return [("决算", s.amount, "万元"), ("完成预算的", s.completion, "%")]
    return []
