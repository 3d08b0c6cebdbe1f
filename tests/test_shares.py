"""A part's share of its whole ("W里 P 占多少比例"), computed only from a part printed beside its
whole — in the same table, or in the sentence that breaks the whole down — never from a row of
the same name elsewhere; several departments, wholes and phrasings."""
from decimal import Decimal

import pytest



@pytest.fixture(scope="module")
def ask(text_ask):
    return text_ask


@pytest.mark.parametrize("department, whole, part, a, b", [
    ("晋城大数据局2023年", "政府采购", "服务类", "206.60", "207.70"),  # the statistics table's rows
    ("晋城大数据局2023年", "政府采购", "货物", "1.10", "207.70"),
    ("智慧福州中心2022年", "政府采购", "服务采购", "4639.52", "4655.28"),  # only the narrative breaks it down
    ("泉州数字办2023年", "本年收入", "政府性基金预算财政拨款收入", "2000.00", "6324.90"),  # the summary table
])
@pytest.mark.parametrize("phrase", ["{d}{w}里{p}占了多少比例？", "{d}{w}中，{p}占比多少", "{d}{w}当中{p}所占比重是多少"])
def test_a_part_s_share_of_its_whole(ask, department, whole, part, a, b, phrase):
    result = ask(phrase.format(d=department, w=whole, p=part))
    assert result["status"] == "answered" and result["kind"] == "computed", result["answer"]
    main = result["figures"][0]
    assert main["formula"] == f"{a} ÷ {b} × 100%"
    assert Decimal(main["value"]) == (Decimal(a) / Decimal(b) * 100).quantize(Decimal("0.01"))
    inputs = result["figures"][1:]
    assert [f["value"] for f in inputs] == [a, b] and inputs[0]["source"]["document"] == inputs[1]["source"]["document"]


def test_a_part_the_whole_does_not_break_down_is_not_computed(ask):
    result = ask("晋城大数据局2023年政府采购里差旅费占了多少比例？")
    assert result["status"] != "answered" or result["kind"] != "computed"
