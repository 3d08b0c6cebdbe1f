"""Lists the reports give row by row: the projects whose 绩效自评 grade is 优 / 良 / 中 / 差, and
the units a department's final accounts cover (the 单位名称 column of its units table).

Each 项目支出绩效自评表 names its project (专项名称 / 项目名称) and prints a grade (评价等级 …);
a project is listed when its printed grade begins with the grade asked for.  A report that
prints its grades another way (ticked boxes) is not listed from, and says so.
"""
from __future__ import annotations

import re

from domain.grades import GRADE_WORD
from domain.normalize import compact

_ASKS = re.compile(r"(哪些|哪几个|哪个|有哪|列出).{0,6}项目|项目.{0,12}(哪些|哪几个|有哪)")
_GRADE_ROW = re.compile(r"评价等级|自评等级|等级|等次|评价结果")
_PROJECT_ROW = ("专项名称", "项目名称", "项目名")
_FORM_SUFFIX = "项目支出绩效自评表"


def asks_for_graded_projects(question: str) -> str | None:
    text = compact(question)
    if not (_ASKS.search(text) and re.search(r"自评|评价|等级|等次|评为|评了", text)):
        return None
    m = re.search(r"(?:是|为|评了?|等级|等次)[“\"'‘]?(优秀|良好|优|良|中|合格|差)", text) or GRADE_WORD.search(
        re.sub(r"绩效|自评|评价", "", text))
    return m.group(1) if m else None


def graded_projects(facts: list[dict], grade: str) -> tuple[list[tuple[dict, dict]], bool]:
    """(project fact, grade fact) pairs with that grade, and whether every grade could be read.

    A form prints its grade in a 评价等级 row, or as the grade word of its 总分 row.  A grade on a
    table without a project name (a form continued on the next page) belongs to the nearest form
    before it that has no grade yet.  Any grade that cannot be placed makes the list unreadable:
    a list that may miss a project is not given."""
    names: dict[int, dict] = {}
    grades: dict[int, dict] = {}
    for f in facts:
        label = compact(f["row_label"] or "")
        t = f["table_index"]
        if f["table_kind"] == "项目支出绩效自评表" and label in _PROJECT_ROW and t not in names:
            names[t] = f
        elif t not in grades and (_GRADE_ROW.search(label) and len(label) <= 8 and GRADE_WORD.match(compact(f["value_text"] or ""))
                                  or label == "总分" and GRADE_WORD.fullmatch(compact(f["value_text"] or ""))):
            grades[t] = f
    for f in facts:  # a form without a name row is named by its title: X项目支出绩效自评表
        t = f["table_index"]
        title = compact(f["table_title"] or "")
        if f["table_kind"] == "项目支出绩效自评表" and t not in names and title.endswith(_FORM_SUFFIX) \
                and len(title) - len(_FORM_SUFFIX) >= 2:
            names[t] = dict(f, value_text=title[:-len(_FORM_SUFFIX)], row_label="项目名称")
    placed: dict[int, dict] = {}
    for t in sorted(grades):
        owner = t if t in names else max((n for n in names if n < t and n not in placed), default=None)
        if owner is None or owner in placed:
            return [], False
        placed[owner] = grades[t]
    readable = bool(placed) and all(n in placed for n in names)
    wanted = {"优": ("优", "优秀"), "优秀": ("优", "优秀"), "良": ("良", "良好"), "良好": ("良", "良好")}.get(grade, (grade,))
    out = [(names[t], g) for t, g in sorted(placed.items())
           if GRADE_WORD.match(compact(g["value_text"])).group(1) in wanted]
    return out, readable


_ASKS_UNITS = re.compile(r"(?:包括|包含|含有|有|由)(?:哪些|哪几个|哪几家|什么)(?:下属)?单位|哪些(?:下属)?单位|下属单位|几个单位|单位构成")


def asks_for_units(question: str) -> bool:
    return bool(_ASKS_UNITS.search(compact(question)))


def units_listed(tables: list[dict]) -> list[dict]:
    """The units a report's units table names, in printed order: {name, page, line}.  The first
    table with a 单位名称 column in its first rows."""
    for table in tables:
        grid = table["grid"]
        for h, row in enumerate(grid[:3]):
            col = next((i for i, cell in enumerate(row) if compact(cell["text"]) == "单位名称"), None)
            if col is None:
                continue
            out = []
            for cells in grid[h + 1:]:
                if col >= len(cells):
                    continue
                # the unit's kind printed after its name ((下属事业单位)) is not part of it; (本级) is
                name = re.sub(r"[（(][^（）()]*单位[)）]$", "", compact(cells[col]["text"]))
                if name and re.search(r"[\u4e00-\u9fff]{2}", name) and name not in ("合计", "总计", "小计"):
                    out.append({"name": name, "page": cells[col].get("page"), "line": cells[col].get("line")})
            if out:
                return out
    return []
