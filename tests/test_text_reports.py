"""The five text reports: metadata from the document, tables recognised, page breaks inside
tables, subject codes, side-by-side groups, misprints kept as printed with a warning."""
from decimal import Decimal

import pytest

EXPECTED_META = {
    "000_d038eb9fb139e057": ("泉州市数字泉州建设办公室", 2023),
    "001_c1fbac8e898f5dfc": ("晋城市大数据应用局", 2023),
    "002_5604d886435013c4": ("福州市“智慧福州”管理服务中心", 2022),
    "003_6af2a6315bf8f1d0": ("晋江市经信部门", 2018),
    "004_5522c362a8f8a79d": ("九江市浔阳区数字经济发展中心", 2023),
}
STANDARD = {"收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
            "一般公共预算财政拨款支出决算表", "基本支出决算表", "三公经费支出决算表"}


@pytest.mark.parametrize("stem", sorted(EXPECTED_META))
def test_department_year_and_kind_come_from_the_document(text_docs, stem):
    doc = text_docs[stem]
    assert (doc.meta.department, doc.meta.year) == EXPECTED_META[stem]
    assert doc.meta.report_kind == "决算"


@pytest.mark.parametrize("stem", sorted(EXPECTED_META))
def test_every_standard_table_is_recognised(text_docs, stem):
    kinds = {t.kind for t in text_docs[stem].tables}
    assert STANDARD <= kinds, STANDARD - kinds


def _facts(doc, kind, label=None, code=None, column=None):
    return [f for f in doc.facts if f.table_kind == kind and (label is None or f.row_label == label)
            and (code is None or f.row_code == code) and (column is None or column in f.column)]


def test_facts_carry_complete_provenance(text_docs):
    doc = text_docs["000_d038eb9fb139e057"]
    [fact] = _facts(doc, "收入支出决算总表", label="一、一般公共预算财政拨款收入")
    assert fact.value_text == "4074.90" and fact.number == Decimal("4074.90") and fact.unit == "万元"
    assert fact.document == "000_d038eb9fb139e057.txt" and fact.line == 95
    assert fact.table_code == "公开01表" and fact.table_title == "收入支出决算总表"
    assert fact.column == "收入/决算数"
    assert (fact.department, fact.year) == ("泉州市数字泉州建设办公室", 2023)


def test_two_sided_table_becomes_separate_logical_rows(text_docs):
    doc = text_docs["000_d038eb9fb139e057"]
    [income] = _facts(doc, "收入支出决算总表", label="本年收入合计")
    [spending] = _facts(doc, "收入支出决算总表", label="本年支出合计")
    assert (income.column, income.value_text) == ("收入/决算数", "6324.90")
    assert (spending.column, spending.value_text) == ("支出/决算数", "6325.85")
    assert income.line == spending.line  # printed side by side on one line


def test_subject_codes_have_level_and_parent(text_docs):
    doc = text_docs["000_d038eb9fb139e057"]
    [f] = _facts(doc, "支出决算表", code="2150501", column="基本支出")
    assert (f.row_label, f.row_level, f.row_parent, f.value_text) == ("行政运行", "项", "21505", "300.37")
    [k] = _facts(doc, "支出决算表", code="21505", column="项目支出")
    assert (k.row_level, k.row_parent) == ("款", "215")


def test_blank_line_inside_a_table_is_a_page_break_not_a_new_table(text_docs):
    doc = text_docs["000_d038eb9fb139e057"]
    # 2210201 住房公积金 is printed after the page break inside 公开02表
    [f] = _facts(doc, "收入决算表", code="2210201", column="本年收入合计")
    assert f.value_text == "54.90" and f.table_code == "公开02表"


def test_three_groups_of_the_basic_expenditure_table(text_docs):
    doc = text_docs["000_d038eb9fb139e057"]
    assert _facts(doc, "基本支出决算表", label="基本工资")[0].value_text == "142.29"
    assert _facts(doc, "基本支出决算表", label="差旅费")[0].value_text == "4.64"
    assert _facts(doc, "基本支出决算表", label="专用设备购置")[0].value_text == "0.00"


