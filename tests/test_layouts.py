"""Layouts real reports print that the corpus lacks (issue 13), read from synthetic PDFs.

`tests/layout_pdfs.py` prints each layout to PDF with Chromium once per session; each test reads
one of them through `ingested()` and checks concrete cells: the printed value, row, subject code,
column path, page and table kind.  The figures add up, so the reconciliation checks find nothing.
"""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from conftest import CORPUS, ingested
from layout_pdfs import (LAYOUTS, TRAINING_COLUMNS, _TRAINING_ITEMS, _TRAINING_ITEMS_WHOLE, training_figures,
                         write_pdfs)


@pytest.fixture(scope="session")
def layouts(tmp_path_factory):
    """Every layout's PDF, printed once: file name → path."""
    return write_pdfs(tmp_path_factory.mktemp("layouts"))


def _doc(layouts, name):
    return ingested(layouts[name])


def _one(doc, kind, column=None, **row):
    """The one fact of `kind` at the row given by its attributes and the exact column path."""
    hits = [f for f in doc.facts if f.table_kind == kind and (column is None or f.column == column)
            and all(getattr(f, k) == v for k, v in row.items())]
    assert len(hits) == 1, hits
    return hits[0]


# --- 1: a university's four-table 决算 -------------------------------------------------------------

FOUR = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表"]


def test_university_four_tables_are_recognised_and_nothing_else(layouts):
    doc = _doc(layouts, "university.pdf")
    assert (doc.meta.department, doc.meta.year, doc.meta.report_kind) == ("示例大学", 2023, "决算")
    assert [(t.kind, t.code, t.page) for t in doc.tables] == [
        ("收入支出决算总表", "公开01表", 4), ("收入决算表", "公开02表", 5), ("支出决算表", "公开03表", 6),
        ("财政拨款收入支出决算总表", "公开04表", 7)]
    assert {f.table_kind for f in doc.facts} == set(FOUR)  # no 三公 table made up from the narrative
    assert not doc.warnings


def test_university_cells(layouts):
    doc = _doc(layouts, "university.pdf")
    income = _one(doc, "收入决算表", "事业收入", row_code="2050205")
    assert (income.value_text, income.row_label, income.row_level, income.row_parent, income.page) == \
        ("7,300.00", "高等教育", "项", "20502", 5)
    assert _one(doc, "支出决算表", "基本支出", row_label="合计").value_text == "14,800.00"
    assert _one(doc, "支出决算表", "项目支出", row_code="2050999").value_text == "1,500.00"
    total = _one(doc, "收入支出决算总表", "收入/决算数", row_label="总计")
    assert (total.value_text, total.page) == ("22,200.00", 4)
    assert _one(doc, "收入支出决算总表", "支出/决算数", row_label="五、教育支出").value_text == "18,000.00"
    closing = _one(doc, "财政拨款收入支出决算总表", "支出/一般公共预算财政拨款", row_label="年末财政拨款结转和结余")
    assert (closing.value_text, closing.page, closing.number) == ("200.00", 7, 200)


def test_university_report_is_kept_with_its_narrative(layouts, tmp_path):
    from index.store import Store
    from ingest import ingest_paths

    with Store(tmp_path / "index") as store:
        results = ingest_paths([layouts["university.pdf"]], store)
    assert [r.ok for r in results] == [True]
    doc = _doc(layouts, "university.pdf")
    said = [p for p in doc.passages if "“三公”经费等其他报表不在本次公开范围内" in p.text]
    assert [p.page for p in said] == [8]


# --- 2: a two-sided table over two pages, no header repeated ----------------------------------------

TWO_SIDED = ["two_sided_overflow.pdf", "two_sided_split.pdf", "two_sided_continued.pdf"]


