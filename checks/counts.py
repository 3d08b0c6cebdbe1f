"""Rules on the counts a report states of its vehicles and staff (domain.counts reads them from
the narrative; the 车辆数合计 rows of 相关信息统计表 / 国有资产占用情况表 and the units table's
在职人数 and 人员编制数 are read from the tables):

- count-repeat: one count stated in two places is the same.  The same thing with the same
  qualifiers (年末 …) is an error; with other qualifiers, or a count of the units table against
  the narrative's, a notice.  公务用车保有量 (vehicles run on fiscal funds) is part of 车辆总数:
  more is an error, fewer a notice;
- count-parts: a total and the items of its 其中 list (车辆 by kind, 编制 by kind) add up — exactly
  where the list ends in a catch-all (其他用车), else the items may not exceed the total.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.comparisons import normalised
from domain.counts import Count, counts
from domain.normalize import compact

from .model import ERROR, NOTICE, CellRef, Finding
from .report import Report


@dataclass(frozen=True)
class _Stated:
    count: Count
    cell: CellRef
    where: str  # 说明 or the table's title


_DATE = re.compile(r"截[至止]\d{4}年12月31日")
_TABLE_TOTAL = re.compile(r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)?车辆(?:数)?(?:合计|总数)(?:[（(][^）)]*[)）])?$")
_TABLE_PART = re.compile(r"^(?:\d+[.、．])?(.+用车)$")


def _qualifiers(c: Count) -> frozenset[str]:
    """Qualifiers that change what is counted (年末 is what 截至12月31日 says; 全年 of a purchase)."""
    out = {"年末" if _DATE.match(q) else q for q in c.qualifiers}
    if c.counted in ("公务用车保有量", "公务用车购置数"):
        out.discard("财政拨款")  # the 三公 section speaks of fiscal funds whether it says so or not
        out.discard("年末")
        out.discard("全年")
    if c.counted == "车辆总数":
        out.discard("年末")
    return frozenset(out)


def _narrative(report: Report) -> list[_Stated]:
    from .wording import _cite, _sentence_at

    out = []
    for p in report.passages:
        text = normalised(p["text"])
        for c in counts(text, report.department and normalised(report.department)):
            out.append(_Stated(c, _cite(report, p, _sentence_at(text, c.start), c.phrase, c.counted), "说明"))
    return out


def _tables(report: Report) -> list[_Stated]:
    out = []
    for facts in report.tables.values():
        rows = [f for f in facts if f["number"] is not None and ("辆" in (f["unit"] or "") or "辆" in f["row_label"])]
        total = None
        for f in rows:
            label = compact(f["row_label"])
            if _TABLE_TOTAL.match(label):
                total = Count("车辆总数", int(f["number"]), "辆", f"{label} {f['value_text']}", 0)
                out.append(_Stated(total, report.cell(f), f["table_title"]))
            elif total is not None and (m := _TABLE_PART.match(label)):
                out.append(_Stated(Count(m.group(1), int(f["number"]), "辆", f"{label} {f['value_text']}", 0,
                                         part_of="车辆总数"), report.cell(f), f["table_title"]))
        # the units table: 在职人数 and 人员编制数 of each unit, added up
        for column, kind in (("在职人数", "在职人数"), ("人员编制数", "编制数")):
            cells = [f for f in facts if compact(f["column"]) == column and f["number"] is not None and f["unit"] == "人"]
            if len(cells) >= 2 and facts[0]["table_kind"] == "其他表":
                total_n = sum(int(f["number"]) for f in cells)
                out.append(_Stated(Count(kind, total_n, "人", f"各单位{column}之和 {total_n}", 0, ("各单位之和",)),
                                   report.cell(cells[0]), f"{facts[0]['table_title']}（各单位之和）"))
    return out


def count_repeat(report: Report) -> list[Finding]:
    stated = [s for s in _narrative(report) + _tables(report) if s.count.part_of is None]
    out = []
    seen: set[tuple] = set()
    for i, a in enumerate(stated):
        for b in stated[i + 1:]:
            ca, cb = a.count, b.count
            if ca.number == cb.number:
                continue
            pair = {ca.counted, cb.counted}
            if ca.counted == cb.counted:
                same = _qualifiers(ca) == _qualifiers(cb) and "各单位之和" not in ca.qualifiers + cb.qualifiers
                severity = ERROR if same else NOTICE
                why = "" if same else "；两处的限定词不同（" + "、".join(
                    sorted(_qualifiers(ca) ^ _qualifiers(cb)) or ["出处不同"]) + "），所指可能不同，请核对"
                what = ca.counted
            elif pair == {"车辆总数", "公务用车保有量"}:
                whole, part = (a, b) if ca.counted == "车辆总数" else (b, a)
                severity = ERROR if part.count.number > whole.count.number else NOTICE
                why = ("；财政拨款负担的公务用车是全部车辆的一部分，不能更多" if severity == ERROR
                       else "；公务用车保有量只计财政拨款负担的车辆，可少于全部车辆，请核对")
                what = "车辆"
            else:
                continue
            key = (what, ca.number, cb.number, a.cell.line, b.cell.line, a.cell.page, b.cell.page)
            if key in seen:
                continue
            seen.add(key)
            out.append(Finding(
                "count-repeat", severity,
                f"{what}的数目两处不同：{a.where}写“{ca.phrase}”，{b.where}写“{cb.phrase}”{why}",
                str(ca.number), str(cb.number), (a.cell, b.cell)))
    return out


def count_parts(report: Report) -> list[Finding]:
    out = []
    for source in (_narrative(report), _tables(report)):
        i = 0
        while i < len(source):
            whole = source[i]
            j = i + 1
            parts = []
            while j < len(source) and source[j].count.part_of == whole.count.counted and whole.count.part_of is None:
                parts.append(source[j])
                j += 1
            i = j
            if len(parts) < 2:
                continue
            total = sum(p.count.number for p in parts)
            exhaustive = any(p.count.counted.startswith("其他") for p in parts)
            if total == whole.count.number or (not exhaustive and total < whole.count.number):
                continue
            unit = whole.count.unit if whole.count.unit == "辆" else "人"
            out.append(Finding(
                "count-parts", ERROR,
                f"{whole.where}写“{whole.count.phrase}”，其中所列 " + "、".join(p.count.phrase for p in parts)
                + f" 共 {total}{unit}" + ("" if exhaustive else "，多于总数"),
                str(total), str(whole.count.number), (whole.cell, *(p.cell for p in parts))))
    return out