def test_a_total_printed_off_its_column_is_its_rows_with_a_warning(text_docs):
    # 000 "公用经费合计││││76.14" prints 76.14 under the next group's 科目名称; 001 prints its 35.11
    # two groups further right: each is the 公用经费合计, as printed, with a warning
    for stem, value in (("000_d038eb9fb139e057", "76.14"), ("001_c1fbac8e898f5dfc", "35.11")):
        doc = text_docs[stem]
        [total] = [f for f in doc.facts if f.table_kind == "基本支出决算表" and f.row_label == "公用经费合计"]
        assert total.value_text == value and total.column.startswith("公用经费/") and total.line
        assert not [f for f in doc.facts if f.value_text == value and f.column.endswith("科目名称")]
        assert any("公用经费合计" in w.message and "右侧" in w.message for w in doc.warnings)


def test_ocr_broken_numbers_and_split_codes(text_docs):
    doc = text_docs["004_5522c362a8f8a79d"]
    [total] = _facts(doc, "收入支出决算总表", label="本年收入合计")
    assert total.value_text == "292.90" and total.number == Decimal("292.90")
    codes = {f.row_code for f in _facts(doc, "支出决算表")}
    assert {"201", "20105", "2010504", "208", "2080501", "210", "21004", "2100409"} <= codes


def test_blank_cells_make_no_fact_but_stay_in_the_grid(text_docs):
    doc = text_docs["004_5522c362a8f8a79d"]
    # 二、政府性基金预算财政拨款收入 prints no amount in 004
    assert not _facts(doc, "收入支出决算总表", label="二、政府性基金预算财政拨款收入")
    table = next(t for t in doc.tables if t.kind == "收入支出决算总表")
    row = next(r for r in table.grid if r[0].text == "二、政府性基金预算财政拨款收入")
    assert row[2].text == ""


def test_roll_up_where_the_report_is_consistent(text_docs):
    doc = text_docs["000_d038eb9fb139e057"]
    by_code = {f.row_code: f.number for f in _facts(doc, "支出决算表", column="本年支出合计") if f.row_code}
    assert by_code["201"] == by_code["20104"] == by_code["2010499"]
    assert by_code["21011"] == by_code["2101101"] + by_code["2101102"] + by_code["2101103"]
    [total] = _facts(doc, "支出决算表", label="合计", column="本年支出合计")
    [basic] = _facts(doc, "支出决算表", label="合计", column="基本支出")
    [project] = _facts(doc, "支出决算表", label="合计", column="项目支出")
    assert total.number == basic.number + project.number
    three = {f.row_label: f.number for f in _facts(doc, "三公经费支出决算表")}
    assert three["合计"] == three["1.因公出国（境）费"] + three["2.公务用车购置及运行维护费"] + three["3.公务接待费"]


def test_totals_that_do_not_add_up_are_kept_as_printed(text_docs):
    doc = text_docs["000_d038eb9fb139e057"]
    [f] = _facts(doc, "支出决算表", code="22102", column="本年支出合计")
    assert f.value_text == "77.37"  # printed; its children add up to 77.38 (tests/test_checks.py)
    kids = _facts(doc, "支出决算表", column="本年支出合计")
    assert sum(k.number for k in kids if k.row_parent == "22102") == Decimal("77.38")


def test_narrative_becomes_passages_with_sections(text_docs):
    doc = text_docs["000_d038eb9fb139e057"]
    hits = [p for p in doc.passages if "6335.07" in p.text]
    assert hits and hits[0].line and "收入支出决算总体情况说明" in hits[0].section
    assert not any("\t" in p.text for p in doc.passages)


def test_a_project_evaluation_report_inside_the_report_names_its_project(text_docs):
    doc = text_docs["000_d038eb9fb139e057"]
    score = next(p for p in doc.passages if "等级为良" in p.text)
    assert score.section.startswith("2023年度市级预算项目绩效评价报告（数字泉州发展专项资金） /")
    projects = {p.section.split(" / ")[0] for p in doc.passages if "绩效评价报告（" in p.section}
    assert len(projects) == 9  # the nine projects the report evaluates, each under its own name


