"""Answers computed from printed figures: a share, sum or difference of two; sibling rows summed;
a project's funds (executed, rate, unspent); a column of the units table added up.  Each says it is
computed, shows its formula and cites every input."""
from __future__ import annotations

import re
from dataclasses import replace

from domain.normalize import compact

from .cite import figure, one_department, row_name, where
from .lookup import Catalog, Lookup


def summed(result: Lookup, out: dict) -> dict:
    """A word the report prints as sibling rows (离退休: 行政单位离退休 + 事业单位离退休): their sum,
    computed, each part cited."""
    from decimal import Decimal

    parts = result.facts
    total = sum(Decimal(str(f["number"])) for f in parts)
    value = str(total.quantize(Decimal("0.01")))
    unit = parts[0]["unit"] or ""
    formula = " + ".join(f["value_text"] for f in parts)
    out["status"] = "answered"
    out["answer"] = (f"{result.department}{result.year}年度报告把这一项分成 {len(parts)} 行印出，合计为 {value}{unit}"
                     f"（计算：{formula}；" + "；".join(f"{row_name(f)} {f['value_text']}{unit} 见{where(f)}" for f in parts)
                     + "）。")
    main = {"label": "、".join(row_name(f) for f in parts), "value": value, "number": float(total), "unit": unit,
            "computed": True, "formula": formula, "department": result.department, "year": result.year,
            "table": parts[0]["table_code"] or parts[0]["table_kind"], "table_title": parts[0]["table_title"],
            "row": None, "column": parts[0]["column"],
            "source": {"document": parts[0]["document"], "page": parts[0]["page"], "line": parts[0]["line"]}}
    out["figures"] = [main] + [figure(f) for f in parts]
    out["warnings"].append("这是把报告中分行印出的数字相加得出的结果，不是报告直接印出的数字。")
    return out


def computed(question: str, catalog: Catalog, out: dict) -> bool:
    """A share, sum or difference of two printed figures of one department; False when the
    question is not one or an input is missing (the lookup then explains)."""
    from .compute import compute

    one = one_department(question, catalog)
    if one is None:
        return False
    name, span, year_text, _, _ = one
    rest = compact(question).replace(span, "", 1).replace(year_text, "", 1)
    result = compute(rest, catalog, name, year_text)
    if result is None:
        return False
    names = {"share": "占比", "difference": "差额", "sum": "合计"}
    out["status"] = "answered"
    if result.printed:
        f = result.inputs[0]
        out["answer"] = (f"{result.value}%：{result.department}{result.year}年度报告写明：“{f['sentence']}”"
                         f"（{f['document']}，{'第' + str(f['page']) + '页' if f['page'] else '第' + str(f['line']) + '行'}）。")
        out["figures"] = [dict(figure(f), label="占比", row="（情况说明）", number=float(result.value))]
        return True
    out["answer"] = (f"{result.department}{result.year}年度：按报告印出的数字计算，{names[result.kind]}为 "
                     f"{result.value}{result.unit}（计算：{result.formula}；"
                     + "；".join(f"{row_name(f)} {f['value_text']}{f['unit'] or ''} 见{where(f)}" for f in result.inputs) + "）。")
    main = {"label": names[result.kind], "value": result.value, "number": float(result.value), "unit": result.unit,
            "computed": True, "formula": result.formula, "department": result.department, "year": result.year,
            "table": None, "table_title": None, "row": None, "column": None,
            "source": {"document": result.inputs[0]["document"], "page": None, "line": None}}
    out["figures"] = [main] + [figure(f) for f in result.inputs]
    out["warnings"].append("这是根据报告中两个印出的数字计算得出的结果，不是报告直接印出的数字。")
    if result.note:
        out["warnings"].append(result.note)
    return True


