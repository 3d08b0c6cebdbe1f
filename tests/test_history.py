"""Issue 13, a department across years, in the browser's 历年 view (index.browse.years_side_by_side):
预算 and 决算 of one year side by side, each figure with its own source, and what is not printed
said as such — a blank cell, a printed 0.00, a table not printed and a year without a 决算 stay
four different things, none of them a 0 it was not printed as.

No corpus department has a budget and a final account of the same year, so one is made: the
synthetic final account (tests/synthetic_report.py) printed as 江苏省人民检察院's for 2018, ingested
beside that department's real 2018 and 2019 budget PDFs.  In it 项目支出's 合计 cells are printed
blank, the 三公 table prints 0.00 throughout, and there is no 政府采购 table (and no narrative
section stating any of these)."""
from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import CORPUS

from synthetic_report import report_text, write_report

DEPARTMENT = "江苏省人民检察院"
BUDGETS = CORPUS / "budget" / "jiangsu" / DEPARTMENT
BUDGET_2018 = BUDGETS / "2018年省检察院部门预算公开.pdf"
BUDGET_2019 = BUDGETS / "2019年度部门预算公开.pdf"
SANGONG_CELLS = ("07:合计", "07:因公出国（境）费", "07:公务用车购置及运行维护费", "07:公务用车购置费",
                 "07:公务用车运行维护费", "07:公务接待费")
# the 2018 决算: 项目支出 printed blank in both tables that print its 合计, 三公 printed 0.00, no
# 政府采购 table; the narrative sections that state these (一 支出, 五 三公, 七 政府采购) left out
FINAL_2018 = dict(department=DEPARTMENT, year=2018,
                  cells={"03:合计:项目支出": "", "05:合计:项目支出": "", **{k: "0.00" for k in SANGONG_CELLS}},
                  omit_sections=("一", "五", "七"))
FINAL_NAME = "江苏省人民检察院2018年度部门决算.txt"


def write_final(folder: Path, name: str = FINAL_NAME, **printed) -> Path:
    """The synthetic 2018 决算 of 江苏省人民检察院 (FINAL_2018, or what `printed` says instead)."""
    return write_report(folder, name=name, **(printed or FINAL_2018))


def _ingest(folder: Path, paths: list[Path]) -> None:
    from ingest import ingest_paths
    from index.store import Store

    with Store(folder) as store:
        results = ingest_paths(paths, store)
    assert all(r.ok for r in results), [r.message for r in results if not r.ok]


@pytest.fixture(scope="module")
def budgets(tmp_path_factory) -> Path:
    """A store of the department's two budget PDFs, to copy."""
    folder = tmp_path_factory.mktemp("history") / "budgets"
    _ingest(folder, [BUDGET_2018, BUDGET_2019])
    return folder


def _rows(budgets: Path | None, folder: Path, final: Path) -> list[dict]:
    from answer import Answerer
    from answer.overview import KEY_FIGURES
    from answer.series import series
    from index.browse import ALSO_BY_YEAR, years_side_by_side

    if budgets is not None:
        shutil.copytree(budgets, folder)
    _ingest(folder, [final])
    answerer = Answerer(folder, search=False)
    try:
        catalog = answerer.catalog
        return years_side_by_side(DEPARTMENT, catalog.reports_of(DEPARTMENT), KEY_FIGURES + ALSO_BY_YEAR, catalog.store,
                                  lined_up=lambda words: series(catalog, DEPARTMENT, words).points, ask=answerer.ask)
    finally:
        answerer.close()


@pytest.fixture(scope="module")
def final_text(tmp_path_factory) -> Path:
    return write_final(tmp_path_factory.mktemp("final"))


@pytest.fixture(scope="module")
def rows(budgets, final_text, tmp_path_factory) -> dict[tuple[str, int], dict]:
    got = _rows(budgets, tmp_path_factory.mktemp("both") / "index", final_text)
    return {(r["项目"], r["年度"]): r for r in got}


@pytest.fixture(scope="module")
def pages():
    """Each budget PDF page's text, as pdfplumber reads it (to check a cited page prints the figure)."""
    import functools

    import pdfplumber

    from domain.normalize import nfkc

    @functools.cache
    def page(path: Path, number: int) -> str:
        with pdfplumber.open(path) as pdf:
            return nfkc(pdf.pages[number - 1].extract_text() or "")
    return page


