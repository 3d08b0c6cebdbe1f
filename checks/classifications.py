"""Rules across the two classifications of the same spending:

- class-economic: a functional 项 whose whole content is one economic subject agrees with that
  subject in the 基本支出 table of the same funds — 2080505 机关事业单位基本养老保险缴费支出 with
  30108, 2080506 职业年金 with 30109, 2210201 住房公积金 with 30113, and (a notice: their mapping
  is not one to one) the 行政/事业单位医疗 项 2101101 + 2101102 with 30110, 公务员医疗补助 2101103
  with 30111;
- basic-table-total: the 基本支出 table's total (of 一般公共预算 or 财政拨款 funds) is part of the
  all-funds 基本支出 of 支出决算表 (支出预算总表 in a budget): never more, and the same where the
  all-funds spending is the spending of those funds alone.

The functional side is read from the general-budget functional table's 基本支出 column (an exact
pairing: an error on a mismatch); where only its total column (a budget's 金额) or only the
all-funds 支出决算表 prints the item, other spending may sit in it and a mismatch is a notice.
"""
from __future__ import annotations

import re
from decimal import Decimal

from domain.normalize import compact
from domain.quantities import ALL, FISCAL, GENERAL, quantity_of, subject_names

from .model import ERROR, NOTICE, Finding, amount, gap, severity_of
from .report import Report, money
from .sums import MISREAD_NOTE, misread

# (functional 项 codes, economic subject codes, exact): the economic subject is all the 项 holds
PAIRS: tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...] = (
    (("2080505",), ("30108",), True),
    (("2080506",), ("30109",), True),
    (("2210201",), ("30113",), True),
    (("2101101", "2101102"), ("30110",), False),
    (("2101103",), ("30111",), False),
)
# functional tables by funds, best first: (kind, funds, column pattern, whether the column is 基本支出 alone)
_FUNCTIONAL = (
    ("一般公共预算财政拨款支出决算表", GENERAL, re.compile(r"^(?:本年支出/)?基本支出$"), True),
    ("一般公共预算支出预算表", GENERAL, re.compile(r"^(?:本年预算/)?基本支出$"), True),
    ("一般公共预算支出预算表", GENERAL, re.compile(r"^(?:金额|合计|小计|本年预算)(?:/(?:金额|合计|小计))?$"), False),
    ("财政拨款支出预算表", FISCAL, re.compile(r"^(?:本年预算/)?基本支出$"), True),
    ("财政拨款支出预算表", FISCAL, re.compile(r"^(?:金额|合计|小计|本年预算)(?:/(?:金额|合计|小计))?$"), False),
    ("支出决算表", ALL, re.compile(r"^基本支出$"), False),
)
# economic 基本支出 tables by funds
_ECONOMIC = {"基本支出决算表": GENERAL, "一般公共预算基本支出预算表": GENERAL, "财政拨款基本支出预算表": FISCAL}
_ECONOMIC_COLUMN = re.compile(r"(?:^|/)(?:合计|金额|决算数|小计|本年预算)$")


def _economic_cells(report: Report) -> dict[str, dict[str, dict]]:
    """Funds → economic subject code → its amount cell in the 基本支出 table."""
    out: dict[str, dict[str, dict]] = {}
    for facts in report.tables.values():
        kind = facts[0]["table_kind"]
        funds = _ECONOMIC.get(kind)
        if funds is None or (kind == "基本支出决算表" and "财政拨款" not in compact(facts[0]["table_title"])):
            continue
        rows: dict[tuple, list[dict]] = {}
        for f in facts:
            if money(f) and f["row_code"] and re.fullmatch(r"3\d{2}(?:\d{2})?", f["row_code"]):
                rows.setdefault((f["row_group"], f["row_index"]), []).append(f)
        for cells in rows.values():
            best = next((c for c in cells if _ECONOMIC_COLUMN.search(compact(c["column"]))), cells[0])
            out.setdefault(funds, {}).setdefault(best["row_code"], best)
    return out


def _functional_cells(report: Report, funds_wanted: str) -> tuple[dict[str, dict], bool, str] | None:
    """The functional table of the funds (or, failing one, of all funds): code → cell, whether
    its column is 基本支出 alone, its funds."""
    for kind, funds, column, basic_only in _FUNCTIONAL:
        if funds not in (funds_wanted, ALL):
            continue
        cells: dict[str, dict] = {}
        for facts in report.of_kind(kind):
            for f in facts:
                if money(f) and f["row_code"] and f["row_level"] == "项" and column.search(compact(f["column"])):
                    cells.setdefault(f["row_code"], f)
        if cells:
            return cells, basic_only and funds == funds_wanted, funds
    return None


def _basic_column(report: Report, kind: str) -> dict[str, dict]:
    return {f["row_code"]: f for facts in report.of_kind(kind) for f in facts
            if money(f) and f["row_code"] and f["row_level"] == "项" and compact(f["column"]) == "基本支出"}


