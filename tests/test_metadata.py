"""Department, year and kind read from the document: the 22 Jiangsu budgets as each prints its
department, the corpus reports unchanged, and made-up covers, fields and table titles with the
suffixes real reports carry (部门预算公开1, 预算公开2月24日, 公开01表, 印制, 2018度, 二〇一九年)."""
from __future__ import annotations

import functools

import pytest
from conftest import CORPUS, REAL_REPORTS, TEXTS, TWINS, ingested

from ingest.metadata import read_metadata
from ingest.model import Cell, RawDocument, RawTable, TextLine
from domain.names import compatible, names_in, years_in

JIANGSU = CORPUS / "budget" / "jiangsu"
METADATA_WARNINGS = ("部门名称前后不一致", "年度前后不一致", "报告类别前后不一致")

# department as the document prints it on its cover or tables (the 2017 table file of the 省委办公厅
# prints the full party name, the 2018/2019 ones 中共…, the narrative files the short 江苏省委办公厅)
EXPECTED_JIANGSU = {
    "江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf": ("江苏省人大常委会办公厅", 2017),
    "江苏省人大办公厅/省人大办公厅2018预算公开.pdf": ("江苏省人大常委会办公厅", 2018),
    "江苏省人大办公厅/江苏省人大常委会2019年度部门预算公开.pdf": ("江苏省人大常委会办公厅", 2019),
    "江苏省人大办公厅/江苏省人大常委会办公厅2019年部门预算公开表.pdf": ("江苏省人大常委会办公厅", 2019),
    "江苏省人民检察院/2017年省检察院部门预算.pdf": ("江苏省人民检察院", 2017),
    "江苏省人民检察院/2018年省检察院部门预算公开.pdf": ("江苏省人民检察院", 2018),
    "江苏省人民检察院/2019年度部门预算公开.pdf": ("江苏省人民检察院", 2019),
    "江苏省委办公厅/江苏省委办公厅2017年部门预算.pdf": ("江苏省委办公厅", 2017),
    "江苏省委办公厅/江苏省委办公厅2017年预算公开表格.pdf": ("中国共产党江苏省委员会办公厅", 2017),
    "江苏省委办公厅/江苏省委办公厅2018年度部门预算公开文件.pdf": ("江苏省委办公厅", 2018),
    "江苏省委办公厅/江苏省委办公厅2018年度部门预算公开表.pdf": ("中共江苏省委办公厅", 2018),
    "江苏省委办公厅/江苏省委办公厅2019年度部门预算公开文件.pdf": ("江苏省委办公厅", 2019),
    "江苏省委办公厅/江苏省委办公厅2019年度部门预算公开表格.pdf": ("中共江苏省委办公厅", 2019),
    "江苏省政协办公厅/2017年度部门预算公开表.pdf": ("江苏省政协办公厅", 2017),
    "江苏省政协办公厅/江苏省政协办公厅2017年度部门预算.pdf": ("江苏省政协办公厅", 2017),
    "江苏省政协办公厅/江苏省政协办公厅2018年度部门预算.pdf": ("江苏省政协办公厅", 2018),
    "江苏省政协办公厅/江苏省政协办公厅2018度部门预算公开表.pdf": ("江苏省政协办公厅", 2018),
    "江苏省政协办公厅/江苏省政协办公厅2019年度部门预算.pdf": ("江苏省政协办公厅", 2019),  # cover is an image
    "江苏省政协办公厅/江苏省政协办公厅2019年预算公开表.pdf": ("江苏省政协办公厅", 2019),
    "江苏省高级人民法院/省法院2017年度部门预算公开.pdf": ("江苏省高级人民法院", 2017),
    "江苏省高级人民法院/省法院2018年度部门预算公开.pdf": ("江苏省高级人民法院", 2018),
    "江苏省高级人民法院/江苏省高级人民法院2019年度部门预算公开.pdf": ("江苏省高级人民法院", 2019),
}

