"""A department's key figures for the browser: each asked of the answer layer like any question,
so each comes with its citation, or as not found."""
from __future__ import annotations

# (what the browser shows, how it is asked)
KEY_FIGURES = (
    ("收入合计", "本年收入合计"),
    ("支出合计", "本年支出合计"),
    ("基本支出", "基本支出"),
    ("项目支出", "项目支出"),
    ("三公经费", "三公经费"),
    ("政府采购", "政府采购支出"),
    ("在职人员", "在职人数"),
)


def key_figures(answerer, department: str, year: int) -> list[dict]:
    """[{name, answer}] where answer is the full answer object for that figure."""
    return [{"name": name, "answer": answerer.ask(f"{department}{year}年{asked}是多少")} for name, asked in KEY_FIGURES]


def periods(answerer) -> dict[str, list[int]]:
    """Each department with the years it has reports for."""
    catalog = answerer.catalog
    return {name: catalog.years(name) for name in catalog.departments}