# (key figure, budget's printed figure, its table, its page; final's printed figure, its table)
BOTH_PRINTED = [
    ("支出合计", "21,955.35", "收支预算总表", 14, "1216.28", "收入支出决算总表"),
    ("收入合计", "21,955.35", "收支预算总表", 14, "1208.50", "收入支出决算总表"),
    ("基本支出", "13,994.31", "收支预算总表", 13, "418.98", "支出决算表"),
    ("三公经费", "484.30", "一般公共预算“三公”经费、会议费、培训费支出预算表", 19, "0.00", "一般公共预算财政拨款“三公”经费支出决算表"),
    ("财政拨款支出", "21,940.96", "财政拨款支出预算表", 15, "1216.28", "财政拨款收入支出决算总表"),
]


@pytest.mark.parametrize("name, budget, budget_table, page, final, final_table", BOTH_PRINTED)
def test_a_year_with_both_gives_the_budget_and_the_final_side_by_side_each_with_its_own_source(
        rows, final_text, pages, name, budget, budget_table, page, final, final_table):
    from index.browse import PRINTED

    row = rows[(name, 2018)]
    plan, spent = row["预算"], row["决算"]
    assert (plan.state, plan.kind, plan.value, plan.table, plan.page, plan.line) == (
        PRINTED, "预算", budget, budget_table, page, None)
    assert plan.document == BUDGET_2018.name and plan.department == DEPARTMENT
    assert budget in pages(BUDGET_2018, page)  # the cited page prints it
    assert (spent.state, spent.kind, spent.value, spent.table, spent.page) == (PRINTED, "决算", final, final_table, None)
    assert spent.document == FINAL_NAME and spent.number == Decimal(final)
    printed_line = final_text.read_text(encoding="utf-8").splitlines()[spent.line - 1]
    assert final in printed_line.split("\t")  # the cited line prints it
    for side in (plan, spent):
        assert side.document in side.source and side.table in side.source and side.row in side.source
    assert f"第{page}页" in plan.source and f"第{spent.line}行" in spent.source


def test_a_year_with_only_a_budget_has_no_final_side_never_a_zero(rows):
    from index.browse import NO_REPORT, PRINTED

    names = {name for name, _ in rows}
    assert {year for _, year in rows} == {2018, 2019}
    for name in names:
        spent = rows[(name, 2019)]["决算"]
        assert spent.state == NO_REPORT and spent.number is None and spent.value == ""
        assert spent.shown == "（无决算）" and "2019年度" in spent.source and "决算" in spent.source
    plan = rows[("支出合计", 2019)]["预算"]
    assert (plan.state, plan.value, plan.document, plan.page) == (PRINTED, "24,169.74", BUDGET_2019.name, 14)


def test_a_blank_cell_a_printed_zero_and_a_table_not_printed_stay_distinct(rows):
    from index.browse import BLANK, NO_TABLE, PRINTED

    zero, blank, no_table = (rows[(name, 2018)]["决算"] for name in ("三公经费", "项目支出", "政府采购"))
    # 0.00 is printed: a figure, the number 0, cited
    assert (zero.state, zero.value, zero.number, zero.shown) == (PRINTED, "0.00", Decimal("0.00"), "0.00")
    # a blank cell is no figure but a place: the 支出决算表's 合计 row, 项目支出 column, the line printing it
    assert (blank.state, blank.value, blank.number) == (BLANK, "", None)
    assert (blank.document, blank.table, blank.row, blank.column) == (FINAL_NAME, "支出决算表", "合计", "项目支出")
    assert blank.line and "空白" in blank.shown and "空白" in blank.source
    # a table the report does not print: no place, said so
    assert (no_table.state, no_table.number, no_table.document) == (NO_TABLE, None, "")
    assert "未印" in no_table.shown and "政府采购情况表" in no_table.source
    assert len({zero.shown, blank.shown, no_table.shown, rows[("三公经费", 2019)]["决算"].shown}) == 4
    # each side keeps its own: the budgets are printed
    assert all(rows[(name, 2018)]["预算"].state == PRINTED for name in ("三公经费", "项目支出", "政府采购"))