EXPECTED_CORPUS = {
    "000_d038eb9fb139e057": ("泉州市数字泉州建设办公室", 2023, "决算"),
    "001_c1fbac8e898f5dfc": ("晋城市大数据应用局", 2023, "决算"),
    "002_5604d886435013c4": ("福州市“智慧福州”管理服务中心", 2022, "决算"),
    "003_6af2a6315bf8f1d0": ("晋江市经信部门", 2018, "决算"),
    "004_5522c362a8f8a79d": ("九江市浔阳区数字经济发展中心", 2023, "决算"),
    "上海市普陀区财政局2024年度部门决算": ("上海市普陀区财政局", 2024, "决算"),
    "上海市普陀区规划和自然资源局 2024 年度部门决算": ("上海市普陀区规划和自然资源局", 2024, "决算"),
    "中共上海市普陀区委社会工作部 2024 年度部门决算": ("中共上海市普陀区委社会工作部", 2024, "决算"),
}


@functools.cache
def _jiangsu(relative: str):
    from ingest.pipeline import read_document

    return read_metadata(read_document(JIANGSU / relative))


def test_every_jiangsu_file_is_listed():
    assert sorted(str(p.relative_to(JIANGSU)) for p in JIANGSU.glob("*/*.pdf")) == sorted(EXPECTED_JIANGSU)


@pytest.mark.parametrize("relative", sorted(EXPECTED_JIANGSU))
def test_jiangsu_budget_department_year_and_kind(relative):
    meta, warnings = _jiangsu(relative)
    assert (meta.department, meta.year, meta.report_kind) == (*EXPECTED_JIANGSU[relative], "预算")
    assert not warnings, [w.message for w in warnings]  # each of them agrees with itself


@pytest.mark.parametrize("path", TEXTS + TWINS + REAL_REPORTS, ids=lambda p: p.name)
def test_corpus_reports_keep_their_metadata(path):
    doc = ingested(path)
    assert (doc.meta.department, doc.meta.year, doc.meta.report_kind) == EXPECTED_CORPUS[path.stem]
    assert not [w.message for w in doc.warnings if w.message.startswith(METADATA_WARNINGS)]


# --- made-up documents -------------------------------------------------------------------------

PROVINCE = "青海省"
DEPARTMENTS = ("青海省文化和旅游厅", "中共青海省委政法委员会", "青海省地方志编纂委员会办公室", "青海省西宁市城东区人民法院")


def _doc(*blocks, name="2026年某某单位部门预算.pdf") -> RawDocument:
    """A PDF-like document; its file name says nothing true (the reading never looks at it)."""
    return RawDocument(path="/tmp/" + name, name=name, source="pdf", pages=30, blocks=tuple(blocks))


def _lines(*texts, page=1):
    return [TextLine(t, page) for t in texts]


def _table(*rows, page=3, context=()):
    return RawTable(tuple(tuple(Cell(text, page) for text in row) for row in rows), tuple(_lines(*context, page=page)))


def _body(page=2):
    return _lines("目录", "第一部分部门概况", "一、主要职能", page=page)


def _budget_table(department, title="收支预算总表", page=3, year_title=None):
    rows = [(f"{title}\n部门：{department} 单位：万元", "", ""), ("项目", "预算数", ""), ("一般公共预算拨款", "1,200.00", "")]
    if year_title:
        rows.append((f"{year_title}\n部门：{department} 单位：万元", "", ""))
    return _table(*rows, page=page)


def _meta(doc):
    meta, warnings = read_metadata(doc)
    return meta.department, meta.year, meta.report_kind, [w.message for w in warnings]


COVERS = {
    "部门预算公开1": lambda d: _lines(d, "2019年度部门预算公开", "1"),
    "name and year on one line": lambda d: _lines(f"{d}2019年度部门预算公开"),
    "year first": lambda d: _lines(f"2019年度{d}部门预算公开"),
    "wrapped name, 预算公开 and a date": lambda d: _lines(f"2019年度{d[:5]}", f"{d[5:]}预算公开", "2019年2月24日"),
    "2019度": lambda d: _lines(f"{d}2019度部门预算公开表"),
    "2019年部门预算": lambda d: _lines(d, "2019年部门预算"),
    "2019 before 预算": lambda d: _lines(f"{d}2019预算公开"),
    "二〇一九年度": lambda d: _lines(d, "二〇一九年度部门预算"),
    "综合预算": lambda d: _lines(f"{d}2019年部门综合预算"),
    "printer's form": lambda d: _lines(f"{PROVINCE}2019年度", "省级部门预算公开报表", f"部门：{d}", f"{PROVINCE}财政厅印制"),
    "printer run on": lambda d: _lines(f"{PROVINCE}2019年度省级部门预算公开报表", f"部门：{d}{PROVINCE}财政厅印制"),
    "page number and stamp": lambda d: _lines("- 1 -", d, "2019年度部门预算", "保密审查情况：已审查"),
}


