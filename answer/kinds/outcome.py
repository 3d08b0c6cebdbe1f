"""Subjects listed by how what was spent compares with their budget: "哪些科目决算数同预算数持平",
"哪几项支出没有用完年初预算", "哪些项目决算超过了预算".

The rows are the subjects the narrative states a budget and a final amount for (answer.budgeted:
"行政单位离退休(项)。年初预算为54.53万元，支出决算为54.53万元"); each is placed by comparing the
two printed amounts, in the same unit, so a row is never listed on the words of its sentence alone.
The budget compared is the one asked (年初预算, 全年预算), else the one the rows print (年初 first).
Every row listed cites both amounts; a report that states no such pair gives no list.
"""
from __future__ import annotations

import re

name = "outcome"

# how the final amount stands against the budget, in the words a question uses
_OUTCOMES = (
    ("equal", re.compile(r"持平|相等|一致|等于|一样|相同|没有差|刚好|正好|全部用完|用完了|花完了|全部花")),
    ("below", re.compile(r"小于|低于|少于|不到|没有?(?:用|花)完|未(?:用|花)完|没完成|未完成|有结余|结余")),
    ("above", re.compile(r"大于|高于|超过|超出|超支|多于|突破")),
)
_LIST = re.compile(r"哪些|哪几|有哪|列出|分别是|都有什么")
_BUDGET = re.compile(r"预算")
_SAID = {"equal": "决算数与{b}持平", "below": "决算数小于{b}", "above": "决算数大于{b}"}


def outcome(text: str) -> str | None:
    """equal | below | above, asked of a list of subjects; None when the question is no such list."""
    if not (_LIST.search(text) and _BUDGET.search(text)):
        return None
    return next((o for o, p in _OUTCOMES if p.search(text)), None)


def claims(question) -> bool:
    return question.department is not None and outcome(question.compact) is not None


def answer(question, context, out) -> bool:
    from decimal import Decimal

    from ..budgeted import BUDGETS, _document, _rows, asked_measure, label_of
    from ..cite import figure

    catalog = context.catalog
    department = question.department
    place = _document(catalog, department, question.year)
    if place is None:
        return False
    year, document = place
    asked = outcome(question.compact)
    rows = [b for b in _rows(catalog, document, department, year) if b.chain and not b.whole and "决算" in b.amounts]
    measure = asked_measure(question.compact)
    measure = measure if measure in BUDGETS else next((m for m in BUDGETS if any(m in b.amounts for b in rows)), None)
    pairs = [(b, b.amounts[measure], b.amounts["决算"]) for b in rows
             if measure in b.amounts and b.amounts[measure]["unit"] == b.amounts["决算"]["unit"]]
    if not pairs:
        out["status"] = "not_found"
        out["answer"] = f"没有找到：{department}{year}年度报告没有逐项写明各科目的预算数和决算数，无法列出。"
        return True

    def standing(budget: dict, final: dict) -> str:
        b, f = Decimal(str(budget["number"])), Decimal(str(final["number"]))
        return "equal" if b == f else "below" if f < b else "above"

    chosen = [(b, bud, fin) for b, bud, fin in pairs if standing(bud, fin) == asked]
    said = _SAID[asked].format(b=measure + "数")
    if not chosen:
        out["status"] = "answered"
        out["answer"] = (f"{department}{year}年度报告逐项写明预算数和决算数的 {len(pairs)} 个科目中，"
                         f"没有{said}的。")
        out["figures"] = [figure(f) for _, bud, fin in pairs for f in (bud, fin)]
        return True
    items = "；".join(f"{label_of(b)}（{measure} {bud['value_text']}{bud['unit']}，决算 {fin['value_text']}{fin['unit']}，"
                     f"{_at(fin)}）" for b, bud, fin in chosen)
    out["status"] = "answered"
    out["answer"] = (f"{department}{year}年度报告逐项写明预算数和决算数的 {len(pairs)} 个科目中，{said}的有 "
                     f"{len(chosen)} 项：{items}。")
    out["figures"] = [figure(f) for _, bud, fin in chosen for f in (bud, fin)]
    out["warnings"].append(f"按报告印出的{measure}数和决算数逐项比较列出，出处：{chosen[0][2]['document']}。")
    if not question.years:
        out["warnings"].append(f"问题没有指明年度，按{department}最新的{year}年度报告回答。")
    return True


def _at(fact: dict) -> str:
    return f"第{fact['page']}页" if fact.get("page") else f"第{fact['line']}行" if fact.get("line") else fact["document"]
