"""A column's share of its table's total, both printed in the table's total row (answer/within.py,
kind `table_share`): W named by its table's title, P by a column; computed, both cells cited;
nothing where the table prints no overall total."""
from decimal import Decimal

import pytest


@pytest.fixture(scope="module")
def ask(text_ask):
    return text_ask


@pytest.mark.parametrize("question, a, b", [
    ("晋江经信2018年一般公共预算财政拨款基本支出中人员经费占多少？", "1,295.66", "1,943.08"),
    ("晋江经信2018年人员经费占一般公共预算财政拨款基本支出的比例是多少？", "1,295.66", "1,943.08"),
    ("晋江经信2018年基本支出中公用经费占比多少？", "647.42", "1,943.08"),
    ("泉州数字办2023年支出中基本支出占多少？", "689.96", "6325.85"),  # the 本年支出合计 column
])
def test_a_columns_share_of_the_total_row(ask, question, a, b):
    result = ask(question)
    assert result["kind"] == "table_share" and result["status"] == "answered", result["answer"]
    main, part, whole = result["figures"]
    assert main["formula"] == f"{a} ÷ {b} × 100%" and main["computed"]
    x, y = (Decimal(v.replace(",", "")) for v in (a, b))
    assert Decimal(main["value"]) == (x / y * 100).quantize(Decimal("0.01"))
    assert (part["value"], whole["value"]) == (a, b) and part["source"]["line"] == whole["source"]["line"]


def test_a_table_without_an_overall_total_is_not_computed_from(ask):
    # 泉州's 基本支出表 prints 人员经费合计 and 公用经费合计 rows, no 合计 of both
    result = ask("泉州数字办2023年一般公共预算财政拨款基本支出中人员经费占多少？")
    assert result["kind"] != "table_share"
