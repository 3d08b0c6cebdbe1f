"""Per person (issue 12, class 7): a printed amount ÷ the department's 在职人数, computed, with
its formula and every input cited; over several departments, amounts and phrasings."""
from decimal import Decimal

import pytest



@pytest.fixture(scope="module")
def ask(text_ask):
    return text_ask


@pytest.mark.parametrize("department, item, amount, staff", [
    ("泉州数字办2023年", "基本工资", "142.29", 29),  # two units: 14 + 15
    ("智慧福州中心2022年", "人员经费", "680.30", 25),
    ("晋江经信2018年", "差旅费", "8.48", 36),  # four units: 12 + 10 + 6 + 8
])
@pytest.mark.parametrize("phrase", ["人均{i}是多少", "按在职人数算，{d}每人的{i}大约多少万元", "{i}平均每人多少"])
def test_per_person_divides_the_printed_amount_by_the_staff_in_post(ask, department, item, amount, staff, phrase):
    text = phrase.format(i=item, d="") if "{d}" in phrase else department + phrase.format(i=item)
    if "{d}" in phrase:
        text = phrase.format(i=item, d=department)
    result = ask(text)
    assert result["status"] == "answered" and result["kind"] == "per_person", (text, result["answer"])
    main = result["figures"][0]
    assert main["computed"] and main["formula"].startswith(f"{amount} ÷ {staff}")
    assert Decimal(main["value"]) == (Decimal(amount) / staff).quantize(Decimal("0.01"))
    assert {f["value"] for f in result["figures"][1:]} >= {amount}


def test_a_department_whose_units_table_lacks_the_staff_is_refused(ask):
    result = ask("晋城大数据局2023年人均差旅费是多少")
    assert result["status"] == "not_found" and not result["figures"]


@pytest.mark.parametrize("question", ["晋城大数据局局长的工资是多少", "泉州数字办主任一年花多少差旅费"])
def test_one_person_s_pay_is_never_a_figure(ask, question):
    result = ask(question)
    assert result["status"] == "not_found" and not result["figures"] and "个人" in result["answer"]