def test_the_frames_the_view_shows(rows):
    from index.browse import both_kinds, chart_rows, history_frame, side_by_side_frame, sources_frame

    listed = list(rows.values())
    assert both_kinds(listed)
    table = history_frame(listed)
    assert list(table.columns) == ["2018年预算", "2018年决算", "2019年预算"]  # no 2019年决算: none is held
    assert table.loc["支出合计", "2018年预算"] == "21,955.35" and table.loc["支出合计", "2018年决算"] == "1216.28"
    assert table.loc["三公经费", "2018年决算"] == "0.00" and table.loc["项目支出", "2018年决算"] == "（空白）"
    side = side_by_side_frame(listed)
    assert list(side.columns) == ["项目", "年度", "预算数", "预算出处", "决算数", "决算出处"]
    line = side[(side["项目"] == "支出合计") & (side["年度"] == "2018")].iloc[0]
    assert line["预算数"] == "21,955.35" and BUDGET_2018.name in line["预算出处"] and "第14页" in line["预算出处"]
    assert line["决算数"] == "1216.28" and FINAL_NAME in line["决算出处"]
    later = side[(side["项目"] == "支出合计") & (side["年度"] == "2019")].iloc[0]
    assert later["决算数"] == "（无决算）"
    sources = sources_frame(listed)
    assert len(sources) == 3 * len({name for name, _ in rows}) and all(sources["出处"])
    # the chart: a point per printed figure, 0.00 a point at 0, nothing for a blank or a missing year
    points = {(p["年度"], p["类别"]): p["数值"] for p in chart_rows(listed, "三公经费")}
    assert points == {(2018, "预算"): 484.30, (2018, "决算"): 0.0, (2019, "预算"): 418.26}
    assert {(p["年度"], p["类别"]) for p in chart_rows(listed, "项目支出")} == {(2018, "预算"), (2019, "预算")}


# --- what is not the figure is never shown as it ------------------------------------------------

VARIANTS = {
    # the 三公 table's 合计 printed blank, its parts printed: the answer layer's 因公出国（境）费 2.36
    # for 三公经费决算数 is a part, not the total
    "a part for its total": (dict(department=DEPARTMENT, year=2018, cells={"07:合计": ""}, omit_sections=("五",)),
                             "2.36"),
    # the 三公 table printed with no figure at all
    "printed empty": (dict(department=DEPARTMENT, year=2018, cells={k: "" for k in SANGONG_CELLS},
                           omit_sections=("五",)), None),
}


@pytest.mark.parametrize("with_budget", [True, False], ids=["beside its budget", "alone"])
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_a_cell_of_another_quantity_or_an_empty_table_gives_no_figure(budgets, tmp_path, variant, with_budget):
    """Beside its budget the 决算 is the year's other report (its own answer is checked); alone it
    is the year's main report (the figure lined up over the years is checked)."""
    from index.browse import EMPTY, NO_REPORT, PRINTED

    printed, part = VARIANTS[variant]
    final = write_final(tmp_path, **printed)
    got = {(r["项目"], r["年度"]): r for r in _rows(budgets if with_budget else None, tmp_path / "index", final)}
    spent = got[("三公经费", 2018)]["决算"]
    assert spent.state not in (PRINTED, NO_REPORT) and spent.number is None, spent
    if part:
        # never the part: refused by the answer layer itself, or dropped here as another quantity
        assert part not in spent.shown and part not in spent.source
    else:
        assert spent.state == EMPTY and spent.table == "一般公共预算财政拨款“三公”经费支出决算表"
    assert got[("三公经费", 2018)]["预算"].value == ("484.30" if with_budget else "")
    assert got[("支出合计", 2018)]["决算"].value == "1216.28"  # the rest of the report as before


def test_the_synthetic_report_prints_another_department_and_year_and_what_it_is_told():
    text = report_text(**FINAL_2018)
    assert DEPARTMENT in text and "2018" in text and "示例市" not in text and "2023" not in text
    assert "一般公共预算财政拨款“三公”经费支出决算表" in text and "政府采购支出总额" not in text
    assert "合计\t1\t0.00" in text
    assert "一般公共预算财政拨款“三公”经费支出决算表" not in report_text(omit_tables=(7,))
    with pytest.raises(ValueError):
        report_text(cells={"99:nothing": ""})
