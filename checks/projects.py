"""Rules on the money block of a 项目支出绩效自评表 (项目资金（万元）: 年度资金总额 and its sources
当年财政拨款 / 上年结转资金 / 其他资金, under 年初预算数, 全年预算数, 全年执行数, 资金结（转）余 and
执行率), and on a 实际到位 / 实际支出 / 结余 breakdown:

- project-sources: 年度资金总额 = the sum of its sources, column by column;
- project-rate: 执行率 = 全年执行数 ÷ 全年预算数, recomputed (the rounding of the printed amounts
  allowed for);
- project-overspend: 全年执行数 ≤ 全年预算数, unless the form gives a reason beside it (then a notice);
- project-balance: 全年预算数 − 全年执行数 = 资金结（转）余, and 实际到位 − 实际支出 = 结余, where printed.

A row printed one column off (a number under 偏差原因分析, the row's own label in a figure
column — as forms converted from spreadsheets come) is not read: its figures sit under the wrong
headings.
"""
from __future__ import annotations

import re
from decimal import Decimal

from domain.normalize import compact

from .model import ERROR, NOTICE, ROUNDING_DIFF, Finding, gap, severity_of
from .report import Report, money

_TOTAL = re.compile(r"^(?:.*/)?(?:年度|项目)?资金总额[:：]?$")
_SOURCE = re.compile(r"^(?:.*/)?(?:其中[:：])?(?:当年)?(?:财政拨款|财政资金|政府预算资金|[市县区省中央本级]+财政资金"
                     r"|上年结转(?:资金)?|其他资金|自筹资金|专项资金)(?:\(万元\))?$")
_COLUMNS = {
    "initial": re.compile(r"^年初预算数?$|^预算编制数$"),
    "budget": re.compile(r"^全年预算数?A?$|^调整后预算数$"),
    "spent": re.compile(r"^全年执行数?B?$|^执行数$"),
    "balance": re.compile(r"^(?:资金)?结(?:[（(]?转[)）]?)?余(?:资金)?$"),
    "rate": re.compile(r"^执行率(?:[（(]%[)）])?(?:B/A)?$"),
}
_TEXT_COLUMN = re.compile(r"偏差|原因|措施|说明|备注")
_EXPLAINED = re.compile(r"超支|超出预算|超预算|追加|调增")


def _rows(facts: list[dict]) -> list[tuple[str, dict[str, dict], list[dict]]]:
    """The form's rows in printed order: label, cells by role (initial, budget, spent, balance,
    rate), and every cell of the row."""
    rows: dict[tuple, list[dict]] = {}
    for f in facts:
        rows.setdefault((f["row_group"], f["row_index"]), []).append(f)
    out = []
    for key in sorted(rows):
        cells = rows[key]
        roles: dict[str, dict] = {}
        twice: set[str] = set()
        for f in cells:
            column = compact(f["column"]).split("/")[-1]
            for role, pattern in _COLUMNS.items():
                if pattern.search(column) and f["number"] is not None:
                    if role in roles:
                        twice.add(role)
                    roles.setdefault(role, f)
        for role in twice:
            roles.pop(role)  # two figures under one heading: which is which is not known
        label = compact(cells[0]["row_label"])
        if twice - {"initial"}:
            label = "\x00" + label  # the row's figures do not stand under their headings: not read
        out.append((label, roles, cells))
    return out


def _misaligned(label: str, cells: list[dict]) -> bool:
    """A row printed a column off: a number under a text column, or its own label as a value, or
    two figures under one heading."""
    return label.startswith("\x00") or any((f["number"] is not None and _TEXT_COLUMN.search(f["column"]))
               or (f["number"] is None and compact(f["value_text"]) == label and label) for f in cells)


def _blocks(facts: list[dict]):
    """Each 年度资金总额 row with the source rows printed under it."""
    rows = _rows(facts)
    for i, (label, roles, cells) in enumerate(rows):
        if not _TOTAL.match(label) or not roles:
            continue
        sources = []
        for other, other_roles, other_cells in rows[i + 1:]:
            if not _SOURCE.match(other):
                break
            sources.append((other, other_roles, other_cells))
        yield (label, roles, cells), sources


def project_sources(report: Report) -> list[Finding]:
    out = []
    for facts in report.of_kind("项目支出绩效自评表"):
        for (label, roles, cells), sources in _blocks(facts):
            if not sources or _misaligned(label, cells) or any(_misaligned(*s[::2]) for s in sources):
                continue
            for role in ("initial", "budget", "spent", "balance"):
                whole = roles.get(role)
                parts = [r[role] for _, r, _ in sources if role in r]
                if whole is None or not parts or not money(whole):
                    continue
                total = sum((p["number"] for p in parts), Decimal(0))
                diff = whole["number"] - total
                severity = severity_of(diff)
                if severity is None or abs(diff) <= _half(whole["value_text"]):
                    continue  # 1.365 for 1.3654: the total printed to fewer places
                names = " + ".join(f"{compact(p['row_label']).split('/')[-1]} {p['value_text']}" for p in parts)
                out.append(Finding(
                    "project-sources", severity,
                    f"{_name(facts)}：“{label}”“{whole['column']}”印为 {whole['value_text']}，其资金来源 {names} = "
                    f"{_shown(total, [whole, *parts])}" + gap(diff, severity), _shown(total, [whole, *parts]),
                    whole["value_text"],
                    tuple(report.cell(f) for f in [whole, *parts])))
    return out


def _shown(number: Decimal, printed: list[dict]) -> str:
    """A computed amount to as many places as its printed inputs have (at least two)."""
    places = max([2] + [_places(f["value_text"].replace(",", "")) for f in printed])
    return f"{number:.{places}f}"