@pytest.mark.parametrize("name", TWO_SIDED)
def test_two_sided_table_over_two_pages_is_one_table(layouts, name):
    doc = _doc(layouts, name)
    summary = [t for t in doc.tables if t.kind == "收入支出决算总表"]
    assert len(summary) == 1 and {row[0].page for row in summary[0].grid} == {2, 3}
    assert [c.path for c in summary[0].columns] == ["收入/决算数", "支出/决算数"]
    first = _one(doc, "收入支出决算总表", "收入/决算数", row_label="一、一般公共预算财政拨款收入")
    assert (first.value_text, first.page) == ("1,862.40", 2)
    on_page_3 = {
        ("二十三、其他支出", "支出/决算数"): "35.00",
        ("本年收入合计", "收入/决算数"): "1,969.76",
        ("本年支出合计", "支出/决算数"): "1,954.00",
        ("年初结转和结余", "收入/决算数"): "210.34",
        ("年末结转和结余", "支出/决算数"): "226.10",
        ("总计", "收入/决算数"): "2,180.10",
        ("总计", "支出/决算数"): "2,180.10",
    }
    for (label, column), value in on_page_3.items():
        f = _one(doc, "收入支出决算总表", column, row_label=label)
        assert (f.value_text, f.page, f.table_index) == (value, 3, first.table_index), (label, column)
        x0, top, x1, bottom = f.bbox
        assert 0 < x0 < x1 < 596 and 0 < top < bottom < 842
    assert _one(doc, "收入支出决算总表", "支出/决算数", row_label="二十二、灾害防治及应急管理支出").page == 2
    # the continuation is read to its end and no further: the next table is a table of its own
    nxt = _one(doc, "财政拨款收入支出决算总表", "支出/合计", row_label="总计")
    assert (nxt.value_text, nxt.page) == ("1,939.00", 4) and nxt.table_index != first.table_index
    assert not doc.warnings


def test_continued_mark_is_neither_a_row_nor_a_passage(layouts):
    doc = _doc(layouts, "two_sided_continued.pdf")
    table = next(t for t in doc.tables if t.kind == "收入支出决算总表")
    assert not [r for r in table.rows if "续" in r.label]
    assert not [c for row in table.grid for c in row if c.text and "续" in c.text]
    assert not [p for p in doc.passages if "续表" in p.text]


# --- 3: a subject name wrapped over three lines, its code on the middle line -----------------------


def test_ruled_name_wrapped_over_three_lines_is_one_row_with_its_code(layouts):
    doc = _doc(layouts, "wrapped_subject.pdf")
    table = next(t for t in doc.tables if t.kind == "支出决算表")
    printed = [c for row in table.grid for c in row if c.text and c.text.replace("\n", "") == "机关事业单位基本养老保险缴费支出"]
    assert len(printed) == 1 and printed[0].text.count("\n") == 2  # the fixture wraps it over three lines
    rows = [r for r in table.rows if r.code == "2080505"]
    assert [(r.label, r.level, r.parent) for r in rows] == [("机关事业单位基本养老保险缴费支出", "项", "20805")]
    f = _one(doc, "支出决算表", "本年支出合计", row_code="2080505")
    assert (f.value_text, f.row_label, f.page) == ("96.32", "机关事业单位基本养老保险缴费支出", 2)
    assert _one(doc, "支出决算表", "基本支出", row_code="20103").row_label == "政府办公厅（室）及相关机构事务"
    assert _one(doc, "支出决算表", "项目支出", row_code="2010350").value_text == "58.00"
    assert len(table.rows) == 12


def test_unruled_name_wrapped_over_three_lines_with_figures_set_flush_right(layouts):
    """No rules: the code and the figures are centred beside the name's middle line, the figures
    set flush right (so they start at different x), the headers centred over their columns."""
    doc = _doc(layouts, "wrapped_subject.pdf")
    kind = "一般公共预算财政拨款支出决算表"
    table = next(t for t in doc.tables if t.kind == kind)
    assert [c.path for c in table.columns] == ["本年支出合计", "基本支出", "项目支出"]
    name = next(c for row in table.grid for c in row if c.text and c.text.replace("\n", "") == "机关事业单位基本养老保险缴费支出")
    code = next(c for row in table.grid for c in row if c.text == "2080505")
    assert name.text.count("\n") == 2 and name.bbox[1] < code.bbox[1] < code.bbox[3] < name.bbox[3]
    f = _one(doc, kind, "本年支出合计", row_code="2080505")
    assert (f.value_text, f.row_label, f.row_level, f.row_parent, f.page) == \
        ("96.32", "机关事业单位基本养老保险缴费支出", "项", "20805", 3)
    assert _one(doc, kind, "项目支出", row_code="2010350").value_text == "58.00"
    assert _one(doc, kind, "本年支出合计", row_label="合计").value_text == "1,323.27"
    assert _one(doc, kind, "基本支出", row_code="2210201").value_text == "72.24"
    assert len(table.rows) == 12 and not doc.warnings


