"""The same quantity printed in several tables agrees: a subject's spending in 支出决算表 and
收入支出决算总表 (all funds), in 一般公共预算财政拨款支出决算表 and the 一般公共预算 column of
财政拨款收入支出决算总表, their 合计 and 基本支出/项目支出, 本年收入合计 in 收入决算表 and the
summary table, the 基本支出 total of the 基本支出表.

A quantity is (subject, funds, measure).  The subject is the row's subject code, or a summary
table's 类 name (十九、住房保障支出) mapped to the code other tables print for it, or 合计; the
funds and measure come from the table and column, as QUANTITY_COLUMNS lists them."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from domain.normalize import compact

from .model import NOTICE, Finding, severity_of
from .report import Report, money

ALL, FISCAL, GENERAL, FUND = "全部资金", "财政拨款", "一般公共预算财政拨款", "政府性基金预算财政拨款"

# (table kind, column pattern over the column path) -> (funds, measure); first match wins
QUANTITY_COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("支出决算表", r"^本年支出合计(?:/合计)?$|^合计$", ALL, "支出"),
    ("支出决算表", r"^基本支出$", ALL, "基本支出"),
    ("支出决算表", r"^项目支出$", ALL, "项目支出"),
    ("收入决算表", r"^本年收入合计(?:/合计)?$|^合计$", ALL, "收入"),
    ("一般公共预算财政拨款支出决算表", r"^(?:本年支出/)?(?:小计|合计|本年支出合计)$", GENERAL, "支出"),
    ("一般公共预算财政拨款支出决算表", r"^(?:本年支出/)?基本支出$", GENERAL, "基本支出"),
    ("一般公共预算财政拨款支出决算表", r"^(?:本年支出/)?项目支出$", GENERAL, "项目支出"),
    ("政府性基金预算财政拨款收入支出决算表", r"^(?:本年支出/)?(?:小计|合计|本年支出合计)$", FUND, "支出"),
    ("收入支出决算总表", r"^支出/[^/]*(?:决算数|金额)$|^支出/[^/]*$", ALL, "支出"),
    ("收入支出决算总表", r"^收入/[^/]*(?:决算数|金额)$|^收入/[^/]*$", ALL, "收入"),
    ("财政拨款收入支出决算总表", r"^支出/[^/]*一般公共预算", GENERAL, "支出"),
    ("财政拨款收入支出决算总表", r"^支出/[^/]*政府性基金", FUND, "支出"),
    ("财政拨款收入支出决算总表", r"^支出/(?:[^/]*(?:合计|小计|决算数|金额))$", FISCAL, "支出"),
    ("基本支出决算表", r"^合计$", GENERAL, "基本支出"),
)
_COLUMNS = tuple((kind, re.compile(p), funds, measure) for kind, p, funds, measure in QUANTITY_COLUMNS)
_NUMBERING = re.compile(r"^[一二三四五六七八九十]+、")
_YEAR_TOTAL = re.compile(r"^本年(收入|支出)合计$")
_SUMMARY = ("收入支出决算总表", "财政拨款收入支出决算总表")


def cross_table(report: Report) -> list[Finding]:
    names = subject_names(report)
    seen: dict[tuple, dict[int, dict]] = defaultdict(dict)
    for f in report.facts:
        if not money(f):
            continue
        key = quantity_of(f, names)
        if key is not None:
            seen[key].setdefault(f["table_index"], f)  # one cell per table
    out = []
    for (subject, funds, measure), by_table in seen.items():
        if len(by_table) < 2:
            continue
        facts = list(by_table.values())
        votes = Counter(f["number"] for f in facts)
        if len(votes) == 1:
            continue
        # the figure most tables print is expected; on a tie, the one a table with the subject's
        # breakdown prints (its own rows are checked against it by the roll-up rules)
        expected = max(votes, key=lambda n: (votes[n], any(f["number"] == n and f["table_kind"] not in _SUMMARY
                                                           for f in facts)))
        odd = [f for f in facts if f["number"] != expected]
        severity = severity_of(max((f["number"] - expected for f in odd), key=abs))
        shown = next(f for f in facts if f["number"] == expected)["value_text"]
        what = "合计" if subject == "合计" else f"“{_NUMBERING.sub('', facts[0]['row_label']) or subject}”"
        where = "；".join(f"{f['table_title']}印为 {f['value_text']}" for f in facts)
        message = f"{what}的{funds}{measure}在各表中不一致：{where}"
        if severity == "error" and any(f["table_index"] in report.unread_tables for f in facts):
            severity = NOTICE
            message += "；其中有的表有科目编码无法识别的行，数字可能对错了行，请对照原表"
        elif severity == "rounding":
            message += "（属尾数差异）"
        out.append(Finding("cross-table", severity, message, shown,
                           "、".join(dict.fromkeys(f["value_text"] for f in odd)),
                           tuple(report.cell(f) for f in facts)))
    return out


def quantity_of(fact: dict, names: dict[str, str]) -> tuple | None:
    """(subject, funds, measure) of a printed figure, or None when it is no such quantity."""
    kind = fact["table_kind"]
    if kind == "基本支出决算表" and "财政拨款" not in compact(fact["table_title"]):
        return None
    column = compact(fact["column"])
    hit = next(((funds, measure) for k, pattern, funds, measure in _COLUMNS if k == kind and pattern.search(column)), None)
    if hit is None:
        return None
    funds, measure = hit
    label = compact(fact["row_label"])
    if kind in _SUMMARY:
        side = "收入" if fact["row_group"] == 0 else "支出"
        if measure != side and not (measure in ("基本支出", "项目支出") and side == "支出"):
            return None
        if _YEAR_TOTAL.match(label):
            return ("合计", funds, measure)
        if side == "收入" or not _NUMBERING.match(label):
            return None
        name = _NUMBERING.sub("", label)
        return (names.get(name, name), funds, measure)
    if kind == "基本支出决算表":
        return ("合计", funds, measure) if label == "合计" and not fact["row_code"] else None
    if fact["row_code"] and fact["row_level"]:
        return (fact["row_code"], funds, measure)
    if label in ("合计", "总计") and not fact["row_code"]:
        return ("合计", funds, measure)
    return None


def subject_names(report: Report) -> dict[str, str]:
    """类 names as the coded tables print them, to their codes: 住房保障支出 → 221."""
    out: dict[str, str] = {}
    for f in report.facts:
        if f["row_level"] == "类" and f["row_code"] and f["row_label"] and f["table_kind"] != "基本支出决算表":
            out.setdefault(compact(f["row_label"]), f["row_code"])
    return out
