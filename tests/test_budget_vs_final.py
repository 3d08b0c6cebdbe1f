"""Budget against what was spent (answer/budgeted.py), from what the reports print: the difference
of a row's budget and its 决算 (年初预算 or 全年预算 by the question's measure, the sign by the order
the question names them), what is left unspent, and the completion rate — printed where the report
prints it, computed otherwise.  Rows named by 类/款/项 name, by subject code, as a funds' total or
the department's whole, or as a project / 专项 with or without its department; several reports
(the real Shanghai PDFs, the text reports' narratives and 绩效 forms), phrasings and years."""
from decimal import Decimal

import pytest



@pytest.fixture(scope="module")
def ask(reports_ask):  # the five text reports and the real PDFs, ingested once per session (conftest)
    return reports_ask


def _computed(result, formula: str, value: str):
    assert result["status"] == "answered" and result["kind"] == "budget", result["answer"]
    main = result["figures"][0]
    assert main["computed"] and main["formula"] == formula and main["value"] == value, main
    assert result["answer"].startswith(value)  # the answer leads with the figure
    inputs = result["figures"][1:]
    assert len(inputs) == 2 and all(f["source"]["page"] or f["source"]["line"] for f in inputs)
    assert any("计算" in w for w in result["warnings"])
    return main


@pytest.mark.parametrize("question, formula, value", [
    # a 项 named by its name, in quotes or not, 年初预算 − 决算
    ("普陀财政局“行政运行”科目年初预算比实际决算多了多少？", "1560.05 − 1511.89", "48.16"),
    ("普陀财政局2024年行政运行年初预算和决算差多少", "1560.05 − 1511.89", "48.16"),
    ("普陀规划资源局“行政运行”年初预算比决算多了多少？", "1115.48 − 1092.80", "22.68"),
    ("普陀规划资源局“城乡社区规划与管理”年初预算和决算差多少？", "3110.14 − 2739.56", "370.58"),
    # a subject code names the row its table prints
    ("普陀财政局2024年2010601科目年初预算比决算多多少", "1560.05 − 1511.89", "48.16"),
    # a 类 the narrative states (浔阳: "(一)一般公共服务支出(类)年初预算数523.81万元,决算数261.26万元")
    ("浔阳数经中心2023年一般公共服务支出年初预算比决算多了多少", "523.81 − 261.26", "262.55"),
    # the funds' total and the department's whole
    ("普陀规划资源局2024年一般公共预算年初预算比实际支出多多少？", "10210.34 − 9746.50", "463.84"),
    ("浔阳数经中心2023年财政拨款支出年初预算比决算多了多少？", "529.32 − 292.90", "236.42"),
    ("社工部2024年全年预算比实际支出多了多少？", "321.02 − 307.82", "13.20"),
    ("普陀财政局年初预算比决算多了多少", "2993.92 − 2940.05", "53.87"),
])
def test_budget_less_final_of_a_row(ask, question, formula, value):
    _computed(ask(question), formula, value)


def test_the_measure_asked_chooses_the_budget(ask):
    # 社工部 prints 年初预算为0万元, 全年预算为321.02万元 for the same total
    _computed(ask("社工部2024年一般公共预算全年预算比决算多多少"), "321.02 − 307.82", "13.20")
    _computed(ask("社工部2024年一般公共预算年初预算比决算多多少"), "0 − 307.82", "-307.82")


def test_the_order_named_gives_the_sign(ask):
    # "实际支出比预算多" is executed − budget (晋江 海峡杯 spent 463.07 of 350)
    _computed(ask("2018年“海峡杯”工业设计大赛实际支出比预算多了多少？"), "463.07 − 350", "113.07")
    _computed(ask("2018年“海峡杯”工业设计大赛预算比实际支出少了多少？"), "463.07 − 350", "113.07")