# --- 4: the nine tables at the end, after 40 pages of narrative and forms --------------------------

NINE = [("公开01表", "收入支出决算总表"), ("公开02表", "收入决算表"), ("公开03表", "支出决算表"),
        ("公开04表", "财政拨款收入支出决算总表"), ("公开05表", "一般公共预算财政拨款支出决算表"),
        ("公开06表", "基本支出决算表"), ("公开07表", "三公经费支出决算表"),
        ("公开08表", "政府性基金预算财政拨款收入支出决算表"), ("公开09表", "国有资本经营预算财政拨款支出决算表")]


def test_nine_tables_at_the_end_with_their_pages(layouts):
    doc = _doc(layouts, "tables_at_end.pdf")
    assert (doc.meta.department, doc.meta.year, doc.meta.report_kind, doc.pages) == ("示例市交通运输局", 2023, "决算", 49)
    standard = [(t.code, t.kind, t.page) for t in doc.tables if t.kind != "项目支出绩效自评表"]
    assert standard == [(code, kind, 41 + i) for i, (code, kind) in enumerate(NINE)]
    forms = [t.page for t in doc.tables if t.kind == "项目支出绩效自评表"]
    assert forms == list(range(18, 41, 2))
    assert not doc.warnings


def test_nine_tables_at_the_end_cells(layouts):
    doc = _doc(layouts, "tables_at_end.pdf")
    cells = [
        ("收入支出决算总表", "支出/决算数", {"row_label": "十三、交通运输支出"}, "6,000.00", 41),
        ("收入决算表", "财政拨款收入", {"row_code": "2140106"}, "1,450.00", 42),
        ("支出决算表", "基本支出", {"row_label": "合计"}, "2,280.00", 43),
        ("财政拨款收入支出决算总表", "收入/决算数", {"row_label": "年初财政拨款结转和结余"}, "120.00", 44),
        ("一般公共预算财政拨款支出决算表", "本年支出/项目支出", {"row_code": "2140104"}, "2,600.00", 45),
        ("基本支出决算表", "人员经费/决算数", {"row_label": "人员经费合计"}, "1,830.00", 46),
        ("基本支出决算表", "公用经费/决算数", {"row_label": "公用经费合计"}, "450.00", 46),
        ("基本支出决算表", "公用经费/决算数", {"row_code": "30231"}, "48.00", 46),
        ("三公经费支出决算表", "决算数/公务用车购置及运行维护费/公务用车运行费", {}, "48.00", 47),
        ("三公经费支出决算表", "预算数/合计", {}, "80.00", 47),
        ("项目支出绩效自评表", "全年执行数", {"row_label": "年度资金总额", "page": 40}, "486.72", 40),
    ]
    for kind, column, row, value, page in cells:
        f = _one(doc, kind, column, **row)
        assert (f.value_text, f.page) == (value, page), (kind, column, row)


def test_empty_fund_tables_keep_their_header_and_print_no_figure(layouts):
    """政府性基金 and 国有资本经营 tables printed empty, with a two-row header and no 栏次 row: the
    header ends above 合计, so no header label is taken for a printed value."""
    doc = _doc(layouts, "tables_at_end.pdf")
    fund = next(t for t in doc.tables if t.kind == "政府性基金预算财政拨款收入支出决算表")
    assert fund.header_rows == 2
    assert [c.path for c in fund.columns] == ["年初结转和结余", "本年收入", "本年支出/小计", "本年支出/基本支出",
                                              "本年支出/项目支出", "年末结转和结余"]
    assert [r.label for r in fund.rows] == ["合计"]
    state = next(t for t in doc.tables if t.kind == "国有资本经营预算财政拨款支出决算表")
    assert [c.path for c in state.columns] == ["本年支出/小计", "本年支出/基本支出", "本年支出/项目支出"]
    assert not [f for f in doc.facts if f.table_kind in (fund.kind, state.kind)]


