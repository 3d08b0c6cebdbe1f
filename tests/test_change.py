"""Change against the previous year (answer/previous.py, kind `change`): the change the narrative
prints, with its sentence — 同比 read as 比上年, one change printed for several totals (各增加N)
or a list of them (各减少A、B), a subject named by its code, the compared year named (比2023年)
— and a rate computed from the printed amount and change only when the rate is not printed.
Several reports, phrasings and year placements."""
from decimal import Decimal

import pytest


@pytest.fixture(scope="module")
def ask(reports_ask):
    return reports_ask


@pytest.mark.parametrize("question, value, unit, direction", [
    # one change printed for 收入总计 and 支出总计 together (…各增加1092.19万元，增长20.83%)
    ("泉州数字办2023年收入支出总计比上年增长了百分之几？", "20.83", "%", "增长"),
    ("2023年泉州数字办收入支出总计较上年增加了多少万元？", "1092.19", "万元", "增加"),
    # a list of changes in the order of the totals (各减少744.11万元、1611.23万元，下降18.04%、下降35.76%)
    ("智慧福州中心2022年支出总计比上年减少了多少？", "1611.23", "万元", "减少"),
    ("智慧福州中心2022年收入总计比上年下降了百分之几？", "18.04", "%", "下降"),
    # a subject named by its code
    ("智慧福州中心2010350事业运行2022年较上年增长了多少？", "41.88", "%", "增长"),
    ("泉州数字办2023年2150501行政运行较上年减少了多少万元？", "11.19", "万元", "减少"),
    # 同比, and 与2017年相比 in a report of 2018
    ("2018年晋江经信三公经费同比下降了多少？", "58.03", "%", "下降"),
    ("晋江经信2018年公务接待费同比增长了多少？", "32.25", "%", "增长"),
    # the compared year named: the report is the next year's
    ("普陀规划资源局“三公”经费比2023年减少了多少万元？", "0.15", "万元", "减少"),
    ("普陀财政局收入支出总计比2023年减少了多少万元？", "56.95", "万元", "减少"),
])
def test_the_printed_change_is_stated_with_its_sentence(ask, question, value, unit, direction):
    result = ask(question)
    assert result["status"] == "answered" and result["kind"] == "change", result["answer"]
    main = result["figures"][0]
    assert (main["value"], main["unit"], main["computed"], main["direction"]) == (value, unit, False, direction)
    assert result["answer"].startswith(value)  # the answer leads with the figure
    quoted = result["answer"].split("原文")[1]  # the sentence as printed: it prints the value and its direction
    assert value in quoted and direction[-1] in quoted


def test_a_change_the_narrative_kind_answers_stays_its(ask):
    # 社工部: what 与2023年度相比 … 增长100.00% says is the narrative's (kind narrated) to answer
    result = ask("社工部2024年收入支出总计比上年增长了百分之几？")
    assert result["status"] == "answered" and result["figures"][0]["value"] == "100.00"


def test_a_decrease_asked_as_an_increase_is_said_to_be_a_decrease(ask):
    result = ask("普陀财政局收入支出总计比2023年增加了多少万元？")
    main = result["figures"][0]
    assert (main["value"], main["direction"]) == ("56.95", "减少")  # never −56.95, never 增加
    assert "不是增加" in result["answer"]


def test_a_rate_not_printed_is_computed_from_the_printed_amount_and_change(ask):
    # 0.39万元, 比2023年度减少0.15万元, 下降（增长）27.78%: the rate as printed is not read, so it is worked out
    result = ask("普陀规划资源局“三公”经费比2023年下降了百分之几？")
    main = result["figures"][0]
    assert main["computed"] and main["formula"] == "0.15 ÷ (0.39 + 0.15) × 100%"
    assert Decimal(main["value"]) == (Decimal("0.15") / Decimal("0.54") * 100).quantize(Decimal("0.01"))
    assert [f["value"] for f in result["figures"][1:]] == ["0.39", "0.15"]
    assert any("计算" in w for w in result["warnings"])


