"""A change between two years of one department read from its two reports, where the report of the
later year does not print the change itself ("政协办公厅2019年的收支预算总计比2017年多出多少").

The quantity is looked up in each year's report in the same words; the two figures must be the same
printed row and column of the same kind of table, in the same unit, each stated as the report prints
it.  The difference (later − earlier) is computed, labelled so, with its formula and both cells
cited; anything else — a year not ingested, the row printed in only one report, different tables or
units — gives no figure (the caller refuses).
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from domain.statements import asked_quantity

from .cite import figure, row_name, where
from .previous import ASKS_RATE

# the year compared with, as the question writes it: 比2017年, 较2018年度, 与2017年相比, 比上年
_BASE = re.compile(r"(?:比|较|与|和|跟|同)((?:19|20)\d{2})\s*年度?|(?:比|较|与|和|跟|同)(?:上年度?|上一年度?|去年|前一年)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def years_compared(question, years: list[int]) -> tuple[int, int] | None:
    """(the later year, the earlier one) the question compares, both among the department's reports."""
    base = _BASE.search(question.compact)
    if base is None:
        return None
    earlier = int(base.group(1)) if base.group(1) else None
    own = [y for y in (int(y) for y in _YEAR.findall(question.compact)) if y != earlier]
    later = own[0] if own else (earlier + 1 if earlier else (years[-1] if years else None))
    if later is None:
        return None
    earlier = earlier or later - 1
    return (later, earlier) if later in years and earlier in years and later != earlier else None


def _near(value: Decimal, rough: str) -> bool:
    """Whether a figure is the rough number said (2000多: 2000 up to the next step of its last digit, 3000)."""
    low = Decimal(rough)
    step = Decimal(10) ** (len(rough) - len(rough.rstrip("0"))) if rough.rstrip("0") != rough else Decimal(1)
    return low <= value < low + step


def _figure(catalog, department: str, year: int, subject: str) -> dict | None:
    from .lookup import lookup

    found = lookup(f"{year}年{subject}", catalog, department=department)
    if found.status != "answered" or found.parts or not found.facts or found.facts[0]["number"] is None:
        return None
    return found.facts[0]


def _same_cell(a: dict, b: dict) -> bool:
    """The same printed quantity in two reports: the row's name, the column and the unit (a narrative
    sentence's subject stands for its row)."""
    from .lookup import bare_label

    return (bare_label(a["row_label"]) == bare_label(b["row_label"]) and a["table_kind"] == b["table_kind"]
            and (a["column"] or "") == (b["column"] or "") and (a["unit"] or "") == (b["unit"] or ""))


def answer_across(question, catalog, out: dict) -> bool:
    """Fill `out` with the computed change between the two years' reports; False when there is none."""
    department = question.department
    if department is None:
        return False
    compared = years_compared(question, catalog.years(department))
    if compared is None:
        return False
    later, earlier = compared
    rest = question.compact.replace(question.span, "|", 1) if question.span else question.compact
    rough = re.search(r"(\d+)(?:多|余)万?元?", rest)  # "少了2000多万": the change must be that rough number
    rest = re.sub(r"[多少高低]出了?|\d+(?:多|余)万?元?", "", _BASE.sub("", rest))
    asked = asked_quantity(rest)
    if not asked:
        return False
    now, before = (_figure(catalog, department, y, asked[0]) for y in (later, earlier))
    if now is None or before is None or not _same_cell(now, before):
        return False
    change = Decimal(str(now["number"])) - Decimal(str(before["number"]))
    if rough and not _near(change.copy_abs(), rough.group(1)):
        return False
    rate = bool(ASKS_RATE.search(question.compact))  # 增长了百分之几: the change over the earlier figure
    if rate and before["number"] == 0:
        return False
    shown = change.copy_abs() / Decimal(str(before["number"])) * 100 if rate else change.copy_abs()
    value = str(shown.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    word = ("增长" if rate else "增加") if change > 0 else ("下降" if rate else "减少") if change < 0 else "持平"
    unit = "%" if rate else now["unit"] or ""
    formula = (f"({now['value_text']} − {before['value_text']}) ÷ {before['value_text']} × 100%" if rate
               else f"{now['value_text']} − {before['value_text']}")
    name = row_name(now)
    what = f"比{earlier}年{word} {value}{unit}" if change else f"与{earlier}年持平"
    out["status"] = "answered"
    amount = now["unit"] or ""
    out["answer"] = (f"{value}{unit}：{department}{later}年度{name}{what}——按两年报告印出的数字计算（{formula}；"
                     f"{later}年 {now['value_text']}{amount} 见{where(now)}；{earlier}年 {before['value_text']}{amount} 见{where(before)}）。")
    main = {"label": f"{name}比{earlier}年{word}", "value": value, "number": float(value), "unit": unit,
            "computed": True, "formula": formula, "direction": word, "department": department, "year": later,
            "table": None, "table_title": None, "row": name, "column": None,
            "source": {"document": now["document"], "page": None, "line": None}}
    out["figures"] = [main, figure(now), figure(before)]
    out["warnings"].append(f"这是用{later}年和{earlier}年两份报告印出的数字计算得出的结果，不是报告直接印出的数字。")
    return True