def test_statistics_table_rows_know_their_section_and_unit(text_docs):
    doc = text_docs["001_c1fbac8e898f5dfc"]
    stats = [f for f in doc.facts if f.table_kind == "相关信息统计表"]
    by = {(f.row_section, f.row_label): f for f in stats}
    assert by[("一、政府采购情况", "合计")].value_text == "207.70"
    assert by[("一、政府采购情况", "服务")].unit == "万元"
    assert by[("二、机关运行经费", "（一）行政单位")].value_text == "35.11"
    cars = by[("三、国有资产占用情况", "（一）车辆数合计（辆）")]
    assert (cars.value_text, cars.unit) == ("1", "辆")
    assert by[("三、国有资产占用情况", "8.其他用车")].unit == "辆"
    assert all(f.column == "统计数" for f in stats)  # 行次 numbers are not facts


def test_counts_in_the_three_public_table_carry_their_printed_unit(text_docs):
    doc = text_docs["003_6af2a6315bf8f1d0"]
    batches = [f for f in doc.facts if f.table_kind == "三公经费支出决算表" and f.row_label.startswith("5.国内公务接待批次")]
    assert [(f.value_text, f.unit) for f in batches] == [("14", "个")]


def test_scores_rates_and_counts_are_not_given_the_tables_money_unit(text_docs):
    doc = text_docs["002_5604d886435013c4"]
    form = [f for f in doc.facts if f.table_kind == "项目支出绩效自评表" and f.number is not None]
    units = {f.column: f.unit for f in form}
    assert units["全年执行数"] == "万元" and units["执行率（%）"] == "%"
    assert units["自评得分"] == "分" and units["指标分值"] == "分"
    staff = [f for f in text_docs["000_d038eb9fb139e057"].facts if f.column == "在职人数"]
    assert staff and all(f.unit == "人" for f in staff)
    # "25名" is the number 25 with the unit it prints
    fuzhou = next(f for f in text_docs["002_5604d886435013c4"].facts if f.column == "在职人数")
    assert (fuzhou.value_text, fuzhou.number, fuzhou.unit) == ("25", 25, "名")


def test_header_labels_one_place_off_follow_the_numbered_columns(text_docs):
    """002's 政府性基金 table prints its labels one column left of the 栏次 numbers and values."""
    doc = text_docs["002_5604d886435013c4"]
    total = {f.column: f.value_text for f in doc.facts
             if f.table_kind == "政府性基金预算财政拨款收入支出决算表" and f.row_label == "合计"}
    assert total["年初结转和结余"] == "0.00" and total["本年收入"] == "515.05"
    assert total["本年支出/基本支出"] == "0.00" and total["本年支出/项目支出"] == "515.05"
    assert any("栏次" in w.message for w in doc.warnings)


def test_a_total_printed_across_side_by_side_groups_keeps_its_value(text_docs):
    """002's 基本支出 table prints 公用经费合计 in the second group and its 30.20 in the third."""
    doc = text_docs["002_5604d886435013c4"]
    total = [f for f in doc.facts if f.row_label == "公用经费合计"]
    assert [(f.value_text, f.column, f.line) for f in total] == [("30.20", "公用经费/金额", 358)]
    assert any("公用经费合计" in w.message and "右侧" in w.message for w in doc.warnings)


def test_a_numbered_sentence_with_an_amount_is_no_heading():
    """（一）工资福利支出86.52万元，比上年增加2.31万元， ends mid-sentence and prints an amount: it is the
    start of a passage, and the line after it (a conversion's bullet before it) continues it; a
    numbered heading without an amount stays a heading."""
    from ingest.model import RawDocument, TextLine
    from ingest.passages import passages

    lines = ["四、一般公共预算财政拨款基本支出决算情况说明", "（一）工资福利支出86.52万元，比上年增加2.31万元，",
             "- 增长2.75%，主要原因：基数上调。", "（二）商品和服务支出情况", "商品和服务支出8.29万元，比上年减少67.64万元。",
             "一、收入总计100.00万元，", "• 比上年增加1.00万元。"]
    doc = RawDocument("x.txt", "x.txt", "text", 1, tuple(TextLine(t, line=i + 1) for i, t in enumerate(lines)))
    found = [(p.section.split(" / ")[-1], p.text) for p in passages(doc)]
    assert found == [
        ("四、一般公共预算财政拨款基本支出决算情况说明", "（一）工资福利支出86.52万元，比上年增加2.31万元，增长2.75%，主要原因：基数上调。"),
        ("（二）商品和服务支出情况", "商品和服务支出8.29万元，比上年减少67.64万元。"),
        ("（二）商品和服务支出情况", "一、收入总计100.00万元，比上年增加1.00万元。"),
    ], found
