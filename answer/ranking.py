"""Comparisons: the same quantity for each department named (all, when none is), ranked."""
from __future__ import annotations

import re

from domain.normalize import compact
from index.departments import department_spans, departments_named

from .cite import figure, row_name, where
from .lookup import Catalog, bare_label, lookup


_RANKING_WORDS = re.compile(r"谁的|谁|哪个单位|哪个部门|哪一家|哪家|哪个|最多|最高|最少|最低|最大|最小|排名|排序|排第几"
                            r"|[一二两三四五六七八九十几\d]+(?:家单位|家|个单位|个部门|份报告|份|个)"
                            r"|这些单位|这几个单位|单位|部门|报告|里|之中|当中|中|这|[、，,（）()?？]")


def compare(question: str, catalog: Catalog, out: dict) -> dict:
    """The same printed row for each department named (all, when none is), ranked."""
    text = compact(question)
    names = departments_named(text, catalog.departments, catalog.fiscal_words) or catalog.departments
    # each department is asked the question without the departments and the ranking words
    neutral = text
    for round_ in range(3):  # names may overlap (普陀区财政局、社工部): take them out until none is left
        spans = [sp for sp in department_spans(neutral, catalog.departments, catalog.fiscal_words).values()
                 if len(sp) >= (2 if round_ == 0 else 3)]
        if not spans:
            break
        for span in sorted(spans, key=len, reverse=True):
            neutral = neutral.replace(span, "")
    neutral = _RANKING_WORDS.sub("", neutral)
    found, missing = [], []
    for name in names:
        result = lookup(neutral, catalog, department=name)
        stated = result.narrative and "asked" in (result.facts[0] if result.facts else {})
        if result.status == "answered" and (not result.narrative or stated) and result.facts[0]["number"] is not None:
            found.append(result.facts[0])
        else:
            missing.append(f"{name}：{result.missing or '没有这一项'}")
    if not found:
        out["answer"] = "没有找到可以比较的数字：" + "；".join(missing)
        return out
    # only figures of the same printed row and unit are compared
    # the same quantity: a stated amount and a table's total under the asked words (政府采购's
    # 合计 row in 相关信息统计表, the 三公 table's 合计) are what the question names
    from domain.statements import asked_quantity

    asked = (asked_quantity(neutral) or [""])[0]

    def key(f: dict) -> tuple:
        if f.get("asked"):
            return f["asked"], f["unit"]
        where_ = compact(f.get("row_section") or "") + compact(f["table_title"] or "").replace("“", "").replace("”", "")
        if asked and bare_label(f["row_label"]) in ("合计", "总计") and asked in where_:
            return asked, f["unit"]
        return bare_label(f["row_label"]), f["unit"]
    common = max({key(f) for f in found}, key=lambda k: sum(key(f) == k for f in found))
    comparable = [f for f in found if key(f) == common]
    for f in found:
        if key(f) != common:
            missing.append(f"{f['department']}：相关的行是“{f['row_label']}”（{f['unit']}），不是同一项，未参与比较")
    if missing:  # a ranking that leaves departments out could crown the wrong one
        out["answer"] = ("无法比较：并非每个部门的报告表格都印了同一项，不能断定谁最高或最低。"
                         + "；".join(missing))
        return out
    lowest = bool(re.search(r"最少|最低|最小", text))
    comparable.sort(key=lambda f: f["number"], reverse=not lowest)
    top = comparable[0]
    word = "最低" if lowest else "最高"
    out["status"] = "answered"
    out["answer"] = (f"{row_name(top)}{word}的是{top['department']}（{top['year']}年度）：{top['value_text']}{top['unit'] or ''}"
                     f"（{where(top)}）。共比较 {len(comparable)} 个部门。")
    out["figures"] = [figure(f) for f in comparable]
    out["comparison"] = [{"department": f["department"], "year": f["year"], "value": f["value_text"],
                          "number": float(f["number"]), "unit": f["unit"]} for f in comparable]
    if len({f["year"] for f in comparable}) > 1:
        out["warnings"].append("参与比较的报告年度不同：" + "、".join(sorted({str(f['year']) for f in comparable})))
    return out