def class_economic(report: Report) -> list[Finding]:
    out = []
    for funds, economic in _economic_cells(report).items():
        found = _functional_cells(report, funds)
        if found is None:
            continue
        functional, exact_column, functional_funds = found
        all_funds = _basic_column(report, "支出决算表")
        for codes, subjects, exact in PAIRS:
            items = [functional[c] for c in codes if c in functional]
            parts = [economic[c] for c in subjects if c in economic]
            if not items or not parts:
                continue  # one side prints nothing: it may be spent under another subject
            left = sum((f["number"] for f in items), Decimal(0))
            right = sum((f["number"] for f in parts), Decimal(0))
            severity = severity_of(left - right)
            if severity is None:
                continue
            names = " + ".join(f"{f['row_code']} {f['row_label']} {f['value_text']}" for f in items)
            econ = " + ".join(f"{f['row_code']} {f['row_label']} {f['value_text']}" for f in parts)
            message = (f"功能分类 {names}（{items[0]['table_title']}“{items[0]['column']}”）与经济分类 {econ}"
                       f"（{parts[0]['table_title']}）不一致" + gap(left - right, severity))
            cited = [*items, *parts]
            # the all-funds table may print the item as the economic table does: the functional table is the odd one
            beside = [c for c in (all_funds.get(code) for code in codes) if c is not None] if all_funds else []
            if functional_funds != ALL and len(beside) == len(codes) \
                    and sum((c["number"] for c in beside), Decimal(0)) == right:
                message += f"；支出决算表该项基本支出印为 {' + '.join(c['value_text'] for c in beside)}，与经济分类相同"
                cited += beside
            if severity == ERROR and not (exact and exact_column):
                severity = NOTICE
                why = ("医疗保险的功能科目与经济科目并非一一对应" if not exact
                       else "该表此栏含项目支出" if functional_funds == funds else "支出决算表含其他资金")
                message += f"；{why}，差额可能有正当来源，请核对"
            elif severity == ERROR and any(f["table_index"] in report.unread_tables for f in items + parts):
                severity = NOTICE
                message += "；其中有的表有科目编码无法识别的行，数字可能对错了行，请对照原表"
            elif misread(severity, cited):
                severity = NOTICE
                message += MISREAD_NOTE
            out.append(Finding("class-economic", severity, message, amount(right), amount(left),
                               tuple(report.cell(f) for f in cited)))
    return out


_BASIC_TOTALS = {"基本支出决算表": GENERAL, "一般公共预算基本支出预算表": GENERAL, "财政拨款基本支出预算表": FISCAL}


def basic_table_total(report: Report) -> list[Finding]:
    names = subject_names(report.facts)
    by_key: dict[tuple, list[dict]] = {}
    for f in report.facts:
        if money(f) and (key := quantity_of(f, names)) is not None and key[0] == "合计":
            by_key.setdefault(key, []).append(f)
    whole = next((f for f in by_key.get(("合计", ALL, "基本支出"), ())
                  if f["table_kind"] in ("支出决算表", "支出预算总表")), None)
    if whole is None:
        return []
    out = []
    for funds in (GENERAL, FISCAL):
        part = next((f for f in by_key.get(("合计", funds, "基本支出"), ()) if f["table_kind"] in _BASIC_TOTALS), None)
        shares = [part] if part else []
        if part is None and funds == GENERAL:
            # a table printing 人员经费合计 and 公用经费合计 but no 合计: their sum is its total
            shares = [next((f for f in facts if compact(f["row_label"]) == label), None)
                      for label in ("人员经费合计", "公用经费合计") for facts in report.of_kind("基本支出决算表")
                      if "财政拨款" in compact(facts[0]["table_title"])]
            shares = [f for f in shares if f is not None and money(f)]
            if len(shares) == 2:
                total = shares[0]["number"] + shares[1]["number"]
                part = {**shares[0], "number": total, "value_text": amount(total),
                        "row_label": "人员经费合计 + 公用经费合计"}
        if part is None:
            continue
        diff = part["number"] - whole["number"]
        if len(shares) == 2 and severity_of(diff) != ERROR:
            continue  # two rounded parts against a rounded whole: basic-split's to say
        if diff > 0:
            severity, note = _read(severity_of(diff), [*shares, whole])
            out.append(Finding(
                "basic-table-total", severity,
                f"{part['table_title']}{'合计' if len(shares) == 1 else '人员经费合计 + 公用经费合计'} {part['value_text']}（{funds}）大于{whole['table_title']}的全部资金基本支出 "
                f"{whole['value_text']}：部分不能大于整体" + gap(diff, severity) + note, f"≤{whole['value_text']}",
                part["value_text"], (*(report.cell(f) for f in shares), report.cell(whole))))
            continue
        if diff == 0:
            continue
        # all the spending is of these funds: then its 基本支出 is all the 基本支出 there is
        spent_all = next((f for f in by_key.get(("合计", ALL, "支出"), ()) if f["table_kind"] == whole["table_kind"]), None)
        spent_funds = [f for f in by_key.get(("合计", funds, "支出"), ()) if f["table_kind"] not in
                       ("财政拨款收入支出决算总表", "财政拨款收支预算总表")]
        if spent_all is None or not spent_funds or spent_funds[0]["number"] != spent_all["number"]:
            continue
        severity, note = _read(severity_of(diff), [*shares, whole, spent_funds[0], spent_all])
        out.append(Finding(
            "basic-table-total", severity,
            f"{spent_funds[0]['table_title']}的支出合计与{whole['table_title']}全部资金支出合计同为 {spent_all['value_text']}，"
            f"两者基本支出应相同，而{part['table_title']}{'合计印为' if len(shares) == 1 else '人员经费合计 + 公用经费合计为'} {part['value_text']}，{whole['table_title']}基本支出印为 "
            f"{whole['value_text']}" + gap(diff, severity) + note, whole["value_text"], part["value_text"],
            (*(report.cell(f) for f in shares), report.cell(whole), report.cell(spent_funds[0]), report.cell(spent_all))))
    return out


def _read(severity: str | None, facts: list[dict]) -> tuple[str | None, str]:
    """The severity and the note a finding ends with: an error among cells that OCR may have
    misread is a reading notice (`sums.misread`)."""
    return (NOTICE, MISREAD_NOTE) if misread(severity, facts) else (severity, "")