@pytest.mark.parametrize("department", DEPARTMENTS)
@pytest.mark.parametrize("cover", sorted(COVERS))
def test_cover_variations(cover, department):
    doc = _doc(*COVERS[cover](department), *_body(), _budget_table(department))
    assert _meta(doc) == (department, 2019, "预算", [])


@pytest.mark.parametrize("department", DEPARTMENTS)
@pytest.mark.parametrize("code", ["公开01表", "表一", "公开表一"])
def test_tables_only_file_reads_the_tables(code, department):
    """No cover: the name from the tables' 部门： lines (wrapped in one cell, or 部门： and the name
    in two cells), the year from a table title, the kind from the table titles."""
    doc = _doc(*_lines(code), _budget_table(department),
               _table((f"{code}\n收入预算总表", "", ""), ("部门：", department, "单位：万元"), ("合计", "1,200.00", "")),
               _budget_table(department, "支出预算总表", page=5, year_title="2019年政府采购预算表"))
    assert _meta(doc) == (department, 2019, "预算", [])


@pytest.mark.parametrize("department", DEPARTMENTS)
def test_name_only_in_the_narrative_and_headings(department):
    """An image cover: the department from the 附件 heading and the sentences that begin with it."""
    doc = _doc(*_lines("- 1 -"), *_body(),
               *_lines(f"{department}2019年度财政拨款基本支出预算1,000万元,", f"{department}2019年度一般公共预算拨款安排的会议费",
                       "省财政厅2019年度审核意见", f"附件：{department}2019年度部门预算公开表", page=9))
    assert _meta(doc) == (department, 2019, "预算", [])


@pytest.mark.parametrize("cover, expected", [
    (["西南大学", "2022年度部门决算", "2023年8月"], ("西南大学", 2022)),
    (["佛山市轨道交通局", "2022年度部门决算", "1"], ("佛山市轨道交通局", 2022)),
    (["2022年度", "晋中市经信部门决算"], ("晋中市经信部门", 2022)),  # 部门 is the department's own word
    (["某某市某某局2023年度部门决算编制单位：某某市某某局单位负责人：张三报送日期：2024年8月20日"], ("某某市某某局", 2023)),
])
def test_final_accounts_covers(cover, expected):
    assert _meta(_doc(*_lines(*cover), *_body())) == (*expected, "决算", [])


def test_budget_unit_field_names_the_department():
    doc = _doc(*_lines("上海市市级单位预算", "预算单位：上海市财政局", "2019年度"), *_body())
    assert _meta(doc)[:3] == ("上海市财政局", 2019, "预算")


def test_year_and_kind_never_from_the_file_name():
    doc = _doc(*_lines("青海省文化和旅游厅", "2019年度部门决算"), *_body(), name="2026年某某单位部门预算.pdf")
    assert _meta(doc)[:3] == ("青海省文化和旅游厅", 2019, "决算")


def test_table_titles_give_the_kind():
    doc = _doc(_table(("收支预算总表", ""), ("部门：青海省文化和旅游厅", "单位：万元"), ("收入", "1.00")),
               _table(("一般公共预算支出表", ""), ("合计", "1.00"), page=4))
    assert _meta(doc)[2] == "预算"


def test_cover_against_tables_is_decided_by_support_and_warned():
    """The cover and the 目录 say one department, every table's 部门： line another: the cover's
    (two kinds of place against one), with a warning that names both."""
    cover, tables = "青海省文化和旅游厅", "青海省林业和草原局"
    doc = _doc(*_lines(cover, "2019年度部门预算"), *_body(), *_lines(f"第二部分{cover}2019年度部门预算表", page=2),
               *[_budget_table(tables, page=3 + i) for i in range(6)])
    department, year, kind, warnings = _meta(doc)
    assert (department, year, kind) == (cover, 2019, "预算")
    assert len(warnings) == 1 and cover in warnings[0] and tables in warnings[0] and "不一致" in warnings[0]


