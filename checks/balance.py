"""Rules on the two summary tables (收入支出决算总表, 财政拨款收入支出决算总表): each side balances —
本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 总计 = 本年支出合计 + 结余分配 + 年末结转和结余 —
本年收入合计 and 本年支出合计 are the sums of the items above them, a 结转和结余 line the sum of the
lines printed under it, both sides' 总计 agree, and a 合计 column is the sum of the columns beside it."""
from __future__ import annotations

import re
from collections import defaultdict

from domain.normalize import compact

from .model import Finding
from .report import Report, money
from .sums import sum_finding

KINDS = ("收入支出决算总表", "财政拨款收入支出决算总表")
_ITEM = re.compile(r"^[一二三四五六七八九十]+、")
_YEAR_TOTAL = re.compile(r"^本年(收入|支出)合计$")
# lines between the year's total and the 总计 that add to it; anything else there is a breakdown
_EXTRA = re.compile(r"^(?:使用非财政拨款结余|使用专用结余|用?事业基金弥补收支差额|年初(?:财政拨款)?结转和结余"
                    r"|结余分配|年末(?:财政拨款)?结转和结余)")
_GRAND = re.compile(r"^(?:总计|合计)$")


def summary_balance(report: Report) -> list[Finding]:
    out: list[Finding] = []
    for facts in report.of_kind(*KINDS):
        sides = defaultdict(list)
        for f in facts:
            if money(f):
                sides[f["row_group"]].append(f)
        grands = []
        for group in sorted(sides):
            rows = _rows(sides[group])
            out += _side(report, rows)
            grand = next((r for r in rows if _GRAND.match(r["label"]) and r["after_total"]), None)
            if grand:
                grands.append(grand)
            out += _columns(report, rows)
        if len(grands) == 2:
            income, spending = (next(iter(g["cells"].values())) for g in grands)
            finding = _check(report, income, [spending], "收支两侧“总计”应相等：收入侧印为 {printed}，支出侧印为 {sum}")
            if finding:
                out.append(finding)
    return out


def _rows(facts: list[dict]) -> list[dict]:
    rows: dict[int, dict] = {}
    for f in facts:
        row = rows.setdefault(f["row_index"], {"label": compact(f["row_label"]).replace(":", "："), "cells": {}})
        row["cells"].setdefault(f["column"], f)
    ordered = [rows[i] for i in sorted(rows)]
    seen_total = False
    for row in ordered:
        row["after_total"] = seen_total
        if _YEAR_TOTAL.match(row["label"]):
            seen_total = True
    return ordered


def _side(report: Report, rows: list[dict]) -> list[Finding]:
    out = []
    at = next((i for i, r in enumerate(rows) if _YEAR_TOTAL.match(r["label"])), None)
    if at is None:
        return out
    year_total = rows[at]
    items = [r for r in rows[:at] if _ITEM.match(r["label"])]
    out += _each_column(report, year_total, items, "“{row}”“{column}”印为 {printed}，上方各项之和为 {sum}")
    grand_at = next((i for i in range(at + 1, len(rows)) if _GRAND.match(rows[i]["label"])), None)
    if grand_at is None:
        return out
    extras, i = [], at + 1
    while i < grand_at:
        row = rows[i]
        i += 1
        if not _EXTRA.match(row["label"]):
            continue
        extras.append(row)
        parts = []  # the lines printed under it, without their 其中
        while i < grand_at and not _EXTRA.match(rows[i]["label"]):
            if not rows[i]["label"].startswith("其中"):
                parts.append(rows[i])
            i += 1
        if parts:
            out += _each_column(report, row, parts, "“{row}”“{column}”印为 {printed}，其下各行之和为 {sum}")
    out += _each_column(report, rows[grand_at], [year_total, *extras],
                        "“{row}”“{column}”印为 {printed}，" + "、".join(r["label"] for r in [year_total, *extras])
                        + " 之和为 {sum}")
    return out


def _columns(report: Report, rows: list[dict]) -> list[Finding]:
    """A 合计 (or 小计) column is the sum of the columns printed beside it under the same heading."""
    out = []
    for row in rows:
        for column, total in row["cells"].items():
            head, _, leaf = column.rpartition("/")
            if leaf not in ("合计", "小计") or not head:
                continue
            parts = [f for c, f in row["cells"].items() if c != column and c.rpartition("/")[0] == head]
            if parts:
                finding = _check(report, total, parts, f"“{total['row_label']}”“{column}”印为 {{printed}}，"
                                                       f"同一行各栏之和为 {{sum}}")
                if finding:
                    out.append(finding)
    return out


def _each_column(report: Report, total: dict, parts: list[dict], message: str) -> list[Finding]:
    out = []
    for column, cell in total["cells"].items():
        values = [p["cells"][column] for p in parts if column in p["cells"]]
        if values:
            finding = _check(report, cell, values, message.replace("{row}", cell["row_label"]).replace("{column}", column))
            if finding:
                out.append(finding)
    return out


def _check(report: Report, total: dict, parts: list[dict], message: str) -> Finding | None:
    text = f"{total['table_title']}：" + message.replace("{printed}", total["value_text"])
    return sum_finding(report, "summary-balance", total, parts, text)
