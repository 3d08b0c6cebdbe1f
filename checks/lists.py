"""A list of items printed without subject codes against its 合计 (list-total): in a 政府采购预算表
the 合计 row is the sum of the rows numbered 一、二、三… (一、货物 / 二、工程 / 三、服务), column by
column.  Only the numbered rows are added up: the projects and items printed under them are their
breakdown, and how deep it goes is not printed.  A table with subject codes is for total-rows and
subject-rollup; the summary tables for summary-balance."""
from __future__ import annotations

import re

from domain.normalize import compact

from .model import Finding
from .report import Report, grouped_rows
from .sums import sum_finding

_TOP = re.compile(r"^[一二三四五六七八九十]+、")
_TOTALS = ("合计", "总计")
_SUMMARY_KINDS = ("收入支出决算总表", "财政拨款收入支出决算总表", "收支预算总表", "财政拨款收支预算总表")


def list_total(report: Report) -> list[Finding]:
    out = []
    for facts in report.tables.values():
        if facts[0]["table_kind"] in _SUMMARY_KINDS:
            continue
        for rows in grouped_rows(facts):
            if any(r["level"] is not None or r["unread"] for r in rows):
                continue  # subject codes (or rows whose code could not be read): not a plain list
            totals = [r for r in rows if r["code"] is None and compact(r["label"]) in _TOTALS]
            top = [r for r in rows if _TOP.match(compact(r["label"]))]
            if not totals or len(top) < 2:
                continue
            for column, whole in totals[0]["cells"].items():
                parts = [r["cells"][column] for r in top if column in r["cells"]]
                message = (f"{whole['table_title']}“{whole['row_label']}”行“{column}”印为 {whole['value_text']}，"
                           f"{'、'.join(compact(r['label']).split('、')[0] for r in top)}各项之和为 {{sum}}")
                finding = sum_finding(report, "list-total", whole, parts, message)
                if finding:
                    out.append(finding)
    return out
