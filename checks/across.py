"""The same quantity printed in several tables agrees: a subject's spending in 支出决算表 and
收入支出决算总表 (all funds), in 一般公共预算财政拨款支出决算表 and the 一般公共预算 column of
财政拨款收入支出决算总表, their 合计 and 基本支出/项目支出, 本年收入合计 in 收入决算表 and the
summary table, the 基本支出 total of the 基本支出表.  Tables read by OCR that disagree are a reading
notice unless every OCR'd cell involved was read surely (`sums.misread`).

A quantity is (subject, funds, measure).  The subject is the row's subject code, or a summary
table's 类 name (十九、住房保障支出) mapped to the code other tables print for it, or 合计; the
funds and measure come from the table and column, as domain.quantities.QUANTITY_COLUMNS lists them."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from domain.quantities import quantity_of
from domain.quantities import subject_names as _subject_names

from .model import NOTICE, Finding, severity_of
from .report import Report, money
from .sums import MISREAD_NOTE, misread

_NUMBERING = re.compile(r"^[一二三四五六七八九十]+、")
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
        elif misread(severity, facts):
            severity = NOTICE
            message += MISREAD_NOTE
        elif severity == "rounding":
            message += "（属尾数差异）"
        out.append(Finding("cross-table", severity, message, shown,
                           "、".join(dict.fromkeys(f["value_text"] for f in odd)),
                           tuple(report.cell(f) for f in facts)))
    return out


def subject_names(report: Report) -> dict[str, str]:
    """类 names as the coded tables print them, to their codes: 住房保障支出 → 221."""
    return _subject_names(report.facts)
