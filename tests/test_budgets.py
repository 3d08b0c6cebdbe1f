"""Budgets (部门预算) as first-class reports, on the 22 real Jiangsu budget PDFs (issue 13).

Classes covered, each over several departments and years:
* budget tables have canonical kinds of their own (收支预算总表 … 政府采购预算表), recognised by
  title — also a title run into its 部门： field, wrapped over two lines, printed after its code
  (公开01表：…) or inside the grid's first row — and never a 决算 kind;
* a page's white background box is no ruling (it had framed title and table as one grid);
* printed cells as hand-checked against the PDF text (tests/expected/budget/jiangsu_cells.json: the
  printed value on a pdfplumber text line of that page that also prints the row's name);
* the 2017–2019 series of 支出合计 / 基本支出 / 项目支出 per department: the 支出预算总表's cells
  agree with the 收支预算总表's 支出用途 side, read through the shared quantity model;
* answers on budget figures say 预算 and cite the table; a 决算 question on a year that has only
  a budget is refused, saying the budget exists.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from domain.quantities import quantity_of
from domain.tables import BUDGET, FINAL_ORDER, is_budget, kind_of

from conftest import CORPUS, ingested

JIANGSU = sorted((CORPUS / "budget" / "jiangsu").glob("*/*.pdf"))
EXPECTED = json.loads((Path(__file__).parent / "expected" / "budget" / "jiangsu_cells.json").read_text(encoding="utf-8"))
# the tables every Jiangsu 公开表 prints (the 政协 2017/2018 sets print their 收入预算总表 too)
CORE = {"收支预算总表", "支出预算总表", "财政拨款收支预算总表", "财政拨款支出预算表", "财政拨款基本支出预算表",
        "一般公共预算支出预算表", "一般公共预算基本支出预算表", "三公经费支出预算表", "政府性基金预算支出表",
        "机关运行经费支出预算表", "政府采购预算表", "收入预算总表"}


def _docs():
    return {p.name: ingested(p) for p in JIANGSU}


@pytest.fixture(scope="module")
def docs():
    return _docs()


@pytest.fixture(scope="module")
def ask(jiangsu_ask):  # the Jiangsu PDFs ingested once per session (conftest)
    return jiangsu_ask


def test_corpus_present():
    assert len(JIANGSU) == 22


@pytest.mark.parametrize("title, kind", [
    ("收支预算总表", "收支预算总表"), ("2018年度江苏省高级人民法院收支预算总表", "收支预算总表"),
    ("收入预算总表", "收入预算总表"), ("2017年度江苏省高级人民法院部门支出预算总表", "支出预算总表"),
    ("财政拨款收支预算总表", "财政拨款收支预算总表"), ("财政拨款支出预算表（功能科目）", "财政拨款支出预算表"),
    ("财政拨款基本支出预算表(经济科目)", "财政拨款基本支出预算表"),
    ("一般公共预算支出预算表（功能科目）", "一般公共预算支出预算表"),
    ("一般公共预算基本支出预算表（经济科目）", "一般公共预算基本支出预算表"),
    ("“三公”经费、会议费、培训费支出预算表(一般公共预算)", "三公经费支出预算表"),
    ("财政拨款政府性基金支出预算表", "政府性基金预算支出表"), ("政府性基金预算财政拨款支出预算表", "政府性基金预算支出表"),
    ("一般公共预算机关运行经费支出预算表", "机关运行经费支出预算表"), ("2019年政府采购预算表", "政府采购预算表"),
    ("政府采购支出预算表", "政府采购预算表"), ("国有资本经营预算支出预算表", "国有资本经营预算支出表"),
    ("项目支出绩效目标表", "项目支出绩效目标表"),
    # 决算 titles keep their kinds
    ("三公经费支出决算表", "三公经费支出决算表"), ("一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表"),
    ("政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款收入支出决算表"), ("政府采购情况表", "政府采购情况表"),
    ("项目支出绩效目标自评表", "项目支出绩效自评表"), ("收入支出决算总表", "收入支出决算总表"),
])
def test_title_kinds(title, kind):
    assert kind_of(title) == kind
    assert is_budget(kind) == ("预算表" in title or "预算总表" in title or "绩效目标表" in title)


def test_budget_kinds_are_not_final_names():
    assert not BUDGET & set(FINAL_ORDER)
    assert all("决算" not in k for k in BUDGET)


@pytest.mark.parametrize("path", JIANGSU, ids=lambda p: p.name)
def test_every_table_document_has_its_budget_tables(path, docs):
    doc = docs[path.name]
    assert doc.meta.report_kind == "预算"
    kinds = {t.kind for t in doc.tables if t.rows}
    if not any(f.number is not None for f in doc.facts):
        assert not kinds & BUDGET  # a 公开文件: narrative only
        return
    expected = CORE - ({"收入预算总表"} if "收入预算总表" not in kinds and path.name.startswith("2017年度部门预算公开表") else set())
    assert expected <= kinds, sorted(expected - kinds)
    # no 决算 kind in a budget
    assert not kinds & set(FINAL_ORDER)
    # every budget table with figures is one table, not two pages run together: its kind's
    # title once per document
    printed = [t.kind for t in doc.tables if t.kind in CORE and t.kind != "政府采购预算表"]
    assert len(printed) == len(set(printed)), printed


@pytest.mark.parametrize("cell", EXPECTED, ids=lambda c: f"{c['document']}-p{c['page']}-{c['row']}-{c['column']}")
def test_expected_cells(cell, docs):
    doc = docs[cell["document"]]
    hits = [f for f in doc.facts if f.page == cell["page"] and f.table_kind == cell["table_kind"]
            and f.row_label == cell["row"] and f.column == cell["column"] and f.value_text == cell["value"]]
    assert hits, cell
    assert doc.meta.year == cell["year"]


def test_expected_cells_cover_every_department_year():
    pairs = {(c["department"], c["year"]) for c in EXPECTED}
    assert len(pairs) == 15  # five departments × 2017–2019
    assert len(EXPECTED) >= 150


def _series(docs):
    """(department, year) -> {measure: [value_text per table]} of the 全部资金 totals."""
    out: dict = {}
    for doc in docs.values():
        for f in doc.facts:
            q = quantity_of(_row(f), {})
            if q and q[0] == "合计" and q[1] == "全部资金" and q[2] in ("支出", "基本支出", "项目支出"):
                out.setdefault((doc.meta.year, q[2]), {}).setdefault(_dept(doc), []).append((f.table_kind, f.value_text))
    return out


def _row(f) -> dict:
    return {k: getattr(f, k) for k in ("table_kind", "table_title", "column", "row_label", "row_group", "row_code",
                                         "row_level")}


def _dept(doc) -> str:
    return Path(doc.path).parent.name  # the corpus folder names the department across its renames


def test_series_agree_across_tables(docs):
    series = _series(docs)
    for year in (2017, 2018, 2019):
        for measure in ("支出", "基本支出", "项目支出"):
            by_dept = series[(year, measure)]
            assert len(by_dept) == 5, (year, measure, sorted(by_dept))
            for dept, cells in by_dept.items():
                kinds = {k for k, _ in cells}
                assert "支出预算总表" in kinds, (dept, year, measure, cells)
                # one amount, however printed (15,844.04 in one table, 15844.04 in the other)
                assert len({v.replace(",", "") for _, v in cells}) == 1, (dept, year, measure, cells)


# printed totals of 支出预算总表 (合计, 基本支出, 项目支出), read off the PDFs
SERIES = {
    ("江苏省人民检察院", 2018): ("21,955.35", "13,994.31", "5,573.00"),
    ("江苏省人大办公厅", 2019): ("18,330.37", "9,312.90", "6,459.58"),
    ("江苏省政协办公厅", 2017): ("9,146.79", "5,916.27", "3,123.68"),
}


@pytest.mark.parametrize("key", SERIES, ids=lambda k: f"{k[0]}{k[1]}")
def test_series_printed_totals(key, docs):
    series = _series(docs)
    dept, year = key
    for measure, printed in zip(("支出", "基本支出", "项目支出"), SERIES[key]):
        assert {v.replace(",", "") for _, v in series[(year, measure)][dept]} == {printed.replace(",", "")}


@pytest.mark.parametrize("question, value, table, says", [
    ("江苏省人民检察院2018年预算支出合计是多少", "21,955.35", "收支预算总表", "预算"),
    ("江苏省人民检察院2018年一般公共预算基本支出预算是多少", "13,979.92", "一般公共预算基本支出预算表", "预算"),
    ("江苏省政协办公厅2017年一般公共预算基本支出预算是多少", "5,836.27", "一般公共预算基本支出预算表", "预算"),
    ("江苏省人大常委会办公厅2019年一般公共预算基本支出是多少", "9,312.90", "一般公共预算基本支出预算表", "预算"),
    ("江苏省人大常委会办公厅2019年项目支出是多少", "6,459.58", "收支预算总表", "预算"),
])
def test_budget_answers(question, value, table, says, ask):
    out = ask(question)
    assert out["status"] == "answered", out["answer"]
    fig = out["figures"][0]
    assert fig["value"] == value
    assert table in fig["table_title"]
    assert fig["source"]["page"]
    assert says in out["answer"]


def test_final_asked_of_a_budget_only_year(ask):
    out = ask("江苏省政协办公厅2017年决算支出是多少")
    assert out["status"] == "not_found"
    assert "预算" in out["answer"] and not out["figures"]


def test_san_gong_budget(ask):
    out = ask("江苏省高级人民法院2019年三公经费预算")
    assert out["status"] == "answered"
    assert out["figures"][0]["table_title"].startswith("“三公”经费")
    assert out["figures"][0]["value"] == "513.75"


@pytest.mark.parametrize("question, value", [
    ("江苏省检察院2018年支出预算是多少", "21,955.35"),  # the budget's total, never the 三公 table's 合计
    ("江苏省人民检察院2018年支出预算合计", "21,955.35"),
])
def test_the_budget_total_is_the_total_of_the_summary_tables(ask, question, value):
    result = ask(question)
    assert result["status"] == "answered" and result["figures"][0]["value"] == value
    assert "三公" not in (result["figures"][0]["table_title"] or "")


@pytest.mark.parametrize("question", ["江苏省人民检察院2018年预算和上年比增加了多少", "省法院2019年预算比上年多了多少"])
def test_a_change_of_no_named_quantity_is_not_a_sub_items_change(ask, question):
    result = ask(question)
    assert not (result["status"] == "answered" and result["figures"]
                and any(w in result["answer"] for w in ("会议费", "培训费", "因公出国", "公务接待")))


def test_san_gong_meeting_training_columns_keep_their_paths(docs):
    """检察院 2019 prints its 公开09表 across under a three-row merged header, with whole numbers
    (237, 700) beside decimals: every value column keeps its own header path — whole numbers
    under 培训费 or a 小计 are figures, not subject codes — and the blank 公务用车购置费 cell makes
    no fact, so the 237s are never labelled 公务用车购置费."""
    doc = docs["2019年度部门预算公开.pdf"]
    [table] = [t for t in doc.tables if t.kind == "三公经费支出预算表"]
    assert (table.page, table.code, table.header_rows) == (20, "公开09表", 3)
    car = "“三公”经费/公务用车购置及运行维护费"
    assert [c.path for c in table.columns] == [
        "合计", "“三公”经费/小计", "“三公”经费/因公出国（境）费", f"{car}/小计", f"{car}/公务用车购置费",
        f"{car}/公务用车运行维护费", "“三公”经费/公务接待费", "会议费", "培训费"]
    facts = {f.column: (f.value_text, f.page, f.unit) for f in doc.facts if f.table_index == table.index}
    assert facts == {
        "合计": ("1276.7", 20, "万元"), "“三公”经费/小计": ("418.26", 20, "万元"),
        "“三公”经费/因公出国（境）费": ("80", 20, "万元"), f"{car}/小计": ("237", 20, "万元"),
        f"{car}/公务用车运行维护费": ("237", 20, "万元"), "“三公”经费/公务接待费": ("101.26", 20, "万元"),
        "会议费": ("158.44", 20, "万元"), "培训费": ("700", 20, "万元")}


def _procurement_rows(folder) -> list[tuple[str, int, str, list[dict]]]:
    """(department, year, label, cells) of every label in every budget's 政府采购预算表, per column."""
    from answer.lookup import bare_label
    from index.store import Store

    out = []
    with Store(folder) as store:
        for doc in store.documents():
            rows: dict[tuple, list[dict]] = {}
            for f in store.facts(doc["name"]):
                if f["table_kind"] == "政府采购预算表" and f["number"] is not None and f["row_label"]:
                    rows.setdefault((f["column"], bare_label(f["row_label"])), []).append(f)
            out += [(doc["department"], doc["year"], label, cells) for (_, label), cells in rows.items()]
    return out


