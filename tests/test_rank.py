"""Rankings on the real reports: every compared department's (or item's) printed figure stated in
order with its citation, the departments read piece by piece from how the question lists them,
and refusals where a ranking could crown the wrong one."""
import re

import pytest

from conftest import REAL_REPORTS, TEXTS
from index.store import Store
from ingest import ingest_paths

QZ, JC, FZ, JJ, XY = ("泉州市数字泉州建设办公室", "晋城市大数据应用局", "福州市“智慧福州”管理服务中心", "晋江市经信部门",
                      "九江市浔阳区数字经济发展中心")
CZJ, GH, SG = "上海市普陀区财政局", "上海市普陀区规划和自然资源局", "中共上海市普陀区委社会工作部"


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    from answer import Answerer

    folder = tmp_path_factory.mktemp("rank")
    with Store(folder) as store:
        ingest_paths(TEXTS + REAL_REPORTS, store)
    answerer = Answerer(folder, search=False)
    yield answerer.ask
    answerer.close()


def _ranked(result, labels, values):
    """The answer states each label with its printed value, in this order, and cites each."""
    assert result["status"] == "answered", result["answer"]
    assert result["kind"] == "rank"
    text = result["answer"]
    chain = text.split("。")[0]
    at = [chain.find(f"{label} {value}") for label, value in zip(labels, values)]
    assert all(p >= 0 for p in at) and at == sorted(at), (labels, values, text)
    assert [f["value"] for f in result["figures"]] == list(values)
    for f in result["figures"]:
        assert f["source"]["document"] and (f["source"]["page"] or f["source"]["line"])
        assert f["value"] in text
    return result


# ---- across departments --------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "2023年泉州数字办、晋城大数据局、浔阳数经中心三家，谁的本年支出合计最多？请从高到低排列。",
    "泉州数字办、晋城大数据局和浔阳数经中心2023年本年支出合计按从高到低排序",
    "哪个单位的本年支出合计最多：泉州市数字泉州建设办公室、晋城市大数据应用局、九江市浔阳区数字经济发展中心？",
])
def test_text_reports_ranked_by_their_printed_total(ask, question):
    result = _ranked(ask(question), [JC, QZ, XY], ["7,176.23", "6325.85", "292.90"])
    assert [c["department"] for c in result["comparison"]] == [JC, QZ, XY]
    assert result["answer"].startswith("本年支出合计从高到低：")
    assert {f["table"] for f in result["figures"]} == {"公开01表"}


@pytest.mark.parametrize("question", [
    "2024年普陀区财政局、规划和自然资源局、区委社会工作部，本年支出合计从高到低怎么排？",
    "普陀财政局、普陀规划资源局与社工部（2024年）本年支出合计排名",
    "上海市普陀区规划和自然资源局、中共上海市普陀区委社会工作部和上海市普陀区财政局哪个部门的本年支出合计最高",
])
def test_three_departments_of_one_district_named_by_short_forms(ask, question):
    result = _ranked(ask(question), [GH, CZJ, SG], ["9759.38", "2,940.05", "307.82"])
    assert len(result["comparison"]) == 3
    assert all(f["source"]["page"] for f in result["figures"])


def test_lowest_first_when_the_question_asks_for_the_least(ask):
    _ranked(ask("普陀区财政局、规划和自然资源局、区委社会工作部，2024年谁的人员经费最少？"),
            [SG, CZJ, GH], ["95.36", "2,152.26", "4884.09"])
    result = _ranked(ask("泉州数字办2023年、晋城大数据局2023年的差旅费从低到高排一下"), [JC, QZ], ["0.65", "4.64"])
    assert " < " in result["answer"] and "最低的是晋城市大数据应用局" in result["answer"]
    _ranked(ask("普陀区财政局、规划和自然资源局、区委社会工作部，2024年哪家的人员经费最多？请排序。"),
            [GH, CZJ, SG], ["4884.09", "2,152.26", "95.36"])


