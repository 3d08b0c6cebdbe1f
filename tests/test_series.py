"""Issue 13 on the 22 Jiangsu budget PDFs: a report printed as two files (公开文件 + 公开表) is one
report with both files kept; the forms a department's name takes over the years (中国共产党…委员会,
中共…, the short form; an alias table for the rest) are one department; and a department across
years (kind 'series'): one printed figure per year, each cited, lined up by row, checked
against hand-read cells (tests/expected/series/jiangsu.json)."""
from __future__ import annotations

import json

import pytest
from conftest import CORPUS, ROOT

from index.aliases import ALIAS_TABLE, department_key, same_department

JIANGSU = CORPUS / "budget" / "jiangsu"
EXPECTED = json.loads((ROOT / "tests" / "expected" / "series" / "jiangsu.json").read_text(encoding="utf-8"))
PARTY = ("中国共产党江苏省委员会办公厅", "中共江苏省委办公厅", "江苏省委办公厅")


@pytest.fixture(scope="session")
def jiangsu(jiangsu_ingested):
    """The Jiangsu folder ingested once (conftest): (results per file, catalog)."""
    from answer.lookup import Catalog
    from index.store import Store

    folder, results = jiangsu_ingested
    store = Store(folder, readonly=True)
    yield results, Catalog(store)
    store.close()


@pytest.fixture(scope="session")
def ask(jiangsu):
    from answer.respond import respond

    return lambda question: respond(question, jiangsu[1])


# --- one report in two files ------------------------------------------------------------------


def test_every_file_is_ingested_and_pairs_make_one_report(jiangsu):
    results, catalog = jiangsu
    assert [r.path for r in results if not r.ok] == []
    assert len(results) == 22
    reports = catalog.documents
    assert len(reports) == 15  # five departments × three years
    assert sorted((catalog.printed_name(r["department"], r["year"]), r["year"]) for r in reports) == sorted(
        {(r["department"], r["year"]) for r in reports})
    pairs = [r for r in reports if len(r["documents"]) == 2]
    # 人大 2019, 省委办公厅 2017–2019, 政协 2017–2019: a table file and a narrative file each
    assert sorted((department_key(r["department"]), r["year"]) for r in pairs) == sorted(
        [("江苏省人大常委会办公厅", 2019)] + [("江苏省委办公厅", y) for y in (2017, 2018, 2019)]
        + [("江苏省政协办公厅", y) for y in (2017, 2018, 2019)])
    for r in pairs:
        tables, narrative = r["documents"]
        assert r["name"] == f"{tables} + {narrative}"
        facts = catalog.facts(r["name"])
        assert {f["document"] for f in facts if f["number"] is not None} == {tables}  # provenance per file
        passages = catalog.store.passages(r["name"])
        assert narrative in {p["document"] for p in passages}
        # one table index per table of the report, across both files
        indices = [t["idx"] for t in catalog.store.tables(r["name"])]
        assert indices == list(range(len(indices)))
        assert {f["table_index"] for f in facts} <= set(indices)


def test_narrative_file_alone_is_kept_with_its_department_and_year(jiangsu):
    results, _ = jiangsu
    by_name = {r.name: r for r in results}
    for name, department, year in [("江苏省委办公厅2018年度部门预算公开文件.pdf", "江苏省委办公厅", 2018),
                                   ("江苏省人大常委会2019年度部门预算公开.pdf", "江苏省人大常委会办公厅", 2019),
                                   ("江苏省政协办公厅2017年度部门预算.pdf", "江苏省政协办公厅", 2017)]:
        r = by_name[name]
        assert r.ok and (r.department, r.year) == (department, year) and r.passages > 20


def test_the_answer_cites_the_file_that_prints_the_figure(ask):
    a = ask("中共江苏省委办公厅2018年支出合计是多少")
    assert a["status"] == "answered"
    assert a["figures"][0]["source"]["document"] == "江苏省委办公厅2018年度部门预算公开表.pdf"


# --- aliases over time --------------------------------------------------------------------------


@pytest.mark.parametrize("a, b, same", [
    ("中国共产党江苏省委员会办公厅", "江苏省委办公厅", True), ("中共江苏省委办公厅", "江苏省委办公厅", True),
    ("中共上海市普陀区委社会工作部", "上海市普陀区委社会工作部", True),
    ("中国共产党青海省西宁市委员会组织部", "中共西宁市委组织部", False),  # another place: not derived
    ("中国共产党西宁市委员会组织部", "中共西宁市委组织部", True),
    ("中国人民政治协商会议江苏省委员会办公厅", "江苏省政协办公厅", True),
    ("江苏省人民代表大会常务委员会办公厅", "江苏省人大常委会办公厅", True),
    ("江苏省人大办公厅", "江苏省人大常委会办公厅", True),  # ALIAS_TABLE
    ("江苏省委办公厅", "江苏省人大常委会办公厅", False), ("江苏省发展和改革委员会", "江苏省发改委", False),
    ("江苏省人民检察院", "江苏省高级人民法院", False),
])
def test_department_key(a, b, same):
    assert same_department(a, b) is same


