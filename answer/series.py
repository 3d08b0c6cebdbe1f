"""A department across years: one printed figure per year, each cited, lined up by row.

Class of question: one quantity of one department over several years — two years named as a
span or a list (2017到2019年, 2017至2019年, 2017-2019年, 2017年和2019年…分别), or the years
not named (历年, 各年, 逐年, 近三年) — asking how it went (变化, 增减, 走势, 趋势) or for each
year's figure.  The department may be named by any form its reports print over the years
(`index.aliases`); each year is said with the name that year's report prints.

How: every year the department's reports hold inside the span (all of them for 历年) is asked
the quantity as a question of its own (`answer.lookup.lookup` with the department given), so a
year answers exactly as "2018年基本支出是多少" would.  The years are then lined up: each year's
figure must be the same row — the subject code, else the printed row name — of the same kind
of table under the same column as the others (the row most years land on).  A year whose own
answer lands on another row is taken from the row lined up with the others when that year's
report prints it exactly once, and is otherwise said to be missing, never filled with a figure
of another row.  A year with both a 预算 and a 决算 report gives both, side by side (the other
report's figure is the cell of the same quantity, `domain.quantities.quantity_of`, or the same
row).  The change from the first year to the last is computed from the two printed figures and
marked computed.  `history` gives the browser's 历年 table the same way, one subject a row.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from domain.normalize import compact

from .cite import figure, where

_SPAN = re.compile(r"((?:19|20)\d{2})\s*年?度?\s*(?:到|至|-|－|—|~|～)\s*((?:19|20)\d{2})")
_ALL_YEARS = re.compile(r"历年|各年度?|逐年|每年|近[两二三四五六七八九十\d]+年|这几年|几年来|多年来|历年来")
_EACH = re.compile(r"分别|各是|各为|每年|逐年")
_TREND = re.compile(r"变化|增减|走势|趋势|变动|怎么变|如何变")
# the years' figures asked added up (2017到2019三年一共多少)
_SUMMED = re.compile(r"加起来|加在一起|合起来|一共|总共|共计|总和|之和|合计(?:是|为|有)?多少")
# what is not the subject: years and spans, the words asking about the years or the change
_NOT_SUBJECT = re.compile(
    r"(?:19|20)\d{2}\s*年?度?|(?:到|至|-|－|—|~|～)(?=\s*(?:19|20)\d{2})|" + _ALL_YEARS.pattern +
    r"|是怎么变化的|是如何变化的|怎么变化|如何变化|的?变化情况|的?变化|的?增减(?:变化)?|的?走势|的?趋势|的?变动"
    r"|分别是多少|分别为多少|各是多少|分别|是多少|有多少|多少|情况|怎样|如何"
    r"|加起来|加在一起|合起来|一共|总共|共计|总和|之和|[这那]?[两二三四五六七八九十\d]个?年(?:度|来)?的?|[？?。，,、和与及]")


@dataclass(frozen=True)
class Point:
    """One year's (and report kind's) figure of the series, or why there is none."""

    year: int
    kind: str | None  # 预算 | 决算
    department: str  # as that year's report prints it
    report: str
    fact: dict | None = None
    aligned: bool = False  # taken from the row lined up with the other years, not the year's own answer
    missing: str = ""


@dataclass
class Series:
    department: str
    subject: str
    points: list[Point] = field(default_factory=list)

    @property
    def found(self) -> list[Point]:
        return [p for p in self.points if p.fact is not None]


def asks_series(question) -> bool:
    """Whether the question asks one department's quantity over several years (module docstring)."""
    if question.department is None:
        return False
    text = question.compact
    if _ALL_YEARS.search(text):
        return True
    years = set(question.years)
    # (several years' figures added up: 2017到2019三年的培训费加起来)
    return len(years) >= 2 and bool(_SPAN.search(text) or _TREND.search(text) or _EACH.search(text)
                                    or question.operation == "sum" or _SUMMED.search(text))