@pytest.mark.parametrize("question, formula, value", [
    # 专项 of the narrative (晋江), named without their department
    ("经济发展鼓励扶持政策资金专项还有多少预算没有执行？", "5479 − 3100.64", "2378.36"),
    ("晋江经信2018年企业管理服务专项还有多少没执行", "70 − 32.643", "37.36"),
    # a project form's own sentence (晋城): 全年批复资金 … 支付 …, 预算下达 … 实际执行 …
    ("智慧晋城运营指挥中心建设项目2023年批复的资金还有多少没付出去？", "1322 − 1013.58", "308.42"),
    ("大数据应用平台运维服务费2023年预算下达数和实际执行数差了多少？", "400 − 156.7", "243.30"),
    ("晋城大数据局2023年重点课题研究经费还有多少没执行", "68 − 68", "0.00"),
    # a project the narrative quotes (浔阳)
    ("浔阳数经中心“信息系统通信、运维费”项目还有多少没执行", "40 − 29.05", "10.95"),
])
def test_what_is_left_unspent(ask, question, formula, value):
    _computed(ask(question), formula, value)


@pytest.mark.parametrize("question, value", [
    ("社工部行政运行科目完成全年预算数的百分之几？", "98.69"),  # "完成全年预算数的98.69%"
    ("智慧城市运营管理中心及智慧城市数据中心专项2018年完成预算的百分之几？", "3.44"),
    ("“赣服通5.0版九江市县分厅建设经费”项目预算执行率是多少", "94.44"),  # "完成预算数94.44%"
    ("普陀规划资源局“城乡社区规划与管理”完成年初预算的百分之几", "88.08"),
])
def test_a_printed_rate_is_stated_as_printed(ask, question, value):
    result = ask(question)  # what the narrative says may answer it first (answer/narrated.py)
    assert result["status"] == "answered" and result["kind"] in ("budget", "narrated"), result["answer"]
    main = result["figures"][0]
    assert not main["computed"] and main["value"] == value and main["unit"] == "%"
    assert main["source"]["page"] or main["source"]["line"]


@pytest.mark.parametrize("question, formula, value", [
    ("社工部“事业运行”科目的预算执行率是多少？", "11.31 ÷ 17.68 × 100%", "63.97"),  # the report prints none
    ("普陀财政局行政运行科目完成预算的百分之几", "1511.89 ÷ 1560.05 × 100%", "96.91"),
    ("社工部2024年事业单位医疗完成全年预算的百分之几", "0.49 ÷ 2.29 × 100%", "21.40"),
])
def test_a_rate_the_report_does_not_print_is_computed(ask, question, formula, value):
    main = _computed(ask(question), formula, value)
    assert Decimal(main["value"]) == (Decimal(formula.split(" ÷ ")[0]) / Decimal(formula.split(" ÷ ")[1].split(" ")[0])
                                      * 100).quantize(Decimal("0.01"))


def test_a_rate_against_a_zero_budget_is_not_computed(ask):
    # 浔阳 卫生健康支出: 年初预算数0.00万元, 决算数25.09万元, no rate printed
    result = ask("浔阳数经中心2023年卫生健康支出完成年初预算的百分之几")
    assert result["status"] != "answered" and not result["figures"]


def test_several_totals_without_funds_are_asked_back(ask):
    # 浔阳 states 财政拨款本年支出 (万元) and the department's whole (元) against their budgets
    result = ask("浔阳数经中心年初预算比决算多多少")
    assert result["status"] == "ambiguous" and not result["figures"] and len(result["options"]) == 2


@pytest.mark.parametrize("question", [
    "社工部2024年差旅费年初预算比决算多多少",  # a row the narrative states no budget for
    "社工部2024年宣传经费还有多少没执行",  # nothing of that name
    "泉州数字办2023年年初预算比决算多多少",  # 泉州 states no 年初预算 of its spending
    "“某某市智慧停车平台建设”项目还剩多少没执行",
])
def test_no_budget_printed_no_figure(ask, question):
    result = ask(question)
    assert result["status"] != "answered" and not result["figures"], result["answer"]
