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

_SHARE = re.compile(r"^(?P<a>.+?)占(?P<b>.+?)的?(?:比例|比重|百分比|百分之几|多少|几成|份额)")
_DIFF = re.compile(r"^(?P<a>.+?)比(?P<b>.+?)(?:多多少|少多少|多了多少|少了多少|高多少|低多少)|^(?P<a2>.+?)(?:和|与)(?P<b2>.+?)相差")
_SUM = re.compile(r"^(?P<a>.+?)(?:加上?|和|与|及)(?P<b>.+?)(?:一共|加起来|合计|总共|共计|加在一起)")


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
    for kind, pattern in (("share", _SHARE), ("difference", _DIFF), ("sum", _SUM)):
        m = pattern.search(text)
        if not m:
            continue
        a = m.group("a") or m.groupdict().get("a2")
        b = m.group("b") or m.groupdict().get("b2")
        if not a or not b:
            continue
        facts = []
        for part in (a, b):
            result = lookup(year_hint + part, catalog, department=department)
            if result.status != "answered" or result.narrative or result.facts[0]["number"] is None:
                return None
            facts.append(result.facts[0])
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