def subject_of(question) -> str:
    """What is asked about the years: the question without department, years and asking words."""
    rest = question.rest or question.compact
    return _NOT_SUBJECT.sub("", compact(rest)).strip("的") or rest


def years_asked(question, held: list[int]) -> list[int]:
    """The years of the span (both ends, and every year between that the reports hold), the
    years listed, or every year held when none is named."""
    m = _SPAN.search(question.compact)
    if m:
        lo, hi = sorted((int(m.group(1)), int(m.group(2))))
        return sorted({y for y in held if lo <= y <= hi} | {lo, hi})
    if len(set(question.years)) >= 2:
        return sorted(set(question.years))
    return list(held)


def _key(fact: dict) -> tuple:
    """Which row and column a figure is: the kind of table, the subject code (else the row's
    printed name), and the column by its side (收入/支出) and its own name — the header words
    between them differ from year to year (支出/功能分类/金额, 支出/支出用途/金额)."""
    from .lookup import bare_label

    parts = [compact(p) for p in (fact["column"] or "").split("/") if compact(p)]
    side = parts[0] if len(parts) > 1 and parts[0] in ("收入", "支出") else ""
    return (fact["table_kind"], fact["row_code"] or bare_label(fact["row_label"]), side, parts[-1] if parts else "")


def _same(fact: dict, anchor: tuple) -> bool:
    """The figure is on the anchor's row and column; a cell whose column header was not read
    (no column) is on its row's only column."""
    key = _key(fact)
    return key == anchor or (key[:2] == anchor[:2] and ("", "") in (key[2:], anchor[2:]))


def _quantity(fact: dict, facts: list[dict]):
    from domain.quantities import quantity_of, subject_names

    return quantity_of(fact, subject_names(facts))


def series(catalog, department: str, subject: str, years: list[int] | None = None) -> Series:
    """The subject's figure in each year (see the module docstring)."""
    from .lookup import lookup

    reports = catalog.reports_of(department)
    held = sorted({r["year"] for r in reports})
    years = held if years is None else years
    out = Series(department, subject)
    own: dict[int, dict | None] = {}
    for year in years:
        if year not in held:
            continue
        found = lookup(f"{year}年{subject}是多少", catalog, department=department)
        own[year] = found.facts[0] if found.status == "answered" and found.facts and not found.narrative \
            and not found.parts else None
    keys = Counter(_key(f) for f in own.values() if f)
    latest = {_key(f): y for y, f in own.items() if f}
    # the row most years' reports print once, then the one most years' answers land on (a column
    # read beats one not read), the latest year's on a tie
    main = {y: catalog.document_for(department, y) for y in own}

    def printed_in(k: tuple) -> int:
        return sum(1 for d in main.values()
                   if len([f for f in catalog.facts(d) if f["number"] is not None and _same(f, k)]) == 1)

    anchor = max(keys, key=lambda k: (printed_in(k), keys[k], k[2:] != ("", ""), latest[k])) if keys else None
    for year in years:
        in_year = [r for r in reports if r["year"] == year]
        if not in_year:
            out.points.append(Point(year, None, department, "", missing=f"索引中没有{year}年度的报告"))
            continue
        first = catalog.document_for(department, year)
        main = next(r for r in in_year if r["name"] == first)
        for report in [main] + [r for r in in_year if r is not main]:
            printed = report["department"] or department
            fact, aligned = _lined_up(catalog, report, own.get(year) if report is main else None, anchor)
            missing = "" if fact else (f"{year}年度报告里没有与其他年度同一行的“{subject}”" if anchor
                                       else f"{year}年度报告里没有找到“{subject}”")
            out.points.append(Point(year, report["report_kind"], printed, report["name"], fact, aligned, missing))
    return out