@pytest.mark.parametrize("question", [
    "泉州数字办2023年机关运行经费比上年增加了多少万元？",  # only the rate is printed: the amount is not worked back
    "泉州数字办2023年因公出国费比上年增长了百分之几？",  # 0 the year before: no rate
    "泉州数字办2023年火箭燃料费比上年增长了百分之几？",  # nothing of the kind printed
])
def test_a_change_the_report_does_not_print_is_not_answered(ask, question):
    result = ask(question)
    assert result["kind"] != "change"
    assert not (result["status"] == "answered" and result["figures"] and result["figures"][0].get("direction"))


@pytest.mark.parametrize("question, value", [
    ("泉州数字办2023年三公经费比上年涨了百分之多少", "274.55"),
    ("晋城大数据局2023年收入总计和上年比少了多少？", "1,264.10"),
    ("规划资源局机关运行经费2024年比2023年是增是减，差多少", "13.52"),
])
def test_a_change_asked_in_everyday_words_is_the_printed_change_not_last_years_amount(reports_ask, question, value):
    result = reports_ask(question)
    assert result["status"] == "answered" and result["kind"] == "change"
    assert result["figures"][0]["value"] == value


def test_is_it_up_or_down_asked_against_a_named_year(reports_ask):
    result = reports_ask("普陀规划资源局机关运行经费和2023年比是增是减")
    assert result["kind"] == "change" and result["figures"][0]["value"] == "13.52" and "减少" in result["answer"]


def test_one_years_report_is_no_series_the_printed_change_answers(reports_ask):
    result = reports_ask("晋城大数据局2023年机关运行经费跟2022年比变化多少")
    assert result["kind"] == "change" and result["figures"][0]["value"] == "79.70"


@pytest.mark.parametrize("question, value", [
    ("泉州数字办 一般行政管理事务（2150502）比上年少了多少", "812.40"),  # the name with its code in brackets
    ("晋江经信 能源节约利用 2018年较2017年增长多少", "3259.23"),  # 约 of 节约 is no 大约
])
def test_a_subjects_change_named_with_its_code_or_words_like_rough_ones(reports_ask, question, value):
    result = reports_ask(question)
    assert result["kind"] == "change" and result["figures"][0]["value"] == value


@pytest.mark.parametrize("question, value", [
    # the compared year in two digits (和23年比, 跟22年比) and the unit after 多少 (减了多少万)
    ("普陀规划资源局24年机关运行经费跟23年比少了多少万？", "13.52"),
    ("普陀财政局24年收入支出总计和23年比少了多少？", "56.95"),
    ("泉州数字办2023年2150501行政运行和22年比减了多少万", "11.19"),
    ("浔阳区数字经济发展中心，商品和服务支出23年比上年减了多少万？", "67.64"),
    ("2023年浔阳区数字经济发展中心对个人和家庭补助支出比上年增了多少万", "4.84"),
    # a department named with its place in brackets
    ("规划和自然资源局（普陀区）2024年“三公”经费比2023年减少了多少万元？", "0.15"),
    ("财政局(普陀)收入支出总计比2023年减少了多少万元？", "56.95"),
])
def test_a_change_asked_with_short_years_and_units(ask, question, value):
    result = ask(question)
    assert result["status"] == "answered" and result["kind"] == "change", result["answer"]
    assert result["figures"][0]["value"] == value


@pytest.mark.parametrize("question, value", [
    ("浔阳区数字经济发展中心2023年工资福利支出比上年增加了多少？", "2.31"),
    ("九江浔阳数字经济中心23年工资福利支出较上年增长了百分之几", "2.75"),
])
def test_a_numbered_sentence_broken_over_lines_is_read_whole(ask, question, value):
    # (一)工资福利支出86.52万元,比上年增加2.31万元, / - 增长 2.75%, 主要原因: … — one sentence, not a heading
    result = ask(question)
    assert result["status"] == "answered" and result["kind"] == "change", result["answer"]
    assert result["figures"][0]["value"] == value
