"""Rules on one table's rows: the 合计 row is the sum of the 类 rows, a 类 the sum of its 款,
a 款 the sum of its 项 — column by column, as printed."""
from __future__ import annotations

from decimal import Decimal

from domain.normalize import compact
from domain.ocr import unsure as ocr_unsure

from .model import ERROR, NOTICE, Finding, amount, gap, severity_of
from .report import Report, grouped_rows

_TOTALS = ("合计", "总计", "人员经费合计", "公用经费合计")
# tables whose 合计/总计 rows are checked by the balance rule instead
_SUMMARY_KINDS = ("收入支出决算总表", "财政拨款收入支出决算总表")


def total_rows(report: Report) -> list[Finding]:
    out = []
    for facts in report.tables.values():
        if facts[0]["table_kind"] in _SUMMARY_KINDS:
            continue
        groups = grouped_rows(facts)
        for rows in groups:
            for total in (r for r in rows if r["code"] is None and compact(r["label"]) in _TOTALS):
                out += _total(report, total, rows, groups)
    return out


def _total(report: Report, total: dict, rows: list[dict], groups: list[list[dict]]) -> list[Finding]:
    """A 合计 row against the 类 rows of its group.  人员经费合计 / 公用经费合计 printed under a
    公用经费 heading that spans several side-by-side groups (302 | 310) add up the 类 rows of every
    group printed under that heading."""
    head = compact(total["label"])[:4]
    out = []
    for column, parent in total["cells"].items():
        spans = head in ("人员经费", "公用经费") and column.startswith(head)
        scope = [r for g in groups for r in g] if spans else rows
        kids = [r["cells"][column] for r in scope if r["level"] == 0 and column in r["cells"]]
        if not kids:
            continue
        unsure = any(r["unread"] for r in scope)
        message = (f"{parent['table_title']}“{parent['row_label']}”行“{column}”印为 {parent['value_text']}，"
                   "各类之和为 {sum}")
        finding = sum_finding(report, "total-rows", parent, kids, message, unsure)
        if finding:
            out.append(finding)
    return out


def subject_rollup(report: Report) -> list[Finding]:
    out = []
    for facts in report.tables.values():
        for rows in grouped_rows(facts):
            for i, parent in enumerate(rows):
                if parent["level"] is None or parent["level"] == 2:
                    continue
                span = _span(rows, i)
                kids = [r for r in span if r["parent"] == parent["code"]]
                if not kids:
                    continue
                unsure = any(r["unread"] for r in span)
                word = "款" if parent["level"] == 0 else "项"
                for column, cell in parent["cells"].items():
                    values = [k["cells"][column] for k in kids if column in k["cells"]]
                    message = (f"{cell['table_title']}“{parent['code']} {parent['label']}”“{column}”印为 "
                               f"{cell['value_text']}，所属各{word}之和为 {{sum}}")
                    finding = sum_finding(report, "subject-rollup", cell, values, message, unsure)
                    if finding:
                        out.append(finding)
    return out


def sum_finding(report: Report, rule: str, whole: dict, parts: list[dict], message: str,
                unsure: bool = False) -> Finding | None:
    """A printed whole against the sum of its printed parts: None when they agree, else a finding
    whose message (with {sum} for the parts' sum) ends with the difference and cites every cell.
    With `unsure`, rows that could not be read sit among the parts: a mismatch is a notice."""
    if whole["number"] is None or not parts:
        return None
    total = sum((p["number"] for p in parts if p["number"] is not None), Decimal(0))
    severity = severity_of(whole["number"] - total)
    if severity is None:
        return None
    text = message.replace("{sum}", amount(total))
    if unsure and severity == ERROR:
        severity = NOTICE
        text += "；其间有科目编码无法识别的行，可能是漏算的部分，请对照原表"
    elif misread(severity, [whole, *parts]):
        severity = NOTICE
        text += gap(whole["number"] - total, severity) + MISREAD_NOTE
    else:
        text += gap(whole["number"] - total, severity)
    return Finding(rule, severity, text, amount(total), whole["value_text"],
                   tuple(report.cell(f) for f in [whole, *parts]))


# a finding made a reading notice by `misread` says so
MISREAD_NOTE = "；表格由文字识别（OCR）从扫描页读出，数字可能读错，请对照原页"


def misread(severity: str | None, facts) -> bool:
    """An error among printed cells of which one at least was read by OCR below
    domain.ocr.SURE_CONFIDENCE: a digit may be misread, so it is a reading notice (MISREAD_NOTE),
    not a report error.  Shared by every rule that compares printed cells."""
    return severity == ERROR and ocr_unsure(f.get("confidence") for f in facts)


def _span(rows: list[dict], i: int) -> list[dict]:
    """The rows printed under rows[i] up to the next row of its level or above."""
    level = rows[i]["level"]
    out = []
    for row in rows[i + 1:]:
        if row["level"] is not None and row["level"] <= level:
            break
        if row["code"] is None and not row["unread"]:
            break  # a 合计 or another kind of row: the subject block is over
        out.append(row)
    return out


# a 合计 column and the columns it adds up, by their printed names; a total column may stand alone
# (本年支出合计) or head a group (本年支出/小计 with 本年支出/基本支出 …)
_COLUMN_SUMS = {
    "支出": ({"本年支出合计", "合计", "小计"}, {"基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"}),
    "收入": ({"本年收入合计", "合计", "小计"},
             {"财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"}),
}
_COLUMN_KINDS = {"支出决算表": "支出", "一般公共预算财政拨款支出决算表": "支出", "政府性基金预算财政拨款收入支出决算表": "支出",
                 "国有资本经营预算财政拨款支出决算表": "支出", "收入决算表": "收入"}


def total_columns(report: Report) -> list[Finding]:
    """On every row, the 合计 column is the sum of the columns it totals (本年支出合计 = 基本支出 +
    项目支出 + …), when the table's headings name them so."""
    out = []
    for facts in report.tables.values():
        side = _COLUMN_KINDS.get(facts[0]["table_kind"])
        if side is None:
            continue
        totals, parts = _COLUMN_SUMS[side]
        for rows in grouped_rows(facts):
            for row in rows:
                split = {column: _heading(column, side) for column in row["cells"]}
                for column, (head, leaf) in split.items():
                    if leaf not in totals:
                        continue
                    kids = [row["cells"][c] for c, (h, l) in split.items() if h == head and l in parts]
                    total = row["cells"][column]
                    name = f"{row['code'] or ''} {row['label']}".strip()
                    message = (f"{total['table_title']}“{name}”行“{column}”印为 {total['value_text']}，同行"
                               + "、".join(k["column"] for k in kids) + " 之和为 {sum}")
                    finding = sum_finding(report, "total-columns", total, kids, message, row["unread"])
                    if finding:
                        out.append(finding)
    return out


def _heading(column: str, side: str) -> tuple[str, str]:
    """(group heading, column name): 本年支出/小计 → (本年支出, 小计); 本年支出合计/合计 and
    基本支出 → ("", 合计) and ("", 基本支出)."""
    head, _, leaf = compact(column).rpartition("/")
    if head in (f"本年{side}合计", f"本年{side}"):
        head = "" if head.endswith("合计") else head
    return head, leaf