def test_amounts_only_the_narrative_states_are_ranked_with_their_sentences(ask):
    _ranked(ask("比较一下2023年泉州数字办、晋城大数据局和浔阳数经中心的机关运行经费，从多到少。"),
            [QZ, JC, XY], ["57.21", "35.11", "8.29"])
    _ranked(ask("2023年度三个单位（泉州市数字泉州建设办公室、晋城市大数据应用局、九江市浔阳区数字经济发展中心）"
                "政府采购支出总额从高到低排序。"), [QZ, JC, XY], ["1836.89", "207.70", "0.39"])
    _ranked(ask("2024年普陀区财政局、规划和自然资源局、区委社会工作部的政府采购金额，按从高到低排列。"),
            [GH, CZJ, SG], ["2319.21", "251.25", "21.07"])


def test_a_budget_measure_is_ranked_only_where_it_is_printed_as_that_measure(ask):
    result = _ranked(ask("普陀区财政局、规划和自然资源局、区委社会工作部，2024年一般公共预算财政拨款支出的年初预算"
                         "各是多少？按从高到低排。"), [GH, CZJ, SG], ["10210.34", "2993.92", "0"])
    assert "2940.05" not in result["answer"].split("。")[0]  # the final figure is not the budget
    # 全年预算 is printed by one of the three only: no ranking
    refused = ask("普陀区财政局、规划和自然资源局、区委社会工作部2024年一般公共预算财政拨款支出的全年预算谁最高")
    assert refused["status"] != "answered" and refused["figures"] == []


def test_a_place_names_each_of_its_departments(ask):
    result = _ranked(ask("普陀三家单位的差旅费排名"), [GH, CZJ, SG], ["1.50", "1.20", "1.15"])
    assert len(result["comparison"]) == 3


def test_a_ranking_that_names_none_compares_the_reports_of_the_year_asked(ask):
    result = _ranked(ask("2024年哪个单位的本年支出合计最高？"), [GH, CZJ, SG], ["9759.38", "2,940.05", "307.82"])
    assert {c["year"] for c in result["comparison"]} == {2024}
    every = ask("哪个单位的差旅费最多？")
    assert every["status"] == "answered" and len(every["comparison"]) == 8
    numbers = [c["number"] for c in every["comparison"]]
    assert numbers == sorted(numbers, reverse=True)
    assert any("年度不同" in w for w in every["warnings"])


def test_a_department_without_the_figure_refuses_the_ranking_it_is_in(ask):
    # 普陀区财政局 and 晋城大数据局 print no 物业管理费 row: a ranking with either could crown the wrong one
    for question, lacking in (("泉州数字办和普陀区财政局的物业管理费谁多", CZJ),
                              ("泉州数字办、晋城大数据局的物业管理费谁最多", JC)):
        result = ask(question)
        assert result["status"] == "not_found" and result["figures"] == [], result["answer"]
        assert "无法比较" in result["answer"] and lacking in result["answer"]
    # only the departments compared count: these two print it
    _ranked(ask("普陀区规划和自然资源局和泉州数字办的物业管理费哪个最多"), [GH, QZ], ["82.20", "11.22"])
    _ranked(ask("泉州数字办和晋江经信的机关运行经费谁多"), [JJ, QZ], ["425.86", "57.21"])


@pytest.mark.parametrize("question, named", [
    ("泉州数字办、某某中心和晋城大数据局的差旅费谁多", "某某中心"),
    ("泉州数字办、中心、晋城大数据局的差旅费谁多", "中心"),
])
def test_a_listed_piece_that_names_no_department_or_several_is_ambiguous(ask, question, named):
    result = ask(question)
    assert result["status"] == "ambiguous" and named in result["answer"] and result["figures"] == []


def test_an_organisation_the_index_lacks_is_never_dropped_from_the_ranking(ask):
    result = ask("泉州数字办、晋城大数据局、北京市教育局的差旅费谁多")
    assert result["status"] == "not_found" and "北京市教育局" in result["answer"] and result["figures"] == []


def test_one_department_and_no_items_is_no_ranking(ask):
    result = ask("泉州数字办哪个科目支出最多")
    assert result["status"] == "not_found" and result["figures"] == []


# ---- the departments a question lists --------------------------------------------------------

