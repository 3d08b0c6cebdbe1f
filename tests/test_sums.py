"""Several named items of one department added up (answer/aggregate.py, kind `summed`): each item
looked up as a printed figure and cited, the sum computed and labelled; items that are one printed
figure are that figure; a project's figure read from the narrative sentence that names it; a
missing item refuses.  And a column of the units table added up (人员编制数, answer/derived.py)."""
from decimal import Decimal

import pytest


@pytest.fixture(scope="module")
def ask(text_ask):
    return text_ask


def test_items_that_are_one_printed_row_are_that_row(ask):
    result = ask("泉州数字办2023年的电话费、网费一共多少？")  # both are the 邮电费 row
    assert result["kind"] == "summed" and result["status"] == "answered"
    main = result["figures"][0]
    assert (main["value"], main["computed"], main["row"]) == ("4.64", False, "邮电费")
    assert len(result["figures"]) == 1


@pytest.mark.parametrize("department", ["泉州数字办2023年", "智慧福州中心2022年", "晋江经信2018年"])
@pytest.mark.parametrize("phrase", ["{d}差旅费、会议费和培训费一共多少？", "{d}差旅费与会议费及培训费加起来是多少"])
def test_listed_rows_are_added_up_each_cited(ask, department, phrase):
    parts = [ask(f"{department}{item}是多少？")["figures"][0] for item in ("差旅费", "会议费", "培训费")]
    result = ask(phrase.format(d=department))
    assert result["kind"] == "summed" and result["status"] == "answered", result["answer"]
    main, *inputs = result["figures"]
    assert main["computed"] and main["formula"] == " + ".join(p["value"] for p in parts)
    assert Decimal(main["value"]) == sum(Decimal(p["value"].replace(",", "")) for p in parts)
    assert [f["value"] for f in inputs] == [p["value"] for p in parts]
    assert all(f["source"]["line"] for f in inputs) and "计算" in result["answer"]


def test_projects_named_in_the_narrative_are_summed_from_their_sentences(ask):
    result = ask("两个部门评价项目（信息系统通信、运维费和赣服通5.0版九江市县分厅建设经费）执行数加起来多少？")
    assert result["kind"] == "summed" and result["status"] == "answered", result["answer"]
    main, a, b = result["figures"]
    assert (main["value"], main["formula"]) == ("63.05", "29.05 + 34")
    assert main["department"] == "九江市浔阳区数字经济发展中心"
    assert (a["label"], a["value"]) == ("信息系统通信、运维费", "29.05") and b["value"] == "34"
    assert a["source"]["line"] and b["source"]["line"] and "执行数为34万元" in result["answer"]


def test_an_item_not_printed_gives_no_sum(ask):
    result = ask("泉州数字办2023年差旅费和火箭燃料费一共多少？")
    assert result["kind"] != "summed"
    assert not any(f.get("computed") for f in result["figures"])


@pytest.mark.parametrize("question", ["晋江经信部门4家单位的人员编制数加起来是多少？", "晋江经信2018年各单位人员编制数一共多少"])
def test_the_units_tables_staff_establishment_column_is_added_up(ask, question):
    result = ask(question)
    assert result["status"] == "answered" and result["kind"] == "units_total", result["answer"]
    main = result["figures"][0]
    assert (main["value"], main["formula"], main["unit"]) == ("40", "13 + 11 + 7 + 9", "人")
