"""Ties what the narrative names to the tables' figures: domain.quantities.subject_quantities maps
a subject as the narrative writes it to the quantities it means strictly and loosely; a subject code, a 类
name, a summary-table line or a 合计-row column is found by its printed name; a heading or clause
that names the funds widens a bare 支出.  `figures` indexes the tables' figures by quantity."""
from __future__ import annotations

import re

from domain.normalize import compact

from domain.quantities import ALL, FISCAL, FUND, GENERAL, named_quantities, quantity_of, subject_quantities

from .across import subject_names
from .report import Report, money
from .said import TAIL, clean

_CODE = re.compile(r"(?<!\d)(\d{7}|\d{5}|\d{3})(?!\d)")
_CATEGORY = re.compile(r"^(?:.*[:：])?([\u4e00-\u9fff]+)\(类\)$")
_ITEM = re.compile(r"^(?P<item>.+?)\((?:款|项)\)[:：]?(?:支出|收入)?$")


def meaning(subject: str, names: dict[str, str]) -> tuple[list, list]:
    text = compact(subject).replace("（", "(").replace("）", ")").replace("“", "").replace("”", "")
    text = re.sub(r"^(?:其中|全年|本年度|年度)[:：]?", "", text)
    item = _ITEM.match(text)
    if item:  # 住房改革支出(款)住房公积金(项):支出 is the 项 the subject names, never a bare 支出
        name = re.split(r"\((?:类|款)\)", item.group("item"))[-1]
        code = names.get(name)
        return ([(code, GENERAL, "支出")], [(code, FISCAL, "支出"), (code, ALL, "支出")]) if code else ([("行", name)], [])
    if _CATEGORY.match(text) is None:
        text = clean(text) or text
    core = TAIL.sub("", text) or text
    for candidate in (core, text):
        if (found := subject_quantities(candidate)) is not None:
            return found
    # a subject code or a 类 name: the narrative's account of the general budget table, by subject
    codes = _CODE.findall(text)[:1]
    category = _CATEGORY.match(text)
    name = category.group(1) if category else core
    if not codes and name in names:
        codes = [names[name]]
    if codes:
        return [(codes[0], GENERAL, "支出")], [(codes[0], FISCAL, "支出"), (codes[0], ALL, "支出")]
    # a line of the summary table or a column of a 合计 row, by its printed name (其他收入, 经营支出)
    return [("行", core)], []


# a heading or an earlier clause that says whose money a bare 支出 / 总计 is
_CONTEXT_FUNDS = ((re.compile(r"一般公共预算"), GENERAL), (re.compile(r"政府性基金"), FUND),
                  (re.compile(r"财政拨款"), FISCAL))


def in_context(meant: tuple[list, list], s, section: str) -> tuple[list, list]:
    """A subject that names no funds (支出, 基本支出, 支出总计) read under a heading that does
    (三、一般公共预算财政拨款支出决算情况说明), or after a clause that does (财政拨款收入总计…，支出总计…),
    may mean those funds too."""
    strict, loose = meant
    if not strict or any(k[1] != ALL for k in strict if len(k) > 1):
        return strict, loose
    before = compact(s.sentence).split(compact(s.subject))[0]
    widened = list(strict)
    for pattern, funds in _CONTEXT_FUNDS:
        if pattern.search(compact(section).split("/")[-1]) or pattern.search(before):
            for key in strict:
                if key[0] == "总计":
                    widened.append(("总计", FISCAL))
                elif len(key) == 3:
                    widened += [(key[0], funds, key[2])] + ([(key[0], GENERAL, key[2])] if funds == FISCAL else [])
            break
    return list(dict.fromkeys(widened)), loose


def figures(report: Report) -> dict[tuple, list[dict]]:
    """Table figures by the quantity they are: the cross-table keys, and the named ones."""
    return by_quantity((f for f in report.facts if money(f)), subject_names(report))


def by_quantity(cells, names: dict[str, str]) -> dict[tuple, list[dict]]:
    """Cells (facts, or blank cells shaped as facts) by each quantity they are."""
    out: dict[tuple, list[dict]] = {}
    for f in cells:
        key = quantity_of(f, names)
        for k in dict.fromkeys(k for k in (key, *named_quantities(f)) if k is not None):
            out.setdefault(k, []).append(f)
    return out