def test_pieces_name_departments_by_the_place_named_before_them():
    from answer.ranking import named_in

    names = [CZJ, GH, SG, "上海市静安区规划和自然资源局", "中共上海市静安区委社会工作部", QZ, XY]
    putuo = named_in("2024年普陀区财政局、规划和自然资源局、区委社会工作部，本年支出合计从高到低", names, [])
    assert putuo.departments == [CZJ, GH, SG] and not putuo.problems
    jingan = named_in("静安区规划和自然资源局和区委社会工作部2024年谁的人员经费多", names, [])
    assert jingan.departments == ["上海市静安区规划和自然资源局", "中共上海市静安区委社会工作部"]
    unclear = named_in("规划和自然资源局、泉州数字办的差旅费排序", names, [])
    assert unclear.problems and set(unclear.options) >= {GH, "上海市静安区规划和自然资源局"}
    years_after = named_in("泉州数字办2023年和浔阳数经中心2023年的差旅费", names, [])
    assert years_after.departments == [QZ, XY]


# ---- items of one department ---------------------------------------------------------------

@pytest.mark.parametrize("question, labels, values", [
    ("泉州数字办基本支出里的差旅费、培训费、会议费，按金额从高到低排一下。", ["差旅费", "培训费", "会议费"],
     ["4.64", "1.31", "1.04"]),
    ("泉州数字办2023年基本支出中会议费、差旅费和培训费从低到高排序", ["会议费", "培训费", "差旅费"],
     ["1.04", "1.31", "4.64"]),
    ("普陀财政局公用经费里福利费、其他交通费用、工会经费，按金额从高到低排。", ["其他交通费用", "福利费", "工会经费"],
     ["48.49", "42.77", "24.42"]),
    ("普陀规划资源局公用经费中办公费、物业管理费、福利费，谁最多？从高到低排。", ["办公费", "物业管理费", "福利费"],
     ["84.62", "82.20", "73.19"]),
    ("社工部公用经费里办公费、其他交通费用、福利费从高到低怎么排？", ["办公费", "其他交通费用", "福利费"],
     ["3.78", "2.43", "1.48"]),
    ("晋江经信基本支出里劳务费、委托业务费、其他商品和服务支出，从高到低怎么排？",
     ["劳务费", "委托业务费", "其他商品和服务支出"], ["185.25", "120.86", "66.88"]),
])
def test_items_of_one_department_ranked_from_one_table_and_column(ask, question, labels, values):
    result = _ranked(ask(question), labels, values)
    assert len({(f["table_title"], f["column"]) for f in result["figures"]}) == 1
    assert [c["item"] for c in result["comparison"]] == labels


@pytest.mark.parametrize("question, labels, values", [
    ("晋城大数据局的智库合作项目、电子政务外网运维服务费用、城市云平台运维服务费用三个项目的自评总分从高到低怎么排？",
     ["智库合作项目", "电子政务外网运维服务费用", "城市云平台运维服务费用"], ["98.5", "95", "90"]),
    ("晋城大数据局的重点课题研究经费、晋城市智慧人大建设项目费用和应用系统适配改造及资源租用三个项目自评得分从低到高",
     ["应用系统适配改造及资源租用", "重点课题研究经费", "晋城市智慧人大建设项目费用"], ["40", "74", "78.43"]),
    ("泉州数字办的数字泉州发展专项资金、专网光纤租用经费和数字产业规划前期工作专项经费，哪个项目自评得分最高？请排序",
     ["专网光纤租用经费", "数字产业规划前期工作专项经费", "数字泉州发展专项资金"], ["99", "90", "80"]),
])
def test_projects_of_one_department_ranked_by_their_forms_total_score(ask, question, labels, values):
    result = _ranked(ask(question), labels, values)
    assert all(f["unit"] == "分" or f["unit"] == "" for f in result["comparison"])
    # each score is cited from its own project's form
    assert len({f["source"]["line"] for f in result["figures"]}) == len(labels)


@pytest.mark.parametrize("question, missing", [
    ("泉州数字办的差旅费、飞机费、会议费排序", "飞机费"),
    ("晋城大数据局的智库合作项目、火星探测项目、城市云平台运维服务费用的自评总分从高到低", "火星探测项目"),
])
def test_an_item_the_report_lacks_refuses_the_ranking(ask, question, missing):
    result = ask(question)
    assert result["status"] == "not_found" and missing in result["answer"] and result["figures"] == []


def test_items_printed_in_different_tables_are_not_ranked_together(ask):
    result = ask("泉州数字办的差旅费和本年支出合计谁最高")
    assert result["status"] == "not_found" and result["figures"] == []
    assert re.search("不同的表格|同一口径", result["answer"])