def _lined_up(catalog, report: dict, own: dict | None, anchor: tuple | None) -> tuple[dict | None, bool]:
    """The report's figure on the anchor's row: its own answer when it is that row, else the one
    cell of that row (or of the same quantity, for a report of the other kind)."""
    if anchor is None:
        return own, False
    if own is not None and _same(own, anchor):
        return own, False
    facts = [f for f in catalog.facts(report["name"]) if f["number"] is not None]
    same = [f for f in facts if _same(f, anchor)]
    if len(same) == 1:
        return same[0], True
    if not same:  # a report of the other kind: its tables have other kinds, the quantity is the same
        model = next((f for r in catalog.reports_of(report["department"] or "") for f in catalog.facts(r["name"])
                      if _key(f) == anchor), None)
        wanted = _quantity(model, catalog.facts(report["name"])) if model else None
        if wanted is not None:
            names = catalog.facts(report["name"])
            hits = [f for f in facts if _quantity(f, names) == wanted]
            if len(hits) == 1:
                return hits[0], True
    return None, False


def change_of(points: list[Point]) -> dict | None:
    """From the first year's figure to the last's, when both are printed in one unit: the
    difference and the rate, computed."""
    found = [p for p in points if p.fact is not None]
    if len({p.year for p in found}) < 2:
        return None
    kinds = Counter(p.kind for p in found)
    kind = kinds.most_common(1)[0][0]
    same = [p for p in found if p.kind == kind]
    first, last = same[0], same[-1]
    if first.year == last.year or first.fact["unit"] != last.fact["unit"]:
        return None
    a, b = Decimal(str(first.fact["number"])), Decimal(str(last.fact["number"]))
    diff = b - a
    rate = (diff / a * 100).quantize(Decimal("0.01")) if a else None
    return {"first": first, "last": last, "difference": diff, "rate": rate, "unit": last.fact["unit"] or "",
            "formula": f"{last.fact['value_text']} − {first.fact['value_text']}"}


def _year_label(p: Point, kinds: set) -> str:
    return f"{p.year}年" + (p.kind or "" if len(kinds) > 1 else "")


def answer_series(question, catalog, out: dict) -> bool:
    """Fill the answer with the series; False when no year gives the figure."""
    department = question.department
    subject = subject_of(question)
    years = years_asked(question, catalog.years(department))
    got = series(catalog, department, subject, years)
    if len({p.year for p in got.found}) < 2:
        return False  # one year's figure is no series: the kinds after this one answer it (or its printed change)
    if question.operation == "sum" or _SUMMED.search(question.compact):
        return _summed(got, subject, out)
    kinds = {p.kind for p in got.points if p.kind}
    parts = []
    for p in got.points:
        label = _year_label(p, kinds)
        if p.fact is None:
            parts.append(f"{label}：没有找到（{p.missing}）")
            continue
        f = p.fact
        parts.append(f"{label}（{p.department}）{f['value_text']}{f['unit'] or ''}（{where(f)}，“{f['row_label']}”行"
                     + (f"“{f['column']}”列" if f["column"] else "") + "）")
    text = f"{got.department}历年“{subject}”：" + "；".join(parts) + "。"
    change = change_of(got.points)
    figures = []
    if change:
        word = "增加" if change["difference"] > 0 else ("减少" if change["difference"] < 0 else "持平")
        amount = f"{abs(change['difference']):,.2f}{change['unit']}"
        rate = f"，{'增长' if change['difference'] > 0 else '下降'}{abs(change['rate'])}%" if change["rate"] and change["difference"] else ""
        text += (f"{change['first'].year}年到{change['last'].year}年{word}" + (amount if change["difference"] else "")
                 + f"{rate}（计算：{change['formula']}）。")
        figures.append(dict(figure(change["last"].fact), label=f"{subject}{change['first'].year}—{change['last'].year}年变化",
                            value=f"{change['difference']:,.2f}", number=float(change["difference"]), computed=True,
                            formula=change["formula"]))
        out["warnings"].append("变化额和变化率是根据各年度报告印出的数字计算得出的，不是报告直接印出的数字。")
    if any(p.aligned for p in got.found):
        years_aligned = "、".join(_year_label(p, kinds) for p in got.found if p.aligned)
        out["warnings"].append(f"{years_aligned}的数字按与其他年度相同的表格、行和列取得。")
    if any(p.fact is None for p in got.points):
        out["warnings"].append("部分年度没有找到可以对齐的数字，见回答。")
    figures += [figure(p.fact) for p in got.found]
    out["status"] = "answered"
    out["answer"] = text
    out["figures"] = figures
    out["series"] = [{"year": p.year, "kind": p.kind, "department": p.department, "report": p.report,
                      "value": p.fact["value_text"] if p.fact else None,
                      "number": float(p.fact["number"]) if p.fact else None,
                      "unit": p.fact["unit"] if p.fact else None,
                      "source": figure(p.fact)["source"] if p.fact else None, "missing": p.missing} for p in got.points]
    return True