def project_funds(question: str, catalog: Catalog, out: dict) -> bool:
    """A project's funds as its 绩效自评表 prints them: executed, execution rate, what is left
    unspent (computed); or the projects whose printed execution rate is 0."""
    from .projects import OVER, RATE, REMAINING, SPENT, ZERO_RATE, named, projects

    text = compact(question)
    zero = bool(ZERO_RATE.search(text)) and bool(re.search(r"哪些|哪几个|有哪|列出", text))
    intent = "zero" if zero else "over" if OVER.search(text) else "remaining" if REMAINING.search(text) \
        else "rate" if RATE.search(text) else "spent" if SPENT.search(text) else None
    if intent is None:
        return False
    one = one_department(question, catalog)
    if one is None or one[4] is None:
        return False
    name, span, _, year, document = one
    found = projects(catalog.facts(document))
    if intent == "zero":
        if not found or any(p.rate is None for p in found):
            return False
        zeros = [p for p in found if p.rate["number"] == 0]
        out["status"] = "answered"
        out["answer"] = (f"{name}{year}年度绩效自评表中执行率为 0 的项目共 {len(zeros)} 个"
                         + ("：" + "；".join(p.name for p in zeros) if zeros else "") + "。")
        out["figures"] = [dict(figure(p.rate), label=p.name) for p in zeros]
        return True
    asked = named(text.replace(span, "", 1), found, name)
    # one project printed over two forms (a continuation page) is one project: the form with its funds
    by_name: dict[str, object] = {}
    for p in sorted(asked, key=lambda p: p.budget is None or p.spent is None):
        by_name.setdefault(p.name, p)
    asked = list(by_name.values())
    if len(asked) != 1:
        return False
    p = asked[0]
    if intent in ("remaining", "over"):
        if re.search(r"年初|预算编制", text):  # the budget set at the start of the year, not the adjusted one
            if p.initial is None:
                return False
            p = replace(p, budget=p.initial)
        if p.budget is None or p.spent is None:
            return False
        from decimal import Decimal

        budget, spent = Decimal(str(p.budget["number"])), Decimal(str(p.spent["number"]))
        left = budget - spent if intent == "remaining" else spent - budget
        value = str(left.quantize(Decimal("0.01")))
        b, s = p.budget["value_text"], p.spent["value_text"]
        formula, what = (f"{b} − {s}", "尚未执行") if intent == "remaining" else (f"{s} − {b}", "执行数比预算数多")
        out["answer"] = (f"{name}{year}年度“{p.name}”{what} {value}{p.budget['unit'] or ''}（计算："
                         + (f"全年预算数 {b} − 全年执行数 {s}" if intent == "remaining" else f"全年执行数 {s} − 全年预算数 {b}")
                         + f"，见{where(p.budget)}）。")
        main = dict(figure(p.budget), label=p.name, value=value, number=float(left), computed=True, formula=formula,
                    column="全年预算数 − 全年执行数" if intent == "remaining" else "全年执行数 − 全年预算数")
        out["figures"] = [main, figure(p.budget), figure(p.spent)]
        out["warnings"].append("这是根据报告中两个印出的数字计算得出的结果，不是报告直接印出的数字。")
    else:
        fact = p.rate if intent == "rate" else p.spent
        if fact is None:
            return False
        out["answer"] = (f"{name}{year}年度“{p.name}”{fact['column']}为 {fact['value_text']}{fact['unit'] or ''}"
                         f"（{where(fact)}）。")
        out["figures"] = [dict(figure(fact), label=p.name)]
    out["status"] = "answered"
    return True


_ADD_UP = re.compile(r"加起来|加在一起|一共|总共|合计|共有|总数|总人数")


def units_total(question: str, catalog: Catalog, out: dict) -> bool:
    """A column of the units table added up over the units it lists ("四个单位在职人数加起来"),
    computed, each unit's figure cited; only where the table prints no total of its own."""
    from domain.vocabulary import COLUMN_WORDS

    text = compact(question)
    column = next((c for w, c in COLUMN_WORDS.items() if w in text), None)
    if column is None or not _ADD_UP.search(text):
        return False
    one = one_department(question, catalog)
    if one is None or one[4] is None:
        return False
    name, _, _, year, document = one
    from .lists import units_listed

    listed = [u["name"] for u in units_listed(catalog.store.tables(document))]
    cells = [f for f in catalog.facts(document) if column in (f["column"] or "") and f["number"] is not None
             and compact(f["row_label"]) in listed]
    tables = {f["table_index"] for f in cells}
    # every unit the table lists, each with a number, or no sum at all
    if len(cells) < 2 or len(cells) != len(listed) or len(tables) != 1 or len({f["unit"] for f in cells}) != 1:
        return False
    from .lookup import _asks_money

    if cells[0]["unit"] not in ("万元", "元") and _asks_money(text):
        return False  # a count (在职人数) never answers an amount asked (在职去世人员的抚恤金…列支了多少)
    from decimal import Decimal

    total = sum(Decimal(str(f["number"])) for f in cells)
    unit = cells[0]["unit"] or ""
    formula = " + ".join(f["value_text"] for f in cells)
    out["status"] = "answered"
    out["answer"] = (f"{name}{year}年度所列 {len(cells)} 个单位的“{cells[0]['column']}”合计为 {total}{unit}"
                     f"（计算：{formula}；见{where(cells[0])}）。")
    main = dict(figure(cells[0]), label=f"{len(cells)} 个单位{cells[0]['column']}合计", value=str(total),
                number=float(total), computed=True, formula=formula, row=None)
    out["figures"] = [main] + [figure(f) for f in cells]
    out["warnings"].append("这是把报告中分行印出的数字相加得出的结果，不是报告直接印出的数字。")
    return True
