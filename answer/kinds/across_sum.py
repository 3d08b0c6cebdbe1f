"""The same quantity of several departments added up (五家的收支预算总计加起来是多少), or of two
departments divided (省高院的收支预算总计是省检察院的几倍: the first named ÷ the second): each
department's figure found as a comparison finds it (answer.ranking.same_quantity), the result
computed with its formula, every input cited; nothing when a department's report lacks it."""
from __future__ import annotations

import re

name = "across_sum"
# the words that ask to add several departments' figures, and the count of them (五家的, 这三个单位)
_SUMMING = re.compile(r"加起来|加在一起|合起来|合计起来|相加|一共|总共|共计|总和|之和"
                      r"|[这那]?(?:[两二三四五六七八九十]|\d+|几)(?:家|个)(?:单位|部门)?的?")
# the words that ask how many times one figure is another (是…的几倍)
_TIMES = re.compile(r"(?:是|为|相当于)[^，,。？?是为]{0,20}?的?(?:几|多少)倍|(?:几|多少)倍|倍数")


def claims(question) -> bool:
    return (question.operation == "sum" and len(question.named) >= 2 or question.operation == "ratio"
            and len(question.named) == 2) and not question.unknown


def answer(question, context, out) -> bool:
    from decimal import ROUND_HALF_UP, Decimal

    from ..cite import figure, row_name, where
    from ..ranking import named_in, same_quantity

    catalog = context.catalog
    named = named_in(question.compact, catalog.departments, catalog.fiscal_words, catalog.labels)
    if len(named.departments) < 2 or named.problems:
        return False
    ratio = question.operation == "ratio"
    if ratio and len(named.departments) != 2:
        return False
    # each department is asked for its own figure: without the words that ask to add or divide them
    each = (_TIMES if ratio else _SUMMING).sub("", question.compact)
    found, converted, missing = same_quantity(question, catalog, named.departments, named, each, ranking=False)
    if not found or missing:
        out["status"] = "not_found"
        out["answer"] = (f"无法{'相除' if ratio else '相加'}：并非每个部门的报告都印了同一项，计算所需的数不完整。"
                         + "；".join(missing or ["没有找到可以计算的数字"]))
        return True
    units = {f["unit"] for f in found}
    if len(units) != 1:
        return False
    unit = units.pop() or ""
    if ratio:  # the first named ÷ the second, as the question writes them
        spans = dict(zip(named.departments, named.spans))
        order = tuple(sorted(named.departments, key=lambda d: question.compact.find(spans.get(d, d))))
        return _ratio(found, converted, order, out)
    total = sum(Decimal(str(f["number"])) for f in found)
    value = str(total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    formula = " + ".join(f["value_text"] for f in found)
    columns = {f["column"] for f in found}
    label = row_name(found[0]) + (f"“{columns.pop()}”" if len(columns) == 1 and "" not in columns else "")
    out["status"] = "answered"
    out["answer"] = (f"{value}{unit}：{len(found)}个部门的{label}加起来为 {value}{unit}（计算：{formula}；"
                     + "；".join(f"{f['department']}{f['year']}年 {f['value_text']}{unit} 见{where(f)}" for f in found)
                     + "）。")
    main = {"label": f"{len(found)}个部门的{label}之和", "value": value, "number": float(total), "unit": unit,
            "computed": True, "formula": formula, "department": None, "year": None, "table": None,
            "table_title": None, "row": None, "column": None, "source": {"document": None, "page": None, "line": None}}
    out["figures"] = [main] + [figure(f) for f in found]
    out["comparison"] = [{"department": f["department"], "year": f["year"], "value": f["value_text"],
                          "number": float(f["number"]), "unit": f["unit"]} for f in found]
    out["warnings"].append("这是把几个部门报告中印出的数字相加得出的结果，不是报告直接印出的数字。")
    if len({f["year"] for f in found}) > 1:
        out["warnings"].append("相加的报告年度不同：" + "、".join(sorted({str(f['year']) for f in found})))
    for f in converted:
        out["warnings"].append(f"{f['department']}的报告以元为单位印出，相加时换算为万元（÷10000，计算所得）。")
    return True


def _ratio(found: list[dict], converted: list[dict], order: tuple[str, ...], out: dict) -> bool:
    """The first department's figure ÷ the second's, as the question names them."""
    from decimal import ROUND_HALF_UP, Decimal

    from ..cite import figure, row_name, where

    by = {f["department"]: f for f in found}
    if len(found) != 2 or set(by) != set(order):
        return False
    a, b = by[order[0]], by[order[1]]
    if not b["number"]:
        out["status"] = "not_found"
        out["answer"] = f"无法计算倍数：{b['department']}{b['year']}年的{row_name(b)}为 {b['value_text']}。"
        return True
    value = str((Decimal(str(a["number"])) / Decimal(str(b["number"]))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    formula = f"{a['value_text']} ÷ {b['value_text']}"
    label = row_name(a) + (f"“{a['column']}”" if a["column"] and a["column"] == b["column"] else "")
    out["status"] = "answered"
    out["answer"] = (f"{value}倍：{a['department']}{a['year']}年的{label}是{b['department']}{b['year']}年的 {value} 倍"
                     f"（计算：{formula}；{a['value_text']}{a['unit'] or ''} 见{where(a)}；{b['value_text']}{b['unit'] or ''} 见{where(b)}）。")
    out["figures"] = [{"label": f"{label}之比", "value": value, "number": float(value), "unit": "倍", "computed": True,
                       "formula": formula, "department": None, "year": None, "table": None, "table_title": None,
                       "row": None, "column": None, "source": {"document": None, "page": None, "line": None}},
                      figure(a), figure(b)]
    out["warnings"].append("这是用两个部门报告中印出的数字相除得出的结果，不是报告直接印出的数字。")
    for f in converted:
        out["warnings"].append(f"{f['department']}的报告以元为单位印出，计算时换算为万元（÷10000，计算所得）。")
    return True