def test_empty_fund_table_with_its_sub_labels_on_the_total_row():
    """The real layout the synthetic one stands for: 普陀 规划和自然资源局 prints its empty
    政府性基金 table with no rule between 合计 | 基本支出 | 项目支出 and the 合计 row, so they
    are read on that row; they are the header's labels under 本年支出, not printed values."""
    doc = ingested(CORPUS / "real" / "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf")
    fund = next(t for t in doc.tables if t.kind == "政府性基金预算财政拨款收入支出决算表")
    assert fund.page == 18 and [c.path for c in fund.columns] == [
        "年初结转和结余", "本年收入", "本年支出/合计", "本年支出/基本支出", "本年支出/项目支出", "年末结转和结余"]
    assert [(r.label, r.cells) for r in fund.rows] == [("合计", ())]
    assert not [f for f in doc.facts if f.table_kind == fund.kind]


def test_narrative_before_the_tables_is_kept(layouts):
    doc = _doc(layouts, "tables_at_end.pdf")
    basic = [p for p in doc.passages if "人员经费1,830.00万元" in p.text]
    assert [(p.page, p.section) for p in basic] == [
        (12, "第二部分2023年度部门决算情况说明 / 六、一般公共预算财政拨款基本支出决算情况说明")]
    assert [p.page for p in doc.passages if "机构设置" in p.section] == [4]
    reports = [p.page for p in doc.passages if "绩效自评报告" in p.section and "组织实施" in p.text]
    assert reports == list(range(17, 40, 2))
    assert {p.page for p in doc.passages} >= set(range(3, 18))
    # neither a form's caption (（2023年度）) nor a page number is a passage
    assert not [p.text for p in doc.passages if re.fullmatch(r"[\d()（）]*(?:2023年度)?[()（）]*", p.text)]


# --- 5: a 29-column table comparing two years ----------------------------------------------------

YEAR = ["合计", "基本支出/小计", "基本支出/人员经费", "基本支出/公用经费", "项目支出/小计", "项目支出/部门项目",
        "项目支出/专项项目", "事业单位经营支出"]


def test_two_year_table_column_paths(layouts):
    doc = _doc(layouts, "two_year_columns.pdf")
    assert (doc.meta.department, doc.meta.year, doc.meta.report_kind) == ("示例市文化和旅游局", 2024, "预算")
    [table] = doc.tables
    assert (table.kind, table.code, table.page, table.header_rows) == ("一般公共预算支出预算表", "公开05表", 2, 3)
    assert {len(row) for row in table.grid} == {29}
    assert [c.path for c in table.columns] == (
        [f"上年预算数/{p}" for p in YEAR] + [f"本年预算数/{p}" for p in YEAR]
        + [f"本年比上年增减/{p}" for p in YEAR] + ["本年比上年增减/增减率（%）"])


def test_two_year_table_cells(layouts):
    doc = _doc(layouts, "two_year_columns.pdf")
    kind = "一般公共预算支出预算表"
    cells = [
        ("上年预算数/基本支出/人员经费", {"row_code": "2070101"}, "412.30"),
        ("本年预算数/基本支出/人员经费", {"row_code": "2070101"}, "436.80"),
        ("本年比上年增减/基本支出/人员经费", {"row_code": "2070101"}, "24.50"),
        ("本年比上年增减/基本支出/公用经费", {"row_code": "2070101"}, "-4.25"),
        ("上年预算数/基本支出/小计", {"row_label": "合计"}, "624.30"),
        ("本年预算数/基本支出/小计", {"row_label": "合计"}, "651.10"),
        ("本年预算数/合计", {"row_label": "合计"}, "1,176.40"),
        ("本年预算数/事业单位经营支出", {"row_code": "2070111"}, "15.60"),
        ("上年预算数/项目支出/专项项目", {"row_code": "2070109"}, "260.00"),
        ("本年比上年增减/合计", {"row_code": "2070111"}, "-17.20"),
    ]
    for column, row, value in cells:
        f = _one(doc, kind, column, **row)
        assert (f.value_text, f.page, f.unit) == (value, 2, "万元"), (column, row)
    rate = _one(doc, kind, "本年比上年增减/增减率（%）", row_code="2070109")
    assert (rate.value_text, rate.unit) == ("17.24", "%")
    assert _one(doc, kind, "本年预算数/基本支出/人员经费", row_code="2080505").row_label == "机关事业单位基本养老保险缴费支出"
    assert not doc.warnings


