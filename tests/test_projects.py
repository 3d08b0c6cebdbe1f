"""A project's funds as its 绩效自评表 prints them (issue 12): the project named without its
department (the one report whose forms name it), what is left or overspent against the 全年预算数
(never the 年初预算数 beside it), a name that begins with its department's, in several phrasings."""
from decimal import Decimal

import pytest



@pytest.fixture(scope="module")
def ask(text_ask):
    return text_ask


@pytest.mark.parametrize("question", [
    "泉州数字办“泉州市政府网站及网站群费用”项目还剩多少没执行",
    "“泉州市政府网站及网站群费用”项目2023年预算和执行数差了多少",  # no department: the forms name it
    "泉州市政府网站及网站群费用还有多少预算没有执行？",
])
def test_what_is_left_is_the_full_year_budget_less_what_was_spent(ask, question):
    result = ask(question)
    assert result["status"] == "answered" and result["kind"] == "project", result["answer"]
    main = result["figures"][0]
    assert main["computed"] and main["formula"] == "75.00 − 60.20" and main["value"] == "14.80"


def test_the_full_year_budget_not_the_one_at_the_start_of_the_year(ask):
    # 智慧福州's form prints 年初预算数 0.00 … beside 全年预算数 200.00
    result = ask("智慧福州中心日常工作经费（全年预算200万元那项）还剩多少没执行？")
    assert result["status"] == "answered", result["answer"]
    assert result["figures"][0]["formula"] == "200.00 − 134.73" and result["figures"][0]["value"] == "65.27"


def test_a_project_without_its_department_s_name_is_found_in_its_form(ask):
    result = ask("泉州市政府网站及网站群费用项目2023年的执行率是多少")
    assert result["status"] == "answered" and result["figures"][0]["value"] == "80.27"


def test_overspending_is_spent_less_budget(ask):
    result = ask("“泉州市政府网站及网站群费用”项目实际支出比预算多了多少")
    assert result["status"] == "answered"
    main = result["figures"][0]
    assert main["formula"] == "60.20 − 75.00" and Decimal(main["value"]) == Decimal("-14.80")


def test_a_project_no_report_names_is_not_answered(ask):
    result = ask("“某某市智慧停车平台建设”项目还剩多少没执行")
    assert result["status"] != "answered" and not result["figures"]


def test_what_is_left_of_the_budget_set_at_the_start_of_the_year(reports_ask):
    # the form prints 预算编制数 400 beside 全年预算数 317.025: 年初预算 asks the first
    result = reports_ask("晋城电子政务外网提速扩能试点项目，年初预算400万，实际执行317.025万，差了多少")
    fig = result["figures"][0]
    assert fig["computed"] and fig["value"] == "82.98" and "400" in fig["formula"]