def test_alias_table_is_documented():
    assert all(where and printed != same for printed, same, where in ALIAS_TABLE)


@pytest.mark.parametrize("named", PARTY + ("省委办公厅",))
def test_every_form_of_a_name_finds_the_department_over_all_its_years(jiangsu, named):
    _, catalog = jiangsu
    q = catalog.parse(f"{named}2019年支出合计是多少")
    assert q.department is not None and same_department(q.department, "江苏省委办公厅"), q.departments
    assert catalog.years(q.department) == [2017, 2018, 2019]
    assert catalog.document_for(q.department, 2017) == "江苏省委办公厅2017年预算公开表格.pdf + 江苏省委办公厅2017年部门预算.pdf"


@pytest.mark.parametrize("named, printed", [("省法院", "江苏省高级人民法院"), ("江苏省人大办公厅", "江苏省人大常委会办公厅"),
                                            ("省人大常委会办公厅", "江苏省人大常委会办公厅"), ("省检察院", "江苏省人民检察院"),
                                            ("省政协办公厅", "江苏省政协办公厅")])
def test_short_forms_find_the_department(jiangsu, named, printed):
    _, catalog = jiangsu
    q = catalog.parse(f"{named}2018年支出合计是多少")
    assert q.department == printed
    assert catalog.years(printed) == [2017, 2018, 2019]


def test_each_year_says_the_name_its_report_prints(jiangsu):
    _, catalog = jiangsu
    assert [catalog.printed_name("江苏省委办公厅", y) for y in (2017, 2018, 2019)] == [
        "中国共产党江苏省委员会办公厅", "中共江苏省委办公厅", "中共江苏省委办公厅"]


# --- a department across years -----------------------------------------------------------------

PHRASINGS = ("{d}2017到2019年{s}的变化", "{d}2017年至2019年{s}是怎么变化的", "{d}历年{s}", "{d}2017-2019年{s}变化情况",
             "{d}近三年{s}的走势")
CASES = [(d, "支出合计", p) for d, p in zip(("江苏省政协办公厅", "省法院", "江苏省人大办公厅", "省政协办公厅", "江苏省高级人民法院"),
                                          PHRASINGS)]


@pytest.mark.parametrize("named, subject, phrasing", CASES)
def test_series_gives_each_year_as_printed_with_its_source(ask, jiangsu, named, subject, phrasing):
    _, catalog = jiangsu
    a = ask(phrasing.format(d=named, s=subject))
    assert a["kind"] == "series" and a["status"] == "answered", a["answer"]
    department = catalog.parse(f"{named}2018年").department
    expected = EXPECTED[subject][department]
    got = {str(p["year"]): [p["value"], p["source"]["document"], p["source"]["page"]] for p in a["series"] if p["value"]}
    assert got == expected
    for year, (value, document, page) in expected.items():
        assert f"{year}年" in a["answer"] and value in a["answer"] and document in a["answer"]
    change = a["figures"][0]
    assert change["computed"] and change["formula"] == f"{expected['2019'][0]} − {expected['2017'][0]}"


def test_the_issue_question_lines_up_the_years_it_can(ask):
    """江苏省检察院2017到2019年基本支出的变化: every year named, each figure printed and cited; a
    year whose figure is not on the row the others are on is said missing, never filled."""
    a = ask("江苏省检察院2017到2019年基本支出的变化")
    assert a["kind"] == "series" and a["status"] == "answered"
    points = {str(p["year"]): p for p in a["series"]}
    assert sorted(points) == ["2017", "2018", "2019"]
    for year, (value, document, page) in EXPECTED["基本支出"]["江苏省人民检察院"].items():
        assert [points[year]["value"], points[year]["source"]["document"], points[year]["source"]["page"]] == [value, document, page]
    assert all(p["value"] or p["missing"] for p in points.values())


def test_a_single_year_or_another_department_is_not_a_series(ask):
    assert ask("江苏省政协办公厅2019年支出合计是多少").get("kind") != "series"
    assert ask("江苏省政协办公厅2019年支出合计比上年增加了多少").get("kind") != "series"


def test_history_rows_for_the_browser(jiangsu):
    from answer.overview import KEY_FIGURES
    from answer.series import departments_over_years, history

    _, catalog = jiangsu
    listed = departments_over_years(catalog)
    assert len(listed) == 5 and listed["中共江苏省委办公厅"] == [2017, 2018, 2019]
    rows = history(catalog, "江苏省政协办公厅", KEY_FIGURES)
    total = {r["年度"]: r["印出的数字"] for r in rows if r["项目"] == "支出合计"}
    assert total == {int(y): v[0] for y, v in EXPECTED["支出合计"]["江苏省政协办公厅"].items()}
    assert all(r["出处"] for r in rows)
