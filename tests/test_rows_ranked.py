"""Rows of one table ranked by what they print: the rows under a named subject, or every row of a
level, over several reports; tables whose rows are read off their names are not ranked."""
import pytest


def _labels(result):
    return [f["label"] for f in result["figures"]]


@pytest.mark.parametrize("question, first, n", [
    ("晋江经信2018年商品和服务支出里最多的四项是哪些，按金额排", "劳务费", 4),
    ("泉州数字办2023年工资福利支出中哪几项最多", "奖金", None),
    ("社工部2024年工资福利支出里最多的两项", "津贴补贴", 2),
])
def test_the_rows_under_a_subject_are_ranked_in_its_table_and_column(reports_ask, question, first, n):
    result = reports_ask(question)
    assert result["status"] == "answered" and _labels(result)[0] == first
    values = [f["number"] for f in result["figures"]]
    assert values == sorted(values, reverse=True) and (n is None or len(values) == n)
    assert len({(f["table_title"], f["column"]) for f in result["figures"]}) == 1  # one table, one column


@pytest.mark.parametrize("question, first", [
    ("晋城大数据局2023年各类支出按金额从大到小排个序", "一般公共服务支出"),
    ("普陀规划资源局2024年各类支出排序", "自然资源海洋气象等支出"),
    ("普陀财政局2024年一般公共预算各款支出从大到小", "财政事务"),
])
def test_every_row_of_a_level_is_ranked_from_the_table_of_the_asked_funds(reports_ask, question, first):
    result = reports_ask(question)
    assert result["status"] == "answered" and _labels(result)[0] == first
    funds_asked = "一般公共预算" in question
    assert all(("一般公共预算" in f["table_title"]) == funds_asked for f in result["figures"])


@pytest.mark.parametrize("question", ["智慧福州中心2022年各项支出中最多的三项", "泉州数字办2023年各类收入排序"])
def test_rows_read_off_their_names_or_income_by_source_are_not_ranked(reports_ask, question):
    result = reports_ask(question)
    assert result["status"] == "not_found" and not result["figures"]
