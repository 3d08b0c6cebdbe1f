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

from .lookup import Catalog, lookup, stated_fact

# a part of a whole asked as "W里 P 占多少" (政府采购里服务类占了多少比例): P is looked up as W's P
_PART_OF = re.compile(r"^(?P<b>.+?)(?:里面|里|当中|之中|中)[,，]?的?(?P<a>[^占]+?)(?:占了?|所占|的?占比)")
_SHARE = re.compile(r"^(?P<a>.+?)占(?P<b>.+?)的?(?:比例|比重|百分比|百分之几|多少|几成|份额)")
_DIFF = re.compile(r"^(?P<a>.+?)比(?P<b>.+?)(?P<how>[多少高低大小超])出?了?(?:多少|几)|^(?P<a2>.+?)(?:和|与)(?P<b2>.+?)相差")
_SUM = re.compile(r"^(?P<a>.+?)(?:加上?|和|与|及)(?P<b>.+?)(?:一共|加起来|合计|总共|共计|加在一起)")


_OTHER_YEAR = re.compile(r"^(?:上年度?|上一年度?|去年|前一年|(?:19|20)\d{2}年度?)(?:决算数?|预算数?)?(?:相比)?$")
_GENERIC_TAIL = re.compile(r"(?:类|的|采购|支出|金额|部分)+$")


def _figure(question: str, catalog: Catalog, department: str, table_index: int | None = None) -> dict | None:
    """The printed figure the lookup finds: a table cell, or an amount a sentence states."""
    result = lookup(question, catalog, department=department, table_index=table_index)
    if result.status != "answered" or result.parts or not result.facts or result.facts[0]["number"] is None:
        return None
    if result.narrative and "sentence" not in result.facts[0]:
        return None
    return result.facts[0]


def _names(words: str, f: dict) -> bool:
    """Whether a figure's place names `words`: in its label (or the words it was asked by), or
    every word of them in its label, table title and column together (政府性基金拨款: the 合计 of
    政府性基金预算财政拨款收入支出决算表)."""
    if words in compact(f.get("asked") or f["row_label"]):
        return True
    from index.tokens import engine

    place = compact(f["row_label"] + (f.get("table_title") or "") + (f.get("column") or ""))
    tokens = [t for t in engine().lcut(words) if len(t) >= 2]
    return bool(tokens) and all(t in place for t in tokens)


def _same_report(a: dict, b: dict) -> bool:
    """Two figures of one department's report of one year (in one file or in its two)."""
    from index.aliases import department_key

    return a["year"] == b["year"] and department_key(a["department"]) == department_key(b["department"])


def _cell(f: dict) -> tuple:
    """Where a figure is printed: its table cell, or its sentence's subject."""
    return f["document"], f.get("table_index"), f.get("row_index"), f["column"], f["row_label"], f["page"], f["line"]


def _beside(part: dict, whole: dict) -> bool:
    """A part printed with its whole: the same table, or the same sentence of the narrative."""
    if part["document"] != whole["document"] or part is whole:
        return False
    if part["table_kind"] != "情况说明":
        return part.get("table_index") == whole.get("table_index") and part["row_label"] != whole["row_label"]
    return part.get("sentence") is not None and part.get("sentence") == whole.get("sentence")


_GLOSS = re.compile(r"[（(][^（）()]*[+＋、][^（）()]*[)）]")


@dataclass(frozen=True)
class Computed:
    kind: str  # share | difference | sum
    value: str
    unit: str
    formula: str
    inputs: tuple[dict, ...]
    department: str
    year: int
    note: str = ""  # what the reader should know about the inputs (two tables)
    printed: bool = False  # the share as the report prints it, not computed


def _printed_share(a: str, b: str, catalog: Catalog, department: str, year_hint: str) -> Computed | None:
    """The share of a in b as the narrative prints it, when every sentence that prints one agrees."""
    from .narrative import stated_share

    years = catalog.years(department)
    year = int(year_hint[:4]) if year_hint[:4].isdigit() else (years[-1] if years else None)
    document = catalog.document_for(department, year) if year in years else None
    if document is None:
        return None
    a = re.split(r"[,，:：;；]|里面|里|当中|之中", a)[-1]  # 预算说明里，因公出国(境)费: the part is the last clause
    core = _GENERIC_TAIL.sub("", a) or a
    found = stated_share(core, re.sub(r"(?:支出|经费)$", "", b) or b, catalog.store.passages(document))
    if len({f.value for f in found}) != 1:
        return None
    f = found[0]
    fact = stated_fact(f.value, "%", f.sentence, f.document, f.page, f.line, department, year)
    return Computed("share", f.value, "%", "", (fact,), department, year, printed=True)