# --- 6: 三公, 会议费 and 培训费 across, under a three-row merged header --------------------------------

TRAINING = {"sangong_training.pdf": training_figures(_TRAINING_ITEMS),
            "sangong_training_whole.pdf": training_figures(_TRAINING_ITEMS_WHOLE)}


@pytest.mark.parametrize("name", sorted(TRAINING))
def test_sangong_training_every_value_column_keeps_its_own_path(layouts, name):
    """Whole numbers under a header that names a figure (培训费 516, 用车 小计 185) are figures,
    not subject codes; a whole 合计 left of the first decimal amount is a figure, not the row's
    name; a row of whole numbers only is the body, not a fourth header row."""
    doc = _doc(layouts, name)
    assert (doc.meta.department, doc.meta.year, doc.meta.report_kind) == ("示例市司法局", 2024, "预算")
    [table] = doc.tables
    assert (table.kind, table.code, table.page, table.header_rows) == ("三公经费支出预算表", "公开09表", 2, 3)
    assert [c.path for c in table.columns] == list(TRAINING_COLUMNS)
    printed = TRAINING[name]
    # one fact per printed figure, under its own path; the blank 公务用车购置费 cell makes none
    assert {f.column: f.value_text for f in doc.facts} == {c: v for c, v in printed.items() if v}
    assert len(doc.facts) == 8 and printed["“三公”经费/公务用车购置及运行维护费/公务用车购置费"] == ""
    for f in doc.facts:
        assert (f.number, f.unit, f.page, f.row_label, f.row_code) == (Decimal(f.value_text), "万元", 2, "", None), f
    # each figure is printed under the header cell its path names
    header = table.grid[:table.header_rows]
    for f in doc.facts:
        index = next(c.index for c in table.columns if c.path == f.column)
        leaf = next(row[index] for row in reversed(header) if row[index].text is not None)
        assert leaf.bbox[0] <= (f.bbox[0] + f.bbox[2]) / 2 <= leaf.bbox[2], (f.column, leaf.text)
    # the same 185 under the car 小计 and the 运行维护费, each with its own label
    same = sorted((f.column, f.bbox[0]) for f in doc.facts if f.value_text == "185")
    assert [c for c, _ in same] == ["“三公”经费/公务用车购置及运行维护费/公务用车运行维护费",
                                    "“三公”经费/公务用车购置及运行维护费/小计"]
    assert same[0][1] != same[1][1]
    assert not doc.warnings


def test_sangong_training_cells(layouts):
    doc = _doc(layouts, "sangong_training.pdf")
    kind = "三公经费支出预算表"
    for column, value in [("合计", "900"), ("“三公”经费/小计", "287.5"), ("“三公”经费/因公出国（境）费", "60"),
                          ("“三公”经费/公务用车购置及运行维护费/小计", "185"),
                          ("“三公”经费/公务用车购置及运行维护费/公务用车运行维护费", "185"),
                          ("“三公”经费/公务接待费", "42.5"), ("会议费", "96.5"), ("培训费", "516")]:
        assert _one(doc, kind, column).value_text == value, column
    assert not [f for f in doc.facts if f.column.endswith("公务用车购置费")]


# --- all: the figures add up -----------------------------------------------------------------------


def test_checks_find_nothing_in_the_layouts(layouts, tmp_path):
    from checks import check_index
    from index.store import Store

    folder = tmp_path / "index"
    with Store(folder) as store:
        for name in LAYOUTS:
            store.put(_doc(layouts, name))
    found = check_index(folder)
    assert set(found) == set(LAYOUTS)
    assert {name: [f.message for f in findings] for name, findings in found.items() if findings} == {}
