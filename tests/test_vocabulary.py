"""Everyday words (domain/vocabulary.py) reach the subjects reports print under their national
names, in every report that prints them: each word asked of each department that has the row
gives that row's printed figure, never another row's."""
import pytest

from conftest import TEXTS, ingested
from domain.vocabulary import EVERYDAY_TERMS, report_terms

SHORT = {"泉州市数字泉州建设办公室": "泉州数字办", "晋城市大数据应用局": "晋城大数据局",
         "福州市“智慧福州”管理服务中心": "智慧福州中心", "晋江市经信部门": "晋江经信",
         "九江市浔阳区数字经济发展中心": "浔阳数经中心"}
WORDS = ["底薪", "工会", "电话费", "网费", "物业", "维修", "房租", "软件", "低保", "打印", "劳务", "福利"]


def cases():
    for path in TEXTS:
        doc = ingested(path)
        for word in WORDS:
            term = EVERYDAY_TERMS[word][0]
            values = {f.value_text for f in doc.facts if f.row_label == term and f.number is not None}
            if values:
                yield pytest.param(doc.meta.department, doc.meta.year, word, values, id=f"{path.stem[:3]}-{word}")


@pytest.fixture(scope="module")
def ask(text_ask):
    return text_ask


@pytest.mark.parametrize("department, year, word, values", list(cases()))
@pytest.mark.parametrize("phrase", ["{d}{y}年{w}是多少？", "{d}的{w}花了多少钱", "{y}年{d}交了多少{w}"])
def test_an_everyday_word_gives_the_printed_row(ask, department, year, word, values, phrase):
    result = ask(phrase.format(d=SHORT[department], y=year, w=word))
    assert result["status"] == "answered", result["answer"]
    main = result["figures"][0]
    assert main["row"] == EVERYDAY_TERMS[word][0] and main["value"] in values


def test_the_words_cover_several_reports():
    assert len({c.values[0] for c in cases()}) >= 4 and len(list(cases())) >= 25


@pytest.mark.parametrize("question, terms", [
    ("泉州数字办2023年补贴职工租房的钱有多少", ["提租补贴"]),  # 补贴…租房: 租房补贴, not 租赁费
    ("晋江经信2018年补贴给企业的钱有多少？", ["对企业补助"]),
    ("给干部补贴租房花了多少", ["提租补贴"]),
    ("单位租房的钱是多少", ["租赁费"]),  # said the usual way round, 租房 alone is renting premises
    # the parts apart over punctuation are not one word said round (支出”的本年收入 is not 本年支出)
    ("“其他支出”的本年收入合计是多少", ["本年收入合计"]),
])
def test_a_word_said_the_other_way_round_is_the_word(question, terms):
    assert report_terms(question) == terms


@pytest.mark.parametrize("department, year, values", [
    pytest.param(d, y, v, id=d) for d, y, v in (
        (doc.meta.department, doc.meta.year,
         {f.value_text for f in doc.facts if f.row_label == "提租补贴" and f.number is not None})
        for doc in (ingested(p) for p in TEXTS)) if v])
@pytest.mark.parametrize("phrase", ["{d}{y}年补贴职工租房的钱一共多少？", "{y}年{d}给干部补贴租房花了多少"])
def test_the_housing_subsidy_said_as_a_verb_gives_its_row(ask, department, year, values, phrase):
    result = ask(phrase.format(d=SHORT[department], y=year))
    assert result["status"] == "answered", result["answer"]
    assert result["figures"][0]["row"] == "提租补贴" and result["figures"][0]["value"] in values


@pytest.mark.parametrize("department, year, values", [
    pytest.param(d, y, v, id=d) for d, y, v in (
        (doc.meta.department, doc.meta.year,
         {f.value_text for f in doc.facts if f.row_label == "职工基本医疗保险缴费" and f.number is not None})
        for doc in (ingested(p) for p in TEXTS)) if v])
@pytest.mark.parametrize("phrase", ["{d}{y}年替职工交的医保是多少钱？", "{y}年{d}给职工交医保花了多少", "{d}{y}年医保缴费多少"])
def test_medical_insurance_paid_is_the_contribution(ask, department, year, values, phrase):
    # 医保 alone may be the functional 行政单位医疗; 医保 paid (交/缴) is the unit's contribution, 30110
    result = ask(phrase.format(d=SHORT[department], y=year))
    assert result["status"] == "answered", result["answer"]
    assert result["figures"][0]["row"] == "职工基本医疗保险缴费" and result["figures"][0]["value"] in values
