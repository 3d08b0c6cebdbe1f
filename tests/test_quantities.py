"""One model of what a report's cells mean (domain.quantities), read by the answers and the
checks alike: the cell an answer states for a quantity named in words is the cell the checks
hold as that quantity, on every report, and a cell of another quantity is never stated for it."""
import pytest

from domain.quantities import ALL, FISCAL, GENERAL, asked_subject, quantity_of, subject_quantities

REPORTS = {"泉州数字办": "000", "晋城大数据局": "001", "智慧福州中心": "002", "晋江经信": "003", "浔阳数经中心": "004",
           "普陀财政局": "上海市普陀区财政局", "普陀规划资源局": "规划和自然资源局", "社工部": "社会工作部"}


@pytest.mark.parametrize("words, key", [
    ("财政拨款支出", ("合计", FISCAL, "支出")), ("一般公共预算财政拨款支出", ("合计", GENERAL, "支出")),
    ("本年支出合计", ("合计", ALL, "支出")), ("收入", ("合计", ALL, "收入")), ("基本支出", ("合计", ALL, "基本支出")),
])
def test_words_name_the_quantity_they_mean(words, key):
    strict, _ = subject_quantities(words)
    assert key in strict


@pytest.mark.parametrize("question, subject", [
    ("泉州数字办2023年财政拨款支出是多少？", "财政拨款支出"), ("请问晋城大数据局的本年支出合计", "本年支出合计"),
    ("普陀财政局2024年度收入一共多少万元", "收入"),
])
def test_the_asked_subject_is_the_question_without_who_when_and_how_much(question, subject):
    from domain.normalize import compact

    span = next(s for s in REPORTS if s in compact(question))
    assert asked_subject(question, span) == subject


@pytest.mark.parametrize("short", list(REPORTS))
@pytest.mark.parametrize("words, key", [("财政拨款支出", ("合计", FISCAL, "支出")), ("支出", ("合计", ALL, "支出")),
                                        ("收入", ("合计", ALL, "收入"))])
def test_the_answer_is_the_cell_the_checks_hold_as_that_quantity(reports_ask, reports_folder, short, words, key):
    from checks.meaning import figures
    from checks.report import Report
    from index.store import Store

    result = reports_ask(f"{short}{words}是多少")
    fig = result["figures"][0]
    assert result["status"] == "answered" and not fig["computed"] and fig["table"] != "情况说明"
    with Store(reports_folder, readonly=True) as store:
        report = Report.load(store, fig["source"]["document"])
        held = {f["value_text"] for f in figures(report).get(key, [])}
    assert REPORTS[short] in fig["source"]["document"] or fig["department"].endswith(REPORTS[short])
    assert fig["value"] in held


def test_a_cell_of_another_quantity_is_never_stated(reports_ask):
    # 三公's 合计 is 财政拨款 money too, but not the 财政拨款 支出 total
    for short in ("泉州数字办", "晋城大数据局", "普陀财政局"):
        fig = reports_ask(f"{short}财政拨款支出多少")["figures"][0]
        assert fig["table_title"] != "三公经费支出决算表" and "三公" not in fig["table_title"]


def test_quantity_of_reads_the_column_path():
    fact = {"table_kind": "财政拨款收入支出决算总表", "table_title": "财政拨款收入支出决算总表", "column": "支出/合计",
            "row_label": "本年支出合计", "row_group": 1, "row_code": None, "row_level": None}
    assert quantity_of(fact, {}) == ("合计", FISCAL, "支出")
    assert quantity_of(dict(fact, column="支出/一般公共预算财政拨款"), {}) == ("合计", GENERAL, "支出")
