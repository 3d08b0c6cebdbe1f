"""Answers from what the narrative says about a quantity (see `statements`):

- why it changed, or why it is what it is: the report's own reason, quoted;
- how much it changed on the previous year: the change as printed (增加/减少 → 万元,
  增长/下降 → %);
- how much of the budget it used: the completion rate as printed, or, when the report prints
  the budget and the final figure but no rate, their ratio, marked computed;
- the previous year's amount: this year's amount minus the printed increase (plus the decrease),
  marked computed with its formula; from a percentage only when the question asks roughly
  (大约, 大概), and then said to be approximate.

A question none of this fits, or a quantity the narrative states in two different ways, gets
None: the caller goes on to the other kinds of answer, or refuses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from domain.normalize import compact

from domain.statements import Statement, about, asked_quantity, statements

WHY = re.compile(r"为什么|为何|原因|怎么回事|为啥")
CHANGE = re.compile(r"(?:比|较|与)(?:上年|上一年|去年|\d{4}年).{0,8}(?:增加|减少|增长|下降|变化|多|少)(?:了)?(?:百分之)?(?:多少|几)")
COMPLETION = re.compile(r"完成.{0,6}预算|预算.{0,4}完成|完成率|执行率|执行了?(?:多少|百分之)")
PREVIOUS = re.compile(r"上一年|上年度?(?!增|减|相比)|去年")
ROUGHLY = re.compile(r"大约|大概|约|左右|估计")
ASKS_BUDGET = re.compile(r"(?:全年|年初)预算|预算(?:是|为|有|多少|大约|大概)")

@dataclass(frozen=True)
class Explained:
    kind: str  # why | change | completion | previous | budget
    value: str
    unit: str | None
    computed: bool
    formula: str | None
    statement: Statement
    approximate: bool = False


def intent(question: str) -> str | None:
    text = compact(question)
    if WHY.search(text):
        return "why"
    if COMPLETION.search(text):
        return "completion"
    if CHANGE.search(text):
        return "change"
    if ASKS_BUDGET.search(text) and ROUGHLY.search(text):
        return "budget"
    return None


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _shown(value: Decimal, like: str) -> str:
    value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{value:,}" if "," in like else str(value)


def explain(question: str, passages: list[dict], departments: list[str], kind: str | None = None) -> Explained | None:
    """`question` without the words that named the department."""
    kind = kind or intent(question)
    if kind is None:
        return None
    text = compact(question)
    asked = asked_quantity(question)
    if not asked:
        return None
    found = statements(passages, departments)
    if kind == "why":
        if re.search(r"是0|为0|为零|是零|没花|没有花|一分钱", text):
            want = lambda s: bool(s.reasons) and s.amount is not None and _number(s.amount) == 0
        else:
            direction = 1 if re.search(r"增加|增长|多了|上升|提高|大增", text) else \
                -1 if re.search(r"减少|下降|少了|降低|下滑", text) else None
            want = lambda s: bool(s.reasons) and (s.change or s.change_pct or s.flat) and (
                direction is None or s.direction == direction)
        chosen = about(found, asked, want)
        reasons = {s.reasons[0] for s in chosen}
        if len(reasons) != 1:
            return None
        return Explained("why", chosen[0].reasons[0], None, False, None, chosen[0])
    if kind == "change":
        pct = bool(re.search(r"增长|下降|百分", text)) and not re.search(r"万元|多少钱", text)
        field = "change_pct" if pct else "change"
        chosen = about(found, asked, lambda s: getattr(s, field) is not None)
        values = {getattr(s, field) for s in chosen}
        if len(values) != 1:
            return None
        return Explained("change", values.pop(), "%" if pct else "万元", False, None, chosen[0])
    if kind == "completion":
        chosen = about(found, asked, lambda s: s.completion is not None)
        if chosen:
            values = {s.completion for s in chosen}
            return Explained("completion", values.pop(), "%", False, None, chosen[0]) if len(values) == 1 else None
        chosen = about(found, asked, lambda s: s.amount is not None and s.budget is not None and _number(s.budget))
        results = {(s.amount, s.budget) for s in chosen}
        if len(results) != 1:
            return None
        amount, budget = results.pop()
        value = _shown(_number(amount) / _number(budget) * 100, "")
        return Explained("completion", value, "%", True, f"{amount} ÷ {budget} × 100%", chosen[0])
    if kind == "budget":
        chosen = about(found, asked, lambda s: s.budget is not None)
        if chosen:
            values = {s.budget for s in chosen}
            return Explained("budget", values.pop(), "万元", False, None, chosen[0]) if len(values) == 1 else None
        chosen = about(found, asked, lambda s: s.amount is not None and s.completion and _number(s.completion))
        results = {(s.amount, s.completion) for s in chosen}
        if len(results) != 1:
            return None
        amount, rate = results.pop()
        value = _shown(_number(amount) / _number(rate) * 100, amount)
        return Explained("budget", value, "万元", True, f"{amount} ÷ {rate}%", chosen[0], approximate=True)
    if kind == "previous":
        chosen = about(found, asked, lambda s: s.amount is not None and (s.change is not None or s.flat))
        results = {(s.amount, s.change, s.direction, s.flat) for s in chosen}
        if len(results) == 1:
            amount, change, direction, flat = results.pop()
            if flat:
                return Explained("previous", amount, "万元", True, f"{amount}（与上年持平）", chosen[0])
            value = _number(amount) - direction * _number(change)
            sign = "−" if direction > 0 else "+"
            return Explained("previous", _shown(value, amount), "万元", True, f"{amount} {sign} {change}", chosen[0])
        if results or not ROUGHLY.search(text):
            return None
        chosen = about(found, asked, lambda s: s.amount is not None and s.change_pct is not None)
        results = {(s.amount, s.change_pct, s.direction) for s in chosen}
        if len(results) != 1:
            return None
        amount, pct, direction = results.pop()
        base = 1 + direction * _number(pct) / 100
        if base <= 0:
            return None
        sign = "+" if direction > 0 else "−"
        return Explained("previous", _shown(_number(amount) / base, amount), "万元", True,
                         f"{amount} ÷ (1 {sign} {pct}%)", chosen[0], approximate=True)
    return None