def test_a_label_printed_on_several_procurement_rows_is_asked_back_never_one_of_them(jiangsu_ingested, jiangsu_ask):
    """An item asked of a 政府采购预算表 that prints it under several projects with different amounts
    (会议费 of each 经费) gets the rows as options; an item printed once gets that row's amount; one
    the table does not print is refused — never the table's 合计 in its place."""
    cases = _procurement_rows(jiangsu_ingested[0])
    repeated = [c for c in cases if len({f["number"] for f in c[3]}) > 1 and len(c[2]) >= 3
                and not any(w in c[2] for w in ("合计", "总计", "采购"))]
    single = [c for c in cases if len(c[3]) == 1 and c[2].endswith("费") and len(c[2]) >= 3]
    assert len({c[0] for c in repeated}) >= 2 and len(single) >= 5
    for department, year, label, cells in repeated[:6]:
        result = jiangsu_ask(f"{department}{year}年{label}的政府采购预算是多少？")
        assert result["status"] == "ambiguous" and not result["figures"], (label, result["answer"])
        assert all(f["value_text"] in result["answer"] for f in cells), result["answer"]
    answered = 0
    for department, year, label, cells in single[:8]:
        result = jiangsu_ask(f"{department}{year}年{label}政府采购预算有多少")
        if result["status"] == "answered":  # (or refused: a label inside a longer one may be unsure)
            assert result["figures"][0]["value"] == cells[0]["value_text"], (label, result["answer"])
            answered += 1
    assert answered >= 4
    for department, year in {(c[0], c[1]) for c in cases} - {(c[0], c[1]) for c in cases if "差旅" in c[2]}:
        result = jiangsu_ask(f"{department}{year}年差旅费的政府采购预算是多少？")
        assert result["status"] == "not_found" and not result["figures"], result["answer"]