def compute(question: str, catalog: Catalog, department: str, year_hint: str = "") -> Computed | None:
    text = compact(question)
    note = ""
    for kind, pattern in (("share", _PART_OF), ("share", _SHARE), ("difference", _DIFF), ("sum", _SUM)):
        m = pattern.search(text)
        if not m:
            continue
        a = m.group("a") or m.groupdict().get("a2")
        b = m.group("b") or m.groupdict().get("b2")
        # a gloss that lists what a figure adds up (“三公”经费（出国+公车+接待三项）) says which whole, not a part
        glossed = bool(b and _GLOSS.search(b))
        a, b = (_GLOSS.sub("", x) if x else x for x in (a, b))
        if not a or not b:
            continue
        if kind == "difference" and _OTHER_YEAR.match(b):
            return None  # 比上年多了多少: the change on a year, not a difference of two printed rows
        # (a whole the question defines by its parts is not the whole a printed share may be of)
        if kind == "share" and not glossed and (printed := _printed_share(a, b, catalog, department, year_hint)):
            return printed  # the share the report prints is quoted, not worked out again
        whole = _figure(year_hint + b, catalog, department)
        if whole is None and kind == "share" and pattern is _PART_OF:
            continue  # "说明里，A占B的比例": the whole may be the one named after 占
        if whole is None and kind == "difference" and len(b) < len(a):
            # the second named by the word that sets it apart, the rest understood from the first
            # (年末结转结余比年初…: 年初结转结余; 基本支出比项目…: 项目支出)
            whole = _figure(year_hint + b + a[len(b):], catalog, department)
        if whole is None:
            return None
        if pattern is _PART_OF:
            # the part as the whole's part (政府采购 + 服务) or in its own words (工程采购), and
            # printed beside the whole: in its table or in the sentence that breaks it down
            core = _GENERIC_TAIL.sub("", a) or a
            within = whole.get("table_index") if whole["table_kind"] != "情况说明" else None
            parts = [f for p in (b + core, a) if (f := _figure(year_hint + p, catalog, department, within))]
            part = next((f for f in parts if f is not whole and _beside(f, whole)), None)
            if part is None and len(core) >= 4:
                # a part its own table prints under its own name (基本支出里人员经费: 人员经费合计 of the
                # 基本支出 table beside the 支出决算表's 基本支出), no larger than the whole
                own = _figure(year_hint + a, catalog, department)
                if own is not None and own is not whole and _same_report(own, whole) \
                        and _names(core, own) \
                        and Decimal(str(own["number"])) <= Decimal(str(whole["number"])):
                    part = own
                    note = (f"两个数字取自报告的不同地方：“{own['row_label']}”见{own['table_title']}，"
                            f"“{whole['row_label']}”见{whole['table_title']}；两处的资金范围可能不同。")

        else:
            part = _figure(year_hint + a, catalog, department)
        if part is None:
            return None
        if part is whole or _cell(part) == _cell(whole):
            return None  # the two named things read as one printed cell: not two figures
        facts = [part, whole]
        x, y = (Decimal(str(f["number"])) for f in facts)
        ua, ub = facts[0]["unit"] or "", facts[1]["unit"] or ""
        if kind == "share":
            if y == 0 or ua != ub:
                return None
            value, unit, formula = x / y * 100, "%", f"{facts[0]['value_text']} ÷ {facts[1]['value_text']} × 100%"
        elif ua != ub:
            return None
        elif kind == "difference" and m.groupdict().get("how") in ("少", "低", "小"):  # A 比 B 少多少: B − A
            value, unit, formula = y - x, ua, f"{facts[1]['value_text']} − {facts[0]['value_text']}"
        elif kind == "difference":
            value, unit, formula = x - y, ua, f"{facts[0]['value_text']} − {facts[1]['value_text']}"
        else:
            value, unit, formula = x + y, ua, f"{facts[0]['value_text']} + {facts[1]['value_text']}"
        shown = str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        return Computed(kind, shown, unit, formula, tuple(facts), department, facts[0]["year"], note)
    return None
