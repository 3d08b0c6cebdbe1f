"""Computed answers from two printed figures: a share (A 占 B 的比例), a sum (A 加 B), a
difference (A 比 B 多多少).  Each input is looked up like any figure and cited; the result says it
is computed, shows its formula with the printed inputs, and is rounded to two decimals.  Inputs
in different units, or an input that is not found, give no result.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from domain.normalize import compact

from .lookup import Catalog, lookup

# a part of a whole asked as "W里 P 占多少" (政府采购里服务类占了多少比例): P is looked up as W's P
_PART_OF = re.compile(r"^(?P<b>.+?)(?:里面|里|当中|之中|中)[,，]?的?(?P<a>[^占]+?)(?:占了?|所占|的?占比)")
_SHARE = re.compile(r"^(?P<a>.+?)占(?P<b>.+?)的?(?:比例|比重|百分比|百分之几|多少|几成|份额)")
_DIFF = re.compile(r"^(?P<a>.+?)比(?P<b>.+?)(?:多多少|少多少|多了多少|少了多少|高多少|低多少)|^(?P<a2>.+?)(?:和|与)(?P<b2>.+?)相差")
_SUM = re.compile(r"^(?P<a>.+?)(?:加上?|和|与|及)(?P<b>.+?)(?:一共|加起来|合计|总共|共计|加在一起)")


_GENERIC_TAIL = re.compile(r"(?:类|的|采购|支出|金额|部分)+$")


def _figure(question: str, catalog: Catalog, department: str, table_index: int | None = None) -> dict | None:
    """The printed figure the lookup finds: a table cell, or an amount a sentence states."""
    result = lookup(question, catalog, department=department, table_index=table_index)
    if result.status != "answered" or result.parts or not result.facts or result.facts[0]["number"] is None:
        return None
    if result.narrative and "sentence" not in result.facts[0]:
        return None
    return result.facts[0]


def _beside(part: dict, whole: dict) -> bool:
    """A part printed with its whole: the same table, or the same sentence of the narrative."""
    if part["document"] != whole["document"] or part is whole:
        return False
    if part["table_kind"] != "情况说明":
        return part.get("table_index") == whole.get("table_index") and part["row_label"] != whole["row_label"]
    return part.get("sentence") is not None and part.get("sentence") == whole.get("sentence")


@dataclass(frozen=True)
class Computed:
    kind: str  # share | difference | sum
    value: str
    unit: str
    formula: str
    inputs: tuple[dict, ...]
    department: str
    year: int


def compute(question: str, catalog: Catalog, department: str, year_hint: str = "") -> Computed | None:
    text = compact(question)
    for kind, pattern in (("share", _PART_OF), ("share", _SHARE), ("difference", _DIFF), ("sum", _SUM)):
        m = pattern.search(text)
        if not m:
            continue
        a = m.group("a") or m.groupdict().get("a2")
        b = m.group("b") or m.groupdict().get("b2")
        if not a or not b:
            continue
        whole = _figure(year_hint + b, catalog, department)
        if whole is None:
            return None
        if pattern is _PART_OF:
            # the part as the whole's part (政府采购 + 服务) or in its own words (工程采购), and
            # printed beside the whole: in its table or in the sentence that breaks it down
            core = _GENERIC_TAIL.sub("", a) or a
            within = whole.get("table_index") if whole["table_kind"] != "情况说明" else None
            parts = [f for p in (b + core, a) if (f := _figure(year_hint + p, catalog, department, within))]
            part = next((f for f in parts if f is not whole and _beside(f, whole)), None)
        else:
            part = _figure(year_hint + a, catalog, department)
        if part is None:
            return None
        facts = [part, whole]
        x, y = (Decimal(str(f["number"])) for f in facts)
        ua, ub = facts[0]["unit"] or "", facts[1]["unit"] or ""
        if kind == "share":
            if y == 0 or ua != ub:
                return None
            value, unit, formula = x / y * 100, "%", f"{facts[0]['value_text']} ÷ {facts[1]['value_text']} × 100%"
        elif ua != ub:
            return None
        elif kind == "difference":
            value, unit, formula = x - y, ua, f"{facts[0]['value_text']} − {facts[1]['value_text']}"
        else:
            value, unit, formula = x + y, ua, f"{facts[0]['value_text']} + {facts[1]['value_text']}"
        shown = str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        return Computed(kind, shown, unit, formula, tuple(facts), department, facts[0]["year"])
    return None
