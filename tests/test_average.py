"""A department's mean 绩效 self-assessment score (answer/aggregate.py, kind `average`): the
average the narrative prints, stated with its sentence; else the mean of every form's printed
total score, computed with its count; refused when the report says more projects were assessed
than forms are read, or prints no form.  `average_score` is what a ranking by it calls."""
from decimal import Decimal

import pytest


@pytest.fixture(scope="module")
def ask(reports_ask):
    return reports_ask


@pytest.mark.parametrize("question, value", [
    ("普陀财政局2024年项目绩效自评平均得了多少分？", "99.43"),
    ("普陀规划资源局项目绩效自评平均得分是多少？", "99.33"),
    ("2024年社工部项目自评的平均分是多少", "100.00"),
])
def test_the_printed_average_is_stated_with_its_sentence(ask, question, value):
    result = ask(question)
    assert result["kind"] == "average" and result["status"] == "answered", result["answer"]
    main = result["figures"][0]
    assert (main["value"], main["unit"], main["computed"]) == (value, "分", False)
    assert f"平均得分{value}分" in result["answer"] and main["source"]["page"]


@pytest.mark.parametrize("question", ["泉州数字办2023年项目绩效自评平均得了多少分？", "2023年泉州数字办自评项目平均得分多少"])
def test_without_a_printed_average_the_forms_scores_are_averaged(ask, question):
    result = ask(question)
    assert result["kind"] == "average" and result["status"] == "answered", result["answer"]
    main, *forms = result["figures"]
    assert main["computed"] and len(forms) == 9  # the report: 对2023年度9个项目…自评
    scores = [Decimal(f["value"]) for f in forms]
    assert main["formula"] == f"({' + '.join(f['value'] for f in forms)}) ÷ 9"
    assert Decimal(main["value"]) == (sum(scores) / 9).quantize(Decimal("0.01"))
    assert all(f["source"]["line"] for f in forms)


def test_forms_whose_count_agrees_with_the_narrative_are_averaged_zeros_included(ask):
    # 晋城: 二级项目绩效自评个数13个; 13 forms, two of them print 总分 0 (差)
    result = ask("晋城大数据局项目自评平均得分是多少？")
    main, *forms = result["figures"]
    assert main["computed"] and len(forms) == 13 and main["formula"].endswith("÷ 13")
    assert sum(1 for f in forms if f["value"] == "0") == 2


@pytest.mark.parametrize("question", [
    "浔阳数经中心项目绩效自评平均得分多少？",  # 13 projects; 2 forms read
    "晋江经信2018年项目绩效自评平均得了多少分？",  # no form read as a project's
])
def test_an_average_over_forms_not_all_read_is_refused(ask, question):
    result = ask(question)
    assert result["kind"] == "average" and result["status"] == "not_found" and not result["figures"]
    assert "平均" in result["answer"]


def test_average_score_for_a_ranking(reports_ask):
    from answer.aggregate import average_score

    answerer = reports_ask.__self__
    catalog = answerer.catalog
    document = catalog.document_for("上海市普陀区财政局", 2024)
    found = average_score(catalog, document)
    assert (found.value, found.computed) == ("99.43", False)
    refused = average_score(catalog, catalog.document_for("九江市浔阳区数字经济发展中心", 2023))
    assert refused.value is None and "13" in refused.reason  # 13 projects said, 2 forms read
