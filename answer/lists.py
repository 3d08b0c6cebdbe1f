"""Lists the reports give row by row: the projects whose 绩效自评 grade is 优 / 良 / 中 / 差, and
the units a department's final accounts cover (the 单位名称 column of its units table).

Each 项目支出绩效自评表 names its project (专项名称 / 项目名称) and prints a grade (评价等级 …);
a project is listed when its printed grade begins with the grade asked for.  A report that
prints its grades another way (ticked boxes) is not listed from, and says so.
"""
from __future__ import annotations

import re

from ingest.normalize import compact

_ASKS = re.compile(r"(哪些|哪几个|哪个|有哪|列出).{0,6}项目|项目.{0,12}(哪些|哪几个|有哪)")
_GRADE = re.compile(r"[“\"'‘]?(优秀|良好|优|良|中|合格|差|不合格)[”\"'’]?")
_GRADE_ROW = re.compile(r"评价等级|自评等级|等级|等次|评价结果")
_PROJECT_ROW = ("专项名称", "项目名称", "项目名")


def asks_for_graded_projects(question: str) -> str | None:
    text = compact(question)
    if not (_ASKS.search(text) and re.search(r"自评|评价|等级|等次|评为|评了", text)):
        return None
    m = re.search(r"(?:是|为|评了?|等级|等次)[“\"'‘]?(优秀|良好|优|良|中|合格|差)", text) or _GRADE.search(
        re.sub(r"绩效|自评|评价", "", text))
    return m.group(1) if m else None


def graded_projects(facts: list[dict], grade: str) -> tuple[list[tuple[dict, dict]], bool]:
    """(project fact, grade fact) pairs with that grade, and whether every grade could be read."""
    by_table: dict[int, dict] = {}
    grades: dict[int, dict] = {}
    for f in facts:
        if f["table_kind"] != "项目支出绩效自评表":
            continue
        if f["row_label"] in _PROJECT_ROW and f["table_index"] not in by_table:
            by_table[f["table_index"]] = f
        elif _GRADE_ROW.search(f["row_label"] or "") and f["table_index"] not in grades and len(f["row_label"]) <= 8:
            grades[f["table_index"]] = f
    readable = all(_GRADE.match(compact(g["value_text"])) for g in grades.values()) and bool(grades)
    wanted = {"优": ("优", "优秀"), "优秀": ("优", "优秀"), "良": ("良", "良好"), "良好": ("良", "良好")}.get(grade, (grade,))
    out = []
    for table, g in grades.items():
        m = _GRADE.match(compact(g["value_text"]))
        if m and m.group(1) in wanted and table in by_table:
            out.append((by_table[table], g))
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
