"""Lists: projects by their 绩效 grade, and the units a department's accounts cover."""
from __future__ import annotations

from .cite import figure, one_department
from .lookup import Catalog


def listed(question: str, catalog: Catalog, out: dict) -> bool:
    """Projects with the 绩效 grade asked for, each with its printed grade cited."""
    from .lists import asks_for_graded_projects, asks_for_units, graded_projects

    grade = asks_for_graded_projects(question)
    units = not grade and asks_for_units(question)
    one = one_department(question, catalog) if grade or units else None
    if one is None:
        return False
    name, _, _, year, document = one
    if document is None:
        return False
    if units:
        return _units(name, year, document, catalog, out)
    pairs, readable = graded_projects(catalog.facts(document), grade)
    if not readable:
        out["answer"] = f"{name}{year}年度报告的绩效自评表没有以可直接读取的方式印出评价等级（例如用勾选框），无法列出。"
        return True
    out["status"] = "answered"
    names = "；".join(p["value_text"] for p, _ in pairs)
    out["answer"] = (f"{name}{year}年度绩效自评等级为“{grade}”的项目共 {len(pairs)} 个" + (f"：{names}。" if pairs else "。"))
    figs = []
    for project, g in pairs:
        fig = figure(g)
        fig["label"] = project["value_text"]
        figs.append(fig)
    out["figures"] = figs
    return True


def _units(name: str, year: int, document: str, catalog: Catalog, out: dict) -> bool:
    """The units the department's final accounts cover, as its units table names them."""
    from .lists import units_listed

    listed = units_listed(catalog.store.tables(document))
    if not listed:
        out["answer"] = f"{name}{year}年度报告没有列出单位构成表，无法列出包括哪些单位。"
        return True
    out["status"] = "answered"
    out["answer"] = (f"{name}{year}年度部门决算包括 {len(listed)} 个单位：" + "；".join(u["name"] for u in listed)
                     + f"（{document}，单位构成表" + (f"，第{listed[0]['page']}页" if listed[0]["page"]
                                                 else f"，第{listed[0]['line']}行") + "）。")
    out["figures"] = [{"label": u["name"], "value": u["name"], "number": None, "unit": None, "computed": False,
                       "formula": None, "department": name, "year": year, "table": None,
                       "table_title": "单位构成", "row": u["name"], "column": "单位名称",
                       "source": {"document": document, "page": u["page"], "line": u["line"]}} for u in listed]
    return True