def _name(facts: list[dict]) -> str:
    """The form by its project: 项目名称 / 专项名称 as printed, else its title."""
    for f in facts:
        if re.search(r"^(?:项目|专项)名称$", compact(f["row_label"])) and f["value_text"] and f["number"] is None:
            return f"{facts[0]['table_title']}（{f['value_text'].strip()}）"
    return facts[0]["table_title"]


def _places(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def _half(text: str) -> Decimal:
    return Decimal(1).scaleb(-_places(text.replace(",", ""))) / 2


def project_rate(report: Report) -> list[Finding]:
    out = []
    for facts in report.of_kind("项目支出绩效自评表"):
        for label, roles, cells in _rows(facts):
            rate, budget, spent = roles.get("rate"), roles.get("budget"), roles.get("spent")
            if not (rate and budget and spent) or rate["unit"] != "%" or _misaligned(label, cells):
                continue
            if budget["number"] <= 0:
                continue
            computed = spent["number"] / budget["number"] * 100
            printed = rate["number"]
            # any rate the unrounded amounts allow, to the printed rate's last place
            hb, hs, hr = _half(budget["value_text"]), _half(spent["value_text"]), _half(rate["value_text"])
            low = (spent["number"] - hs) / (budget["number"] + hb) * 100
            high = (spent["number"] + hs) / max(budget["number"] - hb, Decimal("0.000001")) * 100
            if low - hr <= printed <= high + hr:
                continue
            severity = ROUNDING_DIFF if abs(computed - printed) <= 4 * hr else ERROR
            places = max(_places(rate["value_text"]), 2)
            out.append(Finding(
                "project-rate", severity,
                f"{_name(facts)}：“{label}”执行率印为 {rate['value_text']}%，而全年执行数 {spent['value_text']} ÷ "
                f"全年预算数 {budget['value_text']} = {computed:.{places}f}%"
                + ("（属尾数差异）" if severity == ROUNDING_DIFF else ""),
                f"{computed:.{places}f}", rate["value_text"], tuple(report.cell(f) for f in (rate, spent, budget))))
    return out


def project_overspend(report: Report) -> list[Finding]:
    out = []
    for facts in report.of_kind("项目支出绩效自评表"):
        for label, roles, cells in _rows(facts):
            budget, spent = roles.get("budget"), roles.get("spent")
            if not (budget and spent) or not (_TOTAL.match(label) or _SOURCE.match(label)) or _misaligned(label, cells):
                continue
            diff = spent["number"] - budget["number"]
            if severity_of(diff) != ERROR or diff < 0:
                continue
            reasons = [f for f in cells if f["number"] is None and _TEXT_COLUMN.search(f["column"])
                       and compact(f["value_text"]) not in ("", "无", "-", "—", "/")]
            explained = reasons or any(_EXPLAINED.search(f["value_text"] or "") for f in facts if f["number"] is None)
            out.append(Finding(
                "project-overspend", NOTICE if explained else ERROR,
                f"{_name(facts)}：“{label}”全年执行数 {spent['value_text']} 超过全年预算数 {budget['value_text']}"
                + gap(diff, ERROR) + ("；表中写了偏差原因，请核对" if explained else "，表中没有说明原因"),
                f"≤{budget['value_text']}", spent["value_text"],
                tuple(report.cell(f) for f in [spent, budget, *reasons])))
    return out


_ARRIVED = re.compile(r"^(?:.*/)?实际到位(?:/金额(?:\(万元\))?)?$")
_PAID = re.compile(r"^(?:.*/)?实际支出(?:/金额(?:\(万元\))?)?$")
_LEFT = re.compile(r"^(?:.*/)?(?:结余|本年度结余金额)(?:/金额(?:\(万元\))?)?$")


def project_balance(report: Report) -> list[Finding]:
    out = []
    for facts in report.tables.values():
        form = facts[0]["table_kind"] == "项目支出绩效自评表" or re.search(r"绩效|专项", facts[0]["table_title"])
        for label, roles, cells in _rows(facts):
            if _misaligned(label, cells):
                continue
            if facts[0]["table_kind"] == "项目支出绩效自评表" and "balance" in roles and "budget" in roles \
                    and "spent" in roles:
                out += _balance(report, facts, label, roles["budget"], roles["spent"], roles["balance"])
                continue
            by_column = {compact(f["column"]): f for f in cells if money(f)}
            arrived = next((f for c, f in by_column.items() if _ARRIVED.match(c)), None)
            paid = next((f for c, f in by_column.items() if _PAID.match(c)), None)
            left = next((f for c, f in by_column.items() if _LEFT.match(c)), None)
            if arrived and paid and left and (form or any("结余" in c for c in by_column)):
                out += _balance(report, facts, label or "资金", arrived, paid, left)
    return out


def _balance(report: Report, facts: list[dict], label: str, budget: dict, spent: dict, left: dict) -> list[Finding]:
    if not all(money(f) for f in (budget, spent, left)):
        return []
    computed = budget["number"] - spent["number"]
    diff = left["number"] - computed
    severity = severity_of(diff, max(Decimal("0.02"), _half(left["value_text"]) * 2))
    if severity is None:
        return []
    return [Finding(
        "project-balance", severity,
        f"{_name(facts)}：“{label}”{left['column']}印为 {left['value_text']}，而 {budget['column']} {budget['value_text']} − "
        f"{spent['column']} {spent['value_text']} = {_shown(computed, [budget, spent])}" + gap(diff, severity),
        _shown(computed, [budget, spent]),
        left["value_text"], tuple(report.cell(f) for f in (left, budget, spent)))]