def _summed(got: Series, subject: str, out: dict) -> bool:
    """The years' figures added up, each cited; refused when a year is missing or the years'
    figures are of different report kinds or units (a sum of part of them is no answer)."""
    from decimal import ROUND_HALF_UP

    missing = [p for p in got.points if p.fact is None]
    found = got.found
    if missing or len({p.kind for p in found}) > 1 or len({p.fact["unit"] for p in found}) > 1:
        why = "；".join(f"{p.year}年：{p.missing}" for p in missing) or "各年度的数字口径或单位不同"
        out["status"] = "not_found"
        out["answer"] = f"无法相加：{got.department}并非每个年度都印了同一项“{subject}”（{why}）。"
        return True
    total = sum(Decimal(str(p.fact["number"])) for p in found)
    value = str(total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    unit = found[0].fact["unit"] or ""
    formula = " + ".join(p.fact["value_text"] for p in found)
    first, last = found[0].year, found[-1].year
    out["status"] = "answered"
    out["answer"] = (f"{value}{unit}：{got.department}{first}年到{last}年{len(found)}个年度的“{subject}”加起来为 {value}{unit}"
                     f"（计算：{formula}；" + "；".join(f"{p.year}年 {p.fact['value_text']}{unit} 见{where(p.fact)}" for p in found)
                     + "）。")
    out["figures"] = [dict(figure(found[-1].fact), label=f"{subject}{first}—{last}年合计", value=value,
                           number=float(total), computed=True, formula=formula)] + [figure(p.fact) for p in found]
    out["warnings"].append("这是把各年度报告印出的数字相加得出的结果，不是报告直接印出的数字。")
    return True


def history(catalog, department: str, subjects: tuple[tuple[str, str], ...]) -> list[dict]:
    """The browser's 历年 table: for each (name shown, words asked) and each year and kind the
    department's reports hold, the printed figure with its source ({} cells where none)."""
    rows = []
    for shown, asked in subjects:
        got = series(catalog, department, asked)
        for p in got.points:
            f = p.fact
            rows.append({"项目": shown, "年度": p.year, "类别": p.kind or "", "部门（报告所印）": p.department,
                         "印出的数字": f["value_text"] if f else "—", "数值": float(f["number"]) if f else None,
                         "单位": (f["unit"] or "") if f else "", "出处": where(f) if f else p.missing,
                         "document": f["document"] if f else None, "page": f["page"] if f else None})
    return rows


def departments_over_years(catalog) -> dict[str, list[int]]:
    """One entry per department (its forms joined, `index.aliases`), named as its latest report
    prints it, with the years its reports hold — the browser's list."""
    from index.aliases import department_key

    latest: dict[str, dict] = {}
    for report in catalog.documents:
        if report["department"] and report["year"]:
            key = department_key(report["department"])
            if key not in latest or report["year"] > latest[key]["year"]:
                latest[key] = report
    return {r["department"]: catalog.years(r["department"]) for r in latest.values()}
