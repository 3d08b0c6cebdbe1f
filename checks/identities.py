"""Two accounting identities: 基本支出 = 人员经费 + 公用经费, and 三公经费 = 因公出国（境）费 +
公务用车购置及运行维护费 + 公务接待费, with 公务用车购置及运行维护费 = 购置费 + 运行维护费.
Whether the table prints them down its rows or across its columns."""
from __future__ import annotations

import re
from collections import defaultdict

from domain.normalize import compact
from domain.quantities import sangong_slot

from .model import Finding
from .report import Report, money
from .sums import sum_finding

_GENERAL_BASIC = re.compile(r"^(?:本年支出/)?基本支出$")


def basic_split(report: Report) -> list[Finding]:
    out: list[Finding] = []
    for facts in report.of_kind("基本支出决算表"):
        if "财政拨款" not in compact(facts[0]["table_title"]):
            continue
        rows: dict[tuple, dict[str, dict]] = defaultdict(dict)
        for f in facts:
            if money(f):
                rows[(f["row_group"], f["row_index"])].setdefault(compact(f["column"]), f)
        # across the columns: 合计 | 人员经费 | 公用经费 on every row
        for cells in rows.values():
            whole, people, office = cells.get("合计"), cells.get("人员经费"), cells.get("公用经费")
            if whole and people and office:
                out += _check(report, "basic-split", whole, [people, office], "基本支出")
        # down the rows: 人员经费合计 and 公用经费合计, against the 基本支出 of the general budget table
        people = _labelled(facts, "人员经费合计")
        office = _labelled(facts, "公用经费合计")
        if people and office:
            whole = _general_basic(report)
            if whole:
                out += _check(report, "basic-split", whole, [people, office], "基本支出")
    return out


def _labelled(facts: list[dict], label: str) -> dict | None:
    return next((f for f in facts if money(f) and compact(f["row_label"]) == label), None)


def _general_basic(report: Report) -> dict | None:
    for facts in report.of_kind("一般公共预算财政拨款支出决算表"):
        total = next((f for f in facts if money(f) and not f["row_code"] and compact(f["row_label"]) in ("合计", "总计")
                      and _GENERAL_BASIC.match(compact(f["column"]))), None)
        if total:
            return total
    return None


def sangong_parts(report: Report) -> list[Finding]:
    out: list[Finding] = []
    for facts in report.of_kind("三公经费支出决算表"):
        by_variant: dict[tuple, dict[str, dict]] = defaultdict(dict)
        for f in facts:
            if not money(f):
                continue
            slot, variant = sangong_slot(f)
            if slot:
                by_variant[variant].setdefault(slot, f)
        for slots in by_variant.values():
            car = slots.get("car")
            if car and ("purchase" in slots or "running" in slots):
                out += _check(report, "sangong-parts", car, [slots[s] for s in ("purchase", "running") if s in slots],
                              "公务用车购置及运行维护费")
            parts = [slots[s] for s in ("abroad", "car", "reception") if s in slots]
            if "car" not in slots:
                parts += [slots[s] for s in ("purchase", "running") if s in slots]
            if "total" in slots and len(parts) >= 1:
                out += _check(report, "sangong-parts", slots["total"], parts, "“三公”经费")
    return out


def _check(report: Report, rule: str, whole: dict, parts: list[dict], what: str) -> list[Finding]:
    names = " + ".join(f"{p['row_label'] or p['column']} {p['value_text']}" for p in parts)
    found = sum_finding(report, rule, whole, parts,
                        f"{whole['table_title']}：{what}印为 {whole['value_text']}"
                        f"（“{whole['row_label'] or whole['column']}”），而 {names} = {{sum}}")
    return [found] if found else []