def test_tables_outweigh_a_lone_cover_and_say_so():
    cover, tables = "青海省文化和旅游厅", "青海省林业和草原局"
    doc = _doc(*_lines(cover, "2019年度部门预算"), *_body(), *[_budget_table(tables, page=3 + i) for i in range(6)])
    department, *_, warnings = _meta(doc)
    assert department == tables and len(warnings) == 1 and cover in warnings[0]


def test_a_project_form_names_its_unit_not_the_department():
    doc = _doc(*_lines("2018年度", "晋中市经信部门决算"), *_body(),
               _table(("部门名称：", "晋中市数字晋中建设办公室", "项目名称：", "专项业务费"), ("年度预算数", "105", "", ""), page=20))
    assert _meta(doc) == ("晋中市经信部门", 2018, "决算", [])


def test_cover_year_against_table_titles_is_warned():
    doc = _doc(*_lines("青海省文化和旅游厅", "2019年度部门预算"), *_body(),
               _budget_table("青海省文化和旅游厅", "2018年收支预算总表"), _budget_table("青海省文化和旅游厅", "2018年收入预算总表", page=4))
    department, year, kind, warnings = _meta(doc)
    assert year == 2019 and len(warnings) == 1 and "2018" in warnings[0] and "年度" in warnings[0]


def test_the_document_warning_reaches_the_ingested_document(tmp_path):
    """A text report whose cover names another department than its tables: ingest keeps the
    report and lists the disagreement among the document's warnings."""
    from synthetic_report import DEPARTMENT, report_text

    from ingest import ingest_file

    text = report_text().replace(f"年度\n{DEPARTMENT}\n部门决算", "年度\n示例市政务服务中心\n部门决算", 1)
    path = tmp_path / "cover_disagrees.txt"
    path.write_text(text, encoding="utf-8")
    doc = ingest_file(path)
    assert doc.meta.department == DEPARTMENT
    assert any("部门名称前后不一致" in w.message and "示例市政务服务中心" in w.message for w in doc.warnings)
    consistent = tmp_path / "consistent.txt"
    consistent.write_text(report_text(), encoding="utf-8")
    assert not any("不一致" in w.message for w in ingest_file(consistent).warnings)


# --- the name rules on their own ---------------------------------------------------------------


@pytest.mark.parametrize("text, names", [
    ("江苏省人大常委会办公厅2018年度部门预算公开1", ["江苏省人大常委会办公厅"]),
    ("2018年度江苏省高级人民法院预算公开2018年2月24日", ["江苏省高级人民法院"]),
    ("江苏省2018年度省级部门预算公开报表", []),
    ("中共江苏省委办公厅江苏省财政厅印制", ["中共江苏省委办公厅"]),
    ("江苏省财政厅印制", []),
    ("公开01表", []), ("表一", []), ("-1-", []), ("2023年度单位决算公开", []), ("上海市市级单位预算", []),
    ("西安市医疗保障局2023年部门综合预算", ["西安市医疗保障局"]),
    ("九江市浔阳区数字经济发展2023年度中心", ["九江市浔阳区数字经济发展中心"]),  # a year printed inside a name
    ("中共某某市委组织部某某市公务员局", ["中共某某市委组织部某某市公务员局"]),  # two names of one department
])
def test_names_in(text, names):
    assert names_in(text) == names


@pytest.mark.parametrize("text, years", [
    ("2019年度部门预算", [2019]), ("2018度部门预算公开表", [2018]), ("省人大办公厅2018预算公开", [2018]),
    ("二〇一九年度部门预算", [2019]), ("2018年2月24日", []), ("二〇二〇年八月", []), ("2010101行政运行", []),
])
def test_years_in(text, years):
    assert years_in(text) == years


@pytest.mark.parametrize("a, b, same", [
    ("省人大办公厅", "江苏省人大常委会办公厅", True), ("江苏省委办公厅", "中国共产党江苏省委员会办公厅", True),
    ("中国共产党江苏省委员会办", "中国共产党江苏省委员会办公厅", True),  # cut by a line break
    ("江苏省财政厅", "中共江苏省委办公厅", False), ("江苏省人民检察院", "江苏省高级人民法院", False),
])
def test_compatible(a, b, same):
    assert compatible(a, b) is same and compatible(b, a) is same
